"""Start-up of `kneekg serve` on the article graph: with no snapshot (the first start on a graph and code
version), with the snapshot the first start wrote (every start after it), and, with ``--against REV``,
the app of that git revision, round by round in the same run.

Each start is a fresh ``kneekg serve`` (nginx in front of gunicorn, as :func:`bench.serve.ours` runs it)
with its own snapshot directory (``KG_SNAPSHOT_DIR``): *cold* starts with it empty, *warm* with the
snapshot a cold start wrote. Two figures per start: the server's own "warmed in" (``webapp.server.prepare``:
the app created, the graph loaded, every named query, question answering's indexes and a first question
run — what the README's target counts) and process start to the first answered ``/healthz``. ``/readyz``
is asked once the server answers: it must be 200 (questions answered without building anything).

    .venv/bin/python bench/startup.py [--rounds 5] [--against main]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)  # bench/http.py must not shadow the http package

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import tempfile  # noqa: E402
import urllib.request  # noqa: E402

from bench.common import RESULTS, ROOT, median, report, table  # noqa: E402
from bench.serve import ours  # noqa: E402
from bench.uncached import export  # noqa: E402


def start(root: Path, snapshots: Path, log: Path) -> tuple[float, float, int]:
    """One start of the app in ``root``: (warmed in, process start to first answer, /readyz status)."""
    os.environ["KG_SNAPSHOT_DIR"] = str(snapshots)
    try:
        with ours(log=log, root=root) as (base, seconds, _proc):
            try:
                ready = urllib.request.urlopen(base + "/readyz", timeout=10).status
            except urllib.error.HTTPError as exc:
                ready = exc.code
    finally:
        del os.environ["KG_SNAPSHOT_DIR"]
    warmed = re.search(r"warmed in ([\d.]+) s", log.read_text(errors="replace"))
    return (float(warmed.group(1)) if warmed else float("nan")), seconds, ready


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--against", metavar="REV", help="also start the app at this git revision, each round")
    args = parser.parse_args()
    samples: dict[str, list[tuple[float, float, int]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        trees = {"ours": ROOT}
        if args.against:
            (tmp / "against").mkdir()
            trees[f"ours at {args.against}"] = export(args.against, tmp / "against")
        log = tmp / "server.log"
        for n in range(args.rounds):
            for label, root in trees.items():
                snapshots = tmp / f"snapshots-{n}-{len(label)}"
                print(f"round {n + 1}: {label} cold …", file=sys.stderr, flush=True)
                samples.setdefault(f"{label}, no snapshot (first start)", []).append(start(root, snapshots, log))
                if root is ROOT:
                    print(f"round {n + 1}: {label} warm …", file=sys.stderr, flush=True)
                    samples.setdefault(f"{label}, with the snapshot", []).append(start(root, snapshots, log))
    rows = []
    for label, runs in samples.items():
        warmed = [w for w, _, _ in runs]
        first = [s for _, s, _ in runs]
        rows.append([label, len(runs), f"{median(warmed):.2f}", f"{min(warmed):.2f}–{max(warmed):.2f}",
                     f"{median(first):.2f}", f"{min(first):.2f}–{max(first):.2f}",
                     ", ".join(sorted({str(r) for _, _, r in runs}))])
    (RESULTS / "startup.json").write_text(json.dumps({label: {
        "warmed": [w for w, _, _ in runs], "first_answer": [f for _, f, _ in runs], "readyz": [r for _, _, r in runs]}
        for label, runs in samples.items()}, indent=1), encoding="utf-8")
    body = table(["start", "starts", "warmed in, median (s)", "range", "process start → first answer, median (s)",
                  "range", "/readyz"], rows)
    print(body)
    report("startup", "Start-up of kneekg serve on the article graph", body, notes=[
        "`warmed in`: the server's own figure (`webapp.server.prepare`: app created, graph loaded, every named "
        "query, question answering's indexes and one question run, before gunicorn forks).",
        "`process start → first answer`: from starting the process to the first answered `/healthz` through nginx.",
        "Each round starts every variant once, in turn (same load); the snapshot directory is new for each round.",
    ])


if __name__ == "__main__":
    main()
