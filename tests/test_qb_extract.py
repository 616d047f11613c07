"""Fact extraction, one extractor at a time, on the seeds' own sentences."""

from __future__ import annotations

import pytest
from qb_helpers import SEED_FILES, inline_article, load_seed, seed_text, sentence_with

from question_bank import Article, Fact, Sentence
from question_bank.entities import person_key
from question_bank.extract import EXTRACTORS, extract_facts
from question_bank.extract.numbers import parse_number
from question_bank.lang import get_pack

PACK = get_pack("id")


def facts_in(short: str, fragment: str, kinds: list[str]) -> list[Fact]:
    """Return the facts of the given kinds that the one sentence containing `fragment` states."""
    article = load_seed(short)
    sentence = sentence_with(article, fragment)
    return [f for f in extract_facts(article, PACK, kinds=kinds) if f.sentence == sentence]


def inline_facts(text: str, kinds: list[str]) -> list[Fact]:
    """Return the facts of the given kinds in an article written inline."""
    return extract_facts(inline_article(text), PACK, kinds=kinds)


def test_registry_names_every_extractor() -> None:
    assert set(EXTRACTORS) == {"member", "date", "speaker", "role", "number"}


def test_get_pack() -> None:
    pack = get_pack("id")
    assert pack.code == "id"
    assert pack.countries["kyrgyzstan"] == "Kirgizstan"
    with pytest.raises(KeyError, match="known: en, id"):
        get_pack("xx")


def test_kinds_restricts_extraction() -> None:
    article = load_seed("000")
    assert {f.kind for f in extract_facts(article, PACK, kinds=["member"])} == {"member", "former_member"}
    assert {f.kind for f in extract_facts(article, PACK, kinds=["date"])} == {"date"}
    every = extract_facts(article, PACK)
    assert {f.kind for f in every} == {"member", "former_member", "date", "role", "number"}
    assert [f.sentence.index for f in every] == sorted(f.sentence.index for f in every)


def test_span_points_at_the_value() -> None:
    for short in SEED_FILES:
        for fact in extract_facts(load_seed(short), PACK):
            assert fact.span is not None
            start, end = fact.span
            if fact.kind != "speaker":
                assert fact.sentence.text[start:end] == fact.value, fact


# --- member / former_member -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("short", "fragment", "kind", "values"),
    [
        ("000", "lima negara anggota lainnya, yaitu", "member",
         ["Armenia", "Belarusia", "Kazakhstan", "Kirgizstan", "Tajikistan"]),
        ("001", "kini beranggotakan", "member",
         ["Rusia", "Belarusia", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Armenia"]),
        ("002", "terdiri dari enam negara pasca-Soviet:", "member",
         ["Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Rusia", "Tajikistan"]),
        ("004", "meliputi Rusia, Belarus", "member",
         ["Rusia", "Belarus", "Kirgistan", "Armenia", "Tajikistan", "Kazakhstan"]),
        ("003", "anggota CSTO Kazakhstan", "member", ["Kazakhstan"]),
        ("000", "telah meninggalkan CSTO", "former_member", ["Azerbaijan", "Georgia", "Uzbekistan"]),
        ("004", "menjadi anggota aliansi CSTO hingga tahun 2012", "former_member", ["Uzbekistan"]),
    ],
)
def test_membership(short: str, fragment: str, kind: str, values: list[str]) -> None:
    facts = facts_in(short, fragment, ["member"])
    assert [(f.kind, f.subject, f.value) for f in facts] == [(kind, "CSTO", v) for v in values]
    for fact in facts:
        assert fact.subject_key == "CSTO"
        assert fact.sentence.text[slice(*fact.span)] == fact.value


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [("Belarusia", "Belarus"), ("Belarus", "Belarus"), ("Kyrgyzstan", "Kirgizstan"), ("Kirgistan", "Kirgizstan"),
     ("Kirgizstan", "Kirgizstan"), ("Rusia", "Rusia")],
)
def test_member_value_key_is_canonical(surface: str, canonical: str) -> None:
    keys = {f.value_key for short in SEED_FILES for f in extract_facts(load_seed(short), PACK, ["member"])
            if f.value == surface}
    assert keys == {canonical}


