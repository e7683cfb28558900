"""The gold set and its evaluation: QALD scores, the split, and the quality bar the system must meet."""

from collections import Counter

import pytest
from click.testing import CliRunner

from kg.sparql import registry as named_queries
from cli.main import main
from kg.qa.evaluate import evaluate, load_gold, prf, score, summarise
from kg.namespaces import KG


@pytest.fixture(scope="module")
def gold():
    return load_gold()


@pytest.fixture(scope="module")
def results(real_store, gold):
    return evaluate(real_store, gold)


def test_gold_set_is_large_and_varied(gold):
    assert len(gold) >= 120
    assert len({g["id"] for g in gold}) == len(gold)
    assert len({g["question"].lower() for g in gold}) == len(gold)
    types = Counter(g["type"] for g in gold)
    assert types["out-of-scope"] >= 20
    assert types["faq"] >= 13
    for kind in ("paraphrase", "typo", "synonym", "inverse", "yes-no", "two-hop", "list-by-type", "count"):
        assert types[kind] >= 1, kind
    held_out = sum(1 for g in gold if g["split"] == "held-out")
    assert 0.3 <= held_out / len(gold) <= 0.6


def test_expected_answers_are_entities_of_the_graph(real_store, gold):
    known = {row["e"].value for row in real_store.query(
        "SELECT DISTINCT ?e WHERE { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }")}
    for g in gold:
        for local in g.get("expected", []):
            assert str(KG[local]) in known, (g["id"], local)


def test_expected_lists_match_the_named_query_they_were_derived_from(real_store, gold):
    """A graph change that alters an answer shows up here, not as a silent drop in F1."""
    import ast

    for g in gold:
        if g["kind"] != "list" or not g.get("derived_from", "").startswith("('"):
            continue
        spec = ast.literal_eval(g["derived_from"])
        if spec[0] not in named_queries.registry():
            continue
        query = named_queries.registry()[spec[0]]
        rows = named_queries.run(real_store, query, {query.params[0].name: spec[1]})
        answer_var = [v for v in query.sparql.split("SELECT DISTINCT", 1)[1].split("WHERE")[0].split()
                      if v.startswith("?")][1][1:]
        found = {row[answer_var].value.rsplit("/", 1)[-1] for row in rows} - {spec[1]}
        assert found == set(g["expected"]), g["id"]


@pytest.mark.parametrize("gold_set, system, expected", [
    (set(), set(), (1.0, 1.0, 1.0)),
    ({"a"}, set(), (0.0, 0.0, 0.0)),
    (set(), {"a"}, (0.0, 0.0, 0.0)),
    ({"a", "b"}, {"a", "c"}, (0.5, 0.5, 0.5)),
    ({"a"}, {"a"}, (1.0, 1.0, 1.0)),
])
def test_prf_follows_qald(gold_set, system, expected):
    assert prf(gold_set, system) == expected


def test_boolean_and_abstain_are_scored_as_one_answer():
    yes = {"answered": True, "kind": "boolean", "boolean": True, "answers": [], "count": None}
    abstain = {"answered": False, "kind": "abstain", "boolean": None, "answers": [], "count": None}
    assert score({"kind": "boolean", "boolean": True}, yes).f1 == 1.0
    assert score({"kind": "boolean", "boolean": False}, yes).f1 == 0.0
    assert score({"kind": "boolean", "boolean": False}, abstain).f1 == 0.0
    assert score({"kind": "abstain"}, abstain).f1 == 1.0
    assert score({"kind": "abstain"}, yes).f1 == 0.0


def test_held_out_f1_and_abstention_meet_the_bar(results):
    summary = summarise(results)
    held_out = summary["held-out"]["all"]
    assert held_out["f1"] >= 0.90, summary
    assert summary["tune"]["all"]["f1"] >= 0.90, summary


def test_no_out_of_scope_question_is_answered(results):
    answered = [r.gold["question"] for r in results if r.gold["type"] == "out-of-scope" and not r.abstained]
    assert answered == []


def test_kneekg_eval_prints_both_splits():
    result = CliRunner().invoke(main, ["eval"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:6] == ["split", "kind", "n", "P", "R", "F1"]
    assert any(line.startswith("tune") for line in lines) and any(line.startswith("held-out") for line in lines)
