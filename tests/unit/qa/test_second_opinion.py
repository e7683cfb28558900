"""kg.qa.second_opinion: a yes/no the parser abstains on is answered "Yes" from the one stated fact both of whose ends
the question names, in the relation asked, with no word left over that names something else — never a "No", and
not-stated near misses (a thing the article never names, a comparison, another relation) stay unanswered.
New phrasings, in no batch."""

import pytest

from kg.qa.answer import Answer, executor
from kg.qa.ask import _plain, ask
from kg.qa.closest import quote_index
from kg.qa import second_opinion
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, said", [
    ("my legs get jumpy after a long shift on the line, could repetitive motions be to blame", "overuse"),
    ("my arms get twitchy after hours of typing, could repeating the same motion be behind it", "repetitive"),
    ("my calves cramp after long shifts at the till, could doing the same motion all day be behind it", "overuse"),
    ("my feet cramp on long hikes, does sipping water through the day help", "hydration"),
    ("my legs seize up on shift walks, would sipping water through the day help", "hydration"),
    ("my calf tightens after every swim, does drinking water through the day help", "hydration"),
    ("legs lock up on long rides, would sipping water through the day help", "hydration"),
])
def test_a_stated_fact_both_ends_named_is_a_yes_with_its_quote(question, said):
    answer = ask(STORE, question)
    assert answer.boolean is True, answer.message
    assert answer.message.startswith("Yes — the article says") and said in answer.message.lower(), answer.message
    assert answer.reading.startswith("I read this as"), answer.reading
    assert answer.evidence and answer.evidence[0]["quote"].rstrip("”") in answer.message, "a yes quotes the article"


@pytest.mark.parametrize("question", [
    "does zinc help cramps",  # a thing the article never names
    "is cold weather a cause",
    "will eating kiwis stop my cramps",  # "eating" is nutrition, but kiwis are not the article's
    "does decaf cause twitching",
    "is stretching or massage better for a spasm",  # a comparison: both are stated, neither is ranked
    "are older people or athletes more likely to get spasms",
    "does caffeine help cramps",  # the article links them as a cause, not a help
    "can knee twitching bring on dehydration",  # the stated cause, turned round
    "is caffeine any good for cramps or not",  # no relation the article states: "good" is no cause
    "my friend swears by pickle juice for cramps, does it work",
    "is this cramp the same thing as growing pains",
    "I've been diagnosed with lupus, does sipping water through the day help it",  # "it" is the condition told
    "my sister has fibromyalgia, could repetitive motions be to blame for that",
    "a few of my goats are twitching in the back legs, could drinking too little cause that",  # another subject told
    "my mum has gout, does drinking water help with that",
    "what do magnesium and calcium do for you? the article keeps telling me to eat them",  # no yes/no asked
])
def test_not_stated_near_misses_stay_unanswered(question):
    answer = ask(STORE, question)
    assert answer.boolean is not True, answer.message
    assert answer.boolean is not False, "never a no the article does not state"


def _abstained(question: str, **fields) -> Answer:
    return Answer(question=question, **fields)


@pytest.mark.parametrize("declined", ["dose", "advice", "prognosis", "sparql"])
def test_a_refusal_is_never_second_guessed(declined):
    question = "could repetitive motions be to blame for my twitchy knee"
    answer = second_opinion.consider(executor(STORE), quote_index(STORE), _abstained(question, declined=declined),
                                     lambda: _plain(STORE, question), question)
    assert answer.boolean is None and answer.declined == declined


def test_an_abstention_becomes_the_stated_fact_with_its_qualifier():
    question = "my knee jumps after band practice, could doing the same motion over and over be behind it"
    answer = second_opinion.consider(executor(STORE), quote_index(STORE), _abstained(question),
                                     lambda: _plain(STORE, question), question)
    assert answer.boolean is True and answer.kind == "boolean" and answer.answered
    assert "can cause" in answer.message and "overuse" in answer.message.lower()
    assert answer.evidence[0]["relation_label"]


def test_another_relation_asked_is_no_yes():
    question = "does caffeine ease cramps"
    found = second_opinion.opinions(executor(STORE), quote_index(STORE), _plain(STORE, question))
    assert found and not any(o.agrees for o in found), [(o.statement.predicate, o.related) for o in found]


def test_a_word_for_another_thing_leaves_the_fact_unmatched():
    question = "will eating bananas stop my knee twitching"
    found = second_opinion.opinions(executor(STORE), quote_index(STORE), _plain(STORE, question))
    assert not any(o.agrees for o in found)
    assert any("bananas" in o.unexplained for o in found)
