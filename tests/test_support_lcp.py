"""Tests of the ``support`` (support enumeration) and ``lcp`` (Lemke-Howson) methods.

Expected equilibria come from the literature (each fixture cites its source)
or from independent oracles: pygambit's ``enummixed_solve`` and
``lcp_solve`` (exact), nashpy's ``vertex_enumeration`` and
``support_enumeration`` (float), and an LP-based check of Definition 3.2 of
von Stengel (2007) for degeneracy.
"""

from __future__ import annotations

import random
import warnings
from fractions import Fraction as F
from itertools import combinations

import numpy as np
import pygambit as gbt
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st
from scipy.optimize import linprog

from gametheory import NormalFormGame, solve
from gametheory.errors import MethodNotApplicableError, SymbolicGameError, UnknownLabelError
from gametheory.solvers.lemke_howson import lemke_howson, solve_lcp
from gametheory.solvers.support_enumeration import solve_support

from ._hypothesis import scaled
from .games import (
    ALL_TIES,
    BOS,
    ENTRY,
    MATCHING_PENNIES,
    SHAPLEY_1964,
    THREE_PLAYER_COORDINATION,
    TWO_PLAYER,
    VON_STENGEL_3X2,
    ZERO_ROW,
)


def _x(*v):
    return tuple(F(t) for t in v)


# ---------------------------------------------------------------------- extra fixtures
# von Stengel (2007), Algorithmic Game Theory ch. 3, game (3.18): (3.3) with b_15 = 3.
# Section 3.6: vertex a = (1,0,0) of P with the edge [r, s] of Q is a component of
# equilibria, y = (y4, 1 - y4) for 2/3 <= y4 <= 1, with extreme equilibria (a, r), (a, s);
# (d, q) = ((0, 1/3, 2/3), (1/3, 2/3)) of (3.3) is unaffected by the change.
VS_DEGENERATE = NormalFormGame.from_arrays([[3, 3], [2, 5], [0, 6]], [[3, 3], [2, 6], [3, 1]])
VS_DEGENERATE_EXTREME = {
    (_x(1, 0, 0), _x(1, 0)),
    (_x(1, 0, 0), _x(F(2, 3), F(1, 3))),
    (_x(0, F(1, 3), F(2, 3)), _x(F(1, 3), F(2, 3))),
}
VS_DEGENERATE_COMPONENT = {(_x(1, 0, 0), _x(1, 0)), (_x(1, 0, 0), _x(F(2, 3), F(1, 3)))}

# von Stengel (2007), game (3.7): A = B^T; every equilibrium is symmetric, x = y in
# {(0,0,1), (1/2,1/4,1/4), (3/4,1/4,0)}, and only the first is found by Lemke-Howson,
# for any missing label.
_A37 = [[3, 3, 0], [4, 0, 1], [0, 4, 5]]
VS_37 = NormalFormGame.from_arrays(_A37, [list(r) for r in zip(*_A37, strict=True)])
VS_37_EXTREME = {
    (_x(0, 0, 1), _x(0, 0, 1)),
    (_x(F(1, 2), F(1, 4), F(1, 4)), _x(F(1, 2), F(1, 4), F(1, 4))),
    (_x(F(3, 4), F(1, 4), 0), _x(F(3, 4), F(1, 4), 0)),
}

# QuantEcon.py, quantecon/game_theory/tests/test_lemke_howson.py (TestLemkeHowsonDegenerate):
# degenerate games on which ad hoc tie breaking cycles; the lexicographic rule ends, from
# init_pivot 0, at the listed equilibrium. QuantEcon stores player 1's payoffs as
# [own action, opponent action], hence the transposes.
_QA = np.array([[0, 0, 0], [0, 1, 1], [1, 1, 0]])
_QB = np.array([[1, 0, 1], [1, 1, 0], [0, 0, 2]])
_PERM = [2, 0, 1]
QE_CYCLE_ROW = NormalFormGame.from_arrays(_QA, _QB.T)
QE_CYCLE_VAR = NormalFormGame.from_arrays(_QA[:, _PERM], _QB[_PERM, :].T)


# ---------------------------------------------------------------------- oracles
def _keys(solution) -> set:
    return {e.key for e in solution}


