"""Every format the project reads or writes, in one table, and the one content negotiation.

SELECT and ASK answer in the SPARQL results formats (JSON, XML, CSV, TSV); CONSTRUCT and
DESCRIBE, entity pages, downloads and the dataset description in the RDF formats. A format is
found by its short name (``ttl``, also its file extension), another spelling (``turtle``, the
``format=``/``output=``/``results=`` values Fuseki and Virtuoso read) or a media type, within the
family the query form answers in: for a graph result ``xml`` is RDF/XML and ``json`` JSON-LD, and
N3 is answered with Turtle. :func:`negotiate` picks one from the names a request gives (the first
that names a format wins over Accept) or the ``Accept`` header (q-values and specificity as RFC
9110 says, ties to the family's order, its default first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from pyoxigraph import QueryResultsFormat, RdfFormat

from kg.sparql.errors import NotAcceptable
from kg.sparql.lru import LRU

SOLUTION_FORMS = ("SELECT", "ASK")
GRAPH_FORMS = ("CONSTRUCT", "DESCRIBE")


@dataclass(frozen=True)
class Format:
    """One format: its short name, media type, pyoxigraph format, and the other ways to ask for it."""

    name: str  # the ``format=`` name and the file extension
    media_type: str
    oxigraph: QueryResultsFormat | RdfFormat | None  # None: not written by pyoxigraph (HTML)
    label: str
    aliases: tuple[str, ...] = ()  # other media types it is sent for
    words: tuple[str, ...] = ()  # other spellings of its name; the first is its long name
    rdflib: str | None = None  # rdflib's name for it, where rdflib writes it
    quads: bool = False  # keeps the named graphs (N-Quads, TriG)

    def __reduce__(self):  # pickle by name: pyoxigraph's format objects do not pickle
        return (format_named, (self.name,))

    @property
    def content_type(self) -> str:
        return self.media_type + ("; charset=utf-8" if self.media_type.startswith("text/") else "")

    @property
    def long_name(self) -> str:
        """The spelled-out name (``turtle``, ``nquads``), as the export command names formats."""
        return self.words[0] if self.words else self.name

    def spelled(self, key: str, aliases: bool = True) -> bool:
        """Whether ``key`` (lower case) names this format."""
        return key in (self.name, self.media_type, *self.words) or (aliases and key in self.aliases)


SOLUTION_FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("json", "application/sparql-results+json", QueryResultsFormat.JSON, "SPARQL results JSON",
           ("application/json",), ("srj",)),
    Format("xml", "application/sparql-results+xml", QueryResultsFormat.XML, "SPARQL results XML",
           ("application/xml", "text/xml"), ("srx",)),
    Format("csv", "text/csv", QueryResultsFormat.CSV, "SPARQL results CSV"),
    Format("tsv", "text/tab-separated-values", QueryResultsFormat.TSV, "SPARQL results TSV", words=("text",)),
)}
# For a graph result the results formats' names mean their RDF cousins (``xml``: RDF/XML, ``json``:
# JSON-LD), as Fuseki and Virtuoso read them; Turtle answers for N3 (Turtle is N3's RDF subset).
RDF_FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("ttl", "text/turtle", RdfFormat.TURTLE, "Turtle",
           ("application/x-turtle", "application/turtle", "text/n3", "text/rdf+n3", "application/n3"),
           ("turtle", "n3", "text"), "turtle"),
    Format("nt", "application/n-triples", RdfFormat.N_TRIPLES, "N-Triples", ("text/plain",),
           ("ntriples", "n-triples"), "nt"),
    Format("rdf", "application/rdf+xml", RdfFormat.RDF_XML, "RDF/XML", ("application/xml", "text/xml"),
           ("rdfxml", "xml", "rdf+xml", "rdf/xml"), "xml"),
    Format("jsonld", "application/ld+json", RdfFormat.JSON_LD, "JSON-LD (compact)",
           ("application/json", "application/x-json+ld"), ("jsonld", "json-ld", "json"), "json-ld"),
    Format("nq", "application/n-quads", RdfFormat.N_QUADS, "N-Quads (named graphs)", (),
           ("nquads", "n-quads"), "nquads", quads=True),
    Format("trig", "application/trig", RdfFormat.TRIG, "TriG (named graphs)", (), (), "trig", quads=True),
)}
HTML_FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("html", "text/html", None, "HTML"),
    Format("xhtml", "application/xhtml+xml", None, "XHTML"),
)}
# The results formats' names, asked of an RDF document, mean their RDF cousins.
RDF_COUSINS = {"json": "jsonld", "xml": "rdf"}


def format_named(name: str) -> Format:
    """The format whose short name is ``name``."""
    return SOLUTION_FORMATS.get(name) or RDF_FORMATS.get(name) or HTML_FORMATS[name]


def formats_for(form: str) -> dict[str, Format]:
    """The formats a query form can answer in (SELECT/ASK: results formats; CONSTRUCT/DESCRIBE: RDF)."""
    return SOLUTION_FORMATS if form.upper() in SOLUTION_FORMS else RDF_FORMATS


def find(formats: Iterable[Format], name: str, aliases: bool = True) -> Format | None:
    """The format of ``formats`` that ``name`` (a short name, other spelling or media type) names.

    >>> find(RDF_FORMATS.values(), " Turtle ").name, find(RDF_FORMATS.values(), ".nq").name
    ('ttl', 'nq')
    >>> find(SOLUTION_FORMATS.values(), "ttl") is None
    True
    """
    key = name.strip().lower().lstrip(".")
    return next((f for f in formats if f.spelled(key, aliases)), None)


# --- Accept -------------------------------------------------------------------------------------

_Q = re.compile(r"-?\d+(\.\d+)?", re.ASCII)
_MIME_SPLIT = re.compile(r"/|(?:[ \t]*;[ \t]*)")


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """The media ranges of an Accept header with their q-values, most specific and preferred first.

    Items with an invalid q-value are skipped (RFC 9110); parameters other than q stay part of
    the range.

    >>> parse_accept("text/*;q=0.5, application/json, */*;q=0.1, text/csv;q=2")
    [('application/json', 1.0), ('text/*', 0.5), ('*/*', 0.1)]
    >>> parse_accept("") == parse_accept(None) == []
    True
    """
    if not header:
        return []
    ranges = []
    for item in _split_list(header):
        media, *params = [p.strip() for p in item.split(";")]
        q = 1.0
        kept = []
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                value = value.strip(" \t")
                if _Q.fullmatch(value) is None or not 0 <= float(value) <= 1:
                    break
                q = float(value)
            elif param:
                kept.append(f"{key.strip()}={value.strip()}")
        else:
            if media:
                ranges.append(("; ".join([media, *kept]), q))
    return sorted(ranges, key=lambda r: (_specificity(r[0]), r[1]), reverse=True)


def _split_list(header: str) -> list[str]:
    """Split a header on commas outside quoted strings; drop empty items."""
    items, item, quoted, escaped = [], "", False, False
    for char in header:
        if escaped:
            escaped = False
        elif quoted and char == "\\":
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            items.append(item.strip())
            item = ""
            continue
        item += char
    items.append(item.strip())
    return [i for i in items if i]


def _specificity(media_range: str) -> tuple[bool, ...]:
    return tuple(part != "*" for part in _MIME_SPLIT.split(media_range))


def _matches(offered: str, media_range: str) -> bool:
    """Whether the client's ``media_range`` covers the ``offered`` media type."""
    if "/" not in media_range:
        return False
    offer = _MIME_SPLIT.split(offered.lower())
    asked = _MIME_SPLIT.split(media_range.lower())
    if asked[0] == "*" and asked[1] != "*":
        return False
    if asked[:2] == ["*", "*"]:
        return True
    return asked[0] == offer[0] and (asked[1] == "*" or (asked[1] == offer[1] and sorted(asked[2:]) == sorted(offer[2:])))


