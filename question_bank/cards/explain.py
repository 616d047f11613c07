"""Explanations that tell the student something the source sentence does not: who else, which outlet, what office.

Each richer template falls back to the pack's plain one when the pack lacks it or the corpus has nothing to add.
"""

from __future__ import annotations

from question_bank.lang import LanguagePack
from question_bank.merge import Corpus
from question_bank.model import MergedFact

#: Other members an explanation names at most.
MAX_OTHERS = 5


def explain(pack: LanguagePack, plain: str, richer: str | None = None, **fields: str | None) -> str:
    """Fill the richer template if the pack has it and every field it needs is known, else the plain one."""
    known = {name: value for name, value in fields.items() if value}
    template = pack.templates.get(richer) if richer else None
    if template:
        try:
            return template.format(**known)
        except KeyError:
            pass  # a field the richer template needs is unknown: say what is known
    return pack.templates[plain].format(**known)


def others(names: list[str], pack: LanguagePack, most: int = MAX_OTHERS) -> str | None:
    """Name up to `most` items in order as the pack joins a list ("A, B, dan C"), or None if there are none."""
    shown = names[:most]
    if len(shown) < 2 or "list_joined" not in pack.templates:
        return ", ".join(shown) or None
    return pack.templates["list_joined"].format(items=", ".join(shown[:-1]), last=shown[-1])


def source_name(fact: MergedFact, corpus: Corpus) -> str | None:
    """Name the article that first states a fact by its outlet or headline; None where it has neither."""
    article = corpus.article(fact.first.sentence.file)
    if article.outlet:
        return article.outlet
    return f"“{article.headline}”" if article.headline else None
