"""Named queries before and after a rewrite: the text at a git revision against the working tree's, interleaved.

Both texts run on the same loaded graph in the same process, alternating run by run, so a busy
machine slows both alike (the medians are comparable even when the absolute numbers are not).
Rows are compared too: a rewrite that changes the answer shows as ``rows differ``. Each graph
(the article, then synthetic graphs from ``kneekg synth``) is measured in a fresh subprocess.
The old text is evaluated as the embedded store of that revision evaluated it: through the
revision's own ``kg/store/prepared.py`` (its LATERAL rewrite), so a change to the rewrite is
measured as well as a change to a query's text.

    .venv/bin/python bench/compare_queries.py --before main~1 evidence nutrients-linked
    .venv/bin/python bench/compare_queries.py --before 9fa9e87~1 --sizes 1000000
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder would come first on sys.path and bench/http.py would shadow the
# standard library's http package: put the project root there instead.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402

from bench.common import (ROOT, graphs, median, ms, percentile, report,  # noqa: E402
                          synthetic_article, table, SYNTH_SIZES)

BUDGET = 1.0  # seconds of alternating runs per query and graph
MIN_RUNS, MAX_RUNS = 5, 400


def old_texts(revision: str, names: list[str]) -> dict[str, str]:
    """The text of each named query at ``revision`` (queries added since are skipped)."""
    texts = {}
    for name in names:
        proc = subprocess.run(["git", "show", f"{revision}:queries/{name}.rq"], cwd=ROOT, capture_output=True,
                              text=True)
        if proc.returncode == 0:
            texts[name] = proc.stdout
    return texts


def old_prepared(revision: str, texts: dict[str, str]) -> dict[str, str]:
    """Each old text as the revision's embedded store evaluated it: through its own ``kg/store/prepared.py``, if it had one."""
    import importlib.util
    import tempfile

    from kg.sparql.registry import registry

    proc = subprocess.run(["git", "show", f"{revision}:kg/store/prepared.py"], cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        return dict(texts)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "prepared_before.py"
        path.write_text(proc.stdout, encoding="utf-8")
        spec = importlib.util.spec_from_file_location("prepared_before", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    prepared = {}
    for name, text in texts.items():
        params = frozenset(p.name for p in registry()[name].params)
        try:
            prepared[name] = module.rewrite(text, params) or text
        except TypeError:  # an older rewrite(sparql) without the parameters
            prepared[name] = module.rewrite(text) or text
    return prepared


def _rows(result) -> list[str]:
    if hasattr(result, "__iter__"):
        return [str(row) for row in result]
    return [str(bool(result))]


def worker(path: Path, article: int | None, before: dict[str, str]) -> dict:
    """Load one graph; time each query's old and new text alternately; return a JSON-able dict."""

    from bench.common import example_values
    from kg.sparql.registry import registry, run
    from kg.store.embedded import EmbeddedStore

    store = EmbeddedStore.from_file(path)
    out = {"triples": len(store), "queries": {}}
    for name, old_text in before.items():
        new = registry()[name]
        values = example_values(new, article)
        terms = new.bind(values)
        runs = {"before": lambda: store.query(old_text, substitutions=terms),  # already as the old store prepared it
                "after": lambda: run(store, new, values)}
        rows = {label: _rows(fn()) for label, fn in runs.items()}  # warm, and the answers
        first = time.perf_counter()
        run_once = {label: (lambda fn=fn: sum(1 for _ in fn())) for label, fn in runs.items()}
        for fn in run_once.values():
            fn()
        slow = time.perf_counter() - first > 0.4
        samples: dict[str, list[float]] = {"before": [], "after": []}
        deadline = time.perf_counter() + BUDGET
        least = 2 if slow else MIN_RUNS
        while len(samples["after"]) < least or (time.perf_counter() < deadline and len(samples["after"]) < MAX_RUNS):
            for label, fn in run_once.items():
                start = time.perf_counter()
                fn()
                samples[label].append(time.perf_counter() - start)
        out["queries"][name] = {
            "values": values, "same_rows": rows["before"] == rows["after"],
            "same_row_set": sorted(rows["before"]) == sorted(rows["after"]), "rows": len(rows["after"]),
            **{f"{label}_median": median(s) for label, s in samples.items()},
            **{f"{label}_p95": percentile(s, 95) for label, s in samples.items()},
            "runs": len(samples["after"]),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="named queries (default: every query whose text changed)")
    parser.add_argument("--before", required=True, help="git revision holding the old texts")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SYNTH_SIZES), help="synthetic graph sizes")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--article", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        before = json.loads(args.texts.read_text(encoding="utf-8"))
        print(json.dumps(worker(args.worker, args.article, before)))
        return

    from kg.sparql.registry import registry

    names = args.names or [q.name for q in registry()]
    before = old_texts(args.before, names)
    if not args.names:  # only the queries whose text changed
        before = {n: t for n, t in before.items() if t != registry()[n].sparql}
    if not before:
        raise SystemExit(f"no named query differs from {args.before}")
    texts_file = ROOT / "bench" / "data" / "compare-queries-before.json"
    texts_file.parent.mkdir(parents=True, exist_ok=True)
    texts_file.write_text(json.dumps(old_prepared(args.before, before)), encoding="utf-8")

    results = []
    for label, path in graphs(tuple(args.sizes)):
        triples_hint = sum(1 for _ in open(path, "rb")) if label != "article" else 0
        article = synthetic_article(triples_hint) if triples_hint else None
        cmd = [sys.executable, __file__, "--before", args.before, "--worker", str(path), "--texts", str(texts_file)]
        cmd += ["--article", str(article)] if article else []
        print(f"measuring {label} ({path.name}) …", file=sys.stderr, flush=True)
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=1800)
        if proc.returncode != 0:
            raise SystemExit(f"worker failed on {path}:\n{proc.stderr}")
        data = json.loads(proc.stdout.strip().splitlines()[-1])
        data["label"] = label
        results.append(data)
    revision = subprocess.run(["git", "rev-parse", "--short", args.before], cwd=ROOT, capture_output=True,
                              text=True).stdout.strip() or args.before
    (ROOT / "bench" / "results" / "query-rewrites.json").write_text(json.dumps(
        {"before": revision, "results": results}, indent=1), encoding="utf-8")

    rows = []
    for name in before:
        cells = [f"`{name}`"]
        for r in results:
            q = r["queries"][name]
            speedup = q["before_median"] / q["after_median"] if q["after_median"] else float("nan")
            answer = "same rows, same order" if q["same_rows"] else (
                "same rows, other order" if q["same_row_set"] else "**rows differ**")
            cells.append(f"{ms(q['before_median'])} → {ms(q['after_median'])} ({speedup:,.0f}×; {q['rows']} rows, "
                         f"{answer})")
        rows.append(cells)
    body = (f"## Median latency before (`{revision}`) → after (working tree), ms, in process, interleaved runs\n\n"
            + table(["query"] + [f"{r['label']} ({r['triples']:,} triples)" for r in results], rows))
    notes = [f"each query's old and new text run alternately for {BUDGET:.0f} s per graph on the same store "
             "(example parameters; on synthetic graphs moved into the middle article, as `bench/inprocess.py` does)",
             "rows compared as returned (order included) on every graph"]
    report("query-rewrites", "Named-query rewrites: before and after, same graph, same run", body, notes)


if __name__ == "__main__":
    main()
