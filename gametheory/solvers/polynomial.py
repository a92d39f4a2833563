"""All isolated Nash equilibria of small N-player games (method ``enumpoly``).

A mixed profile :math:`\\sigma` with supports :math:`S_1, \\dots, S_N` is a
Nash equilibrium iff every strategy in :math:`S_i` earns player :math:`i` the
same payoff against :math:`\\sigma_{-i}`, no strategy outside :math:`S_i`
earns more, and :math:`\\sigma_i > 0` exactly on :math:`S_i`. For a fixed
support profile the equalities form a square system of polynomial equations
in the probabilities (multilinear: player :math:`i`'s equations are linear in
each other player's probabilities separately). The method enumerates support
profiles, skips those in which some support strategy is weakly dominated
(against the other supports, which all have positive probability), and solves
each remaining system exactly:

1. linear systems (at most two players mix, or more generally every
   equation has degree 1) are solved by exact Gaussian elimination;
   otherwise a degree-lexicographic Groebner basis (FLINT's Buchberger
   algorithm through python-flint; sympy if that hits its limits) decides
   whether the system has no solution, finitely many, or a
   positive-dimensional set of solutions;
2. for finitely many, multiplication matrices on the quotient ring give the
   minimal polynomial of a separating linear form :math:`t` and every
   coordinate as a polynomial in :math:`t` (a rational univariate
   representation; Rouillier 1999); the minimal polynomial is factored over
   the integers, so each solution is given by rational numbers or by
   polynomials in one real algebraic number :math:`\\alpha` (a root of an
   irreducible integer polynomial, isolated by Arb interval arithmetic).
   Should no separating form be found (a solution of multiplicity > 1),
   ``sympy.solve_poly_system`` takes over and signs are decided at 60 digits;
3. each real solution is kept when all its support probabilities are
   positive and no strategy outside the support pays more.

What is exact and what is tolerance-verified
--------------------------------------------
* The decisions of step 3 are exact (except in the sympy fallback of step
  2): signs of rational numbers are exact;
  the sign of an algebraic number :math:`r(\\alpha)` is read off an Arb ball
  that excludes 0 (precision is raised until it does), after an exact test of
  :math:`r(\\alpha) = 0` (remainder of :math:`r` modulo the irreducible
  polynomial of :math:`\\alpha`). No equilibrium is discarded because of a
  floating-point tolerance.
* Rational equilibria of exact games are returned as
  :class:`~fractions.Fraction` probabilities certified with regret exactly 0.
* Irrational equilibria are proved equilibria by step 3; they are returned as
  float profiles certified by :func:`~gametheory.equilibrium.certify` with its
  float tolerance, and their exact values (sympy algebraic numbers; radicals
  for quadratic ones) are available from :func:`algebraic_equilibria` and are
  quoted in :attr:`Solution.notes`.
* Float games are solved exactly as the binary rationals their payoffs are;
  the equilibria are returned as floats certified with the stated tolerance.

Completeness
------------
When every support system is finite (zero-dimensional), the list holds every
Nash equilibrium and ``complete == "all"``. A positive-dimensional support
system is never dropped. If its solution set is affine and the equilibrium
conditions on it are linear (always for two players), the equilibria on it
form a polytope whose vertices are computed exactly and listed, with one
``component`` id per connected group and a ``components`` entry (every
mixture of the vertices is an equilibrium; maximality is not claimed).
Otherwise the set is sliced at rational values of its free variables and the
equilibria found on the slices are listed as points of the continuum. The
notes describe each case; ``complete == "some"`` whenever an equilibrium
continuum exists or could not be excluded, and ``degenerate`` is then True.

For two-player games the polytope vertices over all supports are exactly the
extreme equilibria (the same set as ``enummixed``).

References: McKelvey and McLennan (1996); Datta (2003); F. Rouillier,
"Solving zero-dimensional systems through the rational univariate
representation", AAECC 9 (1999) 433-461.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import flint
import numpy as np
import sympy

from .._numbers import integer_scaled
from ..equilibrium import Equilibrium, Solution, certify

__all__ = ["AlgebraicEquilibrium", "algebraic_equilibria", "solve_enumpoly"]

#: (basis length, polynomial length, coefficient bits) limits of FLINT's Buchberger.
_GB_LIMITS = (500, 5000, 1 << 15)


# ---------------------------------------------------------------------- results
@dataclass(frozen=True, eq=False)
class AlgebraicEquilibrium:
    """An equilibrium found by ``enumpoly`` with its exact (possibly irrational) value.

    Attributes
    ----------
    profile : dict
        ``profile[player][strategy]`` as a sympy number: ``Rational`` for
        rational equilibria, else an algebraic number (radicals for quadratic
        ones, ``CRootOf`` expressions otherwise).
    equilibrium : Equilibrium
        The certified equilibrium as listed in the :class:`Solution`
        (Fractions when rational and the game is exact, floats otherwise).
    rational : bool
        True when every probability is rational.
    polynomial : sympy.Expr or None
        For irrational equilibria: the irreducible integer polynomial (in
        ``t``) whose real root generates every probability.
    """

    profile: dict[str, dict[str, sympy.Expr]]
    equilibrium: Equilibrium
    rational: bool
    polynomial: sympy.Expr | None = None


# ---------------------------------------------------------------------- exact numbers
@dataclass(frozen=True)
class _Point:
    """A solution of a support system: coordinates as polynomials in one algebraic number.

    ``minpoly`` is None for rational points (the coordinates are then constant
    polynomials); otherwise the coordinates are :class:`flint.fmpq_poly` in
    :math:`\\alpha`, a real root of the irreducible ``minpoly`` (index
    ``root`` among its real roots in increasing order, ``None`` until chosen).
    """

    minpoly: Any
    coords: tuple[Any, ...]
    root: int | None = None


def _real_roots(f: Any, prec: int) -> tuple[Any, ...]:
    """Arb balls of the real roots of an irreducible integer polynomial, increasing."""
    return _real_roots_cached(tuple(int(c) for c in f.coeffs()), prec)


@functools.lru_cache(maxsize=256)
def _real_roots_cached(coeffs: tuple[int, ...], prec: int) -> tuple[Any, ...]:
    with flint.ctx.workprec(prec):
        if len(coeffs) == 3:  # quadratic: the formula (sqrt(disc) >= 1 separates the roots)
            c, b, a = coeffs
            disc = b * b - 4 * a * c
            if disc < 0:
                return ()
            root = flint.arb(disc).sqrt()
            roots = [(-b - root) / (2 * a), (-b + root) / (2 * a)]
        else:
            # python-flint's stub says list[acb]; it returns (root, multiplicity) pairs
            pairs: list[tuple[Any, int]] = (
                flint.fmpz_poly(list(coeffs)).complex_roots()  # type: ignore[assignment]
            )
            roots = [r.real for r, _ in pairs if r.imag == 0]
    return tuple(sorted(roots, key=lambda b: float(b.mid())))


def _ball(value: Any, point: _Point, prec: int) -> Any:
    """Arb ball of an fmpq_poly value at the point's algebraic number."""
    assert point.root is not None, "irrational points get a root (_with_roots) before use"
    with flint.ctx.workprec(prec):
        alpha = _real_roots(point.minpoly, prec)[point.root]
        num = flint.arb_poly([flint.arb(c) for c in value.numer().coeffs()])
        return num(alpha) / flint.arb(value.denom())


def _sign(value: Any, point: _Point) -> int:
    """Exact sign of a value (an fmpq_poly in alpha, already reduced)."""
    if point.minpoly is None:
        c = value.coeffs()
        return 0 if not c else (1 if c[0] > 0 else -1)
    if value.is_zero():
        return 0  # exact: reduced modulo the irreducible polynomial of alpha
    prec = 64
    while True:
        ball = _ball(value, point, prec)
        if ball > 0:
            return 1
        if ball < 0:
            return -1
        prec *= 2  # r(alpha) != 0 is proved, so a fine enough ball excludes 0


def _float(value: Any, point: _Point) -> float:
    if point.minpoly is None:
        c = value.coeffs()
        return float(Fraction(int(c[0].p), int(c[0].q))) if c else 0.0
    return float(_ball(value, point, 128).mid())


def _fraction(value: Any) -> Fraction:
    c = value.coeffs()
    return Fraction(int(c[0].p), int(c[0].q)) if c else Fraction(0)


def _to_sympy(value: Any, point: _Point, alpha: sympy.Expr | None) -> sympy.Expr:
    if point.minpoly is None:
        f = _fraction(value)
        return sympy.Rational(f.numerator, f.denominator)
    assert alpha is not None, "alpha is given for irrational points"
    coeffs = [sympy.Rational(int(c.p), int(c.q)) for c in value.coeffs()]
    return sympy.expand(sum((c * alpha**k for k, c in enumerate(coeffs)), sympy.Integer(0)))


# ---------------------------------------------------------------------- polynomial algebra
def _ctx(nvars: int) -> Any:
    return flint.fmpz_mpoly_ctx.get(tuple(f"x{k}" for k in range(nvars)), "deglex")


def _leading(p: Any) -> tuple[int, ...]:
    return tuple(p.monoms()[0])


def _sympy_groebner(polys: Sequence[Any], ctx: Any) -> list[Any]:
    """Groebner basis by sympy (fallback when FLINT's naive Buchberger hits its limits)."""
    syms = sympy.symbols(ctx.names())
    exprs = [_mpoly_to_sympy(p, syms) for p in polys]
    gb = sympy.groebner(exprs, *syms, order="grlex")
    out = []
    for g in gb.exprs:
        poly = sympy.Poly(g, *syms)
        den = math.lcm(*(int(sympy.Rational(c).q) for c in poly.coeffs()))
        out.append(ctx.from_dict({m: int(c * den) for m, c in poly.terms()}))
    return out


