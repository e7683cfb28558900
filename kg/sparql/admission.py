"""Who may start an ad-hoc query now: a few per client across the whole server, a few per process.

A server runs several processes (gunicorn workers) that each answer requests with threads; an
ad-hoc query holds one of those threads until its query process answers. So that one client's
queries cost only that client, :class:`Admission` lets each client (an address, as the web
entrypoint names it) run at most ``per_client`` queries at once *across every process forked
after it was made* — the count lives in shared memory, made before gunicorn forks — and each
process run at most ``per_process`` at once, which leaves its other threads to cached answers,
named queries, questions and pages. A client over its share is refused at once
(:class:`~kg.sparql.errors.TooManyQueries`, kind ``rate-limited``), a full process with
:class:`~kg.sparql.errors.EngineBusy`; neither waits.

The shared table holds one row per running query: the client's 64-bit digest and the pid of the
process that runs it, so a process that died holding rows (killed mid-request) frees them the
next time they are counted.
"""

from __future__ import annotations

import ctypes
import hashlib
import multiprocessing
import os
import threading
from contextlib import contextmanager
from typing import Iterator

from kg.sparql.errors import EngineBusy, TooManyQueries

LOCK_WAIT = 1.0  # seconds; a process killed inside the (microseconds long) critical section must not stop all


def client_digest(client: str) -> int:
    """A nonzero 64-bit digest of a client's name (0 marks a free row).

    >>> client_digest("127.0.0.1") == client_digest("127.0.0.1") != client_digest("127.0.0.2")
    True
    """
    value = int.from_bytes(hashlib.blake2b(client.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")
    return value or 1


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Admission:
    """At most ``per_client`` queries per client (server-wide) and ``per_process`` per process.

    >>> gate = Admission(per_client=1, per_process=2)
    >>> with gate.admit("a"):
    ...     with gate.admit("b"):
    ...         gate.running("a"), gate.running("b")
    (1, 1)
    >>> with gate.admit("a"):
    ...     with gate.admit("a"):
    ...         pass
    Traceback (most recent call last):
    ...
    kg.sparql.errors.TooManyQueries: you have 1 query running already (at most 1 per client); retry when it has finished
    """

    def __init__(self, per_client: int | None = 2, per_process: int = 8, capacity: int = 512):
        self.per_client = per_client or 0  # 0: no limit per client
        self.per_process = max(1, per_process)
        self.capacity = capacity
        ctx = multiprocessing.get_context("fork")
        self._lock = ctx.Lock()
        self._keys = ctx.RawArray(ctypes.c_uint64, capacity)
        self._pids = ctx.RawArray(ctypes.c_int32, capacity)
        self._local = threading.BoundedSemaphore(self.per_process)
        self._local_pid = os.getpid()

    def _semaphore(self) -> threading.BoundedSemaphore:
        # A process forked while a thread held the semaphore would inherit it taken: start fresh.
        if self._local_pid != os.getpid():
            self._local = threading.BoundedSemaphore(self.per_process)
            self._local_pid = os.getpid()
        return self._local

    @contextmanager
    def admit(self, client: str | None) -> Iterator[None]:
        """Hold one query's place for ``client`` (None: only the per-process limit) while the block runs."""
        local = self._semaphore()
        if not local.acquire(blocking=False):
            raise EngineBusy(f"this server process is running {self.per_process} queries already; retry in a second")
        row = None
        try:
            if client is not None and self.per_client:
                row = self._claim(client_digest(client))
            yield
        finally:
            if row is not None:
                self._free(row)
            local.release()

    def running(self, client: str) -> int:
        """How many queries ``client`` runs now, server-wide."""
        key = client_digest(client)
        return sum(1 for i in range(self.capacity) if self._keys[i] == key)

    def _claim(self, key: int) -> int:
        if not self._lock.acquire(timeout=LOCK_WAIT):
            raise EngineBusy("the query admission table is busy; retry in a second")
        try:
            mine = [i for i in range(self.capacity) if self._keys[i] == key]
            if len(mine) >= self.per_client:
                for i in mine:  # rows of a process that died are free
                    if not _alive(self._pids[i]):
                        self._keys[i] = 0
                mine = [i for i in mine if self._keys[i] == key]
            if len(mine) >= self.per_client:
                n = len(mine)
                raise TooManyQueries(f"you have {n} {'query' if n == 1 else 'queries'} running already (at most "
                                     f"{self.per_client} per client); retry when {'it' if n == 1 else 'one'} has finished")
            row = self._free_row()
            if row is None:
                raise EngineBusy(f"{self.capacity} queries are running on this server; retry in a second")
            self._keys[row] = key
            self._pids[row] = os.getpid()
            return row
        finally:
            self._lock.release()

    def _free_row(self) -> int | None:
        for i in range(self.capacity):
            if self._keys[i] == 0:
                return i
        for i in range(self.capacity):  # full: reclaim the rows of dead processes
            if not _alive(self._pids[i]):
                self._keys[i] = 0
                return i
        return None

    def _free(self, row: int) -> None:
        # One aligned store each, no lock: a claim that reads the row meanwhile at worst refuses once more.
        self._pids[row] = 0
        self._keys[row] = 0
