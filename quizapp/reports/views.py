"""Progress pages: a student's quizzes, accuracy, streak, schedule and reviews, with charts drawn on the server."""

from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required
from markupsafe import Markup

from quizapp.charts import accuracy_bars, forecast_bars, review_heatmap
from quizapp.clock import utcnow
from quizapp.days import StudentDay
from quizapp.labels import kind_label
from quizapp.reports.dates import PageDates
from quizapp.services import stats
from quizapp.urls import page_number

bp = Blueprint("reports", __name__, url_prefix="/progress")


def quiz_url(quiz_id: int) -> str:
    """Return the address where a quiz in progress goes on."""
    # A plain path: the study blueprint's quiz endpoint is written in parallel and may still change its name.
    return f"{request.script_root}/study/quiz/{quiz_id}"


@bp.get("/")
@login_required
def progress() -> str:
    """Show the student's progress: numbers, charts with their tables, and every quiz, newest first."""
    now = utcnow()
    user_id = current_user.id
    day = StudentDay.of(current_user)
    history = stats.quiz_history(user_id, request.args.get("page", 1, type=page_number))
    # Each call below is one SQL statement, the history's too (but on a page past the last): five with the login.
    # The statements read what naming a deck takes, so decks are named as on every page with no query of their own.
    by_deck, by_kind = stats.accuracy(user_id)
    by_kind = tuple(replace(row, label=kind_label(row.key)) for row in by_kind)
    streak, calendar, retention = stats.study_activity(current_user, now)
    cards, forecast = stats.schedule_summary(user_id, now, day=day)

    forecast_title = _("Cards due on each of the next %(days)d days", days=len(forecast.days))
    calendar_title = _("Reviews per day over the last %(weeks)d weeks", weeks=calendar.weeks)
    locale = str(get_locale() or "en")
    charts = {
        "forecast": forecast_bars(forecast.days, title=forecast_title, locale=locale),
        "calendar": review_heatmap(calendar.counts, calendar.end, calendar.weeks, title=calendar_title,
                                   locale=locale),
        "by_deck": _accuracy_chart(by_deck, _("Accuracy by deck")),
        "by_kind": _accuracy_chart(by_kind, _("Accuracy by kind of fact")),
    }
    return render_template(
        "reports/progress.html",
        today=day.today(now),
        dates=PageDates.of_request(),
        day=day,
        history=history,
        by_deck=by_deck,
        by_kind=by_kind,
        streak=streak,
        cards=cards,
        retention=retention,
        forecast=forecast,
        calendar=calendar,
        charts=charts,
        quiz_url=quiz_url,
        nothing_yet=streak.active_days == 0 and history.total == 0 and cards.studied == 0,
        periods={
            "mature_days": stats.MATURE_DAYS,
            "retention_days": stats.RETENTION_DAYS,
            "forecast_days": stats.FORECAST_DAYS,
            "calendar_weeks": stats.CALENDAR_WEEKS,
        },
    )


def _accuracy_chart(rows: tuple[stats.Accuracy, ...], title: str) -> Markup | None:
    """Draw accuracy bars, or nothing when there are no answers to draw."""
    return accuracy_bars([(row.label, row.correct, row.total) for row in rows], title) if rows else None
