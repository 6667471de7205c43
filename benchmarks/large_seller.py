"""The benchmark's report files: the large seller (or the demo seller) in Amazon's layouts."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from fupan.sync.periods import Period
from fupan.sync.samples import Seller, large_seller, small_seller, writers

END = date(2026, 11, 22)
SCALES = {"large": large_seller, "small": small_seller}


def write_files(
    folder: Path, scale: str = "large"
) -> tuple[Seller, list[tuple[Path, Period | None]], float]:
    """Write the seller's reports; returns the seller, each file with its period, and seconds."""
    t = time.perf_counter()
    folder.mkdir(parents=True)
    seller = SCALES[scale](END)
    files: list[tuple[Path, Period | None]] = []
    for start, end in seller.weeks():
        p = Period(start, end)
        files.append((writers.write_business_asin(folder / f"br-{end}.csv", seller, p), p))
    files.append((writers.write_sp_xlsx(folder / "search-terms.xlsx", seller, "search_term"), None))
    files.append(
        (writers.write_sp_xlsx(folder / "advertised.xlsx", seller, "advertised_product"), None)
    )
    files.append((writers.write_myi(folder / "myi.csv", seller), Period(END, END)))
    files.append((writers.write_planning(folder / "planning.txt", seller), None))
    files.append((writers.write_returns(folder / "returns.txt", seller), None))
    return seller, files, time.perf_counter() - t
