"""Subgame-perfect equilibria: backward induction, subgame decomposition, symbolic induction,
and the tree methods that go through the reduced normal form (``pure``, ``enummixed``).

Oracles and sources:

* pygambit 16.7 (https://www.gambit-project.org), independent of this library: its
  reader, ``enumpure_solve`` and ``enummixed_solve(rational=True)`` on the reduced
  strategic form, and ``MixedBehaviorProfile.max_regret`` (exact) on our behaviour
  profiles. The catalog games are the ``.efg`` files shipped with pygambit, each citing
  its source in its title and comment.
* Known games from the literature (cited at each builder): Selten's chain store,
  McKelvey-Palfrey centipede, Osborne's entry game and ultimatum game with indivisible
  units, Fearon's ultimatum bargaining, the TRIPP scenario's M3 (``shared/scenario_spec.md``).
* A brute-force enumeration of pure profiles checked by the one-deviation property, written
  in this file (independent of the solver's outcome sets and backtracking).
"""

from __future__ import annotations

import io
import itertools
import random
from fractions import Fraction as F
from pathlib import Path

import pytest
import sympy
from hypothesis import HealthCheck, given
from hypothesis import strategies as st

from gametheory import NormalFormGame, verify
from gametheory.analysis.spe import spe_outcome
from gametheory.errors import (
    InvalidGameError,
    MethodNotApplicableError,
    SymbolicGameError,
)
from gametheory.games.behavior import BehaviorProfile
from gametheory.games.extensive import CHANCE, ExtensiveFormGame
from gametheory.io.efg import efg_text, read_efg
from gametheory.parameters import Parameter, ParameterSpace
from gametheory.solvers.backward_induction import backward_induction, solve_spe_tree
from gametheory.solvers.trees import (
    TreeEquilibrium,
    TreeSolution,
    reduced_normal_form_size,
    solve_spe,
    solve_tree,
    subgame_regrets,
)

from ._hypothesis import scaled
from .test_extensive import M3_DEFAULTS, build_m3, build_tree, tree_specs

gbt = pytest.importorskip("pygambit")

CATALOG_ROOT = Path(gbt.__file__).parent / "catalog_data"
CATALOG = sorted(CATALOG_ROOT.rglob("*.efg"))
CATALOG_IDS = [str(p.relative_to(CATALOG_ROOT)) for p in CATALOG]


# ============================================================================ builders


def entry_game() -> ExtensiveFormGame:
    """Osborne (2004), *An Introduction to Game Theory*, section 5.1, the entry game:
    challenger Out (1, 2); In then Acquiesce (2, 1) or Fight (0, 0)."""
    g = ExtensiveFormGame(["Challenger", "Incumbent"], title="entry game")
    out, enter = g.move(g.root, "Challenger", ["Out", "In"])
    g.outcome(out, [1, 2])
    acq, fight = g.move(enter, "Incumbent", ["Acquiesce", "Fight"])
    g.outcome(acq, [2, 1])
    g.outcome(fight, [0, 0])
    return g


def chain_store(markets: int) -> ExtensiveFormGame:
    """Selten (1978), "The chain store paradox", Theory and Decision 9, 127-159: per market
    the entrant gets 1 (out), 2 (enter, shared), 0 (enter, fought); the chain store 5, 2, 0.
    Entrant k moves after seeing the earlier markets."""
    players = [f"E{k + 1}" for k in range(markets)] + ["Store"]
    g = ExtensiveFormGame(players, title=f"chain store, {markets} markets")
    stack = [(g.root, 0, dict.fromkeys(players, 0))]
    while stack:
        node, k, acc = stack.pop()
        if k == markets:
            g.outcome(node, acc)
            continue
        entrant = f"E{k + 1}"
        out, enter = g.move(node, entrant, ["out", "in"])
        share, fight = g.move(enter, "Store", ["share", "fight"])
        for leaf, (e, s) in ((out, (1, 5)), (share, (2, 2)), (fight, (0, 0))):
            nxt = dict(acc)
            nxt[entrant] += e
            nxt["Store"] += s
            stack.append((leaf, k + 1, nxt))
    return g


def centipede(moves: int) -> ExtensiveFormGame:
    """McKelvey and Palfrey (1992), "An experimental study of the centipede game",
    Econometrica 60, 803-836: pots (0.40, 0.10), doubling, the larger share alternating."""
    g = ExtensiveFormGame(["1", "2"], title=f"centipede ({moves} moves)")
    big, small = F(2, 5), F(1, 10)
    node = g.root
    for k in range(moves):
        mover = "1" if k % 2 == 0 else "2"
        take, push = g.move(node, mover, ["take", "pass"])
        g.outcome(take, [big, small] if mover == "1" else [small, big])
        big, small = 2 * big, 2 * small
        node = push
    g.outcome(node, [big, small] if moves % 2 == 0 else [small, big])
    return g


