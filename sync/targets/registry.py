"""The kinds of spreadsheet fupan writes, and `open_target`, the one factory every caller uses.

Each kind says how it recognises where the user pointed fupan (a path, a URL, an open
workbook), how to open it, and what it is in one line (the CLI's help and docs/targets.md
are generated from these lines). The first kind that recognises `where` opens it; a new
kind of target is its module and one line in KINDS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import TargetError, msg
from .base import Opening, Target
from .excel import ExcelTarget
from .gsheets.sheets_api import looks_like_gsheet
from .memory import MemoryTarget
from .xlsx import XlsxTarget

Where = Any  # a path, an address, or an open workbook: each kind says which it takes


@dataclass(frozen=True)
class TargetKind:
    name: str
    about: str  # one line: what it is and how to name it (help text, docs/targets.md)
    recognises: Callable[[Where], bool]
    open: Callable[[Where, Opening], Target]
    file: bool = False  # `where` is a file on this computer (its folder finds the workspace)


MEMORY = "memory:"


def _is_memory(where: Where) -> bool:
    return isinstance(where, str) and where == MEMORY


def _is_gsheet(where: Where) -> bool:
    return isinstance(where, str) and looks_like_gsheet(where)


def _is_book(where: Where) -> bool:
    """An open workbook with xlwings' Book interface (what the add-in's button passes)."""
    return hasattr(where, "sheets") and hasattr(where, "app")


def _is_path(where: Where) -> bool:
    return isinstance(where, str | Path)


def _open_gsheet(where: Where, how: Opening) -> Target:
    # gspread and google-auth load only when a Google Sheet is used: `fupan --help` stays fast
    from .gsheets import connect

    return connect.open_gsheet(
        where, credentials=how.credentials, dry_run=how.dry_run, wait=how.wait
    )


KINDS: list[TargetKind] = [
    TargetKind(
        "memory",
        f"`{MEMORY}`: kept in memory, then dropped (tests)",
        _is_memory,
        lambda where, how: MemoryTarget(),
    ),
    TargetKind(
        "gsheet",
        "a Google Sheet's URL or id, written through a service account or `fupan auth login`",
        _is_gsheet,
        _open_gsheet,
    ),
    TargetKind(
        "excel",
        "the workbook open in Excel, from the add-in's Refresh data button",
        _is_book,
        lambda where, how: ExcelTarget(where),
    ),
    TargetKind(
        "xlsx",
        "a path to an .xlsx file (no Excel needed)",
        _is_path,
        lambda where, how: XlsxTarget(Path(where)),
        file=True,
    ),
]


def kind_of(where: Where, kind: str | None = None) -> TargetKind:
    """The kind that recognises `where` (or the one named `kind`)."""
    for k in KINDS:
        if (k.name == kind) if kind else k.recognises(where):
            return k
    if kind:
        raise TargetError(msg("err:target_no_kind", kind=kind, names=_names()))
    raise TargetError(msg("err:target_unknown", where=where, names=_names()))


def _names() -> str:
    return ", ".join(k.name for k in KINDS)


def open_target(
    where: Where,
    *,
    credentials: str | Path | None = None,
    dry_run: bool = False,
    wait: float = 0.0,
    kind: str | None = None,
) -> Target:
    """The target `where` names: an .xlsx path, a Google Sheet URL or id, an open Excel
    workbook, `memory:` (the first kind in KINDS that recognises it, or the one named `kind`).

    Nothing is read or written yet; a Google Sheet's credentials are loaded.
    """
    return kind_of(where, kind).open(where, Opening(credentials, dry_run, wait))


def local_file(where: Where) -> Path | None:
    """The file `where` names, when it is a file on this computer (else None: an address)."""
    k = kind_of(where)
    return Path(where) if k.file else None


def kinds() -> list[TargetKind]:
    """The kinds, in the order they are tried (for the CLI's help and docs/targets.md)."""
    return list(KINDS)


__all__ = ["KINDS", "TargetKind", "kind_of", "kinds", "local_file", "open_target"]
