"""Bayesian games and signaling games: construction, Harsanyi trees, Bayesian Nash equilibria.

Oracles: pygambit (enummixed / enumpure on the Harsanyi tree written as ``.efg``
text) and the literature for the fixtures cited below.
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

from gametheory import solve
from gametheory.errors import (
    InvalidGameError,
    SymbolicGameError,
    UnknownLabelError,
    UnknownParameterError,
)
from gametheory.games.bayesian import BayesianGame, SignalingGame
from gametheory.io.efg import efg_text
from gametheory.parameters import Parameter, ParameterSpace
from gametheory.solvers.pbe import solve_bayesian_nash, solve_pbe

from ._hypothesis import scaled

# --------------------------------------------------------------------------- fixtures


def osborne_bos() -> BayesianGame:
    """Osborne, *An Introduction to Game Theory* (OUP 2004), section 9.2, Example 9.2:
    "Bach or Stravinsky?" where player 2 wishes to meet (prob. 1/2) or avoid player 1."""
    return BayesianGame(
        ["1", "2"], {"1": ["only"], "2": ["meet", "avoid"]},
        {("only", "meet"): F(1, 2), ("only", "avoid"): F(1, 2)},
        {"1": ["B", "S"], "2": ["B", "S"]},
        {("only", "meet"): [[[2, 0], [0, 1]], [[1, 0], [0, 2]]],
         ("only", "avoid"): [[[2, 0], [0, 1]], [[0, 2], [1, 0]]]},
        title="BoS with uncertain preferences",
    )


def beer_quiche_payoffs() -> dict[str, Any]:
    """Cho and Kreps (1987), section II: weak prefers quiche, strong beer (+1); +2 if no duel;
    the receiver gains 1 by dueling the weak type or by not dueling the strong one."""
    return {"weak": {"Beer": {"Duel": (0, 1), "Pass": (2, 0)},
                     "Quiche": {"Duel": (1, 1), "Pass": (3, 0)}},
            "strong": {"Beer": {"Duel": (1, 0), "Pass": (3, 1)},
                       "Quiche": {"Duel": (0, 0), "Pass": (2, 1)}}}


def gambit_game(tree: Any) -> Any:
    """The tree read by pygambit from our .efg text (via a temporary file)."""
    with tempfile.NamedTemporaryFile("w", suffix=".efg", delete=False) as fh:
        fh.write(efg_text(tree))
        name = fh.name
    try:
        return gbt.read_efg(name)
    finally:
        os.unlink(name)


def gambit_behaviours(ggame: Any, profiles: Any) -> set[tuple[Any, ...]]:
    """Behaviour probabilities {(player, infoset, action): p} of pygambit profiles, as a set."""
    out = set()
    for eq in profiles:
        beh = eq.as_behavior() if hasattr(eq, "as_behavior") else eq
        key = []
        for p in ggame.players:
            for inf in p.infosets:
                for a in inf.actions:
                    key.append((p.label, inf.label, a.label, F(str(beh[a]))))
        out.add(tuple(sorted(key)))
    return out


def our_behaviours(game: BayesianGame, equilibria: Any) -> set[tuple[Any, ...]]:
    out = set()
    for e in equilibria:
        key = []
        for p, dd in e.strategies.items():
            for t, d in dd.items():
                for a, v in d.items():
                    key.append((p, BayesianGame.infoset_label(p, t), a, F(v)))
        out.add(tuple(sorted(key)))
    return out


# --------------------------------------------------------------------------- construction


def test_harsanyi_tree_has_one_infoset_per_own_type() -> None:
    g = osborne_bos()
    tree = g.to_extensive_form()
    assert tree.root.probabilities == {"only,meet": F(1, 2), "only,avoid": F(1, 2)}
    labels = {inf.player: [] for inf in tree.infosets()}
    for inf in tree.infosets():
        labels[inf.player].append((inf.label, len(inf.nodes)))
    # player 1 does not see player 2's type: one set with both type profiles' nodes;
    # player 2 moves after player 1 without seeing the move: two nodes per own type
    assert labels == {"1": [("1:only", 2)], "2": [("2:meet", 2), ("2:avoid", 2)]}
    assert tree.has_perfect_recall()
    assert tree.to_normal_form().shape == (2, 4)  # 2 plans for 1, 2*2 for 2


def test_agent_form_pure_equilibria_are_the_pure_bne() -> None:
    g = osborne_bos()
    agent = g.agent_form()
    assert agent.players == ("1[only]", "2[meet]", "2[avoid]")
    pure_agent = {e.pure_profile() for e in solve(agent, "pure")}
    as_labels = {
        tuple(next(a for a, v in d.items() if v == 1)
              for d in (e.strategies["1"]["only"], e.strategies["2"]["meet"],
                        e.strategies["2"]["avoid"]))
        for e in solve_bayesian_nash(g, method="pure")
    }
    # Osborne (2004), Example 9.2: the unique pure equilibrium is (B, (B, S))
    assert pure_agent == as_labels == {("B", "B", "S")}


def test_symbolic_prior_substitutes_exactly() -> None:
    space = ParameterSpace([Parameter("q", 0, 1)])
    q = space.symbol("q")
    g = BayesianGame(["A", "B"], {"A": ["a"], "B": ["l", "h"]}, {("a", "l"): q, ("a", "h"): 1 - q},
                     {"A": ["x", "y"], "B": ["u", "v"]},
                     {("a", "l"): [[[1, 0], [0, 1]], [[1, 0], [0, 1]]],
                      ("a", "h"): [[[q, 0], [0, 1]], [[0, 1], [1, 0]]]}, space=space)
    assert g.is_symbolic and g.parameters == (q,)
    with pytest.raises(SymbolicGameError, match="free parameters: q"):
        solve_bayesian_nash(g)
    h = g.at(q="1/3")
    assert h.prior[("a", "h")] == F(2, 3)
    assert h.payoff(("a", "h"), ("x", "u")) == (F(1, 3), 0)
    assert h.to_extensive_form().root.probabilities["a,l"] == F(1, 3)
    with pytest.raises(UnknownParameterError, match="'r'"):
        g.at(r=1)


# --------------------------------------------------------------------------- Bayesian Nash


def test_bne_of_osborne_example_agree_with_gambit() -> None:
    g = osborne_bos()
    sol = solve_bayesian_nash(g)
    assert sol.method == "enummixed" and sol.exact
    tree = g.to_extensive_form()
    gg = gambit_game(tree)
    theirs = gambit_behaviours(gg, gbt.nash.enummixed_solve(gg, rational=True).equilibria)
    assert len(theirs) == 3
    assert our_behaviours(g, sol) == theirs
    for e in sol:
        assert e.regret == 0 and e.equilibrium.regret == 0
        # interim payoffs average to the ex-ante payoff of player 2
        assert (e.interim_payoffs["2"]["meet"] + e.interim_payoffs["2"]["avoid"]) / 2 == \
            e.payoffs["2"]


def test_pbe_of_a_bayesian_game_are_its_bayesian_nash_equilibria() -> None:
    # every information set of a Harsanyi tree with a full-support prior is reached, so the
    # sequential equilibria are the Bayesian Nash equilibria (here isolated: pygambit's list)
    g = osborne_bos()
    sol = solve_pbe(g)
    gg = gambit_game(g.to_extensive_form())
    theirs = gambit_behaviours(gg, gbt.nash.enummixed_solve(gg, rational=True).equilibria)
    ours = set()
    for e in sol:
        assert e.is_isolated
        d = e.representative.behavior.as_dict()
        ours.add(tuple(sorted((p, lab, a, F(v)) for p, dd in d.items()
                              for lab, probs in dd.items() for a, v in probs.items())))
    assert ours == theirs


def test_bne_pure_agrees_with_gambit_enumpure() -> None:
    g = osborne_bos()
    gg = gambit_game(g.to_extensive_form())
    theirs = gambit_behaviours(gg, gbt.nash.enumpure_solve(gg).equilibria)
    assert our_behaviours(g, solve_bayesian_nash(g, method="pure")) == theirs


@st.composite
def bayesian_games(draw: Any) -> BayesianGame:
    n_types = [draw(st.integers(1, 2)), draw(st.integers(1, 2))]
    types = {"R": [f"r{k}" for k in range(n_types[0])], "C": [f"c{k}" for k in range(n_types[1])]}
    profiles = list(itertools.product(types["R"], types["C"]))
    weights = [draw(st.integers(1, 5)) for _ in profiles]
    prior = {t: F(w, sum(weights)) for t, w in zip(profiles, weights, strict=True)}
    pay = st.integers(-4, 4)
    payoffs = {t: [[[draw(pay) for _ in range(2)] for _ in range(2)] for _ in range(2)]
               for t in profiles}
    return BayesianGame(["R", "C"], types, prior, {"R": ["U", "D"], "C": ["L", "M"]}, payoffs)


@scaled(25, deadline=None)
@given(bayesian_games())
def test_random_bne_agree_with_gambit_enummixed(g: BayesianGame) -> None:
    ours = solve_bayesian_nash(g, method="enummixed")
    gg = gambit_game(g.to_extensive_form())
    theirs = gambit_behaviours(gg, gbt.nash.enummixed_solve(gg, rational=True).equilibria)
    assert our_behaviours(g, ours) == theirs, f"game: {g.prior} {g._payoffs}"


# --------------------------------------------------------------------------- signaling games


def test_signaling_tree_layout() -> None:
    g = SignalingGame(["weak", "strong"], {"weak": "1/10", "strong": "9/10"},
                      ["Beer", "Quiche"], ["Duel", "Pass"], beer_quiche_payoffs())
    tree = g.to_extensive_form()
    receiver = tree.infosets("Receiver")
    assert [(inf.label, [n.id for n in inf.nodes]) for inf in receiver] == [
        ("Beer", ["T1M1", "T2M1"]), ("Quiche", ["T1M2", "T2M2"])]
    assert [inf.label for inf in tree.infosets("Sender")] == ["weak", "strong"]
    assert tree.node(g.node_id("strong", "Quiche"))["Pass"].payoffs == {"Sender": 2, "Receiver": 1}
    assert tree.root.probabilities == {"weak": F(1, 10), "strong": F(9, 10)}


def test_message_ending_the_game() -> None:
    g = SignalingGame(["O", "D"], ["1/2", "1/2"], ["Open", "Restrain"],
                      {"Open": ["Accept", "Preempt"], "Restrain": []},
                      {t: {"Open": {"Accept": (1, 0), "Preempt": (-1, 0)}, "Restrain": (0, 0)}
                       for t in "OD"})
    tree = g.to_extensive_form()
    assert tree.node(g.node_id("O", "Restrain")).is_terminal
    assert g.actions("Restrain") == ()


# --------------------------------------------------------------------------- bad input


def _bayes(**changes: Any) -> BayesianGame:
    kw: dict[str, Any] = {
        "players": ["A", "B"],
        "types": {"A": ["a"], "B": ["l", "h"]},
        "prior": {("a", "l"): F(1, 2), ("a", "h"): F(1, 2)},
        "actions": {"A": ["x", "y"], "B": ["u", "v"]},
        "payoffs": {("a", "l"): [[[1, 0], [0, 1]], [[1, 0], [0, 1]]],
                    ("a", "h"): [[[1, 0], [0, 1]], [[0, 1], [1, 0]]]},
    }
    kw.update(changes)
    return BayesianGame(kw.pop("players"), kw.pop("types"), kw.pop("prior"), kw.pop("actions"),
                        kw.pop("payoffs"), **kw)


_Q = sympy.Symbol("q", positive=True)


@pytest.mark.parametrize(
    ("changes", "error", "match"),
    [
        pytest.param({"prior": {("a", "l"): F(3, 2), ("a", "h"): F(-1, 2)}}, InvalidGameError,
                     r"prior of type profile \('a', 'h'\) is -1/2, which is negative",
                     id="negative-prior-entry-named"),
        pytest.param({"prior": {("a", "l"): F(1, 2), ("a", "h"): F(2, 5)}}, InvalidGameError,
                     "sum to 9/10, not 1", id="prior-not-summing-to-one"),
        pytest.param({"prior": {("a", "l"): 0.5, ("a", "h"): 0.4}}, InvalidGameError,
                     "sum to 0.9", id="float-prior-not-summing-to-one"),
        pytest.param({"prior": {("a", "l"): _Q, ("a", "h"): 1 - 2 * _Q}}, InvalidGameError,
                     "not identically 1", id="symbolic-prior-not-identically-one"),
        pytest.param({"prior": {("a", "l"): 1 + _Q, ("a", "h"): -_Q}}, InvalidGameError,
                     r"\('a', 'h'\) is -q, which is negative for every",
                     id="symbolic-prior-entry-provably-negative"),
        pytest.param({"prior": {("a", "m"): 1}}, UnknownLabelError,
                     "unknown type 'm' of player 'B'", id="prior-unknown-type"),
        pytest.param({"prior": {("a",): 1}}, InvalidGameError, "has 1 entries for 2 players",
                     id="prior-short-type-profile"),
        pytest.param({"types": {"A": ["a"], "B": ["l", "h", "z"]}}, InvalidGameError,
                     r"no payoff table for type profiles \[\"\('a', 'z'\)\"\]",
                     id="type-set-larger-than-payoff-table"),
        pytest.param({"types": {"A": ["a"], "B": ["l"]},
                      "prior": {("a", "l"): 1}}, UnknownLabelError,
                     "payoffs: unknown type 'h'", id="payoff-table-type-not-declared"),
        pytest.param({"payoffs": {("a", "l"): [[[1, 0, 2], [0, 1, 2]], [[1, 0], [0, 1]]],
                                  ("a", "h"): [[[1, 0], [0, 1]], [[0, 1], [1, 0]]]}},
                     InvalidGameError, r"has shape \(2, 3\), expected \(2, 2\)",
                     id="payoff-array-wrong-shape"),
        pytest.param({"payoffs": {("a", "l"): {("x", "u"): (1, 1)},
                                  ("a", "h"): [[[1, 0], [0, 1]], [[0, 1], [1, 0]]]}},
                     InvalidGameError, "no payoffs for action profiles",
                     id="payoff-mapping-missing-action-profile"),
        pytest.param({"payoffs": {("a", "l"): {("x", "w"): (1, 1)},
                                  ("a", "h"): [[[1, 0], [0, 1]], [[0, 1], [1, 0]]]}},
                     UnknownLabelError, "unknown action 'w' of player 'B'",
                     id="payoff-mapping-unknown-action"),
        pytest.param({"types": {"A": ["a"], "C": ["l"]}}, UnknownLabelError,
                     "unknown players", id="types-for-unknown-player"),
        pytest.param({"actions": {"A": ["x", "x"], "B": ["u", "v"]}}, InvalidGameError,
                     "duplicate labels", id="duplicate-actions"),
        pytest.param({"players": ["A", "chance"]}, InvalidGameError, "reserved",
                     id="player-named-chance"),
    ],
)
def test_bayesian_game_bad_input(changes: dict[str, Any], error: type, match: str) -> None:
    with pytest.raises(error, match=match):
        _bayes(**changes)


def _signal(**changes: Any) -> SignalingGame:
    kw: dict[str, Any] = {
        "sender_types": ["weak", "strong"],
        "prior": {"weak": F(1, 10), "strong": F(9, 10)},
        "messages": ["Beer", "Quiche"],
        "receiver_actions": ["Duel", "Pass"],
        "payoffs": beer_quiche_payoffs(),
    }
    kw.update(changes)
    return SignalingGame(kw.pop("sender_types"), kw.pop("prior"), kw.pop("messages"),
                         kw.pop("receiver_actions"), kw.pop("payoffs"), **kw)


@pytest.mark.parametrize(
    ("changes", "error", "match"),
    [
        pytest.param({"messages": {"weak": ["Beer", "Quiche"], "strong": ["Beer", "Milk"]}},
                     InvalidGameError, "message space differs across types",
                     id="message-space-differs-across-types"),
        pytest.param({"prior": {"weak": F(1, 10), "strong": F(8, 10)}}, InvalidGameError,
                     "sum to 9/10", id="prior-not-summing-to-one"),
        pytest.param({"prior": {"weak": F(-1, 10), "strong": F(11, 10)}}, InvalidGameError,
                     "prior of 'weak' is -1/10, which is negative", id="negative-prior"),
        pytest.param({"prior": [F(1, 2)]}, InvalidGameError, "1 probabilities for 2 types",
                     id="prior-sequence-wrong-length"),
        pytest.param({"prior": {"weak": 1, "medium": 0}}, UnknownLabelError,
                     "unknown types", id="prior-unknown-type"),
        pytest.param({"receiver_actions": {"Beer": ["Duel", "Pass"]}}, InvalidGameError,
                     r"no responses listed for messages \['Quiche'\]",
                     id="responses-missing-for-a-message"),
        pytest.param({"receiver_actions": {"Beer": ["Duel"], "Quiche": ["Duel"],
                                           "Wine": ["Duel"]}},
                     UnknownLabelError, "unknown messages", id="responses-for-unknown-message"),
        pytest.param({"payoffs": {**beer_quiche_payoffs(),
                                  "weak": {"Beer": {"Duel": (0, 1)},
                                           "Quiche": {"Duel": (1, 1), "Pass": (3, 0)}}}},
                     InvalidGameError, r"payoffs\['weak'\]\['Beer'\]: nothing for 'Pass'",
                     id="payoff-missing-response"),
        pytest.param({"payoffs": {**beer_quiche_payoffs(),
                                  "weak": {"Beer": {"Duel": (0, 1), "Pass": (2, 0),
                                                    "Flee": (0, 0)},
                                           "Quiche": {"Duel": (1, 1), "Pass": (3, 0)}}}},
                     UnknownLabelError, "unknown responses", id="payoff-unknown-response"),
        pytest.param({"payoffs": {"weak": beer_quiche_payoffs()["weak"]}}, InvalidGameError,
                     "nothing for type 'strong'", id="payoff-missing-type"),
        pytest.param({"players": ("Sender", "Receiver", "Judge")}, InvalidGameError,
                     "has 2 players", id="three-players"),
        pytest.param({"payoffs": {**beer_quiche_payoffs(),
                                  "weak": {"Beer": {"Duel": (0,), "Pass": (2, 0)},
                                           "Quiche": {"Duel": (1, 1), "Pass": (3, 0)}}}},
                     InvalidGameError, "expected a pair", id="payoff-not-a-pair"),
    ],
)
def test_signaling_game_bad_input(changes: dict[str, Any], error: type, match: str) -> None:
    with pytest.raises(error, match=match):
        _signal(**changes)


def test_signaling_game_accepts_equal_message_lists_per_type() -> None:
    g = _signal(messages={"weak": ["Beer", "Quiche"], "strong": ["Quiche", "Beer"]})
    assert g.messages == ("Beer", "Quiche")


def test_signaling_at_rejects_a_prior_made_negative() -> None:
    space = ParameterSpace([Parameter("q", -1, 2)])
    q = space.symbol("q")
    g = SignalingGame(["a", "b"], {"a": q, "b": 1 - q}, ["m"], ["x"],
                      {"a": {"m": {"x": (1, 0)}}, "b": {"m": {"x": (0, 1)}}}, space=space)
    with pytest.raises(InvalidGameError, match="prior of 'b' is -1, which is negative"):
        g.at(q=2)
