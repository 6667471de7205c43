"""Minutes of the demo's second meeting, checked against the workbook it reviewed."""

from __future__ import annotations

import base64
from datetime import date

import pytest
from click.testing import CliRunner
from conftest import own_copy
from fupan.addin.registry import KPIS
from fupan.sync.cli.app import cli
from fupan.sync.flows.demo import run_demo
from fupan.sync.flows.minutes import write_minutes

pytestmark = [pytest.mark.dates, pytest.mark.slow]  # builds the demo in both languages

TODAY = date(2026, 11, 25)
MEETING = date(2026, 11, 23)  # the demo's second review is held the Monday after the week


@pytest.fixture(scope="module", params=["en", "zh"])
def built(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"minutes-{request.param}")
    return run_demo(folder / "ws", lang=request.param, today=TODAY)


@pytest.fixture
def demo(built, tmp_path):
    return own_copy(built, tmp_path)


def test_minutes_cover_reds_overdue_owners_and_outcomes(demo):
    ws = demo.workspace
    path, m = write_minutes(ws, today=MEETING)
    text = path.read_text(encoding="utf-8")
    lang = ws.language
    review = demo.sync.review
    reds = review.kpis[(review.kpis.status == "red") & (review.kpis.scope == "account")]
    assert not reds.empty
    for r in reds.itertuples():
        name = KPIS[r.kpi].name_zh if lang == "zh" else KPIS[r.kpi].name_en
        assert name in text
    assert len(m.flags) == int(review.kpis.status.isin(["red", "yellow"]).sum())
    overdue = [o for o in m.previous if o.outcome == "overdue"]
    assert overdue and m.overdue == len(overdue)
    for o in m.previous:  # the previous meeting's actions, with owners, due dates, outcomes
        assert o.action.id in text and o.action.owner in text and str(o.action.due) in text
    assert {o.outcome for o in m.previous} == {"done", "overdue", "open"}
    assert ("已逾期" if lang == "zh" else "overdue") in text
    assert "76" in text and len(m.next_three) == 3
    assert m.snapshot.exists() and m.snapshot.name == f"review-{MEETING}.xlsx"


def test_minutes_open_with_the_money_block_in_dollars(demo):
    """The same block as the Dashboard's first: sales, net profit, margin, attainment, ad
    spend and TACoS, with the comparison week, money as the marketplace writes it."""
    ws = demo.workspace
    path, m = write_minutes(ws, today=MEETING)
    text = path.read_text(encoding="utf-8")
    lang = ws.language
    review = demo.sync.review
    assert [x.kpi for x in m.money][:4] == ["sales", "net_profit", "margin", "sales_attainment"]
    assert {"ad_spend", "tacos"} <= {x.kpi for x in m.money}
    heading = "## 销售与利润" if lang == "zh" else "## Money"
    gains = "## 1. 哪些带来了增长" if lang == "zh" else "## 1. What brought gains"
    assert text.index(heading) < text.index(gains)
    profit = review.value("net_profit")
    assert profit is not None and f"${profit:,.2f}" in text.split(gains)[0]
    net = next(x for x in m.money if x.kpi == "net_profit")
    assert net.before is not None and net.now == pytest.approx(profit)


def test_html_minutes_carry_traffic_light_colours(demo):
    path, m = write_minutes(demo.workspace, today=MEETING, fmt="html")
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "#FFC7CE" in page and "<table>" in page
    # The weekly trend travels inside the page as an SVG image: one bar per week.
    data = page.split("data:image/svg+xml;base64,")[1].split('"')[0]
    svg = base64.b64decode(data).decode("utf-8")
    assert len(m.trend) == 8 and svg.count("<rect") == len(m.trend) and "<polyline" in svg


def test_cli_minutes(demo):
    out = demo.workspace.root / "m.md"
    root = str(demo.workspace.root)
    args = ["--today", str(MEETING), "minutes", "--workspace", root, "--out", str(out)]
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8").startswith("#")


@pytest.mark.libreoffice
def test_html_minutes_render_with_red_rows(demo, tmp_path):
    import os
    import shutil
    from pathlib import Path

    from libreoffice import colours, convert

    path, _ = write_minutes(demo.workspace, today=MEETING, fmt="html")
    pdf = convert([path], "pdf", tmp_path / "lo", infilter="HTML (StarWriter)")[0]
    png = pdf.with_name(pdf.stem + "-page.png")
    import subprocess

    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(png.with_suffix("")),
        ],
        check=True,
        timeout=120,
    )
    assert (0xFF, 0xC7, 0xCE) in colours(png)
    if demo.workspace.language == "en" and os.environ.get("FUPAN_UPDATE_DOCS"):
        shutil.copy(png, Path(__file__).resolve().parents[1] / "docs" / "minutes-example.png")


def test_next_minutes_show_what_changed_since(demo):
    from openpyxl import load_workbook

    ws = demo.workspace
    write_minutes(ws, today=MEETING)  # the meeting's minutes freeze the workbook
    wb = load_workbook(ws.workbook)
    sheet = wb[demo.sync.plan.sheet("actions").title]
    status = [c.value for c in sheet[3]].index("status") + 1
    for row in sheet.iter_rows(min_row=5):
        if row[status - 1].value == "open":
            sheet.cell(row[0].row, status, "done")
    wb.save(ws.workbook)
    path, m = write_minutes(ws, today=date(2026, 11, 30))
    assert m.since is not None and m.since[0] == MEETING
    assert any("open → done" in c for c in m.since[1])
    assert "open → done" in path.read_text(encoding="utf-8")


def test_minutes_judge_by_the_workbooks_settings(demo):
    from test_cli import set_band

    ws = demo.workspace
    _, before = write_minutes(ws, today=MEETING)
    assert any(f.kpi == "acos" for f in before.flags)
    every = ("", *KPIS["acos"].category_bands)  # the demo's ASINs have categories
    set_band(ws.workbook, "acos", every, green_max=5.0, yellow_max=5.0)
    _, after = write_minutes(ws, today=MEETING)
    assert not any(f.kpi == "acos" for f in after.flags)