def _mpoly_to_sympy(p: Any, syms: Sequence[sympy.Symbol]) -> sympy.Expr:
    return sympy.Add(*(
        sympy.Integer(int(c)) * sympy.Mul(*(s**e for s, e in zip(syms, m, strict=True)))
        for m, c in p.terms()
    ))


#: Largest number of unknowns for which sympy's (slow) Groebner basis is tried
#: when FLINT's naive Buchberger algorithm exceeds :data:`_GB_LIMITS`.
_SYMPY_GB_MAX_VARS = 3


class _TooLarge(Exception):
    """The Groebner basis exceeds the limits: the system is not solved."""


def _groebner(polys: Sequence[Any], ctx: Any) -> list[Any]:
    """Reduced degree-lexicographic Groebner basis (zero polynomials removed).

    Raises :class:`_TooLarge` when FLINT's naive Buchberger algorithm hits
    :data:`_GB_LIMITS` on a system with more than :data:`_SYMPY_GB_MAX_VARS`
    unknowns (e.g. the totally mixed support of a 2x2x2x2x2 game).
    """
    polys = [p for p in polys if not p.is_zero()]
    if not polys:
        return []
    # python-flint's stub says fmpz_mpoly_vec; it returns (basis, completed)
    vec = flint.fmpz_mpoly_vec(polys, ctx)
    result: tuple[Any, bool] = vec.buchberger_naive(limits=_GB_LIMITS)  # type: ignore[assignment]
    basis, ok = result
    if not ok:  # pragma: no cover - only for systems far beyond 3x3x2
        if ctx.nvars() > _SYMPY_GB_MAX_VARS:
            raise _TooLarge(f"Groebner basis beyond the limits {_GB_LIMITS}")
        return _sympy_groebner(polys, ctx)
    return [p for p in basis.autoreduction() if not p.is_zero()]


def _is_inconsistent(gb: Sequence[Any]) -> bool:
    return any(p.is_constant() and not p.is_zero() for p in gb)


def _independent(gb: Sequence[Any], nvars: int) -> tuple[int, ...] | None:
    """A largest set of variables independent modulo the ideal (None if inconsistent).

    Its size is the Krull dimension of the ideal: no leading monomial of the
    Groebner basis involves only these variables.
    """
    lms = [_leading(p) for p in gb]
    for size in range(nvars, -1, -1):
        for subset in itertools.combinations(range(nvars), size):
            inside = set(subset)
            if not any(all(e == 0 or k in inside for k, e in enumerate(lm)) for lm in lms):
                return subset
    return None


def _zero_dimensional(gb: Sequence[Any], nvars: int) -> bool:
    """True if every variable has a pure power among the leading monomials."""
    found = set()
    for p in gb:
        lm = _leading(p)
        nz = [k for k, e in enumerate(lm) if e]
        if len(nz) == 1:
            found.add(nz[0])
    return len(found) == nvars


def _linear_rows(polys: Sequence[Any], nvars: int) -> list[list[Fraction]]:
    """Augmented matrix ``[A | b]`` of linear polynomials ``A x - b``."""
    rows = []
    for p in polys:
        row = [Fraction(0)] * (nvars + 1)
        for m, c in p.terms():
            if any(m):
                row[m.index(1)] = Fraction(int(c))
            else:
                row[nvars] = -Fraction(int(c))
        rows.append(row)
    return rows


def _dimension(gb: Sequence[Any], nvars: int) -> int:
    """Krull dimension of the ideal from the leading monomials of a Groebner basis."""
    subset = _independent(gb, nvars)
    return -1 if subset is None else len(subset)


class _Fallback(Exception):
    """The exact solver cannot handle this system; use sympy."""


def _standard_monomials(gb: Sequence[Any], nvars: int) -> list[tuple[int, ...]]:
    """Monomials divisible by no leading monomial: a basis of the quotient ring (zero-dim)."""
    lms = [_leading(p) for p in gb]
    bounds = []
    for k in range(nvars):
        pure = [lm[k] for lm in lms if lm[k] and not any(e for j, e in enumerate(lm) if j != k)]
        bounds.append(min(pure))
    return [
        m for m in itertools.product(*(range(b) for b in bounds))
        if not any(all(a >= b for a, b in zip(m, lm, strict=True)) for lm in lms)
    ]


def _normal_forms(gb: Sequence[Any], basis: list[tuple[int, ...]]) -> Any:
    """A function mapping a monomial to its normal form, as ``{basis index: fmpq}``.

    Uses the reduced basis directly: a leading monomial equals minus the
    (standard) tail of its monic polynomial; any other monomial is a
    multiple of a leading monomial, replaced by the shifted tail, whose
    monomials are smaller, recursively.
    """
    index = {m: k for k, m in enumerate(basis)}
    reducers: list[tuple[tuple[int, ...], list[tuple[tuple[int, ...], Any]]]] = []
    for p in gb:
        terms = list(p.terms())
        lead = flint.fmpq(int(terms[0][1]))
        tail = [(tuple(m), -flint.fmpq(int(c)) / lead) for m, c in terms[1:]]
        reducers.append((tuple(terms[0][0]), tail))
    cache: dict[tuple[int, ...], dict[int, Any]] = {}

    def nf(mono: tuple[int, ...]) -> dict[int, Any]:
        hit = cache.get(mono)
        if hit is not None:
            return hit
        if mono in index:
            out = {index[mono]: flint.fmpq(1)}
        else:
            for lm, tail in reducers:  # noqa: B007 - the matching reducer is used below
                if all(a >= b for a, b in zip(mono, lm, strict=True)):
                    break
            else:  # pragma: no cover - a standard monomial is in the index
                raise AssertionError(f"monomial {mono} is neither standard nor reducible")
            shift = tuple(a - b for a, b in zip(mono, lm, strict=True))
            out = {}
            for m, c in tail:
                for k, v in nf(tuple(a + b for a, b in zip(m, shift, strict=True))).items():
                    out[k] = out.get(k, 0) + c * v
            out = {k: v for k, v in out.items() if v != 0}
        cache[mono] = out
        return out

    return nf


#: Linear forms tried as separating elements: x_last, then small integer combinations.
def _forms(nvars: int) -> list[list[int]]:
    last = [0] * (nvars - 1) + [1]
    out = [last]
    for seed in range(1, 6):
        out.append([(seed * (k + 1)) % 7 + 1 for k in range(nvars)])
    return out


def _solve_zero_dim(gb: Sequence[Any], nvars: int) -> list[_Point]:
    """All complex solutions of a zero-dimensional radical system.

    Multiplication matrices on the quotient ring (from a degree-lexicographic
    basis) give, for a separating linear form ``t``, the minimal polynomial
    of ``t`` and every coordinate as a polynomial in ``t`` (shape lemma; a
    rational univariate representation). Raises :class:`_Fallback` when no
    form tried separates the solutions (a solution of multiplicity > 1).
    """
    basis = _standard_monomials(gb, nvars)
    dim = len(basis)
    if dim == 0:
        return []
    nf = _normal_forms(gb, basis)
    mult: dict[int, Any] = {}

    def multiplication(k: int) -> Any:
        if k not in mult:
            mat = flint.fmpq_mat(dim, dim)
            for col, b in enumerate(basis):
                shifted = tuple(e + (1 if j == k else 0) for j, e in enumerate(b))
                for row, v in nf(shifted).items():
                    mat[row, col] = v
            mult[k] = mat
        return mult[k]

    def column(coords: dict[int, Any]) -> Any:
        col = flint.fmpq_mat(dim, 1)
        for row, v in coords.items():
            col[row, 0] = v
        return col

    one = column(nf((0,) * nvars))
    for form in _forms(nvars):
        mt = flint.fmpq_mat(dim, dim)
        for k, r in enumerate(form):
            if r:
                mt = mt + multiplication(k) * r
        minpoly = mt.minpoly()
        if minpoly.degree() == dim:
            break
    else:
        raise _Fallback("no separating linear form (a multiple solution)")
    # Krylov basis 1, t, t^2, ... of the quotient ring; coordinates in it
    cols = [one]
    for _ in range(dim - 1):
        cols.append(mt * cols[-1])
    krylov = flint.fmpq_mat(dim, dim)
    for j, c in enumerate(cols):
        for i in range(dim):
            krylov[i, j] = c[i, 0]
    coords = []
    for k in range(nvars):
        unit = tuple(int(j == k) for j in range(nvars))
        c = krylov.solve(column(nf(unit)))
        coords.append(flint.fmpq_poly([c[i, 0] for i in range(dim)]))
    num = minpoly * minpoly.denom()
    fz = flint.fmpz_poly([int(c) for c in num.coeffs()])
    points = []
    for f, _ in fz.factor()[1]:
        fq = flint.fmpq_poly(f)
        reduced = tuple(c % fq for c in coords)
        if f.degree() == 1:
            c0, c1 = (int(c) for c in f.coeffs())
            rq = flint.fmpq(-c0, c1)
            vals = tuple(flint.fmpq_poly([_eval_fmpq(c, rq)]) for c in reduced)
            points.append(_Point(None, vals))
        else:
            points.append(_Point(f, reduced))
    return points


