"""Two-player zero-sum (and constant-sum) games by linear programming.

In a two-player zero-sum game with payoff matrix :math:`A` (row player's
payoffs; the column player receives :math:`-A`) the row player's *security
level* of a mixed strategy :math:`x` is :math:`\\min_c (x^\\top A)_c`, and the
column player's is :math:`\\max_r (A y)_r`. The minimax theorem (von Neumann
1928) says

.. math:: \\max_x \\min_c (x^\\top A)_c \\;=\\; v \\;=\\; \\min_y \\max_r (A y)_r ,

and :math:`(x, y)` is a Nash equilibrium iff both strategies are *optimal*,
i.e. reach :math:`v`. Both sides are linear programs, dual to each other
(Dantzig 1951). A *constant-sum* game (:math:`u_1 + u_2 = k` at every profile)
has the same best responses as the zero-sum game :math:`(u_1, -u_1)`.

Exact games are solved exactly:

1. HiGHS (:func:`scipy.optimize.linprog`) gives floating-point optimal
   strategies; their supports and tight constraints name a basic solution
   (Shapley & Snow 1950).
2. The square (or over-determined) indifference system on that support is
   solved in rational arithmetic, and the pair is accepted only if
   :math:`\\min_c (x^\\top A)_c = \\max_r (A y)_r` holds exactly, which proves
   that both strategies are optimal and that this number is the value.
3. Otherwise (degenerate or badly scaled games) an exact simplex method with
   Bland's rule, in :class:`~fractions.Fraction` arithmetic, solves the LP;
   its primal and dual solutions are checked against each other exactly.

Floating point never decides anything in exact games: it only proposes.

The set of optimal strategies of each player is a polytope. For exact games
:func:`solve_lp` tells in its notes whether each player's optimal strategy is
unique, decided exactly by a small LP over the cone of feasible directions.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import numpy as np

from .._numbers import format_number, to_fraction
from ..equilibrium import DEFAULT_RTOL, Solution, certify
from ..errors import MethodNotApplicableError
from ._common import require_players
from ._exact_lp import (
    MatrixGame,
    fraction_matrix,
    matrix_game_exact,
    matrix_game_float,
    unique_optimum,
)

__all__ = ["game_value", "optimal_strategies", "solve_lp"]

# ---------------------------------------------------------------------------- game-level API
def _constant_sum_matrix(game: Any, method: str) -> tuple[np.ndarray, Any]:
    """Player 1's payoff matrix and the constant sum, or MethodNotApplicableError."""
    require_players(game, 2, method)
    if not game.is_constant_sum:
        U1, U2 = game.payoffs
        total = np.asarray(U1, dtype=object) + np.asarray(U2, dtype=object)
        first = total.flat[0]
        idx = next(k for k, t in enumerate(total.flat) if t != first)
        where = np.unravel_index(idx, game.shape)
        at = tuple(game.strategies[i][k] for i, k in enumerate(where))
        at0 = tuple(s[0] for s in game.strategies)
        raise MethodNotApplicableError(
            f"method {method!r} needs a zero-sum or constant-sum game, but the payoffs sum to "
            f"{format_number(first)} at {at0} and to {format_number(total.flat[idx])} at {at}; "
            "use 'enummixed' (all equilibria) or 'lcp' instead"
        )
    U1 = game.payoffs[0]
    U2 = game.payoffs[1]
    constant = U1.flat[0] + U2.flat[0]
    if game.is_exact:
        constant = to_fraction(constant)
    else:
        constant = float(constant)
    return U1, constant


def _float_tol(game: Any, tol: float | None) -> float:
    if tol is not None:
        if not (isinstance(tol, int | float) and math.isfinite(tol) and tol >= 0):
            raise ValueError(f"tol must be a finite non-negative number, got {tol!r}")
        return float(tol)
    scale = max(1.0, max(float(np.max(np.abs(a))) for a in game.as_float_arrays()))
    return DEFAULT_RTOL * scale


def _solve(game: Any, method: str, tol: float | None) -> tuple[MatrixGame, Any]:
    A, constant = _constant_sum_matrix(game, method)
    if game.is_exact:
        return matrix_game_exact(A), constant
    return matrix_game_float(np.asarray(A, dtype=float), _float_tol(game, tol)), constant


