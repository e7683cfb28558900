"""Load the graph into a remote triplestore, replacing only the graphs it pushes.

First choice is the SPARQL 1.1 Graph Store HTTP Protocol: one ``PUT <endpoint>?graph=<g>``
per graph, which the server applies atomically. When the endpoint is a plain SPARQL endpoint
(it answers a ``GET ?graph=`` probe with 400, or the ``PUT`` with 404/405/415/501), the graph
goes in by SPARQL Update instead: into a fresh temporary graph in chunks
(``INSERT DATA``; triples with blank nodes by ``INSERT { GRAPH <tmp> { … } } WHERE {}``, as
Virtuoso refuses blank nodes in ``INSERT DATA``, each request holding whole blank-node structures), then one request ``MOVE``s every temporary
graph onto its target. No request holds two literals of equal value and different datatypes
(``"true"^^xsd:boolean`` and ``"1"^^xsd:nonNegativeInteger``): Virtuoso 7.2 stores every such
literal of one request with the datatype of the first (openlink/virtuoso-opensource#912, #733). If anything fails before that, the temporary graphs are dropped and
the target graphs are left as they were. ``LOAD`` is never used.

Credentials (``--user/--password`` or ``http://user:pass@host/``) go only into the HTTP auth
(Basic or Digest, as the server asks); messages show the URL without them.
"""

from __future__ import annotations

import secrets
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
import requests
from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple

from kg.namespaces import NAMED_GRAPHS
from kg.store.http import ChallengeAuth, redact_url, server_message, split_credentials

GSP = "Graph Store Protocol"
UPDATE = "SPARQL Update"
NOT_SUPPORTED = {404, 405, 406, 415, 501}
BLANK_CHUNK = 100  # triples per INSERT … WHERE {} (Virtuoso compiles each triple of a template to SQL)


class PushError(RuntimeError):
    """A push failed; the message is one line, with the HTTP status and server message when there is one."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


@dataclass
class PushReport:
    endpoint: str  # redacted
    protocol: str
    graphs: dict[str, int] = field(default_factory=dict)  # target graph IRI → triples sent
    seconds: float = 0.0

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())

    def summary(self) -> str:
        return (f"pushed {self.triples:,} triples in {len(self.graphs)} graph(s) to {self.endpoint} "
                f"by {self.protocol} in {self.seconds:.2f} s")


def read_graphs(path: Path, target: str | None = None) -> dict[str, list[Triple]]:
    """Read N-Quads: the project's named graphs by IRI, or all of them merged under ``target``."""
    graphs: dict[str, list[Triple]] = defaultdict(list)
    for quad in pyoxigraph.parse(path=str(path), format=RdfFormat.N_QUADS):
        name = quad.graph_name
        if not isinstance(name, NamedNode):
            raise PushError(f"{path}: a triple outside the named graphs ({quad})")
        graphs[target or name.value].append(quad.triple)
    if target is None:
        order = [str(g) for g in NAMED_GRAPHS]
        return {g: graphs[g] for g in sorted(graphs, key=lambda g: (order.index(g) if g in order else 99, g))}
    return dict(graphs)


def _has_blank(t: Triple) -> bool:
    return isinstance(t.subject, BlankNode) or isinstance(t.object, BlankNode)


def _nt(triples: list[Triple]) -> str:
    return "".join(f"{t.subject} {t.predicate} {t.object} .\n" for t in triples)


