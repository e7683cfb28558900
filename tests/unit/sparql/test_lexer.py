"""kg.sparql.lexer: the one tokeniser every reader of a query's structure uses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.sparql.lexer import block_end, query_form, tokens, where_group
from kg.sparql.registry import registry


@pytest.mark.parametrize("sparql", [
    'SELECT * WHERE { ?s ?p "{ WHERE" }',
    "SELECT * WHERE { ?s ?p '''\n} WHERE {\n''' }",
    "SELECT * WHERE { ?s <urn:x:{}> ?o }",
    "SELECT * WHERE { ?s ?p ?o } # { WHERE { }",
    "PREFIX where: <urn:w#> SELECT * WHERE { ?s where:x ?o }",
])
def test_braces_and_keywords_inside_strings_iris_comments_and_names_do_not_count(sparql):
    toks = tokens(sparql)
    opening, closing = where_group(toks)
    assert sparql[toks[opening].start:toks[closing].end].startswith("{ ?s")
    assert [t.key for t in toks if t.kind == "word"][-2:] == ["SELECT", "WHERE"]


def test_token_kinds():
    kinds = [(t.kind, t.text) for t in tokens('ASK { _:b0 kg:p $v . ?w <urn:x> "s"@en }')]
    assert kinds == [("word", "ASK"), ("punct", "{"), ("bnode", "_:b0"), ("pname", "kg:p"), ("var", "$v"),
                     ("other", "."), ("var", "?w"), ("iri", "<urn:x>"), ("string", '"s"'), ("other", "@"),
                     ("word", "en"), ("punct", "}")]


def test_positions_point_into_the_text():
    sparql = "SELECT ?x\n# a comment\nWHERE { ?x ?p 'o' }"
    for token in tokens(sparql):
        assert sparql[token.start:token.end] == token.text


def test_construct_template_is_not_the_where_group():
    sparql = "CONSTRUCT { ?s <urn:p> ?o } { ?s ?q ?o }"
    toks = tokens(sparql)
    opening, closing = where_group(toks)
    assert sparql[toks[opening].start:toks[closing].end] == "{ ?s ?q ?o }"


def test_block_end_and_missing_groups():
    toks = tokens("{ { } ")
    with pytest.raises(ValueError):
        block_end(toks, 0)
    with pytest.raises(ValueError):
        where_group(tokens("DESCRIBE <urn:x>"))


@pytest.mark.parametrize("query", list(registry()), ids=lambda q: q.name)
def test_every_named_query_has_a_form_and_a_where_group(query):
    toks = tokens(query.sparql)
    assert query_form(toks) == query.form
    opening, closing = where_group(toks)
    assert toks[opening].text == "{" and toks[closing].text == "}"


def test_the_same_text_is_split_once_and_each_caller_gets_its_own_list():
    from kg.sparql.lexer import tokens

    text = "SELECT ?s WHERE { ?s ?p ?o }"
    first = tokens(text)
    first.clear()  # a caller's changes do not reach the next caller
    again = tokens(text)
    assert [t.text for t in again] == ["SELECT", "?s", "WHERE", "{", "?s", "?p", "?o", "}"]
    assert tokens(text + " ") == again  # another text is split afresh (the same tokens here)


def _tokens_one_match_each(sparql):
    """The lexer as it read a text before: spacing and each comment a match of its own, dropped afterwards."""
    import re

    from kg.sparql import lexer

    alternatives = lexer._TOKEN.pattern.split("(?:\n    (?P<string>", 1)[1].rsplit("| \\Z", 1)[0]
    one_each = re.compile(r"(?P<ws>\s+) | (?P<comment>\#[^\n\r]*) | (?P<string>" + alternatives, re.VERBOSE | re.DOTALL)
    return [(m.lastgroup, m.group(), m.start(), m.end()) for m in one_each.finditer(sparql)
            if m.lastgroup not in ("ws", "comment")]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from([" ", "\n", "\r", "\t", "#", "# c\n", "<", ">", "<urn:x>", '"', "'", "'''", '"""',
                                 "{", "}", "(", ")", "?", "$", "v", "_:", ":", ".", "-", "a", "1", "SELECT", "\\",
                                 "/", "|", "^", "*", "%", "@", "\u00b7", "kg:a"]), max_size=25).map("".join))
def test_spacing_and_comments_read_as_a_tokens_lead_in_split_a_text_as_before(sparql):
    assert [tuple(t) for t in tokens(sparql + "")] == _tokens_one_match_each(sparql)


@pytest.mark.parametrize("query", list(registry()), ids=lambda q: q.name)
def test_every_named_query_splits_as_before(query):
    assert [tuple(t) for t in tokens(query.sparql)] == _tokens_one_match_each(query.sparql)
