"""Readings of two more shapes: how one thing leads to another, and a kind of thing read as its examples.

"How does dehydration lead to knee twitching", "why do pregnant women get cramps" ask for a
mechanism; "which stimulants …", "stress relief techniques — how many?" name a kind whose
examples are the answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.qa.analysis import Analysis, asked_after, named_mechanism
from kg.qa.lexicon import Cue
from kg.qa.querygraph import KGO, RELATED, Edge, Reading
from kg.qa.text import AUXILIARIES, DETERMINERS, PREPOSITIONS, PRONOUNS, REPORTING, SUBJECTS

if TYPE_CHECKING:
    from kg.qa.readings import Reader


def stands_before(an: Analysis, m, cue: Cue) -> bool:
    """Whether the thing stands before the relation word: where it is named, or, told in the story and asked of by a
    pronoun, where the pronoun stands ("… and my thighs spasm. what might be causing *it*": the spasm is the object)."""
    if not an.in_question(m):
        words = [t for t in an.question if not t.is_punct]  # "that" only last: not "what do you lose *that* can …"
        pronoun = next((t for t in words if t.lemma in PRONOUNS and (t.lemma != "that" or t is words[-1])), None)
        if pronoun is not None and not cue.start < pronoun.i < cue.end:  # not in a frame's gap ("what are *they* for")
            return pronoun.i < cue.start
    return m.end <= cue.start and not _of_it_after(an, m, cue)


def _of_it_after(an: Analysis, m, cue: Cue) -> bool:
    """"Dehydration is one cause — what example does the table give *of it*": a noun of a relation asked with "of" and
    a pronoun later in the question has the thing named before as that pronoun: it stands after the noun."""
    if cue.entry.pos != "noun" or not an.in_question(m):
        return False
    words = [t for t in an.question if t.i >= cue.end and not t.is_punct]
    return any(a.lemma == "of" and b.lemma in PRONOUNS and b.lemma not in ("he", "she") for a, b in zip(words, words[1:]))


def member_asked(an: Analysis, m, prop: str) -> bool:
    """"*What autoimmune disorder* is given as an example", "which stimulant is one example": the thing named right after
    the question word is the kind the answer belongs to — the example is *of* it, not it an example of something."""
    return prop == KGO + "exampleOf" and an.in_question(m) and asked_after(an, m.start)


QUOTES = frozenset("' \" “ ” ‘ ’ : -".split())


def apposed(an: Analysis, cue: Cue, m) -> bool:
    """"Illustrated by *the example 'Injury … nerve function'*", "*the treatment stretching* — what is it for": a relation
    noun in the singular after "the", with the thing right after it (quoted or not), names the thing itself — the
    thing is the example, not what the example is of."""
    tokens = an.tokens
    if cue.start == 0 or tokens[cue.start - 1].lemma not in ("the", "this") or m.start < cue.end:
        return False
    noun = tokens[cue.end - 1]
    return noun.surface.lower() == noun.lemma and all(t.surface in QUOTES for t in tokens[cue.end:m.start])


def asked_indirectly(an: Analysis, m) -> bool:
    """"Asking *what the blood test is for* when someone has spasms": a question word, the thing, then its verb — the
    indirect question's word order (a determiner after the question word); the thing is what is asked of, not the
    one in the "when" clause after."""
    k = m.start - 1
    while k >= 0 and an.tokens[k].lemma in ("a", "an", "the", "my", "your", "this", "that"):
        k -= 1
    after = an.tokens[m.end] if m.end < len(an.tokens) else None
    return 0 <= k < m.start - 1 and an.tokens[k].lemma in ("what", "which") and after is not None \
        and after.lemma in ("be", "do", "can")  # "what *painkillers* can you grab": those are the asked kind


KNOWING = frozenset("tell know distinguish recognise recognize spot differentiate".split())


def _how_to_tell(an: Analysis) -> bool:
    """"How do I *tell* it from tired legs", "how would I *know*": how to recognise a thing, not how two things link."""
    words = [t for t in an.question if not t.is_punct]
    return any(t.lemma == "how" and any(u.lemma in KNOWING for u in words[k + 1:k + 4]) for k, t in enumerate(words))


def mechanisms(reader: "Reader", an: Analysis, anchors, rel_cues: list[Cue]) -> list[Reading]:
    """"How does X lead to Y", "why do pregnant women get cramps": what the article says links them, and how.

    With one thing named, the other is the article's topic ("why does stress make it worse"). A "why" said last, after
    a story ("… in the blazing sun and my legs keep seizing up, why"), asks what causes it, not how two things link.
    """
    if an.question and an.question[-1].lemma == "why":
        return []
    iris = [g[2][0].iri for g in anchors]
    if _how_to_tell(an):  # "how do I tell a cramp from tired legs": what the first one is like, its symptoms
        symptom = KGO + "hasSymptom"
        return [Reading("list", [Edge(i, symptom, "?x")], anchors=(i,), score=9.5, why=["how to tell X (from Y)"])
                for i in iris[:1] if reader.plays(i, symptom, as_subject=True)]
    if len(iris) == 1 and reader.topic and iris[0] not in reader.topic:
        iris.append(reader.topic[0])
    if len(iris) < 2:
        return []
    # "how can stress make twitching worse": a causal word between two things named asks how; "why do X get Y":
    # no relation word, but a question of how they are linked
    score = (10.0 if len(anchors) >= 2 else 9.0) if rel_cues else 7.5
    if len(anchors) >= 2 and (named_mechanism(an) or an.tokens[anchors[0][0] - 1].lemma == "how"):
        score = 11.5  # "by what *mechanism* do X produce Y", "*how* X lead to Y": above "X that lead to Y" as a list
    return [Reading("mechanism", anchors=(iris[0], iris[1]), score=score - (1.0 if len(anchors) < 2 else 0.0),
                    why=["how/why does X lead to Y"])]

def kinds(reader: "Reader", an: Analysis, anchors, rel_cues: list[Cue]) -> list[Reading]:
    """An entity that stands for a kind, asked for by "which", "what" or "how many": its examples.

    "which stimulants …", "stress relief techniques for twitching — how many listed": the article's
    examples of the thing (``?x exampleOf E``), narrowed by a relation the question also asks.
    """
    out = []
    count = bool(an.intent_cues("count"))
    example = KGO + "exampleOf"
    for start, end, ms in anchors[:2]:
        headed = not asked_after(an, start) and _kind_headed(an, anchors, start)
        asked = asked_after(an, start) or headed
        narrowed = wh_after(an, end)  # "an underlying condition affecting *which* areas", "underlying problems with what"
        if not (asked or count or narrowed):
            continue
        for m in ms:
            if not reader.plays(m.iri, example, as_subject=False):
                continue
            kind = "count" if count else "list"
            score = (8.0 if not rel_cues else 6.5) + (1.5 if narrowed else 0.0)
            if headed and not rel_cues:
                score += 2.0  # "knee cramp home remedy": its members asked for, not how the two are linked
            out.append(Reading(kind, [Edge("?x", example, m.iri)], (), (m.iri,), score, ["the examples of a kind"]))
            for cue in rel_cues:  # "which stimulants can cause knee twitching": examples that also do this
                prop, flipped = reader.schema.canonical(cue.entry.references[0])
                others = [g for g in anchors if g[0] != start]
                if not others or prop not in reader.schema.relations or not reader.schema.relations[prop].realised:
                    continue
                other = others[0][2][0]
                role, sure = reader.role(an, cue, prop, other, flipped)
                edge = Edge(other.iri, prop, "?x") if role == "subject" else Edge("?x", prop, other.iri)
                out.append(Reading(kind, [Edge("?x", example, m.iri), edge], (), (m.iri, other.iri),
                                   score + (3.0 if asked and _other_than(an, start) else 1.5),  # the kind is asked
                                   ["the examples of a kind that " + cue.entry.name]))
    return out


def _kind_headed(an: Analysis, anchors, start: int) -> bool:
    """"dehydration minerals depleted", "knee cramp home remedy": no question word, no "?", and a kind named after
    another thing — the words are a heading for the kind's members, not a yes/no between the two."""
    return (not an.wh and not an.yes_no and not an.question_mark and len(anchors) >= 2 and start > anchors[0][0]
            and not an.intent_cues("count"))


