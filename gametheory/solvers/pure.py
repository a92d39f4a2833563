"""All pure-strategy Nash equilibria of an N-player game.

A pure profile :math:`s` is a Nash equilibrium iff every player's payoff
:math:`u_i(s)` equals :math:`\\max_{t_i} u_i(t_i, s_{-i})`. For each player
this is one ``max`` along that player's axis of the payoff tensor, so the
whole search is a handful of vectorised numpy operations on arrays of the
game's shape, with no Python loop over profiles.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..equilibrium import Solution, certify
from ._common import exact_integer_payoffs

__all__ = ["pure_equilibrium_mask", "solve_pure"]


def pure_equilibrium_mask(game: Any, *, tol: float | None = None) -> np.ndarray:
    """Boolean array over pure profiles: True where the profile is a Nash equilibrium.

    Exact games are compared exactly (on integer-scaled payoffs); float games
    accept a best response within ``tol`` (default ``1e-9 * max(1, max|u|)``).

    Examples
    --------
    >>> from gametheory import NormalFormGame
    >>> g = NormalFormGame.from_arrays([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    >>> pure_equilibrium_mask(g).tolist()
    [[False, False], [False, True]]
    """
    game.numeric_check("pure_equilibrium_mask")
    if game.is_exact:
        arrays = exact_integer_payoffs(game)
        slack: float = 0
    else:
        arrays = game.as_float_arrays()
        scale = max(1.0, max(float(np.max(np.abs(a))) for a in arrays))
        slack = 1e-9 * scale if tol is None else tol
    mask = np.ones(game.shape, dtype=bool)
    for i, U in enumerate(arrays):
        best = U.max(axis=i, keepdims=True)
        mask &= (best - slack <= U) if slack else (best == U)
    return mask


def solve_pure(game: Any, *, tol: float | None = None) -> Solution:
    """All pure-strategy Nash equilibria.

    Parameters
    ----------
    game : NormalFormGame
        Any number of players; numeric payoffs.
    tol : float, optional
        Tolerance for float games (ignored for exact games).

    Returns
    -------
    Solution
        ``complete == "all-pure"``: every pure equilibrium, in row-major
        order of profiles.

    References
    ----------
    .. [1] J. Nash, "Non-cooperative games", Annals of Mathematics 54 (1951) 286-295.

    Examples
    --------
    >>> from gametheory import NormalFormGame
    >>> g = NormalFormGame.from_arrays([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    >>> [e.pure_profile() for e in solve_pure(g)]
    [('1', '1'), ('2', '2')]
    """
    mask = pure_equilibrium_mask(game, tol=tol)
    equilibria = []
    for idx in np.argwhere(mask):
        profile = [game.strategies[i][k] for i, k in enumerate(idx)]
        equilibria.append(certify(game, profile, "pure", tol=tol))
    return Solution(
        game=game,
        method="pure",
        equilibria=tuple(equilibria),
        exact=game.is_exact,
        complete="all-pure",
    )
