"""A part word in the reader's story after a preposition of place is a thing in their world, not the article's table
or list (kg.qa.parts._furniture): "lifting dogs onto the table", "leaning over the table". The yes/no asked after
the story stays a yes/no, answered from the whole article."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question, said", [
    ("I spend all day lifting boxes onto the table and my boss is a nightmare. could emotional stress be part of why my legs spasm", "stress"),
    ("i was leaning over the table all shift. can repetitive movements cause muscle spasms", "repetitive"),
    ("I stand at the table kneading dough for hours. can overuse cause muscle spasms", "overuse"),
    ("we carry the patients onto the table all day at the clinic. can muscle fatigue cause spasms", "fatigue"),
    ("I was sat at the kitchen table all evening and my knee kept twitching. could dehydration be part of it", "ehydration"),
    ("my physio had me on the table for an hour and my thigh cramped, can tense muscles cause spasms", "ense"),
    ("been bent over the table sorting parcels for hours. could that repetitive work be why my knee jumps", "repetitive"),
])
def test_a_table_in_the_story_is_no_part_of_the_article(real_store, question, said):
    answer = ask(real_store, question)
    assert answer.boolean is True, answer.message
    assert said in answer.message.lower() or said in answer.message
    assert "in the article's table" not in answer.reading


def test_the_articles_table_named_in_the_question_still_restricts(real_store):
    answer = ask(real_store, "which drugs are in the medication side-effects table")
    assert "in the article's table" in answer.reading
