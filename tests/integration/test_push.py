"""`kneekg push` into a real Virtuoso: Graph Store Protocol and SPARQL Update, read back, error paths."""

from __future__ import annotations

import socket

import pyoxigraph
import pytest
import requests
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from kg import paths
from cli.main import main
from kg.namespaces import NAMED_GRAPHS


@pytest.fixture(scope="module")
def mini_nq(mini_build, tmp_path_factory):
    path = tmp_path_factory.mktemp("push") / "graph.nq"
    path.write_bytes(mini_build.files[paths.GRAPH_NQ])
    return path


def source_graph(path, graph: str | None) -> Graph:
    """One named graph of an N-Quads file (or the union of all) as an rdflib graph."""
    triples = [q.triple for q in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS)
               if graph is None or q.graph_name.value == graph]
    return to_rdflib(pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES))


def to_rdflib(nt: bytes) -> Graph:
    g = Graph()
    g.parse(data=nt.decode("utf-8"), format="nt")
    return g


def remote_graph(virtuoso, graph: str) -> Graph:
    """Read one graph back from Virtuoso's SPARQL endpoint."""
    response = requests.post(virtuoso.sparql, timeout=30, headers={"Accept": "application/n-triples"},
                             data={"query": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"})
    response.raise_for_status()
    return to_rdflib(response.content)


def remote_count(virtuoso, graph: str) -> int:
    response = requests.post(virtuoso.sparql, timeout=30, headers={"Accept": "application/sparql-results+json"},
                             data={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"})
    response.raise_for_status()
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def update(virtuoso, sparql: str) -> None:
    from kg.store.http import ChallengeAuth

    response = requests.post(virtuoso.sparql_auth, data={"update": sparql}, timeout=30,
                             auth=ChallengeAuth(virtuoso.user, virtuoso.password))
    assert response.status_code == 200, response.text


def push(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, ["push", *args], env=env)


@pytest.mark.parametrize("via", ["graph-store", "update"])
def test_push_replaces_each_named_graph_and_reads_back_isomorphic(virtuoso, mini_nq, via):
    other = "urn:test:untouched"
    update(virtuoso, f'INSERT DATA {{ GRAPH <{other}> {{ <urn:a> <urn:b> "kept" }} }}')
    update(virtuoso, f'INSERT DATA {{ GRAPH <{NAMED_GRAPHS[1]}> {{ <urn:stale> <urn:b> "stale" }} }}')
    args = ["--endpoint", virtuoso.sparql_auth, "--input", str(mini_nq)]
    if via == "graph-store":
        args = ["--endpoint", virtuoso.graph_store, "--input", str(mini_nq)]
    result = push(*args, env={"KG_PUSH_USER": virtuoso.user, "KG_PUSH_PASSWORD": virtuoso.password})
    assert result.exit_code == 0, result.output
    expected = {"graph-store": "Graph Store Protocol", "update": "SPARQL Update"}[via]
    assert expected in result.output
    total = sum(len(source_graph(mini_nq, str(g))) for g in NAMED_GRAPHS)
    assert f"pushed {total:,} triples in 4 graph(s)" in result.output
    for graph in NAMED_GRAPHS:
        assert isomorphic(remote_graph(virtuoso, str(graph)), source_graph(mini_nq, str(graph))), graph
    assert remote_count(virtuoso, other) == 1  # only the pushed graphs were replaced


def test_push_union_into_one_graph_by_update(virtuoso, mini_nq):
    target = "urn:test:union"
    result = push("--endpoint", virtuoso.sparql_auth, "--graph", target, "--input", str(mini_nq),
                  "--user", virtuoso.user, "--password", virtuoso.password)
    assert result.exit_code == 0, result.output
    assert isomorphic(remote_graph(virtuoso, target), source_graph(mini_nq, None))
    # Blank-node structures (OWL restrictions) survive the chunked SPARQL Update.
    assert any(isinstance(t, pyoxigraph.BlankNode) for q in pyoxigraph.parse(
        path=str(mini_nq), format=pyoxigraph.RdfFormat.N_QUADS) for t in (q.subject,))


def test_wrong_password_fails_in_one_line_and_changes_nothing(virtuoso, mini_nq):
    target = "urn:test:guarded"
    update(virtuoso, f'INSERT DATA {{ GRAPH <{target}> {{ <urn:a> <urn:b> "before" }} }}')
    secret = "not-the-password-42"
    for endpoint in (virtuoso.graph_store, virtuoso.sparql_auth):
        result = push("--endpoint", endpoint, "--graph", target, "--input", str(mini_nq),
                      "--user", virtuoso.user, "--password", secret)
        assert result.exit_code == 1
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error:"), result.output
        assert "401" in lines[0]
        assert secret not in result.output
    assert remote_count(virtuoso, target) == 1


def test_refusing_endpoint_reports_status_and_server_message(virtuoso, mini_nq):
    """Virtuoso's anonymous /sparql may not update: the error carries its status and message."""
    target = "urn:test:refused"
    update(virtuoso, f'INSERT DATA {{ GRAPH <{target}> {{ <urn:a> <urn:b> "before" }} }}')
    result = push("--endpoint", virtuoso.sparql, "--graph", target, "--input", str(mini_nq))
    assert result.exit_code == 1
    line = result.output.strip()
    assert "\n" not in line and line.startswith("error:")
    assert "HTTP 500" in line and "permission" in line.lower()
    assert remote_count(virtuoso, target) == 1
    leftovers = requests.post(virtuoso.sparql, timeout=30, headers={"Accept": "application/sparql-results+json"},
                              data={"query": 'SELECT ?g WHERE { GRAPH ?g {} FILTER(STRSTARTS(STR(?g), "urn:kneekg:push:")) }'})
    assert leftovers.json()["results"]["bindings"] == []


def test_unreachable_endpoint_hides_credentials(mini_nq):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nothing listens there
    result = push("--endpoint", f"http://someone:hunter2@127.0.0.1:{port}/sparql", "--input", str(mini_nq))
    assert result.exit_code == 1
    line = result.output.strip()
    assert "\n" not in line and "cannot reach" in line
    assert "hunter2" not in result.output and "someone" not in result.output


def test_update_keeps_equal_valued_literals_of_different_datatypes(virtuoso, tmp_path):
    """Virtuoso 7.2 stores the literals of one SPARQL Update request that are equal in value with the first
    one's datatype (openlink/virtuoso-opensource#912): a push sends them in different requests."""
    target = "urn:test:datatypes"
    xsd = "http://www.w3.org/2001/XMLSchema#"
    objects = [f'"1"^^<{xsd}nonNegativeInteger>', f'"true"^^<{xsd}boolean>', f'"1"^^<{xsd}positiveInteger>',
               f'"1"^^<{xsd}int>', f'"false"^^<{xsd}boolean>', f'"0"^^<{xsd}nonNegativeInteger>', '"1"', '"1"@en',
               f'"1"^^<{xsd}integer>']
    nq = "".join(f"<urn:s{i}> <urn:p> {o} <{target}> .\n" for i, o in enumerate(objects))
    path = tmp_path / "datatypes.nq"
    path.write_text(nq)
    result = push("--endpoint", virtuoso.sparql_auth, "--graph", target, "--input", str(path),
                  "--user", virtuoso.user, "--password", virtuoso.password)
    assert result.exit_code == 0, result.output
    assert isomorphic(remote_graph(virtuoso, target), source_graph(path, None))


@pytest.mark.parametrize("via", ["graph-store", "update"])
def test_push_the_release_graph(virtuoso, via):
    """The whole release (thousands of triples, long quotes, OWL blank nodes) survives both ways in."""
    release = paths.RELEASE_DIR / paths.GRAPH_NQ
    target = f"urn:test:release-{via}"
    endpoint = virtuoso.graph_store if via == "graph-store" else virtuoso.sparql_auth
    result = push("--endpoint", endpoint, "--graph", target, "--user", virtuoso.user,
                  "--password", virtuoso.password)
    assert result.exit_code == 0, result.output
    assert isomorphic(remote_graph(virtuoso, target), source_graph(release, None))
