"""The registry of report readers, and `read_report`: any file in, canonical rows out.

Each reader is a module of its own in readers/; this is the only list of them, so the CLI
help and docs/reports.md are generated from it. A new report family is one reader module and
one line here.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import UnknownReportError, msg
from .raw import RawReport
from .readers import (
    ads,
    ads_api,
    ads_new_console,
    business_by_date,
    business_report,
    date_range,
    fba_inventory,
    fee_preview,
    feedback,
    inventory_planning,
    orders,
    returns,
    seller_performance,
    settlement,
    sp_sales_traffic,
)
from .readers.base import ReadContext, Reader, ReadResult, quoted_names
from .sources import load

# In order of precedence when two readers score a header alike.
READERS: list[Reader] = [
    ads.SearchTermReport(),
    ads.AdvertisedProductReport(),
    ads.TargetingReport(),
    ads.CampaignReport(),
    ads_api.AdsApiReport(),
    ads_new_console.NewConsoleReport(),
    business_by_date.BusinessReportByDate(),
    business_report.BusinessReportByAsin(),
    fba_inventory.ManageFbaInventory(),
    feedback.SellerFeedback(),
    inventory_planning.InventoryPlanning(),
    orders.AllOrders(),
    returns.CustomerReturns(),
    seller_performance.SellerPerformance(),
    sp_sales_traffic.SalesTrafficByAsin(),
    sp_sales_traffic.SalesTrafficByDate(),
    date_range.DateRangeTransactions(),
    settlement.SettlementV2(),
    settlement.SettlementV1(),
    fee_preview.FeePreview(),
]


def register(reader: Reader) -> Reader:
    """Add a reader (a plug-in, or a test's throw-away one); it competes like the rest."""
    READERS.append(reader)
    return reader


def detect(raw: RawReport) -> Reader:
    """The reader whose header signature matches best, or UnknownReportError."""
    scored = [(r.detect(raw), i, r) for i, r in enumerate(READERS) if raw.format in r.formats]
    scored = [s for s in scored if s[0] > 0]
    if not scored:
        shown = quoted_names(raw.header[:4]) if raw.header else msg("err:no_header")
        raise UnknownReportError(
            raw.path, msg("err:unknown_report", header=shown), fix=msg("err:fix_unknown_report")
        )
    scored.sort(key=lambda s: (-s[0], s[1]))
    return scored[0][2]


def read_report(path: str | Path, ctx: ReadContext | None = None) -> ReadResult:
    """Load, detect and read one report file. Raises ReportError when it cannot be used."""
    raw = load(path)
    reader = detect(raw)
    result = reader.read(raw, ctx or ReadContext())
    result.findings[:0] = raw.findings
    return result


__all__ = ["READERS", "ReadContext", "ReadResult", "Reader", "detect", "read_report", "register"]
