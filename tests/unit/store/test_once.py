"""kg.store.once: a whole-graph aggregate answered from its rows, computed once per store."""

from __future__ import annotations

import pyoxigraph
import pytest

from kg.sparql.registry import parse_file, registry, run
from kg.store import once
from kg.store.embedded import EmbeddedStore


class Counting(EmbeddedStore):
    """An embedded store that counts the queries it evaluates."""

    def __init__(self, store):
        super().__init__(store, "counting (test)")
        self.evaluated: list[str] = []

    def query(self, sparql, **kwargs):
        self.evaluated.append(sparql)
        return super().query(sparql, **kwargs)


def _rows(result) -> list[tuple]:
    variables = [v.value for v in result.variables]
    return [tuple(str(s[v]) for v in variables) for s in result]


def test_statistics_is_computed_once_per_store(real_store):
    query = registry()["statistics"]
    assert query.once
    store = Counting(real_store.oxigraph)
    expected = _rows(store.query(query.sparql))  # the standard text, evaluated in full
    store.evaluated.clear()
    first, second = _rows(run(store, query)), _rows(run(store, query))
    assert first == second == expected  # the same rows in the same order
    aggregates = [text for text in store.evaluated if "COUNT" in text]
    assert len(aggregates) == 1  # the whole-graph count ran once; every later answer is its table
    assert "VALUES (?measure ?value)" in store.text_for(query)


def test_each_store_counts_its_own_graph(real_store, mini_store):
    query = registry()["statistics"]
    big = dict(_rows(run(real_store, query)))
    small = dict(_rows(run(mini_store, query)))
    assert big != small and set(big) == set(small)


def test_a_table_that_would_change_the_answer_is_not_kept(monkeypatch):
    assert once.table_text("SELECT ?b WHERE { ?b ?p ?o }", ["b"], [[pyoxigraph.BlankNode("x")]]) is None
    store = EmbeddedStore(pyoxigraph.Store(), "empty (test)")
    query = registry()["statistics"]
    text = "SELECT ?m WHERE { VALUES ?m { 2 1 } }"
    monkeypatch.setattr(once, "table_text", lambda *args: "SELECT ?m WHERE { VALUES ?m { 1 2 } }")  # reordered
    assert once.answered_text(store, query, text) == text  # checked against the rows: the text stays


def test_computed_once_is_for_a_select_without_parameters(tmp_path):
    path = tmp_path / "bad.rq"
    path.write_text("#+ summary: s\n#+ description: d\n#+ computed: once\n#+ param: x | iri | kg:a | it\n"
                    "SELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x\n")
    with pytest.raises(ValueError, match="computed: once"):
        parse_file(path)
