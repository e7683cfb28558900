"""What the article says to do, for a reader's situation: never advice of our own.

A reader mixes the situation and the advice asked ("I'm on HRT tablets with estrogen and my knee twitches … should I
just stop them", "I have 5 energy drinks a day and my knee twitches, should I be worried"). Whether *they* should stop
a medicine is not the article's to say, but the article does say what helps the condition when the thing they named
is its cause ("it may be worth discussing alternative options with your healthcare provider", "it may be beneficial
to reduce your intake"). These are its treatments of the condition qualified by that cause (``kgo:whenCausedBy`` and
the other context qualifiers) — quoted, never paraphrased into an instruction.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.qa.analysis import Analysis
from kg.qa.answer import Executor
from kg.qa.facts import Statement
from kg.qa.intents import CONDITIONS
from kg.qa.lexicon import KGL
from kg.qa.querygraph import KGO
from kg.qa.run import broader
from kg.qa.text import AUXILIARIES, WH_WORDS

TREATS = KGO + "treats"


@dataclass(frozen=True)
class ForCause:
    """The article's treatment of a condition when a named thing is its cause, with its quote."""

    condition: str
    cause: str
    statement: Statement


def _condition(ex: Executor, iri: str) -> bool:
    """Whether ``iri`` is one of the conditions the article is about (or of their kinds)."""
    return any(ex.index.is_a(iri, c) for c in CONDITIONS)


def asked(an: Analysis) -> list:
    """Advice cues that ask: in the asking clause, or opening a clause of their own with an auxiliary ("*should i just
    stop* my HRT then, if it might be what's causing the twitching" — the later clause is read as the question, but
    the advice was asked first). Not a purpose: "what should I be drinking *to stop* the cramps" asks what helps, not
    whether to stop a medicine."""
    def opens(c) -> bool:
        return c.form[0] in AUXILIARIES | {"be", "do"} and (c.start == 0 or an.tokens[c.start - 1].is_punct)
    def obliged(c) -> bool:  # "have I got *to*", "does she have *to*": what one must do, not what one has
        return c.form[-1] in ("have", "get") and c.end < len(an.tokens) and an.tokens[c.end].lemma == "to"
    return [c for c in an.cues if c.entry.intent == "advice" and (c.start in an.q_positions or opens(c)
                                                                  or c.entry.iri == KGL + "proposed-swap-words")
            and not ("*" in c.form and c.positions[-1] > 0 and an.tokens[c.positions[-1] - 1].lemma == "to")
            and not obliged(c)]


SUBJECTS = frozenset("i we he she they".split())  # the reader, or the one they care for; "you" is anyone's
OBJECTS = frozenset("me us him her them".split())  # (or its lemma, a subject) the one bidden to change a treatment ("tell *her* to stop it")
OWNERS = frozenset("my our his their your the".split())  # "advise *my* patient to …": a bidden person named


def changes_own(an: Analysis, lex) -> bool:
    """Whether the reader asks about changing a treatment someone is on: a modal of advice opening the yes/no with its
    subject, then a verb of changing ("*should I* be recommending … that we *switch* him", "*ought I* to *discontinue*
    it", "*do we need to* take her *off* …"), or the outcome of their own swap ("*if I switch* from the pill to the coil,
    will …"). What to take is decided by a prescriber and the patient, whatever the article says of either thing.

    Bidding someone else to change is the same advice ("*should I tell her to stop* the inhaler", ``kgl:bid``). Both
    sets of words are data (``kgl:advice-modal``, ``kgl:regimen-change``, ``kgl:regimen-swap``)."""
    lemmas = [t.lemma for t in an.tokens]
    starts = [t.i for t in an.tokens if not t.is_punct and (t.i == 0 or an.tokens[t.i - 1].is_punct)]

    def bid(to: int) -> bool:  # "tell *her* to stop", "advise *my patient* to discontinue": someone bidden, no purpose
        return any(lemmas[k + 1] in OBJECTS | SUBJECTS | OWNERS and lex.in_set("bid", lemmas, k)
                   for k in range(max(0, to - 3), to - 1) if k + 1 == to - 1 or lemmas[k + 1] in OWNERS)

    def modal_opens(first: int) -> bool:  # a clause of the question or the story's last ("…, ought I to stop it?")
        clause = [t.i for t in an.tokens[first:] if not t.is_punct]
        clause = clause[:next((n for n, k in enumerate(clause) if k > first and k - 1 != clause[n - 1]), len(clause))]
        for k in clause[:2]:  # "so *should i* …": past one word of filler, not a question word ("what should I do")
            n = lex.in_set("advice-modal", lemmas, k)  # "should *i*", "do *i* need to", "would it be wise to"
            if k != clause[0] and lemmas[clause[0]] in WH_WORDS:
                return False
            if n and (SUBJECTS & set(lemmas[k:k + max(n, 2)]) or n >= 3):
                end = k + max(n, 2)  # "ought i *to* discontinue" is the modal's; "… before a run *to stop* cramps" a purpose
                return any(lex.in_set("regimen-change", lemmas, j) and not (lemmas[j - 1] == "to" and j - 1 > end
                                                                             and not bid(j - 1))
                           for j in clause if j >= k + n)
        return False

    def own_swap() -> bool:
        return any(lemmas[k] == "if" and k + 2 < len(lemmas) and lemmas[k + 1] in SUBJECTS
                                 and lex.in_set("regimen-swap", lemmas, k + 2) for k in range(len(lemmas)))
    return any(modal_opens(k) for k in starts) or own_swap()


