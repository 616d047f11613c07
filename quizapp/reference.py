"""A yardstick page for bench/serve.py, in the style of TechEmpower's "Fortunes" test: one query, a sort, a dozen rows.

It shows how fast a Flask + SQLAlchemy + Jinja page can be on this machine, so the bench can state each real page's
throughput as a share of it. It is not part of the product: the app registers it only when the BENCH_REFERENCE
setting is true (QUIZAPP_BENCH_REFERENCE=1), and it shows nothing a visitor could not see anyway.
"""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, Flask, render_template

from quizapp.db import db
from quizapp.models import Choice

bp = Blueprint("reference", __name__, url_prefix="/bench")

#: Rows read from the database, as many as TechEmpower's fortunes table holds.
ROWS = 12
#: The row added at request time, as in TechEmpower's test; its markup must come out escaped.
ADDED = "<script>alert(\"Additional fortune added at request time.\");</script>"


@bp.get("/fortunes")
def fortunes() -> str:
    """Show a dozen stored texts and one added now, sorted by text, escaped by the template."""
    rows = [tuple(row) for row in db.session.execute(sa.select(Choice.id, Choice.text).order_by(Choice.id).limit(ROWS))]
    rows.append((0, ADDED))
    rows.sort(key=lambda row: row[1])
    return render_template("reference/fortunes.html", fortunes=rows)


def init_app(app: Flask) -> None:
    """Register the reference page when the BENCH_REFERENCE setting asks for it."""
    if app.config.get("BENCH_REFERENCE"):
        app.register_blueprint(bp)