@pytest.mark.parametrize(
    ("short", "fragment"),
    [
        ("004", "Sejumlah kepala negara telah hadir, seperti Armenia"),
        ("004", "bergabungnya Swedia dan Finlandia ke pakta pertahanan"),
        ("004", "Mengomentari keputusan Swedia dan Finlandia"),
        ("004", "meliputi ibu kota Kyiv"),
        ("000", "ketegangan yang terus meningkat antara Armenia dan Rusia"),
        ("001", "Moskow menegaskan komitmennya terhadap Armenia"),
    ],
)
def test_not_membership(short: str, fragment: str) -> None:
    assert facts_in(short, fragment, ["member"]) == []


def test_nato_gets_no_members_from_the_seeds() -> None:
    facts = [f for short in SEED_FILES for f in extract_facts(load_seed(short), PACK, ["member"])]
    assert {f.subject_key for f in facts} == {"CSTO"}
    assert not {"Swedia", "Finlandia", "Ukraina"} & {f.value_key for f in facts}


def test_epithet_names_a_member() -> None:
    facts = inline_facts("Aliansi CSTO kini beranggotakan Negeri Beruang Merah, Belarus, dan Armenia sejak lama.",
                         ["member"])
    assert [(f.value, f.value_key) for f in facts] == [
        ("Negeri Beruang Merah", "Rusia"), ("Belarus", "Belarus"), ("Armenia", "Armenia")]


def test_list_without_an_organisation_gives_no_members() -> None:
    assert inline_facts("Organisasi itu beranggotakan Armenia, Belarus, dan Rusia sejak lama.", ["member"]) == []


# --- date -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("short", "fragment", "value", "key", "precision"),
    [
        ("000", "perang enam minggu dengan Azerbaijan pada tahun 2020", "2020", "2020", "year"),
        ("000", "memindahkan pasukan ke wilayahnya pada tahun 2021", "2021", "2021", "year"),
        ("000", "pertemuan pemimpin CSTO pada November 2022", "November 2022", "2022-11", "month"),
        ("000", "Pada Januari 2023, Pashinyan", "Januari 2023", "2023-01", "month"),
        ("000", "anggota baru sejak 1949", "1949", "1949", "year"),
        ("001", "Pada Januari 2022, CSTO mengerahkan", "Januari 2022", "2022-01", "month"),
        ("001", "di negara tersebut pada Februari 2022", "Februari 2022", "2022-02", "month"),
        ("001", "CSTO didirikan pada tahun 1992", "1992", "1992", "year"),
        ("002", "yang didirikan pada tahun 2002", "2002", "2002", "year"),
        ("003", "Dmitry Peskov pada Minggu (27/11/2022)", "Minggu (27/11/2022)", "2022-11-27", "day"),
        ("003", "Orenburg, Rusia, Senin (28/11/2022)", "Senin (28/11/2022)", "2022-11-28", "day"),
        ("004", "Pada hari Senin, 17 Mei 2022 waktu setempat", "hari Senin, 17 Mei 2022", "2022-05-17", "day"),
        ("004", "menyerang Ukraina sejak 24 Februari 2022", "24 Februari 2022", "2022-02-24", "day"),
        ("004", "hingga tahun 2012", "2012", "2012", "year"),
        ("004", "disahkan pada tanggal 20 April 1994", "20 April 1994", "1994-04-20", "day"),
        ("004", "Pada tahun 2002, status CSTO", "2002", "2002", "year"),
    ],
)
def test_date_with_precision(short: str, fragment: str, value: str, key: str, precision: str) -> None:
    facts = [f for f in facts_in(short, fragment, ["date"]) if f.value == value]
    assert len(facts) == 1
    fact = facts[0]
    assert fact.value_key == key
    assert fact.detail["date"].precision == precision
    assert fact.detail["date"].key == key
    assert fact.sentence.text[slice(*fact.span)] == value
    assert "___" in fact.subject or fact.subject_key.endswith(":didirikan")


