""""Heat, painkillers or just time?", "is rest or an antispasmodic pill the main thing for a strain", "does the article
lean towards drug treatment or letting time do it": a choice between remedies, or what is best, asked where the article
singles one remedy out as *the best remedy* for something ("For muscle fatigue or strain, time is often the best
remedy, allowing the muscles to rest and recover naturally").

The question must ask what is best or better (the lexicon's ranking and comparison words) or offer a choice ("or" between
things it names), and name the remedy the article calls best beside a condition or another remedy for the same thing
("the best time to sow broad beans" names neither); or ask what is best and name what it is best for together
with another remedy or a word of treating ("is rest or an antispasmodic the main thing for a strain"). Another relation
asked ("is it caused by dehydration or strain") leaves the question to its reading. The answer is the article's own sentence, quoted with its hedge
("often"), and what else the article names for the same things among the remedies asked about — never a "yes" or "no"
for the reader, and nothing the article does not weigh.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.lexicon import local
from kg.qa.querygraph import KGO
from kg.qa.words import join

BEST = "best-remedy"
CONDITIONS = tuple(KGO + c for c in ("MedicalCondition", "SignOrSymptom", "Disease"))


def _asks_best(an: Analysis) -> bool:
    """A ranking or comparison word of the lexicon ("best", "main", "better", "more effective")."""
    return bool(an.intent_cues("ranking") or an.intent_cues("comparison"))


def _choice(an: Analysis) -> bool:
    """An "or" in the asking clause with things named either side ("heat, painkillers or just time"; "for a strain, is
    it drug treatment or letting time do it": the thing before may be in the story told first)."""
    ors = [t.i for t in an.question if t.lemma == "or"]
    after = [m.start for m in an.mentions] + [min(c.positions) for c in an.cues if c.entry.references and c.positions]
    return any(any(m.end <= k for m in an.mentions) and any(at > k for at in after) for k in ors)  # "… or medication"


def weighed(ex: Executor, an: Analysis) -> list:
    """The article's best-remedy statements whose remedy or whose condition the question names, in text order."""
    named = {m.iri for m in an.mentions} | {m.iri for m in an.context_mentions}
    found = {}
    for iri in named:
        for st in ex.statements(iri):
            if (st.subject in named or st.object in named) and not st.negated \
                    and any(local(e) == BEST for e in st.emphasis):
                found[(st.subject, st.predicate, st.object, st.begin)] = st
    return sorted(found.values(), key=lambda st: st.begin)


def answer(ex: Executor, answer: Answer, an: Analysis) -> Answer | None:
    """What the article calls the best remedy, when the question asks what is best or which of some remedies; or None."""
    asks_best, choice = _asks_best(an), _choice(an)
    if an.intent_cues("count") or an.intent_cues("universal") or not (asks_best or choice):
        return None  # "does stretching or heat sort out a cramp every single time": whether it always works
    if an.yes_no and not any(t.lemma == "or" for t in an.question):
        return None  # "is time the best remedy for a strain": a yes/no, answered as one
    best = weighed(ex, an)
    if not best:
        return None
    props = {st.predicate for st in best}
    if any(set(c.entry.references) - props for c in an.relation_cues):
        return None  # "is it caused by dehydration or strain": another relation asked
    remedies = list(dict.fromkeys(st.subject for st in best))
    targets = list(dict.fromkeys(st.object for st in best))
    named = {m.iri for m in an.mentions} - set(remedies) - set(targets)
    others = sorted((st for t in targets for st in ex.statements(t) if st.object == t and st.subject in named
                     and st.predicate in props and not st.negated), key=lambda st: st.begin)
    conditions = [m for m in an.mentions if m.iri in targets or any(ex.index.is_a(m.iri, k) for k in CONDITIONS)]
    if not others and not conditions:
        return None  # "the best time to sow broad beans": no condition named, nor a second remedy to choose from
    if not any(m.iri in remedies for m in an.mentions) and not (an.intent_cues("ranking") and (others or an.relation_cues)):
        return None  # only the condition named: what is *best* for it, asked with a remedy or a word of treating
        # ("compare treatments for strain vs for underlying conditions" compares the conditions, not remedies)
    answer.answered, answer.kind = True, "describe"
    answer.answers = [ex.entity(x) for x in remedies]
    answer.evidence = [ex.evidence_item(st) for st in best + others]
    answer.reading = f"I read this as: what the article calls the best remedy for {join([ex.name(t) for t in targets])}."
    quotes = " ".join(dict.fromkeys(f"“{st.quote}”" for st in best))
    answer.message = (f"The article gives no personal advice, but for {join([ex.name(t) for t in targets])} it singles out "
                      f"{join([ex.name(x) for x in remedies])}: {quotes}")
    if others:
        answer.message += (f" It also names {join(list(dict.fromkeys(ex.name(st.subject) for st in others)))} for them: "
                           + " ".join(dict.fromkeys(f"“{st.quote}”" for st in others)))
    return answer


__all__ = ["answer", "weighed"]
