"""Turn checked facts into RDF: the facts graph and its provenance graph (reified, quoted)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.build.errors import BuildError, Problem
from kg.build.facts import Facts
from kg.build.grounding import QuoteNotFound, locate
from kg.namespaces import ARTICLE_IRI, EXTERNAL_PREFIXES, KG, KGO, STATEMENT

# Classes that name roles: the reasoner infers them, the facts never assert them.
ROLE_CLASSES = {"Cause", "RiskFactor", "Treatment", "PreventiveMeasure", "WarningSign",
                "AtRiskGroup", "DiagnosticMethod", "SideEffect"}
ARTICLE_TITLE = "Knee muscle spasms: causes and treatment options"


@dataclass(frozen=True)
class Evidence:
    """One quote grounding one fact (or claim), located in the article."""

    subject: URIRef
    predicate: URIRef
    object: URIRef
    quote: str
    begin: int
    end: int

    @property
    def iri(self) -> URIRef:
        digest = hashlib.sha1(f"{self.subject} {self.predicate} {self.object} {self.begin}".encode()).hexdigest()
        return STATEMENT[digest[:16]]


def allowed_external_ids(vocabulary_md: str) -> dict[str, str]:
    """Map each verified CURIE in ``vocabulary-ids.md`` to ``exact`` or ``close``.

    >>> allowed_external_ids("| x | D003681 | | | HP:0001944; myokymia HP:0002411 (close) | |")
    {'mesh:D003681': 'exact', 'hp:0001944': 'exact', 'hp:0002411': 'close'}
    """
    allowed: dict[str, str] = {}
    for line in vocabulary_md.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 6 or cells[0].startswith("concept") or set(cells[1]) <= {"-"}:
            continue
        columns = {1: "mesh", 2: "doid", 3: "snomed", 4: "hp", 5: "wd"}
        for index, prefix in columns.items():
            for segment in cells[index].split(";"):
                kind = "close" if re.search(r"\([^)]*\bclose\b", segment) else "exact"
                patterns = {
                    "mesh": r"\b(D\d{6})\b", "doid": r"DOID:(\d+)", "snomed": r"^\s*(\d{6,})",
                    "hp": r"HP:(\d{7})", "wd": r"\b(Q\d+)\b",
                }
                for ident in re.findall(patterns[prefix], segment):
                    allowed[f"{prefix}:{ident}"] = kind
    return allowed


def external_iri(curie: str) -> URIRef:
    prefix, local = curie.split(":", 1)
    return URIRef(EXTERNAL_PREFIXES[prefix] + local)


def ontology_terms(ontology: Graph) -> tuple[set[str], set[str]]:
    """Return the local names of the ontology's classes and object properties."""
    base = str(KGO)
    classes = {str(c)[len(base):] for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(base)}
    properties = {str(p)[len(base):] for p in ontology.subjects(RDF.type, OWL.ObjectProperty) if str(p).startswith(base)}
    return classes, properties


