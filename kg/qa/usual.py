"""Whether an occasional spasm is normal, asked yes or no, is answered by the article's own word for it: common.

"If my knee twitches every now and then is that normal or am I cooked", "is it common to get a twitchy knee", "is it
normal for my knee to jump sometimes": the article says "occasional muscle spasms in the knee are common and often
resolve on their own" — a course it gives with the emphasis *common* (``kgo:course``, ``kgv:common``). That is its yes,
quoted whole (the same sentence says persistent and frequent twitching may be a sign of an underlying condition). Not
when the reader tells of persistence ("it keeps twitching for weeks, is that normal": ``kgl:persistence``) or names a
sign with it — the article's warning applies then: the answer is what it says of seriousness, and its "yes" to seeing a
doctor is no "yes, it is normal". Both
word sets are data (``kgl:normality``, ``kgl:persistence``).
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.lexicon import Lexicon
from kg.qa.querygraph import KGO, Reading
from kg.qa.facts import KGV

COURSE = KGO + "course"
COMMON = KGV + "common"


def asked(an: Analysis, lex: Lexicon) -> bool:
    """A yes/no whether it is normal or common — or a telegraphic one ("knee twitch normal?")."""
    lemmas = [t.lemma for t in an.tokens]
    return (an.yes_no or an.question_mark and not an.wh) and any(lex.in_set("normality", lemmas, k) for k in an.q_positions)


def persists(an: Analysis, lex: Lexicon) -> bool:
    """The reader tells of persistence, frequency or a sign with it ("for weeks", "keeps", "with weakness")."""
    lemmas = [t.lemma for t in an.tokens]
    return any(lex.in_set("persistence", lemmas, k) for k in range(len(lemmas)))


def normal(ex: Executor, answer: Answer, r: Reading, an: Analysis) -> None:
    """Turn the answer to "is it normal" about the article's condition into the article's "common", quoted."""
    lex = ex.index.lexicon
    if not asked(an, lex):
        return
    if persists(an, lex):
        if answer.boolean is True and answer.message.startswith("Yes"):  # its yes is to "see a doctor", not "normal"
            answer.boolean, answer.kind = None, "describe"
            rest = answer.message.replace("Yes — ", "", 1)
            answer.message = "The article does not call that normal. " + rest[:1].upper() + rest[1:]
        return
    if any(a not in ex.topic for a in r.anchors) or answer.boolean is not None:
        return
    found = sorted((st for t in ex.topic for st in ex.statements(t) if st.predicate == COURSE and st.subject == t
                    and COMMON in st.emphasis and not st.negated), key=lambda st: st.begin)
    if not found:
        return
    st = found[0]
    answer.answered, answer.kind, answer.boolean = True, "boolean", True
    answer.message = f"Yes, when it is occasional — the article says: “{st.quote}”"
    answer.evidence = [ex.evidence_item(st)] + [e for e in answer.evidence if e["quote"] != st.quote]


__all__ = ["asked", "normal"]
