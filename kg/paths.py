"""Where the project's sources and built artifacts live.

The project runs from its checkout (an editable install), so paths are resolved from this
file; ``KG_HOME`` points elsewhere (for tests that build into a temporary copy).
"""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    """Return the project checkout: ``$KG_HOME`` if set, else the parent of ``kg/``."""
    home = os.environ.get("KG_HOME")
    return Path(home).resolve() if home else Path(__file__).resolve().parent.parent


ROOT = project_root()
ARTICLE = ROOT / "article" / "knee-muscle-spasms.txt"
VOCABULARY_IDS = ROOT / "article" / "vocabulary-ids.md"
FACTS_DIR = ROOT / "facts"
STRUCTURE = FACTS_DIR / "article.yaml"
ONTOLOGY_SOURCE = ROOT / "ontology" / "kneekg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
LEXICON = ROOT / "ontology" / "lexicon.ttl"  # the words of the domain (kg/build/lexicon.py)
QUERIES_DIR = ROOT / "queries"
CHECKS_DIR = QUERIES_DIR / "checks"
RELEASE_DIR = ROOT / "release"
GRAPH_NQ = "graph.nq"
GOLD_QUESTIONS = ROOT / "evaluation" / "gold.yaml"
BLIND_DIR = ROOT / "evaluation" / "blind"  # question batches written from the article alone
