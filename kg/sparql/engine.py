"""Run untrusted SPARQL safely: read-only, inside the served graphs, under a time limit and a row cap.

A query is first *analysed* (tokenised like the SPARQL grammar does: strings, IRIs, comments
and prefixed names are single tokens) — updates, ``SERVICE`` and ``FROM``/``FROM NAMED`` naming
graphs outside the served ones are refused before anything is evaluated, so a query can never
make the server open a connection.

pyoxigraph cannot cancel a running query, so on the embedded store each query is evaluated
and serialised in a pool of worker processes forked after the graph is loaded (copy-on-write:
no reload, no copy). A query that overruns the limit has its worker killed and replaced, and
the caller gets :class:`QueryTimeout`; other requests keep being served by the other workers.
A remote store (another SPARQL server) is queried in process: its HTTP timeout is the limit.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import queue
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from kg.namespaces import NAMED_GRAPHS, PREFIXES
from kg.sparql.results import Format, Serialised, formats_for, serialise

SERVED_GRAPHS = tuple(str(g) for g in NAMED_GRAPHS)
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")


class EngineError(Exception):
    """A query that cannot be answered; ``status`` is the HTTP status that says why."""

    status = 500
    kind = "error"

    def to_dict(self) -> dict:
        return {"error": self.kind, "message": str(self)}


class QueryRefused(EngineError):
    """The query asks for something this read-only endpoint does not do (update, SERVICE, foreign graph)."""

    kind = "refused"

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


class QuerySyntaxError(EngineError):
    """The query does not parse; ``line`` and ``column`` (1-based) say where it broke."""

    status = 400
    kind = "syntax"

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.line = line
        self.column = column

    def to_dict(self) -> dict:
        return {**super().to_dict(), "line": self.line, "column": self.column}


class QueryTimeout(EngineError):
    """The query ran past the time limit and was stopped."""

    status = 503
    kind = "timeout"


class EngineBusy(EngineError):
    """Every query worker stayed busy for the whole time limit."""

    status = 503
    kind = "busy"


# --- analysis ------------------------------------------------------------------------------------

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:'{0,2}(?:[^'\\]|\\.))*'''|\"\"\"(?:"{0,2}(?:[^"\\]|\\.))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)
  | (?P<pname>(?:[^\W\d_][\w.-]*)?:(?:[\w:%-]|\\[-_~.!$&'()*+,;=/?\#@%]|\.(?=[\w:%-]))*)
  | (?P<word>[^\W\d][\w]*)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)


@dataclass(frozen=True)
class Analysis:
    """What a query asks for, found before it runs."""

    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    from_graphs: tuple[str, ...] = ()
    from_named_graphs: tuple[str, ...] = ()


def unescape_codepoints(text: str) -> str:
    r"""Apply SPARQL's ``\u``/``\U`` escapes, which the grammar processes before tokenising."""
    return _CODEPOINT.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def tokens(sparql: str) -> list[tuple[str, str]]:
    """Split a query into (kind, text) tokens; whitespace and comments are dropped."""
    found = []
    for match in _TOKEN.finditer(unescape_codepoints(sparql)):
        kind = match.lastgroup
        if kind in ("ws", "comment"):
            continue
        found.append((kind, match.group()))
    return found


def analyse(sparql: str, served: Iterable[str] = SERVED_GRAPHS) -> Analysis:
    """Find the query form and its dataset; refuse updates, SERVICE and graphs outside ``served``.

    Cached: the same query text is analysed once (negotiation and preparation both ask).
    """
    return _analyse(sparql, tuple(served))


@lru_cache(maxsize=2048)
def _analyse(sparql: str, served: tuple[str, ...]) -> Analysis:
    """Tokenise ``sparql`` and check it (see :func:`analyse`).

    >>> analyse("PREFIX kgg: <https://w3id.org/kneekg/graph/> ASK FROM kgg:facts { ?s ?p ?o }")
    Analysis(form='ASK', from_graphs=('https://w3id.org/kneekg/graph/facts',), from_named_graphs=())
    >>> analyse("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kg.sparql.engine.QueryRefused: SERVICE is not allowed: this endpoint never queries other servers
    """
    toks = tokens(sparql)
    prefixes: dict[str, str] = {}
    form = None
    i = 0
    # Prologue: BASE <iri> and PREFIX p: <iri>, then the first keyword says what the request is.
    while i < len(toks):
        kind, text = toks[i]
        upper = text.upper()
        if kind == "word" and upper == "PREFIX" and i + 2 < len(toks):
            prefixes[toks[i + 1][1][:-1]] = toks[i + 2][1][1:-1]
            i += 3
            continue
        if kind == "word" and upper == "BASE" and i + 1 < len(toks):
            i += 2
            continue
        if kind == "word" and upper in UPDATE_KEYWORDS:
            raise QueryRefused(f"{upper} is a SPARQL Update operation: this endpoint is read-only "
                               "and answers queries only (SELECT, ASK, CONSTRUCT, DESCRIBE)")
        if kind == "word" and upper in QUERY_FORMS:
            form = upper
        break
    for kind, text in toks:
        if kind == "word" and text.upper() == "SERVICE":
            raise QueryRefused("SERVICE is not allowed: this endpoint never queries other servers", 403)
    default: list[str] = []
    named: list[str] = []
    served = set(served)
    for j, (kind, text) in enumerate(toks):
        if not (kind == "word" and text.upper() == "FROM"):
            continue
        k = j + 1
        target = default
        if k < len(toks) and toks[k][0] == "word" and toks[k][1].upper() == "NAMED":
            target, k = named, k + 1
        if k >= len(toks):
            break
        graph = _resolve(toks[k], prefixes)
        if graph is None:
            continue  # not a dataset clause; the parser will say what is wrong
        if graph not in served:
            raise QueryRefused(f"graph <{graph}> is not served here; FROM and FROM NAMED may name only: "
                               + ", ".join(f"<{g}>" for g in sorted(served)))
        target.append(graph)
    if form is None:
        form = "SELECT"  # let the parser report the syntax error with its position
    return Analysis(form, tuple(default), tuple(named))


