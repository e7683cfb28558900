""""What relaxing sort of things help calm the knee twitching", "what chill-out stuff helps a twitchy knee": a list
question whose words describe one of the answers by what it does — a word none of the reading's things took and no
word of the lexicon, that is a word of the everyday names (lay and related words) of exactly one listed answer the
article gives examples of ("relaxing things", "chill out": the stress reduction techniques).
The describing word says which of the answers is asked for: the list is narrowed to that one, followed by the
article's examples of it (deep breathing exercises, meditation, yoga, mindfulness), each with its quote.

Nothing changes when no such word is there, when it names several answers (it does not say which), when the word is
a generic head ("things", "stuff", "ways": the lexicon's ``generic-head`` set) or a word of the question's frame.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.querygraph import KGO, Reading
from kg.qa.text import STOPWORDS
from kg.qa.words import join

EXAMPLE_OF = KGO + "exampleOf"
MIN_WORD = 4  # shorter words ("out", "up") describe nothing on their own


def _words(lemma: str) -> set[str]:
    return {w for w in set(lemma.split("-")) | {lemma} if len(w) >= MIN_WORD and w.replace("-", "").isalpha()}


def _examples(ex: Executor, group: str) -> list:
    return sorted((st for st in ex.statements(group) if st.predicate == EXAMPLE_OF and st.object == group
                   and not st.negated and st.subject != group), key=lambda st: st.begin)


def describing(an: Analysis, generic: set[str], lexical: frozenset[str] = frozenset()) -> dict[int, set[str]]:
    """The question's words that no mention and no lexicon cue took, and no word of the lexicon is ("the 'Causes'
    section": a heading's word), by position, as their lemma parts."""
    taken = {i for m in an.mentions for i in m.span} | {i for c in an.cues for i in c.positions}
    out = {}
    for t in an.question:
        if t.is_punct or t.i in taken or t.lemma in STOPWORDS or t.lemma in generic or t.lemma in lexical:
            continue
        words = {w for w in _words(t.lemma) if w not in STOPWORDS and w not in generic}
        if words:
            out[t.i] = words
    return out


def _name_words(ex: Executor, iri: str, everyday: bool = False) -> set[str]:
    """The words of ``iri``'s names (``everyday``: of its lay and related words only, the way readers describe it)."""
    pairs = zip(ex.index.names.get(iri, ()), ex.index.name_lemmas.get(iri, ()))
    return {w for (kind, _), lemmas in pairs if not everyday or kind in ("lay", "search")
            for lemma in lemmas for w in _words(lemma)}


