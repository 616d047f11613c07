"""The one way a share is shown as a whole percentage, on every page, chart and report."""

from __future__ import annotations

import math


def whole_percent(part: float, whole: float = 1) -> int | None:
    """Return part of whole as a whole percentage rounded down, so 199 of 200 never shows as 100%; None for 0 of 0.

    A share already divided (0.5 for half) is given with whole left at 1.
    """
    if not whole:
        return None
    # rounded to 9 places before flooring, so float noise (0.29 * 100 = 28.999…) does not lose a point
    return math.floor(round(100 * part / whole, 9))
