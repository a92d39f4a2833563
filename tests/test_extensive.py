"""ExtensiveFormGame and BehaviorProfile: building, queries, conversions, Kuhn, sequence form.

Fixtures:

* M3 of ``shared/scenario_spec.md`` (TRIPP corridor: US, Azerbaijan, Russia with one
  information set over three nodes, chance for preemption success and for Kazakhstan
  following). Expected payoffs are computed here by hand from the spec's terminal
  table; the spec's sequential equilibria (defaults, ``c_R=1/10``, ``k_U=3/20``) give
  the expected beliefs and probabilities.
* Selten's chain-store stage game (Selten 1978, "The chain store paradox", *Theory and
  Decision* 9): entry deterrence with an empty threat.
* Random trees (Hypothesis): checked against direct tree walks written in this file.
"""

from __future__ import annotations

import itertools
from fractions import Fraction as F

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from gametheory import NormalFormGame, expected_payoffs
from gametheory.errors import (
    InvalidGameError,
    InvalidProfileError,
    MethodNotApplicableError,
    ParseError,
    SymbolicGameError,
    UnknownLabelError,
    UnknownParameterError,
)
from gametheory.games.behavior import BehaviorProfile
from gametheory.games.extensive import CHANCE, ExtensiveFormGame
from gametheory.parameters import Parameter, ParameterSpace

from ._hypothesis import scaled

# ============================================================================ M3 (scenario spec)

M3_DEFAULTS = {
    "p": F(1, 2), "c_R": F(3, 10), "l_R": F(1, 5), "e_R": F(1),
    "b_A": F(1, 2), "g_A": F(1, 5), "c_A": F(3, 10), "h_A": F(3, 10), "f_A": F(1, 10),
    "b_U": F(1, 4), "g_U": F(2, 5), "c_U": F(1, 10), "h_U": F(1, 4), "k_U": F(1, 20),
    "k_K": F(1, 4), "e_K": F(2, 5),
}
_PROBABILITIES = {"p", "k_K"}


def m3_space() -> ParameterSpace:
    return ParameterSpace(
        Parameter(name, 0, 1 if name in _PROBABILITIES else None, default=value)
        for name, value in M3_DEFAULTS.items()
    )


SPACE = m3_space()
S = SPACE.symbols
BRANCHES = {"com": ("Commercial", None), "host": ("Militarize", "Host"),
            "lim": ("Militarize", "Limit")}


def m3_payoffs(branch: str, russia: str, success: bool, kazakhstan: bool) -> dict[str, sympy.Expr]:
    """The spec's M3 terminal table, transcribed directly."""
    z = 1 if branch == "host" else 0
    lam = 1 if branch == "lim" else 0
    mil = 0 if branch == "com" else 1
    K = 1 if kazakhstan else 0
    L = S["l_R"] + (S["e_R"] - S["l_R"]) * z
    if russia == "Accept":
        return {"Russia": -L - K * S["e_K"],
                "Azerbaijan": S["b_A"] + S["g_A"] * z - S["f_A"] * lam,
                "US": S["b_U"] + S["g_U"] * z - S["k_U"] * mil}
    if success:
        return {"Russia": -S["c_R"],
                "Azerbaijan": -S["c_A"] - S["h_A"] * z - S["f_A"] * lam,
                "US": -S["c_U"] - S["h_U"] * z - S["k_U"] * mil}
    return {"Russia": -L - K * S["e_K"] - S["c_R"],
            "Azerbaijan": S["b_A"] + (S["g_A"] - S["h_A"]) * z - S["c_A"] - S["f_A"] * lam,
            "US": S["b_U"] + (S["g_U"] - S["h_U"]) * z - S["c_U"] - S["k_U"] * mil}


def build_m3() -> ExtensiveFormGame:
    """M3 with the notebook builder."""
    p, k = S["p"], S["k_K"]
    g = ExtensiveFormGame(["US", "Azerbaijan", "Russia"], title="M3", space=SPACE)
    g.rename(g.root, "us")
    mil, com = g.move(g.root, "US", ["Militarize", "Commercial"], ids=["az", "r_com"])
    g.move(mil, "Azerbaijan", ["Host", "Limit"], ids=["r_host", "r_lim"])
    for b in ("com", "host", "lim"):
        acc, pre = g.move(f"r_{b}", "Russia", ["Accept", "Preempt"], infoset="R",
                          ids=[f"k_acc_{b}", f"c_pre_{b}"])
        yes, no = g.chance(acc, {"follows": k, "stays": 1 - k}, ids=[f"t_acc_K_{b}", f"t_acc_{b}"])
        g.outcome(yes, m3_payoffs(b, "Accept", False, True))
        g.outcome(no, m3_payoffs(b, "Accept", False, False))
        win, fail = g.chance(pre, {"success": p, "failure": 1 - p}, ids=[f"t_s_{b}", f"k_fail_{b}"])
        g.outcome(win, m3_payoffs(b, "Preempt", True, False))
        yes, no = g.chance(fail, {"follows": k, "stays": 1 - k},
                           ids=[f"t_fail_K_{b}", f"t_fail_{b}"])
        g.outcome(yes, m3_payoffs(b, "Preempt", False, True))
        g.outcome(no, m3_payoffs(b, "Preempt", False, False))
    return g


def m3_dict() -> dict:
    """M3 in the seed layout of scenario_spec §5 (expressions as text)."""
    def pay(b: str, r: str, s: bool, k: bool) -> dict[str, str]:
        return {who: str(v) for who, v in m3_payoffs(b, r, s, k).items()}

    nodes = [{"id": "us", "player": "US", "moves": {"Militarize": "az", "Commercial": "r_com"}},
             {"id": "az", "player": "Azerbaijan", "moves": {"Host": "r_host", "Limit": "r_lim"}}]
    terminals = {}
    for b in ("com", "host", "lim"):
        nodes += [
            {"id": f"r_{b}", "player": "Russia", "infoset": "R",
             "moves": {"Accept": f"k_acc_{b}", "Preempt": f"c_pre_{b}"}},
            {"id": f"k_acc_{b}", "chance": {"follows": "k_K", "stays": "1 - k_K"},
             "next": {"follows": f"t_acc_K_{b}", "stays": f"t_acc_{b}"}},
            {"id": f"c_pre_{b}", "chance": {"success": "p", "failure": "1 - p"},
             "next": {"success": f"t_s_{b}", "failure": f"k_fail_{b}"}},
            {"id": f"k_fail_{b}", "chance": {"follows": "k_K", "stays": "1 - k_K"},
             "next": {"follows": f"t_fail_K_{b}", "stays": f"t_fail_{b}"}},
        ]
        terminals[f"t_acc_K_{b}"] = pay(b, "Accept", False, True)
        terminals[f"t_acc_{b}"] = pay(b, "Accept", False, False)
        terminals[f"t_s_{b}"] = pay(b, "Preempt", True, False)
        terminals[f"t_fail_K_{b}"] = pay(b, "Preempt", False, True)
        terminals[f"t_fail_{b}"] = pay(b, "Preempt", False, False)
    return {"kind": "extensive", "players": ["US", "Azerbaijan", "Russia"], "title": "M3",
            "nodes": nodes, "terminals": terminals}


