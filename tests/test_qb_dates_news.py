"""Dates as news writes them: a day and month taking the article's year, English forms, and dates that are no event."""

from __future__ import annotations

import random

import pytest

from question_bank import Article, generate, load_article
from question_bank.cards.values import nearby_dates
from question_bank.extract import ArticleContext, extract_facts
from question_bank.extract.dates import DateValue
from question_bank.lang import get_pack


def article(text: str, language: str, file: str = "inline.txt") -> Article:
    """Load an article written inline, in the language given."""
    return load_article(file, text.encode("utf-8"), language)


def date_keys(text: str, language: str) -> list[str]:
    """Return the date keys of the facts an inline article states, in order."""
    a = article(text, language)
    return [f.value_key for f in extract_facts(a, get_pack(language), ["date"])]


def date_facts(text: str, language: str) -> list:
    a = article(text, language)
    return extract_facts(a, get_pack(language), ["date"])


# --- a day and month take the article's year ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # the article's full date with its weekday, elsewhere in it
        ("Para menteri bertemu di Jakarta pada Senin (26/5/2025). KTT itu dibuka di Kuala Lumpur pada Jumat (23/5).",
         ["2025-05-26", "2025-05-23"]),
        ("Para menteri bertemu di Jakarta pada Senin (26/5/2025). Pertemuan berikutnya akan digelar pada 20 Juni "
         "di Bangkok.", ["2025-05-26", "2025-06-20"]),
        # an article of 10 January speaking of 20 December means the December before
        ("Bank sentral menahan suku bunga pada Jumat (10/1/2025). Bank itu memangkas suku bunga pada 20 Desember "
         "setelah inflasi turun.", ["2025-01-10", "2024-12-20"]),
        # a dateline with its year
        ("JAKARTA, 27 Mei 2025 (Antara) - Para menteri bertemu di Jakarta. Parlemen menyetujui anggaran itu "
         "pada 20 Mei dengan suara bulat.", ["2025-05-20"]),
        ("Jakarta, 26 Mei 2025 – Presiden meresmikan bendungan itu. Parlemen menyetujui anggaran pada 20 Mei "
         "dengan suara bulat.", ["2025-05-20"]),
        ("Bendungan Baru Diresmikan di Jawa Tengah Hari Ini\nSenin, 26 Mei 2025 10:15 WIB\nPresiden meresmikan "
         "bendungan itu. Parlemen menyetujui anggaran pada 20 Mei dengan suara bulat.", ["2025-05-20"]),
    ],
    ids=["slash-weekday", "pada-20-juni", "december-before-january", "dateline-year", "dateline-in-sentence",
         "publication-line"],
)
def test_day_and_month_take_the_articles_year_id(text: str, keys: list[str]) -> None:
    assert date_keys(text, "id") == keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # a weekday names the year among the years the article can be from
        ("KUALA LUMPUR, May 27 (Newswire) – Leaders of the region adopted a blueprint on Tuesday. The declaration "
         "was signed on Monday, May 26, at the convention centre. Malaysia chairs the bloc in 2025.",
         ["2025-05-26", "2025"]),
        ("JOHANNESBURG, 23 November (Newswire) – Leaders closed the summit on Sunday. The declaration was adopted "
         "on the opening day, Saturday, 22 November, rather than at the end. South Africa has held the presidency "
         "since December 2024. The United States takes over the presidency on 1 December for a year.",
         ["2025-11-22", "2024-12", "2025-12-01"]),
        ("Published: 26 May 2025\nThe talks resumed on 20 May in Geneva after a long pause.", ["2025-05-20"]),
        ("The ministers met in Geneva on Tuesday, June 20, 2023. The council next meets on July 4 in New York.",
         ["2023-06-20", "2023-07-04"]),
    ],
    ids=["weekday-names-year", "dateline-day-month", "published-line", "full-date-with-weekday"],
)
def test_day_and_month_take_the_articles_year_en(text: str, keys: list[str]) -> None:
    assert date_keys(text, "en") == keys


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("KTT itu dibuka di Kuala Lumpur pada 20 Juni oleh para pemimpin kawasan.", "id"),
        ("Para pemimpin kawasan bertemu di Kuala Lumpur pada Jumat (23/2).", "id"),
        ("The summit opened in Kuala Lumpur on June 20 with a speech by the host.", "en"),
        ("The summit opened in Kuala Lumpur on Tuesday, June 20, with a speech by the host.", "en"),
    ],
    ids=["pada-20-juni", "jumat-23-2", "on-june-20", "on-tuesday-june-20"],
)
def test_no_year_no_card(text: str, language: str) -> None:
    assert date_keys(text, language) == []


