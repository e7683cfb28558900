"""Blueprint for asking questions: the /ask page and the JSON API GET /api/ask?q=."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, current_app, jsonify, render_template, request

from kg.ask import MAX_QUESTION_CHARS, BadQuestion, ask, examples, group_evidence

bp = Blueprint("ask", __name__)


def _answer(question: str) -> dict:
    """Answer ``question`` on the app's store and add the app's links (query editor)."""
    result = ask(current_app.extensions["kg_store"], question).to_dict()
    for query in [result["query"], *((result["query"] or {}).get("also", []))]:
        if query:
            query["editor"] = "/query?" + urlencode({"query": query["sparql_with_values"]})
    return result


def _headline(answer: dict) -> tuple[str, str]:
    """Split a yes/no or count answer into its verdict ("Yes", "No", "18") and the sentence after it."""
    message = answer["message"]
    if answer["kind"] == "boolean":
        verdict = "Yes" if answer["boolean"] else "No"
        for sep in (": ", " — "):
            if message.startswith(verdict + sep):
                return verdict, message[len(verdict) + len(sep):]
        return verdict, message
    if answer["kind"] == "count":
        return str(answer["count"]), message
    return "", message


@bp.get("/api/ask")
def api():
    """Answer ``q`` as JSON; 400 with an ``error`` for a missing, empty, too long or binary question."""
    question = request.args.get("q")
    if question is None:
        return jsonify(error="missing parameter 'q' (the question)"), 400
    try:
        return jsonify(_answer(question))
    except BadQuestion as exc:
        return jsonify(error=str(exc), question=question[:MAX_QUESTION_CHARS]), 400


@bp.get("/ask")
def page():
    """The question box, example questions, and the answer with its SPARQL and evidence."""
    question = request.args.get("q")
    answer = error = None
    verdict = text = ""
    passages: list[dict] = []
    status = 200
    if question is not None:
        try:
            answer = _answer(question)
            verdict, text = _headline(answer)
            passages = group_evidence(answer["evidence"])
        except BadQuestion as exc:
            error, status = str(exc), 400
    return render_template("ask.html", q=(question or "")[:MAX_QUESTION_CHARS], answer=answer, error=error,
                           verdict=verdict, text=text, passages=passages, examples=examples(),
                           max_chars=MAX_QUESTION_CHARS), status
