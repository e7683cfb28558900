"""What a question asks about, when the article never names it, though it names a word of the article beside it.

A reader with another problem uses the words they have, and some are the article's: "which *herbal tea or essential
oil* works best on knee cramps", "what's best to eat to settle my stomach after *norovirus*", "the right way to give
*rescue breaths* to someone who cramped up", "my calf is swollen and the knee twitching, is this a *blood clot / DVT*".
Answering from the article's word (its list of remedies, of nutrients, of causes, a "yes" for the blood test) answers
another question. Four places say what is asked, whatever its words:

- the kind asked for, right after "which/what" (``asked_for``): unknown words, or an everyday word the article knows
  only loosely qualified by one ("*herbal* tea");
- what a yes/no says the reader's thing *is* ("is this a *blood clot*", "could it be *DVT*"): the predicate's head;
- a question whose only links to the article are loose (a related word: "burn" for the burning sensation, "eat" for
  nutrition) or told inside a relative clause ("to someone *who cramped up*"), beside words the article never uses;
- a story that names no thing of the article but a sign ("my toes go numb and white … what is that").

The answer names what the article does not mention and answers nothing (kg.qa.ask declines it).
"""

from __future__ import annotations

from dataclasses import replace

from kg.qa.wordforms import all_lemmas

from kg.namespaces import KGO
from kg.qa.analysis import Analysis
from kg.qa.answer import executor
from kg.qa.closest import quote_index
from kg.qa.lexicon import lexicon
from kg.qa import reference
from kg.qa.run import broader
from kg.qa.text import PRONOUNS, STOPWORDS, Token
from kg.qa.words import join
from kg.store.memo import per_store

LOOSE = ("lay", "search")
_JOINS = frozenset("or and".split())
_KIND_OF = frozenset("kind sort type brand".split())  # "what kind of X": the X is asked for
_ARTICLES = frozenset("a an the some".split())
_HEDGES = frozenset("just only maybe perhaps probably possibly actually really".split())
_RELATIVE = frozenset({"who"})
SIGNS = (KGO + "SignOrSymptom",)


def blocks(an: Analysis, store, raw: str) -> list[str]:
    """What the question asks about that the article never names (empty: nothing found). A word of the article's own
    text (a lemma of its quotes: "is it the *hormones*") is never one."""
    words = quote_index(store).vocabulary
    if reference.asked(an, lexicon(store)):
        return []  # "which ICD code …": a record the article never gives, declined as such (kg.qa.reference)
    known = _without(an, {t.surface for t in an.tokens if t.lemma in words}) if an.unknown else an
    return (asked_for(an, raw, words) or named_as(an, raw, words) or weakly_named(known)
            or told_elsewhere(known, store))


def _without(an: Analysis, known: set[str]) -> Analysis:
    return replace(an, unknown=[w for w in an.unknown if w not in known])


def _unknown(an: Analysis, t: Token) -> bool:
    return t.surface in an.unknown


@per_store
def _near_topic(store) -> frozenset[str]:
    """The article's topic, what it is a form of and its forms (knee twitching, muscle twitching): once per store."""
    ex = executor(store)
    return frozenset(x for t in ex.topic for x in [t] + broader(ex, t, "formOf") + broader(ex, t, "formOf", down=True))


def _phrase(raw: str, words: list[Token]) -> str:
    return raw[words[0].start:words[-1].end] if raw else " ".join(t.surface for t in words)


