"""Questions about the article as a document: its outline, its FAQ's questions, its notes, and what one section says.

Readers ask about the page itself ("what are the main sections, in order", "how many questions are in the FAQ",
"the FAQ's last question", "the note after the bit about seeing a doctor", "sum up what the Conclusion says about
prevention"). The graph holds that structure (``queries/internal/qa-document.rq``: sections with their headings and
places, the FAQ's questions with the lines that answer them, the notes, all verbatim), and the lexicon the words
for it (``kgl:said``, ``kgl:faq-question``, ``kgl:note``, ``kgl:outline``: word sets, never cues). A section named
with a word that asks what it says is answered with that section's own sentences, the ones that bear on the rest of
the question first (BM25 over the quotes, kg.qa.closest) — a section-restricted reading that quotes, never one that
runs a relation on whatever entity was named.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph

from kg.qa.answer import SOURCE_ANCHOR, Answer
from kg.qa.closest import ADJACENT, quote_index
from kg.qa.items import ORDINALS
from kg.qa.lexicon import internal_query, lexicon
from kg.qa.parts import LEADS, Within
from kg.qa.text import AUXILIARIES, STOPWORDS, lemmas_of, owned_as_mine
from kg.sparql.registry import internal
from kg.sparql.text import with_values, without_header
from kg.store.memo import per_store

QUERY = "qa-document"
KGO = "https://w3id.org/kneekg/ontology/"
MOST_SAID = 4  # sentences quoted when a section is asked about some words of it
WHOLE = 8  # sentences quoted when a section is asked about as a whole
POSSESSIVES = frozenset("my your our his her their".split())
ARTICLES = frozenset("the a that this its article's".split())  # the article's note is named with one
READERS = frozenset("of on about down".split())  # "make a note *of*", "take notes *on*": the reader's own
CLOSE = 0.5  # a sentence quoted with the best is at least this share of the best one's relevance


@dataclass(frozen=True)
class Passage:
    """A section, a question of the FAQ or a note: its IRI, its words (verbatim) and where it sits."""

    iri: str
    text: str
    ordinal: int
    begin: int
    end: int
    section: str | None = None  # the section a question or a note is part of
    answer: "Passage | None" = None  # an FAQ question's answer line
    heading: str | None = None  # a section's heading line, verbatim

    def quoted(self, label: str) -> dict:
        return {"quote": self.text, "begin": self.begin, "end": self.end,
                "source": SOURCE_ANCHOR.format(begin=self.begin, end=self.end), "relation_label": label}


@dataclass(frozen=True)
class Document:
    """The article's sections, FAQ questions and notes, in article order (read once per store)."""

    sections: tuple[Passage, ...]
    questions: tuple[Passage, ...]
    notes: tuple[Passage, ...]

    @classmethod
    def from_store(cls, store) -> "Document":
        found: dict[str, list[Passage]] = {"ArticleSection": [], "ArticleQuestion": [], "ArticleNote": []}
        for row in store.query(internal_query(QUERY)):
            answer = None
            if row["answer"] is not None:
                answer = Passage(row["answer"].value, row["answerText"].value, 0, int(row["answerBegin"].value),
                                 int(row["answerEnd"].value), row["section"].value)
            found[row["kind"].value.removeprefix(KGO)].append(Passage(
                row["part"].value, row["label"].value, int(row["ordinal"].value), int(row["begin"].value),
                int(row["end"].value), row["section"].value if row["section"] is not None else None, answer,
                row["heading"].value if row["heading"] is not None else None))
        order = lambda ps: tuple(sorted(ps, key=lambda p: p.begin))  # noqa: E731
        return cls(order(found["ArticleSection"]), order(found["ArticleQuestion"]), order(found["ArticleNote"]))

    @property
    def faq(self) -> list[Passage]:
        """The sections that hold the FAQ's questions (one in the article)."""
        held = {q.section for q in self.questions}
        return [s for s in self.sections if s.iri in held]

    def section(self, iri: str) -> Passage | None:
        return next((s for s in self.sections if s.iri == iri), None)

    def headings(self) -> tuple[Passage, ...]:
        """The sections under a heading (the untitled introduction, ordinal 0, has none)."""
        return tuple(s for s in self.sections if s.ordinal > 0)


