"""The weekly refresh a large seller waits for, beside its floor, in whole processes.

A seller of N child ASINs has 12 weeks in the store and its review workbook written; a new
week's reports arrive (Business Report by ASIN, SP search term and advertised product reports
with daily rows, the inventory and planning snapshots, returns) and `fupan sync` imports them
and refreshes the review of that week. Two cases: the inbox holds only the new week's files,
or it still holds the old weeks' too (already imported: hashed, not parsed).

The floor of that refresh: reading the new week's files with pandas (calamine for .xlsx)
and writing the same cells as the review with openpyxl's write-only mode, values and
formulas as text, no styles. Each measurement is one whole process (`python -m fupan sync`
against `python benchmarks/weekly.py floor`), run alternately; the medians are compared.

Used by `python benchmarks/run.py --weekly`; the sub-commands here are its child processes.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fupan.sync.periods import Period

START = time.perf_counter()  # a child process's clock starts before its imports

END = date(2026, 11, 22)  # a Sunday: the new week is 2026-11-16..2026-11-22
TODAY = END + timedelta(days=1)
WEEKS = 13  # twelve in the store, one new
HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Fixture:
    """One catalogue size's files: each week's reports, and a workspace holding 12 weeks."""

    root: Path
    asins: int

    @property
    def base(self) -> Path:
        return self.root / "base-ws"

    def week(self, n: int) -> Path:
        return self.root / "weeks" / f"week-{n:02d}"

    @property
    def new_week(self) -> Path:
        return self.week(WEEKS)

    @property
    def cells(self) -> Path:
        return self.root / "cells.pickle"

    @property
    def period(self) -> str:
        return f"{END - timedelta(days=6)}..{END}"


def week_periods():
    from fupan.sync.periods import Period

    ends = [END - timedelta(days=7 * n) for n in range(WEEKS - 1, -1, -1)]
    return [Period(e - timedelta(days=6), e) for e in ends]


def write_week(folder: Path, seller, period, n: int) -> list[tuple[Path, Period | None]]:
    """One week's downloads: what a team fetches every Monday."""
    import pandas as pd
    from fupan.sync.periods import Period
    from fupan.sync.samples import writers

    folder.mkdir(parents=True, exist_ok=True)
    lo, hi = pd.Timestamp(period.start), pd.Timestamp(period.end)
    terms = seller.search_terms
    stock = seller.stock
    week = replace(
        seller,
        search_terms=terms[(terms.date >= lo) & (terms.date <= hi)],
        returns=seller.returns[
            (seller.returns.return_date >= lo) & (seller.returns.return_date <= hi)
        ],
        # The stock moves from week to week (so each week's snapshot is a new file).
        stock=stock.assign(available=stock.available + n, inbound=stock.inbound + (n % 3)),
    )
    return [
        (writers.write_business_asin(folder / "BusinessReport.csv", seller, period), period),
        (writers.write_sp_xlsx(folder / "search-terms.xlsx", week, "search_term"), None),
        (writers.write_sp_xlsx(folder / "advertised.xlsx", week, "advertised_product"), None),
        (
            writers.write_myi(folder / "Manage FBA Inventory.csv", week),
            Period(period.end, period.end),
        ),
        (writers.write_planning(folder / "planning.txt", week), None),
        (writers.write_returns(folder / "returns.txt", week), None),
    ]


def prepare(root: Path, asins: int, log=print) -> Fixture:
    """Write the 13 weeks' files and a workspace with the first 12 imported and synced
    (kept in `root`: a second benchmark run on the same folder reuses them)."""
    from fupan.sync.flows.sync import sync_workbook
    from fupan.sync.samples.seller import large_seller
    from fupan.sync.store.history import Store
    from fupan.sync.store.importer import import_reports
    from fupan.sync.workspace import init

    fx = Fixture(root, asins)
    done = root / "ready"
    if done.exists():
        return fx
    t = time.perf_counter()
    seller = large_seller(END, children=asins, days=7 * WEEKS)
    periods = week_periods()
    files = [write_week(fx.week(n + 1), seller, p, n + 1) for n, p in enumerate(periods)]
    log(f"  {asins:,} ASINs: {WEEKS} weeks of reports written in {time.perf_counter() - t:.0f} s")
    t = time.perf_counter()
    if fx.base.exists():
        shutil.rmtree(fx.base)
    ws = init(fx.base, marketplace="US")
    with Store.open(ws.store_path) as store:
        for week in files[:-1]:
            for path, period in week:
                import_reports([path], store=store, period=period, today=TODAY)
    sync_workbook(ws, [], period=periods[-2], today=TODAY - timedelta(days=7))
    log(f"  {asins:,} ASINs: 12 weeks imported and synced in {time.perf_counter() - t:.0f} s")
    done.write_text("ok")
    return fx


