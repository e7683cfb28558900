"""An unknown word on an everyday word is what the reader asks about: "tonic water" is not the article's hydration, so
no "yes" for hydration answers it — asked in the question or told in a story the question refers back to. The answer
names the phrase the article does not mention, and says neither yes nor no."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, phrase", [
    ("my aunt swears by tonic water for leg cramps, does the article say that works", "tonic water"),
    ("a bloke at work swears by coconut water for his cramps, is that any good", "coconut water"),
    ("my coach gives us decaf coffee before games. can it make our knees twitch", "decaf coffee"),
    ("would a warm bath with epsom salts ease my knee spasms", "epsom salts"),
    ("is coconut water good for muscle spasms", "coconut water"),
])
def test_an_unknown_thing_on_an_everyday_word_gets_no_yes(question, phrase):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is None, answer["message"]
    assert f"does not mention {phrase}" in answer["message"], answer["message"]


@pytest.mark.parametrize("question", [
    "would a hot bath help knee spasms",
    "i drink loads of coffee, can that make my knee twitch",
])
def test_the_everyday_word_alone_still_answers_yes(question):
    assert ask(STORE, question).to_dict().get("boolean") is True


@pytest.mark.parametrize("question, word", [
    ("my periods have stopped and my knee twitches at night. is the menopause behind it", "menopause"),
    ("started a new job and my thighs cramp every evening. is the commute causing it", "commute"),
])
def test_a_yes_no_on_an_unknown_subject_is_not_answered_with_a_list(question, word):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is None and answer["kind"] == "abstain", answer["message"]
    assert f"does not mention {word}" in answer["message"], answer["message"]


@pytest.mark.parametrize("question", [
    "how can you tell if a twitch is ALS or nothing",
    "how can i tell if a cramp is dehydration or something worse",
    "whats the difference between a normal twitch and an ALS one",
])
def test_telling_two_things_apart_is_not_stated(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is None
    assert "does not say how to tell" in answer["message"], answer["message"]


@pytest.mark.parametrize("question", [
    "my nan is on cortico steroids for her lungs, can they cause cramps",
    "does drinking coffee make your knee twitch",
])
def test_a_word_that_spells_out_the_name_is_no_other_thing(question):
    assert ask(STORE, question).to_dict().get("boolean") is True


@pytest.mark.parametrize("question, thing", [
    ("a lady at church said quinine helps, is that true", "quinine"),
    ("my friend reckons pickle juice cures cramps, is that right", "pickle juice"),
    ("i saw online that turmeric stops knee twitching, does the article agree with that", "turmeric"),
])
def test_a_claim_told_in_the_story_about_an_unknown_thing_is_named(question, thing):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is None and not answer.get("answers"), answer["message"]
    assert f"does not mention {thing}," in answer["message"], answer["message"]


def test_a_claim_about_a_known_thing_is_still_answered():
    assert ask(STORE, "my physio said stretching helps cramps, is that true").to_dict().get("boolean") is True


@pytest.mark.parametrize("question, phrase", [
    ("what helps menstrual cramps", "menstrual cramps"),
    ("what can i do about stomach cramps", "stomach cramps"),
])
def test_a_list_for_a_kind_the_article_never_names_says_so_first(question, phrase):
    message = ask(STORE, question).to_dict()["message"]
    assert message.startswith(f"The article does not mention {phrase}."), message


def test_a_word_of_the_article_describes_the_condition():
    assert "does not mention" not in ask(STORE, "what causes sudden cramps").to_dict()["message"]


@pytest.mark.parametrize("question, phrase", [
    ("do knee spasms usually clear up once the baby arrives", "“once the baby arrives”"),
    ("can knee spasms come back after a holiday", "“after a holiday”"),
    ("would knee spasms hurt my unborn child", "unborn child"),
    ("could muscle spasms damage the cartilage", "cartilage"),
])
def test_a_yes_no_ending_on_what_the_article_never_names_gets_no_yes(question, phrase):
    """What the question ends on, past all it names — a time ("once the baby is born") or who is affected ("hurt my
    baby") — is part of what is asked: a "yes" for the things named alone would answer another question."""
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is None, answer["message"]
    assert f"does not mention {phrase}" in answer["message"], answer["message"]


@pytest.mark.parametrize("question", [
    "can dehydration cause spasms when it is hot",
    "can stress make my knee twitch",
])
def test_a_clause_that_names_nothing_new_keeps_the_yes(question):
    assert ask(STORE, question).to_dict().get("boolean") is True


@pytest.mark.parametrize("question, word", [
    ("my knee twitches after a night out, does alcohol cause it", "alcohol"),
    ("my calves knot up every night since i moved. could mould be causing them", "mould"),
])
def test_a_yes_no_whose_unknown_subject_refers_back_to_the_story_is_not_answered_with_a_list(question, word):
    """"…does *alcohol* cause it": the rest is the story's, so the whole list of causes would answer another question."""
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is None, answer["message"]
    assert f"does not mention {word}" in answer["message"], answer["message"]


@pytest.mark.parametrize("question, phrase", [
    ("been gaming all weekend and my knee twitches, does it say video games cause that", "video games"),
    ("my calf cramps every night. does the article say memory foam mattresses cause it?", "memory foam mattresses"),
])
def test_a_claim_said_whose_subject_the_article_never_names_is_not_answered_by_its_list(question, phrase):
    answer = ask(STORE, question)
    assert answer.boolean is None and not answer.answered and phrase in answer.message, answer.message


def test_a_claim_said_of_a_thing_it_names_is_still_answered():
    assert ask(STORE, "does the article say stress causes it").boolean is True


@pytest.mark.parametrize("question, thing", [
    ("my grandmother say to eat banana for the cramps. the article say something about banana?", "banana"),
    ("the article mentions pickle juice?", "pickle"),
    ("it says anything about quinine?", "quinine"),
    ("my coach swears by gherkins. the article say something about gherkins?", "gherkins"),
    ("the article talks about epsom salts?", "epsom"),
    ("neighbour says turmeric works. it mentions turmeric?", "turmeric"),
])
def test_a_statement_order_question_about_the_articles_saying_names_what_it_never_mentions(question, thing):
    answer = ask(STORE, question)
    assert f"does not mention {thing}" in answer.message and not answer.message.startswith(("Yes", "No"))
