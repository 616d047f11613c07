"""Score generated cards against a gold list of the facts a careful reader finds in the test articles.

A card is right when a gold fact of its kind, in its file, has its answer as value and is stated in the
card's source sentence, and when none of its wrong options is also true for that subject. Precision is the
share of cards that are right; recall the share of required gold facts that a right card asks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from question_bank import Card
from question_bank.lang import get_pack, languages
from question_bank.text import fold

_DIGITS = re.compile(r"\d[\d.,]*")
_SCALES = {"ribu": 1e3, "thousand": 1e3, "juta": 1e6, "million": 1e6, "miliar": 1e9, "billion": 1e9,
           "triliun": 1e12, "trillion": 1e12}
_WORDS = re.compile(r"\w+")


@dataclass
class Score:
    """How a set of cards fares against a gold list."""

    cards: int = 0
    right: int = 0
    required: int = 0
    covered: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    #: kind -> [covered, required]
    by_kind: dict[str, list[int]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        """Return the share of cards that are right."""
        return self.right / self.cards if self.cards else 1.0

    @property
    def recall(self) -> float:
        """Return the share of required gold facts a right card asks."""
        return self.covered / self.required if self.required else 1.0


def read_gold(*paths: Path) -> list[dict]:
    """Read gold facts from JSONL files."""
    return [json.loads(line) for path in paths for line in path.read_text("utf-8").splitlines() if line.strip()]


def _country(text: str) -> str:
    key = fold(text)
    key = re.sub(r"^the ", "", key)
    for code in languages():
        countries = get_pack(code).countries
        if key in countries:
            return fold(get_pack("id").countries.get(fold(countries[key]), countries[key]))
    return key


def _number(text: str) -> float | None:
    lowered = text.lower()
    m = _DIGITS.search(lowered)
    if not m:
        return None
    raw = m.group(0).rstrip(".,")
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", raw):
        figure = float(re.sub(r"[.,]", "", raw))
    else:
        figure = float(raw.replace(",", "."))
    after = lowered[m.end():].split()
    return figure * (_SCALES.get(after[0], 1) if after else 1)


def _date(text: str) -> tuple[int | None, int | None, int | None]:
    words = _WORDS.findall(fold(text))
    months = {**get_pack("id").months, **get_pack("en").months}
    year = next((int(w) for w in words if len(w) == 4 and w.isdigit()), None)
    month = next((months[w] for w in words if w in months), None)
    day = next((int(w) for w in words if w.isdigit() and len(w) <= 2), None)
    slash = re.search(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?", text)
    if slash:
        day, month = int(slash.group(1)), int(slash.group(2))
        year = int(slash.group(3)) if slash.group(3) else year
    return year, month, day


def same_value(kind: str, a: str, b: str) -> bool:
    """Say whether two values of a kind are the same: one country, one person, one date or one number."""
    if kind in ("member", "former_member"):
        return _country(a) == _country(b)
    if kind in ("role", "speaker"):
        return fold(a).split()[-1:] == fold(b).split()[-1:]
    if kind == "date":
        if re.search(r"\d{4}\s*[-–]\s*\d{4}", a + b):
            return re.sub(r"\s", "", a) == re.sub(r"\s", "", b)
        da, db = _date(a), _date(b)
        parts = zip(da[1:], db[1:], strict=True)
        return da[0] == db[0] and all(x == y for x, y in parts if x is not None and y is not None)
    if kind == "number":
        na, nb = _number(a), _number(b)
        if na is None or nb is None:
            return fold(a) == fold(b)
        return abs(na - nb) < 1e-6 * max(abs(na), 1)
    return fold(a) == fold(b)


def _holds(kind: str, value: str, row: dict) -> bool:
    return any(same_value(kind, value, v) for v in [row["value"], *row.get("also", ())])


def _overlap(a: str, b: str) -> float:
    ta, tb = ({w for w in _WORDS.findall(fold(x)) if len(w) > 2} for x in (a, b))
    return len(ta & tb) / min(len(ta), len(tb)) if ta and tb else 0.0


def _same_subject(kind: str, a: str, b: str) -> bool:
    if kind in ("member", "former_member"):
        return a.strip().lower() == b.strip().lower()  # OPEC+ is not OPEC: fold() would drop the sign
    if kind == "speaker":
        return _overlap(a, b) >= 0.6
    wa, wb = (set(_WORDS.findall(fold(x))) for x in (a, b))
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _stated_in(row: dict, card: Card) -> bool:
    return any(s.file == row["file"] and _overlap(row["evidence"], s.sentence) >= 0.6 for s in card.sources)


def score(cards: Iterable[Card], gold: list[dict], alone: bool = False) -> Score:
    """Score cards against gold facts; `alone` when each article was read alone, so no dispute could be seen."""
    if alone:
        gold = [{**g, "optional": True} if g.get("disputed") else g for g in gold]
    result = Score()
    right: list[Card] = []
    for card in cards:
        result.cards += 1
        answer = card.options[card.answer]
        negated = card.fact.get("negated", False)
        rows = [g for g in gold if g["kind"] == card.kind and _stated_in(g, card)]
        support = [g for g in rows if negated or _holds(card.kind, answer, g)]
        if not support:
            result.wrong.append(f"unsupported {card.kind}: {card.question[:90]} -> {answer}")
            continue
        # one sentence may state two facts of a kind for one value (two offices of one person): the card's own
        # subject decides which it asks
        asked = f"{card.question} {card.fact.get('subject', '')}"
        subject = max(support, key=lambda g: _overlap(g["subject"], asked))["subject"]
        true = [g for g in gold if g["kind"] == card.kind and _same_subject(card.kind, g["subject"], subject)]
        wrong = [o for i, o in enumerate(card.options) if i != card.answer]
        if negated:
            wrong = [answer]  # the odd one out must not be a member
        false_told = [o for o in wrong if any(_holds(card.kind, o, g) for g in true)]
        if false_told:
            result.wrong.append(f"true wrong option {false_told} in {card.kind}: {card.question[:80]}")
            continue
        right.append(card)
    result.right = len(right)
    for row in gold:
        if row.get("optional"):
            continue
        result.required += 1
        tally = result.by_kind.setdefault(row["kind"], [0, 0])
        tally[1] += 1
        if any(c.kind == row["kind"] and not c.fact.get("negated") and _holds(c.kind, c.options[c.answer], row)
               and _stated_in(row, c) for c in right):
            result.covered += 1
            tally[0] += 1
        else:
            result.missed.append(f"{row['file']} {row['kind']}: {row['subject']} = {row['value']}")
    return result
