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

from kg.qa.analysis import Analysis, analyse
from kg.qa.answer import Answer, Executor, executor
from kg.qa.closest import quote_index
from kg.qa.described import quote_entities, resolve
from kg.qa.facts import around
from kg.qa.lexicon import lexicon
from kg.qa.linking import label_index
from kg.qa.parts import part_index
from kg.qa.choose import choose
from kg.qa.querygraph import KGO, Reading
from kg.qa.readings import reader
from kg.qa.render import group_evidence, render_text
from kg.qa import accompanied, advice, aimed, amounts, besides, best_remedy, by_name, compared, compound, contents, counted_once, coverage, denied, denied_kind, document, each, example_asked, explain, finer, first_line, foreign, from_cause, general_ask, guided, hyphens, idioms, in_condition, in_sentence, incidental, items, kinds, members_asked, named_sign, next_line, offtopic, onward, outlook, overlap, parts, point_of, pointed_back, premodified, purposes, qualities, reference, reported, second_opinion, shown, sideline, situation, staged, taken, told, turned, unmentioned, unnamed_head, verdict, when_asked, whether, workup, young
from kg.qa.respond import also_for_context, fill
from kg.qa.run import execute
from kg.qa.text import DETERMINERS, STOPWORDS, normalise_text, unlabelled
from kg.qa.words import join

MAX_QUESTION_CHARS = 500
PREREAD_ENTITIES = 1000  # at most this many entities: prepare() reads around each of them before the first question
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


def prepare(store) -> None:
    """Build every per-store index question answering uses (labels, lexicon, readings, BM25 over the quotes), so
    that no question pays for them: a server calls it at start, a benchmark before timing."""
    index = label_index(store)
    lexicon(store), reader(store), executor(store), quote_index(store), quote_entities(store), part_index(store), document.document(store)
    if len(index.labels) <= PREREAD_ENTITIES:  # a small graph (one article): read what is around every entity now
        reads = around(store)
        for iri in index.labels:
            reads.roles(iri), reads.with_other(iri)


def ask(store, question) -> Answer:
    """Answer ``question`` from ``store``; raise ``BadQuestion`` for unreadable input."""
    raw = normalise(question)
    if (claimed := verdict.reread(raw, lambda q: _ask_one(store, q))) is not None:  # "my wife reckons …, is she right"
        return claimed
    if (inner := reported.peel(raw, lexicon(store))) != raw:  # "my son wants to know whether …": what he asks
        answer = _asked(store, inner)
        answer.question = raw
        return answer
    return _asked(store, raw)


def _asked(store, raw: str) -> Answer:
    parts = compound.split(raw)
    if parts is not None and not _SPARQL.search(raw):
        first = _ask_one(store, parts[0])
        second = _ask_one(store, compound.about_answer(parts, first))  # its "it": the one thing answered
        if first.declined == "unknown" and (compound.refers_back(*parts) or compound.asks_on_story(*parts)):
            first.question = raw  # "what is restless legs syndrome and how is it treated": "it" is what it does not cover
            return first
        for part, other in ((first, second), (second, first)):
            if part.declined == "advice" and other.answered and not other.declined:
                break  # "could the tablets do that, and should I just stop them": the fact, and no advice of ours
            if part.declined in ("dose", "prognosis", "advice", "sparql"):  # nothing is answered around a refusal
                part.question = raw
                return part
        return compound.merge(raw, first, second)
    return _ask_one(store, raw)


def _ask_one(store, raw: str) -> Answer:
    answer = _read_one(store, raw)  # a yes/no it abstains on: one stated fact both of whose ends it names
    return second_opinion.consider(executor(store), quote_index(store), answer, lambda: _plain(store, raw), raw)


def _plain(store, raw: str) -> Analysis:
    index, lex = label_index(store), lexicon(store)
    return analyse(_rejoined(raw, index, lex)[0], index, lex)


def _rejoined(raw: str, index, lex) -> tuple[str, dict]:
    """"see-the-doc": its words; "over wait": overweight, split by ear; "Exam item 2:" asks nothing."""
    return index.rejoin(hyphens.unhyphenated(unlabelled(raw), index.vocabulary | lex.vocabulary))


