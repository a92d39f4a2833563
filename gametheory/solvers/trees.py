"""Equilibria of extensive-form games: one entry point for tree methods, and tree results.

:func:`solve_tree` solves an :class:`~gametheory.games.extensive.ExtensiveFormGame`
(``gametheory.solve`` routes trees here):

=============  ==========================================================  =======================
method         what it returns                                             trees
=============  ==========================================================  =======================
``spe``        every pure subgame-perfect equilibrium (backward            perfect information, any
               induction); with information sets, subgame decomposition    N; otherwise perfect
               (each proper subgame solved on its reduced normal form)     recall
``lcp``        one equilibrium: Lemke's algorithm on the sequence form     2 players, perfect recall
``lp``         one pair of optimal behaviour strategies (sequence-form     2-player zero-sum
               linear program) and the value
``enummixed``  all extreme equilibria of the reduced normal form           2 players
``pure``       all pure equilibria of the reduced normal form              any
``support``,   as for normal-form games, on the reduced normal form        see the method
``enumpoly``
``logit``      one equilibrium: the limit of the principal branch of the   perfect recall, any N
               logit agent QRE (McKelvey and Palfrey 1998), purified to
               rational probabilities and verified (``form="strategic"``:
               the reduced normal form's logit QRE instead)
``auto``       ``spe``
=============  ==========================================================  =======================

Every equilibrium is a :class:`TreeEquilibrium`: a behaviour profile
(:class:`~gametheory.games.behavior.BehaviorProfile`) together with

* its exact behaviour regrets (each player's gain from the best deviation;
  0 at a Nash equilibrium), always checked before it is returned;
* the realization-equivalent mixed profile of the reduced normal form,
  certified with :func:`~gametheory.equilibrium.certify` (whenever the reduced
  normal form has at most ``certify_limit`` profiles; huge trees are checked in
  the tree only, and the notes say so);
* the regret at every information set where beliefs are defined
  (sequential rationality) and, for ``spe``, a proof of subgame perfection:
  the restriction to every subgame is a Nash equilibrium of that subgame
  (Selten 1965, 1975).

Results are collected in a :class:`TreeSolution`, which has the interface of
:class:`~gametheory.equilibrium.Solution` (``len``, iteration, ``to_dict``)
and adds ``behavior`` to each equilibrium of the JSON contract.

References
----------
.. [1] R. Selten, "Spieltheoretische Behandlung eines Oligopolmodells mit
   Nachfrageträgheit", Zeitschrift für die gesamte Staatswissenschaft 121
   (1965) 301-324 and 667-689.
.. [2] R. Selten, "Reexamination of the perfectness concept for equilibrium
   points in extensive games", International Journal of Game Theory 4 (1975)
   25-55.
.. [3] H. W. Kuhn, "Extensive games and the problem of information", in
   Contributions to the Theory of Games II, Princeton University Press, 1953.

Examples
--------
>>> from gametheory.games.extensive import ExtensiveFormGame
>>> g = ExtensiveFormGame(["Entrant", "Incumbent"], title="Entry")
>>> out, enter = g.move(g.root, "Entrant", ["Out", "In"])
>>> _ = g.outcome(out, {"Entrant": 0, "Incumbent": 2})
>>> fight, share = g.move(enter, "Incumbent", ["Fight", "Share"])
>>> _ = g.outcome(fight, [-1, -1]); _ = g.outcome(share, [1, 1])
>>> sol = solve_tree(g, "spe")
>>> print(sol)
Entry: 1 equilibrium by spe (exact; all)
  1. Entrant: In; Incumbent: Share -> payoffs (1, 1)
>>> [str(e) for e in solve_tree(g, "pure")]
['Entrant: Out; Incumbent: Fight -> payoffs (0, 2)', 'Entrant: In; Incumbent: Share -> payoffs (1, 1)']
>>> [e.subgame_perfect for e in solve_tree(g, "pure")]
[False, True]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from .._numbers import format_number
from ..equilibrium import DEFAULT_RTOL, Equilibrium, SolutionList, certify
from ..errors import MethodNotApplicableError, VerificationError
from ..games.behavior import BehaviorProfile
from ..games.extensive import ExtensiveFormGame

__all__ = [
    "CERTIFY_LIMIT",
    "TREE_METHODS",
    "TreeEquilibrium",
    "TreeSolution",
    "reduced_normal_form_size",
    "solve_spe",
    "solve_tree",
    "subgame_regrets",
]

#: Largest reduced normal form (number of pure profiles) on which tree equilibria
#: are also certified with :func:`~gametheory.equilibrium.certify`.
CERTIFY_LIMIT = 200_000

#: Tree methods and one-line descriptions.
TREE_METHODS: dict[str, str] = {
    "spe": "all pure subgame-perfect equilibria (backward induction; subgame decomposition)",
    "lcp": "one equilibrium by Lemke's algorithm on the sequence form (2 players, exact)",
    "lp": "optimal behaviour strategies of 2-player zero-sum trees (sequence-form LP, exact)",
    "enummixed": "all extreme equilibria of the reduced normal form (2 players)",
    "pure": "all pure equilibria of the reduced normal form",
    "support": "support enumeration on the reduced normal form (2 players)",
    "enumpoly": "all isolated equilibria of the reduced normal form (small N-player trees)",
    "logit": "one equilibrium: the limit of the logit agent QRE branch (form='strategic': of "
             "the reduced normal form's QRE branch)",
    "auto": "spe",
}

# ============================================================================ results


class TreeEquilibrium:
    """A verified equilibrium of an extensive-form game (built by the tree solvers).

    Attributes
    ----------
    behavior : BehaviorProfile or None
        The behaviour profile (``None`` only for mixed equilibria of games
        without perfect recall, which have no realization-equivalent
        behaviour profile in general). For pure equilibria of very large
        trees it is built on first access.
    equilibrium : Equilibrium or None
        The realization-equivalent mixed profile of the reduced normal form
        (:meth:`ExtensiveFormGame.to_normal_form`), certified by
        :func:`~gametheory.equilibrium.certify`; ``None`` when the reduced
        normal form is too large to build (see :data:`CERTIFY_LIMIT`).
    payoffs : dict
        Expected payoff of each player.
    regrets : dict
        Each player's behaviour regret (exact for exact games): 0 at a Nash
        equilibrium, which is checked before the equilibrium is returned.
    infoset_regrets : dict or None
        ``{player: {infoset: regret or None}}``: the regret at each
        information set where beliefs are defined (0: sequentially rational
        there); ``None`` without perfect recall.
    method : str
    exact : bool
    subgame_perfect : bool or None
        True when the restriction to every subgame is a Nash equilibrium of
        the subgame (checked exactly); ``None`` when not checked.
    component : int or None
        For degenerate reduced normal forms: the component (maximal convex
        set of equilibria) of :attr:`equilibrium`, 0-based.
    """

    __slots__ = ("_behavior", "_choices", "_game", "component", "equilibrium", "exact",
                 "infoset_regrets", "method", "payoffs", "regrets", "subgame_perfect")

    def __init__(
        self,
        game: ExtensiveFormGame,
        behavior: BehaviorProfile | Callable[[], BehaviorProfile] | None,
        equilibrium: Equilibrium | None,
        payoffs: dict[str, Any],
        regrets: dict[str, Any],
        infoset_regrets: dict[str, dict[str, Any]] | None,
        method: str,
        exact: bool,
        subgame_perfect: bool | None = None,
        component: int | None = None,
        choices: dict[str, dict[str, str]] | None = None,
    ) -> None:
        self._game = game
        self._behavior = behavior
        self._choices = choices
        self.equilibrium = equilibrium
        self.payoffs = payoffs
        self.regrets = regrets
        self.infoset_regrets = infoset_regrets
        self.method = method
        self.exact = exact
        self.subgame_perfect = subgame_perfect
        self.component = component

    @property
    def game(self) -> ExtensiveFormGame:
        """The game."""
        return self._game

    @property
    def behavior(self) -> BehaviorProfile | None:
        """The behaviour profile (see the class docstring)."""
        b = self._behavior
        if b is not None and not isinstance(b, BehaviorProfile):
            b = b()
            self._behavior = b
        return b

    @property
    def regret(self) -> Any:
        """The largest behaviour regret (0 exactly for exact equilibria)."""
        return max(self.regrets.values())

    @property
    def profile(self) -> dict[str, dict[str, Any]] | None:
        """The reduced-normal-form mixed profile (``None`` if not certified there)."""
        return None if self.equilibrium is None else self.equilibrium.profile

    def _pure_choices(self) -> dict[str, dict[str, str]] | None:
        if self._choices is not None:
            return self._choices
        b = self.behavior
        if b is None:
            return None
        out: dict[str, dict[str, str]] = {}
        for p in self._game.players:
            out[p] = {}
            for lab, probs in b[p].items():
                support = [a for a, v in probs.items() if v > 0]
                if len(support) != 1:
                    return None
                out[p][lab] = support[0]
        self._choices = out
        return out

    @property
    def is_pure(self) -> bool:
        """True when every information set has one action played with probability 1."""
        if self._behavior is None:
            return self.equilibrium is not None and self.equilibrium.is_pure
        return self._pure_choices() is not None

    def choices(self) -> dict[str, dict[str, str]]:
        """``{player: {infoset: action}}`` of a pure behaviour profile.

        Raises
        ------
        ValueError
            The equilibrium is mixed.
        """
        c = self._pure_choices() if self._behavior is not None else None
        if c is None:
            raise ValueError("this equilibrium is not pure in behaviour strategies")
        return {p: dict(d) for p, d in c.items()}

    @property
    def key(self) -> tuple[Any, ...]:
        """Hashable behaviour probabilities (the mixed profile without a behaviour profile)."""
        if self._behavior is None:
            return ("mixed",) + (self.equilibrium.key if self.equilibrium is not None else ())
        c = self._pure_choices()
        if c is not None:
            return ("pure",) + tuple((p, lab, a) for p in self._game.players
                                     for lab, a in c[p].items())
        b = self.behavior
        rows: tuple[Any, ...] = tuple((p, lab, tuple(probs.items()))
                                      for p in self._game.players
                                      for lab, probs in b[p].items())  # type: ignore[index]
        return ("behavior", *rows)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TreeEquilibrium):
            return NotImplemented
        return self.key == other.key and self.exact == other.exact

    def __hash__(self) -> int:
        return hash(self.key)

    def strategies(self) -> dict[str, dict[str, Any]] | None:
        """Reduced-strategy probabilities: the certified mixed profile, or, for pure
        profiles of trees too large to certify, the played reduced strategy of each player."""
        if self.equilibrium is not None:
            return self.equilibrium.profile
        c = self._pure_choices() if self._behavior is not None else None
        if c is not None:
            return {p: {_pure_label(self._game, p, c[p]): Fraction(1)} for p in self._game.players}
        return None

    def behavior_dict(self) -> dict[str, dict[str, dict[str, str]]] | None:
        """``{player: {infoset: {action: "p/q"}}}`` (JSON-ready), or ``None``."""
        if self._behavior is None:
            return None
        c = self._choices
        if c is not None and not isinstance(self._behavior, BehaviorProfile):
            g = self._game
            return {p: {lab: {a: ("1" if a == act else "0")
                              for a in g.get_infoset(lab, p).actions}
                        for lab, act in c[p].items()} for p in g.players}
        return self.behavior.to_dict()  # type: ignore[union-attr]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: ``strategies`` (reduced normal form), ``payoffs`` and ``behavior``.

        Numbers are strings (``"p/q"`` or decimals).
        """
        strat = self.strategies()
        return {
            "strategies": None if strat is None else {
                p: {s: format_number(v) for s, v in d.items()} for p, d in strat.items()},
            "payoffs": {p: format_number(v) for p, v in self.payoffs.items()},
            "behavior": self.behavior_dict(),
        }

    def __str__(self) -> str:
        if self._behavior is not None:
            c = self._pure_choices()
            parts = []
            for p in self._game.players:
                if c is not None:
                    moves = list(c[p].values())
                else:
                    moves = []
                    for probs in self.behavior[p].values():  # type: ignore[index]
                        support = [a for a, v in probs.items() if v > 0]
                        if len(support) == 1:
                            moves.append(support[0])
                        else:
                            moves.append("(" + ", ".join(f"{a} {format_number(probs[a])}"
                                                         for a in support) + ")")
                parts.append(f"{p}: " + ("/".join(moves) if moves else "*"))
            text = "; ".join(parts)
        else:
            text = str(self.equilibrium).split(" -> ")[0]
        pay = ", ".join(format_number(v) for v in self.payoffs.values())
        comp = f" [component {self.component + 1}]" if self.component is not None else ""
        return f"{text} -> payoffs ({pay}){comp}"

    def __repr__(self) -> str:
        return f"<TreeEquilibrium ({self.method}) {self}>"


