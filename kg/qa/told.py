"""Stories that name several things and ask about them together: "I take a water pill, prednisone and HRT —
could any of these be why my knee twitches?", "he is on steroids and a water tablet; which of those does the
article link to spasms?".

A yes/no reading checks one pair; the reader asked about every thing told. Each told thing the article links to
the condition asked about (or to the wider condition it is a form of: knee spasms are a form of muscle spasms)
along the relation asked (its family and the relations a reader means nearly alike: a risk factor is named as
readily as a cause) becomes an answer, with its own quote. Told things the article does not link are named as
such, never answered "no".
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.intents import CONDITIONS
from kg.qa.querygraph import KGO, RELATED, Reading
from kg.qa.text import WH_WORDS
from kg.qa.words import join

FORM_OF = KGO + "formOf"


def _condition(ex: Executor, iri: str) -> bool:
    return any(ex.index.is_a(iri, c) for c in CONDITIONS)


def targets(ex: Executor, r: Reading, an: Analysis) -> list[str]:
    """The condition asked about (named in the question, else the reading's), what it is a form of, then the article's
    topic ("could these make my thigh twitch": the article speaks of twitching as knee spasms)."""
    asked = [m.iri for m in an.anchors if _condition(ex, m.iri)]
    asked = asked or [a for a in r.anchors if _condition(ex, a)]
    out = list(dict.fromkeys(asked))
    for t in list(out):
        out += [st.object for st in ex.statements(t) if st.subject == t and st.predicate == FORM_OF
                and not st.negated and st.object not in out]
    return out + [t for t in ex.topic if t not in out]


def _wholes(ex: Executor, iri: str) -> list[str]:
    """What a told thing is an example of: "coffee" told, caffeine read; the article links stimulants."""
    return [st.object for st in ex.statements(iri) if st.subject == iri and st.predicate == KGO + "exampleOf"
            and not st.negated]


def relations(ex: Executor, r: Reading) -> frozenset[str] | None:
    """The relations a told thing may be linked along: the one asked, its family and its near relations, and theirs
    (a cause asked: risk factors, and the groups at increased risk, count too). None: any relation."""
    props = {e.prop for e in r.edges if e.prop != RELATED}
    if not props:
        return None
    out: set[str] = set()
    for p in props:
        out |= ex.family(p)
        for n in ex.near(p) | {p}:
            out |= ex.family(n) | ex.near(n)
    return frozenset(out - {FORM_OF})


def _of_the_list_asked(an: Analysis, r: Reading) -> bool:
    """"Which minerals does dehydration drain, and are *any of those* in the diet list": the words point back to the
    list the question has just asked for (a question word before them, not their own "which of those"), not to the
    story's things."""
    cue = min(an.intent_cues("told"), key=lambda c: c.start)
    return r.kind in ("list", "count") and any(t.lemma in WH_WORDS and t.i < cue.start for t in an.question)


def told_list(ex: Executor, answer: Answer, r: Reading, an: Analysis) -> None:
    """"Could any of these be …": every told thing the article links to the condition, each with its quote."""
    if not an.intent_cues("told") or _of_the_list_asked(an, r):
        return
    goals = targets(ex, r, an)
    props = relations(ex, r)
    told = [iri for iri in dict.fromkeys(m.iri for m in an.mentions)
            if iri not in goals and iri not in ex.topic and not _condition(ex, iri)
            and not ex.index.is_a(iri, KGO + "BodyPart")]  # "my thigh": where, not what
    if len(told) < 2:
        return
    linked, quotes, unlinked, reached = [], [], [], []
    for iri in told:
        found = [(g, st) for x in [iri] + _wholes(ex, iri) for g in goals  # the condition asked first, then wider
                 for st in sorted(ex.between(x, g, props), key=lambda st: st.begin) if not st.negated]
        if not found:
            unlinked.append(iri)
            continue
        g, st = found[0]
        linked.append(iri)
        reached += [g] if g not in reached else []
        quotes.append(f"{ex.name(iri)}: “{st.quote}”")
        if all(e.get("statement") != st.iri for e in answer.evidence):
            answer.evidence.append(ex.evidence_item(st))
    if not linked:
        return
    goal = " or ".join(ex.name(g) for g in sorted(reached, key=goals.index))
    answer.answered = True
    answer.answers = [ex.entity(x) for x in linked]
    answer.kind = "list" if answer.boolean is None else answer.kind
    message = (f"of the things you named, the article links {join([ex.name(x) for x in linked])} to {goal} — "
               + "; ".join(quotes) + ".")
    if unlinked:
        message += f" The article does not say this of {join([ex.name(x) for x in unlinked])}."
    if answer.boolean is True:
        answer.message = "Yes — " + message
    else:
        answer.boolean = None
        answer.message = message[0].upper() + message[1:]
