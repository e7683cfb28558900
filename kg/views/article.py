"""The article as a reader sees it: headings, paragraphs, lists and tables, with every quoted span marked.

The stored text is plain text copied from a web page: its structure is in the lines (``- `` items,
``A | B |`` rows under a ``---|---|`` separator, short title-like lines), plus leftovers of the page's
chrome ("Table of Contents", "Toggle" glued to "Key Takeaways:"). ``render`` reads that structure
without changing the text: blocks point into it by offsets, and each quote (``begin``/``end`` as the
provenance gives them) becomes ``<mark>`` pieces that nest; a quote crossing a cell, a block or another
quote is split there, its first piece carrying the anchor (``q-BEGIN-END``) and the facts count.
Syntax and chrome are left out of the rendering only (chrome that a quote touches stays).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

import rdflib
from rdflib.namespace import DCTERMS, PROV, RDFS, SKOS

from kg import paths
from kg.namespaces import SCHEMA

# Leftovers of the web page the text was copied from, never part of the article itself.
CHROME_LINES = ("Table of Contents",)
CHROME_PREFIXES = ("Toggle",)  # a collapsed widget's label glued to the next heading: "ToggleKey Takeaways:"

_SEPARATOR = re.compile(r"-{3,}(?:\|-{3,})*\|?")
_DASHES = ("–", "—")  # table continuation rows and in-cell list items start with an en or em dash
_SENTENCE_END = tuple(".,;!”\"")
MAX_HEADING_WORDS = 12
MAX_LABEL_WORDS = 6  # "Possible Causes of Muscle Spasms:" is a label; a longer line ending in ":" a lead-in
MAX_QUESTION_WORDS = 20


@dataclass(frozen=True)
class Quote:
    """A quoted span of the text: ``begin``/``end`` offsets, how many facts it grounds, a tooltip."""

    begin: int
    end: int
    facts: int = 0
    title: str = ""

    @property
    def anchor(self) -> str:
        return f"q-{self.begin}-{self.end}"


@dataclass
class Token:
    """One inline token: ``text``, or the ``open``/``close`` of a mark (a piece of a quote)."""

    kind: str
    text: str = ""
    quote: Quote | None = None
    first: bool = False  # the piece that carries the quote's anchor and its facts link
    begin: int = 0  # where this text or mark piece starts in the text

    @property
    def anchor(self) -> str:
        return self.quote.anchor if self.quote else ""

    @property
    def facts(self) -> int:
        return self.quote.facts if self.quote and self.first else 0

    @property
    def title(self) -> str:
        return self.quote.title if self.quote else ""


@dataclass
class Cell:
    """A table cell: one or more lines; ``listed`` when they are dash items (shown as a list)."""

    lines: list[list[Token]] = field(default_factory=list)
    listed: bool = False


@dataclass
class Block:
    """A block of the article: ``heading`` (with ``level``), ``paragraph``, ``quote``, ``list`` or ``table``."""

    kind: str
    begin: int
    end: int
    level: int = 0
    inline: list[Token] = field(default_factory=list)
    items: list[list[Token]] = field(default_factory=list)
    caption: list[Token] = field(default_factory=list)
    head: list[Cell] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)


@dataclass
class Article:
    blocks: list[Block]
    dropped: list[tuple[int, int]]  # chrome left out of the rendering, as text ranges


# -- lines --------------------------------------------------------------------------------------

def lines(text: str) -> list[tuple[int, int]]:
    """The text's lines as ``(begin, end)`` offsets, without their line breaks.

    >>> lines("ab\\ncd\\n\\ne")
    [(0, 2), (3, 5), (6, 6), (7, 8)]
    """
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def is_table_row(line: str) -> bool:
    """A table row: cells separated by pipes, ending in a pipe.

    >>> is_table_row("Causes | Symptoms | Treatment |"), is_table_row("Overuse |"), is_table_row("a | b")
    (True, True, False)
    """
    return "|" in line and line.rstrip().endswith("|")


def is_separator(line: str) -> bool:
    """The line under a table's header row.

    >>> is_separator("---|---|---|"), is_separator("---"), is_separator("- item")
    (True, True, False)
    """
    return bool(_SEPARATOR.fullmatch(line.strip()))


def heading_level(line: str) -> int:
    """2 for a section title, 3 for a short label ending in ":" or a question on its own line, else 0.

    >>> heading_level("Causes of Knee Twitching: Dehydration and Vitamin Deficiencies")
    2
    >>> heading_level("Risk Factors for Muscle Spasms:"), heading_level("What causes muscle spasms in the knee?")
    (3, 3)
    >>> heading_level("Here are some home treatments that you can consider:")
    0
    >>> heading_level("Dehydration can deplete essential minerals."), heading_level("- Heat exhaustion")
    (0, 0)
    """
    line = line.strip()
    words = line.split()
    if not line or not line[0].isupper() or line.startswith(("- ", "“")) or "|" in line:
        return 0
    if line.endswith("?"):
        return 3 if len(words) <= MAX_QUESTION_WORDS else 0
    if line.endswith(":"):
        return 3 if len(words) <= MAX_LABEL_WORDS and "," not in line else 0
    if line.endswith(_SENTENCE_END) or len(words) > MAX_HEADING_WORDS:
        return 0
    return 2


def split_cells(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """The cells of the table row ``text[begin:end]`` as trimmed ranges (the empty one after the last pipe dropped).

    >>> row = "Dehydration | Muscle twitching |"
    >>> [row[b:e] for b, e in split_cells(row, 0, len(row))]
    ['Dehydration', 'Muscle twitching']
    >>> row = "– Physical therapy | |"
    >>> [row[b:e] for b, e in split_cells(row, 0, len(row))]
    ['– Physical therapy', '']
    """
    cells, start = [], begin
    for i in range(begin, end + 1):
        if i == end or text[i] == "|":
            cells.append(_trim(text, start, i))
            start = i + 1
    if cells and cells[-1][0] == cells[-1][1] and text[begin:end].rstrip().endswith("|"):
        cells.pop()
    return cells


def _trim(text: str, begin: int, end: int) -> tuple[int, int]:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    return begin, end


def _undash(text: str, begin: int, end: int) -> tuple[int, int, bool]:
    """Drop a leading dash bullet from a cell line: (begin, end, was it a dash item)."""
    if text.startswith(_DASHES, begin):
        b, e = _trim(text, begin + 1, end)
        return b, e, True
    return begin, end, False


# -- marks -------------------------------------------------------------------------------------

def _nesting(q: Quote) -> tuple[int, int]:
    return q.begin, -q.end  # outer quotes first


def inline(text: str, begin: int, end: int, quotes: Iterable[Quote]) -> list[Token]:
    """``text[begin:end]`` as tokens, with a mark piece for every quote overlapping it, nested properly.

    Quotes that cross each other are split where they cross, so the marks always nest:

    >>> def show(tokens):
    ...     return "".join(t.text if t.kind == "text" else ("[" if t.kind == "open" else "]") for t in tokens)
    >>> show(inline("abcdef", 0, 6, [Quote(1, 4), Quote(2, 3)]))
    'a[b[c]d]ef'
    >>> show(inline("abcdef", 0, 6, [Quote(1, 4), Quote(3, 6)]))
    'a[bc[d]][ef]'
    >>> show(inline("abcdef", 2, 4, [Quote(0, 6)]))
    '[cd]'
    """
    quotes = sorted((q for q in quotes if q.begin < end and q.end > begin), key=_nesting)
    cuts = sorted({begin, end, *(q.begin for q in quotes if begin < q.begin < end),
                   *(q.end for q in quotes if begin < q.end < end)})
    tokens: list[Token] = []
    stack: list[Quote] = []
    for x, y in zip(cuts, cuts[1:]):
        active = [q for q in quotes if q.begin <= x and q.end >= y]
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        tokens.extend(Token("close") for _ in stack[keep:])
        stack = stack[:keep]
        for q in active[keep:]:
            tokens.append(Token("open", quote=q, begin=x))
            stack.append(q)
        tokens.append(Token("text", text[x:y], begin=x))
    tokens.extend(Token("close") for _ in stack)
    return tokens


# -- blocks ------------------------------------------------------------------------------------

def chrome(text: str, quotes: list[Quote]) -> list[tuple[int, int]]:
    """The ranges of page chrome to leave out: whole chrome lines and chrome prefixes, unless quoted.

    >>> text = "Intro.\\nTable of Contents\\nToggleKey Takeaways:\\n- one"
    >>> [text[b:e] for b, e in chrome(text, [])]
    ['Table of Contents', 'Toggle']
    >>> chrome(text, [Quote(7, 12)])  # a quote touches the first: it stays
    [(25, 31)]
    """
    out = []
    for b, e in lines(text):
        line = text[b:e]
        if line.strip() in CHROME_LINES:
            rng = (b, e)
        else:
            prefix = next((p for p in CHROME_PREFIXES if line.startswith(p) and line[len(p):len(p) + 1].isupper()), None)
            if prefix is None:
                continue
            rng = (b, b + len(prefix))
        if not any(q.begin < rng[1] and q.end > rng[0] for q in quotes):
            out.append(rng)
    return out


def render(text: str, quotes: Iterable[Quote]) -> Article:
    """The article's blocks, every quote marked; see the module docstring.

    >>> text = "Title Here\\nA sentence with a fact.\\n- one\\n- two\\nA | B |\\n---|---|\\nx | y |\\n– z | |"
    >>> article = render(text, [Quote(13, 21, facts=1)])
    >>> [(b.kind, b.level) for b in article.blocks]
    [('heading', 2), ('paragraph', 0), ('list', 0), ('table', 0)]
    >>> table = article.blocks[-1]
    >>> [[[t.text for line in c.lines for t in line] for c in row] for row in table.rows]
    [[['x'], ['y', 'z']]]
    >>> [(t.kind, t.text, t.anchor, t.facts) for t in article.blocks[1].inline]
    [('text', 'A ', '', 0), ('open', '', 'q-13-21', 1), ('text', 'sentence', '', 0), ('close', '', '', 0), ('text', ' with a fact.', '', 0)]
    """
    quotes = sorted(set(quotes), key=_nesting)
    dropped = chrome(text, quotes)
    cut = dict(dropped)  # every dropped range starts a line: line start → where its content starts
    all_lines = lines(text)
    pieces: list[tuple[int, list[Token]]] = []  # every inline run and where it starts, to place anchors afterwards

    def start(b: int, e: int) -> int:
        return cut[b] if cut.get(b, e) < e else b  # a chrome prefix comes off the front of its line

    def run(b: int, e: int) -> list[Token]:
        tokens = inline(text, start(b, e), e, quotes)
        pieces.append((start(b, e), tokens))
        return tokens

    def line(k: int) -> str:
        return text[slice(*all_lines[k])] if k < len(all_lines) else ""

    blocks: list[Block] = []
    seen_section = False
    i = 0
    while i < len(all_lines):
        b, e = all_lines[i]
        j = i + 1
        if not line(i).strip() or cut.get(b) == e:
            pass
        elif is_table_row(line(i)) and is_separator(line(i + 1)):  # a header row, the separator, rows
            j = i + 2
            while is_table_row(line(j)):
                j += 1
            block = _table(text, all_lines[i], all_lines[i + 2:j], run)
            if blocks and blocks[-1].kind == "heading" and blocks[-1].end == b - 1:
                caption = blocks.pop()  # a title line right above a table is its caption
                block.caption, block.begin = caption.inline, caption.begin
            blocks.append(block)
        elif line(i).startswith("- "):
            while line(j).startswith("- "):
                j += 1
            blocks.append(Block("list", b, all_lines[j - 1][1],
                                items=[run(lb + 2, le) for lb, le in all_lines[i:j]]))
        elif level := heading_level(text[start(b, e):e]):
            blocks.append(Block("heading", b, e, level=level if seen_section else 2, inline=run(b, e)))
            seen_section = True
        elif line(i).startswith("“") and line(i).rstrip().endswith("”"):
            blocks.append(Block("quote", b, e, inline=run(b, e)))
        else:
            blocks.append(Block("paragraph", b, e, inline=run(b, e)))
        i = j

    _place_anchors(pieces, quotes)
    return Article(blocks=blocks, dropped=dropped)


def _table(text: str, header: tuple[int, int], body: list[tuple[int, int]], run) -> Block:
    """A table block; rows whose first cell starts with a dash continue the row above (in its dash column)."""
    head = [Cell([run(b, e)]) for b, e in split_cells(text, *header)]
    width = len(head)
    rows: list[list[Cell]] = []
    for lb, le in body:
        cells = split_cells(text, lb, le)
        first = next((c for c in cells if c[0] < c[1]), None)
        if rows and first is not None and text.startswith(_DASHES, first[0]):
            row = rows[-1]
            column = max((k for k, c in enumerate(row) if c.listed), default=width - 1)
            for cb, ce in cells:
                if cb < ce:
                    ub, ue, _ = _undash(text, cb, ce)
                    row[column].lines.append(run(ub, ue))
            continue
        row = []
        for cb, ce in cells:
            ub, ue, dashed = _undash(text, cb, ce)
            row.append(Cell([run(ub, ue)] if ub < ue else [], listed=dashed))
        row.extend(Cell() for _ in range(width - len(row)))
        rows.append(row)
    return Block("table", header[0], body[-1][1] if body else header[1], head=head, rows=rows)


def _place_anchors(pieces: list[tuple[int, list[Token]]], quotes: list[Quote]) -> None:
    """Give each quote's first piece (in text order) its anchor; a quote with no visible piece gets an empty mark."""
    first: dict[Quote, Token] = {}
    for _, tokens in pieces:
        for t in tokens:
            if t.kind == "open" and (t.quote not in first or t.begin < first[t.quote].begin):
                first[t.quote] = t
    for t in first.values():
        t.first = True
    for q in quotes:
        if q in first or not pieces:
            continue
        # Only syntax or chrome was quoted: anchor it at the start of the next visible run.
        _, tokens = min(pieces, key=lambda p: (p[0] < q.begin, p[0] if p[0] >= q.begin else -p[0]))
        tokens[:0] = [Token("open", quote=q, first=True, begin=q.begin), Token("close")]


