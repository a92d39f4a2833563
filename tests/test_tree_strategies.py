"""Tests for the tree and incomplete-information strategies of :mod:`gametheory.testing`.

As for the normal-form strategies (``tests/test_testing_strategies.py``), in
the way Hypothesis tests its own (``hypothesis/tests/common/debug.py``): every
example has the documented properties (``@given`` + assert), interesting
cases are reachable (``find``), minimal examples are the documented simple
ones, failing examples print as runnable constructors, and bad arguments
raise ``InvalidArgument``.

Perfect recall is checked by an oracle written here from Kuhn's definition
(Kuhn 1953; Osborne and Rubinstein 1994, Definition 203.3): all nodes of an
information set are reached by the same sequence of the player's own
(information set, action) pairs, and none is an ancestor of another; the
library's ``has_perfect_recall`` is checked too.  Kuhn's theorem that a game
of perfect information has a pure-strategy equilibrium (Kuhn 1953,
Corollary 1) is checked on the reduced normal form with pygambit's
``enumpure_solve``, an independent oracle.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pygambit as gbt
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from gametheory.games.bayesian import BayesianGame, SignalingGame
from gametheory.games.extensive import ExtensiveFormGame
from gametheory.testing import (
    bayesian_games,
    extensive_form_games,
    perfect_information_trees,
    signaling_games,
)

from ._hypothesis import scaled

# A fixed search budget, not scaled with the profile: find() stops at the first hit,
# so a larger budget would test nothing more.
QUICK = settings(
    database=None, derandomize=True, phases=[Phase.generate, Phase.shrink], max_examples=500
)


def minimal(strategy: st.SearchStrategy[Any], condition: Any = lambda x: True) -> Any:
    return find(strategy, condition, settings=QUICK)


# ---------------------------------------------------------------------------
# Oracles
# ---------------------------------------------------------------------------


def own_history(node: Any, player: str) -> tuple[tuple[str, str], ...]:
    """The player's own (information set label, action) pairs on the path to the node."""
    return tuple(
        (anc.infoset.label, action) for anc, action in node.path
        if anc.is_decision and anc.player == player
    )


def recall_violations(game: ExtensiveFormGame) -> list[str]:
    """Kuhn's perfect recall, from the definition."""
    bad = []
    for infoset in game.infosets():
        nodes = list(infoset.nodes)
        histories = {own_history(n, infoset.player) for n in nodes}
        if len(histories) > 1:
            bad.append(f"{infoset.label}: different own histories {histories}")
        for n in nodes:
            ancestors = {id(a) for a, _ in n.path}
            if any(id(m) in ancestors for m in nodes):
                bad.append(f"{infoset.label}: absent-minded at {n.id}")
    return bad


def depth(game: ExtensiveFormGame) -> int:
    return max(n.depth for n in game.nodes())


def check_tree(game: ExtensiveFormGame, *, players: tuple[int, int], max_depth: int,
               max_actions: int) -> None:
    game.validate()
    assert players[0] <= game.n_players <= players[1]
    assert game.players == tuple(str(i + 1) for i in range(game.n_players))
    assert depth(game) <= max_depth
    for node in game.nodes():
        if node.is_terminal:
            assert set(node.payoffs) == set(game.players)
            continue
        assert 2 <= len(node.children) <= max_actions
        if node.is_chance:
            probs = list(node.probabilities.values())
            assert all(isinstance(q, Fraction | int) and q > 0 for q in probs)
            assert sum(probs) == 1
    for infoset in game.infosets():
        assert {n.player for n in infoset.nodes} == {infoset.player}
        assert all(n.actions == infoset.actions for n in infoset.nodes)
    assert recall_violations(game) == []
    assert game.has_perfect_recall()


# ---------------------------------------------------------------------------
# extensive_form_games
# ---------------------------------------------------------------------------


@scaled(60, suppress_health_check=[HealthCheck.too_slow])
@given(extensive_form_games(min_players=1, max_players=3, max_depth=4, max_actions=3))
def test_trees_respect_bounds_and_have_perfect_recall(game: ExtensiveFormGame) -> None:
    check_tree(game, players=(1, 3), max_depth=4, max_actions=3)
    assert all(-10 <= v <= 10 for t in game.terminals() for v in t.payoffs.values())


@scaled(30, suppress_health_check=[HealthCheck.too_slow])
@given(extensive_form_games(max_depth=2, max_actions=4))
def test_default_trees_have_two_players(game: ExtensiveFormGame) -> None:
    check_tree(game, players=(2, 2), max_depth=2, max_actions=4)


