"""Sequence-form methods on two-player trees: Lemke's algorithm (``lcp``) and LP (``lp``).

Oracles and sources:

* pygambit 16.7 (https://www.gambit-project.org): the catalog ``.efg`` games it ships, its
  exact behaviour-profile regret ``MixedBehaviorProfile.max_regret`` applied to *our*
  profiles, and its ``lcp_solve(rational=True)`` game values for zero-sum trees (every
  equilibrium of a zero-sum game has the value). pygambit's ``lp_solve`` is not used as an
  oracle for trees where a player never moves: it returns probability 0 on that game's only
  action (seen with pygambit 16.7).
* Kuhn (1950), "A simplified two-person poker", Contributions to the Theory of Games I,
  97-103: three-card poker has value -1/18 for the first player.
* Matching pennies (von Neumann and Morgenstern 1944) as a tree with an information set.
"""

from __future__ import annotations

import io
import itertools
from fractions import Fraction as F
from pathlib import Path

import pytest
import sympy
from hypothesis import HealthCheck, given
from hypothesis import strategies as st

from gametheory import verify
from gametheory.errors import MethodNotApplicableError, SymbolicGameError
from gametheory.games.behavior import BehaviorProfile
from gametheory.games.extensive import ExtensiveFormGame
from gametheory.io.efg import efg_text, read_efg
from gametheory.solvers import sequence_form as sfm
from gametheory.solvers.sequence_form import sequence_form_lemke, solve_lp_tree
from gametheory.solvers.trees import TreeEquilibrium, solve_tree

from ._hypothesis import scaled
from .test_extensive import build_tree, tree_specs

gbt = pytest.importorskip("pygambit")

CATALOG_ROOT = Path(gbt.__file__).parent / "catalog_data"
CATALOG = sorted(CATALOG_ROOT.rglob("*.efg"))
CATALOG_IDS = [str(p.relative_to(CATALOG_ROOT)) for p in CATALOG]


# ============================================================================ helpers


def _gbt_path(node) -> tuple[str, ...]:
    out = []
    while node.parent is not None:
        out.append(node.prior_action.label)
        node = node.parent
    return tuple(reversed(out))


def gbt_behavior(gg, game: ExtensiveFormGame, behavior: BehaviorProfile):
    """pygambit's exact behaviour profile equal to ours (infosets matched by member paths)."""
    ours = {frozenset(tuple(a for _, a in n.path) for n in inf.nodes): inf for inf in game.infosets()}
    prof = gg.mixed_behavior_profile(rational=True)
    for p in gg.players:
        for inf in p.infosets:
            mine = ours[frozenset(_gbt_path(m) for m in inf.members)]
            for action in inf.actions:
                q = F(behavior[mine.player][mine.label][action.label])
                prof[action] = gbt.Rational(q.numerator, q.denominator)
    return prof


def matching_pennies() -> ExtensiveFormGame:
    g = ExtensiveFormGame(["1", "2"], title="matching pennies")
    h, t = g.move(g.root, "1", ["H", "T"])
    for node, s in ((h, 1), (t, -1)):
        a, b = g.move(node, "2", ["h", "t"], infoset="guess")
        g.outcome(a, [s, -s])
        g.outcome(b, [-s, s])
    return g


def kuhn_poker() -> ExtensiveFormGame:
    """Kuhn (1950): cards J < Q < K, ante 1, one betting round with bets of 1."""
    g = ExtensiveFormGame(["1", "2"], title="Kuhn poker")
    cards = "JQK"
    deals = [f"{a}{b}" for a, b in itertools.permutations(cards, 2)]
    kids = g.chance(g.root, dict.fromkeys(deals, F(1, 6)))
    for deal, node in zip(deals, kids, strict=True):
        c1, c2 = deal
        win = 1 if cards.index(c1) > cards.index(c2) else -1
        check, bet = g.move(node, "1", ["check", "bet"], infoset=f"1:{c1}")
        # 1 checks
        check2, bet2 = g.move(check, "2", ["check", "bet"], infoset=f"2:{c2}:check")
        g.outcome(check2, [win, -win])
        fold1, call1 = g.move(bet2, "1", ["fold", "call"], infoset=f"1:{c1}:check-bet")
        g.outcome(fold1, [-1, 1])
        g.outcome(call1, [2 * win, -2 * win])
        # 1 bets
        fold2, call2 = g.move(bet, "2", ["fold", "call"], infoset=f"2:{c2}:bet")
        g.outcome(fold2, [1, -1])
        g.outcome(call2, [2 * win, -2 * win])
    return g


