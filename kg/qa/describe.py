"""Descriptive answers: what X is, how long it lasts, how X leads to Y, whether it can be cured, claims, comparisons.

Each is read from the statements and descriptions around the entities (kg.qa.facts): a
definition or a duration with its quote; two durations that disagree both quoted and flagged; a
mechanism from the causal fact's statement; "No" for a cure only where the article states the
negation; a claim as a claim; a comparison as what the article does and does not rank.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import SOURCE_ANCHOR, Answer, Executor
from kg.qa.facts import KGV, Description, Statement
from kg.qa.lexicon import local
from kg.qa.querygraph import KGO, Reading
from kg.qa.run import broader
from kg.qa.text import lemmas_of
from kg.qa.words import emphasis, join


def _quote_item(d: Description) -> dict:
    return {"quote": d.quote, "begin": d.begin, "end": d.end,
            "source": SOURCE_ANCHOR.format(begin=d.begin, end=d.end), "relation_label": local(d.what)}


def definition(ex: Executor, answer: Answer, r: Reading) -> None:
    iri = r.anchors[0]
    definitions = [d for d in ex.around.descriptions(iri) if d.kind == "definition"]
    facts = [st for st in ex.statements(iri) if st.subject == iri and not st.negated and st.quote]
    answer.answers = [ex.entity(iri)]
    summary = _summary(ex, iri, facts)
    if definitions:
        d = definitions[0]
        answer.message = f"{ex.label(iri)}: the article describes it as “{d.text}”." + (f" {summary}" if summary else "")
        answer.evidence = [_quote_item(d) for d in definitions if d.quote]
    elif summary:
        answer.message = f"The article gives no definition of {ex.name(iri)}. {summary}"
    else:
        answer.message = f"The article does not say what {ex.name(iri)} is."
        return
    answer.answered, answer.kind = True, "describe"
    answer.evidence += [ex.evidence_item(st) for st in distinct_quotes(facts)[:6]]


def _summary(ex: Executor, iri: str, facts: list[Statement]) -> str:
    """What the article states of an entity, one sentence per relation: "It can cause: …"."""
    by_prop: dict[str, list[str]] = {}
    for st in facts:
        prop, flipped = ex.schema.canonical(st.predicate)
        rel = ex.schema.relations.get(prop)
        if rel is None or not rel.realised or flipped:
            continue
        by_prop.setdefault(prop, [])
        if st.object not in by_prop[prop]:
            by_prop[prop].append(st.object)
    sentences = []
    for prop, objects in list(by_prop.items())[:5]:
        sentences.append(ex.says(prop, ex.label(iri), join([ex.name(o) for o in objects[:6]])) + ".")
    return " ".join(sentences)


def distinct_quotes(statements: list[Statement]) -> list[Statement]:
    """One statement per quote, in the order given."""
    seen, out = set(), []
    for st in statements:
        if st.quote not in seen:
            seen.add(st.quote)
            out.append(st)
    return out


def duration(ex: Executor, answer: Answer, r: Reading, an: Analysis | None = None) -> None:
    """How long it lasts; for a form of something the article gives no duration of its own, the broader
    thing's durations, said as such ("knee muscle spasm is a form of muscle spasm: for that …")."""
    asked = r.anchors[0]
    durations, about = [], asked
    for iri in r.anchors:
        durations += [d for d in ex.around.descriptions(iri) if d.kind == "duration"]
    if not durations:
        for wider in broader(ex, asked, "formOf"):
            durations = [d for d in ex.around.descriptions(wider) if d.kind == "duration"]
            if durations:
                about = wider
                break
    if not durations:
        answer.message = f"The article does not say how long {ex.name(asked)} lasts."
        return
    texts = list(dict.fromkeys(d.text for d in durations))
    answer.answered, answer.kind = True, "describe"
    answer.answers = [ex.entity(about)]
    answer.evidence = [_quote_item(d) for d in durations if d.quote]
    lead = "" if about == asked else (f"The article gives no duration for {ex.name(asked)} itself; it is a form of "
                                      f"{ex.name(about)}, and for that it ")
    if len(texts) > 1:
        said = "gives durations that do not agree: " + " and ".join(f"“{t}”" for t in texts) + " — both are quoted below."
        answer.message = (lead + said) if lead else "The article " + said
    else:
        answer.message = (lead + f"says it lasts “{texts[0]}”.") if lead else \
            f"The article says {ex.name(asked)} lasts “{texts[0]}”."
    if an is not None and an.yes_no:
        counted = [t for t, u in zip(an.question, an.question[1:]) if u.lemma in TIME_UNITS and _number(t.lemma)]
        if counted:  # "can a spasm last 48 hours": the article's "several hours" states no such number
            answer.message = "The article gives no figure like that, only these words. " + answer.message
            return
        _duration_asked(answer, texts, {t.lemma for t in an.question} & TIME_UNITS)


