"""One exception tree. Every message says what is wrong and what to do about it."""

from __future__ import annotations

from pathlib import Path


class FupanError(Exception):
    """Base of every error fupan raises on purpose; the CLI prints it without a traceback."""

    exit_code = 1


class UsageError(FupanError):
    """A command-line value is wrong (bad period, unknown marketplace, ...)."""

    exit_code = 2


class ReportError(FupanError):
    """A report file cannot be used. Names the file, and the row and column where one applies."""

    def __init__(
        self,
        path: str | Path,
        problem: str,
        *,
        fix: str = "",
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.problem = problem
        self.fix = fix
        self.row = row
        self.column = column
        super().__init__(self._render())

    def _render(self) -> str:
        where = f'Report "{self.path.name}"'
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f', column "{self.column}"'
        text = f"{where}: {self.problem}"
        return f"{text}. {self.fix}" if self.fix else text


class UnknownReportError(ReportError):
    """No reader recognises the file's header."""


class MissingPeriodError(ReportError):
    """The report has no date column and no --period was given."""


class ImportFailedError(FupanError):
    """One or more report files could not be used; nothing was imported."""


class StoreError(FupanError):
    """The history store cannot be opened or written."""


class StoreLockedError(StoreError):
    """Another process holds the history store; names that process."""


class OverlapError(StoreError):
    """An import would double count rows that cannot be split by date."""


class WorkspaceError(FupanError):
    """The workspace folder is missing or not a fupan workspace."""


class WorkbookError(FupanError):
    """A workbook cannot be read or written (locked, open in Excel, not a fupan workbook)."""


class BusyError(WorkbookError):
    """Another fupan run holds the file's lock (see sync/locks.py) past the bounded wait."""


class ChangedError(WorkbookError):
    """The file was saved by someone else after fupan read it: fupan did not overwrite it."""

    def __init__(self, message: str, *, where: str = "") -> None:
        super().__init__(message)
        self.where = where  # the file or sheet, for a caller's own message


class TargetError(FupanError):
    """A spreadsheet target (xlsx, Excel, Google Sheets) refused an operation."""


class AuthError(TargetError):
    """Credentials are missing, expired or lack access."""


class LeaseError(TargetError):
    """Someone else is refreshing the same sheet right now."""


class ActionSyncError(FupanError):
    """The action tracker cannot be synchronised."""
