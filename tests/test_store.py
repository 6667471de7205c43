"""The history store: idempotent imports, re-downloads replace, overlaps refused."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from fupan.sync.errors import OverlapError
from fupan.sync.ingest.readers.base import ReadResult
from fupan.sync.ingest.schema import ADS, conform
from fupan.sync.periods import Period
from fupan.sync.samples import writers
from fupan.sync.store.history import Store
from fupan.sync.store.importer import import_reports


def ads_result(days: list[str], spend: float, *, summary: tuple[str, str] | None = None):
    if summary:
        rows = [{"start_date": summary[0], "end_date": summary[1], "spend": spend}]
    else:
        rows = [{"start_date": d, "end_date": d, "spend": spend} for d in days]
    frame = pd.DataFrame(rows).assign(
        marketplace="US", ad_type="SP", grain="campaign", campaign="C1", clicks=1.0
    )
    frame = conform(frame, ADS)
    period = Period(frame.start_date.min().date(), frame.end_date.max().date())
    return ReadResult("ads_campaign", ADS, frame, period, "US")


def test_same_file_twice_changes_nothing(tmp_path, seller):
    path = writers.write_business_daily(tmp_path / "d.csv", seller)
    with Store.open(tmp_path / "h.duckdb") as store:
        first = import_reports([path], store=store)
        second = import_reports([path], store=store)
        assert first.rows == seller.days and not first.outcomes[0].skipped
        assert second.outcomes[0].skipped and second.rows == 0
        assert len(store.table("business_daily")) == seller.days
        assert len(store.imports()) == 1


def test_store_survives_reopening(tmp_path, seller):
    path = writers.write_business_daily(tmp_path / "d.csv", seller)
    with Store.open(tmp_path / "h.duckdb") as store:
        import_reports([path], store=store)
    with Store.open(tmp_path / "h.duckdb") as store:
        assert store.table("business_daily").units.sum() == seller.daily.units.sum()


def test_overlapping_redownload_replaces_those_days():
    with Store.memory() as store:
        days1 = [f"2026-11-{d:02d}" for d in range(1, 15)]
        days2 = [f"2026-11-{d:02d}" for d in range(8, 22)]
        store.import_result(ads_result(days1, 10.0), file="a.csv", sha256="a")
        out = store.import_result(ads_result(days2, 12.0), file="b.csv", sha256="b")
        assert out.replaced == 7
        ads = store.table("ads")
        assert len(ads) == 21
        assert ads.spend.sum() == 7 * 10.0 + 14 * 12.0
        log = store.imports()
        assert list(log.rows) == [14, 14] and list(log.replaced) == [0, 7]


def test_a_row_that_cannot_be_split_is_refused():
    with Store.memory() as store:
        store.import_result(
            ads_result([], 300.0, summary=("2026-11-01", "2026-11-30")),
            file="month.xlsx",
            sha256="m",
        )
        with pytest.raises(
            OverlapError, match=re.escape('"month.xlsx" cover 2026-11-01..2026-11-30')
        ):
            store.import_result(
                ads_result(["2026-11-20", "2026-12-02"], 5.0), file="daily.xlsx", sha256="d"
            )
        assert store.table("ads").spend.sum() == 300.0  # nothing half-written


def test_table_filters_by_period_and_marketplace():
    with Store.memory() as store:
        store.import_result(ads_result(["2026-11-01", "2026-11-10"], 1.0), file="a", sha256="a")
        p = Period.parse("2026-11-05..2026-11-12")
        assert len(store.table("ads", period=p)) == 1
        assert store.table("ads", marketplace="DE").empty
        assert store.coverage("ads") == Period.parse("2026-11-01..2026-11-10")


def test_a_file_already_imported_is_hashed_not_parsed(tmp_path, seller, monkeypatch):
    from fupan.sync.store import importer

    writers.write_business_daily(tmp_path / "daily.csv", seller)
    with Store.memory() as store:
        first = importer.import_reports([tmp_path], store=store, period=None)
        assert first.imported

        def parse(*args, **kwargs):
            raise AssertionError("a known file was parsed again")

        monkeypatch.setattr(importer, "parse", parse)
        again = importer.import_reports([tmp_path], store=store, period=None)
        assert [o.skipped for o in again.outcomes] == [True]


def test_files_read_side_by_side_are_taken_in_their_order(tmp_path, seller, monkeypatch):
    """Files are read at once on several threads; what is read, said and counted still
    comes in the files' order, whichever file is read first."""
    import time

    from fupan.sync.store import importer

    folder = tmp_path / "in"
    folder.mkdir()
    writers.write_returns(folder / "a-returns.txt", seller)
    (folder / "b-notes.txt").write_text("a shopping list, not a report\n", encoding="utf-8")
    writers.write_feedback(folder / "c-feedback.txt", seller)
    read = importer._read

    def first_is_slowest(path, ctx, known):
        if path.name.startswith("a-"):
            time.sleep(0.5)  # read last, taken first
        return read(path, ctx, known)

    monkeypatch.setattr(importer, "_read", first_is_slowest)
    told: list[str] = []
    results, findings = importer.read_all(
        [folder], progress=lambda done, total, name: told.append(name)
    )
    assert [p.name for p, _, _ in results] == ["a-returns.txt", "c-feedback.txt"]
    assert told == ["a-returns.txt", "b-notes.txt", "c-feedback.txt", ""]
    skipped = [f for f in findings if f.code == "not-a-report"]
    assert [f.file for f in skipped] == [str(folder / "b-notes.txt")]


