"""A level said after its nutrient ("vit D low", "magnesium being low", "b12 levels low") is the deficiency the graph
names with the level first ("low vitamin d", "low magnesium").

Telegraphic and spoken questions put the level last: "vit D low → twitchy knee?? connected", "magnesium low cramps
link?", "can vitamin D being low cause knee twitching". Read word by word, the nutrient is linked alone and "low" is
left to mean a relation (depletes), so the yes/no asks whether vitamin D causes twitching — which the article does not
say — instead of whether its deficiency does, which it states. The phrase is written level first only where that is
one of the graph's names (a key of the label index), so nothing the article does not name is made up.
"""

from __future__ import annotations

import re

from kg.qa.text import lemma

LEVEL = "low"
LINKS = frozenset({"is", "are", "be", "being", "been", "was", "were", "too", "very", "level", "levels", "so", "getting",
                   "a", "bit", "really"})  # "vitamin d *levels are* low", "magnesium *getting a bit* low"
ASKED = frozenset({"which", "what", "whichever", "whatever"})
MAX_NAME = 3  # words of the nutrient's name ("vitamin b-12")
_WORD = re.compile(r"[a-z0-9][a-z0-9-]*")


def fronted(text: str, keys) -> tuple[str, dict[str, str]]:
    """``text`` (normalised, lower case) with "<name> … low" written "low <name>" where that is a name in ``keys``,
    and what was rewritten.

    >>> fronted("vit d low knee twitch", {("low", "vit", "d"): []})
    ('low vit d knee twitch', {'vit d low': 'low vit d'})
    >>> fronted("is my mood low", {("low", "vit", "d"): []})
    ('is my mood low', {})
    >>> fronted("which minerals being low cause it", {("low", "mineral"): []})
    ('which minerals being low cause it', {})
    """
    words = list(_WORD.finditer(text))
    for k, w in enumerate(words):
        if w.group(0) != LEVEL:
            continue
        j = k - 1
        while j >= 0 and words[j].group(0) in LINKS and k - j <= 3:
            j -= 1
        for n in range(MAX_NAME, 0, -1):
            name = words[j - n + 1:j + 1] if j - n + 1 >= 0 else []
            if len(name) != n:
                continue
            key = (LEVEL,) + tuple(lemma(x.group(0)) for x in name)
            asked = j - n >= 0 and words[j - n].group(0) in ASKED  # "*which* minerals being low": the kind asked
            if key in keys and not asked:
                said = text[name[0].start():w.end()]
                whole = LEVEL + " " + text[name[0].start():name[-1].end()]
                return text[:name[0].start()] + whole + text[w.end():], {said: whole}
    return text, {}
