"""One of the article's bulleted lists as its bullets: how many items it has ("how many points are in the key
takeaways", "the risk factors for muscle spasms list - how many are there"), and what they are when the list is
named and nothing else asked ("muscle spasm risk factors list").

A list has as many items as bullets (the build reads each bullet as a ``kgo:ArticleListItem``); the examples an
item gives ("Certain medications, such as diuretics or statins") are not items of their own, so counting the
things the list's statements name would count too many. The bullets are counted when a count question names one
list (kg.qa.parts) and asks nothing narrower than the list itself: every word that names a class, a relation or
an entity outside the list's name is a word of the list's title ("how many *risk factors* are in the risk factors
list"). "How many medications are on the risk factors list" asks for a kind of thing inside the list and is read
as before. A part to leave out that names no part of the article lists nothing (:func:`answer_part`).
"""

from __future__ import annotations

from dataclasses import replace

import pyoxigraph

from kg.qa.answer import SOURCE_ANCHOR, Answer
from kg.qa.linking import Mention
from kg.qa.parts import PartIndex, Within, pieces
from kg.qa.text import tokenize
from kg.sparql.registry import internal
from kg.sparql.text import with_values, without_header

QUERY = "qa-list-items"


def answer_part(answer: Answer, index: PartIndex, within: Within | None, an) -> Answer | None:
    """The answer when the part the question names decides it alone: its bullets counted, or a part asked to be
    left out that names no part of the article (then nothing is listed: a list that ignored the "not" would be
    wrong). None when the question is read as usual."""
    if within is not None and not within.parts:
        answer.message = (f"The article does not say: I could not match “{within.words}” to one of the article's "
                          "sections, tables or lists, so I cannot tell what to leave out. Ask for each list on its "
                          "own (for example “which drugs are on the risk factors list”).")
        answer.debug = {"why": ["a part to leave out that names no part of the article", within.words]}
        return answer
    part = counted_list(index, within, an)
    if part is not None:
        return answer_count(answer, part, within)
    part = named_list(index, within, an)
    return answer_list(answer, part, within) if part is not None else None


def _one_list(index: PartIndex, within: Within | None):
    if within is None or within.outside or within.row is not None:
        return None
    lists = [p for p in map(index.part, within.parts) if p is not None and p.kind == "list" and p.items]
    if not lists and len(within.parts) == 1:  # "the home treatments section": the one list the section holds
        lists = [p for p in index.parts if p.kind == "list" and p.items and p.section == within.parts[0]]
    return lists[0] if len(lists) == 1 else None  # a heading over its one list ("Key Takeaways") names the list


def named_list(index: PartIndex, within: Within | None, an):
    """The one list a question names and asks nothing else of ("muscle spasm risk factors list", "what's on the key
    takeaways list"): every word that names a thing, a class or a relation is a word of the list's name."""
    part = _one_list(index, within)
    if part is None or an.yes_no or an.intent_cues("count"):
        return None
    if any(c.entry.kind in ("class", "relation") and not set(c.positions) <= within.positions for c in an.cues):
        return None
    if any(not set(m.span) <= within.positions for m in an.mentions):
        return None
    return part


def answer_list(answer: Answer, part, within: Within) -> Answer:
    """The list's bullets, each as the article words it and where it sits."""
    answer_count(answer, part, within)
    answer.kind, answer.count = "list", None
    answer.reading = f"I read this as: what the article's list “{part.title}” says, item by item."
    answer.message = answer.message.replace(" has ", " has these ", 1)
    answer.debug = {"why": ["a list named and nothing else asked: its bullets", within.words]}
    return answer


ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
            "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "last": -1, "final": -1, "opening": 1, "closing": -1}


