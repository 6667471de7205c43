"""Target ACoS in a real spreadsheet engine: LibreOffice recalculates the demo's Ads tab, which
agrees with the engine, and recolours a row when the team edits a target in Settings."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from fupan.addin.ad_targets import target_bands
from fupan.sync.flows.demo import run_demo
from fupan.sync.i18n import t
from fupan.sync.settings_sheet import team_settings
from fupan.sync.targets.xlsx import XlsxTarget
from libreoffice import recalc
from openpyxl import load_workbook
from settings_keys import key_of

pytestmark = [pytest.mark.libreoffice, pytest.mark.dates]
TODAY = date(2026, 11, 25)


def group_rows(book, lang):
    """(Campaign, ad group) -> (ACoS, status, target ACoS) of the ad groups below the campaigns."""
    ws = book[t("ads", lang)]
    top = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 2).value == t("ad_group", lang))
    header = [c.value for c in ws[top]]
    col = header.index(t("target_acos", lang)) + 1
    assert header[col - 3] == "ACoS" and header[col - 2] == t("status", lang)
    return {
        (ws.cell(r, 1).value, ws.cell(r, 2).value): tuple(
            ws.cell(r, c).value for c in (col - 2, col - 1, col)
        )
        for r in range(top + 1, ws.max_row + 1)
        if ws.cell(r, 1).value is not None
    }


def engine_groups(review, settings, words):
    """What the engine judges each ad group by: its sums' ACoS against its campaign's target
    (the target bands rules R1/R2 read)."""
    ads = review.ads[review.ads.counted & (review.ads.ad_group != "")]
    g = ads.groupby(["campaign", "ad_group"])[["spend", "sales"]].sum()
    out = {}
    for (camp, group), r in g.iterrows():
        own = review.acos_targets[camp]
        acos = r.spend / r.sales if r.sales > 0 else None
        status = target_bands(own.target, settings.bands_for("acos", own.category)).status(acos)
        out[(camp, group)] = (acos, words.get(str(status), ""), own.target)
    return out


def campaign_rows(book, lang):
    """Campaign -> (ACoS, status, target ACoS) as the recalculated Ads tab shows them."""
    ws = book[t("ads", lang)]
    header = [c.value for c in ws[4]]
    col = header.index(t("target_acos", lang)) + 1
    out = {}
    for row in range(5, ws.max_row + 1):
        name = ws.cell(row, 1).value
        if name is None:
            break
        out[name] = tuple(ws.cell(row, c).value for c in (col - 2, col - 1, col))
    return out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_targets_recalculate_as_the_engine_and_follow_an_edit(tmp_path, lang):
    demo = run_demo(tmp_path / "ws", lang=lang, today=TODAY)
    review = demo.sync.review
    words = {s: t(s, lang) for s in ("green", "yellow", "red")}
    calc = load_workbook(
        recalc(demo.workspace.workbook, tmp_path / "lo", today=TODAY), data_only=True
    )
    rows = campaign_rows(calc, lang)
    engine = review.kpis[(review.kpis.kpi == "acos") & (review.kpis.scope == "campaign")]
    status = dict(zip(engine.key, engine.status, strict=True))
    value = dict(zip(engine.key, engine.value, strict=True))
    assert rows and set(rows) == set(review.acos_targets)
    for name, (acos, shown, target) in rows.items():
        unknown = value[name] != value[name]  # NaN: nothing sold, a blank cell
        assert acos in ("", None) if unknown else acos == pytest.approx(value[name])
        assert target == pytest.approx(review.acos_targets[name].target)
        assert shown == ("" if status[name] == "none" else words[status[name]])
    sb = {n for n, x in review.acos_targets.items() if x.ad_type == "SB"}
    assert sb and all(rows[n][1] == words["red"] for n in sb)  # the demo's SB runs hot
    # Each ad group is judged by its campaign's target, as the rules judge it.
    groups = group_rows(calc, lang)
    settings = team_settings(XlsxTarget(demo.workspace.workbook))
    engine_says = engine_groups(review, settings, words)
    assert groups and set(groups) == set(engine_says)
    for key, (acos, shown, target) in groups.items():
        want, status, goal = engine_says[key]
        assert acos in ("", None) if want is None else acos == pytest.approx(want)
        assert (shown or "", target) == (status, pytest.approx(goal))
    assert words["red"] in {shown for _, shown, _ in groups.values()}

    # The team raises SB's target above its ACoS and SD's to between its ad groups': the rows
    # are judged again on recalculation, the others keep theirs.
    raised = {"SB": 0.90, "SD": 0.58}
    edited = tmp_path / "edited.xlsx"
    shutil.copy(demo.workspace.workbook, edited)
    wb = load_workbook(edited)
    ws = wb[t("settings", lang)]
    for r in ws.iter_rows():
        if key_of(r, "acos_targets") in raised and not r[2].value:
            r[3].value = raised[key_of(r, "acos_targets")]
    wb.save(edited)
    calc2 = load_workbook(recalc(edited, tmp_path / "lo2", today=TODAY), data_only=True)
    after = campaign_rows(calc2, lang)
    for name in sb:
        assert after[name][2] == pytest.approx(0.90) and after[name][1] == words["green"]
    kind = {n: x.ad_type for n, x in review.acos_targets.items()}
    assert {n: after[n] for n in rows if kind[n] not in raised} == {
        n: rows[n] for n in rows if kind[n] not in raised
    }
    moved = group_rows(calc2, lang)
    for key, (acos, shown, target) in moved.items():
        goal = raised.get(kind[key[0]])
        if goal is None:
            assert (acos, shown, target) == groups[key]
            continue
        assert target == pytest.approx(goal)
        status = target_bands(goal, settings.bands_for("acos")).status(acos or None)
        assert (shown or "") == words.get(str(status), "")
    # The demo's SD ad groups (54 % and 62 % ACoS) against 58 %: one green, one yellow.
    assert {shown for k, (_, shown, _) in moved.items() if kind[k[0]] == "SD"} == {
        words["green"],
        words["yellow"],
    }
