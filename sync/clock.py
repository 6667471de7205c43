"""The run's day: the only place fupan reads the system clock.

Entry points (the CLI, the Excel button) call `run_day()` once and pass `today` down; nothing
below them reads the clock, so tests pin the day and a review can be re-run as of any day.
"""

from __future__ import annotations

import os
from datetime import date

import click

from .errors import UsageError, msg

ENV = "FUPAN_TODAY"


def command_day() -> date:
    """The run's day inside a command: the top-level `fupan --today`, else `run_day()`."""
    given = click.get_current_context().find_root().params.get("today")
    return run_day(given.date() if given else None)


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
        raise UsageError(msg("err:clock_env", env=ENV, text=text)) from None
