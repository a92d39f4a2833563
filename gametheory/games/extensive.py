"""Extensive-form games: trees with chance, information sets and symbolic payoffs.

An *extensive-form game* (Kuhn 1953 [1]_) is a finite rooted tree. Every
non-terminal node is a *decision node* of one of the players
:math:`1, \\dots, N` or a *chance node*; its outgoing edges are labelled by
*actions*. Chance nodes carry a probability for each action. Terminal nodes
carry a payoff for every player. The decision nodes of each player are
partitioned into *information sets*: the player cannot tell the nodes of an
information set apart, so they all offer the same actions and the player
chooses one action for the whole set.

Definitions used throughout
---------------------------
pure strategy
    One action at every information set of the player.
reduced strategy
    Two pure strategies are *equivalent* when they differ only at information
    sets that the player's own earlier actions make unreachable; a reduced
    strategy is an equivalence class, written with ``*`` at the information
    sets it leaves open. The *reduced normal form* (Gambit's "reduced
    strategic form") has one strategy per class. Its expected payoffs equal
    those of the full normal form.
perfect recall
    A player never forgets what they knew or did: all nodes of one of their
    information sets are reached by the same sequence of the player's own
    (information set, action) pairs. This rules out "absent-mindedness"
    (a node and its descendant in one information set) as well.
    Kuhn's theorem [1]_: with perfect recall, mixed strategies and behaviour
    strategies are realization-equivalent.
subgame
    A node :math:`n` roots a (proper) subgame when every information set that
    meets the subtree of :math:`n` lies entirely inside it, and the node's own
    information set is a singleton (Selten 1975 [2]_). The root always does.
sequence form
    Koller, Megiddo and von Stengel (1996) [3]_ and von Stengel (1996) [4]_:
    a *sequence* of player :math:`i` is the empty sequence or a sequence of
    the player's own (information set, action) pairs leading to a node; under
    perfect recall a sequence ends in one (information set, action) pair and
    is determined by it. A *realization plan* :math:`x \\ge 0` gives each
    sequence the product of the player's behaviour probabilities along it; it
    satisfies :math:`E x = e` with one row for the empty sequence
    (:math:`x_\\emptyset = 1`) and one per information set :math:`I`
    (:math:`-x_{\\sigma(I)} + \\sum_{a} x_{\\sigma(I) a} = 0`). Expected payoffs
    are multilinear in the plans: for two players :math:`x^\\top A y`, where
    :math:`A` sums chance-weighted payoffs of the terminals by the pair of
    sequences leading to them.

Building a tree
---------------
The class is a *mutable builder*: create a game with its players, then grow
the tree from :attr:`ExtensiveFormGame.root` with :meth:`~ExtensiveFormGame.move`,
:meth:`~ExtensiveFormGame.chance`, :meth:`~ExtensiveFormGame.infoset` and
:meth:`~ExtensiveFormGame.outcome`. Every change increments a modification
counter; analyses (:meth:`~ExtensiveFormGame.to_normal_form`,
:meth:`~ExtensiveFormGame.sequence_form`, ...) first check that the tree is
finished (:meth:`~ExtensiveFormGame.validate`) and cache their results until
the next change. :meth:`~ExtensiveFormGame.at` and
:meth:`~ExtensiveFormGame.copy` return independent games.

Writing algorithms on trees
---------------------------
Solvers (backward induction, sequence-form Lemke, plots) need only these:

* ``game.nodes()``: all nodes in pre-order (parents before children, children
  in action order); iterate ``reversed(game.nodes())`` for backward induction
  (no recursion, so trees of any depth work). ``node.children`` maps action
  to child; ``node.player`` is a player label, :data:`CHANCE` or ``None``
  (terminal); ``node.probabilities`` (chance), ``node.payoffs`` (terminal, a
  dict by player), ``node.infoset`` (decision nodes), ``node.depth``,
  ``node.path``. Nodes hash by identity, so ``dict[Node, ...]`` is fine;
  ``node.id`` is stable across :meth:`~ExtensiveFormGame.copy`,
  :meth:`~ExtensiveFormGame.at` and ``.efg`` round trips.
* ``game.infosets(player)``: information sets in a fixed order (first node in
  pre-order); ``infoset.nodes``, ``infoset.actions``, ``infoset.label``.
* ``game.kind`` / ``is_exact`` / ``numeric_check(method)``: stored payoffs and
  probabilities are ``int``/``Fraction`` (exact), ``float`` or sympy; exact
  arithmetic needs no conversion.
* ``game.subgame_roots()`` and ``game.subgame(node)`` (an independent game on
  the subtree, same ids and labels) for subgame decomposition;
  ``game.copy()``, ``game.clear(node)`` and ``game.outcome(node, payoffs)`` to
  replace a solved subgame by its value.
* ``game.to_normal_form()`` with ``game.strategy_map()`` to run normal-form
  solvers and map strategies back; ``BehaviorProfile.from_mixed`` and
  ``BehaviorProfile.to_mixed`` (Kuhn) in :mod:`gametheory.games.behavior`.
* ``game.sequence_form()``: ``A, B, E, F, e, f`` for Lemke/LP;
  ``SequenceForm.to_behavior(plans)`` turns realization plans into a
  :class:`~gametheory.games.behavior.BehaviorProfile`.
* :class:`~gametheory.games.behavior.BehaviorProfile`: ``regret()`` (exact
  Nash check), ``infoset_regrets()`` (sequential rationality where beliefs are
  defined), ``beliefs``, ``node_values``, ``best_response``, ``to_dict()``
  for JSON.

References
----------
.. [1] H. W. Kuhn, "Extensive games and the problem of information", in
   *Contributions to the Theory of Games II*, Annals of Mathematics Studies 28,
   Princeton University Press, 1953, pp. 193-216.
.. [2] R. Selten, "Reexamination of the perfectness concept for equilibrium
   points in extensive games", *International Journal of Game Theory* 4 (1975)
   25-55.
.. [3] D. Koller, N. Megiddo and B. von Stengel, "Efficient computation of
   equilibria for extensive two-person games", *Games and Economic Behavior*
   14 (1996) 247-259.
.. [4] B. von Stengel, "Efficient computation of behavior strategies",
   *Games and Economic Behavior* 14 (1996) 220-246.
.. [5] The Gambit Project, "Representation of strategic games derived from
   extensive games" (reduced strategic form), https://www.gambit-project.org

Examples
--------
The scenario spec's M3 in miniature: the US moves, Russia does not observe
whether Azerbaijan hosts, and a preemptive strike succeeds with probability
``p``.

>>> import sympy
>>> from gametheory.games.extensive import ExtensiveFormGame
>>> p = sympy.Symbol("p", nonnegative=True)
>>> g = ExtensiveFormGame(["US", "Russia"], title="toy")
>>> mil, com = g.move(g.root, "US", ["Militarize", "Commercial"])
>>> for node in (mil, com):
...     acc, pre = g.move(node, "Russia", ["Accept", "Preempt"], infoset="R")
...     _ = g.outcome(acc, {"US": 2 if node is mil else 1, "Russia": -1 if node is mil else 0})
...     win, lose = g.chance(pre, {"success": p, "failure": 1 - p})
...     _ = g.outcome(win, {"US": -1, "Russia": 0})
...     _ = g.outcome(lose, {"US": 0, "Russia": -1})
>>> g.is_perfect_information, g.has_perfect_recall()
(False, True)
>>> nf = g.to_normal_form()
>>> nf.strategies
(('Militarize', 'Commercial'), ('Accept', 'Preempt'))
>>> nf["Militarize", "Preempt"]
(-p, p - 1)
>>> g.at(p="1/2").to_normal_form()["Militarize", "Preempt"]
(Fraction(-1, 2), Fraction(-1, 2))
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import math
import numbers
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from types import MappingProxyType
from typing import Any

import numpy as np
import sympy

from .._numbers import EXACT_KINDS, classify, format_number, to_fraction, to_sympy
from ..errors import (
    InvalidGameError,
    InvalidProfileError,
    MethodNotApplicableError,
    ParseError,
    SymbolicGameError,
    UnknownLabelError,
    UnknownParameterError,
)
from ._labels import check_labels, dedupe_labels
from .normal import NormalFormGame, _substitutions, _to_sympy_value

__all__ = [
    "CHANCE",
    "Children",
    "ExtensiveFormGame",
    "Infoset",
    "Node",
    "SequenceForm",
]

#: The ``player`` of chance nodes (a reserved name: no player may be called this).
CHANCE = "chance"

_KIND_ORDER = ("integer", "rational", "float", "symbolic")
_FLOAT_PROB_TOL = 1e-9
_NUMBER_RE = re.compile(
    r"\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*\Z|\s*[+-]?\d+\s*/\s*\d+\s*\Z"
)


# ============================================================================ numbers


def _widest(kinds: Iterable[str]) -> str:
    out = "integer"
    for k in kinds:
        if _KIND_ORDER.index(k) > _KIND_ORDER.index(out):
            out = k
    return out


def _parse_text(text: str, space: Any, where: str) -> Any:
    """A number or expression given as text: plain numbers exactly, else the safe parser."""
    if _NUMBER_RE.match(text):
        t = text.strip().replace(" ", "")
        try:
            return Fraction(t)
        except (ValueError, ZeroDivisionError):
            raise InvalidGameError(f"{where}: {text!r} is not a valid number") from None
    from ..parameters import parse_expression  # lazy: parameters imports games indirectly

    try:
        return parse_expression(text, space if space is not None else ())
    except ParseError as exc:
        msg = str(exc)
        suffix = f" (column {exc.column})"
        if exc.column is not None and msg.endswith(suffix):
            msg = msg[: -len(suffix)]
        raise ParseError(f"{where}: {msg}", token=exc.token, column=exc.column) from None


def _normalize(value: Any, where: str, space: Any = None) -> tuple[Any, str]:
    """Validate one payoff or probability; return it in canonical form and its kind.

    Integers become ``int``, rationals :class:`~fractions.Fraction`, floats
    ``float``, and expressions with free symbols stay sympy expressions.
    """
    # fast paths for the common exact and float cases
    cls = type(value)
    if cls is int:
        return value, "integer"
    if cls is Fraction:
        return (value.numerator, "integer") if value.denominator == 1 else (value, "rational")
    if cls is float and math.isfinite(value):
        return value, "float"
    if isinstance(value, str):
        value = _parse_text(value, space, where)
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, sympy.Basic) and not isinstance(value, sympy.Expr):
        raise InvalidGameError(f"{where}: {value!r} is a condition, not a number or expression")
    arr = np.empty(1, dtype=object)
    arr[0] = value
    kind = classify(arr, where)
    if kind == "integer":
        return int(to_fraction(value)), kind
    if kind == "rational":
        return to_fraction(value), kind
    if kind == "float":
        return float(value), kind
    return to_sympy(value), kind


def _free_symbols(values: Iterable[Any]) -> tuple[sympy.Symbol, ...]:
    """The free symbols of the sympy values among ``values``, sorted by name."""
    syms: set[sympy.Symbol] = set()
    for v in values:
        if isinstance(v, sympy.Basic):
            syms |= v.free_symbols
    return tuple(sorted(syms, key=lambda s: s.name))


def _free_parameters_error(method: str, holder: str,
                           parameters: Sequence[sympy.Symbol]) -> SymbolicGameError:
    """The error for ``method`` called on a game whose ``holder`` ("the tree") has parameters."""
    names = ", ".join(s.name for s in parameters) or "(symbolic constants)"
    return SymbolicGameError(
        f"{method} needs a numeric game but {holder} has free parameters: {names}; "
        f"substitute values first, e.g. game.at({', '.join(f'{s}=...' for s in parameters[:3])})"
    )


def _check_declared(value: Any, declared: Mapping[str, sympy.Symbol] | None, where: str) -> None:
    """Raise :class:`UnknownParameterError` if ``value`` uses a symbol not in ``declared``.

    ``declared`` maps parameter names to their symbols; ``None`` accepts every symbol.
    """
    if declared is None or not isinstance(value, sympy.Basic):
        return
    known = set(declared.values())
    for s in sorted(value.free_symbols, key=lambda s: s.name):
        if s in known:
            continue
        if s.name in declared:
            raise UnknownParameterError(
                f"{where}: symbol {s.name!r} is not the declared parameter {s.name!r} "
                f"(its assumptions differ); build expressions from space.symbol({s.name!r})"
            )
        raise UnknownParameterError(
            f"{where}: {value} uses the undeclared parameter {s.name!r}; declared: "
            f"{sorted(declared)}"
        )


def _check_player_keys(data: Mapping[Any, Any], players: Sequence[str], where: str,
                       missing: str) -> None:
    """Require one entry of ``data`` per player: ``UnknownLabelError`` for keys that are
    not players, ``InvalidGameError`` ("{where}: {missing} [...]") for absent players."""
    unknown = [p for p in data if p not in players]
    if unknown:
        raise UnknownLabelError(f"{where}: unknown players {unknown}; players are {list(players)}")
    absent = [p for p in players if p not in data]
    if absent:
        raise InvalidGameError(f"{where}: {missing} {absent}")


def _sum_to_one_error(values: Iterable[Any], kind: str,
                      show_symbolic_total: Callable[[Any], Any] = sympy.nsimplify) -> str | None:
    """Why probabilities of one ``kind`` do not sum to 1 (``"sum to 3/2, not 1"``), or ``None``.

    Exact values must sum to exactly 1, symbolic ones identically, floats
    within 1e-9. ``show_symbolic_total`` renders a symbolic sum that is a
    number.
    """
    if kind == "symbolic":
        total = sympy.Add(*[to_sympy(v) for v in values])
        excess = sympy.simplify(total - 1)
        if excess == 0:
            return None
        if excess.is_number:
            return f"sum to {show_symbolic_total(total)}, not 1"
        return (
            f"sum to {total}, which is not identically 1 (sum - 1 simplifies to {excess})"
        )
    if kind == "float":
        total_f = math.fsum(float(v) for v in values)
        if abs(total_f - 1) > _FLOAT_PROB_TOL:
            return f"sum to {total_f!r}, not 1"
        return None
    total_q = sum(values, Fraction(0))
    if total_q != 1:
        return f"sum to {format_number(total_q)}, not 1"
    return None


def _substitute(v: Any, subs: Mapping[sympy.Symbol, Any]) -> Any:
    """A stored value with ``subs`` applied, in canonical form."""
    if not subs or not isinstance(v, sympy.Basic):
        return v
    out, _ = _normalize(v.xreplace(subs), "substituted value")
    return out


def _to_domain(value: Any, domain: str) -> Any:
    """A stored value in the arithmetic of ``domain`` ("exact", "float" or "symbolic")."""
    if domain == "exact":
        return value
    if domain == "float":
        return float(value)
    return to_sympy(value)


def _domain_of(kind: str) -> str:
    if kind in EXACT_KINDS:
        return "exact"
    return "float" if kind == "float" else "symbolic"


def _sympy_value(value: Any, name: str) -> sympy.Expr:
    """A substitution value for :meth:`ExtensiveFormGame.at` (exact unless a float)."""
    if isinstance(value, bool):
        raise UnknownParameterError(f"value of {name!r} is not a number: {value!r}")
    return _to_sympy_value(value, name)


# ------------------------------------------------------------------ three-way symbolic checks


def _symbol_domains(space: Any, symbols: Iterable[sympy.Symbol]) -> dict[sympy.Symbol, Any]:
    """An interval for each symbol: its sympy sign assumptions intersected with the space's bounds."""
    out: dict[sympy.Symbol, Any] = {}
    for s in symbols:
        dom = sympy.Interval(-sympy.oo, sympy.oo)
        if s.is_positive:
            dom = sympy.Interval.open(0, sympy.oo)
        elif s.is_nonnegative:
            dom = sympy.Interval(0, sympy.oo)
        if s.is_negative:
            dom = dom.intersect(sympy.Interval.open(-sympy.oo, 0))
        elif s.is_nonpositive:
            dom = dom.intersect(sympy.Interval(-sympy.oo, 0))
        out[s] = dom
    if space is None or not hasattr(space, "assumptions"):
        return out
    try:
        relations = list(space.assumptions())
    except Exception:  # pragma: no cover - a foreign space object
        return out
    for rel in relations:
        if not isinstance(rel, sympy.core.relational.Relational):
            continue
        lhs, rhs = rel.lhs, rel.rhs
        if isinstance(lhs, sympy.Symbol) and rhs.is_number and lhs in out:
            sym, bound, op = lhs, rhs, rel.rel_op
        elif isinstance(rhs, sympy.Symbol) and lhs.is_number and rhs in out:
            flip = {">=": "<=", ">": "<", "<=": ">=", "<": ">"}
            sym, bound, op = rhs, lhs, flip.get(rel.rel_op, rel.rel_op)
        else:
            continue
        if op == ">=":
            piece = sympy.Interval(bound, sympy.oo)
        elif op == ">":
            piece = sympy.Interval.open(bound, sympy.oo)
        elif op == "<=":
            piece = sympy.Interval(-sympy.oo, bound)
        elif op == "<":
            piece = sympy.Interval.open(-sympy.oo, bound)
        else:
            continue
        out[sym] = out[sym].intersect(piece)
    return out


