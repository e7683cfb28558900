"""Serialise query results and pick their format: the content-negotiation tables of the endpoint.

SELECT and ASK answer in the SPARQL results formats (JSON, XML, CSV, TSV); CONSTRUCT and
DESCRIBE in the RDF formats. pyoxigraph writes every format itself (fast, in Rust). A result
longer than the row cap is cut at the cap and the cut is said in the body as well as in a
response header — never a silent cut.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

import pyoxigraph
from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, QueryTriples, RdfFormat
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from kg.namespaces import PREFIXES

SOLUTION_FORMS = ("SELECT", "ASK")
GRAPH_FORMS = ("CONSTRUCT", "DESCRIBE")


@dataclass(frozen=True)
class Format:
    """One result format: its ``format=`` name, its media type, and the pyoxigraph format."""

    name: str
    media_type: str
    oxigraph: QueryResultsFormat | RdfFormat
    aliases: tuple[str, ...] = ()

    def __reduce__(self):  # pickle by name: pyoxigraph's format objects do not pickle
        return (format_named, (self.name,))

    @property
    def content_type(self) -> str:
        return self.media_type + ("; charset=utf-8" if self.media_type.startswith("text/") else "")


SOLUTION_FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("json", "application/sparql-results+json", QueryResultsFormat.JSON, ("application/json",)),
    Format("xml", "application/sparql-results+xml", QueryResultsFormat.XML, ("application/xml", "text/xml")),
    Format("csv", "text/csv", QueryResultsFormat.CSV),
    Format("tsv", "text/tab-separated-values", QueryResultsFormat.TSV),
)}
GRAPH_FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("ttl", "text/turtle", RdfFormat.TURTLE, ("application/x-turtle",)),
    Format("nt", "application/n-triples", RdfFormat.N_TRIPLES, ("text/plain",)),
    Format("rdf", "application/rdf+xml", RdfFormat.RDF_XML, ("application/xml", "text/xml")),
    Format("jsonld", "application/ld+json", RdfFormat.JSON_LD, ("application/json",)),
    Format("nq", "application/n-quads", RdfFormat.N_QUADS),
    Format("trig", "application/trig", RdfFormat.TRIG),
)}
# Accepted spellings of ``format=`` besides the short names (Fuseki's ``output=`` values, media types).
_FORMAT_SYNONYMS = {"turtle": "ttl", "ntriples": "nt", "n-triples": "nt", "rdfxml": "rdf", "json-ld": "jsonld",
                    "nquads": "nq", "n-quads": "nq", "text": "tsv"}


def format_named(name: str) -> Format:
    """The format whose ``format=`` short name is ``name``."""
    return SOLUTION_FORMATS.get(name) or GRAPH_FORMATS[name]


def formats_for(form: str) -> dict[str, Format]:
    """The formats a query form can answer in (SELECT/ASK: results formats; CONSTRUCT/DESCRIBE: RDF)."""
    return SOLUTION_FORMATS if form.upper() in SOLUTION_FORMS else GRAPH_FORMATS


class NotAcceptable(ValueError):
    """No offered format matches the request; ``offered`` lists the media types we can send."""

    def __init__(self, message: str, offered: list[str]):
        super().__init__(message)
        self.offered = offered


def negotiate(form: str, accept: str | None, format_name: str | None = None) -> Format:
    """Pick the result format from ``format=`` (wins) or the Accept header (q-values honoured).

    >>> negotiate("SELECT", "text/csv;q=0.5, application/sparql-results+xml").name
    'xml'
    >>> negotiate("CONSTRUCT", None).name
    'ttl'
    >>> negotiate("ASK", "*/*", "tsv").media_type
    'text/tab-separated-values'
    """
    table = formats_for(form)
    offered = [f.media_type for f in table.values()]
    if format_name:
        key = format_name.strip().lower()
        key = _FORMAT_SYNONYMS.get(key, key)
        for fmt in table.values():
            if key == fmt.name or key == fmt.media_type or key in fmt.aliases:
                return fmt
        raise NotAcceptable(f"format '{format_name}' is not offered for {form.upper()} queries; "
                            f"use one of: {', '.join(table)}", offered)
    if not accept or not accept.strip():
        return next(iter(table.values()))
    parsed = parse_accept_header(accept, MIMEAccept)
    by_type: dict[str, Format] = {}
    for fmt in table.values():
        by_type.setdefault(fmt.media_type, fmt)
    for fmt in table.values():
        for alias in fmt.aliases:
            by_type.setdefault(alias, fmt)
    best = parsed.best_match(list(by_type))
    if best is None:
        raise NotAcceptable(f"none of the requested types ({accept}) is offered for {form.upper()} queries; "
                            f"offered: {', '.join(offered)}", offered)
    return by_type[best]


@dataclass
class Serialised:
    """A result as bytes, ready to send."""

    body: bytes
    format: Format
    form: str
    count: int  # rows (SELECT), triples (CONSTRUCT/DESCRIBE) or 1 (ASK)
    truncated: bool = False
    limit: int | None = None


def _tsv_term(term) -> str:
    return "" if term is None else str(term)


def serialise(result, fmt: Format, row_limit: int | None = None) -> Serialised:
    """Write ``result`` (a pyoxigraph query result) in ``fmt``, cut at ``row_limit`` rows or triples."""
    if isinstance(result, QueryBoolean):
        return Serialised(result.serialize(format=fmt.oxigraph), fmt, "ASK", 1)
    if isinstance(result, QuerySolutions):
        return _serialise_solutions(result, fmt, row_limit)
    if isinstance(result, QueryTriples):
        return _serialise_triples(result, fmt, row_limit)
    raise TypeError(f"not a query result: {type(result).__name__}")


def _serialise_solutions(result: QuerySolutions, fmt: Format, row_limit: int | None) -> Serialised:
    variables = result.variables
    if row_limit is None:
        body = result.serialize(format=fmt.oxigraph)
        return Serialised(body, fmt, "SELECT", -1)
    rows = list(islice(result, row_limit + 1))
    truncated = len(rows) > row_limit
    rows = rows[:row_limit]
    # Rebuild a solution sequence pyoxigraph can write: SPARQL TSV holds terms in N-Triples syntax,
    # exactly what str(term) gives, so the round trip is lossless.
    lines = ["\t".join(str(v) for v in variables)]
    lines.extend("\t".join(_tsv_term(row[v]) for v in variables) for row in rows)
    capped = pyoxigraph.parse_query_results("\n".join(lines) + "\n", format=QueryResultsFormat.TSV)
    body = capped.serialize(format=fmt.oxigraph)
    if truncated:
        body = _mark_truncated(body, fmt, row_limit)
    return Serialised(body, fmt, "SELECT", len(rows), truncated, row_limit if truncated else None)


def _serialise_triples(result: QueryTriples, fmt: Format, row_limit: int | None) -> Serialised:
    triples = list(result) if row_limit is None else list(islice(result, row_limit + 1))
    truncated = row_limit is not None and len(triples) > row_limit
    if truncated:
        triples = triples[:row_limit]
    prefixes = PREFIXES if fmt.oxigraph in (RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.RDF_XML) else None
    body = pyoxigraph.serialize(triples, format=fmt.oxigraph, prefixes=prefixes) or b""
    if truncated:
        body = _mark_truncated(body, fmt, row_limit)
    return Serialised(body, fmt, "CONSTRUCT", len(triples), truncated, row_limit if truncated else None)


def truncation_note(limit: int) -> str:
    return f"result truncated: only the first {limit} rows are returned (the endpoint's row limit)"


def _mark_truncated(body: bytes, fmt: Format, limit: int) -> bytes:
    """Say in the body itself that rows were cut, in the way each format allows."""
    note = truncation_note(limit)
    if fmt.name == "json":  # an extra top-level member; SPARQL JSON readers ignore unknown members
        return b'{"truncated":true,"limit":%d,"warning":"%s",' % (limit, note.encode()) + body[1:]
    if fmt.name == "xml":  # the results format's own <link> element, in <head>
        link = f'<link href="urn:kneekg:truncated:limit={limit}"/>'.encode()
        head_end = body.find(b"</head>")
        if head_end >= 0:
            return body[:head_end] + link + body[head_end:]
        return body.replace(b"<head/>", b"<head>" + link + b"</head>", 1)
    if fmt.name in ("ttl", "nt", "nq", "trig"):  # a comment line
        return f"# {note}\n".encode() + body
    if fmt.name == "rdf":
        decl_end = body.find(b"?>") + 2 if body.startswith(b"<?xml") else 0
        return body[:decl_end] + f"\n<!-- {note} -->".encode() + body[decl_end:]
    # CSV, TSV and JSON-LD have no place for a note that readers skip (a JSON-LD member would be
    # data): the X-Result-Truncated header says it.
    return body


def compact(iri: str) -> str:
    """Write ``iri`` as a CURIE when one of the graph's prefixes fits.

    >>> compact("https://w3id.org/kneekg/id/dehydration")
    'kg:dehydration'
    """
    best = ""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(PREFIXES.get(best, "")):
            best = prefix
    return f"{best}:{iri[len(PREFIXES[best]):]}" if best else f"<{iri}>"


def cell(term, width: int | None = 60) -> str:
    """A term as a short, readable table cell."""
    if term is None:
        text = ""
    elif isinstance(term, pyoxigraph.NamedNode):
        text = compact(term.value)
    elif isinstance(term, pyoxigraph.BlankNode):
        text = f"_:{term.value}"
    elif isinstance(term, pyoxigraph.Literal):
        text = term.value
    else:
        text = str(term)
    text = " ".join(text.split())
    return text if width is None or len(text) <= width else text[:width - 1] + "…"


def text_table(result, width: int | None = 60) -> str:
    """A result as an aligned plain-text table (rows of SELECT, triples of CONSTRUCT, yes/no of ASK)."""
    if isinstance(result, QueryBoolean):
        return "yes" if bool(result) else "no"
    if isinstance(result, QuerySolutions):
        header = [v.value for v in result.variables]
        rows = [[cell(row[v], width) for v in result.variables] for row in result]
    else:
        header = ["subject", "predicate", "object"]
        rows = [[cell(t.subject, width), cell(t.predicate, width), cell(t.object, width)] for t in result]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)