def asked_for(an: Analysis, raw: str = "", article_words=frozenset()) -> list[str]:
    """"Which *herbal tea or essential oil* works best", "what *brand* of magnesium": the things asked for, right after
    the question word, each a phrase of words the article never uses (or an everyday word it knows only loosely, with
    one) that ends on such a word — the article names no such thing, so it lists none."""
    q = [t for t in an.question if not t.is_punct]
    at = next((k for k, t in enumerate(q[:3]) if t.lemma in ("which", "what")), None)
    if at is None or an.yes_no:
        return []
    loose = {i for m in an.mentions if m.kind in LOOSE for i in m.span}
    kinds = {c.positions[0] for c in an.class_cues if len(c.positions) == 1}  # "homeopathic *pills*": a kind, qualified
    phrases: list[list[Token]] = [[]]
    for t in q[at + 1:]:
        if t.lemma in _JOINS and phrases[-1]:
            phrases.append([])
        elif (_unknown(an, t) or t.i in loose) and not (phrases[-1] and _verb_after(phrases[-1][-1], t)):
            phrases[-1].append(t)
        elif t.i in kinds and phrases[-1] and all(_unknown(an, w) and not w.surface.endswith("ing") and not set(w.lemma.split("-"))
                                                  & set(article_words) for w in phrases[-1]):  # not "immune-suppressing"
            phrases[-1].append(t)
            loose.add(t.i)
        else:
            break
    phrases = [p for p in phrases if p]
    if not phrases or not all(_unknown(an, p[-1]) and _noun(p[-1].surface) and p[-1].lemma not in article_words
                              or p[-1].i in loose for p in phrases):
        return []
    if not any(len(p) > 1 or p[0].i in loose for p in phrases):
        return []  # "which *agent* turns up on both sides": one plain word asks through what follows
    if not all(any(_unknown(an, t) for t in p) for p in phrases):
        return []  # "which foods": an everyday word alone is asked through what it leads to
    return [_phrase(raw, p) for p in phrases]


def _noun(word: str) -> bool:
    """A word that can head a name: not only a word that says how (an adjective, an adverb), nor an "-ing/-ed" form
    (lemminflect's parts of speech; a word no dictionary holds is a name: "norovirus", "DVT").

    >>> _noun("oil"), _noun("relaxing"), _noun("dvt"), _noun("gently"), _noun("expected")
    (True, False, True, False, False)
    """
    kinds = all_lemmas(word)
    participle = word.endswith(("ing", "ed")) and ("VERB" in kinds or not kinds)  # "is a cramp *expected* to …"
    return not participle and not (kinds and kinds.keys() <= {"ADJ", "ADV"})


def _verb_after(p: Token, t: Token) -> bool:
    """Whether ``t`` is the verb of the phrase ending on ``p``: "essential oil *works*", "essential oils *work*".

    >>> from kg.qa.text import tokenize
    >>> a, b, c = tokenize("oil works oils")
    >>> _verb_after(a, b), _verb_after(c, tokenize("work")[0]), _verb_after(a, tokenize("balm")[0])
    (True, True, False)
    """
    verbs = all_lemmas(t.surface).get("VERB", ())
    if not verbs:
        return False
    plural = p.surface.endswith("s") and not p.surface.endswith("ss")
    return (not plural and t.surface.endswith("s") and t.surface not in verbs) or (plural and t.surface in verbs)


def named_as(an: Analysis, raw: str = "", article_words=frozenset()) -> list[str]:
    """"Is this a *blood clot / DVT*", "could it be *gout*", "how do I know if my cramps are *a heart attack*", "what
    should I do for *a nosebleed* after a cramp": what the reader's thing is said to be, or what the question is for,
    named by words the article never uses — the head of the phrase after "be" (opening the yes/no, or "be a/an"
    anywhere) or after "for/against + a/an", unknown."""
    q = [t for t in an.question if not t.is_punct]
    starts = []
    if an.yes_no and len(q) >= 3:
        if q[0].lemma in ("can", "could", "might", "may", "would") and q[1].lemma in PRONOUNS and len(q) > 3 \
                and q[2].lemma == "be":
            starts.append(3)  # "could it be …"
        elif q[0].lemma == "be" and q[1].lemma in PRONOUNS:
            starts.append(2)  # "is this …"
    starts += [k + 1 for k in range(1, len(q) - 1) if q[k].lemma == "be" and q[k + 1].lemma in ("a", "an")]
    starts += [k + 2 for k in range(len(q) - 2) if q[k].lemma in _FOR and q[k + 1].lemma in _OWN_OR_ONE]
    for k in starts:
        while k < len(q) and (q[k].lemma in _HEDGES or q[k].lemma in _ARTICLES):
            k += 1
        words = []
        for t in q[k:]:
            if t.lemma in STOPWORDS and t.lemma not in _JOINS or not _unknown(an, t) and words:
                break
            words.append(t)
        while words and words[-1].lemma in _JOINS:
            words.pop()
        after = q[q.index(words[-1]) + 1] if words and words[-1] is not q[-1] else None
        if not words or not _unknown(an, words[-1]) or not _noun(words[-1].surface) \
                or set(words[-1].lemma.split("-")) & set(article_words):  # not "a *go-to-the-doctor* thing"
            continue
        if after is not None and after.lemma in _WHOSE:
            continue  # "for a teenager *with* cramps": who it is for, not what
        return [_phrase(raw, words)]
    return []


