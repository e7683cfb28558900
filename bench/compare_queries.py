"""Named queries before and after a rewrite: the text at a git revision against the working tree's, interleaved.

Both texts run on the same loaded graph in the same process, alternating run by run, so a busy
machine slows both alike (the medians are comparable even when the absolute numbers are not).
Rows are compared too: a rewrite that changes the answer shows as ``rows differ``. Each graph
(the article, then synthetic graphs from ``kneekg synth``) is measured in a fresh subprocess.
The old text is evaluated as the embedded store of that revision evaluated it: through the
revision's own ``kg/store/prepared.py`` (its LATERAL rewrite), so a change to the rewrite is
measured as well as a change to a query's text. ``--every-entity`` also binds each entity of the
graph (of the middle article, on synthetic graphs) in turn to the query's IRI parameter: a text
that starts from the parameter can be fast for the example and slow for a hub. ``--evaluated``
evaluates the new text too, as the store prepares it, where it would otherwise answer a
``#+ computed: once`` query from its tables: text against text. ``--virtuoso`` runs both texts,
as written (no embedded rewrite), on a Virtuoso bulk-loaded with each graph (``tests/support/virtuoso.py``
with the serving settings ``bench/peers.py`` uses) instead of the embedded store.

    .venv/bin/python bench/compare_queries.py --before main~1 evidence nutrients-linked
    .venv/bin/python bench/compare_queries.py --before 9fa9e87~1 --sizes 1000000
    .venv/bin/python bench/compare_queries.py causes-of qualified-facts --before 75e5f8a --sizes 1000000 --every-entity
    .venv/bin/python bench/compare_queries.py causes-of --before main --report per-value-tables  # bench/results/per-value-tables.md
    .venv/bin/python bench/compare_queries.py --before 4357256 --evaluated --every-entity --report entailed-predicates
    .venv/bin/python bench/compare_queries.py --before 4357256 --virtuoso --every-entity --report entailed-predicates-virtuoso
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


EVERY_ENTITY_RUNS = 3  # runs per text and entity in the sweep (their median)


def _evaluate(store):
    """Evaluate a text as it is written: the embedded store's ``evaluate`` (no table), a remote store's ``query``."""
    return getattr(store, "evaluate", store.query)


def _after(store, new, values: dict, evaluated: bool):
    """The new text's answer as the store gives it (tables included), or ``evaluated`` as the store prepares the text."""
    from kg.sparql.registry import run

    if evaluated:
        text, terms = store.text_for(new), new.bind(values)
        return lambda: _evaluate(store)(text, substitutions=terms)
    return lambda: run(store, new, values)


def _every_entity(store, new, old_text: str, article: int | None, evaluated: bool = False) -> dict | None:
    """Both texts with each entity of the (middle) article as the query's one IRI parameter: totals, worst, rows.

    A rewrite that starts from the parameter is fast for the example and may be slow for a hub;
    the sweep shows it.
    """
    iri = [p.name for p in new.params if p.type == "iri"]
    if len(iri) != 1:
        return None
    suffix = f"-a{article}" if article else ""
    entities = [row["e"].value for row in store.query(
        "SELECT DISTINCT ?e WHERE { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } ORDER BY ?e")
        if row["e"].value.startswith("https://w3id.org/kneekg/id/")
        and (row["e"].value.endswith(suffix) if suffix else "-a" not in row["e"].value.rsplit("/", 1)[-1])]
    totals, worst, differ = {"before": 0.0, "after": 0.0}, {"before": (0.0, ""), "after": (0.0, "")}, 0
    for entity in entities:
        values = {**new.example_values(), iri[0]: "kg:" + entity.rsplit("/", 1)[-1]}
        terms = new.bind(values)
        runs = {"before": lambda: _evaluate(store)(old_text, substitutions=terms),
                "after": _after(store, new, values, evaluated)}
        answers = {}
        for label, fn in runs.items():
            samples = []
            for _ in range(EVERY_ENTITY_RUNS):
                start = time.perf_counter()
                answers[label] = _rows(fn())
                samples.append(time.perf_counter() - start)
            totals[label] += median(samples)
            worst[label] = max(worst[label], (median(samples), entity.rsplit("/", 1)[-1]))
        differ += answers["before"] != answers["after"]
    return {"entities": len(entities), "rows_differ": differ, "param": iri[0],
            **{f"{label}_total": totals[label] for label in totals},
            **{f"{label}_worst": worst[label][0] for label in worst},
            **{f"{label}_worst_entity": worst[label][1] for label in worst}}


def worker(path: Path, article: int | None, before: dict[str, str], every_entity: bool = False,
           evaluated: bool = False, virtuoso: bool = False) -> dict:
    """Load one graph; time each query's old and new text alternately; return a JSON-able dict."""
    if virtuoso:
        from kg.store.remote import RemoteStore
        from tests.support.virtuoso import SERVING, virtuoso_server

        with virtuoso_server(path, tuning=SERVING) as server:
            return _measure(RemoteStore(server.sparql, timeout=120), article, before, every_entity, evaluated)
    from kg.store.embedded import EmbeddedStore

    return _measure(EmbeddedStore.from_file(path), article, before, every_entity, evaluated)


