"""Evaluate a query job, in this process or in a killable worker process forked from it.

pyoxigraph cannot cancel a running query, so on a store that allows it (``store.isolated``:
the embedded store) each query is evaluated and serialised in a pool of worker processes
forked after the graph is loaded (copy-on-write: no reload, no copy). A query that overruns
the limit has its worker killed and replaced, and the caller gets :class:`QueryTimeout`;
other requests keep being served by the other workers.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import queue
import threading
import time
from dataclasses import dataclass

from kg.sparql.errors import EngineBusy, EngineError, QuerySyntaxError, QueryTimeout
from kg.sparql.formats import formats_for
from kg.sparql.guard import syntax_error
from kg.sparql.results import Serialised, serialise


@dataclass(frozen=True)
class Job:
    """One evaluation, small enough to send to a worker process."""

    sparql: str
    form: str
    format_name: str
    row_limit: int | None
    substitutions: tuple = ()
    default_graph: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    base_iri: str | None = None  # resolves the query's relative IRIs (only set when it has some)

    def key(self) -> str:
        return hashlib.sha256(repr(self).encode()).hexdigest()


def evaluate(store, job: Job) -> Serialised:
    """Run ``job`` on ``store`` (any GraphStore) and serialise the result; raise EngineError subclasses."""
    fmt = formats_for(job.form)[job.format_name]
    try:
        result = store.query(job.sparql, substitutions=dict(job.substitutions) or None,
                             default_graph=list(job.default_graph) if job.default_graph is not None else None,
                             named_graphs=list(job.named_graphs) if job.named_graphs is not None else None,
                             **({"base_iri": job.base_iri} if job.base_iri else {}))
    except SyntaxError as exc:
        raise syntax_error(str(exc)) from None
    actual_form = _form_of(result)
    if (actual_form in ("SELECT", "ASK")) != (job.form in ("SELECT", "ASK")):
        # The analysis guessed the form wrong (odd syntax): answer in the right family's default.
        fmt = next(iter(formats_for(actual_form).values()))
    try:
        return serialise(result, fmt, job.row_limit)
    except (OSError, ValueError) as exc:  # evaluation errors surface while iterating
        raise EngineError(f"query evaluation failed: {exc}") from None


def _form_of(result) -> str:
    import pyoxigraph

    if isinstance(result, pyoxigraph.QueryBoolean):
        return "ASK"
    if isinstance(result, pyoxigraph.QueryTriples):
        return "CONSTRUCT"
    return "SELECT"


def _close_inherited_connections(keep: set[int]) -> None:
    """Close the sockets and pipes a forked worker inherited (clients' connections, other workers' pipes).

    Otherwise a connection the parent has closed stays open in the worker, and whoever waits for
    its end (an HTTP client, a browser driver) waits for ever. Regular files (an on-disk store) stay.
    """
    import stat

    try:
        fds = [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:
        fds = list(range(3, 1024))
    for fd in fds:
        if fd < 3 or fd in keep:
            continue
        try:
            mode = os.fstat(fd).st_mode
        except OSError:
            continue
        if stat.S_ISSOCK(mode) or stat.S_ISFIFO(mode):
            try:
                os.close(fd)
            except OSError:
                pass


def _worker_main(conn, store) -> None:
    """Serve jobs from ``conn`` until the parent goes away."""
    import signal

    _close_inherited_connections({conn.fileno()})
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when a worker stops
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = ("ok", evaluate(store, job))
        except QuerySyntaxError as exc:
            reply = ("syntax", (str(exc), exc.line, exc.column))
        except EngineError as exc:
            reply = ("error", str(exc))
        except Exception as exc:  # noqa: BLE001 - report, keep serving
            reply = ("error", f"query evaluation failed: {type(exc).__name__}: {exc}")
        try:
            conn.send(reply)
        except (OSError, ValueError, EOFError):
            return
        except Exception as exc:  # noqa: BLE001 - an unpicklable reply must not kill the worker
            conn.send(("error", f"query result could not be sent: {exc}"))


class _Worker:
    def __init__(self, ctx, store):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, store), daemon=True, name="kneekg-query")
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class WorkerPool:
    """Query processes forked from this one (sharing its loaded store), each killable on overrun."""

    def __init__(self, store, size: int):
        self.store = store
        self.size = max(1, size)
        self._ctx = multiprocessing.get_context("fork")
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self.pid = os.getpid()
        for _ in range(self.size):
            self._add()

    def _add(self) -> None:
        worker = _Worker(self._ctx, self.store)
        with self._lock:
            self._all.append(worker)
        self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
        self._add()

    def run(self, job: Job, timeout: float) -> Serialised:
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise EngineBusy(f"every query worker stayed busy for {timeout:g} s; try again shortly") from None
        try:
            worker.conn.send(job)
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                self._replace(worker)
                raise QueryTimeout(f"the query ran longer than the time limit ({timeout:g} s) and was stopped; "
                                   "add LIMIT, narrow the patterns, or avoid cartesian products")
            status, payload = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._replace(worker)
            raise EngineError("the query worker stopped unexpectedly") from None
        self._idle.put(worker)
        if status == "ok":
            return payload
        if status == "syntax":
            message, line, column = payload
            raise QuerySyntaxError(message, line, column)
        raise EngineError(payload)

    def close(self) -> None:
        with self._lock:
            workers, self._all = self._all, []
        for worker in workers:
            worker.stop()


_POOLS: dict[tuple[int, int], WorkerPool] = {}
_POOLS_LOCK = threading.Lock()


def shared_pool(store, size: int) -> WorkerPool:
    """The worker pool of ``store`` in this process (engines over one store share it).

    Pools are per process: children forked by another process (gunicorn's master) are not ours.
    """
    key = (os.getpid(), id(store))
    with _POOLS_LOCK:
        pool = _POOLS.get(key)
        if pool is None or pool.store is not store:
            pool = _POOLS[key] = WorkerPool(store, size)
        return pool


def default_workers() -> int:
    """Query processes per server process: the cores, at least 2 so one runaway never blocks all."""
    return max(2, min(4, os.cpu_count() or 1))
