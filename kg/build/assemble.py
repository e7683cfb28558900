"""Turn checked facts into RDF: the facts graph and its provenance graph (reified, quoted)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.build.article import Structure, parse_structure
from kg.build.errors import BuildError, Problem
from kg.build.facts import ANY, QUALIFIERS, Facts, Quote
from kg.build.grounding import QuoteNotFound, locate
from kg.namespaces import ARTICLE_IRI, ARTICLE_PART, EXTERNAL_PREFIXES, KG, KGO, KGV, STATEMENT

# Classes that name roles: the reasoner infers them, the facts never assert them.
ROLE_CLASSES = {"Cause", "RiskFactor", "Treatment", "PreventiveMeasure", "WarningSign",
                "AtRiskGroup", "DiagnosticMethod", "SideEffect"}
ARTICLE_TITLE = "Knee muscle spasms: causes and treatment options"


@dataclass(frozen=True)
class Evidence:
    """One quote grounding one fact (or claim, or definition), located in the article, with its qualifiers."""

    subject: URIRef
    predicate: URIRef
    object: URIRef | Literal
    quote: str
    begin: int
    end: int
    qualifiers: tuple[tuple[str, tuple[str, ...]], ...] = ()
    column: str | None = None
    negated: bool = False

    @property
    def iri(self) -> URIRef:
        # a denial and an assertion of the same fact may share a quote ("can be effective ... may not work for everyone")
        denied = " not" if self.negated and self.object != KGV.any else ""  # "ALS has no cure" keeps its IRI
        digest = hashlib.sha1(f"{self.subject} {self.predicate} {self.object} {self.begin}{denied}".encode()).hexdigest()
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


@dataclass(frozen=True)
class Terms:
    """What the ontology defines that the facts may use."""

    classes: set[str]
    object_properties: set[str]
    datatype_properties: set[str]
    schemes: dict[str, set[str]]  # scheme local name -> local names of its concepts (kgv:)
    vocabulary: dict[str, str]  # qualifier property local name -> its scheme local name


def ontology_terms(ontology: Graph) -> Terms:
    """Return the local names of the ontology's classes, properties and controlled values."""
    base, vocab = str(KGO), str(KGV)

    def local(terms, prefix):
        return {str(t)[len(prefix):] for t in terms if str(t).startswith(prefix)}

    schemes: dict[str, set[str]] = {}
    for concept, scheme in ontology.subject_objects(SKOS.inScheme):
        if str(concept).startswith(vocab) and str(scheme).startswith(vocab):
            schemes.setdefault(str(scheme)[len(vocab):], set()).add(str(concept)[len(vocab):])
    vocabulary = {str(p)[len(base):]: str(scheme)[len(vocab):]
                  for p, scheme in ontology.subject_objects(KGO.vocabulary) if str(p).startswith(base)}
    return Terms(local(ontology.subjects(RDF.type, OWL.Class), base),
                 local(ontology.subjects(RDF.type, OWL.ObjectProperty), base),
                 local(ontology.subjects(RDF.type, OWL.DatatypeProperty), base),
                 schemes, vocabulary)


def _property(name: str) -> URIRef:
    """The IRI of a qualifier property: a kgo: local name or a skos: CURIE."""
    return SKOS[name.split(":", 1)[1]] if name.startswith("skos:") else KGO[name]


