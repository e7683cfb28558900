"""Named queries answered once per store: their rows computed once over a graph that never changes while served.

A named query whose header says ``#+ computed: once`` (``statistics``: a count over every graph)
is evaluated the first time a store is asked for it — ``kneekg serve`` asks for every named
query while it loads, before it forks — and from then on the store evaluates a ``VALUES`` table
of those rows instead, with the query's own ``ORDER BY``: the same rows in the same order, for a
lookup's cost instead of a scan of the whole graph (673 ms at a million triples).

A named query with one IRI parameter may say ``#+ computed: once`` too (``causes-of``: every
condition's causes, each with its quotes; ``qualified-facts``: how the article states every fact
an entity takes part in). The embedded store then evaluates it once with the parameter unbound —
which values have rows, and what they are — and keeps, for each such value, the rows the query
gives bound to it, in its order, as pyoxigraph writes them in SPARQL TSV (evaluated bound; checked
to be that value's unbound rows); a value without rows gets the empty answer. Asked for a value,
the store parses its rows instead of evaluating the query: pyoxigraph plans a query anew on every
call (0.1-0.6 ms) and then looks up each row's evidence, ~14 look-ups per quote for
``qualified-facts`` (1.0-1.9 ms at a million triples), where parsing the TSV of its 30 rows takes
~0.1-0.2 ms (``bench/results/qualified-facts-tabled.md``). Making the answers costs one unbound and
one bound evaluation per value, once (at a million triples ~13 s for ``qualified-facts``'s
~9,600 entities, 44 MB of rows). A remote store evaluates the standard text.
"""

from __future__ import annotations

import threading

import pyoxigraph

from kg.sparql.protocol import Term
from kg.sparql.registry import NamedQuery, registry
from kg.sparql.text import values_clause
from kg.store.memo import per_store
from kg.store.rewrite import split_order

TSV = pyoxigraph.QueryResultsFormat.TSV

_lock = threading.Lock()
_building: dict[str, threading.Lock] = {}  # one per query: tabling one query does not hold up another


@per_store
def _answers(store) -> dict[str, str]:
    return {}


def _rows(result) -> tuple[list[str], list[list]]:
    variables = [v.value for v in result.variables]
    return variables, [[solution[v] for v in variables] for solution in result]


def table_text(sparql: str, variables: list[str], rows: list[list]) -> str | None:
    """The rows as a query of their own: a VALUES table under ``sparql``'s ORDER BY (None if that cannot hold them).

    >>> lit = pyoxigraph.Literal
    >>> print(table_text("SELECT ?m ?n WHERE { ?s ?p ?o } ORDER BY ?m", ["m", "n"], [[lit("a"), lit("1")]]))
    SELECT ?m ?n WHERE { VALUES (?m ?n) { ("a" "1") } }
    ORDER BY ?m
    """
    if any(isinstance(term, pyoxigraph.BlankNode) for row in rows for term in row):
        return None  # a blank node cannot be written in VALUES
    try:
        order = split_order(sparql)[2]
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
def _value_tables(store) -> dict[str, tuple[dict[str, bytes], bytes] | None]:
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


def _lines(body: bytes) -> list[bytes]:
    r"""The rows of a SPARQL TSV body, one line each (a literal escapes its tabs and line breaks).

    >>> _lines(b'?a\t?b\n<x>\t"1\\n2"\n<y>\t\n')
    [b'<x>\t"1\\n2"', b'<y>\t']
    """
    return body.split(b"\n")[1:-1]


def _tables(store, query: NamedQuery, text: str) -> tuple[dict[str, bytes], bytes] | None:
    """Each value of ``query``'s parameter that has rows (as N-Triples), with its answer: the rows ``text``
    gives bound to it, in order, as pyoxigraph writes them in SPARQL TSV; and the empty answer, for
    every other value.

    None for the whole query if its rows cannot be told apart by the parameter: a row without it,
    or a value whose rows, evaluated bound, are not the unbound rows with that value. Rows whose value
    is not an IRI (a literal: a definition's text) are left out, as the parameter is one
    (:func:`per_value_answer` evaluates any other term). The rows stay pyoxigraph's bytes throughout
    (written in Rust, compared and kept as they are): no term is read in Python, which keeps making
    an answer per entity affordable at a million triples.
    """
    param = query.params[0].name
    body = store.evaluate(text).serialize(format=TSV)  # every value's rows at once
    head = body[:body.index(b"\n")]
    try:
        column = head.split(b"\t").index(b"?" + param.encode())
    except ValueError:
        return None
    groups: dict[bytes, list[bytes]] = {}
    for line in _lines(body):
        cell = line.split(b"\t", column + 1)[column]
        if not cell:
            return None  # a row without the parameter: no value to keep it under
        if cell.startswith(b"<"):  # an IRI parameter is never bound to a literal (a definition's text) or a blank node
            groups.setdefault(cell, []).append(line)
    del body
    answers: dict[str, bytes] = {}
    for cell, rows in groups.items():
        value = pyoxigraph.NamedNode(cell[1:-1].decode())
        if str(value) != cell.decode():
            return None
        answer = store.evaluate(text, substitutions={param: value}).serialize(format=TSV)
        if not answer.startswith(head + b"\n") or sorted(_lines(answer)) != sorted(rows):
            return None
        answers[str(value)] = answer
    return answers, head + b"\n"


def per_value_answer(store, sparql: str, substitutions: dict[str, Term]) -> bytes | None:
    """The rows that answer ``sparql`` with ``substitutions`` (SPARQL TSV), if it is a one-parameter ``computed: once`` query.

    None when it is not one, or when its rows could not be tabled: then ``sparql`` is evaluated.
    The answers of a query are made the first time a store is asked for it, under a lock.
    """
    query = _per_value_queries(store.text_for).get(sparql)
    if query is None or len(substitutions) != 1 or \
            not isinstance(substitutions.get(query.params[0].name), pyoxigraph.NamedNode):
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
    answers, none = found
    return answers.get(str(substitutions[query.params[0].name]), none)
