"""Tests for :mod:`gametheory.testing`, the public Hypothesis strategies.

Each strategy is tested the way Hypothesis tests its own
(``hypothesis/tests/common/debug.py``): every example satisfies the documented
property (``@given`` + assert), the minimal example (``find``) is the
documented simple form, and bad arguments raise ``InvalidArgument``.

Oracles are independent of the code under test: degeneracy is decided by an
exact vertex characterisation written here (``degeneracy_witness``), checked
first on the catalog games of ``tests/games.py``; equilibrium counts come from
pygambit's ``enummixed_solve`` (exact); the equilibrium structure of each
ordinal class is the one the literature gives (cited per test).  Parameters
and the symbolic game are model M1 of ``scenario_spec.md`` (sections 2-3).
"""

from __future__ import annotations

import itertools
import subprocess
import sys
from fractions import Fraction
from typing import Any

import numpy as np
import pygambit as gbt
import pytest
import sympy
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import gametheory.testing as gtt
from gametheory import NormalFormGame
from gametheory.parameters import Parameter, ParameterSpace, parse_expression
from gametheory.testing import (
    DETERRENCE_ORDER,
    GameInstance,
    assumptions,
    chickens,
    deadlocks,
    degenerate_games,
    deterrence_games,
    games_satisfying,
    non_degenerate_games,
    normal_form_games,
    ordinal_games,
    parameter_points,
    prisoners_dilemmas,
    stag_hunts,
)
from gametheory.testing._games import _in_general_position
from gametheory.testing._parameters import _PointPlan, _points

from ._hypothesis import scaled
from .games import TWO_PLAYER

# find() without the explain phase (which costs ~1 s per call and prints nothing here)
# A fixed search budget, not scaled with the profile: find() stops at the first hit,
# so a larger budget would test nothing more.
QUICK = settings(
    database=None, derandomize=True, phases=[Phase.generate, Phase.shrink], max_examples=500
)


def minimal(strategy: st.SearchStrategy[Any], condition: Any = lambda x: True) -> Any:
    """Hypothesis' ``find``: the simplest example satisfying ``condition``."""
    return find(strategy, condition, settings=QUICK)


def payoffs_of(game: NormalFormGame) -> list[list[Any]]:
    return [game.payoff_array(i).tolist() for i in range(game.n_players)]


# ---------------------------------------------------------------------------
# Independent oracles
# ---------------------------------------------------------------------------


def degeneracy_witness(game: NormalFormGame) -> tuple[int, tuple[Fraction, ...], set[int]] | None:
    """``(responder, x, best responses)`` with more best responses than ``x`` has
    support, or None if the 2-player game is non-degenerate.

    Exact and complete: if some mixed strategy x of the opponent has support
    size k and more than k best responses, then so does a vertex y of the
    polytope {y : supp(y) within supp(x), BR(y) contains BR(x)}, and y is the
    unique solution of "y is 0 off a set S, sums to 1, and the strategies in B
    are equally good" for some S and |B| > |S| (von Stengel 2007, Thm 3.4
    argument).  So we enumerate (S, B), solve with sympy exactly, and check.
    """
    A, B = (np.array(a.tolist(), dtype=object) for a in game.payoffs)
    for responder, R in ((0, A), (1, B.T)):  # R[t, s]: responder plays t, opponent s
        n_t, n_s = R.shape
        for k in range(1, n_s + 1):
            for S in itertools.combinations(range(n_s), k):
                for size in range(k + 1, n_t + 1):
                    for T in itertools.combinations(range(n_t), size):
                        rows = [[1 if j == s else 0 for j in range(n_s)] + [0]
                                for s in range(n_s) if s not in S]
                        rows.append([1] * n_s + [0])
                        rows += [[sympy.Rational(R[t, j]) for j in range(n_s)] + [-1] for t in T]
                        rhs = [0] * (n_s - k) + [1] + [0] * size
                        M, b = sympy.Matrix(rows), sympy.Matrix(rhs)
                        try:
                            sol, params = M.gauss_jordan_solve(b)
                        except ValueError:  # inconsistent
                            continue
                        if params.shape[0]:  # not a vertex
                            continue
                        y = [Fraction(str(v)) for v in sol[:n_s]]
                        value = Fraction(str(sol[n_s]))
                        if min(y) < 0:
                            continue
                        pays = [sum(y[j] * Fraction(R[t, j]) for j in range(n_s))
                                for t in range(n_t)]
                        if max(pays) == value:
                            best = {t for t in range(n_t) if pays[t] == value}
                            return responder, tuple(y), best
    return None


