"""A second opinion for yes/no questions the parser abstains on: one stated fact whose two ends the question names.

Fresh questions are often yes/no questions the readings miss though the article states the fact asked about ("my legs
go tight after the bike, could it just be from doing the same motion over and over": overuse or repetitive motions
can cause muscle spasm). When the parser abstains, and declined for no dose, advice, prognosis or SPARQL, every fact
around the things the question names is tried, and the answer is "Yes" — the fact in the lexicon's words with its
qualifiers, its quote and "I read this as: whether …" — only when all of these hold:

* the question asks yes or no only: no comparison or choice ("is heat *or* ice *better*"), ranking, "same thing as",
  "always", nor a clause opening with a question word; no story about another condition or another subject (the
  parser's own kg.qa.coverage), no thing the article does not name asked of (kg.qa.unmentioned: "foods *rich in*
  potassium", "swears by tonic water");
* both ends of the fact are named by different spans of the question (a linked entity: misspellings and everyday
  names included; the article's topic also by another of its names, "leg cramps" for muscle spasm), every end but
  the topic in the asking clause; the topic may go unsaid ("does sipping water through the day help") unless the
  question points back to something told ("I have fibromyalgia, would stretching help *it*");
* a relation word of the question is the fact's relation or one the lexicon calls near, in the fact's direction
  ("can muscle spasms give you dehydration" is no "dehydration can cause muscle spasm"; "does caffeine help cramps"
  no cause); a question with no relation word asks no stated link;
* every word of the asking clause that names nothing the article knows is spelt (nearly) as a word of the quote;
* the quote bears on the question's words (BM25 over the quotes, kg.qa.closest).

Otherwise the abstention stands. It never answers "No": a link the article does not state is no denial.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from rapidfuzz import fuzz

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.closest import QuoteIndex
from kg.qa.facts import Statement
from kg.qa.lexicon import lexicon, local
from kg.qa import by_name, coverage, unmentioned
from kg.qa.querygraph import KGO
from kg.qa.text import WH_WORDS, lemma, normalise_text

ANSWERABLE = frozenset(KGO + p for p in ("causes", "treats", "prevents", "depletes", "exacerbates", "riskFactorFor",
                                         "sideEffectOf", "hasSymptom", "atIncreasedRiskOf", "indicates"))
DECLINES_KEPT = frozenset({"dose", "prognosis", "advice", "sparql"})  # a refusal is never second-guessed
MIN_RELEVANCE = 2.5  # BM25 of the fact's quote for the question's words
SPELT_LIKE = 80  # rapidfuzz ratio: an unknown word spelt as a word of the quote ("exesive" ~ "excessive")
OPENERS = WH_WORDS - {"when"}  # not "when": "when I'm stressed, does the twitching get worse"
BACK = frozenset("it that this them these those they".split())  # words for a thing told before the question
IMPLIED = (-1, -1)  # the span of the topic a question leaves unsaid
MIN_UNKNOWN_CHARS = 4  # shorter unknown words ("im", "ya") say nothing about what is asked
OTHER_ASKS = frozenset({"comparison", "ranking", "difference", "elsewhere", "universal", "exclusion"})  # "is heat or
# ice *better*", "the *same thing as* growing pains", "does it *always* mean ALS": a link stated answers none of these
COMPARATIVES = frozenset("more less better worse than most least best worst".split())  # unless a relation's words
ELSEWHERE = frozenset({"elsewhere", "other-subject"})  # the lexicon's words for other conditions, animals (kg.qa.coverage)
CHOICE = frozenset({"or", "versus", "vs"})  # "are older people *or* athletes more likely": which one, not whether


@dataclass
class Opinion:
    statement: Statement
    relevance: float
    related: bool  # the question's relation words are the fact's relation (or near it)
    unexplained: tuple[str, ...]  # unknown words of the question the fact's quote does not hold

    @property
    def agrees(self) -> bool:
        return self.relevance >= MIN_RELEVANCE and self.related and not self.unexplained


def topic_group(ex: Executor) -> frozenset[str]:
    """The article's topic and what it is a form of (knee muscle spasm, muscle spasm, muscle twitching)."""
    out = set(ex.topic)
    for t in ex.topic:
        out |= {st.object for st in ex.statements(t) if st.subject == t and st.predicate == KGO + "formOf"}
    return frozenset(out)


