"""A real quizapp server in a child process on its own instance folder, and students who use it over HTTP.

Used by the end-to-end tests, the concurrency test and bench/crash.py: the server is started the way the README
says (`quizapp init`, then `quizapp serve` or `quizapp run`), and students are browsers without JavaScript
(cookies, forms with their CSRF token, redirects read rather than followed).
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
CARD_ID = re.compile(r'name="card_id" type="hidden" value="([^"]+)"')
QUIZ_PATH = re.compile(r"/study/quiz/(\d+)$")
FEEDBACK_PATH = re.compile(r"/study/quiz/(\d+)/feedback/(\d+)$")


def free_port() -> int:
    """Return a TCP port on loopback that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def quizapp_env(instance: Path, **settings: str) -> dict[str, str]:
    """Return this process's environment without the developer's QUIZAPP_* settings, on instance, with settings."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("QUIZAPP_")}
    env["QUIZAPP_INSTANCE_PATH"] = str(instance)
    env.update({f"QUIZAPP_{name}": value for name, value in settings.items()})
    return env


def quizapp(env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the quizapp command with args, as `python -m quizapp`; fail with its output if it fails."""
    done = subprocess.run([sys.executable, "-m", "quizapp", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)
    if done.returncode != 0:
        raise AssertionError(f"quizapp {' '.join(args)} exited with {done.returncode}:\n{done.stdout}{done.stderr}")
    return done


class LiveServer:
    """`quizapp serve` (or another serving command) on a free loopback port, in a process group of its own."""

    def __init__(self, env: dict[str, str], log: Path, command: tuple[str, ...] = ("serve",)) -> None:
        self.env = env
        self.log = log
        self.command = command
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60) -> None:
        """Start the server and wait until it answers /health."""
        with self.log.open("ab") as log:
            # A session of its own: kill() then reaches gunicorn's workers too, as kill -9 of the group would.
            self.process = subprocess.Popen(
                [sys.executable, "-m", "quizapp", *self.command, "--host", "127.0.0.1", "--port", str(self.port)],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise AssertionError(f"the server did not start:\n{self.output()}")
            time.sleep(0.1)

    def output(self) -> str:
        """Return what the server has written so far."""
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def kill(self) -> None:
        """Kill the server and its workers at once with SIGKILL, as a crash or `kill -9` would."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None

    def stop(self) -> None:
        """Stop the server as an administrator would (SIGTERM), killing it if it does not stop in 20 s."""
        if self.process is None:
            return
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()
        self.process = None


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@dataclass(frozen=True)
class Reply:
    """What the server answered: the status, where it redirects to (if it does) and the body."""

    status: int
    location: str
    body: str


@dataclass(frozen=True)
class QuizAnswer:
    """An answer the server acknowledged: it redirected to the question's feedback."""

    quiz_id: int
    card_id: str


class Student:
    """A browser without JavaScript, logged in as one student."""

    def __init__(self, url: str, timeout: float = 30) -> None:
        self.url = url
        self.timeout = timeout
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirects()
        )

    def request(self, path: str, form: dict[str, str] | None = None) -> Reply:
        """GET path, or POST form to it; a 4xx or 5xx answer is returned too, not raised."""
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        try:
            with self.opener.open(self.url + path, data=data, timeout=self.timeout) as response:
                return Reply(response.status, response.headers.get("Location", ""), response.read().decode())
        except urllib.error.HTTPError as error:
            with error:
                return Reply(error.code, error.headers.get("Location", ""), error.read().decode(errors="replace"))

    def submit(self, page: str, action: str, fields: dict[str, str]) -> Reply:
        """Open page, then post fields to action with the CSRF token of page's form."""
        shown = self.request(page)
        token = CSRF.search(shown.body)
        if token is None:
            raise AssertionError(f"no form with a CSRF token at {page} ({shown.status}):\n{shown.body[:2000]}")
        return self.request(action, {"csrf_token": token.group(1), **fields})

    def register(self, username: str, password: str) -> None:
        """Create a student account, which logs it in."""
        reply = self.submit("/auth/register", "/auth/register",
                            {"username": username, "password": password, "confirm": password})
        if reply.status != 302:
            raise AssertionError(f"registering {username} answered {reply.status}:\n{reply.body[:2000]}")

    def start_quiz(self, deck: str = "all", count: int = 20) -> int:
        """Start a quiz of count questions on the deck with this slug, and return its id."""
        reply = self.submit(f"/study/decks/{deck}", f"/study/decks/{deck}/quiz", {"count": str(count)})
        started = QUIZ_PATH.search(reply.location)
        if reply.status != 303 or started is None:
            raise AssertionError(f"starting a quiz answered {reply.status} {reply.location}:\n{reply.body[:2000]}")
        return int(started.group(1))

    def answer_next(self, quiz_id: int, choice: int = 0) -> QuizAnswer | None:
        """Answer the quiz's current question; None when every question is answered (nothing was sent)."""
        question = self.request(f"/study/quiz/{quiz_id}")
        if question.status == 302 and question.location.endswith("/result"):
            return None
        token, card = CSRF.search(question.body), CARD_ID.search(question.body)
        if question.status != 200 or token is None or card is None:
            raise AssertionError(f"quiz {quiz_id} answered {question.status}:\n{question.body[:2000]}")
        form = {"csrf_token": token.group(1), "card_id": card.group(1), "choice": str(choice)}
        reply = self.request(f"/study/quiz/{quiz_id}/answer", form)
        if reply.status != 303 or FEEDBACK_PATH.search(reply.location) is None:
            raise AssertionError(f"an answer to quiz {quiz_id} got {reply.status} {reply.location}:\n"
                                 f"{reply.body[:2000]}")
        return QuizAnswer(quiz_id, card.group(1))
