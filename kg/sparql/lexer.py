"""The one SPARQL lexer: strings, IRIs, comments, variables and prefixed names are single tokens.

Whatever reads a query's structure — the guard (is this an update? a ``SERVICE``?), the text
rewrites for remote servers, the prepared-query rewrite, the VALUES writer — reads it through
these tokens, so a ``{`` or a keyword inside a string, an IRI or a comment never counts.
"""

from __future__ import annotations

import re
from typing import NamedTuple

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:'{0,2}(?:[^'\\]|\\.))*'''|\"\"\"(?:"{0,2}(?:[^"\\]|\\.))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)
  | (?P<bnode>_:(?:[\w-]|\.(?=[\w-]))*)
  | (?P<pname>(?:[^\W\d_][\w.-]*)?:(?:[\w:%-]|\\[-_~.!$&'()*+,;=/?\#@%]|\.(?=[\w:%-]))*)
  | (?P<word>[^\W\d][\w]*)
  | (?P<punct>[{}()])
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)


class Token(NamedTuple):
    """One token: its kind, its text, and where it stands in the text that was split."""

    kind: str  # string, iri, var, bnode, pname, word, punct or other
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        """What the token means for structure: keywords upper-cased, ``$x`` as ``?x``, else the text.

        >>> [t.key for t in tokens("select $x { 'a' }")]
        ['SELECT', '?x', '{', "'a'", '}']
        """
        if self.kind == "word":
            return self.text.upper()
        if self.kind == "var":
            return "?" + self.text[1:]
        return self.text


def unescape_codepoints(text: str) -> str:
    r"""Apply SPARQL's ``\u``/``\U`` escapes, which the grammar processes before tokenising.

    >>> unescape_codepoints(r"\u0053ERVICE")
    'SERVICE'
    """
    return _CODEPOINT.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def tokens(sparql: str) -> list[Token]:
    """Split a query into tokens; whitespace and comments are dropped.

    >>> [(t.kind, t.text) for t in tokens('PREFIX a: <urn:x#> SELECT * { ?s a:p "{" } # }')]
    [('word', 'PREFIX'), ('pname', 'a:'), ('iri', '<urn:x#>'), ('word', 'SELECT'), ('other', '*'), \
('punct', '{'), ('var', '?s'), ('pname', 'a:p'), ('string', '"{"'), ('punct', '}')]
    """
    found = []
    for match in _TOKEN.finditer(sparql):
        kind = match.lastgroup
        if kind in ("ws", "comment"):
            continue
        found.append(Token(kind, match.group(), match.start(), match.end()))
    return found


def query_form(toks: list[Token]) -> str | None:
    """The query form: the first of SELECT, ASK, CONSTRUCT, DESCRIBE among the tokens.

    >>> query_form(tokens("PREFIX s: <urn:s#> CONSTRUCT { ?a s:select ?b } WHERE { ?a ?p ?b }"))
    'CONSTRUCT'
    """
    return next((t.key for t in toks if t.kind == "word" and t.key in QUERY_FORMS), None)


def block_end(toks: list[Token], opening: int) -> int:
    """Index of the ``}`` that closes the ``{`` at token index ``opening``.

    >>> toks = tokens("{ { ?a ?b '}' } } ?c")
    >>> toks[block_end(toks, 0)].start
    16
    """
    depth = 0
    for index in range(opening, len(toks)):
        key = toks[index].text if toks[index].kind == "punct" else None
        if key == "{":
            depth += 1
        elif key == "}":
            depth -= 1
            if depth == 0:
                return index
    raise ValueError("unbalanced braces")


def where_group(toks: list[Token], form: str | None = None) -> tuple[int, int]:
    """Token indexes of the ``{`` and ``}`` around the query's outermost WHERE group.

    A CONSTRUCT's template (the first group, unless ``WHERE`` precedes it) is skipped.

    >>> toks = tokens("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    >>> [toks[i].start for i in where_group(toks, "CONSTRUCT")]
    [29, 40]
    """
    skip_template = (form or query_form(toks)) == "CONSTRUCT"
    depth = 0
    previous = None
    opening = None
    for index, token in enumerate(toks):
        key = token.key
        if token.kind == "punct" and key == "{":
            if depth == 0 and opening is None:
                if skip_template and previous != "WHERE":
                    skip_template = False  # the CONSTRUCT template; the pattern follows it
                else:
                    opening = index
            depth += 1
        elif token.kind == "punct" and key == "}":
            depth -= 1
            if depth == 0 and opening is not None:
                return opening, index
        elif depth == 0:
            previous = key
    raise ValueError("no WHERE group in the query")
