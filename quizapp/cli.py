"""The `quizapp` command: Flask's commands (run, routes, shell) plus the project's own."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import FlaskGroup

from quizapp import create_app
from quizapp.config import project_root

FORMATS = ("text", "jsonl")


def default_seeds_path() -> Path:
    """Return the seed articles folder: the checkout's seeds/, else seeds/ in the current directory."""
    root = project_root()
    return (root if root is not None else Path.cwd()) / "seeds"


@click.command("generate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text to read, jsonl for one card per line (the card contract).",
)
@click.option("--include-disputed", is_flag=True, help="Also print cards for facts the articles disagree on.")
@click.pass_context
def generate_command(ctx: click.Context, paths: tuple[str, ...], fmt: str, include_disputed: bool) -> None:
    """Generate the question bank from article files or folders (default: seeds/) and print it."""
    # Imported here so that `quizapp run` and `quizapp routes` start without loading the generator.
    from question_bank.cli import main as qb_main

    argv = ["generate", *(paths or (str(default_seeds_path()),)), "--format", fmt]
    if include_disputed:
        argv.append("--include-disputed")
    ctx.exit(qb_main(argv))


cli = FlaskGroup(
    name="quizapp",
    create_app=create_app,
    help="Manage quizapp: run the web app, list its routes, generate the question bank.",
)
cli.add_command(generate_command)


def main() -> None:
    """Run the quizapp command line."""
    cli.main(prog_name="quizapp")
