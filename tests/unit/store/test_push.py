"""Chunking for SPARQL Update pushes: whole blank-node structures, and no two equal-valued literals of different datatypes in one request."""

from __future__ import annotations

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from kg.store.push import PushError, chunks, value_key

XSD = "http://www.w3.org/2001/XMLSchema#"
P = NamedNode("urn:p")


def typed(value: str, datatype: str) -> Literal:
    return Literal(value, datatype=NamedNode(XSD + datatype))


def triple(i: int, o) -> Triple:
    return Triple(NamedNode(f"urn:s{i}"), P, o)


def test_a_boolean_and_an_integer_of_equal_value_go_in_different_requests():
    """Virtuoso 7.2 stores both with the first one's datatype (openlink/virtuoso-opensource#912)."""
    triples = [triple(0, typed("1", "nonNegativeInteger")), triple(1, Literal("plain")),
               triple(2, typed("true", "boolean")), triple(3, typed("2", "nonNegativeInteger")),
               triple(4, typed("false", "boolean")), triple(5, typed("0", "positiveInteger"))]
    parts = chunks(triples, 500)
    assert sorted(str(t) for part in parts for t in part) == sorted(map(str, triples))
    for part in parts:
        datatypes: dict[str, set[str]] = {}
        for t in part:
            if value_key(t.object) is not None:
                datatypes.setdefault(value_key(t.object), set()).add(t.object.datatype.value)
        assert all(len(types) == 1 for types in datatypes.values()), part
    assert len(parts) == 3  # [1, plain] [true, 2, false] [0]


def test_equal_values_of_one_datatype_and_plain_strings_share_a_request():
    triples = [triple(i, o) for i, o in enumerate([typed("1", "nonNegativeInteger"), typed("01", "nonNegativeInteger"),
                                                    Literal("1"), Literal("1", language="en"), NamedNode("urn:1")])]
    assert chunks(triples, 500) == [triples]


def test_size_and_blank_node_structures_still_bound_the_chunks():
    b = BlankNode("r")
    structure = [Triple(NamedNode("urn:c"), P, b), Triple(b, P, NamedNode("urn:d")), Triple(b, P, typed("1", "nonNegativeInteger"))]
    parts = chunks([triple(0, typed("true", "boolean"))] + structure, 2)
    assert parts == [[triple(0, typed("true", "boolean"))], structure]


def test_a_structure_that_holds_both_literals_cannot_go_by_update():
    b = BlankNode("r")
    with pytest.raises(PushError, match="Graph Store Protocol"):
        chunks([Triple(b, P, typed("true", "boolean")), Triple(b, P, typed("1", "nonNegativeInteger"))], 500)
