"""Blueprint for the sparql concern (being built; see the issue for sparql)."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("sparql", __name__)
