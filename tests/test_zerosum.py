"""The ``lp`` method: value and optimal strategies of two-player zero-sum games.

Expected values come from the literature (cited per fixture), from closed
forms derived by hand in the comments, or from pygambit's ``lp_solve`` and
``enummixed_solve`` (independent oracles). Optimality of our strategies is
always re-checked here exactly: ``min_c (x^T A)_c == value == max_r (A y)_r``.
"""

from __future__ import annotations

import itertools
from fractions import Fraction as F

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from gametheory import NormalFormGame, solve
from gametheory.errors import MethodNotApplicableError, SymbolicGameError
from gametheory.solvers import _exact_lp
from gametheory.solvers.zerosum import game_value, optimal_strategies, solve_lp

from ._hypothesis import scaled
from .games import MATCHING_PENNIES, PD, RPS, THREE_PLAYER_COORDINATION

gbt = pytest.importorskip("pygambit")


# ---------------------------------------------------------------------- helpers
def exact_security_levels(A, x, y) -> tuple[F, F]:
    """(min over columns of x^T A, max over rows of A y), exactly."""
    A = [[F(v) for v in row] for row in np.asarray(A, dtype=object).tolist()]
    m, n = len(A), len(A[0])
    lo = min(sum(x[r] * A[r][c] for r in range(m)) for c in range(n))
    hi = max(sum(A[r][c] * y[c] for c in range(n)) for r in range(m))
    return lo, hi


def vectors(sol) -> tuple[list, list]:
    eq = sol[0]
    p1, p2 = sol.game.players
    return list(eq.profile[p1].values()), list(eq.profile[p2].values())


def gambit_profiles(result, gg) -> list:
    return [
        tuple(tuple(F(str(eq[s])) for s in p.strategies) for p in gg.players)
        for eq in result.equilibria
    ]


def gambit_lp(game: NormalFormGame) -> tuple[F, tuple]:
    """Value and equilibrium from pygambit's exact LP solver."""
    gg = NormalFormGame.from_arrays(*game.payoffs).to_pygambit()
    res = gbt.nash.lp_solve(gg, rational=True)
    (eq,) = res.equilibria
    first = next(iter(gg.players))
    return F(str(eq.payoff(first))), gambit_profiles(res, gg)[0]


def gambit_extremes(game: NormalFormGame) -> list:
    gg = NormalFormGame.from_arrays(*game.payoffs).to_pygambit()
    return gambit_profiles(gbt.nash.enummixed_solve(gg, rational=True), gg)


def two_finger_morra() -> NormalFormGame:
    """Two-finger Morra (T. S. Ferguson, Game Theory, UCLA lecture notes, Part II;
    M. Dresher, Games of Strategy, 1961). Each player shows 1 or 2 fingers and guesses the other's
    number; if exactly one guesses right, that player wins the total shown.
    Value 0; player I's optimal strategies are (0, p, 1 - p, 0), 4/7 <= p <= 3/5.
    """
    strategies = list(itertools.product((1, 2), (1, 2)))  # (fingers, guess)
    A = [[0] * 4 for _ in range(4)]
    for (r, (a, ga)), (c, (b, gb)) in itertools.product(enumerate(strategies), repeat=2):
        one_right = (ga == b) != (gb == a)
        A[r][c] = 0 if not one_right else (a + b if ga == b else -(a + b))
    labels = [f"show{a}-guess{g}" for a, g in strategies]
    return NormalFormGame.zero_sum(A, strategies=[labels, labels], title="Two-finger Morra")


def two_by_two_value(a, b, c, d) -> tuple[F, F, F]:
    """Value and optimal first-row / first-column probabilities of [[a, b], [c, d]]
    without a saddle point (Ferguson, Game Theory, Part II, on 2x2 games; G. Owen,
    Game Theory, 1995, ch. II)."""
    den = F(a - b - c + d)
    return F(a * d - b * c) / den, F(d - c) / den, F(d - b) / den


