"""Blueprint for the export concern (being built; see the issue for export)."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("export", __name__)