@dataclass(frozen=True, eq=False)
class TreeSolution(SolutionList[TreeEquilibrium]):
    """The verified result of a tree method (the interface of :class:`~gametheory.Solution`).

    Attributes
    ----------
    game : ExtensiveFormGame
    method : str
    equilibria : tuple of TreeEquilibrium
    exact : bool
    complete : str
        A key of :data:`gametheory.equilibrium.COMPLETENESS`: ``"all"``,
        ``"all-extreme"`` (of the reduced normal form), ``"all-pure"`` (for
        ``spe``: every pure subgame-perfect equilibrium; mixtures at ties are
        subgame perfect too), ``"one"`` or ``"some"`` (a cap was reached or a
        subgame has a continuum of equilibria; see ``notes``).
    count : int or None
        For ``spe`` on perfect-information trees: the exact number of pure
        subgame-perfect equilibria (also when only the first
        ``max_equilibria`` are listed). ``None`` otherwise.
    components : tuple of tuple of int
        Convex components of the reduced normal form (``enummixed``).
    degenerate : bool or None
    notes : tuple of str
    normal_form : NormalFormGame or None
        The reduced normal form on which equilibria were certified.
    """

    game: Any
    method: str
    equilibria: tuple[TreeEquilibrium, ...]
    exact: bool
    complete: str
    count: int | None = None
    components: tuple[tuple[int, ...], ...] = ()
    degenerate: bool | None = None
    notes: tuple[str, ...] = ()
    normal_form: Any = None

    def _head_extra(self) -> str:
        n = len(self)
        return f"; {self.count} in all" if self.count is not None and self.count != n else ""


