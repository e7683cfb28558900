"""An answer as a terminal reads it (``kneekg ask``): the reading, the message, the answers, the evidence grouped by
passage, the query."""

from __future__ import annotations

from kg.qa.answer import Answer


def group_evidence(evidence: list[dict]) -> list[dict]:
    """One entry per quoted passage, with every fact it grounds (a sentence often states several)."""
    groups: dict[tuple[int, int], dict] = {}
    for e in evidence:
        group = groups.setdefault((e["begin"], e["end"]), {"quote": e["quote"], "begin": e["begin"], "end": e["end"],
                                                           "source": e["source"], "facts": [], "qualifiers": []})
        if e.get("subject_label"):
            fact = f"{e['subject_label']} — {e['relation_label']} — {e['object_label']}"
            if fact not in group["facts"]:
                group["facts"].append(fact)
        for q in e.get("qualifiers") or []:
            if q not in group["qualifiers"]:
                group["qualifiers"].append(q)
    return sorted(groups.values(), key=lambda g: g["begin"])


def render_text(answer: Answer, show_sparql: bool = False) -> str:
    """The answer as a terminal reads it: the reading, the message, the answers, the evidence, the query."""
    lines = []
    if answer.reading:
        lines.append(answer.reading)
    lines.append(answer.message)
    if answer.groups:
        for group in answer.groups:
            lines.append(f"  {group['label']}:")
            lines += [f"    - {item['label']}  <{item['iri']}>" for item in group["answers"]]
    else:
        for item in answer.answers if answer.kind in ("list", "count") else []:
            lines.append(f"  - {item['label']}  <{item['iri']}>")
    passages = group_evidence(answer.evidence)
    if passages:
        lines.append("Evidence from the article:")
        for ev in passages[:12]:
            lines.append(f"  “{ev['quote']}” [characters {ev['begin']}–{ev['end']}]")
        if len(passages) > 12:
            lines.append(f"  … and {len(passages) - 12} more passages")
    if answer.closest:
        lines.append("Closest statements in the article (not an answer):")
        lines += [f"  “{c['quote']}”" for c in answer.closest]
    for alt in answer.alternatives:
        lines.append(f"Or did you mean: {alt['question']}")
    if answer.query:
        kind = "named query " + answer.query["name"] if answer.query["name"] != "generated" else "generated query"
        lines.append(f"SPARQL ({kind}): " + ("\n" + answer.query["sparql_with_values"] if show_sparql else
                                   " ".join(f"?{k}={','.join(v)}" for k, v in answer.query["bindings"].items())))
    return "\n".join(lines)


__all__ = ["group_evidence", "render_text"]
