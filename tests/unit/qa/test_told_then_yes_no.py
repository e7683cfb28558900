"""A yes/no after what the reader tells, behind a dash ("my client overtrains — is overexertion a risk factor"), and
the lay ways of asking whether something needs a doctor ("does that need looking at"): answered yes, with the quote."""

import pytest

from kg.qa.ask import ask
from kg.qa.text import clauses, tokenize

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", ["my brother runs marathons every month - is overexertion a risk factor for spasms",
                                      "I coach a squad that trains hard all week — can dehydration cause muscle spasms"])
def test_a_yes_no_behind_a_dash_after_a_story_is_answered_yes(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and answer.message.startswith("Yes")


@pytest.mark.parametrize("text", ["heat or ice - which one works better", "low-impact exercise for knee spasms"])
def test_a_dash_before_no_auxiliary_keeps_one_clause(text):
    assert len(clauses(tokenize(text))) == 1


@pytest.mark.parametrize("question", ["my knee twitches and I keep losing my balance, does that need looking at",
                                      "knee spasms with trouble speaking, do they need to be checked by someone"])
def test_whether_a_sign_needs_seeing_is_a_warning_sign_question(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "medical attention" in answer.message


@pytest.mark.parametrize("question", ["when i drink a lot of coffee, my knee twitches. caffeine can do that?",
                                      "if I am dehydrated for days, spasms can come from it?"])
def test_a_yes_no_asked_in_statement_order_after_a_when_or_if_clause_is_the_question(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and answer.message.startswith("Yes")


@pytest.mark.parametrize("question", ["are balance problems one of the signs the article says need a doctor",
                                      "is weakness one of the signs that needs a doctor"])
def test_a_sign_that_needs_a_doctor_is_a_warning_sign_not_whether_spasms_need_one(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "medical attention" in answer.message


@pytest.mark.parametrize("question", ["I've got ALS. Is weakness one of the signs that needs a doctor?",
                                      "my brother has diabetes and now trouble speaking. is difficulty speaking a warning sign?"])
def test_a_yes_no_complete_in_itself_falls_back_to_the_topic_when_the_storys_thing_gives_none(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "medical attention" in answer.message


def test_a_pronoun_keeps_the_storys_thing_as_the_one_asked(real_store):
    answer = ask(real_store, "my mum has diabetes. does magnesium help with it?")
    assert answer.boolean is not True


@pytest.mark.parametrize("question", ["roughly how long might a spasm be expected to last?",
                                      "how long is a cramp expected to go on for"])
def test_a_related_word_in_its_ing_form_is_not_read_from_another_form(real_store, question):
    answer = ask(real_store, question)  # "expecting" (pregnant) is not "expected to last"
    assert answer.kind == "describe" and "pregnan" not in (answer.reading or "").lower()


def test_a_remedy_asked_after_a_story_keeps_the_storys_condition(real_store):
    answer = ask(real_store, "I have ALS. can stretching help?")  # not turned into a yes about spasms
    assert answer.boolean is not True


def test_a_related_word_in_its_ing_form_still_links_its_base_form(real_store):
    answer = ask(real_store, "I'm trying to eat properly for me and the baby - which nutrients in my diet matter for cramps")
    assert "Calcium" in " ".join(a["label"] for a in answer.answers)