def assemble(facts: Facts, ontology: Graph, article: str, vocabulary_md: str,
             structure: Structure | None = None) -> tuple[Graph, Graph, list[Evidence]]:
    """Build the facts graph and the provenance graph; raise ``BuildError`` listing every problem."""
    problems: list[Problem] = []
    terms = ontology_terms(ontology)
    allowed = allowed_external_ids(vocabulary_md)
    structure = structure or parse_structure({}, article)
    data, prov = Graph(), Graph()
    evidence: list[Evidence] = []

    def check_qualifiers(where, what: str, quote: Quote) -> None:
        for key, values in quote.qualifiers:
            spec = QUALIFIERS[key]
            if spec.values == "concept":
                scheme = terms.vocabulary.get(spec.property)
                members = terms.schemes.get(scheme or "", set())
                for value in values:
                    if value not in members:
                        problems.append(Problem(
                            f"{where}: {what}: {key} '{value}' is not in the vocabulary kgv:{scheme} "
                            f"(one of: {', '.join(sorted(members))})"))
            elif key in ("mechanism", "purpose"):  # the article's own words: a verbatim part of the quote
                for value in values:
                    if value not in quote.text:
                        problems.append(Problem(f"{where}: {what}: {key} {value!r} is not in its quote {quote.text!r}"))

    def ground(where, quotes: list[Quote], s, p, o, what: str, negated: bool = False, within: str | None = None) -> None:
        for quote in quotes:
            try:
                begin, end = locate(article, quote.text, quote.occurrence)
                line = structure.line_of(begin, end)
            except (QuoteNotFound, ValueError) as exc:
                problems.append(Problem(f"{where}: {what}: {exc}"))
                continue
            if within is not None and within not in quote.text:
                problems.append(Problem(f"{where}: {what}: {within!r} is not in its quote {quote.text!r}"))
            if quote.column is not None:
                table = structure.tables[line.table - 1] if line.table else None
                if table is None or quote.column not in table.columns:
                    problems.append(Problem(f"{where}: {what}: column {quote.column!r} is not a column of the table "
                                            f"of its quote ({', '.join(table.columns) if table else 'not a table row'})"))
            check_qualifiers(where, what, quote)
            evidence.append(Evidence(s, p, o, quote.text, begin, end, quote.qualifiers, quote.column, negated))

    for entity in facts.entities.values():
        node = KG[entity.id]
        data.add((node, RDF.type, OWL.NamedIndividual))  # OWL 2 declaration: Protégé and owlready need it
        for type_name in entity.types:
            if type_name in ROLE_CLASSES:
                problems.append(Problem(f"{entity.where}: entity '{entity.id}' asserts the role class '{type_name}'; roles are inferred from relations"))
            elif type_name not in terms.classes:
                problems.append(Problem(f"{entity.where}: entity '{entity.id}' has unknown type '{type_name}'"))
            else:
                data.add((node, RDF.type, KGO[type_name]))
        data.add((node, SKOS.prefLabel, Literal(entity.label, lang="en")))
        for alt in entity.alt:
            data.add((node, SKOS.altLabel, Literal(alt, lang="en")))
        for word in entity.lay:
            data.add((node, KGO.laySynonym, Literal(word, lang="en")))
        for word in entity.search:
            data.add((node, KGO.searchLabel, Literal(word, lang="en")))
        if entity.definition:
            text = entity.definition.text
            if text not in article:
                problems.append(Problem(f"{entity.where}: definition of '{entity.id}' is not verbatim in the article: {text!r}"))
            definition = Literal(text, lang="en")
            data.add((node, SKOS.definition, definition))
            ground(entity.definition.where, entity.definition.quotes, node, SKOS.definition, definition,
                   f"definition of '{entity.id}'", within=text)
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
        s, p = KG[fact.subject], KGO[fact.predicate]
        if fact.value is not None:
            if fact.predicate not in terms.datatype_properties:
                problems.append(Problem(f"{fact.where}: '{fact.predicate}' is not a data property of the ontology (a 'value' needs one) in {fact.key}"))
                continue
            o = Literal(fact.value, lang="en")
            if not fact.negated:
                data.add((s, p, o))  # "most do not need medical intervention": only its statement says it
            ground(fact.where, fact.quotes, s, p, o, f"fact {fact.key}", within=fact.value, negated=fact.negated)
            continue
        if fact.predicate not in terms.object_properties:
            problems.append(Problem(f"{fact.where}: unknown relation '{fact.predicate}' in {fact.key}"))
            continue
        o = KGV.any if fact.object == ANY else KG[fact.object]
        if not fact.negated:
            data.add((s, p, o))  # a negated fact is never asserted: only its statements say it
        ground(fact.where, fact.quotes, s, p, o, f"fact {fact.key}", negated=fact.negated)

    claim_kinds = terms.schemes.get("claim-kinds", set())
    for claim in facts.claims:
        node = KG[claim.id]
        data.add((node, RDF.type, OWL.NamedIndividual))
        data.add((node, RDF.type, KGO.Claim))
        data.add((node, SKOS.prefLabel, Literal(claim.text, lang="en")))
        data.add((node, RDFS.label, Literal(claim.text, lang="en")))
        data.add((node, KGO.claimText, Literal(claim.text, lang="en")))
        data.add((node, PROV.wasAttributedTo, ARTICLE_IRI))
        if claim.claimed_by not in structure.agents:
            problems.append(Problem(f"{claim.where}: claim '{claim.id}' is claimed by unknown agent '{claim.claimed_by}' "
                                    f"(agents of facts/article.yaml: {', '.join(sorted(structure.agents)) or 'none'})"))
        else:
            data.add((node, KGO.claimedBy, ARTICLE_PART[claim.claimed_by]))
        for kind in claim.kinds:
            if kind not in claim_kinds:
                problems.append(Problem(f"{claim.where}: claim '{claim.id}': kind '{kind}' is not in the vocabulary "
                                        f"kgv:claim-kinds (one of: {', '.join(sorted(claim_kinds))})"))
            else:
                data.add((node, KGO.claimKind, KGV[kind]))
        for other in claim.conflicts_with:
            data.add((node, KGO.conflictsWith, KG[other]))
        if claim.note:
            data.add((node, RDFS.comment, Literal(claim.note, lang="en")))
        for about in claim.about:
            data.add((node, KGO.claimAbout, KG[about]))
            ground(claim.where, claim.quotes, node, KGO.claimAbout, KG[about], f"claim {claim.id}")

    if problems:
        raise BuildError(problems, stage="grounding")

    describe_article(prov, article)
    describe_structure(prov, structure)
    for ev in sorted(evidence, key=lambda e: (e.begin, str(e.subject), str(e.predicate), str(e.object))):
        st = ev.iri
        line = structure.line_of(ev.begin, ev.end)
        prov.add((st, RDF.type, RDF.Statement))
        prov.add((st, RDF.subject, ev.subject))
        prov.add((st, RDF.predicate, ev.predicate))
        prov.add((st, RDF.object, ev.object))
        prov.add((st, PROV.wasQuotedFrom, ARTICLE_IRI))
        prov.add((st, PROV.value, Literal(ev.quote)))
        prov.add((st, KGO.beginIndex, Literal(ev.begin, datatype=XSD.nonNegativeInteger)))
        prov.add((st, KGO.endIndex, Literal(ev.end, datatype=XSD.nonNegativeInteger)))
        prov.add((st, KGO.section, ARTICLE_PART[f"s-{line.section}"]))
        prov.add((st, KGO.evidenceKind, KGV[line.kind]))
        if line.table:
            prov.add((st, KGO.inTable, ARTICLE_PART[f"t-{line.table}"]))
        if line.list:
            prov.add((st, KGO.inList, ARTICLE_PART[f"l-{line.list}"]))
        if line.row_group:
            prov.add((st, KGO.rowGroup, Literal(line.row_group)))
        if line.faq_question:
            prov.add((st, KGO.faqQuestion, Literal(line.faq_question)))
        if ev.column:
            prov.add((st, KGO.tableColumn, Literal(ev.column)))
        if ev.negated:
            prov.add((st, KGO.negated, Literal(True)))
        for key, values in ev.qualifiers:
            spec = QUALIFIERS[key]
            for value in values:
                term = {"concept": KGV, "entity": KG}.get(spec.values)
                prov.add((st, _property(spec.property), term[value] if term is not None else Literal(value)))
    return data, prov, evidence


