"""Score the question answering against the gold set, as QALD and GERBIL do.

Per question: precision, recall and F1 over answer sets (entity ids); an empty gold set answered
with an empty set (an abstention) scores 1, anything else against an empty gold set scores 0; a
non-empty gold set met with no answer scores 0. Boolean and count questions are scored as one
answer (right or wrong); a not-stated question is right when the answer says neither yes nor no
and says the article does not say; a describe question is right when its text and quotes hold
every ``must`` phrase (the blind batches' judge decides both, kg.qa.judge). Macro precision, recall and F1 average the per-question values; the
abstention accuracy is the share of questions where the system abstained exactly when the gold
says it should. Everything is reported per split (tune, held-out) and per question kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from statistics import mean

import yaml

from kg import paths
from kg.qa.ask import ask
from kg.qa.judge import judge
from kg.namespaces import KG

GOLD = paths.GOLD_QUESTIONS
SPLITS = ("tune", "held-out")


@dataclass
class Scored:
    """One gold question, what the system answered, and its scores."""

    gold: dict
    answer: dict
    precision: float
    recall: float
    f1: float

    @property
    def abstained(self) -> bool:
        return not self.answer["answered"]

    @property
    def abstention_correct(self) -> bool:
        if self.gold["kind"] in ("not-stated", "describe"):
            return self.f1 == 1.0
        return self.abstained == (self.gold["kind"] == "abstain")


def load_gold(path: Path | None = None) -> list[dict]:
    """Read the gold questions; check each has what its kind needs."""
    items = yaml.safe_load((path or GOLD).read_text(encoding="utf-8"))
    for item in items:
        kind = item["kind"]
        if item.get("split") not in SPLITS:
            raise ValueError(f"{item.get('id')}: split must be one of {SPLITS}")
        if kind in ("list", "count") and "expected" not in item:
            raise ValueError(f"{item['id']}: a {kind} question needs 'expected'")
        if kind == "boolean" and not isinstance(item.get("boolean"), bool):
            raise ValueError(f"{item['id']}: a boolean question needs 'boolean: true|false'")
        if kind == "count" and not isinstance(item.get("count"), int):
            raise ValueError(f"{item['id']}: a count question needs 'count'")
        if kind == "describe" and not item.get("must"):
            raise ValueError(f"{item['id']}: a describe question needs 'must'")
    return items


def _ids(answer: dict) -> set[str]:
    """The entities answered: the gold set lists entities, so the article's own phrases an answer quotes beside them
    ("maintain mobility and independence", kind ``phrase``: kg.qa.purposes) are not scored as entities."""
    base = str(KG)
    return {a["iri"][len(base):] if a["iri"].startswith(base) else a["iri"] for a in answer["answers"]
            if a.get("kind") != "phrase"}


def prf(gold: set, system: set) -> tuple[float, float, float]:
    """QALD precision, recall and F1 of one answer set.

    >>> prf(set(), set())
    (1.0, 1.0, 1.0)
    >>> prf({"a", "b"}, {"a"})
    (1.0, 0.5, 0.6666666666666666)
    """
    if not gold and not system:
        return 1.0, 1.0, 1.0
    if not gold or not system:
        return 0.0, 0.0, 0.0
    hit = len(gold & system)
    p, r = hit / len(system), hit / len(gold)
    return p, r, (2 * p * r / (p + r) if hit else 0.0)


def score(gold: dict, answer: dict) -> Scored:
    kind = gold["kind"]
    if kind == "abstain":
        value = 1.0 if not answer["answered"] else 0.0
        return Scored(gold, answer, value, value, value)
    if kind == "boolean":
        value = 1.0 if answer["answered"] and answer["kind"] == "boolean" and answer["boolean"] == gold["boolean"] else 0.0
        return Scored(gold, answer, value, value, value)
    if kind == "count":
        value = 1.0 if answer["answered"] and answer["count"] == gold["count"] else 0.0
        return Scored(gold, answer, value, value, value)
    if kind in ("not-stated", "describe"):
        expect = {"not-stated": "not-stated", "describe": "describe"}[kind]
        verdict = judge({"expect": expect, "must": gold.get("must", []), "id": gold["id"],
                         "question": gold["question"], "category": gold["type"]}, answer)
        value = 1.0 if verdict.passed else 0.0
        return Scored(gold, answer, value, value, value)
    system = _ids(answer) if answer["answered"] and answer["kind"] in ("list", "count") else set()
    return Scored(gold, answer, *prf(set(gold["expected"]), system))


def evaluate(store, gold: list[dict] | None = None) -> list[Scored]:
    """Ask every gold question and score the answer."""
    return [score(item, ask(store, item["question"]).to_dict()) for item in (gold or load_gold())]


def summarise(results: list[Scored]) -> dict:
    """Macro P/R/F1 and abstention accuracy, per split and per gold kind."""
    def block(rows: list[Scored]) -> dict:
        if not rows:
            return {"questions": 0}
        out_of_scope = [r for r in rows if r.gold["type"] == "out-of-scope"]
        return {
            "questions": len(rows),
            "precision": mean(r.precision for r in rows),
            "recall": mean(r.recall for r in rows),
            "f1": mean(r.f1 for r in rows),
            "abstention_accuracy": mean(1.0 if r.abstention_correct else 0.0 for r in rows),
            "out_of_scope": len(out_of_scope),
            "out_of_scope_answered": sum(1 for r in out_of_scope if not r.abstained),
        }

    summary: dict = {}
    for split in SPLITS:
        rows = [r for r in results if r.gold["split"] == split]
        summary[split] = {"all": block(rows)}
        for kind in ("list", "boolean", "count", "not-stated", "describe", "abstain"):
            summary[split][kind] = block([r for r in rows if r.gold["kind"] == kind])
    summary["all"] = block(results)
    summary["by_type"] = {split: {t: block([r for r in results if r.gold["split"] == split and r.gold["type"] == t])
                                  for t in sorted({r.gold["type"] for r in results if r.gold["split"] == split})}
                          for split in SPLITS}
    return summary


def render(summary: dict, results: list[Scored], show_failures: bool = False) -> str:
    """A plain-text table of the summary, and optionally every question that scored below 1."""
    lines = [f"{'split':9} {'kind':10} {'n':>4} {'P':>6} {'R':>6} {'F1':>6} {'abst.acc':>8} {'OOS answered':>12}"]
    for split in (*SPLITS, "all"):
        blocks = summary[split].items() if split != "all" else [("all", summary["all"])]
        for kind, b in blocks:
            if not b["questions"]:
                continue
            lines.append(f"{split:9} {kind:10} {b['questions']:>4} {b['precision']:6.3f} {b['recall']:6.3f} {b['f1']:6.3f} "
                         f"{b['abstention_accuracy']:8.3f} {b['out_of_scope_answered']:>5}/{b['out_of_scope']:<6}")
    lines.append("")
    lines.append(f"{'split':9} {'question type':14} {'n':>4} {'F1':>6}")
    for split in SPLITS:
        for kind, b in summary["by_type"][split].items():
            lines.append(f"{split:9} {kind:14} {b['questions']:>4} {b['f1']:6.3f}")
    if show_failures:
        for r in results:
            if r.f1 < 1.0:
                got = r.answer["kind"] if not r.answer["answered"] else (
                    r.answer["boolean"] if r.answer["kind"] == "boolean" else sorted(_ids(r.answer)))
                lines.append(f"  {r.gold['id']} [{r.gold['split']}] F1={r.f1:.2f} {r.gold['question']!r} -> {got}")
    return "\n".join(lines)
