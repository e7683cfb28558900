"""The SHACL shapes: their sh:in lists are the ontology's vocabularies, and they reject other values."""

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH, SKOS

from kg import paths
from kg.build.assemble import load_ontology, ontology_terms
from kg.build.shapes import shacl_problems
from kg.namespaces import KGO, KGV


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology(paths.ONTOLOGY_SOURCE)


def sh_in(shapes: Graph, path: URIRef) -> set[str]:
    for prop in shapes.subjects(SH.path, path):
        values = shapes.value(prop, SH["in"])
        if values is not None:
            return {str(v)[len(str(KGV)):] for v in Collection(shapes, values)}
    raise AssertionError(f"no sh:in for {path}")


def test_every_qualifier_shape_lists_exactly_its_vocabulary(ontology):
    shapes = Graph().parse(paths.SHAPES, format="turtle")
    terms = ontology_terms(ontology)
    for prop, scheme in terms.vocabulary.items():
        assert sh_in(shapes, KGO[prop]) == terms.schemes[scheme], prop
    assert terms.vocabulary["modality"] == "modalities"
    assert terms.schemes["modalities"] == {"always", "usually", "can", "in-some-cases", "rarely"}


def test_every_concept_has_labels_a_comment_and_a_scheme(ontology):
    for concept in ontology.subjects(RDF.type, SKOS.Concept):
        assert ontology.value(concept, SKOS.prefLabel) is not None, concept
        assert ontology.value(concept, URIRef("http://www.w3.org/2000/01/rdf-schema#comment")) is not None, concept
        assert ontology.value(concept, SKOS.inScheme) is not None, concept


def test_a_value_outside_the_vocabulary_is_a_shacl_violation(ontology):
    data = Graph()
    st = URIRef("https://w3id.org/kneekg/statement/test")
    article = URIRef("https://w3id.org/kneekg/source/knee-muscle-spasms")
    section = URIRef("https://w3id.org/kneekg/source/knee-muscle-spasms#s-0")
    data.add((article, RDF.type, KGO.Article))
    data.add((section, RDF.type, KGO.ArticleSection))
    for p, o in [(RDF.type, RDF.Statement), (RDF.subject, URIRef("https://w3id.org/kneekg/id/a")),
                 (RDF.predicate, KGO.causes), (RDF.object, URIRef("https://w3id.org/kneekg/id/b")),
                 (URIRef("http://www.w3.org/ns/prov#wasQuotedFrom"), article),
                 (URIRef("http://www.w3.org/ns/prov#value"), Literal("x")),
                 (KGO.section, section), (KGO.evidenceKind, KGV["body-text"]), (KGO.modality, KGV.maybe),
                 (KGO.urgency, KGV["see-doctor"])]:
        data.add((st, p, o))
    problems = [str(p) for p in shacl_problems(data, ontology, paths.SHAPES)]
    assert any("modality not in the vocabulary kgv:modalities" in p for p in problems), problems
    assert not any("urgency" in p for p in problems)
