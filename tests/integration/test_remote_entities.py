"""Every one-entity named query gives on each remote store the rows the embedded store gives, for the entities
most likely to show an engine's bugs: those with the most evidence statements (hubs), on the release graph and
on a larger synthetic one (Virtuoso 7.2 drops the values of OPTIONALs after a UNION: openlink/virtuoso-opensource#1052).

Rows are compared as multisets: rows that tie on a query's ORDER BY keys may come in another order on another
engine (``test_remote.py`` compares the order for the example values).
"""

from __future__ import annotations

import io

import pyoxigraph
import pytest

from kg.build import synth
from kg.sparql.registry import registry, run
from kg.store.embedded import EmbeddedStore
from tests.support.virtuoso import virtuoso_server

KG = "https://w3id.org/kneekg/id/"
HUBS = 24  # entities per graph: those with the most evidence statements
SYNTHETIC_TRIPLES = 60_000  # the release graph (~20,000 triples) and two whole synthetic articles

# Compared on every graph, hubs or not: the entities Virtuoso 7.2 got wrong while the named queries matched a
# statement's predicate by `rdfs:subPropertyOf*` inside an OPTIONAL's UNION branches (rows of `causes-of` and quotes
# of `effects-of` lost, a different set in each run, as its planner chose). The queries now read the build's
# `kgo:entailedPredicate` instead (README: "Tested against a real Virtuoso"); no difference is allowed.
ALSO = ("certain-medications", "corticosteroids", "diuretics", "estrogen", "muscle-spasm", "muscle-twitching",
        "stimulants")


def _one_entity_queries():
    return [q for q in registry() if len([p for p in q.params if p.type == "iri"]) == 1]


def _rows(result) -> list[tuple]:
    if isinstance(result, pyoxigraph.QueryBoolean):
        return [(bool(result),)]
    variables = [v.value for v in result.variables]
    return sorted((tuple("_:b" if isinstance(s[v], pyoxigraph.BlankNode) else (None if s[v] is None else str(s[v]))
                         for v in variables) for s in result), key=str)


def _hubs(store, count: int = HUBS) -> list[str]:
    """The entities taking part in the most evidence statements (as subject or object), most first."""
    found = store.query("""
        SELECT ?e (COUNT(?st) AS ?n) WHERE {
          { ?st <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?e } UNION
          { ?st <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?e }
          ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?label
        } GROUP BY ?e ORDER BY DESC(?n) ?e""")
    return [row["e"].value for row in found if row["e"].value.startswith(KG)][:count]


def _differences(remote, embedded, backend: str, also: tuple[str, ...] = ()) -> set[tuple[str, str, str]]:
    """The (backend, query, entity) whose rows differ, for the hubs and the entities ``also`` (local names)."""
    differ = set()
    for entity in dict.fromkeys(_hubs(embedded) + [KG + name for name in also]):
        for query in _one_entity_queries():
            name = next(p.name for p in query.params if p.type == "iri")
            values = {**query.example_values(), name: "kg:" + entity[len(KG):]}
            if _rows(run(remote, query, values)) != _rows(run(embedded, query, values)):
                differ.add((backend, query.name, entity[len(KG):]))
    return differ


@pytest.mark.parametrize("backend", ["virtuoso", "oxigraph"])
def test_hubs_of_the_release_graph_agree(request, real_store, backend):
    remote = request.getfixturevalue(f"{backend}_release")
    assert sorted(_differences(remote, real_store, backend, ALSO)) == []


@pytest.fixture(scope="module")
def synthetic_graph(tmp_path_factory):
    path = tmp_path_factory.mktemp("synthetic") / "graph.nq"
    out = io.StringIO()
    synth.write(SYNTHETIC_TRIPLES, out, seed=0)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def virtuoso_synthetic(virtuoso, synthetic_graph):
    """A Virtuoso bulk-loaded with a synthetic graph (renamed copies of the article, with links between them)."""
    from kg.store.remote import RemoteStore

    with virtuoso_server(synthetic_graph) as server:
        yield RemoteStore(server.sparql, timeout=60)


def test_hubs_of_a_synthetic_graph_agree_on_virtuoso(virtuoso_synthetic, synthetic_graph):
    """Early articles are hubs there: more rows per entity than the release graph has."""
    embedded = EmbeddedStore.from_file(synthetic_graph)
    assert sorted(_differences(virtuoso_synthetic, embedded, "virtuoso", ALSO)) == []
