"""Two-player trees in sequence form: Lemke's algorithm (``lcp``) and linear programming (``lp``).

Definitions (Koller, Megiddo and von Stengel 1996 [1]_; von Stengel 1996 [2]_).
With perfect recall a mixed strategy of player 1 is summarised by its
*realization plan* :math:`x \\ge 0` over the player's sequences, with
:math:`E x = e` (see :class:`~gametheory.games.extensive.SequenceForm`); for
player 2, :math:`F y = f`. Expected payoffs are :math:`x^\\top A y` and
:math:`x^\\top B y`, where :math:`A, B` sum chance-weighted payoffs of the
terminal nodes by the pair of sequences leading to them. The matrices have
one row and column per sequence, so they are linear in the size of the tree,
where the reduced normal form can be exponential.

lcp
    Subtract a constant from each player's payoffs so that every terminal
    payoff is negative (this changes no best response: every plan reaches
    terminals with total probability 1), giving :math:`A', B' < 0`. Player 1's
    best responses to :math:`y` solve the linear program
    :math:`\\max x^\\top A' y` subject to :math:`E x \\ge e, x \\ge 0` (with
    negative payoffs extra mass only costs, so the relaxed constraint is tight
    wherever the opponent's plan reaches), whose dual has variables
    :math:`u \\ge 0` per information set. Equilibria are the solutions of the
    linear complementarity problem (LCP)

    .. math::

        w = b + M z \\ge 0,\\quad z = (x, y, u, v) \\ge 0,\\quad z^\\top w = 0,\\qquad
        M = \\begin{pmatrix} 0 & -A' & -E^\\top & 0\\\\ -B'^\\top & 0 & 0 & -F^\\top\\\\
        E & 0 & 0 & 0\\\\ 0 & F & 0 & 0\\end{pmatrix},\\quad
        b = (0, 0, -e, -f)

    (the form used by Gambit's ``lcp`` on trees). Lemke's algorithm with
    covering vector :math:`d = \\mathbf 1` and an artificial variable
    :math:`z_0` follows a path of almost complementary bases from
    :math:`z_0 = 1` until :math:`z_0` leaves the basis; for negative payoffs
    the path ends at a solution, not on a secondary ray (Koller, Megiddo and
    von Stengel 1996, section 4; covering vectors as in von Stengel, van den
    Elzen and Talman 2002 [3]_). Pivoting is exact on integers (payoffs scaled
    by the common denominator; each pivot divides exactly by the previous
    pivot element) and ties of the minimum-ratio test are broken by the
    lexicographic rule, so degenerate games are handled and the result is
    exact. The behaviour profile is read off the plans,
    :math:`\\beta(I, a) = x_{\\sigma a} / \\sum_b x_{\\sigma b}` (uniform where the
    player's own plan does not reach :math:`I`), and is verified exactly; the
    notes say if a plan had slack somewhere (never seen on the catalog or on
    random trees, but not excluded by the argument above).
lp
    For a zero-sum (or constant-sum) tree player 1's optimal plans solve
    :math:`\\max_{x, q} f^\\top q` subject to :math:`F^\\top q \\le A^\\top x`,
    :math:`E x = e`, :math:`x \\ge 0` (Koller, Megiddo and von Stengel 1994 [4]_),
    and symmetrically for player 2. Floating-point HiGHS solutions propose
    the plans; their behaviour strategies are rounded to nearby rationals and
    *proved* optimal exactly when player 1's security level equals player 2's
    (both computed by exact best responses in the tree). Otherwise an exact
    simplex method (Bland's rule, rational arithmetic) solves the linear
    programs; floating point never decides anything in exact games.

References
----------
.. [1] D. Koller, N. Megiddo and B. von Stengel, "Efficient computation of
   equilibria for extensive two-person games", *Games and Economic Behavior*
   14 (1996) 247-259.
.. [2] B. von Stengel, "Efficient computation of behavior strategies",
   *Games and Economic Behavior* 14 (1996) 220-246.
.. [3] B. von Stengel, A. van den Elzen and D. Talman, "Computing normal form
   perfect equilibria for extensive two-person games", *Econometrica* 70
   (2002) 693-715.
.. [4] D. Koller, N. Megiddo and B. von Stengel, "Fast algorithms for finding
   randomized strategies in game trees", Proceedings of the 26th ACM
   Symposium on Theory of Computing (STOC), 1994, 750-759.
.. [5] C. E. Lemke, "Bimatrix equilibrium points and mathematical
   programming", *Management Science* 11 (1965) 681-689.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from .._numbers import format_number, to_fraction
from ..errors import MethodNotApplicableError, VerificationError
from ..games.behavior import BehaviorProfile
from ..games.extensive import ExtensiveFormGame, SequenceForm
from .lemke_howson import _pivot_exact
from .trees import (
    CERTIFY_LIMIT,
    TreeSolution,
    _check_tree,
    _float_tol,
    _wrap,
    reduced_normal_form_size,
)

__all__ = ["LemkeResult", "sequence_form_lemke", "solve_lcp_tree", "solve_lp_tree"]


# ============================================================================ data


@dataclass(frozen=True)
class _Terminal:
    seqs: tuple[int, int]
    weight: Any
    payoffs: tuple[Any, Any]


def _two_player_sequence_form(game: ExtensiveFormGame, method: str) -> SequenceForm:
    _check_tree(game, method)
    if game.n_players != 2:
        raise MethodNotApplicableError(
            f"method {method!r} handles 2-player trees; this game has {game.n_players} "
            f"player{'' if game.n_players == 1 else 's'} "
            "(use 'spe' or 'pure')"
        )
    return game.sequence_form()  # raises MethodNotApplicableError without perfect recall


def _terminals(game: ExtensiveFormGame, sf: SequenceForm, exact: bool) -> list[_Terminal]:
    """Terminal nodes reached with positive chance probability: sequence pair, weight, payoffs."""
    players = game.players
    last_index = []
    for i in range(2):
        last_index.append({seq[-1]: k for k, seq in enumerate(sf.sequences[i]) if seq})
    def keep(v: Any) -> Any:
        return v

    conv: Callable[[Any], Any]
    if exact and game.is_exact:  # stored as int or Fraction already
        conv = keep
    else:
        conv = to_fraction if exact else float
    out = []
    stack: list[tuple[Any, int, int, Any]] = [(game.root, 0, 0, conv(1))]
    while stack:
        node, s1, s2, w = stack.pop()
        if node.is_terminal:
            if w != 0:
                pay = node.payoffs
                out.append(_Terminal((s1, s2), w, (conv(pay[players[0]]), conv(pay[players[1]]))))
            continue
        inf = node.infoset
        probs = node.probabilities
        for a, child in node.children.items():
            if inf is None:
                q = conv(probs[a])
                if q != 0:
                    stack.append((child, s1, s2, w * q))
            elif inf.player == players[0]:
                stack.append((child, last_index[0][(inf.label, a)], s2, w))
            else:
                stack.append((child, s1, last_index[1][(inf.label, a)], w))
    return out


def _behavior_from_plans(game: ExtensiveFormGame, sf: SequenceForm,
                         plans: Sequence[Sequence[Any]], exact: bool) -> BehaviorProfile:
    """Behaviour probabilities :math:`x_{\\sigma a} / \\sum_b x_{\\sigma b}`; uniform where the
    player's own plan does not reach the information set."""
    data: dict[str, dict[str, list[Any]]] = {}
    for i, p in enumerate(sf.players):
        x = plans[i]
        data[p] = {}
        pos = 1
        for label in sf.infosets[i]:
            k = len(game.get_infoset(label, p).actions)
            part = [x[pos + t] for t in range(k)]
            total = sum(part)
            if total > 0:
                probs = [Fraction(v) / Fraction(total) if exact else float(v) / float(total)
                         for v in part]
            else:
                probs = [Fraction(1, k) if exact else 1.0 / k] * k
            data[p][label] = probs
            pos += k
    return BehaviorProfile(game, data)


