"""The study settings on the account page, the browser's time zone at log-in, and the desired retention."""

from __future__ import annotations

import re
import typing as t
from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from test_review_service import learn_next, make_deck, make_user, state_of
from web_helpers import Page, as_next_request

from quizapp.db import db
from quizapp.models import User
from quizapp.services.study import scheduling

if t.TYPE_CHECKING:
    from conftest import Accounts

NOT_A_ZONE = "%s is not a time zone; choose one from the list, such as Asia/Jakarta."
GOOD_SETTINGS = {
    "time_zone": "Asia/Jakarta",
    "day_start_hour": "4",
    "daily_new_limit": "15",
    "daily_review_limit": "150",
    "desired_retention": "85",
}


def user_named(app: Flask, username: str) -> User:
    db.session.remove()  # read what the requests stored, not this test's session
    return db.session.execute(db.select(User).where(User.username == username)).scalar_one()


def settings_of(user: User) -> tuple[object, ...]:
    return (user.time_zone, user.day_start_hour, user.daily_new_limit, user.daily_review_limit,
            user.desired_retention)


# --- the settings form ----------------------------------------------------------------------------------------


def test_the_account_page_shows_the_settings_as_they_stand(accounts: Accounts, client: FlaskClient) -> None:
    accounts.login(client, "siti")
    page = Page.of(client.get("/auth/account"))
    form = page.find("form", action="/auth/settings")
    assert form["method"] == "post"
    # No zone yet: UTC is chosen, and the browser's script may choose the browser's zone instead.
    zone = page.find("select", name="time_zone")
    assert "data-browser-time-zone" in zone
    assert page.find("option", value="UTC").get("selected") is not None
    assert page.find("option", value="Asia/Jakarta").get("selected") is None
    assert page.find("input", name="daily_new_limit")["value"] == "20"
    assert page.find("input", name="daily_review_limit")["value"] == "200"
    assert page.find("input", name="desired_retention")["value"] == "90"
    hours = page.texts("option")
    assert "4:00 AM" in hours and "11:00 PM" in hours
    assert "Your time zone is not set yet, so your days follow UTC." in page.text("main")


def test_saving_the_settings_stores_them(app: Flask, accounts: Accounts, client: FlaskClient) -> None:
    accounts.login(client, "siti")
    response = client.post("/auth/settings", data=GOOD_SETTINGS)
    assert response.status_code == 302 and response.location.endswith("/auth/account#study-settings")
    assert settings_of(user_named(app, "siti")) == ("Asia/Jakarta", 4, 15, 150, 0.85)

    page = Page.of(client.get("/auth/account"))
    assert "Your study settings are saved." in page.text("main")
    assert "data-browser-time-zone" not in page.find("select", name="time_zone")  # chosen: the script leaves it
    assert page.find("option", value="Asia/Jakarta").get("selected") is not None
    assert page.find("input", name="desired_retention")["value"] == "85"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("time_zone", "Mars/Olympus", NOT_A_ZONE % "'Mars/Olympus'"),
        ("time_zone", "asia/jakarta", NOT_A_ZONE % "'asia/jakarta'"),
        ("time_zone", "", "Choose a time zone."),
        ("day_start_hour", "24", "The day must start at a whole hour from 00:00 to 23:00."),
        ("day_start_hour", "four", "The day must start at a whole hour from 00:00 to 23:00."),
        ("daily_new_limit", "-1", "New cards per day must be a whole number from 0 to 9999."),
        ("daily_new_limit", "", "New cards per day must be a whole number from 0 to 9999."),
        ("daily_new_limit", "ten", "New cards per day must be a whole number from 0 to 9999."),
        ("daily_review_limit", "1.5", "Reviews per day must be a whole number from 0 to 9999."),
        ("daily_review_limit", "10000", "Reviews per day must be a whole number from 0 to 9999."),
        ("desired_retention", "69", "Desired retention must be a whole percentage from 70 to 99."),
        ("desired_retention", "100", "Desired retention must be a whole percentage from 70 to 99."),
        ("desired_retention", "0.9", "Desired retention must be a whole percentage from 70 to 99."),
    ],
)
def test_bad_settings_are_named_next_to_their_field_and_nothing_is_stored(
    app: Flask, accounts: Accounts, client: FlaskClient, field: str, value: str, message: str
) -> None:
    accounts.login(client, "siti")
    response = client.post("/auth/settings", data={**GOOD_SETTINGS, field: value})
    assert response.status_code == 200
    page = Page.of(response)
    assert page.invalid_fields() == {field}
    assert page.field_errors(field) == message  # one message, not two
    assert settings_of(user_named(app, "siti")) == (None, 4, 20, 200, 0.9)


