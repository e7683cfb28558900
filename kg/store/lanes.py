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
  was killed (time limit, client gone) — or has run a while and is about to be (within
  :data:`~kg.store.supervisor.LEAD` of its deadline), the supervisor publishes a **spare lane**, started
  beforehand and already listening, as the untrusted lane, and kills the old one with whatever it
  computes once nothing in time is left on it (at most a fraction of a second later). Queries still on it
  then are cut off, see that the lane changed, and are sent once more to the fresh one
  (:meth:`Lanes.send`); the killed query's own client gets the engine's 503 (time limit) alone. A new
  spare is started at once (a read-only store reopens in ~20 ms). Its threads that stay runnable
  :data:`~kg.store.supervisor.DEMOTE_AFTER` s on end (a long query) are moved to nice 19.

The supervisor (:mod:`kg.store.supervisor`) decides step by step over the board and the lanes' states (unit
tested with stand-in processes); it runs every :data:`~kg.store.supervisor.TICK` seconds in a process forked by
:meth:`Lanes.start` before the web server forks its workers, so every process shares the board.

The supervisor is itself kept: a thread of the server's main process (:meth:`Lanes._keep`) waits on a
pidfd of it and, should it die (its lanes die with it), marks both lanes unpublished on the board (a new
generation: requests wait for the next lane instead of connecting to a dead port) and forks another,
after a doubling pause if it keeps dying at once. That thread lives as long as the server: a lane's
parent-death signal follows the *thread* that forked its supervisor.
"""

from __future__ import annotations

import logging
import os
import select
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable

from kg.store.supervisor import TRUSTED, UNTRUSTED, Board, alive, supervise

log = logging.getLogger(__name__)

RETRY_WAIT = 2.0  # seconds a request cut off waits for its lane to be replaced (a crashed one restarted) at most
LANE_WAIT = 3.0  # seconds a request waits at most for its lane to listen (one starting, or started again)
RESEND_MARGIN = 1.0  # seconds a request cut off must have left to be sent again (else it is a timeout)
LOAD_TIMEOUT = 600
KEEP_BACKOFF = 0.1  # seconds before forking a supervisor again after one died at once (doubling, at most 5 s)
KEEP_STABLE = 10.0  # seconds a supervisor must have run for its death to count as a first one (no pause)


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` command (installed next to this Python by pip, or on PATH)."""
    candidate = Path(sys.executable).parent / "oxigraph"
    return str(candidate) if candidate.exists() else shutil.which("oxigraph")


class LaneReplaced(ConnectionError):
    """A request cut off on its second lane too, as that lane was replaced (others' runaway queries killed it)."""


