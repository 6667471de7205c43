"""The command line's words: success lines and the error mapper's."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # --- the command line (issue 14): success lines and the error mapper's words ---
    "cli_error": ("Error: {message}", "错误：{kind}。{message}"),
    "cli_error_FupanError": ("The command did not finish", "操作未完成"),
    "cli_error_UsageError": ("A command-line value is wrong", "命令参数有误"),
    "cli_error_ReportError": ("A report cannot be used", "报表无法使用"),
    "cli_error_UnknownReportError": ("A file is no report fupan reads", "无法识别的报表文件"),
    "cli_error_MissingPeriodError": (
        "A report without dates needs --period",
        "报表没有日期列，需要用 --period 指定日期",
    ),
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
    "cli_error_AmazonError": ("Amazon refused", "亚马逊拒绝了请求"),
    "cli_error_AmazonAuthError": (
        "Amazon credentials are missing, refused or lack a role",
        "亚马逊凭证缺失、被拒绝或缺少所需角色",
    ),
    "cli_error_AmazonApiError": (
        "Amazon refused a request or kept failing",
        "亚马逊拒绝了请求，或多次重试后仍然失败",
    ),
    "cli_error_PullBudgetExceeded": (
        "Waiting for Amazon's rate limit would take too long",
        "等待亚马逊的调用频率限制耗时过长",
    ),
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
    "cli_checked": (
        "{file}: {report}, {marketplace}, {span}, {rows} rows{window}",
        "{file}：{report}，{marketplace}，{span}，{rows} 行{window}",
    ),
    "cli_no_dates": ("no dates", "无日期"),
    "cli_attribution": (", {days}-day attribution", "，{days} 天归因"),
    "cli_unusable": ("{file}: cannot be used", "{file}：无法使用"),
    "cli_finding": ("{severity}: {message}", "{severity}：{message}"),
    # --- end of the command line's block ---
}
