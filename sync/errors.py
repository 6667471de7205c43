"""One exception tree. Every message says what is wrong and what to do about it, written
once per language in sync/labels/errors.py (`Msg`); str() of an error is its English."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .i18n import t


class Said(Protocol):
    """Anything that says itself in either language: a message, an error, a list of them."""

    def text(self, lang: str) -> str: ...


@dataclass(frozen=True)
class Msg:
    """A message of the label tables with its values, said in either language."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        """The message in `lang`; a value that is a message itself is said in `lang` too."""
        values = {k: said(v, lang) for k, v in self.params.items()}
        return t(self.key, lang, **values) if values else t(self.key, lang)

    def __str__(self) -> str:
        return self.text("en")


def msg(key: str, **params: Any) -> Msg:
    return Msg(key, params)


@dataclass(frozen=True)
class Lines:
    """Messages one under another (the files an import refused)."""

    items: tuple[Said, ...]
    sep: str | Said = "\n  "  # a message when the word between differs ("and", "和")

    def text(self, lang: str) -> str:
        return str(said(self.sep, lang)).join(i.text(lang) for i in self.items)


def said(value: Any, lang: str) -> Any:
    """A message (or error) in `lang`; anything else (a number, a name, a message not in
    the tables yet) as it is."""
    return value.text(lang) if callable(getattr(value, "text", None)) else value


class FupanError(Exception):
    """Base of every error fupan raises on purpose; the CLI prints it without a traceback."""

    exit_code = 1

    def __init__(self, message: str | Said = "", *args: object) -> None:
        self.message = message
        super().__init__(message.text("en") if not isinstance(message, str) else message, *args)

    def text(self, lang: str) -> str:
        """The message in the command line's language."""
        return str(said(self.message, lang))


class UsageError(FupanError):
    """A command-line value is wrong (bad period, unknown marketplace, ...)."""

    exit_code = 2


class ReportError(FupanError):
    """A report file cannot be used. Names the file, and the row and column where one applies."""

    def __init__(
        self,
        path: str | Path,
        problem: str | Msg,
        *,
        fix: str | Msg = "",
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.problem = problem
        self.fix = fix
        self.row = row
        self.column = column
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        where = t("err:report_where", lang, file=self.path.name)
        if self.row is not None:
            where += t("err:report_row", lang, row=self.row)
        if self.column is not None:
            where += t("err:report_column", lang, column=self.column)
        text = t("err:report_problem", lang, where=where, problem=said(self.problem, lang))
        fix = str(said(self.fix, lang))
        return t("err:report_fix", lang, text=text, fix=fix) if fix else text


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

    def __init__(self, message: str | Said, *, where: str = "") -> None:
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
