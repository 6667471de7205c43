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
_Floats = npt.NDArray[np.float64]  # what `_apply` gets: np.asarray(…, dtype="float64")


class Expr:
    """Base class: `evaluate` over columns, `formula` over cell references."""

    def measures(self) -> tuple[str, ...]:
        raise NotImplementedError

    def nullable_measures(self) -> tuple[str, ...]:
        """Measures that may be unknown (a blank cell, NaN): a blank one makes the result
        blank instead of counting as zero (a product cost nobody typed, say)."""
        return ()

    def evaluate(self, env: Mapping[str, Values]) -> Values:
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
    """A measure, by id; `nullable` when it may be unknown (see Expr.nullable_measures)."""

    name: str
    nullable: bool = False

    def measures(self) -> tuple[str, ...]:
        return (self.name,)

    def nullable_measures(self) -> tuple[str, ...]:
        return (self.name,) if self.nullable else ()

    def evaluate(self, env: Mapping[str, Values]) -> Values:
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

    def evaluate(self, env: Mapping[str, Values]) -> Values:
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

    def nullable_measures(self) -> tuple[str, ...]:
        seen = dict.fromkeys(self.left.nullable_measures() + self.right.nullable_measures())
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

    def _apply(self, a: _Floats, b: _Floats) -> _Floats:
        raise NotImplementedError

    def evaluate(self, env: Mapping[str, Values]) -> Values:
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

    def _apply(self, a: _Floats, b: _Floats) -> _Floats:
        return a + b


class Sub(_Arith):
    op = "-"

    def _apply(self, a: _Floats, b: _Floats) -> _Floats:
        return a - b


class Mul(_Arith):
    op = "*"

    def _apply(self, a: _Floats, b: _Floats) -> _Floats:
        return a * b


class Div(_Binary):
    """left / right, null when right is zero or either side is null."""

    def evaluate(self, env: Mapping[str, Values]) -> Values:
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


@dataclass(frozen=True)
class Sum(Expr):
    """± terms added in one go: one null guard for all of them in a formula, so a sum of
    five measures stays one short formula instead of nested IFs."""

    terms: tuple[tuple[int, Expr], ...]  # (+1 or -1, term)

    def measures(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m for _, t in self.terms for m in t.measures()))

    def nullable_measures(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m for _, t in self.terms for m in t.nullable_measures()))

    def evaluate(self, env: Mapping[str, Values]) -> Values:
        values = [(sign, t.evaluate(env)) for sign, t in self.terms]
        out = np.zeros(())
        for sign, v in values:
            out = out + sign * np.asarray(v, dtype="float64")
        return _like(out, *(v for _, v in values))

    def python(self) -> str:
        sign, first = self.terms[0]
        text = first.python() if sign > 0 else f"_sub(0.0, {first.python()})"
        for sign, t in self.terms[1:]:
            text = f"{'_add' if sign > 0 else '_sub'}({text}, {t.python()})"
        return text

    def formula(self, ref: Callable[[str], str]) -> str:
        parts = [(sign, t.formula(ref)) for sign, t in self.terms]
        body = "".join(
            ("+" if sign > 0 else "-") + (p if _is_atom(p) else f"({p})") for sign, p in parts
        ).removeprefix("+")
        nullable = [p for (_, t), (_, p) in zip(self.terms, parts, strict=True) if _nullable(t)]
        guard = _guard(*nullable) if nullable else ""
        return f'IF({guard},"",({body}))' if guard else f"({body})"


def total(*terms: tuple[int, Expr | str]) -> Sum:
    """total((+1, "net_sales"), (-1, M("cogs", True))): a Sum over measures or expressions."""
    return Sum(tuple((sign, M(t) if isinstance(t, str) else t) for sign, t in terms))


def _is_atom(text: str) -> bool:
    """A cell reference or a number: needs no parentheses."""
    return text.replace("$", "").replace("!", "").replace("'", "").isalnum() or (
        _is_plain_number(text)
    )


def _nullable(e: Expr) -> bool:
    """Whether an expression can produce null: divisions, and measures that may be unknown."""
    if isinstance(e, Div):
        return True
    if isinstance(e, M):
        return e.nullable
    if isinstance(e, _Binary):
        return _nullable(e.left) or _nullable(e.right)
    if isinstance(e, Sum):
        return any(_nullable(t) for _, t in e.terms)
    return False


def _like(out: np.ndarray, *inputs: Values) -> Values:
    for x in inputs:
        if isinstance(x, pd.Series):
            return pd.Series(out, index=x.index, dtype="float64")
    return float(out) if np.ndim(out) == 0 else out


def ratio(num: str | Expr, den: str | Expr) -> Expr:
    """num / den over measures, null on a zero denominator."""
    return Div(num if isinstance(num, Expr) else M(num), den if isinstance(den, Expr) else M(den))
