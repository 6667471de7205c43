"""Importing report files into the store: all files are read first, then written, or none is."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import ImportFailedError, Lines, ReportError, UnknownReportError, msg
from ..findings import Finding, Severity
from ..ingest.file_bytes import read_bounded
from ..ingest.readers.base import ReadContext, ReadResult
from ..ingest.registry import detect
from ..ingest.sources import fingerprint, parse
from ..periods import Period
from .history import ImportOutcome, Store

# Files that live beside reports but are never reports: Excel's lock files, our workbooks.
_IGNORED_PREFIXES = (".", "~$")
_IGNORED_NAMES = frozenset({"fupan.toml", "manifest.json"})
_REPORT_SUFFIXES = frozenset({".csv", ".txt", ".tsv", ".tab", ".xlsx", ".xlsm", ".xls", ".json"})

Progress = Callable[[int, int, str], None]  # (done, total, file name)

_READERS = min(4, os.cpu_count() or 1)  # files read at once (see read_all)


@dataclass
class ImportSummary:
    outcomes: list[ImportOutcome] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def imported(self) -> list[ImportOutcome]:
        return [o for o in self.outcomes if not o.skipped]

    @property
    def rows(self) -> int:
        return sum(o.rows for o in self.outcomes)


def expand(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path]]:
    """(named files, files found in named folders), sorted, our own files left out."""
    named: list[Path] = []
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found += sorted(
                f
                for f in p.rglob("*")
                if f.is_file()
                and not f.name.startswith(_IGNORED_PREFIXES)
                and f.name not in _IGNORED_NAMES
                and f.suffix.lower() in _REPORT_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        else:
            named.append(p)
    return named, found


def read_all(
    paths: Iterable[str | Path],
    *,
    period: Period | None = None,
    marketplace: str | None = None,
    progress: Progress | None = None,
    known: Callable[[str], bool] | None = None,
    today: date | None = None,
) -> tuple[list[tuple[Path, ReadResult | None, str]], list[Finding]]:
    """Read every file; raise one error listing every file that cannot be used.

    A file whose content is `known` (imported before) is not read again (result None),
    unless it was named with a --period: then it is re-dated.
    """
    named, found = expand(paths)
    results: list[tuple[Path, ReadResult | None, str]] = []
    findings: list[Finding] = []
    errors: list[ReportError] = []
    ctx = ReadContext(period=period, marketplace=marketplace, today=today)
    files = named + found
    asking = threading.Lock()  # `known` asks the store, which answers one thread at a time

    def read(path: Path) -> tuple[ReadResult | None, str]:
        def skip(sha: str) -> bool:
            with asking:
                return known is not None and known(sha)

        return _read(path, ctx, skip if known and (period is None or path not in named) else None)

    # Files are read side by side: unzipping, calamine's parse of a workbook and pandas' of a
    # CSV let go of Python's lock, so a second core reads one file while another is checked.
    # Each file's outcome is taken in the files' order, so what is said comes in that order.
    with ThreadPoolExecutor(max_workers=_READERS) as pool:
        reading = [pool.submit(read, path) for path in files]
        for i, (path, done) in enumerate(zip(files, reading, strict=True)):
            if progress:
                progress(i, len(files), path.name)
            try:
                result, sha = done.result()
            except UnknownReportError as exc:
                if path in named:
                    errors.append(exc)
                else:
                    findings.append(skipped(exc, path))
                continue
            except ReportError as exc:
                errors.append(exc)
                continue
            except BaseException:
                for each in reading:
                    each.cancel()  # a fault, or Ctrl-C: the files not begun are not read
                raise
            results.append((path, result, sha))
            if result is not None:
                findings += result.findings
    if progress:
        progress(len(files), len(files), "")
    if len(errors) == 1 and len(files) == 1:
        raise ImportFailedError(errors[0])
    if errors:
        listing = Lines(tuple(errors))
        raise ImportFailedError(
            msg("err:import_refused", n=len(errors), total=len(files), listing=listing)
        )
    return results, findings


def _read(
    path: Path, ctx: ReadContext, known: Callable[[str], bool] | None
) -> tuple[ReadResult | None, str]:
    """Read one file; a file the store already holds is hashed, not parsed."""
    blob = read_bounded(path)
    sha = fingerprint(blob)
    if known is not None and known(sha):
        return None, sha
    raw = parse(path, blob)
    result = detect(raw).read(raw, ctx)
    result.findings[:0] = raw.findings
    return result, raw.sha256


def skipped(exc: UnknownReportError, path: Path) -> Finding:
    """A file found in a folder that is no report fupan reads: passed over, said once (a
    file named on the command line is refused instead)."""
    return Finding.of(
        Severity.WARNING,
        "not-a-report",
        msg("err:skipped", problem=exc.problem),
        file=str(path),
        framed=True,
    )


def import_reports(
    paths: Iterable[str | Path],
    *,
    store: Store,
    period: Period | None = None,
    marketplace: str | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> ImportSummary:
    """Read and validate every file, then store them all in one transaction: every file is
    in the store afterwards, or (when storing any of them fails) none is. Idempotent;
    re-downloads replace.

    `today` (the run's day) dates stock reports that carry no date and were given no period.
    """
    results, findings = read_all(
        paths,
        period=period,
        marketplace=marketplace,
        progress=progress,
        today=today,
        known=lambda sha: store.already_imported(sha, None),
    )
    summary = ImportSummary(findings=findings)
    with store.transaction():
        for path, result, sha in results:
            if result is None:
                kind = store.imported_as(sha)
                summary.outcomes.append(ImportOutcome(str(path), kind, 0, 0, None, skipped=True))
            else:
                summary.outcomes.append(store.import_result(result, file=path, sha256=sha))
    return summary


__all__ = ["ImportSummary", "expand", "import_reports", "read_all", "skipped"]
