"""Money measures from the Payments reports: per account, per SKU and per child ASIN.

Two reports restate the same money: the Date Range report (table `transactions`) and the
settlement files (table `settlements`). Each day of the period is counted from one of them:

* a day the imported settlements cover from midnight to midnight (their windows, in the
  marketplace's local time, joined) is counted from the settlement lines posted that day;
* any other day is counted from the Date Range rows, when a Date Range report covers it;
* a day neither covers in full is counted from the settlement lines posted on it (a
  settlement's first or last day), and said so.

A Date Range report and a settlement of the same days are therefore never added together, and
a settlement, the statement Amazon pays out, wins where it is complete.

Counting rules (Amazon's signs: fees, refunds and charges are negative):

* units_sold: Σ quantity of order lines; product_sales: Σ product sales (Principal) of order
  lines, tax and shipping excluded; refunds: Σ product sales (Principal) of refund lines
  (chargebacks and A-to-z refunds included);
* selling_fees: Σ referral fees, commission, refund commission and closing fees; fba_fees: Σ
  FBA fulfilment fees; both over every line, so refunded fees net in;
* other_fees: every other amount that is not money moved to the seller's bank or card
  (transfers) or between statements (reserves): other transaction fees of order and refund
  lines, and the whole of every other line (ads, storage, inbound, service fees,
  adjustments and reimbursements, their taxes) less its selling and FBA fees;
* net_proceeds: Σ the lines' totals, transfers and reserves left out.

Lines without a SKU count at account scope only; a SKU's lines count for its child ASIN when
another report (Business Report, inventory, fee preview, orders, returns) names it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Protocol

import pandas as pd

from ...addin.registry import Scope
from ..errors import Msg, msg
from ..findings import Finding, Severity
from ..periods import Period

MEASURES = (
    "units_sold",
    "product_sales",
    "refunds",
    "selling_fees",
    "fba_fees",
    "other_fees",
    "net_proceeds",
)
# Line types that move money without earning or costing any.
MOVED = frozenset({"transfer", "reserve"})
# Tables that name a SKU's ASIN, most trusted first: (table, ASIN column).
ASIN_OF_SKU = (
    ("business_asin", "child_asin"),
    ("inventory", "asin"),
    ("fee_preview", "asin"),
    ("orders", "asin"),
    ("returns", "asin"),
)
WINDOW_MARGIN = timedelta(days=62)  # settlements span about 14 days, never two months


class Source(Protocol):
    def table(
        self, name: str, *, marketplace: str | None = None, period: Period | None = None
    ) -> pd.DataFrame: ...

    def spans(self, name: str, marketplace: str | None = None) -> list[Period]: ...


@dataclass
class Money:
    """The period's money lines (each day from one report) and their measures per scope."""

    lines: pd.DataFrame  # the counted lines, with a `source` column (date_range, settlement)
    days: dict[date, str] = field(default_factory=dict)  # counted day → date_range/settlement
    measures: dict[Scope, pd.DataFrame] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    @property
    def present(self) -> set[str]:
        return set(MEASURES) if self.measures else set()


