"""Words as people type them and as labels write them: the English plural rule shared by search and questions."""

from __future__ import annotations


def singular(word: str) -> str:
    """Strip an English plural ending (and a possessive ``'s``), conservatively: a lower-case word in, its singular out.

    Short words and the Latin/Greek endings that only look plural stay as they are.

    >>> [singular(w) for w in ("spasms", "deficiencies", "stretches", "boxes", "glasses")]
    ['spasm', 'deficiency', 'stretch', 'box', 'glass']
    >>> [singular(w) for w in ("stress", "virus", "analysis", "gas", "als", "knee's", "cramps")]
    ['stress', 'virus', 'analysis', 'gas', 'als', 'knee', 'cramp']
    """
    if word.endswith("'s"):
        return word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
