""""Should I put him back on after the cramp or keep him on the bench", "can my daughter play tomorrow", "is it safe for
my son to keep training": whether someone else may play, train or go back on is a decision about that person — for
them, their parents or coach and their doctor — never the article's. It gives general self-care ("stopping the
activity that triggered the spasm"), not a ruling on a named person's game: such a question is declined as personal
advice (kg.qa.ask), with what the article says nearest it.

The reader's own activity is not this ("when my calf locks up mid-lap should I just stop swimming" is the article's
self-care); nor is a question of what causes or helps ("can my son get cramps from playing football": a mention or a
relation word stands between the person and the activity). The words are data: ``kgl:other-person-words`` (him, she,
my son, the players), ``kgl:activity-words`` (play, train, compete, go back on) and ``kgl:lineup-words`` (put, keep,
let, bench, sub: a coach's or parent's decision about someone).
"""

from __future__ import annotations

from kg.qa.analysis import Analysis

OPENERS = frozenset("should can could may shall ought must would will do be".split())
WHEN = frozenset("soon long".split())  # "how soon can he play", "how long before she can train"
OWNERS = frozenset("my our his her their the your".split())
PRONOUNS = frozenset("he she him".split())  # "her" is a person only when no body part of hers follows
GAP = 4  # at most this many words between the person and the activity ("can my daughter *still go back and* play")


def _person(lemmas: list[str], k: int, lex) -> int:
    """How many words at ``k`` name someone other than the reader ("him", "my son", "the players"), 0 if none."""
    if lemmas[k] in PRONOUNS:
        return 1
    if lemmas[k] == "her" and k + 1 < len(lemmas) and (lex.in_set("activity", lemmas, k + 1)
                                                      or lemmas[k + 1] in ("to", "back", "off", "out", "on", "sit")):
        return 1  # "let *her* play", "put her back on", "tell her to": not "her knee"
    if lemmas[k] in OWNERS and k + 1 < len(lemmas):
        return 1 + lex.in_set("other-person", lemmas, k + 1) if lex.in_set("other-person", lemmas, k + 1) else 0
    return 0


def asked(an: Analysis, lex) -> bool:
    """Whether the question asks if someone other than the reader should (may, can) play, train, go back on or sit out."""
    if not an.question:
        return False
    lemmas = [t.lemma for t in an.tokens]
    q = [t for t in an.question if not t.is_punct]
    lead = 1 if q and q[0].lemma == "when" else 2 if len(q) > 1 and q[0].lemma == "how" and q[1].lemma in WHEN else 0
    q = q[lead:]  # "*when* can he go back to training", "*how soon* can my son play": when the decision falls
    if not q or q[0].lemma not in OPENERS or not (an.yes_no or lead):
        return False  # "what should my son do when he cramps": what helps, asked for him
    named = {k for m in an.mentions for k in m.span}
    relation = {k for c in an.relation_cues for k in c.positions}
    positions = [t.i for t in q]
    for n, k in enumerate(positions[:6]):
        size = _person(lemmas, k, lex)
        if not size:
            continue
        if n == 2 and lex.in_set("lineup", lemmas, positions[1]) or n == 3 and lex.in_set("lineup", lemmas, positions[2]):
            return True  # "should I *put him* back on", "would you sub him off", "should I just bench her"
        if not (n == 1 or lemmas[positions[n - 1]] == "for"):  # the modal's subject, or "is it safe *for* my son to …"
            continue  # not "does my daughter get cramps because *she* plays netball"
        for j in positions[n + size:n + size + GAP + 1]:
            if lex.in_set("activity", lemmas, j):  # "can my son still *play* football"
                return True
            if j in relation or (j in named and lemmas[j + 1: j + 2] != ["or"]):  # "get cramps *from* playing": a cause
                break  # ("rest or keep playing": a choice between doings)
    return False


__all__ = ["asked"]
