"""The named-query registry: one ``queries/*.rq`` file per question, parsed once, run with bound terms.

The same registry serves the web UI, the JSON API, the CLI and question answering; the
queries the code itself runs live beside them in ``queries/internal/`` (:func:`internal`). A
file opens with a header::

    #+ summary: Causes of a condition
    #+ description: What can cause ... ?
    #+ param: condition | iri | kg:knee-muscle-spasm | the condition whose causes to list

and, for a whole-graph aggregate without parameters, ``#+ computed: once`` (each store answers
it from its rows computed once: the graph does not change while it is served); a query with one
IRI parameter may say it too (the embedded store answers each value from rows computed once for
every value: :mod:`kg.store.once`).

Parameters are SPARQL variables of the same name; values are turned into RDF terms and bound
by the store (pyoxigraph substitutions, or a VALUES block for remote stores) — user text is
never pasted into the query string. Each store says which text it evaluates a named query
with (``GraphStore.text_for``: the embedded store runs a faster equivalent).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

import pyoxigraph

from kg import paths
from kg.namespaces import PREFIXES
from kg.sparql.errors import QueryError
from kg.sparql.lexer import query_form, tokens
from kg.sparql.text import header_lines, with_values, without_header

PARAM_TYPES = ("iri", "string", "integer")
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_CURIE = re.compile(r"^([A-Za-z][\w-]*):([^\s]*)$")
_LOCAL_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    example: str
    description: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    summary: str
    description: str
    params: tuple[Param, ...]
    sparql: str
    path: Path
    form: str = "SELECT"  # SELECT, ASK, CONSTRUCT or DESCRIBE
    once: bool = False  # ``#+ computed: once``: answered from rows computed once per store (per value of its one parameter)

    def example_values(self) -> dict[str, str]:
        return {p.name: p.example for p in self.params}

    def bind(self, values: Mapping[str, str]) -> dict[str, pyoxigraph.NamedNode | pyoxigraph.Literal]:
        """Turn raw parameter values into RDF terms; raise ``QueryError`` naming the bad parameter."""
        known = {p.name for p in self.params}
        unknown = sorted(set(values) - known)
        if unknown:
            raise QueryError(f"unknown parameter '{unknown[0]}' for query '{self.name}' "
                             f"(expected: {', '.join(sorted(known)) or 'none'})", unknown[0])
        terms = {}
        for param in self.params:
            raw = values.get(param.name)
            if raw is None or str(raw).strip() == "":
                raise QueryError(f"missing parameter '{param.name}' ({param.type}, e.g. {param.example})", param.name)
            terms[param.name] = to_term(param, str(raw).strip())
        return terms

    def with_values(self, values: Mapping[str, str]) -> str:
        """The text with its parameters bound by a VALUES block and its header as comments (for the editor).

        The values are bound as RDF terms first (never pasted): a value that does not bind raises ``QueryError``.
        """
        terms = self.bind(values)
        if not terms:
            return self.sparql
        return with_values(without_header(self.sparql), terms)

    def to_dict(self) -> dict:
        return {
            "name": self.name, "summary": self.summary, "description": self.description, "form": self.form,
            "params": [{"name": p.name, "type": p.type, "example": p.example, "description": p.description}
                       for p in self.params],
            "sparql": self.sparql,
        }


def expand_iri(value: str, default_prefix: str = "kg") -> str:
    """Expand a CURIE (``kg:dehydration``) or bare id (``dehydration``) to a full IRI; check IRI syntax.

    >>> expand_iri("kg:dehydration")
    'https://w3id.org/kneekg/id/dehydration'
    >>> expand_iri("Cause", default_prefix="kgo")
    'https://w3id.org/kneekg/ontology/Cause'
    >>> expand_iri("<https://w3id.org/kneekg/id/als>")
    'https://w3id.org/kneekg/id/als'
    """
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    if _IRI_FORBIDDEN.search(value):
        raise ValueError(f"not a valid IRI: {value!r}")
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", value) or value.startswith("urn:"):
        return value
    match = _CURIE.match(value)
    if match and match.group(1) in PREFIXES:
        return PREFIXES[match.group(1)] + match.group(2)
    if _LOCAL_ID.match(value):
        return PREFIXES[default_prefix] + value
    raise ValueError(f"not an IRI, a known CURIE or an id: {value!r}")


def to_term(param: Param, raw: str) -> pyoxigraph.NamedNode | pyoxigraph.Literal:
    """Convert one raw value to the RDF term its parameter type asks for."""
    if param.type == "iri":
        # Classes and relations live in the ontology namespace; entities in the id namespace.
        default = "kgo" if param.example.startswith("kgo:") else "kg"
        try:
            return pyoxigraph.NamedNode(expand_iri(raw, default))
        except ValueError as exc:
            raise QueryError(f"parameter '{param.name}': {exc}", param.name) from None
    if param.type == "integer":
        if not re.fullmatch(r"[+-]?\d{1,12}", raw):
            raise QueryError(f"parameter '{param.name}' must be an integer, got {raw!r}", param.name)
        return pyoxigraph.Literal(str(int(raw)), datatype=pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    if len(raw) > 500:
        raise QueryError(f"parameter '{param.name}' is too long ({len(raw)} characters, at most 500)", param.name)
    return pyoxigraph.Literal(raw)


def parse_file(path: Path) -> NamedQuery:
    """Read one ``.rq`` file and its ``#+`` header."""
    text = path.read_text(encoding="utf-8")
    summary = description = ""
    once = False
    params: list[Param] = []
    for line in header_lines(text):
        key, _, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if key == "summary":
            summary = value
        elif key == "description":
            description = value
        elif key == "computed":
            once = value.split()[0].lower() == "once" if value else False
        elif key == "param":
            parts = [p.strip() for p in value.split("|")]
            if len(parts) != 4 or parts[1] not in PARAM_TYPES:
                raise ValueError(f"{path.name}: '#+ param:' needs 'name | {'/'.join(PARAM_TYPES)} | example | description'")
            params.append(Param(*parts))
    if not summary or not description:
        raise ValueError(f"{path.name}: the header needs '#+ summary:' and '#+ description:'")
    form = query_form(tokens(text)) or "SELECT"
    if once and (form != "SELECT" or len(params) > 1 or any(p.type != "iri" for p in params)):
        raise ValueError(f"{path.name}: '#+ computed: once' is for a SELECT without parameters or with one IRI parameter")
    return NamedQuery(path.stem, summary, description, tuple(params), text, path, form, once)


