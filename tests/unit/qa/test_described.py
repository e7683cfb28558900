"""Entities named by a description ("the neurodegenerative disease that can cause knee twitching"): the clause's
relation to the thing it names picks the candidates, the head's own words pick one out. Phrasings of our own,
not a blind batch's."""

import pytest

from kg.qa.ask import ask


def labels(answer) -> set[str]:
    return {a["label"].lower() for a in answer.answers}


@pytest.mark.parametrize("question", [
    "how do you treat the neurodegenerative condition that causes knee twitches",
    "what helps with the progressive illness that can lead to twitching in the knee",
])
def test_the_head_words_pick_one_of_the_things_the_clause_links_to(real_store, question):
    answer = ask(real_store, question)
    assert any(e["kind"] == "described" and e["iri"].endswith("/als") for e in answer.entities), answer.entities
    assert "speech therapy" in labels(answer)
    assert not labels(answer) & {"immunosuppressants", "anti-seizure medications"}


@pytest.mark.parametrize("question, expected", [
    ("how do doctors check for the cause whose example is not drinking enough fluids", "physical examination"),
    ("what does the problem you treat by drinking water deplete", "potassium"),  # no relative word
])
def test_a_clause_that_links_to_one_thing_of_the_heads_kind_names_it(real_store, question, expected):
    answer = ask(real_store, question)
    assert any(e["kind"] == "described" and e["iri"].endswith("/dehydration") for e in answer.entities)
    assert expected in labels(answer)


def test_a_description_the_question_asks_for_is_the_answer_not_the_topic(real_store):
    answer = ask(real_store, "what's an example of where nerve damage comes from")
    assert not any(e["kind"] == "described" for e in answer.entities)
    assert "injury or medical conditions affecting nerve function" in labels(answer)


@pytest.mark.parametrize("question", [
    "tell me about the group whose cramps are caused by hormonal changes and added weight",
    "the people at risk where added weight and hormonal changes cause spasms, what should they do",
])
def test_a_clause_naming_both_ends_of_a_fact_describes_where_the_fact_holds(real_store, question):
    """The fact "added weight can cause muscle spasm" holds in pregnancy (its context); a group is asked for, and
    pregnant women are the group marked by pregnancy."""
    answer = ask(real_store, question)
    assert any(e["kind"] == "described" and e["iri"].endswith("/pregnant-women") for e in answer.entities), \
        answer.entities


@pytest.mark.parametrize("question", [
    "which therapies help the knee twitching cause that is a disease of the nerve cells that control muscles",
    "how is the cause of twitching knees that is a degenerative disorder of the brain and spinal cord treated",
])
def test_a_clause_that_says_what_the_thing_is_matches_its_definition(real_store, question):
    """"that is a disease of …": an indefinite noun phrase after "be" is the thing's definition, not its name;
    the verb that ends the question ("… treated") is the question's, not the clause's."""
    answer = ask(real_store, question)
    assert any(e["kind"] == "described" and e["iri"].endswith("/als") for e in answer.entities), answer.entities
    assert "speech therapy" in labels(answer)


@pytest.mark.parametrize("question, expected", [
    ("how do they test for the cause of knee twitching that involves vitamins", "blood test"),
    ("the cause of knee spasms that has to do with vitamins, how is it treated", "supplementation"),
])
def test_a_relation_nouns_members_are_picked_by_the_thing_the_clause_names(real_store, question, expected):
    """Of the causes of knee twitching, the one the clause's word (vitamins) names — the kind, not each vitamin's."""
    answer = ask(real_store, question)
    assert any(e["kind"] == "described" and e["iri"].endswith("/vitamin-deficiencies") for e in answer.entities), \
        answer.entities
    assert expected in labels(answer)


@pytest.mark.parametrize("question", [
    "how do they treat autoimmune knee twitching",
    "autoimmune muscle twitches, which treatments",
])
def test_the_bare_adjective_autoimmune_names_the_autoimmune_disorders(real_store, question):
    """"autoimmune" alone is a reader's everyday word for the autoimmune disorders (facts/entities.yaml)."""
    answer = ask(real_store, question)
    assert "immunosuppressants" in labels(answer), answer.reading


@pytest.mark.parametrize("question, expected", [
    ("the condition a blood test could pick up, how is it treated", "supplementation"),
    ("the problem a blood test might show up, what's the treatment for it", "dietary changes"),
])
def test_a_clause_with_its_own_subject_and_no_relative_word_describes_one_thing(real_store, question, expected):
    """"the nutrient problem *a blood test can pick up*": a clause with a subject and a modal, no "that"."""
    answer = ask(real_store, question)
    assert any(e["kind"] == "described" and e["iri"].endswith("/nutrient-deficiencies") for e in answer.entities), \
        answer.reading
    assert expected in labels(answer), answer.message


@pytest.mark.parametrize("question", [
    "how do doctors check for the cause whose example is 'not drinking enough fluids throughout the day'",
    'how do they diagnose the cause whose example is "not drinking enough fluids"',
])
def test_quote_marks_around_the_articles_words_do_not_end_the_clause(real_store, question):
    """A quoted phrase is no dash: the clause runs on through it and describes dehydration."""
    answer = ask(real_store, question)
    assert any(e["kind"] == "described" and e["iri"].endswith("/dehydration") for e in answer.entities), answer.reading


@pytest.mark.parametrize("question", [
    "how is the disease with no cure managed",
    "the condition without a cure, what helps",
    "the illness that has no cure but may begin with twitching, how is it treated",
])
def test_a_description_without_a_verb_or_with_a_second_predicate_names_it(real_store, question):
    answer = ask(real_store, question)
    assert any(e["kind"] == "described" and e["iri"].endswith("/als") for e in answer.entities), answer.entities
    assert "speech therapy" in labels(answer) and "anti-seizure medications" not in labels(answer), answer.message
