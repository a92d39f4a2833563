"""Gambit .efg files: pygambit cross-checks, round trips, label rules and malformed input.

Oracle: pygambit (Gambit 16.7, https://www.gambit-project.org), independent of this
library: its reader, its reduced strategic form (``to_arrays``, ``Strategy.action``),
its behaviour-profile computations (``realiz_prob``, ``belief``, ``node_value``,
``max_regret``) and its writer (``to_efg``). The catalog games are the ``.efg`` files
that the installed pygambit package ships (``pygambit/catalog_data``), each citing its
source in its title and comment.
"""

from __future__ import annotations

import io
import itertools
import os
import random
from fractions import Fraction as F
from pathlib import Path

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from gametheory.errors import GameFormatError, InvalidGameError, SymbolicGameError
from gametheory.games.behavior import BehaviorProfile
from gametheory.games.extensive import ExtensiveFormGame
from gametheory.io.efg import dump_efg, efg_text, parse_efg, read_efg, write_efg

from ._hypothesis import scaled
from .test_extensive import M3_DEFAULTS, build_m3, build_tree, tree_specs

gbt = pytest.importorskip("pygambit")

CATALOG_ROOT = Path(gbt.__file__).parent / "catalog_data"
CATALOG = sorted(CATALOG_ROOT.rglob("*.efg"))
CATALOG_IDS = [str(p.relative_to(CATALOG_ROOT)) for p in CATALOG]


def test_catalog_is_shipped() -> None:
    assert len(CATALOG) >= 20  # pygambit 16.7 ships 32 extensive games


# ----------------------------------------------------------------------------- comparisons


def _gbt_path(node) -> tuple[str, ...]:
    out = []
    while node.parent is not None:
        out.append(node.prior_action.label)
        node = node.parent
    return tuple(reversed(out))


def _our_path(node) -> tuple[str, ...]:
    return tuple(a for _, a in node.path)


def gbt_rows(g) -> list:
    """pygambit's reduced strategic form as sorted (strategy behaviours, payoffs) rows.

    A strategy is identified by its actions at the information sets it reaches, an
    information set by the action paths from the root to its members.
    """
    players = list(g.players)
    key = {inf: frozenset(_gbt_path(m) for m in inf.members) for p in players for inf in p.infosets}
    strategies = [[frozenset((key[inf], s.action(inf).label) for inf in p.infosets
                             if s.action(inf) is not None) for s in p.strategies]
                  for p in players]
    arrays = g.to_arrays()
    rows = []
    for idx in itertools.product(*(range(len(s)) for s in strategies)):
        rows.append((tuple(strategies[i][k] for i, k in enumerate(idx)),
                     tuple(F(str(a[idx])) for a in arrays)))
    return sorted(rows, key=repr)


def our_rows(g: ExtensiveFormGame) -> list:
    nf = g.to_normal_form()
    smap = g.strategy_map()
    key = {(inf.player, inf.label): frozenset(_our_path(m) for m in inf.nodes) for inf in g.infosets()}
    strategies = [[frozenset((key[(p, lab)], a) for lab, a in smap[p][s].items() if a is not None)
                   for s in nf.strategies[i]] for i, p in enumerate(g.players)]
    rows = []
    for idx in itertools.product(*(range(len(s)) for s in strategies)):
        rows.append((tuple(strategies[i][k] for i, k in enumerate(idx)),
                     tuple(F(a[idx]) for a in nf.payoffs)))
    return sorted(rows, key=repr)


def random_profiles(g: ExtensiveFormGame, gg, rng: random.Random):
    """The same random exact behaviour profile, for our game and for pygambit's."""
    ours = {frozenset(_our_path(n) for n in inf.nodes): inf for inf in g.infosets()}
    prof = gg.mixed_behavior_profile(rational=True)
    data: dict = {p: {} for p in g.players}
    for p in gg.players:
        for inf in p.infosets:
            mine = ours[frozenset(_gbt_path(m) for m in inf.members)]
            w = [rng.choice([0, 1, 2, 3]) for _ in inf.actions]
            if not any(w):
                w[rng.randrange(len(w))] = 1
            probs = [F(x, sum(w)) for x in w]
            for action, q in zip(inf.actions, probs, strict=True):
                prof[action] = gbt.Rational(q.numerator, q.denominator)
            data[mine.player][mine.label] = dict(zip(mine.actions, probs, strict=True))
    return BehaviorProfile(g, data), prof


# ----------------------------------------------------------------------------- catalog


