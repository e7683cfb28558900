"""Answers that explain rather than list: what the article says about X (ranked), is it serious, does it pass.

- ``about``: the statements around the entities asked about (and the broader conditions they are
  forms of), ranked by BM25 against the question's words (kg.qa.closest), so "what does too much
  caffeine do to your muscles" quotes "can overstimulate the muscles" first. It says it is what
  the article says about X, not a fact the reader asked for.
- ``serious``: "is this serious?" — the article's reassurance (how the condition usually goes,
  quoted) and its warning signs grouped by urgency; with a warning sign named ("knee twitching
  and now I'm choking on food — is that a big deal?"), a yes quoting when to seek attention.
- ``course``: "does it go away on its own?", "is it common?", "do most spasms need a doctor?" —
  from the course the article gives (``kgo:course``): "No" only where the quote itself says the
  negative ("without medical intervention").
- ``action``: "what should I do" — the article's urgent advice for the thing named first (an
  overdose: immediate attention), then its treatments.
- ``difference``: two things described side by side.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import SOURCE_ANCHOR, Answer, Executor
from kg.qa.closest import quote_index, with_antecedents
from kg.qa import exampled, remedied
from kg.qa.facts import KGV, Description, Statement
from kg.qa.lexicon import local
from kg.qa.querygraph import KGO, Reading
from kg.qa.run import broader
from kg.qa.samename import same_names
from kg.qa.words import SIGN_WORDS, URGENCY_ORDER, URGENCY_WORDS, emphasis, join

SHOWN_QUOTES = 3  # quotes in the message of a description
EVIDENCE = 8  # quotes kept as evidence
WARNS = KGO + "warrantsMedicalAttentionFor"
CLAIM_ABOUT = KGO + "claimAbout"
AUXILIARY_LEMMAS = frozenset("do be can will should could would may might have".split())
NEED_WORDS = frozenset("need require doctor doc gp medical treatment intervention professional".split())


def question_text(an: Analysis) -> str:
    return " ".join(t.surface for t in an.tokens)


def _widen(ex: Executor, iris) -> list[str]:
    """The entities and the broader conditions they are forms of (knee twitching → muscle spasm)."""
    out = []
    for iri in iris:
        for x in [iri] + broader(ex, iri, "formOf"):
            if x not in out:
                out.append(x)
    return out


def _item(ex: Executor, x) -> dict:
    if isinstance(x, Statement):
        return ex.evidence_item(x)
    return {"quote": x.quote, "begin": x.begin, "end": x.end, "source": SOURCE_ANCHOR.format(begin=x.begin, end=x.end),
            "relation_label": local(x.what), "negated": x.negated}


def ranked(ex: Executor, iris, text: str, definitions: bool = False) -> list:
    """Statements and descriptions around ``iris``, one per quote, the most relevant to ``text`` first."""
    pool: dict[str, object] = {}
    between = set()
    for iri in iris:
        for d in ex.around.descriptions(iri):
            if d.quote and not d.claim and d.quote not in pool:
                pool[d.quote] = d
        for st in ex.statements(iri):
            if st.quote and st.quote not in pool:
                pool[st.quote] = st
            other = st.object if st.subject == iri else st.subject
            if other in iris and other != iri:
                between.add(st.quote)
    scores = quote_index(ex.store).relevance(text, pool)

    def key(q: str):
        x = pool[q]
        bonus = 0.5 * (q in between) + (1.0 if definitions and isinstance(x, Description) and x.kind == "definition" else 0)
        return (-(scores[q] + bonus), x.begin)
    return [pool[q] for q in sorted(pool, key=key)]


def about(ex: Executor, answer: Answer, r: Reading, an: Analysis, stated: bool = True) -> None:
    """What the article says about the anchors, the passages nearest the question first."""
    iris = [a for a in r.anchors if not a.startswith(KGV)] or list(ex.topic)
    items = ranked(ex, _widen(ex, iris), question_text(an), definitions="definition" in an.intents)
    names = join([ex.name(i) for i in iris[:2]])
    if not items:
        answer.message = f"The article says nothing about {names} beyond naming it."
        return
    shown = with_antecedents(quote_index(ex.store), [_item(ex, x) for x in items[:SHOWN_QUOTES]])
    quotes = " ".join(f"“{x['quote']}”" for x in shown)
    answer.evidence = shown + [_item(ex, x) for x in items[SHOWN_QUOTES:EVIDENCE]]
    answer.answers = [ex.entity(i) for i in iris[:2]]
    answer.message = f"What the article says about {names}, the passages nearest your question first: {quotes}"
    facts = _in_words(ex, iris, [x.quote for x in items[:SHOWN_QUOTES]])
    if facts:  # "Certain medications, such as diuretics or statins" says little alone: the facts it grounds say more
        answer.message += " In short: " + "; ".join(facts) + "."
    answer.answered, answer.kind = stated, "describe" if stated else "abstain"


MOST_FACTS = 6  # facts put into words after the quotes of a description


def _in_words(ex: Executor, iris, quotes: list[str]) -> list[str]:
    """The facts about ``iris`` the shown quotes ground, each in the lexicon's words ("statins can be a risk factor for
    muscle spasm"); a negated fact is said as the article's "not"."""
    out: list[str] = []
    for iri in iris:
        for st in ex.statements(iri):
            if st.quote not in quotes or st.predicate not in ex.schema.relations or st.object.startswith(KGV):
                continue
            if st.predicate == CLAIM_ABOUT:  # a claim is said as a claim (its own answer), not as "x claim about y"
                continue
            words = ex.says(st.predicate, ex.name(st.subject), ex.name(st.object))
            words = ("the article says it is not so that " + words) if st.negated else words
            if words not in out:
                out.append(words)
    return out[:MOST_FACTS]


