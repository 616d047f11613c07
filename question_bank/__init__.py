"""Turn news articles into multiple-choice cards: pure Python, no web framework, no database.

Stages: loading (text -> Article), extract (Article -> Facts), merge (Facts -> Corpus),
cards (Corpus -> Cards). `generate` runs them all.
"""

from __future__ import annotations

from question_bank.loading import ArticleError, load_article
from question_bank.model import DRAFT_BELOW, KINDS, Article, Card, Fact, MergedFact, Sentence, Source
from question_bank.pipeline import build_corpus, generate, read_articles

__all__ = [
    "DRAFT_BELOW", "KINDS", "Article", "ArticleError", "Card", "Fact", "MergedFact", "Sentence", "Source",
    "build_corpus", "generate", "load_article", "read_articles",
]
