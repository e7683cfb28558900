""""An underlying condition behind muscle spasms might affect what?", "underlying conditions affecting what": the article
names the kinds of a thing by what they do ("an underlying medical condition affecting circulation, metabolism, hormones,
nerves, nutrition, or medications": six kinds, each "Condition affecting …"). A question that asks that relation of the
thing — its relation word stands in the names of the thing's examples — asks for those kinds, whatever reading was
chosen for the relation (the graph says nothing the thing itself affects): the kinds, each with its quote.

Nothing changes for a yes/no question, for a thing with fewer than two such kinds, or when no relation word of the
question stands in the kinds' names.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.querygraph import KGO, Reading
from kg.qa.words import join

EXAMPLE_OF = KGO + "exampleOf"


def kinds(ex: Executor, an: Analysis) -> tuple[str, str, list] | None:
    """The thing named, the relation word, and the thing's examples whose names carry that word; or None."""
    verbs = {an.tokens[i].lemma for c in an.relation_cues for i in c.positions}
    if not verbs:
        return None
    for m in sorted(an.mentions, key=lambda m: m.start):
        for verb in sorted(verbs):
            found = sorted((st for st in ex.statements(m.iri) if st.predicate == EXAMPLE_OF and st.object == m.iri
                            and not st.negated and st.subject != m.iri
                            and verb in ex.index.name_lemmas.get(st.subject, [()])[0]), key=lambda st: st.begin)
            if len({st.subject for st in found}) >= 2:
                return m.iri, verb, found
    return None


def answer(ex: Executor, answer: Answer, r: Reading, an: Analysis) -> bool:
    """Answer with the kinds named by the relation asked; whether it did."""
    if an.yes_no or an.intent_cues("count"):
        return False
    found = kinds(ex, an)
    if found is None:
        return False
    thing, verb, sts = found
    quote = sts[0].quote.lower()
    members = sorted(dict.fromkeys(st.subject for st in sts),  # in the order the sentence names them
                     key=lambda x: min((quote.find(w) % (len(quote) + 1) for w in ex.label(x).lower().split()[-1:]), default=0))
    answer.answered, answer.kind, answer.boolean = True, "list", None
    answer.answers, answer.groups = [ex.entity(x) for x in members], []
    answer.evidence = [ex.evidence_item(st) for st in sts[:1]] + [e for e in answer.evidence
                                                                  if e.get("quote") != sts[0].quote][:2]
    answer.reading = f"I read this as: what kinds of {ex.name(thing)} the article names by what they {verb}."
    answer.message = (f"The article names {len(members)} kinds of {ex.name(thing)}: {join([ex.name(x) for x in members])}: "
                      f"“{sts[0].quote}”")
    return True


__all__ = ["answer", "kinds"]