def _read_one(store, raw: str) -> Answer:
    answer = Answer(question=raw)
    if _SPARQL.search(raw):
        answer.declined = "sparql"
        answer.message = ("The article does not say: this box takes questions in plain English. "
                          "Use the query editor (/query) to run SPARQL.")
        return answer
    index, lex = label_index(store), lexicon(store)
    read = reader(store)
    ex = executor(store)
    text, joined = _rejoined(raw, index, lex)
    an = resolve(pointed_back.resolved(denied.dropped(idioms.unlinked(analyse(text, index, lex), lex))), store, index, read.schema, read.topic)
    an = denied_kind.resolve(an, store, index, read.schema, read.topic)  # "which disease has no cure"
    an, excluding = besides.excluded(kinds.resolve(premodified.resolve(from_cause.dropped(an, lex, index), store, index, read.schema, read.topic), ex), ex, lex)
    within = overlap.unless_sets(ex, part_index(store).find(an), an, lex, read.answer_classes(an))  # "in the remedies table"
    if within is not None:
        an = parts.without(an, within)
        within = None if parts.names_anchor(an, within) else within  # "the disorder named in the faq": which one
        an, within = items.ordinal(an, within, part_index(store), index)  # "the first cause in the causes list"
    answer.entities = [m.to_dict() for m in an.mentions]
    answer.corrections = {an.tokens[i].surface: w for i, w in an.corrections.items()} | joined
    answer.context = " ".join(t.surface for t in an.context)
    answer.unknown = list(an.unknown)
    if not any(not t.is_punct for t in an.tokens):
        answer.message = "The article does not say: the question has no words I can read."
        return answer
    if (one := in_sentence.answer(ex, answer, an, lex, store, read.answer_classes(an), excluding.iris)) is not None:
        return one  # "how many drugs are named in the sentence saying …": what that sentence names
    if an.intent_cues("dose") or amounts.asked(an, lex, index):  # "how many tablets could I safely take in a day"
        answer.declined = "dose"
        answer.message = ("The article gives no doses or amounts, so it cannot say how much to take or how often. "
                          "Follow the product's directions or ask a pharmacist or doctor.")
        return answer
    if an.intent_cues("prognosis"):  # "life expectancy with ALS": no figures in the article, and not ours to give
        return outlook.decline(ex, answer, an, quote_index(store).closest(raw, k=2))  # and what it says of its course
    if (after := next_line.answer(ex, answer, an, lex)) is not None:  # "what if lifestyle changes don't work": what comes next
        return after
    if (first := best_remedy.answer(ex, answer, an) or first_line.answer(ex, answer, an, lex)) is not None:  # "time or tablets"
        return first  # "should I try lifestyle changes first or go straight to tablets": the article's order
    elsewhere = coverage.elsewhere(an, lex, quote_index(store).vocabulary, index, raw)
    if elsewhere:  # "growing pains", "patellofemoral pain syndrome": another condition, though "pain" is a word of the article
        answer.declined = "unknown"
        answer.message = (f"The article does not cover {join(elsewhere)}: it is about muscle spasms of the knee, "
                          "their causes, treatment and prevention, not other conditions.")
        answer.closest = quote_index(store).closest(raw, k=2)
        return answer
    if advice.changes_own(an, lex) or sideline.asked(an, lex) or advice.asked(an) and not _warning(an) and not general_ask.asked_of_helps(an, index, lex):
        answer.declined = "advice"
        answer.message = ("The article does not say: it gives general information, not personal medical advice. "
                          "Please ask your doctor or pharmacist.")
        said = advice.said_for(ex, advice.for_named_cause(ex, an, topic=True)) or advice.said_of_named(ex, an)
        answer.closest = [] if said else quote_index(store).closest(raw, k=2)  # nearby, never as an answer
        if said or answer.closest:
            answer.message += " " + (said or "What the article says nearest your question: " + " ".join(
                f"“{c['quote']}”" for c in answer.closest))
        return answer
    decided = document.answer_document(answer, store, an, within) or items.answer_part(answer, part_index(store), within, an) \
        or qualities.answer(ex, answer, an)  # "is ALS progressive": a quality its definition states
    if decided is not None:
        return decided
    readings = besides.leaving_out(read.readings(an), excluding, bool(an.intent_cues("count")))  # "apart from coffee, what other stimulant"
    readings = shown.through_test(ex, readings, an)  # "if a blood test showed I was low, what would fix it"
    readings = point_of.readings(ex, readings, an, lex)  # "what is a balanced diet supposed to do for knee twitching"
    readings = when_asked.readings(ex, readings, an, lex, read.topic)  # "…, at what point do i get it looked at"
    readings = accompanied.readings(ex, readings, an, lex)  # "what could it mean if twitching comes with a rash"
    readings = guided.readings(ex, in_condition.readings(ex, staged.readings(ex, overlap.readings(ex, example_asked.readings(ex, readings, an), an, lex, classes := read.answer_classes(an)), an), an, classes), an)
    if within is not None:
        readings = parts.restrict(readings, within, classes, bool(an.intent_cues("count")))
    record = reference.declined(an, lex, quote_index(store).vocabulary)  # "the ICD-10 code", "books on ALS", "a plan"
    if record:
        answer.declined, answer.message = "unknown", record
        answer.closest = quote_index(store).closest(raw, k=2)
        return answer
    blocked = offtopic.blocks(an, store, text) or foreign.declined(an) or (_unknown_blocks(an, index) if within is None or not classes else [])
    if blocked:
        answer.declined = "unknown"
        answer.message = offtopic.not_mentioned(blocked, an, store)  # "hormones": a word it uses, though no entity
        if an.anchors:
            answer.message += " It does mention " + join(dict.fromkeys(m.label for m in an.anchors)) + "."
        answer.closest = quote_index(store).closest(raw)
        answer.alternatives = [_alternative(ex, r) for r in readings[:3]]
        return answer
    claimed = unmentioned.told_claim(an)  # "someone said quinine helps, is that true": what it does not mention
    if claimed:
        answer.declined = "unknown"
        answer.message = f"The article does not mention {join(claimed)}, so it does not say whether that is true."
        answer.closest = quote_index(store).closest(raw, k=2)
        return answer
    if not readings:
        answer.message = ("I could not read this as a question the article answers"
                          + (f": it does not mention {join(an.unknown)}." if an.unknown else "."))
        answer.closest = quote_index(store).closest(raw)
        return answer
    chosen, result = whether.linked(ex, *choose(ex, readings, an, patient=within is not None), an)  # "footwear?"
    result = counted_once.once_each(store, chosen, result)  # "how many medications, not counting stimulants": once each
    answer.reading = "I read this as: " + ex.describe(chosen) + _linked_note(an, chosen) + "".join(
        f" (“{k}” read as “{w}”.)" for k, w in joined.items())
    answer.debug = {"score": chosen.score, "why": chosen.why}
    fill(ex, answer, chosen, result, an)
    named_sign.apply(ex, answer, chosen, result, an)  # "balance off, a go to the doctor thing": the sign's yes
    turned.check(ex, answer, chosen, readings)  # "what causes ALS": not what ALS leads to
    answer = each.coordinated(ex, answer, chosen, an)  # "how are dehydration and nutrient deficiencies diagnosed": each
    aimed.add(ex, answer, an)  # "which stretches help knee spasms": the muscles they are for
    contents.add(ex, answer, an)  # "knee twitching diary what to write": what the symptom record holds
    workup.add(ex, answer, chosen, an, lex)  # "what tests will the doctor do for spasms": and those for its causes
    purposes.add(ex, answer, chosen)  # "what does physical therapy help with": "maintain mobility and independence"
    onward.add(ex, answer, chosen)  # "what can overdoing training lead to": the cause it exemplifies, then spasms
    asked = (unmentioned.asked(an, chosen) or idioms.myth_asked(an) or young.asked(an, lex) or taken.asked(an, lex)) if answer.boolean is True or an.yes_no else []
    if asked and (answer.boolean is True or chosen.kind in ("list", "serious")):  # "will eating *bananas* stop cramps", "is that normal *after a hip replacement*": the answer is about what the article names, not what was asked
        answer.boolean, answer.kind, answer.answered, answer.answers = None, "abstain", False, []
        answer.message = (f"The article does not mention {join(asked)}, so it does not say. What it does say: "
                          + re.sub(r"^Yes[^—-]{0,40}[—-]\s*", "", answer.message))
    elif not an.yes_no and unmentioned.qualified(an, quote_index(store).vocabulary):  # "what helps *menstrual* cramps"
        answer.message = (f"The article does not mention {join(unmentioned.qualified(an, quote_index(store).vocabulary))}."
                          " What it says: " + answer.message)
    elif beside := foreign.about_unknown(an, chosen):  # "how much does a physiotherapist *earn* in the *UK*": not its subject
        answer.answered, answer.kind, answer.answers, answer.evidence, answer.declined = False, "abstain", [], [], "unknown"
        answer.message = f"The article does not mention {join(beside)}. It does mention {ex.name(chosen.anchors[0])}, not this."
    elif chosen.kind == "about" and an.unknown and not an.yes_no:  # "what does it say about pickle juice for cramps"
        answer.message = f"The article does not mention {join(an.unknown)}. " + answer.message
        unnamed_head.decline(answer, an, lex)  # "what massage *oil* works best": a thing it never names
    elif an.yes_no and chosen.kind == "about" and not an.unknown and chosen.anchors[0] not in read.topic \
            and any(m.iri in chosen.anchors for m in an.anchors) and explain.stated_form(ex, answer, chosen):
        pass  # "can the spasms keep coming back": the form asked about is one the article states ("may recur")
    elif an.yes_no and chosen.kind == "about":  # a yes/no about one thing the article says nothing to: not stated
        answer.answered, answer.kind, answer.answers = False, "abstain", []
        answer.message = (f"The article does not mention {join(asked)}, so it does not say. " if asked else
                          "The article does not say. ") + answer.message
    elif not answer.answered and not answer.evidence and chosen.kind in ("list", "count") and not chosen.topic:
        explain.also_about(ex, answer, chosen.anchors, an)
    compared.unstated(answer, chosen, an) or by_name.apply(answer, chosen, an, lex) or finer.apply(  # "… *worse* in the
        answer, chosen, an, quote_index(store).vocabulary)  # third trimester", "does it *specifically recommend* sports
    # drinks", "the *molecular* mechanism": a link is no comparison, a related word no name, a link no finer mechanism
    if chosen.kind in ("serious", "action") and answer.answered:  # "…5 energy drinks a day, should I be worried"
        advice.add_for_cause(ex, answer, an)
    also_for_context(ex, answer, chosen, an)  # "it goes rock hard and hurts, is that part of a spasm": each thing told
    told.told_list(ex, answer, chosen, an)  # "I take a water pill, a statin and HRT: could any of these …": every one
    situation.told_first(ex, answer, chosen, an)  # "work stress is through the roof … what calms it": stress's helps
    members_asked.add(ex, answer, chosen, an, lex)  # "which stimulants can cause twitching", "what relaxing things help"
    _lay_words(ex, answer, an, chosen)
    answer.alternatives = [_alternative(ex, r) for r in _others(ex, readings, chosen)]
    if not answer.answered and not answer.evidence:
        answer.closest = quote_index(store).closest(raw)
    return answer


