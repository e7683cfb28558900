"""Whether a question is about a condition the article does not cover.

The article is about muscle spasms of the knee. A question about another condition is declined
by name ("the article does not cover restless legs syndrome"), never answered from the one word
of its name the article happens to know ("pain" in "patellofemoral pain syndrome"). Two signs,
both data of the lexicon: a name listed as another condition (``kgl:elsewhere``: growing pains,
gout), or a name the article never gives built on a disease's head noun (``kgl:condition-head``:
syndrome, disease, disorder) or ending (``kgl:condition-ending``: -itis) — an unknown word in it —, or an
injury word before an unknown word (``kgl:injury``: "torn his ACL", "sprained my wrist").
A name the article does give ("autoimmune disorders", "peripheral artery disease") is an entity
mention and is never declined.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.lexicon import Lexicon
from kg.qa.text import AUXILIARIES, STOPWORDS, WH_WORDS

MAX_NAME = 4  # words of a name before its head noun
NOT_OF_A_NAME = frozenset("and or of for with about from in on to by my your his her their a an the".split())


def elsewhere(an: Analysis, lex: Lexicon, article_words=frozenset()) -> list[str]:
    """The names of conditions the article does not cover that the question asks about, in order; a word of the
    article (``article_words``: lemmas of its quotes) is no sign of one ("neurodegenerative disease")."""
    named = [" ".join(an.tokens[k].surface for k in range(c.start, c.end)) for c in an.intent_cues("elsewhere")]
    return list(dict.fromkeys(named + _unknown_names(an, lex, article_words) + _injuries(an, lex, article_words)))


def _injuries(an: Analysis, lex: Lexicon, article_words) -> list[str]:
    """"Torn his ACL": an injury word (a word, not a cue: "torn" is also read as the article's tearing sensation),
    then, past a possessive or article, a word the article never uses and no entity's name holds — what was hurt;
    the injury is named without the possessive ("torn ACL")."""
    injury = lex.intent_forms("injury")
    in_mention = {i for m in an.mentions for i in m.span}
    out = []
    for t in an.question:
        if t.lemma not in injury:
            continue
        k = t.i + 1
        while k < len(an.tokens) and k - t.i <= 2 and an.tokens[k].lemma in NOT_OF_A_NAME:
            k += 1
        hurt = an.tokens[k] if k < len(an.tokens) else None
        if hurt is not None and k not in in_mention and hurt.lemma.isalpha() and hurt.lemma not in article_words \
                and hurt.lemma not in STOPWORDS:
            out.append(f"{t.surface} {hurt.surface}")
    return out


def _unknown_names(an: Analysis, lex: Lexicon, article_words) -> list[str]:
    """Names built on a head noun (with an unknown word before it) or an ending (an unknown word), not an entity's."""
    heads, endings = lex.intent_forms("condition-head"), lex.intent_forms("condition-ending")
    unknown = {t.surface for t in an.question if t.surface in an.unknown and t.lemma not in article_words}
    in_mention = {i for m in an.mentions for i in m.span}
    out = []
    for t in an.question:
        if t.i in in_mention or t.is_punct:
            continue
        if t.surface in unknown and any(t.surface.lower().endswith(e) and len(t.surface) > len(e) + 3 for e in endings):
            out.append(t.surface)
            continue
        if t.lemma not in heads:
            continue
        words = _name_before(an, t.i, unknown, in_mention)
        if any(w.surface in unknown for w in words):
            out.append(" ".join(w.surface for w in words + [t]))
    return out


def _name_before(an: Analysis, head: int, unknown: set[str], in_mention: set[int]) -> list:
    """The words of a name before its head noun: unknown words and words of an entity's name ("patellofemoral
    *pain*"), no further back than MAX_NAME; a question or relation word ("treat", "causes") ends it."""
    words = []
    for k in range(head - 1, max(-1, head - 1 - MAX_NAME), -1):
        t = an.tokens[k]
        if t.is_punct or t.lemma in NOT_OF_A_NAME or t.lemma in WH_WORDS or t.surface in AUXILIARIES \
                or t.lemma in STOPWORDS or not (t.surface in unknown or k in in_mention):
            break
        words.insert(0, t)
    return words


__all__ = ["elsewhere"]
