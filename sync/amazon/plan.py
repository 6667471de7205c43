"""Which reports a pull asks for: what fupan reads, minus what is collected or on its way.

Day-based reports are planned day by day: a day is wanted when no pull has collected it, or
when it lies in the report's restatement window and was collected before today (Amazon
restates ads for about 14 days, Sales and Traffic for about 3). Wanted days are grouped into
requests of at most `max_days`. Days already in the store from console downloads are not
pulled again, so an API report never straddles a hand-downloaded one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from .ledger import Entry
from .source import ReportRequest

HISTORY_DAYS = 56  # a first pull fetches eight weeks: the workbook's weekly trend


@dataclass(frozen=True)
class Kind:
    """One report family fupan pulls."""

    name: str  # file name prefix, e.g. "sp-sales-traffic-asin"
    api: Literal["sp", "ads"]
    report_type: str
    mode: Literal["daily", "range", "snapshot"]
    suffix: str  # "json" or "txt"
    table: str | None = None  # store table it fills (for what console files already cover)
    restate: int = 0
    max_days: int = 31
    retention: int = 95  # Amazon keeps the data this many days back
    options: tuple[tuple[str, str], ...] = ()
    inbox: bool = True  # False: kept under <workspace>/amazon/, no reader imports it


_ST = "GET_SALES_AND_TRAFFIC_REPORT"
KINDS: tuple[Kind, ...] = (
    # By SKU (like the Business Report by child item with its SKU column), one report a day:
    # that report has no dates, and a day is the unit the store replaces on a restatement.
    Kind(
        "sp-sales-traffic-asin",
        "sp",
        _ST,
        "daily",
        "json",
        "business_asin",
        3,
        1,
        730,
        (("asinGranularity", "SKU"), ("dateGranularity", "DAY")),
    ),
    # PARENT granularity marks the by-date request (and keeps its by-ASIN half small).
    Kind(
        "sp-sales-traffic-date",
        "sp",
        _ST,
        "range",
        "json",
        "business_daily",
        3,
        31,
        730,
        (("asinGranularity", "PARENT"), ("dateGranularity", "DAY")),
    ),
    Kind("sp-fba-inventory", "sp", "GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA", "snapshot", "txt"),
    Kind("sp-inventory-planning", "sp", "GET_FBA_INVENTORY_PLANNING_DATA", "snapshot", "txt"),
    Kind(
        "sp-fba-returns",
        "sp",
        "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA",
        "range",
        "txt",
        "returns",
        1,
        31,
        730,
    ),
    Kind("sp-seller-performance", "sp", "GET_V2_SELLER_PERFORMANCE_REPORT", "snapshot", "json"),
    Kind(
        "sp-seller-feedback",
        "sp",
        "GET_SELLER_FEEDBACK_DATA",
        "range",
        "txt",
        "feedback",
        1,
        31,
        365,
    ),
    Kind(
        "sp-all-orders",
        "sp",
        "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL",
        "range",
        "txt",
        "orders",
        7,
        30,
        730,
    ),
    Kind(
        "sp-fba-fee-preview",
        "sp",
        "GET_FBA_ESTIMATED_FBA_FEES_TXT_DATA",
        "snapshot",
        "txt",
        inbox=False,
    ),
    Kind("ads-spSearchTerm", "ads", "spSearchTerm", "range", "json", "ads", 14, 31, 95),
    Kind(
        "ads-spAdvertisedProduct", "ads", "spAdvertisedProduct", "range", "json", "ads", 14, 31, 95
    ),
    Kind("ads-spTargeting", "ads", "spTargeting", "range", "json", "ads", 14, 31, 95),
    Kind("ads-spCampaigns", "ads", "spCampaigns", "range", "json", "ads", 14, 31, 95),
    Kind("ads-sbCampaigns", "ads", "sbCampaigns", "range", "json", "ads", 14, 31, 60),
    Kind("ads-sdCampaigns", "ads", "sdCampaigns", "range", "json", "ads", 14, 31, 65),
)


def kind_of(entry: Entry | ReportRequest) -> Kind:
    api, rtype = entry.api, entry.report_type
    options = tuple(tuple(p) for p in entry.options)
    for k in KINDS:
        if (
            k.api == api
            and k.report_type == rtype
            and (k.mode == "snapshot" or k.options == options)
        ):
            return k
    raise KeyError(f"{api}:{rtype}")


def file_name(req: ReportRequest, today: date) -> str:
    k = kind_of(req)
    if req.start is None or req.end is None:
        span = today.isoformat()
    elif req.start == req.end:
        span = req.start.isoformat()
    else:
        span = f"{req.start}_{req.end}"
    return f"{k.name}-{req.marketplace}-{span}.{k.suffix}"


def plan(
    marketplace: str,
    *,
    today: date,
    entries: Iterable[Entry],
    apis: Iterable[str] = ("sp", "ads"),
    since: date | None = None,
    store_until: Mapping[str, date] | None = None,
) -> list[ReportRequest]:
    """The requests of one marketplace, newest days first (a pull cut short by Amazon's rate
    limits has then fetched what the review needs most)."""
    mine = [e for e in entries if e.marketplace == marketplace]
    wanted_apis = set(apis)
    out: list[ReportRequest] = []
    for k in KINDS:
        if k.api not in wanted_apis:
            continue
        same = [e for e in mine if _is(k, e)]
        if k.mode == "snapshot":
            if not any(e.state == "pending" or e.requested_on == today.isoformat() for e in same):
                out.append(ReportRequest(k.api, k.report_type, marketplace, None, None, k.options))
            continue
        until = (store_until or {}).get(k.table or "")
        for first, last in _runs(_wanted_days(k, same, today, since, until), k.max_days):
            out.append(ReportRequest(k.api, k.report_type, marketplace, first, last, k.options))
    out.sort(key=lambda r: r.end or today, reverse=True)
    return out


def _is(k: Kind, e: Entry) -> bool:
    if e.api != k.api or e.report_type != k.report_type:
        return False
    return k.mode == "snapshot" or tuple(tuple(p) for p in e.options) == k.options


def _wanted_days(
    k: Kind, entries: list[Entry], today: date, since: date | None, store_until: date | None
) -> list[date]:
    end = today - timedelta(days=1)
    oldest = today - timedelta(days=k.retention - 1)
    if since is not None:
        first = since
    else:
        first = end - timedelta(days=HISTORY_DAYS - 1)
        if store_until is not None:
            first = max(first, store_until + timedelta(days=1))
    first = max(first, oldest)
    restate_from = end - timedelta(days=k.restate - 1)
    collected: dict[date, str] = {}  # day -> the day it was last collected
    busy: set[date] = set()
    for e in entries:
        if e.state == "pending" or (e.state == "failed" and e.requested_on == today.isoformat()):
            busy.update(e.days())
        elif e.state in ("done", "empty", "cancelled"):
            for d in e.days():
                collected[d] = max(collected.get(d, ""), e.finished_on or e.requested_on)
    start = min(first, restate_from)
    days = []
    for i in range((end - start).days + 1):
        d = start + timedelta(days=i)
        if d in busy or d < oldest:
            continue
        if d in collected:
            stale = collected[d] < today.isoformat()
            if stale and (d >= restate_from or (since is not None and d >= since)):
                days.append(d)
        elif d >= first:
            days.append(d)
    return days


def _runs(days: list[date], max_days: int) -> list[tuple[date, date]]:
    """Contiguous runs of days, each cut into pieces of at most max_days."""
    runs: list[tuple[date, date]] = []
    for d in sorted(days):
        if runs and d == runs[-1][1] + timedelta(days=1) and (d - runs[-1][0]).days < max_days:
            runs[-1] = (runs[-1][0], d)
        else:
            runs.append((d, d))
    return runs