@pytest.mark.parametrize(
    ("short", "fragment"),
    [("001", "CSTO didirikan pada tahun 1992"), ("002", "yang didirikan pada tahun 2002")],
)
def test_founding_dates_share_one_event_key(short: str, fragment: str) -> None:
    [fact] = facts_in(short, fragment, ["date"])
    assert fact.subject_key == "CSTO:didirikan"


@pytest.mark.parametrize(
    ("short", "fragment"),
    [
        ("001", "dikutip pada Selasa (25/6)"),
        ("002", "Menurut Reuters, Kamis (13/6/2024)"),
        ("004", "dikutip langsung dari situs resminya, pada hari Selasa, 17 Mei 2022"),
        ("004", "mengutip laporan dari Sputnik, pada hari Selasa lalu"),
    ],
)
def test_no_date_from_a_citation(short: str, fragment: str) -> None:
    assert facts_in(short, fragment, ["date"]) == []


def test_no_date_from_a_range() -> None:
    facts = facts_in("000", "Pada akhir 2022 hingga awal 2023", ["date"])
    assert [f.value_key for f in facts] == ["2022-11"]  # only "pada November 2022" in the same sentence


@pytest.mark.parametrize(
    "text",
    [
        "Pertemuan itu dikutip pada Selasa (25/6/2024) oleh banyak media asing.",
        "Menurut Reuters, Kamis (13/6/2024), pertemuan itu berlangsung lama.",
        "Pada akhir 2022 hingga awal 2023, hubungan kedua negara memburuk.",
        "“Kami sudah siap sejak tahun 2020,” kata seorang pejabat yang hadir.",
    ],
    ids=["dikutip", "menurut", "range", "inside-quotation"],
)
def test_no_date_inline(text: str) -> None:
    assert inline_facts(text, ["date"]) == []


@pytest.mark.parametrize(
    ("short", "keys"),
    [
        ("000", ["2020", "2021", "2022-11", "2023-01", "2023", "1949"]),
        ("001", ["1992", "2022-01", "2022-02"]),
        ("002", ["2002", "2020"]),
        ("003", ["2022-11-27", "2022-11-28"]),
        ("004", ["2022-05-17", "2022-02-24", "1945", "2022-05-17", "2012", "1994-04-20", "2002"]),
    ],
)
def test_every_date_of_a_seed(short: str, keys: list[str]) -> None:
    assert [f.value_key for f in extract_facts(load_seed(short), PACK, ["date"])] == keys


# --- speaker ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("short", "fragment", "speaker"),
    [
        ("001", "Sejarah dua abad terakhir", "Tasmagambetov"),  # "…," ujar Tasmagambetov
        ("002", "Kami akan meninggalkan (CSTO)", "Pashinyan"),  # "…," kata Pashinyan
        ("003", "Selalu ada upaya untuk", "Peskov"),  # kata kantor berita mengutip Peskov
        ("003", "Tapi setidaknya sekarang kita melihat", "Peskov"),  # katanya: the previous speaker
        ("003", "Dan itu sepenuhnya menunjukkan relevansi", "Peskov"),  # imbuhnya
        ("004", "Beberapa dari negara Barat tengah menghakimi", "Zhu Yongbiao"),  # ungkapnya after "Zhu … menjelaskan"
    ],
)
def test_speaker(short: str, fragment: str, speaker: str) -> None:
    facts = facts_in(short, fragment, ["speaker"])
    assert [f.value for f in facts] == [speaker]
    fact = facts[0]
    assert fact.value_key == person_key(speaker)
    assert fragment in fact.subject
    assert not fact.subject.startswith(("“", '"')) and not fact.subject.endswith((",", "”", '"'))


@pytest.mark.parametrize(
    ("short", "fragment"),
    [
        ("001", "Armenia adalah sekutu kami"),  # ungkapnya after "Moskow menegaskan": a city is not a person
        ("002", "bunyi pernyataan itu"),
        ("002", "lanjut pernyataan itu"),
        ("002", "Amerika akan memberikan solusi bisnis"),  # no verb, and the previous "speaker" was a statement
        ("004", "mengutip laporan dari Sputnik"),
        ("004", "tambah laporan tersebut"),
        ("004", "tulis pasal 4 aliansi tersebut"),
        ("004", "Dalam hal tindakan agresi"),
    ],
)
def test_no_speaker(short: str, fragment: str) -> None:
    assert facts_in(short, fragment, ["speaker"]) == []


