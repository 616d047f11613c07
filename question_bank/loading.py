"""Article loading: decode, strip page furniture, keep outlet and headline, split into sentences."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from question_bank.lang import LanguagePack, detect_language, get_pack
from question_bank.model import Article, Sentence
from question_bank.sentences import LIST_ITEM, split_sentences
from question_bank.text import fold

#: An article larger than this is not a news article; refusing it keeps one bad file from stalling a run.
MAX_ARTICLE_BYTES = 1_000_000

# "BagusNews.com –", "PERSPEKTIF.CO.ID -", "Warta Ekonomi, Moskow -", "YEREVAN –" at a paragraph's start.
_LEAD = re.compile(
    r"^(?P<lead>(?:[\w-]+(?:\.[\w-]+)+|[^.!?“”\"\n,]{2,40}?)(?:,\s*(?:[\w-]+(?:\.[\w-]+)+|[^.!?“”\"\n,]{2,40}?))?)"
    r"\s+(?:[–—]|-{1,2})\s*(?=\S|$)"
)
#: a wire agency in a dateline's brackets: "(Reuters)", "(AFP)", "(Antara)"
_AGENCY = re.compile(r"\(([A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,2})\)")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[a-zA-Z]{2,})+$")
_TERMINAL = re.compile(r"[.!?][”\"’)]*$|[”\"]$|’’$")
# What an outlet or a broken encoding leaves at a paragraph's end: the writer's initials ("(bp)",
# "[ft/dw]"), an end mark ("(*)", "***") or stray mojibake ("Â", "â€", "�"). It is no part of the prose.
_SIGN_OFF = re.compile(
    r"(?:\s*(?:\([a-z]{1,5}(?:/[a-z]{1,5})*\)|\[[a-z]{1,5}(?:/[a-z]{1,5})*\]|[(\[]\*[)\]]|\*{3,}|â€\S?|[Â�]))+$"
)


#: A sentence longer than this is no prose (news sentences stay under 500 characters) but a run-on block, such as a
#: list of tags or a paragraph that lost its stops; dropped, so that extractors that compare every mention of a
#: sentence with every other stay fast (a 130 KB line of prose without a stop took 90 s to read).
MAX_SENTENCE_CHARS = 2_000
#: A headline is at most this long; a longer first line without a full stop is prose that lost its stop.
_HEADLINE_WORDS = 16


class ArticleError(ValueError):
    """An article that cannot be read; the message names the file and the reason."""

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason


#: The last characters a sign-off can end with: a bracket, a star, or mojibake.
_SIGN_OFF_ENDS = frozenset(")]*Â�€")


def _without_sign_off(line: str) -> str:
    """Drop the outlet's initials and stray marks that end a paragraph ("(bp)", "[ft/dw]", "***")."""
    # The pattern is anchored only at the end, so it would be tried at every position: look at the end first.
    if line[-1:] not in _SIGN_OFF_ENDS and line[-2:-1] != "€":
        return line
    return _SIGN_OFF.sub("", line)


