"""Minutes of the demo's second meeting, checked against the workbook it reviewed."""

from __future__ import annotations

import base64
import re
from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from conftest import own_copy
from fupan.addin.registry import KPIS, Scope
from fupan.sync.cli.app import cli
from fupan.sync.engine.build import build_review
from fupan.sync.engine.ranking import one_per_object
from fupan.sync.engine.rules import evaluate
from fupan.sync.engine.stakes import POLICY
from fupan.sync.flows.demo import run_demo
from fupan.sync.flows.minutes import write_minutes
from fupan.sync.i18n import t
from fupan.sync.settings_sheet import team_settings
from fupan.sync.store.history import Store
from fupan.sync.targets.xlsx import XlsxTarget
from latin import data_values, stray_english

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
    assert t("status_overdue", lang) in text
    assert "76" in text and len(m.next_actions) == 3
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
    heading = f"## {t('minutes_money', lang)}"
    gains = f"## {t('minutes_gains', lang)}"
    assert text.index(heading) < text.index(gains)
    profit = review.value("net_profit")
    assert profit is not None and f"${profit:,.2f}" in text.split(gains)[0]
    net = next(x for x in m.money if x.kpi == "net_profit")
    assert net.before is not None and net.now == pytest.approx(profit)


def test_html_minutes_carry_traffic_light_colours(demo):
    path, m = write_minutes(demo.workspace, today=MEETING, fmt="html")
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "#FFC7CE" in page and "<table " in page
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
    if os.environ.get("FUPAN_UPDATE_DOCS"):
        name = {"en": "minutes-example.png", "zh": "minutes-example-zh.png"}[
            demo.workspace.language
        ]
        shutil.copy(png, Path(__file__).resolve().parents[1] / "docs" / name)


def test_next_minutes_show_what_changed_since(demo):
    from openpyxl import load_workbook

    ws = demo.workspace
    write_minutes(ws, today=MEETING)  # the meeting's minutes freeze the workbook
    wb = load_workbook(ws.workbook)
    sheet = wb[demo.sync.plan.sheet("actions").title]
    status = [c.value for c in sheet[3]].index("status") + 1
    for row in sheet.iter_rows(min_row=5):  # the team closes actions in its own language
        if row[status - 1].value == t("status_open", ws.language):
            sheet.cell(row[0].row, status, t("status_done", ws.language))
    wb.save(ws.workbook)
    path, m = write_minutes(ws, today=date(2026, 11, 30))
    assert m.since is not None and m.since[0] == MEETING
    assert any(c.was == "open" and c.action.status == "done" for c in m.since[1])
    lang = ws.language
    said = f"{t('status_open', lang)} → {t('status_done', lang)}"  # 待处理 → 已完成
    assert said in path.read_text(encoding="utf-8")


def test_minutes_judge_by_the_workbooks_settings(demo):
    from test_cli import set_acos_targets, set_band

    ws = demo.workspace
    _, before = write_minutes(ws, today=MEETING)
    assert any(f.kpi == "acos" for f in before.flags)
    every = ("", *KPIS["acos"].category_bands)  # the demo's ASINs have categories
    set_band(ws.workbook, "acos", every, green_max=5.0, yellow_max=5.0)
    set_acos_targets(ws.workbook, 5.0)  # campaigns: against their ad type's target
    _, after = write_minutes(ws, today=MEETING)
    assert not any(f.kpi == "acos" for f in after.flags)


def _ranked(demo):
    """The rules' proposals on the reviewed week, one per object, by money at stake."""
    ws = demo.workspace
    settings = team_settings(XlsxTarget(ws.workbook))
    week = demo.sync.review.period
    with Store.open(ws.store_path, read_only=True) as store:
        review = build_review(
            store, week, marketplace="US", compare=week.previous(), settings=settings
        )
        return one_per_object(evaluate(review, settings, store.table("inventory")))


def test_the_minutes_follow_the_meeting_and_are_dated_the_meeting_day(demo):
    """Previous actions first, then money, problems by money, gains, next actions; the title
    carries the meeting's day, not the run's."""
    lang = demo.workspace.language
    path, m = write_minutes(demo.workspace, today=TODAY, meeting=MEETING)
    text = path.read_text(encoding="utf-8")
    order = ["minutes_previous", "minutes_money", "minutes_findings", "minutes_gains"]
    at = [text.index(f"## {t(k, lang)}") for k in [*order, "minutes_next"]]
    assert at == sorted(at)
    title = text.splitlines()[0]
    assert title.startswith(f"# {t('minutes_title', lang)}") and str(MEETING) in title
    assert str(TODAY) not in title and m.meeting == MEETING
    assert m.snapshot.name == f"review-{MEETING}.xlsx" and path.name == f"minutes-{MEETING}.md"
    # The previous meeting's actions are judged on the meeting's day: A-0002 was due before.
    assert {o.action.id: o.outcome for o in m.previous}["A-0002"] == "overdue"


