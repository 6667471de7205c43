"""The command line's help, en and zh: every command (`help:<command path>`) and option
(`help:<command path>:<option>`, or `help:*:<option>` for one shared by several commands),
and click's own words (`click:*`). sync/cli/help.py reads them; a command or option without
its entry fails tests/test_cli_help.py."""

from __future__ import annotations

_WORKSPACE = (
    "Workspace folder (default: the one containing the current folder).",
    "工作区文件夹（默认：当前文件夹所在的工作区）。",
)
_CREDENTIALS = (
    "Service-account key (.json) for Google Sheets; default: $FUPAN_GOOGLE_CREDENTIALS, "
    "$GOOGLE_APPLICATION_CREDENTIALS, or the login of `fupan auth login`.",
    "Google 表格所用的服务账号密钥（.json）；默认：$FUPAN_GOOGLE_CREDENTIALS、"
    "$GOOGLE_APPLICATION_CREDENTIALS，或 `fupan auth login` 保存的登录。",
)

LABELS: dict[str, tuple[str, str]] = {
    # --- click's own words ---
    "click:usage": ("Usage: ", "用法："),
    "click:options": ("Options", "选项"),
    "click:commands": ("Commands", "命令"),
    "click:options_metavar": ("[OPTIONS]", "[选项]"),
    "click:subcommand_metavar": ("COMMAND [ARGS]...", "命令 [参数]..."),
    "click:default": ("default: {value}", "默认：{value}"),
    "click:required": ("required", "必填"),
    "click:env": ("env var: {var}", "环境变量：{var}"),
    "help:*:help": ("Show this message and exit.", "显示本帮助并退出。"),
    "help:*:version": ("Show the version and exit.", "显示版本号并退出。"),
    # --- options several commands share ---
    "help:*:workspace": _WORKSPACE,
    "help:*:credentials": _CREDENTIALS,
    "help:*:period": (
        "Days the reports cover, e.g. 2026-11-16..2026-11-22.",
        "报表覆盖的日期，例如 2026-11-16..2026-11-22。",
    ),
    "help:*:marketplace": (
        "US, UK (or GB), DE, JP ... (default: from the data).",
        "站点：US、UK（或 GB）、DE、JP ……（默认：从数据中识别）。",
    ),
    "help:*:gsheet": (
        "Write the review to this Google Sheet (share it with fupan's identity first).",
        "把复盘写入这张 Google 表格（请先把表格共享给 fupan 使用的账号）。",
    ),
    "help:*:wait": (
        "Seconds to wait when someone else is refreshing the Google Sheet.",
        "其他人正在刷新这张 Google 表格时，最多等待的秒数。",
    ),
    "help:*:dry_run": (
        "Print what would change; write nothing.",
        "试运行：只列出将会改动的内容，不写入任何东西。",
    ),
    "help:*:compare": ("Comparison period.", "对比期。"),
    "help:*:lang": ("Language: en (English) or zh (Chinese).", "语言：en（英文）或 zh（中文）。"),
    "help:*:fmt": ("Output format.", "输出格式。"),
    # --- fupan ---
    "help:fupan": (
        "fupan (复盘): your Amazon operations review in the spreadsheet you already use.",
        "fupan（复盘）：在你们已经在用的表格里完成亚马逊运营复盘。",
    ),
    "help:fupan:today": (
        "Run as of this day (what is overdue, which ad days are provisional); default: "
        "$FUPAN_TODAY or the system's date.",
        "按这一天运行（决定哪些行动项逾期、哪些天的广告数据仍是暂定值）；"
        "默认：$FUPAN_TODAY，或系统日期。",
    ),
    "help:fupan:lang": (
        "The language of fupan's messages and help: en (English) or zh (Chinese); "
        "default: the workspace's.",
        "命令行提示和帮助的语言：en（英文）或 zh（中文）；默认跟随工作区。",
    ),
    # --- reports ---
    "help:check": (
        "Name each report's type, marketplace, period and rows, and every problem found.\n\n"
        "Exits with 1 when any file cannot be used. Writes nothing.",
        "列出每份报表的类型、站点、日期范围和行数，以及发现的每个问题。\n\n"
        "有文件无法使用时以退出码 1 结束。不写入任何内容。",
    ),
    "help:check:supported": ("Supported reports", "支持的报表"),
    "help:import": (
        "Import reports (default: the workspace's reports/ inbox) into the history store.",
        "把报表（默认：工作区的 reports/ 收件箱）导入历史数据库。",
    ),
    "help:kpis": (
        "KPIs of report files or folders, or of the workspace's history when none are given."
        "\n\nRatios are fractions (ACoS 31.78 % is 0.3178); money is in the marketplace "
        "currency.",
        "计算报表文件或文件夹的 KPI；不指定报表时，计算工作区历史数据的 KPI。\n\n"
        "比率以小数表示（ACoS 31.78% 即 0.3178）；金额使用站点货币。",
    ),
    "help:kpis:lang": (
        "Language of the table: en (English) or zh (Chinese); default: the workspace's.",
        "表格的语言：en（英文）或 zh（中文）；默认为工作区的语言。",
    ),
    # --- workspace, demo, sync ---
    "help:init": (
        "Create a workspace: history store, report inbox and review workbook.",
        "新建工作区：历史数据库、报表收件箱和复盘工作簿。",
    ),
    "help:init:lang": (
        "Language of the workspace: its workbook and messages.",
        "工作区的语言（工作簿和提示信息）：en（英文）或 zh（中文）。",
    ),
    "help:demo": (
        "Build sample reports of a realistic seller and write a complete review workbook.\n\n"
        "With --gsheet the same review also goes to a Google Sheet.",
        "生成一个模拟卖家的示例报表，并写出完整的复盘工作簿。\n\n"
        "加上 --gsheet 时，同一份复盘也写入 Google 表格。",
    ),
    "help:demo:folder": ("Where to create the demo workspace.", "示例工作区的创建位置。"),
    "help:demo:lang": (
        "Language of the demo workspace.",
        "示例工作区的语言：en（英文）或 zh（中文）。",
    ),
    "help:sync": (
        "Import new reports and refresh the review workbook.\n\n"
        "Rewrites only fupan's ranges: Settings edits, Actions, notes and extra tabs are kept. "
        "With --gsheet the Google Sheet is the workbook the team edits; add --workbook to write "
        "an .xlsx copy of the same review in the same run.",
        "导入新报表并刷新复盘工作簿。\n\n"
        "只改写 fupan 自己的区域：团队在设置页的修改、行动项、批注和自建的工作表都会保留。"
        "加上 --gsheet 时，团队编辑的工作簿就是这张 Google 表格；"
        "同时加上 --workbook 可在同一次运行中另存一份 .xlsx 副本。",
    ),
    "help:sync:workbook": (
        "The review workbook (default: review.xlsx in the workspace).",
        "复盘工作簿（默认：工作区里的 review.xlsx）。",
    ),
    "help:sync:lang": ("Workbook language.", "工作簿语言：en（英文）或 zh（中文）。"),
    "help:sync:pull": (
        "First pull new reports from Amazon (`fupan pull`).",
        "先从亚马逊拉取新报表（`fupan pull`）。",
    ),
    "help:sync:workbooks": ("Workbooks fupan writes", "fupan 可写入的工作簿"),
    # --- actions ---
    "help:actions": (
        "The action tracker: keep the workbook's Actions tab and a shared tracker in step.",
        "行动项跟踪：让工作簿的行动项页与共享行动项表保持一致。",
    ),
    "help:actions sync": (
        "Three-way merge of both trackers: no edit is ever lost.\n\n"
        "A field changed on both sides is a conflict: both values are listed in the Conflicts "
        "tab until a person resolves it. Rows deleted on one side move to the Archive tab on "
        "both.",
        "三方合并两份行动项表：任何修改都不会丢失。\n\n"
        "两边都改过的字段是冲突：两个值都列在冲突页，直到有人处理。"
        "一边删除的行会移到两边的归档页。",
    ),
    "help:actions sync:workbook": (
        "The review workbook: .xlsx or Google Sheet (default: review.xlsx in the workspace).",
        "复盘工作簿：.xlsx 文件或 Google 表格（默认：工作区里的 review.xlsx）。",
    ),
    "help:actions sync:shared": (
        "The shared tracker: an .xlsx file (created when missing) or a Google Sheet URL.",
        "共享行动项表：.xlsx 文件（不存在时新建）或 Google 表格的 URL。",
    ),
    # --- minutes ---
    "help:minutes": (
        "Write the meeting's minutes (复盘纪要) and freeze the reviewed workbook.\n\n"
        "With --gsheet the minutes are of the meeting's Google Sheet, and the snapshot is a "
        "dated copy of it in Google Drive.",
        "写出本次会议的复盘纪要，并冻结所复盘的工作簿。\n\n"
        "加上 --gsheet 时，纪要取自会议所用的 Google 表格，快照是它在 Google Drive "
        "中带日期的副本。",
    ),
    "help:minutes:workbook": (
        "The reviewed workbook (default: review.xlsx in the workspace).",
        "所复盘的工作簿（默认：工作区里的 review.xlsx）。",
    ),
    "help:minutes:out": (
        "Where to write the minutes (default: minutes/minutes-<date>.<format>).",
        "纪要的保存位置（默认：minutes/minutes-<日期>.<格式>）。",
    ),
    "help:minutes:lang": (
        "Language (default: workbook's).",
        "语言：en（英文）或 zh（中文）（默认：与工作簿相同）。",
    ),
    "help:minutes:meeting": (
        "The day the meeting was held: the minutes' title and the snapshot's date (default: "
        "the run's day).",
        "开会的日期：用于纪要标题和快照日期（默认：运行当天）。",
    ),
    "help:minutes:gsheet": (
        "The meeting's Google Sheet, instead of --workbook.",
        "会议所用的 Google 表格（代替 --workbook）。",
    ),
    "help:minutes:snapshot_folder": (
        "Drive folder for the Google Sheet's snapshot copy (a Shared Drive folder for a "
        "service account).",
        "存放 Google 表格快照副本的 Drive 文件夹（服务账号须使用共享云端硬盘中的文件夹）。",
    ),
    # --- excel ---
    "help:excel": (
        'The Excel add-in: =AMZ_*() functions and the "Refresh data" ribbon button.',
        "Excel 加载项：=AMZ_*() 函数和功能区的“刷新数据”按钮。",
    ),
    "help:excel build": (
        "Build the fupan.xlam add-in (works on any OS; install it in Excel on Windows).",
        "生成 fupan.xlam 加载项（任何系统都可生成；在 Windows 的 Excel 中安装）。",
    ),
    "help:excel build:out": ("Where to write the add-in.", "加载项的保存位置。"),
    "help:excel build:lang": (
        "Language of the ribbon button.",
        "功能区按钮的语言：en（英文）或 zh（中文）。",
    ),
    "help:excel install": (
        "Install fupan.xlam into Excel's start-up folder (Windows, macOS).",
        "把 fupan.xlam 安装到 Excel 的启动文件夹（Windows、macOS）。",
    ),
    "help:excel install:lang": (
        "Language of the ribbon button.",
        "功能区按钮的语言：en（英文）或 zh（中文）。",
    ),
    # --- Google sign-in ---
    "help:auth": (
        "Google credentials for the Google Sheets target.",
        "写入 Google 表格所用的 Google 凭证。",
    ),
    "help:auth login": (
        "Sign in with your Google account and save the login for later runs.",
        "用你的 Google 账号登录，并保存登录供以后运行使用。",
    ),
    "help:auth login:client_secrets": (
        "The JSON of an OAuth client of type Desktop app, from the Google Cloud console.",
        "从 Google Cloud 控制台下载的桌面应用类型 OAuth 客户端 JSON 文件。",
    ),
    "help:auth login:no_browser": (
        "Print the sign-in address instead of opening a browser (for a computer without one).",
        "不打开浏览器，改为打印登录地址（用于没有浏览器的电脑）。",
    ),
    "help:auth login:port": (
        "Local port that receives Google's answer; 0 picks a free one. Fix it to forward it "
        "with ssh -L from another computer.",
        "接收 Google 回应的本地端口；0 表示自动选择空闲端口。"
        "需要从另一台电脑用 `ssh -L` 转发时，请指定固定端口。",
    ),
    "help:auth status": (
        "Which Google identity fupan would use, and the saved login. Does not contact Google.",
        "显示 fupan 将使用的 Google 账号和已保存的登录。不会连接 Google。",
    ),
    "help:auth status:credentials": (
        "Check this key or login file instead of the one fupan would find.",
        "检查这个密钥或登录文件，而不是 fupan 自动找到的那个。",
    ),
    "help:auth logout": (
        "Forget the saved login on this computer.",
        "删除本机保存的 Google 登录。",
    ),
    # --- costs ---
    "help:costs": (
        "Product costs (unit cost, first-leg freight, other cost per unit) for profit.",
        "用于计算利润的产品成本（采购单价、头程运费、其他单件成本）。",
    ),
    "help:costs import": (
        "Read a cost sheet (.xlsx or .csv; headers such as SKU, unit cost / 采购价 / 成本, "
        "freight / 头程, valid from / 生效日期) into Settings, then refresh the review.",
        "把成本表（.xlsx 或 .csv；表头如 SKU、采购价 / 成本、头程、生效日期）"
        "读入设置页，然后刷新复盘。",
    ),
    "help:costs import:workbook": (
        "The review workbook (default: the workspace's).",
        "复盘工作簿（默认：工作区的工作簿）。",
    ),
    "help:costs import:dry_run": (
        "Read the sheet and say what it holds; write nothing.",
        "只读取成本表并列出其内容，不写入任何东西。",
    ),
    # --- Amazon ---
    "help:amazon": (
        "Amazon credentials: Selling Partner API and Amazon Ads API.",
        "亚马逊凭证：卖家 API（SP-API）和亚马逊广告 API（Ads API）。",
    ),
    "help:amazon login": (
        "Check and save the credentials (readable by you only). Secrets are asked for, never "
        "taken as options, so they stay out of the shell history.",
        "检查并保存凭证（仅你本人可读）。密钥会单独询问，不作为选项传入，"
        "因此不会留在命令行历史中。",
    ),
    "help:amazon login:sp_client_id": (
        "LWA client id of your private SP-API app.",
        "你的私有 SP-API 应用的 LWA 客户端编号。",
    ),
    "help:amazon login:sp_refresh_token": (
        "Refresh token from 'Authorize app' in Seller Central.",
        "卖家平台中“授权应用程序”给出的刷新令牌。",
    ),
    "help:amazon login:ads_client_id": (
        "LWA client id of your Ads API app.",
        "你的 Ads API 应用的 LWA 客户端编号。",
    ),
    "help:amazon login:ads_refresh_token": (
        "Ads API refresh token (authorisation-code grant).",
        "Ads API 的刷新令牌（授权码方式获取）。",
    ),
    "help:amazon login:ads_profiles": (
        "Ads profile per marketplace, e.g. US=1234567890 (default: asked when there are several).",
        "各站点的广告配置文件，例如 US=1234567890（默认：有多个时逐一询问）。",
    ),
    "help:amazon login:skip_sp": ("Set up the Ads API only.", "只设置 Ads API。"),
    "help:amazon login:skip_ads": ("Set up the SP-API only.", "只设置 SP-API。"),
    "help:amazon status": (
        "Which Amazon apps and Ads profiles fupan would use (ids masked). Does not call Amazon.",
        "显示 fupan 将使用的亚马逊应用和广告配置文件（编号已遮盖）。不会连接亚马逊。",
    ),
    "help:amazon logout": (
        "Forget the saved Amazon credentials on this computer.",
        "删除本机保存的亚马逊凭证。",
    ),
    "help:pull": (
        "Request the reports fupan reads from Amazon and download the finished ones into the "
        "workspace's reports/ inbox. Run `fupan sync` (or `fupan sync --pull`) to import them.",
        "向亚马逊请求 fupan 读取的报表，并把已生成的报表下载到工作区的 reports/ 收件箱。"
        "然后运行 `fupan sync`（或 `fupan sync --pull`）导入。",
    ),
    "help:pull:since": (
        "Pull (again) from this day; default: what is missing, and the days Amazon may still "
        "restate.",
        "从这一天起（重新）拉取；默认：缺少的日期，以及亚马逊仍可能更新的日期。",
    ),
    "help:pull:markets": (
        "Marketplace(s) to pull (default: the workspace's).",
        "要拉取的站点（默认：工作区的站点）。",
    ),
    "help:pull:wait": (
        "Seconds to wait for reports requested now; the rest is collected next time.",
        "等待本次所请求报表的秒数；未完成的下次再取。",
    ),
}