def whole_days(windows: pd.DataFrame) -> set[date]:
    """Days covered from midnight to midnight by the union of settlement windows."""
    spans = sorted(
        (pd.Timestamp(s), pd.Timestamp(e))
        for s, e in windows[["settlement_start", "settlement_end"]].itertuples(index=False)
        if s and e
    )
    merged: list[list[pd.Timestamp]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    days: set[date] = set()
    for s, e in merged:
        first = s.normalize() + (pd.Timedelta(days=1) if s != s.normalize() else pd.Timedelta(0))
        last = e.normalize() - pd.Timedelta(days=1)  # the day ending at e's midnight
        days.update(d.date() for d in pd.date_range(first, last))
    return days


def money_lines(source: Source, period: Period, marketplace: str) -> Money:
    """The lines of the period, each day taken from one report (see the module's rules)."""
    wide = Period(period.start - WINDOW_MARGIN, period.end + WINDOW_MARGIN)
    settled = source.table("settlements", marketplace=marketplace, period=wide)
    ranged = source.table("transactions", marketplace=marketplace, period=period)
    dr_spans = [s for s in source.spans("transactions", marketplace) if s.overlaps(period)]
    whole = whole_days(settled.drop_duplicates(["settlement_id"]))
    posted = set(settled.date.dt.date)
    days = [period.start + timedelta(days=i) for i in range(period.days)]
    choice: dict[date, str] = {}
    for d in days:
        if d in whole:
            choice[d] = "settlement"
        elif any(s.start <= d <= s.end for s in dr_spans):
            choice[d] = "date_range"
        elif d in posted:
            choice[d] = "settlement"
    findings: list[Finding] = []
    if not choice:
        return Money(pd.DataFrame())
    pick = settled[
        settled.date.isin([pd.Timestamp(d) for d, s in choice.items() if s == "settlement"])
    ]
    take = ranged[
        ranged.date.isin([pd.Timestamp(d) for d, s in choice.items() if s == "date_range"])
    ]
    columns = [c for c in take.columns if c in pick.columns]
    lines = pd.concat(
        [take[columns].assign(source="date_range"), pick[columns].assign(source="settlement")],
        ignore_index=True,
    )
    missing = [d for d in days if d not in choice]
    if missing:
        findings.append(
            Finding.of(
                Severity.WARNING,
                "money-partial",
                msg("finding:money_partial", days=_days(missing), period=period),
            )
        )
    part = [d for d, s in choice.items() if s == "settlement" and d not in whole]
    if part:
        findings.append(
            Finding.of(
                Severity.WARNING, "money-part-day", msg("finding:money_part_day", days=_days(part))
            )
        )
    both = [
        d
        for d, s in choice.items()
        if s == "settlement" and any(x.start <= d <= x.end for x in dr_spans)
    ]
    if both:
        findings.append(
            Finding.of(
                Severity.INFO,
                "money-settlement-first",
                msg("finding:money_settlement_first", days=_days(both)),
            )
        )
    return Money(lines, choice, findings=findings)


def _days(days: list[date]) -> str:
    """Runs of days as text: 2026-11-16..2026-11-18, 2026-11-21."""
    runs: list[list[date]] = []
    for d in sorted(days):
        if runs and d - runs[-1][1] == timedelta(days=1):
            runs[-1][1] = d
        else:
            runs.append([d, d])
    return ", ".join(str(a) if a == b else f"{a}..{b}" for a, b in runs)


def listed(items: list[str], most: int = 10) -> Msg:
    """The first `most` names of a list, and a mark that there are more."""
    more = msg("finding:more") if len(items) > most else ""
    return msg("finding:listed", items=", ".join(items[:most]), more=more)


def line_measures(lines: pd.DataFrame) -> pd.DataFrame:
    """Each line's part of every money measure (the module's counting rules)."""
    order = lines.type == "order"
    refund = lines.type == "refund"
    kept = ~lines.type.isin(MOVED)
    item = order | refund
    selling = lines.selling_fees.fillna(0.0)
    fba = lines.fba_fees.fillna(0.0)
    total = lines.total.fillna(0.0)
    rest = lines.other.fillna(0.0).where(item, total - selling - fba)
    return pd.DataFrame(
        {
            "units_sold": lines.quantity.fillna(0.0).where(order, 0.0),
            "product_sales": lines.product_sales.fillna(0.0).where(order, 0.0),
            "refunds": lines.product_sales.fillna(0.0).where(refund, 0.0),
            "selling_fees": selling.where(kept, 0.0),
            "fba_fees": fba.where(kept, 0.0),
            "other_fees": rest.where(kept, 0.0),
            "net_proceeds": total.where(kept, 0.0),
        },
        index=lines.index,
    )


def asin_of_sku(source: Source, period: Period, marketplace: str) -> dict[str, str]:
    """SKU → child ASIN as the other reports name it (the first table that knows wins)."""
    near = Period(period.start - timedelta(days=90), period.end + timedelta(days=90))
    found: dict[str, str] = {}
    for name, column in ASIN_OF_SKU:
        scoped = name in ("orders", "returns")  # long lists: the months around the period
        rows = source.table(name, marketplace=marketplace, period=near if scoped else None)
        pairs = rows[(rows.sku != "") & (rows[column] != "")][["sku", column]]
        for sku, asin in pairs.drop_duplicates("sku").itertuples(index=False):
            found.setdefault(str(sku), str(asin))
    return found


def money_measures(source: Source, period: Period, marketplace: str) -> Money:
    """Money measures of the period per account, SKU and child ASIN; none without data."""
    money = money_lines(source, period, marketplace)
    if not money.days:
        return money  # no report covers the period: unknown, not zero
    lines = money.lines
    per_line = line_measures(lines)
    account = per_line.sum().to_frame().T.set_axis([""])
    measures = {Scope.ACCOUNT: account.astype("float64")}
    with_sku = lines.sku != ""
    if with_sku.any():
        skus = lines.sku[with_sku]
        measures[Scope.SKU] = per_line[with_sku].groupby(skus.to_numpy()).sum()
        asins = asin_of_sku(source, period, marketplace)
        mapped = skus.map(asins)
        known = mapped.notna()
        if known.any():
            rows = per_line[with_sku][known.to_numpy()]
            measures[Scope.ASIN] = rows.groupby(mapped[known].to_numpy()).sum()
        unknown = sorted(set(skus[~known]))
        if unknown:
            money.findings.append(
                Finding.of(
                    Severity.INFO,
                    "money-sku-no-asin",
                    msg("finding:money_sku_no_asin", n=len(unknown), skus=listed(unknown)),
                )
            )
    money.measures = measures
    return money
