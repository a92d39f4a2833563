"""Subgame-perfect equilibria: backward induction and subgame decomposition.

Definitions
-----------
subgame-perfect equilibrium (SPE)
    A behaviour profile whose restriction to every subgame is a Nash
    equilibrium of that subgame (Selten 1965 [1]_, 1975 [2]_).
backward induction
    On a tree with perfect information (every information set a single node)
    the pure SPE are found from the leaves up: at each decision node the mover
    picks an action whose continuation is best for them, given the choices
    already made below; chance nodes average (Kuhn 1953 [3]_; Zermelo). With
    *ties* (a mover indifferent between actions that are worse or better for
    others) several SPE exist and they are **not** a product of the argmax
    sets: which action is optimal higher up depends on how ties below are
    broken (the ultimatum game with a discrete pie has two SPE, one per way of
    breaking the responder's tie at the zero offer).
all pure SPE
    This module keeps, for every node, the *set of continuation outcomes*
    (payoff vectors) that some pure SPE of the subtree produces, with the
    number of SPE producing each. At a decision node of player :math:`i`, an
    outcome :math:`v` of child :math:`j` is attainable iff
    :math:`v_i \\ge \\max_{k \\ne j} \\min_{w \\in V_k} w_i` (the other children can
    be made no better for :math:`i`), and it is reached by
    :math:`c_j(v) \\prod_{k \\ne j} C_k(v_i)` SPE, :math:`C_k(x)` counting the SPE
    of child :math:`k` giving :math:`i` at most :math:`x`. Chance nodes combine
    their children's outcomes. The total is the exact number of pure SPE; they
    are then listed (up to ``max_equilibria``) by a backtracking search over
    these sets. Without ties every set has one element and the whole
    computation is one linear pass over flat arrays.
one-shot deviation check
    A pure profile of a perfect-information tree is an SPE iff no mover gains
    by changing the action at a single node and following the profile after
    it. For each player :math:`p` the best value :math:`B_p(n)` obtainable by
    :math:`p` alone from node :math:`n` is computed bottom-up, with the
    profile's value :math:`V_p(n)`; the regret at a node is
    :math:`B_i(n) - V_i(n)` for its mover. All zero (exactly) proves subgame
    perfection, in linear time and independently of the search.
subgame decomposition
    With information sets, each proper subgame (``game.subgame_roots()``) is
    solved bottom-up on its reduced normal form (``enummixed`` for two
    players, ``pure`` for a single mover, ``enumpoly`` or ``pure`` for more),
    after replacing the subgames below it by the payoffs of one of their
    equilibria; every combination is followed (up to ``max_equilibria``).
    The composed profiles are SPE (Selten 1975), checked exactly.

References
----------
.. [1] R. Selten, "Spieltheoretische Behandlung eines Oligopolmodells mit
   Nachfrageträgheit", Zeitschrift für die gesamte Staatswissenschaft 121
   (1965) 301-324 and 667-689.
.. [2] R. Selten, "Reexamination of the perfectness concept for equilibrium
   points in extensive games", International Journal of Game Theory 4 (1975)
   25-55.
.. [3] H. W. Kuhn, "Extensive games and the problem of information", in
   Contributions to the Theory of Games II, Princeton University Press, 1953,
   pp. 193-216.
.. [4] M. J. Osborne and A. Rubinstein, *A Course in Game Theory*, MIT Press,
   1994, chapter 6 (Proposition 99.2: Kuhn's theorem; Lemma 98.2: the
   one-deviation property).
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from ..equilibrium import DEFAULT_RTOL, Solution
from ..errors import MethodNotApplicableError, VerificationError
from ..games.behavior import BehaviorProfile
from ..games.extensive import CHANCE, ExtensiveFormGame, Node
from .trees import (
    CERTIFY_LIMIT,
    TreeEquilibrium,
    TreeSolution,
    _float_tol,
    _wrap,
    reduced_normal_form_size,
)

__all__ = ["BackwardInduction", "backward_induction", "solve_spe_tree"]

#: Default cap on the number of equilibria listed.
MAX_EQUILIBRIA = 100
#: Default cap on the number of distinct continuation outcomes kept per node.
MAX_OUTCOMES = 10_000


# ============================================================================ flat trees


class _Flat:
    """The tree as flat arrays in pre-order (private)."""

    __slots__ = ("kids", "kind", "labels", "mover", "nodes", "pay", "players", "probs", "scale")

    def __init__(self, game: ExtensiveFormGame, exact: bool) -> None:
        order = game.nodes()
        index = {n: k for k, n in enumerate(order)}
        players = game.players
        pidx = {p: i for i, p in enumerate(players)}
        size = len(order)
        kind = [0] * size
        mover = [-1] * size
        kids: list[tuple[int, ...]] = [()] * size
        probs: list[tuple[Any, ...]] = [()] * size
        pay: list[tuple[Any, ...]] = [()] * size
        labels: list[str | None] = [None] * size
        scale = 1.0
        for k, n in enumerate(order):
            ch = n.children
            if not ch:
                d = n.payoffs
                if exact:
                    pay[k] = tuple([d[p] for p in players])  # type: ignore[index]
                else:
                    t = tuple([float(d[p]) for p in players])  # type: ignore[index]
                    pay[k] = t
                    scale = max(scale, max(t), -min(t))
                continue
            kids[k] = tuple([index[c] for c in ch.values()])
            inf = n.infoset
            if inf is None:
                kind[k] = 1
                pr = n.probabilities
                probs[k] = tuple(pr.values()) if exact else tuple(  # type: ignore[union-attr]
                    [float(v) for v in pr.values()])  # type: ignore[union-attr]
            else:
                kind[k] = 2
                mover[k] = pidx[inf.player]
                labels[k] = inf.label
        self.nodes = order
        self.kind = kind
        self.mover = mover
        self.kids = kids
        self.probs = probs
        self.pay = pay
        self.labels = labels
        self.players = players
        self.scale = scale


def _fast(T: _Flat, tol: float) -> tuple[list[Any], list[int], bool]:
    """One backward-induction pass keeping a single value per node.

    Returns the values, the first optimal action at every decision node, and
    whether some mover was indifferent (then :func:`_induct` finds all SPE).
    """
    size = len(T.kind)
    n_pl = len(T.players)
    kind, mover, kids, probs, pay = T.kind, T.mover, T.kids, T.probs, T.pay
    V: list[Any] = [None] * size
    choice = [-1] * size
    rng = range(n_pl)
    for k in range(size - 1, -1, -1):
        kd = kind[k]
        if kd == 0:
            V[k] = pay[k]
        elif kd == 2:
            i = mover[k]
            ch = kids[k]
            bj = 0
            bv = V[ch[0]]
            bx = bv[i]
            for j in range(1, len(ch)):
                v = V[ch[j]]
                if v[i] > bx:
                    bj, bv, bx = j, v, v[i]
            lo = bx - tol
            for j in range(len(ch)):
                if j != bj and V[ch[j]][i] >= lo:
                    return V, choice, True
            V[k] = bv
            choice[k] = bj
        else:
            ch = kids[k]
            q = probs[k]
            acc = [0] * n_pl
            for a in range(len(ch)):
                w = V[ch[a]]
                qa = q[a]
                for p in rng:
                    acc[p] += qa * w[p]
            V[k] = tuple(acc)
    return V, choice, False


# ============================================================================ backward induction


@dataclass(frozen=True)
class BackwardInduction:
    """Outcome of :func:`backward_induction` on a perfect-information tree.

    Attributes
    ----------
    profiles : tuple of dict
        Pure SPE as ``{player: {infoset label: action}}``, at most
        ``max_equilibria`` of them, in a deterministic order.
    count : int
        The number of pure SPE (exact unless ``truncated``; then a lower bound).
    values : tuple of tuple
        The distinct payoff vectors of the pure SPE (root outcomes), in
        player order.
    tie_nodes : tuple of str
        Ids of the decision nodes where some SPE leaves the mover indifferent
        between several actions (then mixtures there are SPE too).
    truncated : tuple of str
        Ids of nodes whose outcome sets were cut at ``max_outcomes`` (the
        listing and the count are then incomplete).
    """

    profiles: tuple[dict[str, dict[str, str]], ...]
    count: int
    values: tuple[tuple[Any, ...], ...]
    tie_nodes: tuple[str, ...]
    truncated: tuple[str, ...]

    @property
    def complete(self) -> bool:
        """True when every pure SPE is listed."""
        return not self.truncated and len(self.profiles) == self.count


def _at_most(values: list[Any], counts: list[int], i: int, x: Any, tol: float) -> int:
    """How many SPE of a child give player ``i`` at most ``x``."""
    lim = x + tol if tol else x
    return sum(n for v, n in zip(values, counts, strict=True) if v[i] <= lim)


def _equal_exists(values: list[Any], i: int, x: Any, tol: float) -> bool:
    return any((abs(v[i] - x) <= tol) if tol else v[i] == x for v in values)


def _induct(T: _Flat, tol: float, max_outcomes: int) -> tuple[list, list, list, list[int], list[int]]:
    """Outcome sets (values, counts, sources) for every node; tie and truncated nodes."""
    size = len(T.kind)
    n_pl = len(T.players)
    vals: list[Any] = [None] * size
    cnts: list[Any] = [None] * size
    srcs: list[Any] = [None] * size
    ties: list[int] = []
    cut: list[int] = []
    kind, mover, kids, probs, pay = T.kind, T.mover, T.kids, T.probs, T.pay
    for k in range(size - 1, -1, -1):
        kd = kind[k]
        if kd == 0:
            vals[k] = [pay[k]]
            cnts[k] = [1]
            srcs[k] = [None]
            continue
        ch = kids[k]
        single = True
        for c in ch:
            if len(vals[c]) != 1:
                single = False
                break
        if kd == 2:
            i = mover[k]
            if single:
                best = max(vals[c][0][i] for c in ch)
                thr = best - tol if tol else best
                total = 1
                for c in ch:
                    total *= cnts[c][0]
                top = [j for j, c in enumerate(ch) if vals[c][0][i] >= thr]
                if len(top) == 1:
                    j = top[0]
                    vals[k] = [vals[ch[j]][0]]
                    cnts[k] = [total]
                    srcs[k] = [[(j, 0)]]
                    continue
                ties.append(k)
                merged: dict[Any, int] = {}
                v_out: list[Any] = []
                c_out: list[Any] = []
                s_out: list[Any] = []
                for j in top:
                    v = vals[ch[j]][0]
                    at = merged.get(v)
                    if at is None:
                        merged[v] = len(v_out)
                        v_out.append(v)
                        c_out.append(total)
                        s_out.append([(j, 0)])
                    else:
                        c_out[at] += total
                        s_out[at].append((j, 0))
                vals[k], cnts[k], srcs[k] = v_out, c_out, s_out
                continue
            # general case: children with several outcomes
            mins = [min(v[i] for v in vals[c]) for c in ch]
            merged = {}
            v_out, c_out, s_out = [], [], []
            tie = False
            for j, c in enumerate(ch):
                others = [mins[t] for t in range(len(ch)) if t != j]
                mj = max(others) if others else None
                for o, v in enumerate(vals[c]):
                    x = v[i]
                    if mj is not None and x < (mj - tol if tol else mj):
                        continue
                    n = cnts[c][o]
                    for t, c2 in enumerate(ch):
                        if t != j:
                            n *= _at_most(vals[c2], cnts[c2], i, x, tol)
                    if not tie and any(_equal_exists(vals[c2], i, x, tol)
                                       for t, c2 in enumerate(ch) if t != j):
                        tie = True
                    at = merged.get(v)
                    if at is None:
                        if len(v_out) >= max_outcomes:
                            if not cut or cut[-1] != k:
                                cut.append(k)
                            continue
                        merged[v] = len(v_out)
                        v_out.append(v)
                        c_out.append(n)
                        s_out.append([(j, o)])
                    else:
                        c_out[at] += n
                        s_out[at].append((j, o))
            if tie:
                ties.append(k)
            vals[k], cnts[k], srcs[k] = v_out, c_out, s_out
            continue
        # chance node
        q = probs[k]
        if single:
            acc = [0] * n_pl if tol == 0 else [0.0] * n_pl
            total = 1
            for a, c in enumerate(ch):
                w = vals[c][0]
                qa = q[a]
                for p in range(n_pl):
                    acc[p] = acc[p] + qa * w[p]
                total *= cnts[c][0]
            vals[k] = [tuple(acc)]
            cnts[k] = [total]
            srcs[k] = [[(0,) * len(ch)]]
            continue
        zero = tuple([0] * n_pl) if tol == 0 else tuple([0.0] * n_pl)
        table: dict[Any, list[Any]] = {zero: [1, [()]]}
        for a, c in enumerate(ch):
            qa = q[a]
            new: dict[Any, list[Any]] = {}
            for v, (n, combos) in table.items():
                for o, w in enumerate(vals[c]):
                    nv = tuple(x + qa * y for x, y in zip(v, w, strict=True))
                    entry = new.get(nv)
                    if entry is None:
                        if len(new) >= max_outcomes:
                            if not cut or cut[-1] != k:
                                cut.append(k)
                            continue
                        new[nv] = [n * cnts[c][o], [cb + (o,) for cb in combos[:max_outcomes]]]
                    else:
                        entry[0] += n * cnts[c][o]
                        room = max_outcomes - len(entry[1])
                        if room > 0:
                            entry[1].extend(cb + (o,) for cb in combos[:room])
            table = new
        vals[k] = list(table)
        cnts[k] = [e[0] for e in table.values()]
        srcs[k] = [e[1] for e in table.values()]
    return vals, cnts, srcs, ties, cut


def _enumerate(T: _Flat, vals: list, srcs: list, tol: float, limit: int) -> list[list[int]]:
    """Up to ``limit`` pure SPE as action indices at every node (-1 at non-decision nodes)."""
    size = len(T.kind)
    kind, kids, mover = T.kind, T.kids, T.mover
    choice = [-1] * size
    trail: list[int] = []
    found: list[list[int]] = []

    def expand(task: tuple) -> list[tuple[int, int, tuple]]:
        tag = task[0]
        if tag == 2:  # any outcome of the root
            k = task[1]
            return [(-1, -1, ((0, k, o),)) for o in range(len(vals[k]))]
        if tag == 1:  # any outcome of node k giving player i at most `bound`
            _, k, i, bound = task
            lim = bound + tol if tol else bound
            return [(-1, -1, ((0, k, o),)) for o, v in enumerate(vals[k]) if v[i] <= lim]
        _, k, o = task
        kd = kind[k]
        if kd == 0:
            return [(-1, -1, ())]
        ch = kids[k]
        if kd == 2:
            i = mover[k]
            x = vals[k][o][i]
            out = []
            for j, oj in srcs[k][o]:
                tasks = ((0, ch[j], oj),) + tuple((1, c, i, x) for t, c in enumerate(ch) if t != j)
                out.append((k, j, tasks))
            return out
        return [(-1, -1, tuple((0, c, combo[a]) for a, c in enumerate(ch))) for combo in srcs[k][o]]

    def apply(alt: tuple[int, int, tuple], pending: Any) -> Any:
        k, j, tasks = alt
        if k >= 0:
            choice[k] = j
            trail.append(k)
        for t in reversed(tasks):
            pending = (t, pending)
        return pending

    frames: list[list[Any]] = []
    pending: Any = ((2, 0), None)
    while True:
        while pending is not None:
            task, pending = pending
            alts = expand(task)
            if len(alts) > 1:
                frames.append([alts, 0, pending, len(trail)])
            pending = apply(alts[0], pending)
        found.append(choice.copy())
        if len(found) >= limit:
            return found
        while frames:
            fr = frames[-1]
            fr[1] += 1
            if fr[1] < len(fr[0]):
                for k in trail[fr[3]:]:
                    choice[k] = -1
                del trail[fr[3]:]
                pending = apply(fr[0][fr[1]], fr[2])
                break
            frames.pop()
        else:
            return found


def _lean_check(T: _Flat, choice: list[int], exact: bool) -> tuple[list[Any], list[Any], list[Any]]:
    """Profile values V, best single-player deviation values B, and node regrets."""
    size = len(T.kind)
    n_pl = len(T.players)
    kind, kids, mover, probs, pay = T.kind, T.kids, T.mover, T.probs, T.pay
    V: list[Any] = [None] * size
    B: list[Any] = [None] * size
    reg: list[Any] = [None] * size
    for k in range(size - 1, -1, -1):
        kd = kind[k]
        if kd == 0:
            V[k] = B[k] = pay[k]
            continue
        ch = kids[k]
        if kd == 1:
            q = probs[k]
            v = [0] * n_pl
            b = [0] * n_pl
            for a, c in enumerate(ch):
                Vc, Bc, qa = V[c], B[c], q[a]
                for p in range(n_pl):
                    v[p] = v[p] + qa * Vc[p]
                    b[p] = b[p] + qa * Bc[p]
            V[k] = tuple(v)
            B[k] = tuple(b)
            continue
        i = mover[k]
        nxt = ch[choice[k]]
        V[k] = V[nxt]
        best = max(B[c][i] for c in ch)
        b = list(B[nxt])
        b[i] = best
        B[k] = tuple(b)
        r = best - V[k][i]
        reg[k] = Fraction(r) if exact else r
    return V, B, reg


def backward_induction(
    game: ExtensiveFormGame,
    *,
    max_equilibria: int = MAX_EQUILIBRIA,
    tol: float | None = None,
    max_outcomes: int = MAX_OUTCOMES,
) -> BackwardInduction:
    """All pure subgame-perfect equilibria of a perfect-information tree (no verification).

    The fast core of :func:`solve_spe_tree`: one pass over flat arrays, then a
    backtracking search that lists the equilibria (see the module docstring).

    Parameters
    ----------
    game : ExtensiveFormGame
        A finished numeric tree with perfect information (chance allowed).
    max_equilibria : int, default 100
        List at most this many equilibria (the count is exact regardless).
    tol : float, optional
        Float games: payoffs within ``tol`` are ties (default
        ``1e-9 * max(1, max |payoff|)``). Exact games compare exactly.
    max_outcomes : int, default 10000
        Cap on the distinct continuation outcomes kept per node.

    Returns
    -------
    BackwardInduction

    Raises
    ------
    MethodNotApplicableError
        The tree has information sets with several nodes.
    SymbolicGameError
        The tree has free parameters.

    Examples
    --------
    The ultimatum game with a pie of 2 and whole offers: the responder is
    indifferent at the offer 0, and the proposer's best offer depends on how
    that tie is broken, so there are two SPE.

    >>> from gametheory.games.extensive import ExtensiveFormGame
    >>> g = ExtensiveFormGame(["P", "R"])
    >>> offers = g.move(g.root, "P", ["0", "1", "2"])
    >>> for k, node in enumerate(offers):
    ...     yes, no = g.move(node, "R", ["yes", "no"], infoset=f"R{k}")
    ...     _ = g.outcome(yes, [2 - k, k]); _ = g.outcome(no, [0, 0])
    >>> bi = backward_induction(g)
    >>> bi.count, bi.values
    (2, ((2, 0), (1, 1)))
    >>> [prof["P"]["P:1"] for prof in bi.profiles]
    ['0', '1']
    """
    game.validate()
    game.numeric_check("backward_induction")
    if not game.is_perfect_information:
        raise MethodNotApplicableError(
            "backward_induction needs perfect information; information sets with several "
            "nodes: " + ", ".join(repr(inf.label) for inf in game.infosets() if len(inf) > 1)
            + " (solve_spe_tree decomposes such trees into subgames)"
        )
    if not isinstance(max_equilibria, int) or max_equilibria < 1:
        raise ValueError(f"max_equilibria must be a positive integer; got {max_equilibria!r}")
    exact = game.is_exact
    T = _Flat(game, exact)
    ftol = 0 if exact else (DEFAULT_RTOL * T.scale if tol is None else float(tol))
    found, count, values, ties, cut = _search(T, ftol, max_equilibria, max_outcomes)
    return BackwardInduction(
        profiles=tuple(_profile_dict(T, c) for c in found),
        count=count,
        values=values,
        tie_nodes=tuple(T.nodes[k].id for k in sorted(ties)),
        truncated=tuple(T.nodes[k].id for k in sorted(cut)),
    )


def _search(T: _Flat, tol: float, limit: int, max_outcomes: int
            ) -> tuple[list[list[int]], int, tuple[tuple[Any, ...], ...], list[int], list[int]]:
    """Pure SPE (as action indices), their number, root values, tie and cut nodes."""
    V, choice, tied = _fast(T, tol)
    if not tied:
        return [choice], 1, (V[0],), [], []
    vals, cnts, srcs, ties, cut = _induct(T, tol, max_outcomes)
    found = _enumerate(T, vals, srcs, tol, limit)
    return found, sum(cnts[0]), tuple(vals[0]), ties, cut


def _flat_rnf_size(T: _Flat, cap: int) -> int:
    """Number of reduced pure profiles of a perfect-information tree, capped at ``cap + 1``.

    Player :math:`i`'s reduced strategies of a subtree: the sum over the
    actions at :math:`i`'s own nodes, the product over the children elsewhere.
    """
    lim = cap + 1
    kind, kids, mover = T.kind, T.kids, T.mover
    size = len(kind)
    total = 1
    for i in range(len(T.players)):
        R = [1] * size
        for k in range(size - 1, -1, -1):
            kd = kind[k]
            if kd == 0:
                continue
            if kd == 2 and mover[k] == i:
                v = 0
                for c in kids[k]:
                    v += R[c]
            else:
                v = 1
                for c in kids[k]:
                    v *= R[c]
            R[k] = v if v < lim else lim
        total = min(total * R[0], lim)
    return total


def _profile_dict(T: _Flat, choice: list[int]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {p: {} for p in T.players}
    for k, j in enumerate(choice):
        if j >= 0:
            n = T.nodes[k]
            out[n.player][T.labels[k]] = n.actions[j]  # type: ignore[index]
    return out


# ============================================================================ decomposition


def _truncated(game: ExtensiveFormGame, r: Node, replaced: dict[Node, tuple[Any, ...]]) -> ExtensiveFormGame:
    """The subgame at ``r`` with the subgames below replaced by terminal payoffs."""
    T = ExtensiveFormGame(game.players, title=f"subgame at {r.id}")
    if r.id != T.root.id:
        T.rename(T.root, r.id)
    stack: list[tuple[Node, Node]] = [(r, T.root)]
    while stack:
        old, new = stack.pop()
        if old is not r and old in replaced:
            T.outcome(new, list(replaced[old]))
            continue
        if old.is_terminal:
            T.outcome(new, old.payoffs)  # type: ignore[arg-type]
            continue
        ids = [c.id for c in old.children.values()]
        if old.player == CHANCE:
            kids = T.chance(new, dict(old.probabilities), ids=ids)  # type: ignore[arg-type]
        else:
            kids = T.move(new, old.player, list(old.actions),
                          infoset=old.infoset.label, ids=ids)  # type: ignore[union-attr]
        stack.extend(zip(old.children.values(), kids, strict=True))
    return T


def _subgame_equilibria(T: ExtensiveFormGame, method: str, tol: float | None) -> tuple[Solution, str]:
    """Equilibria of one truncated subgame on its reduced normal form."""
    from .pure import solve_pure

    nf = T.to_normal_form()
    moving = [p for p in T.players if T.infosets(p)]
    if method == "auto":
        if len(moving) <= 1:
            method = "pure"
        elif nf.n_players == 2:
            method = "enummixed"
        else:
            n_supports = 1
            for k in nf.shape:
                n_supports *= 2 ** k - 1
            method = "enumpoly" if n_supports <= 4096 else "pure"
    if method == "pure":
        return solve_pure(nf, tol=tol), method
    from . import _resolve

    if method in ("enummixed", "support", "lcp") and nf.n_players != 2:
        return solve_pure(nf, tol=tol), "pure"
    return _resolve(method)(nf, tol=tol), method


def _decompose(
    game: ExtensiveFormGame, *, max_equilibria: int, tol: float | None, method: str
) -> tuple[list[dict[str, dict[str, Any]]], bool, list[str]]:
    roots = game.subgame_roots()
    is_root = set(roots)
    players = game.players
    solved: dict[Node, list[tuple[tuple[Any, ...], dict]]] = {}
    complete = True
    notes: list[str] = []
    for r in reversed(roots):
        inner = []
        stack = list(r.children.values())
        while stack:
            n = stack.pop()
            if n in is_root:
                inner.append(n)
            else:
                stack.extend(n.children.values())
        results: list[tuple[tuple[Any, ...], dict]] = []
        capped = False
        for combo in itertools.product(*(solved[s] for s in inner)):
            if len(results) >= max_equilibria:
                capped = True
                break
            T = _truncated(game, r, {s: c[0] for s, c in zip(inner, combo, strict=True)})
            sol, used = _subgame_equilibria(T, method, tol)
            moving = [p for p in T.players if T.infosets(p)]
            level_all = sol.complete == "all" or (
                sol.complete == "all-pure" and len(moving) <= 1 and len(sol) == 1)
            if not level_all:
                complete = False
                why = (f"subgame at {r.id!r}: {len(sol)} equilibri{'um' if len(sol) == 1 else 'a'} "
                       f"by {used} ({sol.complete}{'; degenerate' if sol.degenerate else ''})")
                if why not in notes:
                    notes.append(why)
            for eq in sol.equilibria:
                if len(results) >= max_equilibria:
                    capped = True
                    break
                b = BehaviorProfile.from_mixed(T, eq)
                assign: dict[str, dict[str, Any]] = {p: {} for p in players}
                for part in combo:
                    for p, d in part[1].items():
                        assign[p].update(d)
                for p in players:
                    assign[p].update(b[p])
                results.append((tuple(eq.payoffs[p] for p in players), assign))
        if capped:
            complete = False
            notes.append(f"subgame at {r.id!r}: stopped after {max_equilibria} equilibria "
                         "(max_equilibria)")
        solved[r] = results
    return [a for _, a in solved[game.root]], complete, notes


# ============================================================================ the solver


def solve_spe_tree(
    game: ExtensiveFormGame,
    *,
    max_equilibria: int = MAX_EQUILIBRIA,
    tol: float | None = None,
    certify_limit: int = CERTIFY_LIMIT,
    subgame_method: str = "auto",
    max_outcomes: int = MAX_OUTCOMES,
) -> TreeSolution:
    """Subgame-perfect equilibria of an extensive-form game, each verified exactly.

    Perfect-information trees (chance allowed, any number of players): every
    pure SPE by backward induction, with their exact number. Trees with
    information sets (perfect recall): subgame decomposition, each proper
    subgame solved on its reduced normal form (see the module docstring).

    Every equilibrium is checked before it is returned: the behaviour regrets
    are exactly 0 and so are the regrets in every subgame (for perfect
    information, the one-shot deviation check at every node), and the
    realization-equivalent mixed profile is certified on the reduced normal
    form when that has at most ``certify_limit`` pure profiles.

    Parameters
    ----------
    game : ExtensiveFormGame
        A finished numeric tree.
    max_equilibria : int, default 100
        List at most this many equilibria.
    tol : float, optional
        Tolerance for float games (default ``1e-9 * max(1, max |payoff|)``).
    certify_limit : int, default :data:`~gametheory.solvers.trees.CERTIFY_LIMIT`
        Largest reduced normal form (pure profiles) built for certification.
    subgame_method : str, default ``"auto"``
        Normal-form method for subgames with information sets: ``"auto"``
        (``enummixed`` for 2 players, ``pure`` for one mover, ``enumpoly``
        for small N-player subgames, else ``pure``), ``"enummixed"``,
        ``"pure"``, ``"enumpoly"``, ``"support"``.
    max_outcomes : int, default 10000
        Cap on distinct continuation outcomes per node (perfect information).

    Returns
    -------
    TreeSolution
        ``method == "spe"``. For perfect information ``count`` is the number
        of pure SPE and ``complete`` is ``"all"`` (no ties: the SPE is
        unique), ``"all-pure"`` (ties: every pure SPE is listed, mixtures at
        tied nodes are SPE as well) or ``"some"`` (capped). With information
        sets ``complete`` is ``"all"`` when every subgame had finitely many
        equilibria, all found, else ``"some"``.

    Raises
    ------
    MethodNotApplicableError
        Information sets without perfect recall.
    SymbolicGameError
        The tree has free parameters (see :func:`gametheory.analysis.spe.spe_outcome`).

    References
    ----------
    .. [1] R. Selten (1975), see the module docstring.

    Examples
    --------
    Selten's chain store with two markets: both entrants enter and the
    incumbent shares each time (Selten 1978, "The chain store paradox",
    Theory and Decision 9: payoffs per market, entrant/incumbent, out
    (1, 5), fight (0, 0), share (2, 2)).

    >>> from gametheory.games.extensive import ExtensiveFormGame
    >>> g = ExtensiveFormGame(["E1", "E2", "I"], title="chain store, 2 markets")
    >>> def market(node, entrant, before, last):
    ...     out, enter = g.move(node, entrant, ["out", "in"])
    ...     fight, share = g.move(enter, "I", ["fight", "share"])
    ...     for leaf, (e, i) in ((out, (1, 5)), (fight, (0, 0)), (share, (2, 2))):
    ...         pay = {"E1": before[0], "E2": before[1], "I": before[2] + i}
    ...         pay[entrant] += e
    ...         if last:
    ...             _ = g.outcome(leaf, pay)
    ...         else:
    ...             market(leaf, "E2", (pay["E1"], pay["E2"], pay["I"]), True)
    >>> market(g.root, "E1", (0, 0, 0), False)
    >>> sol = solve_spe_tree(g)
    >>> sol.count, sol.complete, sol[0].payoffs
    (1, 'all', {'E1': Fraction(2, 1), 'E2': Fraction(2, 1), 'I': Fraction(4, 1)})
    >>> sol[0].subgame_perfect, sol[0].regret
    (True, Fraction(0, 1))
    """
    game.validate()
    game.numeric_check("method 'spe'")
    if not isinstance(max_equilibria, int) or isinstance(max_equilibria, bool) or max_equilibria < 1:
        raise ValueError(f"max_equilibria must be a positive integer; got {max_equilibria!r}")
    exact = game.is_exact
    if game.is_perfect_information:
        return _solve_perfect_information(game, max_equilibria, tol, certify_limit, max_outcomes)
    ftol = None if exact else _float_tol(game, tol)
    game.check_perfect_recall("method 'spe' (subgame decomposition)")
    assigns, complete, notes = _decompose(game, max_equilibria=max_equilibria, tol=ftol,
                                          method=subgame_method)
    small = reduced_normal_form_size(game, cap=certify_limit) <= certify_limit
    out = []
    seen = set()
    for a in assigns:
        b = BehaviorProfile(game, a)
        eq = _wrap(game, b, "spe", tol=ftol, certify_rnf=small, require_subgame_perfect=True)
        if eq.key in seen:
            continue
        seen.add(eq.key)
        out.append(eq)
    if not small:
        notes.append("the reduced normal form is too large to build: equilibria were verified "
                     "in the tree (behaviour regrets and every subgame's regrets exactly 0)")
    return TreeSolution(game, "spe", tuple(out), exact and all(e.exact for e in out),
                        "all" if complete else "some", None, (), None, tuple(notes),
                        game.to_normal_form() if small else None)


def _solve_perfect_information(
    game: ExtensiveFormGame, max_equilibria: int, tol_option: float | None, certify_limit: int,
    max_outcomes: int,
) -> TreeSolution:
    exact = game.is_exact
    T = _Flat(game, exact)
    ftol = None if exact else (DEFAULT_RTOL * T.scale if tol_option is None else float(tol_option))
    tol: float = 0 if ftol is None else ftol  # ftol is None exactly for exact games
    found, count, _, ties, cut = _search(T, tol, max_equilibria, max_outcomes)
    small = _flat_rnf_size(T, certify_limit) <= certify_limit
    players = game.players
    out: list[TreeEquilibrium] = []
    for choice in found:
        V, B, reg = _lean_check(T, choice, exact)
        regrets = {p: (Fraction(B[0][i] - V[0][i]) if exact else B[0][i] - V[0][i])
                   for i, p in enumerate(players)}
        node_regrets: dict[str, dict[str, Any]] = {p: {} for p in players}
        for k, r in enumerate(reg):
            if r is not None:
                node_regrets[players[T.mover[k]]][T.labels[k]] = r  # type: ignore[index]
                if (r != 0) if exact else (r > tol):
                    raise VerificationError(
                        f"spe: at node {T.nodes[k].id!r} the mover gains {r} by deviating"
                    )
        bad = {p: v for p, v in regrets.items() if ((v != 0) if exact else (v > tol))}
        if bad:  # pragma: no cover - implied by the node regrets
            raise VerificationError(f"spe: not an equilibrium (regrets {bad})")
        payoffs = {p: (Fraction(V[0][i]) if exact else V[0][i]) for i, p in enumerate(players)}
        chosen = _profile_dict(T, choice)
        if small:
            b = BehaviorProfile(game, chosen)
            out.append(_wrap(game, b, "spe", tol=ftol, certify_rnf=True,
                             require_subgame_perfect=True))
        else:
            out.append(TreeEquilibrium(
                game, functools.partial(BehaviorProfile, game, chosen), None, payoffs, regrets,
                node_regrets, "spe", exact, True, None, chosen))
    notes: list[str] = []
    if ties:
        ids = [T.nodes[k].id for k in ties[::-1][:10]]
        more = f" and {len(ties) - 10} more" if len(ties) > 10 else ""
        notes.append(f"ties at nodes {ids}{more}: mixing there is subgame perfect too")
    if cut:
        notes.append(f"outcome sets cut at {max_outcomes} (max_outcomes) at nodes "
                     f"{[T.nodes[k].id for k in cut[:10]]}: the count is a lower bound")
    if len(found) < count:
        notes.append(f"{count} pure SPE in all; the first {len(found)} are listed (max_equilibria)")
    if not small:
        notes.append("the reduced normal form is too large to build: equilibria were verified "
                     "in the tree (one-shot deviation check at every node, exact)")
    if cut or len(found) < count:
        complete = "some"
    elif ties:
        complete = "all-pure"
    else:
        complete = "all"
    return TreeSolution(game, "spe", tuple(out), exact, complete, count, (), None,
                        tuple(notes), game.to_normal_form() if small else None)
