"""Numbers as news states them: scale words, percentages, ordinals, fractions, spans of years, any counted noun."""

from __future__ import annotations

import re

import pytest
from qb_helpers import PROJECT, inline_article

from question_bank import Card, generate, load_article
from question_bank.extract import extract_facts
from question_bank.lang import get_pack

PACK = get_pack("id")
ARTICLES = PROJECT / "tests" / "data" / "articles"
DATELINE = "Kabar Uji, Jakarta –\n"


def numbers_in(sentence: str) -> list[str]:
    """Return the values of the number facts one sentence states, as the text writes them."""
    facts = extract_facts(inline_article(DATELINE + sentence), PACK, kinds=["number"])
    return sorted(f.value for f in facts)


def number_cards(*sentences: str) -> list[Card]:
    return [c for c in generate([inline_article(DATELINE + "\n".join(sentences))]) if c.kind == "number"]


def right(card: Card) -> str:
    return card.options[card.answer]


def wrong(card: Card) -> list[str]:
    return [o for i, o in enumerate(card.options) if i != card.answer]


def figure(text: str) -> float:
    """Read the figure of an option written out by hand ("1,3 juta" -> 1.3, "3.380" -> 3380, "ke-46" -> 46)."""
    digits = re.search(r"\d[\d.]*(?:,\d+)?", text).group(0)
    return float(digits.replace(".", "").replace(",", "."))


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("OPEC+ sepakat memangkas produksi sebesar 500 ribu barel per hari mulai bulan depan.", ["500 ribu"]),
        ("Sensus mencatat penduduk provinsi itu mencapai 1,3 juta jiwa menurut laporan terbaru.", ["1,3 juta"]),
        ("Badan statistik mencatat inflasi tahunan sebesar 3,5% menurut data resmi terbaru.", ["3,5%"]),
        ("Harga minyak mentah jenis Brent naik 3,7 persen setelah pengumuman tersebut kemarin.", ["3,7 persen"]),
        ("Para pemimpin berkumpul dalam KTT ASEAN ke-32 di ibu kota negara tuan rumah.", ["ke-32"]),
        ("Pemangkasan produksi ini merupakan yang kesembilan sejak kelompok itu dibentuk.", ["kesembilan"]),
        ("Hampir sepertiga dari anggaran dialokasikan untuk program konektivitas digital kawasan.", ["sepertiga"]),
        ("Malaysia memegang keketuaan organisasi itu untuk periode 2019-2020 setelah Thailand.", ["2019-2020"]),
        ("Survei tersebut melibatkan 7.200 petugas lapangan di seluruh kabupaten dan kota.", ["7.200"]),
        ("Angkatan laut negara itu menerima 25 kapal patroli baru dari galangan dalam negeri.", ["25"]),
    ],
)
def test_each_pattern_is_read_as_stated(sentence: str, values: list[str]) -> None:
    assert numbers_in(sentence) == values


