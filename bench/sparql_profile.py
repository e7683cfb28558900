"""Where an uncached ``/sparql`` request's time goes, in process: the Flask app called as WSGI (no HTTP server,
no test client), every request text new, with queries proven cheap evaluated in the serving thread
(``QUERY_INLINE``, the default) and with every query sent to a query process.

Two requests of ``bench/uncached.py``'s mixes — the one-hop ``SELECT ?p ?o WHERE { <entity> ?p ?o }`` and a
named query bound by VALUES — beside ``/healthz``: wall time per request (median and best of rounds)
and the server process's CPU time, then cProfile's split of one round into the steps
of the request (analysis, proof, negotiation, evaluation, writing the rows, the framework).

With ``--against REV`` (e.g. ``main``) the app at that git revision is timed too, in its own process,
round by round with this tree's (the order alternating), so that both see the same load: before and after
a change, in one run.

    .venv/bin/python bench/sparql_profile.py [--rounds 7] [--requests 300] [--against REV]
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":  # not bench/: bench/http.py would shadow http (a timing process puts its tree first)
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse  # noqa: E402
import cProfile  # noqa: E402
import pstats  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from urllib.parse import urlencode  # noqa: E402

from bench.common import ARTICLE_GRAPH, ROOT, report, table  # noqa: E402
from bench.uncached import texts  # noqa: E402

JSON = "application/sparql-results+json"
# (label, the function's file and name in cProfile's table): the steps of one /sparql request.
STEPS = [
    ("the guard's analysis (tokens, shape, refusals)", "kg/sparql/guard.py", "_analyse"),
    ("the cheap-query proof", "kg/sparql/cheap.py", "plan"),
    ("negotiation", "kg/sparql/formats.py", "negotiate"),
    ("evaluation and writing the rows, in the serving thread", "kg/sparql/pool.py", "evaluate"),
    ("writing rows kept as TSV (a named query's, kg/store/once.py), in the serving thread", "kg/sparql/results.py",
     "from_tsv"),
    ("hand-off to a query process and back (its evaluation and writing included)", "kg/sparql/pool.py", "run"),
    ("/sparql view (everything above included)", "webapp/sparql.py", "run_query"),
    ("the fast path, without the framework (everything above included: webapp/fastpath.py)", "webapp/fastpath.py",
     "answer"),
    ("the request through Flask's wsgi_app (not called for a request the fast path answers)", "flask/app.py",
     "wsgi_app"),
    ("the whole request (the app called as WSGI)", "flask/app.py", "__call__"),
]


def environs(mix: str, count: int, offset: int, queries: dict[str, list[str]]) -> list[dict]:
    from werkzeug.test import EnvironBuilder

    out = []
    for i in range(count):
        if mix == "healthz":
            out.append(EnvironBuilder(path="/healthz").get_environ())
            continue
        text = queries[mix][(offset + i) % len(queries[mix])] + f"\n# {offset + i}"  # never repeated
        out.append(EnvironBuilder(path="/sparql", query_string=urlencode({"query": text}),
                                  headers={"Accept": JSON}).get_environ())
    return out


def serve(app, envs: list[dict]) -> None:
    def start_response(status, headers, exc_info=None):
        if not status.startswith("200"):
            raise RuntimeError(f"{status} for {envs[0].get('QUERY_STRING', '')[:80]}")

    for env in envs:
        b"".join(app(env, start_response))


WAYS = ("in the serving thread when proven cheap", "every query in a query process")
CASES = [("healthz", WAYS[0])] + [(mix, way) for mix in ("one-hop", "named") for way in WAYS]


def make_apps(store) -> dict:
    from webapp import create_app

    return {WAYS[0]: create_app({"STORE": store, "QUERIES_PER_CLIENT": 0}),
            WAYS[1]: create_app({"STORE": store, "QUERIES_PER_CLIENT": 0, "QUERY_INLINE": False})}


def close(apps: dict) -> None:
    from webapp import state

    for app in apps.values():
        with app.app_context():
            state.engine().close()


def worker(graph: Path) -> None:
    """Time rounds as the driver asks on stdin (``MIX|WAY|COUNT|OFFSET``), one ``CPU WALL`` line each (s/request).

    Runs with the tree to time first on ``sys.path`` (its ``kg`` and ``webapp``), so it times that tree's app.
    """
    from kg.store.embedded import EmbeddedStore

    store = EmbeddedStore.from_file(graph)
    queries = {mix: texts(mix, graph) for mix in ("one-hop", "named")}
    apps = make_apps(store)
    try:
        for line in sys.stdin:
            mix, way, count, offset = line.rstrip("\n").split("|")
            envs = environs(mix, int(count), int(offset), queries)
            start, started = time.process_time(), time.perf_counter()
            serve(apps[way], envs)  # the query processes' CPU is not counted: their wall time is
            print(f"{(time.process_time() - start) / len(envs)} {(time.perf_counter() - started) / len(envs)}", flush=True)
    finally:
        close(apps)


class Timer:
    """A worker process timing one tree's app (this one, or a revision exported to a temporary folder)."""

    def __init__(self, tree: Path, graph: Path):
        code = (f"import sys; sys.path.insert(0, {str(tree)!r}); sys.argv = ['sparql_profile']; "
                f"import runpy; m = runpy.run_path({__file__!r}, run_name='bench_worker'); "
                f"m['worker'](__import__('pathlib').Path({str(graph)!r}))")
        self.proc = subprocess.Popen([sys.executable, "-c", code], cwd=tree, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)

    def time(self, mix: str, way: str, count: int, offset: int) -> tuple[float, float]:
        self.proc.stdin.write(f"{mix}|{way}|{count}|{offset}\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the timing process stopped")
        cpu, wall = line.split()
        return float(cpu), float(wall)

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--against", metavar="REV", help="also time the app at this git revision, in the same run")
    args = parser.parse_args()
    from bench.uncached import export  # here: a timing process imports this file over another revision's bench/
    from kg.store.embedded import EmbeddedStore

    with tempfile.TemporaryDirectory(prefix="sparql-profile-") as tmp:
        trees = {"this tree": ROOT}
        if args.against:
            trees[args.against] = export(args.against, Path(tmp))
        timers = {name: Timer(tree, ARTICLE_GRAPH) for name, tree in trees.items()}
        cpu = {(name, case): [] for name in trees for case in CASES}
        wall = {(name, case): [] for name in trees for case in CASES}
        try:
            offset = 0
            for name, timer in timers.items():  # warm: pattern counts, the named-query index, the query processes
                for mix, way in CASES:
                    timer.time(mix, way, 200, offset)
                    offset += 1000
            for round_ in range(args.rounds):
                for case in CASES:
                    order = list(timers.items()) if round_ % 2 == 0 else list(timers.items())[::-1]
                    for name, timer in order:  # the same texts for each tree, one after the other
                        c, w = timer.time(case[0], case[1], args.requests, offset)
                        cpu[(name, case)].append(c)
                        wall[(name, case)].append(w)
                    offset += args.requests
        finally:
            for timer in timers.values():
                timer.close()

    store = EmbeddedStore.from_file(ARTICLE_GRAPH)
    queries = {mix: texts(mix, ARTICLE_GRAPH) for mix in ("one-hop", "named")}
    apps = make_apps(store)
    steps: dict[tuple[str, str], dict[str, float]] = {}
    for case in CASES:
        serve(apps[case[1]], environs(case[0], 200, offset, queries))
        envs = environs(case[0], args.requests, offset + 1000, queries)
        offset += args.requests + 1000
        profile = cProfile.Profile()
        profile.enable()
        serve(apps[case[1]], envs)
        profile.disable()
        stats = pstats.Stats(profile).stats
        total = sum(v[3] for k, v in stats.items() if k[0].endswith("flask/app.py") and k[2] == "__call__")
        steps[case] = {label: sum(v[3] for k, v in stats.items() if k[0].endswith(path) and k[2] == name) / total
                       for label, path, name in STEPS}
    close(apps)

    def ms(values: list[float], pick=statistics.median) -> str:
        return f"{pick(values) * 1000:.3f}"

    rows = []
    for mix, way in CASES:
        row = [mix, way if mix != "healthz" else "—"]
        for name in trees:
            row += [ms(wall[(name, (mix, way))]), ms(wall[(name, (mix, way))], min), ms(cpu[(name, (mix, way))])]
        rows.append(row)
    header = ["request", "how"]
    for name in trees:
        label = "" if len(trees) == 1 else f", {name}"
        header += [f"wall, median of rounds (ms){label}", f"wall, best round (ms){label}",
                   f"CPU of the server process, median (ms){label}"]
    body = "## Time per request, Flask app as WSGI, article graph\n\n" + table(header, rows)
    if args.against:
        healthz = CASES[0]
        ratio_rows = []
        for case in CASES:
            paired = sorted(a / b for a, b in zip(cpu[("this tree", case)], cpu[(args.against, case)]))
            quartiles = statistics.quantiles(paired, n=4) if len(paired) > 1 else paired * 3
            ratio_rows.append([case[0], case[1] if case[0] != "healthz" else "—"] + [
                "" if case == healthz else
                f"{statistics.median(cpu[(name, case)]) / statistics.median(cpu[(name, healthz)]):.2f}" for name in trees]
                + [f"{statistics.median(paired):.2f} ({quartiles[0]:.2f}–{quartiles[2]:.2f})"])
        body += ("\n\n## CPU per request ÷ /healthz's, and this tree's ÷ " + args.against + "'s round by round\n\n"
                 + table(["request", "how"] + [f"÷ /healthz, {name}" for name in trees]
                         + [f"this tree ÷ {args.against}, median of rounds (quartiles)"], ratio_rows))
    step_rows = [[label] + [f"{steps[case][label] * 100:.0f} %" for case in CASES[1:]] for label, _, _ in STEPS]
    body += ("\n\n## Share of one profiled round's time, this tree (cProfile, which slows Python code more than native code)\n\n"
             + table(["step"] + [f"{mix}, {way}" for mix, way in CASES[1:]], step_rows))
    notes = [f"{args.rounds} rounds of {args.requests} requests per case, every query text new (a trailing comment); "
             "CPU time of the server process only (a query process's CPU is not in it: the hand-off's wall time is)",
             "one-hop: `SELECT ?p ?o WHERE { <entity> ?p ?o }`; named: every one-entity-parameter named query x every "
             "entity, bound by VALUES (bench/uncached.py's mixes)"]
    if args.against:
        notes.append(f"`--against {args.against}`: that revision's app (exported with `git archive`) timed in its own "
                     "process on the same graph, each round right after or before this tree's (the order alternating), "
                     "with the same texts")
    report("sparql-profile", "Where an uncached /sparql request's time goes, in process", body, notes)


if __name__ == "__main__":
    main()
