"""Prepare the named queries for the embedded store: the same answers, evaluated row by row.

Most named queries attach each row's evidence with a trailing
``OPTIONAL { {…forward statement…} UNION {…inverse statement…} ?statement prov:value ?quote }``.
pyoxigraph (0.5) cannot push the row's bound variables into a UNION inside an OPTIONAL, so it
evaluates the optional side over *every* evidence statement and hash-joins: cost linear in the
provenance graph (2 ms on the article, 0.3 s at a million triples, ``bench/inprocess.py``).
Wrapping that trailing OPTIONAL in pyoxigraph's ``LATERAL`` (SPARQL 1.2 draft) evaluates it
once per row with the row's values substituted — a few index lookups — with the same result
(``tests/unit/store/test_prepared.py`` compares every named query both ways on the release graph and a
synthetic one). A trailing OPTIONAL that finds the statement by a FILTER over pairs
(``(?s = ?a && ?o = ?b) || (?s = ?b && ?o = ?a)``) becomes the UNION of those pairs first.
A run of trailing OPTIONALs (``qualified-facts``: six qualifiers of each statement, each a
hash join over every statement that has that qualifier) goes into one ``LATERAL``: one
evaluation per row for all of them (``qualified-facts`` at a million triples: 780 ms with a
shared statement pattern, 12 ms when each UNION branch started from the entity, about as long as
``causes-of`` so: ``bench/results/query-rewrites.md``). An OPTIONAL whose UNION branches all start from the
query's parameter is left alone: pyoxigraph reads it once and hash-joins the rows to it.

Only the registry's own texts are rewritten, and only for the embedded pyoxigraph store
(``EmbeddedStore.text_for``): a remote store (Virtuoso, Fuseki …) gets the standard SPARQL 1.1
text unchanged.
"""

from __future__ import annotations

import re
import threading

from kg.sparql.lexer import block_end, tokens
from kg.sparql.registry import NamedQuery

_PAIR_FILTER = re.compile(
    r"^\s*\?statement\s+rdf:subject\s+\?s\s*;\s*rdf:object\s+\?o\s*;\s*prov:value\s+\?quote\s*\.\s*"
    r"FILTER\s*\((?P<pairs>.*)\)\s*$", re.DOTALL)
_PAIR = re.compile(r"^\(\s*\?s\s*=\s*\?(\w+)\s*&&\s*\?o\s*=\s*\?(\w+)\s*\)$")
# What may follow the WHERE group the trailing OPTIONAL closes: the solution modifiers, or nothing.
_MODIFIERS = ("ORDER", "LIMIT", "OFFSET", "GROUP", "HAVING", "VALUES")


def _pairs_as_union(body: str, params: frozenset[str] = frozenset()) -> str | None:
    """``?statement … FILTER((?s = ?a && ?o = ?b) || …)`` as a UNION of bound pairs, or None if it is not that.

    Each pair is looked up from its end that is not one of ``params`` (the query's parameter is the
    entity asked about: it takes part in far more statements than the row's other entity).

    >>> print(_pairs_as_union("?statement rdf:subject ?s ; rdf:object ?o ; prov:value ?quote . "
    ...                       "FILTER((?s = ?c && ?o = ?v) || (?s = ?v && ?o = ?c))", frozenset({"c"})).strip())
    { ?statement rdf:object ?v ; rdf:subject ?c } UNION { ?statement rdf:subject ?v ; rdf:object ?c }
        ?statement prov:value ?quote .
    """
    match = _PAIR_FILTER.match(body)
    if not match:
        return None
    pairs = []
    for part in match.group("pairs").split("||"):
        pair = _PAIR.match(part.strip())
        if not pair:
            return None
        pairs.append(pair.groups())
    union = " UNION ".join(f"{{ ?statement rdf:object ?{b} ; rdf:subject ?{a} }}" if a in params else
                           f"{{ ?statement rdf:subject ?{a} ; rdf:object ?{b} }}" for a, b in pairs)
    return f"\n    {union}\n    ?statement prov:value ?quote .\n  "


_BRANCH_START = re.compile(r"\{\s*\?statement\s+rdf:(?:subject|object)\s+\?(\w+)")


