"""Find question answering (issue 6) and its gold questions, if they exist in this checkout."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

from bench.common import ROOT

GOLD = ROOT / "evaluation" / "gold.yaml"


def gold_questions() -> list[str]:
    """The gold questions' text (empty if the file is absent)."""
    if not GOLD.exists():
        return []
    import yaml

    data = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        data = data.get("questions", list(data.values()))
    questions = []
    for item in data or []:
        if isinstance(item, str):
            questions.append(item)
        elif isinstance(item, dict):
            for key in ("question", "q", "text"):
                if isinstance(item.get(key), str):
                    questions.append(item[key])
                    break
    return questions


def find_ask():
    """Return ``(callable(store, question), why)``; the callable is None when kg.qa.ask is absent."""
    try:
        module = importlib.import_module("kg.qa.ask")
    except ImportError as exc:
        return None, f"kg.qa.ask is absent ({exc})"
    for name in ("answer", "ask", "answer_question"):
        fn = getattr(module, name, None)
        if callable(fn) and not inspect.isclass(fn):
            params = list(inspect.signature(fn).parameters)
            if params and params[0] in ("question", "text", "q"):
                return (lambda store, q, fn=fn: fn(q, store)), f"kg.ask.{name}"
            return (lambda store, q, fn=fn: fn(store, q)), f"kg.ask.{name}"
    return None, "kg.qa.ask has no answer()/ask() function"


def gold_path_note() -> str:
    return str(Path(GOLD).relative_to(ROOT))
