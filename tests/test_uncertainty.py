"""Tests of gametheory.analysis.uncertainty: Monte Carlo, exact probabilities, Sobol' indices.

Sources of the expected values:

* Wilson score intervals: R. G. Newcombe, "Two-sided confidence intervals for
  the single proportion: comparison of seven methods", Statistics in Medicine
  17 (1998) 857-872: its worked examples (81/263, 15/148, 0/20, 1/29, 29/29),
  method 3 (score interval without continuity correction).
* M1 regions (``scenario_spec.md`` §3 M1, defaults ``l_R = 1/5``, ``e_R = 1``,
  ``p_T = 1 - h_T/m_T = 1/4``): areas of the spec's regions in the unit square
  of (p, c_R), integrated by hand: (Accept, Militarize) ``c_R > p``: 1/2;
  (Preempt, Militarize) ``c_R < p, p < 1/4``: 1/32; (Preempt, Commercial)
  ``c_R < p/5, p > 1/4``: (1/5)(1 - 1/16)/2 = 3/32; mixed: 3/8.
* Sobol' indices: the additive model ``x + 2 y`` (uniform inputs: variances
  1/12 and 4/12, so S = S_T = 1/5 and 4/5); the Ishigami function with
  a = 7, b = 0.1 (A. Saltelli et al., *Global Sensitivity Analysis: The
  Primer*, Wiley 2008, and T. Ishigami and T. Homma, 1990): S = (0.3139,
  0.4424, 0), S_T = (0.5576, 0.4424, 0.2437).
"""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from gametheory.analysis import Condition, dominance_condition, regions
from gametheory.analysis.sweep import Probability
from gametheory.analysis.uncertainty import (
    ProbabilityEstimate,
    exact_probability,
    probability,
    regime_probabilities,
    sobol_indices,
    wilson_interval,
)
from gametheory.errors import InvalidGameError, MethodNotApplicableError, SymbolicGameError
from gametheory.parameters import Parameter, ParameterSpace
from gametheory.scenarios import tripp

from ._hypothesis import scaled

M1 = tripp.m1()
SPACE = M1.space
p, c_R, l_R = (SPACE.symbol(n) for n in ("p", "c_R", "l_R"))
PREEMPT = dominance_condition(M1.game, "Russia", "Preempt", assumptions="e_R > l_R")
UNIT = stats.uniform(0, 1)


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        pytest.param(81, 263, 0.2553, 0.3662, id="newcombe-81-of-263"),
        pytest.param(15, 148, 0.0624, 0.1605, id="newcombe-15-of-148"),
        pytest.param(0, 20, 0.0, 0.1611, id="newcombe-0-of-20"),
        pytest.param(1, 29, 0.0061, 0.1718, id="newcombe-1-of-29"),
        pytest.param(29, 29, 0.8830, 1.0, id="newcombe-29-of-29"),
    ],
)
def test_wilson_interval_matches_newcombe(k, n, low, high):
    got = wilson_interval(k, n)
    assert got == pytest.approx((low, high), abs=5e-5)


def test_preempt_condition_is_the_spec_wedge():
    assert PREEMPT.expr == (c_R < l_R * p)


# ---------------------------------------------------------------------------
# Exact probabilities
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "area"),
    [
        pytest.param("(Accept, Militarize)", Fraction(1, 2), id="accept-militarize"),
        pytest.param("(Preempt, Militarize)", Fraction(1, 32), id="preempt-militarize"),
        pytest.param("(Preempt, Commercial)", Fraction(3, 32), id="preempt-commercial"),
        pytest.param("unique mixed", Fraction(3, 8), id="mixed"),
    ],
)
def test_exact_region_probabilities_m1(label, area):
    R = regions(M1.game, ["p", "c_R"])
    got = exact_probability(R[label], SPACE, box={"p": (0, 1), "c_R": (0, 1)})
    assert got == sympy.Rational(area.numerator, area.denominator)