def ultimatum(pie: int) -> ExtensiveFormGame:
    """Osborne (2004), section 6.1.1, ultimatum game with indivisible units: the proposer
    offers x in {0, ..., pie}; the responder accepts (pie - x, x) or rejects (0, 0)."""
    g = ExtensiveFormGame(["Proposer", "Responder"], title=f"ultimatum, pie {pie}")
    offers = g.move(g.root, "Proposer", [str(x) for x in range(pie + 1)])
    for x, node in enumerate(offers):
        yes, no = g.move(node, "Responder", ["accept", "reject"], infoset=f"offer {x}")
        g.outcome(yes, [pie - x, x])
        g.outcome(no, [0, 0])
    return g


def fearon(p, c_A, c_B, grid: int = 10, space=None) -> ExtensiveFormGame:
    """Fearon (1995), "Rationalist explanations for war", International Organization 49,
    379-414, section on the bargaining range: A offers B a share x of a unit pie, B accepts
    (1 - x, x) or fights, winning with probability p: (1 - p - c_A, p - c_B). Offers on a
    grid k/grid."""
    g = ExtensiveFormGame(["A", "B"], title="Fearon ultimatum bargaining", space=space)
    xs = [F(k, grid) for k in range(grid + 1)]
    offers = g.move(g.root, "A", [str(x) for x in xs])
    for x, node in zip(xs, offers, strict=True):
        yes, war = g.move(node, "B", ["accept", "war"], infoset=f"x={x}")
        g.outcome(yes, [1 - x, x])
        g.outcome(war, [1 - p - c_A, p - c_B])
    return g


def independent_ties() -> ExtensiveFormGame:
    """A stops at once (10); off the path B has a 3-way tie and A a 2-way tie that nobody
    upstream cares about: the pure SPE are the 3 x 2 combinations."""
    g = ExtensiveFormGame(["A", "B"], title="independent ties")
    stop, go, alt = g.move(g.root, "A", ["stop", "go", "alt"])
    g.outcome(stop, [10, 0])
    for j, leaf in enumerate(g.move(go, "B", ["b1", "b2", "b3"])):
        g.outcome(leaf, [j, 1])
    for j, leaf in enumerate(g.move(alt, "A", ["a1", "a2"])):
        g.outcome(leaf, [1, j])
    return g


def choices(eq: TreeEquilibrium) -> frozenset:
    return frozenset((p, lab, a) for p, d in eq.choices().items() for lab, a in d.items())


def first_action(eq: TreeEquilibrium, player: str) -> str:
    game = eq.behavior.game
    label = game.root.infoset.label
    return eq.choices()[player][label]


# ============================================================================ known SPE


@pytest.mark.parametrize(
    ("build", "count", "payoffs"),
    [
        pytest.param(entry_game, 1, (2, 1), id="entry-game-osborne"),
        pytest.param(lambda: chain_store(2), 1, (2, 2, 4), id="chain-store-2-selten"),
        pytest.param(lambda: chain_store(3), 1, (2, 2, 2, 6), id="chain-store-3-selten"),
        pytest.param(lambda: centipede(4), 1, (F(2, 5), F(1, 10)), id="centipede-4-mckelvey-palfrey"),
        pytest.param(lambda: centipede(6), 1, (F(2, 5), F(1, 10)), id="centipede-6-mckelvey-palfrey"),
    ],
)
def test_unique_spe_from_the_literature(build, count, payoffs) -> None:
    g = build()
    sol = solve_tree(g, "spe")
    assert isinstance(sol, TreeSolution)
    assert (len(sol), sol.count, sol.complete) == (count, count, "all")
    (eq,) = sol
    assert tuple(eq.payoffs[p] for p in g.players) == payoffs
    assert eq.subgame_perfect is True and eq.regret == 0
    assert all(v == 0 for d in eq.infoset_regrets.values() for v in d.values())
    if reduced_normal_form_size(g) <= 200_000:  # certified on the reduced normal form too
        assert eq.equilibrium is not None and eq.equilibrium.regret == 0
    else:  # chain store, 3 markets: 2 * 8 * 512 * 8192 reduced profiles
        assert eq.equilibrium is None and any("too large" in n for n in sol.notes)


