"""Who said a quotation: after-quote and before-quote verbs, pronouns resolved only when it is safe.

'"…," kata Menteri Luar Negeri Sugiono', '"…," ujar Anwar' (the full name the article gives), '"…," X said',
'"…," said Foreign Minister Penny Wong', 'X told reporters: "…"', '"…," she added' (the speaker just named).
A word or two in quotation marks inside a sentence ("a 'total reform'") is no quotation: it neither names nor
forgets the running speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache, partial

from question_bank.entities import is_person_name, name_pattern, person_key, person_names
from question_bank.extract.context import ArticleContext
from question_bank.extract.offices import offices_in
from question_bank.extract.registry import extractor
from question_bank.extract.titles import word_tree
from question_bank.lang import LanguagePack
from question_bank.model import Fact
from question_bank.sentences import quoted_spans, unquote

#: A quotation shorter than this ("Jangan khawatir.") makes no question worth asking; inside a sentence, it is a word
#: or phrase set off in quotation marks ("disebut sebagai 'mitra strategis'"), not a quotation.
MIN_QUOTE_WORDS = 4
#: Quotation marks that a broken encoding wrote as three or two characters, each with a mark of the same length.
_MOJIBAKE = (("â€œ", "  “"), ("â€\x9d", "”  "), ("â€˜", "  ‘"), ("â€™", "’  "), ("â€", " ”"))
#: A relative clause or apposition between a speaker and the verb ("X, who hosted the meeting, said").
_CLAUSE = re.compile(r",[^,“”\"]{1,150},\s*$")
#: Lower-case words between a speaker and the verb ("Putin also said", "Anwar kemudian mengatakan").
_ADVERBS = re.compile(r"(?:\s+[a-z][\w-]*){1,2}\s*$")
_FIRST_WORD = re.compile(r"([\w-]+)\s*")
_PREVIOUS = re.compile(r"(?<![\w-])([a-z]+) $")

Speaker = tuple[str | None, bool]  # (the person, whether the quotation's speaker is settled, named or not)
Previous = Callable[[], "str | None"]  # the last speaker, worked out when asked


def _named(speaker: str | None) -> Previous:
    return lambda: speaker


def _continued(previous: Previous) -> Speaker:
    """Return the last speaker as this quotation's, settled only if there is one."""
    speaker = previous()
    return speaker, speaker is not None


@extractor("speaker")
def extract_speakers(context: ArticleContext) -> Iterator[Fact]:
    """Yield a speaker fact for each direct quotation whose speaker the text names."""
    previous: Previous = _named(None)
    for sentence in context.article.sentences:
        text = _readable(sentence.text)
        quotes = [q for q in quoted_spans(text) if not _scare_quote(text, q)]
        if not quotes:
            # whom the sentence leaves as the last speaker is worked out only if a quotation asks
            previous = cache(partial(_narrative_speaker, Clause(text, 0, len(text), sentence.index), context,
                                     previous))
            continue
        for i, (start, end) in enumerate(quotes):
            before = Clause(text, quotes[i - 1][1] if i else 0, start, sentence.index)
            after = Clause(text, end, quotes[i + 1][0] if i + 1 < len(quotes) else len(text), sentence.index)
            speaker, known = _speaker(before, after, context, previous)
            previous = _named(speaker if known else None)  # what the next "-nya" or "he" refers to
            quote = unquote(text[start:end])
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


@dataclass(frozen=True)
class Clause:
    """A stretch of a sentence (before or after a quotation), read where it stands so that what the other stages
    found in the sentence (its offices and names) is found once."""

    text: str
    start: int
    end: int
    index: int  # the sentence's place in the article

    @property
    def words(self) -> str:
        return self.text[self.start:self.end]

    def at(self, start: int, end: int | None = None) -> Clause:
        """Return the part of this clause from start (to end), positions in the sentence."""
        return Clause(self.text, start, self.end if end is None else end, self.index)


def _readable(text: str) -> str:
    """Mend quotation marks a broken encoding wrote as "â€œ", keeping every other character where it was."""
    if "â€" not in text:
        return text
    for broken, mark in _MOJIBAKE:
        text = text.replace(broken, mark)
    return text


def _scare_quote(text: str, span: tuple[int, int]) -> bool:
    """Say whether quotation marks set off a word or phrase inside a sentence ("disebut 'mitra strategis'")."""
    start, end = span
    short = len(unquote(text[start:end]).split()) < MIN_QUOTE_WORDS
    lead = text[:start].rstrip()
    return short and bool(lead) and not lead.endswith(":")