def _gambit_set(result, gg) -> set:
    return {
        tuple(tuple(F(str(eq[s])) for s in p.strategies) for p in gg.players)
        for eq in result.equilibria
    }


def gambit_enummixed(game: NormalFormGame) -> set:
    gg = game.to_pygambit()
    return _gambit_set(gbt.nash.enummixed_solve(gg, rational=True), gg)


def gambit_lcp(game: NormalFormGame) -> set:
    gg = game.to_pygambit()
    return _gambit_set(gbt.nash.lcp_solve(gg, rational=True), gg)


def nashpy_equilibria(A, B, algorithm: str) -> list:
    """nashpy equilibria (float), each player's payoffs shifted to a minimum of 1.

    nashpy shifts only negative payoffs to 0, so a strategy paying 0 everywhere
    breaks its polytopes; shifting is a positive affine map and keeps the equilibria.
    ``support_enumeration`` gets ``tol=1e-9``: its default 1e-16 rejects solutions
    whose zero probabilities come out of ``numpy.linalg.solve`` as 1e-15.
    """
    import nashpy

    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    game = nashpy.Game(A - A.min() + 1, B - B.min() + 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if algorithm == "support":
            return list(game.support_enumeration(tol=1e-9))
        return list(game.vertex_enumeration())


def _close_to_one_of(pair, solution) -> bool:
    return any(
        all(np.allclose(np.asarray(u, dtype=float), v, atol=1e-9)
            for u, v in zip(eq.vectors, pair, strict=True))
        for eq in solution
    )


def _lp_degenerate_side(P: np.ndarray) -> bool:
    """True if a strategy x of the player whose strategies index the rows of ``P``
    (``P`` = the opponent's payoffs) has support size k and > k pure best responses.

    Linear programs, one per support I and set K of k + 1 opponent strategies:
    maximise t with x_i >= t on I, x = 0 off I, sum x = 1, (P^T x)_j = v on K and
    <= v elsewhere (Definition 3.2 of von Stengel 2007).
    """
    r, c = P.shape
    for k in range(1, r + 1):
        for I in combinations(range(r), k):
            for K in combinations(range(c), k + 1):
                # variables: x_I (k), v, t ; minimise -t
                nv = k + 2
                cost = np.zeros(nv)
                cost[-1] = -1
                A_eq = [np.r_[np.ones(k), 0, 0]]
                b_eq = [1]
                for j in K:
                    A_eq.append(np.r_[P[list(I), j], -1, 0])
                    b_eq.append(0)
                A_ub, b_ub = [], []
                for j in set(range(c)) - set(K):
                    A_ub.append(np.r_[P[list(I), j], -1, 0])
                    b_ub.append(0)
                for a in range(k):
                    row = np.zeros(nv)
                    row[a], row[-1] = -1, 1
                    A_ub.append(row)
                    b_ub.append(0)
                res = linprog(
                    cost, A_ub=np.array(A_ub), b_ub=b_ub, A_eq=np.array(A_eq), b_eq=b_eq,
                    bounds=[(0, None)] * k + [(None, None), (None, 1)], method="highs",
                )
                if res.status == 0 and -res.fun > 1e-9:
                    return True
    return False


def lp_degenerate(A, B) -> bool:
    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)
    return _lp_degenerate_side(B) or _lp_degenerate_side(A.T)


def _support_sizes(eq) -> tuple[int, int]:
    return tuple(len(s) for s in eq.support.values())


# ---------------------------------------------------------------------- known games
@pytest.mark.parametrize("known", [pytest.param(k, id=k.id) for k in TWO_PLAYER])
def test_support_finds_the_literature_extreme_equilibria(known):
    sol = solve_support(known.game)
    assert len(sol) == len(known.extreme)
    assert _keys(sol) == set(known.extreme)
    assert sol.degenerate is known.degenerate
    assert sol.exact
    assert all(e.exact and e.regret == 0 for e in sol)
    assert all(isinstance(p, F) for e in sol for v in e.vectors for p in v)


@pytest.mark.parametrize("known", [pytest.param(k, id=k.id) for k in TWO_PLAYER])
def test_lcp_endpoints_are_literature_extreme_equilibria(known):
    sol = solve_lcp(known.game)
    assert len(sol) >= 1
    assert _keys(sol) <= set(known.extreme)
    assert sol.complete == "some"
    assert sol.method == "lcp"


