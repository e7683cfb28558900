"""kg.sparql.engine, guard and pool: analysis before evaluation, positioned syntax errors, the killable worker pool, the cache."""

from __future__ import annotations

import pyoxigraph
import pytest

from kg.sparql import guard, pool
from kg.sparql.engine import Engine
from kg.sparql.errors import QueryRefused, QuerySyntaxError, QueryTimeout
from kg.sparql.formats import RDF_FORMATS as GRAPH_FORMATS, SOLUTION_FORMATS
from kg.sparql.guard import analyse

KGG = "https://w3id.org/kneekg/graph/"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.mark.parametrize("sparql, form", [
    ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
    ("PREFIX kg: <https://w3id.org/kneekg/id/>\nASK { kg:caffeine ?p ?o }", "ASK"),
    ("BASE <http://example.org/> construct where { ?s ?p ?o }", "CONSTRUCT"),
    ("# a comment\nDESCRIBE <https://w3id.org/kneekg/id/caffeine>", "DESCRIBE"),
])
def test_analyse_finds_the_form(sparql, form):
    assert analyse(sparql).form == form


@pytest.mark.parametrize("sparql", [
    # the word SERVICE where it is not the keyword: strings, IRIs, comments, variables, prefixed names
    'SELECT * WHERE { ?s ?p "SERVICE <http://127.0.0.1:1/> { }" }',
    "SELECT * WHERE { ?s ?p '''\nSERVICE <http://127.0.0.1:1/> {}\n''' }",
    "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }",
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1:1/> { }",
    "SELECT ?SERVICE WHERE { ?SERVICE ?p ?o }",
    "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:SERVICE ?o }",
    "PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> SELECT * WHERE { ?s a sd:Service }",
])
def test_analyse_accepts_service_as_data(sparql):
    analyse(sparql)


@pytest.mark.parametrize("sparql", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?x ?y ?z OPTIONAL { SERVICE ?endpoint { ?s ?p ?o } } }",
    "SELECT * WHERE { { SELECT ?s WHERE { SERVICE<http://127.0.0.1:1/>{?s ?p ?o} } } }",
    r"SELECT * WHERE { \u0053ERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
    "ASK { ?a ?b ?c FILTER(?a<?b) SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }",
])
def test_analyse_refuses_service(sparql):
    with pytest.raises(QueryRefused) as err:
        analyse(sparql)
    assert err.value.kind == "forbidden"
    assert "SERVICE" in str(err.value)


@pytest.mark.parametrize("sparql", [
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "PREFIX kg: <https://w3id.org/kneekg/id/>\nDELETE WHERE { kg:caffeine ?p ?o }",
    "LOAD <http://127.0.0.1:1/data.ttl>",
    "CLEAR ALL", "DROP GRAPH <https://w3id.org/kneekg/graph/facts>", "CREATE GRAPH <http://a>",
    "WITH <https://w3id.org/kneekg/graph/facts> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "COPY DEFAULT TO <http://a>", "MOVE <http://a> TO <http://b>", "ADD <http://a> TO <http://b>",
])
def test_analyse_refuses_updates(sparql):
    with pytest.raises(QueryRefused, match="read-only"):
        analyse(sparql)


def test_analyse_resolves_dataset_clauses():
    result = analyse(f"PREFIX kgg: <{KGG}>\nSELECT * FROM kgg:facts FROM <{KGG}inferred> "
                     f"FROM NAMED kgg:provenance WHERE {{ ?s ?p ?o }}")
    assert result.from_graphs == (KGG + "facts", KGG + "inferred")
    assert result.from_named_graphs == (KGG + "provenance",)


@pytest.mark.parametrize("clause", ["FROM <http://127.0.0.1:1/data.ttl>", "FROM NAMED <http://example.org/g>",
                                    "FROM <https://w3id.org/kneekg/graph/other>"])
def test_analyse_refuses_unserved_graphs(clause):
    with pytest.raises(QueryRefused, match="not served") as err:
        analyse(f"SELECT * {clause} WHERE {{ ?s ?p ?o }}")
    assert err.value.kind == "refused"


def test_syntax_error_carries_line_and_column():
    error = guard.syntax_error("error at 3:17: expected one of FILTER, SELECT")
    assert (error.line, error.column) == (3, 17)
    assert "line 3, column 17" in str(error)


