"""Read a question: find its entities, relation words, class words and intent, and build readings.

A *reading* is a small query graph: the answer variable ``?x``, edges between it, other
variables and the linked entities (each edge an ontology relation in the direction the
question asks), a class the answer must belong to, and what kind of answer is wanted (a
list, a count, yes/no between two entities, a description). Candidate readings are generated
from the lexicon's frames — every relation word, in the direction its frame and the words'
order say, and the other direction too — and ranked by how well they fit: the frame's
evidence, the roles the linked entity actually plays in the graph (is dehydration caused by
something, or does it cause things?), the relation's domain and range against the entity's
classes, and the class asked for. Nothing the reader typed reaches a query: readings hold IRIs.

Sentences about the reader before the question ("I'm pregnant and ...", "my doctor put me on a
water pill ...") are context: the question is the last clause that asks something, and the
context's entities stand in for "it", "that" or a missing entity.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.qa.lexicon import Cue, Entry, Lexicon, Schema, internal_query, local
from kg.qa.linking import LabelIndex, Mention
from kg.qa.memo import per_store
from kg.qa.text import AUXILIARIES, PRONOUNS, STOPWORDS, WH_WORDS, Token, clauses, tokenize

COORDINATION = frozenset({"or", "and", ",", "/", "&", "nor", "vs", "versus", "a", "an", "the", "my", "your", "either"})
PREPOSITIONS = frozenset("of for to in with from behind about on at by into against".split())
COPULA = frozenset({"be"})
KGO = "https://w3id.org/kneekg/ontology/"
RELATED = KGO + "relatedTo"


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
    ranking: bool = False  # "most common", "first": order and say what the article weighs

    def key(self) -> tuple:
        return (self.kind, tuple(self.edges), self.classes, self.anchors)


@dataclass
class Analysis:
    """What the parser found in a question."""

    tokens: list[Token]
    question: list[Token]  # the clause that asks
    context: list[Token]  # clauses before it: about the reader
    mentions: list[Mention]  # chosen entity mentions (no overlaps)
    cues: list[Cue]  # chosen relation, class and intent cues (no overlaps with mentions)
    corrections: dict[int, str]
    unknown: list[str]  # content words that name nothing the article knows
    intents: set[str]
    wh: str | None
    yes_no: bool
    readings: list[Reading] = field(default_factory=list)

    @property
    def q_positions(self) -> set[int]:
        return {t.i for t in self.question}

    def in_question(self, m) -> bool:
        return m.start in self.q_positions

    @property
    def relation_cues(self) -> list[Cue]:
        return [c for c in self.cues if c.entry.kind == "relation" and c.start in self.q_positions]

    @property
    def class_cues(self) -> list[Cue]:
        """Class words that say what the answer is: not a word inside a longer name ("blood *test*")."""
        out = []
        for c in self.cues:
            if c.entry.kind != "class" or c.start not in self.q_positions:
                continue
            inside = [m for m in self.mentions if m.start <= c.start and c.end <= m.end]
            if inside and not any(m.start == c.start and m.end == c.end for m in inside):
                continue
            out.append(c)
        return out

    def intent_cues(self, intent: str) -> list[Cue]:
        return [c for c in self.cues if c.entry.intent == intent and c.start in self.q_positions]

    @property
    def anchors(self) -> list[Mention]:
        return [m for m in self.mentions if self.in_question(m)]

    @property
    def context_mentions(self) -> list[Mention]:
        return [m for m in self.mentions if not self.in_question(m)]


# --- finding things in the question ---------------------------------------------------------

def analyse(text: str, index: LabelIndex, lex: Lexicon) -> Analysis:
    """Tokens, the asking clause, entity mentions, lexicon cues and unknown words of ``text``."""
    tokens = tokenize(text)
    mentions_all, corrections = index.link(tokens)
    words = [t if i not in corrections else Token(t.i, t.surface, corrections[i], t.start, t.end)
             for i, t in enumerate(tokens)]
    cues_all = lex.cues(words)
    parts = clauses(tokens)
    question, context = _asking_clause(parts, cues_all)
    mentions, cues = _choose(mentions_all, cues_all, tokens)
    covered = {i for m in mentions for i in m.span} | {i for c in cues for i in c.positions}
    unknown = []
    for t in question:
        if t.i in covered or t.lemma in STOPWORDS or t.surface in STOPWORDS or t.lemma in WH_WORDS:
            continue
        if t.surface.isdigit() or len(t.surface) < 3:
            continue
        unknown.append(t.surface)
    first = question[0].lemma if question else ""
    # the wh-word that asks: near the clause's start, or last ("knee twitch doctor when")
    wh = next((t.lemma for t in question[:3] if t.lemma in WH_WORDS), None)
    if wh is None and question and question[-1].lemma in WH_WORDS:
        wh = question[-1].lemma
    intents = {c.entry.intent for c in cues if c.entry.intent and c.start in {t.i for t in question}}
    yes_no = (first in AUXILIARIES or first in ("be", "do", "have")) and first not in WH_WORDS
    if question and len(question) > 1 and question[0].lemma == "be" and question[1].lemma == "there":
        yes_no = True
    return Analysis(tokens, question, context, mentions, cues, corrections, unknown, intents, wh, yes_no)


def _asking_clause(parts: list[list[Token]], cues: list[Cue]) -> tuple[list[Token], list[Token]]:
    """The last clause that asks (a wh-word, an auxiliary first, a question frame); the rest is context."""
    if not parts:
        return [], []
    for k in range(len(parts) - 1, -1, -1):
        clause = parts[k]
        first = clause[0].lemma
        asks = (first in WH_WORDS or first in AUXILIARIES or first in ("be", "do", "have")
                or any(t.lemma in WH_WORDS for t in clause[:3]))
        if asks:
            question = [t for part in parts[k:] for t in part]
            return question, [t for part in parts[:k] for t in part]
    # No clause asks in so many words (telegraphic): it is all question.
    return [t for part in parts for t in part], []


_PRIORITY = {"entity": 0, "relation": 1, "class": 2, "intent": 3}


def _choose(mentions: list[Mention], cues: list[Cue], tokens: list[Token]) -> tuple[list[Mention], list[Cue]]:
    """Non-overlapping mentions and cues, longest first (an entity wins a tie).

    Intent cues (fillers, "how long", "most common") may overlap nothing; class cues may share
    their words with an entity ("which *vitamins*" names a class and the entity Vitamins).
    """
    items: list[tuple] = []
    for m in mentions:
        items.append((m.length, _PRIORITY["entity"], m.start, m))
    for c in cues:
        if c.entry.intent in ("filler", "personal"):
            continue
        items.append((c.length, _PRIORITY[c.entry.kind], c.start, c))
    items.sort(key=lambda x: (-x[0], x[1], x[2]))
    taken: dict[int, object] = {}
    chosen_m: list[Mention] = []
    chosen_c: list[Cue] = []
    for length, prio, start, item in items:
        span = set(item.span) if isinstance(item, Mention) else set(item.positions)
        clash = [taken[i] for i in span if i in taken]
        if isinstance(item, Mention):
            # Several entities may share one span ("energy drinks": caffeine, stimulants).
            if clash and not all(isinstance(o, Mention) and (o.start, o.end) == (item.start, item.end) for o in clash):
                continue
            chosen_m.append(item)
        else:
            # Several relation entries may read one phrase ("cause": a verb and a noun frame).
            if clash and not all(isinstance(o, Cue) and o.positions == item.positions and o.entry.kind == item.entry.kind
                                 for o in clash) and not (item.entry.kind == "class" and all(isinstance(o, Mention)
                                                                                              for o in clash)):
                continue
            chosen_c.append(item)
        for i in span:
            taken.setdefault(i, item)
    covered = set(taken)
    for c in cues:  # fillers and first-person words: wherever nothing else stands
        if c.entry.intent in ("filler", "personal") and not set(c.positions) & covered:
            chosen_c.append(c)
            covered |= set(c.positions)
    chosen_m.sort(key=lambda m: (m.start, -m.length))
    chosen_c.sort(key=lambda c: c.start)
    return chosen_m, chosen_c


# --- building readings -------------------------------------------------------------------------

@dataclass
class Groups:
    """Mentions grouped by span: one group per thing named (several IRIs when a name is ambiguous)."""

    spans: list[tuple[int, int, list[Mention]]]

    @classmethod
    def of(cls, mentions: list[Mention]) -> "Groups":
        spans: dict[tuple[int, int], list[Mention]] = {}
        for m in mentions:
            spans.setdefault((m.start, m.end), []).append(m)
        return cls([(s, e, ms) for (s, e), ms in sorted(spans.items())])


class Reader:
    """Builds and ranks the readings of analysed questions for one store."""

    def __init__(self, store, index: LabelIndex, lex: Lexicon, schema: Schema):
        self.store = store
        self.index = index
        self.lex = lex
        self.schema = schema
        self.topic = tuple(row["entity"].value for row in store.query(internal_query("qa-topic")))
        self._roles: dict[str, dict[str, int]] = {}

    # roles an entity plays: the relations it is the subject of (inverses inferred = object of)
    def roles(self, iri: str) -> dict[str, int]:
        if iri not in self._roles:
            import pyoxigraph

            rows = self.store.query(internal_query("qa-entity-relations"),
                                    substitutions={"entity": pyoxigraph.NamedNode(iri)})
            self._roles[iri] = {row["property"].value: int(row["n"].value) for row in rows}
        return self._roles[iri]

    def plays(self, iri: str, prop: str, as_subject: bool) -> bool:
        """Whether the graph holds ``iri prop ?`` (as subject) or ``? prop iri`` (as object), sub-properties included."""
        roles = self.roles(iri)
        if as_subject:
            return any(p in roles for p in self.schema.sub_properties(prop))
        inverse = self.schema.relations.get(prop).inverse if prop in self.schema.relations else None
        return bool(inverse) and any(p in roles for p in self.schema.sub_properties(inverse))

    def fits(self, iri: str, cls: str | None) -> bool | None:
        """Whether the entity's classes fit a domain or range (None when unknown)."""
        if not cls:
            return None
        types = self.index.types.get(iri, frozenset())
        if not types:
            return None
        return cls in types or any(cls in self.schema.super_classes(t) for t in types)

    # --- the readings ----------------------------------------------------------------------

    def _relation_cues(self, an: Analysis) -> list[Cue]:
        """The question's relation words, less those that only shape it.

        "kinds of problems" asks for a class, not for examples; "help prevent" is "prevent"; a bare
        "doctor" next to another relation ("how do doctors diagnose …") is who acts, not a warning sign.
        """
        cues = an.relation_cues
        starts = {c.start for c in cues}
        out = []
        for c in cues:
            nxt = an.tokens[c.end:c.end + 2]
            if c.entry.name in ("example-noun", "form-noun") and nxt and nxt[0].lemma == "of" and any(
                    k.start == c.end + 1 for k in an.class_cues):
                continue
            if c.form == ("help",) and (c.end in starts or c.end + 1 in starts):
                continue
            if c.form[:2] == ("what", "be") and any(m.start >= c.end for m in an.anchors):
                continue  # "what are the reasons for X": not "what is X for"
            if c.entry.name == "warning-noun" and len(c.form) == 1 and any(o.entry.name != "warning-noun" for o in cues):
                continue
            out.append(c)
        return out

    def readings(self, an: Analysis) -> list[Reading]:
        out: list[Reading] = []
        anchors = self._anchor_groups(an)
        ranking = bool(an.intent_cues("ranking"))
        rel_cues = self._relation_cues(an)
        cls = self._answer_classes(an)
        if "definition" in an.intents or (an.wh == "what" and not rel_cues and anchors and _bare_what(an)):
            for _, _, ms in anchors[:1]:
                for m in ms:
                    out.append(Reading("definition", anchors=(m.iri,), score=6.0, why=["what is X"]))
        if "duration" in an.intents:
            for _, _, ms in (anchors or [(0, 0, [])])[:1]:
                for iri in [m.iri for m in ms] or list(self.topic):
                    out.append(Reading("duration", anchors=(iri,), score=8.0, why=["how long"], topic=not ms))
        # cure questions: "is there a cure for X", "can X be cured"
        cure = [c for c in rel_cues if KGO + "hasCure" in c.entry.references]
        if cure and anchors:
            for m in anchors[0][2]:
                out.append(Reading("cure", anchors=(m.iri,), score=9.0, why=["cure"]))
            rel_cues = [c for c in rel_cues if c not in cure]
        if len(anchors) >= 2 and not an.intent_cues("comparison") and (an.yes_no or not an.wh):
            booleans = self._boolean(an, anchors, rel_cues)
            if not an.yes_no:  # telegraphic: "steroid pills and knee twitching.. connected??"
                nouns = any(c.entry.pos == "noun" for c in rel_cues) or an.intent_cues("count")
                for r in booleans:
                    r.score -= 4.0 if nouns else 1.5
            out.extend(booleans)
        elif an.intent_cues("comparison") and len(anchors) >= 2 and (an.wh or an.yes_no or ranking):
            out.extend(self._compare(an, anchors, rel_cues, cls))
        if an.wh in ("how", "why") and len(anchors) >= 2 and self._causal(rel_cues):
            a, b = anchors[0][2][0].iri, anchors[1][2][0].iri
            out.append(Reading("mechanism", anchors=(a, b), score=9.0, why=["how/why does X lead to Y"]))
        out.extend(self._lists(an, anchors, rel_cues, cls, ranking))
        if an.yes_no and len(anchors) == 1 and rel_cues:
            out.extend(self._boolean_topic(an, anchors, rel_cues))
        if not out and anchors and not rel_cues:
            for m in anchors[0][2]:
                kind = "claim" if self.fits(m.iri, KGO + "Product") else "about"
                out.append(Reading(kind, anchors=(m.iri,), score=2.0, why=["only an entity"]))
        for r in out:
            r.ranking = ranking
            if an.yes_no and r.kind in ("list", "count"):
                r.score -= 3.0  # a yes/no question wants yes or no
                r.why.append("yes/no question (-3)")
            elif (not an.wh and not an.yes_no and len(anchors) >= 2 and r.kind in ("list", "count") and len(r.edges) == 1
                  and not any(c.entry.pos == "noun" for c in rel_cues) and not an.intent_cues("count")):
                r.score -= 2.0  # telegraphic, two things named: how they are linked
                r.why.append("two things named, no question word (-2)")
        # unknown content words weigh against every reading that does not account for them
        unique: dict[tuple, Reading] = {}
        for r in sorted(out, key=lambda r: -r.score):
            unique.setdefault(r.key(), r)
        return sorted(unique.values(), key=lambda r: -r.score)

    def _anchor_groups(self, an: Analysis) -> list[tuple[int, int, list[Mention]]]:
        groups = Groups.of(an.anchors).spans
        pronoun = any(t.lemma in PRONOUNS for t in an.question)
        context = Groups.of(an.context_mentions).spans
        if len(context) > 1:  # "that" stands for the condition rather than the body part it is in
            conditions = [g for g in context if not any(self.fits(m.iri, KGO + "BodyPart") for m in g[2])]
            context = conditions or context
        if context and (pronoun or not groups):
            # "is that an age thing?": the context's entities stand for "that"; the latest first
            groups = groups + [g for g in reversed(context) if not any(g[2][0].iri == m.iri for _, _, ms in groups for m in ms)]
        # class words are not anchors when they are the answer's class ("which vitamins ...")
        return [g for g in groups if not self._is_answer_class(an, g)]

    def _is_answer_class(self, an: Analysis, group) -> bool:
        """"which *vitamins* …": a class word right after the question word is the answer's class, not an entity."""
        start, end, ms = group
        if not any(c.start == start and c.end == end for c in an.class_cues):
            return False
        return _asked_after(an, start)

    def _answer_classes(self, an: Analysis) -> tuple[str, ...]:
        """Classes the answer must belong to: a class word right after "which/what" (or "what kind of")."""
        out: list[str] = []
        for c in an.class_cues:
            if _asked_after(an, c.start) or c.entry.name == "group-class":
                out.extend(c.entry.references)
        if an.wh == "who":
            out.append(KGO + "PopulationGroup")
        return tuple(dict.fromkeys(out))

    def _causal(self, cues: list[Cue]) -> bool:
        causal = {KGO + "causes", KGO + "causedBy", KGO + "exacerbates", KGO + "riskFactorFor", RELATED,
                  KGO + "hasRiskFactor"}
        return any(set(c.entry.references) & causal for c in cues)

    # roles of an anchor for a cue's frame
    def _role(self, an: Analysis, cue: Cue, prop: str, m: Mention, flipped: bool) -> tuple[str, float]:
        """("subject" or "object") the anchor plays in ``prop`` by the frame and word order, and how sure."""
        entry = cue.entry
        before = m.end <= cue.start
        tokens = an.tokens
        if entry.pos == "noun":
            named = entry.names or "subject"
            other = "object" if named == "subject" else "subject"
            if not before:
                role = other
                sure = 2.0
            else:
                between = [t.lemma for t in tokens[m.end:cue.start]]
                after = [t for t in tokens[cue.end:] if not t.is_punct]
                stranded = bool(after) and after[0].lemma in PREPOSITIONS and len(after) == 1
                if "be" in between or any(w in ("a", "an") for w in between) or stranded or (not after and an.yes_no):
                    role, sure = named, 1.5
                else:
                    role, sure = other, 1.0  # compound: "knee twitching causes"
        else:
            passive = self._passive(an, cue)
            role = "subject" if before else "object"
            if passive:
                role = "object" if role == "subject" else "subject"
            sure = 2.0 if (an.wh and not before) or (before and not an.wh) else 1.5
        if flipped:
            role = "object" if role == "subject" else "subject"
        return role, sure

    def _passive(self, an: Analysis, cue: Cue) -> bool:
        tokens = an.tokens
        after = tokens[cue.end] if cue.end < len(tokens) else None
        head = tokens[cue.positions[0]]
        participle = head.surface != head.lemma and head.surface.endswith(("ed", "en", "t"))
        if after is not None and after.lemma == "by" and participle:
            return True
        if participle and cue.form[-1] not in PREPOSITIONS:
            be_before = any(t.lemma in ("be", "get") for t in tokens[max(0, cue.start - 6):cue.start])
            anchors_after = [m for m in an.anchors if m.start >= cue.end]
            return be_before and not anchors_after
        return False

    def _lists(self, an: Analysis, anchors, rel_cues: list[Cue], cls: tuple[str, ...], ranking: bool) -> list[Reading]:
        out: list[Reading] = []
        kind = "count" if an.intent_cues("count") and not an.intent_cues("dose") else "list"
        cues = list(rel_cues)
        implicit = False
        if not cues:
            cues = self._default_cues(an)
            implicit = True
        if not cues:
            return out
        # intersections: two relation cues, each with its own anchor ("a cause of X and a treatment for Y")
        pairs = self._pairs(an, cues, anchors)
        if len(pairs) >= 2 and len({p[1][0] for p in pairs}) >= 2 and len({p[0].positions for p in pairs}) >= 2:
            edges, anchor_iris, score = [], [], 7.0
            for cue, (start, ms), prop, flipped in pairs[:3]:
                m = ms[0]
                role, sure = self._role(an, cue, prop, m, flipped)
                edges.append(Edge(m.iri, prop, "?x") if role == "subject" else Edge("?x", prop, m.iri))
                anchor_iris.append(m.iri)
                score += sure
            out.append(Reading(kind, edges, cls, tuple(anchor_iris), score, ["two constraints on the answer"]))
        # chains: "treatments for the causes of X": noun cue, noun cue, anchor
        nouns = [c for c in cues if c.entry.pos == "noun" and c.entry.kind == "relation"]
        if len(nouns) >= 2 and anchors:
            first, second = nouns[0], nouns[1]
            m = anchors[-1][2][0]
            if first.end <= second.start and second.end <= m.start:
                p1, f1 = self.schema.canonical(first.entry.references[0])
                p2, f2 = self.schema.canonical(second.entry.references[0])
                named1 = _flip(first.entry.names or "subject", f1)
                named2 = _flip(second.entry.names or "subject", f2)
                e1 = Edge("?x", p1, "?y") if named1 == "subject" else Edge("?y", p1, "?x")
                e2 = Edge("?y", p2, m.iri) if named2 == "subject" else Edge(m.iri, p2, "?y")
                out.append(Reading(kind, [e1, e2], cls, (m.iri,), 9.0, ["second hop: " + first.entry.name + " of " + second.entry.name]))
        for cue in cues:
            for ref in cue.entry.references:
                prop, flipped = self.schema.canonical(ref)
                if prop not in self.schema.relations or not self.schema.relations[prop].realised:
                    continue
                if prop == KGO + "hasCure":
                    continue
                if anchors:
                    for _, _, ms in anchors[:3]:
                        for m in ms:
                            role, sure = self._role(an, cue, prop, m, flipped)
                            reading = self._list_reading(kind, prop, m.iri, role, sure, cls, cue, implicit, False)
                            out.append(reading)
                            bridge = self._bridge(reading, prop, m.iri, role)
                            if bridge is not None:
                                out.append(bridge)
                            out.append(self._list_reading(kind, prop, m.iri, _other(role), -1.0, cls, cue, implicit, False))
                elif self._topic_ok(an):
                    role, sure = self._topic_role(cue, prop, flipped)
                    reading = self._list_reading(kind, prop, "?topic", role, sure, cls, cue, implicit, True)
                    reading.anchors = self.topic
                    out.append(reading)
        return out

    def _bridge(self, reading: Reading, prop: str, iri: str, role: str) -> Reading | None:
        """An anchor of the wrong kind for the relation is reached through one more link.

        "which vitamins am I low on if my knee twitches": a deficiency is *of* a nutrient, and the
        knee is linked to the deficiency, not to the vitamin: ?y deficiencyOf ?x . ?y (any relation) knee.
        """
        rel = self.schema.relations[prop]
        if self.fits(iri, rel.domain if role == "subject" else rel.range) is not False:
            return None
        edge = Edge("?y", prop, "?x") if role == "subject" else Edge("?x", prop, "?y")
        score = reading.score + 3.0  # the wrong-kind penalty does not apply; one more hop costs a little
        return Reading(reading.kind, [edge, Edge("?y", RELATED, iri)], reading.classes, (iri,), score,
                       reading.why + ["through one more link (the anchor is not of the relation's kind)"])

    def _topic_ok(self, an: Analysis) -> bool:
        """A question that names nothing is about the topic unless a word in it names something unknown."""
        return bool(self.topic) and not an.unknown

    def _topic_role(self, cue: Cue, prop: str, flipped: bool) -> tuple[str, float]:
        """The topic is the condition: the object of causes, treats, prevents...; the subject of hasSymptom."""
        rel = self.schema.relations[prop]
        condition = KGO + "MedicalCondition"
        if rel.domain and condition in self.schema.super_classes(rel.domain) and not (
                rel.range and condition in self.schema.super_classes(rel.range)):
            return "subject", 1.0
        return "object", 1.0

    def _list_reading(self, kind, prop, iri, role, sure, cls, cue, implicit, is_topic) -> Reading:
        edge = Edge(iri, prop, "?x") if role == "subject" else Edge("?x", prop, iri)
        score = 3.0 + sure + (0.3 * cue.length) - (1.0 if implicit else 0.0)
        why = [f"{cue.entry.name}: anchor is the {role} ({sure:+.1f})"]
        rel = self.schema.relations[prop]
        if not is_topic:
            if self.plays(iri, prop, as_subject=(role == "subject")):
                score += 3.0
                why.append("the graph has such facts (+3)")
            else:
                score -= 1.0
                why.append("no such fact in the graph (-1)")
            fit = self.fits(iri, rel.domain if role == "subject" else rel.range)
            if fit is False:
                score -= 2.0
                why.append("anchor's class does not fit (-2)")
        if cls:
            answer_side = rel.range if role == "subject" else rel.domain
            if answer_side:
                compatible = any(c in self.schema.super_classes(answer_side) or answer_side in self.schema.super_classes(c)
                                 for c in cls)
                score += 0.5 if compatible else -0.5
        return Reading(kind, [edge], cls, (iri,), score, why, topic=is_topic)

    def _default_cues(self, an: Analysis) -> list[Cue]:
        """A question without a relation word: "why" asks for causes, "who" for groups at risk, "where" for body parts."""
        by_wh = {"why": "cause-noun", "who": "prone-adjective", "where": "affect-verb"}
        name = by_wh.get(an.wh or "")
        if name is None and an.class_cues and an.anchors:
            name = "link-noun"  # "which vitamins ... knee twitching": any link
        if name is None:
            return []
        entry = next((e for e in self.lex.entries.values() if e.name == name), None)
        if entry is None:
            return []
        at = next((t.i for t in an.question if t.lemma == an.wh), an.question[0].i if an.question else 0)
        if entry.pos == "noun":  # "why ... X": X is what is caused
            return [Cue(at, at + 1, entry, ("why",), (at,))]
        return [Cue(at, at + 1, entry, (an.wh or "",), (at,))]

    def _pairs(self, an: Analysis, cues: list[Cue], anchors) -> list:
        """Each relation cue with the anchor it governs: the next one after it, else the nearest before."""
        out = []
        used: set[int] = set()
        paired: set[tuple] = set()
        for cue in cues:
            if cue.positions in paired:
                continue
            after = [g for g in anchors if g[0] >= cue.end and g[0] not in used]
            if after:
                g = after[0]
            else:
                before = [g for g in anchors if g[1] <= cue.start and g[0] not in used]
                if not before:
                    continue
                g = before[-1]
            used.add(g[0])
            paired.add(cue.positions)
            prop, flipped = self.schema.canonical(cue.entry.references[0])
            if prop in self.schema.relations and self.schema.relations[prop].realised:
                out.append((cue, (g[0], g[2]), prop, flipped))
        return out

    def _sides(self, an: Analysis, anchors) -> list[list[Mention]]:
        """The two things a yes/no question relates: "tylenol or advil" is one side, "pain" the other."""
        merged: list[tuple[int, int, list[Mention]]] = []
        for start, end, ms in anchors:
            if merged and merged[-1][1] <= start and all(
                    t.lemma in COORDINATION for t in an.tokens[merged[-1][1]:start]):
                prev = merged[-1]
                merged[-1] = (prev[0], end, prev[2] + [m for m in ms if m.iri not in {p.iri for p in prev[2]}])
            elif merged and {m.iri for m in ms} <= {m.iri for m in merged[-1][2]}:
                continue
            else:
                merged.append((start, end, list(ms)))
        if len(merged) >= 2:
            return [g[2] for g in merged]
        if len(merged) == 1 and len(merged[0][2]) >= 2:  # "is A or B ...": the two members
            return [[m] for m in merged[0][2]]
        return [g[2] for g in anchors]

    def _boolean(self, an: Analysis, anchors, rel_cues: list[Cue]) -> list[Reading]:
        """Yes/no between two entities: along the relation the question names, or any relation."""
        sides = self._sides(an, anchors)
        if len(sides) < 2:
            return []
        out = []
        for n, second in enumerate(sides[1:3]):
            out += self._boolean_pair(an, sides[0], second, rel_cues, penalty=1.0 * n)
        return out

    def _boolean_pair(self, an: Analysis, first, second, rel_cues: list[Cue], penalty: float) -> list[Reading]:
        out = []
        props: list[tuple[str, bool, Cue | None]] = []
        for cue in rel_cues:
            for ref in cue.entry.references:
                prop, flipped = self.schema.canonical(ref)
                props.append((prop, flipped, cue))
        if not props:
            props = [(RELATED, False, None)]
        for a in first:
            for b in second:
                if a.iri == b.iri:
                    continue
                for prop, flipped, cue in props:
                    if cue is not None and prop in self.schema.relations and self.schema.relations[prop].realised:
                        role, sure = self._role(an, cue, prop, a, flipped)
                    else:
                        role, sure = "subject", 1.0
                    s, o = (a.iri, b.iri) if role == "subject" else (b.iri, a.iri)
                    other_base = 7.0 if cue is not None and cue.entry.pos == "noun" else 4.5  # word order says less
                    for (x, y), base in (((s, o), 7.0), ((o, s), other_base)):
                        if prop == RELATED and base < 7.0:
                            continue
                        score = base + sure - penalty
                        rel = self.schema.relations.get(prop)
                        if rel is not None and (self.fits(x, rel.domain) is False or self.fits(y, rel.range) is False):
                            score -= 3.0
                        out.append(Reading("boolean", [Edge(x, prop, y)], (), (a.iri, b.iri), score,
                                           [f"yes/no: {local(prop)}"]))
        return out

    def _boolean_topic(self, an: Analysis, anchors, rel_cues: list[Cue]) -> list[Reading]:
        """"Can caffeine cause spasms?" names two; "does stretching help?" names one: the other is the topic."""
        if not self._topic_ok(an):
            return []
        out = []
        for cue in rel_cues:
            for ref in cue.entry.references:
                prop, flipped = self.schema.canonical(ref)
                if prop not in self.schema.relations or not self.schema.relations[prop].realised:
                    continue
                for m in anchors[0][2]:
                    if m.iri in self.topic:
                        continue
                    role, sure = self._role(an, cue, prop, m, flipped)
                    edges = [Edge(m.iri, prop, "?topic") if role == "subject" else Edge("?topic", prop, m.iri)]
                    out.append(Reading("boolean", edges, (), (m.iri,) + self.topic, 6.5 + sure, ["yes/no about the topic"],
                                       topic=True))
        return out

    def _compare(self, an: Analysis, anchors, rel_cues: list[Cue], cls) -> list[Reading]:
        items = tuple(g[2][0].iri for g in anchors[:2])
        prop = None
        for cue in rel_cues:
            prop, _ = self.schema.canonical(cue.entry.references[0])
            break
        edges = [Edge(items[0], prop, "?topic"), Edge(items[1], prop, "?topic")] if prop else []
        rest = tuple(g[2][0].iri for g in anchors[2:3]) or self.topic
        return [Reading("compare", edges, cls, items + rest, 8.5, ["A or B: which does the article rank"])]


