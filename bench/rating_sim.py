"""Simulate students of known memory and compare the rules that turn a multiple-choice answer into an FSRS rating.

Each simulated student has a true memory, modelled by FSRS itself: their own FSRS parameters (the defaults with
the initial stabilities scaled by a per-student memory factor and the recall-stability growth shifted), and for
each card a true fsrs.Card updated by every review with the grade the student would honestly give themselves.
Before a card is first met, the student knows its fact with a per-card prior probability (news facts: some are
known already). At each review:

- the student recalls the fact with the true probability: the prior before the first meeting, afterwards the
  retrievability of the true memory (FSRS's forgetting curve, fractional days);
- a multiple-choice answer is right when recalled, and otherwise right by luck one time in k (k options);
- the answer time is drawn from a log-normal: recall is quicker the stronger the memory, a guess is slower
  (deliberating) or, in the second scenario, as quick as a recall;
- the student's true memory is updated with their honest grade: not recalled, Again; recalled, graded by the
  earlier rule's own time limits (Easy within 5 s, Hard from 20 s), which gives that rule the benefit of the
  doubt: it is right about every recall and wrong only about lucky guesses;
- the app rates the answer with the rule under test and schedules the card with the real fsrs.Scheduler the app
  uses (quizapp.services.study.scheduling.DEFAULT_SCHEDULER: default parameters, 90% retention, no fuzzing); the
  student answers each card when it falls due.

Measured at every review a day or more after the card's previous review: how well the scheduler's predicted
retrievability (its own forgetting curve, fractional days) predicts the student's true recall, as log loss against
the drawn recall and RMSE against the true recall probability; the mean of each (calibration). Each rule is scored
at its own review times, so the same RMSE is also taken on a daily probe of every card met, the same moments for
both rules. Then the share of lucky guesses rated Easy and the interval they earned (all, and on a card's first
meeting); the recall the schedule achieved and the reviews it took.
Every rule meets the same students, the same cards and, per card, the same stream of random numbers.
Prints figures and asserts nothing; not a test, not run by CI.

    python -m bench.rating_sim [--students 200] [--cards 30] [--days 60] [--seed 12]
"""

from __future__ import annotations

import argparse
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from importlib.metadata import version

import fsrs

from quizapp.services.study.rating import rate_choice_answer
from quizapp.services.study.scheduling import DEFAULT_SCHEDULER

START = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
DAY = timedelta(days=1)
#: How many options the simulated cards have, with their weights (the seeds' cards have four; imports vary).
OPTION_COUNTS = {2: 0.15, 3: 0.15, 4: 0.6, 5: 0.1}
#: New cards met per day, the first days of the run.
NEW_PER_DAY = 10
#: Every day at this hour after START (8:00), the probe compares each met card's predicted and true recall.
PROBE_HOUR = timedelta(hours=12)

Rule = Callable[[bool, "int | None", int], fsrs.Rating]


def rule_before_issue_12(correct: bool, time_ms: int | None, k: int) -> fsrs.Rating:
    """Rate as the app did before issue 12: right within 5 s Easy, after 20 s Hard, 1 s more per extra option."""
    if not correct:
        return fsrs.Rating.Again
    if time_ms is None:
        return fsrs.Rating.Good
    shift = (k - 4) * 1_000
    if time_ms <= 5_000 + shift:
        return fsrs.Rating.Easy
    if time_ms >= 20_000 + shift:
        return fsrs.Rating.Hard
    return fsrs.Rating.Good


def rule_recognition(correct: bool, time_ms: int | None, k: int) -> fsrs.Rating:
    """Rate as the app does now (quizapp.services.study.rating)."""
    return rate_choice_answer(correct, time_ms, k)


RULES: dict[str, Rule] = {"before (time)": rule_before_issue_12, "now (recognition)": rule_recognition}


@dataclass(frozen=True)
class Scenario:
    """How answer times are drawn."""

    name: str
    guess_slowdown: float  # a guess's median time, in multiples of the time to read the card


SCENARIOS = (
    Scenario("guesses slower than recall (deliberating)", 1.6),
    Scenario("guesses as quick as recall", 1.0),
)


@dataclass(frozen=True)
class Student:
    """A simulated student: their true FSRS parameters and, per card, the options and prior knowledge."""

    number: int
    scheduler: fsrs.Scheduler
    factor: float
    decay: float
    cards: tuple[tuple[int, float], ...]  # (options, probability of knowing the fact before meeting it)