# ============================================================================ helpers


def _pure_label(game: ExtensiveFormGame, player: str, chosen: dict[str, str]) -> str:
    """The reduced-strategy label (as in ``to_normal_form``) of a player's pure behaviour."""
    infs = game.infosets(player)
    if not infs:
        return "*"
    reached: set[str] = set()
    stack = [game.root]
    while stack:
        n = stack.pop()
        inf = n.infoset
        if inf is not None and inf.player == player:
            reached.add(inf.label)
            stack.append(n.children[chosen[inf.label]])
        else:
            stack.extend(n.children.values())
    return "/".join(chosen[inf.label] if inf.label in reached else "*" for inf in infs)


def reduced_normal_form_size(game: ExtensiveFormGame, *, cap: int | None = None) -> int:
    """Number of pure profiles of the reduced normal form, without building it.

    With perfect recall a player's reduced strategies are counted over the
    player's own sequences: :math:`R(\\sigma) = \\prod_{I} \\sum_{a} R(\\sigma a)`
    over the information sets :math:`I` that directly follow sequence
    :math:`\\sigma`; the count is :math:`R(\\emptyset)`. Without perfect recall
    the strategies are enumerated.

    Parameters
    ----------
    game : ExtensiveFormGame
    cap : int, optional
        Stop counting at ``cap + 1`` (the result is then ``cap + 1``).

    Examples
    --------
    >>> from gametheory.games.extensive import ExtensiveFormGame
    >>> g = ExtensiveFormGame(["A", "B"])
    >>> stop, go = g.move(g.root, "A", ["stop", "go"])
    >>> _ = g.outcome(stop, [1, 0])
    >>> left, right = g.move(go, "B", ["l", "r"])
    >>> _ = g.outcome(left, [0, 2])
    >>> a, b = g.move(right, "A", ["a", "b"])
    >>> _ = g.outcome(a, [3, 1]); _ = g.outcome(b, [0, 0])
    >>> reduced_normal_form_size(g), g.to_normal_form().shape
    (6, (3, 2))
    """
    game.validate()
    limit = None if cap is None else cap + 1

    def clip(v: int) -> int:
        return v if limit is None else min(v, limit)

    if not game.has_perfect_recall():
        total = 1
        for p in game.players:
            total = clip(total * len(game.reduced_strategies(p)))
        return total
    players = game.players
    pidx = {p: i for i, p in enumerate(players)}
    # the own sequence leading to each information set: one pre-order pass
    parent: list[dict[str, tuple[str, str] | None]] = [{} for _ in players]
    last: dict[Any, tuple[Any, ...]] = {game.root: (None,) * len(players)}
    for node in game.nodes():
        hist = last.pop(node)
        inf = node.infoset
        i = -1
        if inf is not None:
            i = pidx[inf.player]
            parent[i].setdefault(inf.label, hist[i])
        for a, child in node.children.items():
            if i >= 0:
                h = list(hist)
                h[i] = (inf.label, a)  # type: ignore[union-attr]
                last[child] = tuple(h)
            else:
                last[child] = hist
    total = 1
    for i, p in enumerate(players):
        infs = game.infosets(p)
        followers: dict[tuple[str, str] | None, list[str]] = {}
        for inf in infs:
            followers.setdefault(parent[i][inf.label], []).append(inf.label)
        value: dict[str, int] = {}
        for inf in reversed(infs):  # deeper information sets first
            s = 0
            for a in inf.actions:
                r = 1
                for nxt in followers.get((inf.label, a), ()):
                    r = clip(r * value[nxt])
                s = clip(s + r)
            value[inf.label] = s
        r = 1
        for nxt in followers.get(None, ()):
            r = clip(r * value[nxt])
        total = clip(total * r)
    return total


