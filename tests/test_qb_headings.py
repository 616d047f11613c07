"""Prose that does not end with a full stop is kept; headlines, menus, captions and bylines are not (issue 11)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from qb_helpers import PROJECT, inline_article, starts_with_furniture

from question_bank import generate, load_article
from question_bank.extract import extract_facts
from question_bank.lang import get_pack
from question_bank.loading import rebuild_article
from question_bank.model import Article

PACK = get_pack("id")
ARTICLES = PROJECT / "tests" / "data" / "articles"
HEADINGS = sorted(ARTICLES.glob("id_headings_*.txt"))
PROSE = "Para menteri luar negeri Asia Tenggara berkumpul di Jakarta pada Selasa (4/2/2025)."
LAST = "Pertemuan dibuka oleh Menteri Luar Negeri Sugiono di Gedung Sekretariat ASEAN."


def texts(text: str) -> list[str]:
    """Return the sentences an article written inline is read as."""
    return [s.text for s in inline_article(text).sentences]


@cache
def load(path: Path) -> Article:
    return load_article(path.name, path.read_bytes())


@pytest.mark.parametrize(
    "sign_off", [" (bp)", " [ft/dw]", " (*)", " ***", "Â", "â€", "�", " (bp)Â", " [ft/dw] ***"],
    ids=["initials", "initials-pair", "asterisk", "stars", "mojibake-a", "mojibake-quote", "replacement",
         "initials-mojibake", "initials-stars"],
)
def test_paragraph_ending_in_a_sign_off_is_prose_without_it(sign_off: str) -> None:
    assert texts(f"{PROSE} {LAST}{sign_off}\n") == [PROSE, LAST]


def test_last_sentence_without_a_full_stop_is_prose() -> None:
    last = "Menurut Sugiono, ASEAN akan mengirim utusan khusus ke Myanmar sebelum akhir tahun ini"
    assert texts(f"{PROSE}\n{last}\n") == [PROSE, last]
    assert texts(f"{PROSE} {last}\n") == [PROSE, last]


def test_a_sign_off_inside_a_paragraph_is_left_alone() -> None:
    line = "Kantor berita (bp) itu melaporkan pertemuan para menteri di Jakarta pada Selasa."
    assert texts(f"{PROSE}\n{line}\n") == [PROSE, line]


@pytest.mark.parametrize(
    "line",
    [
        "Menlu ASEAN Bertemu di Jakarta Bahas Krisis Myanmar",
        "Putin Kumpulkan Sekutu di Moskow, Siap Hajar NATO?",
        "BRICS Perluas Keanggotaan, Siapa Saja Anggotanya?",
        "Indonesia Siap Jadi Tuan Rumah!",
        "Baca Juga: Harga Beras Naik Menjelang Ramadan di Seluruh Pasar Tradisional Jakarta",
        "Editor: Rina Kartika",
        "Penulis: Dimas Prakoso",
        "Menu",
        "Foto: suasana pertemuan para menteri luar negeri di Gedung Sekretariat ASEAN Jakarta",
        "Suasana pertemuan para menteri di Jakarta",
        "Laporan Wartawan Kabar Pagi, Rina Kartika",
        "Berikut daftarnya:",
        "1. Indonesia",
        "- Brasil",
        "Menlu ASEAN Bertemu di Jakarta (bp)",
    ],
)
def test_headlines_menus_captions_bylines_and_stray_items_are_still_dropped(line: str) -> None:
    article = inline_article(f"{PROSE}\n{line}\n{LAST}\n")
    assert [s.text for s in article.sentences] == [PROSE, LAST]


def test_headline_is_still_taken_as_the_headline() -> None:
    article = load(ARTICLES / "id_headings_asean_menlu.txt")
    assert article.headline == "Menlu ASEAN Bertemu di Jakarta Bahas Krisis Myanmar"
    assert article.outlet == "Kabar Pagi"


def test_colon_lead_keeps_its_list_one_item_per_sentence() -> None:
    text = f"{PROSE}\nAnggota ASEAN adalah sebagai berikut:\n1. Indonesia\n2. Malaysia\n3) Filipina\n{LAST}\n"
    assert texts(text) == [PROSE, "Anggota ASEAN adalah sebagai berikut:", "1. Indonesia", "2. Malaysia",
                           "3) Filipina", LAST]


@pytest.mark.parametrize(
    ("lead", "items", "org"),
    [
        ("Anggota ASEAN adalah sebagai berikut:", ["1. Indonesia", "2. Malaysia", "3. Thailand"], "ASEAN"),
        ("Negara pendiri OPEC terdiri dari lima negara berikut:", ["1) Irak", "2) Iran", "3) Kuwait"], "OPEC"),
        ("Sejak 1 Januari 2024, anggota BRICS meliputi:", ["- Brasil", "- Rusia", "- Afrika Selatan"], "BRICS"),
    ],
)
def test_a_member_list_under_a_lead_yields_its_members(lead: str, items: list[str], org: str) -> None:
    article = inline_article("\n".join([PROSE, lead, *items, LAST]) + "\n")
    facts = [f for f in extract_facts(article, PACK, kinds=["member"]) if f.kind == "member"]
    assert [(f.subject, f.sentence.text) for f in facts] == [(org, item) for item in items]


def test_a_list_not_under_a_member_lead_yields_no_members() -> None:
    article = inline_article(f"{PROSE}\nPara menteri yang hadir dalam pertemuan itu:\n1. Indonesia\n2. Malaysia\n")
    assert [f for f in extract_facts(article, PACK, kinds=["member"]) if f.kind == "member"] == []


@pytest.mark.parametrize(
    ("path", "org", "members"),
    [
        ("id_headings_asean_menlu.txt", "ASEAN",
         {"Brunei Darussalam", "Filipina", "Indonesia", "Kamboja", "Laos", "Malaysia", "Myanmar", "Singapura",
          "Thailand", "Vietnam"}),
        ("id_headings_opec_wina.txt", "OPEC", {"Irak", "Iran", "Kuwait", "Arab Saudi", "Venezuela"}),
        ("id_headings_brics_kazan.txt", "BRICS", {"Brasil", "Rusia", "India", "Cina", "Afrika Selatan", "Mesir",
                                           "Etiopia", "Iran", "Uni Emirat Arab"}),
    ],
)
def test_articles_keep_their_prose_and_their_member_lists(path: str, org: str, members: set[str]) -> None:
    article = load(ARTICLES / path)
    facts = extract_facts(article, PACK, kinds=["member"])
    assert {f.value_key for f in facts if f.kind == "member" and f.subject_key == org} == members
    for sentence in article.sentences:
        assert not sentence.text.endswith(("(bp)", "[ft/dw]", "(*)", "***", "Â", "â€", "�")), sentence.text
        assert not starts_with_furniture(sentence.text), sentence.text
        assert not sentence.text.lower().startswith(("penulis:", "reporter:", "foto:")), sentence.text
    assert article.sentences[-1].text.endswith(("kekerasan", "anggota", "Amerika Latin"))


def test_every_source_is_verbatim_in_its_article() -> None:
    articles = [load(path) for path in HEADINGS]
    cards = generate(articles)
    assert cards
    lines = {path.name: [" ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines()]
             for path in HEADINGS}
    for card in cards:
        for source in card.sources:
            assert any(source.sentence in line for line in lines[source.file]), source.sentence


def test_a_stored_article_with_a_list_splits_again_into_the_same_sentences() -> None:
    """A store keeps paragraphs and splits them again, so "1. Indonesia" must not split into "1." and "Indonesia"."""
    for path in HEADINGS:
        article = load(path)
        paragraphs: dict[int, list[str]] = {}
        for sentence in article.sentences:
            paragraphs.setdefault(sentence.paragraph, []).append(sentence.text)
        stored = "\n\n".join(" ".join(texts) for texts in paragraphs.values())
        rebuilt = rebuild_article(article.file, stored, article.language, article.outlet, article.headline)
        assert rebuilt.sentences == article.sentences


def test_a_sentence_case_headline_on_the_first_line_is_the_headline() -> None:
    # English outlets set headlines in sentence case: by its words it reads as prose, by its place it is none
    article = load_article("en.txt", (
        b"NATO leaders back 5% spending goal at The Hague summit\n"
        b"Leaders of the alliance agreed on Wednesday to lift spending on defence to 5% of output by 2035.\n"
    ))
    assert article.headline == "NATO leaders back 5% spending goal at The Hague summit"
    assert [s.text[:7] for s in article.sentences] == ["Leaders"]


def test_a_long_first_line_without_a_stop_is_still_prose() -> None:
    line = ("Para menteri luar negeri Asia Tenggara berkumpul di Jakarta pada Selasa untuk membahas krisis "
            "kemanusiaan yang terus memburuk di Myanmar sejak kudeta militer")
    assert texts(f"{line}\n{LAST}\n") == [line, LAST]


def test_a_dateline_keeps_a_place_with_lower_case_particles() -> None:
    article = load_article("rio.txt", f"Suara Dunia, Rio de Janeiro –\n{PROSE}\n".encode())
    assert article.outlet == "Suara Dunia"
    assert article.headline is None
    assert [s.text for s in article.sentences] == [PROSE]


def test_a_wire_dateline_is_the_dateline_and_its_agency_the_outlet() -> None:
    article = load_article("en.txt", (
        "Asean adopts 20-year vision\n"
        "KUALA LUMPUR, May 27 (Reuters) – Southeast Asian leaders adopted a blueprint for the next two decades.\n"
    ).encode())
    assert article.outlet == "Reuters"
    assert article.dateline == "KUALA LUMPUR, May 27 (Reuters)"
    assert [s.text for s in article.sentences] == [
        "Southeast Asian leaders adopted a blueprint for the next two decades."]
