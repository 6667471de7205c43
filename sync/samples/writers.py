"""Every sample report writer, by report family (WRITERS), and the demo's download set.

Each family's files are written in Amazon's exact layouts (header text, trailing spaces and
all, encoding, BOM, quoting, line endings, number formats and Excel cell types, as
documented in docs/amazon-reports.md of the research notes) by its own module; this one
names them for `fupan demo`, the benchmarks and the tests.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from ..periods import Period
from .account import HEALTH_COUNTS, write_feedback, write_performance
from .ads_csv import write_new_console_csv, write_sp_campaign_csv
from .brand_display import write_sb_xlsx, write_sd_xlsx
from .business import (
    business_asin_rows,
    write_business_asin,
    write_business_daily,
    write_business_rows,
)
from .date_range import write_date_range
from .fba import MYI, write_myi, write_planning, write_returns
from .fee_preview import write_fee_preview
from .orders import write_all_orders
from .profit import demo_fees, demo_lines
from .seller import Seller
from .settlement import write_settlement
from .sp_console import DATE_FORMAT, DATE_FORMAT_ZH, write_sp_xlsx

# The writers the tests and benchmarks call as `writers.write_...` (over a hundred calls).
__all__ = [
    "DATE_FORMAT",
    "DATE_FORMAT_ZH",
    "HEALTH_COUNTS",
    "MYI",
    "WRITERS",
    "business_asin_rows",
    "write_all_orders",
    "write_business_asin",
    "write_business_daily",
    "write_business_rows",
    "write_demo_money",
    "write_demo_reports",
    "write_feedback",
    "write_myi",
    "write_new_console_csv",
    "write_performance",
    "write_planning",
    "write_returns",
    "write_sb_xlsx",
    "write_sd_xlsx",
    "write_sp_campaign_csv",
    "write_sp_xlsx",
]

WRITERS: dict[str, Callable[..., Path]] = {
    "business_asin": write_business_asin,
    "business_daily": write_business_daily,
    "ads_sp_xlsx": write_sp_xlsx,
    "ads_sb_xlsx": write_sb_xlsx,
    "ads_sp_campaign_csv": write_sp_campaign_csv,
    "ads_sd_xlsx": write_sd_xlsx,
    "ads_new_console_csv": write_new_console_csv,
    "all_orders": write_all_orders,
    "fba_inventory": write_myi,
    "fba_inventory_planning": write_planning,
    "fba_returns": write_returns,
    "seller_feedback": write_feedback,
    "seller_performance": write_performance,
}


def write_demo_reports(folder: Path, seller: Seller) -> list[tuple[Path, Period | None]]:
    """Write a realistic download set; returns each file with the period it needs, if any.

    Weekly Business Reports alternate English and Chinese UI layouts, as a team where people
    download in different languages; ads come in both console languages.
    """
    folder.mkdir(parents=True, exist_ok=True)
    out: list[tuple[Path, Period | None]] = []
    for i, (start, end) in enumerate(seller.weeks()):
        layout = "zh" if i % 2 else "2021"
        p = folder / f"BusinessReport-{end.month}-{end.day}-{end.strftime('%y')}.csv"
        out.append(
            (write_business_asin(p, seller, Period(start, end), layout=layout), Period(start, end))
        )
    out.append((write_business_daily(folder / "BusinessReport-by-date.csv", seller), None))
    out.append(
        (
            write_sp_xlsx(
                folder / "Sponsored Products Advertised product report.xlsx",
                seller,
                "advertised_product",
            ),
            None,
        )
    )
    out.append(
        (
            write_sp_xlsx(folder / "商品推广_搜索词_报告.xlsx", seller, "search_term", lang="zh"),
            None,
        )
    )
    out.append((write_sb_xlsx(folder / "Sponsored Brands Campaign report.xlsx", seller), None))
    # Restates the SP money of the two reports above: counted once by the engine.
    out.append(
        (write_sp_campaign_csv(folder / "Sponsored Products Campaign report.csv", seller), None)
    )
    out.append((write_sd_xlsx(folder / "展示型推广_投放_报告.xlsx", seller), None))
    out.append((write_all_orders(folder / "All Orders.txt", seller), None))
    out.append(
        (write_myi(folder / "Manage FBA Inventory.csv", seller), Period(seller.end, seller.end))
    )
    out.append((write_planning(folder / "FBA Inventory planning.txt", seller), None))
    out.append((write_returns(folder / "FBA customer returns.txt", seller), None))
    out.append((write_feedback(folder / "Seller feedback.txt", seller), None))
    out.append((write_performance(folder / "Seller performance.json", seller), None))
    out += write_demo_money(folder, seller)
    return out


def write_demo_money(folder: Path, seller: Seller) -> list[tuple[Path, Period | None]]:
    """The Payments downloads: a Date Range report of the whole history, the settlement of
    the two weeks before the last (it restates those days: counted once, from it) and the
    FBA Fee Preview at the history's end."""

    lines = demo_lines(seller)
    start = seller.end - timedelta(days=20)
    end = seller.end - timedelta(days=6)

    def midnight(day: date) -> datetime:  # Los Angeles' midnight in winter, in UTC
        return datetime.combine(day, time(8), tzinfo=UTC)

    return [
        (
            write_date_range(
                folder / f"{seller.start:%Y%b%d}-{seller.end:%Y%b%d}CustomTransaction.csv",
                lines,
                "us-2021",
            ),
            None,
        ),
        (
            write_settlement(
                folder / "Settlement 24128935011.txt",
                lines,
                midnight(start),
                midnight(end),
                version="V2",
                settlement_id="24128935011",
            ),
            None,
        ),
        (
            write_fee_preview(folder / "FBA Fee Preview.txt", demo_fees(seller)),
            Period(seller.end, seller.end),
        ),
    ]
