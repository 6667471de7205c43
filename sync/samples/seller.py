"""A simulated Amazon seller: catalogue, daily traffic and sales, ads, stock and returns.

Deterministic from a seed. The small seller carries deliberate problems so the demo's review
has something to say: a stock-out risk, an ACoS blow-up, a CVR drop, a search term that eats
clicks without orders, a high return rate and aged stock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

PRODUCTS = [
    ("Silicone Baking Mat Set", "home", 15.99, "硅胶烘焙垫"),
    ("Magnetic Knife Strip", "home", 24.99, "磁吸刀架"),
    ("Stainless Ice Cube Tray", "home", 18.99, "不锈钢冰格"),
    ("Bamboo Drawer Organizer", "home", 27.99, "竹制抽屉收纳"),
    ("Glass Food Containers", "home", 32.99, "玻璃保鲜盒"),
    ("USB-C Charging Cable", "electronics accessories", 9.99, "数据线"),
    ("Wireless Charger Stand", "electronics accessories", 21.99, "无线充电支架"),
    ("Laptop Stand Aluminium", "electronics accessories", 34.99, "笔记本支架"),
    ("Cable Organizer Box", "electronics accessories", 16.99, "理线盒"),
    ("Phone Tripod Mount", "electronics accessories", 19.99, "手机三脚架"),
]
VARIANTS = ["Small", "Medium", "Large"]


@dataclass
class Seller:
    """Canonical frames describing the seller's history (what the reports will restate)."""

    end: date
    days: int
    catalogue: pd.DataFrame  # parent_asin, child_asin, sku, title, category, price, name_zh
    daily: pd.DataFrame  # date, child_asin, sku, sessions, page_views, buy_box_pct, units, sales
    search_terms: pd.DataFrame  # date, campaign, ad_group, targeting, match_type, search_term,
    #                              asin, sku, impressions, clicks, spend, sales, orders, units
    brand_ads: pd.DataFrame  # SB campaign rows per day
    stock: pd.DataFrame  # sku, asin, available, inbound, reserved, ages ...
    returns: pd.DataFrame  # return_date, order_id, sku, asin, quantity, reason
    feedback: pd.DataFrame  # date, rating, comments, order_id
    display_ads: pd.DataFrame  # SD targeting rows per day (14-day attribution)

    @property
    def start(self) -> date:
        return self.end - timedelta(days=self.days - 1)

    def weeks(self) -> list[tuple[date, date]]:
        """Monday-to-Sunday (or partial first) weeks covering the history, oldest first."""
        out = []
        end = self.end
        while end >= self.start:
            start = max(self.start, end - timedelta(days=6))
            out.append((start, end))
            end = start - timedelta(days=1)
        return out[::-1]


def _asin(rng: np.random.Generator) -> str:
    chars = np.array(list("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"))
    return "B0" + "".join(rng.choice(chars, 8))


def small_seller(end: date, *, days: int = 56, seed: int = 7) -> Seller:
    return _simulate(end, days=days, seed=seed, children=30, terms_per_group=3, problems=True)


def large_seller(end: date, *, seed: int = 11, children: int = 2000, days: int = 90) -> Seller:
    """2,000 child ASINs, 90 days, about 300,000 search-term rows, 2,000 inventory rows; other
    catalogue sizes and histories keep its proportions (150 search-term rows per ASIN over 90
    days), so a benchmark can grow the catalogue alone."""
    rows = round(150 * children * days / 90)
    return _simulate(
        end,
        days=days,
        seed=seed,
        children=children,
        terms_per_group=1,
        problems=False,
        term_rows=rows,
    )


