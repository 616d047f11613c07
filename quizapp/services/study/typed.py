"""Check a typed answer against a card's: what counts as the same answer, and how the two differ.

Pure: no database, no Flask. The language knowledge comes from question_bank's language packs: the names a
country goes by (the seeds write "Belarus" and "Belarusia", "Kirgizstan", "Kyrgyzstan" and "Kirgistan" for
the same countries), number words, and the family name a person is called by.

The verdicts, in order of trust:
    exact     the answer, ignoring case, accents, punctuation and spacing
    accepted  another way of writing the same thing: a spelling of the country, a person's family name, a
              number in words, or another value the articles state for the same fact
    close     a small typo (Damerau-Levenshtein, allowance scaled to the length) of one of the above; never one
              that changes a digit, names another known country, or is as near to a wrong option
    wrong     anything else
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

import fsrs
from rapidfuzz.distance import DamerauLevenshtein

from question_bank.entities import country_name, is_person_name, person_key
from question_bank.lang import LanguagePack, get_pack, languages
from question_bank.text import fold

#: The longest typed answer the service reads; anything beyond is cut (an answer is a name, a date, a number).
MAX_TYPED_CHARS = 200


class Verdict(enum.StrEnum):
    """How a typed answer compares with the card's."""

    EXACT = "exact"
    ACCEPTED = "accepted"
    CLOSE = "close"
    WRONG = "wrong"


class Why(enum.StrEnum):
    """Why an answer that is not the card's text was accepted (or close to an accepted one)."""

    SPELLING = "spelling"  # another spelling of the same country, or a number written in words
    SHORT_FORM = "short_form"  # the family name of the person
    ALSO_RIGHT = "also_right"  # another value the articles state for the same fact


@dataclass(frozen=True)
class DiffPart:
    """One run of the character diff: text kept, typed but not in the answer, or in the answer but not typed."""

    op: str  # "equal", "extra" (typed, not in the answer) or "missing" (in the answer, not typed)
    text: str


@dataclass(frozen=True)
class TypedMatch:
    """The verdict on a typed answer, what it was taken as, and its difference from the answer."""

    verdict: Verdict
    typed: str
    answer: str  # the card's right answer, as the card writes it
    matched: str | None  # the form the typed text was taken as (the answer, a spelling, a family name, …)
    why: Why | None  # set when matched is not the answer itself
    diff: tuple[DiffPart, ...]  # typed against matched (or against the answer when wrong)
    wrong_option: int | None = None  # the position of the wrong option the typed text names, if it names one

    @property
    def correct(self) -> bool:
        """Tell whether the answer counts as right (a typo included)."""
        return self.verdict is not Verdict.WRONG


def normalise(text: str) -> str:
    """Fold case, accents, punctuation, hyphens and spacing away: the form two answers are compared in."""
    return "".join(fold(text).replace("-", " ").split())


def typo_allowance(key: str) -> int:
    """Return how many edits a typo of this normalised answer may make: none up to 3 letters, then 1 per 5."""
    return 0 if len(key) <= 3 else 1 + (len(key) - 4) // 5 if len(key) < 14 else 3


def _digits(key: str) -> str:
    return "".join(ch for ch in key if ch.isdigit())


@dataclass(frozen=True)
class _Form:
    """A written form that counts as the answer, why, and what to show it as."""

    key: str
    shown: str
    why: Why | None


def _pack(language: str) -> LanguagePack | None:
    return get_pack(language) if language in languages() else None


@lru_cache(maxsize=8)
def _country_spellings(pack: LanguagePack) -> dict[str, tuple[str, ...]]:
    """Return, by canonical country name, every folded name the pack knows it by."""
    names: dict[str, list[str]] = {}
    for variant, canonical in pack.countries.items():
        names.setdefault(canonical, []).append(variant)
    return {canonical: tuple(sorted(set(variants))) for canonical, variants in names.items()}


def _shown_like(variant: str, model: str) -> str:
    """Write a folded variant with the capitals of the answer it stands for ("kirgistan" -> "Kirgistan")."""
    return variant.title() if model[:1].isupper() else variant


def _forms_of(value: str, pack: LanguagePack | None, why: Why | None) -> list[_Form]:
    """Return value and the other ways the pack knows of writing the same thing."""
    forms = [_Form(normalise(value), value, why)]
    if pack is None:
        return forms
    spelling = why or Why.SPELLING
    country = country_name(value, pack)
    if country is not None:
        forms += [_Form(normalise(v), _shown_like(v, value), spelling) for v in _country_spellings(pack)[country]]
        forms.append(_Form(normalise(country), country, spelling))
    key = normalise(value)
    forms += [_Form(normalise(word), word, spelling) for word, n in pack.number_words.items() if str(n) == key]
    if is_person_name(value, pack) and len(value.split()) > 1:
        family = person_key(value)
        forms.append(_Form(normalise(family), family.title(), why or Why.SHORT_FORM))
    return forms