def _eval_fmpq(p: Any, r: Any) -> Any:
    total = flint.fmpq(0)
    for c in reversed(p.coeffs()):
        total = total * r + c
    return total


# ---------------------------------------------------------------------- the game as integer data
def _object_ints(a: np.ndarray) -> np.ndarray:
    out = np.empty(a.shape, dtype=object)
    out.flat[:] = [int(v) for v in a.flat]
    return out


@functools.lru_cache(maxsize=4096)
def _basis_change(sizes: tuple[int, ...], supports: tuple[tuple[int, ...], ...],
                  as_object: bool) -> np.ndarray:
    """Matrix taking payoffs over all opponents' profiles to coefficients of monomials.

    For each opponent ``j`` (sizes ``sizes[j]``, support ``supports[j]``) the
    column of ``1`` is ``e_{S_j[0]}`` and the column of ``x_{j,k}`` is
    ``e_{S_j[k]} - e_{S_j[0]}`` (the first support strategy has probability
    ``1 - sum_k x_{j,k}``); the matrix is their Kronecker product, in the C
    order of the flattened opponents' axes. Shared by every game of the same shape.
    """
    out = np.ones((1, 1), dtype=np.int64)
    for K, S in zip(sizes, supports, strict=True):
        T = np.zeros((K, len(S)), dtype=np.int64)
        T[S[0], 0] = 1
        for k in range(1, len(S)):
            T[S[k], k] = 1
            T[S[0], k] = -1
        out = np.kron(out, T)
    return out.astype(object) if as_object else out


@functools.lru_cache(maxsize=256)
def _column_masks(others: tuple[int, ...]) -> list[list[int]]:
    """``masks[pos][k]``: bit mask of the opponents' profiles (C order) in which the
    opponent at position ``pos`` plays ``k`` (shared by every game of the same shape)."""
    n_cols = math.prod(others)
    coords = np.unravel_index(np.arange(n_cols), others) if others else ()
    return [
        _bitmasks(np.stack([coords[pos] == k for k in range(kj)])[None])[0]
        for pos, kj in enumerate(others)
    ]


def _bitmasks(flags: np.ndarray) -> list[list[int]]:
    """Python-int bit masks over the last axis of a 3-d boolean array (bit c = column c)."""
    packed = np.packbits(flags, axis=-1, bitorder="little")
    return [[int.from_bytes(row.tobytes(), "little") for row in block] for block in packed]


class _Problem:
    """Integer payoffs (each player's scaled by a positive constant) and cached pruning data."""

    def __init__(self, game: Any) -> None:
        game.numeric_check("method 'enumpoly'")
        self.game = game
        if game.is_exact:
            scaled = [integer_scaled(a) for a in game.payoffs]
        else:
            scaled = []
            for a in game.as_float_arrays():
                fr = np.empty(a.shape, dtype=object)
                fr.flat[:] = [Fraction(float(v)) for v in a.flat]
                scaled.append(integer_scaled(fr))
        self.shape = tuple(game.shape)
        self.n = len(self.shape)
        # W: int64 when every intermediate value of the system builder (differences of
        # differences along every axis: at most 2**n * max|U|) and of rational checks fits,
        # else Python ints; U (Python ints, for arithmetic with FLINT numbers) on demand
        bound = max(  # abs() in Python ints: np.abs(-2**63) overflows
            (max(abs(int(a.max())), abs(int(a.min()))) if a.dtype != object
             else max(abs(int(v)) for v in a.flat))
            for a in scaled
        )
        self.small = bound << (self.n + 2) < 1 << 62
        self.bound = bound
        self.W = tuple(
            a.astype(np.int64, copy=False) if self.small else _object_ints(a) for a in scaled
        )
        # bit masks over the opponents' pure profiles (columns), per player:
        # ge[t][s] / gt[t][s]: columns where t pays >= / > s; cols[j][k]: columns in which
        # the j-th opponent plays k
        self._rows: dict[tuple[Any, ...], np.ndarray] = {}
        self._dominated_cache: dict[tuple[Any, ...], int] = {}
        self._ge: list[list[list[int]]] = []
        self._gt: list[list[list[int]]] = []
        self._cols: list[list[list[int]]] = []
        # M[i]: player i's payoffs with its own axis first, opponents flattened in order
        self.M = tuple(
            U.transpose(i, *(j for j in range(self.n) if j != i)).reshape(self.shape[i], -1)
            for i, U in enumerate(self.W)
        )
        for i in range(self.n):
            R = self.M[i]
            ge = R[:, None, :] >= R[None, :, :]  # ge[t, s, c]: t pays >= s against column c
            gt = R[:, None, :] > R[None, :, :]
            self._ge.append(_bitmasks(ge))
            self._gt.append(_bitmasks(gt))
            self._cols.append(_column_masks(tuple(k for j, k in enumerate(self.shape) if j != i)))

    @functools.cached_property
    def U(self) -> tuple[np.ndarray, ...]:
        """Payoffs as object arrays of Python ints (exact, no overflow)."""
        return tuple(_object_ints(a) for a in self.W)

    def rows(self, i: int, support: tuple[tuple[int, ...], ...]) -> np.ndarray:
        """Player ``i``'s payoffs, every strategy (rows) against the opponents' supports.

        Columns are the opponents' support profiles in C order, after the
        change of basis ``1, x_{j,1}, ..., x_{j,|S_j|-1}`` on every opponent's
        axis (column of a profile = coefficient of its monomial). Cached: it
        depends on the opponents' supports only.
        """
        others = support[:i] + support[i + 1:]
        key = (i, others)
        hit = self._rows.get(key)
        if hit is not None:
            return hit
        rows = self.M[i] @ _basis_change(tuple(k for j, k in enumerate(self.shape) if j != i),
                                         others, self.M[i].dtype == object)
        self._rows[key] = rows
        return rows

    def _dominated(self, i: int, others: tuple[tuple[int, ...], ...]) -> int:
        """Bit mask of player ``i``'s strategies weakly dominated against ``others``.

        With every strategy of ``others`` played with positive probability, a
        weakly dominated strategy (never better, sometimes worse) earns
        strictly less than its dominator, so it cannot be in an equilibrium
        support together with these supports. Cached per ``(i, others)``.
        """
        key = (i, others)
        hit = self._dominated_cache.get(key)
        if hit is not None:
            return hit
        mask = -1
        for pos, Sj in enumerate(others):
            col = self._cols[i][pos]
            mask &= sum(col[k] for k in Sj)
        ge, gt = self._ge[i], self._gt[i]
        K = self.shape[i]
        out = 0
        for s in range(K):
            for t in range(K):
                if t != s and not (mask & ~ge[t][s]) and (mask & gt[t][s]):
                    out |= 1 << s
                    break
        self._dominated_cache[key] = out
        return out

    def pruned(self, support: tuple[tuple[int, ...], ...]) -> bool:
        """True if some support strategy is weakly dominated against the other supports."""
        cache = self._dominated_cache
        for i, S in enumerate(support):
            others = support[:i] + support[i + 1:]
            bad = cache.get((i, others))
            if bad is None:
                bad = self._dominated(i, others)
            if bad:
                for s in S:
                    if bad >> s & 1:
                        return True
        return False


@dataclass
class _System:
    """The indifference system of one support profile."""

    support: tuple[tuple[int, ...], ...]
    var_of: dict[tuple[int, int], int]
    nvars: int
    equations: list[Any] = field(default_factory=list)
    #: per player: (equality rows, deviation rows), exact integer coefficients over the
    #: opponents' pure profiles in the support (C order, after the change of basis)
    dense: list[tuple[np.ndarray, np.ndarray]] = field(default_factory=list)


def _variables(sizes: tuple[int, ...]) -> dict[tuple[int, int], int]:
    """Variable index of ``x_{j,k}`` (``k >= 1``: the first support strategy is eliminated)."""
    var_of: dict[tuple[int, int], int] = {}
    for j, size in enumerate(sizes):
        for k in range(1, size):
            var_of[(j, k)] = len(var_of)
    return var_of


@functools.lru_cache(maxsize=1024)
def _monomials(i: int, sizes: tuple[int, ...]) -> tuple[tuple[int, ...], ...]:
    """Exponent vector of each opponents' pure profile (C order) in player ``i``'s equations.

    After the change of basis ``1, x_{j,1}, ..., x_{j,|S_j|-1}`` on every
    opponent's axis, the profile ``(k_j)_{j != i}`` multiplies the monomial
    ``prod_{k_j >= 1} x_{j,k_j}``.
    """
    var_of = _variables(sizes)
    others = [j for j in range(len(sizes)) if j != i]
    out = []
    for idx in itertools.product(*(range(sizes[j]) for j in others)):
        exps = [0] * len(var_of)
        for j, k in zip(others, idx, strict=True):
            if k:
                exps[var_of[(j, k)]] = 1
        out.append(tuple(exps))
    return tuple(out)


def _build_system(problem: _Problem, support: tuple[tuple[int, ...], ...]) -> _System:
    var_of = _variables(tuple(len(S) for S in support))
    system = _System(support, var_of, len(var_of))
    for i, S in enumerate(support):
        rows = problem.rows(i, support)
        rel = rows - rows[S[0]]  # payoff of each strategy minus that of the first in S
        outside = [t for t in range(problem.shape[i]) if t not in S]
        system.dense.append((rel[list(S[1:])], rel[outside]))
    return system


