"""The traffic-light palette every target paints with: fills and fonts by status (hex RGB)."""

from __future__ import annotations

from .plan import Style

FILLS = {"green": "C6EFCE", "yellow": "FFEB9C", "red": "FFC7CE", "overdue": "F8CBAD"}
FONTS = {"green": "006100", "yellow": "9C5700", "red": "9C0006", "overdue": "833C0B"}
# The number format of each style (a cell's own `number_format` wins: money in its currency).
NUMBER_FORMATS: dict[Style, str] = {
    Style.MONEY: "#,##0.00",
    Style.COUNT: "#,##0",
    Style.RATIO: "0.00%",
    Style.MULTIPLE: "0.00",
    Style.DAYS: "0",
    Style.DATE: "yyyy-mm-dd",
    Style.TEXT: "@",
}
