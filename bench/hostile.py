"""The hostile scenario of issue 14 as a benchmark: what one client costs the others, per serving option.

While 4 clients send runaway cartesian-product queries (each from its own loopback address,
127.0.0.2–5, one query at a time, again as soon as it is answered) and 50 sockets trickle header
lines (from 127.0.0.6: a request line, then one header line every 2 s, never finishing; reconnecting
when the server drops them), a victim (127.0.0.1; one thread per kind of request, each waiting for
its answer before the next; a fresh connection per request; 15 s timeout) measures:

* cached SPARQL (a named query's text on ``/sparql``, answered before from the response cache),
  a named query (``/api/queries/causes-of``), a question (``/api/ask``) and an entity page, all
  warmed first — p50/p99 and how many failed;
* its ad-hoc queries (a one-hop query whose text is new every time, so the query engine runs it):
  the start delay is their latency under attack minus their median latency without it.

The same victim runs 10 s alone first (the baseline), then 30 s under attack; before that, wrk
measures each option's throughput without attack (``/healthz`` and a cached ``/sparql`` answer).
The Oxigraph server's own time limit (``--timeout-s``) is checked only while it reads the store,
so a cartesian product, joined in memory, is never stopped by it: on a server that ``kneekg serve`` does
not run (``--endpoint``) its runaways stay in flight; with ``--oxigraph DIR`` it runs the server itself
and ends the process of the lane that holds an abandoned query (:mod:`kg.store.lanes`). Serving options:
``kneekg serve`` as it is now (nginx in front of gunicorn gthread, fair query admission; on the
embedded store, on Oxigraph lanes it runs, and on an Oxigraph server it does not run, read-only or
in memory), and the options measured before it was chosen:
gunicorn sync (``kneekg serve`` before), gunicorn gthread, waitress, nginx (Debian) in front of
gunicorn, the app with the Oxigraph server as its store, and the Oxigraph server alone (ad-hoc only).
Every option also gets a 20 MiB body (a client sending it in 64 KiB pieces) three times alone and
every 2 s under attack: how long until the status line arrives. The attackers are
``tests/support/attack.py``, shared with the short version in ``tests/integration/test_attack.py``.

    .venv/bin/python bench/hostile.py [--attack 30] [--baseline 10] [--only sync gthread …]
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder would come first on sys.path and bench/http.py would shadow the
# standard library's http package: put the project root there instead.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse  # noqa: E402
import collections  # noqa: E402
import json  # noqa: E402
import socket  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from urllib.parse import urlencode, urlsplit  # noqa: E402

from bench.common import RESULTS, ROOT, median, ms, percentile, report, table  # noqa: E402
from bench.http import QUESTION, bound_query_text  # noqa: E402
from bench.serve import ours, wrk  # noqa: E402
from bench.serving import nginx_front, ours_gunicorn, ours_waitress, oxigraph_server  # noqa: E402
from tests.support.attack import (RUNAWAY, TRICKLE_EVERY, TRICKLE_FROM, TRICKLERS, VICTIM_FROM, Attack,  # noqa: E402
                                  get)

BODY_BYTES = 20 << 20  # the oversized body whose refusal is timed
ENTITIES = ["knee-muscle-spasm", "dehydration", "caffeine", "magnesium", "muscle-twitching", "pregnancy",
            "stretching-exercises", "diuretics", "als", "potassium"]
REQUEST_TIMEOUT = 60.0  # the attackers' requests
VICTIM_TIMEOUT = 15.0  # a victim request still unanswered after this is a failure ("timeout")
THREADS = 16
SERVE_ROOT = ROOT  # the source tree `kneekg serve --oxigraph` is served from (--against: another revision's)
THROUGHPUT_SECONDS = 5
LINGER = 12.0  # seconds after the attackers leave before the servers' CPU is measured


def victim_requests(base: str, engine_only: bool = False) -> dict[str, object]:
    """The victim's request paths per class (ad-hoc is a function: a new text every call)."""
    counter = iter(range(10**9))

    def adhoc() -> str:
        n = next(counter)
        text = f"SELECT ?p ?o WHERE {{ <https://w3id.org/kneekg/id/{ENTITIES[n % len(ENTITIES)]}> ?p ?o }}\n# v{n}"
        return f"{urlsplit(base).path or ''}?{urlencode({'query': text})}"

    if engine_only:
        return {"ad-hoc SPARQL": adhoc}
    return {
        "cached SPARQL": "/sparql?" + urlencode({"query": bound_query_text("causes-of")}),
        "named query": "/api/queries/causes-of?condition=kg:knee-muscle-spasm",
        "/api/ask": "/api/ask?" + urlencode({"q": QUESTION}),
        "entity page": "/id/knee-muscle-spasm",
        "ad-hoc SPARQL": lambda: "/sparql?" + urlsplit(adhoc()).query,
    }