def _resolve(token: tuple[str, str], prefixes: dict[str, str]) -> str | None:
    kind, text = token
    if kind == "iri":
        return text[1:-1]
    if kind == "pname":
        prefix, _, local = text.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
        return text
    return None


def check_dataset(graphs: Iterable[str], served: Iterable[str] = SERVED_GRAPHS, what: str = "graph") -> list[str]:
    """Return ``graphs`` if every one is served; otherwise refuse, naming the first stranger."""
    served = set(served)
    graphs = list(graphs)
    for graph in graphs:
        if graph not in served:
            raise QueryRefused(f"{what} <{graph}> is not served here; use one of: "
                               + ", ".join(f"<{g}>" for g in sorted(served)))
    return graphs


_POSITION = re.compile(r"error at (\d+):(\d+)")


def syntax_error(message: str) -> QuerySyntaxError:
    """Turn pyoxigraph's parser message (``error at 3:17: expected …``) into a positioned error."""
    match = _POSITION.search(message)
    if match:
        line, column = int(match.group(1)), int(match.group(2))
        detail = " ".join(message[match.end():].lstrip(": ").split())
        if "Prefix not found" in detail:
            detail = "undeclared prefix: declare it with a PREFIX line (the graph's prefixes: " \
                     + ", ".join(f"{p}:" for p in PREFIXES) + ")"
        elif len(detail) > 200:
            detail = detail[:200] + "…"
        return QuerySyntaxError(f"syntax error at line {line}, column {column}: {detail}", line, column)
    return QuerySyntaxError(f"syntax error: {message}")


# --- evaluation ----------------------------------------------------------------------------------

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

    def key(self) -> str:
        return hashlib.sha256(repr(self).encode()).hexdigest()


def evaluate(store, job: Job) -> Serialised:
    """Run ``job`` on ``store`` (any GraphStore) and serialise the result; raise EngineError subclasses."""
    fmt = formats_for(job.form)[job.format_name]
    try:
        result = store.query(job.sparql, substitutions=dict(job.substitutions) or None,
                             default_graph=list(job.default_graph) if job.default_graph is not None else None,
                             named_graphs=list(job.named_graphs) if job.named_graphs is not None else None)
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


@dataclass
class Engine:
    """The one place untrusted SPARQL runs: analyse, then evaluate under limits, optionally cached."""

    store: object
    timeout: float = 10.0
    row_limit: int | None = 10000
    workers: int | None = None  # query processes; 0 evaluates in process (no time limit on embedded stores)
    cache_size: int = 256
    served: tuple[str, ...] = SERVED_GRAPHS
    _pool: WorkerPool | None = field(default=None, init=False, repr=False)
    _cache: OrderedDict = field(default_factory=OrderedDict, init=False, repr=False)
    _cache_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    @property
    def isolated(self) -> bool:
        """Whether queries run in killable worker processes (embedded pyoxigraph stores)."""
        return hasattr(self.store, "oxigraph") and self.workers != 0

    def prepare(self, sparql: str, fmt: Format, *, default_graph: Iterable[str] | None = None,
                named_graphs: Iterable[str] | None = None, substitutions: dict | None = None) -> Job:
        """Check ``sparql`` and the protocol dataset; return the job to run (raises before evaluation)."""
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
        return Job(sparql, analysis.form, fmt.name, self.row_limit, subs, default, named)

    def run(self, job: Job) -> Serialised:
        """Evaluate a prepared job (cached: the graph does not change while it is served)."""
        key = job.key() if self.cache_size else None
        if key is not None:
            with self._cache_lock:
                hit = self._cache.get(key)
                if hit is not None:
                    self._cache.move_to_end(key)
                    return hit
        if self.isolated:
            result = self._get_pool().run(job, self.timeout)
        else:
            result = evaluate(self.store, job)
        if key is not None and len(result.body) <= 1_000_000:
            with self._cache_lock:
                self._cache[key] = result
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
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
