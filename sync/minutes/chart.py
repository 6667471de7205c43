"""The weekly trend of the minutes: sales and ACoS as an SVG image (no plotting library)."""

from __future__ import annotations

import base64
import html

from ..i18n import t
from ..marketplaces import money_text
from .model import Minutes


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
