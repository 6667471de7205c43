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
    "green": ("green", "绿灯"),
    "yellow": ("yellow", "黄灯"),
    "red": ("red", "红灯"),
    # --- the minutes, and words the command line shares with them (issue 14) ---
    # scopes: what a KPI value or a finding is about
    "scope_account": ("Account", "店铺整体"),
    "scope_keyword": ("Keyword", "关键词"),
    # action statuses as people read them (the stored value stays the English key)
    "status_proposed": ("proposed", "建议中"),
    "status_open": ("open", "待处理"),
    "status_in_progress": ("in progress", "进行中"),
    "status_done": ("done", "已完成"),
    "status_dropped": ("dropped", "已取消"),
    "status_overdue": ("overdue", "已逾期"),
    # units written after a number
    "unit_days": ("d", "天"),
    "unit_points": ("pt", "个百分点"),
    "and": ("and", "且"),
    "weekdays": ("Mon Tue Wed Thu Fri Sat Sun", "周一 周二 周三 周四 周五 周六 周日"),
    "minutes_title": ("Review minutes", "复盘纪要"),
    "minutes_span": ("{start} to {end}", "{start} 至 {end}"),
    "minutes_period": ("Period: {period}", "本期：{period}"),
    "minutes_period_compared": (
        "Period: {period} (compared with {compare})",
        "本期：{period}（对比期：{compare}）",
    ),
    "minutes_workbook": ("Numbers as reviewed: {where}", "会议所用数据：{where}"),
    "minutes_previous": ("1. Last meeting's actions", "1. 上期行动项回顾"),
    "minutes_problem": ("Problem", "问题"),
    "minutes_kpi_then_now": ("KPI then → now", "指标（当时 → 现在）"),
    "minutes_recovered": ("recovered", "已恢复"),
    "minutes_not_recovered": ("not recovered", "未恢复"),
    "minutes_no_previous": (
        "No actions from an earlier meeting.",
        "没有往期会议的行动项。",
    ),
    "minutes_closure": (
        "Action closure rate {rate} (target {target}); overdue actions: {overdue}.",
        "决策落地率 {rate}（目标 {target}）；逾期行动项：{overdue} 项。",
    ),
    "minutes_money": ("2. Money", "2. 销售与利润"),
    "minutes_comparison": ("Comparison", "对比期"),
    "minutes_estimate": (
        "Profit is estimated from the FBA Fee Preview: no payments report covers the period.",
        "利润按 FBA 费用预览估算：本期没有完整的结算数据。",
    ),
    "minutes_findings": (
        "3. The biggest problems and opportunities, by money at stake",
        "3. 主要问题与机会（按涉及金额排序）",
    ),
    "minutes_now": ("Now", "本期"),
    "minutes_object": ("Where", "对象"),
    "minutes_at_stake": ("At stake", "涉及金额（估）"),
    "minutes_policy": ("health: first", "账户健康优先"),
    "minutes_unpriced": ("not priced", "无法估算"),
    "minutes_suggested": ("Suggested action", "建议行动"),
    "minutes_also": ("also {kpis}", "另有：{kpis}"),
    "minutes_stake_note": (
        "Money at stake is estimated per week; a stock-out over the days without stock. "
        "Account health comes first whatever the sum.",
        "涉及金额按每周估算，断货按断货天数估算；账户健康问题不论金额一律排在最前。",
    ),
    "minutes_more": (
        "+{n} more in the workbook (Suggestions tab, red and yellow cells of each tab).",
        "另有 {n} 项见工作簿（优化建议页及各页红黄灯）。",
    ),
    "minutes_no_findings": (
        "No red or yellow KPI and no rule fired.",
        "没有红灯、黄灯指标，也没有触发规则。",
    ),
    "minutes_gains": ("4. What brought gains", "4. 哪些带来了增长"),
    "minutes_gains_none": (
        "Nothing grew against the comparison period.",
        "与对比期相比没有增长项。",
    ),
    "minutes_better": ("Also better: {kpis}.", "其他改善的指标：{kpis}。"),
    "minutes_next": (
        "5. The three next actions, by money at stake",
        "5. 下一步最重要的三项行动（按涉及金额）",
    ),
    "minutes_next_none": ("No action proposed.", "没有建议的行动。"),
    "minutes_who": ("who?", "谁负责？"),
    "minutes_by": ("by {day}?", "{day} 前？"),
    "minutes_follow_up": (
        "{action}; follows up {id} ({status})",
        "{action}；跟进 {id}（{status}）",
    ),
    "minutes_new_more": (
        "+{n} more new actions in the Actions tab.",
        "另有 {n} 项新行动见行动项页。",
    ),
    "minutes_since": ("Changed since the minutes of {day}", "自 {day} 的纪要以来的变化"),
    "minutes_since_new": ("{id} new: {action} ({owner})", "{id} 新增：{action}（{owner}）"),
    "minutes_since_status": (
        "{id} {was} → {now}: {action} ({owner})",
        "{id} {was} → {now}：{action}（{owner}）",
    ),
    "minutes_none": ("none", "无"),
    "minutes_trend": ("Weekly sales (bars) and ACoS (line)", "周销售额（柱）与 ACoS（线）"),
    # --- end of the minutes' block ---
    # --- the command line (issue 14): success lines and the error mapper's words ---
    "cli_error": ("Error: {message}", "错误：{kind}。{message}"),
    "cli_error_FupanError": ("The command did not finish", "操作未完成"),
    "cli_error_UsageError": ("A command-line value is wrong", "命令参数有误"),
    "cli_error_ReportError": ("A report cannot be used", "报表无法使用"),
    "cli_error_ImportFailedError": (
        "Import failed; nothing was imported",
        "报表导入失败，本次未导入任何数据",
    ),
    "cli_error_StoreError": (
        "The history store cannot be opened or written",
        "历史数据库无法打开或写入",
    ),
    "cli_error_StoreLockedError": (
        "Another process holds the history store",
        "历史数据库正被另一个进程占用",
    ),
    "cli_error_OverlapError": (
        "The import would double count rows",
        "导入会重复计算无法按日期拆分的数据",
    ),
    "cli_error_WorkspaceError": ("No fupan workspace here", "工作区不存在，或不是 fupan 工作区"),
    "cli_error_WorkbookError": ("The workbook cannot be read or written", "工作簿无法读取或写入"),
    "cli_error_BusyError": (
        "Another fupan run is using the file",
        "另一个 fupan 任务正在使用该文件",
    ),
    "cli_error_ChangedError": (
        "Someone else saved the file; fupan did not overwrite it",
        "文件已被他人保存，fupan 没有覆盖",
    ),
    "cli_error_TargetError": ("The spreadsheet refused", "表格拒绝了该操作"),
    "cli_error_AuthError": (
        "Credentials are missing, expired or lack access",
        "凭证缺失、已过期或没有权限",
    ),
    "cli_error_LeaseError": ("Someone else is refreshing the same sheet", "其他人正在刷新同一张表"),
    "cli_error_ActionSyncError": ("The action tracker cannot be synchronised", "行动项无法同步"),
    "cli_minutes_done": (
        "Minutes: {path}\nSnapshot of the reviewed workbook: {snapshot}",
        "复盘纪要：{path}\n会议所用工作簿快照：{snapshot}",
    ),
    "cli_review_of": ("Review of {period}", "复盘 {period}"),
    "cli_against": (" against {compare}", "（对比期 {compare}）"),
    "cli_comparison_empty": (
        " (no data in the comparison period: changes are n/a)",
        "（对比期没有数据：无法计算变化）",
    ),
    "cli_review_counts": (
        ": {reds} red and {yellows} yellow KPI values, {suggestions} proposed actions, "
        "{overdue} overdue action(s).",
        "：红灯 {reds} 项、黄灯 {yellows} 项，建议行动 {suggestions} 项，逾期行动项 {overdue} 项。",
    ),
    "cli_workspace_ready": (
        "Workspace ready in {root}: drop downloaded reports into {reports}, then run "
        "`fupan sync --workspace {root}`; the review workbook is {workbook}.",
        "工作区已建好：{root}。把下载的报表放进 {reports}，然后运行 "
        "`fupan sync --workspace {root}`；复盘工作簿是 {workbook}。",
    ),
    "cli_demo_reports": ("{n} sample reports in {folder}", "示例报表 {n} 份：{folder}"),
    "cli_review_workbook": ("Review workbook: {path}", "复盘工作簿：{path}"),
    "cli_google_sheet": ("Google Sheet: {url}", "Google 表格：{url}"),
    "cli_importing": ("Importing reports", "正在导入报表"),
    "cli_dry_run": ("Dry run: nothing was written.", "试运行：没有写入任何内容。"),
    "cli_imported": ("imported {file}: {rows} rows", "已导入 {file}：{rows} 行"),
    "cli_wrote": ("Wrote {where}", "已写入 {where}"),
    "cli_shared_tracker": ("Shared action tracker: {text}", "共享行动项表：{text}"),
    # --- end of the command line's block ---
    # --- values the workbook shows, in the workbook's language (issue 14, item 5) ---
    "available": ("Available", "可售"),
    "amazon_status": ("Amazon status", "亚马逊评级"),
    "match_type": ("Match type", "匹配类型"),
    "match_EXACT": ("Exact", "精准匹配"),
    "match_PHRASE": ("Phrase", "词组匹配"),
    "match_BROAD": ("Broad", "广泛匹配"),
    "health_GOOD": ("Good", "良好"),
    "health_FAIR": ("Fair", "一般"),
    "health_POOR": ("Poor", "差"),
    "health_AT_RISK": ("At risk", "有风险"),
    "health_CRITICAL": ("Critical", "危急"),
    "health_GREAT": ("Great", "很好"),
    "health_WARNED": ("At risk", "有风险"),
    "health_odr_afn": ("Order defect rate (FBA)", "订单缺陷率（ODR，亚马逊配送）"),
    "health_odr_mfn": ("Order defect rate (seller-fulfilled)", "订单缺陷率（ODR，卖家自配送）"),
    "health_on_time_delivery_rate": ("On-time delivery rate", "准时交货率"),
    "health_invoice_defect_rate": ("Invoice defect rate", "发票缺陷率"),
    "rule_needs_data": ("needs data fupan does not have yet", "缺少所需数据，暂不判断"),
    "updated_at": ("Updated at", "更新时间"),
    "updated_by": ("Updated by", "更新人"),
    # --- end of the workbook values' block ---
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
    "harvest": ("harvest to exact", "出单词开精准"),
    "note": ("Notes", "备注"),
    "metric": ("Metric", "指标"),
    "value": ("Value", "数值"),
    "target": ("Target", "目标"),
    "window": ("Window", "统计区间"),
    # inventory
    "daily_units": ("Daily units", "日均销量"),
    "inbound": ("Inbound", "在途+入库中"),
    "lead_time": ("Lead time (days)", "采购+头程周期(天)"),
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
    "default_lead_time": ("Default lead time (days)", "默认采购+头程周期(天)"),
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
    "unit_cost": ("Unit cost", "采购单价"),
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
    # --- Review look (issue 14): the ranked, machinery-free workbook ---------------------------
    # One block, both languages; Chinese as Seller Central and Chinese seller teams say it
    # (glossary-zh.md).
    # scopes: what a suggestion or a finding is about
    "scope_asin": ("ASIN", "ASIN"),
    "scope_sku": ("SKU", "SKU"),
    "scope_campaign": ("Campaign", "广告活动"),
    "scope_ad_group": ("Ad group", "广告组"),
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
    "our_status": ("Status (against Settings)", "状态（对照设置）"),
    "amazon_target": ("Amazon's target", "亚马逊目标"),
    "orders_counted": ("Defects / orders", "缺陷数 / 订单数"),
    "health_note": (
        "Each metric coloured against its band in Settings; Amazon's own target and status "
        "beside it.",
        "各项指标按设置中的区间着色；旁边是亚马逊自己的目标与状态。",
    ),
    # inventory and ads columns
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
    "orders": ("Orders", "订单"),
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
    # actions
    "why_1": ("Why? (1)", "为什么？(1)"),
    "why_2": ("Why? (2)", "为什么？(2)"),
    "why_3": ("Why? (3)", "为什么？(3)"),
    "why_4": ("Why? (4)", "为什么？(4)"),
    "why_5": ("Why? (5)", "为什么？(5)"),
    "daily_budget": ("Daily budget", "每日预算"),
    "budget_use": ("Budget used", "预算使用率"),
    "period_days": ("Days in the period", "本期天数"),
    "provisional_legend": (
        "Grey italics: provisional ads figures (attributed sales still restated by Amazon).",
        "灰色斜体：广告数据为暂定值（亚马逊仍在修正归因销售额）。",
    ),
}


def t(key: str, lang: str, **fmt: object) -> str:
    en, zh = LABELS[key]
    text = zh if lang == "zh" else en
    return text.format(**fmt) if fmt else text


def shown(prefix: str, value: str, lang: str) -> str:
    """A value from a report or the engine (EXACT, GOOD ...) as the workbook's language says
    it: the label `<prefix>_<value>`, else the value as it came."""
    key = f"{prefix}_{value}"
    return t(key, lang) if key in LABELS else value


def scope_label(scope: str, lang: str) -> str:
    """What a KPI value or a finding is about (account, asin, campaign ...), as people say it."""
    key = f"scope_{scope}"
    return t(key, lang) if key in LABELS else scope


def status_label(status: str, lang: str) -> str:
    """An action's status as the sheet shows it (the stored value stays the English key); a
    status the team typed by hand, as typed."""
    key = "status_" + status.replace(" ", "_")
    return t(key, lang) if key in LABELS else status
