"""The TRIPP model family against the scenario spec (``../shared/scenario_spec.md``).

The library builds each model from ``seeds/tripp.toml`` and derives its
closed forms; the tests type the spec's formulas and worked examples and
compare. Equilibria at the worked examples are also checked against pygambit
(an independent oracle) where it applies.
"""

from __future__ import annotations

import itertools
from fractions import Fraction as F

import pygambit as gbt
import pytest
import sympy
from hypothesis import assume, given
from hypothesis import strategies as st

import gametheory as gt
from gametheory.equilibrium import certify
from gametheory.scenarios import tripp

from ._hypothesis import scaled

M1, M2, M3, M5, M7 = tripp.m1(), tripp.m2(), tripp.m3(), tripp.m5(), tripp.m7()


def sym(model, names):
    return [model.symbol(n) for n in names.split()]


def same(a, b) -> bool:
    return sympy.simplify(sympy.sympify(a) - sympy.sympify(b)) == 0


def second_action_probabilities(solution):
    """Each equilibrium as the tuple of P[second action] per player (spec convention)."""
    game = solution.game
    return {
        tuple(eq.profile[pl][game.strategies[i][1]] for i, pl in enumerate(game.players))
        for eq in solution
    }


def gambit_equilibria(game):
    """Independent oracle: pygambit's exact vertex enumeration (2 players)."""
    g = game.to_pygambit()
    result = gbt.nash.enummixed_solve(g, rational=True)
    return {
        tuple(F(str(eq[list(player.strategies)[1]])) for player in g.players)
        for eq in result.equilibria
    }


# ----------------------------------------------------------------------------- M1


def test_m1_payoffs_are_the_spec_table():
    p, c_R, l_R, e_R, b_T, m_T, c_T, h_T = sym(M1, "p c_R l_R e_R b_T m_T c_T h_T")
    spec = {
        ("Accept", "Commercial"): (-l_R, b_T),
        ("Accept", "Militarize"): (-e_R, b_T + m_T),
        ("Preempt", "Commercial"): (-(1 - p) * l_R - c_R, (1 - p) * b_T - c_T),
        ("Preempt", "Militarize"): (-(1 - p) * e_R - c_R, (1 - p) * (b_T + m_T) - c_T - h_T),
    }
    assert M1.game.players == ("Russia", "T")
    for cell, expected in spec.items():
        assert all(same(a, b) for a, b in zip(M1.game[cell], expected, strict=True)), cell
    assert M1.parameters == ("p", "c_R", "l_R", "e_R", "b_T", "m_T", "c_T", "h_T")


def test_m1_closed_forms_match_the_spec():
    p, c_R, l_R, e_R, b_T, m_T, c_T, h_T = sym(M1, "p c_R l_R e_R b_T m_T c_T h_T")
    d = M1.derived
    spec = {
        "preempt_gain_commercial": p * l_R - c_R,
        "preempt_gain_militarize": p * e_R - c_R,
        "militarize_gain_accept": m_T,
        "militarize_gain_preempt": (1 - p) * m_T - h_T,
        "p_T": 1 - h_T / m_T,
        "sigma_star": m_T / (p * m_T + h_T),
        "tau_star": (c_R - p * l_R) / (p * (e_R - l_R)),
        "U_R": -c_R / p,
        "U_T": b_T - m_T * (p * b_T + c_T) / (p * m_T + h_T),
    }
    for name, expected in spec.items():
        assert same(d[name], expected), name
    # inspection-game effect: Russia's war cost moves only T's mix
    assert c_R not in d["sigma_star"].free_symbols


def test_m1_closed_forms_at_the_defaults():
    # spec: p*l_R = 1/10, p*e_R = 1/2, p_T = 1/4
    c_R = sympy.Rational(3, 10)
    assert M1.evaluate("p_T") == sympy.Rational(1, 4)
    assert M1.evaluate("preempt_gain_commercial") + c_R == sympy.Rational(1, 10)
    assert M1.evaluate("preempt_gain_militarize") + c_R == sympy.Rational(1, 2)


