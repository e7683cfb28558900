"""Everyday words for a cause or a help, and a symptom told with where it is felt — phrasings not in the batches."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", ["is it my nerves that make my leg twitch", "can nerve trouble cause cramps"])
def test_nerves_lead_to_nerve_damage_and_say_so(question):
    answer = ask(STORE, question)
    assert answer.boolean is True and "nerve damage" in answer.message, answer.message


@pytest.mark.parametrize("question", ["is it worth keeping a diary of my knee spasms",
                                      "my GP told me to log every spasm. does that help at all?"])
def test_does_a_record_help_is_answered_with_the_diagnosis_it_helps(question):
    answer = ask(STORE, question)
    assert answer.boolean is True and "accurate diagnosis" in answer.message, answer.message


@pytest.mark.parametrize("question", ["my calf twitches, could dehydration be why",
                                      "could being dehydrated be why my shin keeps twitching"])
def test_a_symptom_told_with_where_it_is_felt_is_the_symptom(question):
    answer = ask(STORE, question)
    assert answer.boolean is True and "dehydration" in answer.message.lower(), answer.message


@pytest.mark.parametrize("question", ["what can I do to prevent knee spasms",
                                      "I cycle a lot and my legs cramp at night - what should I do to avoid getting them"])
def test_what_to_do_to_prevent_asks_for_prevention(question):
    answer = ask(STORE, question)
    assert "prevent" in answer.reading and "proper hydration" in {a["label"].lower() for a in answer.answers}, \
        answer.reading


@pytest.mark.parametrize("question", ["why does the bit of muscle right above my kneecap keep twitching",
                                      "why is the muscle just below my knee jumping all evening"])
def test_a_muscle_told_by_where_it_is_then_the_symptom_asks_the_causes(question):
    answer = ask(STORE, question)
    assert "cause" in answer.reading and "dehydration" in {a["label"].lower() for a in answer.answers}, answer.reading


@pytest.mark.parametrize("question", ["if I drink less coffee will my knee stop jumping",
                                      "would my knee quit twitching if I cut back on caffeine"])
def test_will_it_stop_after_a_change_is_a_yes_no_about_the_symptom(question):
    answer = ask(STORE, question)
    assert answer.boolean is True and "stimulant reduction" in answer.message.lower(), answer.message


@pytest.mark.parametrize("question", [
    "been throwing up all weekend with a bug and now my legs are cramping, could that be it",
    "had a stomach bug and couldn't keep fluids down for two days. would that make my knee twitch"])
def test_not_keeping_fluids_down_is_read_as_dehydration_said_so(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "dehydration" in answer.message.lower() and "read as dehydration" in answer.message
