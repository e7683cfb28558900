"""The lexicon and the ontology as question answering reads them: once per store, from the graph.

``Schema`` holds the ontology's relations (label, inverse, super-properties, domain, range and
the lexicon's realisations in both directions) and classes; ``Lexicon`` holds the lexical
entries (ontology/lexicon.ttl) as lemma sequences, and finds them in a question. Both come from
the store (``queries/internal/qa-*.rq``), so a store with another lexicon reads questions its way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from kg.namespaces import KGO
from kg.qa.text import Token, lemmas_of
from kg.sparql.registry import internal
from kg.store.memo import per_store

KGL = "https://w3id.org/kneekg/lexicon/"
LEXINFO = "http://www.lexinfo.net/ontology/3.0/lexinfo#"
GAP = "*"
WORD_SETS = frozenset({"amount-asked", "amount-named", "measure", "period", "span", "intake", "onset", "reference", "resource",  # kg.qa.amounts, .reference
                       "advice-modal", "regimen-change", "regimen-swap", "bid",  # kg.qa.advice
                       "said", "faq-question", "note", "outline",  # kg.qa.document
                       "remainder",  # kg.qa.besides
                       "sentence",  # kg.qa.in_sentence
                       "plan-request", "plan", "law", "weight-change", "body-mass", "service", "composition", "language",  # kg.qa.beyond
                       "norm", "measured", "regimen-on", "normality", "persistence", "worth",  # kg.qa.targets, .advice, .usual, .worth
                       "subdivision", "kind-asked", "subdivide", "other-person", "activity", "lineup", "reduction",  # kg.qa.grades, .sideline, .reduced
                       "asker", "asking", "asking-for", "defer",  # kg.qa.reported
                       "shortfall", "shortfall-help", "test-asked", "order-first", "point-asked",  # kg.qa.next_line, .workup, .first_line, .point_of
                       "accompanied", "accompanying", "lasting",  # kg.qa.accompanied, .remedied
                       "young", "taking", "by-name",  # kg.qa.young, .taken, .by_name
                       "idiom", "generic-head", "by-mouth", "overlap", "apart", "cause-connector",
                       "when-point"})  # kg.qa.when_asked  # kg.qa.idioms, .described_members, .overlap, .from_cause
MAX_GAP = 4


def internal_query(name: str) -> str:
    """The text of ``queries/internal/<name>.rq`` (parsed once by the registry)."""
    return internal(name).sparql


def _value(row, var):
    term = row[var]
    return None if term is None else term.value


def local(iri: str) -> str:
    """The last segment of an IRI.

    >>> local("https://w3id.org/kneekg/ontology/causes")
    'causes'
    """
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


# --- the ontology ------------------------------------------------------------------------------

@dataclass
class Relation:
    """One object property of the ontology and the words for it."""

    iri: str
    label: str = ""
    inverse: str | None = None
    supers: set[str] = field(default_factory=set)
    domain: str | None = None
    range: str | None = None
    ask_subject: str = ""  # "what can cause {o}"
    ask_object: str = ""  # "what {s} can lead to"
    says: str = ""  # "{s} can cause {o}"
    subject_noun: str = ""  # "causes of {o}"
    object_noun: str = ""  # "what {s} can lead to"
    near: set[str] = field(default_factory=set)  # relations a reader means nearly alike (kgl:near)
    subject_query: str | None = None  # the named query listing the subjects for a given object
    object_query: str | None = None  # the named query listing the objects for a given subject

    @property
    def realised(self) -> bool:
        return bool(self.says)


@dataclass
class Schema:
    """The ontology's relations and classes, with the closures question answering needs."""

    relations: dict[str, Relation] = field(default_factory=dict)
    class_labels: dict[str, str] = field(default_factory=dict)
    class_supers: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def from_store(cls, store) -> "Schema":
        schema = cls()
        for row in store.query(internal_query("qa-senses")):
            iri = row["property"].value
            rel = schema.relations.setdefault(iri, Relation(iri))
            rel.label = rel.label or (_value(row, "label") or "")
            rel.inverse = rel.inverse or _value(row, "inverse")
            if _value(row, "super"):
                rel.supers.add(row["super"].value)
            rel.domain = rel.domain or _value(row, "domain")
            rel.range = rel.range or _value(row, "range")
            if _value(row, "near"):
                rel.near.add(row["near"].value)
            rel.subject_query = rel.subject_query or _value(row, "subjectQuery")
            rel.object_query = rel.object_query or _value(row, "objectQuery")
            if _value(row, "says"):
                rel.ask_subject, rel.ask_object = row["askSubject"].value, row["askObject"].value
                rel.says, rel.subject_noun, rel.object_noun = (row["says"].value, row["subjectNoun"].value,
                                                               row["objectNoun"].value)
        for row in store.query(internal_query("qa-classes")):
            iri = row["class"].value
            schema.class_labels.setdefault(iri, _value(row, "label") or local(iri))
            supers = schema.class_supers.setdefault(iri, set())
            if _value(row, "super"):
                supers.add(row["super"].value)
        return schema

    def canonical(self, prop: str) -> tuple[str, bool]:
        """The realised property a property is read as, and whether the direction flips.

        ``causedBy`` is read as ``causes`` with subject and object swapped.
        """
        rel = self.relations.get(prop)
        if rel is None or rel.realised or not rel.inverse:
            return prop, False
        inverse = self.relations.get(rel.inverse)
        return (rel.inverse, True) if inverse is not None and inverse.realised else (prop, False)

    @lru_cache(maxsize=None)
    def sub_properties(self, prop: str) -> frozenset[str]:
        """The property and every property below it (``causes`` → causes, exacerbates)."""
        out = {prop}
        changed = True
        while changed:
            changed = False
            for iri, rel in self.relations.items():
                if iri not in out and rel.supers & out:
                    out.add(iri)
                    changed = True
        return frozenset(out)

    def side_of(self, prop: str, classes) -> str | None:
        """Which end of ``prop`` ("subject" or "object") the classes fit, when only one does."""
        rel = self.relations[prop]

        def fit(end):
            return bool(end) and any(c == end or end in self.super_classes(c) or c in self.super_classes(end) for c in classes)
        domain, range_ = fit(rel.domain), fit(rel.range)
        return "object" if range_ and not domain else "subject" if domain and not range_ else None

    @lru_cache(maxsize=None)
    def super_classes(self, cls: str) -> frozenset[str]:
        out, todo = {cls}, [cls]
        while todo:
            for sup in self.class_supers.get(todo.pop(), ()):
                if sup not in out:
                    out.add(sup)
                    todo.append(sup)
        return frozenset(out)

    def __hash__(self) -> int:  # lru_cache on methods: one schema per store, compared by identity
        return id(self)

    def label(self, prop: str) -> str:
        rel = self.relations.get(prop)
        return rel.label if rel and rel.label else local(prop)


