"""When the student first saw a question: remembered in the session, so a reload does not restart the timer.

Both modes show a question with a signed token carrying this moment (quizapp.services.study.tokens); the
answer's time runs from it. A reload of the page signs the same moment again, unless the question was first
shown so long ago that the answer would not be timed anyway, in which case it counts as shown anew.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import session

#: The session key under which the first showing of each open question is kept, in epoch milliseconds.
SHOWN_KEY = "shown"
#: How many questions the session remembers (one per open question or tab; the oldest are dropped).
SHOWN_KEEP = 10
#: A showing older than this is forgotten: the token it would sign could be near its end.
FORGET_AFTER = timedelta(hours=1)


def first_shown(key: str, now: datetime) -> datetime:
    """Return when the question named key was first shown, remembering now if it was not (or too long ago)."""
    shown = dict(session.get(SHOWN_KEY) or {})
    value = shown.get(key)
    if isinstance(value, int):
        at = datetime.fromtimestamp(value / 1000, UTC)
        if timedelta(0) <= now - at <= FORGET_AFTER:
            return at
    shown[key] = int(now.timestamp() * 1000)
    for old in sorted(shown, key=shown.__getitem__)[:-SHOWN_KEEP]:
        del shown[old]
    session[SHOWN_KEY] = shown
    return datetime.fromtimestamp(shown[key] / 1000, UTC)  # as a reload will read it back


def forget_shown(key: str) -> None:
    """Forget a question once it is answered."""
    shown = dict(session.get(SHOWN_KEY) or {})
    if shown.pop(key, None) is not None:
        session[SHOWN_KEY] = shown
