"""A ``GraphStore`` over the SPARQL 1.1 Protocol, so the app can run on a real triplestore.

``RemoteStore.query`` has the embedded store's signature and returns the same pyoxigraph
types, so no page, API or question can tell the backends apart:

* the query is first parsed locally by pyoxigraph (on an empty store), so a malformed query
  raises the same ``SyntaxError`` with the same position as on the embedded store, and the
  query form and projection are known before anything is sent;
* ``substitutions`` are written from the terms' N-Triples form (``str(term)``) — never from raw
  user text — into the WHERE group and bound by a ``VALUES`` block at its end (or, where that
  is not safe, a ``VALUES`` block at its start);
* the dataset always travels as protocol parameters: by default the union of the project's
  named graphs (a store's own system graphs, such as Virtuoso's, stay out), ``FROM`` clauses
  replaced by the caller's dataset as the protocol says;
* results are parsed with ``pyoxigraph.parse_query_results`` / ``pyoxigraph.parse`` after
  normalising what a server spells differently (blank node labels, ``typed-literal``, booleans
  as 1/0, derived integer types), and a SELECT's ``ORDER BY`` is re-applied locally;
* constructs Virtuoso 7 gets wrong are rewritten (zero-length property paths) or worked around
  (ordered queries it cannot compile).
"""

from __future__ import annotations

import json
import os
import re
import time
from urllib.parse import urlsplit, urlunsplit

import pyoxigraph
import requests
from pyoxigraph import QueryBoolean, QueryResultsFormat, QueryTriples, RdfFormat

from kg.sparql.engine import EngineError, QueryTimeout
from kg.namespaces import NAMED_GRAPHS
from kg.store.embedded import QueryResult, Term

SELECT_MEDIA = "application/sparql-results+json"
GRAPH_MEDIA = "application/n-triples"
XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGER_TYPES = {"int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
                 "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte"}
NO_GRAPH = "urn:kneekg:no-graph"  # stands for an empty list of graphs in a protocol request


class RemoteError(EngineError, RuntimeError):
    """The remote endpoint could not answer (unreachable, refused, bad reply): the app answers 502.

    An ``EngineError``, so the SPARQL endpoint reports it like any failed query;
    ``remote_status`` is the HTTP status the server gave, if any.
    """

    status = 502
    kind = "upstream"

    def __init__(self, message: str, remote_status: int | None = None):
        super().__init__(message)
        self.remote_status = remote_status


class RemoteTimeout(QueryTimeout, TimeoutError):
    """The remote endpoint did not answer within the query time limit (503, like an embedded timeout)."""


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


_PNAME_REST = re.compile(r":[^\s{}()<>,;]*")


def _tokens(sparql: str):
    """Yield ``(start, end, token)`` for braces, parentheses, keywords (upper case) and variables (``?name``).

    Strings, IRIs, comments and prefixed names are skipped, so a ``{`` or ``?x`` inside them never counts.
    """
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
        elif c in "{}()":
            yield i, i + 1, c
            i += 1
        elif c in "?$":
            m = _WORD.match(sparql, i + 1)
            if m:
                yield i, m.end(), "?" + m.group(0)
                i = m.end()
            else:
                i += 1
        elif c.isalpha() or c == "_":
            m = _WORD.match(sparql, i)
            end = m.end()
            if end < n and sparql[end] == ":":  # a prefixed name (``kgo:causes``), not a keyword
                i = _PNAME_REST.match(sparql, end).end()
                continue
            if c == "_" and i + 1 < n and sparql[i + 1] == ":":
                i = _PNAME_REST.match(sparql, i + 1).end()
                continue
            yield i, end, m.group(0).upper()
            i = end
        elif c == ":":
            i = _PNAME_REST.match(sparql, i).end()  # a name in the default prefix
        else:
            i += 1