# ============================================================================ Lemke


@dataclass(frozen=True)
class LemkeResult:
    """Realization plans found by :func:`sequence_form_lemke`.

    Attributes
    ----------
    plans : tuple of list
        Player 1's and player 2's realization plans (exact ``Fraction`` lists
        in the order of :attr:`SequenceForm.sequences`).
    pivots : int
        Number of pivots on Lemke's path.
    degenerate : bool
        True when the minimum-ratio test tied (resolved lexicographically).
    """

    plans: tuple[list[Fraction], list[Fraction]]
    pivots: int
    degenerate: bool


def _lexmin(T: list[list[int]], rows: list[int], c: int, cols: Sequence[int],
            sign: int) -> tuple[int, bool]:
    """Row with the lexicographically smallest ``T[i][cols] / (sign * T[i][c])``."""
    best = rows[0]
    tie = False
    for i in rows[1:]:
        row, b = T[i], T[best]
        t, tb = sign * row[c], sign * b[c]
        for pos, col in enumerate(cols):
            lhs, rhs = row[col] * tb, b[col] * t
            if lhs != rhs:
                if lhs < rhs:
                    best = i
                    tie = pos > 0
                elif pos > 0:
                    tie = True
                break
        else:  # pragma: no cover - rows of an invertible basis cannot be proportional
            raise ArithmeticError("lexicographic ratio test found two proportional rows")
    return best, tie


