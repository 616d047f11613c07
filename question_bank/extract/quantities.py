"""Numbers as news states them: "1,3 juta jiwa", "3,5%", "KTT ke-46", "kesembilan", "periode 2019-2024".

Every word comes from the language pack; this module only knows the shapes. A number inside a date, a
phone number, an amount of money, a quotation or an identifier ("Pasal 5") is not a fact to ask about.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from question_bank.extract.context import ArticleContext
from question_bank.lang import LanguagePack
from question_bank.model import Fact, Sentence
from question_bank.sentences import inside, quoted_spans
from question_bank.text import fold

#: what may not touch a figure: it would be part of a date, a time, a phone number, a code or a word
_BEFORE = r"(?<![\w.,/:+\-–$€£])"
_AFTER = r"(?![\w/:]|[.,]\d|[\-–]\d)"
#: a bare figure this long without a thousands dot is a phone number, a code or a serial, not a count
_MAX_BARE_DIGITS = 4
#: a sentence shorter than this is a caption, a heading or furniture, not a statement to quiz on
_MIN_WORDS = 6
#: the longest span of years read as one period ("periode 2019-2024")
_MAX_SPAN = 10
_YEAR = r"1[5-9]\d\d|20\d\d"
_SPAN = re.compile(rf"(?<![\w/.\-–])(?P<a>{_YEAR})\s?(?P<j>[\-–])\s?(?P<b>{_YEAR})(?![\w/\-–]|[.,]\d)")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@lru_cache(maxsize=8)
def figure_pattern(pack: LanguagePack) -> str:
    """Return the pattern of a figure as the pack's language writes it: "3.380", "1,3", "1.250,5" in Indonesian."""
    group, decimal = re.escape(pack.group_mark), re.escape(pack.decimal_mark)
    return rf"\d{{1,3}}(?:{group}\d{{3}})+(?:{decimal}\d+)?|\d+(?:{decimal}\d+)?"


@lru_cache(maxsize=8)
def _figures(pack: LanguagePack) -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(w) for w in pack.number_words), key=len, reverse=True))
    return re.compile(rf"{_BEFORE}(?P<num>(?:{figure_pattern(pack)}){_AFTER}|(?:{words})\b)", re.IGNORECASE)


@lru_cache(maxsize=8)
def _ordinals(pack: LanguagePack) -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(w) for w in pack.ordinal_words), key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?:{pack.ordinal_pattern}(?![\w\-])|(?P<w>{words})\b)", re.IGNORECASE)


@lru_cache(maxsize=8)
def _fractions(pack: LanguagePack) -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(w) for w in pack.fraction_words), key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?P<f>{words})\s+{re.escape(pack.fraction_link)}\b", re.IGNORECASE)


def _figure_value(text: str, pack: LanguagePack) -> tuple[float, int] | None:
    """Read a figure ("1,3", "3.380", "enam") as (value, decimals written)."""
    word = pack.number_words.get(text.lower())
    if word is not None:
        return float(word), 0
    whole, _, decimals = text.partition(pack.decimal_mark)
    try:
        return float(whole.replace(pack.group_mark, "") + ("." + decimals if decimals else "")), len(decimals)
    except ValueError:
        return None


def _word_before(text: str, start: int) -> str:
    words = _WORD.findall(text[max(0, start - 30):start])
    return words[-1] if words and text[:start].rstrip().endswith(words[-1]) else ""


def _word_after(text: str, end: int) -> str:
    m = re.match(r"\s+([^\W\d_]+)", text[end:])
    return m.group(1) if m else ""


def scaled_or_money(text: str, start: int, end: int, pack: LanguagePack) -> bool:
    """Say whether a figure carries a scale word ("3 juta") or names an amount of money ("Rp 5", "5 dolar")."""
    after = text[end:end + 40].lower()
    following = after.split()[:2]
    if following and following[0] in pack.scale_words:
        return True
    return _money(text, start, end, pack)


