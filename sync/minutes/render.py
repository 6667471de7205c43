"""Minutes as Markdown (pastes into Feishu, DingTalk, WeCom or e-mail) or print-ready HTML."""

from __future__ import annotations

import base64
import html
import math
from pathlib import Path

from ...addin.registry import KPIS, Unit
from ..actions.model import Action
from ..cli.render import format_value
from .model import Flag, Minutes, Outcome

TEXT = {
    "title": ("Review minutes", "复盘纪要"),
    "period": ("Period", "本期"),
    "compare": ("compared with", "对比"),
    "workbook": ("Numbers as reviewed", "会议所用数据"),
    "gains": ("1. What brought gains", "1. 哪些带来了增长"),
    "short": ("2. What fell short (red and yellow KPIs)", "2. 哪些未达预期（红灯、黄灯指标）"),
    "next": ("3. The three most important next actions", "3. 最重要的三项下一步行动"),
    "decisions": ("Decisions (new actions)", "决策（新行动项）"),
    "previous": ("Previous actions", "上期行动项"),
    "scorecard": ("Scorecard", "记分卡"),
    "closure": ("Action closure rate", "决策落地率"),
    "target": ("target", "目标"),
    "overdue": ("Overdue actions", "逾期行动项"),
    "none": ("none", "无"),
    "recovered": ("KPI recovered", "指标已恢复"),
    "not_recovered": ("KPI not recovered", "指标未恢复"),
    "kpi": ("KPI", "指标"),
    "scope": ("Scope", "范围"),
    "value": ("Value", "数值"),
    "threshold": ("Green when", "绿灯条件"),
    "change": ("Change", "变化"),
    "status": ("Status", "状态"),
    "owner": ("Owner", "负责人"),
    "due": ("Due", "截止"),
    "action": ("Action", "行动"),
    "outcome": ("Outcome", "结果"),
    "late": ("overdue", "已逾期"),
    "since": ("Changed since the minutes of", "自上次纪要以来的变化"),
    "done": ("done", "已完成"),
    "open": ("open", "进行中"),
    "dropped": ("dropped", "已放弃"),
    "red": ("red", "红"),
    "yellow": ("yellow", "黄"),
}


def tx(key: str, lang: str) -> str:
    en, zh = TEXT[key]
    return zh if lang == "zh" else en


def _name(kpi: str, lang: str) -> str:
    k = KPIS[kpi]
    return k.name_zh if lang == "zh" else k.name_en


def _change(f: Flag) -> str:
    if f.change is None or math.isnan(f.change):
        return "—"
    if KPIS[f.kpi].unit is Unit.RATIO:
        return f"{f.change * 100:+.2f} pt"
    return f"{f.change:+,.2f}"


def _where(f: Flag) -> str:
    return "account" if f.scope == "account" else f"{f.scope} {f.key}"


def _outcome_text(o: Outcome, lang: str) -> str:
    text = tx("late" if o.outcome == "overdue" else o.outcome, lang)
    if o.recovered is not None:
        text += f", {tx('recovered' if o.recovered else 'not_recovered', lang)}"
    return text


def markdown(m: Minutes) -> str:
    lang = m.lang
    lines = [f"# {tx('title', lang)} {m.meeting}", ""]
    lines.append(
        f"{tx('period', lang)}: {m.period}"
        + (f" ({tx('compare', lang)} {m.compare})" if m.compare else "")
    )
    shown = m.snapshot or m.workbook
    if (
        isinstance(shown, Path)
        and isinstance(m.workbook, Path)
        and shown.is_relative_to(m.workbook.parent)
    ):  # as the team sees its shared folder
        shown = shown.relative_to(m.workbook.parent)
    lines.append(f"{tx('workbook', lang)}: {shown}")
    lines += ["", f"## {tx('gains', lang)}", ""]
    lines += [
        f"- {_name(k, lang)}: {format_value(k, now)} ({format_value(k, was)})"
        for k, now, was in m.gains
    ] or [f"- {tx('none', lang)}"]
    lines += ["", f"## {tx('short', lang)}", ""]
    if m.flags:
        lines.append(
            f"| {tx('status', lang)} | {tx('scope', lang)} | {tx('kpi', lang)} | "
            f"{tx('value', lang)} | {tx('threshold', lang)} | {tx('change', lang)} |"
        )
        lines.append("|---|---|---|---|---|---|")
        for f in m.flags:
            icon = "🔴" if f.status == "red" else "🟡"
            lines.append(
                f"| {icon} {tx(f.status, lang)} | {_where(f)} | {_name(f.kpi, lang)} | "
                f"{format_value(f.kpi, f.value)} | {f.threshold} | {_change(f)} |"
            )
    else:
        lines.append(f"- {tx('none', lang)}")
    lines += ["", f"## {tx('next', lang)}", ""]
    lines += [f"{i}. {text}" for i, text in enumerate(m.next_three, 1)] or [f"- {tx('none', lang)}"]
    lines += ["", f"## {tx('decisions', lang)}", ""]
    lines += _action_table(m.new_actions, lang) or [f"- {tx('none', lang)}"]
    lines += ["", f"## {tx('previous', lang)}", ""]
    if m.previous:
        lines.append(
            f"| ID | {tx('action', lang)} | {tx('owner', lang)} | {tx('due', lang)} | "
            f"{tx('outcome', lang)} |"
        )
        lines.append("|---|---|---|---|---|")
        for o in sorted(m.previous, key=lambda o: (o.outcome != "overdue", o.action.id)):
            a = o.action
            lines.append(
                f"| {a.id} | {a.action} | {a.owner} | {a.due or ''} | {_outcome_text(o, lang)} |"
            )
    else:
        lines.append(f"- {tx('none', lang)}")
    if m.since is not None:
        day, changes = m.since
        lines += ["", f"## {tx('since', lang)} {day}", ""]
        lines += [f"- {c}" for c in changes] or [f"- {tx('none', lang)}"]
    rate = "—" if m.closure_rate is None else f"{m.closure_rate * 100:.0f} %"
    lines += [
        "",
        f"## {tx('scorecard', lang)}",
        "",
        f"- {tx('closure', lang)}: {rate} ({tx('target', lang)} 76 %)",
        f"- {tx('overdue', lang)}: {m.overdue}",
        "",
    ]
    return "\n".join(lines)


