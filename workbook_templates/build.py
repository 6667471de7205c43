"""Build the standard review workbooks shipped with fupan (review_en.xlsx, review_zh.xlsx).

Run `python -m fupan.workbook_templates.build` after changing the workbook's layout; a test
fails when the checked-in templates differ from what the code builds.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from ..sync.actions.merge import Side
from ..sync.actions.sheets import Tracker
from ..sync.engine.build import build_review
from ..sync.periods import Period
from ..sync.settings import Settings
from ..sync.store.history import Store
from ..sync.targets.xlsx import XlsxTarget
from ..sync.workbook.build import build_plan
from ..sync.workbook.inputs import Inputs
from ..sync.workbook.plan import WorkbookPlan

HERE = Path(__file__).resolve().parent
# A fixed period keeps the templates byte-stable; `fupan sync` replaces it with real data.
PERIOD = Period(date(2026, 1, 5), date(2026, 1, 11))


def template_plan(lang: str) -> WorkbookPlan:
    with Store.memory() as store:
        review = build_review(store, PERIOD, marketplace="US")
        inputs = Inputs(
            review=review,
            previous=None,
            settings=Settings.defaults(lang),
            health_rows=store.table("account_health"),
            trend=_no_trend(),
            suggestions=[],
            tracker=Tracker(Side({}, {})),
            findings=[],
            today=PERIOD.end,
        )
        return build_plan(inputs)


def _no_trend() -> pd.DataFrame:
    return pd.DataFrame(columns=["week", "sales", "sessions", "acos", "tacos"])


def template_path(lang: str) -> Path:
    return HERE / f"review_{lang}.xlsx"


def build(folder: Path = HERE) -> list[Path]:
    out = []
    for lang in ("en", "zh"):
        path = folder / f"review_{lang}.xlsx"
        XlsxTarget(path).apply(
            template_plan(lang), keep=[], state={"next_action_id": "1", "language": lang}
        )
        path.with_name(path.name + ".bak").unlink(missing_ok=True)
        out.append(path)
    return out


if __name__ == "__main__":
    for p in build():
        print(p)
