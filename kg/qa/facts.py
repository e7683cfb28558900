"""What the graph says around one entity, read with bound queries and kept per store.

Question answering never scans the graph per question: for each entity a question names it
reads, once, the relations the entity takes part in (``qa-entity-relations.rq``: which roles it
plays), the evidence statements around it with their qualifiers (``qa-statements.rq``) and its
descriptions (``qa-descriptions.rq``: definitions, durations, courses, claims). Each is a query
with the entity bound as a term, answered from the store's indexes; the results are kept in a
bounded LRU per store (the graph is immutable while it is served).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph

from kg import namespaces

from kg.qa.lexicon import internal_query, local, schema
from kg.sparql.lru import LRU
from kg.store.memo import per_store
from kg.views.labels import labels
from kg.views.ontology import Statement as EvidenceStatement

KGV = str(namespaces.KGV)
KGO = str(namespaces.KGO)
PROV_VALUE = "http://www.w3.org/ns/prov#value"
MAX_ENTITIES = 4096  # entities whose reads are kept per store (each a few kB)
MODALITY_WORDS = {"always": "always", "usually": "usually", "can": "can", "in-some-cases": "in some cases",
                  "rarely": "rarely"}
CONTEXT_WORDS = {"high-amount": "in high amounts", "severe": "in severe cases", "frequent": "when frequent",
                 "persistent": "when persistent", "early-stage": "at an early stage",
                 "progressed-stage": "as the disease progresses"}


@dataclass
class Statement(EvidenceStatement):
    """One evidence statement (a fact, its verbatim quote, its place) with the qualifiers answers say."""

    negated: bool = False
    modality: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)
    urgency: set[str] = field(default_factory=set)
    emphasis: set[str] = field(default_factory=set)
    mechanism: set[str] = field(default_factory=set)
    purpose: set[str] = field(default_factory=set)  # what the subject does for the object, in the quote's words
    section: str = ""
    lists: set[str] = field(default_factory=set)  # the article's bulleted list(s) the quote is an item of
    parts: set[str] = field(default_factory=set)  # the article's section, table and list the quote sits in

    def qualifiers(self, name=lambda iri: local(iri)) -> list[str]:
        """The qualifiers in words ("in some cases", "in high amounts", "in ALS"); ``name`` names entities.

        >>> st = Statement("s", "a", "p", "b", "q", 0, 1, modality={KGV + "in-some-cases"}, context={KGV + "high-amount"})
        >>> st.qualifiers()
        ['in some cases', 'in high amounts']
        """
        words = [MODALITY_WORDS.get(local(m), local(m).replace("-", " ")) for m in sorted(self.modality)
                 if local(m) != "can"]
        words += [CONTEXT_WORDS.get(local(c), local(c).replace("-", " ")) if c.startswith(KGV) else "in " + name(c)
                  for c in sorted(self.context)]
        return words

    @property
    def hedged(self) -> bool:
        """Whether the quote hedges the fact ("can", "in some cases", "rarely")."""
        return bool(self.modality) and any(local(m) != "always" for m in self.modality)


@dataclass(frozen=True)
class Description:
    """A literal the article gives about an entity (a definition, a duration, a course) or a claim about it."""

    what: str  # the property (skos:definition, kgo:duration, kgo:course …) or kgo:Claim
    text: str
    quote: str = ""
    begin: int = -1
    end: int = -1
    claim: str | None = None
    claim_kind: str | None = None
    conflicts: str | None = None
    negated: bool = False  # a literal the article denies ("without medical intervention": not a need for it)

    @property
    def kind(self) -> str:
        """``definition``, ``duration``, ``course``, ``claim`` … (the property's local name)."""
        return "claim" if self.claim else local(self.what).lower()


def _unsized(value) -> int:
    return 0  # bounded by entry count: one entity's reads are small


class Around:
    """The per-entity reads of one store, each kept in a bounded LRU."""

    def __init__(self, store):
        self.store = store
        self._cache: LRU = LRU(max_entries=MAX_ENTITIES, sizer=_unsized)

    def _kept(self, key: tuple, build):
        return self._cache.get_or_put(key, build)

    def _rows(self, name: str, iri: str):
        if not _is_iri(iri):  # a statement's object may be a literal (a duration, a course): nothing is around it
            return []
        return self.store.query(internal_query(name), substitutions={"entity": pyoxigraph.NamedNode(iri)})

    def roles(self, iri: str) -> dict[str, int]:
        """The relations ``iri`` is the subject of (inverses inferred: also those it is the object of), with counts."""
        return self._kept(("roles", iri), lambda: {row["property"].value: int(row["n"].value)
                                                   for row in self._rows("qa-entity-relations", iri)})

    def statements(self, iri: str) -> list[Statement]:
        """Every evidence statement whose subject or object is ``iri``, asserted and negated, with qualifiers."""
        return self._kept(("statements", iri), lambda: _statements(self._rows("qa-statements", iri), self._contexts(),
                                                                   self._names()))

    def with_other(self, iri: str) -> dict[str, list[Statement]]:
        """The statements around ``iri`` by the entity at their other end (kept): "between a and b" is a look-up."""
        def build():
            out: dict[str, list[Statement]] = {}
            for st in self.statements(iri):
                out.setdefault(st.object if st.subject == iri else st.subject, []).append(st)
            return out
        return self._kept(("others", iri), build)

    def kept(self, key: tuple, build):
        """A value derived from the reads around an entity, kept with them (``key`` names it)."""
        return self._kept(key, build)

    def _contexts(self) -> frozenset[str]:
        """``kgo:context`` and its sub-properties (``kgo:amount``, ``kgo:inCondition`` …): where a fact holds."""
        return schema(self.store).sub_properties(KGO + "context")

    def _names(self):
        return labels(self.store).label

    def descriptions(self, iri: str) -> list[Description]:
        """The definitions, durations, courses and claims of ``iri``, with their quotes."""
        return self._kept(("descriptions", iri), lambda: _descriptions(self._rows("qa-descriptions", iri)))


def _is_iri(term: str) -> bool:
    """
    >>> _is_iri("https://w3id.org/kneekg/id/als"), _is_iri("resolve on their own")
    (True, False)
    """
    return ":" in term and not any(c.isspace() for c in term)


def _value(row, var):
    term = row[var]
    return None if term is None else term.value


_ATTRIBUTES = {KGO + "modality": "modality", KGO + "urgency": "urgency", KGO + "emphasis": "emphasis",
               KGO + "mechanism": "mechanism", KGO + "purpose": "purpose", KGO + "inList": "lists"}


_PLACES = frozenset((KGO + "section", KGO + "inTable", KGO + "inList"))


def _statements(rows, contexts: frozenset[str], label_of) -> list[Statement]:
    """Statements from one row per statement property (``qa-statements.rq``)."""
    by_iri: dict[str, Statement] = {}
    for row in rows:
        st = by_iri.get(row["statement"].value)
        if st is None:
            st = by_iri[row["statement"].value] = Statement(row["statement"].value, row["subject"].value,
                                                            row["predicate"].value, row["object"].value, "", -1, -1)
        key, value = row["key"].value, row["value"].value
        if key in _PLACES:
            st.parts.add(value)
        if key == PROV_VALUE:
            st.quote = value
        elif key == KGO + "beginIndex":
            st.begin = int(value)
        elif key == KGO + "endIndex":
            st.end = int(value)
        elif key == KGO + "negated":
            st.negated = st.negated or value in ("true", "1")
        elif key in _ATTRIBUTES:
            getattr(st, _ATTRIBUTES[key]).add(value)
        elif key in contexts:
            st.context.add(value)
        elif key == KGO + "section":
            st.section = label_of(value) or ""
    return sorted(by_iri.values(), key=lambda s: (s.begin, s.iri))


RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
RDF_VALUE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"
RDF_OBJECT = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object"
CLAIM = KGO + "Claim"


def _descriptions(rows) -> list[Description]:
    """Descriptions from one row per property and value (``qa-descriptions.rq``): each literal with every quote
    that grounds it, each claim with every quote of it (or none)."""
    literals: dict[tuple[str, str], list[dict]] = {}  # (property, text) -> quotes
    grounding: dict[str, dict] = {}  # statement -> its properties
    claims: dict[str, dict] = {}
    for row in rows:
        what, key, value = row["what"].value, row["key"].value, row["value"].value
        item = row["item"].value if row["item"] is not None else None
        if what != CLAIM:
            if item is None:
                literals.setdefault((what, value), [])
            else:
                grounding.setdefault(item, {"what": what})[key] = value
            continue
        claim = claims.setdefault(row["claim"].value, {"quotes": {}, "text": "", "label": ""})
        target = claim if item is None else claim["quotes"].setdefault(item, {})
        if key == KGO + "claimText" and item is None:
            claim["text"] = value
        elif key == RDFS_LABEL and item is None and not value.startswith("Claim: "):
            claim["label"] = value
        elif key == KGO + "claimKind" and item is None:
            claim[key] = value
        elif key == KGO + "conflictsWith" and item is None:
            claim.setdefault(key, []).append(value)
        else:
            target[key] = value
    for st in grounding.values():
        if RDF_OBJECT in st:
            literals.setdefault((st["what"], st[RDF_OBJECT]), []).append(st)
    out = []
    for (what, text), quotes in literals.items():
        for q in quotes or [{}]:
            out.append(Description(what, text, *_quote(q), negated=q.get(KGO + "negated") in ("true", "1")))
    for iri, c in claims.items():
        own = {k: v for k, v in c.items() if k in (PROV_VALUE, KGO + "beginIndex", KGO + "endIndex")}
        for q in [own] * bool(own) + list(c["quotes"].values()) or [{}]:
            for conflict in c.get(KGO + "conflictsWith") or [None]:
                out.append(Description(CLAIM, c["label"] or c["text"], *_quote(q), iri, c.get(KGO + "claimKind"),
                                       conflict))
    return sorted(out, key=lambda d: (d.what, d.begin, d.text))


def _quote(props: dict) -> tuple[str, int, int]:
    return (props.get(PROV_VALUE, ""), int(props.get(KGO + "beginIndex", -1)), int(props.get(KGO + "endIndex", -1)))


around = per_store(Around)
around.__doc__ = """The per-entity reads of ``store`` (one ``Around`` per store)."""


__all__ = ["Statement", "Description", "Around", "around", "KGV"]
