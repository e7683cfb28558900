"""A ``GraphStore`` over the SPARQL 1.1 Protocol, so the app can run on a real triplestore.

``RemoteStore.query`` has the embedded store's signature and returns the same pyoxigraph
types, so no page, API or question can tell the backends apart:

* the query is first parsed locally by pyoxigraph (on an empty store), so a malformed query
  raises the same ``SyntaxError`` with the same position as on the embedded store, and the
  query form (SELECT/ASK/CONSTRUCT/DESCRIBE) is known before anything is sent;
* ``substitutions`` become a ``VALUES`` block at the start of the outermost ``WHERE`` group,
  written from the terms' N-Triples form (``str(term)``) — never from raw user text — which
  binds them like pyoxigraph's own substitutions;
* the default graph is the union of the project's named graphs (one ``default-graph-uri``
  per graph; a store's own system graphs, such as Virtuoso's, stay out), and ``GRAPH ?g``
  sees those named graphs;
* results are parsed with ``pyoxigraph.parse_query_results`` / ``pyoxigraph.parse``.
"""

from __future__ import annotations

import json
import re
import time
from urllib.parse import urlsplit, urlunsplit

import pyoxigraph
import requests
from pyoxigraph import QueryBoolean, QueryResultsFormat, QueryTriples, RdfFormat

from .namespaces import NAMED_GRAPHS
from .store import QueryResult, Term

SELECT_MEDIA = "application/sparql-results+json"
GRAPH_MEDIA = "application/n-triples"
XSD = "http://www.w3.org/2001/XMLSchema#"


