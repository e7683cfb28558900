"""The synthetic graph generator: deterministic, exact in size, the same shape as the release graph."""

from __future__ import annotations

import io

import pyoxigraph
import pytest
from click.testing import CliRunner

from kg import paths
from kg.build import synth
from cli.main import main
from kg.namespaces import NAMED_GRAPHS
from kg.sparql.registry import registry, run
from kg.store.embedded import EmbeddedStore

# The release graph (~24k quads with the lexicon), a whole synthetic article (about as large, less the ontology) and part
# of a second: sized from the release, so a release that grows (more everyday names, more qualifiers) still leaves the
# second article its share (a fixed 50,000 left it 65 quoted statements once the release passed 24k).
RELEASE_QUADS = sum(1 for _ in (paths.RELEASE_DIR / paths.GRAPH_NQ).open(encoding="utf-8"))
SIZE = 2 * RELEASE_QUADS + 6_000


def _nquads(triples: int, seed: int = 0) -> str:
    out = io.StringIO()
    synth.write(triples, out, seed=seed)
    return out.getvalue()


@pytest.fixture(scope="module")
def text() -> str:
    return _nquads(SIZE)


@pytest.fixture(scope="module")
def store(text) -> EmbeddedStore:
    oxi = pyoxigraph.Store()
    oxi.load(text.encode(), format=pyoxigraph.RdfFormat.N_QUADS)
    return EmbeddedStore(oxi, "synthetic (test)")


def test_same_seed_same_bytes_other_seed_other_links(text):
    assert _nquads(SIZE) == text
    assert _nquads(SIZE, seed=1) != text


def test_exact_number_of_distinct_triples(store, text):
    assert text.count("\n") == SIZE
    assert len(store) == SIZE  # no duplicates: every line is a distinct quad


def test_cli_writes_the_file(tmp_path):
    out = tmp_path / "g.nq"
    result = CliRunner().invoke(main, ["synth", "--triples", "9000", "--out", str(out), "--seed", "3"])
    assert result.exit_code == 0, result.output
    assert "9,000 triples" in result.output
    assert out.read_text(encoding="utf-8") == _nquads(9000, seed=3)


def test_same_named_graphs_and_ontology_once(store):
    graphs = {str(g.value) for g in store.oxigraph.named_graphs()}
    assert graphs == {str(g) for g in NAMED_GRAPHS}
    real = pyoxigraph.Store()
    real.bulk_load(path=str(paths.RELEASE_DIR / paths.GRAPH_NQ), format=pyoxigraph.RdfFormat.N_QUADS)
    onto = pyoxigraph.NamedNode(str(NAMED_GRAPHS[0]))
    def named(quads):  # blank nodes are relabelled on load; compare counts and every other quad
        quads = list(quads)
        return len(quads), {q for q in quads if not any(isinstance(t, pyoxigraph.BlankNode) for t in q)}

    assert named(store.oxigraph.quads_for_pattern(None, None, None, onto)) == \
        named(real.quads_for_pattern(None, None, None, onto))


def test_synthetic_evidence_quotes_the_article_at_its_offsets(store):
    article = paths.ARTICLE.read_text(encoding="utf-8")
    rows = list(store.query("""
        PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX kgo: <https://w3id.org/kneekg/ontology/>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?quote ?b ?e ?s WHERE { ?st rdf:subject ?s ; prov:value ?quote ; kgo:beginIndex ?b ; kgo:endIndex ?e .
          FILTER(STRENDS(STR(?s), "-a2")) }"""))
    assert len(rows) > 100
    for row in rows:
        assert article[int(row["b"].value):int(row["e"].value)] == row["quote"].value


def test_articles_share_entities(store):
    """Some facts of a synthetic article point into an earlier article: the corpus is connected."""
    rows = list(store.query("""
        PREFIX kgo: <https://w3id.org/kneekg/ontology/>
        SELECT ?s ?o WHERE { GRAPH <https://w3id.org/kneekg/graph/facts> { ?s kgo:causes ?o }
          FILTER(STRENDS(STR(?s), "-a2") && !STRENDS(STR(?o), "-a2")) }"""))
    assert rows


@pytest.mark.parametrize("query", list(registry()), ids=lambda q: q.name)
def test_every_named_query_runs_on_the_synthetic_graph(query, store, real_store):
    """Every example answers at least as much as on the release graph (copy 0 is the release graph)."""
    def count(s, values):
        result = run(s, query, values)
        return sum(1 for _ in result) if hasattr(result, "__iter__") else int(bool(result))

    values = query.example_values()
    assert count(store, values) >= min(1, count(real_store, values))
    moved = {p.name: (f"{p.example}-a1" if p.type == "iri" and p.example.startswith("kg:") else p.example)
             for p in query.params}
    count(store, moved)  # the same query with entities of a synthetic article runs too
