"""`fupan check`: what each report file is, and every problem found, without storing anything."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import ReportError, UnknownReportError
from ..findings import Finding, Severity
from ..periods import Period
from ..store.importer import expand, skipped
from .readers.base import ReadContext
from .registry import detect
from .sources import load


@dataclass
class CheckResult:
    file: Path
    report: str = ""  # the reader's title
    marketplace: str = ""
    period: Period | None = None
    rows: int = 0
    findings: list[Finding] = field(default_factory=list)
    attribution_days: tuple[int, ...] = ()  # ads reports: the window(s) their sales count

    @property
    def usable(self) -> bool:
        return not any(f.severity is Severity.ERROR for f in self.findings)


def check_reports(
    paths: Iterable[str | Path],
    *,
    period: Period | None = None,
    marketplace: str | None = None,
    today: date | None = None,
) -> list[CheckResult]:
    """Read every file as an import would and report what was found; write nothing."""
    named, found = expand(paths)
    ctx = ReadContext(period=period, marketplace=marketplace, today=today)
    results = []
    for path in named + found:
        res = CheckResult(path)
        try:
            raw = load(path)
            res.findings += raw.findings
            reader = detect(raw)
            res.report = reader.title
            read = reader.read(raw, ctx)
        except UnknownReportError as exc:
            if path in named:
                res.findings.append(_error(exc, path))
            else:
                res.findings.append(skipped(exc, path))
        except ReportError as exc:
            res.findings.append(_error(exc, path))
        else:
            res.marketplace = read.marketplace
            res.period = read.period
            res.rows = len(read.frame)
            res.findings += read.findings
            if "attribution_days" in read.frame:
                days = read.frame["attribution_days"].dropna().unique()
                res.attribution_days = tuple(sorted(int(d) for d in days))
        results.append(res)
    return results


def _error(exc: ReportError, path: Path) -> Finding:
    return Finding.of(
        Severity.ERROR, type(exc).__name__, exc, file=str(path), row=exc.row, column=exc.column
    )