def _float_tol(game: ExtensiveFormGame, tol: float | None) -> float:
    if tol is not None:
        return float(tol)
    scale = 1.0
    for n in game.terminals():
        for v in n.payoffs.values():  # type: ignore[union-attr]
            scale = max(scale, abs(float(v)))
    return DEFAULT_RTOL * scale


def subgame_regrets(behavior: BehaviorProfile) -> dict[str, dict[str, Any]]:
    """Each player's regret in every subgame: ``{root id: {player: regret}}``.

    A behaviour profile is subgame perfect iff all of them are 0 (Selten
    1975). The whole game (the root) is included. Exact for exact games.

    Raises
    ------
    SymbolicGameError
        The game has free parameters.

    Examples
    --------
    >>> from gametheory.games.extensive import ExtensiveFormGame
    >>> from gametheory.games.behavior import BehaviorProfile
    >>> g = ExtensiveFormGame(["E", "I"])
    >>> out, enter = g.move(g.root, "E", ["Out", "In"])
    >>> _ = g.outcome(out, [0, 2])
    >>> fight, share = g.move(enter, "I", ["Fight", "Share"])
    >>> _ = g.outcome(fight, [-1, -1]); _ = g.outcome(share, [1, 1])
    >>> b = BehaviorProfile(g, {"E": {"E:1": "Out"}, "I": {"I:1": "Fight"}})
    >>> subgame_regrets(b)
    {'root': {'E': Fraction(0, 1), 'I': Fraction(0, 1)}, 'n2': {'E': Fraction(0, 1), 'I': Fraction(2, 1)}}
    """
    out: dict[str, dict[str, Any]] = {behavior.game.root.id: behavior.regret()}
    for b in _subgame_profiles(behavior):
        out[b.game.root.id] = b.regret()
    return out


