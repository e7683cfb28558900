"""A telegraphic question that names both ends of a relation and then the relation's noun asks whether they are linked.

"overweight spasm risk", "caffeine knee twitch cause", "stress twitching trigger": two things the article names, then
one relation noun in the singular as the last word — a claim said in shorthand ("overweight [is a] spasm risk") and
asked yes or no, as it is with a question mark. Not a list: "knee spasm causes" names one thing, and a plural noun
("caffeine twitching causes") or a question word asks for the members. The yes/no path then answers only what the
article states, with its qualifiers, and never a "no" it does not state.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.lexicon import Cue
from kg.qa.querygraph import KGO

# the relations such shorthand claims: "X spasm risk", "X twitch cause / trigger / link" — not "heat exhaustion spasm
# *example*" (what the article gives as one) nor "autoimmune twitching *treatment*" (what treats that kind)
CLAIMED = frozenset({KGO + "causes", KGO + "riskFactorFor", KGO + "relatedTo", KGO + "exacerbates"})
JOINS = frozenset({"and", "&", "/", "+", "-", "vs", "versus"})  # "caffeine & knee twitch link"


def relation_noun_last(an: Analysis, things: list, rel_cues: list[Cue]) -> bool:
    """Two things named (not only body parts: ``things`` are the anchor groups left), no question word, and the last
    word of the question a singular relation noun after both."""
    if an.wh or len(things) < 2:
        return False
    words = [t for t in an.question if not t.is_punct]
    if not words:
        return False
    last = words[-1]
    nouns = [c for c in rel_cues if c.entry.pos == "noun" and c.end - 1 == last.i and c.start >= things[-1][1]
             and set(c.entry.references) & CLAIMED]
    if not nouns:
        return False
    between = [t for t in words if (things[0][1] <= t.i < things[-1][0] or things[-1][1] <= t.i < nouns[0].start)
               and t.lemma not in JOINS]
    if between:  # "stress before spasm trigger", "caffeine knee twitch *main* cause": only the two names, side by side
        return False
    return last.surface.lower() == last.lemma and not last.surface.lower().endswith("s")  # "risk", not "risks"


def both_before(an: Analysis, a, b, cue: Cue) -> bool:
    """Both things of a yes/no named before its verb, in shorthand with no subject marked ("cramp painkillers help?",
    "knee twitch magnesium help?"): their order does not say which acts on which — the ontology's kinds do."""
    return not an.yes_no and an.in_question(a) and an.in_question(b) and max(a.end, b.end) <= cue.start
