"""The embedded store: pyoxigraph in memory, loaded from the built N-Quads, behind ``GraphStore``.

A remote SPARQL backend (:mod:`kg.store.remote`) implements the same protocol
(:mod:`kg.sparql.protocol`), so the app cannot tell them apart.
"""

from __future__ import annotations

import time
from pathlib import Path

import pyoxigraph
from pyoxigraph import NamedNode, RdfFormat

from kg import paths
from kg.sparql.protocol import QueryResult, Term
from kg.sparql.registry import NamedQuery
from kg.store import counts, once, prepared


class EmbeddedStore:
    """pyoxigraph in memory; the default graph is the union of the named graphs (as Fuseki's unionDefaultGraph)."""

    # In memory and fork-safe, but a running query cannot be cancelled: the engine evaluates
    # queries in worker processes forked from this one, and kills one that overruns.
    isolated = True
    # Answer one-parameter ``computed: once`` named queries from their kept rows (False: evaluate them, as a
    # remote store does; bench/uncached.py measures both against servers that evaluate every query).
    tabled = True

    def __init__(self, store: pyoxigraph.Store, description: str = "embedded pyoxigraph"):
        self._store = store
        self.description = description
        self.loaded_at = time.time()

    @classmethod
    def from_file(cls, path: Path | None = None) -> "EmbeddedStore":
        """Load the built N-Quads artifact (``release/graph.nq`` by default).

        ``load``, not ``bulk_load``: as fast here, and the bulk loader leaves the process's heap so
        fragmented that every later query pays for it in malloc (at a million triples: ``ASK {}``
        55 µs instead of 25-35, named queries 20-55 % slower, peak RSS 573 MB instead of 366;
        ``bench/inprocess.py``).
        """
        path = path or paths.RELEASE_DIR / paths.GRAPH_NQ
        store = pyoxigraph.Store()
        store.load(path=str(path), format=RdfFormat.N_QUADS)
        return cls(store, f"embedded pyoxigraph ({path.name})")

    @property
    def oxigraph(self) -> pyoxigraph.Store:
        return self._store

    def __len__(self) -> int:
        return len(self._store)

    def query(self, sparql: str, *, substitutions: dict[str, Term] | None = None,
              default_graph: list[str] | None = None, named_graphs: list[str] | None = None,
              base_iri: str | None = None) -> QueryResult:
        """Evaluate ``sparql``; a one-parameter ``computed: once`` named query is answered from its rows (:mod:`kg.store.once`)."""
        if self.tabled and substitutions and default_graph is None and named_graphs is None and not base_iri:
            rows = once.per_value_answer(self, sparql, substitutions)
            if rows is not None:
                return pyoxigraph.parse_query_results(rows, format=once.TSV)
        return self.evaluate(sparql, substitutions=substitutions, default_graph=default_graph,
                             named_graphs=named_graphs, base_iri=base_iri)

    def kept_rows(self, sparql: str, substitutions: dict[str, Term]) -> bytes | None:
        """The rows of a one-parameter ``computed: once`` named query for its value, as SPARQL TSV, kept since the first
        time it was asked (:mod:`kg.store.once`); None for any other query (it is evaluated), and when not ``tabled``."""
        return once.per_value_answer(self, sparql, substitutions) if self.tabled else None

    def evaluate(self, sparql: str, *, substitutions: dict[str, Term] | None = None,
                 default_graph: list[str] | None = None, named_graphs: list[str] | None = None,
                 base_iri: str | None = None) -> QueryResult:
        """Evaluate ``sparql`` as it is written."""
        kwargs: dict = {"base_iri": base_iri} if base_iri else {}
        if default_graph is not None:
            kwargs["default_graph"] = [NamedNode(g) for g in default_graph]
        else:
            kwargs["use_default_graph_as_union"] = True
        if named_graphs is not None:
            kwargs["named_graphs"] = [NamedNode(g) for g in named_graphs]
        if substitutions:
            kwargs["substitutions"] = {pyoxigraph.Variable(k): v for k, v in substitutions.items()}
        return self._store.query(sparql, **kwargs)

    def text_for(self, query: NamedQuery) -> str:
        """The named query evaluated row by row (its evidence OPTIONAL as ``LATERAL``: :mod:`kg.store.prepared`).

        A whole-graph aggregate (``#+ computed: once``) is answered from its rows, computed once (:mod:`kg.store.once`);
        a one-parameter ``computed: once`` query keeps its text, and :meth:`query` answers it from its rows.
        """
        text = prepared.text_for(query)
        return once.answered_text(self, query, text) if query.once and not query.params else text

    def pattern_counts(self) -> counts.PatternCounts:
        """Pattern counts and fan-outs, with which the engine proves a query cheap enough to run in the serving thread."""
        return counts.pattern_counts(self)

    def graph_triples(self, graph: str) -> list[pyoxigraph.Triple]:
        """Every triple of one named graph, straight from the store's index."""
        return [quad.triple for quad in self._store.quads_for_pattern(None, None, None, NamedNode(graph))]
