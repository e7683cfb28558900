"""What two of the article's sets share: "which nutrients are in both the vitamin deficiency causes and the proper
nutrition remedy", "which drug shows up both in the knee twitching medications and in the risk factors for muscle
spasms", "which minerals does dehydration drain that you're also told to eat".

Each thing named in the asking clause stands for a set of the class asked for (nutrients, drugs): what it is linked to —
along the relation word said beside it ("risk factors *for* muscle spasms", "dehydration *drains*"), else any relation —
directly, or through a deficiency of the thing (a nutrient is in "the vitamin deficiency causes" through its deficiency),
or as one of a list the article states of it in one sentence ("Vitamin deficiencies, particularly vitamins D, B-6,
B-12, magnesium, and calcium": what is said of the deficiency is said of each). A relation word beside no named thing
("in the general risk-factor list") is a set too: whatever stands on that side of the relation. The answer is the
intersection — a query graph of each set's edges on the one answer variable, run as SPARQL with every entity bound —
read first when the question has a word of both-ness (the lexicon's word set ``overlap``: both, also, in common), names
two sets or more and asks for a class, and the intersection is not empty. After a word of difference (the word set
``apart``: but not, not in, not on) a set is taken away instead ("on the risk factor list but not in the list of drugs
that cause knee twitching": ``FILTER NOT EXISTS`` on its edge).
"""

from __future__ import annotations

from kg.qa.analysis import Analysis, Groups, asked_after
from kg.qa.answer import Executor
from kg.qa.lexicon import Lexicon
from kg.qa.querygraph import KGO, RELATED, Edge, Reading

DEFICIENCY_OF = KGO + "deficiencyOf"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SUBJECT, PREDICATE, OBJECT, AT = RDF + "subject", RDF + "predicate", RDF + "object", KGO + "beginIndex"
BESIDE = 2  # words between a relation word and the thing it is said of ("risk factors *for* muscle spasms")
STEP = 2.0  # above the best reading found otherwise


def _asks_overlap(an: Analysis, lex: Lexicon) -> bool:
    lemmas = [t.lemma for t in an.tokens]
    return any(lex.in_set("overlap", lemmas, t.i) for t in an.question)


def _named(an: Analysis) -> list[tuple[int, int, str, str]]:
    """The things the asking clause names (and how each was named), less the class word asked for ("which
    *nutrients*")."""
    classes = {(c.start, c.end) for c in an.class_cues if asked_after(an, c.start)}
    return [(s, e, ms[0].iri, ms[0].kind) for s, e, ms in Groups.of(an.anchors).spans if (s, e) not in classes]


def _beside(an: Analysis, start: int, end: int, used: set[int]) -> list:
    """The relation cue said of the thing at ``start:end``: just before it ("risk factors for X") or just after
    ("dehydration drains")."""
    for c in sorted(an.relation_cues, key=lambda c: c.start):
        if c.start in used:
            continue
        if 0 <= start - c.end <= BESIDE or 0 <= c.start - end <= 0:
            return [c]
    return []


def _props(ex: Executor, cue) -> list[str]:
    out = []
    for ref in cue.entry.references:
        prop, _ = ex.schema.canonical(ref)
        if prop in ex.schema.relations:
            out.append(prop)
    return out


def _patterns(n: int, prop: str, thing: str | None) -> list[list[Edge]]:
    """The ways ``?x`` may belong to the set of ``thing`` along ``prop`` (``thing`` None: whatever it is said of)."""
    other = thing or f"?any{n}"
    d, s1, s2, p, t, b = (f"?{v}{n}" for v in ("d", "s", "z", "p", "t", "b"))
    out = [[Edge("?x", prop, other)], [Edge(other, prop, "?x")]]
    if thing is not None:
        out += [[Edge(d, DEFICIENCY_OF, "?x"), Edge(d, prop, thing)], [Edge(d, DEFICIENCY_OF, "?x"), Edge(thing, prop, d)]]
        out.append([Edge(d, DEFICIENCY_OF, "?x"), Edge(s1, SUBJECT, d), Edge(s1, PREDICATE, p), Edge(s1, OBJECT, t),
                    Edge(s1, AT, b), Edge(s2, SUBJECT, thing), Edge(s2, PREDICATE, p), Edge(s2, OBJECT, t), Edge(s2, AT, b)])
    return out


def _deficiency(ex: Executor, thing: str | None) -> bool:
    """Whether the thing is a kind of deficiency ("deficiencies" for nutrient deficiencies)."""
    return thing is not None and KGO + "NutrientDeficiency" in ex.index.types.get(thing, ())


def _members(ex: Executor, edges: list[Edge], classes: tuple[str, ...]) -> set[str]:
    reading = Reading("list", edges, classes)
    text, bindings = ex.sparql(reading)
    return {row["x"].value for row in ex.run(text, bindings)}


