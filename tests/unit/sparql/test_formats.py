"""kg.sparql.formats: the one format table and the one content negotiation."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from kg.sparql.errors import NotAcceptable
from kg.sparql.formats import (HTML_FORMATS, RDF_FORMATS, SOLUTION_FORMATS, best_match, find, format_named,
                               formats_for, negotiate, parse_accept, quality)

OFFERED = ["text/html", "application/xhtml+xml", "text/turtle", "application/ld+json", "application/n-triples",
           "application/rdf+xml", "application/sparql-results+json", "application/json", "text/csv"]
RANGE = st.sampled_from(OFFERED + ["*/*", "text/*", "application/*", "image/png", "text/turtle;charset=utf-8",
                                   "garbage", "*/json", "text/html;level=1"])
Q = st.sampled_from(["", ";q=1", ";q=0.9", ";q=0.5", ";q=0", ";q=0.500", ";q=2", ";q=x", ";Q=0.3"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(RANGE, Q), max_size=5), st.permutations(OFFERED))
def test_best_match_agrees_with_werkzeug(items, offered):
    """The same choice as the web framework made before negotiation moved into the domain."""
    header = ", ".join(media + q for media, q in items)
    assert best_match(header, offered) == parse_accept_header(header, MIMEAccept).best_match(offered)
    for media in offered:
        assert quality(header, media) == parse_accept_header(header, MIMEAccept)[media]


def test_invalid_q_values_are_skipped():
    assert parse_accept("text/turtle;q=1.5, text/csv;q=-1") == []
    assert negotiate(RDF_FORMATS, "text/turtle;q=1.5").name == "ttl"  # nothing valid asked: the default


@pytest.mark.parametrize("name, expected", [("turtle", "ttl"), ("N-Triples", "nt"), ("application/ld+json", "jsonld"),
                                            ("rdfxml", "rdf"), ("nquads", "nq"), (".trig", "trig")])
def test_find_by_any_spelling(name, expected):
    assert find(RDF_FORMATS.values(), name).name == expected


def test_aliases_only_where_offered():
    assert find(RDF_FORMATS.values(), "application/json").name == "jsonld"
    assert find(RDF_FORMATS.values(), "application/json", aliases=False) is None
    page = [*HTML_FORMATS.values(), RDF_FORMATS["ttl"]]
    with pytest.raises(NotAcceptable):
        negotiate(page, "application/x-turtle", aliases=False)


def test_negotiate_explains_what_is_offered():
    with pytest.raises(NotAcceptable) as err:
        negotiate(formats_for("SELECT"), "image/png", what="SELECT queries")
    assert "offered for SELECT queries" in str(err.value)
    assert err.value.offered == [f.media_type for f in SOLUTION_FORMATS.values()]
    with pytest.raises(NotAcceptable, match="use one of: ttl, nt, rdf, jsonld, nq, trig"):
        negotiate(RDF_FORMATS, None, "csv")


def test_formats_pickle_by_name():
    for fmt in [*SOLUTION_FORMATS.values(), *RDF_FORMATS.values()]:
        assert pickle.loads(pickle.dumps(fmt)) is format_named(fmt.name)


def test_one_table_for_every_rdf_format():
    """Export, entity pages, VoID and the endpoint read the same table."""
    from kg.views import export, void

    assert {f.extension for f in export.FORMATS.values() if f.rdf} == set(RDF_FORMATS)
    assert set(void.MEDIA_TYPES) <= {f.media_type for f in RDF_FORMATS.values()}
    assert [f.name for f in RDF_FORMATS.values() if f.quads] == ["nq", "trig"]


def test_negotiation_is_kept_for_answers_only():
    import pytest as _pytest

    from kg.sparql.errors import NotAcceptable
    from kg.sparql.formats import formats_for, negotiate

    for _ in range(2):  # a refusal is not kept: it is raised each time
        with _pytest.raises(NotAcceptable):
            negotiate(formats_for("SELECT"), "image/png")
    assert negotiate(formats_for("SELECT"), "text/csv").name == negotiate(formats_for("SELECT"), "text/csv").name == "csv"
    assert negotiate(formats_for("CONSTRUCT"), "text/csv;q=0.1, */*;q=0.2").name == "ttl"  # the table is part of the key
