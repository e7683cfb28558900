"""Run a reading as SPARQL and turn the result into an honest answer with the article's words.

The SPARQL is generated from the reading's query graph: ontology IRIs from the lexicon and the
schema, the linked entities bound as terms (``?a0``, ``?a1`` …, pyoxigraph substitutions) —
never the reader's text. Evidence comes from the evidence statements around the entities
(``queries/internal/qa-statements.rq``, read once per entity and kept), with the qualifiers the
fact model puts on them (modality, context, urgency, emphasis, mechanism) and negations: "No"
is said only where the article states a negation; otherwise "the article does not say".
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph

from kg.namespaces import local_path
from kg.qa.lexicon import Schema, internal_query, local
from kg.qa.linking import LabelIndex
from kg.qa.memo import per_store
from kg.qa.parse import KGO, RELATED, Edge, Reading
from kg.sparql.text import with_values

SOURCE_ANCHOR = "/source#q-{begin}-{end}"
KGV = "https://w3id.org/kneekg/vocab/"
RDF_STATEMENT_PREFIXES = """PREFIX kgo: <https://w3id.org/kneekg/ontology/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
EMPHASIS_RANK = {"most-common": 0, "first-line": 0, "best-remedy": 0, "common": 1, "second-line": 2}
URGENCY_ORDER = ("immediate", "prompt", "see-doctor", "discuss")
URGENCY_WORDS = {"immediate": "seek immediate medical attention", "prompt": "see a doctor promptly",
                 "see-doctor": "see a doctor", "discuss": "discuss with a doctor"}
MODALITY_WORDS = {"always": "always", "usually": "usually", "can": "can", "in-some-cases": "in some cases",
                  "rarely": "rarely"}
CONTEXT_WORDS = {"high-amount": "in high amounts", "severe": "in severe cases", "frequent": "when frequent",
                 "persistent": "when persistent", "early-stage": "at an early stage",
                 "progressed-stage": "as the disease progresses"}


# --- statements around an entity -------------------------------------------------------------

@dataclass
class Statement:
    """One evidence statement: a fact, a quote, its place, its qualifiers."""

    iri: str
    subject: str
    predicate: str
    object: str
    quote: str
    begin: int
    end: int
    negated: bool = False
    modality: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)
    urgency: set[str] = field(default_factory=set)
    emphasis: set[str] = field(default_factory=set)
    mechanism: set[str] = field(default_factory=set)
    section: str = ""

    def qualifiers(self) -> list[str]:
        words = [MODALITY_WORDS.get(local(m), local(m)) for m in sorted(self.modality) if local(m) != "can"]
        words += [CONTEXT_WORDS.get(local(c), local(c).replace("-", " ")) if c.startswith(KGV) else "with " + c
                  for c in sorted(self.context)]
        return words


def statements_of(store, iri: str) -> list[Statement]:
    """Every evidence statement whose subject or object is ``iri`` (read once per entity, kept)."""
    def build() -> list[Statement]:
        by_iri: dict[str, Statement] = {}
        rows = store.query(internal_query("qa-statements"), substitutions={"entity": pyoxigraph.NamedNode(iri)})
        for row in rows:
            st = by_iri.get(row["statement"].value)
            if st is None:
                quote = row["quote"].value if row["quote"] is not None else ""
                st = by_iri[row["statement"].value] = Statement(
                    row["statement"].value, row["subject"].value, row["predicate"].value, row["object"].value, quote,
                    int(row["begin"].value) if row["begin"] is not None else -1,
                    int(row["end"].value) if row["end"] is not None else -1)
            if row["negated"] is not None and row["negated"].value in ("true", "1"):
                st.negated = True
            for var, attr in (("modality", "modality"), ("urgency", "urgency"), ("emphasis", "emphasis"),
                              ("mechanism", "mechanism")):
                if row[var] is not None:
                    getattr(st, attr).add(row[var].value)
            if row["context"] is not None:
                st.context.add(row["context"].value)
            if row["section"] is not None:
                st.section = row["section"].value
        return sorted(by_iri.values(), key=lambda s: (s.begin, s.iri))
    return per_store(store, ("qa.statements", iri), build)


# --- the answer -------------------------------------------------------------------------------