@pytest.mark.parametrize(
    ("game", "extreme", "degenerate", "complete"),
    [
        pytest.param(VON_STENGEL_3X2.game, set(VON_STENGEL_3X2.extreme), False, "all",
                     id="von-stengel-3.3"),
        pytest.param(VS_37, VS_37_EXTREME, False, "all", id="von-stengel-3.7"),
        pytest.param(VS_DEGENERATE, VS_DEGENERATE_EXTREME, True, "all-extreme",
                     id="von-stengel-3.18-degenerate"),
        pytest.param(ENTRY.game, set(ENTRY.extreme), True, "all-extreme", id="entry-deterrence"),
        pytest.param(ALL_TIES.game, set(ALL_TIES.extreme), True, "all-extreme", id="all-ties"),
    ],
)
def test_support_completeness_claims(game, extreme, degenerate, complete):
    sol = solve_support(game)
    assert _keys(sol) == extreme
    assert sol.degenerate is degenerate
    assert sol.complete == complete
    assert (sol.components != ()) is (complete == "all-extreme")


def test_degenerate_component_of_von_stengel_3_18():
    sol = solve_support(VS_DEGENERATE)
    assert len(sol.components) == 1
    members = {sol[k].key for k in sol.components[0]}
    assert members == VS_DEGENERATE_COMPONENT
    comps = {sol[k].component for k in sol.components[0]}
    assert len(comps) == 1
    assert None not in comps
    isolated = [e for e in sol if e.key not in VS_DEGENERATE_COMPONENT]
    assert [e.component for e in isolated] == [None]
    assert any("degenerate game" in n for n in sol.notes)


def test_degenerate_games_have_unequal_support_equilibria():
    # (a, r) in von Stengel (3.18) and (Out, (1/2, 1/2)) in entry deterrence.
    for game, expected in [
        (VS_DEGENERATE, (_x(1, 0, 0), _x(F(2, 3), F(1, 3)))),
        (ENTRY.game, (_x(1, 0), _x(F(1, 2), F(1, 2)))),
    ]:
        sol = solve_support(game)
        (eq,) = [e for e in sol if e.key == expected]
        assert _support_sizes(eq) == (1, 2)


def test_all_ties_is_one_square_of_equilibria():
    # every profile is an equilibrium: conv of the 4 pure profiles
    sol = solve_support(ALL_TIES.game)
    assert sol.components == ((0, 1, 2, 3),)
    assert {e.component for e in sol} == {0}


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        # von Stengel (2007) section 3.4: missing label 2 (0-based 1) ends at (d, q);
        # missing label 1 (0-based 0) leads to (a, s).
        pytest.param(1, (_x(0, F(1, 3), F(2, 3)), _x(F(1, 3), F(2, 3))), id="label-2-to-dq"),
        pytest.param(0, (_x(1, 0, 0), _x(1, 0)), id="label-1-to-as"),
        pytest.param(("1", "2"), (_x(0, F(1, 3), F(2, 3)), _x(F(1, 3), F(2, 3))),
                     id="label-by-strategy-name"),
    ],
)
def test_lemke_howson_paths_of_von_stengel_3_3(label, expected):
    eq = lemke_howson(VON_STENGEL_3X2.game, label)
    assert eq.key == expected
    assert eq.exact
    assert eq.regret == 0
    assert eq.method == "lcp"


def test_lemke_howson_misses_equilibria_of_von_stengel_3_7():
    sol = solve_lcp(VS_37)
    assert _keys(sol) == {(_x(0, 0, 1), _x(0, 0, 1))}
    assert _keys(solve_support(VS_37)) == VS_37_EXTREME


