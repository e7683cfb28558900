"""The Oxigraph lanes' supervisor (kg.store.lanes): which lane it starts, publishes and kills, step by step.

The lanes here are stand-ins (a port, a poll, a kill); the real servers are in
tests/integration/test_oxigraph_lanes.py.
"""

from __future__ import annotations

import itertools
import os

import pytest
import requests

from kg.store import lanes as lanes_module
from kg.store.lanes import LaneReplaced, Lanes
from kg.store.supervisor import GRACE, TRUSTED, UNTRUSTED, Board, Supervisor, alive


class FakeProcess:
    pids = itertools.count(90000)

    def __init__(self, port: int):
        self.port, self.code, self.killed, self.pid = port, None, False, next(self.pids)

    def poll(self):
        return self.code

    def kill(self):
        self.killed, self.code = True, -9

    def wait(self, timeout=None):
        return self.code


class World:
    """Stand-in processes: which were launched, which listen, which senders are dead."""

    def __init__(self):
        self.launched: list[FakeProcess] = []
        self.listening: set[int] = set()
        self.dead: set[int] = set()
        self.threads: dict[int, dict[int, tuple[bool, int]]] = {}  # pid -> {tid: (runnable, waits so far)}
        self.reniced: list[tuple[int, int]] = []
        self._ports = itertools.count(41000)

    def launch(self, port, untrusted=False):
        process = FakeProcess(port)
        self.launched.append(process)
        return process

    def supervisor(self, board: Board) -> Supervisor:
        return Supervisor(board, self.launch, lambda port: port in self.listening, lambda: next(self._ports),
                          alive=lambda pid: pid not in self.dead, threads=lambda pid: dict(self.threads.get(pid, {})),
                          renice=lambda pid, tid: self.reniced.append((pid, tid)), demote_after=0.5)

    def listen_all(self):
        self.listening.update(p.port for p in self.launched if not p.killed)


@pytest.fixture
def world():
    return World()


def started(world: World) -> tuple[Board, Supervisor]:
    board = Board(capacity=8)
    supervisor = world.supervisor(board)
    supervisor.step(0.0)
    world.listen_all()
    supervisor.step(0.1)
    return board, supervisor


# --- the board ------------------------------------------------------------------------------------

def test_a_request_written_down_is_read_back_and_its_slot_freed():
    board = Board(capacity=4)
    slot = board.begin(3, 12.5, pid=4321)
    [row] = board.rows()
    assert (row.index, row.pid, row.generation, row.deadline) == (slot, 4321, 3, 12.5)
    board.end(slot)
    assert board.rows() == []
    assert board.begin(4, 1.0) == slot  # a freed slot is taken again


def test_a_full_board_does_not_watch_one_more_request():
    board = Board(capacity=2)
    assert board.begin(0, 1.0, pid=1) is not None and board.begin(0, 1.0, pid=2) is not None
    assert board.begin(0, 1.0, pid=3) is None
    board.end(None)  # nothing to end: no error
    assert len(board.rows()) == 2


def test_a_lane_is_published_with_its_generation_and_unpublished_with_port_zero():
    board = Board()
    assert board.lane(TRUSTED) == (0, 0) and board.lane(UNTRUSTED) == (0, 0)
    board.publish(UNTRUSTED, 7001, 2)
    assert board.lane(UNTRUSTED) == (7001, 2) and board.lane(TRUSTED) == (0, 0)
    board.publish(UNTRUSTED, 0, 3)
    assert board.lane(UNTRUSTED) == (0, 3)


def test_alive_tells_a_running_process_from_a_zombie_and_a_reaped_one():
    assert alive(os.getpid())
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    deadline = __import__("time").monotonic() + 10
    while alive(pid) and __import__("time").monotonic() < deadline:  # a zombie until reaped: not alive
        __import__("time").sleep(0.01)
    assert not alive(pid)
    os.waitpid(pid, 0)
    assert not alive(pid)


# --- the supervisor -------------------------------------------------------------------------------

