""""What should I do to calm myself down": when the article gives only a few ways, and a way is a kind it gives
examples of ("stress reduction techniques, such as deep breathing exercises, meditation, yoga and mindfulness"),
the examples are what a reader does — named after their kind and listed as answers too."""

from __future__ import annotations

from kg.qa.answer import Executor
from kg.qa.lexicon import local
from kg.qa.querygraph import KGO
from kg.qa.words import join

FEW = 3  # at most this many ways: each one's examples are listed after it


def examples(ex: Executor, order: list[str], most: int = 6) -> dict[str, list[str]]:
    """The article's examples of each of a few therapies in ``order`` (none when there are more than ``FEW``)."""
    if len(order) > FEW:
        return {}
    out = {}
    for x in order:
        if not ex.index.is_a(x, KGO + "Therapy"):
            continue
        found = [st.subject for st in ex.statements(x) if st.object == x and local(st.predicate) == "exampleOf"
                 and not st.negated and st.subject not in order]
        if found:
            out[x] = list(dict.fromkeys(found))[:most]
    return out


def names(ex: Executor, order: list[str]) -> list[str]:
    """Each label, with "(such as …)" after a kind whose examples are listed."""
    found = examples(ex, order)
    return [ex.label(x) + (f" (such as {join([ex.name(e) for e in found[x]])})" if x in found else "") for x in order]


def answers(ex: Executor, order: list[str]) -> list[dict]:
    """The answers, each kind followed by its examples (marked ``example_of``)."""
    found = examples(ex, order)
    return [item for x in order for item in [ex.entity(x)] + [dict(ex.entity(e), example_of=ex.label(x))
                                                              for e in found.get(x, ())]]


__all__ = ["FEW", "answers", "examples", "names"]