def _simulate(
    end: date,
    *,
    days: int,
    seed: int,
    children: int,
    terms_per_group: int,
    problems: bool,
    term_rows: int | None = None,
) -> Seller:
    rng = np.random.default_rng(seed)
    cat = _catalogue(rng, children)
    dates = pd.date_range(end - timedelta(days=days - 1), end)
    n, d = len(cat), len(dates)

    base_sessions = rng.gamma(2.0, 40.0, n) + 20
    base_cvr = rng.uniform(0.09, 0.16, n)
    cvr = np.tile(base_cvr, (d, 1))
    if problems:
        cvr[-7:, 2] *= 0.55  # CVR drop on the third ASIN in the last week
        cvr[:, 7] = 0.06  # a listing that never converted well
    sessions = rng.poisson(np.tile(base_sessions, (d, 1)))
    units = rng.binomial(sessions, np.clip(cvr, 0, 1))
    buy_box = np.clip(rng.normal(0.97, 0.02, (d, n)), 0.5, 1.0)
    if problems:
        buy_box[:, 4] = rng.uniform(0.62, 0.72, d)  # hijacked offer
    daily = pd.DataFrame(
        {
            "date": np.repeat(dates.values, n),
            "child_asin": np.tile(cat.child_asin.to_numpy(), d),
            "sku": np.tile(cat.sku.to_numpy(), d),
            "sessions": sessions.ravel(),
            "page_views": (sessions * rng.uniform(1.2, 1.5, (d, n))).round().ravel(),
            "buy_box_pct": buy_box.round(3).ravel(),
            "units": units.ravel(),
        }
    )
    daily["sales"] = (daily.units * np.tile(cat.price.to_numpy(), d)).round(2)

    terms = _search_terms(rng, cat, dates, units, terms_per_group, problems, term_rows)
    brand = _brand_ads(rng, dates, cat)
    stock = _stock(rng, cat, units, problems)
    returns = _returns(rng, daily, cat, problems)
    feedback = _feedback(rng, dates)
    # Its own stream, so adding display ads left every other frame of a seed unchanged.
    display = _display_ads(np.random.default_rng([seed, 1]), dates, cat)
    return Seller(end, days, cat, daily, terms, brand, stock, returns, feedback, display)


def _catalogue(rng: np.random.Generator, children: int) -> pd.DataFrame:
    rows = []
    for i in range(children):
        name, category, price, zh = PRODUCTS[i % len(PRODUCTS)]
        family = i // len(PRODUCTS)
        variant = VARIANTS[family % len(VARIANTS)]
        rows.append(
            {
                "family": i % len(PRODUCTS),
                "title": f"LUMIVO {name}, {variant}" + (f" #{family}" if family > 2 else ""),
                "category": category,
                "price": round(price + family * 2.0, 2),
                "name_zh": zh,
                "sku": f"LV-{i:04d}",
                "child_asin": _asin(rng),
            }
        )
    cat = pd.DataFrame(rows)
    parents = {f: _asin(rng) for f in cat.family.unique()}
    cat["parent_asin"] = cat.family.map(parents)
    return cat