def m3_expected(us: str, az: str, russia: str) -> dict[str, sympy.Expr]:
    """Expected payoffs of a pure profile, by hand from the table (independent of the library)."""
    branch = "com" if us == "Commercial" else ("host" if az == "Host" else "lim")
    p, k = S["p"], S["k_K"]
    if russia == "Accept":
        parts = [(k, m3_payoffs(branch, "Accept", False, True)),
                 (1 - k, m3_payoffs(branch, "Accept", False, False))]
    else:
        parts = [(p, m3_payoffs(branch, "Preempt", True, False)),
                 ((1 - p) * k, m3_payoffs(branch, "Preempt", False, True)),
                 ((1 - p) * (1 - k), m3_payoffs(branch, "Preempt", False, False))]
    return {who: sum(w * pay[who] for w, pay in parts) for who in ("US", "Azerbaijan", "Russia")}


@pytest.fixture(scope="module")
def m3() -> ExtensiveFormGame:
    return build_m3()


def _zero(expr: sympy.Expr) -> bool:
    return sympy.simplify(sympy.expand(expr)) == 0


def test_m3_structure(m3: ExtensiveFormGame) -> None:
    assert m3.players == ("US", "Azerbaijan", "Russia") and m3.n_players == 3
    assert m3.kind == "symbolic" and not m3.is_exact
    assert {s.name for s in m3.parameters} == set(M3_DEFAULTS)
    russia = m3.get_infoset("R")
    assert [n.id for n in russia.nodes] == ["r_host", "r_lim", "r_com"]
    assert russia.actions == ("Accept", "Preempt") and russia.player == "Russia"
    assert [inf.label for inf in m3.infosets()] == ["US:1", "Azerbaijan:1", "R"]
    assert not m3.is_perfect_information
    assert m3.has_perfect_recall() and m3.perfect_recall_violations() == []
    # spec: "the only subgame is the whole game" -- apart from the chance-only subtrees
    # after Russia's move, which also root (trivial) subgames, as in Gambit
    roots = m3.subgame_roots()
    assert roots[0] is m3.root
    assert {n.id for n in roots[1:]} == {f"{c}_{b}" for c in ("k_acc", "c_pre", "k_fail")
                                         for b in ("com", "host", "lim")}
    assert [n.id for n in roots if any(m.is_decision for m in m3.subgame(n).nodes())] == ["us"]
    assert len(m3.terminals()) == 15 and len(m3.nodes()) == 15 + 3 + 1 + 1 + 9
    node = m3.node("t_fail_K_host")
    assert [(a.id, act) for a, act in node.path] == [
        ("us", "Militarize"), ("az", "Host"), ("r_host", "Preempt"), ("c_pre_host", "failure"),
        ("k_fail_host", "follows")]
    assert node.parent.player == CHANCE and node.action == "follows" and node.is_terminal
    assert m3.node("r_com").children["Preempt"].probabilities["failure"] == 1 - S["p"]
    assert m3.root["Militarize"]["Host"] is m3.node("r_host")
    assert _zero(m3.reach_probability(node) - (1 - S["p"]) * S["k_K"])
    # probabilities are valid for all values within the declared bounds
    assert m3.chance_validity_conditions() == []


def test_m3_from_dict_equals_builder(m3: ExtensiveFormGame) -> None:
    g = ExtensiveFormGame.from_dict(m3_dict(), space=SPACE)
    assert g == m3
    assert g.root.id == "us" and g.node("c_pre_lim").probabilities["success"] == S["p"]
    again = ExtensiveFormGame.from_dict(g.to_dict(), space=SPACE)
    assert again == g and again.to_dict() == g.to_dict()
    # like the spec's [models.M3] table, without a players list: inferred from the nodes
    d = m3_dict()
    del d["players"]
    assert ExtensiveFormGame.from_dict(d, space=SPACE) == m3


def test_m3_reduced_normal_form_matches_terminal_table(m3: ExtensiveFormGame) -> None:
    nf = m3.to_normal_form()
    assert nf.strategies == (("Militarize", "Commercial"), ("Host", "Limit"), ("Accept", "Preempt"))
    assert nf.is_symbolic and nf.space is SPACE
    for profile in itertools.product(*nf.strategies):
        expected = m3_expected(*profile)
        got = dict(zip(nf.players, nf[profile], strict=True))
        for who in nf.players:
            assert _zero(got[who] - expected[who]), (profile, who)


def test_m3_normal_form_reproduces_spec_gains(m3: ExtensiveFormGame) -> None:
    """The spec's closed forms: Russia's preemption gain, Azerbaijan's and the US's incentives."""
    nf = m3.to_normal_form()
    R, A, U = (nf.payoff_array(p) for p in ("Russia", "Azerbaijan", "US"))
    p, c_R, l_R, e_R, k_K, e_K = (S[n] for n in ("p", "c_R", "l_R", "e_R", "k_K", "e_K"))
    base = p * (l_R + k_K * e_K) - c_R
    for u, a, mu in ((1, 0, 0), (1, 1, 0), (0, 0, 1), (0, 1, 0)):  # mu = 1 iff Mil·Host
        assert _zero(R[u, a, 1] - R[u, a, 0] - (base + p * (e_R - l_R) * mu))
    g_A, f_A, h_A = S["g_A"], S["f_A"], S["h_A"]
    for s, r in ((0, 0), (1, 1)):  # s = P[Preempt]
        assert _zero(A[0, 0, r] - A[0, 1, r] - (g_A + f_A - s * (p * g_A + h_A)))
    g_U, h_U, k_U = S["g_U"], S["h_U"], S["k_U"]
    for s, r in ((0, 0), (1, 1)):
        G = g_U * (1 - p * s) - s * h_U
        assert _zero(U[0, 0, r] - U[1, 0, r] - (G - k_U))   # Azerbaijan hosts (a = 1)
        assert _zero(U[0, 1, r] - U[1, 1, r] - (-k_U))      # Azerbaijan limits (a = 0)


