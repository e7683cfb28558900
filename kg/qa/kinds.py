"""A kind named through one of its examples: "neuromyotonia is given as an example of a kind of disorder — what
treatments does the article give for *that kind of disorder*", "the FAQ names neuromyotonia; how are *disorders like
that* treated".

The words that point back ("that kind of", "this type of", "disorders like that") stand for what the thing named
before them is an example of in the graph (``kgo:exampleOf``, the nearest first, of the class the words name if
they name one). They become a mention of that kind ("the kind neuromyotonia is an example of"), so the rest of the
question is read as if it had been named: the treatments of autoimmune disorders. The thing named before keeps
its own mention only in the context; nothing is resolved when it is an example of nothing.
"""

from __future__ import annotations

from dataclasses import replace

from kg.qa.analysis import Analysis
from kg.qa.linking import Mention
from kg.qa.querygraph import KGO
from kg.qa.run import broader

POINTING = frozenset("that this those these same such".split())  # "*that* kind of disorder"
BACK = frozenset("that this it them those these".split())  # "disorders like *that*"
KIND_ENTRIES = ("example-noun", "form-noun")  # the lexicon's words for a kind ("kind", "type", "sort")


def _spans(an: Analysis) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, classes named) of every phrase in the question that points back to a kind."""
    tokens, out = an.tokens, []
    kind_at = {c.start: c for c in an.cues if c.entry.name in KIND_ENTRIES and c.start in an.q_positions}
    class_at = {c.start: c for c in an.class_cues}
    for k, cue in kind_at.items():
        if k == 0 or tokens[k - 1].lemma not in POINTING:
            continue
        end, classes = cue.end, ()
        if end + 1 < len(tokens) and tokens[end].lemma == "of" and end + 1 in class_at:  # "that kind of disorder"
            c = class_at[end + 1]
            end, classes = c.end, tuple(c.entry.references)
        out.append((k - 1, end, classes))
    for k, c in class_at.items():  # "disorders like that"
        if c.end + 1 < len(tokens) and tokens[c.end].lemma == "like" and tokens[c.end + 1].lemma in BACK:
            out.append((c.start, c.end + 2, tuple(c.entry.references)))
    return out


ONE = frozenset("one only single".split())  # "the *one* autoimmune disorder the article names"
NAMING = frozenset("name mention give list call".split())  # "… the article *names* (by name)"


def one_named(an: Analysis, ex) -> Analysis:
    """"The one autoimmune disorder the article names by name": a kind the article gives exactly one example of,
    asked as "the one/only <kind> the article names", stands for that example (neuromyotonia)."""
    tokens = an.tokens
    for m in an.mentions:
        if m.start < 2 or tokens[m.start - 1].lemma not in ONE or tokens[m.start - 2].lemma != "the":
            continue
        after = [t.lemma for t in tokens[m.end:m.end + 3]]
        if after[:2] != ["the", "article"] or len(after) < 3 or after[2] not in NAMING:
            continue
        examples = {st.subject for st in ex.statements(m.iri) if st.object == m.iri and not st.negated
                    and st.predicate == KGO + "exampleOf"}
        if len(examples) != 1:
            continue
        end = m.end + 3 + (2 if [t.lemma for t in tokens[m.end + 3:m.end + 5]] == ["by", "name"] else 0)
        iri = next(iter(examples))
        text = " ".join(t.surface for t in tokens[m.start - 2:end])
        span = set(range(m.start - 2, end))
        mentions = [x for x in an.mentions if not set(x.span) & span]
        mentions.append(Mention(m.start - 2, end, text, iri, ex.label(iri),
                                f"the one example of {ex.name(m.iri)} the article names", "listed"))
        mentions.sort(key=lambda x: (x.start, -x.length))
        return replace(an, mentions=mentions, cues=[c for c in an.cues if not set(c.positions) & span])
    return an


def which_ones(an: Analysis, ex) -> Analysis:
    """"Stimulants can cause twitching. *Which ones* does it name?": "ones" asked by "which/what" in a question that
    names nothing itself stands for the last kind the story names (one the article gives examples of), so the
    question asks for that kind's examples — not which of the story's things ranks higher."""
    at = next((t.i for t in an.question if t.surface.lower() == "ones" and t.i > 0
               and an.tokens[t.i - 1].lemma in ("which", "what")), None)
    if at is None or any(m.end >= at for m in an.anchors):
        return an
    last = max((m.end for m in an.anchors), default=None)  # "heard painkillers help cramps *-* which ones?": a new ask
    if last is not None and not any(t.dash or t.is_punct for t in an.tokens[last:at]):
        return an
    kinds = [m for m in an.mentions if m.end < at and any(st.object == m.iri and st.predicate == KGO + "exampleOf"
                                                   and not st.negated for st in ex.statements(m.iri))]
    if not kinds:
        return an
    kind = max(kinds, key=lambda m: m.end)
    mention = Mention(at, at + 1, an.tokens[at].surface, kind.iri, kind.label, kind.matched, "repeated")
    cues = [c for c in an.cues if at not in c.positions]
    return replace(an, mentions=sorted(an.mentions + [mention], key=lambda m: (m.start, -m.length)), cues=cues,
                   intents={c.entry.intent for c in cues if c.entry.intent and c.start in an.q_positions})


def resolve(an: Analysis, ex) -> Analysis:
    """The analysis with each phrase that points back to a kind read as a mention of that kind (``ex``: a
    kg.qa.answer.Executor), and "the one <kind> the article names" as the kind's one example."""
    an = which_ones(one_named(an, ex), ex)
    spans = _spans(an)
    if not spans:
        return an
    mentions, cues = list(an.mentions), list(an.cues)
    for start, end, classes in spans:
        before = [m for m in mentions if m.end <= start and m.kind != "kind-of"]
        if not before or any(start <= m.start < end for m in mentions):
            continue
        named = max(before, key=lambda m: m.end)
        kinds = broader(ex, named.iri, "exampleOf")
        fitting = [k for k in kinds if any(ex.index.is_a(k, c) for c in classes)] or ([] if classes else kinds)
        if not fitting:
            continue
        kind = fitting[0]
        text = " ".join(t.surface for t in an.tokens[start:end])
        mentions.append(Mention(start, end, text, kind, ex.label(kind), named.label, "kind-of"))
        cues = [c for c in cues if not set(c.positions) & set(range(start, end))]
    mentions.sort(key=lambda m: (m.start, -m.length))
    return replace(an, mentions=mentions, cues=cues)


__all__ = ["resolve"]
