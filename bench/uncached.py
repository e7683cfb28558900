"""Uncached throughput with varied requests: ours, the Oxigraph server, Virtuoso and rdflib-endpoint; same data, one run.

No answer here can come from a cache: wrk walks a shuffled list of query texts with a Lua script
(``bench/lua/cycle.lua``) and ends every request with its own SPARQL comment, so no request text
repeats (our response and result caches, and any plan cache of a peer, miss every time). Two mixes:

* **named** — every named query with one entity parameter × every entity of the graph (20 × 140
  texts), the parameter bound by a VALUES block (the text the query editor shows);
* **one-hop** — ``SELECT ?p ?o WHERE { <entity> ?p ?o }`` for every entity (the issue's measurement).

Ours is measured twice: as ``kneekg serve`` runs it (queries proven cheap, as both mixes' are, evaluated
in the serving thread: ``kg/sparql/cheap.py``), and with ``QUERY_INLINE`` off (every query through a
forked query process, as before), so the fast path's gain is measured in the same run.

Every system answers the same texts as SPARQL JSON over HTTP on 127.0.0.1, one system at a time:
ours under gunicorn exactly as ``kneekg serve`` runs it (its ``/healthz`` under the same load tool
is the framework's floor), the Oxigraph server (``serve-read-only --union-default-graph`` over RocksDB, and ``serve`` in memory),
Virtuoso 7 (dataset pinned to the four graphs) and rdflib-endpoint under uvicorn. Requests/s and
p50/p99 are given as ratios to ours and to our floor.

Our ``/healthz`` floor is measured before and after our mixes and averaged (the machine's load drifts).
``--against REV`` (e.g. ``main``) also serves the app of that git revision (exported with ``git archive``)
on the same graph, right after ours, with its own floor: before and after a change in one run.

    .venv/bin/python bench/uncached.py [--duration 10] [--connections 8] [--against REV]
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder would come first on sys.path and bench/http.py would shadow the
# standard library's http package: put the project root there instead.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import urllib.error  # noqa: E402
import urllib.request  # noqa: E402
from urllib.parse import urlencode, urlsplit  # noqa: E402

from bench.common import ARTICLE_GRAPH, DATA, RESULTS, ROOT, ms, report, table  # noqa: E402
from bench.peers_servers import rdflib_endpoint, virtuoso  # noqa: E402
from bench.serve import ours, wrk  # noqa: E402
from bench.serving import oxigraph_server  # noqa: E402

SCRIPT = Path(__file__).resolve().parent / "lua" / "cycle.lua"
JSON = "application/sparql-results+json"
GRAPHS = [f"https://w3id.org/kneekg/graph/{g}" for g in ("ontology", "facts", "inferred", "provenance")]
KG = "https://w3id.org/kneekg/id/"
POOLED, POOLED_KEY = "ours, every query in a query process (QUERY_INLINE off)", "ours-pooled"
EVALUATED, EVALUATED_KEY = "ours, named queries evaluated (TABLED_ANSWERS off)", "ours-evaluated"


def entities(graph: Path) -> list[str]:
    """Every entity of the graph (subject of a fact in the facts graph), sorted."""
    from kg.store.embedded import EmbeddedStore

    store = EmbeddedStore.from_file(graph)
    rows = store.query("SELECT DISTINCT ?e WHERE { GRAPH <https://w3id.org/kneekg/graph/facts> { ?e ?p ?o } "
                       f"FILTER(STRSTARTS(STR(?e), \"{KG}\")) }}")
    return sorted(row["e"].value for row in rows)


def texts(mix: str, graph: Path) -> list[str]:
    """The query texts of a mix (shuffled with a fixed seed, so every system gets the same order)."""
    from kg.sparql.registry import registry

    out = []
    for entity in entities(graph):
        if mix == "one-hop":
            out.append(f"SELECT ?p ?o WHERE {{ <{entity}> ?p ?o }}")
            continue
        for query in registry():
            if len(query.params) == 1 and query.params[0].type == "iri" and query.params[0].example.startswith("kg:"):
                out.append(query.with_values({query.params[0].name: f"<{entity}>"}))
    random.Random(0).shuffle(out)
    return out


def paths(url: str, queries: list[str], dataset: bool = False) -> list[str]:
    """Request paths (with query strings; ``query`` last, so the Lua script can extend it) for ``url``."""
    path = urlsplit(url).path or "/"
    extra = [("default-graph-uri", g) for g in GRAPHS] + [("named-graph-uri", g) for g in GRAPHS] if dataset else []
    return [f"{path}?{urlencode(extra + [('query', q)])}" for q in queries]


def check(url: str, path: str) -> str:
    """One request of the mix (as the script sends it): 'ok', or what went wrong."""
    parts = urlsplit(url)
    request = urllib.request.Request(f"{parts.scheme}://{parts.netloc}{path}%0A%23check", headers={"Accept": JSON})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            json.loads(response.read())
            return "ok"
    except urllib.error.HTTPError as exc:
        return f"HTTP {exc.code}"
    except (OSError, ValueError) as exc:
        return f"{type(exc).__name__}"


def load(url: str, mix_paths: list[str], name: str, duration: int, connections: int) -> dict:
    """wrk over the mix against the system at ``url``."""
    DATA.mkdir(parents=True, exist_ok=True)
    listing = DATA / f"uncached-{name}.txt"
    listing.write_text("\n".join(mix_paths) + "\n", encoding="utf-8")
    parts = urlsplit(url)
    failed = [p for p in mix_paths[:5] if check(url, p) != "ok"]
    result = wrk(f"{parts.scheme}://{parts.netloc}", connections=connections, duration=duration, script=SCRIPT,
                 script_args=(str(listing), JSON), timeout=30)
    result["sample_failures"] = len(failed)
    # Only answers count: a server that fails fast (the Oxigraph server's "500 Resource temporarily
    # unavailable" under load) must not look faster for it.
    answered = result["requests"] - result["non2xx"]
    result["ok_rps"] = result["rps"] * answered / result["requests"] if result["requests"] else float("nan")
    return result


def export(rev: str, into: Path) -> Path:
    """The source tree of git revision ``rev`` in ``into`` (``git archive``: this checkout is not touched)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per system and mix")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--graph", type=Path, default=ARTICLE_GRAPH)
    parser.add_argument("--skip", nargs="*", default=[], help="systems to leave out (ours-pooled ours-evaluated oxigraph oxigraph-memory virtuoso rdflib)")
    parser.add_argument("--against", metavar="REV", help="also serve the app at this git revision, right after ours")
    args = parser.parse_args()
    mixes = {mix: texts(mix, args.graph) for mix in ("named", "one-hop")}
    results: dict[str, dict] = {}

    def run(system: str, url: str, dataset: bool = False) -> None:
        for mix, queries in mixes.items():
            print(f"  {system}: {mix} ({len(queries):,} texts) …", file=sys.stderr, flush=True)
            results.setdefault(system, {})[mix] = load(url, paths(url, queries, dataset), f"{system}-{mix}",
                                                       args.duration, args.connections)

    print("ours (as kneekg serve runs it: nginx → gunicorn gthread) …", file=sys.stderr, flush=True)
    # wrk's connections all come from 127.0.0.1, one client to our per-client query limit (2 at once, then
    # 429): lifted here, so the server's capacity is measured, not the limit (the peers have none).
    floors: dict[str, dict] = {}

    def ours_and_floor(system: str, root: Path) -> None:
        with ours(graph=args.graph, settings={"QUERIES_PER_CLIENT": 0}, root=root) as (base, _seconds, _proc):
            before = wrk(base + "/healthz", connections=args.connections, duration=args.duration)
            run(system, base + "/sparql")
            after = wrk(base + "/healthz", connections=args.connections, duration=args.duration)
        floors[system] = {**before, "rps": (before["rps"] + after["rps"]) / 2, "before": before["rps"],
                          "after": after["rps"]}

    ours_and_floor("ours", ROOT)
    floor = floors["ours"]
    if args.against:
        print(f"ours at {args.against} …", file=sys.stderr, flush=True)
        with tempfile.TemporaryDirectory(prefix="uncached-") as tmp:
            ours_and_floor(f"ours at {args.against}", export(args.against, Path(tmp)))
    if POOLED_KEY not in args.skip:
        # The same server with every query sent to a query process (as before queries proven cheap ran in the
        # serving thread, kg/sparql/cheap.py): what the fast path gains, measured in the same run.
        print(f"{POOLED} …", file=sys.stderr, flush=True)
        with ours(graph=args.graph, settings={"QUERIES_PER_CLIENT": 0, "QUERY_INLINE": False}) as (base, _s, _p):
            run(POOLED, base + "/sparql")
    # The ceiling runs without ``--timeout-s``: with it, Oxigraph 0.5's CLI starts one thread per query that
    # sleeps for the whole timeout before cancelling (``evaluate_sparql_query`` in cli/src/main.rs), so at
    # thousands of requests/s tens of thousands of sleeping threads pile up, thread creation fails with
    # EAGAIN (vm.max_map_count) and the server answers ``500 Resource temporarily unavailable (os error 11)``
    # or drops the connection when it cannot start a connection thread (wrk's write errors). Measured here
    # at 30 s: 16,363 threads, 60,066 of 76,413 answers 500; without: 10 threads, 0 non-2xx.
    if EVALUATED_KEY not in args.skip:
        # Every named query of the named mix says `computed: once`: ours answers it from the rows kept for its
        # value (kg/store/once.py), where the peers evaluate it. The same server evaluating them: like with like.
        print(f"{EVALUATED} …", file=sys.stderr, flush=True)
        with ours(graph=args.graph, settings={"QUERIES_PER_CLIENT": 0, "TABLED_ANSWERS": False}) as (base, _s, _p):
            run(EVALUATED, base + "/sparql")
    peers = [("Oxigraph server (RocksDB, read-only)", "oxigraph", lambda: oxigraph_server(args.graph, timeout=None), False),
             ("Oxigraph server (in memory)", "oxigraph-memory",
              lambda: oxigraph_server(args.graph, timeout=None, memory=True), False),
             ("Virtuoso", "virtuoso", lambda: virtuoso(args.graph), True),
             ("rdflib-endpoint", "rdflib", lambda: rdflib_endpoint(args.graph), False)]
    for name, key, launcher, dataset in peers:
        if key in args.skip:
            continue
        print(f"{name} …", file=sys.stderr, flush=True)
        try:
            with launcher() as (url, _seconds):
                run(name, url, dataset)
        except (RuntimeError, OSError, TimeoutError) as exc:
            results[name] = {"error": str(exc).splitlines()[0][:200]}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "uncached.json").write_text(json.dumps({"floor": floor, "floors": floors, "results": results,
                                                       "texts": {m: len(q) for m, q in mixes.items()}}, indent=1))

    rows = []
    for mix in mixes:
        ours_rps = results["ours"][mix]["ok_rps"]
        for system, by_mix in results.items():
            if "error" in by_mix:
                rows.append([mix, system, f"n/a ({by_mix['error']})", "", "", "", "", ""])
                continue
            r = by_mix[mix]
            failed = f"{r['non2xx']:,} of {r['requests']:,} non-2xx" if r["non2xx"] else "0"
            if r["socket_errors"]:
                failed += f"; {r['socket_detail'].lower()}"
            own = floors.get(system, floor)  # ours at another revision: over its own floor
            rows.append([mix, system, f"{r['ok_rps']:,.0f}", ms(r["p50"]), ms(r["p99"]),
                         "1.00" if system == "ours" else f"{r['ok_rps'] / ours_rps:.2f}",
                         f"{r['ok_rps'] / own['rps']:.2f}", failed])
    body = (f"## Uncached throughput, `wrk -t2 -c{args.connections} -d{args.duration}s`, every request text unique\n\n"
            + table(["mix", "system", "answered requests/s (2xx)", "p50 (ms)", "p99 (ms)", "÷ ours",
                     "÷ our /healthz floor", "failed"], rows))
    for system, measured in floors.items():
        body += (f"\n\n{'Our' if system == 'ours' else 'The ' + system + ' server' + chr(39) + 's'} `/healthz` floor: "
                 f"{measured['rps']:,.0f} requests/s, the mean of {measured['before']:,.0f} before its mixes and "
                 f"{measured['after']:,.0f} after (p50 {ms(measured['p50'])} ms, p99 {ms(measured['p99'])} ms, before).")
    named = results["ours"]["named"]["ok_rps"] / floor["rps"]
    notes = [f"texts: named {len(mixes['named']):,} (every one-entity-parameter named query × every entity, VALUES-bound), "
             f"one-hop {len(mixes['one-hop']):,}; each request also ends with its own comment, so none repeats",
             "ours: `kneekg serve` as it is now (nginx in front of gunicorn gthread, workers = cores × 16 threads; queries "
             "proven cheap — a named query with its values bound, a small bound pattern — evaluated in the serving thread, "
             "every other ad-hoc query in the engine's forked query processes; the /healthz floor through the same nginx; "
             "'every query in a query process' is the same server with QUERY_INLINE off; the per-client query limit lifted, as wrk's "
             "connections are all one client address); Oxigraph server: union default graph, no `--timeout-s` (see below), either `serve-read-only` over RocksDB "
             "(loaded by `oxigraph load`) or `serve` in memory (loaded through its Graph Store endpoint); Virtuoso 7: dataset pinned with "
             "default-graph-uri/named-graph-uri; rdflib-endpoint: one uvicorn process",
             "the Oxigraph server is the ceiling: the same engine (pyoxigraph's) behind a Rust HTTP server, no "
             "Python, no guard, no killable query processes",
             f"issue 14 target, uncached /sparql >= 0.7 x our /healthz floor: named mix {named:.2f}, one-hop mix "
             f"{results['ours']['one-hop']['ok_rps'] / floor['rps']:.2f}",
             "the Oxigraph server runs without `--timeout-s`: with it, Oxigraph 0.5's CLI starts a thread per query that "
             "sleeps for the whole timeout, so under this load tens of thousands of sleeping threads pile up, thread "
             "creation fails (EAGAIN at vm.max_map_count) and it answers `500 Resource temporarily unavailable (os error 11)` "
             "or drops connections (the earlier run's non-2xx and wrk write errors; 30 s timeout, in memory, one-hop: "
             "16,363 threads, 60,066 of 76,413 answers 500; without the option: 10 threads, 0 non-2xx). No query of "
             "these mixes comes near a timeout, and ours evaluates them in the serving thread without a timer either",
             "every named query of the named mix is `computed: once`: ours (first row) answers it from the rows kept "
             "for its value at load (kg/store/once.py), the peers evaluate it; 'named queries evaluated' is the same "
             "server evaluating them (TABLED_ANSWERS off), the like-with-like figure against the peers. The one-hop "
             "mix is evaluated by every system (with TABLED_ANSWERS off ours takes the same path there: that row "
             "shows the run's noise)",
             "every system gets the same wrk settings (2 threads, the same connections and duration, keep-alive, "
             "30 s request timeout, the same Accept header and texts in the same order); only 2xx answers count as "
             "throughput"]
    if "ok_rps" in results.get("Virtuoso", {}).get("one-hop", {}):
        notes.append("issue 14 target, ours >= 2 x Virtuoso uncached: named "
                     f"{results['ours']['named']['ok_rps'] / results['Virtuoso']['named']['ok_rps']:.2f}, one-hop "
                     f"{results['ours']['one-hop']['ok_rps'] / results['Virtuoso']['one-hop']['ok_rps']:.2f}")
    report("uncached", "Uncached throughput: ours, the Oxigraph server, Virtuoso, rdflib-endpoint", body, notes)


if __name__ == "__main__":
    main()
