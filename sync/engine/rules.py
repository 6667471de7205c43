"""Rules R1–R19 of the catalogue: each fires on the period's data and proposes an action.

Thresholds come from the team's Settings (defaults: the KPI registry), so editing a band
changes what fires. Rules whose data no report carries (organic rank, stock-out days)
are listed with `needs` and never fire on guesses. What fires each rule: triggers.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from ...addin.registry import KPIS, Scope
from ..settings import Settings
from .review import Review
from .stakes import Stake, at_stake
from .triggers import (
    Hit,
    r1,
    r2,
    r3,
    r4,
    r6,
    r7,
    r8,
    r9,
    r10,
    r11,
    r12,
    r13,
    r14,
    r15,
    r16,
    r18,
)

SCOPES = {s.value for s in Scope}  # rules also fire on ad groups, keywords, search terms


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
    stake: Stake  # money at stake per week (stakes.py)
    also: tuple[str, ...] = ()  # rules that fired on the same object, made moot by this one

    def text(self, lang: str) -> str:
        return self.text_zh if lang == "zh" else self.text_en


@dataclass(frozen=True)
class RuleSpec:
    """One rule, written once: what fires it and what it proposes, in English and Chinese
    (a rule without its Chinese trigger does not construct)."""

    id: str
    trigger: str
    action_en: str
    action_zh: str
    source: str
    fire: Callable[[Review, Settings, pd.DataFrame], list[Hit]] | None
    needs: str = ""
    trigger_zh: str = field(kw_only=True)

    def trigger_text(self, lang: str) -> str:
        return self.trigger_zh if lang == "zh" else self.trigger

    def action_text(self, lang: str) -> str:
        return self.action_zh if lang == "zh" else self.action_en


RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        "R1",
        "ad group ACoS > 1.5 × target ACoS",
        "Pause the ad group and analyse its search terms",
        "暂停该广告组并分析其搜索词",
        "004",
        r1,
        trigger_zh="广告组 ACoS > 1.5 × 目标 ACoS",
    ),
    RuleSpec(
        "R2",
        "ad group ACoS > target ACoS + 10 pp",
        "Cut its budget by 20 %",
        "预算下调 20%",
        "002",
        r2,
        trigger_zh="广告组 ACoS > 目标 ACoS + 10 个百分点",
    ),
    RuleSpec(
        "R3",
        "keyword CTR < 0.3 % with ≥ 1,000 impressions",
        "Pause the keyword",
        "暂停该关键词",
        "004",
        r3,
        trigger_zh="关键词点击率（CTR）< 0.3% 且展示量 ≥ 1,000",
    ),
    RuleSpec(
        "R4",
        "search term with ≥ 10 clicks and no orders",
        "Add it as a negative keyword",
        "添加为否定关键词",
        "003, 004",
        r4,
        trigger_zh="客户搜索词点击量 ≥ 10 且无订单",
    ),
    RuleSpec(
        "R5",
        "term CTR > 1 % but CVR below the ASIN's",
        "Check landing page and listing",
        "检查落地页与商品详情页是否匹配",
        "002",
        None,
        needs="per-term CVR of the ASIN",
        trigger_zh="搜索词点击率（CTR）> 1% 但转化率（CVR）低于该 ASIN",
    ),
    RuleSpec(
        "R6",
        "campaign ROAS > 3.0",
        "Shift budget toward it",
        "向该活动倾斜预算",
        "002",
        r6,
        trigger_zh="广告活动 ROAS > 3.0",
    ),
    RuleSpec(
        "R7",
        "ASIN CVR dropped > 15 % vs comparison",
        "Check price, reviews, main image",
        "检查价格、评论和主图",
        "004",
        r7,
        trigger_zh="ASIN 转化率较对比期下降超过 15%",
    ),
    RuleSpec(
        "R8",
        "ASIN CVR below the red line",
        "Review listing quality, price and ad efficiency",
        "优化商品详情页质量、价格竞争力与广告效率",
        "001",
        r8,
        trigger_zh="ASIN 转化率低于红线",
    ),
    RuleSpec(
        "R9",
        "days of cover < 30",
        "Restock now (quantity from the Inventory tab)",
        "立即补货（数量见库存页）",
        "004, 001",
        r9,
        trigger_zh="可售天数 < 30",
    ),
    RuleSpec(
        "R10",
        "days of cover < lead time",
        "Expedite: air freight",
        "加急：空运补货",
        "004, 001",
        r10,
        trigger_zh="可售天数 < 备货周期",
    ),
    RuleSpec(
        "R11",
        "aged > 90 days share high or turnover < 3",
        "Clear: discount, bundle or removal",
        "清库存：折扣、捆绑或移除",
        "000, 003",
        r11,
        trigger_zh="库龄 > 90 天占比偏高或库存周转率 < 3",
    ),
    RuleSpec(
        "R12",
        "IPI < 400",
        "Reduce excess stock before storage limits",
        "在仓储限制前削减冗余库存",
        "002, 004",
        r12,
        trigger_zh="IPI 低于 400",
    ),
    RuleSpec(
        "R13",
        "negative feedback rate > 1 %",
        "Analyse feedback; request removal where allowed",
        "分析差评，符合条件的申请移除",
        "000, 004",
        r13,
        trigger_zh="Feedback 差评率 > 1%",
    ),
    RuleSpec(
        "R14",
        "return rate above the red line",
        "Analyse return reasons; fix the listing",
        "分析退货原因，优化商品详情页",
        "002",
        r14,
        trigger_zh="退货率高于红线",
    ),
    RuleSpec(
        "R15",
        "Featured Offer % < 80 %",
        "Check for hijackers and price",
        "检查跟卖与价格",
        "001, 002",
        r15,
        trigger_zh="Buy Box 赢得率 < 80%",
    ),
    RuleSpec(
        "R16",
        "ODR, LSR, VTR, cancel rate, Account Health Rating or policy items off target",
        "Account-health corrective plan",
        "制定账户健康整改计划",
        "001, 004",
        r16,
        trigger_zh="ODR、迟发率、有效追踪率、配送前取消率、账户状况评级（AHR）或政策合规问题未达标",
    ),
    RuleSpec(
        "R17",
        "top-10 keyword rank moved > 3",
        "Check competitors / algorithm update",
        "检查竞品动作或算法更新",
        "000",
        None,
        needs="organic rank history",
        trigger_zh="前 10 关键词自然排名变动超过 3 位",
    ),
    RuleSpec(
        "R18",
        "sales attainment or month-to-date pace < 95 %",
        "5-why root cause of the sales gap",
        "用 5 Why 分析销售缺口",
        "000, 001",
        r18,
        trigger_zh="销售目标达成率或本月销售进度达成率 < 95%",
    ),
    RuleSpec(
        "R19",
        "stock-out > 7 days",
        "Recover rank: restock, ads push",
        "恢复排名：补货并加推广告",
        "004",
        None,
        needs="daily stock snapshots",
        trigger_zh="断货超过 7 天",
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
    "R12": "ipi",
    "R13": "negative_feedback_rate",
    "R14": "return_rate",
    "R15": "buy_box_pct",
    "R16": "odr",
    "R18": "sales_attainment",
}


def kpi_now(review: Review, source: str, scope: str, key: str) -> float | None:
    """The current value of the KPI an action is about (by rule id or KPI id), if any."""

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
        for hit in spec.fire(review, settings, stock):
            scope = Scope(hit.scope) if hit.scope in SCOPES else Scope.ACCOUNT
            stake = at_stake(
                review,
                settings,
                hit.kpi,
                scope,
                hit.key if hit.scope in SCOPES else "",
                hit.threshold,
                spend=hit.spend,
                sales=hit.sales,
                lead_time=hit.lead_time,
                target=hit.target,
            )
            out.append(
                Suggestion(
                    spec.id,
                    hit.scope,
                    hit.key,
                    hit.kpi,
                    hit.value,
                    hit.threshold,
                    f"{spec.action_en} ({spec.trigger})",
                    f"{spec.action_zh}（{spec.trigger_zh}）",
                    stake,
                )
            )
    return out