@dataclass
class Answer:
    """The reply to one question, as ``GET /api/ask`` returns it (``to_dict``)."""

    question: str
    answered: bool = False
    kind: str = "abstain"  # list, count, boolean, describe, abstain
    answers: list[dict] = field(default_factory=list)
    boolean: bool | None = None
    count: int | None = None
    message: str = ""
    reading: str = ""  # "I read this as: …"
    alternatives: list[dict] = field(default_factory=list)  # other readings, each with a question to ask instead
    query: dict | None = None
    evidence: list[dict] = field(default_factory=list)
    groups: list[dict] = field(default_factory=list)  # answers grouped (urgency, emphasis)
    entities: list[dict] = field(default_factory=list)  # what the words were linked to
    lay_words: list[dict] = field(default_factory=list)  # lay words used, and what the article calls the thing
    unknown: list[str] = field(default_factory=list)  # words that name nothing the article knows
    corrections: dict[str, str] = field(default_factory=dict)  # misspelt word -> the word read
    closest: list[dict] = field(default_factory=list)  # the article's closest statements (never an answer)
    context: str = ""  # the part of the question read as context about the reader
    declined: str | None = None  # why a question was declined (dose, advice, other topic)
    debug: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"question": self.question, "answered": self.answered, "kind": self.kind, "answers": self.answers,
                "boolean": self.boolean, "count": self.count, "message": self.message, "reading": self.reading,
                "alternatives": self.alternatives, "query": self.query, "evidence": self.evidence,
                "groups": self.groups, "entities": self.entities, "lay_words": self.lay_words, "unknown": self.unknown,
                "corrections": self.corrections, "closest": self.closest, "context": self.context,
                "declined": self.declined, "suggestions": self.alternatives}


