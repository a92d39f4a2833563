"""Exact conditions in the parameters of a symbolic game.

A symbolic game has payoffs that are sympy expressions in declared parameters
(:class:`~gametheory.parameters.ParameterSpace`). This module derives, once and
exactly, the conditions on the parameters under which something holds:

* :func:`dominance_condition` -- a strategy (or a mixture of two strategies)
  strictly or weakly dominates another one or all others;
* :func:`equilibrium_conditions` -- each pure profile is a Nash equilibrium;
  for two players, each support pair's mixed equilibrium as expressions in
  the parameters, with its validity conditions and the knife-edges where the
  formulas break down;
* :func:`threshold` -- a condition solved for one parameter
  ("Preempt is dominant iff ``c_R < p*l_R``");
* :func:`regions` -- the partition of the parameter space into regimes (which
  equilibria hold), with the knife-edge boundaries reported as such.

Definitions
-----------
Condition
    A sympy Boolean (``And``/``Or`` of relations) in the parameters, wrapped in
    :class:`Condition` together with the *domain*: the parameters' bounds and
    any extra assumptions (such as ``e_R > l_R``). Conditions are simplified
    relative to the domain: a part implied by the domain (or by the rest of
    the condition) is dropped only when that is *proved*, so a simplified
    condition is always equivalent to the original on the domain.
Proofs
    An implication "premises imply target" is proved by showing that premises
    and the negated target have no common point: each relation is a
    polynomial sign condition; products of pairs of them (the
    reformulation-linearization technique of Sherali and Adams) and squares
    of differences of parameters are added and every monomial is treated as
    an unknown, and a Motzkin transposition
    certificate (the strict Farkas lemma) of the resulting linear system is
    found by linear programming and then *checked in exact rational
    arithmetic*. A floating-point solver therefore only proposes proofs; it
    never decides one. When no certificate is found the part is kept.
Strict and weak dominance
    Strategy :math:`s` strictly dominates :math:`t` for player :math:`i` iff
    :math:`u_i(s, o) > u_i(t, o)` for every profile :math:`o` of the others;
    weakly iff :math:`\\geq` for every :math:`o` and :math:`>` for some.
Dominance by a mixture of two strategies
    :math:`q s_1 + (1-q) s_2` dominates :math:`t` for some :math:`q \\in
    [0, 1]` iff a finite family of intervals of :math:`[0, 1]` (one per
    opponent profile, where :math:`f_o(q) = q\\,d_1(o) + (1-q)\\,d_2(o) > 0`)
    has a common point. By Helly's theorem in dimension one this holds iff
    every *pair* of them intersects, and two such intervals intersect iff
    :math:`(x_0, y_0 > 0) \\lor (x_1, y_1 > 0) \\lor (x_0, y_1 > 0 \\land x_0 y_1 - x_1
    y_0 > 0) \\lor (x_1, y_0 > 0 \\land x_1 y_0 - x_0 y_1 > 0)` with
    :math:`x_q = f_o(q)`, :math:`y_q = f_{o'}(q)` -- the exact elimination of
    :math:`q` (the Fourier-Motzkin step) without splitting on the signs of the
    parametric coefficients.
Knife-edge
    A parameter point where a player is indifferent between strategies in a
    way that can produce a continuum (component) of equilibria, or where an
    indifference system is singular. Knife-edges are reported, never
    resolved arbitrarily; :meth:`Regions.classify` returns ``-1`` there.

References
----------
.. [1] H. D. Sherali and W. P. Adams, "A hierarchy of relaxations between the
   continuous and convex hull representations for zero-one programming
   problems", SIAM J. Discrete Math. 3 (1990) 411-430.
.. [2] T. S. Motzkin, "Beiträge zur Theorie der linearen Ungleichungen",
   dissertation, Basel (1936) -- the transposition theorem for mixed strict
   and weak linear inequalities.
.. [3] E. Helly, "Über Mengen konvexer Körper mit gemeinschaftlichen Punkten",
   Jahresbericht der DMV 32 (1923) 175-176.
.. [4] D. Avis, G. D. Rosenberg, R. Savani and B. von Stengel, "Enumeration of
   Nash equilibria for two-player games", Economic Theory 42 (2010) 9-37
   (support enumeration and degeneracy).

Examples
--------
The corridor game M1 of the TRIPP scenario (``scenario_spec.md``): Russia
(Accept/Preempt) against the coalition T (Commercial/Militarize).

>>> import sympy
>>> from gametheory import NormalFormGame
>>> from gametheory.parameters import Parameter, ParameterSpace
>>> from gametheory.analysis import dominance_condition, threshold
>>> space = ParameterSpace([Parameter("p", 0, 1), Parameter("c_R", 0), Parameter("l_R", 0),
...     Parameter("e_R", 0), Parameter("b_T", 0), Parameter("m_T", 0, lower_open=True),
...     Parameter("c_T", 0), Parameter("h_T", 0)])
>>> p, c_R, l_R, e_R, b_T, m_T, c_T, h_T = space.symbols.values()
>>> M1 = NormalFormGame.from_arrays(
...     [[-l_R, -e_R], [-(1 - p)*l_R - c_R, -(1 - p)*e_R - c_R]],
...     [[b_T, b_T + m_T], [(1 - p)*b_T - c_T, (1 - p)*(b_T + m_T) - c_T - h_T]],
...     players=["Russia", "T"],
...     strategies=[["Accept", "Preempt"], ["Commercial", "Militarize"]], space=space)
>>> dominance_condition(M1, "Russia", "Preempt", assumptions=[e_R > l_R])
Condition(c_R < l_R*p)
"""

from __future__ import annotations

import functools
import itertools
import math
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import sympy
from sympy.logic.boolalg import Boolean, BooleanFalse, BooleanTrue

from ..errors import (
    InvalidGameError,
    InvalidProfileError,
    MethodNotApplicableError,
    UnknownLabelError,
    UnknownParameterError,
)

__all__ = [
    "Condition",
    "EquilibriumConditions",
    "KnifeEdge",
    "MixedEquilibriumCondition",
    "PureEquilibriumCondition",
    "Region",
    "Regions",
    "Threshold",
    "dominance_condition",
    "equilibrium_conditions",
    "regions",
    "threshold",
]

# ---------------------------------------------------------------------------
# Sign masks
# ---------------------------------------------------------------------------
# A relation "f REL 0" is stored as the set of signs of f that satisfy it.

NEG, ZERO, POS = 1, 2, 4
ALL = NEG | ZERO | POS
_MASK_OF = {
    sympy.StrictGreaterThan: POS,
    sympy.GreaterThan: POS | ZERO,
    sympy.StrictLessThan: NEG,
    sympy.LessThan: NEG | ZERO,
    sympy.Equality: ZERO,
    sympy.Unequality: NEG | POS,
}
_SIGN_OF_BIT = {NEG: -1, ZERO: 0, POS: 1}


def _as_sympy(obj: Any) -> Any:
    """A sympy object from sympy objects, bools and numbers; text is refused.

    Text must go through :func:`gametheory.parameters.parse_condition` (the
    whitelist parser), never through ``sympify``.
    """
    if isinstance(obj, sympy.Basic):
        return obj
    if isinstance(obj, bool):
        return sympy.true if obj else sympy.false
    if isinstance(obj, str):
        raise TypeError(
            f"conditions must be sympy objects, not text ({obj!r}); parse text with "
            "gametheory.parameters.parse_condition(text, space)"
        )
    from .._numbers import to_sympy

    return to_sympy(obj)


def _flip(mask: int) -> int:
    """The mask of ``-f`` given the mask of ``f``."""
    return (POS if mask & NEG else 0) | (mask & ZERO) | (NEG if mask & POS else 0)


def _bit(sign: int) -> int:
    return POS if sign > 0 else NEG if sign < 0 else ZERO


# ---------------------------------------------------------------------------
# Sparse polynomials with Fraction coefficients (fast arithmetic for proofs)
# ---------------------------------------------------------------------------

Monomial = tuple[int, ...]
SparsePoly = dict[Monomial, Fraction]


def _padd(a: SparsePoly, b: SparsePoly, scale: Fraction = Fraction(1)) -> SparsePoly:
    out = dict(a)
    for m, c in b.items():
        v = out.get(m, 0) + scale * c
        if v:
            out[m] = v
        else:
            out.pop(m, None)
    return out


def _pmul(a: SparsePoly, b: SparsePoly) -> SparsePoly:
    out: SparsePoly = {}
    for ma, ca in a.items():
        for mb, cb in b.items():
            m = tuple(x + y for x, y in zip(ma, mb, strict=True))
            v = out.get(m, 0) + ca * cb
            if v:
                out[m] = v
            else:
                out.pop(m, None)
    return out


def _pdeg(a: SparsePoly) -> int:
    return max((sum(m) for m in a), default=0)


# ---------------------------------------------------------------------------
# The domain: parameters, bounds, assumptions, and the prover
# ---------------------------------------------------------------------------

Atom = tuple[sympy.Expr, int]  # (normalized key polynomial, sign mask)


class _Domain:
    """Parameters with their bounds and assumptions, and a sound prover over them.

    ``constraints`` are canonical atoms ``(key, mask)`` that hold on the domain.
    """

    _SAMPLES = 384

    def __init__(self, symbols: tuple[sympy.Symbol, ...], relations: tuple[Boolean, ...]):
        self.symbols = symbols
        self.index = {s: i for i, s in enumerate(symbols)}
        self.relations = relations  # as given (for display and point checks)
        self._poly_cache: dict[sympy.Expr, SparsePoly | None] = {}
        self._norm_cache: dict[sympy.Expr, tuple[int, sympy.Expr]] = {}
        self._signs_cache: dict[sympy.Expr, int] = {}
        self._feas_cache: dict[frozenset, bool | None] = {}
        self._mono_cache: dict[Monomial, np.ndarray] = {}
        self._lock = threading.RLock()
        constraints: list[Atom] = []
        for s in symbols:
            if s.is_positive:
                constraints.append((s, POS))
            elif s.is_nonnegative:
                constraints.append((s, POS | ZERO))
            elif s.is_negative:
                constraints.append((s, NEG))
            elif s.is_nonpositive:
                constraints.append((s, NEG | ZERO))
        for rel in relations:
            for atom in self._relation_atoms(rel):
                if atom not in constraints:
                    constraints.append(atom)
        self.constraints = tuple(constraints)
        self._samples: np.ndarray | None = None

    # -- normal forms ---------------------------------------------------------
    def _relation_atoms(self, rel: Boolean) -> list[Atom]:
        """Atoms of an assumption (a relation or a conjunction of relations)."""
        if isinstance(rel, BooleanTrue):
            return []
        if isinstance(rel, sympy.And):
            return [a for arg in rel.args for a in self._relation_atoms(arg)]
        if not isinstance(rel, sympy.core.relational.Relational) or isinstance(
            rel, sympy.Unequality
        ):
            raise InvalidGameError(
                f"assumption {rel} must be a relation (<, <=, >, >=, ==) or a conjunction of them"
            )
        mask = _MASK_OF[type(rel)]
        diff = sympy.expand(rel.lhs - rel.rhs)
        if diff.free_symbols - set(self.symbols):
            unknown = sorted(str(s) for s in diff.free_symbols - set(self.symbols))
            raise UnknownParameterError(
                f"assumption {rel} uses {unknown}, which are not parameters of the game"
            )
        if diff.is_number:
            if _bit(int(sympy.sign(diff))) & mask:
                return []
            raise InvalidGameError(f"assumption {rel} is false")
        sign, key = self.normalize(diff)
        return [(key, mask if sign > 0 else _flip(mask))]

    def normalize(self, expr: sympy.Expr) -> tuple[int, sympy.Expr]:
        """``expr = c * key`` with ``c`` a nonzero rational: return ``(sign(c), key)``.

        ``key`` is the primitive integer polynomial with a positive leading
        coefficient (lex order of the domain's symbols); non-polynomial
        expressions are their own key.
        """
        cached = self._norm_cache.get(expr)
        if cached is not None:
            return cached
        out: tuple[int, sympy.Expr]
        try:
            poly = sympy.Poly(expr, *self.symbols, domain="QQ")
        except (sympy.PolynomialError, sympy.GeneratorsNeeded, sympy.CoercionFailed):
            poly = None
        if poly is None or not poly.free_symbols <= set(self.symbols):
            out = (1, expr)
        else:
            _, ipoly = poly.clear_denoms(convert=True)
            _, prim = ipoly.primitive()
            sign = 1
            if prim.LC() < 0:
                prim, sign = -prim, -1
            out = (sign, prim.as_expr())
        self._norm_cache[expr] = out
        return out

    def sparse(self, expr: sympy.Expr) -> SparsePoly | None:
        """Sparse polynomial of ``expr`` in the domain's symbols (None if not polynomial)."""
        if expr in self._poly_cache:
            return self._poly_cache[expr]
        try:
            poly = sympy.Poly(expr, *self.symbols, domain="QQ")
            out: SparsePoly | None = {
                m: Fraction(int(c.p), int(c.q)) for m, c in poly.terms() if c != 0
            }
        except (sympy.PolynomialError, sympy.GeneratorsNeeded, sympy.CoercionFailed):
            out = None
        self._poly_cache[expr] = out
        return out

    # -- sampling (to show satisfiability quickly; never used to prove) -------
    def samples(self, size: int | None = None) -> np.ndarray:
        """Random points of the domain (float), deterministic; cached for the default size."""
        if size is None:
            if self._samples is None:
                self._samples = self._draw(self._SAMPLES, 20260308)
                self._mono_cache.clear()
            return self._samples
        return self._draw(size, 20260309 + size)

    def _draw(self, count: int, seed: int) -> np.ndarray:
        rng = np.random.default_rng(seed)
        n = len(self.symbols)
        lo = np.full(n, -np.inf)
        hi = np.full(n, np.inf)
        for key, mask in self.constraints:
            poly = self.sparse(key)
            if poly is None or _pdeg(poly) != 1:
                continue
            vars_ = {i for m in poly for i, e in enumerate(m) if e}
            if len(vars_) != 1:
                continue
            (i,) = vars_
            a = float(next(c for m, c in poly.items() if any(m)))
            b = float(poly.get((0,) * n, 0))
            bound = -b / a
            if a > 0:
                mask_x = mask
            else:
                mask_x = _flip(mask)
            if mask_x & NEG == 0:  # x >= bound
                lo[i] = max(lo[i], bound)
            if mask_x & POS == 0:  # x <= bound
                hi[i] = min(hi[i], bound)
        rows = []
        for _ in range(8):
            size = 4 * count
            pts = np.empty((size, n))
            for i in range(n):
                a, b = lo[i], hi[i]
                if np.isfinite(a) and np.isfinite(b):
                    pts[:, i] = rng.uniform(a, b, size)
                else:
                    spread = np.exp(rng.uniform(-3.0, 3.0, size))
                    if np.isfinite(a):
                        pts[:, i] = a + spread
                    elif np.isfinite(b):
                        pts[:, i] = b - spread
                    else:
                        pts[:, i] = rng.choice([-1.0, 1.0], size) * spread
            keep = np.ones(size, dtype=bool)
            for key, mask in self.constraints:
                keep &= self._mask_holds(self.evaluate(key, pts), mask)
            rows.append(pts[keep])
            if sum(len(r) for r in rows) >= count:
                break
        return np.concatenate(rows)[:count] if rows else np.empty((0, n))

    @staticmethod
    def _mask_holds(values: np.ndarray, mask: int, tol: float = 1e-9) -> np.ndarray:
        scale = tol * np.maximum(1.0, np.abs(values))
        out = np.zeros(values.shape, dtype=bool)
        if mask & POS:
            out |= values > scale
        if mask & NEG:
            out |= values < -scale
        if mask & ZERO:
            out |= np.abs(values) <= scale
        return out

    def evaluate(self, key: sympy.Expr, pts: np.ndarray) -> np.ndarray:
        poly = self.sparse(key)
        if poly is None:
            func = sympy.lambdify(self.symbols, key, "numpy")
            with np.errstate(all="ignore"):
                return np.broadcast_to(
                    np.asarray(func(*pts.T), dtype=float), (pts.shape[0],)
                ).copy()
        out = np.zeros(pts.shape[0])
        for m, c in poly.items():
            out += float(c) * self._monomial(m, pts)
        return out

    def _monomial(self, m: Monomial, pts: np.ndarray) -> np.ndarray:
        if pts is self._samples:
            cached = self._mono_cache.get(m)
            if cached is not None:
                return cached
        val = np.ones(pts.shape[0])
        for i, e in enumerate(m):
            if e:
                val = val * pts[:, i] ** e
        if pts is self._samples:
            self._mono_cache[m] = val
        return val

    # -- satisfiability ------------------------------------------------------
    def feasible(self, atoms: Iterable[Atom]) -> bool | None:
        """Whether some domain point satisfies all atoms: True, False (proved) or None."""
        atoms = frozenset(atoms)
        if any(mask == 0 for _, mask in atoms):
            return False
        with self._lock:
            if atoms in self._feas_cache:
                return self._feas_cache[atoms]
            result = self._feasible(atoms)
            self._feas_cache[atoms] = result
            return result

    def _feasible(self, atoms: frozenset) -> bool | None:
        merged: dict[sympy.Expr, int] = {}
        for key, mask in atoms:
            merged[key] = merged.get(key, ALL) & mask
        if any(m == 0 for m in merged.values()):
            return False
        if not merged:
            return True
        pts = self.samples()
        if len(pts):
            ok = np.ones(len(pts), dtype=bool)
            for key, mask in merged.items():
                ok &= self._mask_holds(self.evaluate(key, pts), mask)
                if not ok.any():
                    break
            if ok.any():
                return True
        if self._refuted(merged):
            return False
        return None

    def _refuted(self, merged: Mapping[sympy.Expr, int]) -> bool:
        """Exact certificate that the atoms and the domain have no common point."""
        base: list[tuple[SparsePoly, str]] = []
        used: set[int] = set()
        for key, mask in merged.items():
            poly = self.sparse(key)
            if poly is None:
                continue
            for item in _linear_constraints(poly, mask):
                base.append(item)
            used |= {i for m in poly for i, e in enumerate(m) if e}
        if not base:
            return False
        # domain constraints on the symbols involved (closed under sharing symbols)
        domain: list[tuple[SparsePoly, str]] = []
        pending = list(self.constraints)
        changed = True
        while changed:
            changed = False
            for key, mask in list(pending):
                poly = self.sparse(key)
                if poly is None:
                    pending.remove((key, mask))
                    continue
                vs = {i for m in poly for i, e in enumerate(m) if e}
                if vs & used:
                    domain.extend(_linear_constraints(poly, mask))
                    used |= vs
                    pending.remove((key, mask))
                    changed = True
        cons = base + domain
        ineq = [c for c in cons if c[1] != "eq"]
        eqs = [c for c in cons if c[1] == "eq"]
        products: list[tuple[SparsePoly, str]] = []
        for i, j in itertools.combinations_with_replacement(range(len(ineq)), 2):
            (pi, ki), (pj, kj) = ineq[i], ineq[j]
            if _pdeg(pi) + _pdeg(pj) > 3 and min(_pdeg(pi), _pdeg(pj)) > 1:
                continue
            products.append((_pmul(pi, pj), "gt" if ki == kj == "gt" else "ge"))
        n = len(self.symbols)
        if any(_pdeg(p) >= 2 for p, _ in base):
            # squares of differences of two parameters (a little sum-of-squares reasoning)
            for i, j in itertools.combinations(sorted(used), 2):
                mi = tuple(1 if k == i else 0 for k in range(n))
                mj = tuple(1 if k == j else 0 for k in range(n))
                diff = {mi: Fraction(1), mj: Fraction(-1)}
                products.append((_pmul(diff, diff), "ge"))
        for pe, _ in eqs:
            for i in sorted(used):
                mono = tuple(1 if k == i else 0 for k in range(n))
                products.append((_pmul(pe, {mono: Fraction(1)}), "eq"))
        return _motzkin_certificate(cons + products, n)

    def signs(self, key: sympy.Expr) -> int:
        """The mask of signs ``key`` can take on the domain (proved exclusions only)."""
        with self._lock:
            cached = self._signs_cache.get(key)
            if cached is not None:
                return cached
            if key.is_number:
                out = _bit(int(sympy.sign(key)))
            else:
                out = 0
                for bit in (NEG, ZERO, POS):
                    if self.feasible([(key, bit)]) is not False:
                        out |= bit
            self._signs_cache[key] = out
            return out

    def implies(self, premises: Iterable[Atom], target: Atom) -> bool:
        """True if the domain and the premises prove the target atom."""
        key, mask = target
        return self.feasible([*premises, (key, ALL & ~mask)]) is False