def zero_sum(g: ExtensiveFormGame) -> ExtensiveFormGame:
    h = g.copy()
    first = h.players[0]
    for leaf in h.terminals():
        u = leaf.payoffs[first]
        h.outcome(leaf, [u, -u])
    return h


def two_player_perfect_recall(path: Path) -> bool:
    g = read_efg(path)
    return g.n_players == 2 and g.has_perfect_recall()


LCP_CATALOG = [p for p in CATALOG if two_player_perfect_recall(p)]


# ============================================================================ lcp


@pytest.mark.parametrize("path", LCP_CATALOG,
                         ids=[str(p.relative_to(CATALOG_ROOT)) for p in LCP_CATALOG])
def test_catalog_lcp_equilibrium_passes_pygambit_regret(path: Path) -> None:
    g = read_efg(path)
    gg = gbt.read_efg(str(path))
    sol = solve_tree(g, "lcp")
    assert (sol.method, sol.complete, len(sol), sol.exact) == ("lcp", "one", 1, True)
    (eq,) = sol
    assert isinstance(eq, TreeEquilibrium)
    assert gbt_behavior(gg, g, eq.behavior).max_regret() == 0
    assert eq.equilibrium is not None and eq.equilibrium.regret == 0  # certified on the RNF
    assert verify(g.to_normal_form(), eq.behavior.to_mixed()).max_regret == 0
    # the realization plans satisfy the sequence-form constraints exactly
    sf = g.sequence_form()
    res = sequence_form_lemke(g)
    for i in range(2):
        sf.check_plan(res.plans[i], i)
    assert sf.expected_payoffs(res.plans) == tuple(eq.payoffs[p] for p in g.players)


def test_matching_pennies_lcp_and_lp() -> None:
    g = matching_pennies()
    for method in ("lcp", "lp"):
        (eq,) = solve_tree(g, method)
        assert eq.behavior["1"]["1:1"] == {"H": F(1, 2), "T": F(1, 2)}
        assert eq.behavior["2"]["guess"] == {"h": F(1, 2), "t": F(1, 2)}
        assert eq.payoffs == {"1": 0, "2": 0}