# --- the lexicon -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    """One lexical entry: a relation frame, a class word, or a question-shaping word."""

    iri: str
    kind: str  # "relation", "class" or "intent"
    references: tuple[str, ...] = ()
    pos: str | None = None  # "verb", "noun", "adjective"
    names: str | None = None  # nouns: "subject" or "object"
    intent: str | None = None  # "definition", "duration", "dose", ...
    examples: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return local(self.iri)


@dataclass(frozen=True)
class Cue:
    """One lexicon phrase found in a question: tokens [start, end) (positions, gaps included)."""

    start: int
    end: int
    entry: Entry
    form: tuple[str, ...]
    positions: tuple[int, ...]  # the token positions the phrase's words matched (not the gap words)

    @property
    def length(self) -> int:
        return len(self.positions)


@dataclass
class Lexicon:
    entries: dict[str, Entry] = field(default_factory=dict)
    forms: dict[str, list[tuple[tuple[str, ...], Entry]]] = field(default_factory=dict)  # first lemma -> forms
    vocabulary: set[str] = field(default_factory=set)  # every lemma of every form
    _intent_forms: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)
    word_sets: dict[str, set[tuple[str, ...]]] = field(default_factory=dict)  # intent -> forms kept out of the cues

    @classmethod
    def from_store(cls, store, schema: Schema) -> "Lexicon":
        rows: dict[str, dict] = {}
        for row in store.query(internal_query("qa-lexicon")):
            data = rows.setdefault(row["entry"].value, {"forms": set(), "refs": set(), "examples": set(), "pos": None,
                                                       "names": None, "intent": None})
            data["forms"].add(row["form"].value)
            for var, key in (("reference", "refs"), ("example", "examples")):
                if _value(row, var):
                    data[key].add(row[var].value)
            for var in ("pos", "names", "intent"):
                if _value(row, var):
                    data[var] = local(row[var].value)
        lexicon = cls()
        for iri, data in rows.items():
            refs = tuple(sorted(data["refs"]))
            if data["intent"]:
                kind = "intent"
            elif refs and all(r in schema.relations for r in refs):
                kind = "relation"
            else:
                kind = "class"
            entry = Entry(iri, kind, refs, data["pos"], data["names"], data["intent"], tuple(sorted(data["examples"])))
            lexicon.entries[iri] = entry
            for form in data["forms"]:
                key = tuple(GAP if w == GAP else w for w in (lemmas_of(form.replace(GAP, " zzgapzz "))))
                key = tuple(GAP if w == "zzgapzz" else w for w in key)
                if entry.intent in WORD_SETS:  # words that shape no reading: looked up, never cues nor spelling words
                    lexicon.word_sets.setdefault(entry.intent, set()).add(key)
                    continue
                if not key or (key, entry) in lexicon.forms.get(key[0], []):
                    continue
                lexicon.forms.setdefault(key[0], []).append((key, entry))
                lexicon.vocabulary.update(w for w in key if w != GAP)
        for forms in lexicon.forms.values():
            forms.sort(key=lambda f: (-len([w for w in f[0] if w != GAP]), f[1].iri, f[0]))
        return lexicon

    def cues(self, tokens: list[Token]) -> list[Cue]:
        """Every lexicon phrase in ``tokens`` (lemmas; ``*`` spans up to four words), longest first."""
        words = [t.lemma for t in tokens]
        found: list[Cue] = []
        for i, word in enumerate(words):
            for form, entry in self.forms.get(word, ()):
                positions = _match(form, words, i) or (_split(form, words, i) if entry.pos == "verb" else None)
                # a frame's gap does not reach across a comma or a sentence end ("once a spasm *stops*, can it *come back*")
                if positions and not any(tokens[k].is_punct for k in range(i, positions[-1])) and not (
                        GAP in form and any(tokens[k].dash for k in range(i + 1, positions[-1] + 1))):  # nor a dash
                    found.append(Cue(i, positions[-1] + 1, entry, form, positions))
        found.sort(key=lambda c: (-c.length, c.start, c.entry.iri))
        return [c for c in found if not _reports(c, words, any(c.entry.kind == "relation" and c.entry.pos == "noun"
                                                                 for c in found))]

    def in_set(self, intent: str, lemmas: list[str], at: int) -> int:
        """How many words of one of the word set ``intent``'s forms stand at ``at`` in ``lemmas`` (0: none), longest.

        >>> Lexicon(word_sets={"period": {("a", "day"), ("daily",)}}).in_set("period", ["twice", "a", "day"], 1)
        2
        """
        found = [len(f) for f in self.word_sets.get(intent, ()) if tuple(lemmas[at:at + len(f)]) == f]
        return max(found, default=0)

    def by_intent(self, intent: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.intent == intent]

    def intent_forms(self, intent: str) -> frozenset[str]:
        """The forms (words joined by spaces) of one intent's entries, made once per lexicon: asked per question."""
        if intent not in self._intent_forms:
            self._intent_forms[intent] = frozenset(" ".join(key) for forms in self.forms.values()
                                                   for key, entry in forms if entry.intent == intent)
        return self._intent_forms[intent]