def quality(accept: str | None, offered: str) -> float:
    """The q-value the client gives ``offered`` (0 if it does not accept it).

    >>> quality("text/html;q=0.9, */*;q=0.8", "text/turtle")
    0.8
    """
    return next((q for media_range, q in parse_accept(accept) if _matches(offered, media_range)), 0)


def best_match(accept: str | None, offered: Iterable[str]) -> str | None:
    """The offered media type the client prefers: highest q, then the most specific range, then our order.

    >>> best_match("text/csv;q=0.5, application/sparql-results+xml", ["text/csv", "application/sparql-results+xml"])
    'application/sparql-results+xml'
    >>> best_match("image/png", ["text/html"]) is None
    True
    """
    ranges = parse_accept(accept)
    result, best_q, best_specificity = None, -1.0, (-1,)
    for media in offered:
        found = next(((r, q) for r, q in ranges if _matches(media, r)), None)
        if found is None:
            continue
        media_range, q = found
        specificity = _specificity(media_range)
        if q <= 0 or q < best_q:
            continue
        if q > best_q or specificity > best_specificity:
            result, best_q, best_specificity = media, q, specificity
    return result


def requested(values: Iterable[str]) -> list[str]:
    """The format names a request gives, in order: each value split on commas, trimmed, lower-cased.

    SPARQLWrapper sends ``format=json-ld&format=application/ld+json,application/x-json+ld``.

    >>> requested(["json-ld", " application/ld+json,application/x-json+ld ", ""])
    ['json-ld', 'application/ld+json', 'application/x-json+ld']
    """
    return [piece.strip().lower() for value in values for piece in str(value).split(",") if piece.strip()]


