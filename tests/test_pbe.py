"""Perfect Bayesian and sequential equilibria, refinements, and the symbolic M4 regions.

Expected values are typed from ``scenario_spec.md`` (models M3, M4, M6) and from
the literature (Cho and Kreps 1987 for beer-quiche; Spence 1973 for the job
market, with the equilibrium conditions worked out by hand in the comments).
Independent oracles: pygambit (Nash check of every assessment found; beliefs
on the path) and a brute-force enumeration of pure PBE written here.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from fractions import Fraction as F
from typing import Any

import pygambit as gbt
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from gametheory.analysis.pbe_regions import pbe_regions
from gametheory.errors import (
    InvalidProfileError,
    MethodNotApplicableError,
    SymbolicGameError,
    VerificationError,
)
from gametheory.games import NormalFormGame
from gametheory.games.bayesian import SignalingGame
from gametheory.games.behavior import BehaviorProfile
from gametheory.games.extensive import ExtensiveFormGame
from gametheory.io.efg import efg_text
from gametheory.scenarios import tripp
from gametheory.scenarios.tripp_bayesian import m4, m6
from gametheory.solvers.pbe import certify_assessment, sequential_regrets, solve_pbe

from ._hypothesis import scaled

# --------------------------------------------------------------------------- helpers


def by_label(sol: Any) -> dict[str, Any]:
    out = {e.label: e for e in sol}
    assert len(out) == len(sol), "duplicate class labels"
    return out


def point(lo_hi: tuple[Any, Any]) -> Any:
    lo, hi = lo_hi
    assert lo == hi, f"expected a single value, got [{lo}, {hi}]"
    return lo


def gambit_game(tree: ExtensiveFormGame) -> Any:
    with tempfile.NamedTemporaryFile("w", suffix=".efg", delete=False) as fh:
        fh.write(efg_text(tree))
        name = fh.name
    try:
        return gbt.read_efg(name)
    finally:
        os.unlink(name)


def gambit_max_regret(tree: ExtensiveFormGame, behavior: BehaviorProfile) -> F:
    """Nash regret of a behaviour profile, computed by pygambit (independent oracle)."""
    gg = gambit_game(tree)
    prof = gg.mixed_behavior_profile(rational=True)
    ours = behavior.as_dict()
    for p in gg.players:
        for inf in p.infosets:
            for a in inf.actions:
                prof[a] = gbt.Rational(str(F(ours[p.label][inf.label][a.label])))
    return F(str(prof.max_regret()))


# --------------------------------------------------------------------------- M4 (spec)
# Spec M4: mu_star = (w_D-a_D)/((w_D-a_D)+(a_O-w_O)), r_t = g_t/(g_t+k_t);
# (i) pooling on Restrain, P[Preempt|Open] in [max(r_D,r_O),1]; (ii) pooling on Open,
# accepted, iff pi_O < mu_star; (iii) O mixes iff pi_O > mu_star and r_D > r_O;
# (iv) D mixes iff pi_O < mu_star and r_O > r_D.

I_, II, III, IV = ("pooling on Restrain", "pooling on Open",
                   "hybrid (O: Open/Restrain; D: Open)", "hybrid (O: Open; D: Open/Restrain)")
SWAPPED = {"g_D": "2/5", "k_D": "2/5", "g_O": "3/5", "k_O": "1/5"}  # r_D = 1/2, r_O = 3/4


def test_m4_defaults_hybrid_and_pooling_on_restrain() -> None:
    sol = solve_pbe(m4().at())
    assert sol.exact and sol.complete == "all"
    eqs = by_label(sol)
    assert set(eqs) == {I_, III}
    iii = eqs[III]
    assert point(iii.probability("O", "Open")) == F(2, 3)  # beta_O
    assert point(iii.probability("D", "Open")) == 1
    assert point(iii.probability("Open", "Preempt")) == F(1, 2)  # r_O
    assert point(iii.outcome_probability("Open", "Preempt")) == F(2, 5)  # P[war]
    assert point(iii.belief("Open", "O")) == F(1, 2)  # mu_star
    i = eqs[I_]
    assert i.probability("Open", "Preempt") == (F(3, 4), 1)  # [r_D, 1]
    assert i.belief("Open", "O") == (F(1, 2), 1)  # belief >= mu_star
    assert point(i.outcome_probability("Open")) == 0
    # "(i) ... fails D1" at the defaults (r_D > r_O)
    assert i.refinements["D1"] == "fails"
    assert iii.refinements["D1"] == "survives"
    assert [e.label for e in sol.surviving("D1")] == [III]


def test_m4_pooling_on_restrain_off_path_beliefs_are_an_interval() -> None:
    i = by_label(solve_pbe(m4().at()))[I_]
    pieces = {p.supports["Russia"]["Open"]: p for p in i.pieces}
    assert set(pieces) == {("Preempt",), ("Accept", "Preempt")}
    # preempt for sure: any belief >= mu_star; mixing: belief exactly mu_star
    assert pieces[("Preempt",)].off_path["Open"].range("O") == (F(1, 2), 1)
    assert pieces[("Accept", "Preempt")].off_path["Open"].is_point
    assert pieces[("Accept", "Preempt")].off_path["Open"].range("O") == (F(1, 2), F(1, 2))
    assert pieces[("Preempt",)].off_path["Open"].contains({"O": F(3, 4), "D": F(1, 4)})
    assert not pieces[("Preempt",)].off_path["Open"].contains({"O": F(1, 4), "D": F(3, 4)})


def test_m4_low_prior_pooling_on_open_and_restrain() -> None:
    eqs = by_label(solve_pbe(m4().at(pi_O="1/4")))
    assert set(eqs) == {I_, II}
    assert point(eqs[II].probability("Open", "Accept")) == 1
    assert point(eqs[II].belief("Open", "O")) == F(1, 4)


def test_m4_swapped_payoffs_only_pooling_on_restrain_which_survives_d1_at_p_one() -> None:
    eqs = by_label(solve_pbe(m4().at(pi_O="3/5", **SWAPPED)))
    assert set(eqs) == {I_}
    i = eqs[I_]
    assert i.probability("Open", "Preempt") == (F(3, 4), 1)  # [max(r_D, r_O), 1]
    # r_O > r_D: survives D1 only at P[Preempt|Open] = 1
    assert i.refinements["D1"] == "partly"
    verdict = {p.supports["Russia"]["Open"]: p.refinements["D1"] for p in i.pieces}
    assert verdict == {("Preempt",): True, ("Accept", "Preempt"): False}


def test_m4_swapped_payoffs_low_prior_three_classes() -> None:
    eqs = by_label(solve_pbe(m4().at(pi_O="1/4", **SWAPPED)))
    assert set(eqs) == {I_, II, IV}
    iv = eqs[IV]
    assert point(iv.probability("D", "Open")) == F(1, 3)  # beta_D
    assert point(iv.probability("O", "Open")) == 1
    assert point(iv.probability("Open", "Preempt")) == F(1, 2)  # r_D
    assert point(iv.outcome_probability("Open", "Preempt")) == F(1, 4)  # P[war]


def test_m4_knife_edge_pi_equals_mu_star_gives_a_continuum() -> None:
    # spec: at pi_O = mu_star, pooling on Open for P[Preempt] in [0, min(r_D, r_O)]
    eqs = by_label(solve_pbe(m4().at(pi_O="1/2")))
    assert eqs[II].probability("Open", "Preempt") == (0, F(1, 2))


# --------------------------------------------------------------------------- M4 symbolic

M4 = m4()
REGIONS = pbe_regions(M4.game, assumptions=M4.assumptions)


def spec_m4(v: dict[str, F]) -> dict[str, Any]:
    """The spec's closed forms, typed from scenario_spec.md M4."""
    mu = (v["w_D"] - v["a_D"]) / ((v["w_D"] - v["a_D"]) + (v["a_O"] - v["w_O"]))
    r = {t: v[f"g_{t}"] / (v[f"g_{t}"] + v[f"k_{t}"]) for t in "OD"}
    pi = v["pi_O"]
    classes = {I_}
    if pi < mu:
        classes.add(II)
    if pi > mu and r["D"] > r["O"]:
        classes.add(III)
    if pi < mu and r["O"] > r["D"]:
        classes.add(IV)
    return {
        "mu": mu, "r": r, "classes": classes,
        "beta_O": (1 - pi) * mu / (pi * (1 - mu)),
        "beta_D": pi * (1 - mu) / ((1 - pi) * mu),
        "war_iii": (1 - pi) * r["O"] / (1 - mu),
        "war_iv": pi * r["D"] / mu,
    }


