"""Build and rank the readings of an analysed question: small query graphs over the ontology.

Candidate readings are generated from the lexicon's frames — every relation word, in the direction its frame and
the words' order say, and the other direction too — and ranked by how well they fit: the frame's evidence, the roles
the linked entity actually plays in the graph (is dehydration caused by something, or does it cause things?), the
relation's domain and range against the entity's classes, and the class asked for. Nothing the reader typed reaches
a query: readings hold IRIs. Yes/no and comparison readings are built in kg.qa.yesno.
"""

from __future__ import annotations

from kg.qa import any_of, chains, intents, sets, shapes, yesno
from kg.qa.analysis import Analysis, Groups, asked_after, bare_what, is_passive, named_mechanism
from kg.qa.facts import around
from kg.qa.lexicon import Cue, Lexicon, Schema, internal_query, lexicon, local, schema
from kg.qa.linking import LabelIndex, Mention, label_index
from kg.qa.querygraph import KGO, RELATED, Edge, Reading
from kg.qa.text import AUXILIARIES, PREPOSITIONS, PRONOUNS, modifiers
from kg.store.memo import per_store


class Reader:
    """Builds and ranks the readings of analysed questions for one store."""

    def __init__(self, store, index: LabelIndex, lex: Lexicon, schema: Schema):
        self.store, self.index, self.lex, self.schema = store, index, lex, schema
        self.topic = tuple(row["entity"].value for row in store.query(internal_query("qa-topic")))
        self.around = around(store)

    def roles(self, iri: str) -> dict[str, int]:
        """The relations an entity is the subject of (with the inferred inverses: also those it is the object of)."""
        return self.around.roles(iri)

    def plays(self, iri: str, prop: str, as_subject: bool) -> bool:
        """Whether the graph holds ``iri prop ?`` (as subject) or ``? prop iri`` (as object), sub-properties included."""
        roles = self.roles(iri)
        if as_subject:
            return any(p in roles for p in self.schema.sub_properties(prop))
        inverse = self.schema.relations.get(prop).inverse if prop in self.schema.relations else None
        return bool(inverse) and any(p in roles for p in self.schema.sub_properties(inverse))

    def wholes(self, iri: str) -> list[str]:
        """What the entity is an example of ("yoga" → stress reduction techniques)."""
        return [st.object for st in self.around.statements(iri)
                if st.subject == iri and st.predicate == KGO + "exampleOf" and not st.negated]

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
            if c.entry.name in ("example-noun", "form-noun") and nxt and nxt[0].lemma == "of" and any(  # "kinds of
                    c.end < k.start <= c.end + 3 and modifiers(an.tokens[c.end + 1:k.start])  # (medical) problems"
                    for k in an.class_cues + [o for o in cues if o.entry.pos == "noun"]):
                continue  # "kinds of treatment": the treatments are asked for, not examples
            if c.entry.name in ("example-noun", "form-noun") and any(k.end == c.start for k in an.class_cues):
                continue  # "which *drug type*": the class asked for, not examples
            if c.form[-1:] == ("help",) and (c.end in starts or c.end + 1 in starts):  # "does rest help prevent"
                continue
            if c.form[:2] == ("what", "be") and (any(m.start >= c.end for m in an.anchors) or shapes.noun_inside(c, cues)):
                continue  # "what are the reasons for X", "what's the usual reason for that": not "what is X for"
            if shapes.not_a_relation(an, c, cues):
                continue
            out.append(c)
        return out

    def readings(self, an: Analysis) -> list[Reading]:
        out: list[Reading] = []
        anchors = self._anchor_groups(an)
        ranking = "-".join(max((c.form for c in an.intent_cues("ranking")), key=len, default=()))  # "most-common"
        rel_cues = self._relation_cues(an)
        cls = self.answer_classes(an)
        definition = [c for c in an.intent_cues("definition") if not (c.form == ("what", "be") and rel_cues)]
        if definition or (an.wh == "what" and not rel_cues and anchors and bare_what(an)):
            for ms, score in intents.defined(an, anchors, definition):  # "a definition *of a spasm*": that one
                out.extend(Reading("definition", anchors=(m.iri,), score=score, why=["what is X"]) for m in ms)
        if "duration" in an.intents:
            for _, _, ms in (anchors or [(0, 0, [])])[:1]:
                for iri in [m.iri for m in ms] or list(self.topic):
                    out.append(Reading("duration", anchors=(iri,), score=intents.how_long(an, ms, rel_cues),
                                       why=["how long"], topic=not ms))
        # cure questions: "is there a cure for X", "can X be cured"
        cure = [c for c in rel_cues if KGO + "hasCure" in c.entry.references]
        if cure and anchors:
            for m in intents.cured(anchors, cure)[2]:
                out.append(Reading("cure", anchors=(m.iri,), score=9.0, why=["cure"]))
            rel_cues = [c for c in rel_cues if c not in cure]
        count, telegraphic = bool(an.intent_cues("count")), yesno.telegraphic_asks(self, an, anchors, rel_cues)
        if len(anchors) >= 2 and not yesno.compared(an, anchors) and (an.yes_no or not an.wh and not cls):  # "list all drugs …": a class asked
            booleans = yesno.booleans(self, an, anchors, rel_cues)
            if not an.yes_no:  # telegraphic: "steroid pills and knee twitching.. connected??"
                nouns = any(c.entry.pos == "noun" for c in rel_cues) or an.intent_cues("count")
                for r in booleans:  # "ALS knee twitching early sign?", "overtraining cause spasms": asked
                    r.score -= (1.0 if telegraphic else 4.0) if nouns else 1.5
            out.extend(booleans)
        elif yesno.compared(an, anchors) and anchors and (an.wh or an.yes_no or ranking or yesno.weighs(an, anchors)):
            everything = anchors + [g for g in Groups.of(an.context_mentions).spans if g not in anchors]
            out.extend(yesno.compare(self, an, sorted(everything, key=lambda g: g[0]), rel_cues, cls))
        why = an.wh == "why" and len(anchors) >= 2  # "why do pregnant women get cramps more": a reason, not a list
        if (why or (an.wh in ("how", "why") or named_mechanism(an)) and (self._causal(rel_cues) or not rel_cues)) \
                and not an.intents & {"count", "duration"} and not any(c.form[0] == "how" for c in definition):

            out.extend(shapes.mechanisms(self, an, anchors, rel_cues))
        out.extend(shapes.kinds(self, an, anchors, rel_cues))
        out.extend(shapes.class_objects(self, an, anchors, rel_cues))
        out.extend(self._lists(an, anchors, rel_cues, cls, ranking))
        out.extend(sets.coordinated(self, an, anchors, rel_cues) + sets.difference(self, an, anchors, rel_cues)
                   + sets.described(self, an, anchors, rel_cues))  # "treatments for X that cause Y": asked of X
        own = [g for g in anchors if any(an.in_question(m) for m in g[2])]  # the story's things stand in for "that" —
        words = [t for t in an.question if not t.is_punct]  # no "it", "is that" refers back ("signs that need": relative)
        back = any(t.lemma in PRONOUNS and (t.lemma != "that" or k <= 1 or k == len(words) - 1) for k, t in enumerate(words))
        told = len(own) == 1 < len(anchors) and not back and all(  # a sign asked of: a sign of the topic too
            self.fits(m.iri, KGO + "SignOrSymptom") for m in own[0][2])
        if an.yes_no and rel_cues and (len(anchors) == 1 or told):  # or the topic does
            out.extend(yesno.topic_booleans(self, an, anchors if len(anchors) == 1 else own, rel_cues))
        if not out and anchors and not rel_cues:
            out.extend(Reading("claim", anchors=(m.iri,), score=2.0, why=["a product"])
                       for m in anchors[0][2] if self.fits(m.iri, KGO + "Product"))
        out.extend(intents.readings(self, an, anchors, rel_cues))
        # "Claim: home remedies work for *everyone*. Does the article agree?": the story's claim is what is asked
        told = [c for c in an.cues if c.entry.intent == "universal" and c.start not in an.q_positions
                and not an.anchors and an.intent_cues("claim-check")]
        for r in out:
            r.ranking = ranking
            r.universal = yesno.universal_words(an, told)  # not an "or … always" offered after the asked one
            if an.intent_cues("difference") and r.kind in ("list", "count") and len(r.edges) >= 2:
                r.score -= 3.0  # "the difference between how they treat A and B": not what both share
            if an.yes_no and r.kind in ("list", "count"):
                r.score -= 3.0  # a yes/no question wants yes or no
                r.why.append("yes/no question (-3)")
            elif an.wh == "why" and r.kind == "list" and r.anchors and all(e.subject == r.anchors[0] for e in r.edges):
                r.score -= 1.0  # "why are pregnant women more prone": a reason, not what they get
                r.why.append("a why asks a reason, not what the thing leads to (-1)")
            elif (not an.wh and not an.yes_no and len(anchors) >= 2 and r.kind in ("list", "count") and not count
                  and (len(r.edges) == 1 and not any(c.entry.pos == "noun" for c in rel_cues) or telegraphic)):
                r.score -= 2.0  # telegraphic, two things named: how they are linked
                r.why.append("two things named, no question word (-2)")
        # unknown content words weigh against every reading that does not account for them
        unique: dict[tuple, Reading] = {}
        for r in sorted(out, key=lambda r: -r.score):
            unique.setdefault(r.key(), r)
        return sorted(unique.values(), key=lambda r: -r.score)

    def _anchor_groups(self, an: Analysis) -> list[tuple[int, int, list[Mention]]]:
        groups = Groups.of(an.anchors).spans
        starts = {m.start for m in an.anchors}  # "do *these* home treatments …": a determiner, not a pronoun
        pronoun = any(t.lemma in PRONOUNS and t.i + 1 not in starts for t in an.question)
        context = Groups.of(an.context_mentions).spans
        if len(context) > 1:  # "that" stands for the condition rather than the body part it is in
            conditions = [g for g in context if not any(self.fits(m.iri, KGO + "BodyPart") for m in g[2])]
            context = conditions or context
        named = [g for g in groups if not self._is_answer_class(an, g)]  # "…, which muscles": a class asked, nothing named
        kinds = {m.iri for g in named for m in g[2]}  # "reading about stretching and heat packs. do *these home
        context = [g for g in context if not all(set(self.wholes(m.iri)) & kinds for m in g[2])]  # remedies* …": them
        if context and (pronoun or not named or (an.yes_no and len(groups) == 1 and not an.intent_cues("universal"))):
            # "is that an age thing?": the context's entities stand for "that"; a condition first, then the latest
            groups = groups + intents.conditions_first(self, reversed(context), groups, an)
        groups = intents.held_first(self, an, groups, context)
        # class words are not anchors when they are the answer's class ("which vitamins ...")
        return [g for g in groups if not self._is_answer_class(an, g)]

    def _is_answer_class(self, an: Analysis, group) -> bool:
        """"which *vitamins* …": a class word right after the question word is the answer's class, not an entity."""
        start, end, ms = group
        if not any(c.start == start and c.end == end for c in an.class_cues):
            return False
        if any(c.start >= end for c in an.intent_cues("definition")):  # "(describe) what muscles are made of": defined
            return False
        return asked_after(an, start)

    def answer_classes(self, an: Analysis) -> tuple[str, ...]:
        """Classes the answer must belong to: a class word right after "which/what" (or "what kind of")."""
        out: list[str] = []
        first = next((t.i for t in an.question if not t.is_punct and t.lemma not in ("the", "a", "an")), None)
        nouns = {c.start for c in an.relation_cues if c.entry.pos == "noun"}
        for c in an.class_cues:  # "excercises to stop knee spasms", "the medication risk factor that …, what is it"
            telegraphic = not an.yes_no and c.start == first and (an.wh is None or c.end in nouns)
            if asked_after(an, c.start) or telegraphic or any_of.asked(an, c):  # "can *a mineral deficiency* …"
                out.extend(c.entry.references)
        if an.wh == "who":
            out.append(KGO + "PopulationGroup")
        return tuple(dict.fromkeys(out))

    def _causal(self, cues: list[Cue]) -> bool:
        causal = {KGO + "causes", KGO + "causedBy", KGO + "exacerbates", KGO + "riskFactorFor", RELATED,
                  KGO + "hasRiskFactor", KGO + "atIncreasedRiskOf"}
        return any(set(c.entry.references) & causal for c in cues)

    # roles of an anchor for a cue's frame
    def role(self, an: Analysis, cue: Cue, prop: str, m: Mention, flipped: bool) -> tuple[str, float]:
        """("subject" or "object") the anchor plays in ``prop`` by the frame and word order, and how sure."""
        entry = cue.entry
        before = shapes.stands_before(an, m, cue)
        tokens = an.tokens
        if cue.start < m.start and m.end <= cue.end:  # inside the frame's gap: "what is *X* for", "make *X* worse"
            # "what is X for", "give X for", "does X help": X is the frame's subject; "make X better": its object
            role = "subject" if (cue.form[0] in ("what", "which", "who", "how", "do", "be") or cue.form[-1] == "for") \
                else "object"
            return (_other(role) if flipped else role), 3.0
        if entry.pos == "noun":
            named = entry.names or "subject"
            other = "object" if named == "subject" else "subject"
            if shapes.apposed(an, cue, m):  # "the example 'X'", "the treatment stretching": X is what the noun names
                role, sure = named, 2.5
            elif not before or not an.in_question(m) or shapes.member_asked(an, m, prop):  # after it, or told: "the cause" is of it
                role, sure = other, (2.0 if not before else 1.0)
            else:
                between = [t.lemma for t in tokens[m.end:cue.start]]
                after = [t for t in tokens[cue.end:] if not t.is_punct]
                stranded = bool(after) and after[0].lemma in PREPOSITIONS and len(after) == 1
                if "be" in between or any(w in ("a", "an", "one", "among") for w in between) or stranded or (not after and an.yes_no) or "as" in between[-2:] and len(between) <= 2:  # "statins (listed) *as* risk factor"
                    role, sure = named, 1.5
                else:
                    role, sure = other, 1.0  # compound: "knee twitching causes"
        else:
            passive = is_passive(an, cue)
            role = "subject" if before or shapes.pronoun_for(an, cue, m) else "object"
            if passive:
                role = "object" if role == "subject" else "subject"
            sure = 2.0 if (an.wh and not before) or (before and not an.wh) else 1.5
            if before and an.wh and _asked_of(an, m):  # "what does X drain", "what would X be for": X is the subject
                sure = 2.5
        if flipped:
            role = "object" if role == "subject" else "subject"
        return role, sure

    def _lists(self, an: Analysis, anchors, rel_cues: list[Cue], cls: tuple[str, ...], ranking: str) -> list[Reading]:
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
        pairs = sets.pairs(self, an, cues, anchors)
        # one relation said twice ("what treatment can help") is no intersection, unless its things are coordinated
        one_relation = len({p[2] for p in pairs}) == 1 and not any(t.lemma in ("both", "and") for t in an.question)
        if sets.intersected(pairs) and not one_relation:
            edges, anchor_iris, score = [], [], 7.0
            for cue, (start, ms), prop, flipped, again in pairs[:3]:
                m = ms[0]
                role, sure = sets.again_role(cue, flipped) if again else self.role(an, cue, prop, m, flipped)
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
        elif len(nouns) >= 2 and ranking and self.topic_ok(an):  # "the common culprits - the treatment for each"
            out.extend(chains.topic_chain(self.schema, an, nouns, kind, cls, self.topic))
        if len(nouns) < 2:  # "treatments that target the causes of X" is the nouns' chain
            out.extend(self._verb_chain(an, cues, anchors, kind, cls))
            out.extend(chains.noun_verb_chain(self.schema, an, cues, anchors, kind, cls) if ranking else [])
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
                            role, sure = self.role(an, cue, prop, m, flipped)
                            reading = self._list_reading(kind, prop, m.iri, role, sure, cls, cue, implicit, False)
                            out.append(reading)
                            bridge = self._bridge(reading, prop, m.iri, role)
                            if bridge is not None:
                                out.append(bridge)
                                out.extend(self._nearly(kind, prop, m.iri, role, sure, cls, cue, implicit, reading))
                            out.append(self._list_reading(kind, prop, m.iri, _other(role), -1.0, cls, cue, implicit, False))
                elif self.topic_ok(an):
                    role, sure = self._topic_role(cue, prop, flipped)
                    reading = self._list_reading(kind, prop, "?topic", role, sure, cls, cue, implicit, True)
                    reading.anchors = self.topic
                    out.append(reading)
        return out

    def _verb_chain(self, an: Analysis, cues: list[Cue], anchors, kind: str, cls) -> list[Reading]:
        """"How are *the causes of X* diagnosed", "what treats the causes of X": a verb whose object is a noun
        phrase "N of X" asks a second hop — ``?x verb ?y . ?y (N) X``."""
        out = []
        for noun in [c for c in cues if c.entry.pos == "noun" and c.entry.kind == "relation"]:
            after = an.tokens[noun.end:noun.end + 1]
            held = [g for g in anchors if g[0] in (noun.end + 1, noun.end + 2)]
            if not after or after[0].lemma != "of" or not held:
                continue
            for verb in [c for c in cues if c.entry.pos != "noun" and c.entry.kind == "relation"
                         and not set(c.positions) & set(noun.positions)]:
                p1, f1 = self.schema.canonical(verb.entry.references[0])
                p2, f2 = self.schema.canonical(noun.entry.references[0])
                if p1 not in self.schema.relations or p2 not in self.schema.relations:
                    continue
                m = held[0][2][0]
                e1 = Edge("?y", p1, "?x") if f1 else Edge("?x", p1, "?y")  # the phrase is the verb's object
                named = _flip(noun.entry.names or "subject", f2)
                e2 = Edge("?y", p2, m.iri) if named == "subject" else Edge(m.iri, p2, "?y")
                out.append(Reading(kind, [e1, e2], cls, (m.iri,), 9.5,
                                   [f"second hop: {verb.entry.name} the {noun.entry.name} of X"]))
        return out

    def _nearly(self, kind, prop, iri, role, sure, cls, cue, implicit, reading: Reading) -> list[Reading]:
        """An anchor of the wrong kind for the relation, but of the right kind for one a reader means nearly alike:
        "what are people with diabetes more at risk of" (a disease is a risk factor, not a group at risk)."""
        out = []
        for near in sorted(self.schema.relations[prop].near):
            other, flipped = self.schema.canonical(near)
            if other not in self.schema.relations or not self.schema.relations[other].realised:
                continue
            side = _flip(role, flipped)
            rel = self.schema.relations[other]
            if self.fits(iri, rel.domain if side == "subject" else rel.range) is not False and self.plays(iri, other, side == "subject"):
                r = self._list_reading(kind, other, iri, side, sure, cls, cue, implicit, False)
                r.score -= 0.5
                r.why.append(f"a relation nearly alike ({local(prop)} -> {local(other)})")
                out.append(r)
        return out

    def _bridge(self, reading: Reading, prop: str, iri: str, role: str) -> Reading | None:
        """An anchor of the wrong kind for the relation is reached through one more link.

        "which vitamins am I low on if my knee twitches": a deficiency is *of* a nutrient, and the
        knee is linked to the deficiency, not to the vitamin: ?y deficiencyOf ?x . ?y (any relation) knee.
        """
        rel = self.schema.relations[prop]
        if self.fits(iri, rel.domain if role == "subject" else rel.range) is not False:
            return None
        if reading.classes:  # "which vitamins am I low on": the answer sits on the side of the class asked for
            side = self.schema.side_of(prop, reading.classes)
            role = {"object": "subject", "subject": "object"}.get(side, role)
        edge = Edge("?y", prop, "?x") if role == "subject" else Edge("?x", prop, "?y")
        score = reading.score + 3.0  # the wrong-kind penalty does not apply; one more hop costs a little
        return Reading(reading.kind, [edge, Edge("?y", RELATED, iri)], reading.classes, (iri,), score,
                       reading.why + ["through one more link (the anchor is not of the relation's kind)"])

    def topic_ok(self, an: Analysis) -> bool:
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
            elif cue.entry.pos == "noun" and any(self.plays(iri, *_side(self.schema.canonical(n), role)) for n in rel.near):
                score += 1.0  # "example of heat exhaustion": none, but the relation the lexicon calls nearly alike has
                why.append("the graph has such facts along a relation nearly alike (+1)")
            elif role == "subject" and any(self.plays(w, prop, True) for w in self.wholes(iri)):
                score += 1.5  # "what is yoga good for": the article says it of stress reduction techniques, yoga's kind
                why.append("the graph has such facts for what it is an example of (+1.5)")
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
        if name is None and an.class_cues and an.anchors and not an.yes_no:  # a yes/no asks something: not "any link"
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


def _other(role: str) -> str:
    return "object" if role == "subject" else "subject"


def _flip(role: str, flipped: bool) -> str:
    return _other(role) if flipped else role


def _asked_of(an: Analysis, m: Mention) -> bool:
    """Whether a question word and then an auxiliary come right before the mention ("what *does* X …")."""
    words = [t.lemma for t in an.tokens[max(0, m.start - 4):m.start] if t.lemma not in ("a", "an", "the", "my", "your")]
    return len(words) >= 2 and words[-2] in ("what", "which", "how") and words[-1] in AUXILIARIES | {"be", "do", "have"} \
        or shapes.asked_indirectly(an, m)


def _side(canonical: tuple[str, bool], role: str) -> tuple[str, bool]:
    return canonical[0], _flip(role, canonical[1]) == "subject"


reader = per_store(lambda store: Reader(store, label_index(store), lexicon(store), schema(store)))
reader.__doc__ = """The reader of ``store`` (built once per store)."""


__all__ = ["Reader", "Groups", "reader"]