def make_student(rng: random.Random, number: int, n_cards: int) -> Student:
    """Draw a student: a memory a bit better or worse than FSRS's average learner, and what they know already."""
    w = list(fsrs.Scheduler().parameters)
    memory = math.exp(rng.gauss(0, 0.4))
    for i in range(4):  # initial stabilities for Again, Hard, Good, Easy
        w[i] = min(max(w[i] * memory, 0.01), 100.0)
    w[8] = min(max(w[8] + rng.gauss(0, 0.3), 0.5), 5.0)  # how much a successful recall strengthens the memory
    scheduler = fsrs.Scheduler(parameters=w, learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    decay = -w[20]
    factor = 0.9 ** (1 / decay) - 1
    options, weights = zip(*OPTION_COUNTS.items(), strict=True)
    cards = tuple((rng.choices(options, weights)[0], rng.betavariate(0.6, 1.4)) for _ in range(n_cards))
    return Student(number=number, scheduler=scheduler, factor=factor, decay=decay, cards=cards)


def retrievability(card: fsrs.Card, now: datetime, factor: float, decay: float) -> float:
    """Return FSRS's recall probability of the card at now, counting fractional days (fsrs rounds down to days)."""
    assert card.last_review is not None and card.stability is not None
    days = max((now - card.last_review) / DAY, 0.0)
    return (1 + factor * days / card.stability) ** decay


_APP_DECAY = -DEFAULT_SCHEDULER.parameters[20]
_APP_FACTOR = 0.9 ** (1 / _APP_DECAY) - 1


def answer_time_ms(rng: random.Random, k: int, recalled: bool, p_true: float, scenario: Scenario) -> int:
    """Draw an answer time: reading the question and k options, then recalling (quicker when well known) or guessing."""
    read = 1_500 + 700 * k
    median = read * (1 + (1 - p_true)) if recalled else read * scenario.guess_slowdown
    return int(median * math.exp(rng.gauss(0, 0.5)))


def honest_grade(recalled: bool, time_ms: int, k: int) -> fsrs.Rating:
    """The grade the student would give themselves, which drives their true memory.

    A recall is graded by the earlier rule's own time limits, the benefit of the doubt to that rule: it is then
    right about every recall, and wrong only about guesses.
    """
    return rule_before_issue_12(True, time_ms, k) if recalled else fsrs.Rating.Again


@dataclass
class Tally:
    """What one rule did over every student."""

    scored: list[tuple[float, float, bool]] = field(default_factory=list)  # (predicted R, true p, recalled)
    lucky: int = 0
    lucky_easy: int = 0
    lucky_interval_days: float = 0.0
    first_lucky: int = 0  # lucky guesses at a card's first meeting
    first_lucky_easy: int = 0
    first_lucky_interval_days: float = 0.0
    probes: list[tuple[float, float]] = field(default_factory=list)  # (predicted R, true p) once a day, per card
    reviews: int = 0
    cards: int = 0


def run_card(
    student: Student, index: int, rule: Rule, scenario: Scenario, seed: int, days: int, tally: Tally
) -> None:
    """Study one card of one student from its first meeting to the end of the run."""
    rng = random.Random(f"{seed}/{scenario.name}/{student.number}/{index}")
    k, prior = student.cards[index]
    app = fsrs.Card(card_id=index)
    true = fsrs.Card(card_id=index)
    now = START + DAY * (index // NEW_PER_DAY)
    app.due = now
    end = START + DAY * days
    tally.cards += 1
    while now < end:
        met = true.last_review is not None
        p_true = retrievability(true, now, student.factor, student.decay) if met else prior
        recalled = rng.random() < p_true
        correct = recalled or rng.random() < 1 / k
        time_ms = answer_time_ms(rng, k, recalled, p_true, scenario)
        if app.last_review is not None and now - app.last_review >= DAY:
            predicted = retrievability(app, now, _APP_FACTOR, _APP_DECAY)
            tally.scored.append((predicted, p_true, recalled))
        rating = rule(correct, time_ms, k)
        app, _ = DEFAULT_SCHEDULER.review_card(app, rating, review_datetime=now)
        true, _ = student.scheduler.review_card(true, honest_grade(recalled, time_ms, k), review_datetime=now)
        tally.reviews += 1
        if correct and not recalled:
            interval = (app.due - now) / DAY
            tally.lucky += 1
            tally.lucky_easy += rating == fsrs.Rating.Easy
            tally.lucky_interval_days += interval
            if not met:
                tally.first_lucky += 1
                tally.first_lucky_easy += rating == fsrs.Rating.Easy
                tally.first_lucky_interval_days += interval
        # Learning steps come back within the session; longer intervals on the day they fall due, some hours late.
        wait = app.due - now
        later = min(app.due if wait < DAY else app.due + timedelta(hours=rng.uniform(0, 12)), end)
        probe = START + DAY * math.ceil((now - START) / DAY) + PROBE_HOUR
        while probe <= later:
            if probe > now:
                tally.probes.append(
                    (
                        retrievability(app, probe, _APP_FACTOR, _APP_DECAY),
                        retrievability(true, probe, student.factor, student.decay),
                    )
                )
            probe += DAY
        now = later


def log_loss(rows: list[tuple[float, float, bool]]) -> float:
    """Mean negative log-likelihood of the recalls under the predicted probabilities."""
    eps = 1e-6
    total = 0.0
    for predicted, _, recalled in rows:
        p = min(max(predicted, eps), 1 - eps)
        total -= math.log(p if recalled else 1 - p)
    return total / len(rows)


def rmse(rows: list[tuple[float, float, bool]] | list[tuple[float, float]]) -> float:
    """Root mean square gap between the predicted and the true recall probability."""
    return math.sqrt(sum((row[0] - row[1]) ** 2 for row in rows) / len(rows))


def simulate(students: list[Student], n_cards: int, days: int, seed: int, scenario: Scenario) -> dict[str, Tally]:
    """Run every rule over the same students and cards."""
    tallies = {}
    for name, rule in RULES.items():
        tally = Tally()
        for student in students:
            for index in range(n_cards):
                run_card(student, index, rule, scenario, seed, days, tally)
        tallies[name] = tally
    return tallies


def print_table(scenario: Scenario, tallies: dict[str, Tally]) -> None:
    """Print the rules side by side."""
    rows: list[tuple[str, Callable[[Tally], str]]] = [
        ("reviews scored (a day or more apart)", lambda t: f"{len(t.scored):,}"),
        ("log loss: predicted R vs recall", lambda t: f"{log_loss(t.scored):.4f}"),
        ("RMSE: predicted R vs true recall prob.", lambda t: f"{rmse(t.scored):.4f}"),
        ("RMSE on a daily probe of every met card", lambda t: f"{rmse(t.probes):.4f}"),
        ("mean predicted R", lambda t: f"{sum(r[0] for r in t.scored) / len(t.scored):.3f}"),
        ("mean true recall probability", lambda t: f"{sum(r[1] for r in t.scored) / len(t.scored):.3f}"),
        ("recalled at those reviews", lambda t: f"{sum(r[2] for r in t.scored) / len(t.scored):.1%}"),
        ("lucky guesses (right, not recalled)", lambda t: f"{t.lucky:,}"),
        ("  rated Easy", lambda t: f"{t.lucky_easy / t.lucky:.1%}"),
        ("  mean interval after one (days)", lambda t: f"{t.lucky_interval_days / t.lucky:.2f}"),
        ("lucky guesses on a new card", lambda t: f"{t.first_lucky:,}"),
        ("  rated Easy", lambda t: f"{t.first_lucky_easy / t.first_lucky:.1%}"),
        ("  mean interval after one (days)", lambda t: f"{t.first_lucky_interval_days / t.first_lucky:.2f}"),
        ("reviews per card", lambda t: f"{t.reviews / t.cards:.2f}"),
    ]
    names = list(tallies)
    width = max(len(label) for label, _ in rows)
    print(f"\n{scenario.name}")
    print(f"{'':{width}}  " + "  ".join(f"{name:>18}" for name in names))
    for label, cell in rows:
        print(f"{label:{width}}  " + "  ".join(f"{cell(tallies[name]):>18}" for name in names))


def main(argv: list[str] | None = None) -> None:
    """Simulate and print one table per scenario."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--cards", type=int, default=30)
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    rng = random.Random(args.seed)
    students = [make_student(rng, number, args.cards) for number in range(args.students)]
    print(
        f"{args.students} students x {args.cards} cards, {args.days} days, seed {args.seed}; "
        f"options {OPTION_COUNTS}; app scheduler: fsrs {version('fsrs')} defaults, retention "
        f"{DEFAULT_SCHEDULER.desired_retention}"
    )
    for scenario in SCENARIOS:
        print_table(scenario, simulate(students, args.cards, args.days, args.seed, scenario))
    print(f"\n({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
