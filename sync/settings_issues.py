"""Issues lines for Settings cells that could not be read, naming each cell, what was
typed and what is used meanwhile."""

from __future__ import annotations

from .findings import Finding, Severity
from .settings import Settings

_FIELD_WORDS = {
    "green_min": "green from",
    "green_max": "green up to",
    "yellow_min": "yellow from",
    "yellow_max": "yellow up to",
    "lead_time": "lead time",
    "unit_cost": "unit cost",
    "freight": "first-leg freight",
    "other": "other cost",
    "valid_from": "valid from",
    "sales_target": "monthly sales target",
    "profit_target": "monthly net profit target",
}


def settings_findings(settings: Settings, workbook: str) -> list[Finding]:
    """One Issues line per Settings cell that could not be read, naming the cell."""
    out = []
    for u in settings.unreadable.values():
        what = u.key[0] if u.field == "value" else f"{u.key[0]} {_FIELD_WORDS[u.field]}"
        if u.section == "acos_targets":  # an ad type's (and category's) target ACoS
            what = f"the target ACoS of {u.key[0]}"
        if u.key[1]:
            what += f" ({u.key[1]})"
        expected = (
            "one of "
            + " or ".join(("native", "udf") if u.key[0] == "formula_mode" else ("en", "zh"))
            if u.key[0] in ("formula_mode", "language")
            else "a day (2026-10-01)"
            if u.field == "valid_from"
            else "a number (a percentage as 25% or 0.25)"
        )
        out.append(
            Finding(
                Severity.WARNING,
                "settings-unreadable",
                f'Settings, cell {u.column}{u.row}: "{u.text}" typed for {what} cannot be read; '
                f"it is kept as typed and {u.used} is used until it is changed to {expected}",
                file=workbook,
                row=u.row,
                column=u.column,
            )
        )
    return out