@pytest.mark.parametrize(
    "sentence",
    [
        "Konferensi pers digelar di Jakarta pada Senin (2/6/2025) pukul 11.00 WIB oleh pejabat.",
        "Pertemuan berikutnya dijadwalkan berlangsung pada 30 November 2025 di Wina, Austria.",
        "Untuk informasi lebih lanjut, hubungi kantor humas di 0812-3456-7890 setiap hari kerja.",
        "Informasi lengkap tersedia di layanan pusat melalui nomor (021) 3841195 atau surel.",
        "Kebijakan itu mulai berlaku pada 2025 lalu setelah dibahas sejak 2019 silam oleh parlemen.",
        "Pemerintah menyiapkan anggaran Rp 4,5 triliun dan US$ 3 miliar untuk sensus ekonomi.",
        "Harga minyak mentah naik menjadi 68 dolar per barel setelah pengumuman kemarin sore.",
        "Kedua negara sepakat memperkuat kerja sama sesuai Pasal 5 ayat 2 perjanjian tersebut.",
        "Artikel ini sebelumnya berjudul “3 Agenda Utama KTT ASEAN di Kuala Lumpur” di situs kami.",
        "Hubungan kedua negara membaik setelah ketiga menteri bertemu di ibu kota pekan lalu.",
    ],
)
def test_traps_give_no_number(sentence: str) -> None:
    assert numbers_in(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "answer", "shape"),
    [
        ("OPEC+ sepakat memangkas produksi sebesar 500 ribu barel per hari mulai bulan depan.", "500 ribu",
         r"\d{1,3} ribu"),
        ("Sensus mencatat penduduk provinsi itu mencapai 1,3 juta jiwa menurut laporan terbaru.", "1,3 juta",
         r"\d{1,3},\d juta"),
        ("Badan statistik mencatat inflasi tahunan sebesar 3,5% menurut data resmi terbaru.", "3,5%", r"\d+,\d%"),
        ("Harga minyak mentah jenis Brent naik 3,7 persen setelah pengumuman tersebut kemarin.", "3,7 persen",
         r"\d+,\d persen"),
        ("Para analis mencatat bahwa kelompok itu menguasai sekitar 90% pasokan minyak global.", "90%", r"\d+%"),
        ("Para pemimpin berkumpul dalam KTT ASEAN ke-32 di ibu kota negara tuan rumah.", "ke-32", r"ke-\d+"),
        ("Pemangkasan produksi ini merupakan yang kesembilan sejak kelompok itu dibentuk.", "kesembilan",
         r"ke\w+(?: belas)?"),
        ("Malaysia memegang keketuaan organisasi itu untuk periode 2019-2020 setelah Thailand.", "2019-2020",
         r"(\d{4})-(\d{4})"),
        ("Survei tersebut melibatkan 7.200 petugas lapangan di seluruh kabupaten dan kota.", "7.200",
         r"\d{1,2}\.\d00"),
    ],
)
def test_wrong_options_have_the_answers_shape(sentence: str, answer: str, shape: str) -> None:
    [card] = number_cards(sentence)
    assert right(card) == answer
    assert "___" in card.question and answer not in card.question  # still a cloze
    assert len(card.options) == 4 and answer not in wrong(card)
    for option in wrong(card):
        assert re.fullmatch(shape, option), option
        if answer[0].isdigit() and "-" not in answer:
            assert figure(option) > 0
        if answer.endswith("%") or answer.endswith("persen"):
            assert figure(option) <= 100  # a share stays a share
        if answer.endswith(("ribu", "juta")):
            assert 1 <= figure(option) < 1000  # "0,7 juta" or "1.000 ribu" would take another scale word
        if "-" in answer and answer[0].isdigit():
            first, last = (int(y) for y in option.split("-"))
            assert last - first == 1  # a span as long as the answer's


def test_small_percentage_keeps_its_decimals_and_stays_positive() -> None:
    [card] = number_cards("Kelompok makanan dan minuman menyumbang andil inflasi terbesar, yakni 0,8 persen.")
    assert right(card) == "0,8 persen"
    assert all(re.fullmatch(r"\d+,\d persen", o) and figure(o) > 0 for o in wrong(card))


def test_two_values_of_one_sentence_are_never_each_others_wrong_option() -> None:
    cards = number_cards("Tingkat pengangguran terbuka turun menjadi 4,8 persen dari 5,3 persen pada tahun sebelumnya.")
    assert sorted(right(c) for c in cards) == ["4,8 persen", "5,3 persen"]
    for card in cards:
        assert not {"4,8 persen", "5,3 persen"} & set(wrong(card))
        # "turun menjadi 4,8 dari 5,3": a wrong option on the other side of 5,3 would give itself away
        if right(card) == "4,8 persen":
            assert all(figure(o) < 5.3 for o in wrong(card))
        else:
            assert all(figure(o) > 4.8 for o in wrong(card))


@pytest.mark.parametrize(
    ("file", "answers"),
    [
        ("id_numbers_opec_produksi.txt", {"500 ribu", "250 ribu", "3,7 persen", "1,3 juta", "40%", "kesembilan"}),
        ("id_numbers_ktt_asean.txt", {"ke-46", "10", "2.500", "2024-2025", "4,2 persen", "680 juta", "2026-2030",
                                      "sepertiga", "ke-11"}),
        ("id_numbers_bps_sensus.txt", {"2,5%", "0,8 persen", "1,3 juta", "120 ribu", "2019-2024", "350 ribu",
                                       "7.200", "4,8 persen", "5,3 persen"}),
    ],
)
def test_number_cards_of_the_news_articles(file: str, answers: set[str]) -> None:
    article = load_article(file, (ARTICLES / file).read_bytes())
    cards = [c for c in generate([article]) if c.kind == "number"]
    assert {right(c) for c in cards} == answers  # no phone number, date, hour, money or quoted title
    for card in cards:
        assert right(card) not in wrong(card) and len(card.options) == 4
