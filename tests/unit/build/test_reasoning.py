"""The build's RDFS closures over the provenance graph (kg/build/reasoning.py)."""

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from kg.build.reasoning import entailed_predicates, involved_entities
from kg.namespaces import KGO

STATEMENT = URIRef("https://w3id.org/kneekg/statement/a")


def test_a_statement_entails_its_predicate_and_every_super_property():
    tbox = Graph()
    tbox.add((KGO.sideEffectOf, RDFS.subPropertyOf, KGO.causedBy))
    tbox.add((KGO.causedBy, RDFS.subPropertyOf, KGO.relatedTo))
    tbox.add((KGO.causedBy, RDFS.subPropertyOf, URIRef("http://schema.org/cause")))
    prov = Graph()
    prov.add((STATEMENT, RDF.type, RDF.Statement))
    prov.add((STATEMENT, RDF.predicate, KGO.sideEffectOf))
    prov.add((URIRef("https://w3id.org/kneekg/statement/not-a-statement"), RDF.predicate, KGO.causes))
    entailed = entailed_predicates(tbox, prov)
    assert set(entailed) == {(STATEMENT, KGO.entailedPredicate, p) for p in
                             (KGO.sideEffectOf, KGO.causedBy, KGO.relatedTo, URIRef("http://schema.org/cause"))}


def test_a_statement_involves_its_subject_and_its_object_only():
    prov = Graph()
    prov.add((STATEMENT, RDF.type, RDF.Statement))
    prov.add((STATEMENT, RDF.subject, URIRef("https://w3id.org/kneekg/id/caffeine")))
    prov.add((STATEMENT, RDF.predicate, KGO.causes))
    prov.add((STATEMENT, RDF.object, URIRef("https://w3id.org/kneekg/id/knee-muscle-spasm")))
    prov.add((URIRef("https://w3id.org/kneekg/statement/not-a-statement"), RDF.subject, KGO.causes))
    assert set(involved_entities(prov)) == {
        (STATEMENT, KGO.involves, URIRef("https://w3id.org/kneekg/id/caffeine")),
        (STATEMENT, KGO.involves, URIRef("https://w3id.org/kneekg/id/knee-muscle-spasm"))}
