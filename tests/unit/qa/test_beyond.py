"""A plan made for the reader, a question of law and a body-weight goal are declined by name (kg.qa.beyond); the
article's own things asked beside the same words are still answered."""

import pytest

from kg.qa import beyond
from kg.qa.analysis import analyse
from kg.qa.ask import ask
from kg.qa.beyond import unit
from kg.qa.closest import quote_index
from kg.qa.linking import label_index
from kg.qa.lexicon import lexicon
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


def _found(question: str, kind) -> str:
    lex = lexicon(STORE)
    return kind(analyse(question, label_index(STORE), lex), lex, quote_index(STORE).vocabulary)


def _declined(question: str):
    answer = ask(STORE, question)
    assert answer.declined and not answer.answered and not answer.answers and answer.boolean is None, answer.message
    return answer


@pytest.mark.parametrize("question, phrase", [
    ("please design a six week stretching schedule for my under-12s football squad", "six week stretching schedule"),
    ("could you draw up a meal plan for me so my calves stop cramping", "meal plan"),
    ("write us a daily warm-up routine that stops knee twitching", "routine"),
])
def test_a_plan_the_reader_asks_to_be_made_is_declined(question, phrase):
    _declined(question)
    assert phrase in _found(question, beyond.plan)


@pytest.mark.parametrize("question, phrase", [
    ("can my boss legally stop me stretching on shift", "legally"),
    ("will my insurance cover physical therapy for ALS", "insurance"),
    ("could i sue the gym after my leg cramped on their treadmill", "sue"),
])
def test_a_question_of_law_or_insurance_is_declined(question, phrase):
    _declined(question)
    assert phrase in _found(question, beyond.law)


@pytest.mark.parametrize("question, goal", [
    ("fastest way to shed 3kg before my boxing medical without cramps", "shed 3kg"),
    ("how do i lose 2 stone before the wedding without my legs seizing up", "lose 2 stone"),
    ("best way to make weight for a judo comp if i cramp easily", "make weight"),
])
def test_a_body_weight_goal_is_declined(question, goal):
    _declined(question)
    assert goal in _found(question, beyond.weight_goal)


def test_the_decline_names_what_is_asked_and_where_the_article_points():
    answer = _declined("can u make me a 3 week plan to get rid of my night cramps")
    assert "3 week plan" in answer.message and "treatment plan" in answer.message


@pytest.mark.parametrize("question", [
    "what will the doctor do to create a treatment plan for my knee twitching",
    "can added weight in pregnancy cause muscle spasms",
    "can you tell me which muscles to stretch to stop knee cramps",
    "does losing fluids through sweat lead to cramps",
])
def test_the_articles_own_things_beside_those_words_are_answered(question):
    answer = ask(STORE, question)
    assert not answer.declined, answer.message


def test_an_amount_glued_to_its_unit_reads_as_the_unit():
    assert (unit("70kg"), unit("1.5l"), unit("kg")) == ("kg", "l", "kg")


@pytest.mark.parametrize("question, injury", [
    ("pretty sure i tore my acl at netball, the knee is swollen and wobbly. what do i do now", "acl"),
    ("i sprained my ankle on the stairs and it's swollen. what should i do", "ankle"),
])
def test_an_injury_told_in_the_story_and_asked_of_is_declined(question, injury):
    assert injury in _declined(question).message.lower()


def test_a_story_injury_beside_the_articles_condition_asked_of_is_answered():
    answer = ask(STORE, "i sprained my ankle last year, what causes knee twitching")
    assert not answer.declined and answer.answered, answer.message


@pytest.mark.parametrize("question, phrase", [
    ("could you translate the causes table into Spanish for my mum", "translate"),
    ("how would you say muscle cramp in Tagalog", "in tagalog"),
    ("pls write me a short poem about leg cramps for my running club", "write me a short poem"),
    ("can you draft an email to my coach explaining why my knee twitches", "email"),
])
def test_a_service_asked_of_the_system_is_declined(question, phrase):
    answer = _declined(question)
    assert phrase in _found(question, beyond.service).lower()
    assert "asks for a service" in answer.message


@pytest.mark.parametrize("question", [
    "what should I be writing down in a diary for the doctor",
    "my english is not so good, what causes knee twitching",
    "can you explain in plain english what a muscle spasm is",
])
def test_the_articles_own_questions_beside_service_words_are_not_services(question):
    assert _found(question, beyond.service) == ""