def left(answer: Answer) -> bool:
    """Whether the parser left the question unanswered, and declined it for no dose, advice, prognosis or SPARQL."""
    return answer.boolean is None and answer.declined not in DECLINES_KEPT and (not answer.answered or answer.kind == "abstain")


def yes_no(an: Analysis) -> bool:
    """Whether the question asks only yes or no: no comparison, ranking, "same as", "always", nor a question word."""
    asks = an.yes_no or (an.question_mark and not an.wh)
    return asks and not (an.intents & OTHER_ASKS or _compares(an) or _asks_what(an))


def _elsewhere(ex: Executor, quotes: QuoteIndex, an: Analysis, raw: str) -> bool:
    """A story about another condition or another subject ("I have fibromyalgia, would stretching help it", "most of
    the sheep are twitching, can lack of calcium cause that"), anywhere in the question: what the parser declines by
    name (kg.qa.coverage), and no fact of the article answers it."""
    if any(c.entry.kind == "intent" and c.entry.intent in ELSEWHERE for c in an.cues):
        return True
    return bool(coverage.elsewhere(an, lexicon(ex.store), quotes.vocabulary, ex.index, raw))


def _asks_what(an: Analysis) -> bool:
    """A clause opening with a question word ("*what* do calcium and potassium do for you? the article keeps saying
    …"): a question that is no yes/no, wherever the parser found the asking clause."""
    return any(t.lemma in OPENERS and (t.i == 0 or an.tokens[t.i - 1].is_punct) for t in an.tokens)


def _compares(an: Analysis) -> bool:
    """A comparative the question's relation words do not hold ("*more likely* to give me cramps", not "more prone")."""
    held = {i for c in an.relation_cues for i in c.positions}
    if any(t.lemma in COMPARATIVES or t.surface in COMPARATIVES for t in an.question if t.i not in held):
        return True
    named = [m for m in an.mentions if an.in_question(m)]
    return any(t.surface in CHOICE and any(m.end <= t.i for m in named) and any(m.start > t.i for m in named)
               for t in an.question)


def _spans(an: Analysis, topic: frozenset[str]) -> dict[str, set[tuple[int, int]]]:
    """Where the question names each thing: its chosen mentions, and the topic's shorter names inside one ("knee
    *twitch*"), not another thing's ("can *addressing nutrient deficiencies* cause spasms" names no deficiency)."""
    out: dict[str, set[tuple[int, int]]] = {}
    for m in an.mentions + [c for c in an.candidates if c.iri in topic]:
        out.setdefault(m.iri, set()).add((m.start, m.end))
    return out


def _named(iri: str, spans: dict, topic: frozenset[str]) -> set[tuple[int, int]]:
    if iri in topic:
        return {s for t in topic for s in spans.get(t, ())}
    return set(spans.get(iri, ()))


def _disjoint(a: set, b: set) -> bool:
    return any(x[1] <= y[0] or y[1] <= x[0] for x in a for y in b)


def _related(ex: Executor, an: Analysis, st: Statement, spans: dict, topic: frozenset[str]) -> bool:
    """Whether a relation word of the question is the fact's relation (or one the lexicon calls near), in the fact's
    direction when the question names both ends: "can muscle spasms give you dehydration" is no "dehydration can
    cause muscle spasm". A question with no relation word ("is caffeine worth it for cramps") asks no stated link."""
    first = {end: min((a for a, _ in _named(end, spans, topic) if a in an.q_positions), default=None)
             for end in (st.subject, st.object)}
    for cue in an.relation_cues:
        for prop in cue.entry.references:
            if st.predicate not in ex.family(prop) | ex.near(prop):
                continue
            rel = ex.schema.relations.get(prop)
            ahead = ex.schema.sub_properties(prop).union(*(ex.schema.sub_properties(n) for n in (rel.near if rel else ())))
            s, o = first[st.subject], first[st.object]
            if s is None or o is None or (s < o) == (st.predicate in ahead):
                return True
    return False


def _unexplained(an: Analysis, quote: str) -> tuple[str, ...]:
    words = normalise_text(quote).split()
    asked = {t.surface for t in an.question}
    out = []
    for w in dict.fromkeys(w for w in an.unknown if w in asked):
        if len(w) < MIN_UNKNOWN_CHARS:
            continue
        if not any(fuzz.ratio(w, q) >= SPELT_LIKE for q in words):
            out.append(w)
    return tuple(out)


def _read_as(an: Analysis) -> str:
    """The question's words as read: misspellings corrected, and the names its everyday words were linked by."""
    words = [an.corrections.get(t.i, t.surface) for t in an.tokens]
    return " ".join(words + [n for m in an.mentions for n in (m.matched, m.label)])


