"""A thing left out of the answer: "apart from coffee, what other stimulant …", "what else helps besides stretching".

The lexicon's exclusion words (``kgl:exclusion``: besides, apart from, other than …) put the thing named right after
them outside the question: it is not what the question is asked of, and the answer leaves it out (the reading's
``excluding``, a ``FILTER`` on a bound term — never the reader's text).

A reader also leaves a thing out by telling it as one of its kind and asking for the rest: "coffee is one of the
stimulants that can cause twitching, what's the other one it names", "yoga is one of the stress relief techniques,
what are the others". A thing named before a remainder word (``kgl:remainder``: other, others, the rest …) that the
graph gives as an example of another thing the question names is told, not asked: the answer is the kind's other
examples (a reading ``?x kgo:exampleOf <kind>`` leaving the told thing out).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kg.qa.analysis import Analysis
from kg.qa.querygraph import KGO, Edge, Reading

SKIPPED = frozenset(("the", "a", "an", "my", "your", "just", "only", "plain", "simply"))


@dataclass(frozen=True)
class Left:
    """What the question leaves out of its answer (``iris``), and the kinds whose other examples it asks (``kinds``)."""

    iris: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()


def excluded(an: Analysis, ex=None, lex=None) -> tuple[Analysis, Left]:
    """The analysis without the things an exclusion word leaves out or the reader tells as one of a kind before asking
    for the others, and what is left out (nothing: ``an`` unchanged)."""
    an, iris = _exclusion_words(an)
    if iris or ex is None or lex is None:
        return an, Left(iris)
    return _told_member(an, ex, lex)


def _exclusion_words(an: Analysis) -> tuple[Analysis, tuple[str, ...]]:
    """The things named right after an exclusion word ("apart from coffee"), taken out of the analysis."""
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


def _told_member(an: Analysis, ex, lex) -> tuple[Analysis, Left]:
    """"Coffee is one of the stimulants …, what's the other one": a thing named before a remainder word that is an
    example of a kind named in the question, the remainder word asking for more of that kind (nothing else of the
    article's named, nor a relation word, right after it). "Amphetamines *or other* stimulants" and a yes/no ask of
    the told thing too."""
    lemmas = [t.lemma for t in an.tokens]
    rest = next(((k, k + n) for k in range(len(lemmas)) if (n := lex.in_set("remainder", lemmas, k))), None)
    if rest is None or an.yes_no or rest[0] and lemmas[rest[0] - 1] in ("or", "and", "&", "/", "plus"):
        return an, Left()
    after = {m.iri for m in an.mentions if m.start == rest[1]}
    if any(c.start == rest[1] and c.entry.kind == "relation" for c in an.cues):  # "the other causes": the relation's
        return _told_answer(an, ex, rest)
    for told in [m for m in an.mentions if m.end <= rest[0]]:
        kinds = {st.object for st in ex.statements(told.iri) if st.subject == told.iri and not st.negated
                 and st.predicate == KGO + "exampleOf"}
        named = [m for m in an.mentions if m.iri in kinds and m is not told and (not after or m.iri in after)]
        if named:
            return replace(an, mentions=[m for m in an.mentions if m.iri != told.iri]), Left(
                (told.iri,), tuple(dict.fromkeys(m.iri for m in named)))
    return an, Left()


def _told_answer(an: Analysis, ex, rest: tuple[int, int]) -> tuple[Analysis, Left]:
    """"Dehydration is one cause of knee twitching, what are the other causes", "stretching is one treatment for cramps —
    which other treatments": a thing told before the remainder word that the graph links, along the relation asked, to
    another thing the question names is one answer already given — left out, the question asked of the other thing."""
    cues = [c for c in an.cues if c.entry.kind == "relation"]
    props = frozenset().union(*(ex.family(p) for c in cues for p in c.entry.references if p in ex.schema.relations))
    for told in [m for m in an.mentions if m.end <= rest[0]]:
        others = [m for m in an.mentions if m.iri != told.iri]
        if any(not st.negated for m in others for st in ex.between(told.iri, m.iri, props)):
            return replace(an, mentions=[m for m in an.mentions if m.iri != told.iri]), Left((told.iri,))
    return an, Left()


def leaving_out(readings: list, left: Left, count: bool = False) -> list:
    """The list and count readings with what is left out left out of their answers, and first the other examples of
    a kind the reader told one of."""
    if not left.iris:
        return readings
    out = [replace(r, excluding=left.iris) if r.kind in ("list", "count") else r for r in readings]
    top = max((r.score for r in readings), default=0.0) + 1.0
    return [Reading("count" if count else "list", [Edge("?x", KGO + "exampleOf", kind)], anchors=(kind,), score=top,
                    excluding=left.iris, why=["the other examples of a kind the reader told one of"])
            for kind in left.kinds] + out
