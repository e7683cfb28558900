"""RemoteStore: the GraphStore over the SPARQL 1.1 Protocol answers like the embedded store (real Virtuoso and Oxigraph servers)."""

from __future__ import annotations

import socket

import pyoxigraph
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.sparql import registry as queries
from kg.sparql.text import values_clause, with_values
from kg.store.http import redact_url
from kg.store.remote import RemoteError, RemoteStore
from kg.store.rewrite import boolean_variables, split_order, substitute, where_brace

IRI = pyoxigraph.NamedNode("https://w3id.org/kneekg/id/dehydration")


@pytest.mark.parametrize("sparql,form,expected", [
    ("SELECT ?x WHERE { ?x ?p ?o }", "SELECT", "{ ?x ?p ?o }"),
    ("SELECT ?x { ?x ?p ?o }", "SELECT", "{ ?x ?p ?o }"),
    ('PREFIX a: <http://x/> SELECT ("{" AS ?b) # { not this\n WHERE { ?x a:p ?o }', "SELECT", "{ ?x a:p ?o }"),
    ("CONSTRUCT { ?x ?p ?o } WHERE { ?x <urn:p> ?o }", "CONSTRUCT", "{ ?x <urn:p> ?o }"),
    ("CONSTRUCT { ?x ?p ?o } { ?x <urn:p> ?o }", "CONSTRUCT", "{ ?x <urn:p> ?o }"),
    ("ASK { ?x ?p ?o }", "ASK", "{ ?x ?p ?o }"),
    ("PREFIX kgo: <https://w3id.org/kneekg/ontology/> SELECT * WHERE { ?x kgo:where ?y }", "SELECT",
     "{ ?x kgo:where ?y }"),
])
def test_where_brace_finds_the_pattern_group(sparql, form, expected):
    assert sparql[where_brace(sparql, form):] == expected


def test_substitute_writes_terms_in_the_pattern_and_binds_them():
    sparql = 'SELECT ?entity ?label WHERE { ?entity ?p ?label FILTER(?entity != <urn:x>) } ORDER BY ?entity'
    text = substitute(sparql, "SELECT", {"entity": IRI})
    assert text == ('SELECT ?entity ?label WHERE { <https://w3id.org/kneekg/id/dehydration> ?p ?label '
                    'FILTER(<https://w3id.org/kneekg/id/dehydration> != <urn:x>)  VALUES ?entity '
                    '{ <https://w3id.org/kneekg/id/dehydration> } } ORDER BY ?entity')
    with pytest.raises(ValueError):
        substitute("SELECT ?y WHERE { BIND(1 AS ?entity) }", "SELECT", {"entity": IRI})
    with pytest.raises(ValueError):
        substitute("SELECT ?y WHERE { { SELECT ?entity WHERE { ?entity ?p ?y } } }", "SELECT", {"entity": IRI})


def test_split_order_separates_the_solution_modifiers():
    sparql = "PREFIX a: <urn:a#> SELECT DISTINCT ?x WHERE { ?x a:p ?y } ORDER BY ?y LIMIT 3"
    prologue, unordered, order = split_order(sparql)
    assert prologue == "PREFIX a: <urn:a#> "
    assert unordered == "PREFIX a: <urn:a#> SELECT DISTINCT ?x WHERE { ?x a:p ?y } "
    assert order == "ORDER BY ?y LIMIT 3"
    with pytest.raises(ValueError):
        split_order("SELECT ?x WHERE { ?x ?p ?y }")


@pytest.mark.parametrize("sparql,expected", [
    ("SELECT ?a (NOT EXISTS { ?a ?b ?c } AS ?flag) WHERE { ?a ?b ?c }", {"flag"}),
    ("SELECT * WHERE { ?a ?b ?c BIND(?a = ?c AS ?same) BIND(STR(?a) AS ?text) BIND(BOUND(?c) AS ?bound) }",
     {"same", "bound"}),
    ("SELECT (COUNT(*) AS ?n) (\"a=b\" AS ?s) WHERE { ?a ?b ?c }", set()),
])
def test_boolean_variables(sparql, expected):
    assert boolean_variables(sparql) == expected


