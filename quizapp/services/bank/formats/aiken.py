"""The Aiken format: a question, its options as `A.` or `A)` lines, and an `ANSWER: X` line.

    What is the capital of Armenia?
    A. Yerevan
    B) Baku
    ANSWER: A

A question may run over several lines; blank lines between questions are optional.
"""

from __future__ import annotations

import re
import string

from quizapp.services.bank.formats.model import N_, FormatError, ParseResult, Question

_OPTION = re.compile(r"([A-Z])[.)]\s+(.*)")
_ANSWER = re.compile(r"ANSWER\s*:\s*(.*)", re.IGNORECASE)


def parse_aiken(text: str) -> ParseResult:
    """Read the questions of an Aiken file; raise FormatError at the first malformed one."""
    questions: list[Question] = []
    lines: list[str] = []  # the question being read
    options: list[str] = []
    first = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        option = _OPTION.fullmatch(line)
        answer = _ANSWER.fullmatch(line)
        if answer is not None:
            if not options:
                raise FormatError(number, N_("ANSWER: comes before any option (A. …, B. …)"))
            letter = answer.group(1).strip().upper()
            if len(letter) != 1 or letter not in string.ascii_uppercase[: len(options)]:
                raise FormatError(
                    number,
                    N_("ANSWER: %(answer)s names no option: the options are A to %(last)s"),
                    answer=answer.group(1).strip(),
                    last=string.ascii_uppercase[len(options) - 1],
                )
            questions.append(
                Question("\n".join(lines), tuple(options), string.ascii_uppercase.index(letter), line=first)
            )
            lines, options = [], []
        elif option is not None and lines:
            expected = string.ascii_uppercase[len(options)] if len(options) < 26 else "?"
            if option.group(1) != expected:
                raise FormatError(
                    number,
                    N_("option %(letter)s where %(expected)s was expected: options go A, B, C, … in order"),
                    letter=option.group(1),
                    expected=expected,
                )
            options.append(option.group(2).strip())
        elif options:
            raise FormatError(
                number,
                N_("expected the next option or the ANSWER: line of the question on line %(start)d"),
                start=first,
            )
        elif option is not None:
            raise FormatError(number, N_("an option comes before any question text"))
        else:
            if not lines:
                first = number
            lines.append(line)
    if lines or options:
        raise FormatError(first, N_("the question has no ANSWER: line"))
    return ParseResult(tuple(questions))
