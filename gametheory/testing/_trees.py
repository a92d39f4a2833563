"""Hypothesis strategies for game trees and games of incomplete information (private).

See :mod:`gametheory.testing` for the public names.

How trees are drawn
-------------------
A tree is drawn top-down, in pre-order, so that a subtree is a contiguous
block of the draws and the shrinker can delete or simplify it.  At each node
one integer says what it is: a terminal (then its payoffs are drawn), a
decision node of one of the players in a *new* information set (then its
number of actions, 2 to ``max_actions``), a chance node (then its weights,
1 to 4 each, one per action), or, when information sets may be merged and
one is available, a node that *joins* an information set already started.
The join values take about half of the range, so imperfect information is
common; 0 (a terminal) and new singleton sets are what examples shrink to.

A node may join an information set only if that set was started by a node
of the same player with the same **own history**: the sequence of the
player's own (information set, action) pairs on the path from the root.
It then has that set's player and number of actions.  This is Kuhn's
definition of perfect recall [1]_, so every drawn tree has perfect recall
by construction; and a node's descendants through its own move have a
longer own history, so no information set holds a node and its descendant
(no absent-mindedness).

Labels: node ids ``"root"``, ``"n1"``, ... in pre-order; information sets
``"<player>:<k>"`` (as :meth:`~gametheory.games.extensive.ExtensiveFormGame.move`
names them); actions ``"a"``, ``"b"``, ... by position; chance actions
``"c1"``, ``"c2"``, ... with probabilities weight / total.

References
----------
.. [1] H. W. Kuhn, "Extensive games and the problem of information", in
   *Contributions to the Theory of Games II*, Annals of Mathematics Studies
   28, Princeton University Press, 1953, pp. 193-216.
"""

from __future__ import annotations

import itertools
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from .._numbers import format_number
from ..errors import GameTheoryError
from ..games.extensive import ExtensiveFormGame
from ._games import (
    _DEFAULT_PAYOFFS,
    _GENERIC_PAYOFFS,
    _check_flag,
    _check_int,
    _check_order,
    _check_strategy,
)

__all__ = [
    "bayesian_games",
    "extensive_form_games",
    "perfect_information_trees",
    "signaling_games",
]

#: Largest number of terminal nodes a tree may reach (``max_actions ** max_depth``).
MAX_LEAVES = 1024
#: Largest number of payoff values a Bayesian game may need.
MAX_BAYESIAN_PAYOFFS = 2000
#: Chance weights are drawn from 1 to this (probabilities are weight / total).
MAX_CHANCE_WEIGHT = 4

_ACTION_LABELS = string.ascii_lowercase

Draw = Callable[[st.SearchStrategy[Any]], Any]


# ---------------------------------------------------------------------------
# Building games so that failing examples print as constructor calls
# ---------------------------------------------------------------------------


def _from_dict(data: dict[str, Any]) -> ExtensiveFormGame:
    try:
        return ExtensiveFormGame.from_dict(data)
    except GameTheoryError as exc:
        raise InvalidArgument(
            f"the drawn tree is not a valid game ({exc}); check the payoffs strategy"
        ) from exc


# Hypothesis prints objects made by ``st.builds(f, ...)`` as the call ``f(...)``.
_from_dict.__name__ = _from_dict.__qualname__ = "ExtensiveFormGame.from_dict"


def _payoff_text(value: Any) -> Any:
    """A payoff or probability as the dict form writes it (ints and floats as they are)."""
    if isinstance(value, bool):
        raise InvalidArgument(f"payoffs must generate numbers, not booleans; got {value!r}")
    if isinstance(value, int | float):
        return value
    if isinstance(value, Fraction):
        return format_number(value)
    if isinstance(value, np.integer | np.floating):
        return value.item()
    raise InvalidArgument(
        f"payoffs must generate ints, Fractions or floats; got {value!r} "
        f"({type(value).__name__})"
    )


# ---------------------------------------------------------------------------
# Drawing trees
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _TreePlan:
    n_players: int
    max_depth: int
    max_actions: int
    chance: bool
    imperfect: bool
    payoffs: st.SearchStrategy[Any]
    distinct: bool