def _linear_constraints(poly: SparsePoly, mask: int) -> list[tuple[SparsePoly, str]]:
    """``sign(poly) in mask`` as constraints ``g > 0``, ``g >= 0``, ``g = 0`` (convex ones only)."""
    neg = {m: -c for m, c in poly.items()}
    table = {
        POS: [(poly, "gt")],
        POS | ZERO: [(poly, "ge")],
        NEG: [(neg, "gt")],
        NEG | ZERO: [(neg, "ge")],
        ZERO: [(poly, "eq")],
    }
    return table.get(mask, [])


def _motzkin_certificate(cons: Sequence[tuple[SparsePoly, str]], n: int) -> bool:
    """True iff an exactly verified certificate shows the linearized system is infeasible.

    Each constraint is ``g(z) > 0``, ``>= 0`` or ``= 0`` with the monomials of
    ``g`` as unknowns ``z``. By Motzkin's transposition theorem the system is
    infeasible iff multipliers ``y`` (``>= 0`` for inequalities) exist with
    ``sum y_j a_j = 0`` (monomial parts cancel), ``sum y_j b_j <= 0`` and
    ``-sum y_j b_j + sum_{strict} y_j > 0``. The LP proposes ``y``; the
    certificate is then recomputed and checked with Fractions.
    """
    from scipy.optimize import linprog

    const = (0,) * n
    monos = sorted({m for poly, _ in cons for m in poly if m != const})
    row = {m: i for i, m in enumerate(monos)}
    k = len(cons)
    if k == 0:
        return False
    A = np.zeros((len(monos), k))
    b = np.zeros(k)
    strict = np.zeros(k)
    for j, (poly, kind) in enumerate(cons):
        for m, c in poly.items():
            if m == const:
                b[j] = float(c)
            else:
                A[row[m], j] = float(c)
        strict[j] = 1.0 if kind == "gt" else 0.0
    bounds = [(None, None) if kind == "eq" else (0, None) for _, kind in cons]
    A_ub = np.vstack([b, b - strict])  # y.b <= 0 and -y.b + sum_strict y >= 1
    b_ub = np.array([0.0, -1.0])
    cost = np.array([0.0 if kind == "eq" else 1.0 for _, kind in cons])
    try:
        res = linprog(
            cost,
            A_ub=A_ub,
            b_ub=b_ub,
            A_eq=A if len(monos) else None,
            b_eq=np.zeros(len(monos)) if len(monos) else None,
            bounds=bounds,
            method="highs",
        )
    except ValueError:  # pragma: no cover - numerical trouble in scipy
        return False
    if res.status != 0 or res.x is None:
        return False
    y = res.x
    support = [j for j in range(k) if abs(y[j]) > 1e-10]
    if not support:
        return False
    # exact multipliers on the support: solve the equalities with Fractions
    rows_exact: list[list[Fraction]] = []
    for m in monos:
        coeffs = [cons[j][0].get(m, Fraction(0)) for j in support]
        if any(coeffs):
            rows_exact.append([*coeffs, Fraction(0)])
    norm = [-cons[j][0].get(const, Fraction(0)) + (1 if cons[j][1] == "gt" else 0) for j in support]
    rows_exact.append([*norm, Fraction(1)])
    guess = [Fraction(float(y[j])).limit_denominator(10**6) for j in support]
    sol = _solve_exact(rows_exact, guess)
    if sol is None:
        return False
    yfull = dict(zip(support, sol, strict=True))
    for j, v in yfull.items():
        if cons[j][1] != "eq" and v < 0:
            return False
    total: SparsePoly = {}
    for j, v in yfull.items():
        if v:
            total = _padd(total, cons[j][0], v)
    if any(m != const and c for m, c in total.items()):
        return False
    yb = total.get(const, Fraction(0))
    ys = sum((v for j, v in yfull.items() if cons[j][1] == "gt"), Fraction(0))
    return yb <= 0 and (yb < 0 or ys > 0)


def _solve_exact(rows: list[list[Fraction]], guess: list[Fraction]) -> list[Fraction] | None:
    """Solve ``M x = r`` (augmented rows) exactly; free unknowns take ``guess`` values."""
    m = [list(r) for r in rows]
    ncols = len(guess)
    pivots: list[int] = []
    r = 0
    for c in range(ncols):
        piv = next((i for i in range(r, len(m)) if m[i][c] != 0), None)
        if piv is None:
            continue
        m[r], m[piv] = m[piv], m[r]
        pv = m[r][c]
        m[r] = [v / pv for v in m[r]]
        for i in range(len(m)):
            if i != r and m[i][c] != 0:
                f = m[i][c]
                m[i] = [a - f * b for a, b in zip(m[i], m[r], strict=True)]
        pivots.append(c)
        r += 1
        if r == len(m):
            break
    for i in range(r, len(m)):
        if m[i][-1] != 0 and all(v == 0 for v in m[i][:-1]):
            return None  # inconsistent
    x = list(guess)
    free = [c for c in range(ncols) if c not in pivots]
    for i, c in enumerate(pivots):
        x[c] = m[i][-1] - sum((m[i][f] * x[f] for f in free), Fraction(0))
    return x


# ---------------------------------------------------------------------------
# Boolean trees over canonical atoms
# ---------------------------------------------------------------------------
# ("const", bool) | ("atom", key, mask) | ("and", children) | ("or", children)

Tree = tuple
TRUE: Tree = ("const", True)
FALSE: Tree = ("const", False)


def _atom(key: sympy.Expr, mask: int) -> Tree:
    if mask == 0:
        return FALSE
    if mask == ALL:
        return TRUE
    return ("atom", key, mask)


def _junction(op: str, children: tuple[Tree, ...], absorbing: Tree, neutral: Tree) -> Tree:
    """``op`` ("and" or "or") of ``children``, flattened: ``absorbing`` decides it,
    ``neutral`` children drop out, nested ``op`` nodes merge and repeats are dropped."""
    flat: list[Tree] = []
    for c in children:
        if c == absorbing:
            return absorbing
        if c == neutral:
            continue
        if c[0] == op:
            flat.extend(c[1])
        elif c not in flat:
            flat.append(c)
    if not flat:
        return neutral
    return flat[0] if len(flat) == 1 else (op, tuple(flat))


def _and(*children: Tree) -> Tree:
    return _junction("and", children, FALSE, TRUE)


def _or(*children: Tree) -> Tree:
    return _junction("or", children, TRUE, FALSE)


def _not(t: Tree) -> Tree:
    kind = t[0]
    if kind == "const":
        return FALSE if t[1] else TRUE
    if kind == "atom":
        return _atom(t[1], ALL & ~t[2])
    if kind == "and":
        return _or(*(_not(c) for c in t[1]))
    return _and(*(_not(c) for c in t[1]))


def _tree_atoms(t: Tree, out: dict | None = None) -> dict[sympy.Expr, None]:
    out = {} if out is None else out
    if t[0] == "atom":
        out.setdefault(t[1], None)
    elif t[0] in ("and", "or"):
        for c in t[1]:
            _tree_atoms(c, out)
    return out


def _tree_eval(t: Tree, signs: Mapping[sympy.Expr, int]) -> bool:
    """Evaluate a tree given the sign bit of every atom key."""
    kind = t[0]
    if kind == "const":
        return t[1]
    if kind == "atom":
        return bool(signs[t[1]] & t[2])
    if kind == "and":
        return all(_tree_eval(c, signs) for c in t[1])
    return any(_tree_eval(c, signs) for c in t[1])


def _size(t: Tree) -> int:
    if t[0] == "const":
        return 0
    if t[0] == "atom":
        return 1
    return sum(_size(c) for c in t[1])


def _dnf(t: Tree, limit: int) -> Tree | None:
    """Disjunctive normal form (an Or of Ands of atoms), or None if it has more than ``limit`` terms."""
    kind = t[0]
    if kind in ("const", "atom"):
        return t
    if kind == "or":
        terms: list[Tree] = []
        for c in t[1]:
            d = _dnf(c, limit)
            if d is None:
                return None
            terms.extend(d[1] if d[0] == "or" else [d])
            if len(terms) > limit:
                return None
        return _or(*terms)
    parts = []
    total = 1
    for c in t[1]:
        d = _dnf(c, limit)
        if d is None:
            return None
        alts = list(d[1]) if d[0] == "or" else [d]
        total *= len(alts)
        if total > limit:
            return None
        parts.append(alts)
    out = []
    for combo in itertools.product(*parts):
        term = _and(*combo)
        if term[0] == "and":
            merged: dict[sympy.Expr, int] = {}
            for a in term[1]:
                merged[a[1]] = merged.get(a[1], ALL) & a[2]
            term = _and(*(_atom(k, m) for k, m in merged.items()))
        out.append(term)
    return _or(*out)


def _merge_siblings(children: list[Tree], kind: str) -> list[Tree]:
    """Merge ``(X | a) & (X | b)`` into ``X | (a & b)`` when ``a`` and ``b`` constrain the same
    polynomial (and dually ``(X & a) | (X & b)`` into ``X & (a | b)``)."""
    inner = "or" if kind == "and" else "and"
    changed = True
    items = list(children)
    while changed:
        changed = False
        for i, j in itertools.combinations(range(len(items)), 2):
            a, b = items[i], items[j]
            if a[0] != inner or b[0] != inner:
                continue
            if not all(x[0] == "atom" for x in (*a[1], *b[1])):
                continue
            ma = {x[1]: x[2] for x in a[1]}
            mb = {x[1]: x[2] for x in b[1]}
            if ma.keys() != mb.keys():
                continue
            differ = [k for k in ma if ma[k] != mb[k]]
            if len(differ) != 1:
                continue
            k = differ[0]
            merged = dict(ma)
            merged[k] = ma[k] & mb[k] if kind == "and" else ma[k] | mb[k]
            atoms = [_atom(key, m) for key, m in merged.items()]
            new = _or(*atoms) if inner == "or" else _and(*atoms)
            items = [x for n, x in enumerate(items) if n not in (i, j)] + [new]
            changed = True
            break
    return items


def _restrict(t: Tree, key: sympy.Expr, bit: int) -> Tree:
    """The tree with the sign of ``key`` fixed to ``bit``."""
    kind = t[0]
    if kind == "const":
        return t
    if kind == "atom":
        return (TRUE if t[2] & bit else FALSE) if t[1] == key else t
    parts = [_restrict(c, key, bit) for c in t[1]]
    return _and(*parts) if kind == "and" else _or(*parts)


