"""Ground quotes in the article: find each verbatim, and measure coverage of its tables and bullets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz


class QuoteNotFound(ValueError):
    """A quote is not a verbatim substring of the article, or is ambiguous."""


def occurrences(article: str, quote: str) -> list[int]:
    """Return every start offset of ``quote`` in ``article``.

    >>> occurrences("a b a", "a")
    [0, 4]
    """
    found, start = [], article.find(quote)
    while start != -1:
        found.append(start)
        start = article.find(quote, start + 1)
    return found


_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+|\n")


def closest_passage(article: str, quote: str) -> str:
    """Return the article sentence most like ``quote`` (for 'did you mean' in errors).

    >>> closest_passage("One thing. Drink water daily. Rest.", "Drink water every day.")
    'Drink water daily.'
    """
    alignment = fuzz.partial_ratio_alignment(quote, article)
    if alignment is None:
        return ""
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(article):
        sentences.append((start, match.start()))
        start = match.end()
    sentences.append((start, len(article)))
    near = [(b, e) for b, e in sentences if b < alignment.dest_end and e > alignment.dest_start]
    # Windows can straddle sentences: offer the overlapping sentence, or pair, most like the quote.
    spans = near + [(a[0], b[1]) for a, b in zip(near, near[1:])]
    candidates = [article[b:e] for b, e in spans]
    return max(candidates, key=lambda text: fuzz.ratio(quote, text)) if candidates else ""


def locate(article: str, quote: str, occurrence: int | None = None) -> tuple[int, int]:
    """Return ``(begin, end)`` of ``quote`` in ``article``; raise ``QuoteNotFound`` if absent or ambiguous."""
    starts = occurrences(article, quote)
    if not starts:
        raise QuoteNotFound(f"quote not found verbatim in the article: {quote!r}; "
                            f"closest passage: {closest_passage(article, quote)!r}")
    if occurrence is not None:
        if occurrence > len(starts):
            raise QuoteNotFound(f"quote occurs {len(starts)} time(s), not {occurrence}: {quote!r}")
        start = starts[occurrence - 1]
    elif len(starts) > 1:
        raise QuoteNotFound(f"quote is ambiguous, it occurs {len(starts)} times: {quote!r}; "
                            "quote more of the sentence or give 'occurrence: N'")
    else:
        start = starts[0]
    return start, start + len(quote)


@dataclass(frozen=True)
class Unit:
    """A bullet or table row of the article: a unit the facts must cover."""

    kind: str  # "bullet" or "table row"
    line: int  # 1-based line number in the article
    begin: int
    end: int
    text: str


def content_units(article: str) -> list[Unit]:
    """List the article's bullets and table rows (header and ``---`` rule lines excluded)."""
    lines = article.split("\n")
    units, offset = [], 0
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        is_rule = stripped.startswith("---")
        next_is_rule = number < len(lines) and lines[number].strip().startswith("---")
        if stripped.startswith("- "):
            units.append(Unit("bullet", number, offset, offset + len(line), line))
        elif "|" in stripped and not is_rule and not next_is_rule:
            units.append(Unit("table row", number, offset, offset + len(line), line))
        offset += len(line) + 1
    return units


def coverage(article: str, spans: list[tuple[int, int]]) -> list[tuple[Unit, bool]]:
    """Pair every unit with whether some evidence span lies inside it or contains it."""
    result = []
    for unit in content_units(article):
        covered = any((unit.begin <= b and e <= unit.end) or (b <= unit.begin and unit.end <= e)
                      for b, e in spans)
        result.append((unit, covered))
    return result