@dataclass
class _TreeState:
    """What a pre-order draw has built so far."""

    players: list[str]
    nodes: list[dict[str, Any]] = field(default_factory=list)
    terminals: dict[str, dict[str, Any]] = field(default_factory=dict)
    next_id: int = 0
    #: information sets started per player: own history -> [(index, number of actions)]
    open_sets: list[dict[tuple[Any, ...], list[tuple[int, int]]]] = field(default_factory=list)
    count: list[int] = field(default_factory=list)

    def new_id(self) -> str:
        nid = "root" if self.next_id == 0 else f"n{self.next_id}"
        self.next_id += 1
        return nid


def _draw_node(
    draw: Draw, plan: _TreePlan, state: _TreeState, depth: int, own: tuple[tuple[Any, ...], ...]
) -> str:
    """Draw the subtree at ``depth`` in pre-order and return its id.

    ``own[i]`` is player i's own history at the node: the (information set,
    action) pairs of the player's moves on the path from the root.  The node
    kind is one integer: 0 a terminal, 1..N a decision node of a player in a
    new information set, N+1 a chance node, and the values above (as many
    again, so about half the draws when it is possible) join an information
    set already started with the same own history.
    """
    nid = state.new_id()
    n = plan.n_players
    candidates = []
    if plan.imperfect:
        for i in range(n):
            candidates += [(i, k, m) for k, m in state.open_sets[i].get(own[i], ())]
    fresh = n + 1 + (1 if plan.chance else 0)
    if depth >= plan.max_depth:
        kind = 0
    else:
        kind = draw(st.integers(0, fresh - 1 + (fresh if candidates else 0)))
    if kind == 0:
        pay = [] if plan.distinct else [_payoff_text(draw(plan.payoffs)) for _ in range(n)]
        state.terminals[nid] = dict(zip(state.players, pay, strict=False))
        return nid
    entry: dict[str, Any] = {"id": nid}
    state.nodes.append(entry)
    if plan.chance and kind == n + 1:
        weights = draw(
            st.lists(st.integers(1, MAX_CHANCE_WEIGHT), min_size=2, max_size=plan.max_actions)
        )
        total = sum(weights)
        labels = [f"c{k + 1}" for k in range(len(weights))]
        entry["chance"] = {a: format_number(Fraction(w, total))
                           for a, w in zip(labels, weights, strict=True)}
        entry["next"] = {a: _draw_node(draw, plan, state, depth + 1, own) for a in labels}
        return nid
    if kind <= n:
        i = kind - 1
        m = draw(st.integers(2, plan.max_actions))
        state.count[i] += 1
        k = state.count[i]
        state.open_sets[i].setdefault(own[i], []).append((k, m))
    else:
        i, k, m = candidates[draw(st.integers(0, len(candidates) - 1))]
    player = state.players[i]
    entry["player"] = player
    entry["infoset"] = f"{player}:{k}"
    moves: dict[str, str] = {}
    entry["moves"] = moves
    for a in range(m):
        child_own = own[:i] + ((*own[i], (k, a)),) + own[i + 1:]
        moves[_ACTION_LABELS[a]] = _draw_node(draw, plan, state, depth + 1, child_own)
    return nid


def _draw_tree(draw: Draw, plan: _TreePlan) -> ExtensiveFormGame:
    n = plan.n_players
    state = _TreeState(
        players=[str(i + 1) for i in range(n)],
        open_sets=[{} for _ in range(n)],
        count=[0] * n,
    )
    _draw_node(draw, plan, state, 0, ((),) * n)
    if plan.distinct:
        ids = list(state.terminals)
        for p in state.players:
            column = draw(st.lists(plan.payoffs, min_size=len(ids), max_size=len(ids),
                                   unique=True))
            for t, v in zip(ids, column, strict=True):
                state.terminals[t][p] = _payoff_text(v)
    data = {"players": state.players, "nodes": state.nodes, "terminals": state.terminals}
    return draw(st.builds(_from_dict, st.just(data)))


