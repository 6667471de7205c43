"""The Chinese demo workbook speaks Chinese (issue 14, item 5): no English a team reads, on
any tab, apart from the acronyms sellers keep and the team's own data.

What a team never sees is left out, and why: rows and columns folded or hidden away (the
keys a sync reads a tab back by, the thresholds' catalogue sources, the tracker's
bookkeeping), fupan's own hidden state tabs (_fupan, _fupan_actions), and the data tabs'
names and values: the data tabs are hidden, their names are what the formulas and the Google
target find them by and their values are what the formulas' criteria match (a report's
grain, an ad type). Their headers are checked: a team that unhides a data tab reads them.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from fupan.sync.flows.demo import run_demo
from fupan.sync.settings_sheet import team_settings
from fupan.sync.targets.xlsx import XlsxTarget
from latin import data_values, english_in, stray_english
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

pytestmark = [pytest.mark.slow]  # builds the demo

TODAY = date(2026, 11, 25)
FORMULA_TEXT = re.compile(r'"([^"]*)"')
# SUMIFS/COUNTIFS criteria match stored values (a report's grain, a status key); not shown.
CRITERIA = re.compile(r"\b[A-Z]+IFS\([^()]*\)")
# What the team types, named by the label beside it: Settings' choices ("(native 或 udf)",
# "(en 或 zh)") and the x that turns a suggestion into an action ("转为行动 (x)").
TYPED_CHOICES = {"native", "udf", "en", "zh", "x"}


def _hidden(sheet) -> tuple[set[str], set[int]]:
    cols = {
        get_column_letter(i)
        for d in sheet.column_dimensions.values()
        if d.hidden and d.min and d.max
        for i in range(d.min, d.max + 1)
    }
    rows = {r for r, d in sheet.row_dimensions.items() if d.hidden}
    return cols, rows


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return run_demo(tmp_path_factory.mktemp("zh") / "ws", lang="zh", today=TODAY)


def test_the_chinese_workbook_has_no_stray_english(demo):
    ws = demo.workspace
    settings = team_settings(XlsxTarget(ws.workbook))
    categories = {p.category for p in settings.products.values() if p.category}
    values = data_values(ws.store_path, categories | TYPED_CHOICES)
    book = load_workbook(ws.workbook)
    bad = []

    def check(where: str, text: str) -> None:
        if stray_english(text, values) or english_in(text, values):
            bad.append(f"{where}: {text[:80]}")

    for sheet in book.worksheets:
        if sheet.title.startswith("_fupan"):
            continue
        if sheet.title.startswith("data_"):
            for c in sheet[1]:
                check(f"{sheet.title}!{c.coordinate}", str(c.value))
            continue
        assert sheet.sheet_state == "visible", sheet.title
        cols, rows = _hidden(sheet)
        for row in sheet.iter_rows():
            for c in row:
                if c.column_letter in cols or c.row in rows:
                    continue
                if c.comment is not None:
                    check(f"{sheet.title}!{c.coordinate} note", c.comment.text)
                if not isinstance(c.value, str):
                    continue
                # A formula's text results (a status word, a candidate) are shown too.
                formula = c.value.startswith("=")
                texts = FORMULA_TEXT.findall(CRITERIA.sub("", c.value)) if formula else [c.value]
                for x in texts:
                    check(f"{sheet.title}!{c.coordinate}", x)
    # Charts: openpyxl does not read them back, so their titles are checked in the plan.
    bad += [
        f"{sheet.title} chart: {chart.title}"
        for sheet in demo.sync.plan.sheets
        for chart in sheet.charts
        if stray_english(chart.title, values) or english_in(chart.title, values)
    ]
    assert len(book.worksheets) > 10 and bad == [], "\n".join(bad)
