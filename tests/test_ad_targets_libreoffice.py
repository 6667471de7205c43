"""Target ACoS in a real spreadsheet engine: LibreOffice recalculates the demo's Ads tab, which
agrees with the engine, and recolours a row when the team edits a target in Settings."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from fupan.sync.flows.demo import run_demo
from fupan.sync.i18n import t
from libreoffice import recalc
from openpyxl import load_workbook

pytestmark = [pytest.mark.libreoffice, pytest.mark.dates]
TODAY = date(2026, 11, 25)


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

    # The team raises SB's target above its ACoS: the rows turn green on recalculation.
    edited = tmp_path / "edited.xlsx"
    shutil.copy(demo.workspace.workbook, edited)
    wb = load_workbook(edited)
    ws = wb[t("settings", lang)]
    for r in ws.iter_rows():
        if r[0].value == "SB" and not r[2].value:
            r[3].value = 0.90
    wb.save(edited)
    after = campaign_rows(
        load_workbook(recalc(edited, tmp_path / "lo2", today=TODAY), data_only=True), lang
    )
    for name in sb:
        assert after[name][2] == pytest.approx(0.90) and after[name][1] == words["green"]
    assert {n: after[n] for n in rows if n not in sb} == {n: rows[n] for n in rows if n not in sb}
