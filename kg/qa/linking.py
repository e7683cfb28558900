"""Link entity mentions in a question to graph IRIs through their labels.

The label index holds every ``skos:prefLabel`` and ``skos:altLabel`` of the graph's entities,
normalised (case, punctuation, apostrophes, plural endings). A question is cut into word
n-grams; an n-gram links when it equals a normalised label, or — for n-grams of at least
``MIN_FUZZY_CHARS`` characters — when rapidfuzz scores it at least ``FUZZY_CUTOFF`` against one
(small typos, word order). Longer mentions win over the shorter ones they contain. Fuzzy hits
just below the cutoff are kept as "did you mean" suggestions. The index is built once per store.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from kg.namespaces import KGO

FUZZY_CUTOFF = 85  # rapidfuzz score (0-100) a fuzzy n-gram needs to link
SUGGEST_CUTOFF = 70  # below the link cutoff but close enough to suggest
MIN_FUZZY_CHARS = 6  # shorter n-grams only link exactly ("stain" must not become "statin", "timer" "time")
MAX_NGRAM = 8

STOPWORDS = frozenset("""a an the my your our their his her its i me we you he she it they them is are was were be
been being am do does did can could may might will would shall should of in on at to for from by with about and or
what which who whom whose when where why how that this these those there here any some get gets got have has had
if so as into than then too very just also more most much many not no yes""".split())

# Words that may sit inside a two-word label's mention ("knee keeps twitching").
GAP_WORDS = frozenset("keep keeps kept keeping start starts started starting always often constantly sometimes randomly suddenly".split())

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u2013": "-", "\u2014": "-"})
_NON_WORD = re.compile(r"[^\w'\-]+|_")


def _singular(token: str) -> str:
    """Reduce an English plural to its singular, well enough for label matching."""
    if len(token) <= 3 or token.endswith(("ss", "us", "is", "'s")):
        return token[:-2] if token.endswith("'s") else token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith(("ches", "shes", "xes", "sses")):
        return token[:-2]
    if token.endswith("s"):
        return token[:-1]
    return token


def tokens(text: str) -> list[str]:
    """Lower-case words of ``text`` with punctuation dropped (hyphens kept inside words)."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).lower()
    return [t.strip("'-") for t in _NON_WORD.split(text) if t.strip("'-")]


def normalise_label(text: str) -> str:
    """The key a label or an n-gram is matched on: singular words, hyphens as spaces."""
    words = []
    for token in tokens(text):
        words.extend(_singular(part) for part in token.replace("'", "").split("-") if part)
    return " ".join(words)


def _words_align(key: str, label: str, vocabulary: frozenset[str]) -> bool:
    """Every word of a fuzzy n-gram must be a near spelling of a word of the label, and back.

    token_sort_ratio alone lets a different word stand in ("medication cause spasm" for
    "ALS spasm medication"); typos and word order are all that fuzzy matching may forgive. A word
    that is itself in the labels' vocabulary is no typo ("medication" is not "meditation"), and a
    typo keeps its first letter ("spain" is not "pain").
    """
    a, b = key.split(), label.split()
    if len(a) != len(b):
        return False
    for w in a:
        if w in b:
            continue
        if w in vocabulary or any(c.isdigit() for c in w):  # "B1" is not a typo of "B12"
            return False
        v = max(b, key=lambda v: fuzz.ratio(w, v))
        if fuzz.ratio(w, v) < 75 or w[0] != v[0]:
            return False
    return all(max(fuzz.ratio(v, w) for w in a) >= 75 for v in b)


@dataclass(frozen=True)
class Mention:
    """One span of the question linked to one entity."""

    start: int  # token offsets into the question's tokens
    end: int
    text: str
    iri: str
    label: str
    matched: str  # the label (pref or alt) it matched
    score: float  # 100 for an exact (normalised) match
    types: frozenset[str] = frozenset()

    @property
    def length(self) -> int:
        return self.end - self.start

    def to_dict(self) -> dict:
        return {"text": self.text, "iri": self.iri, "label": self.label, "matched": self.matched,
                "score": round(self.score, 1)}