def test_three_lanes_start_and_two_are_published_once_they_listen(world):
    board = Board()
    supervisor = world.supervisor(board)
    supervisor.step(0.0)
    assert len(world.launched) == 3
    assert board.lane(TRUSTED)[0] == 0 and board.lane(UNTRUSTED)[0] == 0  # nothing listens yet
    world.listen_all()
    supervisor.step(0.1)
    published = {board.lane(TRUSTED)[0], board.lane(UNTRUSTED)[0]}
    assert 0 not in published and len(published) == 2
    assert supervisor.spare.port not in published and supervisor.spare.ready


def test_a_request_past_its_deadline_kills_the_untrusted_lane_and_the_spare_takes_its_place(world):
    board, supervisor = started(world)
    old_port, generation = board.lane(UNTRUSTED)
    spare_port, trusted_port = supervisor.spare.port, board.lane(TRUSTED)[0]
    board.begin(generation, deadline=5.0, pid=100)
    supervisor.step(5.0 + GRACE / 2)  # late, but within the grace its sender is being stopped in
    assert not any(p.killed for p in world.launched)
    supervisor.step(5.0 + GRACE * 2)
    killed = [p for p in world.launched if p.killed]
    assert [p.port for p in killed] == [old_port]
    assert board.lane(UNTRUSTED) == (spare_port, generation + 1)
    assert board.lane(TRUSTED)[0] == trusted_port and board.rows() == []
    supervisor.step(5.5)
    assert len(world.launched) == 4 and supervisor.spare.port == world.launched[-1].port  # a new spare at once


def test_a_request_whose_sender_was_killed_kills_its_lane_before_its_deadline(world):
    board, supervisor = started(world)
    port, generation = board.lane(UNTRUSTED)
    board.begin(generation, deadline=100.0, pid=200)
    world.dead.add(200)  # the engine killed its query process (the client went away)
    supervisor.step(1.0)
    assert [p.port for p in world.launched if p.killed] == [port]
    assert board.lane(UNTRUSTED)[1] == generation + 1


def test_requests_running_within_their_deadline_are_left_alone(world):
    board, supervisor = started(world)
    generation = board.lane(UNTRUSTED)[1]
    for pid in (301, 302, 303):
        board.begin(generation, deadline=10.0, pid=pid)
    for now in (1.0, 5.0, 9.5):  # still more than LEAD from their deadline
        supervisor.step(now)
    assert not any(p.killed for p in world.launched) and len(board.rows()) == 3
    assert supervisor.kills == 0


def test_several_abandoned_requests_on_one_lane_cost_one_kill(world):
    board, supervisor = started(world)
    generation = board.lane(UNTRUSTED)[1]
    for pid in (401, 402, 403, 404):  # four runaway clients, their time limits passed together
        board.begin(generation, deadline=2.0, pid=pid)
    supervisor.step(3.0)
    assert supervisor.kills == 1 and sum(p.killed for p in world.launched) == 1


def test_rows_left_on_a_replaced_lane_are_cleared_only_once_their_sender_is_gone(world):
    board, supervisor = started(world)
    generation = board.lane(UNTRUSTED)[1]
    board.begin(generation - 1, deadline=50.0, pid=501)  # sent to a lane replaced since; its sender still runs
    board.begin(generation - 1, deadline=50.0, pid=502)
    world.dead.add(502)
    supervisor.step(1.0)
    assert [row.pid for row in board.rows()] == [501]
    assert supervisor.kills == 0  # nothing of it runs on the lane published now


def test_a_retired_lane_answers_the_requests_already_on_it_before_it_is_killed(world):
    board, supervisor = started(world)
    old_port, generation = board.lane(UNTRUSTED)
    spare_port = supervisor.spare.port
    board.begin(generation, deadline=2.0, pid=451)  # the runaway
    victim = board.begin(generation, deadline=12.0, pid=452)  # another client's short query, on it meanwhile
    supervisor.step(2.0 + GRACE * 2)
    assert board.lane(UNTRUSTED) == (spare_port, generation + 1)  # nothing new goes to the retired lane
    assert supervisor.kills == 1 and not any(p.killed for p in world.launched)
    board.end(victim)  # answered
    supervisor.step(2.0 + GRACE * 2 + 0.02)
    assert [p.port for p in world.launched if p.killed] == [old_port]