def describe_structure(prov: Graph, structure: Structure) -> None:
    """Describe the article's sections, tables, lists and the agents who make its claims."""
    for section in structure.sections:
        node = ARTICLE_PART[f"s-{section.ordinal}"]
        prov.add((node, RDF.type, KGO.ArticleSection))
        prov.add((node, RDFS.label, Literal(section.label, lang="en")))
        prov.add((node, DCTERMS.isPartOf, ARTICLE_IRI))
        prov.add((node, KGO.ordinal, Literal(section.ordinal, datatype=XSD.nonNegativeInteger)))
        if section.heading:
            prov.add((node, KGO.heading, Literal(section.heading)))
        prov.add((node, KGO.beginIndex, Literal(section.begin, datatype=XSD.nonNegativeInteger)))
        prov.add((node, KGO.endIndex, Literal(section.end, datatype=XSD.nonNegativeInteger)))
    for kind, parts in (("t", structure.tables), ("l", structure.lists)):
        for part in parts:
            node = ARTICLE_PART[f"{kind}-{part.ordinal}"]
            prov.add((node, RDF.type, KGO.ArticleTable if kind == "t" else KGO.ArticleList))
            prov.add((node, RDFS.label, Literal(part.label, lang="en")))
            prov.add((node, DCTERMS.isPartOf, ARTICLE_IRI))
            prov.add((node, KGO.section, ARTICLE_PART[f"s-{part.section}"]))
            prov.add((node, KGO.ordinal, Literal(part.ordinal, datatype=XSD.nonNegativeInteger)))
            prov.add((node, KGO.beginIndex, Literal(part.begin, datatype=XSD.nonNegativeInteger)))
            prov.add((node, KGO.endIndex, Literal(part.end, datatype=XSD.nonNegativeInteger)))
            caption = part.caption if kind == "t" else part.lead_in
            if caption:
                prov.add((node, KGO.caption, Literal(caption)))
            if kind == "t":
                prov.add((node, KGO.columns, Literal(" | ".join(part.columns))))
            else:  # each bullet: what a list "has N items" counts (an item's "such as" examples are not items)
                describe_items(prov, node, part)
    describe_passages(prov, structure)
    for agent in structure.agents.values():
        node = ARTICLE_PART[agent.id]
        prov.add((node, RDF.type, PROV.Agent))
        prov.add((node, RDFS.label, Literal(agent.label, lang="en")))
        prov.add((node, RDFS.comment, Literal(agent.comment, lang="en")))
        prov.add((ARTICLE_IRI, PROV.wasAttributedTo, node))