M1_EXAMPLES = [
    # spec M1 "Examples": overrides, {(P[Preempt], P[Militarize])}, payoffs
    pytest.param({}, {(F(4, 5), F(1, 2))}, (F(-3, 5), F(7, 50)), id="defaults-unique-mixed"),
    pytest.param({"c_R": "1/20"}, {(F(1), F(0))}, None, id="cheap-war-preempt-commercial"),
    pytest.param({"p": "1/5", "c_R": "1/10"}, {(F(1), F(1))}, None,
                 id="low-p-preempt-militarize"),
]  # fmt: skip


@pytest.mark.parametrize(("overrides", "expected", "payoffs"), M1_EXAMPLES)
def test_m1_worked_examples(overrides, expected, payoffs):
    game = M1.at(**overrides)
    solution = gt.solve(game)
    assert solution.exact and solution.complete in ("all", "all-extreme")
    assert len(solution) == len(expected)
    assert second_action_probabilities(solution) == expected
    assert gambit_equilibria(game) == expected
    if payoffs is not None:
        assert tuple(solution[0].payoffs[p] for p in game.players) == payoffs


def test_m1_defaults_cell_sums():
    game = M1.at()
    sums = {cell: sum(game[cell]) for cell in itertools.product(*game.strategies)}
    assert sums == {
        ("Accept", "Commercial"): F(3, 10),
        ("Accept", "Militarize"): F(-1, 10),
        ("Preempt", "Commercial"): F(-7, 20),
        ("Preempt", "Militarize"): F(-17, 20),
    }


def test_m1_cheap_war_makes_preempt_strictly_dominant():
    game = M1.at(c_R="1/20")  # c_R < p*l_R = 1/10
    A = game.payoff_array("Russia")
    assert all(A[1, j] > A[0, j] for j in range(2))
    solution = gt.solve(game, method="dominance")
    assert [eq.pure_profile() for eq in solution] == [("Preempt", "Commercial")]


def test_m1_low_p_makes_militarize_dominant():
    game = M1.at(p="1/5", c_R="1/10")  # p < p_T = 1/4
    B = game.payoff_array("T")
    assert all(B[i, 1] > B[i, 0] for i in range(2))


def test_m1_is_not_constant_sum_and_war_burns_value():
    """C5, the 'zero-sum' claim: the differences of cell sums are the spec's."""
    p, c_R, l_R, e_R, b_T, m_T, c_T, h_T = sym(M1, "p c_R l_R e_R b_T m_T c_T h_T")
    g = M1.game
    total = {cell: sum(g[cell]) for cell in itertools.product(*g.strategies)}
    assert same(
        total["Preempt", "Commercial"] - total["Accept", "Commercial"], -p * (b_T - l_R) - c_R - c_T
    )
    assert same(
        total["Preempt", "Militarize"] - total["Accept", "Militarize"],
        -p * (b_T + m_T - e_R) - c_R - c_T - h_T,
    )
    assert not g.is_constant_sum
    # both players prefer (Accept, Commercial) to (Preempt, Commercial) when c_R > p*l_R
    gain_R = g["Accept", "Commercial"][0] - g["Preempt", "Commercial"][0]
    gain_T = g["Accept", "Commercial"][1] - g["Preempt", "Commercial"][1]
    assert same(gain_R, c_R - p * l_R) and same(gain_T, p * b_T + c_T)


def _grid_points():
    """Exact points of M1's domain (others at the defaults) for condition checks."""
    values = [F(k, 10) for k in range(0, 11, 2)] + [F(1, 20), F(1, 4), F(1, 3)]
    defaults = {k: F(str(v)) for k, v in M1.defaults().items()}
    for p, c_R, l_R in itertools.product(values, values, [F(1, 5), F(1, 2)]):
        yield {**defaults, "p": p, "c_R": c_R, "l_R": l_R}


def test_m1_dominance_conditions_are_the_spec_rays():
    conditions = pytest.importorskip("gametheory.analysis.conditions")
    e_R, l_R = sym(M1, "e_R l_R")
    preempt = conditions.dominance_condition(M1.game, "Russia", "Preempt", assumptions=[e_R > l_R])
    accept = conditions.dominance_condition(M1.game, "Russia", "Accept", assumptions=[e_R > l_R])
    militarize = conditions.dominance_condition(M1.game, "T", "Militarize")
    for v in _grid_points():
        assert preempt.holds(**v) == (v["c_R"] < v["p"] * v["l_R"]), v
        assert accept.holds(**v) == (v["c_R"] > v["p"] * v["e_R"]), v
        assert militarize.holds(**v) == (v["p"] < 1 - v["h_T"] / v["m_T"]), v


