"""What every question file format reads into and writes from, and the errors a file can have."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

#: quizapp asks multiple-choice questions with this many options.
MIN_OPTIONS = 2
MAX_OPTIONS = 6


def N_(message: str) -> str:
    """Mark message for translation without translating it: this package knows nothing of Flask-Babel.

    pybabel extracts N_() by default; the web pages translate a message when they show it (see MessageError).
    """
    return message


class MessageError(Exception):
    """An error whose message is an English template with named values, to be translated where it is shown.

    The template is always %-formatted with its values (even none), so a percent sign is written %%.
    """

    def __init__(self, message: str, /, **params: Any) -> None:
        super().__init__(message % params)
        self.message = message
        self.params = params

    @property
    def reason(self) -> str:
        """Say what is wrong, in English."""
        return self.message % self.params


class FormatError(MessageError):
    """A question file cannot be read: the line where the trouble starts, and why."""

    def __init__(self, line: int, message: str, /, **params: Any) -> None:
        super().__init__(message, **params)
        self.line = line

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass(frozen=True)
class Question:
    """One multiple-choice question as a file states it; line is the 1-based line where it starts."""

    question: str
    options: tuple[str, ...]
    answer: int
    explanation: str = ""
    tags: tuple[str, ...] = ()
    title: str | None = None
    category: str | None = None
    kind: str | None = None
    language: str | None = None
    line: int = 1

    @property
    def right_option(self) -> str:
        """The text of the right option."""
        return self.options[self.answer]

    def same_content(self) -> tuple[str, tuple[str, ...], int, str, tuple[str, ...]]:
        """Return what an export keeps and an import gives back: question, options, answer, explanation, tags."""
        return (self.question, self.options, self.answer, self.explanation, self.tags)


@dataclass(frozen=True)
class Skipped:
    """A question of a type quizapp cannot ask, left out of an import."""

    line: int
    message: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def reason(self) -> str:
        """Say why it was left out, in English."""
        return self.message % self.params


@dataclass(frozen=True)
class ParseResult:
    """What a parser read: the questions quizapp can ask and those it skipped."""

    questions: tuple[Question, ...]
    skipped: tuple[Skipped, ...] = ()


_TAG_BREAKS = re.compile(r"[\s,\[\]]+")


def normalise_tag(text: str) -> str:
    """Return text as a tag: lower-case, with each run of spaces (or commas, brackets) inside it made one '-'."""
    return _TAG_BREAKS.sub("-", text.strip().lower()).strip("-")


def split_tags(text: str) -> tuple[str, ...]:
    """Read a list of tags separated by spaces or commas, Anki's way; return them normalised."""
    return normalise_tags(_TAG_BREAKS.split(text))


def normalise_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Return tags normalised, without empty ones or repeats, sorted (as Card.tags stores them)."""
    return tuple(sorted({tag for tag in (normalise_tag(text) for text in tags) if tag}))
