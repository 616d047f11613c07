"""A student's study: decks, quizzes, spaced-repetition review and its scheduling."""