def test_m4_derived_closed_forms_equal_the_spec() -> None:
    s = {n: M4.symbol(n) for n in M4.parameters}
    mu = (s["w_D"] - s["a_D"]) / ((s["w_D"] - s["a_D"]) + (s["a_O"] - s["w_O"]))
    spec = {
        "mu_star": mu,
        "r_O": s["g_O"] / (s["g_O"] + s["k_O"]),
        "r_D": s["g_D"] / (s["g_D"] + s["k_D"]),
        "beta_O": (1 - s["pi_O"]) * mu / (s["pi_O"] * (1 - mu)),
        "beta_D": s["pi_O"] * (1 - mu) / ((1 - s["pi_O"]) * mu),
        "P_war_iii": (1 - s["pi_O"]) * s["g_O"] / (s["g_O"] + s["k_O"]) / (1 - mu),
    }
    for name, expr in spec.items():
        assert sympy.simplify(M4.derived[name] - expr) == 0, name
    forms = REGIONS[III].pieces[0].closed_forms
    assert sympy.simplify(forms["P[Open|O]"] - spec["beta_O"]) == 0
    assert sympy.simplify(forms["P[Open, Preempt]"] - spec["P_war_iii"]) == 0
    assert sympy.simplify(forms["mu[O|Open]"] - mu) == 0


