"""Text rewrites that make a query answer on a remote SPARQL server as it does on the embedded store.

All of them read the query through the one lexer (:mod:`kg.sparql.lexer`), so strings, IRIs
and comments are never rewritten:

* bound terms are written in place of their variables inside the WHERE group (and bound by a
  VALUES block there too), which servers plan better than a joined VALUES (:func:`substitute`);
* ``FROM`` clauses give way to the protocol's dataset (:func:`strip_dataset`);
* an ``ORDER BY`` a server cannot compile is split off, to be applied locally (:func:`split_order`);
* zero-length property paths are spelled out (:func:`rewrite_zero_length_paths`);
* DESCRIBE becomes the SELECT of the resources to describe (:func:`describe_as_select`);
* ``GRAPH ?g {}`` lists the dataset's named graphs (:func:`list_empty_graph_patterns`);
* relative IRIs resolve against the endpoint's base IRI (:func:`with_base`);
* variables assigned a boolean are found, so integers 1/0 come back as booleans (:func:`boolean_variables`).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from pyoxigraph import NamedNode

from kg.sparql.lexer import Token, tokens, where_group
from kg.sparql.protocol import Term
from kg.sparql.text import values_block


def _replace(text: str, kinds: tuple[str, ...], make) -> str:
    """``text`` with each token of one of ``kinds`` replaced by ``make(token)``."""
    out, last = [], 0
    for token in tokens(text):
        if token.kind in kinds:
            out.append(text[last:token.start])
            out.append(make(token))
            last = token.end
    out.append(text[last:])
    return "".join(out)


def _masked(text: str) -> tuple[str, list[str]]:
    """``text`` with its string literals replaced by numbered placeholders, and the strings."""
    strings: list[str] = []

    def keep(token: Token) -> str:
        strings.append(token.text)
        return f'"\x00{len(strings) - 1}\x00"'

    return _replace(text, ("string",), keep), strings


def _unmasked(text: str, strings: list[str]) -> str:
    return re.sub(r'"\x00(\d+)\x00"', lambda m: strings[int(m.group(1))], text)


def where_brace(sparql: str, form: str) -> int:
    """Return the index of the ``{`` that opens the query's outermost WHERE group."""
    toks = tokens(sparql)
    return toks[where_group(toks, form)[0]].start


def strip_dataset(sparql: str, form: str) -> str:
    """Remove ``FROM`` / ``FROM NAMED`` clauses: the protocol's dataset replaces them (SPARQL 1.1 Protocol §2.1.4).

    Virtuoso would otherwise merge the two.

    >>> strip_dataset("SELECT * FROM <urn:g> FROM NAMED <urn:h> WHERE { ?s ?p ?o }", "SELECT")
    'SELECT *   WHERE { ?s ?p ?o }'
    """
    toks = tokens(sparql)
    try:
        opening, _ = where_group(toks, form)
    except ValueError:
        return sparql
    out, last = [], 0
    for index, token in enumerate(toks[:opening]):
        if token.kind != "word" or token.key != "FROM":
            continue
        graph = index + 1
        if graph < opening and toks[graph].kind == "word" and toks[graph].key == "NAMED":
            graph += 1
        if graph < opening and toks[graph].kind in ("iri", "pname"):
            out.append(sparql[last:token.start] + " ")
            last = toks[graph].end
    out.append(sparql[last:])
    return "".join(out)


def substitute(sparql: str, form: str, substitutions: dict[str, Term] | None) -> str:
    """Write each bound term in place of its variable inside the WHERE group, and bind the variable at its end.

    Stores such as Virtuoso plan constants better than joined VALUES (and some of their
    planner bugs only show with VALUES). Raises ``ValueError`` where this is not safe (a
    sub-query, or the variable assigned with ``AS``); the caller then binds with VALUES only
    (:func:`kg.sparql.text.with_values`).
    """
    if not substitutions:
        return sparql
    block = values_block(substitutions, " ")  # validates names and terms
    toks = tokens(sparql)
    opening, closing = where_group(toks, form)
    terms = {"?" + name: str(term) for name, term in substitutions.items()}
    out, last = [sparql[:toks[opening].end]], toks[opening].end
    for index in range(opening + 1, closing):
        token = toks[index]
        if token.kind == "word" and token.key == "SELECT":
            raise ValueError("a sub-query: bind with VALUES instead")
        if token.kind == "var" and token.key in terms:
            if toks[index - 1].key == "AS":
                raise ValueError(f"{token.key} is assigned in the query: bind with VALUES instead")
            out.append(sparql[last:token.start])
            out.append(terms[token.key])
            last = token.end
    close_at = toks[closing].start
    out.append(sparql[last:close_at])
    out.append(block + " ")
    out.append(sparql[close_at:])
    return "".join(out)


def split_order(sparql: str) -> tuple[str, str, str]:
    """Split a SELECT into (prologue, the query without ``ORDER BY``…, the ``ORDER BY … LIMIT … OFFSET`` tail).

    Virtuoso 7 fails to compile some ordered queries (``ORDER BY`` over a ``UNION`` whose
    branches ``BIND`` constants: error SQ142), ordered sub-query or not; such a query is sent
    unordered and ordered here, by pyoxigraph, with the same ORDER BY (``RemoteStore``).
    """
    toks = tokens(sparql)
    _, closing = where_group(toks, "SELECT")
    select_at = next(t.start for t in toks if t.kind == "word" and t.key == "SELECT")
    order = next((toks[i].start for i in range(closing + 1, len(toks) - 1)
                  if toks[i].key == "ORDER" and toks[i + 1].key == "BY"), None)
    if order is None:
        raise ValueError("no ORDER BY")
    tail = sparql[order:]
    if any(t.kind == "word" and t.key == "VALUES" for t in tokens(tail)):
        raise ValueError("a trailing VALUES block")
    return sparql[:select_at], sparql[:order], tail


def without_slice(order: str) -> str:
    """``ORDER BY …`` without its ``LIMIT``/``OFFSET`` (strings masked, so only the clauses go).

    >>> without_slice('ORDER BY ?x LIMIT 10 OFFSET 5')
    'ORDER BY ?x    '
    """
    text, strings = _masked(order)
    return _unmasked(re.sub(r"\b(LIMIT|OFFSET)\s+\d+", " ", text, flags=re.IGNORECASE), strings)


_TERM = r"(?:<[^<>\"{}|^`\\\x00-\x20]*>|(?:[A-Za-z][\w.-]*)?:[\w-]+(?:\.[\w-]+)*)"
_ZERO_OR_MORE = re.compile(r"(?P<s>[?$]\w+)\s+(?P<p>" + _TERM + r")\*\s+(?P<o>[?$]\w+|" + _TERM + r")(?=\s*[.}])")


def rewrite_zero_length_paths(sparql: str) -> str:
    """Spell out ``?x p* C`` (and ``?x p* ?y`` with both bound elsewhere) for servers that miss the zero-length match.

    Virtuoso 7 evaluates ``?p rdfs:subPropertyOf* kgo:causes`` without its zero-length solution
    (``?p = kgo:causes``) when ``?p`` is not yet bound. ``?x p* C`` becomes
    ``{ ?x p+ C } UNION { BIND(C AS ?x) }``; ``?x p* ?y`` becomes
    ``FILTER(?x = ?y || EXISTS { ?x p+ ?y })`` when both variables are bound by other patterns.

    >>> rewrite_zero_length_paths('SELECT * { ?p rdfs:subPropertyOf* kgo:causes . ?s ?p "?x a* b." }')
    'SELECT * { { ?p rdfs:subPropertyOf+ kgo:causes } UNION { BIND(kgo:causes AS ?p) } . ?s ?p "?x a* b." }'
    """
    text, strings = _masked(sparql)

    def spell(match):
        s, p, o = match.group("s"), match.group("p"), match.group("o")
        if o[0] not in "?$":
            return f"{{ {s} {p}+ {o} }} UNION {{ BIND({o} AS {s}) }}"
        if len(re.findall(re.escape(s) + r"\b", text)) > 1 and len(re.findall(re.escape(o) + r"\b", text)) > 1:
            return f"FILTER({s} = {o} || EXISTS {{ {s} {p}+ {o} }})"
        return match.group(0)

    return _unmasked(_ZERO_OR_MORE.sub(spell, text), strings)


def with_base(sparql: str, base_iri: str) -> str:
    """The query with ``base_iri`` as its base: a ``BASE`` declared first, or the query's own BASE resolved against it.

    Virtuoso 7 refuses a second ``BASE`` in a prologue, so the query's own is made absolute in place.

    >>> print(with_base("CONSTRUCT { <s> <p> 1 } WHERE {}", "http://x/sparql"))
    BASE <http://x/sparql>
    CONSTRUCT { <s> <p> 1 } WHERE {}
    >>> with_base("BASE <a/> ASK { <s> ?p ?o }", "http://x/sparql")
    'BASE <http://x/a/> ASK { <s> ?p ?o }'
    """
    toks = tokens(sparql)
    found = next((i for i, t in enumerate(toks[:-1]) if t.kind == "word" and t.key == "BASE"
                  and toks[i + 1].kind == "iri"), None)
    if found is None:
        return f"BASE {NamedNode(base_iri)}\n{sparql}"
    iri = toks[found + 1]
    resolved = NamedNode(urljoin(base_iri, iri.text[1:-1]))
    return sparql[:iri.start] + str(resolved) + sparql[iri.end:]


def list_empty_graph_patterns(sparql: str, graphs: list[str]) -> str:
    """``GRAPH ?g {}`` as ``VALUES ?g { <each named graph of the dataset> }``, what SPARQL 1.1 makes it mean.

    Virtuoso 7 answers ``GRAPH ?g {}`` with no rows; rdflib's ``SPARQLStore.contexts()`` lists the
    named graphs with it.

    >>> list_empty_graph_patterns("SELECT ?g WHERE { GRAPH ?g { } }", ["urn:a", "urn:b"])
    'SELECT ?g WHERE { VALUES ?g { <urn:a> <urn:b> } }'
    >>> list_empty_graph_patterns("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", ["urn:a"])
    'SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }'
    """
    toks = tokens(sparql)
    out, last = [], 0
    for index in range(len(toks) - 3):
        graph, var, opening, closing = toks[index:index + 4]
        if graph.kind == "word" and graph.key == "GRAPH" and var.kind == "var" and opening.text == "{" \
                and closing.text == "}":
            names = " ".join(str(NamedNode(g)) for g in graphs)
            out.append(sparql[last:graph.start] + f"VALUES {var.text} {{ {names} }}")
            last = closing.end
    out.append(sparql[last:])
    return "".join(out)


def describe_as_select(sparql: str) -> str | None:
    """``DESCRIBE t1 t2 … [WHERE] {…}`` as a ``SELECT`` of the resources to describe (None if not a DESCRIBE).

    The servers' DESCRIBE differ (the spec leaves it to them: Virtuoso adds incoming triples);
    ``RemoteStore`` answers it as pyoxigraph does — the resources' own triples and, through
    blank nodes, theirs (a concise bounded description).

    >>> describe_as_select("PREFIX kg: <urn:kg#> DESCRIBE kg:a ?b WHERE { ?b ?p kg:a }")
    'PREFIX kg: <urn:kg#> SELECT DISTINCT (kg:a AS ?describe_0) ?b  WHERE { ?b ?p kg:a }'
    """
    toks = tokens(sparql)
    found = next((i for i, t in enumerate(toks) if t.kind == "word" and t.key == "DESCRIBE"), None)
    if found is None:
        return None
    targets: list[str] = []
    at = toks[found].end
    for token in toks[found + 1:]:
        if token.kind not in ("iri", "var", "pname") and token.text != "*":
            break
        targets.append(token.text)
        at = token.end
    if not targets:
        return None
    if targets == ["*"]:
        projection = "*"
    else:
        projection = " ".join(t if t[0] in "?$" else f"({t} AS ?describe_{n})" for n, t in enumerate(targets))
    rest = sparql[at:]
    if not any(t.kind == "punct" and t.text == "{" for t in tokens(rest)):
        rest = " WHERE {} " + rest
    return sparql[:toks[found].start] + "SELECT DISTINCT " + projection + " " + rest


_BOOLEAN_CALL = re.compile(r"^\s*(BOUND|ISIRI|ISURI|ISBLANK|ISLITERAL|ISNUMERIC|REGEX|CONTAINS|STRSTARTS|STRENDS"
                           r"|LANGMATCHES|SAMETERM)\s*P\s*$", re.IGNORECASE)


def boolean_variables(sparql: str) -> set[str]:
    """Variables assigned a boolean expression (``BIND(NOT EXISTS {…} AS ?v)``, ``(?a = ?b AS ?v)`` …).

    Virtuoso returns booleans as the integers 1 and 0; these variables get ``xsd:boolean`` back.
    """
    toks = tokens(sparql)
    found: set[str] = set()
    stack: list[int] = []
    for index, token in enumerate(toks):
        if token.kind == "punct" and token.text == "(":
            stack.append(index)
        elif token.kind == "punct" and token.text == ")" and stack:
            opening = stack.pop()
            if index >= 2 and toks[index - 2].key == "AS" and toks[index - 1].kind == "var":
                expr = sparql[toks[opening].end:toks[index - 2].start]
                if _is_boolean(expr):
                    found.add(toks[index - 1].key[1:])
    return found


def _is_boolean(expr: str) -> bool:
    flat = _replace(expr, ("string", "iri"), lambda t: "S" if t.kind == "string" else "I")
    while True:
        reduced = re.sub(r"\{[^{}]*\}", "B", flat)
        reduced = re.sub(r"\([^()]*\)", "P", reduced)
        if reduced == flat:
            break
        flat = reduced
    if re.match(r"^\s*(NOT\s+)?EXISTS\b", flat, re.IGNORECASE):
        return True
    if flat.strip().lower() in ("true", "false") or _BOOLEAN_CALL.match(flat):
        return True
    return bool(re.search(r"(=|<|>|&&|\|\||^\s*!)", flat))
