"""Minutes as Markdown (pastes into Feishu, DingTalk, WeCom or e-mail) or print-ready HTML.

Both are written from one list of blocks (headings, paragraphs, tables with a traffic light
per row), so the two never say different things. Every word comes from sync/i18n.py.
"""

from __future__ import annotations

import base64
import html
import math
from dataclasses import dataclass, field
from datetime import date

from ...addin.registry import KPIS
from ...addin.thresholds import Bands
from ..engine.rules import RULES
from ..engine.stakes import POLICY, Stake
from ..formats import format_change, format_value
from ..i18n import t
from ..marketplaces import money_text
from ..periods import Period
from .model import CLOSURE_TARGET, Minutes, NextAction, Outcome, Problem

COLOURS = {"red": "#FFC7CE", "yellow": "#FFEB9C", "green": "#C6EFCE"}
ICONS = {"red": "🔴", "yellow": "🟡", "green": "🟢"}
TITLE_CHARS = 32  # a listing title is cut to this many characters after the ASIN
PROSE_EMS = 26  # the most a column of prose claims of a table's width, in ems
ACTIONS = {r.id: (r.action_en, r.action_zh) for r in RULES}


@dataclass
class Table:
    header: list[str]
    rows: list[tuple[list[str], str]] = field(default_factory=list)  # cells, light ("" none)
    wide: frozenset[int] = frozenset()  # columns of prose, which may wrap


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Chart:
    """Where the HTML shows the weekly trend (Markdown has no picture)."""


Block = Heading | Para | Table | Chart


def _name(kpi: str, lang: str) -> str:
    k = KPIS[kpi]
    return k.name_zh if lang == "zh" else k.name_en


def _value(kpi: str, value: float | None, m: Minutes) -> str:
    if value is not None and math.isinf(value):
        return "—"  # an ACoS with no sales
    return format_value(kpi, value, m.currency, m.lang)


def threshold_text(b: Bands | None, kpi: str, lang: str = "en") -> str:
    """The green band in the KPI's own unit: `≤ 25.00 %`, `≥ 30 d and ≤ 180 d`."""
    if b is None:
        return ""
    parts = []
    if b.green_min is not None:
        parts.append(f"≥ {format_value(kpi, b.green_min, lang=lang)}")
    if b.green_max is not None:
        parts.append(f"≤ {format_value(kpi, b.green_max, lang=lang)}")
    return f" {t('and', lang)} ".join(parts) if lang != "zh" else f"{t('and', lang)} ".join(parts)


def _day(d: date | None) -> str:
    return d.isoformat() if d is not None else ""


def _span(p: Period, lang: str) -> str:
    return t("minutes_span", lang, start=p.start.isoformat(), end=p.end.isoformat())


def _light(status: str, lang: str) -> str:
    """A traffic light as chat apps show it: a coloured dot and the word."""
    if status not in ICONS:
        return ""
    return f"{ICONS[status]} {t(status, lang)}"


def _where(scope: str, key: str, m: Minutes) -> str:
    """The object a line is about, as a seller names it: 店铺整体, ASIN B0… 硅胶烘焙垫."""
    lang = m.lang
    if scope == "account":
        return t("scope_account", lang)
    label = t("scope_keyword" if scope == "keyword" else scope, lang)
    text = f"{label} {key}"
    name = m.names.get(key, "") if scope == "asin" else ""
    if name:
        text += " " + (name if len(name) <= TITLE_CHARS else name[: TITLE_CHARS - 1] + "…")
    return text


def _stake(s: Stake | None, m: Minutes) -> str:
    if s is None or (s.money is None and s.tier != POLICY):
        return t("minutes_unpriced", m.lang)
    if s.tier == POLICY:
        return t("minutes_policy", m.lang)
    assert s.money is not None
    return money_text(s.money, m.currency, whole=True) if m.currency else f"{s.money:,.0f}"


def _status_word(status: str, lang: str) -> str:
    """An action's status as people read it; a status the team typed by hand, as typed."""
    key = "status_" + status.replace(" ", "_")
    try:
        return t(key, lang)
    except KeyError:
        return status


def _heading(m: Minutes) -> str:
    lang = m.lang
    weekday = t("weekdays", lang).split()[m.meeting.weekday()]
    day = m.meeting.isoformat()
    if lang == "zh":
        return f"{t('minutes_title', lang)} · {day}（{weekday}）"
    return f"{t('minutes_title', lang)} · {weekday} {day}"


