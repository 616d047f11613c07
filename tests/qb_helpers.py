"""Shared helpers for the question_bank tests: the project's own seed articles and small parsers."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from question_bank import Article, Card, Sentence, generate, load_article

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "seeds"

#: short name -> file name of each seed article
SEED_FILES = {
    "000": "000_04f9de304a433e34.txt",
    "001": "001_e93b1a53fa8a29f7.txt",
    "002": "002_27d0a3832e547fcc.txt",
    "003": "003_2d129ffc0313dd5f.txt",
    "004": "004_f6b42c70447817cf.txt",
}

#: what the seeds say, written out by hand (not read from the code under test)
CSTO_MEMBERS = frozenset({"Armenia", "Belarus", "Kazakhstan", "Kirgizstan", "Rusia", "Tajikistan"})
CSTO_FORMER_MEMBERS = frozenset({"Azerbaijan", "Georgia", "Uzbekistan"})

#: how page furniture in the seeds (and on the outlets' pages) begins
FURNITURE_STARTS = (
    "menu", "baca juga", "editor", "bagikan artikel", "you may also like", "more from author",
    "+ there are no comments", "add yours", "estimated read time", "kredit foto", "mau berita terbaru",
    "social media", "about us",
)

_FURNITURE = re.compile("^(?:" + "|".join(re.escape(f) for f in FURNITURE_STARTS) + r")(?!\w)", re.IGNORECASE)

MONTHS = {
    "januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7, "agustus": 8,
    "september": 9, "oktober": 10, "november": 11, "desember": 12,
}
NUMBER_WORDS = {"dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8}


def starts_with_furniture(text: str) -> bool:
    """Say whether a text begins as page furniture does ("Baca Juga:", "Editor: …", "Menu")."""
    return bool(_FURNITURE.match(text.strip()))


def seed_path(short: str) -> Path:
    """Return the path of a seed article by its short name ("000")."""
    return SEEDS / SEED_FILES[short]


def seed_text(short: str) -> str:
    """Return a seed article's raw text."""
    return seed_path(short).read_text(encoding="utf-8")


@cache
def load_seed(short: str) -> Article:
    """Load one seed article (cached: articles are frozen)."""
    path = seed_path(short)
    return load_article(path.name, path.read_bytes())


def seed_articles() -> tuple[Article, ...]:
    """Load all five seed articles, in file order."""
    return tuple(load_seed(short) for short in sorted(SEED_FILES))


@cache
def seed_cards(include_disputed: bool = False) -> tuple[Card, ...]:
    """Generate the cards of the five seeds once per test run; tests must not mutate them."""
    return tuple(generate(seed_articles(), include_disputed=include_disputed))


def inline_article(text: str, file: str = "inline.txt") -> Article:
    """Load an article written inline in a test."""
    return load_article(file, text.encode("utf-8"))


def sentence_with(article: Article, fragment: str) -> Sentence:
    """Return the one sentence of an article that contains a fragment."""
    found = [s for s in article.sentences if fragment in s.text]
    assert len(found) == 1, f"{fragment!r} is in {len(found)} sentences of {article.file}"
    return found[0]


def in_file_verbatim(file: str, sentence: str) -> bool:
    """Say whether a sentence stands, character for character, on one line of a seed file."""
    path = SEEDS / file
    return any(sentence in " ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines())


def date_key(text: str) -> str | None:
    """Read a date as written in an article or an option, at its own precision ("2022-11-27")."""
    slash = re.search(r"\((\d{1,2})/(\d{1,2})/(\d{4})\)", text)
    if slash:
        day, month, year = (int(g) for g in slash.groups())
        return f"{year:04d}-{month:02d}-{day:02d}"
    dmy = re.search(r"\b(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\b", text)
    if dmy and dmy.group(2).lower() in MONTHS:
        return f"{int(dmy.group(3)):04d}-{MONTHS[dmy.group(2).lower()]:02d}-{int(dmy.group(1)):02d}"
    my = re.search(r"\b([A-Za-z]+)\s+(\d{4})\b", text)
    if my and my.group(1).lower() in MONTHS:
        return f"{int(my.group(2)):04d}-{MONTHS[my.group(1).lower()]:02d}"
    if re.fullmatch(r"\d{4}", text.strip()):
        return text.strip()
    return None


def number_value(text: str) -> float | None:
    """Read a number as written in an article ("enam", "3.380", "ke-10") or an option ("6", "2,5")."""
    text = text.strip().lower()
    if re.fullmatch(r"ke-\d+", text):
        text = text[3:]  # an ordinal ("bulan ke-10") is asked as written
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return float(text.replace(".", ""))
    if re.fullmatch(r"\d+(?:,\d+)?", text):
        return float(text.replace(",", "."))
    return None