def assemble(facts: Facts, ontology: Graph, article: str, vocabulary_md: str) -> tuple[Graph, Graph, list[Evidence]]:
    """Build the facts graph and the provenance graph; raise ``BuildError`` listing every problem."""
    problems: list[Problem] = []
    classes, properties = ontology_terms(ontology)
    allowed = allowed_external_ids(vocabulary_md)
    data, prov = Graph(), Graph()
    evidence: list[Evidence] = []

    def ground(where, quotes, s, p, o, what: str) -> None:
        for quote, occurrence in quotes:
            try:
                begin, end = locate(article, quote, occurrence)
            except QuoteNotFound as exc:
                problems.append(Problem(f"{where}: {what}: {exc}"))
                continue
            evidence.append(Evidence(s, p, o, quote, begin, end))

    for entity in facts.entities.values():
        node = KG[entity.id]
        data.add((node, RDF.type, OWL.NamedIndividual))  # OWL 2 declaration: Protégé and owlready need it
        for type_name in entity.types:
            if type_name in ROLE_CLASSES:
                problems.append(Problem(f"{entity.where}: entity '{entity.id}' asserts the role class '{type_name}'; roles are inferred from relations"))
            elif type_name not in classes:
                problems.append(Problem(f"{entity.where}: entity '{entity.id}' has unknown type '{type_name}'"))
            else:
                data.add((node, RDF.type, KGO[type_name]))
        data.add((node, SKOS.prefLabel, Literal(entity.label, lang="en")))
        for alt in entity.alt:
            data.add((node, SKOS.altLabel, Literal(alt, lang="en")))
        if entity.definition:
            if entity.definition not in article:
                problems.append(Problem(f"{entity.where}: definition of '{entity.id}' is not verbatim in the article: {entity.definition!r}"))
            data.add((node, SKOS.definition, Literal(entity.definition, lang="en")))
        for relation, curies in ((SKOS.exactMatch, entity.exact), (SKOS.closeMatch, entity.close)):
            kind = "exact" if relation == SKOS.exactMatch else "close"
            for curie in curies:
                if curie not in allowed:
                    problems.append(Problem(f"{entity.where}: '{curie}' on '{entity.id}' is not a verified identifier in vocabulary-ids.md"))
                elif kind == "exact" and allowed[curie] == "close":
                    # closeMatch is always allowed (it claims less); exactMatch only where verified exact.
                    problems.append(Problem(f"{entity.where}: '{curie}' on '{entity.id}' is marked close in vocabulary-ids.md: use close, not exact"))
                else:
                    data.add((node, relation, external_iri(curie)))

    for fact in facts.facts:
        if fact.predicate not in properties:
            problems.append(Problem(f"{fact.where}: unknown relation '{fact.predicate}' in {fact.key}"))
            continue
        s, p, o = KG[fact.subject], KGO[fact.predicate], KG[fact.object]
        data.add((s, p, o))
        ground(fact.where, fact.quotes, s, p, o, f"fact {fact.key}")

    for claim in facts.claims:
        node = KG[claim.id]
        data.add((node, RDF.type, OWL.NamedIndividual))
        data.add((node, RDF.type, KGO.Claim))
        data.add((node, SKOS.prefLabel, Literal(f"Claim: {claim.text}", lang="en")))
        data.add((node, KGO.claimText, Literal(claim.text, lang="en")))
        data.add((node, KGO.claimAbout, KG[claim.about]))
        data.add((node, PROV.wasAttributedTo, ARTICLE_IRI))
        ground(claim.where, claim.quotes, node, KGO.claimAbout, KG[claim.about], f"claim {claim.id}")

    if problems:
        raise BuildError(problems, stage="grounding")

    describe_article(prov, article)
    for ev in sorted(evidence, key=lambda e: (e.begin, str(e.subject), str(e.predicate), str(e.object))):
        st = ev.iri
        prov.add((st, RDF.type, RDF.Statement))
        prov.add((st, RDF.subject, ev.subject))
        prov.add((st, RDF.predicate, ev.predicate))
        prov.add((st, RDF.object, ev.object))
        prov.add((st, PROV.wasQuotedFrom, ARTICLE_IRI))
        prov.add((st, PROV.value, Literal(ev.quote)))
        prov.add((st, KGO.beginIndex, Literal(ev.begin, datatype=XSD.nonNegativeInteger)))
        prov.add((st, KGO.endIndex, Literal(ev.end, datatype=XSD.nonNegativeInteger)))
    return data, prov, evidence


def describe_article(prov: Graph, article: str) -> None:
    """Describe the source article as a PROV entity (title, size, checksum)."""
    node = ARTICLE_IRI
    prov.add((node, RDF.type, KGO.Article))
    prov.add((node, RDF.type, PROV.Entity))
    prov.add((node, RDFS.label, Literal(ARTICLE_TITLE, lang="en")))
    prov.add((node, DCTERMS.title, Literal(ARTICLE_TITLE, lang="en")))
    prov.add((node, DCTERMS.format, Literal("text/plain")))
    prov.add((node, DCTERMS.language, Literal("en")))
    prov.add((node, DCTERMS.extent, Literal(len(article), datatype=XSD.nonNegativeInteger)))
    prov.add((node, DCTERMS.identifier, Literal("sha256:" + hashlib.sha256(article.encode("utf-8")).hexdigest())))
    prov.add((node, DCTERMS.source, Literal("article/knee-muscle-spasms.txt")))


def load_ontology(path: Path) -> Graph:
    """Parse the hand-edited ontology; a syntax error names the file and line."""
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several parser exception types
        raise BuildError([Problem(f"{path.name}: {exc}")], stage="ontology") from None
    return graph


__all__ = ["assemble", "load_ontology", "allowed_external_ids", "Evidence", "ROLE_CLASSES", "BNode"]
