"""Questions about the article as a document or a record — a classification code, its author, a date, a price, a
statistic — that it never gives: declined, never answered with what it says about the thing named.

"What's the ICD-10 code for muscle spasm of the knee" asks for a code; the article names the condition but gives no
code, so "what the article says about knee muscle spasm" would answer another question. The asked thing is the noun
phrase a "what/which" question opens on ("what's *the ICD-10 code* for …", "which *SNOMED concept* is …"): when its
words are ones the article never uses and one of them is a word of reference (``kgl:reference`` in the lexicon: code,
author, publication date, statistic …), the question is declined by naming it.

Resources outside the article — books, support groups, apps, charities, helplines (``kgl:resource``) — asked for
anywhere in the question or the story before it ("a patron would like some recommended books or support groups for
ALS, can you suggest some") are declined the same way: the article recommends none, and what it says about ALS
answers another question.
"""

from __future__ import annotations

from kg.qa import beyond
from kg.qa.analysis import Analysis
from kg.qa.lexicon import Lexicon

_OPENING = frozenset("be the a an its their this that any exact official correct".split())
MAX_PHRASE = 4


def asked(an: Analysis, lex: Lexicon) -> str:
    """The reference phrase the question asks for ("ICD-10 code"), or "" when it asks something else."""
    q = [t for t in an.question if not t.is_punct]
    if not q or an.wh not in ("what", "which"):
        return ""
    k = next((n for n, t in enumerate(q) if t.lemma in ("what", "which")), None)
    if k is None:
        return ""
    k += 1
    while k < len(q) and q[k].lemma in _OPENING:
        k += 1
    phrase = []
    while k < len(q) and len(phrase) < MAX_PHRASE and q[k].surface in an.unknown:
        phrase.append(q[k])
        k += 1
    lemmas = [t.lemma for t in phrase]
    if any(lex.in_set("reference", lemmas, n) for n in range(len(lemmas))):
        return " ".join(t.surface for t in phrase)
    return ""


def resource(an: Analysis, lex: Lexicon) -> str:
    """The resources outside the article the reader asks for ("recommended books or support groups"), or ""."""
    lemmas = [t.lemma for t in an.tokens]
    requested = bool(set(lemmas) & _REQUEST)  # "can you *suggest* some"; not a remark ("forums all say ALS")
    firsts = {form[0] for form in lex.word_sets.get("resource", ())}
    found = []
    for n in range(len(lemmas)):
        k = lex.in_set("resource", lemmas, n) if lemmas[n] in firsts else 0
        if k and (requested or set(lemmas[n:n + k]) & _AROUND_RESOURCE):  # or asked as wanted: "any good books"  # the thing, not the words around it that made it one ("*good* books", "books *on*")
            found.append(" ".join(t.surface for t in an.tokens[n:n + k] if t.lemma not in _AROUND_RESOURCE))
    return " or ".join(dict.fromkeys(f for f in found if f))


_REQUEST = frozenset("recommend recommendation suggest suggestion point join find contact read".split())
_AROUND_RESOURCE = frozenset("good recommend any some on about further".split())


def declined(an: Analysis, lex: Lexicon, article_words=frozenset()) -> str:
    """Why the question is declined as asking for a record or a resource the article never gives, or a plan, the law
    or a weight goal (kg.qa.beyond), or ""."""
    record = asked(an, lex)
    if record:
        return (f"The article does not give the {record} of anything it names: it is about muscle spasms of the knee, "
                "their causes, treatment and prevention.")
    wanted = resource(an, lex)
    if wanted:
        return (f"The article does not recommend any {wanted}: it gives general information about muscle spasms of "
                "the knee, their causes, treatment and prevention, and points to no resources beyond itself.")
    return beyond.declined(an, lex, article_words)


__all__ = ["asked", "declined", "resource"]
