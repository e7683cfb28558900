"""Prove a query cheap before it runs, so that it may be evaluated in the serving thread.

Ad-hoc queries are evaluated in killable query processes (:mod:`kg.sparql.pool`) because a
running pyoxigraph query cannot be stopped; the hand-off there and back costs ~0.4 ms, more than
a small query itself. A query this module can *prove* cheap is evaluated in the serving thread on
the warm store instead (:class:`kg.sparql.engine.Engine`); every other query keeps the query
processes and their deadline. Two kinds are proven, read on the lexer's tokens:

* **a named query with its parameters bound** — the registry's text (``queries/*.rq``, comments
  and spacing aside) with one single-row ``VALUES`` clause per parameter at the start of its WHERE
  group, as the editor and the answers' "run in the editor" links write it. It is evaluated as
  ``GET /api/queries/<name>`` already evaluates it in process — the store's text for it, the
  parameters as substitutions (the same rows in the same order: ``tests/unit/sparql/test_cheap.py``);
* **a small basic graph pattern** — SELECT or ASK over plain triple patterns (IRIs, plain
  literals, variables; no property path, blank node, nested group, FILTER, OPTIONAL or
  expression), joined in an order that starts from constants and in which every pattern shares a
  variable with those before it (no cartesian product), whose worst-case row count — each
  pattern's matches counted in the store, or its largest fan-out per bound term — stays within
  :data:`MAX_ROWS`, and none of whose patterns matches more than :data:`MAX_SCAN` quads alone.

Anything else, or anything this reader does not follow, is simply not proven: it runs in the pool.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

import pyoxigraph

from kg.sparql.lexer import Token, tokens, where_group
from kg.sparql.registry import NamedQuery, Registry

MAX_ROWS = 2000  # worst-case rows of a pattern run in the serving thread (~1 ms of evaluation)
MAX_SCAN = 10000  # quads one pattern may match alone (whichever join order the engine picks, no scan is longer)
REMEMBERED = 16 << 10  # characters of a text whose plan a thread keeps for the same request's next question
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


@dataclass(frozen=True)
class Plan:
    """How to evaluate a query proven cheap: the text, its substitutions, and the most rows it can give."""

    sparql: str
    form: str
    substitutions: tuple = ()  # (variable name, term) pairs
    rows_at_most: int | None = None  # None: a named query (as cheap as the registry's query is)
    row_width: int | None = None  # variables bound in every row of a bounded SELECT (counts a JSON body's rows)
    named: str | None = None  # the named query's name


class NotProven(Exception):
    """The query is not one this module proves cheap (the message says why); it runs in the pool."""


# --- terms -----------------------------------------------------------------------------------------

def _prologue(toks: list[Token]) -> tuple[dict[str, str], int]:
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


def _term(token: Token, prefixes: dict[str, str]):
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


# --- named queries with bound parameters -----------------------------------------------------------

@dataclass(frozen=True)
class _Frame:
    """A named query's text cut at its WHERE group's ``{``, where the editor writes the VALUES clauses."""

    head: str  # the text up to and including the ``{``
    tail: str  # the rest of the text
    query: NamedQuery
    prefixes: dict
    selected: frozenset | None  # the variables a SELECT projects (None: ``*``, or not a SELECT)


class NamedIndex:
    """The registry's queries by their token texts (comments and spacing aside), for :func:`named_plan`.

    Also each query's text (with its ``#+`` header, and with it as plain comments, as the editor
    writes it) cut where the VALUES clauses go: a request that is such a text with VALUES clauses
    inserted is recognised by comparing strings (:meth:`framed`), without splitting its ~1 KB
    into tokens.
    """

    def __init__(self, registry: Registry):
        from kg.sparql.text import without_header

        self._by_tokens: dict[tuple[str, ...], NamedQuery] = {}
        self._frames: list[_Frame] = []
        self._by_head: dict[str, list[_Frame]] = {}
        for query in registry:
            if not query.params:
                continue
            self._by_tokens[tuple(t.text for t in tokens(query.sparql))] = query
            for text in dict.fromkeys((query.sparql, without_header(query.sparql))):
                toks = tokens(text)
                try:
                    opening, _ = where_group(toks)
                except ValueError:
                    continue
                if opening + 1 < len(toks) and toks[opening + 1].key == "VALUES":
                    continue  # its own VALUES would be read as bound parameters: left to the token reader
                if self._by_tokens.get(tuple(t.text for t in toks)) is not query:
                    continue  # another query with the same tokens is the one the token reader finds
                at = toks[opening].end
                frame = _Frame(text[:at], text[at:], query, _prologue(toks)[0], _selected(toks, opening))
                self._frames.append(frame)
                self._by_head.setdefault(frame.head, []).append(frame)

    def get(self, texts: tuple[str, ...]) -> NamedQuery | None:
        return self._by_tokens.get(texts)

    def framed(self, sparql: str, text_for) -> Plan | None:
        """The plan of ``sparql`` if it is a named query's text with single-row VALUES clauses right after its
        WHERE group's ``{`` and nothing but spacing and comments after the text's end; None otherwise (the
        token reader then decides: :func:`named_plan`).

        The same reading as :func:`named_plan`'s: the head ends with a ``{`` token and the inserted
        clauses with a ``}`` token followed only by spacing, and what follows the tail starts a new
        token, so no token of the whole text crosses a seam: its tokens are the head's, the clauses'
        and the tail's.
        """
        values = sparql.find("VALUES")  # as the editor writes it: the head is the text up to the "{" before it
        frames = self._by_head.get(sparql[:sparql.rfind("{", 0, values) + 1], ()) if values > 0 else ()
        for frame in frames or self._frames:
            if not sparql.startswith(frame.head):
                continue
            cut = sparql.find(frame.tail, len(frame.head))
            if cut < 0:
                continue
            clauses = sparql[len(frame.head):cut].rstrip()
            after = sparql[cut + len(frame.tail):]
            toks = tokens(clauses)
            if not toks or toks[-1].text != "}" or toks[-1].end != len(clauses):
                continue
            if after and (tokens(after) or not (after[0].isspace() or frame.tail[-1:].isspace())):
                continue
            try:
                bound, end = _values_clauses(toks, 0, frame.prefixes)
            except (NotProven, IndexError, ValueError):
                continue
            if end == len(toks) and bound:
                return _named_query_plan(frame.query, bound, frame.selected, text_for)
        return None


def _selected(toks: list[Token], opening: int) -> frozenset | None:
    """The variables a SELECT projects (its tokens before the WHERE group's ``{``); None for ``*`` or another form."""
    select = next((i for i, t in enumerate(toks[:opening]) if t.kind == "word" and t.key == "SELECT"), None)
    if select is None or any(t.text == "*" for t in toks[select:opening]):
        return None
    return frozenset(t.key[1:] for t in toks[select:opening] if t.kind == "var")


def _values_clauses(toks: list[Token], i: int, prefixes: dict[str, str]) -> tuple[dict[str, object], int]:
    """Single-row VALUES clauses from ``i``: the bindings and the index after them."""
    bound: dict[str, object] = {}
    while i < len(toks) and toks[i].kind == "word" and toks[i].key == "VALUES":
        if i + 1 < len(toks) and toks[i + 1].kind == "var":  # VALUES ?x { term }
            names, i = [toks[i + 1].key[1:]], i + 2
            if toks[i].text != "{" or i + 2 >= len(toks) or toks[i + 2].text != "}":
                raise NotProven("a VALUES clause with other than one row")
            cells, i = [toks[i + 1]], i + 3
        elif i + 1 < len(toks) and toks[i + 1].text == "(":  # VALUES (?a ?b) { (t1 t2) }
            j = i + 2
            names = []
            while j < len(toks) and toks[j].kind == "var":
                names.append(toks[j].key[1:])
                j += 1
            n = len(names)
            if not names or toks[j].text != ")" or j + n + 4 >= len(toks) or toks[j + 1].text != "{" \
                    or toks[j + 2].text != "(" or toks[j + n + 3].text != ")" or toks[j + n + 4].text != "}":
                raise NotProven("a VALUES clause with other than one row")
            cells, i = toks[j + 3:j + n + 3], j + n + 5
        else:
            raise NotProven("a VALUES clause this reader does not follow")
        for name, cell in zip(names, cells):
            if name in bound or (cell.kind == "word" and cell.key == "UNDEF"):
                raise NotProven("a variable bound twice or left UNDEF")
            bound[name] = _term(cell, prefixes)
    return bound, i


def named_plan(toks: list[Token], index: NamedIndex, text_for) -> Plan:
    """The plan of a named query's text with one single-row VALUES clause per parameter after its WHERE's ``{``.

    ``text_for(query)`` is the text the store evaluates the named query with.
    """
    prefixes, _ = _prologue(toks)
    try:
        opening, _ = where_group(toks)
    except ValueError:
        raise NotProven("no WHERE group") from None
    bound, after = _values_clauses(toks, opening + 1, prefixes)
    if not bound:
        raise NotProven("no VALUES clause at the start of the WHERE group")
    query = index.get(tuple(t.text for t in toks[:opening + 1] + toks[after:]))
    if query is None:
        raise NotProven("not a named query's text")
    return _named_query_plan(query, bound, _selected(toks, opening), text_for)


def _named_query_plan(query: NamedQuery, bound: dict[str, object], selected: frozenset | None, text_for) -> Plan:
    """The plan of ``query`` with its parameters ``bound``; ``selected``: the variables it projects (None: all)."""
    params = {p.name: p for p in query.params}
    if set(bound) != set(params):
        raise NotProven("VALUES does not bind exactly the named query's parameters")
    for name, term in bound.items():
        expected = pyoxigraph.NamedNode if params[name].type == "iri" else pyoxigraph.Literal
        if not isinstance(term, expected) or (params[name].type == "integer"):
            raise NotProven(f"?{name} bound to a term of another type than the parameter's")
    if query.form == "SELECT" and selected is not None and not set(bound) <= selected:
        raise NotProven("a parameter the named query does not select")  # pyoxigraph substitutes only a selected one
    return Plan(text_for(query), query.form, tuple(sorted(bound.items())), named=query.name)


_NAMED_INDEX: NamedIndex | None = None


def named_index() -> NamedIndex:
    """The project's registry indexed by token texts, made once per process (the queries never change)."""
    global _NAMED_INDEX
    if _NAMED_INDEX is None:
        from kg.sparql.registry import registry

        _NAMED_INDEX = NamedIndex(registry())
    return _NAMED_INDEX


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
    kg.sparql.cheap.NotProven: a term this reader does not follow: '+'
    """
    form, patterns, _ = _read_basic(toks)
    return form, patterns


def _read_basic(toks: list[Token]) -> tuple[str, list[Pattern], frozenset | None]:
    """:func:`basic_pattern`'s reading, with the variables a SELECT projects (None for ``*`` or an ASK)."""
    prefixes, i = _prologue(toks)
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
    return token.key[1:] if token.kind == "var" else _term(token, prefixes)


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


def _row_width(form: str, patterns: list[Pattern], projected: frozenset | None) -> int | None:
    """How many variables every row of a SELECT over ``patterns`` binds: each solution of a basic graph
    pattern binds all its variables, so the projected ones among them (None for an ASK, or for none).

    >>> _row_width("SELECT", basic_pattern(tokens("SELECT * { ?s ?p ?o }"))[1], None)
    3
    >>> _row_width("SELECT", basic_pattern(tokens("SELECT ?o ?x { <urn:s> ?p ?o }"))[1], frozenset({"o", "x"}))
    1
    """
    if form != "SELECT":
        return None
    in_patterns = set().union(*(p.variables() for p in patterns))
    return len(in_patterns if projected is None else projected & in_patterns) or None


def plan(sparql: str, counts: PatternCounts, index: NamedIndex, text_for) -> Plan:
    """The plan of a query proven cheap on a store with ``counts``; raise :class:`NotProven` otherwise."""
    if "\\u" in sparql or "\\U" in sparql:
        raise NotProven("\\u escapes")
    try:
        if "VALUES" in sparql.upper():
            found = index.framed(sparql, text_for)
            if found is not None:
                return found
        toks = tokens(sparql)
        if any(t.kind == "word" and t.key == "VALUES" for t in toks):
            return named_plan(toks, index, text_for)
        form, patterns, projected = _read_basic(toks)
        return Plan(sparql, form, rows_at_most=prove_pattern(patterns, counts),
                    row_width=_row_width(form, patterns, projected))
    except (IndexError, ValueError) as exc:  # a text cut short, a term pyoxigraph refuses: not read, not proven
        raise NotProven(f"not read: {exc}") from None
