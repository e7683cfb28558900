"""Readings as query graphs, and query graphs as SPARQL with every entity bound as a term.

A *reading* is a small query graph: the answer variable ``?x``, edges between it, other variables
(``?y``) and the linked entities, each edge an ontology relation in the direction the question
asks; a class the answer must belong to; and the kind of answer wanted (a list, a count, yes/no
between two entities, a description). Its SPARQL is generated here: ontology IRIs from the
lexicon and the schema, entities as ``?a0``, ``?a1`` … bound by substitution (shown as
``VALUES``) — never the reader's text.
"""

from __future__ import annotations

import re

from kg import namespaces
from dataclasses import dataclass, field

KGO = str(namespaces.KGO)
RELATED = KGO + "relatedTo"
PREFIXES = """PREFIX kgo: <https://w3id.org/kneekg/ontology/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


@dataclass(frozen=True)
class Edge:
    """One edge of a query graph: ``subject property object`` (variables start with ``?``)."""

    subject: str
    prop: str
    object: str


@dataclass
class Reading:
    """One interpretation of a question as a query graph, with its score and its plain words."""

    kind: str  # list, count, boolean, definition, duration, mechanism, cure, claim, compare, about, warning
    edges: list[Edge] = field(default_factory=list)
    classes: tuple[str, ...] = ()  # the answer must be one of these classes (empty: any)
    anchors: tuple[str, ...] = ()  # entity IRIs the reading is about, in the order asked
    score: float = 0.0
    why: list[str] = field(default_factory=list)  # what raised or lowered the score (for the debug view)
    topic: bool = False  # the anchor is the article's topic (the question named no entity)
    relaxed: bool = False  # broader entities allowed (a form of, an example of)
    ranking: str = ""  # the ranking words ("most-common", "common", "first"): order and say what the article weighs
    universal: tuple[str, ...] = ()  # "always", "everyone": the words that ask whether it holds without exception
    within: tuple[str, ...] = ()  # the article's parts (sections, tables, lists) the answer must be stated in
    within_words: str = ""  # the restriction in words: "in the article's table “Remedies for Knee Muscle Spasms”"
    within_row: str | None = None  # a table row's entity: the part's statements must be about it
    outside: bool = False  # the answer is one the parts do not name ("the risk factor that isn't in the table")
    named_in: bool = False  # the answer is one the parts name, whatever with: the edges' answers that are also there
    union: tuple[str, ...] = ()  # further relations the first edge is read along too ("what is yoga for": treats or prevents)
    excluding: tuple[str, ...] = ()  # entities the answer leaves out ("what other stimulant, apart from coffee")
    minus: tuple[Edge, ...] = ()  # edges the answer must not have ("ALS treatments not also given for autoimmune …")
    words: str = ""  # the reading in words, when its maker words it (kg.qa.overlap: what two sets share)

    def key(self) -> tuple:
        return (self.kind, tuple(self.edges), self.classes, self.anchors, self.within, self.outside, self.named_in,
                self.union, self.minus)


def to_sparql(reading: Reading, topic: tuple[str, ...], relaxed: bool = False) -> tuple[str, dict[str, str]]:
    """The query graph as SPARQL, and the entities bound to its variables.

    ``relaxed`` lets an anchor stand for what it is a form of and the answer for what it is an
    example of (the article often states a fact for the broader condition or the kind).
    """
    bindings: dict[str, str] = {}
    names: dict[str, str] = {}

    def term(value: str) -> str:
        if value.startswith("?"):
            return value
        if value not in names:
            names[value] = f"?a{len(names)}"
            bindings[names[value][1:]] = value
        return names[value]

    lines = []
    if any("?topic" in (e.subject, e.object) for e in reading.edges):
        lines.append("  VALUES ?topic { " + " ".join(f"<{t}>" for t in topic) + " }")
    for n, e in enumerate(reading.edges):
        s, o = term(e.subject), term(e.object)
        if relaxed and not e.object.startswith("?"):
            lines.append(f"  {o} kgo:formOf* ?broader{n} .")
            o = f"?broader{n}"
        if relaxed and not e.subject.startswith("?"):  # the anchor stands for its kind ("yoga": stress reduction)
            lines.append(f"  {s} kgo:exampleOf* ?whole{n} .")
            s = f"?whole{n}"
            if e.object == "?y":  # the thing between stands for its kind too ("a blood test checks for nutrient
                lines.append(f"  ?y kgo:exampleOf* ?yof{n} .")  # deficiencies": magnesium deficiency is one)
                o = f"?yof{n}"
        elif relaxed and e.subject == "?y" and not e.object.startswith("?"):  # the link is the kind's ("vitamin
            lines.append(f"  ?y kgo:exampleOf* ?ykind{n} .")  # deficiencies" for vitamin D deficiency)
            s = f"?ykind{n}"
        elif relaxed and e.subject == "?x":
            lines.append(f"  ?x kgo:exampleOf* ?kind{n} .")
            s = f"?kind{n}"
        if e.prop == RELATED:  # any relation of the ontology
            lines.append(f"  {s} ?relation{n} {o} . ?relation{n} rdfs:subPropertyOf+ kgo:relatedTo .")
        elif n == 0 and reading.union:  # one of several relations the question's word means
            props = " ".join(f"<{p}>" for p in (e.prop,) + reading.union)
            lines.append(f"  VALUES ?relation{n} {{ {props} }} {s} ?relation{n} {o} .")
        else:
            lines.append(f"  {s} <{e.prop}> {o} .")
    for e in reading.minus:  # a difference of two sets: the answers of the edges that do not also have this one
        lines.append(f"  FILTER NOT EXISTS {{ {term(e.subject)} <{e.prop}> {term(e.object)} . }}")
    if reading.within:
        lines.extend(_within(reading, term))
    if reading.classes:
        lines.append("  ?x rdf:type ?class . VALUES ?class { " + " ".join(f"<{c}>" for c in reading.classes) + " }")
    anchors = [names[a] for a in names] + (["?topic"] if "?topic" in "".join(lines) else [])
    for a in anchors + [term(x) for x in reading.excluding]:
        lines.append(f"  FILTER(?x != {a})")
    select = "?x ?y" if any("?y" in (e.subject, e.object) for e in reading.edges) else "?x"
    select += "".join(f" {names[a]}" for a in names)  # bound variables are projected (pyoxigraph substitutions)
    text = (PREFIXES + f"SELECT DISTINCT {select} WHERE {{\n" + "\n".join(lines) + "\n}\nORDER BY ?x")
    return text, bindings


def _within(reading: Reading, term) -> list[str]:
    """The answer is stated in one of the reading's parts: a statement there has ``?x`` at one end and, for a row, the
    row's entity (else the edge's anchor next to ``?x``, if any) at the other."""
    if reading.outside:  # what no statement of the parts names, whatever it is said with
        return ["  FILTER NOT EXISTS {", "    VALUES ?part { " + " ".join(f"<{p}>" for p in reading.within) + " }",
                "    VALUES ?placed { kgo:section kgo:inTable kgo:inList }",
                "    ?inPart ?placed ?part . { ?inPart rdf:subject ?x } UNION { ?inPart rdf:object ?x }", "  }"]
    other = None if reading.named_in else reading.within_row or next((e.object if e.subject == "?x" else e.subject for e in reading.edges
                                        if "?x" in (e.subject, e.object) and not (e.object if e.subject == "?x"
                                                                                  else e.subject).startswith("?")), None)
    lines = ["  VALUES ?part { " + " ".join(f"<{p}>" for p in reading.within) + " }",
             "  VALUES ?placed { kgo:section kgo:inTable kgo:inList }",
             "  ?inPart ?placed ?part ."]
    if other is not None and other != "?topic":
        a = term(other)
        lines.append(f"  {{ ?inPart rdf:subject ?x ; rdf:object {a} }} UNION {{ ?inPart rdf:subject {a} ; rdf:object ?x }}")
    else:
        lines.append("  { ?inPart rdf:subject ?x } UNION { ?inPart rdf:object ?x }")
    return lines


@dataclass(frozen=True)
class Named:
    """A reading that one named query answers: the query, its parameter bound to the anchor, the answer variable."""

    name: str
    param: str
    value: str
    answer: str


_SELECT = re.compile(r"SELECT\s+(?:DISTINCT\s+)?((?:\?\w+\s*)+)", re.IGNORECASE)


def named_for(reading: Reading, relations: dict, queries) -> Named | None:
    """The named query (``queries/*.rq``) that answers ``reading``, if one does: a list of the subjects (or the
    objects) of one relation for one entity, with no class asked for. ``relations`` is the schema's, whose
    lexicon senses name the queries; ``queries`` the registry."""
    if reading.kind not in ("list", "count") or len(reading.edges) != 1 or reading.classes or reading.within \
            or reading.union or reading.excluding or reading.minus:
        return None
    edge = reading.edges[0]
    rel = relations.get(edge.prop)
    if rel is None:
        return None
    if edge.subject == "?x" and not edge.object.startswith("?"):
        name, value = rel.subject_query, edge.object
    elif edge.object == "?x" and not edge.subject.startswith("?"):
        name, value = rel.object_query, edge.subject
    else:
        return None
    if not name or name not in queries:
        return None
    query = queries[name]
    if len(query.params) != 1:
        return None
    found = _SELECT.search(query.sparql)
    variables = [v.strip()[1:] for v in found.group(1).split()] if found else []
    answers = [v for v in variables if v != query.params[0].name and not v.endswith("Label") and v != "quote"]
    return Named(name, query.params[0].name, value, answers[0]) if answers else None
