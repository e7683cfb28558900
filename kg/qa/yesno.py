"""Yes/no and comparison readings: whether the article links two things, and how it weighs two.

"Can caffeine cause spasms?" names two things and a relation; "does stretching help?" names one
(the other is the article's topic); "do tylenol or advil help with the pain" coordinates one
side. The check runs along the relation the question names (sub-properties included) or, with
no relation word, along any relation of the ontology.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.qa import any_of, sited, telegraphic
from kg.qa.analysis import Analysis
from kg.qa.intents import CONDITIONS
from kg.qa.lexicon import Cue, local
from kg.qa.linking import Mention
from kg.qa.querygraph import KGO, RELATED, Edge, Reading
from kg.qa.text import AUXILIARIES

if TYPE_CHECKING:
    from kg.qa.readings import Reader

HEAD_PENALTY = 1.5  # a yes/no about a shorter name inside the one asked ("twitch" in "knee twitch")
COORDINATION = frozenset({"or", "and", ",", "/", "&", "nor", "vs", "versus", "a", "an", "the", "my", "your", "either",
                          "anything", "something", "any", "other", "stuff"})  # "stretching or *anything* at home"
JOINS = frozenset({"or", "and", ",", "/", "&", "nor"})
PARALLEL = frozenset({"from", "by", "to", "with", "for", "of"})  # "from X or from Y": one preposition, said twice
RELATIVE = frozenset({"that", "which", "who", "to"})  # "any medications *that* cause it": the kind is asked for  # words that join two things said as one side


def sides(reader: "Reader", an: Analysis, anchors) -> list[list[Mention]]:
    """The two things a yes/no question relates: "tylenol or advil" is one side, "pain" the other."""
    merged = _merged(an, anchors)
    if len(merged) >= 2:
        return [g[2] for g in merged]
    if len(merged) == 1 and len(merged[0][2]) >= 2:  # "is A or B ...": the two members
        return [[m] for m in merged[0][2]]
    return [g[2] for g in anchors]


def _merged(an: Analysis, anchors) -> list[tuple[int, int, list[Mention]]]:
    """The anchor groups with those joined by "or", "and", commas (and determiners) made one side."""
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
    return merged


def telegraphic_asks(reader: "Reader", an: Analysis, anchors, rel_cues: list[Cue]) -> bool:
    """Whether a question without a question word asks yes or no: it ends in "?" ("ALS knee twitching early sign?"),
    or it puts a verb of its relation between two things it names, a statement read out as a question ("overtraining
    cause spasms", "ibuprofen help spasm pain") — not a count, not a noun ("stimulants examples twitching"), not a
    relation said after both ("knee spasm causes"), and not a place ("spasm causes not just knee")."""
    if an.intent_cues("count"):
        return False
    things = [g for g in anchors if not all(reader.fits(m.iri, KGO + "BodyPart") for m in g[2])]
    return an.question_mark or (len(things) >= 2 and any(things[0][1] <= c.start and c.end <= things[-1][0]
                                                         and c.entry.pos == "verb" for c in rel_cues)) \
        or telegraphic.relation_noun_last(an, things, rel_cues)  # "overweight spasm risk": both ends, then the noun


def booleans(reader: "Reader", an: Analysis, anchors, rel_cues: list[Cue]) -> list[Reading]:
    """Yes/no between two entities: along the relation the question names, or any relation. Things named only as
    one coordinated side with a relation of the topic's ("do stretching exercises or heat packs work for everyone",
    "PAD, diabetes as risk factors - listed?") are each asked of the topic, never of each other."""
    merged = _merged(an, anchors)
    if len(merged) == 1 and len(anchors) >= 2 and rel_cues and all(
            {t.lemma for t in an.tokens[a[1]:b[0]]} & JOINS for a, b in zip(anchors, anchors[1:])) and not any(
            m.iri in reader.topic or reader.fits(m.iri, KGO + "SignOrSymptom") for m in merged[0][2]):
        # not "ALS, knee twitching an early symptom?": the topic's sign is the other side
        return topic_booleans(reader, an, merged, rel_cues)
    both = sited.topic_for_part(reader, an, sides(reader, an, anchors), rel_cues)  # "setting my knee off": its spasm
    if len(both) < 2:
        return []
    out = []
    for n, second in enumerate(both[1:3]):
        out += pair(reader, an, both[0], second, rel_cues, penalty=1.0 * n)
        # the shorter names inside either side, a little behind: tried when the longer name's thing has no answer
        for first_, second_ in ((_heads(reader, an, both[0]), second), (both[0], _heads(reader, an, second))):
            if first_ and second_:
                out += pair(reader, an, first_, second_, rel_cues, penalty=1.0 * n + HEAD_PENALTY)
    return out


def _heads(reader: "Reader", an: Analysis, side: list[Mention]) -> list[Mention]:
    """A condition named inside the name of a condition ("knee *twitch*", "leg *cramps* all the time"): what the article
    states of it holds of the longer one. Not a test inside "blood test": the kind is not the thing."""
    def condition(iri: str) -> bool:
        return any(reader.fits(iri, c) for c in CONDITIONS)
    if not side or not all(condition(m.iri) for m in side):
        return []
    return [m for m in an.heads(side) if condition(m.iri)]


def _played(reader: "Reader", prop: str, iri: str, role: str, sure: float | None) -> tuple[str, float | None]:
    """The role a thing from the story plays in ``prop`` in the graph, where it plays only one ("my husband tells me to
    write down every twitch. does that help": the twitching is what is helped, never what helps)."""
    subject, obj = reader.plays(iri, prop, True), reader.plays(iri, prop, False)
    if subject != obj:
        return ("subject" if subject else "object"), 1.0
    return role, sure


def pair(reader: "Reader", an: Analysis, first, second, rel_cues: list[Cue], penalty: float) -> list[Reading]:
    out = []
    props: list[tuple[str, bool, Cue | None]] = []
    for cue in rel_cues:
        for ref in cue.entry.references:
            prop, flipped = reader.schema.canonical(ref)
            props.append((prop, flipped, cue))
    if not props:
        props = [(RELATED, False, None)]
    for a in first:
        for b in second:
            if a.iri == b.iri:
                continue
            for prop, flipped, cue in props:
                if cue is not None and prop in reader.schema.relations and reader.schema.relations[prop].realised:
                    role, sure = reader.role(an, cue, prop, a, flipped)
                    if cue.entry.pos == "noun" and an.in_question(b) and a.end <= b.start and b.end <= cue.start:
                        # both before the noun ("ALS - twitching in knee can be early sign?"): the nearer one is it
                        role, sure = reader.role(an, cue, prop, b, flipped)
                        role = "object" if role == "subject" else "subject"
                    elif not an.in_question(a):  # told in the story: word order says nothing, the roles it plays do,
                        played = _played(reader, prop, a.iri, role, None)
                        if played[1] is not None:
                            role, sure = played
                        elif an.in_question(b):  # or else the place of the other ("… my knee keeps twitching, is the
                            role, sure = reader.role(an, cue, prop, b, flipped)  # caffeine doing that")
                            role = "object" if role == "subject" else "subject"
                else:
                    role, sure = "subject", 1.0
                s, o = (a.iri, b.iri) if role == "subject" else (b.iri, a.iri)
                # a noun compound ("knee twitching causes") says less of the order than "is X a cause of Y"
                other_base = 7.0 if cue is not None and (cue.entry.pos == "noun" and sure <= 1.0 or cue.entry.pos == "verb"
                                                         and telegraphic.both_before(an, a, b, cue)) else 4.5
                for (x, y), base in (((s, o), 7.0), ((o, s), other_base)):
                    if prop == RELATED and base < 7.0:
                        continue
                    score = base + sure - penalty
                    rel = reader.schema.relations.get(prop)
                    if rel is not None and not _fit(reader, rel, x, y):  # a verb's word order is what was asked:
                        score -= 1.0 if cue is not None and cue.entry.pos == "verb" and base == 7.0 else 3.0  # no flip
                        for near in _fitting_near(reader, rel, x, y):  # "am I more prone to this at my age": age is
                            out.append(Reading("boolean", [Edge(x, near, y)], (), (a.iri, b.iri), score + 2.0,
                                               [f"yes/no: {local(near)} (the kinds fit a relation nearly alike)"]))
                    out.append(Reading("boolean", [Edge(x, prop, y)], (), (a.iri, b.iri), score,
                                       [f"yes/no: {local(prop)}"]))
    return out


def _fit(reader: "Reader", rel, x: str, y: str) -> bool:
    return reader.fits(x, rel.domain) is not False and reader.fits(y, rel.range) is not False


def _fitting_near(reader: "Reader", rel, x: str, y: str) -> list[str]:
    """The relations a reader means nearly alike whose domain and range the two things fit, where the relation asked
    does not (a risk factor, not a group at risk: the ontology's kinds choose the relation)."""
    out = []
    for near in sorted(rel.near):
        other = reader.schema.relations.get(near)
        if other is not None and other.realised and near not in reader.schema.sub_properties(rel.iri) \
                and _fit(reader, other, x, y) and reader.plays(x, near, True):
            out.append(near)
    return out


def topic_booleans(reader: "Reader", an: Analysis, anchors, rel_cues: list[Cue]) -> list[Reading]:
    """"Can caffeine cause spasms?" names two; "does stretching help?" names one: the other is the topic."""
    if not reader.topic_ok(an) or any(c.start in an.q_positions and "any" in {t.lemma for t in an.tokens[max(0, c.start - 2):c.start]}
                                      and c.end < len(an.tokens) and an.tokens[c.end].lemma in RELATIVE
                                      and not any(reader.fits(t, k) for t in reader.topic for k in c.entry.references)
                                      for c in an.class_cues) or any(
            any_of.asked(an, c) and not any(reader.fits(t, k) for t in reader.topic for k in c.entry.references)
            for c in an.class_cues if not any(m.start <= c.start < m.end for m in an.mentions)):
        return []  # "does it mention *any* medications *that* cause twitching", "can X cause *a mineral deficiency*":
        # the kind asked stands where the topic would
    out = []
    for cue in rel_cues:
        for ref in cue.entry.references:
            prop, flipped = reader.schema.canonical(ref)
            if prop not in reader.schema.relations or not reader.schema.relations[prop].realised:
                continue
            for m in anchors[0][2]:
                if m.iri in reader.topic:
                    continue
                role, sure = reader.role(an, cue, prop, m, flipped)
                if not an.in_question(m):  # told in the story: the role it plays in the graph, where only one
                    role, sure = _played(reader, prop, m.iri, role, sure)
                elif cue.entry.pos == "noun" and role != (cue.entry.names or "subject"):
                    continue  # "are there treatments for ALS": the noun is what is asked for, not the topic
                role = _fitting(reader, prop, m.iri, role)
                edges = [Edge(m.iri, prop, "?topic") if role == "subject" else Edge("?topic", prop, m.iri)]
                out.append(Reading("boolean", edges, (), (m.iri,) + reader.topic, 6.5 + sure, ["yes/no about the topic"],
                                   topic=True))
    return out


def _fitting(reader: "Reader", prop: str, iri: str, role: str) -> str:
    """The side the named thing's class fits when it fits only one: the topic takes the other. "Am I more at risk
    because I'm an athlete": a group is at risk (the relation's domain), never the condition (its range), whatever
    the word order says."""
    rel = reader.schema.relations.get(prop)
    if rel is None:
        return role
    as_subject, as_object = reader.fits(iri, rel.domain), reader.fits(iri, rel.range)
    if as_subject and as_object is False:
        return "subject"
    if as_object and as_subject is False:
        return "object"
    return role


COMPARATIVES = frozenset({"more", "less", "worse", "better", "bigger", "rather", "likelier"})


def comparative(word, lemma: str) -> bool:
    """A comparative word: "more", "less", "worse", or an "-er" form the lemmatiser takes back to its base ("safer",
    "riskier", "likelier"; not "water", which is its own lemma).

    >>> [comparative(w, l) for w, l in (("safer", "safe"), ("worse", "worse"), ("water", "water"), ("muscles", "muscle"))]
    [True, True, False, False]
    """
    return lemma in COMPARATIVES or word in COMPARATIVES or (word.endswith("er") and lemma != word and len(lemma) > 2)


def compared(an: Analysis, anchors) -> bool:
    """Whether the question weighs two things against each other: a comparison word of the lexicon, or a comparative
    ("more likely", "worse", "safer") with two things coordinated by "or"/"vs" ("is it the water tablet or the
    statin that's more likely to give me cramps") or set against each other by "than" ("is caffeine more likely than
    dehydration to …"). Such a question is never a plain yes: a fact about one of them does not rank it. "Rather
    than" with nothing the article names after it sets apart two ways of one thing ("can a spasm hit one part of a
    muscle *rather than the whole thing*"), not two things to rank."""
    cues = [c for c in an.intent_cues("comparison")
            if c.form != ("rather",) or any(g[0] > c.start for g in anchors)]
    return bool(cues) or weighs(an, anchors)


def weighs(an: Analysis, anchors) -> bool:
    """A comparative and two things on either side of "or", "vs" or "than": a comparison, question word or not."""
    if not any(comparative(t.surface, t.lemma) for t in an.question):
        return False
    if _coordinated(an, anchors) is not None or any(t.lemma in ("or", "vs", "versus") and any(
            g[0] <= t.i < g[1] for g in anchors) for t in an.question):  # "is heat or ice safer": one name, two things
        return True
    than = [t.i for t in an.question if t.lemma == "than"]
    return bool(than) and any(g[1] <= than[0] for g in anchors) and any(g[0] > than[0] for g in anchors)


def compare(reader: "Reader", an: Analysis, anchors, rel_cues: list[Cue], cls) -> list[Reading]:
    """"Is A or B better / more common": the two things coordinated by or, vs or versus (one thing named twice
    when both words lead to it: "heat or ice"); the rest of the question is what they are compared for."""
    pair_ = _coordinated(an, anchors) or _either_side_of_than(an, anchors)
    if pair_ is None:
        beside = [g for g in anchors if _next_to_coordinator(an, g)]
        if beside:  # "heat vs ice": one thing, named by two of its words
            pair_ = (beside[0], beside[0])
        elif len(anchors) >= 2:
            pair_ = (anchors[0], anchors[1])
        else:
            return []
    items = (pair_[0][2][0].iri, pair_[1][2][0].iri)
    shared = [m.iri for m in pair_[0][2] if m.iri in {n.iri for n in pair_[1][2]}]
    if shared:  # "heat vs ice": "heat" may also name heat exhaustion, but both words lead to one thing (heat or ice)
        items = (shared[0], shared[0])
    prop = None
    for cue in rel_cues:
        prop, _ = reader.schema.canonical(cue.entry.references[0])
        break
    edges = [Edge(items[0], prop, "?topic"), Edge(items[1], prop, "?topic")] if prop else []
    rest = tuple(g[2][0].iri for g in anchors if g not in pair_)[:1] or reader.topic
    return [Reading("compare", edges, cls, items + rest, 9.5, ["A or B: which does the article rank"])]


def _either_side_of_than(an: Analysis, anchors):
    """"Is stretching better *than* massage": the nearest anchor group before "than" and the first after it."""
    than = [t.i for t in an.question if t.lemma == "than"]
    if not than:
        return None
    before = [g for g in anchors if g[1] <= than[0]]
    after = [g for g in anchors if g[0] > than[0]]
    return (before[-1], after[0]) if before and after else None


def _coordinated(an: Analysis, anchors):
    """The first two anchor groups joined by "or", "vs" or "versus" (determiners between allowed, a preposition said
    again on both sides: "from tiredness or *from* ALS", and a hedge: "fatigue or *something serious like* ALS")."""
    for first, second in zip(anchors, anchors[1:]):
        before = an.tokens[first[0] - 1].lemma if first[0] > 0 else None
        between = [t.lemma for t in an.tokens[first[1]:second[0]] if not t.is_punct]
        if before in PARALLEL and between[-1:] == [before]:
            between = between[:-1]
        if between[-1:] == ["like"] and any(w in ("something", "anything") for w in between):
            between = [w for w in between[:-1] if w in COORDINATION]  # "or something (nasty) like": a hedge
        if any(w in ("or", "vs", "versus") for w in between) and all(w in COORDINATION for w in between):
            return first, second
    return None


def _next_to_coordinator(an: Analysis, group) -> bool:
    """Whether "or", "vs" or "versus" stands right before or after an anchor group."""
    start, end, _ = group
    near = [an.tokens[k].lemma for k in (start - 1, end) if 0 <= k < len(an.tokens)]
    return any(w in ("or", "vs", "versus") for w in near)


def universal_words(an: Analysis, told: list) -> tuple[str, ...]:
    """The universal words a reading asks with ("always", "everyone") — not those of a second alternative: "can a
    spasm hit a whole group of muscles *or is it always* just one muscle" asks the first, which the article may
    state; "always" belongs to the alternative clause offered after "or" (an auxiliary opens it).

    >>> from types import SimpleNamespace as N
    >>> t = [N(lemma=w, i=k) for k, w in enumerate("can it hit a group or be it always one".split())]
    >>> c = N(start=8, form=("always",), entry=N(intent="universal"))
    >>> universal_words(N(question=t, tokens=t, intent_cues=lambda i: [c]), [])
    ()
    >>> universal_words(N(question=t[6:], tokens=t, intent_cues=lambda i: [c]), [])
    ('always',)
    """
    lemmas = {t.i: t.lemma for t in an.tokens}
    ors = [t.i for t in an.question[1:] if t.lemma == "or" and lemmas.get(t.i + 1) in AUXILIARIES | {"be", "do"}]
    first = ors[0] if ors else None  # "or *is it* always …": a clause of its own, not "stretching or heat packs"
    return tuple(w for c in an.intent_cues("universal") + told
                 if first is None or c.start < first for w in c.form)
