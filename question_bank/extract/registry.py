"""The registry of fact extractors by kind."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from question_bank.extract.context import ArticleContext
from question_bank.lang import LanguagePack
from question_bank.model import Article, Fact

Extractor = Callable[[ArticleContext], Iterable[Fact]]

#: kind name -> extractor; an extractor may yield facts of related kinds (member and former_member)
EXTRACTORS: dict[str, Extractor] = {}


def extractor(name: str) -> Callable[[Extractor], Extractor]:
    """Register a function as the extractor called `name`."""

    def register(func: Extractor) -> Extractor:
        EXTRACTORS[name] = func
        return func

    return register


def extract_facts(article: Article, pack: LanguagePack, kinds: Sequence[str] | None = None) -> list[Fact]:
    """Run the registered extractors (or only `kinds`) over one article, in sentence order."""
    context = ArticleContext.of(article, pack)
    facts: list[Fact] = []
    for name in kinds or sorted(EXTRACTORS):
        facts.extend(EXTRACTORS[name](context))
    facts.sort(key=lambda f: (f.sentence.index, f.span or (0, 0), f.kind))
    return facts
