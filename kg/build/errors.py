"""Errors a build reports: every problem at once, each naming where it is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    message: str

    def __str__(self) -> str:
        return self.message


class BuildError(Exception):
    """The build stopped; ``problems`` says why, one line each."""

    def __init__(self, problems: list[Problem] | list[str], stage: str = "build"):
        self.problems = [p if isinstance(p, Problem) else Problem(str(p)) for p in problems]
        self.stage = stage
        super().__init__(self.render())

    def render(self) -> str:
        lines = [f"{self.stage} failed with {len(self.problems)} problem(s):"]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)