def test_values_block_uses_term_syntax_not_raw_text():
    hostile = pyoxigraph.Literal('x" } } DROP ALL ; SELECT * { "')
    block = values_clause(["entity", "text"], [[IRI, hostile]])
    assert block.strip() == ('VALUES (?entity ?text) { (<https://w3id.org/kneekg/id/dehydration> '
                             '"x\\" } } DROP ALL ; SELECT * { \\"") }')
    with pytest.raises(ValueError):
        values_clause(["x"], [[pyoxigraph.BlankNode("b0")]])
    with pytest.raises(ValueError):
        values_clause(["x y"], [[IRI]])


def test_bound_query_still_parses():
    text = with_values("SELECT ?entity ?label WHERE { ?entity <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }",
                       {"entity": IRI})
    pyoxigraph.Store().query(text)  # raises SyntaxError if not valid SPARQL


def test_redaction():
    assert "secret" not in redact_url("https://user:secret@example.org/sparql")
    assert "secret" not in repr(RemoteStore("https://user:secret@example.org/sparql"))
    assert "secret" not in RemoteStore("https://user:secret@example.org/sparql").description


def test_unreachable_endpoint_raises_remote_error():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    store = RemoteStore(f"http://u:pw@127.0.0.1:{port}/sparql", timeout=5)
    with pytest.raises(RemoteError) as info:
        store.query("ASK {}")
    assert "cannot reach" in str(info.value) and "pw" not in str(info.value)


# --- against the real servers (Virtuoso, the Oxigraph server), compared with the embedded store -------

REMOTES = ["virtuoso", "oxigraph"]


@pytest.fixture(params=REMOTES)
def remote_mini(request):
    """A ``RemoteStore`` on the mini graph: in the session Virtuoso (pushed), or in an Oxigraph server."""
    return request.getfixturevalue(f"{request.param}_mini")


def rows(result) -> list[tuple]:
    """Solutions as sorted tuples of N-Triples terms (blank node labels differ between stores)."""
    variables = [v.value for v in result.variables]
    out = []
    for solution in result:
        out.append(tuple("_:b" if isinstance(solution[v], pyoxigraph.BlankNode) else
                         (str(solution[v]) if solution[v] is not None else None) for v in variables))
    return sorted(out, key=lambda r: tuple("" if x is None else x for x in r))


@pytest.mark.parametrize("name", sorted(q.name for q in queries.registry()))
def test_named_queries_agree_with_the_embedded_store(remote_mini, mini_store, name):
    query = queries.registry()[name]
    embedded = queries.run(mini_store, query, query.example_values())
    remote = queries.run(remote_mini, query, query.example_values())
    if isinstance(embedded, pyoxigraph.QueryBoolean):
        assert bool(remote) == bool(embedded)
    elif isinstance(embedded, pyoxigraph.QueryTriples):
        assert sorted(map(str, remote)) == sorted(map(str, embedded))
    else:
        assert [v.value for v in remote.variables] == [v.value for v in embedded.variables]
        assert rows(remote) == rows(embedded)


@pytest.fixture(scope="module", params=REMOTES)
def release_remote(request):
    """A server bulk-loaded with the release graph: the session's second Virtuoso, or an Oxigraph server."""
    return request.getfixturevalue(f"{request.param}_release")


@pytest.mark.parametrize("name", sorted(q.name for q in queries.registry()))
def test_named_queries_on_the_release_graph_agree(release_remote, real_store, name):
    """Same rows, in the same order where the query orders them, on the real data."""
    query = queries.registry()[name]
    embedded = queries.run(real_store, query, query.example_values())
    remote = queries.run(release_remote, query, query.example_values())
    if isinstance(embedded, pyoxigraph.QueryBoolean):
        assert bool(remote) == bool(embedded)
        return
    if isinstance(embedded, pyoxigraph.QueryTriples):
        assert sorted(map(str, remote)) == sorted(map(str, embedded))
        return
    expected, got = ordered_rows(embedded), ordered_rows(remote)
    assert sorted(got, key=_key) == sorted(expected, key=_key)
    if "ORDER BY" in query.sparql:
        assert got == expected


