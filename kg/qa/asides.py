"""A remark after the question is no part of what it asks: "is there a cure for ALS, *a student is bound to ask*",
"do home remedies work for everyone, *some students swear they do nothing*", "can ALS be cured, *my uncle wants to
know*".

A clause after the asking one stays with the question when it tells more about what is asked (it names a thing of
the article, or a relation, class or question word: "…, or is it the caffeine", "…, and why"); a clause that names
nothing of the article and asks nothing is the reader's aside, read as context: its words are not the question's
unknown words, so they neither block it nor are named as what the article does not mention.
"""

from __future__ import annotations

from kg.qa.interrupted import rejoined
from kg.qa.lexicon import Cue
from kg.qa.linking import Mention
from kg.qa.text import AUXILIARIES, DETERMINERS, PRONOUNS, REPORTING, SUBJECTS, WH_WORDS, Token, asks

QUIET_INTENTS = frozenset({"filler", "personal"})  # words of a remark: "just", "really", "my"
# "…, and why", "…, or not": a follow-up; "…, eg hypokalaemia from K+ loss": an example of what is asked — not remarks
JOINING = frozenset("and or but so eg e.g ie i.e like such especially particularly including specifically".split())


def trailing(parts: list[list[Token]], question: list[Token], context: list[Token], mentions: list[Mention],
             cues: list[Cue]) -> tuple[list[Token], list[Token]]:
    """(question, context) with the remarks that follow the asking clause moved to the context."""
    if not question:
        return question, context
    question, context = rejoined(parts, question, context)  # "How many medications, not counting stimulants, does …"
    if source_tag(question):  # "does water trigger cramps, *does the article say*": the clause before is asked
        asking = next((p for p in reversed(parts) if p[-1].i < question[0].i and asks(p)), None)
        if asking is not None:
            held = {t.i for t in asking}
            return asking, [t for t in context if t.i not in held] + question
    if _narrowing(question, mentions, cues):  # "what stretches help knee spasms, *which muscles*": one question
        asking = next((p for p in reversed(parts) if p[-1].i < question[0].i and p[0].lemma in WH_WORDS), None)
        if asking is not None:
            held = {t.i for t in asking}
            return asking + question, [t for t in context if t.i not in held]
    if guess(question) and any(m.start > question[1].i and m.start <= question[-1].i for m in mentions):  # "which groups are more prone, *is it people like footballers*": the wh-question asks
        asking = next((p for p in reversed(parts) if p[-1].i < question[0].i and p[0].lemma in ASKING), None)
        if asking is not None:
            held = {t.i for t in asking}
            return asking + question, [t for t in context if t.i not in held]
    if purpose(question):  # "what causes leg cramps, *because I want to know what to avoid*": the clause before asks
        asking = next((p for p in reversed(parts) if p[-1].i < question[0].i and p[0].lemma in WH_WORDS), None)
        if asking is not None:
            held = {t.i for t in asking}
            return asking, [t for t in context if t.i not in held] + question
    asked = {t.i for t in question}
    after = [p for p in parts if p and p[0].i in asked and p[0].i > question[0].i]
    aside: set[int] = set()
    last = _alternative(parts[-1]) if parts and parts[-1][0].i in asked else None
    # "do electrolytes matter for cramping *or is that just supplement marketing*": the reader's doubt, not a choice
    if last and (_remark(last, mentions, cues) or last[1].lemma == "be" and last[3].lemma in DISMISSING):
        aside |= {t.i for t in last}
    for clause in reversed(after):  # from the end back: a remark closes the question
        if not _remark(clause, mentions, cues) and not purpose(clause):
            break
        aside |= {t.i for t in clause}
    if not aside:
        return question, context
    return [t for t in question if t.i not in aside], context + [t for t in question if t.i in aside]


def told_after_mark(parts: list[list[Token]], question: list[Token], marked) -> set[int]:
    """The sentences after a question mark that close a clause that asks, when none of them asks on its own: "are
    athletes more prone to spasms? *asking because my dancers are athletes*", "can ALS be cured? *my uncle keeps saying
    the doctors hide things*" — the reader's remark, not what is asked: its words are no unknown words of the question
    (they neither block it nor are named as what the article does not mention), though it stays with the question
    ("what does a spasm feel like? *mine feels like ripping*" tells what the reader asks about).

    >>> from kg.qa.text import tokenize
    >>> q = tokenize("is there a cure for als ? doctors never give you a straight answer")
    >>> sorted(told_after_mark([q[:6], q[7:]], q[:6] + q[7:], {q[5].i}))
    [7, 8, 9, 10, 11, 12, 13]
    >>> q = tokenize("is it serious ? and what should i do")
    >>> told_after_mark([q[:3], q[4:]], q[:3] + q[4:], {q[2].i})
    set()
    """
    asked = {t.i for t in question}
    mine = [p for p in parts if p and p[0].i in asked]
    ends = [k for k, p in enumerate(mine) if p[-1].i in marked
            and any(t.lemma in WH_WORDS or t.surface in AUXILIARIES or t.lemma in ("be", "do", "have") for t in p[:3])]
    if not ends or ends[-1] == len(mine) - 1:
        return set()
    after = mine[ends[-1] + 1:]
    if any(asks(p) and not _subjectless(p) or p[0].lemma in JOINING or any(t.lemma in WH_WORDS for t in p) or p[-1].i in marked for p in after):
        return set()
    return {t.i for p in after for t in p}


