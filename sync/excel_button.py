"""The add-in's "Refresh data" button: `RunMain` runs `import fupan; fupan.main()`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ..addin.build import check_xlwings_version
from .clock import run_day
from .errors import FupanError
from .i18n import LABELS
from .sync_workbook import SyncResult, sync_workbook, team_settings
from .targets.excel import ExcelTarget
from .workspace import Workspace


def refresh(book: Any, today: date) -> SyncResult:
    """Import new reports into the book's workspace and rewrite fupan's ranges in place.

    The workspace (and so its reports/ folder) is the one named in Settings, else the one
    containing the workbook.
    """
    target = ExcelTarget(book)
    settings = team_settings(target)
    if settings.workspace:
        workspace = Workspace.load(Path(settings.workspace).expanduser())
    else:
        workspace = Workspace.find(Path(str(book.fullname)).parent)
    return sync_workbook(workspace, target=target, today=today)


def main(book: Any | None = None) -> None:
    """Refresh the calling workbook; any problem goes to a message box and the Issues tab."""
    import xlwings as xw

    book = book or xw.Book.caller()
    try:
        check_xlwings_version()
        result = refresh(book, run_day())
    except FupanError as exc:
        _report(book, str(exc))
        return
    book.app.alert(
        f"{result.review.period}: {result.reds} red, {result.yellows} yellow, "
        f"{result.suggestions} proposed actions, {result.overdue} overdue.",
        title="fupan",
    )


def _report(book: Any, message: str) -> None:
    book.app.alert(message, title="fupan")
    for sheet in book.sheets:
        if sheet.name in LABELS["issues"]:
            sheet.range((5, 1)).value = [["error", "", "", "", message]]
