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
    "sales_target": ("Sales target (period)", "本期销售目标"),
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
    "unit_cost": ("Unit cost", "单位成本"),
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
