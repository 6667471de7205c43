"""The run's day: the only place fupan reads the system clock.

Entry points (the CLI, the Excel button) call `run_day()` once and pass `today` down; nothing
below them reads the clock, so tests pin the day and a review can be re-run as of any day.
"""

from __future__ import annotations

import os
from datetime import date

from .errors import UsageError

ENV = "FUPAN_TODAY"


def run_day(given: date | None = None) -> date:
    """`given` (the CLI's --today), else $FUPAN_TODAY, else the system's date."""
    if given is not None:
        return given
    text = os.environ.get(ENV, "").strip()
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f'${ENV} is "{text}", not a date; write it like 2026-11-23.') from None
