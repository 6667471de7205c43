"""What the spreadsheet targets' errors say, en and zh: Google sign-in and credentials files
(targets/gsheets/auth.py, credential_files.py), Google Sheets and Drive (target.py,
snapshot.py, lease.py ...), and choosing a target (targets/registry.py, base.py). Names of
commands, files, fields and Google's own words are values, so they stay as typed."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # --- credentials files (credential_files.py) ---
    "err:g_origin_secrets": ("OAuth client secrets", "OAuth 客户端密钥"),
    "err:g_readme": ('the README section "{section}"', "说明文档 README 中的“{section}”一节"),
    "err:g_file": (
        'Google credentials file "{path}" ({origin})',
        "Google 凭证文件“{path}”（{origin}）",
    ),
    "err:g_file_missing": (
        "{where} does not exist. Fix the path, or see {readme}.",
        "{where}不存在。请改正路径，或参阅{readme}。",
    ),
    "err:g_file_folder": (
        "{where} is a folder. Name the JSON file itself.",
        "{where}是文件夹。请指定 JSON 文件本身。",
    ),
    "err:g_file_unreadable": (
        "{where} cannot be read ({reason}). Check the file.",
        "{where}无法读取（{reason}）。请检查该文件。",
    ),
    "err:g_unreadable": ("unreadable", "无法读取"),
    "err:g_file_not_json": (
        "{where} is not JSON. Download the key again, or run `{login}`.",
        "{where}不是 JSON 文件。请重新下载密钥，或运行 `{login}`。",
    ),
    "err:g_file_not_object": (
        "{where} is not a JSON object. {which}",
        "{where}不是 JSON 对象。{which}",
    ),
    "err:g_which_files": (
        "fupan takes a service-account JSON key or a login saved by `fupan auth login`; "
        "see {readme}.",
        "fupan 使用服务账号的 JSON 密钥，或 `fupan auth login` 保存的登录；参见{readme}。",
    ),
    "err:g_file_problem": ("{where} {problem}. {fix}", "{where}{problem}。{fix}"),
    "err:g_lacks": ("lacks {fields}", "缺少 {fields}"),
    "err:g_is_client_secrets": (
        "is an OAuth client secrets file, not a key or a login",
        "是 OAuth 客户端密钥文件，不是服务账号密钥，也不是登录",
    ),
    "err:g_login_once": (
        "Log in with it once: `fupan auth login --client-secrets {path}`, then run without "
        "pointing fupan at it.",
        "请先用它登录一次：`fupan auth login --client-secrets {path}`，之后运行时不必再指定它。",
    ),
    "err:g_no_field": ('has no "{field}" field', "没有“{field}”字段"),
    "err:g_kind": (
        'is of type "{kind}", which fupan does not use',
        "的类型是“{kind}”，fupan 不使用这种文件",
    ),
    "err:g_new_key": (
        "Download a new JSON key for the service account.",
        "请为该服务账号下载新的 JSON 密钥。",
    ),
    "err:g_bad_pem": (
        'has a "{field}" that is not a valid PEM RSA key',
        "中的“{field}”不是有效的 PEM RSA 密钥",
    ),
    "err:g_malformed": ("has malformed fields", "中有格式错误的字段"),
    "err:g_no_sheets_scope": (
        "was granted without access to Google Sheets",
        "授权时没有包含 Google Sheets 的访问权限",
    ),
    "err:g_login_again": ("Run `{login}` again.", "请重新运行 `{login}`。"),
    "err:g_no_credentials": (
        "No Google credentials are set up. Use one of:\n"
        "  1. a service account: create one with a JSON key, share the sheet with its e-mail "
        "as Editor, and pass the key with --credentials FILE or ${env};\n"
        "  2. your own Google account: run `{login}` once, with FILE the client secrets of an "
        "OAuth client of type Desktop app.\n"
        "See {readme}.",
        "尚未设置 Google 凭证。可任选一种：\n"
        "  1. 服务账号：新建服务账号及其 JSON 密钥，把表格以“编辑者”身份共享给它的邮箱，"
        "再用 --credentials FILE 或 ${env} 指定密钥；\n"
        "  2. 你自己的 Google 账号：运行一次 `{login}`，FILE 为“桌面应用”类型的 OAuth "
        "客户端密钥文件。\n"
        "参见{readme}。",
    ),
    # --- signing in (auth.py) ---
    "err:g_sa_refused": (
        "Google refused the service-account key of {email}{where} ({said}). The key may have "
        "been deleted or disabled, or this computer's clock is wrong: check the clock, or "
        "create a new JSON key for the account in the Cloud console and point fupan at it.",
        "Google 拒绝了服务账号 {email}{where}的密钥（{said}）。密钥可能已被删除或停用，"
        "也可能是本机时钟不准：请检查时钟，或在 Google Cloud 控制台为该账号新建 JSON 密钥，"
        "并让 fupan 使用它。",
    ),
    "err:g_in_file": (' in "{path}"', "（文件“{path}”）"),
    "err:g_saved_login_refused": (
        'Google refused the saved login ({said}), so fupan removed it from "{path}". Logins '
        "expire after 7 days while the app's OAuth consent screen is External and in Testing "
        "(make it Internal, or publish it), and when access is revoked. Run `{login}` again.",
        "Google 拒绝了已保存的登录（{said}），fupan 已把它从“{path}”删除。应用的 OAuth "
        "同意屏幕为“外部”且处于“测试”状态时，登录 7 天后过期（可改为“内部”，或发布应用）；"
        "撤销访问权限后登录也会失效。请重新运行 `{login}`。",
    ),
    "err:g_login_refused": (
        "Google refused {where} ({said}). Run `{login}` again.",
        "Google 拒绝了{where}（{said}）。请重新运行 `{login}`。",
    ),
    "err:g_login_in": ('the login in "{path}"', "“{path}”中的登录"),
    "err:g_the_login": ("the Google login", "Google 登录"),
    "err:g_unreachable": (
        "Cannot reach Google's sign-in server ({host}). Check the network connection.",
        "无法连接 Google 的登录服务器（{host}）。请检查网络连接。",
    ),
    "err:g_login_timeout": (
        "No answer from the browser within {minutes} minutes. Run the login again.",
        "浏览器在 {minutes} 分钟内没有回应。请重新登录。",
    ),
    "err:g_no_browser": (
        "No browser could be opened here. Run the login with --no-browser and open the "
        "address it prints (on another computer, forward the --port with {ssh}).",
        "这里无法打开浏览器。请加 --no-browser 重新登录，再打开它显示的地址"
        "（在另一台电脑上打开时，用 {ssh} 转发 --port 端口）。",
    ),
    "err:g_signin_failed": (
        "Google sign-in failed ({said}). Run the login again.",
        "Google 登录失败（{said}）。请重新登录。",
    ),
    "err:g_port": (
        "Cannot listen on local port {port} for Google's answer ({reason}). Choose another --port.",
        "无法在本机端口 {port} 上等待 Google 的回应（{reason}）。请换一个 --port。",
    ),
    "err:g_secrets_file": ('OAuth client secrets file "{path}"', "OAuth 客户端密钥文件“{path}”"),
    "err:g_download_desktop": (
        "In the Cloud console, create an OAuth client of type Desktop app and download its JSON.",
        "请在 Google Cloud 控制台新建“桌面应用”类型的 OAuth 客户端，并下载它的 JSON 文件。",
    ),
    "err:g_secrets_is_sa": (
        "{where} is a service-account key, which needs no login: pass it with --credentials "
        "or ${env}, and share the sheet with its e-mail.",
        "{where}是服务账号密钥，无需登录：请用 --credentials 或 ${env} 指定它，"
        "并把表格共享给它的邮箱。",
    ),
    "err:g_secrets_web": (
        "{where} is for a Web application. {download}",
        "{where}属于网页应用。{download}",
    ),
    "err:g_secrets_no_client": (
        '{where} has no "{field}" client. {download}',
        "{where}中没有“{field}”客户端。{download}",
    ),
    "err:g_secrets_lacks": (
        "{where} lacks {fields}. {download}",
        "{where}缺少 {fields}。{download}",
    ),
    # --- Google Sheets and Drive (target.py, snapshot.py, lease.py, staging.py, a1.py) ---
    "err:g_unreachable_sheets": (
        "Could not reach Google Sheets ({error}) after several tries; check the internet "
        "connection and run again. Nothing was half-written: a Google Sheet changes in one "
        "step or not at all.",
        "多次重试后仍无法连接 Google Sheets（{error}）；请检查网络连接后重新运行。"
        "表格没有被写到一半：Google 表格要么一次写完，要么完全不变。",
    ),
    "err:g_no_sheet": (
        "No Google Sheet at {name}: check the address, or create the sheet and share it with "
        "fupan's Google identity.",
        "{name} 处没有 Google 表格：请检查地址，或新建该表格并共享给 fupan 使用的 Google 账号。",
    ),
    "err:g_not_accepted": (
        "Google did not accept fupan's credentials; run `fupan auth login` again or check "
        "the service-account key.",
        "Google 不接受 fupan 的凭证；请重新运行 `fupan auth login`，或检查服务账号密钥。",
    ),
    "err:g_refused": (
        "Google Sheets refused the request ({status}): {message}",
        "Google Sheets 拒绝了请求（{status}）：{message}",
    ),
    "err:g_cannot_edit": (
        "{who} cannot edit {name}: open the sheet, click Share, add {who} as Editor (untick "
        "Notify), then run again. Nothing was changed.",
        "{who} 无法编辑 {name}：请打开该表格，点击“共享”，把 {who} 添加为“编辑者”"
        "（取消勾选“通知”），然后重新运行。表格未做任何改动。",
    ),
    "err:g_account_fupan_uses": ("the Google account fupan uses", "fupan 使用的 Google 账号"),
    "err:g_edited_meanwhile": (
        "Someone edited {name} after fupan read it, so fupan did not overwrite it: nothing is "
        "lost. Run the same command again to include that edit.",
        "fupan 读取 {name} 之后有人编辑了它，因此 fupan 没有覆盖：没有任何内容丢失。"
        "请再次运行同一命令，把这次编辑一并纳入。",
    ),
    "err:g_too_many_cells": (
        "This review needs {ours:,} cells and the team's own tabs hold {theirs:,}: over "
        "Google's limit of {limit:,} cells per spreadsheet. Review a shorter period "
        "(--period), trim the team's tabs, or write this review to an .xlsx file "
        "(--workbook) instead. Nothing was changed.",
        "本次复盘需要 {ours:,} 个单元格，团队自己的工作表已占 {theirs:,} 个：超过 Google "
        "每个表格 {limit:,} 个单元格的上限。请缩短复盘期间（--period）、精简团队的工作表，"
        "或改为写入 .xlsx 文件（--workbook）。表格未做任何改动。",
    ),
    "err:g_setup_too_large": (
        "The review's colour rules, charts and tab settings alone are too large for one Google "
        "Sheets request; review a shorter period (--period).",
        "仅复盘的条件格式、图表和工作表设置就超出了一次 Google Sheets 请求的上限；"
        "请缩短复盘期间（--period）。",
    ),
    "err:g_bad_a1": (
        '"{ref}" is not an A1 reference fupan can write to Google Sheets.',
        "“{ref}”不是 fupan 能写入 Google Sheets 的 A1 单元格引用。",
    ),
    "err:g_bad_address": (
        '"{sheet}" is not a Google Sheet URL or id; copy the address from the browser ({example}).',
        "“{sheet}”不是 Google 表格的网址或 ID；请从浏览器复制地址（{example}）。",
    ),
    "err:g_leased": (
        "Another refresh is writing this Google Sheet: {holder}. Wait for it to finish and run "
        "again (or pass --wait SECONDS to queue behind it); a crashed run's lease expires by "
        "itself.",
        "另一次刷新正在写入这张 Google 表格：{holder}。请等它完成后重新运行（或用 --wait SECONDS "
        "排队等候）；中途崩溃的运行所占用的锁会自行过期。",
    ),
    "err:g_drive_quota": (
        "Google does not let a service account own files in My Drive, so it cannot copy "
        "{name} as the meeting's snapshot. Pass --snapshot-folder with the id of a folder in "
        "a Shared Drive where the service account is a Content manager, or sign in as a "
        "person with `fupan auth login`. The minutes were not written.",
        "Google 不允许服务账号在“我的云端硬盘”中拥有文件，因此无法复制 {name} 作为会议快照。"
        "请用 --snapshot-folder 指定共享云端硬盘中一个文件夹的 ID（该服务账号须为“内容管理员”），"
        "或用 `fupan auth login` 以个人账号登录。纪要未写入。",
    ),
    "err:g_drive_refused_access": (
        "Google Drive refused to copy {name} ({status}): the identity fupan uses needs edit "
        "access to the sheet (and to --snapshot-folder).",
        "Google Drive 拒绝复制 {name}（{status}）：fupan 使用的账号需要该表格"
        "（以及 --snapshot-folder）的编辑权限。",
    ),
    "err:g_drive_refused": (
        "Google Drive refused to copy {name} ({status}): {error}",
        "Google Drive 拒绝复制 {name}（{status}）：{error}",
    ),
    # --- choosing a target (registry.py, base.py) ---
    "err:target_no_snapshot": (
        "{name} cannot be copied as the meeting's snapshot.",
        "{name} 无法复制为会议快照。",
    ),
    "err:target_no_kind": (
        'fupan has no "{kind}" target; it writes {names}.',
        "fupan 没有“{kind}”这种写入目标；它能写入：{names}。",
    ),
    "err:target_unknown": (
        "fupan cannot write the review to {where!r}; it writes {names}.",
        "fupan 无法把复盘写入 {where!r}；它能写入：{names}。",
    ),
}