def _subgame_profiles(behavior: BehaviorProfile) -> list[BehaviorProfile]:
    """The restriction of a behaviour profile to every proper subgame (root excluded)."""
    game = behavior.game
    out = []
    for r in game.subgame_roots():
        if r is game.root:
            continue
        sub = game.subgame(r)
        data = {p: {inf.label: behavior[p][inf.label] for inf in sub.infosets(p)}
                for p in sub.players}
        out.append(BehaviorProfile(sub, data))
    return out


def _subgame_perfect(behavior: BehaviorProfile, tol: float | None) -> bool:
    """Nash in every subgame, and sequentially rational at every information set that the
    subgame reaches with positive probability (implied by Nash under perfect recall;
    checked directly as a second, independent computation)."""
    profiles = [behavior, *_subgame_profiles(behavior)]
    recall = behavior.game.has_perfect_recall()
    for b in profiles:
        if not all(_is_zero(v, tol) for v in b.regret().values()):
            return False
        if not recall:
            continue
        regrets = b.infoset_regrets()
        for inf in b.game.infosets():
            reached = b.infoset_probability(inf)
            positive = reached > 0 if tol is None else float(reached) > 0
            if positive and not _is_zero(regrets[inf.player][inf.label], tol):
                return False
    return True


def _is_zero(v: Any, tol: float | None) -> bool:
    if tol is None:
        return v == 0
    return float(v) <= tol