@pytest.mark.parametrize(
    ("box", "fixed", "expected"),
    [
        # c_R < p/5 on the unit square: the triangle of area 1/10
        pytest.param({"p": (0, 1), "c_R": (0, 1)}, {"l_R": "1/5"}, Fraction(1, 10), id="wedge"),
        # c_R in [0, 3/20]: the line leaves through the top at p = 3/4: (9/160 + 6/160)/(3/20)
        pytest.param(
            {"p": (0, 1), "c_R": (0, "3/20")}, {"l_R": "1/5"}, Fraction(5, 8), id="wedge-cut"
        ),
        # p fixed: an interval, P(c_R < 1/10) on [0, 1/2]
        pytest.param({"c_R": (0, "1/2")}, {"p": "1/2", "l_R": "1/5"}, Fraction(1, 5), id="box"),
        # l_R and p fixed at zero: c_R < 0 never holds
        pytest.param({"c_R": (0, 1)}, {"p": 0, "l_R": "1/5"}, Fraction(0), id="empty"),
    ],
)
def test_exact_probability_of_preempt_dominance(box, fixed, expected):
    got = exact_probability(PREEMPT, SPACE, box=box, fixed=fixed)
    assert got == sympy.Rational(expected.numerator, expected.denominator)


def test_exact_union_by_inclusion_exclusion():
    # c_R > p or p < 1/4 on the unit square: 1/2 + 1/4 - (1/4 - 1/32) = 17/32
    cond = Condition(sympy.Or(c_R > p, p < sympy.Rational(1, 4)))
    assert exact_probability(cond, SPACE, box={"p": (0, 1), "c_R": (0, 1)}) == sympy.Rational(
        17, 32
    )


def test_exact_probability_from_uniform_priors_of_the_space():
    # scenario file: c_R ~ U(0, 1), l_R ~ U(0, 1/2); p fixed at 1/2: P(c_R < l_R/2)
    # = E[l_R/2] = 1/8 (l_R/2 is at most 1/4 < 1)
    got = exact_probability(PREEMPT, SPACE, fixed={"p": "1/2"})
    assert got == sympy.Rational(1, 8)


def test_monte_carlo_agrees_with_exact_within_ci():
    box = {"p": (0, 1), "c_R": (0, "3/20")}
    exact = exact_probability(PREEMPT, SPACE, box=box, fixed={"l_R": "1/5"})
    for method in ("random", "lhs"):
        est = probability(
            PREEMPT,
            SPACE,
            40000,
            priors={"p": UNIT, "c_R": stats.uniform(0, 0.15)},
            fixed={"l_R": "1/5"},
            method=method,
            rng=12,
        )
        assert isinstance(est, ProbabilityEstimate)
        assert est.low <= float(exact) <= est.high, (method, est)
        assert est.high - est.low < 0.02


def test_regime_probabilities_agree_with_exact():
    R = regions(M1.game, ["p", "c_R"])
    probs = regime_probabilities(R, 30000, priors={"p": UNIT, "c_R": UNIT}, rng=5)
    assert list(probs)[:-1] == list(R.labels)
    for label in R.labels:
        exact = float(exact_probability(R[label], SPACE, box={"p": (0, 1), "c_R": (0, 1)}))
        assert probs[label].low <= exact <= probs[label].high, label
    assert probs["boundary"].successes == 0
    assert sum(e.successes for e in probs.values()) == 30000


def test_monte_carlo_is_deterministic_and_executor_independent():
    kwargs = {"priors": {"p": UNIT}, "fixed": {"l_R": "1/5"}, "rng": 3, "chunk_size": 1000}
    serial = probability(PREEMPT, SPACE, 5000, **kwargs)
    with ThreadPoolExecutor(2) as pool:
        pooled = probability(PREEMPT, SPACE, 5000, executor=pool, **kwargs)
    assert serial == pooled
    other = probability(PREEMPT, SPACE, 5000, **{**kwargs, "rng": 4})
    assert other.successes != serial.successes


