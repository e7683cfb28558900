"""kg.qa.wordforms: lemminflect's lemmas read from its table once per process, as getAllLemmas gives them."""

from __future__ import annotations

import pickle

from lemminflect import getAllLemmas

from kg.qa.wordforms import all_lemmas, lemma_table


def test_every_word_of_lemminflects_table_reads_as_getAllLemmas_gives_it():
    table = lemma_table()
    assert len(table) > 50_000
    different = [w for w in table if dict(all_lemmas(w)) != getAllLemmas(w)]
    assert different == []


def test_a_word_it_does_not_know_and_a_capitalised_entry_have_none():
    assert dict(all_lemmas("norovirus")) == getAllLemmas("norovirus") == {}
    assert "aachen" not in lemma_table() and dict(all_lemmas("aachen")) == getAllLemmas("aachen")


def test_the_overrides_win_as_in_lemminflect():
    assert dict(all_lemmas("all")) == getAllLemmas("all")


def test_the_answer_cannot_be_changed_by_a_caller():
    kinds = all_lemmas("fixes")
    try:
        kinds["VERB"] = ("broken",)  # type: ignore[index]
    except TypeError:
        pass
    assert all_lemmas("fixes")["VERB"] == ("fix",)


def test_the_table_survives_a_snapshot_as_strings():
    table = lemma_table()
    assert all(type(v) is str for v in list(table.values())[:1000])
    assert pickle.loads(pickle.dumps(table)) == table


def test_simplemmas_lemmas_and_known_words_read_as_simplemma_gives_them():
    import random

    import simplemma

    from kg.qa.wordforms import english, is_known, lemmatize

    words = sorted(english())
    sample = random.Random(14).sample(words, 20_000)
    sample += ["causes", "twitching", "fixes", "massages", "Knee", "x-ray", "it's", "honestly", "norovirusx", "MS",
               "café", "naïve", "ibuprofen", "dehydration", "cramping", "worse", "spasms", "tendonitis", "a"]
    sample += [w + suffix for w in sample[:2000] for suffix in ("s", "ed", "ing", "ly")]
    assert [lemmatize(w) for w in sample] == [simplemma.lemmatize(w, lang="en") for w in sample]
    assert [is_known(w) for w in sample] == [simplemma.is_known(w, lang="en") for w in sample]


def test_an_empty_or_non_text_word_fails_as_in_simplemma():
    import pytest

    from kg.qa.wordforms import is_known

    with pytest.raises(ValueError):
        is_known("")
    with pytest.raises(TypeError):
        is_known(None)
