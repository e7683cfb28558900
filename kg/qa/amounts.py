"""Whether a question asks an amount for a person — a dose, however it is phrased.

The article gives no doses or amounts, so "how many ibuprofen tablets could I safely take in a day", "how many litres
of water ought a lady of 78 drink each day" and "what's the right amount of magnesium for me" are declined, while "how
many causes are there" or "how many muscles does it say to stretch" count the article's things. The lexicon's phrase
frames ("how many * a day") reach only four words apart; this reads the whole sentence of the amount word instead:

- an amount word ("how many", "how much", "how often": ``kgl:amount-asked``) whose sentence names a measure right
  after it ("how many *tablets*", "how much *mg*": ``kgl:measure``), or a period anywhere after it ("*each day*", "*in
  one go*": ``kgl:period``), or a verb of taking (``kgl:intake``) with a remedy the article names (a drug, substance,
  nutrient or therapy) — unless what it counts is a word of the article's own things ("how many *causes* a day");
- an amount word whose sentence counts spans of time ("how many *days*": ``kgl:span``) with a remedy the article
  names ("how many days to rest before training again", "how many minutes should I ice it"): a schedule for a person —
  unless the sentence asks how soon the remedy acts (``kgl:onset``: "how much time does Medicramp take *to work*");
- or a word that names an amount (``kgl:amount-named``: "the right amount", "the recommended daily intake") with a
  remedy or a measure in its sentence.

The word sets are data of the lexicon (kept out of the parser's phrases: they shape no reading).
"""

from __future__ import annotations

from kg.namespaces import KGO
from kg.qa.analysis import Analysis
from kg.qa.lexicon import Lexicon

REMEDY_KINDS = tuple(KGO + c for c in ("Drug", "DrugClass", "Therapy", "Substance", "Nutrient"))
SENTENCE_END = frozenset(".?!;")
REPORTERS = frozenset("it they article author page table list section".split())  # the article gives, names …
_BEFORE_COUNTED = frozenset("of the a an these those such".split())


def _sentence(an: Analysis, at: int) -> range:
    """Positions from ``at`` to the end of its sentence."""
    end = at
    while end < len(an.tokens) and an.tokens[end].surface not in SENTENCE_END:
        end += 1
    return range(at, end)


def _counts_things(an: Analysis, lex: Lexicon, at: int) -> bool:
    """The word counted after the amount word is a class or relation word of the article ("how many *causes*",
    "how many *groups* of people", "how many *remedies*"): it counts the article's things, not an amount."""
    k = at
    while k < len(an.tokens) and an.tokens[k].lemma in _BEFORE_COUNTED:
        k += 1
    if k >= len(an.tokens):
        return False
    lemma = an.tokens[k].lemma
    return any(form == (lemma,) and (entry.kind in ("class", "relation") or entry.intent == "part")
               for form, entry in lex.forms.get(lemma, ()))


def _remedies(an: Analysis, index, span: range) -> bool:
    return any(m.start in span and any(index.is_a(m.iri, k) for k in REMEDY_KINDS) for m in an.candidates)


def _taken_before(an: Analysis, lex: Lexicon, index, at: int) -> bool:
    """An amount word that ends its sentence ("…, and how much?", "… and how often") asks the amount of what the
    sentence before it takes: a verb of taking with a remedy the article names, earlier in the same sentence."""
    start = at
    while start > 0 and an.tokens[start - 1].surface not in SENTENCE_END:
        start -= 1
    lemmas = [t.lemma for t in an.tokens]
    return any(lex.in_set("intake", lemmas, k) and lemmas[k - 1] not in REPORTERS for k in range(start, at)) \
        and _remedies(an, index, range(start, at))


def _acts(an: Analysis, lex: Lexicon, after: range) -> bool:
    """The amount word counts time ("how much *time*") and its sentence asks how soon a remedy acts ("*to work*",
    "*kick in*"): the remedy's own speed, which the article may give, not an amount for a person."""
    lemmas = [t.lemma for t in an.tokens]
    head = [k for k in after[:4] if lemmas[k] not in _BEFORE_COUNTED]
    return bool(head) and bool(lex.in_set("span", lemmas, head[0])) and any(lex.in_set("onset", lemmas, k) for k in after)


def asked(an: Analysis, lex: Lexicon, index) -> bool:
    """Whether the question asks an amount of something for a person to take (see the module's words)."""
    lemmas = [t.lemma for t in an.tokens]
    for at in range(len(lemmas)):
        opener = lex.in_set("amount-asked", lemmas, at)
        named = lex.in_set("amount-named", lemmas, at)
        if not (opener or named):
            continue
        after = _sentence(an, at + max(opener, named))
        if named and (_remedies(an, index, after) or any(lex.in_set("measure", lemmas, k) for k in after)):
            return True
        if not opener:
            continue
        if not after and _taken_before(an, lex, index, at):
            return True  # "best time to take a magnesium supplement when fasting, and how much"
        head = [k for k in after[:4] if lemmas[k] not in _BEFORE_COUNTED]
        if any(lex.in_set("measure", lemmas, k) for k in head[:2]):
            return True  # "how many *ibuprofen tablets*", "how many *cups* of coffee"
        if _counts_things(an, lex, after.start):
            continue
        if _acts(an, lex, after):
            continue  # "how much *time* does Medicramp take *to work*": how soon it acts, not a schedule nor a dose
        if head and lex.in_set("span", lemmas, head[0]) and _remedies(an, index, range(at, after.stop)):
            return True  # "how many *days* to rest before training again": a schedule for a person, not a spasm's length
        if any(lex.in_set("period", lemmas, k) for k in after):
            return True
        if any(lex.in_set("intake", lemmas, k) and lemmas[k - 1] not in REPORTERS for k in after) \
                and _remedies(an, index, range(at, after.stop)):
            return True  # not "how many stress techniques does *it give*": the article gives them
    return False


__all__ = ["asked"]
