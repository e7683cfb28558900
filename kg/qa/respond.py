"""List and yes/no answers in words: ordered as the article weighs them, grouped, with their qualifiers and quotes.

Lists come in the article's order of weight (``kgo:emphasis`` first, then where the article
first says each), grouped by urgency for warning signs. A yes quotes the sentence and its
qualifiers ("in high amounts"); "No" only for a negation the article states; otherwise "the
article does not say …", with what it does say about the two.
"""

from __future__ import annotations

from kg.namespaces import KG
from kg.qa import copular, describe, explain, grades, hedges, instead, intake, kinds_unsaid, moment, offered, ranked, severe, universal, usual
from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.closest import quote_index, with_antecedents
from kg.qa.facts import KGV, Statement
from kg.qa.lexicon import local
from kg.qa.querygraph import KGO, RELATED, Edge, Reading
from kg.qa.run import broader, not_always
from kg.qa.text import lemma
from kg.qa.words import URGENCY_ORDER, URGENCY_WORDS, emphasis, join, weighed


def fill(ex: Executor, answer: Answer, r: Reading, result: dict, an: Analysis) -> None:
    kind = r.kind
    if kind in ("list", "count"):
        fill_list(ex, answer, r, result, listed=asks_listed(an) and not r.words)  # "the list of X": one set of a shared
        offered.check(ex, answer, r, an)  # "who gets spasms more, athletes?": is the guess among them
        offered.named_any(answer, r, an)  # "does it name any specific painkillers": yes, with them
    elif kind == "boolean":
        fill_boolean(ex, answer, r, result)
        intake.through_whole(ex, answer, r, an)  # "is magnesium good for knee twitch": through proper nutrition
        copular.check(ex, answer, r, an)  # "is ALS an autoimmune disease": a kind only by exampleOf, not any link
    elif kind == "definition":
        describe.definition(ex, answer, r)
    elif kind == "about":
        explain.about(ex, answer, r, an)
    elif kind in ("serious", "course", "action", "difference"):
        getattr(explain, kind)(ex, answer, r, an)
        if kind == "serious":  # "is it *always* a sign of something serious": the course it states is its "not always"
            universal.serious(ex, answer, r, an)
            universal.unsaid(ex, answer, r, an)  # "is dehydration serious": no course, no warning sign of it given
            usual.normal(ex, answer, r, an) or severe.comes_with(ex, answer)  # "is that normal"; what severe ones bring
    elif kind == "duration":
        describe.duration(ex, answer, r, an)
    elif kind == "mechanism":
        describe.mechanism(ex, answer, r)
    elif kind == "cure":
        describe.cure(ex, answer, r)
    elif kind == "claim":
        describe.claim(ex, answer, r.anchors[0])
    elif kind == "compare":
        describe.compare(ex, answer, r, an)
    # a product's claims are claims, whatever the reading
    for a in r.anchors:
        if kind != "claim" and ex.index.is_a(a, KGO + "Product"):
            describe.claim(ex, answer, a)
    if an.yes_no and an.intent_cues("claim-check") and answer.kind == "describe" and answer.message.startswith(
            "The article does not state it as a fact; it claims"):  # "is it true Medicramp works in 48 hours": it claims so
        answer.kind, answer.boolean = "boolean", True
        answer.message = "Yes, the article claims so — but as a claim, not a fact: " + answer.message[
            len("The article does not state it as a fact; it claims that "):]
    moment.narrow(ex.store, answer, an)  # "what do I do right there and then": the measures for the moment it strikes
    kinds_unsaid.check(ex, answer, r, an)  # "what kind of shoes help": it names no kinds of footwear
    grades.check(ex, answer, r, an)  # "the grades of a hamstring strain", "the stages of ALS": it gives none
    if kind not in ("list", "count"):  # a list's evidence is its facts; elsewhere "This helps …" brings what "this" is
        answer.evidence = with_antecedents(quote_index(ex.store), answer.evidence)


def asks_listed(an: Analysis) -> bool:
    """"The number of common causes *listed*", "which are *in the list*": the article's bulleted list is asked for."""
    words = an.question
    return any(t.surface.lower() == "listed" or (t.lemma == "list" and t.i > 0 and an.tokens[t.i - 1].lemma in
                                                  ("the", "that", "this", "its")) for t in words)


