"""Two sets asked of one answer: each relation word of the question with the thing it is said of.

"A cause of X that also treats Y" pairs each relation with its own thing; "which treatments for cramps also prevent
*them*", "which causes of knee twitching are *also* risk factors" say the second relation of the same thing — by a
pronoun after it, or by "also" before it with nothing named after it. The reader intersects the pairs.

A negation before the second thing asks the difference: "the ALS treatments that are *not* also listed for
autoimmune disorders", "causes of knee twitching but not of muscle spasms in general" — the first relation's answers
for the first thing that do not have the relation (the one said after the negation, else the same) with the second.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.qa.analysis import Analysis
from kg.qa.lexicon import Cue
from kg.qa.querygraph import Edge, Reading
from kg.qa.text import NEGATIONS, PRONOUNS, STOPWORDS

if TYPE_CHECKING:
    from kg.qa.readings import Reader

ALSO = frozenset(("also", "too"))  # "… which are *also* risk factors"


def pairs(reader: "Reader", an: Analysis, cues: list[Cue], anchors) -> list:
    """Each relation cue with the anchor it governs: the next one after it, else the nearest before — or, said again
    of the same thing ("also", a pronoun after it), the anchor of the cue before (then ``again`` is true):
    ``(cue, (start, mentions), prop, flipped, again)``."""
    out = []
    used: set[int] = set()
    paired: set[tuple] = set()
    for cue in cues:
        if cue.positions in paired or out and _describes(an, cue, out[-1][1][1][0]):
            continue
        after = [g for g in anchors if g[0] >= cue.end and g[0] not in used and not any(  # not past a relative
            cue.end < o.start and o.end <= g[0] and an.tokens[o.start - 1].lemma in ("that", "which") for o in cues)]
        before = [g for g in anchors if g[1] <= cue.start and g[0] not in used]
        again = False
        if after:
            g = after[0]
        elif before:
            g = before[-1]
        elif out and said_again(an, cue, anchors):
            g, again = next(g for g in anchors if g[0] == out[-1][1][0]), True
        else:
            continue
        used.add(g[0])
        paired.add(cue.positions)
        prop, flipped = reader.schema.canonical(cue.entry.references[0])
        if prop in reader.schema.relations and reader.schema.relations[prop].realised:
            out.append((cue, (g[0], g[2]), prop, flipped, again))
    return out


CLAUSE = frozenset(("that", "which", "who", "when", "if", "whenever"))  # a clause about the thing just named
CLAUSE_FILLERS = frozenset(("it", "its", "it's", "they", "be", "is", "are", "was", "'s", "s", "get", "gets", "got"))


def _describes(an: Analysis, cue: Cue, m) -> bool:
    """Whether a relation word opens a clause about the thing named just before it, not about the answer:
    "treatments for autoimmune disorders *that cause* twitching", "treatments for the twitching *when it's caused* by
    an autoimmune disorder" — the thing is described (or its cause told), and no second set is asked."""
    between = [t for t in an.tokens[m.end:cue.start] if not t.is_punct]
    return bool(between) and between[0].lemma in CLAUSE and all(
        t.lemma in CLAUSE | CLAUSE_FILLERS or t.surface.lower() in CLAUSE_FILLERS for t in between)


def said_again(an: Analysis, cue: Cue, anchors) -> bool:
    """Whether a relation word is said of the thing already named: "also" just before it, or a pronoun right after it
    ("which of the treatments for cramps also *prevent them*"), and no thing named after it."""
    if any(g[0] >= cue.end for g in anchors):
        return False
    before = [t.lemma for t in an.tokens[max(0, cue.start - 3):cue.start]]
    after = an.tokens[cue.end:cue.end + 1]
    return bool(ALSO & set(before)) or bool(after) and after[0].lemma in PRONOUNS


def again_role(cue: Cue, flipped: bool) -> tuple[str, float]:
    """The role of the thing a relation word is said of again: a verb's object ("also prevent *them*"), a noun's other
    side from the one it names ("also risk factors": risk factors *for* it)."""
    if cue.entry.pos == "noun":
        role = "object" if (cue.entry.names or "subject") == "subject" else "subject"
    else:
        role = "object"
    return ("subject" if role == "object" else "object") if flipped else role, 2.0


def intersected(pairs_: list) -> bool:
    """Whether the pairs constrain the answer twice: two relations, and two things or one thing said again."""
    return len(pairs_) >= 2 and len({p[0].positions for p in pairs_}) >= 2 and (
        len({p[1][0] for p in pairs_}) >= 2 or len({p[2] for p in pairs_}) >= 2)


COORDINATORS = frozenset(("and", "or", "+", "&", "/", "then", "plus"))


