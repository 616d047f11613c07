"""What every extractor knows about the article it reads."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from question_bank.entities import main_organisation, person_key, person_names
from question_bank.extract.article_date import ArticleDate, article_date
from question_bank.lang import LanguagePack
from question_bank.model import Article


@dataclass(frozen=True)
class ArticleContext:
    """An article with its language pack and what the whole article says about its subject."""

    article: Article
    pack: LanguagePack

    @classmethod
    def of(cls, article: Article, pack: LanguagePack) -> ArticleContext:
        """Build the context of one article; what it knows of the whole article is read when first asked."""
        return cls(article, pack)

    @cached_property
    def own_date(self) -> ArticleDate:
        """When the article was written, as far as its dateline, publication line or dates tell."""
        return article_date(self.article, self.pack)

    @cached_property
    def main_org(self) -> str | None:
        """The organisation the article is about: the acronym it names most often."""
        return main_organisation(self.article, self.pack)

    @cached_property
    def people(self) -> dict[str, str]:
        """Family name (folded) -> the fullest name the article gives that person."""
        return _people(self.article, self.pack)


def _people(article: Article, pack: LanguagePack) -> dict[str, str]:
    """Collect the people an article names in full (two or more capitalised words)."""
    people: dict[str, str] = {}
    for sentence in article.sentences:
        for mention in person_names(sentence.text, pack):
            words = mention.text.split()
            if len(words) >= 2 and mention.start > 0:  # a sentence's first word is capitalised anyway
                key = person_key(mention.text)
                if len(mention.text) > len(people.get(key, "")):
                    people[key] = mention.text
    return people
