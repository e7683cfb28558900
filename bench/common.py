"""What every benchmark script shares: the machine and versions header, tables, results files, timing."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DATA = ROOT / "bench" / "data"  # synthetic graphs (generated, not committed)
ARTICLE_GRAPH = ROOT / "release" / "graph.nq"
SYNTH_SIZES = (100_000, 1_000_000)
SEED = 0

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def synthetic_graph(triples: int, seed: int = SEED) -> Path:
    """Return the synthetic N-Quads of ``triples`` quads, generating them once (``kneekg synth``)."""
    DATA.mkdir(parents=True, exist_ok=True)
    import hashlib

    source = hashlib.sha256(ARTICLE_GRAPH.read_bytes()).hexdigest()[:8]  # regenerate when the release changes
    path = DATA / f"synth-{triples}-s{seed}-{source}.nq"
    if not path.exists():
        from kg.build.synth import write

        tmp = path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as out:
            write(triples, out, seed=seed)
        tmp.replace(path)
    return path


def graphs(sizes=SYNTH_SIZES) -> list[tuple[str, Path]]:
    """The graphs every in-process benchmark runs on: the article, then synthetic ones."""
    return [("article", ARTICLE_GRAPH)] + [(f"synthetic {n // 1000:,}k", synthetic_graph(n)) for n in sizes]


def synthetic_article(triples: int) -> int | None:
    """The middle synthetic article of a graph (its entities carry ``-a<k>``); None for the article graph."""
    if triples < 20_000:
        return None
    per_article = sum(1 for line in open(ARTICLE_GRAPH, "rb") if b"/graph/ontology>" not in line)
    return max(1, triples // per_article // 2)


def example_values(query, article: int | None = None) -> dict[str, str]:
    """A named query's example parameters, moved to synthetic article ``article`` when given."""
    values = {}
    for p in query.params:
        value = p.example
        if article and p.type == "iri" and value.startswith("kg:"):
            value = f"{value}-a{article}"
        values[p.name] = value
    return values


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def median(samples: list[float]) -> float:
    return statistics.median(samples) if samples else float("nan")


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _command_version(cmd: list[str], pattern: str) -> str:
    if not shutil.which(cmd[0]):
        return "not installed"
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    match = re.search(pattern, out.stdout + out.stderr)
    return match.group(1) if match else "unknown"


def machine() -> dict[str, str]:
    """The machine the numbers were taken on."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    return {"nproc": str(os.cpu_count()), "RAM": ram, "CPU": cpu, "OS": platform.platform()}


def versions() -> dict[str, str]:
    return {
        "python": platform.python_version(),
        "pyoxigraph": _version("pyoxigraph"),
        "rdflib": _version("rdflib"),
        "flask": _version("flask"),
        "gunicorn": _version("gunicorn"),
        "rdflib-endpoint": _version("rdflib-endpoint"),
        "virtuoso": _command_version(["virtuoso-t", "--version"], r"Version (\S+)"),
        "wrk": _command_version(["wrk", "--version"], r"wrk (\S+)"),
    }


def table(headers: list[str], rows: list[list]) -> str:
    """A Markdown table (numbers already formatted by the caller)."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def ms(seconds: float) -> str:
    if seconds != seconds:  # NaN
        return "n/a"
    value = seconds * 1000
    return f"{value:.3f}" if value < 1 else f"{value:.2f}" if value < 100 else f"{value:,.0f}"


def report(name: str, title: str, body: str, notes: list[str] | None = None) -> Path:
    """Print ``body`` and write it, with the machine, versions and date, to ``bench/results/<name>.md``."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    mach = machine()
    vers = versions()
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    header = [
        f"# {title}",
        "",
        f"Run {now} on {mach['nproc']} cores, {mach['RAM']} RAM, {mach['CPU']} ({mach['OS']}); "
        f"load average when written {load} (other work on the machine slows every number alike).",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in vers.items()) + ".",
        "",
    ]
    text = "\n".join(header) + body.rstrip() + "\n"
    if notes:
        text += "\n" + "\n".join(f"- {n}" for n in notes) + "\n"
    path = RESULTS / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    print(text)
    print(f"written: {path.relative_to(ROOT)}")
    return path
