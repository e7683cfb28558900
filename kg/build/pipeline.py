"""Build the release artifacts: parse -> ground -> SHACL -> reason -> check -> write (aside, then rename)."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, SKOS

from kg import paths
from kg.build.article import load_structure
from kg.build.assemble import ROLE_CLASSES, assemble, load_ontology
from kg.build.checks import run_checks
from kg.build.errors import BuildError, Problem
from kg.build.facts import QUALIFIERS, load_facts
from kg.build.grounding import coverage
from kg.build.lexicon import load_lexicon
from kg.namespaces import (FACTS_GRAPH, INFERRED_GRAPH, KG, KGO, KGV, ONTOLOGY_GRAPH, PREFIXES,
                           PROVENANCE_GRAPH)
from kg.build.reasoning import entailed_predicates, involved_entities, reason, super_property_closure
from kg.build.shapes import check_shapes

GENERATED_NOTE = """# Generated release artifacts — do not edit

Written by `kneekg build` from `ontology/kneekg.ttl`, `ontology/shapes.ttl`, `facts/*.yaml` and
`article/knee-muscle-spasms.txt`. A test rebuilds them and fails if they differ.

| file | what |
|---|---|
| `graph.nq` | the whole dataset as sorted, canonical N-Quads; the app loads it at start-up |
| `ontology.ttl` | the ontology (TBox) alone, Turtle |
| `ontology.owl` | the ontology (TBox) alone, RDF/XML (OWL) |
| `build-report.json` | counts, coverage of the article's tables and bullets, quality checks |

Named graphs in `graph.nq`:
`https://w3id.org/kneekg/graph/ontology` (TBox), `.../graph/facts` (asserted facts),
`.../graph/inferred` (what HermiT and the SKOS/RDFS rules added, `kgo:context`, `kgo:entailedPredicate` and `kgo:involves` of statements included),
`.../graph/provenance` (one `rdf:Statement` per fact and quote, with the qualifiers of that quote
and where it sits; the article, its sections, tables and lists, and its publisher).
"""


@dataclass
class BuildResult:
    """Everything a build computed; ``files`` maps artifact name to its bytes."""

    report: dict
    files: dict[str, bytes] = field(default_factory=dict)
    seconds: float = 0.0

    def summary(self) -> str:
        r = self.report
        lines = [f"entities: {r['entities']}  facts: {r['facts']} (+{r['descriptive_facts']} descriptive, "
                 f"{r['negated_facts']} negated)  statements (fact+quote): {r['statements']} "
                 f"({r['qualified_statements']} qualified)  claims: {r['claims']} ({r['contradictions']} contradictions)"]
        lines.append("entities per class (asserted): " + ", ".join(f"{k} {v}" for k, v in r["entities_per_class"].items()))
        lines.append("roles (inferred): " + ", ".join(f"{k} {v}" for k, v in r["roles_inferred"].items()))
        lines.append("triples per graph: " + ", ".join(f"{k} {v}" for k, v in r["triples_per_graph"].items())
                     + f"  total {r['triples']}")
        lines.append(f"inferred triples: {r['triples_per_graph']['inferred']} "
                     f"(types {r['reasoner']['inferred_types']}, relations {r['reasoner']['inferred_relations']}, "
                     f"class axioms {r['reasoner']['inferred_subclass_axioms']})")
        cov = r["coverage"]
        lines.append(f"coverage: {cov['covered']}/{cov['units']} table rows and bullets represented")
        for unit in cov["uncovered"]:
            lines.append(f"  not represented: line {unit['line']} ({unit['kind']}): {unit['text']}")
        lines.append(f"quality checks: {len(r['checks'])} run, {sum(r['checks'].values())} violations")
        lines.append(f"ungrounded facts: {r['ungrounded_facts']}  HermiT: consistent")
        lines.append(f"time: {self.seconds:.2f} s")
        return "\n".join(lines)


def _nquads(graphs: dict[URIRef, Graph]) -> bytes:
    """Serialise named graphs as canonical (RDFC-1.0 blank node labels), sorted N-Quads."""
    dataset = pyoxigraph.Dataset()
    for name, graph in graphs.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            data = graph.serialize(format="nt", encoding="utf-8")
        for triple in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_TRIPLES):
            dataset.add(pyoxigraph.Quad(triple.subject, triple.predicate, triple.object, pyoxigraph.NamedNode(str(name))))
    dataset.canonicalize(pyoxigraph.CanonicalizationAlgorithm.RDFC_1_0)
    text = pyoxigraph.serialize(dataset, format=pyoxigraph.RdfFormat.N_QUADS).decode("utf-8")
    lines = sorted(set(line for line in text.splitlines() if line.strip()))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _release(nquads: bytes, graph_name: URIRef, rdf_format: pyoxigraph.RdfFormat) -> bytes:
    """Serialise one named graph of the canonical N-Quads, in its sorted order, so releases are stable."""
    triples = [quad.triple for quad in pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS)
               if quad.graph_name == pyoxigraph.NamedNode(str(graph_name))]
    return pyoxigraph.serialize(triples, format=rdf_format, prefixes=PREFIXES)


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(paths.ROOT))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Sources:
    """The inputs of a build; the defaults are the project's own files."""

    article: Path = paths.ARTICLE
    vocabulary: Path = paths.VOCABULARY_IDS
    ontology: Path = paths.ONTOLOGY_SOURCE
    shapes: Path = paths.SHAPES
    facts_dir: Path = paths.FACTS_DIR
    structure: Path = paths.STRUCTURE
    checks_dir: Path = paths.CHECKS_DIR
    lexicon: Path = paths.LEXICON


