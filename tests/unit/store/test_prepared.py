"""Prepared named queries: the embedded store's rewritten text answers exactly as the standard one."""

from __future__ import annotations


import pyoxigraph
import pytest

from kg.store import prepared
from kg.sparql.registry import registry, run
from kg.store.embedded import EmbeddedStore
from kg.store.remote import RemoteStore

QUERIES = list(registry())



def _rows(result) -> list[str]:
    if isinstance(result, pyoxigraph.QueryBoolean):
        return [str(bool(result))]
    return sorted(str(row) for row in result)


def _values(query, article: int | None) -> dict[str, str]:
    return {p.name: (f"{p.example}-a{article}" if article and p.type == "iri" and p.example.startswith("kg:")
                     else p.example) for p in query.params}


def test_the_evidence_optionals_are_rewritten():
    rewritten = [q.name for q in QUERIES if prepared.rewrite(q.sparql, frozenset(p.name for p in q.params))]
    assert {"causes-of", "treatments-for", "symptoms-of", "medications-causing"} <= set(rewritten)
    for name in rewritten:
        assert "LATERAL" in EmbeddedStore(pyoxigraph.Store()).text_for(registry()[name])


def test_a_trailing_run_of_optionals_is_one_lateral():
    """qualified-facts' six qualifier OPTIONALs: evaluated per statement, not hash-joined over every statement."""
    text = EmbeddedStore(pyoxigraph.Store()).text_for(registry()["qualified-facts"])
    assert text.count("LATERAL") == 1
    lateral = text[text.index("LATERAL"):]
    assert lateral.count("OPTIONAL") == registry()["qualified-facts"].sparql.count("OPTIONAL") == 6


def test_evidence_found_from_the_parameter_is_left_to_the_hash_join():
    """conditions-with-symptom: every branch starts from the symptom, so it is read once, not once per row."""
    query = registry()["conditions-with-symptom"]
    assert "LATERAL" not in EmbeddedStore(pyoxigraph.Store()).text_for(query)
    body = query.sparql[query.sparql.index("OPTIONAL {") + len("OPTIONAL {"):query.sparql.rindex("}\n}")]
    assert prepared._from_parameter(body, frozenset({"symptom"}))
    assert not prepared._from_parameter(body, frozenset({"condition"}))  # from the row's end it would go per row


def test_a_filter_keeps_its_optional_outside():
    sparql = "SELECT * WHERE { ?a <p> ?b OPTIONAL { ?a <q> ?c FILTER(?c > ?b) } OPTIONAL { { ?a <r> ?d } UNION { ?d <r> ?a } } }"
    text = prepared.rewrite(sparql)
    assert text.count("OPTIONAL") == 2 and "LATERAL { OPTIONAL { { ?a <r> ?d }" in text
    assert "OPTIONAL { ?a <q> ?c FILTER(?c > ?b) } LATERAL" in text


def test_remote_stores_get_the_standard_text():
    remote = RemoteStore("http://127.0.0.1:9/sparql")  # never contacted: the text is chosen locally
    for query in QUERIES:
        if not query.once or query.params:  # a whole-graph aggregate is asked of the server once (test_once.py)
            assert remote.text_for(query) == query.sparql


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
@pytest.mark.parametrize("graph", ["release", "synthetic"])
def test_same_answers_as_the_standard_text(query, graph, real_store, synthetic_store):
    store = real_store if graph == "release" else synthetic_store
    for article in ((None,) if graph == "release" else (None, 1, 2)):
        terms = query.bind(_values(query, article))
        expected = _rows(store.evaluate(query.sparql, substitutions=terms))  # evaluated, never a computed-once table
        assert _rows(run(store, query, _values(query, article))) == expected
