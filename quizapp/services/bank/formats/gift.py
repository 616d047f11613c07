"""Moodle's GIFT format: read multiple-choice and true/false questions, write multiple-choice ones.

Read: `::title::`, `$CATEGORY: path` (becomes a tag), `//` comments (a `[tag:name]` in one tags the question
below it, as Moodle writes them), `=` right and `~` wrong answers, `#` feedback (the right answer's feedback and
the `####` general feedback make the explanation), `~%50%` weights when exactly one answer is worth 100%,
`{T}`/`{TRUE}`/`{F}`/`{FALSE}`, the missing-word form (text after the answers; the blank is shown as ___),
`[html]`/`[plain]`/`[markdown]`/`[moodle]` text formats, the escapes `\\~ \\= \\# \\{ \\} \\: \\\\ \\n`, and
questions over several lines, separated by blank lines. Short answer, matching, numerical, essay and
description questions are skipped with their line, as is a multiple-answer question.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from quizapp.services.bank.formats.model import (
    N_,
    FormatError,
    ParseResult,
    Question,
    Skipped,
    normalise_tag,
    normalise_tags,
)

TRUE_FALSE = {"T": 0, "TRUE": 0, "F": 1, "FALSE": 1}
TRUE_FALSE_OPTIONS = ("True", "False")
BLANK = "___"
#: Moodle's names for a text's format, written as [name] before it.
TEXT_FORMATS = ("moodle", "html", "plain", "markdown")

_ESCAPES = {"~": "~", "=": "=", "#": "#", "{": "{", "}": "}", ":": ":", "\\": "\\", "n": "\n"}
# A backslash takes the next character with it: a pair is never a structural character.
_TOKEN = re.compile(r"\\(.)|([{}~=#:])", re.DOTALL)
_WEIGHT = re.compile(r"\s*%(-?[0-9]+(?:\.[0-9]*)?)%")
_FORMAT_MARK = re.compile(r"\[(" + "|".join(TEXT_FORMATS) + r")\]")
_TAG_COMMENT = re.compile(r"\[tag:([^\]]*)\]")
_HTML_BREAK = re.compile(r"<br\s*/?>|</p>\s*<p[^>]*>|</(?:div|li|h[1-6])>", re.IGNORECASE)
_HTML_TAG = re.compile(r"<[^>]*>")


@dataclass
class _Block:
    """The lines of one question (or category) between blank lines, comments blanked out."""

    first_line: int
    text: str
    tags: list[str]


def parse_gift(text: str) -> ParseResult:
    """Read the questions of a GIFT file; raise FormatError at the first malformed one."""
    questions: list[Question] = []
    skipped: list[Skipped] = []
    category: str | None = None
    for block in _blocks(text):
        body = block.text.strip()
        if not body:
            continue  # only comments
        if body.startswith("$CATEGORY:"):
            category = _unescape(body[len("$CATEGORY:"):]).strip() or None
            continue
        result = _read_question(block, category)
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            questions.append(result)
    return ParseResult(tuple(questions), tuple(skipped))


def _blocks(text: str) -> Iterator[_Block]:
    """Split text into blocks at blank lines; a comment line stays in its block, blanked, for line numbers."""
    lines: list[str] = []
    tags: list[str] = []
    first = 0
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped:
            if lines:
                yield _Block(first, "\n".join(lines), tags)
            lines, tags = [], []
            continue
        if not lines:
            first = number
        if stripped.startswith("//"):
            tags.extend(_TAG_COMMENT.findall(stripped))
            line = ""
        lines.append(line)
    if lines:
        yield _Block(first, "\n".join(lines), tags)


def _structure(text: str, chars: str) -> list[int]:
    """Return the offsets in text of the unescaped characters among chars."""
    return [m.start(2) for m in _TOKEN.finditer(text) if m.group(2) is not None and m.group(2) in chars]


def _unescape(text: str) -> str:
    """Replace GIFT's escapes by the characters they stand for; an unknown escape stays as written."""
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), text, flags=re.DOTALL)


