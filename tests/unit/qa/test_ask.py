"""Question answering: readings, honest answers, guards, lay words, context, bad input, the /ask page and API."""

import pytest

from kg.namespaces import KG
from kg.qa.ask import MAX_QUESTION_CHARS, BadQuestion, ask, normalise


def ids(answer):
    return {a["iri"].rsplit("/", 1)[-1] for a in answer.answers}


@pytest.fixture(scope="module")
def real_client(real_store):
    from webapp import create_app

    return create_app({"TESTING": True, "STORE": real_store}).test_client()


# --- readings -----------------------------------------------------------------------------------

def test_every_answer_shows_its_reading_and_at_most_three_alternatives(real_store):
    answer = ask(real_store, "What can make my knee twitch?")
    assert answer.reading.startswith("I read this as: what can cause knee muscle spasm")
    assert "knee twitch" in answer.reading  # the words it linked, and to what
    assert 1 <= len(answer.alternatives) <= 3
    for alt in answer.alternatives:
        assert alt["url"].startswith("/ask?q=") and alt["question"].endswith("?")


@pytest.mark.parametrize("question", ["tell me about knee spasms", "what can dehydration lead to",
                                      "is my knee twitching a sign of ALS", "what is pain a warning sign of"])
def test_other_readings_are_well_formed_questions(real_store, question):
    """"What the article says about X?" is no question: each alternative is asked in direct word order."""
    for alt in ask(real_store, question).alternatives:
        q = alt["question"]
        assert not q.startswith(("What the article says", "Whether ", "With which condition knee")), q
        assert not any(f" {w}?" in q for w in ("is", "lasts", "lead to", "differ")) or q.startswith(
            ("What is", "What can", "How does", "How do", "How long does")), q


def test_list_answer_has_evidence_and_sparql_with_bound_entities(real_store):
    answer = ask(real_store, "What can dehydration lead to?")
    assert answer.kind == "list"
    assert {"knee-muscle-spasm", "muscle-spasm", "muscle-twitching"} <= ids(answer)
    assert answer.query["name"] == "effects-of"  # a named query fits the reading: it runs, by its name
    assert answer.query["bindings"] == {"cause": [str(KG.dehydration)]}
    assert f"VALUES ?cause {{ <{KG.dehydration}> }}" in answer.query["sparql_with_values"]
    assert answer.evidence and all(e["source"].startswith("/source#q-") for e in answer.evidence)
    assert all(str(KG.dehydration) in (e["subject"], e["object"]) for e in answer.evidence)


@pytest.mark.parametrize("question, expected", [
    ("what is a blood test for", {"nutrient-deficiencies", "vitamin-deficiencies"}),   # other end of diagnoses
    ("Which groups of people are more likely to get muscle spasms?",
     {"athletes", "older-adults", "pregnant-women", "individuals-with-specific-health-conditions"}),
    ("what kind of uppers can set off knee twitching", {"caffeine", "amphetamines"}),  # intersection, lay word
    ("What treatments address the causes of knee twitching?", None),                  # second hop
])
def test_direction_and_composition(real_store, question, expected):
    answer = ask(real_store, question)
    assert answer.answered, answer.message
    if expected:
        assert expected <= ids(answer), (answer.reading, ids(answer))


def test_reading_text_of_a_second_hop(real_store):
    answer = ask(real_store, "What treatments address the causes of knee twitching?")
    assert "causes of knee muscle spasm" in answer.reading


def test_answers_are_ordered_as_the_article_gives_them(real_store):
    answer = ask(real_store, "what causes knee twitching")
    assert [a["label"] for a in answer.answers[:2]] == ["Muscle fatigue", "Muscle strain"]  # "often a result of"


def test_relation_names_in_evidence_are_plain_english(real_store):
    answer = ask(real_store, "What can dehydration lead to?")
    assert all(" " in e["relation_label"] or e["relation_label"].islower() for e in answer.evidence)


# --- honest answers ------------------------------------------------------------------------------

