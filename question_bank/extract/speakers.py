"""Who said a quotation: after-quote and before-quote verbs, pronouns resolved only when it is safe."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from question_bank.entities import NAME_WORD, is_place, person_key, person_names
from question_bank.extract.context import ArticleContext
from question_bank.extract.registry import extractor
from question_bank.lang import LanguagePack
from question_bank.model import Fact, Sentence
from question_bank.sentences import quoted_spans, unquote

#: A quotation shorter than this ("Jangan khawatir.") makes no question worth asking.
MIN_QUOTE_WORDS = 5
_NAME = re.compile(rf"{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}")


@lru_cache(maxsize=8)
def _patterns(pack: LanguagePack) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Return (a name then a speech verb ending the text before a quotation, a sentence reporting speech,
    a quotation's source cited by name: "mengutip X")."""
    verbs = "|".join(sorted(pack.before_quote_verbs))
    return (
        re.compile(rf"({_NAME.pattern})\s+(?:\w+\s+){{0,3}}?(?:{verbs})\s*:?\s*$"),
        re.compile(rf"^(?:\w+,\s+)?({_NAME.pattern})\b[^.]*?\b(?:{verbs})\b"),
        re.compile(rf"\b(?:{pack.patterns['cited_speaker']})\s+({_NAME.pattern})"),
    )


@extractor("speaker")
def extract_speakers(context: ArticleContext) -> Iterator[Fact]:
    """Yield a speaker fact for each direct quotation whose speaker the text names."""
    previous_speaker: str | None = None
    for sentence in context.article.sentences:
        quotes = quoted_spans(sentence.text)
        if not quotes:
            previous_speaker = _reporting_subject(sentence, context)
            continue
        start, end = quotes[0]
        speaker, known = _speaker(sentence, start, end, context, previous_speaker)
        # what the next "-nya" refers to: this quotation's speaker, named or not
        previous_speaker = speaker if known else None
        quote = unquote(sentence.text[start:end])
        if speaker is None or len(quote.split()) < MIN_QUOTE_WORDS:
            continue
        yield Fact(
            kind="speaker",
            subject=quote,
            value=speaker,
            subject_key=" ".join(quote.lower().split()[:12]),
            value_key=person_key(speaker),
            sentence=sentence,
            span=(start, end),
        )


def _speaker(sentence: Sentence, quote_start: int, quote_end: int, context: ArticleContext,
             previous: str | None) -> tuple[str | None, bool]:
    """Return (speaker, known): the person credited after the quotation, or before it, or the last speaker."""
    pack = context.pack
    text = sentence.text
    after = text[quote_end:].lstrip(" ,")
    verb = re.match(r"([\w-]+)\s*(.*)", after)
    if verb and verb.group(1).lower() in pack.after_quote_verbs:
        word, rest = verb.group(1).lower(), verb.group(2)
        if word.endswith("nya"):
            return previous, previous is not None  # "ungkapnya": the speaker named just before, if any
        cited = _patterns(pack)[2].search(rest)
        if cited:
            return _person(cited.group(1), context)
        first = rest.split()[0].lower() if rest.split() else ""
        if first in pack.source_nouns:
            return None, True  # "bunyi pernyataan itu", "tulis pasal 4": a document, not a person
        name = _NAME.match(rest)
        return _person(name.group(0), context) if name else (None, True)
    if after.lower().startswith(tuple(pack.citation_words)):
        return None, True  # "… mengutip laporan dari Sputnik": a report quoted, its speaker unnamed
    before = text[:quote_start]
    said = _patterns(pack)[0].search(before)
    if said:
        # "Presiden Rusia Vladimir Putin mengatakan:" names Vladimir Putin; the title and country are not him
        names = person_names(said.group(1), pack)
        return _person(names[-1].text, context) if names else (None, True)
    if not after.strip():
        return previous, previous is not None  # a quotation on its own continues the last speaker
    return None, False


def _person(name: str, context: ArticleContext) -> tuple[str | None, bool]:
    """Return the name if it names a person (not a country, place or organisation)."""
    words = name.split()
    if any(is_place(w, context.pack) for w in words) or name.isupper():
        return None, True
    if len(words) == 1 and person_key(name) not in context.people:
        return None, True  # a lone capitalised word the article never gives a full name to
    return name, True


def _reporting_subject(sentence: Sentence, context: ArticleContext) -> str | None:
    """Return the person a sentence reports as speaking ("Zhu Yongbiao selaku …, menjelaskan bahwa …")."""
    m = _patterns(context.pack)[1].match(sentence.text)
    if not m:
        return None
    name, known = _person(m.group(1), context)
    return name if known else None