def _one_list(order: list[str], evidence: dict[str, list[Statement]]) -> list[str]:
    """The answers that are items of the article's list holding most of them (all, when no list holds two)."""
    holds: dict[str, list[str]] = {}
    for x in order:
        for lst in {l for st in evidence[x] for l in st.lists}:
            holds.setdefault(lst, []).append(x)
    best = max(holds.values(), key=len, default=[])
    return best if len(best) >= 2 else order


def fill_list(ex: Executor, answer: Answer, r: Reading, result: dict, listed: bool = False) -> None:
    rows = result["rows"]
    asked = r
    if result.get("ran"):  # a relation the reader means nearly alike answered ("a risk factor for" -> "more likely to get")
        r = result["ran"]
    answer.query = ex.query_info(result["sparql"], result["bindings"], result.get("named"))
    anchors = [a for e in r.edges for a in (e.subject, e.object) if not a.startswith("?")]
    if any("?topic" in (e.subject, e.object) for e in r.edges):
        anchors += list(ex.topic)
    anchors += result.get("wider", [])  # the broader condition whose measures were added: its statements are the evidence
    noun = _noun(ex, r)
    rows, singled = ranked.top_rows(ex, r, rows, anchors)  # "the treatment for the most common cause": of it only
    if not rows:
        answer.message = f"The article does not say {_what_not(ex, r)}."
        return
    evidence: dict[str, list[Statement]] = {}
    for x, y in rows:
        found = evidence.setdefault(x, [])
        for n, e in enumerate(r.edges):
            props = ex.family(e.prop).union(*(ex.family(p) for p in (r.union if n == 0 else ())))
            if y is not None and "?y" in (e.subject, e.object):
                other = y if "?x" in (e.subject, e.object) else None
                if other is None:  # the y–anchor edge
                    for a in anchors:
                        found.extend(st for st in ex.between(a, y, props) if st not in found)  # the anchor's statements: read once
                else:
                    found.extend(st for st in ex.between(x, y, props) if st not in found)
            else:
                for a in anchors:
                    found.extend(st for st in ex.between(a, x, props) if st not in found)
        if r.within and not r.outside:  # only what the part says ("in the remedies table"); with no edge, everything it says of x
            inside = [st for st in (found or ex.statements(x)) if st.parts & set(r.within)
                      and (r.within_row is None or r.within_row in (st.subject, st.object))]
            found[:] = inside or found
    order = sorted(evidence, key=lambda x: (emphasis(evidence[x]), min((st.begin for st in evidence[x]), default=10**9),
                                            ex.label(x).lower()))
    in_list = listed and len(_one_list(order, evidence)) < len(order)
    if in_list:
        order = _one_list(order, evidence)
    if r.kind == "count" and r.ranking:  # "how many common culprits": those the article calls common
        order = weighed(order, evidence, r.ranking)
    answer.answered = True
    answer.kind = r.kind
    answer.answers = [ex.entity(x) for x in order]
    answer.count = len(order) if r.kind == "count" else None
    statements = sorted({st.iri: st for x in order for st in evidence[x]}.values(), key=lambda s: (s.begin, s.iri))
    answer.evidence = [ex.evidence_item(st) for st in statements]
    warning = any(e.prop == KGO + "warrantsMedicalAttentionFor" for e in r.edges)
    answer.groups = _groups(ex, order, evidence, by_urgency=warning)
    two_sets = sum("?x" in (e.subject, e.object) for e in r.edges) >= 2  # a kind's examples need not be in both sets
    examples = {} if r.kind == "count" or r.within or two_sets or any(local(e.prop) in ("exampleOf", "hasExample")
                                                                        for e in r.edges) \
        else _examples(ex, order[:MOST_EXAMPLED if r.classes else SHOWN])
    if answer.groups:  # the answers in the order of their groups (the most urgent first)
        grouped = [a["iri"] for g in answer.groups for a in g["answers"]]
        order = grouped + [x for x in order if x not in grouped]
        answer.answers = [ex.entity(x) for x in order]
    examples = {x: [e for e in found if e not in order] for x, found in examples.items()}
    names = [ex.label(x) + (f" (such as {join([ex.name(e) for e in examples[x]])})" if examples.get(x) else "")
             + _where(ex, evidence.get(x, ()), anchors) for x in order]
    shown = ", ".join(names[:SHOWN]) + (f" and {len(names) - SHOWN} more" if len(names) > SHOWN else "")
    few = len(order) <= FEW and all(ex.index.is_a(x, KGO + "Therapy") for x in examples)  # "calming things": techniques
    if examples and (r.classes or few):  # a kind asked for, or few therapies: their examples are answers too
        listed = set(order)
        answer.answers = [item for x in order for item in [ex.entity(x)] + [
            dict(ex.entity(e), example_of=ex.label(x)) for e in examples.get(x, ()) if e not in listed]]
    steps = _steps(ex, order, r) if len(order) <= FEW else {}  # "evaluation by a healthcare professional": what it is
    if steps:  # made of (medical history, tests …) is what the reader will meet, so it is listed after it
        listed = {a["iri"] for a in answer.answers}
        answer.answers = [item for a in answer.answers for item in [a] + [
            dict(ex.entity(p), part_of=a["label"]) for p in steps.get(a["iri"], ()) if p not in listed]]
        names = [n + (f" (including {join([ex.name(p) for p in steps[x]])})" if steps.get(x) else "")
                 for n, x in zip(names, order)]
        shown = ", ".join(names[:SHOWN]) + (f" and {len(names) - SHOWN} more" if len(names) > SHOWN else "")
    broader = " (what the article says of the broader condition or kind)" if result.get("relaxed") else ""
    if noun.startswith("answers to "):  # several edges: the reading says what they are
        words = noun[len("answers to "):]
        answer.message = f"{words[0].upper()}{words[1:]}{broader}: the article names {len(order)} — {shown}."
    else:
        head, _, rest = noun.partition(" ")
        count = f"one {lemma(head)} {rest}".rstrip() if len(order) == 1 else f"{len(order)} {noun}"
        answer.message = f"The article{'’s list' if in_list else ''} names {count}{broader}: {shown}."
    wider = result.get("wider") or []
    if wider and (general := [x for x in order if all(wider[0] in (st.subject, st.object) for st in evidence[x])]):
        answer.message += (f" Of these, it gives {join([ex.name(x) for x in general])} for {ex.name(wider[0])} in general."
                           if len(general) < len(order) else f" The article says this of {ex.name(wider[0])} in general.")
    if r.ranking:
        answer.message += " " + (singled or _ranking_note(ex, order, evidence))
    if asked is not r and r.edges[:1] == [Edge("?x", RELATED, "?y")] and len(r.edges) == len(asked.edges) + 1 >= 3:
        between = join([ex.name(y) for y in dict.fromkeys(y for _, y in rows if y)])  # the intersection's thing between
        answer.message = (f"{_what_not(ex, asked)[:1].upper()}{_what_not(ex, asked)[1:]}: the article says both of "
                          f"what each is linked to ({between}), and names {len(order)} — {shown}.")
    elif asked is not r:
        instead.say(ex, answer, asked, _what_not(ex, asked))  # of another condition: its own details, not given


