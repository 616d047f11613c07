"""Scores for instructors: quiz attempts, answers and progress of their students, filtered and exported."""

from __future__ import annotations

from datetime import datetime
from itertools import islice
from typing import Any

from flask import Blueprint, Response, abort, render_template, request, stream_with_context
from flask_babel import gettext as _
from flask_login import current_user

from quizapp.auth import instructor_required
from quizapp.clock import utcnow
from quizapp.reports.scores_forms import ScoresForm
from quizapp.services.instructor import scores
from quizapp.services.spreadsheet import csv_lines
from quizapp.services.stats import utc_today

bp = Blueprint("scores", __name__, url_prefix="/scores")

#: Rows of the chosen report shown on the page; the download has them all.
PREVIEW_ROWS = 20


def _form() -> ScoresForm:
    """Read the filter from the query string; another instructor's class is a 404."""
    form = ScoresForm(request.args, scores.Scope.of(current_user.id))
    try:
        form.validate()
    except scores.ForeignClassError:
        abort(404)
    return form


def _page(form: ScoresForm, report: scores.Report, now: datetime, status: int) -> tuple[str, int]:
    """Render the filter form, the download links and, when the filter is good, a preview of the report."""
    preview: list[tuple[Any, ...]] | None = None
    if not form.errors:
        rows = report.rows(scores.Scope.of(current_user.id), form.filters(), now)
        preview = [tuple(cell_text(cell) for cell in row) for row in islice(rows, PREVIEW_ROWS)]
        close = getattr(rows, "close", None)
        if close is not None:
            close()  # let go of the database cursor of the rows not shown
    return render_template(
        "reports/scores.html",
        form=form,
        report=report,
        reports=scores.REPORTS.values(),
        preview=preview,
        preview_rows=PREVIEW_ROWS,
        query=form.query() if not form.errors else {},
    ), status


@bp.get("/")
@instructor_required
def index() -> tuple[str, int]:
    """Show the filter, a preview of the chosen report and links to download each report as CSV."""
    form = _form()
    report = scores.REPORTS.get(form.report.data or "", scores.REPORTS["attempts"])
    return _page(form, report, utcnow(), 400 if form.errors else 200)


@bp.get("/<report>.csv")
@instructor_required
def download(report: str) -> Response | tuple[str, int]:
    """Stream a report as a CSV file, filtered as the query string says."""
    chosen = scores.REPORTS.get(report)
    if chosen is None:
        abort(404)
    form = _form()
    now = utcnow()
    if form.errors:
        return _page(form, chosen, now, 400)
    rows = chosen.rows(scores.Scope.of(current_user.id), form.filters(), now)
    header = [str(name) for name in chosen.header]
    filename = f"scores-{chosen.name}-{utc_today(now).isoformat()}.csv"
    return Response(
        stream_with_context(csv_lines(header, rows)),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def cell_text(cell: Any) -> str:
    """Write a report cell for the page: yes or no for a truth value, nothing for no value."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return _("yes") if cell else _("no")
    return str(cell)