def test_the_articles_other_dates_give_the_year_when_they_agree() -> None:
    text = ("Parlemen menyetujui undang-undang itu pada Maret 2024. Presiden menandatanganinya pada 12 April 2024. "
            "Aturan itu mulai berlaku di seluruh provinsi pada 1 Juni.")
    assert date_keys(text, "id") == ["2024-03", "2024-04-12", "2024-06-01"]


def test_one_historic_date_does_not_give_the_year() -> None:
    text = ("The association was founded in Bangkok on August 8, 1967 by five countries. Its leaders signed a new "
            "declaration in Kuala Lumpur on May 26.")
    assert date_keys(text, "en") == ["1967-08-08"]


def test_a_weekday_alone_does_not_date_an_article_that_names_only_history() -> None:
    # 4 April 1950 was a Tuesday, but nothing in the article says it is from 1950
    text = ("BRUSSELS – Leaders of the alliance, founded in 1949, gathered on Tuesday, April 4, to mark its "
            "anniversary. Ministers will meet again on May 14 in Oslo.")
    assert date_keys(text, "en") == ["1949"]


def test_a_weekday_finds_the_year_after_the_articles_last_full_date() -> None:
    # the full date is an earlier event; "Senin (6/1)" is a Monday only in 2025
    text = ("Indonesia resmi menjadi anggota penuh BRICS setelah Brasil mengumumkan keputusan itu pada Senin (6/1). "
            "Menteri Luar Negeri menyampaikan keinginan itu di Kazan, Rusia, Kamis (24/10/2024).")
    assert date_keys(text, "id") == ["2025-01-06", "2024-10-24"]


def test_a_future_mark_after_the_date_takes_the_nearest_year() -> None:
    # "akan" follows the date: 17 August is ahead of an article of 10 May, not last year's
    text = ("Presiden membuka KTT ASEAN di Labuan Bajo pada Rabu (10/5/2023). Pada 17 Agustus, Indonesia akan "
            "merayakan HUT kemerdekaan. Komite yang dibentuk pada 20 Maret akan bersidang lagi.")
    assert date_keys(text, "id") == ["2023-05-10", "2023-08-17", "2023-03-20"]


def test_a_weekday_that_fits_no_year_makes_no_card() -> None:
    # 26 May 2025 is a Monday, not a Friday: the text contradicts itself
    text = "Para menteri bertemu pada Senin (26/5/2025). KTT itu dibuka di Kuala Lumpur pada Jumat (26/5)."
    assert date_keys(text, "id") == ["2025-05-26"]


@pytest.mark.parametrize(
    ("text", "language", "key", "value"),
    [
        ("Bank sentral menahan suku bunga pada Rabu (15/1/2025). Sebelumnya, bank itu memangkas suku bunga pada "
         "18 September tahun lalu.", "id", "2024-09-18", "18 September tahun lalu"),
        ("Bank sentral menahan suku bunga pada Rabu (15/1/2025). Bank itu terakhir memangkas suku bunga pada "
         "Desember tahun lalu.", "id", "2024-12", "Desember tahun lalu"),
        ("The bank held rates on Wednesday, January 15, 2025. It last cut them on September 18 last year.", "en",
         "2024-09-18", "September 18 last year"),
    ],
    ids=["tahun-lalu", "month-tahun-lalu", "last-year"],
)
def test_a_year_relative_to_the_articles(text: str, language: str, key: str, value: str) -> None:
    fact = date_facts(text, language)[-1]
    assert (fact.value_key, fact.value) == (key, value)


