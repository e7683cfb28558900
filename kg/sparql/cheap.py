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
  a bound, and none of whose patterns is a long scan (:mod:`kg.sparql.patterns`).

Anything else, or anything this reader does not follow, is simply not proven: it runs in the pool.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph

from kg.sparql.lexer import Token, tokens, where_group
from kg.sparql.patterns import NotProven, PatternCounts, prologue, prove_pattern, read_basic, row_width, term
from kg.sparql.registry import NamedQuery, Registry

REMEMBERED = 16 << 10  # characters of a text whose plan a thread keeps for the same request's next question


@dataclass(frozen=True)
class Plan:
    """How to evaluate a query proven cheap: the text, its substitutions, and the most rows it can give."""

    sparql: str
    form: str
    substitutions: tuple = ()  # (variable name, term) pairs
    rows_at_most: int | None = None  # None: a named query (as cheap as the registry's query is)
    row_width: int | None = None  # variables bound in every row of a bounded SELECT (counts a JSON body's rows)
    named: str | None = None  # the named query's name


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
                frame = _Frame(text[:at], text[at:], query, prologue(toks)[0], _selected(toks, opening))
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
            bound[name] = term(cell, prefixes)
    return bound, i


def named_plan(toks: list[Token], index: NamedIndex, text_for) -> Plan:
    """The plan of a named query's text with one single-row VALUES clause per parameter after its WHERE's ``{``.

    ``text_for(query)`` is the text the store evaluates the named query with.
    """
    prefixes, _ = prologue(toks)
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


def plan(sparql: str, counts: PatternCounts, index: NamedIndex, text_for) -> Plan:
    """The plan of a query proven cheap on a store with ``counts``; raise :class:`NotProven` otherwise."""
    if "\\u" in sparql or "\\U" in sparql:
        raise NotProven("\\u escapes")
    try:
        values = "VALUES" in sparql.upper()  # no VALUES keyword without these letters: most texts skip both steps
        if values:
            found = index.framed(sparql, text_for)
            if found is not None:
                return found
        toks = tokens(sparql)
        if values and any(t.kind == "word" and t.key == "VALUES" for t in toks):
            return named_plan(toks, index, text_for)
        form, patterns, projected = read_basic(toks)
        return Plan(sparql, form, rows_at_most=prove_pattern(patterns, counts),
                    row_width=row_width(form, patterns, projected))
    except (IndexError, ValueError) as exc:  # a text cut short, a term pyoxigraph refuses: not read, not proven
        raise NotProven(f"not read: {exc}") from None
