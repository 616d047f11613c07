"""`quizapp export scores`: a score report as CSV, for one instructor's classes or, by default, every student."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import BinaryIO

import click
import sqlalchemy as sa
from flask.cli import with_appcontext

from quizapp.clock import utcnow
from quizapp.commands import export_group
from quizapp.db import db, schema_is_current
from quizapp.models import Classroom
from quizapp.services.instructor import scores
from quizapp.services.spreadsheet import csv_lines
from quizapp.services.study.decks import find_deck
from quizapp.services.users import find_user
from quizapp.urls import parse_id


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """Read a YYYY-MM-DD option, naming the option and the value when it is not a date."""
    if value is None:
        return None
    try:
        return scores.parse_day(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date written as YYYY-MM-DD, such as 2026-03-01") from None


def find_class(name_or_id: str, instructor_id: int | None) -> Classroom:
    """Return the class with this id or name (ignoring case), among the instructor's if one is given."""
    select = sa.select(Classroom)
    if instructor_id is not None:
        select = select.where(Classroom.instructor_id == instructor_id)
    class_id = parse_id(name_or_id)
    if class_id is not None:
        found = db.session.scalar(select.where(Classroom.id == class_id))
        if found is not None:
            return found
    matches = list(db.session.scalars(select.where(sa.func.lower(Classroom.name) == name_or_id.strip().lower())))
    whose = " of this instructor" if instructor_id is not None else ""
    if not matches:
        raise click.ClickException(f"no class{whose} is called or numbered {name_or_id!r}")
    if len(matches) > 1:
        ids = ", ".join(str(c.id) for c in sorted(matches, key=lambda c: c.id))
        raise click.ClickException(f"{len(matches)} classes{whose} are called {name_or_id!r} (ids {ids}); give the id")
    return matches[0]


@export_group.command("scores")
@click.option("--report", type=click.Choice(list(scores.REPORTS)), default="attempts", show_default=True,
              help="One row per quiz attempt, per answer or per student.")
@click.option("--instructor", metavar="USERNAME", help="Only the students of this instructor's classes "
              "(default: every student).")
@click.option("--class", "class_name", metavar="NAME_OR_ID", help="Only the students of this class.")
@click.option("--deck", metavar="SLUG", help="Only quizzes on this deck (answers: to its questions).")
@click.option("--from", "start", metavar="YYYY-MM-DD", callback=_day, help="From this UTC day on.")
@click.option("--to", "end", metavar="YYYY-MM-DD", callback=_day, help="Up to this UTC day, included.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write to this file (default: standard output).")
@with_appcontext
def export_scores_command(
    report: str, instructor: str | None, class_name: str | None, deck: str | None, start: date | None,
    end: date | None, output: Path | None,
) -> None:
    """Export a score report as CSV (UTF-8 with a byte-order mark, safe to open in a spreadsheet)."""
    if not schema_is_current():
        raise click.ClickException("the database is not set up or is out of date; run `quizapp init` first")
    scope = scores.Scope.everyone()
    if instructor is not None:
        user = find_user(instructor)
        if user is None or not user.is_instructor:
            raise click.ClickException(f"no instructor is called {instructor!r}")
        scope = scores.Scope.of(user.id)
    class_id = find_class(class_name, scope.instructor_id).id if class_name is not None else None
    deck_id = None
    if deck is not None:
        found = find_deck(deck)
        if found is None:
            raise click.ClickException(f"no deck has the slug {deck!r}")
        deck_id = found.id
    if start is not None and end is not None and start > end:
        raise click.BadParameter(f"--to {end} is before --from {start}", param_hint="'--to'")

    chosen = scores.REPORTS[report]
    rows = chosen.rows(scope, scores.ScoreFilter(class_id, deck_id, start, end), utcnow())
    lines = csv_lines([str(name) for name in chosen.header], rows)
    # "-" is standard output, kept open after the command
    with click.open_file(str(output) if output is not None else "-", "wb") as file:
        _write(lines, file)
    if output is not None:
        click.echo(f"Wrote the {report} report to {output}.", err=True)


def _write(lines: Iterable[str], stream: BinaryIO) -> None:
    """Write the CSV pieces as UTF-8, a batch at a time."""
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) >= 1000:
            stream.write("".join(batch).encode("utf-8"))
            batch.clear()
    stream.write("".join(batch).encode("utf-8"))
    stream.flush()
