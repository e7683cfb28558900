"""Where a quote sits: the article's sections, tables, lists and the kind of each line.

A quote is shown, answered and weighed differently when it is a table row, an FAQ answer or a
pull quote. What the text alone does not tell (which lines are headings, which captions) is
declared in ``facts/article.yaml``; tables, lists and pull quotes are read from the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.build.errors import BuildError, Problem

EN_DASH = "\u2013"
OPENING_QUOTE = "\u201c"


@dataclass(frozen=True)
class Section:
    ordinal: int  # 0 is the untitled introduction
    label: str
    heading: str | None  # the heading line, verbatim (None for the introduction)
    begin: int  # the section runs from its heading line ...
    end: int  # ... to the end of its last line (exclusive)
    faq: bool = False
    takeaways: bool = False


@dataclass(frozen=True)
class Table:
    ordinal: int  # from 1, in article order
    columns: tuple[str, ...]
    begin: int
    end: int
    section: int
    caption: str | None = None

    @property
    def label(self) -> str:
        """The caption where the article gives one, else the columns.

        >>> Table(1, ("Causes", "Symptoms"), 0, 1, 0).label
        'Table 1: Causes | Symptoms'
        """
        return self.caption or f"Table {self.ordinal}: {' | '.join(self.columns)}"


@dataclass(frozen=True)
class ItemList:
    ordinal: int  # from 1, in article order
    label: str
    begin: int
    end: int
    section: int
    lead_in: str | None = None  # the line that introduces the list, verbatim
    items: tuple[tuple[int, int, str], ...] = ()  # each `- ` line's text (begin, end, text), without the bullet


@dataclass(frozen=True)
class Passage:
    """A line of the article that readers name as a thing of its own: a question of the FAQ (with the line that
    answers it) or an inline note ("Note: ...")."""

    ordinal: int  # from 1, in article order
    begin: int
    end: int
    text: str  # verbatim
    section: int
    answer: tuple[int, int, str] | None = None  # an FAQ question's answer line (begin, end, text)


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    begin: int
    end: int
    text: str
    kind: str  # local name of a concept of kgv:evidence-kinds
    section: int
    table: int | None = None
    list: int | None = None
    row_group: str | None = None
    faq_question: str | None = None


@dataclass(frozen=True)
class Agent:
    id: str
    label: str
    comment: str


@dataclass
class Structure:
    sections: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    lists: list[ItemList] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    questions: list[Passage] = field(default_factory=list)  # the FAQ's questions, in order, with their answers
    notes: list[Passage] = field(default_factory=list)  # the inline notes, in order
    agents: dict[str, Agent] = field(default_factory=dict)

    def line_of(self, begin: int, end: int) -> Line:
        """Return the line a span ``[begin, end)`` lies in; raise ``ValueError`` if it crosses lines."""
        for line in self.lines:
            if line.begin <= begin < line.end or (begin == line.begin == line.end):
                if end > line.end:
                    raise ValueError(f"the quote crosses the end of article line {line.number}: "
                                     "quote one line (sentence, row or item) at a time")
                return line
        raise ValueError(f"no article line holds offsets [{begin}, {end})")


def split_lines(article: str) -> list[tuple[int, int, int, str]]:
    """Return ``(number, begin, end, text)`` for every line, offsets in code points.

    >>> split_lines("ab\\ncd")
    [(1, 0, 2, 'ab'), (2, 3, 5, 'cd')]
    """
    result, offset = [], 0
    for number, text in enumerate(article.split("\n"), start=1):
        result.append((number, offset, offset + len(text), text))
        offset += len(text) + 1
    return result


def cells(row: str) -> list[str]:
    """Split a table row into its cells (empty trailing cells dropped).

    >>> cells("Dehydration | Pregnant women |")
    ['Dehydration', 'Pregnant women']
    >>> cells("– Physical therapy | |")
    ['– Physical therapy']
    """
    parts = [c.strip() for c in row.split("|")]
    while parts and not parts[-1]:
        parts.pop()
    return parts


def _mapping_list(value, where: str, key: str, problems: list[Problem]) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(Problem(f"{where}: '{key}' must be a list"))
        return []
    return value


def parse_structure(data: dict, article: str, display: str = "facts/article.yaml") -> Structure:
    """Read the declared structure against the article; raise ``BuildError`` naming what is not found."""
    problems: list[Problem] = []
    lines = split_lines(article)
    texts = [text for _, _, _, text in lines]

    # Headings: whole lines, in order.
    headings: list[tuple[int, dict]] = []  # (line index, declaration)
    for item in _mapping_list(data.get("sections"), display, "sections", problems):
        heading = item.get("heading") if isinstance(item, dict) else None
        if not isinstance(heading, str):
            problems.append(Problem(f"{display}: every section needs a 'heading'"))
            continue
        found = [i for i, text in enumerate(texts) if text == heading]
        occurrence = item.get("occurrence", 1 if len(found) <= 1 else None)
        if not found:
            problems.append(Problem(f"{display}: heading {heading!r} is not a line of the article"))
        elif occurrence is None:
            problems.append(Problem(f"{display}: heading {heading!r} occurs {len(found)} times; give 'occurrence'"))
        elif not isinstance(occurrence, int) or not 1 <= occurrence <= len(found):
            problems.append(Problem(f"{display}: heading {heading!r} has no occurrence {occurrence!r}"))
        else:
            headings.append((found[occurrence - 1], item))
    order = [index for index, _ in headings]
    if order != sorted(order):
        problems.append(Problem(f"{display}: sections must be listed in article order"))

    captions = [c for c in _mapping_list(data.get("captions"), display, "captions", problems)]
    for caption in captions:
        if caption not in texts:
            problems.append(Problem(f"{display}: caption {caption!r} is not a line of the article"))
    labels = _mapping_list(data.get("labelled_paragraphs"), display, "labelled_paragraphs", problems)
    notes = _mapping_list(data.get("notes"), display, "notes", problems)
    for prefix in labels + notes:
        if not isinstance(prefix, str) or not any(text.startswith(prefix) for text in texts):
            problems.append(Problem(f"{display}: no line of the article starts with {prefix!r}"))

    agents = {}
    raw_agents = data.get("agents") or {}
    if not isinstance(raw_agents, dict):
        problems.append(Problem(f"{display}: 'agents' must be a mapping"))
        raw_agents = {}
    for agent_id, spec in raw_agents.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("label"), str) or not isinstance(spec.get("comment"), str):
            problems.append(Problem(f"{display}: agent '{agent_id}' needs a 'label' and a 'comment'"))
            continue
        agents[agent_id] = Agent(agent_id, spec["label"], spec["comment"])
    if problems:
        raise BuildError(problems, stage="article structure")

    structure = Structure(agents=agents)
    # Sections: the introduction, then one per heading, each up to the next heading.
    starts = [(0, None, {"heading": None, "label": data.get("introduction") or "Introduction"})]
    starts += [(lines[index][1], index, item) for index, item in headings]
    for ordinal, (begin, index, item) in enumerate(starts):
        next_begin = starts[ordinal + 1][0] if ordinal + 1 < len(starts) else len(article) + 1
        structure.sections.append(Section(
            ordinal, item.get("label") or item["heading"], item["heading"], begin, next_begin - 1,
            bool(item.get("faq")), bool(item.get("takeaways"))))
    heading_lines = {index for index, _ in headings}

    def section_at(offset: int) -> Section:
        return next(s for s in reversed(structure.sections) if s.begin <= offset)

    # Tables: a header row over a `---` rule, then every following row with a `|`.
    in_table: dict[int, tuple[int, str | None]] = {}  # line index -> (table ordinal, row group)
    i = 0
    while i < len(lines) - 1:
        text, below = texts[i], texts[i + 1]
        if "|" in text and below.strip().startswith("---"):
            ordinal = len(structure.tables) + 1
            rows = i + 2
            while rows < len(lines) and "|" in texts[rows]:
                rows += 1
            group = None
            for row in range(i, rows):
                first = (cells(texts[row]) or [""])[0]
                if row >= i + 2 and not first.startswith(EN_DASH):
                    group = first
                in_table[row] = (ordinal, group if row >= i + 2 and first.startswith(EN_DASH) else None)
            caption = texts[i - 1] if i > 0 and texts[i - 1] in captions else None
            structure.tables.append(Table(ordinal, tuple(cells(text)), lines[i][1], lines[rows - 1][2],
                                          section_at(lines[i][1]).ordinal, caption))
            i = rows
        else:
            i += 1

    # Lists: runs of `- ` lines, labelled by the line that introduces them.
    in_list: dict[int, int] = {}
    i = 0
    while i < len(lines):
        if texts[i].startswith("- "):
            end = i
            while end + 1 < len(lines) and texts[end + 1].startswith("- "):
                end += 1
            ordinal = len(structure.lists) + 1
            section = section_at(lines[i][1])
            lead_in = texts[i - 1] if i > 0 and (i - 1) not in heading_lines else None
            label = (lead_in or section.label).rstrip(":").strip()
            items = tuple((lines[k][1] + 2, lines[k][2], texts[k][2:]) for k in range(i, end + 1))
            structure.lists.append(ItemList(ordinal, label, lines[i][1], lines[end][2], section.ordinal, lead_in, items))
            for row in range(i, end + 1):
                in_list[row] = ordinal
            i = end + 1
        else:
            i += 1

    question = None
    for index, (number, begin, end, text) in enumerate(lines):
        section = section_at(begin)
        table, row_group = in_table.get(index, (None, None))
        faq_question = None
        if index in heading_lines or text in captions:
            kind = "heading"
        elif table is not None:
            kind = "table-row"
        elif index in in_list:
            kind = "key-takeaway" if section.takeaways else "list-item"
        elif text.startswith(OPENING_QUOTE):
            kind = "pull-quote"
        elif any(text.startswith(prefix) for prefix in notes):
            kind = "note"
        elif any(text.startswith(prefix) for prefix in labels):
            kind = "labelled-paragraph"
        elif section.faq and text.rstrip().endswith("?"):
            kind, question = "faq-question", text
        elif section.faq:
            kind, faq_question = "faq-answer", question
        else:
            kind = "body-text"
        structure.lines.append(Line(number, begin, end, text, kind, section.ordinal, table,
                                    in_list.get(index), row_group, faq_question))
        if kind == "faq-question":
            structure.questions.append(Passage(len(structure.questions) + 1, begin, end, text, section.ordinal))
        elif kind == "faq-answer" and structure.questions and structure.questions[-1].answer is None \
                and text.strip():
            last = structure.questions[-1]
            structure.questions[-1] = Passage(last.ordinal, last.begin, last.end, last.text, last.section,
                                              (begin, end, text))
        elif kind == "note":
            structure.notes.append(Passage(len(structure.notes) + 1, begin, end, text, section.ordinal))
    return structure


def load_structure(path: Path, article: str, display: str | None = None) -> Structure:
    """Read ``facts/article.yaml``; a missing or malformed file stops the build naming it."""
    display = display or path.name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BuildError([Problem(f"{display}: file not found")], stage="article structure") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise BuildError([Problem(f"{display}{line}: malformed YAML: {getattr(exc, 'problem', exc)}")],
                         stage="article structure") from None
    if not isinstance(data, dict):
        raise BuildError([Problem(f"{display}: expected a mapping")], stage="article structure")
    return parse_structure(data, article, display)
