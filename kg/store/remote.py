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

As an operator expects of a backend: each query has one deadline (the store's timeout, or the
web request's if earlier — :func:`kg.store.http.deadline`), not a timeout per read; an answer
that is not SPARQL results (an HTML error page with status 200, a truncated body) is a
:class:`RemoteError` like any failure; and what the server said goes to the log, never into the
message a public client reads. The store is ``isolated``: the engine parses and rewrites
untrusted queries in its query processes, as for the embedded store, so no parser runs on a
client's text in a server process.

The text rewrites are in :mod:`kg.store.rewrite`, the HTTP auth and redaction in :mod:`kg.store.http`.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time

import pyoxigraph
import requests
from pyoxigraph import NamedNode, QueryBoolean, QueryResultsFormat, QueryTriples, RdfFormat

from kg.namespaces import NAMED_GRAPHS
from kg.sparql.errors import EngineBusy, EngineError, QueryTimeout
from kg.sparql.lexer import tokens
from kg.sparql.protocol import QueryResult, Term
from kg.sparql.registry import NamedQuery, internal
from kg.sparql.text import values_clause, with_values
from kg.store import once
from kg.store.http import (ChallengeAuth, deadline, deadline_session, redact_url, server_message,
                           split_credentials, time_left)
from kg.store.lanes import LaneReplaced
from kg.store.rewrite import (boolean_variables, describe_as_select, list_empty_graph_patterns,
                              rewrite_zero_length_paths, split_order, strip_dataset, substitute, with_base,
                              without_slice)
from kg.store.supervisor import DEMOTE_AFTER as LANE_DEMOTE_AFTER

SELECT_MEDIA = "application/sparql-results+json"
GRAPH_MEDIA = "application/n-triples"
XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGER_TYPES = {"int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
                 "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte"}
NO_GRAPH = "urn:kneekg:no-graph"  # stands for an empty list of graphs in a protocol request
READY_TIMEOUT = 2.0  # seconds a readiness probe waits for the server

log = logging.getLogger(__name__)


class RemoteError(EngineError, RuntimeError):
    """The remote endpoint could not answer (unreachable, refused, bad reply): kind ``upstream``.

    An ``EngineError``, so the SPARQL endpoint reports it like any failed query;
    ``remote_status`` is the HTTP status the server gave, if any.
    """

    kind = "upstream"

    def __init__(self, message: str, remote_status: int | None = None):
        super().__init__(message)
        self.remote_status = remote_status


class RemoteTimeout(QueryTimeout, TimeoutError):
    """The remote endpoint did not answer within the query time limit (kind ``timeout``, like an embedded one)."""


def _unreadable(what: str, data: bytes, exc: Exception) -> RemoteError:
    """An answer that is not what was asked for: our message for clients, the server's bytes for the log."""
    log.warning("the SPARQL server's answer is not %s (%s: %s); it began: %r", what, type(exc).__name__, exc,
                data[:200])
    return RemoteError(f"the SPARQL server behind this app sent an answer that is not {what}")


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


def _check_results(data: bytes, fmt) -> None:
    """Read SPARQL results once to the end (pyoxigraph parses lazily: an error would surface in a page)."""
    result = pyoxigraph.parse_query_results(data, format=fmt)
    if not isinstance(result, QueryBoolean):
        for _ in result:
            pass


def _triples(response) -> list:
    """The triples of a graph answer, or RemoteError when it is not RDF."""
    media = response.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        return list(pyoxigraph.parse(response.content, format=RdfFormat.from_media_type(media) or RdfFormat.N_TRIPLES))
    except (ValueError, SyntaxError, UnicodeDecodeError) as exc:
        raise _unreadable("RDF", response.content, exc) from None


def _bindings(response) -> list[dict]:
    """The rows of a SPARQL JSON answer, or RemoteError when it is not one."""
    try:
        rows = json.loads(response.content).get("results", {}).get("bindings", [])
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise ValueError("bindings is not a list of rows")
        return rows
    except (ValueError, AttributeError, UnicodeDecodeError) as exc:
        raise _unreadable("SPARQL results", response.content, exc) from None


def _as_query_triples(triples) -> QueryTriples:
    """Wrap parsed triples in a real ``pyoxigraph.QueryTriples`` (via a throw-away store)."""
    scratch = pyoxigraph.Store()
    scratch.extend(pyoxigraph.Quad(t.subject, t.predicate, t.object, pyoxigraph.DefaultGraph()) for t in triples)
    return scratch.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")


class RemoteStore:
    """A SPARQL 1.1 Protocol endpoint (Virtuoso, Fuseki, GraphDB, Oxigraph server …) as a ``GraphStore``."""

    def __init__(self, endpoint: str, *, timeout: float = 10.0, user: str | None = None,
                 password: str | None = None, graphs: tuple[str, ...] | None = None, lanes=None):
        bare, url_user, url_password = split_credentials(endpoint)
        self.endpoint = bare
        self.timeout = timeout
        self.graphs = [str(g) for g in (graphs or NAMED_GRAPHS)]
        self.description = f"remote SPARQL endpoint ({redact_url(bare)})"
        self.loaded_at = time.time()
        self._user, self._password = user or url_user, password if password is not None else url_password
        self._session_pid: int | None = None
        self._parser = pyoxigraph.Store()  # empty: parses queries exactly as the embedded store does
        self._ready: tuple[float, str | None] = (0.0, None)
        # Oxigraph servers run by this server (kg.store.lanes): a query process's requests go to the killable lane.
        self._lanes, self._untrusted = lanes, False
        if lanes is not None:
            self.description = f"the Oxigraph server over {lanes.location}, run by this server"
            # A query process is demoted (and replaced after its answer) no later than the lane demotes the thread
            # that serves it: that thread, at nice 19 for good, then never serves another of its queries.
            self.demote_after = LANE_DEMOTE_AFTER

    def enter_query_process(self) -> None:
        """Called in each query process (kg.sparql.pool): what it sends is untrusted, for a lane that may be killed."""
        self._untrusted = True

    @property
    def _session(self) -> requests.Session:
        """One HTTP session per process (gunicorn forks workers after the app is made: no shared sockets)."""
        if self._session_pid != os.getpid():
            session = deadline_session()
            if self._user:
                session.auth = ChallengeAuth(self._user, self._password or "")
            self.__dict__["_session_obj"] = session
            self._session_pid = os.getpid()
        return self.__dict__["_session_obj"]

    # Untrusted queries are parsed (pyoxigraph), rewritten and sent from the engine's killable
    # query processes; named queries, pages and questions query it in process, under a deadline.
    isolated = True

    def ready(self) -> str | None:
        """None when the server answers a trivial query within READY_TIMEOUT, else why not (our words).

        Remembered for a second, so a readiness probe that many ask cannot load the server.
        """
        checked, reason = self._ready
        if time.monotonic() - checked < 1.0:
            return reason
        try:
            with deadline(min(READY_TIMEOUT, self.timeout)):
                self._post([("query", "ASK {}")], SELECT_MEDIA)
            reason = None
        except RemoteTimeout:
            reason = "the SPARQL server does not answer in time"
        except RemoteError as exc:
            reason = str(exc)
        self._ready = (time.monotonic(), reason)
        return reason

    def __len__(self) -> int:
        """Triples in the served graphs (one COUNT on the server)."""
        result = self.query(internal("triple-count").sparql)
        return int(next(iter(result))["n"].value)

    def text_for(self, query: NamedQuery) -> str:
        """The registry's standard SPARQL 1.1 text: a remote server gets no embedded-only rewrite.

        A whole-graph aggregate (``#+ computed: once``) is answered from its rows, computed once (:mod:`kg.store.once`);
        a query with a parameter is evaluated by the server as it is written.
        """
        return once.answered_text(self, query, query.sparql) if query.once and not query.params else query.sparql

    def __repr__(self) -> str:
        return f"RemoteStore({redact_url(self.endpoint)!r})"

    def _probe(self, sparql: str, substitutions: dict[str, Term] | None,
               base_iri: str | None = None) -> tuple[str, list[str] | None]:
        """Parse locally: the query form and (for SELECT) the projection; a bad query raises ``SyntaxError``."""
        subs = {pyoxigraph.Variable(k): v for k, v in (substitutions or {}).items()}
        probe = self._parser.query(sparql, substitutions=subs or None, use_default_graph_as_union=True,
                                   base_iri=base_iri)
        if isinstance(probe, QueryBoolean):
            return "ASK", None
        if isinstance(probe, QueryTriples):
            return next((t.key for t in tokens(sparql) if t.kind == "word" and t.key in ("CONSTRUCT", "DESCRIBE")),
                        "CONSTRUCT"), None
        return "SELECT", [v.value for v in probe.variables]

    def query(self, sparql: str, *, substitutions: dict[str, Term] | None = None,
              default_graph: list[str] | None = None, named_graphs: list[str] | None = None,
              base_iri: str | None = None) -> QueryResult:
        form, variables = self._probe(sparql, substitutions, base_iri)  # raises SyntaxError like the embedded store
        if base_iri:  # the server resolves relative IRIs as we do
            sparql = with_base(sparql, base_iri)
        with deadline(self.timeout):  # one deadline for every request this query makes
            return self._query(sparql, form, variables, substitutions, default_graph, named_graphs)

    def _query(self, sparql, form, variables, substitutions, default_graph, named_graphs) -> QueryResult:
        text = self._portable(strip_dataset(self._bind(sparql, form, substitutions), form))
        # The dataset always travels as protocol parameters: the union of the served graphs unless the
        # caller names graphs (an empty list means none; the placeholder keeps a store's own graphs out).
        default = list(default_graph) if default_graph is not None else self.graphs
        named = list(named_graphs) if named_graphs is not None else self.graphs
        text = self._checked(text, list_empty_graph_patterns(text, named))
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
            return _as_query_triples(_triples(response))
        try:
            if media in ("application/sparql-results+json", "application/json", ""):
                data, fmt = _normal_json(response.content, boolean_variables(sparql), variables), QueryResultsFormat.JSON
            else:
                data, fmt = response.content, QueryResultsFormat.from_media_type(media)
                if fmt is None:
                    raise ValueError(f"media type {media!r}")
            _check_results(data, fmt)
        except (ValueError, SyntaxError, UnicodeDecodeError, AttributeError, TypeError) as exc:
            raise _unreadable("SPARQL results", response.content, exc) from None
        if form == "SELECT":
            try:
                prologue, _, order = split_order(text)
            except ValueError:
                order = None
            if order is not None:
                # Order here too: Virtuoso does not always honour ORDER BY (e.g. with DISTINCT on an
                # expression of unprojected variables). Its LIMIT/OFFSET were applied unless unordered.
                return self._order_locally(prologue, data, fmt, order if unordered else without_slice(order))
        return pyoxigraph.parse_query_results(data, format=fmt)

    def graph_triples(self, graph: str) -> list:
        """Every triple of one named graph exactly as the server holds it (no literal normalisation)."""
        text = substitute(internal("graph-triples").sparql, "CONSTRUCT", {"graph": pyoxigraph.NamedNode(graph)})
        response = self._post([("query", text)]
                              + [("named-graph-uri", g) for g in self.graphs]
                              + [("default-graph-uri", g) for g in self.graphs], GRAPH_MEDIA)
        return _triples(response)

    def _describe(self, text: str, dataset: list[tuple[str, str]]):
        """DESCRIBE as pyoxigraph answers it: each resource's triples, then those of blank nodes reached.

        Blank nodes are followed by the names Virtuoso gives them (``nodeID://…``). A server whose
        blank node labels name nothing in a later query (the Oxigraph server, Fuseki) gets its own
        DESCRIBE (None here): both describe a resource by its triples and its blank nodes' triples.
        """
        select = describe_as_select(text)
        if select is None:
            return None
        try:
            self._parser.query(select)
        except SyntaxError:
            return None
        response = self._post([("query", select)] + dataset, SELECT_MEDIA)
        frontier = []
        for row in _bindings(response):
            for value in row.values():
                if value.get("type") == "uri" or str(value.get("value", "")).startswith("nodeID://"):
                    frontier.append(value["value"])
                elif value.get("type") == "bnode":
                    return None  # a blank node to describe that a later query cannot name
        triples, seen = [], set(frontier)
        for _ in range(32):  # blank node chains are short; this bounds a cyclic one
            if not frontier or len(seen) > 10_000:
                break
            iris = [v for v in frontier if not v.startswith("nodeID://")]
            queries = [(f"SELECT ?s ?p ?o WHERE {{ {values_clause(['s'], [[NamedNode(v)] for v in iris[i:i + 500]])} "
                        f"?s ?p ?o }}", None) for i in range(0, len(iris), 500)]
            # Virtuoso names blank nodes nodeID://…, and takes that name back as a constant (not in VALUES).
            queries += [(f"SELECT ?p ?o WHERE {{ <{v}> ?p ?o }}", pyoxigraph.BlankNode(_normal_bnode(v)))
                        for v in frontier if v.startswith("nodeID://")]
            frontier = []
            for sparql, subject in queries:
                reply = self._post([("query", sparql)] + dataset, SELECT_MEDIA)
                for row in _bindings(reply):
                    obj = row.get("o", {})
                    if obj.get("type") != "bnode" or obj.get("value") in seen:
                        continue
                    if not str(obj.get("value")).startswith("nodeID://"):
                        return None  # a label scoped to this result: the server describes it itself
                    seen.add(obj["value"])
                    frontier.append(obj["value"])
                try:
                    solutions = list(pyoxigraph.parse_query_results(_normal_json(reply.content),
                                                                    format=QueryResultsFormat.JSON))
                except (ValueError, SyntaxError, UnicodeDecodeError) as exc:
                    raise _unreadable("SPARQL results", reply.content, exc) from None
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
        block = values_clause([v.value for v in variables], rows)
        return self._parser.query(f"{prologue} SELECT {names} WHERE {{ {block} }}\n{order}")

    def _portable(self, text: str) -> str:
        """Rewrite constructs some servers get wrong (zero-length paths), if the result still parses."""
        return self._checked(text, rewrite_zero_length_paths(text))

    def _checked(self, text: str, rewritten: str) -> str:
        """``rewritten`` if it still parses, else ``text`` as it was."""
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
            return with_values(sparql, substitutions, " ")

    def _post(self, params: list[tuple[str, str]], accept: str) -> requests.Response:
        where = redact_url(self.endpoint)
        left = time_left(self.timeout)
        if left <= 0:
            raise RemoteTimeout(f"the SPARQL endpoint did not answer within the time limit ({self.timeout:g} s)")
        try:
            if self._lanes is None:
                response = self._session.post(self.endpoint, data=params, timeout=left, headers={"Accept": accept})
            else:
                response = self._lanes.send(self._untrusted, lambda url: self._session.post(
                    url, data=params, timeout=max(0.001, time_left(self.timeout)), headers={"Accept": accept}),
                    lambda: time_left(self.timeout))
        except LaneReplaced:  # both lanes it was sent to were killed for others' runaway queries: not its fault
            raise EngineBusy("the query was cut off twice as the server's query engine was restarted; retry") from None
        except requests.RequestException as exc:
            if isinstance(exc, requests.Timeout) or time_left(self.timeout) <= 0:
                raise RemoteTimeout(f"the SPARQL endpoint did not answer within the time limit "
                                    f"({self.timeout:g} s)") from None
            log.warning("cannot reach the SPARQL endpoint %s: %s", where, exc)
            raise RemoteError(f"cannot reach the SPARQL endpoint: {type(exc).__name__}") from None
        if response.status_code >= 400:
            # What the server said (its error page, its parser's message) is for our log, not for clients.
            log.warning("the SPARQL endpoint %s answered HTTP %s: %s", where, response.status_code,
                        server_message(response))
            raise RemoteError(f"the SPARQL endpoint answered HTTP {response.status_code}", response.status_code)
        return response


__all__ = ["RemoteStore", "RemoteError", "RemoteTimeout"]
