"""The facts about one entity, each once, read from the entity's side and sorted the way a reader asks.

A fact is a triple of the facts graph (as the article states it) with its evidence statements; a
fact the reasoner derives that is neither an inverse nor a broader relation of a stated one (a
chain of a transitive relation) is kept too, with the facts it comes from. Each fact is then
*read from the page's entity*: "Dehydration causes Knee muscle spasm" is, on the page of knee
muscle spasm, one of its causes, and the page says that the article states it from the other side.

``summary`` puts the facts a health site leads with into sections in the article's order of
importance (what it is, causes, symptoms, treatments, prevention, warning signs split by
urgency); ``more`` groups the rest by relation. No fact is in both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph

from kg.namespaces import FACTS_GRAPH, KGO
from kg.sparql.registry import registry, run
from kg.store.memo import per_store
from kg.views.evidence import Evidence
from kg.views.ontology import Ontology, select
from kg.views.wording import count, local, lower_first, predicate_words, qualifier_words, urgency_heading

# Relations between claims and what they are about: shown as claims, never as facts.
CLAIM_RELATIONS = frozenset(str(KGO[n]) for n in ("claimAbout", "conflictsWith", "claimKind", "claimedBy"))

# What a reader is told first, in the article's order of importance: (key, title, relation, the side
# the page's entity is on). A fact goes to the first section whose relation it is (or a kind of).
SUMMARY = (
    ("causes", "Causes of {label}", "causes", "object"),
    ("risk-factors", "Risk factors for {label}", "riskFactorFor", "object"),
    ("at-risk", "Who is more at risk of {label}", "atIncreasedRiskOf", "object"),
    ("symptoms", "Symptoms of {label}", "hasSymptom", "subject"),
    ("symptom-of", "What {label} can be a sign of", "hasSymptom", "object"),
    ("diagnosis", "How {label} is diagnosed", "diagnoses", "object"),
    ("treatments", "Treatments for {label}", "treats", "object"),
    ("prevention", "Preventing {label}", "prevents", "object"),
    ("warning-signs", "When to get medical help", "warrantsMedicalAttentionFor", "object"),
    ("can-cause", "What {label} can cause", "causes", "subject"),
    ("treats", "What {label} treats", "treats", "subject"),
    ("prevents", "What {label} helps prevent", "prevents", "subject"),
    ("risk-for", "What {label} is a risk factor for", "riskFactorFor", "subject"),
    ("at-risk-of", "What {label} are more at risk of", "atIncreasedRiskOf", "subject"),
    ("warning-for", "When {label} means getting medical help", "warrantsMedicalAttentionFor", "subject"),
    ("diagnoses", "What {label} helps diagnose", "diagnoses", "subject"),
)
# "What it is": the kinds and parts a reader places a thing by, as (relation, side, words).
WHAT_IT_IS = (
    ("formOf", "subject", "A form of"), ("exampleOf", "subject", "An example of"),
    ("hasForm", "subject", "Its forms"), ("formOf", "object", "Its forms"),
    ("exampleOf", "object", "Examples"), ("affects", "subject", "Affects"),
)
# A kind of a section's relation, said in words on the line ("as a side effect").
KIND_WORDS = {"hasSideEffect": "as a side effect", "exacerbates": "makes it worse"}
OTHER_SIGNS = "Other warning signs"


@dataclass
class Fact:
    """One fact about the page's entity: as stated (subject, relation, object) and as read from the entity."""

    subject: str
    relation: str
    object: str
    evidence: list[Evidence] = field(default_factory=list)
    derived_from: list[tuple[str, str, str]] = field(default_factory=list)  # for facts the reasoner derives
    side: str = "subject"  # where the page's entity is in the stated triple
    neighbour: dict = field(default_factory=dict)
    reading: dict = field(default_factory=dict)  # the relation as read from the entity's side
    stated: str = ""  # "Dehydration causes Knee muscle spasm"
    words: str = ""  # qualifiers in plain words
    first: int = 10 ** 9  # where the article first says it

    @property
    def quotes(self) -> int:
        return len(self.evidence)

    @property
    def derived(self) -> bool:
        return bool(self.derived_from)


