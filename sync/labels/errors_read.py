"""What the report readers say about a file's cells and columns, en and zh (raised as
`ReportError(path, msg("err:...", ...))`; the file, row and column are framed by
ReportError itself, sync/errors.py)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # --- columns (readers/base.py, extract.py) ---
    "err:lacks_columns": ("lacks the column(s) {names}", "缺少列 {names}"),
    "err:quoted": ('"{text}"', "“{text}”"),
    "err:list_sep": (", ", "、"),
    "err:fix_all_columns": (
        "Download the report again with all columns; fupan reads Amazon's own layout.",
        "请重新下载包含全部列的报表；fupan 读取的是亚马逊原始的报表格式。",
    ),
    "err:column_twice": (
        "the column appears {n} times (columns {letters}), so fupan cannot tell which one to read",
        "该列出现了 {n} 次（{letters}），fupan 无法判断该读取哪一列",
    ),
    "err:and": (" and ", "和 "),
    "err:column_letter": ("{letter}", "{letter} 列"),
    "err:fix_extra_column": (
        "Download the report again; if it was edited by hand, delete or rename the extra column.",
        "请重新下载报表；如果手动修改过，请删除或重命名多出的那一列。",
    ),
    # --- cells (readers/base.py, extract.py) ---
    "err:not_a": ('"{value}" is not {what}{more}', "“{value}”不是{what}{more}"),
    "err:what_number": ("a number", "数字"),
    "err:what_percent": ("a percentage", "百分比"),
    "err:what_date": ("a date", "日期"),
    "err:what_date_range": ("a date range", "日期范围"),
    "err:what_date_time": ("a date and time", "日期和时间"),
    "err:cell_empty": ("the cell is empty{more}", "单元格为空{more}"),
    "err:fix_fill_cell": (
        "Download the report again; if it was edited by hand, fill that cell.",
        "请重新下载报表；如果手动修改过，请填写该单元格。",
    ),
    "err:fix_all_its_columns": (
        "Download the report again with all its columns; fupan reads Amazon's own layout.",
        "请重新下载包含全部列的报表；fupan 读取的是亚马逊原始的报表格式。",
    ),
    "err:date_range_form": (
        'the "{column}" column is not "START - END"',
        "“{column}”列不是“开始 - 结束”的格式",
    ),
    "err:no_date_column": (
        'has neither "{day}" nor "{range}"',
        "既没有“{day}”列，也没有“{range}”列",
    ),
    "err:fix_date_column": (
        "Download the report again with a date column.",
        "请重新下载包含日期列的报表。",
    ),
    "err:cells_in_all": (" ({count} cells in all)", "（共 {count} 个单元格）"),
    "err:fix_cell": (
        "Download the report again; if it was edited by hand, fix that cell.",
        "请重新下载报表；如果手动修改过，请改正该单元格。",
    ),
    "err:fix_damaged_cell": (
        "The cell looks damaged; download the report again.",
        "该单元格似乎已损坏，请重新下载报表。",
    ),
    "err:dates_ambiguous": (
        'its dates (such as "{value}") read both day-first and month-first, and nothing in '
        "the file says which",
        "其中的日期（如“{value}”）既可按“日/月”也可按“月/日”理解，文件中没有任何信息能确定是哪一种",
    ),
    "err:fix_dates_ambiguous": (
        "Give the marketplace, whose order decides: --marketplace UK (day first) or "
        "--marketplace US (month first); a workspace uses its own.",
        "请指定站点，由站点决定日期顺序：--marketplace UK（日在前）或 --marketplace US"
        "（月在前）；工作区会使用它自己的站点。",
    ),
    "err:date_out_of_range": (
        'the date "{value}" is before 2000 or after 2100{more}',
        "日期“{value}”早于 2000 年或晚于 2100 年{more}",
    ),
    "err:row_short": (
        "the row ends after {present} of {width} values, so this column has no value in it",
        "该行只有 {width} 个值中的 {present} 个，因此这一列没有值",
    ),
    "err:fix_row_short": (
        "Download the report again; if the file was edited by hand, fill the row.",
        "请重新下载报表；如果手动修改过文件，请把这一行填完整。",
    ),
    "err:negative_count": (
        '"{value}" is a negative count{more}',
        "“{value}”是负数，不能作为数量{more}",
    ),
    "err:not_whole": ('"{value}" is not a whole number{more}', "“{value}”不是整数{more}"),
    "err:fix_decimal_comma": (
        "If the report writes 4.210 for four thousand two hundred and ten, it comes from a "
        "marketplace such as DE: give --marketplace DE (a workspace uses its own).",
        "如果报表把四千二百一十写成 4.210，说明它来自德国站这样的站点：请指定 "
        "--marketplace DE（工作区会使用它自己的站点）。",
    ),
    "err:count_too_large": (
        '"{value}" is more than a billion, which no report row counts{more}',
        "“{value}”超过十亿，任何报表行都不会有这么大的数量{more}",
    ),
    "err:money_too_large": (
        '"{value}" is beyond a hundred billion, which no report row holds{more}',
        "“{value}”超过一千亿，任何报表行都不会有这么大的金额{more}",
    ),
    "err:percent_outside": (
        '"{value}" is not between 0 and 100 %{more}',
        "“{value}”不在 0 到 100% 之间{more}",
    ),
    # --- the marketplace of a file (readers/market.py) ---
    "err:several_currencies": (
        "holds money in several currencies ({shown}); one report is one marketplace",
        "包含多种货币的金额（{shown}）；一份报表只能对应一个站点",
    ),
    "err:several_marketplaces": (
        "holds rows of several marketplaces ({shown})",
        "包含多个站点的行（{shown}）",
    ),
    "err:fix_one_marketplace": (
        "Download the report again for one marketplace.",
        "请按单个站点重新下载报表。",
    ),
    "err:market_clash": (
        "its {shown}, but it was given for the {code} marketplace ({currency}); fupan never "
        "adds one marketplace's numbers to another's",
        "其{shown}，但指定的是 {code} 站点（{currency}）；"
        "fupan 不会把一个站点的数字加到另一个站点上",
    ),
    "err:shown_dollars": ("money is in dollars", "金额为美元类货币"),
    "err:shown_currency": ("money is in {currency}", "金额为 {currency}"),
    "err:shown_country": (
        "rows are for the {country} marketplace",
        "行属于 {country} 站点",
    ),
    "err:fix_other_home": (
        "Import it into a workspace of its own marketplace (fupan init DIR{own}), or read it "
        "with{own}.",
        "请把它导入对应站点的工作区（`fupan init DIR{own}`），或用{own} 读取它。",
    ),
    "err:money_country_clash": (
        "its money is in {currency} but its rows are for {country} ({mine})",
        "其金额为 {currency}，但行属于 {country}（{mine}）",
    ),
    # --- the file itself (file_bytes.py) ---
    "err:kind_fifo": ("a named pipe (FIFO)", "命名管道（FIFO）"),
    "err:kind_device": ("a device", "设备文件"),
    "err:kind_socket": ("a socket", "套接字"),
    "err:kind_other": ("not a file", "非文件"),
    # --- text and workbook files that cannot be parsed (text_source.py, xlsx_source.py) ---
    "err:quote_never_closed": (
        "cannot be parsed as {kind}: a quoted value that starts in this row is never closed, so "
        "the file ends in the middle of a row",
        "无法按 {kind} 解析：从这一行开始的带引号的值没有结束引号，所以文件在一行的中间结束了",
    ),
    "err:fix_cut_or_damaged": (
        "The file was cut short or damaged; download it again.",
        "文件不完整或已损坏，请重新下载。",
    ),
    "err:row_width": (
        "cannot be parsed as {kind}: the row has {seen} values but the header has {width}; a "
        "value probably holds an unquoted {name}",
        "无法按 {kind} 解析：该行有 {seen} 个值，但表头有 {width} 个；"
        "可能某个值中含有未加引号的{name}",
    ),
    "err:sep_tab": ("tab", "制表符"),
    "err:sep_comma": ("comma", "逗号"),
    "err:sep_semicolon": ("semicolon", "分号"),
    "err:fix_quote_value": (
        "Download the report again; if the file was edited by hand, put that value in double "
        'quotes ("...").',
        '请重新下载报表；如果手动修改过文件，请给该值加上双引号（"..."）。',
    ),
    "err:cannot_parse": ("cannot be parsed as {kind} ({first})", "无法按 {kind} 解析（{first}）"),
    "err:fix_damaged_or_cut": (
        "The file looks damaged or cut short; download it again.",
        "文件似乎已损坏或不完整，请重新下载。",
    ),
    "err:stray_quote": (
        "cannot be parsed as {kind}: the double quotes in this row do not pair up, so a value "
        'probably holds a stray "',
        '无法按 {kind} 解析：这一行的双引号不成对，可能某个值中多了一个 "',
    ),
    "err:fix_row": (
        "Download the report again; if the file was edited by hand, fix that row.",
        "请重新下载报表；如果手动修改过文件，请改正这一行。",
    ),
    "err:unpacks_too_large": (
        "would unpack to {size} in {parts} parts, more than the {limit} fupan opens; it was not "
        "opened",
        "解压后为 {size}（{parts} 个部分），超过 fupan 打开的上限 {limit}；因此没有打开",
    ),
    "err:fix_not_amazon_download": (
        "This is not an Amazon download (or a damaged one); download the report again.",
        "这不是从亚马逊下载的文件（或已损坏），请重新下载报表。",
    ),
    "err:sheet_too_large": (
        "its sheet spans {rows} rows and {cols} columns, more than the {cells} cells fupan "
        "opens; it was not opened",
        "其工作表有 {rows} 行、{cols} 列，超过 fupan 打开的上限 {cells} 个单元格；因此没有打开",
    ),
    # --- reports without dates, cost sheets (ads.py, _snapshot.py, costs.py) ---
    "err:no_ads_dates": (
        'has neither a "{day}" nor a "{start}" column',
        "既没有“{day}”列，也没有“{start}”列",
    ),
    "err:fix_ads_daily": (
        "Download the report again from the Ads console (time unit Daily or Summary).",
        "请从广告控制台重新下载报表（时间单位选“每日”或“汇总”）。",
    ),
    "err:stock_undated": (
        "has no date, and no day was given to count its stock on",
        "没有日期，也没有指定库存统计的日期",
    ),
    "err:fix_stock_period": (
        "Pass --period (its end dates the stock).",
        "请指定 --period（以其结束日期作为库存日期）。",
    ),
    "err:cost_no_header": (
        "has no header row with a SKU column and a cost column ({names}) in its first 30 rows: "
        "fupan cannot tell its costs",
        "前 30 行中没有包含 SKU 列和成本列（{names}）的表头行：fupan 无法读出其中的成本",
    ),
    "err:cost_not_workbook": (
        "cannot be opened as a workbook: {why}",
        "无法作为工作簿打开：{why}",
    ),
    "err:cost_encoding": (
        "is neither UTF-8 nor GB18030 text",
        "既不是 UTF-8 文本，也不是 GB18030 文本",
    ),
    "err:cost_format": (
        "a cost sheet is an .xlsx or .csv file",
        "成本表须为 .xlsx 或 .csv 文件",
    ),
    # --- a business report without dates (business_report.py) ---
    "err:lacks_date_column": ("has no date column", "没有日期列"),
    "err:fix_give_period": (
        "Pass --period {example} (the days the report covers).",
        "请指定 --period {example}（报表覆盖的日期）。",
    ),
    # --- account health (seller_performance.py) ---
    "err:health_other_market": (
        "holds the account health of {others}, but it was given for the {given} marketplace",
        "包含的是 {others} 的账户状况，但指定的是 {given} 站点",
    ),
    "err:fix_health_other_market": (
        "Download the report for {given}, or import it into a workspace of its own marketplace "
        "(fupan init DIR --marketplace {own}).",
        "请下载 {given} 站点的报表，或把它导入对应站点的工作区"
        "（`fupan init DIR --marketplace {own}`）。",
    ),
    "err:health_left_out": (
        "the metrics of {others} were left out: this is the {given} marketplace's review",
        "已略去 {others} 的指标：这是 {given} 站点的复盘",
    ),
    "err:health_several": (
        "holds the account health of several marketplaces ({codes})",
        "包含多个站点的账户状况（{codes}）",
    ),
    "err:fix_health_several": (
        "Read it with --marketplace CODE, or into a workspace of one marketplace.",
        "请用 --marketplace 站点代码 读取，或导入单个站点的工作区。",
    ),
    # --- documents fupan pulls from Amazon (ads_api.py, sp_sales_traffic.py) ---
    "err:api_no_column": ('has no "{column}" column', "没有“{column}”列"),
    "err:fix_pull_again": (
        "Pull the report again with `fupan pull`.",
        "请用 `fupan pull` 重新拉取报表。",
    ),
    "err:fix_pull_report_again": ("Pull the report again.", "请重新拉取报表。"),
    "err:api_no_dates": (
        'has neither a "{day}" nor a "{start}" column',
        "既没有“{day}”列，也没有“{start}”列",
    ),
    "err:fix_pull_daily": (
        "Pull the report again with `fupan pull` (time unit DAILY).",
        "请用 `fupan pull` 重新拉取报表（时间单位 DAILY）。",
    ),
    "err:not_iso_date": (
        '"{value}" is not a date (YYYY-MM-DD)',
        "“{value}”不是日期（格式应为 YYYY-MM-DD）",
    ),
    "err:spec_no_dates": (
        'has no valid "{spec}" dates ({start}, {end})',
        "没有有效的“{spec}”日期（{start}、{end}）",
    ),
    "err:fix_pull_as_is": (
        "Pull the report again with `fupan pull`; fupan reads Amazon's document as is.",
        "请用 `fupan pull` 重新拉取报表；fupan 按亚马逊原样读取该文档。",
    ),
    "err:not_a_list": ('"{name}" is not a list', "“{name}”不是列表"),
    "err:what_plain_date": ('"{value}" is not a date', "“{value}”不是日期"),
    "err:health_count": (
        'the {name} count "{value}" is not a number',
        "{name} 的数量“{value}”不是数字",
    ),
    "err:health_date": (
        'the reporting date "{value}" is not a date between 2000 and 2100',
        "报告日期“{value}”不是 2000 年到 2100 年之间的日期",
    ),
    "err:no_header": ("(no header)", "（没有表头）"),
    # --- warnings and notes on a file that was read (Issues tab, `fupan check`) ---
    "err:no_rows": ("the report has no rows", "报表中没有数据行"),
    "err:settlement_no_lines": ("the settlement has no lines", "结算报告中没有明细行"),
    "err:snapshot_today": (
        "the report has no date; its stock is counted as of today ({day}). Pass --period to "
        "date it to the period's end instead",
        "报表没有日期；其库存按今天（{day}）计算。如需按时间段的结束日期计算，请指定 --period",
    ),
    "err:planning_today": (
        "the report has no snapshot date; its stock is counted as of today ({day}). Pass "
        "--period to date it to the period's end instead",
        "报表没有快照日期；其库存按今天（{day}）计算。如需按时间段的结束日期计算，请指定 --period",
    ),
    "err:fees_today": (
        "the fee preview has no date; its estimates are taken as of today ({day}). Pass "
        "--period to date them to the period's end instead",
        "费用预览没有日期；其预估按今天（{day}）计算。如需按时间段的结束日期计算，请指定 --period",
    ),
    "err:utf8_replaced": (
        "{cut} byte sequence(s) are not valid UTF-8 (text cut inside a character); they read "
        "as \ufffd",
        "有 {cut} 处字节不是有效的 UTF-8（文字在字符中间被截断）；这些位置显示为 \ufffd",
    ),
    "err:not_utf8": (
        "the file is not UTF-8; it was decoded as {label}. If names look wrong, download the "
        "report again instead of re-saving it in Excel",
        "文件不是 UTF-8 编码，已按 {label} 解码。如果名称显示不对，请重新下载报表，"
        "不要在 Excel 中另存",
    ),
    "err:encoding_gb18030": ("GB18030 (Chinese Windows)", "中文 Windows 编码 GB18030"),
    "err:encoding_cp932": ("{name}", "日文 Windows 编码 {name}"),
    "err:no_final_break": (
        "the file does not end with a line break, so its last row may have been cut short; if "
        "its numbers look low, download the report again",
        "文件末尾没有换行，最后一行可能不完整；如果数字看起来偏低，请重新下载报表",
    ),
    "err:wrong_extension": (
        'the file is {kind} although its name ends in "{suffix}"; it was read by its content',
        "文件实际是 {kind} 格式，但文件名以“{suffix}”结尾；已按其内容读取",
    ),
    "err:no_suffix": ("(nothing)", "（无）"),
    "err:control_chars": (
        "{n} cell(s) held control characters (such as NUL or a vertical tab) that no "
        "spreadsheet can hold; they were taken out, the rest of the text was kept",
        "有 {n} 个单元格含有表格无法保存的控制字符（如空字符或垂直制表符）；"
        "已去掉这些字符，其余文字保留",
    ),
    "err:skipped": ("skipped: {problem}", "已跳过：{problem}"),
    "err:no_attribution": (
        'no "{column}" column; attributed sales are missing',
        "没有“{column}”列；缺少归因销售额",
    ),
    "err:money_types_unknown": (
        "transaction types fupan does not know are counted as other fees: {types}",
        "fupan 无法识别的交易类型按其他费用计入：{types}",
    ),
    "err:money_total_mismatch": (
        "{n} line(s) have a total that is not the sum of their amounts (a column fupan does "
        "not read?); totals are taken as written",
        "有 {n} 行的总计不等于各项金额之和（可能有 fupan 不读取的列）；总计按报表所写计入",
    ),
    "err:settlement_no_window": (
        "the settlement's summary row (row 2: start and end date) is missing or unreadable, so "
        "fupan cannot tell which days it covers in full; its lines count only on days no Date "
        "Range report covers",
        "结算报告的汇总行（第 2 行：开始和结束日期）缺失或无法读取，fupan 无法判断它完整覆盖"
        "哪些日期；其明细只计入没有日期范围报告覆盖的日期",
    ),
    "err:cost_unreadable": (
        "SKU {sku}: {cells} cannot be read as a number or a day; the row is left out (its SKU "
        "keeps the costs Settings already has)",
        "SKU {sku}：{cells}无法识别为数字或日期；该行未导入（该 SKU 保留设置页中已有的成本）",
    ),
    "err:cost_cell": ('{column} "{value}"', "{column}“{value}”"),
    "err:cost_cell_empty": ("{column} (empty)", "{column}（空白）"),
}
