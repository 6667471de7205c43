"""Posted money lines (`Line`), the book of the tests, and amounts as the reports print them.

Each money report writer (date_range.py, settlement.py, fee_preview.py) restates one list of
lines, so files of different layouts can be checked against each other and against
hand-computed sums. Headers, notes, encodings, date shapes and number formats follow
docs/amazon-money-reports.md of the research notes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime


@dataclass(frozen=True)
class Line:
    """One posted money line before any layout, in the marketplace's currency with Amazon's
    signs: what the buyer paid positive, fees and refunds negative."""

    posted: datetime  # aware
    kind: str  # order, refund, service_fee, inventory_fee, adjustment, transfer
    order_id: str = ""
    sku: str = ""
    quantity: int = 0
    description: str = ""
    principal: float = 0.0
    product_tax: float = 0.0
    shipping: float = 0.0
    shipping_tax: float = 0.0
    promotion: float = 0.0
    withheld_tax: float = 0.0  # marketplace facilitator tax: the collected tax, taken back
    commission: float = 0.0  # referral fee (refunds: the part Amazon gives back, positive)
    refund_commission: float = 0.0  # refunds: the refund administration fee
    fba_fee: float = 0.0
    other_fee: float = 0.0  # orders: other transaction fees; other lines: their amount
    settlement_id: str = "12345678901"

    @property
    def total(self) -> float:
        return round(
            self.principal
            + self.product_tax
            + self.shipping
            + self.shipping_tax
            + self.promotion
            + self.withheld_tax
            + self.commission
            + self.refund_commission
            + self.fba_fee
            + self.other_fee,
            2,
        )


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# The book of the tests: a week of a small US seller, 2026-11-16..22 in Pacific time, plus one
# order on each side of it. Hand-computed sums are in tests/test_money.py.
BOOK: tuple[Line, ...] = (
    Line(
        _utc("2026-11-16T18:00:00"),
        "order",
        "113-0000001-0000001",
        "SKU-MAT",
        2,
        "Silicone Baking Mat Set",
        principal=31.98,
        product_tax=2.56,
        withheld_tax=-2.56,
        commission=-4.80,
        fba_fee=-7.10,
    ),
    # 23:30 on the 16th in Los Angeles, already the 17th in UTC.
    Line(
        _utc("2026-11-17T07:30:00"),
        "order",
        "113-0000002-0000002",
        "SKU-KNIFE",
        1,
        "Magnetic Knife Strip, Stainless Steel 16 Inch \ufffd",
        principal=24.99,
        product_tax=2.00,
        shipping=4.99,
        shipping_tax=0.40,
        promotion=-4.99,
        withheld_tax=-2.40,
        commission=-3.75,
        fba_fee=-5.40,
        other_fee=-4.99,
    ),
    Line(
        _utc("2026-11-20T20:00:00"),
        "order",
        "113-0000003-0000003",
        "SKU-MAT",
        1,
        "Silicone Baking Mat Set",
        principal=15.99,
        product_tax=1.28,
        withheld_tax=-1.28,
        commission=-2.40,
        fba_fee=-3.55,
    ),
    Line(
        _utc("2026-11-19T22:00:00"),
        "order",
        "113-0000004-0000004",
        "SKU-TRAY",
        40,
        "Stainless Ice Cube Tray",
        principal=1279.60,
        product_tax=102.37,
        withheld_tax=-102.37,
        commission=-191.94,
        fba_fee=-142.00,
    ),
    Line(
        _utc("2026-11-21T17:00:00"),
        "refund",
        "113-0000001-0000001",
        "SKU-MAT",
        1,
        "Silicone Baking Mat Set",
        principal=-15.99,
        product_tax=-1.28,
        withheld_tax=1.28,
        commission=2.40,
        refund_commission=-0.48,
    ),
    Line(
        _utc("2026-11-18T12:00:00"),
        "service_fee",
        description="Cost of Advertising",
        other_fee=-45.67,
    ),
    Line(
        _utc("2026-11-19T10:00:00"),
        "inventory_fee",
        description="FBA storage fee",
        other_fee=-12.34,
    ),
    Line(
        _utc("2026-11-22T18:00:00"),
        "adjustment",
        sku="SKU-KNIFE",
        description="FBA Inventory Reimbursement - Damaged:Warehouse",
        other_fee=8.50,
    ),
    Line(
        _utc("2026-11-22T20:00:00"),
        "transfer",
        description="To account ending in: 123",
        other_fee=-500.00,
    ),
    # Outside the week in Los Angeles: 01:00 on the 23rd, 22:00 on the 15th.
    Line(
        _utc("2026-11-23T09:00:00"),
        "order",
        "113-0000005-0000005",
        "SKU-MAT",
        1,
        "Silicone Baking Mat Set",
        principal=15.99,
        product_tax=1.28,
        withheld_tax=-1.28,
        commission=-2.40,
        fba_fee=-3.55,
        settlement_id="12345678902",
    ),
    Line(
        _utc("2026-11-16T06:00:00"),
        "order",
        "113-0000006-0000006",
        "SKU-KNIFE",
        1,
        "Magnetic Knife Strip, Stainless Steel 16 Inch",
        principal=24.99,
        product_tax=2.00,
        withheld_tax=-2.00,
        commission=-3.75,
        fba_fee=-5.40,
        settlement_id="12345678900",
    ),
)

_AMOUNTS = (
    "principal",
    "product_tax",
    "shipping",
    "shipping_tax",
    "promotion",
    "withheld_tax",
    "commission",
    "refund_commission",
    "fba_fee",
    "other_fee",
)


def scaled(lines: Iterable[Line], factor: float) -> list[Line]:
    """The same lines with every amount times `factor` (yen books: factor 100)."""
    return [
        replace(line, **{a: round(getattr(line, a) * factor, 2) for a in _AMOUNTS})
        for line in lines
    ]


def en_money(x: float) -> str:
    return f"{x:,.2f}" if abs(x) >= 1000 else f"{x:.2f}"


def eu_money(x: float) -> str:
    return f"{x:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def yen(x: float) -> str:
    return f"{round(x):,}"
