"""Tests of gametheory.dynamics: replicator and logit dynamics, fictitious play.

Expected values come from the literature (equilibria of the classic games
below, convergence theorems of Robinson 1951 and Miyasawa 1961, the
non-convergence result of Shapley 1964, the Hawk-Dove ESS of Maynard Smith
1982, the constant of motion of the Rock-Paper-Scissors replicator dynamics),
from hand derivations written out next to the test, or from independent
implementations: nashpy 0.0.43 (``Game.fictitious_play``,
``replicator_dynamics``, ``asymmetric_replicator_dynamics``), QuantEcon
(``game_theory.FictitiousPlay``), pygambit (equilibria) and
:func:`gametheory.solvers.logit.logit_qre` (QRE by path following, not by
integrating a dynamic).
"""

from __future__ import annotations

import math
from fractions import Fraction as F

import numpy as np
import pytest
import sympy
from hypothesis import assume, given
from hypothesis import strategies as st

from gametheory import NormalFormGame
from gametheory.dynamics import (
    DEFAULT_TOL,
    DynamicsResult,
    FictitiousPlayResult,
    fictitious_play,
    logit_dynamics,
    replicator,
    stochastic_fictitious_play,
)
from gametheory.errors import (
    InvalidProfileError,
    MethodNotApplicableError,
    SymbolicGameError,
    UnknownLabelError,
)
from gametheory.solvers.logit import logit_qre
from gametheory.testing import non_degenerate_games, normal_form_games

from ._hypothesis import scaled

nashpy = pytest.importorskip("nashpy")
qe_gt = pytest.importorskip("quantecon.game_theory")
gbt = pytest.importorskip("pygambit")


# ---------------------------------------------------------------------- fixtures
def symmetric(A, strategies=None, title="") -> NormalFormGame:
    """Symmetric 2-player game with row payoffs A (B = A^T)."""
    return NormalFormGame.from_arrays(
        A, [list(r) for r in zip(*A, strict=True)], strategies=strategies, title=title
    )


#: Matching Pennies (von Neumann and Morgenstern 1944): zero-sum, unique
#: equilibrium (1/2, 1/2) for both players.
MATCHING_PENNIES = NormalFormGame.zero_sum(
    [[1, -1], [-1, 1]], strategies=[["H", "T"], ["H", "T"]], title="Matching Pennies"
)
#: Rock-Paper-Scissors (e.g. Hofbauer and Sigmund 1998): zero-sum, unique
#: equilibrium (1/3, 1/3, 1/3) for both players.
RPS_A = [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]
RPS = NormalFormGame.zero_sum(RPS_A, strategies=[["R", "P", "S"]] * 2, title="RPS")
#: Shapley's 3x3 game (Shapley 1964, as presented in Fudenberg and Levine 1998,
#: ch. 2): unique equilibrium uniform for both players; fictitious play cycles
#: through the six off-diagonal outcomes with geometrically growing run lengths.
SHAPLEY_A = [[0, 1, 0], [0, 0, 1], [1, 0, 0]]
SHAPLEY_B = [[0, 0, 1], [1, 0, 0], [0, 1, 0]]
SHAPLEY = NormalFormGame.from_arrays(SHAPLEY_A, SHAPLEY_B, title="Shapley 1964")
#: Pure coordination (Hofbauer and Sigmund 1998, 2x2 symmetric games): strict
#: equilibria (A, A) and (B, B), mixed equilibrium with P(A) = 1/3. With
#: x = share of A the single-population dynamics is x' = x(1-x)(3x-1), so the
#: basin of (A, A) is x > 1/3.
COORDINATION = symmetric([[2, 0], [0, 1]], strategies=[["A", "B"]] * 2, title="Coordination")
#: Hawk-Dove with value V = 2 and cost C = 6 (Maynard Smith and Price 1973;
#: Maynard Smith 1982): unique ESS, Hawk with probability V/C = 1/3, globally
#: attracting in the interior under the replicator dynamics.
HAWK_DOVE = symmetric([[-2, 2], [0, 1]], strategies=[["Hawk", "Dove"]] * 2, title="Hawk-Dove")