def read(store, onto: Ontology, iri: str, evidence: list[Evidence]) -> list[Fact]:
    """Every fact about ``iri`` between entities, each once, with its evidence, read from ``iri``'s side."""
    stated: dict[tuple[str, str, str], Fact] = {}
    for row in select(store, "subject-triples", this=iri):
        _offer(onto, stated, row["g"].value, iri, row["p"].value, row["o"])
    for row in select(store, "object-triples", this=iri):
        if isinstance(row["s"], pyoxigraph.NamedNode):
            _offer(onto, stated, row["g"].value, row["s"].value, row["p"].value, pyoxigraph.NamedNode(iri))
    facts = list(stated.values())
    facts += _derived(store, onto, iri, stated)
    for fact in facts:
        fact.evidence = [ev for ev in evidence if ev.object_is_iri and not ev.negated and _grounds(onto, ev, fact)]
        fact.side = "subject" if fact.subject == iri else "object"
        other = fact.object if fact.side == "subject" else fact.subject
        fact.neighbour = onto.link(other)
        fact.reading = _reading(onto, fact)
        fact.stated = (f"{onto.label(fact.subject)} {predicate_words(onto.properties[fact.relation]['label'])} "
                       f"{lower_first(onto.label(fact.object))}")
        fact.words = qualifier_words(onto, fact.evidence, fact.relation)
        fact.first = min((ev.begin for ev in fact.evidence), default=fact.first)
    return sorted(facts, key=lambda f: (f.first, f.neighbour["label"].lower()))


def _offer(onto: Ontology, stated: dict, graph: str, s: str, p: str, o) -> None:
    if graph != str(FACTS_GRAPH) or not isinstance(o, pyoxigraph.NamedNode) or p in CLAIM_RELATIONS:
        return
    if "ObjectProperty" not in onto.properties.get(p, {}).get("kinds", ()) or not p.startswith(str(KGO)):
        return
    stated.setdefault((s, p, o.value), Fact(s, p, o.value))


def _derived(store, onto: Ontology, iri: str, stated: dict) -> list[Fact]:
    """Facts the reasoner adds that no stated fact says already (not an inverse, not a broader relation)."""
    out = []
    for row in run(store, registry()["neighbourhood"], {"entity": iri}):
        rel, n = row["relation"].value, row["neighbour"].value
        s, o = (iri, n) if row["direction"].value == "out" else (n, iri)
        if rel in CLAIM_RELATIONS or not rel.startswith(str(KGO)) or _said(onto, stated, s, rel, o):
            continue
        inverse = onto.inverse(rel)
        if inverse and _said(onto, stated, o, inverse, s):
            continue
        if any((f.subject, f.relation, f.object) in ((s, rel, o), (o, inverse, s)) for f in out):
            continue
        fact = Fact(s, rel, o, derived_from=_chain(store, stated, s, rel, o))
        if inverse and not fact.derived_from:  # the chain may be stated the other way round
            chain = _chain(store, stated, o, inverse, s)
            fact = Fact(o, inverse, s, derived_from=chain) if chain else fact
        if fact.derived_from:
            out.append(fact)
    return out


def _said(onto: Ontology, stated: dict, s: str, rel: str, o: str) -> bool:
    """Is (s rel o) a stated fact, or implied by one with a more specific relation?"""
    return any(fs == s and fo == o and rel in onto.supers(fp) for fs, fp, fo in stated)


def _chain(store, stated: dict, s: str, rel: str, o: str) -> list[tuple[str, str, str]]:
    """For a transitive relation, the two stated facts (s rel m) and (m rel o) the derivation goes through."""
    for fs, fp, fo in stated:
        if fp != rel:
            continue
        middle = fs if fo == o and fs != s else fo if fs == s and fo != o else None
        if middle is None:
            continue
        first, second = (s, rel, middle), (middle, rel, o)
        other = first if fs == middle else second  # the half this page does not hold
        if bool(select(store, "fact-asserted", s=other[0], p=other[1], o=other[2])):
            return [first, second]
    return []


def _grounds(onto: Ontology, ev: Evidence, fact: Fact) -> bool:
    return onto.supports(ev, fact.subject, fact.relation, fact.object)


def _reading(onto: Ontology, fact: Fact) -> dict:
    """The relation as the entity's page says it: the stated one from the subject, its inverse from the object."""
    if fact.side == "subject":
        return {**onto.link(fact.relation), "turned": False, "incoming": False}
    inverse = onto.inverse(fact.relation)
    if inverse and inverse in onto.properties:
        return {**onto.link(inverse), "turned": True, "incoming": False}
    return {**onto.link(fact.relation), "turned": False, "incoming": True}


