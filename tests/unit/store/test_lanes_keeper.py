"""The keeper of the Oxigraph lanes' supervisor (kg.store.lanes.Lanes._keep): a supervisor that dies is forked again.

The supervisor here is a stand-in that sleeps (forked for real, killed by the test, bounded waits);
the real one, with its lanes, is in tests/integration/test_oxigraph_lanes.py.
"""

from __future__ import annotations

import os
import signal
import time

import pytest

from kg.store import lanes as lanes_module
from kg.store.lanes import Lanes
from kg.store.supervisor import TRUSTED, UNTRUSTED, alive

WAIT = 20.0  # seconds a bounded wait may last (never asserted as a speed)


def _stand_in(board, binary, location, timeout):
    """A supervisor that does nothing but live (SIGTERM ends it by default)."""
    while True:
        time.sleep(1)


def _until(condition, seconds: float = WAIT) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


@pytest.fixture
def kept(tmp_path, monkeypatch):
    monkeypatch.setattr(lanes_module, "supervise", _stand_in)
    monkeypatch.setattr(lanes_module, "KEEP_BACKOFF", 0.01)
    lanes = Lanes(tmp_path, binary="/bin/true")
    lanes.start()
    yield lanes
    lanes.stop()


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)  # the stand-in this test forked
    except ProcessLookupError:
        pass


def test_a_supervisor_killed_from_outside_is_forked_again(kept):
    first = kept.pid
    _kill(first)
    assert _until(lambda: kept.restarts == 1 and kept.pid not in (None, first)), (kept.pid, kept.restarts)
    assert alive(kept.pid) and not alive(first)


def test_after_a_supervisor_died_both_lanes_are_unpublished_in_a_new_generation(kept):
    kept.board.publish(TRUSTED, 7100, 3)
    kept.board.publish(UNTRUSTED, 7200, 5)
    kept.board.set_down(UNTRUSTED, True)
    first = kept.pid
    _kill(first)
    assert _until(lambda: kept.restarts == 1)
    assert kept.board.lane(TRUSTED) == (0, 4) and kept.board.lane(UNTRUSTED) == (0, 6)
    assert not kept.board.down(UNTRUSTED)


def test_a_supervisor_that_keeps_dying_is_forked_again_each_time(kept):
    for n in (1, 2, 3):
        pid = kept.pid
        _kill(pid)
        assert _until(lambda: kept.restarts == n and kept.pid != pid), (n, kept.restarts)


def test_stopping_ends_the_supervisor_and_forks_no_other(kept):
    pid = kept.pid
    kept.stop()
    assert _until(lambda: not alive(pid))
    assert kept.pid is None and kept.restarts == 0 and kept._keeper is None


def test_a_fresh_supervisor_is_stopped_as_the_first_was(kept):
    first = kept.pid
    _kill(first)
    assert _until(lambda: kept.restarts == 1 and kept.pid != first)
    second = kept.pid
    kept.stop()
    assert _until(lambda: not alive(second)) and kept.pid is None


def test_a_board_restart_leaves_requests_in_flight_to_their_senders():
    from kg.store.supervisor import Board

    board = Board(capacity=4)
    board.publish(UNTRUSTED, 7300, 2)
    slot = board.begin(2, time.monotonic() + 5)
    board.restart()
    assert [row.index for row in board.rows()] == [slot] and board.lane(UNTRUSTED) == (0, 3)