def compute(sources: Sources | None = None) -> BuildResult:
    """Run every build step in memory; raise ``BuildError`` naming each problem."""
    started = time.perf_counter()
    src = sources or Sources()
    article = src.article.read_text(encoding="utf-8")
    vocabulary = src.vocabulary.read_text(encoding="utf-8")
    ontology = load_ontology(src.ontology)
    structure = load_structure(src.structure, article, _display(src.structure))
    facts = load_facts(src.facts_dir, paths.ROOT)
    lexicon, about_entities, lexicon_skipped = load_lexicon(src.lexicon, set(facts.entities))

    data, prov, evidence = assemble(facts, ontology, article, vocabulary, structure)
    check_shapes(data + prov, ontology, src.shapes)
    reasoned = reason(ontology, data)
    contexts = super_property_closure(ontology, prov, KGO.context)
    entailed = entailed_predicates(ontology + lexicon, prov)
    involved = involved_entities(prov)
    for triple in contexts + super_property_closure(ontology, data, KGO.searchLabel) + entailed + involved:
        reasoned.inferred.add(triple)

    graphs = {ONTOLOGY_GRAPH: ontology + lexicon, FACTS_GRAPH: data + about_entities, INFERRED_GRAPH: reasoned.inferred,
              PROVENANCE_GRAPH: prov}
    nquads = _nquads(graphs)

    store = pyoxigraph.Store()
    store.load(nquads, format=pyoxigraph.RdfFormat.N_QUADS)
    checks = run_checks(store, src.checks_dir)
    failed = {name: rows for name, rows in checks.items() if rows}
    if failed:
        problems = []
        for name, rows in failed.items():
            for row in rows[:20]:
                problems.append(Problem(f"{name}: " + ", ".join(f"{k}={v}" for k, v in row.items())))
        raise BuildError(problems, stage="quality checks")

    spans = [(e.begin, e.end) for e in evidence]
    units = coverage(article, spans)
    grounded = {(e.subject, e.predicate, e.object) for e in evidence if not e.negated}
    fact_triples = {(KG[f.subject], KGO[f.predicate], KG[f.object])
                    for f in facts.facts if f.value is None and not f.negated}
    data_properties = set(ontology.subjects(RDF.type, OWL.DatatypeProperty)) - {KGO.claimText}
    descriptive = {(s, p, o) for s, p, o in data if isinstance(o, Literal) and
                   (p == SKOS.definition or p in data_properties)}
    statements = set(prov.subjects(RDF.type, RDF.Statement))
    qualifier_properties = sorted({URIRef(str(KGO) + spec.property) for spec in QUALIFIERS.values()
                                   if spec.values != "text"} | {KGO.negated}, key=str)
    qualified = {st for st in statements if any((st, p, None) in prov for p in qualifier_properties)}
    conflicts = {tuple(sorted((str(a), str(b)))) for a, b in data.subject_objects(KGO.conflictsWith)}

    per_class = Counter()
    for entity in facts.entities.values():
        for type_name in entity.types:
            per_class[type_name] += 1
    report = {
        "entities": len(facts.entities),
        "entities_per_class": dict(sorted(per_class.items())),
        "roles_inferred": {k: reasoned.classified[k] for k in sorted(ROLE_CLASSES)},
        "facts": len(fact_triples),
        "facts_per_relation": dict(sorted(Counter(f.predicate for f in facts.facts
                                                  if f.value is None and not f.negated).items())),
        "descriptive_facts": len(descriptive),
        "negated_facts": len({f.key for f in facts.facts if f.negated}),
        "statements": len(statements),
        "qualified_statements": len(qualified),
        "statements_checked_unqualified": len(set(prov.subjects(KGO.checked, None)) & statements),
        "statements_per_qualifier": {str(p)[len(str(KGO)):]: len(set(prov.subjects(p, None)) & statements)
                                     for p in qualifier_properties},
        "statements_per_evidence_kind": dict(sorted(Counter(str(k)[len(str(KGV)):]
                                                            for k in prov.objects(None, KGO.evidenceKind)).items())),
        "claims": len(facts.claims),
        "contradictions": len(conflicts),
        "synonyms": sum(len(e.alt) for e in facts.entities.values()),
        "search_labels": sum(len(e.search) for e in facts.entities.values()),
        "ungrounded_facts": len(fact_triples - grounded) + len(descriptive - grounded),
        "triples_per_graph": {"ontology": len(ontology), "facts": len(data),
                              "inferred": len(reasoned.inferred), "provenance": len(prov)},
        "triples": nquads.count(b"\n"),
        "reasoner": {"name": "HermiT (owlready2)", "consistent": True,
                     "inferred_types": reasoned.inferred_types,
                     "inferred_relations": reasoned.inferred_relations,
                     "inferred_subclass_axioms": reasoned.inferred_subclass_axioms,
                     "inferred_statement_contexts": len(contexts),
                     "inferred_statement_predicates": len(entailed),
                     "inferred_statement_entities": len(involved)},
        "coverage": {"units": len(units), "covered": sum(1 for _, ok in units if ok),
                     "uncovered": [{"line": u.line, "kind": u.kind, "text": u.text} for u, ok in units if not ok]},
        "checks": {name: len(rows) for name, rows in sorted(checks.items())},
        "lexicon": {"triples": len(lexicon), "about_entities": len(about_entities),
                    "unknown_entities": lexicon_skipped},
    }

    files = {
        paths.GRAPH_NQ: nquads,
        "ontology.ttl": _release(nquads, ONTOLOGY_GRAPH, pyoxigraph.RdfFormat.TURTLE),
        "ontology.owl": _release(nquads, ONTOLOGY_GRAPH, pyoxigraph.RdfFormat.RDF_XML),
        "build-report.json": (json.dumps(report, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8"),
        "README.md": GENERATED_NOTE.encode("utf-8"),
    }
    return BuildResult(report, files, time.perf_counter() - started)


def write_artifacts(result: BuildResult, artifacts_dir: Path) -> None:
    """Write every artifact into a fresh directory beside the old one, then swap them in.

    A build that fails never reaches this point, so the last good artifacts stay in place.
    """
    artifacts_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".release-", dir=artifacts_dir.parent))
    try:
        # mkdtemp makes a private (0700) directory; the release is read by everyone, as a plain mkdir makes it.
        umask = os.umask(0)
        os.umask(umask)
        staging.chmod(0o777 & ~umask)
        for name, content in result.files.items():
            (staging / name).write_bytes(content)
        old = None
        if artifacts_dir.exists():
            old = artifacts_dir.with_name(staging.name + "-old")
            os.replace(artifacts_dir, old)
        os.replace(staging, artifacts_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def stale_artifacts(result: BuildResult, artifacts_dir: Path) -> list[str]:
    """Name the committed artifacts that differ from a fresh build (empty when up to date)."""
    stale = []
    for name, content in result.files.items():
        path = artifacts_dir / name
        if not path.exists() or path.read_bytes() != content:
            stale.append(name)
    return stale