def _get(base: str, path: str, source: str, timeout: float = REQUEST_TIMEOUT) -> tuple[object, float]:
    """One GET on a fresh connection from ``source``; returns (status or error name, seconds)."""
    status, seconds, _ = get(base, path, source, timeout)
    return status, seconds


def victim(base: str, requests: dict[str, object], seconds: float, pause: float = 0.05) -> dict[str, list]:
    """The measuring client (:func:`tests.support.attack.measure`): ``{class: [(status, seconds), …]}``."""
    from tests.support.attack import measure

    samples = measure(base, requests, seconds, timeout=VICTIM_TIMEOUT, pause=pause)
    return {name: [(status, s) for status, s, _ in rows] for name, rows in samples.items()}


def time_to_413(base: str, size: int = BODY_BYTES, timeout: float = 30.0) -> tuple[object, float]:
    """POST a ``size``-byte body to /sparql as a client would (headers, then the body in 64 KiB pieces) and
    time how long until the status line arrives; returns (status or error name, seconds)."""
    parts = urlsplit(base)
    start = time.perf_counter()
    try:
        sock = socket.create_connection((parts.hostname, parts.port), timeout=timeout, source_address=(VICTIM_FROM, 0))
    except OSError as exc:
        return type(exc).__name__, time.perf_counter() - start
    done = threading.Event()

    def send() -> None:
        try:
            sock.sendall(f"POST /sparql HTTP/1.1\r\nHost: {parts.netloc}\r\nContent-Type: application/sparql-query\r\n"
                         f"Content-Length: {size}\r\nConnection: close\r\n\r\n".encode())
            chunk, sent = b"#" * 65536, 0
            while sent < size and not done.is_set():
                sock.sendall(chunk[:size - sent])
                sent += len(chunk)
        except OSError:
            pass  # the server answered and closed: what is expected

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    status: object = "no answer"
    try:
        line = sock.makefile("rb").readline(200)
        status = int(line.split()[1]) if line.startswith(b"HTTP/") else "garbled"
    except (OSError, ValueError, IndexError) as exc:
        status = type(exc).__name__
    seconds = time.perf_counter() - start
    done.set()
    sock.close()
    sender.join(timeout=5)
    return status, seconds


def summarise(samples: dict[str, list]) -> dict[str, dict]:
    out = {}
    for name, rows in samples.items():
        ok = [s for status, s in rows if isinstance(status, int) and status < 500]
        failed = collections.Counter(str(status) for status, _ in rows if not (isinstance(status, int) and status < 500))
        everything = [s for _, s in rows]
        out[name] = {"n": len(rows), "p50": median(everything), "p99": percentile(everything, 99),
                     "max": max(everything) if everything else float("nan"), "ok_p99": percentile(ok, 99),
                     "failed": dict(failed)}
    return out


# --- the serving options --------------------------------------------------------------------------

def _port(url: str) -> int:
    return urlsplit(url).port


