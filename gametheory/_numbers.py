"""Number handling shared by games and solvers (private).

Payoffs are classified into one of four *kinds*:

``"integer"``   every payoff is an integer (exact),
``"rational"``  every payoff is a rational number (exact, stored as :class:`~fractions.Fraction`),
``"float"``     at least one payoff is a binary float (inexact, stored as ``float64``),
``"symbolic"``  at least one payoff is a sympy expression with free symbols.
"""

from __future__ import annotations

import decimal
import math
import numbers
from fractions import Fraction
from functools import reduce
from typing import Any

import numpy as np
import sympy

from .errors import InvalidGameError

__all__ = [
    "EXACT_KINDS",
    "classify",
    "convert_array",
    "format_number",
    "integer_scaled",
    "to_fraction",
    "to_sympy",
]

EXACT_KINDS = frozenset({"integer", "rational"})
_KIND_RANK = {"integer": 0, "rational": 1, "float": 2, "symbolic": 3}


def _kind_of(value: Any, where: str) -> str:
    """Kind of one scalar payoff; raises on NaN, inf, strings and other junk."""
    if isinstance(value, bool | np.bool_):
        raise InvalidGameError(f"{where}: booleans are not payoffs (got {value!r})")
    if isinstance(value, numbers.Integral):
        return "integer"
    if isinstance(value, Fraction):
        return "integer" if value.denominator == 1 else "rational"
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            raise InvalidGameError(f"{where}: payoff is not finite (got {value})")
        return "rational"
    if isinstance(value, float | np.floating):
        if not math.isfinite(value):
            raise InvalidGameError(f"{where}: payoff is not finite (got {value})")
        return "float"
    if isinstance(value, sympy.Basic):
        if not isinstance(value, sympy.Expr):
            raise InvalidGameError(f"{where}: {value!r} is not a sympy expression")
        if value.free_symbols:
            return "symbolic"
        if value.is_Integer:
            return "integer"
        if value.is_Rational:
            return "rational"
        if value.is_Float:
            if not math.isfinite(float(value)):
                raise InvalidGameError(f"{where}: payoff is not finite (got {value})")
            return "float"
        if value.has(sympy.zoo, sympy.oo, -sympy.oo, sympy.nan):
            raise InvalidGameError(f"{where}: payoff is not finite (got {value})")
        # exact constants such as sqrt(2): keep them symbolic-exact
        return "symbolic"
    if isinstance(value, str):
        raise InvalidGameError(
            f"{where}: payoff {value!r} is a string; parse it first with "
            "gametheory.parameters.parse_expression(text, space)"
        )
    raise InvalidGameError(f"{where}: unsupported payoff type {type(value).__name__} ({value!r})")


def to_fraction(value: Any) -> Fraction:
    """Exact :class:`Fraction` for an int, Fraction, Decimal or sympy Rational."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, numbers.Integral):
        return Fraction(int(value))
    if isinstance(value, decimal.Decimal):
        return Fraction(value)
    if isinstance(value, sympy.Rational):
        return Fraction(int(value.p), int(value.q))
    if isinstance(value, float | np.floating):
        return Fraction(float(value))
    raise TypeError(f"cannot convert {value!r} to an exact Fraction")


def to_sympy(value: Any) -> sympy.Expr:
    if isinstance(value, sympy.Basic):
        return value
    if isinstance(value, float | np.floating):
        return sympy.Float(float(value))
    f = to_fraction(value)
    return sympy.Rational(f.numerator, f.denominator)


def classify(values: np.ndarray, where: str) -> str:
    """Kind of an array of payoffs (the widest kind present).

    Numeric numpy dtypes are classified with vectorised checks; object arrays
    element by element.
    """
    if values.dtype.kind in "iu":
        return "integer"
    if values.dtype.kind == "b":
        raise InvalidGameError(f"{where}: booleans are not payoffs")
    if values.dtype.kind == "f":
        bad = ~np.isfinite(values)
        if bad.any():
            idx = tuple(int(i) for i in np.argwhere(bad)[0])
            raise InvalidGameError(f"{where} at {idx}: payoff is not finite (got {values[idx]})")
        return "float"
    if values.dtype.kind != "O":
        raise InvalidGameError(f"{where}: unsupported payoff dtype {values.dtype}")
    types = set(map(type, values.flat))
    if types <= {int, float}:  # fast path for nested Python lists of numbers
        if float not in types:
            return "integer"
        floats = np.array(values, dtype=np.float64)
        if np.isfinite(floats).all():
            return "float"
    kind = "integer"
    for idx, v in np.ndenumerate(values):
        k = _kind_of(v, f"{where} at {idx}" if values.ndim else where)
        if _KIND_RANK[k] > _KIND_RANK[kind]:
            kind = k
    return kind


def convert_array(values: np.ndarray, kind: str) -> np.ndarray:
    """Read-only copy of ``values`` stored as ``kind`` (see module docstring)."""
    out: np.ndarray
    if kind == "integer" and values.dtype.kind in "iu":
        out = values.astype(np.int64)
    elif kind == "float" and values.dtype.kind == "f":
        out = values.astype(np.float64)
    elif kind == "integer":
        try:  # every entry is integral here, so int() is exact
            out = values.astype(np.int64)
            out.setflags(write=False)
            return out
        except (OverflowError, TypeError):
            pass
        ints = [int(to_fraction(v)) for v in values.flat]
        try:
            out = np.array(ints, dtype=np.int64).reshape(values.shape)
        except OverflowError:
            out = np.empty(values.shape, dtype=object)
            out.flat[:] = ints
    elif kind == "rational":
        out = np.empty(values.shape, dtype=object)
        out.flat[:] = [to_fraction(v) for v in values.flat]
    elif kind == "float":
        out = np.array([float(v) for v in values.flat], dtype=np.float64).reshape(values.shape)
    elif kind == "symbolic":
        out = np.empty(values.shape, dtype=object)
        out.flat[:] = [to_sympy(v) for v in values.flat]
    else:  # pragma: no cover - internal misuse
        raise ValueError(f"unknown kind {kind!r}")
    out.setflags(write=False)
    return out


def integer_scaled(array: np.ndarray) -> np.ndarray:
    """Integer array proportional (positive factor) to an exact payoff array.

    Multiplying one player's payoffs by a positive constant leaves best
    responses and equilibria unchanged, so exact solvers work on integers.
    """
    if array.dtype != object:
        return array.astype(np.int64, copy=False)
    fracs = [to_fraction(v) for v in array.flat]
    lcm = reduce(math.lcm, (f.denominator for f in fracs), 1)
    ints = [int(f * lcm) for f in fracs]
    try:
        return np.array(ints, dtype=np.int64).reshape(array.shape)
    except OverflowError:
        out = np.empty(array.shape, dtype=object)
        out.flat[:] = ints
        return out


def format_number(value: Any) -> str:
    """String form used in JSON and text output: ``"p/q"``, integers, or a float repr."""
    if isinstance(value, sympy.Basic) and not value.free_symbols:
        if value.is_Rational:
            value = Fraction(int(value.p), int(value.q))
        elif value.is_Float:
            value = float(value)
    if isinstance(value, Fraction | numbers.Integral) and not isinstance(value, bool):
        f = to_fraction(value)
        return str(f.numerator) if f.denominator == 1 else f"{f.numerator}/{f.denominator}"
    if isinstance(value, float | np.floating):
        return repr(float(value))
    return str(value)