def ordinal(an, within: Within | None, index: PartIndex, labels):
    """"The *first cause* in the possible causes list": an ordinal before the list's name stands for the thing its
    bullet at that place names (the longest name at the bullet's start, linked as the question's words are); the
    list then says which thing is meant, not where the answer is. ``labels``: a kg.qa.linking.LabelIndex."""
    part = _one_list(index, within)
    if part is None:
        return an, within
    start = min(within.positions)
    for t in an.tokens[max(0, start - 5):start]:
        n = ORDINALS.get(t.lemma)
        if n is None or (n > len(part.items)):
            continue
        item = part.items[n - 1 if n > 0 else -1]
        found, _ = labels.link(tokenize(item.text))
        first = [m for m in found if m.start == 0]
        if not first:
            return an, within
        best = max(first, key=lambda m: m.length)
        end = start if an.tokens[start - 1].lemma not in ("in", "on", "of", "from", "the") else start - 1
        while end > t.i + 1 and an.tokens[end - 1].lemma in ("in", "on", "of", "from", "the"):
            end -= 1
        span = set(range(t.i, end))
        mention = Mention(t.i, end, " ".join(x.surface for x in an.tokens[t.i:end]), best.iri, best.label,
                          f"item {n if n > 0 else len(part.items)} of “{part.title}”", "listed")
        mentions = sorted([m for m in an.mentions if not set(m.span) & span] + [mention], key=lambda m: (m.start, -m.length))
        cues = [c for c in an.cues if not set(c.positions) & span or c.entry.intent == "part"]
        intents = {c.entry.intent for c in cues if c.entry.intent and c.start in an.q_positions}  # "last": no duration
        return replace(an, mentions=mentions, cues=cues, intents=intents), None
    return an, within


def counted_list(index: PartIndex, within: Within | None, an):
    """The one list whose bullets the question counts, or None (``an``: a kg.qa.analysis.Analysis)."""
    part = _one_list(index, within)
    if part is None or not an.intent_cues("count"):
        return None
    title = part.heading | part.words | (_section_words(index, part) if part.section in within.parts else frozenset())
    asked = an.q_positions  # "I'm *making* a lesson from this article. How many key takeaways …": told, not asked

    def narrower(span) -> bool:  # "how many *medications* are on the risk factors list": a kind inside the list;
        words = pieces(an.tokens[k].lemma for k in span)  # "how many *self-care measures* … under Self-Care for …"
        return not words <= title and not words & title & index.rare  # is the heading's own thing, said another way

    spans = [set(c.positions) for c in an.cues if c.entry.kind in ("class", "relation") and c.start in asked
             and not index.words_of.get(c.entry.name, frozenset()) & part.heading] \
        + [set(m.span) for m in an.mentions if m.start in asked]
    spans = [s for s in spans if not s & within.positions]
    whole = [set().union(*(o for o in spans if min(o) <= max(s) + 1 and min(s) <= max(o) + 1)) for s in spans]
    # "self-care *measures*", "self-care *tips*": the whole phrase is what is counted
    return None if any(narrower(sorted(s)) for s in whole) else part


def _section_words(index: PartIndex, part) -> frozenset[str]:
    """The heading words of the section a list sits in: the list under "Self-Care for Muscle Spasms" is its list."""
    section = index.part(part.section) if part.section else None
    return section.heading if section is not None else frozenset()


def answer_count(answer: Answer, part, within: Within) -> Answer:
    """The list's bullets counted and quoted, each where it sits in the article."""
    n = len(part.items)
    name = f"list “{part.title}”" if part.section not in within.parts else \
        f"list in the section “{within.words.rpartition('“')[2].rstrip('”')}”"  # not its lead-in sentence
    answer.answered, answer.kind, answer.count = True, "count", n
    answer.reading = f"I read this as: how many items (bullets) the article's {name} has."
    answer.message = (f"The article's {name} has {n} item{'s' if n != 1 else ''}: "
                      + "; ".join(f"{k}. {item.text.rstrip('.')}" for k, item in enumerate(part.items, start=1)) + ".")
    answer.answers = [{"label": item.text, "iri": item.iri, "url": SOURCE_ANCHOR.format(begin=item.begin, end=item.end)}
                      for item in part.items]
    answer.evidence = [{"quote": item.text, "begin": item.begin, "end": item.end,
                        "source": SOURCE_ANCHOR.format(begin=item.begin, end=item.end),
                        "relation_label": "list item"} for item in part.items]
    query = internal(QUERY)
    answer.query = {"name": QUERY, "summary": query.summary, "origin": f"The named query {QUERY} ({query.summary})",
                    "sparql": query.sparql, "bindings": {"list": [part.iri]},
                    "sparql_with_values": with_values(without_header(query.sparql),
                                                      {"list": pyoxigraph.NamedNode(part.iri)})}
    answer.debug = {"why": ["a count of a list the question names: its bullets", within.words]}
    return answer


__all__ = ["ordinal", "answer_part", "counted_list", "named_list", "answer_count", "answer_list"]
