"""Friendly error pages: a user sees what went wrong in plain words, never a traceback."""

from __future__ import annotations

from flask import Flask, current_app, render_template
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError, NotFound

#: The standard names of the errors a user can meet, in words the catalog translates; others keep werkzeug's name.
TITLES = {
    400: _l("Bad Request"),
    401: _l("Unauthorized"),
    403: _l("Forbidden"),
    405: _l("Method Not Allowed"),
    413: _l("Request Entity Too Large"),
    429: _l("Too Many Requests"),
}
#: What each of those errors means, shown instead of werkzeug's stock description (but not a description given
#: with abort(), which says more).
MESSAGES = {
    400: _l("The browser sent a request that this site could not understand."),
    401: _l("You need to log in to see this page."),
    403: _l("You do not have permission to see this page."),
    405: _l("This page cannot be used that way. Go back and follow a link or button instead."),
    413: _l("What was sent is too large for this site to accept."),
    429: _l("Too many requests in a short time. Please wait a moment and try again."),
}
#: Flask-WTF's reasons for refusing a form, word for word, so that each can be translated.
CSRF_REASONS = {
    "The CSRF token is missing.": _l("The CSRF token is missing."),
    "The CSRF session token is missing.": _l("The CSRF session token is missing."),
    "The CSRF token has expired.": _l("The CSRF token has expired."),
    "The CSRF token is invalid.": _l("The CSRF token is invalid."),
    "The CSRF tokens do not match.": _l("The CSRF tokens do not match."),
}


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
        title=_("Page not found"),
        message=_("There is no page at this address. It may have moved, or the link may be mistyped."),
    ), 404


def internal_error(error: InternalServerError) -> tuple[str, int]:
    """Show that something broke on our side; Flask has already logged the exception."""
    return render_template(
        "errors/error.html",
        code=500,
        title=_("Something went wrong"),
        message=_("Something went wrong on our side and the page could not be shown. Please try again."),
    ), 500


def http_error(error: HTTPException) -> ResponseReturnValue:
    """Show any other HTTP error with its standard name and what it means."""
    if error.response is not None:
        # the code that raised it made its own page, such as the log-in form refused for too many failures
        return error.response
    code = error.code or 500
    title = TITLES.get(code, error.name)
    return render_template("errors/error.html", code=code, title=title, message=_describe(error, code)), code


def _describe(error: HTTPException, code: int) -> str:
    """Say what went wrong: the translated reason for a refused form, else the meaning of the status."""
    description = error.description or ""
    if isinstance(error, CSRFError):
        reason = CSRF_REASONS.get(description, description)
        return _("%(reason)s Reload the page and try again.", reason=reason)
    if description == type(error).description and code in MESSAGES:
        if code == 413 and current_app.config.get("MAX_CONTENT_LENGTH"):
            megabytes = current_app.config["MAX_CONTENT_LENGTH"] / (1024 * 1024)
            return _("What was sent is larger than the %(size)s MB this site accepts at once. "
                     "Go back and send a smaller file or text.", size=f"{megabytes:g}")
        return str(MESSAGES[code])
    return description
