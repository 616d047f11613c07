"""Language packs: the words each stage needs, one pack per language."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from question_bank.lang.pack import LanguagePack

_WORD = re.compile(r"[^\W\d_]+")
#: How much of an article is read to tell its language: a few hundred words tell it as well as all of them.
_SAMPLE_CHARS = 2000


@cache
def _packs() -> dict[str, LanguagePack]:
    from question_bank.lang import english, indonesian

    return {"id": indonesian.PACK, "en": english.PACK}


def languages() -> tuple[str, ...]:
    """Return the codes of the languages that have a pack."""
    return tuple(sorted(_packs()))


def get_pack(code: str) -> LanguagePack:
    """Return the language pack for an ISO 639-1 code; raise KeyError naming the known codes."""
    try:
        return _packs()[code]
    except KeyError:
        raise KeyError(f"no language pack for {code!r} (known: {', '.join(languages())})") from None


def detect_language(text: str, default: str = "id") -> str:
    """Tell a text's language by which pack's common words it uses most; `default` when none is used."""
    counts = Counter(_WORD.findall(text[:_SAMPLE_CHARS].lower()))
    scores = {code: sum(counts[w] for w in pack.common_words.intersection(counts)) for code, pack in _packs().items()}
    best = max(scores.values(), default=0)
    if best == 0:
        return default
    return default if scores.get(default) == best else max(sorted(scores), key=scores.__getitem__)


__all__ = ["LanguagePack", "detect_language", "get_pack", "languages"]