def _money(text: str, start: int, end: int, pack: LanguagePack) -> bool:
    before = text[max(0, start - 6):start].lower().rstrip()
    if any(before.endswith(c) for c in pack.currency_words):
        return True
    following = [w.strip(".,;:()") for w in text[end:end + 40].lower().split()[:2]]
    if following and following[0] in pack.scale_words:
        following = following[1:]
    return bool(following) and following[0] in pack.currency_words


def news_numbers(sentence: Sentence, context: ArticleContext) -> Iterator[Fact]:
    """Yield the quantities, percentages, ordinals, fractions and spans of years a sentence states as facts."""
    text, pack = sentence.text, context.pack
    if not _may_state(text, pack) or len(text.split()) < _MIN_WORDS:
        return
    quotes = quoted_spans(text)
    kept: list[tuple[int, int, str, dict]] = []
    for found in (_spans(text, pack), _quantities(text, pack), _ordinal_facts(text, pack), _fraction_facts(text, pack)):
        for start, end, value_key, detail in found:
            if inside(start, quotes) or any(s < end and start < e for s, e, _, _ in kept):
                continue
            kept.append((start, end, value_key, detail))
    for start, end, value_key, detail in kept:
        # "turun menjadi 4,8 persen dari 5,3 persen": a wrong option stays on the answer's side of the other value
        others = [d["number"] for _, _, _, d in kept if d["shape"] == detail["shape"] and d is not detail]
        floor = max((n for n in others if n < detail["number"]), default=None)
        ceiling = min((n for n in others if n > detail["number"]), default=None)
        detail = {**detail, "floor": floor, "ceiling": ceiling}
        cloze = text[:start] + "___" + text[end:]
        yield Fact(
            kind="number", subject=cloze, value=text[start:end], subject_key=fold(cloze), value_key=value_key,
            sentence=sentence, span=(start, end), detail={**detail, "member_count_of": None, "cloze": cloze},
        )


_DIGIT = re.compile(r"\d")


def _may_state(text: str, pack: LanguagePack) -> bool:
    """Say cheaply whether a sentence could state a number: a digit, an ordinal or a fraction word."""
    if _DIGIT.search(text):
        return True
    return not _words(pack).isdisjoint(re.findall(r"\w+", text.lower()))


@lru_cache(maxsize=8)
def _words(pack: LanguagePack) -> frozenset[str]:
    return frozenset(w for phrase in (*pack.ordinal_words, *pack.fraction_words) for w in phrase.split())


_Found = Iterator[tuple[int, int, str, dict]]


def _spans(text: str, pack: LanguagePack) -> _Found:
    for m in _SPAN.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if 0 < b - a <= _MAX_SPAN:
            detail = {"shape": "span", "number": float(a), "noun": "span", "first": a, "last": b,
                      "joiner": m.group("j")}
            yield m.start(), m.end(), f"{a}-{b}", detail


def _quantities(text: str, pack: LanguagePack) -> _Found:
    for m in _figures(pack).finditer(text):
        start, end = m.span("num")
        read = _figure_value(m.group("num"), pack)
        if read is None or _money(text, start, end, pack):
            continue
        figure, decimals = read
        rest = text[end:]
        scale = re.match(r"\s+(\w+)\b", rest)
        suffix_end = end
        scale_word = None
        if scale and scale.group(1).lower() in pack.scale_words:
            scale_word = scale.group(1)
            suffix_end = end + scale.end()
        percent = re.match(r"\s*%|\s+(\w+)\b", text[suffix_end:])
        is_percent = bool(percent) and (percent.group(0).strip() == "%"
                                        or (percent.group(1) or "").lower() in pack.percent_words)
        if is_percent:
            suffix_end += percent.end()
        is_word = m.group("num").lower() in pack.number_words
        if not (scale_word or is_percent) or figure <= 0 or (is_word and is_percent):
            continue  # a bare figure is read by the counted-noun patterns; nothing is zero per cent
        noun = _word_after(text, suffix_end).lower()
        if noun in pack.function_words or noun in pack.months or noun in pack.currency_words:
            noun = ""
        total = figure * (pack.scale_words[scale_word.lower()] if scale_word else 1)
        shape = "percent" if is_percent else "quantity"
        detail = {"shape": shape, "number": total, "noun": f"{shape}:{noun}", "figure": figure,
                  "decimals": decimals, "suffix": text[end:suffix_end], "word": is_word}
        yield start, suffix_end, f"{_key(total)}{'%' if is_percent else ''}", detail
    yield from _counted(text, pack)


