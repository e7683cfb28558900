"""The build on the small fixture, on invalid inputs, and its write-aside-then-rename guarantee."""

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef
from rdflib.namespace import RDF

from kg import paths
from kg.build.pipeline import Sources, compute, write_artifacts
from kg.build.errors import BuildError
from kg.namespaces import FACTS_GRAPH, INFERRED_GRAPH, KG, KGO, PROVENANCE_GRAPH

from tests.support import DATA
INVALID = sorted(p for p in (DATA / "invalid").iterdir() if p.is_dir())


def dataset(result) -> Dataset:
    ds = Dataset()
    ds.parse(data=result.files[paths.GRAPH_NQ].decode(), format="nquads")
    return ds


def test_build_reports_counts_and_full_grounding(mini_build):
    report = mini_build.report
    assert report["entities"] == 12
    assert report["facts"] == 10
    assert report["ungrounded_facts"] == 0
    assert report["reasoner"]["consistent"] is True
    assert all(count == 0 for count in report["checks"].values())
    assert "coverage:" in mini_build.summary()


def test_inferred_triples_live_apart_from_asserted_ones(mini_build):
    ds = dataset(mini_build)
    facts, inferred = ds.graph(FACTS_GRAPH), ds.graph(INFERRED_GRAPH)
    # The defined class Cause is filled by HermiT, never asserted.
    assert (KG.dehydration, RDF.type, KGO.Cause) in inferred
    assert (KG.dehydration, RDF.type, KGO.Cause) not in facts
    # Inverse property values are inferred.
    assert (KG["knee-muscle-spasm"], KGO.causedBy, KG.dehydration) in inferred
    assert (KG.dehydration, KGO.causes, KG["knee-muscle-spasm"]) in facts
    # Group at risk: a PopulationGroup with atIncreasedRiskOf.
    assert (KG.athletes, RDF.type, KGO.AtRiskGroup) in inferred
    # schema.org types follow from the class mappings, for JSON-LD consumers.
    assert (KG.caffeine, RDF.type, URIRef("http://schema.org/Drug")) in inferred
    # ... and so do schema.org relations, through rdfs:subPropertyOf (causedBy ⊑ schema:cause).
    assert (KG["knee-muscle-spasm"], URIRef("http://schema.org/cause"), KG.dehydration) in inferred
    assert (KG.dehydration, URIRef("http://schema.org/possibleTreatment"), KG.hydration) in inferred


def test_every_fact_has_a_reified_statement_with_a_verbatim_quote(mini_build):
    ds = dataset(mini_build)
    prov = ds.graph(PROVENANCE_GRAPH)
    article = paths.ARTICLE.read_text(encoding="utf-8")
    statements = list(prov.subjects(RDF.type, RDF.Statement))
    assert len(statements) == mini_build.report["statements"] > 0
    for st in statements:
        quote = str(prov.value(st, URIRef("http://www.w3.org/ns/prov#value")))
        begin = int(prov.value(st, KGO.beginIndex))
        end = int(prov.value(st, KGO.endIndex))
        assert article[begin:end] == quote


def test_claim_is_attributed_not_a_treatment(mini_build):
    ds = dataset(mini_build)
    facts = ds.graph(FACTS_GRAPH)
    claim = KG["medicramp-48-hour-claim"]
    assert (claim, RDF.type, KGO.Claim) in facts
    assert (claim, KGO.claimAbout, KG.medicramp) in facts
    assert not list(facts.triples((KG.medicramp, KGO.treats, None)))


def test_build_is_deterministic(mini_build):
    again = compute(Sources(facts_dir=DATA / "valid" / "mini"))
    assert again.files == mini_build.files


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_invalid_facts_fail_with_a_clear_message(case):
    with pytest.raises(BuildError) as info:
        compute(Sources(facts_dir=case))
    message = info.value.render()
    for expected in (case / "expect.txt").read_text().strip().splitlines():
        assert expected in message


def test_unsatisfiable_classes_are_listed(tmp_path):
    ontology = tmp_path / "ontology.ttl"
    ontology.write_text(paths.ONTOLOGY_SOURCE.read_text() + """
kgo:Impossible a owl:Class ; rdfs:label "impossible"@en ; rdfs:comment "Both a drug and a nutrient."@en ;
    rdfs:subClassOf kgo:Drug , kgo:Nutrient .
""")
    with pytest.raises(BuildError) as info:
        compute(Sources(ontology=ontology, facts_dir=DATA / "valid" / "mini"))
    assert "unsatisfiable class: https://w3id.org/kneekg/ontology/Impossible" in info.value.render()


def test_write_replaces_artifacts_as_a_whole(tmp_path, mini_build):
    target = tmp_path / "artifacts"
    target.mkdir()
    (target / "stale.txt").write_text("old")
    write_artifacts(mini_build, target)
    assert sorted(p.name for p in target.iterdir()) == sorted(mini_build.files)
    assert not list(tmp_path.glob(".release-*"))


def test_write_keeps_the_release_readable_not_private(tmp_path, mini_build):
    """tempfile.mkdtemp makes 0700 directories: the swapped-in release gets the mode a mkdir would give."""
    target = tmp_path / "artifacts"
    umask = os.umask(0o022)
    try:
        write_artifacts(mini_build, target)
    finally:
        os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o755


