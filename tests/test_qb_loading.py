"""Article loading: decoding, page furniture, outlet and headline, datelines."""

from __future__ import annotations

import pytest
from qb_helpers import SEED_FILES, inline_article, load_seed, seed_path, seed_text, starts_with_furniture

from question_bank import Article, ArticleError, load_article
from question_bank.loading import MAX_ARTICLE_BYTES

PROSE = "Presiden itu tiba di kota tersebut pada hari Senin untuk bertemu para menteri."

# What a reader would not call the article: the lines of each seed that loading must drop.
DROPPED_LINES = {
    "000": ["BagusNews.com –"],
    "001": [],
    "002": [
        "Armenia Bersiap Keluar dari Aliansi Rusia dan Merapat ke AS", "Estimated read time 2 min read",
        "You May Also Like", "More From Author", "+ There are no comments", "Add yours",
    ],
    "003": [
        "Menu", "News", "EkBis", "New Economy", "Kabar Finansial", "Sport & Lifestyle", "Government", "Video",
        "Indeks", "About Us", "Social Media",
        "Aliansi Keamanan yang Dipimpin Rusia Dibela Kremlin Usai Kritik Armenia",
        "Aliansi Keamanan yang Dipimpin Rusia Dibela Kremlin Usai Kritik Armenia Kredit Foto: "
        "Reuters/Evgenia Novozhenina",
        "Warta Ekonomi, Moskow -",
        "Baca Juga: Barat Jangan Ragu untuk Setop Permainkan Harga Minyak Rusia atau Terima Konsekuensi Serius Putin",
        "Mau Berita Terbaru Lainnya dari Warta Ekonomi? Yuk Follow Kami di Google News dengan Klik Simbol Bintang.",
        "Editor: Muhammad Syahrianto", "Bagikan Artikel:",
    ],
    "004": ["Putin Kumpulkan Sekutu di Moskow, Siap Hajar NATO?", "Mengenal Apa Itu CSTO Sekutu Rusia"],
}
# The outlet name or dateline that opens a seed's first paragraph.
LEADS = {"000": "", "001": "PERSPEKTIF.CO.ID - ", "002": "YEREVAN – ", "003": "", "004": ""}


@pytest.mark.parametrize(
    ("short", "outlet", "headline"),
    [
        ("000", "BagusNews", None),
        ("001", "Perspektif", None),
        ("002", None, "Armenia Bersiap Keluar dari Aliansi Rusia dan Merapat ke AS"),
        ("003", "Warta Ekonomi", "Aliansi Keamanan yang Dipimpin Rusia Dibela Kremlin Usai Kritik Armenia"),
        ("004", None, "Putin Kumpulkan Sekutu di Moskow, Siap Hajar NATO?"),
    ],
)
def test_outlet_and_headline_are_metadata(short: str, outlet: str | None, headline: str | None) -> None:
    article = load_seed(short)
    assert article.file == SEED_FILES[short]
    assert article.language == "id"
    assert article.outlet == outlet
    assert article.headline == headline
    if headline:
        assert all(headline not in s.text for s in article.sentences)
    if outlet:
        assert article.source_name == outlet


def test_repeated_title_of_004_is_its_headline_not_a_sentence() -> None:
    title = "Putin Kumpulkan Sekutu di Moskow, Siap Hajar NATO?"
    assert seed_text("004").count(title) == 2
    article = load_seed("004")
    assert article.headline == title
    assert article.source_name == f"“{title}”"
    assert article.sentences[0].text.startswith("Pada hari Senin, 17 Mei 2022 waktu setempat")


@pytest.mark.parametrize(
    ("short", "lead", "first_sentence"),
    [
        ("000", "BagusNews.com –", "Sekutu Rusia dihadapkan pada kemungkinan pecahnya aliansi"),
        ("001", "PERSPEKTIF.CO.ID -", "Organisasi Traktat Keamanan Kolektif (CSTO), aliansi militer"),
        ("002", "YEREVAN –", "Armenia bersiap menarik diri dari Organisasi Perjanjian Keamanan Kolektif"),
        ("003", "Warta Ekonomi, Moskow -", "Juru bicara Kremlin Dmitry Peskov pada Minggu (27/11/2022)"),
    ],
)
def test_outlet_and_dateline_leads_are_stripped(short: str, lead: str, first_sentence: str) -> None:
    article = load_seed(short)
    assert lead in seed_text(short)
    assert article.sentences[0].text.startswith(first_sentence)
    assert all(lead not in s.text for s in article.sentences)