def _reports(c: Cue, words: list[str], noun_asks: bool) -> bool:
    """Whether a relation verb right after "the article" only reports: the question's relation is in a noun ("what
    treatment options does the article *give*"), or a noun stands between the question word and "does the article"
    ("what *range* does the article give"). "How does the article characterise ALS" and "what does
    the article give for cramps" keep their verb.

    >>> _reports(Cue(5, 6, Entry("e", "relation", pos="verb"), ("give",), (5,)), "what range do the article give".split(), False)
    True
    >>> _reports(Cue(4, 5, Entry("e", "relation", pos="verb"), ("give",), (4,)), "what do the article give".split(), False)
    False
    >>> _reports(Cue(6, 7, Entry("e", "relation", pos="verb"), ("give",), (6,)), "what example of it do it give".split(), True)
    True
    >>> _reports(Cue(4, 5, Entry("e", "relation", pos="verb"), ("give",), (4,)), "what symptom do it give you".split(), True)
    False
    """
    k = c.start
    if c.entry.kind != "relation" or c.entry.pos != "verb":
        return False
    if noun_asks and words[k + 1:k + 2] in (["me"], ["us"]) and (k == 0 or words[k - 1] in OPENERS):
        return True  # "*give me* an example of nerve damage": a request, not "does it give me cramps"
    if k < 2:
        return False
    if words[k - 1] == "it" and words[k - 2] == "do" and noun_asks and k >= 4 and words[:k - 2].count("what") + \
            words[:k - 2].count("which") and not set(words[k + 1:k + 2]) & RECEIVERS:
        return True  # "what examples of it does *it give*": the article gives them; "what does it give *you*" causes
    if words[k - 1] not in REPORTERS or k >= 3 and words[k - 3] in ("in", "from", "of") and words[k - 2] == "the":
        return False  # "will the remedies *in the article* work for everyone": the article is no subject there
    return noun_asks or (k >= 5 and words[k - 3] == "do" and words[k - 2] == "the" and words[k - 4] not in WH
                         and any(w in WH for w in words[max(0, k - 7):k - 4]))


