"""The installed quizapp version, as shown by the health check."""

from __future__ import annotations

from importlib import metadata


def _installed_version() -> str:
    """Return the version pip recorded for quizapp."""
    try:
        return metadata.version("quizapp")
    except metadata.PackageNotFoundError:
        # Running from a checkout that was never pip-installed: there is no recorded version.
        return "unknown"


__version__ = _installed_version()
