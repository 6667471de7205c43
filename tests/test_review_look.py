"""The demo workbook reads in ten seconds (issue 14): ranked by money at stake, no machinery
showing, every value formatted, in English and in Chinese."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from fupan.addin.registry import KPIS
from fupan.sync.actions.model import COLUMNS, ActionStatus
from fupan.sync.flows.demo import run_demo
from fupan.sync.i18n import status_label, t
from fupan.sync.workbook.palette import FILLS
from libreoffice import colours, convert, render_png
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 30)
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")  # a key such as sales_prev or odr_afn
RULE_CODE = re.compile(r"\bR\d{1,2}\b|\b00\d\b")  # rule ids, catalogue source codes


@pytest.fixture(scope="module", params=["en", "zh"])
def demo(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"look-{request.param}")
    result = run_demo(folder / "ws", lang=request.param, today=TODAY)
    path = result.workspace.workbook
    return request.param, result.sync.plan, load_workbook(path), path


def hidden_columns(ws) -> set[str]:
    return {
        get_column_letter(i)
        for dim in ws.column_dimensions.values()
        if dim.hidden
        for i in range(dim.min or 1, (dim.max or 0) + 1)
    }


def visible_cells(ws):
    """Every value a person sees on the tab (hidden rows and folded columns left out)."""
    cols = hidden_columns(ws)
    rows = {n for n, d in ws.row_dimensions.items() if d.hidden}
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None and c.row not in rows and c.column_letter not in cols:
                yield c


def header(ws, row: int = 4) -> list:
    return [c.value for c in ws[row]]


def test_suggestions_are_ranked_by_money_at_stake(demo):
    lang, plan, wb, _ = demo
    ws = wb[plan.sheet("suggestions").title]
    head = header(ws)
    money_col = head.index(t("at_stake", lang)) + 1
    rows = list(range(5, ws.max_row + 1))
    money = [ws.cell(r, money_col).value for r in rows]
    # Account health first by policy (not priced: blank, never 0), then the largest sums.
    assert money[0] is None and ws.cell(5, money_col).comment.text == t("policy_first", lang)
    priced = [m for m in money if m is not None]
    assert len(priced) >= 5 and priced == sorted(priced, reverse=True)
    first_unpriced = next((n for n, m in enumerate(money[1:], 1) if m is None), len(money))
    assert all(m is None for m in money[first_unpriced:])
    assert ws.cell(6, money_col).number_format.startswith('"$"')
    # One row per action: a rule's objects collapsed with their count, listed in a note.
    actions = [ws.cell(r, 1).value for r in rows]
    assert len(actions) == len(set(actions))
    count_col = head.index(t("objects", lang)) + 1
    many = [r for r in rows if (ws.cell(r, count_col).value or 0) > 1]
    assert many and all(ws.cell(r, count_col).comment for r in many)
    # The weaker action on the same object is noted beside the stronger one.
    also = head.index(t("also", lang)) + 1
    assert any(ws.cell(r, also).value for r in rows)
    # Rule and source codes only in notes.
    assert ws.cell(5, 1).comment is not None and RULE_CODE.search(ws.cell(5, 1).comment.text)


def test_no_machinery_shows(demo):
    lang, plan, wb, _ = demo
    data_tabs = {plan.sheet(k).title for k in ("data_sales", "data_ads", "data_stock")}
    assert all(wb[title].sheet_state == "hidden" for title in data_tabs)
    for ws in wb.worksheets:
        if ws.sheet_state == "hidden" or ws.title == plan.sheet("settings").title:
            continue  # Settings is the team's input: its first column holds the keys it reads
        for c in visible_cells(ws):
            if isinstance(c.value, str) and not c.value.startswith("="):
                assert not SNAKE.match(c.value), (ws.title, c.coordinate, c.value)
                assert not RULE_CODE.search(c.value), (ws.title, c.coordinate, c.value)
    # Helper columns: after the KPIs, folded away.
    for key in ("sales", "ads"):
        ws = wb[plan.sheet(key).title]
        head = header(ws)
        kpi_names = {k.name_zh if lang == "zh" else k.name_en for k in KPIS.values()}
        note = head.index(t("note", lang))
        helpers = {get_column_letter(i + 1) for i in range(note + 1, len(head)) if head[i]}
        assert helpers and helpers <= hidden_columns(ws), key
        shown = {get_column_letter(i + 1) for i in range(note + 1)}
        assert not shown & hidden_columns(ws), key  # the KPIs and notes stay in view
        assert sum(h in kpi_names for h in head[: note + 1]) >= 5, key
    dash = wb[plan.sheet("dashboard").title]
    assert {"Q", "R", "S"} <= hidden_columns(dash)
    # The Actions tab's column keys are there for the sync, in a hidden row.
    actions = wb[plan.sheet("actions").title]
    assert header(actions, 3)[: len(COLUMNS)] == list(COLUMNS)
    assert actions.row_dimensions[3].hidden


def test_asins_carry_title_and_sku_sorted_by_sales(demo):
    lang, plan, wb, _ = demo
    ws = wb[plan.sheet("sales").title]
    assert header(ws)[:3] == [t("asin", lang), t("title", lang), t("sku", lang)]
    assert all(ws.cell(r, 2).value and ws.cell(r, 3).value for r in range(5, 10))
    inputs = plan.sheet("sales")
    assert inputs.freeze == "E5"


def test_actions_have_dropdowns_five_whys_and_readable_dates(demo):
    lang, plan, wb, _ = demo
    ws = wb[plan.sheet("actions").title]
    status = get_column_letter(COLUMNS.index("status") + 1)
    owner = get_column_letter(COLUMNS.index("owner") + 1)
    listed = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    # The statuses in the sheet's language: a dropdown offers what the team reads.
    shown = [status_label(s.value, lang) for s in ActionStatus]
    assert listed[f"{status}5"] == '"' + ",".join(shown) + '"'
    owners = {ws[f"{owner}{r}"].value for r in range(5, ws.max_row + 1)} - {None}
    assert owners and all(o in listed[f"{owner}5"] for o in owners)
    assert [header(ws)[COLUMNS.index(f"why_{n}")] for n in range(1, 6)] == [
        t(f"why_{n}", lang) for n in range(1, 6)
    ]
    due = COLUMNS.index("due") + 1
    assert ws.cell(5, due).number_format == "yyyy-mm-dd"
    assert ws.column_dimensions[get_column_letter(due)].width >= 11  # no ###


def test_values_are_formatted(demo):
    lang, plan, wb, _ = demo
    dash = wb[plan.sheet("dashboard").title]
    names = {dash.cell(r, 1).value: r for r in range(9, 60)}
    name = lambda k: KPIS[k].name_zh if lang == "zh" else KPIS[k].name_en  # noqa: E731
    sales, acos = names[name("sales")], names[name("acos")]
    assert dash.cell(sales, 2).number_format == '"$"#,##0.00'
    assert dash.cell(acos, 2).number_format == "0.00%"
    assert t("pp", lang) in dash.cell(acos, 4).number_format  # a ratio's change in points
    inv = wb[plan.sheet("inventory").title]
    order_by = header(inv).index(t("order_by", lang)) + 1
    assert inv.cell(5, order_by).number_format == "yyyy-mm-dd"
    health = wb[plan.sheet("health").title]
    assert health.cell(5, 2).number_format == "0.00%"
    # Our target reads the Settings band; a band left blank shows blank, never 0 %.
    target = str(health.cell(5, 3).value)
    assert target.startswith("=IF(") and '="",""' in target and "N(" not in target
    assert {r.formula[0] for cf in health.conditional_formatting for r in cf.rules}


def test_stockout_and_odr_are_among_the_top_findings(demo):
    lang, plan, wb, _ = demo
    dash = wb[plan.sheet("dashboard").title]
    title = next(c for c in dash["G"] if c.value == t("top_findings", lang))
    kpis = [dash.cell(title.row + n, 9).value for n in range(2, 7)]
    name = lambda k: KPIS[k].name_zh if lang == "zh" else KPIS[k].name_en  # noqa: E731
    assert name("odr") == kpis[0]  # account health first, by policy
    assert name("days_of_cover") in kpis
    movers = next(c for c in dash["G"] if c.value == t("top_movers", lang))
    assert dash.cell(movers.row + 2, 8).value  # an ASIN beside its title


# Pages of the rendered demo committed under docs/ (refreshed with FUPAN_UPDATE_DOCS=1).
PAGES = ("dashboard", "suggestions", "inventory", "actions")


def test_rendered_pages_show_each_tab_with_its_traffic_lights(demo, tmp_path):
    """LibreOffice renders the demo (as the meeting prints it): each tab on its own page,
    its title first, the Dashboard coloured red and green."""
    lang, plan, _, book = demo
    pdf = convert([book], "pdf", tmp_path, today=TODAY)[0]
    if shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        pytest.skip("pdftoppm/pdftotext are not installed (.ci/run installs poppler-utils)")
    first_lines = {}
    for page in range(1, 30):
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        if not text:
            break
        first_lines.setdefault(text.splitlines()[0].strip(), page)
    titles = {k: plan.sheet(k).title for k in PAGES} | {"dashboard": t("review_title", lang)}
    assert first_lines.get(titles["dashboard"]) == 1
    for key in PAGES:
        title = titles[key]
        assert title in first_lines, (title, first_lines)
        png = tmp_path / f"workbook-{lang}-{key}"
        # The top-left of the page: what the meeting reads first, kept small.
        page = str(first_lines[title])
        crop = ["-x", "40", "-y", "60", "-W", "960", "-H", "560", "-singlefile"]
        subprocess.run(
            ["pdftoppm", "-png", "-r", "90", "-f", page, "-l", page, *crop, str(pdf), str(png)],
            check=True,
            timeout=120,
        )
        out = png.with_suffix(".png")
        assert out.stat().st_size > 5_000
        if os.environ.get("FUPAN_UPDATE_DOCS"):
            shutil.copy(out, ROOT / "docs" / out.name)
    dashboard = render_png(book, tmp_path / "dash", today=TODAY, page=1)
    seen = colours(dashboard)
    assert tuple(int(FILLS["red"][i : i + 2], 16) for i in (0, 2, 4)) in seen
    assert tuple(int(FILLS["green"][i : i + 2], 16) for i in (0, 2, 4)) in seen