def gambit_equilibria(game: NormalFormGame) -> list[list[list[Fraction]]]:
    """Extreme equilibria from pygambit (exact), as probability lists per player."""
    g = game.to_pygambit()
    result = gbt.nash.enummixed_solve(g, rational=True)
    return [
        [[Fraction(str(eq[s])) for s in player.strategies] for player in g.players]
        for eq in result.equilibria
    ]


@pytest.mark.parametrize("known", [pytest.param(k, id=k.id) for k in TWO_PLAYER])
def test_degeneracy_oracle_and_check_agree_with_the_catalog(known: Any) -> None:
    """The oracle, and the strategies' general-position check, on cited games."""
    witness = degeneracy_witness(known.game)
    assert (witness is not None) == known.degenerate
    A, B = (a.tolist() for a in known.game.payoffs)
    if known.degenerate:
        assert not _in_general_position(A, B)


# ---------------------------------------------------------------------------
# The module
# ---------------------------------------------------------------------------


def test_public_names_match_all() -> None:
    public = {n for n in dir(gtt) if not n.startswith("_") and n != "annotations"}
    assert set(gtt.__all__) == public


def test_importable_without_pytest() -> None:
    code = (
        "import sys; sys.modules['pytest'] = None\n"
        "from hypothesis import find\n"
        "import gametheory.testing as t\n"
        "g = find(t.prisoners_dilemmas(), lambda g: True)\n"
        "assert 'pytest' not in {m for m in sys.modules if sys.modules[m] is not None}\n"
        "print(g['Defect', 'Defect'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "(1, 1)"


# ---------------------------------------------------------------------------
# normal_form_games
# ---------------------------------------------------------------------------


@scaled(30, suppress_health_check=[HealthCheck.too_slow])
@given(normal_form_games(min_players=1, max_players=3, min_strategies=1, max_strategies=3))
def test_normal_form_games_respect_bounds(game: NormalFormGame) -> None:
    assert 1 <= game.n_players <= 3
    assert all(1 <= k <= 3 for k in game.shape)
    assert game.kind == "integer"
    assert all(-10 <= v <= 10 for a in game.payoffs for v in a.flat)


@pytest.mark.parametrize(
    ("payoffs", "kinds"),
    [
        pytest.param(st.integers(-3, 3), {"integer"}, id="integers"),
        pytest.param(st.fractions(-1, 1, max_denominator=6), {"integer", "rational"},
                     id="fractions"),
        pytest.param(st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False), {"float"},
                     id="floats"),
    ],
)
def test_normal_form_games_payoff_kinds(payoffs: Any, kinds: set[str]) -> None:
    @scaled(15, suppress_health_check=[HealthCheck.too_slow])
    @given(normal_form_games(payoffs=payoffs, max_strategies=3))
    def check(game: NormalFormGame) -> None:
        assert game.kind in kinds

    check()


@scaled(20, suppress_health_check=[HealthCheck.too_slow])
@given(normal_form_games(labels=st.sampled_from(["A", "B", "C", "D", "E", " "]),
                         max_strategies=3))
def test_normal_form_games_draw_distinct_labels(game: NormalFormGame) -> None:
    assert len(set(game.players)) == game.n_players
    for labels, k in zip(game.strategies, game.shape, strict=True):
        assert len(labels) == k == len(set(labels))
        assert set(labels) <= {"A", "B", "C", "D", "E"}


def test_normal_form_games_shrink_to_the_smallest_zero_game() -> None:
    game = minimal(normal_form_games())
    assert game.shape == (1, 1)
    assert payoffs_of(game) == [[[0]], [[0]]]


def test_normal_form_games_shrink_payoffs_and_strategies() -> None:
    game = minimal(normal_form_games(), lambda g: g.shape[0] >= 2 and g.payoff_array(1).max() > 5)
    assert game.shape == (2, 1)
    assert payoffs_of(game) == [[[0], [0]], [[0], [6]]]


def test_normal_form_games_shrink_three_players() -> None:
    game = minimal(normal_form_games(min_players=2, max_players=3), lambda g: g.n_players == 3)
    assert game.shape == (1, 1, 1)
    assert payoffs_of(game) == [[[[0]]], [[[0]]], [[[0]]]]


def printed_call(report: str, start: str) -> str:
    """The call starting with ``start`` in a Hypothesis report (balanced parentheses)."""
    i = report.index(start)
    depth = 0
    for j in range(i + len(start) - 1, len(report)):
        depth += {"(": 1, ")": -1}.get(report[j], 0)
        if depth == 0:
            return report[i : j + 1]
    raise AssertionError(f"unbalanced call in {report!r}")


