""""What if the lifestyle changes don't stop the twitching", "lifestyle changes not working, what next": a treatment
the reader names, said not to be enough, asks what comes after it — the article's second-line treatment of what it
treats ("If lifestyle changes alone do not provide sufficient relief, your doctor may recommend additional treatment
options or medications").

The shortfall: a negator (not, don't, isn't …: grammar, read from the written form) right before a verb of helping
(data, ``kgl:shortfall-help-words``: work, help, stop, be enough, give relief …), or a word that says it alone
(``kgl:shortfall-words``: fail, insufficient); the treatment named before it is what falls short. The treatment named must be one the article gives first (its
emphasis first-line) or an example of one; what comes next is what the article gives, for the same condition, as
second-line. Nothing is said when the article gives no second line: the question is then read as before.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.querygraph import KGO
from kg.qa.words import join

KGV = "https://w3id.org/kneekg/vocab/"
FIRST, SECOND = KGV + "first-line", KGV + "second-line"
HELPS = (KGO + "treats", KGO + "prevents")
REACH = 3  # at most this many words from the negator to the verb ("doesn't really seem to help")
BETWEEN = frozenset("really seem to quite actually still even be have do much any".split())
NEGATED = frozenset("dont doesnt didnt wont isnt arent havent hasnt cant aint wasnt werent".split())


def _negated(t) -> bool:
    """A negator, by its written form: lemmas lose the "n't" of "isn't" and "doesn't" (lemma "be", "do")."""
    w = t.surface.lower().replace("\u2019", "'")
    return t.lemma in ("not", "never", "cannot") or w.endswith("n't") or w in NEGATED


def shortfall(an: Analysis, lex) -> int | None:
    """Where the question says something does not work, help or suffice (the token index), or None."""
    lemmas = [t.lemma for t in an.tokens]
    for k, t in enumerate(an.tokens):
        if lex.in_set("shortfall", lemmas, k):
            return k
        if not _negated(t):
            continue
        j = k + 1
        while j < len(lemmas) and j - k <= REACH and lemmas[j] in BETWEEN:
            j += 1
        if j < len(lemmas) and lex.in_set("shortfall-help", lemmas, j):
            return k
    return None


def _first_line(ex: Executor, iri: str, depth: int = 2) -> list[str]:
    """The conditions ``iri`` is the article's first-line help for, itself or as an example of one."""
    out = [st.object for st in ex.statements(iri) if st.subject == iri and st.predicate in HELPS
           and FIRST in st.emphasis and not st.negated]
    if not out and depth:
        for st in ex.statements(iri):
            if st.subject == iri and st.predicate == KGO + "exampleOf" and not st.negated:
                out += _first_line(ex, st.object, depth - 1)
    return list(dict.fromkeys(out))


def answer(ex: Executor, answer: Answer, an: Analysis, lex) -> Answer | None:
    """The second-line treatment after the first-line one the question says falls short, or None."""
    at = shortfall(an, lex)
    if an.yes_no or at is None or any(t.lemma in ("why", "how") for t in an.question):
        return None  # "why doesn't stretching help": a reason asked, not what comes next
    causes = ex.family(KGO + "causes") | ex.family(KGO + "causedBy") | ex.family(KGO + "riskFactorFor")
    if any(set(c.entry.references) & causes for c in an.relation_cues):
        return None  # "what causes it when hydration doesn't help": another relation asked
    for m in an.mentions:
        if m.end > at:  # the treatment that falls short is named before it: not "not having enough *fluids*"
            continue
        conditions = _first_line(ex, m.iri)
        found = [st for c in conditions for st in ex.statements(c) if st.object == c and st.predicate in HELPS
                 and SECOND in st.emphasis and not st.negated and st.subject != m.iri]
        if not found:
            continue
        items = list(dict.fromkeys(st.subject for st in found))
        answer.answered, answer.kind = True, "list"
        answer.answers = [ex.entity(x) for x in items]
        answer.evidence = [ex.evidence_item(st) for st in found]
        answer.reading = (f"I read this as: what the article gives when {ex.name(m.iri)} are not enough for "
                          f"{join([ex.name(c) for c in conditions])}.")
        answer.message = (f"When {ex.name(m.iri)} do not give enough relief, the article names {join([ex.name(x) for x in items])}: "
                          + " ".join(dict.fromkeys(f"“{st.quote}”" for st in found)))
        return answer
    return None
