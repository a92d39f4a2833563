"""Helpers shared by the solver modules (private)."""

from __future__ import annotations

from typing import Any

import numpy as np

from .._numbers import integer_scaled
from ..errors import MethodNotApplicableError

__all__ = ["exact_integer_payoffs", "require_players"]


def require_players(game: Any, n: int, method: str) -> None:
    """Raise :class:`MethodNotApplicableError` unless the game has ``n`` players."""
    game.numeric_check(f"method {method!r}")
    if game.n_players != n:
        raise MethodNotApplicableError(
            f"method {method!r} handles {n}-player games; this game has {game.n_players} players"
            + ("; use 'pure' (all pure equilibria) instead" if game.n_players > 2 else "")
        )


def exact_integer_payoffs(game: Any) -> tuple[np.ndarray, ...]:
    """Each player's payoffs scaled by a positive integer to integers (exact games only).

    Positive scaling leaves best responses, and therefore equilibria, unchanged.
    """
    if not game.is_exact:
        raise MethodNotApplicableError("exact integer payoffs need an exact game")
    return tuple(integer_scaled(a) for a in game.payoffs)
