"""Properties that hold for any input, checked with hypothesis."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from qb_helpers import CSTO_MEMBERS, load_seed

from question_bank import Article, ArticleError, generate, load_article
from question_bank.cards import check_card
from question_bank.lang import get_pack
from question_bank.sentences import split_sentences

PACK = get_pack("id")
SETTINGS = settings(max_examples=100, deadline=None)

# Words and marks from the seeds, so that generated texts reach the extractors, not only the loader.
SEED_WORDS = sorted({w for short in ("000", "003") for s in load_seed(short).sentences for w in s.text.split()})
MARKS = ["“", "”", '"', "‘’", "’’", ",", ".", "?", "!", ":", "–", "(27/11/2022)", "3.380", "\n", "\n\n",
         "Baca Juga:", "Editor:", "kata", "ujarnya", "mengatakan", "beranggotakan", "telah meninggalkan", "CSTO",
         "Presiden", "selaku", "Direktur", "pada tahun", "2020", "Januari", "enam negara", "Menurut", "dikutip",
         *sorted(CSTO_MEMBERS)]
seedish_text = st.lists(st.sampled_from(SEED_WORDS + MARKS), max_size=80).map(" ".join)
paragraphs = st.text(alphabet=st.sampled_from(list("aZ .!?,“”\"‘’()3\t")) | st.characters(), max_size=300)


def check_article(article: Article, file: str) -> None:
    assert article.file == file
    assert article.sentences
    for i, sentence in enumerate(article.sentences):
        assert sentence.index == i and sentence.file == file
        assert sentence.text and sentence.text == sentence.text.strip()


@SETTINGS
@given(st.binary(max_size=400))
def test_loading_bytes_gives_an_article_or_an_article_error(data: bytes) -> None:
    try:
        article = load_article("any.bin", data)
    except ArticleError as exc:
        assert exc.file == "any.bin" and exc.reason
        return
    check_article(article, "any.bin")


@SETTINGS
@given(st.one_of(st.text(max_size=400), seedish_text))
def test_loading_text_gives_an_article_or_an_article_error(text: str) -> None:
    try:
        article = load_article("any.txt", text.encode("utf-8"))
    except ArticleError as exc:
        assert exc.file == "any.txt" and exc.reason
        return
    check_article(article, "any.txt")


@SETTINGS
@given(st.one_of(paragraphs, seedish_text))
def test_split_sentences_keeps_every_character_in_order(paragraph: str) -> None:
    sentences = split_sentences(paragraph)
    assert "".join("".join(s.split()) for s in sentences) == "".join(paragraph.split())
    assert all(s and s == s.strip() for s in sentences)


@SETTINGS
@given(st.one_of(paragraphs, seedish_text))
def test_doubled_single_quotes_split_without_losing_text(paragraph: str) -> None:
    paragraph = paragraph.replace("“", "‘’").replace("”", "’’")
    assert "".join("".join(s.split()) for s in split_sentences(paragraph)) == "".join(paragraph.split())


@SETTINGS
@given(st.lists(st.one_of(seedish_text, st.text(max_size=200)), min_size=1, max_size=3))
def test_generate_never_raises_and_every_card_passes_the_gate(texts: list[str]) -> None:
    articles = []
    for i, text in enumerate(texts):
        try:
            articles.append(load_article(f"a{i}.txt", text.encode("utf-8")))
        except ArticleError:
            continue
    cards = generate(articles)
    assert generate(articles) == cards
    assert len({c.id for c in cards}) == len(cards)
    for card in cards:
        assert check_card(card, PACK) is None
        assert 0 <= card.answer < len(card.options)
        assert all(s.file in {a.file for a in articles} for s in card.sources)
    disputed = generate(articles, include_disputed=True)
    assert {c.id for c in cards} <= {c.id for c in disputed}
