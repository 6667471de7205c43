"""Cells to typed columns: a reader's fields parsed as dates, numbers, money or text, with
every refusal naming the file, row and column."""

from __future__ import annotations

import pandas as pd

from ...errors import Msg, ReportError, msg
from ..parsing import AmbiguousDateOrder, out_of_range, parse_dates, parse_numbers
from ..raw import RawReport
from .base import (
    COUNT_MAX,
    MONEY_MAX,
    NUMERIC_KINDS,
    Field,
    ReadContext,
    Reader,
    find_columns,
    quoted_names,
)
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
        names = quoted_names([f.aliases[0] for f in missing])
        raise ReportError(
            raw.path, msg("err:lacks_columns", names=names), fix=msg("err:fix_all_columns")
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
            what = msg("err:what_percent" if f.kind == "percent" else "err:what_number")
            _raise(Reader.bad_cells(raw, bad, header, what))
            _check_numbers(raw, f, parsed, pos, decimal_comma)
        elif f.kind == "date":
            try:
                parsed, bad = parse_dates(values, day_first=day_first)
            except AmbiguousDateOrder as exc:
                raise ReportError(
                    raw.path,
                    msg("err:dates_ambiguous", value=exc.value),
                    row=raw.file_row(exc.position),
                    column=header,
                    fix=msg("err:fix_dates_ambiguous"),
                ) from None
            _raise(Reader.bad_cells(raw, bad, header, msg("err:what_date")))
            _raise(
                _cell_error(
                    raw,
                    out_of_range(parsed),
                    pos,
                    "err:date_out_of_range",
                    msg("err:fix_damaged_cell"),
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
                msg("err:row_short", present=present, width=len(raw.header)),
                row=raw.file_row(i),
                column=header,
                fix=msg("err:fix_row_short"),
            )


def _check_numbers(
    raw: RawReport, f: Field, parsed: pd.Series, pos: int, decimal_comma: bool
) -> None:
    fix = msg("err:fix_damaged_cell")
    if f.kind == "count":
        _raise(_cell_error(raw, parsed < 0, pos, "err:negative_count", fix))
        fraction = (parsed - parsed.round()).abs() > 1e-6
        hint = msg("err:fix_decimal_comma" if not decimal_comma else "err:fix_download_again")
        _raise(_cell_error(raw, fraction, pos, "err:not_whole", hint))
        _raise(
            _cell_error(
                raw,
                parsed > COUNT_MAX,
                pos,
                "err:count_too_large",
                fix,
            )
        )
    elif f.kind == "money":
        _raise(
            _cell_error(
                raw,
                parsed.abs() > MONEY_MAX,
                pos,
                "err:money_too_large",
                fix,
            )
        )
    elif f.kind == "percent":
        outside = (parsed < -1e-9) | (parsed > 1 + 1e-9)
        _raise(_cell_error(raw, outside, pos, "err:percent_outside", fix))


def _cell_error(
    raw: RawReport, mask: pd.Series, pos: int, problem: str, fix: Msg
) -> ReportError | None:
    """A ReportError naming the first cell of a column where `mask` holds, or None; `problem`
    is the key of a message with {value} and {more} (how many cells in all)."""
    mask = mask.fillna(False).astype(bool)
    if not bool(mask.any()):
        return None
    first = int(mask.to_numpy().nonzero()[0][0])
    count = int(mask.sum())
    value = raw.frame.iloc[first, pos]
    more = msg("err:cells_in_all", count=count) if count > 1 else ""
    return ReportError(
        raw.path,
        msg(problem, value=value, more=more),
        row=raw.file_row(first),
        column=raw.header[pos],
        fix=fix,
    )