def test_m3_at_defaults_is_exact_and_commutes_with_normal_form(m3: ExtensiveFormGame) -> None:
    num = m3.at(**M3_DEFAULTS)
    assert num.kind == "rational" and num.is_exact and num.parameters == ()
    assert num.node("c_pre_com").probabilities == {"success": F(1, 2), "failure": F(1, 2)}
    assert num.to_normal_form() == m3.to_normal_form().at(**M3_DEFAULTS)
    # strings are read exactly, floats give a float game
    assert m3.at(**{k: str(v) for k, v in M3_DEFAULTS.items()}) == num
    assert m3.at(**{k: float(v) for k, v in M3_DEFAULTS.items()}).kind == "float"
    partial = m3.at(p="1/2")
    assert partial.is_symbolic and "p" not in {s.name for s in partial.parameters}
    with pytest.raises(UnknownParameterError, match="'q'"):
        m3.at(q=1)


M3_SEQUENTIAL = [
    pytest.param({}, (F(3, 4), F(4, 5), F(15, 32)), (F(17, 32), F(3, 8), F(3, 32)), F(5, 32),
                 id="defaults"),
    pytest.param({"k_U": F(3, 20)}, (F(5, 9), F(1), F(3, 8)), (F(5, 8), F(3, 8), F(0)),
                 F(13, 72), id="k_U=3/20"),
    # the spec gives no number here; its formula P[Kazakhstan follows] = k_K*(1-p*s) = 1/8
    pytest.param({"c_R": F(1, 10)}, (F(1), F(0), F(0)), None, F(1, 8), id="c_R=1/10"),
]


@pytest.mark.parametrize(("changes", "sau", "beliefs", "p_kazakhstan"), M3_SEQUENTIAL)
def test_m3_spec_sequential_equilibria(m3, changes, sau, beliefs, p_kazakhstan) -> None:
    """Scenario spec M3 examples: (s, a, u) = (P[Preempt], P[Host], P[Militarize])."""
    g = m3.at(**{**M3_DEFAULTS, **changes})
    s, a, u = sau
    b = BehaviorProfile(g, {"US": {"US:1": [u, 1 - u]}, "Azerbaijan": {"Azerbaijan:1": [a, 1 - a]},
                            "Russia": {"R": {"Accept": 1 - s, "Preempt": s}}})
    assert b.exact
    assert set(b.regret().values()) == {0}
    assert all(v == 0 for d in b.infoset_regrets().values() for v in d.values())
    got = b.beliefs("R")
    if beliefs is None:
        assert got == {"r_host": 0, "r_lim": 0, "r_com": 1}
    else:
        assert got == dict(zip(("r_com", "r_host", "r_lim"), beliefs, strict=True))
    follows = sum(b.realization_probability(n) for n in g.terminals() if "_K_" in n.id)
    assert follows == p_kazakhstan


def test_m3_nash_but_not_sequential() -> None:
    """Spec M3, c_R=1/10: Nash for every a, sequentially rational only at a=0 (off path)."""
    g = build_m3().at(**{**M3_DEFAULTS, "c_R": F(1, 10)})
    a = F(1, 2)
    b = BehaviorProfile(g, {"US": {"US:1": "Commercial"}, "Azerbaijan": {"Azerbaijan:1": [a, 1 - a]},
                            "Russia": {"R": "Preempt"}})
    assert set(b.regret().values()) == {0}
    assert b.beliefs("Azerbaijan:1") is None  # off the path
    d = M3_DEFAULTS
    host_minus_limit = d["g_A"] + d["f_A"] - 1 * (d["p"] * d["g_A"] + d["h_A"])  # spec, s = 1
    assert b.infoset_regrets()["Azerbaijan"]["Azerbaijan:1"] == a * -host_minus_limit


# ============================================================================ small known games


def entry_game() -> ExtensiveFormGame:
    """Selten (1978) chain-store stage game."""
    g = ExtensiveFormGame(["Entrant", "Incumbent"], title="Entry")
    out, enter = g.move(g.root, "Entrant", ["Out", "In"])
    g.outcome(out, {"Entrant": 0, "Incumbent": 2})
    fight, share = g.move(enter, "Incumbent", ["Fight", "Share"])
    g.outcome(fight, [-1, -1])
    g.outcome(share, [1, 1])
    return g


def test_entry_game_normal_form_and_regrets() -> None:
    g = entry_game()
    nf = g.to_normal_form()
    assert nf == NormalFormGame.from_arrays(
        [[0, 0], [-1, 1]], [[2, 2], [-1, 1]], players=["Entrant", "Incumbent"],
        strategies=[["Out", "In"], ["Fight", "Share"]])
    assert [n.id for n in g.subgame_roots()] == ["root", "n2"]
    assert g.is_perfect_information and not g.is_zero_sum
    spe = BehaviorProfile(g, {"Entrant": {"Entrant:1": "In"}, "Incumbent": {"Incumbent:1": "Share"}})
    assert spe.regret() == {"Entrant": 0, "Incumbent": 0}
    assert spe.infoset_regrets() == {"Entrant": {"Entrant:1": 0}, "Incumbent": {"Incumbent:1": 0}}
    assert spe.node_values()["n2"] == {"Entrant": 1, "Incumbent": 1}
    assert spe.best_response("Entrant") == (1, {"Entrant:1": "In"})
    assert spe.to_dict() == {"Entrant": {"Entrant:1": {"Out": "0", "In": "1"}},
                             "Incumbent": {"Incumbent:1": {"Fight": "0", "Share": "1"}}}