@st.composite
def m4_points(draw: Any) -> dict[str, F]:
    def frac(lo: int, hi: int) -> F:
        return F(draw(st.integers(lo, hi)), 20)

    a_D = frac(0, 30)
    w_D = a_D + frac(1, 40 - int(a_D * 20))
    w_O = frac(0, 30)
    a_O = w_O + frac(1, 40 - int(w_O * 20))
    v = {"pi_O": frac(1, 19), "a_D": a_D, "w_D": w_D, "a_O": a_O, "w_O": w_O}
    for n in ("g_D", "k_D", "g_O", "k_O"):
        v[n] = frac(1, 40)
    return v


@scaled(25, deadline=None)
@given(m4_points())
def test_m4_symbolic_regions_match_the_spec_at_random_points(v: dict[str, F]) -> None:
    spec = spec_m4(v)
    if v["pi_O"] == spec["mu"] or spec["r"]["D"] == spec["r"]["O"]:
        assert REGIONS.is_knife_edge(**v)
        return
    assert not REGIONS.is_knife_edge(**v)
    assert set(REGIONS.classes_at(**v)) == spec["classes"], v
    assert REGIONS[I_].evaluate("P[Preempt|Open]", **v) == (max(spec["r"].values()), 1)
    if III in spec["classes"]:
        assert REGIONS[III].evaluate("P[Open|O]", **v) == spec["beta_O"]
        assert REGIONS[III].evaluate("P[Preempt|Open]", **v) == spec["r"]["O"]
        assert REGIONS[III].evaluate("P[Open, Preempt]", **v) == spec["war_iii"]
    if IV in spec["classes"]:
        assert REGIONS[IV].evaluate("P[Open|D]", **v) == spec["beta_D"]
        assert REGIONS[IV].evaluate("P[Open, Preempt]", **v) == spec["war_iv"]
    # the numeric solver at the same point agrees
    assert {e.label for e in solve_pbe(M4.at(**v), refinements=())} == spec["classes"]


@pytest.mark.parametrize(
    "values",
    [
        pytest.param({"pi_O": "1/2"}, id="pi-equals-mu-star"),
        pytest.param({"g_O": "3/5", "k_O": "1/5"}, id="r_D-equals-r_O"),
    ],
)
def test_m4_knife_edges_are_flagged(values: dict[str, str]) -> None:
    point_ = M4.values(**values)
    assert REGIONS.is_knife_edge(**point_)
    assert not REGIONS.is_knife_edge(**M4.values())


def test_m4_knife_edge_closed_forms() -> None:
    at_mu = M4.values(pi_O="1/2")
    assert II in REGIONS.all_classes_at(**at_mu)
    assert II in REGIONS.classes_at(**at_mu)  # accepted pooling exists at the boundary too
    assert REGIONS[II].evaluate("P[Preempt|Open]", **at_mu) == (0, F(1, 2))  # [0, min r]
    equal_r = M4.values(g_O="3/5", k_O="1/5")
    both_mix = "hybrid (O: Open/Restrain; D: Open/Restrain)"
    assert both_mix in REGIONS.all_classes_at(**equal_r)
    assert both_mix not in REGIONS.classes_at(**equal_r)


