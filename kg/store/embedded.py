"""The store behind every reader of the graph: one small interface, query in and results out.

The embedded default is an in-memory pyoxigraph ``Store`` loaded from the built N-Quads;
a remote SPARQL backend implements the same ``query`` so the app cannot tell them apart.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Protocol

import pyoxigraph
from pyoxigraph import NamedNode, QueryBoolean, QuerySolutions, QueryTriples, RdfFormat

from kg import paths

QueryResult = QuerySolutions | QueryBoolean | QueryTriples
Term = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal


class GraphStore(Protocol):
    """Anything that answers SPARQL over the knowledge graph."""

    description: str

    def query(self, sparql: str, *, substitutions: dict[str, Term] | None = None,
              default_graph: list[str] | None = None, named_graphs: list[str] | None = None) -> QueryResult:
        """Evaluate a read-only SPARQL query; ``substitutions`` bind variables to terms."""
        ...


class EmbeddedStore:
    """pyoxigraph in memory; the default graph is the union of the named graphs (as Fuseki's unionDefaultGraph)."""

    def __init__(self, store: pyoxigraph.Store, description: str = "embedded pyoxigraph"):
        self._store = store
        self.description = description
        self.loaded_at = time.time()

    @classmethod
    def from_file(cls, path: Path | None = None) -> "EmbeddedStore":
        """Load the built N-Quads artifact (``release/graph.nq`` by default)."""
        path = path or paths.RELEASE_DIR / paths.GRAPH_NQ
        store = pyoxigraph.Store()
        store.bulk_load(path=str(path), format=RdfFormat.N_QUADS)
        return cls(store, f"embedded pyoxigraph ({path.name})")

    @property
    def oxigraph(self) -> pyoxigraph.Store:
        return self._store

    def __len__(self) -> int:
        return len(self._store)

    def query(self, sparql: str, *, substitutions: dict[str, Term] | None = None,
              default_graph: list[str] | None = None, named_graphs: list[str] | None = None) -> QueryResult:
        kwargs: dict = {}
        if default_graph is not None:
            kwargs["default_graph"] = [NamedNode(g) for g in default_graph]
        else:
            kwargs["use_default_graph_as_union"] = True
        if named_graphs is not None:
            kwargs["named_graphs"] = [NamedNode(g) for g in named_graphs]
        if substitutions:
            kwargs["substitutions"] = {pyoxigraph.Variable(k): v for k, v in substitutions.items()}
        return self._store.query(sparql, **kwargs)