@scaled(80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_trees_lcp_passes_pygambit_regret(data) -> None:
    g = build_tree(data.draw(tree_specs(n_players=2, max_depth=4)), 2, infosets=True)
    res = sequence_form_lemke(g)
    sf = g.sequence_form()
    for i in range(2):  # exact realization plans: E x = e, F y = f, nonnegative
        sf.check_plan(res.plans[i], i)
    (eq,) = solve_tree(g, "lcp")
    gg = gbt.read_efg(io.StringIO(efg_text(g)))
    assert gbt_behavior(gg, g, eq.behavior).max_regret() == 0


def test_float_tree_lcp_is_float_and_verified() -> None:
    g = ExtensiveFormGame(["1", "2"])
    h, t = g.move(g.root, "1", ["H", "T"])
    for node, s in ((h, 0.7), (t, -0.3)):
        a, b = g.move(node, "2", ["h", "t"], infoset="guess")
        g.outcome(a, [s, -s])
        g.outcome(b, [-s * 1.5, s])
    sol = solve_tree(g, "lcp")
    (eq,) = sol
    assert not sol.exact and not eq.exact
    assert all(isinstance(v, float) for d in eq.behavior["1"].values() for v in d.values())
    assert max(eq.regrets.values()) <= 1e-9


# ============================================================================ lp


def test_kuhn_poker_value_is_minus_one_eighteenth() -> None:
    """Kuhn (1950): the value of three-card poker to the first player is -1/18."""
    g = kuhn_poker()
    sol = solve_tree(g, "lp")
    (eq,) = sol
    assert eq.payoffs["1"] == F(-1, 18)
    assert sol.notes[0] == "value -1/18 for player 1"
    gg = gbt.read_efg(io.StringIO(efg_text(g)))
    assert gbt_behavior(gg, g, eq.behavior).max_regret() == 0
    # the lcp equilibrium of a zero-sum game has the same value
    assert solve_tree(g, "lcp")[0].payoffs["1"] == F(-1, 18)


def test_kuhn_poker_lp_by_exact_simplex(monkeypatch) -> None:
    monkeypatch.setattr(sfm, "_highs_plan", lambda *args: None)
    sol = solve_lp_tree(kuhn_poker())
    assert sol[0].payoffs["1"] == F(-1, 18)
    assert "exact simplex (Bland's rule)" in sol.notes


ZERO_SUM_CATALOG = [p for p in LCP_CATALOG if read_efg(p).is_constant_sum]


@pytest.mark.parametrize("path", ZERO_SUM_CATALOG,
                         ids=[str(p.relative_to(CATALOG_ROOT)) for p in ZERO_SUM_CATALOG])
def test_catalog_zero_sum_lp_value_matches_pygambit(path: Path) -> None:
    g = read_efg(path)
    gg = gbt.read_efg(str(path))
    (eq,) = solve_tree(g, "lp")
    value = F(str(gbt.nash.lcp_solve(gg, rational=True).equilibria[0].payoff(list(gg.players)[0])))
    assert eq.payoffs[g.players[0]] == value
    assert gbt_behavior(gg, g, eq.behavior).max_regret() == 0


@scaled(60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.booleans())
def test_random_zero_sum_trees_lp_value(data, simplex) -> None:
    g = zero_sum(build_tree(data.draw(tree_specs(n_players=2, max_depth=4)), 2, infosets=True))
    if simplex:
        original = sfm._highs_plan
        sfm._highs_plan = lambda *args: None
        try:
            sol = solve_lp_tree(g)
        finally:
            sfm._highs_plan = original
    else:
        sol = solve_lp_tree(g)
    gg = gbt.read_efg(io.StringIO(efg_text(g)))
    value = F(str(gbt.nash.lcp_solve(gg, rational=True).equilibria[0].payoff(list(gg.players)[0])))
    assert sol[0].payoffs["P0"] == value
    assert gbt_behavior(gg, g, sol[0].behavior).max_regret() == 0


def test_constant_sum_tree_lp() -> None:
    g = matching_pennies()
    h = g.copy()
    for leaf in h.terminals():
        u = leaf.payoffs["1"]
        h.outcome(leaf, [u, 3 - u])
    (eq,) = solve_tree(h, "lp")
    assert eq.payoffs == {"1": 0, "2": 3}


# ============================================================================ bad input


def _three_players():
    g = ExtensiveFormGame(["A", "B", "C"])
    x, y = g.move(g.root, "A", ["x", "y"])
    g.outcome(x, [1, 0, 0])
    g.outcome(y, [0, 1, 0])
    return g


def _imperfect_recall():
    g = ExtensiveFormGame(["A", "B"])
    x, y = g.move(g.root, "A", ["x", "y"])
    for node in (x, y):
        l, r = g.move(node, "A", ["l", "r"], infoset="forgetful")
        g.outcome(l, [1, -1])
        g.outcome(r, [-1, 1])
    return g


def _symbolic():
    p = sympy.Symbol("p", nonnegative=True)
    g = matching_pennies()
    g.outcome(g.terminals()[0], [p, -p])
    return g


def _not_zero_sum():
    g = matching_pennies()
    g.outcome(g.terminals()[0], [1, 1])
    return g


BAD = [
    pytest.param("lcp", _three_players, MethodNotApplicableError, "2-player", id="lcp-3-players"),
    pytest.param("lp", _three_players, MethodNotApplicableError, "2-player", id="lp-3-players"),
    pytest.param("lcp", _imperfect_recall, MethodNotApplicableError, "forgetful",
                 id="lcp-imperfect-recall-names-infoset"),
    pytest.param("lp", _imperfect_recall, MethodNotApplicableError, "perfect recall",
                 id="lp-imperfect-recall"),
    pytest.param("lcp", _symbolic, SymbolicGameError, "free parameters: p",
                 id="lcp-symbolic-tree"),
    pytest.param("lp", _symbolic, SymbolicGameError, "free parameters", id="lp-symbolic-tree"),
    pytest.param("lp", _not_zero_sum, MethodNotApplicableError, "zero-sum or constant-sum",
                 id="lp-not-zero-sum-names-terminals"),
]


@pytest.mark.parametrize(("method", "build", "error", "match"), BAD)
def test_bad_input(method, build, error, match) -> None:
    with pytest.raises(error, match=match):
        solve_tree(build(), method)


def test_lp_error_names_the_two_terminals() -> None:
    with pytest.raises(MethodNotApplicableError, match="terminal 'n3'.*terminal 'n4'"):
        solve_tree(_not_zero_sum(), "lp")
