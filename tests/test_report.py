"""The scenario report (``gametheory.scenarios.report``) against the TRIPP spec.

Expected values come from ``../shared/scenario_spec.md`` (section 3, "Examples",
and the closed forms stated there), typed here, never from the library:

* M1 at the defaults: the unique mixed equilibrium (4/5, 1/2), Preempt not
  dominant (``p*l_R = 1/10 < c_R = 3/10 < p*e_R = 1/2``); Preempt dominant iff
  ``c_R < p*l_R``; both sides prefer (Accept, Commercial) to (Preempt,
  Commercial) iff ``c_R > p*l_R`` (and ``p*b_T + c_T > 0``); M1 is not constant-sum.
* M5 at the defaults: war, ``Phi = 3/25``; no shift (``p1 = p0``) gives peace.
* M7 at the defaults: a stag hunt, ``q_star = 3/5``; (Strike, Strike) is an
  equilibrium iff ``p_f >= 1/2``.
* M3: Preempt strictly dominant iff ``c_R < p*(l_R + k_K*e_K)``.
* M2 defaults: (1/2, 1/5, 1); M4 defaults: ``mu_star = 1/2``; M6: ``gamma_star = 2/9``.

Probabilities are checked against independent oracles: closed forms integrated
by hand under the priors of ``seeds/tripp.toml`` (``p ~ Beta(2, 2)``, ``c_R ~
U(0, 1)``, ``l_R ~ U(0, 1/2)`` give ``P(c_R < p*l_R) = E[p] E[l_R] = 1/8``) and
scipy's distribution functions (``p_f ~ Beta(6, 4)``).
"""

from __future__ import annotations

import json
import math
from fractions import Fraction as F

import numpy as np
import pytest
import sympy
from scipy import stats

from gametheory.scenarios import report as report_module
from gametheory.scenarios import tripp
from gametheory.scenarios.report import (
    VERDICTS,
    ScenarioAnalysis,
    TrippScenario,
    analyze,
)

N = 20_000
SURPRISE = tripp.default_path().with_name("surprise_attack.toml")
HAVE_BAYES = report_module._optional("gametheory.scenarios.tripp_bayesian")[0] is not None
HAVE_PBE = report_module._optional("gametheory.solvers.pbe")[0] is not None


@pytest.fixture(scope="module")
def analysis() -> TrippScenario:
    return analyze()


@pytest.fixture(scope="module")
def report(analysis):
    return analysis.report(samples=N, rng=0)


def _points(names, n=4000, seed=1):
    """Random points in the parameters' bounds (unbounded ones in [0, 5])."""
    space = tripp.load().space
    rng = np.random.default_rng(seed)
    out = {}
    for name in names:
        low = float(space[name].lower)
        high = float(space[name].upper) if space[name].upper is not None else 5.0
        out[name] = rng.uniform(low, high, n)
    return out


def _agrees(condition, expected, names, **fixed):
    pts = _points(names)
    pts.update({k: np.full(len(next(iter(pts.values()))), float(v)) for k, v in fixed.items()})
    got = np.asarray(condition.compile()(**{k: v for k, v in pts.items()
                                            if k in {s.name for s in condition.parameters}}))
    return np.array_equal(got, expected(**pts))


# ---------------------------------------------------------------------------
# Models at the defaults (spec section 3, "Examples")
# ---------------------------------------------------------------------------


def test_every_model_of_the_family_is_reported(report):
    expected = ["M1", "M2", "M3", "M5", "M7"] + (["M4", "M6"] if HAVE_BAYES else [])
    assert sorted(m.id for m in report.models) == sorted(expected)


def test_m1_at_defaults_unique_mixed_equilibrium(report):
    m1 = report.model("M1")
    assert m1.regime == "unique mixed"
    values = dict(m1.values)
    assert (values["sigma_star"], values["tau_star"], values["p_T"]) == ("4/5", "1/2", "1/4")
    assert (values["U_R"], values["U_T"]) == ("-3/5", "7/50")
    (line,) = m1.equilibria
    assert "Preempt 4/5" in line and "Militarize 1/2" in line and m1.exact


