"""Print how the generator fares on the project's test articles, in the four readings the issue names.

    python -m bench.quality [-v]

Each reading prints precision, recall and recall by kind; -v lists the wrong cards and the missed facts.
"""

from __future__ import annotations

import sys

from tests.test_qb_gold import READINGS


def main(verbose: bool = False) -> None:
    """Score every reading and print one line each (and, verbose, what went wrong)."""
    for name, run in READINGS.items():
        result = run()
        kinds = ", ".join(f"{kind} {c}/{n}" for kind, (c, n) in sorted(result.by_kind.items()))
        print(f"{name:20} cards {result.cards:4}  P {result.precision:.3f}  R {result.recall:.3f}"
              f" ({result.covered}/{result.required})  {kinds}")
        if verbose:
            for line in [*result.wrong, *(f"missed {m}" for m in result.missed)]:
                print(f"    {line}")


if __name__ == "__main__":
    main("-v" in sys.argv)
