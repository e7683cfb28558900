"""Words that open a yes/no question without being part of it: "dad's nerves were damaged by his stroke. *in
general* can nerve damage cause spasms", "my job's stressful. *honestly*, could stress be why my legs jump", "I've
been weeding all day. *so* is that the repetitive movement thing".

After a story, the question is the last clause that opens on a question word or an auxiliary (kg.qa.analysis). An
opener before the auxiliary hid it: the story and the question were read as one, and the yes/no became a list of
causes. These words say how the reader asks (in general, out of interest, medically speaking) or link to what they
told (so, then, anyway); an "-ly" adverb ("realistically", "seriously") does the same. They are grammar, not domain
words: none names a thing of the article. ("And"/"or" stay: a clause opening on them is a follow-up fragment.)
"""

from __future__ import annotations

from kg.qa.lead_in import split
from kg.qa.text import AUXILIARIES, Token, adverb

OPENERS = frozenset(("so", "ok", "okay", "well", "right", "anyway", "anyways", "then", "now", "also",
                     "overall", "basically", "generally", "speaking", "general", "theory", "principle", "short",
                     "interest", "curiosity", "question", "quick", "out", "of", "in", "on", "whole", "as", "a",
                     "rule", "just", "wondering", "like", "yeah", "hey", "hi", "hmm", "um"))
ELLIPTIC = frozenset(("anything",))  # "…, *anything* I can do at home": "is there" left out — it asks
MAX_OPENER = 3  # "out of interest", "on the whole" (with "the"), "medically speaking"
ASKING = AUXILIARIES | {"be", "do", "have"}


def skipped(clause: list[Token]) -> int:
    """How many words open ``clause`` before its auxiliary when they are all opener words (0 when none, or when no
    auxiliary follows them: "in the knee, the twitching …" asks nothing).

    >>> from kg.qa.text import tokenize
    >>> [skipped(tokenize(q)) for q in ("in general can nerve damage cause spasms", "honestly could stress do it",
    ...  "out of interest is that normal", "on the whole does stretching help", "can stress do it",
    ...  "in the knee the twitching is bad", "medically speaking is it serious", "just being tired or ALS")]
    [2, 1, 3, 3, 0, 0, 2, 0]
    """
    for k, t in enumerate(clause[:MAX_OPENER + 1]):
        if t.lemma in ASKING:  # "just *being* tired, or ALS": a gerund after an opener asks nothing
            return k if k == 0 or not t.surface.endswith("ing") else 0
        if not (t.lemma in OPENERS or t.surface in OPENERS or adverb(t.surface) or t.lemma == "the" and 0 < k):
            return 0
    return 0


def dashed(parts: list[list[Token]]) -> list[list[Token]]:
    """``parts`` (kg.qa.text.clauses) split again at a dash that opens an opener and an auxiliary: "dad's nerves were
    damaged by his stroke - in general can nerve damage cause spasms" is a story, then the question.

    >>> from kg.qa.text import clauses, tokenize
    >>> [[t.surface for t in c] for c in dashed(clauses(tokenize("he had a stroke - in general can it do that")))]
    [['he', 'had', 'a', 'stroke'], ['in', 'general', 'can', 'it', 'do', 'that']]
    >>> len(dashed(clauses(tokenize("heat or ice - in general which one"))))
    1
    """
    out: list[list[Token]] = []
    for part in parts:
        cut = next((k for k, t in enumerate(part) if k and t.dash and skipped(part[k:])), None)
        out.extend([part[:cut], part[cut:]] if cut is not None else [part])
    return [piece for part in out for piece in split(part)]  # "… and nobody seems to know *so what causes* this