def test_article_date_from_its_dateline_and_weekday() -> None:
    a = article("THE HAGUE, June 25 (Newswire) – Leaders agreed on Wednesday to lift spending. Rutte took over on "
                "October 1, 2024. The summit was hosted by the Dutch, who welcomed leaders on Tuesday, June 24. "
                "The next summit will be held in Turkey in 2026.", "en")
    own = ArticleContext.of(a, get_pack("en")).own_date
    assert (own.year, own.month, own.day) == (2025, 6, 25)


def test_the_dateline_is_no_date_of_an_event() -> None:
    keys = date_keys("THE HAGUE, June 25, 2025 (Newswire) – Leaders agreed to lift spending by 2035.", "en")
    assert keys == ["2035"]


def test_loading_keeps_the_dateline_and_publication_line() -> None:
    lead = article("Warta Kawasan, Kuala Lumpur –\nPara pemimpin berkumpul pada Senin (26/5/2025).", "id")
    assert lead.dateline == "Warta Kawasan, Kuala Lumpur"
    published = article("Leaders meet in Rio\nPublished: 26 May 2025\nThe talks resumed on 20 May in Geneva.", "en")
    assert published.dateline == "Published: 26 May 2025"
    assert published.headline is None or "Published" not in published.headline
    assert all("Published" not in s.text for s in published.sentences)


# --- the forms news writes ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "value", "key"),
    [
        ("The agreement was signed in Geneva on March 4, 2025 by both sides.", "March 4, 2025", "2025-03-04"),
        ("The agreement was signed in Geneva on 4 March 2025 by both sides.", "4 March 2025", "2025-03-04"),
        ("The two countries opened talks in March 2024 after a long pause.", "March 2024", "2024-03"),
        ("The association was founded in 1967 by five countries.", "1967", "1967"),
        ("The country has been a member since 1992 without a break.", "1992", "1992"),
        ("The old target was adopted at a summit in Wales in early 2014.", "2014", "2014"),
    ],
)
def test_english_forms(text: str, value: str, key: str) -> None:
    [fact] = date_facts(text, "en")
    assert (fact.value, fact.value_key) == (value, key)


@pytest.mark.parametrize(
    ("text", "value", "key"),
    [
        ("Indonesia memproklamasikan kemerdekaan pada 17 Agustus 1945 di Jakarta.", "17 Agustus 1945", "1945-08-17"),
        ("Para pemimpin kawasan berkumpul di Kuala Lumpur pada Senin (26/5/2025).", "Senin (26/5/2025)",
         "2025-05-26"),
        ("Organisasi itu didirikan pada tahun 1967 di Bangkok.", "1967", "1967"),
    ],
)
def test_indonesian_forms(text: str, value: str, key: str) -> None:
    [fact] = date_facts(text, "id")
    assert (fact.value, fact.value_key) == (value, key)


@pytest.mark.parametrize(("text", "language"), [("Harga minyak mulai naik pada awal 2024 di pasar Asia.", "id"),
                                                ("Oil prices began to rise in early 2024 in Asian markets.", "en")])
def test_period_word_stays_outside_the_blank(text: str, language: str) -> None:
    [fact] = date_facts(text, language)
    assert fact.value == "2024"
    assert ("awal ___" in fact.subject) or ("early ___" in fact.subject)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The country sat on the council in 2019-2020 as a non-permanent member.", "en"),
        ("Kyrgyzstan took over the chair for the 2025-2026 term in Bishkek.", "en"),
        ("Indonesia duduk di dewan itu pada 2019-2020 sebagai anggota tidak tetap.", "id"),
        ("Between April and September 2025, the same countries reversed a separate cut.", "en"),
        ("Antara April dan September 2025, negara-negara itu membatalkan pemangkasan.", "id"),
    ],
    ids=["in-span", "term-span", "pada-span", "between-months", "antara-bulan"],
)
def test_a_span_is_no_date(text: str, language: str) -> None:
    assert date_keys(text, language) == []


