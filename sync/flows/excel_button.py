"""The add-in's "Refresh data" button: `RunMain` runs `import fupan; fupan.main()`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import xlwings as xw

from ...addin.build import check_xlwings_version
from ..amazon import credentials as amazon_credentials
from ..amazon.pull import PullResult
from ..clock import run_day
from ..errors import FupanError
from ..i18n import LABELS, t
from ..settings_sheet import team_settings
from ..targets.registry import open_target
from ..workspace import Workspace
from .pull import pull_and_sync
from .review import SyncResult
from .sync import sync_workbook


@dataclass
class Refreshed:
    synced: SyncResult
    pulled: PullResult | None  # None when no Amazon credentials are set up


def refresh(book: Any, today: date) -> Refreshed:
    """Pull from Amazon (when set up), import new reports into the book's workspace and
    rewrite fupan's ranges in place.

    The workspace (and so its reports/ folder) is the one named in Settings, else the one
    containing the workbook.
    """
    target = open_target(book)
    settings = team_settings(target)
    if settings.workspace:
        workspace = Workspace.load(Path(settings.workspace).expanduser())
    else:
        workspace = Workspace.find(Path(str(book.fullname)).parent)
    if amazon_credentials.load().configured:
        done = pull_and_sync(workspace, today=today, target=target)
        return Refreshed(done.synced, done.pulled)
    return Refreshed(sync_workbook(workspace, target=target, today=today), None)


def main(book: Any | None = None) -> None:
    """Refresh the calling workbook; any problem goes to a message box and the Issues tab."""
    book = book or xw.Book.caller()
    try:
        check_xlwings_version()
        done = refresh(book, run_day())
    except FupanError as exc:
        _report(book, exc)
        return
    lang = _language(book)
    pulled = f"{done.pulled.describe(lang)}\n" if done.pulled else ""
    book.app.alert(pulled + done.synced.summary(lang), title="fupan")


def _language(book: Any) -> str:
    """The workbook's language, told by its Issues tab's title (read when even Settings
    could not be)."""
    return "zh" if any(s.name == LABELS["issues"][1] for s in book.sheets) else "en"


def _report(book: Any, error: FupanError) -> None:
    lang = _language(book)
    message = error.text(lang)
    book.app.alert(message, title="fupan")
    for sheet in book.sheets:
        if sheet.name in LABELS["issues"]:
            sheet.range((5, 1)).value = [[t("severity_error", lang), "", "", "", message]]