def _asked_after(an: Analysis, start: int) -> bool:
    """Whether position ``start`` follows a question word ("which", "what kind of", "how many")."""
    k = start - 1
    while k >= 0 and an.tokens[k].lemma in ("a", "an", "the", "kind", "type", "sort", "of", "other", "specific"):
        k -= 1
    return k >= 0 and an.tokens[k].lemma in ("what", "which", "any", "many", "list")


def _other(role: str) -> str:
    return "object" if role == "subject" else "subject"


def _flip(role: str, flipped: bool) -> str:
    return _other(role) if flipped else role


def _bare_what(an: Analysis) -> bool:
    """"What is X?" / "what are X": nothing but X after "what is"."""
    rest = [t for t in an.question if t.lemma not in STOPWORDS and t.lemma not in WH_WORDS
            and not any(t.i in m.span for m in an.mentions)
            and not any(t.i in c.positions and c.entry.intent in ("filler", "definition") for c in an.cues)]
    return not rest and any(t.lemma == "be" for t in an.question[:3])


def _topic_mention(iri: str, index: LabelIndex) -> Mention:
    return Mention(-1, -1, "", iri, index.labels.get(iri, local(iri)), "", "topic")


def reader(store, index: LabelIndex, lex: Lexicon, schema: Schema) -> Reader:
    return per_store(store, "qa.reader", lambda: Reader(store, index, lex, schema))


__all__ = ["Analysis", "Reading", "Edge", "Reader", "analyse", "reader", "Entry"]