def test_a_span_of_days_has_an_event_at_each_end() -> None:
    text = ("NEW DELHI, June 5, 2024 (Newswire) – The commission declared the results. Voters cast ballots in "
            "seven phases between April 19 and June 1 across the country.")
    assert date_keys(text, "en") == ["2024-04-19", "2024-06-01"]


# --- dates that are no event ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("“Kami sudah bertemu pada 20 Juni 2024 di Jakarta,” kata menteri itu.", "id"),
        ("Pertemuan itu dikutip pada Senin (26/5/2025) oleh banyak media asing.", "id"),
        ("The minister said on Monday, June 2, 2025, according to Reuters, that talks would go on.", "en"),
        ("Harga beras naik bulan ini dan kemarin pemerintah menambah stok.", "id"),
        ("Prices rose this month and yesterday the government added stock.", "en"),
        ("Para menteri bertemu pada Senin di Jakarta untuk membahas krisis.", "id"),
        ("The ministers met on Monday in Jakarta to discuss the crisis.", "en"),
        ("Hal ini terjadi pada 20 Juni 2024.", "id"),
        ("It happened on June 20, 2024.", "en"),
        ("Pertemuan tersebut berlangsung pada 4 Februari 2023.", "id"),
        ("That meeting took place on February 4, 2023.", "en"),
    ],
    ids=["quotation", "dikutip", "according-to", "bulan-ini", "this-month", "pada-senin", "on-monday",
         "hal-ini-terjadi", "it-happened", "pertemuan-tersebut", "that-meeting"],
)
def test_no_card_for_a_date_that_is_no_event(text: str, language: str) -> None:
    assert date_keys(text, language) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [("He is due to be sworn in as prime minister on June 9, 2024.", "en"),
     ("Keputusan itu diumumkan oleh Kementerian Luar Negeri pada Senin, 8 Mei 2023.", "id")],
)
def test_an_opener_that_points_back_with_an_event_after_it(text: str, language: str) -> None:
    assert len(date_keys(text, language)) == 1


def test_a_citation_of_the_fact_is_not_a_citation_date() -> None:
    # "according to" after a founding year cites the fact; the year still dates the founding
    assert date_keys("NATO was founded in 1949, according to its own charter.", "en") == ["1949"]


# --- cards ---------------------------------------------------------------------------------------------------------

def test_the_card_makes_the_year_explicit() -> None:
    a = article("Para menteri bertemu di Jakarta pada Senin (26/5/2025). Pertemuan berikutnya akan digelar pada "
                "20 Juni di Bangkok.", "id")
    card = next(c for c in generate([a]) if c.fact["value"] == "20 Juni")
    assert card.options[card.answer] == "20 Juni 2025"
    b = article("The ministers met in Geneva on Tuesday, June 20, 2023. The council next meets on July 4 in "
                "New York.", "en")
    card = next(c for c in generate([b]) if c.fact["value"] == "July 4")
    assert card.options[card.answer] == "July 4, 2023"


def test_no_wrong_year_after_the_articles_own() -> None:
    a = article("Para menteri bertemu di Jakarta pada Senin (6/3/2023). Organisasi itu dibentuk pada tahun 2021 "
                "oleh enam negara. Kantor pusatnya dibuka pada Maret 2022 di Jakarta.", "id")
    cards = [c for c in generate([a]) if c.kind == "date"]
    assert cards
    for card in cards:
        assert all(int(option[-4:]) <= 2023 for option in card.options), card.options


def test_a_future_date_may_have_later_wrong_years() -> None:
    a = article("Para menteri bertemu di Jakarta pada Senin (6/3/2023). KTT berikutnya akan digelar pada tahun 2025.",
                "id")
    fact = next(f for f in extract_facts(a, get_pack("id"), ["date"]) if f.value_key == "2025")
    assert fact.detail["date"].not_after is None


def test_nearby_dates_keep_to_not_after() -> None:
    value = DateValue(2022, not_after=2023)
    assert all(d.year <= 2023 for d in nearby_dates(value, random.Random(0), set()))
    assert len(nearby_dates(value, random.Random(0), set())) >= 3
