"""A 60-second mixed load on the served app: valid, malformed and runaway queries together.

Eight clients (each from its own loopback address, 127.0.0.20–27) send, for the whole duration, a weighted mix of valid requests (named
queries through /sparql and /api/queries, entity pages, questions, the health check),
malformed ones (broken SPARQL, bad parameters, updates, foreign graphs) and runaway queries
(cartesian products over the whole graph, which the engine must stop at its time limit).
It passes when every request got a response, no valid request got a 5xx, no malformed one
got a 5xx, and the resident memory of the whole server (gunicorn master, workers and their
query processes) grew by less than 10 %.

    .venv/bin/python bench/soak.py [--duration 60]
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder would come first on sys.path and bench/http.py would shadow the
# standard library's http package: put the project root there instead.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse  # noqa: E402
import collections  # noqa: E402
import http.client  # noqa: E402
import random  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from urllib.parse import urlencode, urlsplit  # noqa: E402

import psutil  # noqa: E402

from bench.common import ms, percentile, report, table  # noqa: E402
from bench.http import bound_query_text  # noqa: E402
from bench.serve import ours  # noqa: E402

CLIENTS = 8


def _client(n: int) -> str:
    """Client ``n``'s own loopback address: eight clients, as the per-client query limit counts them."""
    return f"127.0.0.{20 + n}"

RUNAWAY = [
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "SELECT ?x WHERE { ?x (<http://www.w3.org/2004/02/skos/core#prefLabel>|!<urn:x>)* ?y . ?y ?p ?z . ?z ?q ?w }",
]
MALFORMED_SPARQL = [
    "SELECT ?s WHERE { ?s ?p ", "SELEC * { ?s ?p ?o }", "SELECT * WHERE { ?s <bad iri> ?o }",
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "DROP ALL", "LOAD <http://example.org/data.ttl>",
    "SELECT * FROM <http://example.org/other> WHERE { ?s ?p ?o }",
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "\x00\x01\x02", "SELECT * WHERE { ?s ?p ?o } LIMIT -5", "PREFIX : <x> SELECT * { :a :b \"unterminated }",
]


