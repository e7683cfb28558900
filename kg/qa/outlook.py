"""Outlook questions: "life expectancy with ALS", "what's the outlook for the progressive nerve disease that can
start with knee twitching".

The article gives no life expectancy, survival or outlook figures, and a prognosis is not ours to give, so the
question is declined. What the article does say about the named thing's course and cure ("ALS has no cure,
treatment focuses on managing symptoms and improving quality of life"; "a progressive … disease") is quoted after
the refusal, as the article's words with their place, never as a prognosis.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.lexicon import KGL
from kg.qa.querygraph import KGO

SAID = (KGO + "hasCure", KGO + "course")  # what the article says of how a condition goes
MOST = 2  # sentences quoted


def decline(ex: Executor, answer: Answer, an: Analysis, closest: list[dict]) -> Answer:
    """``answer`` declined as a prognosis, with the article's sentences on the course and cure of what is named
    (else the closest statements, not as an answer)."""
    answer.declined = "prognosis"
    answer.message = ("The article does not say: it gives no life expectancy, survival or outlook figures. "
                      "The doctors who know the person can speak to their case.")
    if any(c.entry.iri == KGL + "own-chance-words" for c in an.cues):  # "my dad had ALS, will I get it too"
        answer.message = ("The article does not say: it gives no figures for a person's chance of getting a condition, "
                          "and does not say whether it runs in families. A doctor who knows the family can speak to it.")
    said = said_of(ex, [m.iri for m in an.mentions])
    if said:
        answer.message += " What the article does say about " + ex.name(said[0].subject) + ": " + " ".join(
            f"“{st.quote}”" for st in said)
        answer.evidence = [ex.evidence_item(st) for st in said]
    else:
        answer.closest = closest
    return answer


def said_of(ex: Executor, iris: list[str]) -> list:
    """The statements (one per sentence, cure first) of the first of ``iris`` the article says a course or cure of."""
    for iri in iris:
        found = sorted((st for st in ex.statements(iri) if st.subject == iri and st.predicate in SAID),
                       key=lambda st: (SAID.index(st.predicate), st.begin))
        quotes = list(dict.fromkeys(st.quote for st in found))[:MOST]
        if quotes:
            return [next(st for st in found if st.quote == q) for q in quotes]
    return []


__all__ = ["decline", "said_of"]
