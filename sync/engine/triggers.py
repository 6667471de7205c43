"""What makes each rule fire: the tests of rules.py on the period's data, one per rule.

Each returns the objects it fired on (`Hit`), with the threshold it compared against and
what prices them where the review has no measures (ad groups, keywords, search terms).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

import pandas as pd

from ..settings import Settings
from .review import Review, kpi_rows

Test = Callable[["pd.Series[float]", float], "pd.Series[bool]"]


class Hit(NamedTuple):
    """One object a rule fired on, with what prices it (stakes.py) where the review cannot."""

    scope: str
    key: str
    kpi: str
    value: float
    threshold: float
    spend: float | None = None
    sales: float | None = None
    lead_time: float | None = None
    target: float | None = None  # the target ACoS the ad spend is measured against


# R2 cuts the budget of an ad group this far over its target ACoS (002: 35 % at the 25 % target).
R2_OVER = 0.10


class _AdGroup(NamedTuple):
    """One ad group's sums over the period (`_ad_groups`)."""

    campaign: str
    ad_group: str
    spend: float
    sales: float
    acos: float


class _Term(NamedTuple):
    """One keyword or search term of a campaign, summed over the period (`_terms`)."""

    campaign: str
    term: str
    clicks: float
    impressions: float
    spend: float
    sales: float


def _kpi(review: Review, kpi: str, scope: str) -> pd.DataFrame:
    k = review.kpis
    return k[(k.kpi == kpi) & (k.scope == scope) & k.value.notna()]


def _band(settings: Settings, kpi: str, field: str, default: float) -> float:
    b = settings.bands_for(kpi)
    v = getattr(b, field) if b else None
    return default if v is None else float(v)


def _where(review: Review, kpi: str, scope: str, test: Test, threshold: float) -> list[Hit]:
    rows = _kpi(review, kpi, scope)
    hit = rows[test(rows.value, threshold)]
    return [Hit(scope, r.key, kpi, float(r.value), threshold) for r in kpi_rows(hit)]


def _ad_groups(review: Review) -> pd.DataFrame:
    ads = review.ads
    ads = ads[ads.counted & (ads.ad_group != "")]
    g = ads.groupby(["campaign", "ad_group"])[
        ["spend", "sales", "clicks", "impressions", "orders"]
    ].sum()
    g["acos"] = g.spend / g.sales.where(g.sales > 0)
    return g.reset_index()


def _ad_group_rows(g: pd.DataFrame) -> Iterator[_AdGroup]:
    return map(_AdGroup._make, g[list(_AdGroup._fields)].itertuples(index=False, name=None))


def _terms(g: pd.DataFrame, term: str) -> Iterator[_Term]:
    """The rows of a frame summed per campaign and `term` (its index), in order."""
    rows = g.reset_index().rename(columns={term: "term"})
    return map(_Term._make, rows[list(_Term._fields)].itertuples(index=False, name=None))


def _targets(review: Review, settings: Settings, campaigns: pd.Series) -> pd.Series:
    """Each row's campaign's target ACoS (engine/ad_targets.py; the account's when unknown)."""
    return campaigns.map(lambda c: _target(review, settings, c)).astype(float)


def _target(review: Review, settings: Settings, campaign: str) -> float:
    own = review.acos_targets.get(campaign)
    return own.target if own is not None else settings.target_acos


