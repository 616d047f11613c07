"""Measure how fast the generator turns articles into cards, and how its time grows with the corpus.

Builds corpora of N articles from the seeds by varying their people, countries, organisations, dates and
counts, so that facts, people and distractor pools grow with N as in a real corpus; then times parsing and
generation end to end. Targets: at least 200 articles per second, and ten times the articles costs at most
eleven times the time. Prints figures and asserts nothing; not a test, not run by CI.

    python bench/generate.py [--sizes 100 1000] [--repeat 5] [--seed 0] [--profile]

Needs the project installed (`python -m pip install -e .`). Shared machines are noisy: quote medians and
compare ratios from one run, not across runs. About a fifth of the sentences recur across articles (those
naming no person, country, organisation, date or count), so caches keyed by sentence hit more than on news.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import itertools
import pstats
import random
import re
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from question_bank import build_corpus, generate, load_article
from question_bank.lang import LanguagePack, get_pack

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

#: Articles per second, end to end, at every size.
TARGET_RATE = 200.0
#: k times the articles may cost at most TARGET_GROWTH * k times the time (10x -> 11x): no quadratic step.
TARGET_GROWTH = 1.1

#: The people the seeds name, by full name and the family name they go by; each article renames them all.
SEED_PEOPLE = (
    ("Nikol Pashinyan", "Pashinyan"),
    ("Vladimir Putin", "Putin"),
    ("Ilham Aliyev", "Aliyev"),
    ("Dmitry Peskov", "Peskov"),
    ("Imangali Tasmagambetov", "Tasmagambetov"),
    ("Ararat Mirzoyan", "Mirzoyan"),
    ("James O’Brien", "O’Brien"),
    ("Kassym-Jomart Tokayev", "Tokayev"),
    ("Zhu Yongbiao", "Yongbiao"),
    ("Muhammad Syahrianto", "Syahrianto"),
)
FIRST_NAMES = (
    "Nikol", "Vladimir", "Ilham", "Dmitry", "Imangali", "Ararat", "James", "Kassym-Jomart", "Sergei", "Mikhail",
    "Nursultan", "Emomali", "Sadyr", "Shavkat", "Aleksandr", "Rustam", "Arman", "Tigran", "Anna", "Maria", "Olga",
    "Elena", "Aigerim", "Bakyt", "Zhanna", "Gulnara", "Dilshod", "Timur", "Ruslan", "Kamila", "Levon", "Ivan",
    "Pavel", "Yuri", "Oleg", "Viktor", "Andrei", "Nikolai", "Irina", "Saule",
)
# Family names are built from parts, so the pool of people can grow with the corpus.
_NAME_ONSETS = ("Ab", "Al", "Ar", "Ba", "Bek", "Da", "Er", "Ga", "Is", "Ka", "Kur", "Ma", "Mu", "Na", "Or", "Pe",
                "Ra", "Sa", "Ser", "Ta", "Tu", "Us", "Va", "Ya", "Za", "Zhu")
_NAME_MIDDLES = ("", "ba", "di", "ga", "ki", "la", "mi", "ra", "sha", "ta", "zo", "ny", "lin", "mor", "dar")
_NAME_ENDINGS = ("ov", "ev", "yan", "enko", "uly", "bekov", "ovich", "ski", "ian", "adze", "ashvili", "uk", "in")

#: Countries the seeds name as members, former members or their neighbours; each article swaps them.
SWAPPED_COUNTRIES = ("Armenia", "Azerbaijan", "Belarus", "Georgia", "Kazakhstan", "Kirgizstan", "Rusia",
                     "Tajikistan", "Ukraina", "Uzbekistan")
#: What they may become: one-word countries of the language pack, none of those the seeds keep (AS, Swedia …).
COUNTRY_POOL = SWAPPED_COUNTRIES + (
    "Moldova", "Turkmenistan", "Mongolia", "Serbia", "Estonia", "Latvia", "Lituania", "Polandia", "Rumania",
    "Bulgaria", "Hongaria", "Turki", "Iran", "Irak", "India", "Suriah", "Yunani", "Jepang", "Kanada", "Australia",
    "Denmark", "Norwegia", "Spanyol", "Italia", "Jerman", "Belanda", "Israel", "Indonesia",
)
#: The organisation the seeds are about, and acronyms a new one must not take.
SEED_ORGANISATION = "CSTO"
_TAKEN_ACRONYMS = frozenset({"CSTO", "NATO", "TASS", "PBB", "KTT", "USA", "RRT"})

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
_DATE = re.compile(
    rf"\((?P<sd>\d{{1,2}})/(?P<sm>\d{{1,2}})(?P<sy>/\d{{4}})?\)"  # (27/11/2022), (25/6)
    rf"|\b(?P<d>\d{{1,2}})\s+(?P<dm>{'|'.join(MONTHS)})\b"  # 17 Mei
    rf"|\b(?P<m>{'|'.join(MONTHS)})\b"  # November
    r"|\b(?P<y>(?:19|20)\d\d)\b"  # 1949, 2022
)
_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,])")  # 3.380


@dataclass(frozen=True)
class _Pools:
    """What one corpus draws its variations from; sized so that people and organisations grow with it."""

    families: list[str]
    organisations: list[str]
    countries: dict[str, str]  # a seed's spelling of a swapped country -> that country's canonical name


def build_corpus_texts(n: int, seed: int = 0, *, seeds_dir: Path = SEEDS) -> list[tuple[str, bytes]]:
    """Make n articles (file name, UTF-8 bytes) from the seeds, each with its own people, places and dates."""
    seeds = [(path.stem, path.read_text(encoding="utf-8")) for path in sorted(seeds_dir.glob("*.txt"))]
    if not seeds:
        raise FileNotFoundError(f"no seed articles in {seeds_dir}")
    pack = get_pack("id")
    rng = random.Random(seed)
    # An article names ten people and one organisation: each family name recurs in about five articles and
    # each organisation in about four, so people, memberships and disputes merge across articles and grow with n.
    pools = _Pools(
        families=_family_names(2 * n + 20, rng, pack),
        organisations=_organisation_acronyms(max(4, n // 4), rng, pack),
        countries=_country_spellings(pack),
    )
    texts = []
    for i in range(n):
        stem, text = seeds[i % len(seeds)]
        texts.append((f"{i:05d}_{stem}.txt", _vary(text, rng, pools).encode("utf-8")))
    return texts


def _family_names(count: int, rng: random.Random, pack: LanguagePack) -> list[str]:
    parts = itertools.product(_NAME_ONSETS, _NAME_MIDDLES, _NAME_MIDDLES, _NAME_ENDINGS)
    names = list(dict.fromkeys("".join(part) for part in parts))  # "" + "ba" and "ba" + "" are one name
    usable = [name for name in names if name.lower() not in pack.countries and name.lower() not in pack.places]
    if count > len(usable):
        raise ValueError(f"cannot make {count} family names (at most {len(usable)})")
    return rng.sample(usable, count)


def _organisation_acronyms(count: int, rng: random.Random, pack: LanguagePack) -> list[str]:
    letters = "ABCDEFGHIJKLMNOPRSTUVWYZ"
    found: dict[str, None] = {}  # a dict keeps the drawing order, so the corpus does not depend on hashing
    while len(found) < count:
        acronym = "".join(rng.choices(letters, k=rng.randint(3, 5)))
        folded = acronym.lower()
        if acronym not in _TAKEN_ACRONYMS and folded not in pack.countries and folded not in pack.places:
            found[acronym] = None
    return list(found)


def _country_spellings(pack: LanguagePack) -> dict[str, str]:
    unknown = [c for c in COUNTRY_POOL if c.lower() not in pack.countries]
    if unknown:
        raise ValueError(f"not countries of the language pack: {', '.join(unknown)}")
    return {variant.title(): canonical for variant, canonical in pack.countries.items()
            if canonical in SWAPPED_COUNTRIES}


def _vary(text: str, rng: random.Random, pools: _Pools) -> str:
    """Rename the seed's people, countries and organisation, and move its dates and counts, consistently."""
    families = rng.sample(pools.families, len(SEED_PEOPLE))
    people: dict[str, str] = {}
    for (full, family), new_family in zip(SEED_PEOPLE, families, strict=True):
        people[full] = f"{rng.choice(FIRST_NAMES)} {new_family}"
        people[family] = new_family
    text = _replace_words(text, people)

    countries = dict(zip(SWAPPED_COUNTRIES, rng.sample(COUNTRY_POOL, len(SWAPPED_COUNTRIES)), strict=True))
    text = _replace_words(text, {spelling: countries[canonical] for spelling, canonical in pools.countries.items()})
    text = re.sub(rf"\b{SEED_ORGANISATION}\b", rng.choice(pools.organisations), text)

    months = rng.sample(range(1, 13), 12)
    day_shift, shift_1900s, shift_2000s = rng.randrange(28), rng.randint(-45, 45), rng.randint(-15, 5)

    def day(value: str) -> str:
        return str((int(value) - 1 + day_shift) % 28 + 1)

    def year(value: str) -> str:
        y = int(value)
        return str(1900 + (y - 1900 + shift_1900s) % 100 if y < 2000 else y + shift_2000s)

    def date(m: re.Match[str]) -> str:
        if m["sd"]:
            slash_year = f"/{year(m['sy'][1:])}" if m["sy"] else ""
            return f"({day(m['sd'])}/{months[(int(m['sm']) - 1) % 12]}{slash_year})"
        if m["d"]:
            return f"{day(m['d'])} {MONTHS[months[MONTHS.index(m['dm'])] - 1]}"
        if m["m"]:
            return MONTHS[months[MONTHS.index(m["m"])] - 1]
        return year(m["y"])

    text = _DATE.sub(date, text)
    return _THOUSANDS.sub(lambda _: f"{rng.randint(1_000, 99_999):,}".replace(",", "."), text)


