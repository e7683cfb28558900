"""The blind-batch judge: what counts as a right answer, read only from what a reader sees."""

import pytest

from kg import paths
from kg.qa.judge import judge, load_batch, mentions, summarise


def item(expect, must=(), must_not=(), category="yes-no"):
    return {"id": "t-1", "question": "q", "category": category, "expect": expect,
            "must": list(must), "must_not": list(must_not)}


def test_a_list_needs_every_must_item_and_no_must_not_item():
    answer = {"answered": True, "kind": "list", "answers": [{"iri": "x", "label": "Muscle strain"},
                                                             {"iri": "y", "label": "Dehydration"}]}
    assert judge(item("list", ["strain", "dehydration"]), answer).passed
    assert not judge(item("list", ["strain", "caffeine"]), answer).passed
    assert not judge(item("list", ["strain"], ["dehydration"]), answer).passed


def test_a_list_item_may_be_named_by_a_synonym_the_graph_gives():
    answer = {"answered": True, "answers": [{"iri": "kg:certain-medications", "label": "Certain medications"}]}
    names = {"kg:certain-medications": ["drug side effects"]}
    assert judge(item("list", ["drug side effects"]), answer, lambda iri: names.get(iri, [])).passed


def test_yes_needs_a_yes_and_the_articles_qualifier_in_the_message():
    yes = {"answered": True, "kind": "boolean", "boolean": True, "message": "Yes — it can, in some cases."}
    assert judge(item("yes"), yes).passed
    assert judge(item("yes", ["in some cases"]), yes).passed
    assert not judge(item("yes", ["high amounts"]), yes).passed
    assert not judge(item("yes"), {"answered": True, "kind": "list", "answers": [{"label": "x"}]}).passed


def test_a_no_the_article_does_not_state_fails_every_kind_of_question():
    unstated = {"answered": True, "kind": "boolean", "boolean": False, "message": "No — the article does not say so."}
    for expect in ("yes", "not-stated", "describe", "list"):
        verdict = judge(item(expect, ["x"] if expect in ("describe", "list") else ()), unstated)
        assert not verdict.passed and verdict.unstated_no
    assert not judge(item("no"), unstated).passed  # a 'no' must be the article's own
    stated = {"answered": True, "boolean": False, "message": "No — the article says ALS has no cure."}
    assert judge(item("no"), stated).passed


def test_not_stated_passes_only_when_the_answer_says_so():
    assert judge(item("not-stated"), {"answered": True, "message": "The article does not mention zinc."}).passed
    assert judge(item("not-stated"), {"answered": False, "answers": [], "message": ""}).passed
    assert not judge(item("not-stated"), {"answered": True, "answers": [{"label": "Magnesium"}],
                                          "message": "Nutrients linked to spasms:"}).passed


def test_decline_means_no_answer_at_all():
    assert judge(item("decline", category="out-of-scope"), {"answered": False, "message": "I can't advise"}).passed
    assert not judge(item("decline", category="out-of-scope"),
                     {"answered": True, "answers": [{"label": "Ibuprofen"}]}).passed


def test_describe_looks_in_the_message_and_the_quotes():
    answer = {"answered": True, "message": "Muscle spasm:", "evidence": [
        {"quote": "Muscle spasms are sudden, involuntary contractions of a muscle"}]}
    assert judge(item("describe", ["sudden, involuntary contractions"]), answer).passed
    assert not judge(item("describe", ["a few seconds"]), answer).passed


@pytest.mark.parametrize("phrase, text, expected", [
    ("ALS", "Amyotrophic lateral sclerosis (ALS)", True),
    ("pain", "Spain", False),
    ("vitamin deficiencies", "Vitamin deficiency", True),
    ("heat or cold therapy", "Heat or cold therapy", True),
])
def test_mentions(phrase, text, expected):
    assert mentions(phrase, text) is expected


def test_every_committed_batch_is_well_formed_and_has_a_frozen_first_score():
    import yaml

    first = yaml.safe_load((paths.BLIND_DIR / "first-scores.yaml").read_text())
    batches = sorted(paths.BLIND_DIR.glob("batch-*.yaml"))
    assert batches
    for path in batches:
        batch = load_batch(path)
        assert len(batch.questions) >= 60
        assert path.name in first, f"{path.name} was committed without its first score"
        assert (paths.BLIND_DIR / f"{path.stem}-first.json").exists()


def test_summary_counts_unstated_nos_and_declines():
    verdicts = [judge(item("decline", category="out-of-scope"), {"answered": False}),
                judge(item("yes"), {"answered": True, "boolean": False, "message": "No."})]
    summary = summarise(verdicts)
    assert summary["declined"]["rate"] == 1.0 and summary["unstated_no"] == 1 and summary["overall"]["passed"] == 1
