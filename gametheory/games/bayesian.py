"""Games of incomplete information: Bayesian games and signaling games.

A *Bayesian game* (Harsanyi 1967-68 [1]_) has players :math:`i = 1, \\dots, N`,
each with a finite set :math:`T_i` of *types*, a *common prior*
:math:`\\pi` over type profiles :math:`t = (t_1, \\dots, t_N)`, finite action
sets :math:`A_i`, and payoffs :math:`u_i(a; t)` that depend on the action
profile and on the type profile. Each player knows their own type only.

Definitions used throughout
---------------------------
Harsanyi transformation
    The extensive form in which chance first draws the type profile with the
    prior's probabilities, then every player chooses an action knowing their
    own type only: player :math:`i`'s information sets are labelled
    ``"<player>:<type>"`` and contain every node at which :math:`i` has that
    type (:meth:`BayesianGame.to_extensive_form`). Moves are simultaneous:
    later players do not observe earlier ones.
type-contingent strategy
    A map from the player's types to distributions over actions (a behaviour
    strategy of the Harsanyi tree).
Bayesian Nash equilibrium
    A profile of type-contingent strategies in which every type with positive
    probability maximises its *interim* expected payoff (conditional on its
    type) against the others' strategies: a Nash equilibrium of the
    Harsanyi tree, computed by :func:`gametheory.solvers.pbe.solve_bayesian_nash`.
agent normal form
    Selten's (1975) normal form with one *agent* per (player, type), whose
    strategies are the player's actions and whose payoff is the player's
    ex-ante expected payoff (:meth:`BayesianGame.agent_form`). Its pure Nash
    equilibria are the pure Bayesian Nash equilibria.
signaling game
    Two players (Spence 1973 [3]_; Cho and Kreps 1987 [4]_): chance draws the
    *sender*'s type with the prior; the sender, knowing it, sends a message;
    the *receiver* sees the message, not the type, and chooses a response
    (:class:`SignalingGame`). A message may also end the game without a
    response (e.g. "Restrain" in the TRIPP model M4). Perfect Bayesian
    equilibria and their refinements are computed by
    :func:`gametheory.solvers.pbe.solve_pbe`.

Numbers
-------
Priors and payoffs are ints, Fractions, floats, sympy expressions in declared
parameters, or text (``"1/3"``, ``"1 - pi_O"``; parsed safely). Priors are
validated: every entry non-negative and the total exactly 1 (for expressions:
identically 1, and no entry negative for every allowed parameter value);
errors name the offending entry.

References
----------
.. [1] J. C. Harsanyi, "Games with incomplete information played by
   'Bayesian' players, I-III", *Management Science* 14 (1967-68) 159-182,
   320-334, 486-502.
.. [2] R. Selten, "Reexamination of the perfectness concept for equilibrium
   points in extensive games", *International Journal of Game Theory* 4
   (1975) 25-55 (the agent normal form).
.. [3] M. Spence, "Job market signaling", *Quarterly Journal of Economics* 87
   (1973) 355-374.
.. [4] I.-K. Cho and D. M. Kreps, "Signaling games and stable equilibria",
   *Quarterly Journal of Economics* 102 (1987) 179-221.
.. [5] D. Fudenberg and J. Tirole, *Game Theory*, MIT Press (1991), ch. 6
   and 8.

Examples
--------
Cho and Kreps' beer-quiche game: the sender is weak w.p. 1/10.

>>> from gametheory.games.bayesian import SignalingGame
>>> pay = {"weak": {"Beer": {"Duel": (0, 1), "Pass": (2, 0)},
...                 "Quiche": {"Duel": (1, 1), "Pass": (3, 0)}},
...        "strong": {"Beer": {"Duel": (1, 0), "Pass": (3, 1)},
...                   "Quiche": {"Duel": (0, 0), "Pass": (2, 1)}}}
>>> bq = SignalingGame(["weak", "strong"], {"weak": "1/10", "strong": "9/10"},
...     ["Beer", "Quiche"], ["Duel", "Pass"], pay, title="Beer-quiche")
>>> bq.prior["weak"], bq.actions("Beer")
(Fraction(1, 10), ('Duel', 'Pass'))
>>> tree = bq.to_extensive_form()
>>> [inf.label for inf in tree.infosets("Receiver")]
['Beer', 'Quiche']
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from .._numbers import format_number
from ..errors import (
    InvalidGameError,
    UnknownLabelError,
)
from ._labels import check_labels
from .extensive import (
    CHANCE,
    ExtensiveFormGame,
    Node,
    _check_declared,
    _check_player_keys,
    _decide,
    _free_parameters_error,
    _free_symbols,
    _normalize,
    _substitute,
    _sum_to_one_error,
    _sympy_value,
    _widest,
)
from .normal import NormalFormGame, _substitutions

__all__ = ["BayesianGame", "SignalingGame"]


# ============================================================================ helpers


def _labels(values: Any, what: str, *, allow_empty: bool = False) -> tuple[str, ...]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise InvalidGameError(f"{what} must be a sequence of labels, got {values!r}")
    out = tuple(values)
    if not out and not allow_empty:
        raise InvalidGameError(f"{what}: give at least one label")
    check_labels(out, where=what)
    return out


def _value(value: Any, where: str, space: Any) -> tuple[Any, str]:
    out, kind = _normalize(value, where, space)
    if space is not None and isinstance(out, sympy.Basic):
        _check_declared(out, dict(space.symbols), where)
    return out, kind


def _validate_prior(entries: Mapping[Any, Any], kinds: Sequence[str], space: Any,
                    show: Any, what: str) -> None:
    """Non-negative entries summing to 1 (exactly, symbolically or within 1e-9)."""
    for key, v in entries.items():
        where = f"{what} of {show(key)}"
        if isinstance(v, sympy.Basic):
            if _decide(sympy.Ge(v, 0), space) is False:
                raise InvalidGameError(
                    f"{where} is {v}, which is negative for every parameter value allowed by "
                    "the assumptions and bounds"
                )
        elif v < 0:
            raise InvalidGameError(f"{where} is {format_number(v)}, which is negative")
    problem = _sum_to_one_error(entries.values(), _widest(kinds), show_symbolic_total=str)
    if problem is not None:
        raise InvalidGameError(f"{what}: the probabilities {problem}")


def _kind_of(values: Iterable[Any]) -> str:
    kinds = []
    for v in values:
        if isinstance(v, sympy.Basic):
            kinds.append("symbolic" if v.free_symbols else _normalize(v, "value")[1])
        elif isinstance(v, float):
            kinds.append("float")
        elif isinstance(v, Fraction) and v.denominator != 1:
            kinds.append("rational")
        else:
            kinds.append("integer")
    return _widest(kinds)


class _PriorAndPayoffs:
    """Kind and free parameters of a game whose prior and payoffs ``_values()`` lists."""

    def _values(self) -> list[Any]:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    @property
    def kind(self) -> str:
        """``"integer"``, ``"rational"``, ``"float"`` or ``"symbolic"`` (prior and payoffs)."""
        return _kind_of(self._values())

    @property
    def is_exact(self) -> bool:
        """True when the prior and payoffs are exact rationals."""
        return self.kind in ("integer", "rational")

    @property
    def is_symbolic(self) -> bool:
        """True when the prior or payoffs have free parameters."""
        return self.kind == "symbolic"

    @property
    def parameters(self) -> tuple[sympy.Symbol, ...]:
        """Free parameters, sorted by name."""
        return _free_symbols(self._values())

    def numeric_check(self, method: str = "this method") -> None:
        """Raise :class:`SymbolicGameError` if the game has free parameters."""
        if self.is_symbolic:
            raise _free_parameters_error(method, "it", self.parameters)


# ============================================================================ Bayesian games


class BayesianGame(_PriorAndPayoffs):
    """An N-player game with finite type sets and a common prior (Harsanyi 1967-68).

    Parameters
    ----------
    players : sequence of str
        Player labels (distinct, not ``"chance"``).
    types : mapping
        ``{player: [type labels]}`` for every player (one type for a player
        whose payoffs are common knowledge).
    prior : mapping
        ``{type profile: probability}``; a type profile is a tuple with one
        type per player in player order (a plain label for one-player games).
        Profiles left out have probability 0. Entries are numbers, sympy
        expressions or text; they must be non-negative and sum to 1.
    actions : mapping
        ``{player: [action labels]}`` (the same for every type of the player).
    payoffs : mapping
        ``{type profile: table}`` for **every** type profile, where ``table``
        is either a sequence of one payoff array per player, each of shape
        ``(len(actions[p1]), ..., len(actions[pN]))``, or a mapping
        ``{action profile: payoff vector}`` covering every action profile.
    title : str, optional
    space : ParameterSpace, optional
        The declared parameters of symbolic priors and payoffs.

    Raises
    ------
    InvalidGameError
        Bad labels; a prior entry that is negative (named); priors not summing
        to 1; payoff tables missing a type or action profile or of the wrong
        shape.
    UnknownLabelError
        A player, type or action that was not declared.

    See Also
    --------
    SignalingGame, gametheory.solvers.pbe.solve_bayesian_nash

    Examples
    --------
    A two-player coordination game in which player 2 is of one of two types
    (Osborne 2004, section 9.2, "Bach or Stravinsky?" with uncertainty about
    whether player 2 wants to meet player 1):

    >>> from fractions import Fraction as F
    >>> g = BayesianGame(
    ...     ["1", "2"], {"1": ["only"], "2": ["meet", "avoid"]},
    ...     {("only", "meet"): F(1, 2), ("only", "avoid"): F(1, 2)},
    ...     {"1": ["B", "S"], "2": ["B", "S"]},
    ...     {("only", "meet"): [[[2, 0], [0, 1]], [[1, 0], [0, 2]]],
    ...      ("only", "avoid"): [[[2, 0], [0, 1]], [[0, 2], [1, 0]]]})
    >>> g.marginal("2")
    {'meet': Fraction(1, 2), 'avoid': Fraction(1, 2)}
    >>> g.payoff(("only", "avoid"), ("B", "S"))
    (0, 2)
    >>> tree = g.to_extensive_form()
    >>> [inf.label for inf in tree.infosets("2")]
    ['2:meet', '2:avoid']
    >>> g.agent_form().players
    ('1[only]', '2[meet]', '2[avoid]')
    """

    def __init__(
        self,
        players: Sequence[str],
        types: Mapping[str, Sequence[str]],
        prior: Mapping[Any, Any],
        actions: Mapping[str, Sequence[str]],
        payoffs: Mapping[Any, Any],
        *,
        title: str = "",
        space: Any = None,
    ) -> None:
        players_t = _labels(players, "players")
        if CHANCE in players_t:
            raise InvalidGameError(f"{CHANCE!r} is reserved for chance moves; rename the player")
        if space is not None and not hasattr(space, "symbols"):
            raise InvalidGameError(f"space must be a ParameterSpace, got {type(space).__name__}")
        self._players = players_t
        self._space = space
        self.title = str(title)
        self._types = self._per_player(types, "types")
        self._actions = self._per_player(actions, "actions")
        self._profiles = tuple(itertools.product(*(self._types[p] for p in players_t)))
        self._action_profiles = tuple(itertools.product(*(self._actions[p] for p in players_t)))
        # prior
        if not isinstance(prior, Mapping):
            raise InvalidGameError(
                "prior must be a mapping {type profile: probability}, got "
                f"{type(prior).__name__}"
            )
        probs: dict[tuple[str, ...], Any] = {}
        kinds: list[str] = []
        for key, v in prior.items():
            profile = self._type_profile(key, "prior")
            if profile in probs:
                raise InvalidGameError(f"prior: type profile {profile} given twice")
            value, kind = _value(v, f"prior of type profile {self._show(profile)}", space)
            probs[profile] = value
            kinds.append(kind)
        _validate_prior(probs, kinds, space, lambda k: f"type profile {self._show(k)}", "prior")
        self._prior = {t: probs.get(t, 0) for t in self._profiles}
        # payoffs
        if not isinstance(payoffs, Mapping):
            raise InvalidGameError(
                f"payoffs must be a mapping {{type profile: table}}, got {type(payoffs).__name__}"
            )
        table: dict[tuple[str, ...], dict[tuple[str, ...], tuple[Any, ...]]] = {}
        for key, tab in payoffs.items():
            profile = self._type_profile(key, "payoffs")
            if profile in table:
                raise InvalidGameError(f"payoffs: type profile {profile} given twice")
            table[profile] = self._table(profile, tab)
        missing = [self._show(t) for t in self._profiles if t not in table]
        if missing:
            raise InvalidGameError(
                f"payoffs: no payoff table for type profiles {missing}; the type sets are "
                f"{ {p: list(self._types[p]) for p in players_t} } and every type profile "
                "needs a table"
            )
        self._payoffs = {t: table[t] for t in self._profiles}

    # ---------------------------------------------------------------- validation
    def _per_player(self, data: Any, what: str) -> dict[str, tuple[str, ...]]:
        if not isinstance(data, Mapping):
            raise InvalidGameError(f"{what} must be a mapping {{player: [labels]}}")
        _check_player_keys(data, self._players, what, "nothing given for players")
        return {p: _labels(data[p], f"{what} of player {p!r}") for p in self._players}

    def _show(self, profile: tuple[str, ...]) -> str:
        return "(" + ", ".join(repr(t) for t in profile) + ")"

    def _type_profile(self, key: Any, what: str) -> tuple[str, ...]:
        if isinstance(key, str) and len(self._players) == 1:
            key = (key,)
        if isinstance(key, str) or not isinstance(key, Sequence):
            raise InvalidGameError(
                f"{what}: a type profile is a tuple with one type per player "
                f"{list(self._players)}, got {key!r}"
            )
        key = tuple(key)
        if len(key) != len(self._players):
            raise InvalidGameError(
                f"{what}: type profile {key} has {len(key)} entries for "
                f"{len(self._players)} players {list(self._players)}"
            )
        for p, t in zip(self._players, key, strict=True):
            if t not in self._types[p]:
                raise UnknownLabelError(
                    f"{what}: unknown type {t!r} of player {p!r} in {key}; its types are "
                    f"{list(self._types[p])}"
                )
        return key

    def _table(self, profile: tuple[str, ...], tab: Any) -> dict[tuple[str, ...], tuple[Any, ...]]:
        where = f"payoffs of type profile {self._show(profile)}"
        n = len(self._players)
        out: dict[tuple[str, ...], tuple[Any, ...]] = {}
        if isinstance(tab, NormalFormGame):
            if tab.strategies != tuple(self._actions[p] for p in self._players):
                raise InvalidGameError(
                    f"{where}: the game's strategies {tab.strategies} are not the actions "
                    f"{tuple(self._actions[p] for p in self._players)}"
                )
            tab = [tab.payoff_array(i) for i in range(n)]
        if isinstance(tab, Mapping):
            for key, vec in tab.items():
                a = tuple(key) if not isinstance(key, str) else (key,)
                if len(a) != n:
                    raise InvalidGameError(f"{where}: action profile {key!r} needs {n} entries")
                for p, x in zip(self._players, a, strict=True):
                    if x not in self._actions[p]:
                        raise UnknownLabelError(
                            f"{where}: unknown action {x!r} of player {p!r}; actions are "
                            f"{list(self._actions[p])}"
                        )
                vec = list(vec) if not isinstance(vec, str) else [vec]
                if len(vec) != n:
                    raise InvalidGameError(
                        f"{where}, action profile {a}: {len(vec)} payoffs for {n} players"
                    )
                out[a] = tuple(
                    _value(v, f"{where}, action profile {a}, player {p!r}", self._space)[0]
                    for p, v in zip(self._players, vec, strict=True)
                )
            missing = [a for a in self._action_profiles if a not in out]
            if missing:
                raise InvalidGameError(f"{where}: no payoffs for action profiles {missing}")
            return out
        if isinstance(tab, str) or not isinstance(tab, Sequence) or len(tab) != n:
            raise InvalidGameError(
                f"{where}: expected {n} payoff arrays (one per player) or a mapping "
                "{action profile: payoffs}"
            )
        shape = tuple(len(self._actions[p]) for p in self._players)
        arrays = []
        for i, arr in enumerate(tab):
            filled = np.empty(shape, dtype=object)
            try:
                data = np.array(arr, dtype=object)
            except ValueError:
                raise InvalidGameError(f"{where}: payoff array of player "
                                       f"{self._players[i]!r} is ragged") from None
            if data.shape != shape:
                raise InvalidGameError(
                    f"{where}: payoff array of player {self._players[i]!r} has shape "
                    f"{data.shape}, expected {shape} (the numbers of actions)"
                )
            filled[...] = data
            arrays.append(filled)
        for idx in itertools.product(*(range(k) for k in shape)):
            a = tuple(self._actions[p][k] for p, k in zip(self._players, idx, strict=True))
            out[a] = tuple(
                _value(arrays[i][idx], f"{where}, action profile {a}, player {p!r}",
                       self._space)[0]
                for i, p in enumerate(self._players)
            )
        return out

    # ---------------------------------------------------------------- data
    @property
    def players(self) -> tuple[str, ...]:
        """Player labels."""
        return self._players

    @property
    def n_players(self) -> int:
        """Number of players."""
        return len(self._players)

    @property
    def types(self) -> dict[str, tuple[str, ...]]:
        """``{player: type labels}``."""
        return dict(self._types)

    @property
    def type_profiles(self) -> tuple[tuple[str, ...], ...]:
        """Every type profile, in lexicographic order of the type lists."""
        return self._profiles

    @property
    def prior(self) -> dict[tuple[str, ...], Any]:
        """``{type profile: probability}`` for every type profile (0 where not given)."""
        return dict(self._prior)

    @property
    def space(self) -> Any:
        """The declared parameters, or ``None``."""
        return self._space

    def actions(self, player: str) -> tuple[str, ...]:
        """The action labels of ``player``."""
        if player not in self._actions:
            raise UnknownLabelError(f"unknown player {player!r}; players are {list(self._players)}")
        return self._actions[player]

    def payoff(self, types: Sequence[str], actions: Sequence[str]) -> tuple[Any, ...]:
        """Payoff vector at a type profile and an action profile."""
        t = self._type_profile(types, "payoff")
        a = tuple(actions) if not isinstance(actions, str) else (actions,)
        if a not in self._payoffs[t]:
            raise UnknownLabelError(f"unknown action profile {a}")
        return self._payoffs[t][a]

    def marginal(self, player: str) -> dict[str, Any]:
        """The prior probability of each type of ``player``."""
        if player not in self._types:
            raise UnknownLabelError(f"unknown player {player!r}; players are {list(self._players)}")
        i = self._players.index(player)
        out: dict[str, Any] = {}
        for t in self._types[player]:
            vals = [v for prof, v in self._prior.items() if prof[i] == t]
            total = sum(vals[1:], vals[0]) if vals else 0
            out[t] = sympy.simplify(total) if isinstance(total, sympy.Basic) else total
        return out

    def _values(self) -> list[Any]:
        vals = list(self._prior.values())
        for tab in self._payoffs.values():
            for vec in tab.values():
                vals.extend(vec)
        return vals

    def at(self, **values: Any) -> BayesianGame:
        """Substitute parameter values (exactly for rationals and text such as ``"1/3"``).

        Raises
        ------
        UnknownParameterError
            A name that is not a parameter.
        InvalidGameError
            The substituted prior is not a probability distribution.
        """
        declared = () if self._space is None else self._space.symbols
        subs = _substitutions(self.parameters, declared, values, _sympy_value)
        prior = {t: _substitute(v, subs) for t, v in self._prior.items()}
        payoffs = {
            t: {a: [_substitute(v, subs) for v in vec] for a, vec in tab.items()}
            for t, tab in self._payoffs.items()
        }
        return BayesianGame(self._players, self._types, prior, self._actions, payoffs,
                            title=self.title, space=self._space)

    # ---------------------------------------------------------------- transformations
    def chance_label(self, profile: Sequence[str]) -> str:
        """The chance action of a type profile in :meth:`to_extensive_form`."""
        t = self._type_profile(profile, "chance_label")
        return ",".join(t) if self.n_players > 1 else t[0]

    @staticmethod
    def infoset_label(player: str, type_label: str) -> str:
        """The information-set label of a player's type in :meth:`to_extensive_form`."""
        return f"{player}:{type_label}"

    def to_extensive_form(self) -> ExtensiveFormGame:
        """The Harsanyi tree: chance draws the type profile, then simultaneous moves.

        Player :math:`i`'s information set ``"<player>:<type>"`` contains every
        node at which :math:`i` moves with that type, whatever the others'
        types and actions (moves are simultaneous). Type profiles with prior 0
        stay in the tree as chance branches of probability 0.

        Returns
        -------
        ExtensiveFormGame
            Symbolic if the game is.

        Raises
        ------
        InvalidGameError
            Two type profiles whose chance labels (types joined by ``","``)
            coincide.

        Examples
        --------
        >>> g = BayesianGame(["A"], {"A": ["hi", "lo"]}, {"hi": "1/3", "lo": "2/3"},
        ...     {"A": ["x", "y"]}, {"hi": [[1, 0]], "lo": [[0, 1]]})
        >>> tree = g.to_extensive_form()
        >>> tree.root.probabilities["lo"], tree.infosets("A")[1].label
        (Fraction(2, 3), 'A:lo')
        """
        labels = [self.chance_label(t) for t in self._profiles]
        if len(set(labels)) != len(labels):
            raise InvalidGameError(
                "two type profiles have the same chance label (types joined by ','); "
                "avoid ',' in type labels"
            )
        g = ExtensiveFormGame(self._players, title=self.title, space=self._space)
        kids = g.chance(g.root, dict(zip(labels, (self._prior[t] for t in self._profiles),
                                         strict=True)))
        for t, node in zip(self._profiles, kids, strict=True):
            frontier: list[tuple[Node, tuple[str, ...]]] = [(node, ())]
            for i, p in enumerate(self._players):
                label = self.infoset_label(p, t[i])
                nxt: list[tuple[Node, tuple[str, ...]]] = []
                for n, hist in frontier:
                    children = g.move(n, p, list(self._actions[p]), infoset=label)
                    nxt.extend((c, (*hist, c.action)) for c in children)
                frontier = nxt
            for n, hist in frontier:
                g.outcome(n, list(self._payoffs[t][hist]))
        return g

    def agent_form(self) -> NormalFormGame:
        """Selten's agent normal form: one agent per (player, type).

        Agent ``"<player>[<type>]"`` chooses the player's action for that
        type; every agent of a player gets the player's ex-ante expected
        payoff. Pure equilibria of the agent form are the pure Bayesian Nash
        equilibria.

        Returns
        -------
        NormalFormGame

        Examples
        --------
        >>> g = BayesianGame(["A", "B"], {"A": ["a"], "B": ["l", "h"]},
        ...     {("a", "l"): "1/2", ("a", "h"): "1/2"}, {"A": ["x", "y"], "B": ["u", "v"]},
        ...     {("a", "l"): [[[1, 0], [0, 1]], [[1, 0], [0, 1]]],
        ...      ("a", "h"): [[[1, 0], [0, 1]], [[0, 1], [1, 0]]]})
        >>> af = g.agent_form()
        >>> af.players, af["x", "u", "v"]
        (('A[a]', 'B[l]', 'B[h]'), (Fraction(1, 2), Fraction(1, 1), Fraction(1, 1)))
        """
        agents = [(p, t) for p in self._players for t in self._types[p]]
        labels = [f"{p}[{t}]" for p, t in agents]
        shape = tuple(len(self._actions[p]) for p, _ in agents)
        symbolic = self.is_symbolic
        floaty = self.kind == "float"
        arrays = [np.empty(shape, dtype=object) for _ in agents]
        index = {a: k for k, a in enumerate(agents)}
        for idx in itertools.product(*(range(k) for k in shape)):
            totals = [sympy.Integer(0) if symbolic else (0.0 if floaty else Fraction(0))
                      for _ in self._players]
            for t in self._profiles:
                q = self._prior[t]
                if not isinstance(q, sympy.Basic) and q == 0:
                    continue
                acts = tuple(self._actions[p][idx[index[(p, t[i])]]]
                             for i, p in enumerate(self._players))
                vec = self._payoffs[t][acts]
                for i in range(len(self._players)):
                    totals[i] = totals[i] + q * vec[i]
            for k, (p, _) in enumerate(agents):
                v = totals[self._players.index(p)]
                arrays[k][idx] = sympy.expand(v) if symbolic else v
        return NormalFormGame(arrays, players=labels,
                              strategies=[self._actions[p] for p, _ in agents],
                              title=self.title, space=self._space)

    def __repr__(self) -> str:
        types = ", ".join(f"{p}: {len(self._types[p])}" for p in self._players)
        title = f" {self.title!r}" if self.title else ""
        return f"<BayesianGame{title}: players {list(self._players)}, types ({types}), {self.kind}>"


