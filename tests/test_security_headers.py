"""Every response carries the security headers; the cookies are SameSite, HttpOnly, and Secure behind HTTPS; the
pages need no inline script or style, so the Content-Security-Policy can forbid them (issue 13)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import TEST_CONFIG, Accounts, dispose_engines
from flask import Flask, url_for
from flask.testing import FlaskClient
from werkzeug.serving import WSGIRequestHandler

from quizapp import create_app
from quizapp.security import CONTENT_SECURITY_POLICY, hide_server_version

TEMPLATES = Path(__file__).resolve().parent.parent / "quizapp" / "templates"
EXPECTED = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


@pytest.mark.parametrize(
    ("path", "status"),
    [("/", 200), ("/health", 200), ("/auth/login", 200), ("/static/quizapp.css", 200), ("/study/", 302),
     ("/no/such/page", 404), ("/health", 405)],
    ids=["page", "json", "form", "static", "redirect", "not-found", "method-not-allowed"],
)
def test_every_response_carries_the_security_headers(client: FlaskClient, path: str, status: int) -> None:
    with client.post(path) if status == 405 else client.get(path) as response:  # closes the static file
        assert response.status_code == status
        for name, value in EXPECTED.items():
            assert response.headers.get(name) == value, name
        assert "Strict-Transport-Security" not in response.headers  # not over plain HTTP


def test_the_policy_allows_only_this_site_and_no_framing() -> None:
    directives = dict(part.split(" ", 1) for part in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY


INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "an inline <script>"),
    (re.compile(r"<style\b", re.I), "a <style> element"),
    (re.compile(r"\sstyle\s*=", re.I), "a style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an event handler attribute"),
    (re.compile(r"javascript:", re.I), "a javascript: address"),
]


@pytest.mark.parametrize("template", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_no_template_needs_what_the_policy_forbids(template: Path) -> None:
    text = template.read_text(encoding="utf-8")
    for pattern, what in INLINE:
        assert not pattern.search(text), f"{template.name} has {what}: move it to quizapp/static/"


# --- cookies ----------------------------------------------------------------------------------------


def login_cookies(app: Flask) -> dict[str, str]:
    """Log in with "keep me logged in" and return each cookie's Set-Cookie header."""
    Accounts(app).create()
    client = app.test_client()
    response = client.post("/auth/login", data={"username": "student", "password": "password123", "remember": "y"})
    assert response.status_code == 302
    return {header.split("=", 1)[0]: header for header in response.headers.getlist("Set-Cookie")}


def test_the_cookies_are_samesite_lax_and_httponly(own_app: Flask) -> None:
    cookies = login_cookies(own_app)
    for name in ("session", "remember_token"):
        attributes = [part.strip().lower() for part in cookies[name].split(";")]
        assert "samesite=lax" in attributes, name
        assert "httponly" in attributes, name
        assert "secure" not in attributes, name  # plain HTTP by default: a Secure cookie would never come back


@pytest.fixture
def https_app(app_config: dict[str, object]) -> Iterator[Flask]:
    """An app configured as served over HTTPS behind one proxy."""
    app = create_app({**app_config, "HTTPS": True, "TRUSTED_PROXIES": 1})
    yield app
    dispose_engines(app)


def test_behind_https_the_cookies_are_secure_and_hsts_is_sent(https_app: Flask) -> None:
    cookies = login_cookies(https_app)
    for name in ("session", "remember_token"):
        assert "secure" in [part.strip().lower() for part in cookies[name].split(";")], name
    response = https_app.test_client().get("/")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"


def test_behind_a_proxy_the_forwarded_scheme_host_and_address_are_used(https_app: Flask) -> None:
    seen = {}

    @https_app.get("/probe")
    def probe() -> str:
        from flask import request

        seen.update(address=request.remote_addr, url=url_for("main.index", _external=True))
        return ""

    https_app.test_client().get("/probe", headers={
        "X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "quiz.example.org",
    }, environ_overrides={"REMOTE_ADDR": "10.0.0.2"})

    assert seen == {"address": "203.0.113.9", "url": "https://quiz.example.org/"}


def test_without_trusted_proxies_forwarded_headers_are_ignored(client: FlaskClient) -> None:
    # otherwise any client could claim another address and dodge the per-address log-in limit
    assert client.application.config["TRUSTED_PROXIES"] == 0
    response = client.get("/", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert "Strict-Transport-Security" not in response.headers


@pytest.mark.parametrize(("variable", "value", "setting", "expected"), [
    ("QUIZAPP_HTTPS", "true", "HTTPS", True),
    ("QUIZAPP_TRUSTED_PROXIES", "2", "TRUSTED_PROXIES", 2),
])
def test_https_and_proxies_are_settings(instance_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        variable: str, value: str, setting: str, expected: object) -> None:
    monkeypatch.setenv(variable, value)
    assert create_app(TEST_CONFIG).config[setting] == expected


def test_the_development_server_names_no_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(WSGIRequestHandler, "version_string", WSGIRequestHandler.version_string)
    hide_server_version()
    assert WSGIRequestHandler.version_string(object.__new__(WSGIRequestHandler)) == "quizapp"
