from pathlib import Path

import pytest

from kg.build.errors import BuildError
from kg.build.facts import load_facts

from tests.support import DATA


def test_mini_fixture_loads_with_lines(tmp_path):
    facts = load_facts(DATA / "valid" / "mini")
    assert "dehydration" in facts.entities
    treats = [f for f in facts.facts if f.predicate == "treats"]
    assert {f.object for f in treats} == {"dehydration", "knee-muscle-spasm"}  # a list of objects fans out
    assert all(f.where.line > 1 for f in treats)
    assert facts.claims[0].about == "medicramp"


def test_duplicate_entity_ids_are_refused(tmp_path):
    (tmp_path / "entities.yaml").write_text("- {id: a, type: Therapy, label: A}\n- {id: a, type: Therapy, label: B}\n")
    (tmp_path / "relations.yaml").write_text("[]\n")
    with pytest.raises(BuildError, match="duplicate entity id 'a'"):
        load_facts(tmp_path)


def test_a_fact_without_quote_is_refused(tmp_path):
    (tmp_path / "entities.yaml").write_text("- {id: a, type: Therapy, label: A}\n- {id: b, type: SignOrSymptom, label: B}\n")
    (tmp_path / "relations.yaml").write_text("- {s: a, p: treats, o: b}\n")
    with pytest.raises(BuildError, match="missing 'quote'"):
        load_facts(tmp_path)


def test_unknown_keys_are_reported_with_their_line(tmp_path):
    (tmp_path / "entities.yaml").write_text("- id: a\n  type: Therapy\n  label: A\n  lable: typo\n")
    (tmp_path / "relations.yaml").write_text("[]\n")
    with pytest.raises(BuildError, match=r"entities.yaml:1: unknown key\(s\) lable"):
        load_facts(tmp_path)