def _check_tree_arguments(
    min_players: Any, max_players: Any, max_depth: Any, max_actions: Any, payoffs: Any,
    flags: dict[str, Any],
) -> st.SearchStrategy[Any]:
    _check_int("min_players", min_players, 1)
    _check_int("max_players", max_players, 1)
    _check_order("min_players", min_players, "max_players", max_players)
    _check_int("max_depth", max_depth, 0)
    _check_int("max_actions", max_actions, 2)
    if max_actions > len(_ACTION_LABELS):
        raise InvalidArgument(
            f"max_actions={max_actions} is more than the {len(_ACTION_LABELS)} action labels "
            "a-z; trees that wide cannot be drawn anyway"
        )
    for name, value in flags.items():
        _check_flag(name, value)
    payoffs = _DEFAULT_PAYOFFS if payoffs is None else payoffs
    _check_strategy("payoffs", payoffs)
    leaves = max_actions**max_depth
    if leaves > MAX_LEAVES:
        raise InvalidArgument(
            f"trees of depth up to {max_depth} with up to {max_actions} actions per node have "
            f"up to {leaves} terminal nodes; Hypothesis cannot draw more than about "
            f"{MAX_LEAVES}. Lower max_depth or max_actions."
        )
    return payoffs


# ---------------------------------------------------------------------------
# Public tree strategies
# ---------------------------------------------------------------------------


@st.composite
def extensive_form_games(
    draw: Draw,
    *,
    min_players: int = 2,
    max_players: int = 2,
    max_depth: int = 3,
    max_actions: int = 3,
    chance: bool = True,
    imperfect_information: bool = True,
    payoffs: st.SearchStrategy[Any] | None = None,
) -> ExtensiveFormGame:
    """Finite game trees with chance moves and information sets, with perfect recall.

    Each node is drawn as a terminal, a decision node of one of the players
    or (if ``chance``) a chance node; inner nodes have 2 to ``max_actions``
    actions. With ``imperfect_information``, decision nodes of one player are
    merged into information sets, but only nodes with the same number of
    actions and the same *own history* (the player's earlier information
    sets and actions on the path from the root): every example therefore has
    **perfect recall** by construction (Kuhn 1953 [1]_), and no information
    set holds a node and its descendant.

    Parameters
    ----------
    min_players, max_players : int, keyword-only
        Bounds on the number of players (default exactly 2); players are
        labelled ``"1"``, ``"2"``, ...  A player may have no move.
    max_depth : int, keyword-only
        Longest path from the root to a terminal, counting chance moves
        (default 3; 0 gives one-node games).
    max_actions : int, keyword-only
        Most actions at a node, at least 2 (default 3).
    chance : bool, keyword-only
        Draw chance nodes too (default True). Their probabilities are exact
        fractions, weights from 1 to 4 divided by their sum, so every chance
        action has positive probability.
    imperfect_information : bool, keyword-only
        Merge nodes into information sets (default True); False gives games
        of perfect information (every information set a single node).
    payoffs : SearchStrategy, keyword-only
        Payoff values at the terminals (default ``st.integers(-10, 10)``);
        Fractions give exact ``"rational"`` games, floats ``"float"`` ones.

    Returns
    -------
    SearchStrategy of ExtensiveFormGame
        Examples shrink towards small trees: a single terminal node with the
        simplest payoffs (all 0 by default), then shallow trees whose nodes
        belong to player ``"1"``, uniform chance probabilities and singleton
        information sets.  Node ids are ``"root"``, ``"n1"``, ... in
        pre-order; information sets ``"<player>:<k>"``; actions ``"a"``,
        ``"b"``, ...; chance actions ``"c1"``, ``"c2"``, ...  Failing
        examples print as ``ExtensiveFormGame.from_dict({...})`` calls.

    Raises
    ------
    hypothesis.errors.InvalidArgument
        At draw time, for fewer than one player, ``min_players >
        max_players``, a negative ``max_depth``, ``max_actions < 2`` or above
        26, non-boolean flags, ``payoffs`` that is not a strategy or draws
        something other than numbers, or trees too large to draw
        (``max_actions ** max_depth > 1024`` terminals).

    See Also
    --------
    perfect_information_trees

    References
    ----------
    .. [1] H. W. Kuhn, "Extensive games and the problem of information", in
       *Contributions to the Theory of Games II*, Annals of Mathematics
       Studies 28, Princeton University Press, 1953, pp. 193-216.

    Examples
    --------
    >>> from hypothesis import find
    >>> g = find(extensive_form_games(), lambda g: True)
    >>> g.to_dict()["terminals"]
    {'root': {'1': 0, '2': 0}}
    >>> g = find(extensive_form_games(), lambda g: not g.is_perfect_information)
    >>> g.has_perfect_recall(), max(len(s.nodes) for s in g.infosets())
    (True, 2)
    """
    payoffs = _check_tree_arguments(
        min_players, max_players, max_depth, max_actions, payoffs,
        {"chance": chance, "imperfect_information": imperfect_information},
    )
    n = draw(st.integers(min_players, max_players))
    plan = _TreePlan(n, max_depth, max_actions, chance, imperfect_information, payoffs, False)
    return _draw_tree(draw, plan)


