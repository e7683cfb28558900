"""The supervisor of the Oxigraph lanes (:mod:`kg.store.lanes`): which lane to start, publish, demote and kill.

:class:`Supervisor` is a step function over the shared board and the lanes' processes — stand-ins in
the unit tests — and :func:`supervise` runs it in the process :meth:`kg.store.lanes.Lanes.start` forks:
every :data:`TICK` seconds it starts what is missing (a lane that ended by itself after a
doubling pause), publishes what listens, retires the untrusted lane when a request on it was abandoned or is
about to be (the ready spare published first; :data:`LEAD`) and kills it once nothing in time is left on it,
and moves that lane's threads that stay runnable past
:data:`DEMOTE_AFTER` to nice 19. It is the lanes' parent: their pids stay exact until it reaps them.
The :class:`Board` it shares with every server process (lanes' ports, requests in flight) is in
:mod:`kg.store.board`.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from kg.store.board import TRUSTED, UNTRUSTED, Board, Row

log = logging.getLogger(__name__)

TICK = 0.02  # seconds between two steps of the supervisor
GRACE = 0.2  # seconds past a request's deadline before it counts as abandoned (its sender is being stopped)
STALE = 60.0  # seconds past its deadline after which a row is cleared whatever its sender's state
# Seconds a thread of the untrusted lane may stay runnable before it is moved to nice 19. After each kill the
# runaways' clients send them again to the fresh lane, where they ran at the victim's priority until demoted:
# at 0.5 s (looked at every 0.1 s) the victim's slowest ad-hoc queries (55-115 ms) all fell 0.3-1.1 s after a
# kill (bench/results/hostile-serve-oxigraph-run*.md). An ad-hoc query runnable 0.1 s on end is no short one;
# the query processes that send to this lane are demoted, and replaced after their answer, as soon
# (RemoteStore.demote_after), so a thread demoted here never serves another query (its connection ends).
DEMOTE_AFTER = 0.1
SAMPLE = 0.04  # seconds between two looks at the untrusted lane's threads
# The hand-over, ahead of the kill. A request on the untrusted lane that has run LONG_RUN s and is within LEAD s
# of its deadline is a runaway about to be abandoned: the spare is published then (new requests go there), so
# that when the runaways' 503s come back and their clients send them again, they land on the fresh lane, and
# the requests of others already on the old one have finished by the time it is killed — once nothing in time
# is left on it, or DRAIN s after LEAD + GRACE at the latest. Killed at once when abandoned, the lane cut off the
# victim's queries in flight, each sent again to the fresh lane amid the runaways' re-sending (the kill-time
# outliers of bench/results/hostile-serve-oxigraph-run*.md before: 40-115 ms).
LEAD = 0.3
LONG_RUN = 1.0
DRAIN = 0.25
# Quarantine. A lane's CPU is accounted to its session's autogroup as a whole, nice 19 threads included, so a
# lane that computes runaways gets its turn on a busy machine late, and the short queries on it with it. Once a
# thread of the untrusted lane is demoted (a long query), the ready spare takes the new requests and the old
# lane keeps its long queries alone until they end or are abandoned, then is killed: at most QUARANTINE such
# lanes at once (beyond that the untrusted lane keeps its long queries, demoted, as before).
QUARANTINE = 2


def alive(pid: int) -> bool:
    """Whether ``pid`` is a running process (a zombie, killed but not reaped yet, is not)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            state = handle.read().rsplit(b")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in (b"Z", b"X")


@dataclass
class Lane:
    """One ``oxigraph serve-read-only`` process (``handle``: a ``subprocess.Popen`` or a stand-in) and its port."""

    handle: object
    port: int
    ready: bool = False


@dataclass
class Supervisor:
    """Decides, one :meth:`step` at a time, which lanes to start, publish and kill (see the module's note).

    ``launch(port)`` starts a lane's process; ``listening(port)`` says whether it answers connections;
    ``alive(pid)`` whether a request's sender still runs; ``free_port()`` a port to start one on.
    """

    board: Board
    launch: Callable[[int, bool], object]  # (port, untrusted: the active lane or a spare)
    listening: Callable[[int], bool]
    free_port: Callable[[], int]
    alive: Callable[[int], bool] = alive
    threads: Callable[[int], dict[int, tuple[bool, int]]] = lambda pid: _threads(pid)
    renice: Callable[[int, int], None] = lambda pid, tid: _renice(pid, tid)
    demote_after: float | None = DEMOTE_AFTER
    backoff: float = 0.1  # seconds before starting again a lane that ended by itself (doubling, at most 5 s)
    trusted: Lane | None = None
    active: Lane | None = None
    spare: Lane | None = None
    kills: int = 0
    _dying: list = field(default_factory=list)
    _draining: list = field(default_factory=list)  # [(lane retired, its generation, when it is killed at the latest)]
    _seen: dict = field(default_factory=dict)  # (slot, pid, generation) -> when the row was first seen
    _long: bool = False  # a thread of the untrusted lane was demoted since it was published
    _wait: dict = field(default_factory=dict)  # role -> (not before, next backoff)
    _runnable: dict = field(default_factory=dict)  # (pid, tid) -> (since when it runs without waiting, its waits then)
    _demoted: set = field(default_factory=set)
    _sampled: float = float("-inf")

    def lanes(self) -> list[Lane]:
        return [lane for lane in (self.trusted, self.active, self.spare) if lane is not None] + \
            [lane for lane, _, _ in self._draining]

    def step(self, now: float) -> None:
        for handle in [h for h in self._dying if h.poll() is not None]:  # reap the killed
            self._dying.remove(handle)
            _said(handle)
        for role in ("trusted", "active", "spare"):
            lane = getattr(self, role)
            if lane is not None and lane.handle.poll() is not None:
                log.warning("the Oxigraph %s lane (port %s) ended by itself (status %s: %s); starting another", role,
                            lane.port, lane.handle.poll(), _said(lane.handle) or "nothing said")
                setattr(self, role, None)
                if role != "spare":
                    self._bump(TRUSTED if role == "trusted" else UNTRUSTED)
                    if not lane.ready:  # it never listened: the folder or the command is wrong, not a crash
                        self.board.set_down(TRUSTED if role == "trusted" else UNTRUSTED, True)
                pause = self._wait.get(role, (0.0, self.backoff))[1]
                self._wait[role] = (now + pause, min(5.0, pause * 2))
            if getattr(self, role) is None and now >= self._wait.get(role, (0.0, 0.0))[0]:
                port = self.free_port()
                setattr(self, role, Lane(self.launch(port, role != "trusted"), port))
        for role in ("trusted", "active", "spare"):
            lane = getattr(self, role)
            if lane is not None and not lane.ready and self.listening(lane.port):
                lane.ready = True
                self._wait.pop(role, None)
        if not _ready(self.active) and _ready(self.spare):  # the untrusted lane is (re)starting: the spare is ready
            self.active, self.spare = self.spare, self.active
            self._bump(UNTRUSTED)
        self._abandoned(now)
        self._publish()
        if self.demote_after is not None and now - self._sampled >= SAMPLE:
            self._sampled = now
            self._demote(now)
        if self._long and _ready(self.spare) and len(self._draining) < QUARANTINE:
            self.kill_active(now, quarantine=True)

    def _demote(self, now: float) -> None:
        """Move the untrusted lane's threads that stayed runnable ``demote_after`` s to nice 19.

        Runnable all along means: runnable at each look and not one wait since (its count of voluntary
        context switches unchanged), so a thread that serves short queries one after another, waiting
        on its socket in between, never counts. The Oxigraph server runs each connection in a thread
        of its own, so a thread runnable that long is computing a long query: the others' short queries, on their own threads, get the
        cores first (as :mod:`kg.sparql.pool` demotes a query process). The engine replaces a query
        process whose query ran that long after its answer: its connection, and that thread, end.
        """
        lane = self.active
        if not _ready(lane):
            return
        pid = lane.handle.pid
        seen = self.threads(pid)
        for key in [k for k in self._runnable if k[0] != pid or not seen.get(k[1], (False, 0))[0]]:
            del self._runnable[key]
        self._demoted = {k for k in self._demoted if k[0] == pid and k[1] in seen}
        for tid, (runnable, waits) in seen.items():
            if not runnable or (pid, tid) in self._demoted:
                continue
            since, then = self._runnable.get((pid, tid), (now, waits))
            if waits != then:  # it waited in between: a new run starts now
                since, then = now, waits
            self._runnable[(pid, tid)] = (since, then)
            if now - since >= self.demote_after:
                self._demoted.add((pid, tid))
                self.renice(pid, tid)
                self._long = True

    def _publish(self) -> None:
        for kind, lane in ((TRUSTED, self.trusted), (UNTRUSTED, self.active)):
            self.board.publish(kind, lane.port if _ready(lane) else 0, self.board.lane(kind)[1])
            if _ready(lane):
                self.board.set_down(kind, False)

    def _abandoned(self, now: float) -> None:
        """Retire the untrusted lane if a request on it was abandoned or is about to be (:data:`LEAD`); kill a
        retired lane once nothing in time is left on it; clear the rows nobody will end."""
        generation = self.board.lane(UNTRUSTED)[1]
        draining = {gen for _, gen, _ in self._draining}
        running: set[int] = set()  # generations of retired lanes that still hold a request in time
        retire = False
        seen = {}
        for row in self.board.rows():
            gone = not self.alive(row.pid)
            late = now > row.deadline + GRACE
            key = (row.index, row.pid, row.generation)
            seen[key] = self._seen.get(key, now)
            if row.generation == generation and (gone or late):
                retire = True
                self.board.end(row.index)
            elif row.generation in draining and (gone or late):
                self.board.end(row.index)  # its lane is being killed anyway
            elif row.generation != generation and (gone or now > row.deadline + STALE):
                self.board.end(row.index)  # its lane is gone already; its sender will not end it
            elif row.generation in draining:
                running.add(row.generation)
            elif row.generation == generation and row.deadline - now <= LEAD and now - seen[key] >= LONG_RUN:
                retire = True  # a runaway about to be abandoned: hand over now, kill once it is
        self._seen = seen
        for entry in list(self._draining):
            lane, gen, until = entry
            if gen not in running or now >= until:
                self._draining.remove(entry)
                self._kill(lane)
        if retire:
            self.kill_active(now)

    def kill_active(self, now: float | None = None, quarantine: bool = False) -> None:
        """Replace the untrusted lane by the spare (published first), then kill it — once no request in time is left
        on it, or :data:`LEAD` + :data:`GRACE` + :data:`DRAIN` s after ``now`` at the latest (in quarantine, that
        long after its last deadline; at once without ``now``) — and start a new spare."""
        old = self.active
        if old is None:
            return
        generation = self.board.lane(UNTRUSTED)[1]
        self.active, self.spare, self._long = self.spare, None, False
        self._bump(UNTRUSTED)
        self._publish()  # before the kill: a request cut off by it finds the next lane published
        self.kills += 1
        rows = [row for row in self.board.rows() if row.generation == generation]
        if quarantine:
            log.warning("a long query on the Oxigraph lane (port %s): new ad-hoc queries go to the next lane; that one "
                        "is killed once nothing in time is left on it", old.port)
        else:
            log.warning("an ad-hoc query on the Oxigraph lane (port %s) was abandoned, or is about to be: killing "
                        "that lane once nothing in time is left on it (what is still on it then is sent once more "
                        "to the next)", old.port)
        if now is None or not rows:
            self._kill(old)
        elif quarantine:
            self._draining.append((old, generation, max(row.deadline for row in rows) + GRACE + DRAIN))
        else:
            self._draining.append((old, generation, now + LEAD + GRACE + DRAIN))

    def _kill(self, lane: Lane) -> None:
        try:
            lane.handle.kill()  # SIGKILL by its parent: the pid is still exact (not reaped)
        except ProcessLookupError:
            pass
        self._dying.append(lane.handle)

    def _bump(self, kind: int) -> None:
        self.board.publish(kind, 0, self.board.lane(kind)[1] + 1)

    def stop(self) -> None:
        for lane in self.lanes():
            self._kill(lane)
        for handle in self._dying:
            try:
                handle.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        self.trusted = self.active = self.spare = None
        self._draining.clear()


def _threads(pid: int) -> dict[int, tuple[bool, int]]:
    """The threads of process ``pid``: whether each is runnable now (running or waiting for a core), and how
    many times it has waited (blocked) so far (read only for the runnable: most threads of a lane sleep)."""
    found = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat", "rb") as handle:
                runnable = handle.read().rsplit(b")", 1)[1].split()[0] == b"R"
            if not runnable:
                found[int(tid)] = (False, 0)
                continue
            with open(f"/proc/{pid}/task/{tid}/status", "rb") as handle:
                fields = dict(line.split(b":", 1) for line in handle.read().splitlines() if b":" in line)
            found[int(tid)] = (True, int(fields[b"voluntary_ctxt_switches"]))
        except (OSError, KeyError, IndexError, ValueError):
            continue
    return found


def _renice(pid: int, tid: int) -> None:
    """Nice 19 for one thread of our lane ``pid`` (unreaped, so exact): checked to be still its thread just before."""
    try:
        if os.path.exists(f"/proc/{pid}/task/{tid}"):
            os.setpriority(os.PRIO_PROCESS, tid, 19)
    except OSError:
        pass


def _ready(lane: Lane | None) -> bool:
    return lane is not None and lane.ready


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.05):
            return True
    except OSError:
        return False


