"""Membership as news states it, in Indonesian and English: joining, founding, leaving, lists and their leads."""

from __future__ import annotations

import pytest
from qb_helpers import inline_article, load_seed

from question_bank import generate
from question_bank.extract import extract_facts
from question_bank.lang import get_pack


def members(text: str, language: str) -> set[tuple[str, str, str]]:
    """Return (kind, organisation, country) of each membership fact an inline article states."""
    article = inline_article(text)
    assert article.language == language, "the test text must read as its own language"
    return {(f.kind, f.subject, f.value_key) for f in extract_facts(article, get_pack(language), kinds=["member"])}


def m(org: str, *countries: str) -> set[tuple[str, str, str]]:
    return {("member", org, c) for c in countries}


def former(org: str, *countries: str) -> set[tuple[str, str, str]]:
    return {("former_member", org, c) for c in countries}


# --- joining and belonging ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Indonesia resmi menjadi anggota penuh BRICS pada Januari 2025 dan hal itu disambut baik.", "id",
         m("BRICS", "Indonesia")),
        ("Swedia resmi menjadi anggota ke-32 NATO setelah menyerahkan dokumen itu kepada pemerintah.", "id",
         m("NATO", "Swedia")),
        ("Timor Leste diterima sebagai anggota kesebelas ASEAN dalam pertemuan yang digelar di kota itu.", "id",
         m("ASEAN", "Timor Leste")),
        ("Malaysia dan Brunei juga menjadi bagian dari OPEC+, meski keduanya tidak ikut dalam pemangkasan.", "id",
         m("OPEC+", "Malaysia", "Brunei Darussalam")),
        ("Indonesia formally became a member of BRICS in January, and the move was welcomed by the bloc.", "en",
         m("BRICS", "Indonesia")),
        ("Finland joined NATO in 2023 and it was the first of the two to do so in the region.", "en",
         m("NATO", "Finland")),
        ("Egypt, Ethiopia, Iran and the United Arab Emirates joined BRICS on January 1, 2024.", "en",
         m("BRICS", "Egypt", "Ethiopia", "Iran", "United Arab Emirates")),
        ("Through its football federation, Indonesia joined FIFA in 1952 and is also part of the AFC.", "en",
         m("FIFA", "Indonesia") | m("AFC", "Indonesia")),
    ],
)
def test_a_country_that_joins_or_belongs(text: str, language: str, expected: set) -> None:
    assert members(text, language) == expected


def test_joining_with_no_organisation_named_means_the_one_the_article_is_about() -> None:
    text = ("The Association of Southeast Asian Nations was founded in 1967 by the Philippines and Thailand. "
            "Brunei joined in 1984, Vietnam in 1995, Laos and Myanmar in 1997, and Cambodia in 1999.")
    assert m("ASEAN", "Brunei", "Vietnam", "Laos", "Myanmar", "Cambodia") <= members(text, "en")


def test_a_clause_between_a_country_and_its_membership_is_skipped() -> None:
    text = "Russia, which was suspended from the Group of Eight (G8) in 2014, remains a full member of the G20."
    assert members(text, "en") == former("G8", "Russia") | m("G20", "Russia")