# -- from the page model ------------------------------------------------------------------------

def quotes_from_spans(spans: Iterable[dict]) -> list[Quote]:
    """Quotes from the source view's spans (``begin``, ``end``, ``facts`` as subject/predicate/object links).

    >>> fact = {"subject": {"label": "Caffeine"}, "predicate": {"label": "causes"}, "object": {"label": "Spasm"}}
    >>> quotes_from_spans([{"begin": 3, "end": 9, "facts": [fact]}])
    [Quote(begin=3, end=9, facts=1, title='Caffeine causes Spasm')]
    """
    return [Quote(s["begin"], s["end"], len(s.get("facts", [])),
                  "; ".join(f"{f['subject']['label']} {f['predicate']['label']} {f['object']['label']}"
                            for f in s.get("facts", [])))
            for s in spans]


def page(spans: Iterable[dict], description: rdflib.Graph, iri: str, text: str | None = None) -> dict:
    """The article page: the article's blocks with every quoted span marked (``render``) and its origin (``about``).

    ``spans`` as the source page model gives them, ``description`` the article's RDF description.
    """
    text = paths.ARTICLE.read_text(encoding="utf-8") if text is None else text
    return {"article": render(text, quotes_from_spans(spans)), "about": about(description, iri)}


# -- where the article comes from ------------------------------------------------------------------

