"""Read the hand-curated facts (YAML) into checked records that remember file and line.

A fact is grounded by one or more quotes, and each quote carries the qualifiers with which the
article states the fact there (modality, context, urgency, emphasis ...). Qualifiers given on
the item apply to every quote; a quote may override any of them (``null`` removes one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.build.errors import BuildError, Problem

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CURIE_PATTERN = re.compile(r"^(mesh|hp|doid|wd|snomed):([A-Za-z0-9]+)$")
ANY = "kgv:any"  # the object of a negated fact that denies every object ("ALS has no cure")


@dataclass(frozen=True)
class QualifierKey:
    """One YAML key of a quote's qualifiers: the ontology property it becomes and its values."""

    property: str  # local name under kgo:, or a CURIE (skos:editorialNote)
    values: str  # "concept" (kgv: local names), "entity" (entity ids) or "text"
    many: bool = True  # a list of values is allowed


QUALIFIERS: dict[str, QualifierKey] = {
    "modality": QualifierKey("modality", "concept", many=False),
    "condition": QualifierKey("inCondition", "entity"),
    "population": QualifierKey("inPopulation", "entity"),
    "severity": QualifierKey("severity", "concept"),
    "amount": QualifierKey("amount", "concept"),
    "frequency": QualifierKey("frequency", "concept"),
    "stage": QualifierKey("stage", "concept"),
    "when-caused-by": QualifierKey("whenCausedBy", "entity"),
    "unless-caused-by": QualifierKey("unlessCausedBy", "entity"),
    "site": QualifierKey("atSite", "entity"),
    "urgency": QualifierKey("urgency", "concept", many=False),
    "emphasis": QualifierKey("emphasis", "concept"),
    "intent": QualifierKey("intent", "concept"),
    "mechanism": QualifierKey("mechanism", "text"),
    "purpose": QualifierKey("purpose", "text"),
    "note": QualifierKey("skos:editorialNote", "text", many=False),
    "checked": QualifierKey("checked", "text", many=False),
}
CHECKED_VALUES = ("unqualified",)
QUOTE_KEYS = {"text", "occurrence", "column"} | set(QUALIFIERS)


