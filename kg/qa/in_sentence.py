"""Counts over one sentence of the article: "how many drugs are named in the sentence saying which drugs have been
known to contribute to muscle spasms", "of the vitamin deficiencies particularly linked to knee twitching, how many
nutrients are listed in that sentence".

A count (``kgl:count``) with a sentence word (``kgl:sentence``: sentence, statement, that line …) asks what one
sentence names, not what the whole graph holds. The sentence is the one whose words the question quotes ("the one
starting 'Vitamin deficiencies, particularly'"), else the article's closest sentence (BM25 over the quotes,
kg.qa.closest) to the words that describe it — those after the sentence word ("the sentence *saying which drugs …*"),
or, for "that sentence", those before it — that names at least two things to count.

What is counted: the things the facts grounded by that sentence relate (never a claim), of the class asked ("drugs",
"nutrients"), or with no class asked, every one but the thing all its facts are about ("how many causes of
muscle spasms does that sentence give": not muscle spasms, what its every fact is about). A general the article gives examples of is not counted
beside its examples ("Drugs such as diuretics, corticosteroids, and estrogen …": three drugs, not the medications
they are examples of), and a thing the question leaves out ("not counting stimulants") is not counted, nor its
examples. Nothing here reaches a query: the sentence's facts are read once per store.
"""

from __future__ import annotations

import re

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.closest import SOURCE_ANCHOR, quote_index
from kg.qa.lexicon import Lexicon, internal_query
from kg.qa.querygraph import KGO
from kg.qa.text import normalise_text
from kg.store.memo import per_store

QUERY = "qa-quote-facts"
EXAMPLE_OF = KGO + "exampleOf"
CLAIM_ABOUT = KGO + "claimAbout"
POINTING = frozenset("that this same".split())  # "listed in *that* sentence": the sentence the question described before
CANDIDATES = 6  # closest sentences tried, best first, for one that names things to count
_QUOTED = re.compile(r"[\"'‘“]([^\"‘’“”]{12,}?)[\"'’”](?:\W|$)")  # "the one starting 'Vitamin deficiencies, particularly'"


def _facts(store) -> dict[str, list[tuple[str, str, str]]]:
    out: dict[str, list[tuple[str, str, str]]] = {}
    for row in store.query(internal_query(QUERY)):
        out.setdefault(row["quote"].value, []).append((row["s"].value, row["p"].value, row["o"].value))
    return out


quote_facts = per_store(_facts)
quote_facts.__doc__ = """For each quote of ``store``, the (subject, predicate, object) of the facts it grounds, not negated (built once)."""


def _all_examples(store) -> dict[str, frozenset[str]]:
    return {g: frozenset(xs) for g, xs in _examples(quote_facts(store)).items()}


examples_of = per_store(_all_examples)
examples_of.__doc__ = """Each general thing of ``store`` and the things the article gives as its examples (built once)."""


def asked(an: Analysis, lex: Lexicon) -> int | None:
    """Where the sentence word of a count over one sentence starts (None: the question asks no such count)."""
    if not an.intent_cues("count"):
        return None
    lemmas = [t.lemma for t in an.tokens]
    return next((t.i for t in an.tokens if lex.in_set("sentence", lemmas, t.i)), None)


def answer(ex: Executor, answer_: Answer, an: Analysis, lex: Lexicon, store, classes: tuple[str, ...],
           left: tuple[str, ...] = ()) -> Answer | None:
    """The count of what one sentence of the article names, or None (the question asks no count over a sentence, or
    no sentence of the article fits its description)."""
    at = asked(an, lex)
    if at is None:
        return None
    facts = quote_facts(store)
    examples = examples_of(store)
    classes = classes or _kind_counted(an)  # "number of *drugs* in the statement …"
    for quote in _sentences(an, lex, store, facts, at, answer_.question):
        counted = _counted(ex, an, facts[quote], classes, left, examples)
        if len(counted) >= 2:
            return _fill(ex, answer_, store, quote, counted, classes)
    return None


def _sentences(an: Analysis, lex: Lexicon, store, facts, at: int, raw: str) -> list[str]:
    """The sentences the question may describe, best first: the one it quotes, else the closest to its description."""
    fragments = [normalise_text(f).strip(" .,") for f in _QUOTED.findall(raw)]
    quoted = [q for f in fragments if len(f.split()) >= 2 for q in facts if f in normalise_text(q)]
    if quoted:
        return list(dict.fromkeys(quoted))
    index = quote_index(store)
    found = [c["quote"] for c in index.closest(_description(an, lex, at), k=CANDIDATES)]
    return [q for q in found if q in facts and not q.rstrip().endswith("?")]  # a question of the FAQ states nothing


