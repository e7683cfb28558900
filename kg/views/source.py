"""The page model of the article: its text with every quoted span marked and linked to the facts it grounds."""

from __future__ import annotations

from kg import paths
from kg.namespaces import ARTICLE_IRI
from kg.views.ontology import Ontology, Statement, select


def page(store, onto: Ontology, text: str | None = None) -> dict:
    """The article as tokens (text, open mark, close mark), with the facts every quoted span grounds."""
    text = paths.ARTICLE.read_text(encoding="utf-8") if text is None else text
    spans: dict[tuple[int, int], list[dict]] = {}
    for row in select(store, "all-statements"):
        st = Statement.from_row(row)
        spans.setdefault((st.begin, st.end), []).append({
            "statement": st.iri, "subject": onto.link(st.subject), "predicate": onto.link(st.predicate),
            "object": onto.link(st.object)})
    ordered = sorted(spans, key=lambda be: (be[0], -be[1]))
    tokens, stack, pos = [], [], 0
    for begin, end in ordered:
        while stack and stack[-1] <= begin:
            close = stack.pop()
            tokens.append({"kind": "text", "text": text[pos:close]})
            tokens.append({"kind": "close"})
            pos = close
        if stack:
            end = min(end, stack[-1])  # spans that cross are clipped to their parent
        tokens.append({"kind": "text", "text": text[pos:begin]})
        facts = spans.get((begin, end), [])
        tokens.append({"kind": "open", "anchor": f"q-{begin}-{end}", "facts": len(facts),
                       "title": "; ".join(f"{f['subject']['label']} {f['predicate']['label']} {f['object']['label']}"
                                          for f in facts)})
        stack.append(end)
        pos = begin
    while stack:
        close = stack.pop()
        tokens.append({"kind": "text", "text": text[pos:close]})
        tokens.append({"kind": "close"})
        pos = close
    tokens.append({"kind": "text", "text": text[pos:]})
    tokens = [t for t in tokens if t["kind"] != "text" or t["text"]]
    groups = [{"anchor": f"q-{b}-{e}", "begin": b, "end": e, "quote": text[b:e], "facts": spans[(b, e)]}
              for b, e in ordered]
    return {"iri": str(ARTICLE_IRI), "tokens": tokens, "spans": groups, "length": len(text)}
