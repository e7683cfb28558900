"""Memory under large distinct requests: PSS of ``kneekg serve`` after 1,000 distinct 1 MB queries, against the cache budget.

Issue 14 measured the query-analysis cache keeping whole query texts (60 distinct 10 MB queries:
PSS 166 MB → 1.36 GB). Every cache now has a byte budget (``webapp.config.cache_budget``: results,
responses, documents and analyses, per server process). This starts ``kneekg serve`` (nginx in
front of gunicorn, as ``bench/serve.ours`` runs it), sends distinct POST ``/sparql`` requests of
about 1 MB each (just under the 1 MiB body limit) from 4 clients — half direct POSTs whose query
ends with a 1 MB comment, half form POSTs whose query filters on a 1 MB string literal — and
measures the proportional set size (PSS, shared pages counted by share) of every process of the
server (gunicorn's master and workers, their query processes, nginx) before and after.

With ``--triples N`` the server serves the synthetic graph of N triples (``kneekg synth``, as
``bench/inprocess.py`` makes it) instead of the article's, and the result is written as ``memory-<N/1000>k``:
what a server holds at that size (the graph, question answering's indexes, every ``computed: once`` query's
rows, shared by the forked workers) as well as what the requests add.

    .venv/bin/python bench/memory.py [--requests 1000] [--size 1000000] [--triples 1000000]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)  # not bench/: bench/http.py would shadow http

import argparse  # noqa: E402
import collections  # noqa: E402
import json  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from urllib.parse import urlencode  # noqa: E402

from bench.common import RESULTS, report, synthetic_graph, table  # noqa: E402
from bench.serve import ours  # noqa: E402

ENTITIES = ["knee-muscle-spasm", "dehydration", "caffeine", "magnesium", "muscle-twitching", "pregnancy"]
CLIENTS = 4


def processes(proc) -> list:
    import psutil

    root = psutil.Process(proc.pid)
    return [root] + root.children(recursive=True)


def pss(proc) -> dict[str, int]:
    """PSS in bytes of the server's processes, by kind (app: Python processes; nginx)."""
    import psutil

    out: dict[str, int] = collections.Counter()
    for p in processes(proc):
        try:
            kind = "nginx" if p.name().startswith("nginx") else "app"
            out[kind] += p.memory_full_info().pss
        except psutil.Error:
            pass
    return dict(out)