# --- choosing ---------------------------------------------------------------------------------

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
    question = ex.question(reading)
    return {"kind": "question", "reading": words, "text": question, "question": question,
            "url": "/ask?" + urlencode({"q": question})}


def _lay_words(ex: Executor, answer: Answer, an: Analysis, r: Reading) -> None:
    """Say when a lay word led to an entity: "“water pills” read as diuretics (an everyday word for them)", "“coffee”
    read as caffeine: the article names caffeine, not coffee"."""
    notes = []
    for m in an.mentions:
        if m.kind in ("lay", "search") and m.iri in r.anchors + tuple(x["iri"] for x in answer.answers):
            answer.lay_words.append({"word": m.text, "iri": m.iri, "label": m.label,
                                     "kind": "lay synonym" if m.kind == "lay" else "related word"})
            notes.append(f"“{m.text}” read as {ex.name(m.iri)}, an everyday word for it" if m.kind == "lay" else
                         f"“{m.text}” read as {ex.name(m.iri)}: the article names {ex.name(m.iri)}, not “{m.text}”")
    if notes:
        answer.message += " (" + "; ".join(dict.fromkeys(notes)) + ".)"


def _linked_note(an: Analysis, r: Reading) -> str:
    named = {m.iri for m in an.mentions}  # and a shorter name inside one, when the reading took it ("twitch")
    used = [m for m in an.mentions + [c for c in an.candidates if c.iri not in named and an.in_question(c)]
            if m.iri in r.anchors and m.kind != "topic"]
    inside = {k for m in used for k in m.span}
    parts = [f"“{an.tokens[i].surface}” read as “{w}”" for i, w in sorted(an.corrections.items())  # "wich", "mussels"
             if i not in inside and i in an.q_positions and an.tokens[i].surface != w]
    if not used and not parts:
        return "."
    for m in dict((m.iri, m) for m in used).values():
        how = {"pref": "", "alt": " (a synonym)", "lay": " (an everyday word for it)",
               "search": " (a related word, not a synonym)", "composed": "",
               "described": " (the one the article describes so)", "repeated": " (as named before)",
               "kind-of": f" (what {m.matched} is an example of)", "listed": f" ({m.matched})"}.get(m.kind, "")
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
    refers_back = bool(an.context_mentions) and any(t.lemma in ("it", "that", "this", "them", "him", "her", "he", "she")
                                                   for t in an.question)
    if not anchors and not refers_back:  # unless a story's thing is asked of: "… what signs mean I ought to *ring* the doctor"
        return incidental.deciding(an)
    starts = {m.start for m in anchors}
    modifiers = all(t.i + 1 in starts and t.i > 0 and an.tokens[t.i - 1].lemma in ("the", "a", "an", "my", "these", "those")
                    for t in an.question if t.surface in an.unknown)  # "the *odd* knee spasms": says which, not what
    one_thing = an.intents & {"course", "serious", "duration", "definition"} or modifiers
    asks_whether = an.yes_no or (an.question_mark and not an.wh)  # "knee twitching is from the genes?": yes or no
    if asks_whether and len({(m.start, m.end) for m in anchors}) < 2 and not refers_back and not one_thing:
        return an.unknown
    if all(index.is_a(m.iri, KGO + "BodyPart") for m in anchors) and not an.context_mentions \
            and "definition" not in an.intents:  # "how are muscles built so they can move": the part is the what
        return an.unknown  # "growing pains in teenagers' knees": only where, and the what is unknown
    if _unknown_head(an, index):
        return an.unknown  # "the recovery time for a *torn meniscus*": asked about a condition the article never names
    if asks_whether and not an.relation_cues and an.intents <= {"filler"} and not refers_back:  # no relation read: an
        verb = [t.surface for t in an.question if t.surface in an.unknown and t.i == max(m.end for m in anchors)]
        if verb:  # an unknown word right after the things asks how they relate ("cramps in pregnancy *harm* the baby")
            return verb
    positions = {t.i: t for t in an.question}
    unknown_at = [t.i for t in an.question if t.surface in an.unknown]
    for m in anchors:  # "knee brace", "knee replacement": the body part names where, the unknown word what
        if index.is_a(m.iri, KGO + "BodyPart") and m.end in unknown_at \
                and not positions[m.end].surface.endswith("ing"):  # a verb is no name: "keep my muscles *working*"
            return [positions[m.end].surface]
    return []