@pytest.fixture
def local_engine(mini_store):
    return Engine(mini_store, workers=0, row_limit=3, cache_size=0)


def test_in_process_engine_caps_rows(local_engine):
    result = local_engine.execute("SELECT * WHERE { ?s ?p ?o }", SOLUTION_FORMATS["json"])
    assert result.truncated and result.count == 3 and result.limit == 3
    parsed = pyoxigraph.parse_query_results(result.body, format=pyoxigraph.QueryResultsFormat.JSON)
    assert len(list(parsed)) == 3


def test_in_process_engine_reports_syntax_position(local_engine):
    with pytest.raises(QuerySyntaxError) as err:
        local_engine.execute("SELECT * WHERE {\n  ?s ?p\n}", SOLUTION_FORMATS["json"])
    assert err.value.line == 3


def test_engine_uses_the_query_dataset(local_engine):
    """FROM narrows the default graph (pyoxigraph's union default would otherwise ignore it)."""
    every = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    total = int(next(iter(local_engine.store.query(every)))["n"].value)
    facts = local_engine.execute(f"SELECT (COUNT(*) AS ?n) FROM <{KGG}facts> WHERE {{ ?s ?p ?o }}",
                                 SOLUTION_FORMATS["csv"])
    count = int(facts.body.decode().split()[1])
    assert 0 < count < total


class RemoteLikeStore:
    """A store that is not embedded pyoxigraph (as the remote backend): evaluated in process."""

    description = "remote-like"

    def __init__(self, inner):
        self.inner = inner
        self.calls = 0

    def query(self, sparql, **kwargs):
        self.calls += 1
        return self.inner.query(sparql, **kwargs)


def test_engine_runs_other_stores_in_process_and_caches(mini_store):
    store = RemoteLikeStore(mini_store)
    engine = Engine(store, cache_size=8)
    assert not engine.isolated
    for _ in range(3):
        result = engine.execute("ASK { ?s ?p ?o }", SOLUTION_FORMATS["xml"])
    assert store.calls == 1  # the graph is immutable while served: the second and third come from the cache
    assert pyoxigraph.parse_query_results(result.body, format=pyoxigraph.QueryResultsFormat.XML)


def test_pool_kills_a_runaway_query_and_keeps_serving(real_store):
    workers = pool.WorkerPool(real_store, 2)
    try:
        pids = set(workers.pids())
        job = Engine(real_store, cache_size=0).prepare(CARTESIAN, SOLUTION_FORMATS["json"])
        with pytest.raises(QueryTimeout, match="time limit"):
            workers.run(job, timeout=1.0)
        assert len(workers._all) == 2
        assert set(workers.pids()) != pids  # the runaway worker was replaced
        small = Engine(real_store, cache_size=0).prepare("ASK { ?s ?p ?o }", SOLUTION_FORMATS["json"])
        for _ in range(3):  # both workers answer
            assert b'"boolean":true' in workers.run(small, timeout=10).body
    finally:
        workers.close()


def test_a_query_in_a_process_is_watched_and_stopped_when_its_client_leaves(real_store):
    """The engine asks the web view's ``watch`` for a disconnect test only for a query it sends to a process."""
    from kg.sparql.errors import QueryCancelled

    engine = Engine(real_store, workers=1, cache_size=0, timeout=20.0)
    try:
        watched = []

        def watch():
            watched.append(True)
            return lambda: True  # the client has left

        job = engine.prepare(CARTESIAN, SOLUTION_FORMATS["json"])
        assert not job.inline
        with pytest.raises(QueryCancelled):
            engine.run(job, client="client", watch=watch)
        assert watched == [True]
    finally:
        engine.close()


def test_graph_results_in_every_format(real_store):
    engine = Engine(real_store, workers=0, cache_size=0, row_limit=None)
    for fmt in GRAPH_FORMATS.values():
        result = engine.execute("DESCRIBE <https://w3id.org/kneekg/id/caffeine>", fmt)
        assert result.count > 0 and result.body


def test_workers_do_not_hold_the_parents_connections(mini_store):
    """A connection the server closes must end for its client, even after a query worker was forked."""
    import socket

    ours, theirs = socket.socketpair()
    workers = pool.WorkerPool(mini_store, 1)
    try:
        ours.close()
        theirs.settimeout(30)
        assert theirs.recv(1) == b""  # EOF: no forked worker keeps our end open
    finally:
        theirs.close()
        workers.close()