@dataclass
class LabelIndex:
    """Every entity label of one store, normalised, with each entity's types and relations."""

    keys: dict[str, set[str]] = field(default_factory=dict)  # normalised label -> IRIs
    originals: dict[str, str] = field(default_factory=dict)  # normalised label -> a label as written
    labels: dict[str, str] = field(default_factory=dict)  # IRI -> prefLabel
    types: dict[str, frozenset[str]] = field(default_factory=dict)  # IRI -> ontology class local names
    outgoing: dict[str, frozenset[str]] = field(default_factory=dict)  # IRI -> relation local names it is subject of

    _LABELS = """
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT ?e ?pref ?label WHERE {
      GRAPH <https://w3id.org/kneekg/graph/facts> {
        ?e skos:prefLabel ?pref . { ?e skos:prefLabel ?label } UNION { ?e skos:altLabel ?label }
      }
    }"""
    _TYPES = """
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT DISTINCT ?e ?t WHERE { ?e skos:prefLabel ?l ; a ?t . FILTER(STRSTARTS(STR(?t), "https://w3id.org/kneekg/ontology/")) }"""
    _RELATIONS = """
    PREFIX owl: <http://www.w3.org/2002/07/owl#>
    SELECT DISTINCT ?e ?p WHERE { ?e ?p ?o . ?p a owl:ObjectProperty . FILTER(STRSTARTS(STR(?p), "https://w3id.org/kneekg/ontology/")) }"""

    @classmethod
    def from_store(cls, store) -> "LabelIndex":
        index = cls()
        for row in store.query(cls._LABELS):
            iri, key = row["e"].value, normalise_label(row["label"].value)
            index.labels[iri] = row["pref"].value
            if key:
                index.keys.setdefault(key, set()).add(iri)
                index.originals.setdefault(key, row["label"].value)
        types: dict[str, set[str]] = {}
        for row in store.query(cls._TYPES):
            types.setdefault(row["e"].value, set()).add(row["t"].value[len(str(KGO)):])
        index.types = {iri: frozenset(t) for iri, t in types.items()}
        outgoing: dict[str, set[str]] = {}
        for row in store.query(cls._RELATIONS):
            outgoing.setdefault(row["e"].value, set()).add(row["p"].value[len(str(KGO)):])
        index.outgoing = {iri: frozenset(p) for iri, p in outgoing.items()}
        index._choices = list(index.keys)
        index.vocabulary = frozenset(w for key in index.keys for w in key.split())
        return index

    def _mention(self, words: list[str], start: int, end: int, key: str, score: float) -> list[Mention]:
        return [Mention(start, end, " ".join(words[start:end]), iri, self.labels[iri], self.originals[key], score,
                        self.types.get(iri, frozenset())) for iri in sorted(self.keys[key])]

    def candidates(self, text: str, exclude: set[int] | None = None) -> tuple[list[Mention], list[Mention]]:
        """All linked n-grams of ``text`` and the near misses (for suggestions).

        ``exclude`` holds token positions (e.g. the relation's trigger words) no mention may use.
        """
        words = tokens(text)
        exclude = exclude or set()
        found: list[Mention] = []
        near: list[Mention] = []
        for n in range(min(MAX_NGRAM, len(words)), 0, -1):
            for start in range(0, len(words) - n + 1):
                span = range(start, start + n)
                if exclude.intersection(span):
                    continue
                gram = words[start:start + n]
                if gram[0] in STOPWORDS or gram[-1] in STOPWORDS:
                    continue
                key = normalise_label(" ".join(gram))
                if not key:
                    continue
                if key in self.keys:
                    found.extend(self._mention(words, start, start + n, key, 100.0))
                    continue
                if len(key) < MIN_FUZZY_CHARS:
                    continue
                best = process.extractOne(key, self._choices, scorer=fuzz.token_sort_ratio, score_cutoff=SUGGEST_CUTOFF)
                if best is None:
                    continue
                match, score, _ = best
                # A fuzzy match must be about as long as the label: no linking "pain" inside "spain".
                if abs(len(match) - len(key)) > max(2, len(match) // 5) or min(key.split())[0] != min(match.split())[0]:
                    continue
                if score >= FUZZY_CUTOFF and _words_align(key, match, self.vocabulary):
                    found.extend(self._mention(words, start, start + n, match, score))
                elif score < FUZZY_CUTOFF or len(key.split()) == 1:
                    near.extend(self._mention(words, start, start + n, match, score))
        found.extend(self._gapped(words, exclude))
        return found, near

    def _gapped(self, words: list[str], exclude: set[int]) -> list[Mention]:
        """Two-word labels split by small words: "knee keeps twitching", "cramps in my knee".

        Only exact (normalised) two-word labels, in either order, with at most three stop or
        filler words between them.
        """
        out = []
        for i, first in enumerate(words):
            if first in STOPWORDS or i in exclude:
                continue
            for j in range(i + 2, min(i + 5, len(words))):
                between = words[i + 1:j]
                if not all(w in STOPWORDS or w in GAP_WORDS for w in between) or j in exclude:
                    continue
                a, b = normalise_label(first), normalise_label(words[j])
                for key in (f"{a} {b}", f"{b} {a}"):
                    if key in self.keys:
                        out.extend(Mention(i, j + 1, " ".join(words[i:j + 1]), iri, self.labels[iri], self.originals[key],
                                           99.0, self.types.get(iri, frozenset())) for iri in sorted(self.keys[key]))
                        break
        return out

    def link(self, text: str, exclude: set[int] | None = None) -> tuple[list[Mention], list[Mention]]:
        """Non-overlapping mentions, longest and best first, and suggestions from near misses."""
        found, near = self.candidates(text, exclude)
        found.sort(key=lambda m: (-m.length, -m.score, m.start, m.iri))
        chosen: list[Mention] = []
        taken: set[int] = set()
        for mention in found:
            span = set(range(mention.start, mention.end))
            if span & taken and not any(c.start == mention.start and c.end == mention.end for c in chosen):
                continue
            chosen.append(mention)
            taken |= span
        chosen.sort(key=lambda m: (m.start, -m.length))
        covered = taken
        suggestions = [m for m in sorted(near, key=lambda m: -m.score) if not set(range(m.start, m.end)) & covered]
        return chosen, suggestions

    def has_type(self, iri: str, *names: str) -> bool:
        return bool(self.types.get(iri, frozenset()).intersection(names))


_indexes: "weakref.WeakKeyDictionary[object, LabelIndex]" = weakref.WeakKeyDictionary()


def label_index(store) -> LabelIndex:
    """The label index of ``store``, built on first use and kept as long as the store lives."""
    try:
        return _indexes[store]
    except KeyError:
        index = _indexes[store] = LabelIndex.from_store(store)
        return index
