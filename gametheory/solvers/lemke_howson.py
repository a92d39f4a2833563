"""The Lemke-Howson algorithm with exact integer pivoting and lexicographic degeneracy resolution.

Definitions (von Stengel 2007, sections 3.3-3.6). Shift the payoffs of a
bimatrix game :math:`(A, B)` (:math:`m \\times n`) so that every entry is
positive; a positive affine transformation of a player's payoffs changes no
best response and hence no equilibrium. The *best-response polytopes* are

.. math::

   P = \\{x \\in \\mathbb R^m : x \\ge 0,\\ B^\\top x \\le \\mathbf 1\\},\\qquad
   Q = \\{y \\in \\mathbb R^n : A y \\le \\mathbf 1,\\ y \\ge 0\\}.

Label the row player's strategies :math:`0, \\dots, m-1` and the column
player's :math:`m, \\dots, m+n-1` (0-based, as QuantEcon's ``init_pivot`` and
Nashpy's ``initial_dropped_label``; von Stengel numbers them from 1). A point
of :math:`P` has label :math:`i < m` if :math:`x_i = 0` and label :math:`m+j`
if column :math:`j` is a best response (:math:`(B^\\top x)_j = 1`); labels of
:math:`Q` are defined alike. The nonzero *completely labelled* vertex pairs,
rescaled to probabilities, are the extreme Nash equilibria; :math:`(0, 0)` is
the *artificial equilibrium*.

Starting from :math:`(0, 0)` the algorithm drops one *missing label*
:math:`k` and follows the unique path of :math:`k`-almost completely labelled
vertex pairs, alternately pivoting in the tableaux :math:`B^\\top x + s = 1`
and :math:`r + A y = 1`, until label :math:`k` is picked up again (Lemke and
Howson 1964; Shapley 1974). Pivoting is exact on integers: every row except
the pivot row is multiplied by the pivot element and divided (exactly) by
the previous one (von Stengel 2007, section 3.5), so an exact game gives an
exact equilibrium. In degenerate games the minimum-ratio test can tie; the
tie is broken by the *lexicographic* rule, equivalent to perturbing the
right-hand side by :math:`(\\varepsilon, \\varepsilon^2, \\dots)`, which keeps
every path unique and finite (von Stengel 2007, section 3.6). Every endpoint is a
completely labelled vertex pair, i.e. an extreme equilibrium, also in
degenerate games.

Float games pivot in floating point with a tolerance (payoffs first mapped
affinely into :math:`[1, 2]`); an endpoint that fails the verification is
recomputed exactly on the binary values of the floats.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from ..equilibrium import Equilibrium, Solution, certify
from ..errors import UnknownLabelError, VerificationError
from ._common import require_players
from .support_enumeration import _integer_matrices

__all__ = ["lemke_howson", "solve_lcp"]

#: Relative tolerance of float pivoting (positivity of pivot entries, ratio ties).
_FLOAT_TOL = 1e-12


@dataclass
class _Path:
    """Endpoint of one Lemke-Howson path."""

    x: list[Any]
    y: list[Any]
    pivots: int
    degenerate: bool  # an exact tie in the minimum-ratio test was met
    exact: bool


# ---------------------------------------------------------------------- exact
def _lex_min_row(T: list[list[int]], c: int, cols: Sequence[int]) -> tuple[int, bool]:
    """Row of the lexicographic minimum ratio test for entering column ``c``.

    ``cols`` are the right-hand side followed by the slack columns (the
    columns of the scaled inverse basis). Returns the row and whether the
    plain (unperturbed) ratio test tied.
    """
    cand = [i for i, row in enumerate(T) if row[c] > 0]
    if not cand:  # pragma: no cover - P and Q are bounded for positive payoffs
        raise ArithmeticError(f"unbounded pivot column {c}")
    best = cand[0]
    tie = False
    for i in cand[1:]:
        row, b = T[i], T[best]
        t, tb = row[c], b[c]
        for pos, col in enumerate(cols):
            lhs, rhs = row[col] * tb, b[col] * t
            if lhs != rhs:
                if lhs < rhs:
                    best = i
                    tie = pos > 0  # a strictly smaller plain ratio clears earlier ties
                elif pos > 0:
                    tie = True
                break
        else:  # pragma: no cover - rows of an invertible matrix cannot be proportional
            raise ArithmeticError("lexicographic ratio test found two proportional rows")
    return best, tie


def _pivot_exact(T: list[list[int]], r: int, c: int, det: int) -> int:
    """Integer pivot on ``T[r][c]``; returns the new determinant (the pivot element)."""
    pr = T[r]
    p = pr[c]
    for i, row in enumerate(T):
        if i == r:
            continue
        f = row[c]
        if f == 0:
            T[i] = [v * p // det for v in row]
        else:
            T[i] = [(v * p - f * w) // det for v, w in zip(row, pr, strict=True)]
    return p


def _path_exact(A: list[list[int]], B: list[list[int]], k: int) -> _Path:
    """One LH path from the artificial equilibrium, missing label ``k`` (exact)."""
    m, n = len(A), len(A[0])
    lo_a = min(min(row) for row in A)
    lo_b = min(min(row) for row in B)
    A = [[v - lo_a + 1 for v in row] for row in A]
    B = [[v - lo_b + 1 for v in row] for row in B]
    rhs = m + n
    # columns = labels: x_0..x_{m-1}, s_0..s_{n-1} in P; r_0..r_{m-1}, y_0..y_{n-1} in Q
    tp = [[B[i][j] for i in range(m)] + [int(jj == j) for jj in range(n)] + [1] for j in range(n)]
    tq = [[int(ii == i) for ii in range(m)] + A[i][:] + [1] for i in range(m)]
    tabs = [tp, tq]
    bases = [[m + j for j in range(n)], list(range(m))]
    dets = [1, 1]
    lex = [[rhs, *range(m, m + n)], [rhs, *range(m)]]
    side = 0 if k < m else 1
    entering = k
    pivots = 0
    degenerate = False
    while True:
        T = tabs[side]
        row, tie = _lex_min_row(T, entering, lex[side])
        degenerate |= tie
        leaving = bases[side][row]
        dets[side] = _pivot_exact(T, row, entering, dets[side])
        bases[side][row] = entering
        pivots += 1
        if leaving == k:
            break
        entering = leaving
        side = 1 - side
    x = [0] * m
    for row, lab in enumerate(bases[0]):
        if lab < m:
            x[lab] = tp[row][rhs]
    y = [0] * n
    for row, lab in enumerate(bases[1]):
        if lab >= m:
            y[lab - m] = tq[row][rhs]
    sx, sy = sum(x), sum(y)
    return _Path(
        [Fraction(v, sx) for v in x], [Fraction(v, sy) for v in y], pivots, degenerate, True
    )


# ---------------------------------------------------------------------- float
def _path_float(A: np.ndarray, B: np.ndarray, k: int) -> _Path:
    """One LH path in floating point with lexicographic tie-breaking within a tolerance."""
    m, n = A.shape

    def unit_range(M: np.ndarray) -> np.ndarray:
        lo, hi = float(M.min()), float(M.max())
        return np.ones_like(M) if hi == lo else 1.0 + (M - lo) / (hi - lo)

    A, B = unit_range(A), unit_range(B)
    rhs = m + n
    tp = np.hstack([B.T, np.eye(n), np.ones((n, 1))])
    tq = np.hstack([np.eye(m), A, np.ones((m, 1))])
    tabs = [tp, tq]
    bases = [list(range(m, m + n)), list(range(m))]
    lex = [[rhs, *range(m, m + n)], [rhs, *range(m)]]
    side = 0 if k < m else 1
    entering = k
    pivots = 0
    limit = 10 * math.comb(m + n, m) + 100  # more pivots than vertex pairs on a path means failure
    while True:
        T = tabs[side]
        col = T[:, entering]
        rows = np.flatnonzero(col > _FLOAT_TOL)
        if rows.size == 0 or pivots > limit:
            raise ArithmeticError("float pivoting broke down")
        for c in lex[side]:
            ratios = T[rows, c] / col[rows]
            low = ratios.min()
            rows = rows[ratios <= low + _FLOAT_TOL * max(1.0, abs(low))]
            if rows.size == 1:
                break
        row = int(rows[0])
        leaving = bases[side][row]
        T[row] /= T[row, entering]
        others = np.arange(T.shape[0]) != row
        T[others] -= np.outer(T[others, entering], T[row])
        bases[side][row] = entering
        pivots += 1
        if leaving == k:
            break
        entering = leaving
        side = 1 - side
    x = np.zeros(m)
    for row, lab in enumerate(bases[0]):
        if lab < m:
            x[lab] = max(tp[row, rhs], 0.0)
    y = np.zeros(n)
    for row, lab in enumerate(bases[1]):
        if lab >= m:
            y[lab - m] = max(tq[row, rhs], 0.0)
    if x.sum() <= 0 or y.sum() <= 0:
        raise ArithmeticError("float pivoting ended at the artificial equilibrium")
    return _Path(list(x / x.sum()), list(y / y.sum()), pivots, False, False)


# ---------------------------------------------------------------------- public
def _label_index(game: Any, label: Any) -> int:
    """0-based label from an int or a ``(player, strategy)`` pair."""
    m, n = game.shape
    if isinstance(label, int | np.integer) and not isinstance(label, bool | np.bool_):
        if 0 <= label < m + n:
            return int(label)
        raise UnknownLabelError(
            f"initial label {label} out of range: labels are 0..{m + n - 1} "
            f"(0..{m - 1} for player {game.players[0]!r}, {m}..{m + n - 1} for "
            f"player {game.players[1]!r})"
        )
    if isinstance(label, tuple) and len(label) == 2:
        i = game.player_index(label[0])
        s = game.strategy_index(i, label[1])
        return s if i == 0 else m + s
    raise UnknownLabelError(
        f"initial label {label!r} is neither an int in 0..{m + n - 1} nor a "
        "(player, strategy) pair"
    )


def _describe(game: Any, label: int) -> str:
    """``"3 (Col: Left)"``: a label with its player and strategy."""
    m = game.shape[0]
    who = 0 if label < m else 1
    strat = game.strategies[who][label if who == 0 else label - m]
    return f"{label} ({game.players[who]}: {strat})"


class _Runner:
    """Follows certified paths of one game; integer matrices are built once, on demand."""

    def __init__(self, game: Any, tol: float | None) -> None:
        self.game = game
        self.tol = tol
        self._ints: tuple[list[list[int]], list[list[int]]] | None = None

    def _exact(self, label: int) -> _Path:
        if self._ints is None:
            self._ints = _integer_matrices(self.game)
        return _path_exact(*self._ints, label)

    def run(self, label: int) -> tuple[Equilibrium, _Path, bool]:
        """Equilibrium of one path, the path, and whether float pivoting had to be redone."""
        game, tol = self.game, self.tol
        if game.is_exact:
            path = self._exact(label)
            return certify(game, [path.x, path.y], "lcp"), path, False
        try:
            A, B = game.as_float_arrays()
            path = _path_float(A, B, label)
            return certify(game, [path.x, path.y], "lcp", tol=tol), path, False
        except (ArithmeticError, VerificationError):
            path = self._exact(label)
            return certify(game, [path.x, path.y], "lcp", tol=tol), path, True


def _same(e: Equilibrium, f: Equilibrium) -> bool:
    """Same endpoint: equal exactly, or (float games) within rounding of each other."""
    if e.exact and f.exact:
        return e == f
    return all(
        np.allclose(np.asarray(u, dtype=float), np.asarray(v, dtype=float), rtol=0, atol=1e-9)
        for u, v in zip(e.vectors, f.vectors, strict=True)
    )


def lemke_howson(game: Any, label: Any = 0, *, tol: float | None = None) -> Equilibrium:
    """One Nash equilibrium of a two-player game by the Lemke-Howson path for one label.

    Parameters
    ----------
    game : NormalFormGame
        A two-player game with numeric payoffs.
    label : int or (player, strategy), default 0
        The missing label: ``0..m-1`` are the row player's strategies and
        ``m..m+n-1`` the column player's (0-based), or a ``(player,
        strategy)`` pair of labels.
    tol : float, optional
        Tolerance of the regret check for float games; ignored for exact games.

    Returns
    -------
    Equilibrium
        An extreme equilibrium, exact (Fractions) for exact games.

    Raises
    ------
    UnknownLabelError
        ``label`` is out of range or names an unknown player or strategy.
    MethodNotApplicableError
        The game does not have two players.
    SymbolicGameError
        The game has free parameters.

    See Also
    --------
    solve_lcp : paths from every label.

    References
    ----------
    .. [1] C. E. Lemke and J. T. Howson, "Equilibrium points of bimatrix
       games", Journal of the Society for Industrial and Applied Mathematics
       12 (1964) 413-423.
    .. [2] L. S. Shapley, "A note on the Lemke-Howson algorithm",
       Mathematical Programming Study 1 (1974) 175-189.
    .. [3] B. von Stengel, "Equilibrium computation for two-player games in
       strategic and extensive form", ch. 3 of Algorithmic Game Theory,
       Cambridge University Press, 2007 (sections 3.4-3.6).

    Examples
    --------
    Missing label 2 of von Stengel (2007), game (3.3), is label 1 here
    (0-based); the path ends at the mixed equilibrium (d, q) of the chapter:

    >>> from gametheory import NormalFormGame
    >>> g = NormalFormGame.from_arrays([[3, 3], [2, 5], [0, 6]], [[3, 2], [2, 6], [3, 1]])
    >>> print(lemke_howson(g, 1))
    1: (2 1/3, 3 2/3); 2: (1 1/3, 2 2/3) -> payoffs (4, 8/3)
    >>> print(lemke_howson(g, ("1", "1")))
    1: 1; 2: 1 -> payoffs (3, 3)
    """
    require_players(game, 2, "lcp")
    eq, _, _ = _Runner(game, tol).run(_label_index(game, label))
    return eq


def solve_lcp(
    game: Any, *, initial_labels: Iterable[Any] | None = None, tol: float | None = None
) -> Solution:
    """Equilibria reached by Lemke-Howson paths from the artificial equilibrium.

    One path is followed for each missing label (all ``m + n`` labels by
    default); the distinct endpoints are returned, each verified exactly for
    exact games. Each is an extreme equilibrium, but some equilibria may be
    reachable from no label (von Stengel 2007, game (3.7)), so the list is
    not claimed complete.

    Parameters
    ----------
    game : NormalFormGame
        A two-player game with numeric payoffs.
    initial_labels : iterable of int or (player, strategy), optional
        Missing labels to start from (see :func:`lemke_howson`); default all.
    tol : float, optional
        Tolerance of the regret check for float games; ignored for exact games.

    Returns
    -------
    Solution
        ``method == "lcp"``; ``complete == "one"`` when one label is run,
        else ``"some"``. Equilibria are in order of the first label reaching
        them; ``notes`` say which labels reached which equilibrium.
        ``degenerate`` is ``True`` when an exact path met a tie in the
        minimum-ratio test (a vertex with too many labels), else ``None``:
        Lemke-Howson cannot show that a game is nondegenerate.

    Raises
    ------
    UnknownLabelError
        A label is out of range, names an unknown strategy, or no label is given.
    MethodNotApplicableError
        The game does not have two players.
    SymbolicGameError
        The game has free parameters.

    References
    ----------
    .. [1] C. E. Lemke and J. T. Howson, "Equilibrium points of bimatrix
       games", Journal of the Society for Industrial and Applied Mathematics
       12 (1964) 413-423.
    .. [2] B. von Stengel, "Equilibrium computation for two-player games in
       strategic and extensive form", ch. 3 of Algorithmic Game Theory,
       Cambridge University Press, 2007.

    Examples
    --------
    In game (3.7) of von Stengel (2007) every label leads to the same
    equilibrium, and the two other equilibria are never reached:

    >>> from gametheory import NormalFormGame
    >>> A = [[3, 3, 0], [4, 0, 1], [0, 4, 5]]
    >>> g = NormalFormGame.from_arrays(A, [list(r) for r in zip(*A)])
    >>> sol = solve_lcp(g)
    >>> print(sol)
    game: 1 equilibrium by lcp (exact; some)
      1. 1: 3; 2: 3 -> payoffs (5, 5)
      note: labels 0 (1: 1), 1 (1: 2), 2 (1: 3), 3 (2: 1), 4 (2: 2), 5 (2: 3) -> equilibrium 1
    """
    require_players(game, 2, "lcp")
    m, n = game.shape
    labels_in = list(range(m + n)) if initial_labels is None else list(initial_labels)
    if not labels_in:
        raise UnknownLabelError("initial_labels is empty; give at least one label")
    labels: list[int] = []
    for lab in labels_in:
        k = _label_index(game, lab)
        if k not in labels:
            labels.append(k)
    equilibria: list[Equilibrium] = []
    reached: list[list[int]] = []
    degenerate = False
    retried: list[int] = []
    runner = _Runner(game, tol)
    for k in labels:
        eq, path, retry = runner.run(k)
        degenerate |= path.degenerate
        if retry:
            retried.append(k)
        same = [idx for idx, other in enumerate(equilibria) if _same(eq, other)]
        if same:
            reached[same[0]].append(k)
        else:
            equilibria.append(eq)
            reached.append([k])
    notes = []
    for idx, ks in enumerate(reached):
        text = ", ".join(_describe(game, k) for k in ks)
        notes.append(f"label{'s' if len(ks) > 1 else ''} {text} -> equilibrium {idx + 1}")
    if degenerate:
        notes.append(
            "degenerate game: a minimum-ratio test tied (a vertex with more labels than its "
            "dimension); ties were broken lexicographically"
        )
    if retried:
        notes.append(
            "float pivoting did not give a verified equilibrium for labels "
            f"{retried}; those paths were recomputed exactly on the binary values of the payoffs"
        )
    return Solution(
        game=game,
        method="lcp",
        equilibria=tuple(equilibria),
        exact=game.is_exact,
        complete="one" if len(labels) == 1 else "some",
        degenerate=True if degenerate else None,
        notes=tuple(notes),
    )
