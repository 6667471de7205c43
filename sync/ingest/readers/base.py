"""What a report reader is: a header signature, and raw cells in, a canonical table out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

import pandas as pd

from ...errors import ReportError
from ...findings import Finding, Severity
from ...periods import Period
from ..schema import TableSpec
from ..sources import RawReport


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
    def bad_cells(raw: RawReport, bad: pd.Series, column: str, what: str) -> ReportError | None:
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


@dataclass(frozen=True)
class Field:
    """One canonical column and the header spellings that feed it (normalised, see headers)."""

    name: str
    aliases: tuple[str, ...]
    kind: str = "text"  # "text", "number", "percent", "date"
    required: bool = False


def find_columns(raw: RawReport, fields: tuple[Field, ...]) -> dict[str, int]:
    """Position of each field's column in the file, matching whole normalised headers."""
    keys = raw.keys
    found: dict[str, int] = {}
    for f in fields:
        for alias in f.aliases:
            if alias in keys:
                found[f.name] = keys.index(alias)
                break
    return found


def has_all(raw: RawReport, *aliases: str) -> bool:
    keys = set(raw.keys)
    return all(a in keys for a in aliases)


def extract(
    raw: RawReport,
    fields: tuple[Field, ...],
    *,
    decimal_comma: bool = False,
    day_first: bool = False,
) -> pd.DataFrame:
    """Parse the mapped columns of a raw report; raise ReportError on the first bad cell."""
    from ..parsing import parse_dates, parse_numbers

    cols = find_columns(raw, fields)
    missing = [f for f in fields if f.required and f.name not in cols]
    if missing:
        names = ", ".join(f'"{f.aliases[0]}"' for f in missing)
        raise ReportError(
            raw.path,
            f"lacks the column(s) {names}",
            fix="Download the report again with all columns; fupan reads Amazon's own layout.",
        )
    out: dict[str, pd.Series] = {}
    for f in fields:
        if f.name not in cols:
            continue
        pos = cols[f.name]
        values = raw.column(pos)
        header = raw.header[pos]
        if f.kind in ("number", "percent"):
            parsed, bad = parse_numbers(
                values, decimal_comma=decimal_comma, percent=f.kind == "percent"
            )
            what = "a percentage" if f.kind == "percent" else "a number"
        elif f.kind == "date":
            parsed, bad = parse_dates(values, day_first=day_first)
            what = "a date"
        else:
            parsed = values.astype("object").where(values.notna(), "").map(str).str.strip()
            bad = None
        if bad is not None:
            err = Reader.bad_cells(raw, bad, header, what)
            if err is not None:
                raise err
        out[f.name] = parsed
    return pd.DataFrame(out, index=raw.frame.index)


def resolve_marketplace(ctx: ReadContext, *, currency: str = "", country: str = "") -> str:
    """The marketplace code: as given, else from the report's currency or country, else US."""
    from ... import marketplaces

    if ctx.marketplace:
        return marketplaces.get(ctx.marketplace).code
    if currency:
        m = marketplaces.by_currency(currency)
        if m is not None:
            return m.code
    if country:
        c = country.strip().upper()
        if c in ("UNITED STATES", "US"):
            return "US"
        if c in ("UNITED KINGDOM", "UK", "GB"):
            return "UK"
        if c in marketplaces.MARKETPLACES:
            return c
    return marketplaces.DEFAULT


def number_style(code: str) -> tuple[bool, bool]:
    """(decimal_comma, day_first) for a marketplace code."""
    from ... import marketplaces

    m = marketplaces.get(code)
    return m.decimal_comma, code not in ("US", "CA", "JP", "CN")


def first_currency(frame: pd.DataFrame) -> str:
    """The first non-empty value of a `currency` column, or ""."""
    if "currency" not in frame:
        return ""
    values = frame["currency"][frame["currency"] != ""]
    return str(values.iloc[0]) if len(values) else ""