def test_failing_example_prints_as_a_runnable_constructor() -> None:
    seen: list[NormalFormGame] = []

    # fixed budget (not scaled): the claim is false, Hypothesis stops at the first failure
    @settings(database=None, max_examples=100, phases=[Phase.generate, Phase.shrink])
    @given(normal_form_games(payoffs=st.fractions(-2, 2, max_denominator=3), max_strategies=3,
                             labels=st.sampled_from(["A", "B", "C"])))
    def claim(game: NormalFormGame) -> None:
        seen.append(game)
        assert game.payoff_array(0).max() < Fraction(3, 2), "payoff too large"

    with pytest.raises(AssertionError, match="payoff too large") as info:
        claim()
    report = "\n".join(getattr(info.value, "__notes__", []))
    call = printed_call(report, "NormalFormGame.from_arrays(")
    rebuilt = eval(call, {"NormalFormGame": NormalFormGame, "Fraction": Fraction})
    assert rebuilt == seen[-1]  # the final replay is the reported example
    assert rebuilt.payoff_array(0).max() >= Fraction(3, 2)
    assert rebuilt.shape == (1, 1)


# ---------------------------------------------------------------------------
# Degenerate and non-degenerate games
# ---------------------------------------------------------------------------


@scaled(40, suppress_health_check=[HealthCheck.too_slow])
@given(degenerate_games(max_strategies=3))
def test_degenerate_games_are_degenerate(game: NormalFormGame) -> None:
    assert game.n_players == 2
    assert max(game.shape) >= 2
    witness = degeneracy_witness(game)
    assert witness is not None
    _, x, best = witness
    assert len(best) > sum(1 for v in x if v > 0)


@scaled(15, suppress_health_check=[HealthCheck.too_slow])
@given(degenerate_games(min_strategies=3, max_strategies=3, payoffs=st.integers(-1000, 1000)))
def test_degenerate_games_with_wide_payoffs_are_degenerate(game: NormalFormGame) -> None:
    assert degeneracy_witness(game) is not None


def half_half_best_responses(game: NormalFormGame) -> int:
    """Most best responses of either player to an opponent mixing two strategies 1/2-1/2."""
    A, B = (np.array(a.tolist(), dtype=object) for a in game.payoffs)
    most = 0
    for R in (A, B.T):  # R[t, s]: responder t against opponent s
        for s1, s2 in itertools.combinations(range(R.shape[1]), 2):
            pays = [Fraction(R[t, s1]) / 2 + Fraction(R[t, s2]) / 2 for t in range(R.shape[0])]
            most = max(most, pays.count(max(pays)))
    return most


def test_degenerate_games_include_indifference_at_a_mixed_strategy() -> None:
    # the "indifference" construction: three best responses to a 1/2-1/2 mix
    game = minimal(degenerate_games(max_strategies=3), lambda g: half_half_best_responses(g) >= 3)
    assert sorted(game.shape) == [2, 3]
    witness = degeneracy_witness(game)
    assert witness is not None


def test_degenerate_games_shrink_to_a_tie() -> None:
    game = minimal(degenerate_games())
    assert game.shape == (2, 1)
    assert payoffs_of(game) == [[[0], [0]], [[0], [0]]]


@scaled(30, suppress_health_check=[HealthCheck.too_slow])
@given(non_degenerate_games(max_strategies=3))
def test_non_degenerate_games_are_non_degenerate(game: NormalFormGame) -> None:
    assert degeneracy_witness(game) is None
    # Shapley (1974): a non-degenerate bimatrix game has an odd number of equilibria
    assert len(gambit_equilibria(game)) % 2 == 1


@scaled(10, suppress_health_check=[HealthCheck.too_slow])
@given(non_degenerate_games(min_strategies=4, max_strategies=4))
def test_non_degenerate_4x4_games_have_an_odd_number_of_equilibria(game: NormalFormGame) -> None:
    assert len(gambit_equilibria(game)) % 2 == 1


def test_non_degenerate_games_shrink_to_small_distinct_payoffs() -> None:
    assert payoffs_of(minimal(non_degenerate_games())) == [[[0]], [[0]]]
    game = minimal(non_degenerate_games(), lambda g: g.shape == (2, 2))
    assert degeneracy_witness(game) is None
    assert payoffs_of(game) == [[[0, 1], [-1, 2]], [[0, 1], [-1, 2]]]


# ---------------------------------------------------------------------------
# Ordinal classes (row payoffs R=(C,C), S=(C,D), T=(D,C), P=(D,D))
# ---------------------------------------------------------------------------


def letters(game: NormalFormGame, player: int) -> tuple[Any, Any, Any, Any]:
    """T, R, P, S of a 2x2 symmetric-form game, for the row (0) or column (1) player."""
    A = game.payoff_array(player)
    if player == 1:
        A = A.T
    return A[1, 0], A[0, 0], A[1, 1], A[0, 1]


