"""Evidence as a reader sees it: each quote of a fact with how it qualifies the fact and where it sits.

One evidence statement (``kgs:``, an ``rdf:Statement`` in the provenance graph) grounds one fact
with one verbatim quote. The fact model puts on it how that quote states the fact (modality,
contexts, urgency, emphasis, intent, negation) and where the quote sits (section, kind of text,
table and column, FAQ question); all are read as the statement's triples
(``queries/internal/evidence-of.rq``). A quote that is a table row is shown as a row of its
table, its cells read from the article's own line, never as a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph

from kg import paths
from kg.namespaces import KGO, PROV, RDF
from kg.store.memo import per_store
from kg.views.article import lines, split_cells
from kg.views.ontology import Ontology, select
from kg.views.wording import qualifier_words

TABLE_ROW = "table-row"
RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT = str(RDF.subject), str(RDF.predicate), str(RDF.object)
PROV_VALUE = str(PROV.value)
QUALIFIERS = frozenset(str(KGO[n]) for n in ("modality", "urgency", "emphasis", "intent"))  # and every kgo:context


@dataclass
class Evidence:
    """One quote of one fact: the fact, the quote, how it qualifies the fact and where it sits."""

    iri: str
    subject: str
    predicate: str
    object: str  # an IRI, or the text of a descriptive fact (a definition, a duration)
    quote: str
    begin: int
    end: int
    object_is_iri: bool = True
    kind: str = ""  # local name of the kgv: evidence kind (body-text, table-row …)
    kind_label: str = ""
    section: str = ""  # the heading of the section it is in
    faq: str = ""  # the question an FAQ answer answers
    table: str = ""  # the table's caption, if it has one
    columns: tuple[str, ...] = ()
    column: str = ""  # the column a fact is read from
    row_group: str = ""  # the first cell of the row a continuation row continues
    negated: bool = False
    mechanism: str = ""
    qualifiers: dict[str, tuple[str, ...]] = field(default_factory=dict)  # qualifier property → values (IRIs)
    words: str = ""  # the qualifiers in plain words ("can, in high amounts")
    row: list[dict] | None = None  # a table row: [{"header", "before", "quoted", "after"}]

    @property
    def anchor(self) -> str:
        return f"q-{self.begin}-{self.end}"

    @property
    def shown(self) -> str:
        """The quote in quotation marks (a pull quote brings its own)."""
        return ("" if self.quote.startswith("“") else "“") + self.quote + ("" if self.quote.endswith("”") else "”")

    def values(self, prop) -> tuple[str, ...]:
        return self.qualifiers.get(str(prop), ())


def _text(term) -> str:
    return term.value if term is not None else ""


def read(store, onto: Ontology, iri: str) -> list[Evidence]:
    """Every evidence statement of the facts ``iri`` takes part in (as subject or object), in the article's order."""
    triples: dict[str, dict[str, list]] = {}
    for row in select(store, "evidence-of", this=iri):
        triples.setdefault(row["st"].value, {}).setdefault(row["p"].value, []).append(row["o"])
    found = (_evidence(store, onto, st, values) for st, values in triples.items())
    return sorted((ev for ev in found if ev is not None), key=lambda e: (e.begin, e.end, e.iri))


def statement(store, onto: Ontology, iri: str) -> Evidence | None:
    """One evidence statement, read from its own triples; None if ``iri`` is not one."""
    values: dict[str, list] = {}
    for row in select(store, "subject-triples", this=iri):
        values.setdefault(row["p"].value, []).append(row["o"])
    return _evidence(store, onto, iri, values)


