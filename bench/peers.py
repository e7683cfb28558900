"""The same named queries through our /sparql, Virtuoso and rdflib-endpoint: same data, same run, ratios to ours.

Every system gets the same query text (the named query with its example bound by VALUES),
over HTTP on 127.0.0.1 with JSON results, from one keep-alive client: the median latency of
each query (ours both uncached — each request's text made unique by a comment — and as
served, from the result cache). Then throughput under `wrk -t2 -c8 -d10s` for the one-hop
query. Row counts are compared, so a peer that answers differently shows.

    .venv/bin/python bench/peers.py [--duration 10] [--graph FILE]
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder would come first on sys.path and bench/http.py would shadow the
# standard library's http package: put the project root there instead.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse  # noqa: E402
import http.client  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
from urllib.parse import urlencode, urlsplit  # noqa: E402

from bench.common import ARTICLE_GRAPH, median, ms, report, table  # noqa: E402
from bench.http import ONE_HOP, bound_query_text  # noqa: E402
from bench.peers_servers import rdflib_endpoint, virtuoso  # noqa: E402
from bench.serve import ours, wrk  # noqa: E402

GRAPHS = [f"https://w3id.org/kneekg/graph/{g}" for g in ("ontology", "facts", "inferred", "provenance")]
BUDGET = 0.5  # seconds of repeats per query and system
JSON = "application/sparql-results+json"


class Client:
    """One keep-alive HTTP connection to a SPARQL endpoint."""

    def __init__(self, url: str, dataset: bool = False):
        parts = urlsplit(url)
        self.host, self.port, self.path = parts.hostname, parts.port, parts.path or "/"
        self.dataset = dataset
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)

    def query(self, text: str) -> tuple[int, int]:
        """Send one GET; return (status, number of result rows or -1)."""
        params = [("query", text)]
        if self.dataset:  # pin the dataset to our four graphs (Virtuoso also holds its own system graphs)
            params += [("default-graph-uri", g) for g in GRAPHS] + [("named-graph-uri", g) for g in GRAPHS]
        self.conn.request("GET", f"{self.path}?{urlencode(params)}", headers={"Accept": JSON})
        response = self.conn.getresponse()
        body = response.read()
        if response.status != 200:
            return response.status, -1
        try:
            data = json.loads(body)
        except ValueError:
            return response.status, -1
        return response.status, len(data["results"]["bindings"]) if "results" in data else 1

    def url_for(self, text: str) -> str:
        params = [("query", text)]
        if self.dataset:
            params += [("default-graph-uri", g) for g in GRAPHS] + [("named-graph-uri", g) for g in GRAPHS]
        return f"http://{self.host}:{self.port}{self.path}?{urlencode(params)}"


def latency(client: Client, text: str, unique: bool = False) -> dict:
    counter = iter(range(10**9))

    def once():
        body = text + (f"\n# run {next(counter)} {time.perf_counter_ns()}" if unique else "")
        start = time.perf_counter()
        status, rows = client.query(body)
        return time.perf_counter() - start, status, rows

    _, status, rows = once()
    if status != 200:
        return {"status": status, "rows": rows}
    samples = []
    deadline = time.perf_counter() + BUDGET
    while len(samples) < 3 or (time.perf_counter() < deadline and len(samples) < 200):
        seconds, status, rows = once()
        samples.append(seconds)
    return {"status": 200, "rows": rows, "median": median(samples)}


def per_query(client: Client, texts: dict[str, str], unique: bool = False) -> dict[str, dict]:
    return {name: latency(client, text, unique) for name, text in texts.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk load per system")
    parser.add_argument("--graph", type=Path, default=ARTICLE_GRAPH)
    args = parser.parse_args()
    from kg.sparql.registry import registry

    texts = {q.name: bound_query_text(q.name) for q in registry()}
    results: dict[str, dict] = {}
    load: dict[str, str] = {}
    throughput: dict[str, dict | str] = {}

    print("ours …", file=sys.stderr, flush=True)
    with ours(graph=args.graph) as (base, seconds, _):
        client = Client(base + "/sparql")
        results["ours (uncached)"] = per_query(client, texts, unique=True)
        results["ours (served, cached)"] = per_query(client, texts)
        load["ours"] = f"{seconds:.2f} s to first answer"
        throughput["ours"] = wrk(client.url_for(texts[ONE_HOP]), duration=args.duration)
    for name, launcher, dataset in (("Virtuoso", virtuoso, True), ("rdflib-endpoint", rdflib_endpoint, False)):
        print(f"{name} …", file=sys.stderr, flush=True)
        try:
            with launcher(args.graph) as (url, seconds):
                client = Client(url, dataset=dataset)
                results[name] = per_query(client, texts)
                load[name] = f"{seconds:.2f} s to load" if name == "Virtuoso" else f"{seconds:.2f} s to first answer"
                throughput[name] = wrk(client.url_for(texts[ONE_HOP]), duration=args.duration)
        except (RuntimeError, OSError, TimeoutError) as exc:
            results[name] = {}
            throughput[name] = f"n/a ({exc})".splitlines()[0][:160]
    (Path(__file__).parent / "results").mkdir(exist_ok=True)
    (Path(__file__).parent / "results" / "peers.json").write_text(json.dumps(
        {"latency": results, "throughput": throughput, "load": load}, indent=1, default=str))

    systems = list(results)
    ref = results["ours (uncached)"]
    rows = []
    for name in texts:
        cells = [f"`{name}`"]
        for system in systems:
            r = results[system].get(name)
            if not r:
                cells.append("n/a")
            elif r["status"] != 200:
                cells.append(f"error {r['status']}")
            else:
                cells.append(ms(r["median"]))
        for system in systems[2:]:
            r, o = results[system].get(name), ref.get(name)
            ok = r and o and r.get("median") and o.get("median")
            cells.append(f"{r['median'] / o['median']:.1f}" if ok else "n/a")
        counts = [str(results[s].get(name, {}).get("rows", "-")) for s in systems if s != "ours (served, cached)"]
        cells.append(" / ".join(counts))
        rows.append(cells)
    body = ("## Median latency per named query (ms; one keep-alive client, JSON results)\n\n"
            + table(["query"] + systems + [f"{s} ÷ ours (uncached)" for s in systems[2:]]
                    + ["rows (" + " / ".join(s for s in systems if s != "ours (served, cached)") + ")"], rows))
    trows = []
    ours_rps = throughput["ours"]["rps"] if isinstance(throughput["ours"], dict) else float("nan")
    for system, t in throughput.items():
        if isinstance(t, str):
            trows.append([system, t, "", "", "", load.get(system, "")])
        else:
            ratio = ours_rps / t["rps"] if t["rps"] else float("nan")
            trows.append([system, f"{t['rps']:,.0f}", ms(t["p50"]), ms(t["p99"]),
                          "1.00" if system == "ours" else f"{ratio:.2f}", load.get(system, "")])
    body += (f"\n\n## Throughput, `wrk -t2 -c8 -d{args.duration}s`, one-hop named query `{ONE_HOP}` (GET)\n\n"
             + table(["system", "requests/s", "p50 (ms)", "p99 (ms)", "ours ÷ system", "start"], trows))
    notes = [f"graph: `{args.graph.name}`; every system answers the same text; Virtuoso's dataset is pinned to "
             "the four named graphs with default-graph-uri/named-graph-uri (it also holds its own system graphs)",
             "ours under gunicorn (workers = cores); Virtuoso 7 with its packaged defaults and 2 threads per query; "
             "rdflib-endpoint under uvicorn (one process)"]
    for system, target in (("Virtuoso", 2.5), ("rdflib-endpoint", 4.0)):
        t = throughput.get(system)
        if isinstance(t, dict) and t["rps"]:
            ratio = ours_rps / t["rps"]
            notes.append(f"target ours >= {target} x {system} (throughput): {ratio:.2f} — {'met' if ratio >= target else 'missed'}")
        else:
            notes.append(f"target ours >= {target} x {system}: not measured ({t})")
    report("peers", "Against peers: Virtuoso and rdflib-endpoint, same data, same run", body, notes)


if __name__ == "__main__":
    main()
