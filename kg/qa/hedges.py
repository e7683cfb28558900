"""A yes keeps the article's hedge: "do uppers make your muscles jump" is found in a table row that states it
plainly, while the article's sentence on the same thing says "high amounts"; "do doctors give antispasmodics for
spasms" is found in a list of options, while the sentence on the spasm's pain says they "may be recommended".

When the statement a yes quotes carries no qualifier, the article's other statements of the same subject along the
same relation — to the wider condition, to the article's topic, or to a symptom of the condition asked — are looked
at, and the most guarded one (a qualified statement first) is quoted beside it.
"""

from __future__ import annotations

from kg.qa.answer import Answer, Executor
from kg.qa.facts import Statement
from kg.qa.querygraph import KGO
from kg.qa.run import broader


def siblings(ex: Executor, s: str, o: str, prop: str) -> list[Statement]:
    """The subject's other statements along ``prop``'s family: qualified ones to a condition near ``o`` (its wider or
    narrower forms, the article's topic), then the plain ones to a symptom of ``o`` ("may be recommended to
    alleviate pain")."""
    near = [o] + broader(ex, o, "formOf") + broader(ex, o, "formOf", down=True) + list(ex.topic)
    symptoms = [st.object for x in near for st in ex.statements(x)
                if st.subject == x and st.predicate == KGO + "hasSymptom" and not st.negated]
    causes = ex.family(KGO + "causes")
    family = ex.family(prop) | (causes if prop in causes else frozenset())  # a side effect is a kind of cause
    found = [st for x in dict.fromkeys(near + symptoms) for st in ex.between(s, x, family)
             if st.subject == s and not st.negated and (st.qualifiers(ex.name) or st.object in symptoms)]
    order = list(dict.fromkeys(near + symptoms))
    return sorted(found, key=lambda st: (not st.qualifiers(ex.name), order.index(st.object), st.begin))


def keep_hedge(ex: Executor, answer: Answer, s: str, o: str, prop: str, quoted: list[Statement]) -> None:
    """Quote the article's more guarded statement of the same thing beside a plain one (never for a qualified yes)."""
    if any(st.qualifiers(ex.name) for st in quoted):
        return
    # the side-effect relation names the effect first: its cause is the object
    def unsaid(a: str, b: str) -> list[Statement]:
        return [st for st in siblings(ex, a, b, prop) if st.quote not in answer.message]
    for st in unsaid(s, o) or unsaid(o, s):
        qualifiers = st.qualifiers(ex.name)
        said = f" ({', '.join(qualifiers)})" if qualifiers else ""
        answer.message += f" Of {ex.name(st.object)} it says{said}: “{st.quote}”"
        answer.evidence.append(ex.evidence_item(st))
        return
