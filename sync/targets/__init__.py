"""The registry of spreadsheet targets, and the factory the CLI uses to pick one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .base import Target
from .memory import MemoryTarget
from .xlsx import XlsxTarget

# kind -> (factory from a CLI value, one-line description for the help and docs)
TARGETS: dict[str, tuple[Callable[[str], Target], str]] = {
    "xlsx": (lambda where: XlsxTarget(Path(where)), "an .xlsx file (no Excel needed)"),
    "gsheet": (
        lambda where: _gsheet(where),
        "a Google Sheet (URL or id), through a service account or `fupan auth login`",
    ),
    "memory": (lambda where: MemoryTarget(), "in memory (tests)"),
}


def _gsheet(where: str) -> Target:
    from .gsheets import open_gsheet

    return open_gsheet(where)


def open_target(kind: str, where: str) -> Target:
    factory, _ = TARGETS[kind]
    return factory(where)


__all__ = ["TARGETS", "MemoryTarget", "Target", "XlsxTarget", "open_target"]
