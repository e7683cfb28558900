"""A question broken by an aside: "How many specific medications, *not counting stimulants*, does the medications section
name as causing muscle spasms?", "which stretches, if any, does the article give for the thigh".

The clauses split at the commas, and the last clause that asks ("does the medications section name …") looks like the
whole question — a yes/no with no count. A question-word phrase with no verb of its own ("How many specific
medications", "which stretches") waits for the verb the clause after the aside gives: the phrase, the aside and that
clause are one question, not a told phrase and a yes/no.
"""

from __future__ import annotations

from kg.qa.text import AUXILIARIES, WH_WORDS, Token

OPENERS = frozenset("how what which".split())  # "how many X", "what X", "which X": a phrase that asks, waiting for its verb
VERBS = AUXILIARIES | {"be", "do", "have"}
MAX_PHRASE = 6  # words in the question-word phrase
MAX_ASIDE = 5  # words in an aside between it and its verb


def rejoined(parts: list[list[Token]], question: list[Token], context: list[Token]) -> tuple[list[Token], list[Token]]:
    """(question, context) with a question-word phrase and the asides after it joined to the clause that gives its verb."""
    if not question or not context or question[0].lemma not in VERBS:
        return question, context
    before = [p for p in parts if p and p[-1].i < question[0].i]
    asides: list[list[Token]] = []
    for part in reversed(before):
        words = [t for t in part if not t.is_punct]
        if not words:
            continue
        if words[0].lemma in OPENERS and len(words) <= MAX_PHRASE and not any(t.lemma in VERBS for t in words[1:]):
            if len(words) < 2 or words[1].lemma in WH_WORDS:
                return question, context
            held = {t.i for p in [part] + asides for t in p}
            return [t for t in context if t.i in held] + question, [t for t in context if t.i not in held]
        if len(words) > MAX_ASIDE or words[0].lemma in WH_WORDS or any(t.lemma in VERBS for t in words) or asides:
            return question, context
        asides.insert(0, part)
    return question, context


__all__ = ["rejoined"]