# ---------------------------------------------------------------------- known games
KNOWN = [
    pytest.param(MATCHING_PENNIES.game, F(0), [F(1, 2)] * 2, [F(1, 2)] * 2, id="matching-pennies"),
    pytest.param(RPS.game, F(0), [F(1, 3)] * 3, [F(1, 3)] * 3, id="rock-paper-scissors"),
    # 2x2 without a saddle point; by the closed form: v = 1/7, x = (3/7, 4/7), y = (2/7, 5/7)
    pytest.param(NormalFormGame.zero_sum([[3, -1], [-2, 1]]), F(1, 7), [F(3, 7), F(4, 7)],
                 [F(2, 7), F(5, 7)], id="2x2-closed-form"),
    # saddle point (Ferguson, Game Theory, Part II): row 1 dominates, column 2 is the
    # column minimum of row 1 and the row maximum of column 2: value 2
    pytest.param(NormalFormGame.zero_sum([[4, 2], [3, 1]]), F(2), [F(1), F(0)], [F(0), F(1)],
                 id="saddle-point"),
]


@pytest.mark.parametrize(("game", "value", "x", "y"), KNOWN)
def test_known_values_and_unique_strategies(game, value, x, y) -> None:
    sol = solve_lp(game)
    assert sol.method == "lp"
    assert sol.complete == "one"
    assert sol.exact
    assert len(sol) == 1
    assert vectors(sol) == (x, y)
    p1, p2 = game.players
    assert sol[0].payoffs == {p1: value, p2: -value}
    assert game_value(game) == value
    assert f"{p1!r} has a unique optimal strategy" in sol.notes
    assert f"{p2!r} has a unique optimal strategy" in sol.notes


def test_two_finger_morra_has_a_segment_of_optimal_strategies() -> None:
    game = two_finger_morra()
    sol = solve_lp(game)
    x, y = vectors(sol)
    assert game_value(game) == 0
    assert exact_security_levels(game.payoffs[0], x, y) == (0, 0)
    for v in (x, y):  # Ferguson: (0, p, 1 - p, 0) with 4/7 <= p <= 3/5 (symmetric game)
        assert v[0] == 0
        assert v[3] == 0
        assert F(4, 7) <= v[1] <= F(3, 5)
    assert sol.degenerate is True
    assert sum("infinitely many optimal strategies" in n for n in sol.notes) == 2
    # pygambit's extreme equilibria: both endpoints for both players
    ends = {(F(0), F(3, 5), F(2, 5), F(0)), (F(0), F(4, 7), F(3, 7), F(0))}
    assert {e[0] for e in gambit_extremes(game)} == ends


def test_degenerate_game_one_player_unique() -> None:
    # By hand: A = [[1, 1], [0, 2], [2, 0]]. y = (1/2, 1/2) gives every row 1 and
    # row 1 guarantees 1, so v = 1. Column's y must have 2 y_2 <= 1 and
    # 2 y_1 <= 1: unique. Row's x = (a, b, c) needs a + 2c >= 1 and a + 2b >= 1,
    # i.e. b = c: the segment (1 - 2b, b, b), 0 <= b <= 1/2.
    game = NormalFormGame.zero_sum([[1, 1], [0, 2], [2, 0]], players=["Row", "Col"])
    sol = solve_lp(game)
    x, y = vectors(sol)
    assert game_value(game) == 1
    assert y == [F(1, 2), F(1, 2)]
    assert x[1] == x[2]
    assert 0 <= x[1] <= F(1, 2)
    assert "'Row' has infinitely many optimal strategies (a polytope); one of them is returned" \
        in sol.notes
    assert "'Col' has a unique optimal strategy" in sol.notes
    assert sol.degenerate is True


def test_all_ties_every_strategy_optimal() -> None:
    game = NormalFormGame.zero_sum([[5, 5, 5], [5, 5, 5]])
    sol = solve_lp(game)
    assert game_value(game) == 5
    assert sum("infinitely many" in n for n in sol.notes) == 2


