"""How an article and its deck are kept: the article's text as stored, its digest, the deck's slug and title."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import unicodedata

import question_bank

_SLUG_LENGTH = 60
_TITLE_LENGTH = 300


def article_text(article: question_bank.Article) -> str:
    """Return an article's text as question_bank read it: paragraphs separated by a blank line."""
    paragraphs = itertools.groupby(article.sentences, key=lambda sentence: sentence.paragraph)
    return "\n\n".join(" ".join(sentence.text for sentence in group) for _, group in paragraphs)


def content_hash(article: question_bank.Article) -> str:
    """Return a digest of everything stored about an article, to tell whether it changed."""
    content = [article.language, article.outlet, article.headline, article_text(article)]
    if article.dateline:  # only where there is one, so that articles stored before it kept datelines stay as they are
        content.append(article.dateline)
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8")).hexdigest()


def slugify(text: str) -> str:
    """Return a URL-friendly form of text: lower-case ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:_SLUG_LENGTH].rstrip("-")


def deck_title(article: question_bank.Article) -> str:
    """Title a deck by its article's headline, else by the article's opening words (a file name says nothing)."""
    if article.headline:
        return article.headline[:_TITLE_LENGTH]
    opening = article.sentences[0].text if article.sentences else article.file
    words = opening.split()
    title = " ".join(words[:10]) + (" …" if len(words) > 10 else "")
    return title[:_TITLE_LENGTH]