def _passage(prov: Graph, node, kind, text: str, begin: int, end: int, section: int, ordinal: int | None) -> None:
    prov.add((node, RDF.type, kind))
    prov.add((node, RDFS.label, Literal(text, lang="en")))
    prov.add((node, DCTERMS.isPartOf, ARTICLE_PART[f"s-{section}"]))
    if ordinal is not None:
        prov.add((node, KGO.ordinal, Literal(ordinal, datatype=XSD.nonNegativeInteger)))
    prov.add((node, KGO.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger)))
    prov.add((node, KGO.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))


def describe_passages(prov: Graph, structure: Structure) -> None:
    """The FAQ's questions (each with the line that answers it) and the inline notes, verbatim and in order: what
    "how many questions does the FAQ have", "its last question" and "the note after …" ask about."""
    for q in structure.questions:
        node = ARTICLE_PART[f"faq-{q.ordinal}"]
        _passage(prov, node, KGO.ArticleQuestion, q.text, q.begin, q.end, q.section, q.ordinal)
        if q.answer is not None:
            begin, end, text = q.answer
            answer = ARTICLE_PART[f"faq-{q.ordinal}-answer"]
            _passage(prov, answer, KGO.ArticleAnswer, text, begin, end, q.section, None)
            prov.add((node, KGO.answer, answer))
    for note in structure.notes:
        _passage(prov, ARTICLE_PART[f"note-{note.ordinal}"], KGO.ArticleNote, note.text, note.begin, note.end,
                 note.section, note.ordinal)


def describe_items(prov: Graph, node, part) -> None:
    """The items of one bulleted list, in order: their verbatim text and where it sits."""
    for k, (begin, end, text) in enumerate(part.items, start=1):
        item = ARTICLE_PART[f"l-{part.ordinal}-{k}"]
        prov.add((item, RDF.type, KGO.ArticleListItem))
        prov.add((item, RDFS.label, Literal(text, lang="en")))
        prov.add((item, DCTERMS.isPartOf, node))
        prov.add((item, KGO.ordinal, Literal(k, datatype=XSD.nonNegativeInteger)))
        prov.add((item, KGO.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger)))
        prov.add((item, KGO.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))


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


__all__ = ["assemble", "load_ontology", "allowed_external_ids", "ontology_terms", "Evidence", "Terms", "ROLE_CLASSES"]
