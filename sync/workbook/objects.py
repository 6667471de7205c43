"""What the meeting reads beside a key: an ASIN's title and SKU, a scope's name, the way a
stake was estimated, in the workbook's language (keys alone are machinery)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ...addin.registry import KPIS
from ..engine.review import Review
from ..engine.stakes import Stake
from ..i18n import t
from ..settings import Settings


@dataclass(frozen=True)
class Product:
    title: str
    sku: str  # the SKUs that sell the ASIN, joined


def products(review: Review, settings: Settings) -> dict[str, Product]:
    """Each ASIN's title and SKUs: the Business Report's rows first, then Settings."""
    names: dict[str, str] = {}
    skus: dict[str, list[str]] = {}
    for p in settings.products.values():
        if p.asin:
            names.setdefault(p.asin, p.title or "")
            skus.setdefault(p.asin, []).append(p.sku)
    sales = review.frame("sales")
    if not sales.empty:
        # One pass over plain columns (a group per ASIN cost a pandas call per ASIN): the last
        # title and the SKUs in order of their first row replace what Settings says.
        found: dict[str, dict[str, None]] = {}
        columns = (sales[c].tolist() for c in ("child_asin", "sku", "title"))
        for asin, sku, title in zip(*columns, strict=True):
            if asin is None or pd.isna(asin):
                continue
            key = str(asin)
            if isinstance(title, str) and title:
                names[key] = title
            if isinstance(sku, str) and sku:
                found.setdefault(key, {})[sku] = None
        skus.update((asin, list(each)) for asin, each in found.items())
    return {
        a: Product(names.get(a, ""), ", ".join(dict.fromkeys(skus.get(a, []))))
        for a in {*names, *skus}
    }


def measure_label(measure: str, lang: str) -> str:
    """A measure's name: its KPI's where one has the same id, else its own label."""
    k = KPIS.get(measure)
    if k is not None:
        return k.name_zh if lang == "zh" else k.name_en
    return t(f"m_{measure}", lang)


_WHY = {
    "ad spend over target": "why_ad_spend_over",
    "ad spend that sold nothing": "why_ad_spend_nothing",
    "sales the gap to the band stands for": "why_gap",
    "sales lost to the drop": "why_drop",
    "sales short of the target": "why_short",
    "value of returns over the band": "why_returns",
    "aged stock value at risk": "why_aged",
    "aged stock value at risk + long-term storage fee due": "why_aged_ltsf",
    "long-term storage fee due": "why_ltsf",
    "sales from 20 % more budget at the same ROAS": "why_budget",
}
_DAYS = re.compile(r"^(\d+) days without stock$")


def why_text(stake: Stake, lang: str) -> str:
    """How a stake was estimated, in the workbook's language (engine/stakes.py says it in
    English for the log)."""
    if stake.money is None:
        return t("policy_first" if stake.tier == 0 else "why_unpriced", lang)
    if m := _DAYS.match(stake.why):
        return t("why_stockout", lang, days=m.group(1))
    key = _WHY.get(stake.why)
    return t(key, lang) if key else stake.why
