"""The ``kneekg`` command line: build and validate the graph, serve the app."""

from __future__ import annotations

import sys

import click

from kg import paths


def _report_failure(exc) -> None:
    click.echo(exc.render(), err=True)
    sys.exit(1)


@click.group()
@click.version_option(package_name="knee-spasm-kg")
def main() -> None:
    """Knee muscle spasm knowledge graph: build it, query it, serve it."""


@main.command()
def build() -> None:
    """Check the facts, reason, and write the release artifacts (only if every check passes)."""
    from kg.build.pipeline import compute, stale_artifacts, write_artifacts
    from kg.build.errors import BuildError

    try:
        result = compute()
    except BuildError as exc:
        _report_failure(exc)
        return
    changed = stale_artifacts(result, paths.RELEASE_DIR)
    write_artifacts(result, paths.RELEASE_DIR)
    click.echo(result.summary())
    click.echo(f"artifacts: {paths.RELEASE_DIR} ({', '.join(changed) + ' changed' if changed else 'unchanged'})")


@main.command()
def validate() -> None:
    """Run every build check without writing anything; exit 1 if artifacts are stale."""
    from kg.build.pipeline import compute, stale_artifacts
    from kg.build.errors import BuildError

    try:
        result = compute()
    except BuildError as exc:
        _report_failure(exc)
        return
    click.echo(result.summary())
    stale = stale_artifacts(result, paths.RELEASE_DIR)
    if stale:
        click.echo(f"artifacts out of date: {', '.join(stale)} (run `kneekg build`)", err=True)
        sys.exit(1)
    click.echo("artifacts: up to date")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface nginx listens on (loopback by default).")
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--workers", default=None, type=int, help="gunicorn worker processes (default: one per core).")
@click.option("--threads", default=None, type=int, help="Threads per worker (default: 16).")
@click.option("--endpoint", default=None, metavar="URL",
              help="Serve from this SPARQL endpoint instead of the embedded store (or set KG_SPARQL_ENDPOINT).")
@click.option("--oxigraph", default=None, metavar="DIR",
              help="Serve from Oxigraph servers that this command runs over the RocksDB folder DIR (loaded from "
                   "the graph first if empty; or set KG_OXIGRAPH_STORE): an ad-hoc query past its time limit is "
                   "stopped by ending its server.")
@click.option("--front", type=click.Choice(["auto", "nginx", "none"]), default="auto", show_default=True,
              help="nginx in front of gunicorn: auto uses it when installed (and warns when not), "
                   "nginx requires it, none serves with gunicorn alone.")
@click.option("--public-url", default=None, metavar="URL",
              help="The public base URL written into descriptions and dumps (or KG_PUBLIC_URL; "
                   "default: http://HOST:PORT). Never taken from a request's Host header.")
def serve(host: str, port: int, workers: int | None, threads: int | None, endpoint: str | None,
          oxigraph: str | None, front: str, public_url: str | None) -> None:
    """Serve the web app: nginx in front of gunicorn, on the embedded store or a remote SPARQL endpoint.

    Stops on Ctrl-C or SIGTERM, and with it nginx and the query processes; each instance keeps
    its sockets and nginx's files in a private runtime directory, removed when it stops.
    """
    from webapp.server import THREADS, run

    config = {}
    if endpoint and oxigraph:
        raise click.UsageError("--endpoint and --oxigraph name two stores: give one")
    if endpoint:
        config["SPARQL_ENDPOINT"] = endpoint
    if oxigraph:
        config["OXIGRAPH_STORE"] = oxigraph
    if public_url:
        config["PUBLIC_URL"] = public_url.rstrip("/")
    run(host=host, port=port, workers=workers, config=config or None, threads=threads or THREADS, front=front)


@main.command()
@click.option("--triples", "-n", required=True, type=click.IntRange(min=1), help="How many triples (quads) to write.")
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=False, writable=True), help="N-Quads file to write.")
@click.option("--seed", default=0, show_default=True, type=int, help="Seed of the synthetic articles' cross-links.")
def synth(triples: int, out: str, seed: int) -> None:
    """Write a deterministic synthetic graph of the same ontology, grown from the release graph (for benchmarks)."""
    import time

    from kg.build.synth import write

    start = time.perf_counter()
    with open(out, "w", encoding="utf-8") as handle:
        count = write(triples, handle, seed=seed)
    click.echo(f"{out}: {count:,} triples (seed {seed}) in {time.perf_counter() - start:.1f} s")


