"""Integration tests on the real graph: the committed artifacts are up to date and cover the article."""

import json

import owlready2
import pytest
from rdflib import Graph

from kg import paths
from kg.build.pipeline import compute, stale_artifacts


@pytest.fixture(scope="module")
def fresh_build():
    return compute()


def test_committed_artifacts_are_reproduced_byte_for_byte(fresh_build):
    assert stale_artifacts(fresh_build, paths.RELEASE_DIR) == [], "run `kneekg build` and commit release"


def test_every_table_row_and_bullet_is_represented(fresh_build):
    coverage = fresh_build.report["coverage"]
    missing = [f"line {u['line']}: {u['text']}" for u in coverage["uncovered"]]
    assert missing == []
    assert coverage["units"] >= 60


def test_no_ungrounded_fact_and_hermit_consistent(fresh_build):
    assert fresh_build.report["ungrounded_facts"] == 0
    assert fresh_build.report["reasoner"]["consistent"] is True
    assert fresh_build.report["facts"] >= 150


def test_report_counts_match_the_graph(real_store):
    report = json.loads((paths.RELEASE_DIR / "build-report.json").read_text())
    assert len(real_store) == report["triples"]


def test_ontology_release_opens_in_owl_tools():
    """The RDF/XML release loads in owlready2 (as in Protégé) and the Turtle in rdflib."""
    world = owlready2.World()
    onto = world.get_ontology((paths.RELEASE_DIR / "ontology.owl").as_uri()).load()
    assert onto.search_one(iri="https://w3id.org/kneekg/ontology/Cause") is not None
    graph = Graph().parse(paths.RELEASE_DIR / "ontology.ttl")
    assert len(graph) > 300


def test_every_class_and_property_is_labelled_commented_and_mostly_mapped():
    graph = Graph().parse(paths.ONTOLOGY_SOURCE)
    rows = graph.query("""
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?term ?mapped WHERE {
          ?term a ?kind . VALUES ?kind { owl:Class owl:ObjectProperty owl:DatatypeProperty }
          FILTER(isIRI(?term))
          ?term rdfs:label ?l ; rdfs:comment ?c .
          BIND(EXISTS { { ?term rdfs:subClassOf ?s } UNION { ?term rdfs:subPropertyOf ?s }
                        FILTER(STRSTARTS(STR(?s), "http://schema.org/")) } AS ?mapped)
        }""")
    terms = {str(r.term): bool(r.mapped.toPython()) for r in rows}
    assert len(terms) >= 50
    for name in ("MedicalCondition", "SignOrSymptom", "Therapy", "Drug", "DiagnosticProcedure", "RiskFactor", "Cause"):
        assert terms[f"https://w3id.org/kneekg/ontology/{name}"], name
    for name in ("causedBy", "hasSymptom", "treatedBy", "hasRiskFactor", "diagnosedBy"):
        assert terms[f"https://w3id.org/kneekg/ontology/{name}"], name