def _spec_m1_equilibria(v):
    """Spec M1 "Equilibria", away from knife-edges: the labels of the equilibria."""
    p, c_R, l_R, e_R = v["p"], v["c_R"], v["l_R"], v["e_R"]
    p_T = 1 - v["h_T"] / v["m_T"]
    if c_R > p * e_R:
        return {"(Accept, Militarize)"}
    if c_R < p * l_R:
        return {"(Preempt, Militarize)"} if p < p_T else {"(Preempt, Commercial)"}
    return {"(Preempt, Militarize)"} if p < p_T else {"mixed"}


def test_m1_equilibrium_conditions_are_the_spec_piecewise_description():
    conditions = pytest.importorskip("gametheory.analysis.conditions")
    if not hasattr(conditions, "equilibrium_conditions"):
        pytest.skip("equilibrium_conditions has not landed")
    e_R, l_R = sym(M1, "e_R l_R")
    eqc = conditions.equilibrium_conditions(M1.game, assumptions=[e_R > l_R])
    (mixed,) = eqc.mixed
    assert same(mixed.probability("Russia", "Preempt"), M1.derived["sigma_star"])
    assert same(mixed.probability("T", "Militarize"), M1.derived["tau_star"])
    checked = 0
    for v in _grid_points():
        p_T = 1 - v["h_T"] / v["m_T"]
        edges = (v["c_R"] - v["p"] * v["l_R"], v["c_R"] - v["p"] * v["e_R"], v["p"] - p_T, v["p"])
        if 0 in edges:
            continue  # knife-edges give components, checked elsewhere
        labels = {str(e.label) for e in eqc.holding(**{k: str(x) for k, x in v.items()})}
        labels = {"mixed" if label.startswith("mixed") else label for label in labels}
        assert labels == _spec_m1_equilibria(v), v
        checked += 1
    assert checked > 20


def test_m1_regime_map_has_the_four_spec_regions():
    conditions = pytest.importorskip("gametheory.analysis.conditions")
    if not hasattr(conditions, "regions"):
        pytest.skip("regions has not landed")
    regime_map = conditions.regions(M1.game, ["p", "c_R"], assumptions="e_R > l_R")
    labels = sorted(r.label for r in regime_map)
    assert labels == [
        "(Accept, Militarize)",
        "(Preempt, Commercial)",
        "(Preempt, Militarize)",
        "unique mixed",
    ]
    assert regime_map.locate(p="1/2", c_R="3/10").label == "unique mixed"  # the default point
    assert regime_map.locate(p="1/2", c_R="1/20").label == "(Preempt, Commercial)"
    assert regime_map.locate(p="1/5", c_R="1/10").label == "(Preempt, Militarize)"


def test_m1_preemption_threshold_in_the_war_cost():
    conditions = pytest.importorskip("gametheory.analysis.conditions")
    if not hasattr(conditions, "threshold"):
        pytest.skip("threshold has not landed")
    p, l_R, e_R = sym(M1, "p l_R e_R")
    dominant = conditions.dominance_condition(M1.game, "Russia", "Preempt", assumptions=[e_R > l_R])
    t = conditions.threshold(dominant, "c_R")
    assert t.relation == "<" and same(t.bound, p * l_R)


# ----------------------------------------------------------------------------- M2


def test_m2_payoffs_are_the_spec_multilinear_forms():
    p, c_R, l_R, e_A, e_U = sym(M2, "p c_R l_R e_A e_U")
    b_A, g_A, c_A, h_A, b_U, g_U, c_U, h_U = sym(M2, "b_A g_A c_A h_A b_U g_U c_U h_U")
    for y, x_A, x_U in itertools.product((0, 1), repeat=3):
        u_R = -(1 - p * y) * (l_R + e_A * x_A + e_U * x_U) - c_R * y
        u_A = (1 - p * y) * (b_A + g_A * x_A) - y * (c_A + h_A * x_A)
        u_U = (1 - p * y) * (b_U + g_U * x_U) - y * (c_U + h_U * x_U)
        cell = M2.game[y, x_A, x_U]
        assert all(same(a, b) for a, b in zip(cell, (u_R, u_A, u_U), strict=True)), (y, x_A, x_U)


