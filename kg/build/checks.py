"""Quality checks as SPARQL (ODK style): each ``queries/checks/*-violation.rq`` must return no rows."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph


def check_files(checks_dir: Path) -> list[Path]:
    return sorted(checks_dir.glob("*-violation.rq"))


def run_check(store: pyoxigraph.Store, path: Path) -> list[dict[str, str]]:
    """Run one check over the union of all graphs; return its rows (violations) as strings."""
    results = store.query(path.read_text(encoding="utf-8"), use_default_graph_as_union=True)
    names = [v.value for v in results.variables]
    return [{name: (row[name].value if row[name] is not None else "") for name in names} for row in results]


def run_checks(store: pyoxigraph.Store, checks_dir: Path) -> dict[str, list[dict[str, str]]]:
    """Run every check; map check name to its violations."""
    return {path.stem: run_check(store, path) for path in check_files(checks_dir)}
