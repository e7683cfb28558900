"""What the article merely claims, and what it does not settle: claims and their contradictions.

A claim (``kgo:Claim``) is never a fact: it says whose it is (``kgo:claimedBy``), what it is about
(``kgo:claimAbout``) and its kind (promotional, or one side of a contradiction). Sides that
``kgo:conflictsWith`` each other form one *contradiction* (two sides, or three for the urgency of
the same warning signs); every side keeps its own quotes and the graph settles none. The entity
pages, the ``/unsettled`` page and ``kneekg contradictions`` all read them from here.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from kg.store.memo import per_store
from kg.views import evidence as evidence_of
from kg.views.ontology import Ontology, ontology, select
from kg.views.wording import count, join, local, lower_first

CONTRADICTORY = "contradictory"


@dataclass
class Claim:
    """One claim: its text, kind, who makes it, what it is about, the claims it conflicts with."""

    iri: str
    text: str
    kind: str = ""  # local name: promotional, contradictory
    claimed_by: str = ""  # the label of whoever makes it
    about: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    note: str = ""


def _read(store) -> dict[str, Claim]:
    claims: dict[str, Claim] = {}
    for row in select(store, "claims"):
        iri = row["claim"].value
        claim = claims.setdefault(iri, Claim(iri, row["text"].value))
        if row["kind"] is not None:
            claim.kind = local(row["kind"].value)
        if row["claimedByLabel"] is not None:
            claim.claimed_by = row["claimedByLabel"].value
        if row["note"] is not None:
            claim.note = row["note"].value
        for var, values in (("about", claim.about), ("conflictsWith", claim.conflicts)):
            if row[var] is not None and row[var].value not in values:
                values.append(row[var].value)
    return claims


claims = per_store(_read)
claims.__doc__ = """Every claim of ``store`` by IRI, read once per store."""


def contradictions(table: dict[str, Claim]) -> list[list[Claim]]:
    """The contradictions: groups of claims linked by ``conflictsWith``, each sorted by text, in a stable order.

    >>> a, b, c = Claim("a", "A", conflicts=["b"]), Claim("b", "B", conflicts=["a", "c"]), Claim("c", "C", conflicts=["b"])
    >>> [[x.iri for x in g] for g in contradictions({"a": a, "b": b, "c": c, "d": Claim("d", "D")})]
    [['a', 'b', 'c']]
    """
    seen: set[str] = set()
    groups = []
    for iri in sorted(table):
        if iri in seen or not table[iri].conflicts:
            continue
        group, todo = [], [iri]
        while todo:
            current = todo.pop()
            if current in seen or current not in table:
                continue
            seen.add(current)
            group.append(table[current])
            todo.extend(table[current].conflicts)
        groups.append(sorted(group, key=lambda c: (c.text.lower(), c.iri)))
    return sorted(groups, key=lambda g: (sorted({a for c in g for a in c.about}), g[0].text.lower()))


def side(store, onto: Ontology, claim: Claim) -> dict:
    """One claim as a page shows it: its text, whose it is, what it is about, its quotes (the claim's own)."""
    quotes = [ev for ev in evidence_of.read(store, onto, claim.iri) if ev.subject == claim.iri]
    unique = {}
    for ev in quotes:  # a claim about two entities has one statement per entity and quote
        unique.setdefault((ev.begin, ev.end), ev)
    quotes = list(unique.values())
    return {"iri": claim.iri, "text": claim.text, "kind": claim.kind, "claimed_by": claim.claimed_by or "the article",
            "about": [onto.link(a) for a in claim.about], "note": claim.note, "evidence": quotes,
            "quotes": count(len(quotes), "quote")}


def contradiction(store, onto: Ontology, group: list[Claim]) -> dict:
    """One thing the article does not settle: what it is about and every side with its quotes."""
    about = sorted({a for c in group for a in c.about}, key=onto.sort_key)
    labels = [onto.label(a) for a in about]
    return {"about": [onto.link(a) for a in about],
            "title": (labels[0] if labels else "") + (": " + join(lower_first(x) for x in labels[1:]) if len(labels) > 1 else ""),
            "sides": [side(store, onto, c) for c in group], "note": next((c.note for c in group if c.note), ""),
            "anchor": "c-" + local(group[0].iri)}


def unsettled(store) -> list[dict]:
    """Every contradiction of the graph with both (all) sides and their quotes (the ``/unsettled`` page)."""
    onto = ontology(store)
    return [contradiction(store, onto, g) for g in contradictions(claims(store))]


def page(store) -> dict:
    """The ``/unsettled`` page: every contradiction, then the claims that are not (promotions)."""
    onto = ontology(store)
    table = claims(store)
    others = [side(store, onto, c) for c in sorted(table.values(), key=lambda c: c.text.lower()) if not c.conflicts]
    found = unsettled(store)
    pairs = sum(len(c.conflicts) for c in table.values()) // 2
    return {"contradictions": found, "claims": others, "count": count(len(found), "thing", "things"),
            "pairs": count(pairs, "pair")}


def as_text(model: dict, width: int = 100) -> str:
    """The ``/unsettled`` page as plain text for a terminal (``kneekg contradictions``): every side, every quote.

    A quote that is a table row is printed as a row under its column headers, never as a sentence.
    """
    out = [f"What the article does not settle: {model['count']} ({model['pairs']} of conflicting sides).",
           "Each side is a claim of the article's publisher; the knowledge graph settles none of them.", ""]
    for n, c in enumerate(model["contradictions"], 1):
        out += _wrap(f"{n}. About " + join(a["label"] for a in c["about"]), "", "   ", width)
        for sd in c["sides"]:
            out += _wrap(f"- {sd['text']} ({sd['quotes']})", "   ", "     ", width)
            for ev in sd["evidence"]:
                out += _quote_lines(ev, width)
        if c["note"]:
            out += _wrap(f"Note: {c['note']}", "   ", "   ", width)
        out.append("")
    if model["claims"]:
        out.append("What the article merely claims (claims, not facts):")
        for c in model["claims"]:
            out += _wrap(f"- {c['text']} ({c['kind']}, claimed by {lower_first(c['claimed_by'])}; {c['quotes']})",
                         "   ", "     ", width)
            for ev in c["evidence"]:
                out += _quote_lines(ev, width)
    return "\n".join(out).rstrip() + "\n"


def _wrap(text: str, first: str, rest: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, initial_indent=first, subsequent_indent=rest, break_long_words=False)


def _quote_lines(ev, width: int) -> list[str]:
    where = f"{ev.kind_label} in “{ev.section}”" if ev.section else ev.kind_label
    indent = " " * 7
    if ev.row:
        cells = indent + " " * len("table row: ")
        lines = _wrap("table row: " + " | ".join(c["header"] for c in ev.row), indent, cells, width)
        lines += _wrap(" | ".join(c["before"] + c["quoted"] + c["after"] for c in ev.row), cells, cells, width)
    else:
        lines = _wrap(ev.shown, indent, indent + " ", width)
    return lines + _wrap(f"({where}, characters {ev.begin}–{ev.end})", indent + "  ", indent + "  ", width)


def about(store, onto: Ontology, iri: str) -> dict:
    """The claims about one entity: those that are not contradictions, and the contradictions it is part of."""
    table = claims(store)
    own = [c for c in table.values() if iri in c.about]
    plain = [side(store, onto, c) for c in sorted(own, key=lambda c: c.text.lower()) if not c.conflicts]
    groups = [g for g in contradictions(table) if any(iri in c.about or c.iri == iri for c in g)]
    return {"claims": plain, "contradictions": [contradiction(store, onto, g) for g in groups]}


def claim_page(store, onto: Ontology, iri: str) -> dict | None:
    """For a claim's own page: the claim, and the other sides of its contradiction."""
    table = claims(store)
    claim = table.get(iri)
    if claim is None:
        return None
    group = next((g for g in contradictions(table) if any(c.iri == iri for c in g)), [])
    return {"claim": side(store, onto, claim),
            "others": [side(store, onto, c) for c in group if c.iri != iri]}