@pytest.mark.parametrize("path", CATALOG, ids=CATALOG_IDS)
def test_catalog_game_matches_pygambit(path: Path) -> None:
    g = read_efg(path)
    gg = gbt.read_efg(str(path))
    assert g.players == tuple(p.label for p in gg.players)
    assert g.title == gg.title
    assert len(g.nodes()) == len(gg.nodes)
    assert our_rows(g) == gbt_rows(gg)
    assert g.has_perfect_recall() == gg.is_perfect_recall
    assert len(g.subgame_roots()) == len(list(gg.subgames))
    assert {_our_path(n) for n in g.subgame_roots()} == {_gbt_path(s.root) for s in gg.subgames}
    # our writer, read by pygambit
    assert gbt_rows(gbt.read_efg(io.StringIO(efg_text(g)))) == our_rows(g)
    # our writer, read by us: the same game
    assert parse_efg(efg_text(g)) == g
    # pygambit's writer, read by us
    assert parse_efg(gg.to_efg()) == g


@pytest.mark.parametrize("path", CATALOG, ids=CATALOG_IDS)
def test_catalog_behavior_profiles_match_pygambit(path: Path) -> None:
    g = read_efg(path)
    gg = gbt.read_efg(str(path))
    nodes = {_gbt_path(n): n for n in gg.nodes}
    rng = random.Random(path.name)
    absent_minded = any(
        any(m is not n and _our_path(n)[: len(_our_path(m))] == _our_path(m) for m in inf.nodes)
        for inf in g.infosets() for n in inf.nodes)
    for _ in range(3):
        b, prof = random_profiles(g, gg, rng)
        for n in g.nodes():
            gn = nodes[_our_path(n)]
            assert b.realization_probability(n) == F(str(prof.realiz_prob(gn)))
            for i, p in enumerate(gg.players):
                assert b.node_value(n)[g.players[i]] == F(str(prof.node_value(p, gn)))
        if not absent_minded:
            # pygambit's beliefs use the upper frontier; equal to Bayes' rule without
            # absent-mindedness (and its regret differs there, see Piccione-Rubinstein)
            assert max(b.regret().values()) == F(str(prof.max_regret()))
            for inf in g.infosets():
                beliefs = b.beliefs(inf)
                for n in inf.nodes:
                    theirs = prof.belief(nodes[_our_path(n)])
                    if beliefs is None:
                        assert theirs is None
                    else:
                        assert beliefs[n.id] == F(str(theirs))


def test_absent_minded_driver_is_read() -> None:
    """Gilboa (1997) / Piccione-Rubinstein: one information set met twice on a path."""
    (path,) = [p for p in CATALOG if p.parent.name == "gilboa1997" and p.name == "fig1.efg"]
    g = read_efg(path)
    inf = g.infosets()[0]
    assert len(inf.nodes) == 2 and inf.nodes[1].parent is inf.nodes[0]
    assert not g.has_perfect_recall()
    assert g.to_normal_form().payoff_array(0).tolist() == [1, 0]  # exit at once: 1; never: 0


# ----------------------------------------------------------------------------- random trees


@scaled(30, deadline=None)
@given(st.data())
def test_random_trees_round_trip_and_match_pygambit(data) -> None:
    n = data.draw(st.integers(1, 3))
    g = build_tree(data.draw(tree_specs(n_players=n, max_depth=3)), n, infosets=True)
    text = efg_text(g)
    assert parse_efg(text) == g
    gg = gbt.read_efg(io.StringIO(text))
    assert our_rows(g) == gbt_rows(gg)
    b, prof = random_profiles(g, gg, random.Random(data.draw(st.integers(0, 10**6))))
    assert max(b.regret().values()) == F(str(prof.max_regret()))
    assert b.payoffs == {p.label: F(str(prof.payoff(p))) for p in gg.players}


# ----------------------------------------------------------------------------- format details

BAYES2A = '''EFG 2 R "Two-stage game with outcomes at inner nodes" { "Player 1" "Player 2" }
"outcomes 1 and 2 appear at inner nodes and again at terminals"

c "" 1 "" { "G" 0.5 "B" 1/2 } 0
p "" 1 1 "(1,1)" { "H" "L" } 1 "Outcome 1" { 10, 2 }
t "" 1
t "" 2 "Outcome 2" { 0, 10 }
p "" 1 1 "(1,1)" { "H" "L" } 2
t "" 0
t "" 1
'''


