"""The KPI frames: measures per scope side by side, then every KPI evaluated and coloured."""

from __future__ import annotations

import pandas as pd

from ...addin.registry import Kpi, Scope, all_kpis
from ...addin.thresholds import Status
from ..periods import Period
from ..settings import Settings
from .ad_targets import CampaignTarget


def combine(
    parts: list[pd.DataFrame], period: Period, unknown: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The parts' measures side by side; a key a part does not name has 0 of its measures,
    except the cells `unknown` marks (a cost nobody typed): those stay NaN."""
    if not parts:
        return pd.DataFrame(index=pd.Index([], dtype=object))
    frame = pd.concat(parts, axis=1).T.groupby(level=0).sum(min_count=1).T
    frame = frame.fillna(0.0)
    if unknown is not None and not unknown.empty:
        mask = unknown.reindex(index=frame.index, columns=frame.columns, fill_value=False)
        frame = frame.mask(mask.astype(bool))
    frame["days"] = float(period.days)
    frame.index = frame.index.map(str)
    return frame.sort_index()


def evaluate_kpis(
    frames: dict[Scope, pd.DataFrame],
    present: set[str],
    settings: Settings,
    scopes: frozenset[Scope],
    targets: dict[str, CampaignTarget] | None = None,
) -> pd.DataFrame:
    """Every KPI of every scope with its status; a campaign's ACoS by its own target."""
    out = []
    categories = settings.categories()
    available = present | {"days"}
    for kpi in all_kpis():
        if not set(kpi.measures) <= available:
            continue
        for scope in kpi.scopes & scopes:
            frame = frames.get(scope)
            if frame is None or frame.empty or not set(kpi.measures) <= set(frame.columns):
                continue
            columns = {m: frame[m] for m in kpi.measures}  # the measures its expression reads
            values = pd.Series(kpi.compute(columns), index=frame.index, dtype="float64")
            cats = (
                values.index.map(lambda k: categories.get(k, "")) if scope is Scope.ASIN else None
            )
            status = statuses(kpi, values, settings, cats)
            if kpi.id == "acos" and scope is Scope.CAMPAIGN and targets:
                status = _by_target(values, status, targets)
            out.append(_tidy(kpi, scope, values, status))
    if not out:
        return pd.DataFrame(columns=["scope", "key", "kpi", "value", "status"])
    tidy = pd.concat(out, ignore_index=True)
    order = {kpi.id: i for i, kpi in enumerate(all_kpis())}
    scope_order = {s.value: i for i, s in enumerate(Scope)}
    return (
        tidy.assign(_s=tidy.scope.map(scope_order), _k=tidy.kpi.map(order))
        .sort_values(["_s", "key", "_k"], kind="stable")
        .drop(columns=["_s", "_k"])
        .reset_index(drop=True)
    )


def statuses(
    kpi: Kpi, values: pd.Series, settings: Settings, categories: pd.Index | None = None
) -> pd.Series:
    """Traffic lights by the team's bands: the category's where the ASIN has one."""
    base = settings.bands_for(kpi.id)
    if base is None:
        return pd.Series(Status.NONE.value, index=values.index, dtype="object")
    out = base.statuses(values)
    if categories is not None:
        for cat in set(categories) - {""}:
            bands = settings.bands.get((kpi.id, cat))
            if bands is not None:
                mask = (categories == cat).tolist()
                out[mask] = bands.statuses(values[mask])
    return out


def _by_target(
    values: pd.Series, status: pd.Series, targets: dict[str, CampaignTarget]
) -> pd.Series:
    """Campaign ACoS statuses by each campaign's target (engine/ad_targets.py)."""
    out = status.copy()
    for key, v in zip(values.index, values.to_numpy(dtype="float64").tolist(), strict=True):
        t = targets.get(str(key))
        if t is not None:
            out.at[key] = t.bands.status(v).value  # NaN: no light (Bands.status)
    return out


def _tidy(kpi: Kpi, scope: Scope, values: pd.Series, status: pd.Series) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "scope": scope.value,
            "key": values.index,
            "kpi": kpi.id,
            "value": values.to_numpy(),
            "status": status.to_numpy(),
        }
    )
