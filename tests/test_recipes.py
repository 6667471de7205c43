"""The recipes of the README's Development section, each done once with a throw-away part.

A KPI on existing measures is one registry entry; a report family is one reader module (one
registry line). Each test adds its part, uses it end to end, and takes it out again.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

import pytest
from fupan.addin.expr import ratio
from fupan.addin.kpi import Direction, Kpi, Scope, Unit
from fupan.addin.registry import KPIS, register
from fupan.addin.thresholds import Bands
from fupan.sync.api import compute_kpis
from fupan.sync.docs import kpis_markdown
from fupan.sync.ingest import registry as readers
from fupan.sync.ingest.raw import RawReport
from fupan.sync.ingest.readers._snapshot import dated_result
from fupan.sync.ingest.readers.base import Field, ReadContext, Reader, ReadResult
from fupan.sync.ingest.readers.extract import read_frame
from fupan.sync.ingest.schema import BUSINESS_DAILY
from fupan.sync.periods import Period
from fupan.sync.samples import writers

WEEK = Period.parse("2026-11-16..2026-11-22")


@pytest.fixture
def units_per_session():
    """A KPI on measures fupan already has: one entry, nothing else."""
    kpi = Kpi(
        "units_per_session",
        "Units per session",
        "每会话件数",
        Unit.MULTIPLE,
        Direction.HIGHER,
        frozenset({Scope.ACCOUNT, Scope.ASIN}),
        ratio("units", "sessions"),
        "units ordered / sessions",
        Bands(green_min=0.1, yellow_min=0.05, source="(a test's)"),
    )
    register(kpi)
    yield kpi
    del KPIS[kpi.id]


def test_a_kpi_on_existing_measures_is_one_entry(units_per_session, tmp_path, seller):
    path = writers.write_business_asin(tmp_path / "br.csv", seller, WEEK)
    review = compute_kpis([path], period=WEEK, today=date(2026, 11, 25))
    units, sessions = review.value("units"), review.value("sessions")
    assert units and sessions
    assert review.value("units_per_session") == pytest.approx(units / sessions)
    asin = review.kpis[review.kpis.scope == "asin"].key.iloc[0]
    assert review.value("units_per_session", Scope.ASIN, asin) is not None
    # The same entry gives the workbook's formula, the UDF name and the reference page.
    assert units_per_session.formula(lambda m: f"[{m}]") == 'IF([sessions]=0,"",[units]/[sessions])'
    assert "Units per session" in kpis_markdown()


class DailyVisits(Reader):
    """A made-up export: one row per day of visits and units ("tag,visits,units sold")."""

    kind = "daily_visits"
    title = "Daily visits (a test's throw-away report)"
    table = BUSINESS_DAILY
    formats: ClassVar[frozenset[str]] = frozenset({"csv"})
    FIELDS = (
        Field("date", ("tag",), "date", required=True),
        Field("sessions", ("visits",), "count", required=True),
        Field("units", ("units sold",), "count", required=True),
    )

    def detect(self, raw: RawReport) -> int:
        return 10 if raw.keys[:3] == ["tag", "visits", "units sold"] else 0

    def read(self, raw: RawReport, ctx: ReadContext) -> ReadResult:
        frame, market = read_frame(raw, self.FIELDS, ctx)
        frame["sales"] = float("nan")
        return dated_result(self.kind, self.table, raw, frame, market.code, "date")


@pytest.fixture
def daily_visits():
    reader = readers.register(DailyVisits())
    yield reader
    readers.READERS.remove(reader)


def test_a_report_family_is_one_reader_module(daily_visits, tmp_path):
    path = tmp_path / "visits.csv"
    days = [f"2026-11-{d},{100 + d},{d}" for d in range(16, 23)]
    path.write_text("tag,visits,units sold\n" + "\n".join(days) + "\n", encoding="utf-8")
    review = compute_kpis([path], period=WEEK, marketplace="US", today=date(2026, 11, 25))
    assert review.value("sessions") == sum(100 + d for d in range(16, 23))
    assert review.value("units") == sum(range(16, 23))
    assert "Daily visits (a test's throw-away report)" in [r.title for r in readers.READERS]


def test_without_its_line_the_reader_is_unknown(tmp_path):
    path = tmp_path / "visits.csv"
    path.write_text("tag,visits,units sold\n2026-11-16,100,1\n", encoding="utf-8")
    with pytest.raises(Exception, match="is not a report fupan knows"):
        compute_kpis([path], period=WEEK, marketplace="US", today=date(2026, 11, 25))
