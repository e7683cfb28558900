"""kg.sparql.pool and kg.sparql.spawner: a query process is signalled through a handle on that process, never by a pid that may be reused."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kg.sparql import pool, spawner
from kg.sparql.engine import Engine
from kg.sparql.errors import QueryTimeout
from kg.sparql.formats import SOLUTION_FORMATS

pytestmark = pytest.mark.unit

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _state(pid: int) -> str | None:
    """The process's state letter (``Z``: ended, not yet reaped), or None once it is reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return None


def _until(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


@pytest.fixture
def workers(mini_store):
    made = pool.WorkerPool(mini_store, 1, demote_after=None)
    yield made
    made.close()


def test_stopping_a_query_process_never_signals_a_process_that_took_its_pid(workers):
    """Stopping goes through the process's pidfd: after it has ended, the same number may be another process's."""
    worker = workers._all[0]
    assert worker.pidfd is not None  # Linux >= 5.3 (pidfd_open): the handle came with the process
    os.kill(worker.pid, signal.SIGKILL)  # it ends (killed from outside, out of memory…)
    assert _until(lambda: _state(worker.pid) == "Z")
    stranger = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        worker.pid = stranger.pid  # as if the number had been given to another process since
        worker.stop()
        time.sleep(0.3)
        assert stranger.poll() is None  # killing by pid would have killed it
    finally:
        stranger.kill()
        stranger.wait()


def test_a_query_process_is_reaped_only_once_the_server_lets_go_of_it(workers):
    """Until then its pid still names it (so the spawner may renice it by pid); afterwards it is gone, not a zombie."""
    worker = workers._all[0]
    pid = worker.pid
    os.kill(pid, signal.SIGKILL)
    assert _until(lambda: _state(pid) == "Z")
    time.sleep(0.3)
    assert _state(pid) == "Z"  # ended but held: no other process can have its number
    workers._replace(worker)  # stop (release) and spawn a fresh one
    assert _until(lambda: _state(pid) is None)
    assert workers.pids() and workers.pids() != [pid]


def test_a_dead_query_process_is_replaced_and_the_query_answered(workers, mini_store):
    engine = Engine(mini_store, cache_size=0)
    job = engine.prepare("ASK { ?s ?p ?o }", SOLUTION_FORMATS["json"])
    os.kill(workers.pids()[0], signal.SIGKILL)
    assert b'"boolean":true' in workers.run(job, timeout=10).body


def test_a_long_query_is_moved_to_nice_19_by_the_spawner(mini_store):
    workers = pool.WorkerPool(mini_store, 1, demote_after=0.2)
    try:
        pid = workers.pids()[0]
        job = Engine(mini_store, cache_size=0).prepare(CARTESIAN, SOLUTION_FORMATS["json"])
        niceness = []
        watcher = threading.Thread(target=lambda: _until(
            lambda: niceness.append(os.getpriority(os.PRIO_PROCESS, pid)) or niceness[-1] == spawner.DEMOTED_NICE, 3.0))
        watcher.start()
        with pytest.raises(QueryTimeout):
            workers.run(job, timeout=1.5)
        watcher.join()
        assert spawner.DEMOTED_NICE in niceness
        assert pid not in workers.pids()  # replaced: its priority cannot go back up
    finally:
        workers.close()


def test_nothing_is_asked_about_a_stopped_query_process(workers, monkeypatch):
    """A second stop or a late demotion would name a pid the spawner may have reaped: neither reaches it."""
    worker = workers._all[0]
    told = []
    monkeypatch.setattr(worker._spawner, "tell", lambda command, pid: told.append((command, pid)))
    worker.stop()
    assert told == [(spawner.RELEASE, worker.pid)]
    worker.stop()
    worker.demote()
    assert told == [(spawner.RELEASE, worker.pid)] and not worker.demoted
