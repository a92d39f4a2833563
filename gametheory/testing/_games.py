"""Hypothesis strategies for normal-form games (private; see :mod:`gametheory.testing`)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

import numpy as np
from hypothesis import reject
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..errors import InvalidGameError
from ..games.normal import NormalFormGame

__all__ = [
    "DETERRENCE_ORDER",
    "chickens",
    "deadlocks",
    "degenerate_games",
    "deterrence_games",
    "non_degenerate_games",
    "normal_form_games",
    "ordinal_games",
    "prisoners_dilemmas",
    "stag_hunts",
]

#: Largest number of payoff values (cells times players) one game may need.
MAX_PAYOFFS = 5000

_DEFAULT_PAYOFFS = st.integers(-10, 10)
_GENERIC_PAYOFFS = st.integers(-1000, 1000)


# ---------------------------------------------------------------------------
# Argument validation (at draw time, as Hypothesis' own strategies do)
# ---------------------------------------------------------------------------


def _check_int(name: str, value: Any, minimum: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidArgument(f"{name} must be an integer; got {name}={value!r}")
    if value < minimum:
        raise InvalidArgument(f"{name}={value} must be at least {minimum}")


def _check_order(low_name: str, low: int, high_name: str, high: int) -> None:
    if low > high:
        raise InvalidArgument(
            f"{low_name}={low} is greater than {high_name}={high}: no game fits these bounds"
        )


def _check_strategy(name: str, value: Any) -> None:
    if not isinstance(value, st.SearchStrategy):
        raise InvalidArgument(
            f"{name} must be a Hypothesis strategy such as st.integers(-10, 10), "
            f"not a value; got {name}={value!r}"
        )


def _check_flag(name: str, value: Any) -> None:
    if not isinstance(value, bool):
        raise InvalidArgument(f"{name} must be True or False; got {name}={value!r}")


def _check_size(n_players: int, max_strategies: int) -> None:
    needed = n_players * max_strategies**n_players
    if needed > MAX_PAYOFFS:
        raise InvalidArgument(
            f"games with up to {n_players} players and {max_strategies} strategies each need up "
            f"to {needed} payoff values; Hypothesis cannot draw more than about {MAX_PAYOFFS} "
            "per game. Lower max_players or max_strategies."
        )


# ---------------------------------------------------------------------------
# Building games so that failing examples print as constructor calls
# ---------------------------------------------------------------------------


def _from_arrays(*arrays: Any, **options: Any) -> NormalFormGame:
    try:
        return NormalFormGame.from_arrays(*arrays, **options)
    except InvalidGameError as exc:
        raise InvalidArgument(
            f"the drawn payoffs or labels do not make a valid game ({exc}); check the "
            "payoffs and labels strategies"
        ) from exc


# Hypothesis prints objects made by ``st.builds(f, ...)`` as the call ``f(...)``
# (using ``f.__name__``), so failing examples read as runnable constructors.
_from_arrays.__name__ = _from_arrays.__qualname__ = "NormalFormGame.from_arrays"


def _build(
    draw: Callable[[st.SearchStrategy[Any]], Any],
    arrays: Sequence[Any],
    *,
    players: Sequence[str] | None = None,
    strategies: Sequence[Sequence[str]] | None = None,
    title: str = "",
) -> NormalFormGame:
    options: dict[str, st.SearchStrategy[Any]] = {}
    if players is not None:
        options["players"] = st.just(list(players))
    if strategies is not None:
        options["strategies"] = st.just([list(s) for s in strategies])
    if title:
        options["title"] = st.just(title)
    return draw(st.builds(_from_arrays, *(st.just(a) for a in arrays), **options))


def _draw_arrays(
    draw: Callable[[st.SearchStrategy[Any]], Any],
    n_players: int,
    middle: Sequence[int],
    payoffs: st.SearchStrategy[Any],
    rows: tuple[int, int],
    columns: tuple[int, int],
) -> list[Any]:
    """Payoff arrays (nested lists), one per player, of shape ``(r, *middle, c)``.

    The first player's strategies are a list of rows, so the shrinker can
    delete one; the last player's count is the length of the first row, so
    deleting a cell there deletes a strategy (other rows are cut to that
    length, or completed by further draws).  Each cell draws the payoffs of
    all players together.  Only ``middle`` (players 2 to N-1 of N >= 3) is a
    size drawn before the data.  With one player, ``columns`` is ignored.
    """
    group = st.tuples(*([st.tuples(*([payoffs] * n_players))] * math.prod(middle)))
    if n_players == 1:
        lines = draw(st.lists(group, min_size=rows[0], max_size=rows[1]))
        out = np.empty((len(lines),), dtype=object)
        out[:] = [line[0][0] for line in lines]
        return [out.tolist()]
    lines = draw(
        st.lists(st.lists(group, min_size=columns[0], max_size=columns[1]),
                 min_size=rows[0], max_size=rows[1])
    )
    width = len(lines[0])
    for line in lines[1:]:
        del line[width:]
        while len(line) < width:
            line.append(draw(group))
    shape = (len(lines), *middle, width)
    arrays = [np.empty(shape, dtype=object) for _ in range(n_players)]
    inner = list(itertools.product(*(range(d) for d in middle)))
    for r, line in enumerate(lines):
        for c, cells in enumerate(line):
            for k, idx in enumerate(inner):
                for i in range(n_players):
                    arrays[i][(r, *idx, c)] = cells[k][i]
    return [a.tolist() for a in arrays]


def _unique_labels(
    draw: Callable[[st.SearchStrategy[Any]], Any], labels: st.SearchStrategy[Any], count: int
) -> list[str]:
    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise InvalidArgument(f"labels must generate strings; got {value!r}")
        return value

    usable = labels.map(check).filter(lambda s: bool(s.strip()))
    return draw(st.lists(usable, min_size=count, max_size=count, unique=True))


# ---------------------------------------------------------------------------
# General games
# ---------------------------------------------------------------------------


@st.composite
def normal_form_games(
    draw: Callable[[st.SearchStrategy[Any]], Any],
    *,
    min_players: int = 2,
    max_players: int = 2,
    min_strategies: int = 1,
    max_strategies: int = 4,
    payoffs: st.SearchStrategy[Any] | None = None,
    labels: st.SearchStrategy[str] | None = None,
) -> NormalFormGame:
    """Normal-form games with a bounded number of players and strategies.

    Parameters
    ----------
    min_players, max_players : int, keyword-only
        Bounds on the number of players (at least 1; default exactly 2).
    min_strategies, max_strategies : int, keyword-only
        Bounds on each player's number of strategies (at least 1; default 1 to 4).
    payoffs : SearchStrategy, keyword-only
        A strategy of single payoff values: ``st.integers(-10, 10)`` (the
        default) gives ``"integer"`` games, ``st.fractions(-1, 1,
        max_denominator=12)`` exact ``"rational"`` ones, ``st.floats(-1e6, 1e6,
        allow_nan=False, allow_infinity=False)`` ``"float"`` ones.
    labels : SearchStrategy of str, keyword-only
        If given, player and strategy labels are drawn from it (distinct within
        each list; blank strings are skipped).  By default players and
        strategies are labelled ``"1"``, ``"2"``, ...

    Returns
    -------
    SearchStrategy of NormalFormGame
        Examples shrink towards games with ``min_players`` players, each with
        ``min_strategies`` strategies, whose payoffs are the simplest values of
        ``payoffs`` (all 0 by default).  Strategies of the first and the last
        player are drawn as lists, so the shrinker can delete one (the
        strategy counts of players in between, with 3 or more players, are
        drawn as numbers first).  Failing examples print as
        ``NormalFormGame.from_arrays(...)`` calls.

    Raises
    ------
    hypothesis.errors.InvalidArgument
        At draw time, for fewer than one player or strategy, a minimum above
        its maximum, non-integer bounds, ``payoffs`` or ``labels`` that are not
        strategies, or games too large for Hypothesis to draw
        (``n_players * max_strategies ** n_players > 5000``).

    Examples
    --------
    >>> from hypothesis import find, strategies as st
    >>> g = find(normal_form_games(), lambda g: True)
    >>> g.shape, g.payoff_array(0).tolist(), g.payoff_array(1).tolist()
    ((1, 1), [[0]], [[0]])
    >>> g = find(normal_form_games(payoffs=st.fractions(0, 1, max_denominator=4)),
    ...          lambda g: g.shape == (2, 1) and g.kind == "rational")
    >>> g.payoff_array(0).tolist(), g.payoff_array(1).tolist()
    ([[Fraction(0, 1)], [Fraction(0, 1)]], [[Fraction(0, 1)], [Fraction(1, 2)]])
    """
    for name, value in (("min_players", min_players), ("max_players", max_players)):
        _check_int(name, value, 1)
    for name, value in (("min_strategies", min_strategies), ("max_strategies", max_strategies)):
        _check_int(name, value, 1)
    _check_order("min_players", min_players, "max_players", max_players)
    _check_order("min_strategies", min_strategies, "max_strategies", max_strategies)
    payoffs = _DEFAULT_PAYOFFS if payoffs is None else payoffs
    _check_strategy("payoffs", payoffs)
    if labels is not None:
        _check_strategy("labels", labels)
    _check_size(max_players, max_strategies)

    n = draw(st.integers(min_players, max_players))
    middle = [draw(st.integers(min_strategies, max_strategies)) for _ in range(n - 2)]
    bounds = (min_strategies, max_strategies)
    arrays = _draw_arrays(draw, n, middle, payoffs, bounds, bounds)
    players = strategies = None
    if labels is not None:
        shape = np.shape(arrays[0])
        players = _unique_labels(draw, labels, n)
        strategies = [_unique_labels(draw, labels, k) for k in shape]
    return _build(draw, arrays, players=players, strategies=strategies)


# ---------------------------------------------------------------------------
# Degenerate and non-degenerate bimatrix games
# ---------------------------------------------------------------------------


def _solve_exact(matrix: list[list[Fraction]], rhs: list[Fraction]) -> list[Fraction] | str:
    """Solve ``matrix @ x = rhs`` exactly: the unique solution, ``"none"`` or ``"many"``."""
    rows = [[*row, b] for row, b in zip(matrix, rhs, strict=True)]
    n_cols = len(matrix[0])
    pivots: list[int] = []
    r = 0
    for c in range(n_cols):
        pivot = next((i for i in range(r, len(rows)) if rows[i][c] != 0), None)
        if pivot is None:
            continue
        rows[r], rows[pivot] = rows[pivot], rows[r]
        lead = rows[r][c]
        rows[r] = [v / lead for v in rows[r]]
        for i in range(len(rows)):
            if i != r and rows[i][c] != 0:
                f = rows[i][c]
                rows[i] = [a - f * b for a, b in zip(rows[i], rows[r], strict=True)]
        pivots.append(c)
        r += 1
    if any(all(v == 0 for v in row[:-1]) and row[-1] != 0 for row in rows):
        return "none"
    if len(pivots) < n_cols:
        return "many"
    x = [Fraction(0)] * n_cols
    for i, c in enumerate(pivots):
        x[c] = rows[i][-1]
    return x


def _responder_in_general_position(R: list[list[Fraction]]) -> bool:
    """No mixed strategy of the opponent with support k makes k+1 of the responder's
    strategies best responses (see :func:`non_degenerate_games`).

    ``R[t][s]`` is the responder's payoff for its strategy ``t`` against the
    opponent's strategy ``s``.  Conservative: an indifference system with a
    continuum of solutions also counts as a failure.
    """
    n_t, n_s = len(R), len(R[0])
    for k in range(1, min(n_s, n_t - 1) + 1):
        for S in itertools.combinations(range(n_s), k):
            for T in itertools.combinations(range(n_t), k + 1):
                # unknowns x_s (s in S) and v: sum_s x_s R[t][s] - v = 0, sum_s x_s = 1
                matrix = [[R[t][s] for s in S] + [Fraction(-1)] for t in T]
                matrix.append([Fraction(1)] * k + [Fraction(0)])
                sol = _solve_exact(matrix, [Fraction(0)] * (k + 1) + [Fraction(1)])
                if sol == "none":
                    continue
                if sol == "many":
                    return False
                assert isinstance(sol, list)
                x, v = sol[:k], sol[k]
                if any(xi < 0 for xi in x):
                    continue
                if all(sum(xi * R[t][s] for xi, s in zip(x, S, strict=True)) <= v
                       for t in range(n_t) if t not in T):
                    return False
    return True


def _in_general_position(A: list[list[Any]], B: list[list[Any]]) -> bool:
    fa = [[Fraction(v) for v in row] for row in A]
    # the column player responds to mixtures of rows: index B by (column, row)
    fb = [[Fraction(B[r][c]) for r in range(len(B))] for c in range(len(B[0]))]
    return _responder_in_general_position(fa) and _responder_in_general_position(fb)


def _transpose(M: list[list[Any]]) -> list[list[Any]]:
    return [list(col) for col in zip(*M, strict=True)]


def _check_bimatrix_bounds(min_strategies: int, max_strategies: int, what: str) -> None:
    _check_int("min_strategies", min_strategies, 1)
    _check_int("max_strategies", max_strategies, 1)
    _check_order("min_strategies", min_strategies, "max_strategies", max_strategies)
    _check_size(2, max_strategies)
    if what == "degenerate" and max_strategies < 2:
        raise InvalidArgument(
            f"max_strategies={max_strategies}: a degenerate game needs a player with at "
            "least 2 strategies (a 1x1 game is never degenerate)"
        )


_MECHANISMS = ("tie", "duplicate", "indifference")


@st.composite
def degenerate_games(
    draw: Callable[[st.SearchStrategy[Any]], Any],
    *,
    min_strategies: int = 1,
    max_strategies: int = 4,
    payoffs: st.SearchStrategy[Any] | None = None,
) -> NormalFormGame:
    """Two-player games built to be degenerate.

    A bimatrix game is *degenerate* when some mixed strategy with support of
    size :math:`k` has more than :math:`k` pure best responses [1]_.  Each
    example starts from a game with payoffs drawn from ``payoffs`` and then
    copies some of its payoffs (so every value still comes from ``payoffs``)
    to build one of three witnesses for a *responder* (either player) against
    the *opponent*:

    ``"tie"``
        Against a pure strategy of the opponent, two strategies of the
        responder tie for the best payoff.
    ``"duplicate"``
        A best response to some pure strategy of the opponent is duplicated:
        a second strategy with the same payoffs for both players.
    ``"indifference"``
        Against the opponent mixing two strategies half and half, three (or
        more) strategies of the responder are best responses: payoffs
        ``(a, b)``, ``(b, a)`` and ``(a, b)`` against those two strategies,
        and any other strategy that would do better is given ``(b, a)`` too.
        Needs 3 strategies for the responder and 2 for the opponent.  (With
        payoffs only copied, two of the three coincide against the mix's
        support, so a tie against a pure strategy often occurs as well.)

    Such games typically have continua of equilibria, or equilibria at which a
    player has more best responses than its support.

    Parameters
    ----------
    min_strategies, max_strategies : int, keyword-only
        Bounds on each player's number of strategies; the responder has at
        least 2 (3 for ``"indifference"``), so ``max_strategies >= 2``.
    payoffs : SearchStrategy, keyword-only
        Payoff values (default ``st.integers(-10, 10)``).

    Returns
    -------
    SearchStrategy of NormalFormGame
        Examples shrink towards a ``"tie"`` for the row player in a game with
        as few strategies as allowed and the simplest payoffs (by default the
        2x1 game with all payoffs 0, where both rows are best responses).

    Raises
    ------
    hypothesis.errors.InvalidArgument
        At draw time, for bounds as in :func:`normal_form_games` or
        ``max_strategies < 2``.

    References
    ----------
    .. [1] B. von Stengel, "Equilibrium computation for two-player games in
       strategic and extensive form", ch. 3 of N. Nisan et al. (eds.),
       *Algorithmic Game Theory*, Cambridge University Press, 2007,
       Definition 3.2.

    Examples
    --------
    >>> from hypothesis import find
    >>> g = find(degenerate_games(), lambda g: True)
    >>> g.payoff_array(0).tolist(), g.payoff_array(1).tolist()
    ([[0], [0]], [[0], [0]])
    """
    _check_bimatrix_bounds(min_strategies, max_strategies, "degenerate")
    payoffs = _DEFAULT_PAYOFFS if payoffs is None else payoffs
    _check_strategy("payoffs", payoffs)

    mechanisms = _MECHANISMS if max_strategies >= 3 else _MECHANISMS[:2]
    mechanism = draw(st.sampled_from(mechanisms))
    responder = draw(st.integers(0, 1))
    need_responder, need_opponent = (3, 2) if mechanism == "indifference" else (2, 1)
    n_resp = draw(st.integers(max(min_strategies, need_responder), max_strategies))
    n_opp = draw(st.integers(max(min_strategies, need_opponent), max_strategies))
    # R[t][s], O[t][s]: responder's and opponent's payoffs, responder strategy t
    R, O = _draw_arrays(draw, 2, [], payoffs, (n_resp, n_resp), (n_opp, n_opp))

    if mechanism in ("tie", "duplicate"):
        s = draw(st.integers(0, n_opp - 1))
        column = [R[t][s] for t in range(n_resp)]
        best = column.index(max(column))
        other = draw(st.integers(0, n_resp - 2))
        other += other >= best  # any strategy but `best`
        if mechanism == "tie":
            R[other][s] = R[best][s]
        else:
            R[other] = list(R[best])
            O[other] = list(O[best])
    else:
        s1, s2 = sorted(draw(st.lists(st.integers(0, n_opp - 1), min_size=2, max_size=2,
                                      unique=True)))
        t1, t2, t3 = draw(st.lists(st.integers(0, n_resp - 1), min_size=3, max_size=3,
                                   unique=True))
        a, b = R[t1][s1], R[t1][s2]
        R[t2][s1], R[t2][s2] = b, a
        R[t3][s1], R[t3][s2] = a, b
        for t in range(n_resp):
            if t not in (t1, t2, t3) and R[t][s1] + R[t][s2] > a + b:
                R[t][s1], R[t][s2] = b, a
    if responder == 0:
        A, B = R, O
    else:
        A, B = _transpose(O), _transpose(R)
    return _build(draw, [A, B])


@st.composite
def non_degenerate_games(
    draw: Callable[[st.SearchStrategy[Any]], Any],
    *,
    min_strategies: int = 1,
    max_strategies: int = 4,
    payoffs: st.SearchStrategy[Any] | None = None,
) -> NormalFormGame:
    """Two-player games in general position, hence non-degenerate.

    Each player's payoffs are distinct values drawn from ``payoffs`` (so no
    pure strategy has two pure best responses).  The game is then checked
    exactly: for every set :math:`S` of :math:`k` strategies of one player and
    every set :math:`T` of :math:`k+1` strategies of the other, the linear
    system "a mixed strategy on :math:`S` makes all of :math:`T` equally
    good" must have no solution, or a unique one that is not a mixed strategy
    with :math:`T` among its best responses.  Draws that fail (rare with a
    wide payoff range) are redrawn up to twice, then rejected.  Every example
    is therefore non-degenerate in the sense of [1]_: no mixed strategy with
    support of size :math:`k` has more than :math:`k` pure best responses, and
    the game has an odd number of Nash equilibria [2]_.

    Parameters
    ----------
    min_strategies, max_strategies : int, keyword-only
        Bounds on each player's number of strategies (default 1 to 4).
    payoffs : SearchStrategy, keyword-only
        Payoff values (default ``st.integers(-1000, 1000)``); it must offer at
        least ``max_strategies ** 2`` distinct values.

    Returns
    -------
    SearchStrategy of NormalFormGame
        Examples shrink towards games with ``min_strategies`` strategies each
        and small distinct payoffs (by default the 1x1 game with payoffs 0).

    Raises
    ------
    hypothesis.errors.InvalidArgument
        At draw time, for bounds as in :func:`normal_form_games`.

    References
    ----------
    .. [1] B. von Stengel, "Equilibrium computation for two-player games in
       strategic and extensive form", ch. 3 of N. Nisan et al. (eds.),
       *Algorithmic Game Theory*, Cambridge University Press, 2007,
       Definition 3.2.
    .. [2] L. S. Shapley, "A note on the Lemke-Howson algorithm",
       Mathematical Programming Study 1 (1974) 175-189.

    Examples
    --------
    >>> from hypothesis import find
    >>> g = find(non_degenerate_games(), lambda g: g.shape == (2, 2))
    >>> g.payoff_array(0).tolist(), g.payoff_array(1).tolist()
    ([[0, 1], [-1, 2]], [[0, 1], [-1, 2]])
    """
    _check_bimatrix_bounds(min_strategies, max_strategies, "non-degenerate")
    payoffs = _GENERIC_PAYOFFS if payoffs is None else payoffs
    _check_strategy("payoffs", payoffs)

    m = draw(st.integers(min_strategies, max_strategies))
    n = draw(st.integers(min_strategies, max_strategies))
    distinct = st.lists(payoffs, min_size=m * n, max_size=m * n, unique=True)
    for _ in range(3):
        a, b = draw(distinct), draw(distinct)
        A = [a[r * n:(r + 1) * n] for r in range(m)]
        B = [b[r * n:(r + 1) * n] for r in range(m)]
        if _in_general_position(A, B):
            return _build(draw, [A, B])
    reject()
    raise AssertionError("unreachable")  # pragma: no cover - reject() raises


# ---------------------------------------------------------------------------
# Ordinal games
# ---------------------------------------------------------------------------


def _rank_arrays(order: Any) -> list[np.ndarray]:
    if isinstance(order, str | bytes) or not isinstance(order, Sequence | np.ndarray):
        raise InvalidArgument(
            "order must be a sequence with one array of ranks per player, e.g. "
            f"[[[3, 1], [4, 2]], [[3, 4], [1, 2]]]; got {order!r}"
        )
    arrays = []
    for i, ranks in enumerate(order):
        try:
            arr = np.array(ranks, dtype=object)
        except ValueError:
            raise InvalidArgument(f"order[{i}] is ragged: {ranks!r}") from None
        if arr.dtype != object or any(isinstance(v, list | tuple | np.ndarray) for v in arr.flat):
            raise InvalidArgument(f"order[{i}] is ragged: {ranks!r}")
        if arr.size == 0:
            raise InvalidArgument(f"order[{i}] is empty")
        for v in arr.flat:
            if not isinstance(v, int | np.integer) or isinstance(v, bool | np.bool_):
                raise InvalidArgument(f"order[{i}] must hold integer ranks; got {v!r}")
        arrays.append(arr)
    n = len(arrays)
    if n == 0:
        raise InvalidArgument("order must give the ranks of at least one player")
    for i, arr in enumerate(arrays):
        if arr.ndim != n:
            raise InvalidArgument(
                f"order[{i}] has {arr.ndim} dimensions; with {n} players each rank array "
                f"needs {n} (one axis per player)"
            )
        if arr.shape != arrays[0].shape:
            raise InvalidArgument(
                f"order[{i}] has shape {arr.shape}, but order[0] has shape {arrays[0].shape}"
            )
    return arrays


def _values_for_ranks(
    draw: Callable[[st.SearchStrategy[Any]], Any],
    ranks: np.ndarray,
    payoffs: st.SearchStrategy[Any],
) -> list[Any]:
    levels = sorted({int(v) for v in ranks.flat})
    values = sorted(
        draw(st.lists(payoffs, min_size=len(levels), max_size=len(levels), unique=True))
    )
    mapping = dict(zip(levels, values, strict=True))
    out = np.empty(ranks.shape, dtype=object)
    out.flat[:] = [mapping[int(v)] for v in ranks.flat]
    return out.tolist()


@st.composite
def ordinal_games(
    draw: Callable[[st.SearchStrategy[Any]], Any],
    *,
    order: Sequence[Any],
    payoffs: st.SearchStrategy[Any] | None = None,
    players: Sequence[str] | None = None,
    strategies: Sequence[Sequence[str]] | None = None,
    title: str = "",
) -> NormalFormGame:
    """Games whose payoffs have a given ordinal ranking for each player.

    For 2x2 games with strict rankings there are 78 ordinal classes up to
    relabelling (Rapoport and Guyer [1]_); this strategy draws exact payoffs
    for any class, of any shape.

    Parameters
    ----------
    order : sequence of array_like of int, keyword-only
        One array of ranks per player, of the game's shape: ``order[i][s]``
        ranks profile ``s`` for player ``i``; a higher rank is preferred and
        equal ranks are equally good.  Only the order of the ranks matters.
        The prisoner's dilemma is ``[[[3, 1], [4, 2]], [[3, 4], [1, 2]]]``.
    payoffs : SearchStrategy, keyword-only
        Payoff values (default ``st.integers(-10, 10)``).  For each player one
        distinct value per rank level is drawn and sorted, so every example,
        and every shrunk example, respects the ranking exactly.
    players, strategies, title : keyword-only
        Labels passed to :meth:`NormalFormGame.from_arrays`.

    Returns
    -------
    SearchStrategy of NormalFormGame
        Payoffs :math:`u_i(s) < u_i(t)` iff ``order[i][s] < order[i][t]``,
        and equal iff the ranks are equal.  Examples shrink towards the
        simplest distinct values of ``payoffs``: by default the rank levels
        become ``0, 1, 2, ...`` from the lowest rank up.

    Raises
    ------
    hypothesis.errors.InvalidArgument
        At draw time, if ``order`` is not one integer array per player with
        one axis per player and a common shape, or ``payoffs`` is not a
        strategy.

    References
    ----------
    .. [1] A. Rapoport and M. Guyer, "A taxonomy of 2x2 games", General
       Systems 11 (1966) 203-214.

    Examples
    --------
    >>> from hypothesis import find
    >>> g = find(ordinal_games(order=[[[3, 1], [4, 2]], [[3, 4], [1, 2]]]), lambda g: True)
    >>> g.payoff_array(0).tolist(), g.payoff_array(1).tolist()
    ([[2, 0], [3, 1]], [[2, 3], [0, 1]])
    """
    ranks = _rank_arrays(order)
    payoffs = _DEFAULT_PAYOFFS if payoffs is None else payoffs
    _check_strategy("payoffs", payoffs)
    arrays = [_values_for_ranks(draw, r, payoffs) for r in ranks]
    return _build(draw, arrays, players=players, strategies=strategies, title=title)


# Symmetric 2x2 classes.  Row player's payoffs: R = (C, C), S = (C, D),
# T = (D, C), P = (D, D); the column player's are the transpose.


def _symmetric_2x2(
    draw: Callable[[st.SearchStrategy[Any]], Any],
    values: st.SearchStrategy[tuple[Any, Any, Any, Any]],
    symmetric: bool,
    strategies: tuple[str, str],
    title: str,
) -> NormalFormGame:
    T, R, P, S = draw(values)
    A = [[R, S], [T, P]]
    if symmetric:
        B = [[R, T], [S, P]]
    else:
        T2, R2, P2, S2 = draw(values)
        B = [[R2, T2], [S2, P2]]
    return _build(draw, [A, B], strategies=[strategies, strategies], title=title)


def _sorted_distinct(payoffs: st.SearchStrategy[Any], k: int) -> st.SearchStrategy[list[Any]]:
    return st.lists(payoffs, min_size=k, max_size=k, unique=True).map(sorted)


def _class_arguments(payoffs: Any, symmetric: Any) -> st.SearchStrategy[Any]:
    payoffs = _DEFAULT_PAYOFFS if payoffs is None else payoffs
    _check_strategy("payoffs", payoffs)
    _check_flag("symmetric", symmetric)
    return payoffs


@st.composite
def prisoners_dilemmas(
    draw: Callable[[st.SearchStrategy[Any]], Any],
    *,
    payoffs: st.SearchStrategy[Any] | None = None,
    iterated: bool = False,
    symmetric: bool = True,
) -> NormalFormGame:
    """Prisoner's dilemmas: :math:`T > R > P > S`.

    Strategies ``("Cooperate", "Defect")`` for both players; the row player
    gets :math:`R` at (Cooperate, Cooperate), :math:`S` at (Cooperate,
    Defect), :math:`T` at (Defect, Cooperate) and :math:`P` at (Defect,
    Defect) [1]_.  Defect strictly dominates Cooperate, and the unique
    equilibrium (Defect, Defect) is Pareto-dominated by mutual cooperation.

    Parameters
    ----------
    payoffs : SearchStrategy, keyword-only
        Payoff values (default ``st.integers(-10, 10)``).
    iterated : bool, keyword-only
        Also require :math:`2R > T + S`, so that in the repeated game mutual
        cooperation beats taking turns exploiting each other [2]_.
    symmetric : bool, keyword-only
        If True (default) the column player's payoffs are the transpose of the
        row player's; otherwise each player draws its own :math:`T, R, P, S`.

    Returns
    -------
    SearchStrategy of NormalFormGame
        Examples shrink towards :math:`T, R, P, S = 3, 2, 1, 0`.

    References
    ----------
    .. [1] A. Rapoport and A. M. Chammah, *Prisoner's Dilemma*, University of
       Michigan Press, 1965.
    .. [2] R. Axelrod, *The Evolution of Cooperation*, Basic Books, 1984, ch. 1.

    Examples
    --------
    >>> from hypothesis import find
    >>> find(prisoners_dilemmas(), lambda g: True)["Defect", "Cooperate"]
    (3, 0)
    """
    payoffs = _class_arguments(payoffs, symmetric)
    _check_flag("iterated", iterated)
    values = _sorted_distinct(payoffs, 4)
    if iterated:
        values = values.filter(lambda v: 2 * v[2] > v[3] + v[0])
    # sorted ascending: S < P < R < T
    tuples = values.map(lambda v: (v[3], v[2], v[1], v[0]))
    return _symmetric_2x2(draw, tuples, symmetric, ("Cooperate", "Defect"), "Prisoner's dilemma")


@st.composite
def chickens(
    draw: Callable[[st.SearchStrategy[Any]], Any],
    *,
    payoffs: st.SearchStrategy[Any] | None = None,
    symmetric: bool = True,
) -> NormalFormGame:
    """Games of chicken (hawk-dove): :math:`T > R > S > P`.

    Strategies ``("Swerve", "Straight")``; :math:`R` at (Swerve, Swerve),
    :math:`S` at (Swerve, Straight), :math:`T` at (Straight, Swerve),
    :math:`P` at (Straight, Straight) for the row player [1]_.  Two pure
    equilibria, where one player swerves, and one mixed equilibrium.

    Parameters
    ----------
    payoffs : SearchStrategy, keyword-only
        Payoff values (default ``st.integers(-10, 10)``).
    symmetric : bool, keyword-only
        As in :func:`prisoners_dilemmas`.

    Returns
    -------
    SearchStrategy of NormalFormGame
        Examples shrink towards :math:`T, R, S, P = 3, 2, 1, 0`.

    References
    ----------
    .. [1] A. Rapoport and A. M. Chammah, "The game of chicken", American
       Behavioral Scientist 10 (1966) 10-28.

    Examples
    --------
    >>> from hypothesis import find
    >>> find(chickens(), lambda g: True)["Straight", "Straight"]
    (0, 0)
    """
    payoffs = _class_arguments(payoffs, symmetric)
    # sorted ascending: P < S < R < T
    tuples = _sorted_distinct(payoffs, 4).map(lambda v: (v[3], v[2], v[0], v[1]))
    return _symmetric_2x2(draw, tuples, symmetric, ("Swerve", "Straight"), "Chicken")


@st.composite
def stag_hunts(
    draw: Callable[[st.SearchStrategy[Any]], Any],
    *,
    payoffs: st.SearchStrategy[Any] | None = None,
    symmetric: bool = True,
) -> NormalFormGame:
    """Stag hunts: :math:`R > T \\ge P > S`.

    Strategies ``("Stag", "Hare")``; :math:`R` at (Stag, Stag), :math:`S` at
    (Stag, Hare), :math:`T` at (Hare, Stag), :math:`P` at (Hare, Hare) for the
    row player [1]_.  Two pure equilibria, (Stag, Stag) payoff-dominant, and
    one mixed.  The weak inequality allows :math:`T = P` (hunting hare pays
    the same whatever the other does).

    Parameters
    ----------
    payoffs : SearchStrategy, keyword-only
        Payoff values (default ``st.integers(-10, 10)``).
    symmetric : bool, keyword-only
        As in :func:`prisoners_dilemmas`.

    Returns
    -------
    SearchStrategy of NormalFormGame
        Examples shrink towards :math:`R, T, P, S = 3, 2, 1, 0` (with
        :math:`T > P`; the tie :math:`T = P` is a separate choice that shrinks
        away).

    References
    ----------
    .. [1] B. Skyrms, *The Stag Hunt and the Evolution of Social Structure*,
       Cambridge University Press, 2004, ch. 1.

    Examples
    --------
    >>> from hypothesis import find
    >>> find(stag_hunts(), lambda g: True)["Stag", "Stag"]
    (3, 3)
    """
    payoffs = _class_arguments(payoffs, symmetric)
    tuples = _stag_hunt_values(payoffs)
    return _symmetric_2x2(draw, tuples, symmetric, ("Stag", "Hare"), "Stag hunt")


@st.composite
def _stag_hunt_values(
    draw: Callable[[st.SearchStrategy[Any]], Any], payoffs: st.SearchStrategy[Any]
) -> tuple[Any, Any, Any, Any]:
    S, P, T, R = draw(_sorted_distinct(payoffs, 4))
    if draw(st.booleans()):  # the tie T == P; shrinks towards False
        T = P
    return T, R, P, S


@st.composite
def deadlocks(
    draw: Callable[[st.SearchStrategy[Any]], Any],
    *,
    payoffs: st.SearchStrategy[Any] | None = None,
    symmetric: bool = True,
) -> NormalFormGame:
    """Deadlocks: :math:`T > P > R > S`.

    Strategies ``("Cooperate", "Defect")``, payoff letters as in
    :func:`prisoners_dilemmas`.  Defect is dominant and, unlike in the
    prisoner's dilemma, mutual defection is what both prefer to mutual
    cooperation [1]_.

    Parameters
    ----------
    payoffs : SearchStrategy, keyword-only
        Payoff values (default ``st.integers(-10, 10)``).
    symmetric : bool, keyword-only
        As in :func:`prisoners_dilemmas`.

    Returns
    -------
    SearchStrategy of NormalFormGame
        Examples shrink towards :math:`T, P, R, S = 3, 2, 1, 0`.

    References
    ----------
    .. [1] G. H. Snyder and P. Diesing, *Conflict Among Nations*, Princeton
       University Press, 1977, ch. 2.

    Examples
    --------
    >>> from hypothesis import find
    >>> find(deadlocks(), lambda g: True)["Defect", "Defect"]
    (2, 2)
    """
    payoffs = _class_arguments(payoffs, symmetric)
    # sorted ascending: S < R < P < T
    tuples = _sorted_distinct(payoffs, 4).map(lambda v: (v[3], v[1], v[2], v[0]))
    return _symmetric_2x2(draw, tuples, symmetric, ("Cooperate", "Defect"), "Deadlock")


#: Ranks (4 = best) of the deterrence game, rows (Acquiesce, Resist),
#: columns (Restrain, Challenge).
DETERRENCE_ORDER = ([[4, 1], [3, 2]], [[3, 4], [2, 1]])


def deterrence_games(
    *, payoffs: st.SearchStrategy[Any] | None = None
) -> st.SearchStrategy[NormalFormGame]:
    """Simultaneous challenger-defender deterrence games (no pure equilibrium).

    The Defender (rows: ``Acquiesce``, ``Resist``) faces a Challenger
    (columns: ``Restrain``, ``Challenge``).  With SQ = (Acquiesce, Restrain),
    CAP = (Acquiesce, Challenge) (the defender capitulates), PRE = (Resist,
    Restrain) (a needless, preemptive fight) and WAR = (Resist, Challenge),
    the payoffs satisfy

    * Defender: :math:`u_D(SQ) > u_D(PRE) > u_D(WAR) > u_D(CAP)`,
    * Challenger: :math:`u_C(CAP) > u_C(SQ) > u_C(PRE) > u_C(WAR)`.

    These are Zagare and Kilgour's conditions for a credible, capable
    deterrent [1]_ (the defender prefers fighting to capitulating,
    :math:`u_D(WAR) > u_D(CAP)`; the challenger prefers the status quo to
    war, :math:`u_C(SQ) > u_C(WAR)`) played simultaneously: best responses
    cycle, so there is no pure equilibrium and a unique, mixed one, as in the
    inspection game [2]_.  This is the ordering of model M1 of the TRIPP
    scenario (Russia = Defender with Accept/Preempt, T = Challenger with
    Commercial/Militarize) when :math:`p\\,l_R < c_R < p\\,e_R` and
    :math:`p > 1 - h_T/m_T`.  Built with :func:`ordinal_games` and
    ``order=DETERRENCE_ORDER``.

    Parameters
    ----------
    payoffs : SearchStrategy, keyword-only
        Payoff values (default ``st.integers(-10, 10)``).

    Returns
    -------
    SearchStrategy of NormalFormGame
        Examples shrink towards payoffs ``0, 1, 2, 3`` for ranks 1 to 4.

    References
    ----------
    .. [1] F. C. Zagare and D. M. Kilgour, *Perfect Deterrence*, Cambridge
       University Press, 2000, ch. 3.
    .. [2] G. Tsebelis, "The abuse of probability in political analysis: the
       Robinson Crusoe fallacy", American Political Science Review 83 (1989)
       77-91.

    Examples
    --------
    >>> from hypothesis import find
    >>> g = find(deterrence_games(), lambda g: True)
    >>> g["Acquiesce", "Restrain"], g["Resist", "Challenge"]
    ((3, 2), (1, 0))
    """
    return ordinal_games(
        order=DETERRENCE_ORDER,
        payoffs=payoffs,
        players=("Defender", "Challenger"),
        strategies=(("Acquiesce", "Resist"), ("Restrain", "Challenge")),
        title="Deterrence",
    )