def _where_group(sparql: str, form: str) -> tuple[int, int]:
    """Token indexes of the ``{`` and ``}`` around the query's outermost WHERE group."""
    tokens = list(_tokens(sparql))
    skip_template = form == "CONSTRUCT"
    depth = 0
    previous = None
    opening = None
    for index, (_, _, token) in enumerate(tokens):
        if token == "{":
            if depth == 0 and opening is None:
                if skip_template and previous != "WHERE":
                    skip_template = False  # the CONSTRUCT template; the pattern follows it
                else:
                    opening = index
            depth += 1
        elif token == "}":
            depth -= 1
            if depth == 0 and opening is not None:
                return opening, index
        elif depth == 0:
            previous = token
    raise ValueError("no WHERE group in the query")


def where_brace(sparql: str, form: str) -> int:
    """Return the index of the ``{`` that opens the query's outermost WHERE group."""
    opening, _ = _where_group(sparql, form)
    return list(_tokens(sparql))[opening][0]


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


_DATASET_CLAUSE = re.compile(r"FROM\s+(?:NAMED\s+)?(?:<[^<>\s]*>|[A-Za-z_][\w.-]*:[^\s{}]*|:[^\s{}]*)", re.IGNORECASE)


def strip_dataset(sparql: str, form: str) -> str:
    """Remove ``FROM`` / ``FROM NAMED`` clauses: the protocol's dataset replaces them (SPARQL 1.1 Protocol §2.1.4).

    Virtuoso would otherwise merge the two.
    """
    try:
        opening, _ = _where_group(sparql, form)
    except ValueError:
        return sparql
    tokens = list(_tokens(sparql))
    out, last = [], 0
    for start, _, token in tokens[:opening]:
        if token == "FROM":
            match = _DATASET_CLAUSE.match(sparql, start)
            if match:
                out.append(sparql[last:start] + " ")
                last = match.end()
    out.append(sparql[last:])
    return "".join(out)


def substitute(sparql: str, form: str, substitutions: dict[str, Term] | None) -> str:
    """Write each bound term in place of its variable inside the WHERE group, and bind the variable at its end.

    Stores such as Virtuoso plan constants better than joined VALUES (and some of their
    planner bugs only show with VALUES). Raises ``ValueError`` where this is not safe (a
    sub-query, or the variable assigned with ``AS``); the caller then uses ``bind_values``.
    """
    if not substitutions:
        return sparql
    values_block(substitutions)  # validates names and terms
    tokens = list(_tokens(sparql))
    opening, closing = _where_group(sparql, form)
    terms = {"?" + name: str(term) for name, term in substitutions.items()}
    out, last = [], tokens[opening][1]
    out.append(sparql[:last])
    for index in range(opening + 1, closing):
        start, end, token = tokens[index]
        if token == "SELECT":
            raise ValueError("a sub-query: bind with VALUES instead")
        if token in terms:
            if tokens[index - 1][2] == "AS":
                raise ValueError(f"{token} is assigned in the query: bind with VALUES instead")
            out.append(sparql[last:start])
            out.append(terms[token])
            last = end
    close_at = tokens[closing][0]
    out.append(sparql[last:close_at])
    out.append(values_block(substitutions))
    out.append(sparql[close_at:])
    return "".join(out)


def split_order(sparql: str) -> tuple[str, str, str]:
    """Split a SELECT into (prologue, the query without ``ORDER BY``…, the ``ORDER BY … LIMIT … OFFSET`` tail).

    Virtuoso 7 fails to compile some ordered queries (``ORDER BY`` over a ``UNION`` whose
    branches ``BIND`` constants: error SQ142), ordered sub-query or not; such a query is sent
    unordered and ordered here, by pyoxigraph, with the same ORDER BY (``RemoteStore``).
    """
    tokens = list(_tokens(sparql))
    _, closing = _where_group(sparql, "SELECT")
    select_at = next(start for start, _, token in tokens if token == "SELECT")
    order = next((tokens[i][0] for i in range(closing + 1, len(tokens) - 1)
                  if tokens[i][2] == "ORDER" and tokens[i + 1][2] == "BY"), None)
    if order is None:
        raise ValueError("no ORDER BY")
    tail = sparql[order:]
    if any(token == "VALUES" for _, _, token in _tokens(tail)):
        raise ValueError("a trailing VALUES block")
    return sparql[:select_at], sparql[:order], tail


