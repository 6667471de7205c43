"""A tiny expression language for KPI definitions.

A KPI is written once as an expression over measures (additive base quantities such as
`ad_spend` or `sessions`). The same expression evaluates vectorised over pandas columns for
the sync, over plain numbers or lists for the UDFs, and renders as a native spreadsheet
formula in the Excel-2019 function set (Excel, LibreOffice, WPS and Google Sheets all
evaluate it). A ratio whose denominator is zero is null: NaN in pandas, None in Python,
"" (empty text) in a spreadsheet.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

Values = pd.Series | np.ndarray | float
Floats = npt.NDArray[np.float64]
# Measure name -> values: a mapping, or a frame whose columns are the measures.
Env = Mapping[str, Values] | pd.DataFrame


class Expr:
    """Base class: `evaluate` over columns, `formula` over cell references."""

    def measures(self) -> tuple[str, ...]:
        raise NotImplementedError

    def evaluate(self, env: Env) -> Values:
        raise NotImplementedError

    def formula(self, ref: Callable[[str], str]) -> str:
        """Native formula text (without the leading `=`); `ref(measure)` gives a cell ref."""
        raise NotImplementedError

    def python(self) -> str:
        """Plain-Python source over measure names, using the null-aware helpers of
        addin/lite/main.py (`_add`, `_sub`, `_mul`, `_div`): for runtimes without pandas."""
        raise NotImplementedError

    def __truediv__(self, other: Expr | float) -> Expr:
        return Div(self, _lift(other))

    def __mul__(self, other: Expr | float) -> Expr:
        return Mul(self, _lift(other))

    def __sub__(self, other: Expr | float) -> Expr:
        return Sub(self, _lift(other))

    def __add__(self, other: Expr | float) -> Expr:
        return Add(self, _lift(other))


def _lift(x: Expr | float) -> Expr:
    return x if isinstance(x, Expr) else Const(float(x))


@dataclass(frozen=True)
class M(Expr):
    """A measure, by id."""

    name: str

    def measures(self) -> tuple[str, ...]:
        return (self.name,)

    def evaluate(self, env: Env) -> Values:
        return env[self.name]

    def formula(self, ref: Callable[[str], str]) -> str:
        return ref(self.name)

    def python(self) -> str:
        return self.name


@dataclass(frozen=True)
class Const(Expr):
    value: float

    def measures(self) -> tuple[str, ...]:
        return ()

    def evaluate(self, env: Env) -> Values:
        return self.value

    def formula(self, ref: Callable[[str], str]) -> str:
        return _number(self.value)

    def python(self) -> str:
        return repr(float(self.value))


def _number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


@dataclass(frozen=True)
class _Binary(Expr):
    left: Expr
    right: Expr

    def measures(self) -> tuple[str, ...]:
        seen = dict.fromkeys(self.left.measures() + self.right.measures())
        return tuple(seen)


def _guard(*parts: str) -> str:
    """Condition that is true when any operand is null (empty text)."""
    checks = [f'{p}=""' for p in parts if not _is_plain_number(p)]
    if not checks:
        return ""
    return checks[0] if len(checks) == 1 else f"OR({','.join(checks)})"


def _is_plain_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


class _Arith(_Binary):
    op: str = "+"

    def _apply(self, a: Floats, b: Floats) -> Floats:
        raise NotImplementedError

    def evaluate(self, env: Env) -> Values:
        a, b = self.left.evaluate(env), self.right.evaluate(env)
        out = self._apply(np.asarray(a, dtype="float64"), np.asarray(b, dtype="float64"))
        return _like(out, a, b)

    def python(self) -> str:
        name = {"+": "_add", "-": "_sub", "*": "_mul"}[self.op]
        return f"{name}({self.left.python()}, {self.right.python()})"

    def formula(self, ref: Callable[[str], str]) -> str:
        a, b = self.left.formula(ref), self.right.formula(ref)
        body = f"({a}{self.op}{b})"
        guard = _guard(a, b) if _nullable(self.left) or _nullable(self.right) else ""
        return f'IF({guard},"",{body})' if guard else body


class Add(_Arith):
    op = "+"

    def _apply(self, a: Floats, b: Floats) -> Floats:
        return a + b


class Sub(_Arith):
    op = "-"

    def _apply(self, a: Floats, b: Floats) -> Floats:
        return a - b


class Mul(_Arith):
    op = "*"

    def _apply(self, a: Floats, b: Floats) -> Floats:
        return a * b


class Div(_Binary):
    """left / right, null when right is zero or either side is null."""

    def evaluate(self, env: Env) -> Values:
        a, b = self.left.evaluate(env), self.right.evaluate(env)
        na, nb = np.asarray(a, dtype="float64"), np.asarray(b, dtype="float64")
        with np.errstate(divide="ignore", invalid="ignore"):
            out = np.where(nb == 0, np.nan, na / np.where(nb == 0, 1.0, nb))
        return _like(out, a, b)

    def python(self) -> str:
        return f"_div({self.left.python()}, {self.right.python()})"

    def formula(self, ref: Callable[[str], str]) -> str:
        a, b = self.left.formula(ref), self.right.formula(ref)
        nulls = _guard(a) if _nullable(self.left) else ""
        den_null = f'{b}=""' if _nullable(self.right) else ""
        conds = [c for c in (nulls, den_null) if c] + [f"{b}=0"]
        cond = conds[0] if len(conds) == 1 else f"OR({','.join(conds)})"
        return f'IF({cond},"",{a}/{b})'


def _nullable(e: Expr) -> bool:
    """Whether an expression can produce null (only divisions can)."""
    if isinstance(e, Div):
        return True
    if isinstance(e, _Binary):
        return _nullable(e.left) or _nullable(e.right)
    return False


def _like(out: np.ndarray, *inputs: Values) -> Values:
    for x in inputs:
        if isinstance(x, pd.Series):
            return pd.Series(out, index=x.index, dtype="float64")
    return float(out) if np.ndim(out) == 0 else out


def ratio(num: str | Expr, den: str | Expr) -> Expr:
    """num / den over measures, null on a zero denominator."""
    return Div(num if isinstance(num, Expr) else M(num), den if isinstance(den, Expr) else M(den))
