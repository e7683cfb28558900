"""Whether a condition is *always* serious, asked yes or no, is answered by how the article says it usually goes.

"Does the article say knee twitching is always a sign of something serious", "is a twitchy knee always something to
worry about", "does a cramp every time mean something bad": the article states that occasional spasms are common and
often resolve on their own, and denies that most need medical intervention ("Most muscle spasms resolve on their own
without medical intervention": a negated course). That denial is its "not always": the answer is "No", resting on the
negated fact and quoting the course it states — never without a negated fact, and never for "never" ("is it never
serious" is not denied by a spasm that resolves).
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import SOURCE_ANCHOR, Answer, Executor
from kg.qa.lexicon import local
from kg.qa.querygraph import Reading
from kg.qa.run import broader

NOT_UNIVERSAL = frozenset({("never",)})  # universal words whose denial a course that resolves does not state


def asked(an: Analysis) -> str:
    """The universal word a yes/no asks with ("always", "every time"), or ""."""
    cues = [c for c in an.intent_cues("universal") if c.form not in NOT_UNIVERSAL]
    return " ".join(an.tokens[k].surface for k in range(cues[0].start, cues[0].end)) if an.yes_no and cues else ""


def serious(ex: Executor, answer: Answer, r: Reading, an: Analysis) -> None:
    """Turn the article's reassurance into its stated "not always" when the yes/no asks whether it is always serious
    and no warning sign was named with it (that answer is a yes of its own)."""
    word = asked(an)
    if not word or answer.boolean is not None or answer.kind != "describe":
        return
    conditions = list(r.anchors) or list(ex.topic)
    wide = list(dict.fromkeys(x for c in conditions for x in [c] + broader(ex, c, "formOf")))
    courses = [d for iri in wide for d in ex.around.descriptions(iri) if d.kind == "course" and d.quote]
    denied = [d for d in courses if d.negated]
    if not denied:
        return  # a "No" rests on what the article denies, or is not given
    stated = [d for d in courses if not d.negated and d.quote != denied[0].quote]
    answer.answered, answer.kind, answer.boolean = True, "boolean", False
    quotes = " ".join(f"“{q}”" for q in dict.fromkeys(d.quote for d in stated[:1] + denied[:1]))
    answer.message = f"No — not {word}: the article says {quotes}" + _rest(answer.message)
    answer.evidence = [_item(d) for d in denied[:1] + stated[:1]] + [
        e for e in answer.evidence if e.get("quote") not in {d.quote for d in denied[:1] + stated[:1]}]


def _item(d) -> dict:
    return {"quote": d.quote, "begin": d.begin, "end": d.end, "source": SOURCE_ANCHOR.format(begin=d.begin, end=d.end),
            "relation_label": local(d.what), "negated": d.negated}


def _rest(message: str) -> str:
    """What the answer said after its quotes of the course (the warning signs), kept."""
    at = message.find(" It says to seek medical attention")
    return message[at:] if at >= 0 else ""


__all__ = ["asked", "serious", "unsaid"]


def unsaid(ex: Executor, answer: Answer, r: Reading, an: Analysis) -> None:
    """"Is dehydration serious": a yes/no on whether a thing is serious, where the article gives no course of it and no
    warning sign, is not stated — what it does say of the thing is shown, never as a yes, a no or an answer."""
    if not an.yes_no or answer.boolean is not None or answer.kind != "describe" \
            or not answer.message.startswith("What the article says about"):
        return
    names = " or ".join(ex.name(a) for a in r.anchors[:2]) or "it"
    cues = an.intent_cues("serious")
    word = " ".join(an.tokens[k].surface for k in range(cues[0].start, cues[0].end)) if cues else "serious"
    verb = an.question[0].surface if an.question and an.question[0].lemma == "be" else "is"
    answer.answered, answer.kind, answer.answers = False, "abstain", []
    answer.message = f"The article does not say whether {names} {verb} {word}. " + answer.message