_TERM = r"(?:<[^<>\"{}|^`\\\x00-\x20]*>|(?:[A-Za-z][\w.-]*)?:[\w-]+(?:\.[\w-]+)*)"
_ZERO_OR_MORE = re.compile(r"(?P<s>[?$]\w+)\s+(?P<p>" + _TERM + r")\*\s+(?P<o>[?$]\w+|" + _TERM + r")(?=\s*[.}])")


def rewrite_zero_length_paths(sparql: str) -> str:
    """Spell out ``?x p* C`` (and ``?x p* ?y`` with both bound elsewhere) for servers that miss the zero-length match.

    Virtuoso 7 evaluates ``?p rdfs:subPropertyOf* kgo:causes`` without its zero-length solution
    (``?p = kgo:causes``) when ``?p`` is not yet bound. ``?x p* C`` becomes
    ``{ ?x p+ C } UNION { BIND(C AS ?x) }``; ``?x p* ?y`` becomes
    ``FILTER(?x = ?y || EXISTS { ?x p+ ?y })`` when both variables are bound by other patterns.
    """
    strings: list[str] = []

    def keep(match):
        strings.append(match.group(0))
        return f'"\x00{len(strings) - 1}\x00"'

    text = _STRINGS.sub(keep, sparql)

    def spell(match):
        s, p, o = match.group("s"), match.group("p"), match.group("o")
        if o[0] not in "?$":
            return f"{{ {s} {p}+ {o} }} UNION {{ BIND({o} AS {s}) }}"
        if len(re.findall(re.escape(s) + r"\b", text)) > 1 and len(re.findall(re.escape(o) + r"\b", text)) > 1:
            return f"FILTER({s} = {o} || EXISTS {{ {s} {p}+ {o} }})"
        return match.group(0)

    text = _ZERO_OR_MORE.sub(spell, text)
    return re.sub(r'"\x00(\d+)\x00"', lambda m: strings[int(m.group(1))], text)


_DESCRIBE_TARGET = re.compile(r"\s*(\*|<[^<>\"{}|^`\\\x00-\x20]*>|[?$]\w+|(?:[A-Za-z][\w.-]*)?:(?:[\w.-]*[\w-])?)")


def describe_as_select(sparql: str) -> str | None:
    """``DESCRIBE t1 t2 … [WHERE] {…}`` as a ``SELECT`` of the resources to describe (None if not a DESCRIBE).

    The servers' DESCRIBE differ (the spec leaves it to them: Virtuoso adds incoming triples);
    ``RemoteStore`` answers it as pyoxigraph does — the resources' own triples and, through
    blank nodes, theirs (a concise bounded description).
    """
    found = next(((start, end) for start, end, token in _tokens(sparql) if token == "DESCRIBE"), None)
    if found is None:
        return None
    targets, at = [], found[1]
    while (match := _DESCRIBE_TARGET.match(sparql, at)) is not None:
        targets.append(match.group(1))
        at = match.end()
    if not targets:
        return None
    if targets == ["*"]:
        projection = "*"
    else:
        projection = " ".join(t if t[0] in "?$" else f"({t} AS ?describe_{n})" for n, t in enumerate(targets))
    rest = sparql[at:]
    if not any(token == "{" for _, _, token in _tokens(rest)):
        rest = " WHERE {} " + rest
    return sparql[:found[0]] + "SELECT DISTINCT " + projection + " " + rest


def _without_slice(order: str) -> str:
    """``ORDER BY …`` without its ``LIMIT``/``OFFSET`` (strings masked, so only the clauses go)."""
    strings: list[str] = []

    def keep(match):
        strings.append(match.group(0))
        return f'"\x00{len(strings) - 1}\x00"'

    text = re.sub(r"\b(LIMIT|OFFSET)\s+\d+", " ", _STRINGS.sub(keep, order), flags=re.IGNORECASE)
    return re.sub(r'"\x00(\d+)\x00"', lambda m: strings[int(m.group(1))], text)


_BOOLEAN_CALL = re.compile(r"^\s*(BOUND|ISIRI|ISURI|ISBLANK|ISLITERAL|ISNUMERIC|REGEX|CONTAINS|STRSTARTS|STRENDS"
                           r"|LANGMATCHES|SAMETERM)\s*P\s*$", re.IGNORECASE)


