"""Corpus merge: canonical names, one fact with many sources, disputes between articles."""

from __future__ import annotations

import random
from collections import Counter
from functools import cache

import pytest
from qb_helpers import CSTO_FORMER_MEMBERS, CSTO_MEMBERS, inline_article, seed_articles

from question_bank import MergedFact, build_corpus
from question_bank.entities import country_name
from question_bank.extract import extract_facts
from question_bank.lang import get_pack
from question_bank.merge import Corpus, merge_facts

PACK = get_pack("id")


@cache
def corpus() -> Corpus:
    """Merge the five seeds once (the corpus is not mutated by the tests)."""
    return build_corpus(seed_articles())


def merged(kind: str, subject_key: str, value_key: str) -> MergedFact:
    """Return the one merged fact with this kind, subject and value."""
    found = [f for f in corpus().facts if (f.kind, f.subject_key, f.value_key) == (kind, subject_key, value_key)]
    assert len(found) == 1, (kind, subject_key, value_key, found)
    return found[0]


def files_of(fact: MergedFact) -> set[str]:
    """Return the seeds (by short name) that state a merged fact."""
    return {s.sentence.file[:3] for s in fact.statements}


@pytest.mark.parametrize(
    ("country", "spellings", "files"),
    [
        ("Belarus", {"Belarusia", "Belarus"}, {"000", "001", "002", "004"}),
        ("Kirgizstan", {"Kirgizstan", "Kyrgyzstan", "Kirgistan"}, {"000", "001", "002", "004"}),
        ("Kazakhstan", {"Kazakhstan"}, {"000", "001", "002", "003", "004"}),
        ("Armenia", {"Armenia"}, {"000", "001", "002", "004"}),
        ("Tajikistan", {"Tajikistan"}, {"000", "001", "002", "004"}),
        ("Rusia", {"Rusia"}, {"000", "001", "002", "004"}),
    ],
)
def test_one_member_fact_per_country_with_sources_from_several_files(
        country: str, spellings: set[str], files: set[str]) -> None:
    fact = merged("member", "CSTO", country)
    assert fact.value == country
    assert fact.subject == "CSTO"
    assert {s.value for s in fact.statements} == spellings
    assert files_of(fact) == files
    assert not fact.disputed


def test_members_and_former_members_of_the_corpus() -> None:
    members = {f.value for f in corpus().facts if f.kind == "member"}
    formers = {f.value for f in corpus().facts if f.kind == "former_member"}
    assert members == CSTO_MEMBERS
    assert formers == CSTO_FORMER_MEMBERS
    assert files_of(merged("former_member", "CSTO", "Uzbekistan")) == {"000", "004"}


def test_no_two_merged_facts_say_the_same_thing() -> None:
    keys = Counter((f.kind, f.subject_key, f.value_key) for f in corpus().facts)
    assert [k for k, n in keys.items() if n > 1] == []


def test_statements_are_in_corpus_order() -> None:
    for fact in corpus().facts:
        order = [(s.sentence.file, s.sentence.index) for s in fact.statements]
        assert order == sorted(order)
        assert fact.first == fact.statements[0]


def test_founding_year_is_disputed() -> None:
    founding = [f for f in corpus().facts if f.kind == "date" and f.subject_key == "CSTO:didirikan"]
    assert sorted((f.value, f.disputed) for f in founding) == [("1992", True), ("2002", True)]
    assert {f.value: files_of(f) for f in founding} == {"1992": {"001"}, "2002": {"002"}}


def test_nothing_else_is_disputed() -> None:
    disputed = [(f.kind, f.subject_key, f.value) for f in corpus().facts if f.disputed]
    assert disputed == [("date", "CSTO:didirikan", "1992"), ("date", "CSTO:didirikan", "2002")]


def test_year_2002_of_a_different_event_is_not_disputed() -> None:
    status = [f for f in corpus().facts if f.kind == "date" and f.value == "2002" and not f.disputed]
    assert len(status) == 1
    assert status[0].first.sentence.text.startswith("Pada tahun 2002, status CSTO naik")


def test_bare_presiden_putin_merges_into_presiden_rusia() -> None:
    fact = merged("role", "presiden rusia", "putin")
    assert (fact.subject, fact.value) == ("Presiden Rusia", "Vladimir Putin")
    sentences = [s.sentence.text for s in fact.statements]
    assert "Dalam laporan media Rusia TASS, presiden Putin memimpin langsung pertemuan CSTO tersebut." in sentences
    assert any("hubungan pemerintah Presiden Vladimir Putin" in s for s in sentences)
    assert files_of(fact) == {"000", "003", "004"}
    assert not [f for f in corpus().facts if f.kind == "role" and f.subject_key.startswith("bare:")]


def test_one_role_fact_with_many_sources() -> None:
    fact = merged("role", "perdana menteri armenia", "pashinyan")
    assert (fact.subject, fact.value) == ("Perdana Menteri Armenia", "Nikol Pashinyan")
    assert files_of(fact) == {"000", "001", "002", "003"}
    assert len(fact.statements) == 5  # 002 names him twice, once as the bare "Perdana Menteri Pashinyan"
    assert any(s.sentence.text.startswith("Perdana Menteri Pashinyan sebelumnya") for s in fact.statements)


