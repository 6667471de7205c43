"""What is off target, priced: every red or yellow KPI value and every rule's proposal, one
problem per object, biggest by money at stake first (stakes.py, ranking.py)."""

from __future__ import annotations

from dataclasses import dataclass

from ...addin.registry import KPIS, Direction, Scope
from ...addin.thresholds import Bands
from ..engine.review import Review, change, kpi_rows
from ..engine.rules import RULE_KPI, Suggestion
from ..engine.stakes import Stake, at_stake
from ..settings import Settings

STATUS_ORDER = {"red": 0, "yellow": 1}


@dataclass(frozen=True)
class Flag:
    """One red or yellow KPI value, priced."""

    scope: str
    key: str
    kpi: str
    value: float
    status: str
    bands: Bands | None  # the green band it is judged by (the ASIN's category's, if any)
    change: float | None  # against the comparison period, where there is one
    stake: Stake

    @property
    def rank(self) -> tuple[int, float, int]:
        return (*self.stake.rank, STATUS_ORDER.get(self.status, 2))


@dataclass(frozen=True)
class Problem:
    """One object the meeting should look at: its biggest problem by money, the action a rule
    proposes for it, and what else is off target on it."""

    scope: str
    key: str
    flag: Flag | None  # the headline red/yellow value (None: a rule fired on no KPI cell)
    suggestion: Suggestion | None  # the action proposed for this object, if a rule fired
    stake: Stake
    also: tuple[str, ...] = ()  # other KPIs off target on the same object

    @property
    def kpi(self) -> str:
        if self.flag is not None:
            return self.flag.kpi
        assert self.suggestion is not None
        return self.suggestion.kpi

    @property
    def value(self) -> float:
        if self.flag is not None:
            return self.flag.value
        assert self.suggestion is not None
        return self.suggestion.value

    @property
    def status(self) -> str:
        return self.flag.status if self.flag is not None else ""

    @property
    def rank(self) -> tuple[int, float, int]:
        return (*self.stake.rank, STATUS_ORDER.get(self.status, 2))


def _line(kpi: str, bands: Bands | None) -> float | None:
    """The green line a red/yellow value is priced against (None for a band on both sides)."""
    if bands is None:
        return None
    direction = KPIS[kpi].direction
    if direction is Direction.HIGHER:
        return bands.green_min
    if direction is Direction.LOWER:
        return bands.green_max
    return None


def _lead_times(settings: Settings) -> dict[str, float]:
    """Each ASIN's longest lead time over its SKUs (Settings' Products)."""
    out: dict[str, float] = {}
    for p in settings.products.values():
        if p.asin:
            out[p.asin] = max(out.get(p.asin, 0.0), settings.lead_time_of(p.sku))
    return out


def priced_flags(review: Review, before: Review, settings: Settings) -> list[Flag]:
    """Every red or yellow KPI value, priced (stakes.py), biggest first."""
    k = review.kpis
    rows = k[k.status.isin(["red", "yellow"])]
    leads = _lead_times(settings)
    out = []
    for r in kpi_rows(rows):
        scope = Scope(r.scope)
        category = settings.category_of(r.key) if scope is Scope.ASIN else ""
        bands = settings.bands_for(r.kpi, category)
        own = review.acos_targets.get(r.key) if scope is Scope.CAMPAIGN else None
        if r.kpi == "acos" and own is not None:
            bands = own.bands  # a campaign's ACoS is judged against its own target
        stake = at_stake(
            review,
            settings,
            r.kpi,
            scope,
            r.key,
            _line(r.kpi, bands),
            lead_time=leads.get(r.key) if scope is Scope.ASIN else None,
        )
        delta = change(KPIS[r.kpi], review, before, scope, r.key)
        out.append(Flag(r.scope, r.key, r.kpi, float(r.value), r.status, bands, delta, stake))
    return sorted(out, key=lambda f: (*f.rank, f.scope, f.kpi, f.key))


def _rule_kpi(s: Suggestion) -> str:
    return RULE_KPI.get(s.rule, s.kpi) if s.scope != "account" else s.kpi


def rank_problems(
    flags: list[Flag], suggestions: list[Suggestion], ranked: list[Suggestion]
) -> list[Problem]:
    """One problem per object (an ASIN, a campaign, an ad group ...), each account KPI its
    own: the biggest by money first, account health first of all by policy."""
    out: list[Problem] = []
    # The account: each red/yellow KPI is its own problem, with the rule that fired on it.
    on_account = {s.kpi: s for s in suggestions if s.scope == "account"}
    for f in flags:
        if f.scope == "account":
            s = on_account.get(f.kpi)
            stake = s.stake if s is not None and s.stake.rank < f.stake.rank else f.stake
            out.append(Problem("account", "", f, s, stake))
    # Everything else: one problem per object, the rule's proposal beside its biggest value.
    by_object: dict[tuple[str, str], list[Flag]] = {}
    for f in flags:
        if f.scope != "account":
            by_object.setdefault((f.scope, f.key), []).append(f)
    proposals = {(s.scope, s.key): s for s in ranked if s.scope != "account"}
    for obj in [*by_object, *(o for o in proposals if o not in by_object)]:
        own = by_object.get(obj, [])
        s = proposals.get(obj)
        head = min(own, key=lambda f: f.rank) if own else None
        fired = next((f for f in own if s is not None and f.kpi == _rule_kpi(s)), None)
        if fired is not None and head is not None and fired.stake.rank <= head.stake.rank:
            head = fired  # the value the rule fired on leads when it is worth as much
        if s is not None and head is not None and s.stake.rank < head.stake.rank:
            head = None  # what the rule found is worth more than any red or yellow value
        stakes = [f.stake for f in own] + ([s.stake] if s is not None else [])
        stake = min(stakes, key=lambda x: x.rank)
        also = tuple(dict.fromkeys(f.kpi for f in own if head is None or f.kpi != head.kpi))
        out.append(Problem(obj[0], obj[1], head, s, stake, also))
    return sorted(out, key=lambda p: (*p.rank, p.scope != "account", p.scope, p.key))