class _Logic:
    """Conversion between sympy Booleans and trees, and simplification, over a domain."""

    def __init__(self, domain: _Domain):
        self.d = domain
        self._rel_cache: dict[tuple[sympy.Expr, int], Tree] = {}

    # -- sympy -> tree --------------------------------------------------------
    def tree(self, expr: Any, negate: bool = False) -> Tree:
        if isinstance(expr, bool | np.bool_):
            return TRUE if bool(expr) != negate else FALSE
        if isinstance(expr, BooleanTrue):
            return FALSE if negate else TRUE
        if isinstance(expr, BooleanFalse):
            return TRUE if negate else FALSE
        if isinstance(expr, sympy.Not):
            return self.tree(expr.args[0], not negate)
        if isinstance(expr, sympy.And):
            parts = [self.tree(a, negate) for a in expr.args]
            return _or(*parts) if negate else _and(*parts)
        if isinstance(expr, sympy.Or):
            parts = [self.tree(a, negate) for a in expr.args]
            return _and(*parts) if negate else _or(*parts)
        if isinstance(expr, sympy.core.relational.Relational) and type(expr) in _MASK_OF:
            mask = _MASK_OF[type(expr)]
            if negate:
                mask = ALL & ~mask
            return self.relation(expr.lhs - expr.rhs, mask)
        if isinstance(expr, Boolean) and not expr.free_symbols:
            return self.tree(bool(expr), negate)
        if isinstance(expr, sympy.logic.boolalg.BooleanFunction):
            return self.tree(sympy.to_nnf(expr, simplify=False), negate)
        raise InvalidGameError(f"cannot read {expr!r} as a condition (relations, And, Or, Not)")

    def relation(self, diff: sympy.Expr, mask: int) -> Tree:
        """The tree of ``sign(diff) in mask`` over irreducible, normalized atoms."""
        diff = _as_sympy(diff)
        cache_key = (diff, mask)
        cached = self._rel_cache.get(cache_key)
        if cached is not None:
            return cached
        if diff.is_number:
            if diff.is_real is False or diff.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo):
                raise InvalidGameError(f"condition compares the non-finite number {diff}")
            out = TRUE if _bit(int(sympy.sign(diff))) & mask else FALSE
            self._rel_cache[cache_key] = out
            return out
        num, den = sympy.fraction(sympy.cancel(sympy.together(diff)))
        sign = 1
        factors: list[tuple[sympy.Expr, int]] = []
        guards: list[Tree] = []
        for part, is_den in ((num, False), (den, True)):
            if part.is_number:
                sign *= int(sympy.sign(part))
                continue
            content, items = sympy.factor_list(part)
            sign *= int(sympy.sign(content))
            for f, k in items:
                s, key = self.d.normalize(sympy.expand(f))
                if s < 0 and k % 2:
                    sign = -sign
                factors.append((key, int(k)))
                if is_den:
                    guards.append(_atom(key, (NEG | POS) & self.d.signs(key)))
        if sign == 0:
            out = TRUE if mask & ZERO else FALSE
            out = _and(out, *guards)
        else:
            out = _and(self._product(sign, factors, mask), *guards)
        self._rel_cache[cache_key] = out
        return out

    def _product(self, sign: int, factors: list[tuple[sympy.Expr, int]], mask: int) -> Tree:
        if not factors:
            return TRUE if _bit(sign) & mask else FALSE
        (key, k), rest = factors[0], factors[1:]
        possible = self.d.signs(key)
        groups: dict[Tree, int] = {}
        if possible & ZERO and mask & ZERO:
            groups[TRUE] = ZERO
        by_sign: dict[int, int] = {}
        for bit in (NEG, POS):
            if possible & bit:
                s = -sign if (bit == NEG and k % 2) else sign
                by_sign[s] = by_sign.get(s, 0) | bit
        for s, bits in by_sign.items():
            sub = self._product(s, rest, mask)
            if sub != FALSE:
                groups[sub] = groups.get(sub, 0) | bits
        branches = [_and(_atom(key, bits), sub) for sub, bits in groups.items()]
        return _or(*branches)

    # -- simplification ---------------------------------------------------------
    def simplify(self, t: Tree, premises: tuple[Atom, ...] = ()) -> Tree:
        for _ in range(4):
            kind = t[0]
            if kind == "const":
                return t
            if kind == "atom":
                return self._simplify_atom(t[1], t[2], premises)
            new = (
                self._simplify_and(t[1], premises)
                if kind == "and"
                else self._simplify_or(t[1], premises)
            )
            if new == t:
                return new
            t = new
        return t

    def best(self, t: Tree, premises: tuple[Atom, ...] = ()) -> Tree:
        """Simplify, and also try the disjunctive normal form; keep the smaller."""
        t = self.simplify(t, premises)
        dnf = _dnf(t, limit=32)
        if dnf is None or dnf == t:
            return t
        alt = self.simplify(
            _or(*(self.simplify(term, premises) for term in dnf[1] if dnf[0] == "or"))
            if dnf[0] == "or"
            else dnf,
            premises,
        )
        return alt if _size(alt) < _size(t) else t

    def satisfiable(self, t: Tree) -> bool | None:
        """False if proved unsatisfiable on the domain (via a small DNF), else True/None."""
        dnf = _dnf(self.simplify(t), limit=64)
        if dnf is None:
            return None
        terms = dnf[1] if dnf[0] == "or" else (dnf,)
        verdicts = []
        for term in terms:
            if term == FALSE:
                continue
            if term == TRUE:
                return True
            atoms = [term] if term[0] == "atom" else list(term[1])
            verdicts.append(self.d.feasible([(a[1], a[2]) for a in atoms]))
        if all(v is False for v in verdicts):
            return False
        return True if any(v is True for v in verdicts) else None

    def _simplify_atom(self, key: sympy.Expr, mask: int, premises: tuple[Atom, ...]) -> Tree:
        possible = self.d.signs(key)
        for pk, pm in premises:
            if pk == key:
                possible &= pm
        mask &= possible
        if mask == 0:
            return FALSE
        if mask == possible:
            return TRUE
        if premises:
            others = [a for a in premises if a[0] != key]
            if others:
                if self.d.feasible([*others, (key, mask)]) is False:
                    return FALSE
                if self.d.feasible([*others, (key, possible & ~mask)]) is False:
                    return TRUE
        # prefer the simplest equivalent mask given the possible signs
        for simpler in (POS, NEG, ZERO, POS | ZERO, NEG | ZERO, NEG | POS):
            if simpler & possible == mask and bin(simpler).count("1") <= bin(mask).count("1"):
                mask = simpler
                break
        return _atom(key, mask)

    def _simplify_and(self, children: Iterable[Tree], premises: tuple[Atom, ...]) -> Tree:
        flat = _and(*children)
        if flat[0] != "and":
            return self.simplify(flat, premises)
        atoms: dict[sympy.Expr, int] = {}
        others: list[Tree] = []
        for c in flat[1]:
            if c[0] == "atom":
                atoms[c[1]] = atoms.get(c[1], ALL) & c[2]
            else:
                others.append(c)
        kept: dict[sympy.Expr, int] = {}
        order = list(atoms.items())
        for i, (key, mask) in enumerate(order):
            context = (*premises, *kept.items(), *order[i + 1 :])
            res = self._simplify_atom(key, mask, context)
            if res == FALSE:
                return FALSE
            if res != TRUE:
                kept[key] = res[2]
        context = (*premises, *kept.items())
        done: list[Tree] = []
        for c in others:
            res = self.simplify(c, context)
            if res == FALSE:
                return FALSE
            if res[0] == "atom":  # a disjunction collapsed to one atom: restart with it
                return self._simplify_and(
                    [*(_atom(k, m) for k, m in kept.items()), res, *others[len(done) + 1 :], *done],
                    premises,
                )
            done.append(res)
        return _and(*(_atom(k, m) for k, m in kept.items()), *_merge_siblings(done, "and"))

    def _simplify_or(self, children: Iterable[Tree], premises: tuple[Atom, ...]) -> Tree:
        flat = _or(*children)
        if flat[0] != "or":
            return self.simplify(flat, premises)
        atoms: dict[sympy.Expr, int] = {}
        others: list[Tree] = []
        for c in flat[1]:
            if c[0] == "atom":
                atoms[c[1]] = atoms.get(c[1], 0) | c[2]
            else:
                others.append(c)
        kept: dict[sympy.Expr, int] = {}
        order = list(atoms.items())
        for i, (key, mask) in enumerate(order):
            negs = [(k, ALL & ~m) for k, m in (*kept.items(), *order[i + 1 :])]
            res = self._simplify_atom(key, mask, (*premises, *negs))
            if res == TRUE:
                return TRUE
            if res != FALSE:
                kept[key] = res[2]
        kept_negs = tuple((k, ALL & ~m) for k, m in kept.items())
        done: list[Tree] = []
        for c in others:
            res = self.simplify(c, (*premises, *kept_negs))
            if res == TRUE:
                return TRUE
            if res != FALSE:
                done.append(res)
        # absorption: drop a conjunction that implies another disjunct
        result = _or(*(_atom(k, m) for k, m in kept.items()), *_merge_siblings(done, "or"))
        if result[0] == "or":
            result = self._absorb(result)
        return result

    def _absorb(self, t: Tree) -> Tree:
        """Drop a conjunction of atoms that implies another disjunct (``a | (a & b) = a``)."""
        kids = list(t[1])

        def atoms_of(x: Tree) -> dict[sympy.Expr, int] | None:
            if x[0] == "atom":
                return {x[1]: x[2]}
            if x[0] == "and" and all(y[0] == "atom" for y in x[1]):
                return {y[1]: y[2] for y in x[1]}
            return None

        def implies(a: dict, b: dict) -> bool:
            return all(k in a and a[k] & ~m == 0 for k, m in b.items())

        sets = [atoms_of(k) for k in kids]
        keep = []
        for i, c in enumerate(kids):
            a = sets[i]
            drop = a is not None and any(
                j != i and b is not None and implies(a, b) and (not implies(b, a) or j < i)
                for j, b in enumerate(sets)
            )
            if not drop:
                keep.append(c)
        return _or(*keep)

    # -- tree -> sympy --------------------------------------------------------
    def expr(self, t: Tree) -> Boolean:
        kind = t[0]
        if kind == "const":
            return sympy.true if t[1] else sympy.false
        if kind == "atom":
            return _pretty_relation(t[1], t[2])
        parts = [self.expr(c) for c in t[1]]
        return sympy.And(*parts) if kind == "and" else sympy.Or(*parts)


_REL_OF_MASK = {
    POS: sympy.StrictGreaterThan,
    POS | ZERO: sympy.GreaterThan,
    NEG: sympy.StrictLessThan,
    NEG | ZERO: sympy.LessThan,
    ZERO: sympy.Equality,
    NEG | POS: sympy.Unequality,
}


def _pretty_relation(key: sympy.Expr, mask: int) -> Boolean:
    """``sign(key) in mask`` as a readable relation such as ``c_R < l_R*p``."""
    terms = sympy.Add.make_args(sympy.expand(key))
    pos = [t for t in terms if t.as_coeff_Mul()[0] > 0]
    neg = [-t for t in terms if t.as_coeff_Mul()[0] < 0]
    left, right, m = sympy.Add(*pos), sympy.Add(*neg), mask

    def swap() -> None:
        nonlocal left, right, m
        left, right, m = right, left, _flip(m)

    if left.is_number and not right.is_number:
        swap()
    elif not right.is_number and not left.is_number:
        n_left, n_right = len(sympy.Add.make_args(left)), len(sympy.Add.make_args(right))
        if n_right == 1 and (n_left > 1 or _is_bare(right) and not _is_bare(left)):
            swap()
    coeff, rest = left.as_coeff_Mul()
    if coeff.is_Rational and coeff > 0 and coeff != 1 and not rest.is_number:
        left, right = rest, sympy.expand(right / coeff)
    return _REL_OF_MASK[m](left, right)


def _is_bare(term: sympy.Expr) -> bool:
    return isinstance(term.as_coeff_Mul()[1], sympy.Symbol)


@functools.lru_cache(maxsize=64)
def _logic_for(symbols: tuple[sympy.Symbol, ...], relations: tuple[Boolean, ...]) -> _Logic:
    return _Logic(_Domain(symbols, relations))


# ---------------------------------------------------------------------------
# Values and domains
# ---------------------------------------------------------------------------


def _exact_value(value: Any, name: str) -> sympy.Expr:
    """An exact sympy number for a parameter value (strings and floats read exactly)."""
    from ..parameters import to_rational

    if isinstance(value, sympy.Basic) and value.is_number and not value.is_Rational:
        return value
    try:
        return to_rational(value)
    except (TypeError, ValueError) as exc:
        raise InvalidGameError(f"value of parameter {name!r}: {exc}") from None


def _as_relations(assumptions: Any) -> tuple[Boolean, ...]:
    if assumptions is None:
        return ()
    if isinstance(assumptions, Boolean | bool):
        assumptions = [assumptions]
    out: list[Boolean] = []
    for a in assumptions:
        a = _as_sympy(a)
        if isinstance(a, sympy.And):
            out.extend(a.args)
        elif not isinstance(a, BooleanTrue):
            out.append(a)
    return tuple(out)


def _sorted_symbols(symbols: Iterable[sympy.Symbol]) -> tuple[sympy.Symbol, ...]:
    return tuple(sorted(set(symbols), key=lambda s: (s.name, str(s.assumptions0))))


def _game_relations(game: Any, assumptions: Any) -> tuple[Boolean, ...]:
    """Bounds declared in the game's parameter space plus the extra assumptions."""
    relations: list[Boolean] = []
    space = getattr(game, "space", None)
    params = set(getattr(game, "parameters", ()))
    if space is not None and hasattr(space, "assumptions"):
        for rel in space.assumptions():
            if rel.free_symbols <= params:
                relations.append(rel)
    for rel in _as_relations(assumptions):
        if rel not in relations:
            relations.append(rel)
    return tuple(relations)


def _domain_symbols(params: Iterable[sympy.Symbol], relations: Iterable[Boolean]) -> tuple:
    syms = set(params)
    for rel in relations:
        syms |= rel.free_symbols
    return _sorted_symbols(syms)


# ---------------------------------------------------------------------------
# Condition
# ---------------------------------------------------------------------------


class _ExactPrinter:
    """Printer for lambdify that keeps rationals exact (for object arrays of Fractions)."""

    @staticmethod
    def make() -> Any:
        from sympy.printing.numpy import NumPyPrinter

        class Printer(NumPyPrinter):
            def _print_Rational(self, expr: sympy.Rational) -> str:
                return f"Fraction({expr.p}, {expr.q})"

            def _print_Half(self, expr: sympy.Rational) -> str:
                return "Fraction(1, 2)"

        return Printer


@dataclass(frozen=True, eq=False)
class Condition:
    """An exact condition on the parameters of a game (a sympy Boolean) and its domain.

    Parameters
    ----------
    expr : sympy Boolean
        Relations (``<``, ``<=``, ``>``, ``>=``, ``Eq``, ``Ne``) combined with
        ``And``/``Or``; ``sympy.true``/``sympy.false`` for constant conditions.
    parameters : tuple of sympy.Symbol
        The parameters the condition is about, in a fixed order (the
        positional order of :meth:`compile`). Defaults to the free symbols.
    assumptions : tuple of sympy relations
        The domain: bounds of the parameters and extra assumptions such as
        ``e_R > l_R``. The condition is meant (and simplified) on this domain.
    description : str
        What the condition says, e.g. ``"Preempt strictly dominates Accept"``.
    decidable : bool
        False when no closed form was derived; then ``expr`` is only
        ``sympy.false``-as-placeholder and :meth:`numeric` decides points.
    reason : str
        Why the condition is not decidable in closed form.
    numeric_fallback : callable, optional
        ``f(**values) -> bool | None``, used by :meth:`numeric` and
        :meth:`holds` when ``decidable`` is False.

    Examples
    --------
    >>> import sympy
    >>> p = sympy.Symbol("p", nonnegative=True)
    >>> c = Condition(p < sympy.Rational(1, 2), assumptions=(p <= 1,))
    >>> c.holds(p="1/4"), c.holds(p=1)
    (True, False)
    >>> print(~c)
    p >= 1/2
    >>> c.compile()(p=[0.1, 0.6]).tolist()
    [True, False]
    """

    expr: Boolean
    parameters: tuple[sympy.Symbol, ...] = ()
    assumptions: tuple[Boolean, ...] = ()
    description: str = ""
    decidable: bool = True
    reason: str = ""
    numeric_fallback: Callable[..., bool | None] | None = field(default=None, repr=False)
    _cache: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        expr = self.expr
        if isinstance(expr, bool | np.bool_):
            expr = sympy.true if expr else sympy.false
        if not isinstance(expr, Boolean):
            raise InvalidGameError(f"a condition must be a sympy Boolean, got {expr!r}")
        object.__setattr__(self, "expr", expr)
        object.__setattr__(self, "assumptions", _as_relations(self.assumptions))
        params = tuple(self.parameters)
        extra = _domain_symbols(expr.free_symbols, self.assumptions)
        missing = [s for s in extra if s not in params]
        object.__setattr__(self, "parameters", params + tuple(missing))

    # -- basic views -----------------------------------------------------------
    @property
    def free_parameters(self) -> tuple[sympy.Symbol, ...]:
        """Parameters that occur in ``expr``, sorted by name."""
        return _sorted_symbols(self.expr.free_symbols)

    @property
    def is_true(self) -> bool:
        """True when the condition holds everywhere on its domain (``expr`` is ``true``)."""
        return self.decidable and isinstance(self.expr, BooleanTrue)

    @property
    def is_false(self) -> bool:
        """True when the condition holds nowhere on its domain (``expr`` is ``false``)."""
        return self.decidable and isinstance(self.expr, BooleanFalse)

    def _logic(self) -> _Logic:
        return _logic_for(_domain_symbols(self.parameters, self.assumptions), self.assumptions)

    def _replace(self, expr: Boolean, **changes: Any) -> Condition:
        kw: dict[str, Any] = {
            "parameters": self.parameters,
            "assumptions": self.assumptions,
            "description": self.description,
            "decidable": self.decidable,
            "reason": self.reason,
            "numeric_fallback": self.numeric_fallback,
        }
        kw.update(changes)
        return Condition(expr, **kw)

    def simplify(self) -> Condition:
        """An equivalent, simplified condition (equivalent on the domain).

        Parts implied by the domain or by the rest of the condition are
        removed when that is proved; see the module docstring.

        Examples
        --------
        >>> import sympy
        >>> x, y = sympy.symbols("x y", nonnegative=True)
        >>> Condition(sympy.And(x < y, x < 2*y, x >= 0)).simplify()
        Condition(x < y)
        """
        if not self.decidable:
            return self
        logic = self._logic()
        return self._replace(logic.expr(logic.best(logic.tree(self.expr))))

    def _combine(self, other: Any, op: Callable[..., Boolean], name: str) -> Condition:
        if not isinstance(other, Condition):
            other = Condition(_as_sympy(other), assumptions=self.assumptions)
        params = self.parameters + tuple(s for s in other.parameters if s not in self.parameters)
        relations = self.assumptions + tuple(
            a for a in other.assumptions if a not in self.assumptions
        )
        decidable = self.decidable and other.decidable
        fallback = None
        if not decidable:
            a, b = self, other

            def fallback(**values: Any) -> bool | None:
                x, y = a.numeric(**values), b.numeric(**values)
                if name == "and":
                    return (
                        False if (x is False or y is False) else (None if None in (x, y) else True)
                    )
                return True if (x is True or y is True) else (None if None in (x, y) else False)

        desc = ""
        if self.description and other.description:
            desc = f"({self.description}) {name} ({other.description})"
        return Condition(
            op(self.expr, other.expr),
            parameters=params,
            assumptions=relations,
            description=desc,
            decidable=decidable,
            reason="; ".join(r for r in (self.reason, other.reason) if r),
            numeric_fallback=fallback,
        )

    def __and__(self, other: Any) -> Condition:
        return self._combine(other, sympy.And, "and")

    def __or__(self, other: Any) -> Condition:
        return self._combine(other, sympy.Or, "or")

    __rand__ = __and__
    __ror__ = __or__

    def __invert__(self) -> Condition:
        fallback = None
        if not self.decidable:
            inner = self

            def fallback(**values: Any) -> bool | None:
                v = inner.numeric(**values)
                return None if v is None else not v

        logic = self._logic()
        expr = logic.expr(logic.tree(self.expr, negate=True)) if self.decidable else self.expr
        desc = f"not ({self.description})" if self.description else ""
        return self._replace(expr, description=desc, numeric_fallback=fallback)

    def __bool__(self) -> bool:
        raise TypeError(
            "the truth value of a Condition depends on the parameters; use .holds(**values), "
            ".is_true or .is_false"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Condition):
            return NotImplemented
        return (
            self.expr == other.expr
            and set(self.assumptions) == set(other.assumptions)
            and self.decidable == other.decidable
        )

    def __hash__(self) -> int:
        return hash((self.expr, frozenset(self.assumptions), self.decidable))

    # -- evaluation ------------------------------------------------------------
    def _values(self, values: Mapping[str, Any], *, check: bool = True) -> dict:
        by_name = {s.name: s for s in self.parameters}
        subs: dict[sympy.Symbol, sympy.Expr] = {}
        for name, value in values.items():
            if name not in by_name:
                raise UnknownParameterError(
                    f"unknown parameter {name!r}; the condition's parameters are "
                    f"{[s.name for s in self.parameters]}"
                )
            subs[by_name[name]] = _exact_value(value, name)
        if check:
            for rel in self.assumptions:
                if rel.free_symbols <= set(subs):
                    verdict = rel.xreplace(subs)
                    if verdict == sympy.false:
                        shown = ", ".join(
                            f"{s}={v}" for s, v in subs.items() if s in rel.free_symbols
                        )
                        raise InvalidGameError(
                            f"the point {shown} violates the assumption {rel} of the condition"
                        )
            for s, v in subs.items():
                for attr, ok in (("nonnegative", v >= 0), ("positive", v > 0)):
                    if getattr(s, f"is_{attr}") and ok == sympy.false:
                        raise InvalidGameError(f"parameter {s.name!r} = {v} must be {attr}")
        return subs

    def holds(self, **values: Any) -> bool | None:
        """Whether the condition holds at a point, decided exactly.

        Parameters
        ----------
        **values
            ``name=value`` for parameters; ints, Fractions, strings such as
            ``"3/10"`` and floats (read through their shortest repr, so 0.1
            is 1/10) are converted to exact rationals.

        Returns
        -------
        bool or None
            None when some parameter that matters has no value (or, for an
            undecidable condition, when the numeric fallback is undecided).

        Raises
        ------
        UnknownParameterError
            A name that is not a parameter of the condition.
        InvalidGameError
            A value outside the bounds or violating an assumption.
        """
        subs = self._values(values)
        if not self.decidable:
            return self.numeric(**values)
        verdict = self.expr.xreplace(subs)
        if isinstance(verdict, BooleanTrue):
            return True
        if isinstance(verdict, BooleanFalse):
            return False
        if not verdict.free_symbols:
            return bool(sympy.simplify(verdict))
        reduced = self._replace(verdict).simplify().expr
        if isinstance(reduced, BooleanTrue):
            return True
        if isinstance(reduced, BooleanFalse):
            return False
        return None

    def numeric(self, **values: Any) -> bool | None:
        """Decide the condition at a point, by the numeric fallback if not decidable.

        For decidable conditions this is :meth:`holds`.
        """
        if self.decidable:
            return self.holds(**values)
        if self.numeric_fallback is None:
            return None
        self._values(values)
        return self.numeric_fallback(**values)

    def compile(self) -> Callable[..., np.ndarray]:
        """A vectorised numpy function of the parameters returning a boolean array.

        The function takes the parameters positionally (in the order of
        :attr:`parameters`) or by name, broadcasts them, and returns a boolean
        array of the broadcast shape. Float input is evaluated in floating
        point; object arrays (of :class:`~fractions.Fraction` or ints) are
        evaluated exactly. The function is built once and cached.

        Raises
        ------
        MethodNotApplicableError
            For a condition with no closed form (``decidable`` False).

        Examples
        --------
        >>> import sympy
        >>> x, y = sympy.symbols("x y", nonnegative=True)
        >>> f = Condition(x < 2*y).compile()
        >>> f(x=[1.0, 3.0], y=1.0).tolist()
        [True, False]
        """
        if not self.decidable:
            raise MethodNotApplicableError(
                f"the condition has no closed form ({self.reason}); use .numeric(**values)"
            )
        cached = self._cache.get("compiled")
        if cached is not None:
            return cached
        func = _Compiled(self.expr, self.parameters, kind="bool")
        self._cache["compiled"] = func
        return func

    # -- display ---------------------------------------------------------------
    def latex(self) -> str:
        """LaTeX of the condition (without ``$``)."""
        if not self.decidable:
            return r"\text{not decidable in closed form}"
        return sympy.latex(self.expr)

    def _repr_latex_(self) -> str:
        return f"${self.latex()}$"

    def __str__(self) -> str:
        if not self.decidable:
            return f"<not decidable in closed form: {self.reason}>"
        return _bool_str(self.expr)

    def __repr__(self) -> str:
        return f"Condition({self})"