class Executor:
    """Runs readings on one store and words their answers."""

    def __init__(self, store, index: LabelIndex, schema: Schema, topic: tuple[str, ...]):
        self.store = store
        self.index = index
        self.schema = schema
        self.topic = topic

    # --- words --------------------------------------------------------------------------------

    def label(self, iri: str) -> str:
        return self.index.labels.get(iri, local(iri))

    def name(self, iri: str) -> str:
        """A label for use inside a sentence: lower-cased unless it is an acronym or a proper name."""
        label = self.label(iri)
        if len(label) > 1 and (label[1].isupper() or label.split()[0] in _PROPER):
            return label
        return label[0].lower() + label[1:]

    def entity(self, iri: str) -> dict:
        return {"iri": iri, "label": self.label(iri), "url": local_path(iri)}

    def says(self, prop: str, s: str, o: str) -> str:
        rel = self.schema.relations.get(prop)
        template = rel.says if rel and rel.says else "{s} " + self.schema.label(prop) + " {o}"
        return template.format(s=s, o=o)

    def describe(self, reading: Reading) -> str:
        """A reading in plain words: "what can cause knee muscle spasm"."""
        k = reading.kind
        names = [self.name(a) for a in reading.anchors]
        topic = " or ".join(self.name(t) for t in self.topic)
        if k in ("list", "count"):
            parts = []
            for e in reading.edges:
                rel = self.schema.relations.get(e.prop)
                if rel is None:
                    continue
                s = self._term(e.subject, topic)
                o = self._term(e.object, topic)
                if e.subject == "?x":
                    parts.append(rel.ask_subject.format(o=o))
                elif e.object == "?x":
                    parts.append(rel.ask_object.format(s=s))
                else:
                    parts.append(self.says(e.prop, s, o))
            text = (" and ".join(_strip_what(p) if i else p for i, p in enumerate(parts)))
            if len(reading.edges) == 2 and any("?y" in (e.subject, e.object) for e in reading.edges) \
                    and all(e.prop in self.schema.relations for e in reading.edges):
                text = self._chain_words(reading, topic)
            if reading.classes:
                text += " (only " + ", ".join(self.schema.class_labels.get(c, local(c)) for c in reading.classes) + ")"
            return ("how many: " if k == "count" else "") + text
        if k == "boolean":
            e = reading.edges[0]
            s, o = self._term(e.subject, topic), self._term(e.object, topic)
            if e.prop == RELATED:
                return f"does the article link {s} and {o}"
            return f"does the article say that {self.says(e.prop, s, o)}"
        if k == "definition":
            return f"what {names[0]} is"
        if k == "duration":
            return f"how long {names[0]} lasts"
        if k == "mechanism":
            return f"how {names[0]} leads to {names[1]}"
        if k == "cure":
            return f"whether {names[0]} can be cured"
        if k == "claim":
            return f"what the article claims about {names[0]}"
        if k == "compare":
            return f"which of {names[0]} and {names[1]} the article ranks higher"
        return f"what the article says about {names[0]}" if names else "what the article says"

    def _term(self, term: str, topic: str) -> str:
        if term == "?topic":
            return topic
        if term.startswith("?"):
            return "what"
        return self.name(term)

    def _chain_words(self, reading: Reading, topic: str) -> str:
        first, second = reading.edges
        rel1, rel2 = self.schema.relations[first.prop], self.schema.relations[second.prop]
        anchor = second.object if not second.object.startswith("?") else second.subject
        inner = (rel2.subject_noun.format(o=self._term(anchor, topic)) if second.subject == "?y"
                 else rel2.object_noun.format(s=self._term(anchor, topic)))
        return (rel1.subject_noun.format(o="the " + inner) if first.subject == "?x"
                else rel1.object_noun.format(s="the " + inner))

    # --- SPARQL -------------------------------------------------------------------------------

    def sparql(self, reading: Reading, relaxed: bool = False) -> tuple[str, dict[str, str]]:
        """The query graph as SPARQL, and the entities bound to its variables."""
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
            lines.append("  VALUES ?topic { " + " ".join(f"<{t}>" for t in self.topic) + " }")
        for n, e in enumerate(reading.edges):
            s, o = term(e.subject), term(e.object)
            if relaxed and not e.object.startswith("?"):
                lines.append(f"  {o} kgo:formOf* ?broader{n} .")
                o = f"?broader{n}"
            if relaxed and e.subject == "?x":
                lines.append(f"  ?x kgo:exampleOf* ?kind{n} .")
                s = f"?kind{n}"
            if e.prop == RELATED:  # any relation of the ontology
                lines.append(f"  {s} ?relation{n} {o} . ?relation{n} rdfs:subPropertyOf+ kgo:relatedTo .")
            else:
                lines.append(f"  {s} <{e.prop}> {o} .")
        if reading.classes:
            lines.append("  ?x rdf:type ?class . VALUES ?class { " + " ".join(f"<{c}>" for c in reading.classes) + " }")
        anchors = [names[a] for a in names] + (["?topic"] if "?topic" in "".join(lines) else [])
        for a in anchors:
            lines.append(f"  FILTER(?x != {a})")
        select = "?x ?y" if any("?y" in (e.subject, e.object) for e in reading.edges) else "?x"
        select += "".join(f" {names[a]}" for a in names)  # bound variables are projected (pyoxigraph substitutions)
        text = (RDF_STATEMENT_PREFIXES + f"SELECT DISTINCT {select} WHERE {{\n" + "\n".join(lines) + "\n}\nORDER BY ?x")
        return text, bindings

    def run(self, text: str, bindings: dict[str, str]):
        subs = {k: pyoxigraph.NamedNode(v) for k, v in bindings.items()}
        return self.store.query(text, substitutions=subs)

    def query_info(self, text: str, bindings: dict[str, str], name: str = "generated") -> dict:
        terms = {k: pyoxigraph.NamedNode(v) for k, v in bindings.items()}
        return {"name": name, "summary": "generated from the reading's query graph", "sparql": text,
                "bindings": {k: [v] for k, v in bindings.items()}, "sparql_with_values": with_values(text, terms)}

    # --- evidence -----------------------------------------------------------------------------

    def family(self, prop: str) -> frozenset[str]:
        """The property, its sub-properties, its inverse and the inverse's sub-properties."""
        out = set(self.schema.sub_properties(prop))
        rel = self.schema.relations.get(prop)
        if rel and rel.inverse:
            out |= self.schema.sub_properties(rel.inverse)
        return frozenset(out)

    def between(self, a: str, b: str, props: frozenset[str] | None = None) -> list[Statement]:
        """Statements linking ``a`` and ``b`` (either way round), along ``props`` if given."""
        out = []
        for st in statements_of(self.store, a):
            if {st.subject, st.object} == {a, b} and (props is None or st.predicate in props):
                out.append(st)
        return out

    def evidence_item(self, st: Statement) -> dict:
        return {"quote": st.quote, "subject": st.subject, "relation": st.predicate, "object": st.object,
                "subject_label": self.label(st.subject), "relation_label": self.schema.label(st.predicate),
                "object_label": self.label(st.object) if not st.object.startswith(KGV) else local(st.object),
                "begin": st.begin, "end": st.end, "source": SOURCE_ANCHOR.format(begin=st.begin, end=st.end),
                "statement": st.iri, "negated": st.negated, "qualifiers": st.qualifiers(),
                "urgency": [local(u) for u in sorted(st.urgency)], "emphasis": [local(e) for e in sorted(st.emphasis)],
                "section": st.section}


_PROPER = {"Medicramp", "Lou"}


def _strip_what(text: str) -> str:
    return text[5:] if text.startswith("what ") else text


def executor(store, index: LabelIndex, schema: Schema, topic: tuple[str, ...]) -> Executor:
    return per_store(store, "qa.executor", lambda: Executor(store, index, schema, topic))