def _equations(system: _System) -> list[Any]:
    """The indifference equations as FLINT polynomials (built on first use)."""
    if system.equations or not system.nvars:
        return system.equations
    ctx = _ctx(system.nvars)
    sizes = tuple(len(S) for S in system.support)
    for i, (equal, _) in enumerate(system.dense):
        if len(equal):
            monomials = _monomials(i, sizes)
            for diff in equal.tolist():
                system.equations.append(
                    ctx.from_dict({e: int(c) for e, c in zip(monomials, diff, strict=True) if c})
                )
    return system.equations


#: Smallest number of unknowns for which :func:`_excluded` runs before the exact solver
#: (below it, solving exactly is cheaper than the box search), unless four or more
#: players mix (equations of degree three or more).
_EXCLUDE_MIN_VARS = 5
#: Largest number of boxes examined by :func:`_excluded`, by number of unknowns.
_BOX_BUDGET = {4: 64, 5: 256, 6: 1024}
#: Relative margin that float evaluation errors cannot exceed (see :func:`_excluded`).
_MARGIN = 1e-9
#: Slack on the simplex constraints of :func:`_excluded` (box bounds are rounded floats).
_SIMPLEX_SLACK = 1e-12


def _excluded(problem: _Problem, system: _System) -> bool:
    """True if the support system provably has no equilibrium (branch and bound on boxes).

    The unknowns ``x_{j,k}`` (``k >= 1``) of an equilibrium with this support
    lie in the box ``[0, 1]^m`` with ``sum_k x_{j,k} < 1`` for every player.
    Every equation and every deviation gain ``u_i(t) - u_i(S_i[0])`` is
    multilinear (of degree at most 1 in each unknown), so its exact range on
    a box is spanned by its values at the box's vertices. A box is discarded
    when some equation is non-zero at all vertices with one sign, some
    deviation gain is positive at all vertices, or it misses the simplex
    constraint; boxes are bisected breadth-first along their widest side
    until none is left (proof: no equilibrium has this support) or the budget
    of :data:`_BOX_BUDGET` boxes is spent (no conclusion: the exact solver
    runs). Values are computed in floats; a sign counts only beyond
    ``_MARGIN`` times the sum of the absolute coefficients, far above the
    rounding error of these short sums of products of numbers in ``[0, 1]``.
    """
    m = system.nvars
    budget = _BOX_BUDGET.get(m, 4096)
    sizes = [len(S) for S in system.support]
    offsets = np.cumsum([0] + [k - 1 for k in sizes])
    bits = [  # the 2**(k-1) vertices of each player's box, as choices of lo/hi
        np.array(list(itertools.product((0, 1), repeat=k - 1)), dtype=bool).reshape(
            2 ** (k - 1), k - 1)
        for k in sizes
    ]
    dense = [(np.asarray(eq, dtype=float), np.asarray(dev, dtype=float))
             for eq, dev in system.dense]
    margins = [
        (_MARGIN * np.abs(eq).sum(axis=1), _MARGIN * np.abs(dev).sum(axis=1))
        for eq, dev in dense
    ]
    lo = np.zeros((1, m))
    hi = np.ones((1, m))
    seen = 0
    while len(lo):
        seen += len(lo)
        if seen > budget:
            return False
        B = len(lo)
        alive = np.ones(B, dtype=bool)
        # simplex constraints, and the upper bounds they imply
        for j, k in enumerate(sizes):
            if k < 2:
                continue
            a, b = offsets[j], offsets[j + 1]
            # (with slack for the rounding of the float box bounds: never drop a point)
            total = lo[:, a:b].sum(axis=1)
            alive &= total < 1 + _SIMPLEX_SLACK
            hi[:, a:b] = np.minimum(
                hi[:, a:b], 1 - (total[:, None] - lo[:, a:b]) + _SIMPLEX_SLACK)
        alive &= np.all(hi >= lo, axis=1)
        # vertex values: (1, x_{j,1}, ..., x_{j,k-1}) at each vertex, per player
        verts = []
        for j in range(len(sizes)):
            a, b = offsets[j], offsets[j + 1]
            coords = np.where(bits[j][None], hi[:, None, a:b], lo[:, None, a:b])
            verts.append(np.concatenate([np.ones((B, len(bits[j]), 1)), coords], axis=2))
        for i, (eq, dev) in enumerate(dense):
            K = np.ones((B, 1, 1))
            for j, V in enumerate(verts):
                if j != i:
                    K = (K[:, :, None, :, None] * V[:, None, :, None, :]).reshape(
                        B, K.shape[1] * V.shape[1], K.shape[2] * V.shape[2]
                    )
            eq_margin, dev_margin = margins[i]
            if len(eq):
                vals = K @ eq.T  # (boxes, vertices, equations)
                alive &= ~np.any(np.all(vals > eq_margin, axis=1)
                                 | np.all(vals < -eq_margin, axis=1), axis=1)
            if len(dev):
                vals = K @ dev.T
                alive &= ~np.any(np.all(vals > dev_margin, axis=1), axis=1)
        lo, hi = lo[alive], hi[alive]
        if not len(lo):
            return True
        # bisect every surviving box along its widest side
        widest = np.argmax(hi - lo, axis=1)
        mid = (lo[np.arange(len(lo)), widest] + hi[np.arange(len(lo)), widest]) / 2
        lo2, hi2 = lo.copy(), hi.copy()
        hi[np.arange(len(lo)), widest] = mid
        lo2[np.arange(len(lo)), widest] = mid
        lo, hi = np.concatenate([lo, lo2]), np.concatenate([hi, hi2])
    return True


def _poly_det(M: list[list[Any]]) -> Any:
    """Determinant of a small square matrix of integer polynomials (Laplace expansion)."""
    if len(M) == 1:
        return M[0][0]
    total = flint.fmpz_poly([])
    for c in range(len(M)):
        if M[0][c].is_zero():
            continue
        minor = [row[:c] + row[c + 1:] for row in M[1:]]
        term = M[0][c] * _poly_det(minor)
        total = total + term if c % 2 == 0 else total - term
    return total


def _cramer(rows: np.ndarray, k_other: int, z_axis: int) -> tuple[Any, list[Any]] | None:
    """Solve the linear system of one player's equations for the other linear player.

    ``rows`` (``k-1`` equations) are over the profiles of the two opponents
    (C order), one of which (``z_axis`` 0 or 1) has two support strategies
    and unknown ``z``; the other has ``k_other = k`` support strategies and
    unknowns ``y_1..y_{k-1}``. Each equation reads
    ``c(z) + sum_b A_b(z) y_b = 0`` with ``c, A_b`` of degree <= 1 in ``z``.
    Returns ``(det, numerators)`` with ``y_b = numerators[b] / det``
    (Cramer's rule in ``Z[z]``), or None for a matrix that is not square.
    """
    n = rows.shape[0]
    if n != k_other - 1:
        return None
    grid = rows.reshape(n, 2, k_other) if z_axis == 0 else rows.reshape(n, k_other, 2)
    if z_axis == 1:
        grid = grid.transpose(0, 2, 1)
    # grid[r, pi, beta]: coefficient of z^pi * m(beta)
    poly = [[flint.fmpz_poly([int(grid[r, 0, b]), int(grid[r, 1, b])]) for b in range(k_other)]
            for r in range(n)]
    A = [row[1:] for row in poly]
    rhs = [-row[0] for row in poly]
    det = _poly_det(A)
    nums = []
    for b in range(n):
        Ab = [row[:b] + [rhs[r]] + row[b + 1:] for r, row in enumerate(A)]
        nums.append(_poly_det(Ab))
    return det, nums


def _root_in_unit_interval(f: Any) -> bool:
    """True if the integer polynomial may have a real root in [0, 1] (rigorous: balls)."""
    if f.degree() <= 0:
        return f.is_zero()
    for g, _ in f.factor()[1]:
        for r in _real_roots(g, 64):
            if not (r < 0 or r > 1):
                return True
    return False