def _decide(rel: Any, space: Any) -> bool | None:
    """:func:`_decide_uncached`, memoised (trees repeat the same probabilities)."""
    try:
        return _decide_memo(rel, space)
    except TypeError:  # an unhashable space object
        return _decide_uncached(rel, space)


@functools.lru_cache(maxsize=4096)
def _decide_memo(rel: Any, space: Any) -> bool | None:
    return _decide_uncached(rel, space)


def _decide_uncached(rel: Any, space: Any) -> bool | None:
    """Three-way check of a condition over the allowed parameter values.

    ``True`` if it holds for every value allowed by the symbols' assumptions
    and the space's bounds, ``False`` if it holds for none, ``None`` if
    undecided (sound but incomplete: a univariate exact check, else interval
    arithmetic).
    """
    if rel is sympy.true or rel is True:
        return True
    if rel is sympy.false or rel is False:
        return False
    if not isinstance(rel, sympy.core.relational.Relational):
        return None
    syms = sorted(rel.free_symbols, key=lambda s: s.name)
    if not syms:
        return None
    domains = _symbol_domains(space, syms)
    if any(d is sympy.S.EmptySet for d in domains.values()):
        return None
    if len(syms) == 1:
        (s,) = syms
        try:
            sol = sympy.solveset(rel, s, domain=domains[s])
            if sol is sympy.S.EmptySet:
                return False
            if domains[s].is_subset(sol):
                return True
        except Exception:  # sympy may fail on exotic expressions
            pass
    try:
        diff = rel.lhs - rel.rhs
        subs = {}
        for s in syms:
            d = domains[s]
            if not isinstance(d, sympy.Interval):
                return None
            subs[s] = sympy.AccumBounds(d.start, d.end)
        rng = diff.subs(subs)
    except Exception:  # sympy cannot bound some expressions
        return None
    if isinstance(rng, sympy.AccumBounds):
        lo, hi = rng.min, rng.max
    elif getattr(rng, "is_number", False) and rng.is_real:
        lo = hi = rng
    else:
        return None
    op = rel.rel_op
    try:
        if op == ">=":
            return True if bool(lo >= 0) else (False if bool(hi < 0) else None)
        if op == ">":
            return True if bool(lo > 0) else (False if bool(hi <= 0) else None)
        if op == "<=":
            return True if bool(hi <= 0) else (False if bool(lo > 0) else None)
        if op == "<":
            return True if bool(hi < 0) else (False if bool(lo >= 0) else None)
    except TypeError:
        return None
    return None


# ============================================================================ nodes


class Node:
    """A node of an :class:`ExtensiveFormGame` (created by the game, never directly).

    Attributes are read-only; change the tree through the game's builder
    methods. ``node[action]`` is the child reached by ``action``.

    Attributes
    ----------
    id : str
        Unique within the game (``"root"``, ``"n1"``, ... unless given).
    parent : Node or None
    action : str or None
        Label of the action leading from the parent to this node.
    children : mapping
        Read-only ``{action: child}`` in action order (empty for leaves).
    player : str or None
        The moving player, :data:`CHANCE` for chance nodes, ``None`` for
        terminal nodes (and for leaves not yet given a move).
    infoset : Infoset or None
        The information set of a decision node (``None`` otherwise).
    probabilities : mapping or None
        ``{action: probability}`` at chance nodes.
    payoffs : dict or None
        ``{player: payoff}`` at terminal nodes that have payoffs.
    is_terminal : bool
        True for nodes without children.
    path : tuple of (Node, str)
        The (ancestor, action taken there) pairs from the root to this node.
    depth : int
        Number of edges from the root.
    label : str
        Free text (e.g. the node name of a ``.efg`` file).
    """

    __slots__ = (
        "_game",
        "_id",
        "_parent",
        "_action",
        "_children",
        "_player",
        "_infoset",
        "_probs",
        "_payoffs",
        "_label",
        "_depth",
        "__weakref__",
    )

    def __init__(self, game: ExtensiveFormGame, node_id: str, parent: Node | None,
                 action: str | None) -> None:
        self._game = game
        self._id = node_id
        self._parent = parent
        self._action = action
        self._children: dict[str, Node] = {}
        self._player: str | None = None
        self._infoset: Infoset | None = None
        self._probs: dict[str, Any] | None = None
        self._payoffs: dict[str, Any] | None = None
        self._label = ""
        self._depth: int = 0 if parent is None else parent._depth + 1

    # -- read-only data
    @property
    def game(self) -> ExtensiveFormGame:
        """The game this node belongs to."""
        return self._game

    @property
    def id(self) -> str:
        """Unique identifier within the game."""
        return self._id

    @property
    def label(self) -> str:
        """Free-text label (``""`` unless set, e.g. from a ``.efg`` node name)."""
        return self._label

    @property
    def parent(self) -> Node | None:
        """The parent node (``None`` at the root)."""
        return self._parent

    @property
    def action(self) -> str | None:
        """The action label on the edge from the parent (``None`` at the root)."""
        return self._action

    @property
    def children(self) -> Mapping[str, Node]:
        """Read-only ``{action: child}`` mapping in action order."""
        return MappingProxyType(self._children)

    @property
    def actions(self) -> tuple[str, ...]:
        """Action labels at this node, in order (empty for terminal nodes)."""
        return tuple(self._children)

    @property
    def player(self) -> str | None:
        """The moving player, :data:`CHANCE`, or ``None`` at terminal nodes."""
        return self._player

    @property
    def infoset(self) -> Infoset | None:
        """Information set of a decision node; ``None`` at chance and terminal nodes."""
        return self._infoset

    @property
    def probabilities(self) -> Mapping[str, Any] | None:
        """``{action: probability}`` at a chance node, else ``None``."""
        return None if self._probs is None else MappingProxyType(self._probs)

    @property
    def payoffs(self) -> dict[str, Any] | None:
        """``{player: payoff}`` at a terminal node with payoffs, else ``None``."""
        return None if self._payoffs is None else dict(self._payoffs)

    @property
    def is_terminal(self) -> bool:
        """True when the node has no children."""
        return not self._children

    @property
    def is_chance(self) -> bool:
        """True at chance nodes."""
        return self._player == CHANCE

    @property
    def is_decision(self) -> bool:
        """True at decision nodes of a player."""
        return self._infoset is not None

    @property
    def depth(self) -> int:
        """Number of edges between the root and this node."""
        return self._depth

    @property
    def path(self) -> tuple[tuple[Node, str], ...]:
        """``((ancestor, action), ...)`` from the root down to (excluding) this node."""
        out = []
        node = self
        while node._parent is not None:
            out.append((node._parent, node._action))
            node = node._parent
        out.reverse()
        return tuple(out)  # type: ignore[arg-type]

    def __getitem__(self, action: str) -> Node:
        try:
            return self._children[action]
        except KeyError:
            raise UnknownLabelError(
                f"node {self._id!r} has no action {action!r}; actions are {list(self._children)}"
            ) from None

    def __repr__(self) -> str:
        if self._player is None:
            what = "terminal" if self._payoffs is not None else "leaf (no payoffs yet)"
        elif self._player == CHANCE:
            what = "chance"
        else:
            what = f"{self._player} at {self._infoset.label if self._infoset else '?'}"
        acts = f" {list(self._children)}" if self._children else ""
        return f"<Node {self._id!r}: {what}{acts}>"


class Children(tuple):
    """The children created by one move: a tuple in action order, also indexable by action.

    Unpack it (``mil, com = g.move(...)``), index it by position or by action
    label (``kids["Militarize"]``), or use :meth:`items`.
    """

    __slots__ = ()

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            for node in self:
                if node.action == key:
                    return node
            raise UnknownLabelError(
                f"no child for action {key!r}; actions are {[n.action for n in self]}"
            )
        return tuple.__getitem__(self, key)

    def keys(self) -> tuple[str, ...]:
        """Action labels in order."""
        return tuple(n.action for n in self)

    def items(self) -> tuple[tuple[str, Node], ...]:
        """``(action, child)`` pairs in order."""
        return tuple((n.action, n) for n in self)

    def __repr__(self) -> str:
        return "Children(" + ", ".join(f"{n.action}={n.id!r}" for n in self) + ")"


class Infoset:
    """An information set: decision nodes of one player that the player cannot tell apart.

    Attributes
    ----------
    label : str
        Unique among the player's information sets (default ``"<player>:<k>"``).
    player : str
    actions : tuple of str
        The actions available at every member node, in order.
    nodes : tuple of Node
        Members in pre-order of the tree.
    """

    __slots__ = ("_game", "_label", "_player", "_actions", "_members", "__weakref__")

    def __init__(self, game: ExtensiveFormGame, label: str, player: str,
                 actions: tuple[str, ...]) -> None:
        self._game = game
        self._label = label
        self._player = player
        self._actions = actions
        self._members: list[Node] = []

    @property
    def label(self) -> str:
        """The label (unique among the player's information sets)."""
        return self._label

    @property
    def player(self) -> str:
        """The player who moves here."""
        return self._player

    @property
    def actions(self) -> tuple[str, ...]:
        """The action labels, in order."""
        return self._actions

    @property
    def game(self) -> ExtensiveFormGame:
        """The game this information set belongs to."""
        return self._game

    @property
    def nodes(self) -> tuple[Node, ...]:
        """Member nodes in pre-order."""
        index = self._game._preorder_index()
        return tuple(sorted(self._members, key=index.__getitem__))

    def __len__(self) -> int:
        return len(self._members)

    def __contains__(self, node: object) -> bool:
        return any(node is m for m in self._members)

    def __iter__(self) -> Iterator[Node]:
        return iter(self.nodes)

    def __repr__(self) -> str:
        ids = ", ".join(repr(n.id) for n in self.nodes)
        return f"<Infoset {self._label!r} of {self._player!r}: actions {list(self._actions)}, nodes [{ids}]>"


