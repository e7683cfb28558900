"""Question answering: templates, kinds, abstention, bad input, and the /ask page and API."""

import json

import pytest
from click.testing import CliRunner

from kg.qa.ask import MAX_QUESTION_CHARS, TEMPLATES, BadQuestion, ask, examples, normalise
from cli.main import main
from kg.namespaces import KG, KGO


def ids(answer):
    return {a["iri"].rsplit("/", 1)[-1] for a in answer.answers}


@pytest.fixture(scope="module")
def real_client(release_store):
    from webapp import create_app

    return create_app({"TESTING": True, "STORE": release_store}).test_client()


# --- every template's example question is answered by that template (Quepy style) -----------

@pytest.mark.parametrize("template", TEMPLATES, ids=[t.name for t in TEMPLATES])
def test_every_template_answers_its_example(real_store, template):
    answer = ask(real_store, template.example)
    assert answer.answered, answer.message
    assert answer.template == template.name
    assert answer.kind == "list" and answer.answers
    assert answer.query["name"] in {o.query for o in template.options}


@pytest.mark.parametrize("question", examples())
def test_every_example_on_the_page_is_answered(real_store, question):
    assert ask(real_store, question).answered


# --- kinds ------------------------------------------------------------------------------------

def test_list_answer_carries_evidence_and_bound_query(real_store):
    answer = ask(real_store, "What can dehydration lead to?")
    assert answer.kind == "list"
    assert {"knee-muscle-spasm", "muscle-spasm", "muscle-twitching"} == ids(answer)
    assert answer.query["name"] == "effects-of"
    assert answer.query["bindings"] == {"cause": [str(KG.dehydration)]}
    assert f"VALUES ?cause {{ <{KG.dehydration}> }}" in answer.query["sparql_with_values"]
    assert answer.evidence and all(e["quote"] and e["source"].startswith("/source#q-") for e in answer.evidence)
    for e in answer.evidence:
        assert str(KG.dehydration) in (e["subject"], e["object"])


def test_evidence_offsets_point_at_the_quote_in_the_article(real_store):
    from kg import paths

    text = paths.ARTICLE.read_text(encoding="utf-8")
    answer = ask(real_store, "Can caffeine cause knee twitching?")
    assert answer.evidence
    for e in answer.evidence:
        assert e["source"] == f"/source#q-{e['begin']}-{e['end']}"
        assert text[e["begin"]:e["end"]] == e["quote"]


def test_yes_no_true_with_evidence(real_store):
    answer = ask(real_store, "can caffeine cause knee twitching?")
    assert (answer.answered, answer.kind, answer.boolean) == (True, "boolean", True)
    assert answer.query["name"] == "fact-exists"
    assert answer.query["bindings"]["relation"] == [str(KGO.causes)]
    assert any("caffeine" in e["quote"] for e in answer.evidence)


def test_yes_no_false_says_the_article_does_not_say_so(real_store):
    answer = ask(real_store, "is ibuprofen a cause of knee twitching?")
    assert (answer.answered, answer.kind, answer.boolean) == (True, "boolean", False)
    assert "the article does not say so" in answer.message
    assert answer.evidence == []


def test_count(real_store):
    answer = ask(real_store, "How many causes of knee twitching are there?")
    listed = ask(real_store, "What causes knee twitching?")
    assert answer.kind == "count" and answer.count == len(listed.answers) > 5


def test_two_hop_treatments_for_causes(real_store):
    answer = ask(real_store, "what treatments address the causes of knee twitching?")
    assert answer.query["name"] == "treatments-for-causes"
    assert {"hydration", "supplementation", "stimulant-reduction"} <= ids(answer)


def test_topic_default_for_who_is_at_risk_and_when_to_see_a_doctor(real_store):
    risk = ask(real_store, "who is more at risk?")
    assert ids(risk) == {"athletes", "older-adults", "pregnant-women", "individuals-with-specific-health-conditions"}
    doctor = ask(real_store, "when should I see a doctor?")
    assert doctor.query["bindings"]["condition"] == [str(KG["knee-muscle-spasm"]), str(KG["muscle-spasm"])]
    assert {"weakness", "difficulty-swallowing", "swelling", "skin-rash"} <= ids(doctor)


def test_list_by_type_keeps_only_the_type_asked(real_store):
    vitamins = ask(real_store, "which vitamins are linked to twitching?")
    assert vitamins.answers and all("vitamin" in a["label"].lower() for a in vitamins.answers)
    medications = ask(real_store, "which medications cause spasms?")
    assert {"diuretics", "corticosteroids", "estrogen"} <= ids(medications)
    assert "dehydration" not in ids(medications)