@st.composite
def perfect_information_trees(
    draw: Draw,
    *,
    min_players: int = 2,
    max_players: int = 2,
    max_depth: int = 3,
    max_actions: int = 3,
    chance: bool = False,
    distinct_payoffs: bool = False,
    payoffs: st.SearchStrategy[Any] | None = None,
) -> ExtensiveFormGame:
    """Game trees of perfect information: every information set is a single node.

    ``extensive_form_games(imperfect_information=False, ...)`` without chance
    moves by default, plus the option of *distinct* payoffs.  Without chance
    and with distinct payoffs no player is ever indifferent between two
    outcomes, so backward induction has a unique solution: the game has a
    unique subgame-perfect equilibrium, in pure strategies (Kuhn 1953 [1]_;
    Osborne and Rubinstein 1994 [2]_, Proposition 99.2 for existence).

    Parameters
    ----------
    min_players, max_players, max_depth, max_actions : int, keyword-only
        As in :func:`extensive_form_games` (defaults 2, 2, 3, 3).
    chance : bool, keyword-only
        Draw chance nodes too (default False).
    distinct_payoffs : bool, keyword-only
        Give each player a different payoff at every terminal (default
        False); ``payoffs`` must then offer at least as many distinct values
        as there are terminals (up to ``max_actions ** max_depth``).
    payoffs : SearchStrategy, keyword-only
        Payoff values (default ``st.integers(-10, 10)``, or
        ``st.integers(-1000, 1000)`` with ``distinct_payoffs``).

    Returns
    -------
    SearchStrategy of ExtensiveFormGame
        Shrinks as :func:`extensive_form_games` does; distinct payoffs shrink
        towards the simplest distinct values (``0, 1, -1, 2, ...`` by
        default).  Failing examples print as
        ``ExtensiveFormGame.from_dict({...})`` calls.

    Raises
    ------
    hypothesis.errors.InvalidArgument
        At draw time, as in :func:`extensive_form_games`.

    References
    ----------
    .. [1] H. W. Kuhn, "Extensive games and the problem of information",
       Annals of Mathematics Studies 28 (1953) 193-216 (Corollary 1: a game
       of perfect information has a pure equilibrium).
    .. [2] M. J. Osborne and A. Rubinstein, *A Course in Game Theory*, MIT
       Press, 1994, ch. 6.

    Examples
    --------
    >>> from hypothesis import find
    >>> g = find(perfect_information_trees(distinct_payoffs=True),
    ...          lambda g: len(g.terminals()) == 2)
    >>> g.to_dict()["terminals"]
    {'n1': {'1': 0, '2': 0}, 'n2': {'1': 1, '2': 1}}
    >>> g.is_perfect_information
    True
    """
    if payoffs is None and distinct_payoffs is True:
        payoffs = _GENERIC_PAYOFFS
    payoffs = _check_tree_arguments(
        min_players, max_players, max_depth, max_actions, payoffs,
        {"chance": chance, "distinct_payoffs": distinct_payoffs},
    )
    n = draw(st.integers(min_players, max_players))
    plan = _TreePlan(n, max_depth, max_actions, chance, False, payoffs, distinct_payoffs)
    return _draw_tree(draw, plan)


# ---------------------------------------------------------------------------
# Games of incomplete information
# ---------------------------------------------------------------------------


def _prior(draw: Draw, keys: Sequence[Any]) -> dict[Any, str]:
    """Exact positive probabilities (weights 1-4 over their sum), shrinking to uniform."""
    weights = draw(
        st.lists(st.integers(1, MAX_CHANCE_WEIGHT), min_size=len(keys), max_size=len(keys))
    )
    total = sum(weights)
    return {k: format_number(Fraction(w, total)) for k, w in zip(keys, weights, strict=True)}