document = per_store(Document.from_store)
document.__doc__ = """The article as a document: sections, FAQ questions and notes of ``store`` (built once per store)."""


def _has(an, lex, intent: str, tokens=None) -> list[int]:
    """The positions where a form of the word set ``intent`` starts in ``tokens`` (the asking clause by default)."""
    tokens = an.question if tokens is None else tokens
    lemmas = [t.lemma for t in an.tokens]
    return [t.i for t in tokens if lex.in_set(intent, lemmas, t.i)]


def answer_document(answer: Answer, store, an, within: Within | None) -> Answer | None:
    """The answer when the question asks about the article as a document, else None (read as usual)."""
    lex, doc = lexicon(store), document(store)
    faq = doc.faq
    sections = [] if within is None or within.outside or within.row is not None else \
        [doc.section(p) for p in within.parts if doc.section(p) is not None]
    every = an.context + an.question
    first = next((t.i for t in an.question if not t.is_punct), -1)
    filler = lex.intent_forms("filler")
    relations = [c for c in an.relation_cues if not all(an.tokens[k].lemma in filler for k in c.positions)]  # "give"
    asks = not an.yes_no or _request(an)  # "can you sum up what it says": a request, not a yes or no
    if _has(an, lex, "note", every) and asks:
        note = _note(an, lex, doc, sections)
        if note is not None:
            return _quote_note(answer, doc, note)
    asked_faq = faq and any(s.iri == faq[0].iri for s in sections)
    if asked_faq and _has(an, lex, "faq-question", every) and asks:
        return _faq(answer, an, lex, doc, faq[0])
    if within is None and _has(an, lex, "outline") and asks and not an.mentions \
            and not relations and not an.class_cues and not _unknown_beside(an, lex):
        return _outline(answer, an, lex, doc)
    if len(sections) == 1 and _has(an, lex, "outline") and _beside(an, within):  # "the last section before the FAQ"
        return _one_section(answer, doc, _beside(an, within), sections[0])
    if not sections and (an.mentions or an.unknown) and _where_asked(an, lex):
        return _where(answer, store, an, lex, doc)
    if sections and _has(an, lex, "said", every) and asks and not an.intent_cues("count") \
            and not any(c.start > 0 and an.tokens[c.start - 1].lemma in ("which", "what") and c.start - 1 == first
                        for c in an.class_cues) \
            and not _said_relation(an, lex):  # "which minerals does the self-care section say …", "… say causes X"
        return _said(answer, store, an, within, sections)
    return None


def _said_relation(an, lex) -> bool:
    """"What does the FAQ say *causes* knee twitching": the words said are a relation asked, a list to read inside the
    part, not the part's sentences to quote."""
    lemmas, starts = [t.lemma for t in an.tokens], {c.start for c in an.relation_cues}  # "say (can) cause"
    return any(k in starts and all(w in AUXILIARIES for w in lemmas[t.i + lex.in_set("said", lemmas, t.i):k])
               for t in an.question if lex.in_set("said", lemmas, t.i) for k in range(t.i + 1, t.i + 4))


def _where_asked(an, lex) -> bool:
    """"*Which section* talks about stretching", "*what part of the article* covers ALS", "*where* does it talk about
    Medicramp": the place in the article is asked, not what it says there."""
    for c in an.cues:
        if c.entry.intent == "part" and c.start > 0 and an.tokens[c.start - 1].lemma in ("which", "what") \
                and (not c.entry.references or c.entry.references[0] == KGO + "ArticleSection") and c.start in an.q_positions:
            return True
    return an.wh == "where" and bool(_has(an, lex, "said"))