def test_m2_closed_forms_and_the_e_R_convention():
    p, c_R, l_R, e_A, e_U, g_A, h_A, g_U, h_U = sym(M2, "p c_R l_R e_A e_U g_A h_A g_U h_U")
    d = M2.derived
    assert same(d["sigma_A"], g_A / (p * g_A + h_A))
    assert same(d["sigma_U"], g_U / (p * g_U + h_U))
    assert same(d["r"], c_R / p)
    assert same(d["e_R"], l_R + e_A + e_U)
    # the illustrative defaults agree with M1's unit: l_R + e_A + e_U = e_R = 1
    defaults = tripp.load().defaults()
    assert defaults["l_R"] + defaults["e_A"] + defaults["e_U"] == defaults["e_R"] == 1
    # sigma_i >= 1 iff (1-p)*g_i >= h_i (aligns even under certain attack)
    for g, h in [("1/5", "1/20"), ("1/5", "3/10"), ("1/5", "1/10")]:
        sigma = M2.evaluate("sigma_A", g_A=g, h_A=h)
        assert (sigma >= 1) == ((1 - F(1, 2)) * F(g) >= F(h))


M2_EXAMPLES = [
    # spec M2 "Examples": overrides, (P[Preempt], P[Align], P[Militarize])
    pytest.param({}, (F(1, 2), F(1, 5), F(1)), id="defaults"),
    pytest.param({"c_R": "1/5"}, (F(8, 9), F(0), F(2, 3)), id="cheaper-war"),
    pytest.param({"c_R": "1/5", "h_A": "1/20"}, (F(1), F(1), F(0)), id="committed-azerbaijan"),
]


@pytest.mark.parametrize(("overrides", "expected"), M2_EXAMPLES)
def test_m2_worked_examples_are_equilibria(overrides, expected):
    game = M2.at(**overrides)
    profile = [[1 - q, q] for q in expected]
    certify(game, profile, "spec")  # raises VerificationError if not an equilibrium
    pure = gt.solve(game, method="pure")
    pure_expected = {expected} if all(q in (0, 1) for q in expected) else set()
    assert second_action_probabilities(pure) == pure_expected


@pytest.mark.parametrize(("overrides", "expected"), M2_EXAMPLES)
def test_m2_worked_examples_are_the_unique_equilibrium(overrides, expected):
    pytest.importorskip("gametheory.solvers.polynomial")
    solution = gt.solve(M2.at(**overrides), method="enumpoly")
    assert second_action_probabilities(solution) == {expected}


# ----------------------------------------------------------------------------- M3


def test_m3_is_built_from_the_seeds_with_one_russian_information_set():
    game = M3.game
    assert game.players == ("US", "Azerbaijan", "Russia")
    (infoset,) = game.infosets("Russia")
    assert len(infoset.nodes) == 3


def test_m3_russia_gain_from_preempting_is_the_spec_formula():
    """Spec M3: gain = p*(l_R + k_K*e_K) + p*(e_R - l_R)*mu - c_R, mu = 1 iff Mil*Host."""
    p, c_R, l_R, e_R, k_K, e_K = sym(M3, "p c_R l_R e_R k_K e_K")
    nf = M3.game.to_normal_form()
    russia = nf.players.index("Russia")
    for profile in itertools.product(*nf.strategies[:russia]):
        accept = nf[(*profile, "Accept")][russia]
        preempt = nf[(*profile, "Preempt")][russia]
        mu = 1 if profile == ("Militarize", "Host") else 0
        expected = p * (l_R + k_K * e_K) + p * (e_R - l_R) * mu - c_R
        assert same(preempt - accept, expected), profile


# ----------------------------------------------------------------------------- M5