PLAIN_TYPES = {"http://www.w3.org/2001/XMLSchema#string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}


def value_key(term) -> str | None:
    """What Virtuoso may take a typed literal's value for (booleans are its integers 1 and 0); None for other terms.

    >>> value_key(Literal("true", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#boolean")))
    '1'
    >>> value_key(Literal("01", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")))
    '1'
    >>> value_key(Literal("1")) is None
    True
    """
    if not isinstance(term, Literal) or term.datatype.value in PLAIN_TYPES:
        return None
    text = term.value.strip()
    text = {"true": "1", "false": "0"}.get(text, text)
    for read in (int, float):
        try:
            return repr(read(text))
        except ValueError:
            pass
    return text


def _typed(triples: list[Triple]) -> dict[str, set[str]]:
    """Value key → the datatypes of the typed literals with that value in ``triples``."""
    out: dict[str, set[str]] = defaultdict(set)
    for t in triples:
        key = value_key(t.object)
        if key is not None:
            out[key].add(t.object.datatype.value)
    return out


def _clash(kept: dict[str, set[str]], new: dict[str, set[str]]) -> bool:
    return any(len(kept.get(key, set()) | types) > 1 for key, types in new.items())


def chunks(triples: list[Triple], size: int) -> list[list[Triple]]:
    """Split ``triples`` into chunks of about ``size``, never splitting a blank-node structure.

    A chunk never holds two typed literals of equal value and different datatypes (a request of
    its own for the later one): Virtuoso would store both with the first one's datatype.
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for t in triples:
        nodes = [n.value for n in (t.subject, t.object) if isinstance(n, BlankNode)]
        for n in nodes:
            find(n)
        if len(nodes) == 2:
            parent[find(nodes[0])] = find(nodes[1])
    groups: dict[object, list[Triple]] = {}
    for i, t in enumerate(triples):
        node = next((n.value for n in (t.subject, t.object) if isinstance(n, BlankNode)), None)
        groups.setdefault(find(node) if node else i, []).append(t)
    out: list[list[Triple]] = []
    current: list[Triple] = []
    kept: dict[str, set[str]] = {}
    for group in groups.values():
        typed = _typed(group)
        if _clash({}, typed):
            raise PushError(f"one blank-node structure holds literals of equal value and different datatypes "
                            f"({group[0]}): SPARQL Update on Virtuoso would store them alike; use the Graph Store Protocol")
        if current and (len(current) + len(group) > size or _clash(kept, typed)):
            out.append(current)
            current, kept = [], {}
        current.extend(group)
        for key, types in typed.items():
            kept.setdefault(key, set()).update(types)
    if current:
        out.append(current)
    return out


class Pusher:
    """One push session against one endpoint (and optionally a separate Graph Store endpoint)."""

    def __init__(self, endpoint: str, *, graph_store: str | None = None, user: str | None = None,
                 password: str | None = None, timeout: float = 60.0, chunk_size: int = 500):
        self.endpoint, url_user, url_password = split_credentials(endpoint)
        self.graph_store = split_credentials(graph_store)[0] if graph_store else None
        user = user or url_user
        password = password if password is not None else url_password
        self._secret = password or None
        self.timeout = timeout
        self.chunk_size = chunk_size
        self.session = requests.Session()
        if user:
            self.session.auth = ChallengeAuth(user, password or "")

    # -- HTTP with one-line errors --------------------------------------------------------------
    def _scrub(self, text: str) -> str:
        return text.replace(self._secret, "***") if self._secret else text

    def _request(self, method: str, url: str, **kwargs) -> requests.Response:
        where = redact_url(url)
        try:
            return self.session.request(method, url, timeout=self.timeout, **kwargs)
        except requests.Timeout:
            raise PushError(f"{where} did not answer within {self.timeout:g} s") from None
        except requests.ConnectionError as exc:
            reason = "connection refused" if "refused" in str(exc).lower() else type(exc).__name__
            raise PushError(f"cannot reach {where}: {reason}") from None
        except requests.RequestException as exc:
            raise PushError(f"request to {where} failed: {type(exc).__name__}") from None

    def _fail(self, what: str, response: requests.Response) -> PushError:
        message = self._scrub(server_message(response))
        reason = response.reason or ""
        return PushError(f"{what}: HTTP {response.status_code} {reason}".rstrip()
                         + (f": {message}" if message and message != reason else ""), response.status_code)

    # -- protocol choice ------------------------------------------------------------------------
    def supports_gsp(self, url: str, graph: str) -> bool:
        """Probe ``GET url?graph=…``: a plain SPARQL endpoint answers 400 (no query); a Graph Store 200 or 404."""
        response = self._request("GET", url, params={"graph": graph}, stream=True,
                                 headers={"Accept": "application/n-triples"})
        response.close()
        if response.status_code in (401, 403):
            raise self._fail(f"{redact_url(url)} refused the credentials", response)
        return response.status_code in (200, 204, 404)

    # -- the two ways in ------------------------------------------------------------------------
    def put_graph(self, url: str, graph: str, triples: list[Triple]) -> requests.Response:
        body = pyoxigraph.serialize(triples, format=RdfFormat.N_TRIPLES)
        return self._request("PUT", url, params={"graph": graph}, data=body,
                             headers={"Content-Type": "application/n-triples"})

    def update(self, sparql: str, what: str) -> None:
        response = self._request("POST", self.endpoint, data={"update": sparql.encode("utf-8")},
                                 headers={"Accept": "*/*"})
        if response.status_code >= 300:
            raise self._fail(what, response)

    def push_update(self, graphs: dict[str, list[Triple]]) -> None:
        """Load every graph into a temporary graph, then MOVE them all onto their targets in one request."""
        token = secrets.token_hex(8)
        temporary = {g: f"urn:kneekg:push:{token}:{i}" for i, g in enumerate(graphs)}
        where = redact_url(self.endpoint)
        try:
            for graph, triples in graphs.items():
                tmp = temporary[graph]
                self.update(f"DROP SILENT GRAPH <{tmp}>", f"update at {where} failed")
                plain = [t for t in triples if not _has_blank(t)]
                for part in chunks(plain, self.chunk_size):
                    self.update(f"INSERT DATA {{ GRAPH <{tmp}> {{\n{_nt(part)}}} }}", f"update at {where} failed")
                # Blank nodes: a template (INSERT DATA may not hold them on Virtuoso), small enough
                # for its SQL compiler, one whole structure per request.
                for part in chunks([t for t in triples if _has_blank(t)], BLANK_CHUNK):
                    self.update(f"INSERT {{ GRAPH <{tmp}> {{\n{_nt(part)}}} }} WHERE {{}}",
                                f"update at {where} failed")
            moves = " ;\n".join(
                (f"MOVE SILENT GRAPH <{temporary[g]}> TO GRAPH <{g}>" if triples else f"DROP SILENT GRAPH <{g}>")
                for g, triples in graphs.items())
            self.update(moves, f"update at {where} failed")
        except PushError:
            for tmp in temporary.values():
                try:
                    self.update(f"DROP SILENT GRAPH <{tmp}>", "cleanup")
                except PushError:
                    pass
            raise

    def push(self, graphs: dict[str, list[Triple]]) -> PushReport:
        """Replace each graph of ``graphs`` on the server; raise ``PushError`` (one line) on failure."""
        started = time.perf_counter()
        gsp_url = self.graph_store or self.endpoint
        first = next(iter(graphs))
        protocol = GSP if (self.graph_store or self.supports_gsp(gsp_url, first)) else UPDATE
        report = PushReport(redact_url(gsp_url if protocol == GSP else self.endpoint), protocol)
        if protocol == GSP:
            for graph, triples in graphs.items():
                response = self.put_graph(gsp_url, graph, triples)
                if response.status_code in NOT_SUPPORTED and not report.graphs and not self.graph_store:
                    protocol = UPDATE  # nothing changed yet: fall back
                    break
                if response.status_code >= 300:
                    done = f" (already replaced: {', '.join(report.graphs)})" if report.graphs else ""
                    raise self._fail(f"PUT {redact_url(gsp_url)}?graph={graph} failed{done}", response)
                report.graphs[graph] = len(triples)
        if protocol == UPDATE:
            report = PushReport(redact_url(self.endpoint), UPDATE)
            self.push_update(graphs)
            report.graphs = {g: len(t) for g, t in graphs.items()}
        report.seconds = time.perf_counter() - started
        return report


def push(endpoint: str, graphs: dict[str, list[Triple]], **options) -> PushReport:
    """Push ``graphs`` (target IRI → triples) to ``endpoint``; see ``Pusher`` for the options."""
    return Pusher(endpoint, **options).push(graphs)


__all__ = ["push", "Pusher", "PushError", "PushReport", "read_graphs", "chunks", "GSP", "UPDATE"]