class Lanes:
    """The parent's side: load the folder if needed, fork the supervisor, send requests to a lane, stop."""

    endpoint = "http://127.0.0.1/oxigraph-lanes"  # what the store names in its log (each lane has a port of its own)

    def __init__(self, location: str | Path, timeout: float = 10.0, binary: str | None = None):
        self.location = Path(location)
        self.timeout = timeout
        self.binary = binary or oxigraph_binary()
        if self.binary is None:
            raise FileNotFoundError("the oxigraph command is missing (PyPI package oxigraph: pip install oxigraph)")
        self.board = Board()
        self.pid: int | None = None
        self._pidfd: int | None = None
        self.restarts = 0  # supervisors forked again after one died
        self._keeper: threading.Thread | None = None
        self._keeping = threading.Lock()  # held while a supervisor is forked or stopped
        self._stopping = False

    def __repr__(self) -> str:
        return f"Lanes({str(self.location)!r})"

    def ensure_loaded(self, graph: Path) -> bool:
        """Load ``graph`` (N-Quads) into the folder with ``oxigraph load`` unless it holds a store; True if loaded."""
        if (self.location / "CURRENT").exists():
            return False
        done = subprocess.run([self.binary, "load", "--location", str(self.location), "--file", str(graph)],
                              capture_output=True, text=True, timeout=LOAD_TIMEOUT)
        if done.returncode != 0:
            said = (done.stderr.strip().splitlines() or ["(nothing said)"])[0][:300]  # its message, not its backtrace
            raise RuntimeError(f"oxigraph load into {self.location} failed: {said}")
        return True

    def start(self) -> None:
        """Fork the supervisor (call before any thread starts, and before the web server forks its workers), and
        start the thread that forks it again should it die."""
        self._stopping = False
        self._fork()
        self._keeper = threading.Thread(target=self._keep, name="oxigraph-lanes-keeper", daemon=True)
        self._keeper.start()

    def _fork(self) -> None:
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            code = 0
            try:
                _reset_signals()  # forked again from a running server: not its master's handlers
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

    def _keep(self) -> None:
        """The keeper thread: wait for the supervisor to end; unless stopping, fork another (see the module's note)."""
        pause = KEEP_BACKOFF
        while True:
            started = time.monotonic()
            self._wait_exit()
            with self._keeping:
                if self._stopping:
                    return
                self._reap()
                pause = KEEP_BACKOFF if time.monotonic() - started >= KEEP_STABLE else min(5.0, pause * 2)
                log.warning("the Oxigraph lanes' supervisor (pid %s) ended: its lanes went with it; starting another",
                            self.pid)
                self.board.restart()  # requests wait for the next lanes, not for a dead port
            time.sleep(pause if time.monotonic() - started < KEEP_STABLE else 0.0)
            with self._keeping:
                if self._stopping:
                    return
                self.restarts += 1
                self._fork()

    def _wait_exit(self) -> None:
        """Block until the supervisor process has ended (a pidfd polls readable then, reaped or not)."""
        pidfd = self._pidfd
        if pidfd is not None:
            try:
                poller = select.poll()
                poller.register(pidfd, select.POLLIN)
                while not poller.poll(1000):
                    pass
                return
            except (OSError, ValueError):  # closed by stop(): it is ending anyway
                return
        while self.pid is not None and alive(self.pid):
            time.sleep(0.1)

    def _reap(self) -> None:
        if self._pidfd is not None:
            os.close(self._pidfd)
            self._pidfd = None
        try:
            os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:  # reaped elsewhere (gunicorn's master reaps every child)
            pass

    def stop(self) -> None:
        """Stop the supervisor (it kills its lanes) and its keeper; only through a handle on that one process."""
        if self.pid is None or os.getpid() == self.pid:
            return
        with self._keeping:
            self._stopping = True
            self._stop_supervisor()
        if self._keeper is not None and self._keeper is not threading.current_thread():
            self._keeper.join(timeout=5)
            self._keeper = None

    def _stop_supervisor(self) -> None:
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
        """``(port, generation)`` of a lane once it listens, waiting up to ``seconds`` (at most :data:`LANE_WAIT`,
        and not at all for a lane that cannot start); port 0 if it does not."""
        deadline = time.monotonic() + min(LANE_WAIT, max(0.0, seconds))
        while True:
            port, generation = self.board.lane(kind)
            if port or self.board.down(kind) or time.monotonic() >= deadline:
                return port, generation
            time.sleep(0.005)

    def send(self, untrusted: bool, post: Callable[[str], object], left: Callable[[], float]):
        """``post(url)`` to the lane (its answer), once more on a fresh lane if it was cut off as its lane was killed.

        ``left()`` gives the seconds left before the request's deadline. A request on the untrusted lane
        is on the board while it runs, and left there, marked abandoned, when it timed out. Raises what ``post``
        raised, :class:`LaneReplaced` when the second lane was replaced under it too, ``requests.Timeout`` when it
        was cut off with less than :data:`RESEND_MARGIN` s left (runaways cut off together at their time limit,
        sent again, would get the fresh lane killed at once), or ``requests.ConnectionError`` when no lane listens.
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
            except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError):
                replaced = self.board.lane(kind) != (port, generation)
                if attempt == 2 and replaced:
                    raise LaneReplaced("the query was cut off twice as its Oxigraph lane was replaced") from None
                if replaced and left() < RESEND_MARGIN:  # sent again, it would be abandoned at once: one more kill
                    raise requests.Timeout("cut off as its lane was replaced, too near its deadline to send again")
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


def _reset_signals() -> None:
    """Default handlers in a supervisor forked from a running server (gunicorn's master reaps children on SIGCHLD,
    which would take the lanes' exit statuses from under the supervisor)."""
    for name in ("SIGCHLD", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGWINCH", "SIGTTIN", "SIGTTOU"):
        try:
            signal.signal(getattr(signal, name), signal.SIG_DFL)
        except (AttributeError, ValueError, OSError):
            pass


__all__ = ["Board", "LaneReplaced", "Lanes", "TRUSTED", "UNTRUSTED", "oxigraph_binary"]
