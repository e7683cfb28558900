"""A "what X *thing*" question whose thing the article never names: "what massage *oil* works best on clients with
cramps", "which magnesium *brand* is best".

The question asks for a kind of thing (an oil, a brand, an app) named by a word the article never uses, after a word
of one it does (massage, magnesium). Read as "what the article says about massage", the answer would pass off the
article's massage for the oil asked about. The asked-for head is unknown, so the question is declined by name, as a
question about a thing the article does not mention; what the article says of the known word is no answer to it.
"""

from __future__ import annotations

import re

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer

ASKING = frozenset(("what", "which"))


def asked(an: Analysis, lex) -> str:
    """The phrase "massage oil" when the question opens on "what/which", a thing the article names, and then a word it
    never uses that is no word of the lexicon (no verb of asking: "what massage *works*")."""
    q = an.question
    if not q or q[0].lemma not in ASKING or len(q) < 3:
        return ""
    m = next((m for m in an.anchors if m.start == q[1].i), None)
    if m is None or m.end >= len(an.tokens):
        return ""
    head = an.tokens[m.end]
    if head.is_punct or head.surface not in an.unknown or head.lemma in lex.vocabulary:
        return ""
    return " ".join(t.surface for t in an.tokens[m.start:m.end + 1])


def decline(answer: Answer, an: Analysis, lex) -> bool:
    """Decline the question asking for such a thing; whether it did."""
    phrase = asked(an, lex)
    if not phrase:
        return False
    answer.answered, answer.kind, answer.answers, answer.boolean, answer.declined = False, "abstain", [], None, "unknown"
    said = re.sub(r"^The article does not mention [^.]*\. ", "", answer.message)  # named again, with its head
    answer.message = f"The article does not mention {phrase}, so it does not say. " + said
    return True


__all__ = ["asked", "decline"]
