"""Symbolic backward induction: the subgame-perfect outcome as a function of the parameters.

On a tree with perfect information whose payoffs (and chance probabilities)
are sympy expressions in the parameters, backward induction is carried out
*symbolically*: every node keeps a list of **cases**, each a condition on the
parameters together with the payoffs and the choices (a pure subgame-perfect
strategy profile of the subtree) that hold under it.

* A terminal node has one case: ``True``.
* A chance node combines one case of each child (the conjunction of their
  conditions) and averages the payoffs.
* A decision node of player :math:`i` combines one case of each child and
  splits by the mover's best action: child :math:`j` is chosen where
  :math:`u_i(j) > u_i(t)` for every other child :math:`t`. Where several
  children are best (:math:`u_i(j) = u_i(t)`, a *knife-edge*) the mover is
  indifferent; these regions are reported as their own branches, **one per
  optimal action**, never assigned arbitrarily. Children whose payoffs to the
  mover are identical expressions are tied everywhere and also give one
  branch per action.

Conditions are conjunctions of polynomial relations, simplified with
:class:`~gametheory.analysis.conditions.Condition` relative to the domain:
the parameters' bounds (from the game's
:class:`~gametheory.parameters.ParameterSpace` and the symbols' assumptions),
the extra ``assumptions`` and the conditions making every chance probability
lie in :math:`[0, 1]`. A combination whose condition is *proved* empty is
dropped; the simplification never changes a condition on the domain.

The result, :class:`SPEOutcome`, lists the branches; :meth:`SPEOutcome.at`
picks the branches that hold at a parameter point (exactly one at a generic
point, all the subgame-perfect equilibria at a knife-edge), and
:meth:`SPEOutcome.when` gives the condition under which a node's mover takes
an action ("Russia preempts iff ...").

The work grows with the product of the children's case counts (pruned as it
goes), so the method is meant for the small trees of applied models (tens of
decision nodes); numeric trees of any size are solved by
:func:`gametheory.solvers.backward_induction.solve_spe_tree`.

References
----------
.. [1] R. Selten, "Reexamination of the perfectness concept for equilibrium
   points in extensive games", International Journal of Game Theory 4 (1975)
   25-55.
.. [2] J. D. Fearon, "Rationalist explanations for war", International
   Organization 49 (1995) 379-414 (the ultimatum-bargaining model of the
   example below).

Examples
--------
Fearon's (1995) ultimatum bargaining with three possible offers: state A
offers B a share ``x`` of a unit pie; B accepts or goes to war, which B wins
with probability ``p`` at costs ``c_A``, ``c_B``.

>>> import sympy
>>> from gametheory.games.extensive import ExtensiveFormGame
>>> from gametheory.parameters import Parameter, ParameterSpace
>>> space = ParameterSpace([Parameter("p", 0, 1), Parameter("c_A", 0, 1), Parameter("c_B", 0, 1)])
>>> p, c_A, c_B = space.symbols.values()
>>> g = ExtensiveFormGame(["A", "B"], space=space)
>>> offers = g.move(g.root, "A", ["0", "1/2", "1"])
>>> for node in offers:
...     x = sympy.Rational(node.action)
...     yes, war = g.move(node, "B", ["accept", "war"], infoset=f"B{node.action}")
...     _ = g.outcome(yes, [1 - x, x]); _ = g.outcome(war, [1 - p - c_A, p - c_B])
>>> out = spe_outcome(g)
>>> print(out.when(offers[0], "accept"))  # B accepts nothing iff war costs it more than it wins
c_B >= p
>>> print(out.when(offers[1], "accept"))
p <= c_B + 1/2
>>> [b.payoffs["A"] for b in out.at(p="3/5", c_A="1/10", c_B="1/5")]
[1/2]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sympy
from sympy.logic.boolalg import Boolean, BooleanFalse, BooleanTrue

from .._numbers import to_sympy
from ..errors import InvalidGameError, MethodNotApplicableError
from ..games.extensive import CHANCE, ExtensiveFormGame, Node
from .conditions import Condition, _context, equilibrium_conditions

__all__ = ["SPEBranch", "SPEOutcome", "spe_outcome"]

#: Default cap on the number of branches (cases) at any node.
MAX_BRANCHES = 5000


@dataclass(frozen=True)
class SPEBranch:
    """One regime of the subgame-perfect outcome.

    Attributes
    ----------
    condition : Condition
        Where this branch holds (simplified on the domain).
    strategy : dict
        The pure subgame-perfect profile ``{player: {infoset: action}}``
        (every decision node, on and off the path).
    path : tuple of (str, str)
        ``(node id, action)`` of the decisions on the equilibrium path (all
        chance outcomes that are not identically impossible are followed).
    payoffs : dict
        Each player's expected payoff (sympy expressions).
    knife_edge : bool
        True when the condition includes an indifference (an equality) at
        some decision node: a measure-zero boundary between regimes.
    """

    condition: Condition
    strategy: dict[str, dict[str, str]]
    path: tuple[tuple[str, str], ...]
    payoffs: dict[str, sympy.Expr]
    knife_edge: bool

    def holds(self, **values: Any) -> bool | None:
        """Whether the branch holds at a parameter point (exactly; ``None`` if undecided)."""
        return self.condition.holds(**values)

    def __str__(self) -> str:
        path = ", ".join(f"{a}" for _, a in self.path) or "(no decisions)"
        pay = ", ".join(f"{p}: {v}" for p, v in self.payoffs.items())
        edge = " [knife-edge]" if self.knife_edge else ""
        return f"if {self.condition}: {path} -> ({pay}){edge}"


@dataclass(frozen=True)
class SPEOutcome:
    """The subgame-perfect outcome of a symbolic perfect-information tree.

    Attributes
    ----------
    game : ExtensiveFormGame
    branches : tuple of SPEBranch
        Generic regimes first, then knife-edges; within each, in the order of
        the backward induction. At every point of the domain at least one
        branch holds; several hold exactly where some mover is indifferent.
    parameters : tuple of sympy.Symbol
    assumptions : tuple of sympy relations
        The domain the conditions are simplified on.
    """

    game: ExtensiveFormGame
    branches: tuple[SPEBranch, ...]
    parameters: tuple[sympy.Symbol, ...]
    assumptions: tuple[Boolean, ...]
    _ctx: Any = field(repr=False, compare=False, default=None)

    def __len__(self) -> int:
        return len(self.branches)

    def __iter__(self) -> Iterator[SPEBranch]:
        return iter(self.branches)

    def __getitem__(self, k: int) -> SPEBranch:
        return self.branches[k]

    def at(self, **values: Any) -> tuple[SPEBranch, ...]:
        """The branches that hold at a point (all the pure SPE there).

        Parameters
        ----------
        **values
            A value for every parameter (ints, Fractions, strings such as
            ``"3/10"``; floats are read through their shortest repr).

        Returns
        -------
        tuple of SPEBranch
            One branch at a generic point; several at a knife-edge, where a
            mover is indifferent (and mixtures are subgame perfect too).

        Raises
        ------
        UnknownParameterError
            An unknown parameter name.
        InvalidGameError
            A value outside the domain, or a parameter left without a value.
        """
        out = []
        for b in self.branches:
            verdict = b.condition.holds(**values)
            if verdict is None:
                missing = [s.name for s in b.condition.free_parameters if s.name not in values]
                raise InvalidGameError(
                    f"SPEOutcome.at needs values for {missing or 'every parameter'}; "
                    f"parameters are {[s.name for s in self.parameters]}"
                )
            if verdict:
                out.append(b)
        return tuple(out)

    def when(self, node: Node | str, action: str) -> Condition:
        """The condition under which the mover at ``node`` takes ``action`` in the SPE.

        The union of the conditions of the branches choosing ``action`` at
        ``node`` (simplified). At knife-edges several actions are optimal,
        so the conditions of different actions can overlap there.

        Raises
        ------
        UnknownLabelError
            Unknown node or action.
        """
        n = self.game.node(node)
        _ = n[action]
        if not n.is_decision:
            raise InvalidGameError(f"node {n.id!r} is not a decision node")
        label = n.infoset.label  # type: ignore[union-attr]
        parts = [b.condition.expr for b in self.branches
                 if b.strategy[n.player][label] == action]  # type: ignore[index]
        expr = sympy.Or(*parts) if parts else sympy.false
        return self._ctx.condition(self._ctx.tree(expr),
                                   description=f"{n.player} plays {action!r} at {n.id!r}")

    def piecewise(self, player: str) -> sympy.Piecewise:
        """The player's SPE payoff as a sympy ``Piecewise`` in the parameters.

        Generic branches come first, then knife-edges (where the first listed
        SPE is the one shown). The branches cover the domain of the
        parameters, which sympy does not know: the last piece, ``(nan, True)``,
        stands for points outside it.

        Examples
        --------
        >>> import sympy
        >>> from gametheory.games.extensive import ExtensiveFormGame
        >>> c = sympy.Symbol("c", positive=True)
        >>> g = ExtensiveFormGame(["A", "B"])
        >>> out, enter = g.move(g.root, "A", ["out", "in"])
        >>> _ = g.outcome(out, [0, 2])
        >>> fight, share = g.move(enter, "B", ["fight", "share"])
        >>> _ = g.outcome(fight, [-1, 2 - c]); _ = g.outcome(share, [1, 1])
        >>> spe_outcome(g).piecewise("A")
        Piecewise((0, c < 1), (1, c > 1), (0, Eq(c, 1)), (nan, True))
        """
        if player not in self.game.players:
            raise InvalidGameError(f"unknown player {player!r}; players are {list(self.game.players)}")
        pieces = [(b.payoffs[player], b.condition.expr) for b in self.branches]
        return sympy.Piecewise(*pieces, (sympy.nan, True))

    def __str__(self) -> str:
        title = self.game.title or "tree"
        lines = [f"{title}: subgame-perfect outcome in {len(self)} branches"]
        lines += [f"  {k + 1}. {b}" for k, b in enumerate(self.branches)]
        return "\n".join(lines)


@dataclass
class _Case:
    atoms: tuple[Boolean, ...]
    values: tuple[sympy.Expr, ...]
    choices: tuple[tuple[int, int], ...]
    knife: bool


def _identical(a: sympy.Expr, b: sympy.Expr) -> bool:
    d = sympy.expand(a - b)
    if d == 0:
        return True
    if d.is_number:
        return False
    return sympy.cancel(sympy.together(d)) == 0


class _Feasibility:
    """Cached ``conjunction of atoms is not provably empty`` checks."""

    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        self.cache: dict[frozenset, Condition] = {}

    def condition(self, atoms: Sequence[Boolean]) -> Condition | None:
        key = frozenset(atoms)
        hit = self.cache.get(key)
        if hit is None:
            expr = sympy.And(*atoms) if atoms else sympy.true
            hit = self.ctx.condition(self.ctx.tree(expr))
            self.cache[key] = hit
        return None if hit.is_false else hit


def _relation(rel: Any) -> Boolean | None | bool:
    """A relation, or True/False when it is constant."""
    if isinstance(rel, BooleanTrue) or rel is True:
        return True
    if isinstance(rel, BooleanFalse) or rel is False:
        return False
    return rel


def _strict_atoms(tied: list[int], reps: list[int], u: list[sympy.Expr]) -> tuple[Boolean, ...] | None:
    """Relations making the tied classes strictly better than the others (None: impossible)."""
    r = reps[tied[0]]
    rels: list[Boolean] = []
    for t, rt in enumerate(reps):
        if t in tied:
            continue
        rel = _relation(sympy.StrictGreaterThan(u[r], u[rt]))
        if rel is False:
            return None
        if rel is not True:
            rels.append(rel)
    return tuple(rels)


def _combine(children: Sequence[list[_Case]], feas: _Feasibility, limit: int,
             where: str) -> list[tuple[_Case, ...]]:
    """The feasible combinations of one case per child (pruned as they are built)."""
    partial: list[tuple[tuple[_Case, ...], tuple[Boolean, ...]]] = [((), ())]
    for cases in children:
        nxt = []
        for combo, atoms in partial:
            for case in cases:
                merged = atoms + tuple(a for a in case.atoms if a not in atoms)
                if len(children) > 1 and combo and feas.condition(merged) is None:
                    continue
                nxt.append((combo + (case,), merged))
                if len(nxt) > limit:
                    raise MethodNotApplicableError(
                        f"spe_outcome: more than {limit} cases at {where}; the tree is too "
                        "large for symbolic backward induction (raise max_branches, or solve "
                        "numeric instances with solve_spe_tree)"
                    )
        partial = nxt
    return [c for c, _ in partial]


def spe_outcome(
    game: ExtensiveFormGame,
    *,
    assumptions: Any = None,
    max_branches: int = MAX_BRANCHES,
) -> SPEOutcome:
    """Symbolic backward induction on a perfect-information tree (see the module docstring).

    Parameters
    ----------
    game : ExtensiveFormGame
        A finished tree with perfect information; payoffs and chance
        probabilities may be sympy expressions (numeric trees work too: every
        condition is then ``True`` or a tie).
    assumptions : relation, str or sequence, optional
        Extra assumptions on the parameters (e.g. ``"e_R > l_R"``), used to
        simplify conditions.
    max_branches : int, default 5000
        Cap on the number of cases kept at any node.

    Returns
    -------
    SPEOutcome

    Raises
    ------
    MethodNotApplicableError
        Information sets with several nodes, or too many cases.
    InvalidGameError
        The tree is not finished.

    References
    ----------
    .. [1] R. Selten (1975), see the module docstring.

    Examples
    --------
    Preemption as in the TRIPP scenario (``scenario_spec.md``): if the US
    militarizes, Russia accepts (loss ``e``) or strikes, which succeeds with
    probability ``p`` (status quo restored, cost ``c``) and otherwise fails
    (loss ``e`` and ``c``).

    >>> import sympy
    >>> from gametheory.games.extensive import ExtensiveFormGame
    >>> p = sympy.Symbol("p", nonnegative=True)
    >>> c, e, w = sympy.symbols("c e w", positive=True)
    >>> g = ExtensiveFormGame(["US", "Russia"])
    >>> mil, restrain = g.move(g.root, "US", ["Militarize", "Restrain"])
    >>> _ = g.outcome(restrain, {"US": 0, "Russia": 0})
    >>> accept, preempt = g.move(mil, "Russia", ["Accept", "Preempt"])
    >>> _ = g.outcome(accept, {"US": w, "Russia": -e})
    >>> win, lose = g.chance(preempt, {"success": p, "failure": 1 - p})
    >>> _ = g.outcome(win, {"US": -w, "Russia": -c})
    >>> _ = g.outcome(lose, {"US": w, "Russia": -e - c})
    >>> out = spe_outcome(g, assumptions=[p <= 1])
    >>> print(out.when(mil, "Preempt"))
    c <= e*p
    >>> for b in out:
    ...     print(b)
    if c > e*p: Militarize, Accept -> (US: w, Russia: -e)
    if (c < e*p) & (p < 1/2): Militarize, Preempt -> (US: -2*p*w + w, Russia: -c + e*p - e)
    if (c < e*p) & (p > 1/2): Restrain -> (US: 0, Russia: 0)
    if (c < e*p) & (p == 1/2): Militarize, Preempt -> (US: -2*p*w + w, Russia: -c + e*p - e) [knife-edge]
    if (c < e*p) & (p == 1/2): Restrain -> (US: 0, Russia: 0) [knife-edge]
    if c == e*p: Militarize, Accept -> (US: w, Russia: -e) [knife-edge]
    if (c == e*p) & (p < 1/2): Militarize, Preempt -> (US: -2*p*w + w, Russia: -c + e*p - e) [knife-edge]
    if (c == e*p) & (p > 1/2): Restrain -> (US: 0, Russia: 0) [knife-edge]
    if (c == e*p) & (p == 1/2): Militarize, Preempt -> (US: -2*p*w + w, Russia: -c + e*p - e) [knife-edge]
    if (c == e*p) & (p == 1/2): Restrain -> (US: 0, Russia: 0) [knife-edge]
    """
    game.validate()
    if not game.is_perfect_information:
        raise MethodNotApplicableError(
            "spe_outcome needs perfect information; information sets with several nodes: "
            + ", ".join(repr(inf.label) for inf in game.infosets() if len(inf) > 1)
        )
    extra: list[Any] = []
    if assumptions is not None:
        extra.extend([assumptions] if isinstance(assumptions, str | Boolean | bool) else assumptions)
    extra.extend(game.chance_validity_conditions())
    ctx = _context(game, extra)
    feas = _Feasibility(ctx)
    players = game.players
    pidx = {p: i for i, p in enumerate(players)}
    order = game.nodes()
    index = {n: k for k, n in enumerate(order)}
    cases: dict[int, list[_Case]] = {}
    for k in range(len(order) - 1, -1, -1):
        node = order[k]
        where = f"node {node.id!r}"
        if node.is_terminal:
            pay = node.payoffs
            cases[k] = [_Case((), tuple(to_sympy(pay[p]) for p in players), (), False)]  # type: ignore[index]
            continue
        kids = [index[c] for c in node.children.values()]
        child_cases = [cases.pop(c) for c in kids]
        combos = _combine(child_cases, feas, max_branches, where)
        out: list[_Case] = []
        if node.player == CHANCE:
            probs = [to_sympy(node.probabilities[a]) for a in node.children]  # type: ignore[index]
            for combo in combos:
                atoms = tuple(dict.fromkeys(a for case in combo for a in case.atoms))
                vals = tuple(sympy.expand(sum((q * case.values[i] for q, case in zip(probs, combo, strict=True)),
                                              sympy.Integer(0)))
                             for i in range(len(players)))
                out.append(_Case(atoms, vals, tuple(c for case in combo for c in case.choices),
                                 any(case.knife for case in combo)))
            cases[k] = out
            continue
        i = pidx[node.player]  # type: ignore[index]
        for combo in combos:
            base = tuple(dict.fromkeys(a for case in combo for a in case.atoms))
            below = tuple(c for case in combo for c in case.choices)
            knife_below = any(case.knife for case in combo)
            u = [case.values[i] for case in combo]
            classes: list[list[int]] = []
            for j in range(len(u)):
                for cl in classes:
                    if _identical(u[cl[0]], u[j]):
                        cl.append(j)
                        break
                else:
                    classes.append([j])
            reps = [cl[0] for cl in classes]

            def emit(members: list[int], atoms: tuple[Boolean, ...], knife: bool,
                     combo: tuple[_Case, ...] = combo, below: tuple = below,
                     knife_below: bool = knife_below, k: int = k,
                     out: list[_Case] = out) -> None:
                for j in members:
                    out.append(_Case(atoms, combo[j].values, below + ((k, j),), knife or knife_below))

            # one best class
            for c in range(len(classes)):
                rels = _strict_atoms([c], reps, u)
                if rels is None:
                    continue
                atoms = base + tuple(a for a in rels if a not in base)
                if feas.condition(atoms) is None:
                    continue
                emit(classes[c], atoms, False)
            # several best classes: knife-edges (equalities), grown while feasible
            stack: list[tuple[list[int], tuple[Boolean, ...]]] = [([c], base) for c in range(len(classes))]
            while stack:
                tied, atoms = stack.pop()
                for c2 in range(tied[-1] + 1, len(classes)):
                    eq = _relation(sympy.Eq(u[reps[tied[0]]], u[reps[c2]]))
                    if eq is False:
                        continue
                    eq_atoms = atoms + ((eq,) if eq is not True and eq not in atoms else ())
                    if feas.condition(eq_atoms) is None:
                        continue
                    new_tied = tied + [c2]
                    stack.append((new_tied, eq_atoms))
                    rels = _strict_atoms(new_tied, reps, u)
                    if rels is None:
                        continue
                    full = eq_atoms + tuple(a for a in rels if a not in eq_atoms)
                    if feas.condition(full) is None:
                        continue
                    emit([j for t in new_tied for j in classes[t]], full, True)
            if len(out) > max_branches:
                raise MethodNotApplicableError(
                    f"spe_outcome: more than {max_branches} cases at {where}; the tree is too "
                    "large for symbolic backward induction"
                )
        cases[k] = out
    root_cases = cases[0]
    branches = []
    for case in root_cases:
        cond = feas.condition(case.atoms)
        if cond is None:  # pragma: no cover - pruned before
            continue
        strategy: dict[str, dict[str, str]] = {p: {} for p in players}
        chosen = dict(case.choices)
        for kk, j in chosen.items():
            n = order[kk]
            strategy[n.player][n.infoset.label] = n.actions[j]  # type: ignore[index, union-attr]
        branches.append(SPEBranch(
            condition=cond,
            strategy=strategy,
            path=_path(game, order, index, chosen),
            payoffs={p: _tidy(v) for p, v in zip(players, case.values, strict=True)},
            knife_edge=case.knife,
        ))
    branches.sort(key=lambda b: b.knife_edge)
    return SPEOutcome(game, tuple(branches), ctx.params, ctx.relations, ctx)


def _tidy(expr: sympy.Expr) -> sympy.Expr:
    candidates = [sympy.expand(expr), sympy.factor(expr)]
    return min(candidates, key=lambda e: (sympy.count_ops(e), len(str(e))))


def _path(game: ExtensiveFormGame, order: Sequence[Node], index: Mapping[Node, int],
          chosen: Mapping[int, int]) -> tuple[tuple[str, str], ...]:
    out = []
    stack = [game.root]
    while stack:
        n = stack.pop()
        if n.is_terminal:
            continue
        if n.is_chance:
            kids = [c for a, c in n.children.items()
                    if to_sympy(n.probabilities[a]) != 0]  # type: ignore[index]
            stack.extend(reversed(kids))
            continue
        j = chosen[index[n]]
        out.append((n.id, n.actions[j]))
        stack.append(n.children[n.actions[j]])
    return tuple(out)





# singledispatch types every implementation by the base's return type (EquilibriumConditions);
# this implementation returns its documented own result type.
@equilibrium_conditions.register  # type: ignore[arg-type]
def _tree_equilibrium_conditions(game: ExtensiveFormGame, *, assumptions: Any = None) -> SPEOutcome:
    """``equilibrium_conditions`` for trees: the piecewise subgame-perfect outcome."""
    return spe_outcome(game, assumptions=assumptions)
