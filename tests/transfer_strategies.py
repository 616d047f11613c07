"""Hypothesis strategies for the question-file tests: questions with texts as awkward as an instructor's."""

from __future__ import annotations

from hypothesis import strategies as st

from quizapp.services.bank.formats import Question, normalise_tag

# Texts as an instructor could write them: any printable character, GIFT's own included, several lines.
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), whitelist_characters="\n"),
    min_size=1,
    max_size=40,
).map(str.strip).filter(bool)
tags = st.lists(
    st.from_regex(r"[a-z0-9][a-z0-9_:-]{0,10}", fullmatch=True).filter(lambda t: normalise_tag(t) == t),
    max_size=3,
    unique=True,
)


@st.composite
def questions(draw: st.DrawFn, *, with_kind: bool = False) -> Question:
    options = draw(st.lists(texts, min_size=2, max_size=6, unique_by=lambda t: " ".join(t.split()).casefold()))
    return Question(
        question=draw(texts),
        options=tuple(options),
        answer=draw(st.integers(0, len(options) - 1)),
        explanation=draw(st.one_of(st.just(""), texts)),
        tags=tuple(sorted(draw(tags))),
        kind=draw(st.sampled_from(["custom", "member", "date"])) if with_kind else None,
        language=draw(st.sampled_from(["id", "en"])) if with_kind else None,
    )