def _solve_parametric(system: _System) -> list[_Point] | None:
    """All solutions with ``z`` in (0, 1) of a support system of shape (k, k, 2).

    Exactly three players mix (the others' single strategies are constants).
    When one of them, ``p``, mixes two strategies (unknown ``z``) and the other
    two mix ``k`` each, each of those two players' equations is linear in the
    other's unknowns with coefficients of degree 1 in ``z``; Cramer's rule
    gives them as rational functions of ``z``, and player ``p``'s equation
    becomes one polynomial ``Q(z)`` (its numerator). If the two determinants
    have no root in [0, 1], every solution with ``z`` in (0, 1) is a root of
    ``Q`` with those coordinates, and vice versa. Where a determinant
    vanishes, the linear system has no solution when some Cramer numerator
    does not vanish; so roots of ``Q`` shared with a determinant are
    skipped, and the general solver is used (None is returned) only when the
    shape does not match, ``Q`` or a determinant vanishes identically, or a
    determinant and all its Cramer numerators may vanish together on [0, 1].
    """
    sizes = [len(S) for S in system.support]
    mixing = [i for i, k in enumerate(sizes) if k >= 2]  # players with one strategy are fixed
    if len(mixing) != 3:
        return None
    for p in mixing:
        a, b = (j for j in mixing if j != p)
        if sizes[p] == 2 and sizes[a] == sizes[b]:
            break
    else:
        return None
    k = sizes[a]
    # player a's equations are over (b, p) profiles, player b's over (a, p), in player order
    ya = _cramer(system.dense[a][0], k, 0 if p < b else 1)  # unknowns of b
    xb = _cramer(system.dense[b][0], k, 0 if p < a else 1)  # unknowns of a
    if ya is None or xb is None:
        return None
    Dy, Ny = ya
    Dx, Nx = xb
    if Dx.is_zero() or Dy.is_zero():
        return None
    # where a determinant vanishes the linear system has no solution unless every
    # Cramer numerator vanishes too (det * y_b = numerator_b for any solution)
    for det, nums in ((Dx, Nx), (Dy, Ny)):
        common = det
        for num in nums:
            common = common.gcd(num)
        if _root_in_unit_interval(common):
            return None
    # player p's equation over (a, b) profiles: sum D[alpha, beta] m_a(alpha) m_b(beta) = 0
    D = np.asarray(system.dense[p][0]).reshape(k, k)  # rows: a (lower index) then b
    if a > b:
        D = D.T
    X = [Dx, *Nx]  # Dx * m_a
    Y = [Dy, *Ny]
    Q = flint.fmpz_poly([])
    for al in range(k):
        for be in range(k):
            c = int(D[al, be])
            if c:
                Q = Q + c * X[al] * Y[be]
    if Q.is_zero():
        return None
    zvar = system.var_of[(p, 1)]
    points = []
    dets = Dx * Dy
    for f, _ in Q.factor()[1]:
        if f.degree() < 1 or f.gcd(dets).degree() != 0:
            # an irreducible factor sharing a root with a determinant divides it: at its
            # roots a linear system is singular and, by the test above, inconsistent
            continue
        fq = flint.fmpq_poly(f)
        if f.degree() == 1:
            c0, c1 = (int(c) for c in f.coeffs())
            z0 = flint.fmpq(-c0, c1)
            if not 0 < z0 < 1:
                continue
            dx, dy = _eval_fmpq(flint.fmpq_poly(Dx), z0), _eval_fmpq(flint.fmpq_poly(Dy), z0)
            coords: dict[int, Any] = {zvar: flint.fmpq_poly([z0])}
            for m in range(1, k):
                coords[system.var_of[(a, m)]] = flint.fmpq_poly(
                    [_eval_fmpq(flint.fmpq_poly(Nx[m - 1]), z0) / dx])
                coords[system.var_of[(b, m)]] = flint.fmpq_poly(
                    [_eval_fmpq(flint.fmpq_poly(Ny[m - 1]), z0) / dy])
            points.append(_Point(None, tuple(coords[v] for v in range(system.nvars))))
            continue
        inv = []
        for den in (Dx, Dy):
            g, _, t = fq.xgcd(flint.fmpq_poly(den))
            inv.append(t / g)  # den * t = g (a non-zero constant) modulo f
        alpha = flint.fmpq_poly([0, 1])
        coords = {zvar: alpha % fq}
        for m in range(1, k):
            coords[system.var_of[(a, m)]] = (flint.fmpq_poly(Nx[m - 1]) * inv[0]) % fq
            coords[system.var_of[(b, m)]] = (flint.fmpq_poly(Ny[m - 1]) * inv[1]) % fq
        points.append(_Point(f, tuple(coords[v] for v in range(system.nvars))))
    return points


# ---------------------------------------------------------------------- checking candidates
@dataclass
class _Candidate:
    support: tuple[tuple[int, ...], ...]
    point: _Point
    vectors: list[np.ndarray]  # fmpq_poly entries (constants when rational)
    tight: bool  # some strategy outside a support is also a best response


def _vectors(problem: _Problem, system: _System, point: _Point) -> list[np.ndarray]:
    mod = None if point.minpoly is None else flint.fmpq_poly(point.minpoly)
    vectors = []
    for i, S in enumerate(system.support):
        vec = np.empty(problem.shape[i], dtype=object)
        vec[:] = [flint.fmpq_poly([])] * problem.shape[i]
        rest = flint.fmpq_poly([1])
        for k in range(1, len(S)):
            x = point.coords[system.var_of[(i, k)]]
            vec[S[k]] = x
            rest = rest - x
        vec[S[0]] = rest if mod is None else rest % mod
        vectors.append(vec)
    return vectors


def _deviation_gains(problem: _Problem, vectors: Sequence[np.ndarray]) -> list[np.ndarray]:
    """``u_i(t, x_{-i})`` for every player ``i`` and strategy ``t`` (exact, unreduced)."""
    gains = []
    for i in range(problem.n):
        out = problem.U[i]
        for j in reversed(range(problem.n)):
            if j != i:
                out = np.tensordot(out, vectors[j], axes=([j], [0]))
        gains.append(out)
    return gains


def _pure_values(problem: _Problem, ints: Sequence[Sequence[int]], scale: int) -> list[Any]:
    """``u_i(t, x_{-i})`` times a positive constant, for integer vectors ``x`` (exact).

    ``scale`` bounds the product of the vectors' sums (their common
    denominators): int64 arithmetic is used when no partial sum can overflow.
    """
    small = problem.small and problem.bound * scale < 1 << 62
    dtype: Any = np.int64 if small else object
    vecs = [np.array(v, dtype=dtype) for v in ints]
    out = []
    for i, M in enumerate(problem.M):
        kron = np.ones(1, dtype=dtype)
        for j, v in enumerate(vecs):
            if j != i:
                kron = np.multiply.outer(kron, v).ravel()
        out.append((M if small else M.astype(object)) @ kron)
    return out


