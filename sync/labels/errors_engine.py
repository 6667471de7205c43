"""What the review's findings say, en and zh (engine/build.py, money.py, profit.py,
pacing.py): each text written once, raised as `Finding.of(severity, code, msg(...))`.
The Chinese follows Seller Central's report names (docs: glossary-zh.md)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # --- the reports a finding names (by the table their rows went to) ---
    "finding:table_business_asin": ("Business Report (by ASIN)", "业务报告（按 ASIN）"),
    "finding:table_business_daily": ("Business Report (by date)", "业务报告（按日期）"),
    "finding:table_ads": ("advertising report", "广告报告"),
    "finding:table_returns": ("returns report", "退货报告"),
    "finding:listed": ("{items}{more}", "{items}{more}"),
    "finding:more": (" ...", " 等"),
    # --- engine/build.py ---
    "finding:straddles_period": (
        "{n} {report} row(s) cover days outside {period} and cannot be split by day; they "
        "were left out. Download reports for exactly this period, or with the Daily time unit",
        "{report}中有 {n} 行覆盖了 {period} 之外的日期，无法按天拆分，已略去。"
        "请下载恰好覆盖本期的报告，或按“每日”时间单位下载",
    ),
    "finding:returns_partial": (
        "the returns reports cover {days}, not all of {period}: returns on the other days are "
        "not counted. Download the returns report for the whole period",
        "退货报告只覆盖 {days}，未覆盖整个 {period}：其余日期的退货未计入。"
        "请下载覆盖整期的退货报告",
    ),
    "finding:comparison_empty": (
        "the comparison period {period} has no data, so every change is n/a. Import the "
        "reports of those days to compare",
        "对比期 {period} 没有数据，所有变化均无法计算。请导入那几天的报告再对比",
    ),
    # --- engine/money.py ---
    "finding:money_partial": (
        "no Date Range report or settlement covers {days}: sales and fees of those days are "
        "not counted. Download the Date Range report for all of {period}",
        "{days} 没有日期范围报告或结算报告覆盖：这些日期的销售额和费用未计入。"
        "请下载覆盖整个 {period} 的日期范围报告",
    ),
    "finding:money_part_day": (
        "{days} are counted from settlement lines, but no settlement covers the whole day: "
        "lines posted on the rest of the day are in another settlement or a Date Range "
        "report not imported",
        "{days} 按结算报告的明细计入，但没有一份结算报告覆盖全天：当天其余时间入账的明细"
        "在另一份结算报告或未导入的日期范围报告中",
    ),
    "finding:money_settlement_first": (
        "{days} are in a settlement and in a Date Range report: counted once, from the settlement",
        "{days} 既在结算报告中，也在日期范围报告中：只按结算报告计入一次",
    ),
    "finding:money_sku_no_asin": (
        "{n} SKU(s) with sales or fees have no ASIN in the other reports ({skus}): they count "
        "for the account and the SKU, not per ASIN. Import a Business Report or an inventory "
        "report that lists them",
        "{n} 个有销售额或费用的 SKU 在其他报告中找不到 ASIN（{skus}）：只计入账户和 SKU，"
        "不计入各 ASIN。请导入列有这些 SKU 的业务报告或库存报告",
    ),
    # --- engine/profit.py ---
    "finding:profit_no_costs": (
        "Settings has no product cost yet, so profit is not computed. Type each SKU's unit "
        "cost and first-leg freight in Settings (Products), or run fupan costs import",
        "设置页还没有商品成本，因此不计算利润。请在设置页（商品）填写每个 SKU 的采购成本和"
        "头程运费，或运行 `fupan costs import`",
    ),
    "finding:profit_unknown": (
        "profit of {period} is not computed: no Date Range report or settlement covers every "
        "day of it, and there is no {missing} to estimate it from. Download the Date Range "
        "report of the period",
        "{period} 的利润未计算：没有日期范围报告或结算报告覆盖其中每一天，也没有可用来估算的"
        "{missing}。请下载本期的日期范围报告",
    ),
    "finding:profit_missing_fees": ("FBA Fee Preview", "FBA 费用预览"),
    "finding:profit_missing_skus": (
        "Business Report by ASIN with SKUs",
        "含 SKU 的业务报告（按 ASIN）",
    ),
    "finding:profit_estimate": (
        "no Date Range report or settlement covers all of {period}: profit is estimated from "
        "the Business Report's sales and units and the FBA Fee Preview of {day} (referral, "
        "closing and fulfilment fee per unit); refunds, storage and other charges are not in "
        'it. Profit cells say "estimate"',
        "没有日期范围报告或结算报告覆盖整个 {period}：利润按业务报告的销售额、销量和 {day} 的"
        "FBA 费用预览（每件的销售佣金、交易手续费和配送费）估算，未含退款、仓储费和其他费用。"
        "利润单元格标为“估算”",
    ),
    "finding:profit_no_fee": (
        "{n} SKU(s) sold in {period} have no fee in the FBA Fee Preview ({skus}): their "
        "estimated profit is blank. Download a new Fee Preview, or the Date Range report of "
        "the period",
        "{period} 售出的 {n} 个 SKU 在 FBA 费用预览中没有费用（{skus}）：其估算利润留空。"
        "请下载新的费用预览，或本期的日期范围报告",
    ),
    "finding:profit_no_cost": (
        "SKU {sku}: {units} unit(s) sold in {period}, but {why}; its profit is left blank, and "
        "so is the profit of its ASIN and of the account. Type the unit cost and first-leg "
        "freight in Settings (Products), or run fupan costs import",
        "SKU {sku}：{period} 售出 {units} 件，但{why}；其利润留空，所属 ASIN 和账户的利润也留空。"
        "请在设置页（商品）填写采购成本和头程运费，或运行 `fupan costs import`",
    ),
    "finding:profit_cost_foreign": (
        "its cost is in {currencies}, not the marketplace's currency (fupan does not guess an "
        "exchange rate)",
        "其成本以 {currencies} 计，不是本站点的货币（fupan 不会猜测汇率）",
    ),
    "finding:profit_cost_missing": (
        "Settings' Products has no unit cost for it valid on {day}",
        "设置页（商品）中没有它在 {day} 有效的采购成本",
    ),
    # --- engine/pacing.py ---
    "finding:pacing_unknown": (
        "month-to-date {what} of {period} cannot be counted (reports do not cover those days "
        "one by one), so the month's pacing and forecast are left out. Import the Business "
        "Report by date and the Date Range report of the month",
        "{period} 的本月至今{what}无法统计（报告未逐日覆盖这些日期），因此本月进度和预测略去。"
        "请导入按日期的业务报告和本月的日期范围报告",
    ),
    "finding:pacing_sales": ("sales", "销售额"),
    "finding:pacing_profit": ("net profit", "净利润"),
    "finding:pacing_both": ("sales and net profit", "销售额和净利润"),
}