# ---------------------------------------------------------------------------
# Sobol' indices
# ---------------------------------------------------------------------------


def _uniform_space(names, low, high):
    return ParameterSpace(
        [Parameter(n, low, high, default=0, prior={"dist": "uniform"}) for n in names]
    )


def test_sobol_additive_model():
    space = _uniform_space(["x", "y"], 0, 1)
    x, y = space.symbols.values()
    res = sobol_indices(x + 2 * y, space, 2**12, rng=0)
    assert res.parameters == ("x", "y")
    np.testing.assert_allclose(res.first_order, [0.2, 0.8], atol=0.02)
    np.testing.assert_allclose(res.total_order, [0.2, 0.8], atol=0.02)
    for k, truth in enumerate([0.2, 0.8]):
        assert res.first_order_interval[0, k] <= truth <= res.first_order_interval[1, k]
        assert res.total_order_interval[0, k] <= truth <= res.total_order_interval[1, k]


def test_sobol_ishigami():
    space = _uniform_space(["x1", "x2", "x3"], -math.pi, math.pi)
    x1, x2, x3 = space.symbols.values()
    f = sympy.sin(x1) + 7 * sympy.sin(x2) ** 2 + sympy.Rational(1, 10) * x3**4 * sympy.sin(x1)
    res = sobol_indices(f, space, 2**13, rng=1)
    first = [0.3139, 0.4424, 0.0]
    total = [0.5576, 0.4424, 0.2437]
    np.testing.assert_allclose(res.first_order, first, atol=0.03)
    np.testing.assert_allclose(res.total_order, total, atol=0.03)
    # the bootstrap intervals cover the known values
    for k in range(3):
        assert (
            res.first_order_interval[0, k] - 0.005
            <= first[k]
            <= res.first_order_interval[1, k] + 0.005
        )
        assert (
            res.total_order_interval[0, k] - 0.005
            <= total[k]
            <= res.total_order_interval[1, k] + 0.005
        )
    again = sobol_indices(f, space, 2**13, rng=1)
    assert np.array_equal(again.first_order_interval, res.first_order_interval)


def test_sobol_of_the_m1_regime_indicator_sums_sensibly():
    res = sobol_indices(PREEMPT, SPACE, 2**12, parameters=["p", "c_R", "l_R", "b_T"], rng=2)
    s, st = res.as_dict(), res.total_order
    # b_T does not enter c_R < p*l_R: both indices exactly 0 with the interval [0, 0]
    assert s["b_T"] == (0.0, 0.0)
    assert res.first_order_interval[:, 3].tolist() == [0.0, 0.0]
    assert res.first_order.sum() <= 1 + 0.05
    assert np.all(res.total_order >= res.first_order - 0.05)
    assert st.sum() >= 1 - 0.05  # interactions: totals add up to at least 1
    assert max(s, key=lambda k: s[k][1]) == "c_R"  # the war cost drives the verdict


def test_sobol_of_the_mixed_probability_and_a_regime():
    R = regions(M1.game, ["p", "c_R", "m_T", "h_T"])
    war = sobol_indices(R, SPACE, 2**11, output=Probability("Russia", "Preempt"), rng=3)
    assert war.parameters == ("p", "c_R", "m_T", "h_T")
    assert np.all(war.first_order_interval[0] <= war.first_order_interval[1])
    mixed = sobol_indices(R, SPACE, 2**11, region="unique mixed", rng=3)
    assert np.all(mixed.total_order > 0.05)  # every parameter enters the mixed region's condition