def test_m5_closed_forms_match_the_spec():
    delta, p0, p1, C_R = sym(M5, "delta p0 p1 C_R")
    assert same(M5.Phi, delta * (p0 - p1) - (1 - delta) * (1 - p0) - (1 - delta) ** 2 * C_R)
    assert same(M5.p1_star, (p0 - (1 - delta) * (1 + (1 - delta) * C_R)) / delta)
    assert same(M5.Delta_star, (1 - delta) * (1 - p0 + (1 - delta) * C_R) / delta)
    assert same(M5.C_R_star, (delta * (p0 - p1) - (1 - delta) * (1 - p0)) / (1 - delta) ** 2)
    u_star = (-(1 - p1) + sympy.sqrt((1 - p1) ** 2 + 4 * C_R * (p0 - p1))) / (2 * C_R)
    assert same(M5.delta_star, 1 - u_star)
    assert same(M5.W_R(1), p0 / (1 - delta) - C_R) and same(M5.W_R(3), M5.W_R(2))
    # C_T does not enter the war/peace decision
    assert M5.symbol("C_T") not in M5.Phi.free_symbols | M5.x1.free_symbols
    # Phi increases in delta on the domain: dPhi/ddelta = 1 - p1 + 2*(1-delta)*C_R
    assert same(sympy.diff(M5.Phi, delta), 1 - p1 + 2 * (1 - delta) * C_R)


@scaled(30, deadline=None)
@given(
    delta=st.fractions(F(1, 50), F(49, 50), max_denominator=50),
    p0=st.fractions(0, 1, max_denominator=40),
    p1=st.fractions(0, 1, max_denominator=40),
    C_R=st.fractions(0, 40, max_denominator=10),
)
def test_m5_decision_from_first_principles(delta, p0, p1, C_R):
    """War iff W_R(1) > 1 + delta*max(W_R(2), 0); peace keeps Russia at least indifferent."""
    W_R1 = p0 / (1 - delta) - C_R
    W_R2 = p1 / (1 - delta) - C_R
    out = M5.decide(delta=delta, p0=p0, p1=p1, C_R=C_R)
    assert out.war == (1 + delta * max(W_R2, 0) < W_R1)
    if not out.war:
        x2 = max(0, p1 - (1 - delta) * C_R)
        assert out.x2 == x2 and x2 / (1 - delta) >= W_R2  # accepts from period 2 on
        assert 0 <= out.x1 <= 1 and out.x1 + delta * x2 / (1 - delta) >= W_R1
        # T cannot offer less in period 1 without Russia fighting (unless already 0)
        assert out.x1 == 0 or out.x1 + delta * x2 / (1 - delta) == W_R1


def test_m5_defaults_war():
    out = M5.decide()
    assert out.war and out.x1 is None
    assert out.W_R1 == 4 and out.best_peace == sympy.Rational(14, 5)
    assert out.Phi == sympy.Rational(3, 25)
    assert M5.evaluate("p1_star") == sympy.Rational(8, 15)
    assert M5.evaluate("Delta_star") == sympy.Rational(1, 15)
    assert M5.evaluate("C_R_star") == 14
    assert M5.evaluate("delta_star") == sympy.Rational(4, 5)


M5_PEACE = [
    # spec M5 "Examples": overrides, Phi, x1, x2, p1_star (None: not listed), delta_star
    pytest.param({"p1": "11/20"}, "-3/200", "17/20", "7/20", None, "(89 - sqrt(241))/80",
                 id="smaller-shift"),
    pytest.param({"delta": "3/4", "C_R": "1"}, "-1/80", "19/20", "3/20", "23/60",
                 "(13 - sqrt(29))/10", id="impatient-cheap-war"),
]  # fmt: skip


@pytest.mark.parametrize(("overrides", "phi", "x1", "x2", "p1_star", "delta_star"), M5_PEACE)
def test_m5_peace_examples(overrides, phi, x1, x2, p1_star, delta_star):
    out = M5.decide(**overrides)
    assert not out.war
    assert (out.Phi, out.x1, out.x2) == (
        sympy.Rational(phi),
        sympy.Rational(x1),
        sympy.Rational(x2),
    )
    if p1_star is not None:
        assert M5.evaluate("p1_star", **overrides) == sympy.Rational(p1_star)
    expected = sympy.sympify(delta_star)
    assert same(M5.evaluate("delta_star", **overrides), expected)


