"""A long word of the article's names that dictation heard as a common word and the word's true ending.

Speech-to-text writes a long medical word it does not know as the nearest English words: "corner steroids" for
corticosteroids, "anti inflammatory tree" — the ending comes through whole ("steroids"), the head as a word that only
begins like it ("corner" for "cortico"). kg.qa.spelling.split_word joins pieces that sound exactly as a name; this
takes the one further case where only the head is misheard: the last piece is the name's own ending (five letters or
more), the first begins with the name's first three letters, the whole is within two letters of the name and near it
by letters. A general rule over the names, not a list of slips.
"""

from __future__ import annotations

from rapidfuzz import fuzz

MIN_TAIL = 5  # letters of the ending heard whole ("steroids")
MIN_WORD = 10  # only long names are misheard so: short ones are words the speller knows
MIN_RATIO = 72


def misheard_head(parts: list[str], word: str | None) -> bool:
    """Whether ``parts`` ("corner", "steroids") are ``word`` (corticosteroids, the speller's nearest name) with its
    head misheard.

    >>> misheard_head(["corner", "steroids"], "corticosteroids")
    True
    >>> misheard_head(["muscle", "spasms"], "musclespasms"), misheard_head(["cramp", "steroids"], "corticosteroids")
    (False, False)
    """
    if word is None or len(parts) != 2 or len(word) < MIN_WORD:
        return False
    head, tail = parts
    joined = head + tail
    return (len(tail) >= MIN_TAIL and word.endswith(tail) and word != tail and word[:3] == head[:3]
            and not word.startswith(head)  # the head misheard, not the name said in two pieces (spelling.split_word)
            and abs(len(word) - len(joined)) <= 2 and fuzz.ratio(word, joined) >= MIN_RATIO)
