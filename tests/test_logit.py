"""Tests of the logit QRE (gametheory.solvers.logit).

Reference values: the scenario spec's model M7 (QRE probabilities computed
there independently, to 1e-9), and pygambit 16.7 (``qre.logit_solve_lambda``,
``nash.logit_solve``) as an independent oracle on random games.
"""

from __future__ import annotations

import math
from fractions import Fraction as F

import numpy as np
import pytest
import sympy

from gametheory import NormalFormGame, solve, verify
from gametheory.errors import InvalidProfileError, SymbolicGameError
from gametheory.solvers.logit import (
    NormalFormModel,
    QREBranch,
    logit_branch,
    logit_qre,
    solve_logit,
)

gbt = pytest.importorskip("pygambit")


def m7(p_f=F(3, 5), c_W=F(1, 4), v_sq=F(1, 2)) -> NormalFormGame:
    """Model M7 of shared/scenario_spec.md: symmetric, row payoff (Wait,Wait) v_sq,
    (Wait,Strike) 1-p_f-c_W, (Strike,Wait) p_f-c_W, (Strike,Strike) 1/2-c_W."""
    u = [[v_sq, 1 - p_f - c_W], [p_f - c_W, F(1, 2) - c_W]]
    return NormalFormGame.from_arrays(
        u, [list(r) for r in zip(*u, strict=True)], players=["A", "B"],
        strategies=[["Wait", "Strike"]] * 2, title="M7",
    )


def gbt_vector(profile, gg) -> np.ndarray:
    return np.concatenate([[float(profile[s]) for s in p.strategies] for p in gg.players])


# ---------------------------------------------------------------------- lambda = 0
@pytest.mark.parametrize(
    "game",
    [
        pytest.param(m7(), id="M7-2x2"),
        pytest.param(NormalFormGame.from_arrays(*np.arange(54).reshape(3, 3, 3, 2)),
                     id="3x3x2"),
        pytest.param(NormalFormGame.from_arrays([5.5, -1.0, 2.0]), id="one-player"),
    ],
)
def test_lambda_zero_is_uniform(game):
    q = logit_qre(game, 0)
    assert q.lam == 0.0
    for k, v in zip(game.shape, q.vectors, strict=True):
        assert v.tolist() == [1.0 / k] * k  # exactly
    br = logit_branch(game, max_lambda=1.0)
    for k, probs in zip(game.shape, br.probabilities, strict=True):
        assert probs[0].tolist() == [1.0 / k] * k


# ---------------------------------------------------------------------- M7 reference values
@pytest.mark.parametrize(
    ("p_f", "lam", "expected"),
    [
        pytest.param(F(3, 5), 1, 0.493333754698, id="M7-defaults-lambda-1"),
        pytest.param(F(3, 5), 5, 0.454726316509, id="M7-defaults-lambda-5"),
        pytest.param(F(3, 5), 20, 0.064234238873, id="M7-defaults-lambda-20"),
        pytest.param(F(7, 10), 20, 0.980176886200, id="M7-pf-7/10-lambda-20"),
    ],
)
def test_m7_qre_values(p_f, lam, expected):
    q = logit_qre(m7(p_f=p_f), lam)
    assert q.lam == lam
    assert q.profile["A"]["Strike"] == pytest.approx(expected, abs=1e-9)
    assert q.profile["B"]["Strike"] == pytest.approx(expected, abs=1e-9)  # symmetric
    # the spec's fixed-point equation q = 1/(1 + exp(-lam D(q))) holds
    s = q.profile["A"]["Strike"]
    D = (1 - s) * float(p_f - F(1, 4) - F(1, 2)) + s * float(p_f - F(1, 2))
    assert s == pytest.approx(1 / (1 + math.exp(-lam * D)), abs=1e-10)


@pytest.mark.parametrize(
    ("p_f", "expected"),
    [
        pytest.param(F(3, 5), "Wait", id="M7-defaults-Wait-risk-dominant"),
        pytest.param(F(7, 10), "Strike", id="M7-pf-7/10-Strike-risk-dominant"),
    ],
)
def test_branch_ends_at_risk_dominant_equilibrium(p_f, expected):
    """Spec M7: the principal branch tends to the risk-dominant equilibrium
    ((Wait, Wait) iff p_f < 5/8)."""
    g = m7(p_f=p_f)
    sol = solve_logit(g)
    assert sol.complete == "one" and sol.method == "logit"
    (eq,) = sol.equilibria
    assert eq.exact and eq.regret == 0
    assert eq.pure_profile() == (expected, expected)
    assert verify(g, eq).ok
    br = logit_branch(g)
    assert br.max_regret[-1] <= 1e-8
    assert br.probability("A", expected)[-1] == pytest.approx(1.0, abs=1e-6)