def _speaker(before: Clause, after: Clause, context: ArticleContext, previous: Previous) -> Speaker:
    """Return the speaker of a quotation from the words after it, else before it, else the last speaker."""
    pack = context.pack
    after = after.at(_skip(after.text, after.start, " ,"))
    found = _verb_first(after, context, previous)
    if found is None:
        found = _name_first(after, context, previous)
    if found is not None:
        return found
    if after.words.lower().startswith(tuple(pack.citation_words)):
        return None, True  # "… mengutip laporan dari Sputnik": a report quoted, its speaker unnamed
    said = _said_before(before, context, previous)
    if said is not None:
        return said
    if not after.words.strip(" .,") and not before.words.strip():
        return _continued(previous)  # a quotation on its own continues the last speaker
    return None, False


def _verb_first(after: Clause, context: ArticleContext, previous: Previous) -> Speaker | None:
    """'"…," kata Pashinyan', 'ujarnya', 'kata dia', 'said Foreign Minister Penny Wong', 'tulis pasal 4'."""
    pack = context.pack
    verb = _FIRST_WORD.match(after.text, after.start, after.end)
    if not verb or verb.group(1).lower() not in pack.after_quote_verbs:
        return None
    word, rest = verb.group(1).lower(), after.at(verb.end())
    suffix = _suffix(pack)
    if suffix and suffix.search(word):
        return _continued(previous)  # "ungkapnya": the speaker named just before, if any
    first = rest.words.split()[0].lower().strip(",.") if rest.words.split() else ""
    if first in pack.pronouns:
        return _continued(previous)  # "kata dia", "said he"
    cited = _cited(pack).search(rest.text, rest.start, rest.end)
    if cited:
        return _person_named(rest.at(cited.end()), context)
    if first in pack.source_nouns:
        return None, True  # "bunyi pernyataan itu", "tulis pasal 4": a document, not a person
    return _person_named(rest, context)


def _name_first(after: Clause, context: ArticleContext, previous: Previous) -> Speaker | None:
    """'"…," Thohir told delegates', '"…," she added', '"…," Menteri Luar Negeri Sugiono menambahkan'."""
    m = _name_then_verb(context.pack).match(after.text, after.start, after.end)
    if not m:
        return None
    if m.group("who").lower() in context.pack.pronouns:
        return _continued(previous)
    person = _person_ending(after.at(after.start, m.end("who")), context.pack)
    if person is None:
        return None
    return _resolved(person, after.index, context)


def _said_before(before: Clause, context: ArticleContext, previous: Previous) -> Speaker | None:
    """'Vladimir Putin mengatakan: "…"', 'X, who hosted the meeting, said: "…"', 'He told reporters: "…"'."""
    m = _verb_then_quote(context.pack).search(before.text, before.start, before.end)
    if not m:
        return None
    return _subject_of(before.at(before.start, m.start()), context, previous)


def _narrative_speaker(sentence: Clause, context: ArticleContext, previous: Previous) -> str | None:
    """Return whom the next "-nya" or "he" of a quotation may refer to, after a sentence without a quotation.

    "Zhu Yongbiao selaku Direktur …, menjelaskan bahwa …" and "Hasyim Asy'ari, ketua KPU, membacakan …" name their
    subject; "Ia menyebut …" and "Menurut dia, …" keep the last speaker; any other sentence leaves none.
    """
    pack = context.pack
    text = sentence.text
    first = _FIRST_WORD.match(text)
    if first and first.group(1).lower() in pack.pronouns or _refers_back(pack).match(text):
        return previous()
    m = _speech_verb(pack).search(text)
    if m:
        speaker, _ = _subject_of(sentence.at(0, m.start()), context, previous)
        if speaker is not None:
            return speaker
    speaker, _ = _person_named(sentence, context)  # the sentence's subject, if it opens with a person
    return speaker


def _subject_of(chunk: Clause, context: ArticleContext, previous: Previous) -> Speaker:
    """Return the person a clause ends with, before its speech verb: 'Presiden Rusia Vladimir Putin', 'He'."""
    text = chunk.text
    end = _ADVERBS.search(text, chunk.start, chunk.end)
    chunk = chunk.at(chunk.start, _trim(text, chunk.start, end.start() if end else chunk.end))
    pack = context.pack
    words = chunk.words.split()
    if words and words[-1].lower() in pack.pronouns and len(words) <= 3:
        return _continued(previous)  # "He said:", "Ia mengatakan:"
    clause = _CLAUSE.search(chunk.words + ",")  # "X, who hosted the meeting," before "said"
    ends = [chunk.end] + ([_trim(text, chunk.start, chunk.start + clause.start())] if clause else [])
    for stop in ends:
        person = _person_ending(chunk.at(chunk.start, stop), pack)
        if person is not None:
            return _resolved(person, chunk.index, context)
    return None, False