def also_about(ex: Executor, answer: Answer, anchors, an: Analysis) -> None:
    """After "the article does not say …": what it does say about the things asked, nearest the question first."""
    iris = [a for a in anchors if not a.startswith(KGV) and not a.startswith("?")]
    items = ranked(ex, _widen(ex, iris), question_text(an))[:SHOWN_QUOTES] if iris else []
    if items:
        shown = with_antecedents(quote_index(ex.store), [_item(ex, x) for x in items])
        answer.message += (f" What it says about {join([ex.name(i) for i in iris[:2]])}, nearest your question: "
                           + " ".join(f"“{x['quote']}”" for x in shown))
        answer.evidence += shown


def _warning_signs(ex: Executor, iris) -> list[tuple[str, int, Statement]]:
    """(sign, urgency rank, statement) for each warning sign of ``iris``, the most urgent first."""
    out: dict[str, tuple[int, Statement]] = {}
    for iri in iris:
        for st in ex.statements(iri):
            if st.predicate != WARNS or st.object != iri or st.negated:
                continue
            rank = min((URGENCY_ORDER.index(local(u)) for u in st.urgency if local(u) in URGENCY_ORDER),
                       default=len(URGENCY_ORDER))
            if st.subject not in out or rank < out[st.subject][0]:
                out[st.subject] = (rank, st)
    return sorted(((s, rank, st) for s, (rank, st) in out.items()), key=lambda x: (x[1], x[2].begin))


def _courses(ex: Executor, iris, negated: bool = False) -> list[Description]:
    """How the article says ``iris`` go ("resolve on their own"), or (``negated``) what it denies of them ("medical
    intervention", for most)."""
    return [d for iri in iris for d in ex.around.descriptions(iri) if d.kind == "course" and d.quote
            and d.negated == negated]


