"""Payments → Reports Repository → Date Range report, "Transaction" (CSV).

The file opens with six to thirteen lines of notes (the loader finds the header after them);
line two names the currency. Headers and type values are in the marketplace's language:
English (US/CA/AU/UK generations), German, French, Italian, Spanish, Japanese, and the Chinese
names of a Seller Central set to 中文. Amounts are in the file's locale (`1.234,56` in
DE/FR/IT/ES, `"2,691"` yen in JP). Layouts: docs/amazon-money-reports.md §1 of the research
notes.
"""

from __future__ import annotations

import pandas as pd

from ... import marketplaces
from ...errors import msg
from ...findings import Finding, Severity
from ..parsing import parse_numbers
from ..raw import RawReport
from ..schema import TRANSACTIONS
from . import _money
from ._snapshot import dated_result
from .base import ReadContext, Reader, ReadResult, quoted_names
from .date_range_names import HEADERS, normalise_type

DECIMAL_COMMA = frozenset({"de", "fr", "it", "es"})
COUNTRY = {"de": "DE", "fr": "FR", "it": "IT", "es": "ES", "ja": "JP"}
REQUIRED = (
    "date",
    "settlement_id",
    "type",
    "order_id",
    "sku",
    "quantity",
    "product_sales",
    "selling_fees",
    "fba_fees",
    "total",
)
TEXT = ("settlement_id", "type", "order_id", "sku", "description", "marketplace", "status")
DATE_KEYS = {_money.key(a) for h in HEADERS.values() for a in h["date"]}
SETTLEMENT_KEYS = {_money.key(a) for h in HEADERS.values() for a in h["settlement_id"]}

# The amounts of a line, by canonical column (transactions table).
TAXES = (
    "product_sales_tax",
    "shipping_credits_tax",
    "giftwrap_credits_tax",
    "promotional_rebates_tax",
    "sales_tax_collected",
)
# AU's "low value goods" is the GST Amazon collects and keeps, as the US facilitator tax.
WITHHELD = ("marketplace_withheld_tax", "marketplace_facilitator_tax", "low_value_goods")
OTHER = ("other_transaction_fees", "other", "regulatory_fee", "regulatory_fee_tax", "points_cost")
MONEY = (
    "product_sales",
    "shipping_credits",
    "gift_wrap_credits",
    "promotional_rebates",
    *TAXES,
    *WITHHELD,
    "selling_fees",
    "fba_fees",
    *OTHER,
    "total",
)


def _positions(raw: RawReport) -> tuple[dict[str, int], str]:
    """Column of each field, and the language whose names match the header best."""
    keys = _money.keys(raw)
    score = {
        lang: sum(any(_money.key(a) in keys for a in names) for names in fields.values())
        for lang, fields in HEADERS.items()
    }
    lang = max(HEADERS, key=lambda k: score[k])  # ties: the first listed
    found: dict[str, int] = {}
    order = [lang, *(k for k in HEADERS if k != lang)]
    for field in {f for fields in HEADERS.values() for f in fields}:
        for language in order:
            for alias in HEADERS[language].get(field, ()):
                k = _money.key(alias)
                if k in keys and field not in found:
                    found[field] = keys.index(k)
    return found, lang