@contextmanager
def option(name: str):
    """Start serving option ``name``; yields (base URL, runaway path prefix, victim requests, ports to watch)."""
    if name == "serve":
        with ours() as (base, _, proc):
            yield base, "/sparql?", victim_requests(base), [proc]
    elif name == "serve+oxigraph":
        with tempfile.TemporaryDirectory(prefix="kneekg-lanes-") as folder, \
                ours(settings={"OXIGRAPH_STORE": str(Path(folder) / "db")}, root=SERVE_ROOT) as (base, _, proc):
            yield base, "/sparql?", victim_requests(base), [proc]  # the lanes are kneekg serve's own processes
    elif name == "serve+oxigraph-endpoint":
        with oxigraph_server(timeout=10) as (query_url, _), ours(endpoint=query_url) as (base, _, proc):
            yield base, "/sparql?", victim_requests(base), [proc, _port(query_url)]
    elif name == "serve+oxigraph-memory":
        with oxigraph_server(timeout=10, memory=True) as (query_url, _), ours(endpoint=query_url) as (base, _, proc):
            yield base, "/sparql?", victim_requests(base), [proc, _port(query_url)]
    elif name == "sync":
        with ours_gunicorn("sync") as base:
            yield base, "/sparql?", victim_requests(base), [_port(base)]
    elif name == "gthread":
        with ours_gunicorn("gthread", threads=THREADS) as base:
            yield base, "/sparql?", victim_requests(base), [_port(base)]
    elif name == "waitress":
        with ours_waitress(THREADS) as base:
            yield base, "/sparql?", victim_requests(base), [_port(base)]
    elif name == "nginx+sync":
        with ours_gunicorn("sync") as upstream, nginx_front(upstream) as base:
            yield base, "/sparql?", victim_requests(base), [_port(upstream)]
    elif name in ("nginx+gthread", "nginx+gthread+nice"):
        with ours_gunicorn("gthread", threads=THREADS) as upstream, nginx_front(upstream) as base:
            renicer = Renicer(_port(upstream)) if name.endswith("+nice") else None
            try:
                yield base, "/sparql?", victim_requests(base), [_port(upstream)]
            finally:
                if renicer:
                    renicer.stop()
    elif name == "gthread+oxigraph":
        with oxigraph_server(timeout=10, memory=True) as (query_url, _), \
                ours_gunicorn("gthread", threads=THREADS, endpoint=query_url) as base:
            yield base, "/sparql?", victim_requests(base), [_port(base), _port(query_url)]
    elif name == "oxigraph":
        with oxigraph_server(timeout=10, memory=True) as (query_url, _):
            yield query_url, urlsplit(query_url).path + "?", victim_requests(query_url, engine_only=True), \
                [_port(query_url)]
    else:
        raise ValueError(name)


def _master(port: int):
    """The top process listening on ``port`` (gunicorn's master, not its workers, which share the socket)."""
    import psutil

    listening = {c.pid for c in psutil.net_connections("tcp")
                 if c.pid and c.laddr and c.laddr.port == port and c.status == psutil.CONN_LISTEN}
    for pid in listening:
        try:
            proc = psutil.Process(pid)
            if proc.ppid() not in listening:
                return proc
        except psutil.Error:
            pass
    return None


def _server_processes(port: int) -> list:
    """The process listening on ``port`` and every process under it."""
    import psutil

    master = _master(port)
    if master is None:
        return []
    try:
        return [master] + master.children(recursive=True)
    except psutil.Error:
        return [master]


def _tree(root) -> list:
    """A started process (``kneekg serve``) and every process under it (nginx, gunicorn, query processes)."""
    import psutil

    try:
        root = psutil.Process(root.pid)
        return [root] + root.children(recursive=True)
    except psutil.Error:
        return []


def busy_cores(ports: list, seconds: float = 3.0) -> float:
    """CPU used by the servers on ``ports`` (and their children) over ``seconds``, in cores; an entry
    that is a started process (not a port) counts that process and every process under it."""
    import psutil

    procs = [p for port in ports for p in (_server_processes(port) if isinstance(port, int) else _tree(port))]

    def total() -> float:
        used = 0.0
        for p in procs:
            try:
                times = p.cpu_times()
                used += times.user + times.system
            except psutil.Error:
                pass
        return used

    before = total()
    time.sleep(seconds)
    return (total() - before) / seconds


class Renicer:
    """Emulates query processes at a lower priority (nice 10): renices the gunicorn workers' children.

    A sketch of what issue 14's second phase could do in the engine (``os.nice`` in the forked
    query process); here a thread renices them from outside every 0.2 s, replacements included.
    """

    def __init__(self, port: int):
        self.port, self.running = port, threading.Event()
        self.running.set()
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        import psutil

        while self.running.is_set():
            master = _master(self.port)
            try:
                for worker in master.children() if master else []:
                    for query_process in worker.children():
                        if query_process.nice() < 10:
                            query_process.nice(10)
            except psutil.Error:
                pass
            time.sleep(0.2)

    def stop(self) -> None:
        self.running.clear()
        self.thread.join(timeout=2)