def remark_asks_nothing(cues: list, remark: set[int]) -> list:
    """The cues less the worry words of the reader's remark after the question mark ("what can knee twitching be a
    symptom of? *worried* about my daughter"): when the question asks the things of a class along a relation of its own,
    the remark tells how the reader feels, it does not turn the question into whether it is serious. Its other words stay.

    >>> from types import SimpleNamespace as S
    >>> cues = [S(start=1, entry=S(kind="relation", intent=None)), S(start=2, entry=S(kind="class", intent=None)),
    ...         S(start=7, entry=S(kind="intent", intent="serious"))]
    >>> [c.start for c in remark_asks_nothing(cues, {7, 8})], [c.start for c in remark_asks_nothing(cues[::2], {7})]
    ([1, 2], [1, 7])
    """
    asked = [c for c in cues if c.start not in remark]
    if not remark or not any(c.entry.kind == "relation" for c in asked) or not any(c.entry.kind == "class" for c in asked) \
            or any(c.entry.intent == "serious" for c in asked):  # "is it a sign of ALS?? *freaking out* here", "what
        return cues  # might it mean? I do *worry*": whether to worry is part of what is asked
    return [c for c in cues if not (c.start in remark and c.entry.intent == "serious")]


def _alternative(clause: list[Token]) -> list[Token] | None:
    """"… *or is that just supplement marketing*", "… *or am i imagining it*": the reader's other explanation, offered
    after the question in the same clause (words from "or" and an auxiliary with a pronoun on).

    >>> from kg.qa.text import tokenize
    >>> [t.surface for t in _alternative(tokenize("does salt help or is that just a myth"))]
    ['or', 'is', 'that', 'just', 'a', 'myth']
    """
    for k in range(2, len(clause) - 3):
        if clause[k].lemma == "or" and clause[k + 1].surface in AUXILIARIES and clause[k + 2].lemma in ALTERNATIVE_SUBJECTS:
            return clause[k:]
    return None


ALTERNATIVE_SUBJECTS = frozenset("it that this i they".split())
ASKING = frozenset("what which who whats how".split())  # a wh-question, not "when dad's leg cramps, …" (a condition)


def guess(clause: list[Token]) -> bool:
    """"…, *is it people like footballers*", "…, *is it coffee*": the reader's guess at the answer after a wh-question
    (an auxiliary, a pronoun and no question word of its own; the caller wants a thing named in it, so "is it
    serious" stays a question of its own) — it checks the answer, it asks no other.

    >>> from kg.qa.text import tokenize
    >>> guess(tokenize("is it people like footballers")), guess(tokenize("is it serious")), guess(tokenize("what is it"))
    (True, True, False)
    """
    return len(clause) >= 3 and clause[0].lemma == "be" and clause[1].lemma in ALTERNATIVE_SUBJECTS - {"i"} \
        and not any(t.lemma in WH_WORDS for t in clause)
# "or is that *just* …": a doubt, not another thing asked ("or do they just sort themselves out" asks one)
DISMISSING = frozenset("just only all simply merely".split())


PURPOSE = frozenset("so because bc cos coz".split())
PURPOSE_SUBJECTS = frozenset("i we you they he she".split())


def purpose(clause: list[Token]) -> bool:
    """"…, *so I can tell patients what to expect*", "…, *because we have an exam on it*": why the reader asks (a
    clause opening on "so"/"because" and a subject of its own), told after the question — not part of what it asks,
    though it may hold a question word ("what to expect") or a thing of the article. "…, so what should I do" and "…,
    so can it be cured" ask on.

    >>> from kg.qa.text import tokenize
    >>> purpose(tokenize("so i can tell patients what to expect")), purpose(tokenize("so what should i do"))
    (True, False)
    >>> purpose(tokenize("so that we know what to say")), purpose(tokenize("because i have exams"))
    (True, True)
    """
    if len(clause) < 3 or clause[0].lemma not in PURPOSE:
        return False
    k = 2 if clause[1].lemma == "that" else 1
    return clause[k].lemma in PURPOSE_SUBJECTS


THE_SOURCE = frozenset("article it this that page text piece source they you".split())
SOURCE_FILLERS = frozenset("the this that your actually really even anything so".split())