def _replace_words(text: str, table: dict[str, str]) -> str:
    """Replace whole words and names in one pass, so that no replacement is itself replaced."""
    alternatives = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    return re.sub(rf"(?<![\w-])(?:{alternatives})(?![\w-])", lambda m: table[m.group(0)], text)


@dataclass(frozen=True)
class Timing:
    """One timed run over a corpus: parsing, the whole generator, and its extract + merge part alone.

    `cpu` is the process time of parse + generate: less disturbed than wall time by other jobs on the machine.
    """

    parse: float
    generate: float
    corpus: float
    cpu: float
    cards: int

    @property
    def total(self) -> float:
        """Seconds from bytes to cards."""
        return self.parse + self.generate


@dataclass(frozen=True)
class SizeResult:
    """The median of several runs over one corpus size."""

    size: int
    runs: list[Timing]

    def median(self, field: str) -> float:
        """Return the median of one timing over the runs."""
        return statistics.median(getattr(run, field) for run in self.runs)

    @property
    def rate(self) -> float:
        """Articles per second, end to end, at the median."""
        return self.size / self.median("total")


def run_once(texts: Sequence[tuple[str, bytes]]) -> Timing:
    """Parse and generate once, timing each part; extract + merge is timed again on its own afterwards."""
    gc.collect()
    cpu = time.process_time()
    start = time.perf_counter()
    articles = [load_article(name, data) for name, data in texts]
    parsed = time.perf_counter()
    cards = generate(articles)
    generated = time.perf_counter()
    cpu = time.process_time() - cpu
    build_corpus(articles)
    merged = time.perf_counter()
    return Timing(parsed - start, generated - parsed, merged - generated, cpu, len(cards))


