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
so a cartesian product, joined in memory, is never stopped: its runaways stay in flight. Serving options:
today's ``kneekg serve`` (gunicorn sync), gunicorn gthread, waitress, nginx (Debian) in front of
gunicorn, the app with the Oxigraph server as its store, and the Oxigraph server alone (ad-hoc only).

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
import http.client  # noqa: E402
import json  # noqa: E402
import socket  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from urllib.parse import urlencode, urlsplit  # noqa: E402

from bench.common import RESULTS, median, ms, percentile, report, table  # noqa: E402
from bench.http import QUESTION, bound_query_text  # noqa: E402
from bench.serve import wrk  # noqa: E402
from bench.serving import nginx_front, ours_gunicorn, ours_waitress, oxigraph_server  # noqa: E402

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
RUNAWAY_CLIENTS = [f"127.0.0.{n}" for n in (2, 3, 4, 5)]
TRICKLERS, TRICKLE_FROM, TRICKLE_EVERY = 50, "127.0.0.6", 2.0
VICTIM_FROM = "127.0.0.1"
JSON = "application/sparql-results+json"
ENTITIES = ["knee-muscle-spasm", "dehydration", "caffeine", "magnesium", "muscle-twitching", "pregnancy",
            "stretching-exercises", "diuretics", "als", "potassium"]
REQUEST_TIMEOUT = 60.0  # the attackers' requests
VICTIM_TIMEOUT = 15.0  # a victim request still unanswered after this is a failure ("timeout")
THREADS = 16
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
    parts = urlsplit(base)
    start = time.perf_counter()
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout, source_address=(source, 0))
    try:
        conn.request("GET", path, headers={"Accept": JSON if "sparql" in path or "query" in path else "*/*"})
        response = conn.getresponse()
        response.read()
        status: object = response.status
    except socket.timeout:
        status = "timeout"
    except (OSError, http.client.HTTPException) as exc:
        status = type(exc).__name__
    finally:
        conn.close()
    return status, time.perf_counter() - start


def victim(base: str, requests: dict[str, object], seconds: float, pause: float = 0.05) -> dict[str, list]:
    """One thread per class, each sending its requests one after the other for ``seconds``.

    Returns ``{class: [(status, seconds), …]}``; a request still waiting when the time is up is
    counted when it ends (at most ``VICTIM_TIMEOUT`` later).
    """
    samples: dict[str, list] = collections.defaultdict(list)
    stop_at = time.monotonic() + seconds

    def loop(name: str, path) -> None:
        while time.monotonic() < stop_at:
            samples[name].append(_get(base, path() if callable(path) else path, VICTIM_FROM, VICTIM_TIMEOUT))
            time.sleep(pause)

    threads = [threading.Thread(target=loop, args=item, daemon=True) for item in requests.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + VICTIM_TIMEOUT + 5)
    return {name: samples[name] for name in requests}


class Attack:
    """4 runaway-query clients and 50 header tricklers against ``base`` until ``stop()``."""

    def __init__(self, base: str, runaway_path: str):
        self.base, self.runaway_path = base, runaway_path
        self.running = threading.Event()
        self.runaways: list[tuple[object, float]] = []
        self.reconnects = 0
        self.threads: list[threading.Thread] = []
        self.lock = threading.Lock()

    def _runaway(self, source: str) -> None:
        n = 0
        while self.running.is_set():
            n += 1
            path = self.runaway_path + urlencode({"query": f"{RUNAWAY}\n# {source} {n}"})
            status, seconds = _get(self.base, path, source)
            with self.lock:
                self.runaways.append((status, seconds))

    def _tricklers(self) -> None:
        parts = urlsplit(self.base)
        socks: list[socket.socket | None] = [None] * TRICKLERS
        last = [0.0] * TRICKLERS
        while self.running.is_set():
            now = time.monotonic()
            for i in range(TRICKLERS):
                sock = socks[i]
                try:
                    if sock is None:
                        sock = socket.create_connection((parts.hostname, parts.port), timeout=5,
                                                        source_address=(TRICKLE_FROM, 0))
                        sock.setblocking(False)
                        sock.send(f"GET /healthz HTTP/1.1\r\nHost: {parts.hostname}\r\n".encode())
                        socks[i], last[i] = sock, now
                    elif now - last[i] >= TRICKLE_EVERY:
                        try:
                            if sock.recv(1, socket.MSG_PEEK) == b"":  # the server closed it
                                raise ConnectionResetError
                        except BlockingIOError:
                            pass
                        sock.send(f"X-Trickle-{int(now)}: x\r\n".encode())
                        last[i] = now
                except OSError:
                    if sock is not None:
                        sock.close()
                    socks[i] = None
                    with self.lock:
                        self.reconnects += 1
            time.sleep(0.05)
        for sock in socks:
            if sock is not None:
                sock.close()

    def start(self) -> None:
        self.running.set()
        self.threads = [threading.Thread(target=self._runaway, args=(s,), daemon=True) for s in RUNAWAY_CLIENTS]
        self.threads.append(threading.Thread(target=self._tricklers, daemon=True))
        for thread in self.threads:
            thread.start()

    def stop(self) -> None:
        self.running.clear()
        for thread in self.threads:
            thread.join(timeout=1)  # runaway clients still waiting are ended with the server


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
    if name == "sync":
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


def busy_cores(ports: list[int], seconds: float = 3.0) -> float:
    """CPU used by the servers on ``ports`` (and their children) over ``seconds``, in cores."""
    import psutil

    procs = [p for port in ports for p in _server_processes(port)]

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
        attack = Attack(base, runaway_path)
        attack.start()
        time.sleep(2.0)  # the runaways are running, the tricklers connected
        under = summarise(victim(base, requests, attack_seconds))
        attack.stop()
        runaways = collections.Counter(str(status) for status, _ in attack.runaways)
        durations = [s for _, s in attack.runaways]
        time.sleep(LINGER)  # past the 10 s limit: what is still running was not stopped
        lingering = busy_cores(ports)
    adhoc_base = baseline.get("ad-hoc SPARQL", {}).get("p50", 0.0)
    delays = {}
    if "ad-hoc SPARQL" in under:
        delays = {"p50": max(0.0, under["ad-hoc SPARQL"]["p50"] - adhoc_base),
                  "p99": max(0.0, under["ad-hoc SPARQL"]["p99"] - adhoc_base)}
    return {"option": OPTIONS[name], "baseline": baseline, "attack": under, "adhoc_start_delay": delays,
            "runaways": dict(runaways), "runaway_median_s": median(durations), "trickler_reconnects": attack.reconnects,
            "busy_cores_after": lingering, "throughput": throughput}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attack", type=float, default=30.0, help="seconds the victim measures under attack")
    parser.add_argument("--baseline", type=float, default=10.0, help="seconds the victim measures alone")
    parser.add_argument("--only", nargs="*", default=list(OPTIONS), choices=list(OPTIONS))
    parser.add_argument("--name", default="hostile", help="results file stem in bench/results/ (for repeated runs)")
    args = parser.parse_args()
    results = {}
    for name in args.only:
        print(f"{OPTIONS[name]} …", file=sys.stderr, flush=True)
        try:
            results[name] = measure(name, args.attack, args.baseline)
        except (RuntimeError, OSError, TimeoutError) as exc:
            results[name] = {"option": OPTIONS[name], "error": str(exc).splitlines()[0][:200]}
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
