"""A yes/no qualified by people the article never names ("can *kids and teenagers* get knee spasms from an autoimmune
disease") or by a clause with its own verb about a time it never speaks of ("does that still apply *after the baby is
born*") is not answered yes for the unqualified fact: the answer names what the article does not mention (batches 27
and 28's two wrong yeses, as classes). A phrase without a verb ("before a big race") stays an incidental detail."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, unmentioned", [
    ("can toddlers get leg cramps from dehydration", "toddlers"),
    ("can preschoolers and infants have knee twitching from low vitamins", "preschoolers"),
    ("pregnancy is a risk factor, fine, but does it still count once the baby has arrived?", "baby has arrived"),
    ("does the risk from hormonal changes stay after the menopause is over", "menopause"),
])
def test_the_qualifier_is_named_and_never_a_yes(question, unmentioned):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is not True, answer["message"]
    assert "does not mention" in answer["message"] and unmentioned in answer["message"], answer["message"]


@pytest.mark.parametrize("question", [
    "can stress make knee twitching worse before an exam",
    "can athletes get muscle spasms",
])
def test_known_people_and_verbless_phrases_keep_the_yes(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is True, answer["message"]
