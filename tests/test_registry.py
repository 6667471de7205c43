"""The KPI registry: complete, documented, one definition rendering two ways."""

from __future__ import annotations

import math
import re
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from fupan.addin import udfs
from fupan.addin.expr import M, ratio
from fupan.addin.kpis import MEASURES
from fupan.addin.registry import Direction, all_kpis, get
from fupan.addin.thresholds import Bands, Status
from fupan.sync import docs

ROOT = Path(__file__).resolve().parents[1]
REQUIRED = {
    "sales",
    "units",
    "sessions",
    "cvr",
    "buy_box_pct",
    "ad_spend",
    "ad_sales",
    "acos",
    "roas",
    "tacos",
    "return_rate",
    "available_units",
    "aged_90_share",
    "days_of_cover",
    "impressions",
    "clicks",
    "ctr",
    "cpc",
    "ad_orders",
    "ad_cvr",
}


def test_required_kpis_exist_with_names_and_sources():
    ids = {k.id for k in all_kpis()}
    assert ids >= REQUIRED
    for k in all_kpis():
        assert k.name_en and k.name_zh and k.doc and k.source, k.id
        assert re.fullmatch(r"[a-z][a-z0-9_]*", k.id)
        assert set(k.measures) <= set(MEASURES) | {"days"}, k.id
        assert (k.bands is None) == (k.direction is Direction.NONE), k.id


def test_docs_are_current():
    for name, build in docs.PAGES.items():
        assert (ROOT / "docs" / name).read_text(encoding="utf-8") == build(), (
            f"docs/{name} is stale: run python -m fupan.sync.docs"
        )


CASES = 24


def _cases(kpi) -> list[dict[str, float]]:
    """Random measures with zeros mixed in, so null results are exercised too."""
    rng = np.random.default_rng(3)
    return [
        {
            m: float(rng.integers(0, 3) if trial % 3 == 0 else rng.uniform(0, 500))
            for m in kpi.measures
        }
        for trial in range(CASES)
    ]


@pytest.mark.libreoffice
def test_three_runtimes_agree(tmp_path):
    """For every KPI: the AMZ_* UDF, the pandas engine and the native formula recalculated
    by LibreOffice give the same value on the same inputs (blanks and zeros included)."""
    from libreoffice import recalc
    from openpyxl import Workbook, load_workbook
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    expected = {}
    for kpi in all_kpis():
        ws = wb.create_sheet(kpi.id[:31])
        cols = {m: get_column_letter(i + 1) for i, m in enumerate(kpi.measures)}
        out = get_column_letter(len(cols) + 1)
        ws.append([*cols, "kpi"])
        values = []
        for r, env in enumerate(_cases(kpi), start=2):
            # The first case leaves a cell blank: every runtime reads it as zero.
            ws.append([None if (r == 2 and m == kpi.measures[0]) else env[m] for m in cols])
            if r == 2:
                env[kpi.measures[0]] = 0.0
            ws[f"{out}{r}"] = "=" + kpi.formula(lambda m, r=r, cols=cols: f"{cols[m]}{r}")
            py = kpi.compute({m: pd.Series([v]) for m, v in env.items()}).iloc[0]
            udf = udfs.KPI_FUNCTIONS[f"AMZ_{kpi.id.upper()}"](
                *[None if (r == 2 and m == kpi.measures[0]) else env[m] for m in kpi.measures]
            )
            assert udf == (None if math.isnan(py) else pytest.approx(py)), (kpi.id, env)
            values.append((f"{out}{r}", None if math.isnan(py) else float(py)))
        expected[ws.title] = values
    src = tmp_path / "formulas.xlsx"
    wb.save(src)
    calc = load_workbook(recalc(src, tmp_path / "lo", today=date(2026, 11, 25)), data_only=True)
    for sheet, values in expected.items():
        for ref, py in values:
            got = calc[sheet][ref].value
            if py is None:
                assert got in (None, ""), (sheet, ref, got)
            else:
                assert got == pytest.approx(py, rel=1e-9), (sheet, ref, got)


def test_expr_works_on_scalars_arrays_and_series():
    acos = ratio("spend", "sales")
    assert acos.evaluate({"spend": 30.0, "sales": 120.0}) == 0.25
    assert math.isnan(acos.evaluate({"spend": 30.0, "sales": 0.0}))
    arr = acos.evaluate({"spend": np.array([1.0, 2.0]), "sales": np.array([4.0, 0.0])})
    assert arr[0] == 0.25 and math.isnan(arr[1])
    assert (M("a") * 2).formula(lambda m: "B2") == "(B2*2)"


def test_status_bands_and_category_overrides():
    acos = get("acos")
    assert acos.status(0.22) is Status.GREEN
    assert acos.status(0.22, "home") is Status.YELLOW
    assert acos.status(0.31) is Status.RED
    assert acos.status(None) is Status.NONE
    assert get("odr").status(0.012) is Status.RED and get("odr").status(0.005) is Status.GREEN
    b = Bands(green_min=30, green_max=180, yellow_min=14)
    assert [b.status(v) for v in (10, 20, 60, 200)] == ["red", "yellow", "green", "yellow"]
    series = pd.Series([0.1, np.nan, 0.5])
    assert list(get("acos").statuses(series)) == ["green", "none", "red"]


def test_the_registry_is_complete_when_imported_in_a_fresh_interpreter():
    import subprocess
    import sys

    code = (
        "from fupan.sync.cli.render import to_table\n"
        "from fupan.addin.registry import KPIS\n"
        "assert 'acos' in KPIS, sorted(KPIS)\n"
        "print(len(KPIS))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == len(all_kpis())
