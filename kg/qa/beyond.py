"""Requests a health article never answers whatever it names: a plan made for the reader, a question of law, a body-weight
goal, a service (translating, writing an email) or the value a measurement of the reader's should have.

"Can you write me a 4-week stretching programme for clients who get knee cramps" names stretching and cramps, and
"what the article says of stretching" answers another question: the article gives no programmes, and says a
healthcare professional develops a treatment plan. "Is it even legal for my manager to refuse breaks" and "will my
insurance cover physio" are questions of law and contracts; "how do I drop 5kg safely before my show" or "safest way
to cut water weight before weigh-ins" ask how to change one's body weight, which the article never discusses. Four
word sets of the lexicon say which (``kgl:plan-request``, ``kgl:plan``, ``kgl:law``, ``kgl:weight-change`` with
``kgl:body-mass``); a word the article's own text uses is never a sign of one.

Three shapes, each asked in the question (a story's plan or lawsuit is only a story):

- a verb of making addressed to the system ("can you *write* me", "*make* me", "please *design*") whose object,
  within its clause, is a plan word ("programme", "schedule", "meal plan");
- a word of law or insurance ("legal", "sue", "insurance", "entitled");
- a verb of changing weight with a body-mass amount or "weight" after it ("drop *5kg*", "lose 2 *stone*", "cut
  water *weight*") — an amount glued to its unit ("5kg") is read as its unit;
- a service addressed to the system (``kgl:service``: "please *translate* …", "can you *email* …"), something to be
  written for the reader (a verb of making with ``kgl:composition`` after it: "write me a *poem*"), or a language to
  put words into ("… into *Portuguese*", "how do you say it in *Spanish*": ``kgl:language`` after "in/into");
- a target value of a measurement (kg.qa.targets): the article gives no levels, ranges or readings.
"""

from __future__ import annotations

import re

from kg.qa.analysis import Analysis
from kg.qa import targets
from kg.qa.lexicon import Lexicon

ADDRESSED = frozenset("you u ya".split())  # "can *you* write me"
FOR_THE_READER = frozenset("me us".split())  # "write *me* a plan", "a plan *for me*"; not "for my twitching"
CLAUSE_END = frozenset(".?!;,".split()) | {"and", "but", "so", "because", "if", "when", "to"}
REACH = 6  # words from a verb of making to its plan word, or from a verb of weight to its amount
_GLUED = re.compile(r"^\d+(?:[.,]\d+)?-?([a-z]+)$")


def unit(lemma: str) -> str:
    """The unit of an amount typed glued to its number ("5kg" → "kg", "2.5-stone" → "stone"), else the word itself.

    >>> unit("5kg"), unit("2.5lbs"), unit("10-stone"), unit("weight"), unit("4")
    ('kg', 'lbs', 'stone', 'weight', '4')
    """
    m = _GLUED.match(lemma)
    return m.group(1) if m else lemma


def _lemmas(an: Analysis) -> list[str]:
    return [unit(t.lemma) for t in an.tokens]


def _clause(an: Analysis, at: int, words: int = REACH) -> range:
    """Positions after ``at`` up to the end of its clause, at most ``words`` of them."""
    end = at + 1
    while end < len(an.tokens) and end <= at + words and an.tokens[end].lemma not in CLAUSE_END:
        end += 1
    return range(at + 1, end)


def _found(lex: Lexicon, name: str, lemmas: list[str], positions, article_words) -> list[tuple[int, int]]:
    out = []
    for k in positions:
        n = lex.in_set(name, lemmas, k)
        if n and not (n == 1 and lemmas[k] in article_words):
            out.append((k, n))
    return out


def plan(an: Analysis, lex: Lexicon, article_words=frozenset()) -> str:
    """The plan the reader asks the system to make ("4-week stretching programme"), or ""."""
    lemmas = _lemmas(an)
    for k, n in _found(lex, "plan-request", lemmas, sorted(an.q_positions), frozenset()):
        before = {t.lemma for t in an.tokens[max(0, k - 3):k]}
        opens = k == 0 or an.tokens[k - 1].is_punct or an.tokens[k - 1].lemma in ("please", "pls", "plz")
        after = _clause(an, k + n - 1, REACH + 2)
        if not (before & ADDRESSED or opens or {lemmas[j] for j in after} & FOR_THE_READER):
            continue  # "what does the doctor *create*": another's doing, told
        for j, m in _found(lex, "plan", lemmas, after, frozenset()):  # "plan" is the article's word too
            first = next((i for i in after if an.tokens[i].lemma not in FOR_THE_READER | {"a", "an", "the", "some"}), j)
            end = j + m
            while end < len(lemmas) and lex.in_set("plan", lemmas, end):  # "a warm-up *routine*": the whole name
                end += lex.in_set("plan", lemmas, end)
            return " ".join(t.surface for t in an.tokens[first:end])
    return ""


