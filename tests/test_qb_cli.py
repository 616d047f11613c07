"""The command line: `python -m question_bank generate PATH... --format jsonl|text`."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from qb_helpers import PROJECT, SEEDS, seed_cards

from question_bank import Card
from question_bank.cli import main
from question_bank.loading import MAX_ARTICLE_BYTES

CONTRACT = {"id", "kind", "language", "question", "options", "answer", "fact", "sources", "explanation", "confidence"}



def served() -> list[Card]:
    """The seed cards the command prints without --include-drafts: none that waits for an instructor."""
    return [c for c in seed_cards() if not c.is_draft]

def run(*argv: str) -> tuple[int, str, str]:
    """Run the CLI in-process; return (status, stdout, stderr)."""
    out, err = StringIO(), StringIO()
    status = main(list(argv), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def run_module(*argv: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m question_bank` as a user would, from the project folder."""
    return subprocess.run(
        [sys.executable, "-m", "question_bank", *argv], cwd=PROJECT, capture_output=True, text=True,
        encoding="utf-8", timeout=120, check=False,
    )


def check_jsonl(stdout: str) -> list[dict]:
    """Parse JSONL output and check every line against the card contract."""
    cards = [json.loads(line) for line in stdout.splitlines()]
    for card in cards:
        assert set(card) == CONTRACT
        assert isinstance(card["id"], str) and len(card["id"]) == 20
        assert card["kind"] in {"member", "former_member", "date", "speaker", "role", "number"}
        assert card["language"] == "id"
        assert isinstance(card["question"], str) and card["question"]
        assert isinstance(card["options"], list) and len(card["options"]) >= 3
        assert all(isinstance(o, str) and o for o in card["options"])
        assert isinstance(card["answer"], int) and 0 <= card["answer"] < len(card["options"])
        assert isinstance(card["fact"]["subject"], str) and isinstance(card["fact"]["value"], str)
        assert card["sources"] and all(set(s) == {"file", "sentence"} and s["sentence"] for s in card["sources"])
        assert isinstance(card["explanation"], str) and card["explanation"]
    return cards


def test_jsonl_of_the_seeds() -> None:
    status, out, err = run("generate", str(SEEDS), "--format", "jsonl")
    assert (status, err) == (0, "")
    cards = check_jsonl(out)
    assert [c["id"] for c in cards] == [c.id for c in served()]
    assert cards == [c.to_dict() for c in served()]
    assert not [c for c in cards if c["fact"].get("disputed")]


def test_include_disputed_attributes_the_founding_year() -> None:
    status, out, _ = run("generate", str(SEEDS), "--format", "jsonl", "--include-disputed")
    assert status == 0
    disputed = [c for c in check_jsonl(out) if c["fact"].get("disputed")]
    assert sorted(c["options"][c["answer"]] for c in disputed) == ["1992", "2002"]
    assert all(c["question"].startswith("Menurut ") for c in disputed)


def test_text_format_marks_the_right_option() -> None:
    status, text, err = run("generate", str(SEEDS), "--format", "text")
    assert (status, err) == (0, "")
    cards = served()
    *blocks, total = text.rstrip("\n").split("\n\n")
    # the count of cards shown, then how many drafts wait for --include-drafts
    assert total.splitlines() == [f"{len(cards)} cards", "drafts not shown: 2 (--include-drafts prints them)"]
    assert len(blocks) == len(cards)
    for block, card in zip(blocks, cards, strict=True):
        lines = block.splitlines()
        assert lines[0].endswith(f"({card.id})") and card.kind in lines[0]
        assert lines[1] == card.question
        options = [line for line in lines if line[3:5] in {f"{letter}." for letter in "ABCD"}]
        assert [line[6:] for line in options] == list(card.options)
        marked = [line[6:] for line in options if line.startswith(" * ")]
        assert marked == [card.options[card.answer]]
        assert any(line.strip().startswith("Source (") for line in lines)


def test_text_is_the_default_format() -> None:
    status, out, _ = run("generate", str(SEEDS / "000_04f9de304a433e34.txt"), str(SEEDS / "001_e93b1a53fa8a29f7.txt"))
    assert status == 0
    assert out.startswith("[1] ") and " * " in out and " cards\n" in out