def test_reduced_normal_form_merges_unreachable_choices() -> None:
    """Centipede-like: player A's second move is unreachable after 'stop'."""
    g = ExtensiveFormGame(["A", "B"])
    stop, go = g.move(g.root, "A", ["stop", "go"])
    g.outcome(stop, [1, 0])
    left, right = g.move(go, "B", ["l", "r"])
    g.outcome(left, [0, 2])
    a, b = g.move(right, "A", ["a", "b"])
    g.outcome(a, [3, 1])
    g.outcome(b, [0, 0])
    assert g.reduced_strategies("A") == ("stop/*", "go/a", "go/b")
    assert g.reduced_strategies("A", reduced=False) == ("stop/a", "stop/b", "go/a", "go/b")
    full = g.to_normal_form(reduced=False)
    assert full.payoff_array("A").tolist() == [[1, 1], [1, 1], [0, 3], [0, 0]]
    assert g.strategy_map()["A"]["stop/*"] == {"A:1": "stop", "A:2": None}


def test_player_without_moves_has_one_strategy() -> None:
    g = ExtensiveFormGame(["A", "Bystander"])
    x, y = g.move(g.root, "A", ["x", "y"])
    g.outcome(x, [1, 5])
    g.outcome(y, [2, 6])
    assert g.to_normal_form().strategies == (("x", "y"), ("*",))
    assert BehaviorProfile(g, {"A": {"A:1": "y"}}).payoffs == {"A": 2, "Bystander": 6}


def test_float_tree_gives_float_normal_form() -> None:
    g = ExtensiveFormGame(["A"])
    h, t = g.chance(g.root, {"h": 0.25, "t": 0.75})
    g.outcome(h, [1.0])
    g.outcome(t, [3])
    assert g.kind == "float" and g.to_normal_form().payoff_array(0).tolist() == [2.5]


def forgetful_game() -> ExtensiveFormGame:
    """Player A forgets their own first move (imperfect recall)."""
    g = ExtensiveFormGame(["A", "B"])
    x, y = g.move(g.root, "A", ["x", "y"])
    for node in (x, y):
        lo, hi = g.move(node, "A", ["l", "r"], infoset="forget")
        g.outcome(lo, [1, 0])
        g.outcome(hi, [0, 1])
    return g


def test_perfect_recall_failure_is_named() -> None:
    g = forgetful_game()
    assert not g.has_perfect_recall()
    ((player, label, why),) = g.perfect_recall_violations()
    assert (player, label) == ("A", "forget") and "'n1' and 'n2'" in why
    with pytest.raises(MethodNotApplicableError, match="player 'A' forgets at information set 'forget'"):
        g.check_perfect_recall()
    with pytest.raises(MethodNotApplicableError, match="sequence_form needs perfect recall"):
        g.sequence_form()
    with pytest.raises(MethodNotApplicableError, match="from_mixed"):
        BehaviorProfile.from_mixed(g, {"A": "x/l", "B": "*"})
    b = BehaviorProfile(g, {"A": {"A:1": "x", "forget": "l"}})
    with pytest.raises(MethodNotApplicableError, match="perfect recall"):
        b.infoset_regrets()
    with pytest.raises(MethodNotApplicableError, match="Kuhn"):
        b.to_mixed()
    # the normal form and Nash regrets still work (pure deviations, enumerated)
    assert g.to_normal_form().shape == (4, 1)
    assert b.regret() == {"A": 0, "B": 0}
    assert BehaviorProfile(g, {"A": {"A:1": "y", "forget": "r"}}).regret() == {"A": 1, "B": 0}


def test_absent_minded_driver_lacks_perfect_recall() -> None:
    """Piccione and Rubinstein (1997): exit at the first or second intersection."""
    g = ExtensiveFormGame(["Driver"])
    exit1, cont = g.move(g.root, "Driver", ["exit", "continue"], infoset="I")
    g.outcome(exit1, [0])
    exit2, cont2 = g.move(cont, infoset="I")
    g.outcome(exit2, [4])
    g.outcome(cont2, [1])
    assert not g.has_perfect_recall()
    assert g.to_normal_form().payoff_array(0).tolist() == [0, 1]
    # behaviour beats every pure strategy (continue w.p. 2/3 yields 4/3): negative regret
    b = BehaviorProfile(g, {"Driver": {"I": [F(1, 3), F(2, 3)]}})
    assert b.payoffs == {"Driver": F(4, 3)} and b.regret() == {"Driver": F(-1, 3)}


def test_subgame_roots_with_chance_and_infosets() -> None:
    g = ExtensiveFormGame(["A", "B"])
    left, right = g.chance(g.root, {"L": F(1, 3), "R": F(2, 3)})
    a1, a2 = g.move(left, "A", ["u", "d"])
    b1, b2 = g.move(a1, "B", ["x", "y"], infoset="B")
    g.move(a2, infoset="B")
    c1, c2 = g.move(right, "A", ["u", "d"])
    for n in [*b1.parent.children.values(), *a2.children.values(), c1, c2]:
        g.outcome(n, [1, 2])
    assert [n.id for n in g.subgame_roots()] == ["root", left.id, right.id]
    assert g.subgame(left).nodes()[0].id == left.id
    sub = g.subgame(right)
    assert [n.id for n in sub.nodes()] == [right.id, c1.id, c2.id]


def test_symbolic_chance_validity_conditions() -> None:
    p = sympy.Symbol("p", real=True)
    g = ExtensiveFormGame(["A"])
    g.chance(g.root, {"s": p, "f": 1 - p})
    assert g.chance_validity_conditions() == [p >= 0, p <= 1]
    q, r = sympy.symbols("q r", nonnegative=True)
    h = ExtensiveFormGame(["A"])
    h.chance(h.root, {"s": q * r, "f": 1 - q * r})
    assert h.chance_validity_conditions() == [q * r <= 1]  # q*r >= 0 is implied
    space = ParameterSpace([Parameter("q", 0, 1), Parameter("r", 0, 1)])
    k = ExtensiveFormGame(["A"], space=space)
    qq, rr = space.symbol("q"), space.symbol("r")
    k.chance(k.root, {"s": qq * rr, "f": 1 - qq * rr})
    assert k.chance_validity_conditions() == []  # implied by the bounds


