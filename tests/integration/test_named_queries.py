"""Every named query on the real graph with its example parameters, and the JSON API over them."""

from __future__ import annotations

import json
import pyoxigraph
import pytest

from kg import paths
from kg.sparql.registry import registry, run

KG = "https://w3id.org/kneekg/id/"
ARTICLE = paths.ARTICLE.read_text(encoding="utf-8")

# For each named query, with its example parameters: a column and members the article supports
# (quoted in the comment). Queries added later without an entry must at least return rows.
EXPECTED = {
    "causes-of": ("cause", {"caffeine", "dehydration"}),  # "consuming high amounts of stimulants like caffeine ..."
    "class-members": ("member", {"caffeine", "dehydration"}),
    "conditions-with-symptom": ("condition", {"als"}),
    "diagnosed-by": ("condition", {"nutrient-deficiencies"}),  # "a blood test can help determine the levels"
    "diagnosis-of": ("test", {"blood-test"}),
    "effects-of": ("effect", {"knee-muscle-spasm"}),
    "evidence": ("assertedSubject", {"caffeine"}),
    "examples-of": ("example", {"caffeine", "amphetamines"}),  # "stimulants like caffeine or amphetamines"
    "groups-at-risk": ("group", {"athletes", "older-adults", "pregnant-women"}),  # "Athletes, older adults, pregnant women"
    "indications-of": ("condition", {"allergic-reaction"}),
    "label-search": ("entity", {"muscle-twitching"}),
    "medications-causing": ("drug", {"diuretics", "corticosteroids", "estrogen"}),  # "diuretics, corticosteroids, and estrogen"
    "neighbourhood": ("neighbour", {"knee-muscle-spasm"}),
    "nutrients-involved": ("nutrient", {"magnesium", "calcium"}),
    "prevention-of": ("measure", {"stretching-exercises", "hydration"}),
    "risk-factors-for": ("riskFactor", {"pregnancy", "diuretics"}),
    "side-effects-of": ("effect", {"muscle-spasm"}),  # "diuretics ... can cause muscle spasms"
    "symptoms-of": ("symptom", {"pain"}),
    "treated-by": ("condition", {"muscle-spasm"}),
    "treatments-for-causes": ("cause", {"dehydration", "nutrient-deficiencies"}),
    "treatments-for": ("treatment", {"hydration"}),
    "warning-signs-all": ("sign", {"difficulty-swallowing", "persistent-twitching"}),
    "warning-signs": ("sign", {"difficulty-swallowing", "balance-problems"}),  # "balance problems, difficulty swallowing"
}
NAMES = [q.name for q in registry()]
REQUIRED = ["causes-of", "effects-of", "symptoms-of", "treatments-for", "treated-by", "risk-factors-for",
            "groups-at-risk", "diagnosis-of", "prevention-of", "warning-signs", "medications-causing",
            "nutrients-involved", "treatments-for-causes", "evidence", "class-members", "label-search",
            "neighbourhood", "statistics"]


def local_ids(rows, column):
    return {row[column].value[len(KG):] for row in rows
            if row[column] is not None and row[column].value.startswith(KG)}


def test_the_issue_questions_all_have_a_named_query():
    assert set(REQUIRED) <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_named_query_header_and_form(name):
    query = registry()[name]
    assert query.summary and query.description
    body = [line for line in query.sparql.splitlines() if line.strip() and not line.startswith("#")]
    assert body[0].startswith("PREFIX")
    if query.form == "SELECT":
        assert "ORDER BY" in query.sparql.upper()
        for param in query.params:  # bound variables stay visible in the rows
            assert f"?{param.name}" in query.sparql.split("WHERE")[0]


@pytest.mark.parametrize("name", NAMES)
def test_named_query_on_the_real_graph(real_store, name):
    query = registry()[name]
    result = run(real_store, query, query.example_values())
    if isinstance(result, pyoxigraph.QueryBoolean):
        assert bool(result) is True  # caffeine causes knee muscle spasm
        return
    rows = list(result)
    assert rows, f"{name} returned no rows for its example"
    if name in EXPECTED:
        column, members = EXPECTED[name]
        assert members <= local_ids(rows, column)
    variables = [v.value for v in result.variables]
    for quote_column in ("quote", "evidence"):
        if quote_column in variables:  # every quote is verbatim from the article
            quotes = {row[quote_column].value for row in rows if row[quote_column] is not None}
            assert quotes and all(q in ARTICLE for q in quotes)


def test_statistics_match_the_graph(real_store):
    rows = {row["measure"].value: int(row["value"].value) for row in run(real_store, registry()["statistics"])}
    triples = sum(v for k, v in rows.items() if k.startswith("triples in "))
    assert triples == len(real_store)
    report = json.loads((paths.RELEASE_DIR / "build-report.json").read_text())
    assert (rows["entities"], rows["facts"], rows["quotes"]) == (report["entities"], report["facts"], report["statements"])


def test_treatments_for_causes_pairs_treatment_and_cause(real_store):
    rows = run(real_store, registry()["treatments-for-causes"], {"condition": "kg:knee-muscle-spasm"})
    pairs = {(row["treatment"].value[len(KG):], row["cause"].value[len(KG):]) for row in rows}
    assert ("hydration", "dehydration") in pairs


