"""Blueprint for the browse concern (being built; see the issue for browse)."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("browse", __name__)