OPTIONS = {
    "serve": "`kneekg serve` now: nginx → gunicorn gthread, 2 × 16 threads, fair query admission",
    "serve+oxigraph": "`kneekg serve --oxigraph` now: the Oxigraph server as the store, run by it (read-only lanes; "
                      "the ad-hoc one handed over to the spare when a query on it nears its time limit or a thread "
                      "of it runs 0.1 s on end (demoted to nice 19, its lane quarantined), killed once nothing in "
                      "time is left on it; 10 s timeout)",
    "serve+oxigraph-endpoint": "`kneekg serve --endpoint` on an Oxigraph server it does not run (serve-read-only, "
                               "10 s timeout): a runaway cannot be stopped",
    "serve+oxigraph-memory": "`kneekg serve --endpoint` on an Oxigraph server it does not run (in memory, 10 s timeout)",
    "sync": "gunicorn sync, 2 workers (today's `kneekg serve`)",
    "gthread": f"gunicorn gthread, 2 workers × {THREADS} threads",
    "waitress": f"waitress, 1 process × {THREADS} threads",
    "nginx+sync": "nginx → gunicorn sync, 2 workers",
    "nginx+gthread": f"nginx → gunicorn gthread, 2 × {THREADS} threads",
    "nginx+gthread+nice": f"nginx → gunicorn gthread, 2 × {THREADS} threads, query processes at nice 10 (emulated)",
    "gthread+oxigraph": f"gunicorn gthread 2 × {THREADS} → Oxigraph server (in memory, 10 s timeout) as the store",
    "oxigraph": "Oxigraph server alone (in memory, 10 s timeout): ad-hoc queries only",
}


