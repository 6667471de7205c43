"""What a report reader is: a header signature, and raw cells in, a canonical table out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import ClassVar

import pandas as pd

from ..errors import ReportError
from ..findings import Finding, Severity
from ..periods import Period
from ..schema import TableSpec
from ..sources import RawReport


@dataclass(frozen=True)
class ReadContext:
    """What the user told us about the file: the period it covers, the marketplace."""

    period: Period | None = None
    marketplace: str | None = None  # a code from marketplaces.MARKETPLACES


@dataclass
class ReadResult:
    """A report after reading: canonical rows plus what we learnt about the file."""

    reader: str  # the reader's kind, e.g. "sp_search_term"
    table: TableSpec
    frame: pd.DataFrame  # conforms to `table` (schema.conform)
    period: Period | None  # the days the rows cover
    marketplace: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        return not any(f.severity is Severity.ERROR for f in self.findings)


class Reader(ABC):
    """One report family. Subclasses are registered in readers/__init__.py.

    `detect` looks at the header only (never at the file name) and returns a score: 0 for
    "not mine", higher for a more specific match, so the most specific reader wins.
    """

    kind: ClassVar[str]  # stable id: "business_asin", "sp_search_term", ...
    title: ClassVar[str]  # what Seller Central / the Ads console calls the report
    table: ClassVar[TableSpec]
    formats: ClassVar[frozenset[str]]  # subset of {"csv", "tsv", "xlsx", "json"}

    @abstractmethod
    def detect(self, raw: RawReport) -> int: ...

    @abstractmethod
    def read(self, raw: RawReport, ctx: ReadContext) -> ReadResult: ...

    # Helpers shared by readers -------------------------------------------------------

    @staticmethod
    def bad_cells(
        raw: RawReport, bad: pd.Series, column: str, what: str
    ) -> ReportError | None:
        """A ReportError naming the first unparseable cell of a column, or None."""
        if not bool(bad.any()):
            return None
        first = int(bad.to_numpy().nonzero()[0][0])
        count = int(bad.sum())
        value = raw.frame.iloc[first][raw.header.index(column)] if column in raw.header else ""
        more = f" ({count} cells in all)" if count > 1 else ""
        return ReportError(
            raw.path,
            f'"{value}" is not {what}{more}',
            row=raw.file_row(first),
            column=column,
            fix="Download the report again; if it was edited by hand, fix that cell.",
        )