def measure(sizes: Sequence[int], seed: int, repeat: int, budget: float) -> list[SizeResult]:
    """Time every size `repeat` times, fewer for a size whose runs would pass `budget` seconds.

    Sizes take turns within each round, so that a burst of load on a shared machine hits them alike. Each run
    reads a corpus of its own (seed, seed + 1, …): a cache that remembered an earlier run's sentences would
    flatter the small sizes, whose sentences all fit in it, and so hide how time grows.
    """
    runs: dict[int, list[Timing]] = {size: [] for size in sizes}
    planned = dict.fromkeys(sizes, repeat)
    for round_number in range(1, repeat + 1):
        for size in sizes:
            if len(runs[size]) < planned[size]:
                print(f"  round {round_number}: {size} articles …", file=sys.stderr, flush=True)
                runs[size].append(run_once(build_corpus_texts(size, seed + round_number - 1)))
        if round_number == 1:
            planned = {size: min(repeat, max(1, int(budget // (r[0].total + r[0].corpus)))) for size, r in runs.items()}
    return [SizeResult(size, timings) for size, timings in runs.items()]


def peak_memory(texts: Sequence[tuple[str, bytes]]) -> float:
    """Return the peak memory (MB) Python allocates while parsing and generating, texts excluded."""
    gc.collect()
    tracemalloc.start()
    try:
        generate([load_article(name, data) for name, data in texts])
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def profile(texts: Sequence[tuple[str, bytes]], top: int = 15) -> None:
    """Profile one parse + generate and print the functions that take the most time."""
    profiler = cProfile.Profile()
    profiler.enable()
    generate([load_article(name, data) for name, data in texts])
    profiler.disable()
    stats = pstats.Stats(profiler)
    print("\ncProfile charges every call, so functions making many small calls look slower than they are:")
    print("time a suspect without the profiler before blaming it.")
    for key, title in (("cumulative", "cumulative time"), ("tottime", "own time")):
        print(f"\nTop {top} functions by {title} ({len(texts)} articles, one run under cProfile):")
        print(f"{'calls':>10} {'own s':>8} {'cum s':>8}  function")
        rows = sorted(stats.stats.items(), key=lambda item: item[1][3 if key == "cumulative" else 2], reverse=True)
        for (file, line, name), (_, calls, own, cumulative, _) in rows[:top]:
            print(f"{calls:>10} {own:>8.3f} {cumulative:>8.3f}  {_where(file, line, name)}")


def _where(file: str, line: int, name: str) -> str:
    if file == "~":
        return name  # a built-in
    path = Path(file)
    parts = path.parts
    short = "/".join(parts[parts.index("question_bank"):] if "question_bank" in parts else parts[-2:])
    return f"{short}:{line} {name}"


def report(results: list[SizeResult]) -> None:
    """Print the table of medians, the growth between sizes and the verdict against the targets."""
    print()
    print(f"{'articles':>8} {'runs':>4} {'parse s':>8} {'extract+merge s':>15} {'cards s':>8} {'total s':>8} "
          f"{'cpu s':>8} {'articles/s':>10} {'cards':>7}")
    for r in results:
        cards_only = r.median("generate") - r.median("corpus")
        print(f"{r.size:>8} {len(r.runs):>4} {r.median('parse'):>8.3f} {r.median('corpus'):>15.3f} "
              f"{cards_only:>8.3f} {r.median('total'):>8.3f} {r.median('cpu'):>8.3f} {r.rate:>10.0f} "
              f"{statistics.median(run.cards for run in r.runs):>7.0f}")
    print("(medians of wall time, except cpu s; each run a corpus of its own; total = parse + generate;")
    print(" cards s = generate − extract+merge, the latter timed in a separate call, so it is approximate)")
    print()
    slowest = min(results, key=lambda r: r.rate)
    verdict = "met" if slowest.rate >= TARGET_RATE else "MISSED"
    print(f"Throughput: {slowest.rate:.0f} articles/s at {slowest.size} articles "
          f"(target ≥ {TARGET_RATE:.0f}): {verdict}")
    for small, large in itertools.pairwise(results):
        factor = large.size / small.size
        ratio = large.median("total") / small.median("total")
        limit = TARGET_GROWTH * factor
        verdict = "met" if ratio <= limit else "MISSED"
        print(f"Growth: time({large.size})/time({small.size}) = {ratio:.2f} for {factor:g}× the articles "
              f"(target ≤ {limit:.1f}): {verdict}")
        best = min(run.total for run in large.runs) / min(run.total for run in small.runs)
        print(f"    fastest runs: {best:.2f}")
        for field, label in (("cpu", "cpu time"), ("parse", "parse"), ("corpus", "extract+merge")):
            print(f"    {label}: {large.median(field) / small.median(field):.2f}")
        cards_ratio = ((large.median("generate") - large.median("corpus"))
                       / (small.median("generate") - small.median("corpus")))
        print(f"    cards: {cards_ratio:.2f}")


def code_version() -> str:
    """Name the commit measured, and say whether question_bank has changes not yet committed."""
    try:
        commit = _git("rev-parse", "--short", "HEAD")
        changed = _git("status", "--porcelain", "--", "question_bank")
    except (OSError, subprocess.CalledProcessError):
        return "commit unknown (not a git checkout)"
    return f"commit {commit}" + (" + uncommitted question_bank changes" if changed else "")


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True).stdout.strip()


def main(argv: Sequence[str] | None = None) -> int:
    """Build the corpora, time the generator on each and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000], help="corpus sizes (default: 100 1000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per size; the median is quoted (default: 5)")
    parser.add_argument("--budget", type=float, default=120.0,
                        help="seconds one size may take before it gets fewer runs (default: 120)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the corpus builder (default: 0)")
    parser.add_argument("--profile", action="store_true", help="also profile the largest size with cProfile")
    args = parser.parse_args(argv)
    sizes = sorted(set(args.sizes))

    print(f"Python {sys.version.split()[0]}; {code_version()}; {args.repeat} runs per size "
          f"(fewer past {args.budget:.0f} s); corpus seed {args.seed}")
    # compile the language pack's patterns before anything is timed
    generate([load_article(name, data) for name, data in build_corpus_texts(5, args.seed - 1)])
    report(measure(sizes, args.seed, args.repeat, args.budget))

    # a corpus no timed run has read, so that no cache holds its sentences yet
    largest = build_corpus_texts(sizes[-1], args.seed + args.repeat)
    print()
    print(f"Largest corpus: {sizes[-1]} articles, {sum(len(data) for _, data in largest) / 1e6:.1f} MB of text")
    print(f"Peak memory allocated by Python for {sizes[-1]} articles (tracemalloc): {peak_memory(largest):.1f} MB")
    # ru_maxrss is in kilobytes on Linux
    print(f"Peak resident size of this process (ru_maxrss): "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MB")
    if args.profile:
        profile(largest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