TIME_UNITS = frozenset("second minute hour day week month year".split())
NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
                         "hundred dozen".split())


def _number(word: str) -> bool:
    """A count said before a unit of time ("48", "three", "24-hour"): a number the article never gives."""
    return word.split("-")[0].isdigit() or word in NUMBER_WORDS


def _duration_asked(answer: Answer, texts: list[str], units: set[str]) -> None:
    """"Can a spasm last for hours?": yes where a duration the article gives reaches that unit ("a few minutes to
    several hours"), said with its words; a unit it never gives is not a no — it does not say.

    >>> a = Answer(question="q", message="It lasts.")
    >>> _duration_asked(a, ["a few seconds to several minutes", "a few minutes to several hours"], {"hour"})
    >>> a.boolean, a.message.startswith("Yes, it can — the article says “a few minutes to several hours”")
    (True, True)
    """
    if not units:
        return
    said = [t for t in texts if units & set(lemmas_of(t))]
    if said:
        answer.boolean, answer.kind = True, "boolean"
        answer.message = f"Yes, it can — the article says “{said[0]}”. " + answer.message
    else:
        answer.message = "The article does not say it lasts that long or that short. " + answer.message


def mechanism(ex: Executor, answer: Answer, r: Reading) -> None:
    """How ``a`` leads to ``b``: the facts between them (their kinds and forms included) and, when those carry no
    mechanism, the facts one step between; the mechanism phrases first, every quote below."""
    a, b = r.anchors[:2]
    targets = [b] + broader(ex, b, "formOf") + broader(ex, b, "formOf", down=True)
    found: list[Statement] = []
    stepped = False  # a fact one step between: what a does that bears on b, an account of how
    for s in [a] + broader(ex, a, "exampleOf") + broader(ex, a, "exampleOf", down=True):
        for o in targets:
            found += [st for st in ex.between(s, o) if not st.negated and st not in found]
    direct = {st.quote for st in found}
    if not any(st.mechanism for st in found):  # one step between: what a does, that bears on b
        for st in ex.statements(a):
            m = st.object if st.subject == a else st.subject
            if m in targets or m.startswith(KGV) or st.negated:
                continue
            second = [x for o in targets for x in ex.between(m, o) if not x.negated]
            if second:
                found += [x for x in [st] + second if x not in found]
                stepped = stepped or any(x.quote not in direct for x in second)  # not the link said again ("Age – …")
    if not found:
        answer.message = f"The article does not say how {ex.name(a)} can lead to {ex.name(b)}."
        return
    answer.answered, answer.kind = True, "describe"
    answer.answers = [ex.entity(a), ex.entity(b)]
    with_mechanism = [st for st in found if st.mechanism]
    statements = distinct_quotes(with_mechanism) + [st for st in distinct_quotes(found) if not st.mechanism]
    statements = distinct_quotes(statements)
    answer.evidence = [ex.evidence_item(st) for st in statements]
    mechanisms = list(dict.fromkeys(m for st in with_mechanism for m in sorted(st.mechanism)))
    quotes = " ".join(f"“{st.quote}”" for st in statements[:3])
    if mechanisms:
        answer.message = (f"How {ex.name(a)} can lead to {ex.name(b)}, in the article's words: "
                          + "; ".join(f"“{m}”" for m in mechanisms[:3]) + f". It says: {quotes}")
    elif stepped or not ex.index.is_a(a, KGO + "PopulationGroup"):
        answer.message = f"The article links {ex.name(a)} and {ex.name(b)} like this: {quotes}"
    else:  # "why are older adults more prone to them": a group's link stated, no reason given (pregnancy's is stepped)
        answer.message = (f"The article does not say why or how: it only links {ex.name(a)} and {ex.name(b)}, "
                          f"like this: {quotes}")


