"""What a report reader is: a header signature, and raw cells in, a canonical table out."""

from __future__ import annotations

import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

import pandas as pd

from ... import marketplaces
from ...errors import ReportError
from ...findings import Finding, Severity
from ...periods import Period
from ..headers import CURRENCY_TAG
from ..parsing import AmbiguousDateOrder, currencies_in, out_of_range, parse_dates, parse_numbers
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
                    letters = " and ".join(column_letter(i) for i in places)
                    raise ReportError(
                        raw.path,
                        f"the column appears {len(places)} times (columns {letters}), so "
                        "fupan cannot tell which one to read",
                        row=1,
                        column=raw.header[places[0]],
                        fix="Download the report again; if it was edited by hand, delete or "
                        "rename the extra column.",
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


# Marketplaces ------------------------------------------------------------------------------

DOLLAR_CURRENCIES = frozenset({"USD", "CAD", "AUD", "MXN", "SGD"})
MONTH_FIRST = frozenset({"US", "CA", "JP", "CN"})  # JP writes 2026/07/03: year first
_COUNTRY_NAMES = {
    "united states": "US",
    "united states of america": "US",
    "usa": "US",
    "canada": "CA",
    "mexico": "MX",
    "méxico": "MX",
    "brazil": "BR",
    "brasil": "BR",
    "united kingdom": "UK",
    "great britain": "UK",
    "germany": "DE",
    "deutschland": "DE",
    "france": "FR",
    "italy": "IT",
    "italia": "IT",
    "spain": "ES",
    "españa": "ES",
    "netherlands": "NL",
    "sweden": "SE",
    "poland": "PL",
    "belgium": "BE",
    "turkey": "TR",
    "türkiye": "TR",
    "united arab emirates": "AE",
    "saudi arabia": "SA",
    "india": "IN",
    "japan": "JP",
    "australia": "AU",
    "singapore": "SG",
}


@dataclass(frozen=True)
class Market:
    """The marketplace a file is read for, and how its numbers and dates are written."""

    code: str
    known: bool  # given (workspace, --marketplace) or shown by the file; else a default
    decimal_comma: bool
    day_first: bool | None  # None: not known, a date order the file cannot settle is refused


def marketplace_of(text: str) -> str | None:
    """`United States`, `US`, `GB`, `amazon.de`, `Amazon.co.uk` to a marketplace code."""
    t = text.strip().lower().removeprefix("www.")
    if t in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[t]
    for m in marketplaces.MARKETPLACES.values():
        if t == m.domain:
            return m.code
    code = {"gb": "UK"}.get(t, t.upper())
    return code if code in marketplaces.MARKETPLACES else None


def settle_marketplace(
    raw: RawReport,
    ctx: ReadContext,
    *,
    currencies: AbstractSet[str] = frozenset(),
    countries: AbstractSet[str] = frozenset(),
) -> Market:
    """The marketplace of a file: the one given, checked against what the file shows.

    A file whose money (or country) belongs to another marketplace than the one given is
    refused, naming both: fupan never adds euros to dollars. With none given, the file's
    own currency or country decides; failing both, US number style, with a date order the
    file cannot settle refused rather than guessed.
    """
    isos = sorted(c for c in currencies if c != "$")
    if len(isos) > 1 or (isos and "$" in currencies and isos[0] not in DOLLAR_CURRENCIES):
        shown = ", ".join(sorted({*isos, *(["$"] if "$" in currencies else [])}))
        raise ReportError(
            raw.path,
            f"holds money in several currencies ({shown}); one report is one marketplace",
            fix="Download the report again for one marketplace.",
        )
    if len(countries) > 1:
        raise ReportError(
            raw.path,
            f"holds rows of several marketplaces ({', '.join(sorted(countries))})",
            fix="Download the report again for one marketplace.",
        )
    currency = isos[0] if isos else ("$" if "$" in currencies else "")
    country = next(iter(countries), "")
    if ctx.marketplace:
        m = marketplaces.get(ctx.marketplace)
        shown = _shown(currency, country)
        clash = (
            (currency == "$" and m.currency not in DOLLAR_CURRENCIES)
            or (currency not in ("", "$") and currency != m.currency)
            or (country and country != m.code)
        )
        if clash:
            raise ReportError(
                raw.path,
                f"its {shown}, but it was given for the {m.code} marketplace ({m.currency}); "
                "fupan never adds one marketplace's numbers to another's",
                fix=_other_home(currency, country),
            )
        return Market(m.code, True, m.decimal_comma, m.code not in MONTH_FIRST)
    code = country or ""
    if not code and currency not in ("", "$"):
        found = marketplaces.by_currency(currency)
        code = found.code if found else ""
    if country and currency not in ("", "$"):
        mine = marketplaces.get(country).currency
        if currency != mine and not (currency == "$" and mine in DOLLAR_CURRENCIES):
            raise ReportError(
                raw.path,
                f"its money is in {currency} but its rows are for {country} ({mine})",
                fix="Download the report again.",
            )
    if not code:
        return Market(marketplaces.DEFAULT, False, False, None)
    m = marketplaces.get(code)
    return Market(m.code, True, m.decimal_comma, m.code not in MONTH_FIRST)


def _shown(currency: str, country: str) -> str:
    if currency == "$":
        return "money is in dollars"
    if currency:
        return f"money is in {currency}"
    return f"rows are for the {country} marketplace"


def _other_home(currency: str, country: str) -> str:
    code = country
    if not code and currency not in ("", "$"):
        found = marketplaces.by_currency(currency)
        code = found.code if found else ""
    own = f" --marketplace {code}" if code else " --marketplace CODE"
    return (
        f"Import it into a workspace of its own marketplace (fupan init DIR{own}), or read "
        f"it with{own}."
    )


def evidence(
    raw: RawReport,
    fields: tuple[Field, ...],
    cols: dict[str, int],
    *,
    currency_fields: tuple[str, ...] = (),
    country_fields: tuple[str, ...] = (),
) -> tuple[set[str], set[str]]:
    """(currencies, marketplace codes) the file shows: money signs, currency columns, header
    tags such as `(₹)`, country columns."""

    currencies: set[str] = set()
    for f in fields:
        if f.name in cols and (f.kind == "money" or f.name in currency_fields):
            currencies |= currencies_in(raw.column(cols[f.name]))
    for h in raw.header:
        text = unicodedata.normalize("NFKC", str(h)).strip()
        tag = CURRENCY_TAG.search(text.lower())
        if tag:
            currencies |= currencies_in([text[tag.start() :]])
    countries: set[str] = set()
    for name in country_fields:
        if name in cols:
            for v in raw.column(cols[name]).dropna().astype(str).unique()[:200]:
                code = marketplace_of(v)
                if code:
                    countries.add(code)
    return currencies, countries


def read_frame(
    raw: RawReport,
    fields: tuple[Field, ...],
    ctx: ReadContext,
    *,
    currency_fields: tuple[str, ...] = (),
    country_fields: tuple[str, ...] = (),
) -> tuple[pd.DataFrame, Market]:
    """Settle the file's marketplace (see settle_marketplace), then parse its columns."""
    cols = find_columns(raw, fields)
    _require(raw, fields, cols)
    currencies, countries = evidence(
        raw, fields, cols, currency_fields=currency_fields, country_fields=country_fields
    )
    market = settle_marketplace(raw, ctx, currencies=currencies, countries=countries)
    frame = extract(raw, fields, decimal_comma=market.decimal_comma, day_first=market.day_first)
    return frame, market


def _require(raw: RawReport, fields: tuple[Field, ...], cols: dict[str, int]) -> None:
    missing = [f for f in fields if f.required and f.name not in cols]
    if missing:
        names = ", ".join(f'"{f.aliases[0]}"' for f in missing)
        raise ReportError(
            raw.path,
            f"lacks the column(s) {names}",
            fix="Download the report again with all columns; fupan reads Amazon's own layout.",
        )


def extract(
    raw: RawReport,
    fields: tuple[Field, ...],
    *,
    decimal_comma: bool = False,
    day_first: bool | None = False,
) -> pd.DataFrame:
    """Parse the mapped columns of a raw report; raise ReportError on the first bad cell.

    Besides cells that are no number or date at all, refused with their row and column:
    negative or fractional counts, counts over a billion, dates before 2000 or after 2100,
    percentages outside 0-100 %, and a row that ends before a number or date column.
    """

    cols = find_columns(raw, fields)
    _require(raw, fields, cols)
    out: dict[str, pd.Series] = {}
    for f in fields:
        if f.name not in cols:
            continue
        pos = cols[f.name]
        values = raw.column(pos)
        header = raw.header[pos]
        if f.kind in NUMERIC_KINDS or f.kind == "date":
            _refuse_short_rows(raw, pos, header)
        if f.kind in NUMERIC_KINDS:
            parsed, bad = parse_numbers(
                values, decimal_comma=decimal_comma, percent=f.kind == "percent"
            )
            what = "a percentage" if f.kind == "percent" else "a number"
            _raise(Reader.bad_cells(raw, bad, header, what))
            _check_numbers(raw, f, parsed, pos, decimal_comma)
        elif f.kind == "date":
            try:
                parsed, bad = parse_dates(values, day_first=day_first)
            except AmbiguousDateOrder as exc:
                raise ReportError(
                    raw.path,
                    f'its dates (such as "{exc.value}") read both day-first and month-first, '
                    "and nothing in the file says which",
                    row=raw.file_row(exc.position),
                    column=header,
                    fix="Give the marketplace, whose order decides: --marketplace UK (day "
                    "first) or --marketplace US (month first); a workspace uses its own.",
                ) from None
            _raise(Reader.bad_cells(raw, bad, header, "a date"))
            _raise(
                _cell_error(
                    raw,
                    out_of_range(parsed),
                    pos,
                    lambda v: f'the date "{v}" is before 2000 or after 2100',
                    "The cell looks damaged; download the report again.",
                )
            )
        else:
            parsed = values.astype("object").where(values.notna(), "").map(str).str.strip()
        out[f.name] = parsed
    return pd.DataFrame(out, index=raw.frame.index)


def _raise(err: ReportError | None) -> None:
    if err is not None:
        raise err


def _refuse_short_rows(raw: RawReport, pos: int, header: str) -> None:
    for i, present in sorted(raw.short_rows.items()):
        if present <= pos:
            raise ReportError(
                raw.path,
                f"the row ends after {present} of {len(raw.header)} values, so this column "
                "has no value in it",
                row=raw.file_row(i),
                column=header,
                fix="Download the report again; if the file was edited by hand, fill the row.",
            )


def _check_numbers(
    raw: RawReport, f: Field, parsed: pd.Series, pos: int, decimal_comma: bool
) -> None:
    fix = "The cell looks damaged; download the report again."
    if f.kind == "count":
        _raise(_cell_error(raw, parsed < 0, pos, lambda v: f'"{v}" is a negative count', fix))
        fraction = (parsed - parsed.round()).abs() > 1e-6
        hint = (
            "If the report writes 4.210 for four thousand two hundred and ten, it comes from "
            "a marketplace such as DE: give --marketplace DE (a workspace uses its own)."
            if not decimal_comma
            else "Download the report again."
        )
        _raise(_cell_error(raw, fraction, pos, lambda v: f'"{v}" is not a whole number', hint))
        _raise(
            _cell_error(
                raw,
                parsed > COUNT_MAX,
                pos,
                lambda v: f'"{v}" is more than a billion, which no report row counts',
                fix,
            )
        )
    elif f.kind == "money":
        _raise(
            _cell_error(
                raw,
                parsed.abs() > MONEY_MAX,
                pos,
                lambda v: f'"{v}" is beyond a hundred billion, which no report row holds',
                fix,
            )
        )
    elif f.kind == "percent":
        outside = (parsed < -1e-9) | (parsed > 1 + 1e-9)
        _raise(_cell_error(raw, outside, pos, lambda v: f'"{v}" is not between 0 and 100 %', fix))


def _cell_error(
    raw: RawReport, mask: pd.Series, pos: int, problem: Callable[[object], str], fix: str
) -> ReportError | None:
    """A ReportError naming the first cell of a column where `mask` holds, or None."""
    mask = mask.fillna(False).astype(bool)
    if not bool(mask.any()):
        return None
    first = int(mask.to_numpy().nonzero()[0][0])
    count = int(mask.sum())
    value = raw.frame.iloc[first, pos]
    more = f" ({count} cells in all)" if count > 1 else ""
    return ReportError(
        raw.path,
        problem(value) + more,
        row=raw.file_row(first),
        column=raw.header[pos],
        fix=fix,
    )


def resolve_marketplace(ctx: ReadContext, *, currency: str = "", country: str = "") -> str:
    """The marketplace code: as given, else from the report's currency or country, else US."""
    if ctx.marketplace:
        return marketplaces.get(ctx.marketplace).code
    if currency:
        m = marketplaces.by_currency(currency)
        if m is not None:
            return m.code
    if country:
        code = marketplace_of(country)
        if code:
            return code
    return marketplaces.DEFAULT