_OF_WHAT = frozenset("for of about".split())


def _unknown_head(an: Analysis, index) -> bool:
    """The question ends in "for/of/about" + a phrase of only unknown words, and names no condition of the article: what
    it asks about is another condition ("recovery time for a torn meniscus", "symptoms of gout")."""
    words = [t for t in an.question if not t.is_punct]
    unknown = set(an.unknown)
    tail = []
    for t in reversed(words):
        if t.surface in unknown:
            tail.insert(0, t)
        elif t.lemma in DETERMINERS and tail:
            continue
        else:
            break
    if not tail or tail[0].i == 0:
        return False
    lead = an.tokens[tail[0].i - 1]
    lead = an.tokens[lead.i - 1] if lead.lemma in DETERMINERS and lead.i > 0 else lead
    conditions = (KGO + "MedicalCondition", KGO + "SignOrSymptom", KGO + "Disease")
    named = any(index.is_a(m.iri, c) for m in an.anchors for c in conditions) or any(
        m.kind == "topic" for m in an.mentions)
    return lead.lemma in _OF_WHAT and not named


def examples(store=None) -> list[str]:
    """Example questions for the /ask page: every lexicon entry's examples (the tests run them all)."""
    if store is None:
        return ["What can make my knee twitch?", "What can dehydration lead to?", "Can too much coffee make my knee twitch?",
                "What is a blood test for?", "How long does a muscle spasm last?", "Which vitamins am I low on if my knee twitches?", "When should I see a doctor about knee twitching?",
                "Is there a cure for ALS?", "What treatments address the causes of knee twitching?"]
    return [ex for entry in lexicon(store).entries.values() for ex in entry.examples]


__all__ = ["ask", "prepare", "Answer", "BadQuestion", "MAX_QUESTION_CHARS", "normalise", "render_text", "group_evidence", "examples", "normalise_text"]