def blocks(m: Minutes) -> list[Block]:
    """The minutes, in the order the meeting runs."""
    lang = m.lang
    out: list[Block] = [Heading(_heading(m), 1)]
    period = _span(m.period, lang)
    if m.compare is not None:
        out.append(
            Para(t("minutes_period_compared", lang, period=period, compare=_span(m.compare, lang)))
        )
    else:
        out.append(Para(t("minutes_period", lang, period=period)))
    shown = m.snapshot or m.workbook
    if (
        not isinstance(shown, str)
        and not isinstance(m.workbook, str)
        and shown.is_relative_to(m.workbook.parent)  # as the team sees its shared folder
    ):
        shown = shown.relative_to(m.workbook.parent)
    out.append(Para(t("minutes_workbook", lang, where=shown)))
    out += _previous(m)
    out += _money(m)
    out += _problems(m)
    out += _gains(m)
    out += _next(m)
    if m.since is not None:
        day, changes = m.since
        out.append(Heading(t("minutes_since", lang, day=day.isoformat())))
        lines = []
        for c in changes:
            a = c.action
            if c.was is None:
                lines.append(t("minutes_since_new", lang, id=a.id, action=a.action, owner=a.owner))
            else:
                lines.append(
                    t(
                        "minutes_since_status",
                        lang,
                        id=a.id,
                        was=_status_word(c.was, lang),
                        now=_status_word(a.status, lang),
                        action=a.action,
                        owner=a.owner,
                    )
                )
        out += [Para(x) for x in lines] or [Para(t("minutes_none", lang))]
    return out


def _previous(m: Minutes) -> list[Block]:
    lang = m.lang
    out: list[Block] = [Heading(t("minutes_previous", lang))]
    if not m.previous:
        out.append(Para(t("minutes_no_previous", lang)))
    else:
        table = Table(
            [
                t("id", lang),
                t("minutes_problem", lang),
                t("action", lang),
                t("owner", lang),
                t("due", lang),
                t("result", lang),
                t("minutes_kpi_then_now", lang),
            ],
            wide=frozenset({1, 2, 6}),
        )
        order = {"overdue": 0, "open": 1, "done": 2, "dropped": 3}
        for o in sorted(m.previous, key=lambda o: (order.get(o.outcome, 9), o.action.id)):
            a = o.action
            light = {"overdue": "red", "done": "green"}.get(o.outcome, "")
            word = _status_word("overdue" if o.outcome == "overdue" else a.status, lang)
            word = f"{ICONS[light]} {word}" if light else word
            table.rows.append(
                (
                    [a.id, a.problem, a.action, a.owner, _day(a.due), word, _kpi_then_now(o, m)],
                    light,
                )
            )
        out.append(table)
    rate = "—" if m.closure_rate is None else f"{m.closure_rate * 100:.0f} %"
    target = f"{CLOSURE_TARGET * 100:.0f} %"
    out.append(Para(t("minutes_closure", lang, rate=rate, target=target, overdue=m.overdue)))
    return out


def _kpi_then_now(o: Outcome, m: Minutes) -> str:
    if o.kpi is None:
        return "—"
    then = _value(o.kpi, o.action.value_raised, m)
    colon = "：" if m.lang == "zh" else ": "
    text = f"{_name(o.kpi, m.lang)}{colon}{then} → {_value(o.kpi, o.now, m)}"
    if o.recovered is not None:
        word = t("minutes_recovered" if o.recovered else "minutes_not_recovered", m.lang)
        text += ("，" if m.lang == "zh" else ", ") + word
    return text


def _money(m: Minutes) -> list[Block]:
    lang = m.lang
    out: list[Block] = [Heading(t("minutes_money", lang))]
    if m.money:
        table = Table(
            [
                t("status", lang),
                t("kpi", lang),
                t("value", lang),
                t("minutes_comparison", lang),
                t("delta", lang),
            ]
        )
        for x in m.money:
            delta = (
                format_change(x.kpi, x.now - x.before, m.currency, lang)
                if x.now is not None and x.before is not None
                else "—"
            )
            table.rows.append(
                (
                    [
                        _light(x.status, lang),
                        _name(x.kpi, lang),
                        _value(x.kpi, x.now, m),
                        _value(x.kpi, x.before, m),
                        delta,
                    ],
                    x.status if x.status in COLOURS else "",
                )
            )
        out.append(table)
    if m.estimate:
        out.append(Para(t("minutes_estimate", lang)))
    out.append(Chart())
    return out


