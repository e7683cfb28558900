"""A count names each thing once: "how many medications (not counting stimulants) does the medications section name".

Two rules on the rows of a count reading, before they are worded:

- a thing left out ("not counting stimulants", "other than stimulants") is left out with the things the article gives
  as its examples (caffeine and amphetamines are stimulants: not counted either);
- in a count of things of a kind that leaves a kind out ("how many medications, not counting stimulants"), the
  reader counts the things named one by one: a general the article gives examples of is not counted beside its own
  examples in the same answer ("Medications that can cause muscle spasms" beside
  diuretics, corticosteroids and estrogen: three medications, not four) — the examples are the drugs the article
  names, the general is what they are examples of. A count of a relation's answers with no kind asked ("how many
  common culprits") keeps every row (which of them the article singles out is decided after), and so does a count
  of a kind with nothing left out ("how many drugs are listed under Risk Factors": "Certain medications, such as
  diuretics or statins" is counted as the list gives it, kg.qa.items).

A list keeps every row (it says which is an example of which elsewhere); only a count is changed.
"""

from __future__ import annotations

from kg.qa.in_sentence import examples_of
from kg.qa.querygraph import Reading


def once_each(store, r: Reading, result: dict) -> dict:
    """``result`` with the rows of a count reading counted once each (unchanged for any other reading)."""
    rows = result.get("rows")
    if r.kind != "count" or not rows:
        return result
    examples = examples_of(store)
    gone = {x for g in r.excluding for x in examples.get(g, ())}
    kept = [row for row in rows if row[0] not in gone]
    if r.classes and r.excluding:  # "how many drugs, not counting stimulants": the named ones, a general no drug more
        things = {x for x, _ in kept}
        kept = [row for row in kept if not (examples.get(row[0], frozenset()) & things)]
    if not kept or len(kept) == len(rows):
        return result
    return {**result, "rows": kept}


__all__ = ["once_each"]
