""""Should I get help right away" after a story of too many stimulants is the warning-sign yes/no: the article advises
immediate medical attention for a suspected stimulant overdose. A condition clause without a comma ("if … should I …")
is context, the inverted auxiliary the question."""

import pytest

from kg.qa.analysis import analyse
from kg.qa.ask import ask
from kg.qa.lexicon import lexicon
from kg.qa.linking import label_index
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "I took way too many stimulants, should I get help right away?",
    "if i think i overdosed on stimulants should i get some help",
    "my son had way too many energy drinks and now his legs twitch. should he get help straight away?",
])
def test_a_suspected_overdose_calls_for_immediate_attention(question):
    answer = ask(STORE, question)
    assert answer.boolean is True and "immediate medical attention" in answer.message, answer.message


@pytest.mark.parametrize("question, asked", [
    ("if my knee keeps twitching for weeks should i see a doctor", "should i see a doctor"),
    ("if i drink lots of coffee can it make my knee twitch", "can it make my knee twitch"),
])
def test_a_condition_without_a_comma_is_context(question, asked):
    an = analyse(question, label_index(STORE), lexicon(STORE))
    assert " ".join(t.surface for t in an.question) == asked


@pytest.mark.parametrize("question", [
    "my uncle's knee twitches and he slurs his words now, is that one to get help for quickly",
    "knee keeps jerking and i'm finding it hard to swallow, is that a thing to get medical help for",
])
def test_something_to_get_help_for_asks_whether_it_needs_a_doctor(question):
    answer = ask(STORE, question)
    assert answer.boolean is True and "medical attention" in answer.reading, answer.reading