def boolean_variables(sparql: str) -> set[str]:
    """Variables assigned a boolean expression (``BIND(NOT EXISTS {…} AS ?v)``, ``(?a = ?b AS ?v)`` …).

    Virtuoso returns booleans as the integers 1 and 0; these variables get ``xsd:boolean`` back.
    """
    tokens = list(_tokens(sparql))
    found: set[str] = set()
    stack: list[int] = []
    for index, (start, end, token) in enumerate(tokens):
        if token == "(":
            stack.append(index)
        elif token == ")" and stack:
            opening = stack.pop()
            if index >= 2 and tokens[index - 2][2] == "AS" and tokens[index - 1][2].startswith("?"):
                expr = sparql[tokens[opening][1]:tokens[index - 2][0]]
                if _is_boolean(expr):
                    found.add(tokens[index - 1][2][1:])
    return found


def _is_boolean(expr: str) -> bool:
    flat = _STRINGS.sub("S", expr)
    flat = _IRIREF.sub("I", flat)
    while True:
        reduced = re.sub(r"\{[^{}]*\}", "B", flat)
        reduced = re.sub(r"\([^()]*\)", "P", reduced)
        if reduced == flat:
            break
        flat = reduced
    if re.match(r"^\s*(NOT\s+)?EXISTS\b", flat, re.IGNORECASE):
        return True
    if flat.strip().lower() in ("true", "false") or _BOOLEAN_CALL.match(flat):
        return True
    return bool(re.search(r"(=|<|>|&&|\|\||^\s*!)", flat))


# --- normalising what a server returns --------------------------------------------------------

def _normal_bnode(value: str) -> str:
    """Virtuoso names blank nodes ``nodeID://b10003``; pyoxigraph wants a plain label."""
    return re.sub(r"[^A-Za-z0-9_]", "_", value.removeprefix("nodeID://").removeprefix("_:")) or "b"