# --------------------------------------------------------------------------- M3 (spec)

M3 = tripp.m3()


def kazakhstan(a: Any) -> Any:
    return sum(a.reach_probability(n.id) for n in a.game.nodes() if n.action == "follows")


def test_m3_defaults_sequential_equilibrium() -> None:
    sol = solve_pbe(M3.at())
    assert sol.complete == "all" and len(sol) == 1
    a = sol[0].representative
    s, h, u = (a.probability("R", "Preempt"), a.probability("Azerbaijan:1", "Host"),
               a.probability("US:1", "Militarize"))
    assert (s, h, u) == (F(3, 4), F(4, 5), F(15, 32))
    assert a.beliefs["Russia"]["R"] == {"r_com": F(17, 32), "r_host": F(3, 8),
                                        "r_limit": F(3, 32)}
    assert kazakhstan(a) == F(5, 32)
    assert a.nash is not None and a.nash.regret == 0
    assert gambit_max_regret(a.game, a.behavior) == 0


def test_m3_low_war_cost_only_a_equal_zero_is_sequential() -> None:
    game = M3.at(c_R="1/10")
    sol = solve_pbe(game)
    assert len(sol) == 1
    a = sol[0].representative
    assert (a.probability("US:1", "Commercial"), a.probability("Azerbaijan:1", "Limit"),
            a.probability("R", "Preempt")) == (1, 1, 1)
    # the reduced normal form has a Nash equilibrium for every a = P[Host] (pygambit agrees),
    # but Azerbaijan's choice is then not optimal at its (unreached) node
    for host in (F(0), F(1, 3), F(1)):
        b = BehaviorProfile(game, {"US": {"US:1": "Commercial"},
                                   "Azerbaijan": {"Azerbaijan:1": [host, 1 - host]},
                                   "Russia": {"R": "Preempt"}})
        assert gambit_max_regret(game, b) == 0
        regret = sequential_regrets(b)["Azerbaijan"]["Azerbaijan:1"]
        assert (regret == 0) == (host == 0)


def test_m3_costly_push_mixed_equilibrium() -> None:
    sol = solve_pbe(M3.at(k_U="3/20"))
    assert len(sol) == 1
    a = sol[0].representative
    assert (a.probability("R", "Preempt"), a.probability("Azerbaijan:1", "Host"),
            a.probability("US:1", "Militarize")) == (F(5, 9), 1, F(3, 8))
    assert kazakhstan(a) == F(13, 72)


# --------------------------------------------------------------------------- M6 (spec)

M6 = m6()
R_A = ("R:resolute:A", "R:normal:A")
K_SETS = ("K:out", "K:fought", "K:accommodated")


def p_kazakhstan_challenges(e: Any) -> Any:
    return point(e.outcome_probability("K:out", "Challenge", "Kazakhstan")) + sum(
        point(e.outcome_probability(k, "Challenge", "Kazakhstan")) for k in K_SETS[1:])


def test_m6_defaults_azerbaijan_challenges() -> None:
    sol = solve_pbe(M6.at())
    assert len(sol) == 1
    e = sol[0]
    assert point(e.probability("A", "Challenge", "Azerbaijan")) == 1
    assert point(e.probability("R:normal:A", "Fight", "Russia")) == F(2, 9)  # gamma_star
    p_fight = sum(point(e.outcome_probability(r, "Fight", "Russia")) for r in R_A)
    assert p_fight == F(5, 12)
    assert p_kazakhstan_challenges(e) == F(13, 18)
    assert e.refinements == {"intuitive": "survives", "D1": "survives"}
    assert gambit_max_regret(e.tree, e.representative.behavior) == 0


def test_m6_azerbaijan_deterred_kazakhstan_challenges() -> None:
    sol = solve_pbe(M6.at(rho="2/5"))
    assert len(sol) == 1
    e = sol[0]
    assert point(e.probability("A", "Stay out", "Azerbaijan")) == 1
    assert p_kazakhstan_challenges(e) == 1
    # after an (unexpected) accommodation, consistency forces belief 0 on resolute
    assert e.belief("K:accommodated", "resolute.A.A", "Kazakhstan") == (0, 0)