# ---------------------------------------------------------------------- pygambit oracle
LAMBDAS = [0.1, 0.5, 1.0, 2.0, 5.0, 10.0]


@pytest.mark.parametrize("shape", [(3, 3), (2, 2, 2)], ids=["3x3", "2x2x2"])
def test_agrees_with_pygambit_logit_solve_lambda(shape):
    rng = np.random.default_rng(42)
    worst = 0.0
    for _ in range(6):
        g = NormalFormGame.from_arrays(*rng.integers(-5, 6, (len(shape), *shape)))
        gg = g.to_pygambit()
        for lam, ref in zip(LAMBDAS, gbt.qre.logit_solve_lambda(gg, lam=LAMBDAS), strict=True):
            ours = np.concatenate(logit_qre(g, lam).vectors)
            worst = max(worst, float(np.max(np.abs(ours - gbt_vector(ref.profile, gg)))))
    print(f"max |ours - pygambit| over {shape} games and lambda {LAMBDAS}: {worst:.2e}")
    assert worst <= 1e-6, f"max difference {worst}"


def test_turning_point_first_crossing():
    """A 3x3 game whose principal branch folds back in lambda (found by a seeded search;
    the reference values are pygambit's, which also follows the branch through folds)."""
    A = [[2, -7, -4], [6, 9, -7], [8, -3, -9]]
    B = [[-9, 3, 8], [-3, -3, -8], [7, -1, 9]]
    g = NormalFormGame.from_arrays(A, B)
    br = logit_branch(g, max_lambda=50)
    assert np.any(np.diff(br.lam) < 0), "the branch should turn back"
    lams = [3.0, 3.9, 4.1, 4.2, 10.0]  # 3.9 and 4.1 lie on the folded stretch
    gg = g.to_pygambit()
    worst = 0.0
    for lam, ref in zip(lams, gbt.qre.logit_solve_lambda(gg, lam=lams), strict=True):
        ours = np.concatenate(logit_qre(g, lam).vectors)
        worst = max(worst, float(np.max(np.abs(ours - gbt_vector(ref.profile, gg)))))
    print(f"turning-point game: max |ours - pygambit| = {worst:.2e}")
    assert worst <= 1e-6


@pytest.mark.parametrize("shape", [(3, 3), (2, 2, 2), (4, 4)], ids=["3x3", "2x2x2", "4x4"])
def test_solve_logit_matches_pygambit_logit_solve(shape):
    """The branch limit: ours is certified (exactly for these integer games); pygambit's
    is a float approximation with regret <= 1e-8 of the payoff spread, so they agree to
    about 1e-6."""
    rng = np.random.default_rng(7)
    worst = 0.0
    for _ in range(5):
        g = NormalFormGame.from_arrays(*rng.integers(0, 20, (len(shape), *shape)))
        (eq,) = solve_logit(g).equilibria
        assert verify(g, eq).ok
        gg = g.to_pygambit()
        ref = gbt_vector(gbt.nash.logit_solve(gg).equilibria[0], gg)
        ours = np.concatenate([np.asarray(v, dtype=float) for v in eq.vectors])
        worst = max(worst, float(np.max(np.abs(ours - ref))))
    print(f"solve_logit vs pygambit logit_solve, {shape}: max difference {worst:.2e}")
    assert worst <= 1e-5


def test_float_game_and_registry():
    rng = np.random.default_rng(3)
    g = NormalFormGame.from_arrays(*rng.standard_normal((2, 4, 4)))
    sol = solve(g, method="logit")
    (eq,) = sol.equilibria
    assert sol.method == "logit" and not eq.exact
    assert verify(g, eq).ok


def test_branch_arrays_for_plotting():
    g = m7()
    br = logit_branch(g, max_lambda=30)
    assert isinstance(br, QREBranch)
    n = len(br)
    assert br.lam.shape == (n,) and br.arclength.shape == (n,)
    assert [p.shape for p in br.probabilities] == [(n, 2), (n, 2)]
    assert np.allclose([p.sum(axis=1) for p in br.probabilities], 1.0)
    assert np.all(np.diff(br.arclength) > 0)
    assert br.lam[-1] >= 30 or br.max_regret[-1] <= 1e-8


def test_model_protocol_object():
    """Anything with qre_model() (e.g. a future agent form) can be traced."""

    class Wrapped:
        def qre_model(self):
            g = m7()
            return NormalFormModel(g.as_float_arrays(), g.players, g.strategies)

    q = logit_qre(Wrapped(), 5)
    assert q.profile["A"]["Strike"] == pytest.approx(0.454726316509, abs=1e-9)
    assert q.behavior is None  # only trees (the agent form) have a behaviour profile


