""""The treatment for the *most common* cause of knee twitching": in a two-hop reading asked with a ranking word, the
thing between is only what the article weighs first (its "most common", "first line", "common" facts) — the
answers are those of the weighed ones, not of every cause. With nothing weighed, every row stays."""

from __future__ import annotations

from kg.qa.answer import Executor
from kg.qa.lexicon import local
from kg.qa.querygraph import Reading
from kg.qa.words import NO_EMPHASIS, emphasis, join


def top_rows(ex: Executor, r: Reading, rows: list, anchors: list[str]) -> tuple[list, str]:
    """The rows whose thing between (``?y``) is weighed highest by the article on its edge to the anchor, and a
    sentence that says which things those are and quotes where the article weighs them ("" when all rows stay)."""
    edges = [e for e in r.edges if "?y" in (e.subject, e.object) and "?x" not in (e.subject, e.object)]
    if not r.ranking or not edges or not anchors:
        return rows, ""
    props = ex.family(edges[0].prop)
    said = {y: [st for a in anchors for st in ex.between(a, y, props) if not st.negated]
            for y in {y for _, y in rows if y is not None}}
    rank = {y: emphasis(sts) for y, sts in said.items()}
    best = min(rank.values(), default=NO_EMPHASIS)
    if best >= NO_EMPHASIS:
        return rows, ""
    named = {y for y, sts in said.items() if any(local(e) == r.ranking for st in sts for e in st.emphasis)}
    # the very word asked ("the *common* culprits": what the article calls common), else what it weighs first
    top = [y for y in dict.fromkeys(y for _, y in rows) if (y in named if named else rank.get(y) == best)]
    st = min((st for y in top for st in said[y] if st.emphasis), key=lambda st: st.begin)
    note = f"These are for what the article singles out, {join([ex.name(y) for y in top])}: “{st.quote}”"
    return [(x, y) for x, y in rows if y in top], note


__all__ = ["top_rows"]
