"""Support enumeration for two-player games, exact and complete in degenerate games.

Definitions (von Stengel 2007, section 3.2). In a bimatrix game :math:`(A, B)`
with :math:`m` rows and :math:`n` columns, a mixed strategy :math:`x` of the
row player is a *best response* to :math:`y` iff every row in its *support*
:math:`\\{i : x_i > 0\\}` is a pure best response to :math:`y` (Nash 1951;
Proposition 3.1 there). The game is *nondegenerate* if no mixed strategy with
support size :math:`k` has more than :math:`k` pure best responses
(Definition 3.2); then every equilibrium has supports of equal size and is the
unique solution of the *indifference equations* of its support pair, which is
Algorithm 3.4 of von Stengel (2007) ("support enumeration", as in Nashpy and
Porter, Nudelman and Shoham 2008).

In a degenerate game an equilibrium may have supports of unequal size, and a
support pair whose indifference system is rank-deficient carries a whole
polytope of equilibria. This module handles both without enumerating
unequal support pairs, by splitting the indifference system by player:

* The *best-response polyhedron* of the row player is
  :math:`\\bar P = \\{(x, v) : x \\ge 0,\\ \\mathbf 1^\\top x = 1,\\
  B^\\top x \\le v \\mathbf 1\\}`. A point :math:`(x, v)` with support
  :math:`I` and column best responses :math:`K` (the binding rows of
  :math:`B^\\top x \\le v \\mathbf 1`) is a vertex iff the equations
  :math:`\\mathbf 1^\\top x = 1`, :math:`(B^\\top x)_j = v` for
  :math:`j \\in K` have a unique solution on :math:`I`. A unique solution is
  fixed by :math:`|I| + 1` independent equations among them, and these must
  include :math:`\\mathbf 1^\\top x = 1` (the others are homogeneous), so
  **every vertex is the unique solution of a square system** with
  :math:`|K'| = |I|` columns :math:`K' \\subseteq K`. Enumerating the
  equal-size pairs :math:`(I, K')` therefore finds every vertex of
  :math:`\\bar P` exactly once per nonsingular basis; singular
  (rank-deficient) pairs carry no vertex that is not also found from a
  smaller or a different square system, so they are skipped. The same holds
  for the column player's polyhedron :math:`\\bar Q` with :math:`A`.
* The extreme equilibria are the pairs of vertices :math:`(x, y)` that are
  *completely labelled*: :math:`\\mathrm{supp}(x) \\subseteq BR_1(y)` and
  :math:`\\mathrm{supp}(y) \\subseteq BR_2(x)` (von Stengel 2007, Proposition
  3.8). They are found by matching the vertices found above, which is where
  equilibria with supports of unequal size (such as a pure strategy against a
  mixed one in a degenerate game) come from.
* Every Nash equilibrium lies in a *maximal Nash subset*
  :math:`\\mathrm{conv}(X) \\times \\mathrm{conv}(Y)` spanned by a maximal set of
  pairwise matched vertices (a maximal biclique; Avis et al. 2010), reported in
  :attr:`Solution.components`.

The game is degenerate iff some vertex has more pure best responses than its
support size: a mixed strategy :math:`x` with support :math:`I` and best
responses :math:`K`, :math:`|K| > |I|`, lies on the face of :math:`\\bar P`
where those :math:`|K|` inequalities bind and :math:`x_i = 0` off :math:`I`,
and any vertex of that face has support inside :math:`I` and at least the
best responses :math:`K`. So :attr:`Solution.degenerate` is decided exactly
from the vertices.

Pruning (Porter, Nudelman and Shoham 2008): a column that is strictly worse
than another column against every row of :math:`I` (*conditionally
dominated* given :math:`I`) is never a best response to a strategy with
support :math:`I`, so square systems that use it are skipped. This removes no
vertex.

All systems are solved exactly on the payoffs scaled to integers, with
FLINT's fraction-free solver (python-flint ``fmpz_mat.solve``); a float game is solved exactly
on the binary values of its floats and its equilibria are returned as floats,
verified with a tolerance.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction
from functools import reduce
from itertools import combinations
from typing import Any

import flint

from ..equilibrium import Solution, certify
from ._common import exact_integer_payoffs, require_players
from ._components import nash_components

__all__ = ["solve_support"]


# ---------------------------------------------------------------------- integer data
def _integer_matrices(game: Any) -> tuple[list[list[int]], list[list[int]]]:
    """Row and column payoff matrices as lists of Python ints, each scaled by a positive factor.

    Exact games are scaled by the lcm of each player's denominators; float
    games are read exactly (every float is a binary fraction) and scaled the
    same way. Positive scaling changes no best response.
    """
    out: list[list[list[int]]] = []
    if game.is_exact:
        for a in exact_integer_payoffs(game):
            out.append([[int(v) for v in row] for row in a])
    else:
        for a in game.as_float_arrays():
            fr = [[Fraction(float(v)) for v in row] for row in a]
            lcm = reduce(math.lcm, (f.denominator for row in fr for f in row), 1)
            out.append([[int(f * lcm) for f in row] for row in fr])
    return out[0], out[1]


def _transpose(M: list[list[int]]) -> list[list[int]]:
    return [list(col) for col in zip(*M, strict=True)]


_UNIT_LAST: dict[int, flint.fmpz_mat] = {}


def _solve_unit_last(M: list[list[int]]) -> tuple[list[int], int] | None:
    """Solve ``M z = e_last`` exactly (FLINT's fraction-free solver).

    Returns ``(Z, d)`` with ``z = Z / d`` and ``d > 0``, or ``None`` when
    ``M`` is singular.

    Examples
    --------
    >>> _solve_unit_last([[1, -1], [1, 1]])
    ([1, 1], 2)
    >>> _solve_unit_last([[1, 1], [1, 1]]) is None
    True
    """
    k = len(M)
    rhs = _UNIT_LAST.get(k)
    if rhs is None:
        rhs = _UNIT_LAST[k] = flint.fmpz_mat(k, 1, [0] * (k - 1) + [1])
    try:
        sol = flint.fmpz_mat(M).solve(rhs)
    except ZeroDivisionError:
        return None
    num, den = sol.numer_denom()  # type: ignore[attr-defined]  # fmpq_mat
    d = int(den)
    Z = [int(v) for v in num.entries()]
    if d < 0:  # pragma: no cover - FLINT returns a positive denominator
        d, Z = -d, [-z for z in Z]
    return Z, d


# ---------------------------------------------------------------------- vertices
@dataclass(frozen=True)
class _Vertex:
    """A vertex of one player's best-response polyhedron.

    ``probs[i] = num[i] / den``; ``support`` and ``best`` are bit masks of the
    player's own strategies and of the opponent's pure best responses.
    """

    num: tuple[int, ...]
    den: int
    support: int
    best: int

    def probabilities(self) -> list[Fraction]:
        return [Fraction(v, self.den) for v in self.num]


def _popcount(mask: int) -> int:
    return bin(mask).count("1")


def _vertices(P: list[list[int]], *, prune: bool) -> tuple[list[_Vertex], int, int]:
    """All vertices of ``{(x, v): x >= 0, sum x = 1, P^T x <= v 1}``.

    ``P`` is indexed ``[own strategy][opponent strategy]`` and holds the
    *opponent's* payoffs, so that ``(P^T x)_j`` is the opponent's payoff for
    ``j`` against ``x``. Returns the vertices (in order of discovery), the
    number of square systems solved and the number skipped by conditional
    dominance.
    """
    r, c = len(P), len(P[0])
    found: dict[tuple[tuple[int, ...], int], _Vertex] = {}
    # support size 1: every pure strategy is a vertex
    for i in range(r):
        row = P[i]
        top = max(row)
        best = sum(1 << j for j in range(c) if row[j] == top)
        num = tuple(1 if k == i else 0 for k in range(r))
        found[(num, 1)] = _Vertex(num, 1, 1 << i, best)
    # better[j][j2]: own strategies against which opponent strategy j2 beats j strictly
    better = [
        [sum(1 << i for i in range(r) if P[i][j2] > P[i][j]) for j2 in range(c)]
        for j in range(c)
    ]
    solved = skipped = 0
    for k in range(2, min(r, c) + 1):
        n_subsets = math.comb(c, k)
        for I in combinations(range(r), k):
            imask = sum(1 << i for i in I)
            if prune:
                cand = [
                    j for j in range(c) if not any(imask & ~better[j][j2] == 0 for j2 in range(c))
                ]
                skipped += n_subsets - math.comb(len(cand), k)
            else:
                cand = list(range(c))
            if len(cand) < k:
                continue
            rows_I = [P[i] for i in I]
            for K in combinations(cand, k):
                solved += 1
                j0 = K[0]
                M = [[row[j] - row[j0] for row in rows_I] for j in K[1:]]
                M.append([1] * k)
                sol = _solve_unit_last(M)
                if sol is None:
                    continue  # rank-deficient: its vertices come from other square systems
                Z, d = sol
                if any(z <= 0 for z in Z):
                    continue
                w = [sum(row[j] * z for row, z in zip(rows_I, Z, strict=True)) for j in range(c)]
                vd = w[j0]
                if max(w) != vd:
                    continue
                g = reduce(math.gcd, Z, d)
                num_l = [0] * r
                for i, z in zip(I, Z, strict=True):
                    num_l[i] = z // g
                key = (tuple(num_l), d // g)
                if key not in found:
                    best = sum(1 << j for j in range(c) if w[j] == vd)
                    found[key] = _Vertex(key[0], key[1], imask, best)
    return list(found.values()), solved, skipped


def _set_text(labels: tuple[str, ...], mask: int) -> str:
    return "{" + ", ".join(lab for k, lab in enumerate(labels) if (mask >> k) & 1) + "}"


def _degeneracy_witness(game: Any, xs: list[_Vertex], ys: list[_Vertex]) -> str | None:
    """A sentence naming a vertex with more best responses than its support size."""
    for who, verts in ((0, xs), (1, ys)):
        for v in verts:
            k, b = _popcount(v.support), _popcount(v.best)
            if b > k:
                own, other = game.strategies[who], game.strategies[1 - who]
                probs = ", ".join(str(p) for p in v.probabilities())
                return (
                    f"degenerate game: the strategy ({probs}) of player {game.players[who]!r} "
                    f"has support {_set_text(own, v.support)} of size {k} but {b} pure best "
                    f"responses {_set_text(other, v.best)} of player {game.players[1 - who]!r}"
                )
    return None


def solve_support(game: Any, *, prune: bool = True, tol: float | None = None) -> Solution:
    """All extreme Nash equilibria of a two-player game by support enumeration.

    For each support size :math:`k` and each pair of a support :math:`I` of
    one player and :math:`k` pure strategies :math:`K` of the other, the
    indifference system (the other player's payoffs equal on :math:`K`,
    probabilities summing to 1 on :math:`I`) is solved exactly. Its solutions
    that are positive on :math:`I` and make :math:`K` best responses are the
    vertices of the player's best-response polyhedron; completely labelled
    pairs of vertices are the extreme equilibria (see the module docstring
    for why square systems suffice, also in degenerate games).

    What is claimed:

    * in a **nondegenerate** game the equilibria are finitely many, have
      supports of equal size, and are exactly the unique solutions of the
      indifference equations on equal-size support pairs (von Stengel 2007,
      Algorithm 3.4); all of them are returned, ``complete == "all"``;
    * in a **degenerate** game every *extreme* equilibrium is returned,
      including those with supports of unequal size, and the maximal convex
      sets of equilibria (products :math:`\\mathrm{conv}(X) \\times
      \\mathrm{conv}(Y)` of matched vertices, Avis et al. 2010) are listed in
      ``components``; every equilibrium of the game lies in one of them or is
      one of the listed equilibria. ``complete == "all-extreme"`` when some
      such set has more than one point, else ``"all"`` (the degenerate game
      still has finitely many equilibria). This is the same set as Gambit's
      ``enummixed``.

    Parameters
    ----------
    game : NormalFormGame
        A two-player game with numeric payoffs.
    prune : bool, default True
        Skip square systems that use a strategy conditionally dominated
        given the support (Porter, Nudelman and Shoham 2008). The result is
        the same either way; pruning only saves time.
    tol : float, optional
        Tolerance of the regret check for float games (see
        :func:`~gametheory.equilibrium.verify`); ignored for exact games.

    Returns
    -------
    Solution
        ``method == "support"``; equilibria sorted by the row player's
        probabilities, then the column player's, largest first.
        ``degenerate`` is decided exactly (for float games, on the exact
        binary values of the floats). Each equilibrium's ``component`` is the
        id of its connected set of equilibria, or ``None`` when it is
        isolated.

    Raises
    ------
    MethodNotApplicableError
        The game does not have two players.
    SymbolicGameError
        The game has free parameters.

    Notes
    -----
    The work is :math:`\\sum_k \\binom{m}{k}\\binom{n}{k}` small exact solves
    per player (about :math:`4^n/\\sqrt{\\pi n}` for :math:`m = n`), before
    pruning. Vertex enumeration (``enummixed``) visits fewer candidates on
    large games; Lemke-Howson (``lcp``) finds one equilibrium much faster.

    References
    ----------
    .. [1] B. von Stengel, "Equilibrium computation for two-player games in
       strategic and extensive form", ch. 3 of N. Nisan, T. Roughgarden,
       E. Tardos and V. Vazirani (eds.), Algorithmic Game Theory, Cambridge
       University Press, 2007 (Algorithm 3.4, Proposition 3.8).
    .. [2] R. Porter, E. Nudelman and Y. Shoham, "Simple search methods for
       finding a Nash equilibrium", Games and Economic Behavior 63 (2008)
       642-662.
    .. [3] D. Avis, G. D. Rosenberg, R. Savani and B. von Stengel,
       "Enumeration of Nash equilibria for two-player games", Economic
       Theory 42 (2010) 9-37.

    Examples
    --------
    The 3x2 game (3.3) of von Stengel (2007) has three equilibria:

    >>> from gametheory import NormalFormGame
    >>> g = NormalFormGame.from_arrays([[3, 3], [2, 5], [0, 6]], [[3, 2], [2, 6], [3, 1]])
    >>> sol = solve_support(g)
    >>> for eq in sol:
    ...     print(eq)
    1: 1; 2: 1 -> payoffs (3, 3)
    1: (1 4/5, 2 1/5); 2: (1 2/3, 2 1/3) -> payoffs (3, 14/5)
    1: (2 1/3, 3 2/3); 2: (1 1/3, 2 2/3) -> payoffs (4, 8/3)
    >>> sol.complete, sol.degenerate
    ('all', False)

    Changing one payoff (game (3.18) there) makes it degenerate: the pure
    strategy 1 of player 1 has two best responses, and the equilibria
    include a segment between two extreme equilibria with supports of
    unequal size.

    >>> g = NormalFormGame.from_arrays([[3, 3], [2, 5], [0, 6]], [[3, 3], [2, 6], [3, 1]])
    >>> sol = solve_support(g)
    >>> for eq in sol:
    ...     print(eq)
    1: 1; 2: 1 -> payoffs (3, 3) [component 1]
    1: 1; 2: (1 2/3, 2 1/3) -> payoffs (3, 3) [component 1]
    1: (2 1/3, 3 2/3); 2: (1 1/3, 2 2/3) -> payoffs (4, 8/3)
    >>> sol.complete, sol.degenerate, sol.components
    ('all-extreme', True, ((0, 1),))
    """
    require_players(game, 2, "support")
    A, B = _integer_matrices(game)
    # x-vertices: row player's strategies, judged by the column player's payoffs B
    xs, solved_x, skipped_x = _vertices(B, prune=prune)
    # y-vertices: column player's strategies, judged by the row player's payoffs A
    ys, solved_y, skipped_y = _vertices(_transpose(A), prune=prune)

    by_support: dict[int, list[int]] = defaultdict(list)
    for yi, y in enumerate(ys):
        by_support[y.support].append(yi)
    edges: list[tuple[int, int]] = []
    for xi, x in enumerate(xs):
        for supp_y, members in by_support.items():
            if supp_y & ~x.best:
                continue
            for yi in members:
                if x.support & ~ys[yi].best == 0:
                    edges.append((xi, yi))

    probs_x = [x.probabilities() for x in xs]
    probs_y = [y.probabilities() for y in ys]
    edges.sort(key=lambda e: ([-p for p in probs_x[e[0]]], [-p for p in probs_y[e[1]]]))
    subsets, component = nash_components(edges)
    equilibria = tuple(
        certify(game, [probs_x[xi], probs_y[yi]], "support", component=comp, tol=tol)
        for (xi, yi), comp in zip(edges, component, strict=True)
    )

    witness = _degeneracy_witness(game, xs, ys)
    degenerate = witness is not None
    notes = [
        f"solved {solved_x + solved_y} square indifference systems exactly "
        f"({skipped_x + skipped_y} skipped by conditional dominance); "
        f"{len(xs)} + {len(ys)} best-response vertices"
    ]
    if not game.is_exact:
        notes.append(
            "float game: solved exactly on the binary values of the payoffs; "
            "equilibria are reported as floats"
        )
    if witness:
        notes.append(witness)
    return Solution(
        game=game,
        method="support",
        equilibria=equilibria,
        exact=game.is_exact,
        complete="all-extreme" if subsets else "all",
        components=subsets,
        degenerate=degenerate,
        notes=tuple(notes),
    )