def _problem_text(p: Problem, m: Minutes) -> str:
    lang = m.lang
    text = f"{_name(p.kpi, lang)} {_value(p.kpi, p.value, m)}"
    if p.flag is not None and p.flag.bands is not None:
        line = threshold_text(p.flag.bands, p.kpi, lang)
        text += (
            f"（{t('green', lang)} {line}）" if lang == "zh" else f" ({t('green', lang)} {line})"
        )
    if p.also:
        names = ("、" if lang == "zh" else ", ").join(_name(k, lang) for k in p.also)
        sep = "；" if lang == "zh" else "; "
        text += sep + t("minutes_also", lang, kpis=names)
    return text


def _action_text(rule: str, lang: str) -> str:
    en, zh = ACTIONS[rule]
    return zh if lang == "zh" else en


def _problems(m: Minutes) -> list[Block]:
    lang = m.lang
    out: list[Block] = [Heading(t("minutes_findings", lang))]
    if not m.problems:
        return [*out, Para(t("minutes_no_findings", lang))]
    table = Table(
        [
            "#",
            t("status", lang),
            t("minutes_object", lang),
            t("minutes_problem", lang),
            t("minutes_at_stake", lang),
            t("minutes_suggested", lang),
        ],
        wide=frozenset({2, 3, 5}),
    )
    for n, p in enumerate(m.top, 1):
        action = _action_text(p.suggestion.rule, lang) if p.suggestion is not None else ""
        table.rows.append(
            (
                [
                    str(n),
                    _light(p.status, lang),
                    _where(p.scope, p.key, m),
                    _problem_text(p, m),
                    _stake(p.stake, m),
                    action,
                ],
                p.status,
            )
        )
    out.append(table)
    if m.more:
        out.append(Para(t("minutes_more", lang, n=m.more)))
    out.append(Para(t("minutes_stake_note", lang)))
    return out


def _gains(m: Minutes) -> list[Block]:
    lang = m.lang
    out: list[Block] = [Heading(t("minutes_gains", lang))]
    if m.gains:
        table = Table(
            [
                t("minutes_object", lang),
                t("kpi", lang),
                t("minutes_comparison", lang),
                t("minutes_now", lang),
                t("delta", lang),
            ],
            wide=frozenset({0}),
        )
        for g in m.gains:
            table.rows.append(
                (
                    [
                        _where(g.scope, g.key, m),
                        _name(g.kpi, lang),
                        _value(g.kpi, g.before, m),
                        _value(g.kpi, g.now, m),
                        format_change(g.kpi, g.delta, m.currency, lang),
                    ],
                    "green",
                )
            )
        out.append(table)
    else:
        out.append(Para(t("minutes_gains_none", lang)))
    if m.better:
        sep = "、" if lang == "zh" else ", "
        kpis = sep.join(
            f"{_name(k, lang)} {_value(k, now, m)}"
            + (f"（{_value(k, was, m)}）" if lang == "zh" else f" ({_value(k, was, m)})")
            for k, now, was in m.better
        )
        out.append(Para(t("minutes_better", lang, kpis=kpis)))
    return out


def _next_row(n: int, x: NextAction, m: Minutes) -> list[str]:
    lang = m.lang
    if x.action is not None:  # the team's decision, as typed
        a = x.action
        owner = a.owner or t("minutes_who", lang)
        due = _day(a.due) if a.due is not None else t("minutes_by", lang, day=_day(x.due))
        return [str(n), a.action, _where(x.scope, x.key, m), _stake(x.stake, m), owner, due]
    s = x.suggestion
    assert s is not None
    text = _action_text(s.rule, lang)
    if x.follows is not None:
        f = x.follows
        status = _status_word("overdue" if f.overdue(m.meeting) else f.status, lang)
        text = t("minutes_follow_up", lang, action=text, id=f.id, status=status)
    where = _where(x.scope, x.key, m)
    if s.kpi in KPIS and math.isfinite(s.value):
        where += " · " + f"{_name(s.kpi, lang)} {_value(s.kpi, s.value, m)}"
    owner = (
        f"{x.follows.owner}{'？' if lang == 'zh' else '?'}"
        if x.follows is not None and x.follows.owner
        else t("minutes_who", lang)
    )
    return [str(n), text, where, _stake(x.stake, m), owner, t("minutes_by", lang, day=_day(x.due))]