def noun_inside(frame: Cue, cues: list[Cue]) -> bool:
    """Whether a relation's noun stands inside a frame's gap ("what's the usual *reason* for that"): the noun is the
    relation asked, not the frame ("what is X for")."""
    return any(o.entry.pos == "noun" and frame.start < o.start and o.end < frame.end for o in cues)


def _other_than(an: Analysis, start: int) -> bool:
    """"What *other* stimulant, apart from coffee": a kind whose other members are asked for — the kind is the answer's,
    not a word to drop for the relation's plain list."""
    return any(c.entry.intent == "exclusion" for c in an.cues) or start > 0 and an.tokens[start - 1].lemma == "other"


def wh_after(an: Analysis, end: int) -> bool:
    """Whether "what" or "which" follows a thing named, right after it or after one word ("problems *with what*",
    "a condition *affecting which* areas"): the question asks which kinds of that thing.

    A word between must not be a verb of the question's own ("does stress *cause what*" asks its effects).
    """
    tokens = an.tokens
    for k in (end, end + 1):
        if k < len(tokens) and tokens[k].lemma in ("what", "which"):
            between = tokens[end:k + 1]
            if any(t.dash or t.is_punct for t in between):
                return False  # "the condition where … cells *- what* treats that": the question starts again
            between = between[:-1]
            if any(c.start == k + 1 and c.entry.kind in ("relation", "class") for c in an.cues):
                return False  # "low on vitamins *what symptoms* would show up": the noun after it is what is asked
            return all(t.lemma in _LINKS or t.surface.endswith("ing") for t in between)
    return False