def serious(ex: Executor, answer: Answer, r: Reading, an: Analysis) -> None:
    """"Is it serious?": a yes when a warning sign is named with the condition, else reassurance and the signs."""
    conditions = [a for a in r.anchors if not _is_sign(ex, a)] or list(ex.topic)
    wide = _widen(ex, conditions) + [x for c in conditions for x in broader(ex, c, "formOf", down=True)]
    signs = [a for a in r.anchors if _is_sign(ex, a)]
    named = [(s, st) for s in signs for st in ex.statements(s) if st.predicate == WARNS and st.subject == s
             and st.object in wide and not st.negated]
    if named:
        named.sort(key=lambda x: (min((URGENCY_ORDER.index(local(u)) for u in x[1].urgency
                                        if local(u) in URGENCY_ORDER), default=9), x[1].begin))
        sign, st = named[0]
        urgency = [local(u) for u in st.urgency if local(u) in URGENCY_WORDS]
        advice = URGENCY_WORDS[urgency[0]] if urgency else "seek medical attention"
        answer.answered, answer.kind, answer.boolean = True, "boolean", True
        answer.answers = [ex.entity(sign), ex.entity(st.object)]
        answer.evidence = [ex.evidence_item(x) for _, x in named[:EVIDENCE]]
        answer.message = (f"Yes — the article says to {advice} when {ex.name(st.object)} comes with {ex.name(sign)}: "
                          f"“{st.quote}”")
        if not an.yes_no:  # "what does it mean if …": no yes to a what, and every passage that says so
            answer.boolean, answer.kind = None, "describe"
            meant = [x for s in signs for x in ex.statements(s) if x.predicate == KGO + "indicates" and x.subject == s
                     and not x.negated]  # what the signs may point to ("a more serious underlying issue")
            answer.message = (f"The article says to {advice} when {ex.name(st.object)} comes with {ex.name(sign)}: "
                              + " ".join(f"“{q}”" for q in dict.fromkeys(x.quote for x in meant[:1] + [x for _, x in
                                                                                          named[:EVIDENCE]])))
            answer.evidence = [ex.evidence_item(x) for x in meant[:1]] + answer.evidence
        return
    courses = _courses(ex, wide)
    warnings = _warning_signs(ex, wide)
    if not courses and not warnings:
        about(ex, answer, r, an)
        return
    parts = []
    if courses:
        parts.append("The article says " + " and ".join(f"“{q}”" for q in dict.fromkeys(d.quote for d in courses[:2])))
    if warnings:
        parts.append("It says to seek medical attention when " + ex.name(conditions[0]) + " comes with or shows: "
                     + join([ex.name(s) for s, _, _ in warnings[:12]]) + f" — “{warnings[0][2].quote}”")
    answer.answered, answer.kind = True, "describe"
    answer.answers = [ex.entity(s) for s, _, _ in warnings]
    answer.groups = _urgency_groups(ex, warnings)
    answer.evidence = [_item(ex, d) for d in courses[:2]] + [ex.evidence_item(st) for _, _, st in warnings[:EVIDENCE]]
    answer.message = ". ".join(parts) + "."
    told = tuple(m.iri for m in an.mentions if m.iri not in wide)
    usual = usual_cause(ex, r, wide, told)
    if usual:
        answer.message = usual + " " + answer.message
        if an.yes_no and {t.lemma for t in an.question} & SIGN_WORDS and usual_statements(ex, r, wide) \
                and not r.universal:  # "a sign of ALS?" (not "does it *always* mean ALS": that is not a yes)
            found = usual_statements(ex, r, wide)[-1]
            answer.boolean, answer.kind = True, "boolean"
            answer.message = f"Yes, {join(found.qualifiers(ex.name)) or 'it can be'}, the article says. " + answer.message
        answer.evidence = [ex.evidence_item(st) for st in usual_statements(ex, r, wide, told) or usual_only(ex, wide)] \
            + answer.evidence


def usual_statements(ex: Executor, r: Reading, wide: list[str], told: tuple[str, ...] = ()) -> list[Statement]:
    """"Is my knee twitching a sign of ALS?": the article's most common cause of the condition, then what it says of
    the cause asked about — the worry answered with the article's own weighing, never a "no"."""
    common, named = _usual(ex, r, wide, told)
    return common + named[:1]


def _usual(ex: Executor, r: Reading, wide: list[str], told: tuple[str, ...]) -> tuple[list[Statement], list[Statement]]:
    """(the usual causes' statements, what the article says of the cause asked or told about: its qualified
    statements first, two at most) for the first condition in ``wide`` the article weighs the causes of."""
    causes = KGO + "causes"
    asked = tuple(dict.fromkeys(r.anchors + told))  # told: "I read online it means ALS"
    named = [st for a in asked for st in ex.statements(a) if st.predicate in (causes, KGO + "hasSymptom")
             and st.subject == a and st.object in wide and not st.negated]
    named.sort(key=lambda st: (wide.index(st.object), not st.qualifiers(), st.predicate == causes, st.begin))
    for target in dict.fromkeys(st.object for st in named):
        common = [st for st in ex.statements(target) if st.predicate == causes and st.object == target
                  and emphasis([st]) < 3 and not st.negated]  # a usual cause asked about is still one
        if common:
            first = min(common, key=lambda st: (emphasis([st]), st.begin))
            said = [st for st in named if st.object == target]
            quotes = list(dict.fromkeys(st.quote for st in said))[:2]
            return ([st for st in common if st.quote == first.quote],
                    [next(st for st in said if st.quote == q) for q in quotes])
    return [], []


