"""Readings for questions that ask for an explanation rather than a list (answered in kg.qa.explain).

"Is it serious?", "does it go away on its own?", "what should I do?", "what's the difference
between X and Y?" are question words of the lexicon (``kgl:intent``: serious, course, action,
difference); each makes a reading of its kind about the things named (or the context's, or the
article's topic). Every question that names something also gets an "about" reading — what the
article says about it, ranked by the question's words — which wins only when nothing more
specific fits (a question with no relation word: "what does too much caffeine do to your muscles").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.qa.analysis import Analysis, asked_after
from kg.qa.lexicon import Cue
from kg.qa.querygraph import KGO, Edge, Reading
from kg.qa.words import SIGN_WORDS

if TYPE_CHECKING:
    from kg.qa.readings import Reader

ABOUT_FALLBACK = 1.5  # an "about" reading where a relation word gives better ones
ABOUT_OPEN = 5.5  # … where no relation word is asked ("what does too much caffeine do to your muscles")


def readings(reader: "Reader", an: Analysis, anchors, rel_cues: list[Cue]) -> list[Reading]:
    iris = list(dict.fromkeys(m.iri for _, _, ms in anchors for m in ms[:1]))
    out: list[Reading] = []
    if an.intent_cues("difference") and len(iris) >= 2:
        out.append(Reading("difference", anchors=(iris[0], iris[1]), score=11.0, why=["difference between X and Y"]))
    elif an.intent_cues("difference") and len(iris) == 1 and len({(s, e) for s, e, _ in anchors}) >= 2:
        # "the difference between a cramp and a spasm": two words the article uses for one thing
        out.append(Reading("difference", anchors=(iris[0], iris[0]), score=11.0, why=["two words for one thing"]))
    # "what does it mean if my knee twitches and I get weakness": a warning sign named with it asks if it is serious
    means = any("mean" in c.form for c in an.intent_cues("definition")) and any(
        reader.plays(m.iri, KGO + "warrantsMedicalAttentionFor", True) for m in an.mentions)
    # "I can't finish my shift, do I need a doctor": a warning sign told makes "need a doctor" ask whether it calls for
    # one — the article's rule for that sign — not how spasms usually go ("most resolve on their own" is no answer)
    needs = an.yes_no and any(set(c.form) & DOCTOR_WORDS for c in an.intent_cues("course")) and any(
        reader.plays(m.iri, KGO + "warrantsMedicalAttentionFor", True) for m in an.mentions)
    if means or needs:
        out.append(Reading("serious", anchors=tuple(dict.fromkeys(m.iri for m in an.mentions))[:4], score=10.5 if needs else 7.0,
                           why=["what it means when a warning sign comes with it"]))
    # "is low calcium linked to knee twitching? already worried about my bones": a worry told after the question mark
    marks = [t.i for t in an.tokens[:-1] if t.surface.startswith("?")]
    felt = bool(marks) and all(c.start > marks[0] for c in an.intent_cues("serious")) and len(iris) >= 2 \
        and not {t.lemma for t in an.question} & SIGN_WORDS  # "a sign of ALS?? freaking out": the worry is asked
    if an.intent_cues("serious") and not _says_which(an, rel_cues) and not felt:
        ranked = bool(an.intent_cues("comparison") or an.intent_cues("ranking"))  # "the more usual cause, X or something serious like ALS"
        # "spasm burning feeling normal": of two things, whether the one is part of the other (the yes/no's reading)
        normal = len(iris) >= 2 and all(c.entry.name == "normal-words" for c in an.intent_cues("serious"))
        # "is it normal for spasms to go away on their own": what is called normal is the course named after it
        of_course = all(c.entry.name == "normal-words" and any(k.start > c.end for k in an.intent_cues("course"))
                        for c in an.intent_cues("serious"))
        out.append(Reading("serious", anchors=tuple(iris[:4]) or reader.topic,
                           score=(10.5 if an.yes_no else 9.0) - (4.0 if ranked else 0.0) - (4.0 if normal else 0.0)
                           - (1.0 if of_course else 0.0),
                           why=["is it serious"], topic=not iris))
    common = an.yes_no and not rel_cues and any(c.form == ("common",) for c in an.intent_cues("ranking"))
    # "is that common *in pregnancy*": the thing named is where, not what; the two are linked (a yes/no of its own)
    where = bool(anchors) and anchors[0][0] > 0 and an.tokens[anchors[0][0] - 1].lemma in ("in", "during", "among")
    # "do you *always* have to go to the doctor for a spasm": how it usually goes (most resolve without a doctor)
    always_doctor = an.yes_no and bool(an.intent_cues("universal")) and len({m.iri for m in an.mentions}) == 1 and any(
        KGO + "warrantsMedicalAttentionFor" in c.entry.references for c in rel_cues)
    if (an.intent_cues("course") and an.wh != "why" and not needs) or common or always_doctor:  # "why does it twitch *on its own*"
        out.append(Reading("course", anchors=tuple(iris[:1]) or reader.topic,
                           score=(10.0 if an.yes_no else 8.5) - (3.0 if where and len(anchors) >= 2 else 0.0),
                           why=["does it go away on its own / is it common"], topic=not iris))
    if an.intent_cues("action"):
        held = _conditions_first(reader, an, iris)
        # "what can I do to *prevent* them": a relation near the treatments the action answer gives (kgl:near) is
        # what is asked
        treats = reader.schema.relations.get(KGO + "treats")
        near = treats.near if treats is not None else set()
        other = [c for c in rel_cues if any(reader.schema.canonical(ref)[0] in near for ref in c.entry.references)]
        out.append(Reading("action", anchors=tuple(held[:4]) or reader.topic, score=9.5 - (5.0 if other else 0.0),
                           why=["what should I do"], topic=not held))
    out.extend(_ways_to(reader, an))
    out.extend(_which_ones(reader, an, rel_cues))
    out.extend(_kinds_asked(reader, an, rel_cues))
    out.extend(_what_to_take(reader, an))
    out.extend(_one_of(reader, an))
    out.extend(_which_are_they(reader, an))
    out.extend(_which_last(reader, an))
    if iris:
        definition = bool(an.intent_cues("definition"))
        open_question = an.wh in ("what", "how", "why") and not rel_cues and not definition and not an.yes_no
        out.extend(Reading("list", [Edge("?x", KGO + "partOf", i)], anchors=(i,), score=ABOUT_OPEN + 0.5,
                           why=["what about a thing made of parts: its parts"]) for i in iris[:1]
                   if open_question and an.wh == "what" and reader.plays(i, KGO + "partOf", as_subject=False))
        out.append(Reading("about", anchors=tuple(iris[:2]), score=ABOUT_OPEN if open_question else ABOUT_FALLBACK,
                           why=["what the article says about X, ranked by the question's words"]))
    return out


DOCTOR_WORDS = frozenset(("doctor", "gp", "medical", "treatment"))  # course words that ask for a doctor ("need a doctor")
_BEFORE_DEFINED = frozenset("of a an the".split())


def defined(an: Analysis, anchors, cues: list[Cue]) -> list[tuple[list, float]]:
    """The things a definition reading is about, with its score: the one named right after the definition word ("a one
    line definition *of a muscle spasm*", "the meaning of *ALS*") over one named before it ("physio student here"),
    else the first named."""
    for c in cues:
        after = c.positions[-1] + 1
        while after < len(an.tokens) and an.tokens[after].lemma in _BEFORE_DEFINED:
            after += 1
        for start, _, ms in anchors:
            if start == after and start != anchors[0][0]:
                return [(ms, 8.0)]
    asked = any(_wh_noun(an, c) for c in cues)  # "*what definition* does the article give for X": the noun asked
    return [(ms, 10.0 if asked else 6.0) for _, _, ms in anchors[:1]]


def _wh_noun(an: Analysis, cue: Cue) -> bool:
    """The definition word is the noun the question word asks for ("*what definition* does it give", "which
    meaning"): whatever verb follows ("give for", "use for") is the article's giving, not a relation asked."""
    k = cue.start - 1
    while k >= 0 and an.tokens[k].lemma in ("the", "its", "article", "article's", "exact", "actual"):
        k -= 1
    return k >= 0 and an.tokens[k].lemma in ("what", "which", "whats", "what's") and len(cue.form) == 1


def how_long(an: Analysis, ms, rel_cues: list[Cue]) -> float:
    """A duration reading's score: higher when the thing is the subject of the question's verb ("how quickly does
    *Medicramp* get rid of cramp pain": how long it takes, not what else gets rid of cramp pain)."""
    return 9.5 if ms and an.wh and any(ms[0].end <= c.start for c in rel_cues) else 8.0


def _says_which(an: Analysis, rel_cues: list[Cue]) -> bool:
    """"What *serious* conditions can it be a symptom of", "which *dangerous* diseases cause it": the word says which
    things are asked for (it stands before the asked class), and a relation asks them — not "is it serious"."""
    classes = {c.start for c in an.class_cues}
    return bool(rel_cues) and all(c.end in classes and asked_after(an, c.start) for c in an.intent_cues("serious"))


HOW_TO = (("way", "to"), ("how", "to"), ("how", "do", "i"), ("how", "can", "i"), ("how", "should", "i"))


def _ways_to(reader, an: Analysis) -> list[Reading]:
    """"Ways to chill out", "how do I chill out": a therapy the article gives kinds of is asked how to do — its kinds
    (deep breathing, yoga …) are the answer, not whether it helps."""
    out = []
    for m in an.anchors:
        before = tuple(t.lemma for t in an.tokens[max(0, m.start - 3):m.start])
        if reader.fits(m.iri, KGO + "Therapy") and any(before[-len(h):] == h for h in HOW_TO) \
                and reader.plays(m.iri, KGO + "exampleOf", as_subject=False):
            out.append(Reading("list", [Edge("?x", KGO + "exampleOf", m.iri)], anchors=(m.iri,), score=10.0,
                               why=["ways to do a therapy: its kinds"]))
    return out


def _which_ones(reader, an: Analysis, rel_cues: list[Cue]) -> list[Reading]:
    """"What stretches does it say to do", "knee spasm stretches which muscles": a therapy asked for as a kind, of which
    the article gives no kinds but the parts of the body it works — those are which ones to do."""
    out = []
    for m in an.anchors if not rel_cues else ():
        right_after = m.start > 0 and an.tokens[m.start - 1].lemma in ("what", "which")
        muscles = any(c.start >= m.end and c.start in an.q_positions for c in an.class_cues)
        counted = bool(an.intent_cues("count")) and any(  # "how many *muscles* to stretch"
            KGO + "BodyPart" in c.entry.references and c.start in an.q_positions for c in an.class_cues)
        if (right_after or muscles or counted) and reader.fits(m.iri, KGO + "Therapy") \
                and reader.plays(m.iri, KGO + "targets", as_subject=True) \
                and not reader.plays(m.iri, KGO + "exampleOf", as_subject=False):
            out.append(Reading("count" if counted else "list", [Edge(m.iri, KGO + "targets", "?x")], anchors=(m.iri,),
                               score=10.0, why=["which ones of a therapy: the parts it works"]))
    return out


def _kinds_asked(reader, an: Analysis, rel_cues: list[Cue]) -> list[Reading]:
    """"What home remedies can he try", "which stress reduction techniques are there": a kind of thing the article
    gives examples of, asked for with "what"/"which" and no relation word — its examples are the answer; a therapy so
    asked with one ("what ways of calming down does it suggest to help the twitching") too: the ways are its kinds."""
    out = []
    for m in an.anchors:
        if m.start > 0 and asked_after(an, m.start) and an.tokens[m.start - 1].lemma not in ("the", "a", "an") \
                and (not rel_cues or reader.fits(m.iri, KGO + "Therapy")) \
                and reader.plays(m.iri, KGO + "exampleOf", as_subject=False):
            out.append(Reading("count" if an.intent_cues("count") else "list", [Edge("?x", KGO + "exampleOf", m.iri)],
                               anchors=(m.iri,), score=9.5,
                               why=["which ones of a kind: its examples"]))
    return out


def _what_to_take(reader, an: Analysis) -> list[Reading]:
    """"What should I be eating so my legs stop twitching": the verb is a word for a remedy the article gives
    (eating → proper nutrition) and what is asked is what goes into it — the nutrients it names — not every
    treatment of the twitch."""
    out = []
    for m in an.anchors if an.wh == "what" else ():
        for_what = any({KGO + "treats", KGO + "prevents"} & set(c.entry.references) for c in an.relation_cues) or any(
            o.start > m.end and any(reader.fits(o.iri, c) for c in CONDITIONS) for o in an.anchors)  # "so my legs …"
        if for_what and m.kind in ("search", "lay") and reader.fits(m.iri, KGO + "Therapy") \
                and reader.plays(m.iri, KGO + "involvesNutrient", as_subject=True) \
                and any(t.lemma == "what" for t in an.tokens[max(0, m.start - 6):m.start]):
            out.append(Reading("list", [Edge(m.iri, KGO + "involvesNutrient", "?x")], anchors=(m.iri,), score=10.5,
                               why=["what to eat: the nutrients of the remedy the verb names"]))
    return out


THEY = frozenset("they it them those these".split())
NAMED = frozenset("call name exactly then again".split())  # "what's it called", "which are they again"


def _which_are_they(reader, an: Analysis) -> list[Reading]:
    """"The stimulants it lists as causing twitching — *which are they*", "the autoimmune disorder they name …, *what's
    it called*": a kind told first and asked for by a pronoun after "what/which is" — the article's examples of it."""
    words = [t for t in an.question if not t.is_punct and t.lemma != "one"]  # "which (ones) are they"
    at = next((k for k in range(len(words) - 2) if words[k].lemma in ("what", "which") and words[k + 1].lemma == "be"
               and words[k + 2].lemma in THEY and {w.lemma for w in words[k + 3:]} <= NAMED), None)
    if at is None:  # not "what are they *for*"
        return []
    kinds = [m for m in an.mentions if m.end <= words[at].i and reader.plays(m.iri, KGO + "exampleOf", as_subject=False)]
    return [Reading("list", [Edge("?x", KGO + "exampleOf", kinds[-1].iri)], anchors=(kinds[-1].iri,), score=10.0,
                    why=["which are they: the examples of the kind told before"])] if kinds else []


def _which_last(reader, an: Analysis) -> list[Reading]:
    """"otc painkillers for muscle spasm *which ones*", "vit deficiencies linked to twitch - *which*": a telegraphic
    question that names a kind first and ends on "which (ones)" asks for the article's examples of that kind — what
    follows the kind (for muscle spasm, linked to twitch) is what the kind is said of, not another thing asked."""
    words = [t.lemma for t in an.question if not t.is_punct]
    if words[-2:] != ["which", "one"] and words[-1:] != ["which"]:
        return []
    first = next((t.i for t in an.question if not t.is_punct), None)  # the kind opens it: a telegraphic question,
    kinds = [m for m in an.mentions if m.start == first  # not "… as a cause and as a treatment — which one?"
             and reader.plays(m.iri, KGO + "exampleOf", as_subject=False)]
    return [Reading("list", [Edge("?x", KGO + "exampleOf", kinds[0].iri)], anchors=(kinds[0].iri,), score=10.0,
                    why=["a kind, then which ones: its examples"])] if kinds else []


ONE_OF = frozenset(("name", "example", "give", "mention"))


def _one_of(reader, an: Analysis) -> list[Reading]:
    """"Can you name *an* autoimmune disease that causes twitches", "an example of *an* autoimmune disorder": one of a
    kind is asked for — the kind's examples the article names are the answer, not whether the kind does it."""
    out = []
    for m in an.anchors:
        if m.start < 2 or an.tokens[m.start - 1].lemma not in ("a", "an", "any", "some"):
            continue
        before = {t.lemma for t in an.tokens[max(0, m.start - 5):m.start - 1]}
        if before & ONE_OF and reader.plays(m.iri, KGO + "exampleOf", as_subject=False):
            out.append(Reading("list", [Edge("?x", KGO + "exampleOf", m.iri)], anchors=(m.iri,), score=11.0,
                               why=["one of a kind asked for: its examples"]))
    return out


CONDITIONS = (KGO + "MedicalCondition", KGO + "SignOrSymptom")


def conditions_first(reader, told, taken, an: Analysis | None = None) -> list:
    """Mention groups told in a story and not among ``taken``, those naming a condition first (the order kept
    otherwise) — only those of the kind the question calls them, when it does ("… for her autoimmune disease. are
    *those* one of the *drugs* that cause spasms": the drug, not the disease)."""
    named = {m.iri for _, _, ms in taken for m in ms}
    told = [g for g in told if g[2][0].iri not in named]
    called = [k for t in (an.question if an is not None else ()) if not asked_after(an, t.i)  # "those *pills*"
              for form, entry in reader.lex.forms.get(t.lemma, ()) if entry.kind == "class" and form == (t.lemma,)
              for k in entry.references]
    fitting = [g for g in told if any(reader.fits(m.iri, k) for m in g[2] for k in called)]
    told = fitting or told
    others = {g[2][0].iri for g in told}

    def hub(g) -> bool:  # "really bad spasms plus numbness and shaking": the one the others are said of
        return len(told) > 2 and others - {g[2][0].iri} <= set(reader.around.with_other(g[2][0].iri))
    # of the conditions, what the reader has before what they were in ("lay bricks *in the heat* and my thighs *spasm*.
    # what might be causing it": the spasm, not heat exhaustion)
    return sorted(told, key=lambda g: (not hub(g), not any(reader.fits(m.iri, c) for m in g[2] for c in CONDITIONS),
                                       not any(reader.fits(m.iri, KGO + "SignOrSymptom") for m in g[2])))


def _conditions_first(reader, an: Analysis, iris: list[str]) -> list[str]:
    """"Got a charley horse playing football, what can I do at home": what to do is about a condition — the one named
    in the question, else the one the context names — not about "home treatments" or "heavy" (a word for obesity)."""
    def condition(iri: str) -> bool:
        return any(reader.fits(iri, c) for c in CONDITIONS)
    named = [i for i in iris if condition(i)]
    if not named:
        named = list(dict.fromkeys(m.iri for m in sorted(an.context_mentions, key=lambda m: -m.length)
                                   if condition(m.iri)))
    symptoms = [i for i in named if reader.fits(i, KGO + "SignOrSymptom")]
    named = symptoms + [i for i in named if i not in symptoms]
    return named + [i for i in iris if i not in named and not reader.fits(i, KGO + "Therapy")] if named else iris


def held_first(reader, an: Analysis, groups, context):
    """"My dad has ALS and his legs twitch: what can help him": the disease a person has is what helps are
    asked for, not the symptom it brings ("what helps with her spasms" of a mum who has ALS)."""
    person = any(t.lemma in ("he", "him", "she", "her", "his", "hers") for t in an.question)
    treat = any({KGO + "treats", KGO + "treatedBy"} & set(c.entry.references) for c in an.relation_cues)
    if not (person and treat):
        return groups
    held = []
    for g in list(groups) + list(context):
        before = [t.lemma for t in an.tokens[max(0, g[0] - 3):g[0]]]
        if any(w in ("have", "with", "diagnose") for w in before) and any(reader.fits(m.iri, KGO + "Disease") for m in g[2]):
            held.append(g)
    if not held:
        return groups
    symptom = [g for g in groups if all(reader.fits(m.iri, KGO + "SignOrSymptom") for m in g[2])]
    return held[:1] + [g for g in groups if g not in held[:1] and g not in symptom]


def cured(groups: list, cues: list) -> tuple:
    """The thing a cure is asked of: the one after the cure word when another stands before it ("does magnesium *cure*
    ALS", "will stretching cure cramps": whether ALS or cramps can be cured at all), else the first named.

    >>> cured([(0, 1, ["magnesium"]), (3, 4, ["ALS"])], [type("Cue", (), {"start": 2})()])
    (3, 4, ['ALS'])
    """
    at = cues[0].start
    before, after = [g for g in groups if g[1] <= at], [g for g in groups if g[0] > at]
    return after[0] if before and after else groups[0]
