""""Is it worth cutting caffeine", "would quitting energy drinks help my knee", "cut caffeine knee twitch help?": a verb
of reducing before a thing the article names is the act of reducing it, not the thing. Read as the thing alone, the
question becomes "does caffeine help" — and the article says caffeine *causes* twitching, so the answer would be about
the wrong act. The act is the article's own therapy of reducing that thing, when it has one: an entity of the kind
Therapy whose name both reduces and names the thing ("stimulant reduction": "cut back on caffeine", "reduce stress").

The verbs are data (``kgl:reduction-words``: cut, cut down on, quit, give up, reduce, less); the therapy is found
through the graph's names, so a new therapy named so is read without code. With no such therapy the thing is left as
it was: the answer then says what the article says of it, never that reducing it helps.
"""

from __future__ import annotations

from dataclasses import replace

from kg.qa.text import STOPWORDS

KGO = "https://w3id.org/kneekg/ontology/"
THERAPY = (KGO + "Therapy", KGO + "Treatment")
CONDITIONS = (KGO + "MedicalCondition", KGO + "SignOrSymptom")  # "how to stop spasms": no therapy of reducing them
HARMS = tuple(KGO + c for c in ("Cause", "RiskFactor", "LifestyleFactor", "Substance", "Drug", "DrugClass"))  # what is
# cut down: not "less *exercise*", a therapy of its own
NOUNS = frozenset({"reduction"})  # "stimulant *reduction*"
INTAKE = frozenset({"intake"})  # "reduce stimulant *intake*": not "fluid intake", which is no reducing
_KEPT: dict = {}
BETWEEN = frozenset("on the my all of your his her their those these that back down out off with".split())
REACH = 3  # at most this many of BETWEEN's words from the verb to the thing ("cut back on all the coffee")


def compose(mentions: list, tokens, index) -> list:
    """``mentions`` (kg.qa.linking's) with a mention of the reducing therapy over each verb of reducing and the thing it
    reduces ("cutting caffeine": stimulant reduction), when the article has such a therapy."""
    lex = index.lexicon
    if lex is None or not mentions:
        return mentions
    lemmas = [t.lemma for t in tokens]
    reducing = _reducing(index, lex)
    added, dropped = [], set()
    for k in range(len(lemmas)):
        n = lex.in_set("reduction", lemmas, k)
        if not n:
            continue
        j = k + n
        while j < len(lemmas) and j - (k + n) < REACH and lemmas[j] in BETWEEN:
            j += 1
        for m in (m for m in mentions if m.start == j and not any(index.is_a(m.iri, c) for c in CONDITIONS)
                  and any(index.is_a(m.iri, c) for c in HARMS)):
            names = {tuple(w for w in name if w not in STOPWORDS) for name in index.name_lemmas.get(m.iri, ())}
            therapy = next((r for r, things in reducing if r != m.iri and things & names), None)
            if therapy is None or any(a.start <= k and a.end >= m.end for a in mentions + added):
                continue  # "reducing stress": already a name of the therapy
            added.append(replace(m, start=k, text=" ".join(t.surface for t in tokens[k:m.end]), iri=therapy,
                                 label=index.labels[therapy], matched=" ".join(lemmas[k:m.end]), kind="composed"))
        if lemmas[k + n - 1] in PARTICLES and not any(m.start == j for m in mentions) and (
                j >= len(lemmas) or lemmas[j] not in BETWEEN):  # "caffeine knee twitch, *cut down*?"
            for act, things in _objectless(mentions, tokens, lemmas, k, k + n, index, reducing, added):
                added.append(act)
                dropped |= {id(t) for t in things}  # the thing is what is cut down, not asked of on its own
    return [m for m in mentions if id(m) not in dropped] + added


PARTICLES = frozenset("down back".split())  # "cut *down*", "cutting *back*": a verb that may leave its thing unsaid


def _objectless(mentions: list, tokens, lemmas, start: int, end: int, index, reducing, added) -> list[tuple]:
    """"6 coffees a day, knee twitch. *cutting down* help?": a verb of reducing with no thing after it reduces the one
    thing named elsewhere in the question that the article has a therapy of reducing — when there is just one."""
    if any(a.start <= start < a.end for a in mentions + added):
        return []
    found = {}
    for m in mentions:
        if any(index.is_a(m.iri, c) for c in CONDITIONS) or not any(index.is_a(m.iri, c) for c in HARMS):
            continue
        names = {tuple(w for w in name if w not in STOPWORDS) for name in index.name_lemmas.get(m.iri, ())}
        therapy = next((r for r, things in reducing if r != m.iri and things & names), None)
        if therapy is not None:
            found.setdefault(therapy, []).append(m)
    if len(found) != 1:
        return []
    therapy, things = next(iter(found.items()))
    m = things[0]
    return [(replace(m, start=start, end=end, text=" ".join(t.surface for t in tokens[start:end]), iri=therapy,
                     label=index.labels[therapy], matched=" ".join(lemmas[start:end]), kind="composed"), things)]


def _reducing(index, lex) -> list[tuple[str, set[tuple[str, ...]]]]:
    """(therapy, the names of what it reduces) for each therapy with a name that is a verb of reducing and one thing's
    name ("cut back on *caffeine*", "*stimulant* reduction", "reduce *stress*"), kept per index."""
    key = (id(index), id(lex))
    if key in _KEPT:
        return _KEPT[key]
    out = []
    for iri, names in index.name_lemmas.items():
        if not any(index.is_a(iri, c) for c in THERAPY):
            continue
        reduced = set()
        for name in names:
            verbs = [i for i in range(len(name)) if lex.in_set("reduction", list(name), i) or name[i] in NOUNS]
            if not verbs:
                continue
            rest = tuple(w for i, w in enumerate(name) if w not in BETWEEN and w not in STOPWORDS and w not in NOUNS | INTAKE
                         and not any(v <= i < v + max(1, lex.in_set("reduction", list(name), v)) for v in verbs))
            if rest:
                reduced.add(rest)
        if reduced:
            out.append((iri, reduced))
    _KEPT.clear()
    _KEPT[key] = out
    return out

__all__ = ["compose"]
