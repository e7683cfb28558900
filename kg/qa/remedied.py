"""How a cause of spasms goes, when the article says only what helps it: "if it's just from overdoing it, does it go
away by itself or do I need to do something".

The article gives no course for muscle fatigue, strain or overexertion, but it says what helps them — "For muscle
fatigue or strain, time is often the best remedy, allowing the muscles to rest and recover naturally", "Give your
muscles enough time to rest and recover … This helps prevent muscle fatigue and overexertion". A course question about
such a thing says the article gives no course, then quotes what it says helps, the remedy it weighs first: the
article's own words, never a "yes, it goes away".
"""

from __future__ import annotations

from kg.qa.answer import SOURCE_ANCHOR, Answer, Executor
from kg.qa.lexicon import lexicon
from kg.qa.text import lemmas_of
from kg.qa.querygraph import KGO
from kg.qa.words import emphasis

HELPS = (KGO + "treats", KGO + "prevents")
MOST = 2  # quotes of what helps


def split(ex: Executor, courses: list) -> tuple[list, list]:
    """(the courses that may be a going away, the lasting ones: "progressive", a word of ``kgl:lasting``): ALS being
    progressive is no "yes, it usually goes away"."""
    lex = lexicon(ex.store)
    said = {id(d): lemmas_of(d.text) for d in courses}  # each course's lemmas once, not once per word
    lasting = [d for d in courses if any(lex.in_set("lasting", said[id(d)], k) for k in range(len(said[id(d)])))]
    return [d for d in courses if d not in lasting], lasting


def course_unsaid(ex: Executor, answer: Answer, iri: str, lasting: list = ()) -> str:
    """The opening of a course answer the article gives no course for: that it does not say, what it does say of how
    it goes when that is lasting ("progressive": never a "no" the article does not state), then what it says helps
    ``iri`` (its statements added to the evidence)."""
    if lasting:
        answer.evidence = [{"quote": d.quote, "begin": d.begin, "end": d.end, "relation_label": "course",
                            "source": SOURCE_ANCHOR.format(begin=d.begin, end=d.end), "negated": False}
                           for d in lasting[:1] if d.quote not in {e.get("quote") for e in answer.evidence}] + answer.evidence
        return (f"The article does not say that {ex.name(iri)} goes away; it calls it {lasting[0].text}: "
                f"“{lasting[0].quote}” ")
    props = frozenset().union(*(ex.family(p) for p in HELPS))
    helps = sorted((st for st in ex.statements(iri) if st.object == iri and st.predicate in props and not st.negated
                    and st.quote), key=lambda st: (emphasis([st]), st.begin))
    quotes = list(dict.fromkeys(st.quote for st in helps))[:MOST]
    said = f"The article does not say how {ex.name(iri)} usually goes. "
    if not quotes:
        return said
    known = {e.get("statement") for e in answer.evidence}
    answer.evidence = [ex.evidence_item(next(st for st in helps if st.quote == q)) for q in quotes
                       if next(st for st in helps if st.quote == q).iri not in known] + answer.evidence
    return said + "Of what helps with it, it says: " + " ".join(f"“{q}”" for q in quotes) + " "


__all__ = ["course_unsaid"]
