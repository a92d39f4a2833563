"""Dominated strategies and their iterated elimination.

Let :math:`S_{-i}` be the set of pure profiles of player :math:`i`'s
opponents. A mixed strategy :math:`q` of player :math:`i` *strictly
dominates* the pure strategy :math:`s` when

.. math:: \\sum_k q_k\\, u_i(k, s_{-i}) > u_i(s, s_{-i})
   \\quad \\text{for every } s_{-i} \\in S_{-i},

and *weakly dominates* it when ``>=`` holds everywhere and ``>`` holds for
at least one :math:`s_{-i}`. Checking against pure opponent profiles is
enough: by linearity the inequalities then hold against every mixed (even
correlated) profile of the opponents. The *gap* of a dominator is
:math:`\\min_{s_{-i}} \\bigl(u_i(q, s_{-i}) - u_i(s, s_{-i})\\bigr)`.

Pure dominators are found by vectorised comparisons. Mixed ones by linear
programming: with :math:`D_{k,j} = u_i(k, j) - u_i(s, j)` for the other
strategies :math:`k` and opponent profiles :math:`j`, :math:`s` is strictly
dominated iff the matrix game :math:`D` has a positive value
:math:`\\max_q \\min_j (q^\\top D)_j` (the optimal :math:`q` is the dominator
with the largest gap), and weakly dominated iff
:math:`\\max \\{\\sum_j (q^\\top D)_j : q \\ge 0, \\sum q = 1, q^\\top D \\ge 0\\}`
is positive. By LP duality :math:`s` is not strictly dominated iff it is a
best response to some (correlated) belief over :math:`S_{-i}` (Pearce 1984).

For exact games every verdict is exact. Pure comparisons are done on
integers; the matrix-game value is found by HiGHS, confirmed in rational
arithmetic on the suggested support, and otherwise computed by an exact
simplex method (see :mod:`gametheory.solvers.zerosum`). The weak-dominance LP,
needed only when no mixture is strictly better everywhere yet none is worse
everywhere (a tie somewhere), is solved by the exact simplex.
A dominator is reported only with an exact certificate, checked again with
:class:`~fractions.Fraction` arithmetic. Float games use a stated tolerance:
a gap counts as positive when it exceeds ``tol``.

*Iterated elimination* removes dominated strategies and repeats on the
smaller game. Eliminating strictly dominated strategies keeps every Nash
equilibrium and the result does not depend on the order (Gilboa, Kalai &
Zemel 1990). Weak dominance can remove equilibria and its result can depend
on the order, so :func:`iterated_elimination` makes the order explicit;
deciding whether some order of weak elimination removes a given strategy is
NP-complete (Gilboa, Kalai & Zemel 1993).
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import reduce
from typing import Any

import numpy as np
from scipy.optimize import linprog

from .._numbers import format_number, to_fraction
from ..equilibrium import DEFAULT_RTOL, Solution, certify
from ..errors import MethodNotApplicableError
from . import METHODS, _resolve, solve
from ._exact_lp import matrix_game_exact, matrix_game_float, simplex_max

__all__ = [
    "Dominance",
    "Elimination",
    "dominated_by",
    "find_dominated",
    "iterated_elimination",
    "solve_dominance",
]

_ORDERS = ("all", "sequential")


@dataclass(frozen=True)
class Dominance:
    """A certificate that a pure strategy is dominated.

    Attributes
    ----------
    player : str
        The player whose strategy is dominated.
    strategy : str
        The dominated pure strategy.
    dominator : dict
        The dominating mixture ``{strategy: probability}`` over the player's
        other strategies (only those with positive probability, in the
        game's order); a single entry with probability 1 for a pure dominator.
        Probabilities are :class:`~fractions.Fraction` for exact games.
    strict : bool
        True for strict dominance (``gap > 0``), False for weak dominance.
    gap : Fraction or float
        :math:`\\min_{s_{-i}} (u_i(q, s_{-i}) - u_i(s, s_{-i}))`, in payoff
        units: positive for strict dominance, 0 for weak dominance. For a
        mixed strict dominator found by LP it is the largest gap of any
        mixture.
    gaps : tuple
        The gap against each pure profile of the opponents, in row-major
        order of their strategies (players in game order, this player left out).
    exact : bool
        True when the dominance was checked in exact rational arithmetic.

    Examples
    --------
    >>> from gametheory import NormalFormGame
    >>> g = NormalFormGame.from_arrays([[3, 0], [0, 3], [1, 1]], [[0, 0], [0, 0], [0, 0]],
    ...     strategies=[["U", "M", "D"], ["L", "R"]])
    >>> d = dominated_by(g, "1", "D")
    >>> d.dominator, d.gap
    ({'U': Fraction(1, 2), 'M': Fraction(1, 2)}, Fraction(1, 2))
    >>> print(d)
    D of '1' is strictly dominated by 1/2 U + 1/2 M (gap 1/2)
    """

    player: str
    strategy: str
    dominator: dict[str, Any] = field(hash=False)
    strict: bool
    gap: Any
    gaps: tuple[Any, ...]
    exact: bool

    @property
    def is_pure(self) -> bool:
        """True when the dominator is a pure strategy."""
        return len(self.dominator) == 1

    @property
    def kind(self) -> str:
        """``"strictly"`` or ``"weakly"``."""
        return "strictly" if self.strict else "weakly"

    def dominator_text(self) -> str:
        """The dominator as text: ``"Preempt"`` or ``"1/2 U + 1/2 M"``."""
        if self.is_pure:
            return next(iter(self.dominator))
        return " + ".join(f"{format_number(p)} {s}" for s, p in self.dominator.items())

    def __str__(self) -> str:
        return (
            f"{self.strategy} of {self.player!r} is {self.kind} dominated by "
            f"{self.dominator_text()} (gap {format_number(self.gap)})"
        )


@dataclass(frozen=True, eq=False)
class Elimination:
    """The result of :func:`iterated_elimination`.

    Attributes
    ----------
    game : NormalFormGame
        The original game.
    reduced : NormalFormGame
        The game left after elimination (strategy labels kept).
    rounds : tuple of tuple of Dominance
        What each round eliminated, with its dominator in the game of that
        round. With ``order="sequential"`` each round eliminates one strategy.
    strict : bool
        True for strict dominance, False for weak dominance.
    mixed : bool
        True when dominance by mixed strategies was allowed.
    order : str
        ``"all"`` or ``"sequential"``.
    notes : tuple of str
        What the elimination preserves (all equilibria for strict dominance;
        possibly not for weak dominance, whose result depends on the order).

    Examples
    --------
    >>> from gametheory import NormalFormGame
    >>> pd = NormalFormGame.from_arrays([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...     strategies=[["C", "D"], ["C", "D"]])
    >>> elim = iterated_elimination(pd)
    >>> elim.remaining
    {'1': ('D',), '2': ('D',)}
    >>> for line in elim.trace():
    ...     print(line)
    round 1: 1 eliminates C (strictly dominated by D)
    round 1: 2 eliminates C (strictly dominated by D)
    """

    game: Any
    reduced: Any
    rounds: tuple[tuple[Dominance, ...], ...]
    strict: bool
    mixed: bool
    order: str
    notes: tuple[str, ...]

    @property
    def eliminated(self) -> tuple[Dominance, ...]:
        """Every elimination, in order."""
        return tuple(d for r in self.rounds for d in r)

    @property
    def remaining(self) -> dict[str, tuple[str, ...]]:
        """Strategies that survive, per player."""
        return dict(zip(self.reduced.players, self.reduced.strategies, strict=True))

    @property
    def solvable(self) -> bool:
        """True when one strategy is left for every player (dominance solvable)."""
        return all(k == 1 for k in self.reduced.shape)

    def trace(self) -> tuple[str, ...]:
        """One readable line per elimination."""
        return tuple(
            f"round {r}: {d.player} eliminates {d.strategy} "
            f"({d.kind} dominated by {d.dominator_text()})"
            for r, rnd in enumerate(self.rounds, start=1)
            for d in rnd
        )

    def __str__(self) -> str:
        kind = "strict" if self.strict else "weak"
        k = len(self.rounds)
        head = f"iterated {kind} dominance ({k} round{'s' * (k != 1)}, order={self.order!r})"
        left = "; ".join(f"{p}: {', '.join(s)}" for p, s in self.remaining.items())
        return "\n".join([head, *self.trace(), f"remaining: {left}", *self.notes])


# ---------------------------------------------------------------------------- per-player data
@dataclass(frozen=True)
class _Rows:
    """Player ``i``'s payoffs as an ``(n_i, n_profiles)`` array (private).

    Exact games: Python integers proportional to the payoffs (``scale`` is the
    positive factor applied), so gaps are ``integer gap / scale``.
    """

    U: np.ndarray
    scale: Fraction
    exact: bool
    tol: float


def _rows(game: Any, i: int, tol: float) -> _Rows:
    U = np.moveaxis(game.payoffs[i], i, 0).reshape(game.shape[i], -1)
    if not game.is_exact:
        return _Rows(np.asarray(U, dtype=float), Fraction(1), False, tol)
    fr = [to_fraction(v) for v in U.flat]
    lcm = reduce(math.lcm, (f.denominator for f in fr), 1)
    ints = np.empty(U.shape, dtype=object)
    ints.flat[:] = [int(f * lcm) for f in fr]
    return _Rows(ints, Fraction(lcm), True, 0.0)


def _float_tol(game: Any, tol: float | None) -> float:
    if game.is_exact:
        return 0.0
    if tol is not None:
        if not (isinstance(tol, int | float) and math.isfinite(tol) and tol >= 0):
            raise ValueError(f"tol must be a finite non-negative number, got {tol!r}")
        return float(tol)
    scale = max(1.0, max(float(np.max(np.abs(a))) for a in game.as_float_arrays()))
    return DEFAULT_RTOL * scale


def _make(
    game: Any, i: int, s: int, others: Sequence[int], q: Sequence[Any] | np.ndarray, rows: _Rows
) -> Dominance | None:
    """Check the mixture ``q`` over ``others`` against ``s`` and build the certificate."""
    U = rows.U
    qs: list[Fraction | float]  # Fractions for exact rows, floats otherwise
    total: Fraction | float
    if rows.exact:
        qs = [to_fraction(t) for t in q]
        total = sum(qs, Fraction(0))
        if total <= 0 or any(t < 0 for t in qs):
            return None
        qs = [t / total for t in qs]
        gaps = [
            (sum((qk * U[k, j] for qk, k in zip(qs, others, strict=True) if qk), Fraction(0))
             - U[s, j]) / rows.scale
            for j in range(U.shape[1])
        ]
        gap = min(gaps)
        if gap < 0 or all(g == 0 for g in gaps):
            return None
        strict = gap > 0
    else:
        qs = [float(t) if float(t) > 1e-12 else 0.0 for t in q]
        total = sum(qs)
        if total <= 0:
            return None
        qs = [t / total for t in qs]
        gvec = np.asarray(qs) @ U[list(others)] - U[s]
        gaps = [float(g) for g in gvec]
        gap = min(gaps)
        if gap < -rows.tol or max(gaps) <= rows.tol:
            return None
        strict = gap > rows.tol
    labels = game.strategies[i]
    dominator = {labels[k]: qk for k, qk in zip(others, qs, strict=True) if qk > 0}
    return Dominance(
        player=game.players[i],
        strategy=labels[s],
        dominator=dominator,
        strict=strict,
        gap=gap,
        gaps=tuple(gaps),
        exact=rows.exact,
    )


def _weak_lp_float(D: np.ndarray) -> np.ndarray | None:
    """``argmax sum(q @ D)`` over ``q`` in the simplex with ``q @ D >= 0`` (HiGHS)."""
    K = D.shape[0]
    s = float(np.max(np.abs(D))) or 1.0
    Ds = D / s
    res = linprog(
        -Ds.sum(axis=1), A_ub=-Ds.T, b_ub=np.zeros(D.shape[1]),
        A_eq=np.ones((1, K)), b_eq=[1.0], bounds=[(0, None)] * K, method="highs-ds",
    )
    if res.status != 0 or res.x is None:
        return None
    return res.x


def _check(
    game: Any, i: int, s: int, rows: _Rows, *, strict: bool, mixed: bool
) -> Dominance | None:
    U = rows.U
    n = U.shape[0]
    others = [k for k in range(n) if k != s]
    if not others:
        return None
    thr = rows.tol
    D = U[others] - U[s]  # (K, M)
    lo = D.min(axis=1)
    hi = D.max(axis=1)
    # pure strict: the dominator with the largest gap (lowest index on ties)
    strict_pure = [k for k in range(len(others)) if lo[k] > thr]
    if strict_pure:
        best = max(strict_pure, key=lambda k: (lo[k], -k))
        q = [int(k == best) for k in range(len(others))]
        return _make(game, i, s, others, q, rows)
    col_best = D.max(axis=0)  # best payoff difference against each opponent profile
    strict_possible = mixed and len(others) > 1 and bool(np.all(col_best > thr))
    value = None
    if strict_possible:
        if rows.exact:
            res = matrix_game_exact(D)
        else:
            res = matrix_game_float(np.asarray(D, dtype=float), thr)
        value = res.value
        if value > thr:
            found = _make(game, i, s, others, res.row, rows)
            if found is not None and found.strict:
                return found
    if strict:
        return None
    # weak dominance
    weak_pure = [k for k in range(len(others)) if lo[k] >= -thr and hi[k] > thr]
    if weak_pure:
        q = [int(k == weak_pure[0]) for k in range(len(others))]
        return _make(game, i, s, others, q, rows)
    if not mixed or len(others) < 2:
        return None
    if np.any(col_best < -thr) or not np.any(thr < D):
        return None  # some opponent profile where every alternative is worse
    if value is not None and value < -thr:
        return None  # no mixture is >= everywhere
    if rows.exact:
        K, M = D.shape
        c = [sum(D[k, j] for j in range(M)) for k in range(K)]
        A = [[-D[k, j] for k in range(K)] for j in range(M)] + [[1] * K]
        b = [0] * M + [1]
        res_lp = simplex_max(c, A, b)
        if res_lp is None:  # pragma: no cover - sum q <= 1 bounds the LP
            return None
        if res_lp[2] == 0:  # exact optimum 0: no mixture is >= everywhere and > somewhere
            return None
        return _make(game, i, s, others, res_lp[0], rows)
    qf = _weak_lp_float(np.asarray(D, dtype=float))
    return None if qf is None else _make(game, i, s, others, qf, rows)


def _check_args(strict: Any, mixed: Any) -> None:
    for name, value in (("strict", strict), ("mixed", mixed)):
        if not isinstance(value, bool):
            raise ValueError(f"{name} must be True or False, got {value!r}")


# ---------------------------------------------------------------------------- public queries
def dominated_by(
    game: Any,
    player: int | str,
    strategy: int | str,
    *,
    strict: bool = True,
    mixed: bool = True,
    tol: float | None = None,
) -> Dominance | None:
    """Is a pure strategy dominated, and by what?

    Parameters
    ----------
    game : NormalFormGame
        Any number of players; numeric payoffs.
    player : str or int
        The player, by label or index.
    strategy : str or int
        One of the player's pure strategies, by label or index.
    strict : bool, default True
        Look for strict dominance only. With ``strict=False`` weak dominance
        is also reported (strict dominance is still preferred when it exists).
    mixed : bool, default True
        Allow mixed dominators; with False only pure strategies are tried.
    tol : float, optional
        For float games, a gap counts as positive when it exceeds ``tol``
        (default ``1e-9 * max(1, max |payoff|)``). Ignored for exact games.

    Returns
    -------
    Dominance or None
        A certificate (dominator, gap), or None when the strategy is not
        dominated in the requested sense. Pure dominators are preferred;
        among mixtures the one with the largest gap is returned.

    Raises
    ------
    SymbolicGameError
        The game has free parameters.
    UnknownLabelError
        No such player or strategy.

    References
    ----------
    .. [1] D. Fudenberg and J. Tirole, Game Theory, MIT Press (1991), §2.1.
    .. [2] R. B. Myerson, Game Theory: Analysis of Conflict, Harvard (1991), §3.1.
    .. [3] D. G. Pearce, "Rationalizable strategic behavior and the problem of
       perfection", Econometrica 52 (1984) 1029-1050 (Lemma 3).

    Examples
    --------
    >>> from gametheory import NormalFormGame
    >>> g = NormalFormGame.from_arrays([[3, 0], [0, 3], [1, 1]], [[0, 0], [0, 0], [0, 0]],
    ...     strategies=[["U", "M", "D"], ["L", "R"]])
    >>> print(dominated_by(g, "1", "D"))
    D of '1' is strictly dominated by 1/2 U + 1/2 M (gap 1/2)
    >>> dominated_by(g, "1", "D", mixed=False) is None
    True
    """
    game.numeric_check("dominated_by")
    _check_args(strict, mixed)
    i = game.player_index(player)
    s = game.strategy_index(i, strategy)
    rows = _rows(game, i, _float_tol(game, tol))
    return _check(game, i, s, rows, strict=strict, mixed=mixed)


def find_dominated(
    game: Any, *, strict: bool = True, mixed: bool = True, tol: float | None = None
) -> tuple[Dominance, ...]:
    """Every dominated pure strategy of every player.

    Parameters
    ----------
    game : NormalFormGame
        Any number of players; numeric payoffs.
    strict, mixed, tol
        As in :func:`dominated_by`.

    Returns
    -------
    tuple of Dominance
        One certificate per dominated strategy, by player then strategy order.
        Each is relative to the whole game (a dominator may itself be dominated).

    Raises
    ------
    SymbolicGameError
        The game has free parameters.

    References
    ----------
    .. [1] D. Fudenberg and J. Tirole, Game Theory, MIT Press (1991), §2.1.

    Examples
    --------
    >>> from gametheory import NormalFormGame
    >>> pd = NormalFormGame.from_arrays([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...     strategies=[["C", "D"], ["C", "D"]])
    >>> [str(d) for d in find_dominated(pd)]
    ["C of '1' is strictly dominated by D (gap 1)", "C of '2' is strictly dominated by D (gap 1)"]
    """
    game.numeric_check("find_dominated")
    _check_args(strict, mixed)
    return _all_dominated(game, strict, mixed, _float_tol(game, tol))


def _all_dominated(game: Any, strict: bool, mixed: bool, tol: float) -> tuple[Dominance, ...]:
    out = []
    for i in range(game.n_players):
        if game.shape[i] < 2:
            continue
        rows = _rows(game, i, tol)
        for s in range(game.shape[i]):
            d = _check(game, i, s, rows, strict=strict, mixed=mixed)
            if d is not None:
                out.append(d)
    return tuple(out)


def _first_dominated(game: Any, strict: bool, mixed: bool, tol: float) -> Dominance | None:
    for i in range(game.n_players):
        if game.shape[i] < 2:
            continue
        rows = _rows(game, i, tol)
        for s in range(game.shape[i]):
            d = _check(game, i, s, rows, strict=strict, mixed=mixed)
            if d is not None:
                return d
    return None


def iterated_elimination(
    game: Any,
    *,
    strict: bool = True,
    mixed: bool = True,
    order: str = "all",
    tol: float | None = None,
) -> Elimination:
    """Iterated elimination of dominated strategies.

    Parameters
    ----------
    game : NormalFormGame
        Any number of players; numeric payoffs.
    strict : bool, default True
        Eliminate strictly dominated strategies (IESDS). With False, weakly
        dominated ones (which includes strictly dominated ones).
    mixed : bool, default True
        Allow mixed dominators.
    order : {"all", "sequential"}, default "all"
        ``"all"``: each round removes every dominated strategy of every
        player at once. ``"sequential"``: each round removes one strategy,
        the first dominated one by player index, then strategy index. For
        strict dominance both give the same reduced game; for weak dominance
        they may not.
    tol : float, optional
        Tolerance for float games (see :func:`dominated_by`).

    Returns
    -------
    Elimination
        The reduced game and the trace of rounds.

    Raises
    ------
    SymbolicGameError
        The game has free parameters.
    ValueError
        ``order`` is not one of the two names.

    Notes
    -----
    Strict dominance: every Nash equilibrium of the game is one of the
    reduced game and conversely, whatever the order. Weak dominance: the
    reduced game's equilibria are equilibria of the game, but some
    equilibria may be lost, and different orders can leave different games
    [3]_; deciding whether a strategy survives some order of weak
    elimination is NP-complete [4]_.

    References
    ----------
    .. [1] D. Fudenberg and J. Tirole, Game Theory, MIT Press (1991), §2.1.
    .. [2] R. B. Myerson, Game Theory: Analysis of Conflict, Harvard (1991), §3.1.
    .. [3] I. Gilboa, E. Kalai and E. Zemel, "On the order of eliminating
       dominated strategies", Operations Research Letters 9 (1990) 85-89.
    .. [4] I. Gilboa, E. Kalai and E. Zemel, "The complexity of eliminating
       dominated strategies", Mathematics of Operations Research 18 (1993) 553-565.

    Examples
    --------
    Gibbons (1992, §1.1.B): Right, then Down, then Left are eliminated.

    >>> from gametheory import NormalFormGame
    >>> g = NormalFormGame.from_arrays([[1, 1, 0], [0, 0, 2]], [[0, 2, 1], [3, 1, 0]],
    ...     strategies=[["Up", "Down"], ["Left", "Middle", "Right"]])
    >>> elim = iterated_elimination(g)
    >>> for line in elim.trace():
    ...     print(line)
    round 1: 2 eliminates Right (strictly dominated by Middle)
    round 2: 1 eliminates Down (strictly dominated by Up)
    round 3: 2 eliminates Left (strictly dominated by Middle)
    >>> elim.remaining
    {'1': ('Up',), '2': ('Middle',)}
    """
    game.numeric_check("iterated_elimination")
    _check_args(strict, mixed)
    if order not in _ORDERS:
        raise ValueError(f"order must be one of {list(_ORDERS)}, got {order!r}")
    t = _float_tol(game, tol)
    remaining = {p: list(s) for p, s in zip(game.players, game.strategies, strict=True)}
    current = game
    rounds: list[tuple[Dominance, ...]] = []
    while True:
        if order == "all":
            found = _all_dominated(current, strict, mixed, t)
        else:
            first = _first_dominated(current, strict, mixed, t)
            found = () if first is None else (first,)
        kept: list[Dominance] = []
        for d in found:
            left = remaining[d.player]
            if len(left) > 1:  # never remove a player's last strategy (float safety)
                left.remove(d.strategy)
                kept.append(d)
        if not kept:
            break
        rounds.append(tuple(kept))
        current = game.restrict(remaining)
    notes = []
    if strict:
        notes.append(
            "iterated strict dominance keeps every Nash equilibrium, and the reduced game "
            "does not depend on the order of elimination"
        )
    else:
        notes.append(
            "iterated weak dominance can eliminate Nash equilibria, and the reduced game can "
            f"depend on the order of elimination (here order={order!r})"
        )
    if not mixed:
        notes.append("only dominance by pure strategies was checked")
    return Elimination(
        game=game,
        reduced=current,
        rounds=tuple(rounds),
        strict=strict,
        mixed=mixed,
        order=order,
        notes=tuple(notes),
    )


def solve_dominance(
    game: Any,
    *,
    strict: bool = True,
    mixed: bool = True,
    order: str = "all",
    then: str = "auto",
    tol: float | None = None,
) -> Solution:
    """Eliminate dominated strategies, then solve the reduced game.

    Parameters
    ----------
    game : NormalFormGame
        Any number of players; numeric payoffs.
    strict, mixed, order, tol
        As in :func:`iterated_elimination`.
    then : str, default "auto"
        Method for the reduced game, any name accepted by
        :func:`gametheory.solve` except ``"dominance"``. ``"auto"`` uses
        ``enummixed`` for two players and ``pure`` otherwise; when one
        strategy per player is left no solver is needed.

    Returns
    -------
    Solution
        Equilibria of the reduced game, with probability 0 on eliminated
        strategies, each certified in the full game. With strict dominance
        ``complete`` is the reduced game's (the equilibrium set is
        unchanged; ``"all"`` when one profile is left); with weak dominance
        it is ``"some"``. The notes hold the elimination trace; call
        :func:`iterated_elimination` for it as an object.

    Raises
    ------
    MethodNotApplicableError
        ``then`` is ``"dominance"`` or does not apply to the reduced game.
    SymbolicGameError
        The game has free parameters.

    References
    ----------
    .. [1] D. Fudenberg and J. Tirole, Game Theory, MIT Press (1991), §2.1.
    .. [2] I. Gilboa, E. Kalai and E. Zemel, "The complexity of eliminating
       dominated strategies", Mathematics of Operations Research 18 (1993) 553-565.

    Examples
    --------
    >>> from gametheory import NormalFormGame
    >>> pd = NormalFormGame.from_arrays([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...     players=["Row", "Col"], strategies=[["C", "D"], ["C", "D"]])
    >>> sol = solve_dominance(pd)
    >>> print(sol[0])
    Row: D; Col: D -> payoffs (1, 1)
    >>> sol.complete
    'all'
    >>> sol.notes[0]
    'round 1: Row eliminates C (strictly dominated by D)'
    """
    game.numeric_check("method 'dominance'")
    if not isinstance(then, str):
        raise MethodNotApplicableError(f"then must be a method name, got {then!r}")
    if then.lower() == "dominance":
        raise MethodNotApplicableError(
            "then='dominance' would only repeat the elimination; choose a method for the "
            "reduced game, e.g. 'enummixed', 'pure' or 'auto'"
        )
    elim = iterated_elimination(game, strict=strict, mixed=mixed, order=order, tol=tol)
    reduced = elim.reduced
    notes = list(elim.trace())
    if not elim.rounds:
        notes.append("no strategy is dominated; the whole game was solved")
    notes += list(elim.notes)
    if elim.solvable:
        profile = [s[0] for s in reduced.strategies]
        eq = certify(game, profile, "dominance", tol=tol)
        notes.append(
            "one strategy per player survives: the game is "
            f"{'strictly' if strict else 'weakly'} dominance solvable"
        )
        return Solution(
            game=game,
            method="dominance",
            equilibria=(eq,),
            exact=eq.exact,
            complete="all" if strict else "some",
            notes=tuple(notes),
        )
    name = then.lower()
    if name == "auto":
        name = "enummixed" if reduced.n_players == 2 else "pure"
        notes.append(f"reduced game solved by {name!r} (auto)")
    else:
        notes.append(f"reduced game solved by {name!r}")
    accepts_tol = name in METHODS and "tol" in inspect.signature(_resolve(name)).parameters
    options: dict[str, Any] = {"tol": tol} if (tol is not None and accepts_tol) else {}
    sub = solve(reduced, method=name, **options)
    equilibria = tuple(
        certify(
            game,
            {p: dict(eq.profile[p]) for p in game.players},
            f"dominance+{sub.method}",
            component=eq.component,
            tol=tol,
        )
        for eq in sub.equilibria
    )
    notes += [f"reduced game: {n}" for n in sub.notes]
    return Solution(
        game=game,
        method="dominance",
        equilibria=equilibria,
        exact=all(e.exact for e in equilibria) if equilibria else game.is_exact,
        complete=sub.complete if strict else "some",
        components=sub.components,
        degenerate=True if sub.degenerate else None,
        notes=tuple(notes),
    )