WH = frozenset("what which who whom whose when where why how".split())
REPORTERS = frozenset("article table text page faq chart author writer".split())  # "what example does *the table* give"
OPENERS = frozenset(". , ? ! - please pls so then and now just".split())  # before a request's verb
RECEIVERS = frozenset("you me us him her them my your his their a an the".split())  # "does it give *you* cramps": it causes
PARTICLES = frozenset("off on up out down about in over".split())
OBJECT_PRONOUNS = frozenset("it that this them these those one".split())


def _split(form: tuple[str, ...], words: list[str], start: int) -> tuple[int, ...] | None:
    """A phrasal verb with its object pronoun between verb and particle ("what sets *that* off", "what brings *it*
    on"): English puts a pronoun object there, so every verb + particle form reads so without a form of its own.

    >>> _split(("set", "off"), ["what", "set", "that", "off"], 1)
    (1, 3)
    >>> _split(("lead", "to"), ["lead", "it", "to"], 0) is None
    True
    """
    if len(form) != 2 or form[1] not in PARTICLES or start + 2 >= len(words):
        return None
    return (start, start + 2) if words[start + 1] in OBJECT_PRONOUNS and words[start + 2] == form[1] else None


def _match(form: tuple[str, ...], words: list[str], start: int) -> tuple[int, ...] | None:
    """Token positions where ``form`` matches ``words`` from ``start`` (``*``: 1–4 words), or None.

    >>> _match(("make", "*", "worse"), ["make", "my", "cramp", "worse"], 0)
    (0, 3)
    >>> _match(("lead", "to"), ["lead", "on"], 0) is None
    True
    """
    positions: list[int] = []
    j = start
    k = 0
    while k < len(form):
        w = form[k]
        if w == GAP:
            nxt = form[k + 1] if k + 1 < len(form) else None
            for gap in range(1, MAX_GAP + 1):
                if nxt is None:
                    return None
                if j + gap < len(words) and words[j + gap] == nxt:
                    j += gap
                    break
            else:
                return None
            k += 1
            continue
        if j >= len(words) or words[j] != w:
            return None
        positions.append(j)
        j += 1
        k += 1
    return tuple(positions)


schema = per_store(Schema.from_store)
schema.__doc__ = """The store's ontology as question answering reads it (built once per store)."""

lexicon = per_store(lambda store: Lexicon.from_store(store, schema(store)))
lexicon.__doc__ = """The store's lexicon (built once per store)."""


__all__ = ["Schema", "Relation", "Lexicon", "Entry", "Cue", "schema", "lexicon", "local", "internal_query", "KGO"]
