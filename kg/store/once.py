"""Named queries answered once per store: their rows computed once over a graph that never changes while served.

A named query whose header says ``#+ computed: once`` (``statistics``: a count over every graph)
is evaluated the first time a store is asked for it — ``kneekg serve`` asks for every named
query while it loads, before it forks — and from then on the store evaluates a ``VALUES`` table
of those rows instead, with the query's own ``ORDER BY``: the same rows in the same order, for a
lookup's cost instead of a scan of the whole graph (673 ms at a million triples).

A named query with one IRI parameter may say ``#+ computed: once`` too (``causes-of``: every
condition's causes, each with its quotes). The embedded store then evaluates it once with the
parameter unbound — every value's rows in one evaluation, its joins hashed instead of looked up
row by row — and keeps, for each value that has rows, a ``VALUES`` table of exactly the rows the
query gives for that value, in its order (evaluated bound; the table is checked to give them so);
a value without rows gets the empty table. Evaluated, such a query took 1-1.7 ms at a million
triples (pyoxigraph plans it anew on every call, then looks up each row's evidence); its table
costs a parse of its rows, 0.1-0.45 ms (:func:`per_value_text`; ``bench/results/per-value-tables.md``).
Making the tables costs one unbound evaluation and one bound evaluation per value, once (1.3-5.8 s
a query at a million triples). A remote store evaluates the standard text.
"""

from __future__ import annotations

import threading
from collections import Counter

import pyoxigraph

from kg.sparql.protocol import Term
from kg.sparql.registry import NamedQuery, registry
from kg.sparql.text import values_clause
from kg.store.memo import per_store
from kg.store.rewrite import split_order

_lock = threading.Lock()
_building: dict[str, threading.Lock] = {}  # one per query: tabling one query does not hold up another


@per_store
def _answers(store) -> dict[str, str]:
    return {}


def _rows(result) -> tuple[list[str], list[list]]:
    variables = [v.value for v in result.variables]
    return variables, [[solution[v] for v in variables] for solution in result]


def table_text(sparql: str, variables: list[str], rows: list[list], ordered: bool = True) -> str | None:
    """The rows as a query of their own: a VALUES table under ``sparql``'s ORDER BY (None if that cannot hold them).

    Without ``ordered``, the table has no ORDER BY: the rows are already in order, and pyoxigraph gives
    VALUES rows as written (sorting them again costs more than reading them: 0.1-0.2 ms).

    >>> lit = pyoxigraph.Literal
    >>> print(table_text("SELECT ?m ?n WHERE { ?s ?p ?o } ORDER BY ?m", ["m", "n"], [[lit("a"), lit("1")]]))
    SELECT ?m ?n WHERE { VALUES (?m ?n) { ("a" "1") } }
    ORDER BY ?m
    """
    if any(isinstance(term, pyoxigraph.BlankNode) for row in rows for term in row):
        return None  # a blank node cannot be written in VALUES
    try:
        order = split_order(sparql)[2] if ordered else ""
    except ValueError:
        order = ""
    projection = " ".join(f"?{v}" for v in variables)
    return f"SELECT {projection} WHERE {{ {values_clause(variables, rows)} }}\n{order}".rstrip()


def answered_text(store, query: NamedQuery, text: str) -> str:
    """The text ``store`` evaluates ``query`` with: its rows as a table, made from ``text`` once per store.

    The table is checked before it is kept: evaluated on an empty store it must give the rows
    ``text`` gave, in the same order; otherwise ``text`` stays the answer.
    """
    answers = _answers(store)
    found = answers.get(query.name)
    if found is not None:
        return found
    with _lock:
        found = answers.get(query.name)
        if found is None:
            variables, rows = _rows(store.query(text))
            table = table_text(text, variables, rows)
            if table is None or _rows(pyoxigraph.Store().query(table)) != (variables, rows):
                table = text
            found = answers[query.name] = table
    return found


@per_store
def _value_tables(store) -> dict[str, tuple[dict[Term, str | None], str] | None]:
    return {}


_per_value: dict[str, NamedQuery] | None = None


def _per_value_queries(text_for) -> dict[str, NamedQuery]:
    """The registry's one-parameter ``#+ computed: once`` queries, by the text the store evaluates them with."""
    global _per_value
    if _per_value is None:
        found = {text_for(query): query for query in registry() if query.once and query.params}
        with _lock:
            _per_value = found
    return _per_value


def _tables(store, query: NamedQuery, text: str) -> tuple[dict[Term, str | None], str] | None:
    """Each value of ``query``'s parameter that has rows, with the table that answers it (None: evaluate ``text``),
    and the empty table, which answers every other value.

    None for the whole query if its rows cannot be told apart by the parameter: a row without it,
    or a value whose rows, evaluated bound, are not the unbound rows with that value.
    """
    param = query.params[0].name
    result = store.evaluate(text)  # every value's rows at once
    variables = [v.value for v in result.variables]
    if param not in variables:
        return None
    groups: dict[Term, list[list]] = {}
    for solution in result:
        value = solution[param]
        if value is None:
            return None
        groups.setdefault(value, []).append([solution[v] for v in variables])
    empty = pyoxigraph.Store()
    tables: dict[Term, str | None] = {}
    for value, rows in groups.items():
        bound_variables, bound = _rows(store.evaluate(text, substitutions={param: value}))
        if bound_variables != variables or Counter(map(tuple, bound)) != Counter(map(tuple, rows)):
            return None
        table = table_text(text, variables, bound, ordered=False)
        tables[value] = table if table is not None and _rows(empty.query(table)) == (variables, bound) else None
    none = table_text(text, variables, [], ordered=False)
    return (tables, none) if none is not None and _rows(empty.query(none)) == (variables, []) else None


def per_value_text(store, sparql: str, substitutions: dict[str, Term]) -> str | None:
    """The table that answers ``sparql`` with ``substitutions``, if it is a one-parameter ``computed: once`` query.

    None when it is not one, or when its rows could not be tabled: then ``sparql`` is evaluated.
    The tables of a query are made the first time a store is asked for it, under a lock.
    """
    query = _per_value_queries(store.text_for).get(sparql)
    if query is None or len(substitutions) != 1 or query.params[0].name not in substitutions:
        return None
    tables = _value_tables(store)
    if query.name not in tables:
        with _lock:
            building = _building.setdefault(query.name, threading.Lock())
        with building:
            if query.name not in tables:
                tables[query.name] = _tables(store, query, sparql)
    found = tables[query.name]
    if found is None:
        return None
    tables, none = found
    return tables.get(substitutions[query.params[0].name], none)