def cure(ex: Executor, answer: Answer, r: Reading) -> None:
    iri = r.anchors[0]
    cure = KGO + "hasCure"
    statements = [st for st in ex.statements(iri) if st.predicate == cure and st.subject == iri]
    negated = [st for st in statements if st.negated]
    answer.answers = [ex.entity(iri)]
    if negated:
        answer.answered, answer.kind, answer.boolean = True, "boolean", False
        answer.message = f"No — the article says {ex.name(iri)} has no cure: “{negated[0].quote}”"
        answer.evidence = [ex.evidence_item(st) for st in negated]
        return
    if statements:
        answer.answered, answer.kind, answer.boolean = True, "boolean", True
        answer.message = f"Yes — the article says {ex.name(iri)} can be cured: “{statements[0].quote}”"
        answer.evidence = [ex.evidence_item(st) for st in statements]
        return
    treatments = [st for st in ex.statements(iri) if st.object == iri and st.predicate == KGO + "treats"]
    answer.message = f"The article does not say whether {ex.name(iri)} can be cured."
    if treatments:
        names = list(dict.fromkeys(ex.name(st.subject) for st in treatments))
        answer.message += f" It names treatments for it: {join(names)}."
        answer.evidence = [ex.evidence_item(st) for st in distinct_quotes(treatments)]


def claim(ex: Executor, answer: Answer, iri: str) -> None:
    claims = [d for d in ex.around.descriptions(iri) if d.claim]
    if not claims:
        if not answer.message:
            answer.message = f"The article says nothing about {ex.name(iri)} beyond naming it."
        return
    kinds = {local(d.claim_kind) for d in claims if d.claim_kind}
    text = claims[0].text.rstrip(".")
    what = ("a promotional claim, not an established treatment" if "promotional" in kinds or ex.index.is_a(iri, KGO + "Product")
            else "a claim the article makes, not an established fact")
    quotes = list(dict.fromkeys(d.quote for d in claims if d.quote))
    answer.answered = True
    answer.kind = "describe"
    answer.boolean = None
    answer.answers = [ex.entity(iri)]
    answer.message = (f"The article does not state it as a fact; it claims that {text[0].lower() + text[1:]} — {what}."
                      + (f" It says: “{quotes[0]}”" if quotes else ""))
    answer.evidence = [_quote_item(d) for d in claims if d.quote]