def _bayesian_game(*args: Any, **kwargs: Any) -> Any:
    from ..games.bayesian import BayesianGame

    try:
        return BayesianGame(*args, **kwargs)
    except GameTheoryError as exc:
        raise InvalidArgument(
            f"the drawn Bayesian game is not valid ({exc}); check the payoffs strategy"
        ) from exc


_bayesian_game.__name__ = _bayesian_game.__qualname__ = "BayesianGame"


def _signaling_game(*args: Any, **kwargs: Any) -> Any:
    from ..games.bayesian import SignalingGame

    try:
        return SignalingGame(*args, **kwargs)
    except GameTheoryError as exc:
        raise InvalidArgument(
            f"the drawn signaling game is not valid ({exc}); check the payoffs strategy"
        ) from exc


_signaling_game.__name__ = _signaling_game.__qualname__ = "SignalingGame"


@st.composite
def bayesian_games(
    draw: Draw,
    *,
    min_players: int = 2,
    max_players: int = 2,
    max_types: int = 2,
    max_actions: int = 2,
    payoffs: st.SearchStrategy[Any] | None = None,
) -> Any:
    """Bayesian games: finite types, a common prior with full support, type-dependent payoffs.

    Each player has 1 to ``max_types`` types (``"t1"``, ``"t2"``, ...) and
    1 to ``max_actions`` actions (``"a"``, ``"b"``, ...); the prior over type
    profiles is exact, positive weights from 1 to 4 divided by their sum (so
    types may be correlated, and every type profile has positive
    probability); every type profile has its own payoff table (Harsanyi
    1967-68 [1]_).

    Parameters
    ----------
    min_players, max_players : int, keyword-only
        Bounds on the number of players (default exactly 2), labelled
        ``"1"``, ``"2"``, ...
    max_types : int, keyword-only
        Most types per player (at least 1; default 2).
    max_actions : int, keyword-only
        Most actions per player (at least 1; default 2).
    payoffs : SearchStrategy, keyword-only
        Payoff values (default ``st.integers(-10, 10)``).

    Returns
    -------
    SearchStrategy of gametheory.games.bayesian.BayesianGame
        Examples shrink towards one type and one action per player, a
        uniform prior and payoffs 0.  Failing examples print as
        ``BayesianGame(...)`` calls.

    Raises
    ------
    hypothesis.errors.InvalidArgument
        At draw time, for bounds below 1, ``min_players > max_players``,
        ``payoffs`` that is not a strategy, or games needing more than 2000
        payoff values.

    References
    ----------
    .. [1] J. C. Harsanyi, "Games with incomplete information played by
       'Bayesian' players, I-III", *Management Science* 14 (1967-68)
       159-182, 320-334, 486-502.

    Examples
    --------
    >>> from hypothesis import find
    >>> g = find(bayesian_games(), lambda g: len(g.types["2"]) == 2)
    >>> g.types, g.prior
    ({'1': ('t1',), '2': ('t1', 't2')}, {('t1', 't1'): Fraction(1, 2), ('t1', 't2'): Fraction(1, 2)})
    """
    _check_int("min_players", min_players, 1)
    _check_int("max_players", max_players, 1)
    _check_order("min_players", min_players, "max_players", max_players)
    _check_int("max_types", max_types, 1)
    _check_int("max_actions", max_actions, 1)
    if max_actions > len(_ACTION_LABELS):
        raise InvalidArgument(f"max_actions={max_actions} is more than the 26 labels a-z")
    payoffs = _DEFAULT_PAYOFFS if payoffs is None else payoffs
    _check_strategy("payoffs", payoffs)
    needed = max_types**max_players * max_players * max_actions**max_players
    if needed > MAX_BAYESIAN_PAYOFFS:
        raise InvalidArgument(
            f"Bayesian games with up to {max_players} players, {max_types} types and "
            f"{max_actions} actions each need up to {needed} payoff values; Hypothesis cannot "
            f"draw more than about {MAX_BAYESIAN_PAYOFFS} per game. Lower the bounds."
        )
    n = draw(st.integers(min_players, max_players))
    players = [str(i + 1) for i in range(n)]
    types = {p: [f"t{k + 1}" for k in range(draw(st.integers(1, max_types)))] for p in players}
    actions = {
        p: list(_ACTION_LABELS[: draw(st.integers(1, max_actions))]) for p in players
    }
    profiles = list(itertools.product(*(types[p] for p in players)))
    prior = _prior(draw, profiles)
    shape = tuple(len(actions[p]) for p in players)
    tables = {}
    for t in profiles:
        arrays = []
        for _ in players:
            flat = [_payoff_text(draw(payoffs)) for _ in range(int(np.prod(shape)))]
            arrays.append(np.array(flat, dtype=object).reshape(shape).tolist())
        tables[t] = arrays
    return draw(
        st.builds(_bayesian_game, st.just(players), st.just(types), st.just(prior),
                  st.just(actions), st.just(tables))
    )