def test_m2_at_defaults(report):
    m2 = report.model("M2")
    values = dict(m2.values)
    assert (values["sigma_A"], values["sigma_U"], values["r"]) == ("1/2", "8/9", "3/5")
    if m2.method == "enumpoly":
        (line,) = m2.equilibria
        assert "Preempt 1/2" in line and "Align 1/5" in line and "US: Militarize" in line


@pytest.mark.skipif(not HAVE_PBE, reason="the PBE solver has not landed")
def test_m3_at_defaults_sequential_equilibrium(report):
    # spec: (s, a, u) = (3/4, 4/5, 15/32)
    (line,) = report.model("M3").equilibria
    assert "Preempt 3/4" in line and "Host 4/5" in line and "Militarize 15/32" in line


def test_m3_regime_is_belief_dependent(report):
    # spec: 0 < mu_star = 3/8 < 1 at the defaults, so neither action is dominant
    assert report.model("M3").regime.startswith("no dominant action for Russia")


def test_m5_at_defaults_war(report):
    m5 = report.model("M5")
    values = dict(m5.values)
    assert m5.regime == "war"
    assert values["Phi"] == "3/25"
    assert (values["p1_star"], values["Delta_star"], values["C_R_star"], values["delta_star"]) \
        == ("8/15", "1/15", "14", "4/5")


def test_m7_at_defaults_stag_hunt(report):
    m7 = report.model("M7")
    assert m7.regime == "stag hunt"
    assert dict(m7.values)["q_star"] == "3/5"
    assert len(m7.equilibria) == 3


@pytest.mark.skipif(not HAVE_BAYES, reason="M4 and M6 have not landed")
def test_bayesian_models_at_defaults(report):
    assert dict(report.model("M4").values)["mu_star"] == "1/2"
    assert dict(report.model("M6").values)["gamma_star"] == "2/9"
    assert report.model("M6").regime.startswith("Azerbaijan challenges")


# ---------------------------------------------------------------------------
# Claims: verdicts and conditions
# ---------------------------------------------------------------------------

# Verdicts implied by the spec: C1, C3, C4 and C7 follow from the domain (losses
# and gains strictly positive); C5's "zero-sum" fails (M1 is not constant-sum);
# C2, C6, C8 depend on the parameters (regimes of M1, M5, M7); C9 holds iff
# pi_O < mu_star (M4), which fails at the defaults.
VERDICT_TABLE = [
    pytest.param("C1", "supported", id="C1-commercial-corridor-costs-Russia"),
    pytest.param("C2", "conditional", id="C2-militarization-depends-on-regime"),
    pytest.param("C3", "supported", id="C3-Azerbaijan-aligns-if-unthreatened"),
    pytest.param("C4", "supported", id="C4-US-militarizes-if-unthreatened"),
    pytest.param("C5", "not supported", id="C5-not-zero-sum"),
    pytest.param("C6", "conditional", id="C6-preventive-war-needs-Phi-positive"),
    pytest.param("C7", "supported", id="C7-Kazakhstan-enlarges-preemption"),
    pytest.param("C8", "conditional", id="C8-fear-equilibrium-needs-first-strike-edge"),
]
if HAVE_BAYES:
    VERDICT_TABLE.append(pytest.param("C9", "conditional", id="C9-open-corridor-iff-low-prior"))


@pytest.mark.parametrize(("tag", "verdict"), VERDICT_TABLE)
def test_claim_verdicts(report, tag, verdict):
    claim = report.claim(tag)
    assert claim.verdict == verdict
    assert claim.verdict in VERDICTS
    assert claim.findings, "every claim is tested by at least one finding"