_LINKS = frozenset("with of in for about from".split())
_BETWEEN = frozenset("the a an my your his her their our its all any these those".split())


def class_objects(reader: "Reader", an: Analysis, anchors, rel_cues: list[Cue]) -> list[Reading]:
    """"What does dehydration do to *the minerals*", "what can stress do to your *muscles*": a class word where the
    relation's object stands, of a kind the relation cannot reach (causes reach conditions, not minerals): what the
    anchor is linked to, by any relation, among that class's members."""
    if an.yes_no or an.wh not in ("what", "how"):
        return []
    out = []
    for c in an.class_cues:
        if asked_after(an, c.start):
            continue  # "which minerals": the answer's class, read by the other readings
        for cue in rel_cues:
            gap = [t.lemma for t in an.tokens[cue.end:c.start]]
            if cue.end > c.start or any(w not in _BETWEEN for w in gap):
                continue
            prop, flipped = reader.schema.canonical(cue.entry.references[0])
            rel = reader.schema.relations.get(prop)
            reach = (rel.domain if flipped else rel.range) if rel else None
            if rel is None or (reach and any(k == reach or k in reader.schema.super_classes(reach)
                                             or reach in reader.schema.super_classes(k) for k in c.entry.references)):
                continue  # the relation reaches the class: its own readings say it
            named = [g[2][0].iri for g in anchors if (g[0], g[1]) == (c.start, c.end)]
            for start, end, ms in anchors:
                if end > cue.start or (start, end) == (c.start, c.end):
                    continue
                for m in ms:
                    linked = reader.around.with_other(m.iri)
                    members = [o for o in linked if any(reader.fits(o, k) for k in c.entry.references)]
                    if not members:
                        continue  # the article links it to nothing of that class: the other readings say so
                    family = reader.schema.sub_properties(prop)
                    if not reach and any(st.predicate in family and reader.fits(o, k) for o, sts in linked.items()
                                         for st in sts for k in c.entry.references):
                        continue  # no range, but the relation does reach the class in the graph
                    if named and named[0] != m.iri and set(members) <= set(named):  # "what does magnesium do for
                        # *muscles*": the class word names the one thing of its class linked: how the two are linked
                        out.append(Reading("mechanism", anchors=(m.iri, named[0]), score=9.5,
                                           why=["what X does for a thing a class word names: how they are linked"]))
                        continue
                    out.append(Reading("list", [Edge(m.iri, RELATED, "?x")], tuple(c.entry.references), (m.iri,), 9.5,
                                       [f"a class where {cue.entry.name}'s object stands, out of its reach: any link"]))
    return out