# --- abstention -------------------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "What is the capital of France?",
    "How much ibuprofen should I take?",
    "what causes cancer?",
    "Should I stop taking my statins?",
    "SELECT * WHERE { ?s ?p ?o }",
    "What causes tremors?",                 # a known entity the article gives no cause for
    "'; DROP GRAPH <https://w3id.org/kneekg/graph/facts> ; --",
])
def test_abstains_with_an_honest_message(real_store, question):
    answer = ask(real_store, question)
    assert (answer.answered, answer.kind) == (False, "abstain")
    assert answer.answers == [] and answer.boolean is None
    assert answer.message.startswith("The article does not say")


def test_abstention_suggests_close_entities(real_store):
    answer = ask(real_store, "what causes dehydrashun?")
    assert not answer.answered
    assert any(s.get("iri") == str(KG.dehydration) for s in answer.suggestions)


def test_abstention_suggests_questions_about_a_named_entity(real_store):
    answer = ask(real_store, "Tell me about caffeine and its history")
    assert not answer.answered
    assert any(s["kind"] == "question" and "caffeine" in s["text"].lower() for s in answer.suggestions)


# --- bad input ----------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, message", [
    ("", "empty"), ("   \t\n", "empty"), ("x" * 10_000, "too long"), ("what\x00causes", "control"),
    (b"\xff\xfe\x00", "UTF-8"),
])
def test_normalise_refuses_unreadable_input(raw, message):
    with pytest.raises(BadQuestion, match=message):
        normalise(raw)


def test_normalise_accepts_the_longest_allowed_question():
    assert normalise("a" * MAX_QUESTION_CHARS) == "a" * MAX_QUESTION_CHARS


def test_user_text_never_reaches_the_query(real_store, monkeypatch):
    """Every query the pipeline runs is a named query's text; only IRIs from the index are bound."""
    from kg.sparql import registry as named_queries

    seen = []
    original = named_queries.run

    def spy(store, query, values=None):
        seen.append((query.sparql, dict(values or {})))
        return original(store, query, values)

    monkeypatch.setattr(named_queries, "run", spy)
    question = 'what causes knee twitching" ; DROP ALL ; #'
    ask(real_store, question)
    sparqls = {q.sparql for q in named_queries.registry()}
    assert seen
    for sparql, values in seen:
        assert sparql in sparqls
        assert all(v.startswith("https://w3id.org/kneekg/") for v in values.values())


# --- web ------------------------------------------------------------------------------------------

def test_api_returns_the_documented_object(real_client):
    response = real_client.get("/api/ask", query_string={"q": "can caffeine cause knee twitching?"})
    assert response.status_code == 200
    body = json.loads(response.data)
    assert set(body) >= {"question", "answered", "kind", "answers", "boolean", "count", "query", "evidence",
                         "suggestions", "message"}
    assert body["kind"] == "boolean" and body["boolean"] is True
    assert set(body["query"]) >= {"name", "sparql"}
    assert body["query"]["editor"].startswith("/query?query=")
    for item in body["answers"]:
        assert set(item) >= {"iri", "label", "url"} and item["url"].startswith("/id/")
    for e in body["evidence"]:
        assert set(e) >= {"quote", "subject", "relation", "object"}


@pytest.mark.parametrize("q", ["", "   ", "x" * 10_000, "bin\x00ary"])
def test_api_bad_input_is_a_400_with_an_error(real_client, q):
    response = real_client.get("/api/ask", query_string={"q": q})
    assert response.status_code == 400
    assert json.loads(response.data)["error"]


def test_api_without_q_is_a_400(real_client):
    assert real_client.get("/api/ask").status_code == 400


def test_api_sparql_looking_question_is_an_abstention(real_client):
    body = json.loads(real_client.get("/api/ask", query_string={"q": "SELECT ?s WHERE { ?s ?p ?o }"}).data)
    assert body["answered"] is False and body["kind"] == "abstain"


def test_ask_page_shows_answers_sparql_and_evidence_links(real_client):
    from html.parser import HTMLParser

    class Links(HTMLParser):
        def __init__(self):
            super().__init__()
            self.hrefs, self.tags = [], []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)
            self.hrefs += [v for k, v in attrs if k == "href"]

    response = real_client.get("/ask", query_string={"q": "what can dehydration lead to?"})
    assert response.status_code == 200
    parser = Links()
    parser.feed(response.get_data(as_text=True))
    assert "/id/muscle-twitching" in parser.hrefs
    assert any(h.startswith("/source#q-") for h in parser.hrefs)
    assert any(h.startswith("/query?query=") for h in parser.hrefs)
    assert "details" in parser.tags
    assert "not medical advice" in response.get_data(as_text=True)


def test_ask_page_escapes_the_question(real_client):
    html = real_client.get("/ask", query_string={"q": "<script>alert(1)</script> causes?"}).get_data(as_text=True)
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html