def gambit_equilibria(game: NormalFormGame) -> list[list[list[F]]]:
    """All extreme equilibria by pygambit's enummixed (exact), as Fraction vectors."""
    g = game.to_pygambit()
    out = []
    for eq in gbt.nash.enummixed_solve(g, rational=True).equilibria:
        out.append([[F(str(eq[s])) for s in p.strategies] for p in g.players])
    return out


def belief_regret(game: NormalFormGame, beliefs) -> np.ndarray:
    """Max regret over players at every row of a 2-player belief path (floats)."""
    A, B = game.as_float_arrays()
    b0, b1 = beliefs
    v0 = b1 @ A.T
    v1 = b0 @ B
    r0 = v0.max(axis=1) - (b0 * v0).sum(axis=1)
    r1 = v1.max(axis=1) - (b1 * v1).sum(axis=1)
    return np.maximum(r0, r1)


def exact_values(game: NormalFormGame, belief, i: int) -> list[F]:
    """Exact expected payoff of each pure strategy of player i against beliefs."""
    U = game.payoffs[i]
    out = []
    for s in range(game.shape[i]):
        total = F(0)
        for idx in np.ndindex(*game.shape):
            if idx[i] != s:
                continue
            w = F(1)
            for j, k in enumerate(idx):
                if j != i:
                    w *= belief[j][k]
            total += w * F(U[idx])
        out.append(total)
    return out


# ---------------------------------------------------------------------- fictitious play
@pytest.mark.parametrize(
    ("game", "value"),
    [
        pytest.param(MATCHING_PENNIES, F(1, 2), id="matching-pennies"),
        pytest.param(RPS, F(1, 3), id="rock-paper-scissors"),
    ],
)
@pytest.mark.parametrize("T", [1000, 10000, 50000])
def test_fp_converges_in_zero_sum_games(game, value, T):
    # Robinson (1951): beliefs converge to the equilibrium set; the observed rate
    # is about t^(-1/2) (Karlin's conjecture), so we allow 1.5/sqrt(T).
    assert [[value] * k for k in game.shape] in gambit_equilibria(game)
    r = fictitious_play(game, T)
    err = max(abs(F(p) - value) for vec in r.final for p in vec)
    assert err <= 1.5 / math.sqrt(T)
    assert 0 < r.regret <= 3 / math.sqrt(T)


@scaled(25, deadline=None)
@given(non_degenerate_games(min_strategies=2, max_strategies=2, payoffs=st.integers(-20, 20)))
def test_fp_converges_in_2x2_games(game):
    # Miyasawa (1961): fictitious play converges in non-degenerate 2x2 games.
    T = 4000
    r = fictitious_play(game, T)
    spread = max(int(a.max()) - int(a.min()) for a in game.payoffs) or 1
    assert r.regret <= 3 * spread / math.sqrt(T)


