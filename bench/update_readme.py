"""Refresh the README's performance table from bench/results/*.json (between the bench markers).

    .venv/bin/python bench/update_readme.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)  # not bench/: bench/http.py would shadow http

import datetime as dt  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402

from bench.common import RESULTS, ROOT, machine, ms, table  # noqa: E402

README = ROOT / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def _former(label: str) -> str:
    return "(before)" if "before" in label else "(comparison)"


def _load(name: str):
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "**missed**")


def rows() -> list[list[str]]:
    out: list[list[str]] = []
    inproc = _load("inprocess")
    if inproc:
        art = inproc[0]
        qs = art["queries"]
        slowest = max(qs.items(), key=lambda kv: kv[1]["median"])
        under = sum(1 for q in qs.values() if q["median"] < 0.0005)
        out.append(["named queries in process, article graph, median", "< 0.5 ms",
                    f"{under} of {len(qs)} under; slowest `{slowest[0]}` {ms(slowest[1]['median'])} ms",
                    _verdict(under == len(qs))])
        for r in inproc:  # issue 12: ask < 5 ms on the article graph, < 50 ms at a million triples (first runs)
            a = r.get("ask") or {}
            target = 0.005 if r is art else (0.05 if r["triples"] >= 1_000_000 else None)
            if "median" in a:
                warm = f"; repeated {ms(a['warm_median'])} ms" if "warm_median" in a else ""
                out.append([f"{r['label']}: `ask`, gold questions, first run median / p95",
                            f"< {ms(target)} ms" if target else "—",
                            f"{ms(a['median'])} / {ms(a['p95'])} ms ({a['questions']} questions{warm})",
                            _verdict(a["median"] < target) if target else ""])
        for r in inproc[1:]:
            point = {n: q for n, q in r["queries"].items() if q["kind"] == "point/join"}
            scans = {n: q for n, q in r["queries"].items() if q["kind"] == "scan"}
            p_slow = max(point.items(), key=lambda kv: kv[1]["median"])
            s_slow = max(scans.items(), key=lambda kv: kv[1]["median"])
            p_ok = sum(1 for q in point.values() if q["median"] < 0.001)
            out.append([f"{r['label']}: point and join queries, median", "< 1 ms",
                        f"{p_ok} of {len(point)} under; slowest `{p_slow[0]}` {ms(p_slow[1]['median'])} ms",
                        _verdict(p_ok == len(point))])
            out.append([f"{r['label']}: full scans, median", "< 0.5 s",
                        f"slowest `{s_slow[0]}` {ms(s_slow[1]['median'])} ms", _verdict(s_slow[1]["median"] < 0.5)])
            out.append([f"{r['label']}: load / peak memory", "< 10 s / < 1 GB",
                        f"{r['load_s']:.1f} s / {r['rss_peak_kb'] / 1024:,.0f} MB",
                        _verdict(r["load_s"] < 10 and r["rss_peak_kb"] < 1024 * 1024)])
    http = _load("http")
    if http:
        cores = str(http["cores"])
        main_rows = http["results"][cores]
        floor = next((r for r in main_rows if r["label"].startswith("/healthz")), None)
        for prefix, target in (("/sparql", 0.85), ("/api/ask", 0.8), ("/api/queries", None), ("entity page", None)):
            r = next((x for x in main_rows if x["label"].startswith(prefix)), None)
            if r is None:
                continue
            if "missing" in r or not floor or "rps" not in floor:
                out.append([f"{r['label']} throughput ÷ /healthz", f">= {target}" if target else "—",
                            r.get("missing", "n/a"), _verdict(None) if target else ""])
                continue
            ratio = r["rps"] / floor["rps"]
            out.append([f"{r['label']} throughput ÷ /healthz ({floor['rps']:,.0f} req/s)",
                        f">= {target}" if target else "—",
                        f"{ratio:.2f} ({r['rps']:,.0f} req/s, p99 {ms(r['p99'])} ms)",
                        _verdict(ratio >= target) if target else ""])
        start = http["startup"].get(f"{cores}-app")
        if start is not None and not _load("startup"):  # bench/startup.py's figures, when there are any, below
            out.append(["start-up on the article graph (load + warm every named query)", "< 1 s",
                        f"{start:.2f} s (process start to first answer {http['startup'][cores]:.2f} s)",
                        _verdict(start < 1)])
    startup = _load("startup")
    if startup:
        warm = startup.get("ours, with the snapshot")
        cold = startup.get("ours, no snapshot (first start)")
        if warm and cold:
            w, c = _median(warm["warmed"]), _median(cold["warmed"])
            out.append(["start-up on the article graph (load, warm every named query and question answering), "
                        "median of `bench/startup.py`'s starts", "< 1 s",
                        f"{w:.2f} s with its snapshot, {c:.2f} s at the first start on a graph and code version "
                        f"(process start to first answer {_median(warm['first_answer']):.2f} and "
                        f"{_median(cold['first_answer']):.2f} s)", _verdict(w < 1)])
    peers = _load("peers")
    if peers:
        t = peers["throughput"]
        ours = t.get("ours")
        for system, target in (("Virtuoso", 2.5), ("rdflib-endpoint", 4.0)):
            other = t.get(system)
            if isinstance(ours, dict) and isinstance(other, dict) and other["rps"]:
                ratio = ours["rps"] / other["rps"]
                out.append([f"ours (from its response cache) ÷ {system}, one-hop query throughput", f">= {target}",
                            f"{ratio:.2f} ({ours['rps']:,.0f} vs {other['rps']:,.0f} req/s)", _verdict(ratio >= target)])
            else:
                out.append([f"ours ÷ {system}", f">= {target}", str(other), _verdict(None)])
    uncached = _load("uncached")
    if uncached:
        floor = uncached["floor"]["rps"]
        results = uncached["results"]
        ours = results.get("ours", {})
        for mix in ("named", "one-hop"):
            r = ours.get(mix)
            if not r:
                continue
            ratio = r["ok_rps"] / floor
            out.append([f"uncached /sparql, {mix} mix (every text new) ÷ our /healthz ({floor:,.0f} req/s)", ">= 0.7",
                        f"{ratio:.2f} ({r['ok_rps']:,.0f} req/s, p99 {ms(r['p99'])} ms)", _verdict(ratio >= 0.7)])
            for system, other in results.items():
                if system == "ours" or mix not in other:
                    continue
                if "TABLED_ANSWERS off" in system and mix != "named":  # the same path as ours there: noise only
                    continue
                own = uncached.get("floors", {}).get(system)
                if own and other[mix].get("ok_rps"):  # ours at another revision (--against): over its own floor
                    before = other[mix]["ok_rps"] / own["rps"]
                    out.append([f"uncached /sparql, {mix} mix ÷ its /healthz ({own['rps']:,.0f} req/s), {system}, same run",
                                "—", f"{before:.2f} ({other[mix]['ok_rps']:,.0f} req/s)", "(before)"])
                target = 2.0 if system == "Virtuoso" else None
                ceiling = system.startswith("Oxigraph server")  # the same engine behind a Rust HTTP server
                ratio = r["ok_rps"] / other[mix]["ok_rps"] if other[mix]["ok_rps"] else float("nan")
                out.append([f"uncached, {mix} mix: ours ÷ {system}" + (" (the ceiling)" if ceiling else ""),
                            f">= {target:g}" if target else "—",
                            f"{ratio:.2f} ({r['ok_rps']:,.0f} vs {other[mix]['ok_rps']:,.0f} req/s)",
                            _verdict(ratio >= target) if target else ""])
                evaluated = results.get("ours, named queries evaluated (TABLED_ANSWERS off)", {}).get(mix)
                if mix == "named" and evaluated and system not in ("ours, named queries evaluated (TABLED_ANSWERS off)",) \
                        and not system.startswith("ours") and other[mix].get("ok_rps"):
                    # ours answers the named mix from rows kept at load; evaluating them too: like with like
                    like = evaluated["ok_rps"] / other[mix]["ok_rps"]
                    out.append([f"uncached, {mix} mix: ours evaluating the named queries ÷ {system}"
                                + (" (the ceiling)" if ceiling else ""), "—",
                                f"{like:.2f} ({evaluated['ok_rps']:,.0f} vs {other[mix]['ok_rps']:,.0f} req/s)", ""])
    now = _load("hostile-serve") or {}
    before = _load("hostile") or {}
    for label, r in (("`kneekg serve` (nginx → gthread), embedded store", now.get("serve") or before.get("serve")),
                     ("`kneekg serve --oxigraph` (nginx → gthread, Oxigraph lanes it runs)", now.get("serve+oxigraph")),
                     ("`kneekg serve --endpoint` on an Oxigraph server it does not run",
                      now.get("serve+oxigraph-endpoint")),
                     ("gunicorn sync (`kneekg serve` before)", before.get("sync"))):
        if not r or "attack" not in r:
            continue
        # shown for comparison: no verdict on a design no longer served, nor on a server we do not run
        former = "before" in label or "does not run" in label
        for cls in ("cached SPARQL", "named query", "/api/ask", "entity page"):
            under = r["attack"].get(cls)
            if under:
                out.append([f"under attack (4 runaway clients + 50 tricklers), {label}: {cls} p99",
                            "< 100 ms", f"{ms(under['p99'])} ms ({under['n']} requests, "
                            f"{sum(under['failed'].values())} failed)",
                            _former(label) if former else _verdict(under["p99"] < 0.1 and not under["failed"])])
        delay = r.get("adhoc_start_delay") or {}
        if delay:
            out.append([f"under attack, {label}: ad-hoc query start delay p99", "< 100 ms",
                        f"{ms(delay['p99'])} ms", _former(label) if former else _verdict(delay["p99"] < 0.1)])
        timings = [s for status, s in (r.get("body_413") or {}).get("attacked", [])]
        statuses = {status for status, _ in (r.get("body_413") or {}).get("attacked", [])}
        if timings:
            out.append([f"under attack, {label}: a 20 MiB body, time to its status, max", "< 1 s",
                        f"{ms(max(timings))} ms ({len(timings)} bodies, status {', '.join(map(str, sorted(statuses, key=str)))})",
                        _verdict(max(timings) < 1 and statuses == {413})])
        if r.get("runaways"):
            out.append([f"under attack, {label}: what the runaway queries got", "stopped or refused",
                        ", ".join(f"{k}: {v}" for k, v in sorted(r["runaways"].items()))
                        + f"; server CPU 12 s after: {r['busy_cores_after']:.2f} cores", ""])
    memory = _load("memory")
    if memory:
        growth, budget = memory["app_growth"], memory["budget_all_workers"]
        out.append([f"PSS growth after {memory['requests']:,} distinct ~1 MB POST /sparql (`kneekg serve`)",
                    f"<= cache budget ({budget >> 20} MiB: {memory['budget_per_process'] >> 20} MiB × "
                    f"{memory['workers']} workers)",
                    f"{growth / (1 << 20):+,.0f} MiB ({memory['pss_before']['app'] / (1 << 20):,.0f} → "
                    f"{memory['pss_after']['app'] / (1 << 20):,.0f} MiB)", _verdict(growth <= budget)])
    large = _load("memory-1000k")
    if large:
        growth, budget = large["app_growth"], large["budget_all_workers"]
        out.append([f"synthetic 1,000k, `kneekg serve` (every computed-once query's rows kept): PSS of its processes, "
                    f"and its growth after {large['requests']:,} distinct ~1 MB POST /sparql",
                    f"<= cache budget ({budget >> 20} MiB)",
                    f"{large['pss_before']['app'] / (1 << 20):,.0f} MiB; {growth / (1 << 20):+,.0f} MiB "
                    f"(started in {large['startup_seconds']:.0f} s)", _verdict(growth <= budget)])
    soak = _load("soak")
    if soak:
        for c in soak["checks"]:
            out.append([f"soak {soak['duration']} s: {c['check']}", "pass", c["measured"], _verdict(c["ok"])])
    return out


def render() -> str:
    m = machine()
    stamps = []
    for name in ("inprocess", "http", "startup", "peers", "uncached", "hostile", "hostile-serve", "memory", "memory-1000k",
                 "soak"):
        md = RESULTS / f"{name}.md"
        if md.exists():
            found = re.search(r"Run (\d{4}-\d\d-\d\d \d\d:\d\d UTC)", md.read_text())
            stamps.append(f"[`{name}`](bench/results/{name}.md) {found.group(1) if found else ''}")
    lines = [f"Measured on {m['nproc']} cores shared with other sessions' builds and test suites (each result file "
             f"records the load average; benchmarks run under `nice`), {m['RAM']} RAM, {m['CPU']}; runs: " + ", ".join(stamps) + ".",
             f"Table refreshed {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC by `bench/update_readme.py`.", "",
             table(["measure", "target", "measured", ""], rows())]
    return "\n".join(lines)


def main() -> None:
    text = README.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"README.md has no {START} … {END} markers in its Performance section")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    README.write_text(before + START + "\n" + render() + "\n" + END + after, encoding="utf-8")
    print(render())


if __name__ == "__main__":
    main()