def not_a_relation(an, cue, cues) -> bool:
    """A cue that does not ask a relation: a bare "doctor" beside another relation word (who acts, not a warning
    sign), or a noun frame read off a verb's -ing form that a verb frame also reads ("what could be *causing* it":
    the verb, whose subject is asked — not "the causing of it")."""
    if cue.entry.name == "warning-noun" and len(cue.form) == 1 and any(o.entry.name != "warning-noun" for o in cues):
        return not _contacted(an, cue)
    if cue.entry.name == "warning-noun" and len(cue.form) == 1 and _for_whom(an, cue):
        return True
    if cue.entry.name in ("symptom-noun", "indicate-verb", "accompany-verb") and any(
            o.entry.name == "warning-noun" and o.start > cue.start and (len(o.form) > 1 or _contacted(an, o)) for o in cues):
        return True  # "what *signs mean* I should see a doctor": the warning signs, asked in the warning's own frame
    if _gives_a_description(an, cue) or _beside(an, cue, cues) or _told_role(an, cue, cues):
        return True
    if cue.entry.name == "purpose-verb" and any(o.start == cue.end and o is not cue for o in cues) \
            and any(m.end == cue.start for m in an.mentions):  # "how is *a heat pack meant to* help": the thing named
        return True  # right before, the verb after is asked of it; "meant to" only frames it ("they meant to": as before)
    token = an.tokens[cue.positions[0]]
    if _describes(an, cue, token, cues) or _reported(an, cue, cues) or conceded(an, cue, cues) or _as_role(an, cue, cues):
        return True
    twin = any(o.entry.pos == "verb" and o.positions == cue.positions for o in cues)
    return cue.entry.pos == "noun" and twin and (
        (len(cue.positions) == 1 and token.surface.endswith("ing") and token.lemma != token.surface)
        or _after_modal(an, cue))


def _beside(an, cue, cues) -> bool:
    """"What might a skin rash *alongside* the spasms mean", "swelling *accompanying* a cramp — what does it point to":
    a word of coming-with between two named things says they come together (as "with" does), and another relation
    word asks what they mean; it asks no relation of its own."""
    if cue.entry.name != "accompany-verb" or len(cue.positions) != 1 or not any(
            o.entry.kind == "relation" and o.entry.name != cue.entry.name for o in cues):
        return False
    after = [t for t in an.tokens[cue.end:cue.end + 3] if t.lemma not in ("the", "a", "an", "my", "his", "her", "these", "those")]
    return any(m.end == cue.start for m in an.mentions) and bool(after) and any(m.start == after[0].i for m in an.mentions)


DESCRIPTIONS = frozenset({"definition", "duration", "mechanism"})


def _gives_a_description(an, cue) -> bool:
    """A verb frame with a gap that holds a word asking a description ("the article *gives* two different *durations*
    *for* a spasm", "does it *give* a definition *for* ALS"): what is given is the description, not a treatment."""
    gap = set(range(cue.positions[0] + 1, cue.positions[-1])) - set(cue.positions)
    return bool(gap) and any(c.entry.intent in DESCRIPTIONS and set(c.positions) <= gap for c in an.cues)


def _contacted(an, cue) -> bool:
    """"What signs mean I ought to *ring the doctor*", "should I *phone my GP*": the doctor is what the reader's verb
    takes (after a determiner, and the verb after a subject, a modal or "to"), so the reader going to one is asked — not a
    doctor who acts ("how do doctors diagnose it", "what will the doctor check", "what should I tell the doctor").

    >>> from kg.qa.text import tokenize
    >>> an = type("An", (), {"tokens": tokenize("what signs mean i ought to ring the doctor"), "cues": []})()
    >>> _contacted(an, type("Cue", (), {"start": 8})())
    True
    >>> an.tokens = tokenize("what will the doctor check")
    >>> _contacted(an, type("Cue", (), {"start": 3})())
    False
    """
    k = cue.start - 1
    if k < 0 or an.tokens[k].lemma not in DETERMINERS:
        return False
    verb = k - 1
    if verb < 1:
        return False
    word, before = an.tokens[verb], an.tokens[verb - 1]
    covered = {i for c in an.cues for i in c.positions}
    return (word.lemma not in AUXILIARIES | REPORTING | PREPOSITIONS and word.surface.isalpha() and verb not in covered
            and (before.lemma in SUBJECTS or before.lemma == "to" or before.lemma in AUXILIARIES))