def _where(answer: Answer, store, an, lex, doc: Document) -> Answer | None:
    """The sections whose sentences bear most on the question's words, each with its closest sentence."""
    quotes = quote_index(store)
    lemmas = [t.lemma for t in an.tokens]
    plain = lex.intent_forms("filler") | lex.intent_forms("part") | {"part", "where", "article"}
    said = {k for t in an.question for k in range(t.i, t.i + lex.in_set("said", lemmas, t.i))}
    rest = " ".join(t.surface for t in an.question if not t.is_punct and t.lemma not in STOPWORDS and t.i not in said
                    and t.lemma not in plain)
    scores = quotes.relevance(rest, [q for q, _, _ in quotes.quotes]) if rest else {}
    best_of: dict[str, tuple[float, tuple[str, int, int]]] = {}
    for q in quotes.quotes:
        section = next((s for s in reversed(doc.sections) if s.begin <= q[1]), None)
        score = scores.get(q[0], 0.0)
        if section is not None and score > 0 and score > best_of.get(section.iri, (0.0, None))[0]:
            best_of[section.iri] = (score, q)
    if not best_of:
        return None
    top = max(score for score, _ in best_of.values())
    chosen = sorted(((score, iri, q) for iri, (score, q) in best_of.items() if score >= CLOSE * top),
                    key=lambda x: -x[0])[:3]
    chosen.sort(key=lambda x: x[2][1])
    named = [doc.section(iri) for _, iri, _ in chosen]
    answer.answered, answer.kind = True, "list"
    answer.reading = f"I read this as: which sections of the article talk about “{rest}”."
    answer.message = ("The article talks about it most in " + "; ".join(
        f"the section “{s.text}” (“{q[0]}”)" for s, (_, _, q) in zip(named, chosen)) + ".")
    answer.answers = [{"label": s.text, "iri": s.iri, "url": SOURCE_ANCHOR.format(begin=s.begin, end=s.end)}
                      for s in named]
    answer.evidence = [{"quote": q, "begin": b, "end": e, "source": SOURCE_ANCHOR.format(begin=b, end=e),
                        "relation_label": "section text"} for _, _, (q, b, e) in chosen]
    _query(answer, {"kind": KGO + "ArticleSection"})
    answer.debug = {"why": ["where in the article: the sections whose sentences bear most on the words", rest]}
    return answer


def _unknown_beside(an, lex) -> list[str]:
    """The unknown words that are not words for the article as a document ("the table of *contents*", "how is it
    *laid* out"): words of another subject."""
    lemmas = [t.lemma for t in an.tokens]
    own = {k for intent in ("outline", "said") for t in an.tokens for k in range(t.i, t.i + lex.in_set(intent, lemmas, t.i))}
    return [w for w in an.unknown if not any(an.tokens[k].surface == w for k in own) and w not in ORDINALS]


def _request(an) -> bool:
    """A polite request put as a yes/no question: "can you tell me …", "could you sum up …", "would you list …"."""
    words = [t.lemma for t in an.question if not t.is_punct]
    return len(words) > 2 and words[1] == "you" and words[0] in AUXILIARIES


def _query(answer: Answer, bindings: dict[str, str]) -> None:
    query = internal(QUERY)
    answer.query = {"name": QUERY, "summary": query.summary, "origin": f"The named query {QUERY} ({query.summary})",
                    "sparql": query.sparql, "bindings": {k: [v] for k, v in bindings.items()},
                    "sparql_with_values": with_values(without_header(query.sparql),
                                                      {k: pyoxigraph.NamedNode(v) for k, v in bindings.items()})}


def _outline(answer: Answer, an, lex, doc: Document) -> Answer:
    """The article's headings, in order: all of them, counted, or one by its place ("the second heading")."""
    heads = doc.headings()
    place = _ordinal(an, lex, _has(an, lex, "outline"))
    if place is not None and 0 < abs(place) <= len(heads):
        return _one_section(answer, doc, place, None)
    answer.answered, answer.kind = True, "list"
    if an.intent_cues("count"):
        answer.kind, answer.count = "count", len(heads)
    answer.reading = ("I read this as: how many sections the article has (its headings)." if answer.count else
                      "I read this as: the article's sections, in order (its headings).")
    answer.message = (f"The article has {len(heads)} sections under headings, after an untitled introduction: "
                      + "; ".join(f"{k}. {s.text}" for k, s in enumerate(heads, start=1)) + ".")
    answer.answers = [{"label": s.text, "iri": s.iri, "url": SOURCE_ANCHOR.format(begin=s.begin, end=s.end)}
                      for s in heads]
    answer.evidence = [_heading(s) for s in heads]
    _query(answer, {"kind": KGO + "ArticleSection"})
    answer.debug = {"why": ["the article's outline asked: its headings in order"]}
    return answer


