"""The ``kneekg`` command line: build and validate the graph, serve the app."""

from __future__ import annotations

import sys

import click

from . import paths


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
    from .build import compute, stale_artifacts, write_artifacts
    from .errors import BuildError

    try:
        result = compute()
    except BuildError as exc:
        _report_failure(exc)
        return
    changed = stale_artifacts(result, paths.ARTIFACTS_DIR)
    write_artifacts(result, paths.ARTIFACTS_DIR)
    click.echo(result.summary())
    click.echo(f"artifacts: {paths.ARTIFACTS_DIR} ({', '.join(changed) + ' changed' if changed else 'unchanged'})")


@main.command()
def validate() -> None:
    """Run every build check without writing anything; exit 1 if artifacts are stale."""
    from .build import compute, stale_artifacts
    from .errors import BuildError

    try:
        result = compute()
    except BuildError as exc:
        _report_failure(exc)
        return
    click.echo(result.summary())
    stale = stale_artifacts(result, paths.ARTIFACTS_DIR)
    if stale:
        click.echo(f"artifacts out of date: {', '.join(stale)} (run `kneekg build`)", err=True)
        sys.exit(1)
    click.echo("artifacts: up to date")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind (loopback by default).")
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--workers", default=None, type=int, help="gunicorn worker processes (default: one per core).")
def serve(host: str, port: int, workers: int | None) -> None:
    """Serve the web app on the embedded store with gunicorn."""
    from webapp.server import run

    run(host=host, port=port, workers=workers)


@main.command()
@click.argument("question", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the raw answer object (as GET /api/ask returns it).")
@click.option("--sparql", "show_sparql", is_flag=True, help="Also print the named query that produced the answer.")
def ask(question: tuple[str, ...], as_json: bool, show_sparql: bool) -> None:
    """Answer a plain-English QUESTION about the article from the graph."""
    import json

    from .ask import BadQuestion, ask as answer_question, render_text
    from .store import EmbeddedStore

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
def evaluate_command(failures: bool, as_json: bool) -> None:
    """Score question answering on the gold set (tests/gold/questions.yaml): macro P/R/F1, abstention."""
    import json

    from .evaluate import evaluate, render, summarise
    from .store import EmbeddedStore

    results = evaluate(EmbeddedStore.from_file())
    summary = summarise(results)
    if as_json:
        click.echo(json.dumps(summary, indent=2))
        return
    click.echo(render(summary, results, show_failures=failures))


if __name__ == "__main__":
    main()
