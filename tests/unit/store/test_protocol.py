"""Both stores say what they can do (kg.sparql.protocol): no caller tests which backend it holds."""

from __future__ import annotations

from kg.namespaces import ONTOLOGY_GRAPH
from kg.sparql.registry import registry
from kg.store.embedded import EmbeddedStore
from kg.store.remote import RemoteStore


def test_capabilities(mini_store):
    remote = RemoteStore("http://127.0.0.1:9/sparql")  # never contacted
    assert mini_store.isolated is True and remote.isolated is True  # both parse user queries in killable processes
    query = registry()["causes-of"]
    assert "LATERAL" in mini_store.text_for(query) and remote.text_for(query) == query.sparql


def test_embedded_graph_triples_are_the_graphs_own(mini_store: EmbeddedStore):
    triples = mini_store.graph_triples(str(ONTOLOGY_GRAPH))
    count = mini_store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}")
    assert len(triples) == int(next(iter(count))["n"].value) > 0
