"""The server that `quizapp run` starts sends the security headers and names no versions (issue 13)."""

from __future__ import annotations

import urllib.request

import pytest


@pytest.mark.e2e
def test_the_running_server_names_no_version_and_sends_the_policy(server: str) -> None:
    with urllib.request.urlopen(f"{server}/auth/login", timeout=10) as response:
        headers = response.headers
    assert headers["Server"] == "quizapp"
    assert headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert headers["X-Frame-Options"] == "DENY"
