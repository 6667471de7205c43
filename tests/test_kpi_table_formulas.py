"""The KPI tables' formulas, written once per table with a stand-in for the row number, read
as a KPI's formula over that row's own cells reads: no reference wrapped in parentheses
(a KPI formula wraps only what is not a plain reference), and every row's own row number."""

from __future__ import annotations

import re
from datetime import date

import pytest
from costed_store import demo_with_costs, plan_inputs
from fupan.sync.engine.build import build_review
from fupan.sync.periods import Period
from fupan.sync.workbook.build import build_plan
from fupan.sync.workbook.inputs import FIRST
from fupan.sync.workbook.plan import Block

WEEK = Period.parse("2026-11-16..2026-11-22")
TODAY = date(2026, 11, 25)
# A plain reference in parentheses of its own, not a function's argument (SUM(E5), N(B3)).
WRAPPED = re.compile(r"(?<![A-Za-z_])\(\$?[A-Z]{1,3}\$?[0-9]+\)")


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    store, settings, _ = demo_with_costs(tmp_path_factory.mktemp("kpi-formulas"), WEEK.end, TODAY)
    review = build_review(store, WEEK, marketplace="US", settings=settings)
    return build_plan(plan_inputs(review, settings, TODAY))


@pytest.mark.parametrize("key", ["sales", "ads"])
def test_kpi_formulas_read_their_own_row_as_a_kpi_formula_does(plan, key):
    sheet = plan.sheet(key)
    rows = next(b for b in sheet.blocks if isinstance(b, Block) and b.row == FIRST - 1).rows
    assert len(rows) > 2, "the demo's table has rows"
    for n, row in enumerate(rows[1:]):
        r = FIRST + n
        for cell in row:
            f = cell.formula
            if f is None:
                continue
            assert not WRAPPED.search(f), f"{sheet.title} row {r}: {f}"
            own = {int(x) for x in re.findall(r"(?<![$0-9A-Za-z])[A-Z]{1,3}([0-9]+)\b", f)}
            assert own <= {r}, f"{sheet.title} row {r} reads another row: {f}"
