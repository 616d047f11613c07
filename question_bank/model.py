"""The values that flow through the stages: articles, sentences, facts and cards."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: The fact kinds the generators know; new kinds get their own name.
KINDS = ("member", "former_member", "date", "speaker", "role", "number")
#: A card less sure than this is a draft: printed only when asked, kept from students until an instructor approves.
DRAFT_BELOW = 0.5


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article, with where it stands."""

    file: str
    paragraph: int
    index: int
    text: str


@dataclass(frozen=True)
class Article:
    """An article with its page furniture stripped, split into sentences."""

    file: str
    language: str
    outlet: str | None
    headline: str | None
    sentences: tuple[Sentence, ...]
    #: the line that dates the page as it gives it ("JAKARTA, May 26 (Newswire)", "Published: 26 May 2025"), if any
    dateline: str | None = None

    @property
    def source_name(self) -> str:
        """Name the article for an attribution: its outlet, else its headline, else its file."""
        return self.outlet or (f"“{self.headline}”" if self.headline else self.file)


@dataclass(frozen=True)
class Fact:
    """One fact as one sentence states it.

    `subject` and `value` are as the text states them; `subject_key` and `value_key` are canonical, so
    that the same fact stated twice (or in two spellings) merges into one.
    `span` is where the value stands in the sentence, so a card can blank it out.
    """

    kind: str
    subject: str
    value: str
    subject_key: str
    value_key: str
    sentence: Sentence
    span: tuple[int, int] | None = None
    detail: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class MergedFact:
    """A fact of the corpus: one subject and value, every sentence that states it."""

    kind: str
    subject: str
    value: str
    subject_key: str
    value_key: str
    statements: tuple[Fact, ...]
    disputed: bool = False

    @property
    def first(self) -> Fact:
        """The statement a card quotes: the first in corpus order."""
        return self.statements[0]


@dataclass(frozen=True)
class Source:
    """Where a card's fact is stated: the file and the exact sentence."""

    file: str
    sentence: str
    outlet: str | None = None


@dataclass(frozen=True)
class Card:
    """A multiple-choice question with its answer, fact and provenance (the JSONL contract)."""

    id: str
    kind: str
    language: str
    question: str
    options: tuple[str, ...]
    answer: int
    fact: dict[str, Any]
    sources: tuple[Source, ...]
    explanation: str
    #: how sure the generator is that the card is right and stands alone, 0 to 1 (see cards/confidence.py)
    confidence: float = 1.0

    @property
    def is_draft(self) -> bool:
        """Say whether the card is too unsure to serve before an instructor approves it."""
        return round(self.confidence, 2) < DRAFT_BELOW  # as to_dict writes it, so readers of the JSONL agree

    def to_dict(self) -> dict[str, Any]:
        """Return the card as the JSON object of the card contract."""
        sources = [{"file": s.file, "sentence": s.sentence} for s in self.sources]
        return {
            "id": self.id,
            "kind": self.kind,
            "language": self.language,
            "question": self.question,
            "options": list(self.options),
            "answer": self.answer,
            "fact": dict(self.fact),
            "sources": sources,
            "explanation": self.explanation,
            "confidence": round(self.confidence, 2),
        }