MOST_EXAMPLED = 40  # answers whose examples are looked up when a kind is asked for (each is one more entity read)
SHOWN = 12  # answers named in the message
FEW = 3  # at most this many answers: the article's examples of each are listed after it ("stress reduction techniques")


def _where(ex: Executor, statements, anchors) -> str:
    """The conditions an answer holds in, when every one of its statements says ("muscle twitching (in autoimmune
    disorders)" for what anti-seizure medications are prescribed for)."""
    statements = list(statements)
    if not statements or not all(st.context for st in statements):
        return ""
    where = [c for st in statements for c in sorted(st.context) if c.startswith(str(KG)) and c not in anchors]
    return f" (in {join([ex.name(c) for c in dict.fromkeys(where)])})" if where else ""


def _examples(ex: Executor, order: list[str], most: int = 6) -> dict[str, list[str]]:
    """The examples the article gives of each answer ("appropriate exercise such as stretching …")."""
    out = {}
    for x in order:
        found = [st.subject for st in ex.statements(x) if st.object == x and local(st.predicate) == "exampleOf"
                 and not st.negated]
        if found:
            out[x] = list(dict.fromkeys(found))[:most]
    return out


def _steps(ex: Executor, order: list[str], r: Reading) -> dict[str, list[str]]:
    """The parts the article gives of each answer of a diagnosis list (``kgo:partOf``: a professional evaluation's
    medical history, visual examination, tests …)."""
    if r.kind != "list" or r.within or not any(local(e.prop) == "diagnoses" for e in r.edges):
        return {}
    out = {}
    for x in order:
        found = [st.subject for st in ex.statements(x) if st.object == x and local(st.predicate) == "partOf"
                 and not st.negated]
        if found:
            out[x] = list(dict.fromkeys(found))
    return out


