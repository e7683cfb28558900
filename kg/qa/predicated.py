""""When the cramps are really bad what else can come with them", "if the spasms are severe what goes along with
them": a quality said of a thing after a verb of being ("the cramps *are really bad*") names the same thing as the
quality before it ("really bad cramps", "severe spasms") — an entity of its own when the article has one (severe
muscle spasm: weakness, numbness, tremors, coordination issues), not the plain thing.

Found through the graph's names: the quality's word followed by the name the question matched is a name of another
entity ("bad" + "cramps": "bad cramps", an everyday name of severe muscle spasm). The verbs of being and the words of
degree between are grammar; the thing must open a clause of when or if ("*when* the cramps are bad"): said in the
story ("my cramps are getting bad, when should I see someone") it is the reader's thing the question asks about.
Nothing is added when no such name exists.
"""

from __future__ import annotations

from dataclasses import replace

from kg.qa.text import lemmas_of

BEING = frozenset("be get go become feel seem turn".split())
DEGREE = frozenset("really very so too super extremely pretty quite that real proper incredibly".split())
CONDITIONAL = frozenset("when if once whenever".split())  # "*when* the cramps are really bad": the case asked of
REACH = 3  # words of being and degree between the thing and its quality ("are getting really bad")


def compose(mentions: list, tokens, index) -> list:
    """``mentions`` with one more for each thing a quality is said of that the article names with the quality."""
    if not mentions:
        return mentions
    names = _names(index)
    lemmas = [t.lemma for t in tokens]
    added = []
    for m in mentions:
        if not any(lemmas[i] in CONDITIONAL for i in range(max(0, m.start - 3), m.start)):
            continue  # only in a clause of when: "my cramps are getting bad, when do I see someone" asks of the cramps
        j = m.end
        if j >= len(lemmas) or lemmas[j] not in BEING or tokens[j].surface.lower() == "being":
            continue  # "which minerals *being* low cause it": the minerals asked, with what being low does
        k = j + 1
        while k < len(lemmas) and k - j <= REACH and (lemmas[k] in DEGREE or lemmas[k] in BEING):
            k += 1
        if k >= len(lemmas):
            continue
        quality = lemmas[k]
        if tokens[k].surface.lower().endswith("ed"):
            continue  # "vitamin deficiencies be *treated*": a passive, not a quality
        for name in _said(m, index):
            iri = names.get((quality,) + name)
            if iri is None:
                for degree in lemmas[j + 1:k]:
                    iri = iri or names.get((degree, quality) + name)
            if iri and iri != m.iri:
                added.append(replace(m, end=k + 1, text=" ".join(t.surface for t in tokens[m.start:k + 1]), iri=iri,
                                     label=index.labels[iri], matched=" ".join(lemmas[m.start:k + 1]), kind="composed"))
                break
    return mentions + added


def _said(m, index) -> list[tuple[str, ...]]:
    """The name the mention matched, as lemmas, and the thing's other names of one word less or more."""
    own = lemmas_of(m.matched)
    return [own] + [n for n in index.name_lemmas.get(m.iri, ()) if n != own]


_CACHE: dict = {}


def _names(index) -> dict[tuple[str, ...], str]:
    key = id(index)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = {n: iri for iri, ns in index.name_lemmas.items() for n in ns}
    return _CACHE[key]
