"""Arbitrary bytes and article-like text through the loader, every extractor and the whole generator.

The only failure the loader may raise is ArticleError; the extractors and the generator raise nothing, and
every card they make keeps the card contract (its answer among distinct options, its sources sentences of
its articles, one id per card).
"""

from __future__ import annotations

import pytest
from article_strategies import any_text, article_bytes, article_texts, paragraph
from hypothesis import example, given, settings
from hypothesis import strategies as st

from question_bank import Article, ArticleError, generate, load_article
from question_bank.cards import check_card
from question_bank.extract import EXTRACTORS, extract_facts
from question_bank.lang import detect_language, get_pack, languages
from question_bank.loading import MAX_SENTENCE_CHARS, decode_article, parse_article, rebuild_article
from question_bank.sentences import split_sentences
from question_bank.text import fold
from quizapp.services.bank.stored_articles import article_text

SETTINGS = settings(max_examples=60, deadline=None)
LANGUAGES = languages()

# --- checks ---------------------------------------------------------------------------------------------------


def check_article(article: Article, file: str, language: str | None, text: str) -> None:
    """Check what every article must be: numbered, stripped, non-empty sentences in its language."""
    assert article.file == file
    assert article.language == (language or detect_language(text))
    assert article.sentences
    for i, s in enumerate(article.sentences):
        assert (s.index, s.file) == (i, file)
        assert s.text and s.text == s.text.strip()


def check_facts(article: Article) -> None:
    """Run each extractor on its own and all of them together: no exception, and facts that stand in the article."""
    pack = get_pack(article.language)
    every = []
    for kind in sorted(EXTRACTORS):
        facts = extract_facts(article, pack, [kind])
        every.extend(facts)
        for fact in facts:
            assert fact.sentence in article.sentences
            assert fact.subject_key and fact.value_key, fact
            if fact.span is not None:
                start, end = fact.span
                assert 0 <= start < end <= len(fact.sentence.text), fact
    assert sorted(map(repr, extract_facts(article, pack))) == sorted(map(repr, every))


def check_cards(articles: list[Article]) -> None:
    """Generate cards and check the card contract on each, and that generating again gives the same cards."""
    cards = generate(articles)
    assert generate(articles) == cards
    sentences = {(a.file, s.text) for a in articles for s in a.sentences}
    languages_of = {a.file: a.language for a in articles}
    assert len({c.id for c in cards}) == len(cards)
    for card in cards:
        assert card.language in set(languages_of.values())
        assert 0 <= card.answer < len(card.options)
        assert len({fold(o) for o in card.options}) == len(card.options), card.options
        assert all(o.strip() for o in card.options)
        assert card.question.strip()
        assert card.sources and all((s.file, s.sentence) in sentences for s in card.sources), card.sources
        assert check_card(card, get_pack(card.language)) is None
    disputed = generate(articles, include_disputed=True)
    assert {c.id for c in cards} <= {c.id for c in disputed}


# --- the loader -----------------------------------------------------------------------------------------------


@SETTINGS
@given(article_bytes(), st.sampled_from([None, *LANGUAGES]))
@example(b"\xff\xfeJ\x00a\x00", None)  # UTF-16: refused as binary
@example("\ud800 kata Putin.".encode("utf-8", "surrogatepass"), "id")  # a lone surrogate is not UTF-8
@example(b"\xef\xbb\xbf", None)  # a BOM and nothing else
@example("Â\u00a0\n\n“Ini kata Putin,” ujarnya. â€".encode(), None)
def test_any_bytes_load_as_an_article_or_raise_article_error(data: bytes, language: str | None) -> None:
    try:
        text = decode_article("upload.txt", data)
        article = load_article("upload.txt", data, language)
    except ArticleError as exc:
        assert exc.file == "upload.txt" and exc.reason
        return
    check_article(article, "upload.txt", language, text)