def test_chain_store_everyone_enters_and_the_store_always_shares() -> None:
    g = chain_store(3)
    (eq,) = solve_tree(g, "spe")
    c = eq.choices()
    # every entrant's every node: in; the store shares everywhere (on and off the path)
    assert all(a == "in" for p in g.players[:-1] for a in c[p].values())
    assert set(c["Store"].values()) == {"share"}
    assert len(c["Store"]) == 1 + 3 + 9  # one store node per entry, off path too


def test_centipede_takes_at_every_node() -> None:
    g = centipede(6)
    (eq,) = solve_tree(g, "spe")
    assert {a for d in eq.choices().values() for a in d.values()} == {"take"}


def test_entry_game_nash_but_not_subgame_perfect() -> None:
    """(Out, Fight) is a Nash equilibrium of the reduced normal form resting on an empty
    threat (Selten 1965/1975); only (In, Acquiesce) is subgame perfect."""
    g = entry_game()
    pure = solve_tree(g, "pure")
    flags = {str(e).split(" -> ")[0]: e.subgame_perfect for e in pure}
    assert flags == {"Challenger: Out; Incumbent: Fight": False,
                     "Challenger: In; Incumbent: Acquiesce": True}
    (spe,) = solve_tree(g, "spe")
    assert spe.choices() == {"Challenger": {"Challenger:1": "In"},
                             "Incumbent": {"Incumbent:1": "Acquiesce"}}


def test_ultimatum_with_indivisible_units_has_two_spe() -> None:
    """Osborne (2004), section 6.1.1: the responder accepts every positive offer; at the
    offer 0 it is indifferent, and the proposer offers 0 or 1 accordingly."""
    g = ultimatum(4)
    sol = solve_tree(g, "spe")
    assert (sol.count, len(sol), sol.complete) == (2, 2, "all-pure")
    got = {(first_action(e, "Proposer"), e.choices()["Responder"]["offer 0"]) for e in sol}
    assert got == {("0", "accept"), ("1", "reject")}
    for e in sol:
        assert all(e.choices()["Responder"][f"offer {x}"] == "accept" for x in range(1, 5))
    assert any("ties at nodes" in note for note in sol.notes)


def test_fearon_spe_offer_is_the_war_value_of_b() -> None:
    """Fearon (1995): A offers exactly B's war value p - c_B and B accepts. On the grid
    the tie at x = p - c_B gives a second SPE with the next offer."""
    p, c = F(3, 5), F(1, 10)
    sol = solve_tree(fearon(p, c, c), "spe")
    offers = sorted(F(first_action(e, "A")) for e in sol)
    assert sol.count == 2 and offers == [p - c, p - c + F(1, 10)]
    # off the grid point: a unique SPE, the smallest offer above the war value
    sol = solve_tree(fearon(F(13, 20), c, c), "spe")
    assert sol.count == 1 and F(first_action(sol[0], "A")) == F(3, 5)
    for e in sol:
        for lab, act in e.choices()["B"].items():
            assert (act == "accept") == (F(lab[2:]) > F(13, 20) - c)


def test_all_spe_under_independent_ties_is_the_product_of_tie_sizes() -> None:
    g = independent_ties()
    sol = solve_tree(g, "spe")
    assert sol.count == len(sol) == 3 * 2
    assert len({choices(e) for e in sol}) == 6
    assert all(first_action(e, "A") == "stop" for e in sol)


def test_cap_keeps_the_exact_count_and_says_so() -> None:
    g = ultimatum(6)
    bi = backward_induction(g, max_equilibria=1)
    assert bi.count == 2 and len(bi.profiles) == 1 and not bi.complete
    sol = solve_spe_tree(independent_ties(), max_equilibria=4)
    assert (len(sol), sol.count, sol.complete) == (4, 6, "some")
    assert any("max_equilibria" in n for n in sol.notes)


# ============================================================================ scenario M3


@pytest.mark.parametrize(
    ("changes", "sau"),
    [
        # scenario_spec.md, M3 examples: (s, a, u) = (P[Preempt], P[Host], P[Militarize])
        pytest.param({}, (F(3, 4), F(4, 5), F(15, 32)), id="defaults"),
        pytest.param({"c_R": "1/10"}, (F(1), F(0), F(0)), id="cheap-war"),
    ],
)
def test_m3_subgame_perfect_equilibria_contain_the_sequential_one(changes, sau) -> None:
    """M3 has no proper subgame (SPE = Nash); among the equilibria found, the spec's
    sequential equilibrium is present and is sequentially rational at every information
    set where beliefs are defined."""
    g = build_m3().at(**(M3_DEFAULTS | changes))
    sol = solve_tree(g, "spe")
    assert len(sol) >= 1 and all(e.subgame_perfect for e in sol)

    def sau_of(e):
        b = e.behavior
        return (b["Russia"]["R"]["Preempt"], b["Azerbaijan"]["Azerbaijan:1"]["Host"],
                b["US"]["US:1"]["Militarize"])

    found = [e for e in sol if sau_of(e) == sau]
    assert len(found) == 1
    regs = found[0].infoset_regrets
    assert all(v == 0 for d in regs.values() for v in d.values() if v is not None)