@dataclass(frozen=True)
class Where:
    """A place in a source file, for error messages."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Quote:
    """One quote grounding a fact, with the qualifiers of that quote."""

    text: str
    occurrence: int | None = None
    column: str | None = None  # the table column the fact is read from
    qualifiers: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (YAML key, values), sorted

    def get(self, key: str) -> tuple[str, ...]:
        return dict(self.qualifiers).get(key, ())


@dataclass
class Definition:
    text: str
    quotes: list[Quote]
    where: "Where"


@dataclass
class Entity:
    id: str
    types: list[str]
    label: str
    alt: list[str]
    definition: Definition | None
    exact: list[str]
    close: list[str]
    where: Where
    search: list[str] = field(default_factory=list)  # related words (kgo:searchLabel)
    lay: list[str] = field(default_factory=list)  # everyday words for the same thing (kgo:laySynonym)


@dataclass
class Fact:
    """One relation with the quotes that ground it; ``value`` for a literal (duration, course)."""

    subject: str
    predicate: str
    object: str | None
    quotes: list[Quote]
    where: Where
    value: str | None = None
    negated: bool = False

    @property
    def key(self) -> str:
        target = self.object if self.value is None else repr(self.value)
        return f"{'not ' if self.negated else ''}{self.subject} {self.predicate} {target}"


@dataclass
class Claim:
    id: str
    about: list[str]
    text: str
    quotes: list[Quote]
    where: Where
    kinds: list[str] = field(default_factory=list)
    claimed_by: str = "publisher"
    conflicts_with: list[str] = field(default_factory=list)
    note: str | None = None


@dataclass
class Facts:
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


class _LineLoader(yaml.SafeLoader):
    """A safe YAML loader that records each mapping's line as ``__line__``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _load_list(path: Path, display: str) -> list[dict]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except FileNotFoundError:
        raise BuildError([Problem(f"{display}: file not found")]) from None
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[:exc.start].count(b"\n") + 1
        raise BuildError([Problem(f"{display}:{line}: not UTF-8 (byte 0x{exc.object[exc.start]:02x}): "
                                  "save the file as UTF-8")]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        reason = getattr(exc, "problem", None) or str(exc)
        raise BuildError([Problem(f"{display}{line}: malformed YAML: {reason}")]) from None
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise BuildError([Problem(f"{display}:1: expected a list of mappings")])
    return data


def _strings(value, where: Where, key: str, problems: list[Problem]) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(Problem(f"{where}: '{key}' must be a non-empty string or a list of them"))
        return []
    return list(value)


def _qualifiers(item: dict, where: Where, problems: list[Problem]) -> dict[str, tuple[str, ...] | None]:
    """The qualifier keys of a mapping; ``None`` marks a key set to null (to remove an inherited one)."""
    found: dict[str, tuple[str, ...] | None] = {}
    for key, spec in QUALIFIERS.items():
        if key not in item:
            continue
        raw = item[key]
        if raw is None:
            found[key] = None
            continue
        values = _strings(raw, where, key, problems)
        if len(values) > 1 and not spec.many:
            problems.append(Problem(f"{where}: '{key}' takes one value, not a list"))
            values = values[:1]
        if key == "checked" and values and values[0] not in CHECKED_VALUES:
            problems.append(Problem(f"{where}: 'checked' must be one of {', '.join(CHECKED_VALUES)}, got {values[0]!r}"))
        found[key] = tuple(values)
    return found


def _merge(inherited: dict[str, tuple[str, ...] | None], own: dict[str, tuple[str, ...] | None]):
    merged = {k: v for k, v in inherited.items() if v is not None}
    for key, values in own.items():
        if values is None:
            merged.pop(key, None)
        else:
            merged[key] = values
    return tuple(sorted(merged.items()))


def _quotes(item: dict, where: Where, problems: list[Problem], key: str = "quote") -> list[Quote]:
    """The quotes of an item: strings, or mappings with ``text`` and their own qualifiers."""
    raw = item.get(key)
    if raw is None:
        problems.append(Problem(f"{where}: missing '{key}' (every fact needs its evidence)"))
        return []
    entries = raw if isinstance(raw, list) else [raw]
    occurrence = item.get("occurrence")
    if occurrence is not None and (not isinstance(occurrence, int) or occurrence < 1):
        problems.append(Problem(f"{where}: 'occurrence' must be a positive integer"))
        occurrence = None
    inherited = _qualifiers(item, where, problems)
    quotes = []
    for entry in entries:
        if isinstance(entry, str) and entry.strip():
            quotes.append(Quote(entry, occurrence, None, _merge(inherited, {})))
        elif isinstance(entry, dict):
            here = Where(where.file, entry.get("__line__", where.line))
            _check_keys(entry, QUOTE_KEYS, here, problems)
            text = entry.get("text")
            if not isinstance(text, str) or not text.strip():
                problems.append(Problem(f"{here}: a quote mapping needs its 'text'"))
                continue
            own_occurrence = entry.get("occurrence", occurrence)
            if own_occurrence is not None and (not isinstance(own_occurrence, int) or own_occurrence < 1):
                problems.append(Problem(f"{here}: 'occurrence' must be a positive integer"))
                own_occurrence = None
            column = entry.get("column")
            if column is not None and not isinstance(column, str):
                problems.append(Problem(f"{here}: 'column' must be a string"))
                column = None
            quotes.append(Quote(text, own_occurrence, column, _merge(inherited, _qualifiers(entry, here, problems))))
        else:
            problems.append(Problem(f"{where}: '{key}' must be a string, a mapping with 'text', or a list of them"))
    return quotes


def _check_keys(item: dict, allowed: set[str], where: Where, problems: list[Problem]) -> None:
    unknown = sorted(set(item) - allowed - {"__line__"})
    if unknown:
        problems.append(Problem(f"{where}: unknown key(s) {', '.join(unknown)}"))


def _definition(item: dict, where: Where, problems: list[Problem]) -> Definition | None:
    raw = item.get("definition")
    if raw is None:
        return None
    if isinstance(raw, str):
        return Definition(raw, [Quote(raw)], where)
    if isinstance(raw, dict):
        here = Where(where.file, raw.get("__line__", where.line))
        _check_keys(raw, {"text", "quote", "occurrence"} | set(QUALIFIERS), here, problems)
        text = raw.get("text")
        if not isinstance(text, str) or not text.strip():
            problems.append(Problem(f"{here}: a definition needs its 'text'"))
            return None
        return Definition(text, _quotes(raw, here, problems), here)
    problems.append(Problem(f"{where}: 'definition' must be a string or a mapping with 'text' and 'quote'"))
    return None


ENTITY_KEYS = {"id", "type", "label", "alt", "lay", "search", "definition", "exact", "close"}
RELATION_KEYS = {"s", "p", "o", "value", "negated", "quote", "occurrence"} | set(QUALIFIERS)
CLAIM_KEYS = {"id", "about", "text", "kind", "claimed-by", "conflicts-with", "note", "quote", "occurrence"} \
    | (set(QUALIFIERS) - {"note"})


def load_facts(facts_dir: Path, root: Path | None = None) -> Facts:
    """Parse ``entities.yaml``, ``relations.yaml`` and ``claims.yaml``; raise on any problem."""
    root = root or facts_dir.parent.parent

    def display(name: str) -> str:
        path = facts_dir / name
        try:
            return str(path.relative_to(root))
        except ValueError:
            return str(path)

    problems: list[Problem] = []
    result = Facts()

    entities_file = display("entities.yaml")
    for item in _load_list(facts_dir / "entities.yaml", entities_file):
        where = Where(entities_file, item.get("__line__", 0))
        _check_keys(item, ENTITY_KEYS, where, problems)
        eid = item.get("id")
        if not isinstance(eid, str) or not ID_PATTERN.match(eid):
            problems.append(Problem(f"{where}: 'id' must be kebab-case, got {eid!r}"))
            continue
        if eid in result.entities:
            problems.append(Problem(f"{where}: duplicate entity id '{eid}' (first at {result.entities[eid].where})"))
            continue
        label = item.get("label")
        if not isinstance(label, str) or not label.strip():
            problems.append(Problem(f"{where}: entity '{eid}' needs a 'label'"))
            label = ""
        types = _strings(item.get("type"), where, "type", problems)
        if not types:
            problems.append(Problem(f"{where}: entity '{eid}' needs a 'type'"))
        exact = _strings(item.get("exact"), where, "exact", problems)
        close = _strings(item.get("close"), where, "close", problems)
        for curie in exact + close:
            if not CURIE_PATTERN.match(curie):
                problems.append(Problem(f"{where}: '{curie}' is not a known identifier form (mesh:D…, hp:…, doid:…, wd:Q…, snomed:…)"))
        alt = _strings(item.get("alt"), where, "alt", problems)
        lay = _strings(item.get("lay"), where, "lay", problems)
        search = _strings(item.get("search"), where, "search", problems)
        for (a, name_a), (b, name_b) in (((alt, "a synonym (alt)"), (search, "a related word (search)")),
                                         ((alt, "a synonym (alt)"), (lay, "a lay synonym (lay)")),
                                         ((lay, "a lay synonym (lay)"), (search, "a related word (search)"))):
            for word in sorted({w.lower() for w in a} & {w.lower() for w in b}):
                problems.append(Problem(f"{where}: '{word}' on '{eid}' is both {name_a} and {name_b}"))
        result.entities[eid] = Entity(eid, types, label, alt, _definition(item, where, problems),
                                      exact, close, where, search, lay)

    relations_file = display("relations.yaml")
    for item in _load_list(facts_dir / "relations.yaml", relations_file):
        where = Where(relations_file, item.get("__line__", 0))
        _check_keys(item, RELATION_KEYS, where, problems)
        subjects = _strings(item.get("s"), where, "s", problems)
        predicate = item.get("p")
        objects = _strings(item.get("o"), where, "o", problems)
        value = item.get("value")
        negated = item.get("negated", False)
        if not isinstance(negated, bool):
            problems.append(Problem(f"{where}: 'negated' must be true or false"))
            negated = False
        if value is not None and (not isinstance(value, str) or not value.strip() or objects):
            problems.append(Problem(f"{where}: 'value' is a non-empty string and replaces 'o'"))
            continue
        if not subjects or not isinstance(predicate, str) or not (objects or value):
            problems.append(Problem(f"{where}: a fact needs 's', 'p' and 'o' (or 'value')"))
            continue
        if ANY in objects and not negated:
            problems.append(Problem(f"{where}: '{ANY}' is only the object of a negated fact"))
        quotes = _quotes(item, where, problems)
        for subject in subjects:
            for obj in objects or [None]:
                result.facts.append(Fact(subject, predicate, obj, quotes, where, value, negated))

    claims_file = display("claims.yaml")
    if (facts_dir / "claims.yaml").exists():
        for item in _load_list(facts_dir / "claims.yaml", claims_file):
            where = Where(claims_file, item.get("__line__", 0))
            _check_keys(item, CLAIM_KEYS, where, problems)
            cid, text = item.get("id"), item.get("text")
            about = _strings(item.get("about"), where, "about", problems)
            if not (isinstance(cid, str) and ID_PATTERN.match(cid) and about and isinstance(text, str)):
                problems.append(Problem(f"{where}: a claim needs a kebab-case 'id', 'about' and 'text'"))
                continue
            kinds = _strings(item.get("kind"), where, "kind", problems)
            if not kinds:
                problems.append(Problem(f"{where}: claim '{cid}' needs a 'kind' (promotional, contradictory ...)"))
            claimed_by = item.get("claimed-by")
            if not isinstance(claimed_by, str):
                problems.append(Problem(f"{where}: claim '{cid}' needs 'claimed-by' (an agent of facts/article.yaml)"))
                claimed_by = ""
            note = item.get("note")
            if note is not None and not isinstance(note, str):
                problems.append(Problem(f"{where}: 'note' must be a string"))
                note = None
            quotes = _quotes({k: v for k, v in item.items() if k != "note"}, where, problems)  # the note is the claim's
            result.claims.append(Claim(cid, about, text, quotes, where, kinds, claimed_by,
                                       _strings(item.get("conflicts-with"), where, "conflicts-with", problems), note))

    # References: every id a fact, qualifier or claim names must be an entity (or a claim).
    def check_quote_refs(quotes: list[Quote], where: Where, what: str) -> None:
        for quote in quotes:
            for key, values in quote.qualifiers:
                if QUALIFIERS[key].values == "entity":
                    for ref in values:
                        if ref not in result.entities:
                            problems.append(Problem(f"{where}: unknown entity '{ref}' ({key} of {what})"))

    for fact in result.facts:
        refs = [("subject", fact.subject)] + ([("object", fact.object)] if fact.object not in (None, ANY) else [])
        for role, ref in refs:
            if ref not in result.entities:
                problems.append(Problem(f"{fact.where}: unknown entity '{ref}' ({role} of {fact.key})"))
        check_quote_refs(fact.quotes, fact.where, fact.key)
    for entity in result.entities.values():
        if entity.definition:
            check_quote_refs(entity.definition.quotes, entity.definition.where, f"the definition of '{entity.id}'")
    claim_ids = {claim.id for claim in result.claims}
    for claim in result.claims:
        for ref in claim.about:
            if ref not in result.entities:
                problems.append(Problem(f"{claim.where}: unknown entity '{ref}' (claim '{claim.id}' is about it)"))
        if claim.id in result.entities:
            problems.append(Problem(f"{claim.where}: claim id '{claim.id}' is also an entity id"))
        for other in claim.conflicts_with:
            if other not in claim_ids or other == claim.id:
                problems.append(Problem(f"{claim.where}: claim '{claim.id}' conflicts with unknown claim '{other}'"))
        check_quote_refs(claim.quotes, claim.where, f"claim '{claim.id}'")

    seen: dict[str, Where] = {}
    for fact in result.facts:
        if fact.key in seen:
            problems.append(Problem(f"{fact.where}: duplicate fact {fact.key} (first at {seen[fact.key]}); merge the quotes"))
        seen.setdefault(fact.key, fact.where)

    if problems:
        raise BuildError(problems)
    return result
