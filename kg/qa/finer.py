"""A mechanism asked at a finer level than the article gives: "does it explain the *molecular* mechanism, like calcium
and *troponin*, for why low calcium causes spasms".

The article says *that* low calcium can cause spasms, and at most that these minerals "play a crucial role in muscle
function and contraction"; it never explains a mechanism at the level of molecules, cells or pathways. A question that
names the mechanism by such a word the article never uses (the word just before "mechanism", "process", "pathway"),
or gives as examples of it things the article never names, asks for what the article does not say: the answer says
so, naming those words, and quotes what it does say. Never "no".
"""

from __future__ import annotations

import re

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer
from kg.qa.querygraph import Reading
from kg.qa.text import STOPWORDS
from kg.qa.words import join

MECHANISM_NOUNS = frozenset("mechanism process pathway biochemistry physiology".split())
EXAMPLES = frozenset("like including e.g. eg".split())


def unsaid(an: Analysis, article_words) -> list[str]:
    """The words the article never uses that say how fine a mechanism is asked: the word qualifying "mechanism", and
    the examples given of it that name nothing the article knows."""
    named = {i for m in an.mentions for i in m.span}
    toks = an.tokens
    out = []
    for k, t in enumerate(toks):
        if t.lemma not in MECHANISM_NOUNS:
            continue
        if k and _foreign(toks[k - 1], article_words) and k - 1 not in named:
            out.append(toks[k - 1].surface)
        j = k + 1
        while j < len(toks) and toks[j].is_punct:
            j += 1
        if j < len(toks) and toks[j].lemma in EXAMPLES:  # "mechanism, like calcium and troponin,"
            for e in toks[j + 1:]:
                if e.is_punct and e.surface != ",":
                    break
                if e.surface == "," and out and e.i > j + 1:
                    break
                if e.i not in named and _foreign(e, article_words):
                    out.append(e.surface)
    return list(dict.fromkeys(out))


def _foreign(t, article_words) -> bool:
    return not t.is_punct and t.lemma not in STOPWORDS and len(t.surface) > 3 and t.lemma not in article_words \
        and t.surface.lower() not in article_words


def apply(answer: Answer, chosen: Reading, an: Analysis, article_words) -> bool:
    """Turn the described link into "the article does not explain that"; whether it did so."""
    if chosen.kind != "mechanism" or not answer.answered:
        return False
    words = unsaid(an, article_words)
    if not words:
        return False
    answer.answered, answer.kind, answer.answers, answer.boolean = False, "abstain", [], None
    answer.message = (f"The article does not explain the mechanism at that level: it does not mention {join(words)}, "
                      "so it does not say. What it does say: " + re.sub(r"^The article links", "it links", answer.message))
    return True


__all__ = ["apply", "unsaid"]
