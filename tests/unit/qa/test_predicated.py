""""When the cramps are really bad, what else comes with them": a quality said of a thing after a verb of being names
the entity the article names with that quality (severe muscle spasm), not the plain thing. Phrasings of our own, not
a blind batch's."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()
SEVERE = {"Weakness", "Numbness", "Tremors", "Coordination issues"}


@pytest.mark.parametrize("question", [
    "if the spasms are severe what might go along with them",
    "when a spasm gets really bad what other symptoms can there be",
    "once the cramps get really bad what else could show up with them",
    "if muscle spasms are very severe what other symptoms come with them",
    "when leg cramps get really bad, what other symptoms can come with them",
    "what symptoms can you get when the spasms are severe",
])
def test_a_quality_said_of_the_spasms_names_the_severe_ones(question):
    answer = ask(STORE, question)
    assert SEVERE <= {a["label"] for a in answer.answers}, (answer.reading, answer.message)


def test_said_in_the_story_the_thing_stays_as_named():
    answer = ask(STORE, "my leg cramps are getting really bad, when should i see someone about them")
    assert "Severe muscle spasm" not in {m["label"] for m in answer.entities}, answer.reading


def test_a_passive_is_no_quality():
    answer = ask(STORE, "how can vitamin deficiencies be treated")
    assert "Addressing nutrient deficiencies" in {a["label"] for a in answer.answers}, answer.reading
    assert "treat or relieve vitamin deficiencies" in answer.reading
