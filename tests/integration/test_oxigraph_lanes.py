"""``kneekg serve --oxigraph DIR``: a runaway query on the Oxigraph server is stopped for real (kg.store.lanes).

The Oxigraph server computes an abandoned cartesian product on and on (its ``--timeout-s`` is
checked only while it reads the store). Here ``kneekg serve`` runs the Oxigraph servers itself
(loopback, started and stopped by the test, a 2 s time limit): once a runaway has been given its
503, the process that computed it is gone and the lanes left burn next to no CPU (their CPU time
is read from /proc, no clock is asserted), while another client's queries are answered throughout,
and again after every lane was killed from outside.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from urllib.parse import urlencode

import pytest

from tests.support.attack import RUNAWAY, get
from tests.support.live import kneekg_serve
from tests.support.oxigraph import MISSING, oxigraph_binary
from tests.support.sysdeps import missing_dependency

TICKS = os.sysconf("SC_CLK_TCK")
WINDOW = 3.0  # seconds over which the lanes' CPU time is read after the runaway was stopped


def lanes(folder) -> dict[int, float]:
    """The Oxigraph processes serving ``folder`` (pid: CPU seconds used so far), from /proc."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as handle:
                command = handle.read().split(b"\0")
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if b"serve-read-only" in command and str(folder).encode() in command and fields[0] not in (b"Z", b"X"):
            found[int(entry)] = (int(fields[11]) + int(fields[12])) / TICKS
    return found


def adhoc(n: int) -> str:
    return "/sparql?" + urlencode({"query": f"SELECT ?p ?o WHERE {{ <https://w3id.org/kneekg/id/dehydration> ?p ?o }}"
                                            f"\n# {n}"})


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    if oxigraph_binary() is None:
        missing_dependency(MISSING)
    folder = tmp_path_factory.mktemp("lanes") / "db"
    with kneekg_serve("--oxigraph", str(folder), "--front", "none", "--workers", "1",
                      env={"KG_QUERY_TIMEOUT": "2"}) as (base, _, output):
        deadline = time.monotonic() + 90
        while get(base, "/readyz", timeout=10)[0] != 200:
            assert time.monotonic() < deadline, f"never ready:\n{output()}"
            time.sleep(0.25)
        yield base, folder, output


@pytest.mark.oxigraph
def test_an_abandoned_runaway_stops_burning_cpu_and_another_client_is_answered(served):
    base, folder, output = served
    assert len(lanes(folder)) == 3, output()  # trusted, untrusted and its spare
    before = lanes(folder)
    answer: dict = {}
    runaway = threading.Thread(target=lambda: answer.update(
        zip(("status", "seconds", "body"), get(base, "/sparql?" + urlencode({"query": RUNAWAY}), "127.0.0.2", 30)))
    )
    runaway.start()
    others = []
    n = 0
    while runaway.is_alive():  # another client, meanwhile: ad-hoc queries, a named query, a page
        n += 1
        for path in (adhoc(n), "/api/queries/causes-of?condition=kg:dehydration", "/id/dehydration"):
            others.append((path, *get(base, path, timeout=30)))
        runaway.join(0.05)
    assert answer["status"] == 503 and "time limit" in answer["body"], answer
    assert "oxigraph" not in answer["body"].lower()
    # the lane that computed the runaway is killed (by the supervisor's next step), a fresh one takes its place
    deadline = time.monotonic() + 10
    while all(pid in lanes(folder) for pid in before) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert any(pid not in lanes(folder) for pid in before), f"no lane was killed: {lanes(folder)}\n{output()}"
    printed = output(None)  # the whole log: the other client's requests fill its tail
    # abandoned (killed once drained) or quarantined first (a thread of it demoted): either way the lane is replaced
    assert "killing that lane" in printed or "is killed once nothing in time is left on it" in printed, output()
    start = lanes(folder)
    time.sleep(WINDOW)
    end = lanes(folder)
    used = sum(end[pid] - start[pid] for pid in end if pid in start)
    assert used < 0.2 * WINDOW, f"the lanes still burn {used:.2f} CPU s over {WINDOW} s: {start} → {end}"
    after = [(path, *get(base, path, timeout=30)) for path in (adhoc(10**6), "/api/queries/causes-of?condition=kg:caffeine")]
    failed = [(path, status, body[:200]) for path, status, _, body in others + after if status != 200]
    assert not failed and others, failed


@pytest.mark.oxigraph
def test_lanes_killed_from_outside_are_started_again_and_queries_answered(served):
    base, folder, output = served
    for pid in lanes(folder):
        try:
            os.kill(pid, signal.SIGKILL)  # every lane at once, as an out-of-memory killer might
        except ProcessLookupError:
            pass
    answers = [get(base, path, timeout=30) for path in (adhoc(2 * 10**6), "/api/queries/causes-of?condition=kg:caffeine",
                                                        adhoc(2 * 10**6 + 1), "/id/caffeine")]
    assert [status for status, _, _ in answers] == [200] * 4, (answers, output())
    deadline = time.monotonic() + 30
    while len(lanes(folder)) < 3 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(lanes(folder)) == 3


def supervisor_of(folder) -> int:
    """The lanes' supervisor: the parent of the Oxigraph processes serving ``folder`` (one for all of them)."""
    parents = set()
    for pid in lanes(folder):
        with open(f"/proc/{pid}/stat", "rb") as handle:
            parents.add(int(handle.read().rsplit(b")", 1)[1].split()[1]))
    assert len(parents) == 1, parents
    return parents.pop()


@pytest.mark.oxigraph
def test_a_killed_supervisor_is_started_again_with_fresh_lanes_and_service_comes_back(served):
    base, folder, output = served
    deadline = time.monotonic() + 30
    while len(lanes(folder)) < 3 and time.monotonic() < deadline:  # after the test before: every lane back
        time.sleep(0.1)
    before = set(lanes(folder))
    supervisor = supervisor_of(folder)
    os.kill(supervisor, signal.SIGKILL)  # the supervisor this test's server started; its lanes die with it
    deadline = time.monotonic() + 60
    seen = lanes(folder)  # one reading of /proc per check: a lane may be replaced again between two readings
    while (len(seen) < 3 or set(seen) & before) and time.monotonic() < deadline:
        time.sleep(0.1)
        seen = lanes(folder)
    assert len(seen) == 3 and not set(seen) & before, (seen, before, output())
    assert supervisor_of(folder) != supervisor
    deadline = time.monotonic() + 60
    while get(base, "/readyz", timeout=10)[0] != 200:
        assert time.monotonic() < deadline, f"not ready again:\n{output()}"
        time.sleep(0.1)
    answers = [get(base, path, timeout=30) for path in (adhoc(3 * 10**6), "/api/queries/causes-of?condition=kg:dehydration",
                                                        "/id/dehydration")]
    assert [status for status, _, _ in answers] == [200] * 3, (answers, output())
    assert "supervisor (pid" in output() and "starting another" in output()