class SessionStore:
    """A store that holds connections made in the server process and lets them go in a forked one, as the remote
    store does with its per-process HTTP session: the objects that owned them close their descriptors there.

    In a query process every socket and pipe the server process had open when the store was made is closed
    by number, as those objects' finalisers would close them (a replaced session, garbage the server process
    had not yet collected, collected in the query process). Its own connections come first, so no free number
    lies below them.
    """

    isolated = True

    def __init__(self, inner):
        import os
        import socket
        import stat

        self.inner = inner
        self.connections = [socket.socketpair() for _ in range(4)]  # keep-alive connections, say
        self.pid = os.getpid()
        self.owned = []
        for name in os.listdir("/proc/self/fd"):
            try:
                mode = os.fstat(int(name)).st_mode
            except OSError:
                continue
            if int(name) > 2 and (stat.S_ISSOCK(mode) or stat.S_ISFIFO(mode)):
                self.owned.append(int(name))

    def query(self, sparql, **kwargs):
        import os

        if os.getpid() != self.pid:  # a forked process: what the server process's objects owned is closed here
            self.pid = os.getpid()
            for fd in self.owned:
                try:
                    os.close(fd)
                except OSError:
                    pass
        return self.inner.query(sparql, **kwargs)

    def close(self):
        for pair in self.connections:
            for end in pair:
                end.close()


def test_a_query_process_survives_what_it_inherited_closing_its_descriptors(mini_store):
    """A cheap query must not be 'crashed' because an inherited object closed a number that now is the query
    process's channel (a 500, 'the query stopped two query processes in a row', in remote mode under load)."""
    store = SessionStore(mini_store)
    workers = pool.WorkerPool(store, 2)
    try:
        job = Engine(mini_store, cache_size=0).prepare("ASK { ?s ?p ?o }", SOLUTION_FORMATS["json"])
        for _ in range(4):  # each process answers, and answers again
            assert b'"boolean":true' in workers.run(job, timeout=30).body
    finally:
        workers.close()
        store.close()


def test_a_named_querys_kept_rows_are_written_as_its_evaluated_rows_and_not_cached(real_store):
    """A one-parameter ``computed: once`` named query bound to a value: the engine writes the rows the store keeps for
    it (kg.store.once) in the negotiated format — the bytes its evaluated rows give — and keeps nothing in its cache."""
    import dataclasses

    from kg.sparql.registry import registry
    from kg.sparql.results import serialise

    engine = Engine(real_store, workers=0)
    text = registry()["neighbourhood"].with_values({"entity": "kg:dehydration"})
    for name in ("json", "xml", "csv", "tsv"):
        job = engine.prepare(text, SOLUTION_FORMATS[name])
        assert job.inline and job.rows_at_most is None  # a named query, proven cheap
        assert pool.kept_rows(real_store, job).startswith(b"?entity\t")
        rows = real_store.evaluate(job.sparql, substitutions=dict(job.substitutions))
        expected = serialise(rows, SOLUTION_FORMATS[name], job.row_limit, trusted=True)
        got = engine.run(job)
        assert (got.body, got.count, got.truncated) == (expected.body, expected.count, False) and got.count > 5
    assert engine._cache.keys() == []
    # Rows are kept only for the served graphs as they are, on a store that keeps them: anything else is evaluated.
    assert pool.kept_rows(real_store, dataclasses.replace(job, default_graph=(KGG + "facts",))) is None
    assert pool.kept_rows(real_store, dataclasses.replace(job, substitutions=())) is None
    assert pool.kept_rows(RemoteLikeStore(real_store), job) is None


def test_kept_rows_are_cut_at_the_row_cap_and_say_so(real_store):
    from kg.sparql.registry import registry

    engine = Engine(real_store, workers=0, row_limit=3)
    job = engine.prepare(registry()["neighbourhood"].with_values({"entity": "kg:dehydration"}), SOLUTION_FORMATS["json"])
    result = engine.run(job)
    assert (result.count, result.truncated, result.limit) == (3, True, 3)
    assert b'"truncated":true' in result.body.replace(b" ", b"")
