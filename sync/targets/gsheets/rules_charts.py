"""Colour rules and charts as Sheets API requests: what the review draws over its cells."""

from __future__ import annotations

from ...workbook.palette import FILLS, FONTS
from ...workbook.plan import Chart, Sheet
from . import a1
from .dialect import rule_formula
from .values import JSON, rgb


def colour_rules(sheet: Sheet, sheet_id: int) -> list[JSON]:
    out = []
    for n, rule in enumerate(sheet.rules):
        ranges = [a1.parse(p) for p in rule.ref.split()]
        anchor = rule.ref.split()[0].split(":")[0]
        out.append(
            {
                "addConditionalFormatRule": {
                    "index": n,
                    "rule": {
                        "ranges": [r.grid_range(sheet_id) for r in ranges],
                        "booleanRule": {
                            "condition": {
                                "type": "CUSTOM_FORMULA",
                                "values": [
                                    {"userEnteredValue": rule_formula(rule.formula, anchor)}
                                ],
                            },
                            "format": {
                                "backgroundColorStyle": rgb(FILLS[rule.fill]),
                                "textFormat": {"foregroundColorStyle": rgb(FONTS[rule.fill])},
                            },
                        },
                    },
                }
            }
        )
    return out


def chart(spec: Chart, sheet_id: int, ids: dict[str, int]) -> JSON:
    """A basic chart; series titles come from the header cell above each series."""
    domain = a1.parse(spec.categories)
    series = [(a1.parse(t), a1.parse(v)) for t, v in spec.series]
    right = [(a1.parse(t), a1.parse(v)) for t, v in spec.secondary]
    headed = all(t.row0 is not None and t.row0 + 1 == v.row0 for t, v in series + right)

    def source(ref: a1.Ref) -> JSON:
        grown = a1.Ref(
            ref.sheet, (ref.row0 or 0) - 1 if headed else ref.row0, ref.col0, ref.row1, ref.col1
        )
        return {"sourceRange": {"sources": [grown.grid_range(ids[str(ref.sheet)])]}}

    anchor = a1.parse(spec.anchor)
    kind = "LINE" if spec.kind == "line" else "COLUMN"
    lines: list[JSON] = [
        {"series": source(v), "targetAxis": "LEFT_AXIS", "type": kind} for _, v in series
    ]
    lines += [{"series": source(v), "targetAxis": "RIGHT_AXIS", "type": "LINE"} for _, v in right]
    axes: list[JSON] = [
        {"position": "BOTTOM_AXIS"},
        {"position": "LEFT_AXIS", "format": {"bold": False}},
    ]
    if spec.from_zero:
        axes[1]["viewWindowOptions"] = {"viewWindowMin": 0, "viewWindowMode": "EXPLICIT"}
    if right:
        axes.append({"position": "RIGHT_AXIS", "format": {"bold": False}})
    return {
        "addChart": {
            "chart": {
                "spec": {
                    "title": spec.title,
                    "basicChart": {
                        "chartType": "COMBO" if right else kind,
                        "legendPosition": "BOTTOM_LEGEND",
                        "headerCount": 1 if headed else 0,
                        "axis": axes,
                        "domains": [{"domain": source(domain)}],
                        "series": lines,
                    },
                },
                "position": {
                    "overlayPosition": {
                        "anchorCell": {
                            "sheetId": sheet_id,
                            "rowIndex": anchor.row0 or 0,
                            "columnIndex": anchor.col0 or 0,
                        },
                        "widthPixels": 600,
                        "heightPixels": 285,
                    }
                },
            }
        }
    }