def test_m6_no_challenge_under_d1() -> None:
    sol = solve_pbe(M6.at(rho="7/10"))
    survivors = sol.surviving("D1")
    assert len(survivors) == 1
    e = survivors[0]
    assert point(e.outcome_probability("A", "Challenge", "Azerbaijan")) == 0
    assert p_kazakhstan_challenges(e) == 0
    # the spec's belief rule (off-path accommodation => resolute with probability 0)
    # is admissible in the surviving equilibrium
    assert e.belief("K:accommodated", "resolute.A.A", "Kazakhstan")[0] == 0
    beliefs = e.pieces[0].off_path["K:accommodated"]
    assert beliefs.contains({"resolute.A.A": 0, "normal.A.A": 1})
    assert beliefs.contains({"resolute.A.A": F(3, 5), "normal.A.A": F(2, 5)})
    assert not beliefs.contains({"resolute.A.A": F(4, 5), "normal.A.A": F(1, 5)})
    # without the refinement there are sequential equilibria in which Azerbaijan challenges
    # and both types accommodate, sustained by reading an unexpected fight as weakness
    perverse = [x for x in sol
                if point(x.outcome_probability("A", "Challenge", "Azerbaijan")) == 1]
    assert perverse and all(x.refinements["D1"] == "fails" for x in perverse)


# --------------------------------------------------------------------------- textbook games


def beer_quiche() -> SignalingGame:
    """Cho and Kreps (1987), section II: prior weak = 1/10."""
    pay = {"weak": {"Beer": {"Duel": (0, 1), "Pass": (2, 0)},
                    "Quiche": {"Duel": (1, 1), "Pass": (3, 0)}},
           "strong": {"Beer": {"Duel": (1, 0), "Pass": (3, 1)},
                      "Quiche": {"Duel": (0, 0), "Pass": (2, 1)}}}
    return SignalingGame(["weak", "strong"], {"weak": F(1, 10), "strong": F(9, 10)},
                         ["Beer", "Quiche"], ["Duel", "Pass"], pay, title="Beer-quiche")


def test_beer_quiche_two_pooling_classes_only_beer_is_intuitive() -> None:
    sol = solve_pbe(beer_quiche())
    eqs = by_label(sol)
    assert set(eqs) == {"pooling on Beer", "pooling on Quiche"}
    beer, quiche = eqs["pooling on Beer"], eqs["pooling on Quiche"]
    assert beer.refinements["intuitive"] == "survives"
    assert quiche.refinements == {"intuitive": "fails", "D1": "fails"}
    # D1 deletes the strong type after Quiche: beer pooling survives with the receiver
    # dueling for sure (belief weak = 1), not with the mixing sustained by belief 1/2
    verdict = {p.supports["Receiver"]["Quiche"]: p.refinements["D1"] for p in beer.pieces}
    assert verdict == {("Duel",): True, ("Duel", "Pass"): False}
    # off path the receiver duels with probability >= 1/2, believing weak with prob >= 1/2
    assert beer.probability("Quiche", "Duel") == (F(1, 2), 1)
    assert beer.belief("Quiche", "weak") == (F(1, 2), 1)
    assert quiche.probability("Beer", "Duel") == (F(1, 2), 1)
    assert point(beer.probability("Beer", "Pass")) == 1
    for e in sol:
        for a in e.assessments:
            assert gambit_max_regret(e.tree, a.behavior) == 0


def job_market(q: F) -> SignalingGame:
    """Spence (1973) with two types (Gibbons 1992, section 4.2.B; Fudenberg-Tirole 1991, 8.2).

    Productivity H = 2, L = 1, P(H) = q; education costs H 1/2, L 3/2; the market pays the
    High (2) or Low (1) wage and gains 1 when the wage matches the type (so it pays High
    iff P(H) >= 1/2). Worked out by hand: separating (H educates, L not) always; pooling on
    No with P[High|Educate] <= 1/2 if q < 1/2 (fails the Intuitive Criterion), any response
    to Educate if q > 1/2; a hybrid if q > 1/2 with P[No|H] = (1-q)/q, P[High|No] = 1/2.
    """
    cost = {"H": F(1, 2), "L": F(3, 2)}
    wage = {"High": 2, "Low": 1}
    match = {("H", "High"): 1, ("L", "Low"): 1}
    pay = {t: {m: {w: (wage[w] - (cost[t] if m == "Educate" else 0), match.get((t, w), 0))
                   for w in wage} for m in ("Educate", "No")} for t in ("H", "L")}
    return SignalingGame(["H", "L"], {"H": q, "L": 1 - q}, ["Educate", "No"], ["High", "Low"],
                         pay, players=("Worker", "Market"), title="Job market")


