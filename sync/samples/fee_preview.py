"""The FBA Fee Preview report (NA and EU layouts)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

FEE_NA = [
    "sku",
    "fnsku",
    "asin",
    "amazon-store",
    "product-name",
    "product-group",
    "brand",
    "fulfilled-by",
    "your-price",
    "sales-price",
    "longest-side",
    "median-side",
    "shortest-side",
    "length-and-girth",
    "unit-of-dimension",
    "item-package-weight",
    "unit-of-weight",
    "product-size-tier",
    "currency",
    "estimated-fee-total",
    "estimated-referral-fee-per-unit",
    "estimated-variable-closing-fee",
    "estimated-order-handling-fee-per-order",
    "estimated-pick-pack-fee-per-unit",
    "estimated-weight-handling-fee-per-unit",
    "expected-fulfillment-fee-per-unit",
    "estimated-future-fee (Current Selling on Amazon + Future Fulfillment fees)",
    "estimated-future-order-handling-fee-per-order",
    "estimated-future-pick-pack-fee-per-unit",
    "estimated-future-weight-handling-fee-per-unit",
    "expected-future-fulfillment-fee-per-unit",
]
FEE_EU = [
    "sku",
    "fnsku",
    "asin",
    "amazon-store",
    "product-name",
    "product-group",
    "brand",
    "fulfilled-by",
    "has-local-inventory",
    "your-price",
    "sales-price",
    "longest-side",
    "median-side",
    "shortest-side",
    "length-and-girth",
    "unit-of-dimension",
    "item-package-weight",
    "unit-of-weight",
    "product-size-weight-band",
    "currency",
    "estimated-fee-total",
    "estimated-referral-fee-per-unit",
    "estimated-variable-closing-fee",
    "expected-domestic-fulfilment-fee-per-unit",
    "expected-efn-fulfilment-fee-per-unit-uk",
    "expected-efn-fulfilment-fee-per-unit-de",
    "expected-efn-fulfilment-fee-per-unit-fr",
    "expected-efn-fulfilment-fee-per-unit-it",
    "expected-efn-fulfilment-fee-per-unit-es",
    "expected-efn-fulfilment-fee-per-unit-se",
]


@dataclass(frozen=True)
class FeeRow:
    sku: str
    asin: str
    title: str
    price: float
    referral: float
    fulfilment: float | None  # None: Amazon writes --


FEES: tuple[FeeRow, ...] = (
    FeeRow("SKU-MAT", "B0MAT00001", "Silicone Baking Mat Set", 15.99, 2.40, 3.55),
    FeeRow("SKU-KNIFE", "B0KNIFE001", "Magnetic Knife Strip", 24.99, 3.75, 5.40),
    FeeRow("SKU-TRAY", "B0TRAY0001", "Stainless Ice Cube Tray", 31.99, 4.80, None),
)


def write_fee_preview(
    path: Path,
    rows: Iterable[FeeRow] = FEES,
    *,
    layout: str = "na",
    stores: tuple[str, ...] = ("DE", "FR", "IT", "ES"),
) -> Path:
    """The Fee Preview TSV: NA layout (one row per SKU, USD) or EU (one row per SKU and store,
    EUR with decimal commas, EFN columns `--`)."""
    eu = layout == "eu"
    header = FEE_EU if eu else FEE_NA

    def money(x: float | None) -> str:
        if x is None:
            return "--"
        return f"{x:.2f}".replace(".", ",") if eu else f"{x:.2f}"

    out = ["\t".join(header)]
    for r in rows:
        for store in stores if eu else ("US",):
            v = dict.fromkeys(header, "--")
            total = None if r.fulfilment is None else r.referral + r.fulfilment
            v |= {
                "sku": r.sku,
                "fnsku": "X00" + r.asin[-7:],
                "asin": r.asin,
                "amazon-store": store,
                "product-name": r.title,
                "product-group": "Kitchen",
                "brand": "Acme",
                "fulfilled-by": "AMAZON_EU" if eu else "AMAZON_NA",
                "has-local-inventory": "Y",
                "your-price": money(r.price),
                "sales-price": money(r.price),
                "unit-of-dimension": "centimeters" if eu else "inches",
                "unit-of-weight": "grams" if eu else "pounds",
                "product-size-weight-band": "Standard-Umschlag",
                "product-size-tier": "Standard",
                "currency": "EUR" if eu else "USD",
                "estimated-fee-total": money(total),
                "estimated-referral-fee-per-unit": money(r.referral),
                "estimated-variable-closing-fee": money(0.0),
                "expected-fulfillment-fee-per-unit": money(r.fulfilment),
                "expected-domestic-fulfilment-fee-per-unit": money(r.fulfilment),
            }
            out.append("\t".join(v[h] for h in header))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path
