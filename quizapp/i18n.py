"""UI languages (English and Indonesian, from the user's setting, the session, then the browser) and time zones."""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import Any

import pytz
from flask import Flask, current_app, has_request_context, request, session
from flask_babel import Babel, format_decimal, format_time, get_locale, get_translations
from flask_login import current_user
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

#: language tag -> the name a speaker of it would look for in a menu
LANGUAGES = {"en": "English", "id": "Bahasa Indonesia"}
#: The compiled catalogs; an absolute path, so that they are found whatever folder the app runs from.
TRANSLATIONS = Path(__file__).resolve().parent / "translations"
babel = Babel()


def select_locale() -> str:
    """Choose the UI language for this request."""
    if not has_request_context():
        # A command line message (such as a refused username) has no browser or session to ask.
        return current_app.config["DEFAULT_LOCALE"]
    chosen = session.get("lang")
    if current_user and current_user.is_authenticated and current_user.locale in LANGUAGES:
        chosen = chosen or current_user.locale
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(list(LANGUAGES)) or current_app.config["DEFAULT_LOCALE"]


def select_timezone() -> str | None:
    """Choose the time zone dates and times are shown in: the user's, once known; else UTC (Flask-Babel's default)."""
    if has_request_context() and current_user and current_user.is_authenticated:
        # Flask-Babel reads zones with pytz, whose list may lag the system's zoneinfo by a release.
        return current_user.time_zone if current_user.time_zone in pytz.all_timezones_set else None
    return None


def hour_text(hour: int) -> str:
    """Write a whole hour of the day as the language writes it: "4:00 AM", "04.00"."""
    # rebase=False: an hour of the student's day is already local; there is no instant to move to their zone.
    return format_time(time(hour), "short", rebase=False)


@pass_context
def _hour_filter(context: Context, hour: int) -> str:
    """hour_text as a template filter; taking the context keeps Jinja from folding `4|hour` into one language."""
    return hour_text(hour)


def _page_translations() -> dict[str, Any]:
    """Give a page's template gettext and ngettext bound to the request's catalog, looked up once per page.

    Flask-Babel's own find the catalog again for every string (the request's locale, its name, the cache), which
    a page with a hundred strings pays a hundred times. These behave as Jinja's newstyle ones: the text is marked
    safe where the template escapes, then formatted with the variables (escaped), num included for ngettext.
    Macros imported without context still use Flask-Babel's, with the same result. ``_`` is the page's gettext itself,
    not Jinja's alias that looks gettext up in the context again on every call.
    """
    translations = get_translations()
    translate, translate_plural = translations.ugettext, translations.ungettext

    @pass_context
    def gettext(context: Context, string: str, /, **variables: Any) -> str:
        text = translate(string)
        return (Markup(text) if context.eval_ctx.autoescape else text) % variables

    @pass_context
    def ngettext(context: Context, singular: str, plural: str, num: int, /, **variables: Any) -> str:
        variables.setdefault("num", num)
        text = translate_plural(singular, plural, num)
        return (Markup(text) if context.eval_ctx.autoescape else text) % variables

    return {"gettext": gettext, "ngettext": ngettext, "_": gettext}


def init_app(app: Flask) -> None:
    """Wire Flask-Babel into the app and make the language list available to every template."""
    app.config.setdefault("DEFAULT_LOCALE", "en")
    app.config.setdefault("BABEL_DEFAULT_LOCALE", "en")
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(TRANSLATIONS))
    # Flask-WTF then asks WTForms' own catalogs for its built-in messages; WTForms has none for Indonesian,
    # so every validator our forms use is given its message from our catalog instead.
    app.config.setdefault("WTF_I18N_ENABLED", True)
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    app.context_processor(lambda: {"languages": LANGUAGES, "get_locale": get_locale})
    app.context_processor(_page_translations)
    app.add_template_filter(_hour_filter, "hour")
    # Numbers in the page's language: 0.5 in English is 0,5 in Indonesian ("%.1f"|format would say 0.5 in both).
    app.jinja_env.filters["decimal"] = format_decimal
