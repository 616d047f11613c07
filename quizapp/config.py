"""Where quizapp finds its instance folder, its settings and its secret key."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path
from typing import Any

from flask import Flask

ENV_PREFIX = "QUIZAPP"
SECRET_KEY_FILE = "secret_key"


def project_root() -> Path | None:
    """Return the checkout this package runs from, or None when it is installed elsewhere."""
    root = Path(__file__).resolve().parent.parent
    return root if (root / "pyproject.toml").is_file() else None


def resolve_instance_path() -> str | None:
    """Return $QUIZAPP_INSTANCE_PATH, else the checkout's instance/, else None for Flask's default."""
    from_env = os.environ.get(f"{ENV_PREFIX}_INSTANCE_PATH")
    if from_env:
        # Flask insists on an absolute instance path.
        return os.path.abspath(from_env)
    root = project_root()
    if root is not None:
        # Flask's default for an editable install is <prefix>/var/quizapp-instance, away from the checkout.
        return str(root / "instance")
    return None


def defaults(instance_path: str) -> dict[str, Any]:
    """Return the settings used when nothing overrides them."""
    return {
        "SECRET_KEY": None,
        "DATABASE_URL": "sqlite:///" + (Path(instance_path) / "quizapp.sqlite").as_posix(),
        # An article pasted into the form may be as large as question_bank reads (1 MB); Flask's default of
        # 500 kB for a form field would refuse it with a bare 413 before the form could say what is wrong.
        "MAX_FORM_MEMORY_SIZE": 1_100_000,
        # The largest request read at all: room for a question file (up to 2 MB, refused by its form past that
        # with its own message) or an article (1 MB) with the rest of its form. Anything larger is 413 unread.
        "MAX_CONTENT_LENGTH": 3 * 1024 * 1024,
        # Served over HTTPS (directly or behind a proxy that terminates it): cookies are then sent over HTTPS only.
        "HTTPS": False,
        # How many reverse proxies in front set X-Forwarded-For/-Proto/-Host (0: none, trust no such header).
        "TRUSTED_PROXIES": 0,
        # Lax: the cookies go with a link followed from another site, never with its forms or frames.
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
    }


def load(app: Flask, test_config: dict[str, Any] | None = None) -> None:
    """Layer the settings: defaults, instance/config.py, QUIZAPP_* variables, then the test config."""
    app.config.from_mapping(defaults(app.instance_path))
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env(ENV_PREFIX)
    secret_from_env = os.environ.get(f"{ENV_PREFIX}_SECRET_KEY")
    if secret_from_env is not None:
        # from_prefixed_env decodes JSON, which would turn a secret such as "12345" into a number.
        app.config["SECRET_KEY"] = secret_from_env
    if test_config is not None:
        app.config.from_mapping(test_config)
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = load_or_create_secret_key(Path(app.instance_path))


def load_or_create_secret_key(instance_path: Path) -> str:
    """Return the key stored in the instance folder, generating it on first use."""
    path = instance_path / SECRET_KEY_FILE
    try:
        key = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        key = _create_secret_key(path)
    if not key:
        raise RuntimeError(f"{path} is empty; delete it and a new secret key will be generated")
    return key


def _create_secret_key(path: Path) -> str:
    """Write a new random key to path (mode 0600) unless another process got there first."""
    key = secrets.token_hex(32)
    # mkstemp makes the file 0600, so the key is never readable by others, even for a moment. Linking it
    # into place fails if the file exists, so when two processes start at once both end up with one key.
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{SECRET_KEY_FILE}.")
    try:
        with os.fdopen(fd, "w", encoding="ascii") as tmp:
            tmp.write(key + "\n")
        try:
            os.link(tmp_name, path)
        except FileExistsError:
            return path.read_text(encoding="ascii").strip()
    finally:
        os.unlink(tmp_name)
    return key