def test_job_market_low_prior() -> None:
    eqs = by_label(solve_pbe(job_market(F(1, 3))))
    sep, pool = "separating (H: Educate, L: No)", "pooling on No"
    assert set(eqs) == {sep, pool}
    assert point(eqs[sep].probability("Educate", "High", "Market")) == 1
    assert eqs[pool].probability("Educate", "High", "Market") == (0, F(1, 2))
    assert eqs[pool].belief("Educate", "H") == (0, F(1, 2))
    assert eqs[pool].refinements["intuitive"] == "fails"
    assert eqs[sep].refinements["intuitive"] == "survives"


def test_job_market_high_prior() -> None:
    eqs = by_label(solve_pbe(job_market(F(2, 3))))
    sep, pool, hyb = ("separating (H: Educate, L: No)", "pooling on No",
                      "hybrid (H: Educate/No; L: No)")
    assert set(eqs) == {sep, pool, hyb}
    assert eqs[pool].probability("Educate", "High", "Market") == (0, 1)
    assert point(eqs[pool].probability("No", "High", "Market")) == 1
    assert eqs[pool].refinements["intuitive"] == "survives"
    assert point(eqs[hyb].probability("H", "No", "Worker")) == F(1, 2)  # (1-q)/q
    assert point(eqs[hyb].probability("No", "High", "Market")) == F(1, 2)
    assert point(eqs[hyb].probability("Educate", "High", "Market")) == 1


# --------------------------------------------------------------------------- random games


def brute_force_pure_pbe(g: SignalingGame) -> set[tuple[Any, ...]]:
    """Pure PBE of a signaling game with 2 responses per message, by enumeration (independent).

    With two responses, a response is a best reply to some belief iff it is one at a belief
    concentrated on one type (the payoff difference is linear in the belief).
    """
    types, msgs = g.types, g.messages
    acts = {m: g.actions(m) for m in msgs}
    prior = g.prior
    out = set()
    for send in itertools.product(msgs, repeat=len(types)):
        sigma = dict(zip(types, send, strict=True))
        for resp in itertools.product(*(acts[m] for m in msgs)):
            rho = dict(zip(msgs, resp, strict=True))
            ok = all(g.payoff(t, sigma[t], rho[sigma[t]])[0] >= g.payoff(t, m, rho[m])[0]
                     for t in types for m in msgs)
            for m in msgs:
                senders = [t for t in types if sigma[t] == m and prior[t] > 0]
                beliefs = ([{t: prior[t] / sum(prior[x] for x in senders) for t in senders}]
                           if senders else [{t: int(t == s) for t in types} for s in types])
                ok = ok and any(
                    all(sum(b.get(t, 0) * g.payoff(t, m, rho[m])[1] for t in types)
                        >= sum(b.get(t, 0) * g.payoff(t, m, a)[1] for t in types)
                        for a in acts[m])
                    for b in beliefs)
            if ok:
                out.add((tuple(sorted(sigma.items())), tuple(sorted(rho.items()))))
    return out


@st.composite
def signaling_games(draw: Any) -> SignalingGame:
    types = "abc"[: draw(st.integers(2, 3))]
    weights = [draw(st.integers(1, 4)) for _ in types]
    prior = [F(w, sum(weights)) for w in weights]
    u = st.integers(-3, 3)
    pay = {t: {m: {a: (draw(u), draw(u)) for a in "xy"} for m in "mn"} for t in types}
    return SignalingGame(list(types), prior, ["m", "n"], ["x", "y"], pay)


def pure_profiles(sol: Any) -> set[tuple[Any, ...]]:
    out = set()
    for e in sol:
        for a in e.assessments:
            d = a.behavior.as_dict()
            if all(max(p.values()) == 1 for dd in d.values() for p in dd.values()):
                sigma = {t: next(m for m, v in probs.items() if v == 1)
                         for t, probs in d["Sender"].items()}
                rho = {m: next(x for x, v in probs.items() if v == 1)
                       for m, probs in d["Receiver"].items()}
                out.add((tuple(sorted(sigma.items())), tuple(sorted(rho.items()))))
    return out