def _beside(an, within: Within) -> int | None:
    """"The section *before* the FAQ" (-1), "the one *after* the key takeaways" (1): the place beside a named section."""
    k = min(within.positions) - 1
    while k >= 0 and an.tokens[k].lemma in ("the", "a", "this", "that"):
        k -= 1
    return {"before": -1, "after": 1, "following": 1, "preceding": -1}.get(an.tokens[k].lemma) if k >= 0 else None


def _one_section(answer: Answer, doc: Document, place: int, beside: Passage | None) -> Answer:
    """One section by its place among the headings (from the end when negative), or beside another one; its heading
    and its opening sentence."""
    heads = list(doc.headings())
    if beside is not None:
        k = heads.index(beside) + place if beside in heads else -1
        if not 0 <= k < len(heads):
            return None
        section = heads[k]
        where = f"the section {'before' if place < 0 else 'after'} “{beside.text}”"
    else:
        section = heads[place - 1 if place > 0 else place]
        where = f"heading {heads.index(section) + 1} of {len(heads)}"
    answer.answered, answer.kind = True, "list"
    answer.reading = f"I read this as: {where} of the article."
    answer.message = f"That is the section “{section.text}” ({where}" + (
        f"; heading {heads.index(section) + 1} of {len(heads)})." if beside is not None else ").")
    answer.answers = [{"label": section.text, "iri": section.iri,
                       "url": SOURCE_ANCHOR.format(begin=section.begin, end=section.end)}]
    answer.evidence = [_heading(section)]
    _query(answer, {"part": section.iri})
    answer.debug = {"why": ["one section by its place", where]}
    return answer


def _heading(s: Passage) -> dict:
    """A section's heading line as a quote, verbatim ("ToggleKey Takeaways:" carries page debris its label drops)."""
    line = s.heading or s.text
    return {"quote": line, "begin": s.begin, "end": s.begin + len(line),
            "source": SOURCE_ANCHOR.format(begin=s.begin, end=s.begin + len(line)), "relation_label": "heading"}


def _ordinal(an, lex, at: list[int]) -> int | None:
    """The place asked for ("the *last* question", "the *third* question"), or None."""
    for k in at:
        for t in an.tokens[max(0, k - 3):k]:
            if t.surface in ORDINALS or t.lemma in ORDINALS:  # "opening" is lemmatised "open"
                return ORDINALS.get(t.surface, ORDINALS.get(t.lemma))
    return None