# What a reader asks of a source, in that order: the graph's property for it and the words for it.
ORIGIN = (("author", "Author", (DCTERMS.creator, SCHEMA.author)),
          ("publisher", "Publisher", (DCTERMS.publisher, SCHEMA.publisher)),
          ("date", "Published", (DCTERMS.issued, DCTERMS.date, SCHEMA.datePublished)),
          ("web address", "Web address", (SCHEMA.url, PROV.hadPrimarySource)))
COPY = (("Copy kept as", DCTERMS.source), ("Language", DCTERMS.language), ("Length", DCTERMS.extent),
        ("Checksum", DCTERMS.identifier))
CODE = {DCTERMS.source, DCTERMS.identifier}  # shown as code
LANGUAGES = {"en": "English"}


def about(graph: rdflib.Graph, iri: str) -> dict:
    """What the graph says about where the article comes from: title, origin, the copy, its claims.

    ``missing`` names what a reader would look for and the source does not give (author, date …).

    >>> g = rdflib.Graph()
    >>> a = rdflib.URIRef("https://example.org/a")
    >>> _ = g.add((a, DCTERMS.title, rdflib.Literal("Knee spasms"))).add((a, DCTERMS.extent, rdflib.Literal(28585)))
    >>> info = about(g, str(a))
    >>> info["title"], info["the_copy"], info["missing"]
    ('Knee spasms', [('Length', '28,585 characters', '')], ['author', 'publisher', 'date', 'web address'])
    """
    node = rdflib.URIRef(iri)

    def value(prop) -> str:
        found = sorted(str(o) for o in graph.objects(node, prop))
        return found[0] if found else ""

    title = value(DCTERMS.title) or value(RDFS.label)
    found = {key: next((v for v in map(value, props) if v), "") for key, _, props in ORIGIN}
    origin = [(label, found[key]) for key, label, _ in ORIGIN if found[key]]
    missing = [key for key, _, _ in ORIGIN if not found[key]]
    copy = []
    for label, prop in COPY:
        found = value(prop)
        found = f"{int(found):,} characters" if prop == DCTERMS.extent and found.isdigit() else found
        if found:
            copy.append((label, LANGUAGES.get(found, found), "code" if prop in CODE else ""))
    claims = []
    for claim in graph.subjects(PROV.wasAttributedTo, node):
        name = graph.value(claim, SKOS.prefLabel) or graph.value(claim, RDFS.label) or claim
        claims.append({"iri": str(claim), "label": str(name)})
    claims.sort(key=lambda c: c["label"].lower())
    return {"iri": iri, "title": title, "origin": origin, "missing": missing, "missing_text": either(missing),
            "the_copy": copy, "claims": claims}


def either(words: list[str]) -> str:
    """Words as a reader says them: "a, b or c".

    >>> either(["author", "date", "web address"]), either(["author"]), either([])
    ('author, date or web address', 'author', '')
    """
    return " or ".join(filter(None, [", ".join(words[:-1]), *words[-1:]]))
