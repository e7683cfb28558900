"""In a yes/no about what causes or worsens something, a body part said as the thing caused stands for the topic's
condition there.

"could all that repetitive motion be setting my knee off", "can caffeine make my knee act up", "does stress bring my
knee on": nothing causes a knee — the reader means what goes on in it, the condition of the article's topic that the
graph says affects that part (knee muscle spasm). Read so, the yes/no asks of a relation the article states or not,
and answers with its qualifiers; read as the bare part, it could only say "the article does not say". Only where one
side is nothing but body parts, the other names no part, and the relation asked is causal.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kg.qa.analysis import Analysis
from kg.qa.intents import CONDITIONS
from kg.qa.lexicon import Cue
from kg.qa.linking import Mention
from kg.qa.querygraph import KGO

if TYPE_CHECKING:
    from kg.qa.readings import Reader

CAUSAL = frozenset({KGO + "causes", KGO + "exacerbates", KGO + "riskFactorFor"})
BODY_PART = KGO + "BodyPart"
AFFECTS = KGO + "affects"


def topic_for_part(reader: "Reader", an: Analysis, both: list[list[Mention]], rel_cues: list[Cue]) -> list[list[Mention]]:
    """``both`` sides, with a side of only body parts, when caused, read as the topic's condition in that part — or
    dropped where the condition itself is named after it ("set my knee off twitching": the twitching is caused)."""
    causal = [c for c in rel_cues if c.entry.pos == "verb" and set(c.entry.references) & CAUSAL]
    if len(both) < 2 or not an.yes_no or not causal:
        return both
    parts = [bool(side) and all(reader.fits(m.iri, BODY_PART) for m in side) for side in both]
    if parts.count(True) != 1 or any(reader.fits(m.iri, BODY_PART) for side, p in zip(both, parts) if not p
                                     for m in side):
        return both
    k = parts.index(True)
    if both[k][0].start < causal[0].start:
        return both  # "does cracking *my knees* cause the twitching": the part is on the causing side, not caused
    after = [side for side in both[k + 1:] if side[0].start >= causal[0].start
             and all(any(reader.fits(m.iri, c) for c in CONDITIONS) for m in side)]
    if both[k][0].start > causal[0].start and after:
        return both[:k] + both[k + 1:]  # "can that set my knee off twitching": the twitching, in the knee
    sited = []
    for m in both[k]:
        condition = next((st.subject for st in reader.around.statements(m.iri) if st.predicate == AFFECTS
                          and st.object == m.iri and st.subject in reader.topic and not st.negated), None)
        if condition is None:
            return both
        sited.append(replace(m, iri=condition, label=reader.index.labels.get(condition, m.label), kind="site"))
    return both[:k] + [sited] + both[k + 1:]
