"""Oxigraph servers that this server runs itself, so that a runaway query on them is stopped for real.

The Oxigraph server cannot cancel a query it has started: its ``--timeout-s`` is checked only
while it reads the store, so a join computed in memory (a cartesian product) runs on after its
client has gone, for as long as it takes (its threads are native; the maintainers see no way to
stop one short of ``pthread_cancel``: oxigraph issue #1336). Only ending its process stops it. So
``kneekg serve --oxigraph DIR`` serves a RocksDB folder (loaded by ``oxigraph load``) with
``oxigraph serve-read-only`` processes on loopback ports that a supervisor process owns — *lanes*:

* the **trusted lane** answers what the web workers ask themselves (named queries, pages,
  questions, exports): never killed, started again only if it dies;
* the **untrusted lane** answers the ad-hoc queries sent from the engine's query processes. Each
  such request is written on a shared :class:`Board` (who sent it, to which lane, until when).
  When one is *abandoned* — it timed out, its deadline passed, or the query process that sent it
  was killed (time limit, client gone) — the supervisor publishes a **spare lane**, started beforehand and
  already listening, as the untrusted lane, then kills the old one with whatever it computes. The
  other queries that were on it fail to connect or are cut off, see that the lane changed, and are
  sent once more to the fresh one (:meth:`Lanes.send`); the killed query's own client gets the
  engine's 503 (time limit) alone. A new spare is started at once (a read-only store reopens in
  ~20 ms).

The supervisor (:mod:`kg.store.supervisor`) decides step by step over the board and the lanes' states (unit
tested with stand-in processes); it runs every :data:`TICK` seconds in a process forked by
:meth:`Lanes.start` before the web server forks its workers, so every process shares the board.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

log = logging.getLogger(__name__)

TRUSTED, UNTRUSTED = 0, 1
TICK = 0.02  # seconds between two steps of the supervisor
GRACE = 0.2  # seconds past a request's deadline before it counts as abandoned (its sender is being stopped)
STALE = 60.0  # seconds past its deadline after which a row is cleared whatever its sender's state
RETRY_WAIT = 0.5  # seconds a request cut off waits for its lane to be replaced before it gives up
LOAD_TIMEOUT = 600
LOCK_WAIT = 1.0


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` command (installed next to this Python by pip, or on PATH)."""
    candidate = Path(sys.executable).parent / "oxigraph"
    return str(candidate) if candidate.exists() else shutil.which("oxigraph")


def alive(pid: int) -> bool:
    """Whether ``pid`` is a running process (a zombie, killed but not reaped yet, is not)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            state = handle.read().rsplit(b")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in (b"Z", b"X")


@dataclass(frozen=True)
class Row:
    """One request on the untrusted lane: its slot, the sending process, the lane's generation, its deadline."""

    index: int
    pid: int
    generation: int
    deadline: float  # time.monotonic() (one clock for every process of the machine)


class Board:
    """Shared memory, made before the web server forks: each lane's port and generation, and the requests in flight.

    A port of 0 means the lane does not listen yet. A generation counts the lane's replacements:
    a request cut off while its generation changed was on a lane that was killed, and is sent again.
    """

    def __init__(self, capacity: int = 256):
        ctx = multiprocessing.get_context("fork")
        self.capacity = capacity
        self._lock = ctx.Lock()
        self._ports = ctx.RawArray(ctypes.c_int32, 2)
        self._generations = ctx.RawArray(ctypes.c_int64, 2)
        self._pids = ctx.RawArray(ctypes.c_int32, capacity)
        self._rows_generation = ctx.RawArray(ctypes.c_int64, capacity)
        self._deadlines = ctx.RawArray(ctypes.c_double, capacity)

    def lane(self, kind: int) -> tuple[int, int]:
        """``(port, generation)`` of the trusted or untrusted lane (port 0: not listening yet)."""
        port = self._ports[kind]  # the port first: it is published after its generation
        return port, self._generations[kind]

    def publish(self, kind: int, port: int, generation: int) -> None:
        self._generations[kind] = generation
        self._ports[kind] = port

    def begin(self, generation: int, deadline: float, pid: int | None = None) -> int | None:
        """Write one request down; its slot (None when the board is full: the request is then not watched)."""
        if not self._lock.acquire(timeout=LOCK_WAIT):
            return None
        try:
            for i in range(self.capacity):
                if self._pids[i] == 0:
                    self._rows_generation[i] = generation
                    self._deadlines[i] = deadline
                    self._pids[i] = pid or os.getpid()  # last: a row is read only once its pid is set
                    return i
            return None
        finally:
            self._lock.release()

    def end(self, index: int | None) -> None:
        if index is not None:
            self._pids[index] = 0

    def abandon(self, index: int | None) -> None:
        """The request's sender gave up on it (its deadline passed): the supervisor ends the row, and the lane."""
        if index is not None:
            self._deadlines[index] = 0.0

    def rows(self) -> list[Row]:
        found = []
        for i in range(self.capacity):
            pid = self._pids[i]
            if pid:
                found.append(Row(i, pid, self._rows_generation[i], self._deadlines[i]))
        return found


