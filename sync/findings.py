"""Data problems found while reading or importing, kept as records rather than raised."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from .errors import Said
from .i18n import t


class Severity(StrEnum):
    ERROR = "error"  # the file cannot be used
    WARNING = "warning"  # the file was used, but a person should look
    INFO = "info"


@dataclass(frozen=True)
class Written:
    """A finding's message as it was said in each language when it was found (the store
    keeps both, so a Chinese workbook shows an import's findings in Chinese)."""

    en: str
    zh: str

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Finding:
    """One problem in one file, located as precisely as the format allows."""

    severity: Severity
    code: str  # stable machine id, e.g. "encoding-gb18030", "bad-number"
    message: str  # says what is wrong and what to do
    file: str = ""
    row: int | None = None  # 1-based line/row number in the file, header = 1
    column: str | None = None  # the header text as it appears in the file
    words: Said | None = None  # the message in either language (label tables, an error)
    framed: bool = False  # `words` do not name the file: the command line says it before them

    @classmethod
    def of(
        cls,
        severity: Severity,
        code: str,
        words: Said,
        *,
        file: str = "",
        row: int | None = None,
        column: str | None = None,
        framed: bool = False,
    ) -> Finding:
        """A finding whose message is written in the label tables (en and zh); `framed`: the
        message does not name its file, row and column, the command line says them first."""
        return cls(severity, code, words.text("en"), file, row, column, words, framed)

    def text(self, lang: str) -> str:
        """The message in `lang` (one not in the tables yet: as written)."""
        return self.words.text(lang) if self.words is not None else self.message

    def severity_text(self, lang: str) -> str:
        return t(f"severity_{self.severity}", lang)

    def render(self) -> str:
        where = f'"{Path(self.file).name}"' if self.file else ""
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f', column "{self.column}"'
        prefix = f"{self.severity}: {where}: " if where else f"{self.severity}: "
        return prefix + self.message

    def render_in(self, lang: str) -> str:
        """render() in `lang`: the file, row and column said as a report's place."""
        if lang == "en" or not self.file:
            return self.render() if lang == "en" else self._said(self.text(lang), lang)
        where = t("err:report_where", lang, file=Path(self.file).name)
        if self.row is not None:
            where += t("err:report_row", lang, row=self.row)
        if self.column is not None:
            where += t("err:report_column", lang, column=self.column)
        text = t("err:report_problem", lang, where=where, problem=self.text(lang))
        return self._said(text, lang)

    def _said(self, text: str, lang: str) -> str:
        return t("cli_finding", lang, severity=self.severity_text(lang), message=text)