def _bool_str(expr: Boolean) -> str:
    if isinstance(expr, BooleanTrue):
        return "True"
    if isinstance(expr, BooleanFalse):
        return "False"
    if isinstance(expr, sympy.And | sympy.Or):
        joiner = " & " if isinstance(expr, sympy.And) else " | "
        return joiner.join(_wrap(a) for a in _ordered_args(expr))
    if isinstance(expr, sympy.Not):
        return f"~({_bool_str(expr.args[0])})"
    if isinstance(expr, sympy.core.relational.Relational):
        op = {"==": "==", "!=": "!="}.get(expr.rel_op, expr.rel_op)
        return f"{sympy.sstr(expr.lhs)} {op} {sympy.sstr(expr.rhs)}"
    return sympy.sstr(expr)


def _ordered_args(expr: Boolean) -> list[Boolean]:
    """Arguments of And/Or in a stable, readable order (relations first, by text)."""
    return sorted(
        expr.args, key=lambda a: (not isinstance(a, sympy.core.relational.Relational), _bool_str(a))
    )


def _wrap(expr: Boolean) -> str:
    text = _bool_str(expr)
    if isinstance(expr, sympy.And | sympy.Or | sympy.core.relational.Relational):
        return f"({text})"
    return text


class _Compiled:
    """A lambdified expression of parameters, callable positionally or by name."""

    def __init__(self, expr: Any, parameters: Sequence[sympy.Symbol], kind: str):
        self.expr = expr
        self.parameters = tuple(parameters)
        self.names = tuple(s.name for s in self.parameters)
        self.kind = kind
        self._float = sympy.lambdify(self.parameters, expr, modules="numpy", cse=True)
        self._exact: Callable | None = None
        exprs = expr if isinstance(expr, list | tuple) else [expr]
        self.needed = {s.name for e in exprs for s in getattr(e, "free_symbols", set())}

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_float"] = None
        state["_exact"] = None
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._float = sympy.lambdify(self.parameters, self.expr, modules="numpy", cse=True)

    def _exact_func(self) -> Callable:
        if self._exact is None:
            self._exact = sympy.lambdify(
                self.parameters,
                self.expr,
                modules=[{"Fraction": Fraction}, "numpy"],
                printer=_ExactPrinter.make(),
            )
        return self._exact

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """An array of the broadcast shape; a list of arrays for ``kind="tuple"``."""
        if len(args) > len(self.names):
            raise TypeError(
                f"expected at most {len(self.names)} positional values, got {len(args)}"
            )
        values: dict[str, Any] = dict(zip(self.names, args, strict=False))
        for name, v in kwargs.items():
            if name not in self.names:
                raise UnknownParameterError(
                    f"unknown parameter {name!r}; expected {list(self.names)}"
                )
            if name in values:
                raise TypeError(f"parameter {name!r} given twice")
            values[name] = v
        missing = sorted(self.needed - set(values))
        if missing:
            from ..errors import SymbolicGameError

            raise SymbolicGameError(
                f"no value for parameters {missing}; the condition depends on them"
            )
        arrays = [np.asarray(values.get(n, 0.0)) for n in self.names]
        shape = np.broadcast_shapes(*(a.shape for a in arrays)) if arrays else ()
        exact = any(a.dtype == object for a in arrays)
        func = self._exact_func() if exact else self._float
        with np.errstate(all="ignore"):
            out = func(*arrays)
        if self.kind == "bool":
            return np.broadcast_to(np.asarray(out, dtype=bool), shape).copy()
        dtype = object if exact else float
        if self.kind == "tuple":
            return [np.broadcast_to(np.asarray(v, dtype=dtype), shape) for v in out]
        return np.broadcast_to(np.asarray(out, dtype=dtype), shape).copy()


# ---------------------------------------------------------------------------
# Game context
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    game: Any
    params: tuple[sympy.Symbol, ...]
    relations: tuple[Boolean, ...]
    logic: _Logic

    def condition(self, tree: Tree, description: str = "", simplify: bool = True) -> Condition:
        if simplify:
            tree = self.logic.best(tree)
        return Condition(
            self.logic.expr(tree),
            parameters=self.params,
            assumptions=self.relations,
            description=description,
        )

    def tree(self, expr: Any) -> Tree:
        return self.logic.tree(expr)


def _check_game(game: Any, what: str) -> None:
    from ..games.normal import NormalFormGame

    if not isinstance(game, NormalFormGame):
        raise NotImplementedError(
            f"{what} handles normal-form games (NormalFormGame); got {type(game).__name__}"
        )


def _context(game: Any, assumptions: Any) -> _Context:
    params = tuple(game.parameters)
    by_name = {s.name: s for s in params}
    space = getattr(game, "space", None)
    if space is not None and hasattr(space, "symbols"):
        for name, sym in space.symbols.items():
            by_name.setdefault(name, sym)
    parsed: list[Any] = []
    if assumptions is not None:
        items = [assumptions] if isinstance(assumptions, str | Boolean | bool) else assumptions
        for a in items:
            if isinstance(a, str):
                from ..parameters import parse_condition

                a = parse_condition(a, by_name)
            parsed.append(a)
    relations = _game_relations(game, parsed)
    known = set(by_name.values())
    for rel in relations:
        stray = rel.free_symbols - known
        if stray:
            names = sorted(s.name for s in stray)
            hint = ""
            if any(s.name in by_name for s in stray):
                hint = (
                    " (a symbol of the same name but different assumptions: use the game's symbols)"
                )
            raise UnknownParameterError(
                f"assumption {rel} uses {names}, which are not parameters of the game{hint}; "
                f"parameters: {sorted(by_name)}"
            )
    syms = _domain_symbols(params, relations)
    return _Context(game, params, relations, _logic_for(syms, relations))


def _entry(value: Any) -> sympy.Expr:
    from .._numbers import to_sympy

    if isinstance(value, np.integer):
        value = int(value)
    elif isinstance(value, np.floating):
        value = float(value)
    return to_sympy(value)


def _player_payoffs(game: Any, i: int) -> np.ndarray:
    """Player ``i``'s payoffs as an object array of sympy numbers/expressions,
    shape ``(n_i, number of opponent profiles)`` (opponents in row-major order)."""
    arr = np.moveaxis(np.asarray(game.payoffs[i], dtype=object), i, 0)
    flat = arr.reshape(arr.shape[0], -1)
    out = np.empty(flat.shape, dtype=object)
    out.flat[:] = [_entry(v) for v in flat.flat]
    return out


def _strategy_indices(game: Any, i: int, strategy: Any, what: str) -> list[int]:
    if isinstance(strategy, str | int | np.integer):
        return [game.strategy_index(i, strategy)]
    try:
        items = list(strategy)
    except TypeError:
        raise UnknownLabelError(
            f"{what} must be a strategy label or a sequence of labels"
        ) from None
    if not items:
        raise InvalidProfileError(f"{what} is an empty sequence of strategies")
    idx = [game.strategy_index(i, s) for s in items]
    if len(set(idx)) != len(idx):
        raise InvalidProfileError(f"{what} lists a strategy twice: {items}")
    return idx


# ---------------------------------------------------------------------------
# Dominance
# ---------------------------------------------------------------------------


def _pair_intersect(a: tuple, b: tuple, logic: _Logic) -> Tree:
    """Intervals ``{q in [0,1]: f(q) > 0 (or >= 0)}`` of two affine functions intersect.

    ``a = (f(0), f(1), strict)``; see the module docstring (Helly's theorem).
    """
    (x0, x1, sa), (y0, y1, sb) = a, b
    ma = POS if sa else POS | ZERO
    mb = POS if sb else POS | ZERO
    md = POS if (sa or sb) else POS | ZERO
    A0, A1 = logic.relation(x0, ma), logic.relation(x1, ma)
    B0, B1 = logic.relation(y0, mb), logic.relation(y1, mb)
    if a == b:
        return _or(A0, A1)
    return _or(
        _and(A0, B0),
        _and(A1, B1),
        _and(A0, B1, logic.relation(sympy.expand(x0 * y1 - x1 * y0), md)),
        _and(A1, B0, logic.relation(sympy.expand(x1 * y0 - x0 * y1), md)),
    )


def _helly(family: Sequence[tuple], logic: _Logic) -> Tree:
    parts = [
        _pair_intersect(family[i], family[j], logic)
        for i, j in itertools.combinations_with_replacement(range(len(family)), 2)
    ]
    return _and(*parts)


_MAX_WEAK_CHOICES = 256


def dominance_condition(
    game: Any,
    player: str | int,
    strategy: str | int | Sequence[str | int],
    over: str | int | Sequence[str | int] | None = None,
    *,
    strict: bool = True,
    assumptions: Any = None,
) -> Condition:
    """The exact condition under which a strategy dominates others.

    Parameters
    ----------
    game : NormalFormGame
        A symbolic (or numeric) game with any number of players.
    player : str or int
        The player, by label or index.
    strategy : str, int or sequence
        The dominating strategy. A sequence of two strategies means *some
        mixture* ``q*s1 + (1-q)*s2`` with ``q`` in [0, 1] (decided exactly);
        a sequence of three or more gives a condition with
        ``decidable=False`` and a numeric fallback (an LP at a point).
    over : str, int, sequence or None, default None
        The dominated strategy (or strategies); None means every other
        strategy of the player. With a mixture, one mixture must dominate
        all of them.
    strict : bool, keyword-only, default True
        Strict dominance (``>`` against every opponent profile) or weak
        dominance (``>=`` everywhere and ``>`` somewhere; the "somewhere" is
        an ``Or``).
    assumptions : relation, str or sequence, keyword-only, optional
        Extra assumptions on the parameters (e.g. ``e_R > l_R`` or the
        string ``"e_R > l_R"``), added to the bounds declared in
        ``game.space``. The condition is simplified relative to them.

    Returns
    -------
    Condition
        Simplified; for a numeric game (no parameters) the constant
        condition ``True`` or ``False``. If the player has no other strategy
        the condition is ``True`` (vacuous).

    Raises
    ------
    UnknownLabelError
        Unknown player or strategy.
    InvalidProfileError
        ``over`` contains the dominating strategy, or a sequence repeats one.
    UnknownParameterError
        An assumption uses a name that is not a parameter of the game.

    References
    ----------
    .. [1] M. Maschler, E. Solan and S. Zamir, *Game Theory*, Cambridge
       University Press (2013), Section 4.2 (dominance, dominance by mixed
       strategies).
    .. [2] E. Helly (1923); see the module docstring for the exact
       elimination of the mixing probability.

    Examples
    --------
    With ``M1`` of the module docstring (spec: Preempt strictly dominates
    Accept iff ``c_R < p*l_R``; Accept dominates iff ``c_R > p*e_R``):

    >>> from gametheory.analysis.conditions import _doctest_m1
    >>> M1, S = _doctest_m1()
    >>> dominance_condition(M1, "Russia", "Preempt", assumptions="e_R > l_R")
    Condition(c_R < l_R*p)
    >>> dominance_condition(M1, "Russia", "Accept", assumptions="e_R > l_R")
    Condition(c_R > e_R*p)
    >>> dominance_condition(M1, "T", "Militarize")
    Condition(m_T > h_T + m_T*p)
    >>> print(dominance_condition(M1, "Russia", "Preempt", strict=False,
    ...                           assumptions="e_R > l_R"))
    (c_R < e_R*p) & (c_R <= l_R*p)
    >>> dominance_condition(M1.at(p="1/2", c_R="1/20", l_R="1/5", e_R=1), "Russia", "Preempt")
    Condition(True)
    """
    _check_game(game, "dominance_condition")
    ctx = _context(game, assumptions)
    i = game.player_index(player)
    pname = game.players[i]
    labels = game.strategies[i]
    mix = _strategy_indices(game, i, strategy, "strategy")
    if over is None:
        targets = [k for k in range(len(labels)) if k not in mix]
    else:
        targets = _strategy_indices(game, i, over, "over")
        clash = [labels[k] for k in targets if k in mix]
        if clash:
            raise InvalidProfileError(
                f"a strategy cannot dominate itself: {clash} is both dominating and dominated"
            )
    kind = "strictly" if strict else "weakly"
    who = labels[mix[0]] if len(mix) == 1 else "a mixture of " + ", ".join(labels[k] for k in mix)
    whom = (
        f"every other strategy of {pname}"
        if over is None
        else ", ".join(labels[k] for k in targets)
    )
    description = f"{who} {kind} dominates {whom}"
    if not targets:
        return ctx.condition(TRUE, description + " (there is no other strategy)")
    U = _player_payoffs(game, i)
    n_opp = U.shape[1]
    logic = ctx.logic
    if len(mix) == 1:
        s = mix[0]
        parts = []
        for t in targets:
            diffs = [sympy.expand(U[s, o] - U[t, o]) for o in range(n_opp)]
            if strict:
                parts.append(_and(*(logic.relation(d, POS) for d in diffs)))
            else:
                parts.append(
                    _and(
                        *(logic.relation(d, POS | ZERO) for d in diffs),
                        _or(*(logic.relation(d, POS) for d in diffs)),
                    )
                )
        return ctx.condition(_and(*parts), description)
    if len(mix) == 2:
        s1, s2 = mix
        cells = [
            (t, o, sympy.expand(U[s2, o] - U[t, o]), sympy.expand(U[s1, o] - U[t, o]))
            for t in targets
            for o in range(n_opp)
        ]
        if strict:
            tree = _helly([(x0, x1, True) for _, _, x0, x1 in cells], logic)
            return ctx.condition(tree, description)
        n_choices = n_opp ** len(targets)
        if n_choices <= _MAX_WEAK_CHOICES:
            branches = []
            for choice in itertools.product(range(n_opp), repeat=len(targets)):
                pick = dict(zip(targets, choice, strict=True))
                fam = [(x0, x1, pick[t] == o) for t, o, x0, x1 in cells]
                branches.append(_helly(fam, logic))
            return ctx.condition(_or(*branches), description)
        reason = (
            f"weak dominance by a mixture over {len(targets)} strategies has "
            f"{n_choices} cases (more than {_MAX_WEAK_CHOICES})"
        )
    else:
        reason = (
            f"dominance by a mixture of {len(mix)} strategies needs the elimination of "
            f"{len(mix) - 1} mixing probabilities with parametric coefficients"
        )
    return _undecidable(ctx, game, i, mix, targets, strict, description, reason)


def _undecidable(
    ctx: _Context,
    game: Any,
    i: int,
    mix: list[int],
    targets: list[int],
    strict: bool,
    description: str,
    reason: str,
) -> Condition:
    def fallback(**values: Any) -> bool | None:
        g = game.at(**values) if values else game
        if g.is_symbolic:
            return None
        return _mixed_dominance_at(g, i, mix, targets, strict)

    if not game.is_symbolic:
        verdict = _mixed_dominance_at(game, i, mix, targets, strict)
        if verdict is not None:
            return ctx.condition(TRUE if verdict else FALSE, description)
    return Condition(
        sympy.false,
        parameters=ctx.params,
        assumptions=ctx.relations,
        description=description,
        decidable=False,
        reason=reason + "; decide points with .numeric(**values) (an LP, certified exactly)",
        numeric_fallback=fallback,
    )


