"""Read the hand-curated facts (YAML) into checked records that remember file and line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.build.errors import BuildError, Problem

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CURIE_PATTERN = re.compile(r"^(mesh|hp|doid|wd|snomed):([A-Za-z0-9]+)$")


@dataclass(frozen=True)
class Where:
    """A place in a source file, for error messages."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass
class Entity:
    id: str
    types: list[str]
    label: str
    alt: list[str]
    definition: str | None
    exact: list[str]
    close: list[str]
    where: Where


@dataclass
class Fact:
    """One asserted relation with the quotes that ground it."""

    subject: str
    predicate: str
    object: str
    quotes: list[tuple[str, int | None]]  # (quote, occurrence or None)
    where: Where

    @property
    def key(self) -> str:
        return f"{self.subject} {self.predicate} {self.object}"


@dataclass
class Claim:
    id: str
    about: str
    text: str
    quotes: list[tuple[str, int | None]]
    where: Where


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


def _quotes(item: dict, where: Where, problems: list[Problem]) -> list[tuple[str, int | None]]:
    quotes = _strings(item.get("quote"), where, "quote", problems)
    if not quotes and "quote" not in item:
        problems.append(Problem(f"{where}: missing 'quote' (every fact needs its evidence)"))
    occurrence = item.get("occurrence")
    if occurrence is not None and (not isinstance(occurrence, int) or occurrence < 1):
        problems.append(Problem(f"{where}: 'occurrence' must be a positive integer"))
        occurrence = None
    return [(q, occurrence) for q in quotes]


def _check_keys(item: dict, allowed: set[str], where: Where, problems: list[Problem]) -> None:
    unknown = sorted(set(item) - allowed - {"__line__"})
    if unknown:
        problems.append(Problem(f"{where}: unknown key(s) {', '.join(unknown)}"))


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
        _check_keys(item, {"id", "type", "label", "alt", "definition", "exact", "close"}, where, problems)
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
        definition = item.get("definition")
        if definition is not None and not isinstance(definition, str):
            problems.append(Problem(f"{where}: 'definition' must be a string"))
            definition = None
        exact = _strings(item.get("exact"), where, "exact", problems)
        close = _strings(item.get("close"), where, "close", problems)
        for curie in exact + close:
            if not CURIE_PATTERN.match(curie):
                problems.append(Problem(f"{where}: '{curie}' is not a known identifier form (mesh:D…, hp:…, doid:…, wd:Q…, snomed:…)"))
        result.entities[eid] = Entity(eid, types, label, _strings(item.get("alt"), where, "alt", problems),
                                      definition, exact, close, where)

    relations_file = display("relations.yaml")
    for item in _load_list(facts_dir / "relations.yaml", relations_file):
        where = Where(relations_file, item.get("__line__", 0))
        _check_keys(item, {"s", "p", "o", "quote", "occurrence", "note"}, where, problems)
        subject, predicate = item.get("s"), item.get("p")
        objects = _strings(item.get("o"), where, "o", problems)
        if not isinstance(subject, str) or not isinstance(predicate, str) or not objects:
            problems.append(Problem(f"{where}: a fact needs 's', 'p' and 'o'"))
            continue
        quotes = _quotes(item, where, problems)
        for obj in objects:
            result.facts.append(Fact(subject, predicate, obj, quotes, where))

    claims_file = display("claims.yaml")
    if (facts_dir / "claims.yaml").exists():
        for item in _load_list(facts_dir / "claims.yaml", claims_file):
            where = Where(claims_file, item.get("__line__", 0))
            _check_keys(item, {"id", "about", "text", "quote", "occurrence"}, where, problems)
            cid, about, text = item.get("id"), item.get("about"), item.get("text")
            if not (isinstance(cid, str) and ID_PATTERN.match(cid) and isinstance(about, str) and isinstance(text, str)):
                problems.append(Problem(f"{where}: a claim needs a kebab-case 'id', 'about' and 'text'"))
                continue
            result.claims.append(Claim(cid, about, text, _quotes(item, where, problems), where))

    # References: every id a fact or claim names must be an entity.
    for fact in result.facts:
        for role, ref in (("subject", fact.subject), ("object", fact.object)):
            if ref not in result.entities:
                problems.append(Problem(f"{fact.where}: unknown entity '{ref}' ({role} of {fact.key})"))
    for claim in result.claims:
        if claim.about not in result.entities:
            problems.append(Problem(f"{claim.where}: unknown entity '{claim.about}' (claim '{claim.id}' is about it)"))
        if claim.id in result.entities:
            problems.append(Problem(f"{claim.where}: claim id '{claim.id}' is also an entity id"))

    seen: dict[str, Where] = {}
    for fact in result.facts:
        if fact.key in seen:
            problems.append(Problem(f"{fact.where}: duplicate fact {fact.key} (first at {seen[fact.key]}); merge the quotes"))
        seen.setdefault(fact.key, fact.where)

    if problems:
        raise BuildError(problems)
    return result