@dataclass
class Registry:
    """Every named query of a folder, by name."""

    queries: dict[str, NamedQuery] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path | None = None) -> "Registry":
        folder = folder or paths.QUERIES_DIR
        return cls({q.name: q for q in (parse_file(p) for p in sorted(folder.glob("*.rq")))})

    def __getitem__(self, name: str) -> NamedQuery:
        try:
            return self.queries[name]
        except KeyError:
            raise QueryError(f"unknown query '{name}'; known: {', '.join(sorted(self.queries))}",
                             kind="unknown-query") from None

    def __iter__(self):
        return iter(self.queries.values())

    def __len__(self) -> int:
        return len(self.queries)

    def __contains__(self, name: str) -> bool:
        return name in self.queries


def run(store, query: NamedQuery, values: Mapping[str, str] | None = None):
    """Bind ``values`` as terms and run ``query`` on ``store`` (any ``GraphStore``, with the text it asks for)."""
    return store.query(store.text_for(query), substitutions=query.bind(values or {}))


_registry: Registry | None = None
_internal: dict[str, NamedQuery] = {}


def registry() -> Registry:
    """The project's registry, loaded once per process (the graph and the queries are immutable)."""
    global _registry
    if _registry is None:
        _registry = Registry.load()
    return _registry


def internal(name: str) -> NamedQuery:
    """One of the queries the code runs (``queries/internal/<name>.rq``), parsed once."""
    query = _internal.get(name)
    if query is None:
        query = _internal[name] = parse_file(paths.QUERIES_DIR / "internal" / f"{name}.rq")
    return query