# ============================================================================ sequence form


@dataclass(frozen=True, eq=False)
class SequenceForm:
    """The sequence form of a game with perfect recall (see the module docstring).

    Attributes
    ----------
    game : ExtensiveFormGame
    players : tuple of str
    sequences : tuple of tuple of tuple
        Per player, the sequences in order; each sequence is a tuple of
        ``(infoset label, action)`` pairs, the empty sequence ``()`` first.
        Sequences of an information set's actions are consecutive, in the
        order of :meth:`ExtensiveFormGame.infosets`.
    infosets : tuple of tuple of str
        Per player, the information-set labels, in the order of the constraint
        rows 1, 2, ... (row 0 is the empty sequence).
    parent_sequence : tuple of tuple of int
        Per player and information set, the index of the sequence leading to it.
    constraints : tuple of numpy.ndarray
        Per player, the integer matrix :math:`E_i` (rows: empty sequence, then
        information sets; columns: sequences).
    rhs : tuple of numpy.ndarray
        Per player, :math:`e_i = (1, 0, \\dots, 0)`.
    payoffs : dict
        Sparse payoffs: ``{(s_1, ..., s_N): (u_1, ..., u_N)}`` keyed by sequence
        indices, summing chance probability times payoff over the terminals
        the sequence profile leads to. Values are exact (``Fraction``/``int``),
        float or sympy, as the game.
    domain : str
        ``"exact"``, ``"float"`` or ``"symbolic"``.

    Notes
    -----
    For two players, :attr:`A`, :attr:`B`, :attr:`E`, :attr:`F`, :attr:`e`,
    :attr:`f` give the matrices of Koller, Megiddo and von Stengel (1996):
    expected payoffs are :math:`x^\\top A y` and :math:`x^\\top B y` for
    realization plans with :math:`E x = e`, :math:`F y = f`, :math:`x, y \\ge 0`.
    """

    game: Any
    players: tuple[str, ...]
    sequences: tuple[tuple[tuple[tuple[str, str], ...], ...], ...]
    infosets: tuple[tuple[str, ...], ...]
    parent_sequence: tuple[tuple[int, ...], ...]
    constraints: tuple[np.ndarray, ...]
    rhs: tuple[np.ndarray, ...]
    payoffs: dict[tuple[int, ...], tuple[Any, ...]]
    domain: str
    _index: tuple[dict[tuple, int], ...] = field(default=(), repr=False)

    # -- two-player conveniences
    def _two(self, what: str) -> None:
        if len(self.players) != 2:
            raise MethodNotApplicableError(
                f"SequenceForm.{what} is defined for 2 players; this game has "
                f"{len(self.players)} (use .payoffs, keyed by sequence tuples)"
            )

    def payoff_matrix(self, player: int | str) -> np.ndarray:
        """Dense payoff matrix of one player (2 players): rows player 1's sequences.

        Entries are exact (``Fraction``/``int``), ``float`` or sympy, as the game.
        """
        self._two("payoff_matrix")
        i = player if isinstance(player, int) else self.players.index(player)
        zero = sympy.Integer(0) if self.domain == "symbolic" else (0.0 if self.domain == "float" else 0)
        M = np.empty((len(self.sequences[0]), len(self.sequences[1])), dtype=object)
        M.fill(zero)
        for (r, c), vals in self.payoffs.items():
            M[r, c] = vals[i]
        return M

    @property
    def A(self) -> np.ndarray:
        """Player 1's payoff matrix (object array; rows: player 1's sequences)."""
        return self.payoff_matrix(0)

    @property
    def B(self) -> np.ndarray:
        """Player 2's payoff matrix (object array; rows: player 1's sequences)."""
        return self.payoff_matrix(1)

    @property
    def E(self) -> np.ndarray:
        """Player 1's constraint matrix."""
        self._two("E")
        return self.constraints[0]

    @property
    def F(self) -> np.ndarray:
        """Player 2's constraint matrix."""
        self._two("F")
        return self.constraints[1]

    @property
    def e(self) -> np.ndarray:
        """Right-hand side of player 1's constraints."""
        self._two("e")
        return self.rhs[0]

    @property
    def f(self) -> np.ndarray:
        """Right-hand side of player 2's constraints."""
        self._two("f")
        return self.rhs[1]

    def sequence_index(self, player: int | str, sequence: Sequence[tuple[str, str]]) -> int:
        """Index of a sequence (tuple of ``(infoset, action)`` pairs) of a player."""
        i = player if isinstance(player, int) else self.players.index(player)
        try:
            return self._index[i][tuple(tuple(p) for p in sequence)]
        except KeyError:
            raise UnknownLabelError(
                f"player {self.players[i]!r} has no sequence {tuple(sequence)!r}"
            ) from None

    def realization_plan(self, profile: Any, player: int | str) -> np.ndarray:
        """Realization plan (object array over the player's sequences) of a behaviour profile."""
        i = player if isinstance(player, int) else self.players.index(player)
        name = self.players[i]
        plan = profile.realization_plan(name)
        out = np.empty(len(self.sequences[i]), dtype=object)
        out[:] = [plan[s] for s in self.sequences[i]]
        return out

    def check_plan(self, plan: Sequence[Any], player: int | str) -> None:
        """Raise :class:`InvalidProfileError` unless ``plan`` satisfies :math:`E x = e, x \\ge 0`."""
        i = player if isinstance(player, int) else self.players.index(player)
        x = list(plan)
        n = len(self.sequences[i])
        if len(x) != n:
            raise InvalidProfileError(
                f"player {self.players[i]!r}: plan has {len(x)} entries for {n} sequences"
            )
        exact = all(isinstance(v, numbers.Rational) for v in x)
        for k, v in enumerate(x):
            if v < 0 if exact else v < -_FLOAT_PROB_TOL:
                raise InvalidProfileError(
                    f"player {self.players[i]!r}: negative entry {v} for sequence "
                    f"{self.sequences[i][k]!r}"
                )
        E = self.constraints[i]
        for r in range(E.shape[0]):
            lhs = sum(int(E[r, k]) * x[k] for k in range(n) if E[r, k])
            target = int(self.rhs[i][r])
            bad = lhs != target if exact else abs(float(lhs) - target) > 1e-9
            if bad:
                what = "the empty sequence" if r == 0 else f"information set {self.infosets[i][r - 1]!r}"
                raise InvalidProfileError(
                    f"player {self.players[i]!r}: constraint of {what} fails ({lhs} != {target})"
                )

    def expected_payoffs(self, plans: Sequence[Sequence[Any]]) -> tuple[Any, ...]:
        """Expected payoff of each player for one realization plan per player.

        Examples
        --------
        >>> from gametheory.games.extensive import ExtensiveFormGame
        >>> g = ExtensiveFormGame(["1", "2"])
        >>> l, r = g.move(g.root, "1", ["L", "R"])
        >>> _ = g.outcome(l, [1, -1])
        >>> a, b = g.move(r, "2", ["a", "b"])
        >>> _ = g.outcome(a, [3, 0]); _ = g.outcome(b, [0, 2])
        >>> sf = g.sequence_form()
        >>> sf.expected_payoffs([[1, 0, 1], [1, 0, 1]])
        (0, 2)
        """
        if len(plans) != len(self.players):
            raise InvalidProfileError(f"need one plan per player ({len(self.players)})")
        zero = sympy.Integer(0) if self.domain == "symbolic" else (0.0 if self.domain == "float" else 0)
        totals = [zero] * len(self.players)
        for key, vals in self.payoffs.items():
            w = 1
            for i, k in enumerate(key):
                w = w * plans[i][k]
                if w == 0:
                    break
            if w == 0:
                continue
            for i, v in enumerate(vals):
                totals[i] = totals[i] + w * v
        return tuple(totals)

    def to_behavior(self, plans: Sequence[Sequence[Any]]) -> Any:
        """The behaviour profile of realization plans (one per player).

        At an information set the plan reaches with probability 0 the actions
        are uniform (such sets are unreachable by the player's own choices,
        so this does not change any expected payoff).

        Returns
        -------
        BehaviorProfile
        """
        from .behavior import BehaviorProfile

        if len(plans) != len(self.players):
            raise InvalidProfileError(f"need one plan per player ({len(self.players)})")
        data: dict[str, dict[str, dict[str, Any]]] = {}
        for i, name in enumerate(self.players):
            x = list(plans[i])
            self.check_plan(x, i)
            exact = all(isinstance(v, numbers.Rational) for v in x)
            data[name] = {}
            pos = 1
            for j, label in enumerate(self.infosets[i]):
                acts = self.game._infoset_by_label(name, label).actions
                parent = x[self.parent_sequence[i][j]]
                k = len(acts)
                # sequences of this infoset's actions are consecutive, starting at `pos`
                if parent > 0 if exact else float(parent) > 0:
                    probs = {a: (Fraction(x[pos + t]) / Fraction(parent) if exact
                                 else float(x[pos + t]) / float(parent))
                             for t, a in enumerate(acts)}
                    if not exact:
                        s = sum(probs.values())
                        probs = {a: v / s for a, v in probs.items()}
                else:
                    probs = {a: (Fraction(1, k) if exact else 1.0 / k) for a in acts}
                data[name][label] = probs
                pos += k
        return BehaviorProfile(self.game, data)


# ============================================================================ the game


