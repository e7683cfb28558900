"""A verb frame that holds a word asking a description in its gap asks that description, not the frame's relation;
phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question, said", [
    ("the article gives two different durations for spasms, which are they", "a few minutes to several hours"),
    ("does it give a definition for ALS", "progressive neurodegenerative disease"),
    ("the text gives a duration for muscle spasms, what is it", "a few seconds to several minutes"),
])
def test_a_description_in_the_gap_of_give_for_is_what_is_given(real_store, question, said):
    answer = ask(real_store, question)
    assert said in answer.message and "treatments" not in answer.message, (answer.reading, answer.message[:200])


def test_give_for_with_nothing_in_the_gap_still_asks_treatments(real_store):
    assert "treat" in ask(real_store, "what does the article give for cramps").reading


@pytest.mark.parametrize("question", ["which symptoms alongside a twitching knee mean urgent medical attention is needed",
                                      "what problems accompanying knee twitching mean you should get medical attention fast"])
def test_signs_accompanying_a_thing_in_the_warning_frame_are_its_warning_signs(real_store, question):
    answer = ask(real_store, question)
    assert {"Difficulty swallowing", "Weakness"} <= {a["label"] for a in answer.answers}, (answer.reading, answer.message[:200])


def test_what_accompanies_a_thing_outside_the_warning_frame_is_its_symptoms(real_store):
    assert "symptoms" in ask(real_store, "what symptoms come alongside knee twitching").reading


@pytest.mark.parametrize("question", ["how is massage supposed to relieve a cramp",
                                      "how are ice packs meant to ease a spasm"])
def test_meant_to_before_a_verb_only_frames_it(real_store, question):
    """"How is X *meant to* help Y": the verb after it is asked (what X helps, in the article's words), not whether
    X is for diagnosing or treating."""
    answer = ask(real_store, question)
    assert "diagnos" not in answer.reading and "In the article's own words" in answer.message, answer.reading


@pytest.mark.parametrize("question, expected", [
    ("the example 'working in high temperatures without proper hydration' - which cause of muscle spasms is it given for",
     "heat-exhaustion"),
    ("in the causes table, which cause has the example 'overexertion during exercise'",
     "tense-or-poorly-conditioned-muscles"),
])
def test_a_thing_right_after_the_singular_relation_noun_is_what_the_noun_names(real_store, question, expected):
    answer = ask(real_store, question)
    assert [a["iri"].rsplit("/", 1)[-1] for a in answer.answers] == [expected], answer.message
