"""Read a query's basic graph pattern and bound the rows it can give: the half of the cheap-query proof
(:mod:`kg.sparql.cheap`) that needs no named query.

A SELECT or ASK over plain triple patterns (IRIs, plain literals, variables; no property path,
blank node, nested group, FILTER, OPTIONAL or expression) is read on the lexer's tokens and joined
in an order that starts from constants and in which every pattern shares a variable with those
before it (no cartesian product); its worst-case row count — each pattern's matches counted in the
store, or its largest fan-out per bound term — must stay within :data:`MAX_ROWS`, and none of its
patterns may match more than :data:`MAX_SCAN` quads alone. The constants' own counts are read for
every text, so a new constant is bounded as the first was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

import pyoxigraph

from kg.sparql.lexer import Token, tokens

MAX_ROWS = 2000  # worst-case rows of a pattern run in the serving thread (~1 ms of evaluation)
MAX_SCAN = 10000  # quads one pattern may match alone (whichever join order the engine picks, no scan is longer)
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_ABSOLUTE = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]*:[^<>\"{}|^`\\\x00-\x20]*>")


class PatternCounts(Protocol):
    """What a store tells about its graph for the proof (:class:`kg.store.counts.PatternCounts`)."""

    def count(self, subject, predicate, obj, cap: int) -> int:
        """Quads matching the constants (None: any term), counted up to ``cap + 1``."""
        ...

    def fanout(self, predicate, side: str) -> int:
        """The most objects one subject has (``side='out'``), or subjects one object has (``'in'``), with
        ``predicate`` (None: with any predicate)."""
        ...


class NotProven(Exception):
    """The query is not one the proof reads as cheap (the message says why); it runs in the pool."""


# --- terms -----------------------------------------------------------------------------------------

def prologue(toks: list[Token]) -> tuple[dict[str, str], int]:
    """The PREFIX declarations and the index of the first token after them (BASE is not followed)."""
    prefixes: dict[str, str] = {}
    i = 0
    while i < len(toks) and toks[i].kind == "word" and toks[i].key == "PREFIX":
        if i + 2 >= len(toks) or toks[i + 1].kind != "pname" or not toks[i + 1].text.endswith(":") \
                or not _ABSOLUTE.fullmatch(toks[i + 2].text):
            raise NotProven("a PREFIX declaration this reader does not follow")
        prefixes[toks[i + 1].text[:-1]] = toks[i + 2].text[1:-1]
        i += 3
    return prefixes, i


def term(token: Token, prefixes: dict[str, str]):
    """A constant token as a pyoxigraph term (an absolute IRI, a prefixed name, a plain literal)."""
    if token.kind == "iri":
        if not _ABSOLUTE.fullmatch(token.text):
            raise NotProven("a relative IRI")
        return pyoxigraph.NamedNode(token.text[1:-1])
    if token.kind == "pname":
        prefix, _, local = token.text.partition(":")
        if prefix not in prefixes or "\\" in local:
            raise NotProven("a prefixed name this reader does not expand")
        try:
            return pyoxigraph.NamedNode(prefixes[prefix] + local)
        except ValueError:
            raise NotProven("not an IRI") from None
    if token.kind == "string" and "\\" not in token.text and not token.text.startswith(("'''", '"""')):
        return pyoxigraph.Literal(token.text[1:-1])
    if token.kind == "word" and token.text == "a":
        return pyoxigraph.NamedNode(RDF_TYPE)
    raise NotProven(f"a term this reader does not follow: {token.text[:40]!r}")


def _digits(toks: list[Token], i: int) -> tuple[int, int]:
    """An unsigned integer spelled by adjacent one-character tokens from ``i``; its value and the next index."""
    j = i
    while j < len(toks) and toks[j].kind == "other" and toks[j].text.isdigit() \
            and (j == i or toks[j].start == toks[j - 1].end):
        j += 1
    if j == i or j - i > 9:
        raise NotProven("not a small integer")
    return int("".join(t.text for t in toks[i:j])), j


# --- basic graph patterns --------------------------------------------------------------------------

