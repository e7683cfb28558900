"""Evaluate a query job, in this process or in a killable query process forked from it.

pyoxigraph cannot cancel a running query, so on a store that allows it (``store.isolated``)
each query is evaluated and serialised in a pool of query processes that share the loaded
graph (copy-on-write: no reload, no copy). A query that overruns the limit, or whose client
went away, has its process killed and replaced; other requests keep being served by the others.

* **Forked by a spawner.** The query processes are forked by one single-threaded process (the
  *spawner*, :mod:`kg.sparql.spawner`), itself forked when the pool is made — before the server's
  threads start — so a replacement is never forked from a process whose other threads may hold locks.
* **Longer runs, lower priority.** A query still running after ``demote_after`` seconds has its
  process moved to nice 19, so runaway queries yield the CPU to everything else (short queries,
  pages, cached answers); such a process is replaced after its answer (priority cannot go back up).
* **A dead process is retried once.** A query process that died (killed from outside, out of
  memory) is replaced and the query sent once more to the fresh one; only a second death is an
  error (kind ``crashed``).
* **No pid is trusted after its process ends.** A query process is killed through a *pidfd* (a
  handle on that one process), and reniced and reaped by the spawner, its parent, only while the
  server still holds it: a stop or a demotion never reaches a process that got a reused pid.
"""

from __future__ import annotations

import hashlib
import logging
import os
import queue
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Callable

from kg.sparql.errors import EngineBusy, EngineError, QueryCancelled, QuerySyntaxError, QueryTimeout
from kg.sparql.formats import formats_for
from kg.sparql.guard import syntax_error
from kg.sparql.results import Serialised, from_tsv, serialise
from kg.sparql.spawner import DEMOTE, KILL, RELEASE, Spawner

log = logging.getLogger(__name__)

DEMOTE_AFTER = 0.5  # seconds a query runs at its process's priority before it is moved to nice 19
POLL = 0.1  # seconds between checks of a running query (time limit, client gone, demotion)


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
    inline: bool = False  # proven cheap (kg.sparql.cheap): evaluated in the serving thread
    rows_at_most: int | None = None  # the proof's bound on its rows, when it has one
    row_width: int | None = None  # variables the proof found bound in every row (counts a JSON body's rows)

    def key(self) -> str:
        """A digest of everything the result depends on (the ETag and the result cache's key; asked twice a request)."""
        found = self.__dict__.get("_key")
        if found is None:
            # Every field's value, in order (the key is not one yet): a tuple's repr, 3 µs less than the dataclass's.
            found = hashlib.sha256(repr(tuple(self.__dict__.values())).encode()).hexdigest()
            object.__setattr__(self, "_key", found)
        return found


def kept_rows(store, job: Job) -> bytes | None:
    """The rows ``store`` keeps for ``job`` — a one-parameter ``computed: once`` named query bound to a value, on
    the served graphs (:mod:`kg.store.once`) — as SPARQL TSV; None when it keeps none (then ``job`` is evaluated)."""
    if not job.substitutions or job.default_graph is not None or job.named_graphs is not None or job.base_iri:
        return None
    kept = getattr(store, "kept_rows", None)
    return kept(job.sparql, dict(job.substitutions)) if kept is not None else None


def evaluate(store, job: Job) -> Serialised:
    """Run ``job`` on ``store`` (any GraphStore) and serialise the result; raise EngineError subclasses.

    Rows the store keeps for it (:func:`kept_rows`) are written as they are, not evaluated.
    """
    fmt = formats_for(job.form)[job.format_name]
    kept = kept_rows(store, job)
    if kept is not None:
        return from_tsv(kept, fmt, job.row_limit)
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
        return serialise(result, fmt, job.row_limit, job.rows_at_most, job.row_width, trusted=job.inline)
    except (OSError, ValueError) as exc:  # evaluation errors surface while iterating
        raise EngineError(f"query evaluation failed: {exc}") from None


def _form_of(result) -> str:
    import pyoxigraph

    if isinstance(result, pyoxigraph.QueryBoolean):
        return "ASK"
    if isinstance(result, pyoxigraph.QueryTriples):
        return "CONSTRUCT"
    return "SELECT"