@st.composite
def signaling_games(
    draw: Draw,
    *,
    max_types: int = 2,
    max_messages: int = 2,
    max_responses: int = 2,
    ending_messages: bool = True,
    payoffs: st.SearchStrategy[Any] | None = None,
) -> Any:
    """Sender-receiver signaling games (Spence 1973 [1]_; Cho and Kreps 1987 [2]_).

    Chance draws one of 1 to ``max_types`` sender types (``"t1"``, ...) with
    an exact prior of full support (weights 1 to 4 over their sum); the
    sender sends one of 1 to ``max_messages`` messages (``"m1"``, ...); the
    receiver, seeing the message only, picks one of 1 to ``max_responses``
    responses (``"r1"``, ...), the same after every message.  With
    ``ending_messages``, some messages may end the game without a response
    (as "Restrain" does in the TRIPP model M4).

    Parameters
    ----------
    max_types, max_messages, max_responses : int, keyword-only
        Upper bounds (at least 1; default 2 each).
    ending_messages : bool, keyword-only
        Allow messages without responses (default True); the first message
        always has responses.
    payoffs : SearchStrategy, keyword-only
        Payoff values (default ``st.integers(-10, 10)``).

    Returns
    -------
    SearchStrategy of gametheory.games.bayesian.SignalingGame
        Players ``("Sender", "Receiver")``.  Examples shrink towards one type,
        one message and one response, payoffs 0.  Failing examples print as
        ``SignalingGame(...)`` calls.

    Raises
    ------
    hypothesis.errors.InvalidArgument
        At draw time, for bounds below 1, a non-boolean flag or ``payoffs``
        that is not a strategy.

    References
    ----------
    .. [1] M. Spence, "Job market signaling", *Quarterly Journal of
       Economics* 87 (1973) 355-374.
    .. [2] I.-K. Cho and D. M. Kreps, "Signaling games and stable
       equilibria", *Quarterly Journal of Economics* 102 (1987) 179-221.

    Examples
    --------
    >>> from hypothesis import find
    >>> g = find(signaling_games(), lambda g: len(g.types) == 2 and len(g.messages) == 2)
    >>> g.prior, g.messages, g.actions("m2")
    ({'t1': Fraction(1, 2), 't2': Fraction(1, 2)}, ('m1', 'm2'), ('r1',))
    """
    for name, value in (("max_types", max_types), ("max_messages", max_messages),
                        ("max_responses", max_responses)):
        _check_int(name, value, 1)
    _check_flag("ending_messages", ending_messages)
    payoffs = _DEFAULT_PAYOFFS if payoffs is None else payoffs
    _check_strategy("payoffs", payoffs)
    types = [f"t{k + 1}" for k in range(draw(st.integers(1, max_types)))]
    messages = [f"m{k + 1}" for k in range(draw(st.integers(1, max_messages)))]
    responses = [f"r{k + 1}" for k in range(draw(st.integers(1, max_responses)))]
    ends = [False] + [
        draw(st.booleans()) if ending_messages else False for _ in messages[1:]
    ]
    acts = {m: ([] if end else list(responses)) for m, end in zip(messages, ends, strict=True)}
    prior = _prior(draw, types)
    table: dict[str, dict[str, Any]] = {}
    for t in types:
        per: dict[str, Any] = {}
        for m in messages:
            if acts[m]:
                per[m] = {
                    r: (_payoff_text(draw(payoffs)), _payoff_text(draw(payoffs)))
                    for r in acts[m]
                }
            else:
                per[m] = (_payoff_text(draw(payoffs)), _payoff_text(draw(payoffs)))
        table[t] = per
    return draw(
        st.builds(_signaling_game, st.just(types), st.just(prior), st.just(messages),
                  st.just(acts), st.just(table))
    )