def compare(ex: Executor, answer: Answer, r: Reading, an: Analysis) -> None:
    a, b = r.anchors[:2]
    rest = r.anchors[2:]
    props = ex.family(r.edges[0].prop) if r.edges else None
    found: dict[str, list[Statement]] = {a: [], b: []}
    for item in (a, b):
        for t in rest:
            found[item] += [st for st in ex.between(item, t, props) if not st.negated]
        for wider in ([] if found[item] else _headed(ex, item)):  # "fatigue or ALS" for a spasm: muscle fatigue
            found[item] += [st for t in rest for st in ex.between(wider, t, props) if not st.negated]
        if not found[item]:
            found[item] = [st for st in ex.statements(item) if not st.negated and st.quote][:2]
    ranked = {x: emphasis(v) for x, v in found.items()}
    answer.answers = [ex.entity(a), ex.entity(b)]
    answer.evidence = [ex.evidence_item(st) for st in distinct_quotes(found[a] + found[b])]
    if a == b:
        answer.message = (f"The article does not say which is better: it names {ex.name(a)} as one option "
                          f"and does not compare its forms.")
        return
    if ranked[a] != ranked[b]:
        top = a if ranked[a] < ranked[b] else b
        st = next(s for s in found[top] if s.emphasis)
        answer.answered, answer.kind = True, "describe"
        said = st.subject if st.subject in _headed(ex, top) else top  # "fatigue": the muscle fatigue it names
        answer.message = f"The article puts {ex.name(said)} first: “{st.quote}”"
        return
    answer.message = (f"The article does not say which of {ex.name(a)} and {ex.name(b)} is better or more common; "
                      f"it says this of each (quoted below).")
    usual = _usual_cause(ex, (a, b), rest)  # "overtraining or something serious like ALS": what it calls usual
    if usual:
        answer.message += (f" Of {ex.name(usual[0].object)} it says what is usual: "
                           + " ".join(f"“{q}”" for q in dict.fromkeys(st.quote for st in usual)))
        answer.evidence = [ex.evidence_item(st) for st in usual] + answer.evidence


def _usual_cause(ex: Executor, items, rest) -> list[Statement]:
    """When two causes of a condition are compared and the article ranks neither, the causes it does call usual for
    that condition ("Muscle spasms in the knee are often a result of muscle fatigue or strain"): its own weighing."""
    causes = KGO + "causes"
    for t in rest:
        if not any(st.predicate == causes and st.object == t for x in items for st in ex.between(x, t)):
            continue
        common = [st for st in ex.statements(t) if st.predicate == causes and st.object == t and not st.negated
                  and emphasis([st]) < 3]
        if common:
            first = min(common, key=lambda st: (emphasis([st]), st.begin))
            return [st for st in common if st.quote == first.quote]
    return []


def _headed(ex: Executor, iri: str) -> list[str]:
    """The things whose own name ends in ``iri``'s name ("muscle fatigue" for fatigue): a compared option the article
    does not link to what it is compared for may be said for short of one of them."""
    own = {n.lower() for kind, n in ex.index.names.get(iri, ()) if kind in ("pref", "alt")}
    return [x for x, names in ex.index.names.items() if x != iri and any(
        kind in ("pref", "alt") and any(n.lower().endswith(" " + o) for o in own) for kind, n in names)]


def about(ex: Executor, answer: Answer, iri: str) -> None:
    definition(ex, answer, Reading("about", anchors=(iri,)))


def contradictions(ex: Executor, iris) -> str:
    """Where the article contradicts itself about all of ``iris`` (claims of kind contradictory, kgo:conflictsWith):
    both sides, each with its quote — never one side alone."""
    iris = [i for i in iris if i]
    if not iris:
        return ""
    claims: dict[str, list[Description]] = {}
    for iri in iris:
        for d in ex.around.descriptions(iri):
            if d.claim and d.claim_kind and local(d.claim_kind) == "contradictory":
                claims.setdefault(d.claim, []).append(d)
    about_all = {c for c in claims if all(any(d.claim == c for d in ex.around.descriptions(i)) for i in iris)}
    sides, seen = [], set()
    for c in sorted(about_all):
        first = claims[c][0]
        if c in seen:
            continue
        other = next((claims[d.conflicts][0] for d in claims[c] if d.conflicts in claims), None)
        seen |= {c} | ({other.claim} if other else set())
        if other is None:
            continue
        sides.append(f"“{first.text.rstrip('.')}” (“{first.quote}”) but also “{other.text.rstrip('.')}” (“{other.quote}”)")
    return ("The article is not consistent here: it says " + "; and ".join(sides[:2]) + ".") if sides else ""