def _mixed_dominance_at(
    game: Any, i: int, mix: list[int], targets: list[int], strict: bool
) -> bool | None:
    """Dominance by some mixture of ``mix`` at a numeric game, by LP with exact certificates.

    True is certified by an exact mixture; False by an exact opponent
    distribution (the dual of the LP); None when neither is found.
    """
    from scipy.optimize import linprog

    U = _player_payoffs(game, i)
    rows = [
        [U[s, o] - U[t, o] for s in mix] for t in targets for o in range(U.shape[1])
    ]  # each row: gains of the mixed strategies against (t, o)
    exact = game.is_exact
    D = np.array([[float(v) for v in r] for r in rows])
    m, k = D.shape
    # max eps  s.t.  D q >= eps, sum q = 1, q >= 0   (variables q..., eps)
    c = np.zeros(k + 1)
    c[-1] = -1.0
    A_ub = np.hstack([-D, np.ones((m, 1))])
    res = linprog(
        c,
        A_ub=A_ub,
        b_ub=np.zeros(m),
        A_eq=np.hstack([np.ones((1, k)), np.zeros((1, 1))]),
        b_eq=[1.0],
        bounds=[(0, None)] * k + [(-1e9, 1e9)],
        method="highs",
    )
    if res.status != 0:  # pragma: no cover - bounded feasible LP
        return None
    value = -res.fun
    scale = max(1.0, float(np.abs(D).max()))

    def exact_rows() -> list[list[Fraction]]:
        return [[Fraction(str(v)) if not isinstance(v, Fraction) else v for v in r] for r in rows]

    def check_primal(q: np.ndarray, need_strict_all: bool) -> bool:
        if not exact:
            vals = D @ q
            return (
                bool(np.all(vals > 1e-9 * scale))
                if need_strict_all
                else bool(np.all(vals >= -1e-9 * scale) and np.any(vals > 1e-9 * scale))
            )
        qs = [Fraction(float(v)).limit_denominator(10**9) for v in q]
        qs = [max(v, Fraction(0)) for v in qs]
        total = sum(qs)
        if total == 0:
            return False
        qs = [v / total for v in qs]
        vals = [sum((a * b for a, b in zip(r, qs, strict=True)), Fraction(0)) for r in exact_rows()]
        if need_strict_all:
            return all(v > 0 for v in vals)
        return all(v >= 0 for v in vals) and any(v > 0 for v in vals)

    q = res.x[:k]
    if value > 1e-9 * scale and check_primal(q, True):
        return True
    # dual certificate: a distribution y over rows with y^T D <= 0 (strict: no mixture
    # gains against it); value < 0 also rules out weak dominance
    marg = getattr(res.ineqlin, "marginals", None)
    if marg is not None:
        y = np.maximum(-np.asarray(marg), 0)
        if y.sum() > 0:
            y = y / y.sum()
            if exact:
                ys = [Fraction(float(v)).limit_denominator(10**9) for v in y]
                tot = sum(ys)
                if tot:
                    ys = [v / tot for v in ys]
                    er = exact_rows()
                    cols = [
                        sum((ys[r] * er[r][j] for r in range(m)), Fraction(0)) for j in range(k)
                    ]
                    if strict and all(v <= 0 for v in cols):
                        return False
                    if not strict and all(v < 0 for v in cols):
                        return False
            else:
                cols = y @ D
                if strict and np.all(cols <= 1e-9 * scale):
                    return False
                if not strict and np.all(cols < -1e-9 * scale):
                    return False
    if strict:
        return None
    if value < -1e-9 * scale:
        return None
    # weak: maximise the total gain subject to no loss
    res2 = linprog(
        -D.sum(axis=0),
        A_ub=-D,
        b_ub=np.zeros(m),
        A_eq=np.ones((1, k)),
        b_eq=[1.0],
        bounds=[(0, None)] * k,
        method="highs",
    )
    if res2.status == 0 and -res2.fun > 1e-9 * scale and check_primal(res2.x, False):
        return True
    return None


def _doctest_m1() -> tuple[Any, dict[str, sympy.Symbol]]:
    """The scenario's M1 (``scenario_spec.md``), for the examples in this module."""
    from ..games.normal import NormalFormGame
    from ..parameters import Parameter, ParameterSpace

    space = ParameterSpace(
        [
            Parameter("p", 0, 1, default="1/2"),
            Parameter("c_R", 0, default="3/10"),
            Parameter("l_R", 0, default="1/5"),
            Parameter("e_R", 0, default=1),
            Parameter("b_T", 0, default="1/2"),
            Parameter("m_T", 0, lower_open=True, default="2/5"),
            Parameter("c_T", 0, default="1/5"),
            Parameter("h_T", 0, default="3/10"),
        ]
    )
    S = space.symbols
    p, c_R, l_R, e_R = S["p"], S["c_R"], S["l_R"], S["e_R"]
    b_T, m_T, c_T, h_T = S["b_T"], S["m_T"], S["c_T"], S["h_T"]
    game = NormalFormGame.from_arrays(
        [[-l_R, -e_R], [-(1 - p) * l_R - c_R, -(1 - p) * e_R - c_R]],
        [[b_T, b_T + m_T], [(1 - p) * b_T - c_T, (1 - p) * (b_T + m_T) - c_T - h_T]],
        players=["Russia", "T"],
        strategies=[["Accept", "Preempt"], ["Commercial", "Militarize"]],
        title="M1: corridor 2x2",
        space=space,
    )
    return game, S


# ---------------------------------------------------------------------------
# Equilibrium conditions
# ---------------------------------------------------------------------------


def _profile_label(profile: Sequence[str]) -> str:
    return "(" + ", ".join(profile) + ")"


@dataclass(frozen=True)
class PureEquilibriumCondition:
    """The condition under which a pure profile is a Nash equilibrium.

    Attributes
    ----------
    profile : tuple of str
        One strategy label per player.
    condition : Condition
        No player gains by a unilateral pure deviation (weak inequalities:
        ties count as equilibrium).
    payoffs : tuple of sympy.Expr
        Each player's payoff at the profile.
    """

    profile: tuple[str, ...]
    condition: Condition
    payoffs: tuple[sympy.Expr, ...]

    @property
    def label(self) -> str:
        """``"(Preempt, Militarize)"``."""
        return _profile_label(self.profile)

    @property
    def is_pure(self) -> bool:
        """True (a pure profile)."""
        return True

    def __str__(self) -> str:
        return f"{self.label}: {self.condition}"


@dataclass(frozen=True)
class MixedEquilibriumCondition:
    """A 2-player equilibrium with given supports, as expressions in the parameters.

    Attributes
    ----------
    supports : tuple of tuple of str
        The strategies each player uses with positive probability.
    players : tuple of str
    strategies : tuple of tuple of str
        All strategy labels (the order of :attr:`probabilities`).
    probabilities : tuple of tuple of sympy.Expr
        Each player's probability of each strategy (0 off the support),
        solving the indifference equations (Cramer's rule).
    payoffs : tuple of sympy.Expr
        Each player's equilibrium payoff.
    condition : Condition
        Validity: the indifference systems are nonsingular, every support
        probability is in (0, 1) and no strategy outside a support pays
        more. Where it holds, the profile is an equilibrium.
    singular : Condition
        Where one of the two indifference systems is singular (the formulas
        do not apply; equilibria with these supports there come in
        continua and are flagged as knife-edges).
    """

    supports: tuple[tuple[str, ...], ...]
    players: tuple[str, ...]
    strategies: tuple[tuple[str, ...], ...]
    probabilities: tuple[tuple[sympy.Expr, ...], ...]
    payoffs: tuple[sympy.Expr, ...]
    condition: Condition
    singular: Condition
    _cache: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def label(self) -> str:
        """``"mixed {Accept, Preempt} x {Commercial, Militarize}"``."""
        return "mixed " + " x ".join("{" + ", ".join(s) + "}" for s in self.supports)

    @property
    def is_pure(self) -> bool:
        """False (a mixed profile)."""
        return False

    def probability(self, player: str | int, strategy: str) -> sympy.Expr:
        """The probability expression of one strategy of one player."""
        i = self.players.index(player) if isinstance(player, str) else int(player)
        if isinstance(player, str) and player not in self.players:
            raise UnknownLabelError(f"unknown player {player!r}; players are {list(self.players)}")
        try:
            k = self.strategies[i].index(strategy)
        except ValueError:
            raise UnknownLabelError(
                f"unknown strategy {strategy!r} of {self.players[i]!r}; "
                f"strategies are {list(self.strategies[i])}"
            ) from None
        return self.probabilities[i][k]

    def at(self, **values: Any) -> tuple[tuple[Any, ...], ...]:
        """The probabilities at a point, exact (:class:`~fractions.Fraction`) for rational values.

        Raises
        ------
        InvalidProfileError
            If the validity condition fails at the point.

        Examples
        --------
        >>> from gametheory.analysis.conditions import _doctest_m1
        >>> M1, S = _doctest_m1()
        >>> mixed = equilibrium_conditions(M1, assumptions="e_R > l_R").mixed[0]
        >>> mixed.at(p="1/2", c_R="3/10", l_R="1/5", e_R=1, b_T="1/2", m_T="2/5",
        ...          c_T="1/5", h_T="3/10")
        ((Fraction(1, 5), Fraction(4, 5)), (Fraction(1, 2), Fraction(1, 2)))
        """
        if self.condition.holds(**values) is not True:
            raise InvalidProfileError(
                f"{self.label} is not an equilibrium at {values} (its validity condition "
                f"{self.condition} does not hold)"
            )
        subs = self.condition._values(values)

        def number(v: sympy.Expr) -> Any:
            r = v.xreplace(subs)
            if not r.is_Rational:
                r = sympy.nsimplify(r, rational=True)
            return Fraction(int(r.p), int(r.q)) if r.is_Rational else r

        return tuple(tuple(number(v) for v in row) for row in self.probabilities)

    def compile(self) -> Callable[..., tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]]:
        """Vectorised probabilities and payoffs (numpy), built once and cached.

        Returns
        -------
        callable
            ``f(**arrays) -> (probabilities, payoffs)``: ``probabilities[i]``
            has shape ``(number of strategies of player i, *broadcast shape)``,
            ``payoffs[i]`` the broadcast shape. Values are computed wherever
            the formulas are defined; mask them with
            ``self.condition.compile()`` (outside the validity region they
            are not an equilibrium; ``nan``/``inf`` where a system is singular).
        """
        cached = self._cache.get("compiled")
        if cached is not None:
            return cached
        flat = [v for row in self.probabilities for v in row] + list(self.payoffs)
        func = _Compiled(flat, self.condition.parameters, kind="tuple")
        sizes = [len(row) for row in self.probabilities]

        def evaluate(
            *args: Any, **arrays: Any
        ) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
            values = func(*args, **arrays)
            probs, k = [], 0
            for size in sizes:
                probs.append(np.stack(values[k : k + size]))
                k += size
            return tuple(probs), tuple(np.asarray(v) for v in values[k:])

        self._cache["compiled"] = evaluate
        return evaluate

    def __str__(self) -> str:
        parts = []
        for pl, strat, probs in zip(self.players, self.strategies, self.probabilities, strict=True):
            mix = ", ".join(
                f"{s}: {sympy.sstr(v)}" for s, v in zip(strat, probs, strict=True) if v != 0
            )
            parts.append(f"{pl} ({mix})")
        return f"{self.label}: " + "; ".join(parts) + f" if {self.condition}"


@dataclass(frozen=True)
class KnifeEdge:
    """Parameter values where the generic description breaks down.

    Attributes
    ----------
    description : str
    condition : Condition
        Where the knife-edge is. For ``kind == "tie"`` with a pure strategy
        it is exact (two best responses tie); for mixtures it is a necessary
        condition (a determinant vanishes).
    kind : str
        ``"tie"`` (a player has more best responses than the opponent's
        support size: the game is degenerate there and equilibria may form
        continua), or ``"singular"`` (an indifference system of a support
        pair is singular; :attr:`MixedEquilibriumCondition.singular`).
    exact : bool
        False when ``condition`` is only necessary.
    """

    description: str
    condition: Condition
    kind: str
    exact: bool = True

    def __str__(self) -> str:
        return f"{self.description}: {self.condition}"


@dataclass(frozen=True)
class EquilibriumConditions:
    """Exact equilibrium conditions of a (symbolic) game.

    Attributes
    ----------
    game : NormalFormGame
    pure : tuple of PureEquilibriumCondition
        Every pure profile, in row-major order (including those that are
        never equilibria: their condition is ``False``).
    mixed : tuple of MixedEquilibriumCondition
        For 2-player games, each support pair of equal size >= 2 that is
        valid somewhere (empty for N > 2 players).
    knife_edges : tuple of KnifeEdge
    complete : str
        ``"generic"`` (2 players): off the tie knife-edges the game is
        nondegenerate and ``pure`` plus ``mixed`` describe all equilibria;
        ``"pure"`` (N > 2 players): only pure equilibria are described.
    notes : tuple of str
    """

    game: Any
    pure: tuple[PureEquilibriumCondition, ...]
    mixed: tuple[MixedEquilibriumCondition, ...]
    knife_edges: tuple[KnifeEdge, ...]
    complete: str
    notes: tuple[str, ...] = ()

    @property
    def _candidates(self) -> tuple[PureEquilibriumCondition | MixedEquilibriumCondition, ...]:
        """Every pure profile, then the mixed candidates."""
        return (*self.pure, *self.mixed)

    @property
    def equilibria(self) -> tuple[PureEquilibriumCondition | MixedEquilibriumCondition, ...]:
        """Pure profiles that can be equilibria, then the mixed ones."""
        return tuple(e for e in self.pure if not e.condition.is_false) + self.mixed

    def __iter__(self) -> Any:
        return iter(self.equilibria)

    def __len__(self) -> int:
        return len(self.equilibria)

    def __getitem__(
        self, key: str | Sequence[str]
    ) -> PureEquilibriumCondition | MixedEquilibriumCondition:
        """Look up by pure profile (labels) or by :attr:`label` text."""
        for e in self._candidates:
            if (
                not isinstance(key, str)
                and isinstance(e, PureEquilibriumCondition)  # i.e. e.is_pure
                and tuple(key) == e.profile
            ) or key == e.label:
                return e
        raise UnknownLabelError(
            f"no equilibrium candidate {key!r}; candidates: {[e.label for e in self._candidates]}"
        )

    def holding(self, **values: Any) -> list[PureEquilibriumCondition | MixedEquilibriumCondition]:
        """The candidates whose condition holds at a point (decided exactly).

        At a knife-edge (see :meth:`knife_edges_at`) the game is degenerate
        and the equilibrium set may also contain continua not listed here.
        """
        return [e for e in self._candidates if e.condition.holds(**values) is True]

    def knife_edges_at(self, **values: Any) -> list[KnifeEdge]:
        """The knife-edges whose condition holds (or may hold) at a point."""
        return [k for k in self.knife_edges if k.condition.holds(**values) is not False]

    def __str__(self) -> str:
        lines = [f"Equilibrium conditions of {self.game!r}"]
        lines += [f"  {e}" for e in self.pure]
        lines += [f"  {e}" for e in self.mixed]
        lines += [f"  knife-edge, {k}" for k in self.knife_edges]
        return "\n".join(lines)


@functools.singledispatch
def equilibrium_conditions(game: Any, *, assumptions: Any = None) -> EquilibriumConditions:
    """Exact conditions, in the parameters, for each equilibrium of a game.

    For each pure profile, the condition that it is a Nash equilibrium. For
    2-player games, each support pair of equal size ``k >= 2``: the unique
    mixed profile making each player indifferent on its support (solved
    symbolically by Cramer's rule), its payoffs, and its validity condition
    (nonsingular systems, probabilities in (0, 1), no profitable deviation
    outside the supports). Knife-edges are flagged: ties between best
    responses (degeneracy) and singular indifference systems.

    This is a :func:`functools.singledispatch` function: trees get the
    piecewise subgame-perfect outcome (:func:`gametheory.analysis.spe_outcome`,
    an ``SPEOutcome``) and signaling games their PBE classes by region
    (:func:`gametheory.analysis.pbe_regions`, a ``PBEClassification``).

    Parameters
    ----------
    game : NormalFormGame
    assumptions : relation, str or sequence, keyword-only, optional
        Extra assumptions on the parameters (see :func:`dominance_condition`).

    Returns
    -------
    EquilibriumConditions
        For a numeric game (no parameters) every condition is the constant
        ``True`` or ``False``.

    Raises
    ------
    NotImplementedError
        For game types without a registered implementation.

    References
    ----------
    .. [1] D. Avis, G. D. Rosenberg, R. Savani and B. von Stengel,
       "Enumeration of Nash equilibria for two-player games", Economic
       Theory 42 (2010) 9-37 (supports, nondegeneracy).

    Examples
    --------
    M1 (``scenario_spec.md``): the unique mixed equilibrium has
    ``sigma_star = m_T/(p*m_T+h_T)`` and ``tau_star = (c_R-p*l_R)/(p*(e_R-l_R))``.

    >>> from gametheory.analysis.conditions import _doctest_m1
    >>> M1, S = _doctest_m1()
    >>> eqc = equilibrium_conditions(M1, assumptions="e_R > l_R")
    >>> print(eqc["(Preempt, Commercial)"].condition)
    (c_R <= l_R*p) & (m_T <= h_T + m_T*p)
    >>> mixed = eqc.mixed[0]
    >>> mixed.probability("Russia", "Preempt")
    m_T/(h_T + m_T*p)
    >>> mixed.probability("T", "Militarize")
    (c_R - l_R*p)/(p*(e_R - l_R))
    >>> print(mixed.condition)
    (c_R < e_R*p) & (c_R > l_R*p) & (m_T < h_T + m_T*p)
    >>> [str(e.label) for e in eqc.holding(p="1/2", c_R="3/10", l_R="1/5", e_R=1,
    ...     b_T="1/2", m_T="2/5", c_T="1/5", h_T="3/10")]
    ['mixed {Accept, Preempt} x {Commercial, Militarize}']
    """
    raise NotImplementedError(
        f"equilibrium_conditions is not implemented for {type(game).__name__}; "
        "normal-form games are supported"
    )


def _register_normal_form() -> None:
    from ..games.normal import NormalFormGame

    equilibrium_conditions.register(NormalFormGame)(_normal_form_conditions)


