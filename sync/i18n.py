"""Every label, tab name and message of the workbook, in English and Chinese."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # tab names (keys are the stable sheet keys)
    "dashboard": ("Dashboard", "仪表盘"),
    "actions": ("Actions", "行动项"),
    "sales": ("Sales by ASIN", "ASIN销售"),
    "ads": ("Ads by campaign", "广告活动"),
    "search_terms": ("Search terms", "搜索词"),
    "inventory": ("Inventory", "库存"),
    "health": ("Account health", "账户健康"),
    "suggestions": ("Suggestions", "建议行动"),
    "scorecard": ("Scorecard", "复盘记分卡"),
    "settings": ("Settings", "设置"),
    "issues": ("Issues", "数据问题"),
    "data_sales": ("data_sales", "data_sales"),
    "data_ads": ("data_ads", "data_ads"),
    "data_stock": ("data_stock", "data_stock"),
    "data_returns": ("data_returns", "data_returns"),
    # statuses
    "green": ("green", "绿"),
    "yellow": ("yellow", "黄"),
    "red": ("red", "红"),
    # dashboard
    "review_title": ("Operations review", "运营复盘"),
    "period": ("Period", "本期"),
    "compare": ("Comparison", "对比期"),
    "delta": ("Change", "变化"),
    "status": ("Status", "状态"),
    "kpi": ("KPI", "指标"),
    "red_items": ("Red items", "红灯项"),
    "overdue_actions": ("Overdue actions", "逾期行动项"),
    "trend": ("Weekly trend", "周趋势"),
    "week": ("Week", "周"),
    "sales_sessions_chart": ("Sales and sessions", "销售额与会话数"),
    "acos_tacos_chart": ("ACoS and TACoS", "ACoS 与 TACoS"),
    "provisional_note": (
        "Ads figures from {start} on are provisional: Amazon restates attributed sales for up "
        "to 14 days.",
        "{start} 起的广告数据为暂定值：亚马逊会在 14 天内修正归因销售额。",
    ),
    "generated": (
        "Refreshed by fupan from the history store on {when}.",
        "由 fupan 于 {when} 根据历史数据刷新。",
    ),
    "estimate": ("estimate", "估算"),
    "estimate_note": (
        "No Date Range report or settlement covers the whole period: profit is estimated from "
        "the FBA Fee Preview and the Business Report.",
        "本期未被日期范围报告或结算报告完整覆盖：利润按 FBA 费用预览和业务报告估算。",
    ),
    "money_block": ("Money", "销售与利润"),
    "profit_compare": ("Net profit, comparison", "对比期净利润"),
    "profit_change": ("Net profit change", "净利润变化"),
    # columns
    "asin": ("ASIN", "ASIN"),
    "sku": ("SKU", "SKU"),
    "title": ("Title", "标题"),
    "category": ("Category", "类目"),
    "campaign": ("Campaign", "广告活动"),
    "ad_group": ("Ad group", "广告组"),
    "ad_type": ("Ad type", "广告类型"),
    "search_term": ("Search term", "搜索词"),
    "candidate": ("Candidate", "建议"),
    "negative": ("negative keyword", "否定关键词"),
    "harvest": ("harvest to exact", "收割为精准词"),
    "note": ("Notes", "备注"),
    "metric": ("Metric", "指标"),
    "value": ("Value", "数值"),
    "target": ("Target", "目标"),
    "window": ("Window", "统计区间"),
    # inventory
    "daily_units": ("Daily units", "日均销量"),
    "inbound": ("Inbound", "在途"),
    "lead_time": ("Lead time (days)", "补货周期(天)"),
    "safety_stock": ("Safety stock", "安全库存"),
    "reorder_point": ("Reorder point", "补货点"),
    "restock_qty": ("Restock qty", "建议补货量"),
    # settings
    "thresholds": ("Thresholds (edit to recolour)", "阈值（修改后立即重新着色）"),
    "green_min": ("Green from", "绿灯下限"),
    "green_max": ("Green to", "绿灯上限"),
    "yellow_min": ("Yellow from", "黄灯下限"),
    "yellow_max": ("Yellow to", "黄灯上限"),
    "source": ("Source", "来源"),
    "targets": ("Targets", "目标"),
    "sales_target": ("Monthly sales target", "月度销售目标"),
    "profit_target": ("Monthly net profit target", "月度净利润目标"),
    "asin_targets": (
        "Monthly targets per ASIN (optional)",
        "各 ASIN 月度目标（可选）",
    ),
    "target_acos": ("Target ACoS", "目标 ACoS"),
    "default_lead_time": ("Default lead time (days)", "默认补货周期(天)"),
    "review_cycle": ("Review cycle (days)", "复盘周期(天)"),
    "formula_mode": ("Formula mode (native or udf)", "公式模式 (native 或 udf)"),
    "language": ("Language (en or zh)", "语言 (en 或 zh)"),
    "shared_tracker": (
        "Shared action tracker (.xlsx path or Google Sheet URL)",
        "共享行动项表（.xlsx 路径或 Google 表格网址）",
    ),
    "workspace": (
        "Workspace folder (blank: the workbook's folder)",
        "工作区文件夹（留空：工作簿所在文件夹）",
    ),
    "products": ("Products", "商品"),
    "unit_cost": ("Unit cost", "采购成本"),
    "freight": ("First-leg freight / unit", "头程运费/件"),
    "other_cost": ("Other cost / unit", "其他成本/件"),
    "currency": ("Currency", "币种"),
    "valid_from": ("Valid from", "生效日期"),
    # actions
    "id": ("ID", "编号"),
    "created": ("Created", "创建日期"),
    "meeting": ("Meeting", "会议日期"),
    "rule": ("Rule", "规则"),
    "scope": ("Scope", "范围"),
    "key": ("ASIN / campaign", "ASIN / 广告活动"),
    "problem": ("Problem", "问题"),
    "root_cause": ("Root cause (5 whys)", "根因（5 Why）"),
    "action": ("Action", "行动"),
    "owner": ("Owner", "负责人"),
    "due": ("Due", "截止日期"),
    "value_raised": ("KPI when raised", "提出时指标"),
    "value_now": ("KPI now", "当前指标"),
    "result": ("Result", "结果"),
    "evidence": ("Evidence", "依据"),
    "promote": ("Promote (x)", "转为行动 (x)"),
    "archive": ("Archive", "归档"),
    "conflicts": ("Conflicts", "冲突"),
    "conflicts_note": (
        "A field was changed on both sides. The row keeps the workbook's value; pick one, "
        "then delete the conflict line.",
        "同一字段在两边都被修改。行内保留工作簿的值；确认后删除本冲突行。",
    ),
    "field": ("Field", "字段"),
    "workbook_value": ("Workbook value", "工作簿的值"),
    "shared_value": ("Shared sheet value", "共享表的值"),
    "base_value": ("Value at last sync", "上次同步的值"),
    # issues
    "severity": ("Severity", "级别"),
    "file": ("File", "文件"),
    "row": ("Row", "行"),
    "column": ("Column", "列"),
    "message": ("Message", "说明"),
    "no_issues": ("No data problems found.", "未发现数据问题。"),
    # scorecard
    "closure_rate": ("Action closure rate (target 76 %)", "决策落地率（目标 76%）"),
    "actions_due": ("Actions due", "到期行动项"),
    "actions_done": ("Done by due date", "按期完成"),
    "minutes_sent": ("Minutes sent within 24 h", "24 小时内发出纪要"),
}


def t(key: str, lang: str, **fmt: object) -> str:
    en, zh = LABELS[key]
    text = zh if lang == "zh" else en
    return text.format(**fmt) if fmt else text


# --- Review look (issue 14): the ranked, machinery-free workbook ---------------------------
# One block, both languages; Chinese as Seller Central and Chinese seller teams say it
# (glossary-zh.md). Merged into LABELS below so every tab reads them through `t`.
REVIEW_LOOK: dict[str, tuple[str, str]] = {
    # scopes: what a suggestion or a finding is about
    "scope_account": ("Account", "账户"),
    "scope_asin": ("ASIN", "ASIN"),
    "scope_sku": ("SKU", "SKU"),
    "scope_campaign": ("Campaign", "广告活动"),
    "scope_ad_group": ("Ad group", "广告组"),
    "scope_keyword": ("Keyword", "关键词"),
    "scope_search_term": ("Search term", "搜索词"),
    # Suggestions and top findings
    "at_stake": ("At stake / week", "每周涉及金额"),
    "objects": ("Count", "数量"),
    "applies_to": ("Applies to", "对象类型"),
    "object": ("ASIN / campaign", "ASIN / 广告活动"),
    "also": ("Also flagged (weaker, not proposed)", "同时触发（较弱，不建议）"),
    "policy_first": (
        "Account health: ranked first by policy (a suspended account sells nothing)",
        "账户健康：按政策优先（账户被暂停则无法销售）",
    ),
    "suggestions_note": (
        "One action per object, ranked by the money at stake per week; the same action on "
        "several objects is one row with their count (hover the cell for the list).",
        "每个对象只给一条行动，按每周涉及金额排序；同一行动涉及多个对象时合为一行并计数"
        "（鼠标悬停查看清单）。",
    ),
    "more_objects": ("{n} objects, biggest first:", "共 {n} 个对象，按金额从大到小："),
    "rule_note": (
        "Trigger: {trigger}. Sources: {sources}.",
        "触发条件：{trigger}。来源：{sources}。",
    ),
    "top_findings": ("Top findings (by money at stake)", "重点问题（按涉及金额）"),
    "top_movers": ("Top movers (ASINs)", "变化最大的 ASIN"),
    "sales_change": ("Sales change", "销售额变化"),
    "profit_change_short": ("Net profit change", "净利润变化"),
    "finding": ("Finding", "问题"),
    # how money at stake was estimated (engine/stakes.py), shown in notes
    "why_ad_spend_over": ("ad spend over target ACoS", "超出目标 ACoS 的广告花费"),
    "why_ad_spend_nothing": ("ad spend that sold nothing", "未出单的广告花费"),
    "why_stockout": ("{days} days without stock × daily sales", "断货 {days} 天 × 日均销售额"),
    "why_gap": ("sales the gap to the band stands for", "与目标区间差距对应的销售额"),
    "why_drop": ("sales lost to the conversion drop", "转化率下降损失的销售额"),
    "why_short": ("sales short of the target", "低于目标的销售额"),
    "why_returns": ("value of returns over the band", "超出区间的退货金额"),
    "why_aged": ("aged stock value at risk (a tenth a week)", "超龄库存风险金额（每周按一成计）"),
    "why_budget": (
        "sales from 20 % more budget at the same ROAS",
        "预算增加 20% 按当前 ROAS 带来的销售额",
    ),
    "why_unpriced": ("cannot be priced from this period's data", "本期数据无法估算金额"),
    # measures behind the KPIs (the folded helper columns); KPIs of the same id use their name
    "m_aged_90_units": ("Units aged > 90 days", "库龄 90 天以上件数"),
    "m_aged_base_units": ("Units with an age", "有库龄的件数"),
    "m_amazon_fees": ("Amazon fees", "亚马逊费用"),
    "m_buy_box_views": ("Featured Offer page views", "推荐报价页面浏览量"),
    "m_cancel_orders": ("Orders (cancel rate)", "订单数（取消率）"),
    "m_cancellations": ("Cancellations", "配送前取消数"),
    "m_cogs": ("Cost of goods", "采购成本"),
    "m_feedback_received": ("Feedback received", "收到的 Feedback"),
    "m_freight": ("First-leg freight", "头程运费"),
    "m_late_shipments": ("Late shipments", "迟发订单数"),
    "m_lsr_orders": ("Orders (late shipment)", "订单数（迟发率）"),
    "m_month_days": ("Days in the month", "本月天数"),
    "m_month_profit_target": ("Month's net profit target", "本月净利润目标"),
    "m_month_sales_target": ("Month's sales target", "本月销售目标"),
    "m_mtd_days": ("Days so far this month", "本月已过天数"),
    "m_mtd_profit": ("Net profit month to date", "本月至今净利润"),
    "m_mtd_sales": ("Sales month to date", "本月至今销售额"),
    "m_negative_feedback": ("Negative feedback", "Feedback 差评数"),
    "m_net_sales": ("Net sales", "净销售额"),
    "m_odr_defects": ("Orders with a defect", "缺陷订单数"),
    "m_odr_orders": ("Orders (ODR)", "订单数（ODR）"),
    "m_profit_target": ("Net profit target (period)", "本期净利润目标"),
    "m_profit_units": ("Units with a cost", "有成本的件数"),
    "m_returned_units": ("Units returned", "退货件数"),
    "m_sales_prev": ("Sales, comparison", "对比期销售额"),
    "m_sales_target": ("Sales target (period)", "本期销售目标"),
    "m_sessions_prev": ("Sessions, comparison", "对比期 Sessions"),
    "m_units_prev": ("Units, comparison", "对比期销量"),
    "m_valid_tracking": ("Shipments with valid tracking", "有效追踪的货件数"),
    "m_vtr_shipments": ("Shipments (valid tracking)", "货件数（有效追踪率）"),
    "measure": ("Behind the KPIs", "指标的计算依据"),
    "pp": ("pp", "个百分点"),
    # account health (the seller performance report's metrics and Amazon's statuses)
    "h_odr_afn": ("Order defect rate (FBA)", "订单缺陷率 ODR（亚马逊配送）"),
    "h_odr_mfn": ("Order defect rate (seller-fulfilled)", "订单缺陷率 ODR（卖家自配送）"),
    "h_on_time_delivery_rate": ("On-time delivery rate", "准时交货率"),
    "h_invoice_defect_rate": ("Invoice defect rate", "发票缺陷率"),
    "our_status": ("Status (against Settings)", "状态（对照设置）"),
    "amazon_status": ("Amazon's status", "亚马逊状态"),
    "amazon_target": ("Amazon's target", "亚马逊目标"),
    "orders_counted": ("Defects / orders", "缺陷数 / 订单数"),
    "health_note": (
        "Each metric coloured against its band in Settings; Amazon's own target and status "
        "beside it.",
        "各项指标按设置中的区间着色；旁边是亚马逊自己的目标与状态。",
    ),
    "st_good": ("Good", "良好"),
    "st_fair": ("Fair", "一般"),
    "st_poor": ("Poor", "差"),
    "st_great": ("Great", "很好"),
    "st_warned": ("At risk", "有风险"),
    # inventory and ads columns
    "available": ("Available", "可售"),
    "order_by": ("Order by", "最晚下单日"),
    "age_0_90": ("Aged 0–90 d", "库龄 0–90 天"),
    "age_91_180": ("Aged 91–180 d", "库龄 91–180 天"),
    "age_181_270": ("Aged 181–270 d", "库龄 181–270 天"),
    "age_271_365": ("Aged 271–365 d", "库龄 271–365 天"),
    "age_365_plus": ("Aged 365+ d", "库龄 365 天以上"),
    "inventory_note": (
        "Most urgent first. Order by = the review's day + days of cover − lead time; "
        "colours follow the bands in Settings.",
        "最紧急的排在前面。最晚下单日 = 复盘日 + 可售天数 − 补货周期；颜色按设置中的区间。",
    ),
    "match_type": ("Match type", "匹配类型"),
    "orders": ("Orders", "订单"),
    "mt_exact": ("Exact", "精准"),
    "mt_phrase": ("Phrase", "词组"),
    "mt_broad": ("Broad", "广泛"),
    "bid_down": ("bid down (sells above target ACoS)", "降低竞价（ACoS 高于目标）"),
    "search_terms_note": (
        "Terms by spend. Negative: ≥ 10 clicks, no order. Harvest: ≥ 2 orders within the "
        "target ACoS. Bid down: sells, above the target ACoS.",
        "按花费排序。否定：≥10 次点击且无订单。出单词开精准：≥2 单且 ACoS 在目标内。"
        "降低竞价：有出单但 ACoS 高于目标。",
    ),
    "scorecard_note": (
        "Share of each meeting's actions done by their due date (target 76 %).",
        "每次复盘的行动项按期完成的比例（目标 76%）。",
    ),
    "period_days": ("Days in the period", "本期天数"),
    "provisional_legend": (
        "Grey italics: provisional ads figures (attributed sales still restated by Amazon).",
        "灰色斜体：广告数据为暂定值（亚马逊仍在修正归因销售额）。",
    ),
}
LABELS.update(REVIEW_LOOK)