def _next(m: Minutes) -> list[Block]:
    lang = m.lang
    out: list[Block] = [Heading(t("minutes_next", lang))]
    if not m.next_actions:
        return [*out, Para(t("minutes_next_none", lang))]
    table = Table(
        [
            "#",
            t("action", lang),
            t("minutes_object", lang),
            t("minutes_at_stake", lang),
            t("owner", lang),
            t("due", lang),
        ],
        wide=frozenset({1, 2}),
    )
    for n, x in enumerate(m.next_actions, 1):
        table.rows.append((_next_row(n, x, m), ""))
    out.append(table)
    extra = len([a for a in m.new_actions if a.status not in ("done", "dropped")])
    if extra > len(m.next_actions):
        out.append(Para(t("minutes_new_more", lang, n=extra - len(m.next_actions))))
    return out


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
            for cells, _light in b.rows:
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
    widths = [max(_ems(_strip_icon(c)) for c in col) + 1 for col in cols]
    for i in b.wide:
        widths[i] = min(max(widths[i], 8), PROSE_EMS)
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
    title = html.escape(_heading(m))
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


def trend_img(m: Minutes) -> str:
    """The trend chart as an <img> with an SVG data URI (renders in browsers and Writer)."""
    svg = trend_svg(m)
    if not svg:
        return ""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    alt = html.escape(t("minutes_trend", m.lang))
    return (
        f'<p><img alt="{alt}" width="{CHART_W}" height="{CHART_H}" '
        f'src="data:image/svg+xml;base64,{data}"/></p>'
    )


CHART_W, CHART_H = 560, 170


def trend_svg(m: Minutes) -> str:
    """Weekly sales (bars, left scale) and ACoS (line, right scale) as an inline SVG image:
    no plotting library. Each week is labelled by its first day."""
    if not m.trend:
        return ""
    left, right, top, bottom = 64, 64, 24, 20  # room for the scales, title and weeks
    w, h = CHART_W - left - right, CHART_H - top - bottom
    n = len(m.trend)
    peak = max(s for _, s, _ in m.trend) or 1.0
    acos = [a for _, _, a in m.trend if a is not None]
    apeak = max(acos) * 1.2 if acos else 1.0
    step = w / n
    font = 'font-family="Noto Sans CJK SC,sans-serif"'
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{CHART_W}" height="{CHART_H}">',
        f'<text x="{left}" y="14" font-size="12" {font}>'
        f"{html.escape(t('minutes_trend', m.lang))}</text>",
        f'<line x1="{left}" y1="{top + h}" x2="{left + w}" y2="{top + h}" stroke="#999"/>',
    ]
    sales = money_text(peak, m.currency, whole=True) if m.currency else f"{peak:,.0f}"
    parts.append(
        f'<text x="{left - 4}" y="{top + 4}" font-size="10" text-anchor="end" {font}>'
        f"{html.escape(sales)}</text>"
    )
    parts.append(
        f'<text x="{left - 4}" y="{top + h}" font-size="10" text-anchor="end" {font}>0</text>'
    )
    points = []
    for i, (week, value, a) in enumerate(m.trend):
        x = left + i * step
        bh = h * value / peak
        parts.append(
            f'<rect x="{x + step * 0.15:.1f}" y="{top + h - bh:.1f}" width="{step * 0.7:.1f}" '
            f'height="{bh:.1f}" fill="#4F81BD"/>'
        )
        parts.append(
            f'<text x="{x + step / 2:.1f}" y="{CHART_H - 5}" font-size="10" '
            f'text-anchor="middle" {font}>{html.escape(week[5:] if len(week) == 10 else week)}'
            "</text>"
        )
        if a is not None:
            points.append(f"{x + step / 2:.1f},{top + h - h * a / apeak:.1f}")
    if points:
        parts.append(
            f'<polyline points="{" ".join(points)}" fill="none" stroke="#C0504D" stroke-width="2"/>'
        )
        parts.append(
            f'<text x="{left + w + 4}" y="{top + 4}" font-size="10" fill="#C0504D" {font}>'
            f"ACoS {apeak * 100:.0f} %</text>"
        )
        parts.append(
            f'<text x="{left + w + 4}" y="{top + h}" font-size="10" fill="#C0504D" {font}>'
            "0 %</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
