"""Pattern counts for the cheap-query proof: bounded whatever predicates clients make up."""

import pyoxigraph

from kg.store.counts import PatternCounts


def test_made_up_predicates_are_answered_but_not_kept():
    store = pyoxigraph.Store()
    p, g = pyoxigraph.NamedNode("urn:p"), pyoxigraph.NamedNode("urn:g")
    store.add(pyoxigraph.Quad(pyoxigraph.NamedNode("urn:a"), p, pyoxigraph.NamedNode("urn:x"), g))
    counts = PatternCounts(store)
    assert [counts.fanout(pyoxigraph.NamedNode(f"urn:made-up-{n}"), "out") for n in range(1000)] == [0] * 1000
    assert counts.fanout(p, "out") == 1
    assert len(counts._fanouts) == 1