def test_roles_of_the_corpus() -> None:
    roles = {(f.subject, f.value) for f in corpus().facts if f.kind == "role"}
    assert roles == {
        ("Perdana Menteri Armenia", "Nikol Pashinyan"),
        ("Presiden Rusia", "Vladimir Putin"),
        ("Presiden Azerbaijan", "Ilham Aliyev"),
        ("Juru bicara Kremlin", "Dmitry Peskov"),
        ("Sekretaris Jenderal CSTO", "Imangali Tasmagambetov"),
        ("Menteri Luar Negeri Armenia", "Ararat Mirzoyan"),
        ("Asisten Menteri Luar Negeri AS untuk Eropa dan Eurasia", "James O’Brien"),
        ("Presiden Kazakhstan", "Kassym-Jomart Tokayev"),
        ("Direktur Pusat Studi Afganistan di Universitas Lanzhou", "Zhu Yongbiao"),
    }


def test_speakers_get_their_full_names() -> None:
    speakers = [f.value for f in corpus().facts if f.kind == "speaker"]
    assert speakers == ["Imangali Tasmagambetov", "Nikol Pashinyan", "Dmitry Peskov", "Dmitry Peskov",
                        "Dmitry Peskov", "Zhu Yongbiao"]


def test_people_pool_names_only_people() -> None:
    assert corpus().people == {
        "pashinyan": "Nikol Pashinyan", "putin": "Vladimir Putin", "aliyev": "Ilham Aliyev",
        "peskov": "Dmitry Peskov", "tasmagambetov": "Imangali Tasmagambetov", "mirzoyan": "Ararat Mirzoyan",
        "obrien": "James O’Brien", "tokayev": "Kassym-Jomart Tokayev", "yongbiao": "Zhu Yongbiao",
    }


def test_country_pool() -> None:
    countries = set(corpus().countries)
    assert CSTO_MEMBERS | CSTO_FORMER_MEMBERS <= countries
    assert {"Swedia", "Finlandia", "Ukraina", "Amerika Serikat"} <= countries
    assert not {"Moskow", "Kremlin", "Yerevan", "Uni Soviet", "Belarusia", "Kyrgyzstan"} & countries


def test_member_count_from_two_articles_is_one_fact() -> None:
    fact = merged("number", "members:CSTO", "6")
    assert files_of(fact) == {"002", "003"}
    assert not fact.disputed


@pytest.mark.parametrize("seed", range(4))
def test_merge_does_not_depend_on_article_order(seed: int) -> None:
    articles = list(seed_articles())
    random.Random(seed).shuffle(articles)

    def summary(c: Corpus) -> list[tuple]:
        return [(f.kind, f.subject_key, f.value_key, f.value, f.disputed,
                 tuple((s.sentence.file, s.sentence.index) for s in f.statements)) for f in c.facts]

    assert summary(build_corpus(articles)) == summary(corpus())


@pytest.mark.parametrize(
    ("text", "canonical"),
    [("Negeri Beruang Merah", "Rusia"), ("Belarusia", "Belarus"), ("Kyrgyzstan", "Kirgizstan"),
     ("Kirgistan", "Kirgizstan"), ("Tiongkok", "Cina"), ("Moskow", None)],
)
def test_country_name(text: str, canonical: str | None) -> None:
    assert country_name(text, PACK) == canonical


def test_epithet_merges_with_the_country() -> None:
    first = inline_article("Aliansi CSTO kini beranggotakan Rusia, Belarus, dan Armenia sejak lama.", "a.txt")
    second = inline_article("Aliansi CSTO kini beranggotakan Negeri Beruang Merah, Belarus, dan Armenia sejak lama.",
                            "b.txt")
    facts = [f for f in build_corpus([first, second]).facts if f.kind == "member"]
    assert sorted((f.value, sorted(s.value for s in f.statements)) for f in facts) == [
        ("Armenia", ["Armenia", "Armenia"]),
        ("Belarus", ["Belarus", "Belarus"]),
        ("Rusia", ["Negeri Beruang Merah", "Rusia"]),
    ]


def test_member_also_called_former_member_is_disputed() -> None:
    first = inline_article("CSTO beranggotakan Armenia, Belarus, dan Rusia sejak lama.", "a.txt")
    second = inline_article("Sebelumnya, Armenia, Georgia, dan Uzbekistan telah meninggalkan CSTO.", "b.txt")
    disputed = {(f.kind, f.value) for f in build_corpus([first, second]).facts if f.disputed}
    assert disputed == {("member", "Armenia"), ("former_member", "Armenia")}


def test_two_dates_for_one_founding_are_disputed_inline() -> None:
    first = inline_article("NATO didirikan pada tahun 1949 di Washington.", "a.txt")
    second = inline_article("NATO didirikan pada tahun 1948 menurut sebuah buku.", "b.txt")
    third = inline_article("NATO didirikan pada tahun 1949, kata para sejarawan.", "c.txt")
    dates = build_corpus([first, second, third]).facts
    assert sorted((f.value, f.disputed, len(f.statements)) for f in dates) == [("1948", True, 1), ("1949", True, 2)]


def test_bare_office_nobody_qualifies_is_dropped() -> None:
    article = inline_article("Presiden Kassym-Jomart Tokayev selamat dari gelombang kerusuhan di negaranya.")
    facts = extract_facts(article, PACK, ["role"])
    assert [f.detail["qualified"] for f in facts] == [False]
    assert merge_facts([article], facts).facts == ()
