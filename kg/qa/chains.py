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


__all__ = ["topic_chain"]
