"""Text operations on a query: its ``#+`` header, and a VALUES block that binds its variables.

One reading of the header (the ``#+`` lines before the query starts), shared by the registry
that parses it and the editor that shows a query without it; one writer of VALUES blocks,
from RDF terms (their N-Triples form) — never from user text — for the editor, the answers'
"run in the editor" texts and the remote store's bindings.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping, Sequence

import pyoxigraph

from kg.sparql.lexer import tokens, where_group
from kg.sparql.protocol import Term

_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ABSOLUTE = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]*:")


def has_relative_iri(sparql: str) -> bool:
    """Whether the query writes a relative IRI (``<s>``, ``<#x>``), which needs a base IRI to resolve.

    >>> has_relative_iri("CONSTRUCT { <s> <p> 1 } WHERE {}"), has_relative_iri("ASK { <urn:a> ?p '<b>' }")
    (True, False)
    """
    return any(t.kind == "iri" and not _ABSOLUTE.match(t.text) for t in tokens(sparql))


def _header_indexes(lines: list[str]) -> list[int]:
    """Indexes of the header lines: the ``#+`` lines among the comments and blank lines the text opens with."""
    found = []
    for index, line in enumerate(lines):
        if line.startswith("#+"):
            found.append(index)
        elif line.strip() and not line.startswith("#"):
            break
    return found


def header_lines(text: str) -> list[str]:
    """The header's lines without their ``#+`` mark.

    >>> header_lines("#+ summary: Causes\\n# plain\\n#+ param: x | iri | kg:a | it\\nSELECT * {}\\n#+ late")
    [' summary: Causes', ' param: x | iri | kg:a | it']
    """
    lines = text.splitlines()
    return [lines[i][2:] for i in _header_indexes(lines)]


def without_header(text: str) -> str:
    """The query with its ``#+`` header lines turned into plain comments (for reading and editing).

    >>> without_header("#+ summary: Causes\\nSELECT * WHERE { ?s ?p ?o }\\n")
    '# summary: Causes\\nSELECT * WHERE { ?s ?p ?o }\\n'
    """
    lines = text.splitlines()
    for index in _header_indexes(lines):
        lines[index] = f"# {lines[index][2:].strip()}"
    return "\n".join(lines) + "\n"


def values_clause(variables: Sequence[str], rows: Iterable[Sequence[Term | None]]) -> str:
    """One VALUES clause: ``VALUES ?x { t1 t2 }`` for one variable, ``VALUES (?a ?b) { (t1 t2) … }`` for more.

    Terms are written in N-Triples form (``str(term)``), an unbound cell (None) as ``UNDEF``.

    >>> values_clause(["a", "b"], [[pyoxigraph.NamedNode("urn:x"), None]])
    'VALUES (?a ?b) { (<urn:x> UNDEF) }'
    >>> values_clause(["a"], [[pyoxigraph.BlankNode("b0")]])
    Traceback (most recent call last):
    ...
    ValueError: only IRIs and literals can be bound in VALUES, not <BlankNode value=b0>
    """
    for name in variables:
        if not _VARIABLE.fullmatch(name):
            raise ValueError(f"not a SPARQL variable name: {name!r}")
    cells = []
    for row in rows:
        for term in row:
            if term is not None and not isinstance(term, (pyoxigraph.NamedNode, pyoxigraph.Literal)):
                raise ValueError(f"only IRIs and literals can be bound in VALUES, not {term!r}")
        cells.append(" ".join("UNDEF" if term is None else str(term) for term in row))
    if len(variables) == 1:
        return f"VALUES ?{variables[0]} {{ {' '.join(cells)} }}"
    names = " ".join(f"?{name}" for name in variables)
    return f"VALUES ({names}) {{ {' '.join(f'({row})' for row in cells)} }}"


def values_block(bindings: Mapping[str, Term | Iterable[Term]], sep: str = "\n  ") -> str:
    """A VALUES clause per variable (``VALUES ?name { t1 t2 … }``), each after ``sep``.

    >>> print(values_block({"a": pyoxigraph.NamedNode("urn:x"), "b": [pyoxigraph.Literal("y"), pyoxigraph.Literal("z")]}))
    <BLANKLINE>
      VALUES ?a { <urn:x> }
      VALUES ?b { "y" "z" }
    """
    clauses = []
    for name, terms in bindings.items():
        terms = [terms] if isinstance(terms, (pyoxigraph.NamedNode, pyoxigraph.Literal, pyoxigraph.BlankNode)) \
            else list(terms)
        clauses.append(values_clause([name], [[term] for term in terms]))
    return "".join(sep + clause for clause in clauses)


def with_values(sparql: str, bindings: Mapping[str, Term | Iterable[Term]], sep: str = "\n  ") -> str:
    """The query with ``bindings`` as a VALUES block at the start of its WHERE group.

    A DESCRIBE without a pattern gets one. Raises ``ValueError`` for a query with no WHERE group.

    >>> with_values("SELECT ?x WHERE { ?x ?p ?o }", {"x": pyoxigraph.NamedNode("urn:x")})
    'SELECT ?x WHERE {\\n  VALUES ?x { <urn:x> } ?x ?p ?o }'
    >>> with_values("DESCRIBE ?x", {"x": pyoxigraph.NamedNode("urn:x")}, sep=" ")
    'DESCRIBE ?x WHERE { VALUES ?x { <urn:x> }}'
    """
    if not bindings:
        return sparql
    toks = tokens(sparql)
    block = values_block(bindings, sep)
    try:
        opening, _ = where_group(toks)
    except ValueError:
        if not any(t.key == "DESCRIBE" for t in toks if t.kind == "word"):
            raise
        return sparql + " WHERE {" + block + "}"  # DESCRIBE ?x, no pattern
    at = toks[opening].end
    return sparql[:at] + block + sparql[at:]