def test_the_messages_are_in_indonesian(app: Flask, accounts: Accounts, client: FlaskClient) -> None:
    accounts.login(client, "siti")
    assert "Anki starts days at 4:00 AM." in Page.of(as_next_request(app, client, "/auth/account")).text("main")
    headers = {"Accept-Language": "id"}
    # The page in English first: an hour written once for every language would stay "4:00 AM".
    page = Page.of(as_next_request(app, client, "/auth/account", headers=headers))
    assert "Anki memulai hari pukul 04.00." in page.text("main")
    page = Page.of(client.post("/auth/settings", headers=headers,
                               data={**GOOD_SETTINGS, "desired_retention": "50", "time_zone": "Bulan/Tranquility"}))
    assert page.field_errors("desired_retention") == "Retensi yang diinginkan harus persen bulat dari 70 sampai 99."
    assert page.field_errors("time_zone").startswith("'Bulan/Tranquility' bukan zona waktu")
    assert "04.00" in Page.of(client.get("/auth/account", headers=headers)).texts("option")


# --- the browser's time zone ----------------------------------------------------------------------------------


def test_registering_takes_the_browsers_time_zone(app: Flask, client: FlaskClient) -> None:
    page = Page.of(client.get("/auth/register"))
    assert page.find("input", name="browser_time_zone") == {
        "id": "browser_time_zone", "name": "browser_time_zone", "type": "hidden", "value": "",
        "data-browser-time-zone": "",
    }
    assert "/static/timezone.js" in {script.get("src", "").split("?")[0] for script in page.find_all("script")}
    client.post("/auth/register", data={"username": "ayu", "password": "kopi-tubruk-77", "confirm": "kopi-tubruk-77",
                                        "browser_time_zone": "Asia/Jakarta"})
    assert user_named(app, "ayu").time_zone == "Asia/Jakarta"


@pytest.mark.parametrize("sent", [None, "", "Nowhere/Land", "UTC'; DROP TABLE users; --"])
def test_without_javascript_or_a_known_zone_the_days_stay_utc(
    app: Flask, client: FlaskClient, sent: str | None
) -> None:
    data = {"username": "ayu", "password": "kopi-tubruk-77", "confirm": "kopi-tubruk-77"}
    if sent is not None:
        data["browser_time_zone"] = sent
    assert client.post("/auth/register", data=data).status_code == 302
    assert user_named(app, "ayu").time_zone is None


def test_logging_in_sets_a_zone_once_and_never_replaces_a_chosen_one(
    app: Flask, accounts: Accounts, client: FlaskClient
) -> None:
    accounts.create("siti")
    login = {"username": "siti", "password": "password123"}
    client.post("/auth/login", data={**login, "browser_time_zone": "Asia/Makassar"})
    assert user_named(app, "siti").time_zone == "Asia/Makassar"
    client.post("/auth/logout")
    client.post("/auth/login", data={**login, "browser_time_zone": "Europe/Amsterdam"})  # a trip abroad
    assert user_named(app, "siti").time_zone == "Asia/Makassar"


# --- the student's day on the pages ---------------------------------------------------------------------------


def test_the_pages_say_when_the_students_day_starts(app: Flask, accounts: Accounts, client: FlaskClient) -> None:
    accounts.login(client, "siti")
    client.post("/auth/settings", data=GOOD_SETTINGS)
    progress = Page.of(client.get("/progress/"))
    assert "Your days start at 4:00 AM in the time zone Asia/Jakarta" in progress.text("definitions")
    review = Page.of(client.get("/study/review")).text("main")
    assert "your day starts at 4:00 AM (Asia/Jakarta)." in review


