"""Serialise query results in the format negotiated (:mod:`kg.sparql.formats`), and show them as text.

pyoxigraph writes every format itself (fast, in Rust). A result longer than the row cap is cut at the cap and the cut is said in the body as well as in a
response header — never a silent cut.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

import pyoxigraph
from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, QueryTriples, RdfFormat

from kg.namespaces import PREFIXES, curie
from kg.sparql.formats import SOLUTION_FORMATS, Format


@dataclass
class Serialised:
    """A result as bytes, ready to send."""

    body: bytes
    format: Format
    form: str
    count: int  # rows (SELECT), triples (CONSTRUCT/DESCRIBE) or 1 (ASK)
    truncated: bool = False
    limit: int | None = None


def serialise(result, fmt: Format, row_limit: int | None = None, rows_at_most: int | None = None,
              row_width: int | None = None, trusted: bool = False) -> Serialised:
    """Write ``result`` (a pyoxigraph query result) in ``fmt``, cut at ``row_limit`` rows or triples.

    ``rows_at_most``: a bound on the result's rows proven before it ran (:mod:`kg.sparql.cheap`); within
    the row cap, the rows are written without being read one by one in Python. ``row_width``: the
    variables the proof found bound in every row, with which a JSON body's rows are counted.
    ``trusted``: the query is one of the project's own (a named query), whose rows the graph bounds:
    they are all written by pyoxigraph, then cut at the cap (an ad-hoc query's rows are read only up
    to the cap, so that a runaway result stops there).
    """
    if isinstance(result, QueryBoolean):
        return Serialised(result.serialize(format=fmt.oxigraph), fmt, "ASK", 1)
    if isinstance(result, QuerySolutions):
        if rows_at_most is not None and (row_limit is None or rows_at_most <= row_limit):
            return _serialise_bounded(result, fmt, row_width)
        if trusted:
            return _serialise_whole(result, fmt, row_limit)
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
    # A solution iterates over its values in the variables' order (None where unbound): twice as fast
    # as looking each variable up.
    lines = ["\t".join(str(v) for v in variables)]
    lines += ["\t".join(["" if term is None else str(term) for term in row]) for row in rows]
    capped = pyoxigraph.parse_query_results("\n".join(lines) + "\n", format=QueryResultsFormat.TSV)
    body = capped.serialize(format=fmt.oxigraph)
    if truncated:
        body = _mark_truncated(body, fmt, row_limit)
    return Serialised(body, fmt, "SELECT", len(rows), truncated, row_limit if truncated else None)


def _serialise_bounded(result: QuerySolutions, fmt: Format, row_width: int | None = None) -> Serialised:
    r"""Every row, written by pyoxigraph: in SPARQL JSON directly when every row binds ``row_width``
    variables (its rows counted by their bound cells), else as SPARQL TSV first (one line per row:
    literals escape their line breaks), which counts the rows, then in ``fmt`` from that TSV (lossless,
    as above).

    >>> store = pyoxigraph.Store()
    >>> store.add(pyoxigraph.Quad(pyoxigraph.NamedNode("urn:s"), pyoxigraph.NamedNode("urn:p"), pyoxigraph.Literal("a\nb")))
    >>> done = _serialise_bounded(store.query("SELECT ?o WHERE { ?s ?p ?o }"), SOLUTION_FORMATS["csv"])
    >>> done.count, done.body
    (1, b'o\r\n"a\nb"\r\n')
    """
    if row_width and fmt.oxigraph == QueryResultsFormat.JSON:
        body = result.serialize(format=QueryResultsFormat.JSON)
        return Serialised(body, fmt, "SELECT", json_rows(body, row_width))
    tsv = result.serialize(format=QueryResultsFormat.TSV)
    count = tsv.count(b"\n") - 1
    if fmt.oxigraph != QueryResultsFormat.TSV:
        tsv = pyoxigraph.parse_query_results(tsv, format=QueryResultsFormat.TSV).serialize(format=fmt.oxigraph)
    return Serialised(tsv, fmt, "SELECT", count)


def _serialise_whole(result: QuerySolutions, fmt: Format, row_limit: int | None) -> Serialised:
    r"""Every row written by pyoxigraph as SPARQL TSV (one line per row), counted, cut at ``row_limit`` lines if
    longer (and the cut said in the body), then written in ``fmt`` from that TSV: no term read in Python
    (a named query's 30-50 labelled rows took 0.3-0.5 ms more when each cell was read and written back).

    >>> store = pyoxigraph.Store()
    >>> for n in range(3):
    ...     store.add(pyoxigraph.Quad(pyoxigraph.NamedNode("urn:s"), pyoxigraph.NamedNode("urn:p"), pyoxigraph.Literal(f"{n}\n")))
    >>> done = _serialise_whole(store.query("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o"), SOLUTION_FORMATS["csv"], 2)
    >>> done.count, done.truncated, done.body
    (2, True, b'o\r\n"0\n"\r\n"1\n"\r\n')
    """
    return from_tsv(result.serialize(format=QueryResultsFormat.TSV), fmt, row_limit)


def from_tsv(tsv: bytes, fmt: Format, row_limit: int | None) -> Serialised:
    r"""Rows already written as SPARQL TSV (one line per row: literals escape their line breaks) — a query's, or
    those a store kept for a named query's value (:mod:`kg.store.once`) — counted, cut at ``row_limit`` lines if
    longer (the cut said in the body), and written in ``fmt``: the TSV itself, or parsed once and written by pyoxigraph.

    >>> done = from_tsv(b'?o\t?x\n"a"\t\n"b\\nc"\t<urn:x>\n', SOLUTION_FORMATS["json"], None)
    >>> done.count, done.truncated, done.body.count(b'"type":"literal"'), done.body.count(b'"value":"urn:x"')
    (2, False, 2, 1)
    >>> done = from_tsv(b'?o\n"a"\n"b"\n', SOLUTION_FORMATS["tsv"], 1)
    >>> done.count, done.truncated, done.body.startswith(b'?o\n"a"\n')
    (1, True, True)
    """
    count = tsv.count(b"\n") - 1
    truncated = row_limit is not None and count > row_limit
    if truncated:
        end = -1
        for _ in range(row_limit + 1):  # the header line and row_limit rows
            end = tsv.index(b"\n", end + 1)
        tsv, count = tsv[:end + 1], row_limit
    body = tsv if fmt.oxigraph == QueryResultsFormat.TSV else \
        pyoxigraph.parse_query_results(tsv, format=QueryResultsFormat.TSV).serialize(format=fmt.oxigraph)
    if truncated:
        body = _mark_truncated(body, fmt, row_limit)
    return Serialised(body, fmt, "SELECT", count, truncated, row_limit if truncated else None)


def json_rows(body: bytes, row_width: int) -> int:
    r"""The rows of a SPARQL JSON body whose every row binds ``row_width`` variables: its bound cells
    (``{"type":"`` — inside a JSON string a quote is always escaped, so no value can spell it, and a
    variable named ``type`` is followed by ``{``) divided by ``row_width``; read back by pyoxigraph where
    that is not sure (a ``"type":"`` key not first in its object, an RDF 1.2 triple term nesting cells).

    >>> body = b'{"head":{"vars":["type"]},"results":{"bindings":[{"type":{"type":"literal","value":"{\\"type\\":\\""}},' \
    ...        b'{"type":{"type":"uri","value":"urn:x"}}]}}'
    >>> json_rows(body, 1), json_rows(body, 3)  # 3 does not divide 2 cells: read back
    (2, 2)
    """
    cells = body.count(b'{"type":"')
    if cells % row_width == 0 and cells == body.count(b'"type":"') and b'"type":"triple"' not in body:
        return cells // row_width
    tsv = pyoxigraph.parse_query_results(body, format=QueryResultsFormat.JSON).serialize(format=QueryResultsFormat.TSV)
    return tsv.count(b"\n") - 1


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
    """Write ``iri`` as a CURIE when one of the graph's prefixes fits, else as ``<iri>``.

    >>> compact("https://w3id.org/kneekg/id/dehydration")
    'kg:dehydration'
    """
    short = curie(iri)
    return short if short != iri else f"<{iri}>"


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
