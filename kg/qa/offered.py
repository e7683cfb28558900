"""A guess offered after the question: "who gets spasms more, *athletes*?", "what causes cramps — dehydration?".

A wh-question whose last comma-separated part is only a thing the article names is a yes/no about that thing: is it
among the answers? A yes quotes the article's sentence for it; a thing not among them is "the article does not name
it among them" (never a "No": the article lists, it does not deny).

A yes/no that asks whether the article names any of a kind ("does the article recommend any specific over the counter
painkillers by name", "are any vitamins named") and is answered by the list of them is a yes, with the list; an empty
list stays "the article does not say" (``named_any``).
"""

from __future__ import annotations

from kg.qa import any_of, existence
from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.querygraph import Reading

FILLERS = frozenset("or and maybe perhaps like say the a an my probably mostly".split())


def guessed(an: Analysis) -> list[str]:
    """The things the reader offers as the answer: the anchors after the question's last comma, when nothing but
    them (and small words) stands there and a question word asks before it."""
    if not an.wh or not an.question:
        return []
    words = [t for t in an.question if not t.is_punct]
    commas = [t.i for t in an.tokens if t.surface == "," and words and words[0].i < t.i < words[-1].i]
    if not commas:
        return []
    tail = [t for t in words if t.i > commas[-1]]
    if any(t.lemma == an.wh for t in tail):
        return []
    offered = [m for m in an.anchors if m.start > commas[-1]]
    covered = {k for m in offered for k in range(m.start, m.end)}
    if not offered or any(t.i not in covered and t.lemma not in FILLERS for t in tail):
        return []
    return list(dict.fromkeys(m.iri for m in offered))


def check(ex: Executor, answer: Answer, r: Reading, an: Analysis) -> None:
    """Answer the offered guess from the list the question asked for."""
    if r.kind != "list" or not answer.answered:
        return
    offered = [iri for iri in guessed(an) if iri not in r.anchors]
    if not offered:
        return
    listed = {a["iri"] for a in answer.answers}
    named = [iri for iri in offered if iri in listed]
    if named:
        quotes = [e["quote"] for e in answer.evidence if named[0] in (e.get("subject"), e.get("object"))]
        answer.kind, answer.boolean = "boolean", True
        answer.message = (f"Yes — the article names {', '.join(ex.name(i) for i in named)} among them"
                          + (f": “{quotes[0]}”" if quotes else "") + " " + answer.message)
    else:
        answer.message = (f"The article does not name {', '.join(ex.name(i) for i in offered)} among them. "
                          + answer.message)


REPORTING = frozenset("name mention list recommend give suggest include offer cite specify".split())
ANY = frozenset("any specific particular some actual".split())


def named_any(answer: Answer, r: Reading, an: Analysis) -> None:
    """"Does it name any …": a yes when the list asked for has members (see the module's words)."""
    if not an.yes_no or r.kind != "list" or not answer.answered or not answer.answers or answer.boolean is not None \
            or answer.message.startswith("The article does not say"):  # a near answer in place of the one asked
        return
    lemmas = {t.lemma for t in an.question}
    if lemmas & REPORTING and lemmas & ANY or existence.asked(an) or r.classes and any_of.any_asked(an):  # "is there a
        # treatment for autoimmune disorders", "can a mineral deficiency cause spasms"
        answer.kind, answer.boolean = "boolean", True
        some = "Yes, some can" if r.classes and any_of.any_asked(an) and "can" in {t.lemma for t in an.question} \
            else "Yes"  # "can a mineral deficiency cause …": the kind's members can, as the article says of each
        answer.message = some + " — " + answer.message[:1].lower() + answer.message[1:]
