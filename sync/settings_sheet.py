"""The Settings tab as a workbook holds it: found by its title in either language, read back."""

from __future__ import annotations

from collections.abc import Callable

from .i18n import LABELS
from .settings import Settings, read_back
from .targets.base import Grid, Target


def find_sheet(target: Target, key: str, read: Callable[[str], Grid | None] | None = None) -> Grid:
    """A tab of fupan's by its key, whichever language the workbook was written in (`read`:
    how to read a tab by its title, default the target's read_sheet)."""
    for lang in ("en", "zh"):
        grid = (read or target.read_sheet)(LABELS[key][0 if lang == "en" else 1])
        if grid is not None:
            return grid
    return []


def team_settings(target: Target, language: str = "en") -> Settings:
    """The Settings the team typed into a workbook (defaults where it has none)."""
    return read_back(find_sheet(target, "settings"), Settings.defaults(language))
