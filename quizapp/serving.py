"""The production server: gunicorn running the app factory in worker processes, each with a pool of threads.

`quizapp serve` builds a `ProductionServer` and runs it. Each worker calls the factory itself after gunicorn
forks it, so no database connection is ever shared between processes.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
#: One process per CPU core and one more, of two threads each: the measured best on a 2-core machine (bench/serve.py;
#: against 2 x 4, answers 240 -> 284 a second and the decks page 296 -> 305). A thread that waits for SQLite's write
#: lock or the disk then leaves no core idle, and fewer threads share each process's GIL with the one writing.
DEFAULT_WORKERS = (os.cpu_count() or 1) + 1
DEFAULT_THREADS = 2


@dataclass(frozen=True)
class ServeOptions:
    """Where to listen and how many processes and threads answer requests."""

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    workers: int = DEFAULT_WORKERS
    threads: int = DEFAULT_THREADS
    #: Seconds a request may take before gunicorn restarts its worker.
    timeout: int = 60

    def gunicorn_settings(self) -> dict[str, Any]:
        """Return these options as gunicorn settings, with the ones quizapp always wants."""
        return {
            "bind": f"{self.host}:{self.port}",
            "workers": self.workers,
            "threads": self.threads,
            # gthread even with one thread: a slow client then holds no worker process to itself
            "worker_class": "gthread",
            "timeout": self.timeout,
            # the proxy in front logs each request; gunicorn reports starts, stops and failures
            "errorlog": "-",
            # Proxies are trusted in one place only, the app's TRUSTED_PROXIES (Werkzeug's ProxyFix): gunicorn
            # would otherwise take X-Forwarded-Proto and the like from any client on the same machine.
            "secure_scheme_headers": {},
            "forwarder_headers": "",
            # gunicorn's runtime control socket lives at one path per user, which a second server would take over;
            # quizapp does not use it.
            "control_socket_disable": True,
            "post_worker_init": settle_worker,
        }


def settle_worker(worker: Any) -> None:
    """Once a worker has built the app, keep what it built out of the garbage collector's full collections.

    The modules, the app and its extensions live as long as the worker; each full collection walked all of them
    again, about a third of a millisecond a page on the decks page (gc.freeze, as Python's documentation advises
    for servers that fork).
    """
    gc.collect()
    gc.freeze()


class ProductionServer(BaseApplication):  # type: ignore[misc]  # gunicorn has no type hints
    """gunicorn with its settings given in code instead of its command line or a config file."""

    def __init__(self, app_factory: Callable[[], Flask], options: ServeOptions) -> None:
        self.app_factory = app_factory
        self.options = options
        super().__init__(prog="quizapp serve")

    def load_config(self) -> None:
        """Apply the options; gunicorn's own command line and config files are not read."""
        for name, value in self.options.gunicorn_settings().items():
            self.cfg.set(name, value)

    def load(self) -> Flask:
        """Create the app, in each worker process."""
        return self.app_factory()