def test_fp_does_not_converge_in_shapley_game():
    # Shapley (1964): from a generic start the beliefs cycle and stay away from
    # the unique equilibrium (uniform, checked by pygambit).
    third = [F(1, 3)] * 3
    assert gambit_equilibria(SHAPLEY) == [[third, third]]
    T = 100_000
    r = fictitious_play(SHAPLEY, T, x0=[[1, 0, 0], [0, 1, 0]])
    late = slice(T // 2, None)
    regret = belief_regret(SHAPLEY, r.beliefs)[late]
    assert regret.min() > 0.1
    distance = np.max(np.abs(r.beliefs[0][late] - 1 / 3), axis=1)
    assert distance.min() > 0.1
    # play runs through the six off-diagonal outcomes in Shapley's cyclic order,
    # each run geometrically longer than the previous one
    runs: list[list] = []
    for play in map(tuple, r.plays.tolist()):
        if runs and runs[-1][0] == play:
            runs[-1][1] += 1
        else:
            runs.append([play, 1])
    cycle = [(0, 2), (1, 2), (1, 0), (2, 0), (2, 1), (0, 1)]
    start = cycle.index(runs[0][0])
    assert [p for p, _ in runs] == [cycle[(start + k) % 6] for k in range(len(runs))]
    assert len(runs) >= 18
    lengths = [n for _, n in runs[:-1]]  # the last run is cut off by the horizon
    assert all(b > 1.3 * a for a, b in zip(lengths[5:], lengths[6:], strict=False))


def test_fp_shapley_game_with_symmetric_ties_converges():
    # Hand derivation with no prior and lowest-index tie-breaking:
    # round 1: all values 0 -> (0, 0);
    # round 2: A e0 = (0,0,1) and e0 B = (0,0,1) -> (2, 2);
    # round 3: A (1,0,1) = (0,1,1) and (1,0,1) B = (0,1,1) -> (1, 1);
    # round 4: all counts (1,1,1), every value 1 -> (0, 0), and so on.
    # The path stays on the tie set, where Shapley's argument does not apply, and
    # the beliefs are exactly uniform after every third round.
    r = fictitious_play(SHAPLEY, 30)
    assert r.plays.tolist() == [[0, 0], [2, 2], [1, 1]] * 10
    assert all(v.tolist() == [F(1, 3)] * 3 for v in r.final)
    assert r.regret == 0


@pytest.mark.parametrize("seed", range(6))
def test_fp_matches_nashpy_play_counts_exactly(seed, monkeypatch):
    # nashpy breaks ties with numpy.random.choice among the maxima; making that
    # choose the first (lowest) index gives our default tie-breaking.
    rng = np.random.default_rng(seed)
    m, n = rng.integers(2, 6, size=2)
    A = rng.integers(-4, 5, size=(m, n))
    B = rng.integers(-4, 5, size=(m, n))
    T = 400
    monkeypatch.setattr(np.random, "choice", lambda a: a[0])
    counts = list(nashpy.Game(A, B).fictitious_play(iterations=T))
    ours = fictitious_play(NormalFormGame.from_arrays(A, B), T)
    assert len(counts) == T + 1
    for t in (1, 7, T // 2, T):
        for i in range(2):
            expected = np.asarray(counts[t][i])
            assert np.array_equal(np.bincount(ours.plays[:t, i], minlength=expected.size), expected)


@pytest.mark.parametrize("seed", range(4))
def test_fp_matches_nashpy_with_prior_and_float_payoffs(seed):
    # Gaussian payoffs: ties have probability 0, so nashpy's random tie-break is
    # never used once the prior (a pure observation each) is in place.
    rng = np.random.default_rng(100 + seed)
    A = rng.normal(size=(4, 3))
    B = rng.normal(size=(4, 3))
    a0, b0 = int(rng.integers(4)), int(rng.integers(3))
    prior = [np.eye(4)[a0], np.eye(3)[b0]]
    T = 300
    last = list(nashpy.Game(A, B).fictitious_play(iterations=T, play_counts=prior))[-1]
    ours = fictitious_play(NormalFormGame.from_arrays(A, B), T, x0=[prior[0], prior[1]])
    assert not ours.exact
    for i in range(2):
        assert np.array_equal(ours.counts[i] + prior[i], last[i])


@pytest.mark.parametrize(
    "shape", [pytest.param((3, 4), id="2-players"), pytest.param((2, 3, 2), id="3-players")]
)
@pytest.mark.parametrize("seed", range(3))
def test_fp_belief_path_matches_quantecon(shape, seed):
    # QuantEcon: x_{t+1} = x_t + (br - x_t)/(t+2) from x_0 = init_actions, i.e.
    # the prior counted once; tie-breaking "smallest" with tolerance 1e-8 (integer
    # payoffs keep true gaps above 1/(t+1)^(N-1) >> 1e-8, so ties are exact ties).
    rng = np.random.default_rng(seed)
    arrays = [rng.integers(-3, 4, size=shape) for _ in shape]
    game = NormalFormGame.from_arrays(*arrays)
    init = tuple(int(rng.integers(k)) for k in shape)
    T = 600
    qe = qe_gt.FictitiousPlay(qe_gt.NormalFormGame(np.stack(arrays, axis=-1)))
    series = qe.time_series(T + 1, init_actions=init)
    ours = fictitious_play(game, T, x0=[np.eye(k, dtype=int)[a] for k, a in zip(shape, init, strict=True)])
    for i in range(len(shape)):
        np.testing.assert_allclose(series[i][0], np.eye(shape[i])[init[i]])
        np.testing.assert_allclose(ours.beliefs[i], series[i][1:], atol=1e-12)


@scaled(30, deadline=None)
@given(
    normal_form_games(
        min_players=2, max_players=3, min_strategies=1, max_strategies=3,
        payoffs=st.one_of(st.integers(-5, 5), st.fractions(-2, 2, max_denominator=6)),
    ),
    st.integers(1, 25),
    st.booleans(),
)
def test_fp_exact_beliefs_are_fractions_and_best_responses(game, T, with_prior):
    x0 = None
    if with_prior:
        x0 = [[F(1, k)] * k for k in game.shape]
    r = fictitious_play(game, T, x0=x0)
    assert r.exact
    assert r.plays.shape == (T, game.n_players)
    for vec in r.final:
        assert all(type(p) is F for p in vec)
        assert sum(vec) == 1
    assert all(int(c.sum()) == T for c in r.counts)
    assert all(a.tolist() == b.tolist() for a, b in zip(r.belief(T), r.final, strict=True))
    # every play is the lowest-index exact best response to the previous beliefs
    for t in range(1, T + 1):
        if t == 1 and x0 is None:
            assert r.plays[0].tolist() == [0] * game.n_players
            continue
        belief = r.belief(t - 1)
        for i in range(game.n_players):
            v = exact_values(game, belief, i)
            assert r.plays[t - 1, i] == v.index(max(v))
    np.testing.assert_allclose(
        [float(p) for p in r.belief(T)[0]], r.beliefs[0][-1], rtol=0, atol=1e-12
    )


def test_fp_huge_payoffs_stay_exact():
    # payoffs near 2**62 force Python-integer arithmetic; the result must not overflow
    big = 2**62
    g = NormalFormGame.from_arrays([[big, 0], [0, big - 1]], [[big - 1, 0], [0, big]])
    r = fictitious_play(g, 50, x0=[[0, 1], [1, 0]])
    # hand: priors (B, A); row's values vs col belief A: (big, 0) -> plays A;
    # col's values vs row belief B: (0, big) -> plays B; then both beliefs are
    # (1/2, 1/2) and row gets (big/2, (big-1)/2) -> A, col gets ((big-1)/2, big/2) -> B.
    assert r.plays[:2].tolist() == [[0, 1], [0, 1]]
    assert all(type(p) is F for p in r.final[0])


def test_fp_random_tie_break_is_seeded():
    zero = NormalFormGame.from_arrays(np.zeros((3, 3), int), np.zeros((3, 3), int))
    a = fictitious_play(zero, 3000, tie_break="random", seed=7)
    b = fictitious_play(zero, 3000, tie_break="random", seed=7)
    c = fictitious_play(zero, 3000, tie_break="random", seed=8)
    lowest = fictitious_play(zero, 50)
    assert np.array_equal(a.plays, b.plays)
    assert not np.array_equal(a.plays, c.plays)
    assert set(lowest.plays.ravel().tolist()) == {0}
    # every strategy always ties, so play is uniform: counts within 5 sd of 1000
    for counts in a.counts:
        assert np.all(np.abs(counts - 1000) < 5 * math.sqrt(3000 * 2 / 9))


def test_fp_float_game_float_beliefs():
    g = NormalFormGame.zero_sum([[1.5, -1.0], [-1.0, 1.0]])
    r = fictitious_play(g, 2000)
    assert not r.exact and isinstance(r, FictitiousPlayResult)
    assert r.final[0].dtype == np.float64
    # equilibrium of this zero-sum game: row mixes (2/4.5, 2.5/4.5), by indifference
    assert abs(r.final[0][0] - 2 / 4.5) < 0.05
    with pytest.raises(MethodNotApplicableError, match="exact"):
        fictitious_play(g, 10, exact=True)


def test_fp_exact_false_on_exact_game_gives_floats():
    r = fictitious_play(MATCHING_PENNIES, 100, exact=False)
    e = fictitious_play(MATCHING_PENNIES, 100)
    assert not r.exact and e.exact
    assert np.array_equal(r.plays, e.plays)


def test_stochastic_fp_matching_pennies():
    # The logit QRE of Matching Pennies is uniform for every lambda (McKelvey and
    # Palfrey 1995, by symmetry); stochastic FP beliefs converge to it (Fudenberg
    # and Kreps 1993; Hofbauer and Sandholm 2002).
    r = stochastic_fictitious_play(MATCHING_PENNIES, 20000, lam=3.0, seed=3)
    again = stochastic_fictitious_play(MATCHING_PENNIES, 20000, lam=3.0, seed=3)
    assert np.array_equal(r.plays, again.plays)
    assert r.method == "stochastic fictitious play" and r.lam == 3.0
    assert all(abs(float(p) - 0.5) < 0.03 for vec in r.final for p in vec)
    assert all(type(p) is F for p in r.final[0])


def test_stochastic_fp_lambda_zero_is_uniform_play():
    r = stochastic_fictitious_play(RPS, 9000, lam=0.0, seed=0)
    # uniform sampling: each count within 5 sd of 3000
    for counts in r.counts:
        assert np.all(np.abs(counts - 3000) < 5 * math.sqrt(9000 * 2 / 9))


# ---------------------------------------------------------------------- replicator
def test_replicator_hawk_dove_converges_to_ess():
    for x in (0.05, 0.5, 0.95):
        r = replicator(HAWK_DOVE, [x, 1 - x], t=80, symmetric=True)
        assert r.dynamics == "symmetric replicator" and r.players == ("population",)
        assert abs(r.final[0][0] - 1 / 3) < 1e-6
        assert r.is_rest_point and r.is_nash
        assert r.profile["1"]["Hawk"] == pytest.approx(1 / 3, abs=1e-6)


@pytest.mark.parametrize(
    ("x", "limit"),
    [
        pytest.param(0.4, 1.0, id="basin-of-A"),
        pytest.param(0.9, 1.0, id="deep-in-basin-of-A"),
        pytest.param(0.3, 0.0, id="basin-of-B"),
    ],
)
def test_replicator_coordination_basins(x, limit):
    r = replicator(COORDINATION, {"A": x, "B": 1 - x}, t=60, symmetric=True)
    assert abs(r.final[0][0] - limit) < 1e-6
    assert r.is_nash and r.is_rest_point
    # two populations started at the same point follow the same path
    r2 = replicator(COORDINATION, [[x, 1 - x], [x, 1 - x]], t=60)
    np.testing.assert_allclose(r2.trajectories[0], r.trajectories[0], atol=1e-6)


def test_replicator_rps_constant_of_motion():
    # Zero-sum RPS: x1 x2 x3 is constant along orbits (Hofbauer and Sigmund 1998),
    # so orbits are closed and the centre is not approached.
    x0 = [0.5, 0.3, 0.2]
    r = replicator(RPS, x0, t=50, symmetric=True, method="DOP853", rtol=1e-10, atol=1e-12)
    H = np.prod(r.trajectories[0], axis=1)
    np.testing.assert_allclose(H, 0.5 * 0.3 * 0.2, rtol=1e-6)
    assert not r.is_rest_point
    assert r.is_nash is False


@scaled(20, deadline=None)
@given(
    normal_form_games(
        min_players=2, max_players=3, min_strategies=2, max_strategies=3,
        payoffs=st.integers(-5, 5),
    ),
    st.data(),
)
def test_replicator_stays_on_simplex(game, data):
    x0 = []
    for k in game.shape:
        w = data.draw(st.lists(st.integers(0, 10), min_size=k, max_size=k).filter(any))
        x0.append([F(v, sum(w)) for v in w])
    r = replicator(game, x0, t=20, n_points=50)
    for X, start in zip(r.trajectories, x0, strict=True):
        np.testing.assert_allclose(X.sum(axis=1), 1.0, atol=1e-7)
        assert X.min() >= -1e-8
        # faces are invariant: strategies absent at the start stay absent
        absent = [j for j, p in enumerate(start) if p == 0]
        assert np.all(np.abs(X[:, absent]) <= 1e-8)
    assert r.simplex_error <= 1e-7


def strict_pure_equilibria(game: NormalFormGame) -> list[tuple[int, ...]]:
    """Pure profiles where every player's strategy is the unique best response."""
    out = []
    for idx in np.ndindex(*game.shape):
        ok = True
        for i, U in enumerate(game.as_float_arrays()):
            line = [U[idx[:i] + (s,) + idx[i + 1 :]] for s in range(game.shape[i])]
            if any(line[s] >= line[idx[i]] for s in range(len(line)) if s != idx[i]):
                ok = False
        if ok:
            out.append(idx)
    return out


@scaled(20, deadline=None)
@given(
    normal_form_games(
        min_players=2, max_players=3, min_strategies=2, max_strategies=3,
        payoffs=st.integers(-5, 5),
    )
)
def test_strict_nash_equilibria_are_asymptotically_stable_rest_points(game):
    strict = strict_pure_equilibria(game)
    assume(strict)
    idx = strict[0]
    pure = [np.eye(k)[a] for k, a in zip(game.shape, idx, strict=True)]
    r = replicator(game, pure, t=5, n_points=10)
    assert r.is_rest_point and r.is_nash and r.rest_residual == 0
    # a small interior perturbation returns (payoff gaps are >= 1, so fast)
    near = [0.98 * p + 0.02 / p.size for p in pure]
    r = replicator(game, near, t=60, n_points=10)
    for x, p in zip(r.final, pure, strict=True):
        np.testing.assert_allclose(x, p, atol=1e-6)
    assert r.is_nash


@pytest.mark.parametrize("seed", range(4))
def test_asymmetric_replicator_matches_nashpy(seed):
    rng = np.random.default_rng(seed)
    A = rng.normal(size=(3, 4))
    B = rng.normal(size=(3, 4))
    x0 = rng.dirichlet(np.ones(3))
    y0 = rng.dirichlet(np.ones(4))
    ts = np.linspace(0, 10, 200)
    xs, ys = nashpy.Game(A, B).asymmetric_replicator_dynamics(x0=x0, y0=y0, timepoints=ts)
    r = replicator(NormalFormGame.from_arrays(A, B), [x0, y0], t=ts)
    np.testing.assert_allclose(r.times, ts)
    np.testing.assert_allclose(r.trajectories[0], xs, atol=1e-6)
    np.testing.assert_allclose(r.trajectories[1], ys, atol=1e-6)


@pytest.mark.parametrize("method", ["LSODA", "Radau", "BDF", "DOP853"])
def test_symmetric_replicator_matches_nashpy(method):
    rng = np.random.default_rng(11)
    A = rng.normal(size=(4, 4))
    y0 = rng.dirichlet(np.ones(4))
    ts = np.linspace(0, 10, 100)
    expected = nashpy.Game(A, A.T).replicator_dynamics(y0=y0, timepoints=ts)
    r = replicator(NormalFormGame.from_arrays(A, A.T), y0, t=ts, symmetric=True, method=method)
    assert r.method == method and r.rtol == 1e-8 and r.atol == 1e-10
    np.testing.assert_allclose(r.trajectories[0], expected, atol=1e-6)


def test_replicator_exact_game_and_labels():
    r = replicator(MATCHING_PENNIES, {"1": {"H": F(1, 4), "T": F(3, 4)}, "2": "H"}, t=5)
    assert isinstance(r, DynamicsResult)
    assert r.trajectory("2", "H").tolist() == [1.0] * len(r.times)
    # player 2 fixed at H: player 1 moves to H (x' = x(1-x) * 2)
    assert r.trajectory("1", "H")[-1] > 0.99
    with pytest.raises(UnknownLabelError):
        r.trajectory("1", "X")
    assert r.tol == DEFAULT_TOL


def test_replicator_three_players_converges_to_strict_equilibrium():
    # 3-player pure coordination: everybody gets 1 if all pick the same strategy;
    # (0,0,0) is strict, and from (0.7, 0.3) each the replicator flows there.
    U = np.zeros((2, 2, 2), dtype=int)
    U[0, 0, 0] = U[1, 1, 1] = 1
    g = NormalFormGame.from_arrays(U, U, U)
    r = replicator(g, [[0.7, 0.3]] * 3, t=100)
    assert all(abs(x[0] - 1) < 1e-6 for x in r.final)
    assert r.is_nash and r.verification.max_regret < 1e-6


# ---------------------------------------------------------------------- logit dynamics
@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("shape", [(2, 2), (3, 3), (2, 3)])
def test_logit_dynamics_rest_point_is_logit_qre(seed, shape):
    rng = np.random.default_rng(seed)
    A = rng.integers(-5, 6, size=shape)
    B = rng.integers(-5, 6, size=shape)
    g = NormalFormGame.from_arrays(A, B)
    lam = 0.1  # lam * max|payoff| <= 0.5: the QRE is unique and globally attracting
    x0 = [rng.dirichlet(np.ones(k)) for k in shape]
    r = logit_dynamics(g, lam, x0=x0, t=60)
    q = logit_qre(g, lam)
    assert r.is_rest_point and r.dynamics == "logit" and r.lam == lam
    for x, y in zip(r.final, q.vectors, strict=True):
        np.testing.assert_allclose(x, y, atol=1e-6)


def test_logit_dynamics_three_players_and_lambda_zero():
    rng = np.random.default_rng(3)
    arrays = [rng.integers(-3, 4, size=(2, 2, 3)) for _ in range(3)]
    g = NormalFormGame.from_arrays(*arrays)
    r = logit_dynamics(g, 0.2, x0=[[1, 0], [0, 1], [1, 0, 0]], t=60)
    q = logit_qre(g, 0.2)
    for x, y in zip(r.final, q.vectors, strict=True):
        np.testing.assert_allclose(x, y, atol=1e-6)
    u = logit_dynamics(g, 0, x0=[[1, 0], [0, 1], [1, 0, 0]], t=40)
    np.testing.assert_allclose(u.final[2], [1 / 3] * 3, atol=1e-9)


def test_logit_dynamics_large_lambda_approaches_nash_in_dominance_solvable_game():
    # Prisoner's dilemma: the QRE approaches (D, D) as lambda grows.
    pd = NormalFormGame.from_arrays([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    r = logit_dynamics(pd, 20.0, t=50)
    assert r.final[0][1] > 1 - 1e-6 and r.is_nash


# ---------------------------------------------------------------------- bad input
X = sympy.Symbol("x")
SYMBOLIC = NormalFormGame.from_arrays([[X, 0], [0, 1]], [[1, 0], [0, 1]])
NOT_SYMMETRIC = NormalFormGame.from_arrays([[1, 0], [0, 1]], [[1, 0], [0, 2]])


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        pytest.param(lambda: replicator(MATCHING_PENNIES, [[1, 0], [1, 0, 0]]),
                     InvalidProfileError, "3 probabilities", id="x0-wrong-length"),
        pytest.param(lambda: replicator(MATCHING_PENNIES, [0.5, 0.5]),
                     InvalidProfileError, "probabilities for 2", id="x0-flat-vector"),
        pytest.param(lambda: replicator(MATCHING_PENNIES, [[0.5, 0.5]] * 3),
                     InvalidProfileError, "3 entries", id="x0-too-many-players"),
        pytest.param(lambda: replicator(MATCHING_PENNIES, [[1.5, -0.5], [0.5, 0.5]]),
                     InvalidProfileError, "negative", id="x0-negative"),
        pytest.param(lambda: replicator(MATCHING_PENNIES, [[0.6, 0.6], [0.5, 0.5]]),
                     InvalidProfileError, "sum to", id="x0-not-normalised"),
        pytest.param(lambda: replicator(MATCHING_PENNIES, [[np.nan, 0.5], [0.5, 0.5]]),
                     InvalidProfileError, "finite", id="x0-nan"),
        pytest.param(lambda: logit_dynamics(MATCHING_PENNIES, 1.0, x0=[[np.inf, 0], [1, 0]]),
                     InvalidProfileError, "finite", id="x0-inf"),
        pytest.param(lambda: replicator(MATCHING_PENNIES, {"1": "X", "2": "H"}),
                     UnknownLabelError, "X", id="x0-unknown-strategy"),
        pytest.param(lambda: replicator(MATCHING_PENNIES, {"9": "H", "2": "H"}),
                     UnknownLabelError, "9", id="x0-unknown-player"),
        pytest.param(lambda: replicator(HAWK_DOVE, [[0.5, 0.5], [0.5, 0.5]], symmetric=True),
                     InvalidProfileError, "one probability vector", id="symmetric-x0-2d"),
        pytest.param(lambda: replicator(NOT_SYMMETRIC, symmetric=True),
                     MethodNotApplicableError, "not symmetric", id="symmetric-game-required"),
        pytest.param(lambda: replicator(NormalFormGame.from_arrays(*[np.zeros((2, 2, 2))] * 3),
                                        symmetric=True),
                     MethodNotApplicableError, "2-player", id="symmetric-needs-2-players"),
        pytest.param(lambda: replicator(MATCHING_PENNIES, t=-1.0),
                     InvalidProfileError, "t must be > 0", id="t-negative"),
        pytest.param(lambda: replicator(MATCHING_PENNIES, t=[0, 2, 1]),
                     InvalidProfileError, "increasing", id="t-not-increasing"),
        pytest.param(lambda: replicator(MATCHING_PENNIES, method="euler"),
                     InvalidProfileError, "method", id="unknown-method"),
        pytest.param(lambda: replicator(MATCHING_PENNIES, rtol=0),
                     InvalidProfileError, "rtol", id="rtol-zero"),
        pytest.param(lambda: replicator(SYMBOLIC), SymbolicGameError, "x", id="symbolic-replicator"),
        pytest.param(lambda: logit_dynamics(MATCHING_PENNIES, -1.0),
                     InvalidProfileError, "lam must be >= 0", id="lam-negative"),
        pytest.param(lambda: logit_dynamics(MATCHING_PENNIES, float("nan")),
                     InvalidProfileError, "lam must be finite", id="lam-nan"),
        pytest.param(lambda: logit_dynamics(SYMBOLIC, 1.0), SymbolicGameError, "x", id="symbolic-logit"),
        pytest.param(lambda: fictitious_play(MATCHING_PENNIES, 0),
                     InvalidProfileError, "iterations must be >= 1", id="iterations-zero"),
        pytest.param(lambda: fictitious_play(MATCHING_PENNIES, 2.5),
                     InvalidProfileError, "iterations must be an integer", id="iterations-float"),
        pytest.param(lambda: fictitious_play(MATCHING_PENNIES, True),
                     InvalidProfileError, "iterations must be an integer", id="iterations-bool"),
        pytest.param(lambda: fictitious_play(MATCHING_PENNIES, 10, tie_break="highest"),
                     InvalidProfileError, "tie_break", id="tie-break-unknown"),
        pytest.param(lambda: fictitious_play(MATCHING_PENNIES, 10, seed="x"),
                     InvalidProfileError, "seed", id="seed-bad"),
        pytest.param(lambda: fictitious_play(MATCHING_PENNIES, 10, x0=[[0.5, 0.5], [0.5, 0.5]],
                                             exact=True),
                     InvalidProfileError, "rational x0", id="exact-needs-rational-x0"),
        pytest.param(lambda: fictitious_play(SYMBOLIC, 10), SymbolicGameError, "x", id="symbolic-fp"),
        pytest.param(lambda: fictitious_play([[1, 0], [0, 1]], 10),
                     MethodNotApplicableError, "NormalFormGame", id="not-a-game"),
        pytest.param(lambda: stochastic_fictitious_play(MATCHING_PENNIES, 10, lam=-2),
                     InvalidProfileError, "lam", id="sfp-lam-negative"),
        pytest.param(lambda: fictitious_play(MATCHING_PENNIES, 5).belief(6),
                     InvalidProfileError, "t must be", id="belief-round-out-of-range"),
        pytest.param(lambda: fictitious_play(MATCHING_PENNIES, 5).belief(0),
                     InvalidProfileError, "no belief before", id="belief-without-prior"),
    ],
)
def test_bad_input(call, error, match):
    with pytest.raises(error, match=match):
        call()