class Lanes:
    """The parent's side: load the folder if needed, fork the supervisor, send requests to a lane, stop."""

    def __init__(self, location: str | Path, timeout: float = 10.0, binary: str | None = None):
        self.location = Path(location)
        self.timeout = timeout
        self.binary = binary or oxigraph_binary()
        if self.binary is None:
            raise FileNotFoundError("the oxigraph command is missing (PyPI package oxigraph: pip install oxigraph)")
        self.board = Board()
        self.pid: int | None = None
        self._pidfd: int | None = None

    def __repr__(self) -> str:
        return f"Lanes({str(self.location)!r})"

    endpoint = "http://127.0.0.1/oxigraph-lanes"  # what the store names in its log (each lane has a port of its own)

    def ensure_loaded(self, graph: Path) -> bool:
        """Load ``graph`` (N-Quads) into the folder with ``oxigraph load`` unless it holds a store; True if loaded."""
        if (self.location / "CURRENT").exists():
            return False
        done = subprocess.run([self.binary, "load", "--location", str(self.location), "--file", str(graph)],
                              capture_output=True, text=True, timeout=LOAD_TIMEOUT)
        if done.returncode != 0:
            raise RuntimeError(f"oxigraph load into {self.location} failed: {done.stderr.strip()[-500:]}")
        return True

    def start(self) -> None:
        """Fork the supervisor (call before any thread starts, and before the web server forks its workers)."""
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            code = 0
            try:
                from kg.store.supervisor import supervise

                supervise(self.board, self.binary, self.location, self.timeout)
            except SystemExit:
                pass
            except BaseException:  # noqa: BLE001
                log.exception("the Oxigraph lanes' supervisor failed")
                code = 1
            finally:
                os._exit(code)
        self.pid = pid
        try:
            self._pidfd = os.pidfd_open(pid)  # unreaped child: the pid is exact now, the handle stays exact
        except (AttributeError, OSError):
            self._pidfd = None

    def stop(self) -> None:
        """Stop the supervisor (it kills its lanes); only through a handle on that one process."""
        if self.pid is None or os.getpid() == self.pid:
            return
        if self._pidfd is not None:
            try:
                signal.pidfd_send_signal(self._pidfd, signal.SIGTERM)
            except ProcessLookupError:
                pass
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                try:
                    if os.waitpid(self.pid, os.WNOHANG)[0]:
                        break
                except ChildProcessError:  # reaped elsewhere (gunicorn's master reaps every child)
                    break
                time.sleep(0.02)
            os.close(self._pidfd)
            self._pidfd = None
        self.pid = None

    def wait_ready(self, kind: int, seconds: float) -> tuple[int, int]:
        """``(port, generation)`` of a lane once it listens, waiting up to ``seconds``; port 0 if it does not."""
        deadline = time.monotonic() + max(0.0, seconds)
        while True:
            port, generation = self.board.lane(kind)
            if port or time.monotonic() >= deadline:
                return port, generation
            time.sleep(0.005)

    def send(self, untrusted: bool, post: Callable[[str], object], left: Callable[[], float]):
        """``post(url)`` to the lane (its answer), once more on a fresh lane if it was cut off as its lane was killed.

        ``left()`` gives the seconds left before the request's deadline. A request on the untrusted lane
        is on the board while it runs, and left there, marked abandoned, when it timed out. Raises what ``post``
        raised, or ``ConnectionError`` when no lane listens.
        """
        import requests

        kind = UNTRUSTED if untrusted else TRUSTED
        for attempt in (1, 2):
            port, generation = self.wait_ready(kind, left())
            if not port:
                raise requests.ConnectionError("no Oxigraph lane listens yet")
            row = self.board.begin(generation, time.monotonic() + left()) if untrusted else None
            try:
                return post(f"http://127.0.0.1:{port}/query")
            except requests.Timeout:
                self.board.abandon(row)  # the lane computes on: the supervisor ends it (and this row)
                row = None
                raise
            except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as exc:
                if attempt == 2 or left() <= 0:
                    raise
                if not self._replaced(kind, port, generation, min(RETRY_WAIT, left())):
                    raise
                log.info("the Oxigraph lane was replaced while it held a query; sending it to the fresh one")
            finally:
                self.board.end(row)
        raise AssertionError("unreachable")

    def _replaced(self, kind: int, port: int, generation: int, seconds: float) -> bool:
        """Whether another lane listens now in place of the one on ``port`` (waiting up to ``seconds``)."""
        deadline = time.monotonic() + seconds
        while True:
            now_port, now_generation = self.board.lane(kind)
            if now_port and (now_port, now_generation) != (port, generation):
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.005)


__all__ = ["Board", "Lanes", "TRUSTED", "UNTRUSTED", "alive", "oxigraph_binary"]