def test_normal_form_results_unchanged_by_tree_fields():
    """QREPoint/QREBranch gained optional tree fields; normal-form results leave them unset
    and still build positionally."""
    q = logit_qre(m7(), 1)
    assert q.behavior is None
    assert set(q.payoffs) == {"A", "B"}
    br = logit_branch(m7(), max_lambda=2)
    assert br.owners is None
    QREBranch(br.players, br.strategies, br.lam, br.probabilities, br.arclength, br.max_regret)


# ---------------------------------------------------------------------- bad input
BAD = [
    pytest.param({"lam": -1}, InvalidProfileError, "lam must be >= 0", id="negative-lambda"),
    pytest.param({"lam": float("nan")}, InvalidProfileError, "NaN", id="nan-lambda"),
    pytest.param({"lam": float("inf")}, InvalidProfileError, "finite", id="infinite-lambda"),
    pytest.param({"lam": "2"}, InvalidProfileError, "real number", id="string-lambda"),
    pytest.param({"lam": True}, InvalidProfileError, "real number", id="bool-lambda"),
    pytest.param({"lam": None}, InvalidProfileError, "real number", id="none-lambda"),
    pytest.param({"lam": 1, "tol": 0}, InvalidProfileError, "tol must be > 0", id="zero-tol"),
    pytest.param({"lam": 1, "first_step": -0.1}, InvalidProfileError, "first_step",
                 id="negative-first-step"),
    pytest.param({"lam": 1, "max_accel": 0.5}, InvalidProfileError, "max_accel",
                 id="max-accel-below-1"),
]


@pytest.mark.parametrize(("kwargs", "error", "match"), BAD)
def test_bad_input_logit_qre(kwargs, error, match):
    with pytest.raises(error, match=match):
        logit_qre(m7(), **kwargs)


@pytest.mark.parametrize(
    ("func", "kwargs", "match"),
    [
        pytest.param(logit_branch, {"max_lambda": 0}, "max_lambda", id="branch-zero-max-lambda"),
        pytest.param(logit_branch, {"max_regret": -1e-3}, "max_regret", id="branch-neg-regret"),
        pytest.param(solve_logit, {"max_lambda": float("nan")}, "NaN", id="solve-nan-max-lambda"),
    ],
)
def test_bad_options(func, kwargs, match):
    with pytest.raises(InvalidProfileError, match=match):
        func(m7(), **kwargs)


def test_symbolic_game_is_rejected():
    c = sympy.Symbol("c", positive=True)
    g = NormalFormGame.from_arrays([[c, 0], [0, 1]], [[1, 0], [0, c]])
    with pytest.raises(SymbolicGameError):
        logit_qre(g, 1.0)
    with pytest.raises(SymbolicGameError):
        solve_logit(g)


# ---------------------------------------------------------------------- N players, fallbacks
def nau2004_sec4() -> NormalFormGame:
    """Nau, Gomez Canovas and Hansen (2004), section 4: a 2x2x2 game whose unique
    equilibrium is irrational (pygambit's catalog copy of the paper's game)."""
    from pathlib import Path

    from gametheory import read_game

    path = Path(gbt.__file__).parent / "catalog_data/journals/ijgt/nau2004/sec4.nfg"
    return read_game(path)


def test_three_player_irrational_limit():
    """The branch of a game with one (irrational) equilibrium must end there; the limit
    is taken from the exact algebraic solution of its support (float-certified)."""
    g = nau2004_sec4()
    (eq,) = solve_logit(g).equilibria
    assert not eq.exact and verify(g, eq).ok
    gg = g.to_pygambit()
    (ref,) = gbt.nash.enumpoly_solve(gg).equilibria
    ours = np.concatenate([np.asarray(v, dtype=float) for v in eq.vectors])
    assert np.max(np.abs(ours - gbt_vector(ref, gg))) <= 1e-9


def test_float_fallback_is_certified_with_stated_tolerance(monkeypatch):
    from gametheory.solvers import polynomial

    monkeypatch.setattr(polynomial, "_support_equilibria", lambda game, support: ([], []))
    g = nau2004_sec4()
    sol = solve_logit(g, max_regret=1e-6)
    (eq,) = sol.equilibria
    assert not eq.exact
    assert "float QRE" in sol.notes[0]
    spread = max(float(np.ptp(a)) for a in g.as_float_arrays())
    assert eq.regret <= 1e-6 * spread
    assert verify(g, eq, tol=1e-6 * spread).ok


def test_branch_not_reaching_equilibrium_raises():
    from gametheory.errors import VerificationError

    with pytest.raises(VerificationError, match="did not reach"):
        solve_logit(nau2004_sec4(), max_lambda=2.0)
