"""ODK-style quality checks: every queries/checks/*-violation.rq returns no rows on the real graph."""

from pathlib import Path

import pyoxigraph
import pytest

from kg import paths
from kg.build.checks import check_files, run_check

CHECKS = check_files(paths.CHECKS_DIR)


def test_there_are_checks():
    assert len(CHECKS) >= 10


@pytest.mark.parametrize("check", CHECKS, ids=[p.stem for p in CHECKS])
def test_check_returns_no_rows_on_the_release_graph(check: Path, real_store):
    assert run_check(real_store.oxigraph, check) == []


@pytest.mark.parametrize("check", CHECKS, ids=[p.stem for p in CHECKS])
def test_check_has_a_header_and_orders_its_rows(check: Path):
    text = check.read_text()
    assert text.startswith("#+ summary:")
    assert "#+ description:" in text
    assert "ORDER BY" in text


def test_a_fact_without_quote_is_caught():
    """The check can fail: a bare asserted relation with no statement is reported."""
    store = pyoxigraph.Store()
    store.load(b"""
<https://w3id.org/kneekg/ontology/causes> a <http://www.w3.org/2002/07/owl#ObjectProperty> <https://w3id.org/kneekg/graph/ontology> .
<https://w3id.org/kneekg/id/a> <https://w3id.org/kneekg/ontology/causes> <https://w3id.org/kneekg/id/b> <https://w3id.org/kneekg/graph/facts> .
""".replace(b" a ", b" <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "), format=pyoxigraph.RdfFormat.N_QUADS)
    rows = run_check(store, paths.CHECKS_DIR / "fact-without-quote-violation.rq")
    assert rows == [{"s": "https://w3id.org/kneekg/id/a", "p": "https://w3id.org/kneekg/ontology/causes",
                     "o": "https://w3id.org/kneekg/id/b"}]


def test_a_statement_without_its_entailed_predicates_is_caught():
    """The build's kgo:entailedPredicate must be exactly the predicate's rdfs:subPropertyOf* closure, both ways."""
    store = pyoxigraph.Store()
    store.load(b"""
@prefix kgo: <https://w3id.org/kneekg/ontology/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
kgo:sideEffectOf rdfs:subPropertyOf kgo:causedBy .
kgo:causedBy rdfs:subPropertyOf kgo:relatedTo .
<https://w3id.org/kneekg/statement/a> rdf:predicate kgo:sideEffectOf ;
    kgo:entailedPredicate kgo:sideEffectOf , kgo:relatedTo , kgo:treats .
""", format=pyoxigraph.RdfFormat.TURTLE)
    rows = run_check(store, paths.CHECKS_DIR / "entailed-predicate-violation.rq")
    kgo, st = "https://w3id.org/kneekg/ontology/", "https://w3id.org/kneekg/statement/a"
    assert rows == [
        {"statement": st, "predicate": kgo + "sideEffectOf", "entailed": kgo + "causedBy", "problem": "missing"},
        {"statement": st, "predicate": kgo + "sideEffectOf", "entailed": kgo + "treats", "problem": "not entailed"},
    ]


def test_a_statement_whose_involved_entities_are_not_its_ends_is_caught():
    """The build's kgo:involves must be exactly the statement's rdf:subject and rdf:object."""
    store = pyoxigraph.Store()
    store.load(b"""
@prefix kgo: <https://w3id.org/kneekg/ontology/> .
@prefix kg: <https://w3id.org/kneekg/id/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
<https://w3id.org/kneekg/statement/a> rdf:subject kg:caffeine ; rdf:predicate kgo:causes ; rdf:object kg:knee-muscle-spasm ;
    kgo:involves kg:caffeine , kg:als .
<https://w3id.org/kneekg/statement/b> rdf:subject kg:als ; rdf:predicate kgo:affects ; rdf:object kg:brain ;
    kgo:involves kg:als , kg:brain .
""", format=pyoxigraph.RdfFormat.TURTLE)
    rows = run_check(store, paths.CHECKS_DIR / "involves-violation.rq")
    kg, st = "https://w3id.org/kneekg/id/", "https://w3id.org/kneekg/statement/a"
    assert rows == [
        {"statement": st, "value": kg + "als", "problem": "not an end"},
        {"statement": st, "value": kg + "knee-muscle-spasm", "problem": "missing"},
    ]
