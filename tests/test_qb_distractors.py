"""Wrong options that do not depend on the corpus size: outsiders from the answer's region, people beyond the
corpus, each card in its own article's language, and never a value the articles state as true."""

from __future__ import annotations

import dataclasses

import pytest
from qb_helpers import CSTO_FORMER_MEMBERS, CSTO_MEMBERS, PROJECT, inline_article, load_seed, seed_articles

import question_bank.cards.pools
import question_bank.pipeline
from question_bank import Article, Card, generate, load_article
from question_bank.cards.regions import countries_of, region_of
from question_bank.lang import LanguagePack, get_pack
from question_bank.lang.cldr import country_names

PACK = get_pack("id")
ARTICLES = PROJECT / "tests" / "data" / "articles"

ASEAN_ALONE = "Kabar Pagi – ASEAN beranggotakan Indonesia, Malaysia, Thailand, dan Vietnam.\n"


def wrong(card: Card) -> set[str]:
    return {o for i, o in enumerate(card.options) if i != card.answer}


def membership_cards(cards: list[Card], kind: str = "member") -> list[Card]:
    return [c for c in cards if c.kind == kind and not c.fact.get("negated")]


# --- one article alone ----------------------------------------------------------------------------------------

def test_an_article_alone_gets_four_options_from_outside_the_members_regions() -> None:
    """Four of ASEAN's members named, and no count: any other Asian country may be a member the article never
    names (Singapura), so the wrong options come from other regions."""
    cards = membership_cards(generate([inline_article(ASEAN_ALONE)]))
    assert {c.fact["value"] for c in cards} == {"Indonesia", "Malaysia", "Thailand", "Vietnam"}
    table = countries_of(PACK)
    for card in cards:
        assert len(card.options) == 4
        assert not wrong(card) & {"Indonesia", "Malaysia", "Thailand", "Vietnam"}
        for option in wrong(card):
            code = table.code(option)
            assert code is not None and "Asia" not in region_of(code), (option, card.options)


def test_a_membership_listed_whole_gets_outsiders_from_the_answers_region() -> None:
    text = "Kabar – ASEAN beranggotakan empat negara, yaitu Indonesia, Malaysia, Thailand, dan Vietnam.\n"
    table = countries_of(PACK)
    cards = membership_cards(generate([inline_article(text)]))
    assert cards
    for card in cards:
        for option in wrong(card):
            code = table.code(option)
            assert code is not None and "Asia" in region_of(code), (option, card.options)


def test_the_headings_article_alone_now_gives_its_member_cards() -> None:
    """Each member item of a numbered list was dropped alone: the article named one other country."""
    file = "id_headings_asean_menlu.txt"
    cards = membership_cards(generate([load_article(file, (ARTICLES / file).read_bytes())]))
    assert len(cards) == 10
    assert all(len(c.options) == 4 for c in cards)


def test_outsiders_are_drawn_alike_from_the_same_input() -> None:
    first = generate([inline_article(ASEAN_ALONE)])
    again = generate([inline_article(ASEAN_ALONE)])
    assert [c.to_dict() for c in first] == [c.to_dict() for c in again]


# --- never a value stated as true -------------------------------------------------------------------------

@pytest.mark.parametrize("short", ["000", "001", "002", "003", "004"])
def test_a_seed_alone_never_offers_a_csto_member_as_a_wrong_member(short: str) -> None:
    for card in membership_cards(generate([load_seed(short)])):
        assert not wrong(card) & CSTO_MEMBERS, card.options


@pytest.mark.parametrize("short", ["000", "001", "002", "003", "004"])
def test_a_seed_alone_never_offers_a_former_member_as_a_wrong_former_member(short: str) -> None:
    for card in membership_cards(generate([load_seed(short)]), "former_member"):
        assert not wrong(card) & CSTO_FORMER_MEMBERS, card.options


def test_a_country_named_beside_the_organisation_is_no_outsider() -> None:
    """000 lists five members after "Rusia menjadi pemimpin"; 003 calls Rusia "pemain dominan di CSTO"."""
    for short in ("000", "003"):
        for card in membership_cards(generate([load_seed(short)])):
            assert "Rusia" not in wrong(card), (short, card.options)
            assert "Armenia" not in wrong(card) or short == "000", (short, card.options)


def test_a_country_named_with_a_membership_word_is_no_outsider() -> None:
    text = ASEAN_ALONE + "Timor Leste diterima sebagai anggota kesebelas dalam pertemuan ini.\n"
    for card in membership_cards(generate([inline_article(text)])):
        assert "Timor Leste" not in wrong(card)  # the extractor reads it as the eleventh member: never a wrong one


