"""Questions as an Anki deck package (.apkg), written with genanki.

The model and deck ids are derived from fixed names, and each note's guid from its card's id, so that
importing a later export into Anki updates the same deck and notes instead of adding copies.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import sqlite3
import string
import tempfile
import time
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import genanki

from quizapp.services.bank.formats.model import Question

MODEL_NAME = "quizapp multiple choice"
FIELDS = ("Question", "Options", "Answer", "Explanation", "Source")
_FRONT = '<div class="question">{{Question}}</div>\n<ol class="options" type="A">{{Options}}</ol>'
_BACK = (
    '{{FrontSide}}\n<hr id="answer">\n<div class="answer">{{Answer}}</div>\n'
    '{{#Explanation}}<div class="explanation">{{Explanation}}</div>{{/Explanation}}\n'
    '{{#Source}}<div class="source">{{Source}}</div>{{/Source}}'
)
_CSS = (
    ".card { font-family: sans-serif; font-size: 20px; text-align: left; }\n"
    ".answer { font-weight: bold; }\n.explanation, .source { margin-top: 1em; }\n"
    ".source { font-size: 16px; color: #555; }"
)


@dataclass(frozen=True)
class AnkiNote:
    """A question with what Anki needs besides it: the card id its guid is made of, and where it comes from."""

    question: Question
    card_id: str
    source: str = ""


def stable_id(name: str) -> int:
    """Return an Anki model or deck id made from name: the same name always gives the same id."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def _html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def note_fields(question: Question, source: str) -> list[str]:
    """Return a note's fields as Anki shows them (HTML)."""
    options = "".join(f"<li>{_html(option)}</li>" for option in question.options)
    answer = f"{string.ascii_uppercase[question.answer]}. {_html(question.right_option)}"
    return [_html(question.question), options, answer, _html(question.explanation), _html(source)]


def model() -> genanki.Model:
    """Return the note type every exported note uses."""
    return genanki.Model(
        stable_id(MODEL_NAME),
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Multiple choice", "qfmt": _FRONT, "afmt": _BACK}],
        css=_CSS,
    )


def write_apkg(notes: Iterable[AnkiNote], deck_key: str, deck_name: str, path: str | Path) -> int:
    """Write the notes as one Anki deck to path; deck_key (not the shown name) fixes the deck id. Return the count."""
    note_model = model()
    deck = genanki.Deck(stable_id(f"quizapp deck {deck_key}"), deck_name)
    count = 0
    for note in notes:
        deck.add_note(
            genanki.Note(
                model=note_model,
                fields=note_fields(note.question, note.source),
                guid=genanki.guid_for("quizapp", note.card_id),
                tags=list(note.question.tags),
            )
        )
        count += 1
    _write_package(genanki.Package(deck), Path(path))
    return count


def _write_package(package: genanki.Package, path: Path) -> None:
    """Write package to path as Package.write_to_file does, but without leaving its database in the temp folder."""
    now = time.time()
    with tempfile.TemporaryDirectory(prefix="quizapp-anki-") as folder:
        collection = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(collection)
        try:
            package.write_to_db(connection.cursor(), now, itertools.count(int(now * 1000)))
            connection.commit()
        finally:
            connection.close()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(collection, "collection.anki2")
            archive.writestr("media", "{}")
