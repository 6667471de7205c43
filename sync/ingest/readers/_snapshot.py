"""Shared bits of the readers whose rows are a snapshot or a dated list."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ...errors import ReportError, msg
from ...findings import Finding, Severity
from ...periods import Period
from ..raw import RawReport
from ..schema import TableSpec, conform
from .base import ReadResult


def dated_result(
    kind: str,
    table: TableSpec,
    raw: RawReport,
    frame: pd.DataFrame,
    marketplace: str,
    date_column: str,
    findings: list[Finding] | None = None,
) -> ReadResult:
    """A ReadResult whose period is the span of one date column."""
    findings = list(findings or [])
    frame = frame.assign(marketplace=marketplace)
    period = None
    dates = frame[date_column].dropna() if date_column in frame else pd.Series([], dtype=object)
    if frame.empty:
        findings.append(
            Finding.of(
                Severity.WARNING, "no-rows", msg("err:no_rows"), file=str(raw.path), framed=True
            )
        )
    elif len(dates):
        period = Period(pd.Timestamp(dates.min()).date(), pd.Timestamp(dates.max()).date())
    return ReadResult(kind, table, conform(frame, table), period, marketplace, findings)


def snapshot_day(raw: RawReport, period: Period | None, today: date | None) -> tuple[date, bool]:
    """The day an undated stock report counts: the period's end, else the run's day (flagged)."""
    if period is not None:
        return period.end, False
    if today is None:
        raise ReportError(
            raw.path,
            msg("err:stock_undated"),
            fix=msg("err:fix_stock_period"),
        )
    return today, True
