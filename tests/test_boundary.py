"""question_bank stays pure Python: importing any part of it must not pull in the web app's stack."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Prints the forbidden modules that are loaded after running the code placed before it.
REPORT_FORBIDDEN = """
import json, sys
print(json.dumps(sorted(
    name for name in sys.modules
    if name.startswith(("flask", "sqlalchemy")) or name == "quizapp" or name.startswith("quizapp.")
)))
"""

IMPORT_ALL_OF_QUESTION_BANK = """
import importlib, pkgutil
import question_bank, question_bank.cli
for info in pkgutil.walk_packages(question_bank.__path__, prefix="question_bank."):
    # __main__ runs the command line when imported; the -m test below covers it.
    if info.name.rsplit(".", 1)[-1] != "__main__":
        importlib.import_module(info.name)
"""

RUN_QUESTION_BANK_AS_MAIN = """
import runpy, sys
sys.argv = ["question_bank", "--help"]
try:
    runpy.run_module("question_bank", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
"""


def forbidden_modules_after(code: str) -> list[str]:
    """Run code in a fresh interpreter and return the forbidden modules it left loaded."""
    result = subprocess.run(
        [sys.executable, "-c", code + REPORT_FORBIDDEN],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    # The report is the last line: a module's own output at import time may come before it.
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_check_sees_a_forbidden_import() -> None:
    assert forbidden_modules_after("import flask\n") != []


def test_question_bank_and_all_its_modules_import_without_the_web_stack() -> None:
    assert forbidden_modules_after(IMPORT_ALL_OF_QUESTION_BANK) == []


def test_python_m_question_bank_runs_without_the_web_stack() -> None:
    assert forbidden_modules_after(RUN_QUESTION_BANK_AS_MAIN) == []
