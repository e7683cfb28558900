"""Judge answers against a blind evaluation batch: questions written from the article alone.

A batch (``evaluation/blind/batch-N.yaml``, format in ``evaluation/README.md``) is written by
someone who never saw the parser, its lexicon or earlier questions. Each question says what a
right answer does — lists the ``must`` items and none of the ``must_not`` ones, says yes, says
no (only where the article says no), says the article does not say, quotes a description,
counts, or declines — in the article's own words. The judge reads only what a reader sees in
the answer (the JSON of ``GET /api/ask``: its verdict, its message, its answers and their names,
its quotes), never the parser's internals, so the same rules score any version of the system.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import yaml
from rapidfuzz import fuzz

from kg.views.text import singular

EXPECTS = ("list", "yes", "no", "not-stated", "describe", "count", "decline")
CATEGORIES = ("colloquial", "inverse", "compositional", "descriptive", "yes-no", "telegraphic", "misspelt",
              "comparison", "context", "out-of-scope")
NOT_STATED = re.compile(r"\b(?:does not|doesn't|do not|don't|did not) (?:say|mention|state|name|cover|discuss|rank|give)"
                        r"|\bnot (?:stated|mentioned|covered)\b|\bno (?:mention|information)\b|\bsays nothing\b")
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def norm(text: str) -> str:
    """Lower case, plain punctuation, words separated by single spaces, crude plurals folded.

    >>> norm("Vitamins D, B-6 & B-12!")
    'vitamin d b-6 b-12'
    >>> norm("Heat or Cold Therapy")
    'heat or cold therapy'
    """
    text = unicodedata.normalize("NFKC", text).translate(_DASHES).lower()
    words = re.findall(r"[a-z0-9]+(?:[-'][a-z0-9]+)*", text)
    return " ".join(singular(w) for w in words)


def mentions(phrase: str, text: str) -> bool:
    """Whether ``text`` says ``phrase``: as whole words, or nearly (one typo, word order) for longer phrases.

    >>> mentions("strain", "Muscle strain")
    True
    >>> mentions("vitamin deficiencies", "vitamin deficiency")
    True
    >>> mentions("pain", "Spain")
    False
    """
    p, t = norm(phrase), norm(text)
    if not p:
        return False
    if re.search(r"(?<![a-z0-9])" + re.escape(p) + r"(?![a-z0-9])", t):
        return True
    return len(p) >= 8 and fuzz.partial_ratio(p, t) >= 92 and fuzz.token_set_ratio(p, t) >= 80


@dataclass
class Verdict:
    """One question of a batch, the answer it got, and whether that answer is right."""

    item: dict
    answer: dict
    passed: bool
    reason: str
    unstated_no: bool = False  # the answer said "no" where the article does not say no

    def to_dict(self) -> dict:
        return {"id": self.item["id"], "question": self.item["question"], "category": self.item["category"],
                "expect": self.item["expect"], "passed": self.passed, "reason": self.reason,
                "unstated_no": self.unstated_no}


@dataclass
class Batch:
    number: int
    path: Path
    header: dict
    questions: list[dict] = field(default_factory=list)


def load_batch(path: Path) -> Batch:
    """Read a batch and check that every question is well formed (a malformed batch is refused whole)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    problems = []
    seen = set()
    for item in data.get("questions", []):
        qid = item.get("id", "?")
        if qid in seen:
            problems.append(f"{qid}: duplicate id")
        seen.add(qid)
        if item.get("expect") not in EXPECTS:
            problems.append(f"{qid}: expect must be one of {', '.join(EXPECTS)}")
        if item.get("category") not in CATEGORIES:
            problems.append(f"{qid}: category must be one of {', '.join(CATEGORIES)}")
        if not str(item.get("question", "")).strip():
            problems.append(f"{qid}: empty question")
        if item.get("expect") in ("list", "describe", "count") and not item.get("must"):
            problems.append(f"{qid}: a {item.get('expect')} question needs 'must'")
    if problems:
        raise ValueError(f"{path}: " + "; ".join(problems))
    header = {k: v for k, v in data.items() if k != "questions"}
    return Batch(int(data["batch"]), Path(path), header, list(data["questions"]))


def _answer_text(answer: dict) -> str:
    parts = [answer.get("message") or ""]
    parts += [a.get("label") or "" for a in answer.get("answers") or []]
    parts += [e.get("quote") or "" for e in answer.get("evidence") or []]
    for key in ("reading", "text", "description"):
        if isinstance(answer.get(key), str):
            parts.append(answer[key])
    return "\n".join(parts)


def _names(answer: dict, names_of: Callable[[str], Iterable[str]]) -> list[list[str]]:
    """For each listed answer, every name it goes by (its label and the graph's names for its IRI)."""
    out = []
    for a in answer.get("answers") or []:
        names = [a.get("label") or ""]
        if a.get("iri"):
            names += list(names_of(a["iri"]))
        out.append([n for n in names if n])
    return out