def _normal_form_conditions(game: Any, *, assumptions: Any = None) -> EquilibriumConditions:
    ctx = _context(game, assumptions)
    logic = ctx.logic
    n = game.n_players
    shape = game.shape
    arrays = []
    for i in range(n):
        arr = np.empty(shape, dtype=object)
        arr.flat[:] = [_entry(v) for v in np.asarray(game.payoffs[i], dtype=object).flat]
        arrays.append(arr)
    pure = []
    for idx in itertools.product(*(range(k) for k in shape)):
        parts = []
        for i in range(n):
            here = arrays[i][idx]
            for t in range(shape[i]):
                if t != idx[i]:
                    deviation = idx[:i] + (t,) + idx[i + 1 :]
                    parts.append(
                        logic.relation(sympy.expand(here - arrays[i][deviation]), POS | ZERO)
                    )
        profile = tuple(game.strategies[i][k] for i, k in enumerate(idx))
        cond = ctx.condition(_and(*parts), f"{_profile_label(profile)} is a Nash equilibrium")
        pure.append(
            PureEquilibriumCondition(profile, cond, tuple(arrays[i][idx] for i in range(n)))
        )
    knife: list[KnifeEdge] = []
    seen: set[Boolean] = set()

    def add_knife(tree: Tree, description: str, kind: str, exact: bool) -> None:
        cond = ctx.condition(tree, description)
        if cond.is_false or cond.expr in seen:
            return
        seen.add(cond.expr)
        knife.append(KnifeEdge(description, cond, kind, exact))

    # ties: player j has two best responses c0, c1 against a pure profile o of the
    # others, and o is supported by some mixture of c0 and c1 (every other player's
    # strategy in o is a best response to it): then the mixtures form a continuum
    # of equilibria -- the knife-edges of pure profiles
    for j in range(n):
        for o_idx in itertools.product(*(range(shape[i]) if i != j else [None] for i in range(n))):

            def at(c: int, o_idx: tuple = o_idx, j: int = j) -> tuple:
                return tuple(c if i == j else o_idx[i] for i in range(n))

            for c0, c1 in itertools.combinations(range(shape[j]), 2):
                u0, u1 = arrays[j][at(c0)], arrays[j][at(c1)]
                parts = [logic.relation(sympy.expand(u0 - u1), ZERO)]
                parts += [
                    logic.relation(sympy.expand(u0 - arrays[j][at(c)]), POS | ZERO)
                    for c in range(shape[j])
                    if c not in (c0, c1)
                ]
                family = []
                for i in range(n):
                    if i == j:
                        continue
                    for t in range(shape[i]):
                        if t == o_idx[i]:
                            continue

                        def dev(c: int, i: int = i, t: int = t) -> sympy.Expr:
                            prof = at(c)
                            alt = prof[:i] + (t,) + prof[i + 1 :]
                            return sympy.expand(arrays[i][prof] - arrays[i][alt])

                        family.append((dev(c1), dev(c0), False))
                if family:
                    parts.append(_helly(family, logic))
                against = ", ".join(game.strategies[i][o_idx[i]] for i in range(n) if i != j)
                desc = (
                    f"{game.players[j]} indifferent between {game.strategies[j][c0]} and "
                    f"{game.strategies[j][c1]} (best responses) against {against}, which "
                    "some mixture of the two supports"
                )
                add_knife(_and(*parts), desc, "tie", True)
    mixed: list[MixedEquilibriumCondition] = []
    notes: list[str] = []
    if n == 2:
        A, B = arrays
        mixed = _mixed_conditions(game, ctx, A, B, add_knife, notes)
        complete = "generic"
    else:
        complete = "pure"
        notes.append(
            f"{n}-player game: only pure-profile conditions are derived (mixed equilibria of "
            "N-player games solve polynomial systems)"
        )
    return EquilibriumConditions(
        game, tuple(pure), tuple(mixed), tuple(knife), complete, tuple(notes)
    )


_MAX_SUPPORT_PAIRS = 2000


def _mixed_conditions(
    game: Any,
    ctx: _Context,
    A: np.ndarray,
    B: np.ndarray,
    add_knife: Callable[..., None],
    notes: list[str],
) -> list[MixedEquilibriumCondition]:
    logic = ctx.logic
    m, n = A.shape
    rows, cols = game.strategies
    P = game.players
    # necessary conditions for degeneracy with mixtures: k-support against k+1 best responses
    for who, other, M, labels_who, labels_other in ((1, 0, B, cols, rows), (0, 1, A.T, rows, cols)):
        # M[s_other, c_who]: payoff of `who` when `other` plays s and `who` plays c
        n_other, n_who = M.shape
        count = sum(
            math.comb(n_other, k) * math.comb(n_who, k + 1)
            for k in range(2, min(n_other, n_who - 1) + 1)
        )
        if count > _MAX_SUPPORT_PAIRS:
            notes.append(
                f"degeneracy of {P[who]} against mixtures of {P[other]} was not screened "
                f"({count} support pairs)"
            )
            continue
        for k in range(2, min(n_other, n_who - 1) + 1):
            for S in itertools.combinations(range(n_other), k):
                for T in itertools.combinations(range(n_who), k + 1):
                    c0 = T[0]
                    D = sympy.Matrix([[M[s, c] - M[s, c0] for s in S] for c in T[1:]])
                    det = sympy.expand(D.det(method="berkowitz"))
                    desc = (
                        f"{P[who]} possibly indifferent among {{{', '.join(labels_who[c] for c in T)}}} "
                        f"against a mixture of {{{', '.join(labels_other[s] for s in S)}}}"
                    )
                    add_knife(logic.relation(det, ZERO), desc, "tie", False)
    out: list[MixedEquilibriumCondition] = []
    total = sum(math.comb(m, k) * math.comb(n, k) for k in range(2, min(m, n) + 1))
    if total > _MAX_SUPPORT_PAIRS:
        raise NotImplementedError(
            f"{total} support pairs: symbolic support enumeration is limited to "
            f"{_MAX_SUPPORT_PAIRS}; fix some parameters or restrict the game"
        )
    for k in range(2, min(m, n) + 1):
        for S1 in itertools.combinations(range(m), k):
            for S2 in itertools.combinations(range(n), k):
                item = _support_pair(game, ctx, A, B, S1, S2, add_knife)
                if item is not None:
                    out.append(item)
    return out


def _indifference(Msub: sympy.Matrix) -> tuple[list[sympy.Expr], sympy.Expr, sympy.Expr]:
    """Solve ``Msub y = v 1, sum(y) = 1`` by Cramer's rule.

    Returns numerators of ``y``, the numerator of ``v`` and the determinant
    (``y_j = num_j / det``, ``v = num_v / det``).
    """
    k = Msub.shape[0]
    big = sympy.zeros(k + 1, k + 1)
    big[:k, :k] = Msub
    for r in range(k):
        big[r, k] = -1
        big[k, r] = 1
    det = sympy.expand(big.det(method="berkowitz"))
    adj = big.adjugate(method="berkowitz")
    nums = [sympy.expand(adj[r, k]) for r in range(k + 1)]
    return nums[:k], nums[k], det


def _nice(expr: sympy.Expr) -> sympy.Expr:
    """A readable form of a rational expression (few minus signs, few operations)."""
    num, den = sympy.fraction(sympy.cancel(sympy.together(expr)))
    candidates = [
        sympy.factor(num) / sympy.factor(den),
        sympy.expand(num) / sympy.factor(den),
        sympy.factor(expr),
        sympy.cancel(expr),
    ]
    return min(candidates, key=lambda e: (str(e).count("-"), sympy.count_ops(e), len(str(e))))


def _support_pair(
    game: Any,
    ctx: _Context,
    A: np.ndarray,
    B: np.ndarray,
    S1: tuple[int, ...],
    S2: tuple[int, ...],
    add_knife: Callable[..., None],
) -> MixedEquilibriumCondition | None:
    logic = ctx.logic
    m, n = A.shape
    As = sympy.Matrix([[A[r, c] for c in S2] for r in S1])
    Bs = sympy.Matrix([[B[r, c] for r in S1] for c in S2])  # column player's, transposed
    ynum, v1num, det_y = _indifference(As)
    xnum, v2num, det_x = _indifference(Bs)
    labels = game.strategies
    supports = (tuple(labels[0][r] for r in S1), tuple(labels[1][c] for c in S2))
    name = "mixed " + " x ".join("{" + ", ".join(s) + "}" for s in supports)
    singular_tree = _or(logic.relation(det_y, ZERO), logic.relation(det_x, ZERO))
    singular = ctx.condition(singular_tree, f"{name}: an indifference system is singular")
    if not singular.is_false:
        # a singular square system has solutions only where every Cramer numerator
        # vanishes too (adj(M) b = adj(M) M z = det(M) z = 0): elsewhere it has none,
        # and the point is not a knife-edge for this support pair
        consistent = _or(*(
            _and(logic.relation(det, ZERO), *(logic.relation(num, ZERO) for num in (*nums, vnum)))
            for det, nums, vnum in ((det_y, ynum, v1num), (det_x, xnum, v2num))
        ))
        if not ctx.condition(consistent, f"{name}: a singular system is consistent").is_false:
            add_knife(
                consistent,
                f"{name}: indifference system singular and consistent (continua of "
                "equilibria possible)",
                "singular",
                True,
            )
    if det_y == 0 or det_x == 0:
        return None
    parts = [logic.relation(det_y, NEG | POS), logic.relation(det_x, NEG | POS)]
    parts += [logic.relation(sympy.cancel(num / det_y), POS) for num in ynum]
    parts += [logic.relation(sympy.cancel(num / det_x), POS) for num in xnum]
    v1 = sympy.cancel(v1num / det_y)
    v2 = sympy.cancel(v2num / det_x)
    y = [sympy.cancel(num / det_y) for num in ynum]
    x = [sympy.cancel(num / det_x) for num in xnum]
    for r in range(m):
        if r not in S1:
            dev = sum((A[r, c] * yj for c, yj in zip(S2, y, strict=True)), sympy.Integer(0))
            parts.append(logic.relation(sympy.cancel(v1 - dev), POS | ZERO))
    for c in range(n):
        if c not in S2:
            dev = sum((B[r, c] * xi for r, xi in zip(S1, x, strict=True)), sympy.Integer(0))
            parts.append(logic.relation(sympy.cancel(v2 - dev), POS | ZERO))
    cond = ctx.condition(_and(*parts), f"{name} is a Nash equilibrium")
    if cond.is_false:
        return None
    px = [sympy.Integer(0)] * m
    py = [sympy.Integer(0)] * n
    for r, v in zip(S1, x, strict=True):
        px[r] = _nice(v)
    for c, v in zip(S2, y, strict=True):
        py[c] = _nice(v)
    return MixedEquilibriumCondition(
        supports=supports,
        players=tuple(game.players),
        strategies=tuple(tuple(s) for s in labels),
        probabilities=(tuple(px), tuple(py)),
        payoffs=(_nice(v1), _nice(v2)),
        condition=cond,
        singular=singular,
    )


_register_normal_form()


# ---------------------------------------------------------------------------
# Thresholds
# ---------------------------------------------------------------------------

_REL_TEXT = {POS: ">", POS | ZERO: ">=", NEG: "<", NEG | ZERO: "<=", ZERO: "==", NEG | POS: "!="}
_REL_CLASS = {v: _REL_OF_MASK[k] for k, v in _REL_TEXT.items()}
_REL_LATEX = {">": ">", ">=": r"\geq", "<": "<", "<=": r"\leq", "==": "=", "!=": r"\neq"}
_REVERSED = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "==": "==", "!=": "!="}


@dataclass(frozen=True)
class Threshold:
    """A condition solved for one parameter: ``parameter relation bound``.

    The original condition is equivalent (on its domain) to

    ``(validity & rest & parameter relation bound & also...) | (~validity & otherwise)``

    Attributes
    ----------
    parameter : sympy.Symbol
    relation : str
        ``"<"``, ``"<="``, ``">"``, ``">="``, ``"=="`` or ``"!="``.
    bound : sympy.Expr
        An expression in the other parameters (``Min``/``Max`` when several
        bounds of the same kind combine).
    validity : Condition
        Where this form applies, a condition on the other parameters
        (``True`` unless the coefficient of the parameter can change sign).
    condition : Condition
        The condition that was solved.
    also : tuple of (str, sympy.Expr)
        Further bounds on the parameter that must hold too (the other side
        of an interval, e.g. ``p*l_R < c_R < p*e_R``).
    rest : Condition or None
        The part of the condition that does not involve the parameter.
    otherwise : Threshold, Condition or None
        What the condition is where ``validity`` fails.

    Examples
    --------
    >>> from gametheory.analysis.conditions import _doctest_m1
    >>> from gametheory.analysis import dominance_condition
    >>> M1, S = _doctest_m1()
    >>> t = threshold(dominance_condition(M1, "Russia", "Preempt", assumptions="e_R > l_R"),
    ...               S["c_R"])
    >>> print(t)
    c_R < l_R*p
    >>> t.relation, t.bound
    ('<', l_R*p)
    >>> t.evaluate(p="1/2", l_R="1/5")
    1/10
    >>> t.latex()
    'c_{R} < l_{R} p'
    """

    parameter: sympy.Symbol
    relation: str
    bound: sympy.Expr
    validity: Condition
    condition: Condition
    also: tuple[tuple[str, sympy.Expr], ...] = ()
    rest: Condition | None = None
    otherwise: Threshold | Condition | None = None
    _cache: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    # -- as a condition ----------------------------------------------------------
    def _main_expr(self) -> Boolean:
        x = self.parameter
        parts = [_REL_CLASS[self.relation](x, self.bound)]
        parts += [_REL_CLASS[r](x, b) for r, b in self.also]
        if self.rest is not None:
            parts.append(self.rest.expr)
        return sympy.And(*parts)

    def as_condition(self) -> Condition:
        """The equivalent :class:`Condition`, written with the bounds.

        Where a piece's :attr:`validity` fails its bound may be undefined (a
        vanishing denominator); use :meth:`holds` to evaluate points.
        """
        expr = sympy.And(self.validity.expr, self._main_expr())
        if self.otherwise is not None:
            other = (
                self.otherwise.as_condition().expr
                if isinstance(self.otherwise, Threshold)
                else self.otherwise.expr
            )
            expr = sympy.Or(expr, sympy.And(sympy.Not(self.validity.expr), other))
        return self.condition._replace(
            expr, description=f"threshold of {self.condition.description}"
        )

    def holds(self, **values: Any) -> bool | None:
        """Whether the condition holds at a point (exact); see :meth:`Condition.holds`.

        Decided piece by piece, so a bound whose denominator vanishes where
        :attr:`validity` fails is never evaluated there.
        """
        valid = self.validity.holds(**values)
        if valid is None:
            return None
        if valid:
            return self.condition._replace(self._main_expr()).holds(**values)
        if self.otherwise is None:
            return False
        return self.otherwise.holds(**values)

    # -- evaluation ----------------------------------------------------------------
    def evaluate(self, **values: Any) -> sympy.Expr | None:
        """The bound at a point of the other parameters (exact for rational values).

        Returns the bound of the piece whose validity holds, or None where
        the condition puts no bound on the parameter (or the point leaves it
        undecided).
        """
        subs = self.condition._values({k: v for k, v in values.items()})
        if self.parameter in subs:
            raise InvalidGameError(
                f"evaluate gives the bound on {self.parameter}; do not pass a value for it"
            )
        ok = self.validity.holds(**values)
        if ok is True:
            value = self.bound.xreplace(subs)
            return value if not value.free_symbols else None
        if ok is False and isinstance(self.otherwise, Threshold):
            return self.otherwise.evaluate(**values)
        return None

    def compile(self) -> Callable[..., np.ndarray]:
        """Vectorised numpy function of the other parameters giving the bound.

        ``NaN`` where :attr:`validity` fails (see :attr:`otherwise`). Built
        once and cached.

        Examples
        --------
        >>> from gametheory.analysis.conditions import _doctest_m1
        >>> from gametheory.analysis import dominance_condition
        >>> M1, S = _doctest_m1()
        >>> t = threshold(dominance_condition(M1, "Russia", "Preempt", assumptions="e_R > l_R"),
        ...               "c_R")
        >>> t.compile()(p=[0.5, 1.0], l_R=0.2).tolist()
        [0.1, 0.2]
        """
        cached = self._cache.get("compiled")
        if cached is not None:
            return cached
        params = tuple(s for s in self.condition.parameters if s != self.parameter)
        expr = self.bound
        if not self.validity.is_true:
            expr = sympy.Piecewise((self.bound, self.validity.expr), (sympy.nan, True))
        func = _Compiled(expr, params, kind="value")
        self._cache["compiled"] = func
        return func

    # -- display -------------------------------------------------------------------
    def _piece_text(self, tex: bool) -> str:
        show = sympy.latex if tex else sympy.sstr
        x = show(self.parameter)

        def rel(r: str) -> str:
            return _REL_LATEX[r] if tex else r

        opposite = [
            (r, b)
            for r, b in self.also
            if r in ("<", "<=")
            and self.relation in (">", ">=")
            or r in (">", ">=")
            and self.relation in ("<", "<=")
        ]
        if len(opposite) == 1 and self.relation in (">", ">="):
            (r2, b2) = opposite[0]
            text = f"{show(self.bound)} {rel(_REVERSED[self.relation])} {x} {rel(r2)} {show(b2)}"
            rest_also = [a for a in self.also if a != opposite[0]]
        else:
            text = f"{x} {rel(self.relation)} {show(self.bound)}"
            rest_also = list(self.also)
        joiner = r" \wedge " if tex else " & "
        for r, b in rest_also:
            text += f"{joiner}{x} {rel(r)} {show(b)}"
        if self.rest is not None:
            text += joiner + (f"\\left({self.rest.latex()}\\right)" if tex else f"({self.rest})")
        return text

    def _text(self, tex: bool) -> str:
        piece = self._piece_text(tex)
        if self.validity.is_true:
            return piece
        cond = self.validity.latex() if tex else str(self.validity)
        if self.otherwise is None:
            other = "False"
        elif isinstance(self.otherwise, Threshold):
            other = self.otherwise._text(tex)
        else:
            other = self.otherwise.latex() if tex else str(self.otherwise)
        if tex:
            return (
                r"\begin{cases} "
                + piece
                + r" & \text{if } "
                + cond
                + r" \\ "
                + other
                + r" & \text{otherwise} \end{cases}"
            )
        return f"{piece} if {cond}; otherwise {other}"

    def latex(self) -> str:
        """LaTeX of the threshold (without ``$``)."""
        return self._text(True)

    def _repr_latex_(self) -> str:
        return f"${self.latex()}$"

    def __str__(self) -> str:
        return self._text(False)


