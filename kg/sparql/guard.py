"""Refuse what a query may not do before anything is evaluated.

A query is *analysed* on its tokens (:mod:`kg.sparql.lexer`): updates, ``SERVICE`` and
``FROM``/``FROM NAMED`` naming graphs outside the served ones are refused before evaluation,
so a query can never make the server write or open a connection; a query too deeply nested or
too long in one chain for a parser to read safely is refused here too (:func:`kg.sparql.lexer.check_shape`).
Parser messages become positioned :class:`~kg.sparql.errors.QuerySyntaxError` s.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Iterable

from kg.namespaces import NAMED_GRAPHS, PREFIXES
from kg.sparql.errors import QueryRefused, QuerySyntaxError
from kg.sparql.lexer import QUERY_FORMS, Token, check_shape, tokens, unescape_codepoints
from kg.sparql.lru import LRU

SERVED_GRAPHS = tuple(str(g) for g in NAMED_GRAPHS)
UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")


@dataclass(frozen=True)
class Analysis:
    """What a query asks for, found before it runs."""

    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    from_graphs: tuple[str, ...] = ()
    from_named_graphs: tuple[str, ...] = ()


def analyse(sparql: str, served: Iterable[str] = SERVED_GRAPHS) -> Analysis:
    """Find the query form and its dataset; refuse updates, SERVICE and graphs outside ``served``.

    Cached by a digest of the text (never the text: a client's megabyte query is not kept), so
    the same query is analysed once (negotiation and preparation both ask).
    """
    served = tuple(served)
    key = hashlib.sha256(repr((sparql, served)).encode("utf-8", "surrogatepass")).digest()
    found = _ANALYSES.get(key)
    if found is None:
        found = _analyse(sparql, served)
        _ANALYSES.put(key, found)
    return found


_ANALYSES: LRU[Analysis] = LRU(max_entries=4096, max_bytes=4 << 20, sizer=lambda a: 64 + sum(
    len(g) for g in a.from_graphs + a.from_named_graphs))


def _analyse(sparql: str, served: tuple[str, ...]) -> Analysis:
    """Tokenise ``sparql`` and check it (see :func:`analyse`).

    >>> analyse("PREFIX kgg: <https://w3id.org/kneekg/graph/> ASK FROM kgg:facts { ?s ?p ?o }")
    Analysis(form='ASK', from_graphs=('https://w3id.org/kneekg/graph/facts',), from_named_graphs=())
    >>> analyse("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kg.sparql.errors.QueryRefused: SERVICE is not allowed: this endpoint never queries other servers
    """
    text = unescape_codepoints(sparql)
    toks = tokens(text)
    check_shape(text, toks)
    prefixes: dict[str, str] = {}
    form = None
    i = 0
    # Prologue: BASE <iri> and PREFIX p: <iri>, then the first keyword says what the request is.
    while i < len(toks):
        token = toks[i]
        upper = token.key
        if token.kind == "word" and upper == "PREFIX" and i + 2 < len(toks):
            prefixes[toks[i + 1].text[:-1]] = toks[i + 2].text[1:-1]
            i += 3
            continue
        if token.kind == "word" and upper == "BASE" and i + 1 < len(toks):
            i += 2
            continue
        if token.kind == "word" and upper in UPDATE_KEYWORDS:
            raise QueryRefused(f"{upper} is a SPARQL Update operation: this endpoint is read-only "
                               "and answers queries only (SELECT, ASK, CONSTRUCT, DESCRIBE)")
        if token.kind == "word" and upper in QUERY_FORMS:
            form = upper
        break
    for token in toks:
        if token.kind == "word" and token.key == "SERVICE":
            raise QueryRefused("SERVICE is not allowed: this endpoint never queries other servers", kind="forbidden")
    default: list[str] = []
    named: list[str] = []
    served = set(served)
    for j, token in enumerate(toks):
        if not (token.kind == "word" and token.key == "FROM"):
            continue
        k = j + 1
        target = default
        if k < len(toks) and toks[k].kind == "word" and toks[k].key == "NAMED":
            target, k = named, k + 1
        if k >= len(toks):
            break
        graph = _resolve(toks[k], prefixes)
        if graph is None:
            continue  # not a dataset clause; the parser will say what is wrong
        if graph not in served:
            raise QueryRefused(f"graph <{graph}> is not served here; FROM and FROM NAMED may name only: "
                               + ", ".join(f"<{g}>" for g in sorted(served)))
        target.append(graph)
    if form is None:
        form = "SELECT"  # let the parser report the syntax error with its position
    return Analysis(form, tuple(default), tuple(named))


def _resolve(token: Token, prefixes: dict[str, str]) -> str | None:
    if token.kind == "iri":
        return token.text[1:-1]
    if token.kind == "pname":
        prefix, _, local = token.text.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
        return token.text
    return None


def check_dataset(graphs: Iterable[str], served: Iterable[str] = SERVED_GRAPHS, what: str = "graph") -> list[str]:
    """Return ``graphs`` if every one is served; otherwise refuse, naming the first stranger."""
    served = set(served)
    graphs = list(graphs)
    for graph in graphs:
        if graph not in served:
            raise QueryRefused(f"{what} <{graph}> is not served here; use one of: "
                               + ", ".join(f"<{g}>" for g in sorted(served)))
    return graphs


_POSITION = re.compile(r"error at (\d+):(\d+)")


def syntax_error(message: str) -> QuerySyntaxError:
    """Turn pyoxigraph's parser message (``error at 3:17: expected …``) into a positioned error.

    >>> error = syntax_error("error at 3:17: expected one of FILTER, SELECT")
    >>> str(error), error.line, error.column
    ('syntax error at line 3, column 17: expected one of FILTER, SELECT', 3, 17)
    """
    match = _POSITION.search(message)
    if match:
        line, column = int(match.group(1)), int(match.group(2))
        detail = " ".join(message[match.end():].lstrip(": ").split())
        if "Prefix not found" in detail:
            detail = "undeclared prefix: declare it with a PREFIX line (the graph's prefixes: " \
                     + ", ".join(f"{p}:" for p in PREFIXES) + ")"
        elif len(detail) > 200:
            detail = detail[:200] + "…"
        return QuerySyntaxError(f"syntax error at line {line}, column {column}: {detail}", line, column)
    return QuerySyntaxError(f"syntax error: {message}")