def measure(name: str, attack_seconds: float, baseline_seconds: float) -> dict:
    with option(name) as (base, runaway_path, requests, ports):
        for path in requests.values():  # warm: every cached class is in the response cache now
            _get(base, path() if callable(path) else path, VICTIM_FROM)
        throughput = {}
        if "cached SPARQL" in requests:  # what the option costs when nobody attacks: the floor and a cached answer
            origin = f"{urlsplit(base).scheme}://{urlsplit(base).netloc}"
            for label, path in (("/healthz", "/healthz"), ("cached SPARQL", requests["cached SPARQL"])):
                throughput[label] = wrk(origin + path, duration=THROUGHPUT_SECONDS)
        baseline = summarise(victim(base, requests, baseline_seconds))
        alone_413 = [time_to_413(base) for _ in range(3)] if "cached SPARQL" in requests else []
        attack = Attack(base, runaway_path, request_timeout=REQUEST_TIMEOUT)
        attack.start()
        time.sleep(2.0)  # the runaways are running, the tricklers connected
        attacked_413: list = []
        if "cached SPARQL" in requests:  # an oversized body every 2 s from the victim, beside its other requests
            def oversized() -> None:
                stop_at = time.monotonic() + attack_seconds
                while time.monotonic() < stop_at:
                    attacked_413.append(time_to_413(base))
                    time.sleep(2.0)
            sender = threading.Thread(target=oversized, daemon=True)
            sender.start()
        under = summarise(victim(base, requests, attack_seconds))
        if "cached SPARQL" in requests:
            sender.join(timeout=60)
        attack.stop()
        runaways = collections.Counter(str(status) for status, _, _ in attack.runaways)
        durations = [s for _, s, _ in attack.runaways]
        time.sleep(LINGER)  # past the 10 s limit: what is still running was not stopped
        lingering = busy_cores(ports)
    adhoc_base = baseline.get("ad-hoc SPARQL", {}).get("p50", 0.0)
    delays = {}
    if "ad-hoc SPARQL" in under:
        delays = {"p50": max(0.0, under["ad-hoc SPARQL"]["p50"] - adhoc_base),
                  "p99": max(0.0, under["ad-hoc SPARQL"]["p99"] - adhoc_base)}
    return {"option": OPTIONS[name], "baseline": baseline, "attack": under, "adhoc_start_delay": delays,
            "runaways": dict(runaways), "runaway_median_s": median(durations), "trickler_reconnects": attack.reconnects,
            "busy_cores_after": lingering, "throughput": throughput,
            "body_413": {"alone": alone_413, "attacked": attacked_413}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attack", type=float, default=30.0, help="seconds the victim measures under attack")
    parser.add_argument("--baseline", type=float, default=10.0, help="seconds the victim measures alone")
    parser.add_argument("--only", nargs="*", default=list(OPTIONS), choices=list(OPTIONS))
    parser.add_argument("--name", default="hostile", help="results file stem in bench/results/ (for repeated runs)")
    parser.add_argument("--against", metavar="REV", help="serve the serve+oxigraph option from this git revision "
                        "(exported with git archive; this checkout is not touched), to compare before and after")
    args = parser.parse_args()
    if args.against:
        import subprocess

        global SERVE_ROOT
        SERVE_ROOT = Path(tempfile.mkdtemp(prefix="hostile-against-"))
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.against], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(SERVE_ROOT)], input=archive, check=True)
        for name in args.only:  # that revision's design, whatever this tree's note says of its own
            OPTIONS[name] = f"`kneekg serve --oxigraph` at {args.against} (exported; its own lanes and supervisor)"
    results = {}
    for name in args.only:
        print(f"{OPTIONS[name]} …", file=sys.stderr, flush=True)
        try:
            results[name] = measure(name, args.attack, args.baseline)
        except (RuntimeError, OSError, TimeoutError) as exc:
            results[name] = {"option": OPTIONS[name], "error": str(exc).splitlines()[0][:200]}
    if args.against:
        import shutil

        shutil.rmtree(SERVE_ROOT, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{args.name}.json").write_text(json.dumps(results, indent=1, default=str))

    rows = []
    for name, r in results.items():
        if "error" in r:
            rows.append([r["option"], f"n/a ({r['error']})"] + [""] * 6)
            continue
        for cls, under in r["attack"].items():
            base = r["baseline"].get(cls, {})
            failed = ", ".join(f"{k}: {v}" for k, v in sorted(under["failed"].items())) or "0"
            rows.append([r["option"] if cls == next(iter(r["attack"])) else "", cls,
                         f"{ms(base.get('p50', float('nan')))} / {ms(base.get('p99', float('nan')))}",
                         f"{ms(under['p50'])} / {ms(under['p99'])}", ms(under["max"]), under["n"], failed,
                         (f"{ms(r['adhoc_start_delay']['p50'])} / {ms(r['adhoc_start_delay']['p99'])}"
                          if cls == "ad-hoc SPARQL" else "")])
    body = (f"## Victim latency alone and under attack (4 runaway clients + {TRICKLERS} header tricklers), ms\n\n"
            + table(["serving option", "victim request", "alone p50 / p99", "attacked p50 / p99", "attacked max",
                     "requests", "failed (5xx, timeouts, errors)", "ad-hoc start delay p50 / p99"], rows))
    attack_rows = [[r["option"], ", ".join(f"{k}: {v}" for k, v in sorted(r["runaways"].items())) or "none returned",
                    f"{r['runaway_median_s']:.1f}", r["trickler_reconnects"], f"{r['busy_cores_after']:.2f}"]
                   for r in results.values() if "error" not in r]
    body += ("\n\n## The attackers' side\n\n"
             + table(["serving option", "runaway answers (status: count)", "runaway median (s)",
                      "trickling sockets dropped by the server",
                      f"server CPU {LINGER:.0f} s after the attackers left (cores)"], attack_rows))
    body_rows = []
    for r in results.values():
        timings = r.get("body_413") or {}
        if not timings.get("alone") and not timings.get("attacked"):
            continue
        cells = [r["option"]]
        for key in ("alone", "attacked"):
            rows_ = timings.get(key) or []
            statuses = collections.Counter(str(status) for status, _ in rows_)
            seconds = [s for _, s in rows_]
            cells.append(f"{', '.join(f'{k}: {v}' for k, v in sorted(statuses.items()))}; median {ms(median(seconds))} ms, "
                         f"max {ms(max(seconds))} ms" if seconds else "—")
        body_rows.append(cells)
    if body_rows:
        body += (f"\n\n## A {BODY_BYTES >> 20} MiB POST /sparql: time from connecting to the status line\n\n"
                 + table(["serving option", "alone (status: count; time)", "under attack (status: count; time)"],
                         body_rows))
    speed_rows = [[r["option"]] + [f"{r['throughput'][k]['rps']:,.0f} (p99 {ms(r['throughput'][k]['p99'])} ms)"
                                   for k in ("/healthz", "cached SPARQL")]
                  for r in results.values() if r.get("throughput")]
    if speed_rows:
        body += (f"\n\n## Without attack: throughput, `wrk -t2 -c8 -d{THROUGHPUT_SECONDS}s` (requests/s)\n\n"
                 + table(["serving option", "/healthz", "cached SPARQL (named query text on /sparql)"], speed_rows))
    notes = [f"victim: 127.0.0.1, one thread per request class, a fresh connection per request, "
             f"{VICTIM_TIMEOUT:.0f} s timeout (then counted as failed); runaway: `" + RUNAWAY + "` with a unique comment, 4 clients from 127.0.0.2–5; "
             f"tricklers: {TRICKLERS} sockets from {TRICKLE_FROM}, one header line every {TRICKLE_EVERY:.0f} s",
             "issue 14 targets under attack: cached SPARQL, named query, /api/ask and entity page p99 < 100 ms; "
             "ad-hoc queries start within 100 ms; 0 5xx",
             "the query time limit is 10 s everywhere (our engine's QUERY_TIMEOUT, the Oxigraph server's --timeout-s)"]
    report(args.name, "Hostile load: what one client costs the others, per serving option", body, notes)


if __name__ == "__main__":
    main()
