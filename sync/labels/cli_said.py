"""What the command line says when a command went well: imports, dry runs, the action
tracker, cost sheets and the Excel add-in, in English and Chinese."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "say:reading_reports": ("Reading reports", "正在读取报表"),
    "say:imported": (
        "{file}: {report}, {rows} rows, {replaced} replaced",
        "{file}：{report}，{rows} 行，替换 {replaced} 行",
    ),
    "say:already_imported": ("{file}: {report}, already imported", "{file}：{report}，此前已导入"),
    "say:would_import": (
        "would import {file}: {report}, {rows} rows",
        "将导入 {file}：{report}，{rows} 行",
    ),
    "say:language_en": ("English", "英文"),
    "say:language_zh": ("Chinese", "中文"),
    "say:plan": ("Workbook plan ({language}): {n} tabs", "工作簿计划（{language}）：{n} 个工作表"),
    "say:plan_tab": ("  {title}: {cells} cells{more}", "  {title}：{cells} 个单元格{more}"),
    "say:plan_hidden": (
        "  and {n} hidden tabs of data the formulas read: {cells} cells",
        "  另有 {n} 个隐藏的数据工作表（供公式读取）：{cells} 个单元格",
    ),
    "say:plan_tables": ("{n} table(s)", "{n} 个表格"),
    "say:plan_rules": ("{n} colour rule(s)", "{n} 条颜色规则"),
    "say:plan_charts": ("{n} chart(s)", "{n} 个图表"),
    "say:list_sep": (", ", "，"),
    "say:actions_merged": (
        "{added} added, {updated} updated, {conflicts} conflict(s), {archived} archived",
        "新增 {added} 项，更新 {updated} 项，冲突 {conflicts} 项，归档 {archived} 项",
    ),
    "say:actions_dry_run": ("Dry run, nothing written: {text}", "试运行，未写入任何内容：{text}"),
    "say:actions_conflict": (
        "  conflict {id} {field}: workbook {workbook}, shared {shared}",
        "  冲突 {id}「{field}」：工作簿为 {workbook}，共享表为 {shared}",
    ),
    "say:empty_value": ("(empty)", "（空）"),
    "say:costs_went": (
        "{rows} cost row(s) of {skus} SKU(s) went into Settings.",
        "{skus} 个 SKU 的 {rows} 行成本已写入“设置”。",
    ),
    "say:costs_would_go": (
        "{rows} cost row(s) of {skus} SKU(s) would go into Settings.",
        "{skus} 个 SKU 的 {rows} 行成本将写入“设置”。",
    ),
    "say:costs_refreshed": (" Review refreshed: {target}", "复盘已刷新：{target}"),
    "say:costs_uncosted": (
        "; {n} SKU(s) sold still have no cost (see {issues})",
        "；仍有 {n} 个已售 SKU 没有成本（见“{issues}”）",
    ),
    "say:addin_written": (
        "Wrote {path}. See docs/excel.md to install it in Excel.",
        "已写入 {path}。在 Excel 中安装的方法见 docs/excel.md。",
    ),
    "say:addin_installed": (
        "Installed {path}. Restart Excel, then import the functions (docs/excel.md).",
        "已安装 {path}。请重启 Excel，然后导入函数（见 docs/excel.md）。",
    ),
    "say:pulled": (
        "Requested {requested} report(s), collected {collected}, {pending} still being prepared"
        " by Amazon (collected by the next pull).",
        "已请求 {requested} 份报告，已取回 {collected} 份，亚马逊仍在生成 {pending} 份"
        "（下次拉取时取回）。",
    ),
    "say:pull_deferred": (
        "{n} request(s) wait for Amazon's rate limit: run the pull again later.",
        "{n} 个请求受亚马逊的频率限制而等待：请稍后再拉取一次。",
    ),
    "say:pull_cancelled": ("cancelled", "已取消"),
    "say:pull_failed": ("failed", "失败"),
    "say:pull_bad": ("  {state}: {report} {span}: {why}", "  {state}：{report} {span}：{why}"),
    "say:pull_settlements": (
        "{n} new settlement report(s) in amazon/settlements.",
        "amazon/settlements 中有 {n} 份新的结算报告。",
    ),
    "say:pull_note": ("  note: {note}", "  注意：{note}"),
}