def test_a_retired_lane_is_killed_after_the_drain_time_whatever_still_runs_on_it(world):
    from kg.store.supervisor import DRAIN, LEAD

    board, supervisor = started(world)
    old_port, generation = board.lane(UNTRUSTED)
    board.begin(generation, deadline=2.0, pid=461)
    board.begin(generation, deadline=2.05, pid=462)  # a second runaway, abandoned a moment later
    board.begin(generation, deadline=30.0, pid=463)  # a request that would keep it for long
    now = 2.0 + GRACE * 2
    supervisor.step(now)
    supervisor.step(now + DRAIN / 2)
    assert not any(p.killed for p in world.launched) and supervisor.kills == 1  # one retirement for both runaways
    supervisor.step(now + LEAD + GRACE + DRAIN)
    assert [p.port for p in world.launched if p.killed] == [old_port]


def test_a_long_request_near_its_deadline_hands_the_lane_over_before_it_is_abandoned(world):
    from kg.store.supervisor import LEAD

    board, supervisor = started(world)
    old_port, generation = board.lane(UNTRUSTED)
    spare_port = supervisor.spare.port
    runaway = board.begin(generation, deadline=10.0, pid=491)
    supervisor.step(1.0)
    supervisor.step(10.0 - LEAD / 2)  # run 9 s, less than LEAD s left: the spare is published, nothing killed yet
    assert board.lane(UNTRUSTED) == (spare_port, generation + 1) and supervisor.kills == 1
    assert not any(p.killed for p in world.launched)
    board.abandon(runaway)  # its time limit came: nothing in time is left on the old lane
    supervisor.step(10.0)
    assert [p.port for p in world.launched if p.killed] == [old_port]


def test_a_request_sent_with_little_time_left_does_not_hand_the_lane_over_at_once(world):
    from kg.store.supervisor import LEAD

    board, supervisor = started(world)
    port, generation = board.lane(UNTRUSTED)
    board.begin(generation, deadline=5.0 + LEAD / 2, pid=492)  # it waited for a query process: little left
    supervisor.step(5.0)
    supervisor.step(5.0 + LEAD / 4)
    assert board.lane(UNTRUSTED) == (port, generation) and supervisor.kills == 0


def test_a_retired_lane_with_nothing_left_on_it_is_killed_at_once(world):
    board, supervisor = started(world)
    old_port, generation = board.lane(UNTRUSTED)
    board.begin(generation, deadline=1.0, pid=471)
    world.dead.add(471)
    supervisor.step(1.5)
    assert [p.port for p in world.launched if p.killed] == [old_port]


def test_stopping_kills_a_lane_still_draining(world):
    board, supervisor = started(world)
    generation = board.lane(UNTRUSTED)[1]
    board.begin(generation, deadline=1.0, pid=481)
    board.begin(generation, deadline=30.0, pid=482)
    supervisor.step(1.0 + GRACE * 2)
    supervisor.stop()
    assert all(p.killed for p in world.launched)


def test_the_trusted_lane_is_never_killed_for_an_abandoned_query_and_is_restarted_if_it_dies(world):
    board, supervisor = started(world)
    trusted = supervisor.trusted.handle
    port, generation = board.lane(TRUSTED)
    board.begin(board.lane(UNTRUSTED)[1], deadline=1.0, pid=601)
    supervisor.step(2.0)
    assert not trusted.killed and board.lane(TRUSTED) == (port, generation)
    trusted.code = 1  # it ended by itself
    supervisor.step(2.1)
    assert board.lane(TRUSTED) == (0, generation + 1)  # requests cut off by it see it changed, and wait
    supervisor.step(2.1 + supervisor.backoff)
    world.listen_all()
    supervisor.step(2.2 + supervisor.backoff)
    new_port, new_generation = board.lane(TRUSTED)
    assert new_port not in (0, port) and new_generation == generation + 1