_FOR = frozenset("for against".split())
_OWN_OR_ONE = frozenset("a an".split())  # "for *my* quiz": why the reader asks, not what
_WHOSE = frozenset("with who that whose".split())


def weakly_named(an: Analysis) -> list[str]:
    """"What's the best thing to put on a *burn* from a hot pan", "what's best to *eat* to settle my stomach after
    norovirus", "the right way to give rescue breaths to someone *who cramped up*": the question reaches the article
    only through related words (not synonyms) or a relative clause about a person, and its other words are ones the
    article never uses — those are what it asks about."""
    if not an.unknown or not an.anchors or an.yes_no or an.context_mentions:
        return []
    relative = next((t.i for t in an.question[2:] if t.lemma in _RELATIVE), None)
    ends = min((t.i for t in an.tokens if relative is not None and t.i > relative and (t.is_punct or t.dash)), default=1e9)
    if not all(m.kind == "search" and m.end - m.start == 1 or relative is not None and relative < m.start < ends
               for m in an.anchors):
        return []  # a phrase the article relates ("working in heat *without drinking*") is no loose word
    return list(an.unknown)


def told_elsewhere(an: Analysis, store) -> list[str]:
    """"My toes go numb and white after a cold shift on the bike. what is that": a question about the reader's story
    (it ends referring back) when all the story and the question name of the article is a sign, among words the article never
    uses — another condition the article does not describe; those words are what it does not mention. Not the article's
    own condition, though it is a sign too ("my knee keeps jumping when I sit in my chair, what causes that")."""
    if not any(t.lemma in PRONOUNS for t in an.question[-4:]):
        return []
    named = an.mentions + an.anchors + an.context_mentions
    index, near = executor(store).index, _near_topic(store)
    if not named or not all(any(index.is_a(m.iri, k) for k in SIGNS) for m in named) \
            or any(m.iri in near for m in named + an.candidates):
        return []
    covered = {i for m in an.mentions for i in m.span} | {i for c in an.cues for i in c.positions}
    told = [t.surface for t in an.context if t.i not in covered and not t.is_punct and t.lemma not in STOPWORDS
            and len(t.surface) > 2 and t.surface.isalpha()]  # the story, when it is still told apart
    unknown = [w for w in dict.fromkeys(list(an.unknown) + told) if _noun(w)]
    return unknown if len(unknown) >= 2 else []


def not_mentioned(words: list[str], an: Analysis, store) -> str:
    """"The article does not mention X" — never of a word its text uses ("can hormones be behind spasms": it names
    hormones among what an underlying condition may affect, though as no thing of its own): of those, that it does not
    say, with its closest statements shown beside."""
    vocabulary = quote_index(store).vocabulary
    lemmas = {t.surface: t.lemma for t in an.tokens}
    used = [w for w in words if lemmas.get(w, w) in vocabulary or w in vocabulary]
    unused = [w for w in words if w not in used]
    said = f"The article does not mention {join(unused)}." if unused else ""
    if used:
        said += (" " if said else "") + (f"The article uses the word{'s' if len(used) > 1 else ''} {join(used)} but "
                                         "does not say this; its closest statements are below.")
    return said


__all__ = ["blocks", "not_mentioned", "asked_for", "named_as", "weakly_named", "told_elsewhere"]
