"""Friendly error pages: a user sees what went wrong in plain words, never a traceback."""

from __future__ import annotations

from flask import Flask, render_template
from werkzeug.exceptions import HTTPException, InternalServerError, NotFound


def init_app(app: Flask) -> None:
    """Register the error pages on app."""
    app.register_error_handler(NotFound, page_not_found)
    app.register_error_handler(InternalServerError, internal_error)
    app.register_error_handler(HTTPException, http_error)


def page_not_found(error: NotFound) -> tuple[str, int]:
    """Show that the page does not exist."""
    return render_template(
        "errors/error.html",
        code=404,
        title="Page not found",
        message="There is no page at this address. It may have moved, or the link may be mistyped.",
    ), 404


def internal_error(error: InternalServerError) -> tuple[str, int]:
    """Show that something broke on our side; Flask has already logged the exception."""
    return render_template(
        "errors/error.html",
        code=500,
        title="Something went wrong",
        message="Something went wrong on our side and the page could not be shown. Please try again.",
    ), 500


def http_error(error: HTTPException) -> tuple[str, int]:
    """Show any other HTTP error with its standard name and description."""
    code = error.code or 500
    return render_template("errors/error.html", code=code, title=error.name, message=error.description), code
