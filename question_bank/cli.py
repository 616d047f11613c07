"""Command line: `python -m question_bank generate PATH... --format jsonl|text`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from question_bank.lang import languages
from question_bank.model import DRAFT_BELOW, Card
from question_bank.pipeline import generate, read_articles

_LETTERS = "ABCDEFGH"


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; return the exit status (non-zero if any file failed)."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = argparse.ArgumentParser(prog="python -m question_bank", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    gen = commands.add_parser("generate", help="generate cards from article files or folders")
    gen.add_argument("paths", nargs="+", metavar="PATH", help="an article .txt file or a folder of them")
    gen.add_argument("--format", choices=("jsonl", "text"), default="text", help="output format (default: text)")
    gen.add_argument("--include-disputed", action="store_true",
                     help="also serve facts the articles disagree on, each attributed to its source")
    gen.add_argument("--include-drafts", action="store_true",
                     help=f"also print the cards the generator is unsure of (confidence below {DRAFT_BELOW}), "
                          "each marked as a draft")
    gen.add_argument("--known-people", metavar="FILE",
                     help="a UTF-8 file of people's names, one a line: wrong options for office and quotation "
                          "questions where the articles name too few people")
    gen.add_argument("--language", default="auto",
                     help=f"language of the articles: {', '.join(languages())}, or auto for each article's own "
                          "(default: auto)")
    args = parser.parse_args(argv)
    try:
        known_people = _read_names(args.known_people) if args.known_people else []
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: {args.known_people}: cannot read the names ({exc})", file=err)
        return 2

    try:
        result = read_articles(args.paths, language=None if args.language == "auto" else args.language)
    except KeyError as exc:  # an unknown language code
        print(f"error: {exc.args[0]}", file=err)
        return 2
    for error in result.errors:
        print(f"error: {error.file}: {error.reason}", file=err)
    try:
        cards = generate(result.articles, include_disputed=args.include_disputed, known_people=known_people)
    except Exception as exc:  # a generator bug must still reach the user as a message, not a traceback
        print(f"error: generating cards failed ({type(exc).__name__}: {exc}); please report this", file=err)
        return 3
    shown = cards if args.include_drafts else [card for card in cards if not card.is_draft]
    write = _write_jsonl if args.format == "jsonl" else _write_text
    write(shown, out)
    if args.format == "text" and len(shown) < len(cards):
        out.write(f"drafts not shown: {len(cards) - len(shown)} (--include-drafts prints them)\n")
    if not result.articles:
        print("error: no article could be read", file=err)
    return 1 if result.errors or not result.articles else 0


def _read_names(path: str) -> list[str]:
    with open(path, encoding="utf-8") as names:
        return [line.strip() for line in names if line.strip()]


def _write_jsonl(cards: list[Card], out: TextIO) -> None:
    for card in cards:
        data = card.to_dict()
        if card.is_draft:
            data["draft"] = True
        out.write(json.dumps(data, ensure_ascii=False) + "\n")


def _write_text(cards: list[Card], out: TextIO) -> None:
    for number, card in enumerate(cards, 1):
        draft = " (draft)" if card.is_draft else ""
        out.write(f"[{number}] {card.kind}  confidence {card.confidence:.2f}{draft}  ({card.id})\n{card.question}\n")
        for i, option in enumerate(card.options):
            mark = "*" if i == card.answer else " "
            out.write(f" {mark} {_LETTERS[i]}. {option}\n")
        for source in card.sources:
            outlet = f"{source.outlet}, " if source.outlet else ""
            out.write(f"   Source ({outlet}{source.file}): {source.sentence}\n")
        out.write("\n")
    out.write(f"{len(cards)} cards\n")