class ExtensiveFormGame:
    """An N-player game in extensive form, with chance moves and information sets.

    Parameters
    ----------
    players : sequence of str
        Player labels (non-empty, distinct, not ``"chance"``).
    title : str, optional
    space : gametheory.parameters.ParameterSpace, optional
        Declared parameters. When given, every free symbol of a payoff or
        probability must be one of ``space.symbols``; the bounds in
        ``space.assumptions()`` are used to reject chance probabilities that
        are provably outside [0, 1].

    Raises
    ------
    InvalidGameError
        Bad player labels.

    See Also
    --------
    ExtensiveFormGame.from_dict, gametheory.io.efg.parse_efg

    Notes
    -----
    The tree is built in place (see the module docstring); nodes, information
    sets and the game itself are *not* hashable by value and should not be
    shared between threads while building.

    Examples
    --------
    Selten's (1975) chain-store stage game:

    >>> g = ExtensiveFormGame(["Entrant", "Incumbent"], title="Entry")
    >>> out, enter = g.move(g.root, "Entrant", ["Out", "In"])
    >>> _ = g.outcome(out, {"Entrant": 0, "Incumbent": 2})
    >>> fight, share = g.move(enter, "Incumbent", ["Fight", "Share"])
    >>> _ = g.outcome(fight, [-1, -1])
    >>> _ = g.outcome(share, [1, 1])
    >>> g.is_perfect_information, [n.id for n in g.subgame_roots()]
    (True, ['root', 'n2'])
    >>> g.to_normal_form()["In", "Share"]
    (1, 1)
    """

    def __init__(self, players: Sequence[str], title: str = "", space: Any = None) -> None:
        if isinstance(players, str):
            raise InvalidGameError(f"players must be a sequence of labels, not the string {players!r}")
        players = tuple(players)
        if not players:
            raise InvalidGameError("a game needs at least one player")
        check_labels(players, "player labels")
        if CHANCE in players:
            raise InvalidGameError(f"{CHANCE!r} is reserved for chance moves; rename the player")
        if not isinstance(title, str):
            raise InvalidGameError(f"title must be a string, got {title!r}")
        self._players = players
        self._player_index = {p: i for i, p in enumerate(players)}
        self.title = title
        self.description = ""
        self._space = space
        self._declared: dict[str, sympy.Symbol] | None = None
        if space is not None:
            if not hasattr(space, "symbols"):
                raise InvalidGameError(f"space must be a ParameterSpace, got {type(space).__name__}")
            self._declared = dict(space.symbols)
        self._version = 0
        self._cache: dict[Any, tuple[int, Any]] = {}
        self._infosets: dict[str, dict[str, Infoset]] = {p: {} for p in players}
        self._nodes_by_id: dict[str, Node] = {}
        self._next_id = 1
        self._root = Node(self, "root", None, None)
        self._nodes_by_id["root"] = self._root

    # ================================================================ basic data
    @property
    def players(self) -> tuple[str, ...]:
        """Player labels (chance excluded)."""
        return self._players

    @property
    def n_players(self) -> int:
        """Number of players (chance excluded)."""
        return len(self._players)

    @property
    def space(self) -> Any:
        """The declared :class:`~gametheory.parameters.ParameterSpace`, or ``None``."""
        return self._space

    @property
    def root(self) -> Node:
        """The root node."""
        return self._root

    @property
    def version(self) -> int:
        """Modification counter: increases with every change to the tree."""
        return self._version

    def player_index(self, player: int | str) -> int:
        """Index of a player given by label or index."""
        if isinstance(player, int | np.integer) and not isinstance(player, bool):
            if 0 <= player < self.n_players:
                return int(player)
            raise UnknownLabelError(f"player index {player} out of range 0..{self.n_players - 1}")
        try:
            return self._player_index[player]  # type: ignore[index]
        except (KeyError, TypeError):
            raise UnknownLabelError(
                f"unknown player {player!r}; players are {list(self._players)}"
            ) from None

    def _player_label(self, player: int | str) -> str:
        return self._players[self.player_index(player)]

    def node(self, node_id: str | Node) -> Node:
        """The node with this id (a :class:`Node` of this game is returned as is).

        Raises
        ------
        UnknownLabelError
            No node has this id.
        """
        if isinstance(node_id, Node):
            if node_id._game is not self:
                raise InvalidGameError(f"node {node_id.id!r} belongs to another game")
            if self._nodes_by_id.get(node_id._id) is not node_id:
                raise InvalidGameError(f"node {node_id.id!r} has been removed from the tree")
            return node_id
        try:
            return self._nodes_by_id[node_id]
        except (KeyError, TypeError):
            raise UnknownLabelError(f"no node with id {node_id!r}") from None

    def _cached(self, key: Any, compute: Any) -> Any:
        hit = self._cache.get(key)
        if hit is not None and hit[0] == self._version:
            return hit[1]
        value = compute()
        self._cache[key] = (self._version, value)
        return value

    def _touch(self) -> None:
        self._version += 1

    # ================================================================ building
    def _new_id(self, wanted: str | None) -> str:
        if wanted is not None:
            if not isinstance(wanted, str) or not wanted.strip():
                raise InvalidGameError(f"node ids must be non-empty strings, got {wanted!r}")
            if wanted in self._nodes_by_id:
                raise InvalidGameError(f"node id {wanted!r} is already used")
            return wanted
        while True:
            candidate = f"n{self._next_id}"
            self._next_id += 1
            if candidate not in self._nodes_by_id:
                return candidate

    @staticmethod
    def _check_actions(actions: Any, where: str) -> tuple[str, ...]:
        if isinstance(actions, str) or not isinstance(actions, Iterable):
            raise InvalidGameError(f"{where}: actions must be a list of labels, got {actions!r}")
        acts = tuple(actions)
        if not acts:
            raise InvalidGameError(f"{where}: a move needs at least one action")
        check_labels(acts, "action labels", where=where)
        return acts

    def _check_leaf(self, node: Node, what: str) -> None:
        if node._children:
            raise InvalidGameError(
                f"{what}: node {node.id!r} already has a move ({list(node._children)}); "
                "call clear(node) first to replace it"
            )
        if node._payoffs is not None:
            raise InvalidGameError(
                f"{what}: node {node.id!r} is terminal with payoffs; call clear(node) first"
            )

    def _ids_for(self, ids: Any, acts: tuple[str, ...], where: str) -> list[str | None]:
        if ids is None:
            return [None] * len(acts)
        if isinstance(ids, Mapping):
            unknown = [a for a in ids if a not in acts]
            if unknown:
                raise UnknownLabelError(f"{where}: ids given for unknown actions {unknown}")
            out = [ids.get(a) for a in acts]
        else:
            out = list(ids)
            if len(out) != len(acts):
                raise InvalidGameError(f"{where}: {len(out)} ids for {len(acts)} actions")
        named = [i for i in out if i is not None]
        dupes = sorted({i for i in named if named.count(i) > 1})
        if dupes:
            raise InvalidGameError(f"{where}: duplicate node ids {dupes}")
        for i in named:
            if i in self._nodes_by_id:
                raise InvalidGameError(f"{where}: node id {i!r} is already used")
        return out

    def _attach(self, node: Node, acts: tuple[str, ...], ids: list[str | None]) -> Children:
        kids = []
        for a, wanted in zip(acts, ids, strict=True):
            child = Node(self, self._new_id(wanted), node, a)
            self._nodes_by_id[child._id] = child
            node._children[a] = child
            kids.append(child)
        return Children(kids)

    def _auto_infoset_label(self, player: str) -> str:
        existing = self._infosets[player]
        k = len(existing) + 1
        while f"{player}:{k}" in existing:
            k += 1
        return f"{player}:{k}"

    def _resolve_infoset(self, infoset: Infoset | str, player: str | None) -> Infoset | None:
        """An existing information set by object or label (``None`` if the label is new)."""
        if isinstance(infoset, Infoset):
            if infoset._game is not self or self._infosets.get(infoset._player, {}).get(
                    infoset._label) is not infoset:
                raise InvalidGameError(f"information set {infoset.label!r} is not part of this game")
            return infoset
        if not isinstance(infoset, str) or not infoset.strip():
            raise InvalidGameError(f"information set labels must be non-empty strings, got {infoset!r}")
        if player is not None:
            return self._infosets[player].get(infoset)
        found = [d[infoset] for d in self._infosets.values() if infoset in d]
        if len(found) > 1:
            raise InvalidGameError(
                f"information set label {infoset!r} is used by players "
                f"{[f.player for f in found]}; pass the player as well"
            )
        return found[0] if found else None

    def move(
        self,
        node: Node | str,
        player: str | int | None = None,
        actions: Sequence[str] | None = None,
        *,
        infoset: Infoset | str | None = None,
        ids: Sequence[str | None] | Mapping[str, str] | None = None,
    ) -> Children:
        """Give a leaf a decision of ``player`` with the given actions.

        Parameters
        ----------
        node : Node or str
            A leaf (no move, no payoffs) or its id.
        player : str or int, optional
            The moving player; may be left out when ``infoset`` names an
            existing information set.
        actions : sequence of str, optional
            Action labels (distinct, non-empty); may be left out when joining
            an existing information set, whose actions are then used.
        infoset : Infoset or str, optional
            Join this information set (it must belong to ``player`` and have
            the same action labels; children follow its action order), or
            create one with this label. Default: a new singleton information
            set labelled ``"<player>:<k>"``.
        ids : sequence or mapping, optional
            Ids for the children (default ``"n1"``, ``"n2"``, ...).

        Returns
        -------
        Children
            The new child nodes in action order (a tuple, also indexable by
            action label).

        Raises
        ------
        InvalidGameError
            The node is not a leaf; bad or duplicate labels; an action set
            that does not match the information set.
        UnknownLabelError
            Unknown player.

        Examples
        --------
        >>> g = ExtensiveFormGame(["A", "B"])
        >>> kids = g.move(g.root, "A", ["x", "y"])
        >>> kids["y"].id, kids[0].action
        ('n2', 'x')
        >>> _ = g.move(kids["x"], "B", ["l", "r"], infoset="B1")
        >>> _ = g.move(kids["y"], infoset="B1")
        >>> [n.id for n in g.infosets("B")[0].nodes]
        ['n1', 'n2']
        """
        node = self.node(node)
        where = f"move at node {node.id!r}"
        self._check_leaf(node, where)
        pname = None if player is None else self._player_label(player)
        target: Infoset | None = None
        if infoset is not None:
            target = self._resolve_infoset(infoset, pname)
            if target is not None:
                if pname is not None and target.player != pname:
                    raise InvalidGameError(
                        f"{where}: information set {target.label!r} belongs to "
                        f"{target.player!r}, not {pname!r}"
                    )
                pname = target.player
        if pname is None:
            raise InvalidGameError(f"{where}: give the player (or an existing information set)")
        if target is not None:
            if actions is not None:
                acts = self._check_actions(actions, where)
                if set(acts) != set(target.actions) or len(acts) != len(target.actions):
                    raise InvalidGameError(
                        f"{where}: actions {list(acts)} do not match information set "
                        f"{target.label!r} of {pname!r}, which has {list(target.actions)} "
                        f"({len(target.actions)} actions)"
                    )
            acts = target.actions
        else:
            if actions is None:
                raise InvalidGameError(f"{where}: give the actions")
            acts = self._check_actions(actions, where)
            label = infoset if isinstance(infoset, str) else self._auto_infoset_label(pname)
            target = Infoset(self, label, pname, acts)
            self._infosets[pname][label] = target
        id_list = self._ids_for(ids, acts, where)
        node._player = pname
        node._infoset = target
        target._members.append(node)
        self._touch()
        return self._attach(node, acts, id_list)

    def chance(
        self,
        node: Node | str,
        probabilities: Mapping[str, Any] | Sequence[tuple[str, Any]],
        *,
        ids: Sequence[str | None] | Mapping[str, str] | None = None,
    ) -> Children:
        """Give a leaf a chance move.

        Parameters
        ----------
        node : Node or str
        probabilities : mapping or sequence of pairs
            ``{action: probability}``. Probabilities are numbers (exact or
            float), sympy expressions, or text (``"1/2"``, ``"1 - p"``; parsed
            safely with the declared parameters). They must sum to 1 (exactly
            for exact numbers, symbolically for expressions) and lie in [0, 1].
        ids : sequence or mapping, optional
            Ids for the children.

        Returns
        -------
        Children

        Raises
        ------
        InvalidGameError
            Probabilities that do not sum to 1, a number outside [0, 1], an
            expression provably outside [0, 1] for all allowed parameter
            values, NaN or infinity.
        UnknownParameterError
            An expression uses a parameter the attached space does not declare.

        Examples
        --------
        >>> g = ExtensiveFormGame(["A"])
        >>> heads, tails = g.chance(g.root, {"H": "1/3", "T": "2/3"})
        >>> g.root.probabilities["H"]
        Fraction(1, 3)
        >>> g.chance(heads, {"x": "1/2", "y": "1/3"})
        Traceback (most recent call last):
        ...
        gametheory.errors.InvalidGameError: chance node 'n1': probabilities sum to 5/6, not 1
        """
        node = self.node(node)
        where = f"chance node {node.id!r}"
        self._check_leaf(node, where)
        pairs = list(probabilities.items()) if isinstance(probabilities, Mapping) else [
            tuple(p) for p in probabilities]
        acts = self._check_actions([a for a, _ in pairs], where)
        probs: dict[str, Any] = {}
        kinds = []
        for a, v in pairs:
            value, kind = _normalize(v, f"{where}, action {a!r}", self._space)
            self._check_symbols(value, f"{where}, action {a!r}")
            probs[a] = value
            kinds.append(kind)
        self._check_probabilities(probs, _widest(kinds), where)
        id_list = self._ids_for(ids, acts, where)
        node._player = CHANCE
        node._probs = probs
        self._touch()
        return self._attach(node, acts, id_list)

    def _check_symbols(self, value: Any, where: str) -> None:
        _check_declared(value, self._declared, where)

    def _check_probabilities(self, probs: Mapping[str, Any], kind: str, where: str) -> None:
        for a, v in probs.items():
            if isinstance(v, sympy.Basic):
                for rel, side in ((sympy.Ge(v, 0), "negative"), (sympy.Le(v, 1), "above 1")):
                    if _decide(rel, self._space) is False:
                        raise InvalidGameError(
                            f"{where}: the probability of {a!r} is {v}, which is {side} for "
                            "every parameter value allowed by the assumptions and bounds"
                        )
            elif v < 0 or v > 1:
                raise InvalidGameError(
                    f"{where}: the probability of {a!r} is {format_number(v)}, outside [0, 1]"
                )
        problem = _sum_to_one_error(probs.values(), kind)
        if problem is not None:
            raise InvalidGameError(f"{where}: probabilities {problem}")

    def outcome(self, node: Node | str, payoffs: Mapping[str, Any] | Sequence[Any]) -> Node:
        """Make a leaf terminal with the given payoffs (replacing earlier payoffs).

        Parameters
        ----------
        node : Node or str
            A node without children.
        payoffs : mapping or sequence
            ``{player: payoff}`` for every player, or one payoff per player in
            order. Payoffs are ints, Fractions, floats, sympy expressions or
            text (parsed safely with the declared parameters).

        Returns
        -------
        Node
            The node.

        Raises
        ------
        InvalidGameError
            The node has children, a player is missing, NaN or infinite payoffs.
        UnknownLabelError
            An unknown player.
        UnknownParameterError
            An undeclared parameter (when a space is attached).

        Examples
        --------
        >>> g = ExtensiveFormGame(["A", "B"])
        >>> g.outcome(g.root, {"A": 1, "B": "-1/2"}).payoffs
        {'A': 1, 'B': Fraction(-1, 2)}
        """
        node = self.node(node)
        where = f"terminal node {node.id!r}"
        if node._children:
            raise InvalidGameError(f"{where}: the node has a move {list(node._children)}; "
                                   "payoffs go on nodes without children")
        if isinstance(payoffs, Mapping):
            _check_player_keys(payoffs, self._players, where, "no payoff for players")
            raw = [payoffs[p] for p in self._players]
        else:
            if isinstance(payoffs, str) or not isinstance(payoffs, Iterable):
                raise InvalidGameError(f"{where}: payoffs must be a mapping or a sequence")
            raw = list(payoffs)
            if len(raw) != self.n_players:
                raise InvalidGameError(
                    f"{where}: {len(raw)} payoffs for {self.n_players} players"
                )
        values = {}
        for p, v in zip(self._players, raw, strict=True):
            value, _ = _normalize(v, f"{where}, payoff of {p!r}", self._space)
            self._check_symbols(value, f"{where}, payoff of {p!r}")
            values[p] = value
        node._payoffs = values
        self._touch()
        return node

    terminal = outcome

    def infoset(self, nodes: Iterable[Node | str], label: str | None = None) -> Infoset:
        """Merge decision nodes of one player into one information set.

        The information sets of all the given nodes are merged (indistinguishability
        is transitive), keeping the first node's set and its action order;
        children of the other nodes are reordered to match.

        Parameters
        ----------
        nodes : iterable of Node or str
            Decision nodes (already given a move) of one player, with the same
            action labels.
        label : str, optional
            New label of the merged set (default: the first node's set label).

        Returns
        -------
        Infoset

        Raises
        ------
        InvalidGameError
            Chance or terminal nodes, nodes of different players, different
            action labels, or a label already used by another of the player's
            information sets.

        Examples
        --------
        >>> g = ExtensiveFormGame(["A", "B"])
        >>> x, y = g.move(g.root, "A", ["x", "y"])
        >>> _ = g.move(x, "B", ["l", "r"]); _ = g.move(y, "B", ["r", "l"])
        >>> g.infoset([x, y], label="B?").actions, y.actions
        (('l', 'r'), ('l', 'r'))
        """
        members = [self.node(n) for n in nodes]
        if not members:
            raise InvalidGameError("infoset: give at least one node")
        for n in members:
            if n._infoset is None:
                kind = "a chance node" if n.is_chance else "a node without a move"
                raise InvalidGameError(
                    f"infoset: node {n.id!r} is {kind}; only decision nodes of a player "
                    "form information sets (call move() first)"
                )
        players = {n.player for n in members}
        if len(players) > 1:
            who = ", ".join(f"{n.id!r} ({n.player})" for n in members)
            raise InvalidGameError(
                f"infoset: cannot merge nodes of different players into one information set: {who}"
            )
        target = members[0]._infoset
        assert target is not None
        for n in members[1:]:
            acts = n._infoset.actions  # type: ignore[union-attr]
            if set(acts) != set(target.actions) or len(acts) != len(target.actions):
                raise InvalidGameError(
                    f"infoset: node {n.id!r} has actions {list(acts)} ({len(acts)}), but "
                    f"information set {target.label!r} (node {members[0].id!r}) has "
                    f"{list(target.actions)} ({len(target.actions)}); equal action labels are "
                    "required"
                )
        player = target.player
        if label is not None:
            if not isinstance(label, str) or not label.strip():
                raise InvalidGameError(f"infoset: labels must be non-empty strings, got {label!r}")
            merged = {id(n._infoset) for n in members}
            other = self._infosets[player].get(label)
            if other is not None and id(other) not in merged:
                raise InvalidGameError(
                    f"infoset: player {player!r} already has an information set labelled {label!r}"
                )
        for n in members[1:]:
            old = n._infoset
            if old is target:
                continue
            assert old is not None
            for m in list(old._members):
                m._infoset = target
                m._children = {a: m._children[a] for a in target.actions}
                target._members.append(m)
            old._members.clear()
            del self._infosets[player][old.label]
        if label is not None and label != target.label:
            del self._infosets[player][target.label]
            target._label = label
            self._infosets[player][label] = target
        self._touch()
        return target

    def relabel_infoset(self, infoset: Infoset | str, label: str, *, player: str | None = None) -> Infoset:
        """Give an information set a new label (unique among its player's sets)."""
        target = self._resolve_infoset(infoset, None if player is None else self._player_label(player))
        if target is None:
            raise UnknownLabelError(f"no information set {infoset!r}")
        if not isinstance(label, str) or not label.strip():
            raise InvalidGameError(f"information set labels must be non-empty strings, got {label!r}")
        if label != target.label:
            if label in self._infosets[target.player]:
                raise InvalidGameError(
                    f"player {target.player!r} already has an information set labelled {label!r}"
                )
            del self._infosets[target.player][target.label]
            target._label = label
            self._infosets[target.player][label] = target
            self._touch()
        return target

    def set_label(self, node: Node | str, label: str) -> Node:
        """Set a node's free-text label."""
        node = self.node(node)
        if not isinstance(label, str):
            raise InvalidGameError(f"node labels must be strings, got {label!r}")
        node._label = label
        self._touch()
        return node

    def rename(self, node: Node | str, new_id: str) -> Node:
        """Give a node a new id (unique within the game).

        Examples
        --------
        >>> g = ExtensiveFormGame(["A"])
        >>> g.rename(g.root, "start").id, g.node("start") is g.root
        ('start', True)
        """
        node = self.node(node)
        if new_id == node._id:
            return node
        new_id = self._new_id(new_id)
        del self._nodes_by_id[node._id]
        node._id = new_id
        self._nodes_by_id[new_id] = node
        self._touch()
        return node

    def clear(self, node: Node | str) -> Node:
        """Remove the move, the subtree and the payoffs of a node: it becomes a bare leaf.

        Examples
        --------
        >>> g = ExtensiveFormGame(["A"])
        >>> _ = g.move(g.root, "A", ["x", "y"])
        >>> g.clear(g.root).is_terminal, len(g.nodes())
        (True, 1)
        """
        node = self.node(node)
        stack = [node]
        while stack:
            n = stack.pop()
            stack.extend(n._children.values())
            if n._infoset is not None:
                inf = n._infoset
                inf._members = [m for m in inf._members if m is not n]
                if not inf._members:
                    del self._infosets[inf.player][inf.label]
            if n is not node:
                del self._nodes_by_id[n._id]
        node._children = {}
        node._player = None
        node._infoset = None
        node._probs = None
        node._payoffs = None
        self._touch()
        return node

    # ================================================================ copying
    def copy(self, *, title: str | None = None) -> ExtensiveFormGame:
        """An independent copy (same node ids and information-set labels).

        Examples
        --------
        >>> g = ExtensiveFormGame(["E", "I"])
        >>> out, enter = g.move(g.root, "E", ["Out", "In"])
        >>> fight, share = g.move(enter, "I", ["Fight", "Share"])
        >>> for n, u in ((out, [0, 2]), (fight, [-1, -1]), (share, [1, 1])):
        ...     _ = g.outcome(n, u)
        >>> h = g.copy()
        >>> h == g, h.root is g.root, h.node("n3").id
        (True, False, 'n3')
        """
        return self._clone(self._root, lambda v: v, title=title)

    def subgame(self, node: Node | str) -> ExtensiveFormGame:
        """A new game whose tree is a copy of the subtree at ``node``.

        Node ids and information-set labels are kept (the new root keeps the
        node's id). The subtree should root a subgame (see
        :meth:`subgame_roots`); information sets reaching outside it are
        cut to their members inside.
        """
        node = self.node(node)
        return self._clone(node, lambda v: v)

    def _clone(self, start: Node, fn: Any, *, title: str | None = None,
               space: Any = "same") -> ExtensiveFormGame:
        new = ExtensiveFormGame(self._players, title=self.title if title is None else title,
                                space=self._space if space == "same" else space)
        new.description = self.description
        new._next_id = self._next_id
        del new._nodes_by_id["root"]
        new._root._id = start._id
        new._root._label = start._label
        new._nodes_by_id[start._id] = new._root
        stack = [(start, new._root)]
        while stack:
            old, nn = stack.pop()
            if old._payoffs is not None:
                nn._payoffs = {p: fn(v) for p, v in old._payoffs.items()}
            if not old._children:
                continue
            nn._player = old._player
            if old._probs is not None:
                nn._probs = {a: fn(v) for a, v in old._probs.items()}
            if old._infoset is not None:
                inf = new._infosets[old._player].get(old._infoset.label)  # type: ignore[index]
                if inf is None:
                    inf = Infoset(new, old._infoset.label, old._infoset.player, old._infoset.actions)
                    new._infosets[inf.player][inf.label] = inf
                inf._members.append(nn)
                nn._infoset = inf
            for a, child in old._children.items():
                c = Node(new, child._id, nn, a)
                c._label = child._label
                nn._children[a] = c
                new._nodes_by_id[c._id] = c
                stack.append((child, c))
        # keep the original infoset order (by first appearance of members in the source)
        for p in self._players:
            order = {label: k for k, label in enumerate(self._infosets[p])}
            new._infosets[p] = dict(sorted(new._infosets[p].items(),
                                           key=lambda kv: order.get(kv[0], len(order))))
        new._touch()
        return new

    # ================================================================ traversal
    def nodes(self) -> list[Node]:
        """All nodes in pre-order (root first, children in action order).

        Examples
        --------
        >>> g = ExtensiveFormGame(["E", "I"])
        >>> out, enter = g.move(g.root, "E", ["Out", "In"])
        >>> fight, share = g.move(enter, "I", ["Fight", "Share"])
        >>> for n, u in ((out, [0, 2]), (fight, [-1, -1]), (share, [1, 1])):
        ...     _ = g.outcome(n, u)
        >>> [n.id for n in g.nodes()], [n.id for n in g.terminals()]
        (['root', 'n1', 'n2', 'n3', 'n4'], ['n1', 'n3', 'n4'])
        """
        return list(self._cached("preorder", self._compute_preorder))

    def _compute_preorder(self) -> tuple[Node, ...]:
        out = []
        stack = [self._root]
        while stack:
            n = stack.pop()
            out.append(n)
            stack.extend(reversed(list(n._children.values())))
        return tuple(out)

    def _preorder(self) -> tuple[Node, ...]:
        return self._cached("preorder", self._compute_preorder)

    def _preorder_index(self) -> dict[Node, int]:
        return self._cached("preorder_index",
                            lambda: {n: i for i, n in enumerate(self._preorder())})

    def terminals(self) -> list[Node]:
        """Terminal nodes (and leaves without a move yet) in pre-order."""
        return [n for n in self._preorder() if not n._children]

    def infosets(self, player: str | int | None = None) -> list[Infoset]:
        """Information sets in order of their first node in pre-order.

        Parameters
        ----------
        player : str or int, optional
            Only this player's sets (default: all players').

        Examples
        --------
        >>> g = ExtensiveFormGame(["E", "I"])
        >>> out, enter = g.move(g.root, "E", ["Out", "In"])
        >>> fight, share = g.move(enter, "I", ["Fight", "Share"])
        >>> for n, u in ((out, [0, 2]), (fight, [-1, -1]), (share, [1, 1])):
        ...     _ = g.outcome(n, u)
        >>> [(inf.label, inf.player, inf.actions) for inf in g.infosets("I")]
        [('I:1', 'I', ('Fight', 'Share'))]
        """
        ordered = self._cached("infoset_order", self._compute_infoset_order)
        if player is None:
            return list(ordered)
        pname = self._player_label(player)
        return [inf for inf in ordered if inf.player == pname]

    def _compute_infoset_order(self) -> tuple[Infoset, ...]:
        seen: dict[int, Infoset] = {}
        for n in self._preorder():
            inf = n._infoset
            if inf is not None and id(inf) not in seen:
                seen[id(inf)] = inf
        return tuple(seen.values())

    def get_infoset(self, label: str, player: str | int | None = None) -> Infoset:
        """The information set with this label (give ``player`` if several players use it)."""
        pname = None if player is None else self._player_label(player)
        found = self._resolve_infoset(label, pname)
        if found is None:
            who = f" of {pname!r}" if pname else ""
            raise UnknownLabelError(f"no information set {label!r}{who}")
        return found

    def _infoset_by_label(self, player: str, label: str) -> Infoset:
        try:
            return self._infosets[player][label]
        except KeyError:
            raise UnknownLabelError(
                f"player {player!r} has no information set {label!r}; "
                f"information sets are {list(self._infosets.get(player, {}))}"
            ) from None

    # ================================================================ validity
    def validate(self) -> None:
        """Check that the tree is finished: every node without children has payoffs.

        Raises
        ------
        InvalidGameError
            Naming (up to ten of) the leaves without payoffs.

        Examples
        --------
        >>> g = ExtensiveFormGame(["A"])
        >>> _ = g.move(g.root, "A", ["x", "y"])
        >>> g.validate()
        Traceback (most recent call last):
        ...
        gametheory.errors.InvalidGameError: the tree is not finished: leaves without payoffs: ['n1', 'n2'] (give them payoffs with outcome(), or a move)
        """
        self._cached("validated", self._compute_validate)

    def _compute_validate(self) -> bool:
        missing = [n.id for n in self._preorder() if not n._children and n._payoffs is None]
        if missing:
            more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
            raise InvalidGameError(
                f"the tree is not finished: leaves without payoffs: {missing[:10]}{more} "
                "(give them payoffs with outcome(), or a move)"
            )
        return True

    @property
    def is_finished(self) -> bool:
        """True when every leaf has payoffs."""
        try:
            self.validate()
        except InvalidGameError:
            return False
        return True

    # ================================================================ kinds and parameters
    def _values(self) -> Iterator[Any]:
        for n in self._preorder():
            if n._payoffs is not None:
                yield from n._payoffs.values()
            if n._probs is not None:
                yield from n._probs.values()

    @property
    def kind(self) -> str:
        """``"integer"``, ``"rational"``, ``"float"`` or ``"symbolic"``: the widest number kind
        among payoffs and chance probabilities."""
        def compute() -> str:
            kinds = []
            for v in self._values():
                if isinstance(v, bool):  # pragma: no cover - rejected on input
                    continue
                if isinstance(v, int):
                    kinds.append("integer")
                elif isinstance(v, Fraction):
                    kinds.append("integer" if v.denominator == 1 else "rational")
                elif isinstance(v, float):
                    kinds.append("float")
                else:
                    kinds.append("symbolic")
            return _widest(kinds)

        return self._cached("kind", compute)

    @property
    def is_exact(self) -> bool:
        """True when all payoffs and probabilities are integers or rationals."""
        return self.kind in EXACT_KINDS

    @property
    def is_symbolic(self) -> bool:
        """True when some payoff or probability is a sympy expression."""
        return self.kind == "symbolic"

    @property
    def _domain(self) -> str:
        return _domain_of(self.kind)

    @property
    def parameters(self) -> tuple[sympy.Symbol, ...]:
        """Free parameters of payoffs and probabilities, sorted by name."""
        return self._cached("parameters", lambda: _free_symbols(self._values()))

    def numeric_check(self, method: str = "this method") -> None:
        """Raise :class:`SymbolicGameError` if payoffs or probabilities have free parameters."""
        if self.is_symbolic:
            raise _free_parameters_error(method, "the tree", self.parameters)

    def chance_validity_conditions(self) -> list[Any]:
        """Conditions on the parameters under which every chance probability lies in [0, 1].

        For each symbolic probability :math:`q` the conditions :math:`q \\ge 0`
        and :math:`q \\le 1` are simplified; those that hold for every value
        allowed by the symbols' assumptions and the attached space's bounds
        are dropped. (Probabilities always sum to 1: that is checked when the
        chance move is made.)

        Returns
        -------
        list of sympy relationals
            Empty when the probabilities are valid for all allowed values.

        Raises
        ------
        InvalidGameError
            A probability is outside [0, 1] for every allowed value.

        Examples
        --------
        >>> import sympy
        >>> from gametheory.games.extensive import ExtensiveFormGame
        >>> p = sympy.Symbol("p", real=True)
        >>> g = ExtensiveFormGame(["A"])
        >>> _ = g.chance(g.root, {"s": p, "f": 1 - p})
        >>> g.chance_validity_conditions()
        [p >= 0, p <= 1]
        """
        return list(self._cached("chance_conditions", self._compute_chance_conditions))

    def _compute_chance_conditions(self) -> tuple[Any, ...]:
        out: list[Any] = []
        seen: set[Any] = set()
        for n in self._preorder():
            if n._probs is None:
                continue
            for a, v in n._probs.items():
                if not isinstance(v, sympy.Basic):
                    continue
                for rel in (sympy.Ge(v, 0), sympy.Le(v, 1)):
                    verdict = _decide(rel, self._space)
                    if verdict is True:
                        continue
                    if verdict is False:
                        raise InvalidGameError(
                            f"chance node {n.id!r}: the probability of {a!r} ({v}) is outside "
                            "[0, 1] for every allowed parameter value"
                        )
                    with contextlib.suppress(Exception):  # keep the unsimplified form
                        rel = rel.simplify()
                    if rel is sympy.true:
                        continue
                    key = _canonical(rel)
                    if key not in seen:
                        seen.add(key)
                        out.append(rel)
        return tuple(out)

    # ================================================================ substitution
    def at(self, **values: Any) -> ExtensiveFormGame:
        """Substitute parameter values; exact when the values are rational.

        Parameters
        ----------
        **values
            ``name=value`` for free parameters (ints, Fractions, strings such as
            ``"1/2"`` or ``"0.3"`` read exactly, sympy numbers, or floats, which
            give a float game). Parameters left out stay symbolic; declared
            parameters absent from the tree are ignored.

        Returns
        -------
        ExtensiveFormGame
            A new game with the same node ids and information sets.

        Raises
        ------
        UnknownParameterError
            A name that is neither a free parameter nor a declared one.
        InvalidGameError
            A chance probability outside [0, 1] at these values.

        Examples
        --------
        >>> import sympy
        >>> p = sympy.Symbol("p", nonnegative=True)
        >>> g = ExtensiveFormGame(["A"])
        >>> s, f = g.chance(g.root, {"s": p, "f": 1 - p})
        >>> _ = g.outcome(s, [p]); _ = g.outcome(f, [0])
        >>> h = g.at(p="1/4")
        >>> h.kind, h.root.probabilities["f"], h.payoff(h.node("n1"))
        ('rational', Fraction(3, 4), {'A': Fraction(1, 4)})
        >>> g.at(p=2)
        Traceback (most recent call last):
        ...
        gametheory.errors.InvalidGameError: chance node 'root': the probability of 's' is 2, outside [0, 1]
        """
        subs = _substitutions(self.parameters, self._declared or (), values, _sympy_value)
        new = self._clone(self._root, lambda v: _substitute(v, subs))
        for n in new._preorder():
            if n._probs is not None and subs:
                kinds = [_normalize(v, "probability")[1] for v in n._probs.values()]
                new._check_probabilities(n._probs, _widest(kinds), f"chance node {n.id!r}")
        return new

    # ================================================================ structure
    @property
    def is_perfect_information(self) -> bool:
        """True when every information set has one node."""
        return all(len(inf._members) == 1 for d in self._infosets.values() for inf in d.values())

    def perfect_recall_violations(self) -> list[tuple[str, str, str]]:
        """Why the game lacks perfect recall: ``(player, infoset label, explanation)`` triples.

        Empty when the game has perfect recall. A violation is an information
        set whose nodes are reached after different sequences of the player's
        own moves (including a node and its descendant in one set).
        """
        return list(self._cached("recall", self._compute_recall))

    def _compute_recall(self) -> tuple[tuple[str, str, str], ...]:
        n_pl = self.n_players
        last: dict[Node, tuple[Any, ...]] = {self._root: (None,) * n_pl}
        first_seen: dict[int, tuple[Node, Any]] = {}
        bad: dict[int, tuple[str, str, str]] = {}
        for node in self._preorder():
            hist = last[node]
            inf = node._infoset
            if inf is not None:
                i = self._player_index[inf.player]
                mine = hist[i]
                prev = first_seen.get(id(inf))
                if prev is None:
                    first_seen[id(inf)] = (node, mine)
                elif prev[1] != mine and id(inf) not in bad:
                    def show(x: Any) -> str:
                        return "no earlier move" if x is None else f"{x[1]!r} at {x[0]!r}"
                    bad[id(inf)] = (
                        inf.player,
                        inf.label,
                        f"nodes {prev[0].id!r} and {node.id!r} of information set {inf.label!r} "
                        f"are reached after different own moves of {inf.player!r} "
                        f"({show(prev[1])} vs {show(mine)})",
                    )
            for a, child in node._children.items():
                if inf is not None:
                    h = list(hist)
                    h[self._player_index[inf.player]] = (inf.label, a)
                    last[child] = tuple(h)
                else:
                    last[child] = hist
        return tuple(bad.values())

    def has_perfect_recall(self) -> bool:
        """True when every player always remembers their own earlier moves and information.

        See :meth:`perfect_recall_violations` for the reasons when it is false.

        Examples
        --------
        >>> g = ExtensiveFormGame(["E", "I"])
        >>> out, enter = g.move(g.root, "E", ["Out", "In"])
        >>> fight, share = g.move(enter, "I", ["Fight", "Share"])
        >>> for n, u in ((out, [0, 2]), (fight, [-1, -1]), (share, [1, 1])):
        ...     _ = g.outcome(n, u)
        >>> g.has_perfect_recall(), g.perfect_recall_violations()
        (True, [])
        """
        return not self._cached("recall", self._compute_recall)

    def check_perfect_recall(self, method: str = "this method") -> None:
        """Raise :class:`MethodNotApplicableError` naming the first offending information set.

        Examples
        --------
        >>> g = ExtensiveFormGame(["A"])
        >>> x, y = g.move(g.root, "A", ["x", "y"])
        >>> _ = g.move(x, "A", ["l", "r"]); _ = g.move(y, "A", ["l", "r"])
        >>> _ = g.infoset([x, y], label="forgetful")
        >>> g.check_perfect_recall("sequence_form")
        Traceback (most recent call last):
        ...
        gametheory.errors.MethodNotApplicableError: sequence_form needs perfect recall, but player 'A' forgets at information set 'forgetful': nodes 'n1' and 'n2' of information set 'forgetful' are reached after different own moves of 'A' ('x' at 'A:1' vs 'y' at 'A:1')
        """
        bad = self.perfect_recall_violations()
        if bad:
            player, label, why = bad[0]
            more = f" (and {len(bad) - 1} more information sets)" if len(bad) > 1 else ""
            raise MethodNotApplicableError(
                f"{method} needs perfect recall, but player {player!r} forgets at information "
                f"set {label!r}: {why}{more}"
            )

    def subgame_roots(self) -> list[Node]:
        """Roots of subgames in pre-order (the root first; terminal nodes excluded).

        A non-terminal node roots a subgame when its information set is a
        singleton (or it is a chance node) and every information set meeting
        its subtree lies inside the subtree (Selten 1975). Subtrees with only
        chance moves count too, as in Gambit.

        Examples
        --------
        >>> g = ExtensiveFormGame(["E", "I"])
        >>> out, enter = g.move(g.root, "E", ["Out", "In"])
        >>> fight, share = g.move(enter, "I", ["Fight", "Share"])
        >>> for n, u in ((out, [0, 2]), (fight, [-1, -1]), (share, [1, 1])):
        ...     _ = g.outcome(n, u)
        >>> [n.id for n in g.subgame_roots()]
        ['root', 'n2']
        >>> _ = g.infoset([g.root])  # still singletons: nothing changes
        >>> g.subgame(enter).players, [n.id for n in g.subgame(enter).nodes()]
        (('E', 'I'), ['n2', 'n3', 'n4'])
        """
        return list(self._cached("subgames", self._compute_subgames))

    def _compute_subgames(self) -> tuple[Node, ...]:
        order = self._preorder()
        index = self._preorder_index()
        lo_inf: dict[int, int] = {}
        hi_inf: dict[int, int] = {}
        for d in self._infosets.values():
            for inf in d.values():
                idx = [index[m] for m in inf._members]
                lo_inf[id(inf)] = min(idx)
                hi_inf[id(inf)] = max(idx)
        n = len(order)
        end = [0] * n  # last pre-order index in the subtree
        lo = [0] * n
        hi = [0] * n
        for k in range(n - 1, -1, -1):
            node = order[k]
            e, low, high = k, k, k
            if node._infoset is not None:
                low = lo_inf[id(node._infoset)]
                high = hi_inf[id(node._infoset)]
            for child in node._children.values():
                c = index[child]
                e = max(e, end[c])
                low = min(low, lo[c])
                high = max(high, hi[c])
            end[k], lo[k], hi[k] = e, low, high
        return tuple(
            node for k, node in enumerate(order)
            if node._children and lo[k] >= k and hi[k] <= end[k]
        )

    @property
    def is_zero_sum(self) -> bool:
        """True when the payoffs sum to zero at every terminal node (exactly)."""
        return self._sums_constant(zero=True)

    @property
    def is_constant_sum(self) -> bool:
        """True when the payoffs sum to the same constant at every terminal node (exactly)."""
        return self._sums_constant(zero=False)

    def _sums_constant(self, zero: bool) -> bool:
        self.validate()
        sums = [sum((to_sympy(v) if self.is_symbolic else v) for v in n._payoffs.values())  # type: ignore[union-attr]
                for n in self.terminals()]
        target = 0 if zero else sums[0]
        if self.is_symbolic:
            return all(sympy.simplify(to_sympy(s) - target) == 0 for s in sums)
        if self.kind == "float":
            scale = max([1.0] + [abs(float(v)) for v in self._values()])
            return all(abs(float(s) - float(target)) <= 1e-12 * scale for s in sums)
        return all(s == target for s in sums)

    # ================================================================ payoffs and chance
    def payoff(self, node: Node | str) -> dict[str, Any]:
        """Payoffs ``{player: value}`` at a terminal node.

        Raises
        ------
        InvalidGameError
            The node is not terminal or has no payoffs yet.

        Examples
        --------
        >>> g = ExtensiveFormGame(["E", "I"])
        >>> out, enter = g.move(g.root, "E", ["Out", "In"])
        >>> fight, share = g.move(enter, "I", ["Fight", "Share"])
        >>> for n, u in ((out, [0, 2]), (fight, [-1, -1]), (share, [1, 1])):
        ...     _ = g.outcome(n, u)
        >>> g.payoff("n4")
        {'E': 1, 'I': 1}
        """
        node = self.node(node)
        if node._children:
            raise InvalidGameError(f"node {node.id!r} is not terminal (actions {node.actions})")
        if node._payoffs is None:
            raise InvalidGameError(f"terminal node {node.id!r} has no payoffs yet")
        return dict(node._payoffs)

    def reach_probability(self, node: Node | str) -> Any:
        """Product of the chance probabilities on the path to ``node``.

        This is the probability of reaching ``node`` when every player chooses
        the actions on its path (exact, float or sympy, as the game).

        Examples
        --------
        >>> g = ExtensiveFormGame(["A"])
        >>> a, b = g.chance(g.root, {"a": "1/3", "b": "2/3"})
        >>> x, y = g.chance(b, {"x": "1/2", "y": "1/2"})
        >>> g.reach_probability(y)
        Fraction(1, 3)
        """
        node = self.node(node)
        domain = self._domain
        w: Any = sympy.Integer(1) if domain == "symbolic" else (1.0 if domain == "float" else 1)
        for anc, a in node.path:
            if anc._probs is not None:
                w = w * _to_domain(anc._probs[a], domain)
        return w

    def _chance_weights(self, domain: str) -> dict[Node, Any]:
        one = sympy.Integer(1) if domain == "symbolic" else (1.0 if domain == "float" else 1)
        w: dict[Node, Any] = {self._root: one}
        for n in self._preorder():
            wn = w[n]
            for a, c in n._children.items():
                w[c] = wn * _to_domain(n._probs[a], domain) if n._probs is not None else wn
        return w

    # ================================================================ strategies
    def _player_infosets(self, player: str) -> tuple[Infoset, ...]:
        return tuple(self.infosets(player))

    def _strategies(self, player: str, reduced: bool) -> tuple[tuple[int, ...], ...]:
        """Strategies as tuples of action indices per infoset (-1: unreachable, '*')."""
        return self._cached(("strategies", player, reduced),
                            lambda: self._compute_strategies(player, reduced))

    def _compute_strategies(self, player: str, reduced: bool) -> tuple[tuple[int, ...], ...]:
        infs = self._player_infosets(player)
        if not reduced:
            return tuple(itertools.product(*(range(len(inf.actions)) for inf in infs)))
        pos = {id(inf): k for k, inf in enumerate(infs)}
        results: list[tuple[int, ...]] = []
        work: list[tuple[list[Node], list[int]]] = [([self._root], [-1] * len(infs))]
        while work:
            pending, assign = work.pop()
            branched = False
            while pending:
                n = pending.pop()
                if not n._children:
                    continue
                inf = n._infoset
                if inf is None or inf.player != player:
                    pending.extend(n._children.values())
                    continue
                k = pos[id(inf)]
                kids = list(n._children.values())
                if assign[k] >= 0:
                    pending.append(kids[assign[k]])
                    continue
                for ai in reversed(range(len(kids))):
                    a2 = assign.copy()
                    a2[k] = ai
                    work.append((pending + [kids[ai]], a2))
                branched = True
                break
            if not branched:
                results.append(tuple(assign))
        return tuple(sorted(results))

    def _strategy_labels(self, player: str, reduced: bool) -> tuple[str, ...]:
        infs = self._player_infosets(player)
        raw = []
        for s in self._strategies(player, reduced):
            if not infs:
                raw.append("*")
            else:
                raw.append("/".join(infs[k].actions[a] if a >= 0 else "*" for k, a in enumerate(s)))
        return tuple(dedupe_labels(raw))

    def reduced_strategies(self, player: str | int, *, reduced: bool = True) -> tuple[str, ...]:
        """Labels of a player's (reduced) pure strategies, in normal-form order.

        A label lists the action at each of the player's information sets in
        the order of :meth:`infosets`, joined by ``/``, with ``*`` where the
        player's own earlier actions make the set unreachable; a player who
        never moves has the single strategy ``"*"``.
        """
        self.validate()
        return self._strategy_labels(self._player_label(player), reduced)

    def strategy_map(self, *, reduced: bool = True) -> dict[str, dict[str, dict[str, str | None]]]:
        """Each (reduced) strategy's pure behaviour: ``{player: {label: {infoset: action or None}}}``.

        ``None`` marks information sets the strategy leaves open (unreachable
        by the player's own choices). Labels are those of :meth:`to_normal_form`.

        Examples
        --------
        >>> g = ExtensiveFormGame(["A", "B"])
        >>> stop, go = g.move(g.root, "A", ["stop", "go"])
        >>> _ = g.outcome(stop, [1, 0])
        >>> left, right = g.move(go, "B", ["l", "r"])
        >>> _ = g.outcome(left, [0, 2])
        >>> a, b = g.move(right, "A", ["a", "b"])
        >>> _ = g.outcome(a, [3, 1]); _ = g.outcome(b, [0, 0])
        >>> g.strategy_map()["A"]
        {'stop/*': {'A:1': 'stop', 'A:2': None}, 'go/a': {'A:1': 'go', 'A:2': 'a'}, 'go/b': {'A:1': 'go', 'A:2': 'b'}}
        """
        self.validate()
        out: dict[str, dict[str, dict[str, str | None]]] = {}
        for p in self._players:
            infs = self._player_infosets(p)
            labels = self._strategy_labels(p, reduced)
            out[p] = {
                lab: {inf.label: (inf.actions[a] if a >= 0 else None) for inf, a in zip(infs, s, strict=True)}
                for lab, s in zip(labels, self._strategies(p, reduced), strict=True)
            }
        return out

    def _terminal_requirements(self) -> list[tuple[Node, list[list[tuple[int, int]]]]]:
        """For each terminal: per player, the (infoset position, action index) pairs on its path."""
        def compute() -> list[tuple[Node, list[list[tuple[int, int]]]]]:
            pos: dict[int, int] = {}
            for p in self._players:
                for k, inf in enumerate(self._player_infosets(p)):
                    pos[id(inf)] = k
            out = []
            reqs: dict[Node, tuple[tuple[int, int, int], ...]] = {self._root: ()}
            for n in self._preorder():
                r = reqs[n]
                if not n._children:
                    per: list[list[tuple[int, int]]] = [[] for _ in self._players]
                    for i, k, a in r:
                        per[i].append((k, a))
                    out.append((n, per))
                    continue
                here = n._infoset
                for ai, c in enumerate(n._children.values()):
                    if here is not None:
                        reqs[c] = r + ((self._player_index[here.player], pos[id(here)], ai),)
                    else:
                        reqs[c] = r
            return out

        return self._cached("requirements", compute)

    def to_normal_form(self, reduced: bool = True) -> NormalFormGame:
        """The (reduced) normal form: expected payoffs of pure strategy profiles.

        Parameters
        ----------
        reduced : bool, default True
            Merge strategies that differ only at information sets made
            unreachable by the player's own earlier moves (Gambit's reduced
            strategic form). ``False`` gives the full normal form (one action
            at every information set).

        Returns
        -------
        NormalFormGame
            Same players; strategy labels as in :meth:`reduced_strategies`;
            payoffs exact for exact trees, float for float trees, and sympy
            expressions (expanded) for symbolic trees; the same parameter space.

        Raises
        ------
        InvalidGameError
            The tree is not finished.

        See Also
        --------
        strategy_map : the behaviour of each strategy.

        Notes
        -----
        Expected payoffs average over chance: profile :math:`s` gets
        :math:`\\sum_z P_c(z) u(z)` over the terminals :math:`z` whose path is
        consistent with every player's strategy, :math:`P_c(z)` being the
        product of chance probabilities on the path.

        Examples
        --------
        >>> g = ExtensiveFormGame(["A", "B"])
        >>> stop, go = g.move(g.root, "A", ["stop", "go"])
        >>> _ = g.outcome(stop, [1, 0])
        >>> left, right = g.move(go, "B", ["l", "r"])
        >>> _ = g.outcome(left, [0, 2])
        >>> a, b = g.move(right, "A", ["a", "b"])
        >>> _ = g.outcome(a, [3, 1]); _ = g.outcome(b, [0, 0])
        >>> nf = g.to_normal_form()
        >>> nf.strategies
        (('stop/*', 'go/a', 'go/b'), ('l', 'r'))
        >>> nf.payoff_array("A").tolist()
        [[1, 1], [0, 3], [0, 0]]
        >>> g.to_normal_form(reduced=False).shape
        (4, 2)
        """
        self.validate()
        return self._cached(("normal_form", bool(reduced)), lambda: self._compute_nf(bool(reduced)))

    def _compute_nf(self, reduced: bool) -> NormalFormGame:
        domain = self._domain
        strats = []
        for p in self._players:
            rows = self._strategies(p, reduced)
            strats.append(np.array(rows, dtype=np.int64).reshape(
                len(rows), len(self._player_infosets(p))))
        shape = tuple(len(s) for s in strats)
        if domain == "float":
            arrays = [np.zeros(shape, dtype=np.float64) for _ in self._players]
        else:
            zero = sympy.Integer(0) if domain == "symbolic" else 0
            arrays = []
            for _ in self._players:
                arr = np.empty(shape, dtype=object)
                arr.fill(zero)
                arrays.append(arr)
        weights = self._chance_weights(domain)
        for z, per in self._terminal_requirements():
            w = weights[z]
            if w == 0:
                continue
            idx = []
            for i, req in enumerate(per):
                mask = np.ones(shape[i], dtype=bool)
                for k, a in req:
                    mask &= strats[i][:, k] == a
                found = np.nonzero(mask)[0]
                if not len(found):
                    break
                idx.append(found)
            else:
                grid = np.ix_(*idx)
                for i, p in enumerate(self._players):
                    u = _to_domain(z._payoffs[p], domain)  # type: ignore[index]
                    arrays[i][grid] += w * u
        if domain == "symbolic":
            for arr in arrays:
                arr.flat[:] = [sympy.expand(v) for v in arr.flat]
        labels = [self._strategy_labels(p, reduced) for p in self._players]
        return NormalFormGame(arrays, players=self._players, strategies=labels,
                              title=self.title, space=self._space)

    # ================================================================ sequence form
    def sequence_form(self) -> SequenceForm:
        """The sequence form (Koller, Megiddo and von Stengel 1996; von Stengel 1996).

        Returns
        -------
        SequenceForm
            Sequences, constraint matrices :math:`E_i, e_i` and sparse payoffs;
            for two players also ``A``, ``B``, ``E``, ``F``, ``e``, ``f``.

        Raises
        ------
        MethodNotApplicableError
            The game lacks perfect recall (the offending information set is named).
        InvalidGameError
            The tree is not finished.

        Examples
        --------
        >>> g = ExtensiveFormGame(["1", "2"])
        >>> l, r = g.move(g.root, "1", ["L", "R"])
        >>> _ = g.outcome(l, [1, -1])
        >>> a, b = g.move(r, "2", ["a", "b"])
        >>> _ = g.outcome(a, [3, 0]); _ = g.outcome(b, [0, 2])
        >>> sf = g.sequence_form()
        >>> sf.sequences[0]
        ((), (('1:1', 'L'),), (('1:1', 'R'),))
        >>> sf.E.tolist(), sf.e.tolist()
        ([[1, 0, 0], [-1, 1, 1]], [1, 0])
        >>> sf.A.tolist()
        [[0, 0, 0], [1, 0, 0], [0, 3, 0]]
        """
        self.validate()
        self.check_perfect_recall("sequence_form")
        return self._cached("sequence_form", self._compute_sequence_form)

    def _compute_sequence_form(self) -> SequenceForm:
        domain = self._domain
        n_pl = self.n_players
        seqs: list[list[tuple]] = []
        index: list[dict[tuple, int]] = []
        inf_labels: list[tuple[str, ...]] = []
        parents: list[tuple[int, ...]] = []
        # own history of each infoset (the sequence leading to it)
        history: dict[int, tuple] = {}
        last: dict[Node, tuple] = {self._root: ((),) * n_pl}
        for node in self._preorder():
            h = last[node]
            inf = node._infoset
            if inf is not None and id(inf) not in history:
                history[id(inf)] = h[self._player_index[inf.player]]
            for a, c in node._children.items():
                if inf is not None:
                    hh = list(h)
                    i = self._player_index[inf.player]
                    hh[i] = hh[i] + ((inf.label, a),)
                    last[c] = tuple(hh)
                else:
                    last[c] = h
        constraints = []
        rhs = []
        for p in self._players:
            infs = self._player_infosets(p)
            s_list: list[tuple] = [()]
            for inf in infs:
                base = history[id(inf)]
                s_list.extend(base + ((inf.label, a),) for a in inf.actions)
            idx = {s: k for k, s in enumerate(s_list)}
            E = np.zeros((1 + len(infs), len(s_list)), dtype=np.int64)
            E[0, 0] = 1
            par = []
            for r, inf in enumerate(infs, start=1):
                base = history[id(inf)]
                E[r, idx[base]] = -1
                par.append(idx[base])
                for a in inf.actions:
                    E[r, idx[base + ((inf.label, a),)]] = 1
            e = np.zeros(1 + len(infs), dtype=np.int64)
            e[0] = 1
            E.setflags(write=False)
            e.setflags(write=False)
            seqs.append(s_list)
            index.append(idx)
            inf_labels.append(tuple(inf.label for inf in infs))
            parents.append(tuple(par))
            constraints.append(E)
            rhs.append(e)
        weights = self._chance_weights(domain)
        payoffs: dict[tuple[int, ...], tuple[Any, ...]] = {}
        for z in self.terminals():
            w = weights[z]
            if w == 0:
                continue
            key = tuple(index[i][last[z][i]] for i in range(n_pl))
            vals = tuple(w * _to_domain(z._payoffs[p], domain) for p in self._players)  # type: ignore[index]
            if key in payoffs:
                vals = tuple(x + y for x, y in zip(payoffs[key], vals, strict=True))
            payoffs[key] = vals
        if domain == "symbolic":
            payoffs = {k: tuple(sympy.expand(v) for v in vals) for k, vals in payoffs.items()}
        return SequenceForm(
            game=self,
            players=self._players,
            sequences=tuple(tuple(s) for s in seqs),
            infosets=tuple(inf_labels),
            parent_sequence=tuple(parents),
            constraints=tuple(constraints),
            rhs=tuple(rhs),
            payoffs=payoffs,
            domain=domain,
            _index=tuple(index),
        )

    # ================================================================ dict form
    @classmethod
    def from_dict(cls, data: Mapping[str, Any], space: Any = None) -> ExtensiveFormGame:
        """Build a game from its dict (TOML) form.

        Parameters
        ----------
        data : mapping
            ``players`` (list of labels; default: the movers in order of first
            appearance in ``nodes``, then any other payoff keys), optional
            ``title``, ``description``,
            ``kind = "extensive"`` and ``root`` (an id; default: the one node no
            move leads to), ``nodes``: a list of tables, each either a decision
            node ``{id, player, infoset (optional label), moves = {action:
            child_id}}`` or a chance node ``{id, chance = {action: probability},
            next = {action: child_id}}``; and ``terminals = {id: {player:
            payoff}}``. Payoffs and probabilities are numbers or text parsed
            safely by :func:`gametheory.parameters.parse_expression` (declared
            parameter names, ``+ - * / **``, ...). Decision nodes with the same
            player and ``infoset`` label share an information set.
        space : ParameterSpace, optional
            The declared parameters.

        Returns
        -------
        ExtensiveFormGame

        Raises
        ------
        InvalidGameError
            Unknown keys, missing or duplicate ids, a node with two parents
            (shared child), cycles, unreachable nodes, mismatched infosets, bad
            probabilities.
        ParseError, UnknownParameterError
            Bad expressions (the message names the node and key).

        Examples
        --------
        >>> d = {"players": ["A", "B"],
        ...      "nodes": [{"id": "a", "player": "A", "moves": {"L": "c", "R": "t3"}},
        ...                {"id": "c", "chance": {"h": "1/2", "t": "1/2"},
        ...                 "next": {"h": "t1", "t": "t2"}}],
        ...      "terminals": {"t1": {"A": 1, "B": 0}, "t2": {"A": 0, "B": 1},
        ...                    "t3": {"A": "1/2", "B": "1/2"}}}
        >>> g = ExtensiveFormGame.from_dict(d)
        >>> g.root.id, g.to_normal_form()["L", "*"]
        ('a', (Fraction(1, 2), Fraction(1, 2)))
        >>> ExtensiveFormGame.from_dict(d) == g and g.to_dict() == ExtensiveFormGame.from_dict(
        ...     g.to_dict()).to_dict()
        True
        """
        if not isinstance(data, Mapping):
            raise InvalidGameError(f"extensive game: expected a table, got {type(data).__name__}")
        allowed = {"players", "title", "description", "kind", "nodes", "terminals", "root"}
        unknown = sorted(k for k in data if k not in allowed)
        if unknown:
            raise InvalidGameError(
                f"extensive game: unknown keys {unknown}; allowed: {sorted(allowed)}"
            )
        if data.get("kind", "extensive") != "extensive":
            raise InvalidGameError(f"extensive game: kind must be 'extensive', got {data['kind']!r}")
        nodes = data.get("nodes", [])
        terminals = data.get("terminals", {})
        if "players" in data:
            players = list(data["players"])
        else:  # in order of first appearance: movers, then terminal payoff keys
            players = []
            for entry in nodes if isinstance(nodes, list) else []:
                who = entry.get("player") if isinstance(entry, Mapping) else None
                if isinstance(who, str) and who not in players:
                    players.append(who)
            for pay in terminals.values() if isinstance(terminals, Mapping) else []:
                for who in pay if isinstance(pay, Mapping) else []:
                    if who not in players:
                        players.append(who)
        game = cls(players, title=str(data.get("title", "")), space=space)
        game.description = str(data.get("description", ""))
        if isinstance(nodes, Mapping | str) or not isinstance(nodes, Iterable):
            raise InvalidGameError("extensive game: 'nodes' must be a list of tables")
        if not isinstance(terminals, Mapping):
            raise InvalidGameError("extensive game: 'terminals' must be a table {id: {player: payoff}}")
        table: dict[str, Mapping[str, Any]] = {}
        node_keys = {"id", "player", "infoset", "moves", "chance", "next", "label"}
        for k, entry in enumerate(nodes):
            if not isinstance(entry, Mapping):
                raise InvalidGameError(f"nodes[{k}]: expected a table, got {entry!r}")
            nid = entry.get("id")
            if not isinstance(nid, str) or not nid.strip():
                raise InvalidGameError(f"nodes[{k}]: missing or empty 'id'")
            bad = sorted(key for key in entry if key not in node_keys)
            if bad:
                raise InvalidGameError(f"node {nid!r}: unknown keys {bad}; allowed: {sorted(node_keys)}")
            if nid in table:
                raise InvalidGameError(f"node id {nid!r} appears twice in 'nodes'")
            if nid in terminals:
                raise InvalidGameError(f"node id {nid!r} is both a node and a terminal")
            is_chance = "chance" in entry
            if is_chance:
                if "player" in entry or "moves" in entry or "infoset" in entry:
                    raise InvalidGameError(
                        f"node {nid!r}: a chance node has 'chance' and 'next', not "
                        "'player', 'infoset' or 'moves'"
                    )
                probs, nxt = entry.get("chance"), entry.get("next")
                if not isinstance(probs, Mapping) or not isinstance(nxt, Mapping):
                    raise InvalidGameError(
                        f"node {nid!r}: 'chance' and 'next' must be tables keyed by action"
                    )
                if set(probs) != set(nxt):
                    raise InvalidGameError(
                        f"node {nid!r}: 'chance' has actions {list(probs)} but 'next' has {list(nxt)}"
                    )
            else:
                if "player" not in entry or not isinstance(entry.get("moves"), Mapping):
                    raise InvalidGameError(
                        f"node {nid!r}: a decision node needs 'player' and 'moves' "
                        "(a table {action: child id}); a chance node needs 'chance' and 'next'"
                    )
                if "next" in entry:
                    raise InvalidGameError(f"node {nid!r}: 'next' belongs to chance nodes; use 'moves'")
            table[nid] = entry
        for tid in terminals:
            if not isinstance(tid, str) or not tid.strip():
                raise InvalidGameError(f"terminals: ids must be non-empty strings, got {tid!r}")
        parent_of: dict[str, str] = {}
        for nid, entry in table.items():
            succ = entry["next"] if "chance" in entry else entry["moves"]
            for a, cid in succ.items():
                if not isinstance(cid, str):
                    raise InvalidGameError(f"node {nid!r}, action {a!r}: child must be an id, got {cid!r}")
                if cid not in table and cid not in terminals:
                    raise InvalidGameError(
                        f"node {nid!r}, action {a!r}: unknown child {cid!r} (not in nodes or terminals)"
                    )
                if cid == nid:
                    raise InvalidGameError(f"node {nid!r}, action {a!r}: a node cannot be its own child (cycle)")
                if cid in parent_of:
                    raise InvalidGameError(
                        f"node {cid!r} is a child of both {parent_of[cid]!r} and {nid!r}; "
                        "a tree node has one parent (shared child)"
                    )
                parent_of[cid] = nid
        all_ids = list(table) + [t for t in terminals if t not in table]
        if "root" in data:
            root_id = data["root"]
            if root_id not in table and root_id not in terminals:
                raise InvalidGameError(f"root {root_id!r} is not a node or terminal")
            if root_id in parent_of:
                raise InvalidGameError(f"root {root_id!r} is a child of {parent_of[root_id]!r}")
        else:
            roots = [i for i in all_ids if i not in parent_of]
            if len(roots) != 1:
                if not roots:
                    raise InvalidGameError(
                        "no root: every node is somebody's child, so the moves form a cycle"
                    )
                raise InvalidGameError(
                    f"several nodes are nobody's child: {roots}; a tree has one root "
                    "(give 'root' and connect or delete the others)"
                )
            root_id = roots[0]
        # build in pre-order
        game._nodes_by_id.pop("root")
        game._root._id = root_id
        game._nodes_by_id[root_id] = game._root
        reached = {root_id}
        stack = [(root_id, game._root)]
        while stack:
            nid, node = stack.pop()
            if nid in terminals:
                pay = terminals[nid]
                if not isinstance(pay, Mapping):
                    raise InvalidGameError(f"terminal {nid!r}: expected a table {{player: payoff}}")
                game.outcome(node, pay)
                continue
            entry = table[nid]
            if "label" in entry:
                game.set_label(node, str(entry["label"]))
            if "chance" in entry:
                nxt = entry["next"]
                probs = entry["chance"]
                kids = game.chance(node, [(a, probs[a]) for a in nxt],
                                   ids=[nxt[a] for a in nxt])
            else:
                moves = entry["moves"]
                label = entry.get("infoset")
                if label is not None and (not isinstance(label, str) or not label.strip()):
                    raise InvalidGameError(f"node {nid!r}: 'infoset' must be a non-empty label")
                player = entry["player"]
                if player not in game._player_index:
                    raise UnknownLabelError(
                        f"node {nid!r}: unknown player {player!r}; players are {list(game.players)}"
                    )
                existing = None if label is None else game._infosets[player].get(label)
                if existing is not None:
                    acts = list(moves)
                    if set(acts) != set(existing.actions) or len(acts) != len(existing.actions):
                        first = existing._members[0].id
                        raise InvalidGameError(
                            f"node {nid!r}: actions {acts} do not match information set {label!r} "
                            f"of {player!r} (node {first!r} has {list(existing.actions)})"
                        )
                    kids = game.move(node, player, infoset=existing,
                                     ids=[moves[a] for a in existing.actions])
                else:
                    kids = game.move(node, player, list(moves), infoset=label,
                                     ids=[moves[a] for a in moves])
            for child in reversed(kids):
                reached.add(child.id)
                stack.append((child.id, child))
        unreached = [i for i in all_ids if i not in reached]
        if unreached:
            raise InvalidGameError(
                f"nodes {unreached} cannot be reached from the root {root_id!r} "
                "(they form a cycle or a separate tree)"
            )
        game._touch()
        return game

    def to_dict(self) -> dict[str, Any]:
        """The dict (TOML-ready) form read by :meth:`from_dict`.

        Numbers are ints, floats or strings (``"1/2"``, expressions as text).

        Examples
        --------
        >>> g = ExtensiveFormGame(["A"])
        >>> x, y = g.chance(g.root, {"x": "1/3", "y": "2/3"})
        >>> _ = g.outcome(x, [1]); _ = g.outcome(y, [0])
        >>> g.to_dict()["nodes"]
        [{'id': 'root', 'chance': {'x': '1/3', 'y': '2/3'}, 'next': {'x': 'n1', 'y': 'n2'}}]
        """
        def text(v: Any) -> Any:
            if isinstance(v, int | float) and not isinstance(v, bool):
                return v
            if isinstance(v, Fraction):
                return format_number(v)
            return str(v)

        nodes = []
        terminals: dict[str, dict[str, Any]] = {}
        for n in self._preorder():
            if not n._children:
                if n._payoffs is not None:
                    terminals[n.id] = {p: text(v) for p, v in n._payoffs.items()}
                continue
            entry: dict[str, Any] = {"id": n.id}
            if n._probs is not None:
                entry["chance"] = {a: text(v) for a, v in n._probs.items()}
                entry["next"] = {a: c.id for a, c in n._children.items()}
            else:
                entry["player"] = n._player
                entry["infoset"] = n._infoset.label  # type: ignore[union-attr]
                entry["moves"] = {a: c.id for a, c in n._children.items()}
            if n._label:
                entry["label"] = n._label
            nodes.append(entry)
        out: dict[str, Any] = {"kind": "extensive", "players": list(self._players)}
        if self.title:
            out["title"] = self.title
        if self.description:
            out["description"] = self.description
        out["root"] = self._root.id
        out["nodes"] = nodes
        out["terminals"] = terminals
        return out

    # ================================================================ equality and display
    def __eq__(self, other: object) -> bool:
        """Same players and tree: action labels, movers, information sets (by label),
        probabilities and payoffs (node ids, labels and titles are ignored)."""
        if not isinstance(other, ExtensiveFormGame):
            return NotImplemented
        if self._players != other._players:
            return False
        a, b = self._preorder(), other._preorder()
        if len(a) != len(b):
            return False
        for x, y in zip(a, b, strict=True):
            if tuple(x._children) != tuple(y._children) or x._player != y._player:
                return False
            if (x._infoset is None) != (y._infoset is None):
                return False
            if x._infoset is not None and x._infoset.label != y._infoset.label:  # type: ignore[union-attr]
                return False
            for da, db in ((x._probs, y._probs), (x._payoffs, y._payoffs)):
                if (da is None) != (db is None):
                    return False
                if da is not None and not all(_equal(da[k], db[k]) for k in da):  # type: ignore[index]
                    return False
        return True

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        title = f" {self.title!r}" if self.title else ""
        n = len(self._preorder())
        n_inf = sum(len(d) for d in self._infosets.values())
        params = f", parameters {[s.name for s in self.parameters]}" if self.is_symbolic else ""
        return (f"<ExtensiveFormGame{title}: {self.n_players} players, {n} nodes, "
                f"{n_inf} information sets, {self.kind}{params}>")

    def __str__(self) -> str:
        lines = [repr(self)]
        for node in self._preorder():
            pad = "  " * node.depth
            edge = ""
            if node._parent is not None:
                par = node._parent
                if par._probs is not None:
                    edge = f"{node.action} ({format_number(par._probs[node.action])}) -> "  # type: ignore[index]
                else:
                    edge = f"{node.action} -> "
            if node._children:
                if node._probs is not None:
                    what = "chance"
                else:
                    what = f"{node._player} [{node._infoset.label}]"  # type: ignore[union-attr]
            elif node._payoffs is not None:
                what = "(" + ", ".join(format_number(v) for v in node._payoffs.values()) + ")"
            else:
                what = "(no payoffs yet)"
            lines.append(f"{pad}{edge}{node.id}: {what}")
        return "\n".join(lines)


def _canonical(rel: Any) -> Any:
    """A hashable normal form of a relational (``expr <= 0`` or ``expr < 0``), for dedupe."""
    if not isinstance(rel, sympy.core.relational.Relational):
        return rel
    diff = sympy.expand(rel.lhs - rel.rhs)
    op = rel.rel_op
    if op in (">=", ">"):
        diff, op = -diff, {">=": "<=", ">": "<"}[op]
    return (diff, op)


def _equal(x: Any, y: Any) -> bool:
    if isinstance(x, sympy.Basic) or isinstance(y, sympy.Basic):
        return sympy.simplify(to_sympy(x) - to_sympy(y)) == 0
    return bool(x == y)
