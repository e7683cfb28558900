"""Find entities by what people type: labels, synonyms and lay words, forgiving case, plurals, typos and word order.

The index is built once per store (the graph is immutable while the app runs) from the
entities' preferred and alternative labels and their lay search words (``kg.views.labels``)
and their asserted types. Matching is layered, best first: exact label, label starting with
the text, label containing the text, then fuzzy matching with rapidfuzz (a score cutoff, and
no fuzzy matching for texts shorter than four characters, where nearly everything is "close").

Entities come first: a word finds the entity it names before any claim whose sentence holds
the word (a claim's label is a whole sentence). A lay word (``kgo:searchLabel``: "cramps" for
muscle spasm) finds its entity but ranks after exact labels and synonyms, and the hit says
it matched a lay word.

>>> from kg.views.search import normalise
>>> normalise("  Muscle SPASMS! ")
'muscle spasm'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from kg.sparql.registry import internal
from kg.store.memo import per_store
from kg.views.labels import labels
from kg.views.text import singular

MIN_FUZZY_LENGTH = 4  # shorter texts only match by prefix or substring
FUZZY_CUTOFF = 86.0  # rapidfuzz score (0–100) below which a fuzzy match is not a match
LAY_WORD_PENALTY = 3.0  # a lay search word ranks after an exact label or synonym (100 → 97)
CLAIM_FACTOR = 0.75  # a claim ranks after every entity match (at most 75 < the lowest fuzzy entity score, 76.5)
CLAIM = "https://w3id.org/kneekg/ontology/Claim"


@dataclass(frozen=True)
class Hit:
    """One entity found: its IRI, preferred label, type label, score (0–100) and the label that matched."""

    iri: str
    label: str
    type: str
    score: float
    matched: str
    via: str = "label"  # what matched: "label", "synonym" (skos:altLabel) or "search word" (kgo:searchLabel)


def normalise(text: str) -> str:
    """Lower-case, strip accents and punctuation, singularise each word."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = utils.default_process(text.replace("'", "").replace("’", ""))
    return " ".join(singular(w) for w in re.split(r"\s+", text) if w)


@dataclass(frozen=True)
class _Entry:
    iri: str
    label: str
    type: str
    matched: str
    key: str  # normalised matched label
    preferred: bool
    via: str = "label"
    claim: bool = False


class SearchIndex:
    """Every asserted label of the graph, normalised once, searchable many times."""

    def __init__(self, entries: list[_Entry]):
        self.entries = entries
        self._keys = [e.key for e in entries]

    @classmethod
    def from_store(cls, store) -> "SearchIndex":
        """Index every name of every entity of ``store`` with the labels of its asserted types."""
        names = labels(store)
        types: dict[str, set[str]] = {}
        claims: set[str] = set()
        for row in store.query(internal("entity-types").sparql):
            type_label = names.other.get(row["type"].value)
            if type_label:
                types.setdefault(row["entity"].value, set()).add(type_label)
            if row["type"].value == CLAIM:
                claims.add(row["entity"].value)
        entries = []
        for iri, label in names.preferred.items():
            type_ = ", ".join(sorted(types.get(iri, ())))
            synonyms = names.names(iri)
            ways = [(w, "label" if w == label else "synonym") for w in dict.fromkeys(synonyms)]
            ways += [(w, "search word") for w in dict.fromkeys(names.lay_words(iri)) if w not in synonyms]
            for matched, via in ways:
                entries.append(_Entry(iri, label, type_, matched, normalise(matched), matched == label, via,
                                      iri in claims))
        entries.sort(key=lambda e: (e.iri, e.matched))
        return cls(entries)

    def search(self, text: str, limit: int = 10) -> list[Hit]:
        """Return at most ``limit`` entities whose labels match ``text``, best first, one hit per entity."""
        query = normalise(text or "")
        if not query or limit <= 0:
            return []
        scored: dict[str, tuple[float, _Entry]] = {}

        def offer(entry: _Entry, score: float) -> None:
            # Prefer the preferred label when scores tie; lay words after labels and synonyms; claims last.
            score = score + (0.5 if entry.preferred else 0.0) - (LAY_WORD_PENALTY if entry.via == "search word" else 0.0)
            score = score * CLAIM_FACTOR if entry.claim else score
            best = scored.get(entry.iri)
            if best is None or score > best[0]:
                scored[entry.iri] = (score, entry)

        for entry in self.entries:
            key = entry.key
            if key == query:
                offer(entry, 100.0)
            elif key.startswith(query) or any(w.startswith(query) for w in key.split()):
                offer(entry, 95.0 - min(len(key) - len(query), 20) * 0.2)
            elif query in key:
                offer(entry, 90.0 - min(len(key) - len(query), 20) * 0.2)
        if len(query) >= MIN_FUZZY_LENGTH:
            for key, score, index in process.extract(
                    query, self._keys, scorer=_fuzzy_score, score_cutoff=FUZZY_CUTOFF, limit=None):
                offer(self.entries[index], score * 0.89)
        ranked = sorted(scored.values(), key=lambda se: (-se[0], se[1].label.lower(), se[1].iri))
        return [Hit(e.iri, e.label, e.type, round(min(s, 100.0), 1), e.matched, e.via) for s, e in ranked[:limit]]


def _fuzzy_score(query: str, key: str, *, score_cutoff: float | None = None, **_kw) -> float:
    """Typos in a whole label or in one of its words, and words in another order.

    A length guard keeps a short text from matching a long label through one shared word:
    the partial score only counts when the text is at least half as long as the label.
    """
    whole = fuzz.ratio(query, key)
    reordered = fuzz.token_sort_ratio(query, key)
    words = max((fuzz.ratio(query, w) for w in key.split()), default=0.0) if " " not in query else 0.0
    score = max(whole, reordered, words if len(query) >= MIN_FUZZY_LENGTH + 1 else 0.0)
    if len(query) * 2 >= len(key):
        score = max(score, fuzz.partial_ratio(query, key) - 5)
    return score if score_cutoff is None or score >= score_cutoff else 0.0


index_for = per_store(SearchIndex.from_store)
index_for.__doc__ = """The search index of ``store``, built on first use and kept as long as the store lives."""


def search(store, text: str, limit: int = 10) -> list[Hit]:
    """Find entities of ``store`` (a ``GraphStore`` or a ``SearchIndex``) by label; best first.

    >>> from kg.store.embedded import EmbeddedStore
    >>> [h.label for h in search(EmbeddedStore.from_file(), "dehydraton", limit=1)]
    ['Dehydration']
    """
    index = store if isinstance(store, SearchIndex) else index_for(store)
    return index.search(text, limit)


__all__ = ["Hit", "SearchIndex", "index_for", "normalise", "search"]