def _normal_json(data: bytes, booleans: set[str] = frozenset(), variables: list[str] | None = None) -> bytes:
    """Rewrite a SPARQL JSON result into the form pyoxigraph reads, the same terms as the embedded store."""
    doc = json.loads(data)
    if variables is not None and "vars" in doc.get("head", {}):
        doc["head"]["vars"] = variables  # the query's projection order (a server may reorder ``SELECT *``)
    for row in doc.get("results", {}).get("bindings", []):
        for name, value in row.items():
            if name in booleans and value.get("datatype") == XSD + "integer" and value.get("value") in ("0", "1"):
                value.update(type="literal", datatype=XSD + "boolean",
                             value="true" if value["value"] == "1" else "false")
            kind = value.get("type")
            if kind == "bnode":
                value["value"] = _normal_bnode(value["value"])
            elif kind == "typed-literal":
                value["type"] = "literal"
            if value.get("type") == "literal" and value.get("datatype") == XSD + "string":
                del value["datatype"]  # a simple literal is an xsd:string in RDF 1.1
            elif value.get("type") == "literal" and value.get("datatype", "").removeprefix(XSD) in INTEGER_TYPES:
                value["datatype"] = XSD + "integer"  # as pyoxigraph's store keeps every derived integer
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
        self._user, self._password = user or url_user, password if password is not None else url_password
        self._session_pid: int | None = None
        self._parser = pyoxigraph.Store()  # empty: parses queries exactly as the embedded store does

    @property
    def _session(self) -> requests.Session:
        """One HTTP session per process (gunicorn forks workers after the app is made: no shared sockets)."""
        if self._session_pid != os.getpid():
            session = requests.Session()
            if self._user:
                session.auth = ChallengeAuth(self._user, self._password or "")
            self.__dict__["_session_obj"] = session
            self._session_pid = os.getpid()
        return self.__dict__["_session_obj"]

    def __len__(self) -> int:
        """Triples in the served graphs (one COUNT on the server)."""
        result = self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(next(iter(result))["n"].value)

    def __repr__(self) -> str:
        return f"RemoteStore({redact_url(self.endpoint)!r})"

    def _probe(self, sparql: str, substitutions: dict[str, Term] | None) -> tuple[str, list[str] | None]:
        """Parse locally: the query form and (for SELECT) the projection; a bad query raises ``SyntaxError``."""
        subs = {pyoxigraph.Variable(k): v for k, v in (substitutions or {}).items()}
        probe = self._parser.query(sparql, substitutions=subs or None, use_default_graph_as_union=True)
        if isinstance(probe, QueryBoolean):
            return "ASK", None
        if isinstance(probe, QueryTriples):
            return next((t for _, _, t in _tokens(sparql) if t in ("CONSTRUCT", "DESCRIBE")), "CONSTRUCT"), None
        return "SELECT", [v.value for v in probe.variables]

    def query(self, sparql: str, *, substitutions: dict[str, Term] | None = None,
              default_graph: list[str] | None = None, named_graphs: list[str] | None = None) -> QueryResult:
        form, variables = self._probe(sparql, substitutions)  # raises SyntaxError like the embedded store
        text = self._portable(strip_dataset(self._bind(sparql, form, substitutions), form))
        # The dataset always travels as protocol parameters: the union of the served graphs unless the
        # caller names graphs (an empty list means none; the placeholder keeps a store's own graphs out).
        default = list(default_graph) if default_graph is not None else self.graphs
        named = list(named_graphs) if named_graphs is not None else self.graphs
        params = [("query", text)]
        params += [("default-graph-uri", g) for g in (default or [NO_GRAPH])]
        params += [("named-graph-uri", g) for g in (named or [NO_GRAPH])]
        if form == "DESCRIBE":
            described = self._describe(text, params[1:])
            if described is not None:
                return described
        accept = GRAPH_MEDIA if form in ("CONSTRUCT", "DESCRIBE") else SELECT_MEDIA
        try:
            response = self._post(params, accept)
            unordered = False
        except RemoteError as exc:
            if exc.remote_status != 500 or form != "SELECT":
                raise
            try:
                params[0] = ("query", split_order(text)[1])  # SQ142: send it unordered, order it here
            except ValueError:
                raise exc from None
            response = self._post(params, accept)
            unordered = True
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if form in ("CONSTRUCT", "DESCRIBE"):
            fmt = RdfFormat.from_media_type(media) or RdfFormat.N_TRIPLES
            return _as_query_triples(pyoxigraph.parse(response.content, format=fmt))
        if media in ("application/sparql-results+json", "application/json", ""):
            data, fmt = _normal_json(response.content, boolean_variables(sparql), variables), QueryResultsFormat.JSON
        else:
            data, fmt = response.content, QueryResultsFormat.from_media_type(media)
        if form == "SELECT":
            try:
                prologue, _, order = split_order(text)
            except ValueError:
                order = None
            if order is not None:
                # Order here too: Virtuoso does not always honour ORDER BY (e.g. with DISTINCT on an
                # expression of unprojected variables). Its LIMIT/OFFSET were applied unless unordered.
                return self._order_locally(prologue, data, fmt, order if unordered else _without_slice(order))
        return pyoxigraph.parse_query_results(data, format=fmt)

    def graph_triples(self, graph: str) -> list:
        """Every triple of one named graph exactly as the server holds it (no literal normalisation)."""
        response = self._post([("query", f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")]
                              + [("named-graph-uri", g) for g in self.graphs]
                              + [("default-graph-uri", g) for g in self.graphs], GRAPH_MEDIA)
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        return list(pyoxigraph.parse(response.content, format=RdfFormat.from_media_type(media) or RdfFormat.N_TRIPLES))

    def _describe(self, text: str, dataset: list[tuple[str, str]]):
        """DESCRIBE as pyoxigraph answers it: each resource's triples, then those of blank nodes reached."""
        select = describe_as_select(text)
        if select is None:
            return None
        try:
            self._parser.query(select)
        except SyntaxError:
            return None
        response = self._post([("query", select)] + dataset, SELECT_MEDIA)
        frontier = []
        for row in json.loads(response.content).get("results", {}).get("bindings", []):
            for value in row.values():
                if value.get("type") == "uri" or str(value.get("value", "")).startswith("nodeID://"):
                    frontier.append(value["value"])
        triples, seen = [], set(frontier)
        for _ in range(32):  # blank node chains are short; this bounds a cyclic one
            if not frontier or len(seen) > 10_000:
                break
            iris = [v for v in frontier if not v.startswith("nodeID://")]
            queries = [(f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {' '.join(f'<{v}>' for v in iris[i:i + 500])} }} "
                        f"?s ?p ?o }}", None) for i in range(0, len(iris), 500)]
            # Virtuoso names blank nodes nodeID://…, and takes that name back as a constant (not in VALUES).
            queries += [(f"SELECT ?p ?o WHERE {{ <{v}> ?p ?o }}", pyoxigraph.BlankNode(_normal_bnode(v)))
                        for v in frontier if v.startswith("nodeID://")]
            frontier = []
            for sparql, subject in queries:
                reply = self._post([("query", sparql)] + dataset, SELECT_MEDIA)
                for row in json.loads(reply.content).get("results", {}).get("bindings", []):
                    obj = row.get("o", {})
                    if obj.get("type") == "bnode" and str(obj.get("value")).startswith("nodeID://") \
                            and obj["value"] not in seen:
                        seen.add(obj["value"])
                        frontier.append(obj["value"])
                solutions = pyoxigraph.parse_query_results(_normal_json(reply.content), format=QueryResultsFormat.JSON)
                triples.extend(pyoxigraph.Triple(subject or r["s"], r["p"], r["o"]) for r in solutions)
        return _as_query_triples(triples)

    def _order_locally(self, prologue: str, data: bytes, fmt, order: str):
        """Apply ``ORDER BY …`` to fetched solutions with pyoxigraph (the rows as a VALUES block)."""
        solutions = pyoxigraph.parse_query_results(data, format=fmt)
        variables = list(solutions.variables)
        rows = [[solution[v] for v in variables] for solution in solutions]
        if not variables or any(isinstance(t, pyoxigraph.BlankNode) for row in rows for t in row):
            return pyoxigraph.parse_query_results(data, format=fmt)  # VALUES cannot hold blank nodes
        names = " ".join(f"?{v.value}" for v in variables)
        block = "\n".join("(" + " ".join("UNDEF" if t is None else str(t) for t in row) + ")" for row in rows)
        return self._parser.query(f"{prologue} SELECT {names} WHERE {{ VALUES ({names}) {{\n{block}\n}} }}\n{order}")

    def _portable(self, text: str) -> str:
        """Rewrite constructs some servers get wrong (zero-length paths), if the result still parses."""
        rewritten = rewrite_zero_length_paths(text)
        if rewritten == text:
            return text
        try:
            self._parser.query(rewritten)
        except SyntaxError:
            return text
        return rewritten

    def _bind(self, sparql: str, form: str, substitutions: dict[str, Term] | None) -> str:
        """The query text with the substitutions written in (checked by parsing it again locally)."""
        if not substitutions:
            return sparql
        try:
            text = substitute(sparql, form, substitutions)
            self._parser.query(text)
            return text
        except (ValueError, SyntaxError):
            return bind_values(sparql, form, substitutions)

    def _post(self, params: list[tuple[str, str]], accept: str) -> requests.Response:
        where = redact_url(self.endpoint)
        try:
            response = self._session.post(self.endpoint, data=params, timeout=self.timeout,
                                          headers={"Accept": accept})
        except requests.Timeout:
            raise RemoteTimeout(f"the SPARQL endpoint {where} did not answer within {self.timeout:g} s") from None
        except requests.RequestException as exc:
            raise RemoteError(f"cannot reach the SPARQL endpoint {where}: {type(exc).__name__}") from None
        if response.status_code >= 400:
            raise RemoteError(f"the SPARQL endpoint {where} answered HTTP {response.status_code}: "
                              f"{server_message(response)}", response.status_code)
        return response


__all__ = ["RemoteStore", "RemoteError", "RemoteTimeout", "redact_url", "split_credentials", "bind_values", "substitute",
           "where_brace", "strip_dataset", "describe_as_select", "rewrite_zero_length_paths", "values_block", "boolean_variables", "split_order", "ChallengeAuth", "server_message"]