def _text_format(raw: str, default: str = "moodle") -> str:
    """Return the format a piece of GIFT text is marked with ([html] …), else default."""
    mark = _FORMAT_MARK.match(raw.strip())
    return mark.group(1) if mark else default


def _plain(raw: str, default: str = "moodle") -> str:
    """Return a piece of GIFT text as plain text: format mark dropped (HTML made text), unescaped, trimmed.

    An answer or feedback without a mark has its question's format, as in Moodle.
    """
    raw = raw.strip()
    mark = _FORMAT_MARK.match(raw)
    if mark is not None:
        raw = raw[mark.end():]
    if (mark.group(1) if mark else default) == "html":
        raw = _HTML_TAG.sub("", _HTML_BREAK.sub("\n", raw))
        return html.unescape(_unescape(raw)).strip()
    return _unescape(raw).strip()


def _category_tag(path: str | None) -> str | None:
    """Make a GIFT category path a tag: Moodle's $course$-style roots and "top" dropped, levels joined by ::."""
    if not path:
        return None
    levels = [normalise_tag(level) for level in path.split("/")]
    levels = [level for level in levels if level and level != "top" and not re.fullmatch(r"\$\w+\$", level)]
    return "::".join(levels) or None


def _read_question(block: _Block, category: str | None) -> Question | Skipped:
    text = block.text

    def line_at(offset: int) -> int:
        return block.first_line + text.count("\n", 0, offset)

    start = len(text) - len(text.lstrip())
    line = line_at(start)
    title = None
    if text.startswith("::", start):
        colons = _structure(text, ":")
        closing = next((c for c, d in zip(colons, colons[1:], strict=False) if d == c + 1 and c >= start + 2), None)
        if closing is None:
            raise FormatError(line, N_("the title starts with :: but has no closing ::"))
        title = _plain(text[start + 2:closing]) or None
        start = closing + 2

    opens = [offset for offset in _structure(text, "{") if offset >= start]
    closes = [offset for offset in _structure(text, "}") if offset >= start]
    if not opens and not closes:
        return Skipped(line, N_("a description without answers {…}, which quizapp cannot ask"))
    if not opens or not closes or closes[0] < opens[0]:
        raise FormatError(line, N_("unbalanced braces: an answer block opens with { and closes with }"))
    if len(opens) > 1 or len(closes) > 1:
        raise FormatError(line_at(opens[-1]), N_("more than one answer block {…} in one question"))
    brace, end = opens[0], closes[0]
    after = text[end + 1:]
    if after.strip():
        question_raw = text[start:brace] + BLANK + after  # Moodle's missing-word form
    else:
        question_raw = text[start:brace]
    text_format = _text_format(question_raw)
    question = _plain(question_raw)
    answers = text[brace + 1:end]

    def plain(raw: str) -> str:
        return _plain(raw, text_format)

    general = ""
    hashes = _structure(answers, "#")
    fours = [h for h in hashes if all(h + i in hashes for i in range(4))]
    if fours:
        general = plain(answers[fours[-1] + 4:])
        answers = answers[:fours[-1]]

    def made(options: tuple[str, ...], answer: int, feedback: str) -> Question:
        explanation = "\n".join(part for part in (feedback, general) if part)
        tags = [*block.tags, _category_tag(category) or ""]
        return Question(
            question=question, options=options, answer=answer, explanation=explanation,
            tags=normalise_tags(tags), title=title, category=category, line=line,
        )

    body = answers.strip()
    if not body:
        return Skipped(line, N_("an essay question ({}), which quizapp cannot ask"))
    if body.startswith("#"):
        return Skipped(line, N_("a numerical question ({#…}), which quizapp cannot ask"))
    if _structure(answers, "~"):
        return _multiple_choice(answers, line, line_at(brace), plain, made)
    if _structure(answers, "=") and "->" in answers:
        return Skipped(line, N_("a matching question (=… -> …), which quizapp cannot ask"))
    pieces = _split_at(answers, "#", 2)
    if pieces[0].strip() in TRUE_FALSE:
        right_feedback = plain(pieces[2]) if len(pieces) > 2 else ""
        return made(TRUE_FALSE_OPTIONS, TRUE_FALSE[pieces[0].strip()], right_feedback)
    return Skipped(line, N_("a short-answer question (only = answers), which quizapp cannot ask"))