def _faq(answer: Answer, an, lex, doc: Document, faq: Passage) -> Answer:
    """The FAQ's questions: counted, one of them by its place (with its answer), or all of them."""
    questions = [q for q in doc.questions if q.section == faq.iri]
    at = _has(an, lex, "faq-question", an.context + an.question)
    place = _ordinal(an, lex, at)
    _query(answer, {"section": faq.iri})
    if place is not None and abs(place) <= len(questions) and place != 0:
        q = questions[place - 1 if place > 0 else place]
        n = questions.index(q) + 1
        answer.answered, answer.kind = True, "describe"
        answer.reading = f"I read this as: question {n} of the article's FAQ and the answer it gives."
        answer.message = (f"The FAQ's {'last' if place < 0 else _nth(n)} question (of {len(questions)}) is “{q.text}”"
                          + (f" The article answers: “{q.answer.text}”" if q.answer else ""))
        answer.answers = [{"label": q.text, "iri": q.iri, "url": SOURCE_ANCHOR.format(begin=q.begin, end=q.end)}]
        answer.evidence = [q.quoted("FAQ question")] + ([q.answer.quoted("FAQ answer")] if q.answer else [])
        answer.debug = {"why": ["one question of the FAQ, by its place", str(place)]}
        return answer
    matching = [] if an.intent_cues("count") else _matching(an, lex, questions, at)
    if matching:  # "which FAQ question is about ALS": the questions that name it, with their answers
        answer.answered, answer.kind = True, "list"
        answer.reading = "I read this as: the FAQ's questions about " + " ".join(matching[1]) + ", with their answers."
        answer.message = "The FAQ asks: " + " ".join(
            f"“{q.text}” (question {questions.index(q) + 1} of {len(questions)})" + (
                f" The article answers: “{q.answer.text}”" if q.answer else "") for q in matching[0])
        answer.answers = [{"label": q.text, "iri": q.iri, "url": SOURCE_ANCHOR.format(begin=q.begin, end=q.end)}
                          for q in matching[0]]
        answer.evidence = [e for q in matching[0] for e in
                           [q.quoted("FAQ question")] + ([q.answer.quoted("FAQ answer")] if q.answer else [])]
        answer.debug = {"why": ["the FAQ's questions that share the question's words"]}
        return answer
    answer.answered = True
    answer.answers = [{"label": q.text, "iri": q.iri, "url": SOURCE_ANCHOR.format(begin=q.begin, end=q.end)}
                      for q in questions]
    answer.evidence = [q.quoted("FAQ question") for q in questions]
    listing = " ".join(f"{k}. {q.text}" for k, q in enumerate(questions, start=1))
    if an.intent_cues("count"):
        answer.kind, answer.count = "count", len(questions)
        answer.reading = "I read this as: how many questions the article's FAQ has."
        answer.message = f"The article's FAQ has {len(questions)} questions: {listing}"
    else:
        answer.kind = "list"
        answer.reading = "I read this as: the questions of the article's FAQ, in order."
        answer.message = f"The article's FAQ asks {len(questions)} questions: {listing}"
    answer.debug = {"why": ["the FAQ's questions"]}
    return answer


def _matching(an, lex, questions: list[Passage], at: list[int]) -> tuple[list[Passage], list[str]] | list:
    """The FAQ questions sharing most of the question's own content words (not the words for the FAQ or its
    questions), or [] when it names none ("which FAQ question is about *ALS*")."""
    plain = lex.intent_forms("filler") | lex.intent_forms("part") | {"faq", "question", "answer", "about"}
    words = [t for t in an.question if not t.is_punct and t.lemma not in STOPWORDS and t.lemma not in plain
             and t.i not in at and t.lemma not in ORDINALS]
    if not words:
        return []
    wanted = {t.lemma for t in words}
    scored = [(len(wanted & set(lemmas_of(q.text))), q) for q in questions]
    best = max(score for score, _ in scored)
    if best == 0:
        return []
    return [q for score, q in scored if score == best][:3], [t.surface for t in words]


def _nth(n: int) -> str:
    """
    >>> _nth(1), _nth(2), _nth(3), _nth(11), _nth(13)
    ('1st', '2nd', '3rd', '11th', '13th')
    """
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _note(an, lex, doc: Document, sections: list[Passage]) -> Passage | None:
    """The note asked about: the article's note ("a note of …" is the reader's own), the one in or right after a named
    section, else the one whose words the question shares most."""
    at = _has(an, lex, "note", an.context + an.question)
    def articles(k: int) -> bool:  # "the note", "a little note", "the article's side note", not "take notes on"
        before = owned_as_mine(an.tokens[max(0, k - 3):k])  # "a patient's notes", "my GP's notes": as "my notes"
        after = an.tokens[k + 1].lemma if k + 1 < len(an.tokens) else ""
        verb = k > 0 and an.tokens[k - 1].lemma in ("article", "it", "text")  # "what does the article *note* about X"
        return bool(set(before) & ARTICLES) and not set(before) & POSSESSIVES and after not in READERS and not verb
    if not any(articles(k) for k in at):
        return None  # "what should I keep a note of", "for my revision notes": the reader's notes, not the article's
    if not doc.notes:
        return None
    named = {s.iri for s in sections}
    for note in doc.notes:
        if note.section in named:
            return note
    if len(doc.notes) == 1:
        return doc.notes[0]
    words = {t.lemma for t in an.tokens if t.lemma not in STOPWORDS}
    return max(doc.notes, key=lambda n: len(words & set(n.text.lower().split())))


