"""Measure SQLite against DuckDB as fupan's history store (run: python benchmarks/store_choice.py).

Writes 300,000 ads rows (the large seller's search-term report) and reads one month back
into pandas, the two operations an import and a `fupan kpis` run are made of.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
from fupan.sync.ingest.schema import ADS, conform

ROWS = 300_000


def frame(rows: int = ROWS) -> pd.DataFrame:
    rng = np.random.default_rng(1)
    days = pd.date_range("2026-08-01", periods=90)
    data = {
        "marketplace": "US",
        "ad_type": "SP",
        "grain": "search_term",
        "start_date": days[rng.integers(0, 90, rows)],
        "campaign": [f"SP-自动-{i % 400}" for i in range(rows)],
        "ad_group": [f"组 {i % 1200}" for i in range(rows)],
        "search_term": [f"term {i}" for i in range(rows)],
        "impressions": rng.integers(0, 5000, rows),
        "clicks": rng.integers(0, 50, rows),
        "spend": rng.random(rows) * 40,
        "sales": rng.random(rows) * 120,
    }
    df = pd.DataFrame(data)
    df["end_date"] = df["start_date"]
    return conform(df, ADS)


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    df = frame()
    where = "start_date >= '2026-09-01' AND end_date <= '2026-09-30'"
    with tempfile.TemporaryDirectory() as tmp:
        sq = sqlite3.connect(Path(tmp) / "h.sqlite")
        w_sqlite = timed(lambda: df.to_sql("ads", sq, index=False, chunksize=50_000))
        r_sqlite = timed(lambda: pd.read_sql(f"SELECT * FROM ads WHERE {where}", sq))
        sq.close()
        dk = duckdb.connect(str(Path(tmp) / "h.duckdb"))
        dk.register("incoming", df)
        w_duck = timed(lambda: dk.execute("CREATE TABLE ads AS SELECT * FROM incoming"))
        r_duck = timed(lambda: dk.execute(f"SELECT * FROM ads WHERE {where}").df())
        dk.close()
    print(f"{ROWS:,} ads rows      write     read one month")
    print(f"SQLite (stdlib)   {w_sqlite:6.2f} s   {r_sqlite:6.2f} s")
    print(f"DuckDB            {w_duck:6.2f} s   {r_duck:6.2f} s")


if __name__ == "__main__":
    main()