def law(an: Analysis, lex: Lexicon, article_words=frozenset()) -> str:
    """The word of law, employment rights or insurance the question asks about ("legal", "insurance"), or ""."""
    found = _found(lex, "law", _lemmas(an), sorted(an.q_positions), article_words)
    return " ".join(t.surface for t in an.tokens[found[0][0]:sum(found[0])]) if found else ""


def weight_goal(an: Analysis, lex: Lexicon, article_words=frozenset()) -> str:
    """The change of body weight asked how to make ("drop 5kg", "cut water weight"), or ""."""
    lemmas = _lemmas(an)
    for k, n in _found(lex, "weight-change", lemmas, sorted(an.q_positions), frozenset()):
        for j, m in _found(lex, "body-mass", lemmas, _clause(an, k + n - 1), frozenset()):
            return " ".join(t.surface for t in an.tokens[k:j + m])
    return ""


def service(an: Analysis, lex: Lexicon, article_words=frozenset()) -> str:
    """The service the question asks of the system rather than of the article ("translate 'muscle spasm'", "write
    me an email", "… into Portuguese"), or ""."""
    lemmas = _lemmas(an)
    for k, n in _found(lex, "service", lemmas, sorted(an.q_positions), frozenset()) + [
            (k, n) for k, n in _found(lex, "plan-request", lemmas, sorted(an.q_positions), frozenset())
            if any(lex.in_set("composition", lemmas, j) for j in _clause(an, k + n - 1))]:
        if _addressed(an, k):
            return " ".join(t.surface for t in an.tokens[k:_clause(an, k + n - 1).stop])
    for k in sorted(an.q_positions):
        if lemmas[k] in ("in", "into") and k + 1 < len(lemmas) and lex.in_set("language", lemmas, k + 1):
            return " ".join(t.surface for t in an.tokens[k:k + 1 + lex.in_set("language", lemmas, k + 1)])
    return ""


def _addressed(an: Analysis, k: int) -> bool:
    """A verb said to the system: after "you" ("can *you* translate"), opening the question or after "please"."""
    before = {t.lemma for t in an.tokens[max(0, k - 3):k]}
    return bool(before & ADDRESSED) or k == 0 or an.tokens[k - 1].is_punct or an.tokens[k - 1].lemma in ("please", "pls", "plz")


def declined(an: Analysis, lex: Lexicon, article_words=frozenset()) -> str:
    """Why the question is declined as a plan, a question of law, a weight goal, a service or a measurement's target,
    or ""."""
    asked = service(an, lex, article_words)
    if asked:
        return (f"The article does not say: “{asked}” asks for a service (translating, writing), not a question the "
                "article answers. It gives information about muscle spasms of the knee, their causes, treatment and "
                "prevention.")
    value = targets.asked(an, lex)
    if value:
        return (f"The article does not say: it gives no target, normal or safe values for any measurement (“{value}”). "
                "What a reading should be for you is for a doctor who knows your results.")
    made = plan(an, lex, article_words)
    if made:
        return (f"The article does not make plans such as a {made}: it gives general information about muscle spasms "
                "of the knee, and says a healthcare professional can develop an individualized treatment plan.")
    legal = law(an, lex, article_words)
    if legal:
        return (f"The article does not cover questions of law, employment or insurance (“{legal}”): it is about muscle "
                "spasms of the knee, their causes, treatment and prevention.")
    goal = weight_goal(an, lex, article_words)
    if goal:
        return (f"The article does not say how to change body weight (“{goal}”): it is about muscle spasms of the knee. "
                "Ask a doctor or dietitian about losing or making weight safely.")
    return ""


__all__ = ["declined", "law", "plan", "service", "unit", "weight_goal"]
