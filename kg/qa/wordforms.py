"""The two dictionaries questions are read with, each read from its library's files once per process.

* :func:`lemmatize` and :func:`is_known`: simplemma's English lemmatiser, as ``simplemma.lemmatize(word,
  lang="en")`` and ``simplemma.is_known(word, lang="en")`` give it, over its English dictionary read
  once through :func:`english` (decompressing and decoding its file takes ~0.15–0.3 s);
* :func:`all_lemmas`: lemminflect's lemmas of a lower-case word by part of speech, as
  ``lemminflect.getAllLemmas(word)`` gives them, from its table read once (:func:`lemma_table`; parsing
  its CSV, and importing lemminflect, which imports numpy, take ~0.2–0.5 s).

Both are :func:`kg.store.memo.per_process` values, so a server keeps them in its snapshot
(:mod:`kg.store.snapshot`) with the indexes of the graph and reads them back at its next start
instead (~0.03 s for lemminflect's, written as strings, ~0.09 s for simplemma's).
``tests/unit/qa/test_wordforms.py`` checks every word of lemminflect's table against
``getAllLemmas``, and simplemma's dictionary words and the lexicon's against ``simplemma``'s own functions.
"""

from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

import simplemma
from simplemma.strategies import DEFAULT_DICTIONARY_FACTORY, DefaultStrategy, DictionaryFactory, DictionaryLookupStrategy
from simplemma.utils import normalize_token

from kg.store.memo import per_process


@per_process
def english() -> Mapping[str, str]:
    """simplemma's English dictionary (form → lemma), as its default factory reads it."""
    return DEFAULT_DICTIONARY_FACTORY.get_dictionary("en")


class _Kept(DictionaryFactory):
    """simplemma's dictionaries: English through :func:`english` (so a snapshot holds it), any other as simplemma reads it."""

    __slots__ = ()

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        return english() if lang == "en" else DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)


# As simplemma.lemmatize(…, greedy=False) and simplemma.is_known build theirs, over _Kept's dictionaries.
_LEMMATIZER = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(greedy=False, dictionary_factory=_Kept()))
_LOOKUP = DictionaryLookupStrategy(_Kept())


def lemmatize(word: str) -> str:
    """simplemma's English lemma of ``word``, as ``simplemma.lemmatize(word, lang="en")``.

    >>> lemmatize("causes"), lemmatize("twitching")
    ('cause', 'twitch')
    """
    return _LEMMATIZER.lemmatize(word, "en")


def is_known(word: str) -> bool:
    """Whether simplemma's English dictionary holds ``word``, as ``simplemma.is_known(word, lang="en")``.

    >>> is_known("honest"), is_known("norovirusx")
    (True, False)
    """
    if not isinstance(word, str) or not word:
        return simplemma.is_known(word, lang="en")  # its own TypeError or ValueError
    return _LOOKUP.get_lemma(normalize_token(word), "en") is not None


@per_process
def lemma_table() -> dict[str, str]:
    """lemminflect's lemmas of every lower-case word it knows, by part of speech, its overrides applied, each
    word's written as one string (``NOUN=fix;VERB=fix``: a dict of strings is read back from a snapshot
    in a tenth of the time a dict of dicts of tuples takes).

    As ``getAllLemmas`` reads them for a lower-case word: the word looked up in lower case, the
    overrides replacing a part of speech's lemmas, and the lemmas given in lower case.
    """
    from lemminflect.core.Lemmatizer import Lemmatizer  # imports numpy: only when no snapshot holds the table

    lemmatizer = Lemmatizer()
    lemmas, overrides = lemmatizer._getLemmaDict(), lemmatizer._getOverridesDict()  # noqa: SLF001 — read once
    table = {word: _written(kinds) for word, kinds in lemmas.items() if word == word.lower()}
    for word, kinds in overrides.items():
        if word == word.lower():  # getAllLemmas looks a word up in lower case: a capitalised entry is never found
            table[word] = _written({**lemmas.get(word, {}), **kinds})
    return table


def _written(kinds: dict[str, tuple[str, ...]]) -> str:
    return ";".join([f"{kind}={','.join(forms).lower()}" for kind, forms in kinds.items()])


@lru_cache(maxsize=8192)
def _read(written: str) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({kind: tuple(forms.split(",")) for kind, _, forms in
                             (part.partition("=") for part in written.split(";"))})


_NONE: Mapping[str, tuple[str, ...]] = MappingProxyType({})


def all_lemmas(word: str) -> Mapping[str, tuple[str, ...]]:
    """lemminflect's lemmas of the lower-case ``word`` by part of speech (as ``getAllLemmas(word)``, read-only).

    >>> dict(all_lemmas("fixes")), dict(all_lemmas("norovirus"))
    ({'NOUN': ('fix',), 'VERB': ('fix',)}, {})
    """
    written = lemma_table().get(word)
    return _NONE if written is None else _read(written)
