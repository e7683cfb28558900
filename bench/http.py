"""Requests/s and p50/p99 over HTTP under a bounded load (wrk -t2 -c8 -d10s) on 127.0.0.1, as ratios to /healthz.

Our app runs under gunicorn as `kneekg serve` runs it (graph preloaded, warmed, workers
forked), without the access log. Each route is loaded for the same duration; /healthz is the
framework's floor on the same server. The worker count is measured too (one per core vs
2 x cores + 1), and the start-up time (process start to the first answered request).

    .venv/bin/python bench/http.py [--duration 10]
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path, and bench/http.py would shadow the
# standard library's http package: put the project root there instead.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
from urllib.parse import urlencode  # noqa: E402

from bench.common import ROOT, ms, report, table  # noqa: E402
from bench.serve import ours, status_of, wrk  # noqa: E402

ONE_HOP = "causes-of"  # the named query sent to /sparql and /api/queries
ENTITY = "/id/knee-muscle-spasm"
QUESTION = "What causes knee muscle spasms?"


def bound_query_text(name: str) -> str:
    """The named query's text with its example parameters bound by a VALUES block."""
    from kg.sparql.registry import registry

    query = registry()[name]
    return query.with_values(query.example_values())


def routes() -> list[tuple[str, str]]:
    from kg.sparql.registry import registry

    named = registry()[ONE_HOP]
    api = f"/api/queries/{ONE_HOP}?" + urlencode(named.example_values())
    return [
        ("/healthz (floor)", "/healthz"),
        (f"/sparql GET, named query `{ONE_HOP}`", "/sparql?" + urlencode({"query": bound_query_text(ONE_HOP)})),
        (f"/api/queries/{ONE_HOP}", api),
        ("/api/ask", "/api/ask?" + urlencode({"q": QUESTION})),
        (f"entity page {ENTITY}", ENTITY),
    ]


def measure(base: str, chosen: list[tuple[str, str]], duration: int) -> list[dict]:
    rows = []
    for label, path in chosen:
        url = base + path
        status = status_of(url)
        if label == "/api/ask" and status in (400, 404):  # the question parameter may be named differently
            alt = base + "/api/ask?" + urlencode({"question": QUESTION})
            if status_of(alt) == 200:
                url, status = alt, 200
        if status == 404:
            rows.append({"label": label, "missing": "n/a (route missing)"})
            continue
        if status != 200:
            rows.append({"label": label, "missing": f"n/a (answers {status})"})
            continue
        print(f"  wrk {label} …", file=sys.stderr, flush=True)
        rows.append({"label": label, **wrk(url, duration=duration)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per route (wrk -d)")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    log = ROOT / "bench" / "data" / "http-server.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    results = {}
    startup = {}
    for workers in (cores, 2 * cores + 1):
        print(f"gunicorn with {workers} workers …", file=sys.stderr, flush=True)
        with ours(workers=workers, log=log) as (base, seconds, _proc):
            startup[workers] = seconds
            chosen = routes() if workers == cores else routes()[:2]
            results[workers] = measure(base, chosen, args.duration)
        warmed = re.search(r"warmed in ([\d.]+) s", log.read_text(errors="replace"))
        startup[f"{workers}-app"] = float(warmed.group(1)) if warmed else float("nan")

    body_rows = []
    floors = {w: next((r["rps"] for r in rows if r["label"].startswith("/healthz") and "rps" in r), float("nan"))
              for w, rows in results.items()}
    for workers, rows in results.items():
        for r in rows:
            if "missing" in r:
                body_rows.append([r["label"], workers, r["missing"], "", "", ""])
                continue
            ratio = r["rps"] / floors[workers] if floors[workers] == floors[workers] else float("nan")
            body_rows.append([r["label"], workers, f"{r['rps']:,.0f}", ms(r["p50"]), ms(r["p99"]),
                              f"{ratio:.2f}" + (f" ({r['non2xx']} non-2xx)" if r["non2xx"] else "")])
    body = (f"## Throughput under `wrk -t2 -c8 -d{args.duration}s --latency` on 127.0.0.1\n\n"
            + table(["route", "gunicorn workers", "requests/s", "p50 (ms)", "p99 (ms)", "ratio to /healthz"],
                    body_rows))
    body += ("\n\n## Start-up (article graph)\n\n"
             + table(["gunicorn workers", "process start → first answer (s)", "load + warm every named query in the app (s)"],
                     [[w, f"{startup[w]:.2f}", f"{startup[f'{w}-app']:.2f}"] for w in results]))
    notes = [f"`/sparql` sends the text of `{ONE_HOP}` with its example bound by VALUES (GET, query string); "
             f"repeated identical requests are answered from the result cache (the graph is immutable while served)",
             f"`/api/ask` asks {QUESTION!r}"]
    main_rows = {r["label"]: r for r in results[cores]}
    for label, target in (("/sparql", 0.85), ("/api/ask", 0.8)):
        r = next((v for k, v in main_rows.items() if k.startswith(label)), None)
        if r is None or "missing" in r:
            notes.append(f"target {label} >= {target} x floor: not measured ({r['missing'] if r else 'not run'})")
        else:
            ratio = r["rps"] / floors[cores]
            notes.append(f"target {label} >= {target} x floor: {ratio:.2f} — {'met' if ratio >= target else 'missed'}")
    import json

    (ROOT / "bench" / "results").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "results" / "http.json").write_text(json.dumps(
        {"cores": cores, "results": {str(w): rows for w, rows in results.items()},
         "startup": {str(k): v for k, v in startup.items()}}, indent=1))
    report("http", "Throughput and latency over HTTP", body, notes)


if __name__ == "__main__":
    main()
