"""KPI results as text: a coloured terminal table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import math
import unicodedata

import click
import pandas as pd

from ...addin.registry import KPIS
from ..engine.review import kpi_rows
from ..formats import format_value
from ..i18n import scope_label, t

COLOURS = {"green": "green", "yellow": "yellow", "red": "red"}
COLUMNS = ["scope", "key", "kpi", "value", "status"]


def _plain(value: float | None) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(value, 10)  # drops float noise such as 35210.340000000004


def to_json(kpis: pd.DataFrame) -> str:
    rows = [
        {
            "scope": str(r.scope),
            "key": str(r.key),
            "kpi": r.kpi,
            "value": _plain(float(r.value)),
            "status": r.status,
        }
        for r in kpi_rows(kpis)
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2)


def to_csv(kpis: pd.DataFrame) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for r in kpi_rows(kpis):
        v = _plain(float(r.value))
        w.writerow([r.scope, r.key, r.kpi, "" if v is None else repr(v), r.status])
    return buf.getvalue()


def _pad(text: str, width: int) -> str:
    """`text` left-aligned in `width` columns of a terminal, where a Chinese character
    takes two."""
    wide = sum(1 for c in text if unicodedata.east_asian_width(c) in "WF")
    return text + " " * max(width - len(text) - wide, 0)


def to_table(
    kpis: pd.DataFrame, *, colour: bool = True, lang: str = "en", currency: str = ""
) -> str:
    """One block per scope and key, KPIs down the rows, status as a coloured dot; money in
    the marketplace's currency."""
    lines: list[str] = []
    for (scope, key), block in kpis.groupby(["scope", "key"], sort=False):
        name = scope_label(str(scope), lang)
        title = name if scope == "account" else f"{name} {key}"
        lines.append(click.style(title, bold=True) if colour else title)
        for r in kpi_rows(block):
            kpi = KPIS[r.kpi]
            name = kpi.name_zh if lang == "zh" else kpi.name_en
            text = format_value(r.kpi, _plain(float(r.value)), currency, lang)
            mark = {"green": "●", "yellow": "●", "red": "●"}.get(r.status, " ")
            if colour and r.status in COLOURS:
                mark = click.style(mark, fg=COLOURS[r.status])
            status = t(r.status, lang) if r.status in COLOURS else ""
            lines.append(f"  {mark} {_pad(name, 30)} {text:>18}  {status}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
