"""A warning sign named in a yes/no about seeing a doctor: "my balance feels off, is that a go to the doctor thing",
"spasms stopping daily stuff - see doctor?", "is balance problems with the knee twitching a reason to see the doctor".

The reading is the condition's warning signs (a list) or whether the condition with the sign calls for attention
(a boolean). The article states "<sign> with <condition> warrants medical attention"; the reader says the two in
either order ("balance problems with knee twitching" is "knee twitching with balance problems"), so a yes is given
when the sign told is one the article gives for the condition asked — quoted, the list kept beside it. A sign
the article does not give stays as before (the list, or "the article does not say"): never a "No".
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.querygraph import KGO, Reading

WARNS = KGO + "warrantsMedicalAttentionFor"


def apply(ex: Executor, answer: Answer, r: Reading, result: dict, an: Analysis) -> None:
    """Make the article's yes of a named warning sign (see the module's words)."""
    if answer.boolean is not None or not any(e.prop == WARNS for e in r.edges):
        return
    if r.kind == "boolean":
        _swapped(ex, answer, result)
    elif r.kind == "list" and answer.answered and (an.yes_no or an.question_mark):
        _named(ex, answer, r, an)


def _swapped(ex: Executor, answer: Answer, result: dict) -> None:
    """"Is <sign> with <condition> a reason to see a doctor", read the other way round: the stated pair is a yes."""
    pair = result.get("pair")
    if not pair:
        return
    s, o = pair
    stated = sorted((st for st in result.get("statements", ()) if st.predicate == WARNS and not st.negated
                     and st.subject == o and st.object == s), key=lambda st: st.begin)
    if not stated:
        return
    st = stated[0]
    answer.answered, answer.kind, answer.boolean = True, "boolean", True
    answer.answers = [ex.entity(o), ex.entity(s)]
    answer.message = (f"Yes — the article advises medical attention when {ex.name(s).lower()} comes with "
                      f"{ex.name(o).lower()}: “{st.quote}”")
    answer.evidence = [ex.evidence_item(x) for x in stated]


def _named(ex: Executor, answer: Answer, r: Reading, an: Analysis) -> None:
    """A yes/no warning-signs list with a sign told: yes, when the sign is among the article's signs."""
    listed = {a.get("iri") for a in answer.answers}
    told = list(dict.fromkeys(m.iri for m in an.mentions if m.iri in listed and m.iri not in r.anchors))
    if not told:
        return
    quotes = [e["quote"] for e in answer.evidence if told[0] in (e.get("subject"), e.get("object"))]
    names = ", ".join(ex.name(i).lower() for i in told)
    answer.kind, answer.boolean = "boolean", True
    answer.message = (f"Yes — the article gives {names} among the signs that call for medical attention"
                      + (f": “{quotes[0]}”" if quotes else ".") + " " + answer.message)


__all__ = ["apply"]