def _check_rational(
    problem: _Problem, system: _System, coords: Sequence[Fraction]
) -> _Candidate | None:
    """:func:`_check` for a rational point given as Fractions (the fast common case)."""
    vectors: list[list[Fraction]] = []
    for i, S in enumerate(system.support):
        vec = [Fraction(0)] * problem.shape[i]
        rest = Fraction(1)
        for k in range(1, len(S)):
            x = coords[system.var_of[(i, k)]]
            if x <= 0:
                return None
            vec[S[k]] = x
            rest -= x
        if rest <= 0:
            return None
        vec[S[0]] = rest
        vectors.append(vec)
    ints, dens = [], []
    for vec in vectors:
        den = math.lcm(*(f.denominator for f in vec))
        ints.append([f.numerator * (den // f.denominator) for f in vec])
        dens.append(den)
    values = _pure_values(problem, ints, math.prod(dens))
    tight = False
    for i, S in enumerate(system.support):
        base = values[i][S[0]]
        for t in range(problem.shape[i]):
            if t not in S:
                if values[i][t] > base:
                    return None
                tight = tight or values[i][t] == base
    point = _Point(None, tuple(flint.fmpq_poly([flint.fmpq(x.numerator, x.denominator)])
                               for x in coords))
    return _Candidate(system.support, point, _vectors(problem, system, point), tight)


def _solve_two_mixing(system: _System, a: int, b: int) -> list[Fraction] | None:
    """The unique solution when exactly players ``a`` and ``b`` mix, or None.

    Each one's equations are then linear in the other's unknowns only
    (``c + A y = 0``). None (use the general route: no solution, or a
    continuum) unless both systems are square and non-singular.
    """
    coords: list[Fraction] = [Fraction(0)] * system.nvars
    for owner, other in ((a, b), (b, a)):
        rows = system.dense[owner][0]
        k = len(system.support[other])
        if rows.shape[0] != k - 1:
            return None
        rows = rows.reshape(k - 1, k)
        A = flint.fmpz_mat([[int(v) for v in row[1:]] for row in rows])
        rhs = flint.fmpz_mat([[-int(row[0])] for row in rows])
        try:
            sol = A.solve(rhs)
        except ZeroDivisionError:
            return None
        for m in range(1, k):
            v = sol[m - 1, 0]
            coords[system.var_of[(other, m)]] = Fraction(int(v.p), int(v.q))
    return coords


def _check(problem: _Problem, system: _System, point: _Point) -> _Candidate | None:
    """The candidate if it is an equilibrium with exactly this support (exact decisions)."""
    if point.minpoly is None:
        return _check_rational(problem, system, [_fraction(c) for c in point.coords])
    mod = flint.fmpq_poly(point.minpoly)
    vectors = _vectors(problem, system, point)
    for i, S in enumerate(system.support):
        for s in S:
            if _sign(vectors[i][s], point) <= 0:
                return None
    tight = False
    values = _deviation_gains(problem, vectors)
    for i, S in enumerate(system.support):
        base = values[i][S[0]]
        for t in range(problem.shape[i]):
            if t in S:
                continue
            sign = _sign((values[i][t] - base) % mod, point)
            if sign > 0:
                return None
            tight = tight or sign == 0
    return _Candidate(system.support, point, vectors, tight)


def _with_roots(point: _Point) -> list[_Point]:
    if point.minpoly is None:
        return [point]
    n_real = len(_real_roots(point.minpoly, 64))
    return [_Point(point.minpoly, point.coords, r) for r in range(n_real)]


# ---------------------------------------------------------------------- sympy fallback
def _sympy_candidates(problem: _Problem, system: _System) -> list[tuple[list[list[Any]], bool]]:
    """Solutions by ``sympy.solve_poly_system`` (rare: a solution of multiplicity > 1).

    Signs are decided at 60 significant digits (mpmath); values within
    ``1e-40`` of 0 count as 0 (a documented fallback, never reached by
    generic games).
    """
    import mpmath

    syms = sympy.symbols(_ctx(system.nvars).names())
    exprs = [_mpoly_to_sympy(p, syms) for p in _equations(system) if not p.is_zero()]
    sols = sympy.solve_poly_system(exprs, *syms) or []
    out = []
    with mpmath.workdps(60):
        tiny = mpmath.mpf("1e-40")
        for sol in sols:
            nums = [sympy.N(v, 60) for v in sol]
            if any(abs(mpmath.mpf(str(sympy.im(v)))) > tiny for v in nums):
                continue
            reals = [mpmath.mpf(str(sympy.re(v))) for v in nums]
            exact: list[list[Any]] = []
            approx: list[list[Any]] = []
            for i, S in enumerate(system.support):
                vec: list[Any] = [sympy.Integer(0)] * problem.shape[i]
                num: list[Any] = [mpmath.mpf(0)] * problem.shape[i]
                for k in range(1, len(S)):
                    var = system.var_of[(i, k)]
                    vec[S[k]] = sol[var] if sol[var].is_Rational else sympy.re(sol[var])
                    num[S[k]] = reals[var]
                vec[S[0]] = 1 - sum(vec[S[k]] for k in range(1, len(S)))
                num[S[0]] = 1 - sum(num[S[k]] for k in range(1, len(S)))
                exact.append(vec)
                approx.append(num)
            if any(approx[i][s] <= tiny for i, S in enumerate(system.support) for s in S):
                continue
            ok, tight = True, False
            for i, S in enumerate(system.support):
                vals = problem.U[i]
                for j in reversed(range(problem.n)):
                    if j != i:
                        vals = np.tensordot(vals, np.array(approx[j], dtype=object), axes=([j], [0]))
                best = vals[S[0]]
                for t in range(problem.shape[i]):
                    if t not in S:
                        gap = vals[t] - best
                        ok = ok and gap <= tiny * (1 + abs(best))
                        tight = tight or abs(gap) <= tiny * (1 + abs(best))
            if ok:
                out.append((exact, tight))
    return out


# ---------------------------------------------------------------------- positive-dimensional sets
@dataclass
class _Continuum:
    """Equilibria on a support whose indifference system is positive-dimensional.

    ``kind``:

    ``"empty"``     proved: no equilibrium lies on it;
    ``"polytope"``  the solution set is affine and the equilibria on it (with
                    this support or a smaller one) form the convex polytope
                    with exact vertices ``points`` (one point if it is a point);
    ``"sample"``    nonlinear; ``candidates`` holds equilibria found on slices
                    of it (exact or algebraic), not all of them;
    ``"unknown"``   nonlinear and no equilibrium found on the slices tried.
    """

    support: tuple[tuple[int, ...], ...]
    dimension: int
    kind: str
    description: str
    points: list[list[list[Fraction]]] = field(default_factory=list)
    candidates: list[_Candidate] = field(default_factory=list)


def _solve_linear(rows: list[list[Fraction]], n: int) -> list[Fraction] | None:
    """Unique solution of a square system ``rows`` (augmented), or None if singular."""
    rref, pivots = _rref(rows, n)
    if len(pivots) < n or len(rref) > n:
        return None
    return [row[n] for row in rref]


def _rref(rows: list[list[Fraction]], ncols: int) -> tuple[list[list[Fraction]], list[int]]:
    """Reduced row echelon form of an augmented matrix (last column = constants).

    Returns the nonzero rows and the pivot columns; an inconsistent system
    keeps one row ``[0, ..., 0, b]`` with ``b != 0``.
    """
    rows = [r[:] for r in rows]
    pivots: list[int] = []
    r = 0
    for c in range(ncols):
        pr = next((k for k in range(r, len(rows)) if rows[k][c] != 0), None)
        if pr is None:
            continue
        rows[r], rows[pr] = rows[pr], rows[r]
        lead = rows[r][c]
        rows[r] = [v / lead for v in rows[r]]
        for k in range(len(rows)):
            if k != r and rows[k][c] != 0:
                factor = rows[k][c]
                rows[k] = [a - factor * b for a, b in zip(rows[k], rows[r], strict=True)]
        pivots.append(c)
        r += 1
    # keep one "0 = b" row (b != 0) if the system is inconsistent
    return rows[:r] + [row for row in rows[r:] if row[ncols] != 0][:1], pivots


def _qq(c: Any) -> Fraction:
    return Fraction(int(c.p), int(c.q))


#: Largest number of constraint subsets tried when enumerating polytope vertices.
_MAX_VERTEX_BASES = 20000


def _affine_analysis(
    problem: _Problem, system: _System, gb: Sequence[Any], dim: int
) -> _Continuum | None:
    """Exact analysis of a positive-dimensional support system whose solution set is affine.

    The solution set is parametrised by the free variables ``theta`` of the
    reduced row echelon form. Every point of it with all support
    probabilities ``>= 0`` and every deviation gain ``<= 0`` is an
    equilibrium (each support strategy is a best response). When these
    functions are affine in ``theta`` the set is a polytope; its vertices
    are enumerated exactly (every choice of ``dim`` tight constraints).
    Returns None when the problem is not affine.
    """
    nvars = system.nvars
    desc = _support_text(problem, system.support)
    if any(p.total_degree() > 1 for p in gb):
        return None
    rref, pivots = _rref(_linear_rows(gb, nvars), nvars)
    free = [k for k in range(nvars) if k not in pivots]
    nfree = len(free)
    tctx = flint.fmpq_mpoly_ctx.get(tuple(f"t{k}" for k in range(nfree)), "lex")
    thetas = tctx.gens()
    zero = tctx.from_dict({})

    def q(v: Fraction) -> Any:
        return flint.fmpq(v.numerator, v.denominator)

    var_poly: list[Any] = [None] * nvars
    for f_pos, k in enumerate(free):
        var_poly[k] = thetas[f_pos]
    for row, k in zip(rref, pivots, strict=True):
        var_poly[k] = q(row[nvars]) + sum(
            (-q(row[f]) * thetas[f_pos] for f_pos, f in enumerate(free)), zero
        )
    vectors = []
    for i, S in enumerate(system.support):
        vec = np.empty(problem.shape[i], dtype=object)
        vec[:] = [zero] * problem.shape[i]
        rest = zero + 1
        for k in range(1, len(S)):
            vec[S[k]] = var_poly[system.var_of[(i, k)]]
            rest = rest - vec[S[k]]
        vec[S[0]] = rest
        vectors.append(vec)
    constraints = [vectors[i][s] for i, S in enumerate(system.support) for s in S]  # >= 0
    for i, S in enumerate(system.support):
        out = problem.U[i]
        for j in reversed(range(problem.n)):
            if j != i:
                out = np.tensordot(out, vectors[j], axes=([j], [0]))
        constraints += [out[S[0]] - out[t] for t in range(problem.shape[i]) if t not in S]
    constraints = [zero + e for e in constraints]  # plain ints when nothing varies
    if any(e.total_degree() > 1 for e in constraints):
        return None
    affine = []  # (b, a): b + a.theta >= 0
    for e in constraints:
        b = Fraction(0)
        a = [Fraction(0)] * nfree
        for m, c in e.terms():
            if any(m):
                a[m.index(1)] = _qq(c)
            else:
                b = _qq(c)
        if any(a):
            affine.append((b, a))
        elif b < 0:
            return _Continuum(system.support, dim, "empty", desc)
    if math.comb(len(affine), nfree) > _MAX_VERTEX_BASES:  # pragma: no cover - huge supports
        return _Continuum(system.support, dim, "unknown", desc)
    vertices: list[tuple[Fraction, ...]] = []
    for basis in itertools.combinations(affine, nfree):
        theta = _solve_linear([[*a, -b] for b, a in basis], nfree)
        if theta is None or tuple(theta) in vertices:
            continue
        if all(b + sum((c * t for c, t in zip(a, theta, strict=True)), Fraction(0)) >= 0
               for b, a in affine):
            vertices.append(tuple(theta))
    if not vertices:
        return _Continuum(system.support, dim, "empty", desc)
    points = [
        [[_qq(e(*(q(t) for t in theta))) for e in vec] for vec in vectors] for theta in vertices
    ]
    return _Continuum(system.support, dim, "polytope", desc, points)


#: Values at which free variables are fixed to sample a nonlinear continuum.
_SLICES = tuple(Fraction(a, b) for b in (2, 3, 4, 5, 7) for a in range(1, b) if math.gcd(a, b) == 1)


def _sample_continuum(
    problem: _Problem, system: _System, gb: Sequence[Any], independent: tuple[int, ...]
) -> _Continuum:
    """Equilibria on a nonlinear positive-dimensional set, by slicing it at rational points.

    The independent variables are fixed at values from :data:`_SLICES`; each
    slice is a zero-dimensional system solved exactly, and its solutions are
    checked exactly like any candidate.
    """
    desc = _support_text(problem, system.support)
    dim = len(independent)
    nvars = system.nvars
    ctx = _ctx(nvars)
    found: list[_Candidate] = []
    for values in itertools.islice(itertools.product(_SLICES, repeat=dim), 40):
        extra = []
        for k, v in zip(independent, values, strict=True):
            exps = [0] * nvars
            exps[k] = 1
            extra.append(ctx.from_dict({tuple(exps): v.denominator, (0,) * nvars: -v.numerator}))
        try:
            sliced = _groebner([*gb, *extra], ctx)
        except _TooLarge:  # pragma: no cover - huge systems
            continue
        if _is_inconsistent(sliced) or _dimension(sliced, nvars) != 0:
            continue
        try:
            points = _solve_zero_dim(sliced, nvars)
        except _Fallback:  # pragma: no cover - degenerate slice
            continue
        for point in points:
            for rooted in _with_roots(point):
                cand = _check(problem, system, rooted)
                if cand is not None:
                    found.append(cand)
        if found:
            break
    kind = "sample" if found else "unknown"
    return _Continuum(system.support, dim, kind, desc, candidates=found)


def _support_text(problem: _Problem, support: tuple[tuple[int, ...], ...]) -> str:
    g = problem.game
    return "(" + "; ".join(
        f"{g.players[i]}: {{{', '.join(g.strategies[i][s] for s in S)}}}"
        for i, S in enumerate(support)
    ) + ")"


# ---------------------------------------------------------------------- one support
@dataclass
class _SupportResult:
    candidates: list[_Candidate] = field(default_factory=list)
    sympy_candidates: list[tuple[tuple[tuple[int, ...], ...], list[list[Any]], bool]] = field(
        default_factory=list
    )
    continuum: _Continuum | None = None
    too_large: bool = False


def _checked(problem: _Problem, system: _System, points: Sequence[_Point]) -> list[_Candidate]:
    """The equilibria among the real solutions (every real root of each point's polynomial)."""
    out = []
    for point in points:
        for rooted in _with_roots(point):
            cand = _check(problem, system, rooted)
            if cand is not None:
                out.append(cand)
    return out


def _solve_support(problem: _Problem, support: tuple[tuple[int, ...], ...]) -> _SupportResult:
    """Every equilibrium with exactly this support (or the positive-dimensional analysis)."""
    result = _SupportResult()
    system = _build_system(problem, support)
    if system.nvars == 0:
        cand = _check_rational(problem, system, ())
        if cand is not None:
            result.candidates.append(cand)
        return result
    mixing = [i for i, S in enumerate(support) if len(S) >= 2]
    if len(mixing) == 2:
        coords = _solve_two_mixing(system, *mixing)
        if coords is not None:
            cand = _check_rational(problem, system, coords)
            if cand is not None:
                result.candidates.append(cand)
            return result
    if len(mixing) >= 3:
        points = _solve_parametric(system)
        if points is not None:
            result.candidates += _checked(problem, system, points)
            return result
    equations = [p for p in _equations(system) if not p.is_zero()]
    linear = all(p.total_degree() <= 1 for p in equations)
    if linear:
        # linear system (at most two players mix, or ...): exact elimination
        rows = _linear_rows(equations, system.nvars)
        rref, pivots = _rref(rows, system.nvars)
        if any(not any(r[:-1]) and r[-1] != 0 for r in rref):
            return result
        if len(pivots) == system.nvars:
            consts = tuple(
                flint.fmpq_poly([flint.fmpq(r[-1].numerator, r[-1].denominator)]) for r in rref
            )
            cand = _check(problem, system, _Point(None, consts))
            if cand is not None:
                result.candidates.append(cand)
            return result
        dim = system.nvars - len(pivots)
        result.continuum = _affine_analysis(problem, system, equations, dim)
        return result
    if (system.nvars >= _EXCLUDE_MIN_VARS or len(mixing) >= 4) and _excluded(problem, system):
        return result
    ctx = _ctx(system.nvars)
    try:
        gb = _groebner(equations, ctx)
    except _TooLarge:
        result.too_large = True
        return result
    if _is_inconsistent(gb):
        return result
    if not _zero_dimensional(gb, system.nvars):
        independent = _independent(gb, system.nvars)
        assert independent is not None and independent
        result.continuum = _affine_analysis(problem, system, gb, len(independent)) or (
            _sample_continuum(problem, system, gb, independent)
        )
        return result
    try:
        points = _solve_zero_dim(gb, system.nvars)
    except _Fallback:
        for vectors, tight in _sympy_candidates(problem, system):
            result.sympy_candidates.append((support, vectors, tight))
        return result
    result.candidates += _checked(problem, system, points)
    return result


def _supports(k: int) -> list[tuple[int, ...]]:
    return [s for size in range(1, k + 1) for s in itertools.combinations(range(k), size)]


# ---------------------------------------------------------------------- driver
def _exact_candidate_vectors(cand: _Candidate) -> list[list[Fraction]]:
    return [[_fraction(v) for v in vec] for vec in cand.vectors]


def _algebraic_profile(
    game: Any, cand: _Candidate
) -> tuple[dict[str, dict[str, sympy.Expr]], sympy.Expr | None, list[list[float]]]:
    point = cand.point
    alpha = None
    poly = None
    if point.minpoly is not None:
        t = sympy.Symbol("t")
        coeffs = [int(c) for c in point.minpoly.coeffs()]
        poly = sympy.Add(*(c * t**k for k, c in enumerate(coeffs)))
        alpha = sympy.rootof(
            sympy.Poly(poly, t), point.root, radicals=point.minpoly.degree() <= 2
        )
    profile = {
        p: {
            s: _to_sympy(cand.vectors[i][k], point, alpha)
            for k, s in enumerate(game.strategies[i])
        }
        for i, p in enumerate(game.players)
    }
    floats = [[_float(v, point) for v in vec] for vec in cand.vectors]
    return profile, poly, floats


def _run(game: Any, tol: float | None) -> tuple[Solution, list[tuple[str, Any]]]:
    """Solve; return the Solution and, per equilibrium, the source of its exact value."""
    problem = _Problem(game)
    method = "enumpoly"
    found: list[Equilibrium] = []
    sources: list[tuple[str, Any]] = []  # ("rational", vectors) | ("algebraic", cand) | ...
    keys: dict[tuple, int] = {}
    notes: list[str] = []
    groups: list[tuple[int, ...]] = []  # convex sets of equilibria (polytope vertices)
    degenerate = False
    incomplete = False

    def add_exact(vectors: list[list[Fraction]]) -> int:
        key = tuple(tuple(v) for v in vectors)
        if key in keys:
            return keys[key]
        found.append(certify(game, vectors, method, tol=tol))
        sources.append(("rational", vectors))
        keys[key] = len(found) - 1
        return len(found) - 1

    def add_candidate(cand: _Candidate) -> int:
        if cand.point.minpoly is None:
            return add_exact(_exact_candidate_vectors(cand))
        point = cand.point
        assert point.root is not None, "irrational candidates come from _with_roots"
        key = (tuple(int(c) for c in point.minpoly.coeffs()), point.root,
               tuple(str(v) for vec in cand.vectors for v in vec))
        if key in keys:
            return keys[key]
        floats = [[_float(v, point) for v in vec] for vec in cand.vectors]
        eq = certify(game, floats, method, tol=tol)
        found.append(eq)
        sources.append(("algebraic", cand))
        keys[key] = k = len(found) - 1
        degree = point.minpoly.degree()
        if degree == 2:
            shown = {
                p: {s: _radical_text(cand.vectors[i][j], point)
                    for j, s in enumerate(game.strategies[i]) if not cand.vectors[i][j].is_zero()}
                for i, p in enumerate(game.players)
            }
            what = f"irrational probabilities {shown}"
        else:
            what = (
                f"irrational probabilities, polynomials in the real root number {point.root + 1} "
                f"of {_poly_text(point.minpoly)} (exact values: algebraic_equilibria)"
            )
        notes.append(
            f"equilibrium {k + 1} has {what}; it is proved an equilibrium exactly (interval "
            "arithmetic and exact algebraic zero tests) and listed as floats certified within "
            f"tolerance (regret {float(eq.regret):.1e})"
        )
        return k

    # pure profiles, exactly and vectorised
    mask = np.ones(problem.shape, dtype=bool)
    for i, U in enumerate(problem.W):
        mask &= np.equal(U, U.max(axis=i, keepdims=True)).astype(bool)
    for idx in np.argwhere(mask):
        add_exact([
            [Fraction(int(k == s)) for k in range(n)]
            for s, n in zip(idx, problem.shape, strict=True)
        ])
        for i, U in enumerate(problem.W):
            at: tuple[int | slice, ...] = (
                *(int(s) for s in idx[:i]), slice(None), *(int(s) for s in idx[i + 1:])
            )
            fiber = U[at]
            degenerate = degenerate or int(np.sum(fiber == fiber.max())) > 1
    for support in itertools.product(*(_supports(k) for k in problem.shape)):
        if all(len(S) == 1 for S in support) or problem.pruned(support):
            continue
        res = _solve_support(problem, support)
        for cand in res.candidates:
            degenerate = degenerate or cand.tight
            add_candidate(cand)
        for support_s, vectors, tight in res.sympy_candidates:
            degenerate = degenerate or tight
            if all(v.is_Rational for vec in vectors for v in vec):
                add_exact([[Fraction(int(v.p), int(v.q)) for v in vec] for vec in vectors])
                continue
            floats = [[float(sympy.N(v, 30)) for v in vec] for vec in vectors]
            found.append(certify(game, floats, method, tol=tol))
            sources.append(("sympy", vectors))
            notes.append(
                f"equilibrium {len(found)} (support {_support_text(problem, support_s)}) was "
                "solved by sympy.solve_poly_system and its signs decided at 60 significant digits"
            )
        if res.too_large:
            incomplete = True
            notes.append(
                f"support {_support_text(problem, support)}: the indifference system is too "
                "large for the exact solver (Groebner basis limits); equilibria with this "
                "support are not enumerated"
            )
        cont = res.continuum
        if cont is None:
            continue
        degenerate = True
        head = (
            f"support {cont.description}: the indifference equations have a "
            f"{cont.dimension}-dimensional solution set"
        )
        if cont.kind == "empty":
            notes.append(f"{head} containing no equilibrium (exact)")
        elif cont.kind == "polytope":
            members = tuple(sorted({add_exact(p) for p in cont.points}))
            if len(members) == 1:
                notes.append(f"{head}; its only equilibrium is equilibrium {members[0] + 1}")
            else:
                incomplete = True
                groups.append(members)
                notes.append(
                    f"{head}; on it the equilibria form the convex polytope with vertices "
                    f"{[m + 1 for m in members]}: every mixture of them is an equilibrium (exact)"
                )
        elif cont.kind == "sample":
            incomplete = True
            members = tuple(sorted({add_candidate(c) for c in cont.candidates}))
            groups.append(members)
            notes.append(
                f"{head} (nonlinear); equilibria {[m + 1 for m in members]} lie on it, "
                "found by slicing it at rational points; the continuum is not enumerated"
            )
        else:
            incomplete = True
            notes.append(
                f"{head} (nonlinear); no equilibrium was found on it by slicing, but its "
                "equilibria are not excluded"
            )
    # connected sets: union of the convex sets that share a vertex
    parent = list(range(len(found)))

    def root(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for members in groups:
        for m in members[1:]:
            parent[root(m)] = root(members[0])
    in_group = {m for members in groups for m in members}
    comp_of: dict[int, int] = {}
    for k, eq in enumerate(found):
        if k in in_group:
            comp = comp_of.setdefault(root(k), len(comp_of))
            profile = [list(v) if eq.exact else [float(x) for x in v] for v in eq.vectors]
            found[k] = certify(game, profile, method, component=comp, tol=tol)
    convex = [
        g for g in groups
        if len(g) > 1 and not any(set(g) < set(h) for h in groups)
    ]
    if incomplete:
        notes.append(
            "the list is not complete (complete='some'): some support systems are "
            "positive-dimensional (equilibria form continua) or were too large to solve"
        )
    equilibria = tuple(found)
    solution = Solution(
        game=game,
        method=method,
        equilibria=equilibria,
        exact=all(e.exact for e in equilibria),
        complete="some" if incomplete else "all",
        components=tuple(dict.fromkeys(convex)),
        degenerate=degenerate,
        notes=tuple(notes),
    )
    return solution, sources


@functools.lru_cache(maxsize=256)
def _split_square(disc: int) -> tuple[int, int]:
    """``(s, f)`` with ``disc = s**2 * f`` and ``f`` square-free."""
    square, free = 1, 1
    for prime, e in flint.fmpz(disc).factor():
        square *= int(prime) ** (e // 2)
        free *= int(prime) ** (e % 2)
    return square, free


def _radical_text(value: Any, point: _Point) -> str:
    """``value`` (degree <= 1 in a root of a quadratic) as ``p + q*sqrt(d)`` text."""
    c, b, a = (int(x) for x in point.minpoly.coeffs())
    square, free = _split_square(b * b - 4 * a * c)
    sign = 1 if point.root == 1 else -1  # real roots in increasing order
    coeffs = [_qq(x) for x in value.coeffs()] + [Fraction(0)] * 2
    p0, p1 = coeffs[0], coeffs[1]
    # alpha = (-b + sign*square*sqrt(free)) / (2a)
    rational = p0 - p1 * Fraction(b, 2 * a)
    irrational = p1 * Fraction(sign * square, 2 * a)
    if irrational == 0:
        return str(rational)
    op = "+" if irrational > 0 else "-"
    mag = abs(irrational)
    root = (f"{mag.numerator}*" if mag.numerator != 1 else "") + f"sqrt({free})"
    root += f"/{mag.denominator}" if mag.denominator != 1 else ""
    return f"{rational} {op} {root}" if rational else ("-" if irrational < 0 else "") + root


def _poly_text(f: Any) -> str:
    terms = []
    for k, c in reversed(list(enumerate(int(x) for x in f.coeffs()))):
        if c:
            terms.append(f"{c}" + ("" if k == 0 else "*t" if k == 1 else f"*t**{k}"))
    return " + ".join(terms).replace("+ -", "- ")


def _algebraic(game: Any, eq: Equilibrium, source: tuple[str, Any]) -> AlgebraicEquilibrium:
    kind, data = source

    def labelled(values: Sequence[Sequence[Any]]) -> dict[str, dict[str, Any]]:
        return {
            p: dict(zip(game.strategies[i], values[i], strict=True))
            for i, p in enumerate(game.players)
        }

    if kind == "rational":
        exact = [[sympy.Rational(v.numerator, v.denominator) for v in vec] for vec in data]
        return AlgebraicEquilibrium(labelled(exact), eq, True)
    if kind == "sympy":
        return AlgebraicEquilibrium(labelled(data), eq, False)
    profile, poly, _ = _algebraic_profile(game, data)
    return AlgebraicEquilibrium(profile, eq, False, poly)


def solve_enumpoly(game: Any, *, tol: float | None = None) -> Solution:
    """All isolated Nash equilibria of a small N-player game.

    Enumerates support profiles and solves each one's polynomial
    indifference system exactly (Groebner bases, factorisation over the
    integers, real root isolation); see the module docstring for what is
    exact and what is tolerance-verified.

    Parameters
    ----------
    game : NormalFormGame
        Numeric payoffs, any number of players. The work grows with the
        number of support profiles, :math:`\\prod_i (2^{n_i} - 1)`, and the
        degree of the systems: games up to about 3x3x3 are practical.
    tol : float, optional
        Tolerance used to certify float results (irrational equilibria and
        float games); default that of :func:`~gametheory.equilibrium.certify`.

    Returns
    -------
    Solution
        ``complete == "all"`` when every support system is finite: then the
        equilibria listed are all the equilibria of the game. Otherwise
        ``"some"``, with the continua described in ``notes`` (and exact end
        points of one-dimensional affine ones listed, with ``components``).

    Raises
    ------
    SymbolicGameError
        The game has free parameters.
    VerificationError
        A candidate failed certification (a bug, reported loudly).

    See Also
    --------
    algebraic_equilibria : the same equilibria with exact algebraic values.

    References
    ----------
    .. [1] R. D. McKelvey and A. McLennan, "Computation of equilibria in finite
       games", in Handbook of Computational Economics, vol. 1 (1996), ch. 2.
    .. [2] R. S. Datta, "Using computer algebra to find Nash equilibria",
       Proceedings of ISSAC 2003, 74-79.
    .. [3] T. L. Turocy, ``enumpoly`` in Gambit, https://www.gambit-project.org.
    .. [4] R. Nau, S. Gomez Canovas and P. Hansen, "On the geometry of Nash
       equilibria and correlated equilibria", International Journal of Game
       Theory 32 (2004) 443-453.

    Examples
    --------
    The three-player game of Nau et al. (2004, section 4) has one equilibrium,
    in irrational probabilities:

    >>> from gametheory import NormalFormGame
    >>> u = [[[[3, 0, 2], [1, 0, 0]], [[0, 2, 0], [0, 1, 0]]],
    ...      [[[0, 1, 0], [0, 3, 0]], [[1, 0, 0], [2, 0, 3]]]]
    >>> sol = solve_enumpoly(NormalFormGame.from_profiles(u))
    >>> len(sol), sol.complete, sol.exact
    (1, 'all', False)
    >>> round(sol[0].profile["1"]["1"], 6)
    0.619233
    """
    solution, _ = _run(game, tol)
    return solution


def algebraic_equilibria(game: Any, *, tol: float | None = None) -> tuple[AlgebraicEquilibrium, ...]:
    """The equilibria of :func:`solve_enumpoly` with exact (algebraic) probabilities.

    Parameters
    ----------
    game : NormalFormGame
        As for :func:`solve_enumpoly`.
    tol : float, optional
        As for :func:`solve_enumpoly`.

    Returns
    -------
    tuple of AlgebraicEquilibrium
        In the order of ``solve_enumpoly(game).equilibria``.

    Examples
    --------
    >>> from gametheory import NormalFormGame
    >>> u = [[[[3, 0, 2], [1, 0, 0]], [[0, 2, 0], [0, 1, 0]]],
    ...      [[[0, 1, 0], [0, 3, 0]], [[1, 0, 0], [2, 0, 3]]]]
    >>> (eq,) = algebraic_equilibria(NormalFormGame.from_profiles(u))
    >>> eq.rational, eq.profile["1"]["1"], eq.polynomial
    (False, 53/46 - sqrt(601)/46, 23*t**2 + 7*t - 6)
    """
    solution, sources = _run(game, tol)
    return tuple(
        _algebraic(game, eq, src) for eq, src in zip(solution.equilibria, sources, strict=True)
    )


def _support_equilibria(
    game: Any, support: Sequence[Iterable[int]]
) -> tuple[list[list[list[Any]]], list[list[list[Fraction]]]]:
    """Equilibria with exactly the given support (used by the logit method).

    Returns the isolated ones (Fractions; floats rounded from the exact
    algebraic value when irrational) and, separately, the exact points found
    on a positive-dimensional set of equilibria (polytope vertices, slices).
    """
    problem = _Problem(game)
    sup = tuple(tuple(sorted(s)) for s in support)
    if problem.pruned(sup):
        return [], []
    res = _solve_support(problem, sup)
    isolated: list[list[list[Any]]] = [
        _exact_candidate_vectors(c) if c.point.minpoly is None
        else [[_float(v, c.point) for v in vec] for vec in c.vectors]  # irrational: floats
        for c in res.candidates
    ]
    continuum: list[list[list[Fraction]]] = []
    if res.continuum is not None:
        continuum += res.continuum.points
        continuum += [
            _exact_candidate_vectors(c) for c in res.continuum.candidates
            if c.point.minpoly is None
        ]
    return isolated, continuum
