"""One deadline per request (kg.store.http): it holds across reads, and it does not cross a fork."""

from __future__ import annotations

import os
import time

from kg.store.http import current_deadline, deadline, set_deadline, time_left


def test_the_earliest_deadline_wins_and_is_restored():
    with deadline(5.0):
        outer = current_deadline()
        with deadline(60.0):
            assert current_deadline() == outer
        with deadline(1.0):
            assert current_deadline() < outer
        assert current_deadline() == outer
    assert current_deadline() is None
    set_deadline(3.0)
    try:
        assert 0 < time_left(60.0) <= 3.0
    finally:
        set_deadline(None)
    assert time_left(60.0) == 60.0


def test_a_process_forked_during_a_deadline_does_not_inherit_it():
    """A query process forked inside a web request must not find the request's deadline, long past, later."""
    with deadline(0.001):
        time.sleep(0.01)
        pid = os.fork()
        if pid == 0:  # the child: no deadline of its own; a new one works
            with deadline(30.0):
                ok = current_deadline() is not None and time_left(0.0) > 29.0
            os._exit(0 if ok and current_deadline() is None else 1)
        _, status = os.waitpid(pid, 0)
        assert time_left(60.0) == 0.0  # the parent's own deadline has passed
    assert os.waitstatus_to_exitcode(status) == 0