def test_outcomes_at_inner_nodes_are_summed() -> None:
    """Payoffs by hand: a terminal gets the sum of the outcomes on its path (Gambit docs)."""
    g = parse_efg(BAYES2A)
    payoffs = [tuple(g.payoff(t).values()) for t in g.terminals()]
    assert payoffs == [(20, 4), (10, 12), (0, 10), (10, 12)]
    assert g.root.probabilities == {"G": F(1, 2), "B": F(1, 2)}
    assert g.description.startswith("outcomes 1 and 2")
    assert [inf.label for inf in g.infosets()] == ["(1,1)"]
    assert our_rows(g) == gbt_rows(gbt.read_efg(io.StringIO(BAYES2A)))


def test_labels_are_normalised_like_gambit() -> None:
    text = '''EFG 2 D "labels" { "" "" "x" }
p "" 1 1 "" { "" "" "a" "a" } 0
t "" 1 "" { 1, 2, 3 }
t "" 0
t "" 2 "" { 1.5, 1/3, -.25 }
p "" 3 7 "" { "a" "a_1" "a" } 0
t "" 0
t "" 0
t "" 3 "x" { 1e2, 0, 0 }
'''
    g = parse_efg(text)
    gg = gbt.read_efg(io.StringIO(text))
    assert g.players == ("_1", "_2", "x") == tuple(p.label for p in gg.players)
    assert g.root.actions == ("_1", "_2", "a_1", "a_2")
    assert g.root.actions == tuple(a.label for a in gg.root.infoset.actions)
    third = g.root.children["a_2"]
    theirs = [a.label for a in list(list(gg.players)[2].infosets)[0].actions]
    assert third.actions == ("a_2", "a_1", "a_3") == tuple(theirs)
    assert [inf.label for inf in g.infosets()] == ["_1:1", "x:1"]  # unnamed: "<player>:<k>"
    assert g.payoff(g.root.children["_2"]) == {"_1": 0, "_2": 0, "x": 0}
    assert g.payoff(g.root.children["a_1"]) == {"_1": F(3, 2), "_2": F(1, 3), "x": F(-1, 4)}
    assert g.payoff(third.children["a_3"])["_1"] == 100
    assert our_rows(g) == gbt_rows(gg)


def test_node_names_become_ids_when_unique() -> None:
    text = '''EFG 2 R "" { "A" }
p "start" 1 1 "" { "l" "r" } 0
t "leaf" 1 "o" { 1 }
t "leaf" 1
'''
    g = parse_efg(text)
    assert [n.id for n in g.nodes()] == ["start", "n1", "n2"]
    assert [n.label for n in g.nodes()] == ["start", "leaf", "leaf"]


def test_float_games_round_trip_with_exact_false() -> None:
    g = ExtensiveFormGame(["A", "B"])
    x, y = g.chance(g.root, {"x": 0.1, "y": 0.9})
    g.outcome(x, [0.3, -1e-20])
    g.outcome(y, [2.5, 1e17])
    text = efg_text(g)
    assert parse_efg(text, exact=False) == g
    exact = parse_efg(text)
    assert exact.kind == "rational" and exact.root.probabilities["x"] == F(1, 10)
    first = list(gbt.read_efg(io.StringIO(text)).root.infoset.actions)[0]
    assert first.prob == gbt.Rational(1, 10)


def test_symbolic_and_unfinished_games_are_not_written(tmp_path: Path) -> None:
    p = sympy.Symbol("p", nonnegative=True)
    g = ExtensiveFormGame(["A"])
    a, b = g.chance(g.root, {"a": p, "b": 1 - p})
    g.outcome(a, [1])
    target = tmp_path / "g.efg"
    target.write_text("old")
    with pytest.raises(InvalidGameError, match="not finished"):
        write_efg(g, target)
    g.outcome(b, [0])
    with pytest.raises(SymbolicGameError, match="free parameters: p"):
        write_efg(g, target)
    assert target.read_text() == "old" and os.listdir(tmp_path) == ["g.efg"]
    written = write_efg(g.at(p="1/3"), target)
    assert Path(written).read_text() == efg_text(g.at(p="1/3"))
    assert read_efg(target) == g.at(p="1/3") and os.listdir(tmp_path) == ["g.efg"]