# --- lists and their leads ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Perhimpunan itu dibentuk oleh Indonesia, Malaysia, Filipina, Singapura, dan Thailand pada 1967.", "id",
         m("ASEAN", "Indonesia", "Malaysia", "Filipina", "Singapura", "Thailand")),
        ("BRICS was founded by Brazil, Russia, India and China, whose leaders first met in 2009.", "en",
         m("BRICS", "Brazil", "Russia", "India", "China")),
        ("Negara yang turut menginisiasi pembentukan ASEAN adalah Indonesia, Malaysia, dan Thailand.", "id",
         m("ASEAN", "Indonesia", "Malaysia", "Thailand")),
        ("Sejumlah negara ASEAN seperti Vietnam dan Laos menolak usul itu dalam pertemuan tersebut.", "id",
         m("ASEAN", "Vietnam", "Laos")),
        ("The bloc has ten members: Brunei, Cambodia, the Philippines and Vietnam among them.", "en",
         m("ASEAN", "Brunei", "Cambodia", "Philippines", "Vietnam")),
        ("The GCC, which groups Bahrain, Kuwait and Oman as well as Qatar, met on Tuesday.", "en",
         m("GCC", "Bahrain", "Kuwait", "Oman", "Qatar")),
        ("The G7 groups Canada, France, Japan and the United States, while the EU also takes part.", "en",
         m("G7", "Canada", "France", "Japan", "United States")),
        ("Sebagian anggota BRICS, yaitu Rusia, India, dan Iran, juga tergabung dalam SCO.", "id",
         m("BRICS", "Rusia", "India", "Iran") | m("SCO", "Rusia", "India", "Iran")),
    ],
)
def test_a_list_read_by_its_own_lead(text: str, language: str, expected: set) -> None:
    context = "Para pemimpin ASEAN bertemu di Jakarta. " if language == "id" else "Asean leaders met in Jakarta. "
    assert members(context + text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # the brief's bug: a partner list near the word "anggota" is not a member list
        ("Negara anggota bertemu dengan mitra wicara ASEAN, antara lain Jepang, Korea Selatan, dan India.", "id"),
        ("Upacara itu dihadiri duta besar negara anggota serta mitra wicara ASEAN, antara lain Jepang dan India.",
         "id"),
        ("Mongolia hadir sebagai negara pengamat, sementara Turki, Azerbaijan, dan Qatar datang sebagai mitra.",
         "id"),
        ("Keputusan OPEC didukung negara produsen di luar organisasi, antara lain Rusia, Kazakhstan, dan Oman.",
         "id"),
        ("Asean's dialogue partners such as Japan, South Korea and India are not members of the bloc.", "en"),
        ("Several other countries are candidates but not yet members, including Albania, Serbia and Moldova.", "en"),
        ("A tier of partner countries, such as Belarus, Bolivia and Kazakhstan, attend some sessions.", "en"),
        ("Observers at the summit included Mongolia and Afghanistan, which applied to join the group.", "en"),
        ("Negara-negara yang ingin bergabung dengan BRICS, antara lain Thailand dan Malaysia, sudah mendaftar.", "id"),
        ("Countries that want to join BRICS, such as Thailand and Malaysia, have applied.", "en"),
    ],
)
def test_partners_observers_and_candidates_are_no_members(text: str, language: str) -> None:
    assert members(text, language) == set()


def test_a_country_before_its_other_members_is_a_member_too() -> None:
    text = ("Rusia menjadi pemimpin CSTO dengan lima negara anggota lainnya, yaitu Armenia, Belarus, "
            "Kazakhstan, Kirgizstan, dan Tajikistan.")
    assert ("member", "CSTO", "Rusia") in members(text, "id")
    english = "Russia leads the CSTO with five other members, namely Armenia, Belarus and Kazakhstan."
    assert ("member", "CSTO", "Russia") in members(english, "en")


def test_seed_000_alone_offers_rusia_as_a_member_not_as_a_wrong_option() -> None:
    cards = [c for c in generate([load_seed("000")]) if c.kind == "member" and not c.fact.get("negated")]
    assert "Rusia" in {c.fact["value"] for c in cards}
    for card in cards:
        wrong = set(card.options) - {card.options[card.answer]}
        assert "Rusia" not in wrong, card


# --- leaving --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Argentina juga keluar dari Gerakan Non-Blok pada 1991 karena menilai gerakan itu kehilangan relevansi.",
         "id", former("Gerakan Non-Blok", "Argentina")),
        ("Qatar keluar dari OPEC pada 1 Januari 2019, sementara Indonesia menangguhkan keanggotaannya pada 2016.",
         "id", former("OPEC", "Qatar", "Indonesia")),
        ("Uzbekistan menarik diri dari CSTO pada 2012 setelah bergabung kembali.", "id", former("CSTO", "Uzbekistan")),
        ("Qatar withdrew from OPEC in 2019, Ecuador left the group in 2020 and Angola quit at the start of 2024.",
         "en", former("OPEC", "Qatar", "Ecuador", "Angola")),
        ("OPEC met in Vienna. Indonesia suspended its membership in 2016.", "en", former("OPEC", "Indonesia")),
        ("Venezuela joined Mercosur in 2012, but its membership was suspended in December 2016.", "en",
         former("Mercosur", "Venezuela")),
    ],
)
def test_a_country_that_leaves(text: str, language: str, expected: set) -> None:
    assert members(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Armenia mengancam keluar dari CSTO karena menilai aliansi itu tidak bertindak.", "id"),
        ("Armenia mungkin akan keluar dari CSTO dalam waktu dekat.", "id"),
        ("Armenia threatened to leave the CSTO over the conflict.", "en"),
        ("Britain may leave the EU if the vote goes that way.", "en"),
        ("France withdrew from NATO's integrated military command in 1966.", "en"),
        ("Argentina pulled out of the BRICS expansion talks last year.", "en"),
        ("Britain left the EU single market in 2020.", "en"),
    ],
)
def test_a_threat_or_a_partial_exit_is_no_leaving(text: str, language: str) -> None:
    assert not {f for f in members(text, language) if f[0] == "former_member"}