@SETTINGS
@given(st.one_of(any_text, article_texts()), st.sampled_from(LANGUAGES))
@example("\ud800\udfff kata Putin.\n\nIa mengatakan “CSTO” beranggotakan enam negara.", "id")
@example("Only A Heading\n\nAnother Heading Here\n\nMenu", "en")
@example("\u202eالناتو يضم 32 دولة.\u202c NATO has 32 members.", "en")
def test_any_text_parses_as_an_article_or_raises_article_error(text: str, language: str) -> None:
    try:
        article = parse_article("text.txt", text, get_pack(language))
    except ArticleError as exc:
        assert exc.file == "text.txt" and exc.reason
        return
    check_article(article, "text.txt", language, text)


@SETTINGS
@given(st.one_of(any_text, article_texts()), st.sampled_from(LANGUAGES))
@example('JAKARTA, May 26 (Reuters) - CSTO. Putin mengatakan bahwa "Afganistan."”', "en")
def test_a_stored_article_rebuilds_into_the_same_sentences(text: str, language: str) -> None:
    try:
        article = parse_article("kept.txt", text, get_pack(language))
    except ArticleError:
        return
    rebuilt = rebuild_article("kept.txt", article_text(article), language, article.outlet, article.headline)
    assert rebuilt.sentences == article.sentences


@SETTINGS
@given(st.one_of(paragraph, any_text), st.sampled_from(LANGUAGES))
@example('bahwa "Afganistan."” Lalu', "id")  # the ” after a closed quotation was a sentence of its own
def test_splitting_sentences_again_changes_nothing(text: str, language: str) -> None:
    abbreviations = get_pack(language).abbreviations
    sentences = split_sentences(" ".join(text.split()), abbreviations)
    assert split_sentences(" ".join(sentences), abbreviations) == sentences


@pytest.mark.parametrize(
    "text",
    [
        "Presiden Joko Widodo mengatakan CSTO beranggotakan enam negara, " * 2000,  # one 130 KB line, stops none
        "a" * 300_000,
        "“" * 50_000 + "kata Putin.",
        "CSTO. " * 10_000,
        "Headline Without Stop\n" * 5_000,
        "1. Indonesia\n" * 20_000,
    ],
    ids=["long-prose-line", "one-word", "open-quotes", "many-sentences", "only-headings", "only-list-items"],
)
def test_huge_lines_load_or_raise_article_error(text: str) -> None:
    try:
        article = load_article("huge.txt", text.encode())
    except ArticleError as exc:
        assert exc.reason
        return
    check_article(article, "huge.txt", None, text)
    check_facts(article)


def test_a_run_on_sentence_too_long_to_be_prose_is_dropped() -> None:
    run_on = "kata Putin dan CSTO, " * (MAX_SENTENCE_CHARS // 20)
    text = f"Putin mengatakan CSTO beranggotakan enam negara.\n\n{run_on}\n\nArmenia adalah anggota CSTO."
    article = load_article("run-on.txt", text.encode(), "id")
    assert [s.text for s in article.sentences] == [
        "Putin mengatakan CSTO beranggotakan enam negara.", "Armenia adalah anggota CSTO."]
    assert rebuild_article("run-on.txt", article_text(article)).sentences == article.sentences


# --- the extractors and the generator -------------------------------------------------------------------------


@SETTINGS
@given(article_texts(), st.sampled_from([None, *LANGUAGES]))
def test_every_extractor_reads_article_like_text_without_error(text: str, language: str | None) -> None:
    try:
        article = load_article("news.txt", text.encode("utf-8", "surrogatepass"), language)
    except ArticleError:
        return
    check_article(article, "news.txt", language, text)
    check_facts(article)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.one_of(article_texts(), any_text), st.sampled_from([None, *LANGUAGES])),
                min_size=1, max_size=3))
def test_generating_from_article_like_texts_keeps_the_card_contract(texts: list[tuple[str, str | None]]) -> None:
    articles = []
    for i, (text, language) in enumerate(texts):
        try:
            articles.append(load_article(f"n{i}.txt", text.encode("utf-8", "surrogatepass"), language))
        except ArticleError:
            continue
    check_cards(articles)
