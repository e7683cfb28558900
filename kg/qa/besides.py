"""A thing left out of the answer: "apart from coffee, what other stimulant …", "what else helps besides stretching".

The lexicon's exclusion words (``kgl:exclusion``: besides, apart from, other than …) put the thing named right after
them outside the question: it is not what the question is asked of, and the answer leaves it out (the reading's
``excluding``, a ``FILTER`` on a bound term — never the reader's text).
"""

from __future__ import annotations

from dataclasses import replace

from kg.qa.analysis import Analysis

SKIPPED = frozenset(("the", "a", "an", "my", "your", "just", "only", "plain", "simply"))


def excluded(an: Analysis) -> tuple[Analysis, tuple[str, ...]]:
    """The analysis without the things an exclusion word leaves out, and their IRIs (none: ``an`` unchanged)."""
    starts = set()
    for cue in [c for c in an.cues if c.entry.intent == "exclusion"]:  # "besides stretching, what else …": told before too
        k = cue.end
        while k < len(an.tokens) and an.tokens[k].lemma in SKIPPED:
            k += 1
        starts.add(k)
    left = [m for m in an.mentions if m.start in starts]
    if not left:
        return an, ()
    ends = {m.end for m in left}  # "besides coffee and tea": the coordinated things too
    left += [m for m in an.mentions if m.start - 1 in ends and an.tokens[m.start - 1].lemma in ("and", "or")]
    return replace(an, mentions=[m for m in an.mentions if m not in left]), tuple(dict.fromkeys(m.iri for m in left))


def leaving_out(readings: list, excluding: tuple[str, ...]) -> list:
    """The list and count readings with ``excluding`` left out of their answers."""
    if not excluding:
        return readings
    return [replace(r, excluding=excluding) if r.kind in ("list", "count") else r for r in readings]