def test_read_efg_sources(tmp_path: Path) -> None:
    text = 'EFG 2 R "t" { "A" }\nt "" 1 "o" { 7 }\n'
    path = tmp_path / "one.efg"
    path.write_text(text)
    assert read_efg(path).payoff("root") == {"A": 7}
    assert read_efg(io.StringIO(text)) == read_efg(io.BytesIO(text.encode())) == read_efg(text)
    out = io.StringIO()
    dump_efg(read_efg(path), out)
    assert read_efg(out.getvalue()) == read_efg(path)
    with pytest.raises(GameFormatError) as info:
        read_efg(io.BytesIO(b'EFG 2 R "\xff" { "A" }'), path="bytes.efg")
    assert (info.value.path, info.value.line, info.value.column) == ("bytes.efg", 1, 10)


_2P = 'EFG 2 R "" { "A" "B" }\n'
_1P = 'EFG 2 R "" { "A" }\n'

MALFORMED = [
    pytest.param('NFG 1 R "" { "A" }', 1, 1, "expected 'EFG'", id="not-efg"),
    pytest.param('EFG 3 R "" { "A" }', 1, 5, "only version 2", id="version"),
    pytest.param('EFG 2 X "" { "A" }', 1, 7, "'R' or 'D'", id="number-type"),
    pytest.param('EFG 2 R { "A" }', 1, 9, "game title", id="missing-title"),
    pytest.param('EFG 2 R "" "A" }', 1, 12, "'{' opening the list of players", id="no-player-brace"),
    pytest.param('EFG 2 R "" { "A"\n  x', 2, 3, "closing the player list opened at line 1, column 12",
                 id="player-list-unclosed"),
    pytest.param('EFG 2 R "" { }', 1, 14, "no players", id="no-players"),
    pytest.param('EFG 2 R "" { "chance" }\nt "" 0', 1, 14, "reserved", id="player-named-chance"),
    pytest.param(_1P + 'q "" 0', 2, 1, "node type", id="bad-node-type"),
    pytest.param(_1P + 'p "" 2 1 "" { "x" } 0', 2, 6, "player number 2 is out of range",
                 id="player-out-of-range"),
    pytest.param(_1P + 'p "" 0 1 "" { "x" } 0', 2, 6, "player number must be at least 1",
                 id="player-zero"),
    pytest.param(_1P + 'p "" 1 x "" { "x" } 0', 2, 8, "information set number", id="infoset-not-int"),
    pytest.param(_1P + 'p "" 1 1 "" { } 0', 2, 15, "has no actions", id="no-actions"),
    pytest.param(_1P + 'p "" 1 1 "" { "x" 0', 2, 19, "closing the actions opened at line 2, column 13",
                 id="actions-unclosed"),
    pytest.param(_1P + 'p "" 1 1 0', 2, 8, "used before it is defined", id="infoset-undefined"),
    pytest.param(_1P + 'p "" 1 1 "" { "x" "y" } 0\nt "" 0\np "" 1 1 "" { "x" "z" } 0\nt "" 0\n'
                 't "" 0', 4, 8, "must match", id="infoset-redefined"),
    pytest.param(_2P + 't "" 1 "o" { 1 }', 2, 16, "payoff of player 2", id="too-few-payoffs"),
    pytest.param(_2P + 't "" 1 "o" { 1 2 3 }', 2, 18, "closing the payoffs", id="too-many-payoffs"),
    pytest.param(_2P + 't "" 1 "o" { 1, x }', 2, 17, "expected a number", id="payoff-not-number"),
    pytest.param(_2P + 't "" 1 "o" { 1, 1/0 }', 2, 17, "zero denominator", id="zero-denominator"),
    pytest.param(_2P + 't "" 1 "o" { nan, 1 }', 2, 14, "finite", id="nan-payoff"),
    pytest.param(_1P + 't "" 3', 2, 6, "outcome 3 is used before it is defined",
                 id="outcome-undefined"),
    pytest.param(_1P + 't "" 0 "o" { 1 }', 2, 8, "null outcome", id="null-outcome-with-payoffs"),
    pytest.param(_1P + 'p "" 1 1 "" { "x" "y" } 0\nt "" 1 "o" { 1 }\nt "" 1 "o" { 2 }', 4, 8,
                 "outcome 1 was defined before", id="outcome-redefined"),
    pytest.param(_1P + 'c "" 1 "" { "x" 1/2 "y" 1/3 } 0', 2, 11, "sum to 5/6, not 1",
                 id="chance-sum"),
    pytest.param(_1P + 'c "" 1 "" { "x" -1/2 "y" 3/2 } 0', 2, 17, "outside \\[0, 1\\]",
                 id="chance-negative"),
    pytest.param(_1P + 'c "" 1 "" { "x" "y" } 0', 2, 17, "probability of action \"x\"",
                 id="chance-missing-probability"),
    pytest.param(_1P + 't "oops 0', 2, 3, "unterminated string", id="unterminated-string"),
    pytest.param(_1P + 'p "" 1 1 "" { "x" "y" } 0\nt "" 0\n', 4, 1,
                 "end of file: the node at line 2 needs 1 more child node", id="missing-child"),
    pytest.param(_1P + 't "" 0\nt "" 0', 3, 1, "after the last node", id="trailing-node"),
    pytest.param('EFG 2 R "" { "A" }', 1, 19, "unexpected end of file: expected a node",
                 id="no-nodes"),
]