def _as_symbol(condition: Condition, parameter: Any) -> sympy.Symbol:
    params = condition.parameters
    if isinstance(parameter, sympy.Symbol):
        if parameter in params:
            return parameter
        name = parameter.name
    elif isinstance(parameter, str):
        name = parameter
    else:
        raise UnknownParameterError(
            f"parameter must be a name or a sympy Symbol, got {parameter!r}"
        )
    for s in params:
        if s.name == name:
            return s
    raise UnknownParameterError(
        f"unknown parameter {name!r}; the condition's parameters are {[s.name for s in params]}"
    )


def threshold(condition: Condition, parameter: str | sympy.Symbol) -> Threshold:
    """Solve a condition for one parameter.

    The condition (simplified on its domain) is read as a conjunction of
    relations; each relation that involves the parameter must be linear in
    it, ``a*x + b REL 0``, and is solved by isolating ``x``. The sign of the
    coefficient ``a`` is decided on the domain (bounds and assumptions);
    when it is not determined the result splits on it (``validity`` and
    ``otherwise``). Several upper (lower) bounds combine into ``Min``
    (``Max``); a disjunction of same-kind bounds into ``Max`` (``Min``).
    Relations in the parameter alone that are not linear are solved with
    :func:`sympy.solve_univariate_inequality`.

    Parameters
    ----------
    condition : Condition
        From :func:`dominance_condition`, :func:`equilibrium_conditions`, ...
    parameter : str or sympy.Symbol
        The parameter to isolate.

    Returns
    -------
    Threshold

    Raises
    ------
    UnknownParameterError
        ``parameter`` is not a parameter of the condition.
    MethodNotApplicableError
        The condition does not involve the parameter, is constant, or has
        no closed form.
    NotImplementedError
        A relation is not linear in the parameter (and involves others), or
        the condition mixes bounds in a way that is not one interval
        (e.g. ``x < a | x > b``).

    Examples
    --------
    M7 (``scenario_spec.md``): Wait is dominant iff ``p_f < min(1/2, v_sq + c_W)``.

    >>> import sympy
    >>> from gametheory import NormalFormGame
    >>> from gametheory.analysis import dominance_condition
    >>> p_f = sympy.Symbol("p_f", nonnegative=True)
    >>> c_W = sympy.Symbol("c_W", positive=True)
    >>> v_sq = sympy.Symbol("v_sq", nonnegative=True)
    >>> row = [[v_sq, 1 - p_f - c_W], [p_f - c_W, sympy.Rational(1, 2) - c_W]]
    >>> M7 = NormalFormGame.from_arrays(row, [list(r) for r in zip(*row)],
    ...     strategies=[["Wait", "Strike"], ["Wait", "Strike"]])
    >>> wait = dominance_condition(M7, "1", "Wait", assumptions=[p_f <= 1, v_sq <= 1])
    >>> print(threshold(wait, "p_f"))
    p_f < Min(1/2, c_W + v_sq)
    """
    if not isinstance(condition, Condition):
        raise InvalidGameError(f"threshold needs a Condition, got {type(condition).__name__}")
    x = _as_symbol(condition, parameter)
    if not condition.decidable:
        raise MethodNotApplicableError(
            f"the condition has no closed form ({condition.reason}); it cannot be solved for {x}"
        )
    logic = condition._logic()
    tree = logic.simplify(logic.tree(condition.expr))
    if tree[0] == "const":
        raise MethodNotApplicableError(
            f"the condition is constant ({tree[1]}) on its domain; it does not involve {x}"
        )
    if x not in logic.expr(tree).free_symbols:
        raise MethodNotApplicableError(
            f"the condition {condition} does not involve the parameter {x}"
        )
    result = _solve_tree(condition, logic, tree, x, ())
    if not isinstance(result, Threshold):
        # every bound on x dropped out: its coefficient is zero on the domain
        raise MethodNotApplicableError(
            f"the condition {condition} does not depend on the parameter {x} on its domain "
            f"(it reduces to {result})"
        )
    return result


def _solve_tree(
    condition: Condition, logic: _Logic, tree: Tree, x: sympy.Symbol, premises: tuple[Atom, ...]
) -> Threshold | Condition:
    d = logic.d
    conjuncts = list(tree[1]) if tree[0] == "and" else [tree]
    bounds: list[tuple[str, sympy.Expr]] = []
    rest: list[Tree] = []
    disjunctive: list[list[tuple[str, sympy.Expr]]] = []

    def linear(key: sympy.Expr) -> tuple[sympy.Expr, sympy.Expr] | None:
        poly = sympy.Poly(key, x)
        if poly.degree() != 1:
            return None
        return poly.coeff_monomial(x), poly.coeff_monomial(1)

    def solve_atom(key: sympy.Expr, mask: int) -> list[tuple[str, sympy.Expr]] | sympy.Expr:
        """Bounds of ``sign(key) in mask``; or the coefficient to split on."""
        lin = linear(key)
        if lin is None:
            if key.free_symbols == {x}:
                rel = _REL_OF_MASK[mask](key, 0)
                sol = sympy.solve_univariate_inequality(rel, x, relational=False)
                if isinstance(sol, sympy.Interval):
                    out = []
                    if sol.start.is_finite:
                        out.append((">" if sol.left_open else ">=", sol.start))
                    if sol.end.is_finite:
                        out.append(("<" if sol.right_open else "<=", sol.end))
                    if sol.start == sol.end:
                        out = [("==", sol.start)]
                    return out
            raise NotImplementedError(
                f"the relation {_pretty_relation(key, mask)} is not linear in {x}; "
                "threshold isolates parameters that enter linearly"
            )
        a, b = lin
        sign_a = d.signs(sympy.expand(a)) if not a.is_number else _bit(int(sympy.sign(a)))
        for pk, pm in premises:
            if pk == d.normalize(sympy.expand(a))[1]:
                s, _ = d.normalize(sympy.expand(a))
                sign_a &= pm if s > 0 else _flip(pm)
        if sign_a == ZERO:  # the parameter drops out: sign(b) in mask
            return [("rest", logic.relation(sympy.expand(b), mask))]
        if sign_a not in (POS, NEG):
            return a
        m = mask if sign_a == POS else _flip(mask)
        bound = sympy.factor(sympy.cancel(-b / a))
        return [(_REL_TEXT[m], _tidy(bound))]

    for c in conjuncts:
        if x not in logic.expr(c).free_symbols:
            rest.append(c)
            continue
        if c[0] == "atom":
            res = solve_atom(c[1], c[2])
            if isinstance(res, sympy.Expr):
                return _split(condition, logic, tree, x, premises, res)
            for item in res:
                if item[0] == "rest":
                    rest.append(item[1])
                else:
                    bounds.append(item)
        elif c[0] == "or" and all(k[0] == "atom" for k in c[1]):
            alts: list[tuple[str, sympy.Expr]] = []
            for k in c[1]:
                if x not in k[1].free_symbols:
                    raise NotImplementedError(
                        f"the disjunction {logic.expr(c)} mixes bounds on {x} with other relations"
                    )
                res = solve_atom(k[1], k[2])
                if isinstance(res, sympy.Expr):
                    return _split(condition, logic, tree, x, premises, res)
                if len(res) != 1 or res[0][0] == "rest":
                    raise NotImplementedError(f"cannot combine the disjunction {logic.expr(c)}")
                alts.append(res[0])
            disjunctive.append(alts)
        else:
            raise NotImplementedError(
                f"{logic.expr(c)}: threshold handles conjunctions of relations and "
                "disjunctions of bounds of one kind"
            )
    for alts in disjunctive:
        rels = {r for r, _ in alts}
        if len(rels) != 1 or rels & {"==", "!="}:
            raise NotImplementedError(
                f"the bounds {[f'{x} {r} {b}' for r, b in alts]} do not form one interval"
            )
        r = rels.pop()
        combine = sympy.Max if r in ("<", "<=") else sympy.Min
        bounds.append((r, combine(*(b for _, b in alts))))
    groups: dict[str, list[sympy.Expr]] = {}
    for r, b in bounds:
        groups.setdefault(r, []).append(b)
    combined: list[tuple[str, sympy.Expr]] = []
    for r in ("==", ">", ">=", "<", "<=", "!="):
        if r not in groups:
            continue
        items = list(dict.fromkeys(groups[r]))
        if r in (">", ">="):
            combined.append((r, sympy.Max(*items)))
        elif r in ("<", "<="):
            combined.append((r, sympy.Min(*items)))
        else:
            combined.extend((r, b) for b in items)
    if not combined:
        return condition._replace(logic.expr(_and(*rest)))
    main, *also = combined
    rest_cond = condition._replace(logic.expr(_and(*rest))) if rest else None
    true = condition._replace(sympy.true, description="")
    return Threshold(
        parameter=x,
        relation=main[0],
        bound=main[1],
        validity=true,
        condition=condition,
        also=tuple(also),
        rest=rest_cond,
    )


def _tidy(expr: sympy.Expr) -> sympy.Expr:
    """A readable form of a bound: the shorter of factored and expanded."""
    candidates = [expr, sympy.expand(expr), sympy.cancel(expr)]
    return min(candidates, key=lambda e: (sympy.count_ops(e), len(str(e))))


def _split(
    condition: Condition,
    logic: _Logic,
    tree: Tree,
    x: sympy.Symbol,
    premises: tuple[Atom, ...],
    coeff: sympy.Expr,
) -> Threshold | Condition:
    d = logic.d
    sign, key = d.normalize(sympy.expand(coeff))
    possible = d.signs(key)
    for pk, pm in premises:
        if pk == key:
            possible &= pm
    pieces: list[tuple[int, Threshold | Condition]] = []
    for bit in (POS, NEG, ZERO):
        if not possible & bit:
            continue
        mask = bit if sign > 0 else _flip(bit)
        prem = (*premises, (key, mask))
        sub = logic.simplify(tree, prem)
        if sub[0] == "const" or x not in logic.expr(sub).free_symbols:
            piece: Threshold | Condition = condition._replace(logic.expr(sub))
        else:
            piece = _solve_tree(condition, logic, sub, x, prem)
        pieces.append((mask, piece))
    # chain the pieces that bound x (each valid where `key` has its sign); the pieces
    # where x drops out are collected into one final condition
    chain = [(m, p) for m, p in pieces if isinstance(p, Threshold)]
    flat = [(m, p) for m, p in pieces if not isinstance(p, Threshold)]
    result: Threshold | Condition | None = None
    if flat:
        result = condition._replace(
            sympy.Or(*(sympy.And(logic.expr(_atom(key, m)), p.expr) for m, p in flat)),
            description="",
        )
    for i, (mask, piece) in enumerate(reversed(chain)):
        if result is None and i == 0:
            result = piece  # the last piece needs no validity
            continue
        validity = condition._replace(logic.expr(_atom(key, mask)), description="")
        result = Threshold(
            parameter=piece.parameter,
            relation=piece.relation,
            bound=piece.bound,
            validity=validity,
            condition=condition,
            also=piece.also,
            rest=piece.rest,
            otherwise=result,
        )
    assert result is not None
    return result


# ---------------------------------------------------------------------------
# Regions
# ---------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Region:
    """A regime: the set of parameter points with one equilibrium structure.

    Attributes
    ----------
    index : int
        Position in :attr:`Regions.regions` (what :meth:`Regions.classify`
        returns); ``-1`` for boundary regions.
    label : str
        The caller's label if given, else :attr:`auto_label`.
    auto_label : str
        From the equilibrium structure: ``"(Preempt, Militarize)"``,
        ``"unique mixed"``, ``"(Wait, Wait), (Strike, Strike) + mixed"``;
        ``"boundary: c_R = l_R*p"`` for boundaries.
    condition : Condition
        Exact condition of the region (generic regions exclude the
        boundaries).
    equilibria : tuple
        The :class:`PureEquilibriumCondition` and
        :class:`MixedEquilibriumCondition` objects that hold in the region
        (symbolic profiles); empty for boundaries, where the game is
        degenerate or the regime changes (solve at the point instead).
    is_boundary : bool
    witness : dict or None
        An exact point (name -> rational) inside the region, or None when
        the region was not shown to be nonempty (its emptiness could not be
        proved either).
    separates : tuple of str
        For boundaries: auto labels of the regions met on either side
        (among the sampled points).
    """

    index: int
    label: str
    auto_label: str
    condition: Condition
    equilibria: tuple[Any, ...]
    is_boundary: bool = False
    witness: dict[str, sympy.Rational] | None = None
    separates: tuple[str, ...] = ()

    def contains(self, **values: Any) -> bool | None:
        """Whether the point is in the region (exact; None if undecided)."""
        return self.condition.holds(**values)

    def __str__(self) -> str:
        return f"{self.label}: {self.condition}"


def _auto_label(members: Sequence[Any], n_players: int) -> str:
    pure = [e.label for e in members if e.is_pure]
    n_mixed = sum(1 for e in members if not e.is_pure)
    if not members:
        return "no pure equilibrium" if n_players > 2 else "no equilibrium listed"
    if not pure:
        return "unique mixed" if n_mixed == 1 else f"{n_mixed} mixed"
    text = ", ".join(pure)
    if n_mixed:
        text += " + mixed" if n_mixed == 1 else f" + {n_mixed} mixed"
    return text


class _RegionLookup:
    """Region index of a sign pattern (picklable; caches its answers).

    A point belongs to the regime of its equilibrium set E unless it is on a
    tie knife-edge, or a separating polynomial vanishes there and moving off
    it to either side changes E.
    """

    def __init__(
        self,
        atoms: tuple[sympy.Expr, ...],
        trees: tuple[Tree, ...],
        tie_trees: tuple[Tree, ...],
        separating: tuple[int, ...],
        sides_of: Mapping[int, list[int]],
        set_index: Mapping[tuple[int, ...], int],
        has_sets: bool,
        fallback: int = -1,
    ):
        self.fallback = fallback  # region of equilibrium sets not seen (sampling-only mode)
        self.atoms = atoms
        self.trees = trees
        self.tie_trees = tie_trees
        self.separating = separating
        self.sides_of = dict(sides_of)
        self.set_index = dict(set_index)
        self.has_sets = has_sets
        self.cache: dict[tuple[int, ...], int] = {}

    def members(self, bits: Mapping[sympy.Expr, int]) -> tuple[int, ...]:
        return tuple(i for i, t in enumerate(self.trees) if _tree_eval(t, bits))

    def __call__(self, digits: tuple[int, ...]) -> int:
        out = self.cache.get(digits)
        if out is None:
            out = self._compute(digits)
            self.cache[digits] = out
        return out

    def _compute(self, digits: tuple[int, ...]) -> int:
        if not self.atoms:
            return 0 if self.has_sets else -1
        bits = dict(zip(self.atoms, map(_bit, digits), strict=True))
        if any(_tree_eval(t, bits) for t in self.tie_trees):
            return -1
        mem = self.members(bits)
        for k in self.separating:
            if digits[k] != 0:
                continue
            for side in self.sides_of[k]:
                moved = dict(bits)
                moved[self.atoms[k]] = side
                if self.members(moved) != mem:
                    return -1
        return self.set_index.get(mem, self.fallback)


_MAX_ENUMERATED_ATOMS = 12
_MAX_CELL_PROOFS = 200