def workspace_for(fx: Fixture, case: str, into: Path) -> Path:
    """A copy of the 12-week workspace with the new week in its inbox (`case` "inbox": the
    old weeks' files too). Copying is not part of any figure."""
    ws = into / "ws"
    shutil.copytree(fx.base, ws)
    inbox = ws / "reports"
    weeks = range(1, WEEKS + 1) if case == "inbox" else [WEEKS]
    for n in weeks:
        shutil.copytree(fx.week(n), inbox / f"week-{n:02d}")
    return ws


def fupan_command(ws: Path, fx: Fixture) -> list[str]:
    return [
        sys.executable,
        "-m",
        "fupan",
        "--today",
        TODAY.isoformat(),
        "sync",
        "--workspace",
        str(ws),
        "--period",
        fx.period,
    ]


def floor_command(fx: Fixture, out: Path) -> list[str]:
    return [
        sys.executable,
        str(HERE / "weekly.py"),
        "floor",
        str(fx.new_week),
        str(fx.cells),
        str(out),
    ]


def timed(cmd: list[str], *, extra_env: dict[str, str] | None = None) -> float:
    """Wall-clock seconds of one whole process (less what it reports as set-up)."""
    env = {**os.environ, **(extra_env or {})}
    t = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - t
    if done.returncode:
        raise RuntimeError(
            f"{' '.join(cmd[:4])} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
        )
    untimed = 0.0
    for line in done.stdout.splitlines():
        if line.startswith("untimed "):
            untimed += float(line.split()[1])
    return seconds - untimed


def dump_cells(fx: Fixture, tmp: Path) -> tuple[int, Path]:
    """Refresh once (a warm-up, not measured) and keep the review's cells for the floor;
    returns the cell count and the written workbook."""
    from fupan.sync.flows.sync import sync_workbook
    from fupan.sync.periods import Period
    from fupan.sync.targets.memory import grid
    from fupan.sync.workspace import Workspace

    ws = Workspace.load(workspace_for(fx, "new", tmp))
    result = sync_workbook(ws, [], period=Period.parse(fx.period), today=TODAY)
    sheets = [(s.title, grid(s)) for s in result.plan.sheets]
    with fx.cells.open("wb") as f:
        pickle.dump(sheets, f, protocol=pickle.HIGHEST_PROTOCOL)
    cells = sum(len(r) for _, g in sheets for r in g)
    return cells, ws.workbook


@dataclass
class Weekly:
    asins: int
    cells: int
    fupan: list[float]
    inbox: list[float]
    floor: list[float]
    workbook: Path | None = None

    @property
    def ratio(self) -> float:
        return statistics.median(self.fupan) / statistics.median(self.floor)

    @property
    def inbox_ratio(self) -> float:
        return statistics.median(self.inbox) / statistics.median(self.floor)


def compiled() -> None:
    """fupan's modules compiled to bytecode, as `pip install` leaves them (the floor's pandas
    and openpyxl are): a source checkout run with PYTHONDONTWRITEBYTECODE=1 would compile its
    ~210 modules in every process (0.1 s), which no installed fupan does."""
    import fupan

    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(fupan.__file__).parent)],
        check=True,
        capture_output=True,
    )


def measure(fx: Fixture, repeat: int, work: Path, log=print, inbox: bool = True) -> Weekly:
    """fupan (new week only), the floor, fupan (inbox with old weeks), the floor ... alternately."""
    compiled()
    cells, workbook = dump_cells(fx, work / "warm")
    keep = work / f"review-{fx.asins}.xlsx"
    shutil.copy(workbook, keep)
    out = Weekly(fx.asins, cells, [], [], [], keep)
    for n in range(repeat):
        for case in ("new", "inbox") if inbox else ("new",):
            run = work / f"run-{case}-{n}"
            ws = workspace_for(fx, case, run)
            (out.fupan if case == "new" else out.inbox).append(timed(fupan_command(ws, fx)))
            shutil.rmtree(run)
            out.floor.append(timed(floor_command(fx, work / "floor.xlsx")))
        log(
            f"  {fx.asins:,} ASINs, round {n + 1}: fupan {out.fupan[-1]:.1f} s"
            + (f", with old weeks {out.inbox[-1]:.1f} s" if inbox else "")
            + f", floor {out.floor[-1]:.1f} s"
        )
    return out