BAD_CHANCE = [
    pytest.param({"a": F(1, 2), "b": F(1, 3)}, None, InvalidGameError, "sum to 5/6, not 1",
                 id="exact-sum"),
    pytest.param({"a": 0.5, "b": 0.4}, None, InvalidGameError, "sum to 0.9", id="float-sum"),
    pytest.param({"a": F(3, 2), "b": F(-1, 2)}, None, InvalidGameError, "outside \\[0, 1\\]",
                 id="outside-unit-interval"),
    pytest.param({"a": float("nan"), "b": 1}, None, InvalidGameError, "not finite", id="nan"),
    pytest.param({"a": "p", "b": "p"}, "space", InvalidGameError, "not identically 1",
                 id="symbolic-sum"),
    pytest.param({"a": "q", "b": "1 - q"}, "space-high", InvalidGameError, "above 1",
                 id="provably-above-one"),
    pytest.param({"a": "w", "b": "1 - w"}, "space", ParseError, "'w'", id="undeclared-name-text"),
    pytest.param({"a": sympy.Symbol("w"), "b": 1 - sympy.Symbol("w")}, "space",
                 UnknownParameterError, "undeclared parameter 'w'", id="undeclared-symbol"),
    pytest.param({"a": sympy.Symbol("p"), "b": 1 - sympy.Symbol("p")}, "space",
                 UnknownParameterError, "assumptions differ", id="symbol-with-other-assumptions"),
    pytest.param({"a": "1/2", "a ": "1/2", "": 0}, None, InvalidGameError, "non-empty",
                 id="empty-action"),
]


@pytest.mark.parametrize(("probs", "space", "error", "match"), BAD_CHANCE)
def test_bad_chance_moves(probs, space, error, match) -> None:
    spaces = {None: None, "space": ParameterSpace([Parameter("p", 0, 1)]),
              "space-high": ParameterSpace([Parameter("q", 2, 3)])}
    g = ExtensiveFormGame(["A"], space=spaces[space])
    with pytest.raises(error, match=match):
        g.chance(g.root, probs)
    assert g.root.is_terminal and g.version == 0  # nothing changed


def _two_nodes_of_b() -> tuple[ExtensiveFormGame, object, object]:
    g = ExtensiveFormGame(["A", "B"])
    x, y = g.move(g.root, "A", ["x", "y"])
    return g, x, y


def _bad_action_count():
    g, x, y = _two_nodes_of_b()
    g.move(x, "B", ["l", "r"], infoset="B")
    g.move(y, "B", ["l", "m", "r"], infoset="B")


def _bad_merge_players():
    g, x, y = _two_nodes_of_b()
    g.move(x, "B", ["l", "r"])
    g.move(y, "A", ["l", "r"])
    g.infoset([x, y])


def _bad_merge_actions():
    g, x, y = _two_nodes_of_b()
    g.move(x, "B", ["l", "r"])
    g.move(y, "B", ["l", "s"])
    g.infoset([x, y])


def _bad_merge_chance():
    g, x, y = _two_nodes_of_b()
    g.chance(x, {"h": F(1, 2), "t": F(1, 2)})
    g.move(y, "B", ["h", "t"])
    g.infoset([y, x])


def _bad_second_move():
    g, x, _ = _two_nodes_of_b()
    g.move(g.root, "A", ["again"])


def _bad_unknown_player():
    g, x, _ = _two_nodes_of_b()
    g.move(x, "C", ["l"])


def _bad_missing_payoff():
    g, x, _ = _two_nodes_of_b()
    g.outcome(x, {"A": 1})


def _bad_unfinished():
    g, x, _ = _two_nodes_of_b()
    g.outcome(x, [1, 1])
    g.to_normal_form()


def _bad_duplicate_actions():
    g, x, _ = _two_nodes_of_b()
    g.move(x, "B", ["l", "l"])


def _bad_chance_player():
    ExtensiveFormGame(["A", "chance"])


def _bad_symbolic_regret():
    p = sympy.Symbol("p")
    g = ExtensiveFormGame(["A"])
    x, y = g.move(g.root, "A", ["x", "y"])
    g.outcome(x, [p])
    g.outcome(y, [0])
    BehaviorProfile(g, {"A": {"A:1": "x"}}).regret()


def _bad_infoset_label_taken():
    g, x, y = _two_nodes_of_b()
    g.move(x, "B", ["l", "r"], infoset="one")
    g.move(y, "B", ["l", "r"], infoset="two")
    g.infoset([x], label="two")


BAD_BUILDS = [
    pytest.param(_bad_action_count, InvalidGameError,
                 r"actions \['l', 'm', 'r'\] do not match information set 'B' of 'B', which has "
                 r"\['l', 'r'\] \(2 actions\)", id="action-count-vs-infoset"),
    pytest.param(_bad_merge_players, InvalidGameError,
                 r"different players.*'n1' \(B\), 'n2' \(A\)", id="merge-different-players"),
    pytest.param(_bad_merge_actions, InvalidGameError, "node 'n2' has actions", id="merge-actions"),
    pytest.param(_bad_merge_chance, InvalidGameError, "node 'n1' is a chance node",
                 id="merge-chance-node"),
    pytest.param(_bad_second_move, InvalidGameError, "already has a move", id="second-move"),
    pytest.param(_bad_unknown_player, UnknownLabelError, "unknown player 'C'", id="unknown-player"),
    pytest.param(_bad_missing_payoff, InvalidGameError, r"no payoff for players \['B'\]",
                 id="missing-payoff"),
    pytest.param(_bad_unfinished, InvalidGameError, r"leaves without payoffs: \['n2'\]",
                 id="unfinished-tree"),
    pytest.param(_bad_duplicate_actions, InvalidGameError, "duplicate action labels",
                 id="duplicate-actions"),
    pytest.param(_bad_chance_player, InvalidGameError, "reserved", id="player-named-chance"),
    pytest.param(_bad_symbolic_regret, SymbolicGameError, "free parameters: p",
                 id="symbolic-to-numeric-method"),
    pytest.param(_bad_infoset_label_taken, InvalidGameError, "already has an information set",
                 id="infoset-label-taken"),
]


@pytest.mark.parametrize(("build", "error", "match"), BAD_BUILDS)
def test_bad_builds(build, error, match) -> None:
    with pytest.raises(error, match=match):
        build()


