""""What's an example of the kind of nerve damage that can lead to spasms", "give me an example of how heat exhaustion
comes about": an example asked *of a thing the question names*, though the question also names what that thing leads
to. The article's examples of a cause are its table "Cause | Example" (nerve damage: "Injury or medical conditions
affecting nerve function"; heat exhaustion: "Working in high temperatures without proper hydration"), stated as what
brings the cause about; its examples of a kind are ``exampleOf``. The reading asks for either, of the thing named
right after the example word, and goes first when the article states one; otherwise nothing changes (the condition's
causes, "which of its causes is an example of …", are other questions).
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Executor
from kg.qa.querygraph import KGO, Edge, Reading
from kg.qa.run import execute

EXAMPLE_OF, CAUSES = KGO + "exampleOf", KGO + "causes"
EXAMPLE_WORDS = ("example-noun",)  # the lexicon entries asking for an example ("example", "instance", "kind")
REACH = 5  # words between the example word and the thing ("an example *of the kind of* nerve damage")


def _named_after(an: Analysis) -> str | None:
    """The thing named right after the first example word of the asking clause, or None."""
    cue = next((c for c in sorted(an.relation_cues, key=lambda c: c.start) if c.entry.name in EXAMPLE_WORDS
                and c.form == ("example",)), None)
    if cue is None:
        return None
    after = next((m for m in sorted(an.anchors, key=lambda m: m.start) if cue.end <= m.start <= cue.end + REACH), None)
    if after is None or not any(t.lemma == "of" for t in an.tokens[cue.end:after.start]):
        return None  # "stimulants examples twitching", "the disorder it gives as an example that shows up with …"
    return after.iri


def readings(ex: Executor, found: list[Reading], an: Analysis) -> list[Reading]:
    """``found`` with the examples of the thing named after the example word first, when the article gives some."""
    if an.yes_no or len({m.iri for m in an.anchors}) < 2:
        return found  # one thing named: the example readings are the reader's own already
    x = _named_after(an)
    if x is None or x in ex.topic:
        return found
    if any(st.predicate == EXAMPLE_OF and st.object == x and not st.negated for st in ex.statements(x)):
        return found  # a kind with examples ("an example of autoimmune disorders that causes twitching"): which of them
    best = max((r.score for r in found), default=0.0)
    reading = Reading("list", [Edge("?x", EXAMPLE_OF, x)], anchors=(x,), score=best + 1.0, union=(CAUSES,),
                      why=["asks for an example of the thing named after the example word (kg.qa.example_asked)"])
    if execute(ex, reading).get("empty"):
        return found
    return [reading] + found