def test_dateline_yerevan_is_not_an_outlet() -> None:
    article = load_seed("002")
    assert article.outlet is None
    assert all("YEREVAN" not in s.text for s in article.sentences)
    assert article.source_name == "“Armenia Bersiap Keluar dari Aliansi Rusia dan Merapat ke AS”"


@pytest.mark.parametrize(
    ("short", "furniture"),
    [
        ("003", "Menu"),
        ("003", "Social Media"),
        ("003", "Baca Juga: Barat Jangan Ragu"),
        ("003", "Editor: Muhammad Syahrianto"),
        ("003", "Bagikan Artikel"),
        ("003", "Kredit Foto: Reuters/Evgenia Novozhenina"),
        ("003", "Mau Berita Terbaru Lainnya dari Warta Ekonomi?"),
        ("002", "Estimated read time"),
        ("002", "You May Also Like"),
        ("002", "More From Author"),
        ("002", "There are no comments"),
        ("002", "Add yours"),
        ("004", "Mengenal Apa Itu CSTO Sekutu Rusia"),
    ],
)
def test_seed_page_furniture_is_stripped(short: str, furniture: str) -> None:
    assert furniture in seed_text(short)
    assert all(furniture not in s.text for s in load_seed(short).sentences)


@pytest.mark.parametrize("short", sorted(SEED_FILES))
def test_no_seed_sentence_starts_with_furniture(short: str) -> None:
    for sentence in load_seed(short).sentences:
        assert not starts_with_furniture(sentence.text), sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text


@pytest.mark.parametrize("short", sorted(SEED_FILES))
def test_every_line_of_prose_is_kept_and_nothing_else(short: str) -> None:
    """Loading drops exactly the furniture, headline and lead: every other character survives, in order."""
    raw = seed_text(short)
    lines = [" ".join(line.split()) for line in raw.splitlines()]
    kept = [line for line in lines if line and line not in DROPPED_LINES[short]]
    assert kept[0].startswith(LEADS[short])
    kept[0] = kept[0][len(LEADS[short]):]
    article = load_seed(short)
    assert "".join("".join(kept).split()) == "".join("".join(s.text for s in article.sentences).split())
    assert max(s.paragraph for s in article.sentences) + 1 == len(kept)


@pytest.mark.parametrize(
    ("short", "paragraphs", "sentences"),
    [("000", 6, 16), ("001", 10, 13), ("002", 16, 16), ("003", 9, 9), ("004", 16, 28)],
)
def test_seed_paragraph_and_sentence_counts(short: str, paragraphs: int, sentences: int) -> None:
    article = load_seed(short)
    assert len({s.paragraph for s in article.sentences}) == paragraphs
    assert len(article.sentences) == sentences
    assert [s.index for s in article.sentences] == list(range(sentences))
    assert all(s.file == SEED_FILES[short] for s in article.sentences)


@pytest.mark.parametrize(
    "furniture",
    [
        "Menu",
        "Baca Juga: Putin Kumpulkan Sekutu di Moskow, Siap Hajar NATO?",
        "BACA JUGA: Armenia Bersiap Keluar dari Aliansi Rusia.",
        "Editor: Muhammad Syahrianto",
        "Editor : Budi Santoso.",
        "Penulis: Budi Santoso",
        "Bagikan Artikel:",
        "You May Also Like",
        "Kredit Foto: Reuters/Evgenia Novozhenina",
        "Foto ilustrasi pertemuan di Moskow. Kredit Foto: Reuters",
        "Estimated read time 2 min read",
        "Tags: CSTO, Rusia, Armenia",
        "Mau Berita Terbaru Lainnya dari Warta Ekonomi? Yuk Follow Kami di Google News.",
    ],
)
def test_inline_furniture_is_stripped(furniture: str) -> None:
    article = inline_article(f"{furniture}\n{PROSE}\n{furniture}\n")
    assert [s.text for s in article.sentences] == [PROSE]


