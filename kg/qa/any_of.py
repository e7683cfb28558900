"""A yes/no asked of a kind, not of a thing: "can a mineral deficiency cause knee spasms", "can any medications make
the knee twitch", "do any vitamins help with cramps".

The kind word after "a", "an", "any" or "some" is the class of the answer, as it is after "which": the list of its
members that stand in the relation answers the question, and a list with members is the yes (kg.qa.offered.named_any),
with the members named. An empty list stays "the article does not say" — the article lists, it does not deny.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.text import AUXILIARIES

DETERMINERS = frozenset("a an any some".split())
BETWEEN = AUXILIARIES | frozenset("be really actually ever also even sometimes".split())  # "a medication *be* making"


def asked(an: Analysis, cue) -> bool:
    """Whether the class word ``cue`` names the kind a yes/no asks of: after a determiner, and the subject or the object
    of the relation asked ("can *a mineral deficiency* cause …", "could *a medication* be making …", "can X cause *a
    mineral deficiency*"), not a word of an aside ("the ones you don't need *a script* for")."""
    if not (an.yes_no and cue.start > 0 and an.tokens[cue.start - 1].lemma in DETERMINERS):
        return False
    ends = {m.end for m in an.mentions}
    return any(cue.end <= r.start <= cue.end + 2 and all(t.lemma in BETWEEN for t in an.tokens[cue.end:r.start])  # subject
               or r.end == cue.start - 1 and ends & {r.start, r.start - 1}  # the object of a thing named ("you don't
               for r in an.relation_cues)  # need *a script* for" is an aside's)


def any_asked(an: Analysis) -> bool:
    """Whether a class word of the question is asked of so."""
    return any(asked(an, c) for c in an.class_cues)


__all__ = ["asked", "any_asked", "DETERMINERS"]