@pytest.mark.parametrize(
    ("game", "expected"),
    [
        pytest.param(VS_DEGENERATE, (_x(0, F(1, 3), F(2, 3)), _x(F(1, 3), F(2, 3))),
                     id="von-stengel-3.18"),
        pytest.param(QE_CYCLE_ROW, (_x(0, F(2, 3), F(1, 3)), _x(0, 1, 0)),
                     id="quantecon-cycle-smallest-row"),
        pytest.param(QE_CYCLE_VAR, (_x(0, F(2, 3), F(1, 3)), _x(0, 0, 1)),
                     id="quantecon-cycle-smallest-variable"),
    ],
)
def test_lexicographic_rule_does_not_cycle_in_degenerate_games(game, expected):
    assert lemke_howson(game, 0).key == expected
    sol = solve_lcp(game)
    assert sol.degenerate is True
    assert _keys(sol) <= gambit_enummixed(game)


def test_shapley_game_every_label_reaches_the_unique_equilibrium():
    sol = solve_lcp(SHAPLEY_1964.game)
    assert _keys(sol) == set(SHAPLEY_1964.extreme)
    assert len(sol.notes) == 1
    assert "0 (1: 1)" in sol.notes[0]
    assert "5 (2: 3)" in sol.notes[0]


def test_battle_of_the_sexes_lcp_reaches_only_the_pure_equilibria():
    # Shapley (1974): Lemke-Howson paths from the artificial equilibrium end at
    # equilibria of index +1; the mixed equilibrium of a 2x2 coordination game has
    # index -1 (and is found by support enumeration, Gibbons 1992 section 1.3.B).
    sol = solve_lcp(BOS.game)
    assert _keys(sol) == {(_x(1, 0), _x(1, 0)), (_x(0, 1), _x(0, 1))}
    assert _keys(solve_support(BOS.game)) == set(BOS.extreme)


def test_matching_pennies_and_zero_row_trap():
    for known in (MATCHING_PENNIES, ZERO_ROW):
        assert _keys(solve_lcp(known.game)) == set(known.extreme)
        assert _keys(solve_support(known.game)) == set(known.extreme)
    for algorithm in ("support", "vertex"):
        (pair,) = nashpy_equilibria(*ZERO_ROW.game.payoffs, algorithm)
        assert _close_to_one_of(pair, solve_support(ZERO_ROW.game))


def test_solve_lcp_single_label_claims_one():
    sol = solve_lcp(VON_STENGEL_3X2.game, initial_labels=[4])
    assert sol.complete == "one"
    assert len(sol) == 1
    sol = solve_lcp(VON_STENGEL_3X2.game, initial_labels=[0, 1, 0])
    assert sol.complete == "some"
    assert _keys(sol) == {(_x(1, 0, 0), _x(1, 0)), (_x(0, F(1, 3), F(2, 3)), _x(F(1, 3), F(2, 3)))}


def test_registry_dispatches_to_both_methods():
    assert _keys(solve(VON_STENGEL_3X2.game, "support")) == set(VON_STENGEL_3X2.extreme)
    assert solve(VON_STENGEL_3X2.game, "lcp", initial_labels=[1]).complete == "one"


# ---------------------------------------------------------------------- float games
def test_float_games_give_float_equilibria_close_to_the_exact_ones():
    exact = VON_STENGEL_3X2.game
    A, B = (np.asarray(a, dtype=float) * 0.1 for a in exact.payoffs)
    g = NormalFormGame.from_arrays(A, B)
    assert g.kind == "float"
    for sol in (solve_support(g), solve_lcp(g)):
        assert not sol.exact
        assert all(isinstance(p, float) for e in sol for p in e.profile["1"].values())
        for eq in sol:
            matches = [
                k for k in VON_STENGEL_3X2.extreme
                if all(np.allclose(np.asarray(u, dtype=float), v, atol=1e-12)
                       for u, v in zip(k, eq.vectors, strict=True))
            ]
            assert len(matches) == 1
    assert len(solve_support(g)) == 3


def test_float_lcp_matches_exact_lcp_on_a_random_game():
    rng = np.random.default_rng(7)
    A, B = rng.integers(-50, 50, (6, 6)), rng.integers(-50, 50, (6, 6))
    exact = solve_lcp(NormalFormGame.from_arrays(A, B))
    flt = solve_lcp(NormalFormGame.from_arrays(A / 8.0, B / 8.0))  # /8 is exact in binary
    assert len(exact) == len(flt)
    assert exact.notes == flt.notes  # same labels reach the same equilibria
    for e, f in zip(exact, flt, strict=True):
        for u, v in zip(e.vectors, f.vectors, strict=True):
            np.testing.assert_allclose(np.asarray(u, dtype=float), v, atol=1e-10)


