"""Tests of gametheory.analysis.conditions.

The library *derives* every condition; the expected closed forms are typed in
from ``/work/shared/scenario_spec.md`` (models M1, M2, M7, checked there in
exact arithmetic) or derived by hand in the test, and compared by logical
equivalence at many exact rational points (random, and exactly on the
boundaries) and, where possible, by sympy. Every derived condition is also
cross-checked point by point against numeric solvers: the core ``pure`` and
``dominated_by`` solvers and pygambit's ``enummixed_solve`` (rational), an
independent oracle.
"""

from __future__ import annotations

import functools
import itertools
from fractions import Fraction as F

import numpy as np
import pytest
import sympy
from hypothesis import HealthCheck, assume, given
from hypothesis import strategies as st

import gametheory
from gametheory import NormalFormGame
from gametheory.analysis import (
    Condition,
    Threshold,
    dominance_condition,
    equilibrium_conditions,
    regions,
    threshold,
)
from gametheory.errors import (
    InvalidGameError,
    InvalidProfileError,
    MethodNotApplicableError,
    SymbolicGameError,
    UnknownLabelError,
    UnknownParameterError,
)
from gametheory.parameters import Parameter, ParameterSpace

from ._hypothesis import scaled

gbt = pytest.importorskip("pygambit")