def test_the_scoring_note_follows_each_students_settings_and_language(own_app: Flask) -> None:
    # The note is rendered once per language and settings (quizapp.study.review._scoring_note): a change of
    # either shows at once, and one student's settings never on another's pages.
    from conftest import Accounts

    own_app.jinja_env.auto_reload = False  # as in production, where the rendered note is kept
    accounts = Accounts(own_app)
    siti, budi = own_app.test_client(), own_app.test_client()
    accounts.login(siti, "siti")
    accounts.login(budi, "budi")

    def note(client: FlaskClient) -> str:
        return Page.of(client.get("/study/review")).text("main")

    assert "Each day you meet up to 20 new cards and do up to 200 reviews; your day starts at 4:00 AM (UTC)." in (
        note(siti)
    )
    siti.post("/auth/settings", data=GOOD_SETTINGS)
    assert "up to 15 new cards and do up to 150 reviews; your day starts at 4:00 AM (Asia/Jakarta)." in note(siti)
    siti.post("/language", data={"lang": "id", "next": "/study/review"})
    assert "hingga 15 kartu baru dan melakukan hingga 150 pengulangan; harimu dimulai pukul 04.00 (Asia/Jakarta)." in (
        note(siti)
    )
    assert "up to 20 new cards and do up to 200 reviews; your day starts at 4:00 AM (UTC)." in note(budi)


def test_the_daily_limits_say_when_they_start_again_in_the_students_time(
    app: Flask, accounts: Accounts, client: FlaskClient
) -> None:
    accounts.login(client, "siti")
    client.post("/auth/settings", data={**GOOD_SETTINGS, "daily_new_limit": "0"})
    app.config["QUIZAPP_CLOCK"] = lambda: datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # 16:00 in Jakarta
    make_deck("csto", 2)
    page = Page.of(client.get("/study/review")).text("main")
    assert "All done for today" in page
    assert "2 more new cards wait until the daily limits start again at 4:00 AM." in page
    assert re.search(r"Your next card is ready in 12 hours \(25 Nov 2026, 04:00 [^)]+\)\.", page), page


def test_a_stored_zone_this_machine_does_not_know_reads_as_utc(
    app: Flask, accounts: Accounts, client: FlaskClient
) -> None:
    user_id = accounts.login(client, "siti")
    db.session.get(User, user_id).time_zone = "Atlantis/Poseidonia"  # say, a name a later zone database dropped
    db.session.commit()
    for path in ("/progress/", "/study/review", "/auth/account"):
        assert client.get(path).status_code == 200, path
    assert "in the time zone UTC" in Page.of(client.get("/progress/")).text("definitions")
    assert Page.of(client.get("/auth/account")).find("option", value="UTC").get("selected") is not None


# --- desired retention ----------------------------------------------------------------------------------------


def test_a_lower_desired_retention_puts_a_card_away_for_longer(app: Flask) -> None:
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    make_deck("csto", 1)
    intervals = {}
    for retention in (0.80, 0.90, 0.97):
        user = make_user(f"student-{int(retention * 100)}")
        user.desired_retention = retention
        db.session.commit()
        card = learn_next(user, now)  # right, then right again after the 10-minute step: into review
        reviewed = state_of(user, card).last_review
        intervals[retention] = state_of(user, card).due - reviewed
    assert intervals[0.80] > intervals[0.90] > intervals[0.97] >= timedelta(days=1)


def test_the_scheduler_for_a_retention() -> None:
    assert scheduling.scheduler_for(scheduling.DESIRED_RETENTION) is scheduling.DEFAULT_SCHEDULER
    assert scheduling.scheduler_for(0.8) is scheduling.scheduler_for(0.8)
    assert scheduling.scheduler_for(0.8).desired_retention == 0.8
    assert not scheduling.scheduler_for(0.8).enable_fuzzing
    for retention in (0.69, 1.0, 0.0):
        with pytest.raises(ValueError, match=f"desired retention must be from 0.7 to 0.99, got {retention}"):
            scheduling.scheduler_for(retention)
