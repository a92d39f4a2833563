"""Behaviour strategy profiles of extensive-form games.

A *behaviour strategy* of player :math:`i` gives, at each of the player's
information sets :math:`I`, a probability distribution :math:`\\beta_i(I)`
over the actions at :math:`I`; a *behaviour profile* gives one per player.

Given a profile :math:`\\beta`:

realization probability
    of a node :math:`h`: the product of the chance probabilities and the
    players' behaviour probabilities of the actions on the path to :math:`h`.
    A player's *realization plan* gives each of their sequences the product
    of their own probabilities along it (von Stengel 1996 [2]_).
beliefs
    at an information set :math:`I` reached with positive probability,
    :math:`\\mu(h) = P(h) / \\sum_{h' \\in I} P(h')` (Bayes' rule); undefined
    (``None``) when :math:`I` is reached with probability 0.
node values
    each player's expected payoff conditional on reaching a node, computed
    backwards from the terminal nodes.
regret
    player :math:`i`'s gain from the best pure-strategy deviation,
    :math:`\\max_{s_i} u_i(s_i, \\beta_{-i}) - u_i(\\beta)`; the profile is a Nash
    equilibrium iff every regret is 0. With perfect recall the best response
    is found by backward induction over the player's own sequences (each
    information set chooses the action with the largest value of its
    continuation); without it, by enumerating the player's reduced strategies.
information-set regret
    at an information set :math:`I` of player :math:`i` where beliefs are
    defined (reached with positive probability, or a singleton): the gain,
    conditional on :math:`I` and weighted by the beliefs, of the best
    continuation strategy from :math:`I` on over the player's current one. All
    zero means *sequential rationality* wherever beliefs are defined (Kreps
    and Wilson 1982 [3]_).

Kuhn's theorem [1]_: in a game with perfect recall every mixed strategy has a
realization-equivalent behaviour strategy and vice versa;
:meth:`BehaviorProfile.to_mixed` and :meth:`BehaviorProfile.from_mixed`
convert between behaviour profiles and mixed profiles of the reduced normal
form (:meth:`ExtensiveFormGame.to_normal_form`).

References
----------
.. [1] H. W. Kuhn, "Extensive games and the problem of information", in
   *Contributions to the Theory of Games II*, Princeton University Press,
   1953, pp. 193-216.
.. [2] B. von Stengel, "Efficient computation of behavior strategies",
   *Games and Economic Behavior* 14 (1996) 220-246.
.. [3] D. M. Kreps and R. Wilson, "Sequential equilibria", *Econometrica* 50
   (1982) 863-894.
.. [4] M. Piccione and A. Rubinstein, "On the interpretation of decision
   problems with imperfect recall", *Games and Economic Behavior* 20 (1997)
   3-24 (behaviour deviations can beat pure ones under absent-mindedness).

Examples
--------
>>> from fractions import Fraction as F
>>> from gametheory.games.extensive import ExtensiveFormGame
>>> from gametheory.games.behavior import BehaviorProfile
>>> g = ExtensiveFormGame(["Entrant", "Incumbent"])
>>> out, enter = g.move(g.root, "Entrant", ["Out", "In"])
>>> _ = g.outcome(out, [0, 2])
>>> fight, share = g.move(enter, "Incumbent", ["Fight", "Share"])
>>> _ = g.outcome(fight, [-1, -1]); _ = g.outcome(share, [1, 1])
>>> threat = BehaviorProfile(g, {"Entrant": {"Entrant:1": "Out"},
...                              "Incumbent": {"Incumbent:1": "Fight"}})
>>> threat.regret()
{'Entrant': Fraction(0, 1), 'Incumbent': Fraction(0, 1)}
>>> threat.infoset_regrets()["Incumbent"]   # an empty threat: not sequentially rational
{'Incumbent:1': Fraction(2, 1)}
>>> threat.beliefs(g.get_infoset("Incumbent:1")) is None
True
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from .._numbers import format_number, to_fraction
from ..errors import InvalidProfileError, UnknownLabelError
from .extensive import ExtensiveFormGame, Infoset, Node

__all__ = ["BehaviorProfile"]

_TOL = 1e-9


def _is_exact(v: Any) -> bool:
    if isinstance(v, bool):
        return False
    return isinstance(v, int | Fraction | np.integer | sympy.Rational)


class BehaviorProfile:
    """A behaviour strategy for every player of an :class:`ExtensiveFormGame`.

    Parameters
    ----------
    game : ExtensiveFormGame
        A finished tree (every leaf has payoffs).
    data : mapping
        ``{player: {infoset label: choice}}`` for every information set of
        every player, where ``choice`` is an action label (pure), a mapping
        ``{action: probability}`` (missing actions get 0), or a sequence of
        probabilities in the information set's action order. Probabilities
        are ints, Fractions or sympy Rationals (exact) or floats.

    Raises
    ------
    UnknownLabelError
        Unknown player, information set or action (named in the message).
    InvalidProfileError
        Missing information sets, probabilities that are negative, not
        finite, strings, or do not sum to 1 (exactly for exact input, within
        ``1e-9`` for floats).

    Notes
    -----
    The profile remembers the game's modification counter; using it after
    the tree changed raises :class:`InvalidProfileError`.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> from gametheory.games.extensive import ExtensiveFormGame
    >>> g = ExtensiveFormGame(["A", "B"])
    >>> x, y = g.move(g.root, "A", ["x", "y"])
    >>> _ = g.move(x, "B", ["l", "r"], infoset="B"); _ = g.move(y, infoset="B")
    >>> for n, pay in zip(g.terminals(), ([1, 0], [0, 1], [0, 1], [1, 0])):
    ...     _ = g.outcome(n, pay)
    >>> b = BehaviorProfile(g, {"A": {"A:1": [F(1, 4), F(3, 4)]}, "B": {"B": "l"}})
    >>> b.beliefs(g.get_infoset("B"))
    {'n1': Fraction(1, 4), 'n2': Fraction(3, 4)}
    >>> b.payoffs
    {'A': Fraction(1, 4), 'B': Fraction(3, 4)}
    """

    def __init__(self, game: ExtensiveFormGame, data: Mapping[Any, Any]) -> None:
        if not isinstance(game, ExtensiveFormGame):
            raise TypeError(f"BehaviorProfile needs an ExtensiveFormGame, got {type(game).__name__}")
        game.validate()
        if not isinstance(data, Mapping):
            raise InvalidProfileError(
                "a behaviour profile is a mapping {player: {infoset: {action: probability}}}"
            )
        self._game = game
        self._version = game.version
        raw: dict[tuple[str, str], list[Any]] = {}
        for player, table in data.items():
            pname = game.players[game.player_index(player)]
            if not isinstance(table, Mapping):
                raise InvalidProfileError(
                    f"player {pname!r}: expected a mapping {{infoset: choice}}, got {table!r}"
                )
            for label, choice in table.items():
                inf = self._lookup(pname, label)
                raw[(pname, inf.label)] = self._choice(inf, choice)
        missing = [f"{inf.label!r} of {inf.player!r}"
                   for inf in game.infosets() if (inf.player, inf.label) not in raw]
        if missing:
            raise InvalidProfileError(
                f"no probabilities for information sets {', '.join(missing)}"
            )
        exact = all(_is_exact(v) for vals in raw.values() for v in vals)
        self._exact = exact
        self._probs: dict[tuple[str, str], dict[str, Any]] = {}
        for (pname, label), vals in raw.items():
            inf = game._infoset_by_label(pname, label)
            where = f"information set {label!r} of {pname!r}"
            conv: list[Any]
            if exact:
                conv = [to_fraction(v) for v in vals]
                if any(v < 0 for v in conv):
                    raise InvalidProfileError(f"{where}: negative probability in {[str(v) for v in conv]}")
                exact_total = sum(conv, Fraction(0))
                if exact_total != 1:
                    raise InvalidProfileError(f"{where}: probabilities sum to {exact_total}, not 1")
            else:
                try:
                    conv = [float(v) for v in vals]
                except (TypeError, ValueError):
                    raise InvalidProfileError(f"{where}: probabilities must be numbers, got {vals}") from None
                if not all(math.isfinite(v) for v in conv):
                    raise InvalidProfileError(f"{where}: probabilities must be finite, got {conv}")
                if any(v < -_TOL for v in conv):
                    raise InvalidProfileError(f"{where}: negative probability in {conv}")
                total = math.fsum(conv)
                if abs(total - 1) > _TOL:
                    raise InvalidProfileError(f"{where}: probabilities sum to {total!r}, not 1")
                conv = [max(v, 0.0) for v in conv]
            self._probs[(pname, label)] = dict(zip(inf.actions, conv, strict=True))
        if game.is_symbolic:
            self._domain = "symbolic"
        elif game.kind == "float" or not exact:
            self._domain = "float"
        else:
            self._domain = "exact"
        self._cache: dict[Any, Any] = {}

    # ---------------------------------------------------------------- input helpers
    def _lookup(self, player: str, label: Any) -> Infoset:
        if isinstance(label, Infoset):
            if label.game is not self._game or label.player != player:
                raise UnknownLabelError(
                    f"information set {label.label!r} does not belong to player {player!r} of this game"
                )
            return label
        try:
            return self._game._infoset_by_label(player, label)
        except UnknownLabelError:
            raise UnknownLabelError(
                f"player {player!r} has no information set {label!r}; information sets are "
                f"{[inf.label for inf in self._game.infosets(player)]}"
            ) from None

    @staticmethod
    def _choice(inf: Infoset, choice: Any) -> list[Any]:
        where = f"information set {inf.label!r} of {inf.player!r}"
        if isinstance(choice, str):
            if choice not in inf.actions:
                raise UnknownLabelError(
                    f"{where}: unknown action {choice!r}; actions are {list(inf.actions)}"
                )
            return [1 if a == choice else 0 for a in inf.actions]
        if isinstance(choice, Mapping):
            unknown = [a for a in choice if a not in inf.actions]
            if unknown:
                raise UnknownLabelError(
                    f"{where}: unknown actions {unknown}; actions are {list(inf.actions)}"
                )
            vals = [choice.get(a, 0) for a in inf.actions]
        else:
            try:
                vals = list(choice)
            except TypeError:
                raise InvalidProfileError(
                    f"{where}: expected an action, a mapping or a sequence, got {choice!r}"
                ) from None
            if len(vals) != len(inf.actions):
                raise InvalidProfileError(
                    f"{where}: {len(vals)} probabilities for {len(inf.actions)} actions "
                    f"{list(inf.actions)}"
                )
        for v in vals:
            if isinstance(v, str):
                raise InvalidProfileError(f"{where}: probability {v!r} is a string; use Fraction({v!r})")
            if isinstance(v, bool) or not isinstance(v, numbers.Number | sympy.Number):
                raise InvalidProfileError(f"{where}: probability {v!r} is not a number")
        return vals

    def _check(self) -> None:
        if self._game.version != self._version:
            raise InvalidProfileError(
                "the game changed after this behaviour profile was made; build a new profile"
            )

    # ---------------------------------------------------------------- basic data
    @property
    def game(self) -> ExtensiveFormGame:
        """The game."""
        return self._game

    @property
    def exact(self) -> bool:
        """True when every probability is an exact rational."""
        return self._exact

    def __getitem__(self, player: str | int) -> dict[str, dict[str, Any]]:
        """``{infoset label: {action: probability}}`` of one player."""
        pname = self._game.players[self._game.player_index(player)]
        return {label: dict(probs) for (p, label), probs in self._probs.items() if p == pname}

    def probability(self, infoset: Infoset | str, action: str, player: str | None = None) -> Any:
        """Probability of ``action`` at an information set."""
        inf = infoset if isinstance(infoset, Infoset) else self._game.get_infoset(infoset, player)
        probs = self._probs[(inf.player, inf.label)]
        if action not in probs:
            raise UnknownLabelError(
                f"information set {inf.label!r} has no action {action!r}; actions are {list(probs)}"
            )
        return probs[action]

    def as_dict(self) -> dict[str, dict[str, dict[str, Any]]]:
        """``{player: {infoset: {action: probability}}}`` (a copy)."""
        return {p: self[p] for p in self._game.players}

    def to_dict(self) -> dict[str, dict[str, dict[str, str]]]:
        """JSON-ready ``{player: {infoset: {action: "p/q" or decimal}}}``."""
        return {p: {lab: {a: format_number(v) for a, v in d.items()} for lab, d in self[p].items()}
                for p in self._game.players}

    # ---------------------------------------------------------------- arithmetic
    def _one(self) -> Any:
        if self._domain == "symbolic":
            return sympy.Integer(1)
        return 1.0 if self._domain == "float" else Fraction(1)

    def _zero(self) -> Any:
        if self._domain == "symbolic":
            return sympy.Integer(0)
        return 0.0 if self._domain == "float" else Fraction(0)

    def _num(self, v: Any) -> Any:
        if self._domain == "exact":
            return v
        if self._domain == "float":
            return float(v)
        if isinstance(v, sympy.Basic):
            return v
        if isinstance(v, float):
            return sympy.Float(v)
        f = to_fraction(v)
        return sympy.Rational(f.numerator, f.denominator)

    def _edge(self, node: Node, action: str) -> Any:
        """Probability of ``action`` at ``node`` (chance or behaviour), in the domain."""
        if node._probs is not None:
            return self._num(node._probs[action])
        inf = node._infoset
        return self._num(self._probs[(inf.player, inf.label)][action])  # type: ignore[union-attr]

    def _payoff(self, node: Node, player: str) -> Any:
        return self._num(node._payoffs[player])  # type: ignore[index]

    # ---------------------------------------------------------------- realization
    def _realization(self) -> dict[Node, Any]:
        if "reach" not in self._cache:
            reach: dict[Node, Any] = {self._game.root: self._one()}
            for n in self._game._preorder():
                r = reach[n]
                for a, c in n._children.items():
                    reach[c] = r * self._edge(n, a)
            self._cache["reach"] = reach
        return self._cache["reach"]

    def realization_probabilities(self) -> dict[str, Any]:
        """``{node id: probability of reaching it}`` in pre-order.

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> g = ExtensiveFormGame(["A", "B"])
        >>> x, y = g.move(g.root, "A", ["x", "y"])
        >>> _ = g.move(x, "B", ["l", "r"], infoset="B"); _ = g.move(y, infoset="B")
        >>> for n, u in zip(g.terminals(), ([2, 0], [0, 1], [0, 1], [1, 0])):
        ...     _ = g.outcome(n, u)
        >>> b = BehaviorProfile(g, {"A": {"A:1": "x"}, "B": {"B": [F(1, 2), F(1, 2)]}})
        >>> b.realization_probabilities()
        {'root': Fraction(1, 1), 'n1': Fraction(1, 1), 'n3': Fraction(1, 2), 'n4': Fraction(1, 2), 'n2': Fraction(0, 1), 'n5': Fraction(0, 1), 'n6': Fraction(0, 1)}
        """
        self._check()
        reach = self._realization()
        return {n.id: reach[n] for n in self._game._preorder()}

    def realization_probability(self, node: Node | str) -> Any:
        """Probability of reaching ``node`` under the profile (and chance)."""
        self._check()
        return self._realization()[self._game.node(node)]

    def realization_plan(self, player: str | int) -> dict[tuple[tuple[str, str], ...], Any]:
        """The player's realization plan: ``{sequence: probability}`` (perfect recall needed).

        Sequences are tuples of ``(infoset label, action)`` pairs, as in
        :attr:`SequenceForm.sequences`.
        """
        self._check()
        sf = self._game.sequence_form()
        i = self._game.player_index(player)
        out: dict[tuple[tuple[str, str], ...], Any] = {}
        for seq in sf.sequences[i]:
            v = self._one()
            for label, a in seq:
                v = v * self._num(self._probs[(sf.players[i], label)][a])
            out[seq] = v
        return out

    def infoset_probability(self, infoset: Infoset | str, player: str | None = None) -> Any:
        """Probability of reaching an information set (the sum over its nodes)."""
        self._check()
        inf = infoset if isinstance(infoset, Infoset) else self._game.get_infoset(infoset, player)
        reach = self._realization()
        return sum((reach[n] for n in inf.nodes), self._zero())

    def beliefs(self, infoset: Infoset | str | None = None, player: str | None = None) -> Any:
        """Beliefs by Bayes' rule: ``{node id: probability}``, or ``None`` off the path.

        Parameters
        ----------
        infoset : Infoset or str, optional
            One information set; default: all, as ``{player: {infoset: beliefs or None}}``.
        player : str, optional
            Disambiguates an infoset label used by several players.
        """
        self._check()
        if infoset is None:
            out: dict[str, dict[str, Any]] = {p: {} for p in self._game.players}
            for inf in self._game.infosets():
                out[inf.player][inf.label] = self._beliefs(inf)
            return out
        inf = infoset if isinstance(infoset, Infoset) else self._game.get_infoset(infoset, player)
        return self._beliefs(inf)

    def _beliefs(self, inf: Infoset) -> dict[str, Any] | None:
        reach = self._realization()
        nodes = inf.nodes
        total = sum((reach[n] for n in nodes), self._zero())
        if self._domain == "symbolic":
            total = sympy.simplify(total)
        if total == 0:
            return None
        if self._domain == "symbolic":
            return {n.id: sympy.simplify(reach[n] / total) for n in nodes}
        return {n.id: reach[n] / total for n in nodes}

    # ---------------------------------------------------------------- values
    def _values(self) -> dict[Node, tuple[Any, ...]]:
        if "values" not in self._cache:
            players = self._game.players
            vals: dict[Node, tuple[Any, ...]] = {}
            for n in reversed(self._game._preorder()):
                if not n._children:
                    vals[n] = tuple(self._payoff(n, p) for p in players)
                    continue
                acc = [self._zero()] * len(players)
                for a, c in n._children.items():
                    q = self._edge(n, a)
                    if q == 0:
                        continue
                    cv = vals[c]
                    acc = [x + q * y for x, y in zip(acc, cv, strict=True)]
                vals[n] = tuple(acc)
            self._cache["values"] = vals
        return self._cache["values"]

    def node_values(self) -> dict[str, dict[str, Any]]:
        """Expected payoff of every player conditional on reaching each node.

        Returns
        -------
        dict
            ``{node id: {player: value}}`` in pre-order.

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> g = ExtensiveFormGame(["A", "B"])
        >>> x, y = g.move(g.root, "A", ["x", "y"])
        >>> _ = g.move(x, "B", ["l", "r"], infoset="B"); _ = g.move(y, infoset="B")
        >>> for n, u in zip(g.terminals(), ([2, 0], [0, 1], [0, 1], [1, 0])):
        ...     _ = g.outcome(n, u)
        >>> b = BehaviorProfile(g, {"A": {"A:1": "x"}, "B": {"B": [F(1, 2), F(1, 2)]}})
        >>> b.node_values()["n2"]
        {'A': Fraction(1, 2), 'B': Fraction(1, 2)}
        """
        self._check()
        players = self._game.players
        return {n.id: dict(zip(players, v, strict=True)) for n, v in
                ((n, self._values()[n]) for n in self._game._preorder())}

    def node_value(self, node: Node | str) -> dict[str, Any]:
        """``{player: expected payoff}`` conditional on reaching ``node``."""
        self._check()
        v = self._values()[self._game.node(node)]
        return dict(zip(self._game.players, v, strict=True))

    @property
    def payoffs(self) -> dict[str, Any]:
        """Expected payoff of each player (the value of the root)."""
        return self.node_value(self._game.root)

    # ---------------------------------------------------------------- best responses
    def _best_response(
        self, player: str, starts: Sequence[tuple[Node, Any]]
    ) -> tuple[Any, dict[str, str]] | None:
        """Best-response value of ``player`` from weighted start nodes, others fixed.

        Uses backward induction over the player's own sequences; returns
        ``None`` if the region lacks perfect recall for the player.
        """
        zero = self._zero()
        leaf: dict[Any, Any] = {}
        children: dict[Any, list[Infoset]] = {}
        parent: dict[int, Any] = {}
        order: list[Infoset] = []
        stack: list[tuple[Node, Any, Any]] = [(n, w, None) for n, w in starts]
        while stack:
            n, w, key = stack.pop()
            if not n._children:
                if w != 0:
                    leaf[key] = leaf.get(key, zero) + w * self._payoff(n, player)
                continue
            inf = n._infoset
            if inf is None or inf.player != player:
                for a, c in n._children.items():
                    q = self._edge(n, a)
                    if q != 0:
                        stack.append((c, w * q, key))
                continue
            if id(inf) not in parent:
                parent[id(inf)] = key
                order.append(inf)
                children.setdefault(key, []).append(inf)
            elif parent[id(inf)] != key:
                return None
            for a, c in n._children.items():
                stack.append((c, w, (id(inf), a)))
        best: dict[int, Any] = {}
        choice: dict[str, str] = {}
        for inf in reversed(order):
            top = None
            for a in inf.actions:
                k = (id(inf), a)
                v = leaf.get(k, zero)
                for j in children.get(k, ()):
                    v = v + best[id(j)]
                if top is None or v > top[0]:
                    top = (v, a)
            assert top is not None
            best[id(inf)] = top[0]
            choice[inf.label] = top[1]
        total = leaf.get(None, zero)
        for j in children.get(None, ()):
            total = total + best[id(j)]
        return total, choice

    def _brute_force_best(self, player: str) -> Any:
        """Best pure-strategy value by enumerating reduced strategies (any recall)."""
        game = self._game
        i = game.player_index(player)
        weights: dict[Node, Any] = {game.root: self._one()}
        for n in game._preorder():
            inf = n._infoset
            for a, c in n._children.items():
                if inf is not None and inf.player == player:
                    weights[c] = weights[n]
                else:
                    weights[c] = weights[n] * self._edge(n, a)
        reqs = game._terminal_requirements()
        best = None
        for s in game._strategies(player, True):
            total = self._zero()
            for z, per in reqs:
                if all(s[k] == a for k, a in per[i]):
                    w = weights[z]
                    if w != 0:
                        total = total + w * self._payoff(z, player)
            if best is None or total > best:
                best = total
        return best

    def best_response(self, player: str | int) -> tuple[Any, dict[str, str]]:
        """Best pure response of ``player`` to the others (perfect recall).

        Returns
        -------
        value : number
            The best expected payoff against the other players' behaviour.
        choices : dict
            ``{infoset label: action}`` at the player's information sets reached
            with positive probability by the others and chance (ties go to the
            first action).

        Raises
        ------
        SymbolicGameError
            The game has free parameters.
        MethodNotApplicableError
            The game lacks perfect recall.
        """
        self._check()
        self._game.numeric_check("best_response")
        pname = self._game.players[self._game.player_index(player)]
        self._game.check_perfect_recall("best_response")
        result = self._best_response(pname, [(self._game.root, self._one())])
        assert result is not None
        return result

    def regret(self) -> dict[str, Any]:
        """Each player's regret: best pure-deviation payoff minus current payoff.

        Exact (``Fraction``) for exact games and profiles; all zero iff the
        profile is a Nash equilibrium. Without perfect recall the deviations
        are pure strategies (equivalently mixed ones).

        Raises
        ------
        SymbolicGameError
            The game has free parameters.

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> g = ExtensiveFormGame(["A", "B"])
        >>> x, y = g.move(g.root, "A", ["x", "y"])
        >>> _ = g.move(x, "B", ["l", "r"], infoset="B"); _ = g.move(y, infoset="B")
        >>> for n, u in zip(g.terminals(), ([2, 0], [0, 1], [0, 1], [1, 0])):
        ...     _ = g.outcome(n, u)
        >>> b = BehaviorProfile(g, {"A": {"A:1": "x"}, "B": {"B": [F(1, 2), F(1, 2)]}})
        >>> b.regret()   # B would rather play l after x
        {'A': Fraction(0, 1), 'B': Fraction(1, 2)}
        >>> b.max_regret()
        Fraction(1, 2)
        """
        self._check()
        self._game.numeric_check("regret")
        out = {}
        root_vals = self._values()[self._game.root]
        for i, p in enumerate(self._game.players):
            result = None
            if self._game.has_perfect_recall():
                result = self._best_response(p, [(self._game.root, self._one())])
            best = result[0] if result is not None else self._brute_force_best(p)
            out[p] = self._clean(best - root_vals[i])
        return out

    def max_regret(self) -> Any:
        """The largest regret over players (0 exactly at an exact Nash equilibrium)."""
        return max(self.regret().values())

    def infoset_regrets(self) -> dict[str, dict[str, Any]]:
        """Regret at each information set where beliefs are defined (sequential rationality).

        For an information set :math:`I` of player :math:`i` reached with
        positive probability (or a singleton), the belief-weighted gain of the
        best continuation strategy from :math:`I` on over the current one.
        ``None`` where beliefs are undefined (an information set with several
        nodes reached with probability 0).

        Returns
        -------
        dict
            ``{player: {infoset label: regret or None}}``.

        Raises
        ------
        SymbolicGameError
            The game has free parameters.
        MethodNotApplicableError
            The game lacks perfect recall.
        """
        self._check()
        self._game.numeric_check("infoset_regrets")
        self._game.check_perfect_recall("infoset_regrets")
        values = self._values()
        out: dict[str, dict[str, Any]] = {p: {} for p in self._game.players}
        for inf in self._game.infosets():
            i = self._game.player_index(inf.player)
            bel = self._beliefs(inf)
            nodes = inf.nodes
            if bel is None:
                if len(nodes) != 1:
                    out[inf.player][inf.label] = None
                    continue
                bel = {nodes[0].id: self._one()}
            starts = [(n, bel[n.id]) for n in nodes if bel[n.id] != 0]
            current = sum((bel[n.id] * values[n][i] for n in nodes), self._zero())
            result = self._best_response(inf.player, starts)
            assert result is not None
            out[inf.player][inf.label] = self._clean(result[0] - current)
        return out

    @staticmethod
    def _clean(v: Any) -> Any:
        if isinstance(v, int) and not isinstance(v, bool):
            return Fraction(v)
        return v

    # ---------------------------------------------------------------- Kuhn
    def to_mixed(self) -> dict[str, dict[str, Any]]:
        """The realization-equivalent mixed profile of the reduced normal form (Kuhn).

        A reduced strategy gets the product of the behaviour probabilities of
        its actions at the information sets it reaches.

        Returns
        -------
        dict
            ``{player: {strategy label: probability}}`` for every strategy of
            :meth:`ExtensiveFormGame.to_normal_form`; usable with
            :func:`gametheory.verify` on that game.

        Raises
        ------
        MethodNotApplicableError
            The game lacks perfect recall.

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> from gametheory.games.extensive import ExtensiveFormGame
        >>> g = ExtensiveFormGame(["A"])
        >>> stop, go = g.move(g.root, "A", ["stop", "go"])
        >>> _ = g.outcome(stop, [1])
        >>> a, b = g.move(go, "A", ["a", "b"])
        >>> _ = g.outcome(a, [2]); _ = g.outcome(b, [0])
        >>> BehaviorProfile(g, {"A": {"A:1": [F(1, 2), F(1, 2)], "A:2": "a"}}).to_mixed()
        {'A': {'stop/*': Fraction(1, 2), 'go/a': Fraction(1, 2), 'go/b': Fraction(0, 1)}}
        """
        self._check()
        game = self._game
        game.check_perfect_recall("to_mixed (Kuhn's theorem)")
        out: dict[str, dict[str, Any]] = {}
        for p in game.players:
            infs = game._player_infosets(p)
            labels = game._strategy_labels(p, True)
            probs = {}
            for lab, s in zip(labels, game._strategies(p, True), strict=True):
                v: Any = Fraction(1) if self._exact else 1.0
                for inf, a in zip(infs, s, strict=True):
                    if a >= 0:
                        v = v * self._probs[(p, inf.label)][inf.actions[a]]
                probs[lab] = v
            out[p] = probs
        return out

    @classmethod
    def from_mixed(cls, game: ExtensiveFormGame, mixed: Any) -> BehaviorProfile:
        """The realization-equivalent behaviour profile of a mixed profile (Kuhn).

        Parameters
        ----------
        game : ExtensiveFormGame
            A game with perfect recall.
        mixed : Equilibrium, mapping or sequence
            A mixed profile of ``game.to_normal_form()`` (reduced), in any form
            :func:`gametheory.equilibrium.profile_vectors` accepts.

        Returns
        -------
        BehaviorProfile
            :math:`\\beta(I, a)` is the probability of the strategies choosing
            ``a`` at :math:`I` among those reaching :math:`I`; uniform where no
            strategy in the support reaches :math:`I` (unreachable by the
            player's own choices, so payoffs do not depend on it).

        Raises
        ------
        MethodNotApplicableError
            The game lacks perfect recall.
        InvalidProfileError, UnknownLabelError
            A malformed mixed profile.

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> from gametheory.games.extensive import ExtensiveFormGame
        >>> g = ExtensiveFormGame(["A"])
        >>> stop, go = g.move(g.root, "A", ["stop", "go"])
        >>> _ = g.outcome(stop, [1])
        >>> a, b = g.move(go, "A", ["a", "b"])
        >>> _ = g.outcome(a, [2]); _ = g.outcome(b, [0])
        >>> BehaviorProfile.from_mixed(g, {"A": {"stop/*": F(1, 2), "go/b": F(1, 2)}})["A"]
        {'A:1': {'stop': Fraction(1, 2), 'go': Fraction(1, 2)}, 'A:2': {'a': Fraction(0, 1), 'b': Fraction(1, 1)}}
        """
        from ..equilibrium import profile_vectors  # lazy: games do not depend on solvers

        game.validate()
        game.check_perfect_recall("from_mixed (Kuhn's theorem)")
        nf = game.to_normal_form()
        vectors, exact = profile_vectors(nf, mixed)
        data: dict[str, dict[str, Any]] = {}
        for i, p in enumerate(game.players):
            infs = game._player_infosets(p)
            strategies = game._strategies(p, True)
            mu = list(vectors[i])
            data[p] = {}
            for k, inf in enumerate(infs):
                m = len(inf.actions)
                num = [Fraction(0) if exact else 0.0 for _ in range(m)]
                for s, w in zip(strategies, mu, strict=True):
                    if s[k] >= 0 and w != 0:
                        num[s[k]] = num[s[k]] + w
                den = sum(num, Fraction(0) if exact else 0.0)
                if den > 0:
                    probs = [v / den for v in num]
                else:
                    probs = [Fraction(1, m) if exact else 1.0 / m] * m
                data[p][inf.label] = probs
        return cls(game, data)

    # ---------------------------------------------------------------- display
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BehaviorProfile):
            return NotImplemented
        return self._game is other._game and self._probs == other._probs

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        kind = "exact" if self._exact else "float"
        return f"<BehaviorProfile ({kind}) of {self._game!r}>"

    def __str__(self) -> str:
        lines = []
        for p in self._game.players:
            parts = []
            for lab, probs in self[p].items():
                support = [a for a, v in probs.items() if v > 0]
                if len(support) == 1:
                    parts.append(f"{lab}: {support[0]}")
                else:
                    mix = ", ".join(f"{a} {format_number(probs[a])}" for a in support)
                    parts.append(f"{lab}: ({mix})")
            lines.append(f"{p}: " + ("; ".join(parts) if parts else "(no moves)"))
        return "\n".join(lines)
