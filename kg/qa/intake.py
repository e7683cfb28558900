"""Whether a nutrient is good for a condition, asked yes or no, through the intake the article recommends.

"Magnesium, it is good for knee twitch?", "does calcium help with cramps", "is potassium good for leg spasms": the
article never says magnesium treats knee twitching, but it names magnesium among the nutrients of proper nutrition
("Paying attention to adequate intake of vitamins and minerals, such as magnesium, calcium, …") and says proper
nutrition can help prevent or relieve the condition. That is its yes, said as one through the whole ("Yes, in a way"),
quoting both sentences — and, where it gives one, that the nutrient's deficiency can cause the condition. Only from
stated facts (``kgo:involvesNutrient`` and a ``kgo:treats``/``kgo:prevents`` of the whole, not negated); with none the
answer stays "the article does not say", never a "no".
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.querygraph import KGO, Reading
from kg.qa.run import broader

NUTRIENT = KGO + "Nutrient"
INVOLVES = KGO + "involvesNutrient"
HELPS = (KGO + "treats", KGO + "prevents")
CAUSES = KGO + "causes"


def _forms(ex: Executor, condition: str) -> list[str]:
    """The condition, what it is a form of and its forms (knee twitching ~ muscle twitching)."""
    return [condition] + broader(ex, condition, "formOf") + broader(ex, condition, "formOf", down=True)


def through_whole(ex: Executor, answer: Answer, r: Reading, an: Analysis) -> None:
    """Turn "the article does not say that N helps C" into the article's yes through the diet it names N in — not when
    the question names something the article never does ("do *bananas* help (potassium right?)": bananas are asked)."""
    if an.unknown or r.kind != "boolean" or answer.boolean is not None or len(r.edges) != 1 or r.edges[0].prop not in HELPS:
        return
    nutrient, condition = r.edges[0].subject, r.edges[0].object
    if condition.startswith("?") or not ex.index.is_a(nutrient, NUTRIENT):
        return
    targets = _forms(ex, condition)
    kinds = [nutrient] + broader(ex, nutrient, "exampleOf")  # vitamin B12: the vitamins the diet names
    parts = [st for kind in kinds for st in sorted(ex.statements(kind), key=lambda st: st.begin)
             if st.predicate == INVOLVES and st.object == kind and not st.negated]
    for part in parts:
        helps = sorted((st for st in ex.statements(part.subject) if st.subject == part.subject
                        and st.predicate in HELPS and st.object in targets and not st.negated),
                       key=lambda st: (st.object != condition, st.begin))  # the condition asked first
        if not helps:
            continue
        said = helps[0]
        answer.answered, answer.kind, answer.boolean = True, "boolean", True
        named = ex.name(nutrient) if part.object == nutrient else f"{ex.name(part.object)} ({ex.name(nutrient)} is one)"
        answer.message = (f"Yes, in a way — the article names {named} among the nutrients of "
                          f"{ex.name(part.subject)}: “{part.quote}” and says {ex.says(said.predicate, ex.name(said.subject), ex.name(said.object))}: "
                          f"“{said.quote}”")
        lacking = [st for d in broader(ex, nutrient, "deficiencyOf", down=True) for st in ex.statements(d)
                   if st.subject == d and st.predicate == CAUSES and st.object in targets and not st.negated]
        if lacking:
            answer.message += f" It also says {ex.name(lacking[0].subject)} can cause {ex.name(lacking[0].object)}: “{lacking[0].quote}”"
        answer.evidence = [ex.evidence_item(st) for st in [part, said] + lacking[:1]] + answer.evidence
        return


__all__ = ["through_whole"]
