"""The `quizapp` command: Flask's commands (run, routes, shell, db) plus the project's own."""

from __future__ import annotations

import typing as t
from pathlib import Path

import click
import flask_migrate
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext

from quizapp import create_app
from quizapp.commands import export_group
from quizapp.commands import scores as scores  # noqa: F401  adds `export scores`
from quizapp.commands.bank_files import import_command
from quizapp.config import project_root
from quizapp.db import db, schema_is_current
from quizapp.models import Role
from quizapp.security import hide_server_version
from quizapp.services.users import (
    UserError,
    check_new_password,
    create_user,
    find_user,
    random_password,
    set_password,
)
from quizapp.serving import DEFAULT_HOST, DEFAULT_PORT, DEFAULT_THREADS, DEFAULT_WORKERS, ProductionServer, ServeOptions

if t.TYPE_CHECKING:
    from quizapp.services.bank.loading import LoadReport

FORMATS = ("text", "jsonl")
ROLES = tuple(role.value for role in Role)

#: The accounts `quizapp init` makes so that one can log in and look around at once.
DEMO_ACCOUNTS = (("student", Role.STUDENT), ("instructor", Role.INSTRUCTOR))


def default_seeds_path() -> Path:
    """Return the seed articles folder: the checkout's seeds/, else seeds/ in the current directory."""
    root = project_root()
    return (root if root is not None else Path.cwd()) / "seeds"


def require_current_schema() -> None:
    """Stop with a clear message unless every migration has been applied to the database."""
    if not schema_is_current():
        raise click.ClickException("the database is not set up or is out of date; run `quizapp init` first")


def echo_load_report(report: LoadReport) -> None:
    """Print what a bank load did, errors to standard error."""
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    if report.ok:
        click.echo(f"Question bank loaded: {report.summary()}.")
    else:
        click.echo("Question bank not loaded: nothing was changed.", err=True)


@click.command("init")
@click.pass_context
@with_appcontext
def init_command(ctx: click.Context) -> None:
    """Set up the database, load the bank from seeds/ and create demo accounts; safe to run again."""
    # Imported here so that `quizapp run` and `quizapp routes` start without loading the generator.
    from quizapp.services.bank.loading import load_bank

    flask_migrate.upgrade()
    click.echo("Database schema is up to date.")

    seeds = default_seeds_path()
    click.echo(f"Loading the question bank from {seeds} …")
    report = load_bank([seeds])
    echo_load_report(report)

    for username, role in DEMO_ACCOUNTS:
        if find_user(username) is not None:
            click.echo(f"Demo account {username!r} already exists; its password is unchanged.")
            continue
        password = random_password()
        create_user(username, password, role)
        click.echo(f"Created demo account {username!r} ({role.value}) with password: {password}")
    if not report.ok:
        ctx.exit(1)


@click.command("generate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--print",
    "print_only",
    is_flag=True,
    help="Print the cards instead of loading them into the database.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Print the cards in this format instead of loading them: text to read, jsonl for one card per line "
    "(the card contract). Implies --print.",
)
@click.option("--include-disputed", is_flag=True, help="Also make cards for facts the articles disagree on.")
@click.option(
    "--include-drafts",
    is_flag=True,
    help="With --print or --format, also print the cards the generator is unsure of; a load always stores them, "
    "as drafts for an instructor to approve.",
)
@click.pass_context
@with_appcontext
def generate_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    print_only: bool,
    fmt: str | None,
    include_disputed: bool,
    include_drafts: bool,
) -> None:
    """Generate the question bank from article files or folders (default: seeds/) and load it.

    The paths are the whole corpus: a card already stored is updated in place, and a generated card that
    these articles no longer give is retired (kept with its answers and schedules, no longer served).
    """
    sources = paths or (str(default_seeds_path()),)
    if print_only or fmt is not None:
        # Imported here so that `quizapp run` and `quizapp routes` start without loading the generator.
        from question_bank.cli import main as qb_main

        argv = ["generate", *sources, "--format", fmt or "text"]
        if include_disputed:
            argv.append("--include-disputed")
        if include_drafts:
            argv.append("--include-drafts")
        ctx.exit(qb_main(argv))

    from quizapp.services.bank.loading import load_bank

    require_current_schema()
    report = load_bank(sources, include_disputed=include_disputed)
    echo_load_report(report)
    if not report.ok:
        ctx.exit(1)


@click.command("create-user")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), default=Role.STUDENT.value, show_default=True)
@click.option("--password", help="The new user's password; asked for (twice) when not given.")
@with_appcontext
def create_user_command(username: str, role: str, password: str | None) -> None:
    """Create a user account."""
    require_current_schema()
    if password is None:
        # Asked only now, so that nobody types a password for a command that cannot succeed.
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        check_new_password(password, username)
        user = create_user(username, password, Role(role))
    except UserError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Created {user.role.value} {user.username!r}.")


@click.command("set-password")
@click.argument("username")
@click.option("--password", help="The new password; asked for (twice) when not given.")
@with_appcontext
def set_password_command(username: str, password: str | None) -> None:
    """Give a user a new password (e.g. a demo account's, printed once by init) and log them out everywhere."""
    require_current_schema()
    if find_user(username) is None:
        # Said before the prompt, so that nobody types a new password for an account that is not there.
        raise click.ClickException(f"there is no user named {username.strip()!r}")
    if password is None:
        password = click.prompt("New password", hide_input=True, confirmation_prompt=True)
    try:
        user = set_password(username, password)
    except UserError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Set a new password for {user.username!r}; every browser logged in to the account is logged out.")


@click.command("serve")
@click.option("--host", default=DEFAULT_HOST, show_default=True,
              help="The address to listen on; 0.0.0.0 for every network interface.")
@click.option("--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=DEFAULT_WORKERS, show_default=True,
              help="Server processes; one per CPU core and one more.")
@click.option("--threads", type=click.IntRange(1, 64), default=DEFAULT_THREADS, show_default=True,
              help="Threads per process, each answering one request at a time.")
@with_appcontext
def serve_command(host: str, port: int, workers: int, threads: int) -> None:
    """Serve the app with gunicorn, the production server, until stopped (Ctrl+C or SIGTERM)."""
    require_current_schema()
    if workers > 1 and current_app.config["RATELIMIT_STORAGE_URI"].startswith("memory://"):
        click.echo(f"note: each of the {workers} processes counts log-ins and other limits on its own; "
                   "set QUIZAPP_RATELIMIT_STORAGE_URI to a shared store (e.g. redis://) to count them together.",
                   err=True)
    # The workers open their own connections after gunicorn forks them; none may inherit this one.
    db.engine.dispose()
    ProductionServer(create_app, ServeOptions(host=host, port=port, workers=workers, threads=threads)).run()


cli = FlaskGroup(
    name="quizapp",
    create_app=create_app,
    help="Manage quizapp: set up the database, load the question bank, manage users, serve the web app.",
)
cli.add_command(init_command)
cli.add_command(generate_command)
cli.add_command(create_user_command)
cli.add_command(set_password_command)
cli.add_command(serve_command)
cli.add_command(import_command)
cli.add_command(export_group)


def main() -> None:
    """Run the quizapp command line."""
    hide_server_version()  # for `quizapp run`
    cli.main(prog_name="quizapp")
