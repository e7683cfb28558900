"""How many quads match a pattern, and how far one term fans out along a property: the store's side of
the proof that a query is cheap (:mod:`kg.sparql.cheap`).

The graph never changes while it is served, so every number is computed once per store and kept:
a pattern's count from the store's index, read only up to the cap the proof asks for (a hub entity
costs at most that many steps, once); a property's fan-out (the most objects one subject has with
it, or subjects one object has) by an aggregate in ``queries/internal/fanout-*.rq``, only for a
property with at most :data:`FANOUT_CAP` triples — for a larger one, or for "any property", the
fan-out is not known and a query that needs it is not proven cheap (it runs in the query processes).
"""

from __future__ import annotations

import hashlib
import threading
from itertools import islice

import pyoxigraph

from kg.sparql.lru import LRU
from kg.sparql.registry import internal
from kg.store.memo import per_store

FANOUT_CAP = 10000  # triples of one property at most, for its fan-out to be computed on demand (a few ms)
UNKNOWN = 1 << 62  # a fan-out not known: larger than any bound


class PatternCounts:
    """Bounded pattern counts and per-property fan-outs of one pyoxigraph store, each computed once."""

    def __init__(self, store: pyoxigraph.Store):
        self._store = store
        # Keyed by a digest of the terms (a client's long IRI is not kept); 1 MiB in all (webapp.config.cache_budget).
        self._counts: LRU[int] = LRU(max_entries=16384, max_bytes=1 << 20, sizer=lambda _: 8)
        self._fanouts: dict[tuple[str, str], int] = {}
        self._lock = threading.Lock()

    def count(self, subject, predicate, obj, cap: int) -> int:
        """Quads (in every graph) matching the constants (None: any term), counted up to ``cap + 1``.

        >>> store = pyoxigraph.Store()
        >>> for n in range(5):
        ...     store.add(pyoxigraph.Quad(pyoxigraph.NamedNode("urn:s"), pyoxigraph.NamedNode("urn:p"),
        ...                               pyoxigraph.Literal(str(n)), pyoxigraph.NamedNode("urn:g")))
        >>> counts = PatternCounts(store)
        >>> counts.count(pyoxigraph.NamedNode("urn:s"), None, None, 10), counts.count(None, None, None, 2)
        (5, 3)
        """
        key = hashlib.blake2b(f"{subject}\x00{predicate}\x00{obj}\x00{cap}".encode("utf-8", "surrogatepass"),
                              digest_size=16).digest()
        found = self._counts.get(key)
        if found is None:
            found = sum(1 for _ in islice(self._store.quads_for_pattern(subject, predicate, obj, None), cap + 1))
            self._counts.put(key, found)
        return found

    def fanout(self, predicate, side: str) -> int:
        """The most objects one subject has with ``predicate`` (``side='out'``), or subjects one object has ('in').

        :data:`UNKNOWN` for any predicate (None), a predicate that is not an IRI, or one with more
        than :data:`FANOUT_CAP` triples.

        >>> store = pyoxigraph.Store()
        >>> p, g = pyoxigraph.NamedNode("urn:p"), pyoxigraph.NamedNode("urn:g")
        >>> for s, o in (("a", "x"), ("a", "y"), ("b", "x")):
        ...     store.add(pyoxigraph.Quad(pyoxigraph.NamedNode("urn:" + s), p, pyoxigraph.NamedNode("urn:" + o), g))
        >>> counts = PatternCounts(store)
        >>> counts.fanout(p, "out"), counts.fanout(p, "in"), counts.fanout(None, "out")
        (2, 2, 4611686018427387904)
        """
        if not isinstance(predicate, pyoxigraph.NamedNode):
            return UNKNOWN
        key = (predicate.value, side)
        found = self._fanouts.get(key)
        if found is not None:
            return found
        used = self.count(None, predicate, None, FANOUT_CAP)
        if used == 0:  # not kept: a client's made-up predicates would grow the table without bound
            return 0
        if used > FANOUT_CAP:
            found = UNKNOWN
        else:
            query = internal("fanout-out" if side == "out" else "fanout-in")
            rows = list(self._store.query(query.sparql, substitutions={pyoxigraph.Variable("p"): predicate}))
            found = int(rows[0]["most"].value) if rows and rows[0]["most"] is not None else 0
        with self._lock:
            self._fanouts[key] = found
        return found


@per_store(kept=False)  # holds the pyoxigraph store itself; counted again on demand after a start
def pattern_counts(store) -> PatternCounts:
    """The counts of an embedded store (``store.oxigraph``), one object per store."""
    return PatternCounts(store.oxigraph)