@pytest.mark.parametrize(
    ("A", "shift"),
    [
        pytest.param([[3, -1], [-2, 1]], F(5), id="integer-constant-5"),
        # Serve and return as win probabilities (receiver gets 1 - p), in the
        # spirit of Walker & Wooders (2001), "Minimax play at Wimbledon", AER 91.
        pytest.param([[F(58, 100), F(79, 100)], [F(73, 100), F(49, 100)]], F(0),
                     id="tennis-win-probabilities"),
    ],
)
def test_constant_sum_games(A, shift) -> None:
    A = [[F(v) + shift for v in row] for row in A]
    total = 2 * shift if shift else F(1)
    B = [[total - v for v in row] for row in A]
    game = NormalFormGame.from_arrays(A, B)
    assert game.is_constant_sum
    assert not game.is_zero_sum
    (a, b), (c, d) = A
    value, x1, y1 = two_by_two_value(a, b, c, d)
    sol = solve_lp(game)
    assert vectors(sol) == ([x1, 1 - x1], [y1, 1 - y1])
    assert sol[0].payoffs == {"1": value, "2": total - value}
    assert game_value(game) == value
    assert any("constant-sum game" in n for n in sol.notes)


def test_float_game() -> None:
    game = NormalFormGame.zero_sum(np.array([[0, -1, 1], [1, 0, -1], [-1, 1, 0]], dtype=float))
    sol = solve_lp(game)
    assert not sol.exact
    x, y = vectors(sol)
    assert x == pytest.approx([1 / 3] * 3, abs=1e-9)
    assert y == pytest.approx([1 / 3] * 3, abs=1e-9)
    assert game_value(game) == pytest.approx(0.0, abs=1e-9)
    assert isinstance(game_value(game), float)


def test_public_helpers() -> None:
    x, y = optimal_strategies(RPS.game)
    assert x == {"R": F(1, 3), "P": F(1, 3), "S": F(1, 3)}
    assert y == x
    sol = solve(MATCHING_PENNIES.game, "lp")
    assert sol.notes[0] == "value of the game to '1': 0 (to '2': 0)"


# ---------------------------------------------------------------------- random games vs pygambit
@pytest.mark.parametrize("seed", [pytest.param(s, id=f"3x4-seed-{s}") for s in range(5)])
def test_random_3x4_against_pygambit_lp(seed) -> None:
    rng = np.random.default_rng(seed)
    A = rng.integers(-9, 10, size=(3, 4))
    game = NormalFormGame.zero_sum(A)
    value, _ = gambit_lp(game)
    sol = solve_lp(game)
    x, y = vectors(sol)
    assert game_value(game) == value
    assert exact_security_levels(A, x, y) == (value, value)


@st.composite
def zero_sum_matrices(draw, *, max_rows: int = 5, max_cols: int = 5):
    m = draw(st.integers(1, max_rows))
    n = draw(st.integers(1, max_cols))
    return np.array(draw(st.lists(st.lists(st.integers(-4, 4), min_size=n, max_size=n),
                                  min_size=m, max_size=m)), dtype=int)


@scaled(40, deadline=None)
@given(zero_sum_matrices())
def test_exact_value_and_uniqueness_against_pygambit(A) -> None:
    game = NormalFormGame.zero_sum(A)
    value, _ = gambit_lp(game)
    sol = solve_lp(game)
    x, y = vectors(sol)
    assert sol[0].exact
    assert exact_security_levels(A, x, y) == (value, value)
    # in a zero-sum game the equilibria are X* x Y*; a player's optimal strategy
    # is unique iff all of pygambit's extreme equilibria agree on it
    extremes = gambit_extremes(game)
    for i, player in enumerate(game.players):
        unique = len({e[i] for e in extremes}) == 1
        assert (f"{player!r} has a unique optimal strategy" in sol.notes) == unique


@scaled(20, deadline=None)
@given(zero_sum_matrices(max_rows=4, max_cols=4))
def test_exact_simplex_fallback(A) -> None:
    """With HiGHS disabled, or lying, the exact simplex still finds the value."""
    game = NormalFormGame.zero_sum(A)
    value, _ = gambit_lp(game)
    original = _exact_lp._highs_matrix_game
    for fake in (lambda M: None,
                 lambda M: (3.0, np.eye(M.shape[0])[0], np.eye(M.shape[1])[-1])):
        _exact_lp._highs_matrix_game = fake
        try:
            sol = solve_lp(game)
        finally:
            _exact_lp._highs_matrix_game = original
        x, y = vectors(sol)
        assert exact_security_levels(A, x, y) == (value, value)