def judge(item: dict, answer: dict, names_of: Callable[[str], Iterable[str]] = lambda iri: ()) -> Verdict:
    """Whether ``answer`` (the JSON of /api/ask) is right for the batch question ``item``."""
    expect = item["expect"]
    must = [str(m) for m in item.get("must") or []]
    must_not = [str(m) for m in item.get("must_not") or []]
    boolean = answer.get("boolean")
    message = answer.get("message") or ""
    said_no = boolean is False or bool(re.match(r"^\s*no\b", message, re.IGNORECASE))
    unstated_no = said_no and expect != "no"
    text = _answer_text(answer)

    def verdict(passed: bool, reason: str) -> Verdict:
        return Verdict(item, answer, passed, reason, unstated_no)

    if expect == "decline":
        if answer.get("answered") or answer.get("answers") or boolean is not None:
            return verdict(False, "answered a question it should decline")
        return verdict(True, "declined")
    if unstated_no:
        return verdict(False, "said no where the article does not say no")
    if expect == "yes":
        if boolean is not True:
            return verdict(False, f"no yes (boolean={boolean!r}, kind={answer.get('kind')!r})")
        missing = [m for m in must if not mentions(m, message)]
        if missing:
            return verdict(False, "yes, but without the article's qualifier(s): " + ", ".join(missing))
        return verdict(True, "yes")
    if expect == "no":
        if boolean is not False:
            return verdict(False, f"no 'no' (boolean={boolean!r})")
        if NOT_STATED.search(message):
            return verdict(False, "said no only because the article does not say so")
        return verdict(True, "no, as the article says")
    if expect == "not-stated":
        if boolean is True:
            return verdict(False, "said yes where the article does not say")
        if NOT_STATED.search(message) or (not answer.get("answered") and not answer.get("answers")):
            return verdict(True, "said the article does not say")
        return verdict(False, "answered instead of saying the article does not say")
    if expect == "count":
        number = str(must[0])
        if str(answer.get("count")) == number or re.search(rf"(?<!\d){re.escape(number)}(?!\d)", message):
            return verdict(True, "right count")
        return verdict(False, f"count {answer.get('count')!r}, expected {number}")
    if expect == "describe":
        missing = [m for m in must if not mentions(m, text)]
        if missing:
            return verdict(False, "missing: " + ", ".join(missing))
        return verdict(True, "described")
    # list
    names = _names(answer, names_of)
    if not names:
        return verdict(False, "no list (" + (message[:80] or answer.get("kind", "")) + ")")
    missing = [m for m in must if not any(mentions(m, n) for ns in names for n in ns)]
    wrong = [m for m in must_not if any(mentions(m, n) for ns in names for n in ns)]
    if missing or wrong:
        return verdict(False, "; ".join(filter(None, ["missing: " + ", ".join(missing) if missing else "",
                                                       "wrongly listed: " + ", ".join(wrong) if wrong else ""])))
    return verdict(True, "listed")


def score(batch: Batch, answer: Callable[[str], dict], names_of: Callable[[str], Iterable[str]]) -> list[Verdict]:
    return [judge(item, answer(item["question"]), names_of) for item in batch.questions]


def summarise(verdicts: list[Verdict]) -> dict:
    """Pass rates overall, per expect and per category; out-of-scope declined; 'no's the article does not state."""
    def rate(rows: list[Verdict]) -> dict:
        passed = sum(v.passed for v in rows)
        return {"passed": passed, "questions": len(rows), "rate": round(passed / len(rows), 3) if rows else None}

    by = lambda key: {k: rate([v for v in verdicts if v.item[key] == k])  # noqa: E731
                      for k in sorted({v.item[key] for v in verdicts})}
    declines = [v for v in verdicts if v.item["expect"] == "decline"]
    return {"overall": rate(verdicts), "by_expect": by("expect"), "by_category": by("category"),
            "declined": rate(declines), "unstated_no": sum(v.unstated_no for v in verdicts)}


def render(summary: dict, verdicts: list[Verdict], show_failures: bool = True) -> str:
    o = summary["overall"]
    lines = [f"passed {o['passed']} of {o['questions']} ({o['rate']:.0%}); out of scope declined "
             f"{summary['declined']['passed']}/{summary['declined']['questions']}; "
             f"'no' the article does not state: {summary['unstated_no']}", "", "by expected answer:"]
    lines += [f"  {k:12} {v['passed']:3}/{v['questions']:<3}" for k, v in summary["by_expect"].items()]
    lines += ["by category:"]
    lines += [f"  {k:14} {v['passed']:3}/{v['questions']:<3}" for k, v in summary["by_category"].items()]
    if show_failures:
        lines += ["", "failures:"]
        lines += [f"  {v.item['id']} [{v.item['expect']}] {v.item['question']!r}: {v.reason}"
                  for v in verdicts if not v.passed]
    return "\n".join(lines)
