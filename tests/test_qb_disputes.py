"""question_bank's view of disputes: which cards ask one disputed fact, and a question with or without its source."""

from __future__ import annotations

import itertools

import pytest
from qb_helpers import inline_article, seed_articles, seed_cards

from question_bank import Article
from question_bank.disputes import attributed_question, find_disputes, unattributed_question
from question_bank.loading import rebuild_article
from question_bank.merge import dispute_key


def stored_text(article: Article) -> str:
    """Return the article's text as quizapp stores it: a paragraph per block, separated by a blank line."""
    paragraphs = itertools.groupby(article.sentences, key=lambda sentence: sentence.paragraph)
    return "\n\n".join(" ".join(sentence.text for sentence in group) for _, group in paragraphs)


def test_the_seeds_dispute_one_fact_whose_cards_are_the_two_founding_years() -> None:
    (dispute,) = find_disputes(seed_articles())
    disputed = {card.id: card.fact["value"] for card in seed_cards(include_disputed=True) if card.fact.get("disputed")}
    assert (dispute.kind, dispute.subject_key) == ("date", "CSTO:didirikan")
    assert sorted(disputed[card_id] for card_id in dispute.card_ids) == ["1992", "2002"]


def test_a_stored_article_rebuilds_into_the_same_sentences_and_disputes() -> None:
    rebuilt = [rebuild_article(a.file, stored_text(a), a.language, a.outlet, a.headline, a.dateline)
               for a in seed_articles()]
    assert [a.sentences for a in rebuilt] == [a.sentences for a in seed_articles()]
    assert find_disputes(rebuilt) == find_disputes(seed_articles())


def test_the_two_articles_that_disagree_are_enough_to_find_their_dispute() -> None:
    cited = [a for a in seed_articles() if a.file.startswith(("001_", "002_"))]
    assert find_disputes(cited) == find_disputes(seed_articles())
    assert find_disputes([]) == ()


def test_a_member_also_called_former_is_one_disputed_fact_with_two_cards() -> None:
    first = inline_article("CSTO beranggotakan Armenia, Belarus, dan Rusia sejak lama.", "a.txt")
    second = inline_article("Sebelumnya, Armenia, Georgia, dan Uzbekistan telah meninggalkan CSTO.", "b.txt")
    (dispute,) = find_disputes([first, second])
    assert len(dispute.card_ids) == 2
    assert dispute_key("member", "CSTO", "armenia") == dispute_key("former_member", "CSTO", "armenia")


@pytest.mark.parametrize("source", ["Perspektif", "“Armenia Bersiap Keluar, dari Aliansi”", "Warta Ekonomi"])
def test_an_attributed_question_loses_and_regains_its_source(source: str) -> None:
    cloze = "“CSTO didirikan pada tahun ___ setelah pecahnya Uni Soviet.”"
    plain = f"Lengkapi kalimat berikut: {cloze}"
    attributed = attributed_question(plain, source, "id")
    assert attributed == f"Menurut {source}, lengkapi kalimat berikut: {cloze}"
    assert unattributed_question(attributed, "id") == plain


def test_every_disputed_seed_card_can_be_asked_without_its_source() -> None:
    for card in seed_cards(include_disputed=True):
        if card.fact.get("disputed"):
            plain = unattributed_question(card.question, card.language)
            assert plain is not None and plain.startswith("Lengkapi kalimat berikut: “") and "Menurut" not in plain


@pytest.mark.parametrize("question", ["Siapa yang mengatakan ini?", "Menurut saya, ini pertanyaan lain."])
def test_a_question_that_names_no_source_has_nothing_to_remove(question: str) -> None:
    assert unattributed_question(question, "id") is None
    assert attributed_question(question, "Perspektif", "id") is None
