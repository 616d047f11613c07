"""An instructor runs a class, in a real headless Chromium against a real server started from the CLI.

The instructor creates a class and assigns a deck; a student joins with the code and takes a quiz; the
instructor edits a question, imports a GIFT file and downloads the scores, and the downloaded file holds the
student's attempt.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

SCREENSHOTS = Path(__file__).resolve().parents[2] / "instance" / "e2e-screenshots"

GIFT = """// two questions for the class, in Moodle's GIFT format
$CATEGORY: $course$/CSTO

::Markas::Di kota manakah markas besar CSTO berada? {
  =Moskow # Markas besarnya di Moskow.
  ~Minsk
  ~Yerevan
  ~Astana
}

::Pendiri::CSTO didirikan setelah pecahnya Uni Soviet.{TRUE}
"""


def shot(page: object, name: str) -> None:
    """Keep a screenshot of what the instructor saw, for a person to look at after the run."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def log_in(page: object, username: str, password: str) -> None:
    page.goto("/auth/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    with page.expect_navigation(url=re.compile(r"/study/$")):
        page.get_by_role("button", name="Log in").click()


@pytest.mark.e2e
def test_an_instructor_runs_a_class_and_downloads_the_scores(
    browser: object, server: str, teacher_account: tuple[str, str], tmp_path: Path
) -> None:
    teacher = browser.new_context(base_url=server, locale="en-US", viewport={"width": 1280, "height": 900},
                                  accept_downloads=True)
    student = browser.new_context(base_url=server, locale="en-US", viewport={"width": 390, "height": 844})
    try:
        page = teacher.new_page()
        page.set_default_timeout(10_000)
        log_in(page, *teacher_account)

        # A class, with the deck of every article assigned to it.
        page.get_by_role("link", name="Classes").click()
        page.get_by_label("Class name").fill("Kelas 7A")
        page.get_by_role("button", name="Create the class").click()
        page.wait_for_url(re.compile(r"/classes/\d+$"))
        code = page.locator("#join-code").inner_text().strip()
        assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code), code
        page.get_by_label("Deck", exact=True).select_option(label="All articles")
        page.get_by_role("button", name="Assign the deck").click()
        page.wait_for_load_state()
        assert "All articles" in page.locator("main").inner_text()
        shot(page, "10-class")

        # A student registers, joins with the code (typed as a person would, in lower case) and sees the deck first.
        learner = student.new_page()
        learner.set_default_timeout(10_000)
        learner.goto("/auth/register")
        learner.get_by_label("Username").fill("dimas")
        learner.get_by_label("Password", exact=True).fill("belajar-123")
        learner.get_by_label("Repeat the password").fill("belajar-123")
        learner.get_by_role("button", name="Create account").click()
        learner.wait_for_url(re.compile(r"/study/$"))
        learner.goto("/classes/")
        learner.get_by_label("Class code").fill(code.lower())
        learner.get_by_role("button", name="Join the class").click()
        learner.wait_for_load_state()
        assert "Kelas 7A" in learner.locator("main").inner_text()
        learner.goto("/study/")
        assert "Kelas 7A" in learner.locator("main").inner_text()
        shot(learner, "11-student-decks")

        # The student takes a five-question quiz on the assigned deck.
        learner.locator("a[href$='/study/decks/all']").first.click()
        learner.get_by_label(re.compile("Questions|Number of questions")).select_option("5")
        with learner.expect_navigation(url=re.compile(r"/study/quiz/\d+$")):
            learner.get_by_role("button", name=re.compile("Start")).click()
        for _ in range(5):
            with learner.expect_navigation(url=re.compile(r"/feedback/\d+$")):
                learner.locator("[data-choice]").first.click()
            with learner.expect_navigation(url=re.compile(r"/study/quiz/\d+(/result)?$")):
                learner.locator("[data-next]").first.click()
        assert learner.url.endswith("/result"), learner.url
        score = learner.locator(".quiz-score-figure").inner_text()
        right = int(score.split("/")[0])

        # The instructor edits a question of the bank.
        page.get_by_role("link", name="Questions").click()
        page.get_by_label("Search questions and options").fill("Nikol Pashinyan")
        page.get_by_role("button", name="Filter").click()
        page.locator("a[href*='/author/cards/']").first.click()
        page.wait_for_url(re.compile(r"/author/cards/[^/]+$"))
        page.get_by_role("link", name="Edit").first.click()
        page.wait_for_url(re.compile(r"/edit$"))
        question = page.get_by_label("Question", exact=True)
        question.fill(question.input_value() + " (diperbarui)")
        page.get_by_role("button", name="Publish").click()
        page.wait_for_load_state()
        assert "(diperbarui)" in page.locator("main").inner_text()
        shot(page, "12-edited")

        # It imports a GIFT file into a new deck: a preview first, then the import.
        gift = tmp_path / "csto.gift"
        gift.write_text(GIFT, encoding="utf-8")
        page.goto("/author/import")
        page.get_by_label("Question file").set_input_files(str(gift))
        page.get_by_label("New deck's name").fill("Soal tambahan CSTO")
        page.get_by_role("button", name="Preview").click()
        page.wait_for_load_state()
        preview = page.locator("main").inner_text()
        assert "Di kota manakah markas besar CSTO berada?" in preview
        shot(page, "13-import-preview")
        page.get_by_role("button", name=re.compile(r"Import 2 questions")).click()
        page.wait_for_load_state()
        assert "2 questions imported" in page.locator("main").inner_text()

        # The scores of the class, downloaded as CSV, hold the student's attempt.
        page.get_by_role("link", name="Scores").click()
        page.get_by_label("Class").select_option(label="Kelas 7A")
        page.get_by_role("button", name="Show").click()
        page.wait_for_load_state()
        shot(page, "14-scores")
        with page.expect_download() as download_info:
            page.locator("#download-attempts").click()
        path = download_info.value.path()
        data = Path(path).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, for Excel"
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
        mine = [row for row in rows if "dimas" in row.values()]
        assert len(mine) == 1, rows
        assert "Kelas 7A" in mine[0].values()
        assert str(right) in mine[0].values() and "5" in mine[0].values()
    finally:
        teacher.close()
        student.close()