def usual_only(ex: Executor, wide: list[str]) -> list[Statement]:
    """"Does knee twitching always mean something serious?": what the article calls the usual cause of the first
    condition in ``wide`` it weighs, quoted — the reassurance is the article's own, with its qualifiers."""
    for target in wide:
        common = [st for st in ex.statements(target) if st.predicate == KGO + "causes" and st.object == target
                  and not st.negated and emphasis([st]) < 3]
        if common:
            first = min(common, key=lambda st: (emphasis([st]), st.begin))
            return [st for st in common if st.quote == first.quote]
    return []


def usual_cause(ex: Executor, r: Reading, wide: list[str], told: tuple[str, ...] = (), alone: bool = True,
                shown: str = "") -> str:
    """The article's usual cause of the condition, quoted, then what it says of the cause asked about; ``alone``:
    the usual cause even when the question names no cause ("is knee twitching serious")."""
    common, named = _usual(ex, r, wide, told)
    common = common or (usual_only(ex, wide) if alone else [])
    named = [st for st in named if st.quote not in shown and st.subject not in {c.subject for c in common}]  # said
    if not common:
        return ""
    subjects = join(list(dict.fromkeys(ex.name(st.subject) for st in common)))
    cause = "usual causes" if len(common) > 1 else "a usual cause"
    said = f" Of {ex.name(named[0].subject)} it says: " + " ".join(f"“{st.quote}”" for st in named) if named else ""
    return f"The article names {subjects} as {cause} of {ex.name(common[0].object)}: “{common[0].quote}”{said}"


def stated_form(ex: Executor, answer: Answer, r: Reading) -> bool:
    """A yes/no naming only a form of a condition the article states ("can the spasms keep coming back": recurrent
    spasms, "they may recur over time") is a yes in its words; False (answer untouched) when there is none."""
    if len(r.anchors) != 1:
        return False
    forms = [st for st in ex.statements(r.anchors[0]) if st.predicate == KGO + "formOf" and st.subject == r.anchors[0]
             and not st.negated]
    if not forms:
        return False
    st = forms[0]
    answer.answered, answer.kind, answer.boolean = True, "boolean", True
    answer.answers = [ex.entity(st.subject)]
    answer.evidence = [ex.evidence_item(s) for s in forms[:EVIDENCE]]
    answer.message = f"Yes — the article says {ex.name(st.subject)} can happen as a form of {ex.name(st.object)}: “{st.quote}”"
    return True


def _urgency_groups(ex: Executor, warnings) -> list[dict]:
    groups = []
    for n, level in enumerate(URGENCY_ORDER):
        members = [s for s, rank, _ in warnings if rank == n]
        if members:
            groups.append({"label": URGENCY_WORDS[level], "answers": [ex.entity(s) for s in members]})
    rest = [s for s, rank, _ in warnings if rank >= len(URGENCY_ORDER)]
    if rest:
        groups.append({"label": "other signs", "answers": [ex.entity(s) for s in rest]})
    return groups


def _is_sign(ex: Executor, iri: str) -> bool:
    return WARNS in ex.around.roles(iri)