@dataclass(frozen=True)
class Pattern:
    """One triple pattern: each place a term (a constant) or a variable name (``str``)."""

    subject: object
    predicate: object
    object: object

    def variables(self) -> set[str]:
        return {x for x in (self.subject, self.predicate, self.object) if isinstance(x, str)}


def basic_pattern(toks: list[Token]) -> tuple[str, list[Pattern]]:
    """Read a SELECT or ASK whose WHERE group is only triple patterns; return its form and patterns.

    >>> form, found = basic_pattern(tokens("PREFIX kg: <https://w3id.org/kneekg/id/> "
    ...                                    "SELECT ?p ?o WHERE { kg:cramp ?p ?o ; a ?t }"))
    >>> form, [sorted(p.variables()) for p in found]
    ('SELECT', [['o', 'p'], ['t']])
    >>> basic_pattern(tokens("SELECT * { ?s <urn:p>+ ?o }"))
    Traceback (most recent call last):
    ...
    kg.sparql.patterns.NotProven: a term this reader does not follow: '+'
    """
    form, patterns, _ = read_basic(toks)
    return form, patterns


def read_basic(toks: list[Token]) -> tuple[str, list[Pattern], frozenset | None]:
    """:func:`basic_pattern`'s reading, with the variables a SELECT projects (None for ``*`` or an ASK)."""
    prefixes, i = prologue(toks)
    projected = None
    if i >= len(toks) or toks[i].kind != "word" or toks[i].key not in ("SELECT", "ASK"):
        raise NotProven("not a SELECT or an ASK")
    form = toks[i].key
    i += 1
    if form == "SELECT":
        if i < len(toks) and toks[i].kind == "word" and toks[i].key in ("DISTINCT", "REDUCED"):
            i += 1
        if i < len(toks) and toks[i].text == "*":
            i += 1
        else:
            start = i
            while i < len(toks) and toks[i].kind == "var":
                i += 1
            if i == start:
                raise NotProven("a projection this reader does not follow")
            projected = frozenset(t.key[1:] for t in toks[start:i])
    if i < len(toks) and toks[i].kind == "word" and toks[i].key == "WHERE":
        i += 1
    if i >= len(toks) or toks[i].text != "{":
        raise NotProven("no group pattern where one was expected")
    patterns, i = _triples(toks, i + 1, prefixes)
    i = _modifiers(toks, i)
    if i != len(toks):
        raise NotProven(f"something after the pattern this reader does not follow: {toks[i].text[:40]!r}")
    if not patterns:
        raise NotProven("an empty pattern")
    return form, patterns, projected


def _place(token: Token, prefixes: dict[str, str]):
    return token.key[1:] if token.kind == "var" else term(token, prefixes)


def _triples(toks: list[Token], i: int, prefixes: dict[str, str]) -> tuple[list[Pattern], int]:
    """Triple patterns (with ``;`` and ``,``) up to the ``}`` that closes the group; the index after it."""
    found: list[Pattern] = []
    n = len(toks)
    while i < n and toks[i].text != "}":
        subject = _place(toks[i], prefixes)
        if isinstance(subject, pyoxigraph.Literal):
            raise NotProven("a literal subject")
        i += 1
        while True:
            if i >= n:
                raise NotProven("an unfinished pattern")
            predicate = _place(toks[i], prefixes)
            if isinstance(predicate, pyoxigraph.Literal):
                raise NotProven("a literal predicate")
            i += 1
            while True:
                if i >= n:
                    raise NotProven("an unfinished pattern")
                found.append(Pattern(subject, predicate, _place(toks[i], prefixes)))
                i += 1
                if i < n and toks[i].text == ",":
                    i += 1
                    continue
                break
            if i < n and toks[i].text == ";":
                while i < n and toks[i].text == ";":
                    i += 1
                if i < n and toks[i].text in (".", "}"):
                    break
                continue
            break
        if i < n and toks[i].text == ".":
            i += 1
        elif i < n and toks[i].text != "}":
            raise NotProven(f"a term this reader does not follow: {toks[i].text[:40]!r}")
    if i >= n:
        raise NotProven("an unclosed group")
    return found, i + 1


