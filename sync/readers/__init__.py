"""The registry of report readers, and `read_report`: any file in, canonical rows out.

Each reader is a small module of its own; the registry is the only list of them, so the
CLI help and docs/reports.md are generated from it.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import UnknownReportError
from ..sources import RawReport, load
from .base import ReadContext, Reader, ReadResult

READERS: list[Reader] = []


def register(reader_cls: type[Reader]) -> type[Reader]:
    """Class decorator: add a reader to the registry."""
    READERS.append(reader_cls())
    return reader_cls


def detect(raw: RawReport) -> Reader:
    """The reader whose header signature matches best, or UnknownReportError."""
    load_all()
    scored = [(r.detect(raw), i, r) for i, r in enumerate(READERS) if raw.format in r.formats]
    scored = [s for s in scored if s[0] > 0]
    if not scored:
        shown = ", ".join(f'"{h}"' for h in raw.header[:4]) or "(no header)"
        raise UnknownReportError(
            raw.path,
            f"is not a report fupan knows (its header starts {shown})",
            fix="Run `fupan check --help` for the list of supported reports.",
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


def load_all() -> None:
    # Importing the modules registers their readers; done lazily to keep `import fupan` fast.
    from . import (  # noqa: F401
        ads,
        ads_api,
        ads_new_console,
        business_by_date,
        business_report,
        fba_inventory,
        feedback,
        inventory_planning,
        orders,
        returns,
        seller_performance,
        sp_sales_traffic,
    )


__all__ = ["READERS", "ReadContext", "ReadResult", "Reader", "detect", "read_report", "register"]
