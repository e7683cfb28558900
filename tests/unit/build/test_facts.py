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
    assert facts.claims[0].about == ["medicramp"]
    assert facts.claims[0].kinds == ["promotional"] and facts.claims[0].claimed_by == "publisher"


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


def test_a_byte_that_is_not_utf8_names_the_file_and_line(tmp_path):
    (tmp_path / "entities.yaml").write_bytes(b"- {id: a, type: Therapy, label: A}\n- {id: b, type: Therapy, label: caf\xe9}\n")
    (tmp_path / "relations.yaml").write_text("[]\n")
    with pytest.raises(BuildError, match=r"entities.yaml:2: not UTF-8 \(byte 0xe9\)"):
        load_facts(tmp_path)


def test_unknown_keys_are_reported_with_their_line(tmp_path):
    (tmp_path / "entities.yaml").write_text("- id: a\n  type: Therapy\n  label: A\n  lable: typo\n")
    (tmp_path / "relations.yaml").write_text("[]\n")
    with pytest.raises(BuildError, match=r"entities.yaml:1: unknown key\(s\) lable"):
        load_facts(tmp_path)


def write(tmp_path, entities: str, relations: str, claims: str | None = None) -> Path:
    (tmp_path / "entities.yaml").write_text(entities)
    (tmp_path / "relations.yaml").write_text(relations)
    if claims is not None:
        (tmp_path / "claims.yaml").write_text(claims)
    return tmp_path


ENTITIES = """\
- {id: als, type: Disease, label: ALS}
- {id: knee-muscle-spasm, type: SignOrSymptom, label: Knee muscle spasm, alt: [knee spasm], search: [knee cramp]}
- {id: caffeine, type: Drug, label: Caffeine}
- {id: stimulants, type: DrugClass, label: Stimulants}
- {id: muscle-spasm, type: SignOrSymptom, label: Muscle spasm}
"""


def test_item_qualifiers_apply_to_every_quote_and_a_quote_overrides_or_removes_them(tmp_path):
    write(tmp_path, ENTITIES, """\
- s: als
  p: hasSymptom
  o: knee-muscle-spasm
  modality: can
  stage: early-stage
  quote:
    - "Knee twitching can be an early sign of ALS, a degenerative disorder that affects the brain and spinal cord."
    - text: "In some cases, knee twitching can be a symptom of underlying health conditions such as Amyotrophic Lateral Sclerosis (ALS) or autoimmune disorders."
      modality: in-some-cases
      stage: null
""")
    fact = load_facts(tmp_path).facts[0]
    first, second = fact.quotes
    assert first.get("modality") == ("can",) and first.get("stage") == ("early-stage",)
    assert second.get("modality") == ("in-some-cases",) and second.get("stage") == ()


def test_a_list_of_subjects_fans_out_and_shares_the_quotes(tmp_path):
    write(tmp_path, ENTITIES, """\
- s: [caffeine, stimulants]
  p: causes
  o: muscle-spasm
  modality: can
  amount: high-amount
  quote: "Substances such as caffeine or amphetamines can overstimulate the muscles and cause spasms."
""")
    facts = load_facts(tmp_path).facts
    assert [f.subject for f in facts] == ["caffeine", "stimulants"]
    assert all(f.quotes[0].get("amount") == ("high-amount",) for f in facts)


def test_negated_fact_may_deny_anything_but_any_needs_negation(tmp_path):
    write(tmp_path, ENTITIES, """\
- {s: als, p: hasCure, o: "kgv:any", negated: true, quote: "While ALS has no cure, treatment focuses on managing symptoms and improving quality of life."}
""")
    fact = load_facts(tmp_path).facts[0]
    assert fact.negated and fact.object == "kgv:any" and fact.key.startswith("not als hasCure")
    write(tmp_path, ENTITIES, """\
- {s: als, p: hasCure, o: "kgv:any", quote: "While ALS has no cure, treatment focuses on managing symptoms and improving quality of life."}
""")
    with pytest.raises(BuildError, match="only the object of a negated fact"):
        load_facts(tmp_path)


def test_value_facts_and_definitions_with_quotes(tmp_path):
    write(tmp_path, ENTITIES.replace("{id: muscle-spasm, type: SignOrSymptom, label: Muscle spasm}", """\
id: muscle-spasm
  type: SignOrSymptom
  label: Muscle spasm
  definition:
    text: "sudden, involuntary contractions of a muscle"
    quote: "Muscle spasms are sudden, involuntary contractions of a muscle that can last from a few seconds to several minutes."
    checked: unqualified"""), """\
- s: muscle-spasm
  p: duration
  value: "a few seconds to several minutes"
  modality: can
  quote: "Muscle spasms are sudden, involuntary contractions of a muscle that can last from a few seconds to several minutes."
""")
    facts = load_facts(tmp_path)
    assert facts.facts[0].value == "a few seconds to several minutes" and facts.facts[0].object is None
    definition = facts.entities["muscle-spasm"].definition
    assert definition.text == "sudden, involuntary contractions of a muscle"
    assert definition.quotes[0].get("checked") == ("unqualified",)


@pytest.mark.parametrize("relations, message", [
    ("- {s: als, p: hasSymptom, o: knee-muscle-spasm, modality: [can, usually], quote: x}", "'modality' takes one value"),
    ("- {s: als, p: hasSymptom, o: knee-muscle-spasm, checked: reviewed, quote: x}", "'checked' must be one of unqualified, got 'reviewed'"),
    ("- {s: als, p: hasSymptom, o: knee-muscle-spasm, condition: pregnancy, quote: x}",
     "unknown entity 'pregnancy' (condition of als hasSymptom knee-muscle-spasm)"),
    ("- {s: als, p: hasSymptom, o: knee-muscle-spasm, quote: [{text: x, modalty: can}]}", "unknown key(s) modalty"),
    ("- {s: als, p: hasSymptom, o: knee-muscle-spasm, quote: [{modality: can}]}", "a quote mapping needs its 'text'"),
    ("- {s: als, p: duration, o: knee-muscle-spasm, value: x, quote: x}", "'value' is a non-empty string and replaces 'o'"),
])
def test_malformed_qualifiers_are_reported_with_their_line(tmp_path, relations, message):
    write(tmp_path, ENTITIES, relations + "\n")
    with pytest.raises(BuildError) as info:
        load_facts(tmp_path)
    assert message in info.value.render()


def test_a_word_cannot_be_both_synonym_and_search_label(tmp_path):
    write(tmp_path, "- {id: a, type: Therapy, label: A, alt: [rest], search: [rest]}\n", "[]\n")
    with pytest.raises(BuildError, match="'rest' on 'a' is both a synonym"):
        load_facts(tmp_path)


def test_claims_need_kind_and_claimant_and_known_sides(tmp_path):
    claims = """\
- id: one
  about: muscle-spasm
  text: One side.
  kind: contradictory
  claimed-by: publisher
  conflicts-with: [two, three]
  quote: x
- id: two
  about: [muscle-spasm, als]
  text: Other side.
  quote: y
"""
    write(tmp_path, ENTITIES, "[]\n", claims)
    with pytest.raises(BuildError) as info:
        load_facts(tmp_path)
    rendered = info.value.render()
    assert "claim 'one' conflicts with unknown claim 'three'" in rendered
    assert "claim 'two' needs a 'kind'" in rendered
    assert "claim 'two' needs 'claimed-by'" in rendered