def _for_whom(an, cue) -> bool:
    """"What should I write down about my knee twitching *for the doctor*": a bare doctor after "for" + a determiner, in
    a question that names things of its own, is whom the asked thing is for — not the reader going to one.

    >>> from kg.qa.text import tokenize
    >>> an = type("An", (), {"tokens": tokenize("what to note for the doctor"), "anchors": [object()]})()
    >>> _for_whom(an, type("Cue", (), {"start": 5})()), _for_whom(an, type("Cue", (), {"start": 4})())
    (True, False)
    """
    k = cue.start - 1
    return bool(an.anchors) and k >= 1 and an.tokens[k].lemma in DETERMINERS and an.tokens[k - 1].lemma == "for"


CONCEDING = frozenset("if since because though although seeing".split())
CONDITIONS = frozenset("when whenever".split())  # "how is it treated *when they cause* twitching": with a subject
CONCEDING_BEFORE_A_CLAUSE = frozenset("as given now once".split())  # "as *it* has no cure", not "listed as a cause"
CLAUSE_SUBJECTS = frozenset("it there that they he she this".split())


def conceded(an, cue, cues) -> bool:
    """"What does ALS treatment focus on *if it can't be cured*", "what helps, *since there's no cure*": a relation word
    in a clause that grants a fact, after a wh-question whose own relation word asks — the fact is told, not asked;
    so is a "when"-clause with a subject of its own ("how is it treated *when they cause twitching*"), not "when
    *diagnosing* it", which says what the asked thing is done for.

    >>> from kg.qa.text import tokenize
    >>> an = type("An", (), {"tokens": tokenize("what does treatment focus on if it cant be cured"), "wh": "what"})()
    >>> cure, focus = (type("Cue", (), {"start": s, "end": e})() for s, e in ((8, 10), (3, 5)))
    >>> conceded(an, cure, [cure, focus]), conceded(an, focus, [cure, focus])
    (True, False)
    """
    if not an.wh:
        return False
    opened = [t.i for t in an.tokens[:cue.start] if t.i > 0 and (t.surface in CONCEDING or (
        t.surface in CONCEDING_BEFORE_A_CLAUSE and an.tokens[t.i + 1].surface in CLAUSE_SUBJECTS) or (
        t.surface in CONDITIONS and t.i + 1 < cue.start and not an.tokens[t.i + 1].surface.endswith("ing")))]
    return bool(opened) and any(o.end <= opened[-1] for o in cues if o is not cue) and any(
        t.lemma in WH_OPENERS for t in an.tokens[:opened[-1]])


WH_OPENERS = frozenset("what which how why who where when whats".split())


def _describes(an, cue, token, cues) -> bool:
    """"The example it gives for *heat exhaustion causing spasms*": an -ing form between two named things says how
    the first is linked to the second — it describes the thing asked about, and another relation word asks."""
    between = any(m.end == cue.start for m in an.mentions) and any(m.start == cue.end for m in an.mentions)
    others = any(o.positions != cue.positions and o.entry.kind == "relation" and o.start in an.q_positions for o in cues)
    return between and others and token.surface.endswith("ing")


def _reported(an, cue, cues) -> bool:
    """"The example *it gives* for heat exhaustion", "the treatments *they give*": a verb whose subject, "it" or
    "they" right after a relation or class word, is the article — it reports what the article names, no relation."""
    k = cue.start - 1
    if cue.entry.pos == "verb" and len(cue.positions) > 1 and k >= 1:  # "what example *does the article give for*"
        gap = [t for t in an.tokens[cue.start:cue.end] if t.i not in cue.positions]
        if gap and all(t.lemma in _THE_ARTICLE for t in gap) and any(
                o.end == cue.start and (o.entry.pos == "noun" or o.entry.intent in DESCRIPTIONS)  # "what *mechanism* does
            for o in list(cues) + an.class_cues + an.cues if o is not cue):  # the article give for": a description
            return True
    return cue.entry.pos == "verb" and k >= 1 and an.tokens[k].lemma in ("it", "they") and any(
        o.end == k and o.entry.pos == "noun" and o.start > 0 and an.tokens[o.start - 1].lemma in _DETERMINERS
        for o in list(cues) + an.class_cues if o is not cue)  # a noun phrase: not "how can I *help it* recover"


