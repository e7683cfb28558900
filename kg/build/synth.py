"""Grow the release graph into a synthetic one of a chosen size, to measure how cost grows with the graph.

Benchmarks need the *same* ontology, named graphs and shape as the real graph, only bigger:
many articles' worth of conditions, causes, treatments, symptoms and risk factors, each fact
with its ``rdf:Statement`` evidence (quote, offsets and qualifiers) in the provenance graph,
labels, altLabels and search labels, and the reasoner's inverse triples in the inferred graph. So the generator treats
the release graph as one article and writes ``k`` further "articles" derived from it:

* copy 0 is the release graph itself (ontology included, once), so every named query's
  example parameters exist in every synthetic graph;
* copy ``k`` renames every entity (``kg:dehydration`` → ``kg:dehydration-a17``), every
  evidence statement and the source article, and suffixes the entity labels with the article
  number, so label searches find one hit per article;
* a seeded share of the facts of copy ``k`` point at the same entity of an *earlier* article
  instead of its own (e.g. a cause in article 17 causes the knee muscle spasm of article 3),
  consistently in the fact, its inferred inverse and its evidence statement — articles talk
  about shared conditions, so the graph is connected and has hubs, as a real corpus would.

Output is sorted within each article and truncated to exactly ``triples`` quads; the same
``(triples, seed)`` always gives byte-identical N-Quads.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path
from typing import IO, Iterator

import pyoxigraph
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat

from kg import paths
from kg.namespaces import ARTICLE_IRI, KG, STATEMENT

REDIRECT_SHARE = 0.2  # share of entity-to-entity facts of an article that reach into an earlier article
_ENTITY = str(KG)
_STATEMENT = str(STATEMENT)
_ARTICLE = str(ARTICLE_IRI)
_LABELS = {
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2004/02/skos/core#altLabel",
    "https://w3id.org/kneekg/ontology/searchLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://purl.org/dc/terms/title",
}
_RDF_SUBJECT = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"
_RDF_OBJECT = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object"


def _local(iri: str) -> str | None:
    return iri[len(_ENTITY):] if iri.startswith(_ENTITY) else None


class _Article:
    """The renaming of one synthetic article ``k`` (k >= 1)."""

    def __init__(self, k: int, seed: int, statement_ends: dict[str, tuple[str, str]]):
        self.k = k
        self.seed = seed
        self.statement_ends = statement_ends
        self._redirects: dict[frozenset, tuple[str, int] | None] = {}

    def redirect(self, a: str, b: str) -> tuple[str, int] | None:
        """For a fact between entities ``a`` and ``b``: which side points into which earlier article, if any."""
        key = frozenset((a, b))
        if key not in self._redirects:
            rng = random.Random(f"{self.seed}:{self.k}:{min(a, b)}:{max(a, b)}")
            self._redirects[key] = (max(a, b), rng.randrange(self.k)) if rng.random() < REDIRECT_SHARE else None
        return self._redirects[key]

    def entity(self, local: str, article: int | None = None) -> NamedNode:
        article = self.k if article is None else article
        return NamedNode(_ENTITY + (local if article == 0 else f"{local}-a{article}"))

    def term(self, term, pair: tuple[str, str] | None):
        """Rename one term of this article; ``pair`` is the fact it belongs to (for redirects)."""
        if isinstance(term, NamedNode):
            iri = term.value
            local = _local(iri)
            if local is not None:
                if pair is not None:
                    target = self.redirect(*pair)
                    if target is not None and target[0] == local:
                        return self.entity(local, target[1])
                return self.entity(local)
            if iri.startswith(_STATEMENT):
                digest = hashlib.sha1(f"{iri}:{self.k}".encode()).hexdigest()[:16]
                return NamedNode(_STATEMENT + digest)
            if iri == _ARTICLE:
                return NamedNode(f"{_ARTICLE}-synthetic-{self.k}")
        return term

    def quad(self, quad: Quad) -> Quad | None:
        """This article's version of ``quad``; None for ontology-level quads (written once, by copy 0)."""
        s, p, o, g = quad.subject, quad.predicate, quad.object, quad.graph_name
        s_local = _local(s.value) if isinstance(s, NamedNode) else None
        o_local = _local(o.value) if isinstance(o, NamedNode) else None
        pair = None
        if s_local is not None and o_local is not None:
            pair = (s_local, o_local)
        elif isinstance(s, NamedNode) and s.value in self.statement_ends:
            pair = self.statement_ends[s.value]
        new_s = self.term(s, pair)
        new_o = self.term(o, pair if (o_local is not None) else None)
        if isinstance(o, Literal) and p.value in _LABELS and (s_local is not None or s.value == _ARTICLE):
            new_o = Literal(f"{o.value} ({self.k})", language=o.language) if o.language \
                else Literal(f"{o.value} ({self.k})", datatype=o.datatype)
        if new_s is s and new_o is o:
            return None
        return Quad(new_s, p, new_o, g)


def _statement_ends(quads: list[Quad]) -> dict[str, tuple[str, str]]:
    subjects: dict[str, str] = {}
    objects: dict[str, str] = {}
    for q in quads:
        if q.predicate.value == _RDF_SUBJECT and isinstance(q.object, NamedNode) and _local(q.object.value):
            subjects[q.subject.value] = _local(q.object.value)
        elif q.predicate.value == _RDF_OBJECT and isinstance(q.object, NamedNode) and _local(q.object.value):
            objects[q.subject.value] = _local(q.object.value)
    return {st: (subjects[st], objects[st]) for st in subjects.keys() & objects.keys()}


def generate(triples: int, seed: int = 0, source: Path | None = None) -> Iterator[Quad]:
    """Yield exactly ``triples`` quads: the release graph, then synthetic articles, in a fixed order."""
    source = source or paths.RELEASE_DIR / paths.GRAPH_NQ
    base = sorted(pyoxigraph.parse(path=str(source), format=RdfFormat.N_QUADS), key=str)
    ends = _statement_ends(base)
    written = 0
    for quad in base:
        if written >= triples:
            return
        yield quad
        written += 1
    k = 1
    while written < triples:
        article = _Article(k, seed, ends)
        copy = sorted((q for q in (article.quad(q) for q in base) if q is not None), key=str)
        for quad in copy:
            if written >= triples:
                return
            yield quad
            written += 1
        k += 1


def write(triples: int, out: IO[str], seed: int = 0, source: Path | None = None) -> int:
    """Write ``triples`` synthetic quads as N-Quads to ``out``; return how many were written."""
    count = 0
    for quad in generate(triples, seed, source):
        out.write(f"{quad} .\n")
        count += 1
    return count
