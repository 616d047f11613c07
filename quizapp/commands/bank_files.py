"""`quizapp import FILE --deck NAME` and `quizapp export bank`: question files on the command line."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask.cli import with_appcontext

from quizapp.commands import export_group

IMPORT_FORMATS = ("csv", "gift", "aiken")
EXPORT_FORMATS = ("csv", "gift", "apkg")
LANGUAGES = ("id", "en")


def _require_current_schema() -> None:
    # quizapp.cli has the same check, but importing it from here would make an import cycle.
    from quizapp.db import schema_is_current

    if not schema_is_current():
        raise click.ClickException("the database is not set up or is out of date; run `quizapp init` first")


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--deck", "deck_name", required=True,
              help="The deck to import into: an existing deck's slug or title, or the name of a new deck.")
@click.option("--format", "fmt", type=click.Choice(IMPORT_FORMATS),
              help="The file's format; by default from its name: .csv, .gift, or .txt (GIFT or Aiken).")
@click.option("--language", type=click.Choice(LANGUAGES), default="id", show_default=True,
              help="The questions' language where the file does not give it.")
@click.option("--dry-run", is_flag=True, help="Show what would be imported and store nothing.")
@with_appcontext
def import_command(file: Path, deck_name: str, fmt: str | None, language: str, dry_run: bool) -> None:
    """Import the questions of a CSV, GIFT or Aiken FILE into a deck: all of them, or none if one is bad."""
    # Imported here so that `quizapp run` starts without loading the parsers.
    from quizapp.services.bank import importing
    from quizapp.services.bank.formats import FormatError, decode_text, detect_format

    _require_current_schema()
    data = file.read_bytes()
    deck = importing.DeckChoice(name=deck_name)
    try:
        fmt = fmt or detect_format(file.name, decode_text(data))
        if fmt is None:
            raise click.ClickException(f"{file}: cannot tell the format from the name; give --format")
        if dry_run:
            plan = importing.plan_import(data, fmt, deck)
        else:
            plan = importing.import_questions(data, fmt, deck, author_id=None, language=language)
    except FormatError as error:
        click.echo(f"error: {file}: {error}", err=True)
        click.echo("Nothing was imported.", err=True)
        sys.exit(1)
    except importing.DeckError as error:
        raise click.ClickException(error.reason) from None
    for skipped in plan.skipped:
        click.echo(f"skipped: line {skipped.line}: {skipped.reason}")
    for question in plan.duplicates:
        click.echo(f"already there: line {question.line}: {question.question}")
    deck_label = f"{'new ' if plan.new_deck else ''}deck {plan.deck_title!r} ({plan.deck_slug})"
    count = len(plan.questions)
    if dry_run:
        click.echo(f"Would import {questions(count)} into {deck_label}; nothing was stored (dry run).")
    else:
        click.echo(f"Imported {questions(count)} into {deck_label}: "
                   f"{len(plan.duplicates)} already there, {len(plan.skipped)} skipped.")


@export_group.command("bank")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="csv", show_default=True)
@click.option("--deck", "deck_slug", help="Export only the deck with this slug (default: the whole bank).")
@click.option("--include-retired", is_flag=True, help="Also export retired questions.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="The file to write; standard output when not given (not for apkg).")
@with_appcontext
def export_bank_command(fmt: str, deck_slug: str | None, include_retired: bool, output: Path | None) -> None:
    """Export the question bank's active questions as CSV, GIFT or an Anki package."""
    from quizapp.services.bank import exporting

    if fmt == "apkg" and output is None:
        raise click.UsageError("an Anki package is binary: give the file to write with -o FILE.apkg")
    _require_current_schema()
    try:
        selection = exporting.BankSelection.of(deck_slug, include_retired)
    except exporting.ExportError as error:
        raise click.ClickException(error.reason) from None
    if fmt == "apkg":
        count = exporting.export_apkg(selection, output)
        click.echo(f"Wrote {questions(count)} to {output}.", err=True)
        return
    lines = exporting.export_csv(selection) if fmt == "csv" else exporting.export_gift(selection)
    if output is None:
        for piece in lines:
            click.echo(piece, nl=False)
        return
    with output.open("w", encoding="utf-8", newline="") as file:
        file.writelines(lines)
    click.echo(f"Wrote {output}.", err=True)


def questions(count: int) -> str:
    """Say how many questions, in the singular for one."""
    return f"{count} question" if count == 1 else f"{count} questions"
