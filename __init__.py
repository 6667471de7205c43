"""fupan (复盘): an Amazon seller team's operations review in the spreadsheet it already uses.

The public Python API mirrors the CLI, one function per command. Names are loaded lazily
so that `import fupan` stays fast inside Excel's Python process.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_API = {
    # name: module (relative to this package) that defines it
    "read_report": ".sync.ingest.registry",
    "check_reports": ".sync.api",
    "compute_kpis": ".sync.api",
    "import_reports": ".sync.api",
    "import_into_workspace": ".sync.api",
    "init_workspace": ".sync.api",
    "sync_workbook": ".sync.flows.sync",
    "sync_actions": ".sync.flows.actions",
    "write_minutes": ".sync.flows.minutes",
    "run_demo": ".sync.flows.demo",
    "main": ".sync.flows.excel_button",  # the Excel add-in's "Refresh data" button
}


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module(_API[name], __name__), name)
    raise AttributeError(f"module 'fupan' has no attribute {name!r}")


__all__ = ["__version__", *_API]