# ============================================================================ brute force


def brute_force_spe(g: ExtensiveFormGame) -> set[frozenset]:
    """All pure SPE of a perfect-information tree: every pure profile, kept when no mover
    gains by a one-node deviation (Osborne-Rubinstein 1994, Lemma 98.2)."""
    dec = [n for n in g.nodes() if n.is_decision]
    out = set()
    for combo in itertools.product(*(n.actions for n in dec)):
        choice = dict(zip(dec, combo, strict=True))
        memo: dict = {}

        def value(n, choice=choice, memo=memo):
            if n not in memo:
                if n.is_terminal:
                    memo[n] = tuple(F(n.payoffs[p]) for p in g.players)
                elif n.player == CHANCE:
                    parts = [(F(q), value(n.children[a])) for a, q in n.probabilities.items()]
                    memo[n] = tuple(sum(q * v[i] for q, v in parts) for i in range(g.n_players))
                else:
                    memo[n] = value(n.children[choice[n]])
            return memo[n]

        if all(max(value(c)[g.players.index(n.player)] for c in n.children.values())
               == value(n)[g.players.index(n.player)] for n in dec):
            out.add(frozenset((n.player, n.infoset.label, choice[n]) for n in dec))
    return out


def _gbt_path(node) -> tuple[str, ...]:
    out = []
    while node.parent is not None:
        out.append(node.prior_action.label)
        node = node.parent
    return tuple(reversed(out))


def gbt_behavior(gg, eq: TreeEquilibrium):
    """pygambit's exact behaviour profile for ours (information sets matched by the
    action paths to their members)."""
    game = eq.behavior.game
    ours = {frozenset(tuple(a for _, a in n.path) for n in inf.nodes): inf for inf in game.infosets()}
    prof = gg.mixed_behavior_profile(rational=True)
    for p in gg.players:
        for inf in p.infosets:
            mine = ours[frozenset(_gbt_path(m) for m in inf.members)]
            for action in inf.actions:
                q = F(eq.behavior[mine.player][mine.label][action.label])
                prof[action] = gbt.Rational(q.numerator, q.denominator)
    return prof