def _integer_rows(values: dict[tuple[int, int], Any]) -> tuple[dict[tuple[int, int], int], int]:
    lcm = 1
    for v in values.values():
        lcm = math.lcm(lcm, v.denominator)
    return {k: int(v * lcm) for k, v in values.items()}, lcm


def sequence_form_lemke(game: ExtensiveFormGame, *, max_pivots: int = 1_000_000) -> LemkeResult:
    """An equilibrium in realization plans by Lemke's algorithm on the sequence form (exact).

    See the module docstring for the linear complementarity problem. Float
    trees are solved on the exact binary values of their payoffs.

    Parameters
    ----------
    game : ExtensiveFormGame
        Two players, perfect recall, numeric payoffs.
    max_pivots : int, default 1000000
        Safety limit on the length of the path.

    Returns
    -------
    LemkeResult

    Raises
    ------
    MethodNotApplicableError
        Not 2 players, or imperfect recall (the offending information set is named).
    SymbolicGameError
        Free parameters.

    References
    ----------
    .. [1] D. Koller, N. Megiddo and B. von Stengel (1996), see the module docstring.

    Examples
    --------
    Matching pennies as a tree (player 2 does not see player 1's coin):

    >>> from gametheory.games.extensive import ExtensiveFormGame
    >>> g = ExtensiveFormGame(["1", "2"])
    >>> h, t = g.move(g.root, "1", ["H", "T"])
    >>> for node, sign in ((h, 1), (t, -1)):
    ...     hh, tt = g.move(node, "2", ["h", "t"], infoset="guess")
    ...     _ = g.outcome(hh, [sign, -sign]); _ = g.outcome(tt, [-sign, sign])
    >>> res = sequence_form_lemke(g)
    >>> [str(v) for v in res.plans[0]], [str(v) for v in res.plans[1]]
    (['1', '1/2', '1/2'], ['1', '1/2', '1/2'])
    """
    sf = _two_player_sequence_form(game, "lcp")
    terms = _terminals(game, sf, exact=True)
    m, n = len(sf.sequences[0]), len(sf.sequences[1])
    E, F = sf.constraints
    k1, k2 = E.shape[0], F.shape[0]
    # shift payoffs below zero, then scale each player's to integers
    shifted: list[dict[tuple[int, int], Any]] = [{}, {}]
    for pl in range(2):
        top = max((t.payoffs[pl] for t in terms), default=0)
        K = top + 1
        for t in terms:
            shifted[pl][t.seqs] = shifted[pl].get(t.seqs, 0) + t.weight * (t.payoffs[pl] - K)
    Aint, _ = _integer_rows(shifted[0])
    Bint, _ = _integer_rows(shifted[1])
    r = m + n + k1 + k2
    width = 2 * r + 2
    Z0, RHS = 2 * r, 2 * r + 1
    ox, oy, ou, ov = 0, m, m + n, m + n + k1
    T = [[0] * width for _ in range(r)]
    for i in range(r):
        T[i][i] = 1  # w_i
        T[i][Z0] = -1  # -d_i z0, d = 1
    # row i: w_i - (M z)_i - z0 = b_i, so the z-part of the tableau is -M
    for (s1, s2), a in Aint.items():
        T[ox + s1][r + oy + s2] += a  # M[x, y] = -A'
    for (s1, s2), bval in Bint.items():
        T[oy + s2][r + ox + s1] += bval  # M[y, x] = -B'^T
    for row in range(k1):
        for s in range(m):
            e = int(E[row, s])
            if e:
                T[ox + s][r + ou + row] += e  # M[x, u] = -E^T
                T[ou + row][r + ox + s] -= e  # M[u, x] = E
    for row in range(k2):
        for s in range(n):
            f = int(F[row, s])
            if f:
                T[oy + s][r + ov + row] += f
                T[ov + row][r + oy + s] -= f
    T[ou][RHS] = -1  # b_u = -e
    T[ov][RHS] = -1  # b_v = -f
    basis = list(range(r))  # w
    lex = [RHS, *range(r)]
    # first pivot: z0 enters where it must be largest
    row, _ = _lexmin(T, list(range(r)), Z0, lex, -1)
    det = _pivot_exact(T, row, Z0, 1)
    if det < 0:
        for i in range(r):
            T[i] = [-v for v in T[i]]
        det = -det
    leaving = basis[row]
    basis[row] = Z0
    degenerate = False  # the first ratio test always ties (both empty-sequence rows)
    pivots = 1
    while True:
        entering = leaving + r if leaving < r else leaving - r
        cand = [i for i in range(r) if T[i][entering] > 0]
        if not cand:
            raise VerificationError(
                "lcp: Lemke's algorithm ended on a secondary ray; this contradicts "
                "Koller-Megiddo-von Stengel (1996) and is a bug"
            )
        row, tie = _lexmin(T, cand, entering, lex, 1)
        degenerate |= tie
        det = _pivot_exact(T, row, entering, det)
        leaving = basis[row]
        basis[row] = entering
        pivots += 1
        if leaving == Z0:
            break
        if pivots > max_pivots:
            raise VerificationError(f"lcp: no solution after {max_pivots} pivots")
    z = [Fraction(0)] * r
    for i, var in enumerate(basis):
        if r <= var < 2 * r:
            z[var - r] = Fraction(T[i][RHS], det)
    x = z[ox:ox + m]
    y = z[oy:oy + n]
    return LemkeResult((x, y), pivots, degenerate)


