"""The moment a spasm strikes: "what do I do right there and then", "on the spot", "when it grabs mid-shift".

Asked what to do, the article gives everything that helps (hydration, exercise, stress reduction, medicines …); asked
for the moment a spasm strikes, it gives its self-care measures: stopping the activity that triggered the spasm,
gently stretching and massaging the muscle, heat or ice packs. The lexicon says which measures are for the moment
(``kgl:forTheMoment``, about the facts' entities) and which words ask for it (the intent ``kgl:moment``); a list
of what helps is then narrowed to the examples the article gives of those measures, and says so. A list that names
none of them is left whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.qa.answer import Answer
from kg.qa.lexicon import internal_query
from kg.qa.words import join
from kg.store.memo import per_store

NARROWED = ("list", "describe")  # the answer kinds a list of what helps comes as ("what the article says to do")


@dataclass(frozen=True)
class Moment:
    """The measures for the moment a spasm strikes (IRI -> label) and the examples the article gives of them."""

    care: dict
    examples: frozenset[str]

    @classmethod
    def from_store(cls, store) -> "Moment":
        care, examples = {}, set()
        for row in store.query(internal_query("qa-moment")):
            care[row["care"].value] = row["label"].value
            examples.add(row["example"].value)
        return cls(care, frozenset(examples))


moment = per_store(Moment.from_store)
moment.__doc__ = """The measures for the moment a spasm strikes of ``store`` (read once per store)."""


def asked(an) -> bool:
    """Whether the question asks for the moment a spasm strikes ("right there and then", "on the spot": a cue, so
    that "spot" there is no verb of diagnosis)."""
    return bool(an.intent_cues("moment"))


def narrow(store, answer: Answer, an) -> None:
    """Keep of a list of what helps the measures for the moment it strikes, when the question asks for that moment."""
    if answer.kind not in NARROWED or len(answer.answers) < 2 or an.yes_no or not asked(an):
        return
    found = moment(store)
    kept = [a for a in answer.answers if a.get("iri") in found.examples or a.get("iri") in found.care]
    if not kept or len(kept) == len(answer.answers):
        return
    iris = {a["iri"] for a in kept}
    care = join(sorted(found.care.values())).lower()
    answer.answers, answer.groups = kept, []
    answer.evidence = [e for e in answer.evidence if e.get("subject") in iris or e.get("object") in iris] \
        or answer.evidence
    answer.reading += f" For the moment it strikes: the article's {care}."
    answer.message = (f"For the moment a spasm strikes, the article gives its {care}: "
                      + join([a["label"] for a in kept]) + ". (Everything else it says helps is for preventing "
                      "spasms or treating their causes; ask without “right then” to see it all.)")


__all__ = ["Moment", "asked", "moment", "narrow"]
