"""The minutes' words, and those the command line shares with them."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
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
}