def _in(onto: Ontology, fact: Fact, relation: str, side: str) -> str | None:
    """If the fact is a ``relation`` fact with the entity on ``side`` (or a kind of it), the relation it states; else None."""
    rel = str(KGO[relation])
    if rel in onto.supers(fact.relation) and fact.side == side:
        return fact.relation
    inverse = onto.inverse(fact.relation)
    if inverse and rel in onto.supers(inverse) and fact.side != side:
        return inverse
    return None


def line(onto: Ontology, fact: Fact, relation: str | None = None, *, urgency: bool = False,
         also: list[tuple[Fact, str]] = ()) -> dict:
    """One fact as one line: the neighbour, its qualifiers in words, its quotes (folded by the template).

    ``also``: other facts with the same neighbour in the same section (knee spasms are caused by
    certain medications, and are a side effect of them): one line, their quotes together.
    """
    pairs = [(fact, relation), *also]
    evidence = sorted({ev.iri: ev for f, _ in pairs for ev in f.evidence}.values(), key=lambda e: (e.begin, e.iri))
    words = qualifier_words(onto, evidence, fact.relation, urgency=urgency)
    kinds = []
    for f, rel in pairs:
        kind = KIND_WORDS.get(local(rel)) if rel else None
        if kind and kind not in kinds:
            kinds.append(("also " if len(pairs) > 1 else "") + kind)
    return {"neighbour": fact.neighbour, "words": ", ".join(w for w in (words, *kinds) if w),
            "stated": [f.stated for f, _ in pairs], "evidence": evidence,
            "quotes": count(len(evidence), "quote"), "derived": _derivation(onto, fact), "kinds": [],
            "turned": fact.reading["turned"]}


def _lines(onto: Ontology, found: list[tuple[Fact, str]], *, urgency: bool = False) -> list[dict]:
    """One line per neighbour, in the order of the first fact about it."""
    by_neighbour: dict[str, list[tuple[Fact, str]]] = {}
    for fact, rel in found:
        by_neighbour.setdefault(fact.neighbour["iri"], []).append((fact, rel))
    return [line(onto, pairs[0][0], pairs[0][1], urgency=urgency, also=pairs[1:]) for pairs in by_neighbour.values()]


def nest(lines: list[dict], broader: dict[str, set[str]]) -> list[dict]:
    """Put the line of an example or a form under the line of the broader thing when both are in the list.

    >>> lines = [{"neighbour": {"iri": i}} for i in ("stimulants", "caffeine", "dehydration", "amphetamines")]
    >>> out = nest(lines, {"caffeine": {"stimulants"}, "amphetamines": {"stimulants"}})
    >>> [(l["neighbour"]["iri"], [k["neighbour"]["iri"] for k in l["kinds"]]) for l in out]
    [('stimulants', ['caffeine', 'amphetamines']), ('dehydration', [])]
    """
    by_iri = {l["neighbour"]["iri"]: l for l in lines}
    for l in lines:
        l["kinds"] = []
    top = []
    for l in lines:
        parent = next((by_iri[b] for b in sorted(broader.get(l["neighbour"]["iri"], ()))
                       if b in by_iri and b != l["neighbour"]["iri"]), None)
        if parent is not None and not _under(parent, l, by_iri, broader):
            parent["kinds"].append(l)
        else:
            top.append(l)
    place = {id(l): i for i, l in enumerate(lines)}

    def first(l: dict) -> int:  # a broader answer moves up to where its first example stood
        return min([place[id(l)], *(first(k) for k in l["kinds"])])

    return sorted(top, key=first)


def _under(parent: dict, child: dict, by_iri: dict, broader: dict) -> bool:
    """Would putting ``child`` under ``parent`` make a loop (the parent already under the child)?"""
    seen, todo = set(), [parent["neighbour"]["iri"]]
    while todo:
        iri = todo.pop()
        if iri == child["neighbour"]["iri"]:
            return True
        if iri not in seen:
            seen.add(iri)
            todo.extend(b for b in broader.get(iri, ()) if b in by_iri)
    return False


def _read_broader(store) -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    for row in select(store, "broader"):
        table.setdefault(row["narrow"].value, set()).add(row["broad"].value)
    return table


broader = per_store(_read_broader)
broader.__doc__ = """What each entity of ``store`` is an example or a form of (stated facts), read once per store."""