def test_yes_carries_the_quote(real_store):
    answer = ask(real_store, "can too much coffee make your knee twitch")
    assert answer.boolean is True and answer.message.startswith("Yes")
    assert "high" in answer.message  # the article's hedge, in its own words
    assert answer.lay_words  # "coffee" is a lay word: reported


def test_not_stated_is_never_no(real_store):
    for question in ("Is ibuprofen a cause of knee twitching?", "Can acetaminophen cause muscle spasms?",
                     "does cold weather set off knee spasms"):
        answer = ask(real_store, question)
        assert answer.boolean is not False, question
        assert not answer.message.lower().startswith("no"), question
        assert "does not" in answer.message, question


@pytest.mark.parametrize("question", ["what is the life expectancy for someone with ALS",
                                      "how long do people with ALS live", "what is the prognosis for ALS"])
def test_prognosis_is_declined_not_answered_with_the_disease(real_store, question):
    answer = ask(real_store, question)
    assert not answer.answered and answer.declined == "prognosis"
    assert "no life expectancy" in answer.message


def test_a_form_without_a_duration_of_its_own_gets_the_broader_ones_said_as_such(real_store):
    answer = ask(real_store, "how long do knee spasms last")
    assert answer.answered and answer.kind == "describe"
    assert "no duration for knee muscle spasm itself" in answer.message and "form of muscle spasm" in answer.message
    assert "a few seconds to several minutes" in answer.message and "a few minutes to several hours" in answer.message
    assert ask(real_store, "how long does dehydration last").answered is False  # nothing broader with a duration


def test_unknown_words_are_named_not_ignored(real_store):
    for question, word in (("does zinc help knee twitching", "zinc"), ("what causes migraines", "migraines"),
                           ("can alcohol cause knee twitching", "alcohol")):
        answer = ask(real_store, question)
        assert not answer.answered and answer.boolean is None, question
        assert word in answer.message, answer.message


def test_claims_are_answered_as_claims(real_store):
    answer = ask(real_store, "Does Medicramp treat cramps?")
    assert answer.boolean is None
    assert "claims" in answer.message and "not an established treatment" in answer.message


def test_lay_word_is_reported(real_store):
    answer = ask(real_store, "do steroid pills cause muscle spasms")
    assert answer.boolean is True
    assert any(w["label"] == "Corticosteroids" and w["kind"] == "lay synonym" for w in answer.lay_words)
    assert "“steroid pills” read as corticosteroids, an everyday word for it" in answer.message


def test_a_related_word_says_what_the_article_names_instead(real_store):
    answer = ask(real_store, "does coffee cause knee twitching")
    assert answer.boolean is True and "high amounts" in answer.message
    assert any(w["label"] == "Caffeine" and w["kind"] == "related word" for w in answer.lay_words)
    assert "the article names caffeine, not “coffee”" in answer.message


def test_context_before_the_question_is_context(real_store):
    answer = ask(real_store, "I'm 72 and my legs have been cramping up a lot lately. is that an age thing?")
    assert answer.boolean is True and "older adults" in answer.message
    assert answer.context.startswith("i'm 72")


@pytest.mark.parametrize("question", [
    "How much ibuprofen should I take?", "how many mg of magnesium should i take a day for leg cramps",
    "Should I stop taking my statins?", "im on prednisone for my lupus and my knees twitch, can i just quit it?",
    "What is the capital of France?", "anyone got a good banana bread recipe", "which knee brace is best for running",
    "SELECT ?s WHERE { ?s ?p ?o }",
    # amounts asked as what is safe, not as what to take
    "how much coffee is ok when pregnant", "how many energy drinks are too many for my knees",
    "whats a safe amount of magnesium",
])
def test_out_of_scope_is_declined(real_store, question):
    answer = ask(real_store, question)
    assert not answer.answered and not answer.answers and answer.boolean is None, (question, answer.message)


def test_how_can_i_stop_is_a_treatments_question(real_store):
    answer = ask(real_store, "how can I stop my knee twitching")
    assert answer.answered and answer.kind == "list"
    assert "hydration" in ids(answer)