@scaled(20, deadline=None)
@given(zero_sum_matrices(), st.floats(0.1, 10.0))
def test_float_value_against_pygambit(A, scale) -> None:
    game = NormalFormGame.zero_sum(A.astype(float) * scale)
    exact_value, _ = gambit_lp(NormalFormGame.zero_sum(A))
    v = game_value(game)
    assert v == pytest.approx(float(exact_value) * scale, abs=1e-7 * scale)
    sol = solve_lp(game)
    x, y = (np.array(v, dtype=float) for v in vectors(sol))
    Af = A.astype(float) * scale
    assert float(np.min(x @ Af)) == pytest.approx(float(np.max(Af @ y)), abs=1e-7 * scale)


# ---------------------------------------------------------------------- bad input
p = sympy.Symbol("p", positive=True)
SYMBOLIC = NormalFormGame.zero_sum([[p, -1], [-1, 1]])
THREE_ZERO_SUM = NormalFormGame.from_arrays(
    *(np.array(a) for a in ([[[1, 0], [0, 0]], [[0, 0], [0, 0]]],
                            [[[-1, 0], [0, 0]], [[0, 0], [0, 0]]],
                            [[[0, 0], [0, 0]], [[0, 0], [0, 0]]]))
)
ONE_PLAYER = NormalFormGame.from_arrays([1, 2])

BAD_GAMES = [
    pytest.param(PD.game, MethodNotApplicableError, "zero-sum or constant-sum",
                 id="prisoners-dilemma-not-constant-sum"),
    pytest.param(THREE_ZERO_SUM, MethodNotApplicableError, "2-player", id="three-players"),
    pytest.param(THREE_PLAYER_COORDINATION.game, MethodNotApplicableError, "2-player",
                 id="three-player-coordination"),
    pytest.param(ONE_PLAYER, MethodNotApplicableError, "2-player", id="one-player"),
    pytest.param(SYMBOLIC, SymbolicGameError, "free parameters: p", id="symbolic"),
]


@pytest.mark.parametrize(("game", "error", "match"), BAD_GAMES)
@pytest.mark.parametrize(
    "call",
    [
        pytest.param(solve_lp, id="solve_lp"),
        pytest.param(game_value, id="game_value"),
        pytest.param(optimal_strategies, id="optimal_strategies"),
        pytest.param(lambda g: solve(g, "lp"), id="solve"),
    ],
)
def test_bad_input(call, game, error, match) -> None:
    with pytest.raises(error, match=match):
        call(game)


def test_not_constant_sum_message_names_the_profiles() -> None:
    with pytest.raises(MethodNotApplicableError, match=r"sum to 6 at \('C', 'C'\) and to 5 at"):
        solve_lp(PD.game)


def test_negative_tolerance_rejected() -> None:
    game = NormalFormGame.zero_sum([[1.0, -1.0], [-1.0, 1.0]])
    with pytest.raises(ValueError, match="tol must be"):
        solve_lp(game, tol=-1.0)


@pytest.mark.parametrize("use_flint", [pytest.param(True, id="flint"),
                                       pytest.param(False, id="pure-python")])
def test_exact_linear_algebra_backends(monkeypatch, use_flint) -> None:
    """Both exact back ends (FLINT and the pure-Python elimination) agree with pygambit."""
    if not use_flint:
        monkeypatch.setattr(_exact_lp, "_flint", None)
    rng = np.random.default_rng(11)
    for _ in range(10):
        A = rng.integers(-2, 3, size=(4, 4))
        game = NormalFormGame.zero_sum(A)
        value, _ = gambit_lp(game)
        sol = solve_lp(game)
        x, y = vectors(sol)
        assert exact_security_levels(A, x, y) == (value, value)
        extremes = gambit_extremes(game)
        for i, player in enumerate(game.players):
            unique = len({e[i] for e in extremes}) == 1
            assert (f"{player!r} has a unique optimal strategy" in sol.notes) == unique
