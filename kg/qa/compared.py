"""A yes/no that compares, answered only by a link: "are leg cramps in pregnancy *worse* in the third trimester".

The article links the two things (pregnancy can contribute to muscle spasms) but says nothing of more or less, better
or worse, at one stage or another: the link answers "is there one", not the comparison asked. A "yes" from a bare link
(``RELATED``: "does the article link A and B") to a question with a word that compares is a wrong yes; the answer says
the article does not say, and what it does say. A telegraphic "magnesium foods" asks no yes/no at all: a "yes" there, through a
word only related to a thing of the article (foods: proper nutrition), is no answer either. Readings of a stated comparison ("older adults are *more prone*",
"athletes are more susceptible") are not bare links and keep their answer.
"""

from __future__ import annotations

import re

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer
from kg.qa.querygraph import RELATED, Reading

COMPARING = frozenset("worse worst better than higher lower stronger weaker commoner rarer bigger smaller "
                      "likelier worsen".split())
WHEN = frozenset("in at during when after before while if on".split())
STATED = re.compile(r"\bmore (?:likely|prone|susceptible)\b")  # the article's own comparison, reached by the link
TELEGRAPHIC = 3  # "magnesium foods": a phrase of a few words, no question asked


def unstated(answer: Answer, chosen: Reading, an: Analysis) -> bool:
    """Turn a "yes" from a bare link to a comparing question into "the article does not say"; whether it did so."""
    if answer.boolean is not True or chosen.kind != "boolean" or not chosen.edges or chosen.edges[0].prop != RELATED:
        return False
    q = an.question
    words = [t.surface for t in q if t.surface in COMPARING] + [  # "do spasms hurt *more in* the morning": when worse
        t.surface for t, after in zip(q, q[1:]) if t.surface in ("more", "less") and after.lemma in WHEN]
    phrase = [t for t in an.tokens if not t.is_punct]
    if an.yes_no and words and not STATED.search(answer.message):  # "do older folk get more … than younger ones": said
        said = f"The article does not compare that (“{words[0]}”), so it does not say."
    elif not an.yes_no and len(phrase) <= TELEGRAPHIC and not any("?" in t.surface for t in an.tokens) \
            and any(m.kind == "search" for m in an.anchors if m.iri in chosen.anchors):
        said = "The article does not say this as such."  # "magnesium foods": no yes/no asked, one word only related
    else:
        return False
    answer.boolean, answer.kind, answer.answered, answer.answers = None, "abstain", False, []
    answer.message = said + " What it does say: " + re.sub(r"^Yes\s*[—-]\s*", "", answer.message)
    return True


__all__ = ["unstated", "COMPARING"]
