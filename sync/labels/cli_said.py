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
    "say:google_signed_in": (
        'Signed in. The login is saved in "{path}", readable by you only.',
        "已登录。登录信息保存在“{path}”，只有你能读取。",
    ),
    "say:google_share": (
        "Share each sheet fupan should edit with that Google account, as Editor.",
        "请把 fupan 要编辑的每张表格共享给该 Google 账号，权限设为“编辑者”。",
    ),
    "say:google_share_with": (
        "Sheets must be shared (as Editor) with: {who}",
        "表格须共享给（权限为“编辑者”）：{who}",
    ),
    "say:google_removed": (
        'Removed the saved Google login "{path}".',
        "已删除保存的 Google 登录信息“{path}”。",
    ),
    "say:google_revoke": (
        "Google still lists fupan under your account's third-party access until you remove "
        "it at https://myaccount.google.com/permissions.",
        "在 https://myaccount.google.com/permissions 移除之前，Google 账号的第三方访问权限中"
        "仍会列出 fupan。",
    ),
    "say:google_none_to_remove": (
        'No saved Google login to remove ("{path}").',
        "没有可删除的 Google 登录信息（“{path}”）。",
    ),
    "say:google_no_login": (
        'No saved Google login ("{path}").',
        "没有保存的 Google 登录信息（“{path}”）。",
    ),
    "say:google_unreadable": (
        'The saved Google login "{path}" is unreadable: run `fupan auth logout`, then log in.',
        "保存的 Google 登录信息“{path}”无法读取：请运行 `fupan auth logout`，然后重新登录。",
    ),
    "say:google_saved": ('Saved Google login: "{path}"', "保存的 Google 登录信息：“{path}”"),
    "say:google_scopes": ("  scopes: {scopes}", "  授权范围：{scopes}"),
    "say:google_unknown": ("unknown", "未知"),
    "say:google_refresh_ok": ("  refresh token: present", "  刷新令牌：已保存"),
    "say:google_refresh_missing": (
        "  refresh token: MISSING: log in again",
        "  刷新令牌：缺失，请重新登录",
    ),
    "say:google_access": ("  access token: {state}", "  访问令牌：{state}"),
    "say:google_token_none": ("none (one is fetched on next use)", "无（下次使用时获取）"),
    "say:google_token_unknown": ("unknown expiry", "有效期未知"),
    "say:google_token_valid": ("valid until {stamp}", "有效期至 {stamp}"),
    "say:google_token_expired": (
        "expired {stamp} (renewed on next use)",
        "已于 {stamp} 过期（下次使用时自动续期）",
    ),
    "say:google_permissions": (
        '  permissions: {mode}, readable by others: run chmod 600 "{path}"',
        '  文件权限：{mode}，其他用户可读：请运行 chmod 600 "{path}"',
    ),
    "say:google_service_account": (
        "Service account {who}{where}.",
        "服务账号 {who}{where}。",
    ),
    "say:google_oauth": ("OAuth login of {who}{where}.", "{who} 的 OAuth 登录{where}。"),
    "say:google_from": (' from "{path}" ({origin})', "，来自“{path}”（{origin}）"),
    "say:google_origin_login": ("saved by `fupan auth login`", "由 `fupan auth login` 保存"),
    "say:google_origin_env": ("named by {name}", "由 {name} 指定"),
    "say:google_origin_option": ("given with --credentials", "由 --credentials 指定"),
    "say:google_your_account": ("your Google account", "你的 Google 账号"),
    "say:amazon_from_env": ("environment variables", "环境变量"),
    "say:amazon_from_file": ('"{file}"', "“{file}”"),
    "say:amazon_from_both": ('environment variables over "{file}"', "环境变量（优先于“{file}”）"),
    "say:amazon_from": ("Amazon credentials from {origin}:", "亚马逊凭据来自{origin}："),
    "say:amazon_sp": ("Selling Partner API", "卖家平台 API（SP-API）"),
    "say:amazon_ads": ("Amazon Ads API", "亚马逊广告 API"),
    "say:amazon_app": (
        "  {name}: app {app}, refresh token set",
        "  {name}：应用 {app}，已设置刷新令牌",
    ),
    "say:amazon_app_none": ("  {name}: not set up", "  {name}：未设置"),
    "say:amazon_profile": (
        "  Ads profile for {code}: {profile}",
        "  {code} 的广告配置文件：{profile}",
    ),
    "say:amazon_no_profiles": (
        "  Ads profiles: none chosen (run `fupan amazon login` again)",
        "  广告配置文件：未选择（请再次运行 `fupan amazon login`）",
    ),
    "say:amazon_ask_id": ("{name} LWA client id", "{name} 的 LWA 客户端编号"),
    "say:amazon_ask_secret": ("{name} LWA client secret", "{name} 的 LWA 客户端密钥"),
    "say:amazon_ask_token": ("{name} refresh token", "{name} 的刷新令牌"),
    "say:amazon_ask_profile": ("Ads profile for {code}", "{code} 的广告配置文件"),
    "say:amazon_saved": (
        'Saved in "{path}", readable by you only.',
        "已保存在“{path}”，只有你能读取。",
    ),
    "say:amazon_removed": (
        'Removed "{path}". Revoke the apps in Seller Central and the Ads console if you no '
        "longer use them.",
        "已删除“{path}”。如果不再使用，请在卖家平台和广告控制台中撤销这些应用的授权。",
    ),
    "say:amazon_none": (
        'No saved Amazon credentials ("{path}").',
        "没有保存的亚马逊凭据（“{path}”）。",
    ),
}
