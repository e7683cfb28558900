"""Entity linking: labels and synonyms to IRIs, tolerant of case, plurals, word order and typos."""

import pytest

from kg.qa.linking import FUZZY_CUTOFF, label_index, normalise_label, tokens
from kg.namespaces import KG


@pytest.mark.parametrize("text, key", [
    ("Knee Twitching", "knee twitching"),
    ("muscle spasms", "muscle spasm"),
    ("Lou Gehrig’s disease", "lou gehrig disease"),
    ("anti-seizure medications", "anti seizure medication"),
    ("vitamin deficiencies", "vitamin deficiency"),
])
def test_normalise_label_folds_case_plurals_and_punctuation(text, key):
    assert normalise_label(text) == key


def test_tokens_drop_punctuation():
    assert tokens("What causes it?!") == ["what", "causes", "it"]


def linked(store, text):
    mentions, _ = label_index(store).link(" ".join(tokens(text)))
    return [m.iri.rsplit("/", 1)[-1] for m in mentions]


@pytest.mark.parametrize("text, expected", [
    ("knee twitching", ["knee-muscle-spasm"]),          # altLabel
    ("KNEE SPASMS", ["knee-muscle-spasm"]),              # case and plural
    ("cramps", ["muscle-spasm"]),
    ("staying hydrated", ["hydration"]),                 # prefLabel of the mini graph
    ("dehydraton", ["dehydration"]),                     # a typo
])
def test_link_on_the_mini_graph(mini_store, text, expected):
    assert linked(mini_store, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("what can make my knee twitch", ["knee-muscle-spasm"]),
    ("muscle spams in the knee", ["knee-muscle-spasm"]),            # typo inside a long synonym
    ("spasms knee muscle", ["knee-muscle-spasm"]),                  # word order
    ("lou gehrigs disease", ["als"]),
    ("water pills and caffeine", ["diuretics", "caffeine"]),
    ("vitamin d deficiency", ["vitamin-d-deficiency"]),             # the longest match wins over "vitamin d"
])
def test_link_on_the_real_graph(real_store, text, expected):
    assert linked(real_store, text) == expected


@pytest.mark.parametrize("text", ["age", "rage", "spain", "stain", "timer", "capital of france", "the", "medications cause spasms"])
def test_short_or_unrelated_words_do_not_fuzzy_match(real_store, text):
    # "rage" must not become "age", "spain" not "pain"; a fuzzy hit may not swap in a different word.
    mentions, _ = label_index(real_store).link(text)
    assert all(m.score == 100.0 for m in mentions)
    assert "als" not in linked(real_store, text) and "medications-for-spasms-and-stiffness" not in linked(real_store, text)


def test_near_misses_become_suggestions_not_links(real_store):
    mentions, near = label_index(real_store).link("dehydrashun")
    assert mentions == []
    assert near and near[0].iri == str(KG.dehydration) and near[0].score < FUZZY_CUTOFF


def test_index_is_built_once_per_store(real_store, mini_store):
    assert label_index(real_store) is label_index(real_store)
    assert label_index(real_store) is not label_index(mini_store)


def test_index_knows_types_and_relations(real_store):
    index = label_index(real_store)
    caffeine = str(KG.caffeine)
    assert "Drug" in index.types[caffeine] and "Cause" in index.types[caffeine]   # asserted and inferred
    assert "causes" in index.outgoing[caffeine]


def test_a_different_number_is_not_a_typo(real_store):
    assert "vitamin-b12" not in linked(real_store, "vitamin b1")
    assert linked(real_store, "vitamin b12") == ["vitamin-b12"]