CLASSES = [
    pytest.param(prisoners_dilemmas, lambda T, R, P, S: T > R > P > S, id="prisoners-dilemma"),
    pytest.param(chickens, lambda T, R, P, S: T > R > S > P, id="chicken"),
    pytest.param(stag_hunts, lambda T, R, P, S: R > T >= P > S, id="stag-hunt"),
    pytest.param(deadlocks, lambda T, R, P, S: T > P > R > S, id="deadlock"),
]


@pytest.mark.parametrize(("strategy", "inequalities"), CLASSES)
@pytest.mark.parametrize("symmetric", [True, False], ids=["symmetric", "asymmetric"])
def test_ordinal_classes_satisfy_their_inequalities(
    strategy: Any, inequalities: Any, symmetric: bool
) -> None:
    @scaled(25, suppress_health_check=[HealthCheck.too_slow])
    @given(strategy(symmetric=symmetric, payoffs=st.fractions(-5, 5, max_denominator=7)))
    def check(game: NormalFormGame) -> None:
        assert game.shape == (2, 2)
        for player in (0, 1):
            assert inequalities(*letters(game, player))
        if symmetric:
            assert letters(game, 0) == letters(game, 1)

    check()


@scaled(25, suppress_health_check=[HealthCheck.too_slow])
@given(prisoners_dilemmas(iterated=True))
def test_iterated_prisoners_dilemmas(game: NormalFormGame) -> None:
    T, R, P, S = letters(game, 0)
    assert T > R > P > S and 2 * R > T + S


def test_stag_hunts_include_the_tie() -> None:
    game = minimal(stag_hunts(), lambda g: letters(g, 0)[0] == letters(g, 0)[2])
    assert letters(game, 0) == (1, 3, 1, 0)


@pytest.mark.parametrize(
    ("strategy", "expected"),
    [
        pytest.param(prisoners_dilemmas, (3, 2, 1, 0), id="prisoners-dilemma"),
        pytest.param(chickens, (3, 2, 0, 1), id="chicken"),
        pytest.param(stag_hunts, (2, 3, 1, 0), id="stag-hunt"),
        pytest.param(deadlocks, (3, 1, 2, 0), id="deadlock"),
    ],
)
def test_ordinal_classes_shrink_to_documented_payoffs(strategy: Any, expected: tuple) -> None:
    game = minimal(strategy())
    assert letters(game, 0) == expected == letters(game, 1)


# Equilibrium structure of each class (pygambit enumerates; the expected
# structure is the literature's): PD and deadlock have the unique equilibrium
# (Defect, Defect) (Rapoport & Chammah 1965; Snyder & Diesing 1977); chicken
# has two pure asymmetric equilibria and one mixed (Rapoport & Chammah 1966);
# the stag hunt has (Stag, Stag), (Hare, Hare) and one mixed (Skyrms 2004).
STRUCTURES = [
    pytest.param(prisoners_dilemmas, {((0, 1), (0, 1))}, 0, id="prisoners-dilemma"),
    pytest.param(deadlocks, {((0, 1), (0, 1))}, 0, id="deadlock"),
    pytest.param(chickens, {((1, 0), (0, 1)), ((0, 1), (1, 0))}, 1, id="chicken"),
    pytest.param(stag_hunts, {((1, 0), (1, 0)), ((0, 1), (0, 1))}, 1, id="stag-hunt"),
    pytest.param(deterrence_games, set(), 1, id="deterrence"),
]


@pytest.mark.parametrize(("strategy", "pure", "n_mixed"), STRUCTURES)
def test_ordinal_classes_have_their_equilibrium_structure(
    strategy: Any, pure: set, n_mixed: int
) -> None:
    @scaled(15, suppress_health_check=[HealthCheck.too_slow])
    @given(strategy())
    def check(game: NormalFormGame) -> None:
        eqs = gambit_equilibria(game)
        found_pure = {tuple(tuple(int(p) for p in probs) for probs in eq)
                      for eq in eqs if all(p in (0, 1) for probs in eq for p in probs)}
        assert found_pure == pure
        mixed = [eq for eq in eqs if any(0 < p < 1 for probs in eq for p in probs)]
        assert len(mixed) == n_mixed
        for eq in mixed:  # completely mixed in these 2x2 classes
            assert all(0 < p < 1 for probs in eq for p in probs)

    check()


@scaled(25, suppress_health_check=[HealthCheck.too_slow])
@given(deterrence_games(payoffs=st.fractions(-3, 3, max_denominator=5)))
def test_deterrence_games_follow_the_documented_order(game: NormalFormGame) -> None:
    assert game.players == ("Defender", "Challenger")
    sq, cap = game["Acquiesce", "Restrain"], game["Acquiesce", "Challenge"]
    pre, war = game["Resist", "Restrain"], game["Resist", "Challenge"]
    assert sq[0] > pre[0] > war[0] > cap[0]
    assert cap[1] > sq[1] > pre[1] > war[1]