def _split_at(text: str, char: str, most: int) -> list[str]:
    """Split text at up to most unescaped occurrences of char."""
    cuts = _structure(text, char)[:most]
    bounds = [-1, *cuts, len(text)]
    return [text[a + 1:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _multiple_choice(
    answers: str,
    line: int,
    brace_line: int,
    plain: Callable[[str], str],
    made: Callable[[tuple[str, ...], int, str], Question],
) -> Question | Skipped:
    """Read {=right ~wrong …}; weights (~%50%) are allowed when exactly one answer is worth 100%."""
    marks = _structure(answers, "~=")
    if answers[:marks[0]].strip():
        raise FormatError(brace_line, N_("text before the first answer: each answer starts with = or ~"))
    options: list[str] = []
    weights: list[float] = []
    feedbacks: list[str] = []
    weighted = False
    for mark, next_mark in zip(marks, [*marks[1:], len(answers)], strict=True):
        piece = answers[mark + 1:next_mark]
        if answers[mark] == "=":
            weight = 100.0
        else:
            match = _WEIGHT.match(piece)
            weight = 0.0
            if match is not None:
                weighted = True
                weight = float(match.group(1))
                piece = piece[match.end():]
        option, *feedback = _split_at(piece, "#", 1)
        options.append(plain(option))
        feedbacks.append(plain(feedback[0]) if feedback else "")
        weights.append(weight)
    right = [index for index, weight in enumerate(weights) if weight == 100.0]
    if weighted and len(right) != 1:
        return Skipped(line, N_("a multiple-answer question (weights such as ~%%50%%), which quizapp cannot ask"))
    if not right:
        raise FormatError(line, N_("no right answer: mark the right option with ="))
    if len(right) > 1:
        raise FormatError(line, N_("%(count)d right answers (=): quizapp needs exactly one"), count=len(right))
    return made(tuple(options), right[0], feedbacks[right[0]])


# --- writing --------------------------------------------------------------------------------------------

_WRITE_ESCAPES = str.maketrans({c: "\\" + c for c in "\\~=#{}:"} | {"\n": "\\n", "\r": ""})


def _escape(text: str) -> str:
    """Write text so that GIFT reads it back as it is: reserved characters escaped, a format mark kept literal."""
    escaped = text.translate(_WRITE_ESCAPES)
    return "[plain]" + escaped if _FORMAT_MARK.match(text) else escaped


def write_gift(questions: Iterable[Question]) -> Iterator[str]:
    """Yield a GIFT file, one question at a time, each followed by a blank line."""
    yield "// quizapp question bank\n\n"
    for question in questions:
        yield gift_block(question) + "\n\n"


def gift_block(question: Question) -> str:
    """Return one question in GIFT: its tags as a comment, the text and its answers, the explanation last."""
    lines = []
    if question.tags:
        lines.append("// " + " ".join(f"[tag:{tag}]" for tag in question.tags))
    title = question.title
    if title is None and question.question.startswith("//"):
        title = " ".join(question.question.split())[:40]  # a line starting with // would be read as a comment
    head = f"::{_escape(title)}::" if title else ""
    lines.append(head + _escape(question.question) + "{")
    for index, option in enumerate(question.options):
        if index == question.answer:
            lines.append("\t=" + _escape(option))
        else:
            # ~%5%… would be read as a weight: an explicit 0% weight keeps a leading % as text
            lines.append("\t~" + ("%0%" if option.startswith("%") else "") + _escape(option))
    if question.explanation:
        lines.append("\t####" + _escape(question.explanation))
    lines.append("}")
    return "\n".join(lines)