def ordered_rows(result) -> list[tuple]:
    variables = [v.value for v in result.variables]
    return [tuple("_:b" if isinstance(s[v], pyoxigraph.BlankNode) else (str(s[v]) if s[v] is not None else None)
                  for v in variables) for s in result]


def _key(row):
    return tuple("" if x is None else x for x in row)


def test_default_graph_is_the_union_of_the_four_graphs(remote_mini, mini_store):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    remote = next(iter(remote_mini.query(count)))["n"]
    assert remote == next(iter(mini_store.query(count)))["n"]
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert rows(remote_mini.query(graphs)) == rows(mini_store.query(graphs))
    one = ["https://w3id.org/kneekg/graph/facts"]
    assert next(iter(remote_mini.query(count, default_graph=one)))["n"] == \
        next(iter(mini_store.query(count, default_graph=one)))["n"]


def test_construct_ask_and_types(remote_mini, mini_store):
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://w3id.org/kneekg/graph/facts> { ?s ?p ?o } }"
    remote = remote_mini.query(construct)
    assert isinstance(remote, pyoxigraph.QueryTriples)
    assert sorted(map(str, remote)) == sorted(map(str, mini_store.query(construct)))
    ask = "ASK { ?s ?p ?o }"
    assert isinstance(remote_mini.query(ask), pyoxigraph.QueryBoolean) and bool(remote_mini.query(ask))
    select = remote_mini.query("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")
    assert isinstance(select, pyoxigraph.QuerySolutions)
    assert select.serialize(format=pyoxigraph.QueryResultsFormat.JSON)


def test_substitutions_bind_like_pyoxigraph(remote_mini, mini_store):
    sparql = ("PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
              "SELECT ?entity ?label WHERE { ?entity skos:prefLabel ?label }")
    for term in (pyoxigraph.NamedNode("https://w3id.org/kneekg/id/knee-muscle-spasm"),
                 pyoxigraph.NamedNode("https://w3id.org/kneekg/id/no-such-thing")):
        subs = {"entity": term}
        assert rows(remote_mini.query(sparql, substitutions=subs)) == rows(mini_store.query(sparql, substitutions=subs))


def test_syntax_errors_are_the_embedded_stores(remote_mini, mini_store):
    bad = "SELECT ?x WHERE { ?x ?p }"
    with pytest.raises(SyntaxError) as embedded:
        mini_store.query(bad)
    with pytest.raises(SyntaxError) as remote:
        remote_mini.query(bad)
    assert str(remote.value) == str(embedded.value)


def test_sparql_endpoint_reports_an_unreachable_backend_as_502():
    from webapp import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = create_app({"TESTING": True, "SPARQL_ENDPOINT": f"http://user:secret@127.0.0.1:{port}/sparql"})
    response = app.test_client().get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"},
                                     headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 502
    assert "cannot reach" in response.get_data(as_text=True) and "secret" not in response.get_data(as_text=True)


def test_a_silent_backend_times_out_as_503():
    """A server that accepts connections but never answers: the query time limit applies (1 s here)."""
    from webapp import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        port = sock.getsockname()[1]
        app = create_app({"TESTING": True, "SPARQL_ENDPOINT": f"http://127.0.0.1:{port}/sparql", "QUERY_TIMEOUT": 1})
        response = app.test_client().get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"},
                                         headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 503
    # the store's own deadline or the query process's time limit, whichever ends it first: both say so
    assert "time limit" in response.get_data(as_text=True)