def _measure(store, article: int | None, before: dict[str, str], every_entity: bool, evaluated: bool) -> dict:
    from bench.common import example_values
    from kg.sparql.registry import registry

    out = {"triples": len(store), "queries": {}}
    for name, old_text in before.items():
        new = registry()[name]
        values = example_values(new, article)
        terms = new.bind(values)
        runs = {"before": lambda: _evaluate(store)(old_text, substitutions=terms),  # as the old store prepared it, evaluated (no table)
                "after": _after(store, new, values, evaluated)}
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
        if every_entity:
            out["queries"][name]["every_entity"] = _every_entity(store, new, old_text, article, evaluated)
    return out


def _sweep_cell(sweep: dict | None) -> str:
    if not sweep:
        return "-"
    answer = "same rows, same order" if not sweep["rows_differ"] else f"**rows differ for {sweep['rows_differ']}**"
    return (f"{sweep['before_total'] * 1e3:,.1f} → {sweep['after_total'] * 1e3:,.1f} "
            f"(slowest {ms(sweep['before_worst'])} `{sweep['before_worst_entity']}` → {ms(sweep['after_worst'])} "
            f"`{sweep['after_worst_entity']}`; {sweep['entities']} entities, {answer})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="named queries (default: every query whose text changed)")
    parser.add_argument("--before", required=True, help="git revision holding the old texts")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SYNTH_SIZES), help="synthetic graph sizes")
    parser.add_argument("--every-entity", action="store_true",
                        help="also run both texts with every entity of the (middle) article as the parameter")
    parser.add_argument("--evaluated", action="store_true",
                        help="evaluate the new text too (as prepared), not from a computed-once query's tables")
    parser.add_argument("--virtuoso", action="store_true",
                        help="run both texts as written on a Virtuoso loaded with each graph, not the embedded store")
    parser.add_argument("--report", default="query-rewrites",
                        help="name of the results file written (bench/results/<report>.md and .json)")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--article", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        before = json.loads(args.texts.read_text(encoding="utf-8"))
        print(json.dumps(worker(args.worker, args.article, before, args.every_entity, args.evaluated, args.virtuoso)))
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
    texts_file.write_text(json.dumps(before if args.virtuoso else old_prepared(args.before, before)), encoding="utf-8")

    results = []
    for label, path in graphs(tuple(args.sizes)):
        triples_hint = sum(1 for _ in open(path, "rb")) if label != "article" else 0
        article = synthetic_article(triples_hint) if triples_hint else None
        cmd = [sys.executable, __file__, "--before", args.before, "--worker", str(path), "--texts", str(texts_file)]
        cmd += ["--article", str(article)] if article else []
        cmd += ["--every-entity"] if args.every_entity else []
        cmd += ["--evaluated"] if args.evaluated else []
        cmd += ["--virtuoso"] if args.virtuoso else []
        print(f"measuring {label} ({path.name}) …", file=sys.stderr, flush=True)
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=1800)
        if proc.returncode != 0:
            raise SystemExit(f"worker failed on {path}:\n{proc.stderr}")
        data = json.loads(proc.stdout.strip().splitlines()[-1])
        data["label"] = label
        results.append(data)
    revision = subprocess.run(["git", "rev-parse", "--short", args.before], cwd=ROOT, capture_output=True,
                              text=True).stdout.strip() or args.before
    (ROOT / "bench" / "results" / f"{args.report}.json").write_text(json.dumps(
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
    where = "on Virtuoso over HTTP" if args.virtuoso else "in process"
    body = (f"## Median latency before (`{revision}`) → after (working tree), ms, {where}, interleaved runs\n\n"
            + table(["query"] + [f"{r['label']} ({r['triples']:,} triples)" for r in results], rows))
    sweep = [[f"`{name}`"] + [_sweep_cell(r["queries"][name].get("every_entity")) for r in results] for name in before
             if any(r["queries"][name].get("every_entity") for r in results)]
    if sweep:
        body += ("\n\n## Every entity as the parameter: total of the medians before → after, ms (slowest entity)\n\n"
                 + table(["query"] + [r["label"] for r in results], sweep))
    notes = (["the new text evaluated as the embedded store prepares it (`--evaluated`: no computed-once tables)"]
             if args.evaluated else [])
    notes += (["both texts as written, through `RemoteStore`, on Virtuoso bulk-loaded with each graph (`--virtuoso`: "
               "serving settings of `bench/peers.py`); rows compared between the two texts, not with the embedded store"]
              if args.virtuoso else [])
    notes += [f"each query's old and new text run alternately for {BUDGET:.0f} s per graph on the same store "
             "(example parameters; on synthetic graphs moved into the middle article, as `bench/inprocess.py` does)",
             "rows compared as returned (order included) on every graph"]
    if sweep:
        notes.append(f"every entity: each entity of the graph (on synthetic graphs: of the middle article) bound to the "
                     f"query's one IRI parameter, each text run {EVERY_ENTITY_RUNS} times, medians summed; rows compared "
                     "in order for each entity")
    report(args.report, "Named-query rewrites: before and after, same graph, same run", body, notes)


if __name__ == "__main__":
    main()
