"""Unknown words that do not decide an elliptic question asked after a story.

A reader tells their story and then asks with no thing of the article named again: "my knee twitching is something
serious. what signs mean I ought to *ring* the doctor", "got a charley horse in the 2nd half, what should I do right
there on the *pitch*". The question is about the story's thing, and the unknown word is how the reader asks (a verb
that takes a known word: "*ring* the doctor", "*phone* a GP") or where they are (a place after the asked words: "on
the *pitch*", "at the *gym*", "in the *layby*") — not what is asked. Only a word that could be the asked thing stops
the answer: the object of the asking words ("what causes *gout*"), a phrase after "of/for/about/with" ("what about
*zinc*", "what helps with *gout*"), a word qualifying a known word ("what *herbal* remedies help").
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.text import DETERMINERS, Token

# prepositions that say where or when (the asked words are complete before them), not what for or of
_WHERE = frozenset("on at in during after before while inside outside around near".split())


def deciding(an: Analysis) -> list[str]:
    """The unknown words of ``an`` that decide it, when its asking clause names nothing of the article (``an.anchors``
    empty): all of them unless the story names a thing and the clause asks something of it (a relation or an intent).

    The story's thing is then what is asked about, and an unknown verb before a determiner, or an unknown word in a
    closing place phrase, is incidental.
    """
    asks = bool(an.relation_cues) or bool(an.intents - {"filler", "personal"})
    if not an.context_mentions or not asks or an.yes_no:
        return list(an.unknown)
    words = [t for t in an.question if not t.is_punct]
    return [w for w in an.unknown if not any(t.surface == w and _incidental(words, k) for k, t in enumerate(words))]


def _incidental(words: list[Token], k: int) -> bool:
    """Whether ``words[k]`` is a verb taking a following phrase ("*ring* the doctor") or lies in a closing place phrase
    ("right there on the *pitch*").

    >>> from kg.qa.text import tokenize
    >>> q = tokenize("what signs mean i ought to ring the doctor")
    >>> _incidental(q, 6), _incidental(tokenize("what causes gout"), 2)
    (True, False)
    >>> q = tokenize("what should i do right there on the pitch")
    >>> _incidental(q, 8), _incidental(tokenize("what about zinc"), 2), _incidental(tokenize("what helps with gout"), 3)
    (True, False, False)
    """
    if k + 1 < len(words) and words[k + 1].lemma in DETERMINERS and k > 1:
        return True  # a word before "the/a/my …" takes it: a verb, not a name
    j = k - 1
    while j >= 0 and words[j].lemma in DETERMINERS:
        j -= 1
    if j < 2 or words[j].lemma not in _WHERE:
        return False
    return all(t.lemma in DETERMINERS or not t.surface.isalpha() or t is words[k] for t in words[j + 1:])
