"""Answer plain-English questions about the article from the graph, and show how they were read.

1. ``normalise`` the input and refuse what is not a question (the web answers 400);
2. ``analyse`` it (kg.qa.parse): tokens and lemmas, the asking clause and the context before it,
   entity mentions (kg.qa.linking), the lexicon's relation, class and question words;
3. decline what the article cannot answer whatever is named: doses and amounts, personal
   advice, SPARQL pasted into the box, and questions about things the article never mentions
   (named: "the article does not mention zinc");
4. build candidate readings (query graphs) and rank them (kg.qa.parse); run the best as SPARQL
   with the entities bound as terms (kg.qa.answer) — trying the next when a close second has an
   answer and the best has none — and word the answer honestly: the reading first ("I read this
   as: …"), up to three other readings as questions to ask instead, the qualifiers and quotes of
   the facts, "No" only for a negation the article states, claims as claims;
5. with no reading at all, the article's closest statements (BM25 over the quotes), never as an answer.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from kg.qa.answer import (EMPHASIS_RANK, KGV, URGENCY_ORDER, URGENCY_WORDS, Answer, Executor, Statement,
                          executor, statements_of)
from kg.qa.closest import quote_index
from kg.qa.lexicon import internal_query, lexicon, local, schema
from kg.qa.linking import label_index
from kg.qa.parse import KGO, RELATED, Analysis, Edge, Reading, analyse, reader
from kg.qa.text import normalise_text

MAX_QUESTION_CHARS = 500
MARGIN = 2.5  # a reading this close to the best that has an answer is preferred to an empty best
_SPARQL = re.compile(r"[{}]|<\s*(?:https?|urn):|\b(?:select|construct|describe|ask)\b.*\bwhere\b|\bprefix\s+\w*:"
                     r"|\binsert\b.*\bdata\b|\bdrop\s+graph\b", re.IGNORECASE)


class BadQuestion(ValueError):
    """The input is not a question we can read (empty, too long, binary); the web answers 400."""


def normalise(question) -> str:
    """Check the raw input and return it trimmed; raise ``BadQuestion`` for what is not a question."""
    if isinstance(question, bytes):
        try:
            question = question.decode("utf-8")
        except UnicodeDecodeError:
            raise BadQuestion("the question is not UTF-8 text") from None
    if not isinstance(question, str):
        raise BadQuestion("the question must be text")
    question = question.strip()
    if not question:
        raise BadQuestion("the question is empty")
    if len(question) > MAX_QUESTION_CHARS:
        raise BadQuestion(f"question too long ({len(question)} characters, at most {MAX_QUESTION_CHARS})")
    if any(ord(c) < 32 and c not in "\t\n\r" for c in question):
        raise BadQuestion("the question contains control characters (binary input?)")
    return question


def ask(store, question) -> Answer:
    """Answer ``question`` from ``store``; raise ``BadQuestion`` for unreadable input."""
    raw = normalise(question)
    answer = Answer(question=raw)
    if _SPARQL.search(raw):
        answer.declined = "sparql"
        answer.message = ("The article does not say: this box takes questions in plain English. "
                          "Use the query editor (/query) to run SPARQL.")
        return answer
    index, lex, sch = label_index(store), lexicon(store), schema(store)
    read = reader(store, index, lex, sch)
    ex = executor(store, index, sch, read.topic)
    an = analyse(raw, index, lex)
    answer.entities = [m.to_dict() for m in an.mentions]
    answer.corrections = {an.tokens[i].surface: w for i, w in an.corrections.items()}
    answer.context = " ".join(t.surface for t in an.context)
    answer.unknown = list(an.unknown)
    if not any(not t.is_punct for t in an.tokens):
        answer.message = "The article does not say: the question has no words I can read."
        return answer
    if an.intent_cues("dose"):
        answer.declined = "dose"
        answer.message = ("The article gives no doses or amounts, so it cannot say how much to take or how often. "
                          "Follow the product's directions or ask a pharmacist or doctor.")
        return answer
    if an.intent_cues("advice") and not _warning(an):
        answer.declined = "advice"
        answer.message = ("The article does not say: it gives general information, not personal medical advice. "
                          "Please ask your doctor or pharmacist.")
        return answer
    readings = read.readings(an)
    blocked = _unknown_blocks(an, index)
    if blocked:
        answer.declined = "unknown"
        answer.message = f"The article does not mention {_join(blocked)}."
        if an.anchors:
            answer.message += " It does mention " + _join(dict.fromkeys(m.label for m in an.anchors)) + "."
        answer.closest = quote_index(store).closest(raw)
        answer.alternatives = [_alternative(ex, r) for r in readings[:3]]
        return answer
    if not readings:
        answer.message = ("I could not read this as a question the article answers"
                          + (f": it does not mention {_join(an.unknown)}." if an.unknown else "."))
        answer.closest = quote_index(store).closest(raw)
        return answer
    chosen, result = _choose(ex, readings, an)
    answer.reading = "I read this as: " + ex.describe(chosen) + _linked_note(an, chosen)
    answer.debug = {"score": chosen.score, "why": chosen.why}
    _fill(ex, answer, chosen, result, an)
    _lay_words(ex, answer, an, chosen)
    answer.alternatives = [_alternative(ex, r) for r in _others(ex, readings, chosen)]
    if not answer.answered and not answer.evidence:
        answer.closest = quote_index(store).closest(raw)
    return answer


# --- choosing ---------------------------------------------------------------------------------

def _choose(ex: Executor, readings: list[Reading], an: Analysis):
    """The best reading, unless it has no answer and one close behind does."""
    best = readings[0]
    result = _execute(ex, best)
    if result.get("empty"):
        for other in readings[1:4]:
            if best.score - other.score > MARGIN:
                break
            if other.kind != best.kind and not (best.kind in ("list", "count") and other.kind in ("list", "count")):
                continue
            trial = _execute(ex, other)
            if not trial.get("empty"):
                return other, trial
    return best, result


def _others(ex: Executor, readings: list[Reading], chosen: Reading) -> list[Reading]:
    seen = {ex.describe(chosen)}
    out = []
    for r in readings:
        words = ex.describe(r)
        if r is chosen or words in seen:
            continue
        seen.add(words)
        out.append(r)
        if len(out) == 3:
            break
    return out


def _alternative(ex: Executor, reading: Reading) -> dict:
    words = ex.describe(reading)
    question = words[0].upper() + words[1:] + "?"
    return {"kind": "question", "reading": words, "text": question, "question": question,
            "url": "/ask?" + urlencode({"q": question})}


# --- running a reading ------------------------------------------------------------------------

def _execute(ex: Executor, r: Reading) -> dict:
    if r.kind in ("list", "count"):
        return _run_list(ex, r)
    if r.kind == "boolean":
        return _run_boolean(ex, r)
    return {"empty": False}


def _run_list(ex: Executor, r: Reading) -> dict:
    text, bindings = ex.sparql(r)
    rows = [(row["x"].value, row["y"].value if "?y" in text.split("WHERE")[0] and row["y"] is not None else None)
            for row in ex.run(text, bindings)]
    relaxed = False
    if not rows and any(not e.object.startswith("?") or not e.subject.startswith("?") for e in r.edges) \
            and (len(r.edges) > 1 or r.ranking):
        text2, bindings2 = ex.sparql(r, relaxed=True)
        rows = [(row["x"].value, None) for row in ex.run(text2, bindings2)]
        if rows:
            text, bindings, relaxed = text2, bindings2, True
    return {"empty": not rows, "rows": rows, "sparql": text, "bindings": bindings, "relaxed": relaxed}


def _run_boolean(ex: Executor, r: Reading) -> dict:
    e = r.edges[0]
    pairs = [(e.subject, e.object)]
    if "?topic" in (e.subject, e.object):
        pairs = [(t if e.subject == "?topic" else e.subject, t if e.object == "?topic" else e.object) for t in ex.topic]
    props = ex.family(e.prop) if e.prop != RELATED else None
    for s, o in pairs:
        negated = [st for st in ex.between(s, o, props) if st.negated]
        if negated:
            return {"empty": False, "verdict": False, "statements": negated, "pair": (s, o), "how": "negated"}
    for s, o in pairs:
        found = [st for st in ex.between(s, o, props) if not st.negated]
        if found:
            return {"empty": False, "verdict": True, "statements": found, "pair": (s, o), "how": "direct"}
    # broader: the article states it for a broader condition, or for the kind of thing the subject is an example of
    for s, o in pairs:
        for broader in _broader(ex, o, "formOf"):
            found = [st for st in ex.between(s, broader, props) if not st.negated]
            if found:
                return {"empty": False, "verdict": True, "statements": found, "pair": (s, o), "how": "broader",
                        "via": broader}
        for kind in _broader(ex, s, "exampleOf"):
            found = [st for st in ex.between(kind, o, props) if not st.negated]
            if found:
                return {"empty": False, "verdict": True, "statements": found, "pair": (s, o), "how": "kind", "via": kind}
            for broader in _broader(ex, o, "formOf"):
                found = [st for st in ex.between(kind, broader, props) if not st.negated]
                if found:
                    return {"empty": False, "verdict": True, "statements": found, "pair": (s, o), "how": "kind",
                            "via": kind, "via2": broader}
    if e.prop == RELATED:
        for s, o in pairs:  # any one intermediate: "is magnesium linked to cramps" (through its deficiency)
            for st in statements_of(ex.store, s):
                m = st.object if st.subject == s else st.subject
                if m in (s, o) or m.startswith(KGV) or st.negated:
                    continue
                second = [x for x in ex.between(m, o) if not x.negated]
                if second:
                    return {"empty": False, "verdict": True, "statements": [st] + second, "pair": (s, o), "how": "path",
                            "via": m}
    # not stated: but say what the article does say about the two
    for s, o in pairs:
        other = [st for st in ex.between(s, o) if not st.negated]
        if other:
            return {"empty": True, "verdict": None, "statements": other, "pair": (s, o), "how": "other"}
    return {"empty": True, "verdict": None, "statements": [], "pair": pairs[0], "how": "none"}


def _broader(ex: Executor, iri: str, prop: str) -> list[str]:
    """What ``iri`` is a form or an example of, nearest first (transitively, from the evidence statements)."""
    out, todo = [], [iri]
    while todo:
        current = todo.pop(0)
        for st in statements_of(ex.store, current):
            if st.subject == current and local(st.predicate) == prop and st.object not in out and st.object != iri:
                out.append(st.object)
                todo.append(st.object)
    return out


# --- wording the answer -----------------------------------------------------------------------

def _fill(ex: Executor, answer: Answer, r: Reading, result: dict, an: Analysis) -> None:
    kind = r.kind
    if kind in ("list", "count"):
        _fill_list(ex, answer, r, result)
    elif kind == "boolean":
        _fill_boolean(ex, answer, r, result)
    elif kind in ("definition", "about"):
        _fill_definition(ex, answer, r)
    elif kind == "duration":
        _fill_duration(ex, answer, r)
    elif kind == "mechanism":
        _fill_mechanism(ex, answer, r)
    elif kind == "cure":
        _fill_cure(ex, answer, r)
    elif kind == "claim":
        _fill_claim(ex, answer, r.anchors[0])
    elif kind == "compare":
        _fill_compare(ex, answer, r, an)
    # a product's claims are claims, whatever the reading
    for a in r.anchors:
        if kind != "claim" and ex.index.is_a(a, KGO + "Product"):
            _fill_claim(ex, answer, a)


def _fill_list(ex: Executor, answer: Answer, r: Reading, result: dict) -> None:
    rows = result["rows"]
    answer.query = ex.query_info(result["sparql"], result["bindings"])
    anchors = [a for e in r.edges for a in (e.subject, e.object) if not a.startswith("?")]
    if any("?topic" in (e.subject, e.object) for e in r.edges):
        anchors += list(ex.topic)
    noun = _noun(ex, r)
    if not rows:
        answer.message = f"The article does not say {_what_not(ex, r)}."
        return
    evidence: dict[str, list[Statement]] = {}
    for x, y in rows:
        found = evidence.setdefault(x, [])
        for e in r.edges:
            props = ex.family(e.prop)
            if y is not None and "?y" in (e.subject, e.object):
                other = y if "?x" in (e.subject, e.object) else None
                if other is None:  # the y–anchor edge
                    for a in anchors:
                        found.extend(st for st in ex.between(y, a, props) if st not in found)
                else:
                    found.extend(st for st in ex.between(x, y, props) if st not in found)
            else:
                for a in anchors:
                    found.extend(st for st in ex.between(x, a, props) if st not in found)
    order = sorted(evidence, key=lambda x: (_emphasis(evidence[x]), min((st.begin for st in evidence[x]), default=10**9),
                                            ex.label(x).lower()))
    answer.answered = True
    answer.kind = r.kind
    answer.answers = [ex.entity(x) for x in order]
    answer.count = len(order) if r.kind == "count" else None
    statements = sorted({st.iri: st for x in order for st in evidence[x]}.values(), key=lambda s: (s.begin, s.iri))
    answer.evidence = [ex.evidence_item(st) for st in statements]
    answer.groups = _groups(ex, order, evidence)
    names = [ex.label(x) for x in order]
    shown = ", ".join(names[:12]) + (f" and {len(names) - 12} more" if len(names) > 12 else "")
    broader = " (what the article says of the broader condition or kind)" if result.get("relaxed") else ""
    if noun.startswith("answers to "):  # several edges: the reading says what they are
        words = noun[len("answers to "):]
        answer.message = f"{words[0].upper()}{words[1:]}{broader}: the article names {len(order)} — {shown}."
    else:
        answer.message = f"The article names {len(order)} {noun}{broader}: {shown}."
    if r.ranking:
        answer.message += " " + _ranking_note(ex, order, evidence)


def _emphasis(statements: list[Statement]) -> int:
    ranks = [EMPHASIS_RANK.get(local(e), 3) for st in statements for e in st.emphasis]
    return min(ranks, default=3)


def _groups(ex: Executor, order: list[str], evidence: dict[str, list[Statement]]) -> list[dict]:
    """Answers grouped by urgency (warning signs) or by how the article weighs them, when the graph says."""
    urgency = {x: min((URGENCY_ORDER.index(local(u)) for st in evidence[x] for u in st.urgency
                       if local(u) in URGENCY_ORDER), default=None) for x in order}
    if any(v is not None for v in urgency.values()):
        groups = []
        for n, level in enumerate(URGENCY_ORDER):
            members = [x for x in order if urgency[x] == n]
            if members:
                groups.append({"label": URGENCY_WORDS[level], "answers": [ex.entity(x) for x in members]})
        rest = [x for x in order if urgency[x] is None]
        if rest:
            groups.append({"label": "other signs", "answers": [ex.entity(x) for x in rest]})
        return groups
    emphasised = [x for x in order if _emphasis(evidence[x]) < 3]
    if emphasised:
        return [{"label": "what the article names first", "answers": [ex.entity(x) for x in emphasised]},
                {"label": "the rest", "answers": [ex.entity(x) for x in order if x not in emphasised]}]
    return []


def _ranking_note(ex: Executor, order: list[str], evidence: dict[str, list[Statement]]) -> str:
    first = [x for x in order if _emphasis(evidence[x]) < 3]
    if first:
        st = min((s for x in first for s in evidence[x] if s.emphasis), key=lambda s: s.begin)
        return f"It singles out {_join([ex.name(x) for x in first])}: “{st.quote}”"
    top = order[0]
    st = min(evidence[top], key=lambda s: s.begin, default=None)
    if st is None:
        return "The article does not rank them."
    return f"The article does not rank them; the first it names is {ex.name(top)}: “{st.quote}”"


def _noun(ex: Executor, r: Reading) -> str:
    words = ex.describe(r)
    if len(r.edges) == 1:
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


def _fill_boolean(ex: Executor, answer: Answer, r: Reading, result: dict) -> None:
    e = r.edges[0]
    s, o = result["pair"]
    statements = result["statements"]
    answer.query = _ask_query(ex, e, s, o)
    answer.answers = [ex.entity(s), ex.entity(o)]
    answer.evidence = [ex.evidence_item(st) for st in sorted(statements, key=lambda st: st.begin)]
    how = result["how"]
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
        return
    answer.answered, answer.kind, answer.boolean = True, "boolean", True
    st = min(statements, key=lambda st: st.begin)
    qualifiers = st.qualifiers()
    prop, subj, obj = _canon(ex, st), *_names(ex, st)
    fact = ex.says(prop, subj, obj)
    note = ""
    if how == "broader":
        note = f", and {ex.name(o)} is a form of {ex.name(result['via'])}"
    elif how == "kind":
        note = f", and {ex.name(s)} is an example of {ex.name(result['via'])}"
    elif how == "path":
        note = f", which is linked to {ex.name(o)}" if st.subject == s else ""
    if e.prop not in (RELATED,) and not _same_family(ex, e.prop, st.predicate):
        lead = "Yes, in a way — the article says"
    else:
        lead = "Yes — the article says"
    answer.message = (f"{lead} {fact}{' (' + ', '.join(qualifiers) + ')' if qualifiers else ''}{note}: “{st.quote}”")


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


def _descriptions(ex: Executor, iri: str) -> list[dict]:
    import pyoxigraph

    from kg.qa.memo import per_store

    def build():
        out = []
        for row in ex.store.query(internal_query("qa-descriptions"), substitutions={"entity": pyoxigraph.NamedNode(iri)}):
            out.append({"what": row["what"].value, "text": row["text"].value if row["text"] is not None else "",
                        "quote": row["quote"].value if row["quote"] is not None else "",
                        "begin": int(row["begin"].value) if row["begin"] is not None else -1,
                        "end": int(row["end"].value) if row["end"] is not None else -1,
                        "claim": row["claim"].value if row["claim"] is not None else None,
                        "claim_kind": row["claimKind"].value if row["claimKind"] is not None else None,
                        "conflicts": row["conflicts"].value if row["conflicts"] is not None else None})
        return out
    return per_store(ex.store, ("qa.descriptions", iri), build)


def _quote_item(d: dict) -> dict:
    return {"quote": d["quote"], "begin": d["begin"], "end": d["end"],
            "source": f"/source#q-{d['begin']}-{d['end']}", "relation_label": local(d["what"])}


def _fill_definition(ex: Executor, answer: Answer, r: Reading) -> None:
    iri = r.anchors[0]
    definitions = [d for d in _descriptions(ex, iri) if d["what"].endswith("#definition")]
    facts = [st for st in statements_of(ex.store, iri) if st.subject == iri and not st.negated and st.quote]
    answer.answers = [ex.entity(iri)]
    summary = _summary(ex, iri, facts)
    if definitions:
        d = definitions[0]
        answer.message = f"{ex.label(iri)}: the article describes it as “{d['text']}”." + (f" {summary}" if summary else "")
        answer.evidence = [_quote_item(d) for d in definitions if d["quote"]]
    elif summary:
        answer.message = f"The article gives no definition of {ex.name(iri)}. {summary}"
    else:
        answer.message = f"The article does not say what {ex.name(iri)} is."
        return
    answer.answered, answer.kind = True, "describe"
    answer.evidence += [ex.evidence_item(st) for st in _distinct_quotes(facts)[:6]]


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
        sentences.append(ex.says(prop, ex.label(iri), _join([ex.name(o) for o in objects[:6]])) + ".")
    return " ".join(sentences)


def _distinct_quotes(statements: list[Statement]) -> list[Statement]:
    seen, out = set(), []
    for st in sorted(statements, key=lambda s: s.begin):
        if st.quote not in seen:
            seen.add(st.quote)
            out.append(st)
    return out


def _fill_duration(ex: Executor, answer: Answer, r: Reading) -> None:
    durations = []
    for iri in r.anchors:
        durations += [d for d in _descriptions(ex, iri) if d["what"].endswith("/duration")]
    if not durations:
        answer.message = f"The article does not say how long {ex.name(r.anchors[0])} lasts."
        return
    texts = list(dict.fromkeys(d["text"] for d in durations))
    answer.answered, answer.kind = True, "describe"
    answer.answers = [ex.entity(r.anchors[0])]
    answer.evidence = [_quote_item(d) for d in durations if d["quote"]]
    if len(texts) > 1:
        answer.message = ("The article gives durations that do not agree: " + " and ".join(f"“{t}”" for t in texts)
                          + " — both are quoted below.")
    else:
        answer.message = f"The article says {ex.name(r.anchors[0])} lasts “{texts[0]}”."


def _fill_mechanism(ex: Executor, answer: Answer, r: Reading) -> None:
    a, b = r.anchors[:2]
    found: list[Statement] = []
    for s in [a] + _broader(ex, a, "exampleOf"):
        for o in [b] + _broader(ex, b, "formOf"):
            found += [st for st in ex.between(s, o) if not st.negated]
    if not found:  # one step between: what a does, that bears on b
        for st in statements_of(ex.store, a):
            m = st.object if st.subject == a else st.subject
            if m != b and not m.startswith(KGV) and not st.negated and ex.between(m, b):
                found += [st] + [x for x in ex.between(m, b) if not x.negated]
    if not found:
        answer.message = f"The article does not say how {ex.name(a)} leads to {ex.name(b)}."
        return
    mechanisms = [m for st in found for m in st.mechanism]
    answer.answered, answer.kind = True, "describe"
    answer.answers = [ex.entity(a), ex.entity(b)]
    statements = _distinct_quotes(found)
    answer.evidence = [ex.evidence_item(st) for st in statements]
    if mechanisms:
        answer.message = f"The article explains: {ex.name(a)} {mechanisms[0]} — “{statements[0].quote}”"
    else:
        answer.message = "The article links them like this: " + " ".join(f"“{st.quote}”" for st in statements[:3])


def _fill_cure(ex: Executor, answer: Answer, r: Reading) -> None:
    iri = r.anchors[0]
    cure = KGO + "hasCure"
    statements = [st for st in statements_of(ex.store, iri) if st.predicate == cure and st.subject == iri]
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
    treatments = [st for st in statements_of(ex.store, iri) if st.object == iri and st.predicate == KGO + "treats"]
    answer.message = f"The article does not say whether {ex.name(iri)} can be cured."
    if treatments:
        names = list(dict.fromkeys(ex.name(st.subject) for st in treatments))
        answer.message += f" It names treatments for it: {_join(names)}."
        answer.evidence = [ex.evidence_item(st) for st in _distinct_quotes(treatments)]


def _fill_claim(ex: Executor, answer: Answer, iri: str) -> None:
    claims = [d for d in _descriptions(ex, iri) if d["claim"]]
    if not claims:
        if not answer.message:
            answer.message = f"The article says nothing about {ex.name(iri)} beyond naming it."
        return
    kinds = {local(d["claim_kind"]) for d in claims if d["claim_kind"]}
    text = claims[0]["text"].rstrip(".")
    what = ("a promotional claim, not an established treatment" if "promotional" in kinds or ex.index.is_a(iri, KGO + "Product")
            else "a claim the article makes, not an established fact")
    quotes = list(dict.fromkeys(d["quote"] for d in claims if d["quote"]))
    answer.answered = True
    answer.kind = "describe"
    answer.boolean = None
    answer.answers = [ex.entity(iri)]
    answer.message = (f"The article does not state it as a fact; it claims that {text[0].lower() + text[1:]} — {what}."
                      + (f" It says: “{quotes[0]}”" if quotes else ""))
    answer.evidence = [_quote_item(d) for d in claims if d["quote"]]


def _fill_compare(ex: Executor, answer: Answer, r: Reading, an: Analysis) -> None:
    a, b = r.anchors[:2]
    rest = r.anchors[2:]
    props = ex.family(r.edges[0].prop) if r.edges else None
    found: dict[str, list[Statement]] = {a: [], b: []}
    for item in (a, b):
        for t in rest:
            found[item] += [st for st in ex.between(item, t, props) if not st.negated]
        if not found[item]:
            found[item] = [st for st in statements_of(ex.store, item) if not st.negated and st.quote][:2]
    ranked = {x: _emphasis(v) for x, v in found.items()}
    answer.answers = [ex.entity(a), ex.entity(b)]
    answer.evidence = [ex.evidence_item(st) for st in _distinct_quotes(found[a] + found[b])]
    if a == b:
        answer.message = (f"The article does not say which is better: it names {ex.name(a)} as one option "
                          f"and does not compare its forms.")
        return
    if ranked[a] != ranked[b]:
        top = a if ranked[a] < ranked[b] else b
        st = next(s for s in found[top] if s.emphasis)
        answer.answered, answer.kind = True, "describe"
        answer.message = f"The article puts {ex.name(top)} first: “{st.quote}”"
        return
    answer.message = (f"The article does not say which of {ex.name(a)} and {ex.name(b)} is better or more common; "
                      f"it says this of each (quoted below).")


def _fill_about(ex: Executor, answer: Answer, iri: str) -> None:
    _fill_definition(ex, answer, Reading("about", anchors=(iri,)))


def _lay_words(ex: Executor, answer: Answer, an: Analysis, r: Reading) -> None:
    """Say when a lay word led to an entity: "you wrote water pills: the article speaks of diuretics"."""
    notes = []
    for m in an.mentions:
        if m.kind == "search" and m.iri in r.anchors + tuple(x["iri"] for x in answer.answers):
            answer.lay_words.append({"word": m.text, "iri": m.iri, "label": m.label})
            notes.append(f"the article speaks of {ex.name(m.iri)}, not “{m.text}”")
    if notes:
        answer.message += " (" + "; ".join(dict.fromkeys(notes)) + ".)"


def _linked_note(an: Analysis, r: Reading) -> str:
    used = [m for m in an.mentions if m.iri in r.anchors and m.kind != "topic"]
    if not used:
        return "."
    parts = []
    for m in dict((m.iri, m) for m in used).values():
        how = {"pref": "", "alt": " (a synonym)", "search": " (a lay word)", "composed": ""}.get(m.kind, "")
        fixed = f", read as “{' '.join(w for _, w in m.corrected)}”" if m.corrected else ""
        parts.append(f"“{m.text}”{fixed} → {m.label}{how}")
    return " — " + "; ".join(parts) + "."


def _warning(an: Analysis) -> bool:
    """A question about seeing a doctor is not personal advice ("should I see a doctor?")."""
    return any(KGO + "warrantsMedicalAttentionFor" in c.entry.references for c in an.relation_cues)


def _unknown_blocks(an: Analysis, index) -> list[str]:
    """Unknown words that decide the question: it cannot be answered as if they were not there.

    A question that names nothing the article knows but an unknown word ("what causes
    migraines?"), a yes/no question missing its second entity ("does zinc help spasms?"), or an
    unknown word right beside a named entity ("knee brace") is about something the article does
    not cover.
    """
    if not an.unknown:
        return []
    anchors = an.anchors
    if not anchors and not (an.context_mentions and any(t.lemma in ("it", "that", "this", "them") for t in an.question)):
        return an.unknown
    if an.yes_no and len({m.iri for m in anchors}) < 2 and not an.context_mentions:
        return an.unknown
    positions = {t.i: t for t in an.question}
    unknown_at = [t.i for t in an.question if t.surface in an.unknown]
    for m in anchors:  # "knee brace", "knee replacement": the body part names where, the unknown word what
        if index.is_a(m.iri, KGO + "BodyPart") and m.end in unknown_at:
            return [positions[m.end].surface]
    return []



def _join(items) -> str:
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def examples(store=None) -> list[str]:
    """Example questions for the /ask page: every lexicon entry's examples (the tests run them all)."""
    if store is None:
        return ["What can make my knee twitch?", "What can dehydration lead to?", "Can too much coffee make my knee twitch?",
                "What is a blood test for?", "How long does a muscle spasm last?",
                "Which vitamins am I low on if my knee twitches?", "When should I see a doctor about knee twitching?",
                "Is there a cure for ALS?", "What treatments address the causes of knee twitching?"]
    return [ex for entry in lexicon(store).entries.values() for ex in entry.examples]


def group_evidence(evidence: list[dict]) -> list[dict]:
    """One entry per quoted passage, with every fact it grounds (a sentence often states several)."""
    groups: dict[tuple[int, int], dict] = {}
    for e in evidence:
        group = groups.setdefault((e["begin"], e["end"]), {"quote": e["quote"], "begin": e["begin"], "end": e["end"],
                                                           "source": e["source"], "facts": [], "qualifiers": []})
        if e.get("subject_label"):
            fact = f"{e['subject_label']} — {e['relation_label']} — {e['object_label']}"
            if fact not in group["facts"]:
                group["facts"].append(fact)
        for q in e.get("qualifiers") or []:
            if q not in group["qualifiers"]:
                group["qualifiers"].append(q)
    return sorted(groups.values(), key=lambda g: g["begin"])


def render_text(answer: Answer, show_sparql: bool = False) -> str:
    """The answer as a terminal reads it: the reading, the message, the answers, the evidence, the query."""
    lines = []
    if answer.reading:
        lines.append(answer.reading)
    lines.append(answer.message)
    for item in answer.answers if answer.kind in ("list", "count") else []:
        lines.append(f"  - {item['label']}  <{item['iri']}>")
    passages = group_evidence(answer.evidence)
    if passages:
        lines.append("Evidence from the article:")
        for ev in passages[:12]:
            lines.append(f"  “{ev['quote']}” [characters {ev['begin']}–{ev['end']}]")
        if len(passages) > 12:
            lines.append(f"  … and {len(passages) - 12} more passages")
    if answer.closest:
        lines.append("Closest statements in the article (not an answer):")
        lines += [f"  “{c['quote']}”" for c in answer.closest]
    for alt in answer.alternatives:
        lines.append(f"Or did you mean: {alt['question']}")
    if answer.query:
        lines.append("SPARQL: " + ("\n" + answer.query["sparql_with_values"] if show_sparql else
                                   " ".join(f"?{k}={','.join(v)}" for k, v in answer.query["bindings"].items())))
    return "\n".join(lines)


__all__ = ["ask", "Answer", "BadQuestion", "MAX_QUESTION_CHARS", "normalise", "render_text", "group_evidence",
           "examples", "normalise_text"]
