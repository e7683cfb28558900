"""The one SPARQL lexer: strings, IRIs, comments, variables and prefixed names are single tokens.

Whatever reads a query's structure — the guard (is this an update? a ``SERVICE``?), the text
rewrites for remote servers, the prepared-query rewrite, the VALUES writer — reads it through
these tokens, so a ``{`` or a keyword inside a string, an IRI or a comment never counts.

:func:`check_shape` holds the limits that keep a query from crashing the parser that comes
after: SPARQL parsers recurse, so deep nesting, long property paths and long operator chains
overflow their stack (pyoxigraph's stops the process: ``{`` × 2,200, a path of 620 steps,
``[`` × 600, 10,000 ``+`` or ``UNION``, 3,000 ``BIND`` — measured in a thread, where the stack is
the default 8 MB). The limits are far below those and far above what people write.
"""

from __future__ import annotations

import re
import threading
from typing import NamedTuple

from kg.sparql.errors import QueryTooComplex

MAX_DEPTH = 64  # nested { } ( ) [ ]
MAX_PATH = 128  # steps of one property path (a/b/c|d …)
MAX_CHAIN = 1000  # operators and clauses (UNION, OPTIONAL, MINUS, BIND, FILTER) in one group

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# Spacing and comments are read as the lead-in of the token after them (or of the text's end), so
# each match is one token: half the matches of reading them as tokens of their own.
_TOKEN = re.compile(r"""
    (?:\s+|\#[^\n\r]*)*
    (?:
    (?P<string>'''(?:'{0,2}(?:[^'\\]|\\.))*'''|\"\"\"(?:"{0,2}(?:[^"\\]|\\.))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)
  | (?P<bnode>_:(?:[\w-]|\.(?=[\w-]))*)
  | (?P<pname>(?:[^\W\d_][\w.-]*)?:(?:[\w:%-]|\\[-_~.!$&'()*+,;=/?\#@%]|\.(?=[\w:%-]))*)
  | (?P<word>[^\W\d][\w]*)
  | (?P<punct>[{}()])
  | (?P<other>.)
  | \Z
    )
""", re.VERBOSE | re.DOTALL)
_new_token = tuple.__new__  # a Token made without its named constructor: tokens are many
# The kind of each group by its number (the pattern's only capturing groups are the named kinds).
_KINDS = (None,) + tuple(sorted(_TOKEN.groupindex, key=_TOKEN.groupindex.get))


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
    last = getattr(_LAST, "tokens", None)
    if last is not None and last[0] == sparql:
        return list(last[1])
    found: list[Token] = []
    append = found.append
    kinds = _KINDS
    for match in _TOKEN.finditer(sparql):
        index = match.lastindex  # by number: reading the group by its name took half the lexer's time
        if index is None:  # spacing and comments up to the end
            continue
        start, end = match.span(index)
        append(_new_token(Token, (kinds[index], sparql[start:end], start, end)))
    if len(sparql) <= _REMEMBERED:
        _LAST.tokens = (sparql, tuple(found))
    return found


# The last text each thread split, and its tokens: one request asks for the same query's tokens
# several times (the guard, the cheap-query proof, the relative-IRI check); it is split once.
# Only texts up to _REMEMBERED characters are kept (a client's megabyte query is not).
_LAST = threading.local()
_REMEMBERED = 16 << 10


_OPENERS = {"{": "}", "(": ")", "[": "]"}
_CLOSERS = {"}", ")", "]"}
_OPERATOR_CHARS = set("|&=<>!+-*/^")
_CLAUSES = {"UNION", "OPTIONAL", "MINUS", "BIND", "FILTER"}
_PATH_PARTS = set("/|^*+?!()")


def position(text: str, offset: int) -> tuple[int, int]:
    r"""1-based line and column of ``offset`` in ``text``.

    >>> position("ab\ncd", 4)
    (2, 2)
    """
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def check_shape(text: str, toks: list[Token], max_depth: int = MAX_DEPTH, max_path: int = MAX_PATH,
                max_chain: int = MAX_CHAIN) -> None:
    """Refuse a query nested too deep, with too long a property path or too long a chain in one group.

    Raises :class:`~kg.sparql.errors.QueryTooComplex` at the token that crosses the limit.
    Rows of a ``VALUES`` block are data, not operators.

    >>> check_shape("{{{ }}}", tokens("{{{ }}}"), max_depth=2)
    Traceback (most recent call last):
    ...
    kg.sparql.errors.QueryTooComplex: the query nests deeper than 2 levels of { }, ( ) and [ ] at line 1, column 3
    >>> q = "SELECT * { ?s <p>/<p>/<p> ?o }"
    >>> check_shape(q, tokens(q), max_path=2)
    Traceback (most recent call last):
    ...
    kg.sparql.errors.QueryTooComplex: a property path longer than 2 steps at line 1, column 22
    >>> q = "SELECT * { VALUES ?x { -1 -2 -3 } FILTER(?x > -1 && ?x < 3) }"
    >>> check_shape(q, tokens(q), max_chain=3)
    """
    def refuse(message: str, token: Token) -> None:
        line, column = position(text, token.start)
        raise QueryTooComplex(f"{message} at line {line}, column {column}", line, column)

    stack: list[list] = [[0, False]]  # per open bracket: operators and clauses so far, whether it holds data
    path_steps = 0
    values_pending = False
    previous_operator = False
    for token in toks:
        text_ = token.text
        kind = token.kind
        bracket = kind == "punct" or (kind == "other" and text_ in "[]")
        if kind in ("iri", "pname") or (kind == "other" and text_ in _PATH_PARTS) or token.key == "A":
            if text_ in ("/", "|"):
                path_steps += 1
                if path_steps >= max_path:
                    refuse(f"a property path longer than {max_path} steps", token)
        else:
            path_steps = 0
        if bracket and text_ in _OPENERS:
            data = stack[-1][1] or values_pending
            values_pending = False
            stack.append([0, data])
            if len(stack) - 1 > max_depth:
                refuse(f"the query nests deeper than {max_depth} levels of {{ }}, ( ) and [ ]", token)
            previous_operator = False
            continue
        if bracket and text_ in _CLOSERS:
            if len(stack) > 1:
                stack.pop()
            previous_operator = False
            continue
        if kind == "word" and token.key == "VALUES":
            values_pending = True
        frame = stack[-1]
        operator = kind == "other" and text_ in _OPERATOR_CHARS
        counts = (operator and not previous_operator) or (kind == "word" and token.key in _CLAUSES)
        previous_operator = operator
        if counts and not frame[1]:
            frame[0] += 1
            if frame[0] > max_chain:
                refuse(f"more than {max_chain} operators and clauses (UNION, OPTIONAL, MINUS, BIND, FILTER) "
                       "in one group", token)


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
