"""What fupan's errors say, en and zh: each message written once, with its values as
{placeholders} (raised as `FupanError(msg("err:...", name=value))`, sync/errors.py).
tests/test_error_texts.py checks that every key raised is here and Chinese."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # --- a report's place: file, row, column ---
    "err:report_where": ('Report "{file}"', "报表“{file}”"),
    "err:report_row": (", row {row}", "，第 {row} 行"),
    "err:report_column": (', column "{column}"', "，“{column}”列"),
    "err:report_problem": ("{where}: {problem}", "{where}：{problem}"),
    "err:report_fix": ("{text}. {fix}", "{text}。{fix}"),
    "err:import_refused": (
        "{n} of {total} file(s) cannot be used; nothing was imported:\n  {listing}",
        "{total} 个文件中有 {n} 个无法使用，本次未导入任何数据：\n  {listing}",
    ),
    "err:as_typed": ("{text}", "{text}"),
    # --- Settings cells that cannot be read (settings_issues.py) ---
    "err:settings_unreadable": (
        'Settings, cell {cell}: "{text}" typed for {what} cannot be read; it is kept as typed '
        "and {used} is used until it is changed to {expected}",
        "设置页 {cell} 单元格：{what}填写的“{text}”无法识别；已按原样保留，"
        "改为{expected}之前暂用 {used}",
    ),
    "err:settings_kpi": ("{en}", "{zh}"),
    "err:settings_what_value": ("{row}{category}", "“{row}”{category}"),
    "err:settings_what": ("{row} {field}{category}", "“{row}”的{field}{category}"),
    "err:settings_what_acos": (
        "the target ACoS of {ad_type}{category}",
        "{ad_type} 的目标 ACoS{category}",
    ),
    "err:settings_category": (" ({category})", "（{category}）"),
    "err:settings_used_empty": ("(empty)", "（空白）"),
    "err:settings_used_none": ("nothing (the row's costs)", "无（该行的成本不计入）"),
    "err:settings_expect_word": ("one of {a} or {b}", " {a} 或 {b} "),
    "err:settings_expect_day": ("a day (2026-10-01)", "日期（如 2026-10-01）"),
    "err:settings_expect_number": (
        "a number (a percentage as 25% or 0.25)",
        "数字（百分比可写成 25% 或 0.25）",
    ),
    # --- the workspace (workspace.py) ---
    "err:not_a_workspace": (
        '"{root}" is not a fupan workspace (no {config}); create one with `fupan init {root}`.',
        "“{root}”不是 fupan 工作区（没有 {config}）；请用 `fupan init {root}` 新建。",
    ),
    "err:workspace_toml": (
        '"{config}" is not valid TOML ({exc}); fix or delete it.',
        "“{config}”的格式有误（{exc}）；请修改或删除它。",
    ),
    "err:workspace_language": (
        '"{config}": language must be "en" or "zh", not "{lang}".',
        "“{config}”：语言只能是 en 或 zh，不能是“{lang}”。",
    ),
    "err:no_workspace": (
        'No fupan workspace at or above "{here}"; create one with `fupan init DIR` or pass '
        "--workspace DIR.",
        "“{here}”及其上级文件夹中没有 fupan 工作区；请用 `fupan init DIR` 新建，"
        "或用 --workspace 指定。",
    ),
    "err:language": (
        'Language must be "en" or "zh", not "{lang}".',
        "语言只能是 en 或 zh，不能是“{lang}”。",
    ),
    # --- periods (periods.py) ---
    "err:period_backwards": (
        "Period {start}..{end} ends before it starts; give START..END with START on or before END.",
        "时间段 {start}..{end} 的结束日期早于开始日期；请按 开始..结束 填写，开始不晚于结束。",
    ),
    "err:period_years": (
        "Period {start}..{end} reaches outside the years {first}-{last} fupan works with; give "
        "the days your reports cover, e.g. 2026-11-16..2026-11-22.",
        "时间段 {start}..{end} 超出了 fupan 支持的 {first}-{last} 年；"
        "请填写报表覆盖的日期，例如 2026-11-16..2026-11-22。",
    ),
    "err:period_form": (
        'Period "{text}" is not START..END; write it like 2026-11-16..2026-11-22.',
        "时间段“{text}”不是 开始..结束 的格式；请写成 2026-11-16..2026-11-22 这样。",
    ),
    "err:period_date": (
        'Period "{text}" has an impossible date ({exc}).',
        "时间段“{text}”中有不存在的日期（{exc}）。",
    ),
    "err:period_compare": (
        "Period {period} cannot be compared with {what}: that would start before {first}. "
        "Choose a later period, or leave the comparison out.",
        "时间段 {period} 无法与{what}对比：对比期会早于 {first}。请选择更晚的时间段，或不做对比。",
    ),
    "err:unknown_marketplace": (
        'Unknown marketplace "{code}"; use one of {known}.',
        "未知站点“{code}”；请使用以下之一：{known}。",
    ),
    "err:no_dated_data": (
        "There is no dated data to compute KPIs for; import reports first, or pass --period.",
        "没有带日期的数据可用于计算 KPI；请先导入报表，或指定 --period。",
    ),
    "err:unknown_comparison": (
        'Unknown comparison "{mode}"; use previous or yoy.',
        "未知的对比方式“{mode}”；请使用 `previous`（上一期）或 `yoy`（同比）。",
    ),
    "err:clock_env": (
        '${env} is "{text}", not a date; write it like 2026-11-23.',
        "${env} 的值“{text}”不是日期；请写成 2026-11-23 这样。",
    ),
    "err:several_markets_data": (
        "The data holds several marketplaces ({found}); pick one with --marketplace.",
        "数据中包含多个站点（{found}）；请用 --marketplace 选择其中一个。",
    ),
    "err:give_reports": (
        "Give report files or folders, or run inside a workspace.",
        "请指定报表文件或文件夹，或在工作区中运行。",
    ),
    # --- locks (locks.py) ---
    "err:lock_create": (
        '"{file}" cannot be written: its lock file "{lock}" cannot be created ({why}). Check '
        "the folder and its permissions. Nothing was changed.",
        "“{file}”无法写入：无法创建它的锁文件“{lock}”（{why}）。"
        "请检查该文件夹及其权限。没有做任何修改。",
    ),
    "err:lock_busy": (
        '"{file}" is being written by {who}; waited {wait} s. Run again when it has finished. '
        'Nothing was changed. (If no fupan is running there, the lock is stale: delete "{lock}".)',
        "“{file}”正在被 {who} 写入；已等待 {wait} 秒。请等它完成后再运行。没有做任何修改。"
        "（如果那里并没有 fupan 在运行，说明锁已失效：请删除“{lock}”。）",
    ),
    "err:lock_someone": ("another fupan run", "另一个 fupan 任务"),
    # --- the history store (store/opening.py) ---
    "err:store_wait": (
        '${env} is "{text}", not a number of seconds; write it like 30 (or 0 to fail at once '
        "when another process holds the store).",
        "${env} 的值“{text}”不是秒数；请写成 30 这样（写 0 表示历史数据库被占用时立即报错）。",
    ),
    "err:store_mode_read": ("read-only", "只读"),
    "err:store_mode_write": ("for writing", "写入"),
    "err:store_open_twice": (
        'The history store "{path}" is already open {mode} in this program, and DuckDB allows '
        "one way of opening it per program. Close that store first (leave its `with` block), "
        "then open it again.",
        "历史数据库“{path}”已在本程序中以{mode}方式打开，而 DuckDB 在一个程序中只允许"
        "一种打开方式。请先关闭它（退出其 `with` 代码块），再重新打开。",
    ),
    "err:store_holder_unknown": ("another process", "另一个进程"),
    "err:store_holder": ("process {pid} ({name})", "进程 {pid}（{name}）"),
    "err:store_held_writing": (
        "{who} has it open to import or sync",
        "{who}正在用它导入或同步",
    ),
    "err:store_held_reading": ("{who} has it open to read", "{who}正在读取它"),
    "err:store_waited": ("waited {wait} s; ", "已等待 {wait} 秒；"),
    "err:store_in_use": (
        'The history store "{path}" is in use: {what} ({waited}${env} sets how long fupan '
        "waits). {fix}{kill}.",
        "历史数据库“{path}”正被占用：{what}（{waited}等待时长由 ${env} 设置）。{fix}{kill}。",
    ),
    "err:store_fix_wait": (
        "Wait for it to finish, then run this command again",
        "请等它完成后再运行本命令",
    ),
    "err:store_fix_close": (
        "Commands that read (kpis, minutes, sync --dry-run) end by themselves; a Python session "
        "or notebook holding it must close it. Then run this command again",
        "读取数据的命令（kpis、minutes、sync --dry-run）会自行结束；"
        "占用它的 Python 会话或笔记本须先关闭它。然后再运行本命令",
    ),
    "err:store_kill": (
        " (if that process is stuck, stop it: kill {pid})",
        "（如果该进程卡住了，请结束它：`kill {pid}`）",
    ),
    "err:store_cannot_open": (
        'The history store "{path}" cannot be opened: {detail}. {fix}.',
        "历史数据库“{path}”无法打开：{detail}。{fix}。",
    ),
    "err:store_fix_readable": (
        "Ask whoever owns the workspace to make history.duckdb readable for you",
        "请让工作区的所有者给你 history.duckdb 的读取权限",
    ),
    "err:store_fix_writable": (
        "Importing needs write access to the workspace folder and its history.duckdb; commands "
        "that only read (kpis --workspace, sync --dry-run, minutes, check) work without it",
        "导入需要工作区文件夹及其 history.duckdb 的写入权限；"
        "只读取数据的命令（kpis --workspace、sync --dry-run、minutes、check）不需要",
    ),
    "err:store_fix_space": (
        "Free some space on that disk, then run the command again",
        "请清理该磁盘的空间，然后重新运行命令",
    ),
    "err:store_fix_damaged": (
        "If it is not a fupan history store (or is damaged), move it aside and restore it from "
        "a backup; without it fupan starts a new, empty history",
        "如果它不是 fupan 的历史数据库（或已损坏），请把它移开并从备份恢复；"
        "没有它时 fupan 会新建一个空的历史数据库",
    ),
    # --- report files (ingest/) ---
    "err:file_not_found": (
        "file not found",
        "找不到文件",
    ),
    "err:fix_check_path": (
        "Check the path.",
        "请检查路径。",
    ),
    "err:is_folder": (
        "is a folder, not a file",
        "是文件夹，不是文件",
    ),
    "err:cannot_read": (
        "cannot be read ({why})",
        "无法读取（{why}）",
    ),
    "err:not_regular": (
        "is {kind}, not a regular file, so it was not read",
        "是{kind}，不是普通文件，因此没有读取",
    ),
    "err:fix_give_the_file": (
        "Give fupan the downloaded report file itself.",
        "请把下载的报表文件本身交给 fupan。",
    ),
    "err:too_large": (
        "is {size}, more than the {limit} fupan reads from one file; no Amazon report download "
        "is that large",
        "大小为 {size}，超过 fupan 单个文件读取上限 {limit}；亚马逊的报表下载不会这么大",
    ),
    "err:fix_too_large": (
        "Check that this is the report you downloaded; split a very long date range into "
        "several downloads.",
        "请确认这是你下载的报表；日期范围很长时请分几次下载。",
    ),
    "err:encrypted": (
        "is a password-protected Excel workbook, which fupan cannot open",
        "是设有密码保护的 Excel 工作簿，fupan 无法打开",
    ),
    "err:fix_encrypted": (
        "Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with "
        "Password, clear it), save it as .xlsx and give fupan that file.",
        "请在 Excel 中打开并去掉密码（文件 > 信息 > 保护工作簿 > 用密码进行加密，清空密码），"
        "另存为 .xlsx 后再交给 fupan。",
    ),
    "err:xls": (
        "is an old Excel 97-2003 workbook (.xls), a format fupan does not read",
        "是旧版 Excel 97-2003 工作簿（.xls），fupan 不读取这种格式",
    ),
    "err:fix_xls": (
        "Open it in Excel and save it as .xlsx (Excel Workbook), or download the report again "
        "as .xlsx or .csv.",
        "请在 Excel 中打开并另存为 .xlsx（Excel 工作簿），或重新以 .xlsx 或 .csv 格式下载报表。",
    ),
    "err:ole": (
        "is an old Microsoft Office document, not a report download",
        "是旧版 Office 文档，不是下载的报表",
    ),
    "err:fix_download_again_amazon": (
        "Download the report again from Seller Central or the Ads console.",
        "请从卖家平台或广告控制台重新下载报表。",
    ),
    "err:binary": (
        "is a binary file, not a text report",
        "是二进制文件，不是文本报表",
    ),
    "err:empty": (
        "the file is empty",
        "文件是空的",
    ),
    "err:fix_download_again": (
        "Download the report again.",
        "请重新下载报表。",
    ),
    "err:markup": (
        "is a web page or an XML document, not a report download",
        "是网页或 XML 文档，不是下载的报表",
    ),
    "err:fix_markup": (
        "Download the report again as .csv, .txt or .xlsx; if you saved it from Excel, save it "
        "as .xlsx (Excel Workbook).",
        "请重新以 .csv、.txt 或 .xlsx 格式下载报表；"
        "如果是从 Excel 另存的，请存为 .xlsx（Excel 工作簿）。",
    ),
    "err:bad_json": (
        "is not valid JSON (line {line}, column {column}: {why})",
        "不是有效的 JSON（第 {line} 行第 {column} 列：{why}）",
    ),
    "err:fix_cut_short": (
        "The download was probably cut short; download it again.",
        "下载可能不完整，请重新下载。",
    ),
    "err:unknown_report": (
        "is not a report fupan knows (its header starts {header})",
        "不是 fupan 能识别的报表（表头开头为 {header}）",
    ),
    "err:fix_unknown_report": (
        "Run `fupan check --help` for the list of supported reports.",
        "运行 `fupan check --help` 查看支持的报表。",
    ),
    "err:bad_xlsx": (
        "is not a readable Excel workbook ({why})",
        "不是可读取的 Excel 工作簿（{why}）",
    ),
    "err:fix_resave_xlsx": (
        "Download it again; if it was opened and saved, save it as .xlsx.",
        "请重新下载；如果打开后保存过，请另存为 .xlsx。",
    ),
    "err:first_sheet_empty": (
        "the first sheet is empty",
        "第一个工作表是空的",
    ),
    "err:damaged_xlsx": (
        "starts like an Excel workbook, but its contents are damaged",
        "看起来是 Excel 工作簿，但内容已损坏",
    ),
    "err:ods": (
        "is an OpenDocument spreadsheet (.ods), not an Excel workbook",
        "是 OpenDocument 表格（.ods），不是 Excel 工作簿",
    ),
    "err:fix_ods": (
        "Open it and save it as .xlsx (Excel Workbook), or download the report again.",
        "请打开后另存为 .xlsx（Excel 工作簿），或重新下载报表。",
    ),
    "err:zip": (
        "is a zip archive, not an Excel workbook",
        "是 zip 压缩包，不是 Excel 工作簿",
    ),
    "err:fix_zip": (
        "Unzip it and give fupan the report files inside.",
        "请解压后把里面的报表文件交给 fupan。",
    ),
    "err:no_columns": (
        "has no columns (no tab, comma or semicolon in its first line)",
        "没有列（第一行中没有制表符、逗号或分号）",
    ),
    "err:fix_not_amazon": (
        "This is not an Amazon report download; check the file.",
        "这不是从亚马逊下载的报表，请检查文件。",
    ),
    "err:cut_short": (
        "the last row has {present} of {width} values: the file was cut short",
        "最后一行只有 {width} 个值中的 {present} 个：文件不完整",
    ),
    # --- the .xlsx workbook (targets/xlsx.py) ---
    "err:book_kept_changing": (
        '"{file}" kept changing while fupan read it; wait until it is saved and run again. '
        "Nothing was changed.",
        "fupan 读取“{file}”时它一直在变化；请等它保存完毕后再运行。没有做任何修改。",
    ),
    "err:book_unreadable": (
        '"{file}" cannot be read ({why}); check its permissions or pass another --workbook.',
        "“{file}”无法读取（{why}）；请检查它的权限，或用 --workbook 指定其他工作簿。",
    ),
    "err:book_not_xlsx": (
        '"{file}" is not a readable .xlsx workbook ({why}); move it away or pass another '
        "--workbook.",
        "“{file}”不是可读取的 .xlsx 工作簿（{why}）；请把它移开，或用 --workbook 指定其他工作簿。",
    ),
    "err:book_moved": ("was moved away or deleted", "被移走或删除了"),
    "err:book_created": ("was created by someone else (at {when})", "被其他人新建了（{when}）"),
    "err:book_saved": (
        "was saved by someone else or another fupan run (at {when})",
        "被其他人或另一个 fupan 任务保存过（{when}）",
    ),
    "err:book_changed": (
        '"{file}" {what} after fupan read it, so fupan did not overwrite it: nothing is '
        "lost. Run the same command again to include that change.",
        "“{file}”在 fupan 读取之后{what}，因此 fupan 没有覆盖它：没有丢失任何内容。"
        "再次运行同一命令即可纳入那次修改。",
    ),
    "err:book_open": (
        '"{file}" is open in a spreadsheet program ({lock} exists); close it and run the '
        "sync again. Nothing was changed.",
        "“{file}”正在表格软件中打开（存在 {lock}）；请关闭后重新同步。没有做任何修改。",
    ),
    "err:book_unwritable": (
        '"{file}" cannot be written ({why}); close it in Excel or check its permissions. '
        "Nothing was changed.",
        "“{file}”无法写入（{why}）；请在 Excel 中关闭它，或检查它的权限。没有做任何修改。",
    ),
    "err:book_unreplaceable": (
        '"{file}" cannot be replaced ({why}); close it in Excel and run again. Nothing was '
        "changed.",
        "“{file}”无法替换（{why}）；请在 Excel 中关闭它后重新运行。没有做任何修改。",
    ),
}