@pytest.mark.parametrize(("text", "line", "column", "match"), MALFORMED)
def test_malformed_files(text: str, line: int, column: int, match: str) -> None:
    with pytest.raises(GameFormatError, match=match) as info:
        parse_efg(text, path="bad.efg")
    err = info.value
    assert (err.path, err.line, err.column) == ("bad.efg", line, column)
    assert str(err).startswith(f"bad.efg:{line}:{column}: ")


def test_tree_deeper_than_the_recursion_limit() -> None:
    """A centipede of 3000 moves: reading and writing are iterative."""
    n = 3000
    lines = [_2P.rstrip("\n")]
    for k in range(n):
        lines.append(f'p "" {k % 2 + 1} {k // 2 + 1} "" {{ "take" "pass" }} 0')
        lines.append(f't "" {k + 1} "o{k}" {{ {k}, {-k} }}')
    lines.append(f't "" {n + 1} "end" {{ 0, 0 }}')
    g = parse_efg("\n".join(lines))
    assert len(g.nodes()) == 2 * n + 1 and g.is_perfect_information and g.is_zero_sum
    assert parse_efg(efg_text(g)) == g


def test_special_labels_round_trip() -> None:
    g = ExtensiveFormGame(['say "hi"', "back\\slash", "Åland"], title='a "quoted"\ntitle')
    g.description = "multi\nline"
    kids = g.move(g.root, 'say "hi"', ['"yes"', "no\\"], infoset='the "set"')
    g.outcome(kids[0], [1, 2, 3])
    g.outcome(kids[1], [F(-1, 3), 0, 0])
    with pytest.raises(InvalidGameError, match="player 'Åland'"):
        efg_text(g)
    text = efg_text(g, gambit_labels=False)
    back = parse_efg(text)
    assert back == g and back.title == g.title and back.description == g.description
    assert back.get_infoset('the "set"').actions == ('"yes"', "no\\")
    # Gambit reads quoted ASCII labels (it doubles backslashes, so none here)
    h = ExtensiveFormGame(['say "hi"', "two words"], title="t")
    kids = h.move(h.root, 'say "hi"', ['"yes"', "no"])
    h.rename(h.root, "Åland start")  # node ids Gambit cannot read become empty names
    h.outcome(kids[0], [1, 2])
    h.outcome(kids[1], [0, 0])
    gg = gbt.read_efg(io.StringIO(efg_text(h)))
    assert [p.label for p in gg.players] == ['say "hi"', "two words"]
    assert [a.label for a in gg.root.infoset.actions] == ['"yes"', "no"]
    assert parse_efg(efg_text(h)).root.id == "root"


def test_m3_at_defaults_in_pygambit() -> None:
    """Scenario spec M3 at the defaults: pygambit agrees on the reduced strategic form and
    finds the spec's sequential equilibrium (s, a, u) = (3/4, 4/5, 15/32) to have zero regret."""
    g = build_m3().at(**M3_DEFAULTS)
    gg = gbt.read_efg(io.StringIO(efg_text(g)))
    assert our_rows(g) == gbt_rows(gg)
    prof = gg.mixed_behavior_profile(rational=True)
    probs = {"Militarize": F(15, 32), "Commercial": F(17, 32), "Host": F(4, 5), "Limit": F(1, 5),
             "Accept": F(1, 4), "Preempt": F(3, 4)}
    for p in gg.players:
        for inf in p.infosets:
            for action in inf.actions:
                q = probs[action.label]
                prof[action] = gbt.Rational(q.numerator, q.denominator)
    assert prof.max_regret() == 0
    com = [n for n in gg.nodes if _gbt_path(n) == ("Commercial",)][0]
    assert F(str(prof.belief(com))) == F(17, 32)
