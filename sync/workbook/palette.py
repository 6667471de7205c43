"""The traffic-light palette every target paints with: fills and fonts by status (hex RGB)."""

from __future__ import annotations

FILLS = {"green": "C6EFCE", "yellow": "FFEB9C", "red": "FFC7CE", "overdue": "F8CBAD"}
FONTS = {"green": "006100", "yellow": "9C5700", "red": "9C0006", "overdue": "833C0B"}
