"""Median in-process answer time of question answering over the gold questions.

    .venv/bin/python -m bench.ask_latency [--repeat 20]

Loads the release graph once, warms the per-store label index up with one question, then asks
every gold question ``--repeat`` times and reports the median, p90 and max per question kind,
and overall. Writes ``bench/results/ask-latency.md`` with the machine, versions and date.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

# Run as a file, bench/ would shadow the standard library (bench/http.py): use the project root instead.
_HERE = str(Path(__file__).resolve().parent)
sys.path[:] = [p for p in sys.path if p not in ("", _HERE) and Path(p or ".").resolve() != Path(_HERE)]
sys.path.insert(0, str(Path(_HERE).parent))

from bench.common import median, ms, percentile, report, table  # noqa: E402
from kg.qa.ask import ask  # noqa: E402
from kg.qa.evaluate import load_gold  # noqa: E402
from kg.store.embedded import EmbeddedStore  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="times each question is asked (default 20)")
    args = parser.parse_args()

    store = EmbeddedStore.from_file()
    start = time.perf_counter()
    ask(store, "What causes knee twitching?")  # builds the label index and evidence lookup once
    first = time.perf_counter() - start

    gold = load_gold()
    by_kind: dict[str, list[float]] = {}
    per_question: list[float] = []
    for item in gold:
        samples = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            ask(store, item["question"])
            samples.append(time.perf_counter() - t0)
        m = median(samples)
        per_question.append(m)
        by_kind.setdefault(item["kind"], []).append(m)

    rows = [[kind, len(values), ms(median(values)), ms(percentile(values, 90)), ms(max(values))]
            for kind, values in sorted(by_kind.items())]
    rows.append(["**all**", len(per_question), f"**{ms(median(per_question))}**", ms(percentile(per_question, 90)),
                 ms(max(per_question))])
    body = table(["answer kind", "questions", "median ms", "p90 ms", "max ms"], rows)
    notes = [f"Each gold question (evaluation/gold.yaml) asked {args.repeat} times; a question's time is its median; "
             "the table gives the median, p90 and max of those per question kind (kind of the gold answer).",
             f"First question on a fresh store (builds the label index and evidence lookup): {ms(first)} ms.",
             "In process: kg.ask.ask(store, question) on the embedded pyoxigraph store, release graph; no HTTP."]
    report("ask-latency", "Question answering: in-process answer time", body, notes)


if __name__ == "__main__":
    main()
