"""Settlement report flat files (Payments → All Statements → Download), V1 and V2 (TSV).

V2 has one amount per line (`amount-type`, `amount-description`, `amount`); V1 spreads them
over typed pairs (`price-type`/`price-amount`, `item-related-fee-type`/…, `promotion-type`/…,
`misc-fee-amount`, `other-amount` …). Row 2 of both is the settlement's summary
(`total-amount`, its window and currency): it is read for the window and never added to the
lines. Headers are English in every marketplace. Layouts: docs/amazon-money-reports.md §2 of
the research notes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import pandas as pd

from ... import marketplaces
from ...errors import msg
from ...findings import Finding, Severity
from ...periods import Period
from ..parsing import parse_numbers
from ..raw import RawReport
from ..schema import SETTLEMENTS, conform
from . import _money
from .base import ReadContext, Reader, ReadResult

COMMON = (
    "settlement-id",
    "settlement-start-date",
    "settlement-end-date",
    "total-amount",
    "currency",
    "transaction-type",
    "order-id",
    "shipment-id",
    "marketplace-name",
    "posted-date",
    "posted-date-time",
    "order-item-code",
    "merchant-order-item-id",
    "sku",
    "quantity-purchased",
)
REQUIRED = ("settlement-id", "transaction-type", "order-id", "posted-date", "sku")

# V1's amount columns: (what they hold, the column naming the amount's kind, the amount).
V1_PAIRS = (
    ("ItemPrice", "price-type", "price-amount"),
    ("ItemFees", "item-related-fee-type", "item-related-fee-amount"),
    ("ItemFees", "shipment-fee-type", "shipment-fee-amount"),
    ("ItemFees", "order-fee-type", "order-fee-amount"),
    ("Promotion", "promotion-type", "promotion-amount"),
    ("Other", "", "misc-fee-amount"),
    ("Other", "other-fee-reason-description", "other-fee-amount"),
    ("Other", "direct-payment-type", "direct-payment-amount"),
    ("Other", "", "other-amount"),
)

SELLING = {"commission", "refundcommission", "variableclosingfee", "fixedclosingfee"}
SELLING |= {"referralfee"}
FBA = {"fbaperunitfulfillmentfee", "fbaperorderfulfillmentfee", "fbaweightbasedfee"}
BUCKETS = (
    "product_sales",
    "shipping",
    "gift_wrap",
    "promotions",
    "taxes",
    "withheld_tax",
    "selling_fees",
    "fba_fees",
    "other",
)


def bucket(group: str, description: str) -> str:
    """The transactions column an amount adds to, by its amount-type and amount-description
    (the same split as the Date Range report's columns)."""
    g, d = _money.key(group), _money.key(description)
    if g == "itemwithheldtax" or d.startswith(("marketplacefacilitator", "tcs-", "tds")):
        return "withheld_tax"
    if g == "itemprice":
        if d == "principal":
            return "product_sales"
        if d == "shipping":
            return "shipping"
        if d == "giftwrap":
            return "gift_wrap"
        return "taxes" if "tax" in d else "other"
    if g == "promotion":
        return "taxes" if "tax" in d else "promotions"
    if g == "itemfees":
        if d in SELLING:
            return "selling_fees"
        if d in FBA:
            return "fba_fees"
    return "other"


def line_type(transaction: str, group: str, description: str) -> str:
    """fupan's type of a settlement line (see schema.TRANSACTIONS)."""
    t, g, d = _money.key(transaction), _money.key(group), _money.key(description)
    if t == "order":
        return "order"
    if t in ("refund", "chargebackrefund", "a-to-zguaranteerefund"):
        return "refund"
    if "reserve" in t or "reserve" in d:
        return "reserve"  # moves money between statements: neither income nor a fee
    if t == "transfer":
        return "transfer"
    if t in ("servicefee", "subscriptionfee", "vineenrollmentfee") or g == "costofadvertising":
        return "service_fee"
    if any(w in t or w in d for w in ("storage", "disposal", "removal", "inbound")):
        return "inventory_fee"
    if "reimbursement" in t or "reimbursement" in g or t == "adjustment":
        return "adjustment"
    if "liquidation" in t:
        return "liquidation"
    return "other"


class _Settlement(Reader):
    """Both versions; a version is its marker column and its amount columns."""

    table = SETTLEMENTS
    formats = frozenset({"tsv", "csv"})
    marker: ClassVar[str]  # the header that tells the version
    # (amount-type, column naming the amount's kind, amount column). V2 reads the amount-type
    # from its column (`group_column`); V1's pairs each hold one kind of amount.
    pairs: ClassVar[tuple[tuple[str, str, str], ...]]
    group_column: ClassVar[bool]
    required: ClassVar[tuple[str, ...]]

    def detect(self, raw: RawReport) -> int:
        keys = set(raw.keys)
        return 20 if {"settlement-id", self.marker} <= keys else 0

    def read(self, raw: RawReport, ctx: ReadContext) -> ReadResult:
        keys = raw.keys
        col = {name: keys.index(name) for name in keys if name}
        wanted = (*REQUIRED, *self.required)
        missing = [c for c in wanted if c not in col]
        if missing and not (missing == ["posted-date"] and "posted-date-time" in col):
            raise _money.missing_column(raw, missing)

        def text(name: str) -> pd.Series:
            if name not in col:
                return pd.Series("", index=raw.frame.index, dtype=object)
            v = raw.column(col[name])
            return v.astype("object").where(v.notna(), "").map(str).str.strip()

        ttype = text("transaction-type")
        summary = (text("total-amount") != "") & (ttype == "")
        lines = ~summary
        triples = [
            (group, desc if desc in col else "", amount)
            for group, desc, amount in self.pairs
            if amount in col
        ]
        amount_cols = [col[a] for _, _, a in triples]
        sniffed = _money.comma_decimals(raw.frame.iloc[:, [*amount_cols, col["settlement-id"]]])
        comma = bool(sniffed)

        def number(name: str) -> pd.Series:
            parsed, bad = parse_numbers(raw.column(col[name]), decimal_comma=comma)
            _money.refuse_bad(raw, bad, raw.header[col[name]], msg("err:what_number"))
            return parsed

        # Marketplace, currency and time zone.
        first = summary.to_numpy().nonzero()[0]
        head = int(first[0]) if len(first) else None
        currency = text("currency").iloc[head] if head is not None else ""
        if ctx.marketplace:
            market = marketplaces.get(ctx.marketplace).code
        else:
            by_currency = marketplaces.by_currency(currency) if currency else None
            market = (
                _money.marketplace_of_channel(text("marketplace-name")[lines])
                or (by_currency.code if by_currency else None)
                or marketplaces.DEFAULT
            )
        currency = currency or marketplaces.get(market).currency
        tz = _money.TIME_ZONES.get(market, "UTC")
        day_first = market not in ("US", "CA")

        # Amounts, bucketed like the Date Range report's columns.
        buckets = {b: pd.Series(0.0, index=raw.frame.index) for b in BUCKETS}
        described: list[pd.Series] = []
        groups: list[pd.Series] = []
        for group, desc_col, amount_col in triples:
            amount = number(amount_col).where(lines)
            kind = text(group) if self.group_column else pd.Series(group, index=raw.frame.index)
            desc = text(desc_col) if desc_col else pd.Series("", index=raw.frame.index)
            filled = amount.notna()
            for (g, d), rows in amount[filled].groupby([kind[filled], desc[filled]]):
                target = bucket(str(g), str(d))
                buckets[target] = buckets[target].add(rows, fill_value=0.0)
            described.append(desc.where(filled, ""))
            groups.append(kind.where(filled, ""))
        total = sum(buckets.values(), pd.Series(0.0, index=raw.frame.index))
        description = _first_filled(described)
        kinds = _first_filled(groups)
        # Amazon's ad charges say so only in their amount-type: keep it as the description
        # (engine/profit.py tells ad spend from Amazon's fees by it).
        ads = kinds.map(_money.key) == "costofadvertising"
        description = description.where(~ads, kinds)

        # Posted day (local), and the settlement's window.
        posted = text("posted-date-time")
        posted = posted.where(posted != "", text("posted-date"))
        date_col = raw.header[col.get("posted-date-time", col.get("posted-date", 0))]
        day, clock, bad = _money.parse_times(posted.where(lines, ""), tz, day_first=day_first)
        _money.refuse_bad(raw, bad, date_col, msg("err:what_date_time"))
        start = end = ""
        findings: list[Finding] = []
        if head is not None:
            start = _money.local_iso(
                text("settlement-start-date").iloc[head], tz, day_first=day_first
            )
            end = _money.local_iso(text("settlement-end-date").iloc[head], tz, day_first=day_first)
        # A balance line without a posted date (a reserve carried over) belongs to the
        # settlement's last day; an order or refund must say when it was posted.
        item = ttype.map(_money.key).isin(["order", "refund"])
        if end:
            last = (pd.Timestamp(end) - pd.Timedelta(seconds=1)).normalize()
            day = day.where(day.notna() | item | ~lines, last)
        _money.refuse_blank(raw, day.isna() & lines, date_col)
        if not (start and end):
            findings.append(
                Finding.of(
                    Severity.WARNING,
                    "settlement-no-window",
                    msg("err:settlement_no_window"),
                    file=str(raw.path),
                    framed=True,
                )
            )

        out = pd.DataFrame(
            {
                "marketplace": market,
                "date": day,
                "time": clock,
                "settlement_id": text("settlement-id"),
                "type": [
                    line_type(t, g, d) for t, g, d in zip(ttype, kinds, description, strict=True)
                ],
                "type_text": ttype,
                "description": description,
                "order_id": text("order-id"),
                "sku": text("sku"),
                "quantity": _once_per_item(raw, col, text, number),
                "sales_channel": text("marketplace-name"),
                "currency": currency,
                **buckets,
                "total": total,
                "settlement_start": start,
                "settlement_end": end,
            }
        )[lines.to_numpy()]
        if out.empty:
            findings.append(
                Finding.of(
                    Severity.WARNING,
                    "no-rows",
                    msg("err:settlement_no_lines"),
                    file=str(raw.path),
                    framed=True,
                )
            )
        period = _span(out, start, end)
        return ReadResult(self.kind, self.table, conform(out, self.table), period, market, findings)


def _first_filled(parts: list[pd.Series]) -> pd.Series:
    out = parts[0].copy() if parts else pd.Series(dtype=object)
    for p in parts[1:]:
        out = out.where(out != "", p)
    return out


def _once_per_item(
    raw: RawReport,
    col: dict[str, int],
    text: Callable[[str], pd.Series],
    number: Callable[[str], pd.Series],
) -> pd.Series:
    """Units of each order item once: parsers that sum quantity-purchased over every line of
    an item count it again on each fee line."""
    if "quantity-purchased" not in col:
        return pd.Series(float("nan"), index=raw.frame.index)
    qty = number("quantity-purchased")
    item = text("order-item-code")
    item = item.where(item != "", text("merchant-order-item-id"))
    item = item.where(item != "", text("sku"))
    posted = text("posted-date-time").where(text("posted-date-time") != "", text("posted-date"))
    key = pd.DataFrame(
        {
            "t": text("transaction-type"),
            "o": text("order-id"),
            "s": text("shipment-id"),
            "i": item,
            "p": posted,
        }
    )
    has = qty.notna()
    first = ~key[has].duplicated()
    keep = pd.Series(False, index=raw.frame.index)
    keep[first.index[first.to_numpy()]] = True
    return qty.where(keep)


def _span(out: pd.DataFrame, start: str, end: str) -> Period | None:
    days = [d.date() for d in out.date.dropna()]
    if start and end:
        days.append(pd.Timestamp(start).date())
        days.append((pd.Timestamp(end) - pd.Timedelta(seconds=1)).date())
    return Period(min(days), max(days)) if days else None


class SettlementV2(_Settlement):
    kind = "settlement_v2"
    title = "Settlement report flat file V2 (Payments → All Statements)"
    marker = "amount-type"
    pairs = (("amount-type", "amount-description", "amount"),)
    group_column = True
    required = ("amount-type", "amount-description", "amount")


class SettlementV1(_Settlement):
    kind = "settlement_v1"
    title = "Settlement report flat file V1 (GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE)"
    marker = "price-type"
    pairs = V1_PAIRS
    group_column = False
    required = ("price-type", "price-amount", "item-related-fee-type", "item-related-fee-amount")