# --- a count of members that the sentence lists ---------------------------------------------------------------

def counts(text: str, language: str) -> list[tuple[str, str, str | None]]:
    """Return (value, subject, member_count_of) of each count fact an inline article states."""
    article = inline_article(text)
    facts = extract_facts(article, get_pack(language), kinds=["number"])
    return [(f.value, f.subject, f.detail.get("member_count_of")) for f in facts if f.detail.get("noun")]


@pytest.mark.parametrize(
    ("text", "language", "org", "value"),
    [
        ("Asean leaders met in Jakarta. The bloc has ten members: Brunei, Cambodia, Indonesia and Laos among them.",
         "en", "ASEAN", "ten"),
        ("Leaders met the six members of the Gulf Cooperation Council (GCC), namely Bahrain, Kuwait and Oman.",
         "en", "GCC", "six"),
        ("Sejak 1999, ASEAN beranggotakan sepuluh negara, yaitu Brunei, Filipina, Indonesia, dan Kamboja.",
         "id", "ASEAN", "sepuluh"),
    ],
)
def test_a_count_whose_members_the_sentence_lists_is_asked_as_a_member_count(
        text: str, language: str, org: str, value: str) -> None:
    assert [(v, o) for v, _, o in counts(text, language)] == [(value, org)]


def test_a_count_that_lists_what_it_counts_and_counts_no_organisation_is_not_asked() -> None:
    text = "Eight members of OPEC+ agreed on Sunday. The eight members are Saudi Arabia, Russia, Iraq and Oman."
    found = counts(text, "en")
    assert all("are Saudi Arabia" not in subject for _, subject, _ in found)
    # "Eight members of OPEC+ agreed": some members, not all of them; its sentence lists none, so it may be asked
    assert [(v, o) for v, _, o in found] == [("Eight", None)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a list's lead that is another clause's verb away from the list does not lead it
        ("The African Union, which groups 55 countries, has suspended Mali, Niger and Gabon.", "en", set()),
        ("Guinea, which was suspended after a coup in 2021, remains a member of ECOWAS.", "en",
         m("ECOWAS", "Guinea")),
        ("Turkey, a NATO member since 1952, had demanded that Stockholm act first.", "en", m("NATO", "Turkey")),
        ("Turki, anggota NATO sejak 1952, menunda ratifikasi itu.", "id", m("NATO", "Turki")),
        ("Qatar, a former OPEC member, now exports gas to Europe and the rest of the world.", "en",
         former("OPEC", "Qatar")),
        ("Indonesia, mantan anggota OPEC, kini mengimpor minyak.", "id", former("OPEC", "Indonesia")),
        ("Gabon was readmitted to OPEC in 2016.", "en", m("OPEC", "Gabon")),
        ("Myanmar tetap menjadi anggota ASEAN meski juntanya dilarang hadir.", "id", m("ASEAN", "Myanmar")),
    ],
)
def test_a_membership_set_off_by_commas(text: str, language: str, expected: set) -> None:
    assert members(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("NATO members Turkey and Hungary delayed the vote for months, diplomats said.", "en",
         m("NATO", "Turkey", "Hungary")),
        ("EU member states France and Germany backed the plan.", "en", m("EU", "France", "Germany")),
        ("Negara anggota ASEAN Vietnam dan Laos menolak usulan itu.", "id", m("ASEAN", "Vietnam", "Laos")),
        ("Argentina kembali bergabung dengan Mercosur pada 2010.", "id", m("Mercosur", "Argentina")),
        ("Venezuela keluar dari keanggotaan OPEC pada 2020, kata pejabat.", "id", former("OPEC", "Venezuela")),
    ],
)
def test_members_named_after_their_organisation(text: str, language: str, expected: set) -> None:
    assert members(text, language) == expected
