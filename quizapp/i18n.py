"""UI languages: English and Indonesian, chosen from the user's setting, the session, then the browser."""

from __future__ import annotations

from flask import Flask, current_app, request, session
from flask_babel import Babel, get_locale
from flask_login import current_user

#: language tag -> the name a speaker of it would look for in a menu
LANGUAGES = {"en": "English", "id": "Bahasa Indonesia"}
babel = Babel()


def select_locale() -> str:
    """Choose the UI language for this request."""
    chosen = session.get("lang")
    if current_user and current_user.is_authenticated and current_user.locale in LANGUAGES:
        chosen = chosen or current_user.locale
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(list(LANGUAGES)) or current_app.config["DEFAULT_LOCALE"]


def init_app(app: Flask) -> None:
    """Wire Flask-Babel into the app and make the language list available to every template."""
    app.config.setdefault("DEFAULT_LOCALE", "en")
    app.config.setdefault("BABEL_DEFAULT_LOCALE", "en")
    babel.init_app(app, locale_selector=select_locale)
    app.context_processor(lambda: {"languages": LANGUAGES, "get_locale": get_locale})