def course(ex: Executor, answer: Answer, r: Reading, an: Analysis) -> None:
    """"Does it go away by itself?", "is it common?" (a yes, quoted), "do most need a doctor?" ("No" only where the
    quote says so: "without medical intervention")."""
    iris = [a for a in r.anchors if not a.startswith(KGV)] or list(ex.topic)
    wide = _widen(ex, iris)
    courses, lasting = remedied.split(ex, _courses(ex, wide))  # "progressive": no going away (kg.qa.remedied)
    if not courses:
        about(ex, answer, r, an, stated=False)
        answer.message = remedied.course_unsaid(ex, answer, iris[0], lasting) + answer.message  # and what helps it
        return
    words = {t.lemma for t in an.question if t.i not in an.remark}  # not the remark's
    need = bool(words & NEED_WORDS) and "without" not in words  # "do most go away *without* a doctor": a yes
    answer.answers = [ex.entity(i) for i in iris[:1]]
    answer.evidence = [_item(ex, d) for d in courses]
    signs = [m.iri for m in an.mentions if _is_sign(ex, m.iri) and m.iri not in iris]
    if need and signs:  # "do I need a doctor if it comes with weakness": a warning sign named is the article's yes
        serious(ex, answer, Reading("serious", anchors=tuple(iris[:1] + signs)), an)
        return
    if need:
        denied = _courses(ex, wide, negated=True)  # "No" only for what the article denies (a negated fact)
        warnings = _warning_signs(ex, wide)
        signs = (" It advises medical attention when " + join([ex.name(s) for s, _, _ in warnings[:8]]) + ".") if warnings else ""
        if not an.yes_no and warnings:  # "when is it bad enough that I need a doctor": the warning signs, no yes or no
            answer.answered, answer.kind = True, "list"
            answer.reading = answer.reading.replace(ex.describe(r), f"when {ex.name(iris[0])} needs a doctor: the "
                                                    "warning signs the article gives")
            answer.answers = [ex.entity(s) for s, _, _ in warnings]
            answer.evidence = [ex.evidence_item(st) for st in {st.quote: st for _, _, st in warnings}.values()]
            answer.message = (f"The article advises medical attention for {ex.name(iris[0])} when: "
                              + join([ex.name(s) for s, _, _ in warnings]) + ". It also says: "
                              + " ".join(f"“{d.quote}”" for d in courses[:1]))
            return
        toks = an.question
        choice = any(t.lemma == "or" and n + 1 < len(toks) and toks[n + 1].lemma in AUXILIARY_LEMMAS
                     for n, t in enumerate(toks))  # "is there any point ... *or do they* sort themselves out"
        if denied and choice:  # a choice, not a yes/no: what the article says, without a bare "No"
            answer.answered, answer.kind = True, "describe"
            answer.message = f"Most resolve on their own, the article says: “{denied[0].quote}”{signs}"
            answer.evidence += [ex.evidence_item(st) for st in {st.quote: st for _, _, st in warnings}.values()]
            return
        if denied and an.yes_no:
            answer.answered, answer.kind, answer.boolean = True, "boolean", False
            answer.message = f"No, most do not — the article says “{denied[0].quote}”{signs}"
            answer.evidence = [_item(ex, d) for d in denied[:1]] + [e for e in answer.evidence if e["quote"] != denied[0].quote]
            answer.evidence += [ex.evidence_item(st) for _, _, st in warnings[:4]]
            return
        answer.kind = "abstain"
        answer.message = (f"The article does not say whether {ex.name(iris[0])} needs a doctor; it says "
                          + " ".join(f"“{d.quote}”" for d in courses[:2]) + signs)
        return
    answer.answered, answer.kind, answer.boolean = True, "boolean", True
    forms = _courses(ex, [x for i in iris[:1] for x in broader(ex, i, "formOf", down=True)])  # "often", of knee spasms
    quotes = " ".join(f"“{q}”" for q in list(dict.fromkeys(d.quote for d in courses[:2] + forms[:1]))[:3])
    answer.evidence += [_item(ex, d) for d in forms[:1] if d.quote not in {e["quote"] for e in answer.evidence}]
    answer.message = f"Yes — the article says {ex.name(iris[0])} usually does: {quotes}"


