"""Validate the asserted graph against the SHACL shapes (closed-world checks)."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SH

from kg.build.errors import BuildError, Problem


def shacl_problems(data: Graph, ontology: Graph, shapes_path: Path) -> list[Problem]:
    """Return one problem per SHACL violation (empty when the data conforms)."""
    from pyshacl import validate  # late import: slow to import, only builds need it

    shapes = Graph().parse(shapes_path, format="turtle")
    conforms, report, _ = validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                   advanced=True, allow_warnings=True)
    if conforms:
        return []
    problems = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        where = str(focus).rsplit("/", 1)[-1]
        via = f" {str(path).rsplit('/', 1)[-1]}" if path is not None else ""
        problems.append(Problem(f"SHACL: {where}{via}: {message}"))
    return sorted(problems, key=str)


def check_shapes(data: Graph, ontology: Graph, shapes_path: Path) -> None:
    problems = shacl_problems(data, ontology, shapes_path)
    if problems:
        raise BuildError(problems, stage="SHACL validation")