def _dict(**changes):
    d = {"players": ["A", "B"],
         "nodes": [{"id": "a", "player": "A", "moves": {"L": "b", "R": "t2"}},
                   {"id": "b", "player": "B", "moves": {"l": "t1", "r": "t3"}}],
         "terminals": {"t1": {"A": 1, "B": 0}, "t2": {"A": 0, "B": 1}, "t3": {"A": 2, "B": 2}}}
    d.update(changes)
    return d


BAD_DICTS = [
    pytest.param(_dict(nodes=[{"id": "a", "player": "A", "moves": {"L": "b", "R": "t2"}},
                              {"id": "b", "player": "B", "moves": {"l": "t1", "r": "t2"}}]),
                 "node 't2' is a child of both 'a' and 'b'", id="shared-child"),
    pytest.param(_dict(nodes=[{"id": "a", "player": "A", "moves": {"L": "b", "R": "t2"}},
                              {"id": "b", "player": "B", "moves": {"l": "t1", "r": "t3"}},
                              {"id": "c", "player": "A", "moves": {"x": "d"}},
                              {"id": "d", "player": "B", "moves": {"y": "c"}}]),
                 r"nodes \['c', 'd'\] cannot be reached", id="cycle"),
    pytest.param(_dict(nodes=[{"id": "a", "player": "A", "moves": {"L": "a", "R": "t2"}}]),
                 "cannot be its own child", id="self-loop"),
    pytest.param(_dict(nodes=[{"id": "a", "player": "A", "moves": {"L": "b", "R": "zz"}},
                              {"id": "b", "player": "B", "moves": {"l": "t1", "r": "t3"}}]),
                 "unknown child 'zz'", id="unknown-child"),
    pytest.param(_dict(nodes=[{"id": "a", "player": "A", "moves": {"L": "b", "R": "t2"}},
                              {"id": "b", "player": "B", "moves": {"l": "t1", "r": "t3"}},
                              {"id": "a", "player": "B", "moves": {"l": "t1"}}]),
                 "appears twice", id="duplicate-id"),
    pytest.param(_dict(nodes=[{"id": "a", "player": "A", "infoset": "I", "moves": {"L": "b", "R": "t2"}},
                              {"id": "b", "player": "A", "infoset": "I", "moves": {"l": "t1", "r": "t3"}}]),
                 "do not match information set 'I'", id="infoset-action-mismatch"),
    pytest.param(_dict(nodes=[{"id": "a", "chance": {"L": "1/2", "R": "1/3"},
                               "next": {"L": "t1", "R": "t2"}}], terminals={
                                   "t1": {"A": 1, "B": 0}, "t2": {"A": 0, "B": 1}}),
                 "sum to 5/6", id="chance-sum"),
    pytest.param(_dict(extra=1), r"unknown keys \['extra'\]", id="unknown-key"),
    pytest.param(_dict(nodes=[{"id": "a", "player": "A", "moves": {"L": "t1"}, "payoff": 1}],
                       terminals={"t1": {"A": 1, "B": 0}}), r"node 'a': unknown keys \['payoff'\]",
                 id="unknown-node-key"),
    pytest.param(_dict(terminals={"t1": {"A": 1, "B": 0}, "t2": {"A": 0, "B": 1},
                                  "t3": {"A": 2, "B": 2}, "t4": {"A": 0, "B": 0}}),
                 r"several nodes are nobody's child: \['a', 't4'\]", id="two-roots"),
]


@pytest.mark.parametrize(("data", "match"), BAD_DICTS)
def test_bad_dicts(data, match) -> None:
    with pytest.raises(InvalidGameError, match=match):
        ExtensiveFormGame.from_dict(data)


def test_from_dict_bad_expression_names_node_and_token() -> None:
    d = _dict(terminals={"t1": {"A": "p.__class__", "B": 0}, "t2": {"A": 0, "B": 1},
                         "t3": {"A": 2, "B": 2}})
    with pytest.raises(ParseError, match="terminal node 't1', payoff of 'A'") as info:
        ExtensiveFormGame.from_dict(d, space=ParameterSpace([Parameter("p", 0, 1)]))
    assert info.value.column == 2


def test_builder_helpers_and_mutation_invalidate_caches() -> None:
    g = entry_game()
    nf1 = g.to_normal_form()
    version = g.version
    g.outcome("n3", [-2, -1])  # a harsher fight
    assert g.version > version
    assert g.to_normal_form()["In", "Fight"] == (-2, -1) and nf1["In", "Fight"] == (-1, -1)
    b = BehaviorProfile(entry_game(), {"Entrant": {"Entrant:1": "In"},
                                       "Incumbent": {"Incumbent:1": "Share"}})
    h = b.game
    h.clear("n2")
    with pytest.raises(InvalidProfileError, match="game changed"):
        _ = b.payoffs
    assert h.node("n2").is_terminal and len(h.nodes()) == 3
    with pytest.raises(UnknownLabelError, match="no node with id 'n3'"):
        h.node("n3")
    kids = h.move("n2", "Incumbent", ["Fight", "Share"], ids={"Fight": "f", "Share": "s"})
    assert kids["Share"].id == "s" and kids.keys() == ("Fight", "Share")
    copy = entry_game().copy()
    assert copy == entry_game() and copy.root is not entry_game().root


def test_infoset_merge_reorders_children() -> None:
    g, x, y = _two_nodes_of_b()
    g.move(x, "B", ["l", "r"])
    g.move(y, "B", ["r", "l"])
    inf = g.infoset([x, y], label="B")
    assert inf.actions == ("l", "r") and y.actions == ("l", "r")
    assert [n.id for n in inf.nodes] == ["n1", "n2"] and len(g.infosets("B")) == 1
    assert g.get_infoset("B", "B") is inf


