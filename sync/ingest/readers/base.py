"""What a report reader is: a header signature, and raw cells in, a canonical table out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

import pandas as pd

from ...errors import Lines, Msg, ReportError, msg
from ...findings import Finding, Severity
from ...periods import Period
from ..raw import RawReport
from ..schema import TableSpec


@dataclass(frozen=True)
class ReadContext:
    """What the user told us about the file: the period it covers, the marketplace."""

    period: Period | None = None
    marketplace: str | None = None  # a code from marketplaces.MARKETPLACES
    today: date | None = None  # the run's day (the CLI's clock); dates undated snapshots


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
    def bad_cells(raw: RawReport, bad: pd.Series, column: str, what: Msg) -> ReportError | None:
        """A ReportError naming the first unparseable cell of a column, or None."""
        if not bool(bad.any()):
            return None
        first = int(bad.to_numpy().nonzero()[0][0])
        count = int(bad.sum())
        value = raw.frame.iloc[first][raw.header.index(column)] if column in raw.header else ""
        more = msg("err:cells_in_all", count=count) if count > 1 else ""
        return ReportError(
            raw.path,
            msg("err:not_a", value=value, what=what, more=more),
            row=raw.file_row(first),
            column=column,
            fix=msg("err:fix_cell"),
        )


@dataclass(frozen=True)
class Field:
    """One canonical column and the header spellings that feed it (normalised, see headers).

    kind: "text"; "date"; "count" (whole, never negative: units, sessions, clicks ...);
    "money" (its currency signs are evidence of the marketplace); "percent" (a fraction
    between 0 and 1); "number" (anything else numeric).
    """

    name: str
    aliases: tuple[str, ...]
    kind: str = "text"
    required: bool = False


NUMERIC_KINDS = frozenset({"number", "count", "money", "percent"})
COUNT_MAX = 1e9  # no row of a seller's report counts a billion sessions, units or clicks
MONEY_MAX = 1e11


def find_columns(raw: RawReport, fields: tuple[Field, ...]) -> dict[str, int]:
    """Position of each field's column in the file, matching whole normalised headers.

    A column the reader needs that appears twice is refused: which one holds the numbers
    cannot be told.
    """
    keys = raw.keys
    found: dict[str, int] = {}
    for f in fields:
        for alias in f.aliases:
            if alias in keys:
                places = [i for i, k in enumerate(keys) if k == alias]
                if len(places) > 1:
                    letters = [column_letter(i) for i in places]
                    raise ReportError(
                        raw.path,
                        msg("err:column_twice", n=len(places), letters=_joined(letters)),
                        row=1,
                        column=raw.header[places[0]],
                        fix=msg("err:fix_extra_column"),
                    )
                found[f.name] = places[0]
                break
    return found


def column_letter(position: int) -> str:
    """Spreadsheet letters of a 0-based column position: 0 -> A, 26 -> AA."""
    n, letters = position + 1, ""
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def has_all(raw: RawReport, *aliases: str) -> bool:
    keys = set(raw.keys)
    return all(a in keys for a in aliases)


def _joined(letters: list[str]) -> Lines:
    """Column letters as "A and C" / "A 列和 C 列"."""
    return Lines(tuple(msg("err:column_letter", letter=x) for x in letters), sep=msg("err:and"))


def quoted_names(names: list[str]) -> Lines:
    """Column names as a list, quoted the language's way: "A", "B" / “A”、“B”."""
    return Lines(tuple(msg("err:quoted", text=n) for n in names), sep=msg("err:list_sep"))
