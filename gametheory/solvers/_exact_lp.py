"""Exact linear programming and linear algebra shared by the solvers (private).

* :func:`rref`, :func:`solve_exact`, :func:`null_space` -- rational linear
  algebra (FLINT's ``fmpq_mat`` when available);
* :func:`simplex_max` -- an exact simplex method (Bland's rule) for
  ``max c.x, A x <= b, x >= 0`` with ``b >= 0``, its primal-dual pair checked;
* :func:`matrix_game_exact`, :func:`matrix_game_float` -- the value and
  optimal strategies of a matrix game (HiGHS proposes, exact arithmetic
  decides; see :mod:`gametheory.solvers.zerosum`);
* :func:`unique_optimum` -- whether the row player's optimal strategy is unique.

Used by the ``lp`` method (:mod:`~gametheory.solvers.zerosum`), iterated
dominance by mixed strategies (:mod:`~gametheory.solvers.dominance`) and the
sequence form (:mod:`~gametheory.solvers.sequence_form`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
from scipy.optimize import linprog

from .._numbers import to_fraction
from ..errors import VerificationError

try:  # exact linear algebra in C when available (a declared dependency)
    import flint as _flint
except ImportError:  # pragma: no cover - depends on the environment
    _flint = None  # type: ignore[assignment]  # checked with `_flint is not None` below

__all__ = [
    "MatrixGame",
    "fraction_matrix",
    "matrix_game_exact",
    "matrix_game_float",
    "null_space",
    "rref",
    "simplex_max",
    "solve_exact",
    "unique_optimum",
]

Matrix = Sequence[Sequence[Any]]


# ---------------------------------------------------------------------------- exact linear algebra
def solve_exact(rows: list[list[Fraction]], rhs: list[Fraction], n: int) -> list[Fraction] | None:
    """One solution of ``rows @ z = rhs`` (free variables set to 0), or None if inconsistent."""
    red, pivots = rref([list(r) + [b] for r, b in zip(rows, rhs, strict=True)], n + 1)
    if n in pivots:  # a pivot in the right-hand side column: 0 = 1
        return None
    sol = [Fraction(0)] * n
    for i, c in enumerate(pivots):
        sol[c] = red[i][-1]
    return sol


def rref(rows: list[list[Fraction]], n: int) -> tuple[list[list[Fraction]], list[int]]:
    """Reduced row echelon form of a rational matrix with ``n`` columns, and its pivot columns.

    Uses FLINT's exact ``fmpq_mat`` when python-flint is installed.
    """
    if not rows:
        return [], []
    if _flint is not None:
        mat = _flint.fmpq_mat(len(rows), n, [_flint.fmpq(v.numerator, v.denominator)
                                             for r in rows for v in map(to_fraction, r)])
        red, rank = mat.rref()
        out = [[Fraction(int(v.p), int(v.q)) for v in red.table()[i]] for i in range(rank)]
        pivots = [next(c for c in range(n) if row[c] != 0) for row in out]
        return out, pivots
    mat = [[to_fraction(v) for v in r] for r in rows]
    pivots = []
    r = 0
    for c in range(n):
        p = next((i for i in range(r, len(mat)) if mat[i][c] != 0), None)
        if p is None:
            continue
        mat[r], mat[p] = mat[p], mat[r]
        piv = mat[r][c]
        if piv != 1:
            mat[r] = [v / piv for v in mat[r]]
        for i in range(len(mat)):
            if i != r and mat[i][c] != 0:
                f = mat[i][c]
                mat[i] = [a - f * b for a, b in zip(mat[i], mat[r], strict=True)]
        pivots.append(c)
        r += 1
        if r == len(mat):
            break
    return mat[:r], pivots


def null_space(rows: list[list[Fraction]], n: int) -> list[list[Fraction]]:
    """A basis of ``{z : rows @ z = 0}`` (exact)."""
    red, pivots = rref(rows, n)
    free = [c for c in range(n) if c not in pivots]
    basis = []
    for f in free:
        z = [Fraction(0)] * n
        z[f] = Fraction(1)
        for i, c in enumerate(pivots):
            z[c] = -red[i][f]
        basis.append(z)
    return basis


def simplex_max(
    c: Sequence[Any], A: Matrix, b: Sequence[Any]
) -> tuple[list[Fraction], list[Fraction], Fraction] | None:
    """Exact simplex: maximise ``c @ x`` subject to ``A @ x <= b``, ``x >= 0``, with ``b >= 0``.

    The origin is feasible (``b >= 0``), so one phase suffices. Bland's rule
    (smallest-index entering and leaving variables) prevents cycling on
    degenerate problems. Returns ``(x, y, value)`` with ``y`` an optimal dual
    solution, or ``None`` if the LP is unbounded. The primal-dual pair is
    checked exactly before it is returned.
    """
    m, n = len(A), len(c)
    if any(to_fraction(v) < 0 for v in b):
        raise ValueError("simplex_max needs b >= 0")
    T = [
        [to_fraction(v) for v in A[i]]
        + [Fraction(int(i == k)) for k in range(m)]
        + [to_fraction(b[i])]
        for i in range(m)
    ]
    obj = [to_fraction(v) for v in c] + [Fraction(0)] * (m + 1)
    basis = list(range(n, n + m))
    width = n + m + 1
    while True:
        enter = next((j for j in range(n + m) if obj[j] > 0), None)
        if enter is None:
            break
        leave = None
        best: Fraction | None = None
        for i in range(m):
            a = T[i][enter]
            if a > 0:
                ratio = T[i][-1] / a
                if (
                    best is None
                    or leave is None  # None exactly when best is None
                    or ratio < best
                    or (ratio == best and basis[i] < basis[leave])
                ):
                    best, leave = ratio, i
        if leave is None:
            return None
        row = T[leave]
        piv = row[enter]
        if piv != 1:
            row = [v / piv for v in row]
            T[leave] = row
        nz = [j for j in range(width) if row[j] != 0]
        for i in range(m):
            f = T[i][enter]
            if i != leave and f != 0:
                Ti = T[i]
                for j in nz:
                    Ti[j] -= f * row[j]
        f = obj[enter]
        for j in nz:
            obj[j] -= f * row[j]
        basis[leave] = enter
    x = [Fraction(0)] * (n + m)
    for i, j in enumerate(basis):
        x[j] = T[i][-1]
    y = [-obj[n + i] for i in range(m)]
    xs = x[:n]
    value = sum((to_fraction(cj) * xj for cj, xj in zip(c, xs, strict=True)), Fraction(0))
    _check_lp_pair(c, A, b, xs, y, value)
    return xs, y, value


def _check_lp_pair(
    c: Sequence[Any],
    A: Matrix,
    b: Sequence[Any],
    x: list[Fraction],
    y: list[Fraction],
    value: Fraction,
) -> None:
    """Exact optimality certificate: primal and dual feasible with equal objectives."""
    m, n = len(A), len(c)
    ok = all(v >= 0 for v in x) and all(v >= 0 for v in y)
    ok = ok and all(sum(A[i][j] * x[j] for j in range(n)) <= b[i] for i in range(m))
    ok = ok and all(sum(A[i][j] * y[i] for i in range(m)) >= c[j] for j in range(n))
    ok = ok and sum((b[i] * y[i] for i in range(m)), Fraction(0)) == value
    if not ok:  # pragma: no cover - would be a bug in the simplex
        raise VerificationError("exact simplex: primal/dual certificate failed")


# ---------------------------------------------------------------------------- matrix games
@dataclass(frozen=True)
class MatrixGame:
    """Value and one optimal strategy per player of a matrix game (private)."""

    value: Any
    row: tuple[Any, ...]
    col: tuple[Any, ...]
    exact: bool
    stage: str  # "support" (HiGHS + exact support system), "simplex" or "highs"


def _highs_matrix_game(A: np.ndarray) -> tuple[float, np.ndarray, np.ndarray] | None:
    """Floating-point value and optimal strategies by HiGHS dual simplex, or None on failure."""
    m, n = A.shape
    s = float(np.max(np.abs(A))) or 1.0
    As = A / s
    cost = np.zeros(m + 1)
    cost[-1] = -1.0
    A_ub = np.hstack([-As.T, np.ones((n, 1))])
    A_eq = np.hstack([np.ones((1, m)), np.zeros((1, 1))])
    bounds = [(0, None)] * m + [(None, None)]
    try:
        res = linprog(
            cost, A_ub=A_ub, b_ub=np.zeros(n), A_eq=A_eq, b_eq=[1.0], bounds=bounds,
            method="highs-ds",
        )
    except (ValueError, RuntimeError):  # pragma: no cover - HiGHS internal failure
        return None
    if res.status != 0 or res.x is None:  # pragma: no cover - the LP is always feasible
        return None
    x = np.clip(res.x[:m], 0.0, None)
    y = np.clip(-np.asarray(res.ineqlin.marginals, dtype=float), 0.0, None)
    if x.sum() <= 0 or y.sum() <= 0:  # pragma: no cover
        return None
    return float(res.x[m]) * s, x / x.sum(), y / y.sum()


def _exact_value_of_pair(
    A: list[list[Fraction]], x: Sequence[Fraction], y: Sequence[Fraction]
) -> Fraction | None:
    """The value if ``x`` and ``y`` are exactly optimal (min col payoff == max row payoff)."""
    if any(v < 0 for v in x) or any(v < 0 for v in y) or sum(x) != 1 or sum(y) != 1:
        return None
    m, n = len(A), len(A[0])
    # sum(x) == sum(y) == 1, so every sum has a term and is a Fraction
    lo = min(sum((x[r] * A[r][c] for r in range(m) if x[r]), Fraction(0)) for c in range(n))
    hi = max(sum((A[r][c] * y[c] for c in range(n) if y[c]), Fraction(0)) for r in range(m))
    return lo if lo == hi else None


def _strategy_from_system(
    A: list[list[Fraction]], support: list[int], tight: list[int], transpose: bool
) -> list[Fraction] | None:
    """Solve ``sum_{r in support} x_r A[r][c] = v`` (c in tight), ``sum x = 1`` exactly."""
    k = len(support)
    rows: list[list[Fraction]] = []
    for c in tight:
        coeffs = [A[c][r] if transpose else A[r][c] for r in support]
        rows.append(coeffs + [Fraction(-1)])
    rows.append([Fraction(1)] * k + [Fraction(0)])
    rhs = [Fraction(0)] * len(tight) + [Fraction(1)]
    sol = solve_exact(rows, rhs, k + 1)
    if sol is None:
        return None
    size = len(A[0]) if transpose else len(A)
    out = [Fraction(0)] * size
    for r, v in zip(support, sol[:k], strict=True):
        out[r] = v
    return out


def _exact_from_float(
    A: list[list[Fraction]], Af: np.ndarray, vf: float, xf: np.ndarray, yf: np.ndarray
) -> tuple[Fraction, list[Fraction], list[Fraction]] | None:
    """Exact optimal strategies on the supports suggested by a float solution, or None."""
    scale = max(1.0, float(np.max(np.abs(Af))))
    tol = 1e-7 * scale
    sx = [r for r in range(len(xf)) if xf[r] > 1e-9]
    sy = [c for c in range(len(yf)) if yf[c] > 1e-9]
    col_pay = xf @ Af
    row_pay = Af @ yf
    tight_c = [c for c in range(len(yf)) if col_pay[c] <= vf + tol]
    tight_r = [r for r in range(len(xf)) if row_pay[r] >= vf - tol]
    for cols, rows in ((tight_c, tight_r), (sy, sx)):
        x = _strategy_from_system(A, sx, cols, transpose=False)
        y = _strategy_from_system(A, sy, rows, transpose=True)
        if x is None or y is None:
            continue
        v = _exact_value_of_pair(A, x, y)
        if v is not None:
            return v, x, y
    return None


def _matrix_game_simplex(
    A: list[list[Fraction]],
) -> tuple[Fraction, list[Fraction], list[Fraction]]:
    """Exact value and optimal strategies by the simplex method (Dantzig 1951).

    With ``P = A - min(A) + 1 > 0`` the column player's problem is
    ``max 1.w  s.t.  P w <= 1, w >= 0``; its optimum ``W`` gives the value
    ``1/W`` of ``P``, ``y = w/W``, and the dual ``u`` gives ``x = u/W``.
    """
    m, n = len(A), len(A[0])
    lo = min(min(row) for row in A)
    P = [[a - lo + 1 for a in row] for row in A]
    res = simplex_max([Fraction(1)] * n, P, [Fraction(1)] * m)
    if res is None:  # pragma: no cover - P > 0 bounds the LP
        raise VerificationError("exact simplex: matrix-game LP reported unbounded")
    w, u, W = res
    vP = 1 / W
    x = [ui * vP for ui in u]
    y = [wj * vP for wj in w]
    v = _exact_value_of_pair(A, x, y)
    if v is None or v != vP + lo - 1:  # pragma: no cover - would be a bug
        raise VerificationError("exact simplex: optimal strategies failed the exact check")
    return v, x, y


def fraction_matrix(A: Any) -> list[list[Fraction]]:
    return [[to_fraction(v) for v in row] for row in np.asarray(A, dtype=object).tolist()]


def matrix_game_exact(A: Any) -> MatrixGame:
    """Exact value and optimal strategies of the matrix game with exact payoffs ``A``."""
    Aq = fraction_matrix(A)
    Af = np.array([[float(v) for v in row] for row in Aq], dtype=float)
    guess = _highs_matrix_game(Af) if np.all(np.isfinite(Af)) else None
    if guess is not None:
        vf, xf, yf = guess
        found = _exact_from_float(Aq, Af, vf, xf, yf)
        if found is not None:
            v, x, y = found
            return MatrixGame(v, tuple(x), tuple(y), True, "support")
    v, x, y = _matrix_game_simplex(Aq)
    return MatrixGame(v, tuple(x), tuple(y), True, "simplex")


def matrix_game_float(A: np.ndarray, tol: float) -> MatrixGame:
    """Float value and optimal strategies; exact simplex on the floats' rationals if HiGHS fails."""
    A = np.asarray(A, dtype=float)
    guess = _highs_matrix_game(A)
    if guess is not None:
        v, x, y = guess
        lo = float(np.min(x @ A))
        hi = float(np.max(A @ y))
        if hi - lo <= tol:
            return MatrixGame(v, tuple(map(float, x)), tuple(map(float, y)), False, "highs")
    vq, xq, yq = _matrix_game_simplex(fraction_matrix(A))  # exact rationals of the floats
    return MatrixGame(
        float(vq), tuple(float(t) for t in xq), tuple(float(t) for t in yq), False, "simplex"
    )