def test_failed_cli_build_keeps_the_last_good_artifacts(tmp_path):
    """A broken facts file stops `kneekg build` and leaves the committed artifacts byte for byte."""
    home = tmp_path / "project"
    for part in ("article", "facts", "ontology", "queries/checks"):
        shutil.copytree(paths.ROOT / part, home / part)
    shutil.copytree(DATA / "valid" / "mini", home / "facts", dirs_exist_ok=True)
    env = {"KG_HOME": str(home), "PATH": "/usr/bin:/bin"}
    ok = subprocess.run([sys.executable, "-m", "cli.main", "build"], env=env, capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0, ok.stderr
    before = {p.name: p.read_bytes() for p in (home / "release").iterdir()}
    relations = home / "facts" / "relations.yaml"
    relations.write_text(relations.read_text() + "- s: dehydration\n  p: causes\n  o: nowhere\n  quote: x\n")
    bad = subprocess.run([sys.executable, "-m", "cli.main", "build"], env=env, capture_output=True, text=True, timeout=300)
    assert bad.returncode == 1
    assert "unknown entity 'nowhere'" in bad.stderr
    after = {p.name: p.read_bytes() for p in (home / "release").iterdir()}
    assert after == before


KGV = "https://w3id.org/kneekg/vocab/"
PROV = "http://www.w3.org/ns/prov#"
SOURCE = "https://w3id.org/kneekg/source/knee-muscle-spasms#"


def statements_of(prov, s, p, o):
    return [st for st in prov.subjects(RDF.subject, s)
            if (st, RDF.predicate, p) in prov and (st, RDF.object, o) in prov]


def test_each_statement_carries_its_qualifiers_section_and_kind(mini_build):
    prov = dataset(mini_build).graph(PROVENANCE_GRAPH)
    als_knee = statements_of(prov, KG.als, KGO.hasSymptom, KG["knee-muscle-spasm"])
    modalities = {str(prov.value(st, KGO.modality)) for st in als_knee}
    assert modalities == {KGV + "in-some-cases", KGV + "can"}
    faq = next(st for st in als_knee if prov.value(st, KGO.stage) is not None)
    assert prov.value(faq, KGO.stage) == URIRef(KGV + "early-stage")
    assert prov.value(faq, KGO.evidenceKind) == URIRef(KGV + "faq-answer")
    assert str(prov.value(faq, KGO.faqQuestion)) == "Is knee twitching a symptom of ALS or autoimmune disorders?"
    assert str(prov.value(prov.value(faq, KGO.section), URIRef("http://www.w3.org/2000/01/rdf-schema#label"))) == "FAQ"
    caffeine = statements_of(prov, KG.caffeine, KGO.causes, KG["muscle-spasm"])[0]
    assert prov.value(caffeine, KGO.amount) == URIRef(KGV + "high-amount")


def test_a_table_row_names_its_table_and_the_column_the_fact_is_read_from(mini_build):
    prov = dataset(mini_build).graph(PROVENANCE_GRAPH)
    row = next(st for st in statements_of(prov, KG.dehydration, KGO.causes, KG["knee-muscle-spasm"])
               if prov.value(st, KGO.inTable) is not None)
    assert prov.value(row, KGO.evidenceKind) == URIRef(KGV + "table-row")
    assert str(prov.value(row, KGO.tableColumn)) == "Causes"
    assert prov.value(row, KGO.modality) is None  # `modality: null` removed the item's modality here
    table = prov.value(row, KGO.inTable)
    assert str(prov.value(table, KGO.columns)) == "Causes | Risk Factors"


def test_a_negated_fact_is_a_statement_only(mini_build):
    ds = dataset(mini_build)
    facts, prov = ds.graph(FACTS_GRAPH), ds.graph(PROVENANCE_GRAPH)
    [st] = statements_of(prov, KG.als, KGO.hasCure, URIRef(KGV + "any"))
    assert prov.value(st, KGO.negated).toPython() is True
    assert not list(facts.triples((KG.als, KGO.hasCure, None)))
    assert not list(ds.graph(INFERRED_GRAPH).triples((KG.als, KGO.hasCure, None)))


def test_contradictions_are_claims_of_the_publisher_linked_both_ways(mini_build):
    ds = dataset(mini_build)
    facts, inferred = ds.graph(FACTS_GRAPH), ds.graph(INFERRED_GRAPH)
    short, long_ = KG["spasm-duration-seconds-to-minutes"], KG["spasm-duration-minutes-to-hours"]
    assert (short, KGO.claimKind, URIRef(KGV + "contradictory")) in facts
    assert (short, KGO.conflictsWith, long_) in facts and (long_, KGO.conflictsWith, short) in facts
    assert (short, KGO.claimedBy, URIRef(SOURCE + "publisher")) in facts
    promo = KG["medicramp-48-hour-claim"]
    assert (promo, KGO.claimKind, URIRef(KGV + "promotional")) in facts
    assert str(facts.value(promo, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))) == \
        "Medicramp relieves cramp pain within 48 hours."
    assert not list(inferred.triples((promo, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), None)))


def test_search_labels_are_not_synonyms_and_definitions_are_grounded(mini_build):
    ds = dataset(mini_build)
    facts, prov = ds.graph(FACTS_GRAPH), ds.graph(PROVENANCE_GRAPH)
    knee = KG["knee-muscle-spasm"]
    skos = "http://www.w3.org/2004/02/skos/core#"
    assert {str(o) for o in facts.objects(knee, KGO.searchLabel)} == {"knee cramp", "twitchy knee"}
    assert {str(o) for o in facts.objects(knee, URIRef(skos + "altLabel"))} == {"knee twitching", "knee spasm"}
    definition = facts.value(knee, URIRef(skos + "definition"))
    [st] = statements_of(prov, knee, URIRef(skos + "definition"), definition)
    assert str(prov.value(st, URIRef(PROV + "value"))).startswith("These sudden and involuntary contractions")
    assert str(prov.value(st, KGO.checked)) == "unqualified"