def described(ex: Executor, an: Analysis, listed: list[str], generic: set[str],
              lexical: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """The one listed group (a thing with examples) an everyday describing word of the question names, and the word;
    None when none or several."""
    asked = describing(an, generic, lexical)
    if not asked:
        return None
    named = {iri: _name_words(ex, iri, everyday=True) for iri in listed}
    anchors = {w for m in an.anchors for w in _name_words(ex, m.iri)}
    hits = {}
    for i, words in asked.items():
        words = words - anchors
        found = [iri for iri in listed if words & named[iri] and _examples(ex, iri)]
        if len(found) == 1:
            hits.setdefault(found[0], an.tokens[i].surface)
    return next(iter(hits.items())) if len(hits) == 1 else None


def narrow(ex: Executor, answer: Answer, r: Reading, an: Analysis, lex) -> None:
    """Narrow a list answer to the one answer the question describes, and its examples."""
    if not answer.answered or r.kind != "list" or an.yes_no or an.intent_cues("count") or len(answer.answers) < 2:
        return
    listed = [a.get("iri") for a in answer.answers if a.get("iri")]
    generic = {w for form in lex.word_sets.get("generic-head", ()) for w in form}
    hit = described(ex, an, listed, generic, lex.vocabulary)
    if hit is None:
        return
    group, word = hit
    found = _examples(ex, group)
    members = list(dict.fromkeys(st.subject for st in found))
    kept = {a.get("iri"): a for a in answer.answers}
    answer.answers, answer.groups = [kept[group]] + [kept.get(x) or ex.entity(x) for x in members], []
    for st in found:
        if all(e.get("quote") != st.quote for e in answer.evidence):
            answer.evidence.insert(0, ex.evidence_item(st))
    said = f"{ex.label(group)}" + (f": {join([ex.name(x) for x in members])}" if members else "")
    quote = next((st.quote for st in found), "")
    answer.message = (f"“{word}” describes one of them, {said}." + (f" “{quote}”" if quote else "")
                      + " All the article names: " + answer.message)




# --- "what should I drink to stop cramps": the remedy asked by how it is taken ---------------------------------------

HELPS = ("treats", "prevents")
FORM_OF = KGO + "formOf"


def _helps(ex: Executor, iri: str) -> list:
    """What the article says treats or prevents ``iri``, or a form of it, or what it is a form of."""
    props = {p for h in HELPS for p in ex.family(KGO + h)}
    near = {iri} | {st.object for st in ex.statements(iri) if st.predicate == FORM_OF and st.subject == iri} \
        | {st.subject for st in ex.statements(iri) if st.predicate == FORM_OF and st.object == iri}
    return sorted((st for x in near for st in ex.statements(x) if st.object == x and st.predicate in props
                   and not st.negated), key=lambda st: st.begin)


def _taken_words(ex: Executor, iri: str, lex) -> set[str]:
    """The words of ``iri``'s everyday names but those naming a cut ("drink less coffee": the lexicon's reduction words)."""
    pairs = zip(ex.index.names.get(iri, ()), ex.index.name_lemmas.get(iri, ()))
    return {w for (kind, _), lemmas in pairs if kind in ("lay", "search")
            and not any(lex.in_set("reduction", list(lemmas), k) for k in range(len(lemmas)))
            for lemma in lemmas for w in _words(lemma)}


def by_intake(ex: Executor, answer: Answer, r: Reading, an: Analysis, lex) -> bool:
    """"What should I drink to stop cramps", "what must I drink for it": a what-question with a verb of taking
    something in by mouth (the lexicon's ``by-mouth`` words), where the one remedy of the thing named whose everyday names hold
    that verb is the answer (proper hydration: "drink water") — not a reading about the thing, nor "the article does
    not mention drink". Whether it answered so."""
    if an.yes_no or an.wh != "what" or an.intent_cues("count") or an.intent_cues("dose") or r.kind not in ("list", "about"):
        return False
    helps = {p for h in HELPS for p in ex.family(KGO + h)}
    if any(e.prop not in helps for e in r.edges) or any(set(c.entry.references) - helps for c in an.relation_cues):
        return False  # "what drinks cause cramps": another relation asked
    taken = {i for m in an.mentions for i in m.span}
    verbs = {t.lemma for t in an.question if t.i not in taken and lex.in_set("by-mouth", [t.lemma], 0)}
    if not verbs:
        return False
    listed = {a.get("iri") for a in answer.answers} if r.kind == "list" else set()
    for m in an.anchors:
        said = _helps(ex, m.iri)
        found = list(dict.fromkeys(st.subject for st in said if verbs & _taken_words(ex, st.subject, lex)))
        found = [x for x in found if x in listed] or found  # of the list asked, the one taken so
        if len(found) != 1:
            continue
        remedy = found[0]
        sts = sorted((st for st in said if st.subject == remedy),  # the sentences saying the verb first ("Drink …")
                     key=lambda st: not any(v in st.quote.lower() for v in verbs))[:3]
        answer.answered, answer.kind, answer.boolean = True, "list", None
        answer.answers, answer.groups = [ex.entity(remedy)], []
        answer.evidence = [ex.evidence_item(st) for st in sts]
        answer.unknown = [w for w in answer.unknown if w not in {t.surface for t in an.question if t.lemma in verbs}]
        answer.reading = f"I read this as: what to {join(sorted(verbs))} for {ex.name(m.iri)}, of what the article says helps it."
        answer.message = (f"The article names {ex.name(remedy)}: " + " ".join(dict.fromkeys(f"“{st.quote}”" for st in sts)))
        return True
    return False


__all__ = ["by_intake", "described", "describing", "narrow"]