def _modifiers(toks: list[Token], i: int) -> int:
    """Skip ``ORDER BY`` over variables (or ASC/DESC of one), ``LIMIT n`` and ``OFFSET n``."""
    n = len(toks)
    if i + 1 < n and toks[i].kind == "word" and toks[i].key == "ORDER" and toks[i + 1].key == "BY":
        i += 2
        start = i
        while i < n:
            if toks[i].kind == "var":
                i += 1
            elif toks[i].kind == "word" and toks[i].key in ("ASC", "DESC") and i + 3 < n \
                    and toks[i + 1].text == "(" and toks[i + 2].kind == "var" and toks[i + 3].text == ")":
                i += 4
            else:
                break
        if i == start:
            raise NotProven("an ORDER BY this reader does not follow")
    for keyword in ("LIMIT", "OFFSET", "LIMIT"):
        if i < n and toks[i].kind == "word" and toks[i].key == keyword:
            _, i = _digits(toks, i + 1)
    return i


def _bound(counts: PatternCounts, pattern: Pattern, known: set[str], cap: int, alone: int) -> int:
    """The most rows ``pattern`` can add per row already found (``known``: the variables bound by then).

    ``alone``: its matches counted up to a cap of at least ``cap`` (so ``min(alone, cap + 1)`` is its count up to ``cap``).
    """
    const = [None if isinstance(x, str) else x for x in (pattern.subject, pattern.predicate, pattern.object)]
    best = min(alone, cap + 1)  # binding more places only narrows it
    fixed_s = const[0] is not None or pattern.subject in known
    fixed_o = const[2] is not None or pattern.object in known
    if fixed_s and const[0] is None:
        best = min(best, counts.fanout(const[1], "out"))
    if fixed_o and const[2] is None:
        best = min(best, counts.fanout(const[1], "in"))
    return best


def prove_pattern(patterns: list[Pattern], counts: PatternCounts, max_rows: int = MAX_ROWS) -> int:
    """The most rows the patterns can give, joined greedily from constants; raise NotProven above ``max_rows``.

    Each step takes the cheapest pattern that shares a variable with those taken (or has none of its
    own); a step with none such left would be a cartesian product, which is not proven. No pattern
    may match more than :data:`MAX_SCAN` quads alone, so that no join order reads more.
    """
    alone: list[int] = []
    for pattern in patterns:  # the engine may read any pattern alone (a hash join): none may be a long scan
        const = [None if isinstance(x, str) else x for x in (pattern.subject, pattern.predicate, pattern.object)]
        alone.append(counts.count(const[0], const[1], const[2], max(MAX_SCAN, max_rows)))
        if alone[-1] > MAX_SCAN:
            raise NotProven(f"a pattern that alone matches more than {MAX_SCAN} quads")
    matches = {id(pattern): n for pattern, n in zip(patterns, alone)}
    left = list(patterns)
    known: set[str] = set()
    rows = 1
    while left:
        candidates = [p for p in left if not known or not p.variables() or p.variables() & known]
        if not candidates:
            raise NotProven("a cartesian product (patterns that share no variable)")
        costs = [(_bound(counts, p, known, max_rows, matches[id(p)]), k) for k, p in enumerate(candidates)]
        cost, k = min(costs)
        rows *= cost
        if rows > max_rows:
            raise NotProven(f"it may give more than {max_rows} rows")
        chosen = candidates[k]
        left.remove(chosen)
        known |= chosen.variables()
    return rows


def row_width(form: str, patterns: list[Pattern], projected: frozenset | None) -> int | None:
    """How many variables every row of a SELECT over ``patterns`` binds: each solution of a basic graph
    pattern binds all its variables, so the projected ones among them (None for an ASK, or for none).

    >>> row_width("SELECT", basic_pattern(tokens("SELECT * { ?s ?p ?o }"))[1], None)
    3
    >>> row_width("SELECT", basic_pattern(tokens("SELECT ?o ?x { <urn:s> ?p ?o }"))[1], frozenset({"o", "x"}))
    1
    """
    if form != "SELECT":
        return None
    in_patterns = set().union(*(p.variables() for p in patterns))
    return len(in_patterns if projected is None else projected & in_patterns) or None