def test_too_short_quotation_has_no_speaker() -> None:
    facts = facts_in("002", "Jangan khawatir.", ["speaker"])
    assert [f.subject.split()[:3] for f in facts] == [["Kami", "akan", "meninggalkan"]]
    text = ("Perdana Menteri Armenia Nikol Pashinyan hadir di parlemen.\n“Jangan khawatir,” kata Pashinyan.\n"
            "“Kami akan memutuskan kapan kami pergi,” kata Pashinyan.\n")
    assert [(f.subject, f.value) for f in inline_facts(text, ["speaker"])] == [
        ("Kami akan memutuskan kapan kami pergi", "Pashinyan")]


def test_seeds_have_six_speaker_facts() -> None:
    facts = [f for short in SEED_FILES for f in extract_facts(load_seed(short), PACK, ["speaker"])]
    assert [f.value_key for f in facts] == ["tasmagambetov", "pashinyan", "peskov", "peskov", "peskov", "yongbiao"]


QUOTE = "“Kami tidak akan mundur dari perjanjian ini sama sekali.”"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (f"Vladimir Putin mengatakan: {QUOTE}", "Vladimir Putin"),
        (f"Vladimir Putin menegaskan {QUOTE}", "Vladimir Putin"),
        (f"Ia mengatakan: {QUOTE}", None),  # a pronoun with nobody named
        ("“Kami akan tetap di sini sampai akhir nanti,” menurut Reuters.", None),  # a source, not a speaker
        ("“Kami akan tetap di sini sampai akhir nanti,” kata Moskow.", None),  # a city
        ("“Kami akan tetap di sini sampai akhir nanti,” kata Kremlin.", None),
        ("“Kami akan tetap di sini sampai akhir nanti,” katanya.", None),  # -nya with nobody before
        ("“Kami akan tetap di sini sampai akhir nanti,” tulis Kantor Berita TASS.", None),  # a publication
        (f"Presiden Rusia Vladimir Putin mengatakan: {QUOTE}", "Vladimir Putin"),
    ],
)
def test_speaker_inline(text: str, speaker: str | None) -> None:
    values = [f.value for f in inline_facts(text, ["speaker"])]
    assert values == ([speaker] if speaker else [])


# --- role -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("short", "fragment", "office", "person"),
    [
        ("000", "Perdana Menteri Armenia, Nikol Pashinyan,", "Perdana Menteri Armenia", "Nikol Pashinyan"),
        ("000", "Presiden Rusia, Vladimir Putin,", "Presiden Rusia", "Vladimir Putin"),
        ("000", "Presiden Azerbaijan, Ilham Aliyev,", "Presiden Azerbaijan", "Ilham Aliyev"),
        ("000", "juru bicara Kremlin, Dmitry Peskov,", "Juru bicara Kremlin", "Dmitry Peskov"),
        ("001", "Sekretaris Jenderal CSTO, Imangali Tasmagambetov,", "Sekretaris Jenderal CSTO",
         "Imangali Tasmagambetov"),
        ("002", "Menteri Luar Negeri Armenia Ararat Mirzoyan", "Menteri Luar Negeri Armenia", "Ararat Mirzoyan"),
        ("002", "Asisten Menteri Luar Negeri AS untuk Eropa dan Eurasia James O’Brien",
         "Asisten Menteri Luar Negeri AS untuk Eropa dan Eurasia", "James O’Brien"),
        ("003", "Juru bicara Kremlin Dmitry Peskov", "Juru bicara Kremlin", "Dmitry Peskov"),
        ("003", "Presiden Kassym-Jomart Tokayev", "Presiden Kazakhstan", "Kassym-Jomart Tokayev"),
        ("004", "Zhu Yongbiao selaku Direktur", "Direktur Pusat Studi Afganistan di Universitas Lanzhou",
         "Zhu Yongbiao"),
    ],
)
def test_role(short: str, fragment: str, office: str, person: str) -> None:
    facts = [f for f in facts_in(short, fragment, ["role"]) if f.value == person]
    assert [f.subject for f in facts] == [office]
    assert facts[0].detail["qualified"] is True
    assert facts[0].value_key == person_key(person)