def test_preempt_dominance_condition_and_default(report):
    f = report.claim("C5").finding("preempt-dominant")
    assert f.text == "c_R < l_R*p" and f.latex == "c_{R} < l_{R} p"
    assert f.holds_at_defaults is False  # 3/10 > p*l_R = 1/10
    assert _agrees(f.condition, lambda c_R, p, l_R, **_: c_R < p * l_R, ["c_R", "p", "l_R"])
    sentence = f.sentence()
    assert sentence.startswith("Preempt strictly dominates Accept in M1 iff c_R < l_R*p; "
                               "at the defaults: no; under the priors this holds with "
                               "probability 0.1")


def test_accept_dominance_condition(report):
    f = report.claim("C5").finding("accept-dominant")
    assert _agrees(f.condition, lambda c_R, p, e_R, **_: c_R > p * e_R, ["c_R", "p", "e_R"])


def test_zero_sum_verdict(report):
    z = report.claim("C5").zero_sum
    assert z is not None and z.verdict == "not supported"
    assert z.constant_sum.probability.exact == 0
    assert z.constant_sum.holds_at_defaults is False
    # spec: both prefer (A, C) to (P, C) iff c_R > p*l_R (and p*b_T + c_T > 0)
    assert _agrees(z.bargaining_range.condition,
                   lambda c_R, p, l_R, b_T, c_T, **_: (c_R > p * l_R) & (p * b_T + c_T > 0),
                   ["c_R", "p", "l_R", "b_T", "c_T"])
    assert z.bargaining_range.holds_at_defaults is True
    keys = {m.key for m in z.mechanisms}
    assert {"commitment-problem", "first-strike-advantage"} <= keys
    if HAVE_BAYES:
        assert "private-information" in keys
    assert "commitment problem" in z.summary and "first-strike advantage" in z.summary


def test_mechanisms_at_defaults(report):
    z = report.claim("C5").zero_sum
    by_key = {m.key: m for m in z.mechanisms}
    assert by_key["commitment-problem"].holds_at_defaults is True  # Phi = 3/25 > 0
    assert by_key["first-strike-stag-hunt"].holds_at_defaults is True
    assert by_key["first-strike-dominant"].holds_at_defaults is False
    if HAVE_BAYES:  # spec: (iii) hybrid with P[war] = 2/5 at the defaults
        assert by_key["private-information"].holds_at_defaults is True


def test_preventive_war_condition_matches_the_decision_rule(analysis):
    """The condition without Max against M5.decide (exact) at grid points."""
    M5 = analysis.models["M5"]
    war = analysis.m5_war()
    for delta in ("1/10", "1/2", "3/4", "9/10"):
        for p1 in ("0", "1/5", "2/5", "11/20", "3/5"):
            for C_R in ("0", "1", "2", "5"):
                point = {"delta": delta, "p0": "3/5", "p1": p1, "C_R": C_R}
                assert war.holds(**point) == M5.decide(**point).war, point


def test_no_war_without_shift(report):
    f = report.claim("C6").finding("no-shift-no-war")
    assert f.text == "False" and f.probability.exact == 0


def test_kazakhstan_threshold(report):
    f = report.claim("C7").finding("kazakhstan-enlarges-preemption")
    assert "c_R < p*(e_K*k_K + l_R)" in f.statement  # spec: c_R < p*(l_R + k_K*e_K)
    assert f.holds_at_defaults is True


def test_fear_equilibrium_condition(report):
    f = report.claim("C8").finding("fear-equilibrium")
    assert f.text == "p_f >= 1/2"


# ---------------------------------------------------------------------------
# Probabilities
# ---------------------------------------------------------------------------


def _close(estimate, exact, n=N, k=4.0):
    sd = math.sqrt(max(exact * (1 - exact), 1e-12) / n)
    return abs(estimate - exact) <= k * sd


def test_preempt_dominance_probability_against_hand_integral(report):
    # c_R ~ U(0, 1), p ~ Beta(2, 2), l_R ~ U(0, 1/2), p*l_R <= 1/2: P = E[p] E[l_R] = 1/8
    est = report.claim("C5").finding("preempt-dominant").probability
    assert est.n == N and est.uncertain == ("p", "c_R", "l_R")
    assert _close(est.estimate, 1 / 8)
    assert est.low <= est.estimate <= est.high