@pytest.mark.parametrize(
    ("lead", "outlet"),
    [
        ("YEREVAN – ", None),
        ("MOSKOW - ", None),
        ("Moskow – ", None),
        ("Yerevan — ", None),
        ("BagusNews.com – ", "BagusNews"),
        ("PERSPEKTIF.CO.ID - ", "Perspektif"),
        ("Warta Ekonomi, Moskow - ", "Warta Ekonomi"),
        pytest.param("Jakarta – ", None),
        pytest.param("Liputan6.com, Jakarta - ", "Liputan6"),
        pytest.param("Jakarta, CNN Indonesia -- ", "CNN Indonesia"),
    ],
)
def test_inline_leads(lead: str, outlet: str | None) -> None:
    article = inline_article(f"{lead}{PROSE}\nIa lalu bertemu para menteri di sana.\n")
    assert article.outlet == outlet
    assert article.sentences[0].text == PROSE


def test_lead_is_only_read_at_the_start_of_the_article() -> None:
    article = inline_article(f"{PROSE}\nMOSKOW - Ia lalu bertemu para menteri di sana.\n")
    assert article.outlet is None
    assert article.sentences[1].text == "MOSKOW - Ia lalu bertemu para menteri di sana."


def test_repeated_paragraph_is_kept_once() -> None:
    article = inline_article(f"{PROSE}\n\n{PROSE}\nIa lalu bertemu para menteri di sana.\n")
    assert [s.text for s in article.sentences] == [PROSE, "Ia lalu bertemu para menteri di sana."]


def test_prose_full_of_names_is_not_taken_for_a_heading() -> None:
    members = "Armenia, Belarus, Kazakhstan, Kirgizstan, Rusia dan Tajikistan adalah anggota CSTO."
    article = inline_article(f"{PROSE}\n{members}\n")
    assert [s.text for s in article.sentences] == [PROSE, members]


def test_utf8_bom_and_crlf_are_read_as_plain_text() -> None:
    data = ("\ufeff" + f"YEREVAN – {PROSE}\r\nIa lalu bertemu para menteri di sana.\r\n").encode()
    article = load_article("bom.txt", data)
    assert [s.text for s in article.sentences] == [PROSE, "Ia lalu bertemu para menteri di sana."]


def test_doubled_single_quotes_are_kept_as_the_article_types_them() -> None:
    """A source must be the article's exact sentence, so loading rewrites no quotation marks."""
    sentence = load_seed("004").sentences[11].text
    assert sentence.startswith("‘’Beberapa dari negara Barat tengah menghakimi CSTO")
    assert sentence.endswith("kawasan Asia Tengah,’’ ungkapnya.")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n\t\n", "empty file"),
        (b"Armenia\x00\x01\x02 bersiap keluar.", "binary file"),
        ("Café di Moskow itu ramai sekali pada hari Senin.".encode("latin-1"), "not UTF-8"),
        (b"Menu\nBaca Juga: x\nEditor: y\n", "no article text"),
        (b"Menu\nHome\nKabar Finansial\nBagikan Artikel:\n", "no article text"),
        (b"a" * (MAX_ARTICLE_BYTES + 1), "too large"),
    ],
    ids=["empty", "blank", "binary", "latin-1", "furniture", "menus", "too-large"],
)
def test_bad_input_raises_article_error_naming_file_and_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ArticleError) as info:
        load_article("bad.txt", data)
    assert info.value.file == "bad.txt"
    assert reason in info.value.reason
    assert str(info.value).startswith("bad.txt: ")
    assert isinstance(info.value, ValueError)


def test_not_utf8_error_says_where() -> None:
    data = f"{PROSE}\nCafé di Moskow.\n".encode("latin-1")
    with pytest.raises(ArticleError, match=r"invalid byte 0xe9 on line 2"):
        load_article("latin.txt", data)


def test_unknown_language_is_refused() -> None:
    with pytest.raises(KeyError, match="known: en, id"):
        load_article("x.txt", PROSE.encode(), language="xx")


@pytest.mark.parametrize(
    ("text", "furniture"),
    [("Menu", True), ("Baca Juga: x", True), ("Editor: y", True), ("Menurut PBB, korban bertambah.", False)],
)
def test_furniture_helper(text: str, furniture: bool) -> None:
    assert starts_with_furniture(text) is furniture


def test_seeds_load_from_the_project_folder() -> None:
    for short in SEED_FILES:
        assert seed_path(short).is_file()
        assert isinstance(load_seed(short), Article)