_THE_ARTICLE = frozenset("it they the this article table text page faq section list author writer".split())


_DETERMINERS = frozenset("the a an what which any other".split())


def _as_role(an, cue, cues) -> bool:
    """"The example it gives for tense muscles *as a cause*", "what does it say about stress *as a trigger*": a relation
    noun after a named thing and "as (a)" says in which role the thing is taken, and a relation noun before asks — not
    "which drugs does it identify as having twitching *as a side effect*", where the role is what is asked."""
    k = cue.start - 1  # a noun, or a verb frame on the same word (after "as a" it is the noun)
    if k < 1:
        return False
    k -= an.tokens[k].lemma in ("a", "an")
    return k >= 1 and an.tokens[k].lemma == "as" and any(m.end == k for m in an.mentions) and any(
        o.positions != cue.positions and o.entry.kind == "relation" and o.entry.pos == "noun" and o.end < k
        and o.start in an.q_positions for o in cues)  # "*what example* … for X as a cause": a noun before asks


_TOLD_BEFORE = frozenset("be one a an the main common".split())  # "X *is one* cause", "X is *a common* cause"
_BACK = frozenset("that this the same".split())


def _told_role(an, cue, cues) -> bool:
    """"Nerve damage *is one cause* — give me an example of it", "muscles poorly conditioned — what example does it
    give of *that cause*": a relation noun that tells what a named thing is (after "X is one"), or points back at it
    ("that cause"), while another relation noun asks (the example): the thing's role is told, the example asked. The
    verb frame on the same word ("cause") goes with the noun: after "one" or "that" it is no verb."""
    if cue.entry.kind != "relation" or not any(
            o.entry.kind == "relation" and o.entry.pos == "noun" and o.entry.name != cue.entry.name
            and not set(o.positions) & set(cue.positions) and o.start in an.q_positions for o in cues):
        return False
    before = [t.lemma for t in an.tokens[max(0, cue.start - 3):cue.start]]
    after = an.tokens[cue.end:cue.end + 1]
    if before and before[-1] in _BACK and (not after or after[0].is_punct or after[0].lemma in ("then", "please")):
        return True  # "that cause": no "of X" after it
    if after and not (after[0].is_punct or after[0].dash or after[0].lemma in ("yes", "right", "and", "so")):
        return False  # "can spasms be a symptom *of* …": asked; "X is one cause, yes?": told
    k = cue.start
    while k > 0 and an.tokens[k - 1].lemma in _TOLD_BEFORE:
        k -= 1
    return k < cue.start and an.tokens[k].lemma == "be" and any(m.end == k for m in an.mentions)


def _after_modal(an, cue) -> bool:
    """"*Can* muscle spasms *cause* added weight", "*does* caffeine *cause* cramps": a yes/no opened by a modal or "do"
    has its verb after the subject, so the word a noun frame also reads is that verb (not after "a", "the", "of")."""
    words = [t for t in an.question if not t.is_punct]
    if not an.yes_no or not words or words[0].lemma not in MODALS or cue.start <= words[0].i + 1:
        return False
    return an.tokens[cue.start - 1].lemma not in ("a", "an", "the", "of", "my", "your", "its", "main", "common")


MODALS = frozenset("can could do will would may might should shall".split())


_WHEN = frozenset(("when", "if", "while", "whenever"))


def pronoun_for(an: Analysis, cue: Cue, m) -> bool:
    """"What does *it* feel like *when a muscle spasms*": the pronoun before the verb is the thing the "when" clause
    after it names, so that thing is the verb's subject though it comes after."""
    if cue.start == 0 or an.tokens[cue.start - 1].lemma not in ("it", "they", "this", "that") or m.start < cue.end:
        return False
    between = an.tokens[cue.end:m.start]
    return any(t.lemma in _WHEN for t in between) and len(between) <= 4