def test_deterrence_order_is_m1_at_the_default_point() -> None:
    """At the defaults of scenario_spec.md (mixed regime), M1 has the deterrence ranking."""
    game = m1_game().at(**{k: str(v) for k, v in M1_SPACE.defaults().items()})
    for player, ranks in enumerate(DETERRENCE_ORDER):
        payoff = game.payoff_array(player)
        for a, b in itertools.product(itertools.product(range(2), range(2)), repeat=2):
            assert (ranks[a[0]][a[1]] < ranks[b[0]][b[1]]) == (payoff[a] < payoff[b])


ORDERS = [
    pytest.param([[[3, 1], [4, 2]], [[3, 4], [1, 2]]], id="prisoners-dilemma"),
    pytest.param([[[2, 2], [1, 3]], [[1, 1], [1, 1]]], id="ties-and-indifference"),
    pytest.param([[[1, 2, 3]], [[3, 2, 1]]], id="1x3"),
    pytest.param(
        [np.arange(8).reshape(2, 2, 2).tolist(), np.zeros((2, 2, 2), int).tolist(),
         (-np.arange(8)).reshape(2, 2, 2).tolist()],
        id="three-players",
    ),
]


@pytest.mark.parametrize("order", ORDERS)
def test_ordinal_games_respect_the_ranking(order: Any) -> None:
    @scaled(20, suppress_health_check=[HealthCheck.too_slow])
    @given(ordinal_games(order=order, payoffs=st.fractions(-4, 4, max_denominator=9)))
    def check(game: NormalFormGame) -> None:
        for player, ranks in enumerate(order):
            r = np.array(ranks).ravel()
            u = game.payoff_array(player).ravel()
            for i, j in itertools.combinations(range(r.size), 2):
                assert (r[i] < r[j]) == (u[i] < u[j])
                assert (r[i] == r[j]) == (u[i] == u[j])

    check()


def test_ordinal_games_shrink_to_consecutive_integers() -> None:
    game = minimal(ordinal_games(order=ORDERS[0].values[0]))
    assert payoffs_of(game) == [[[2, 0], [3, 1]], [[2, 3], [0, 1]]]


# ---------------------------------------------------------------------------
# Bad arguments
# ---------------------------------------------------------------------------

BAD = [
    pytest.param(lambda: normal_form_games(min_players=0), "min_players=0", id="zero-players"),
    pytest.param(lambda: normal_form_games(min_players=0, max_players=0), "min_players=0",
                 id="zero-players-max"),
    pytest.param(lambda: normal_form_games(min_strategies=-1), "min_strategies=-1",
                 id="negative-strategies"),
    pytest.param(lambda: normal_form_games(min_players=3, max_players=2), "greater than",
                 id="min-players-above-max"),
    pytest.param(lambda: normal_form_games(min_strategies=4, max_strategies=2), "greater than",
                 id="min-strategies-above-max"),
    pytest.param(lambda: normal_form_games(max_players=2.5), "integer", id="float-players"),
    pytest.param(lambda: normal_form_games(payoffs=[1, 2]), "must be a Hypothesis strategy",
                 id="payoffs-not-a-strategy"),
    pytest.param(lambda: normal_form_games(payoffs=st.just(float("nan"))), "not finite",
                 id="nan-payoffs"),
    pytest.param(lambda: normal_form_games(labels=["a", "b"]), "must be a Hypothesis strategy",
                 id="labels-not-a-strategy"),
    pytest.param(lambda: normal_form_games(labels=st.integers()), "must generate strings",
                 id="labels-not-strings"),
    pytest.param(lambda: normal_form_games(max_players=4, max_strategies=10), "payoff values",
                 id="too-large"),
    pytest.param(lambda: degenerate_games(max_strategies=1), "at least 2", id="degenerate-1x1"),
    pytest.param(lambda: non_degenerate_games(min_strategies=0), "min_strategies=0",
                 id="non-degenerate-zero"),
    pytest.param(lambda: prisoners_dilemmas(iterated="yes"), "True or False",
                 id="flag-not-bool"),
    pytest.param(lambda: chickens(payoffs=3), "must be a Hypothesis strategy",
                 id="class-payoffs-not-a-strategy"),
    pytest.param(lambda: ordinal_games(order="PD"), "one array of ranks", id="order-string"),
    pytest.param(lambda: ordinal_games(order=[[[1, 2], [3]], [[1, 2], [3, 4]]]), "ragged",
                 id="order-ragged"),
    pytest.param(lambda: ordinal_games(order=[[[1, 2.5]], [[1, 2]]]), "integer ranks",
                 id="order-not-integers"),
    pytest.param(lambda: ordinal_games(order=[[1, 2], [3, 4]]), "dimensions",
                 id="order-wrong-ndim"),
    pytest.param(lambda: ordinal_games(order=[[[1, 2]], [[1], [2]]]), "shape",
                 id="order-shape-mismatch"),
]


