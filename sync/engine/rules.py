"""Rules R1–R19 of the catalogue: each fires on the period's data and proposes an action.

Thresholds come from the team's Settings (defaults: the KPI registry), so editing a band
changes what fires. Rules whose data no report carries (IPI, organic rank, stock-out days)
are listed with `needs` and never fire on guesses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from ..settings import Settings
from .review import Review


@dataclass(frozen=True)
class Suggestion:
    rule: str
    scope: str
    key: str
    kpi: str
    value: float
    threshold: float
    text_en: str
    text_zh: str

    def text(self, lang: str) -> str:
        return self.text_zh if lang == "zh" else self.text_en


# What a rule found: (scope, key, kpi, value, threshold).
Hit = tuple[str, str, str, float, float]
Fire = Callable[[Review, Settings, pd.DataFrame], list[Hit]]


@dataclass(frozen=True)
class RuleSpec:
    id: str
    trigger: str
    action_en: str
    action_zh: str
    source: str
    fire: Fire | None
    needs: str = ""


def _kpi(review: Review, kpi: str, scope: str) -> pd.DataFrame:
    k = review.kpis
    return k[(k.kpi == kpi) & (k.scope == scope) & k.value.notna()]


def _band(settings: Settings, kpi: str, field: str, default: float) -> float:
    b = settings.bands_for(kpi)
    v = getattr(b, field) if b else None
    return default if v is None else float(v)


def _where(
    review: Review,
    kpi: str,
    scope: str,
    test: Callable[[pd.Series, float], pd.Series],
    threshold: float,
) -> list[Hit]:
    rows = _kpi(review, kpi, scope)
    hit = rows[test(rows.value, threshold)]
    return [
        (scope, key, kpi, float(value), threshold)
        for key, value in zip(hit.key, hit.value, strict=True)
    ]


def _ad_groups(review: Review) -> pd.DataFrame:
    ads = review.ads
    ads = ads[ads.counted & (ads.ad_group != "")]
    g = ads.groupby(["campaign", "ad_group"])[
        ["spend", "sales", "clicks", "impressions", "orders"]
    ].sum()
    g["acos"] = g.spend / g.sales.where(g.sales > 0)
    return g.reset_index()


def r1(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    limit = 1.5 * settings.target_acos
    g = _ad_groups(review)
    g = g[(g.acos > limit) | ((g.sales == 0) & (g.spend > 0) & (g.clicks >= 10))]
    return [
        (
            "ad_group",
            f"{campaign} / {ad_group}",
            "acos",
            float(acos) if pd.notna(acos) else float("inf"),
            limit,
        )
        for campaign, ad_group, acos in zip(g.campaign, g.ad_group, g.acos, strict=True)
    ]


def r2(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    g = _ad_groups(review)
    g = g[g.acos > 0.35]
    return [
        ("ad_group", f"{campaign} / {ad_group}", "acos", float(acos), 0.35)
        for campaign, ad_group, acos in zip(g.campaign, g.ad_group, g.acos, strict=True)
    ]


def r3(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    ads = review.ads
    kw = ads[(ads.grain == "targeting") & (ads.match_type.isin(["BROAD", "PHRASE", "EXACT"]))]
    g = kw.groupby(["campaign", "targeting"])[["clicks", "impressions"]].sum()
    limit = _band(settings, "ctr", "yellow_min", 0.003)
    g = g[(g.impressions >= 1000) & (g.clicks / g.impressions < limit)]
    return [
        ("keyword", f"{c} / {t}", "ctr", float(clicks / impressions), limit)
        for (c, t), clicks, impressions in zip(g.index, g.clicks, g.impressions, strict=True)
    ]


def r4(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    st = review.ads[review.ads.grain == "search_term"]
    g = st.groupby(["campaign", "search_term"])[["clicks", "orders"]].sum()
    g = g[(g.clicks >= 10) & (g.orders == 0)]
    return [
        ("search_term", f"{c} / {t}", "clicks", float(clicks), 10.0)
        for (c, t), clicks in zip(g.index, g.clicks, strict=True)
    ]


def r6(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    return _where(review, "roas", "campaign", lambda v, t: v > t, 3.0)


def r7(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    return _where(review, "cvr_change", "asin", lambda v, t: v < t, -0.15)


def r8(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    return _where(
        review, "cvr", "asin", lambda v, t: v < t, _band(settings, "cvr", "yellow_min", 0.08)
    )


def r9(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    return _where(review, "days_of_cover", "asin", lambda v, t: v < t, 30.0)


def r10(review: Review, settings: Settings, stock: pd.DataFrame) -> list[Hit]:
    out: list[Hit] = []
    cover = _kpi(review, "days_of_cover", "asin")
    for key, value in zip(cover.key, cover.value, strict=True):
        skus = stock[stock.asin == key].sku.tolist() if not stock.empty else []
        lead = max([settings.lead_time_of(s) for s in skus] or [settings.lead_time])
        if value < lead:
            out.append(("asin", key, "days_of_cover", float(value), lead))
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
    for kpi, test, field in (
        ("odr", lambda v, t: v > t, "green_max"),
        ("late_shipment_rate", lambda v, t: v > t, "green_max"),
        ("valid_tracking_rate", lambda v, t: v < t, "green_min"),
        ("cancel_rate", lambda v, t: v > t, "green_max"),
    ):
        b = settings.bands_for(kpi)
        if b is not None and getattr(b, field) is not None:
            out += _where(review, kpi, "account", test, float(getattr(b, field)))
    return out


def r18(review: Review, settings: Settings, _: pd.DataFrame) -> list[Hit]:
    return _where(
        review,
        "sales_attainment",
        "account",
        lambda v, t: v < t,
        _band(settings, "sales_attainment", "green_min", 0.95),
    )


RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        "R1",
        "ad group ACoS > 1.5 × target ACoS",
        "Pause the ad group and analyse its search terms",
        "暂停该广告组并分析其搜索词",
        "004",
        r1,
    ),
    RuleSpec("R2", "ad group ACoS > 35 %", "Cut its budget by 20 %", "预算下调 20%", "002", r2),
    RuleSpec(
        "R3",
        "keyword CTR < 0.3 % with ≥ 1,000 impressions",
        "Pause the keyword",
        "暂停该关键词",
        "004",
        r3,
    ),
    RuleSpec(
        "R4",
        "search term with ≥ 10 clicks and no orders",
        "Add it as a negative keyword",
        "添加为否定关键词",
        "003, 004",
        r4,
    ),
    RuleSpec(
        "R5",
        "term CTR > 1 % but CVR below the ASIN's",
        "Check landing page and listing",
        "检查落地页与listing匹配度",
        "002",
        None,
        needs="per-term CVR of the ASIN",
    ),
    RuleSpec("R6", "campaign ROAS > 3.0", "Shift budget toward it", "向该活动倾斜预算", "002", r6),
    RuleSpec(
        "R7",
        "ASIN CVR dropped > 15 % vs comparison",
        "Check price, reviews, main image",
        "检查价格、评论和主图",
        "004",
        r7,
    ),
    RuleSpec(
        "R8",
        "ASIN CVR below the red line",
        "Review listing quality, price and ad efficiency",
        "优化listing质量、价格竞争力与广告效率",
        "001",
        r8,
    ),
    RuleSpec(
        "R9",
        "days of cover < 30",
        "Restock now (quantity from the Inventory tab)",
        "立即补货（数量见库存页）",
        "004, 001",
        r9,
    ),
    RuleSpec(
        "R10",
        "days of cover < lead time",
        "Expedite: air freight",
        "加急：空运补货",
        "004, 001",
        r10,
    ),
    RuleSpec(
        "R11",
        "aged > 90 days share high or turnover < 3",
        "Clear: discount, bundle or removal",
        "清库存：折扣、捆绑或移除",
        "000, 003",
        r11,
    ),
    RuleSpec(
        "R12",
        "IPI < 400",
        "Reduce excess stock before storage limits",
        "在仓储限制前削减冗余库存",
        "002, 004",
        None,
        needs="IPI (entered by hand)",
    ),
    RuleSpec(
        "R13",
        "negative feedback rate > 1 %",
        "Analyse feedback; request removal where allowed",
        "分析差评，符合条件的申请移除",
        "000, 004",
        r13,
    ),
    RuleSpec(
        "R14",
        "return rate above the red line",
        "Analyse return reasons; fix the listing",
        "分析退货原因，优化listing",
        "002",
        r14,
    ),
    RuleSpec(
        "R15",
        "Featured Offer % < 80 %",
        "Check for hijackers and price",
        "检查跟卖与价格",
        "001, 002",
        r15,
    ),
    RuleSpec(
        "R16",
        "ODR, LSR, VTR or cancel rate off target",
        "Account-health corrective plan",
        "制定账户健康整改计划",
        "001, 004",
        r16,
    ),
    RuleSpec(
        "R17",
        "top-10 keyword rank moved > 3",
        "Check competitors / algorithm update",
        "检查竞品动作或算法更新",
        "000",
        None,
        needs="organic rank history",
    ),
    RuleSpec(
        "R18",
        "sales attainment < 95 %",
        "5-why root cause of the sales gap",
        "用 5 Why 分析销售缺口",
        "000, 001",
        r18,
    ),
    RuleSpec(
        "R19",
        "stock-out > 7 days",
        "Recover rank: restock, ads push",
        "恢复排名：补货并加推广告",
        "004",
        None,
        needs="daily stock snapshots",
    ),
)


# The KPI each rule watches: an action raised by a rule shows that KPI's value now.
RULE_KPI = {
    "R1": "acos",
    "R2": "acos",
    "R3": "ctr",
    "R6": "roas",
    "R7": "cvr_change",
    "R8": "cvr",
    "R9": "days_of_cover",
    "R10": "days_of_cover",
    "R11": "aged_90_share",
    "R13": "negative_feedback_rate",
    "R14": "return_rate",
    "R15": "buy_box_pct",
    "R16": "odr",
    "R18": "sales_attainment",
}


def kpi_now(review: Review, source: str, scope: str, key: str) -> float | None:
    """The current value of the KPI an action is about (by rule id or KPI id), if any."""
    from ...addin.registry import KPIS, Scope

    kpi = RULE_KPI.get(source, source)
    if kpi not in KPIS or scope not in {s.value for s in Scope}:
        return None
    return review.value(kpi, Scope(scope), key if scope != "account" else "")


def evaluate(review: Review, settings: Settings, stock: pd.DataFrame) -> list[Suggestion]:
    """Every rule that fires on this review, as proposed actions with their evidence."""
    out: list[Suggestion] = []
    for spec in RULES:
        if spec.fire is None:
            continue
        for scope, key, kpi, value, threshold in spec.fire(review, settings, stock):
            out.append(
                Suggestion(
                    spec.id,
                    scope,
                    key,
                    kpi,
                    value,
                    threshold,
                    f"{spec.action_en} ({spec.trigger})",
                    spec.action_zh,
                )
            )
    return out