def test_a_store_that_cannot_write_its_new_rows_at_close_says_so(tmp_path):
    """Closing on a thread of its own: a disk that refuses the checkpoint is said in the
    system's words when the caller waits, after the connection is closed."""
    import duckdb
    from fupan.sync.errors import StoreError
    from fupan.sync.store.closing import Closing

    class Refusing:
        closed = False

        def execute(self, sql: str) -> None:
            raise duckdb.IOException("Could not write file: No space left on device")

        def close(self) -> None:
            self.closed = True

    con = Refusing()
    with Store.open(tmp_path / "history.duckdb") as store:
        closing = Closing(con, checkpoint=True, failed=store._write_failed)
        with pytest.raises(StoreError, match="No space left on device"):
            closing.wait()
    assert con.closed


def test_a_sync_leaves_its_rows_in_the_store_file(tmp_path, seller):
    """The store is closed on a thread while the review is written; the sync waits for it,
    so the week's rows are in the file (no write-ahead log left) when it returns."""
    from datetime import date

    from fupan.sync.api import init_workspace
    from fupan.sync.flows.sync import sync_workbook

    ws = init_workspace(tmp_path / "shop")
    writers.write_returns(ws.reports / "returns.txt", seller)
    sync_workbook(ws, today=date(2026, 11, 25))
    assert not ws.store_path.with_name(ws.store_path.name + ".wal").exists()
    with Store.open(ws.store_path, read_only=True) as store:
        assert len(store.table("returns")) == len(seller.returns)


def test_a_read_is_kept_until_the_next_write():
    """The same read twice asks the store once; each caller gets its own frame; a write
    (a re-download replacing days) is seen by the next read."""
    with Store.memory() as store:
        days = [f"2026-11-{d:02d}" for d in range(1, 8)]
        store.import_result(ads_result(days, 10.0), file="a.csv", sha256="a")
        asked: list[str] = []
        store._con = _Counting(store._con, asked)
        first = store.table("ads")
        first.loc[:, "spend"] = 0.0  # a caller changing its frame changes no one else's
        second = store.table("ads")
        assert len([q for q in asked if " FROM ads" in q]) == 1
        assert second.spend.sum() == 70.0
        store.import_result(ads_result(days, 12.0), file="b.csv", sha256="b")
        assert store.table("ads").spend.sum() == 84.0
        assert store.table("ads", columns=["spend"]).columns.tolist() == ["spend"]


class _Counting:
    """A DuckDB connection that notes each statement it runs."""

    def __init__(self, con, asked: list[str]) -> None:
        self._con, self._asked = con, asked

    def execute(self, sql: str, *args):
        self._asked.append(sql)
        return self._con.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self._con, name)


def test_a_review_that_fails_to_build_still_lets_go(tmp_path, seller, monkeypatch):
    """When building the review fails, the workbook is let go (a Google Sheet's lease) and
    the store is closed with the week's rows in its file, before the error is raised."""
    from datetime import date

    from fupan.sync.api import init_workspace
    from fupan.sync.flows import review
    from fupan.sync.targets.memory import MemoryTarget

    class Leased(MemoryTarget):
        closed = 0

        def close(self) -> None:
            self.closed += 1

    def broken(inputs):
        raise RuntimeError("the plan failed")

    ws = init_workspace(tmp_path / "shop")
    writers.write_returns(ws.reports / "returns.txt", seller)
    monkeypatch.setattr(review, "build_plan", broken)
    target = Leased()
    with pytest.raises(RuntimeError, match="the plan failed"):
        review.refresh_review(ws, target=target, today=date(2026, 11, 25))
    assert target.closed == 1
    with Store.open(ws.store_path, wait=0) as store:  # free: no thread holds it
        assert len(store.table("returns")) == len(seller.returns)