# ============================================================================ signaling games


class SignalingGame(_PriorAndPayoffs):
    """A sender-receiver signaling game (Spence 1973; Cho and Kreps 1987).

    Chance draws the sender's type with the prior; the sender, knowing the
    type, sends a message; the receiver observes the message (not the type)
    and responds. Messages with no responses end the game.

    Parameters
    ----------
    sender_types : sequence of str
    prior : mapping or sequence
        ``{type: probability}`` or one probability per type in order;
        non-negative, summing to 1 (exactly, or identically for expressions).
    messages : sequence of str or mapping
        The messages, the same for every type. A mapping ``{type: [messages]}``
        is accepted only when every type has the same set (the model requires
        a common message space; the first type's order is used).
    receiver_actions : sequence of str or mapping
        The receiver's responses, the same after every message, or
        ``{message: [responses]}`` (an empty list: the message ends the game).
    payoffs : mapping
        ``payoffs[type][message][response] = (sender payoff, receiver payoff)``;
        for a message that ends the game ``payoffs[type][message] = (u_S, u_R)``.
    players : pair of str, default ``("Sender", "Receiver")``
    title : str, optional
    space : ParameterSpace, optional

    Raises
    ------
    InvalidGameError
        Bad or duplicate labels, a message space that differs across types,
        a prior entry that is negative or a prior not summing to 1, missing
        payoffs.
    UnknownLabelError
        Payoffs for an unknown type, message or response.

    See Also
    --------
    gametheory.solvers.pbe.solve_pbe : perfect Bayesian equilibria, with the
        Intuitive Criterion and D1.

    Examples
    --------
    The TRIPP model M4 at its default values (``scenario_spec.md``): the
    corridor is offensive (O) w.p. 3/5; "Restrain" ends the game.

    >>> from fractions import Fraction as F
    >>> g = SignalingGame(["O", "D"], [F(3, 5), F(2, 5)], ["Open", "Restrain"],
    ...     {"Open": ["Accept", "Preempt"], "Restrain": []},
    ...     {"O": {"Open": {"Accept": (F(2, 5), -1), "Preempt": (F(-2, 5), F(-3, 5))},
    ...            "Restrain": (0, 0)},
    ...      "D": {"Open": {"Accept": (F(3, 5), F(-1, 5)), "Preempt": (F(-1, 5), F(-3, 5))},
    ...            "Restrain": (0, 0)}},
    ...     players=("T", "Russia"))
    >>> g.actions("Restrain"), g.payoff("O", "Open", "Preempt")
    ((), (Fraction(-2, 5), Fraction(-3, 5)))
    >>> g.to_extensive_form().infosets("Russia")[0].label
    'Open'
    """

    def __init__(
        self,
        sender_types: Sequence[str],
        prior: Mapping[str, Any] | Sequence[Any],
        messages: Sequence[str] | Mapping[str, Sequence[str]],
        receiver_actions: Sequence[str] | Mapping[str, Sequence[str]],
        payoffs: Mapping[str, Mapping[str, Any]],
        *,
        players: Sequence[str] = ("Sender", "Receiver"),
        title: str = "",
        space: Any = None,
    ) -> None:
        if space is not None and not hasattr(space, "symbols"):
            raise InvalidGameError(f"space must be a ParameterSpace, got {type(space).__name__}")
        self._space = space
        self.title = str(title)
        pl = _labels(players, "players")
        if len(pl) != 2:
            raise InvalidGameError(f"players: a signaling game has 2 players, got {list(pl)}")
        if CHANCE in pl:
            raise InvalidGameError(f"{CHANCE!r} is reserved for chance moves; rename the player")
        self._players = pl
        types = _labels(sender_types, "sender_types")
        self._types = types
        # messages
        if isinstance(messages, Mapping):
            unknown = [t for t in messages if t not in types]
            if unknown:
                raise UnknownLabelError(
                    f"messages: unknown sender types {unknown}; types are {list(types)}"
                )
            missing = [t for t in types if t not in messages]
            if missing:
                raise InvalidGameError(f"messages: no message list for types {missing}")
            lists = {t: _labels(messages[t], f"messages of type {t!r}") for t in types}
            first = lists[types[0]]
            for t in types[1:]:
                if set(lists[t]) != set(first):
                    raise InvalidGameError(
                        f"messages: the message space differs across types (type "
                        f"{types[0]!r} has {list(first)}, type {t!r} has {list(lists[t])}); "
                        "a signaling game needs the same messages for every type"
                    )
            msgs = first
        else:
            msgs = _labels(messages, "messages")
        self._messages = msgs
        # receiver actions
        if isinstance(receiver_actions, Mapping):
            unknown = [m for m in receiver_actions if m not in msgs]
            if unknown:
                raise UnknownLabelError(
                    f"receiver_actions: unknown messages {unknown}; messages are {list(msgs)}"
                )
            missing = [m for m in msgs if m not in receiver_actions]
            if missing:
                raise InvalidGameError(
                    f"receiver_actions: no responses listed for messages {missing} (use [] "
                    "for a message that ends the game)"
                )
            acts = {m: _labels(receiver_actions[m], f"responses to message {m!r}",
                               allow_empty=True) for m in msgs}
        else:
            common = _labels(receiver_actions, "receiver_actions")
            acts = {m: common for m in msgs}
        self._acts = acts
        # prior
        if isinstance(prior, Mapping):
            unknown = [t for t in prior if t not in types]
            if unknown:
                raise UnknownLabelError(f"prior: unknown types {unknown}; types are {list(types)}")
            raw = {t: prior.get(t, 0) for t in types}
        else:
            if isinstance(prior, str) or not isinstance(prior, Sequence):
                raise InvalidGameError("prior must be a mapping {type: probability} or a sequence")
            if len(prior) != len(types):
                raise InvalidGameError(
                    f"prior: {len(prior)} probabilities for {len(types)} types {list(types)}"
                )
            raw = dict(zip(types, prior, strict=True))
        probs: dict[str, Any] = {}
        kinds = []
        for t, v in raw.items():
            value, kind = _value(v, f"prior of type {t!r}", space)
            probs[t] = value
            kinds.append(kind)
        _validate_prior(probs, kinds, space, repr, "prior")
        self._prior = probs
        # payoffs
        if not isinstance(payoffs, Mapping):
            raise InvalidGameError("payoffs must be a mapping {type: {message: ...}}")
        unknown = [t for t in payoffs if t not in types]
        if unknown:
            raise UnknownLabelError(f"payoffs: unknown types {unknown}; types are {list(types)}")
        table: dict[tuple[str, str, str | None], tuple[Any, Any]] = {}
        for t in types:
            if t not in payoffs:
                raise InvalidGameError(f"payoffs: nothing for type {t!r}")
            per = payoffs[t]
            if not isinstance(per, Mapping):
                raise InvalidGameError(f"payoffs of type {t!r}: expected {{message: ...}}")
            bad = [m for m in per if m not in msgs]
            if bad:
                raise UnknownLabelError(
                    f"payoffs of type {t!r}: unknown messages {bad}; messages are {list(msgs)}"
                )
            for m in msgs:
                if m not in per:
                    raise InvalidGameError(f"payoffs: nothing for type {t!r}, message {m!r}")
                entry = per[m]
                if not acts[m]:
                    table[(t, m, None)] = self._pair(entry, f"payoffs[{t!r}][{m!r}]")
                    continue
                if not isinstance(entry, Mapping):
                    raise InvalidGameError(
                        f"payoffs[{t!r}][{m!r}]: expected {{response: (u_sender, u_receiver)}} "
                        f"for the responses {list(acts[m])}"
                    )
                bad = [a for a in entry if a not in acts[m]]
                if bad:
                    raise UnknownLabelError(
                        f"payoffs[{t!r}][{m!r}]: unknown responses {bad}; responses to {m!r} "
                        f"are {list(acts[m])}"
                    )
                for a in acts[m]:
                    if a not in entry:
                        raise InvalidGameError(f"payoffs[{t!r}][{m!r}]: nothing for {a!r}")
                    table[(t, m, a)] = self._pair(entry[a], f"payoffs[{t!r}][{m!r}][{a!r}]")
        self._payoffs = table

    def _pair(self, entry: Any, where: str) -> tuple[Any, Any]:
        if isinstance(entry, str) or not isinstance(entry, Sequence) or len(entry) != 2:
            raise InvalidGameError(f"{where}: expected a pair (u_sender, u_receiver), got {entry!r}")
        s, _ = _value(entry[0], f"{where}, sender", self._space)
        r, _ = _value(entry[1], f"{where}, receiver", self._space)
        return (s, r)

    # ---------------------------------------------------------------- data
    @property
    def players(self) -> tuple[str, str]:
        """``(sender, receiver)`` labels."""
        return self._players

    @property
    def n_players(self) -> int:
        """2."""
        return 2

    @property
    def sender(self) -> str:
        """The sender's label."""
        return self._players[0]

    @property
    def receiver(self) -> str:
        """The receiver's label."""
        return self._players[1]

    @property
    def types(self) -> tuple[str, ...]:
        """The sender's types."""
        return self._types

    @property
    def messages(self) -> tuple[str, ...]:
        """The messages."""
        return self._messages

    @property
    def prior(self) -> dict[str, Any]:
        """``{type: probability}``."""
        return dict(self._prior)

    @property
    def space(self) -> Any:
        """The declared parameters, or ``None``."""
        return self._space

    def actions(self, message: str) -> tuple[str, ...]:
        """The receiver's responses to ``message`` (empty if it ends the game)."""
        if message not in self._acts:
            raise UnknownLabelError(
                f"unknown message {message!r}; messages are {list(self._messages)}"
            )
        return self._acts[message]

    def payoff(self, type_label: str, message: str, action: str | None = None) -> tuple[Any, Any]:
        """``(sender payoff, receiver payoff)``; ``action`` is None for messages ending the game."""
        key = (type_label, message, action)
        if key not in self._payoffs:
            if type_label not in self._types:
                raise UnknownLabelError(f"unknown type {type_label!r}; types are {list(self._types)}")
            if message not in self._acts:
                raise UnknownLabelError(f"unknown message {message!r}")
            raise UnknownLabelError(
                f"no response {action!r} to message {message!r}; responses are "
                f"{list(self._acts[message])}"
            )
        return self._payoffs[key]

    def _values(self) -> list[Any]:
        vals = list(self._prior.values())
        for pair in self._payoffs.values():
            vals.extend(pair)
        return vals

    def _nested_payoffs(self, fn: Any = None) -> dict[str, dict[str, Any]]:
        fn = fn or (lambda v: v)
        out: dict[str, dict[str, Any]] = {}
        for t in self._types:
            out[t] = {}
            for m in self._messages:
                if not self._acts[m]:
                    s, r = self._payoffs[(t, m, None)]
                    out[t][m] = (fn(s), fn(r))
                else:
                    out[t][m] = {a: tuple(fn(v) for v in self._payoffs[(t, m, a)])
                                 for a in self._acts[m]}
        return out

    def at(self, **values: Any) -> SignalingGame:
        """Substitute parameter values (exactly for rationals and text such as ``"1/3"``).

        Examples
        --------
        >>> import sympy
        >>> q = sympy.Symbol("q", positive=True)
        >>> g = SignalingGame(["a", "b"], {"a": q, "b": 1 - q}, ["m"], ["x"],
        ...     {"a": {"m": {"x": (1, q)}}, "b": {"m": {"x": (0, 0)}}})
        >>> g.at(q="1/4").prior
        {'a': Fraction(1, 4), 'b': Fraction(3, 4)}
        """
        declared = () if self._space is None else self._space.symbols
        subs = _substitutions(self.parameters, declared, values, _sympy_value)
        prior = {t: _substitute(v, subs) for t, v in self._prior.items()}
        return SignalingGame(self._types, prior, self._messages, self._acts,
                             self._nested_payoffs(lambda v: _substitute(v, subs)),
                             players=self._players, title=self.title, space=self._space)

    # ---------------------------------------------------------------- tree
    def to_extensive_form(self) -> ExtensiveFormGame:
        """The game tree: chance picks the type, the sender moves, the receiver responds.

        The sender's information set for a type is labelled by the type; the
        receiver's information set after a message is labelled by the message
        and holds one node per type, in type order. Node ids: ``"root"``, the
        type nodes ``"T<k>"`` and the receiver's nodes ``"T<k>M<j>"`` (k, j
        1-based positions); terminals get automatic ids.

        Returns
        -------
        ExtensiveFormGame

        Examples
        --------
        >>> g = SignalingGame(["a", "b"], ["1/2", "1/2"], ["m", "n"], ["x", "y"],
        ...     {t: {m: {"x": (1, 0), "y": (0, 1)} for m in "mn"} for t in "ab"})
        >>> tree = g.to_extensive_form()
        >>> [n.id for n in tree.get_infoset("n", "Receiver").nodes]
        ['T1M2', 'T2M2']
        """
        s, r = self._players
        g = ExtensiveFormGame([s, r], title=self.title, space=self._space)
        ids = [f"T{k + 1}" for k in range(len(self._types))]
        kids = g.chance(g.root, {t: self._prior[t] for t in self._types}, ids=ids)
        for k, (t, node) in enumerate(zip(self._types, kids, strict=True)):
            mids = [f"T{k + 1}M{j + 1}" for j in range(len(self._messages))]
            mnodes = g.move(node, s, list(self._messages), infoset=t, ids=mids)
            for m, mn in zip(self._messages, mnodes, strict=True):
                if not self._acts[m]:
                    g.outcome(mn, list(self._payoffs[(t, m, None)]))
                    continue
                leaves = g.move(mn, r, list(self._acts[m]), infoset=m)
                for a, leaf in zip(self._acts[m], leaves, strict=True):
                    g.outcome(leaf, list(self._payoffs[(t, m, a)]))
        return g

    def node_id(self, type_label: str, message: str | None = None) -> str:
        """Id in :meth:`to_extensive_form` of a type's node, or of the receiver's node
        after ``message`` from that type."""
        if type_label not in self._types:
            raise UnknownLabelError(f"unknown type {type_label!r}; types are {list(self._types)}")
        k = self._types.index(type_label) + 1
        if message is None:
            return f"T{k}"
        if message not in self._messages:
            raise UnknownLabelError(f"unknown message {message!r}")
        return f"T{k}M{self._messages.index(message) + 1}"

    def __repr__(self) -> str:
        title = f" {self.title!r}" if self.title else ""
        return (f"<SignalingGame{title}: {len(self._types)} types, {len(self._messages)} "
                f"messages, {self.kind}>")