class DateRangeTransactions(Reader):
    kind = "date_range_transactions"
    title = "Payments Date Range report: Transaction (CSV; EN, DE, FR, IT, ES, JP, Chinese UI)"
    table = TRANSACTIONS
    formats = frozenset({"csv"})

    def detect(self, raw: RawReport) -> int:
        keys = set(_money.keys(raw))
        return 20 if keys & DATE_KEYS and keys & SETTLEMENT_KEYS else 0

    def read(self, raw: RawReport, ctx: ReadContext) -> ReadResult:
        cols, lang = _positions(raw)
        missing = [f for f in REQUIRED if f not in cols]
        if missing:
            names = [HEADERS[lang].get(f, HEADERS["en"][f])[0] for f in missing]
            raise _money.missing_column(raw, names)
        frame = pd.DataFrame(index=raw.frame.index)
        for f in TEXT:
            if f in cols:
                values = raw.column(cols[f])
                frame[f] = values.astype("object").where(values.notna(), "").map(str).str.strip()
        money_cols = [cols[f] for f in MONEY if f in cols]
        sniffed = _money.comma_decimals(raw.frame.iloc[:, money_cols])
        # The Chinese UI downloads any marketplace's file: its amounts say which locale.
        comma = sniffed if lang == "zh" and sniffed is not None else lang in DECIMAL_COMMA
        amounts: dict[str, pd.Series] = {}
        for f in (*MONEY, "quantity"):
            if f in cols:
                amounts[f], bad = parse_numbers(raw.column(cols[f]), decimal_comma=comma)
                _money.refuse_bad(raw, bad, raw.header[cols[f]], msg("err:what_number"))
        _money.refuse_blank(raw, amounts["total"].isna(), raw.header[cols["total"]])

        notes = " ".join(raw.notes)
        channel = frame.get("marketplace", pd.Series("", index=frame.index))
        if ctx.marketplace:
            market = marketplaces.get(ctx.marketplace).code
        else:
            currency_hint = _money.currency_in(notes)
            by_currency = marketplaces.by_currency(currency_hint) if currency_hint else None
            market = (
                _money.marketplace_of_channel(channel)
                or COUNTRY.get(lang)
                or (by_currency.code if by_currency else None)
                or marketplaces.DEFAULT
            )
        currency = _money.currency_in(notes) or marketplaces.get(market).currency
        tz = _money.TIME_ZONES.get(market, "UTC")
        day_first = market not in ("US", "CA")
        day, clock, bad = _money.parse_times(raw.column(cols["date"]), tz, day_first=day_first)
        _money.refuse_bad(raw, bad, raw.header[cols["date"]], msg("err:what_date_time"))
        _money.refuse_blank(raw, day.isna(), raw.header[cols["date"]])

        def total_of(names: tuple[str, ...]) -> pd.Series:
            parts = [amounts[n].fillna(0.0) for n in names if n in amounts]
            return sum(parts, pd.Series(0.0, index=frame.index))

        out = pd.DataFrame(
            {
                "date": day,
                "time": clock,
                "settlement_id": frame["settlement_id"],
                "type": normalise_type(frame["type"]),
                "type_text": frame["type"],
                "description": frame.get("description", ""),
                "order_id": frame["order_id"],
                "sku": frame["sku"],
                "quantity": amounts["quantity"],
                "sales_channel": channel,
                "currency": currency,
                "product_sales": total_of(("product_sales",)),
                "shipping": total_of(("shipping_credits",)),
                "gift_wrap": total_of(("gift_wrap_credits",)),
                "promotions": total_of(("promotional_rebates",)),
                "taxes": total_of(TAXES),
                "withheld_tax": total_of(WITHHELD),
                "selling_fees": total_of(("selling_fees",)),
                "fba_fees": total_of(("fba_fees",)),
                "other": total_of(OTHER),
                "total": amounts["total"],
                "status": frame.get("status", ""),
            }
        )
        findings = _findings(raw, out)
        return dated_result(self.kind, self.table, raw, out, market, "date", findings)


def _findings(raw: RawReport, out: pd.DataFrame) -> list[Finding]:
    findings = []
    unknown = sorted(set(out.type_text[(out.type == "other") & (out.type_text != "")]))
    if unknown:
        findings.append(
            Finding.of(
                Severity.INFO,
                "money-type-unknown",
                msg("err:money_types_unknown", types=quoted_names(unknown[:10])),
                file=str(raw.path),
                framed=True,
            )
        )
    parts = ["product_sales", "shipping", "gift_wrap", "promotions", "taxes", "withheld_tax"]
    parts += ["selling_fees", "fba_fees", "other"]
    off = (out[parts].sum(axis=1) - out.total).abs() > 0.015
    if off.any():
        first = int(off.to_numpy().nonzero()[0][0])
        findings.append(
            Finding.of(
                Severity.WARNING,
                "money-total-mismatch",
                msg("err:money_total_mismatch", n=int(off.sum())),
                file=str(raw.path),
                framed=True,
                row=raw.file_row(first),
            )
        )
    return findings
