"""The answer to a question, and the words for the graph's things: labels, relations, readings.

``Answer`` is what ``GET /api/ask`` returns. ``Executor`` (one per store) runs generated SPARQL
with bound terms, finds the evidence statements between two entities, and puts entities,
relations and readings into plain words from the lexicon's realisations ("what can cause knee
muscle spasm", "caffeine can cause knee muscle spasm").
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph

from kg.namespaces import local_path
from kg.qa.facts import KGV, Statement, around
from kg.qa.lexicon import Schema, local, schema
from kg.qa.linking import LabelIndex, label_index
from kg.qa.querygraph import RELATED, Reading, to_sparql
from kg.qa.readings import reader
from kg.sparql.registry import registry
from kg.sparql.text import with_values
from kg.store.memo import per_store

SOURCE_ANCHOR = "/source#q-{begin}-{end}"
READING_WORDS = {  # descriptive readings in plain words, their anchors in order
    "definition": "what {0} is",
    "duration": "how long {0} lasts",
    "mechanism": "how {0} can lead to {1}",
    "cure": "whether {0} can be cured",
    "claim": "what the article claims about {0}",
    "compare": "which of {0} and {1} the article ranks higher",
    "serious": "whether {0} is serious, and when to see a doctor",
    "course": "whether {0} usually goes away on its own",
    "action": "what the article says to do about {0}",
    "difference": "how {0} and {1} differ",
}
QUESTION_WORDS = {  # the same readings asked as direct questions ("Did you mean: …?")
    "definition": "what is {0}",
    "duration": "how long does {0} last",
    "mechanism": "how can {0} lead to {1}",
    "cure": "can {0} be cured",
    "claim": "what does the article claim about {0}",
    "compare": "which of {0} and {1} does the article rank higher",
    "serious": "is {0} serious, and when should I see a doctor",
    "course": "does {0} usually go away on its own",
    "action": "what does the article say to do about {0}",
    "difference": "how do {0} and {1} differ",
}


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
        self.around = around(store)

    def statements(self, iri: str) -> list[Statement]:
        """Every evidence statement around ``iri`` (kept per store)."""
        return self.around.statements(iri)

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
        if reading.words:
            return reading.words
        if k in ("list", "count"):
            parts = []
            for e in reading.edges:
                rel = self.schema.relations.get(e.prop)
                if rel is None:
                    continue
                s = self._term(e.subject, topic)
                o = self._term(e.object, topic)
                rels = [rel] + [self.schema.relations[p] for p in (reading.union if e is reading.edges[0] else ())
                                if p in self.schema.relations]
                if e.subject == "?x":
                    parts.append(either([x.ask_subject.format(o=o) for x in rels]))
                elif e.object == "?x":
                    parts.append(either([x.ask_object.format(s=s) for x in rels]))
                else:
                    parts.append(self.says(e.prop, s, o))
            text = (" and ".join(_strip_what(p) if i else p for i, p in enumerate(parts)))
            if len(reading.edges) == 2 and any("?y" in (e.subject, e.object) for e in reading.edges) \
                    and all(e.prop in self.schema.relations for e in reading.edges):
                text = self._chain_words(reading, topic)
            if not reading.edges and reading.classes:  # what a part of the article names of a class
                text = "what " + " or ".join(self.schema.class_labels.get(c, local(c)).lower() for c in reading.classes)
            elif reading.classes:
                text += " (only " + ", ".join(self.schema.class_labels.get(c, local(c)) for c in reading.classes) + ")"
            for e in reading.minus:  # "ALS treatments not also given for autoimmune disorders"
                rel, s, o = self.schema.relations[e.prop], self._term(e.subject, topic), self._term(e.object, topic)
                text += ", not among " + (rel.ask_subject.format(o=o) if e.subject == "?x" else rel.ask_object.format(s=s))
            if reading.excluding:
                text += ", other than " + " and ".join(self.name(x) for x in reading.excluding)
            if reading.within_words:
                row = reading.within_row and reading.within_row not in reading.anchors  # "the X row": unless X is asked
                text += (f" (of {self.name(reading.within_row)})" if row else "") + ", " + reading.within_words
            return ("how many: " if k == "count" else "") + text
        if k == "boolean":
            e = reading.edges[0]
            s, o = self._term(e.subject, topic), self._term(e.object, topic)
            if e.prop == RELATED:
                return f"does the article link {s} and {o}"
            return f"does the article say that {self.says(e.prop, s, o)}"
        if k in READING_WORDS and len(names) >= READING_WORDS[k].count("{"):
            return READING_WORDS[k].format(*names)
        return f"what the article says about {names[0]}" if names else "what the article says"

    def question(self, reading: Reading) -> str:
        """A reading as a well-formed direct question: "What can knee muscle spasm lead to?"."""
        k = reading.kind
        names = [self.name(a) for a in reading.anchors]
        if k == "count" and len(reading.edges) == 1 and reading.edges[0].prop in self.schema.relations:
            e, topic = reading.edges[0], " or ".join(self.name(t) for t in self.topic)
            rel = self.schema.relations[e.prop]
            noun = (rel.subject_noun.format(o=self._term(e.object, topic)) if e.subject == "?x"
                    else rel.object_noun.format(s=self._term(e.subject, topic)))
            words = f"how many {noun} does the article name" if not noun.startswith("what ") else ""
        elif k in QUESTION_WORDS and len(names) >= QUESTION_WORDS[k].count("{"):
            words = QUESTION_WORDS[k].format(*names)
        elif k not in ("list", "count", "boolean"):
            words = f"what does the article say about {names[0]}" if names else "what does the article say"
        else:
            words = ""
        words = words or self.describe(reading).removeprefix("how many: ")
        return words[0].upper() + words[1:] + "?"

    def _term(self, term: str, topic: str) -> str:
        if term == "?topic":
            return topic
        if term.startswith("?"):
            return "what"
        return self.name(term)

    def _chain_words(self, reading: Reading, topic: str) -> str:
        first, second = reading.edges
        rel1, rel2 = self.schema.relations[first.prop], self.schema.relations[second.prop]
        anchor = second.object if second.object not in ("?x", "?y") else second.subject  # an entity or ?topic
        inner = (rel2.subject_noun.format(o=self._term(anchor, topic)) if second.subject == "?y"
                 else rel2.object_noun.format(s=self._term(anchor, topic)))
        return (rel1.subject_noun.format(o="the " + inner) if first.subject == "?x"
                else rel1.object_noun.format(s="the " + inner))

    # --- SPARQL -------------------------------------------------------------------------------

    # --- SPARQL -------------------------------------------------------------------------------

    def sparql(self, reading: Reading, relaxed: bool = False) -> tuple[str, dict[str, str]]:
        """The reading's query graph as SPARQL, and the entities bound to its variables."""
        return to_sparql(reading, self.topic, relaxed)

    def run(self, text: str, bindings: dict[str, str]):
        subs = {k: pyoxigraph.NamedNode(v) for k, v in bindings.items()}
        return self.store.query(text, substitutions=subs)

    def query_info(self, text: str, bindings: dict[str, str], name: str | None = None) -> dict:
        """The query an answer ran, as the answer shows it: a named query by its name, else the generated text."""
        if name:
            query = registry()[name]
            return {"name": name, "summary": query.summary, "origin": f"The named query {name} ({query.summary})",
                    "sparql": query.sparql,
                    "bindings": {k: [v] for k, v in bindings.items()}, "sparql_with_values": query.with_values(bindings)}
        terms = {k: pyoxigraph.NamedNode(v) for k, v in bindings.items()}
        return {"name": "generated", "summary": "generated from the reading's query graph",
                "origin": "Generated from the reading's query graph", "sparql": text,
                "bindings": {k: [v] for k, v in bindings.items()}, "sparql_with_values": with_values(text, terms)}

    # --- evidence -----------------------------------------------------------------------------

    def family(self, prop: str) -> frozenset[str]:
        """The property, its sub-properties, its inverse and the inverse's sub-properties."""
        out = set(self.schema.sub_properties(prop))
        rel = self.schema.relations.get(prop)
        if rel and rel.inverse:
            out |= self.schema.sub_properties(rel.inverse)
        return frozenset(out)

    def near(self, prop: str) -> frozenset[str]:
        """The families of the relations a reader means nearly alike (the lexicon's ``kgl:near``), less ``prop``'s own."""
        rel = self.schema.relations.get(prop)
        out: set[str] = set()
        for other in (rel.near if rel else ()):
            out |= self.family(other)
        return frozenset(out - self.family(prop))

    def directed(self, a: str, b: str, prop: str, near: bool = False) -> list[Statement]:
        """Statements that ``a`` stands in ``prop`` to ``b`` (``near``: in a relation a reader means nearly alike) —
        in that direction: "dehydration can cause spasms" says nothing of whether spasms cause dehydration."""
        rels = [self.schema.relations.get(p) for p in (self.schema.relations[prop].near - {prop} if near else {prop})
                if p in self.schema.relations] if prop in self.schema.relations else []
        forward = frozenset().union(*(self.schema.sub_properties(r.iri) for r in rels))
        backward = frozenset().union(*(self.schema.sub_properties(r.inverse) for r in rels if r.inverse))
        if near:
            forward, backward = forward - self.family(prop), backward - self.family(prop)
        return [st for st in self.between(a, b) if (st.predicate in forward and st.subject == a)
                or (st.predicate in backward and st.subject == b)]

    def between(self, a: str, b: str, props: frozenset[str] | None = None) -> list[Statement]:
        """Statements linking ``a`` and ``b`` (either way round), along ``props`` if given."""
        return [st for st in self.around.with_other(a).get(b, ()) if props is None or st.predicate in props]

    def evidence_item(self, st: Statement) -> dict:
        return {"quote": st.quote, "subject": st.subject, "relation": st.predicate, "object": st.object,
                "subject_label": self.label(st.subject), "relation_label": self.schema.label(st.predicate),
                "object_label": self.label(st.object) if not st.object.startswith(KGV) else local(st.object),
                "begin": st.begin, "end": st.end, "source": SOURCE_ANCHOR.format(begin=st.begin, end=st.end),
                "statement": st.iri, "negated": st.negated, "qualifiers": st.qualifiers(self.name),
                "urgency": [local(u) for u in sorted(st.urgency)], "emphasis": [local(e) for e in sorted(st.emphasis)],
                "section": st.section}


_PROPER = {"Medicramp", "Lou"}


def either(asks: list[str]) -> str:
    """Several questions about one thing as one, their shared opening (but its last word) said once.

    >>> either(["what can yoga help prevent", "what can yoga help with"])
    'what can yoga help prevent or help with'
    >>> either(["what causes cramps"])
    'what causes cramps'
    """
    first = asks[0].split()
    out = [asks[0]]
    for ask in asks[1:]:
        words = ask.split()
        k = 0
        while k < min(len(first), len(words)) - 1 and first[k] == words[k]:
            k += 1
        out.append(" ".join(words[max(k - 1, 0):]))  # the verb said again: "help prevent or help with"
    return " or ".join(out)


def _strip_what(text: str) -> str:
    return text[5:] if text.startswith("what ") else text


executor = per_store(lambda store: Executor(store, label_index(store), schema(store), reader(store).topic))
executor.__doc__ = """The executor of ``store`` (built once per store)."""