@scaled(30, suppress_health_check=[HealthCheck.too_slow])
@given(extensive_form_games(chance=False, max_players=3))
def test_trees_without_chance_have_no_chance_nodes(game: ExtensiveFormGame) -> None:
    assert not any(n.is_chance for n in game.nodes())
    assert game.has_perfect_recall()


@scaled(30, suppress_health_check=[HealthCheck.too_slow])
@given(extensive_form_games(imperfect_information=False, max_players=3))
def test_trees_without_imperfect_information_have_singleton_information_sets(game) -> None:
    assert game.is_perfect_information
    assert all(len(s.nodes) == 1 for s in game.infosets())


@pytest.mark.parametrize(
    ("payoffs", "kinds"),
    [
        pytest.param(st.integers(-3, 3), {"integer", "rational"}, id="integers"),
        pytest.param(st.fractions(-1, 1, max_denominator=6), {"integer", "rational"},
                     id="fractions"),
        pytest.param(st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False), {"float"},
                     id="floats"),
    ],
)
def test_tree_payoff_kinds(payoffs: Any, kinds: set[str]) -> None:
    @scaled(15, suppress_health_check=[HealthCheck.too_slow])
    @given(extensive_form_games(payoffs=payoffs, chance=False))
    def check(game: ExtensiveFormGame) -> None:
        assert game.kind in kinds
        assert game.kind != "float" or game.terminals()  # floats come from the payoffs

    check()


@pytest.mark.parametrize(
    ("description", "condition"),
    [
        pytest.param("imperfect information and chance",
                     lambda g: not g.is_perfect_information
                     and any(n.is_chance for n in g.nodes()), id="imperfect-and-chance"),
        pytest.param("an information set of three nodes",
                     lambda g: any(len(s.nodes) >= 3 for s in g.infosets()), id="three-nodes"),
        pytest.param("an information set across depths",
                     lambda g: any(len({n.depth for n in s.nodes}) > 1 for s in g.infosets()),
                     id="across-depths"),
        pytest.param("a merged set after an own move",
                     lambda g: any(len(s.nodes) > 1 and own_history(s.nodes[0], s.player)
                                   for s in g.infosets()), id="after-own-move"),
        pytest.param("a player with several information sets, one merged",
                     lambda g: any(len(g.infosets(p)) >= 2
                                   and any(len(s.nodes) > 1 for s in g.infosets(p))
                                   for p in g.players), id="several-sets"),
    ],
)
def test_trees_reach_interesting_structures(description: str, condition: Any) -> None:
    game = minimal(extensive_form_games(max_depth=4), condition)
    assert condition(game), description
    assert recall_violations(game) == []


def test_trees_shrink_to_one_terminal_with_zero_payoffs() -> None:
    game = minimal(extensive_form_games())
    assert game.to_dict() == {
        "kind": "extensive", "players": ["1", "2"], "root": "root", "nodes": [],
        "terminals": {"root": {"1": 0, "2": 0}},
    }


def test_trees_shrink_to_one_decision_of_player_one() -> None:
    game = minimal(extensive_form_games(), lambda g: len(g.nodes()) > 1)
    assert game.to_dict()["nodes"] == [
        {"id": "root", "player": "1", "infoset": "1:1", "moves": {"a": "n1", "b": "n2"}}
    ]
    assert all(v == 0 for t in game.terminals() for v in t.payoffs.values())


def test_trees_shrink_to_a_fair_coin() -> None:
    game = minimal(extensive_form_games(), lambda g: g.root.is_chance)
    assert dict(game.root.probabilities) == {"c1": Fraction(1, 2), "c2": Fraction(1, 2)}


def test_minimal_imperfect_information_tree_is_small() -> None:
    game = minimal(extensive_form_games(), lambda g: not g.is_perfect_information)
    assert len(game.nodes()) <= 9
    assert sorted(len(s.nodes) for s in game.infosets())[-1] == 2


@scaled(30, suppress_health_check=[HealthCheck.too_slow])
@given(extensive_form_games(max_players=3, payoffs=st.fractions(-2, 2, max_denominator=4)))
def test_trees_round_trip_through_their_dict_form(game: ExtensiveFormGame) -> None:
    assert ExtensiveFormGame.from_dict(game.to_dict()) == game


def printed_call(report: str, start: str) -> str:
    """The call starting with ``start`` in a Hypothesis report (balanced brackets)."""
    i = report.index(start)
    level = 0
    for j in range(i + len(start) - 1, len(report)):
        level += {"(": 1, ")": -1, "[": 1, "]": -1, "{": 1, "}": -1}.get(report[j], 0)
        if level == 0:
            return report[i : j + 1]
    raise AssertionError(f"unbalanced call in {report!r}")