def test_tokayev_is_qualified_only_by_tokayev_dari_kazakhstan() -> None:
    sentence = ("Pashinyan membandingkannya dengan keputusan cepat aliansi pada Januari untuk mengirim pasukan "
                "ke anggota CSTO Kazakhstan untuk membantu Presiden Kassym-Jomart Tokayev selamat dari gelombang "
                "kerusuhan.")
    [bare] = inline_facts(sentence, ["role"])
    assert (bare.subject, bare.value, bare.detail["qualified"]) == ("Presiden", "Kassym-Jomart Tokayev", False)
    qualified = inline_facts(f"{sentence}\nTokayev dari Kazakhstan memenangkan pemilihan ulang bulan ini.", ["role"])
    assert [(f.subject, f.detail["qualified"]) for f in qualified] == [("Presiden Kazakhstan", True)]


def test_bare_title_of_putin_is_unqualified() -> None:
    facts = facts_in("004", "presiden Putin memimpin langsung", ["role"])
    assert [(f.subject, f.value, f.subject_key, f.detail["qualified"]) for f in facts] == [
        ("Presiden", "Putin", "bare:presiden", False)]


def test_byline_is_not_a_role() -> None:
    facts = extract_facts(load_seed("003"), PACK, ["role"])
    assert "Editor: Muhammad Syahrianto" in seed_text("003")
    assert all("Syahrianto" not in f.value for f in facts)
    # even a byline that reached the extractor is not an office
    byline = Article(file="b.txt", language="id", outlet=None, headline=None,
                     sentences=(Sentence("b.txt", 0, 0, "Editor: Muhammad Syahrianto"),
                                Sentence("b.txt", 1, 1, "Penulis: Ahmad Santoso.")))
    assert extract_facts(byline, PACK, ["role"]) == []


def test_zhu_sentence_names_only_zhu_as_office_holder() -> None:
    facts = facts_in("004", "Zhu Yongbiao selaku Direktur", ["role"])
    assert [f.value for f in facts] == ["Zhu Yongbiao"]


# --- number -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("short", "fragment", "value", "number", "counts_members_of"),
    [
        ("002", "terdiri dari enam negara", "enam", 6.0, "CSTO"),
        ("003", "(CSTO) enam negara", "enam", 6.0, "CSTO"),
        ("004", "lebih dari 3.380 jiwa", "3.380", 3380.0, None),
        ("000", "dengan lima negara anggota lainnya", "lima", 5.0, None),  # the others, not all members
        ("000", "perang enam minggu", "enam", 6.0, None),
    ],
)
def test_number(short: str, fragment: str, value: str, number: float, counts_members_of: str | None) -> None:
    [fact] = facts_in(short, fragment, ["number"])
    assert fact.value == value
    assert fact.detail["number"] == number
    assert fact.value_key == str(int(number))
    assert fact.detail["member_count_of"] == counts_members_of
    if counts_members_of:
        assert (fact.subject, fact.subject_key) == ("jumlah negara anggota CSTO", "members:CSTO")


def test_no_number_inside_a_quotation() -> None:
    assert facts_in("001", "Sejarah dua abad terakhir", ["number"]) == []
    facts = inline_facts("Kami menghitung 5 tentara dan “lima tentara lain datang kemudian,” kata saksi.", ["number"])
    assert [f.value for f in facts] == ["5"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3.380", 3380.0), ("1.000.000", 1000000.0), ("enam", 6.0), ("Enam", 6.0), ("1,5", 1.5), ("12", 12.0),
     ("dua belas", 12.0), ("abad", None)],
)
def test_parse_number(text: str, expected: float | None) -> None:
    assert parse_number(text, PACK) == expected


def test_huge_count_does_not_crash_extraction() -> None:
    facts = inline_facts("Sebanyak " + "9" * 320 + " orang hadir di sana kemarin.", ["number"])
    assert len(facts) <= 1
