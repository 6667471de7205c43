"""The minutes' sections, in the order the meeting runs (kpi-catalogue.md §9): the last
meeting's actions and their outcome, the money, the biggest problems by money at stake, what
brought gains, the three next actions."""

from __future__ import annotations

import math

from ...addin.registry import KPIS
from ..formats import format_change
from ..i18n import status_label, t
from .findings import Problem
from .model import CLOSURE_TARGET, Minutes, NextAction, Outcome
from .words import (
    COLOURS,
    ICONS,
    Block,
    Chart,
    Heading,
    Para,
    Table,
    action_text,
    day_text,
    kpi_name,
    light_text,
    span_text,
    stake_text,
    threshold_text,
    title_text,
    value_text,
    where_text,
)


def blocks(m: Minutes) -> list[Block]:
    """The minutes, in the order the meeting runs."""
    lang = m.lang
    out: list[Block] = [Heading(title_text(m), 1)]
    period = span_text(m.period, lang)
    if m.compare is not None:
        out.append(
            Para(
                t(
                    "minutes_period_compared",
                    lang,
                    period=period,
                    compare=span_text(m.compare, lang),
                )
            )
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
                        was=status_label(c.was, lang),
                        now=status_label(a.status, lang),
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
            word = status_label("overdue" if o.outcome == "overdue" else a.status, lang)
            word = f"{ICONS[light]} {word}" if light else word
            table.rows.append(
                (
                    [
                        a.id,
                        a.problem,
                        a.action,
                        a.owner,
                        day_text(a.due),
                        word,
                        _kpi_then_now(o, m),
                    ],
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
    then = value_text(o.kpi, o.action.value_raised, m)
    colon = "：" if m.lang == "zh" else ": "
    text = f"{kpi_name(o.kpi, m.lang)}{colon}{then} → {value_text(o.kpi, o.now, m)}"
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
                        light_text(x.status, lang),
                        kpi_name(x.kpi, lang),
                        value_text(x.kpi, x.now, m),
                        value_text(x.kpi, x.before, m),
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
    text = f"{kpi_name(p.kpi, lang)} {value_text(p.kpi, p.value, m)}"
    if p.flag is not None and p.flag.bands is not None:
        line = threshold_text(p.flag.bands, p.kpi, lang)
        text += (
            f"（{t('green', lang)} {line}）" if lang == "zh" else f" ({t('green', lang)} {line})"
        )
    if p.also:
        names = ("、" if lang == "zh" else ", ").join(kpi_name(k, lang) for k in p.also)
        sep = "；" if lang == "zh" else "; "
        text += sep + t("minutes_also", lang, kpis=names)
    return text


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
        action = action_text(p.suggestion.rule, lang) if p.suggestion is not None else ""
        table.rows.append(
            (
                [
                    str(n),
                    light_text(p.status, lang),
                    where_text(p.scope, p.key, m),
                    _problem_text(p, m),
                    stake_text(p.stake, m),
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
                        where_text(g.scope, g.key, m),
                        kpi_name(g.kpi, lang),
                        value_text(g.kpi, g.before, m),
                        value_text(g.kpi, g.now, m),
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
            f"{kpi_name(k, lang)} {value_text(k, now, m)}"
            + (f"（{value_text(k, was, m)}）" if lang == "zh" else f" ({value_text(k, was, m)})")
            for k, now, was in m.better
        )
        out.append(Para(t("minutes_better", lang, kpis=kpis)))
    return out


def _next_row(n: int, x: NextAction, m: Minutes) -> list[str]:
    lang = m.lang
    if x.action is not None:  # the team's decision, as typed
        a = x.action
        owner = a.owner or t("minutes_who", lang)
        due = day_text(a.due) if a.due is not None else t("minutes_by", lang, day=day_text(x.due))
        return [str(n), a.action, where_text(x.scope, x.key, m), stake_text(x.stake, m), owner, due]
    s = x.suggestion
    assert s is not None
    text = action_text(s.rule, lang)
    if x.follows is not None:
        f = x.follows
        status = status_label("overdue" if f.overdue(m.meeting) else f.status, lang)
        text = t("minutes_follow_up", lang, action=text, id=f.id, status=status)
    where = where_text(x.scope, x.key, m)
    if s.kpi in KPIS and math.isfinite(s.value):
        where += " · " + f"{kpi_name(s.kpi, lang)} {value_text(s.kpi, s.value, m)}"
    owner = (
        f"{x.follows.owner}{'？' if lang == 'zh' else '?'}"
        if x.follows is not None and x.follows.owner
        else t("minutes_who", lang)
    )
    return [
        str(n),
        text,
        where,
        stake_text(x.stake, m),
        owner,
        t("minutes_by", lang, day=day_text(x.due)),
    ]


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
