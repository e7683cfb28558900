"""A verb of reducing before a thing the article names is the act of reducing it: read as the article's therapy that
reduces it ("cutting caffeine": stimulant reduction), never as the thing — so never "yes, caffeine …" to "does
cutting caffeine help" (kg.qa.reduced)."""

import pytest

from kg.qa.analysis import analyse
from kg.qa.ask import ask
from kg.qa.lexicon import lexicon
from kg.qa.linking import label_index
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()
ID = "https://w3id.org/kneekg/id/"


def _anchors(question: str) -> set[str]:
    return {m.iri for m in analyse(question, label_index(STORE), lexicon(STORE)).anchors}


@pytest.mark.parametrize("question", [
    "is it worth cutting caffeine",
    "cut caffeine knee twitch help?",
    "will ditching the energy drinks stop my knee twitching",
    "if i quit the red bull would my knee twitching calm down",
    "can giving up pre-workout stop my knee jumping",
    "would lowering my caffeine help the twitching",
    "does laying off the coffee help knee twitches",
])
def test_cutting_a_stimulant_is_the_article_s_stimulant_reduction(question):
    assert ID + "stimulant-reduction" in _anchors(question) and ID + "caffeine" not in _anchors(question)
    answer = ask(STORE, question)
    assert answer.boolean is True and "stimulant reduction" in answer.message, answer.message
    assert not answer.message.startswith("Yes — the article says caffeine"), answer.message


def test_reducing_stress_is_its_own_therapy():
    assert ID + "stress-reduction-techniques" in _anchors("would cutting down on stress help my knee twitching")


@pytest.mark.parametrize("question", ["would less exercise help my cramps", "how do i stop spasms",
                                      "should we cut back her fluids", "does caffeine cause twitching"])
def test_no_therapy_of_reducing_it_leaves_the_thing_as_it_was(question):
    an = analyse(question, label_index(STORE), lexicon(STORE))
    assert not [m for m in an.mentions if m.kind == "composed" and m.iri.startswith(ID) and "reduction" in m.iri
                or m.iri == ID + "stopping-the-triggering-activity"]


@pytest.mark.parametrize("question", ["does cutting amphetamines help knee twitching",
                                      "would cutting out statins help the cramps"])
def test_cutting_a_cause_with_no_such_therapy_is_never_a_yes(question):
    answer = ask(STORE, question)
    assert answer.boolean is not True, answer.message