def test_m5_spec_decimal_values_of_delta_star():
    assert abs(float(M5.evaluate("delta_star", p1="11/20")) - 0.918448) < 5e-7
    assert abs(float(M5.evaluate("delta_star", delta="3/4", C_R=1)) - 0.761484) < 5e-7


def test_m5_no_shift_means_peace_symbolically():
    """Zero-sum test: with p1 = p0, Phi = -(1-delta)*(1-p0) - (1-delta)**2*C_R <= 0."""
    delta, p0, p1, C_R = sym(M5, "delta p0 p1 C_R")
    u = sympy.Symbol("u", positive=True)  # 1 - delta > 0
    a = sympy.Symbol("a", nonnegative=True)  # 1 - p0 >= 0
    phi = sympy.expand(M5.Phi.subs(p1, p0).subs({delta: 1 - u, p0: 1 - a}))
    assert phi == sympy.expand(-a * u - C_R * u**2)
    assert phi.is_nonpositive  # zero only at p0 = 1 and C_R = 0, where Russia accepts


@scaled(30, deadline=None)
@given(
    delta=st.fractions(F(1, 50), F(49, 50), max_denominator=50),
    p0=st.fractions(0, 1, max_denominator=40),
    C_R=st.fractions(0, 20, max_denominator=20),
)
def test_m5_no_shift_is_always_peace(delta, p0, C_R):
    out = M5.decide(delta=delta, p0=p0, p1=p0, C_R=C_R)
    assert not out.war and out.Phi <= 0


@scaled(30, deadline=None)
@given(
    delta=st.fractions(F(1, 50), F(49, 50), max_denominator=50),
    p0=st.fractions(0, 1, max_denominator=40),
    p1=st.fractions(0, 1, max_denominator=40),
    C_R=st.fractions(F(1, 20), 20, max_denominator=20),
)
def test_m5_thresholds_agree_with_the_decision(delta, p0, p1, C_R):
    values = {"delta": delta, "p0": p0, "p1": p1, "C_R": C_R}
    out = M5.decide(**values)
    assume(out.W_R2 >= 0)  # the spec's Phi criterion covers this case
    assert out.war == (out.Phi > 0)
    assert out.war == (p1 < M5.evaluate("p1_star", **values))
    assert out.war == (p0 - p1 > M5.evaluate("Delta_star", **values))
    assert out.war == (M5.evaluate("C_R_star", **values) > C_R)
    if p0 > p1:
        assert out.war == bool(delta > M5.evaluate("delta_star", **values))
    if not out.war:  # spec: x1 = (p0 - delta*p1)/(1-delta) - (1-delta)*C_R, floored at 0
        x1 = (p0 - delta * p1) / (1 - delta) - (1 - delta) * C_R
        assert out.x1 == max(0, x1)
        assert out.x2 == p1 - (1 - delta) * C_R


# ----------------------------------------------------------------------------- M7


def test_m7_payoffs_and_closed_forms_match_the_spec():
    p_f, c_W, v_sq = sym(M7, "p_f c_W v_sq")
    g = M7.game
    row = {("Wait", "Wait"): v_sq, ("Wait", "Strike"): 1 - p_f - c_W,
           ("Strike", "Wait"): p_f - c_W, ("Strike", "Strike"): sympy.Rational(1, 2) - c_W}  # fmt: skip
    for (a, b), value in row.items():
        assert same(g[a, b][0], value) and same(g[b, a][1], value)  # symmetric
    d = M7.derived
    assert same(d["strike_gain_wait"], p_f - c_W - v_sq)
    assert same(d["strike_gain_strike"], p_f - sympy.Rational(1, 2))
    assert same(d["q_star"], (v_sq + c_W - p_f) / (v_sq + c_W - sympy.Rational(1, 2)))
    assert same(
        d["q_star"].subs(v_sq, sympy.Rational(1, 2)), 1 - (p_f - sympy.Rational(1, 2)) / c_W
    )
    assert same(d["risk_dominance_boundary"], (v_sq + c_W + sympy.Rational(1, 2)) / 2)


