"""Reason over ontology + facts with owlready2's HermiT: consistency, inferred classes, property values."""

from __future__ import annotations

import shutil
import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.build.errors import BuildError, Problem
from kg.namespaces import KG, KGO, KGV, SCHEMA

# kgo:relatedTo is the umbrella of every relation: materialising it would double the graph
# and say nothing a property path (kgo:relatedTo via rdfs:subPropertyOf) cannot.
NOT_MATERIALISED = {KGO.relatedTo}


@dataclass
class Reasoned:
    """What the reasoner added: triples and a summary for the build report."""

    inferred: Graph
    inferred_types: int = 0
    inferred_relations: int = 0
    inferred_subclass_axioms: int = 0
    classified: dict[str, int] = field(default_factory=dict)  # defined class -> members


def _require_java() -> None:
    if not shutil.which("java"):
        raise BuildError([Problem("the HermiT reasoner needs a Java runtime: install Debian's default-jre-headless (make deps does)")],
                         stage="reasoning")


def _named(term) -> URIRef | None:
    iri = getattr(term, "iri", None)
    return URIRef(iri) if iri else None


def explain_clashes(tbox: Graph, abox: Graph) -> list[Problem]:
    """Name individuals whose asserted and domain/range-implied types are declared disjoint.

    HermiT only says *that* the ABox is inconsistent; this cheap, rule-based pass says *who*.
    """
    supers: dict[URIRef, set[URIRef]] = {}

    def ancestors(cls: URIRef) -> set[URIRef]:
        if cls not in supers:
            supers[cls] = {cls}
            for parent in tbox.objects(cls, RDFS.subClassOf):
                if isinstance(parent, URIRef):
                    supers[cls] |= ancestors(parent)
        return supers[cls]

    disjoint_sets = []
    for group in tbox.subjects(RDF.type, OWL.AllDisjointClasses):
        members = tbox.value(group, OWL.members)
        disjoint_sets.append(set(tbox.items(members)))

    problems = []
    implied: dict[URIRef, dict[URIRef, str]] = {}
    for s, p, o in abox:
        if isinstance(o, Literal):
            for range_ in tbox.objects(p, RDFS.range):
                datatype = o.datatype or (RDF.langString if o.language else XSD.string)
                if range_ != datatype:
                    problems.append(Problem(f"{s.split('/')[-1]} {p.split('/')[-1]} {o!r}: literal of type {datatype.split('#')[-1]}, but the range is {range_.split('#')[-1]}"))
            continue
        if p == RDF.type:
            implied.setdefault(s, {})[o] = "asserted"
            continue
        for domain in tbox.objects(p, RDFS.domain):
            if isinstance(domain, URIRef):
                implied.setdefault(s, {})[domain] = f"domain of {p.split('/')[-1]}"
        for range_ in tbox.objects(p, RDFS.range):
            if isinstance(range_, URIRef) and isinstance(o, URIRef):
                implied.setdefault(o, {})[range_] = f"range of {p.split('/')[-1]}"

    for individual, types in sorted(implied.items()):
        closure = {anc: why for cls, why in types.items() for anc in ancestors(cls)}
        for group in disjoint_sets:
            clash = sorted(c for c in closure if c in group)
            if len(clash) > 1:
                names = ", ".join(f"{c.split('/')[-1]} ({closure[c]})" for c in clash)
                problems.append(Problem(f"{individual.split('/')[-1]} would be in disjoint classes: {names}"))
    return problems


def without_vocabulary(tbox: Graph) -> Graph:
    """The ontology less its controlled values (kgv: concepts and schemes).

    They qualify evidence statements, which the reasoner never sees, so they cannot bear on the
    facts' consistency; leaving them out saves HermiT about a second.
    """
    graph = Graph()
    for s, p, o in tbox:
        if not str(s).startswith(str(KGV)):
            graph.add((s, p, o))
    return graph