def test_challenge_auth_answers_a_basic_challenge():
    """Servers that ask for Basic (Fuseki, GraphDB) get Basic; the password never appears in the URL."""
    import base64
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    import requests

    from kg.store.remote import ChallengeAuth

    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's naming
            seen.append((self.path, self.headers.get("Authorization")))
            expected = "Basic " + base64.b64encode(b"alice:s3cret").decode()
            if self.headers.get("Authorization") != expected:
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="test"')
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = b"ok"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        session = requests.Session()
        session.auth = ChallengeAuth("alice", "s3cret")
        response = session.get(f"http://127.0.0.1:{server.server_address[1]}/data", timeout=10)
        assert response.status_code == 200 and response.text == "ok"
        assert seen[0][1] is None and seen[-1][1].startswith("Basic ")
        assert all("s3cret" not in path for path, _ in seen)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_serve_endpoint_option_selects_the_remote_backend(monkeypatch):
    """`kneekg serve --endpoint URL` hands SPARQL_ENDPOINT to the app factory (gunicorn itself not started)."""
    from click.testing import CliRunner

    import webapp.server
    from cli.main import main

    seen = {}
    monkeypatch.setattr(webapp.server, "run", lambda **kwargs: seen.update(kwargs))
    result = CliRunner().invoke(main, ["serve", "--endpoint", "http://127.0.0.1:8890/sparql", "--port", "5099"])
    assert result.exit_code == 0, result.output
    assert seen["config"] == {"SPARQL_ENDPOINT": "http://127.0.0.1:8890/sparql"} and seen["port"] == 5099
    from webapp import create_app

    app = create_app({"TESTING": True, **seen["config"]})
    assert isinstance(app.extensions["kg_store"], RemoteStore)


@pytest.mark.parametrize("query", [
    "DESCRIBE <https://w3id.org/kneekg/id/dehydration>",
    "DESCRIBE <https://w3id.org/kneekg/ontology/Cause>",  # blank nodes: the OWL restriction
    "PREFIX kg: <https://w3id.org/kneekg/id/> DESCRIBE ?x WHERE { ?x ?p kg:dehydration }",
])
def test_describe_is_the_embedded_stores(release_remote, real_store, query):
    """DESCRIBE is left to each server by the spec; the remote backend answers it as pyoxigraph does."""
    def graph(result) -> Graph:
        return Graph().parse(data=pyoxigraph.serialize(list(result), format=pyoxigraph.RdfFormat.N_TRIPLES),
                             format="nt")

    expected = graph(real_store.query(query))
    assert len(expected) > 0
    assert isomorphic(graph(release_remote.query(query)), expected)


@pytest.mark.parametrize("url", ["/", "/export", "/id/dehydration"])
def test_pages_on_an_unreachable_backend_say_so(url):
    from webapp import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = create_app({"TESTING": True, "SPARQL_ENDPOINT": f"http://u:secret@127.0.0.1:{port}/sparql"})
    response = app.test_client().get(url)
    assert response.status_code == 502
    assert "could not answer" in response.get_data(as_text=True)
    assert "secret" not in response.get_data(as_text=True)


def test_remote_store_authenticates_with_credentials_in_the_url(virtuoso, virtuoso_mini):
    """``KG_SPARQL_ENDPOINT=http://user:pass@host/sparql-auth``: Digest auth answered; a wrong password is a 401 error."""
    host = virtuoso.sparql_auth.split("://", 1)[1]
    store = RemoteStore(f"http://{virtuoso.user}:{virtuoso.password}@{host}", timeout=30)
    assert bool(store.query("ASK { ?s ?p ?o }"))
    assert virtuoso.password not in store.description
    wrong = RemoteStore(f"http://{virtuoso.user}:wrong-password-7@{host}", timeout=30)
    with pytest.raises(RemoteError) as info:
        wrong.query("ASK { ?s ?p ?o }")
    assert info.value.remote_status == 401 and "wrong-password-7" not in str(info.value)
