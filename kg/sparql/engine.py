"""Run untrusted SPARQL safely: read-only, inside the served graphs, under a time limit and a row cap.

A query is first checked by the guard (:mod:`kg.sparql.guard`: no update, no ``SERVICE``, no
graph outside the served ones), then evaluated — in killable worker processes on a store that
allows it (:mod:`kg.sparql.pool`), in process otherwise (a remote store: its HTTP timeout is
the limit) — and its serialised result is kept in a bounded LRU (the graph is immutable while
served).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Iterable

from kg.sparql.formats import Format, formats_for
from kg.sparql.guard import SERVED_GRAPHS, analyse, check_dataset
from kg.sparql.lru import LRU
from kg.sparql.pool import Job, WorkerPool, default_workers, evaluate, shared_pool
from kg.sparql.results import Serialised
from kg.sparql.text import has_relative_iri

MAX_CACHED_BODY = 1_000_000  # bytes; a larger result is served but not kept


@dataclass
class Engine:
    """The one place untrusted SPARQL runs: analyse, then evaluate under limits, optionally cached."""

    store: object
    timeout: float = 10.0
    row_limit: int | None = 10000
    workers: int | None = None  # query processes; 0 evaluates in process (no time limit on embedded stores)
    cache_size: int = 256  # results kept (each at most MAX_CACHED_BODY bytes)
    served: tuple[str, ...] = SERVED_GRAPHS
    _pool: WorkerPool | None = field(default=None, init=False, repr=False)
    _cache: LRU = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._cache = LRU(max_entries=self.cache_size, max_bytes=self.cache_size * MAX_CACHED_BODY,
                          max_item_bytes=MAX_CACHED_BODY)

    @property
    def isolated(self) -> bool:
        """Whether queries run in killable worker processes (a store that allows it, workers not 0)."""
        return getattr(self.store, "isolated", False) and self.workers != 0

    def prepare(self, sparql: str, fmt: Format, *, default_graph: Iterable[str] | None = None,
                named_graphs: Iterable[str] | None = None, substitutions: dict | None = None,
                base_iri: str | None = None) -> Job:
        """Check ``sparql`` and the protocol dataset; return the job to run (raises before evaluation).

        ``base_iri`` (the endpoint's URL, a base IRI the protocol lets the service define) is kept
        only for a query that writes relative IRIs, so every other query's job stays the same.
        """
        analysis = analyse(sparql, self.served)
        if default_graph is not None or named_graphs is not None:  # the protocol's dataset wins
            default = tuple(check_dataset(default_graph or (), self.served, "default-graph-uri"))
            named = tuple(check_dataset(named_graphs or (), self.served, "named-graph-uri"))
        elif analysis.from_graphs or analysis.from_named_graphs:
            default, named = analysis.from_graphs, analysis.from_named_graphs
        else:
            default = named = None  # the union of the served graphs, every graph named
        if fmt.name not in formats_for(analysis.form):
            fmt = next(iter(formats_for(analysis.form).values()))
        subs = tuple(sorted((substitutions or {}).items(), key=lambda kv: kv[0]))
        base = base_iri if base_iri and has_relative_iri(sparql) else None
        return Job(sparql, analysis.form, fmt.name, self.row_limit, subs, default, named, base)

    def run(self, job: Job) -> Serialised:
        """Evaluate a prepared job (cached: the graph does not change while it is served)."""
        key = job.key() if self.cache_size else None
        if key is not None:
            hit = self._cache.get(key)
            if hit is not None:
                return hit
        if self.isolated:
            result = self._get_pool().run(job, self.timeout)
        else:
            result = evaluate(self.store, job)
        if key is not None:
            self._cache.put(key, result)
        return result

    def execute(self, sparql: str, fmt: Format, **dataset) -> Serialised:
        return self.run(self.prepare(sparql, fmt, **dataset))

    def start(self) -> None:
        """Fork the query workers now (e.g. in a gunicorn ``post_fork`` hook) rather than on the first query."""
        if self.isolated:
            self._get_pool()

    def _get_pool(self) -> WorkerPool:
        if self._pool is None or self._pool.pid != os.getpid():
            self._pool = shared_pool(self.store, self.workers or default_workers())
        return self._pool


