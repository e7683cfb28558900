"""Where the CPU of an uncached request goes, process by process: wrk, nginx, the gunicorn workers, the rest.

``kneekg serve`` (nginx → gunicorn gthread, the per-client query limit lifted as in ``bench/uncached.py``)
on the article graph is loaded with wrk, one mix at a time — ``/healthz`` (the floor), and
``bench/uncached.py``'s one-hop and named mixes (every text new) — through the same Lua script, so the
load tool's own cost is alike. Each process's user + system time is read from ``/proc`` before and
after, and divided by the requests answered: CPU milliseconds per request for each kind of process.
On 2 cores the throughput ratio to the floor follows the ratio of these totals, so the table says
which process the gap to the issue's target (uncached ≥ 0.7 × the floor) is in. Rounds alternate
the mixes (the machine's load drifts); the medians are reported.

    .venv/bin/python bench/cpu_split.py [--duration 6] [--rounds 3]  # bench/results/cpu-split.md
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)  # bench/http.py must not shadow the standard library

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402

from bench.common import ARTICLE_GRAPH, DATA, RESULTS, report, table  # noqa: E402
from bench.serve import ours  # noqa: E402
from bench.uncached import JSON, SCRIPT, paths, texts  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")
KINDS = ("gunicorn workers", "nginx", "wrk", "other (arbiter, query processes)")


def _stat(pid: int) -> tuple[int, float, int]:
    """(parent pid, CPU seconds, threads) of a live process."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK, int(fields[17])


def _tree(root: int) -> list[int]:
    parents = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                parents[int(name)] = _stat(int(name))[0]
            except (OSError, IndexError, ValueError):
                pass
    found, todo = [root], [root]
    while todo:
        pid = todo.pop()
        children = [child for child, parent in parents.items() if parent == pid]
        found += children
        todo += children
    return found


def _kind(pid: int) -> str:
    if "nginx" in Path(f"/proc/{pid}/comm").read_text():
        return "nginx"
    return "gunicorn workers" if _stat(pid)[2] > 4 else "other (arbiter, query processes)"  # a worker has its threads


def _cpu(pids: list[int]) -> dict[str, float]:
    out: dict[str, float] = {}
    for pid in pids:
        try:
            kind = _kind(pid)
            out[kind] = out.get(kind, 0.0) + _stat(pid)[1]
        except (OSError, IndexError, ValueError):
            pass
    return out


def _load(base: str, listing: Path, duration: int, connections: int, server: list[int]) -> dict[str, float]:
    before = _cpu(server)
    proc = subprocess.Popen(["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout=30s", "-s", str(SCRIPT),
                             base, "--", str(listing), JSON], stdout=subprocess.PIPE, text=True)
    wrk_cpu = 0.0
    while proc.poll() is None:
        try:
            wrk_cpu = _stat(proc.pid)[1]
        except (OSError, IndexError, ValueError):
            pass
        time.sleep(0.05)
    out = proc.stdout.read()
    after = _cpu(server)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    if non2xx:
        raise RuntimeError(f"{non2xx.group(1)} requests were not answered 2xx")
    per = {kind: (after.get(kind, 0.0) - before.get(kind, 0.0)) * 1e3 / requests for kind in KINDS if kind != "wrk"}
    per["wrk"] = wrk_cpu * 1e3 / requests
    per["rps"] = requests / duration
    return per


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=6, help="seconds of load per mix and round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    DATA.mkdir(parents=True, exist_ok=True)
    listings = {"/healthz (the floor)": DATA / "cpu-split-healthz.txt"}
    listings["/healthz (the floor)"].write_text("\n".join(f"/healthz?n={i}" for i in range(1000)) + "\n")
    for mix in ("one-hop", "named"):
        listings[f"uncached /sparql, {mix} mix"] = DATA / f"cpu-split-{mix}.txt"
        listings[f"uncached /sparql, {mix} mix"].write_text(
            "\n".join(paths("http://host/sparql", texts(mix, ARTICLE_GRAPH))) + "\n", encoding="utf-8")
    samples: dict[str, list[dict]] = {name: [] for name in listings}
    with ours(settings={"QUERIES_PER_CLIENT": 0}) as (base, _startup, proc):
        server = _tree(proc.pid)
        for round_ in range(args.rounds):
            for name, listing in listings.items():
                samples[name].append(_load(base, listing, args.duration, args.connections, server))
                print(f"round {round_ + 1}: {name}: {samples[name][-1]}", file=sys.stderr, flush=True)
    medians = {name: {key: statistics.median(s[key] for s in runs) for key in runs[0]} for name, runs in samples.items()}
    (RESULTS / "cpu-split.json").write_text(json.dumps({"samples": samples, "medians": medians}, indent=1), encoding="utf-8")
    floor = medians["/healthz (the floor)"]
    floor_total = sum(floor[k] for k in KINDS)
    rows = []
    for name, m in medians.items():
        total = sum(m[k] for k in KINDS)
        rows.append([name, f"{m['rps']:,.0f}"] + [f"{m[k]:.3f}" for k in KINDS] + [
            f"{total:.3f}", f"{floor_total / total:.2f}", f"{m['rps'] / floor['rps']:.2f}"])
    body = ("## CPU per request (ms), by process, medians of the rounds\n\n"
            + table(["load", "requests/s"] + list(KINDS) + ["total", "floor's total ÷ this", "requests/s ÷ the floor's"],
                    rows))
    report("cpu-split", "Where an uncached request's CPU goes, process by process", body, [
        f"`kneekg serve` on the article graph (nginx → gunicorn gthread, the per-client query limit lifted), "
        f"wrk -t2 -c{args.connections} through `bench/lua/cycle.lua` for every load (each request text new), "
        f"{args.duration} s per load, {args.rounds} rounds alternating the loads",
        "CPU = user + system time from /proc, before and after each load, ÷ the requests answered (all 2xx)",
        "the query processes are under 'other': the mixes' queries are proven cheap and run in the workers' threads"])


if __name__ == "__main__":
    main()
