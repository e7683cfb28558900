"""kg.sparql.patterns: reading a basic graph pattern and bounding the rows it can give."""

from __future__ import annotations

import pytest

from kg.sparql import patterns
from kg.sparql.lexer import tokens


class FakeCounts:
    """Counts given by hand: ``sizes`` per (s, p, o) with None for any term (default ``default``)."""

    def __init__(self, sizes=None, default=1, fanouts=None):
        self.sizes, self.default, self.fanouts = sizes or {}, default, fanouts or {}
        self.asked = 0

    def count(self, subject, predicate, obj, cap):
        self.asked += 1
        key = tuple(None if t is None else t.value for t in (subject, predicate, obj))
        return min(self.sizes.get(key, self.default), cap + 1)

    def fanout(self, predicate, side):
        return self.fanouts.get((None if predicate is None else predicate.value, side), 1 << 62)


def bounded(sparql, counts):
    return patterns.prove_pattern(patterns.basic_pattern(tokens(sparql))[1], counts)


def test_the_bound_multiplies_fanouts_along_the_join():
    p, q = "urn:p", "urn:q"
    sparql = "SELECT * { <urn:a> <urn:p> ?x . ?x <urn:q> ?y }"
    counts = FakeCounts({("urn:a", p, None): 40, (None, q, None): 9000}, fanouts={(q, "out"): 50})
    assert bounded(sparql, counts) == 2000  # 40 × 50
    counts.fanouts[(q, "out")] = 51
    with pytest.raises(patterns.NotProven, match="more than 2000 rows"):
        bounded(sparql, counts)
    counts.fanouts.clear()  # a fan-out not known (a property too frequent to have one computed)
    with pytest.raises(patterns.NotProven):
        bounded(sparql, counts)


def test_the_join_starts_from_the_most_selective_pattern():
    sparql = "SELECT * { ?x <urn:q> ?y . <urn:a> <urn:p> ?x }"  # written from the unbound side
    counts = FakeCounts({("urn:a", "urn:p", None): 3, (None, "urn:q", None): 9000}, fanouts={("urn:q", "out"): 2})
    assert bounded(sparql, counts) == 6


def test_no_pattern_may_be_a_long_scan_whatever_the_bound():
    """The engine may evaluate a pattern alone and hash-join it: a frequent property is refused even from a bound term."""
    sparql = "SELECT * { <urn:a> <urn:p> ?x . ?x <urn:q> ?y }"
    counts = FakeCounts({("urn:a", "urn:p", None): 1, (None, "urn:q", None): patterns.MAX_SCAN + 1},
                        fanouts={("urn:q", "out"): 1})
    with pytest.raises(patterns.NotProven, match="alone matches more than"):
        bounded(sparql, counts)


def test_each_pattern_is_counted_once():
    counts = FakeCounts({("urn:a", "urn:p", None): 3}, fanouts={("urn:q", "out"): 2})
    assert bounded("SELECT * { <urn:a> <urn:p> ?x . ?x <urn:q> ?y . ?y <urn:r> ?z }", counts) == 3  # 3 × 1 × 1
    assert counts.asked == 3


@pytest.mark.parametrize("sparql, width", [
    ("SELECT ?p ?o WHERE { <urn:s> ?p ?o }", 2),
    ("SELECT * { <urn:s> ?p ?o ; <urn:q> ?r }", 3),
    ("SELECT ?o ?unbound WHERE { <urn:s> ?p ?o }", 1),
    ("SELECT ?unbound WHERE { <urn:s> ?p ?o }", None),
    ("ASK { <urn:s> ?p ?o }", None),
])
def test_every_row_binds_the_projected_variables_of_the_pattern(sparql, width):
    form, found, projected = patterns.read_basic(tokens(sparql))
    assert patterns.row_width(form, found, projected) == width
