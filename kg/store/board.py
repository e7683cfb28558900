"""The board the Oxigraph lanes' supervisor shares with every server process (:mod:`kg.store.lanes`).

Shared memory made before the web server forks: each lane's port and generation, whether it can start, and
the requests in flight on the untrusted lane. Its own module so that the supervisor's stays within bounds.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
from dataclasses import dataclass

TRUSTED, UNTRUSTED = 0, 1
LOCK_WAIT = 1.0


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
        self._down = ctx.RawArray(ctypes.c_int8, 2)  # the lane cannot start (it ended before it listened)
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

    def down(self, kind: int) -> bool:
        """Whether the lane cannot start now (a request then fails at once instead of waiting for it)."""
        return bool(self._down[kind])

    def set_down(self, kind: int, down: bool) -> None:
        self._down[kind] = int(down)

    def restart(self) -> None:
        """Its supervisor died with its lanes: both lanes unpublished, in a new generation, and not down."""
        for kind in (TRUSTED, UNTRUSTED):
            self.publish(kind, 0, self.lane(kind)[1] + 1)
            self.set_down(kind, False)

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


__all__ = ["Board", "Row", "TRUSTED", "UNTRUSTED"]