def _groups(ex: Executor, order: list[str], evidence: dict[str, list[Statement]], by_urgency: bool) -> list[dict]:
    """Answers grouped by urgency (warning signs) or by how the article weighs them, when the graph says."""
    urgency = {x: min((URGENCY_ORDER.index(local(u)) for st in evidence[x] for u in st.urgency
                       if local(u) in URGENCY_ORDER), default=None) for x in order}
    if by_urgency and any(v is not None for v in urgency.values()):
        groups = []
        for n, level in enumerate(URGENCY_ORDER):
            members = [x for x in order if urgency[x] == n]
            if members:
                groups.append({"label": URGENCY_WORDS[level], "answers": [ex.entity(x) for x in members]})
        rest = [x for x in order if urgency[x] is None]
        if rest:
            groups.append({"label": "other signs", "answers": [ex.entity(x) for x in rest]})
        return groups
    emphasised = [x for x in order if emphasis(evidence[x]) < 3]
    if emphasised:
        return [{"label": "what the article names first", "answers": [ex.entity(x) for x in emphasised]},
                {"label": "the rest", "answers": [ex.entity(x) for x in order if x not in emphasised]}]
    return []


def _ranking_note(ex: Executor, order: list[str], evidence: dict[str, list[Statement]]) -> str:
    first = [x for x in order if emphasis(evidence[x]) < 3]
    if first:
        st = min((s for x in first for s in evidence[x] if s.emphasis), key=lambda s: s.begin)
        return f"It singles out {join([ex.name(x) for x in first])}: “{st.quote}”"
    top = order[0]
    st = min(evidence[top], key=lambda s: s.begin, default=None)
    if st is None:
        return "The article does not rank them."
    return f"The article does not rank them; the first it names is {ex.name(top)}: “{st.quote}”"


def _noun(ex: Executor, r: Reading) -> str:
    noun = _plain_noun(ex, r)
    return noun + ", " + r.within_words if r.within_words and not noun.startswith("answers to ") else noun


def _plain_noun(ex: Executor, r: Reading) -> str:
    words = ex.describe(r)
    if len(r.edges) == 1 and not r.union and not r.words:  # several relations, or its own words: the reading says it
        e = r.edges[0]
        rel = ex.schema.relations.get(e.prop)
        topic = " or ".join(ex.name(t) for t in ex.topic)
        if rel:
            if e.subject == "?x":
                return rel.subject_noun.format(o=ex._term(e.object, topic))
            return rel.object_noun.format(s=ex._term(e.subject, topic))
    return "answers to " + words


def _what_not(ex: Executor, r: Reading) -> str:
    words = ex.describe(r)
    return words.replace("how many: ", "how many ")