@pytest.mark.parametrize(("make", "message"), BAD)
def test_bad_game_arguments_raise_invalid_argument(make: Any, message: str) -> None:
    with pytest.raises(InvalidArgument, match=message):
        minimal(make())


# ---------------------------------------------------------------------------
# Parameter points (scenario_spec.md section 2)
# ---------------------------------------------------------------------------

M1_SPACE = ParameterSpace.from_dict(
    {
        "p": {"bounds": ["0", "1"], "default": "1/2"},
        "c_R": {"bounds": ["0", "inf"], "default": "3/10"},
        "l_R": {"bounds": ["0", "inf"], "default": "1/5"},
        "e_R": {"bounds": ["0", "inf"], "default": "1"},
        "b_T": {"bounds": ["0", "inf"], "default": "1/2"},
        "m_T": {"bounds": ["0", "inf"], "lower_open": True, "default": "2/5"},
        "c_T": {"bounds": ["0", "inf"], "default": "1/5"},
        "h_T": {"bounds": ["0", "inf"], "default": "3/10"},
    }
)

ODD_SPACE = ParameterSpace(
    [
        Parameter("delta", 0, 1, lower_open=True, upper_open=True, default="9/10"),
        Parameter("x", -1, 2, lower_open=True),
        Parameter("u"),
        Parameter("fixed", 3, 3),
        Parameter("neg", None, "-1/3", upper_open=True),
    ]
)


def inside(space: ParameterSpace, point: dict[str, Any]) -> bool:
    for name in space.names:
        par, value = space[name], Fraction(point[name])
        if par.lower is not None:
            lower = Fraction(str(par.lower))
            if value < lower or (par.lower_open and value == lower):
                return False
        if par.upper is not None:
            upper = Fraction(str(par.upper))
            if value > upper or (par.upper_open and value == upper):
                return False
    return True


def holds(condition: Any, point: dict[str, Any]) -> bool:
    subs = {s: sympy.Rational(str(Fraction(point[s.name]))) for s in condition.free_symbols}
    return bool(condition.xreplace(subs))


@pytest.mark.parametrize("space", [pytest.param(M1_SPACE, id="m1"),
                                   pytest.param(ODD_SPACE, id="open-and-unbounded")])
@pytest.mark.parametrize("exact", [True, False], ids=["exact", "float"])
def test_parameter_points_lie_inside_the_bounds(space: ParameterSpace, exact: bool) -> None:
    @scaled(40, suppress_health_check=[HealthCheck.too_slow])
    @given(parameter_points(space, exact=exact))
    def check(point: dict[str, Any]) -> None:
        assert list(point) == list(space.names)
        assert all(isinstance(v, Fraction if exact else float) for v in point.values())
        assert inside(space, point)

    check()


S = M1_SPACE.symbols
CONDITIONS = [
    pytest.param(S["c_R"] < S["p"] * S["l_R"], id="preempt-dominant"),
    pytest.param(sympy.And(S["p"] * S["l_R"] < S["c_R"], S["c_R"] < S["p"] * S["e_R"],
                           S["e_R"] > S["l_R"]), id="mixed-band"),
    pytest.param(S["p"] > 1 - S["h_T"] / S["m_T"], id="p-above-p_T"),
    pytest.param("Or(p < 1/100, p > 99/100)", id="or-string"),
    pytest.param("p*p*p < 1/1000", id="nonlinear-univariate"),
    pytest.param("c_R*c_R + l_R*l_R < 1/4", id="nonlinear-disc"),
]


@pytest.mark.parametrize("condition", CONDITIONS)
def test_parameter_points_satisfy_where(condition: Any) -> None:
    cond = parse_expression(condition, M1_SPACE) if isinstance(condition, str) else condition

    @scaled(30, suppress_health_check=[HealthCheck.too_slow])
    @given(parameter_points(M1_SPACE, where=condition))
    def check(point: dict[str, Any]) -> None:
        assert inside(M1_SPACE, point)
        assert holds(cond, point)

    check()


