"""`quizapp import FILE --deck NAME` and `quizapp export bank` (being written)."""

from __future__ import annotations

import click


@click.command("import")
def import_command() -> None:
    """Import a question file (being written)."""
    raise click.ClickException("not written yet")
