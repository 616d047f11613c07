"""GIFT, Moodle's question format: what quizapp reads, skips and refuses, and what it writes back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from transfer_strategies import questions

from quizapp.services.bank.formats import FormatError, Question, parse_gift, write_gift
from quizapp.services.bank.formats.gift import gift_block


def only(text: str) -> Question:
    result = parse_gift(text)
    assert not result.skipped, result.skipped
    (question,) = result.questions
    return question


def test_multiple_choice_with_title_feedback_and_general_feedback() -> None:
    question = only(
        "::Capital:: What is the capital of Armenia?{\n"
        "  =Yerevan#Right: it has been since 1918.\n"
        "  ~Baku#No, that is Azerbaijan.\n"
        "  ~Tbilisi\n"
        "  ####Yerevan is on the Hrazdan river.\n"
        "}\n"
    )
    assert question.title == "Capital"
    assert question.question == "What is the capital of Armenia?"
    assert question.options == ("Yerevan", "Baku", "Tbilisi")
    assert question.answer == 0
    assert question.explanation == "Right: it has been since 1918.\nYerevan is on the Hrazdan river."
    assert question.line == 1


@pytest.mark.parametrize(
    ("answer", "options", "right", "explanation"),
    [
        ("{T}", ("True", "False"), 0, ""),
        ("{TRUE}", ("True", "False"), 0, ""),
        ("{F}", ("True", "False"), 1, ""),
        ("{FALSE#It rises in the east.#Yes.}", ("True", "False"), 1, "Yes."),
        ("{T####The sun rises in the east.}", ("True", "False"), 0, "The sun rises in the east."),
    ],
)
def test_true_false(answer: str, options: tuple[str, ...], right: int, explanation: str) -> None:
    question = only(f"The sun rises in the west.{answer}")
    assert (question.options, question.answer, question.explanation) == (options, right, explanation)


def test_escapes_are_read_as_the_characters_they_stand_for() -> None:
    question = only(r"Which is \{x\}\: a \~ b \= c \# d \\ e?\nNext line{=x\=1 ~y\~2 ~C:\\new}")
    assert question.question == "Which is {x}: a ~ b = c # d \\ e?\nNext line"
    assert question.options == ("x=1", "y~2", "C:\\new")


def test_multi_line_questions_comments_and_line_numbers() -> None:
    text = (
        "// a comment before the first question\n"
        "\n"
        "What is the capital\n"
        "of Armenia?\n"
        "{\n"
        "// a comment inside the question\n"
        "=Yerevan\n"
        "~Baku\n"
        "}\n"
        "\n"
        "\n"
        "Grant is {~buried =entombed ~living} in Grant's tomb.\n"
    )
    first, second = parse_gift(text).questions
    assert first.question == "What is the capital\nof Armenia?" and first.line == 3
    assert second.question == "Grant is ___ in Grant's tomb." and second.line == 12
    assert second.options == ("buried", "entombed", "living") and second.answer == 1


def test_category_becomes_a_tag_and_tag_comments_are_tags() -> None:
    text = (
        "$CATEGORY: $course$/top/Geografi Asia/Kaukasus\n"
        "\n"
        "// [tag:CSTO] [tag:World War]\n"
        "Capital of Armenia?{=Yerevan ~Baku}\n"
        "\n"
        "$CATEGORY: Sejarah\n"
        "\n"
        "Founded?{=1992 ~2002}\n"
    )
    first, second = parse_gift(text).questions
    assert first.category == "$course$/top/Geografi Asia/Kaukasus"
    assert first.tags == ("csto", "geografi-asia::kaukasus", "world-war")
    assert second.tags == ("sejarah",)


def test_weights_are_read_when_exactly_one_answer_is_worth_everything() -> None:
    question = only("Pick one {~%100%Right ~%0%Wrong ~%-50%Worse}")
    assert question.options == ("Right", "Wrong", "Worse") and question.answer == 0


def test_html_text_is_made_plain() -> None:
    question = only("[html]<p>What is <b>2 &amp; 2</b>?</p>{=<p>4</p> ~5}")
    assert question.question == "What is 2 & 2?"
    assert question.options == ("4", "5")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Who is buried in Grant's tomb?{=no one =nobody}", "a short-answer question"),
        ("Match {=Canada -> Ottawa =Italy -> Rome}", "a matching question"),
        ("When was Grant born?{#1822:5}", "a numerical question"),
        ("Write about Grant.{}", "an essay question"),
        ("Just some text to read.", "a description"),
        ("Pick two {~%50%a ~%50%b ~%-100%c}", "a multiple-answer question"),
    ],
)
def test_unsupported_types_are_skipped_with_their_line(text: str, reason: str) -> None:
    result = parse_gift(f"// header\n\nCapital of Armenia?{{=Yerevan ~Baku}}\n\n{text}\n")
    assert len(result.questions) == 1
    (skipped,) = result.skipped
    assert skipped.line == 5
    assert skipped.reason.startswith(reason), skipped.reason
    assert "%%" not in skipped.reason


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("Q?{=a ~b}\n\nQ2 {~a ~b}", 3, "no right answer: mark the right option with ="),
        ("Q?{=a =b ~c}", 1, "2 right answers (=): quizapp needs exactly one"),
        ("First?{=a ~b}\n\nQ?{=a ~b", 3, "unbalanced braces"),
        ("Q?}=a ~b{", 1, "unbalanced braces"),
        ("::Title Q?{=a ~b}", 1, "the title starts with :: but has no closing ::"),
        ("Q?{=a ~b} and {=c ~d}", 1, "more than one answer block"),
        ("Q?{\nsomething =a ~b}", 1, "text before the first answer"),
    ],
)
def test_malformed_questions_raise_with_line_and_reason(text: str, line: int, reason: str) -> None:
    with pytest.raises(FormatError) as caught:
        parse_gift(text)
    assert caught.value.line == line
    assert caught.value.reason.startswith(reason), caught.value.reason


def test_writer_escapes_what_gift_reserves() -> None:
    question = Question("a{b}c: d=e~f#g\\h\ni", ("=x", "~y", "%5%z"), 0, "why #1", ("t1",))
    block = gift_block(question)
    assert block.splitlines() == [
        "// [tag:t1]",
        r"a\{b\}c\: d\=e\~f\#g\\h\ni{",
        "\t=\\=x",
        "\t~\\~y",
        "\t~%0%%5%z",
        "\t####why \\#1",
        "}",
    ]
    assert only(block).same_content() == question.same_content()


@pytest.mark.parametrize("text", ["// not a comment?", "[html]<b>literal</b>", "$CATEGORY: not one", "::no title::"])
def test_writer_keeps_texts_gift_would_read_as_syntax(text: str) -> None:
    question = Question(text, (text + "!", "[plain]x"), 1, text)
    assert only("".join(write_gift([question]))).same_content() == question.same_content()


@settings(max_examples=300, deadline=None)
@given(st.lists(questions(), min_size=1, max_size=4))
def test_writing_then_reading_gives_the_same_questions(written: list[Question]) -> None:
    read = parse_gift("".join(write_gift(written)))
    assert not read.skipped
    assert [q.same_content() for q in read.questions] == [q.same_content() for q in written]