def test_an_untrusted_lane_that_dies_is_replaced_by_the_spare(world):
    board, supervisor = started(world)
    port, generation = board.lane(UNTRUSTED)
    spare = supervisor.spare.port
    supervisor.active.handle.code = -11
    supervisor.step(1.0)
    assert board.lane(UNTRUSTED) == (spare, generation + 2)  # unpublished when found dead, then the spare published


def test_without_a_ready_spare_the_untrusted_lane_is_unpublished_until_the_next_one_listens(world):
    board, supervisor = started(world)
    generation = board.lane(UNTRUSTED)[1]
    board.begin(generation, deadline=1.0, pid=701)
    supervisor.step(2.0)  # first kill: the spare takes over, a new spare is launched next step
    supervisor.step(2.1)
    board.begin(board.lane(UNTRUSTED)[1], deadline=2.0, pid=702)
    supervisor.step(3.0)  # second kill before the new spare listens
    assert supervisor.kills == 2 and board.lane(UNTRUSTED)[0] == 0
    supervisor.step(3.1)
    world.listen_all()
    supervisor.step(3.2)
    assert board.lane(UNTRUSTED)[0] != 0


def test_a_lane_that_ends_before_it_ever_listened_is_down_until_one_listens(world):
    board = Board()
    supervisor = world.supervisor(board)
    supervisor.step(0.0)
    supervisor.trusted.handle.code = 1  # e.g. a folder that is not a store
    supervisor.active.handle.code = 1
    supervisor.step(0.05)
    assert board.down(TRUSTED) and board.down(UNTRUSTED)
    supervisor.step(0.05 + supervisor.backoff)
    world.listen_all()
    supervisor.step(0.2 + supervisor.backoff)
    assert not board.down(TRUSTED) and not board.down(UNTRUSTED) and board.lane(TRUSTED)[0]


def test_a_lane_that_keeps_ending_is_started_again_after_a_doubling_pause(world):
    board = Board()
    supervisor = world.supervisor(board)
    supervisor.step(0.0)
    first = len(world.launched)
    supervisor.trusted.handle.code = 1
    supervisor.step(1.0)  # found dead: not started again before the pause
    assert len(world.launched) == first
    supervisor.step(1.0 + supervisor.backoff)
    assert len(world.launched) == first + 1
    supervisor.trusted.handle.code = 1
    supervisor.step(2.0)
    supervisor.step(2.0 + supervisor.backoff)  # the pause doubled
    assert len(world.launched) == first + 1
    supervisor.step(2.0 + 2 * supervisor.backoff)
    assert len(world.launched) == first + 2


# --- demoting long queries' threads ---------------------------------------------------------------

def test_a_thread_of_the_untrusted_lane_runnable_past_half_a_second_is_moved_to_nice_19_once(world):
    board, supervisor = started(world)
    pid = supervisor.active.handle.pid
    world.threads[pid] = {1: (False, 4), 2: (True, 3), 3: (False, 9)}  # 2 computes on; 1 and 3 wait on their sockets
    for tick in range(1, 12):
        supervisor.step(1.0 + tick * 0.1)
    assert world.reniced == [(pid, 2)]