def unique_optimum(A: list[list[Fraction]], v: Fraction, x: Sequence[Fraction]) -> bool:
    """Is ``x`` the only optimal strategy of the row player (``x^T A >= v`` on the simplex)?

    The optimal set :math:`X = \\{x \\ge 0, \\sum x = 1, x^\\top A \\ge v\\}` is
    the single point ``x`` iff the cone of feasible directions at ``x``,
    ``C = {d : 1.d = 0, g.d >= 0 for the active constraints g}`` (``g = e_r``
    where ``x_r = 0``, ``g = A[:, c]`` where column ``c`` is tight), is ``{0}``.
    By Stiemke's theorem that holds iff the active normals together with
    ``1`` have rank ``m`` and some ``lambda > 0`` has ``sum lambda_g g``
    parallel to ``1``. When that ``lambda`` is unique up to scale (the
    nondegenerate case) its signs decide; otherwise an exact LP over ``C``
    (within a box) decides.
    """
    m, n = len(A), len(A[0])
    zero_rows = [r for r in range(m) if x[r] == 0]
    tight = [c for c in range(n) if sum(x[r] * A[r][c] for r in range(m)) == v]
    active = [[Fraction(int(r == k)) for k in range(m)] for r in zero_rows]
    active += [[A[r][c] for r in range(m)] for c in tight]
    ones = [Fraction(1)] * m
    if len(rref(active + [ones], m)[1]) < m:
        return False  # a line of optimal strategies through x
    # left null space of [active; 1]: (lambda, mu) with sum lambda_g g + mu 1 = 0
    k = len(active)
    cols = [[active[g][j] for g in range(k)] + [Fraction(1)] for j in range(m)]
    null = null_space(cols, k + 1)
    if len(null) == 1:
        lam = null[0][:k]
        return all(t > 0 for t in lam) or all(t < 0 for t in lam)

    # general case: maximise the sum of active slacks over C in a box, d = dp - dm
    def both(coef: list[Fraction]) -> list[Fraction]:
        return list(coef) + [-t for t in coef]

    cons: list[list[Fraction]] = [both(ones), both([-t for t in ones])]
    cons += [both([-t for t in g]) for g in active]
    cons += [[Fraction(int(j == i)) for j in range(2 * m)] for i in range(2 * m)]
    rhs = [Fraction(0)] * (len(cons) - 2 * m) + [Fraction(1)] * (2 * m)
    obj = [sum((g[j] for g in active), Fraction(0)) for j in range(m)]
    res = simplex_max(both(obj), cons, rhs)
    if res is None:  # pragma: no cover - the box bounds the LP
        raise VerificationError("exact simplex: uniqueness LP reported unbounded")
    return res[2] == 0