# The Chinese of names written in English where they are defined: a report family's title
# (`Reader.title`, keyed `report:<reader class>`) and a kind of workbook's `about`
# (`kind:<name>`). Shipped ones without theirs fail tests/test_cli_help.py.
NAMES_ZH: dict[str, str] = {
    "report:SearchTermReport": "广告控制台：搜索词报告（SP、SB）",
    "report:AdvertisedProductReport": "广告控制台：推广的商品报告（SP、SD）",
    "report:TargetingReport": "广告控制台：投放报告（SP、SD）",
    "report:CampaignReport": "广告控制台：广告活动报告（SP .csv、SB、SD）",
    "report:AdsApiReport": "亚马逊广告 API 报告（JSON，来自 `fupan pull`）：SP、SB、SD 各层级",
    "report:NewConsoleReport": "广告控制台（2025/26 新格式）：推广的商品、投放、搜索词、广告活动",
    "report:BusinessReportByDate": "业务报告：按日期的销售量与访问量",
    "report:BusinessReportByAsin": "业务报告：详情页面上的销售量与访问量（按子商品）",
    "report:ManageFbaInventory": "管理亚马逊库存（API 文本文件或卖家平台 CSV）",
    "report:SellerFeedback": "买家反馈（差评和中评）",
    "report:InventoryPlanning": "FBA 库存（库存规划、库龄）",
    "report:AllOrders": "所有订单",
    "report:CustomerReturns": "FBA 买家退货",
    "report:SellerPerformance": "账户状况：卖家绩效报告（JSON）",
    "report:SalesTrafficByAsin": "SP-API：按子 ASIN 的销售与流量报告（JSON，来自 `fupan pull`）",
    "report:SalesTrafficByDate": "SP-API：按日期的销售与流量报告（JSON，来自 `fupan pull`）",
    "report:DateRangeTransactions": (
        "付款：日期范围报告之交易（CSV；英、德、法、意、西、日文及中文界面）"
    ),
    "report:SettlementV2": "结算报告文本文件，第 2 版（付款 → 所有结算）",
    "report:SettlementV1": "结算报告文本文件，第 1 版（GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE）",
    "report:FeePreview": "FBA 费用预览（每个 SKU 的预估费用；北美和欧洲格式）",
    "kind:memory": "`memory:`：只保存在内存中，运行结束即丢弃（用于测试）",
    "kind:gsheet": "Google 表格的 URL 或编号，通过服务账号或 `fupan auth login` 写入",
    "kind:excel": "在 Excel 中打开的工作簿，由加载项的“刷新数据”按钮触发",
    "kind:xlsx": ".xlsx 文件的路径（无需安装 Excel）",
}
