"""Knee-spasm knowledge graph: article -> facts -> ontology + reasoning -> artifacts -> store."""

__version__ = "0.1.0"