@dataclass(frozen=True, eq=False)
class Regions:
    """A partition of the parameter space into regimes (which equilibria hold).

    Generic regions are disjoint and, with the boundaries, cover the domain.
    :meth:`classify` maps points to region indices (``-1`` on a boundary).
    Boundary regions may overlap where boundaries cross. Regions pickle (for
    process pools and Dask); caches are rebuilt on the other side.

    Attributes
    ----------
    game : NormalFormGame
        The game analysed (with the fixed parameters substituted).
    parameters : tuple of sympy.Symbol
        The parameters that vary (the arguments of :meth:`classify`).
    fixed : dict
        Values of the other parameters (name -> rational).
    regions : tuple of Region
    boundaries : tuple of Region
    conditions : EquilibriumConditions
    notes : tuple of str
    """

    game: Any
    parameters: tuple[sympy.Symbol, ...]
    fixed: dict[str, sympy.Rational]
    regions: tuple[Region, ...]
    boundaries: tuple[Region, ...]
    conditions: EquilibriumConditions
    notes: tuple[str, ...]
    _atoms: tuple[sympy.Expr, ...] = field(repr=False)
    _region_of: Callable[[tuple[int, ...]], int] = field(repr=False)
    _cache: dict = field(default_factory=dict, repr=False)

    def __iter__(self) -> Any:
        return iter(self.regions)

    def __len__(self) -> int:
        return len(self.regions)

    def __getitem__(self, key: int | str) -> Region:
        """A region by index or label (auto or custom)."""
        if isinstance(key, int | np.integer):
            return self.regions[key]
        for r in (*self.regions, *self.boundaries):
            if key in (r.label, r.auto_label):
                return r
        raise UnknownLabelError(f"no region {key!r}; regions: {[r.label for r in self.regions]}")

    @property
    def labels(self) -> tuple[str, ...]:
        """Labels of the generic regions, by index."""
        return tuple(r.label for r in self.regions)

    def _atom_function(self) -> _Compiled:
        cached = self._cache.get("atoms")
        if cached is None:
            cached = _Compiled(list(self._atoms), self.parameters, kind="tuple")
            self._cache["atoms"] = cached
        return cached

    def classify(self, *args: Any, tol: float = 0.0, **arrays: Any) -> np.ndarray:
        """Region index of each point, ``-1`` on boundaries (vectorised).

        Parameters
        ----------
        *args, **arrays
            Values of :attr:`parameters` (positionally or by name), arrays
            that broadcast together. Float arrays are evaluated in floating
            point; object arrays of Fractions exactly.
        tol : float, keyword-only, default 0
            Float values within ``tol`` of zero count as zero (boundary).

        Returns
        -------
        numpy.ndarray of int
            Shape of the broadcast input.

        Examples
        --------
        >>> from gametheory.analysis.conditions import _doctest_m1
        >>> M1, S = _doctest_m1()
        >>> R = regions(M1, ["p", "c_R"], assumptions="e_R > l_R")
        >>> R.labels
        ('(Accept, Militarize)', '(Preempt, Commercial)', '(Preempt, Militarize)', 'unique mixed')
        >>> idx = R.classify(p=[0.5, 0.5, 0.1, 0.5], c_R=[0.8, 0.05, 0.05, 0.1])
        >>> [R.labels[i] if i >= 0 else "boundary" for i in idx]
        ['(Accept, Militarize)', '(Preempt, Commercial)', '(Preempt, Militarize)', 'boundary']
        """
        if not self._atoms:
            given = [np.asarray(v) for v in (*args, *arrays.values())]
            shape = np.broadcast_shapes(*(a.shape for a in given)) if given else ()
            return np.full(shape, self._region_of(()), dtype=np.int64)
        vals = self._atom_function()(*args, **arrays)
        shape = vals[0].shape
        code = np.zeros(shape, dtype=np.int64)
        for k, v in enumerate(vals):
            if v.dtype == object:
                digit = np.asarray(v > 0, dtype=np.int64) - np.asarray(v < 0, dtype=np.int64)
            elif tol:
                digit = (v > tol).astype(np.int64) - (v < -tol)
            else:
                digit = np.sign(v).astype(np.int64)  # NaN -> 0 (boundary)
            code += (digit + 1) * (3**k)
        n = len(self._atoms)
        flat = code.ravel()
        if 3**n <= 1 << 20:  # dense lookup table, filled for the codes present
            lut = self._cache.setdefault("lut", np.full(3**n, -2, dtype=np.int64))
            present = np.flatnonzero(np.bincount(flat, minlength=3**n))
            for c in present[lut[present] == -2].tolist():
                lut[c] = self._region_of(tuple((c // 3**k) % 3 - 1 for k in range(n)))
            return lut[flat].reshape(shape)
        uniq, inverse = np.unique(flat, return_inverse=True)
        table = np.array(
            [self._region_of(tuple((c // 3**k) % 3 - 1 for k in range(n))) for c in uniq.tolist()],
            dtype=np.int64,
        )
        return table[inverse].reshape(shape)

    def locate(self, **values: Any) -> Region:
        """The region (or boundary region) containing a point, decided exactly."""
        missing = [s.name for s in self.parameters if s.name not in values]
        if missing:
            from ..errors import SymbolicGameError

            raise SymbolicGameError(f"no value for parameters {missing}")
        point: dict[str, Any] = {
            k: np.array([_exact_fraction(v, k)], dtype=object) for k, v in values.items()
        }
        idx = int(self.classify(**point)[0])
        if idx >= 0:
            return self.regions[idx]
        for b in self.boundaries:
            if b.contains(**values):
                return b
        raise AssertionError("point on no region and no boundary")  # pragma: no cover

    def __str__(self) -> str:
        lines = [f"Regions of {self.game!r} in {[s.name for s in self.parameters]}"]
        if self.fixed:
            lines.append("  fixed: " + ", ".join(f"{k}={v}" for k, v in self.fixed.items()))
        for r in self.regions:
            lines.append(f"  [{r.index}] {r.label}: {r.condition}")
        for b in self.boundaries:
            lines.append(f"  [boundary] {b.condition}")
        return "\n".join(lines)


def _exact_fraction(value: Any, name: str) -> Fraction:
    v = _exact_value(value, name)
    if not v.is_Rational:
        raise InvalidGameError(f"value of {name!r} must be rational for exact location, got {v}")
    return Fraction(int(v.p), int(v.q))


def regions(
    game: Any,
    parameters: Sequence[str | sympy.Symbol] | None = None,
    *,
    fixed: Mapping[str, Any] | None = None,
    labels: Mapping[str, str] | Callable[[Region], str] | None = None,
    assumptions: Any = None,
) -> Regions:
    """Partition the parameter space into regimes by which equilibria hold.

    Each candidate equilibrium (pure profiles; for 2 players also the mixed
    support pairs) has an exact condition (:func:`equilibrium_conditions`).
    Its relations are polynomials in the parameters; a *cell* is a sign
    pattern of these polynomials and fixes the set of equilibria. Cells are
    enumerated; a cell is kept if a sampled point shows it nonempty, or if
    its emptiness cannot be proved (then its region has no witness). Cells
    with the same equilibrium set form a region. Points where a tie between
    best responses occurs (knife-edges) or where a separating polynomial
    vanishes are boundaries: they get their own boundary regions and index
    ``-1``, never a neighbouring regime.

    Parameters
    ----------
    game : NormalFormGame
    parameters : sequence of str or Symbol, optional
        The parameters that vary; the others are fixed (to ``fixed`` values
        or the defaults of ``game.space``). Default: all parameters.
    fixed : mapping, keyword-only, optional
        Values of parameters that do not vary.
    labels : mapping or callable, keyword-only, optional
        Custom labels: a mapping from automatic labels (such as
        ``"(Preempt, Militarize)"``) to names, or a function of the
        :class:`Region`.
    assumptions : relation, str or sequence, keyword-only, optional
        Extra assumptions (see :func:`dominance_condition`).

    Returns
    -------
    Regions
        For a numeric game (no parameters) a single region whose condition
        is ``True``.

    Raises
    ------
    UnknownParameterError
        A parameter name the game does not have.
    NotImplementedError
        A game that is not in normal form, or too many support pairs.
    InvalidGameError
        Missing or out-of-bounds fixed values.

    Examples
    --------
    M1 (``scenario_spec.md`` section 4): in the (p, c_R) plane, four regimes.

    >>> from gametheory.analysis.conditions import _doctest_m1
    >>> M1, S = _doctest_m1()
    >>> R = regions(M1, ["p", "c_R"], assumptions="e_R > l_R",
    ...             labels={"unique mixed": "mixed (war risk)"})
    >>> for r in R:
    ...     print(r)
    (Accept, Militarize): c_R > p
    (Preempt, Commercial): (c_R < p/5) & (p > 1/4)
    (Preempt, Militarize): (c_R < p) & (p < 1/4)
    mixed (war risk): (c_R < p) & (c_R > p/5) & (p > 1/4)
    >>> R.locate(p="1/2", c_R="3/10").label
    'mixed (war risk)'
    >>> R.locate(p="1/2", c_R="1/10").label
    'boundary: c_R = p/5'
    """
    _check_game(game, "regions")
    all_params = {s.name: s for s in game.parameters}
    if parameters is None:
        varied = list(game.parameters)
    else:
        if isinstance(parameters, str | sympy.Symbol):
            parameters = [parameters]
        varied = []
        for p in parameters:
            name = p.name if isinstance(p, sympy.Symbol) else str(p)
            if name not in all_params:
                raise UnknownParameterError(
                    f"unknown parameter {name!r}; the game's parameters are {sorted(all_params)}"
                )
            if all_params[name] not in varied:
                varied.append(all_params[name])
    fixed_values: dict[str, sympy.Rational] = {}
    space = getattr(game, "space", None)
    given = dict(fixed or {})
    for name in given:
        if name not in all_params and (space is None or name not in space):
            raise UnknownParameterError(
                f"fixed value for unknown parameter {name!r}; parameters: {sorted(all_params)}"
            )
        if name in all_params and all_params[name] in varied:
            raise InvalidGameError(f"parameter {name!r} is both varied and fixed")
    for name, sym in all_params.items():
        if sym in varied:
            continue
        if name in given:
            value = given[name]
        elif space is not None and name in space and space[name].default is not None:
            value = space[name].default
        else:
            raise InvalidGameError(
                f"parameter {name!r} does not vary and has no value: pass fixed={{'{name}': ...}}"
            )
        fixed_values[name] = _exact_value(value, name)
    if space is not None and hasattr(space, "validate_values"):
        space.validate_values({k: v for k, v in fixed_values.items() if k in space})
    sub_game = game.at(**fixed_values) if fixed_values else game
    base_ctx = _context(game, assumptions)
    subs = {all_params[k]: v for k, v in fixed_values.items()}
    relations: list[Boolean] = []
    for rel in base_ctx.relations:
        r = rel.xreplace(subs)
        if isinstance(r, BooleanFalse):
            raise InvalidGameError(f"the fixed values {fixed_values} violate the assumption {rel}")
        if not isinstance(r, BooleanTrue):
            relations.append(r)
    ctx = _context(sub_game, relations)
    eqc = equilibrium_conditions(sub_game, assumptions=relations)
    logic = ctx.logic
    d = logic.d
    # .equilibria is (*pure, *mixed) without the pure ones that are never equilibria
    candidates = [e for e in eqc.equilibria if not e.condition.is_false]
    trees = [logic.tree(e.condition.expr) for e in candidates]
    ties = [k for k in eqc.knife_edges if k.kind == "tie"]
    tie_trees = [logic.tree(k.condition.expr) for k in ties]
    atom_set: dict[sympy.Expr, None] = {}
    for t in (*trees, *tie_trees):
        _tree_atoms(t, atom_set)
    atoms = tuple(atom_set)
    possible = [d.signs(a) for a in atoms]
    notes = list(eqc.notes)

    def members_of(bits: Mapping[sympy.Expr, int]) -> tuple[int, ...]:
        return tuple(i for i, t in enumerate(trees) if _tree_eval(t, bits))

    # -- sample the domain to find nonempty cells --------------------------------
    pts = d.samples(4096) if atoms else np.empty((0, len(d.symbols)))
    witnessed: dict[tuple[int, ...], np.ndarray] = {}
    if atoms and len(pts):
        signs = np.zeros((len(pts), len(atoms)), dtype=np.int64)
        ok = np.ones(len(pts), dtype=bool)
        for k, a in enumerate(atoms):
            v = d.evaluate(a, pts)
            scale = 1e-7 * np.maximum(1.0, np.abs(v))
            signs[:, k] = np.where(v > scale, 1, np.where(v < -scale, -1, 0))
            ok &= signs[:, k] != 0
        for row, pt in zip(signs[ok], pts[ok], strict=True):
            key = tuple(int(s) for s in row)
            if key not in witnessed:
                witnessed[key] = pt
    # exact witnesses (rational points near the float samples)
    exact_witness: dict[tuple[int, ...], dict[sympy.Symbol, sympy.Rational]] = {}
    for cell, pt in witnessed.items():
        point = {
            s: sympy.Rational(Fraction(float(x)).limit_denominator(10**6))
            for s, x in zip(d.symbols, pt, strict=True)
        }
        if (
            all(rel.xreplace(point) == sympy.true for rel in relations)
            and all(
                _bit(int(sympy.sign(a.xreplace(point)))) == _bit(s)
                for a, s in zip(atoms, cell, strict=True)
            )
            and all(
                (not sym.is_nonnegative or point[sym] >= 0)
                and (not sym.is_positive or point[sym] > 0)
                for sym in d.symbols
            )
        ):
            exact_witness[cell] = point
    # -- enumerate cells ---------------------------------------------------------------
    choices = [[s for s in (-1, 1) if possible[k] & _bit(s)] for k in range(len(atoms))]
    cells: dict[tuple[int, ...], tuple[int, ...]] = {}
    unproved: set[tuple[int, ...]] = set()
    if len(atoms) <= _MAX_ENUMERATED_ATOMS:
        known_sets = {
            members_of(dict(zip(atoms, map(_bit, c), strict=True))) for c in exact_witness
        }
        proofs = 0
        for cell in itertools.product(*choices):
            bits = dict(zip(atoms, map(_bit, cell), strict=True))
            if any(_tree_eval(t, bits) for t in tie_trees):
                continue
            mem = members_of(bits)
            if cell in exact_witness or mem in known_sets:
                cells[cell] = mem
                continue
            if proofs < _MAX_CELL_PROOFS:
                proofs += 1
                if d.feasible([(a, _bit(s)) for a, s in zip(atoms, cell, strict=True)]) is False:
                    continue
            cells[cell] = mem
            unproved.add(cell)
    else:
        notes.append(
            f"{len(atoms)} sign conditions: cells were found by sampling only; a regime missed "
            "by the samples falls in the region 'unclassified'"
        )
        for cell in witnessed:
            bits = dict(zip(atoms, map(_bit, cell), strict=True))
            if not any(_tree_eval(t, bits) for t in tie_trees):
                cells[cell] = members_of(bits)
    # -- regions by equilibrium set -----------------------------------------------------
    sets = sorted(set(cells.values()))
    if not atoms:
        sets = [members_of({})]
    set_index = {m: i for i, m in enumerate(sets)}
    # separating atoms: flipping (or zeroing) them changes the equilibrium set somewhere
    separating: list[int] = []
    for k in range(len(atoms)):
        if not possible[k] & ZERO:
            continue
        for cell, mem in cells.items():
            flipped = cell[:k] + (-cell[k],) + cell[k + 1 :]
            zero_bits = dict(zip(atoms, map(_bit, cell[:k] + (0,) + cell[k + 1 :]), strict=True))
            if (flipped in cells and cells[flipped] != mem) or members_of(zero_bits) != mem:
                separating.append(k)
                break
    sides_of = {k: [b for b in (NEG, POS) if possible[k] & b] for k in separating}

    cached_region_of = _RegionLookup(
        atoms, tuple(trees), tuple(tie_trees), tuple(separating), sides_of, set_index, bool(sets)
    )

    def formula(mem: tuple[int, ...]) -> Tree:
        return _and(
            *(trees[j] for j in mem),
            *(_not(trees[j]) for j in range(len(trees)) if j not in mem),
        )

    region_list: list[Region] = []
    region_trees: list[Tree] = []
    for i, mem in enumerate(sets):
        members = tuple(candidates[j] for j in mem)
        f = formula(mem)
        stable = []
        for k in separating:
            moved = [_restrict(f, atoms[k], side) for side in sides_of[k]]
            stable.append(_or(_atom(atoms[k], NEG | POS), _and(*moved)))
        tree = _and(f, *(_not(t) for t in tie_trees), *stable)
        region_trees.append(tree)
        auto = _auto_label(members, game.n_players)
        cond = ctx.condition(tree, f"regime {auto}")
        witness_cells = [c for c, m in cells.items() if m == mem and c in exact_witness]
        witness = None
        if witness_cells:
            witness = {s.name: v for s, v in exact_witness[witness_cells[0]].items()}
        region_list.append(Region(i, auto, auto, cond, members, False, witness))
    if len(atoms) > _MAX_ENUMERATED_ATOMS:
        rest = _and(*(_not(t) for t in region_trees), *(_not(t) for t in tie_trees))
        tree_rest = _and(rest, *(_atom(atoms[k], NEG | POS) for k in separating))
        cond = ctx.condition(tree_rest, "regime not seen in the samples")
        if not cond.is_false:
            cached_region_of.fallback = len(region_list)
            region_list.append(Region(len(region_list), "unclassified", "unclassified", cond, ()))
    # boundaries: ties, and zeros of separating polynomials outside every region
    boundary_list: list[Region] = []
    seen: set[Boolean] = set()
    outside = _and(*(_not(t) for t in region_trees))
    items: list[tuple[Tree, sympy.Expr | None, str | None]] = [
        (_and(_atom(atoms[k], ZERO), outside), atoms[k], None) for k in separating
    ]
    items += [(t, None, kn.description) for t, kn in zip(tie_trees, ties, strict=True)]
    for tree, atom_key, desc in items:
        cond = ctx.condition(tree, desc or "boundary between regimes")
        if cond.is_false or cond.expr in seen:
            continue
        seen.add(cond.expr)
        if atom_key is not None:
            rel = _pretty_relation(atom_key, ZERO)
            text = f"{sympy.sstr(rel.lhs)} = {sympy.sstr(rel.rhs)}"
        else:
            text = desc or str(cond)
        sides: set[str] = set()
        if atom_key is not None:
            k = atoms.index(atom_key)
            for cell, mem in cells.items():
                flipped = cell[:k] + (-cell[k],) + cell[k + 1 :]
                if flipped in cells and cells[flipped] != mem:
                    sides.add(region_list[set_index[mem]].auto_label)
        label = f"boundary: {text}"
        boundary_list.append(Region(-1, label, label, cond, (), True, None, tuple(sorted(sides))))
    boundary_trees = [logic.tree(b.condition.expr) for b in boundary_list]
    pruned = []
    for i in range(len(boundary_list)):
        inside_other = any(
            j != i
            and j not in pruned
            and logic.satisfiable(_and(boundary_trees[i], _not(boundary_trees[j]))) is False
            for j in range(len(boundary_list))
        )
        if inside_other:
            pruned.append(i)
    boundary_list = [b for i, b in enumerate(boundary_list) if i not in pruned]
    # custom labels
    if labels is not None:
        relabelled = []
        for r in region_list:
            new = labels(r) if callable(labels) else labels.get(r.auto_label, r.auto_label)
            relabelled.append(
                Region(
                    r.index,
                    str(new),
                    r.auto_label,
                    r.condition,
                    r.equilibria,
                    r.is_boundary,
                    r.witness,
                )
            )
        region_list = relabelled
    if unproved:
        notes.append(
            f"{len(unproved)} sign pattern(s) were neither sampled nor proved empty; regions "
            "without a witness may be empty"
        )
    atom_exprs = tuple(atoms)
    return Regions(
        game=sub_game,
        parameters=tuple(varied),
        fixed=fixed_values,
        regions=tuple(region_list),
        boundaries=tuple(boundary_list),
        conditions=eqc,
        notes=tuple(notes),
        _atoms=atom_exprs,
        _region_of=cached_region_of,
    )