@pytest.mark.parametrize("name", [n for n in NAMES if registry()[n].params])
def test_editor_text_with_values_block_gives_the_same_rows(real_store, name):
    """The editor shows each example with a VALUES block; it must mean what the bound query means."""
    query = registry()[name]
    bound = run(real_store, query, query.example_values())
    text = query.with_values(query.example_values())
    assert "VALUES ?" in text
    edited = real_store.query(text)
    if isinstance(bound, pyoxigraph.QueryBoolean):
        assert bool(edited) == bool(bound)
    else:
        assert sorted(map(str, map(tuple, bound))) == sorted(map(str, map(tuple, edited)))


# --- the JSON API ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_client(release_store):
    from webapp import create_app

    return create_app({"TESTING": True, "STORE": release_store}).test_client()


def test_api_lists_the_registry(real_client):
    body = real_client.get("/api/queries").get_json()
    by_name = {q["name"]: q for q in body["queries"]}
    assert set(by_name) == set(NAMES)
    causes = by_name["causes-of"]
    assert causes["params"] == [{"name": "condition", "type": "iri", "example": "kg:knee-muscle-spasm",
                                 "description": "the condition or symptom whose causes to list"}]
    assert causes["url"] == "/api/queries/causes-of" and causes["editor"].startswith("/query?name=causes-of")


@pytest.mark.parametrize("name", NAMES)
def test_api_runs_every_named_query(real_client, name):
    query = registry()[name]
    response = real_client.get(f"/api/queries/{name}", query_string=query.example_values())
    assert response.status_code == 200
    body = response.get_json()
    if query.form == "ASK":
        assert body["boolean"] is True
        return
    assert body["count"] == len(body["rows"]) > 0
    for row in body["rows"]:
        for term in row.values():
            if term["type"] == "uri":
                assert term["url"].startswith("/")
                if term["value"].startswith(KG):
                    assert term["url"] == "/id/" + term["value"][len(KG):] and term["label"]


def test_api_labels_iris(real_client):
    body = real_client.get("/api/queries/causes-of?condition=kg:knee-muscle-spasm").get_json()
    caffeine = next(row["cause"] for row in body["rows"] if row["cause"]["value"] == KG + "caffeine")
    assert caffeine == {"type": "uri", "value": KG + "caffeine", "label": "Caffeine", "url": "/id/caffeine"}


@pytest.mark.parametrize("query_string, param", [
    ({}, "condition"),  # missing
    ({"condition": "not an iri"}, "condition"),  # malformed
    ({"condition": "kg:knee-muscle-spasm", "colour": "red"}, "colour"),  # unknown
])
def test_api_bad_parameter_is_a_400_naming_it(real_client, query_string, param):
    response = real_client.get("/api/queries/causes-of", query_string=query_string)
    assert response.status_code == 400
    body = response.get_json()
    assert body["param"] == param and param in body["error"]


def test_api_integer_param_and_unknown_query(real_client):
    assert real_client.get("/api/queries/no-such-query").status_code == 404


def test_openapi_document_validates(real_client):
    from openapi_spec_validator import validate

    document = real_client.get("/openapi.json").get_json()
    validate(document)
    assert {"/api/queries", "/api/queries/{name}", "/sparql"} <= set(document["paths"])


def test_other_blueprints_can_add_openapi_paths(real_client):
    from webapp import api

    item = {"get": {"summary": "test", "responses": {"200": {"description": "ok"}}}}
    api.register_path("/api/test-extension", item)
    try:
        assert "/api/test-extension" in real_client.get("/openapi.json").get_json()["paths"]
    finally:
        api.PATHS.pop("/api/test-extension")


# --- the editor ---------------------------------------------------------------------------------------------

def test_editor_page_serves_yasgui_locally_with_examples(real_client):
    import re

    page = real_client.get("/query").get_data(as_text=True)
    assert "/static/vendor/yasgui.min.js" in page and "/static/js/query.js" in page
    assert "<script>" not in page  # the CSP allows no inline script
    config = json.loads(re.search(r'<script type="application/json" id="query-config">(.*?)</script>', page,
                                  re.S).group(1))
    assert config["endpoint"] == "/sparql" and config["prefixes"]["kg"] == KG
    assert {e["name"] for e in config["examples"]} == set(NAMES)
    assert real_client.get("/static/vendor/yasgui.min.js").status_code == 200


def test_editor_opens_a_linked_query(real_client):
    import re

    page = real_client.get("/query?name=causes-of&condition=kg:dehydration").get_data(as_text=True)
    config = json.loads(re.search(r'id="query-config">(.*?)</script>', page, re.S).group(1))
    assert config["initialName"] == "causes-of"
    assert "VALUES ?condition { <https://w3id.org/kneekg/id/dehydration> }" in config["initial"]
    page = real_client.get("/query", query_string={"query": "ASK { ?s ?p ?o }"}).get_data(as_text=True)
    assert json.loads(re.search(r'id="query-config">(.*?)</script>', page, re.S).group(1))["initial"] \
        == "ASK { ?s ?p ?o }"
    bad = real_client.get("/query?name=causes-of&condition=not%20an%20iri")
    assert bad.status_code == 200 and "condition" in bad.get_data(as_text=True)