HALF = sympy.Rational(1, 2)
SETTINGS = scaled(25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ---------------------------------------------------------------------------
# The scenario's models, built from the tables of scenario_spec.md
# ---------------------------------------------------------------------------


@functools.cache
def m1():
    """M1 -- corridor 2x2 (scenario_spec.md §3), domains from §2 (e_R > l_R as an assumption)."""
    space = ParameterSpace(
        [
            Parameter("p", 0, 1, default="1/2"),
            Parameter("c_R", 0, default="3/10"),
            Parameter("l_R", 0, default="1/5"),
            Parameter("e_R", 0, default=1),
            Parameter("b_T", 0, default="1/2"),
            Parameter("m_T", 0, lower_open=True, default="2/5"),
            Parameter("c_T", 0, default="1/5"),
            Parameter("h_T", 0, default="3/10"),
        ]
    )
    S = space.symbols
    p, c_R, l_R, e_R, b_T, m_T, c_T, h_T = (S[k] for k in space.names)
    game = NormalFormGame.from_arrays(
        [[-l_R, -e_R], [-(1 - p) * l_R - c_R, -(1 - p) * e_R - c_R]],
        [[b_T, b_T + m_T], [(1 - p) * b_T - c_T, (1 - p) * (b_T + m_T) - c_T - h_T]],
        players=["Russia", "T"],
        strategies=[["Accept", "Preempt"], ["Commercial", "Militarize"]],
        space=space,
    )
    return game, S


M1_ASSUME = "e_R > l_R"


@functools.cache
def m7():
    """M7 -- reciprocal fear of surprise attack (scenario_spec.md §3), symmetric."""
    space = ParameterSpace(
        [
            Parameter("p_f", 0, 1, default="3/5"),
            Parameter("c_W", 0, lower_open=True, default="1/4"),
            Parameter("v_sq", 0, 1, default="1/2"),
        ]
    )
    S = space.symbols
    p_f, c_W, v_sq = S["p_f"], S["c_W"], S["v_sq"]
    row = [[v_sq, 1 - p_f - c_W], [p_f - c_W, HALF - c_W]]
    col = [[row[0][0], row[1][0]], [row[0][1], row[1][1]]]
    game = NormalFormGame.from_arrays(
        row,
        col,
        players=["A", "B"],
        strategies=[["Wait", "Strike"], ["Wait", "Strike"]],
        space=space,
    )
    return game, S


@functools.cache
def m2():
    """M2 -- three-player normal form (scenario_spec.md §3)."""
    positive = {"e_A", "e_U", "g_A", "g_U"}
    names = [
        "p",
        "l_R",
        "e_A",
        "e_U",
        "c_R",
        "b_A",
        "g_A",
        "c_A",
        "h_A",
        "b_U",
        "g_U",
        "c_U",
        "h_U",
    ]
    space = ParameterSpace(
        [Parameter(n, 0, 1 if n == "p" else None, lower_open=n in positive) for n in names]
    )
    S = space.symbols
    p, l_R, e_A, e_U, c_R = (S[k] for k in ("p", "l_R", "e_A", "e_U", "c_R"))
    b_A, g_A, c_A, h_A = (S[k] for k in ("b_A", "g_A", "c_A", "h_A"))
    b_U, g_U, c_U, h_U = (S[k] for k in ("b_U", "g_U", "c_U", "h_U"))
    U = [np.empty((2, 2, 2), dtype=object) for _ in range(3)]
    for y, xa, xu in itertools.product(range(2), repeat=3):
        U[0][y, xa, xu] = -(1 - p * y) * (l_R + e_A * xa + e_U * xu) - c_R * y
        U[1][y, xa, xu] = (1 - p * y) * (b_A + g_A * xa) - y * (c_A + h_A * xa)
        U[2][y, xa, xu] = (1 - p * y) * (b_U + g_U * xu) - y * (c_U + h_U * xu)
    game = NormalFormGame(
        U,
        players=["Russia", "Azerbaijan", "US"],
        strategies=[["Accept", "Preempt"], ["Hedge", "Align"], ["Commercial", "Militarize"]],
        space=space,
    )
    return game, S


@functools.cache
def m1_conditions():
    return equilibrium_conditions(m1()[0], assumptions=M1_ASSUME)


@functools.cache
def m1_regions():
    return regions(m1()[0], assumptions=M1_ASSUME)


@functools.cache
def m7_conditions():
    return equilibrium_conditions(m7()[0])


@functools.cache
def m7_regions():
    return regions(m7()[0])


@functools.cache
def m2_conditions():
    return equilibrium_conditions(m2()[0])


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def truth(expr, point, S):
    """Exact truth value of a sympy Boolean at a point (name -> Fraction)."""
    subs = {S[k]: sympy.Rational(v.numerator, v.denominator) for k, v in point.items()}
    out = sympy.sympify(expr).xreplace(subs)
    assert out in (sympy.true, sympy.false), f"{expr} undecided at {point}: {out}"
    return bool(out)


def assert_equivalent(cond, expected, points, S):
    """The derived Condition and the spec's closed form agree at every point."""
    for pt in points:
        assert cond.holds(**pt) == truth(expected, pt, S), (str(cond), str(expected), pt)


def gambit_equilibria(game):
    """All extreme equilibria as tuples of Fractions (pygambit enummixed, rational)."""
    g = game.to_pygambit()
    res = gbt.nash.enummixed_solve(g, rational=True)
    return {
        tuple(F(str(eq[s])) for pl in g.players for s in pl.strategies) for eq in res.equilibria
    }


def derived_vector(item, game, point, S):
    """Exact probability vector of a derived equilibrium at a point."""
    if item.is_pure:
        vec = []
        for i, lab in enumerate(item.profile):
            vec += [F(1) if s == lab else F(0) for s in game.strategies[i]]
        return tuple(vec)
    subs = {S[k]: sympy.Rational(v.numerator, v.denominator) for k, v in point.items()}
    out = []
    for row in item.probabilities:
        for v in row:
            r = sympy.nsimplify(v.xreplace(subs))
            out.append(F(int(r.p), int(r.q)))
    return tuple(out)


fractions = functools.partial(st.fractions, max_denominator=24)


@st.composite
def m1_points(draw, boundary=True):
    """Exact points of M1's domain, often exactly on c_R = p*l_R, c_R = p*e_R or p = p_T."""
    pt = {
        "p": draw(fractions(0, 1)),
        "l_R": draw(fractions(0, 2)),
        "b_T": draw(fractions(0, 2)),
        "m_T": draw(fractions(F(1, 24), 2)),
        "c_T": draw(fractions(0, 2)),
        "h_T": draw(fractions(0, 2)),
    }
    pt["e_R"] = pt["l_R"] + draw(fractions(F(1, 24), 2))
    pt["c_R"] = draw(fractions(0, 3))
    kind = draw(st.sampled_from(["random", "pl", "pe", "pT", "pT+pl"] if boundary else ["random"]))
    if kind in ("pT", "pT+pl"):  # p = p_T = 1 - h_T/m_T needs h_T <= m_T
        pt["h_T"] = pt["m_T"] * draw(fractions(0, 1))
        pt["p"] = 1 - pt["h_T"] / pt["m_T"]
    if kind in ("pl", "pT+pl"):
        pt["c_R"] = pt["p"] * pt["l_R"]
    elif kind == "pe":
        pt["c_R"] = pt["p"] * pt["e_R"]
    return pt


def m1_spec_generic(pt):
    """scenario_spec.md M1 equilibrium list, for generic points (None on boundaries)."""
    p, c_R, l_R, e_R = pt["p"], pt["c_R"], pt["l_R"], pt["e_R"]
    p_T = 1 - pt["h_T"] / pt["m_T"]
    if c_R in (p * l_R, p * e_R) or p == p_T:
        return None
    if c_R > p * e_R:
        return "(Accept, Militarize)"
    if c_R < p * l_R:
        return "(Preempt, Militarize)" if p < p_T else "(Preempt, Commercial)"
    return "(Preempt, Militarize)" if p < p_T else "unique mixed"


# ---------------------------------------------------------------------------
# M1: dominance, thresholds, mixed equilibrium (closed forms from the spec)
# ---------------------------------------------------------------------------


def _m1_expected(name):
    S = m1()[1]
    p, c_R, l_R, e_R, m_T, h_T = (S[k] for k in ("p", "c_R", "l_R", "e_R", "m_T", "h_T"))
    gain_c, gain_m = p * l_R - c_R, p * e_R - c_R  # Russia's Preempt gains (spec)
    t_gain_a, t_gain_p = m_T, (1 - p) * m_T - h_T  # T's Militarize gains (spec)
    return {
        "preempt-strict": c_R < p * l_R,
        "accept-strict": c_R > p * e_R,
        "militarize-strict": p < 1 - h_T / m_T,
        # weak: >= against both, > against one (definition applied to the spec's gains)
        "preempt-weak": sympy.And(gain_c >= 0, gain_m >= 0, sympy.Or(gain_c > 0, gain_m > 0)),
        "accept-weak": sympy.And(gain_c <= 0, gain_m <= 0, sympy.Or(gain_c < 0, gain_m < 0)),
        "militarize-weak": sympy.And(
            t_gain_a >= 0, t_gain_p >= 0, sympy.Or(t_gain_a > 0, t_gain_p > 0)
        ),
        "commercial-strict": sympy.false,  # T's Militarize gain m_T > 0 against Accept
    }[name]


M1_DOMINANCE = [
    pytest.param("Russia", "Preempt", True, "preempt-strict", id="M1-Preempt-strictly-dominant"),
    pytest.param("Russia", "Accept", True, "accept-strict", id="M1-Accept-strictly-dominant"),
    pytest.param("T", "Militarize", True, "militarize-strict", id="M1-Militarize-dominant"),
    pytest.param("Russia", "Preempt", False, "preempt-weak", id="M1-Preempt-weakly-dominant"),
    pytest.param("Russia", "Accept", False, "accept-weak", id="M1-Accept-weakly-dominant"),
    pytest.param("T", "Militarize", False, "militarize-weak", id="M1-Militarize-weakly"),
    pytest.param("T", "Commercial", True, "commercial-strict", id="M1-Commercial-never"),
]


@pytest.mark.parametrize(("player", "strategy", "strict", "expected"), M1_DOMINANCE)
@SETTINGS
@given(points=st.lists(m1_points(), min_size=8, max_size=8))
def test_m1_dominance_matches_spec(player, strategy, strict, expected, points):
    game, S = m1()
    cond = dominance_condition(game, player, strategy, strict=strict, assumptions=M1_ASSUME)
    assert_equivalent(cond, _m1_expected(expected), points, S)
    # cross-check: with two strategies, "s dominates the other" iff the other is dominated
    dominated_by = pytest.importorskip("gametheory.solvers.dominance").dominated_by

    other = [s for s in game.strategies[game.player_index(player)] if s != strategy][0]
    for pt in points:
        cert = dominated_by(game.at(**pt), player, other, strict=strict, mixed=False)
        assert (cert is not None) == cond.holds(**pt), pt


def test_m1_dominance_simplified_forms():
    """The derived conditions are the spec's single inequalities, not just equivalent."""
    game, S = m1()
    p, c_R, l_R, e_R, m_T, h_T = (S[k] for k in ("p", "c_R", "l_R", "e_R", "m_T", "h_T"))
    pre = dominance_condition(game, "Russia", "Preempt", assumptions=M1_ASSUME)
    acc = dominance_condition(game, "Russia", "Accept", assumptions=M1_ASSUME)
    assert isinstance(pre.expr, sympy.core.relational.Relational)
    assert sympy.simplify((pre.expr.lhs - pre.expr.rhs) - (c_R - p * l_R)) == 0
    assert isinstance(pre.expr, sympy.StrictLessThan)
    assert isinstance(acc.expr, sympy.StrictGreaterThan)
    assert sympy.simplify((acc.expr.lhs - acc.expr.rhs) - (c_R - p * e_R)) == 0
    # without e_R > l_R the redundant second inequality cannot be dropped
    loose = dominance_condition(game, "Russia", "Preempt")
    assert isinstance(loose.expr, sympy.And) and len(loose.expr.args) == 2


def test_m1_thresholds_from_spec():
    game, S = m1()
    p, c_R, l_R, m_T, h_T = (S[k] for k in ("p", "c_R", "l_R", "m_T", "h_T"))
    t = threshold(dominance_condition(game, "Russia", "Preempt", assumptions=M1_ASSUME), c_R)
    assert isinstance(t, Threshold)
    assert (t.parameter, t.relation) == (c_R, "<")
    assert sympy.simplify(t.bound - p * l_R) == 0
    assert t.validity.is_true and t.also == () and t.rest is None
    assert str(t) == "c_R < l_R*p"
    assert t.evaluate(p="1/2", l_R="1/5") == sympy.Rational(1, 10)  # spec: p*l_R = 1/10
    assert "l_{R}" in t.latex() and t._repr_latex_().startswith("$")
    tm = threshold(dominance_condition(game, "T", "Militarize"), "p")
    assert tm.relation == "<" and sympy.simplify(tm.bound - (1 - h_T / m_T)) == 0
    assert tm.evaluate(m_T="2/5", h_T="3/10") == sympy.Rational(1, 4)  # spec: p_T = 1/4
    bounds = tm.compile()(m_T=np.array([0.4, 1.0]), h_T=np.array([0.3, 0.5]))
    np.testing.assert_allclose(bounds, [0.25, 0.5])


def test_m1_mixed_equilibrium_closed_forms():
    game, S = m1()
    p, c_R, l_R, e_R = (S[k] for k in ("p", "c_R", "l_R", "e_R"))
    b_T, m_T, c_T, h_T = (S[k] for k in ("b_T", "m_T", "c_T", "h_T"))
    eqc = m1_conditions()
    assert len(eqc.mixed) == 1
    mixed = eqc.mixed[0]
    sigma_star = m_T / (p * m_T + h_T)
    tau_star = (c_R - p * l_R) / (p * (e_R - l_R))
    assert sympy.simplify(mixed.probability("Russia", "Preempt") - sigma_star) == 0
    assert sympy.simplify(mixed.probability("T", "Militarize") - tau_star) == 0
    assert not mixed.probability("Russia", "Preempt").has(c_R)  # inspection-game effect
    U_R, U_T = mixed.payoffs
    assert sympy.simplify(U_R - (-c_R / p)) == 0
    assert sympy.simplify(U_T - (b_T - m_T * (p * b_T + c_T) / (p * m_T + h_T))) == 0
    # spec defaults: mixed NE (4/5, 1/2), U_R = -3/5, U_T = 7/50
    d = {
        "p": "1/2",
        "c_R": "3/10",
        "l_R": "1/5",
        "e_R": 1,
        "b_T": "1/2",
        "m_T": "2/5",
        "c_T": "1/5",
        "h_T": "3/10",
    }
    probs = mixed.at(**d)
    assert probs == ((F(1, 5), F(4, 5)), (F(1, 2), F(1, 2)))
    assert all(isinstance(v, F) for row in probs for v in row)
    # vectorised: P[war] = sigma_star along p (spec: does not depend on c_R)
    (px, py), (ur, ut) = mixed.compile()(
        **{**{k: float(F(v)) for k, v in d.items()}, "p": np.array([0.5, 0.8]), "c_R": 0.3}
    )
    np.testing.assert_allclose(px[1], [0.4 / (0.5 * 0.4 + 0.3), 0.4 / (0.8 * 0.4 + 0.3)])
    np.testing.assert_allclose(ur, [-0.6, -0.3 / 0.8])
    assert px.shape == (2, 2) and py.shape == (2, 2)
    subs = {S[k]: sympy.Rational(v) for k, v in d.items()}
    assert (U_R.xreplace(subs), U_T.xreplace(subs)) == (
        sympy.Rational(-3, 5),
        sympy.Rational(7, 50),
    )
    # validity: p*l_R < c_R < p*e_R and p > p_T (spec's band and p_T)
    expected = sympy.And(p * l_R < c_R, c_R < p * e_R, p > 1 - h_T / m_T)
    pts = [
        {k: F(v) for k, v in d.items()},
        {**{k: F(v) for k, v in d.items()}, "p": F(1, 5), "c_R": F(1, 10)},
        {**{k: F(v) for k, v in d.items()}, "c_R": F(1, 20)},
    ]
    assert_equivalent(mixed.condition, expected, pts, S)
    # knife-edge: singular indifference systems where p*(e_R-l_R) = 0 or p*m_T + h_T = 0
    assert mixed.singular.holds(**{**pts[0], "p": F(0)}) is True
    assert mixed.singular.holds(**pts[0]) is False
    with pytest.raises(InvalidProfileError, match="not an equilibrium"):
        mixed.at(**{**d, "c_R": "1/20"})


@SETTINGS
@given(pts=st.lists(m1_points(), min_size=6, max_size=6))
def test_m1_mixed_validity_matches_spec(pts):
    game, S = m1()
    p, c_R, l_R, e_R, m_T, h_T = (S[k] for k in ("p", "c_R", "l_R", "e_R", "m_T", "h_T"))
    expected = sympy.And(p * l_R < c_R, c_R < p * e_R, p * m_T + h_T > m_T)
    assert_equivalent(m1_conditions().mixed[0].condition, expected, pts, S)


def test_m1_pure_conditions_from_spec():
    """Pure NE conditions: best-response inequalities typed from the spec's gains."""
    game, S = m1()
    p, c_R, l_R, e_R, m_T, h_T = (S[k] for k in ("p", "c_R", "l_R", "e_R", "m_T", "h_T"))
    eqc = m1_conditions()
    expected = {
        ("Accept", "Commercial"): sympy.false,
        ("Accept", "Militarize"): c_R >= p * e_R,
        ("Preempt", "Commercial"): sympy.And(c_R <= p * l_R, (1 - p) * m_T - h_T <= 0),
        ("Preempt", "Militarize"): sympy.And(c_R <= p * e_R, (1 - p) * m_T - h_T >= 0),
    }
    rng = np.random.default_rng(5)
    pts = []
    for _ in range(40):
        pt = {k: F(int(rng.integers(0, 13)), 6) for k in ("p", "c_R", "l_R", "b_T", "c_T", "h_T")}
        pt["p"] = min(pt["p"], F(1))
        pt["m_T"] = F(int(rng.integers(1, 13)), 6)
        pt["e_R"] = pt["l_R"] + F(int(rng.integers(1, 7)), 6)
        pts.append(pt)
    for profile, exp in expected.items():
        assert_equivalent(eqc[profile].condition, exp, pts, S)
    assert eqc[("Accept", "Commercial")].condition.is_false
    assert eqc.complete == "generic"


@SETTINGS
@given(pt=m1_points())
def test_m1_conditions_agree_with_solvers(pt):
    """Derived conditions vs the core pure solver and pygambit's enummixed at exact points,
    including points exactly on the boundaries."""
    game, S = m1()
    g = game.at(**pt)
    eqc = m1_conditions()
    pure = {e.pure_profile() for e in gametheory.solve(g, method="pure")}
    assert pure == {e.profile for e in eqc.pure if e.condition.holds(**pt)}
    oracle = gambit_equilibria(g)
    derived = {derived_vector(e, game, pt, S) for e in eqc.holding(**pt)}
    assert derived <= oracle
    if not eqc.knife_edges_at(**pt):
        assert derived == oracle  # off the knife-edges the description is complete
    label = m1_spec_generic(pt)
    if label is not None:
        assert not eqc.knife_edges_at(**pt)
        assert [e.label if e.is_pure else "unique mixed" for e in eqc.holding(**pt)] == [label]


# ---------------------------------------------------------------------------
# M1 regions (spec §4: four regimes; boundaries reported as such)
# ---------------------------------------------------------------------------


M1_LABELS = {
    "(Accept, Militarize)",
    "(Preempt, Militarize)",
    "(Preempt, Commercial)",
    "unique mixed",
}


def test_m1_regions_labels_and_witnesses():
    R = m1_regions()
    assert set(R.labels) == M1_LABELS and len(R) == 4
    for r in R:
        assert r.witness is not None and r.contains(**r.witness) is True
        assert R.locate(**r.witness) is r
        assert len(r.equilibria) == 1
    assert R["unique mixed"].equilibria[0].supports == (
        ("Accept", "Preempt"),
        ("Commercial", "Militarize"),
    )
    for b in R.boundaries:
        assert b.is_boundary and b.index == -1 and b.equilibria == ()


def test_m1_regions_in_the_plane():
    game, S = m1()
    R = regions(
        game,
        ["p", "c_R"],
        assumptions=M1_ASSUME,
        labels={"(Preempt, Militarize)": "Preempt, corridor militarized"},
    )
    assert R.fixed["e_R"] == 1 and set(R.fixed) == set(game.space.names) - {"p", "c_R"}
    assert "Preempt, corridor militarized" in R.labels
    assert R["Preempt, corridor militarized"].auto_label == "(Preempt, Militarize)"
    p, c_R = S["p"], S["c_R"]
    # spec §4 at the defaults (l_R=1/5, e_R=1, p_T=1/4): rays c_R = p/5, c_R = p, line p = 1/4
    expected = {
        "(Accept, Militarize)": c_R > p,
        "(Preempt, Commercial)": sympy.And(c_R < p / 5, p > sympy.Rational(1, 4)),
        "Preempt, corridor militarized": sympy.And(c_R < p, p < sympy.Rational(1, 4)),
        "unique mixed": sympy.And(p / 5 < c_R, c_R < p, p > sympy.Rational(1, 4)),
    }
    grid = [{"p": F(i, 20), "c_R": F(j, 20)} for i in range(21) for j in range(25)]
    for r in R:
        for pt in grid:
            on_boundary = pt["c_R"] in (pt["p"] / 5, pt["p"]) or pt["p"] == F(1, 4)
            if not on_boundary:
                assert r.contains(**pt) == truth(expected[r.label], pt, S), (r.label, pt)
    # vectorised classification: exact object arrays and floats agree off the boundaries
    P = np.array([pt["p"] for pt in grid], dtype=object)
    C = np.array([pt["c_R"] for pt in grid], dtype=object)
    exact = R.classify(p=P, c_R=C)
    for k, pt in enumerate(grid):
        idx = exact[k]
        hit = [r.index for r in R if r.contains(**pt)]
        assert (hit == [idx]) if idx >= 0 else (hit == []), pt
    floats = R.classify(p=P.astype(float), c_R=C.astype(float))
    generic = np.array(
        [pt["c_R"] not in (pt["p"] / 5, pt["p"]) and pt["p"] != F(1, 4) for pt in grid]
    )
    assert np.array_equal(floats[generic], exact[generic])
    # boundary regions are the spec's curves
    texts = sorted(b.label for b in R.boundaries)
    assert any("c_R = p/5" in t for t in texts) and any(t[-7:] == "c_R = p" for t in texts)


@SETTINGS
@given(pt=m1_points())
def test_m1_classify_matches_oracle(pt):
    """In M1 every regime has a unique equilibrium, and every knife-edge a continuum:
    so a point is a boundary (-1) iff pygambit finds more than one extreme equilibrium."""
    game, S = m1()
    R = m1_regions()
    arr = {k: np.array([v], dtype=object) for k, v in pt.items()}
    idx = int(R.classify(**arr)[0])
    oracle = gambit_equilibria(game.at(**pt))
    assert (idx == -1) == (len(oracle) > 1), (pt, idx, oracle)
    if idx >= 0:
        (eq,) = R[idx].equilibria
        assert {derived_vector(eq, game, pt, S)} == oracle
        label = m1_spec_generic(pt)
        if label is not None:
            assert R[idx].label == label
    assert R.locate(**pt).index == idx


def test_m1_classify_is_vectorised_and_fast():
    R = m1_regions()
    rng = np.random.default_rng(0)
    n = 200_000
    pts = {
        "p": rng.uniform(0, 1, n),
        "l_R": rng.uniform(0, 1, n),
        "b_T": rng.uniform(0, 1, n),
        "m_T": rng.uniform(0.01, 1, n),
        "c_T": rng.uniform(0, 1, n),
        "h_T": rng.uniform(0, 1, n),
        "c_R": rng.uniform(0, 1, n),
    }
    pts["e_R"] = pts["l_R"] + rng.uniform(0.01, 1, n)
    idx = R.classify(**pts)
    assert idx.shape == (n,) and idx.dtype.kind == "i"
    p, c, l, e, h, m = (pts[k] for k in ("p", "c_R", "l_R", "e_R", "h_T", "m_T"))
    pT = 1 - h / m
    spec = np.where(
        c > p * e, 0, np.where(c < p * l, np.where(p < pT, 2, 1), np.where(p < pT, 2, 3))
    )
    order = {lab: i for i, lab in enumerate(R.labels)}
    names = [
        "(Accept, Militarize)",
        "(Preempt, Commercial)",
        "(Preempt, Militarize)",
        "unique mixed",
    ]
    expected = np.array([order[names[k]] for k in range(4)])[spec]
    assert np.array_equal(idx, expected)


# ---------------------------------------------------------------------------
# M7: symmetric 2x2 (spec: Wait dominant, stag hunt, chicken, q_star)
# ---------------------------------------------------------------------------


@st.composite
def m7_points(draw):
    pt = {
        "p_f": draw(fractions(0, 1)),
        "c_W": draw(fractions(F(1, 24), 1)),
        "v_sq": draw(fractions(0, 1)),
    }
    kind = draw(st.sampled_from(["random", "half", "vc"]))
    if kind == "half":
        pt["p_f"] = F(1, 2)
    elif kind == "vc" and pt["v_sq"] + pt["c_W"] <= 1:
        pt["p_f"] = pt["v_sq"] + pt["c_W"]
    return pt


@SETTINGS
@given(pts=st.lists(m7_points(), min_size=10, max_size=10))
def test_m7_dominance_and_regions_match_spec(pts):
    game, S = m7()
    p_f, c_W, v_sq = S["p_f"], S["c_W"], S["v_sq"]
    wait = dominance_condition(game, "A", "Wait")
    strike = dominance_condition(game, "A", "Strike")
    assert_equivalent(wait, p_f < sympy.Min(HALF, v_sq + c_W), pts, S)
    assert_equivalent(strike, p_f > sympy.Max(HALF, v_sq + c_W), pts, S)
    R = m7_regions()
    spec = {
        "(Wait, Wait)": p_f < sympy.Min(HALF, v_sq + c_W),
        "(Strike, Strike)": p_f > sympy.Max(HALF, v_sq + c_W),
        "(Wait, Wait), (Strike, Strike) + mixed": sympy.And(
            p_f > HALF, p_f < v_sq + c_W
        ),  # stag hunt
        "(Wait, Strike), (Strike, Wait) + mixed": sympy.And(
            v_sq + c_W < p_f, p_f < HALF
        ),  # chicken
    }
    assert set(R.labels) == set(spec)
    for r in R:
        assert_equivalent(r.condition, spec[r.label], pts, S)


def test_m7_thresholds_and_q_star():
    game, S = m7()
    p_f, c_W, v_sq = S["p_f"], S["c_W"], S["v_sq"]
    t = threshold(dominance_condition(game, "A", "Wait"), p_f)
    assert t.relation == "<" and t.bound == sympy.Min(HALF, v_sq + c_W)
    assert str(t) == "p_f < Min(1/2, c_W + v_sq)"
    assert t.evaluate(c_W="1/4", v_sq="1/2") == HALF
    (mixed,) = m7_conditions().mixed
    q_star = (v_sq + c_W - p_f) / (v_sq + c_W - HALF)
    for player in ("A", "B"):
        assert sympy.simplify(mixed.probability(player, "Strike") - q_star) == 0
    # spec defaults: stag hunt, q_star = 3/5; NE (0,0), (3/5,3/5), (1,1)
    R = m7_regions()
    region = R.locate(p_f="3/5", c_W="1/4", v_sq="1/2")
    assert region.label == "(Wait, Wait), (Strike, Strike) + mixed"
    assert mixed.at(p_f="3/5", c_W="1/4", v_sq="1/2")[0] == (
        sympy.Rational(2, 5),
        sympy.Rational(3, 5),
    )
    assert R.locate(p_f="4/5", c_W="1/4", v_sq="1/2").label == "(Strike, Strike)"
    assert mixed.at(p_f="7/10", c_W="1/4", v_sq="1/2")[0][1] == F(1, 5)


@SETTINGS
@given(pt=m7_points())
def test_m7_regions_agree_with_gambit(pt):
    game, S = m7()
    R = m7_regions()
    g = game.at(**pt)
    region = R.locate(**pt)
    oracle = gambit_equilibria(g)
    pure = {e.pure_profile() for e in gametheory.solve(g, method="pure")}
    assert pure == {e.profile for e in m7_conditions().pure if e.condition.holds(**pt)}
    if not region.is_boundary:
        assert {derived_vector(e, game, pt, S) for e in region.equilibria} == oracle
    else:
        assert m7_conditions().knife_edges_at(**pt)


# ---------------------------------------------------------------------------
# M2: three players, pure-profile conditions
# ---------------------------------------------------------------------------


def m2_spec_pure(v):
    """scenario_spec.md M2 piecewise NE, pure members only; None off the generic set."""
    p = v["p"]
    if p == 0:
        return None
    r = v["c_R"] / p
    l_R, e = v["l_R"], {"A": v["e_A"], "U": v["e_U"]}
    e_R = l_R + e["A"] + e["U"]
    sigma = {i: v[f"g_{i}"] / (p * v[f"g_{i}"] + v[f"h_{i}"]) for i in ("A", "U")}
    inside = {i: sigma[i] > 1 for i in ("A", "U")}
    if sigma["A"] == sigma["U"] or 1 in sigma.values() or r in (l_R, e_R):
        return None
    j, k = sorted(("A", "U"), key=lambda i: sigma[i])
    if r in (l_R + e[k],):
        return None
    names = {"A": ("Hedge", "Align"), "U": ("Commercial", "Militarize")}
    if r < l_R:
        return {("Preempt", names["A"][inside["A"]], names["U"][inside["U"]])}
    if r > e_R:
        return {("Accept", "Align", "Militarize")}
    if inside["A"] and inside["U"]:
        return {("Preempt", "Align", "Militarize")}
    if r < l_R + e[k] and inside[k]:
        prof = {j: names[j][0], k: names[k][1]}
        return {("Preempt", prof["A"], prof["U"])}
    return set()  # some member mixes: no pure equilibrium


@st.composite
def m2_points(draw):
    pt = {
        n: draw(fractions(0, 2)) for n in ("l_R", "c_R", "b_A", "c_A", "h_A", "b_U", "c_U", "h_U")
    }
    pt["p"] = draw(fractions(F(1, 24), 1))
    for n in ("e_A", "e_U", "g_A", "g_U"):
        pt[n] = draw(fractions(F(1, 24), 2))
    return pt


@SETTINGS
@given(pt=m2_points())
def test_m2_pure_conditions(pt):
    game, S = m2()
    eqc = m2_conditions()
    assert eqc.complete == "pure" and eqc.mixed == ()
    derived = {e.profile for e in eqc.pure if e.condition.holds(**pt)}
    assert derived == {e.pure_profile() for e in gametheory.solve(game.at(**pt), method="pure")}
    spec = m2_spec_pure(pt)
    if spec is not None:
        assert derived == spec


def test_m2_spec_examples_and_forms():
    game, S = m2()
    eqc = m2_conditions()
    p, c_R, l_R, e_A, e_U = (S[k] for k in ("p", "c_R", "l_R", "e_A", "e_U"))
    # r > e_R: (Accept, Align, Militarize) -- condition c_R >= p*(l_R + e_A + e_U), ties included
    cond = eqc[("Accept", "Align", "Militarize")].condition
    assert isinstance(cond.expr, sympy.GreaterThan)
    assert sympy.simplify(cond.expr.lhs - cond.expr.rhs - (c_R - p * (l_R + e_A + e_U))) == 0
    d = dict(
        p="1/2",
        l_R="1/5",
        e_A="1/2",
        e_U="3/10",
        c_R="3/10",
        b_A="1/2",
        g_A="1/5",
        c_A="3/10",
        h_A="3/10",
        b_U="1/4",
        g_U="2/5",
        c_U="1/10",
        h_U="1/4",
    )
    assert eqc.holding(**d) == []  # spec: defaults -> mixed (1/2, 1/5, 1)
    # spec: c_R = 1/5, h_A = 1/20 -> (1, 1, 0) = (Preempt, Align, Commercial)
    assert [e.profile for e in eqc.holding(**{**d, "c_R": "1/5", "h_A": "1/20"})] == [
        ("Preempt", "Align", "Commercial")
    ]


# ---------------------------------------------------------------------------
# Dominance by mixtures
# ---------------------------------------------------------------------------


def _umd_game(d):
    """U/M/D: D (payoff d, d) is dominated by 1/2 U + 1/2 M when d < 3/2 (Maschler,
    Solan & Zamir 2013, Example 4.14 style); no pure strategy dominates D when d >= 0."""
    return NormalFormGame.from_arrays(
        [[3, 0], [0, 3], [d, d]], [[0, 0], [0, 0], [0, 0]], strategies=[["U", "M", "D"], ["L", "R"]]
    )


@pytest.mark.parametrize("strict", [True, False], ids=["strict", "weak"])
def test_mixed_dominance_exact(strict):
    d = sympy.Symbol("d", real=True)
    game = _umd_game(d)
    cond = dominance_condition(game, "1", ["U", "M"], over="D", strict=strict)
    assert cond.decidable
    # by hand: 3q > d and 3(1-q) > d for some q in [0,1]  <=>  d < 3/2 (same for weak)
    dominated_by = pytest.importorskip("gametheory.solvers.dominance").dominated_by

    for v in [F(-1), F(0), F(1), F(7, 5), F(3, 2), F(8, 5), F(3), F(3, 2) - F(1, 1000)]:
        assert cond.holds(d=v) == (v < F(3, 2)), v
        cert = dominated_by(game.at(d=v), "1", "D", strict=strict)
        assert (cert is not None) == cond.holds(d=v), v
    assert threshold(cond, d).relation == "<" and threshold(cond, d).bound == sympy.Rational(3, 2)


def test_mixed_dominance_of_all_others_and_undecidable_fallback():
    d = sympy.Symbol("d", real=True)
    game = _umd_game(d)
    # one mixture of U and M dominating D, in a game where only D can be dominated
    assert dominance_condition(game, "1", ["U", "M"]).holds(d=1) is True
    # three-strategy mixtures: no closed form, an exact numeric fallback
    g4 = NormalFormGame.from_arrays(
        [[4, 0, 0], [0, 4, 0], [0, 0, 4], [d, d, d]],
        [[0] * 3] * 4,
        strategies=[["A", "B", "C", "D"], ["x", "y", "z"]],
    )
    cond = dominance_condition(g4, "1", ["A", "B", "C"], over="D")
    assert not cond.decidable and "mixture of 3" in cond.reason
    assert cond.numeric(d=1) is True  # 1/3 each pays 4/3 > 1
    assert cond.numeric(d=F(4, 3)) is False
    assert cond.holds(d=2) is False
    with pytest.raises(MethodNotApplicableError):
        cond.compile()
    with pytest.raises(MethodNotApplicableError):
        threshold(cond, "d")
    assert "not decidable" in str(cond)
    numeric = dominance_condition(g4.at(d=1), "1", ["A", "B", "C"], over="D")
    assert numeric.decidable and numeric.is_true


def test_numeric_game_gives_constant_conditions():
    pd = NormalFormGame.from_arrays(
        [[3, 0], [5, 1]], [[3, 5], [0, 1]], strategies=[["C", "D"], ["C", "D"]]
    )
    assert dominance_condition(pd, "1", "D").is_true
    assert dominance_condition(pd, "1", "C").is_false
    eqc = equilibrium_conditions(pd)
    assert [e.profile for e in eqc.pure if e.condition.is_true] == [("D", "D")]
    R = regions(pd)
    assert R.labels == ("(D, D)",) and R.classify().tolist() == 0
    assert dominance_condition(pd, "1", "D").holds() is True


# ---------------------------------------------------------------------------
# Random parametric games against pygambit
# ---------------------------------------------------------------------------


@st.composite
def affine_games(draw):
    """2x2 or 2x3 games with payoffs a + b*t, small integers, t in [0, 1]."""
    shape = draw(st.sampled_from([(2, 2), (2, 3)]))
    t = sympy.Symbol("t", nonnegative=True)
    ints = st.integers(-3, 3)
    arrays = [
        [[draw(ints) + draw(ints) * t for _ in range(shape[1])] for _ in range(shape[0])]
        for _ in range(2)
    ]
    return NormalFormGame.from_arrays(*arrays), t


@scaled(12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gt=affine_games(), ts=st.lists(fractions(0, 1), min_size=4, max_size=4))
def test_random_affine_games_against_gambit(gt, ts):
    game, t = gt
    assume(game.is_symbolic)
    R = regions(game, assumptions=[t <= 1])
    eqc = R.conditions
    # test points: random ones and every root in [0, 1] of the conditions' polynomials
    roots = set()
    for e in (*eqc.pure, *eqc.mixed):
        for rel in e.condition.expr.atoms(sympy.core.relational.Relational):
            for root in sympy.solve(rel.lhs - rel.rhs, t):
                if root.is_Rational and 0 <= root <= 1:
                    roots.add(F(int(root.p), int(root.q)))
    for v in [*ts, *sorted(roots)]:
        g = game.at(t=v)
        region = R.locate(t=v)
        oracle = gambit_equilibria(g)
        pure = {e.pure_profile() for e in gametheory.solve(g, method="pure")}
        assert pure == {e.profile for e in eqc.pure if e.condition.holds(t=v)}
        derived = {derived_vector(e, game, {"t": v}, {"t": t}) for e in eqc.holding(t=v)}
        assert derived <= oracle
        if not region.is_boundary:
            assert {
                derived_vector(e, game, {"t": v}, {"t": t}) for e in region.equilibria
            } == oracle
        if not eqc.knife_edges_at(t=v):
            assert derived == oracle


# ---------------------------------------------------------------------------
# Condition and Threshold objects
# ---------------------------------------------------------------------------


def test_condition_api():
    x = sympy.Symbol("x", nonnegative=True)
    y = sympy.Symbol("y", real=True)
    c = Condition(x < 2 * y, assumptions=(x <= 1,))
    assert c.parameters == (x, y) and c.free_parameters == (x, y)
    assert c.holds(x="1/2", y=1) is True and c.holds(x=1, y="1/2") is False
    assert c.holds(x=1) is None  # y unknown
    assert Condition(x >= 0).simplify().is_true
    assert (c & Condition(y < 0)).simplify().is_false
    assert (c | ~c).simplify().is_true
    assert str(~c) == "x >= 2*y"
    f = c.compile()
    assert f(x=[0.1, 0.9], y=0.3).tolist() == [True, False]
    assert f(np.array([0.5]), np.array([0.25])).tolist() == [False]  # positional, exact tie
    exact = f(x=np.array([F(1, 2)], dtype=object), y=np.array([F(1, 4)], dtype=object))
    assert exact.tolist() == [False]
    assert c.latex() == "x < 2 y" and c._repr_latex_() == "$x < 2 y$"
    with pytest.raises(TypeError, match="holds"):
        bool(c)
    with pytest.raises(UnknownParameterError, match="'z'"):
        c.holds(z=1)
    with pytest.raises(InvalidGameError, match="assumption"):
        c.holds(x=2, y=1)
    with pytest.raises(InvalidGameError, match="nonnegative"):
        c.holds(x=-1, y=1)
    with pytest.raises(SymbolicGameError, match="y"):
        f(x=1.0)
    with pytest.raises(UnknownParameterError):
        f(x=1.0, y=1.0, z=2.0)


def test_threshold_sign_split():
    """a*x > b with a of unknown sign: split on the sign of a (checked by equivalence)."""
    a, b, x = sympy.symbols("a b x", real=True)
    cond = Condition(a * x > b)
    t = threshold(cond, x)
    assert not t.validity.is_true and t.otherwise is not None
    grid = [F(k, 2) for k in range(-3, 4)]
    for av, bv, xv in itertools.product(grid, grid, grid):
        assert t.holds(a=av, b=bv, x=xv) == cond.holds(a=av, b=bv, x=xv)
    assert "if" in str(t) and "cases" in t.latex()
    assert t.evaluate(a=2, b=1) == HALF and t.evaluate(a=-2, b=1) == -HALF


def test_threshold_interval_and_rest():
    game, S = m1()
    t = threshold(m1_conditions().mixed[0].condition, "c_R")
    assert t.relation == ">" and sympy.simplify(t.bound - S["p"] * S["l_R"]) == 0
    assert len(t.also) == 1 and t.also[0][0] == "<"
    assert sympy.simplify(t.also[0][1] - S["p"] * S["e_R"]) == 0
    assert t.rest is not None and "m_T" in str(t.rest)
    assert str(t).startswith("l_R*p < c_R < e_R*p")
    pts = [
        {**{k: F(v) for k, v in game.space.defaults().items()}, "c_R": F(c, 10)} for c in range(12)
    ]
    for pt in pts:
        assert t.holds(**pt) == m1_conditions().mixed[0].condition.holds(**pt)


# ---------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------


def _bad_inputs():
    game, S = m1()
    pre = dominance_condition(game, "Russia", "Preempt", assumptions=M1_ASSUME)
    return [
        pytest.param(
            lambda: dominance_condition(game, "Rusia", "Preempt"),
            UnknownLabelError,
            "unknown player",
            id="unknown-player",
        ),
        pytest.param(
            lambda: dominance_condition(game, "Russia", "Attack"),
            UnknownLabelError,
            "unknown strategy",
            id="unknown-strategy",
        ),
        pytest.param(
            lambda: dominance_condition(game, "Russia", "Preempt", over="Preempt"),
            InvalidProfileError,
            "itself",
            id="dominates-itself",
        ),
        pytest.param(
            lambda: dominance_condition(game, "Russia", ["Accept", "Accept"]),
            InvalidProfileError,
            "twice",
            id="repeated-strategy",
        ),
        pytest.param(
            lambda: dominance_condition(game, "Russia", "Preempt", assumptions="z > 1"),
            Exception,
            "z",
            id="undeclared-name-in-assumption",
        ),
        pytest.param(
            lambda: dominance_condition(
                game, "Russia", "Preempt", assumptions=sympy.Symbol("e_R") > sympy.Symbol("l_R")
            ),
            UnknownParameterError,
            "different assumptions",
            id="foreign-symbols-in-assumption",
        ),
        pytest.param(
            lambda: threshold(pre, "q"),
            UnknownParameterError,
            "unknown parameter",
            id="threshold-unknown-parameter",
        ),
        pytest.param(
            lambda: threshold(pre, "m_T"),
            MethodNotApplicableError,
            "does not involve",
            id="threshold-parameter-not-involved",
        ),
        pytest.param(
            lambda: threshold(dominance_condition(game, "T", "Commercial"), "p"),
            MethodNotApplicableError,
            "constant",
            id="threshold-constant-condition",
        ),
        pytest.param(
            lambda: threshold(str(pre), "c_R"),
            InvalidGameError,
            "Condition",
            id="threshold-not-a-condition",
        ),
        pytest.param(
            lambda: regions(game, ["p", "x"]),
            UnknownParameterError,
            "'x'",
            id="regions-unknown-parameter",
        ),
        pytest.param(
            lambda: regions(game, ["p"], fixed={"p": 1}),
            InvalidGameError,
            "both varied and fixed",
            id="regions-varied-and-fixed",
        ),
        pytest.param(
            lambda: regions(game, ["p"], fixed={"c_R": 5, "m_T": 0}),
            InvalidGameError,
            "outside",
            id="regions-fixed-out-of-bounds",
        ),
        pytest.param(
            lambda: equilibrium_conditions("not a game"),
            NotImplementedError,
            "str",
            id="equilibrium-conditions-unsupported-type",
        ),
        pytest.param(
            lambda: m1_conditions()["(Wait, Wait)"],
            UnknownLabelError,
            "no equilibrium candidate",
            id="unknown-candidate",
        ),
        pytest.param(
            lambda: m1_regions()["nonsense"], UnknownLabelError, "no region", id="unknown-region"
        ),
        pytest.param(
            lambda: pre.holds(p=2, c_R=0, l_R=0),
            InvalidGameError,
            "outside|violates|p",
            id="holds-out-of-bounds",
        ),
    ]


@pytest.mark.parametrize(("call", "error", "match"), _bad_inputs())
def test_bad_input(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_regions_need_values_for_fixed_parameters():
    t, u = sympy.symbols("t u", nonnegative=True)
    game = NormalFormGame.from_arrays([[t, 0], [0, u]], [[1, 0], [0, 1]])
    with pytest.raises(InvalidGameError, match="no value"):
        regions(game, ["t"])
    R = regions(game, ["t"], fixed={"u": 1})
    assert R.fixed == {"u": 1} and R.parameters == (t,)


# ---------------------------------------------------------------------------
# A 3x3 game, pickling (sweeps ship compiled objects to worker processes)
# ---------------------------------------------------------------------------


def test_parametric_rock_paper_scissors_against_gambit():
    """Symmetric RPS with win payoff a, loss -1 and tie payoff b (the zero-sum RPS of
    tests/games.py is a=1, b=0). By hand: the uniform mix is always an equilibrium (rows
    sum to a + b - 1); if b > a, ties beat wins, so the three pure diagonal profiles and
    the uniform mixes on each pair of strategies are equilibria too (7 in all); if a > b
    the uniform mix is the only one."""
    a, b = sympy.symbols("a b", nonnegative=True)
    A = [[b, -1, a], [a, b, -1], [-1, a, b]]
    game = NormalFormGame.from_arrays(
        A, [list(r) for r in zip(*A, strict=True)], strategies=[["R", "P", "S"], ["R", "P", "S"]]
    )
    R = regions(game, assumptions=[a <= 3, b <= 3])
    assert sorted(R.labels) == ["(R, R), (P, P), (S, S) + 4 mixed", "unique mixed"]
    assert str(R["unique mixed"].condition) == "a > b"
    (full,) = [e for e in R.conditions.mixed if len(e.supports[0]) == 3]
    assert full.condition.is_true  # proved: the 3x3 system is never singular for a, b >= 0
    for av, bv in itertools.product([F(0), F(1, 2), F(1), F(5, 2)], [F(0), F(1), F(2)]):
        g = game.at(a=av, b=bv)
        oracle = gambit_equilibria(g)
        region = R.locate(a=av, b=bv)
        if av == bv:
            assert region.is_boundary
            continue
        assert len(oracle) == (7 if bv > av else 1)
        derived = {
            derived_vector(e, game, {"a": av, "b": bv}, {"a": a, "b": b}) for e in region.equilibria
        }
        assert derived == oracle


def test_pickle_and_process_pool():
    import pickle
    from concurrent.futures import ProcessPoolExecutor

    R = m1_regions()
    pts = {k: np.array([F(v)], dtype=object) for k, v in m1()[0].space.defaults().items()}
    before = R.classify(**pts)
    R2 = pickle.loads(pickle.dumps(R))
    assert R2.labels == R.labels and np.array_equal(R2.classify(**pts), before)
    cond = dominance_condition(m1()[0], "Russia", "Preempt", assumptions=M1_ASSUME)
    f = cond.compile()
    g = pickle.loads(pickle.dumps(f))
    assert bool(g(p=0.5, c_R=0.05, l_R=0.2)) and bool(f(p=0.5, c_R=0.05, l_R=0.2))
    p = np.linspace(0, 1, 11)
    with ProcessPoolExecutor(max_workers=1) as pool:
        remote = pool.submit(
            R2.classify,
            p=p,
            c_R=0.3 * np.ones(11),
            l_R=0.2,
            e_R=1.0,
            b_T=0.5,
            m_T=0.4,
            c_T=0.2,
            h_T=0.3,
        ).result()
    local = R.classify(
        p=p, c_R=0.3 * np.ones(11), l_R=0.2, e_R=1.0, b_T=0.5, m_T=0.4, c_T=0.2, h_T=0.3
    )
    assert np.array_equal(remote, local)
