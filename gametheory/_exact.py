"""Exact regrets and expected payoffs in integer arithmetic.

Verifying an equilibrium exactly is the last step of every exact solver, so it
must be fast. Contracting object arrays of :class:`~fractions.Fraction` costs a
gcd per multiplication; instead each player's payoffs are scaled once to
integers (``U_i = W_i / s_i``, cached per game) and each probability vector is
written over a common denominator (``sigma_j = n_j / d_j``). Then every
contraction is a sum of integer products,

.. math:: v_i(k) = \\frac{D_i(k)}{s_i \\prod_{j \\ne i} d_j}, \\qquad
          D_i = W_i \\times_{j \\ne i} n_j,

computed in ``int64`` when a bound on the result fits (``max |W_i|`` times the
product of the denominators, below :math:`2^{62}`) and in Python integers
otherwise; only the final quotients become fractions. The results are exactly
those of rational arithmetic.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Sequence
from fractions import Fraction
from functools import reduce
from typing import Any

import numpy as np

from ._numbers import to_fraction

__all__ = ["exact_regrets_and_payoffs", "float_regrets_and_payoffs", "float_scale"]

_INT64_SAFE = 1 << 62
_SCALED: dict[int, tuple[Any, tuple[tuple[np.ndarray, int, int], ...]]] = {}
_FLOAT: dict[int, tuple[Any, tuple[np.ndarray, ...]]] = {}


def _cached(store: dict[int, Any], game: Any, build: Any) -> Any:
    """``build(game)``, remembered while ``game`` lives (games are immutable)."""
    key = id(game)
    hit = store.get(key)
    if hit is not None and hit[0]() is game:
        return hit[1]
    value = build(game)

    def forget(_r: weakref.ref[Any], key: int = key) -> None:
        store.pop(key, None)

    ref = weakref.ref(game, forget)
    store[key] = (ref, value)
    return value


def _own_axis_first(W: np.ndarray, i: int) -> np.ndarray:
    return W.transpose(i, *(j for j in range(W.ndim) if j != i)).reshape(W.shape[i], -1)


def _scale(array: np.ndarray) -> tuple[np.ndarray, int, int]:
    """``(W, s, max|W|)`` with ``array == W / s``, ``W`` integer (int64 when it fits)."""
    if array.dtype != object:
        ints = array.astype(np.int64, copy=False)
        # abs() in Python ints: np.abs(-2**63) overflows back to -2**63
        bound = max(abs(int(ints.max())), abs(int(ints.min()))) if ints.size else 0
        return ints, 1, bound
    fracs = [to_fraction(v) for v in array.flat]
    s = reduce(math.lcm, (f.denominator for f in fracs), 1)
    values = [f.numerator * (s // f.denominator) for f in fracs]
    bound = max((abs(v) for v in values), default=0)
    if bound < _INT64_SAFE:
        return np.array(values, dtype=np.int64).reshape(array.shape), s, bound
    out = np.empty(array.shape, dtype=object)
    out.flat[:] = values
    return out, s, bound


def _scaled_payoffs(game: Any) -> tuple[tuple[np.ndarray, int, int], ...]:
    """Per player ``(M_i, s_i, max|M_i|)``, cached while the game lives.

    ``M_i`` is player ``i``'s integer-scaled payoff array with the player's own
    axis moved first and the others flattened (in player order), so that its
    product with the Kronecker product of the opponents' vectors is the vector
    of pure-strategy payoffs.
    """

    def build(game: Any) -> tuple[tuple[np.ndarray, int, int], ...]:
        out = []
        for i, a in enumerate(game.payoffs):
            W, s, bound = _scale(a)
            out.append((_own_axis_first(W, i), s, bound))
        return tuple(out)

    return _cached(_SCALED, game, build)


def _over_common_denominator(vector: Sequence[Any] | np.ndarray) -> tuple[list[int], int]:
    fracs = [to_fraction(v) for v in vector]
    d = reduce(math.lcm, (f.denominator for f in fracs), 1)
    return [f.numerator * (d // f.denominator) for f in fracs], d


def _kron(vectors: Sequence[np.ndarray], dtype: Any) -> np.ndarray:
    out = np.ones(1, dtype=dtype)
    for v in vectors:
        out = np.multiply.outer(out, v).ravel()
    return out


def exact_regrets_and_payoffs(
    game: Any, vectors: Sequence[Sequence[Any] | np.ndarray]
) -> tuple[list[Fraction], list[Fraction]]:
    """Every player's regret and expected payoff, exactly.

    Parameters
    ----------
    game : NormalFormGame
        A game with exact (integer or rational) payoffs.
    vectors : sequence of sequences
        One probability vector per player, of exact numbers summing to 1
        (as returned by :func:`gametheory.equilibrium.profile_vectors`).

    Returns
    -------
    regrets, payoffs : list of Fraction
        ``regrets[i]`` is the best pure deviation payoff of player ``i``
        minus its current expected payoff; ``payoffs[i]`` the expected payoff.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> from gametheory import NormalFormGame
    >>> g = NormalFormGame.from_arrays([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    >>> exact_regrets_and_payoffs(g, [[F(1, 2), F(1, 2)], [1, 0]])
    ([Fraction(1, 1), Fraction(0, 1)], [Fraction(0, 1), Fraction(0, 1)])
    """
    scaled = _scaled_payoffs(game)
    parts = [_over_common_denominator(v) for v in vectors]
    dens = [d for _, d in parts]
    total = math.prod(dens)
    small = all(bound * total < _INT64_SAFE for _, _, bound in scaled)
    dtype: Any = np.int64 if small else object
    nums = [np.array(n, dtype=dtype) for n, _ in parts]
    regrets: list[Fraction] = []
    payoffs: list[Fraction] = []
    for i, (M, s, _) in enumerate(scaled):
        if not small and M.dtype != object:
            M = M.astype(object)
        D = M @ _kron(nums[:i] + nums[i + 1:], dtype)
        current = int(np.dot(D, nums[i]))
        den = total * s
        regrets.append(Fraction(int(D.max()) * dens[i] - current, den))
        payoffs.append(Fraction(current, den))
    return regrets, payoffs


def _float_matrices(game: Any) -> tuple[np.ndarray, ...]:
    return _cached(_FLOAT, game, lambda g: tuple(
        _own_axis_first(a, i) for i, a in enumerate(g.as_float_arrays())
    ))


def float_scale(game: Any) -> float:
    """``max(1, max |payoff|)``: the scale of the default float tolerances.

    Examples
    --------
    >>> from gametheory import NormalFormGame
    >>> float_scale(NormalFormGame.from_arrays([[-7, 0], [0, 1]], [[1, 0], [0, 2]]))
    7.0
    """
    return max(1.0, max(float(np.max(np.abs(M))) for M in _float_matrices(game)))


def float_regrets_and_payoffs(
    game: Any, vectors: Sequence[Sequence[float] | np.ndarray]
) -> tuple[list[float], list[float]]:
    """Every player's regret and expected payoff in floating point.

    The float counterpart of :func:`exact_regrets_and_payoffs` (same
    contraction, float64 payoffs cached per game).

    Examples
    --------
    >>> from gametheory import NormalFormGame
    >>> g = NormalFormGame.from_arrays([[1.5, 0], [0, 1]], [[1, 0], [0, 2]])
    >>> float_regrets_and_payoffs(g, [[0.5, 0.5], [1.0, 0.0]])
    ([0.75, 0.5], [0.75, 0.5])
    """
    mats = _float_matrices(game)
    vecs = [np.asarray(v, dtype=np.float64) for v in vectors]
    regrets: list[float] = []
    payoffs: list[float] = []
    for i, M in enumerate(mats):
        D = M @ _kron(vecs[:i] + vecs[i + 1:], np.float64)
        current = float(np.dot(D, vecs[i]))
        regrets.append(float(D.max()) - current)
        payoffs.append(current)
    return regrets, payoffs
