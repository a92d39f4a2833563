"""Equilibrium solvers behind one entry point, :func:`solve`.

Each method lives in its own module as a function ``solve_<name>(game, **options)``
returning a :class:`~gametheory.equilibrium.Solution` whose equilibria have all
been verified by :func:`~gametheory.equilibrium.certify`.

=============  =========================================================  =====================
method         what it returns                                            games
=============  =========================================================  =====================
``pure``       all pure-strategy equilibria                               N players
``dominance``  equilibria of the game left by iterated strict dominance   N players
``enummixed``  all extreme equilibria and the convex components           2 players
``support``    all equilibria by support enumeration (extreme ones and    2 players
               a note when the game is degenerate)
``lcp``        equilibria reached by Lemke-Howson from every label        2 players
``lp``         optimal strategies and the value                           2-player zero-sum
``enumpoly``   all isolated equilibria (support enumeration + polynomial  N players, small
               indifference systems)
``logit``      the limit of the principal logit QRE branch                N players
``pbe``        PBE classes with off-path belief sets and refinements;     signaling games,
               sequential equilibria of trees                              trees
``spe``        all pure subgame-perfect equilibria (backward induction;   trees
               subgame decomposition)
=============  =========================================================  =====================

Extensive-form games (:class:`~gametheory.games.extensive.ExtensiveFormGame`)
given a tree method (:data:`gametheory.solvers.trees.TREE_METHODS`: ``spe``,
``lcp`` and ``lp`` on the sequence form, ``logit`` on the agent form (the
limit of the agent QRE), ``pure``, ``enummixed``, ``support``, ``enumpoly`` on
the reduced normal form, and ``auto``) are routed to
:func:`gametheory.solvers.trees.solve_tree`, which returns a
:class:`~gametheory.solvers.trees.TreeSolution` whose equilibria also carry
behaviour strategies; other methods (``pbe``) take trees directly.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, overload

from ..equilibrium import Solution
from ..errors import MethodNotApplicableError

if TYPE_CHECKING:
    from ..games.extensive import ExtensiveFormGame
    from .trees import TreeSolution

__all__ = ["METHODS", "available_methods", "solve"]

#: name -> (module, function, one-line description)
METHODS: dict[str, tuple[str, str, str]] = {
    "pure": ("pure", "solve_pure", "all pure-strategy Nash equilibria (N players)"),
    "dominance": (
        "dominance",
        "solve_dominance",
        "iterated elimination of strictly dominated strategies, then solve the reduced game",
    ),
    "enummixed": (
        "vertex_enumeration",
        "solve_enummixed",
        "all extreme equilibria of a 2-player game (exact vertex enumeration)",
    ),
    "support": (
        "support_enumeration",
        "solve_support",
        "support enumeration for 2-player games (exact)",
    ),
    "lcp": ("lemke_howson", "solve_lcp", "Lemke-Howson from every initial label (exact pivoting)"),
    "lp": ("zerosum", "solve_lp", "linear programming for 2-player zero-sum games (exact value)"),
    "pbe": (
        "pbe",
        "solve_pbe",
        "perfect Bayesian equilibria of signaling games (Intuitive Criterion, D1) and "
        "sequential equilibria of trees (exact)",
    ),
    "enumpoly": (
        "polynomial",
        "solve_enumpoly",
        "all isolated equilibria of small N-player games (supports + polynomial systems)",
    ),
    "logit": (
        "logit",
        "solve_logit",
        "logit quantal response equilibrium, principal branch traced to a Nash equilibrium "
        "(trees: agent QRE, limit a sequential equilibrium)",
    ),
    "spe": (
        "trees",
        "solve_spe",
        "subgame-perfect equilibria of game trees (backward induction, subgame decomposition)",
    ),
}


#: ``auto`` uses enumpoly for N-player games with at most this many pure profiles.
_ENUMPOLY_AUTO_PROFILES = 32


def available_methods() -> dict[str, str]:
    """Method names and one-line descriptions.

    Examples
    --------
    >>> "enummixed" in available_methods()
    True
    """
    return {name: desc for name, (_, _, desc) in METHODS.items()} | {
        "auto": "the best exact method for the game"
    }


def _resolve(name: str) -> Callable[..., Solution]:
    module, func, _ = METHODS[name]
    return getattr(importlib.import_module(f"{__name__}.{module}"), func)


def _auto(game: Any) -> tuple[str, str]:
    game.numeric_check("solve")
    from ..games import BayesianGame, SignalingGame

    if isinstance(game, SignalingGame | BayesianGame):
        return "pbe", "auto: a game with types, so perfect Bayesian equilibria by pbe"
    if game.n_players == 2:
        return "enummixed", "auto: 2-player game, so all extreme equilibria by enummixed"
    if game.n_players == 1:
        return "pure", "auto: 1-player game, so the optimal strategies by pure"
    profiles = math.prod(game.shape)
    if profiles <= _ENUMPOLY_AUTO_PROFILES:
        return "enumpoly", (
            f"auto: small {game.n_players}-player game ({profiles} profiles), so all "
            "equilibria by enumpoly (supports + polynomial systems)"
        )
    return "pure", (
        f"auto: {game.n_players}-player game with {profiles} profiles; only pure equilibria "
        "are enumerated (enumpoly on request: it grows fast with the number of supports)"
    )


@overload
def solve(
    game: ExtensiveFormGame, method: str = "auto", **options: Any
) -> Solution | TreeSolution: ...
@overload
def solve(game: Any, method: str = "auto", **options: Any) -> Solution: ...
def solve(game: Any, method: str = "auto", **options: Any) -> Solution | TreeSolution:
    """Compute Nash equilibria of a game, each verified before it is returned.

    Parameters
    ----------
    game : NormalFormGame or ExtensiveFormGame
        A numeric game. Symbolic games must be given values first with
        ``game.at(...)``; see :mod:`gametheory.analysis` for conditions in the
        parameters. Trees given a tree method go to
        :func:`gametheory.solvers.trees.solve_tree` (``auto`` is ``spe`` there).
    method : str, default ``"auto"``
        One of :func:`available_methods`. ``"auto"`` picks the best exact
        method (``enummixed`` for 2 players, ``enumpoly`` for small N-player
        games, ``pure`` otherwise, ``pbe`` for games with types) and says so in
        :attr:`Solution.notes`.
    **options
        Keyword options passed to the method.

    Returns
    -------
    Solution
        For trees, a :class:`~gametheory.solvers.trees.TreeSolution` (the same
        interface; each equilibrium also has ``behavior``).

    Raises
    ------
    MethodNotApplicableError
        Unknown method, or a method that does not apply to this game.
    SymbolicGameError
        The game has free parameters.

    Examples
    --------
    >>> from gametheory import NormalFormGame, solve
    >>> bos = NormalFormGame.from_arrays([[2, 0], [0, 1]], [[1, 0], [0, 2]],
    ...     strategies=[["Opera", "Football"], ["Opera", "Football"]])
    >>> for eq in solve(bos):
    ...     print(eq)
    1: Opera; 2: Opera -> payoffs (2, 1)
    1: (Opera 2/3, Football 1/3); 2: (Opera 1/3, Football 2/3) -> payoffs (2/3, 2/3)
    1: Football; 2: Football -> payoffs (1, 2)
    """
    if not isinstance(method, str):
        raise MethodNotApplicableError(f"method must be a string, got {method!r}")
    from ..games.extensive import ExtensiveFormGame

    if isinstance(game, ExtensiveFormGame):
        from .trees import TREE_METHODS, solve_tree

        if method.lower() in TREE_METHODS:
            return solve_tree(game, method, **options)
    name = method.lower()
    notes: tuple[str, ...] = ()
    if name == "auto":
        name, why = _auto(game)
        notes = (why,)
    if name not in METHODS:
        raise MethodNotApplicableError(
            f"unknown method {method!r}; available: {sorted(available_methods())}"
        )
    game.numeric_check(f"method {name!r}")
    solution = _resolve(name)(game, **options)
    if notes:
        from dataclasses import replace

        solution = replace(solution, notes=notes + solution.notes)
    return solution
