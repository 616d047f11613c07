"""How sure the generator is of a card: a few simple doubts, each a documented factor, multiplied.

Two kinds of doubt. Doubts about the fact (was it read right?) weigh half as much when a second article
states it too. Doubts about the question (does it stand alone, are its wrong options surely wrong?) do not
depend on how many articles state the fact. A card with no doubt has confidence 1.0; below
`question_bank.model.DRAFT_BELOW` it is a draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache

from question_bank.extract.dates import deictic_opener
from question_bank.lang import LanguagePack

#: doubt -> the factor it multiplies confidence by; one doubt alone never makes a draft, two mostly do
FACTORS = {
    # about the fact
    "single_phrase": 0.85,  # a member named in a passing phrase ("anggota CSTO Kazakhstan"), not in a list
    "qualified_elsewhere": 0.85,  # an office whose country another sentence gives ("Presiden" -> "Presiden Rusia")
    "continued_speaker": 0.8,  # a quotation credited to the speaker of an earlier sentence ("-nya", a quote alone)
    "corrected": 0.75,  # a country read from a misspelling in a list ("Tukri" -> Turki)
    # about the question
    # a cloze whose sentence points back ("Hal ini …", "Survei tersebut …", "… menyampaikan hal itu …") does not
    # stand alone: a draft, until an instructor rewrites or approves it
    "leans_on_context": 0.45,
    "cut_quote": 0.9,  # a quotation too long to show whole in the question
    "unverified_outsiders": 0.75,  # wrong countries from CLDR where the corpus does not give the whole membership
    "outside_people": 0.9,  # wrong people from the caller's pool, not from the corpus
}
#: A card with only three options (the pool gave two wrong ones) is easier to guess.
THREE_OPTIONS = 0.85
#: The options a card has when its pool is large enough.
FULL_OPTIONS = 4
_ABOUT_THE_FACT = frozenset({"single_phrase", "qualified_elsewhere", "continued_speaker", "corrected"})


@dataclass(frozen=True)
class Doubts:
    """What the generator found doubtful about one card; every field names a factor of FACTORS."""

    single_phrase: bool = False
    qualified_elsewhere: bool = False
    continued_speaker: bool = False
    corrected: bool = False
    leans_on_context: bool = False
    cut_quote: bool = False
    unverified_outsiders: bool = False
    outside_people: bool = False

    def names(self) -> tuple[str, ...]:
        """Return the doubts that hold, in FACTORS order."""
        return tuple(name for name in _NAMES if getattr(self, name))


_NAMES = tuple(f.name for f in fields(Doubts))
#: The doubts of a card the generator is sure of.
NO_DOUBT = Doubts()


def confidence(doubts: Doubts, articles: int = 1, options: int = FULL_OPTIONS) -> float:
    """Combine a card's doubts into a confidence from 0 to 1.

    `articles` is how many articles state the card's fact, `options` how many options the card offers.
    """
    about_fact = 1.0
    about_question = THREE_OPTIONS if options < FULL_OPTIONS else 1.0
    if doubts == NO_DOUBT:
        return about_question
    for name in doubts.names():
        if name in _ABOUT_THE_FACT:
            about_fact *= FACTORS[name]
        else:
            about_question *= FACTORS[name]
    if articles > 1:  # a second article reading the same fact halves the doubt that it was misread
        about_fact = 1 - (1 - about_fact) / 2
    return about_fact * about_question


@lru_cache(maxsize=4096)
def leans_on_context(sentence: str, pack: LanguagePack) -> bool:
    """Say whether a sentence opens by pointing back to the one before, so a cloze of it does not stand alone."""
    words = _opening_words(sentence)
    if _anaphora(pack) is not None and _anaphora(pack).search(sentence):
        return True  # "Kepala BPS menyampaikan hal itu …": what "that" is stands in another sentence
    if _points_back(words, pack):
        return True
    # "Namun, hal ini …": look again past a short connective that ends with a comma
    if "," in words[:4]:
        return _points_back(words[words.index(",") + 1:], pack)
    return False


# a word, or a mark that ends a clause; the first dozen tokens hold any opening that points back
_TOKEN = re.compile(r"[\w’'-]+|[,;:]")


def _opening_words(sentence: str) -> list[str]:
    return _TOKEN.findall(sentence[:100].lower())[:12]


def _points_back(words: list[str], pack: LanguagePack) -> bool:
    phrase = " ".join(w for w in words if w not in ",;:") + " "
    if phrase.startswith(_openers(pack)):
        return True
    fallback = _deictic_opener(pack)
    if fallback is not None:
        return fallback.match(phrase) is not None
    # "Survei tersebut melibatkan …", "Pertemuan puncak itu dihadiri …": a demonstrative closing the opening noun
    # phrase; one followed by a comma closes a connective instead ("Selain itu, …")
    for n in (1, 2):
        if len(words) > n + 1 and words[n] in pack.trailing_demonstratives and words[n + 1] not in ",;:":
            return all(w not in ",;:" for w in words[:n])
    return False


@lru_cache(maxsize=8)
def _anaphora(pack: LanguagePack) -> re.Pattern[str] | None:
    """Return the pack's pattern of a phrase that refers to another sentence wherever it stands, if it has one."""
    pattern = pack.patterns.get("anaphora")
    return re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE) if pattern else None


def _deictic_opener(pack: LanguagePack) -> re.Pattern[str] | None:
    """Return the pack's pattern of a pointing-back opening that dates.py reads, for a pack without openers of its own.

    The openers and trailing demonstratives say it more closely (a demonstrative before a comma closes a
    connective, "Selain itu, …"); a pack that has not listed them yet still has its sentences checked.
    """
    if pack.context_dependent_openers or pack.trailing_demonstratives or "deictic_opener" not in pack.patterns:
        return None
    return deictic_opener(pack)


@lru_cache(maxsize=8)
def _openers(pack: LanguagePack) -> tuple[str, ...]:
    """Return the openers as whole words: each followed by a space, as the opening phrase is."""
    return tuple(o.lower() + " " for o in pack.context_dependent_openers)