def test_failing_tree_prints_as_a_runnable_constructor() -> None:
    seen: list[ExtensiveFormGame] = []

    # fixed budget (not scaled): the claim is false, Hypothesis stops at the first failure
    @settings(database=None, max_examples=200, phases=[Phase.generate, Phase.shrink])
    @given(extensive_form_games(max_depth=2, payoffs=st.fractions(-2, 2, max_denominator=3)))
    def claim(game: ExtensiveFormGame) -> None:
        seen.append(game)
        assert game.is_perfect_information, "imperfect information"

    with pytest.raises(AssertionError, match="imperfect information") as info:
        claim()
    report = "\n".join(getattr(info.value, "__notes__", []))
    call = printed_call(report, "ExtensiveFormGame.from_dict(")
    rebuilt = eval(call, {"ExtensiveFormGame": ExtensiveFormGame})
    assert rebuilt == seen[-1]
    assert not rebuilt.is_perfect_information


# ---------------------------------------------------------------------------
# perfect_information_trees
# ---------------------------------------------------------------------------


@scaled(40, suppress_health_check=[HealthCheck.too_slow])
@given(perfect_information_trees(max_players=3, max_depth=4, distinct_payoffs=True))
def test_perfect_information_trees_with_distinct_payoffs(game: ExtensiveFormGame) -> None:
    check_tree(game, players=(2, 3), max_depth=4, max_actions=3)
    assert game.is_perfect_information
    assert not any(n.is_chance for n in game.nodes())
    for p in game.players:
        values = [t.payoffs[p] for t in game.terminals()]
        assert len(values) == len(set(values))


def gambit_pure_equilibria(nf: Any) -> list[Any]:
    return gbt.nash.enumpure_solve(nf.to_pygambit()).equilibria


@scaled(30, suppress_health_check=[HealthCheck.too_slow])
@given(perfect_information_trees(max_players=3, chance=True))
def test_perfect_information_trees_have_a_pure_equilibrium(game: ExtensiveFormGame) -> None:
    """Kuhn (1953), Corollary 1: a finite game of perfect information (chance
    moves allowed) has an equilibrium in pure strategies."""
    assert game.is_perfect_information
    assert len(gambit_pure_equilibria(game.to_normal_form())) >= 1


def test_perfect_information_trees_reach_chance_when_asked() -> None:
    game = minimal(perfect_information_trees(chance=True), lambda g: g.root.is_chance)
    assert game.is_perfect_information


# ---------------------------------------------------------------------------
# bayesian_games and signaling_games
# ---------------------------------------------------------------------------


@scaled(40, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(bayesian_games(max_players=3, max_types=2, max_actions=3),
                 bayesian_games(max_types=3, max_actions=3)))
def test_bayesian_games_respect_bounds_with_a_full_support_prior(game: BayesianGame) -> None:
    assert 2 <= game.n_players <= 3
    assert all(1 <= len(t) <= (2 if game.n_players == 3 else 3) for t in game.types.values())
    assert all(1 <= len(game.actions(p)) <= 3 for p in game.players)
    prior = game.prior
    assert len(prior) == len(game.type_profiles)
    assert all(isinstance(q, Fraction | int) and q > 0 for q in prior.values())
    assert sum(prior.values()) == 1
    tree = game.to_extensive_form()
    assert recall_violations(tree) == []
    assert len(game.agent_form().players) == sum(len(t) for t in game.types.values())


@scaled(40, suppress_health_check=[HealthCheck.too_slow])
@given(signaling_games(max_types=3, max_messages=3, max_responses=3))
def test_signaling_games_respect_bounds(game: SignalingGame) -> None:
    assert game.players == ("Sender", "Receiver")
    assert 1 <= len(game.types) <= 3 and 1 <= len(game.messages) <= 3
    assert game.actions(game.messages[0])  # the first message always gets a response
    assert all(len(game.actions(m)) in (0, len(game.actions(game.messages[0])))
               for m in game.messages)
    assert all(q > 0 for q in game.prior.values()) and sum(game.prior.values()) == 1
    assert recall_violations(game.to_extensive_form()) == []


@scaled(20, suppress_health_check=[HealthCheck.too_slow])
@given(signaling_games(max_messages=3, ending_messages=False))
def test_signaling_games_without_ending_messages(game: SignalingGame) -> None:
    assert all(game.actions(m) for m in game.messages)