def _evidence(store, onto: Ontology, iri: str, values: dict[str, list]) -> Evidence | None:
    """One evidence from the triples of its statement (predicate → objects)."""
    def one(prop) -> str:
        return _text(values.get(str(prop), [None])[0])

    if not one(RDF_SUBJECT) or not one(PROV_VALUE) or not one(KGO.beginIndex):
        return None
    obj = values[RDF_OBJECT][0]
    columns, caption = tables(store).get(one(KGO.inTable), ("", ""))
    ev = Evidence(
        iri=iri, subject=one(RDF_SUBJECT), predicate=one(RDF_PREDICATE), object=obj.value,
        object_is_iri=isinstance(obj, pyoxigraph.NamedNode), quote=one(PROV_VALUE),
        begin=int(one(KGO.beginIndex)), end=int(one(KGO.endIndex) or 0),
        kind=one(KGO.evidenceKind).rsplit("/", 1)[-1], kind_label=onto.value_label(one(KGO.evidenceKind)),
        section=onto.label(one(KGO.section)) if one(KGO.section) else "", faq=one(KGO.faqQuestion),
        table=caption, columns=tuple(c.strip() for c in columns.split("|")) if columns else (),
        column=one(KGO.tableColumn), row_group=one(KGO.rowGroup), negated=one(KGO.negated) in ("true", "1"),
        mechanism=one(KGO.mechanism))
    for prop, terms in values.items():
        if prop in QUALIFIERS or (prop != str(KGO.context) and str(KGO.context) in onto.properties.get(prop, {}).get(
                "supers", ())):
            ev.qualifiers[prop] = tuple(sorted({t.value for t in terms}))
    return _finish(onto, ev)


def _read_tables(store) -> dict[str, tuple[str, str]]:
    return {row["table"].value: (_text(row["columns"]), _text(row["caption"])) for row in select(store, "tables")}


tables = per_store(_read_tables)
tables.__doc__ = """The article's tables of ``store``: IRI → (columns, caption), read once per store."""


def _finish(onto: Ontology, ev: Evidence) -> Evidence:
    """Put the qualifiers into words and a table row into cells."""
    ev.words = qualifier_words(onto, [ev], ev.predicate)
    if ev.kind == TABLE_ROW:
        ev.row = table_row(_article(), ev.begin, ev.end, ev.columns, ev.row_group)
    return ev


_ARTICLE: list[str] = []


def _article() -> str:
    """The article's text, read once (the quotes' offsets point into it)."""
    if not _ARTICLE:
        _ARTICLE.append(paths.ARTICLE.read_text(encoding="utf-8"))
    return _ARTICLE[0]


def table_row(text: str, begin: int, end: int, columns: tuple[str, ...], row_group: str = "") -> list[dict]:
    """The table row a quote lies in, cell by cell under its column headers, the quoted part of each cell marked.

    A continuation row (one that starts with a dash) gets the first cell of the row it continues.

    >>> text = "Causes | Symptoms |\\n---|---|\\nDehydration | Muscle twitching |\\n"
    >>> b = text.index("Dehydration")
    >>> [(c["header"], c["before"], c["quoted"]) for c in table_row(text, b, b + 30, ("Causes", "Symptoms"))]
    [('Causes', '', 'Dehydration'), ('Symptoms', '', 'Muscle twitching')]
    >>> b = text.index("twitching")
    >>> [(c["before"], c["quoted"]) for c in table_row(text, b, b + 9, ("Causes", "Symptoms"))]
    [('Dehydration', ''), ('Muscle ', 'twitching')]
    >>> text = "– Speech therapy | |\\n"
    >>> [(c["header"], c["before"], c["quoted"], c["group"]) for c in table_row(text, 2, 16, ("Condition", "Treatment"), "ALS")]
    [('Condition', 'ALS', '', True), ('Treatment', '– ', 'Speech therapy', False)]
    """
    line = next(((b, e) for b, e in lines(text) if b <= begin < e or (b == begin == e)), None)
    if line is None:
        return []
    cells = split_cells(text, *line)
    row = []
    if row_group and text[cells[0][0]:cells[0][1]].startswith(("–", "—")):
        row.append({"before": row_group, "quoted": "", "after": "", "group": True})
    for b, e in cells:
        qb, qe = max(b, begin), min(e, end)
        if qb < qe:
            row.append({"before": text[b:qb], "quoted": text[qb:qe], "after": text[qe:e], "group": False})
        else:
            row.append({"before": text[b:e], "quoted": "", "after": "", "group": False})
    while len(row) > len(columns) and not any(row[-1][k] for k in ("before", "quoted", "after")):
        row.pop()  # an empty cell after the row's last column
    for i, cell in enumerate(row):
        cell["header"] = columns[i] if i < len(columns) else ""
    return row