def body(n: int, size: int) -> tuple[bytes, str]:
    """The ``n``-th distinct request body of about ``size`` bytes and its content type."""
    entity = f"https://w3id.org/kneekg/id/{ENTITIES[n % len(ENTITIES)]}"
    pad = f"{n:08d}" + "x" * size
    if n % 2 == 0:
        text = f"SELECT ?p ?o WHERE {{ <{entity}> ?p ?o }}\n# {pad}"
        return text[:size].encode(), "application/sparql-query"
    head = f'SELECT ?p ?o WHERE {{ <{entity}> ?p ?o FILTER(STR(?o) != "'
    tail = '") }'
    literal = pad[:max(0, (size - len(head) - len(tail)) // 3)]  # a form field's bytes grow when urlencoded
    return urlencode({"query": head + literal + tail}).encode(), "application/x-www-form-urlencoded"


def bound_to(source: str):
    """A requests adapter whose connections come from ``source`` (each client its own address, as the
    per-client query limit counts them)."""
    from requests.adapters import HTTPAdapter

    class Adapter(HTTPAdapter):
        def init_poolmanager(self, *args, **kwargs):
            kwargs["source_address"] = (source, 0)
            super().init_poolmanager(*args, **kwargs)

    return Adapter()


def send_all(base: str, count: int, size: int) -> collections.Counter:
    import requests

    statuses: collections.Counter = collections.Counter()
    lock = threading.Lock()
    numbers = iter(range(count))

    def client(source: str) -> None:
        with requests.Session() as session:
            session.mount("http://", bound_to(source))
            while True:
                with lock:
                    n = next(numbers, None)
                if n is None:
                    return
                data, content_type = body(n, size)
                try:
                    status = session.post(base + "/sparql", data=data, timeout=60, headers={
                        "Content-Type": content_type, "Accept": "application/sparql-results+json"}).status_code
                except requests.RequestException as exc:
                    status = type(exc).__name__
                with lock:
                    statuses[str(status)] += 1

    threads = [threading.Thread(target=client, args=(f"127.0.0.{10 + i}",)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--size", type=int, default=1_000_000, help="bytes per request body (limit: 1 MiB)")
    parser.add_argument("--triples", type=int, default=0, help="serve the synthetic graph of this many triples "
                                                                "(0: the article's)")
    args = parser.parse_args()
    graph = synthetic_graph(args.triples) if args.triples else None
    name = f"memory-{args.triples // 1000}k" if args.triples else "memory"
    what = f"the synthetic graph of {args.triples:,} triples" if args.triples else "the article graph"
    from webapp.config import DEFAULTS, cache_budget
    from webapp.server import default_workers

    workers = default_workers()
    budget = cache_budget(DEFAULTS)
    with ours(graph=graph, startup_timeout=900 if graph else 120) as (base, started, proc):
        send_all(base, 20, 1000)  # warm the code paths with small requests
        time.sleep(2)
        before = pss(proc)
        start = time.perf_counter()
        statuses = send_all(base, args.requests, args.size)
        seconds = time.perf_counter() - start
        time.sleep(3)
        after = pss(proc)
        largest = body(0, args.size)[0], body(1, args.size)[0]
    growth = after.get("app", 0) - before.get("app", 0)
    result = {"requests": args.requests, "size": args.size, "body_bytes": [len(b) for b in largest],
              "statuses": dict(statuses), "seconds": seconds, "pss_before": before, "pss_after": after,
              "app_growth": growth, "workers": workers, "budget_per_process": budget,
              "budget_all_workers": budget * workers, "graph": what, "triples": args.triples,
              "startup_seconds": started}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=1))
    mib = 1 << 20
    rows = [["app (gunicorn master, workers, query processes)", f"{before.get('app', 0) / mib:,.0f}",
             f"{after.get('app', 0) / mib:,.0f}", f"{growth / mib:+,.0f}"],
            ["nginx", f"{before.get('nginx', 0) / mib:,.1f}", f"{after.get('nginx', 0) / mib:,.1f}",
             f"{(after.get('nginx', 0) - before.get('nginx', 0)) / mib:+,.1f}"]]
    text = (f"## PSS (MiB) before and after {args.requests:,} distinct POST /sparql of about {args.size:,} bytes, "
            f"serving {what}\n\n"
            + table(["processes", "before", "after", "growth"], rows)
            + f"\n\nCache budget: {budget / mib:,.0f} MiB per server process × {workers} workers = "
              f"{budget * workers / mib:,.0f} MiB; growth {growth / mib:,.0f} MiB "
              f"({'within' if growth <= budget * workers else 'OVER'} the budget). "
              f"Answers: {', '.join(f'{k}: {v}' for k, v in sorted(statuses.items()))} in {seconds:.1f} s.")
    notes = ["bodies: even requests a direct POST (`application/sparql-query`) whose one-hop query ends with a "
             "comment filling it; odd ones a form POST whose one-hop query has a `FILTER` on a string literal "
             "filling it (about a third of the size before URL-encoding); every body distinct",
             f"{CLIENTS} clients, each from its own loopback address (127.0.0.10–{9 + CLIENTS}) on one connection; the server as `kneekg serve` runs it (nginx → gunicorn gthread, "
             f"{workers} workers), serving {what}; it answered its first request {started:.1f} s after it was started"]
    report(name, "Memory: PSS after distinct 1 MB requests, against the cache budget", text, notes)


if __name__ == "__main__":
    main()