def action(ex: Executor, answer: Answer, r: Reading, an: Analysis) -> None:
    """"What should I do": the article's urgent advice about the thing named first, then its treatments."""
    iris = [a for a in r.anchors if not a.startswith(KGV)] or list(ex.topic)
    wide = _widen(ex, iris) + [x for i in iris for x in broader(ex, i, "exampleOf")]
    urgent = []
    for iri in wide:
        for st in ex.statements(iri):
            if st.predicate == WARNS and st.subject == iri and not st.negated and st.urgency:
                urgent.append(st)
    urgent.sort(key=lambda st: (min(URGENCY_ORDER.index(local(u)) for u in st.urgency if local(u) in URGENCY_ORDER),
                                st.begin))
    treatments, where, specific = [], {}, []
    named = {x for i in iris[1:] for x in [i] + broader(ex, i, "exampleOf")}  # "I drink 5 energy drinks a day": caffeine
    for iri in _widen(ex, iris):
        for st in ex.statements(iri):
            if st.predicate == KGO + "treats" and st.object == iri and not st.negated:
                if st.subject not in treatments:
                    treatments.append(st.subject)
                where.setdefault(st.subject, []).append(st.context)
                if st.context & named:
                    specific.append(st)
    # "what do I do about it": what helps anyone first; what the article gives only for one cause (anti-seizure
    # medications in autoimmune disorders) is named after, as for that cause, not as what to do
    general = [t for t in treatments if any(not c for c in where[t])]
    particular = [t for t in treatments if t not in general] if general else []
    treatments = general or treatments
    if not urgent and not treatments:
        about(ex, answer, r, an)
        return
    parts = []
    if specific:  # what the article says to do about the cause the reader names comes first
        cause = next(c for c in specific[0].context if c in named)
        st = min((s for i in _widen(ex, iris) for s in ex.statements(i) if s.subject == specific[0].subject
                  and s.predicate == KGO + "treats" and s.object == i and s.context), key=lambda s: s.begin)
        parts.append(f"With {ex.name(cause)} as the cause, the article advises {ex.name(st.subject)}: “{st.quote}”")
        treatments = list(dict.fromkeys([s.subject for s in specific] + treatments))
    if urgent:
        st = urgent[0]
        advice = URGENCY_WORDS[next(local(u) for u in st.urgency if local(u) in URGENCY_WORDS)]
        parts.append(f"The article says to {advice} if {ex.name(st.subject)}: “{st.quote}”")
    if treatments:
        ways = "one way" if len(treatments) == 1 else f"{len(treatments)} ways"
        parts.append(f"It names {ways} to treat or relieve {ex.name(iris[0])}: "
                     + join(exampled.names(ex, treatments[:12])) + ".")
        if particular:
            parts.append("For particular causes only, it also names " + join(
                [f"{ex.name(t)} (in {join(list(dict.fromkeys(ex.name(c) for cs in where[t] for c in cs))[:2])})" for t in particular[:6]]) + ".")
    answer.answered, answer.kind = True, "list" if treatments else "describe"
    answer.answers, answer.evidence = exampled.answers(ex, treatments) or [ex.entity(urgent[0].subject)], [ex.evidence_item(st) for st in urgent[:2]]
    for iri in _widen(ex, iris):
        answer.evidence += [ex.evidence_item(st) for st in ex.statements(iri) if st.predicate == KGO + "treats"
                            and st.object == iri][:6]
    answer.message = " ".join(parts)


def difference(ex: Executor, answer: Answer, r: Reading, an: Analysis) -> None:
    """Two things side by side: each one's definition or most relevant statement, and what links them."""
    a, b = r.anchors[:2]
    if a == b and an.yes_no and same_names(ex, answer, a, an):  # "is amyotrophic lateral sclerosis the same as ALS"
        return
    if a == b:  # "cramp" and "spasm": the article uses both words for one thing and never tells them apart
        words = [m.text for m in an.mentions if m.iri == a]
        answer.message = (f"The article does not say how {join([f'“{w}”' for w in dict.fromkeys(words)])} differ: "
                          f"it uses both for {ex.name(a)} and does not tell them apart.")
        return
    text = question_text(an)
    parts, evidence = [], []
    props = {p for c in an.relation_cues for ref in c.entry.references for p in ex.family(ex.schema.canonical(ref)[0])}
    for iri in (a, b):
        if props:  # "how they treat ALS and how they treat autoimmune disorders": each one's list, side by side
            found = [st for st in ex.statements(iri) if st.predicate in props and not st.negated]
            others = list(dict.fromkeys(st.subject if st.object == iri else st.object for st in found))
            if others:
                parts.append(f"{ex.label(iri)}: " + join([ex.name(o) for o in others if o.startswith("http")]) + ".")
                evidence += [ex.evidence_item(st) for st in {st.quote: st for st in found}.values()]
                continue
        items = ranked(ex, [iri], text, definitions=True)
        # how it comes about (the article's "Cause | Example" rows) tells two causes apart as well as a definition
        origin = [st for st in ex.statements(iri) if st.object == iri and st.predicate == KGO + "causes" and "|" in st.quote]
        if items:
            parts.append(f"{ex.label(iri)}: “{items[0].quote}”" + (f" — for example “{origin[0].quote}”" if origin else ""))
            evidence += [_item(ex, x) for x in items[:3]] + [ex.evidence_item(st) for st in origin[:1]]
    linking = ex.between(a, b)
    if linking:
        parts.append(f"The article links them: “{linking[0].quote}”")
        evidence.append(ex.evidence_item(linking[0]))
    if not parts:
        answer.message = f"The article does not say how {ex.name(a)} and {ex.name(b)} differ."
        return
    answer.answered, answer.kind = True, "describe"
    answer.answers = [ex.entity(a), ex.entity(b)]
    answer.evidence = evidence
    # each one's list side by side compares them; each one's own words do not say how to tell them apart
    lead = ("The article does not compare them directly" if props and evidence else
            f"The article does not say how to tell {ex.name(a)} and {ex.name(b)} apart")
    answer.message = lead + "; it says — " + " ".join(parts)
