"""A thing asked for by what the article denies of it: "which disease has no cure", "what condition does the article
say can't be cured", "if it can't be cured, what is the treatment aiming for".

The article states some facts only in the negative ("While ALS has no cure, …"); a negated statement is never
asserted, so a reading of "which disease has no cure" as a fact query finds nothing (or reads "cure" as "treat").
A wh-word with a class word ("which *disease*"), or the bare pronoun of a question that names nothing at all ("if *it*
can't be cured"), followed by a word of denial and a relation word of the lexicon, asks for the things the article
denies that relation of: the subjects of the negated statements whose relation is the cue's (a named query with
the relation bound, kg.qa qa-denied-subjects). Exactly one such thing of the head's kind stands in for the words
as a described mention, so the rest of the question reads as if it had been named; none or several: unchanged.
"""

from __future__ import annotations

import pyoxigraph

from kg.qa.analysis import Analysis
from kg.qa.described import _fits, _named
from kg.qa.lexicon import Cue, Schema, internal_query, lexicon
from kg.qa.linking import LabelIndex
from kg.qa.text import AUXILIARIES, NEGATIONS, WH_WORDS

DENIAL = NEGATIONS | frozenset({"no", "cannot", "can't", "cant", "nothing"})
NEGATING = ("in", "un", "non")  # "*in*curable", "*un*treatable"
BETWEEN = AUXILIARIES | frozenset({"do", "be", "have", "the", "article", "it", "say", "said", "state", "there",
                                   "that", "which", "get", "ever", "really", "actually", "fully", "completely"})
PRONOUNS = frozenset({"it", "this", "that"})
REACH = 6  # words between the head and the denied relation word


def resolve(an: Analysis, store, index: LabelIndex, schema: Schema, topic: tuple[str, ...]) -> Analysis:
    """``an`` with "which <kind> <denied relation>" (or "if it <denied relation>") read as the one thing the
    article denies that relation of, when there is one."""
    if any(m.kind == "described" for m in an.mentions):
        return an
    for c in an.cues + _prefixed(an, store):
        if c.entry.kind != "relation" or not c.entry.references:
            continue
        if not _denied(an, c):
            continue
        head = _head(an, c, topic)
        if head is None:
            continue
        start, classes = head
        things = [s for s in _subjects(store, c.entry.references) if s not in topic]
        things = [s for s in things if _fits(index, schema, s, classes)]
        if len(things) != 1:
            continue
        return _named(an, index, start, c.end, things[0])
    return an


def _prefixed(an: Analysis, store) -> list[Cue]:
    """"in*curable*", "un*treatable*": a word the lexicon knows behind a negating prefix, as a cue of its own."""
    lex, out = lexicon(store), []
    for t in an.tokens:
        word = t.surface.lower()
        for p in NEGATING:
            stem = word[len(p):] if word.startswith(p) and len(word) > len(p) + 3 else ""
            entry = next((e for f, e in lex.forms.get(stem, ()) if f == (stem,) and e.kind == "relation"), None)
            if entry is not None:
                out.append(Cue(t.i, t.i + 1, entry, (stem,), (t.i,)))
    return out


def _subjects(store, relations) -> list[str]:
    out: list[str] = []
    for relation in relations:
        rows = store.query(internal_query("qa-denied-subjects"),
                           substitutions={"relation": pyoxigraph.NamedNode(relation)})
        out += [row["subject"].value for row in rows if row["subject"].value not in out]
    return out


def _denied(an: Analysis, c) -> bool:
    """A word of denial just before the relation word ("has *no* cure", "*can't* be cured", "is *not* curable"), or
    a negating prefix on it ("*in*curable")."""
    word = an.tokens[c.start].surface.lower()
    if any(word.startswith(p) and not c.form[0].startswith(p) for p in NEGATING):
        return True
    for t in reversed(an.tokens[max(0, c.start - 3):c.start]):
        if t.lemma in DENIAL or t.surface.lower() in DENIAL:
            return True
        if t.lemma not in BETWEEN and t.surface.lower() not in BETWEEN:
            return False
    return False


def _head(an: Analysis, c, topic) -> tuple[int, tuple[str, ...]] | None:
    """Where the unnamed thing starts and the classes it asks for: a class word right after "which"/"what" before
    the denial, or "it" in a question that names nothing."""
    named = [m for m in an.mentions if m.iri not in topic and m.end <= c.start]
    for k in range(c.start - 1, max(-1, c.start - REACH - 2), -1):
        t = an.tokens[k]
        cue = next((h for h in an.cues if h.end == k + 1 and h.entry.kind == "class"), None)
        wh = next((j for j in range(cue.start - 1, max(-1, cue.start - 4), -1) if an.tokens[j].lemma in WH_WORDS),
                  None) if cue is not None else None  # "which *medical* condition", "which *of the* diseases"
        if wh is not None and not any(wh < m.end and m.start <= cue.end for m in an.mentions):
            return wh + 1, tuple(cue.entry.references)
        if t.lemma in PRONOUNS and not an.mentions \
                and k + 1 < len(an.tokens) and an.tokens[k + 1].lemma in DENIAL | AUXILIARIES | {"have", "be"}:
            return k, ()
        if any(k in m.span for m in named):
            return None
    return None


__all__ = ["resolve"]