def reason(tbox: Graph, abox: Graph) -> Reasoned:
    """Run HermiT; return the inferred triples, or raise listing unsatisfiable classes or clashes."""
    _require_java()
    import owlready2  # imported late: it is slow to import and only the build needs it

    merged = Graph()
    for triple in without_vocabulary(tbox):
        merged.add(triple)
    for triple in abox:
        merged.add(triple)

    with tempfile.TemporaryDirectory(prefix="kneekg-reason-") as tmp:
        path = Path(tmp) / "merged.nt"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            merged.serialize(path, format="nt", encoding="utf-8")
        world = owlready2.World()
        onto = world.get_ontology(path.as_uri()).load(format="ntriples")
        before = set(world.as_rdflib_graph().triples((None, None, None)))
        try:
            with onto:
                owlready2.sync_reasoner_hermit(world, infer_property_values=True, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            problems = explain_clashes(tbox, abox) or [Problem("HermiT found the facts inconsistent with the ontology")]
            raise BuildError(problems, stage="reasoning (ontology inconsistent)") from None
        unsatisfiable = sorted(c.iri for c in world.inconsistent_classes() if getattr(c, "iri", None))
        if unsatisfiable:
            raise BuildError([Problem(f"unsatisfiable class: {iri}") for iri in unsatisfiable],
                             stage="reasoning (unsatisfiable classes)")
        after = set(world.as_rdflib_graph().triples((None, None, None)))
        inferred = Graph()
        result = Reasoned(inferred)

        for s, p, o in after - before:
            if p == RDFS.subClassOf and isinstance(s, URIRef) and isinstance(o, URIRef) \
                    and str(s).startswith(str(KGO)) and o != OWL.Thing and (s, p, o) not in tbox:
                inferred.add((s, p, o))
                result.inferred_subclass_axioms += 1

        properties = [p for p in world.object_properties() if URIRef(p.iri) not in NOT_MATERIALISED]
        for individual in world.individuals():
            subject = _named(individual)
            if subject is None or not str(subject).startswith(str(KG)):
                continue
            for cls in individual.INDIRECT_is_a:
                cls_iri = _named(cls)
                if cls_iri is None or cls_iri == OWL.Thing:
                    continue
                if not (str(cls_iri).startswith(str(KGO)) or str(cls_iri).startswith(str(SCHEMA))):
                    continue
                if (subject, RDF.type, cls_iri) not in abox:
                    inferred.add((subject, RDF.type, cls_iri))
                    result.inferred_types += 1
            for prop in properties:
                for value in getattr(individual, "INDIRECT_" + prop.python_name, []) or []:
                    obj = _named(value)
                    if obj is None or obj == subject or not str(obj).startswith(str(KG)):
                        continue
                    triple = (subject, URIRef(prop.iri), obj)
                    if triple not in abox and triple not in inferred:
                        inferred.add(triple)
                        result.inferred_relations += 1

    # RDFS (rule rdfs7) for the schema.org mappings: owlready only walks declared OWL
    # properties, so materialise schema:cause, schema:possibleTreatment … here, for JSON-LD
    # consumers that know schema.org but not this ontology.
    schema_supers: dict[URIRef, set[URIRef]] = {}
    for prop in set(tbox.subjects(RDF.type, OWL.ObjectProperty)):
        supers = {o for o in tbox.transitive_objects(prop, RDFS.subPropertyOf)
                  if isinstance(o, URIRef) and str(o).startswith(str(SCHEMA))}
        if supers:
            schema_supers[prop] = supers
    relations = [t for t in list(abox) + list(inferred) if t[1] in schema_supers]
    for s, p, o in relations:
        for super_property in schema_supers[p]:
            if (s, super_property, o) not in inferred:
                inferred.add((s, super_property, o))
                result.inferred_relations += 1

    # SKOS: skos:prefLabel is a sub-property of rdfs:label; generic RDF tools look for the latter.
    for s, label in abox.subject_objects(SKOS.prefLabel):
        if (s, RDFS.label, label) not in abox:
            inferred.add((s, RDFS.label, label))

    for cls in ("Cause", "RiskFactor", "Treatment", "PreventiveMeasure", "WarningSign",
                "AtRiskGroup", "DiagnosticMethod", "SideEffect"):
        result.classified[cls] = len(set(inferred.subjects(RDF.type, KGO[cls])))
    return result


def super_property_closure(tbox: Graph, data: Graph, parent) -> Graph:
    """``parent`` for every triple of one of its sub-properties in ``data`` (RDFS rule rdfs7).

    HermiT reasons over the facts' object properties only; the statements' contexts
    (``kgo:context``: condition, population, severity, amount, frequency, stage, cause, exception,
    site) and the lay words (``kgo:searchLabel`` over ``kgo:laySynonym``) are annotations, so their
    super-properties are stated here: a query may then ask ``?statement kgo:context ?value`` or
    ``?entity kgo:searchLabel ?word`` alone, without a property path.
    """
    subs = {p for p in tbox.transitive_subjects(RDFS.subPropertyOf, parent) if p != parent}
    closure = Graph()
    for prop in subs:
        for subject, value in data.subject_objects(prop):
            closure.add((subject, parent, value))
    return closure


def entailed_predicates(tbox: Graph, provenance: Graph) -> Graph:
    """``kgo:entailedPredicate`` for every evidence statement: its predicate and each of that predicate's super-properties.

    rdfs:subPropertyOf is reflexive and transitive (RDFS rules rdfs5 and rdfs6), so a statement of
    ``kgo:sideEffectOf`` states ``kgo:sideEffectOf``, ``kgo:causedBy`` and ``kgo:relatedTo``. Stated
    once here, a named query finds a relation's statements by one bound pattern instead of the path
    ``?p rdfs:subPropertyOf* kgo:causedBy``, which some servers evaluate wrongly inside an OPTIONAL
    (Virtuoso 7.2, README) and every engine evaluates per statement. The quality check
    ``entailed-predicate-violation`` compares the result with that path over the whole release.
    """
    entailed = Graph()
    for statement in provenance.subjects(RDF.type, RDF.Statement):
        for predicate in provenance.objects(statement, RDF.predicate):
            for super_property in tbox.transitive_objects(predicate, RDFS.subPropertyOf):
                if isinstance(super_property, URIRef):
                    entailed.add((statement, KGO.entailedPredicate, super_property))
    return entailed


def involved_entities(provenance: Graph) -> Graph:
    """``kgo:involves`` for every evidence statement: its fact's subject and its object.

    A query that lists what the article states about one entity, as subject or as object
    (``qualified-facts``), finds its statements by ``?statement kgo:involves ?entity`` — one
    bound pattern — instead of a UNION of ``rdf:subject`` and ``rdf:object`` branches, which
    pyoxigraph plans and evaluates branch by branch. The quality check ``involves-violation``
    compares it with ``rdf:subject`` and ``rdf:object`` over the whole release.
    """
    involved = Graph()
    for statement in provenance.subjects(RDF.type, RDF.Statement):
        for end in (RDF.subject, RDF.object):
            for value in provenance.objects(statement, end):
                involved.add((statement, KGO.involves, value))
    return involved
