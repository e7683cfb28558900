"""A question that only asks whether a told claim is right asks the claim.

"My wife reckons every knee spasm needs a doctor. Is she right, according to this?", "my coach says stretching stops
cramps - is he correct?", "a friend told me ALS can't be cured, true?": the question's own words name nothing, and
read alone they are answered from nothing ("the article does not say"). What is asked is the claim after the
reporting verb, and the article may state it or its negation: the claim is asked as "is it true that …" (so a "no"
comes only from what the article says no to, as for any question), and the answer shows the reader's question.
"""

from __future__ import annotations

from kg.qa.text import Token, clauses, tokenize

# who or what claims, the verdict asked, and the words that point at the article: nothing else may stand in the
# question that only asks whether the claim is right
VERDICT = frozenset("right correct true wrong accurate agree".split())
AROUND = frozenset("be do is are am was does did she he they it that this i we you so then according to the "
                   "article page text say says what just".split())
CLAIMING = frozenset("reckon reckons think thinks say says swear swears claim claims believe believes insist insists "
                     "tell told said thought claimed heard read".split())
SKIP = frozenset("that me us him her them".split())  # "told *me that* …"
NEGATING = frozenset("not no never nothing cannot".split())


def claim(raw: str) -> str | None:
    """The question to ask for a verdict on a told claim, or None.

    >>> claim("My wife reckons every knee spasm needs a doctor. Is she right, according to this?")
    'is it true that every knee spasm needs a doctor'
    >>> claim("my coach told me that stretching stops cramps - is he correct?")
    'is it true that stretching stops cramps'
    >>> claim("does stretching stop cramps?") is None, claim("my wife says hi. what causes cramps?") is None
    (True, True)
    >>> claim("a friend told me ALS can't be cured, true?") is None
    True
    """
    tokens = tokenize(raw)
    parts = clauses(tokens)
    if len(parts) < 2:
        return None
    k = len(parts)
    while k > 1 and all(t.lemma in AROUND or t.surface in AROUND or t.lemma in VERDICT for t in parts[k - 1]):
        k -= 1
    asked = [t for p in parts[k:] for t in p]
    if k == len(parts) or not any(t.lemma in VERDICT or t.surface in VERDICT for t in asked):
        return None
    told = parts[k - 1]
    at = next((n for n, t in enumerate(told) if t.surface in CLAIMING or t.lemma in CLAIMING), None)
    if at is None:
        return None
    words = told[at + 1:]
    while words and words[0].surface in SKIP:
        words = words[1:]
    if len(words) < 2 or any(t.lemma in NEGATING or t.surface.endswith("n't") for t in words):
        return None  # "… told me ALS can't be cured, true?": a yes or no to a negated claim reads backwards
    return "is it true that " + raw[words[0].start:words[-1].end]


def reread(raw: str, ask_one):
    """The answer to the told claim (``ask_one`` asks one question), shown for the reader's own question; None when
    there is no claim, or when the claim's thing is one the article never mentions — the question is then answered as
    asked, which names that thing as the told claim's (kg.qa.unmentioned)."""
    asked = claim(raw)
    if asked is None:
        return None
    answer = ask_one(asked)
    if answer.declined == "unknown":
        return None
    answer.question = raw
    return answer


__all__ = ["claim", "reread"]