@main.command()
@click.argument("source", metavar="(NAME | FILE | -)")
@click.option("--param", "-p", "params", multiple=True, metavar="K=V",
              help="A parameter value, bound as an RDF term (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "tsv", "ttl"]), default="table",
              show_default=True, help="table/json/csv/tsv for SELECT and ASK; ttl/json (JSON-LD) for CONSTRUCT.")
def query(source: str, params: tuple[str, ...], fmt: str) -> None:
    """Run a named query, a query file, or a query from stdin (-) on the graph.

    \b
    kneekg query causes-of --param condition=kg:dehydration
    kneekg query my.rq --format csv
    echo 'ASK { ?s ?p ?o }' | kneekg query -
    """
    from pathlib import Path

    from kg.sparql.errors import EngineError, QueryError
    from kg.sparql.formats import RDF_FORMATS, SOLUTION_FORMATS
    from kg.sparql.guard import analyse, syntax_error
    from kg.sparql.registry import Param, parse_file, registry, to_term
    from kg.sparql.results import serialise, text_table
    from kg.store.embedded import EmbeddedStore

    def usage(message: str) -> None:
        click.echo(f"error: {message}", err=True)
        sys.exit(2)

    values: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            usage(f"--param '{item}' must be written name=value")
        values[key.strip()] = value
    reg = registry()
    named = None
    if source == "-":
        sparql = sys.stdin.read()
    elif source in reg:
        named = reg[source]
        sparql = named.sparql
    elif Path(source).is_file():
        sparql = Path(source).read_text(encoding="utf-8")
        try:
            named = parse_file(Path(source))
        except ValueError:
            named = None  # a plain query without a '#+' header
    else:
        usage(f"'{source}' is neither a named query nor a file; named queries: {', '.join(sorted(reg.queries))}")
        return
    try:
        if named is not None:
            terms = named.bind(values)
        else:  # a plain query: an IRI-looking value binds an IRI, anything else a string
            terms = {}
            for key, value in values.items():
                kind = "iri" if value.startswith("<") or (":" in value and " " not in value) else "string"
                terms[key] = to_term(Param(key, kind, "kg:x", ""), value)
        form = analyse(sparql).form
    except QueryError as exc:
        usage(str(exc))
        return
    except EngineError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    if fmt == "ttl" and form in ("SELECT", "ASK"):
        usage(f"--format ttl is for CONSTRUCT and DESCRIBE queries; this is a {form} query (use json, csv or tsv)")
    if fmt in ("csv", "tsv") and form not in ("SELECT", "ASK"):
        usage(f"--format {fmt} is for SELECT and ASK queries; this is a {form} query (use ttl or json)")
    store = EmbeddedStore.from_file()
    try:
        result = store.query(sparql, substitutions=terms or None)
        if fmt == "table":
            click.echo(text_table(result))
            return
        table = SOLUTION_FORMATS if form in ("SELECT", "ASK") else RDF_FORMATS
        out = serialise(result, table["jsonld" if fmt == "json" and form not in ("SELECT", "ASK") else fmt])
    except SyntaxError as exc:
        click.echo(f"error: {syntax_error(str(exc))}", err=True)
        sys.exit(1)
    sys.stdout.buffer.write(out.body if out.body.endswith(b"\n") else out.body + b"\n")


