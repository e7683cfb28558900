"""lemminflect's lemmas of a word by part of speech, from its table read once per process.

:func:`all_lemmas` gives what ``lemminflect.getAllLemmas(word)`` gives for a lower-case word, from
the table :func:`lemma_table` reads from lemminflect's files once (parsing its CSV, and importing
lemminflect, which imports numpy, take ~0.2–0.5 s). The table is a
:func:`kg.store.memo.per_process` value, so a server keeps it in its snapshot
(:mod:`kg.store.snapshot`) with the indexes of the graph and reads it back at its next start
instead (~0.05 s). ``tests/unit/qa/test_wordforms.py`` checks every word of lemminflect's table
against ``getAllLemmas``.

simplemma's English dictionary is not kept so: unpickled it is slower to read (~0.3 s, 5 MB) than
simplemma reads its own compressed file (~0.2 s).
"""

from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from kg.store.memo import per_process


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
