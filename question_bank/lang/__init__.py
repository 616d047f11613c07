"""Language packs: the words each stage needs, one pack per language."""

from __future__ import annotations

from question_bank.lang.pack import LanguagePack


def get_pack(code: str) -> LanguagePack:
    """Return the language pack for an ISO 639-1 code; raise KeyError naming the known codes."""
    from question_bank.lang import indonesian

    packs = {"id": indonesian.PACK}
    try:
        return packs[code]
    except KeyError:
        raise KeyError(f"no language pack for {code!r} (known: {', '.join(sorted(packs))})") from None


__all__ = ["LanguagePack", "get_pack"]