def fill_boolean(ex: Executor, answer: Answer, r: Reading, result: dict) -> None:
    e = r.edges[0]
    s, o = result["pair"]
    statements = result["statements"]
    answer.query = _ask_query(ex, e, s, o)
    answer.answers = [ex.entity(s), ex.entity(o)]
    answer.evidence = [ex.evidence_item(st) for st in sorted(statements, key=lambda st: st.begin)]
    how = result["how"]
    if how == "negated" and r.universal and all(not_always(st) for st in statements):
        _universal(ex, answer, r, statements, s, o)  # "do they work for everyone": "may not work for everyone"
        return
    if how == "negated":
        st = statements[0]
        answer.answered, answer.kind, answer.boolean = True, "boolean", False
        answer.message = f"No — the article says so: “{st.quote}”"
        return
    if how in ("none", "other"):
        answer.kind = "abstain"
        claim = e.prop if e.prop != RELATED else None
        stated = ex.says(claim, ex.name(s), ex.name(o)) if claim else f"{ex.name(s)} and {ex.name(o)} are linked"
        answer.message = f"The article does not say that {stated}."
        if statements:
            st = statements[0]
            answer.message += (f" It does say that {ex.says(st.predicate if _realised(ex, st.predicate) else _canon(ex, st), *_names(ex, st))}"
                               f": “{st.quote}”")
        elif e.prop != RELATED:  # "are immunosuppressants one of the drugs that cause spasms": what it names them for
            own = sorted((st for st in ex.statements(s) if not st.negated and _names(ex, st)[0] == ex.name(s)
                          and _realised(ex, _canon(ex, st)) and _canon(ex, st) not in ex.family(e.prop)),
                         key=lambda st: (local(_canon(ex, st)) in ("exampleOf", "formOf", "partOf"), st.begin))[:1]
            for st in own:
                answer.message += (f" It names {ex.name(s)} for something else: it says that "
                                   f"{ex.says(_canon(ex, st), *_names(ex, st))}, not that {stated}: “{st.quote}”")
                answer.evidence = [ex.evidence_item(st)]
        return
    if r.universal:
        _universal(ex, answer, r, statements, s, o)
        return
    answer.answered, answer.kind, answer.boolean = True, "boolean", True
    ordered = sorted(statements, key=lambda st: st.begin)
    if how == "cause":  # the remedy's own statement first, then the cause's
        ordered = statements[:1] + sorted(statements[1:], key=lambda st: st.begin)
    st = ordered[0]
    # every way the article qualifies it ("in high amounts" may be on the second quote only)
    qualifiers = list(dict.fromkeys(q for x in (ordered[:1] if how == "cause" else ordered)
                                    for q in x.qualifiers(ex.name)))[:4]
    prop, subj, obj = _canon(ex, st), *_names(ex, st)
    fact = ex.says(prop, subj, obj)
    scope, via = result.get("scope"), result.get("via")
    note = {"broader": f", and {ex.name(o)} is a form of {ex.name(via)}" if via else "",
            "narrower": f", and {ex.name(via)} is a form of {ex.name(o)}" if via else "",
            "kind": f", and {ex.name(s)} is an example of {ex.name(via)}" if via else "",
            "subject-broader": f", and {ex.name(s)} is a form of {ex.name(via)}" if via else "",
            "subject-narrower": f", and {ex.name(via)} is a form of {ex.name(s)}" if via else ""}.get(scope or "", "")
    if how == "path":
        note = f", which is linked to {ex.name(o)}" if st.subject == s else ""
    if how == "cause":  # "do I just need to rest": it treats a cause of the condition
        note = f", and {ex.name(via)} can cause {ex.name(o)}"
    near = how in ("near", "cause") or (e.prop != RELATED and not _same_family(ex, e.prop, st.predicate))
    lead = "Yes, in a way — the article says" if near else "Yes — the article says"
    answer.message = f"{lead} {fact}{' (' + ', '.join(qualifiers) + ')' if qualifiers else ''}{note}: “{st.quote}”"
    more = [x.quote for x in describe.distinct_quotes(ordered) if x.quote != st.quote][:2]
    if more:
        answer.message += " It also says: " + " ".join(f"“{q}”" for q in more)
    if scope in ("kind", "narrower", "broader"):  # "can statins be behind spasms": through its kind (or a form), and
        # what the article says of the two themselves, as it qualifies it (statins: a risk factor)
        own = describe.distinct_quotes([x for x in ex.between(s, o) if not x.negated and x.quote not in answer.message])
        if own:
            x = own[0]
            answer.message += (f" Of {ex.name(s if scope == 'kind' else o)} itself it says "
                               f"{ex.says(_canon(ex, x), *_names(ex, x))}: " + " ".join(f"“{y.quote}”" for y in own[:2]))
            answer.evidence += [ex.evidence_item(y) for y in own[:2]]
    if not near and not qualifiers:
        hedges.keep_hedge(ex, answer, st.subject, st.object, st.predicate, ordered)
    _name_examples(ex, answer, s)
    conflict = describe.contradictions(ex, [s, o])
    if conflict:
        answer.message += " " + conflict


def _name_examples(ex: Executor, answer: Answer, kind: str) -> None:
    """"Otc meds for spasms?": a yes about a kind says which ones the article names (ibuprofen, acetaminophen), and
    lists them, since a reader asking about a kind asks which to look for."""
    named = _examples(ex, [kind]).get(kind, [])
    if named:
        answer.message += f" It names {join([ex.name(x) for x in named])} as examples of {ex.name(kind)}."
        answer.answers += [ex.entity(x) for x in named]