def write_bytes(data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "article.txt"
        path.write_bytes(data)
        return path
    return make


def missing(folder: Path) -> Path:
    return folder / "no-such-article.txt"


def empty_folder(folder: Path) -> Path:
    path = folder / "empty-folder"
    path.mkdir()
    return path


def too_large(folder: Path) -> Path:
    path = folder / "huge.txt"
    line = b"Presiden itu tiba di kota tersebut pada hari Senin untuk bertemu para menteri.\n"
    path.write_bytes(line * (10 * 1024 * 1024 // len(line) + 1))
    assert path.stat().st_size > 10 * 1024 * 1024 > MAX_ARTICLE_BYTES
    return path


BAD_INPUTS = [
    pytest.param(missing, "no such file", id="missing"),
    pytest.param(write_bytes(b""), "empty file", id="empty"),
    pytest.param(write_bytes(b"Armenia\x00\x01\x02\x03 bersiap keluar dari CSTO."), "binary", id="binary"),
    pytest.param(write_bytes("Café di Moskow itu ramai sekali pada hari Senin.".encode("latin-1")), "not UTF-8",
                 id="latin-1"),
    pytest.param(write_bytes(b"Menu\nBaca Juga: x\nEditor: y\n"), "no article text", id="furniture-only"),
    pytest.param(too_large, "too large", id="over-10-MB"),
    pytest.param(empty_folder, "no .txt", id="empty-folder"),
]


@pytest.mark.parametrize(("make", "reason"), BAD_INPUTS)
def test_bad_input_is_reported_and_the_good_files_still_give_cards(
        tmp_path: Path, make: Callable[[Path], Path], reason: str) -> None:
    bad = make(tmp_path)
    status, out, err = run("generate", str(SEEDS), str(bad), "--format", "jsonl")
    assert status != 0
    assert "Traceback" not in err
    [line] = [line for line in err.splitlines() if bad.name in line]
    assert line.startswith("error: ") and str(bad) in line and reason in line
    assert [c["id"] for c in check_jsonl(out)] == [c.id for c in served()]


@pytest.mark.parametrize(("make", "reason"), BAD_INPUTS)
def test_only_bad_input_gives_no_cards_and_a_message(tmp_path: Path, make: Callable[[Path], Path],
                                                       reason: str) -> None:
    bad = make(tmp_path)
    status, out, err = run("generate", str(bad), "--format", "jsonl")
    assert status != 0
    assert out == ""
    assert reason in err and "no article could be read" in err
    assert "Traceback" not in err


def test_unknown_language_is_a_message() -> None:
    status, out, err = run("generate", str(SEEDS), "--language", "xx")
    assert status == 2
    assert out == ""
    assert "no language pack for 'xx'" in err


def test_subprocess_jsonl_of_the_seeds() -> None:
    result = run_module("generate", "seeds", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    cards = check_jsonl(result.stdout)
    assert [c["id"] for c in cards] == [c.id for c in served()]
    assert {s["file"] for c in cards for s in c["sources"]} == {p.name for p in SEEDS.glob("*.txt")}


def test_subprocess_reports_binary_and_missing_files_without_a_traceback(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    absent = tmp_path / "absent.txt"
    result = run_module("generate", "seeds", str(binary), str(absent), "--format", "jsonl")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"error: {binary}: binary file" in result.stderr
    assert f"error: {absent}: no such file" in result.stderr
    assert len(check_jsonl(result.stdout)) == len(served())


def test_subprocess_text_format_with_a_latin1_file(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Café di Moskow itu ramai sekali pada hari Senin.".encode("latin-1"))
    result = run_module("generate", "seeds", str(latin))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"error: {latin}: not UTF-8" in result.stderr
    assert f"\n{len(served())} cards\n" in result.stdout


def test_known_people_from_a_file_fill_office_questions(tmp_path: Path) -> None:
    names = tmp_path / "people.txt"
    names.write_text("Joko Widodo\nRetno Marsudi\n", encoding="utf-8")
    article = str(SEEDS / "001_e93b1a53fa8a29f7.txt")
    _, without, _ = run("generate", article, "--format", "jsonl")
    status, out, err = run("generate", article, "--format", "jsonl", "--known-people", str(names))
    assert (status, err) == (0, "")
    roles = [c for c in check_jsonl(out) if c["kind"] == "role"]
    assert len(roles) > len([c for c in check_jsonl(without) if c["kind"] == "role"])
    assert any({"Joko Widodo", "Retno Marsudi"} & set(c["options"]) for c in roles)


def test_an_unreadable_people_file_is_reported(tmp_path: Path) -> None:
    status, out, err = run("generate", str(SEEDS), "--known-people", str(tmp_path / "none.txt"))
    assert status == 2 and out == ""
    assert "none.txt" in err and "Traceback" not in err