def regimen(an: Analysis, lex) -> bool:
    """Whether the question tells that someone is on a medicine ("while *I'm on* warfarin", "if *he is on* metformin",
    "*already taking* statins"): a thing the article never names after it is theirs (kg.qa.ask), so whether a remedy
    may be taken with it is a question of interactions. The words are data (``kgl:regimen-on``)."""
    lemmas = [t.lemma for t in an.tokens]
    return any(lex.in_set("regimen-on", lemmas, k) for k in range(len(lemmas)))


def for_named_cause(ex: Executor, an: Analysis, topic: bool = False) -> list[ForCause]:
    """The article's treatments of the condition the reader names (question or story) given *for* a cause the reader
    also names, or the kind of cause it is an example of (estrogen → medications that can cause muscle spasms). With
    ``topic``, a reader who names no condition ("should I cut back my coffee") is read as asking of the article's own."""
    mentions = an.anchors + an.context_mentions
    conditions = list(dict.fromkeys(m.iri for m in mentions if _condition(ex, m.iri)))
    named = list(dict.fromkeys(m.iri for m in mentions if not _condition(ex, m.iri)))
    causes = {kind: iri for iri in named for kind in [iri] + broader(ex, iri, "exampleOf")}
    # "if one of my *tablets* is causing it": a class word told as the cause stands for the causes of that class
    kinds = [k for c in an.cues if c.entry.kind == "class" and c.entry.pos == "noun" for k in c.entry.references
             if not (_condition(ex, k) or k in CONDITIONS)]
    out: list[ForCause] = []
    # the article's own topic last: "my thigh twitches" (muscle twitching) from coffee is what it says of the twitch
    for n, c in enumerate(conditions + [t for t in ex.topic if (conditions or topic) and t not in conditions]):
        if out and n >= len(conditions):
            break
        # the condition, what it is a form of, and its forms (leg cramps from a medicine: what the article says of
        # knee twitching from medicines, named as such)
        targets = [c] + broader(ex, c, "formOf") + broader(ex, c, "formOf", down=True)
        statements = [st for target in targets for st in ex.statements(target)
                      if st.predicate == TREATS and st.object == target and not st.negated]
        # a treatment the article gives for the cause in one quote is that cause's treatment in all its quotes
        given = {st.subject: causes.get(x, x) for st in statements for x in sorted(st.context) if x in causes
                 or any(ex.index.is_a(x, k) for k in kinds)}
        seen = set()
        for st in statements:
            if st.subject in given and st.quote not in seen:
                seen.add(st.quote)
                out.append(ForCause(st.object, given[st.subject], st))
    # the article's hedged words first ("it may be worth discussing …"), then in the article's order
    return sorted(out, key=lambda f: (not f.statement.hedged, f.statement.begin))


def said_for(ex: Executor, found: list[ForCause], most: int = 2) -> str:
    """The article's words for the reader's cause, as a sentence that quotes them ("" when there are none)."""
    if not found:
        return ""
    cause = found[0].cause
    quotes = " ".join(f"“{f.statement.quote}”" for f in found[:most])
    return f"What the article says for {ex.name(found[0].condition)} with {ex.name(cause)} as the cause: {quotes}"


def said_of_named(ex: Executor, an: Analysis, most: int = 2) -> str:
    """What the article says of the thing the reader asks to do something with ("is hot yoga safe for me": its words
    on yoga), quoted in the article's order; "" when they name nothing but a condition."""
    for m in an.anchors + an.context_mentions:
        if _condition(ex, m.iri):
            continue
        quotes = list(dict.fromkeys(st.quote for st in sorted(ex.statements(m.iri), key=lambda st: st.begin)
                                    if not st.negated))
        if quotes:
            return f"What the article says of {ex.name(m.iri)}: " + " ".join(f"“{q}”" for q in quotes[:most])
    return ""


def add_for_cause(ex: Executor, answer, an: Analysis) -> None:
    """Add to an answer about the reader's condition (or, naming none, the article's) what the article says for the
    cause they named, unless it quotes those words already."""
    named = for_named_cause(ex, an) or for_named_cause(ex, an, topic=True)  # "what to do about stimulants": the knee's
    found = [f for f in named if f.statement.quote not in answer.message]
    if found:
        answer.message += " " + said_for(ex, found)
        answer.evidence += [ex.evidence_item(f.statement) for f in found[:2]]
        listed = {a.get("iri") for a in answer.answers}  # and what it advises, among the answers
        answer.answers += [ex.entity(i) for i in dict.fromkeys(f.statement.subject for f in found[:2]) if i not in listed]


__all__ = ["asked", "changes_own", "regimen", "ForCause", "for_named_cause", "said_for", "said_of_named", "add_for_cause"]