@pytest.mark.parametrize(
    "condition",
    [
        pytest.param("c_R < p*l_R/10", id="narrow-wedge"),
        pytest.param("p*l_R < c_R < p*l_R + 1/1000", id="thin-band"),
        pytest.param("And(e_R > l_R, c_R > p*e_R, p > 1 - h_T/m_T)", id="accept-and-p_T"),
        pytest.param("Or(p < 1/100, p > 99/100)", id="two-slivers"),
    ],
)
@pytest.mark.parametrize("exact", [True, False], ids=["exact", "float"])
def test_parameter_points_target_the_condition(condition: str, exact: bool) -> None:
    """At least 90% of raw attempts satisfy a narrow condition (targeted, not filtered)."""
    plan = _PointPlan(M1_SPACE, (condition,), exact, "where")

    # fixed count (not scaled): the assertion below counts these draws
    @settings(max_examples=100, database=None)
    @given(_points(plan))
    def draw(point: dict[str, Any]) -> None:
        pass

    draw()
    tries = plan.successes + plan.failures
    assert tries >= 100
    assert plan.successes / tries >= 0.9, (plan.successes, plan.failures)


def test_parameter_points_shrink_to_defaults_then_simple_fractions() -> None:
    defaults = {k: Fraction(str(v)) for k, v in M1_SPACE.defaults().items()}
    assert minimal(parameter_points(M1_SPACE)) == defaults
    point = minimal(parameter_points(M1_SPACE), lambda pt: pt["p"] != defaults["p"])
    assert point == {**defaults, "p": 0}
    point = minimal(parameter_points(M1_SPACE, where="c_R < p*l_R/10"),
                    lambda pt: pt["c_R"] > 0)
    # p*l_R/10 > c_R > 0 with the defaults p = 1/2, l_R = 1/5: c_R in (0, 1/100)
    assert point == {**defaults, "c_R": Fraction(1, 101)}
    point = minimal(parameter_points(ODD_SPACE), lambda pt: pt["delta"] != Fraction(9, 10))
    assert point == {"delta": Fraction(1, 2), "x": 0, "u": 0, "fixed": 3, "neg": -1}


def test_parameter_points_shrink_with_floats() -> None:
    point = minimal(parameter_points(M1_SPACE, exact=False), lambda pt: pt["c_R"] > 1)
    assert point["c_R"] == 2.0
    assert point["p"] == 0.5


def test_assumptions_are_parameter_points_with_all_conditions() -> None:
    stated = ("e_R > l_R", "c_R > p*e_R", S["p"] > sympy.Rational(1, 3))
    conds = [parse_expression(c, M1_SPACE) if isinstance(c, str) else c for c in stated]

    @scaled(30, suppress_health_check=[HealthCheck.too_slow])
    @given(assumptions(M1_SPACE, *stated))
    def check(point: dict[str, Any]) -> None:
        assert all(holds(c, point) for c in conds)

    check()
    assert minimal(assumptions(M1_SPACE, *stated)) == minimal(
        parameter_points(M1_SPACE, where=sympy.And(*conds)))


def test_assumptions_find_the_documented_counterexample() -> None:
    # "Russia never preempts when the corridor stays commercial" is false:
    # with c_R < p*l_R, Preempt is strictly dominant (scenario_spec.md M1).
    point = minimal(assumptions(M1_SPACE, "c_R < p*l_R"), lambda pt: True)
    assert point["c_R"] == 0 and point["p"] == Fraction(1, 2)


BAD_POINTS = [
    pytest.param(lambda: parameter_points(M1_SPACE, where="p > 1"), "contradictory",
                 id="outside-bounds"),
    pytest.param(lambda: assumptions(M1_SPACE, "e_R > l_R", "l_R > e_R"), "contradictory",
                 id="contradictory-linear"),
    pytest.param(lambda: assumptions(M1_SPACE, "p*l_R < -1/10"), "contradictory",
                 id="contradictory-by-sign-assumptions"),
    pytest.param(lambda: assumptions(M1_SPACE, "p*l_R > l_R + 1/100"), "contradictory",
                 id="contradictory-nonlinear"),
    pytest.param(lambda: assumptions(M1_SPACE, "c_R*c_R < 2*c_R - 1"), "contradictory",
                 id="contradictory-univariate"),
    pytest.param(lambda: parameter_points(M1_SPACE, where=sympy.false), "False",
                 id="false"),
    pytest.param(lambda: parameter_points(M1_SPACE, where="q > 0"), "cannot parse",
                 id="undeclared-name-in-text"),
    pytest.param(lambda: parameter_points(M1_SPACE, where=sympy.Symbol("zz") > 0),
                 "undeclared names", id="undeclared-symbol"),
    pytest.param(lambda: parameter_points(M1_SPACE, where="p +"), "cannot parse",
                 id="syntax-error"),
    pytest.param(lambda: parameter_points(M1_SPACE, where=3), "must be a sympy Boolean",
                 id="not-a-condition"),
    pytest.param(lambda: parameter_points({"p": (0, 1)}), "ParameterSpace", id="not-a-space"),
    pytest.param(lambda: parameter_points(M1_SPACE, exact="yes"), "True or False",
                 id="exact-not-bool"),
    pytest.param(lambda: games_satisfying(42), "symbolic game", id="not-a-game"),
    pytest.param(lambda: games_satisfying(m1_game(), space=ODD_SPACE), "not declared",
                 id="game-parameters-not-in-space"),
]