def _die_with_parent(sig: int) -> Callable[[], None]:
    def arm() -> None:
        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, sig)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    return arm


def _launcher(binary: str, location: Path, timeout: float) -> Callable[[int, bool], subprocess.Popen]:
    """How a lane is started: ``serve-read-only`` on a loopback port, in a session of its own (with autogroup
    scheduling a session shares one fair share of the CPU, so a lane's runaways compete with the web server as
    one group, not thread by thread: in kneekg serve's session they took the other requests' p99 from ~15 to
    ~60 ms, bench/results/hostile-lanes-kill-only.md), killed with its parent, the supervisor.

    Only the trusted lane gets ``--timeout-s``: Oxigraph 0.5 starts a thread per query that sleeps the whole
    timeout, so at a few thousand queries/s tens of thousands pile up and thread creation fails (``500 Resource
    temporarily unavailable``, bench/uncached.py); on an untrusted lane a query past its time limit is abandoned
    by its sender first and the lane killed, and without them the lane's threads the demotion reads are few."""
    def launch(port: int, untrusted: bool = False) -> subprocess.Popen:
        errors = tempfile.TemporaryFile()  # what it says (a line per start), read only if it ends by itself
        limit = [] if untrusted else ["--timeout-s", str(max(1, int(timeout)))]
        process = subprocess.Popen([binary, "serve-read-only", "--location", str(location), "--bind",
                                    f"127.0.0.1:{port}", "--union-default-graph", *limit],
                                   stdin=subprocess.DEVNULL, stdout=errors, stderr=errors, close_fds=True,
                                   start_new_session=True, preexec_fn=_die_with_parent(signal.SIGKILL))
        process.errors = errors
        return process
    return launch


def _said(handle) -> str:
    """The first line of what a lane's process wrote (an error's message), and close that file."""
    errors = getattr(handle, "errors", None)
    if errors is None:
        return ""
    try:
        errors.seek(0)
        lines = [line for line in errors.read().decode(errors="replace").splitlines() if line.strip()]
        return (lines[0] if lines else "")[:300]  # its message, not its backtrace
    finally:
        errors.close()


def supervise(board: Board, binary: str, location: Path, timeout: float) -> None:
    """The supervisor process: one step every TICK until its parent stops it (SIGTERM) or dies."""
    _die_with_parent(signal.SIGTERM)()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the server stops us
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    supervisor = Supervisor(board, _launcher(binary, location, timeout), _listening, _free_port)
    try:
        while True:
            supervisor.step(time.monotonic())
            time.sleep(TICK)
    finally:
        supervisor.stop()


__all__ = ["Board", "Lane", "Row", "Supervisor", "TRUSTED", "UNTRUSTED", "alive", "supervise"]
