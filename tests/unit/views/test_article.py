"""kg.views.article: the article's structure read from its lines, every quote marked, nothing of the text lost."""

from __future__ import annotations

import functools

import pytest
import rdflib

from kg import paths
from kg.namespaces import ARTICLE_IRI
from kg.views.article import Quote, Token, about, chrome, heading_level, page, render
from kg.views.describe import describer
from kg.views.article import quotes_from_spans


# -- helpers ---------------------------------------------------------------------------------------

def runs(article):
    """Every inline run of the article in rendering order (headings, paragraphs, items, captions, cells)."""
    for block in article.blocks:
        if block.inline:
            yield block.inline
        yield from block.items
        if block.caption:
            yield block.caption
        for cell in block.head + [c for row in block.rows for c in row]:
            yield from cell.lines


def tokens(article) -> list[Token]:
    return [t for run in runs(article) for t in run]


def marked(run: list[Token]) -> str:
    """A run as text with [ ] for the marks: shows how pieces nest."""
    return "".join(t.text if t.kind == "text" else "[" if t.kind == "open" else "]" for t in run)


@functools.lru_cache(maxsize=4)
def syntax_offsets(text: str) -> frozenset[int]:
    """Offsets that are markup of the plain text: line breaks, pipes, separators, bullets and the blanks around them."""
    out = set()
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        out.add(end)  # the line break
        stripped = line.strip()
        if stripped and set(stripped) <= {"-", "|"}:
            out.update(range(pos, end))
        if line.startswith("- "):
            out.update((pos, pos + 1))
        if "|" in line:  # a table row: its pipes, and the dash bullets that open its cells
            for i, ch in enumerate(line):
                if ch == "|" or ch in "–—" and not line[:i].split("|")[-1].strip():
                    out.add(pos + i)
        pos = end + 1
    return frozenset(out)


# -- the real article ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real(real_store):
    text = paths.ARTICLE.read_text(encoding="utf-8")
    quotes = quotes_from_spans(describer(real_store).source()["spans"])
    return text, quotes, render(text, quotes)


def test_every_character_is_shown_once_in_place_except_syntax_and_chrome(real):
    text, _, article = real
    shown: list[int] = []
    for t in tokens(article):
        if t.kind == "text":
            assert text[t.begin:t.begin + len(t.text)] == t.text  # verbatim, at its offset
            shown.extend(range(t.begin, t.begin + len(t.text)))
    assert len(shown) == len(set(shown)), "a character is shown twice"
    dropped = {i for b, e in article.dropped for i in range(b, e)}
    hidden = set(range(len(text))) - set(shown)
    # What is not shown is chrome, markup, or the blanks beside markup; never a letter of the article.
    unexplained = sorted(i for i in hidden - dropped - syntax_offsets(text) if not text[i].isspace())
    assert not unexplained, [text[max(0, i - 20):i + 20] for i in unexplained[:5]]


def test_chrome_is_dropped_and_only_chrome(real):
    text, _, article = real
    assert [text[b:e] for b, e in article.dropped] == ["Table of Contents", "Toggle"]
    headings = ["".join(t.text for t in b.inline) for b in article.blocks if b.kind == "heading"]
    assert "Key Takeaways:" in headings and "FAQ" in headings
    assert not any("Toggle" in h or "Table of Contents" in h for h in headings)


def test_every_quote_has_exactly_one_anchor_and_its_pieces_are_its_text(real):
    text, quotes, article = real
    anchors = [t.anchor for t in tokens(article) if t.kind == "open" and t.first]
    assert sorted(anchors) == sorted(q.anchor for q in quotes)
    for q in quotes:
        assert text[q.begin:q.end]  # the offsets stay those of the stored text
    # Pieces of one quote, concatenated, are the quote without its markup.
    pieces: dict[str, str] = {}
    for run in runs(article):
        stack: list[Token] = []
        for t in run:
            if t.kind == "open":
                stack.append(t)
            elif t.kind == "close":
                stack.pop()
            else:
                for open_ in stack:
                    pieces[open_.anchor] = pieces.get(open_.anchor, "") + t.text
        assert not stack, "a mark is left open at the end of its run"
    for q in quotes:
        squashed = "".join(ch for i, ch in enumerate(text[q.begin:q.end], q.begin)
                           if not ch.isspace() and i not in syntax_offsets(text))
        assert "".join(pieces[q.anchor].split()) == squashed, q.anchor


def test_tables_are_tables_with_continuation_rows_folded_in(real):
    _, _, article = real
    tables = [b for b in article.blocks if b.kind == "table"]
    assert len(tables) == 8

    def cells(table):
        return [[" / ".join("".join(t.text for t in line) for line in c.lines) for c in row] for row in table.rows]

    heads = [["".join(t.text for t in c.lines[0]) for c in table.head] for table in tables]
    assert heads[0] == ["Causes", "Symptoms", "Treatment"]
    als = tables[heads.index(["Condition", "Treatment Approaches"])]
    assert [row[0] for row in cells(als)] == ["Amyotrophic Lateral Sclerosis (ALS)", "Autoimmune Disorders"]
    assert cells(als)[0][1] == ("Medications to alleviate muscle spasms and stiffness / "
                                "Physical therapy and assistive devices for mobility support / "
                                "Speech therapy and respiratory support as the disease progresses")
    assert all(c.listed for c in (als.rows[0][1], als.rows[1][1]))
    risk = tables[heads.index(["Causes", "Risk Factors"])]
    assert cells(risk)[-1] == ["Overuse", ""]  # a short row is padded
    captions = ["".join(t.text for t in table.caption) for table in tables if table.caption]
    assert "Table: Remedies for Knee Muscle Spasms" in captions


