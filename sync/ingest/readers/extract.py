"""Cells to typed columns: a reader's fields parsed as dates, numbers, money or text, with
every refusal naming the file, row and column."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ...errors import ReportError
from ..parsing import AmbiguousDateOrder, out_of_range, parse_dates, parse_numbers
from ..raw import RawReport
from .base import COUNT_MAX, MONEY_MAX, NUMERIC_KINDS, Field, ReadContext, Reader, find_columns
from .market import Market, evidence, settle_marketplace


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