def _plans_proper(sf: SequenceForm, plans: Sequence[Sequence[Any]]) -> bool:
    for i in range(2):
        E = sf.constraints[i]
        x = plans[i]
        for row in range(E.shape[0]):
            total = sum(int(E[row, s]) * x[s] for s in range(len(x)) if E[row, s])
            if total != int(sf.rhs[i][row]):
                return False
    return True


def solve_lcp_tree(
    game: ExtensiveFormGame,
    *,
    tol: float | None = None,
    certify_limit: int = CERTIFY_LIMIT,
) -> TreeSolution:
    """One equilibrium of a 2-player tree by Lemke's algorithm on the sequence form.

    The result is verified exactly (behaviour regrets 0) and, when the
    reduced normal form has at most ``certify_limit`` profiles, certified
    there too.

    Parameters
    ----------
    game : ExtensiveFormGame
        Two players, perfect recall, numeric payoffs.
    tol : float, optional
        Float trees: tolerance of the final check (the path is computed
        exactly on the binary values of the payoffs).
    certify_limit : int
        See :data:`~gametheory.solvers.trees.CERTIFY_LIMIT`.

    Returns
    -------
    TreeSolution
        ``method == "lcp"``, ``complete == "one"``.

    Raises
    ------
    MethodNotApplicableError
        Not 2 players, or imperfect recall.
    SymbolicGameError
        Free parameters.

    References
    ----------
    .. [1] D. Koller, N. Megiddo and B. von Stengel (1996), see the module docstring.

    Examples
    --------
    >>> from gametheory.games.extensive import ExtensiveFormGame
    >>> g = ExtensiveFormGame(["1", "2"])
    >>> h, t = g.move(g.root, "1", ["H", "T"])
    >>> for node, sign in ((h, 1), (t, -1)):
    ...     hh, tt = g.move(node, "2", ["h", "t"], infoset="guess")
    ...     _ = g.outcome(hh, [sign, -sign]); _ = g.outcome(tt, [-sign, sign])
    >>> sol = solve_lcp_tree(g)
    >>> print(sol[0])
    1: (H 1/2, T 1/2); 2: (h 1/2, t 1/2) -> payoffs (0, 0)
    """
    sf = _two_player_sequence_form(game, "lcp")
    res = sequence_form_lemke(game)
    exact = game.is_exact
    notes = [f"Lemke's path: {res.pivots} pivots"
             + ("; degenerate ratio tests resolved lexicographically" if res.degenerate else "")]
    if not _plans_proper(sf, res.plans):
        notes.append("the LCP solution over-realizes sequences the opponent never reaches; "
                     "behaviour read off by normalising at each information set")
    behavior = _behavior_from_plans(game, sf, res.plans, exact)
    ftol = None if exact else _float_tol(game, tol)
    if not exact:
        behavior = BehaviorProfile(game, {p: {lab: [float(v) for v in d.values()]
                                              for lab, d in behavior[p].items()}
                                          for p in game.players})
    small = reduced_normal_form_size(game, cap=certify_limit) <= certify_limit
    eq = _wrap(game, behavior, "lcp", tol=ftol, certify_rnf=small, check_subgames=True)
    return TreeSolution(game, "lcp", (eq,), eq.exact, "one", None, (), res.degenerate,
                        tuple(notes), game.to_normal_form() if small else None)


