"""A yes/no asking whether the article names or recommends a thing it only comes near: "does it *specifically
recommend* sports drinks or electrolyte tablets".

An everyday word may lead to a thing the article does name only as a *related* word ("sports drinks" to proper
hydration, "tea" to caffeine). For a question about the world ("do sports drinks help cramps") the answer may say what
the article says of the nearer thing, with its note. But a question about the article's own words — whether it
*recommends*, *mentions*, *names* the thing, *specifically* — is answered by the related word no more than by a guess:
the article never names it. The answer names the words it does not name and says the article does not say; what it
does say follows. Never "no": not naming a thing is no denial of it.
"""

from __future__ import annotations

import re

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer
from kg.qa.querygraph import Reading
from kg.qa.words import join

WORD_SET = "by-name"  # lexicon: "recommend", "mention", "name", "specifically" ...


def unnamed(answer: Answer, chosen: Reading, an: Analysis, lex) -> list[str]:
    """The related words a "yes" came through, when the question asks whether the article names or recommends them."""
    if answer.boolean is not True or not an.yes_no:
        return []
    return related_asked(an, lex, set(chosen.anchors))


def related_asked(an: Analysis, lex, ends: set[str]) -> list[str]:
    """The question's related words for ``ends`` (things of the article), when it asks whether the article names or
    recommends them ("does it *mention* sports drinks"): none of them is the article's name."""
    lemmas = [t.lemma for t in an.tokens]
    if not any(lex.in_set(WORD_SET, lemmas, t.i) for t in an.question):
        return []
    return list(dict.fromkeys(_phrase(an, m) for m in an.anchors if m.kind == "search" and m.iri in ends))


def _phrase(an: Analysis, m) -> str:
    """The related word with the words of the question that go on it and name nothing ("electrolyte *tablets*")."""
    named = {i for other in an.mentions for i in other.span}
    unknown = set(an.unknown)
    end = m.end
    while end < len(an.tokens) and end not in named and an.tokens[end].surface in unknown:
        end += 1
    return " ".join(t.surface for t in an.tokens[m.start:end])


def apply(answer: Answer, chosen: Reading, an: Analysis, lex) -> bool:
    """Turn such a "yes" into "the article does not name …"; whether it did so."""
    words = unnamed(answer, chosen, an, lex)
    if not words:
        return False
    answer.boolean, answer.kind, answer.answered, answer.answers = None, "abstain", False, []
    answer.message = (f"The article does not name {join(words)}, so it does not say that. What it does say: "
                      + re.sub(r"^Yes\s*[—-]\s*", "", answer.message))
    return True


__all__ = ["apply", "unnamed", "related_asked", "WORD_SET"]