def _person_ending(chunk: Clause, pack: LanguagePack) -> str | None:
    """Return the person's name a stretch of a sentence ends with (after an office, if any), or None; not a person
    a preposition or conjunction governs ("a spokesman for Prime Minister Anwar Ibrahim", "A and B")."""
    text, end = chunk.text, _trim(chunk.text, chunk.start, chunk.end)
    for office in offices_in(text, pack):
        if office.person is not None and office.person.end == end and office.person.start >= chunk.start:
            return None if _governed(text, office.start, pack) else office.person.text
    names = [m for m in person_names(text, pack, chunk.start) if m.end == end]
    if names and is_person_name(names[-1].text, pack) and not _governed(text, names[-1].start, pack):
        return names[-1].text
    return None


def _governed(text: str, start: int, pack: LanguagePack) -> bool:
    """Say whether the word right before a name is a function word ("for", "untuk", "and"): then the name is not
    the subject that speaks."""
    before = _PREVIOUS.search(text, 0, start)
    return before is not None and before.group(1) in pack.function_words


def _person_named(rest: Clause, context: ArticleContext) -> Speaker:
    """Return the person a stretch begins with ("Menteri Luar Negeri Sugiono dalam …", "Pashinyan."), if one."""
    pack = context.pack
    office = next((o for o in offices_in(rest.text, pack) if o.start == rest.start), None)
    if office is not None:
        return _resolved(office.person.text, rest.index, context) if office.person else (None, True)
    name = name_pattern(pack).match(rest.text, rest.start, rest.end)
    if not name or not is_person_name(name.group(0), pack):
        return None, True  # "kata Moskow", "kata Kremlin": a place or body, not a person
    return _resolved(name.group(0), rest.index, context)


def _resolved(name: str, index: int, context: ArticleContext) -> Speaker:
    """Return the full name the article gives a person named here, or the name as it stands if it is full."""
    full = context.full_name(name, index)
    if full is not None:
        return full, True
    if len([w for w in name.split() if w not in context.pack.name_particles]) < 2 or name.isupper():
        return None, True  # a lone word the article never gives a full name to
    return name, True


def _trim(text: str, start: int, end: int) -> int:
    """Return where a stretch ends without the spaces and commas at its end."""
    while end > start and text[end - 1] in " ,":
        end -= 1
    return end


def _skip(text: str, pos: int, chars: str) -> int:
    while pos < len(text) and text[pos] in chars:
        pos += 1
    return pos


@lru_cache(maxsize=8)
def _suffix(pack: LanguagePack) -> re.Pattern[str] | None:
    """Return the pattern of the ending of a speech verb that points back at the last speaker ("-nya")."""
    suffix = pack.patterns.get("speaker_suffix")
    return re.compile(rf"(?:{suffix})$") if suffix else None


@lru_cache(maxsize=8)
def _cited(pack: LanguagePack) -> re.Pattern[str]:
    """Return the pattern of a quotation's source cited by name: "mengutip X"."""
    return re.compile(rf"\b(?:{pack.patterns['cited_speaker']})\s+")


@lru_cache(maxsize=8)
def _name_then_verb(pack: LanguagePack) -> re.Pattern[str]:
    """Return the pattern of a speaker, then a speech verb, right after a quotation ('X said', 'she added')."""
    verbs = word_tree(sorted(pack.after_quote_verbs | pack.before_quote_verbs))
    # "X said", "X, who is also finance minister, told parliament"
    return re.compile(rf"(?P<who>[^,.;:“”\"]{{1,100}}?)(?:,[^,.;:“”\"]{{1,150}},)?\s+(?:{verbs})\b")


@lru_cache(maxsize=8)
def _verb_then_quote(pack: LanguagePack) -> re.Pattern[str]:
    """Return the pattern of a speech verb ending the text before a quotation ('said:', 'told reporters:')."""
    verbs = word_tree(sorted(pack.before_quote_verbs | pack.after_quote_verbs))
    return re.compile(rf"\b(?:{verbs})(?:\s+[a-z][\w-]*){{0,3}}\s*[:,]?\s*$")


@lru_cache(maxsize=8)
def _refers_back(pack: LanguagePack) -> re.Pattern[str]:
    """Return the pattern of a sentence that opens by citing the last speaker ("Menurut dia,", "Menurutnya",
    "According to him,")."""
    cited = "|".join(re.escape(w) for w in sorted(pack.citation_words, key=len, reverse=True))
    pronouns = "|".join(sorted(pack.pronouns))
    suffix = pack.patterns.get("speaker_suffix")
    back = rf"\s+(?:{pronouns})" + (rf"|(?:{suffix})" if suffix else "")
    return re.compile(rf"(?i:(?:{cited})(?:{back}))\b")


@lru_cache(maxsize=8)
def _speech_verb(pack: LanguagePack) -> re.Pattern[str]:
    """Return the pattern of a verb that reports speech in a sentence ("mengatakan", "said")."""
    verbs = word_tree(sorted(pack.before_quote_verbs))
    return re.compile(rf"\b(?:{verbs})\b")