def _derivation(onto: Ontology, fact: Fact) -> str:
    if not fact.derived_from:
        return ""
    (s, p, m), (_, _, o) = fact.derived_from
    rel = onto.properties[p]["label"]
    return (f"Not in the article's words: the reasoner derives it because the article states that "
            f"{onto.label(s)} is a {rel} {onto.label(m)}, which is a {rel} {onto.label(o)} "
            f"(“{rel}” is transitive)." if rel.endswith(" of") else
            f"Not in the article's words: the reasoner derives it from {onto.label(s)} {rel} {onto.label(m)} "
            f"and {onto.label(m)} {rel} {onto.label(o)}.")


def _order(onto: Ontology, fact: Fact) -> tuple:
    emphasis = min((onto.rank(v) if onto.rank(v) != 99 else 50 for ev in fact.evidence
                    for v in ev.values(KGO.emphasis)), default=99)
    return (emphasis, fact.first, fact.neighbour["label"].lower())


def summary(onto: Ontology, label: str, facts: list[Fact], kinds: dict[str, set[str]] | None = None
            ) -> tuple[list[dict], list[dict], set[int]]:
    """The reader's summary: "what it is" rows, the sections, and the ids of the facts they show.

    ``kinds`` (what is an example or a form of what) puts examples under the broader answer.
    """
    kinds = kinds or {}
    used: set[int] = set()
    what = []
    for relation, side, words in WHAT_IT_IS:
        found = [f for f in facts if id(f) not in used and _in(onto, f, relation, side)]
        if found:
            used |= {id(f) for f in found}
            found.sort(key=lambda f: _order(onto, f))
            what.append({"words": words, "lines": _lines(onto, [(f, f.relation) for f in found])})
    sections = []
    for key, title, relation, side in SUMMARY:
        found = [(f, _in(onto, f, relation, side)) for f in facts if id(f) not in used]
        found = [(f, rel) for f, rel in found if rel]
        if not found:
            continue
        used |= {id(f) for f, _ in found}
        found.sort(key=lambda fr: _order(onto, fr[0]))
        section = {"key": key, "title": title.format(label=lower_first(label)),
                   "count": len({f.neighbour["iri"] for f, _ in found}),
                   "quotes": count(sum(f.quotes for f, _ in found), "quote"), "groups": []}
        if relation == "warrantsMedicalAttentionFor" and side == "object":
            section["groups"] = _by_urgency(onto, found, kinds)
        else:
            urgent = relation == "warrantsMedicalAttentionFor"
            section["groups"] = [{"heading": "", "lines": nest(_lines(onto, found, urgency=urgent), kinds)}]
        section["heading"] = f"{section['title']}: {section['count']}"
        sections.append(section)
    return what, sections, used


def _by_urgency(onto: Ontology, found: list[tuple[Fact, str]], kinds: dict[str, set[str]]) -> list[dict]:
    """Warning signs grouped by the most urgent way any quote puts them; the less urgent ways said on the line."""
    groups: dict[tuple, list[dict]] = {}
    for item in _lines(onto, found):
        urgencies = sorted({u for ev in item["evidence"] for u in ev.values(KGO.urgency)}, key=onto.rank)
        heading = urgency_heading(onto, urgencies[0]) if urgencies else OTHER_SIGNS
        if len(urgencies) > 1:
            item["also"] = "elsewhere the article says: " + ", ".join(onto.value_label(u) for u in urgencies[1:])
        groups.setdefault((onto.rank(urgencies[0]) if urgencies else 100, heading), []).append(item)
    return [{"heading": heading, "lines": nest(lines, kinds)} for (_, heading), lines in sorted(groups.items())]


def more(onto: Ontology, label: str, facts: list[Fact], used: set[int]) -> list[dict]:
    """The facts the summary does not show, grouped by relation as read from the entity's side."""
    groups: dict[str, dict] = {}
    for fact in facts:
        if id(fact) in used:
            continue
        reading = fact.reading
        group = groups.setdefault(reading["iri"] + (" in" if reading["incoming"] else ""), {
            "relation": {k: reading[k] for k in ("iri", "label", "curie")}, "incoming": reading["incoming"],
            "turned": reading["turned"], "lines": [],
            "stated_as": onto.properties[fact.relation]["label"]})
        group["lines"].append(line(onto, fact, fact.relation))
    out = sorted(groups.values(), key=lambda g: (g["incoming"], g["relation"]["label"].lower()))
    for g in out:
        g["title_before"], g["title_after"] = ("… ", f" {label}") if g["incoming"] else (f"{label} ", " …")
        g["count"] = len(g["lines"])
        g["explain"] = (f"The article states these from the other side (“… {g['stated_as']} {label}”); "
                        f"this page reads them from {label}'s side." if g["turned"] else "")
    return out