def _set(ex: Executor, n: int, props: list[str], thing: str | None, classes) -> tuple[list[Edge], set[str], str, int]:
    """The edges of the way the set has most members of the class, its members, the set in words and the way."""
    best: tuple[list[Edge], set[str], str, int] = ([], set(), "", -1)
    for prop in props + ([RELATED] if thing is not None and RELATED not in props else []):
        if best[1]:
            break  # the relation said beside it, else any ("the proper nutrition *remedy*": what it is, not how linked)
        for way, edges in enumerate(_patterns(n, prop, thing)):
            found = _members(ex, edges, classes)
            if len(found) > len(best[1]):
                best = (edges, found, _words(ex, way, prop, thing), way)
    return best


def _words(ex: Executor, way: int, prop: str, thing: str | None) -> str:
    """One set in words: "the risk factors for muscle spasm", "those whose deficiency is among the causes of X"."""
    rel = ex.schema.relations[prop]
    name = ex.name(thing) if thing else "any condition"  # "the risk-factor list": of whatever it is said
    if way == 0:
        return "the " + rel.subject_noun.format(o=name)
    if way == 1:
        return "the " + rel.object_noun.format(s=name)
    if way == 2:
        return "those whose deficiency is among the " + rel.subject_noun.format(o=name)
    if way == 3:
        return "those whose deficiency is among the " + rel.object_noun.format(s=name)
    return f"those whose deficiency the article names with {name} in one sentence"


def readings(ex: Executor, found: list[Reading], an: Analysis, lex: Lexicon, classes: tuple[str, ...]) -> list[Reading]:
    """``found`` with, first, the intersection of the sets the question names (less those after a word of difference),
    when it asks what they share or what one has and the other has not."""
    apart = _apart(an, lex)
    if an.yes_no or not classes or not (_asks_overlap(an, lex) or apart is not None):
        return found
    used: set[int] = set()
    sets = []
    for start, end, iri, how in _named(an):
        if any(iri == thing for _, thing, _, _ in sets):
            continue  # named twice ("the nutrition tip tells you to *eat*"): one set
        cues = _beside(an, start, end, used)
        used.update(c.start for c in cues)
        props = [p for c in cues for p in _props(ex, c)] or [RELATED]
        sets.append((props, iri, how, start))
    for c in an.relation_cues:  # "in the general risk-factor list": a relation beside nothing named
        if c.start not in used and c.entry.pos == "noun" and _props(ex, c):
            sets.append((_props(ex, c), None, "", c.start))
    found_sets = []
    for n, (props, thing, how, at) in enumerate(sets):
        more, those, words, way = _set(ex, n, props, thing, classes)
        if those and not (how in ("lay", "search") and way >= 2 and _deficiency(ex, thing)):  # "the *deficiency* causes
            found_sets.append((more, those, words, thing, apart is not None and at > apart))  # list": the members' kind
    kept = [f for f in found_sets if not f[4]]  # a thing with no member of the class ("the *self-care* tip"): where
    less = [f for f in found_sets if f[4]]
    if len(found_sets) < 2 or not kept or (apart is not None and (not less or any(len(f[0]) != 1 for f in less))):
        return found  # one set: no intersection asked; a difference only of sets of one edge each (FILTER NOT EXISTS)
    edges = [e for f in kept for e in f[0]]
    members = set.intersection(*(f[1] for f in kept)) - set().union(*(f[1] for f in less))
    if not members:
        return found
    anchors = tuple(dict.fromkeys(f[3] for f in kept + less if f[3]))
    best = max((r.score for r in found), default=0.0)
    only = " or ".join(ex.schema.class_labels.get(c, c.rsplit("/", 1)[-1]).lower() for c in classes)
    words = "what is among " + " and among ".join(f[2] for f in kept) + "".join(", not among " + f[2] for f in less)
    reading = Reading("list", edges, classes, anchors, best + STEP, ["what the sets the question names share (kg.qa.overlap)"],
                      minus=tuple(f[0][0] for f in less), words=words + f" (only {only})")
    text, bindings = ex.sparql(reading)
    if {row["x"].value for row in ex.run(text, bindings)} != members:
        return found
    return [reading] + found


def unless_sets(ex: Executor, within, an: Analysis, lex: Lexicon, classes: tuple[str, ...]):
    """``within`` (the parts the question names), or None when it names none and what it leaves out is a set of the
    graph this module takes away ("but not in the list of drugs that cause knee twitching": no list of the article's
    is called so, but the drugs that cause knee twitching are a set)."""
    if within is None or within.parts or _apart(an, lex) is None:
        return within
    return None if readings(ex, [], an, lex, classes) else within


def _apart(an: Analysis, lex: Lexicon) -> int | None:
    """Where a word of difference stands in the asking clause ("… *but not* in the list of …"), or None."""
    lemmas = [t.lemma for t in an.tokens]
    return next((t.i for t in an.question if lex.in_set("apart", lemmas, t.i)), None)


__all__ = ["readings", "unless_sets"]
