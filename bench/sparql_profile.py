"""Where an uncached ``/sparql`` request's time goes, in process: the Flask app called as WSGI (no HTTP server,
no test client), every request text new, with queries proven cheap evaluated in the serving thread
(``QUERY_INLINE``, the default) and with every query sent to a query process.

Two requests of ``bench/uncached.py``'s mixes — the one-hop ``SELECT ?p ?o WHERE { <entity> ?p ?o }`` and a
named query bound by VALUES — beside ``/healthz``: wall time per request (median and best of rounds)
and the server process's CPU time, then cProfile's split of one round into the steps
of the request (analysis, proof, negotiation, evaluation, writing the rows, the framework).

    .venv/bin/python bench/sparql_profile.py [--rounds 7] [--requests 300]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)  # not bench/: bench/http.py would shadow http

import argparse  # noqa: E402
import cProfile  # noqa: E402
import pstats  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from urllib.parse import urlencode  # noqa: E402

from bench.common import ARTICLE_GRAPH, report, table  # noqa: E402
from bench.uncached import texts  # noqa: E402

JSON = "application/sparql-results+json"
# (label, the function's file and name in cProfile's table): the steps of one /sparql request.
STEPS = [
    ("the guard's analysis (tokens, shape, refusals)", "kg/sparql/guard.py", "_analyse"),
    ("the cheap-query proof", "kg/sparql/cheap.py", "plan"),
    ("negotiation", "kg/sparql/formats.py", "negotiate"),
    ("evaluation and writing the rows, in the serving thread", "kg/sparql/engine.py", "_inline"),
    ("hand-off to a query process and back (its evaluation and writing included)", "kg/sparql/pool.py", "run"),
    ("/sparql view (everything above included)", "webapp/sparql.py", "run_query"),
    ("the whole request through Flask", "flask/app.py", "wsgi_app"),
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    from kg.store.embedded import EmbeddedStore
    from webapp import create_app, state

    store = EmbeddedStore.from_file(ARTICLE_GRAPH)
    queries = {mix: texts(mix, ARTICLE_GRAPH) for mix in ("one-hop", "named")}
    apps = {"in the serving thread when proven cheap": create_app({"STORE": store, "QUERIES_PER_CLIENT": 0}),
            "every query in a query process": create_app({"STORE": store, "QUERIES_PER_CLIENT": 0,
                                                           "QUERY_INLINE": False})}
    cases = [("healthz", "in the serving thread when proven cheap")] + [
        (mix, way) for mix in ("one-hop", "named") for way in apps]
    offset = 0
    for mix, way in cases:  # warm: pattern counts, the named-query index, the query processes
        serve(apps[way], environs(mix, 200, offset, queries))
        offset += 1000
    cpu: dict[tuple[str, str], list[float]] = {case: [] for case in cases}
    wall: dict[tuple[str, str], list[float]] = {case: [] for case in cases}
    for _ in range(args.rounds):
        for case in cases:
            envs = environs(case[0], args.requests, offset, queries)
            offset += args.requests
            start, started = time.process_time(), time.perf_counter()
            serve(apps[case[1]], envs)  # the query processes' CPU is not counted: their wall time is
            cpu[case].append((time.process_time() - start) / len(envs))
            wall[case].append((time.perf_counter() - started) / len(envs))
    steps: dict[tuple[str, str], dict[str, float]] = {}
    for case in cases:
        envs = environs(case[0], args.requests, offset, queries)
        offset += args.requests
        profile = cProfile.Profile()
        profile.enable()
        serve(apps[case[1]], envs)
        profile.disable()
        stats = pstats.Stats(profile).stats
        total = sum(v[3] for k, v in stats.items() if k[0].endswith("flask/app.py") and k[2] == "wsgi_app")
        steps[case] = {label: sum(v[3] for k, v in stats.items() if k[0].endswith(path) and k[2] == name) / total
                       for label, path, name in STEPS}
    for app in apps.values():
        with app.app_context():
            state.engine().close()
    rows = [[mix, way if mix != "healthz" else "—", f"{statistics.median(wall[(mix, way)]) * 1000:.3f}",
             f"{min(wall[(mix, way)]) * 1000:.3f}", f"{statistics.median(cpu[(mix, way)]) * 1000:.3f}"]
            for mix, way in cases]
    body = ("## Time per request, Flask app as WSGI, article graph\n\n"
            + table(["request", "how", "wall, median of rounds (ms)", "wall, best round (ms)",
                     "CPU of the server process, median (ms)"], rows))
    step_rows = [[label] + [f"{steps[case][label] * 100:.0f} %" for case in cases[1:]] for label, _, _ in STEPS]
    body += ("\n\n## Share of one profiled round's time (cProfile, which slows Python code more than native code)\n\n"
             + table(["step"] + [f"{mix}, {way}" for mix, way in cases[1:]], step_rows))
    notes = [f"{args.rounds} rounds of {args.requests} requests per case, every query text new (a trailing comment); "
             "CPU time of the server process only (a query process's CPU is not in it: the hand-off's wall time is)",
             "one-hop: `SELECT ?p ?o WHERE { <entity> ?p ?o }`; named: every one-entity-parameter named query x every "
             "entity, bound by VALUES (bench/uncached.py's mixes)"]
    report("sparql-profile", "Where an uncached /sparql request's time goes, in process", body, notes)


if __name__ == "__main__":
    main()
