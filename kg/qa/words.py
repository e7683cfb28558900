"""Small word helpers shared by the answers: lists in prose, and how the article weighs and urges.

The orders are the fact model's controlled values (``kgv:``): an emphasis ranks a fact among
its peers ("the most common", "first line"), an urgency says how soon to see a doctor.
"""

from __future__ import annotations

from kg.qa.facts import Statement
from kg.qa.lexicon import local

SIGN_WORDS = frozenset("sign symptom mean indicate because due".split())  # "is it a sign of ALS", not "should I worry"

EMPHASIS_RANK = {"most-common": 0, "first-line": 0, "best-remedy": 0, "common": 1, "second-line": 2}
NO_EMPHASIS = 3
URGENCY_ORDER = ("immediate", "prompt", "see-doctor", "discuss")
URGENCY_WORDS = {"immediate": "seek immediate medical attention", "prompt": "see a doctor promptly",
                 "see-doctor": "see a doctor", "discuss": "discuss with a doctor"}


def join(items) -> str:
    """Items in prose.

    >>> join(["a"]), join(["a", "b"]), join(["a", "b", "c"])
    ('a', 'a and b', 'a, b and c')
    """
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def weighed(order: list[str], evidence: dict[str, list[Statement]], ranking: str) -> list[str]:
    """"The number of *common* culprits it names": the answers the article weighs with the very word asked (its
    ``kgv:common``, "two common culprits are …"), when it weighs any so; otherwise all of them."""
    marked = [x for x in order if any(local(e) == ranking for st in evidence[x] for e in st.emphasis)]
    return marked or order


def emphasis(statements: list[Statement]) -> int:
    """How the article weighs a fact among its peers: 0 (the most common, first line) … 3 (no emphasis)."""
    ranks = [EMPHASIS_RANK.get(local(e), NO_EMPHASIS) for st in statements for e in st.emphasis]
    return min(ranks, default=NO_EMPHASIS)
