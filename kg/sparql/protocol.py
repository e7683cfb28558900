"""What every store offers the readers of the graph: the ``GraphStore`` protocol and its terms.

A store answers SPARQL (``query``) and says what it can do, so no caller tests which backend it
holds: ``isolated`` (queries may run in processes forked from this one, which can be killed on
overrun), ``text_for`` (the text to evaluate a named query with: the embedded store runs an
equivalent rewrite of the registry's text, a remote server the standard text) and
``graph_triples`` (one named graph exactly as the store holds it). An in-process store may also
offer ``pattern_counts()`` (:class:`kg.sparql.cheap.PatternCounts`): with it the engine evaluates
queries it proves cheap in the serving thread instead of a query process.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import pyoxigraph
from pyoxigraph import QueryBoolean, QuerySolutions, QueryTriples

if TYPE_CHECKING:
    from kg.sparql.registry import NamedQuery

QueryResult = QuerySolutions | QueryBoolean | QueryTriples
Term = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal


class GraphStore(Protocol):
    """Anything that answers SPARQL over the knowledge graph."""

    description: str
    isolated: bool  # queries may be evaluated in worker processes forked from this one
    loaded_at: float  # when the graph was loaded (seconds since the epoch)

    def query(self, sparql: str, *, substitutions: dict[str, Term] | None = None,
              default_graph: list[str] | None = None, named_graphs: list[str] | None = None,
              base_iri: str | None = None) -> QueryResult:
        """Evaluate a read-only SPARQL query; ``substitutions`` bind variables to terms, ``base_iri`` resolves relative IRIs."""
        ...

    def text_for(self, query: NamedQuery) -> str:
        """The text to evaluate the named ``query`` with on this store (same answers as its own text)."""
        ...

    def graph_triples(self, graph: str) -> list[pyoxigraph.Triple]:
        """Every triple of one named graph, as the store holds it."""
        ...
