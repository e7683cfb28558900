"""Run untrusted SPARQL safely: read-only, inside the served graphs, under a time limit and a row cap.

A query is first checked by the guard (:mod:`kg.sparql.guard`: no update, no ``SERVICE``, no
graph outside the served ones, nothing nested too deep), then admitted (:mod:`kg.sparql.admission`:
a few at once per client across the server, a few per process), then evaluated — in killable
query processes on a store that allows it (:mod:`kg.sparql.pool`; the embedded store, and a
remote one, whose query text is parsed and rewritten there too), in process otherwise — and its
serialised result is kept in a bounded LRU (the graph is immutable while served).

A query proven cheap (:mod:`kg.sparql.cheap`: a named query with its parameters bound, or a small
basic graph pattern whose worst-case rows the store's counts bound) skips the query processes and
is evaluated in the serving thread, on a store that offers ``pattern_counts``: the hand-off to a
query process and back costs more than such a query. A named query still holds its client's place
(admission) while it runs, as ``/api/queries`` would run it; a bounded pattern does not need to.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from typing import Callable, Iterable

from kg.sparql import cheap
from kg.sparql.admission import Admission
from kg.sparql.formats import Format, formats_for
from kg.sparql.guard import SERVED_GRAPHS, analyse, check_dataset
from kg.sparql.lru import LRU
from kg.sparql.pool import Job, WorkerPool, default_workers, evaluate, kept_rows, shared_pool
from kg.sparql.results import Serialised, from_tsv
from kg.sparql.text import has_relative_iri

MAX_CACHED_BODY = 1_000_000  # bytes; a larger result is served but not kept
DEFAULT_QUEUE = 4  # ad-hoc queries that may wait per server process when every query process is busy


@dataclass
class Engine:
    """The one place untrusted SPARQL runs: analyse, then evaluate under limits, optionally cached."""

    store: object
    timeout: float = 10.0
    row_limit: int | None = 10000
    workers: int | None = None  # query processes; 0 evaluates in process (no time limit on embedded stores)
    cache_size: int = 256  # results kept (each at most MAX_CACHED_BODY bytes)
    cache_bytes: int = 32 << 20  # bytes the kept results may take in all
    served: tuple[str, ...] = SERVED_GRAPHS
    per_client: int | None = 2  # queries one client may run at once, server-wide (None or 0: no limit)
    queue: int = DEFAULT_QUEUE  # queries that may wait for a free query process, per server process
    nice: int = 0  # the query processes' priority (nice value); a long query is moved to 19
    inline: bool = True  # evaluate queries proven cheap in the serving thread (on a store that offers counts)
    _pool: WorkerPool | None = field(default=None, init=False, repr=False)
    _last_plan: threading.local = field(default_factory=threading.local, init=False, repr=False)
    _cache: LRU = field(init=False, repr=False)
    admission: Admission = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._cache = LRU(max_entries=self.cache_size, max_bytes=self.cache_bytes, max_item_bytes=MAX_CACHED_BODY)
        # Made now, before a server forks its workers: the count per client is shared by all of them.
        self.admission = Admission(self.per_client, self.pool_size + max(0, self.queue))

    @property
    def pool_size(self) -> int:
        """Query processes per server process."""
        return self.workers or default_workers()

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
        if default_graph is None and named_graphs is None and not substitutions:
            plan = self.cheap_plan(sparql)  # proven cheap: read whole by the proof, so nothing for the guard to refuse
            if plan is not None:
                if fmt.name not in formats_for(plan.form):
                    fmt = next(iter(formats_for(plan.form).values()))
                return Job(plan.sparql, plan.form, fmt.name, self.row_limit, plan.substitutions,
                           inline=True, rows_at_most=plan.rows_at_most, row_width=plan.row_width)
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

    def form(self, sparql: str) -> str:
        """The query's form (SELECT, ASK, CONSTRUCT, DESCRIBE), to negotiate its format; refuses what may not run.

        A query proven cheap has been read whole by the proof (no update, SERVICE or dataset clause
        can be in it); any other is analysed by the guard (:func:`kg.sparql.guard.analyse`).
        """
        plan = self.cheap_plan(sparql)
        return plan.form if plan is not None else analyse(sparql, self.served).form

    def cheap_plan(self, sparql: str) -> cheap.Plan | None:
        """How to evaluate ``sparql`` in the serving thread, if it is proven cheap on this store; else None.

        The last answer per thread is kept for its text: a request asks twice (:meth:`form`, :meth:`prepare`).
        """
        counts = getattr(self.store, "pattern_counts", None)
        if not self.inline or counts is None:
            return None
        last = getattr(self._last_plan, "plan", None)
        if last is not None and last[0] == sparql:
            return last[1]
        try:
            plan = cheap.plan(sparql, counts(), cheap.named_index(), self.store.text_for)
        except cheap.NotProven:
            plan = None
        if len(sparql) <= cheap.REMEMBERED:
            self._last_plan.plan = (sparql, plan)
        return plan

    def run(self, job: Job, client: str | Callable[[], str] | None = None,
            cancelled: Callable[[], bool] | None = None, *,
            watch: Callable[[], Callable[[], bool] | None] | None = None) -> Serialised:
        """Evaluate a prepared job (cached: the graph does not change while it is served).

        ``client`` names who asks (an address, or a function that gives it): it may run only
        ``per_client`` queries at once (:class:`~kg.sparql.errors.TooManyQueries` beyond). ``cancelled``
        says whether the client went away (the query is then stopped); ``watch``, a function that makes
        that test, is called only for a query that goes to a query process. A cached answer, or a query
        proven to give few rows, asks neither who the client is nor how to watch it. A query proven to
        give few rows is not kept: a GET's response is kept whole by the web app's response cache, and
        evaluating such a query again costs ~0.1 ms. Nor is a named query's answer whose rows the store keeps
        (:func:`kg.sparql.pool.kept_rows`): it is written from them, not evaluated.
        """
        bounded = job.inline and job.rows_at_most is not None
        if job.inline and not bounded:
            kept = kept_rows(self.store, job)
            if kept is not None:  # a named query's rows kept by the store (kg.store.once): read, not evaluated or cached
                with self.admission.admit(client() if callable(client) else client):  # its place, as any named query
                    return from_tsv(kept, formats_for(job.form)[job.format_name], job.row_limit)
        key = job.key() if self.cache_size and not bounded else None
        if key is not None:
            hit = self._cache.get(key)
            if hit is not None:
                return hit
        if bounded:  # proven to give few rows: no need to hold a place
            result = evaluate(self.store, job)
        else:  # a named query inline is as costly as the registry's query is: it holds a place as any query
            with self.admission.admit(client() if callable(client) else client):
                if self.isolated and not job.inline:
                    if cancelled is None and watch is not None:
                        cancelled = watch()
                    result = self._get_pool().run(job, self.timeout, cancelled)
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
            self._pool = shared_pool(self.store, self.pool_size, self.nice)
        return self._pool

    def close(self) -> None:
        """Stop this process's query processes (tests; a server's end stops them anyway)."""
        if self._pool is not None and self._pool.pid == os.getpid():
            self._pool.close()
            self._pool = None