# LibreOffice: open + recalculate the review against the same workbook as values ---------------


def soffice_command(book: Path, out: Path, to: str = "xlsx") -> list[str]:
    """Headless LibreOffice opening `book`, recalculating every formula of every tab on load
    (the tests' profile: tests/libreoffice.py), and saving it `to` .xlsx, or to .csv: only
    the first tab's values, so that what is timed is the opening and recalculating."""
    sys.path.insert(0, str(HERE.parent / "tests"))
    from libreoffice import RECALC_ALWAYS

    profile = out / "lo-profile"
    user = profile / "user"
    if not user.exists():
        user.mkdir(parents=True)
        (user / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    return [
        exe,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        to,
        "--outdir",
        str(out / "converted"),
        str(book),
    ]


def values_twin(book: Path, work: Path) -> Path:
    """The review as values only: LibreOffice recalculates it once, openpyxl copies what it
    computed (same tabs, same cells, no formulas)."""
    from openpyxl import Workbook, load_workbook

    subprocess.run(soffice_command(book, work), capture_output=True, check=True, timeout=1800)
    computed = load_workbook(work / "converted" / book.name, read_only=True, data_only=True)
    wb = Workbook(write_only=True)
    for src in computed.worksheets:
        ws = wb.create_sheet(src.title)
        for row in src.iter_rows(values_only=True):
            ws.append(list(row))
    out = work / f"values-{book.name}"
    wb.save(out)
    return out


@dataclass
class Recalc:
    """Seconds of LibreOffice opening and recalculating the review and its values twin, and
    the same when each is also saved as .xlsx (writing 100,000 formulas back as text)."""

    asins: int
    formulas: list[float]
    values: list[float]
    formulas_saved: list[float]
    values_saved: list[float]

    @property
    def ratio(self) -> float:
        return statistics.median(self.formulas) / statistics.median(self.values)

    @property
    def saved_ratio(self) -> float:
        return statistics.median(self.formulas_saved) / statistics.median(self.values_saved)


def measure_recalc(book: Path, asins: int, repeat: int, work: Path, log=print) -> Recalc:
    """Open + recalculate (+ save), the review and its values twin alternately."""
    work.mkdir(parents=True, exist_ok=True)
    twin = values_twin(book, work / "twin")
    out = Recalc(asins, [], [], [], [])
    for n in range(repeat):
        out.formulas.append(timed(soffice_command(book, work / "f", "csv")))
        out.values.append(timed(soffice_command(twin, work / "v", "csv")))
        out.formulas_saved.append(timed(soffice_command(book, work / "f")))
        out.values_saved.append(timed(soffice_command(twin, work / "v")))
        log(
            f"  {asins:,} ASINs, LibreOffice round {n + 1}: review {out.formulas[-1]:.1f} s, "
            f"values {out.values[-1]:.1f} s; saved as .xlsx {out.formulas_saved[-1]:.1f} s, "
            f"{out.values_saved[-1]:.1f} s"
        )
    return out


# Google: bytes a refresh sends -----------------------------------------------------------


def google_bytes(fx: Fixture, work: Path) -> list[tuple[str, int, int, int]]:
    """(refresh, requests, bytes sent, bytes received) of three refreshes of one Google Sheet
    on the tests' stand-in (tests/google_standin, which validates every body): the 12th
    week's review into a new sheet, the same again with nothing changed, and the new week's
    (its files imported) in the sheet the first two wrote."""
    sys.path.insert(0, str(HERE.parent / "tests"))
    from fupan.sync.flows.sync import sync_workbook
    from fupan.sync.periods import Period
    from fupan.sync.targets.gsheets.target import GSheetsTarget
    from fupan.sync.workspace import Workspace
    from google_standin import FakeGoogle
    from gsheets_requests import client_on

    ws = Workspace.load(workspace_for(fx, "new", work))
    nothing = work / "no-new-files"
    nothing.mkdir()
    last = week_periods()[-2]
    fake = FakeGoogle()
    sid = fake.create_spreadsheet("Review")
    client = client_on(fake)

    def refresh(what: str, reports: list[Path], period: Period) -> tuple[str, int, int, int]:
        start = len(fake.log)
        target = GSheetsTarget(sid, client)
        sync_workbook(ws, reports, target=target, period=period, today=TODAY)
        sent = fake.log[start:]
        up, down = sum(e.body_bytes for e in sent), sum(e.answer_bytes for e in sent)
        return what, len(sent), up, down

    return [
        refresh("first refresh, new sheet", [nothing], last),
        refresh("second refresh, nothing changed", [nothing], last),
        refresh("the next week: its files imported, its review", [], Period.parse(fx.period)),
    ]


# The report ---------------------------------------------------------------------------------


def report(
    sizes: list[int],
    *,
    repeat: int,
    workdir: Path,
    recalc_sizes: list[int],
    google: bool,
    log=print,
) -> list[str]:
    """Measure every size; returns the result lines (each ratio on its own line)."""
    results: dict[int, Weekly] = {}
    recalcs: dict[int, Recalc] = {}
    lines: list[str] = []
    for asins in sizes:
        fx = prepare(workdir / str(asins), asins, log)
        work = workdir / str(asins) / "runs"
        shutil.rmtree(work, ignore_errors=True)
        results[asins] = w = measure(fx, repeat, work, log)
        fu, inbox, fl = (statistics.median(x) for x in (w.fupan, w.inbox, w.floor))
        lines += [
            f"weekly sync, {asins:,} ASINs ({w.cells:,} cells): fupan {fu:.1f} s, floor {fl:.1f} s",
            f"weekly sync / floor, {asins:,} ASINs: {w.ratio:.2f}x (aim <= 1.5x at 2,000)",
            f"weekly sync with old weeks in the inbox / floor, {asins:,} ASINs: "
            f"{w.inbox_ratio:.2f}x (fupan {inbox:.1f} s)",
        ]
        if asins in recalc_sizes and w.workbook is not None:
            recalcs[asins] = r = measure_recalc(w.workbook, asins, repeat, work / "lo", log)
            lines += [
                f"LibreOffice open+recalculate, {asins:,} ASINs: review "
                f"{statistics.median(r.formulas):.1f} s, "
                f"values {statistics.median(r.values):.1f} s",
                f"LibreOffice review / values, {asins:,} ASINs: {r.ratio:.2f}x "
                "(aim <= 1.5x at 2,000)",
                f"LibreOffice open+recalculate+save as .xlsx, {asins:,} ASINs: review "
                f"{statistics.median(r.formulas_saved):.1f} s, "
                f"values {statistics.median(r.values_saved):.1f} s: {r.saved_ratio:.2f}x",
            ]
        if google and asins == max(sizes):
            refreshes = google_bytes(fx, work / "google")
            lines += [
                f"Google, {asins:,} ASINs, {what}: {n} requests, {up:,} bytes sent, "
                f"{down:,} bytes received"
                for what, n, up, down in refreshes
            ]
            first, second = refreshes[0][2], refreshes[1][2]
            lines.append(
                f"Google second / first refresh bytes, {asins:,} ASINs: {second / first:.3f}x "
                "(aim <= 0.10x)"
            )
    ordered = sorted(results)
    for a, b in itertools.pairwise(ordered):
        fa, fb = (statistics.median(results[x].fupan) for x in (a, b))
        lines.append(
            f"weekly sync {b:,} / {a:,} ASINs (x{b / a:g} catalogue): {fb / fa:.2f}x "
            "(aim <= 4.5x per 4x)"
        )
        if a in recalcs and b in recalcs:
            ra, rb = (statistics.median(recalcs[x].formulas) for x in (a, b))
            lines.append(
                f"LibreOffice recalculate {b:,} / {a:,} ASINs: {rb / ra:.2f}x (aim <= 4.5x)"
            )
    return lines


# Child process: the floor ------------------------------------------------------------------


def floor(folder: Path, cells: Path, out: Path) -> None:
    import pandas as pd
    from openpyxl import Workbook

    for path in sorted(folder.iterdir()):
        if path.suffix == ".xlsx":
            pd.read_excel(path, engine="calamine")
        elif path.suffix == ".txt":
            pd.read_csv(path, sep="\t", dtype=str, quoting=3)
        elif path.name.startswith("Manage"):
            pd.read_csv(path, dtype=str, encoding="cp1252")
        else:
            pd.read_csv(path, dtype=str, encoding="utf-8-sig")
    t = time.perf_counter()
    with cells.open("rb") as f:
        sheets = pickle.load(f)
    print(f"untimed {time.perf_counter() - t:.6f}")  # the cells are given, not computed
    wb = Workbook(write_only=True)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="command", required=True)
    f = sub.add_parser("floor", help="read a week's files, write the given cells (child)")
    f.add_argument("folder", type=Path)
    f.add_argument("cells", type=Path)
    f.add_argument("out", type=Path)
    args = ap.parse_args()
    if args.command == "floor":
        floor(args.folder, args.cells, args.out)
    print(json.dumps({"seconds": time.perf_counter() - START}))


if __name__ == "__main__":
    main()
