"""What every response tells the browser to forbid, and what to trust from a proxy in front of the app.

The pages use no inline script or style (tests/test_security_headers.py keeps it so), which lets the
Content-Security-Policy allow only files from this site: an injected <script> or style attribute does nothing.
"""

from __future__ import annotations

from flask import Flask, current_app
from flask.wrappers import Response
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.serving import WSGIRequestHandler

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",  # frame-ancestors, for browsers that predate it
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
#: Sent when the app is served over HTTPS only: browsers then refuse plain HTTP to it for a year.
HSTS = "max-age=31536000"


def init_app(app: Flask) -> None:
    """Mark the cookies secure behind HTTPS, trust the configured proxies, and add the headers to every response."""
    if app.config["HTTPS"]:
        app.config["SESSION_COOKIE_SECURE"] = True
        app.config["REMEMBER_COOKIE_SECURE"] = True
        app.config["PREFERRED_URL_SCHEME"] = "https"
    proxies = int(app.config["TRUSTED_PROXIES"])
    if proxies:
        # Each proxy appends to X-Forwarded-*; trusting more of them than there are would let a client forge its
        # address (and dodge the per-address log-in limit) or its scheme.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)  # type: ignore[method-assign]
    app.after_request(_add_headers)


def _add_headers(response: Response) -> Response:
    """Add the security headers to response, keeping any a view set itself."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if current_app.config["HTTPS"]:
        response.headers.setdefault("Strict-Transport-Security", HSTS)
    return response


def hide_server_version() -> None:
    """Make the development server send "Server: quizapp", without Werkzeug's and Python's versions.

    Werkzeug's handler writes the header itself, after the app has answered, so only the handler can change it.
    """
    WSGIRequestHandler.version_string = lambda self: "quizapp"  # type: ignore[method-assign]
