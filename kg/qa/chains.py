""""The two things the article calls common culprits — what's the treatment for each": two relation nouns and no
thing named, asked with a ranking word, chain through the article's topic — the treatments (?x) of the causes (?y)
of the topic, the causes then narrowed to those the article weighs (kg.qa.ranked)."""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.lexicon import Cue, Schema
from kg.qa.querygraph import Edge, Reading
from kg.qa.text import WH_WORDS

TOPIC = "?topic"


def topic_chain(schema: Schema, an: Analysis, nouns: list[Cue], kind: str, cls: tuple[str, ...],
                topic: tuple[str, ...]) -> list[Reading]:
    """The chain reading: the noun nearest after a question word is what is asked, the other links to the topic."""
    whs = [t.i for t in an.question if t.lemma in WH_WORDS]
    if not whs or len({c.entry.references[0] for c in nouns if c.entry.references}) < 2:
        return []

    def distance(c: Cue) -> int:
        before = [i for i in whs if i < c.start]
        return c.start - max(before) if before else 10**6

    asked = min(nouns, key=distance)
    other = next(c for c in nouns if c.entry.references[0] != asked.entry.references[0])
    if distance(asked) == 10**6:
        return []
    p1, f1 = schema.canonical(asked.entry.references[0])
    p2, f2 = schema.canonical(other.entry.references[0])
    if p1 not in schema.relations or p2 not in schema.relations:
        return []
    named1 = _flip(asked.entry.names or "subject", f1)
    named2 = _flip(other.entry.names or "subject", f2)
    e1 = Edge("?x", p1, "?y") if named1 == "subject" else Edge("?y", p1, "?x")
    e2 = Edge("?y", p2, TOPIC) if named2 == "subject" else Edge(TOPIC, p2, "?y")
    return [Reading(kind, [e1, e2], cls, topic, 9.0, [f"second hop through the topic: {asked.entry.name} of "
                                                      f"{other.entry.name}"], topic=True)]


def _flip(role: str, flipped: bool) -> str:
    return ("object" if role == "subject" else "subject") if flipped else role


def noun_verb_chain(schema: Schema, an: Analysis, cues: list[Cue], anchors, kind: str,
                    cls: tuple[str, ...]) -> list[Reading]:
    """"The fix for the thing that is most often behind knee spasms", "the test for whatever leads to cramps": a
    relation noun (what is asked, ?x), then with nothing named between, a verb whose object is the thing named
    after it — ``?x (noun) ?y . ?y (verb) X``: the unnamed thing between is the verb's subject."""
    out = []
    for noun in [c for c in cues if c.entry.pos == "noun" and c.entry.kind == "relation" and c.entry.references]:
        for verb in [c for c in cues if c.entry.pos == "verb" and c.entry.kind == "relation" and c.start > noun.end
                     and c.entry.references]:
            after = [g for g in anchors if g[0] >= verb.end]
            if not after or any(noun.end <= g[0] < verb.start for g in anchors) or after[0][0] > verb.end + 2:
                continue
            p1, f1 = schema.canonical(noun.entry.references[0])
            p2, f2 = schema.canonical(verb.entry.references[0])
            if p1 not in schema.relations or p2 not in schema.relations or p1 == p2:
                continue
            m = after[0][2][0]
            e1 = (Edge("?x", p1, "?y") if _flip(noun.entry.names or "subject", f1) == "subject"
                  else Edge("?y", p1, "?x"))
            e2 = Edge(m.iri, p2, "?y") if f2 else Edge("?y", p2, m.iri)
            out.append(Reading(kind, [e1, e2], cls, (m.iri,), 9.0,
                               [f"second hop: the {noun.entry.name} of what {verb.entry.name} X"]))
    return out


__all__ = ["topic_chain", "noun_verb_chain"]
