"""kg.sparql.text: one header reading for the registry and the editor, one VALUES writer."""

from __future__ import annotations

import pyoxigraph
import pytest

from kg.sparql.registry import internal, registry
from kg.sparql.text import header_lines, values_block, with_values, without_header

QUERIES = list(registry())


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_the_editor_text_keeps_the_header_as_comments_and_parses(query):
    text = query.with_values(query.example_values())
    if query.params:
        assert "#+" not in text and f"# summary: {query.summary}" in text
        assert all(f"VALUES ?{p.name} {{ " in text for p in query.params)
    pyoxigraph.Store().query(text)  # raises SyntaxError if the text is not SPARQL


def test_header_is_read_the_same_by_the_registry_and_the_stripper():
    for query in QUERIES:
        lines = header_lines(query.sparql)
        assert any(line.strip() == f"summary: {query.summary}" for line in lines)
        stripped = without_header(query.sparql)
        assert all(f"# {line.strip()}" in stripped for line in lines)


def test_values_are_terms_never_raw_text():
    hostile = pyoxigraph.Literal('x" } } DROP ALL ; SELECT * { "')
    text = with_values("SELECT ?t WHERE { ?s ?p ?t }", {"t": hostile})
    assert list(pyoxigraph.Store().query(text)) == []  # one well-formed query, nothing dropped
    with pytest.raises(ValueError):
        values_block({"t; DROP": hostile})


def test_several_values_of_one_variable():
    iris = [pyoxigraph.NamedNode(f"urn:x{i}") for i in range(3)]
    text = with_values("SELECT ?x WHERE { }", {"x": iris})
    assert [row["x"] for row in pyoxigraph.Store().query(text)] == iris


def test_internal_queries_have_headers_and_parse():
    from kg import paths

    names = sorted(p.stem for p in (paths.QUERIES_DIR / "internal").glob("*.rq"))
    assert names
    for name in names:
        query = internal(name)
        assert query.summary and query.description
        pyoxigraph.Store().query(query.sparql)
