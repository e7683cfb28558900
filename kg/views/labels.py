"""The names of the graph's IRIs, read once per store: preferred, alternative, lay and rdfs labels.

One reader for every page, search box, API row and question: an entity is called by its
``skos:prefLabel`` (facts graph), known also by its ``skos:altLabel``\\ s (true synonyms) and
found by its lay words: ``kgo:laySynonym``\\ s (everyday words for the same thing: "water pills"
for diuretics) and ``kgo:searchLabel``\\ s (related words that name something else: "coffee" for
caffeine); an ontology term or anything else without a preferred label by its ``rdfs:label``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from kg.sparql.registry import internal
from kg.store.memo import per_store


@dataclass(frozen=True)
class Labels:
    """Every label of one store, by IRI."""

    preferred: dict[str, str] = field(default_factory=dict)  # skos:prefLabel (facts graph)
    alternatives: dict[str, tuple[str, ...]] = field(default_factory=dict)  # skos:altLabel (facts graph)
    other: dict[str, str] = field(default_factory=dict)  # rdfs:label, for IRIs without a preferred label
    lay: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lay synonyms, then related words (facts graph)
    everyday: dict[str, frozenset[str]] = field(default_factory=dict)  # the lay synonyms among them (kgo:laySynonym)

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, str]]) -> "Labels":
        """Sort ``(iri, kind, label)`` rows (kind ``pref``, ``alt``, ``lay``, ``search`` or ``rdfs``); the first label
        of a kind wins.

        >>> labels = Labels.from_rows([("x", "pref", "X"), ("x", "alt", "Ex"), ("c", "rdfs", "Class"),
        ...                            ("x", "search", "ecks pills"), ("x", "lay", "the ex")])
        >>> labels.label("x"), labels.label("c"), labels.label("nothing"), labels.names("x"), labels.lay_words("x")
        ('X', 'Class', None, ('X', 'Ex'), ('the ex', 'ecks pills'))
        >>> labels.is_lay_synonym("x", "the ex"), labels.is_lay_synonym("x", "ecks pills")
        (True, False)
        """
        preferred: dict[str, str] = {}
        alternatives: dict[str, list[str]] = {}
        lay: dict[str, list[str]] = {}
        related: dict[str, list[str]] = {}
        other: dict[str, str] = {}
        for iri, kind, label in rows:
            if kind == "pref":
                preferred.setdefault(iri, label)
            elif kind == "alt":
                alternatives.setdefault(iri, []).append(label)
            elif kind == "lay":
                lay.setdefault(iri, []).append(label)
            elif kind == "search":
                related.setdefault(iri, []).append(label)
            else:
                other.setdefault(iri, label)
        words = {iri: tuple(dict.fromkeys(lay.get(iri, []) + related.get(iri, []))) for iri in {**lay, **related}}
        return cls(preferred, {iri: tuple(names) for iri, names in alternatives.items()}, other, words,
                   {iri: frozenset(w) for iri, w in lay.items()})

    @classmethod
    def from_store(cls, store) -> "Labels":
        """Read every label of ``store`` with one query (``queries/internal/label-table.rq``)."""
        return cls.from_rows((row["iri"].value, row["kind"].value, row["label"].value)
                             for row in store.query(internal("label-table").sparql))

    def label(self, iri: str) -> str | None:
        """The name to show for ``iri``: its preferred label, else its rdfs:label, else None."""
        return self.preferred.get(iri) or self.other.get(iri)

    def names(self, iri: str) -> tuple[str, ...]:
        """Every name of an entity, the preferred one first (what search and question answering match)."""
        pref = self.preferred.get(iri)
        return ((pref,) if pref else ()) + self.alternatives.get(iri, ())

    def lay_words(self, iri: str) -> tuple[str, ...]:
        """The lay words that lead to an entity (lay synonyms, then related words): an answer says when one was used."""
        return self.lay.get(iri, ())

    def is_lay_synonym(self, iri: str, word: str) -> bool:
        """Whether ``word`` is an everyday word for ``iri`` itself (``kgo:laySynonym``), not a related word."""
        return word in self.everyday.get(iri, ())


labels = per_store(Labels.from_store)
labels.__doc__ = """The ``Labels`` of ``store``, read on first use and kept as long as the store lives."""


def labels_for(store, iris: Iterable[str]) -> dict[str, str]:
    """The name of each IRI that has one (for rows of query results).

    >>> from kg.store.embedded import EmbeddedStore
    >>> labels_for(EmbeddedStore.from_file(), ["https://w3id.org/kneekg/id/dehydration", "urn:x"])
    {'https://w3id.org/kneekg/id/dehydration': 'Dehydration'}
    """
    table = labels(store)
    found = {iri: table.label(iri) for iri in iris}
    return {iri: label for iri, label in found.items() if label}
