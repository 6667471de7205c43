"""The demo seller's reports in a store, with the Settings its cost sheet gives (profit tests),
and the inputs of a workbook plan built from its review."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
from fupan.sync.actions.merge import Side
from fupan.sync.actions.sheets import Tracker
from fupan.sync.engine.review import Review
from fupan.sync.ingest.costs import read_cost_sheet
from fupan.sync.samples import Seller, small_seller, write_demo_reports
from fupan.sync.samples.profit import write_cost_sheet
from fupan.sync.settings import Settings
from fupan.sync.store.history import Store
from fupan.sync.store.importer import import_reports
from fupan.sync.workbook.inputs import Inputs


def demo_with_costs(folder: Path, last_day: date, today: date) -> tuple[Store, Settings, Seller]:
    seller = small_seller(last_day)
    store = Store.memory()
    for path, period in write_demo_reports(folder / "reports", seller):
        import_reports([path], store=store, period=period, marketplace="US", today=today)
    rows, findings = read_cost_sheet(write_cost_sheet(folder / "costs.xlsx", seller))
    assert findings == []
    return store, Settings.defaults().with_costs(rows), seller


def plan_inputs(
    review: Review,
    settings: Settings,
    today: date,
    trend: pd.DataFrame | None = None,
    provisional_from: date | None = None,
) -> Inputs:
    """A review's workbook inputs with nothing else: no comparison, health rows, suggestions
    or actions (`trend`: none unless given)."""
    return Inputs(
        review=review,
        previous=None,
        settings=settings,
        health_rows=pd.DataFrame(),
        trend=pd.DataFrame() if trend is None else trend,
        suggestions=[],
        tracker=Tracker(Side({}, {})),
        findings=review.findings,
        today=today,
        provisional_from=provisional_from,
    )
