"""`fupan demo`: a workspace filled with a realistic sample seller, reviewed end to end."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from openpyxl import load_workbook

from ..actions.model import COLUMNS, Action, to_row
from ..i18n import t
from ..periods import Period
from ..samples import Seller, small_seller, write_demo_reports
from ..samples.profit import write_cost_sheet
from ..settings import row_key
from ..targets.base import Target
from ..targets.registry import open_target
from ..workspace import Workspace
from .costs import import_costs
from .review import SyncResult
from .sync import sync_workbook
from .workspace import import_into_workspace, init_workspace


@dataclass
class DemoResult:
    workspace: Workspace
    sync: SyncResult
    files: list[Path]
    gsheet: str | None = None  # the Google Sheet also written, when one was


# What the team typed a week ago, in the workbook's language: (English, Chinese).
LAST_MEETING = {
    "hijacker": (
        "Featured Offer below 80 %",
        "Buy Box 赢得率低于 80%",
    ),
    "hijacker_cause": (
        "A reseller undercut our price by 1 USD",
        "跟卖者比我们低 1 美元",
    ),
    "hijacker_action": (
        "Report the hijacker; match price for two weeks",
        "投诉跟卖；两周内跟价",
    ),
    "restock": ("Days of cover under 30", "可售天数不足 30 天"),
    "restock_cause": (
        "Last inbound shipment was split at the port",
        "上一批货在港口被拆柜",
    ),
    "restock_action": ("Book 600 units by air freight", "订 600 件空运补货"),
    "odr": ("ODR above 1 %", "ODR 高于 1%"),
    "odr_cause": (
        "Two A-to-z claims on late deliveries",
        "两起因延迟送达的亚马逊商城交易保障索赔",
    ),
    "odr_action": (
        "Appeal both claims with tracking proof",
        "凭物流追踪记录申诉两起索赔",
    ),
    "owner_li": ("Li Wei", "李伟"),
    "owner_zhang": ("Zhang Min", "张敏"),
    "owner_chen": ("Chen Jing", "陈静"),
}


def last_meeting_actions(
    meeting: date, today: date, seller_asins: list[str], lang: str = "en"
) -> list[Action]:
    """What the team decided a week ago: one done, one overdue, one still running on `today`."""

    def said(key: str) -> str:
        en, zh = LAST_MEETING[key]
        return zh if lang == "zh" else en

    return [
        Action(
            created=meeting,
            meeting=meeting,
            source="R15",
            scope="asin",
            key=seller_asins[4],
            problem=said("hijacker"),
            root_cause=said("hijacker_cause"),
            action=said("hijacker_action"),
            owner=said("owner_li"),
            due=meeting + timedelta(days=3),
            status="done",
            value_raised=0.68,
        ),
        Action(
            created=meeting,
            meeting=meeting,
            source="R9",
            scope="asin",
            key=seller_asins[0],
            problem=said("restock"),
            root_cause=said("restock_cause"),
            action=said("restock_action"),
            owner=said("owner_zhang"),
            due=meeting + timedelta(days=4),
            status="open",
            value_raised=9.0,
        ),
        Action(
            created=meeting,
            meeting=meeting,
            source="R16",
            scope="account",
            problem=said("odr"),
            root_cause=said("odr_cause"),
            action=said("odr_action"),
            owner=said("owner_chen"),
            due=today + timedelta(days=7),  # an appeal takes weeks: running on any demo day
            status="in progress",
            value_raised=0.011,
        ),
    ]


def add_actions(workbook: Path, actions: list[Action], lang: str) -> None:
    """Type actions into the Actions tab, as a person in the meeting would."""
    wb = load_workbook(workbook)
    ws = wb[t("actions", lang)]
    for a in actions:
        ws.append(to_row(a))
    assert ws.cell(3, 1).value == COLUMNS[0]
    wb.save(workbook)


def demo_targets(seller: Seller, week: Period) -> tuple[float, float]:
    """Monthly sales and net profit targets a team would set: sales a little above the
    week's pace (attainment yellow, so rule R18 has a gap to explain), profit a quarter of
    sales."""
    days = seller.daily[
        (seller.daily.date >= str(week.start)) & (seller.daily.date <= str(week.end))
    ]
    sales = round(float(days.sales.sum()) * 30 / week.days / 0.93, -3)
    return sales, round(sales * 0.25, -3)


def type_targets(workbook: Path, sales: float, profit: float, lang: str) -> None:
    """Type the monthly targets into Settings, as a person in the meeting would."""
    wb = load_workbook(workbook)
    ws = wb[t("settings", lang)]
    for row in ws.iter_rows():
        key = row_key([c.value for c in row], "targets")
        if key == "sales_target":
            row[2].value = sales
        elif key == "profit_target":
            row[2].value = profit
    wb.save(workbook)


def run_demo(
    folder: str | Path = "fupan-demo",
    *,
    lang: str = "en",
    today: date,
    gsheet: str | Target | None = None,
    credentials: str | Path | None = None,
    wait: float = 0.0,
) -> DemoResult:
    """Write eight weeks of sample reports, import them, and write a complete review.xlsx.

    The first sync reviews the week before last; the team's cost sheet is imported
    (`fupan costs import`), its monthly targets and its actions from that meeting are typed
    in; the second sync reviews last week on `today`, with those actions' outcomes (and
    writes the same review to `gsheet`, a Google Sheet's URL or id, when given).
    """
    if isinstance(gsheet, str):  # opened first: a credentials problem stops the demo at once
        gsheet = open_target(gsheet, credentials=credentials, wait=wait, kind="gsheet")
    week = Period.last_full_week(today)
    ws = init_workspace(folder, marketplace="US", language=lang)
    seller = small_seller(week.end)
    written = write_demo_reports(ws.reports, seller)
    for path, period in written:
        import_into_workspace(ws, [path], period=period, today=today)
    previous = week.previous()
    meeting = previous.end + timedelta(days=1)
    sync_workbook(ws, period=previous, today=meeting)
    # The team's cost sheet and monthly targets go into Settings.
    costs = write_cost_sheet(ws.root / "product-costs.xlsx", seller)
    import_costs(ws, costs, today=meeting)
    type_targets(ws.workbook, *demo_targets(seller, week), lang)
    add_actions(
        ws.workbook,
        last_meeting_actions(meeting, today, list(seller.catalogue.child_asin), lang),
        lang,
    )
    also = [gsheet] if gsheet is not None else []
    result = sync_workbook(ws, period=week, today=today, also=also)
    return DemoResult(
        ws, result, [*(p for p, _ in written), costs], gsheet.name if gsheet else None
    )