# -- small texts -----------------------------------------------------------------------------------

TABLE = "Causes | Symptoms |\n---|---|\nDehydration | Muscle twitching |\n– More | |\nOveruse |"


def test_a_quote_across_a_cell_boundary_becomes_two_pieces_the_first_anchored():
    begin = TABLE.index("Dehydration")
    end = TABLE.index("Muscle twitching") + len("Muscle")
    article = render(TABLE, [Quote(begin, end, facts=2)])
    row = article.blocks[0].rows[0]
    first, second = row[0].lines[0], row[1].lines[0]
    assert marked(first) == "[Dehydration]" and marked(second) == "[Muscle] twitching"
    assert first[0].first and first[0].anchor == f"q-{begin}-{end}" and first[0].facts == 2
    assert not second[0].first and second[0].anchor == f"q-{begin}-{end}" and second[0].facts == 0


def test_dash_rows_continue_the_row_above_and_short_rows_are_padded():
    article = render(TABLE, [])
    rows = [[["".join(t.text for t in line) for line in c.lines] for c in row] for row in article.blocks[0].rows]
    assert rows == [[["Dehydration"], ["Muscle twitching", "More"]], [["Overuse"], []]]


def test_nested_and_crossing_quotes_nest_as_html_requires():
    text = "One sentence here. Another one there."
    outer, inner, crossing = Quote(0, 18), Quote(4, 12), Quote(13, 27)
    article = render(text, [outer, inner, crossing])
    assert marked(article.blocks[0].inline) == "[One [sentence] [here.]][ Another ]one there."
    firsts = {t.anchor for t in article.blocks[0].inline if t.kind == "open" and t.first}
    assert firsts == {outer.anchor, inner.anchor, crossing.anchor}


def test_a_quote_on_a_list_bullet_or_a_heading_line_keeps_its_anchor():
    text = "Causes of Spasms\n- Dehydration\n- Overuse"
    quotes = [Quote(0, 16), Quote(17, 30)]  # the heading; an item with its "- "
    article = render(text, quotes)
    assert [b.kind for b in article.blocks] == ["heading", "list"]
    assert marked(article.blocks[1].items[0]) == "[Dehydration]"
    assert {t.anchor for t in tokens(article) if t.kind == "open" and t.first} == {q.anchor for q in quotes}


def test_quoted_chrome_is_kept():
    text = "Intro.\nTable of Contents\nToggleKey Takeaways:\n- one"
    assert chrome(text, []) == [(7, 24), (25, 31)]
    kept = render(text, [Quote(25, 45)])
    assert kept.dropped == [(7, 24)]
    assert "".join(t.text for t in kept.blocks[1].inline) == "ToggleKey Takeaways:"


@pytest.mark.parametrize("line, level", [
    ("Conclusion", 2), ("FAQ", 2), ("Muscle Spasms: Overview and Anatomy", 2),
    ("Possible Causes of Muscle Spasms:", 3), ("How can I treat muscle spasms at home?", 3),
    ("If you’re experiencing muscle spasms, it is recommended to:", 0),
    ("“Muscle spasms can range in intensity.”", 0), ("Causes | Symptoms |", 0),
    ("Note: Medicramp can provide relief from cramp pain within 48 hours.", 0),
])
def test_heading_levels(line, level):
    assert heading_level(line) == level


def test_about_reads_the_articles_description(real_store):
    info = about(describer(real_store).describe(str(ARTICLE_IRI)), str(ARTICLE_IRI))
    assert info["title"] == "Knee muscle spasms: causes and treatment options"
    labels = [label for label, *_ in info["the_copy"]]
    assert labels == ["Copy kept as", "Language", "Length", "Checksum"]
    assert dict((label, value) for label, value, _ in info["the_copy"])["Language"] == "English"
    claims = [c["iri"] for c in info["claims"]]
    assert "https://w3id.org/kneekg/id/medicramp-48-hour-claim" in claims  # the product's promise
    assert all(c["label"] for c in info["claims"]) and claims == sorted(set(claims), key=claims.index)
    assert info["missing"] == ["author", "publisher", "date", "web address"]


def test_about_shows_an_origin_when_the_graph_has_one():
    g = rdflib.Graph()
    a = rdflib.URIRef("https://example.org/article")
    g.add((a, rdflib.URIRef("http://purl.org/dc/terms/publisher"), rdflib.Literal("A clinic")))
    g.add((a, rdflib.URIRef("http://schema.org/url"), rdflib.URIRef("https://example.org/page")))
    info = about(g, str(a))
    assert info["origin"] == [("Publisher", "A clinic"), ("Web address", "https://example.org/page")]
    assert info["missing_text"] == "author or date"


def test_page_gives_the_template_the_article_and_its_origin(real_store):
    d = describer(real_store)
    model = page(d.source()["spans"], d.describe(str(ARTICLE_IRI)), str(ARTICLE_IRI))
    assert model["about"]["title"] and len(model["article"].blocks) > 100