def test_another_list_of_countries_beside_a_member_list_is_no_outsider() -> None:
    """The elected members and the permanent ones, each in a list of its own: none is a wrong option."""
    text = ("Suara – Negara yang terpilih sebagai anggota tidak tetap DK PBB adalah Denmark, Yunani, dan Pakistan.\n"
            "Kursi tetap dipegang lima negara, yaitu Amerika Serikat, Inggris, Prancis, Rusia, dan Tiongkok.\n")
    cards = [c for c in generate([inline_article(text)]) if c.kind == "member"]
    assert cards
    for card in cards:
        assert not wrong(card) & {"Amerika Serikat", "Inggris", "Prancis", "Rusia", "Cina", "Denmark", "Yunani",
                                  "Pakistan"}, card.options


def test_a_member_stated_by_one_article_is_no_wrong_option_in_another() -> None:
    one = inline_article("Kabar – CSTO beranggotakan Armenia, Belarus, dan Rusia.\n", "one.txt")
    other = inline_article("Warta – Pasukan dikirim ke anggota CSTO Kazakhstan pada Januari.\n", "other.txt")
    cards = membership_cards(generate([one, other]))
    stated = {"Armenia", "Belarus", "Rusia", "Kazakhstan"}
    assert {c.fact["value"] for c in cards} == stated
    for card in cards:
        assert not wrong(card) & stated, card.options


def test_former_members_stay_the_best_wrong_options() -> None:
    text = ("Kabar – CSTO beranggotakan Armenia, Belarus, dan Rusia.\n"
            "Sebelumnya, Azerbaijan, Georgia, dan Uzbekistan telah meninggalkan CSTO.\n")
    for card in membership_cards(generate([inline_article(text)])):
        assert len(wrong(card) & {"Azerbaijan", "Georgia", "Uzbekistan"}) == 2, card.options


# --- each card in its own article's language ----------------------------------------------------------------

def english_pack() -> LanguagePack:
    """A stand-in English pack: the Indonesian one with English country names (the real one is being written)."""
    return dataclasses.replace(PACK, code="en", countries={n.lower(): n for n in country_names("en").values()})


@pytest.fixture
def two_languages(monkeypatch: pytest.MonkeyPatch) -> dict[str, LanguagePack]:
    packs = {"id": PACK, "en": english_pack()}
    for module in (question_bank.pipeline, question_bank.cards.pools):
        monkeypatch.setattr(module, "get_pack", packs.__getitem__)
    return packs


def english(article: Article) -> Article:
    return dataclasses.replace(article, language="en")


def test_each_card_is_asked_in_its_articles_language(two_languages: dict[str, LanguagePack]) -> None:
    indonesian = inline_article("Kompas – CSTO beranggotakan Rusia, Belarus, Armenia, dan Kazakhstan.\n"
                                "Sebelumnya, Azerbaijan, Georgia, dan Uzbekistan telah meninggalkan CSTO.\n", "a.txt")
    other = english(inline_article("Tempo – CSTO beranggotakan Russia, Tajikistan, dan Kyrgyzstan.\n", "b.txt"))
    cards = membership_cards(generate([indonesian, other]))
    by_language = {lang: [c for c in cards if c.language == lang] for lang in ("id", "en")}
    assert {c.fact["value"] for c in by_language["en"]} == {"Russia", "Tajikistan", "Kyrgyzstan"}
    assert {c.fact["value"] for c in by_language["id"]} == {"Rusia", "Belarus", "Armenia", "Kazakhstan"}
    english_names = set(country_names("en").values())
    indonesian_names = set(PACK.countries.values())
    for card in by_language["en"]:
        assert set(card.options) <= english_names, card.options
        assert not {"Rusia", "Kirgizstan", "Afganistan"} & set(card.options)
    for card in by_language["id"]:
        assert set(card.options) <= indonesian_names, card.options
        assert not {"Russia", "Kyrgyzstan", "Afghanistan"} & set(card.options)


def test_a_member_stated_in_one_language_is_no_wrong_option_in_another(
        two_languages: dict[str, LanguagePack]) -> None:
    indonesian = inline_article("Kompas – CSTO beranggotakan Rusia, Belarus, dan Armenia.\n", "a.txt")
    other = english(inline_article("Tempo – CSTO beranggotakan Kazakhstan, Tajikistan, dan Kyrgyzstan.\n", "b.txt"))
    for card in membership_cards(generate([indonesian, other])):
        codes = {countries_of(two_languages[card.language]).code(o) for o in wrong(card)}
        assert not codes & {"RU", "BY", "AM", "KZ", "TJ", "KG"}, card.options


