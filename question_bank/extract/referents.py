"""Which organisation a phrase means when it names none ("joined in 1984", "left the bloc", "Its members are")."""

from __future__ import annotations

import re
from functools import lru_cache

from question_bank.entities import OrgMention, organisations_in
from question_bank.extract.context import ArticleContext
from question_bank.lang import LanguagePack
from question_bank.model import Sentence


def org_mentions(text: str, context: ArticleContext) -> list[OrgMention]:
    """Return the organisations a sentence of the article names, under the article's keys."""
    return organisations_in(text, context.pack, context.organisations)


@lru_cache(maxsize=8)
def anaphor_pattern(pack: LanguagePack) -> re.Pattern[str]:
    """Compile the pack's words for an organisation named by its kind ("the bloc", "aliansi tersebut")."""
    return re.compile(rf"(?<![\w-])(?:{pack.patterns['org_anaphor']})", re.IGNORECASE)


def organisation_before(context: ArticleContext, sentence: Sentence, pos: int) -> str | None:
    """Return the organisation named (or named by its kind, "the council") nearest before `pos` in a sentence, else
    the one the sentence or the one before it is about."""
    mentions = org_mentions(sentence.text, context)
    named = [m for m in mentions if m.end <= pos]
    kinds = [a for a in anaphor_pattern(context.pack).finditer(sentence.text, 0, pos)
             if not any(m.start <= a.start() < m.end for m in mentions)]
    if kinds and (not named or kinds[-1].start() > named[-1].start):
        return referent(context, sentence, kinds[-1].start(), kinds[-1].group("kind"))
    return named[-1].canonical if named else referent(context, sentence, pos)


def referent(context: ArticleContext, sentence: Sentence, pos: int, noun: str | None = None) -> str | None:
    """Return the organisation meant at `pos`: one of its kind (`noun`, "council") named so far, else the nearest
    one the sentence names before (or after) it, else the first the sentence before names, else the article's own."""
    if noun:
        kind = _named_kind(context, sentence, noun)
        if kind:
            return kind
    mentions = org_mentions(sentence.text, context)
    before = [m for m in mentions if m.end <= pos]
    if before:
        return before[-1].canonical
    after = [m for m in mentions if m.start >= pos]
    if after:
        return after[0].canonical
    return _previous(context, sentence) or context.main_org


def _named_kind(context: ArticleContext, sentence: Sentence, noun: str) -> str | None:
    """Return the organisation named last, up to this sentence, whose name has the kind in it ("Security Council")."""
    word = noun.lower()
    for earlier in reversed(context.article.sentences[:sentence.index + 1]):
        for mention in reversed(org_mentions(earlier.text, context)):
            if word in mention.text.lower().split():
                return mention.canonical
    return None


def _previous(context: ArticleContext, sentence: Sentence) -> str | None:
    """Return what the sentence before is about: the first organisation it names."""
    if sentence.index == 0:
        return None
    earlier = context.article.sentences[sentence.index - 1]
    mentions = org_mentions(earlier.text, context)
    anaphor = anaphor_pattern(context.pack).search(earlier.text)
    if anaphor and (not mentions or anaphor.start() < mentions[0].start):
        return context.main_org  # "The bloc traces its origins to …": about the article's own organisation
    return mentions[0].canonical if mentions else None
