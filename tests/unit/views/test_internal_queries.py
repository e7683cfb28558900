"""queries/internal/: every query the code runs has a header, parses, and answers on the release graph."""

from __future__ import annotations

import pyoxigraph
import pytest

from kg import paths
from kg.sparql.registry import Registry, expand_iri, internal

INTERNAL = Registry.load(paths.QUERIES_DIR / "internal")


def test_the_folder_holds_the_queries_the_views_run():
    assert {"describe", "label-table", "subject-triples", "relations", "graph-triples"} <= set(INTERNAL.queries)
    assert internal("label-table") is internal("label-table")  # parsed once
    with pytest.raises(OSError):
        internal("no-such-query")


@pytest.mark.parametrize("name", sorted(INTERNAL.queries))
def test_every_internal_query_answers(real_store, name):
    query = internal(name)
    assert query.summary and query.description
    terms = {p.name: pyoxigraph.NamedNode(expand_iri(p.example)) for p in query.params}
    result = real_store.query(query.sparql, substitutions=terms or None)
    if isinstance(result, pyoxigraph.QueryBoolean):
        assert bool(result)
    else:
        assert len(list(result)) > 0, name
