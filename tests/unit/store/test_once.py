"""kg.store.once: a whole-graph aggregate answered from its rows, computed once per store; a one-parameter
query answered from rows computed once for every value of its parameter."""

from __future__ import annotations

import dataclasses

import pyoxigraph
import pytest

from kg.sparql.registry import parse_file, registry, run
from kg.store import once
from kg.store.embedded import EmbeddedStore
from kg.store.remote import RemoteStore

PER_VALUE = sorted(q.name for q in registry() if q.once and q.params)
KG = "https://w3id.org/kneekg/id/"
ONE_VALUE = {"groups-at-risk", "risk-factors-for"}  # the article names groups at risk and risk factors for one condition


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


@pytest.mark.parametrize("params", ["#+ param: x | iri | kg:a | it\n#+ param: p | iri | kg:b | it\n",
                                    "#+ param: x | string | a | it\n"])
def test_computed_once_is_for_a_select_without_parameters_or_with_one_iri(tmp_path, params):
    path = tmp_path / "bad.rq"
    path.write_text("#+ summary: s\n#+ description: d\n#+ computed: once\n" + params +
                    "SELECT ?x ?p WHERE { ?x ?p ?o } ORDER BY ?x\n")
    with pytest.raises(ValueError, match="computed: once"):
        parse_file(path)
    path.write_text("#+ summary: s\n#+ description: d\n#+ computed: once\n#+ param: x | iri | kg:a | it\n"
                    "SELECT ?x ?p WHERE { ?x ?p ?o } ORDER BY ?x\n")
    assert parse_file(path).once


def _entities(store) -> list[str]:
    found = store.query("SELECT DISTINCT ?e WHERE { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } ORDER BY ?e")
    return [row["e"].value for row in found if row["e"].value.startswith(KG)]


def test_per_value_queries_exist():
    assert {"causes-of", "nutrients-involved", "nutrients-linked", "treatments-for-causes", "qualified-facts"} <= set(PER_VALUE)


def test_an_answer_is_the_rows_as_pyoxigraph_wrote_them(real_store):
    """Parsed back, an entity's answer is the query's rows, term for term (lexical forms, datatypes, languages)."""
    query = registry()["qualified-facts"]
    store = EmbeddedStore(real_store.oxigraph, "answers (test)")
    values = query.example_values()
    text = store.text_for(query)
    answer = once.per_value_answer(store, text, query.bind(values))
    assert answer is not None and answer.startswith(b"?entity\t?subject\t")
    parsed = pyoxigraph.parse_query_results(answer, format=once.TSV)
    evaluated = store.evaluate(text, substitutions=query.bind(values))
    assert [list(row) for row in parsed] == [list(row) for row in evaluated]  # terms equal, not only their text
    assert once.per_value_answer(store, text, {"entity": pyoxigraph.NamedNode(KG + "not-in-the-graph")}) == \
        answer.split(b"\n")[0] + b"\n"  # the empty answer: its variables, no row


@pytest.mark.parametrize("name", PER_VALUE)
def test_every_value_is_answered_from_its_table_as_the_text_answers_it(real_store, name):
    """Every entity of the release graph (and every other IRI with rows: a vocabulary value, ``kgv:any``) as the
    parameter: the table's rows are the text's, in order."""
    query = registry()[name]
    store = EmbeddedStore(real_store.oxigraph, "tables (test)")  # its own tables, made here
    text = store.text_for(query)
    run(store, query, query.example_values())
    tables, none = once._value_tables(store)[name]
    assert tables  # the query's rows are told apart by its parameter: tabled
    evaluated = []
    evaluate = store.evaluate
    store.evaluate = lambda sparql, **kwargs: evaluated.append(sparql) or evaluate(sparql, **kwargs)
    with_rows = 0
    entities = _entities(real_store)
    others = sorted({value[1:-1] for value in tables} - set(entities))
    for entity in entities + others + [KG + "not-in-the-graph"]:
        values = {query.params[0].name: f"<{entity}>"}
        answered = _rows(run(store, query, values))
        assert answered == _rows(evaluate(text, substitutions=query.bind(values))), (name, entity)
        assert answered == _rows(evaluate(query.sparql, substitutions=query.bind(values))), (name, entity, "standard")
        with_rows += bool(answered)
    assert not evaluated  # every answer was a table
    # several values (the article names warning signs for two conditions), but where the article names one
    assert with_rows == len(tables) >= (1 if name in ONE_VALUE else 2)


@pytest.mark.parametrize("name", PER_VALUE)
def test_per_value_tables_on_a_synthetic_graph(synthetic_store, name):
    """Renamed copies with links into earlier articles: values with rows from several articles."""
    query = registry()[name]
    store = EmbeddedStore(synthetic_store.oxigraph, "synthetic tables (test)")
    with_rows = 0
    for article in (1, 2):
        values = {p.name: f"{p.example}-a{article}" for p in query.params}
        expected = _rows(store.evaluate(store.text_for(query), substitutions=query.bind(values)))
        assert _rows(run(store, query, values)) == expected, (name, values)
        with_rows += bool(expected)
    assert with_rows


def test_rows_that_the_parameter_does_not_tell_apart_are_not_tabled(real_store):
    """A row without the parameter bound: the unbound rows are not the union of the bound ones; the text is evaluated."""
    query = dataclasses.replace(registry()["causes-of"], sparql=(
        "PREFIX kgo: <https://w3id.org/kneekg/ontology/>\n"
        "SELECT ?condition ?cause WHERE { ?cause kgo:causes ?x OPTIONAL { ?cause kgo:causes ?condition FILTER(?x != ?x) } }"))
    assert once._tables(real_store, query, query.sparql) is None


def test_a_remote_store_evaluates_a_per_value_query_as_written():
    remote = RemoteStore("http://127.0.0.1:9/sparql")  # never contacted
    for name in PER_VALUE:
        assert remote.text_for(registry()[name]) == registry()[name].sparql


def test_a_store_not_tabled_evaluates_the_query_and_gives_the_same_rows(real_store, monkeypatch):
    """TABLED_ANSWERS off (bench/uncached.py's like-with-like row): no kept rows are read, the text is evaluated."""
    query = registry()["causes-of"]
    tabled = EmbeddedStore(real_store.oxigraph, "tabled (test)")
    evaluating = EmbeddedStore(real_store.oxigraph, "evaluating (test)")
    evaluating.tabled = False
    values = query.bind(query.example_values())
    text = tabled.text_for(query)
    assert tabled.kept_rows(text, values) is not None and evaluating.kept_rows(text, values) is None
    monkeypatch.setattr(once, "per_value_answer", lambda *args: pytest.fail("kept rows read by a store not tabled"))
    assert _rows(evaluating.query(text, substitutions=values)) == _rows(tabled.evaluate(text, substitutions=values))