def _search_terms(
    rng: np.random.Generator,
    cat: pd.DataFrame,
    dates: pd.DatetimeIndex,
    units: np.ndarray,
    per_group: int,
    problems: bool,
    term_rows: int | None,
) -> pd.DataFrame:
    n, d = len(cat), len(dates)
    if term_rows is None:
        idx = np.repeat(np.arange(n), per_group)
        term_no = np.tile(np.arange(per_group), n)
        day_idx = np.repeat(np.arange(d), len(idx))
        asin_idx = np.tile(idx, d)
        term_idx = np.tile(term_no, d)
    else:
        day_idx = rng.integers(0, d, term_rows)
        asin_idx = rng.integers(0, n, term_rows)
        term_idx = rng.integers(0, 50, term_rows)
    m = len(day_idx)
    fam = cat.family.values[asin_idx]
    zh = cat.name_zh.values[asin_idx]
    auto = term_idx % 2 == 0
    campaign = np.where(auto, "SP-自动-", "SP-手动-精准-") + zh + np.char.mod("-%02d", fam)
    ad_group = np.where(auto, "自动-全尺寸", "精准-核心词")
    base_terms = np.array([p[0].lower() for p in PRODUCTS])[cat.family.to_numpy()[asin_idx]]
    search_term = np.char.add(base_terms, np.char.mod(" %d", term_idx))
    impressions = rng.poisson(900, m) + 50
    clicks = rng.binomial(impressions, 0.0045)
    cpc = rng.uniform(0.80, 1.60, m)
    spend = (clicks * cpc).round(2)
    ad_units = rng.binomial(np.maximum(units[day_idx, asin_idx] // 3, 0) + 0, 0.5)
    ad_units = np.minimum(ad_units, clicks)
    orders = ad_units
    price = cat.price.values[asin_idx]
    sales = (ad_units * price).round(2)
    frame = pd.DataFrame(
        {
            "date": dates.values[day_idx],
            "campaign": campaign,
            "ad_group": ad_group,
            "targeting": np.where(auto, "close-match", search_term),
            "match_type": np.where(auto, "-", "EXACT"),
            "search_term": search_term,
            "asin": cat.child_asin.values[asin_idx],
            "sku": cat.sku.values[asin_idx],
            "impressions": impressions,
            "clicks": clicks,
            "spend": spend,
            "sales": sales,
            "orders": orders,
            "units": ad_units,
        }
    )
    if problems:
        # ACoS blow-up: one manual campaign bids far too high in the last two weeks.
        blow = (
            frame.campaign.str.startswith("SP-手动")
            & (frame.asin == cat.child_asin[1])
            & (frame.date >= dates[-14])
        )
        frame.loc[blow, "spend"] = (frame.loc[blow, "clicks"] * 3.4).round(2) + 6
        # A search term with many clicks and never an order: a negative-keyword candidate.
        waste = frame.index[
            (frame.asin == cat.child_asin[0]) & frame.campaign.str.startswith("SP-自动")
        ][-20:]
        frame.loc[waste, "search_term"] = "free baking mat sample"
        frame.loc[waste, ["clicks", "orders", "units", "sales"]] = [2, 0, 0, 0.0]
        frame.loc[waste, "spend"] = 1.9
    return frame


def _brand_ads(
    rng: np.random.Generator, dates: pd.DatetimeIndex, cat: pd.DataFrame
) -> pd.DataFrame:
    rows = []
    for day in dates:
        for name in ("SB-品牌旗舰-厨房收纳", "SBV-视频-磁吸刀架"):
            imp = int(rng.poisson(5000))
            clicks = int(rng.binomial(imp, 0.005))
            orders = int(rng.binomial(clicks, 0.09))
            rows.append(
                {
                    "date": day,
                    "campaign": name,
                    "impressions": imp,
                    "clicks": clicks,
                    "spend": round(clicks * float(rng.uniform(1.2, 1.6)), 2),
                    "orders": orders,
                    "units": orders,
                    "sales": round(orders * float(cat.price.mean()), 2),
                }
            )
    return pd.DataFrame(rows)


def _display_ads(
    rng: np.random.Generator, dates: pd.DatetimeIndex, cat: pd.DataFrame
) -> pd.DataFrame:
    """Two SD ad groups per day: a views remarketing audience and a competitor-ASIN target."""
    groups = [
        ("SD-商品投放-冰格再营销", "再营销-浏览", "views=(exact-product lookback=30)"),
        ("SD-商品投放-冰格再营销", "竞品ASIN", 'asin="B0BX7QW2KD"'),
    ]
    n = len(dates) * len(groups)
    imp = rng.poisson(9000, n)
    clicks = rng.binomial(imp, 0.0032)
    orders = rng.binomial(clicks, 0.08)
    price = float(cat.price.iloc[2])
    return pd.DataFrame(
        {
            "date": np.repeat(dates.values, len(groups)),
            "campaign": [g[0] for g in groups] * len(dates),
            "ad_group": [g[1] for g in groups] * len(dates),
            "targeting": [g[2] for g in groups] * len(dates),
            "impressions": imp,
            "viewable": (imp * 0.68).astype(int),
            "clicks": clicks,
            "spend": (clicks * rng.uniform(0.55, 0.8, n)).round(2),
            "orders": orders,
            "units": orders,
            "sales": (orders * price).round(2),
        }
    )


def _stock(
    rng: np.random.Generator, cat: pd.DataFrame, units: np.ndarray, problems: bool
) -> pd.DataFrame:
    velocity = units[-30:].mean(axis=0)
    cover_days = rng.uniform(35, 110, len(cat))
    if problems:
        cover_days[0] = 6  # stock-out risk on the best seller
        cover_days[6] = 400  # a slow mover
    available = np.round(velocity * cover_days).astype(int)
    aged = np.zeros(len(cat), dtype=int)
    if problems:
        aged[6] = int(available[6] * 0.6)
    ages = pd.DataFrame(
        {
            "age_0_90": available - aged,
            "age_91_180": (aged * 0.5).astype(int),
            "age_181_270": aged - (aged * 0.5).astype(int),
            "age_271_365": 0,
            "age_365_plus": 0,
        }
    )
    return pd.concat(
        [
            pd.DataFrame(
                {
                    "sku": cat.sku,
                    "fnsku": "X00" + cat.child_asin.str[3:],
                    "asin": cat.child_asin,
                    "title": cat.title,
                    "price": cat.price,
                    "available": available,
                    "inbound": np.where(cover_days < 30, 300, 0),
                    "reserved": rng.integers(0, 12, len(cat)),
                    "unsellable": rng.integers(0, 3, len(cat)),
                    "units_shipped_t30": units[-30:].sum(axis=0),
                    "units_shipped_t90": units[-90:].sum(axis=0),
                }
            ),
            ages,
        ],
        axis=1,
    )


def _returns(
    rng: np.random.Generator, daily: pd.DataFrame, cat: pd.DataFrame, problems: bool
) -> pd.DataFrame:
    rate = np.full(len(cat), 0.02)
    if problems:
        rate[5] = 0.09  # cables that fail
    by_asin = dict(zip(cat.child_asin, rate, strict=True))
    sold = daily[daily.units > 0]
    returned = rng.binomial(sold.units.to_numpy(), sold.child_asin.map(by_asin).to_numpy())
    rows = sold.loc[returned > 0].assign(quantity=returned[returned > 0])
    lag = rng.integers(3, 15, len(rows))
    reasons = np.array(["DEFECTIVE", "UNWANTED_ITEM", "NOT_AS_DESCRIBED", "SWITCHEROO"])
    return pd.DataFrame(
        {
            "return_date": rows.date.to_numpy() + lag.astype("timedelta64[D]"),
            "order_id": [
                f"11{i % 10}-{rng.integers(10**6, 9 * 10**6)}-{rng.integers(10**6, 9 * 10**6)}"
                for i in range(len(rows))
            ],
            "sku": rows.sku.to_numpy(),
            "asin": rows.child_asin.to_numpy(),
            "quantity": rows.quantity.to_numpy(),
            "reason": rng.choice(reasons, len(rows)),
        }
    ).query("return_date <= @daily.date.max()")


def _feedback(rng: np.random.Generator, dates: pd.DatetimeIndex) -> pd.DataFrame:
    picks = np.sort(rng.choice(len(dates), 6, replace=False))
    comments = [
        "Arrived late.",
        "Box was damaged.",
        "Smaller than expected.",
        "Seller did not answer.",
        "Item scratched.",
        "Slow refund.",
    ]
    return pd.DataFrame(
        {
            "date": dates[picks],
            "rating": rng.integers(1, 4, 6),
            "comments": comments,
            "order_id": [
                f"112-{rng.integers(10**6, 9 * 10**6)}-{rng.integers(10**6, 9 * 10**6)}"
                for _ in picks
            ],
        }
    )