@pytest.mark.parametrize(("make", "message"), BAD_POINTS)
def test_bad_parameter_arguments_raise_invalid_argument(make: Any, message: str) -> None:
    with pytest.raises(InvalidArgument, match=message):
        minimal(make())


# ---------------------------------------------------------------------------
# games_satisfying: model M1 of scenario_spec.md section 3
# ---------------------------------------------------------------------------


def m1_game() -> NormalFormGame:
    def parse(cells: list[list[str]]) -> list[list[Any]]:
        return [[parse_expression(c, M1_SPACE) for c in row] for row in cells]

    return NormalFormGame.from_arrays(
        parse([["-l_R", "-e_R"], ["-(1-p)*l_R - c_R", "-(1-p)*e_R - c_R"]]),
        parse([["b_T", "b_T + m_T"], ["(1-p)*b_T - c_T", "(1-p)*(b_T+m_T) - c_T - h_T"]]),
        players=["Russia", "T"],
        strategies=[["Accept", "Preempt"], ["Commercial", "Militarize"]],
        space=M1_SPACE,
    )


def strictly_dominates(game: NormalFormGame, better: str, worse: str) -> bool:
    return all(game[better, c][0] > game[worse, c][0] for c in game.strategies[1])


@pytest.mark.parametrize(
    ("condition", "better", "worse"),
    [
        # scenario_spec.md M1: Preempt strictly dominates Accept iff c_R < p*l_R;
        # Accept strictly dominates iff c_R > p*e_R (with e_R > l_R).
        pytest.param("And(c_R < p*l_R, e_R > l_R)", "Preempt", "Accept", id="preempt-dominant"),
        pytest.param("And(c_R > p*e_R, e_R > l_R)", "Accept", "Preempt", id="accept-dominant"),
    ],
)
@pytest.mark.parametrize("exact", [True, False], ids=["exact", "float"])
def test_games_satisfying_give_instances_where_the_claim_holds(
    condition: str, better: str, worse: str, exact: bool
) -> None:
    game = m1_game()
    cond = parse_expression(condition, M1_SPACE)

    @scaled(25, suppress_health_check=[HealthCheck.too_slow])
    @given(games_satisfying(game, condition, exact=exact))
    def check(instance: GameInstance) -> None:
        point, numeric = instance
        assert holds(cond, point)
        assert not numeric.is_symbolic
        assert numeric.kind == ("float" if exact is False else numeric.kind)
        assert numeric == game.at(**point)
        if exact:  # the exact claim; float payoffs may round a tiny margin away
            assert strictly_dominates(numeric, better, worse)

    check()


def test_games_satisfying_shrink_to_the_defaults_and_print_the_point() -> None:
    game = m1_game()
    instance = minimal(games_satisfying(game), lambda inst: True)
    defaults = {k: Fraction(str(v)) for k, v in M1_SPACE.defaults().items()}
    assert instance.point == defaults
    assert repr(instance).startswith("GameInstance(point={'p': Fraction(1, 2)")
    assert "game=game.at(p=Fraction(1, 2), c_R=Fraction(3, 10)" in repr(instance)

    # fixed budget (not scaled): the claim is false, Hypothesis stops at the first failure
    @settings(database=None, max_examples=50, phases=[Phase.generate, Phase.shrink])
    @given(games_satisfying(game, "c_R < p*e_R"))
    def claim(inst: GameInstance) -> None:  # false: Preempt is not always dominant there
        assert strictly_dominates(inst.game, "Preempt", "Accept"), "not dominant"

    with pytest.raises(AssertionError, match="not dominant") as info:
        claim()
    report = "\n".join(getattr(info.value, "__notes__", []))
    assert "GameInstance(point={" in report and "game=game.at(" in report
    # the counterexample shrinks to the default point (p*l_R = 1/10 < c_R = 3/10 < p*e_R)
    assert "c_R=Fraction(3, 10)" in report


def test_games_without_a_space_draw_unbounded_parameters() -> None:
    c = sympy.Symbol("c", real=True)
    game = NormalFormGame.from_arrays([[c, 0]], [[0, 1]])
    instance = minimal(games_satisfying(game, c > 5))
    assert instance.point == {"c": 6}
    assert instance.game.payoff_array(0).tolist() == [[6, 0]]
