""""What stretches stop my knee locking up", "which stretches help knee spasms", "stretches for a twitchy knee": the
thing asked for by name is a therapy the article aims at parts of the body ("targeted stretching exercises for the
quadriceps, hamstrings, and calf muscles"), so which ones are the parts it targets. The answer names them first, with
the quote; the rest of the answer stays as it was.

The asked thing is the entity named right after the question word ("what/which stretches", "what kind of
stretching") or first in a telegraphic question ("stretches for …"); its targets are the graph's ``kgo:targets``.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.querygraph import KGO
from kg.qa.words import join

TARGETS = KGO + "targets"
LEAD = frozenset("what which".split())
KIND = frozenset("kind kinds type types sort sorts of".split())
SKIPPED = frozenset("the a an any".split())
DOER = frozenset("should shall do does can could must i we you they he she be to".split())
SUBJECTS = frozenset("i we you they he she to".split())  # who would do it, or "what *to* stretch"


def asked(an: Analysis) -> list:
    """The mentions the question asks for by name: right after "what/which" (and "kind of"), or first of all."""
    words = [t for t in an.question if not t.is_punct and t.lemma not in SKIPPED]
    if not words:
        return []
    k = 0
    if words[0].lemma in LEAD:
        k = 1
        while k < len(words) and (words[k].lemma in KIND or words[k].surface in DOER):
            k += 1  # "what *should i be* stretching", "what *to* stretch": the therapy is the verb asked of
        if not {w.surface for w in words[1:k]} & SUBJECTS and any(w.surface in DOER for w in words[1:k]):
            return []  # "what *does* stretching help with": what it is for, not which parts it targets
    elif an.wh is not None:
        return []
    if k >= len(words):
        return []
    return [m for m in an.mentions if m.start == words[k].i]


def name_first(ex: Executor, answer: Answer, things: list[str], statement) -> None:
    """``things`` at the head of the answers (those not listed yet), the statement that names them first in the
    evidence, and the answer a list if it had none (kg.qa.contents uses it too)."""
    listed = {a.get("iri") for a in answer.answers}
    answer.answers = [ex.entity(x) for x in things if x not in listed] + answer.answers
    answer.evidence.insert(0, ex.evidence_item(statement))
    answer.answered = True
    if answer.kind == "abstain":
        answer.kind = "list"


def add(ex: Executor, answer: Answer, an: Analysis) -> None:
    """Name first the parts of the body the asked-for therapy targets, with the article's words."""
    if an.yes_no or answer.declined:
        return
    for m in asked(an):
        found = sorted((st for st in ex.statements(m.iri) if st.subject == m.iri and st.predicate == TARGETS
                        and not st.negated), key=lambda st: st.begin)
        if not found:
            continue
        quote = found[0].quote.lower()
        parts = sorted(dict.fromkeys(st.object for st in found),  # in the article's order
                       key=lambda p: (quote.find(ex.name(p).lower()) % (len(quote) + 1)))
        name_first(ex, answer, parts, found[0])
        said = f"The article names {ex.name(m.iri)} for the {join([ex.name(p) for p in parts])}: “{found[0].quote}”"
        answer.message = f"{answer.message} {said}" if answer.boolean is not None else f"{said} {answer.message}"
        return
