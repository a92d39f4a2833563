"""All extreme Nash equilibria of a two-player game by exact vertex enumeration.

Let player 1 have payoff matrix :math:`A` and player 2 payoff matrix
:math:`B`, both :math:`m \\times n`, shifted so that every entry is positive
(adding a constant to a player's payoffs does not change best responses). The
*best-response polytopes* are

.. math::

    P = \\{x \\in \\mathbb{R}^m : x \\ge 0,\\ B^\\top x \\le 1\\}, \\qquad
    Q = \\{y \\in \\mathbb{R}^n : y \\ge 0,\\ A y \\le 1\\}.

A point of :math:`P` has *label* :math:`i` when :math:`x_i = 0` and label
:math:`m + j` when :math:`(B^\\top x)_j = 1` (column :math:`j` is a best
response to :math:`x`); a point of :math:`Q` has label :math:`m + j` when
:math:`y_j = 0` and label :math:`i` when :math:`(A y)_i = 1`. A pair
:math:`(x, y) \\ne (0, 0)` is *completely labelled* when every label
:math:`0, \\dots, m + n - 1` appears at :math:`x` or at :math:`y`, and then
:math:`(x / \\sum x, y / \\sum y)` is a Nash equilibrium; the extreme
equilibria are exactly the completely labelled pairs of vertices
(Mangasarian 1964; von Stengel 2007, Section 3.3).

Algorithm
---------
The vertices of each polytope are enumerated by a depth-first search over
its lexicographically feasible bases, in exact integer arithmetic:

* Each polytope :math:`\\{z \\ge 0 : M z \\le 1\\}` gets one slack variable
  per inequality; the slack basis is the origin. Tableaux are kept as
  integers with a common positive denominator (the basis determinant) and
  updated by fraction-free integer pivoting (Edmonds 1967; von Stengel 2007,
  Section 3.5), so no rounding ever happens and no rational needs a gcd.
* The leaving variable of a pivot is chosen by the lexicographic minimum
  ratio rule (ties in the ratio broken by the rows of the basis inverse).
  The lexicographically feasible bases are the vertices of a simple
  polytope obtained by an infinitesimal perturbation of the right-hand
  side; its graph is connected, and every vertex of the original polytope
  is the limit of a perturbed one. A search from the origin that follows
  every pivot therefore reaches every vertex, degenerate ones included
  (each degenerate vertex is reached through one or more of its bases).
* Ratio tests first compare floats of the exact integers: each float is the
  integer rounded once, so a ratio more than a relative :math:`10^{-12}`
  above the smallest is provably not the minimum (Hadamard's bound keeps
  every entry far from overflow, or the float filter is not used). Rows
  that survive the filter together, near-ties and exact ties, are compared
  exactly. Floats only ever skip comparisons whose outcome they prove.
* A vertex's labels are its nonbasic variables plus its basic variables
  at zero. A vertex with more labels than the dimension makes the game
  degenerate, and conversely (von Stengel 2007, Section 3.6).
* Labels are bitmasks. A nondegenerate x-vertex with label set :math:`L`
  can only pair with the y-vertex whose label set is exactly the
  complement of :math:`L`, found by a dictionary lookup; pairs involving a
  degenerate vertex are found by vectorised numpy subset tests.

Extreme equilibria linked by sharing an x- or y-vertex form a bipartite
graph; its maximal bicliques are the *maximal Nash subsets* (convex sets of
equilibria) and its connected components the components of the equilibrium
set (Avis, Rosenberg, Savani and von Stengel 2010).
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import numpy as np

from ..equilibrium import Solution, certify
from ._common import exact_integer_payoffs, require_players
from ._components import nash_components

__all__ = ["solve_enummixed"]

#: Above this many labels, bitmasks do not fit in int64 and numpy works on Python ints.
_INT64_LABELS = 62
#: Elements per chunk of the vectorised label test (bounds memory).
_CHUNK = 1 << 20
#: Float ratio tests are used only when every tableau entry is provably below 10**this.
_FLOAT_SAFE_DIGITS = 150
#: Relative margin of the float ratio filter (rounding error is below 4 * 2**-53).
_NEAR = 1 + 1e-12


def _integer_payoffs(game: Any) -> tuple[list[list[int]], list[list[int]]]:
    """Each player's payoffs as positive integers with the same best responses.

    Exact games are scaled to integers by :func:`exact_integer_payoffs`. Float
    payoffs are read exactly as the binary rationals they are and scaled the
    same way. Each player's matrix is then shifted to a minimum of 1.
    """
    if game.is_exact:
        arrays = exact_integer_payoffs(game)
        ints = [[[int(v) for v in row] for row in a.tolist()] for a in arrays]
    else:
        ints = []
        for a in game.as_float_arrays():
            fracs = [Fraction(float(v)) for v in a.flat]
            lcm = math.lcm(*(f.denominator for f in fracs))
            flat = [int(f * lcm) for f in fracs]
            n = a.shape[1]
            ints.append([flat[k : k + n] for k in range(0, len(flat), n)])
    out = []
    for mat in ints:
        low = min(min(row) for row in mat)
        out.append([[v - low + 1 for v in row] for row in mat])
    return out[0], out[1]


def _lex_smaller(
    r: int,
    s: int,
    ar: int,
    as_: int,
    cols: Any,
    basis: list[int],
    nonbasic: list[int],
    denom: int,
    d: int,
    rows: int,
) -> bool:
    """Whether row ``r`` beats row ``s`` in the lexicographic ratio test.

    Called on a tie of the ratios ``rhs / a``; compares the rows of the basis
    inverse (the columns of the slack variables ``d .. d + rows - 1``), each
    divided by the row's pivot-column entry ``ar`` or ``as_`` (both > 0).
    """
    position = {var: c for c, var in enumerate(nonbasic)}
    for var in range(d, d + rows):
        c = position.get(var)
        if c is None:  # basic: its column is denom * unit vector
            q = basis.index(var)
            vr = denom if q == r else 0
            vs = denom if q == s else 0
        else:
            vr = cols[c][r]
            vs = cols[c][s]
        left = vr * as_
        right = vs * ar
        if left != right:
            return left < right
    raise AssertionError("rows of a basis inverse cannot be equal")  # pragma: no cover


def _exact_leaving(
    c: int,
    candidates: Any,
    T: np.ndarray,
    basis: list[int],
    nonbasic: list[int],
    denom: int,
    d: int,
) -> int:
    """Row of the lexicographic minimum ratio in column ``c``, among ``candidates``, exactly."""
    col = T[c]
    rhs = T[d]
    rows = len(rhs)
    best = -1
    ba = bb = 0
    for r in candidates:
        a = col[r]
        if a > 0:
            b = rhs[r]
            if best < 0:
                best, ba, bb = r, a, b
                continue
            left = b * ba
            right = bb * a
            if left < right or (
                left == right and _lex_smaller(r, best, a, ba, T, basis, nonbasic, denom, d, rows)
            ):
                best, ba, bb = r, a, b
    if best < 0:  # pragma: no cover - positive M makes the polytope bounded
        raise AssertionError("unbounded best-response polytope")
    return int(best)


def _vertices(M: list[list[int]], d: int) -> dict[int, list[int]]:
    """Every vertex of ``{z in R^d : z >= 0, M z <= 1}`` for a positive integer matrix ``M``.

    Returns a dict from label mask to coordinates. Bit ``k < d`` of a mask
    means ``z_k = 0``; bit ``d + i`` means row ``i`` of ``M z <= 1`` is tight.
    The coordinates are integers proportional to ``z`` (a common positive
    denominator is dropped), which is all that normalising needs.

    The tableau is an object array of Python integers, ``T[k]`` the column of
    the ``k``-th nonbasic variable and ``T[d]`` the right-hand side, scaled by
    the positive common denominator ``denom``. The ratio test is first run in
    floating point on the *exact* integers rounded once: every float ratio is
    within a relative ``4 * 2**-53`` of the exact one, so a row whose float
    ratio exceeds the smallest by a relative ``1e-12`` is provably not the
    minimum. Only when two or more rows survive that filter (near-ties and
    exact ties, as at degenerate vertices) is the choice made exactly, by
    cross-multiplication and then the lexicographic rule.
    """
    rows = len(M)
    n_vars = d + rows
    all_vars = (1 << n_vars) - 1
    T0 = np.empty((d + 1, rows), dtype=object)
    for c in range(d):
        T0[c] = [int(M[i][c]) for i in range(rows)]
    T0[d] = [1] * rows
    basis0 = list(range(d, n_vars))
    bmask0 = all_vars ^ ((1 << d) - 1)
    seen = {bmask0}
    stack: list[tuple[list[int], list[int], np.ndarray, int, int, int]] = [
        (basis0, list(range(d)), T0, 1, bmask0, -1)
    ]
    verts: dict[int, list[int]] = {}
    everything = range(rows)
    # Every tableau entry is a subdeterminant of [M | I | 1] (times the sign), so
    # Hadamard's bound caps them all; float ratio tests need them far from overflow.
    # (log10 of column norms, computed on Python integers so nothing overflows)
    log_norms = sorted(
        (0.5 * math.log10(sum(M[i][c] ** 2 for i in range(rows))) for c in range(d)),
        reverse=True,
    )
    log_bound = sum(log_norms[:rows]) + 0.5 * math.log10(rows)
    floats = rows > 1 and log_bound < _FLOAT_SAFE_DIGITS
    while stack:
        basis, nonbasic, T, denom, bmask, skip = stack.pop()
        rhs = T[d]
        F = T.astype(np.float64) if floats else None
        labels = all_vars ^ bmask
        for r in range(rows):
            if not rhs[r]:
                labels |= 1 << basis[r]
        if labels not in verts:
            z = [0] * d
            for r, var in enumerate(basis):
                if var < d:
                    z[var] = rhs[r]
            verts[labels] = z
        if F is not None:
            A = F[:d]
            R = np.divide(F[d], A, out=np.full_like(A, np.inf), where=A > 0)
            lowest = R.argmin(axis=1).tolist()
            two = np.partition(R, 1, axis=1)
            unique = (two[:, 1] > two[:, 0] * _NEAR).tolist()
        for c in range(d):
            if c == skip:  # entering the variable that just left leads back
                continue
            if F is None:
                best = _exact_leaving(c, everything, T, basis, nonbasic, denom, d)
            elif unique[c]:
                best = lowest[c]
            else:
                limit = two[c, 0] * _NEAR
                near = [r for r in range(rows) if R[c, r] <= limit]
                best = _exact_leaving(c, near, T, basis, nonbasic, denom, d)
            entering = nonbasic[c]
            leaving = basis[best]
            new_mask = bmask ^ (1 << leaving) ^ (1 << entering)
            if new_mask in seen:
                continue
            seen.add(new_mask)
            # fraction-free pivot on (row best, column c): T' = (T p - t_r (x) t_c) / denom,
            # the pivot row unchanged, and the leaving variable's column in place of c
            col = T[c]
            p = col[best]
            pivot_row = T[:, best].copy()
            N = (T * p - np.multiply.outer(pivot_row, col)) // denom
            N[:, best] = pivot_row
            N[c] = -col
            N[c, best] = denom
            new_basis = basis.copy()
            new_basis[best] = entering
            new_nonbasic = nonbasic.copy()
            new_nonbasic[c] = leaving
            stack.append((new_basis, new_nonbasic, N, p, new_mask, c))
    return verts


def _superset_pairs(
    needs: list[int], masks: np.ndarray, ids: list[int]
) -> list[tuple[int, int]]:
    """Pairs ``(k, t)`` with ``masks[t] & needs[k] == needs[k]``, vectorised in chunks."""
    if not needs or not len(masks):
        return []
    need = np.array(needs, dtype=masks.dtype)
    step = max(1, _CHUNK // len(masks))
    out: list[tuple[int, int]] = []
    for start in range(0, len(need), step):
        block = need[start : start + step, None]
        ks, ts = np.nonzero((masks[None, :] & block) == block)
        out.extend(zip((ids[start + int(k)] for k in ks), (int(t) for t in ts), strict=True))
    return out


def _extreme_pairs(
    A: list[list[int]], B: list[list[int]]
) -> tuple[list[list[int]], list[list[int]], list[tuple[int, int]], bool]:
    """x-vertices, y-vertices and the completely labelled pairs (as index pairs)."""
    m, n = len(A), len(A[0])
    full = (1 << (m + n)) - 1
    # P: variables x_i (label i) and slacks of the columns (label m + j): masks are labels
    p_verts = _vertices([[B[i][j] for i in range(m)] for j in range(n)], m)
    # Q: variables y_j (label m + j) and slacks of the rows (label i)
    low = (1 << n) - 1
    q_verts = {
        ((mask & low) << m) | (mask >> n): z for mask, z in _vertices(A, n).items()
    }
    degenerate = any(k.bit_count() > m for k in p_verts) or any(
        k.bit_count() > n for k in q_verts
    )
    p_verts.pop((1 << m) - 1, None)  # the origins pair only with each other
    q_verts.pop(low << m, None)
    p_masks = list(p_verts)
    q_masks = list(q_verts)
    edges: set[tuple[int, int]] = set()
    q_simple = {mask: t for t, mask in enumerate(q_masks) if mask.bit_count() == n}
    p_deg = []
    for k, mask in enumerate(p_masks):
        if mask.bit_count() == m:
            t = q_simple.get(full ^ mask)
            if t is not None:
                edges.add((k, t))
        else:
            p_deg.append(k)
    dtype = np.int64 if m + n <= _INT64_LABELS else object
    if p_deg:
        q_arr = np.array(q_masks, dtype=dtype)
        edges.update(_superset_pairs([full ^ p_masks[k] for k in p_deg], q_arr, p_deg))
    q_deg = [t for t, mask in enumerate(q_masks) if mask.bit_count() > n]
    if q_deg:
        p_arr = np.array(p_masks, dtype=dtype)
        edges.update(
            (k, t) for t, k in _superset_pairs([full ^ q_masks[t] for t in q_deg], p_arr, q_deg)
        )
    return list(p_verts.values()), list(q_verts.values()), sorted(edges), degenerate


def _normalised(z: list[int]) -> tuple[Fraction, ...]:
    total = sum(z)
    return tuple(Fraction(v, total) for v in z)


def solve_enummixed(game: Any, *, tol: float | None = None) -> Solution:
    """All extreme Nash equilibria of a two-player game, with its convex components.

    Enumerates the vertices of both best-response polytopes exactly and
    returns every completely labelled pair (see the module docstring). The
    whole equilibrium set is the union of the listed maximal Nash subsets
    (and isolated extreme equilibria), so nothing is lost on degenerate games.

    Parameters
    ----------
    game : NormalFormGame
        A two-player game with numeric payoffs. Integer and rational payoffs
        give exact :class:`~fractions.Fraction` probabilities. Float payoffs
        are enumerated exactly as the binary rationals they store; the
        equilibria are then rounded to floats and verified with tolerance
        ``tol``. Float payoffs that differ only by rounding (``0.1 + 0.2``
        and ``0.3``) are therefore different numbers here, and a near-tie
        gives nearby extreme equilibria rather than a component.
    tol : float, optional
        Regret tolerance for float games, passed to
        :func:`~gametheory.equilibrium.certify` (default
        ``DEFAULT_RTOL * max(1, max |payoff|)``). Ignored for exact games.

    Returns
    -------
    Solution
        ``complete == "all"`` when every maximal Nash subset is a single
        point (always in non-degenerate games), else ``"all-extreme"``: every
        equilibrium is a mixture of listed ones within a component.
        ``equilibria`` are sorted by the row
        player's then the column player's probabilities, lexicographically
        and descending (so pure strategy 1 comes before strategy 2).
        ``components`` lists the maximal Nash subsets with more than one
        extreme equilibrium, as tuples of indices into ``equilibria``: every
        mixture :math:`(\\sum \\lambda_k x_k, \\sum \\mu_l y_l)` of the members'
        strategies is an equilibrium. ``Equilibrium.component`` is the id
        (0, 1, ...) of the connected set of equilibria (overlapping maximal
        Nash subsets) an extreme equilibrium belongs to, or ``None`` when it
        is isolated. ``degenerate`` is exact: True iff some vertex of a
        best-response polytope has more labels than its dimension, i.e. some
        mixed strategy has more pure best responses than its support size.

    Raises
    ------
    MethodNotApplicableError
        The game does not have two players.
    SymbolicGameError
        The game has free parameters.

    Notes
    -----
    The vertex search is exact integer arithmetic throughout; no tolerance
    ever decides that a vertex or an equilibrium does not exist. Each
    returned equilibrium is also verified by
    :func:`~gametheory.equilibrium.certify` (regret exactly zero for exact
    games).

    The running time is proportional to the number of (lexicographic)
    vertices of the two polytopes, which grows exponentially with the game
    size in the worst case; random 12x12 games with payoffs 0..99 take about
    half a second. Integer sizes grow with the bit length of the payoffs, so
    float payoffs of very different magnitudes are slower.

    References
    ----------
    .. [1] O. L. Mangasarian, "Equilibrium points of bimatrix games", Journal of
       the Society for Industrial and Applied Mathematics 12 (1964) 778-780.
    .. [2] B. von Stengel, "Equilibrium computation for two-player games in
       strategic and extensive form", in N. Nisan et al. (eds.), Algorithmic
       Game Theory, Cambridge University Press (2007), ch. 3.
    .. [3] D. Avis, G. D. Rosenberg, R. Savani and B. von Stengel, "Enumeration of
       Nash equilibria for two-player games", Economic Theory 42 (2010) 9-37.
    .. [4] J. Edmonds, "Systems of distinct representatives and linear
       algebra", Journal of Research of the NBS 71B (1967) 241-245.

    Examples
    --------
    The 3x2 game of von Stengel (2007), eq. (3.3), has three equilibria:

    >>> from gametheory import NormalFormGame
    >>> g = NormalFormGame.from_arrays([[3, 3], [2, 5], [0, 6]], [[3, 2], [2, 6], [3, 1]])
    >>> sol = solve_enummixed(g)
    >>> for eq in sol:
    ...     print(eq)
    1: 1; 2: 1 -> payoffs (3, 3)
    1: (1 4/5, 2 1/5); 2: (1 2/3, 2 1/3) -> payoffs (3, 14/5)
    1: (2 1/3, 3 2/3); 2: (1 1/3, 2 2/3) -> payoffs (4, 8/3)
    >>> sol.degenerate, sol.components
    (False, ())

    A degenerate game: if the entrant stays out, the incumbent is
    indifferent, and every threat to fight with probability at least 1/2
    keeps it out. The two extreme points of that segment form one component:

    >>> entry = NormalFormGame.from_arrays([[0, 0], [-1, 1]], [[2, 2], [-1, 1]],
    ...     strategies=[["Out", "In"], ["Fight", "Accommodate"]])
    >>> sol = solve_enummixed(entry)
    >>> for eq in sol:
    ...     print(eq)
    1: Out; 2: Fight -> payoffs (0, 2) [component 1]
    1: Out; 2: (Fight 1/2, Accommodate 1/2) -> payoffs (0, 2) [component 1]
    1: In; 2: Accommodate -> payoffs (1, 1)
    >>> sol.degenerate, sol.components
    (True, ((0, 1),))
    """
    require_players(game, 2, "enummixed")
    A, B = _integer_payoffs(game)
    xs, ys, pairs, degenerate = _extreme_pairs(A, B)
    candidates = sorted(
        ((_normalised(xs[k]), _normalised(ys[t]), (k, t)) for k, t in pairs), reverse=True
    )
    edges = [kt for _, _, kt in candidates]
    subsets, component = nash_components(edges)
    equilibria = []
    for (x, y, _), comp in zip(candidates, component, strict=True):
        profile = [list(x), list(y)] if game.is_exact else [
            [float(v) for v in x],
            [float(v) for v in y],
        ]
        equilibria.append(certify(game, profile, "enummixed", component=comp, tol=tol))
    notes: list[str] = []
    if degenerate:
        notes.append(
            "degenerate game: some mixed strategy has more pure best responses than its "
            "support size"
            + (
                f"; {len(subsets)} convex set(s) of equilibria (every mixture of the listed "
                "extreme equilibria in a set is an equilibrium)"
                if subsets
                else ""
            )
        )
    if not game.is_exact:
        notes.append(
            "float payoffs: vertices enumerated exactly on the stored binary values, "
            "equilibria rounded to float and verified with tolerance"
        )
    return Solution(
        game=game,
        method="enummixed",
        equilibria=tuple(equilibria),
        exact=game.is_exact,
        complete="all-extreme" if subsets else "all",
        components=subsets,
        degenerate=degenerate or bool(subsets),
        notes=tuple(notes),
    )