def test_the_three_next_actions_are_the_largest_by_money_at_stake(demo):
    lang = demo.workspace.language
    path, m = write_minutes(demo.workspace, today=MEETING)
    text = path.read_text(encoding="utf-8")
    ranked = _ranked(demo)
    assert not m.new_actions  # nothing typed in this meeting: the rules' proposals, by money
    shown = [(x.suggestion.rule, x.scope, x.key) for x in m.next_actions if x.suggestion]
    assert shown == [(s.rule, s.scope, s.key) for s in ranked[:3]]
    assert m.next_actions[0].stake.tier == POLICY  # the red ODR: account health first
    priced = sorted((s.stake.money for s in ranked if s.stake.money is not None), reverse=True)
    money = [x.stake.money for x in m.next_actions[1:]]
    assert money == priced[:2]  # then the two largest sums, largest first
    # Each has an owner and a due date: a question where nobody has been named yet.
    section = text.split(f"## {t('minutes_next', lang)}")[1]
    assert t("minutes_who", lang) in section
    due = MEETING + timedelta(days=7)  # the next meeting, one review cycle later
    assert section.count(t("minutes_by", lang, day=str(due))) == 3
    # An open action from the last meeting on the same object is named, not duplicated.
    follows = {x.follows.id for x in m.next_actions if x.follows is not None}
    assert {"A-0002", "A-0003"} <= follows


def test_the_stock_out_and_the_odr_lead_the_top_findings(demo):
    lang = demo.workspace.language
    path, m = write_minutes(demo.workspace, today=MEETING)
    text = path.read_text(encoding="utf-8")
    review = demo.sync.review
    cover = review.kpis[(review.kpis.kpi == "days_of_cover") & (review.kpis.scope == "asin")]
    short = cover.sort_values("value").key.iloc[0]  # the demo's planted stock-out
    top = [(p.scope, p.key, p.kpi) for p in m.top]
    assert len(top) == 10
    assert top[0] == ("account", "", "odr")  # by policy
    assert ("asin", short, "days_of_cover") in top[:3]  # the largest sum
    ranks = [p.stake.rank for p in m.problems]
    assert ranks == sorted(ranks)
    objects = [(p.scope, p.key) for p in m.problems if p.scope != "account"]
    assert len(objects) == len(set(objects))  # one line per ASIN, campaign, ad group ...
    assert m.more == len(m.problems) - 10 > 0
    assert t("minutes_more", lang, n=m.more) in text
    assert m.names[short] in text  # an ASIN is named, not only numbered


def test_gains_are_the_largest_positive_contributions(demo):
    _, m = write_minutes(demo.workspace, today=MEETING)
    review = demo.sync.review
    deltas = [g.delta for g in m.gains]
    assert len(deltas) > 1 and all(d > 0 for d in deltas)
    assert deltas == sorted(deltas, reverse=True)
    now, was = review.measures[Scope.ASIN].sales, review.previous.measures[Scope.ASIN].sales
    rise = (now - was.reindex(now.index)).idxmax()  # the ASIN whose sales rose most
    assert ("asin", rise, "sales") in [(g.scope, g.key, g.kpi) for g in m.gains]


def test_cli_minutes_take_the_meeting_date(demo):
    out = demo.workspace.root / "m.html"
    root = str(demo.workspace.root)
    args = ["--today", str(TODAY), "minutes", "--workspace", root, "--out", str(out)]
    args += ["--meeting-date", str(MEETING), "--format", "html"]
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0, r.output
    assert f"{MEETING}" in out.read_text(encoding="utf-8").split("</h1>")[0]
    assert (demo.workspace.root / "snapshots" / f"review-{MEETING}.xlsx").exists()


def test_chinese_minutes_have_no_stray_english(demo):
    """Every heading, line and table cell of the zh minutes is Chinese, apart from the
    acronyms sellers keep (ACoS, ODR …) and the team's own data (ASINs, titles …)."""
    ws = demo.workspace
    if ws.language != "zh":
        pytest.skip("the English minutes are English")
    path, _ = write_minutes(ws, today=MEETING)
    values = data_values(ws.store_path)
    bad = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("|---"):
            continue
        parts = re.split(r"(?<!\\)\|", line.strip().strip("|")) if line.startswith("|") else [line]
        bad += [f"line {n}: {p.strip()}" for p in parts if stray_english(p.lstrip("# "), values)]
    assert not bad, "\n".join(bad)