def r1(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    g = _ad_groups(review)
    g = g.assign(target=_targets(review, settings, g.campaign))
    g = g[(g.acos > 1.5 * g.target) | ((g.sales == 0) & (g.spend > 0) & (g.clicks >= 10))]
    return [
        Hit(
            "ad_group",
            f"{r.campaign} / {r.ad_group}",
            "acos",
            float(r.acos) if pd.notna(r.acos) else float("inf"),
            1.5 * target,
            float(r.spend),
            float(r.sales),
            target=target,
        )
        for r, target in zip(_ad_group_rows(g), g.target.tolist(), strict=True)
    ]


def r2(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    g = _ad_groups(review)
    g = g.assign(target=_targets(review, settings, g.campaign))
    g = g[g.acos > g.target + R2_OVER]
    return [
        Hit(
            "ad_group",
            f"{r.campaign} / {r.ad_group}",
            "acos",
            float(r.acos),
            target + R2_OVER,
            float(r.spend),
            float(r.sales),
            target=target,
        )
        for r, target in zip(_ad_group_rows(g), g.target.tolist(), strict=True)
    ]


def r3(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    ads = review.ads
    kw = ads[(ads.grain == "targeting") & (ads.match_type.isin(["BROAD", "PHRASE", "EXACT"]))]
    g = kw.groupby(["campaign", "targeting"])[["clicks", "impressions", "spend", "sales"]].sum()
    limit = _band(settings, "ctr", "yellow_min", 0.003)
    g = g[(g.impressions >= 1000) & (g.clicks / g.impressions < limit)]
    return [
        Hit(
            "keyword",
            f"{r.campaign} / {r.term}",
            "ctr",
            float(r.clicks / r.impressions),
            limit,
            float(r.spend),
            float(r.sales),
            target=_target(review, settings, r.campaign),
        )
        for r in _terms(g, "targeting")
    ]


def r4(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    st = review.ads[review.ads.grain == "search_term"]
    g = st.groupby(["campaign", "search_term"])[
        ["clicks", "impressions", "orders", "spend", "sales"]
    ].sum()
    g = g[(g.clicks >= 10) & (g.orders == 0)]
    return [
        Hit(
            "search_term",
            f"{r.campaign} / {r.term}",
            "clicks",
            float(r.clicks),
            10.0,
            float(r.spend),
            0.0,
            target=_target(review, settings, r.campaign),
        )
        for r in _terms(g, "search_term")
    ]


def r6(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    return _where(review, "roas", "campaign", lambda v, t: v > t, 3.0)


def r7(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    return _where(review, "cvr_change", "asin", lambda v, t: v < t, -0.15)


def r8(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    return _where(
        review, "cvr", "asin", lambda v, t: v < t, _band(settings, "cvr", "yellow_min", 0.08)
    )


def _lead_times(settings: Settings, stock: pd.DataFrame) -> dict[str, float]:
    """Each ASIN's longest lead time over its SKUs (Settings), indexed once."""
    if stock.empty:
        return {}
    leads = stock[["asin", "sku"]].assign(lead=stock.sku.map(settings.lead_time_of))
    return {str(asin): float(lead) for asin, lead in leads.groupby("asin").lead.max().items()}


def r9(review: Review, settings: Settings, stock: pd.DataFrame) -> list[Hit]:
    leads = _lead_times(settings, stock)
    return [
        hit._replace(lead_time=leads.get(hit.key, settings.lead_time))
        for hit in _where(review, "days_of_cover", "asin", lambda v, t: v < t, 30.0)
    ]


def r10(review: Review, settings: Settings, stock: pd.DataFrame) -> list[Hit]:
    leads = _lead_times(settings, stock)
    out = []
    for r in kpi_rows(_kpi(review, "days_of_cover", "asin")):
        lead = leads.get(r.key, settings.lead_time)
        if r.value < lead:
            out.append(Hit("asin", r.key, "days_of_cover", float(r.value), lead, lead_time=lead))
    return out


def r11(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    aged = _where(
        review,
        "aged_90_share",
        "asin",
        lambda v, t: v > t,
        _band(settings, "aged_90_share", "yellow_max", 0.25),
    )
    slow = _where(
        review,
        "inventory_turnover",
        "asin",
        lambda v, t: v < t,
        _band(settings, "inventory_turnover", "yellow_min", 3.0),
    )
    return aged + slow


def r12(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    """IPI below its red line (the yellow band's floor in Settings). No IPI typed: no KPI,
    so the rule never fires on a guess."""
    return _where(
        review, "ipi", "account", lambda v, t: v < t, _band(settings, "ipi", "yellow_min", 400.0)
    )


def r13(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    return _where(
        review,
        "negative_feedback_rate",
        "account",
        lambda v, t: v > t,
        _band(settings, "negative_feedback_rate", "yellow_max", 0.01),
    )


def r14(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    return _where(
        review,
        "return_rate",
        "asin",
        lambda v, t: v > t,
        _band(settings, "return_rate", "yellow_max", 0.05),
    )


def r15(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    return _where(
        review,
        "buy_box_pct",
        "asin",
        lambda v, t: v < t,
        _band(settings, "buy_box_pct", "green_min", 0.80),
    )


def r16(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    out = []
    health: tuple[tuple[str, Test, str], ...] = (
        ("odr", lambda v, t: v > t, "green_max"),
        ("late_shipment_rate", lambda v, t: v > t, "green_max"),
        ("valid_tracking_rate", lambda v, t: v < t, "green_min"),
        ("cancel_rate", lambda v, t: v > t, "green_max"),
        ("account_health_rating", lambda v, t: v < t, "green_min"),
        ("policy_items", lambda v, t: v > t, "green_max"),
    )
    for kpi, test, field in health:
        b = settings.bands_for(kpi)
        if b is not None and getattr(b, field) is not None:
            out += _where(review, kpi, "account", test, float(getattr(b, field)))
    return out


def r18(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    """Sales short of target: the period's attainment, and the month's pace (month to date
    against the target pro-rated to the days so far), each below its green line."""
    return [
        hit
        for kpi in ("sales_attainment", "sales_pace")
        for hit in _where(
            review,
            kpi,
            "account",
            lambda v, t: v < t,
            _band(settings, kpi, "green_min", 0.95),
        )
    ]