BAD_PROFILES = [
    pytest.param({"Entrant": {"Entrant:1": "In"}}, InvalidProfileError,
                 "no probabilities for information sets 'Incumbent:1' of 'Incumbent'",
                 id="missing-infoset"),
    pytest.param({"Entrant": {"E": "In"}, "Incumbent": {"Incumbent:1": "Share"}},
                 UnknownLabelError, "player 'Entrant' has no information set 'E'",
                 id="unknown-infoset"),
    pytest.param({"Entrant": {"Entrant:1": "Enter"}, "Incumbent": {"Incumbent:1": "Share"}},
                 UnknownLabelError, "unknown action 'Enter'", id="unknown-action"),
    pytest.param({"Entrant": {"Entrant:1": {"In": F(1, 2), "Stay": F(1, 2)}},
                  "Incumbent": {"Incumbent:1": "Share"}},
                 UnknownLabelError, r"unknown actions \['Stay'\]", id="unknown-action-in-mapping"),
    pytest.param({"Entrant": {"Entrant:1": [F(1, 2), F(1, 3)]},
                  "Incumbent": {"Incumbent:1": "Share"}},
                 InvalidProfileError, "sum to 5/6, not 1", id="not-normalised"),
    pytest.param({"Entrant": {"Entrant:1": [F(3, 2), F(-1, 2)]},
                  "Incumbent": {"Incumbent:1": "Share"}},
                 InvalidProfileError, "negative probability", id="negative"),
    pytest.param({"Entrant": {"Entrant:1": ["1/2", "1/2"]},
                  "Incumbent": {"Incumbent:1": "Share"}},
                 InvalidProfileError, "is a string", id="string-probability"),
    pytest.param({"Entrant": {"Entrant:1": [1.0, float("nan")]},
                  "Incumbent": {"Incumbent:1": "Share"}},
                 InvalidProfileError, "finite", id="nan"),
    pytest.param({"Nobody": {}}, UnknownLabelError, "unknown player 'Nobody'", id="unknown-player"),
]


@pytest.mark.parametrize(("data", "error", "match"), BAD_PROFILES)
def test_bad_behavior_profiles(data, error, match) -> None:
    with pytest.raises(error, match=match):
        BehaviorProfile(entry_game(), data)


# ============================================================================ random trees


@st.composite
def tree_specs(draw, *, n_players: int, max_depth: int, chance: bool = True):
    """A nested tree description: ("t", payoffs) | ("c", weights, kids) | ("p", player, r, kids).

    Most nodes of one depth share a mover and an action count (drawn once per depth), so
    that many decision nodes have equal histories and can share information sets.
    """
    layout = [(draw(st.sampled_from(["p", "p", "c"] if chance else ["p"])),
               draw(st.integers(0, n_players - 1)), draw(st.integers(2, 3)))
              for _ in range(max_depth)]

    def node(depth: int):
        if depth == 0 or (depth < max_depth and draw(st.integers(0, 4)) == 0):
            return ("t", tuple(draw(st.integers(-4, 4)) for _ in range(n_players)))
        kind, player, k = layout[max_depth - depth]
        if draw(st.integers(0, 3)) == 0:  # sometimes deviate from the layout
            kind = draw(st.sampled_from(["p", "c"] if chance else ["p"]))
            player = draw(st.integers(0, n_players - 1))
            k = draw(st.integers(2 if kind == "c" else 1, 3))
        kids = [node(depth - 1) for _ in range(k)]
        if kind == "c":
            weights = [draw(st.integers(0, 3)) for _ in range(k)]
            if not any(weights):
                weights[0] = 1
            return ("c", weights, kids)
        # the tag decides which same-history nodes share an information set (mostly all)
        return ("p", player, draw(st.sampled_from([0, 0, 1])), kids)

    return node(max_depth)


def build_tree(spec, n_players: int, *, infosets: bool) -> ExtensiveFormGame:
    """Build a tree; with ``infosets`` merge same-player nodes with equal own history
    (and equal action count, and an equal random tag): perfect recall by construction."""
    g = ExtensiveFormGame([f"P{i}" for i in range(n_players)])
    labels: dict = {}
    stack = [(g.root, spec, ((),) * n_players)]
    while stack:
        node, s, hist = stack.pop()
        if s[0] == "t":
            g.outcome(node, list(s[1]))
            continue
        if s[0] == "c":
            total = sum(s[1])
            kids = g.chance(node, {f"c{j}": F(w, total) for j, w in enumerate(s[1])})
            for kid, sub in zip(kids, s[2], strict=True):
                stack.append((kid, sub, hist))
            continue
        _, player, tag, subs = s
        key = (player, hist[player], len(subs), tag if infosets else node.id)
        label = labels.setdefault(key, f"I{len(labels)}")
        kids = g.move(node, f"P{player}", [f"a{j}" for j in range(len(subs))], infoset=label)
        for j, (kid, sub) in enumerate(zip(kids, subs, strict=True)):
            h = list(hist)
            h[player] = h[player] + ((label, j),)
            stack.append((kid, sub, tuple(h)))
    return g


def walk_pure(game: ExtensiveFormGame, choice: dict) -> tuple:
    """Expected payoffs of a pure profile by walking the tree (independent of the library)."""
    def value(node):
        if node.is_terminal:
            return tuple(F(node.payoffs[p]) for p in game.players)
        if node.player == CHANCE:
            parts = [(F(q), value(node.children[a])) for a, q in node.probabilities.items()]
            return tuple(sum(q * v[i] for q, v in parts) for i in range(game.n_players))
        action = choice[(node.player, node.infoset.label)]
        assert action is not None, "a reduced strategy left a reachable information set open"
        return value(node.children[action])

    return value(game.root)


def walk_behavior(game: ExtensiveFormGame, probs: dict) -> tuple:
    """Expected payoffs of a behaviour profile by walking the tree."""
    def value(node):
        if node.is_terminal:
            return tuple(F(node.payoffs[p]) for p in game.players)
        if node.player == CHANCE:
            weights = dict(node.probabilities)
        else:
            weights = probs[(node.player, node.infoset.label)]
        parts = [(F(weights[a]), value(c)) for a, c in node.children.items()]
        return tuple(sum(q * v[i] for q, v in parts) for i in range(game.n_players))

    return value(game.root)


def brute_force_reduced(game: ExtensiveFormGame, player: str) -> set:
    """Reduced strategies as sets of (infoset, action): classes of full pure strategies."""
    infs = game.infosets(player)
    classes = set()
    for actions in itertools.product(*(inf.actions for inf in infs)):
        plan = {inf.label: a for inf, a in zip(infs, actions, strict=True)}
        relevant = set()
        stack = [game.root]
        while stack:
            node = stack.pop()
            if node.is_terminal:
                continue
            if node.player == player:
                relevant.add((node.infoset.label, plan[node.infoset.label]))
                stack.append(node.children[plan[node.infoset.label]])
            else:
                stack.extend(node.children.values())
        classes.add(frozenset(relevant))
    return classes