# ---------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        pytest.param(
            lambda: probability(PREEMPT, SPACE, 100, priors={"p": stats.norm(0.5, 1)}, rng=0),
            InvalidGameError,
            "support",
            id="prior-support-outside-bounds",
        ),
        pytest.param(
            lambda: probability(PREEMPT, SPACE, 100, method="sobol"),
            ValueError,
            "random",
            id="no-interval-for-sobol",
        ),
        pytest.param(
            lambda: exact_probability(PREEMPT, SPACE),
            MethodNotApplicableError,
            "not uniform",
            id="beta-prior-not-exact",
        ),
        pytest.param(
            lambda: exact_probability(
                PREEMPT, SPACE, box={"p": (0, 1), "c_R": (0, 1), "l_R": (0, 1)}
            ),
            MethodNotApplicableError,
            "not linear",
            id="bilinear-not-exact",
        ),
        pytest.param(
            lambda: exact_probability(
                Condition(c_R + p + l_R < 1), SPACE, box={"p": (0, 1), "c_R": (0, 1), "l_R": (0, 1)}
            ),
            MethodNotApplicableError,
            "two parameters",
            id="three-linked-not-exact",
        ),
        pytest.param(
            lambda: exact_probability(PREEMPT, SPACE, box={"p": (0, 2)}),
            InvalidGameError,
            "leaves the bounds",
            id="box-out-of-bounds",
        ),
        pytest.param(
            lambda: exact_probability(PREEMPT, None, box={"p": (0, 1)}),
            SymbolicGameError,
            "neither uncertain nor fixed",
            id="unfixed-parameter",
        ),
        pytest.param(
            lambda: sobol_indices(PREEMPT, SPACE, 1000),
            ValueError,
            "power of 2",
            id="sobol-n-not-power-of-two",
        ),
        pytest.param(
            lambda: sobol_indices(PREEMPT, SPACE, 256, parameters=["b_T"]),
            MethodNotApplicableError,
            "constant",
            id="sobol-constant-output",
        ),
        pytest.param(
            lambda: sobol_indices(PREEMPT, SPACE, 256, parameters=["e_R", "c_R"]),
            InvalidGameError,
            "has no prior",
            id="sobol-missing-prior",
        ),
        pytest.param(
            lambda: sobol_indices(regions(M1.game, ["p", "c_R"]), SPACE, 256),
            InvalidGameError,
            "exactly one of",
            id="sobol-regions-need-a-target",
        ),
        pytest.param(
            lambda: sobol_indices(regions(M1.game, ["p"]), SPACE, 256, region="nope"),
            KeyError,
            "nope",
            id="sobol-unknown-region",
        ),
    ],
)
def test_bad_input(call, error, match):
    with pytest.raises(error, match=match):
        call()


PLANE = ParameterSpace([Parameter("x", 0, 1), Parameter("y", 0, 2)])
_X, _Y = PLANE.symbols.values()


@scaled(25, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.fractions(-3, 3, max_denominator=5),
            st.fractions(-3, 3, max_denominator=5),
            st.fractions(-2, 2, max_denominator=5),
            st.booleans(),
        ),
        min_size=1,
        max_size=3,
    )
)
def test_exact_polygon_area_against_midpoint_rule(rows):
    # an independent estimate: the fraction of the centres of a fine grid of cells that satisfy
    # the constraints (its error is at most the cells the boundary lines cross)
    relations = []
    for a, b, c, less in rows:
        lhs = (
            sympy.Rational(a.numerator, a.denominator) * _X
            + sympy.Rational(b.numerator, b.denominator) * _Y
        )
        rhs = sympy.Rational(c.numerator, c.denominator)
        relations.append(lhs < rhs if less else lhs > rhs)
    cond = Condition(sympy.And(*relations))
    if cond.expr in (sympy.true, sympy.false):
        return
    exact = exact_probability(cond, PLANE, box={"x": (0, 1), "y": (0, 2)})
    m = 1200
    xs = (np.arange(m) + 0.5) / m
    ys = 2 * (np.arange(m) + 0.5) / m
    X, Y = np.meshgrid(xs, ys)
    mask = np.ones(X.shape, dtype=bool)
    for a, b, c, less in rows:
        value = float(a) * X + float(b) * Y - float(c)
        mask &= value < 0 if less else value > 0
    assert float(exact) == pytest.approx(mask.mean(), abs=3 * len(rows) * 4 / m)
