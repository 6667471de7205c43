"""Time reading back what a team edits in a review .xlsx, as every sync does: the notes of the two
report tabs and the Settings tab, scanned (sync/targets/xlsx_scan.py) against openpyxl's own
parser, which reads what the scan is unsure of (run: python benchmarks/readback.py REVIEW.xlsx;
a large review: DIR/2000/base-ws/review.xlsx after `python benchmarks/run.py --weekly
--workdir DIR`). Both must read the same; the best of --rounds is printed.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from fupan.sync.flows.review import read_notes
from fupan.sync.settings_sheet import team_settings
from fupan.sync.targets import xlsx, xlsx_columns
from fupan.sync.targets.xlsx import XlsxTarget
from fupan.sync.targets.xlsx_xml import Unsure


@contextmanager
def openpyxl_only() -> Iterator[None]:
    """Every tab left to openpyxl, as before the scan."""

    def unsure(*args: object, **kwargs: object) -> None:
        raise Unsure("benchmark")

    with (
        mock.patch.object(xlsx, "scan_rows", unsure),
        mock.patch.object(xlsx_columns, "scan_rows", unsure),
    ):
        yield


def best(path: Path, read: Callable[[XlsxTarget], object], rounds: int) -> float:
    """The fastest of `rounds` reads, each by a target that has opened the file already."""
    times = []
    for _ in range(rounds):
        target = XlsxTarget(path)
        target.sheet_titles()  # the workbook opened (its shared strings read): not timed
        gc.collect()
        start = time.perf_counter()
        read(target)
        times.append(time.perf_counter() - start)
        target.close()
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("review", type=Path, help="A review workbook (.xlsx), only read.")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    reads: dict[str, Callable[[XlsxTarget], object]] = {
        "notes (sales, ads)": lambda t: [read_notes(t, k) for k in ("sales", "ads")],
        "Settings": team_settings,
    }
    for name, read in reads.items():
        with openpyxl_only():
            before = best(args.review, read, args.rounds)
            slow = read(XlsxTarget(args.review))
        after = best(args.review, read, args.rounds)
        if read(XlsxTarget(args.review)) != slow:
            raise SystemExit(f"{name}: the scan read something else than openpyxl")
        print(f"{name}: openpyxl {before * 1000:.0f} ms, scanned {after * 1000:.0f} ms")


if __name__ == "__main__":
    main()