# ============================================================================ LP (zero-sum)


def _constant_sum(game: ExtensiveFormGame, terms: list[_Terminal]) -> Any:
    """The constant sum of payoffs, or MethodNotApplicableError naming two terminals."""
    nodes = game.terminals()
    sums = [(n, sum(n.payoffs.values())) for n in nodes]  # type: ignore[union-attr]
    first = sums[0][1]
    exact = game.is_exact
    for n, s in sums:
        different = (s != first) if exact else abs(float(s) - float(first)) > 1e-12 * max(
            1.0, abs(float(first)))
        if different:
            raise MethodNotApplicableError(
                f"method 'lp' needs a zero-sum or constant-sum tree, but the payoffs sum to "
                f"{format_number(first)} at terminal {sums[0][0].id!r} and to {format_number(s)} "
                f"at terminal {n.id!r}; use 'lcp' or 'enummixed' instead"
            )
    return first


def _highs_plan(sf: SequenceForm, terms: list[_Terminal], player: int) -> list[float] | None:
    """Player ``player``'s maxmin realization plan by HiGHS (floating point)."""
    from scipy.optimize import linprog

    me, other = player, 1 - player
    E = np.asarray(sf.constraints[me], dtype=float)
    F = np.asarray(sf.constraints[other], dtype=float)
    m, n = E.shape[1], F.shape[1]
    A = np.zeros((m, n))
    for t in terms:
        A[t.seqs[me], t.seqs[other]] += float(t.weight) * float(t.payoffs[me])
    scale = float(np.max(np.abs(A))) or 1.0
    A /= scale
    k2 = F.shape[0]
    # variables (x, q): maximise q_0 s.t. F^T q - A^T x <= 0, E x = e, x >= 0, q free
    cost = np.zeros(m + k2)
    cost[m] = -1.0
    A_ub = np.hstack([-A.T, F.T])
    A_eq = np.hstack([E, np.zeros((E.shape[0], k2))])
    b_eq = np.asarray(sf.rhs[me], dtype=float)
    bounds = [(0, None)] * m + [(None, None)] * k2
    try:
        res = linprog(cost, A_ub=A_ub, b_ub=np.zeros(n), A_eq=A_eq, b_eq=b_eq, bounds=bounds,
                      method="highs")
    except (ValueError, RuntimeError):  # pragma: no cover - HiGHS failure
        return None
    if res.status != 0 or res.x is None:  # pragma: no cover
        return None
    return [max(float(v), 0.0) for v in res.x[:m]]