def test_threads_that_sleep_between_short_queries_are_never_demoted(world):
    board, supervisor = started(world)
    pid = supervisor.active.handle.pid
    for tick in range(1, 30):  # runnable at every look, or now and then, but waiting on their sockets in between
        world.threads[pid] = {5: (True, tick), 6: (tick % 2 == 0, tick // 2)}
        supervisor.step(1.0 + tick * 0.1)
    assert world.reniced == []


def test_the_trusted_lane_and_the_spare_are_never_demoted(world):
    board, supervisor = started(world)
    world.threads[supervisor.trusted.handle.pid] = {7: (True, 0)}
    world.threads[supervisor.spare.handle.pid] = {8: (True, 0)}
    for tick in range(1, 20):
        supervisor.step(1.0 + tick * 0.1)
    assert world.reniced == []


def test_a_replaced_lane_s_threads_are_watched_afresh(world):
    board, supervisor = started(world)
    first = supervisor.active.handle.pid
    world.threads[first] = {9: (True, 0)}
    supervisor.step(1.0)
    supervisor.step(1.3)
    board.begin(board.lane(UNTRUSTED)[1], deadline=1.0, pid=801)
    supervisor.step(1.4 + GRACE)  # killed: the spare is the untrusted lane now
    second = supervisor.active.handle.pid
    world.threads[second] = {9: (True, 0)}  # the same thread number in another process
    supervisor.step(1.8)
    assert world.reniced == []  # runnable 0.2 s in this lane, not 0.8
    supervisor.step(2.4)
    assert world.reniced == [(second, 9)]


def test_without_a_demotion_time_nothing_is_reniced(world):
    board = Board()
    supervisor = world.supervisor(board)
    supervisor.demote_after = None
    supervisor.step(0.0)
    world.listen_all()
    world.threads[world.launched[1].pid] = {4: (True, 0)}
    world.threads[world.launched[2].pid] = {4: (True, 0)}
    for tick in range(1, 20):
        supervisor.step(tick * 0.1)
    assert world.reniced == []


# --- sending a request ----------------------------------------------------------------------------

@pytest.fixture
def lanes(tmp_path, monkeypatch):
    monkeypatch.setattr(lanes_module, "RETRY_WAIT", 0.05)
    return Lanes(tmp_path, binary="/bin/true")


def test_a_request_goes_to_the_published_lane_and_is_on_the_board_only_while_it_runs(lanes):
    lanes.board.publish(UNTRUSTED, 7100, 4)
    lanes.board.publish(TRUSTED, 7200, 0)
    seen = []

    def post(url):
        seen.append((url, [(row.generation, row.pid) for row in lanes.board.rows()]))
        return "answer"

    assert lanes.send(True, post, lambda: 5.0) == "answer"
    assert lanes.send(False, post, lambda: 5.0) == "answer"
    assert seen == [("http://127.0.0.1:7100/query", [(4, os.getpid())]), ("http://127.0.0.1:7200/query", [])]
    assert lanes.board.rows() == []


def test_a_request_cut_off_as_its_lane_was_killed_is_sent_once_more_to_the_fresh_one(lanes):
    lanes.board.publish(UNTRUSTED, 7100, 1)
    urls = []

    def post(url):
        urls.append(url)
        if len(urls) == 1:
            lanes.board.publish(UNTRUSTED, 7300, 2)  # the supervisor replaced the lane, then killed it
            raise requests.ConnectionError("Connection aborted: RemoteDisconnected")
        return "answer"

    assert lanes.send(True, post, lambda: 5.0) == "answer"
    assert urls == ["http://127.0.0.1:7100/query", "http://127.0.0.1:7300/query"]
    assert lanes.board.rows() == []


def test_a_request_cut_off_near_its_deadline_is_a_timeout_not_sent_again(lanes):
    lanes.board.publish(UNTRUSTED, 7100, 1)
    calls = []

    def post(url):
        calls.append(url)
        lanes.board.publish(UNTRUSTED, 7500, 2)  # killed for another runaway whose time limit passed with this one's
        raise requests.ConnectionError("reset")

    with pytest.raises(requests.Timeout, match="too near its deadline"):
        lanes.send(True, post, lambda: 0.4)
    assert len(calls) == 1 and lanes.board.rows() == []


def test_a_request_cut_off_while_its_lane_stays_is_not_sent_again(lanes):
    lanes.board.publish(UNTRUSTED, 7100, 1)
    calls = []

    def post(url):
        calls.append(url)
        raise requests.ConnectionError("refused")

    with pytest.raises(requests.ConnectionError):
        lanes.send(True, post, lambda: 5.0)
    assert len(calls) == 1 and lanes.board.rows() == []


def test_a_request_cut_off_twice_as_both_its_lanes_were_replaced_says_so(lanes):
    lanes.board.publish(UNTRUSTED, 7100, 1)
    calls = []

    def post(url):
        calls.append(url)
        lanes.board.publish(UNTRUSTED, 7100 + len(calls), 1 + len(calls))  # others' runaways got each lane killed
        raise requests.ConnectionError("reset")

    with pytest.raises(LaneReplaced):
        lanes.send(True, post, lambda: 5.0)
    assert len(calls) == 2 and lanes.board.rows() == []


def test_a_request_cut_off_on_its_second_lane_that_stays_gives_up_with_the_connection_error(lanes):
    lanes.board.publish(TRUSTED, 7100, 1)
    calls = []

    def post(url):
        calls.append(url)
        if len(calls) == 1:
            lanes.board.publish(TRUSTED, 7200, 2)
        raise requests.ConnectionError("reset")

    with pytest.raises(requests.ConnectionError):
        lanes.send(False, post, lambda: 5.0)
    assert calls == ["http://127.0.0.1:7100/query", "http://127.0.0.1:7200/query"]


def test_a_query_cut_off_twice_by_others_runaways_is_a_busy_engine_not_a_bad_gateway(tmp_path):
    from kg.sparql.errors import EngineBusy
    from kg.store.remote import RemoteStore

    class Cut:
        location = tmp_path
        endpoint = Lanes.endpoint

        def send(self, untrusted, post, left):
            raise LaneReplaced("cut twice")

    store = RemoteStore(Cut.endpoint, timeout=1, lanes=Cut())
    store.enter_query_process()
    with pytest.raises(EngineBusy, match="retry") as caught:
        store.query("SELECT * WHERE { ?s ?p ?o }")
    assert caught.value.kind == "busy"


def test_a_request_that_timed_out_is_not_sent_again(lanes):
    lanes.board.publish(UNTRUSTED, 7100, 1)
    calls = []

    def post(url):
        calls.append(url)
        lanes.board.publish(UNTRUSTED, 7400, 2)
        raise requests.ConnectTimeout("slow")

    with pytest.raises(requests.Timeout):
        lanes.send(True, post, lambda: 5.0)
    assert len(calls) == 1
    [row] = lanes.board.rows()  # left on the board, abandoned: the lane still computes it
    assert row.deadline == 0.0 and row.generation == 1


def test_a_request_that_timed_out_gets_its_lane_killed_at_the_next_step(world):
    board, supervisor = started(world)
    port, generation = board.lane(UNTRUSTED)
    slot = board.begin(generation, deadline=30.0, pid=os.getpid())  # its sender still runs (a query process)
    supervisor.step(1.0)
    assert supervisor.kills == 0
    board.abandon(slot)
    supervisor.step(1.1)
    assert supervisor.kills == 1 and [p.port for p in world.launched if p.killed] == [port]
    assert board.rows() == []


def test_a_request_to_a_lane_that_cannot_start_fails_at_once(lanes, monkeypatch):
    lanes.board.set_down(TRUSTED, True)
    monkeypatch.setattr(lanes_module.time, "sleep", lambda seconds: pytest.fail("waited for a lane that is down"))
    with pytest.raises(requests.ConnectionError, match="no Oxigraph lane"):
        lanes.send(False, lambda url: pytest.fail("sent with no lane"), lambda: 5.0)


def test_no_lane_listening_within_the_time_left_is_a_connection_error(lanes):
    with pytest.raises(requests.ConnectionError, match="no Oxigraph lane"):
        lanes.send(True, lambda url: pytest.fail("sent with no lane"), lambda: 0.02)
    assert lanes.board.rows() == []


def test_a_folder_that_holds_a_store_is_not_loaded_again(tmp_path):
    (tmp_path / "CURRENT").write_text("MANIFEST-000005\n")
    assert Lanes(tmp_path, binary="/bin/false").ensure_loaded(tmp_path / "graph.nq") is False


def test_a_store_in_a_query_process_sends_to_the_untrusted_lane(tmp_path):
    from kg.store.remote import RemoteStore

    class Recorder:
        location = tmp_path
        endpoint = Lanes.endpoint
        calls: list = []

        def send(self, untrusted, post, left):
            self.calls.append(untrusted)
            raise requests.ConnectionError("stop here")

    store = RemoteStore(Recorder.endpoint, timeout=1, lanes=Recorder())
    assert "run by this server" in store.description
    for _ in range(2):
        with pytest.raises(Exception):
            store.query("ASK { ?s ?p ?o }")
        store.enter_query_process()
    assert Recorder.calls == [False, True]


# --- quarantine: a lane with a long query stops taking new requests --------------------------------

def _long_query_on_active(world, board, supervisor, now: float, pid: int, tid: int = 2) -> tuple[int, int]:
    """A request on the untrusted lane whose thread computes on; steps until it is demoted. Its (port, generation)."""
    port, generation = board.lane(UNTRUSTED)
    board.begin(generation, deadline=now + 10.0, pid=pid)
    world.threads[supervisor.active.handle.pid] = {tid: (True, 0)}
    for tick in range(0, 12):
        supervisor.step(now + tick * 0.1)
    return port, generation


def test_a_long_query_sends_new_requests_to_the_spare_and_its_lane_dies_once_it_is_abandoned(world):
    board, supervisor = started(world)
    spare_port = supervisor.spare.port
    port, generation = _long_query_on_active(world, board, supervisor, 1.0, pid=701)
    assert world.reniced and board.lane(UNTRUSTED) == (spare_port, generation + 1)
    assert not any(p.killed for p in world.launched if p.port == port)  # it keeps its long query meanwhile
    world.dead.add(701)  # its time limit came: the engine killed the query process
    supervisor.step(3.0)
    assert [p.port for p in world.launched if p.killed] == [port]


def test_a_short_request_ending_on_a_quarantined_lane_does_not_end_it_while_the_long_one_runs(world):
    board, supervisor = started(world)
    port, generation = board.lane(UNTRUSTED)
    short = board.begin(generation, deadline=11.0, pid=711)
    _long_query_on_active(world, board, supervisor, 1.0, pid=712)
    board.end(short)
    supervisor.step(2.5)
    assert not any(p.killed for p in world.launched) and board.lane(UNTRUSTED)[1] == generation + 1


def test_without_a_ready_spare_the_lane_with_a_long_query_keeps_serving_until_one_listens(world):
    board = Board(capacity=8)
    supervisor = world.supervisor(board)
    supervisor.step(0.0)
    world.listening.update(p.port for p in world.launched[:2])  # trusted and untrusted listen, the spare not yet
    supervisor.step(0.1)
    port, generation = _long_query_on_active(world, board, supervisor, 1.0, pid=721)
    assert board.lane(UNTRUSTED) == (port, generation)
    world.listen_all()
    supervisor.step(2.5)
    assert board.lane(UNTRUSTED)[1] == generation + 1 and board.lane(UNTRUSTED)[0] != port


def test_at_most_a_few_lanes_are_held_in_quarantine_at_once(world):
    from kg.store.supervisor import QUARANTINE

    board, supervisor = started(world)
    now = 1.0
    for n in range(QUARANTINE + 2):
        _long_query_on_active(world, board, supervisor, now, pid=730 + n, tid=10 + n)
        world.listen_all()  # the new spare listens
        now += 1.5
        supervisor.step(now)
    assert len(supervisor._draining) == QUARANTINE and not any(p.killed for p in world.launched)
    assert supervisor.kills == QUARANTINE


def test_a_quarantined_lane_is_killed_after_its_last_deadline_whatever_still_runs(world):
    from kg.store.supervisor import DRAIN

    board, supervisor = started(world)
    port, generation = _long_query_on_active(world, board, supervisor, 1.0, pid=741)
    deadline = 11.0
    supervisor.step(deadline)  # its sender neither abandons nor dies (hung): late only past GRACE
    assert not any(p.killed for p in world.launched if p.port == port)
    supervisor.step(deadline + GRACE + DRAIN + 0.01)
    assert [p.port for p in world.launched if p.killed] == [port]