def _from_parameter(body: str, params: frozenset[str]) -> bool:
    """Whether every UNION branch looks its statements up from a parameter: then the OPTIONAL is best left alone.

    pyoxigraph evaluates such an OPTIONAL once, from the parameter's statements, and hash-joins the
    rows to it; per row (``LATERAL``) it would read the parameter's statements again for every row,
    which costs most when the parameter is a hub (``conditions-with-symptom`` for a common symptom).

    >>> _from_parameter("{ ?statement rdf:object ?s ; rdf:subject ?c } UNION { ?statement rdf:subject ?s }", frozenset({"s"}))
    True
    >>> _from_parameter("{ ?statement rdf:object ?s } UNION { ?statement rdf:subject ?c }", frozenset({"s"}))
    False
    >>> _from_parameter("{ ?statement rdf:object ?s } UNION { ?statement rdf:subject ?s } ?statement <v> ?q", frozenset({"s"}))
    False
    """
    toks = tokens(body)
    outside, index = [], 0
    while index < len(toks):  # what stands between the branches: only UNION, nothing shared after them
        if toks[index].text == "{":
            index = block_end(toks, index) + 1
            continue
        outside.append(toks[index].key)
        index += 1
    starts = _BRANCH_START.findall(body)
    return (set(outside) <= {"UNION"} and len(starts) == outside.count("UNION") + 1
            and all(start in params for start in starts))


def _optional_body(body: str, params: frozenset[str]) -> str | None:
    """An OPTIONAL's body as it goes inside ``LATERAL``, or None if it cannot go there.

    A UNION goes as it is, a pair FILTER as the UNION of its pairs, a flat group of triple patterns
    as it is; a FILTER (it could read the outer row), a nested group, or a UNION whose branches all
    start from a parameter (:func:`_from_parameter`) keeps the OPTIONAL outside.
    """
    if "UNION" in body:
        return None if "FILTER" in body.upper() or _from_parameter(body, params) else body
    if "FILTER" in body.upper():
        return _pairs_as_union(body, params)
    return None if "{" in body else body


def rewrite(sparql: str, params: frozenset[str] = frozenset()) -> str | None:
    """The text with its trailing OPTIONALs evaluated per row (one ``LATERAL``), or None if not applicable.

    The trailing run of OPTIONALs — those that close the WHERE group, one after the other — goes
    into one ``LATERAL`` (one evaluation per row for all of them), from the first OPTIONAL whose
    body can (:func:`_optional_body`) to the last. A run that is a single flat group is left as
    it is: pyoxigraph already evaluates it per row.

    >>> print(rewrite("SELECT * WHERE {\\n  ?a <p> ?b .\\n  OPTIONAL { { ?st <s> ?a } UNION { ?st <o> ?a } }\\n}"))
    SELECT * WHERE {
      ?a <p> ?b .
      LATERAL { OPTIONAL { { ?st <s> ?a } UNION { ?st <o> ?a } } }
    }
    >>> print(rewrite("SELECT * WHERE { ?a <p> ?b OPTIONAL { ?a <q> ?c } OPTIONAL { ?a <r> ?d } }"))
    SELECT * WHERE { ?a <p> ?b LATERAL { OPTIONAL { ?a <q> ?c } OPTIONAL { ?a <r> ?d } } }
    >>> rewrite("SELECT * WHERE { ?a <p> ?b OPTIONAL { ?a <q> ?c } }") is None
    True
    >>> rewrite("SELECT * WHERE { ?a <p> ?b OPTIONAL { ?a <q> ?c } ?a <r> ?d }") is None
    True
    """
    toks = tokens(sparql)
    groups = [(i, block_end(toks, i + 1)) for i in range(len(toks) - 1)
              if toks[i].kind == "word" and toks[i].key == "OPTIONAL" and toks[i + 1].text == "{"]
    if not groups:
        return None
    closing = groups[-1][1]
    # Only the group's last patterns: what follows must close the WHERE group (then modifiers).
    after = toks[closing + 1:closing + 3]
    if not after or after[0].text != "}" or (len(after) > 1 and after[1].key not in _MODIFIERS):
        return None
    run = [groups[-1]]
    for group in reversed(groups[:-1]):
        if group[1] != run[0][0] - 1:
            break
        run.insert(0, group)
    bodies: list[str] = []
    for optional, end in reversed(run):  # from the last: the run stops at the first that cannot go
        body = _optional_body(sparql[toks[optional + 1].end:toks[end].start], params)
        if body is None:
            break
        bodies.insert(0, body)
    if not bodies or (len(bodies) == 1 and "UNION" not in bodies[0]):
        return None
    first = toks[run[len(run) - len(bodies)][0]].start
    inner = " ".join(f"OPTIONAL {{{body}}}" for body in bodies)
    return f"{sparql[:first]}LATERAL {{ {inner} }}{sparql[toks[closing].end:]}"


_prepared: dict[str, str] = {}
_lock = threading.Lock()


def text_for(query: NamedQuery) -> str:
    """The text the embedded store evaluates ``query`` with: the rewrite where it applies, else its own text."""
    text = _prepared.get(query.sparql)
    if text is None:
        text = rewrite(query.sparql, frozenset(p.name for p in query.params)) or query.sparql
        with _lock:
            _prepared[query.sparql] = text
    return text