def _wrap(
    game: ExtensiveFormGame,
    behavior: BehaviorProfile | None,
    method: str,
    *,
    tol: float | None,
    rnf_equilibrium: Equilibrium | None = None,
    certify_rnf: bool = True,
    check_subgames: bool = False,
    require_subgame_perfect: bool = False,
    component: int | None = None,
) -> TreeEquilibrium:
    """Verify a behaviour profile and wrap it (see the module docstring).

    ``tol`` is ``None`` for exact games (regrets must be exactly 0).
    """
    exact = tol is None
    if behavior is None:
        if rnf_equilibrium is None:  # pragma: no cover - internal misuse
            raise VerificationError(f"{method}: nothing to verify")
        regrets = dict(_rnf_regrets(game, rnf_equilibrium))
        return TreeEquilibrium(game, None, rnf_equilibrium, dict(rnf_equilibrium.payoffs),
                               regrets, None, method, rnf_equilibrium.exact, None, component)
    regrets = behavior.regret()
    infoset_regrets = behavior.infoset_regrets() if game.has_perfect_recall() else None
    payoffs = behavior.payoffs
    sp: bool | None = None
    if check_subgames or require_subgame_perfect:
        sp = _subgame_perfect(behavior, tol)
    bad = {p: v for p, v in regrets.items() if not _is_zero(v, tol)}
    if bad:
        raise VerificationError(f"{method}: behaviour profile is not an equilibrium (regrets {bad})")
    if require_subgame_perfect and not sp:
        raise VerificationError(f"{method}: behaviour profile is not subgame perfect")
    eq = rnf_equilibrium
    if eq is None and certify_rnf:
        eq = certify(game.to_normal_form(), behavior.to_mixed(), method, tol=tol,
                     component=component)
    return TreeEquilibrium(game, behavior, eq, payoffs, regrets, infoset_regrets, method,
                           exact and behavior.exact, sp, component)


def _rnf_regrets(game: ExtensiveFormGame, eq: Equilibrium) -> dict[str, Any]:
    """Regrets of a reduced-normal-form equilibrium (private helper for imperfect recall)."""
    from ..equilibrium import verify

    return verify(game.to_normal_form(), eq).regrets


# ============================================================================ dispatch


def _check_tree(game: Any, method: str) -> ExtensiveFormGame:
    if not isinstance(game, ExtensiveFormGame):
        raise MethodNotApplicableError(
            f"method {method!r} applies to extensive-form games (ExtensiveFormGame); "
            f"got {type(game).__name__}"
        )
    game.validate()
    game.numeric_check(f"method {method!r}")
    return game


def _behavior_of_pure(game: ExtensiveFormGame, eq: Equilibrium) -> BehaviorProfile:
    """A pure behaviour profile playing a pure reduced-strategy profile (any recall).

    Information sets the strategy leaves open get the first action.
    """
    smap = game.strategy_map()
    data: dict[str, dict[str, str]] = {}
    for p in game.players:
        (label,) = eq.support[p]
        data[p] = {lab: (a if a is not None else game.get_infoset(lab, p).actions[0])
                   for lab, a in smap[p][label].items()}
    return BehaviorProfile(game, data)


def _solve_via_normal_form(game: ExtensiveFormGame, method: str, *,
                           tol: float | None = None, **options: Any) -> TreeSolution:
    from . import _resolve

    nf = game.to_normal_form()
    if method == "logit":  # its ``tol`` is the tracer's; results carry their own tolerance
        if tol is not None:
            options["tol"] = tol
        sol = _resolve(method)(nf, **options)
        tol = max((float(e.regret) for e in sol.equilibria if not e.exact), default=0.0)
        tol = max(tol * (1 + 1e-9), _float_tol(game, None)) if tol else None
    else:
        sol = _resolve(method)(nf, tol=tol, **options)
    recall = game.has_perfect_recall()
    ftol = None if game.is_exact else _float_tol(game, tol)
    out = []
    notes = list(sol.notes)
    for eq in sol.equilibria:
        if recall:
            behavior = BehaviorProfile.from_mixed(game, eq)
        elif eq.is_pure:
            behavior = _behavior_of_pure(game, eq)
        else:
            behavior = None
        if not eq.exact and ftol is None:
            ftol = _float_tol(game, tol)
        out.append(_wrap(game, behavior, method, tol=None if eq.exact else ftol,
                         rnf_equilibrium=eq, check_subgames=recall, component=eq.component))
    if not recall and any(e.behavior is None for e in out):
        notes.append("the game lacks perfect recall: mixed equilibria of the reduced normal "
                     "form have no realization-equivalent behaviour profile (behavior is null)")
    return TreeSolution(game, method, tuple(out), sol.exact, sol.complete, None,
                        sol.components, sol.degenerate, tuple(notes), nf)


