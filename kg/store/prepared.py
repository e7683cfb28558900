"""Prepare the named queries for the embedded store: the same answers, evaluated row by row.

Most named queries attach each row's evidence with a trailing
``OPTIONAL { {…forward statement…} UNION {…inverse statement…} ?statement prov:value ?quote }``.
pyoxigraph (0.5) cannot push the row's bound variables into a UNION inside an OPTIONAL, so it
evaluates the optional side over *every* evidence statement and hash-joins: cost linear in the
provenance graph (2 ms on the article, 0.3 s at a million triples, ``bench/inprocess.py``).
Wrapping that trailing OPTIONAL in pyoxigraph's ``LATERAL`` (SPARQL 1.2 draft) evaluates it
once per row with the row's values substituted — a few index lookups — with the same result
(``tests/test_prepared.py`` compares every named query both ways on the release graph and a
synthetic one). A trailing OPTIONAL that finds the statement by a FILTER over pairs
(``(?s = ?a && ?o = ?b) || (?s = ?b && ?o = ?a)``) becomes the UNION of those pairs first.

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


def rewrite(sparql: str, params: frozenset[str] = frozenset()) -> str | None:
    """The text with its trailing evidence OPTIONAL evaluated per row (``LATERAL``), or None if not applicable.

    >>> print(rewrite("SELECT * WHERE {\\n  ?a <p> ?b .\\n  OPTIONAL { { ?st <s> ?a } UNION { ?st <o> ?a } }\\n}"))
    SELECT * WHERE {
      ?a <p> ?b .
      LATERAL { OPTIONAL { { ?st <s> ?a } UNION { ?st <o> ?a } } }
    }
    >>> rewrite("SELECT * WHERE { ?a <p> ?b OPTIONAL { ?a <q> ?c } ?a <r> ?d }") is None
    True
    """
    toks = tokens(sparql)
    optional = next((i for i in range(len(toks) - 2, -1, -1)
                     if toks[i].kind == "word" and toks[i].key == "OPTIONAL" and toks[i + 1].text == "{"), None)
    if optional is None:
        return None
    start, open_brace = toks[optional].start, toks[optional + 1].start
    closing = block_end(toks, optional + 1)
    end = toks[closing].end
    # Only the group's last pattern: what follows must close the WHERE group (then modifiers).
    after = toks[closing + 1:closing + 3]
    if not after or after[0].text != "}" or (len(after) > 1 and after[1].key not in _MODIFIERS):
        return None
    rest = sparql[end:]
    body = sparql[open_brace + 1:end - 1]
    if "UNION" not in body:
        body = _pairs_as_union(body, params)
        if body is None:
            return None
    elif "FILTER" in body.upper():
        return None
    return f"{sparql[:start]}LATERAL {{ OPTIONAL {{{body}}} }}{rest}"


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
