"""A computed-once query's answer kept as a VALUES table (evaluated) or as the rows pyoxigraph wrote (SPARQL TSV, parsed).

For each one-parameter ``#+ computed: once`` query, the example value's rows (on synthetic graphs,
of the middle article, as ``bench/inprocess.py`` binds them) are kept both ways and read back
alternately on the same loaded graph, each graph in a fresh process; both must give the rows
the query gives, in order. ``kg/store/once.py`` keeps the TSV (not in ``make bench``: run it
when changing how answers are kept).

    .venv/bin/python bench/per_value_answers.py  # bench/results/per-value-answers.md
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)  # bench/http.py must not shadow the standard library

import argparse  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402

from bench.common import (ROOT, SYNTH_SIZES, example_values, graphs, median, ms, report,  # noqa: E402
                          synthetic_article, table)

RUNS = 300  # reads of each kind, alternating


def worker(path: Path, article: int | None) -> dict:
    import pyoxigraph

    from kg.sparql.registry import registry
    from kg.sparql.text import values_clause
    from kg.store import once
    from kg.store.embedded import EmbeddedStore

    store = EmbeddedStore.from_file(path)
    out = {"triples": len(store), "queries": {}}
    for query in registry():
        if not (query.once and query.params):
            continue
        text, terms = store.text_for(query), query.bind(example_values(query, article))
        result = store.evaluate(text, substitutions=terms)
        variables = [v.value for v in result.variables]
        rows = [[solution[v] for v in variables] for solution in result]
        values = f"SELECT {' '.join('?' + v for v in variables)} WHERE {{ {values_clause(variables, rows)} }}"
        tsv = store.evaluate(text, substitutions=terms).serialize(format=once.TSV)
        empty = pyoxigraph.Store()
        same = ([list(r) for r in empty.query(values)] == rows
                and [list(r) for r in pyoxigraph.parse_query_results(tsv, format=once.TSV)] == rows)
        reads = {"values": lambda: sum(1 for _ in empty.query(values)),
                 "tsv": lambda: sum(1 for _ in pyoxigraph.parse_query_results(tsv, format=once.TSV))}
        samples: dict[str, list[float]] = {kind: [] for kind in reads}
        for _ in range(RUNS):
            for kind, read in reads.items():
                start = time.perf_counter()
                read()
                samples[kind].append(time.perf_counter() - start)
        out["queries"][query.name] = {"rows": len(rows), "same_rows": same, "values_bytes": len(values.encode()),
                                      "tsv_bytes": len(tsv), **{kind: median(s) for kind, s in samples.items()}}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SYNTH_SIZES), help="synthetic graph sizes")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--article", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.article)))
        return
    results = []
    for label, path in graphs(tuple(args.sizes)):
        triples_hint = sum(1 for _ in open(path, "rb")) if label != "article" else 0
        article = synthetic_article(triples_hint) if triples_hint else None
        cmd = [sys.executable, __file__, "--worker", str(path)] + (["--article", str(article)] if article else [])
        print(f"measuring {label} …", file=sys.stderr, flush=True)
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=1800, check=True)
        results.append({"label": label, **json.loads(proc.stdout.strip().splitlines()[-1])})
    (ROOT / "bench" / "results" / "per-value-answers.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    names = list(results[0]["queries"])
    rows = [[f"`{name}`"] + [
        (lambda q: f"{ms(q['values'])} → {ms(q['tsv'])} ({q['values'] / q['tsv']:.1f}×; {q['rows']} rows, "
                   f"{q['values_bytes']:,} → {q['tsv_bytes']:,} bytes, "
                   f"{'same rows, same order' if q['same_rows'] else '**rows differ**'})")(r["queries"][name])
        for r in results] for name in names]
    body = ("## Reading the example value's answer: VALUES table evaluated → TSV parsed, median ms\n\n"
            + table(["query"] + [f"{r['label']} ({r['triples']:,} triples)" for r in results], rows))
    report("per-value-answers", "Computed-once answers: VALUES table or SPARQL TSV", body, [
        f"each answer read {RUNS} times each way, alternating, on the loaded graph (a fresh process per graph); "
        "a read is the parse (and, for VALUES, the evaluation) and every row taken",
        "rows compared with the query's own, in order, both ways"])


if __name__ == "__main__":
    main()