def solve_tree(game: ExtensiveFormGame, method: str = "auto", **options: Any) -> TreeSolution:
    """Equilibria of an extensive-form game, each verified before it is returned.

    Parameters
    ----------
    game : ExtensiveFormGame
        A finished numeric tree (substitute parameters with ``game.at(...)``;
        see :func:`gametheory.analysis.spe.spe_outcome` for symbolic trees).
    method : str, default ``"auto"``
        One of :data:`TREE_METHODS`; ``"auto"`` is ``"spe"``.
    **options
        Keyword options of the method: for ``spe`` see
        :func:`~gametheory.solvers.backward_induction.solve_spe_tree`; for
        ``lcp``/``lp`` see :mod:`gametheory.solvers.sequence_form`; for
        ``logit`` see :func:`~gametheory.solvers.agent_logit.solve_logit_tree`,
        plus ``form="agent"`` (default; the agent QRE, as Gambit's
        ``logit_solve`` on trees) or ``form="strategic"`` (the QRE of the
        reduced normal form, :func:`~gametheory.solvers.logit.solve_logit`);
        the normal-form methods take ``tol``.

    Returns
    -------
    TreeSolution

    Raises
    ------
    MethodNotApplicableError
        Unknown method, or a method that does not apply (e.g. ``lcp`` on a
        3-player tree, ``lp`` on a non-zero-sum tree, imperfect recall).
    SymbolicGameError
        The tree has free parameters.
    InvalidGameError
        The tree is not finished.

    Examples
    --------
    Centipede (Rosenthal 1981) with McKelvey-Palfrey (1992) stakes, in cents:
    the unique subgame-perfect equilibrium takes at once.

    >>> from gametheory.games.extensive import ExtensiveFormGame
    >>> g = ExtensiveFormGame(["1", "2"], title="centipede")
    >>> node = g.root
    >>> stakes = [(40, 10), (20, 80), (160, 40), (80, 320), (640, 160)]
    >>> for k in range(4):
    ...     take, push = g.move(node, "1" if k % 2 == 0 else "2", ["take", "push"])
    ...     _ = g.outcome(take, stakes[k])
    ...     node = push
    >>> _ = g.outcome(node, stakes[4])
    >>> sol = solve_tree(g)
    >>> sol.method, sol.complete, sol.count
    ('spe', 'all', 1)
    >>> print(sol[0])
    1: take/take; 2: take/take -> payoffs (40, 10)
    """
    if not isinstance(method, str):
        raise MethodNotApplicableError(f"method must be a string, got {method!r}")
    name = method.lower()
    if name not in TREE_METHODS:
        raise MethodNotApplicableError(
            f"unknown method {method!r} for extensive-form games; available: {sorted(TREE_METHODS)}"
        )
    notes: tuple[str, ...] = ()
    if name == "auto":
        name = "spe"
        notes = ("auto: subgame-perfect equilibria (spe)",)
    game = _check_tree(game, name)
    if name == "spe":
        from .backward_induction import solve_spe_tree

        solution = solve_spe_tree(game, **options)
    elif name == "lcp":
        from .sequence_form import solve_lcp_tree

        solution = solve_lcp_tree(game, **options)
    elif name == "lp":
        from .sequence_form import solve_lp_tree

        solution = solve_lp_tree(game, **options)
    elif name == "logit":
        form = options.pop("form", "agent")
        if form == "agent":
            from .agent_logit import solve_logit_tree

            solution = solve_logit_tree(game, **options)
        elif form == "strategic":
            solution = _solve_via_normal_form(game, name, **options)
        else:
            raise MethodNotApplicableError(
                f"logit: form must be 'agent' or 'strategic', got {form!r}"
            )
    else:
        solution = _solve_via_normal_form(game, name, **options)
    if notes:
        solution = replace(solution, notes=notes + solution.notes)
    return solution


def solve_spe(game: Any, **options: Any) -> TreeSolution:
    """Subgame-perfect equilibria (the ``spe`` method of :func:`gametheory.solve`).

    See :func:`~gametheory.solvers.backward_induction.solve_spe_tree`.

    Raises
    ------
    MethodNotApplicableError
        The game is not an extensive-form game.
    """
    _check_tree(game, "spe")
    from .backward_induction import solve_spe_tree

    return solve_spe_tree(game, **options)