def source_tag(clause: list[Token]) -> bool:
    """"…, *does the article say*", "… - *does it mention that*", "…, *does this actually say so*": a tag that asks
    whether the article says what the clause before asked — the question is that clause, not the article's saying.

    >>> from kg.qa.text import tokenize
    >>> source_tag(tokenize("does the article say?")), source_tag(tokenize("does it actually mention that"))
    (True, True)
    >>> source_tag(tokenize("does the article say what causes it")), source_tag(tokenize("does water help"))
    (False, False)
    """
    words = [t for t in clause if not t.is_punct]
    if len(words) < 3 or words[0].surface not in AUXILIARIES or words[-1].lemma not in REPORTING | SOURCE_FILLERS:
        return False
    rest = [t.lemma for t in words[1:]]
    said = [k for k, w in enumerate(rest) if w in REPORTING]
    return (len(said) == 1 and any(w in THE_SOURCE for w in rest[:said[0]])
            and all(w in THE_SOURCE | SOURCE_FILLERS | REPORTING for w in rest))


def _narrowing(clause: list[Token], mentions: list[Mention], cues: list[Cue]) -> bool:
    """"…, *which muscles*", "… - *what kind*": a question word and a class word alone after a question that asks —
    it says what kind of answer the question before wants, and is read with it, not as a question of its own."""
    if not 2 <= len(clause) <= 3 or clause[0].lemma not in ("which", "what"):
        return False
    span = {t.i for t in clause[1:]}
    classed = {i for c in cues if c.entry.kind == "class" for i in c.positions}  # "muscles": a class word and a name
    if any((set(m.span) & span) - classed for m in mentions):
        return False
    return any(t.i in classed for t in clause[1:]) and not any(
        set(c.positions) & span and c.entry.kind == "relation" for c in cues)


def _remark(clause: list[Token], mentions: list[Mention], cues: list[Cue]) -> bool:
    """A clause that names nothing the article knows, asks nothing and joins nothing on."""
    span = {t.i for t in clause}
    if clause[0].lemma in JOINING and clause[0].lemma != "or" or any(t.lemma in WH_WORDS for t in clause):
        return False
    if any(set(m.span) & span for m in mentions):
        return False
    return not any(set(c.positions) & span and not (c.entry.intent in QUIET_INTENTS) for c in cues)



def _subjectless(clause: list[Token]) -> bool:
    """"*dont want* to bother the doctor", "*cant be* bothered": a negative auxiliary with no subject after it is the
    reader's "I don't …", told; "*doesnt it* go away", "*don't the spasms* stop" ask.

    >>> from kg.qa.text import tokenize
    >>> _subjectless(tokenize("dont want to bother anyone")), _subjectless(tokenize("doesnt it go away"))
    (True, False)
    """
    return (len(clause) > 1 and clause[0].surface.endswith(("nt", "n't"))
            and clause[1].lemma not in SUBJECTS | PRONOUNS | DETERMINERS)


def told_sentence(phrase: list[Token]) -> bool:
    """"*With two babies I have* zero time to waste. do these …": a phrase opening like a fronted one ("with", "for")
    that has a subject of its own is a sentence the reader tells, not what the question is about.

    >>> from kg.qa.text import tokenize
    >>> told_sentence(tokenize("with two babies i have no time")), told_sentence(tokenize("for autoimmune disorders"))
    (True, False)
    """
    return any(t.lemma in TELLING_SUBJECTS for t in phrase[1:])


TELLING_SUBJECTS = frozenset("i we he she they".split())


def named_then_asked(last: list, question: list, context: list, mentions) -> bool:
    """"ALS - can knee twitching be an early sign", "diuretics - do they cause cramps": a name alone before a dash, then
    the question, is what the question is about (asked, not told) — a heading the reader typed, not a story."""
    return (len(last) == len(context) and bool(question) and question[0].dash
            and any(m.start <= last[0].i and m.end > last[-1].i for m in mentions))


PAIRING = frozenset("vs versus v or and".split())


def paired_then_asked(last: list, question: list, context: list, mentions) -> bool:
    """"Magnesium vs calcium, which matters more for cramps", "heat or ice - which is better": two names set against
    each other alone before a which-question are the things it weighs — asked, not told."""
    if len(last) != len(context) or not question or question[0].lemma not in ("which", "what"):
        return False
    covered = {k for m in mentions for k in range(m.start, m.end)}
    pairing = [t for t in last if t.i not in covered]
    names = {(m.start, m.end) for m in mentions if last[0].i <= m.start and m.end <= last[-1].i + 1}
    return len(names) >= 2 and bool(pairing) and all(t.lemma in PAIRING | DETERMINERS for t in pairing)


__all__ = ["named_then_asked", "paired_then_asked", "told_after_mark", "told_sentence", "trailing"]