def decode_article(file: str, data: bytes) -> str:
    """Decode an article's bytes as UTF-8 text, or raise ArticleError saying why it is not text."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(file, f"too large ({len(data) / 1e6:.1f} MB; the limit is "
                                 f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB for one article)")
    if not data.strip():
        raise ArticleError(file, "empty file")
    if b"\x00" in data[:8192]:
        raise ArticleError(file, "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ArticleError(file, f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} on line {line})") from None
    return text


def load_article(file: str, data: bytes, language: str | None = None) -> Article:
    """Read one article from its bytes, in its own language unless one is given; raise ArticleError if unusable."""
    text = decode_article(file, data)
    return parse_article(file, text, get_pack(language or detect_language(text)))


def parse_article(file: str, text: str, pack: LanguagePack) -> Article:
    """Strip page furniture from decoded text and split what is left into sentences."""
    lines = [_without_sign_off(" ".join(line.split())) for line in text.splitlines()]
    outlet: str | None = None
    headline: str | None = None
    dateline: str | None = None
    seen: set[str] = set()
    body: list[str] = []
    in_list = False  # the lines just kept are a list, or the lead line that introduces one
    for number, line in enumerate(lines):
        if not line or _is_furniture(line, pack):
            continue
        if _is_date_line(line, pack):
            dateline = dateline or line  # "Published: 26 May 2025" dates the page; it is not prose
            continue
        key = fold(line)
        if key in seen:
            continue  # repeated headline or caption
        seen.add(key)
        if not body:
            lead = _LEAD.match(line)
            if lead and _is_lead(lead.group("lead")):
                outlet = outlet or _outlet_of(lead.group("lead"), pack)
                dateline = dateline or lead.group("lead")
                line = line[lead.end():].strip()
                if not line:
                    continue
        if in_list and LIST_ITEM.match(line):
            body.append(line)  # one item, one paragraph: "1. Indonesia"
            continue
        in_list = False
        if line.endswith(":") and _is_list_lead(line) and LIST_ITEM.match(_next_line(lines, number)):
            # "Anggota ASEAN adalah sebagai berikut:" leads the list below it
            in_list = True
            body.append(line)
            continue
        if _is_heading(line) or _is_headline(line, headline, body):
            # A line with no sentence end is a heading, a menu item or a caption, not prose.
            if headline is None and not body and len(line.split()) >= 4:
                headline = line
            continue
        body.append(line)
    sentences = _sentences(file, body, pack)
    if not sentences:
        raise ArticleError(file, "no article text (only headings, menus or page furniture)")
    return Article(file=file, language=pack.code, outlet=outlet, headline=headline, sentences=sentences,
                   dateline=dateline)


def rebuild_article(
    file: str, text: str, language: str = "id", outlet: str | None = None, headline: str | None = None,
    dateline: str | None = None,
) -> Article:
    """Rebuild an article from text already stripped (paragraphs separated by a blank line), without stripping again.

    This is how a store keeps an article: its sentences split again, dated by the same dateline, give the same facts
    and card ids.
    """
    pack = get_pack(language)
    paragraphs = [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]
    sentences = _sentences(file, paragraphs, pack)
    return Article(file=file, language=pack.code, outlet=outlet, headline=headline, sentences=sentences,
                   dateline=dateline)


def _sentences(file: str, paragraphs: list[str], pack: LanguagePack) -> tuple[Sentence, ...]:
    """Split each paragraph into sentences, numbered through the article; drop a sentence too long to be prose."""
    kept = ([s for s in split_sentences(para, pack.abbreviations) if len(s) <= MAX_SENTENCE_CHARS]
            for para in paragraphs)
    # a paragraph left with no sentence is not counted, so that the article rebuilt from its text numbers them alike
    split = ((p, s) for p, sentences in enumerate(filter(None, kept)) for s in sentences)
    return tuple(Sentence(file=file, paragraph=p, index=i, text=s) for i, (p, s) in enumerate(split))


def _ends_with_stop(line: str) -> bool:
    """Say whether a line ends as a sentence does: a stop or a closing quote, then closing marks."""
    # the pattern is anchored only at the end: start it just before the closing marks, not at every position
    return _TERMINAL.search(line, max(0, len(line.rstrip("”\"’)")) - 2)) is not None


def _is_heading(line: str) -> bool:
    """Say whether a line is a heading, menu item or caption rather than prose."""
    if not _ends_with_stop(line):
        # a paragraph whose last sentence lacks its full stop is still prose; a headline is short and capitalised
        return line.endswith(":") or not _reads_as_prose(line, 8)
    if line.endswith("."):
        return False  # a headline asks or exclaims, but does not end with a full stop; prose does
    words = [w for w in line.split() if w[:1].isalpha()]
    # Title Case is how headlines are set ("Putin Kumpulkan Sekutu di Moskow, Siap Hajar NATO?")
    return 0 < len(words) <= 20 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _is_headline(line: str, headline: str | None, body: list[str]) -> bool:
    """Say whether a line is the article's headline: the first line, short, with no sentence end.

    English outlets set headlines in sentence case ("NATO leaders back 5% spending goal"), which reads as
    prose by its words; only its place and its missing full stop tell it.
    """
    return headline is None and not body and not _ends_with_stop(line) and not line.endswith(":") \
        and 4 <= len(line.split()) <= _HEADLINE_WORDS


def _reads_as_prose(line: str, min_words: int) -> bool:
    """Say whether a line without a sentence end reads as prose: enough words, half of them lower-case."""
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < min_words:
        return False
    return sum(w[0].islower() for w in words) >= 0.5 * len(words)


def _is_list_lead(line: str) -> bool:
    """Say whether a colon-ended line is a sentence that leads a list ("anggota BRICS meliputi:"), not a label."""
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].islower() for w in words) >= 2


def _next_line(lines: list[str], number: int) -> str:
    """Return the first non-blank line after a line's number, or an empty string."""
    return next((line for line in islice(lines, number + 1, None) if line), "")


