"""Blueprint for the ask concern (being built; see the issue for ask)."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("ask", __name__)