def test_float_degenerate_game_lcp_agrees_with_exact():
    A, B = (np.asarray(a, dtype=float) / 4 for a in VS_DEGENERATE.payoffs)
    flt = solve_lcp(NormalFormGame.from_arrays(A, B))
    exact = solve_lcp(VS_DEGENERATE)
    assert [n for n in flt.notes if n.startswith("label")] == [
        n for n in exact.notes if n.startswith("label")
    ]
    for e, f in zip(exact, flt, strict=True):
        for u, v in zip(e.vectors, f.vectors, strict=True):
            np.testing.assert_allclose(np.asarray(u, dtype=float), v, atol=1e-12)


def test_float_path_that_fails_verification_is_redone_exactly(monkeypatch):
    import gametheory.solvers.lemke_howson as lh

    def wrong_endpoint(A, B, k):  # a float path ending at a non-equilibrium
        m, n = A.shape
        return lh._Path([1.0] + [0.0] * (m - 1), [0.0] * (n - 1) + [1.0], 1, False, False)

    monkeypatch.setattr(lh, "_path_float", wrong_endpoint)
    A, B = (np.asarray(a, dtype=float) / 2 for a in VON_STENGEL_3X2.game.payoffs)
    sol = solve_lcp(NormalFormGame.from_arrays(A, B), initial_labels=[1])
    (eq,) = sol
    expected = (_x(0, F(1, 3), F(2, 3)), _x(F(1, 3), F(2, 3)))  # (d, q), section 3.4
    for u, v in zip(expected, eq.vectors, strict=True):
        np.testing.assert_allclose(np.asarray(u, dtype=float), v, atol=1e-12)
    assert any("recomputed exactly" in n for n in sol.notes)


# ---------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    ("call", "error"),
    [
        pytest.param(lambda: solve_support(THREE_PLAYER_COORDINATION.game),
                     MethodNotApplicableError, id="support-three-players"),
        pytest.param(lambda: solve_lcp(THREE_PLAYER_COORDINATION.game),
                     MethodNotApplicableError, id="lcp-three-players"),
        pytest.param(lambda: lemke_howson(THREE_PLAYER_COORDINATION.game, 0),
                     MethodNotApplicableError, id="lh-three-players"),
        pytest.param(lambda: solve_support(NormalFormGame.from_arrays(
            [[sympy.Symbol("a"), 0], [0, 1]], [[1, 0], [0, 1]])),
            SymbolicGameError, id="support-symbolic"),
        pytest.param(lambda: solve_lcp(NormalFormGame.from_arrays(
            [[sympy.Symbol("a"), 0], [0, 1]], [[1, 0], [0, 1]])),
            SymbolicGameError, id="lcp-symbolic"),
        pytest.param(lambda: lemke_howson(BOS.game, 4), UnknownLabelError, id="label-too-big"),
        pytest.param(lambda: lemke_howson(BOS.game, -1), UnknownLabelError, id="label-negative"),
        pytest.param(lambda: lemke_howson(BOS.game, True), UnknownLabelError, id="label-bool"),
        pytest.param(lambda: lemke_howson(BOS.game, 1.0), UnknownLabelError, id="label-float"),
        pytest.param(lambda: lemke_howson(BOS.game, ("Pat", "Ballet")), UnknownLabelError,
                     id="label-unknown-strategy"),
        pytest.param(lambda: lemke_howson(BOS.game, ("Kim", "Opera")), UnknownLabelError,
                     id="label-unknown-player"),
        pytest.param(lambda: solve_lcp(BOS.game, initial_labels=[]), UnknownLabelError,
                     id="labels-empty"),
        pytest.param(lambda: solve_lcp(BOS.game, initial_labels=[0, 9]), UnknownLabelError,
                     id="labels-one-out-of-range"),
    ],
)
def test_bad_input_is_rejected(call, error):
    with pytest.raises(error):
        call()


def test_label_error_names_the_range():
    with pytest.raises(UnknownLabelError, match=r"0\.\.3"):
        lemke_howson(BOS.game, 7)


