"""A question that only asks whether a told claim is right asks the claim.

"My wife reckons every knee spasm needs a doctor. Is she right, according to this?", "my coach says stretching stops
cramps - is he correct?", "a friend told me ALS can't be cured, true?": the question's own words name nothing, and
read alone they are answered from nothing ("the article does not say"). What is asked is the claim after the
reporting verb, and the article may state it or its negation: the claim is asked as "is it true that …" (so a "no"
comes only from what the article says no to, as for any question), and the answer shows the reader's question.

The same holds for a claim told and then echoed by a short tag ("a family asked me whether twitching can be an early
sign of ALS. *can it?*", "his daughter asked if there is a cure. *is there?*", "caffeine causes spasms, *right?*") and
for a claim put under a verdict frame ("*true or false:* pregnant women are more prone to spasms", "*fact check:* ALS
is progressive, yes?"): the tag and the frame ask nothing of their own, the claim is what is asked. What the reader
told before the claim ("one of our patients has ALS") stays before it, as context.
"""

from __future__ import annotations

from kg.qa.text import AUXILIARIES, Token, asks, clauses, tokenize

# who or what claims, the verdict asked, and the words that point at the article: nothing else may stand in the
# question that only asks whether the claim is right
VERDICT = frozenset("right correct true wrong accurate agree".split())
AROUND = frozenset("be do is are am was does did she he they it that this i we you so then according to the "
                   "article page text say says what just".split())
CLAIMING = frozenset("reckon reckons think thinks say says swear swears claim claims believe believes insist insists "
                     "tell told said thought claimed heard read".split())
SKIP = frozenset("that me us him her them".split())  # "told *me that* …"
# an echo tag: an auxiliary and a pronoun ("can it", "is there", "doesn't it"), or a verdict word alone ("yes", "right")
ECHOED = frozenset("it that this they there so he she".split())
TAGS = VERDICT | frozenset("yes yeah yep really ok okay eh huh no or not y n".split())
EMBEDDING = frozenset("whether if".split())  # "asked me *whether* …": the claim is the embedded question
# a frame before a colon that asks for a verdict on what follows: "true or false", "fact check", "myth or fact"
FRAME = frozenset("true false or fact check myth quiz question for a an the my quick".split())
FRAME_CUES = frozenset("true false fact myth".split())
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
    echoed = _echoed(raw, parts)
    if echoed is not None:
        return echoed
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


def _echo_tag(clause) -> bool:
    """"can it", "is there", "doesn't it", "yes", "right", "true or not": a clause that only echoes the one before.

    >>> [_echo_tag(tokenize(q)) for q in ("can it", "is there", "isn't it", "yes", "is it serious", "can i")]
    [True, True, True, True, False, False]
    """
    words = [t for t in clause if not t.is_punct]
    if not words or len(words) > 3:
        return False
    if all(t.lemma in TAGS or t.surface in TAGS for t in words):
        return True
    return (len(words) == 2 and (words[0].surface in AUXILIARIES or words[0].lemma in ("be", "do", "have"))
            and words[1].surface in ECHOED)


def _framed(clause) -> bool:
    """"true or false", "fact check for a quiz", "myth or fact": a frame that asks for a verdict on what follows.

    >>> [_framed(tokenize(q)) for q in ("true or false for a quiz", "fact check", "quiz question", "what causes it")]
    [True, True, False, False]
    """
    words = [t for t in clause if not t.is_punct]
    return bool(words) and all(t.surface in FRAME for t in words) and any(t.surface in FRAME_CUES for t in words)


def _echoed(raw: str, parts) -> str | None:
    """The question for a claim echoed by a tag after it or framed by a verdict before it, with what the reader told
    before the claim kept before it; None when neither.

    >>> _echoed("a family asked me whether twitching can be a sign of ALS. can it?", clauses(tokenize(
    ...     "a family asked me whether twitching can be a sign of ALS. can it?")))
    'is it true that twitching can be a sign of ALS'
    >>> q = "one patient has ALS. his daughter asked me if there is a cure. is there?"
    >>> _echoed(q, clauses(tokenize(q)))
    'one patient has ALS. is it true that there is a cure'
    >>> q = "true or false: older adults get more cramps"
    >>> _echoed(q, clauses(tokenize(q)))
    'is it true that older adults get more cramps'
    >>> q = "my knee twitches. is it serious?"
    >>> _echoed(q, clauses(tokenize(q))) is None
    True
    """
    parts = list(parts)
    tagged = len(parts) >= 2 and _echo_tag(parts[-1])
    if tagged:
        parts = parts[:-1]
    framed = len(parts) == 2 and _framed(parts[0])  # the frame and the claim, nothing asked after it
    if framed:
        parts = parts[1:]
    if not (tagged or framed) or not parts:
        return None
    told = parts[-1]
    at = next((n for n in range(len(told) - 1, -1, -1) if told[n].surface in EMBEDDING), None)
    words = told[at + 1:] if at is not None and at > 0 else told
    if at is None and not framed:
        said = next((n for n, t in enumerate(told) if t.surface in CLAIMING or t.lemma in CLAIMING), None)
        if said is not None:  # "my physio says dehydration causes cramps, right?"
            words = told[said + 1:]
            while words and words[0].surface in SKIP:
                words = words[1:]
    if len(words) < 3 or (asks(words) and not framed) or any(t.lemma in NEGATING or t.surface.endswith("n't") for t in words):
        return None  # "is it serious, yes?": a question already; a negated claim reads backwards
    before = raw[:parts[-1][0].start].rstrip(" ,;:-") if len(parts) > 1 and not framed else ""
    return (before + (". " if before and not before.endswith((".", "?", "!")) else " " if before else "")
            + "is it true that " + raw[words[0].start:words[-1].end])


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
