"""The direction the words ask, over the direction the article has facts for.

"What causes limited blood supply": the words ask for its causes, and the article names none — it says only what
limited blood supply causes. Every list reading has its flip (the anchor on the other side, scored as a guess), and a
flip the graph has facts for outscores an asked direction it has none for (+3 against -1), so the reader was told
"what limited blood supply can lead to" as if asked. Where the word order was sure of the side (a question word
before the verb and the thing after it: +2.0 or more) the asked direction is read, and its flip is offered as another
question — never answered in its place: the honest answer is that the article does not say.
"""

from __future__ import annotations

import re

from kg.qa.querygraph import Reading
from kg.qa.text import AUXILIARIES, WH_WORDS

SURE = 2.0  # how sure the word order must be of the side
_SIDE = re.compile(r": anchor is the (subject|object) \(([+-]\d+\.\d)\)$")


def _side(r: Reading) -> tuple[str, float] | None:
    found = _SIDE.search(r.why[0]) if r.why else None
    return (found.group(1), float(found.group(2))) if found else None


def _one_edge(r: Reading) -> bool:
    return r.kind in ("list", "count") and len(r.edges) == 1 and not r.topic and len(r.anchors) == 1


def _flip_of(asked: Reading, flip: Reading) -> bool:
    a, b = asked.edges[0], flip.edges[0]
    return a.prop == b.prop and (a.subject, a.object) == (b.object, b.subject) and asked.kind == flip.kind \
        and asked.classes == flip.classes


LEADS = frozenset("can could might may will would usually often commonly typically".split())  # "what *can* cause X"


def _verb_after_wh(an, r: Reading) -> bool:
    """The relation word right after the question word — a modal (and "be") or the kind asked between at most — and
    the thing after it: "what causes X", "what could be causing X", "which things lead to X". The question word is then
    the relation's subject, beyond doubt; not so in a passive ("how is X treated"), after "the" ("what are the causes
    of X", "what category does X belong to") or for a thing described in a clause."""
    name = r.why[0].split(":", 1)[0]
    words = [t for t in an.question if not t.is_punct]
    words = words[next((n for n, t in enumerate(words) if t.lemma in WH_WORDS), 0):]  # "so what could be causing …"
    if len(words) < 3 or words[0].lemma not in ("what", "which"):
        return False
    k = 1
    if words[k].lemma in LEADS:
        k += 1 + (len(words) > 3 and words[k + 1].lemma == "be")  # "what could (be) …"
    elif words[k].surface.isalpha() and words[k].lemma not in ("be", "do", "have") and len(words) > 3 \
            and not any(c.start == words[k].i for c in an.relation_cues):
        k += 1  # "which *things* lead to …"
    at = words[k].i
    cues = [c for c in an.relation_cues if c.entry.name == name and c.start == at]
    return bool(cues) and any(m.start >= cues[0].end and m.kind in ("pref", "alt", "lay") and not any(
        t.lemma in ("be", "do", "have") or t.surface in AUXILIARIES for t in an.tokens[cues[0].end:m.start])
        for m in an.anchors if m.iri in r.anchors)  # "what category *does* X belong to": a noun, not the verb


def as_asked(readings: list[Reading], an) -> tuple[list[Reading], list[Reading]]:
    """``readings`` with the word order's reading before a flip that outscored it only by the graph's facts, and the
    flips so passed over (not to be answered in its place). Only for a question that asks with a question word: a
    telegraphic one ("severe spasm accompanying sx") and a yes/no have no word order to be sure of."""
    best = readings[0] if readings else None
    if best is None or not an.wh or an.yes_no or not _one_edge(best) or (_side(best) or ("", 0.0))[1] >= 0:
        return readings, []
    for r in readings[1:6]:
        side = _side(r)
        if side and side[1] >= SURE and _one_edge(r) and _flip_of(r, best) and "no such fact in the graph (-1)" in r.why \
                and _verb_after_wh(an, r):
            promoted = Reading(**{**r.__dict__, "why": r.why + ["the word order decides the side, not the facts"]})
            return [promoted] + [x for x in readings if x is not r and x is not best], [best]
    return readings, []


__all__ = ["as_asked"]