def _diff(typed: str, expected: str) -> tuple[DiffPart, ...]:
    """Return the character diff of typed against expected, blind to case and accents as the verdict is."""

    def keys(text: str) -> list[str]:
        return [fold(ch) or ch for ch in text.casefold()] if len(text.casefold()) == len(text) else list(text)

    parts: list[DiffPart] = []
    matcher = SequenceMatcher(None, keys(typed), keys(expected), autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(DiffPart("equal", typed[i1:i2]))
            continue
        if i2 > i1:
            parts.append(DiffPart("extra", typed[i1:i2]))
        if j2 > j1:
            parts.append(DiffPart("missing", expected[j1:j2]))
    return tuple(parts)


def match_typed(
    typed: str,
    answer: str,
    wrong_options: Sequence[str] = (),
    language: str = "en",
    also_written: Iterable[str] = (),
    also_right: Iterable[str] = (),
) -> TypedMatch:
    """Judge a typed answer against the card's answer and wrong options.

    also_written: other ways the articles write the answer (the fact's value as stated, "enam" for "6");
    also_right: other values the articles state for the same fact (another member of the same alliance).
    """
    typed = typed.strip()[:MAX_TYPED_CHARS]
    pack = _pack(language)
    key = normalise(typed)
    forms = _forms_of(answer, pack, None)
    for value in also_written:
        forms += _forms_of(value, pack, Why.SPELLING)
    answer_keys = {form.key for form in forms if form.why is not Why.SHORT_FORM}
    wrong_forms = [
        (position, form)
        for position, option in enumerate(wrong_options)
        for form in _forms_of(option, pack, None)
        if form.key not in answer_keys
    ]
    wrong_keys = {form.key for _position, form in wrong_forms}
    for value in also_right:
        forms += [form for form in _forms_of(value, pack, Why.ALSO_RIGHT) if form.key not in wrong_keys]
    # a family name the answer shares with a wrong option is no answer: it is dropped from the answer's forms
    forms = [form for form in forms if form.key and (form.why is not Why.SHORT_FORM or form.key not in wrong_keys)]

    if not key:
        return _verdict(Verdict.WRONG, typed, answer, None)
    if key == normalise(answer):
        return TypedMatch(Verdict.EXACT, typed, answer, answer, None, (DiffPart("equal", typed),))
    same = next((form for form in forms if form.key == key), None)
    if same is not None:
        return _verdict(Verdict.ACCEPTED, typed, answer, same)
    named = next((position for position, form in wrong_forms if form.key == key), None)
    if named is not None:
        return _verdict(Verdict.WRONG, typed, answer, None, named)
    if pack is not None and country_name(typed, pack) is not None:
        return _verdict(Verdict.WRONG, typed, answer, None)  # another country, rightly spelt, is no typo
    near = _nearest_typo(key, forms, [form for _position, form in wrong_forms])
    return _verdict(Verdict.CLOSE if near else Verdict.WRONG, typed, answer, near)


def _verdict(
    verdict: Verdict, typed: str, answer: str, form: _Form | None, wrong_option: int | None = None
) -> TypedMatch:
    """Build the match, with the diff against the form the typed text was taken as (the answer when wrong)."""
    shown = form.shown if form is not None else answer
    return TypedMatch(
        verdict, typed, answer, shown if form is not None else None, form.why if form is not None else None,
        _diff(typed, shown), wrong_option,
    )


def _nearest_typo(key: str, forms: list[_Form], wrong_forms: list[_Form]) -> _Form | None:
    """Return the accepted form key is a small typo of, if it is nearer to it than to every wrong option."""
    best: tuple[int, _Form] | None = None
    for form in forms:
        allowed = typo_allowance(form.key)
        if not allowed or _digits(form.key) != _digits(key):
            continue  # a short answer or a number: one letter or digit off is another answer
        distance = DamerauLevenshtein.distance(key, form.key, score_cutoff=allowed)
        if distance <= allowed and (best is None or distance < best[0]):
            best = (distance, form)
    if best is None:
        return None
    nearest_wrong = min((DamerauLevenshtein.distance(key, form.key) for form in wrong_forms), default=None)
    if nearest_wrong is not None and nearest_wrong <= best[0]:
        return None  # as near to a wrong option: the student may well have meant it
    return best[1]


# --- what a typed answer is worth -------------------------------------------------------------------

#: A typed right answer within this, plus TYPING_MS_PER_CHAR per character of the answer, rates Easy.
TYPED_EASY_BASE_MS = 5_000
#: The time a student takes to type one character of the answer (about 40 words a minute).
TYPING_MS_PER_CHAR = 300
#: A typed answer slower than this is rated as untimed: the student was away, not slow.
TYPED_AWAY_AFTER_MS = 5 * 60 * 1000


def typed_easy_ms(answer: str) -> int:
    """Return the time under which a right answer typed for this answer rates Easy."""
    return TYPED_EASY_BASE_MS + TYPING_MS_PER_CHAR * len(answer)


def typed_rating(match: TypedMatch, elapsed_ms: int | None) -> fsrs.Rating:
    """Rate a typed answer: recall, with no option to guess from.

    Wrong -> Again; a typo accepted -> Hard; right -> Good, or Easy when typed within typed_easy_ms of the
    answer (the card's own text or a spelling of it; another value of the fact is never Easy).
    """
    if match.verdict is Verdict.WRONG:
        return fsrs.Rating.Again
    if match.verdict is Verdict.CLOSE:
        return fsrs.Rating.Hard
    fast = elapsed_ms is not None and elapsed_ms <= min(typed_easy_ms(match.answer), TYPED_AWAY_AFTER_MS)
    return fsrs.Rating.Easy if fast and match.why is not Why.ALSO_RIGHT else fsrs.Rating.Good
