"""Export and push timings: each download format of the release graph, and `kneekg push` into Virtuoso.

Run: ``.venv/bin/python -m bench.export_push`` (writes ``bench/results/export-push.md``).
Export: median of 5 serialisations of the whole dataset (with its VoID description), sizes in KB,
and the app's first (generating) vs repeated (cached) download. Push: median of 3 pushes of the
release graph into a fresh Virtuoso on 127.0.0.1, by the Graph Store Protocol and by SPARQL Update.
"""

from __future__ import annotations

import sys
import time

from bench.common import ROOT, median, ms, report, table

sys.path.insert(0, str(ROOT))  # tests.support.virtuoso: the test suite's Virtuoso runner

from kg.views import export as kgexport  # noqa: E402
from kg import paths  # noqa: E402
from kg.views import void as kgvoid  # noqa: E402
from kg.store.push import Pusher, read_graphs  # noqa: E402
from kg.store.embedded import EmbeddedStore  # noqa: E402

RUNS = 5
PUSH_RUNS = 3


def timed(fn, runs: int) -> tuple[float, object]:
    samples, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - start)
    return median(samples), result


def export_rows() -> list[list]:
    graph = paths.RELEASE_DIR / paths.GRAPH_NQ
    data = kgexport.dataset_from(path=graph)
    description = kgvoid.describe(data, "http://127.0.0.1:5000", kgvoid.build_time(graph))
    store = EmbeddedStore.from_file(graph)
    rows = []
    for fmt in kgexport.FORMATS.values():
        if fmt.rdf is None:
            seconds, body = timed(lambda: kgexport.relations_csv(store), RUNS)
        else:
            seconds, body = timed(lambda: kgexport.serialize(data, fmt, "all", description), RUNS)
        rows.append([fmt.label, fmt.filename(), f"{len(body) / 1024:,.0f}", ms(seconds)])
    return rows


def web_rows() -> list[list]:
    from webapp import create_app

    app = create_app({"TESTING": True})
    client = app.test_client()
    rows = []
    for name in ("graph.ttl", "graph.jsonld", "graph.nq", "relations.csv"):
        start = time.perf_counter()
        assert client.get(f"/export/{name}").status_code == 200
        first = time.perf_counter() - start
        again, _ = timed(lambda: client.get(f"/export/{name}"), RUNS)
        rows.append([f"/export/{name}", ms(first), ms(again)])
    return rows


def push_rows() -> list[list]:
    from tests.support.virtuoso import virtuoso_server

    graphs = read_graphs(paths.RELEASE_DIR / paths.GRAPH_NQ)
    triples = sum(len(t) for t in graphs.values())
    rows = []
    with virtuoso_server() as server:
        for label, endpoint in (("Graph Store Protocol (PUT per graph)", server.graph_store),
                                ("SPARQL Update (chunks + MOVE)", server.sparql_auth)):
            pusher = Pusher(endpoint, user=server.user, password=server.password)
            seconds, report_ = timed(lambda: pusher.push(graphs), PUSH_RUNS)
            rows.append([label, f"{triples:,}", ms(seconds), f"{triples / seconds:,.0f}"])
    return rows


def main() -> None:
    body = ["## Export (release graph, whole dataset)", "",
            table(["format", "file", "size KB", "median ms"], export_rows()), "",
            "## Web downloads (generated once per process, then cached)", "",
            table(["URL", "first ms", "cached median ms"], web_rows()), "",
            "## Push into Virtuoso (127.0.0.1)", "",
            table(["protocol", "triples", "median ms", "triples/s"], push_rows())]
    report("export-push", "Export and push", "\n".join(body),
           notes=[f"Export: median of {RUNS} runs in process; push: median of {PUSH_RUNS} pushes, each replacing "
                  "the four named graphs of a fresh Virtuoso 7 database started by tests/support/virtuoso.py."])


if __name__ == "__main__":
    main()
