""""Should I try lifestyle changes first or go straight to tablets", "do you start with pills or with changing your
habits": which treatment comes first is what the article states as the first line ("doctors often recommend non-medical
lifestyle changes as the first line of treatment") and what follows it ("If lifestyle changes alone do not provide
sufficient relief, your doctor may recommend additional treatment options or medications").

Asked in the first person it reads like personal advice, but the order is the article's general statement, said as
such — never "yes" or "no" for the reader. The question must say which comes first (``kgl:order-first-words``: first,
start with, before, straight to) and name a treatment the article gives as first-line (or an example of one); a
question with a verb of changing a regimen outside the treatments' names ("should I stop my tablets first") stays
declined as advice (kg.qa.advice).
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.querygraph import KGO
from kg.qa.next_line import FIRST, HELPS, SECOND, _first_line
from kg.qa.words import join


def _ordered(an: Analysis, lex) -> bool:
    lemmas = [t.lemma for t in an.tokens]
    return any(lex.in_set("order-first", lemmas, k) for k in range(len(lemmas)))


def _changes_regimen(an: Analysis, lex) -> bool:
    """A verb of changing a regimen ("stop", "switch", "come off") outside every name the question links ("lifestyle
    *changes*" is a name, not a change of the reader's medicines)."""
    named = {k for m in an.mentions for k in range(m.start, m.end)}
    lemmas = [t.lemma for t in an.tokens]
    return any(lex.in_set("regimen-change", lemmas, k) and k not in named for k in range(len(lemmas)))


def answer(ex: Executor, answer: Answer, an: Analysis, lex) -> Answer | None:
    """The article's first and second line of treatment, when the question asks which comes first, or None."""
    if not _ordered(an, lex) or _changes_regimen(an, lex):
        return None
    if an.yes_no and not any(t.lemma == "or" for t in an.question):
        return None  # "do doctors recommend lifestyle changes first": a yes/no, answered as one
    helps = ex.family(HELPS[0]) | ex.family(HELPS[1]) | {KGO + "warrantsMedicalAttentionFor"}  # "doctors" is no relation asked
    if any(set(c.entry.references) - helps for c in an.relation_cues):
        return None  # "which of the lifestyle changes doctors recommend first also replenishes minerals": another asked
    for m in an.mentions:
        conditions = _first_line(ex, m.iri)
        if not conditions:
            continue
        first = [st for c in conditions for st in ex.statements(c) if st.object == c and st.predicate in HELPS
                 and FIRST in st.emphasis and not st.negated]
        lead = [st for st in first if st.subject == m.iri] or first
        top = [st for st in first if not any(e.subject == st.subject and e.object in {x.subject for x in first}
                                             for e in ex.statements(st.subject) if e.predicate.endswith("exampleOf"))]
        top = top or lead
        second = [st for c in conditions for st in ex.statements(c) if st.object == c and st.predicate in HELPS
                  and SECOND in st.emphasis and not st.negated]
        names = list(dict.fromkeys(st.subject for st in top))
        examples = [e.subject for x in names for e in sorted(ex.statements(x), key=lambda e: e.begin)
                    if e.object == x and e.predicate == KGO + "exampleOf" and not e.negated]
        answer.answered, answer.kind = True, "describe"
        answer.answers = [ex.entity(x) for x in dict.fromkeys(names + examples)]
        answer.evidence = [ex.evidence_item(st) for st in top + second]
        answer.reading = f"I read this as: what the article says comes first in treating {join([ex.name(c) for c in conditions])}."
        quotes = list(dict.fromkeys(f"“{st.quote}”" for st in top + second))
        such = f" (such as {join([ex.name(x) for x in dict.fromkeys(examples)])})" if examples else ""
        answer.message = (f"The article gives no personal advice, but it says what comes first: {join([ex.name(x) for x in names])}{such}, "
                          f"then, if that is not enough, {join(list(dict.fromkeys(ex.name(st.subject) for st in second))) or 'what your doctor advises'}: "
                          + " ".join(quotes))
        return answer
    return None
