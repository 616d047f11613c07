"""Fact extraction: one extractor per fact kind, each registered by name."""

from __future__ import annotations

from question_bank.extract.context import ArticleContext
from question_bank.extract.registry import EXTRACTORS, extract_facts, extractor

# Importing each kind's module registers its extractor.
from question_bank.extract import dates, members, numbers, roles, speakers  # noqa: E402,F401  isort: skip

__all__ = ["EXTRACTORS", "ArticleContext", "extract_facts", "extractor"]
