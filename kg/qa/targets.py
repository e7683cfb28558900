"""Whether a question asks the value a measurement should have — a target, a normal range, a safe reading.

The article names blood tests and nutrient levels but gives no numbers: "what should my blood sugar be before I
exercise", "what is a normal potassium level", "what range should my vitamin D levels be in" and "what's a healthy
blood pressure" ask a value it never gives, and one that is a doctor's to judge from the reader's own results. What
the article says of potassium or of blood tests answers another question. Two shapes, asked in the question:

- a value word or a measured quantity (``kgl:measured``: "level", "range", "reading", "blood sugar", "pulse") with a
  word of a norm just before it (``kgl:norm``: "normal", "healthy", "target", "safe") — "a *normal* potassium
  *level*", "a *healthy* *blood pressure*";
- "what/how high/how low … should + a possessive + a measured word … be" ending the clause ("what should *my* blood sugar *be*", "what
  range should *my* vitamin D levels *be* in"): the value of the reader's own thing, not what they should do ("what
  should my daughter be doing" goes on past "be").

The word sets are data of the lexicon; none shapes a reading.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.lexicon import Lexicon

POSSESSIVES = frozenset("my his her our their your its".split())
NORM_REACH = 3  # words from a norm word to the value it qualifies ("normal vitamin D level")
_ENDS = frozenset(".?!;,".split()) | {"and", "but", "so", "because", "before", "after", "when", "while", "during", "at",
                                       "in", "for", "if", "to", "on", "now", "then", "ideally", "roughly", "about"}


def _lemmas(an: Analysis) -> list[str]:
    return [t.lemma for t in an.tokens]


def _normed(an: Analysis, lex: Lexicon) -> str:
    """"A *normal* potassium *level*": a norm word with a measured word at most ``NORM_REACH`` words after it."""
    lemmas = _lemmas(an)
    for k in sorted(an.q_positions):
        n = lex.in_set("norm", lemmas, k)
        if not n:
            continue
        for j in range(k + n, min(len(lemmas), k + n + NORM_REACH)):
            if an.tokens[j].is_punct:
                break
            m = lex.in_set("measured", lemmas, j)
            if m:
                return " ".join(t.surface for t in an.tokens[k:j + m])
    return ""


def _own_value(an: Analysis, lex: Lexicon) -> str:
    """"What should *my blood sugar* be": a possessive right after "should" in a what/how question, a measured word
    after it (not "what should my first step be"), and "be" ending its clause (or before a word that ends it: "be
    *before* I exercise", "be *in*")."""
    lemmas = _lemmas(an)
    q = sorted(an.q_positions)
    if not q or lemmas[q[0]] not in ("what", "how", "which"):
        return ""
    for k in q:
        if lemmas[k] != "should" or k + 2 >= len(lemmas) or lemmas[k + 1] not in POSSESSIVES:
            continue
        for j in range(k + 2, min(len(lemmas), k + 7)):
            if an.tokens[j].is_punct:
                break
            if lemmas[j] == "be" and (j + 1 == len(lemmas) or lemmas[j + 1] in _ENDS or an.tokens[j + 1].is_punct) \
                    and any(lex.in_set("measured", lemmas, i) for i in range(k + 2, j)):
                return " ".join(t.surface for t in an.tokens[k + 1:j])
    return ""


def asked(an: Analysis, lex: Lexicon) -> str:
    """The measurement whose value the question asks ("normal potassium level", "my blood sugar"), or ""."""
    return _normed(an, lex) or _own_value(an, lex)


__all__ = ["asked"]