def _action_table(actions: list[Action], lang: str) -> list[str]:
    if not actions:
        return []
    out = [
        f"| ID | {tx('action', lang)} | {tx('owner', lang)} | {tx('due', lang)} |",
        "|---|---|---|---|",
    ]
    out += [f"| {a.id} | {a.action} | {a.owner} | {a.due or ''} |" for a in actions]
    return out


COLOURS = {"red": "#FFC7CE", "yellow": "#FFEB9C"}


def to_html(m: Minutes) -> str:
    """Print-ready HTML: the Markdown's content with traffic-light colours."""
    rows = []
    for line in markdown(m).splitlines():
        if line.startswith("# "):
            rows.append(f"<h1>{html.escape(line[2:])}</h1>")
        elif line.startswith("## "):
            rows.append(f"<h2>{html.escape(line[3:])}</h2>")
        elif line.startswith("|---"):
            continue
        elif line.startswith("|"):
            # Chat apps show the coloured-dot emoji; in print the row colour says it.
            cells = [
                c.strip().removeprefix("🔴 ").removeprefix("🟡 ")
                for c in line.strip("|").split("|")
            ]
            colour = next((v for k, v in COLOURS.items() if cells[0].endswith(tx(k, m.lang))), None)
            style = f' style="background:{colour}"' if colour else ""
            rows.append(
                f"<tr{style}>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>"
            )
        elif line.strip():
            rows.append(f"<p>{html.escape(line.lstrip('- '))}</p>")
    rows.insert(3, trend_img(m))  # under the title, the period and the workbook line
    body = _wrap_tables(rows)
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>"
        f"{html.escape(tx('title', m.lang))} {m.meeting}</title><style>"
        "body{font-family:sans-serif;max-width:60em;margin:2em auto}"
        "td{border:1px solid #ccc;padding:.2em .5em;white-space:nowrap}"
        "table{border-collapse:collapse}"
        "@media print{body{margin:0}}</style></head><body>\n"
        f"{body}\n</body></html>\n"
    )


def trend_img(m: Minutes) -> str:
    """The trend chart as an <img> with an SVG data URI (renders in browsers and Writer)."""
    svg = trend_svg(m)
    if not svg:
        return ""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (
        f'<p><img alt="trend" width="560" height="230" src="data:image/svg+xml;base64,{data}"/></p>'
    )


def trend_svg(m: Minutes) -> str:
    """Weekly sales (bars) and ACoS (line) as an inline SVG image: no plotting library."""
    if not m.trend:
        return ""
    w, h, pad = 560, 200, 30
    n = len(m.trend)
    top = max(s for _, s, _ in m.trend) or 1.0
    acos = [a for _, _, a in m.trend if a is not None]
    amax = max(acos) * 1.2 if acos else 1.0
    step = (w - 2 * pad) / n
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h + 30}">']
    points = []
    for i, (week, sales, a) in enumerate(m.trend):
        x = pad + i * step
        bh = (h - pad) * sales / top
        parts.append(
            f'<rect x="{x + step * 0.15:.1f}" y="{h - bh:.1f}" width="{step * 0.7:.1f}" '
            f'height="{bh:.1f}" fill="#4F81BD"/>'
        )
        parts.append(
            f'<text x="{x + step / 2:.1f}" y="{h + 15}" font-size="10" '
            f'text-anchor="middle">{html.escape(week)}</text>'
        )
        if a is not None:
            points.append(f"{x + step / 2:.1f},{h - (h - pad) * a / amax:.1f}")
    if points:
        parts.append(
            f'<polyline points="{" ".join(points)}" fill="none" stroke="#C0504D" stroke-width="2"/>'
        )
    label = (
        "周销售额（柱）与 ACoS（线）" if m.lang == "zh" else "Weekly sales (bars) and ACoS (line)"
    )
    parts.append(f'<text x="{pad}" y="14" font-size="12">{html.escape(label)}</text></svg>')
    return "".join(parts)


def _wrap_tables(rows: list[str]) -> str:
    out, open_table = [], False
    for r in rows:
        if r.startswith("<tr") and not open_table:
            out.append("<table>")
            open_table = True
        elif not r.startswith("<tr") and open_table:
            out.append("</table>")
            open_table = False
        out.append(r)
    if open_table:
        out.append("</table>")
    return "\n".join(out)