def _requests(named_texts: list[str], query_names: list[tuple[str, dict]]) -> dict[str, list]:
    """Paths (with query strings) of each kind of request."""
    valid = [("/healthz",), ("/id/knee-muscle-spasm",), ("/id/dehydration",),
             ("/api/ask?" + urlencode({"q": "What causes knee muscle spasms?"}),),
             ("/api/ask?" + urlencode({"q": "Is caffeine a cause of knee spasms?"}),)]
    valid += [("/sparql?" + urlencode({"query": t}),) for t in named_texts]
    valid += [(f"/api/queries/{name}?" + urlencode(values),) for name, values in query_names]
    malformed = [("/sparql?" + urlencode({"query": t}),) for t in MALFORMED_SPARQL]
    malformed += [("/api/queries/causes-of?" + urlencode({"condition": "<javascript:x>"}),),
                  ("/api/queries/causes-of",), ("/api/queries/no-such-query",),
                  ("/api/queries/label-search?" + urlencode({"text": "x" * 2000}),),
                  ("/api/queries/causes-of?" + urlencode({"condition": "kg:a", "extra": "1"}),),
                  ("/api/ask?" + urlencode({"q": ""}),), ("/api/ask?" + urlencode({"q": "?" * 5000}),),
                  ("/id/%00",), ("/sparql?query=",)]
    runaway = [("/sparql?" + urlencode({"query": t}),) for t in RUNAWAY]
    return {"valid": valid, "malformed": malformed, "runaway": runaway}


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants (bytes), as PSS.

    Workers and query processes are forked from the loaded master and share its pages; the
    proportional set size counts each shared page once across them, where summing RSS would
    count the graph once per process.
    """
    try:
        root = psutil.Process(pid)
        procs = [root] + root.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for p in procs:
        try:
            info = p.memory_full_info()
            total += getattr(info, "pss", info.rss)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total


def _tree_pss_by_kind(pid: int) -> dict[str, int]:
    """PSS (bytes) of the server's processes by kind: nginx, gunicorn's master and workers (the process
    started and its children), and the query processes below them (with the spawner that forks them)."""
    out: dict[str, int] = collections.Counter()
    try:
        root = psutil.Process(pid)
        children = root.children()
    except psutil.NoSuchProcess:
        return {}
    for p in [root] + children:
        try:
            kind = "nginx" if p.name().startswith("nginx") else "gunicorn master and workers"
            out[kind] += p.memory_full_info().pss
            if kind == "nginx":
                for c in p.children(recursive=True):
                    out["nginx"] += c.memory_full_info().pss
                continue
            if p.pid == pid:
                continue
            for c in p.children(recursive=True):
                out["query processes"] += c.memory_full_info().pss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return dict(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    from kg.sparql.registry import registry

    named = [q for q in registry()]
    kinds = _requests([bound_query_text(q.name) for q in named], [(q.name, q.example_values()) for q in named])
    weights = {"valid": 0.80, "malformed": 0.17, "runaway": 0.03}
    stats = collections.defaultdict(collections.Counter)  # kind -> status -> count
    latencies = collections.defaultdict(list)
    failures: list[str] = []
    lock = threading.Lock()

    with ours() as (base, _startup, proc):
        parts = urlsplit(base)
        # Warm every route from concurrent clients (so every worker starts its query processes),
        # then take the baseline memory of the whole server.
        def warm(kinds_to_send=("valid", "malformed"), n: int = 0) -> None:
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60, source_address=(_client(n), 0))
            for kind in kinds_to_send:
                for (path,) in kinds[kind]:
                    conn.request("GET", path)
                    conn.getresponse().read()
            conn.close()

        warmers = [threading.Thread(target=warm, kwargs={"n": n}) for n in range(CLIENTS)]
        warmers.append(threading.Thread(target=warm, args=(("runaway",),)))  # one of each, stopped or capped
        for t in warmers:
            t.start()
        for t in warmers:
            t.join()
        time.sleep(3)  # let stopped query processes be replaced before the baseline
        rss_start = _tree_rss(proc.pid)
        kinds_start = _tree_pss_by_kind(proc.pid)
        samples = [rss_start]
        stop_at = time.monotonic() + args.duration

        def client(n: int) -> None:
            rng = random.Random(args.seed * 100 + n)
            source = (_client(n), 0)
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60, source_address=source)
            while time.monotonic() < stop_at:
                kind = rng.choices(list(weights), list(weights.values()))[0]
                (path,) = rng.choice(kinds[kind])
                start = time.perf_counter()
                try:
                    conn.request("GET", path)
                    response = conn.getresponse()
                    response.read()
                    status = response.status
                except (OSError, http.client.HTTPException) as exc:
                    status = "no response"
                    with lock:
                        failures.append(f"{kind} {path[:80]}: {type(exc).__name__}: {exc}")
                    conn.close()
                    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60, source_address=source)
                with lock:
                    stats[kind][status] += 1
                    latencies[kind].append(time.perf_counter() - start)
            conn.close()

        threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(CLIENTS)]
        for t in threads:
            t.start()
        while any(t.is_alive() for t in threads):
            time.sleep(1)
            samples.append(_tree_rss(proc.pid))
        for t in threads:
            t.join()
        time.sleep(1)
        rss_end = _tree_rss(proc.pid)
        kinds_end = _tree_pss_by_kind(proc.pid)

    growth = (rss_end - rss_start) / rss_start if rss_start else float("nan")
    rows = []
    for kind in ("valid", "malformed", "runaway"):
        counts = stats[kind]
        total = sum(counts.values())
        statuses = ", ".join(f"{s}: {c:,}" for s, c in sorted(counts.items(), key=lambda kv: str(kv[0])))
        rows.append([kind, f"{total:,}", statuses, ms(percentile(latencies[kind], 50)),
                     ms(percentile(latencies[kind], 99))])
    total = sum(sum(c.values()) for c in stats.values())
    no_response = sum(c.get("no response", 0) for c in stats.values())
    valid_5xx = sum(c for s, c in stats["valid"].items() if isinstance(s, int) and s >= 500)
    malformed_5xx = sum(c for s, c in stats["malformed"].items() if isinstance(s, int) and s >= 500)
    checks = [
        ("every request got a response", no_response == 0, f"{no_response} of {total:,} without"),
        ("0 5xx on valid requests", valid_5xx == 0, f"{valid_5xx}"),
        ("0 5xx on malformed requests (a clear 4xx instead)", malformed_5xx == 0, f"{malformed_5xx}"),
        ("server memory (PSS) growth < 10 %", growth < 0.10,
         f"{rss_start / 2**20:,.0f} MB → {rss_end / 2**20:,.0f} MB ({growth:+.1%}; peak {max(samples) / 2**20:,.0f} MB)"),
    ]
    body = (f"## {args.duration} s, {CLIENTS} clients, mix {', '.join(f'{k} {v:.0%}' for k, v in weights.items())}\n\n"
            + table(["kind", "requests", "statuses", "p50 (ms)", "p99 (ms)"], rows)
            + "\n\n## Checks\n\n"
            + table(["check", "result", "measured"], [[c, "pass" if ok else "FAIL", m] for c, ok, m in checks])
            + "\n\n## PSS by kind of process (MB)\n\n"
            + table(["processes", "after warming", "at the end"],
                    [[k, f"{kinds_start.get(k, 0) / 2**20:,.0f}", f"{kinds_end.get(k, 0) / 2**20:,.0f}"]
                     for k in ("gunicorn master and workers", "query processes", "nginx")]))
    notes = ["runaway queries are cartesian products over the whole graph: the engine stops them at its time "
             "limit (503 with a message) or caps their rows (200, X-Result-Truncated)"]
    notes += [f"no response: {f}" for f in failures[:10]]
    import json

    (Path(__file__).parent / "results").mkdir(exist_ok=True)
    (Path(__file__).parent / "results" / "soak.json").write_text(json.dumps(
        {"duration": args.duration, "checks": [{"check": c, "ok": ok, "measured": m} for c, ok, m in checks],
         "statuses": {k: {str(s): n for s, n in v.items()} for k, v in stats.items()}}, indent=1))
    report("soak", "Soak: mixed valid, malformed and runaway load", body, notes)
    if not all(ok for _, ok, _ in checks):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