@scaled(60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_perfect_information_trees_all_spe(data) -> None:
    """Every pure SPE is found (brute force), each is a Nash equilibrium of the reduced
    normal form (our verify and pygambit's max_regret), and the count is exact."""
    n = data.draw(st.integers(1, 3), label="players")
    g = build_tree(data.draw(tree_specs(n_players=n, max_depth=3)), n, infosets=False)
    size = 1
    for node in g.nodes():
        if node.is_decision:
            size *= len(node.actions)
    expected = brute_force_spe(g) if size <= 2000 else None
    sol = solve_tree(g, "spe", max_equilibria=5000)
    assert sol.count == len(sol)
    if expected is not None:
        assert {choices(e) for e in sol} == expected
    nf = g.to_normal_form()
    gg = gbt.read_efg(io.StringIO(efg_text(g)))
    for e in sol:
        assert verify(nf, e.behavior.to_mixed()).max_regret == 0
        assert e.equilibrium is not None and e.subgame_perfect
        assert gbt_behavior(gg, e).max_regret() == 0


@scaled(15, deadline=None)
@given(st.data())
def test_random_trees_with_information_sets_decompose_into_subgames(data) -> None:
    """Subgame decomposition: every result is Nash in every subgame (checked here with the
    behaviour profiles of each subgame, independently of the solver's own check)."""
    g = build_tree(data.draw(tree_specs(n_players=2, max_depth=3)), 2, infosets=True)
    sol = solve_tree(g, "spe")
    assert len(sol) >= 1
    for e in sol:
        for regrets in subgame_regrets(e.behavior).values():
            assert set(regrets.values()) == {0}
        assert verify(g.to_normal_form(), e.behavior.to_mixed()).max_regret == 0


def test_large_tree_is_verified_in_the_tree() -> None:
    """A 3000-node random tree: the reduced normal form is far too large, so the one-shot
    deviation check certifies the SPE; the lazily built behaviour profile agrees, and its
    regrets (part A's independent best responses) are 0."""
    rng = random.Random(7)
    g = ExtensiveFormGame(["A", "B"])
    frontier, count, leaves = [g.root], 1, []
    while frontier:
        node = frontier.pop(rng.randrange(len(frontier)))
        if count >= 3000:
            leaves.append(node)
            continue
        kids = g.move(node, rng.choice("AB"), ["l", "r"]) if rng.random() > 0.1 else g.chance(
            node, {"h": F(1, 3), "t": F(2, 3)})
        count += 2
        frontier.extend(kids)
    for leaf in leaves:
        g.outcome(leaf, [rng.randint(-10**6, 10**6), rng.randint(-10**6, 10**6)])
    assert reduced_normal_form_size(g, cap=10**6) > 10**6
    sol = solve_tree(g, "spe")
    (eq,) = sol
    assert sol.normal_form is None and eq.equilibrium is None and eq.subgame_perfect
    assert any("too large" in n for n in sol.notes)
    assert set(eq.behavior.regret().values()) == {0}
    assert eq.payoffs == eq.behavior.payoffs
    strategies = eq.to_dict()["strategies"]
    assert all(list(d.values()) == ["1"] for d in strategies.values())


# ============================================================================ catalog


def _strategy_keys(g: ExtensiveFormGame) -> list[dict]:
    """Our reduced strategies keyed by (information set as member paths, action) pairs."""
    smap = g.strategy_map()
    key = {(inf.player, inf.label): frozenset(tuple(a for _, a in m.path) for m in inf.nodes)
           for inf in g.infosets()}
    return [{frozenset((key[(p, lab)], a) for lab, a in smap[p][s].items() if a is not None): s
             for s in smap[p]} for p in g.players]


def gbt_profiles(g: ExtensiveFormGame, gg, equilibria) -> set:
    """pygambit's mixed profiles as tuples of exact probabilities in our strategy order."""
    keys = _strategy_keys(g)
    nf = g.to_normal_form()
    out = set()
    for eq in equilibria:
        vec = []
        for i, p in enumerate(gg.players):
            probs = dict.fromkeys(nf.strategies[i], F(0))
            infkey = {inf: frozenset(_gbt_path(m) for m in inf.members) for inf in p.infosets}
            for s in p.strategies:
                k = frozenset((infkey[inf], s.action(inf).label) for inf in p.infosets
                              if s.action(inf) is not None)
                probs[keys[i][k]] += F(str(eq[s]))
            vec.append(tuple(probs[s] for s in nf.strategies[i]))
        out.add(tuple(vec))
    return out


def our_profiles(sol: TreeSolution) -> set:
    nf = sol.game.to_normal_form()
    return {tuple(tuple(e.equilibrium.profile[p][s] for s in nf.strategies[i])
                  for i, p in enumerate(nf.players)) for e in sol}


def _on_strategies(gg, solver):
    """Run a pygambit solver on the tree, or, for imperfect recall (which pygambit's
    solvers refuse), on pygambit's own reduced strategic form of the tree; the profiles
    are returned as ``{strategy of gg: probability}`` mappings."""
    if gg.is_perfect_recall:
        return [{s: eq[s] for p in gg.players for s in p.strategies}
                for eq in solver(gg).equilibria]
    arrays = gg.to_arrays()
    gn = gbt.Game.from_arrays(*arrays)
    out = []
    for eq in solver(gn).equilibria:
        d = {}
        for p, q in zip(gg.players, gn.players, strict=True):
            for s, t in zip(p.strategies, q.strategies, strict=True):
                d[s] = eq[t]
        out.append(d)
    return out


@pytest.mark.parametrize("path", CATALOG, ids=CATALOG_IDS)
def test_catalog_pure_and_extreme_equilibria_match_pygambit(path: Path) -> None:
    g = read_efg(path)
    gg = gbt.read_efg(str(path))
    pure = solve_tree(g, "pure")
    assert our_profiles(pure) == gbt_profiles(g, gg, _on_strategies(gg, gbt.nash.enumpure_solve))
    if g.n_players == 2:
        mixed = solve_tree(g, "enummixed")
        theirs = _on_strategies(gg, lambda x: gbt.nash.enummixed_solve(x, rational=True))
        assert our_profiles(mixed) == gbt_profiles(g, gg, theirs)
        if g.has_perfect_recall():
            for e in mixed:
                assert gbt_behavior(gg, e).max_regret() == 0
        else:
            assert all(e.behavior is None or e.is_pure for e in mixed)


@pytest.mark.parametrize("path", CATALOG, ids=CATALOG_IDS)
def test_catalog_subgame_perfect_equilibria(path: Path) -> None:
    g = read_efg(path)
    if not g.has_perfect_recall():
        with pytest.raises(MethodNotApplicableError, match="perfect recall"):
            solve_tree(g, "spe")
        return
    gg = gbt.read_efg(str(path))
    sol = solve_tree(g, "spe")
    assert len(sol) >= 1
    pure_nash = our_profiles(solve_tree(g, "pure"))
    nf = g.to_normal_form()
    for e in sol:
        assert e.subgame_perfect and e.equilibrium is not None
        assert gbt_behavior(gg, e).max_regret() == 0  # Nash, by pygambit's exact regret
        if e.is_pure:  # a pure SPE is one of the pure Nash equilibria pygambit lists
            vec = tuple(tuple(e.equilibrium.profile[p][s] for s in nf.strategies[i])
                        for i, p in enumerate(g.players))
            assert vec in pure_nash


# ============================================================================ results and JSON


def test_json_contract_with_behavior() -> None:
    sol = solve_tree(ultimatum(2), "spe")
    d = sol.to_dict()
    assert set(d) == {"title", "players", "method", "exact", "equilibria"}
    assert d["method"] == "spe" and d["exact"] is True and len(d["equilibria"]) == 2
    eq = d["equilibria"][0]
    assert set(eq) == {"strategies", "payoffs", "behavior"}
    assert eq["behavior"]["Proposer"]["Proposer:1"] == {"0": "1", "1": "0", "2": "0"}
    assert eq["payoffs"] == {"Proposer": "2", "Responder": "0"}
    assert sum(F(v) for v in eq["strategies"]["Responder"].values()) == 1


def test_mixed_behavior_json_numbers_are_fractions() -> None:
    g = ExtensiveFormGame(["1", "2"])
    h, t = g.move(g.root, "1", ["H", "T"])
    for node, s in ((h, 1), (t, -1)):
        a, b = g.move(node, "2", ["h", "t"], infoset="guess")
        g.outcome(a, [s, -s])
        g.outcome(b, [-s, s])
    d = solve_tree(g, "enummixed").to_dict()
    assert d["equilibria"][0]["behavior"]["2"]["guess"] == {"h": "1/2", "t": "1/2"}


def test_float_tree_gives_float_spe_within_tolerance() -> None:
    g = ExtensiveFormGame(["A", "B"])
    x, y = g.move(g.root, "A", ["x", "y"])
    g.outcome(x, [0.1, 0.2])
    l, r = g.move(y, "B", ["l", "r"])
    g.outcome(l, [0.3, 0.1 + 0.2])
    g.outcome(r, [0.0, 0.3])  # 0.1 + 0.2 != 0.3 in binary: a tie within the tolerance
    sol = solve_tree(g, "spe")
    assert not sol.exact and sol.count == 2
    assert {first_action(e, "A") for e in sol} == {"y", "x"}


def test_auto_is_spe() -> None:
    sol = solve_tree(entry_game())
    assert sol.method == "spe" and sol.notes[0].startswith("auto")


# ============================================================================ symbolic


def test_symbolic_preemption_condition_matches_the_scenario() -> None:
    """scenario_spec.md, M1: Russia's gain from preempting a militarized corridor is
    p*e_R - c_R, so it preempts iff c_R < p*e_R (indifferent at equality)."""
    space = ParameterSpace([Parameter("p", 0, 1), Parameter("c_R", 0), Parameter("e_R", 0),
                            Parameter("w", 0, lower_open=True)])
    p, c, e, w = space.symbols.values()
    g = ExtensiveFormGame(["US", "Russia"], space=space)
    mil, restrain = g.move(g.root, "US", ["Militarize", "Restrain"])
    g.outcome(restrain, {"US": 0, "Russia": 0})
    acc, pre = g.move(mil, "Russia", ["Accept", "Preempt"])
    g.outcome(acc, {"US": w, "Russia": -e})
    win, lose = g.chance(pre, {"success": p, "failure": 1 - p})
    g.outcome(win, {"US": -w, "Russia": -c})
    g.outcome(lose, {"US": w, "Russia": -e - c})
    out = spe_outcome(g)
    cond = out.when(mil, "Preempt")
    rng = random.Random(3)
    for _ in range(40):
        pt = {"p": F(rng.randint(0, 10), 10), "c_R": F(rng.randint(0, 10), 10),
              "e_R": F(rng.randint(0, 10), 10), "w": F(rng.randint(1, 10), 10)}
        assert cond.holds(**pt) == (pt["c_R"] <= pt["p"] * pt["e_R"])
    generic = [b for b in out if not b.knife_edge]
    assert all(b.condition.expr.free_symbols <= {p, c, e, w} for b in out)
    assert len(generic) == 3  # accept; preempt and militarize; preempt deters militarization


def test_symbolic_fearon_acceptance_and_offer() -> None:
    """Fearon (1995): B accepts x iff x >= p - c_B; A's SPE offer is the smallest acceptable
    grid offer unless war is better for A."""
    space = ParameterSpace([Parameter("p", 0, 1), Parameter("c_A", 0, 1), Parameter("c_B", 0, 1)])
    p, c_A, c_B = space.symbols.values()
    g = fearon(p, c_A, c_B, grid=4, space=space)
    out = spe_outcome(g)
    rng = random.Random(5)
    for node in g.root.children.values():
        x = F(node.action)
        cond = out.when(node, "accept")
        for _ in range(8):
            pt = {"p": F(rng.randint(0, 20), 20), "c_A": F(rng.randint(0, 8), 20),
                  "c_B": F(rng.randint(0, 8), 20)}
            assert cond.holds(**pt) == (x >= pt["p"] - pt["c_B"])
    for _ in range(10):
        pt = {"p": F(rng.randint(0, 40), 40), "c_A": F(rng.randint(0, 9), 40),
              "c_B": F(rng.randint(0, 9), 40)}
        numeric = solve_tree(g.at(**pt), "spe")
        assert {choices(e) for e in numeric} == {
            frozenset((pl, lab, a) for pl, d in b.strategy.items() for lab, a in d.items())
            for b in out.at(**pt)}


A, B = sympy.symbols("a b", real=True)


def _box(g: ExtensiveFormGame) -> list:
    """-2 <= parameter <= 2 for the parameters the tree uses."""
    return [rel for s in g.parameters for rel in (s >= -2, s <= 2)]


@scaled(12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_symbolic_backward_induction_agrees_with_numeric_at_random_points(data) -> None:
    n = data.draw(st.integers(1, 2), label="players")
    g = build_tree(data.draw(tree_specs(n_players=n, max_depth=2)), n, infosets=False)
    coef = st.sampled_from([-1, 0, 0, 1])
    for leaf in g.terminals():
        g.outcome(leaf, {p: v + data.draw(coef) * A + data.draw(coef) * B
                         for p, v in leaf.payoffs.items()})
    out = spe_outcome(g, assumptions=_box(g))
    for _ in range(4):
        pt = {s.name: F(data.draw(st.integers(-20, 20)), 10) for s in g.parameters}
        numeric = solve_tree(g.at(**pt), "spe", max_equilibria=10**4)
        symbolic = {frozenset((pl, lab, a) for pl, d in b.strategy.items() for lab, a in d.items())
                    for b in out.at(**pt)}
        assert symbolic == {choices(e) for e in numeric}
        for b in out.at(**pt):
            at = {p: v.subs({sympy.Symbol(k, real=True): val for k, val in pt.items()})
                  for p, v in b.payoffs.items()}
            match = [e for e in numeric if choices(e) == frozenset(
                (pl, lab, a) for pl, d in b.strategy.items() for lab, a in d.items())]
            assert {p: F(str(v)) for p, v in at.items()} == match[0].payoffs


def test_symbolic_piecewise_and_str() -> None:
    c = sympy.Symbol("c", positive=True)
    g = ExtensiveFormGame(["E", "I"], title="entry with a fighting cost")
    out_, enter = g.move(g.root, "E", ["out", "in"])
    g.outcome(out_, [0, 2])
    fight, share = g.move(enter, "I", ["fight", "share"])
    g.outcome(fight, [-1, 2 - c])
    g.outcome(share, [1, 1])
    res = spe_outcome(g)
    pw = res.piecewise("E")
    assert pw.subs(c, F(1, 2)) == 0 and pw.subs(c, 2) == 1
    assert "knife-edge" in str(res) and len(res.at(c=1)) == 2


# ============================================================================ bad input


def _symbolic_tree():
    p = sympy.Symbol("p", nonnegative=True)
    g = ExtensiveFormGame(["A"])
    x, y = g.move(g.root, "A", ["x", "y"])
    g.outcome(x, [p])
    g.outcome(y, [0])
    return g


def _unfinished():
    g = ExtensiveFormGame(["A"])
    g.move(g.root, "A", ["x", "y"])
    return g


def _imperfect_recall():
    g = ExtensiveFormGame(["A", "B"])
    x, y = g.move(g.root, "A", ["x", "y"])
    for node in (x, y):
        l, r = g.move(node, "A", ["l", "r"])
        g.outcome(l, [1, 0])
        g.outcome(r, [0, 1])
    g.infoset([x, y], label="forgetful")
    return g


BAD = [
    pytest.param(lambda: solve_tree(_symbolic_tree(), "spe"), SymbolicGameError, "free parameters",
                 id="symbolic-tree-to-numeric-spe"),
    pytest.param(lambda: solve_tree(_unfinished(), "spe"), InvalidGameError, "not finished",
                 id="unfinished-tree"),
    pytest.param(lambda: solve_tree(_imperfect_recall(), "spe"), MethodNotApplicableError,
                 "forgetful", id="imperfect-recall-spe-names-infoset"),
    pytest.param(lambda: solve_spe(NormalFormGame.from_arrays([[1]], [[1]])),
                 MethodNotApplicableError, "extensive-form", id="normal-form-to-spe"),
    pytest.param(lambda: solve_tree(entry_game(), "nonsense"), MethodNotApplicableError,
                 "unknown method", id="unknown-tree-method"),
    pytest.param(lambda: solve_tree(entry_game(), "spe", max_equilibria=0), ValueError,
                 "max_equilibria", id="zero-cap"),
    pytest.param(lambda: backward_induction(_imperfect_recall()), MethodNotApplicableError,
                 "perfect information", id="backward-induction-needs-perfect-information"),
    pytest.param(lambda: spe_outcome(_imperfect_recall()), MethodNotApplicableError,
                 "perfect information", id="symbolic-needs-perfect-information"),
    pytest.param(lambda: spe_outcome(entry_game()).at(q=1), Exception, "unknown parameter",
                 id="symbolic-at-unknown-parameter"),
]


@pytest.mark.parametrize(("call", "error", "match"), BAD)
def test_bad_input(call, error, match) -> None:
    with pytest.raises(error, match=match):
        call()


def test_behavior_profile_of_lazy_result_is_a_real_profile() -> None:
    eq = solve_tree(centipede(4), "spe")[0]
    assert isinstance(eq.behavior, BehaviorProfile)
    assert eq == solve_tree(centipede(4), "spe")[0]


# ============================================================================ CLI


def _routed() -> bool:
    from gametheory.solvers import METHODS

    return "spe" in METHODS


@pytest.mark.skipif(not _routed(), reason="solve() does not route trees yet (solvers/__init__.py)")
@pytest.mark.parametrize("method", ["spe", "lcp", "enummixed", "pure"])
def test_cli_solves_efg_files_with_behavior(method, tmp_path, capsys) -> None:
    import json

    from gametheory.cli import main

    path = tmp_path / "ultimatum.efg"
    path.write_text(efg_text(ultimatum(2)))
    assert main(["solve", str(path), "--method", method, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["method"] == method and data["exact"] is True
    assert set(data) == {"title", "players", "method", "exact", "equilibria"}
    for eq in data["equilibria"]:
        assert set(eq) == {"strategies", "payoffs", "behavior"}
        assert set(eq["behavior"]) == {"Proposer", "Responder"}
        for probs in eq["behavior"]["Responder"].values():
            assert sum(F(v) for v in probs.values()) == 1
    if method == "spe":
        assert len(data["equilibria"]) == 2


def test_equilibrium_conditions_dispatches_trees_and_signaling_games() -> None:
    import sympy

    from gametheory import ExtensiveFormGame
    from gametheory.analysis import SPEOutcome, equilibrium_conditions
    from gametheory.analysis.pbe_regions import PBEClassification
    from gametheory.scenarios import tripp_bayesian

    c = sympy.Symbol("c", positive=True)
    tree = ExtensiveFormGame(["Entrant", "Incumbent"])
    out, enter = tree.move(tree.root, "Entrant", ["Out", "In"])
    fight, acc = tree.move(enter, "Incumbent", ["Fight", "Accommodate"])
    tree.outcome(out, [0, 2])
    tree.outcome(fight, [-1, 2 - c])
    tree.outcome(acc, [1, 1])
    outcome = equilibrium_conditions(tree)
    assert isinstance(outcome, SPEOutcome)
    # the incumbent fights iff fighting costs it at most the accommodation payoff: c <= 1
    assert outcome.when(enter, "Fight").expr == (c <= 1)
    m4 = tripp_bayesian.m4()
    classes = equilibrium_conditions(m4.game, assumptions=m4.assumptions)
    assert isinstance(classes, PBEClassification)
