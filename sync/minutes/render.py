"""Minutes as Markdown (pastes into Feishu, DingTalk, WeCom or e-mail) or print-ready HTML.

Both are written from one list of blocks (sections.py: headings, paragraphs, tables with a
traffic light per row), so the two never say different things.
"""

from __future__ import annotations

import html
import math

from .chart import trend_img
from .model import Minutes
from .sections import blocks
from .words import COLOURS, ICONS, Chart, Heading, Para, Table, title_text

PROSE_EMS = 26  # the most a column of prose claims of a table's width, in ems
PAGE_EMS = 72  # an A4 page's text width in ems of the 10 pt body font


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(m: Minutes) -> str:
    lines: list[str] = []
    for b in blocks(m):
        if isinstance(b, Heading):
            lines += [f"{'#' * b.level} {b.text}", ""]
        elif isinstance(b, Para):
            lines += [b.text, ""]
        elif isinstance(b, Table):
            lines.append("| " + " | ".join(_md_cell(h) for h in b.header) + " |")
            lines.append("|" + "---|" * len(b.header))
            for cells, _ in b.rows:
                lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _strip_icon(text: str) -> str:
    for icon in ICONS.values():
        text = text.removeprefix(icon + " ")
    return text


def _ems(text: str) -> int:
    """How wide a text is, in ems of the page's font (a CJK character is one, Latin half)."""
    return math.ceil(sum(1.0 if ord(c) > 0x2E80 else 0.55 for c in text))


def _columns(b: Table) -> str:
    """Relative column widths: a column of figures or dates as wide as its widest cell (so it
    never wraps), the prose columns sharing the rest by what they hold."""
    cols = list(zip(b.header, *(cells for cells, _ in b.rows), strict=True))
    # A header is bold, so a little wider than the same text in a cell.
    widths = [
        max(math.ceil(_ems(col[0]) * 1.15), *(_ems(_strip_icon(c)) for c in col)) + 1
        for col in cols
    ]
    need = {i: min(max(widths[i], 8), PROSE_EMS) for i in b.wide}
    # Writer shrinks every column alike when the widths add up to more than the page, so the
    # prose columns share what the figures leave of it: the figures keep their width.
    room = max(PAGE_EMS - sum(w for i, w in enumerate(widths) if i not in need), 8 * len(need))
    for i, w in need.items():
        widths[i] = min(max(round(room * w / sum(need.values())), 6), PROSE_EMS)
    return "<colgroup>" + "".join(f'<col width="{w}*"/>' for w in widths) + "</colgroup>"


def to_html(m: Minutes) -> str:
    """Print-ready HTML: the Markdown's content, each row coloured by its traffic light.

    Written for LibreOffice Writer's HTML import as much as for browsers: widths, wrapping
    and colours are attributes, which Writer honours where it ignores CSS classes.
    """
    parts: list[str] = []
    for b in blocks(m):
        if isinstance(b, Heading):
            parts.append(f"<h{b.level}>{html.escape(b.text)}</h{b.level}>")
        elif isinstance(b, Para):
            parts.append(f"<p>{html.escape(b.text)}</p>")
        elif isinstance(b, Chart):
            parts.append(trend_img(m))
        else:
            head = "".join(
                f'<th bgcolor="#DDEBF7"{"" if i in b.wide else " nowrap"}>{html.escape(h)}</th>'
                for i, h in enumerate(b.header)
            )
            rows = [f"<tr>{head}</tr>"]
            for cells, light in b.rows:
                colour = f' bgcolor="{COLOURS[light]}"' if light in COLOURS else ""
                tds = "".join(
                    f"<td{'' if i in b.wide else ' nowrap'}>{html.escape(_strip_icon(c))}</td>"
                    for i, c in enumerate(cells)
                )
                rows.append(f"<tr{colour}>{tds}</tr>")
            parts.append(
                '<table width="100%" border="1" cellspacing="0" cellpadding="3">'
                + _columns(b)
                + "\n".join(rows)
                + "</table>"
            )
    title = html.escape(title_text(m))
    font = "'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif"
    return (
        f"<!doctype html><html lang='{m.lang}'><head><meta charset='utf-8'><title>{title}"
        "</title><style>"
        f"body,h1,h2,td,th,p{{font-family:{font}}}"
        "body{font-size:10pt;max-width:60em;margin:2em auto}"
        "h1{font-size:16pt}h2{font-size:12pt;margin-top:1.2em}"
        "th{text-align:left}"
        "td,th{border:1px solid #ccc;padding:.2em .4em;vertical-align:top}"
        "table{border-collapse:collapse}"
        "@media print{body{margin:0}}</style></head><body>\n"
        + "\n".join(p for p in parts if p)
        + "\n</body></html>\n"
    )