class RemoteError(RuntimeError):
    """The remote endpoint could not answer (unreachable, refused, timed out, bad reply)."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


def redact_url(url: str) -> str:
    """Drop the user and password from a URL, so it can be shown or logged.

    >>> redact_url("http://dba:secret@127.0.0.1:8890/sparql")
    'http://***@127.0.0.1:8890/sparql'
    >>> redact_url("http://example.org/sparql")
    'http://example.org/sparql'
    """
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, "***@" + host, parts.path, parts.query, parts.fragment))


def split_credentials(url: str) -> tuple[str, str | None, str | None]:
    """Return ``url`` without its userinfo, and the user and password it carried."""
    parts = urlsplit(url)
    if parts.username is None:
        return url, None, None
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    bare = urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    from urllib.parse import unquote
    return bare, unquote(parts.username), unquote(parts.password) if parts.password is not None else None


class ChallengeAuth(requests.auth.AuthBase):
    """HTTP auth that answers the server's challenge: Digest (Virtuoso's ``*-auth`` endpoints) or Basic."""

    def __init__(self, user: str, password: str):
        self.user = user
        self.password = password
        self._digest = requests.auth.HTTPDigestAuth(user, password)
        self._scheme: str | None = None

    def __call__(self, request):
        if self._scheme == "digest":
            return self._digest(request)
        if self._scheme == "basic":
            return requests.auth.HTTPBasicAuth(self.user, self.password)(request)
        request.register_hook("response", self._on_response)
        return request

    def _on_response(self, response, **kwargs):
        if response.status_code != 401 or self._scheme is not None:
            return response
        challenge = response.headers.get("www-authenticate", "").lower()
        self._scheme = "digest" if "digest" in challenge else "basic"
        response.content  # drain, so the connection can be reused
        response.close()
        request = response.request.copy()
        if self._scheme == "digest":
            # Let the digest handler see the challenge and answer it.
            self._digest.init_per_thread_state()
            self._digest._thread_local.num_401_calls = 1
            self._digest._thread_local.pos = None
            self._digest._thread_local.chal = requests.utils.parse_dict_header(
                response.headers["www-authenticate"].split(" ", 1)[1])
            request.headers["Authorization"] = self._digest.build_digest_header(request.method, request.url)
        else:
            requests.auth.HTTPBasicAuth(self.user, self.password)(request)
        new = response.connection.send(request, **kwargs)
        new.history.append(response)
        new.request = request
        return new


def server_message(response: requests.Response, limit: int = 200) -> str:
    """The first meaningful line of an error body (HTML tags dropped), shortened."""
    text = response.text if response.content else ""
    text = re.sub(r"<[^>]+>", " ", text)
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            return line[:limit] + ("…" if len(line) > limit else "")
    return response.reason or ""


# --- where to put the VALUES block ------------------------------------------------------------

_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_STRINGS = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                      r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', re.DOTALL)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def _tokens(sparql: str):
    """Yield ``(position, token)`` for braces and keywords, skipping strings, IRIs and comments."""
    i, n = 0, len(sparql)
    while i < n:
        c = sparql[i]
        if c == "#":
            end = sparql.find("\n", i)
            i = n if end < 0 else end + 1
        elif c in "\"'":
            m = _STRINGS.match(sparql, i)
            i = m.end() if m else i + 1
        elif c == "<":
            m = _IRIREF.match(sparql, i)
            i = m.end() if m else i + 1
        elif c in "{}":
            yield i, c
            i += 1
        elif c in "?$":
            m = _WORD.match(sparql, i + 1)
            i = m.end() if m else i + 1
        elif c.isalpha():
            m = _WORD.match(sparql, i)
            word = m.group(0)
            # a prefixed name (``kgo:causes``) is not a keyword
            end = m.end()
            if end < n and sparql[end] == ":":
                m2 = re.compile(r":[^\s{}()<>,;]*").match(sparql, end)
                i = m2.end()
                continue
            yield i, word.upper()
            i = end
        else:
            i += 1


def where_brace(sparql: str, form: str) -> int:
    """Return the index of the ``{`` that opens the query's outermost WHERE group."""
    skip_template = form == "CONSTRUCT"
    depth = 0
    previous = None
    for pos, token in _tokens(sparql):
        if token == "{":
            if depth == 0:
                if skip_template and previous != "WHERE":
                    skip_template = False  # the CONSTRUCT template; the pattern follows it
                else:
                    return pos
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0:
            previous = token
    raise ValueError("no WHERE group in the query")


def values_block(substitutions: dict[str, Term]) -> str:
    """``VALUES (?a ?b) { (<iri> "text") }`` from already-built RDF terms (their N-Triples form)."""
    names, cells = [], []
    for name, term in substitutions.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ValueError(f"not a SPARQL variable name: {name!r}")
        if not isinstance(term, (pyoxigraph.NamedNode, pyoxigraph.Literal)):
            raise ValueError(f"only IRIs and literals can be bound remotely, not {term!r}")
        names.append("?" + name)
        cells.append(str(term))
    return f" VALUES ({' '.join(names)}) {{ ({' '.join(cells)}) }} "


def bind_values(sparql: str, form: str, substitutions: dict[str, Term] | None) -> str:
    """Insert the VALUES block for ``substitutions`` at the start of the WHERE group."""
    if not substitutions:
        return sparql
    try:
        at = where_brace(sparql, form) + 1
    except ValueError:
        if form != "DESCRIBE":
            raise
        return sparql + " WHERE {" + values_block(substitutions) + "}"  # DESCRIBE ?x, no pattern
    return sparql[:at] + values_block(substitutions) + sparql[at:]


# --- normalising what a server returns --------------------------------------------------------

def _normal_bnode(value: str) -> str:
    """Virtuoso names blank nodes ``nodeID://b10003``; pyoxigraph wants a plain label."""
    return re.sub(r"[^A-Za-z0-9_]", "_", value.removeprefix("nodeID://").removeprefix("_:")) or "b"


def _normal_json(data: bytes) -> bytes:
    """Rewrite a SPARQL JSON result into the form pyoxigraph reads, the same terms as the embedded store."""
    doc = json.loads(data)
    for row in doc.get("results", {}).get("bindings", []):
        for value in row.values():
            kind = value.get("type")
            if kind == "bnode":
                value["value"] = _normal_bnode(value["value"])
            elif kind == "typed-literal":
                value["type"] = "literal"
            if value.get("type") == "literal" and value.get("datatype") == XSD + "string":
                del value["datatype"]  # a simple literal is an xsd:string in RDF 1.1
    doc.get("head", {}).pop("link", None)
    return json.dumps(doc).encode("utf-8")


def _as_query_triples(triples) -> QueryTriples:
    """Wrap parsed triples in a real ``pyoxigraph.QueryTriples`` (via a throw-away store)."""
    scratch = pyoxigraph.Store()
    scratch.extend(pyoxigraph.Quad(t.subject, t.predicate, t.object, pyoxigraph.DefaultGraph()) for t in triples)
    return scratch.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")


class RemoteStore:
    """A SPARQL 1.1 Protocol endpoint (Virtuoso, Fuseki, GraphDB, Oxigraph server …) as a ``GraphStore``."""

    def __init__(self, endpoint: str, *, timeout: float = 10.0, user: str | None = None,
                 password: str | None = None, graphs: tuple[str, ...] | None = None):
        bare, url_user, url_password = split_credentials(endpoint)
        self.endpoint = bare
        self.timeout = timeout
        self.graphs = [str(g) for g in (graphs or NAMED_GRAPHS)]
        self.description = f"remote SPARQL endpoint ({redact_url(bare)})"
        self.loaded_at = time.time()
        self._session = requests.Session()
        user, password = user or url_user, password if password is not None else url_password
        if user:
            self._session.auth = ChallengeAuth(user, password or "")
        self._parser = pyoxigraph.Store()  # empty: parses queries exactly as the embedded store does

    def __repr__(self) -> str:
        return f"RemoteStore({redact_url(self.endpoint)!r})"

    def _form(self, sparql: str, substitutions: dict[str, Term] | None) -> str:
        subs = {pyoxigraph.Variable(k): v for k, v in (substitutions or {}).items()}
        probe = self._parser.query(sparql, substitutions=subs or None, use_default_graph_as_union=True)
        if isinstance(probe, QueryBoolean):
            return "ASK"
        if isinstance(probe, QueryTriples):
            first = next((t for _, t in _tokens(sparql) if t in ("CONSTRUCT", "DESCRIBE")), "CONSTRUCT")
            return first
        return "SELECT"

    def query(self, sparql: str, *, substitutions: dict[str, Term] | None = None,
              default_graph: list[str] | None = None, named_graphs: list[str] | None = None) -> QueryResult:
        form = self._form(sparql, substitutions)  # raises SyntaxError like the embedded store
        text = bind_values(sparql, form, substitutions)
        params = [("query", text)]
        params += [("default-graph-uri", g) for g in (default_graph if default_graph is not None else self.graphs)]
        params += [("named-graph-uri", g) for g in (named_graphs if named_graphs is not None else self.graphs)]
        accept = GRAPH_MEDIA if form in ("CONSTRUCT", "DESCRIBE") else SELECT_MEDIA
        response = self._post(params, accept)
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if form in ("CONSTRUCT", "DESCRIBE"):
            fmt = RdfFormat.from_media_type(media) or RdfFormat.N_TRIPLES
            return _as_query_triples(pyoxigraph.parse(response.content, format=fmt))
        if media in ("application/sparql-results+json", "application/json", ""):
            return pyoxigraph.parse_query_results(_normal_json(response.content), format=QueryResultsFormat.JSON)
        fmt = QueryResultsFormat.from_media_type(media)
        return pyoxigraph.parse_query_results(response.content, format=fmt)

    def _post(self, params: list[tuple[str, str]], accept: str) -> requests.Response:
        where = redact_url(self.endpoint)
        try:
            response = self._session.post(self.endpoint, data=params, timeout=self.timeout,
                                          headers={"Accept": accept})
        except requests.Timeout:
            raise TimeoutError(f"the SPARQL endpoint {where} did not answer within {self.timeout:g} s") from None
        except requests.RequestException as exc:
            raise RemoteError(f"cannot reach the SPARQL endpoint {where}: {type(exc).__name__}") from None
        if response.status_code >= 400:
            raise RemoteError(f"the SPARQL endpoint {where} answered HTTP {response.status_code}: "
                              f"{server_message(response)}", response.status_code)
        return response


__all__ = ["RemoteStore", "RemoteError", "redact_url", "split_credentials", "bind_values", "where_brace"]