def _quote_note(answer: Answer, doc: Document, note: Passage) -> Answer:
    section = doc.section(note.section) if note.section else None
    answer.answered, answer.kind = True, "describe"
    where = f" (in the section “{section.text}”)" if section else ""
    answer.reading = "I read this as: what the article's note says" + where + "."
    answer.message = f"The article's note{where} says: “{note.text}”"
    answer.evidence = [note.quoted("note")]
    answer.answers = []
    _query(answer, {"part": note.iri})
    answer.debug = {"why": ["a note of the article asked about"]}
    return answer


def _said(answer: Answer, store, an, within: Within, sections: list[Passage]) -> Answer:
    """What a named section says: its own sentences (every quote the graph holds from it), those that bear most on the
    question's other words first, quoted in article order."""
    quotes = quote_index(store)
    lex = lexicon(store)
    lemmas = [t.lemma for t in an.tokens]
    said = {k for t in an.question for n in [lex.in_set("said", lemmas, t.i)] if n for k in range(t.i, t.i + n)}
    plain = lex.intent_forms("filler") | lex.intent_forms("part") | LEADS  # "now the section *called* …"
    rest = " ".join(t.surface for t in an.question if t.i not in within.positions and t.i not in said
                    and not t.is_punct and t.lemma not in STOPWORDS and t.lemma not in plain)
    inside = [(q, b, e) for q, b, e in quotes.quotes if any(s.begin <= b and e <= s.end for s in sections)]
    if not inside:
        return None
    scores = quotes.relevance(rest, [q for q, _, _ in inside]) if rest else {}
    best = max(scores.values(), default=0.0)
    if best > 0:
        chosen = sorted((x for x in inside if scores[x[0]] >= CLOSE * best), key=lambda x: -scores[x[0]])[:MOST_SAID]
    else:
        chosen = inside[:WHOLE]
    chosen = _runs(inside, chosen + _after(inside, chosen[0]) if best > 0 else chosen)
    titles = " / ".join(f"“{s.text}”" for s in sections)
    about = f" about “{rest}”" if rest and best > 0 else ""
    answer.answered, answer.kind = True, "describe"
    answer.reading = f"I read this as: what the article's section {titles} says{about}, in its own words."
    answer.message = (f"The section {titles} says{about}: " + " ".join(f"“{q}”" for q, _, _ in chosen)
                      + ("" if best > 0 or len(inside) <= WHOLE else f" (the first {WHOLE} of its {len(inside)} "
                                                                     "sentences)"))
    answer.evidence = [{"quote": q, "begin": b, "end": e, "source": SOURCE_ANCHOR.format(begin=b, end=e),
                        "relation_label": "section text"} for q, b, e in chosen]
    answer.answers = []
    _query(answer, {"part": sections[0].iri})
    answer.debug = {"why": ["a section named and asked what it says: its sentences", rest]}
    return answer


def _after(inside: list[tuple[str, int, int]], quote: tuple[str, int, int]) -> list[tuple[str, int, int]]:
    """The sentence right after ``quote`` when it follows it directly: "Prevention is also key …" says what of it in
    the next sentence ("Maintaining proper hydration, conditioning the muscles …")."""
    return [x for x in inside if 0 < x[1] - quote[2] <= ADJACENT][:1]


def _runs(inside: list[tuple[str, int, int]], chosen: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The chosen sentences in article order, with the one sentence between two chosen ones that follow each other: "Prevention is also key …" and "By taking these preventive measures …" bring the
    sentence between them that says what those measures are.

    >>> s = [("A.", 0, 2), ("B.", 3, 5), ("C.", 6, 8), ("D.", 20, 22)]
    >>> [q for q, _, _ in _runs(s, [s[0], s[2]])]
    ['A.', 'B.', 'C.']
    >>> [q for q, _, _ in _runs(s, [s[2], s[3]])]
    ['C.', 'D.']
    """
    inside = sorted(set(inside), key=lambda x: x[1])
    picked = sorted({inside.index(x) for x in chosen})
    out = set(picked)
    for a, b in zip(picked, picked[1:]):
        if b - a == 2 and all(inside[k + 1][1] - inside[k][2] <= ADJACENT for k in range(a, b)):
            out.update(range(a, b))
    return [inside[k] for k in sorted(out)]


__all__ = ["Document", "Passage", "answer_document", "document"]