def negotiate(formats: Mapping[str, Format] | Iterable[Format], accept: str | None,
              name: str | Iterable[str] | None = None, *, what: str = "this resource", aliases: bool = True) -> Format:
    """Pick one of ``formats`` from format names (``format=``, a suffix) or else the Accept header.

    The first name that names one of ``formats`` wins over Accept; names given that name none are a
    :class:`NotAcceptable` (as is an Accept header that names none). Accept is read with q-values, at
    equal q the most specific range wins, then the order of ``formats``; without names and Accept
    (or only ``*/*``), the first format. ``what`` says what was asked, for the message.

    >>> negotiate(formats_for("SELECT"), "text/csv;q=0.5, application/sparql-results+xml").name
    'xml'
    >>> negotiate(formats_for("CONSTRUCT"), None).name
    'ttl'
    >>> negotiate(formats_for("ASK"), "*/*", "tsv").media_type
    'text/tab-separated-values'
    >>> negotiate(formats_for("CONSTRUCT"), "text/turtle", ["yaml", "xml"]).media_type
    'application/rdf+xml'
    >>> negotiate(formats_for("DESCRIBE"), "text/n3").media_type
    'text/turtle'
    >>> negotiate(formats_for("SELECT"), "text/*").name  # an alias (text/xml) only where it is named
    'csv'
    """
    table = list(formats.values()) if isinstance(formats, Mapping) else list(formats)
    names = [name] if isinstance(name, str) else list(name or ())
    names = [n for n in names if n and n.strip()]
    # The same few Accept headers come again and again: their answer is kept, by the request's own words
    # (the LRU counts their bytes; a header longer than it keeps is answered, not kept).
    key = (tuple(f.name for f in table), accept or "", tuple(names), aliases)
    found = _NEGOTIATED.get(key)
    if found is None:
        found = _negotiate(table, accept, names, what, aliases)
        _NEGOTIATED.put(key, found)
    return found


_NEGOTIATED: LRU[Format] = LRU(max_entries=1024, max_bytes=64 << 10, max_item_bytes=1 << 10, sizer=lambda _: 8)


def _negotiate(table: list[Format], accept: str | None, names: list[str], what: str, aliases: bool) -> Format:
    offered = [f.media_type for f in table]
    if names:
        found = next((f for f in (find(table, n, aliases) for n in names) if f is not None), None)
        if found is None:
            asked = ", ".join(f"'{n.strip()}'" for n in names)
            raise NotAcceptable(f"format {asked} is not offered for {what}; "
                                f"use one of: {', '.join(f.name for f in table)} (or Accept: {', '.join(offered)})",
                                offered)
        return found
    ranges = parse_accept(accept)
    if not ranges:
        return table[0]
    # A format's other media types count where the client names them (text/* is not a request for text/xml).
    named = {media_range.split(";")[0].strip().lower() for media_range, _ in ranges}
    by_type: dict[str, Format] = {}  # in the table's order, each format's other types after its own
    for fmt in table:
        for media_type in (fmt.media_type, *(a for a in fmt.aliases if aliases and a in named)):
            by_type.setdefault(media_type, fmt)
    best = best_match(accept, list(by_type))
    if best is None:
        raise NotAcceptable(f"none of the requested types ({accept}) is offered for {what}; "
                            f"offered: {', '.join(offered)}", offered)
    return by_type[best]
