"""The database models, one module per area; importing this package registers every table."""

from __future__ import annotations

from quizapp.models.classes import ClassDeck, ClassMember, Classroom
from quizapp.models.content import (
    ALL_DECK_SLUG,
    Article,
    Card,
    CardOrigin,
    CardRevision,
    CardSource,
    CardStatus,
    Choice,
    Deck,
    DeckTotal,
    deck_cards,
)
from quizapp.models.review import AppendOnlyError, HeldCard, ReviewLog, ReviewState
from quizapp.models.study import Answer, AnswerTotal, QuizItem, QuizSession
from quizapp.models.totals import DeckAnswerTotal, DeckScheduleTotal, KindAnswerTotal, ScheduleTotal, StudyDay
from quizapp.models.users import LoginSession, Role, User, fold_username

__all__ = [
    "ALL_DECK_SLUG",
    "Answer", "AnswerTotal", "AppendOnlyError", "Article", "Card", "CardOrigin", "CardRevision", "CardSource",
    "CardStatus", "Choice", "ClassDeck", "ClassMember", "Classroom", "Deck", "DeckAnswerTotal", "DeckScheduleTotal",
    "DeckTotal", "HeldCard", "KindAnswerTotal", "LoginSession", "QuizItem", "QuizSession", "ReviewLog", "ReviewState",
    "Role", "ScheduleTotal", "StudyDay", "User",
    "deck_cards", "fold_username",
]
