""""Which stimulants does the article say can cause twitching", "what medications are linked to cramps": the words
after the question word name a thing of the article that is itself among the answers (stimulants are a cause of
twitching), and a group the article gives examples of (caffeine, amphetamines). "Which stimulants" asks for the members:
the article's examples of the group are listed with it, right after it, each with the quote that names it as one.

Nothing changes when the thing after the question word is not among the answers (it is the condition asked about:
"which conditions …" names no answer), has no examples in the article, or its examples are listed already.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.described_members import by_intake, narrow
from kg.qa import named_by_verb
from kg.qa.querygraph import KGO, Reading
from kg.qa.words import join

EXAMPLE_OF = KGO + "exampleOf"
REACH = 3  # words between the question word and the group's name ("which *common* stimulants", "what *kind of* …")


def group_asked(an: Analysis, listed: list[str]) -> str | None:
    """The listed thing named right after the question word ("which *stimulants*"), or None."""
    if an.yes_no or an.wh not in ("which", "what"):
        return None
    at = next((t.i for t in an.question if t.lemma == an.wh), None)
    if at is None:
        return None
    named = next((m.iri for m in sorted(an.anchors, key=lambda m: m.start)
                  if at < m.start <= at + REACH and m.iri in listed), None)
    if named is None and at + 1 < len(an.tokens) and an.tokens[at + 1].surface in ("ones", "one"):
        # "low on vitamins lately - *which ones* can make your knee twitch": the group the story named, latest first
        before = list(an.context_mentions) + [m for m in an.anchors if m.end <= at]
        named = next((m.iri for m in sorted(before, key=lambda m: -m.start) if m.iri in listed), None)
    return named


def add(ex: Executor, answer: Answer, r: Reading, an: Analysis, lex=None) -> None:
    """List the examples of the group the question asks which of, right after the group; with none asked so, narrow
    the list to the one answer the question's words describe ("what *relaxing* things help": kg.qa.described_members)."""
    if lex is not None and (r.kind == "list" and named_by_verb.answer(ex, answer, r, an) or by_intake(ex, answer, r, an, lex)):
        return  # "an underlying condition affecting what": its kinds; "what should I drink for cramps": hydration
    if not answer.answered or r.kind != "list" or not answer.answers:
        return
    listed = [a.get("iri") for a in answer.answers if a.get("iri")]
    group = group_asked(an, listed)
    if group is None:
        if lex is not None:
            narrow(ex, answer, r, an, lex)
        return
    found = sorted((st for st in ex.statements(group) if st.predicate == EXAMPLE_OF and st.object == group
                    and not st.negated and st.subject != group), key=lambda st: st.begin)
    members = list(dict.fromkeys(st.subject for st in found))
    at = listed.index(group) + 1
    if not members or listed[at:at + len(members)] == members:
        return
    kept = {a.get("iri"): a for a in answer.answers}
    rest = [a for a in answer.answers if a.get("iri") not in members]
    answer.answers = rest[:at] + [kept.get(x) or ex.entity(x) for x in members] + rest[at:]
    quotes = list(dict.fromkeys(st.quote for st in found))
    for st in found:
        if st.quote in quotes:
            answer.evidence.insert(0, ex.evidence_item(st))
            quotes.remove(st.quote)
    answer.message = (f"The {ex.name(group).lower()} the article names: {join([ex.name(x) for x in members])}. "
                      + answer.message)
