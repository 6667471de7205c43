"""Issues lines for Settings cells that could not be read, naming each cell, what was
typed and what is used meanwhile, in the workbook's words (sync/labels/errors.py)."""

from __future__ import annotations

from ..addin.registry import KPIS
from .errors import Msg, msg
from .findings import Finding, Severity
from .i18n import LABELS
from .settings import Settings, Unreadable

# The Settings label of each field of a row (sync/labels/workbook.py).
_FIELD_LABELS = {
    "green_min": "green_min",
    "green_max": "green_max",
    "yellow_min": "yellow_min",
    "yellow_max": "yellow_max",
    "lead_time": "lead_time",
    "unit_cost": "unit_cost",
    "freight": "freight",
    "other": "other_cost",
    "valid_from": "valid_from",
    "sales_target": "sales_target",
    "profit_target": "profit_target",
}
# What was used meanwhile, when it is no number (settings.py, settings_cells.shown).
_USED = {
    "(empty)": "err:settings_used_empty",
    "nothing (the row's costs)": "err:settings_used_none",
}


def _row_name(key: str) -> Msg:
    """The row a cell is on, as the tab names it: a KPI's name, a setting's label, or as
    typed (a SKU, an ASIN)."""
    if key in KPIS:
        return msg("err:settings_kpi", en=KPIS[key].name_en, zh=KPIS[key].name_zh)
    return msg(key) if key in LABELS else msg("err:as_typed", text=key)


def _what(u: Unreadable) -> Msg:
    row, category = _row_name(u.key[0]), u.key[1]
    after = msg("err:settings_category", category=category) if category else ""
    if u.section == "acos_targets":  # an ad type's (and category's) target ACoS
        return msg("err:settings_what_acos", ad_type=u.key[0], category=after)
    if u.field == "value":
        return msg("err:settings_what_value", row=row, category=after)
    return msg("err:settings_what", row=row, field=msg(_FIELD_LABELS[u.field]), category=after)


def _expected(u: Unreadable) -> Msg:
    if u.key[0] in ("formula_mode", "language"):
        a, b = ("native", "udf") if u.key[0] == "formula_mode" else ("en", "zh")
        return msg("err:settings_expect_word", a=a, b=b)
    return msg(
        "err:settings_expect_day" if u.field == "valid_from" else "err:settings_expect_number"
    )


def settings_findings(settings: Settings, workbook: str) -> list[Finding]:
    """One Issues line per Settings cell that could not be read, naming the cell."""
    return [
        Finding.of(
            Severity.WARNING,
            "settings-unreadable",
            msg(
                "err:settings_unreadable",
                cell=f"{u.column}{u.row}",
                text=u.text,
                what=_what(u),
                used=msg(_USED[u.used]) if u.used in _USED else msg("err:as_typed", text=u.used),
                expected=_expected(u),
            ),
            file=workbook,
            row=u.row,
            column=u.column,
        )
        for u in settings.unreadable.values()
    ]
