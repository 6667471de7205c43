"""FBA Fee Preview (Reports → Fulfillment → Fee Preview; GET_FBA_ESTIMATED_FBA_FEES_TXT_DATA).

Amazon's per-unit fee estimate per SKU, TSV with English headers. North America writes
`expected-fulfillment-fee-per-unit`; Europe `expected-domestic-fulfilment-fee-per-unit`
(one *l*) and, with `amazon-store`, one row per SKU and store. `--` means "no value" and stays
unknown. Layouts: docs/amazon-money-reports.md §3 of the research notes.
"""

from __future__ import annotations

import pandas as pd

from ... import marketplaces
from ...errors import msg
from ...findings import Finding, Severity
from ...periods import Period
from ..parsing import parse_numbers
from ..raw import RawReport
from ..schema import FEE_PREVIEW, conform
from . import _money
from ._snapshot import snapshot_day
from .base import ReadContext, Reader, ReadResult

TEXT = {
    "sku": ("sku",),
    "fnsku": ("fnsku",),
    "asin": ("asin",),
    "title": ("product-name",),
    "size_band": ("product-size-tier", "product-size-weight-band"),
    "currency": ("currency",),
    "store": ("amazon-store",),
}
NUMBERS = {
    "your_price": ("your-price",),
    "sales_price": ("sales-price",),
    "fee_total": ("estimated-fee-total", "estimated-fee"),
    "referral_fee": ("estimated-referral-fee-per-unit",),
    "closing_fee": ("estimated-variable-closing-fee",),
    "fulfillment_fee": (
        "expected-fulfillment-fee-per-unit",
        "expected-domestic-fulfilment-fee-per-unit",
        "expected-domestic-fulfillment-fee-per-unit",
    ),
}
REQUIRED = ("sku", "referral_fee", "fulfillment_fee")


def _store(code: str) -> str:
    c = code.strip().upper()
    c = "UK" if c == "GB" else c
    return c if c in marketplaces.MARKETPLACES else ""


class FeePreview(Reader):
    kind = "fba_fee_preview"
    title = "FBA Fee Preview (estimated fees per SKU; NA and EU layouts)"
    table = FEE_PREVIEW
    formats = frozenset({"tsv", "csv", "xlsx"})

    def detect(self, raw: RawReport) -> int:
        keys = set(raw.keys)
        return 20 if {"sku", "estimated-referral-fee-per-unit"} <= keys else 0

    def read(self, raw: RawReport, ctx: ReadContext) -> ReadResult:
        keys = raw.keys
        col: dict[str, int] = {}
        for field, names in (TEXT | NUMBERS).items():
            for name in names:
                if name in keys and field not in col:
                    col[field] = keys.index(name)
        missing = [f for f in REQUIRED if f not in col]
        if missing:
            headers = [(TEXT | NUMBERS)[f][0] for f in missing]
            if "fulfillment_fee" in missing:
                headers[missing.index("fulfillment_fee")] = (
                    "expected-fulfillment-fee-per-unit (or, in Europe, "
                    "expected-domestic-fulfilment-fee-per-unit)"
                )
            raise _money.missing_column(raw, headers)
        out = pd.DataFrame(index=raw.frame.index)
        for field in TEXT:
            if field in col:
                v = raw.column(col[field])
                out[field] = v.astype("object").where(v.notna(), "").map(str).str.strip()
        number_cols = [col[f] for f in NUMBERS if f in col]
        comma = bool(_money.comma_decimals(raw.frame.iloc[:, number_cols]))
        for field in NUMBERS:
            if field in col:
                out[field], bad = parse_numbers(raw.column(col[field]), decimal_comma=comma)
                _money.refuse_bad(raw, bad, raw.header[col[field]], msg("err:what_number"))
        _money.refuse_blank(raw, out.sku == "", raw.header[col["sku"]])

        if ctx.marketplace:
            market = marketplaces.get(ctx.marketplace).code
        else:
            stores = out.get("store", pd.Series("", index=out.index)).map(_store)
            currency = out.get("currency", pd.Series("", index=out.index))
            first = currency[currency != ""]
            by_currency = marketplaces.by_currency(first.iloc[0]) if len(first) else None
            market = (
                str(stores[stores != ""].mode().iloc[0])
                if (stores != "").any()
                else (by_currency.code if by_currency else marketplaces.DEFAULT)
            )
        # Europe: each row is the estimate in its store.
        if "store" in out:
            rows_market = out.store.map(_store)
            out["marketplace"] = rows_market.where(rows_market != "", market)
        else:
            out["marketplace"] = market
        day, guessed = snapshot_day(raw, ctx.period, ctx.today)
        out["snapshot_date"] = pd.Timestamp(day)
        findings = []
        if guessed:
            findings.append(
                Finding.of(
                    Severity.INFO,
                    "snapshot-today",
                    msg("err:fees_today", day=day),
                    file=str(raw.path),
                    framed=True,
                )
            )
        if out.empty:
            findings.append(
                Finding.of(
                    Severity.WARNING, "no-rows", msg("err:no_rows"), file=str(raw.path), framed=True
                )
            )
        table = conform(out, self.table)
        return ReadResult(self.kind, self.table, table, Period(day, day), market, findings)
