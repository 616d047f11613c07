"""Question files waiting between their preview and the instructor's confirmation, kept in the instance folder.

Why on the server and not in a hidden form field: a file of up to MAX_UPLOAD_BYTES would not fit Flask's
500 kB limit on a form field (MAX_FORM_MEMORY_SIZE, which CSRF checking reads before any view could raise it),
and what the server kept cannot be tampered with on the way. Each upload is named by its user's id and a
random token, so one user can never confirm another's; the choices made with it (format, deck, language) are
kept beside it, so the confirmation carries nothing but the token; it is deleted once imported, and any left over after
MAX_AGE is deleted at the next upload. Servers behind a load balancer must share the instance folder.
"""

from __future__ import annotations

import json
import re
import secrets
import time
from pathlib import Path
from typing import Any

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_AGE_SECONDS = 24 * 60 * 60
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")


def _path(folder: Path, user_id: int, token: str) -> Path | None:
    if not _TOKEN.fullmatch(token):
        return None  # never a path outside the folder
    return folder / f"{int(user_id)}-{token}.upload"


def keep_upload(folder: Path, user_id: int, data: bytes, choices: dict[str, Any]) -> str:
    """Keep data and the choices made with it until confirmed; return the token that names them.

    Uploads older than MAX_AGE_SECONDS are deleted on the way.
    """
    folder.mkdir(parents=True, exist_ok=True)
    cutoff = time.time() - MAX_AGE_SECONDS
    for old in [*folder.glob("*.upload"), *folder.glob("*.json")]:
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except FileNotFoundError:
            pass  # another request deleted it first
    token = secrets.token_urlsafe(24)
    path = _path(folder, user_id, token)
    assert path is not None
    path.write_bytes(data)
    path.with_suffix(".json").write_text(json.dumps(choices), encoding="utf-8")
    return token


def kept_upload(folder: Path, user_id: int, token: str) -> tuple[bytes, dict[str, Any]] | None:
    """Return the upload named by token with its choices; None if there is none (expired, imported, another's)."""
    path = _path(folder, user_id, token)
    if path is None:
        return None
    try:
        return path.read_bytes(), json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def discard_upload(folder: Path, user_id: int, token: str) -> None:
    """Delete the user's upload named by token, if it is still there."""
    path = _path(folder, user_id, token)
    if path is not None:
        path.unlink(missing_ok=True)
        path.with_suffix(".json").unlink(missing_ok=True)