# ---------------------------------------------------------------------- random games
@st.composite
def bimatrices(draw, *, max_side: int = 3, max_payoff: int = 2):
    m = draw(st.integers(1, max_side))
    n = draw(st.integers(1, max_side))
    cell = st.integers(0, max_payoff)
    A = draw(st.lists(st.lists(cell, min_size=n, max_size=n), min_size=m, max_size=m))
    B = draw(st.lists(st.lists(cell, min_size=n, max_size=n), min_size=m, max_size=m))
    return A, B


@scaled(150, deadline=None)
@given(bimatrices(max_side=4))
def test_support_equals_gambit_enummixed_on_small_degenerate_games(AB):
    game = NormalFormGame.from_arrays(*AB)
    sol = solve_support(game)
    assert sol.complete in ("all", "all-extreme")
    assert _keys(sol) == gambit_enummixed(game)
    assert len(_keys(sol)) == len(sol)  # no duplicates
    assert _keys(solve_support(game, prune=False)) == _keys(sol)


@scaled(80, deadline=None)
@given(bimatrices(max_side=3))
def test_degenerate_flag_agrees_with_the_definition(AB):
    sol = solve_support(NormalFormGame.from_arrays(*AB))
    assert sol.degenerate is lp_degenerate(*AB)


@scaled(120, deadline=None)
@given(bimatrices(max_side=4))
def test_lcp_endpoints_are_extreme_equilibria_on_small_games(AB):
    game = NormalFormGame.from_arrays(*AB)
    sol = solve_lcp(game)
    assert 1 <= len(sol) <= sum(game.shape)
    assert _keys(sol) <= gambit_enummixed(game)
    if sol.degenerate:
        assert solve_support(game).degenerate


def _seeded_games(count: int, seed: int, *, low: int = -99, high: int = 99, max_side: int = 5):
    rng = random.Random(seed)
    for _ in range(count):
        m, n = rng.randint(2, max_side), rng.randint(2, max_side)
        A = [[rng.randint(low, high) for _ in range(n)] for _ in range(m)]
        B = [[rng.randint(low, high) for _ in range(n)] for _ in range(m)]
        yield A, B


@pytest.mark.parametrize("seed", [pytest.param(s, id=f"seed-{s}") for s in range(4)])
def test_seeded_degenerate_batch_against_gambit(seed):
    degenerate = 0
    for A, B in _seeded_games(8, 100 + seed, low=0, high=3, max_side=6):
        game = NormalFormGame.from_arrays(A, B)
        sol = solve_support(game)
        assert _keys(sol) == gambit_enummixed(game)
        assert _keys(solve_lcp(game)) <= _keys(sol)
        degenerate += bool(sol.degenerate)
    assert degenerate >= 4  # payoffs 0..3 on up to 6x6 really are degenerate


@pytest.mark.parametrize("seed", [pytest.param(s, id=f"seed-{s}") for s in range(5)])
def test_seeded_batch_against_gambit_and_nashpy(seed):
    nondegenerate = 0
    for A, B in _seeded_games(10, seed):
        game = NormalFormGame.from_arrays(A, B)
        sol = solve_support(game)
        assert _keys(sol) == gambit_enummixed(game)
        lcp = solve_lcp(game)
        assert _keys(lcp) <= _keys(sol)
        if sol.degenerate:
            continue
        nondegenerate += 1
        assert sol.complete == "all"
        assert len(sol) % 2 == 1
        # Gambit's lcp follows paths from the artificial and from every found
        # equilibrium, so it reaches at least what ours reaches from (0, 0).
        assert _keys(lcp) <= gambit_lcp(game)
        # nashpy's vertex enumeration finds all equilibria of a nondegenerate game;
        # its support enumeration can miss some (float sign tests on computed zeros)
        # but never returns a non-equilibrium.
        vertex = nashpy_equilibria(A, B, "vertex")
        assert len(vertex) == len(sol)
        assert all(_close_to_one_of(pair, sol) for pair in vertex)
        support = nashpy_equilibria(A, B, "support")
        assert all(_close_to_one_of(pair, sol) for pair in support)
    assert nondegenerate >= 5  # the batch really exercises the nondegenerate claims