def test_ask_page_without_a_question_lists_examples(client):
    html = client.get("/ask").get_data(as_text=True)
    assert "Example questions" in html and "/ask?q=" in html


def test_ask_page_bad_input_is_a_400(client):
    assert client.get("/ask", query_string={"q": "x" * 10_000}).status_code == 400


# --- CLI ------------------------------------------------------------------------------------------

def test_cli_ask_prints_a_readable_answer():
    result = CliRunner().invoke(main, ["ask", "can caffeine cause knee twitching?"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Yes") and "Evidence from the article" in result.output


def test_cli_ask_json_is_the_api_object():
    result = CliRunner().invoke(main, ["ask", "--json", "who is more at risk?"])
    assert result.exit_code == 0
    body = json.loads(result.output)
    assert body["kind"] == "list" and body["answered"] is True


def test_cli_ask_bad_input_exits_2():
    result = CliRunner().invoke(main, ["ask", "   "])
    assert result.exit_code == 2


def test_two_hop_evidence_includes_the_intermediate_facts(real_store):
    answer = ask(real_store, "which vitamins are linked to twitching?")
    relations = {(e["subject"].rsplit("/", 1)[-1], e["relation"].rsplit("/", 1)[-1], e["object"].rsplit("/", 1)[-1])
                 for e in answer.evidence}
    assert ("vitamin-d-deficiency", "deficiencyOf", "vitamin-d") in relations
    assert ("vitamin-deficiencies", "hasSymptom", "muscle-twitching") in relations


def test_group_evidence_shows_each_passage_once(real_store):
    from kg.qa.ask import group_evidence

    answer = ask(real_store, "which vitamins are linked to twitching?")
    passages = group_evidence(answer.evidence)
    assert len({p["quote"] for p in passages}) == len(passages) < len(answer.evidence)
    assert all(p["facts"] for p in passages)


def test_link_between_two_entities(real_store):
    yes = ask(real_store, "Is there a connection between stress and spasms?")
    assert (yes.kind, yes.boolean, yes.query["name"]) == ("boolean", True, "neighbourhood")
    assert yes.evidence and all("stress" in e["quote"].lower() for e in yes.evidence)
    no = ask(real_store, "is there a link between ibuprofen and cramps")
    assert (no.answered, no.boolean) == (True, False) and "does not say so" in no.message

# --- on the small fixture graph: the pipeline does not depend on the release graph -----------------

@pytest.mark.parametrize("question, kind, expected", [
    ("what causes knee twitching?", "list", {"dehydration"}),
    ("what can dehydration lead to?", "list", {"knee-muscle-spasm"}),
    ("how is dehydration treated?", "list", {"hydration"}),
    ("who is more at risk?", "list", {"athletes"}),
    ("what are examples of stimulants?", "list", {"caffeine"}),
    ("how many causes of cramps are there?", "count", {"caffeine"}),
])
def test_answers_on_the_mini_graph(mini_store, question, kind, expected):
    answer = ask(mini_store, question)
    assert answer.kind == kind and ids(answer) == expected


def test_yes_no_on_the_mini_graph(mini_store):
    assert ask(mini_store, "can caffeine cause cramps?").boolean is True
    assert ask(mini_store, "can caffeine cause knee twitching?").boolean is False


def test_api_on_the_mini_graph(client):
    body = json.loads(client.get("/api/ask", query_string={"q": "what causes knee twitching?"}).data)
    assert body["answered"] and [a["url"] for a in body["answers"]] == ["/id/dehydration"]


@pytest.mark.parametrize("question, corrected", [
    ("how do you tret knee twitching", {"tret": "treat"}),
    ("symptons of muscle spasms", {"symptons": "symptoms"}),
    ("in case of a cramp what helps", {}),          # ordinary words are not typos
    ("how do doctors diagnose cramps", {}),         # nor are inflections
])
def test_misspelt_relation_words_are_read_as_the_word(real_store, question, corrected):
    answer = ask(real_store, question)
    assert answer.corrections == corrected
    assert answer.answered


def test_api_answers_are_cached_with_an_etag(real_client):
    """The graph is immutable while served, so an answer can be revalidated with If-None-Match."""
    first = real_client.get("/api/ask", query_string={"q": "what can dehydration lead to?"})
    assert first.status_code == 200 and first.headers["ETag"]
    again = real_client.get("/api/ask", query_string={"q": "what can dehydration lead to?"},
                            headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    other = real_client.get("/api/ask", query_string={"q": "what can caffeine lead to?"})
    assert other.headers["ETag"] != first.headers["ETag"]
    assert other.get_json()["question"] == "what can caffeine lead to?"


def test_api_ask_is_in_the_openapi_description(real_client):
    paths = real_client.get("/openapi.json").get_json()["paths"]
    assert paths["/api/ask"]["get"]["parameters"][0]["name"] == "q"
