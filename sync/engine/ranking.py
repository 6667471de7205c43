"""Proposed actions in the order a meeting should take them: by money at stake.

One action per object: when several rules fire on one ad group or ASIN, the stronger one is
proposed and the others are noted beside it (pausing an ad group makes cutting its budget
moot). The Suggestions tab then shows one row per rule, its objects counted, and the
Dashboard and the minutes take the biggest single items.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .rules import RULES, Suggestion
from .stakes import Stake

# When both fire on one object, the first makes the second moot.
STRONGER = {"R1": ("R2",), "R10": ("R9",), "R7": ("R8",)}
ORDER = {r.id: n for n, r in enumerate(RULES)}


@dataclass(frozen=True)
class RuleRow:
    """One rule's suggestions, collapsed: what the Suggestions tab shows per row."""

    first: Suggestion  # the object with the most at stake
    count: int
    stake: Stake  # summed over the objects priced
    keys: tuple[str, ...]  # every object, biggest first


def _strength(s: Suggestion) -> tuple[int, float, int]:
    return (*s.stake.rank, ORDER.get(s.rule, 99))


def one_per_object(suggestions: list[Suggestion]) -> list[Suggestion]:
    """The strongest suggestion per object, the others named in its `also`, biggest first."""
    by_object: dict[tuple[str, str], list[Suggestion]] = {}
    for s in suggestions:
        by_object.setdefault((s.scope, s.key), []).append(s)
    out = []
    for group in by_object.values():
        rules = {s.rule for s in group}
        moot = {weak for r in rules for weak in STRONGER.get(r, ())}
        kept = sorted((s for s in group if s.rule not in moot), key=_strength)
        best = kept[0]
        also = {s.rule for s in group if s.rule != best.rule}
        out.append(replace(best, also=tuple(sorted(also, key=lambda r: ORDER.get(r, 99)))))
    return sorted(out, key=_strength)


def by_rule(suggestions: list[Suggestion]) -> list[RuleRow]:
    """One row per rule over the objects it fired on, biggest first."""
    groups: dict[str, list[Suggestion]] = {}
    for s in one_per_object(suggestions):
        groups.setdefault(s.rule, []).append(s)
    rows = []
    for group in groups.values():
        priced = [s.stake.money for s in group if s.stake.money is not None]
        total = math.fsum(priced) if priced else None
        first = group[0]
        stake = Stake(total, min(s.stake.tier for s in group), first.stake.why)
        rows.append(RuleRow(first, len(group), stake, tuple(s.key for s in group)))
    return sorted(rows, key=lambda r: (*r.stake.rank, ORDER.get(r.first.rule, 99)))