def _worker_main(conn: Connection, store, nice: int) -> None:
    """Serve jobs from ``conn`` until the other end goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server decides when a query process stops
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if nice:
        try:
            os.nice(nice)
        except OSError:
            pass
    entered = getattr(store, "enter_query_process", None)
    if entered is not None:  # a store that sends untrusted queries elsewhere than trusted ones (kg.store.lanes)
        entered()
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = ("ok", evaluate(store, job))
        except QuerySyntaxError as exc:
            reply = ("syntax", (type(exc).__name__, str(exc), exc.line, exc.column))
        except EngineError as exc:
            reply = ("error", (exc.kind, str(exc)))
        except Exception as exc:  # noqa: BLE001 - report, keep serving
            reply = ("error", ("error", f"query evaluation failed: {type(exc).__name__}: {exc}"))
        try:
            conn.send(reply)
        except (OSError, ValueError, EOFError):
            return
        except Exception as exc:  # noqa: BLE001 - an unpicklable reply must not kill the worker
            conn.send(("error", ("error", f"query result could not be sent: {exc}")))


class _Worker:
    """One query process: its pid, a pidfd on it (None where Linux has none), its end of the socket pair.

    Once stopped, nothing more is asked about its pid (a second stop, a late demotion): the spawner may
    have reaped it, and the number may be another process's.
    """

    def __init__(self, pid: int, conn: Connection, pidfd: int | None, spawner: Spawner):
        self.pid = pid
        self.conn = conn
        self.pidfd = pidfd
        self.demoted = False
        self._spawner = spawner
        self._stopped = False
        self._lock = threading.Lock()  # a stop and a demotion reach the spawner in the order they were made

    def alive(self) -> bool:
        """Whether it still listens: an idle process has nothing to say, so anything readable means it ended."""
        try:
            return not self.conn.poll(0)
        except (OSError, EOFError, ValueError):
            return False

    def stop(self) -> None:
        """Kill the process through its pidfd (never a process that got its pid since), then let the spawner reap it."""
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
            if self.pidfd is not None:
                try:
                    signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
                except ProcessLookupError:  # it had ended already
                    pass
                os.close(self.pidfd)
                self.pidfd = None
                self._spawner.tell(RELEASE, self.pid)
            else:
                self._spawner.tell(KILL, self.pid)  # its parent kills it: to the spawner the pid is still exact
        try:
            self.conn.close()
        except OSError:
            pass

    def demote(self) -> None:
        """Move the process to nice 19 — by its parent, for which the pid still names it."""
        with self._lock:
            if not self._stopped:
                self.demoted = True
                self._spawner.tell(DEMOTE, self.pid)


class _Died(Exception):
    """The query process ended while it held a job."""


class WorkerPool:
    """Query processes sharing this process's loaded store, each killable on overrun (see the module's note)."""

    def __init__(self, store, size: int, nice: int = 0, demote_after: float | None = DEMOTE_AFTER):
        self.store = store
        self.size = max(1, size)
        self.nice = nice
        self.demote_after = demote_after
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self.pid = os.getpid()
        self._spawner = Spawner(lambda conn: _worker_main(conn, store, nice))
        for _ in range(self.size):
            self._add()

    def _add(self) -> None:
        worker = _Worker(*self._spawner.spawn(), self._spawner)
        with self._lock:
            self._all.append(worker)
        self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
        self._add()

    def pids(self) -> list[int]:
        """The query processes' pids (for tests and operators)."""
        with self._lock:
            return [w.pid for w in self._all]

    def run(self, job: Job, timeout: float, cancelled: Callable[[], bool] | None = None) -> Serialised:
        """Evaluate ``job`` in a query process within ``timeout`` seconds (waiting for a free one included).

        ``cancelled`` is asked every :data:`POLL` seconds while the query runs; when it answers
        True (the client went away) the query is stopped.
        """
        deadline = time.monotonic() + timeout
        for attempt in (1, 2):
            worker = self._checkout(deadline, timeout)
            try:
                return self._ask(worker, job, deadline, timeout, cancelled)
            except _Died:
                log.warning("query process %s ended while it held a query; %s", worker.pid,
                            "sending the query to a fresh one" if attempt == 1 else "giving up")
                self._replace(worker)
        raise EngineError("the query stopped two query processes in a row and was not answered", kind="crashed")

    def _checkout(self, deadline: float, timeout: float) -> _Worker:
        while True:
            try:
                worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise EngineBusy(f"every query process stayed busy for {timeout:g} s; try again shortly") from None
            if worker.alive():
                return worker
            log.warning("query process %s had ended while idle; replacing it", worker.pid)
            self._replace(worker)  # killed from outside while idle: a fresh one, not an error

    def _ask(self, worker: _Worker, job: Job, deadline: float, timeout: float,
             cancelled: Callable[[], bool] | None) -> Serialised:
        started = time.monotonic()
        try:
            worker.conn.send(job)
            while not worker.conn.poll(max(0.0, min(POLL, deadline - time.monotonic()))):
                now = time.monotonic()
                if now >= deadline:
                    self._replace(worker)
                    raise QueryTimeout(f"the query ran longer than the time limit ({timeout:g} s) and was stopped; "
                                       "add LIMIT, narrow the patterns, or avoid cartesian products")
                if cancelled is not None and cancelled():
                    self._replace(worker)
                    raise QueryCancelled("the client closed the connection; its query was stopped")
                if self.demote_after is not None and not worker.demoted and now - started >= self.demote_after:
                    worker.demote()
            status, payload = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            raise _Died from None
        if worker.demoted:
            self._replace(worker)  # its priority cannot go back up: a fresh process for the next query
        else:
            self._idle.put(worker)
        if status == "ok":
            return payload
        if status == "syntax":
            name, message, line, column = payload
            error_class = next((c for c in QuerySyntaxError.__subclasses__() if c.__name__ == name), QuerySyntaxError)
            raise error_class(message, line, column)
        kind, message = payload
        raise EngineError(message, kind=kind)

    def close(self) -> None:
        """Stop every query process and the spawner; engines over this store then get a new pool."""
        with _POOLS_LOCK:
            if _POOLS.get((self.pid, id(self.store))) is self:
                del _POOLS[(self.pid, id(self.store))]
        with self._lock:
            workers, self._all = self._all, []
        for worker in workers:
            worker.stop()
        self._spawner.stop()


_POOLS: dict[tuple[int, int], WorkerPool] = {}
_POOLS_LOCK = threading.Lock()


def shared_pool(store, size: int, nice: int = 0) -> WorkerPool:
    """The worker pool of ``store`` in this process (engines over one store share it).

    Pools are per process: children forked by another process (gunicorn's master) are not ours.
    """
    key = (os.getpid(), id(store))
    with _POOLS_LOCK:
        pool = _POOLS.get(key)
        if pool is None or pool.store is not store:
            # A store may ask for an earlier demotion (Oxigraph lanes: kg.store.remote, kg.store.supervisor).
            pool = _POOLS[key] = WorkerPool(store, size, nice=nice,
                                            demote_after=getattr(store, "demote_after", DEMOTE_AFTER))
        return pool


def default_workers() -> int:
    """Query processes per server process: enough that a few clients' runaway queries (one or two
    each, as :mod:`kg.sparql.admission` allows) leave free ones for everybody else."""
    return 6