def test_m7_dominance_and_equilibrium_regions_are_the_spec_conditions():
    conditions = pytest.importorskip("gametheory.analysis.conditions")
    if not hasattr(conditions, "threshold"):
        pytest.skip("threshold has not landed")
    p_f, c_W, v_sq = sym(M7, "p_f c_W v_sq")
    half = sympy.Rational(1, 2)
    wait = conditions.threshold(conditions.dominance_condition(M7.game, "Russia", "Wait"), "p_f")
    strike = conditions.threshold(
        conditions.dominance_condition(M7.game, "Russia", "Strike"), "p_f"
    )
    assert wait.relation == "<" and same(wait.bound, sympy.Min(half, v_sq + c_W))
    assert strike.relation == ">" and same(strike.bound, sympy.Max(half, v_sq + c_W))
    eqc = conditions.equilibrium_conditions(M7.game)
    # stag hunt (1/2 < p_f < v_sq + c_W): both symmetric pure equilibria and the mixed one
    for values, expected in [
        ({"p_f": "3/5", "c_W": "1/4", "v_sq": "1/2"}, 3),  # stag hunt
        ({"p_f": "4/5", "c_W": "1/4", "v_sq": "1/2"}, 1),  # Strike dominant
        ({"p_f": "2/5", "c_W": "1/10", "v_sq": "1/5"}, 3),  # chicken: two asymmetric + mixed
    ]:
        assert len(eqc.holding(**values)) == expected, values


def test_m7_defaults_stag_hunt():
    assert M7.evaluate("strike_gain_wait") < 0 < M7.evaluate("strike_gain_strike")  # stag hunt
    assert M7.evaluate("q_star") == sympy.Rational(3, 5)
    assert M7.evaluate("risk_dominance_boundary") == sympy.Rational(5, 8)
    assert M7.evaluate("risk_dominance_product") > 0  # (Wait, Wait) risk-dominant
    game = M7.at()
    expected = {(F(0), F(0)), (F(3, 5), F(3, 5)), (F(1), F(1))}
    assert second_action_probabilities(gt.solve(game, method="enummixed")) == expected
    assert gambit_equilibria(game) == expected


def test_m7_big_first_strike_edge_makes_strike_dominant():
    game = M7.at(p_f="4/5")
    A = game.payoff_array("Russia")
    assert all(A[1, j] > A[0, j] for j in range(2))
    assert second_action_probabilities(gt.solve(game)) == {(F(1), F(1))}


def test_m7_moderate_edge_lowers_the_fear_threshold():
    assert M7.evaluate("q_star", p_f="7/10") == sympy.Rational(1, 5)
    assert M7.evaluate("risk_dominance_product", p_f="7/10") < 0  # (Strike, Strike) risk-dominant
    expected = {(F(0), F(0)), (F(1, 5), F(1, 5)), (F(1), F(1))}
    assert second_action_probabilities(gt.solve(M7.at(p_f="7/10"))) == expected


# ----------------------------------------------------------------------------- the family


def test_models_carry_metadata_and_reject_foreign_parameters():
    family = tripp.models()
    assert sorted(family) == ["M1", "M2", "M3", "M4", "M5", "M6", "M7"]
    assert family["M5"].section.endswith("M5") and family["M1"].title.startswith("M1")
    with pytest.raises(gt.UnknownParameterError, match="M1 does not use the parameter 'delta'"):
        M1.at(delta="1/2")
    with pytest.raises(gt.InvalidGameError, match="outside"):
        M1.at(p=2)


def test_models_build_over_another_parameter_space():
    """A ParameterSpace re-declares bounds/defaults; the payoffs come from the seeds."""
    space = tripp.load().space
    table = {name: {"bounds": [str(space[name].lower), "inf" if space[name].upper is None
                               else str(space[name].upper)],
                    "default": str(space[name].default)} for name in space}  # fmt: skip
    table["p"]["default"] = "1/5"
    table["c_R"]["default"] = "1/10"
    other = gt.ParameterSpace.from_dict(table)
    game = tripp.m1(other).at()
    assert second_action_probabilities(gt.solve(game)) == {(F(1), F(1))}


def test_default_path_is_the_seeds_file():
    assert tripp.default_path().parent.name == "seeds"
    assert tripp.PACKAGED_PATH.read_bytes() == tripp.default_path().read_bytes()
