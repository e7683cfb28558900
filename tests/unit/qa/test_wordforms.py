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
