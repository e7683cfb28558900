"""The build on the small fixture, on invalid inputs, and its write-aside-then-rename guarantee."""

import subprocess
import shutil
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
    assert report["entities"] == 11
    assert report["facts"] == 9
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