def solve_lp(game: Any, *, tol: float | None = None) -> Solution:
    """One optimal strategy pair and the value of a two-player zero-sum game.

    Parameters
    ----------
    game : NormalFormGame
        Two players, numeric payoffs that sum to the same constant at every
        profile (zero-sum or constant-sum).
    tol : float, optional
        Tolerance for float games (default ``1e-9 * max(1, max |payoff|)``);
        ignored for exact games, which are solved and verified exactly.

    Returns
    -------
    Solution
        ``complete == "one"``: one equilibrium (a pair of optimal strategies).
        Every equilibrium of a zero-sum game gives the same payoffs, so the
        value is the row player's payoff in it; the notes state it and, for
        exact games, whether each player's optimal strategy is unique.
        ``degenerate`` is True when a player has several optimal strategies
        or has more pure best responses than its support size, else None.

    Raises
    ------
    MethodNotApplicableError
        Not two players, or the payoffs do not have a constant sum.
    SymbolicGameError
        The game has free parameters.

    See Also
    --------
    game_value, optimal_strategies

    Notes
    -----
    Exact games: candidate strategies from HiGHS are confirmed by solving the
    indifference system on their supports in rational arithmetic; if that
    fails (degenerate games), an exact simplex method with Bland's rule
    solves the LP. The pair is accepted only when
    :math:`\\min_c (x^\\top A)_c = \\max_r (A y)_r` exactly, then certified.

    References
    ----------
    .. [1] J. von Neumann, "Zur Theorie der Gesellschaftsspiele",
       Mathematische Annalen 100 (1928) 295-320.
    .. [2] G. B. Dantzig, "A proof of the equivalence of the programming
       problem and the game problem", in Activity Analysis of Production and
       Allocation, Cowles Commission Monograph 13 (1951) 330-335.
    .. [3] L. S. Shapley and R. N. Snow, "Basic solutions of discrete games",
       Annals of Mathematics Studies 24 (1950) 27-35.

    Examples
    --------
    >>> from gametheory import NormalFormGame
    >>> rps = NormalFormGame.zero_sum([[0, -1, 1], [1, 0, -1], [-1, 1, 0]],
    ...     strategies=[["R", "P", "S"], ["R", "P", "S"]])
    >>> sol = solve_lp(rps)
    >>> print(sol[0])
    1: (R 1/3, P 1/3, S 1/3); 2: (R 1/3, P 1/3, S 1/3) -> payoffs (0, 0)
    >>> sol.notes[0]
    "value of the game to '1': 0 (to '2': 0)"
    """
    result, constant = _solve(game, "lp", tol)
    eq = certify(game, [list(result.row), list(result.col)], "lp", tol=tol)
    p1, p2 = game.players
    v = result.value
    notes = [f"value of the game to {p1!r}: {format_number(v)} (to {p2!r}: "
             f"{format_number(constant - v)})"]
    if constant != 0:
        notes.append(
            f"constant-sum game (payoffs sum to {format_number(constant)}): solved as the "
            f"zero-sum game with {p1!r}'s payoffs"
        )
    degenerate: bool | None = None
    if result.exact:
        A = fraction_matrix(game.payoffs[0])
        x, y = list(result.row), list(result.col)
        m, n = len(A), len(A[0])
        best_rows = sum(1 for r in range(m) if sum(A[r][c] * y[c] for c in range(n)) == v)
        best_cols = sum(1 for c in range(n) if sum(x[r] * A[r][c] for r in range(m)) == v)
        if best_rows > sum(1 for t in x if t) or best_cols > sum(1 for t in y if t):
            degenerate = True
        neg_t = [[-A[r][c] for r in range(m)] for c in range(n)]
        for who, unique in ((p1, unique_optimum(A, v, x)), (p2, unique_optimum(neg_t, -v, y))):
            if unique:
                notes.append(f"{who!r} has a unique optimal strategy")
            else:
                degenerate = True
                notes.append(
                    f"{who!r} has infinitely many optimal strategies (a polytope); "
                    "one of them is returned"
                )
    return Solution(
        game=game,
        method="lp",
        equilibria=(eq,),
        exact=eq.exact,
        complete="one",
        degenerate=degenerate,
        notes=tuple(notes),
    )


def game_value(game: Any, *, tol: float | None = None) -> Fraction | float:
    """The value of a two-player zero-sum (or constant-sum) game to the first player.

    Parameters
    ----------
    game : NormalFormGame
        Two players, payoffs with a constant sum.
    tol : float, optional
        Tolerance for float games; exact games get an exact value.

    Returns
    -------
    Fraction or float
        :math:`\\max_x \\min_y x^\\top A y` for the first player's payoffs
        :math:`A` (a :class:`~fractions.Fraction` for exact games).

    Raises
    ------
    MethodNotApplicableError
        Not two players, or not constant-sum.
    SymbolicGameError
        The game has free parameters.

    References
    ----------
    .. [1] J. von Neumann, "Zur Theorie der Gesellschaftsspiele",
       Mathematische Annalen 100 (1928) 295-320.

    Examples
    --------
    >>> from gametheory import NormalFormGame
    >>> game_value(NormalFormGame.zero_sum([[3, -1], [-2, 1]]))
    Fraction(1, 7)
    """
    result, _ = _solve(game, "game_value", tol)
    return result.value


def optimal_strategies(
    game: Any, *, tol: float | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """One optimal (maximin) strategy for each player of a zero-sum game.

    Parameters
    ----------
    game : NormalFormGame
        Two players, payoffs with a constant sum.
    tol : float, optional
        Tolerance for float games; exact games get Fraction probabilities.

    Returns
    -------
    tuple of dict
        ``({strategy: probability}, {strategy: probability})`` for the two
        players, every strategy listed. The pair is verified as an equilibrium.

    Raises
    ------
    MethodNotApplicableError
        Not two players, or not constant-sum.
    SymbolicGameError
        The game has free parameters.

    References
    ----------
    .. [1] G. B. Dantzig, "A proof of the equivalence of the programming
       problem and the game problem", Cowles Commission Monograph 13 (1951).

    Examples
    --------
    >>> from gametheory import NormalFormGame
    >>> x, y = optimal_strategies(NormalFormGame.zero_sum([[3, -1], [-2, 1]]))
    >>> x
    {'1': Fraction(3, 7), '2': Fraction(4, 7)}
    >>> y
    {'1': Fraction(2, 7), '2': Fraction(5, 7)}
    """
    result, _ = _solve(game, "optimal_strategies", tol)
    eq = certify(game, [list(result.row), list(result.col)], "lp", tol=tol)
    p1, p2 = game.players
    return dict(eq.profile[p1]), dict(eq.profile[p2])