@st.composite
def random_games(draw, *, infosets: bool, players=(1, 3), max_depth: int = 4):
    n = draw(st.integers(*players))
    spec = draw(tree_specs(n_players=n, max_depth=max_depth))
    return build_tree(spec, n, infosets=infosets)


def random_behavior(draw, game: ExtensiveFormGame) -> dict:
    data: dict = {p: {} for p in game.players}
    for inf in game.infosets():
        w = [draw(st.integers(0, 3)) for _ in inf.actions]
        if not any(w):
            w[draw(st.integers(0, len(w) - 1))] = 1
        data[inf.player][inf.label] = [F(x, sum(w)) for x in w]
    return data


def _check_normal_form(g: ExtensiveFormGame) -> None:
    assert g.has_perfect_recall()
    nf = g.to_normal_form()
    smap = g.strategy_map()
    for i, p in enumerate(g.players):
        ours = {frozenset((k, a) for k, a in smap[p][lab].items() if a is not None)
                for lab in nf.strategies[i]}
        assert ours == brute_force_reduced(g, p)
        assert len(ours) == nf.shape[i]
    for profile in itertools.product(*nf.strategies):
        choice = {(p, k): a for p, lab in zip(g.players, profile, strict=True)
                  for k, a in smap[p][lab].items()}
        assert tuple(F(v) for v in nf[profile]) == walk_pure(g, choice)


@scaled(60, deadline=None)
@given(random_games(infosets=False, max_depth=3))
def test_reduced_normal_form_perfect_information(g: ExtensiveFormGame) -> None:
    assert g.is_perfect_information
    assert len(g.subgame_roots()) == sum(1 for n in g.nodes() if not n.is_terminal)
    _check_normal_form(g)


@scaled(60, deadline=None)
@given(random_games(infosets=True))
def test_reduced_normal_form_with_information_sets(g: ExtensiveFormGame) -> None:
    _check_normal_form(g)


@scaled(40, deadline=None)
@given(st.data())
def test_kuhn_round_trip_keeps_realization_probabilities(data) -> None:
    g = data.draw(random_games(infosets=True))
    b = BehaviorProfile(g, random_behavior(data.draw, g))
    mixed = b.to_mixed()
    for p in g.players:
        assert sum(mixed[p].values()) == 1
    back = BehaviorProfile.from_mixed(g, mixed)
    assert back.realization_probabilities() == b.realization_probabilities()
    assert expected_payoffs(g.to_normal_form(), mixed) == b.payoffs
    # realization probabilities of the mixed profile, computed from strategy behaviour
    smap = g.strategy_map()
    for node in g.nodes():
        prob = g.reach_probability(node)
        for p in g.players:
            own = [(n.infoset.label, a) for n, a in node.path if n.player == p]
            prob *= sum(q for lab, q in mixed[p].items()
                        if all(smap[p][lab][k] == a for k, a in own))
        assert prob == b.realization_probability(node)


@scaled(40, deadline=None)
@given(st.data())
def test_sequence_form_payoffs_and_constraints(data) -> None:
    g = data.draw(random_games(infosets=True, players=(2, 2)))
    probs = random_behavior(data.draw, g)
    b = BehaviorProfile(g, probs)
    sf = g.sequence_form()
    x, y = sf.realization_plan(b, 0), sf.realization_plan(b, 1)
    assert (sf.E.dot(x) == sf.e).all() and (sf.F.dot(y) == sf.f).all()
    assert all(v >= 0 for v in [*x, *y])
    flat = {(p, k): v for p, d in probs.items() for k, v in
            ((lab, dict(zip(g.get_infoset(lab, p).actions, vals, strict=True)))
             for lab, vals in d.items())}
    expected = walk_behavior(g, flat)
    assert (x.dot(sf.A).dot(y), x.dot(sf.B).dot(y)) == expected
    assert sf.expected_payoffs([x, y]) == expected
    # realization plans back to behaviour keep the realization probabilities
    assert sf.to_behavior([x, y]).realization_probabilities() == b.realization_probabilities()


@scaled(30, deadline=None)
@given(st.data())
def test_regret_is_zero_exactly_at_best_responses(data) -> None:
    """Play each player's best response in turn: that player's regret becomes zero,
    and the best-response value equals the best pure payoff in the normal form."""
    g = data.draw(random_games(infosets=True, players=(2, 3)))
    probs = random_behavior(data.draw, g)
    b = BehaviorProfile(g, probs)
    nf = g.to_normal_form()
    mixed = b.to_mixed()
    for i, p in enumerate(g.players):
        value, choices = b.best_response(p)
        others = [mixed[q] if j != i else None for j, q in enumerate(g.players)]
        pure_values = []
        for s in nf.strategies[i]:
            prof = [o if o is not None else {s: 1} for o in others]
            pure_values.append(expected_payoffs(nf, prof)[p])
        assert value == max(pure_values)
        assert b.regret()[p] == value - b.payoffs[p]
        swapped = dict(probs)
        swapped[p] = {lab: choices.get(lab, vals) for lab, vals in probs[p].items()}
        assert BehaviorProfile(g, swapped).regret()[p] == 0


def test_sequence_form_of_m3_is_symbolic(m3: ExtensiveFormGame) -> None:
    sf = m3.sequence_form()
    assert sf.domain == "symbolic" and len(sf.players) == 3
    assert [len(s) for s in sf.sequences] == [3, 3, 3]
    assert sf.infosets == (("US:1",), ("Azerbaijan:1",), ("R",))
    with pytest.raises(MethodNotApplicableError, match="2 players"):
        _ = sf.A
    # sum of all entries: expected payoff when every sequence has plan 1 is not meaningful;
    # instead compare the (Commercial, -, Preempt) entry with the table
    key = (sf.sequence_index("US", [("US:1", "Commercial")]), 0,
           sf.sequence_index("Russia", [("R", "Preempt")]))
    expected = m3_expected("Commercial", "Host", "Preempt")
    assert all(_zero(v - expected[p]) for v, p in zip(sf.payoffs[key], sf.players, strict=True))
    np.testing.assert_array_equal(sf.constraints[2], [[1, 0, 0], [-1, 1, 1]])