@scaled(30, deadline=None)
@given(signaling_games())
def test_random_signaling_games_pure_pbe_complete_and_nash(g: SignalingGame) -> None:
    sol = solve_pbe(g)
    assert pure_profiles(sol) == brute_force_pure_pbe(g), f"game {g._payoffs} prior {g.prior}"
    gg = gambit_game(g.to_extensive_form())
    for e in sol:
        a = e.representative
        prof = gg.mixed_behavior_profile(rational=True)
        ours = a.behavior.as_dict()
        for p in gg.players:
            for inf in p.infosets:
                for act in inf.actions:
                    prof[act] = gbt.Rational(str(ours[p.label][inf.label][act.label]))
        assert F(str(prof.max_regret())) == 0
        for inf in gg.players["Receiver"].infosets:  # receiver beliefs on the path: Bayes, as pygambit
            if a.reached["Receiver"][inf.label]:
                for node in inf.members:
                    assert F(str(prof.belief(node))) == a.beliefs["Receiver"][inf.label][
                        node.label]


# --------------------------------------------------------------------------- bad input


def entry_game() -> ExtensiveFormGame:
    """Selten (1978), the chain-store stage game."""
    g = ExtensiveFormGame(["E", "I"])
    out, enter = g.move(g.root, "E", ["Out", "In"])
    g.outcome(out, [0, 2])
    fight, share = g.move(enter, "I", ["Fight", "Share"])
    g.outcome(fight, [-1, -1])
    g.outcome(share, [1, 1])
    return g


def test_entry_game_empty_threat_is_not_sequential() -> None:
    g = entry_game()
    sol = solve_pbe(g)
    assert [a.representative.behavior.as_dict()["I"]["I:1"]["Share"] for a in sol] == [1]
    threat = BehaviorProfile(g, {"E": {"E:1": "Out"}, "I": {"I:1": "Fight"}})
    with pytest.raises(VerificationError, match="gains 2"):
        certify_assessment(threat)


def test_certify_assessment_belief_errors() -> None:
    g = ExtensiveFormGame(["A", "B"])
    x, y, z = g.move(g.root, "A", ["x", "y", "z"])
    g.outcome(z, [2, 2])
    for n in (x, y):
        left, right = g.move(n, "B", ["l", "r"], infoset="B")
        g.outcome(left, [0, 1])
        g.outcome(right, [0, 0])
    off = BehaviorProfile(g, {"A": {"A:1": "z"}, "B": {"B": "l"}})
    with pytest.raises(VerificationError, match="no belief at the unreached"):
        certify_assessment(off)
    with pytest.raises(InvalidProfileError, match="not a probability distribution"):
        certify_assessment(off, {"B": {"B": {"n1": F(1, 2), "n2": F(1, 3)}}})
    assert certify_assessment(off, {"B": {"B": {"n1": F(1, 2), "n2": F(1, 2)}}}).regrets == {
        "A": {"A:1": 0}, "B": {"B": 0}}
    on = BehaviorProfile(g, {"A": {"A:1": "x"}, "B": {"B": "l"}})
    with pytest.raises(InvalidProfileError, match="differ from Bayes' rule"):
        certify_assessment(on, {"B": {"B": {"n1": F(0), "n2": F(1)}}})


@pytest.mark.parametrize(
    ("make", "kwargs", "error", "match"),
    [
        pytest.param(lambda: M4.game, {}, SymbolicGameError, "free parameters",
                     id="symbolic-signaling-game"),
        pytest.param(beer_quiche, {"refinements": ("divinity",)}, MethodNotApplicableError,
                     "unknown refinements", id="unknown-refinement"),
        pytest.param(lambda: NormalFormGame.from_arrays([[1]], [[1]]), {},
                     MethodNotApplicableError, "handles SignalingGame", id="normal-form-game"),
        pytest.param(lambda: M6.at(), {"max_profiles": 10}, MethodNotApplicableError,
                     "support profiles", id="too-many-support-profiles"),
    ],
)
def test_solve_pbe_bad_input(make: Any, kwargs: dict[str, Any], error: type, match: str) -> None:
    with pytest.raises(error, match=match):
        solve_pbe(make(), **kwargs)


def test_solve_pbe_needs_perfect_recall() -> None:
    g = ExtensiveFormGame(["A"])
    x, y = g.move(g.root, "A", ["x", "y"])
    for n in (x, y):
        a, b = g.move(n, "A", ["l", "r"])
        g.outcome(a, [1])
        g.outcome(b, [0])
    g.infoset([x, y], label="forgetful")
    with pytest.raises(MethodNotApplicableError, match="perfect recall"):
        solve_pbe(g)
