"""A yes/no about one thing the article names, with no relation said, asks whether it matters for the article's topic.

"Does footwear matter?", "footwear?", "what about meditation?", "does the article mention stretching?", "are athletes
more prone, then?": the reader names one thing of the article and asks, without a relation, whether it counts — for the
knee spasms the article is about. Read as what the article says about the thing, the answer quotes it but never says
yes (or says "the article does not say", though it does). Read instead as whether the article links the thing and its
topic, the answer is the relation the article states, quoted: "Yes — the article says appropriate footwear can help
prevent muscle spasm". Only a stated link answers so (directly, or through what the topic is a form of); with none the
first reading stands, and it never turns into a "no". "Is there a test for X" is read as the list of what the article
names for X instead (kg.qa.existence): a yes with it, never a "no".
"""

from __future__ import annotations


from kg.qa import existence, worth
from kg.qa.analysis import Analysis
from kg.qa.answer import Executor
from kg.qa.querygraph import RELATED, Edge, Reading
from kg.qa.run import execute

STATED = ("direct", "broader")  # how the link is stated: by a fact of the pair, or of what the topic is a form of


def linked(ex: Executor, chosen: Reading, result: dict, an: Analysis) -> tuple[Reading, dict]:
    """``chosen`` and its ``result``, or — for a yes/no about one thing and no relation — whether the article links
    the thing and its topic, when it does."""
    if (listed := existence.listed(ex, chosen, an)) is not None:  # "is there a test for vitamin deficiencies"
        return listed
    if (helps := worth.helping(ex, chosen, result, an)) is not None:  # "is it worth keeping a diary for the doctor"
        return helps
    alone = bare(an) or what_about(an)  # "how about deep breathing?": whatever else its words could ask
    named = list(dict.fromkeys(m.iri for m in an.anchors if m.start in an.q_positions))
    if not (chosen.kind == "about" and len(chosen.anchors) == 1 and an.yes_no or alone) or len(named) != 1 \
            or named[0] in ex.topic or an.unknown or an.relation_cues:
        return chosen, result  # "my dad has ALS, will I get it too": the story's thing, asked something else of
    thing = named[0]
    if chosen.kind == "about" and chosen.anchors != (thing,):
        return chosen, result
    for topic in sorted(ex.topic, key=lambda t: t != ex.topic[0]):
        r = Reading("boolean", [Edge(thing, RELATED, topic)], anchors=(thing, topic), score=chosen.score,
                    why=chosen.why + ["one thing asked yes or no with no relation: whether the article links it and "
                                      "its topic"])
        found = execute(ex, r)
        if found.get("how") in STATED:
            return r, found
    return chosen, result


def bare(an: Analysis) -> bool:
    """"footwear?": a question of one named thing alone, with a question mark — asked yes or no."""
    words = [t for t in an.question if not t.is_punct]
    named = {i for m in an.anchors for i in m.span}
    return an.question_mark and bool(words) and all(t.i in named for t in words)


def what_about(an: Analysis) -> bool:
    """"What about meditation?", "and stretching?": the words around one named thing ask only whether it counts too."""
    words = [t for t in an.question if not t.is_punct]
    named = {i for m in an.anchors for i in m.span}
    rest = [t.lemma for t in words if t.i not in named]
    return bool(named) and rest in (["what", "about"], ["how", "about"], ["and"], ["what", "of"])


__all__ = ["linked", "bare", "what_about"]
