"""kg.sparql.cheap: which queries are proven cheap enough for the serving thread, and that they answer as the pool does."""

from __future__ import annotations

import pyoxigraph
import pytest

from kg.sparql import cheap, patterns
from kg.sparql.engine import Engine
from kg.sparql.formats import SOLUTION_FORMATS
from kg.sparql.lexer import tokens
from kg.sparql.registry import registry

KG = "https://w3id.org/kneekg/id/"
PREFIXES = ("PREFIX kg: <https://w3id.org/kneekg/id/>\nPREFIX kgo: <https://w3id.org/kneekg/ontology/>\n"
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n")
ENTITIES = ["knee-muscle-spasm", "dehydration", "caffeine", "magnesium", "no-such-entity"]


class FakeCounts:
    """Counts given by hand: ``sizes`` per (s, p, o) with None for any term (default ``default``)."""

    def __init__(self, sizes=None, default=1, fanouts=None):
        self.sizes, self.default, self.fanouts = sizes or {}, default, fanouts or {}

    def count(self, subject, predicate, obj, cap):
        key = tuple(None if t is None else t.value for t in (subject, predicate, obj))
        return min(self.sizes.get(key, self.default), cap + 1)

    def fanout(self, predicate, side):
        return self.fanouts.get((None if predicate is None else predicate.value, side), 1 << 62)


def proven(sparql, counts):
    return cheap.plan(sparql, counts, cheap.named_index(), lambda query: query.sparql)


@pytest.mark.parametrize("sparql", [
    f"SELECT ?p ?o WHERE {{ <{KG}dehydration> ?p ?o }}",
    PREFIXES + "SELECT DISTINCT ?c ?label WHERE { kg:dehydration kgo:causes ?c . ?c skos:prefLabel ?label } ORDER BY ?label",
    PREFIXES + "ASK { kg:dehydration kgo:causes kg:knee-muscle-spasm }",
    PREFIXES + "SELECT * { ?c kgo:causes kg:knee-muscle-spasm ; skos:prefLabel ?l , ?m . } LIMIT 5 OFFSET 1",
    PREFIXES + 'SELECT ?x WHERE { ?x skos:prefLabel "Dehydration" }',
    PREFIXES + 'SELECT ?x ?unbound WHERE { ?x skos:prefLabel "Dehydration" }',
    PREFIXES + 'SELECT ?unbound WHERE { ?x skos:prefLabel "Dehydration" }',
    PREFIXES + 'SELECT ?p $o WHERE { kg:dehydration ?p $o }',
    PREFIXES + 'SELECT ?type WHERE { kg:dehydration a ?type }',  # variables named as JSON's own keys
    PREFIXES + 'SELECT ?value ?type WHERE { ?type skos:prefLabel ?value . ?type a kgo:Cause }',
])
def test_small_bound_patterns_are_proven_cheap(sparql, real_store):
    plan = proven(sparql, real_store.pattern_counts())
    assert plan.sparql == sparql and plan.rows_at_most is not None and plan.rows_at_most <= patterns.MAX_ROWS
    inline = Engine(real_store, workers=0, cache_size=0)
    as_written = Engine(real_store, workers=0, cache_size=0, inline=False)
    for fmt in SOLUTION_FORMATS.values():  # the same bytes and row count (JSON's rows counted by their cells)
        fast, slow = inline.execute(sparql, fmt), as_written.execute(sparql, fmt)
        assert (fast.body, fast.count) == (slow.body, slow.count), fmt.name


@pytest.mark.parametrize("sparql, why", [
    ("SELECT * WHERE { ?s ?p ?o }", "more than"),  # nothing bound: the whole graph
    ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", "projection"),
    (PREFIXES + "SELECT * { kg:dehydration ?p ?o . kg:caffeine ?q ?r }", "cartesian"),
    (PREFIXES + "SELECT * { kg:dehydration kgo:causes+ ?o }", "does not follow"),  # a path of unbounded length
    (PREFIXES + "SELECT * { kg:dehydration kgo:causes/kgo:causes ?o }", "does not follow"),
    (PREFIXES + "SELECT * { ?s a ?type }", "more than"),  # unbound join on a frequent property
    (PREFIXES + "SELECT * { kg:dehydration ?p ?o OPTIONAL { ?o ?q ?r } }", "does not follow"),
    (PREFIXES + "SELECT * { kg:dehydration ?p ?o FILTER(?o != 1) }", "does not follow"),
    (PREFIXES + "SELECT * { kg:dehydration ?p _:b }", "does not follow"),
    (PREFIXES + "SELECT * { { kg:dehydration ?p ?o } }", "does not follow"),
    (PREFIXES + "SELECT * FROM <https://w3id.org/kneekg/graph/facts> { kg:dehydration ?p ?o }", "group"),
    (PREFIXES + "CONSTRUCT WHERE { kg:dehydration ?p ?o }", "SELECT or an ASK"),
    ("BASE <http://example.org/> SELECT * { <s> ?p ?o }", "SELECT or an ASK"),
    (r"SELECT * { <https://w3id.org/kneekg/id/dehydration> ?p ?o } # \u0020", "escapes"),
    (PREFIXES + "SELECT * { kg:dehydration ?p ?o } VALUES ?o { kg:x }", "VALUES"),
    (PREFIXES + "SELECT * WHERE { VALUES ?o { kg:x } kg:dehydration ?p ?o }", "named query"),
])
def test_other_queries_are_not_proven(sparql, why, real_store):
    with pytest.raises(cheap.NotProven, match=why):
        proven(sparql, real_store.pattern_counts())


def test_store_fanouts_are_the_graphs_own(real_store):
    counts = real_store.pattern_counts()
    label = pyoxigraph.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    assert counts.fanout(label, "out") == 1  # one preferred label per entity (per graph)
    assert counts.fanout(None, "out") > patterns.MAX_ROWS  # any property: not known
    entity = pyoxigraph.NamedNode(KG + "dehydration")
    rows = real_store.query(f"SELECT ?g ?p ?o WHERE {{ GRAPH ?g {{ <{entity.value}> ?p ?o }} }}")
    assert counts.count(entity, None, None, 10 ** 6) == len(list(rows))


def _named_texts():
    """Every named query with IRI parameters × sample entities, as the editor writes them (VALUES-bound)."""
    for query in registry():
        if query.params and all(p.type == "iri" for p in query.params):
            for entity in ENTITIES[: 5 if len(query.params) == 1 else 1]:
                values = {p.name: f"<{KG}{entity}>" for p in query.params}
                yield pytest.param(query.name, query.with_values(values), id=f"{query.name}-{entity}")


@pytest.mark.parametrize("name, sparql", list(_named_texts()))
def test_a_named_query_with_bound_values_answers_as_written(name, sparql, real_store):
    """The plan (the store's text, the values as substitutions) gives the same rows, order and bytes as the text."""
    inline = Engine(real_store, workers=0, cache_size=0)
    as_written = Engine(real_store, workers=0, cache_size=0, inline=False)
    plan = inline.cheap_plan(sparql)
    assert plan is not None and plan.named == name
    for fmt in SOLUTION_FORMATS.values():
        job = inline.prepare(sparql, fmt)
        assert job.inline and job.sparql != sparql
        fast, slow = inline.run(job), as_written.execute(sparql, fmt)
        assert (fast.body, fast.count, fast.truncated) == (slow.body, slow.count, slow.truncated), fmt.name


def test_a_named_query_cut_at_the_row_cap_is_cut_as_written(real_store):
    """The named query's rows, written whole by pyoxigraph and then cut, are the rows read up to the cap and written."""
    sparql = registry()["causes-of"].with_values({"condition": f"<{KG}muscle-spasm>"})
    inline = Engine(real_store, workers=0, cache_size=0, row_limit=3)
    as_written = Engine(real_store, workers=0, cache_size=0, row_limit=3, inline=False)
    for fmt in SOLUTION_FORMATS.values():
        job = inline.prepare(sparql, fmt)
        assert job.inline and job.rows_at_most is None
        fast, slow = inline.run(job), as_written.execute(sparql, fmt)
        assert fast.truncated and (fast.count, fast.limit) == (3, 3)
        assert (fast.body, fast.count, fast.truncated) == (slow.body, slow.count, slow.truncated), fmt.name


@pytest.mark.parametrize("entity", ENTITIES)
def test_a_bound_pattern_answers_as_written_in_every_format(entity, real_store):
    sparql = f"SELECT ?p ?o WHERE {{ <{KG}{entity}> ?p ?o }} ORDER BY ?p ?o"
    inline = Engine(real_store, workers=0, cache_size=0)
    as_written = Engine(real_store, workers=0, cache_size=0, inline=False)
    for fmt in SOLUTION_FORMATS.values():
        job = inline.prepare(sparql, fmt)
        assert job.inline and job.rows_at_most is not None
        fast, slow = inline.run(job), as_written.execute(sparql, fmt)
        assert (fast.body, fast.count) == (slow.body, slow.count), fmt.name


def test_a_named_text_changed_is_not_the_named_query(real_store):
    query = registry()["causes-of"]
    text = query.with_values({"condition": "kg:dehydration"})
    engine = Engine(real_store, workers=0, cache_size=0)
    assert engine.cheap_plan(text.replace("ORDER BY", "LIMIT 1 ORDER BY")) is None  # not the registry's text
    two_rows = text.replace("VALUES ?condition { <", "VALUES ?condition { <urn:x> <")
    assert engine.cheap_plan(two_rows) is None  # more than one row: evaluated as written
    assert engine.cheap_plan(text.replace(f"<{KG}dehydration>", '"dehydration"')) is None  # a literal for an IRI


def test_values_clauses_are_read_in_both_spellings():
    toks = tokens('VALUES (?a ?b) { (<urn:x> "y") } VALUES ?c { <urn:z> } ?s')
    bound, after = cheap._values_clauses(toks, 0, {})
    assert bound == {"a": pyoxigraph.NamedNode("urn:x"), "b": pyoxigraph.Literal("y"),
                     "c": pyoxigraph.NamedNode("urn:z")}
    assert toks[after].text == "?s"


def test_engine_without_counts_never_inlines(mini_store):
    class Plain:  # a store that offers no pattern counts (as a remote one)
        isolated = False

        def query(self, sparql, **kwargs):
            return mini_store.query(sparql, **kwargs)

    engine = Engine(Plain(), cache_size=0)
    assert engine.cheap_plan(f"SELECT ?p ?o WHERE {{ <{KG}dehydration> ?p ?o }}") is None


def test_a_named_query_holds_its_clients_place_and_a_bound_pattern_needs_none(real_store):
    from kg.sparql.errors import TooManyQueries

    engine = Engine(real_store, workers=0, cache_size=0, per_client=1)
    named = engine.prepare(registry()["causes-of"].with_values({"condition": "kg:dehydration"}), SOLUTION_FORMATS["json"])
    pattern = engine.prepare(f"SELECT ?p ?o WHERE {{ <{KG}dehydration> ?p ?o }}", SOLUTION_FORMATS["json"])
    assert named.inline and pattern.inline
    with engine.admission.admit("client"):  # the client's one place is taken
        with pytest.raises(TooManyQueries):
            engine.run(named, client="client")
        assert engine.run(pattern, client="client").count > 0


def test_who_asks_is_found_only_for_a_query_that_holds_a_place(real_store):
    """The web view hands the engine functions (the client's address, a disconnect test): a query proven to give
    few rows calls neither; one that holds a place asks who the client is, and its per-client limit holds."""
    from kg.sparql.errors import TooManyQueries

    engine = Engine(real_store, workers=0, cache_size=0, per_client=1)
    asked: list[str] = []

    def client() -> str:
        asked.append("client")
        return "client"

    def watch():
        asked.append("watch")
        return None

    pattern = engine.prepare(f"SELECT ?p ?o WHERE {{ <{KG}dehydration> ?p ?o }}", SOLUTION_FORMATS["json"])
    assert engine.run(pattern, client=client, watch=watch).count > 0
    assert asked == []
    named = engine.prepare(registry()["causes-of"].with_values({"condition": "kg:dehydration"}), SOLUTION_FORMATS["json"])
    assert engine.run(named, client=client, watch=watch).count > 0
    assert asked == ["client"]  # evaluated in this thread (inline): no query process to stop, nothing to watch
    with engine.admission.admit("client"):  # the client's one place is taken
        with pytest.raises(TooManyQueries):
            engine.run(named, client=client, watch=watch)


def test_a_named_query_that_does_not_select_its_parameter_is_not_proven():
    """pyoxigraph substitutes only a selected variable: such a query is evaluated as written, in the pool."""
    from pathlib import Path

    from kg.sparql.registry import NamedQuery, Param, Registry

    hidden = NamedQuery("hidden", "s", "d", (Param("x", "iri", "kg:a", "d"),),
                        "SELECT ?o WHERE { ?x <urn:p> ?o } ORDER BY ?o", Path("hidden.rq"))
    shown = NamedQuery("shown", "s", "d", (Param("x", "iri", "kg:a", "d"),),
                       "SELECT ?x ?o WHERE { ?x <urn:q> ?o } ORDER BY ?o", Path("shown.rq"))
    index = cheap.NamedIndex(Registry({"hidden": hidden, "shown": shown}))
    text = "SELECT ?o WHERE { VALUES ?x { <urn:a> } ?x <urn:p> ?o } ORDER BY ?o"
    with pytest.raises(cheap.NotProven, match="does not select"):
        cheap.named_plan(tokens(text), index, lambda query: query.sparql)
    plan = cheap.named_plan(tokens(text.replace("?o WHERE", "?x ?o WHERE").replace("urn:p", "urn:q")), index,
                            lambda query: query.sparql)
    assert plan.named == "shown" and plan.substitutions == (("x", pyoxigraph.NamedNode("urn:a")),)



def _readings(sparql):
    """What the string comparison and the token reader make of ``sparql``: a plan, None, or why not."""
    def read(how):
        try:
            return how()
        except (cheap.NotProven, IndexError, ValueError, StopIteration) as exc:
            return type(exc)

    index, text_for = cheap.named_index(), (lambda query: query.sparql)
    return (read(lambda: index.framed(sparql, text_for)),
            read(lambda: cheap.named_plan(tokens(sparql), index, text_for)))


@pytest.mark.parametrize("name", [q.name for q in registry() if q.params and all(p.type == "iri" for p in q.params)])
def test_a_named_text_recognised_by_its_frame_reads_as_its_tokens_do(name):
    """The string comparison (``NamedIndex.framed``) proves what the token reader proves, or leaves it to the reader."""
    from kg.sparql.text import with_values

    query = registry()[name]
    text = query.with_values({p.name: f"<{KG}dehydration>" for p in query.params})
    at = text.index("VALUES")
    recognised = [text, text + "\n# 1234", text + "   # a comment", text.rstrip() + "\n\n",
                  text[:at] + "# bound here\n  " + text[at:],
                  query.with_values({p.name: "<urn:x>" for p in query.params}),
                  with_values(query.sparql, {p.name: pyoxigraph.NamedNode("urn:y") for p in query.params})]
    for sparql in recognised:
        framed, read = _readings(sparql)
        assert isinstance(framed, cheap.Plan) and framed == read, sparql[-120:]
    left = [text + " LIMIT 1", text + "x", text + '"""', text + "# c\nLIMIT 1",
            text.replace("VALUES", "VALUES ?extra { <urn:y> } VALUES", 1),
            text.replace("VALUES", "FILTER(true) VALUES", 1),
            text.replace("> }", "> <urn:z> }", 1), text.replace("> }", "> } #", 1),
            text.replace("VALUES", "# VALUES", 1)]
    for sparql in left:
        framed, read = _readings(sparql)
        assert framed is None or framed == read, sparql[-120:]  # left to the token reader, or read alike