@main.command()
@click.argument("question", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the raw answer object (as GET /api/ask returns it).")
@click.option("--sparql", "show_sparql", is_flag=True, help="Also print the named query that produced the answer.")
def ask(question: tuple[str, ...], as_json: bool, show_sparql: bool) -> None:
    """Answer a plain-English QUESTION about the article from the graph."""
    import json

    from kg.qa.ask import BadQuestion, ask as answer_question, render_text
    from kg.store.embedded import EmbeddedStore

    try:
        answer = answer_question(EmbeddedStore.from_file(), " ".join(question))
    except BadQuestion as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps(answer.to_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(render_text(answer, show_sparql=show_sparql))


@main.command("eval")
@click.option("--failures", is_flag=True, help="List every question that scored below 1.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--batch", "batches", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Score a blind batch (evaluation/blind/batch-N.yaml) through /api/ask instead of the gold set.")
@click.option("--record-first", is_flag=True,
              help="With --batch: record this run as the batch's first score (refused if one is recorded).")
def evaluate_command(failures: bool, as_json: bool, batches: tuple[str, ...], record_first: bool) -> None:
    """Score question answering: the gold set (evaluation/gold.yaml), or blind batches with --batch.

    Without --batch it also prints every blind batch's recorded first score beside its score now.
    """
    import json

    from kg.qa.evaluate import evaluate, render, summarise
    from kg.store.embedded import EmbeddedStore

    store = EmbeddedStore.from_file()
    if batches:
        _score_batches(store, batches, failures, as_json, record_first)
        return
    results = evaluate(store)
    summary = summarise(results)
    if as_json:
        click.echo(json.dumps(summary, indent=2))
        return
    click.echo(render(summary, results, show_failures=failures))
    first = _first_scores()
    if first:
        click.echo("\nblind batches (written from the article alone; first score = before any change made for them):")
        for path in sorted(paths.BLIND_DIR.glob("batch-*.yaml")):
            summary_now = _score_batches(store, (str(path),), False, False, False, quiet=True)
            recorded = first.get(path.name)
            then = f"{recorded['passed']}/{recorded['questions']} ({recorded['rate']:.0%})" if recorded else "not recorded"
            now = summary_now["overall"]
            click.echo(f"  {path.name}: first score {then}; now {now['passed']}/{now['questions']} ({now['rate']:.0%})")


def _first_scores() -> dict:
    import yaml

    path = paths.BLIND_DIR / "first-scores.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {} if path.exists() else {}


def _score_batches(store, batches, failures: bool, as_json: bool, record_first: bool, quiet: bool = False):
    """Ask every question of each batch through GET /api/ask (as a reader does) and judge the answers."""
    import json
    from pathlib import Path

    import yaml

    from kg.qa import judge
    from kg.views.labels import labels
    from webapp import create_app

    client = create_app({"TESTING": True, "STORE": store}).test_client()
    names = labels(store)

    def answer(question: str) -> dict:
        response = client.get("/api/ask", query_string={"q": question})
        return response.get_json() if response.status_code == 200 else {"answered": False, "message": response.get_data(as_text=True)}

    def names_of(iri: str) -> tuple[str, ...]:
        return names.names(iri) + ((names.other[iri],) if iri in names.other else ())

    summary = None
    for name in batches:
        batch = judge.load_batch(Path(name))
        verdicts = judge.score(batch, answer, names_of)
        summary = judge.summarise(verdicts)
        if quiet:
            continue
        if as_json:
            click.echo(json.dumps({"batch": batch.number, "summary": summary,
                                   "verdicts": [v.to_dict() for v in verdicts]}, indent=2))
        else:
            click.echo(f"batch {batch.number} ({Path(name).name}, {len(verdicts)} questions)")
            click.echo(judge.render(summary, verdicts, show_failures=failures))
        if record_first:
            first = _first_scores()
            key = Path(name).name
            if key in first:
                raise click.UsageError(f"{key} already has a first score ({first[key]['rate']:.0%}); it is frozen")
            first[key] = {**summary["overall"], "scored_at": _now(), "by_expect": summary["by_expect"],
                          "declined": summary["declined"], "unstated_no": summary["unstated_no"]}
            (paths.BLIND_DIR / "first-scores.yaml").write_text(yaml.safe_dump(first, sort_keys=True), encoding="utf-8")
            (paths.BLIND_DIR / f"{Path(name).stem}-first.json").write_text(
                json.dumps([v.to_dict() for v in verdicts], indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return summary


def _now() -> str:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


# --- export and push (issue 5) -------------------------------------------------------------------

@main.command("export")
@click.option("--format", "fmt_name", required=True, metavar="FORMAT",
              help="turtle, ntriples, rdfxml, jsonld, nquads, trig or csv (extensions such as ttl, nq also work).")
@click.option("--graph", "graph_name", default="all", show_default=True,
              help="all, or one named graph: ontology, facts, inferred, provenance.")
@click.option("--out", "out", default=None, type=click.Path(dir_okay=False, writable=True),
              help="Write to this file instead of standard output.")
@click.option("--input", "source", default=None, type=click.Path(exists=True, dir_okay=False),
              help="N-Quads to export (default: release/graph.nq).")
@click.option("--base-url", default="http://127.0.0.1:5000", show_default=True,
              help="Where the app is served: the dump's VoID description names its SPARQL endpoint and download URLs.")
def export_command(fmt_name: str, graph_name: str, out: str | None, source: str | None, base_url: str) -> None:
    """Write the graph in one format (whole dataset, or one named graph) to stdout or --out."""
    from pathlib import Path

    from kg.views import export as kgexport
    from kg.views import void as kgvoid
    from kg.store.embedded import EmbeddedStore

    try:
        fmt = kgexport.find_format(fmt_name)
        graph = kgexport.find_graph(graph_name)
    except kgexport.ExportError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    path = Path(source) if source else paths.RELEASE_DIR / paths.GRAPH_NQ
    if fmt.name == "csv":
        if graph != "all":
            click.echo("error: the relations CSV is made from the facts and provenance graphs; drop --graph", err=True)
            sys.exit(2)
        data = kgexport.relations_csv(EmbeddedStore.from_file(path))
    else:
        dataset = kgexport.dataset_from(path=path)
        description = None
        if graph == "all":
            description = kgvoid.describe(dataset, base_url, kgvoid.build_time(path))
        data = kgexport.serialize(dataset, fmt, graph, description)
    if out:
        Path(out).write_bytes(data)
        click.echo(f"wrote {out} ({fmt.label}, {len(data):,} bytes)", err=True)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


@main.command()
@click.option("--endpoint", required=True, metavar="URL",
              help="The server's Graph Store Protocol or SPARQL (update) endpoint.")
@click.option("--graph", "target", default=None, metavar="IRI",
              help="Push the union of all graphs into this one graph (default: each named graph to its own IRI).")
@click.option("--graph-store", default=None, metavar="URL",
              help="A separate Graph Store Protocol endpoint (e.g. Virtuoso's /sparql-graph-crud-auth).")
@click.option("--user", default=None, envvar="KG_PUSH_USER", help="User name (or KG_PUSH_USER).")
@click.option("--password", default=None, envvar="KG_PUSH_PASSWORD",
              help="Password (better: the KG_PUSH_PASSWORD environment variable).")
@click.option("--input", "source", default=None, type=click.Path(exists=True, dir_okay=False),
              help="N-Quads to push (default: release/graph.nq).")
@click.option("--timeout", default=120.0, show_default=True, help="Seconds to wait for each HTTP request.")
def push(endpoint: str, target: str | None, graph_store: str | None, user: str | None, password: str | None,
         source: str | None, timeout: float) -> None:
    """Load the graph into a remote triplestore, replacing only the graphs pushed."""
    from pathlib import Path

    from kg.store import push as kgpush
    from kg.sparql.registry import expand_iri

    if target is not None:
        try:
            target = expand_iri(target, "kgg")
        except ValueError as exc:
            click.echo(f"error: --graph: {exc}", err=True)
            sys.exit(2)
    if user and password is None and sys.stdin.isatty():
        password = click.prompt(f"password for {user}", hide_input=True, err=True)
    path = Path(source) if source else paths.RELEASE_DIR / paths.GRAPH_NQ
    try:
        graphs = kgpush.read_graphs(path, target)
        report = kgpush.push(endpoint, graphs, graph_store=graph_store, user=user, password=password,
                             timeout=timeout)
    except kgpush.PushError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    click.echo(report.summary())


@main.command()
def contradictions() -> None:
    """List what the article does not settle: every contradiction with all its sides and quotes.

    The same as the web app's /unsettled page; each side is a claim of the article's publisher.
    """
    from kg.store.embedded import EmbeddedStore
    from kg.views import claims

    click.echo(claims.as_text(claims.page(EmbeddedStore.from_file())), nl=False)


if __name__ == "__main__":
    main()