def _counted(text: str, pack: LanguagePack) -> _Found:
    """Yield a bare figure and the noun right after it that the pack's fixed list does not know ("40 kapal")."""
    for m in _bare_figures(pack).finditer(text):
        start, end = m.span("num")
        raw = m.group("num")
        noun = _word_after(text, end)
        folded = noun.lower()
        if (not noun or not noun.islower() or len(noun) < 3 or folded in pack.counted_nouns
                or folded in pack.function_words or folded in pack.months or folded in pack.weekdays
                or folded in pack.scale_words or folded in pack.percent_words or folded in pack.currency_words
                or _money(text, start, end, pack)):
            continue
        digits = raw.split(pack.decimal_mark)[0]
        grouped = pack.group_mark in digits
        if raw.startswith("0") or (not grouped and len(digits) > _MAX_BARE_DIGITS):
            continue  # "021", "5551234": a code or a phone number
        read = _figure_value(raw, pack)
        if read is None or read[0] < 2 or (read[1] == 0 and not grouped and 1500 <= read[0] <= 2100):
            continue  # "2024 lalu" is a year, not a count; one is too trivial to ask
        before = _word_before(text, start)
        if before and before[0].isupper() and text[:start].strip() != before:
            continue  # "Pasal 5 ayat", "Covid 19 varian": an identifier, not a count
        if before.lower() in pack.identifier_words:
            continue  # "ayat 2", "pukul 10": the figure names a thing
        detail = {"shape": "quantity", "number": read[0], "noun": f"quantity:{folded}", "figure": read[0],
                  "decimals": read[1], "suffix": "", "word": False}
        yield start, end, _key(read[0]), detail


@lru_cache(maxsize=8)
def _bare_figures(pack: LanguagePack) -> re.Pattern[str]:
    return re.compile(rf"{_BEFORE}(?P<num>(?:{figure_pattern(pack)})){_AFTER}")


def _ordinal_facts(text: str, pack: LanguagePack) -> _Found:
    for m in _ordinals(pack).finditer(text):
        if not _word_before(text, m.start()):
            continue  # an ordinal follows what it ranks: "KTT ke-46", "pertemuan kesembilan", "yang kesembilan"
        if m.group("n"):
            n = int(m.group("n"))
            if n < 2:
                continue
            yield m.start(), m.end(), f"ord:{n}", {"shape": "ordinal", "number": float(n), "noun": "ordinal"}
            continue
        after = _word_after(text, m.end())
        if after and after.islower() and after not in pack.function_words:
            continue  # "kedua negara" is "both countries", "ketiga tokoh" "the three figures"
        n = pack.ordinal_words[m.group("w").lower()]
        yield m.start(), m.end(), f"ord:{n}", {"shape": "ordinal_word", "number": float(n), "noun": "ordinal"}


def _fraction_facts(text: str, pack: LanguagePack) -> _Found:
    for m in _fractions(pack).finditer(text):
        value = pack.fraction_words[m.group("f").lower()]
        detail = {"shape": "fraction", "number": value, "noun": "fraction", "stated": m.group("f")}
        yield m.start("f"), m.end("f"), f"frac:{value:.4f}", detail


def _key(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"
