"""`fupan demo`: a workspace filled with a realistic sample seller, reviewed end to end."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from .api import import_into_workspace, init_workspace
from .engine import Review, build_review
from .periods import Period
from .samples import small_seller, write_demo_reports
from .store import Store
from .workspace import Workspace


@dataclass
class DemoResult:
    workspace: Workspace
    review: Review
    files: list[Path]


def last_full_week(today: date) -> Period:
    end = today - timedelta(days=today.weekday() + 1)
    return Period(end - timedelta(days=6), end)


def run_demo(
    folder: str | Path = "fupan-demo", *, lang: str = "en", today: date | None = None
) -> DemoResult:
    """Write eight weeks of sample reports, import them and review the last full week."""
    week = last_full_week(today or date.today())
    ws = init_workspace(folder, marketplace="US", language=lang)
    seller = small_seller(week.end)
    written = write_demo_reports(ws.reports, seller)
    for path, period in written:
        import_into_workspace(ws, [path], period=period)
    with Store.open(ws.store_path) as store:
        review = build_review(store, week, marketplace="US", compare=week.previous())
    return DemoResult(ws, review, [p for p, _ in written])
