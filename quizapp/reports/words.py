"""The progress page's words for its template, with the page's translations looked up once.

Jinja's i18n extension (newstyle, as Flask-Babel installs it) has every ``_()`` and ``ngettext()`` of a template look
the translations up again through Flask-Babel: a few dozen lookups a page, each costing more than the text it
returns. A template resolves ``gettext`` and ``ngettext`` from its context before its globals, so the page passes
these, which give the same text from translations looked up once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask_babel import get_translations
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup


def template_words() -> dict[str, Callable[..., str]]:
    """Return gettext and ngettext for a template's context, as the i18n extension makes them from Flask-Babel's."""
    translations = get_translations()

    @pass_context
    def gettext(context: Context, string: str, **variables: Any) -> str:
        text = translations.ugettext(string)
        # As the extension: autoescaped text is Markup, whose % escapes the variables; a format string even without.
        return (Markup(text) if context.eval_ctx.autoescape else text) % variables

    @pass_context
    def ngettext(context: Context, singular: str, plural: str, num: int, **variables: Any) -> str:
        variables.setdefault("num", num)
        text = translations.ungettext(singular, plural, num)
        return (Markup(text) if context.eval_ctx.autoescape else text) % variables

    return {"gettext": gettext, "ngettext": ngettext}