def _is_furniture(line: str, pack: LanguagePack) -> bool:
    lowered = line.lower()
    if lowered in pack.furniture_lines:
        return True
    if lowered.startswith(pack.furniture_prefixes):
        return True
    # a caption with a photo credit at its end ("… Kredit Foto: Reuters/…")
    return re.search(pack.patterns["caption_credit"], lowered) is not None


@lru_cache(maxsize=8)
def _date_line(pack: LanguagePack) -> re.Pattern[str]:
    """A line that only dates the page: "Published: 26 May 2025", "Senin, 26 Mei 2025 10:15 WIB", "May 26, 2025"."""
    months = "|".join(sorted(pack.months, key=len, reverse=True))
    weekdays = "|".join(sorted(pack.weekdays, key=len, reverse=True))
    day = (rf"(?:\d{{1,2}}\s+(?:{months})\.?,?\s+\d{{4}}|(?:{months})\.?\s+\d{{1,2}},?\s+\d{{4}}"
           rf"|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{4}})")
    return re.compile(rf"^(?:(?:{pack.patterns['published']})\s*:?\s*)?(?:(?:{weekdays}),?\s+)?{day}"
                      r"(?:[\s,|–-]+\d{1,2}[:.]\d{2}(?:\s*[A-Za-z]{2,4})?)?$", re.IGNORECASE)


def _is_date_line(line: str, pack: LanguagePack) -> bool:
    """Say whether a line only dates the page (a publication line), so it is kept as the article's dateline."""
    return len(line) <= 80 and _date_line(pack).match(line) is not None


def _is_lead(lead: str) -> bool:
    """Say whether a paragraph's opening words are an outlet or dateline rather than prose."""
    words = lead.replace(",", " ").split()
    if not words or len(words) > 6 or not words[0][:1].isupper():
        return False
    # a place's own particles stay lower-case ("Rio de Janeiro", "Den Haag"); a wire dateline adds a day and its
    # agency in brackets ("KUALA LUMPUR, May 27 (Reuters)"); other prose words do not stand there
    return all(w[:1].isupper() or (len(w) <= 3 and w.isalpha() and w.islower()) or (w.isdigit() and len(w) <= 2)
               or _AGENCY.fullmatch(w) for w in words)


def _outlet_of(lead: str, pack: LanguagePack) -> str | None:
    """Return the outlet a lead names ("Warta Ekonomi, Moskow", "Jakarta, CNN Indonesia"), or None for a dateline."""
    agency = _AGENCY.search(lead)
    if agency:
        return agency.group(1)  # "JAKARTA, May 26 (Newswire)": the wire that sent the story
    parts = [p.strip() for p in lead.split(",") if p.strip()]
    for part in parts:
        if _DOMAIN.match(part):
            # "PERSPEKTIF.CO.ID" reads as "Perspektif", "BagusNews.com" as "BagusNews"
            base = part.split(".")[0]
            return base.capitalize() if base.isupper() else base
    names = [p for p in parts if fold(p) not in pack.places and fold(p) not in pack.countries]
    if len(parts) == 1 and (len(parts[0].split()) == 1 or parts[0].isupper()):
        return None  # "YEREVAN –", "Jakarta –": a lone word before the dash says where, not who
    return names[0] if names else None
