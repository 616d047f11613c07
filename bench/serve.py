"""Measure the pages under load on a school-sized database: requests per second, latency, SQL statements per page.

Builds a SQLite database reproducibly from a seed (bench/school.py; by default as in issue 13: 1,000 students,
5,000 cards in 100 decks, 504,500 review states, 1,000,000 review-log rows and 1,000,000 answers; one heavy student
has 100,000 of each), caches it by a hash of its parameters, copies it for each server, applies the migrations of
the code served, starts the production server (`quizapp serve`: gunicorn, in its default shape) and loads each URL
with wrk, logged in as a student. The yardstick is a reference page in the style of TechEmpower's "Fortunes"
(quizapp/reference.py), served by the same server in the same run, just before each page: each page's throughput
is printed as a share of the reference's run before it (the median over the rounds), next to the issue's targets.
SQL statements per page are counted in-process, on one request after a warm-up.

    python bench/serve.py [--scale 1] [--seed 0] [--duration 5] [--rounds 3] [--connections 8]
                          [--before DIR] [--app DIR] [--only NAME ...] [--postgres URL]

--before DIR serves the code in DIR (a checkout, e.g. `git archive BASE | tar -x -C DIR`) beside --app (this
checkout by default), each on its own copy of the database, taking turns round by round: before and after from
one run. The database is built with the migrations of the oldest code served. --scale 0.1 builds a small
database in seconds, for trying the bench out. Needs wrk (`apt-get install wrk`) and gunicorn. Prints figures
and asserts nothing; not a test, not run by CI. Quote medians and ratios from one run: shared machines are noisy.

--postgres URL serves PostgreSQL instead of SQLite: URL names a server and a database to connect to first, as a
role that may create databases (`ALTER ROLE quizapp CREATEDB`), e.g.
postgresql+psycopg://quizapp:quizapp@127.0.0.1/postgres. The built database is kept on that server as
quizapp_bench_<hash> (drop it to free the space; about 1 GiB) and copied for each server with CREATE DATABASE …
TEMPLATE.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from school import (
    HEAVY_USER_ID,
    INSTRUCTOR_ID,
    ORDINARY_USER_ID,
    Params,
    cached_database,
    cached_postgres_database,
    child_env,
)

from quizapp.serving import DEFAULT_THREADS, DEFAULT_WORKERS

ROOT = Path(__file__).resolve().parent.parent
USER_AGENT = "quizapp-bench"
#: Share of the reference page's throughput each page should reach (issue 13).
TARGETS = {"next card": 30, "decks": 20, "answer": 20, "progress": 15}
#: The heavy student's progress page may take at most this many times as long as an ordinary student's.
HEAVY_RATIO_TARGET = 2.0
#: Statement caps per page (issue 13).
STATEMENT_CAPS = {"next card": 4, "progress": 6, "progress, heavy": 6}


# --- one server ----------------------------------------------------------------------------------------------


@dataclass
class Target:
    """One version of the code, served on its own copy of the database."""

    label: str
    app_dir: Path
    instance: Path
    port: int
    #: The target's PostgreSQL database; None: the SQLite file in its instance folder.
    database_url: str | None = None
    process: subprocess.Popen[bytes] | None = None
    prepared: dict[str, Any] | None = None

    def env(self, **extra: str) -> dict[str, str]:
        """Return the environment of the target's child processes: its code, instance folder and database."""
        if self.database_url is not None:
            extra["QUIZAPP_DATABASE_URL"] = self.database_url
        return child_env(self.app_dir, self.instance, **extra)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def prepare(instance: Path, rounds: int, answer_bodies: int) -> dict[str, Any]:
    """Log in the bench's users, write answer forms for wrk, count SQL statements per page (in app_dir's code)."""
    import fsrs  # noqa: F401  imported before counting, like the server has
    import sqlalchemy as sa
    from flask import g, session
    from flask_wtf.csrf import generate_csrf

    from quizapp import create_app
    from quizapp.db import db
    from quizapp.models import Card, CardStatus, ReviewState, User
    from quizapp.services import sessions
    from quizapp.services.study.outcomes import Mode
    from quizapp.services.study.queue import ReviewItem
    from quizapp.services.study.tokens import present

    app = create_app({"BENCH_REFERENCE": True})
    environ = {"REMOTE_ADDR": "127.0.0.1", "HTTP_USER_AGENT": USER_AGENT}

    def login(user_id: int) -> tuple[str, str]:
        """Open a login session for the user; return the session cookie and a CSRF token for its forms."""
        with app.test_request_context(environ_base=environ):
            user = db.session.get(User, user_id)
            token = sessions.open_session(user, app.config["REMEMBER_COOKIE_DURATION"])
            manager = app.login_manager
            session["_user_id"] = token
            session["_fresh"] = True
            session["_id"] = manager._session_identifier_generator()
            g.pop("csrf_token", None)  # generate_csrf caches in g, which this app context shares across logins
            csrf = generate_csrf()
            value = app.session_interface.get_signing_serializer(app).dumps(dict(session))
            return f"{app.config['SESSION_COOKIE_NAME']}={value}", csrf

    with app.app_context():
        cookies = {"ordinary": login(ORDINARY_USER_ID), "heavy": login(HEAVY_USER_ID),
                   "instructor": login(INSTRUCTOR_ID)}
        # Answer forms for wrk: students other than those whose pages are measured answer cards new to them.
        now = datetime.now(UTC)
        active = list(db.session.scalars(sa.select(Card).where(Card.status == CardStatus.ACTIVE).order_by(Card.id)))
        students = list(db.session.scalars(
            sa.select(User.id).where(User.id > ORDINARY_USER_ID, User.role == "student").order_by(User.id).limit(40)
        ))
        per_student = -(-answer_bodies // len(students))
        lines: list[str] = []
        for user_id in students:
            cookie, csrf = login(user_id)
            known = set(db.session.scalars(sa.select(ReviewState.card_id).where(ReviewState.user_id == user_id)))
            fresh = [card for card in active if card.id not in known][:per_student]
            with app.test_request_context():
                for card in fresh:
                    token = present(user_id, ReviewItem(card=card, state=None), Mode.CHOICE, now)
                    body = urllib.parse.urlencode({"csrf_token": csrf, "card_id": card.id, "token": token,
                                                   "choice": int(card.id, 16) % 4})
                    lines.append(f"{cookie}\t{body}")
        random.Random(0).shuffle(lines)
        share = len(lines) // rounds
        files = []
        for r in range(rounds):
            path = instance / f"answers-{r}.txt"
            path.write_text("\n".join(lines[r * share:(r + 1) * share]) + "\n")
            files.append(str(path))
        spare_cookie, spare_csrf = login(students[-1])
        db.session.remove()

    # SQL statements and in-process time of one request per page, after a warm-up request.
    statements: dict[str, int] = {}
    seconds: dict[str, float] = {}
    client = app.test_client(use_cookies=False)  # each request sends the Cookie header given
    counter = {"n": 0}

    def count(*_: Any) -> None:
        counter["n"] += 1

    with app.app_context():
        sa.event.listen(db.engine, "before_cursor_execute", count)
    for name, who, path in PAGES:
        if path is None:
            continue
        cookie = cookies[who][0] if who else ""
        headers = {"Cookie": cookie, "User-Agent": USER_AGENT}
        client.get(path, headers=headers)
        counter["n"] = 0
        response = client.get(path, headers=headers)
        statements[name] = counter["n"]
        if response.status_code != 200:
            raise SystemExit(f"{name}: GET {path} answered {response.status_code} "
                             f"{response.headers.get('Location')}")
        # CPU time of this process: on a shared machine, wall time mostly measures the neighbours
        times = []
        for _ in range(9):
            start = time.process_time()
            client.get(path, headers=headers)
            times.append(time.process_time() - start)
        seconds[name] = statistics.median(times)
    # One answer, from a spare student.
    with app.app_context():
        card = db.session.scalar(
            sa.select(Card).where(Card.status == CardStatus.ACTIVE, ~Card.id.in_(
                sa.select(ReviewState.card_id).where(ReviewState.user_id == students[-1]))).order_by(Card.id.desc())
        )
        with app.test_request_context():
            token = present(students[-1], ReviewItem(card=card, state=None), Mode.CHOICE, datetime.now(UTC))
        form = {"csrf_token": spare_csrf, "card_id": card.id, "token": token, "choice": int(card.id, 16) % 4}
        card_id = card.id
        db.session.remove()
    counter["n"] = 0
    response = client.post("/study/review/answer", data=form, headers={"Cookie": spare_cookie,
                                                                        "User-Agent": USER_AGENT})
    if response.status_code != 302 or "feedback" not in response.headers.get("Location", ""):
        raise SystemExit(f"answer: POST answered {response.status_code} {response.headers.get('Location')} "
                         f"for card {card_id}: {response.get_data(as_text=True)[-3000:]}")
    statements["answer"] = counter["n"]
    with app.app_context():
        db.engine.dispose()
    return {"cookies": {k: v[0] for k, v in cookies.items()}, "answer_files": files, "statements": statements,
            "seconds": seconds}


#: whose cookie and path the yardstick is loaded with
REFERENCE: tuple[str | None, str] = (None, "/bench/fortunes")
#: name, whose cookie, path (None: a POST handled by the answer script)
PAGES: list[tuple[str, str | None, str | None]] = [
    ("health", None, "/health"),
    ("reference", *REFERENCE),
    ("next card", "ordinary", "/study/review"),
    ("decks", "ordinary", "/study/"),
    ("progress", "ordinary", "/progress/"),
    ("progress, heavy", "heavy", "/progress/"),
    ("author", "instructor", "/author/"),
    ("answer", None, None),
]


def start_server(target: Target, workers: int, threads: int) -> None:
    """Start the production server on the target's database and wait until it answers /health."""
    log = open(target.instance / "gunicorn.log", "wb")  # noqa: SIM115  closed with the process
    target.process = subprocess.Popen(
        [sys.executable, "-m", "quizapp", "serve", "--workers", str(workers), "--threads", str(threads),
         "--port", str(target.port)],
        env=target.env(QUIZAPP_BENCH_REFERENCE="1"), cwd=target.app_dir,
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    for _ in range(200):
        try:
            with urllib.request.urlopen(f"{target.base}/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"{target.label}: gunicorn did not start; see {target.instance / 'gunicorn.log'}")


def wait_until_idle(target: Target) -> None:
    """Wait until the server has finished the requests of the last load: two /health requests in a row are quick."""
    quick = 0
    for _ in range(600):
        start = time.perf_counter()
        with urllib.request.urlopen(f"{target.base}/health", timeout=60) as response:
            response.read()
        quick = quick + 1 if time.perf_counter() - start < 0.05 else 0
        if quick == 2:
            return
        time.sleep(0.05)


def stop_server(target: Target) -> None:
    """Stop the target's gunicorn (its own process group)."""
    if target.process is not None and target.process.poll() is None:
        os.killpg(target.process.pid, signal.SIGTERM)
        target.process.wait(timeout=30)


def analyze(target: Target) -> None:
    """Have the target's database gather the statistics its planner reads, after the migrations."""
    if target.database_url is None:
        with sqlite3.connect(target.instance / "quizapp.sqlite") as connection:
            connection.execute("ANALYZE")
        return
    import sqlalchemy as sa

    engine = sa.create_engine(target.database_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
    engine.dispose()


def copy_postgres_database(server: str, template: str, label: str) -> str:
    """Copy the built database on server for one target; return the copy's URL."""
    import sqlalchemy as sa

    name = f"quizapp_bench_run_{label}"
    engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        connection.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    engine.dispose()
    return sa.make_url(server).set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(server: str, url: str) -> None:
    """Drop a target's copy of the database."""
    import sqlalchemy as sa

    engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{sa.make_url(url).database}" WITH (FORCE)')
    engine.dispose()


# --- load ----------------------------------------------------------------------------------------------------

REPORT_LUA = """
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end
function done(summary, latency, requests)
  local wrapped = 0
  for _, thread in ipairs(threads) do wrapped = wrapped + (thread:get("wrapped") or 0) end
  local e = summary.errors
  io.write(string.format('BENCH {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, '
    .. '"errors": %d, "bad_status": %d, "wrapped": %d}\\n', summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status, wrapped))
end
"""

ANSWER_LUA = REPORT_LUA + """
local forms = {}
local next_form = 0
wrapped = 0
function init(args)
  local i = 0
  for line in io.lines(args[1]) do
    if line ~= "" and i % tonumber(args[2]) == id then table.insert(forms, line) end
    i = i + 1
  end
end
function request()
  next_form = next_form + 1
  if next_form > #forms then next_form = 1; wrapped = wrapped + 1 end
  local line = forms[next_form]
  local tab = line:find("\\t")
  return wrk.format("POST", "/study/review/answer", {
    ["Cookie"] = line:sub(1, tab - 1), ["User-Agent"] = "USER_AGENT",
    ["Content-Type"] = "application/x-www-form-urlencoded"}, line:sub(tab + 1))
end
""".replace("USER_AGENT", USER_AGENT)


def run_wrk(target: Target, name: str, cookie_of: str | None, path: str | None, seconds: int,
            connections: int, scripts: Path, round_index: int) -> dict[str, float]:
    """Load one URL for seconds with wrk; return rps and latency percentiles in ms."""
    wait_until_idle(target)
    threads = 2
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s",
               "-H", f"User-Agent: {USER_AGENT}"]
    if path is None:
        assert target.prepared is not None
        command += ["-s", str(scripts / "answer.lua"), f"{target.base}/study/review/answer", "--",
                    target.prepared["answer_files"][round_index % len(target.prepared["answer_files"])], str(threads)]
    else:
        if cookie_of:
            assert target.prepared is not None
            command += ["-H", f"Cookie: {target.prepared['cookies'][cookie_of]}"]
        command += ["-s", str(scripts / "report.lua"), f"{target.base}{path}"]
    completed = subprocess.run(command, capture_output=True, text=True)
    if completed.returncode != 0:
        raise SystemExit(f"wrk failed on {name}: {completed.stderr}{completed.stdout}")
    output = completed.stdout
    line = next((line for line in output.splitlines() if line.startswith("BENCH ")), None)
    if line is None:
        raise SystemExit(f"wrk printed no figures for {name}:\n{output}")
    data = json.loads(line[len("BENCH "):])
    return {
        "rps": data["requests"] / (data["duration_us"] / 1e6),
        "p50": data["p50_us"] / 1000, "p95": data["p95_us"] / 1000, "p99": data["p99_us"] / 1000,
        "errors": data["errors"] + data["bad_status"], "wrapped": data["wrapped"],
    }


def report(target: Target, results: dict[str, list[dict[str, float]]]) -> None:
    """Print one target's table: medians over the rounds, share of the reference, statements per page."""
    assert target.prepared is not None
    statements = target.prepared["statements"]
    medians = {name: {key: statistics.median(r[key] for r in runs) for key in runs[0]}
               for name, runs in results.items()}
    reference = medians["reference"]["rps"]
    print(f"\n{target.label}: {target.app_dir}")
    print(f"{'page':<17} {'rps':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'% of ref':>9} {'target':>7} "
          f"{'SQL':>4} {'cap':>4} {'CPU ms':>9} {'CPU % ref':>10} {'errors':>7}")
    reference_cpu = target.prepared["seconds"]["reference"]
    for name, _, _ in PAGES:
        if name not in medians:
            continue
        m = medians[name]
        share = 100 * m.get("share", m["rps"] / reference)
        target_text = f"≥{TARGETS[name.split(',')[0]]}%" if name in TARGETS else ""
        sql = statements.get(name, 0)
        cap = STATEMENT_CAPS.get(name)
        alone = target.prepared["seconds"].get(name)
        print(f"{name:<17} {m['rps']:>7.0f} {m['p50']:>8.1f} {m['p95']:>8.1f} {m['p99']:>8.1f} {share:>8.1f}% "
              f"{target_text:>7} {sql:>4} {'' if cap is None else cap:>4} "
              f"{'' if alone is None else f'{1000 * alone:.1f}':>9} "
              f"{'' if alone is None else f'{100 * reference_cpu / alone:.1f}%':>10} {m['errors']:>7.0f}"
              + ("  (answer forms ran out: some were sent twice)" if m.get("wrapped") else ""))
    if "progress" in medians and "progress, heavy" in medians:
        under_load = medians["progress, heavy"]["p50"] / medians["progress"]["p50"]
        seconds = target.prepared["seconds"]
        alone = seconds["progress, heavy"] / seconds["progress"]
        print(f"Progress page, heavy student / ordinary: {under_load:.2f}x (p50 under load), {alone:.2f}x (CPU time of "
              f"one request alone); target ≤ {HEAVY_RATIO_TARGET:.0f}x")


def main(argv: Sequence[str] | None = None) -> int:
    """Build or reuse the database, serve each version, load every page and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="sizes relative to the issue's (default: 1)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the data (default: 0)")
    parser.add_argument("--duration", type=int, default=5, help="seconds of load per page per round (default: 5)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; medians are quoted (default: 3)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default: 8)")
    # this checkout's quizapp serve defaults, given to both checkouts, so that an older one is served alike
    parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS,
                        help=f"gunicorn workers (default: quizapp serve's, {DEFAULT_WORKERS})")
    parser.add_argument("--threads", type=int, default=DEFAULT_THREADS,
                        help=f"gunicorn threads per worker (default: {DEFAULT_THREADS})")
    parser.add_argument("--app", type=Path, default=ROOT, help="the checkout to serve (default: this one)")
    parser.add_argument("--before", type=Path, help="a checkout of the code before, served beside --app")
    parser.add_argument("--only", nargs="*", help="load only these pages (names as printed), besides the reference")
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "quizapp-bench",
                        help="where built databases are kept (default: ~/.cache/quizapp-bench)")
    parser.add_argument("--postgres", metavar="URL",
                        help="serve PostgreSQL: a server URL whose role may create databases (default: SQLite)")
    parser.add_argument("--params", help=argparse.SUPPRESS)
    parser.add_argument("--prepare", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.prepare:
        options = json.loads(args.params)
        print(json.dumps(prepare(args.prepare, options["rounds"], options["answer_bodies"])))
        return 0
    if shutil.which("wrk") is None:
        print("wrk is missing: apt-get install wrk", file=sys.stderr)
        return 1

    params = Params.scaled(args.scale, args.seed, datetime.now(UTC).date())
    labelled = ([("before", args.before.resolve())] if args.before else []) + [("after" if args.before else "app",
                                                                                 args.app.resolve())]
    print(f"Python {sys.version.split()[0]}; {os.cpu_count()} CPUs; {params}")
    if args.postgres:
        source = cached_postgres_database(params, labelled[0][1], args.postgres)
    else:
        source = cached_database(params, labelled[0][1], args.cache)
    names = [name for name, _, _ in PAGES if not args.only or name in args.only or name == "reference"]
    # Enough answer forms for the fastest answering expected (1,500 a second) over every round.
    answer_bodies = int(1_500 * args.duration * args.rounds)

    workdir = Path(tempfile.mkdtemp(prefix="quizapp-bench-serve-"))
    scripts = workdir / "scripts"
    scripts.mkdir()
    (scripts / "report.lua").write_text(REPORT_LUA)
    (scripts / "answer.lua").write_text(ANSWER_LUA)
    targets = []
    try:
        for index, (label, app_dir) in enumerate(labelled):
            instance = workdir / label
            instance.mkdir()
            target = Target(label, app_dir, instance, port=18_700 + index)
            targets.append(target)
            if args.postgres:
                target.database_url = copy_postgres_database(args.postgres, source, label)
            else:
                shutil.copyfile(source, instance / "quizapp.sqlite")
            subprocess.run([sys.executable, "-m", "flask", "--app", "quizapp", "db", "upgrade"],
                           env=target.env(), cwd=app_dir, check=True, capture_output=True)
            analyze(target)
            prepared = subprocess.run(
                [sys.executable, __file__, "--prepare", str(instance),
                 "--params", json.dumps({"rounds": args.rounds, "answer_bodies": answer_bodies})],
                env=target.env(QUIZAPP_BENCH_REFERENCE="1"), cwd=app_dir,
                capture_output=True, text=True,
            )
            if prepared.returncode != 0:
                raise SystemExit(f"{label}: preparing the pages failed:\n{prepared.stderr}{prepared.stdout}")
            target.prepared = json.loads(prepared.stdout.strip().splitlines()[-1])
            start_server(target, args.workers, args.threads)

        for target in targets:  # warm up: fill the page cache and each worker's caches
            for name, who, path in PAGES:
                if name in names and path is not None:
                    run_wrk(target, name, who, path, 1, args.connections, scripts, 0)
        results: dict[str, dict[str, list[dict[str, float]]]] = {t.label: {} for t in targets}
        for round_index in range(args.rounds):
            print(f"  round {round_index + 1} of {args.rounds} …", file=sys.stderr, flush=True)
            for target in targets:
                for name, who, path in PAGES:
                    if name not in names or name == "reference":
                        continue
                    # The reference runs just before each page, and the page's share is taken against that run: on
                    # a shared machine the reference alone moved by a third within one run.
                    reference = run_wrk(target, "reference", *REFERENCE, args.duration, args.connections, scripts,
                                        round_index)
                    figures = run_wrk(target, name, who, path, args.duration, args.connections, scripts, round_index)
                    figures["share"] = figures["rps"] / reference["rps"]
                    results[target.label].setdefault("reference", []).append(reference)
                    results[target.label].setdefault(name, []).append(figures)
        print(f"\nwrk, {args.connections} connections, {args.duration:g} s per page, median of {args.rounds} rounds "
              f"('% of ref': against the reference's run just before the page's); "
              f"gunicorn {args.workers} workers x {args.threads} threads; 'SQL': statements in one request; "
              f"'CPU ms': CPU time of one request alone, in-process (median of 9); 'CPU % ref': the reference's CPU "
              f"time as a share of the page's, its throughput share on an idle machine")
        for target in targets:
            report(target, results[target.label])
    finally:
        for target in targets:
            stop_server(target)
            if target.database_url is not None:
                drop_postgres_database(args.postgres, target.database_url)
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
