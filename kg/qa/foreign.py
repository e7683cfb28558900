"""Requests and how-tos about other things, that reach the article by one incidental word.

"Write the balanced equation for magnesium reacting with hydrochloric acid", "when's the best time to sow broad beans",
"best way to land a kickflip without wrecking my knees", "could you draft a cover letter for a physio job": the reader
asks us to do something, or how best to do something, and the thing to do and what it is done to are words the article
never uses. One word of the article among them (magnesium, time, knees) is where the words meet by chance, not what is
asked; answering "what the article says about magnesium", or a "yes" linking knees to whatever "wrecking" is nearest,
answers another question. Such a question is declined as not covered, naming the words the article does not mention.

Two shapes say the question is a request or a how-to, whatever its words:

- it opens on a verb, bare or after "please" / "can you", "could you" ("*write* …", "can you *recommend* …");
- "the best/right/safest way/time/age to VERB …", where that verb is a word the article never uses (or only loosely);
- "the best/right NOUN NOUN", two words the article never uses ("the right *saddle height*").

The question is declined when, besides, it asks no relation the article knows, names at most one thing of the article
plainly, and at least three of its words are unknown or only loosely linked (two of them unknown outright).

Whatever its shape, a question read only as "what the article says about" its one thing, whose own words are two or
more the article never uses, asks about those words (``about_unknown``): "how much does a physiotherapist earn in
the UK" is declined as well, naming them.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.querygraph import Reading
from kg.qa.text import DETERMINERS, PRONOUNS, Token
from kg.qa.wordforms import all_lemmas

LOOSE = ("search",)  # a related word, not a synonym: "wrecking" for muscle fatigue
_PLAIN_INTENTS = frozenset({"filler", "ranking", "personal", "definition", "other-subject"})  # "what's the best way": no intent of its own
_POLITE = frozenset("please pls kindly just".split())
_ASKING = frozenset("can could would will".split())
_YOU = frozenset({"you", "u"})
_HOW = frozenset("way time age method place season month day thing".split())  # "the best *time* to sow …"
_BEST = frozenset("best good right safe proper easy quick fast correct ideal".split())  # lemmas: "safest" is safe
_TAKEN = DETERMINERS | PRONOUNS | frozenset("me us our some any how what why which".split())
_NOT_VERBS = frozenset("what which who whom whose when where why how is are was were do does did be has have had "
                       "should shall must may might can could would will".split())


def declined(an: Analysis) -> list[str]:
    """The words of a request or a how-to the article never uses, when they are what it asks (empty: not one)."""
    if an.relation_cues or an.context_mentions or not an.intents <= _PLAIN_INTENTS:
        return []
    words = [t for t in an.question if not t.is_punct]
    shape = _how_to(an, words)  # the words "best time to": "time" is no treatment there
    if not (_requested(words) or shape):
        return []
    loose = {i for m in an.anchors if m.kind in LOOSE for i in m.span}
    plain = {(m.start, m.end) for m in an.anchors if m.kind not in LOOSE and not set(m.span) <= shape}
    unknown = [t.surface for t in words if t.surface in an.unknown]
    others = {i for c in an.cues if c.entry.intent == "other-subject" for i in c.positions}  # "teach a *puppy* to sit"
    off = set(unknown) | {an.tokens[i].surface for i in loose | others}
    if len(plain) > 1 or len(set(unknown)) < 2 or len(off) < 3:
        return []
    return list(dict.fromkeys(unknown))


def about_unknown(an: Analysis, chosen: Reading) -> list[str]:
    """"How much does a physiotherapist *earn* in the *UK*", "how many *calories* are in a *banana* for potassium": read only as "what the article says about" its one thing, while the question's
    own words are ones the article never uses — it asks about those, not the thing; the words (empty: not so).

    Not when the question asks what the article says ("what does the article say regarding …"), what a name means
    ("what does ALS stand for", "what it means in simple words"), or names more than one thing of the article; words
    before a dash frame the question ("quiz round on medical acronyms - what does ALS stand for")."""
    if chosen.kind != "about" or an.yes_no or an.relation_cues or an.context_mentions:
        return []
    if any(t.lemma in _META for t in an.question) or len({(m.start, m.end) for m in an.anchors if m.kind not in LOOSE}) > 1:
        return []
    dash = max((t.i for t in an.question if t.dash), default=-1)
    unknown = [t.surface for t in an.question if t.surface in an.unknown and t.i >= dash]
    return list(dict.fromkeys(unknown)) if len(set(unknown)) >= 2 else []


_META = frozenset("article say says said mention mean means meaning stand define definition explain simple plain word "
                  "term english regarding".split())


def _verb(t: Token) -> bool:
    return t.lemma not in _NOT_VERBS and t.surface.isalpha() and "VERB" in all_lemmas(t.surface)


def _requested(words: list[Token]) -> bool:
    """"Write …", "please explain …", "can you recommend …": the question opens on a verb, bare or politely asked.

    >>> from kg.qa.text import tokenize
    >>> _requested(tokenize("write the equation")), _requested(tokenize("can you draft a letter"))
    (True, True)
    >>> _requested(tokenize("what causes cramps")), _requested(tokenize("can dehydration cause cramps"))
    (False, False)
    """
    k = 0
    while k < len(words) and words[k].lemma in _POLITE:
        k += 1
    if k + 1 < len(words) and words[k].lemma in _ASKING and words[k + 1].lemma in _YOU:
        k += 2
        while k < len(words) and words[k].lemma in _POLITE:
            k += 1
    if k + 1 >= len(words) or not _verb(words[k]) or words[k].surface != words[k].lemma:  # the bare form: not "cramps"
        return False
    return words[k + 1].lemma in _TAKEN  # a verb takes what follows: "write *the* …", not "quiz round on …"


def _how_to(an: Analysis, words: list[Token]) -> set[int]:
    """"The best time to *sow* …", "right way to *land* …", "the right age to start *a toddler* on …": the verb after
    "best way/time to" is not the article's, or is no word of it at all and what it is done to is unknown: the positions
    of "best way/time to" (empty: no such how-to)."""
    loose = {i for m in an.anchors if m.kind in LOOSE for i in m.span}
    covered = {i for m in an.mentions for i in m.span} | {i for c in an.cues if c.entry.intent != "filler"
                                                          for i in c.positions}  # "to *start* a toddler": no word of it
    for k in range(len(words) - 3):
        if words[k].lemma in _BEST and words[k + 1].lemma in _HOW and words[k + 2].lemma == "to":
            verb, rest = words[k + 3], [t for t in words[k + 4:] if t.lemma not in DETERMINERS]
            if verb.surface in an.unknown or verb.i in loose or (
                    verb.i not in covered and bool(rest) and rest[0].surface in an.unknown):
                return {t.i for t in words[k:k + 3]}
            return set()
        if words[k].lemma in _BEST and k + 2 < len(words) and all(t.surface in an.unknown for t in words[k + 1:k + 3]):
            return {words[k].i}  # "the right *saddle height*", "the best *grip tape*": a thing to get right, not the article's
    return set()


__all__ = ["declined", "about_unknown"]
