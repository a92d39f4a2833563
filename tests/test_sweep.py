"""Tests of gametheory.analysis.sweep: designs, compiled and numeric sweeps, executors.

Fixtures: the TRIPP corridor game M1 (``scenario_spec.md`` §3 M1, built from
``seeds/tripp.toml``). Expected regimes come from the spec's closed forms
(Preempt strictly dominant iff ``c_R < p*l_R``; Accept iff ``c_R > p*e_R``;
Militarize dominant iff ``p < p_T = 1 - h_T/m_T``; the mixed equilibrium
``sigma_star = m_T/(p*m_T + h_T)``, ``tau_star = (c_R - p*l_R)/(p*(e_R - l_R))``)
and from per-point exact solving (``solve(M1.at(...), "enummixed")``).
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from gametheory import NormalFormGame, solve
from gametheory.analysis import dominance_condition, regions
from gametheory.analysis.sweep import (
    BLOCK_SIZE,
    Design,
    Payoff,
    Probability,
    grid,
    sample,
    seed_sequence,
    solution_label,
    sweep,
    sweep_solve,
)
from gametheory.errors import (
    InvalidGameError,
    MethodNotApplicableError,
    SymbolicGameError,
    UnknownParameterError,
)
from gametheory.parameters import Parameter, ParameterSpace
from gametheory.scenarios import tripp

from ._hypothesis import scaled

M1 = tripp.m1()
SPACE = M1.space
D = {k: Fraction(int(v.p), int(v.q)) for k, v in M1.defaults().items()}
P_T = 1 - D["h_T"] / D["m_T"]  # spec: Militarize dominant iff p < p_T (= 1/4 at the defaults)


def spec_regime(p: Fraction, c: Fraction) -> str:
    """The regime of M1 at (p, c_R), other parameters at the defaults (spec §3 M1).

    Knife-edges, where the equilibrium set is a continuum: ``c_R = p*e_R``
    (Russia indifferent against Militarize), ``c_R = p*l_R`` for ``p >= p_T``
    (indifferent against Commercial, which T then plays), and ``p = p_T`` with
    ``c_R <= p*e_R`` (T indifferent against Preempt, which Russia then plays).
    """
    l_R, e_R = D["l_R"], D["e_R"]
    on_edge = c == p * e_R or (c == p * l_R and p >= P_T) or (p == P_T and c <= p * e_R)
    if on_edge:
        return "boundary"
    if c > p * e_R:
        return "(Accept, Militarize)"
    if p < P_T:
        return "(Preempt, Militarize)"
    if c < p * l_R:
        return "(Preempt, Commercial)"
    return "unique mixed"


@pytest.fixture(scope="module")
def plane():
    return regions(M1.game, ["p", "c_R"])


# Exact values that hit every boundary of the spec: c_R = p*l_R, c_R = p*e_R, p = p_T
P_VALUES = ["0", "1/10", "1/5", "1/4", "1/3", "1/2", "3/4", "1"]
C_VALUES = ["0", "1/50", "1/20", "1/10", "1/5", "1/4", "3/10", "1/2", "3/4", "1"]


# ---------------------------------------------------------------------------
# Designs
# ---------------------------------------------------------------------------


def test_grid_axes_exact_and_row_major():
    design = grid(SPACE, {"p": 3, "c_R": ["0", "1/3"]})
    assert design.shape == (3, 2) and len(design) == 6
    assert design.exact_axes["p"] == (Fraction(0), Fraction(1, 2), Fraction(1))
    cols = design.values()
    assert cols["p"].tolist() == [0, 0, 0.5, 0.5, 1, 1]
    assert cols["c_R"].tolist() == [0, 1 / 3, 0, 1 / 3, 0, 1 / 3]
    points = design.exact_points(3, 4)
    assert points[0]["c_R"] == Fraction(1, 3) and points[0]["p"] == Fraction(1, 2)
    assert points[0]["l_R"] == D["l_R"]  # fixed at the default
    assert set(design.fixed) == set(SPACE) - {"p", "c_R"}


def test_grid_open_bound_is_left_out():
    # m_T is declared in (0, 2]: n points keep the spacing and skip the open end
    design = grid(SPACE, {"m_T": 4})
    assert design.exact_axes["m_T"] == tuple(Fraction(k, 2) for k in (1, 2, 3, 4))


def test_grid_fixed_values_override_defaults():
    design = grid(SPACE, {"p": 2}, fixed={"l_R": "1/4"})
    assert design.fixed["l_R"] == Fraction(1, 4) and design.fixed["e_R"] == 1


def test_latin_hypercube_is_stratified():
    n = 500
    design = sample(SPACE, n, ["p", "c_R"], method="lhs", rng=11)
    for name in ("p", "c_R"):
        strata = np.floor(design.values()[name] * n).astype(int)
        assert sorted(strata.tolist()) == list(range(n))


def test_sobol_and_prior_sampling():
    design = sample(SPACE, 2**12, ["p"], method="sobol", distribution="prior", rng=3)
    x = design.values()["p"]
    # p ~ Beta(2, 2) in the scenario file: mean 1/2, variance 1/20
    assert abs(x.mean() - 0.5) < 0.01 and abs(x.var() - 0.05) < 0.003
    assert stats.kstest(x, stats.beta(2, 2).cdf).pvalue > 0.01


def test_uniform_sample_respects_ranges():
    design = sample(SPACE, 1000, ["c_R"], ranges={"c_R": (0, "1/2")}, rng=5)
    x = design.values()["c_R"]
    assert x.min() >= 0 and x.max() < 0.5 and x.max() > 0.45
    assert design.ranges["c_R"] == (0, Fraction(1, 2))


def test_samples_are_deterministic_in_blocks():
    n = 2 * BLOCK_SIZE + 123
    a = sample(SPACE, n, ["p", "c_R"], rng=42)
    b = sample(SPACE, n, ["p", "c_R"], rng=np.random.SeedSequence(42))
    whole = a.values()
    np.random.seed(0)  # the global state must not matter  # noqa: NPY002
    pieces = [b.values(s, min(s + 1000, n)) for s in range(0, n, 1000)]
    for name in ("p", "c_R"):
        assert np.array_equal(whole[name], np.concatenate([p[name] for p in pieces]))
    c = sample(SPACE, n, ["p", "c_R"], rng=43)
    assert not np.array_equal(whole["p"], c.values()["p"])
    g1 = sample(SPACE, 10, ["p"], rng=np.random.default_rng(7)).values()["p"]
    g2 = sample(SPACE, 10, ["p"], rng=np.random.default_rng(7)).values()["p"]
    assert np.array_equal(g1, g2)


def test_seed_sequence_children_match_spawn():
    seq = seed_sequence(9)
    spawned = np.random.SeedSequence(9).spawn(3)
    design = sample(SPACE, BLOCK_SIZE + 1, ["p"], rng=9)
    first = np.random.default_rng(spawned[0]).random((BLOCK_SIZE, 1))[:, 0]
    assert np.array_equal(design.values(0, BLOCK_SIZE)["p"], first)
    assert seq.entropy == 9


# ---------------------------------------------------------------------------
# The compiled path
# ---------------------------------------------------------------------------


def test_compiled_sweep_matches_spec_on_exact_grid(plane):
    design = grid(SPACE, {"p": P_VALUES, "c_R": C_VALUES})
    sigma = Probability("Russia", "Preempt")
    tau = Probability("T", "Militarize")
    result = sweep(plane, design, outputs={"sigma": sigma, "tau": tau}, exact=True)
    labels = result.regime_labels()
    for row, label in zip(design.exact_points(), labels, strict=True):
        p, c = row["p"], row["c_R"]
        assert label == spec_regime(p, c), (p, c)
    mixed = labels == "unique mixed"
    assert mixed.sum() > 5
    p = result.table["p"][mixed]
    c = result.table["c_R"][mixed]
    m_T, h_T, l_R, e_R = (float(D[k]) for k in ("m_T", "h_T", "l_R", "e_R"))
    np.testing.assert_allclose(result.table["sigma"][mixed], m_T / (p * m_T + h_T))
    np.testing.assert_allclose(result.table["tau"][mixed], (c - p * l_R) / (p * (e_R - l_R)))
    assert np.all(np.isnan(result.table["sigma"][labels == "boundary"]))


def test_float_sweep_away_from_boundaries_agrees(plane):
    design = sample(SPACE, 20000, ["p", "c_R"], rng=1)
    result = sweep(plane, design)
    exact = sweep(plane, design, exact=True)
    assert np.array_equal(result.table["regime"], exact.table["regime"])
    assert np.all(exact.table["regime"] >= 0)  # boundaries have probability 0


def test_outputs_condition_threshold_expression(plane):
    preempt = dominance_condition(M1.game, "Russia", "Preempt", assumptions="e_R > l_R")
    from gametheory.analysis import threshold

    bound = threshold(preempt, "c_R")
    design = grid(SPACE, {"p": 5, "c_R": 7}, fixed={"l_R": "1/4"})
    result = sweep(
        None,
        design,
        outputs={
            "dominant": preempt,
            "bound": bound,
            "gain": M1.derived["preempt_gain_commercial"],
            "double_p": lambda **cols: 2 * cols["p"],
            "relation": M1.symbol("c_R") > M1.symbol("p") / 2,
        },
    )
    p, c = result.table["p"], result.table["c_R"]
    assert np.array_equal(result.table["relation"], c > p / 2)
    assert np.array_equal(result.table["dominant"], c < p / 4)
    np.testing.assert_allclose(result.table["bound"], p / 4)
    np.testing.assert_allclose(result.table["gain"], p / 4 - c)
    np.testing.assert_allclose(result.table["double_p"], 2 * p)
    assert result.table.dtype["dominant"] == np.bool_
    assert "regime" not in result.table.dtype.names


def test_regimes_derived_from_a_game():
    design = grid(SPACE, {"p": ["1/2"], "c_R": ["1/20", "3/10", "4/5"]})
    result = sweep(M1, design)
    assert result.regime_labels().tolist() == [
        "(Preempt, Commercial)",
        "unique mixed",
        "(Accept, Militarize)",
    ]


def test_reduce_over_several_equilibria():
    # M7 at the defaults is a stag hunt (spec §3 M7): (Wait, Wait), (Strike, Strike) and the
    # mixed equilibrium with P[Strike] = q_star = 3/5
    M7 = tripp.m7()
    R7 = regions(M7.game, ["p_f"])
    design = grid(M7.space, {"p_f": ["3/5"]})
    result = sweep(
        R7,
        design,
        outputs={
            "unique": Probability("Russia", "Strike"),
            "low": Probability("Russia", "Strike", reduce="min"),
            "high": Probability("Russia", "Strike", reduce="max"),
            "mean": Probability("Russia", "Strike", reduce="mean"),
            "pay": Payoff("Russia", reduce="max"),
        },
    )
    row = result.table[0]
    assert np.isnan(row["unique"])
    assert row["low"] == 0 and row["high"] == 1
    assert row["mean"] == pytest.approx((0 + 1 + 3 / 5) / 3)
    assert row["pay"] == pytest.approx(0.5)  # (Wait, Wait) pays v_sq = 1/2, the best


def test_result_accessors_and_pandas(plane):
    pd = pytest.importorskip("pandas")
    design = grid(SPACE, {"p": 4, "c_R": 3})
    result = sweep(plane, design, outputs={"P_war": Probability("Russia", "Preempt")})
    assert result.column("regime").shape == (4, 3)
    frame = result.to_pandas()
    assert list(frame.columns) == ["p", "c_R", "regime", "label", "P_war"]
    assert isinstance(frame["label"].dtype, pd.CategoricalDtype)
    assert frame["label"].tolist() == result.regime_labels().tolist()
    assert result.label_at(p="1/3", c_R="1/2") == spec_regime(Fraction(1, 3), Fraction(1, 2))
    with pytest.raises(KeyError, match="no column"):
        result.column("nope")


def test_progress_bar(plane, capsys):
    pytest.importorskip("tqdm")
    design = grid(SPACE, {"p": 10, "c_R": 10})
    sweep(plane, design, chunk_size=10)
    assert capsys.readouterr().err == ""  # auto: off under pytest
    sweep(plane, design, chunk_size=10, progress=True)
    assert "100/100" in capsys.readouterr().err


# ---------------------------------------------------------------------------
# Agreement with per-point exact solving
# ---------------------------------------------------------------------------


def _solved_profiles(point: dict) -> set:
    game = M1.at(**{k: v for k, v in point.items() if k in M1.parameters})
    solution = solve(game, "enummixed")
    out = set()
    for eq in solution.equilibria:
        out.add(
            tuple(
                tuple(eq.profile[pl][s] for s in game.strategies[i])
                for i, pl in enumerate(game.players)
            )
        )
    return out, solution


def _region_profiles(region, point: dict) -> set:
    out = set()
    for eq in region.equilibria:
        if eq.is_pure:
            out.add(
                tuple(
                    tuple(Fraction(int(s == chosen)) for s in strategies)
                    for chosen, strategies in zip(eq.profile, M1.game.strategies, strict=True)
                )
            )
        else:
            out.add(eq.at(**point))
    return out


@scaled(60, deadline=None)
@given(
    p=st.fractions(0, 1, max_denominator=40),
    c=st.fractions(0, 1, max_denominator=40),
    on=st.sampled_from(["free", "c=p*l_R", "c=p*e_R", "p=p_T"]),
)
def test_classification_agrees_with_exact_solver(plane, p, c, on):
    if on == "c=p*l_R":
        c = p * D["l_R"]
    elif on == "c=p*e_R":
        c = p * D["e_R"]
    elif on == "p=p_T":
        p = P_T
    design = grid(SPACE, {"p": [p], "c_R": [c]})
    result = sweep(plane, design, exact=True)
    regime = int(result.table["regime"][0])
    point = {"p": p, "c_R": c}
    solved, solution = _solved_profiles(design.exact_points()[0])
    if regime < 0:
        # a boundary: the game is degenerate there, with a continuum of equilibria
        assert solution.components, (p, c)
        assert solution_label(solution) is None
    else:
        region = plane.regions[regime]
        assert _region_profiles(region, point) == solved
        assert not solution.components
        assert solution_label(solution) == region.label


def test_sweep_solve_agrees_with_compiled_everywhere(plane):
    design = grid(SPACE, {"p": P_VALUES, "c_R": C_VALUES})
    out = {"sigma": Probability("Russia", "Preempt"), "U_T": Payoff("T")}
    numeric = sweep_solve(M1, design, outputs=out, chunk_size=7)
    compiled = sweep(plane, design, outputs=out, exact=True)
    assert numeric.regime_labels().tolist() == compiled.regime_labels().tolist()
    np.testing.assert_allclose(numeric.table["sigma"], compiled.table["sigma"], equal_nan=True)
    np.testing.assert_allclose(numeric.table["U_T"], compiled.table["U_T"], equal_nan=True)
    assert set(numeric.table["n_equilibria"][numeric.table["regime"] >= 0]) == {1}


# ---------------------------------------------------------------------------
# Executors: identical results
# ---------------------------------------------------------------------------


def _tables(run):
    compiled_design = sample(SPACE, 3000, ["p", "c_R", "l_R"], rng=2024)
    plane3 = regions(M1.game, ["p", "c_R", "l_R"], assumptions="e_R > l_R")
    compiled = run(
        lambda ex: sweep(
            plane3,
            compiled_design,
            outputs={"P_war": Probability("Russia", "Preempt")},
            chunk_size=700,
            executor=ex,
        )
    )
    solve_design = grid(SPACE, {"p": ["1/10", "1/4", "1/2", "1"], "c_R": ["1/20", "1/10", "3/10"]})
    solved = run(
        lambda ex: sweep_solve(
            M1,
            solve_design,
            outputs={"P_war": Probability("Russia", "Preempt")},
            chunk_size=5,
            executor=ex,
        )
    )
    return compiled.table.tobytes(), solved.table.tobytes(), solved.labels


@pytest.fixture(scope="module")
def serial_tables():
    return _tables(lambda f: f(None))


def test_thread_pool_identical(serial_tables):
    with ThreadPoolExecutor(3) as pool:
        assert _tables(lambda f: f(pool)) == serial_tables


def test_process_pool_identical(serial_tables):
    context = multiprocessing.get_context("spawn" if os.name == "nt" else "forkserver")
    with ProcessPoolExecutor(2, mp_context=context) as pool:
        assert _tables(lambda f: f(pool)) == serial_tables


def test_dask_cluster_identical(serial_tables):
    distributed = pytest.importorskip(
        "distributed", reason="dask[distributed] is not installed (extra gametheory[dask])"
    )
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert _tables(lambda f: f(client)) == serial_tables


# ---------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------

NO_DEFAULT = ParameterSpace([Parameter("x", 0, 1), Parameter("y", 0, 1)])
_x, _y = NO_DEFAULT.symbols.values()
NO_DEFAULT_GAME = NormalFormGame.from_arrays(
    [[_x, 0], [0, _y]], [[1, 0], [0, 1]], space=NO_DEFAULT
)  # a coordination game with unknown row payoffs; y has no default


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        pytest.param(
            lambda: grid(SPACE, {"q": 3}),
            UnknownParameterError,
            "unknown parameter 'q'",
            id="grid-unknown-parameter",
        ),
        pytest.param(
            lambda: grid(SPACE, {"p": 3}, fixed={"zz": 1}),
            UnknownParameterError,
            "'zz'",
            id="grid-unknown-fixed",
        ),
        pytest.param(
            lambda: sample(SPACE, 10, ["nope"]),
            UnknownParameterError,
            "'nope'",
            id="sample-unknown-parameter",
        ),
        pytest.param(
            lambda: grid(SPACE, {"p": [0, 0.5, 1.5]}),
            InvalidGameError,
            "outside its declared",
            id="grid-value-out-of-bounds",
        ),
        pytest.param(
            lambda: grid(SPACE, {"c_R": 5}, ranges={"c_R": (0, 3)}),
            InvalidGameError,
            "outside its declared",
            id="grid-range-out-of-bounds",
        ),
        pytest.param(
            lambda: sample(SPACE, 10, ["p"], ranges={"p": ("-1/2", 1)}),
            InvalidGameError,
            "outside its declared",
            id="sample-range-out-of-bounds",
        ),
        pytest.param(
            lambda: grid(SPACE, {"p": 3}, fixed={"c_R": 5}),
            InvalidGameError,
            "outside",
            id="fixed-out-of-bounds",
        ),
        pytest.param(
            lambda: grid(SPACE, {"p": 3}, fixed={"p": "1/2"}),
            InvalidGameError,
            "both swept and fixed",
            id="swept-and-fixed",
        ),
        pytest.param(
            lambda: grid(ParameterSpace([Parameter("z", 0)]), {"z": 3}),
            InvalidGameError,
            "unbounded",
            id="unbounded-without-range",
        ),
        pytest.param(
            lambda: grid(SPACE, {"p": 1}),
            InvalidGameError,
            "at least 2",
            id="one-point-axis",
        ),
        pytest.param(
            lambda: sweep(
                None,
                grid(NO_DEFAULT, {"x": 2}),
                outputs={"f": NO_DEFAULT.symbol("x") + NO_DEFAULT.symbol("y")},
            ),
            SymbolicGameError,
            "neither swept nor fixed",
            id="unfixed-parameter-output",
        ),
        pytest.param(
            lambda: sweep_solve(NO_DEFAULT_GAME, grid(NO_DEFAULT, {"x": 2})),
            SymbolicGameError,
            "neither swept nor fixed",
            id="unfixed-parameter-solve",
        ),
        pytest.param(
            lambda: sweep(NO_DEFAULT_GAME, grid(NO_DEFAULT, {"x": 2})),
            SymbolicGameError,
            "neither swept nor fixed",
            id="unfixed-parameter-regions",
        ),
        pytest.param(
            lambda: sweep(regions(M1.game, ["p", "c_R"]), grid(SPACE, {"p": 2, "l_R": 2})),
            InvalidGameError,
            "the regions fix",
            id="design-sweeps-a-fixed-parameter",
        ),
        pytest.param(
            lambda: sweep(
                regions(M1.game, ["p", "c_R"]), grid(SPACE, {"p": 2, "c_R": 2}, fixed={"l_R": 0})
            ),
            InvalidGameError,
            "fixed at 0 in the design",
            id="inconsistent-fixed-values",
        ),
        pytest.param(
            lambda: sample(
                SPACE, 10, ["p"], distribution="prior", priors={"p": stats.norm(0.5, 1)}
            ),
            InvalidGameError,
            "support",
            id="prior-support-outside-bounds",
        ),
        pytest.param(
            lambda: sample(SPACE, 10, ["e_R"], distribution="prior"),
            InvalidGameError,
            "has no prior",
            id="missing-prior",
        ),
        pytest.param(
            lambda: sample(SPACE, 100, ["p"], method="sobol"),
            ValueError,
            "power of 2",
            id="sobol-not-power-of-two",
        ),
        pytest.param(
            lambda: sample(SPACE, 10, ["p"], method="halton"),
            ValueError,
            "method",
            id="unknown-method",
        ),
        pytest.param(
            lambda: sample(SPACE, 10, ["p"], rng=np.random.RandomState(0)),  # noqa: NPY002
            TypeError,
            "rng",
            id="legacy-random-state",
        ),
        pytest.param(
            lambda: sweep(None, grid(SPACE, {"p": 2}), outputs={"x": Probability("Russia", "A")}),
            InvalidGameError,
            "need a Regions",
            id="probability-without-regions",
        ),
        pytest.param(
            lambda: sweep(
                regions(M1.game, ["p", "c_R"]),
                grid(SPACE, {"p": 2, "c_R": 2}),
                outputs={"x": Probability("Russia", "Retreat")},
            ),
            KeyError,
            "Retreat",
            id="unknown-strategy",
        ),
        pytest.param(
            lambda: sweep(None, grid(SPACE, {"p": 2}), outputs={"p": M1.symbol("p")}),
            ValueError,
            "clashes",
            id="output-name-clash",
        ),
        pytest.param(
            lambda: sweep_solve(M1, grid(SPACE, {"p": 2}), method="simplex"),
            MethodNotApplicableError,
            "unknown method",
            id="unknown-solver-method",
        ),
    ],
)
def test_bad_input(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_design_type_checked():
    with pytest.raises(TypeError, match="Design"):
        sweep(None, {"p": [0.5]})
    assert isinstance(grid(SPACE, {"p": 2}), Design)
