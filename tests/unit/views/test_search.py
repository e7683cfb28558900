"""Label search: tolerant of case, plurals, small typos and word order; one index per store."""

from __future__ import annotations

import pytest

from kg.views.search import Hit, SearchIndex, index_for, normalise, search

KG = "https://w3id.org/kneekg/id/"


@pytest.mark.parametrize("text, expected", [
    ("dehydration", "dehydration"),  # exact
    ("DEHYDRATION", "dehydration"),  # case
    ("Dehydraton", "dehydration"),  # a missing letter
    ("dehydartion", "dehydration"),  # swapped letters
    ("muscle spasms", "muscle-spasm"),  # plural of the preferred label
    ("muscle spasm", "muscle-spasm"),
    ("cramps", "muscle-spasm"),  # a lay word (kgo:searchLabel "cramps"), before the Medicramp claim
    ("coffee", "caffeine"),  # a lay word
    ("magnesum", "magnesium"),  # typo
    ("spasm knee muscle", "knee-muscle-spasm"),  # word order
    ("Lou Gehrig's disease", "als"),  # synonym with an apostrophe
    ("vitamin d", "vitamin-d"),
])
def test_search_finds_the_entity_first(real_store, text, expected):
    hits = search(real_store, text, limit=5)
    assert hits, f"no hit for {text!r}"
    assert hits[0].iri == KG + expected, [(h.label, h.score) for h in hits]


def test_a_lay_word_finds_its_entity_but_says_so(real_store):
    hit = search(real_store, "cramps", limit=1)[0]
    assert hit.iri == KG + "muscle-spasm" and hit.via == "search word" and hit.matched in ("cramp", "cramps")
    assert search(real_store, "spasm", limit=1)[0].via == "synonym"
    assert search(real_store, "Dehydration", limit=1)[0].via == "label"


def test_a_lay_word_ranks_after_an_exact_label_or_synonym(real_store):
    """"twitch" is a synonym of muscle twitching and a lay word of knee muscle spasm ("knee twitch")."""
    hits = search(real_store, "twitch", limit=10)
    assert hits[0].iri == KG + "muscle-twitching" and hits[0].score == 100.0
    lay = [h for h in hits if h.via == "search word"]
    assert lay and all(h.score < 100.0 for h in lay)


@pytest.mark.parametrize("text", ["cramps", "medicramp", "pain", "spasm", "dehydration"])
def test_entities_come_before_claims(real_store, text):
    """A claim's label is a whole sentence: a word in it never outranks an entity the word names."""
    hits = search(real_store, text, limit=20)
    kinds = ["Claim" in h.type for h in hits]
    assert kinds == sorted(kinds), [(h.label, h.score) for h in hits]


@pytest.mark.parametrize("text", ["xyzzy", "", "   ", "qq", "zzzzzzzzzzzz"])
def test_search_returns_nothing_for_nonsense(real_store, text):
    assert search(real_store, text) == []


def test_short_texts_match_by_prefix_not_by_fuzz(real_store):
    hits = search(real_store, "kne", limit=20)
    assert hits and all("kne" in normalise(h.matched) for h in hits)


def test_one_hit_per_entity_best_first_and_limited(real_store):
    hits = search(real_store, "spasm", limit=7)
    assert len(hits) == 7
    assert len({h.iri for h in hits}) == len(hits)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(isinstance(h, Hit) and h.label and h.type for h in hits)


def test_index_is_built_once_per_store(real_store, mini_store):
    assert index_for(real_store) is index_for(real_store)
    assert index_for(mini_store) is not index_for(real_store)
    # The mini graph has no magnesium; the real one does.
    assert not any(h.iri == KG + "magnesium" for h in search(mini_store, "magnesium"))


def test_search_accepts_an_index(real_store):
    index = SearchIndex.from_store(real_store)
    assert search(index, "caffeine")[0].iri == KG + "caffeine"


@pytest.mark.parametrize("raw, normal", [
    ("Muscle Spasms", "muscle spasm"), ("deficiencies", "deficiency"), ("Lou Gehrig's", "lou gehrig"),
    ("stress", "stress"), ("Café", "cafe"),
])
def test_normalise(raw, normal):
    assert normalise(raw) == normal