def _simplex_plan(game: ExtensiveFormGame, sf: SequenceForm, terms: list[_Terminal],
                  player: int) -> list[Fraction]:
    """Player ``player``'s maxmin realization plan by the exact simplex method.

    Payoffs are shifted to be positive; then ``max f^T q`` subject to
    ``F^T q - A^T x <= 0``, ``E x <= e``, ``x, q >= 0`` has the origin
    feasible and an optimal ``x`` that, completed top-down into a plan, is
    optimal for the original problem (payoffs are positive, so more mass
    never lowers the security level).
    """
    from ._exact_lp import simplex_max

    me, other = player, 1 - player
    E, F = sf.constraints[me], sf.constraints[other]
    m, n = E.shape[1], F.shape[1]
    k1, k2 = E.shape[0], F.shape[0]
    low = min(t.payoffs[me] for t in terms)
    K = 1 - low
    A = [[Fraction(0)] * n for _ in range(m)]
    for t in terms:
        A[t.seqs[me]][t.seqs[other]] += t.weight * (t.payoffs[me] + K)
    rows: list[list[Any]] = []
    b: list[Any] = []
    for tau in range(n):  # -A^T x + F^T q <= 0
        rows.append([-A[s][tau] for s in range(m)] + [int(F[j, tau]) for j in range(k2)])
        b.append(0)
    for j in range(k1):  # E x <= e
        rows.append([int(E[j, s]) for s in range(m)] + [0] * k2)
        b.append(int(sf.rhs[me][j]))
    c = [0] * m + [1] + [0] * (k2 - 1)
    result = simplex_max(c, rows, b)
    if result is None:  # pragma: no cover - bounded by E x <= e
        raise VerificationError("lp: the sequence-form linear program is unbounded (a bug)")
    x = list(result[0][:m])
    # complete the plan top-down: x_empty = 1, lost mass to the first action
    x[0] = Fraction(1)
    pos = 1
    parents = sf.parent_sequence[me]
    for j, label in enumerate(sf.infosets[me]):  # parents before children
        k = len(game.get_infoset(label, sf.players[me]).actions)
        deficit = x[parents[j]] - sum(x[pos:pos + k])
        if deficit > 0:
            x[pos] += deficit
        pos += k
    return x


def _security_levels(game: ExtensiveFormGame, behavior: BehaviorProfile, constant: Any) -> tuple[Any, Any]:
    """(player 1's guaranteed payoff, the most player 1 can get): equal iff both are optimal."""
    p1, p2 = game.players
    best2, _ = behavior.best_response(p2)
    best1, _ = behavior.best_response(p1)
    return constant - best2, best1