def _universal(ex: Executor, answer: Answer, r: Reading, statements: list[Statement], s: str, o: str) -> None:
    """"Do the remedies work for everyone?", "does X always cause Y?": the article states the fact, but does it say
    *always*? "No" only where the article denies it always holds (a negated fact with modality always: "may not
    work for everyone"), for the two or the kind ``s`` is an example of; otherwise it does not say."""
    ordered = sorted(statements, key=lambda st: st.begin)
    denied = [st for x in [s] + broader(ex, s, "exampleOf") for y in [o] + broader(ex, o, "formOf")
              for st in ex.between(x, y) if st.negated and not_always(st)]
    asked = " ".join(r.universal)
    if denied:
        answer.answered, answer.kind, answer.boolean = True, "boolean", False
        answer.message = f"No — not {asked}: the article says “{denied[0].quote}”"
        answer.evidence = [ex.evidence_item(st) for st in denied[:1]] + [
            e for e in answer.evidence if e["quote"] != denied[0].quote]
        return
    fact = ex.says(_canon(ex, ordered[0]), *_names(ex, ordered[0]))
    answer.kind, answer.boolean = "abstain", None
    quotes = " ".join(f"“{q.quote}”" for q in describe.distinct_quotes(ordered)[:2])
    answer.message = f"The article does not say “{asked}”: it says {fact}: {quotes}"
    wide = [x for y in (s, o) for x in [y] + broader(ex, y, "formOf")] + list(ex.topic)  # the article's twitching
    usual = explain.usual_cause(ex, r, wide, alone=False, shown=answer.message)  # "does twitching always mean ALS": what it usually is
    if usual:
        answer.message += " " + usual


def _realised(ex: Executor, prop: str) -> bool:
    rel = ex.schema.relations.get(prop)
    return bool(rel and rel.realised)


def _canon(ex: Executor, st: Statement) -> str:
    prop, flipped = ex.schema.canonical(st.predicate)
    return prop


def _names(ex: Executor, st: Statement) -> tuple[str, str]:
    prop, flipped = ex.schema.canonical(st.predicate)
    s, o = (st.object, st.subject) if flipped else (st.subject, st.object)
    return ex.name(s), (ex.name(o) if not o.startswith(KGV) else local(o))


def _same_family(ex: Executor, asked: str, found: str) -> bool:
    return found in ex.family(asked)


def _ask_query(ex: Executor, e: Edge, s: str, o: str) -> dict:
    if e.prop == RELATED:
        text = ("PREFIX kgo: <https://w3id.org/kneekg/ontology/>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                "SELECT ?a0 ?a1 ?relation WHERE {\n  ?a0 ?relation ?a1 .\n  ?relation rdfs:subPropertyOf* kgo:relatedTo .\n}\n"
                "ORDER BY ?relation")
    else:
        text = ("PREFIX kgo: <https://w3id.org/kneekg/ontology/>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                f"SELECT ?a0 ?a1 ?relation WHERE {{\n  ?a0 ?relation ?a1 .\n  ?relation rdfs:subPropertyOf* <{e.prop}> .\n}}")
    return ex.query_info(text, {"a0": s, "a1": o})


def also_for_context(ex: Executor, answer: Answer, r: Reading, an: Analysis) -> None:
    """"The muscle goes rock hard and hurts if I touch it, is that just part of a spasm": "that" stands for every
    sensation the story names, not only the last: a yes for one also quotes what the article states, along the same
    relation, for the others of the same kind."""
    if answer.boolean is not True or r.kind != "boolean" or not r.edges:
        return
    used = set(r.anchors)
    other = [a for a in r.anchors if a in {m.iri for m in an.anchors}]  # what the question itself names
    told = [m for m in an.context_mentions if m.iri in used and m.iri not in other]
    if not told or not other:
        return
    kinds = ex.index.types.get(told[0].iri, frozenset())
    stated = {x["relation"] for x in answer.evidence if x.get("relation")}  # the relation the yes was found along
    props = frozenset().union(*(ex.family(p) for p in stated)) if stated else None
    added = []
    for m in an.context_mentions:
        if m.iri in used or not (ex.index.types.get(m.iri, frozenset()) & kinds):
            continue
        used.add(m.iri)
        for o in other:
            found = [st for st in ex.between(m.iri, o, props) if not st.negated and st.quote not in answer.message]
            if found:
                st = min(found, key=lambda x: x.begin)
                added.append(f"Of {ex.name(m.iri)} it says: “{st.quote}”")
                answer.evidence.append(ex.evidence_item(st))
                break
    if added:
        answer.message += " " + " ".join(added)