def test_bayesian_games_shrink_to_one_type_and_one_action() -> None:
    game = minimal(bayesian_games())
    assert game.types == {"1": ("t1",), "2": ("t1",)}
    assert game.prior == {("t1", "t1"): 1}
    assert game.payoff(("t1", "t1"), ("a", "a")) == (0, 0)


def test_signaling_games_shrink_and_reach_ending_messages() -> None:
    game = minimal(signaling_games())
    assert (game.types, game.messages, game.actions("m1")) == (("t1",), ("m1",), ("r1",))
    game = minimal(signaling_games(), lambda g: any(not g.actions(m) for m in g.messages))
    assert game.messages == ("m1", "m2") and game.actions("m2") == ()


@pytest.mark.parametrize(
    ("strategy", "name"),
    [
        pytest.param(bayesian_games(), "BayesianGame", id="bayesian"),
        pytest.param(signaling_games(), "SignalingGame", id="signaling"),
    ],
)
def test_failing_incomplete_information_games_print_as_runnable_constructors(
    strategy: Any, name: str
) -> None:
    seen: list[Any] = []

    # fixed budget (not scaled): the claim is false, Hypothesis stops at the first failure
    @settings(database=None, max_examples=200, phases=[Phase.generate, Phase.shrink])
    @given(strategy)
    def claim(game: Any) -> None:
        seen.append(game)
        assert len(game.types if name == "SignalingGame" else game.types["2"]) < 2, "two types"

    with pytest.raises(AssertionError, match="two types") as info:
        claim()
    report = "\n".join(getattr(info.value, "__notes__", []))
    call = printed_call(report, f"{name}(")
    rebuilt = eval(call, {"BayesianGame": BayesianGame, "SignalingGame": SignalingGame})
    last = seen[-1]
    assert rebuilt.types == last.types and rebuilt.prior == last.prior
    tree, last_tree = rebuilt.to_extensive_form(), last.to_extensive_form()
    assert tree == last_tree


# ---------------------------------------------------------------------------
# Bad arguments
# ---------------------------------------------------------------------------

BAD = [
    pytest.param(lambda: extensive_form_games(min_players=0), "min_players=0", id="zero-players"),
    pytest.param(lambda: extensive_form_games(min_players=3, max_players=2), "greater than",
                 id="min-players-above-max"),
    pytest.param(lambda: extensive_form_games(max_depth=-1), "max_depth=-1",
                 id="negative-depth"),
    pytest.param(lambda: extensive_form_games(max_actions=1), "max_actions=1",
                 id="one-action"),
    pytest.param(lambda: extensive_form_games(max_actions=27), "26", id="too-many-actions"),
    pytest.param(lambda: extensive_form_games(max_depth=2.5), "integer", id="float-depth"),
    pytest.param(lambda: extensive_form_games(max_depth=7, max_actions=3), "terminal nodes",
                 id="too-large"),
    pytest.param(lambda: extensive_form_games(chance="yes"), "True or False",
                 id="flag-not-bool"),
    pytest.param(lambda: extensive_form_games(imperfect_information=1), "True or False",
                 id="imperfect-flag-not-bool"),
    pytest.param(lambda: extensive_form_games(payoffs=[1, 2]), "must be a Hypothesis strategy",
                 id="payoffs-not-a-strategy"),
    pytest.param(lambda: extensive_form_games(payoffs=st.just("x")), "ints, Fractions or floats",
                 id="payoffs-not-numbers"),
    pytest.param(lambda: extensive_form_games(payoffs=st.just(float("nan"))), "not a valid game",
                 id="nan-payoffs"),
    pytest.param(lambda: perfect_information_trees(distinct_payoffs="no"), "True or False",
                 id="distinct-flag-not-bool"),
    pytest.param(lambda: bayesian_games(max_types=0), "max_types=0", id="zero-types"),
    pytest.param(lambda: bayesian_games(max_players=6, max_types=3, max_actions=3),
                 "payoff values", id="bayesian-too-large"),
    pytest.param(lambda: bayesian_games(payoffs=1), "must be a Hypothesis strategy",
                 id="bayesian-payoffs-not-a-strategy"),
    pytest.param(lambda: signaling_games(max_messages=0), "max_messages=0", id="zero-messages"),
    pytest.param(lambda: signaling_games(ending_messages=None), "True or False",
                 id="ending-flag-not-bool"),
]


@pytest.mark.parametrize(("make", "message"), BAD)
def test_bad_arguments_raise_invalid_argument(make: Any, message: str) -> None:
    with pytest.raises(InvalidArgument, match=message):
        minimal(make())
