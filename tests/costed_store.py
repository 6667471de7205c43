"""The demo seller's reports in a store, with the Settings its cost sheet gives (profit tests)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fupan.sync.ingest.costs import read_cost_sheet
from fupan.sync.samples import Seller, small_seller, write_demo_reports
from fupan.sync.samples.profit import write_cost_sheet
from fupan.sync.settings import Settings
from fupan.sync.store.history import Store
from fupan.sync.store.importer import import_reports


def demo_with_costs(folder: Path, last_day: date, today: date) -> tuple[Store, Settings, Seller]:
    seller = small_seller(last_day)
    store = Store.memory()
    for path, period in write_demo_reports(folder / "reports", seller):
        import_reports([path], store=store, period=period, marketplace="US", today=today)
    rows, findings = read_cost_sheet(write_cost_sheet(folder / "costs.xlsx", seller))
    assert findings == []
    return store, Settings.defaults().with_costs(rows), seller