def coordinated(reader: "Reader", an: Analysis, anchors, rel_cues: list[Cue]) -> list:
    """"How are nutrient deficiencies *diagnosed and treated*", "deficiency twitch — how to *check + fix*": two relation
    words side by side (or joined by "and", "+") asked of the same thing, in the same role, are one list along both
    relations (the reading's ``union``), where the thing plays both roles in the graph."""
    if an.wh not in ("how", None):  # "what causes and treats X" is two questions (kg.qa.compound), not one list
        return []
    out = []
    kind = "count" if an.intent_cues("count") else "list"
    verbs = sorted({c.positions: c for c in rel_cues}.values(), key=lambda c: c.start)
    for a, b in zip(verbs, verbs[1:]):
        between = [t for t in an.tokens[a.end:b.start] if not t.is_punct or t.surface in COORDINATORS]
        if not all(t.lemma in COORDINATORS or t.surface in COORDINATORS for t in between) or len(between) > 1:
            continue
        for first in [c for c in rel_cues if c.positions == a.positions]:
            for second in [c for c in rel_cues if c.positions == b.positions]:
                p1, f1 = reader.schema.canonical(first.entry.references[0])
                p2, f2 = reader.schema.canonical(second.entry.references[0])
                if p1 == p2 or not {p1, p2} <= set(reader.schema.relations):
                    continue
                for _, _, ms in anchors[:2]:
                    m = ms[0]
                    r1, _ = reader.role(an, first, p1, m, f1)
                    r2, _ = reader.role(an, second, p2, m, f2)
                    if r1 != r2 or not (reader.plays(m.iri, p1, r1 == "subject") and reader.plays(m.iri, p2, r2 == "subject")):
                        continue
                    edge = Edge(m.iri, p1, "?x") if r1 == "subject" else Edge("?x", p1, m.iri)
                    out.append(Reading(kind, [edge], anchors=(m.iri,), score=11.0, union=(p2,),
                                       why=[f"two relations asked together: {first.entry.name} and {second.entry.name}"]))
    return out


def difference(reader: "Reader", an: Analysis, anchors, rel_cues: list[Cue]) -> list:
    """"List the ALS treatments that are NOT also listed for autoimmune disorders": a thing and its relation before a
    negation, and a second thing after it with only relation words, fillers and function words between — the first
    set less the second (the reading's ``minus``), along a relation noun said after the negation ("not risk factors"),
    else the first relation (a verb there — "listed", "given" — only says where). Nothing for a yes/no, or a negation inside what is named ("not
    drinking enough")."""
    if an.yes_no:
        return []
    neg = next((t.i for t in an.question if t.lemma in NEGATIONS or t.surface.lower() in NEGATIONS), None)
    if neg is None:
        return []
    before = [g for g in anchors if g[1] <= neg]
    after = [g for g in anchors if g[0] > neg]
    if not before or not after:
        return []
    covered = {p for c in an.cues for p in c.positions}
    if any(t.i not in covered and t.lemma not in STOPWORDS and not t.is_punct for t in an.tokens[neg + 1:after[0][0]]):
        return []
    first = [c for c in rel_cues if c.start < neg and c.entry.kind == "relation"]
    second = [c for c in rel_cues if neg < c.start < after[0][0] and c.entry.kind == "relation" and c.entry.pos == "noun"]
    if not first:
        return []
    kind = "count" if an.intent_cues("count") else "list"
    a, b = before[-1][2][0], after[0][2][0]
    out = []
    for cue in first[-1:]:
        prop, flipped = reader.schema.canonical(cue.entry.references[0])
        if prop not in reader.schema.relations:
            continue
        role, sure = reader.role(an, cue, prop, a, flipped)
        if not reader.plays(a.iri, prop, role == "subject"):
            continue
        prop2, role2 = prop, role
        if second:
            prop2, flipped2 = reader.schema.canonical(second[0].entry.references[0])
            if prop2 not in reader.schema.relations:
                continue
            role2, _ = reader.role(an, second[0], prop2, b, flipped2)
        edge = Edge(a.iri, prop, "?x") if role == "subject" else Edge("?x", prop, a.iri)
        less = Edge(b.iri, prop2, "?x") if role2 == "subject" else Edge("?x", prop2, b.iri)
        out.append(Reading(kind, [edge], anchors=(a.iri, b.iri), score=12.0 + sure, minus=(less,),
                           why=[f"a difference: {cue.entry.name} of one thing, not of the one after the negation"]))
    return out


def described(reader: "Reader", an: Analysis, anchors, rel_cues: list[Cue]) -> list:
    """"What treatments are there for autoimmune disorders *that cause twitching*", "what helps with stimulant overdose
    that causes knee twitching": a relation word before a thing, and a clause after it about the thing — the relation
    is asked of the thing, ahead of the second set or the chain through the clause's relation."""
    if an.yes_no:
        return []
    kind = "count" if an.intent_cues("count") else "list"
    out = []
    for start, end, ms in anchors:
        m = ms[0]
        if not any(_describes(an, c, m) for c in rel_cues if c.start >= m.end):
            continue
        for cue in [c for c in rel_cues if c.end <= m.start][-1:]:
            prop, flipped = reader.schema.canonical(cue.entry.references[0])
            if prop not in reader.schema.relations or not reader.schema.relations[prop].realised:
                continue
            role, sure = reader.role(an, cue, prop, m, flipped)
            if not reader.plays(m.iri, prop, role == "subject"):
                continue
            edge = Edge(m.iri, prop, "?x") if role == "subject" else Edge("?x", prop, m.iri)
            out.append(Reading(kind, [edge], anchors=(m.iri,), score=11.0 + sure,
                               why=[f"{cue.entry.name} of the thing a clause after it describes"]))
    return out