def test_no_reading_gives_closest_statements_not_an_answer(real_store):
    answer = ask(real_store, "asdfgh qwerty zxcv")
    assert not answer.answered and not answer.evidence
    answer = ask(real_store, "does swimming help knee twitching")
    assert not answer.answered and not answer.evidence and "swimming" in answer.message
    assert answer.closest and "knee twitching" in answer.closest[0]["quote"].lower()


def test_user_text_never_reaches_the_query(real_store):
    answer = ask(real_store, "What can dehydration lead to? zzqx")
    if answer.query:
        assert "zzqx" not in answer.query["sparql"]


# --- input -------------------------------------------------------------------------------------

@pytest.mark.parametrize("bad", ["", "   ", "x" * (MAX_QUESTION_CHARS + 1), b"\xff\xfe", "a\x00b"])
def test_bad_input_is_refused(bad):
    with pytest.raises(BadQuestion):
        normalise(bad)


# --- web -----------------------------------------------------------------------------------------

def test_api_ask_returns_the_answer_with_its_reading(real_client):
    response = real_client.get("/api/ask", query_string={"q": "What causes knee twitching?"})
    assert response.status_code == 200
    data = response.get_json()
    for key in ("answered", "kind", "boolean", "count", "message", "answers", "evidence", "reading", "alternatives"):
        assert key in data
    assert data["reading"].startswith("I read this as:")
    assert data["query"]["editor"].startswith("/query?query=")


def test_api_ask_refuses_an_empty_question(real_client):
    assert real_client.get("/api/ask", query_string={"q": " "}).status_code == 400
    assert real_client.get("/api/ask").status_code == 400


def test_ask_page_shows_the_reading_first_and_alternatives_as_links(real_client):
    html = real_client.get("/ask", query_string={"q": "what can make my knee twitch"}).get_data(as_text=True)
    assert html.index("I read this as") < html.index("Muscle fatigue")
    assert 'class="alternatives"' in html and "/ask?q=" in html
    assert "<details" in html  # evidence and SPARQL folded


@pytest.mark.parametrize("question", ["knee spasms are contagious?", "leg cramps come from the weather?",
                                      "knee twitching is from the genes? it runs in the family?"])
def test_a_statement_asked_with_a_question_mark_about_an_unknown_thing_is_not_stated(real_store, question):
    """A yes/no in statement order ("X is from Y?") missing its second thing: not a list of what the article names."""
    answer = ask(real_store, question)
    assert answer.declined == "unknown" and not answer.answers and "does not mention" in answer.message


def test_a_statement_asked_with_a_question_mark_between_two_known_things_is_answered(real_store):
    answer = ask(real_store, "knee twitching from dehydration?")
    assert answer.boolean is True


def test_a_claim_is_never_summed_up_by_its_identifier(real_store):
    """'In short' states facts in words; a claim about the thing is not one ("stimulants-cause-… claim about caffeine")."""
    answer = ask(real_store, "how much does caffeine matter")
    assert "In short:" in answer.message and "caffeine can cause muscle spasm" in answer.message
    assert "claim about" not in answer.message


@pytest.mark.parametrize("question, qualifier", [
    ("could a few cans of energy drink make my daughter's knee twitch", "high amounts"),  # whose knee, how many cans
    ("can my son's leg cramps come from not drinking enough water", "dehydration"),
    ("does the odd leg cramp usually go away on its own", "on their own"),
    ("does lifting the same box over and over at work bring on spasms", "overuse")])
def test_a_possessor_a_quantity_or_a_noun_before_an_adverbial_phrase_does_not_block_a_stated_yes(real_store, question,
                                                                                                 qualifier):
    answer = ask(real_store, question)
    assert answer.boolean is True and qualifier in answer.message.lower()


@pytest.mark.parametrize("question", ["can decaf coffee cause knee twitching", "will eating bananas stop cramps"])
def test_a_word_that_says_which_kind_still_blocks_the_yes(real_store, question):
    assert ask(real_store, question).boolean is None
