"""The xlwings Lite script: current with the registry, and computing what the engine does."""

from __future__ import annotations

import math
import sys
import types

import pandas as pd
import pytest
from fupan.addin import lite
from fupan.addin.registry import all_kpis


def test_shipped_script_is_current():
    assert lite.OUT.read_text(encoding="utf-8") == lite.render(), (
        "addin/lite/main.py is stale: run python -m fupan.addin.lite"
    )


@pytest.fixture
def script(monkeypatch):
    """Run main.py the way Lite would, with a recording `xlwings.func`."""
    names = {}

    def func(**meta):
        def register(f):
            names[f.__name__] = f"{meta['namespace']}.{meta['name']}"
            return f

        return register

    monkeypatch.setitem(sys.modules, "xlwings", types.SimpleNamespace(func=func))
    namespace: dict = {}
    exec(compile(lite.OUT.read_text(encoding="utf-8"), str(lite.OUT), "exec"), namespace)
    return namespace, names


def test_names_are_namespaced(script):
    _, names = script
    assert names["AMZ_ACOS"] == "AMZ.ACOS"
    assert len(names) == len(all_kpis())


@pytest.mark.parametrize("kpi", all_kpis(), ids=lambda k: k.id)
def test_lite_equals_the_engine(script, kpi):
    namespace, _ = script
    env = {m: pd.Series([0.0, 3.0, 250.5, 12.0]) for m in kpi.measures}
    env[kpi.measures[-1]] = pd.Series([0.0, 0.0, 17.25, 40.0])
    want = kpi.compute(env)
    got = namespace[f"AMZ_{kpi.id.upper()}"](*[[[v] for v in env[m]] for m in kpi.measures])
    for (g,), w in zip(got, want, strict=True):
        assert (g is None and math.isnan(w)) or g == pytest.approx(w)
    assert namespace["AMZ_ACOS"](30, 120) == 0.25