# --- people ----------------------------------------------------------------------------------------------

TASMAGAMBETOV = "Imangali Tasmagambetov"


def role_of(cards: list[Card], person: str) -> list[Card]:
    return [c for c in cards if c.kind == "role" and c.fact["value"] == person]


def test_too_few_people_still_drops_the_role_card() -> None:
    """001 alone names Tasmagambetov and Pashinyan only: one wrong option is not a card."""
    assert role_of(generate([load_seed("001")]), TASMAGAMBETOV) == []


def test_people_the_caller_knows_fill_the_options() -> None:
    known = ["Joko Widodo", "Retno Marsudi", "Imangali Tasmagambetov", "  "]
    cards = generate([load_seed("001")], known_people=known)
    [card] = role_of(cards, TASMAGAMBETOV)
    assert wrong(card) <= {"Nikol Pashinyan", "Joko Widodo", "Retno Marsudi"}
    assert "Nikol Pashinyan" in wrong(card)  # the article's own people come first
    assert card.confidence < 1
    speaker = [c for c in cards if c.kind == "speaker" and c.fact["value"] == TASMAGAMBETOV]
    assert speaker and TASMAGAMBETOV not in wrong(speaker[0])


def test_no_one_credited_with_the_same_quotation_is_a_wrong_speaker() -> None:
    quote = "“Dunia membutuhkan tatanan yang lebih adil bagi negara berkembang,”"
    one = inline_article(f"Kabar – Presiden Brasil, Luiz Inacio Lula da Silva, membuka pertemuan di Rio.\n"
                         f"{quote} ujar Lula.\n", "one.txt")
    other = inline_article(f"Warta – Presiden Rusia, Vladimir Putin, membuka pertemuan di Kazan.\n{quote} kata Putin.\n"
                           "Juru bicara Kremlin, Dmitry Peskov, dan Presiden Kazakhstan, Kassym-Jomart Tokayev, "
                           "hadir.\n", "other.txt")
    speakers = [c for c in generate([one, other]) if c.kind == "speaker"]
    assert {c.fact["value"] for c in speakers} == {"Luiz Inacio Lula da Silva", "Vladimir Putin"}
    for card in speakers:
        assert not {"Luiz Inacio Lula da Silva", "Vladimir Putin"} & wrong(card), card.options


def test_the_corpus_people_come_before_the_callers() -> None:
    cards = generate(seed_articles(), known_people=["Joko Widodo", "Retno Marsudi"])
    for card in cards:
        assert "Joko Widodo" not in card.options and "Retno Marsudi" not in card.options


# --- dates ----------------------------------------------------------------------------------------------

def test_a_wrong_date_of_a_past_event_is_not_after_the_articles_latest_date() -> None:
    text = ("Kabar – Armenia terlibat dalam perang dengan Azerbaijan pada tahun 2020.\n"
            "Pashinyan bertemu Aliyev di Moskow pada tahun 2023.\n")
    [card] = [c for c in generate([inline_article(text)]) if c.fact["value"] == "2020"]
    assert all(int(o) <= 2023 for o in card.options), card.options
    assert any(int(o) > 2020 for o in card.options), card.options  # the answer is not always the latest


def test_a_pack_without_membership_words_uses_its_member_noun() -> None:
    """The English pack lists no membership words yet; "… is expected to become the 11th member" still counts."""
    file = "en_asean_summit.txt"
    article = load_article(file, (ARTICLES / file).read_bytes())
    assert article.language == "en" and not get_pack("en").membership_words
    cards = membership_cards(generate([article]))
    assert cards
    for card in cards:
        assert "Timor-Leste" not in card.options


def test_an_organisation_listed_in_part_offers_outsiders_from_other_regions() -> None:
    """"Its members include France, Germany and Italy" out of 32: any other European country may be a member the
    article never names (Montenegro, Slovenia), so no wrong option comes from the members' own regions."""
    text = ("Newswire – NATO, which now has 32 members, met in Brussels on Tuesday.\n"
            "Its members include France, Germany and Italy, which sent their defence ministers.\n")
    pack = get_pack("en")
    cards = membership_cards(generate([inline_article(text)]))
    assert cards
    for card in cards:
        for option in wrong(card):
            code = countries_of(pack).code(option)
            assert code and "Europe" not in region_of(code), card.options