def test_bargaining_range_probability(report):
    # p*b_T + c_T > 0 almost surely, so P = 1 - 1/8
    est = report.claim("C5").zero_sum.bargaining_range.probability
    assert _close(est.estimate, 7 / 8)


def test_accept_dominance_probability(report):
    # e_R has no prior: fixed at 1; P(c_R > p) = E[1 - p] = 1/2
    est = report.claim("C5").finding("accept-dominant").probability
    assert dict(est.fixed) == {"e_R": "1"}
    assert _close(est.estimate, 1 / 2)


def test_fear_probability_against_scipy(report):
    est = report.claim("C8").finding("fear-equilibrium").probability
    assert _close(est.estimate, float(stats.beta(6, 4).sf(0.5)))


def test_strike_dominance_probability_against_quadrature(report):
    from scipy import integrate

    p_f, c_W, v_sq = stats.beta(6, 4), stats.beta(2, 6), stats.beta(5, 5)
    exact, _ = integrate.dblquad(
        lambda c, v: c_W.pdf(c) * v_sq.pdf(v) * p_f.sf(max(0.5, v + c)), 0, 1, 0, 1)
    est = report.claim("C8").finding("strike-dominant").probability
    assert _close(est.estimate, exact)


def test_monte_carlo_agrees_with_exact_probabilities(report):
    """Wherever the report has an exact probability and draws, the draws agree with it."""
    checked = 0
    for claim in report.claims:
        every = list(claim.findings)
        if claim.zero_sum is not None:
            z = claim.zero_sum
            every += [z.constant_sum, z.bargaining_range, *z.mechanisms]
        for f in every:
            est = f.probability
            if est.exact is None or est.n == 0:
                continue
            checked += 1
            if est.exact in (0, 1):
                assert est.successes == int(est.exact) * est.n, f.key
            else:
                assert est.low <= float(est.exact) <= est.high, f.key
    assert checked >= 2  # l_R > 0 (uniform prior: exact 1), constant-sum (exact 0)


def test_exact_probability_under_uniform_prior(report):
    est = report.claim("C1").finding("commercial-loss").probability
    assert est.exact == 1 and est.successes == est.n == N


# ---------------------------------------------------------------------------
# Output: JSON, text, determinism
# ---------------------------------------------------------------------------