def _description(an: Analysis, lex: Lexicon, at: int) -> str:
    """The words that say which sentence: after the sentence word, or before it when it points back ("that sentence")."""
    lemmas = [t.lemma for t in an.tokens]
    n = lex.in_set("sentence", lemmas, at)
    before = an.tokens[at - 1].lemma if at else ""
    after = [t for t in an.tokens[at + n:] if not t.is_punct]
    counting = {k for c in an.intent_cues("count") for k in c.positions}
    if before in POINTING or lemmas[at] in POINTING or len(after) < 2:
        words = [t for t in an.tokens[:at] if not t.is_punct and t.i not in counting]
    else:
        words = after
    return " ".join(t.surface for t in words) or " ".join(t.surface for t in an.tokens)


def _examples(facts) -> dict[str, set[str]]:
    """Each general thing and the things the article gives as its examples, over every sentence."""
    out: dict[str, set[str]] = {}
    for rows in facts.values():
        for s, p, o in rows:
            if p == EXAMPLE_OF:
                out.setdefault(o, set()).add(s)
    return out


def _counted(ex: Executor, an: Analysis, rows, classes, left, examples) -> list[str]:
    claims = {s for s, p, _ in rows if p == CLAIM_ABOUT}
    named = [e for s, _, o in rows for e in (s, o) if e not in claims]
    named = list(dict.fromkeys(e for e in named if e in ex.index.labels))
    if classes:
        named = [e for e in named if any(ex.index.is_a(e, c) for c in classes)]
    else:  # not what the question names, nor what every fact of the sentence is about ("… can cause *muscle spasms*")
        kept = [r for r in rows if r[0] not in claims]
        hubs = {e for e in named if len(kept) >= 2 and all(e in (s, o) for s, _, o in kept)}
        counted_kind = _counted_kind(an, examples, set(named))  # "how many *stimulants* does it name": their examples
        if counted_kind:
            named = [e for e in named if e in examples[counted_kind]]
        named = [e for e in named if e not in hubs]
    out = [e for e in named if not (examples.get(e, set()) & set(named))]  # "Drugs such as X, Y and Z": not the drugs
    gone = set(left) | {x for g in left for x in examples.get(g, ())}
    return sorted((e for e in out if e not in gone), key=lambda e: ex.label(e).lower())


def _kind_counted(an: Analysis) -> tuple[str, ...]:
    """The classes of a class word right after the count word ("number of *drugs*", "how many *nutrients*")."""
    ends = {c.end for c in an.intent_cues("count")}
    return tuple(r for c in an.cues if c.entry.kind == "class" and c.start in ends for r in c.entry.references)


def _counted_kind(an: Analysis, examples, named: set[str]) -> str | None:
    """The thing named right after the count word ("how many *stimulants*") when the sentence names examples of it."""
    ends = {c.end for c in an.intent_cues("count")}
    return next((m.iri for m in an.mentions if m.start in ends and examples.get(m.iri, set()) & named), None)


def _fill(ex: Executor, answer: Answer, store, quote: str, counted: list[str], classes) -> Answer:
    where = next(((b, e) for q, b, e in quote_index(store).quotes if q == quote), (0, 0))
    n = len(counted)
    kind = "things" if not classes else "of the kind asked"
    answer.answered, answer.kind, answer.count = True, "count", n
    answer.reading = f"I read this as: how many things ({kind}) the article's sentence “{quote}” names."
    answer.message = (f"That sentence names {n}: " + ", ".join(ex.name(e) for e in counted[:-1])
                      + f" and {ex.name(counted[-1])}." + f" It reads: “{quote}”")
    answer.answers = [ex.entity(e) for e in counted]
    answer.evidence = [{"quote": quote, "begin": where[0], "end": where[1],
                        "source": SOURCE_ANCHOR.format(begin=where[0], end=where[1]), "relation_label": "the sentence"}]
    answer.debug = {"why": ["a count over one sentence the question describes: the things it names", quote]}
    return answer


__all__ = ["answer", "asked", "examples_of", "quote_facts"]