def solve_lp_tree(
    game: ExtensiveFormGame,
    *,
    tol: float | None = None,
    certify_limit: int = CERTIFY_LIMIT,
) -> TreeSolution:
    """Optimal behaviour strategies and the value of a 2-player zero-sum tree.

    Parameters
    ----------
    game : ExtensiveFormGame
        Two players, perfect recall, payoffs summing to the same constant at
        every terminal node.
    tol : float, optional
        Tolerance for float trees.
    certify_limit : int
        See :data:`~gametheory.solvers.trees.CERTIFY_LIMIT`.

    Returns
    -------
    TreeSolution
        ``method == "lp"``, ``complete == "one"``; the value is in ``notes``.

    Raises
    ------
    MethodNotApplicableError
        Not 2 players, imperfect recall, or payoffs that are not constant-sum
        (two terminals with different sums are named).
    SymbolicGameError
        Free parameters.

    References
    ----------
    .. [1] D. Koller, N. Megiddo and B. von Stengel (1994), see the module docstring.

    Examples
    --------
    A simplified poker (Kuhn 1950 style): player 1 sees a fair card, high or
    low, and bets or checks; player 2 sees only the bet and calls or folds.

    >>> from fractions import Fraction as F
    >>> from gametheory.games.extensive import ExtensiveFormGame
    >>> g = ExtensiveFormGame(["1", "2"], title="simple poker")
    >>> high, low = g.chance(g.root, {"high": F(1, 2), "low": F(1, 2)})
    >>> for card, sign in ((high, 1), (low, -1)):
    ...     bet, check = g.move(card, "1", ["bet", "check"], infoset=f"1{card.action}")
    ...     _ = g.outcome(check, [sign, -sign])
    ...     call, fold = g.move(bet, "2", ["call", "fold"], infoset="2")
    ...     _ = g.outcome(call, [2 * sign, -2 * sign]); _ = g.outcome(fold, [1, -1])
    >>> sol = solve_lp_tree(g)
    >>> sol.notes[0], str(sol[0])
    ('value 1/3 for player 1', '1: bet/(bet 1/3, check 2/3); 2: (call 2/3, fold 1/3) -> payoffs (1/3, -1/3)')
    """
    sf = _two_player_sequence_form(game, "lp")
    exact = game.is_exact
    terms = _terminals(game, sf, exact=exact)
    constant = _constant_sum(game, terms)
    ftol = None if exact else _float_tol(game, tol)
    notes: list[str] = []
    behavior = None
    plans_f = [_highs_plan(sf, terms, 0), _highs_plan(sf, terms, 1)]
    if all(p is not None for p in plans_f):
        if exact:
            rounded = [[Fraction(v).limit_denominator(10**6) for v in p] for p in plans_f]  # type: ignore[union-attr]
            try:
                candidate = _behavior_from_plans(game, sf, rounded, exact=True)
            except Exception:  # pragma: no cover - rounding broke a sum (renormalised anyway)
                candidate = None
            if candidate is not None:
                lo, hi = _security_levels(game, candidate, constant)
                if lo == hi:
                    behavior = candidate
                    notes.append(f"value {format_number(lo)} for player 1")
                    notes.append("HiGHS proposal rounded to rationals and proved optimal exactly")
        else:
            candidate = _behavior_from_plans(game, sf, plans_f, exact=False)  # type: ignore[arg-type]
            lo, hi = _security_levels(game, candidate, constant)
            if hi - lo <= 2 * (ftol or 0):
                behavior = candidate
                notes.append(f"value {format_number(lo)} for player 1")
    if behavior is None:
        if not exact:
            terms = _terminals(game, sf, exact=True)
        plans = [_simplex_plan(game, sf, terms, 0), _simplex_plan(game, sf, terms, 1)]
        behavior = _behavior_from_plans(game, sf, plans, exact=True)
        if not exact:
            behavior = BehaviorProfile(game, {p: {lab: [float(v) for v in d.values()]
                                                  for lab, d in behavior[p].items()}
                                              for p in game.players})
        lo, hi = _security_levels(game, behavior, constant)
        notes.insert(0, f"value {format_number(lo)} for player 1")
        notes.append("exact simplex (Bland's rule)")
        if exact and lo != hi:  # pragma: no cover - would be a bug
            raise VerificationError(f"lp: security levels differ ({lo} < {hi})")
    small = reduced_normal_form_size(game, cap=certify_limit) <= certify_limit
    eq = _wrap(game, behavior, "lp", tol=ftol, certify_rnf=small, check_subgames=True)
    return TreeSolution(game, "lp", (eq,), eq.exact, "one", None, (), None, tuple(notes),
                        game.to_normal_form() if small else None)
