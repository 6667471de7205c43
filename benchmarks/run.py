"""Benchmark fupan on a large seller: python benchmarks/run.py [--scale large|small] [--out FILE].

`--weekly`: the weekly refresh instead (benchmarks/weekly.py): 12 weeks in the store, one new
week imported and the review refreshed, beside its floor, in whole processes alternately, at
each catalogue size of `--sizes` (default 500,2000; preparing 8000 takes about 9 minutes), with the
LibreOffice recalculation and the Google bytes; each ratio on its own line.

2,000 child ASINs, 90 days, 300,000 search-term rows, 2,000 inventory rows. Each fupan step is
timed beside its floor in the same run: pandas alone reading the same files, and openpyxl's
write-only mode writing the same tables.
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from pathlib import Path

import pandas as pd
from fupan.sync.engine.build import build_review
from fupan.sync.flows.sync import sync_workbook
from fupan.sync.periods import Period
from fupan.sync.store.history import Store
from fupan.sync.store.importer import import_reports
from fupan.sync.targets.memory import grid
from fupan.sync.workspace import init
from large_seller import END, SCALES, write_files
from openpyxl import Workbook


def floor_read(files: list[tuple[Path, Period | None]]) -> float:
    t = time.perf_counter()
    for path, _ in files:
        if path.suffix == ".xlsx":
            pd.read_excel(path, engine="calamine")
        elif path.suffix == ".txt":
            pd.read_csv(path, sep="\t", dtype=str, quoting=3)
        else:
            pd.read_csv(
                path, dtype=str, encoding="cp1252" if path.name == "myi.csv" else "utf-8-sig"
            )
    return time.perf_counter() - t


def fupan_import(files, store: Store) -> float:
    t = time.perf_counter()
    for path, period in files:
        import_reports([path], store=store, period=period)
    return time.perf_counter() - t


def fupan_kpis(store: Store, period: Period) -> float:
    t = time.perf_counter()
    build_review(store, period, marketplace="US")
    return time.perf_counter() - t


def floor_write(plan, path: Path) -> float:
    """The same tables written by openpyxl's write-only mode, values only."""
    t = time.perf_counter()
    wb = Workbook(write_only=True)
    for sheet in plan.sheets:
        ws = wb.create_sheet(sheet.title)
        for row in grid(sheet):
            ws.append(row)
    wb.save(path)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, help="write the results table into this Markdown file")
    ap.add_argument("--scale", choices=sorted(SCALES), default="large")
    ap.add_argument("--weekly", action="store_true", help="the weekly refresh (see above)")
    ap.add_argument("--sizes", default="500,2000", help="--weekly: catalogue sizes (ASINs)")
    ap.add_argument("--repeat", type=int, default=3, help="--weekly: runs of each (median)")
    ap.add_argument(
        "--workdir", type=Path, help="--weekly: keep the generated weeks here to reuse them"
    )
    ap.add_argument("--recalc", default="2000", help="--weekly: sizes to open in LibreOffice")
    ap.add_argument("--no-google", action="store_true", help="--weekly: skip the Google bytes")
    args = ap.parse_args()
    if args.weekly:
        run_weekly(args)
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        seller, files, gen = write_files(root / "reports", args.scale)
        period = Period(seller.start, END)
        ws = init(root / "ws")
        read = floor_read(files)
        with Store.open(ws.store_path) as store:
            imp = fupan_import(files, store)
            kpis = fupan_kpis(store, period)
            rows = len(store.table("ads"))
        t = time.perf_counter()
        result = sync_workbook(ws, [], period=period, compare="none", today=END)
        sync = time.perf_counter() - t
        cells = sum(s.cell_count() for s in result.plan.sheets)
        write = floor_write(result.plan, root / "floor.xlsx")
    lines = [
        f"{args.scale.title()} seller: {len(seller.catalogue):,} child ASINs, {seller.days} days, "
        f"{rows:,} ad rows; machine: {os.cpu_count()} cores, "
        f"{platform.machine()}, Python {platform.python_version()}, pandas {pd.__version__}.",
        "",
        "| step | fupan | floor | ratio |",
        "|---|---|---|---|",
        f"| read + import all reports | {imp:.1f} s | {read:.1f} s (pandas reads the files) | "
        f"{imp / read:.2f}x |",
        f"| import + `fupan kpis` ({seller.days} days) | {imp + kpis:.1f} s | {read:.1f} s | "
        f"{(imp + kpis) / read:.2f}x |",
        f"| `fupan sync` into .xlsx ({cells:,} cells, incl. import check, review, rules) | "
        f"{sync:.1f} s | {write:.1f} s (openpyxl write-only, same cells) | "
        f"{sync / write:.2f}x |",
        "",
        f"(Generating the sample files took {gen:.1f} s and is not part of any figure.)",
    ]
    text = "\n".join(lines)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


def run_weekly(args: argparse.Namespace) -> None:
    import weekly

    sizes = [int(x) for x in args.sizes.split(",")]
    recalc = [int(x) for x in args.recalc.split(",") if x]
    with tempfile.TemporaryDirectory() as tmp:
        lines = weekly.report(
            sizes,
            repeat=args.repeat,
            workdir=args.workdir or Path(tmp),
            recalc_sizes=recalc,
            google=not args.no_google,
        )
    header = (
        f"machine: {os.cpu_count()} cores, {platform.machine()}, "
        f"Python {platform.python_version()}, pandas {pd.__version__}"
    )
    text = "\n".join([header, *lines])
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
