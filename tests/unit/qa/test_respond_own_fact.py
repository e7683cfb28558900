"""A yes reached through a kind ("statins are an example of medications that can cause muscle spasms") also says what
the article says of the thing itself, as it qualifies it: statins are named only as a *risk factor*."""

import pytest

from kg.qa.ask import ask


@pytest.mark.parametrize("question", ["can statins cause muscle spasms", "do statins give you cramps",
                                      "I'm 70 and on statins, could they be behind my spasms"])
def test_a_yes_through_a_kind_quotes_the_things_own_qualified_fact(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True
    assert "risk" in answer.message and "Certain medications, such as diuretics or statins" in answer.message


@pytest.mark.parametrize("question", ["does magnesium deficiency cause twitching", "can low vitamin d give you twitches",
                                      "could a lack of vitamin b12 be why i get twitching"])
def test_twitching_asked_plainly_is_answered_from_the_articles_muscle_twitching_in_the_knee(real_store, question):
    """The article calls knee twitching "muscle twitching in the knee": a form of muscle twitching (a grounded
    fact), so what it says causes knee twitching answers "does X cause twitching" — said as a form, or, where the
    graph states the twitching itself at the knee (the five named deficiencies), said at the knee."""
    answer = ask(real_store, question)
    assert answer.boolean is True and ("a form of muscle twitching" in answer.message
                                       or "muscle twitching (in knee)" in answer.message), answer.message


def test_a_yes_through_a_form_also_quotes_what_is_said_of_the_two_directly(real_store):
    answer = ask(real_store, "is nueromyotonia an autoimune thing that causes twitchs")
    assert answer.boolean is True and "neuromyotonia" in answer.message


@pytest.mark.parametrize("question, reads", [
    ("my quads go all twitchy just above the knee on hot long runs, could the heat be doing it", "heat exhaustion"),
    ("can the heat cause muscle spasms", "heat exhaustion"),
    ("does heat help a cramp", "heat or cold therapy"),
    ("what does heat do for a spasm", "heat or cold therapy")])
def test_heat_is_read_as_the_cause_or_the_remedy_by_the_relation_asked(real_store, question, reads):
    """"Heat" is a related word of both heat exhaustion (a cause) and heat or cold therapy (a remedy): the relation
    asked (cause, help) picks the one whose facts fit."""
    answer = ask(real_store, question)
    assert reads in answer.reading.lower() and answer.answered, answer.reading