def _walk(obj):
    if isinstance(obj, dict):
        for v in obj.values():
            yield from _walk(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _walk(v)
    else:
        yield obj


def test_to_dict_json_round_trip(report):
    data = report.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert json.loads(report.to_json()) == data
    leaves = list(_walk(data))
    assert not any(isinstance(x, int | float) and not isinstance(x, bool) for x in leaves), \
        "numbers are strings"
    c5 = next(c for c in data["claims"] if c["tag"] == "C5")
    assert c5["zero_sum"]["verdict"] == "not supported"
    finding = next(f for f in c5["findings"] if f["key"] == "preempt-dominant")
    assert finding["condition"] == "c_R < l_R*p"
    prob = finding["probability"]
    assert F(prob["estimate"]) == F(int(prob["successes"]), int(prob["n"])) and prob["n"] == str(N)
    m5 = next(m for m in data["models"] if m["id"] == "M5")
    assert m5["values"]["Phi"] == "3/25"


def test_to_text_names_every_claim_and_model(report):
    text = report.to_text()
    for claim in report.claims:
        assert f"### {claim.tag}: {claim.verdict.upper()}" in text
    for model in report.models:
        assert f"### {model.id}" in text
    assert "Zero-sum verdict: NOT SUPPORTED" in text
    assert "Preempt strictly dominates Accept in M1 iff c_R < l_R*p" in text


def test_report_is_deterministic_for_a_seed(analysis):
    a = analysis.report(samples=3000, rng=7, claims=["C5", "C8"], models=["M7"])
    b = analysis.report(samples=3000, rng=7, claims=["C5", "C8"], models=["M7"])
    c = analysis.report(samples=3000, rng=8, claims=["C5", "C8"], models=["M7"])
    assert a.to_dict() == b.to_dict()
    assert a.to_text() == b.to_text()
    assert a.to_dict() != c.to_dict()


def test_seed_of_a_finding_does_not_depend_on_the_others(analysis):
    alone = analysis.report(samples=2000, rng=3, claims=["C8"], models=[])
    together = analysis.report(samples=2000, rng=3, claims=["C1", "C8"], models=[])
    assert alone.claim("C8").to_dict() == together.claim("C8").to_dict()


# ---------------------------------------------------------------------------
# Other scenarios, missing modules, bad input
# ---------------------------------------------------------------------------


def test_generic_scenario_is_not_tripp_specific():
    # Schelling (1960): a stag hunt at the defaults p_f = 3/5, c_W = 1/4, v_sq = 1/2
    analysis = analyze(SURPRISE)
    assert type(analysis) is ScenarioAnalysis
    rep = analysis.report(samples=4000, rng=0)
    assert rep.model("Fear").regime == "(Wait, Wait), (Strike, Strike) + mixed"
    assert len(rep.model("Fear").equilibria) == 3
    s1 = rep.claim("S1")
    (f,) = s1.findings
    assert f.role == "assumption" and f.holds_at_defaults is True
    assert _agrees(f.condition, lambda p_f, c_W, v_sq, **_: (p_f > 0.5) & (p_f < v_sq + c_W),
                   ["p_f", "c_W", "v_sq"])
    assert s1.verdict == "conditional"


def test_missing_bayesian_module_leaves_a_marked_gap(monkeypatch):
    real = report_module._optional

    def fake(module):
        if module in ("gametheory.scenarios.tripp_bayesian", "gametheory.analysis.pbe_regions"):
            return None, f"{module} is not available (ImportError: simulated)"
        return real(module)

    monkeypatch.setattr(report_module, "_optional", fake)
    analysis = TrippScenario()
    assert "M4" not in analysis.models and "M6" not in analysis.models
    rep = analysis.report(samples=1000, rng=0, claims=["C5", "C9"], models=["M1"])
    assert any("M4 is not built" in g for g in rep.gaps)
    assert any("private-information mechanism (M4) is left out" in g for g in rep.gaps)
    keys = {m.key for m in rep.claim("C5").zero_sum.mechanisms}
    assert "private-information" not in keys and "commitment-problem" in keys
    # C9 falls back on its stated assumptions
    assert rep.claim("C9").findings[0].role == "assumption"
    assert "## Gaps" in rep.to_text()


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        pytest.param({"samples": 0}, ValueError, id="no-samples"),
        pytest.param({"claims": ["C99"]}, KeyError, id="unknown-claim"),
        pytest.param({"models": ["M9"]}, KeyError, id="unknown-model"),
        pytest.param({"rng": "seed"}, TypeError, id="bad-rng"),
    ],
)
def test_bad_report_arguments(analysis, kwargs, error):
    with pytest.raises(error):
        analysis.report(**kwargs)


def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        analyze(tmp_path / "nope.toml")


def test_malformed_file_names_the_key(tmp_path):
    from gametheory.errors import GameFormatError

    bad = tmp_path / "bad.toml"
    bad.write_text(SURPRISE.read_text().replace('default = "3/5"', 'default = "3/2"', 1))
    with pytest.raises(GameFormatError, match="parameters.p_f"):
        analyze(bad)


def test_condition_objects_are_exact(report):
    f = report.claim("C5").finding("preempt-dominant")
    c_R, p, l_R = (tripp.load().space.symbol(n) for n in ("c_R", "p", "l_R"))
    assert f.condition.holds(c_R="1/10", p="1/2", l_R="1/5") is False  # the knife-edge
    assert f.condition.holds(c_R=sympy.Rational(1, 11), p="1/2", l_R="1/5") is True
    assert {c_R, p, l_R} == set(f.condition.free_parameters)