def opinions(ex: Executor, quotes: QuoteIndex, an: Analysis) -> list[Opinion]:
    """Every fact both of whose ends the question names, best first."""
    topic = topic_group(ex)
    spans = _spans(an, topic)
    own = {m.iri for m in an.mentions if an.in_question(m)}
    back = any(t.lemma in BACK for t in an.question)  # "I have fibromyalgia, would stretching help *it*": not the topic
    told = any(not any(ex.index.is_a(m.iri, k) for k in coverage.TOLD_OK) for m in an.context_mentions)  # "I have ALS."
    if not topic & set(spans) and len(own) == 1 and an.relation_cues and not back and not told:
        spans = spans | {t: {IMPLIED} for t in topic}  # "does sipping water through the day help": the topic unsaid
    named = set(spans) | (topic if topic & set(spans) else set())
    found: dict[str, Statement] = {}
    for iri in named:
        for st in ex.statements(iri):
            if st.predicate in ANSWERABLE and not st.negated and st.quote and st.subject in named and st.object in named:
                found.setdefault(st.iri, st)
    asked = an.q_positions
    facts = [st for st in found.values()
             if not (st.subject in topic and st.object in topic)  # "is this the spasm": a form of the topic is no answer
             and all(end in topic or any(s in asked for s, _ in spans.get(end, ())) for end in (st.subject, st.object))
             and _disjoint(_named(st.subject, spans, topic), _named(st.object, spans, topic))]
    if not facts:
        return []
    scores = quotes.relevance(_read_as(an), [st.quote for st in facts])
    out = [Opinion(st, scores.get(st.quote, 0.0), _related(ex, an, st, spans, topic), _unexplained(an, st.quote))
           for st in facts]
    return sorted(out, key=lambda o: (o.agrees, o.related, -len(o.unexplained), o.relevance), reverse=True)


def consider(ex: Executor, quotes: QuoteIndex, answer: Answer, analysis: Callable[[], Analysis], raw: str) -> Answer:
    """``answer``, or a "Yes" from the one fact the question asks about when the parser abstained on a yes/no
    (``analysis`` reads the question, only when the answer is such an abstention)."""
    if not left(answer):
        return answer  # answered, or declined for a dose, advice, a prognosis: never second-guessed
    an = analysis()
    if not yes_no(an) or _elsewhere(ex, quotes, an, raw) or _unsaid(an, quotes) or unmentioned.told_claim(an):
        return answer  # "are foods *rich in* potassium good", "my mate swears by tonic water": not what it names
    found = opinions(ex, quotes, an)
    if found:
        best = found[0]
        answer.debug["second_opinion"] = {"statement": best.statement.iri, "relevance": round(best.relevance, 2),
                                          "related": best.related, "unexplained": list(best.unexplained)}
    if not found or not found[0].agrees:
        return answer
    if by_name.related_asked(an, lexicon(ex.store), {found[0].statement.subject, found[0].statement.object}):
        return answer  # "does it *mention* sports drinks for cramps": a related word is no name of the article's
    return _yes(ex, answer, found[0].statement)


def _unsaid(an: Analysis, quotes: QuoteIndex) -> list[str]:
    """What the question asks about that the article never mentions ("*tonic* water"): not a word of its quotes
    ("circulation or *hormones*": a word of the sentence that states the fact, no thing of its own)."""
    return [w for w in unmentioned.asked(an) if not all(lemma(x) in quotes.vocabulary for x in w.split())]


def _yes(ex: Executor, answer: Answer, st: Statement) -> Answer:
    said = ex.says(st.predicate, ex.name(st.subject), ex.name(st.object))
    qualifiers = [q for q in st.qualifiers(ex.name) if q not in said]
    hedge = f" ({', '.join(qualifiers)})" if qualifiers else ""
    answer.answered, answer.kind, answer.boolean, answer.declined = True, "boolean", True, None
    answer.answers, answer.closest = [], []
    answer.evidence = [ex.evidence_item(st)]
    answer.reading = f"I read this as: whether {said}."
    quote = st.quote[:-1] if st.quote.endswith("”") and st.quote.count("”") > st.quote.count("“") else st.quote
    answer.message = f"Yes — the article says {said}{hedge}: “{quote}”"  # (a quote ending the article's own quotation)
    answer.debug["relation"] = local(st.predicate)
    return answer
