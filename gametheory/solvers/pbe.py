"""Perfect Bayesian and sequential equilibria; Bayesian Nash equilibria.

An *assessment* is a pair :math:`(\\beta, \\mu)` of a behaviour profile and a
system of beliefs (a distribution :math:`\\mu(\\cdot \\mid I)` over the nodes of
every information set :math:`I`).

Definitions used throughout
---------------------------
sequential rationality
    At every information set :math:`I` of player :math:`i`, :math:`\\beta_i`
    maximises :math:`i`'s expected payoff from :math:`I` on, given the beliefs
    :math:`\\mu(\\cdot \\mid I)` and the others' behaviour (Kreps and Wilson
    1982 [3]_).
Bayes' rule on the path
    At information sets reached with positive probability,
    :math:`\\mu(h \\mid I) = P_\\beta(h) / P_\\beta(I)`.
perfect Bayesian equilibrium (PBE)
    For signaling games (Fudenberg and Tirole 1991 [5]_, ch. 8): sequential
    rationality, Bayes' rule on the path, and *any* beliefs after messages
    nobody sends. In a signaling game every such belief is also consistent,
    so PBE and sequential equilibria coincide.
consistency, sequential equilibrium
    :math:`\\mu` is *consistent* if it is the limit of the Bayes beliefs of
    totally mixed profiles converging to :math:`\\beta` (Kreps and Wilson
    1982 [3]_); a sequential equilibrium is a consistent, sequentially
    rational assessment. Write :math:`Z(h)` for the zero-probability actions
    on the path to :math:`h` (with multiplicity) and :math:`w(h)` for the
    product of the other probabilities (chance included). Letting each
    zero-probability action :math:`a` tremble with probability
    :math:`c_a \\varepsilon^{\\lambda_a}` shows that a consistent belief at
    :math:`I` lives on the nodes whose exponent vectors :math:`Z(h)` minimise
    :math:`\\lambda \\cdot Z` for some :math:`\\lambda > 0` (a *face*), that nodes
    with the same :math:`Z(h)` keep the ratios of their :math:`w(h)`, and that
    the weights of groups with affinely independent exponent vectors are free.
    This module enumerates those faces exactly (linear programming checked in
    rational arithmetic). With affinely dependent exponent vectors (repeated
    trembles of one agent) the extra multiplicative constraints are not
    imposed and a note says so.
pattern of play (signaling games)
    *pooling*: every type (of positive prior probability) sends the same
    message; *separating*: the types send different messages; *partial
    pooling*: pure, neither; *hybrid* (semi-separating): some type mixes.
Intuitive Criterion (Cho and Kreps 1987 [1]_)
    For an unsent message :math:`m`, let :math:`J(m)` be the types whose
    equilibrium payoff :math:`u^*(t)` exceeds their best payoff from :math:`m`
    against any best response of the receiver to any belief. The
    equilibrium fails if some type :math:`t \\notin J(m)` gets more than
    :math:`u^*(t)` from :math:`m` against *every* best response to beliefs
    concentrated on the types outside :math:`J(m)`.
D1 (Banks and Sobel 1987 [2]_; Cho and Kreps 1987 [1]_)
    Type :math:`t` is deleted at an unsent message :math:`m` if another type
    :math:`t'` gains strictly from :math:`m` against every (mixed) best
    response against which :math:`t` gains weakly. The equilibrium survives if
    at every unsent message some belief that sustains it puts probability 0
    on the deleted types (no restriction when every type is deleted). One
    round of deletion is applied.

Algorithm (signaling games)
---------------------------
For each *pattern of play* (the set of messages each type sends) and each
set of receiver responses used after each message, the equilibrium
conditions split into independent *linear* systems: receiver optimality on
the path is linear in the weights :math:`\\pi(t)\\sigma(m \\mid t)`; sender
optimality is linear in the receiver's mixing; receiver optimality after an
unsent message is linear in the belief. Each system is a small polytope,
enumerated exactly (vertices in rational arithmetic, nonemptiness of the
strict inequalities decided at the centroid of the vertices, which lies in
the relative interior). So continua (a receiver mixing over an interval,
the set of off-path beliefs that sustain an equilibrium) are reported as
sets, not as one arbitrary point, and the enumeration is complete.

Algorithm (trees)
-----------------
Supports of the behaviour strategy at every information set (the agent form)
are enumerated after removing actions that are strictly worse at every node
of an information set whose continuation is already pure; each support
gives polynomial indifference equations in the mixing probabilities (and in
the free belief weights of unreached information sets), solved exactly by
sympy (univariate equations first, then the remaining system). Solutions are
checked against every inequality exactly. One-parameter continua are
reported with the interval of the parameter.

In trees the refinements are applied at unreached information sets entered
through a *revealing deviation*: each node of the set follows a last
zero-probability action of one player taken at a different information set
of that player (a privately informed player's type-specific choice, as
Russia's fight or accommodation in the reputation model M6). The nodes play
the role of types, the continuation values the role of payoffs, and the
deviator's equilibrium value at the deviation node that of :math:`u^*(t)`.

Every assessment returned is verified: beliefs equal Bayes' rule where the
information set is reached, and the regret of every player at every
information set, given the beliefs, is exactly 0 (floats: within a tolerance);
the realization-equivalent mixed profile of the reduced normal form is
certified as a Nash equilibrium with :func:`gametheory.equilibrium.certify`.

References
----------
.. [1] I.-K. Cho and D. M. Kreps, "Signaling games and stable equilibria",
   *Quarterly Journal of Economics* 102 (1987) 179-221.
.. [2] J. S. Banks and J. Sobel, "Equilibrium selection in signaling games",
   *Econometrica* 55 (1987) 647-661.
.. [3] D. M. Kreps and R. Wilson, "Sequential equilibria", *Econometrica* 50
   (1982) 863-894; and "Reputation and imperfect information", *Journal of
   Economic Theory* 27 (1982) 253-279.
.. [4] J. C. Harsanyi, "Games with incomplete information played by
   'Bayesian' players, I-III", *Management Science* 14 (1967-68) 159-182,
   320-334, 486-502.
.. [5] D. Fudenberg and J. Tirole, *Game Theory*, MIT Press (1991), ch. 8;
   and "Perfect Bayesian equilibrium and sequential equilibrium", *Journal
   of Economic Theory* 53 (1991) 236-260.
.. [6] R. Selten, "The chain store paradox", *Theory and Decision* 9 (1978)
   127-159.

Examples
--------
Beer-quiche (Cho and Kreps 1987): two pooling classes; only pooling on Beer
survives the Intuitive Criterion.

>>> from gametheory.games.bayesian import SignalingGame
>>> pay = {"weak": {"Beer": {"Duel": (0, 1), "Pass": (2, 0)},
...                 "Quiche": {"Duel": (1, 1), "Pass": (3, 0)}},
...        "strong": {"Beer": {"Duel": (1, 0), "Pass": (3, 1)},
...                   "Quiche": {"Duel": (0, 0), "Pass": (2, 1)}}}
>>> bq = SignalingGame(["weak", "strong"], {"weak": "1/10", "strong": "9/10"},
...     ["Beer", "Quiche"], ["Duel", "Pass"], pay)
>>> sol = solve_pbe(bq)
>>> [(e.label, e.refinements["intuitive"]) for e in sol]
[('pooling on Beer', 'survives'), ('pooling on Quiche', 'fails')]
>>> sol[0].probability("Quiche", "Duel"), sol[0].belief("Quiche", "weak")
((Fraction(1, 2), Fraction(1, 1)), (Fraction(1, 2), Fraction(1, 1)))
"""

from __future__ import annotations

import functools
import itertools
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import sympy

from .._numbers import format_number, to_fraction, to_sympy
from ..equilibrium import DEFAULT_RTOL, Equilibrium, EquilibriumSequence, certify
from ..errors import (
    InvalidProfileError,
    MethodNotApplicableError,
    UnknownLabelError,
    VerificationError,
)
from ..games.bayesian import BayesianGame, SignalingGame
from ..games.behavior import BehaviorProfile
from ..games.extensive import ExtensiveFormGame, Infoset

__all__ = [
    "REFINEMENTS",
    "Assessment",
    "BayesianNashEquilibrium",
    "BayesianNashSolution",
    "BeliefSet",
    "PBEPiece",
    "PBESolution",
    "PerfectBayesianEquilibrium",
    "certify_assessment",
    "sequential_regrets",
    "solve_bayesian_nash",
    "solve_pbe",
]

#: Refinements for signaling games, by name.
REFINEMENTS = {
    "intuitive": "the Intuitive Criterion (Cho and Kreps 1987)",
    "D1": "criterion D1 (Banks and Sobel 1987; Cho and Kreps 1987), one round",
}

_MAX_NF_CELLS = 200_000
_VERTEX_LIMIT = 200_000


# ============================================================================ exact polytopes


def _rref(rows: list[list[Fraction]]) -> tuple[list[list[Fraction]], list[int]]:
    M = [list(r) for r in rows]
    if not M:
        return M, []
    ncol = len(M[0])
    pivots: list[int] = []
    r = 0
    for c in range(ncol):
        p = next((k for k in range(r, len(M)) if M[k][c] != 0), None)
        if p is None:
            continue
        M[r], M[p] = M[p], M[r]
        piv = M[r][c]
        M[r] = [v / piv for v in M[r]]
        for k in range(len(M)):
            if k != r and M[k][c] != 0:
                f = M[k][c]
                M[k] = [x - f * y for x, y in zip(M[k], M[r], strict=True)]
        pivots.append(c)
        r += 1
        if r == len(M):
            break
    return M[:r], pivots


Row = tuple[Sequence[Fraction], Fraction]


def simplex_rows(groups: list[list[int]], n: int, one: Any = Fraction(1),
                 zero: Any = Fraction(0)) -> tuple[list[Any], list[Any]]:
    """Rows ``sum of the group = 1`` (equalities) and ``each member > 0`` (strict) over
    ``n`` unknowns, as ``(coefficients, constant)``: a mixed choice with exactly this
    support per group. ``one``/``zero`` give the number type (Fractions, or sympy
    numbers for the symbolic regions of :mod:`gametheory.analysis.pbe_regions`)."""
    eq: list[Any] = []
    gt: list[Any] = []
    for group in groups:
        eq.append(([one if j in group else zero for j in range(n)], one))
        gt.extend(([one if j == k else zero for j in range(n)], zero) for k in group)
    return eq, gt


def _det_int(M: list[list[int]]) -> int:
    """Determinant of a small integer matrix (Bareiss, exact)."""
    n = len(M)
    if n == 1:
        return M[0][0]
    if n == 2:
        return M[0][0] * M[1][1] - M[0][1] * M[1][0]
    A = [list(r) for r in M]
    sign, prev = 1, 1
    for k in range(n - 1):
        if A[k][k] == 0:
            p = next((r for r in range(k + 1, n) if A[r][k] != 0), None)
            if p is None:
                return 0
            A[k], A[p] = A[p], A[k]
            sign = -sign
        for i in range(k + 1, n):
            for j in range(k + 1, n):
                A[i][j] = (A[i][j] * A[k][k] - A[i][k] * A[k][j]) // prev
        prev = A[k][k]
    return sign * A[n - 1][n - 1]


@dataclass
class _Poly:
    """Vertices of the closure of {A_eq x = b, A_ge x >= b, A_gt x > b} and a relative-interior
    point of the set with the strict inequalities (None when that set is empty)."""

    vertices: list[tuple[Fraction, ...]]
    relint: tuple[Fraction, ...] | None
    rows_eq: list[Row] = field(default_factory=list)
    rows_ge: list[Row] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.relint is None


def _polytope(n: int, eq: Sequence[Row] = (), ge: Sequence[Row] = (),
              gt: Sequence[Row] = ()) -> _Poly:
    """Exact vertex enumeration of a small bounded polytope (see the module docstring)."""
    zero = Fraction(0)
    eq_rows: list[Row] = [(list(a), Fraction(b)) for a, b in eq]
    ineq = [(list(a), Fraction(b), False) for a, b in ge] + [
        (list(a), Fraction(b), True) for a, b in gt]
    rows_ge: list[Row] = [(a, b) for a, b, _ in ineq]
    if eq_rows:
        R, piv = _rref([[*a, b] for a, b in eq_rows])
        if n in piv:
            return _Poly([], None, eq_rows, rows_ge)
        x0 = [zero] * n
        for row, c in zip(R, piv, strict=True):
            x0[c] = row[n]
        free = [j for j in range(n) if j not in piv]
        basis = []
        for f in free:
            v = [zero] * n
            v[f] = Fraction(1)
            for row, c in zip(R, piv, strict=True):
                v[c] = -row[f]
            basis.append(v)
    else:
        x0 = [zero] * n
        basis = [[Fraction(int(i == j)) for i in range(n)] for j in range(n)]
    d = len(basis)
    strict_ok = True
    T: list[tuple[list[Fraction], Fraction, bool]] = []
    for a, b, s in ineq:
        coef = [sum((a[j] * v[j] for j in range(n) if a[j] and v[j]), zero) for v in basis]
        rhs = b - sum((a[j] * x0[j] for j in range(n) if a[j] and x0[j]), zero)
        if all(c == 0 for c in coef):
            if rhs > 0:
                return _Poly([], None, eq_rows, rows_ge)
            if s and rhs == 0:
                strict_ok = False
            continue
        T.append((coef, rhs, s))
    verts: list[tuple[Fraction, ...]] = []
    if d == 0:
        verts = [tuple(x0)]
    else:
        if math.comb(len(T), d) > _VERTEX_LIMIT:
            raise MethodNotApplicableError(
                f"pbe: a polytope with {len(T)} constraints in dimension {d} is too large to "
                "enumerate exactly"
            )
        # integer rows (positive scaling keeps each inequality) and Cramer's rule on ints
        IT = []
        for coef, rhs, _ in T:
            m = math.lcm(*(c.denominator for c in coef), rhs.denominator)
            IT.append(([int(c * m) for c in coef], int(rhs * m)))
        seen_t: set[tuple[int, ...]] = set()
        for combo in itertools.combinations(range(len(IT)), d):
            A = [IT[k][0] for k in combo]
            det = _det_int(A)
            if det == 0:
                continue
            rhs_col = [IT[k][1] for k in combo]
            nums = []
            for j in range(d):
                Aj = [row[:j] + [bk] + row[j + 1:] for row, bk in zip(A, rhs_col, strict=True)]
                nums.append(_det_int(Aj))
            if det < 0:
                det, nums = -det, [-x for x in nums]
            if any(sum(c * x for c, x in zip(coef, nums, strict=True)) < rhs * det
                   for coef, rhs in IT):
                continue
            g = math.gcd(det, *nums)
            key = (det // g, *(x // g for x in nums))
            if key in seen_t:
                continue
            seen_t.add(key)
            t = [Fraction(x, det) for x in nums]
            vertex = tuple(x0[j] + sum((t[k] * basis[k][j] for k in range(d)), zero)
                           for j in range(n))
            verts.append(vertex)
    if not verts or not strict_ok:
        return _Poly(sorted(verts), None, eq_rows, rows_ge)
    verts.sort()
    centre = tuple(sum((v[j] for v in verts), zero) / len(verts) for j in range(n))
    for a, b, s in ineq:
        val = sum((a[j] * centre[j] for j in range(n)), zero)
        if s and not val > b:
            return _Poly(verts, None, eq_rows, rows_ge)
    return _Poly(verts, centre, eq_rows, rows_ge)


# ============================================================================ results


def _fmt(v: Any) -> str:
    return format_number(v) if not isinstance(v, sympy.Basic) else str(v)


def _range_text(lo: Any, hi: Any) -> str:
    return _fmt(lo) if lo == hi else f"[{_fmt(lo)}, {_fmt(hi)}]"


@dataclass(frozen=True, eq=False)
class BeliefSet:
    """The beliefs at an unreached information set that sustain an equilibrium.

    A finite union of convex polytopes (one per *component*), each given by
    its vertices and by linear constraints.

    Attributes
    ----------
    infoset : str
        Label of the information set (a message, for signaling games).
    player : str
    labels : tuple of str
        What the beliefs are about: sender types (signaling games) or node
        ids (trees).
    components : tuple of tuple of dict
        Vertices ``{label: probability}`` of each convex component.
    constraints : tuple of tuple
        Per component, linear constraints ``(coefficients, op, rhs)`` with
        ``coefficients`` a dict by label and ``op`` in ``(">=", "==")``.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> b = BeliefSet("Open", "Russia", ("O", "D"),
    ...     (({"O": F(1, 2), "D": F(1, 2)}, {"O": F(1), "D": F(0)}),),
    ...     ((({"O": F(1), "D": F(1)}, "==", F(1)), ({"O": F(1), "D": F(-1)}, ">=", F(0))),))
    >>> b.range("O"), b.contains({"O": F(3, 4), "D": F(1, 4)})
    ((Fraction(1, 2), Fraction(1, 1)), True)
    >>> print(b)
    Open: P(O) in [1/2, 1]
    """

    infoset: str
    player: str
    labels: tuple[str, ...]
    components: tuple[tuple[dict[str, Any], ...], ...]
    constraints: tuple[tuple[tuple[dict[str, Any], str, Any], ...], ...] = ()

    @property
    def vertices(self) -> tuple[dict[str, Any], ...]:
        """Every vertex of every component."""
        return tuple(v for comp in self.components for v in comp)

    def range(self, label: str) -> tuple[Any, Any]:
        """Smallest and largest admissible probability of ``label``."""
        if label not in self.labels:
            raise UnknownLabelError(f"belief set at {self.infoset!r} has no {label!r}; "
                                    f"labels are {list(self.labels)}")
        vals = [v[label] for v in self.vertices]
        return min(vals), max(vals)

    def contains(self, belief: Mapping[str, Any]) -> bool:
        """Whether a belief ``{label: probability}`` is admissible (exact)."""
        unknown = [k for k in belief if k not in self.labels]
        if unknown:
            raise UnknownLabelError(f"unknown labels {unknown}; labels are {list(self.labels)}")
        x = {k: to_fraction(belief.get(k, 0)) for k in self.labels}
        if any(v < 0 for v in x.values()) or sum(x.values()) != 1:
            return False
        if not self.constraints:  # a convex combination of some component's vertices?
            for comp in self.components:
                n = len(comp)
                eq: list[Row] = [([Fraction(1)] * n, Fraction(1))]
                eq += [([to_fraction(v[k]) for v in comp], x[k]) for k in self.labels]
                ge: list[Row] = [([Fraction(int(i == j)) for i in range(n)], Fraction(0))
                                 for j in range(n)]
                if _polytope(n, eq, ge).vertices:
                    return True
            return False
        for system in self.constraints:
            ok = True
            for coef, op, rhs in system:
                val = sum((c * x[k] for k, c in coef.items()), Fraction(0))
                if (op == "==" and val != rhs) or (op == ">=" and val < rhs):
                    ok = False
                    break
            if ok:
                return True
        return False

    @property
    def is_point(self) -> bool:
        """True when exactly one belief is admissible."""
        verts = self.vertices
        return all(v == verts[0] for v in verts)

    def __str__(self) -> str:
        if len(self.labels) == 2:
            lab = self.labels[0]
            lo, hi = self.range(lab)
            return f"{self.infoset}: P({lab}) in {_range_text(lo, hi)}" if lo != hi else (
                f"{self.infoset}: P({lab}) = {_fmt(lo)}")
        parts = []
        for comp in self.components:
            parts.append("conv{" + ", ".join(
                "(" + ", ".join(f"{k} {_fmt(v[k])}" for k in self.labels) + ")" for v in comp
            ) + "}")
        return f"{self.infoset}: " + " or ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready description."""
        return {
            "infoset": self.infoset,
            "player": self.player,
            "components": [[{k: _fmt(v[k]) for k in self.labels} for v in comp]
                           for comp in self.components],
        }


@dataclass(frozen=True, eq=False)
class Assessment:
    """One verified assessment: a behaviour profile and beliefs at every information set.

    Attributes
    ----------
    behavior : BehaviorProfile
    beliefs : dict
        ``{player: {infoset label: {node id: probability}}}`` for every
        information set (Bayes' rule where reached).
    reached : dict
        ``{player: {infoset label: bool}}``: reached with positive probability.
    regrets : dict
        ``{player: {infoset label: regret}}``, all 0 (exactly for exact games).
    payoffs : dict
        Expected payoff of each player.
    exact : bool
    nash : Equilibrium or None
        The realization-equivalent mixed profile of the reduced normal form,
        certified as a Nash equilibrium (None when that normal form is too
        large to build).
    """

    behavior: BehaviorProfile
    beliefs: dict[str, dict[str, dict[str, Any]]]
    reached: dict[str, dict[str, bool]]
    regrets: dict[str, dict[str, Any]]
    payoffs: dict[str, Any]
    exact: bool
    nash: Equilibrium | None = None

    @property
    def game(self) -> ExtensiveFormGame:
        """The game tree."""
        return self.behavior.game

    def probability(self, infoset: str, action: str, player: str | None = None) -> Any:
        """Behaviour probability of ``action`` at an information set."""
        return self.behavior.probability(infoset, action, player)

    def reach_probability(self, node: str) -> Any:
        """Probability of reaching a node."""
        return self.behavior.realization_probability(node)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (numbers as strings)."""
        return {
            "behavior": self.behavior.to_dict(),
            "beliefs": {p: {lab: {n: _fmt(v) for n, v in b.items()} for lab, b in d.items()}
                        for p, d in self.beliefs.items()},
            "payoffs": {p: _fmt(v) for p, v in self.payoffs.items()},
        }

    def __str__(self) -> str:
        return str(self.behavior).replace("\n", "; ")


def _clean(v: Any) -> Any:
    if isinstance(v, int) and not isinstance(v, bool):
        return Fraction(v)
    return v


def sequential_regrets(
    profile: BehaviorProfile,
    beliefs: Mapping[str, Mapping[str, Mapping[str, Any]]] | None = None,
) -> dict[str, dict[str, Any]]:
    """Regret of each player at each information set, given beliefs.

    Beliefs are Bayes' rule at reached information sets, the node itself at
    unreached singletons, and ``beliefs[player][infoset]`` (``{node id:
    probability}``) at unreached information sets with several nodes;
    ``None`` is reported where no belief is available.

    Parameters
    ----------
    profile : BehaviorProfile
        On a numeric game with perfect recall.
    beliefs : mapping, optional
        Beliefs at (some) unreached information sets.

    Returns
    -------
    dict
        ``{player: {infoset label: regret or None}}``; an assessment is
        sequentially rational iff every regret is 0.

    Raises
    ------
    InvalidProfileError
        Beliefs that are not a distribution over the information set's nodes,
        or that differ from Bayes' rule at a reached information set.

    Examples
    --------
    Selten's chain store with an empty threat: Nash, but the incumbent's
    regret at its (unreached) node is 2.

    >>> from gametheory.games.extensive import ExtensiveFormGame
    >>> g = ExtensiveFormGame(["E", "I"])
    >>> out, enter = g.move(g.root, "E", ["Out", "In"])
    >>> _ = g.outcome(out, [0, 2])
    >>> fight, share = g.move(enter, "I", ["Fight", "Share"])
    >>> _ = g.outcome(fight, [-1, -1]); _ = g.outcome(share, [1, 1])
    >>> b = BehaviorProfile(g, {"E": {"E:1": "Out"}, "I": {"I:1": "Fight"}})
    >>> sequential_regrets(b)
    {'E': {'E:1': Fraction(0, 1)}, 'I': {'I:1': Fraction(2, 1)}}
    """
    game = profile.game
    game.numeric_check("sequential_regrets")
    game.check_perfect_recall("sequential_regrets")
    full = _belief_system(profile, beliefs or {})
    out: dict[str, dict[str, Any]] = {p: {} for p in game.players}
    for inf in game.infosets():
        b = full[inf.player][inf.label]
        if b is None:
            out[inf.player][inf.label] = None
            continue
        out[inf.player][inf.label] = _infoset_regret(profile, inf, b)
    return out


def _belief_system(profile: BehaviorProfile,
                   given: Mapping[str, Mapping[str, Mapping[str, Any]]]
                   ) -> dict[str, dict[str, dict[str, Any] | None]]:
    game = profile.game
    out: dict[str, dict[str, dict[str, Any] | None]] = {p: {} for p in game.players}
    for p, d in given.items():
        if p not in game.players:
            raise UnknownLabelError(f"beliefs: unknown player {p!r}")
        for lab in d:
            game.get_infoset(lab, p)
    for inf in game.infosets():
        bayes = profile.beliefs(inf)
        mine = given.get(inf.player, {}).get(inf.label)
        ids = [n.id for n in inf.nodes]
        if mine is not None:
            unknown = [k for k in mine if k not in ids]
            if unknown:
                raise InvalidProfileError(
                    f"beliefs at {inf.label!r} of {inf.player!r}: unknown nodes {unknown}; "
                    f"nodes are {ids}"
                )
            mine = {k: mine.get(k, 0) for k in ids}
            vals = list(mine.values())
            if profile.exact and all(isinstance(v, int | Fraction) for v in vals):
                mine = {k: Fraction(v) for k, v in mine.items()}
                if any(v < 0 for v in mine.values()) or sum(mine.values()) != 1:
                    raise InvalidProfileError(
                        f"beliefs at {inf.label!r} of {inf.player!r} are not a probability "
                        f"distribution: {mine}"
                    )
            elif any(float(v) < -1e-12 for v in vals) or abs(sum(float(v) for v in vals) - 1) > 1e-9:
                raise InvalidProfileError(
                    f"beliefs at {inf.label!r} of {inf.player!r} are not a probability "
                    f"distribution: {mine}"
                )
        if bayes is not None:
            if mine is not None and any(mine[k] != bayes[k] for k in ids):
                if not profile.exact and all(abs(float(mine[k]) - float(bayes[k])) <= 1e-9
                                             for k in ids):
                    pass
                else:
                    raise InvalidProfileError(
                        f"beliefs at {inf.label!r} of {inf.player!r} ({mine}) differ from "
                        f"Bayes' rule ({bayes}) although the information set is reached"
                    )
            out[inf.player][inf.label] = bayes
        elif len(ids) == 1:
            out[inf.player][inf.label] = {ids[0]: Fraction(1) if profile.exact else 1.0}
        else:
            out[inf.player][inf.label] = mine
    return out


def _infoset_regret(profile: BehaviorProfile, inf: Infoset, belief: Mapping[str, Any]) -> Any:
    starts = [(n, belief[n.id]) for n in inf.nodes if belief[n.id] != 0]
    current = sum((belief[n.id] * profile.node_value(n)[inf.player] for n in inf.nodes
                   if belief[n.id] != 0), Fraction(0) if profile.exact else 0.0)
    result = profile._best_response(inf.player, starts)
    assert result is not None  # perfect recall was checked
    return _clean(result[0] - current)


def certify_assessment(
    profile: BehaviorProfile,
    beliefs: Mapping[str, Mapping[str, Mapping[str, Any]]] | None = None,
    method: str = "pbe",
    *,
    tol: float | None = None,
) -> Assessment:
    """Verify an assessment and wrap it as an :class:`Assessment`.

    Parameters
    ----------
    profile : BehaviorProfile
    beliefs : mapping, optional
        ``{player: {infoset: {node id: probability}}}``; required at every
        unreached information set with several nodes.
    method : str
        Name recorded on the certified Nash equilibrium.
    tol : float, optional
        Tolerance on regrets for float profiles (default ``1e-9 * max(1, max|u|)``).

    Returns
    -------
    Assessment

    Raises
    ------
    VerificationError
        A positive regret at some information set, or a missing belief.
    InvalidProfileError
        Beliefs that contradict Bayes' rule where it applies.

    Examples
    --------
    >>> from gametheory.games.extensive import ExtensiveFormGame
    >>> g = ExtensiveFormGame(["E", "I"])
    >>> out, enter = g.move(g.root, "E", ["Out", "In"])
    >>> _ = g.outcome(out, [0, 2])
    >>> fight, share = g.move(enter, "I", ["Fight", "Share"])
    >>> _ = g.outcome(fight, [-1, -1]); _ = g.outcome(share, [1, 1])
    >>> a = certify_assessment(BehaviorProfile(g, {"E": {"E:1": "In"}, "I": {"I:1": "Share"}}))
    >>> a.payoffs, a.nash.regret
    ({'E': Fraction(1, 1), 'I': Fraction(1, 1)}, Fraction(0, 1))
    >>> certify_assessment(BehaviorProfile(g, {"E": {"E:1": "Out"}, "I": {"I:1": "Fight"}}))
    Traceback (most recent call last):
    ...
    gametheory.errors.VerificationError: pbe: player 'I' gains 2 by deviating at information set 'I:1' given beliefs {'n2': Fraction(1, 1)}
    """
    game = profile.game
    full = _belief_system(profile, beliefs or {})
    exact = profile.exact and game.is_exact
    if not exact and tol is None:
        # BehaviorProfile validated the tree, so every terminal has payoffs
        scale = max([1.0] + [abs(float(v)) for n in game.terminals()
                             for v in n.payoffs.values()])  # type: ignore[union-attr]
        tol = DEFAULT_RTOL * scale
    regrets: dict[str, dict[str, Any]] = {p: {} for p in game.players}
    reached: dict[str, dict[str, bool]] = {p: {} for p in game.players}
    out_beliefs: dict[str, dict[str, dict[str, Any]]] = {p: {} for p in game.players}
    for inf in game.infosets():
        b = full[inf.player][inf.label]
        reached[inf.player][inf.label] = profile.infoset_probability(inf) != 0
        if b is None:
            raise VerificationError(
                f"{method}: no belief at the unreached information set {inf.label!r} of "
                f"{inf.player!r}"
            )
        r = _infoset_regret(profile, inf, b)
        if (exact and r != 0) or (not exact and float(r) > tol):  # type: ignore[operator]
            raise VerificationError(
                f"{method}: player {inf.player!r} gains {_fmt(r)} by deviating at information "
                f"set {inf.label!r} given beliefs {b}"
            )
        regrets[inf.player][inf.label] = r
        out_beliefs[inf.player][inf.label] = dict(b)
    nash = None
    nf_cells = 1
    for p in game.players:
        nf_cells *= max(1, len(game.reduced_strategies(p)))
    if nf_cells * game.n_players <= _MAX_NF_CELLS:
        nf = game.to_normal_form()
        nash = certify(nf, profile.to_mixed(), method, tol=tol)
    return Assessment(
        behavior=profile,
        beliefs=out_beliefs,
        reached=reached,
        regrets=regrets,
        payoffs={p: _clean(v) for p, v in profile.payoffs.items()},
        exact=exact,
        nash=nash,
    )


@dataclass(frozen=True, eq=False)
class PBEPiece:
    """A convex set of assessments with fixed supports (part of one equilibrium class).

    Attributes
    ----------
    supports : dict
        ``{player: {infoset label: actions played with positive probability}}``
        in the relative interior of the piece.
    assessments : tuple of Assessment
        Verified extreme assessments (for signaling games: every combination
        of an extreme sender strategy and an extreme receiver strategy) ; the
        piece is their convex hull in behaviour and off-path beliefs.
    representative : Assessment
        A verified assessment in the relative interior.
    off_path : dict
        ``{infoset label: BeliefSet}`` at unreached information sets with
        several nodes: the beliefs that sustain the piece.
    refinements : dict
        ``{criterion: True/False/None}`` (signaling games): whether the piece
        survives, None when it does for some but not all of its points.
    continuum : str
        For one-parameter families found in trees: the parametrisation and
        the parameter's range ("" otherwise).
    """

    supports: dict[str, dict[str, tuple[str, ...]]]
    assessments: tuple[Assessment, ...]
    representative: Assessment
    off_path: dict[str, BeliefSet]
    refinements: dict[str, bool | None] = field(default_factory=dict)
    continuum: str = ""

    def __str__(self) -> str:
        parts = [str(self.representative)]
        parts += [f"off-path belief {b}" for b in self.off_path.values()]
        if self.continuum:
            parts.append(self.continuum)
        return "; ".join(parts)


def _survival(values: Sequence[bool | None]) -> str:
    if all(v is True for v in values):
        return "survives"
    if all(v is False for v in values):
        return "fails"
    return "partly"


@dataclass(frozen=True, eq=False)
class PerfectBayesianEquilibrium:
    """One class of perfect Bayesian (or sequential) equilibria.

    For signaling games a class is a *pattern of play* (which messages each
    type sends), with all receiver behaviour and off-path beliefs that
    sustain it; for trees it is one solution of the equilibrium conditions
    for one support profile (a point, or a one-parameter family).

    Attributes
    ----------
    game : SignalingGame, ExtensiveFormGame or BayesianGame
        The game solved.
    tree : ExtensiveFormGame
        The tree the assessments live on.
    kind : str
        ``"pooling"``, ``"separating"``, ``"partial pooling"``, ``"hybrid"``
        (signaling games) or ``"sequential"`` (trees).
    label : str
        E.g. ``"pooling on Restrain"``.
    pieces : tuple of PBEPiece
    exact : bool
    refinements : dict
        ``{criterion: "survives" | "fails" | "partly"}`` (signaling games).

    Examples
    --------
    See :func:`solve_pbe`.
    """

    game: Any
    tree: ExtensiveFormGame
    kind: str
    label: str
    pieces: tuple[PBEPiece, ...]
    exact: bool
    refinements: dict[str, str] = field(default_factory=dict)

    # ---------------------------------------------------------------- views
    @property
    def assessments(self) -> tuple[Assessment, ...]:
        """Every verified extreme assessment of every piece."""
        return tuple(a for piece in self.pieces for a in piece.assessments)

    @property
    def representative(self) -> Assessment:
        """A verified assessment of the class (relative interior of the first piece)."""
        return self.pieces[0].representative

    @property
    def is_isolated(self) -> bool:
        """True when the class is one behaviour profile (beliefs off the path may still vary)."""
        first = self.assessments[0].behavior.as_dict()
        return all(a.behavior.as_dict() == first for a in self.assessments)

    def _player_for(self, infoset: str, player: str | None) -> Infoset:
        if isinstance(self.game, SignalingGame) and player is None:
            if infoset in self.game.messages:
                player = self.game.receiver
            elif infoset in self.game.types:
                player = self.game.sender
        return self.tree.get_infoset(infoset, player)

    def probability(self, infoset: str, action: str, player: str | None = None
                    ) -> tuple[Any, Any]:
        """Range of the behaviour probability of ``action`` at ``infoset`` over the class.

        For signaling games ``infoset`` is a type (the sender's choice of
        ``action``, a message) or a message (the receiver's response).
        """
        inf = self._player_for(infoset, player)
        vals = [a.behavior.probability(inf, action) for a in self.assessments]
        return min(vals), max(vals)

    def belief(self, infoset: str, label: str, player: str | None = None) -> tuple[Any, Any]:
        """Range of the belief on a node (or, in signaling games, a type) at ``infoset``.

        Off the path, the range over the beliefs that sustain the class.
        """
        inf = self._player_for(infoset, player)
        node_id = label
        if isinstance(self.game, SignalingGame) and label in self.game.types:
            node_id = self.game.node_id(label, infoset)
        vals: list[Any] = []
        for piece in self.pieces:
            if inf.label in piece.off_path and inf.player == piece.off_path[inf.label].player:
                bs = piece.off_path[inf.label]
                key = label if label in bs.labels else node_id
                vals.extend(bs.range(key))
            for a in piece.assessments:
                b = a.beliefs[inf.player][inf.label]
                if node_id not in b:
                    raise UnknownLabelError(f"{label!r} is not at information set {infoset!r}")
                if a.reached[inf.player][inf.label] or inf.label not in piece.off_path:
                    vals.append(b[node_id])
        return min(vals), max(vals)

    def outcome_probability(self, infoset: str, action: str | None = None,
                            player: str | None = None) -> tuple[Any, Any]:
        """Range of the probability that ``infoset`` is reached (and ``action`` taken there).

        Exact extremes: the probability is multilinear in the behaviour of
        the class's pieces and so attains its extremes at extreme assessments.
        """
        inf = self._player_for(infoset, player)
        vals = []
        for a in self.assessments:
            reach = a.behavior.infoset_probability(inf)
            vals.append(reach * (a.behavior.probability(inf, action) if action else 1))
        return min(vals), max(vals)

    def off_path(self) -> dict[str, tuple[BeliefSet, ...]]:
        """``{infoset: (BeliefSet per piece, ...)}`` for unreached information sets."""
        out: dict[str, list[BeliefSet]] = {}
        for piece in self.pieces:
            for lab, b in piece.off_path.items():
                out.setdefault(lab, []).append(b)
        return {k: tuple(v) for k, v in out.items()}

    def survives(self, criterion: str) -> bool | None:
        """Whether every point (True), no point (False) or some points (None) survive."""
        if criterion not in self.refinements:
            raise UnknownLabelError(
                f"no refinement {criterion!r} computed; available: {sorted(self.refinements)}"
            )
        return {"survives": True, "fails": False, "partly": None}[self.refinements[criterion]]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return {
            "kind": self.kind,
            "label": self.label,
            "refinements": dict(self.refinements),
            "pieces": [
                {
                    "supports": {p: {k: list(v) for k, v in d.items()}
                                 for p, d in piece.supports.items()},
                    "representative": piece.representative.to_dict(),
                    "extreme": [a.behavior.to_dict() for a in piece.assessments],
                    "off_path": {k: b.to_dict() for k, b in piece.off_path.items()},
                    "refinements": dict(piece.refinements),
                    "continuum": piece.continuum,
                }
                for piece in self.pieces
            ],
        }

    def __str__(self) -> str:
        text = f"{self.label}: "
        if isinstance(self.game, SignalingGame):
            text += self._signaling_text()
        else:
            text += "; ".join(str(p) for p in self.pieces)
        if self.refinements:
            text += " [" + ", ".join(f"{k}: {v}" for k, v in self.refinements.items()) + "]"
        return text

    def _signaling_text(self) -> str:
        g: SignalingGame = self.game
        parts = []
        for t in g.types:
            probs = {m: self.probability(t, m) for m in g.messages}
            used = [m for m, (lo, hi) in probs.items() if hi > 0]
            if len(used) == 1:
                parts.append(f"{t}: {used[0]}")
            else:
                parts.append(f"{t}: (" + ", ".join(
                    f"{m} {_range_text(*probs[m])}" for m in used) + ")")
        for m in g.messages:
            acts = g.actions(m)
            if not acts:
                continue
            probs = {a: self.probability(m, a) for a in acts}
            used = [a for a, (lo, hi) in probs.items() if hi > 0]
            if len(used) == 1 and probs[used[0]][0] == 1:
                parts.append(f"{g.receiver} after {m}: {used[0]}")
            else:
                parts.append(f"{g.receiver} after {m}: " + ", ".join(
                    f"{a} {_range_text(*probs[a])}" for a in used))
        for sets in self.off_path().values():
            parts.append("off-path " + " | ".join(str(b) for b in sets))
        return "; ".join(parts)


@dataclass(frozen=True, eq=False)
class PBESolution(EquilibriumSequence[PerfectBayesianEquilibrium]):
    """The verified result of :func:`solve_pbe`.

    Attributes
    ----------
    game : SignalingGame, ExtensiveFormGame or BayesianGame
    method : str
        ``"pbe"``.
    equilibria : tuple of PerfectBayesianEquilibrium
        The equilibrium classes in a deterministic order.
    exact : bool
    complete : str
        ``"all"`` when every equilibrium is in a listed class (a key of
        :data:`gametheory.equilibrium.COMPLETENESS`).
    notes : tuple of str
    """

    game: Any
    method: str
    equilibria: tuple[PerfectBayesianEquilibrium, ...]
    exact: bool
    complete: str
    notes: tuple[str, ...] = ()
    components: tuple[tuple[int, ...], ...] = ()
    degenerate: bool | None = None

    def surviving(self, criterion: str) -> tuple[PerfectBayesianEquilibrium, ...]:
        """Classes with at least one point surviving a refinement (``"intuitive"``, ``"D1"``)."""
        if criterion not in REFINEMENTS:
            raise UnknownLabelError(f"unknown refinement {criterion!r}; known: {sorted(REFINEMENTS)}")
        return tuple(e for e in self.equilibria if e.refinements.get(criterion) in
                     ("survives", "partly"))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return {
            "title": getattr(self.game, "title", ""),
            "players": list(self.game.players),
            "method": self.method,
            "exact": self.exact,
            "complete": self.complete,
            "equilibria": [e.to_dict() for e in self.equilibria],
            "notes": list(self.notes),
        }

    def __str__(self) -> str:
        title = getattr(self.game, "title", "") or "game"
        n = len(self)
        head = (f"{title}: {n} equilibrium class{'es' if n != 1 else ''} by {self.method} "
                f"({'exact' if self.exact else 'float'}; {self.complete})")
        lines = [head] + [f"  {k + 1}. {e}" for k, e in enumerate(self.equilibria)]
        lines += [f"  note: {x}" for x in self.notes]
        return "\n".join(lines)


# ============================================================================ signaling games


def _subsets(seq: Sequence[str]) -> list[tuple[str, ...]]:
    return [c for k in range(1, len(seq) + 1) for c in itertools.combinations(seq, k)]


def _exact_signaling(game: SignalingGame) -> tuple[SignalingGame, bool]:
    if game.is_exact:
        return game, False

    def fix(v: Any) -> Any:
        return Fraction(v) if isinstance(v, float) else v

    prior = {t: fix(v) for t, v in game.prior.items()}
    total = sum(prior.values(), Fraction(0))
    prior = {t: v / total for t, v in prior.items()}
    return SignalingGame(game.types, prior, game.messages, {m: game.actions(m) for m in
                                                             game.messages},
                         game._nested_payoffs(fix), players=game.players,
                         title=game.title), True


class _Local:
    """A receiver's problem after one message: types, responses, payoffs (for refinements)."""

    def __init__(self, pos: Sequence[str], acts: Mapping[str, tuple[str, ...]],
                 uS: Mapping[tuple[str, str, Any], Fraction],
                 uR: Mapping[tuple[str, str, Any], Fraction]) -> None:
        self.pos = list(pos)
        self.acts = dict(acts)
        self.uS = dict(uS)
        self.uR = dict(uR)
        self._cache: dict[Any, Any] = {}

    def mu_block(self, m: str, Rm: tuple[str, ...], restrict: tuple[str, ...] = ()
                 ) -> _Poly:
        key = ("mu", m, Rm, restrict)
        if key in self._cache:
            return self._cache[key]
        types = self.pos
        n = len(types)
        eq: list[Row] = [([Fraction(1)] * n, Fraction(1))]
        ge: list[Row] = []
        for k in range(n):
            row = [Fraction(0)] * n
            row[k] = Fraction(1)
            if types[k] in restrict:
                eq.append((row, Fraction(0)))
            else:
                ge.append((row, Fraction(0)))
        a0 = Rm[0]
        for b in self.acts[m]:
            if b == a0:
                continue
            row = [self.uR[(t, m, a0)] - self.uR[(t, m, b)] for t in types]
            (eq if b in Rm else ge).append((row, Fraction(0)))
        out = _polytope(n, eq, ge)
        self._cache[key] = out
        return out

    # -------------------------------------------------------------- refinements
    def br_actions(self, m: str, types: Sequence[str]) -> list[str]:
        """Pure responses to ``m`` that are best replies to some belief on ``types``."""
        out = []
        for a in self.acts[m]:
            n = len(types)
            eq: list[Row] = [([Fraction(1)] * n, Fraction(1))]
            ge: list[Row] = [([Fraction(int(j == k)) for j in range(n)], Fraction(0))
                             for k in range(n)]
            for b in self.acts[m]:
                if b != a:
                    ge.append(([self.uR[(t, m, a)] - self.uR[(t, m, b)] for t in types],
                               Fraction(0)))
            if _polytope(n, eq, ge).vertices:
                out.append(a)
        return out

    def br_faces(self, m: str) -> list[tuple[str, ...]]:
        """Sets of responses that are simultaneously best replies to some belief (all types)."""
        key = ("faces", m)
        if key in self._cache:
            return self._cache[key]
        faces = []
        for R in _subsets(self.acts[m]):
            if self.mu_block(m, R).vertices:
                faces.append(R)
        self._cache[key] = faces
        return faces

    def intuitive_fails(self, m: str, ustar: Mapping[str, Fraction]) -> bool:
        types = self.pos
        br_all = self.br_actions(m, types)
        J = [t for t in types if ustar[t] > max(self.uS[(t, m, a)] for a in br_all)]
        rest = [t for t in types if t not in J]
        if not rest:
            return False
        br_rest = self.br_actions(m, rest)
        return any(min(self.uS[(t, m, a)] for a in br_rest) > ustar[t] for t in rest)

    def d1_deleted(self, m: str, ustar: Mapping[str, Fraction]) -> tuple[str, ...]:
        types = self.pos
        faces = self.br_faces(m)
        deleted = []
        for t in types:
            for t2 in types:
                if t2 == t:
                    continue
                # is {alpha in MBR: u_t(alpha) >= u*_t and u_t2(alpha) <= u*_t2} empty?
                hit = False
                for R in faces:
                    n = len(R)
                    eq: list[Row] = [([Fraction(1)] * n, Fraction(1))]
                    ge: list[Row] = [([Fraction(int(j == k)) for j in range(n)], Fraction(0))
                                     for k in range(n)]
                    ge.append(([self.uS[(t, m, a)] for a in R], ustar[t]))
                    ge.append(([-self.uS[(t2, m, a)] for a in R], -ustar[t2]))
                    if _polytope(n, eq, ge).vertices:
                        hit = True
                        break
                if not hit:
                    deleted.append(t)
                    break
        if len(deleted) == len(types):
            return ()
        return tuple(deleted)



class _Signaling(_Local):
    """Exact data and the three linear blocks of a numeric signaling game."""

    def __init__(self, game: SignalingGame) -> None:
        self.game = game
        self.types = game.types
        self.msgs = game.messages
        self.acts = {m: game.actions(m) for m in self.msgs}
        self.act_msgs = [m for m in self.msgs if self.acts[m]]
        self.prior = {t: to_fraction(v) for t, v in game.prior.items()}
        self.pos = [t for t in self.types if self.prior[t] > 0]
        self.uS: dict[tuple[str, str, str | None], Fraction] = {}
        self.uR: dict[tuple[str, str, str | None], Fraction] = {}
        for t in self.types:
            for m in self.msgs:
                for a in (self.acts[m] or (None,)):
                    s, r = game.payoff(t, m, a)
                    self.uS[(t, m, a)] = to_fraction(s)
                    self.uR[(t, m, a)] = to_fraction(r)
        self._cache: dict[Any, Any] = {}

    # -------------------------------------------------------------- blocks
    def sigma_block(self, S: Mapping[str, tuple[str, ...]],
                    R: Mapping[str, tuple[str, ...]]) -> tuple[list[tuple[str, str]], _Poly]:
        on = [m for m in self.act_msgs if any(m in S[t] for t in self.pos)]
        key = ("sigma", tuple(S[t] for t in self.types), tuple(R[m] for m in on))
        if key in self._cache:
            return self._cache[key]
        var = [(t, m) for t in self.types for m in S[t]]
        # necessary: after each message, some belief with exactly its senders as support
        # makes the responses R[m] best replies (cheap, cached per message)
        for m in on:
            senders = tuple(t for t in self.pos if m in S[t])
            if self.support_block(m, senders, R[m]).empty:
                self._cache[key] = (var, _Poly([], None))
                return self._cache[key]
        n = len(var)
        idx = {v: k for k, v in enumerate(var)}
        eq, gt = simplex_rows([[idx[(t, m)] for m in S[t]] for t in self.types], n)
        ge: list[Row] = []
        for m in on:
            a0 = R[m][0]
            for b in self.acts[m]:
                if b == a0:
                    continue
                row = [Fraction(0)] * n
                for t in self.pos:
                    if m in S[t]:
                        row[idx[(t, m)]] = self.prior[t] * (self.uR[(t, m, a0)] - self.uR[(t, m, b)])
                (eq if b in R[m] else ge).append((row, Fraction(0)))
        out = (var, _polytope(n, eq, ge, gt))
        self._cache[key] = out
        return out

    def support_block(self, m: str, senders: tuple[str, ...], Rm: tuple[str, ...]) -> _Poly:
        """Beliefs positive exactly on ``senders`` under which ``Rm`` are best replies to ``m``."""
        key = ("support", m, senders, Rm)
        if key not in self._cache:
            n = len(senders)
            eq: list[Row] = [([Fraction(1)] * n, Fraction(1))]
            ge: list[Row] = []
            gt: list[Row] = [([Fraction(int(i == j)) for i in range(n)], Fraction(0))
                             for j in range(n)]
            a0 = Rm[0]
            for b in self.acts[m]:
                if b != a0:
                    row = [self.uR[(t, m, a0)] - self.uR[(t, m, b)] for t in senders]
                    (eq if b in Rm else ge).append((row, Fraction(0)))
            self._cache[key] = _polytope(n, eq, ge, gt)
        return self._cache[key]

    def rho_block(self, S: Mapping[str, tuple[str, ...]],
                  R: Mapping[str, tuple[str, ...]]) -> tuple[list[tuple[str, str]], _Poly]:
        var = [(m, a) for m in self.act_msgs for a in R[m]]
        # a necessary condition first: each type's value ranges must allow its choices
        for t in self.types:
            span = {}
            for m in self.msgs:
                vals = ([self.uS[(t, m, a)] for a in R[m]] if self.acts[m]
                        else [self.uS[(t, m, None)]])
                span[m] = (min(vals), max(vals))
            lo = max(span[m][0] for m in S[t])
            hi = min(span[m][1] for m in S[t])
            if lo > hi or any(span[m][0] > hi for m in self.msgs if m not in S[t]):
                return var, _Poly([], None)
        n = len(var)
        idx = {v: k for k, v in enumerate(var)}
        eq, gt = simplex_rows([[idx[(m, a)] for a in R[m]] for m in self.act_msgs], n)
        ge: list[Row] = []

        def value(t: str, m: str) -> tuple[list[Fraction], Fraction]:
            row = [Fraction(0)] * n
            if not self.acts[m]:
                return row, self.uS[(t, m, None)]
            for a in R[m]:
                row[idx[(m, a)]] = self.uS[(t, m, a)]
            return row, Fraction(0)

        for t in self.types:
            m0 = S[t][0]
            r0, c0 = value(t, m0)
            for m in self.msgs:
                if m == m0:
                    continue
                r1, c1 = value(t, m)
                diff = [x - y for x, y in zip(r0, r1, strict=True)]
                # V_t(m0) - V_t(m) = diff . rho + (c0 - c1)  (= 0 or >= 0)
                (eq if m in S[t] else ge).append((diff, c1 - c0))
        return var, _polytope(n, eq, ge, gt)


def _pattern(sg: _Signaling, S: Mapping[str, tuple[str, ...]]) -> tuple[str, str]:
    pos = sg.pos
    zero = [t for t in sg.types if t not in pos]
    tail = (" [prior 0: " + "; ".join(f"{t}: {'/'.join(S[t])}" for t in zero) + "]"
            if zero else "")
    if all(len(S[t]) == 1 for t in pos):
        sent = [S[t][0] for t in pos]
        if len(set(sent)) == 1:
            return "pooling", f"pooling on {sent[0]}{tail}"
        desc = ", ".join(f"{t}: {S[t][0]}" for t in pos)
        if len(set(sent)) == len(sent):
            return "separating", f"separating ({desc}){tail}"
        return "partial pooling", f"partial pooling ({desc}){tail}"
    desc = "; ".join(f"{t}: {'/'.join(S[t])}" for t in pos)
    return "hybrid", f"hybrid ({desc}){tail}"


def _signaling_assessment(sg: _Signaling, tree: ExtensiveFormGame,
                          sigma: Mapping[str, Mapping[str, Fraction]],
                          rho: Mapping[str, Mapping[str, Fraction]],
                          mu: Mapping[str, Mapping[str, Fraction]],
                          fallback: Mapping[str, Mapping[str, Fraction]]) -> Assessment:
    g = sg.game
    data = {g.sender: {t: dict(sigma[t]) for t in sg.types},
            g.receiver: {m: dict(rho[m]) for m in sg.act_msgs}}
    profile = BehaviorProfile(tree, data)
    beliefs: dict[str, dict[str, dict[str, Fraction]]] = {g.receiver: {}}
    for m in sg.act_msgs:
        weight = sum((sg.prior[t] * sigma[t].get(m, Fraction(0)) for t in sg.pos), Fraction(0))
        if weight > 0:
            continue
        src = mu.get(m) or fallback.get(m)
        if src is None:
            continue
        beliefs[g.receiver][m] = {g.node_id(t, m): src.get(t, Fraction(0)) for t in sg.types}
    return certify_assessment(profile, beliefs, "pbe")


def _solve_signaling(game: SignalingGame, refinements: Sequence[str]) -> PBESolution:
    notes: list[str] = []
    exact_game, was_float = _exact_signaling(game)
    if was_float:
        notes.append("float payoffs and priors were read as their exact binary values; "
                     "ties that floats break are not detected as knife-edges")
    sg = _Signaling(exact_game)
    tree = exact_game.to_extensive_form()
    zero_types = [t for t in sg.types if sg.prior[t] == 0]
    if zero_types:
        notes.append(f"types {zero_types} have prior probability 0: they best respond but do "
                     "not affect beliefs, which put probability 0 on them")
    classes = []
    for choice in itertools.product(*(_subsets(sg.msgs) for _ in sg.types)):
        S = dict(zip(sg.types, choice, strict=True))
        on = [m for m in sg.act_msgs if any(m in S[t] for t in sg.pos)]
        off = [m for m in sg.act_msgs if m not in on]
        pieces = []
        for rchoice in itertools.product(*(_subsets(sg.acts[m]) for m in sg.act_msgs)):
            R = dict(zip(sg.act_msgs, rchoice, strict=True))
            svar, spoly = sg.sigma_block(S, R)
            if spoly.empty:
                continue
            mus = {m: sg.mu_block(m, R[m]) for m in off}
            if any(p.empty for p in mus.values()):
                continue
            rvar, rpoly = sg.rho_block(S, R)
            if rpoly.empty:
                continue
            pieces.append(_signaling_piece(sg, tree, S, R, svar, spoly, rvar, rpoly, mus,
                                           refinements))
        if pieces:
            kind, label = _pattern(sg, S)
            refs = {c: _survival([p.refinements[c] for p in pieces]) for c in refinements}
            classes.append(PerfectBayesianEquilibrium(
                game=game, tree=tree, kind=kind, label=label, pieces=tuple(pieces),
                exact=not was_float, refinements=refs))
    order = {"pooling": 0, "separating": 1, "partial pooling": 2, "hybrid": 3}
    classes.sort(key=lambda e: (order[e.kind], e.label))
    return PBESolution(game=game, method="pbe", equilibria=tuple(classes),
                       exact=not was_float, complete="all", notes=tuple(notes))


def _signaling_piece(sg: _Signaling, tree: ExtensiveFormGame, S: Mapping[str, tuple[str, ...]],
                     R: Mapping[str, tuple[str, ...]], svar: list[tuple[str, str]], spoly: _Poly,
                     rvar: list[tuple[str, str]], rpoly: _Poly, mus: Mapping[str, _Poly],
                     refinements: Sequence[str]) -> PBEPiece:
    zero = Fraction(0)

    def sigma_of(x: Sequence[Fraction]) -> dict[str, dict[str, Fraction]]:
        out = {t: {m: zero for m in sg.msgs} for t in sg.types}
        for (t, m), v in zip(svar, x, strict=True):
            out[t][m] = v
        return out

    def rho_of(x: Sequence[Fraction]) -> dict[str, dict[str, Fraction]]:
        out = {m: {a: zero for a in sg.acts[m]} for m in sg.act_msgs}
        for (m, a), v in zip(rvar, x, strict=True):
            out[m][a] = v
        return out

    def mu_of(x: Sequence[Fraction]) -> dict[str, Fraction]:
        out = {t: zero for t in sg.types}
        for t, v in zip(sg.pos, x, strict=True):
            out[t] = v
        return out

    assert spoly.relint is not None and rpoly.relint is not None
    sig_c, rho_c = sigma_of(spoly.relint), rho_of(rpoly.relint)
    mu_c = {m: mu_of(p.relint) for m, p in mus.items() if p.relint is not None}
    # Bayes beliefs of the centre: the limit belief where a vertex leaves a message unsent
    fallback: dict[str, dict[str, Fraction]] = {}
    for m in sg.act_msgs:
        w = {t: sg.prior[t] * sig_c[t][m] for t in sg.pos}
        tot = sum(w.values(), zero)
        if tot > 0:
            fallback[m] = {t: w[t] / tot for t in sg.pos}
    rep = _signaling_assessment(sg, tree, sig_c, rho_c, mu_c, fallback)
    extreme = []
    for sv in spoly.vertices:
        for rv in rpoly.vertices:
            extreme.append(_signaling_assessment(sg, tree, sigma_of(sv), rho_of(rv), mu_c,
                                                 fallback))
    off_path: dict[str, BeliefSet] = {}
    for m, p in mus.items():
        for v in p.vertices:  # every extreme off-path belief sustains the piece
            _signaling_assessment(sg, tree, sig_c, rho_c, {**mu_c, m: mu_of(v)}, fallback)
        cons = tuple(
            ({t: c for t, c in zip(sg.pos, a, strict=True) if c != 0}, op, b)
            for rows, op in ((p.rows_eq, "=="), (p.rows_ge, ">=")) for a, b in rows
        )
        off_path[m] = BeliefSet(
            infoset=m, player=sg.game.receiver, labels=tuple(sg.pos),
            components=(tuple({t: v[k] for k, t in enumerate(sg.pos)} for v in p.vertices),),
            constraints=(cons,),
        )
    refs: dict[str, bool | None] = {}
    if refinements:
        points = [rho_of(rv) for rv in rpoly.vertices] + [rho_c]
        for crit in refinements:
            verdicts = [_refinement_holds(sg, crit, S, R, rho, mus) for rho in points]
            refs[crit] = True if all(verdicts) else (False if not any(verdicts) else None)
    supports = {
        sg.game.sender: {t: S[t] for t in sg.types},
        sg.game.receiver: {m: R[m] for m in sg.act_msgs},
    }
    return PBEPiece(supports=supports, assessments=tuple(extreme), representative=rep,
                    off_path=off_path, refinements=refs)


def _refinement_holds(sg: _Signaling, criterion: str, S: Mapping[str, tuple[str, ...]],
                      R: Mapping[str, tuple[str, ...]],
                      rho: Mapping[str, Mapping[str, Fraction]],
                      mus: Mapping[str, _Poly]) -> bool:
    ustar = {}
    for t in sg.types:
        m = S[t][0]
        if sg.acts[m]:
            ustar[t] = sum((rho[m][a] * sg.uS[(t, m, a)] for a in sg.acts[m]), Fraction(0))
        else:
            ustar[t] = sg.uS[(t, m, None)]
    off = [m for m in sg.msgs if not any(m in S[t] for t in sg.pos)]
    for m in off:
        if not sg.acts[m]:
            continue
        if criterion == "intuitive":
            if sg.intuitive_fails(m, ustar):
                return False
        elif criterion == "D1":
            deleted = sg.d1_deleted(m, ustar)
            if deleted and sg.mu_block(m, R[m], restrict=deleted).empty:
                return False
    return True


# ============================================================================ trees


def _sign(expr: Any) -> int:
    """Exact sign of a real algebraic number given as a sympy expression."""
    e = sympy.nsimplify(expr) if not isinstance(expr, sympy.Rational) else expr
    if isinstance(e, sympy.Rational):
        return 1 if e > 0 else (-1 if e < 0 else 0)
    e = sympy.simplify(e)
    if e.is_zero:
        return 0
    if e.is_positive:
        return 1
    if e.is_negative:
        return -1
    v = sympy.N(e, 60)
    if abs(v) < sympy.Float("1e-40"):
        x = sympy.Dummy("x")
        if sympy.minimal_polynomial(e, x) == x:
            return 0
        raise MethodNotApplicableError(f"pbe: cannot decide the sign of {e}")
    return 1 if v > 0 else -1


class _Tree:
    """Numeric data of a tree for support enumeration (exact sympy Rationals)."""

    def __init__(self, tree: ExtensiveFormGame) -> None:
        self.tree = tree
        self.nodes = tree.nodes()
        self.infosets = tree.infosets()
        self.players = tree.players
        self.pidx = {p: i for i, p in enumerate(self.players)}
        self.iidx = {id(inf): k for k, inf in enumerate(self.infosets)}
        self.chance: dict[Any, dict[str, sympy.Rational]] = {}
        self.pay: dict[Any, tuple[sympy.Rational, ...]] = {}
        for n in self.nodes:
            if n.is_chance:
                probabilities = n.probabilities
                assert probabilities is not None, "chance nodes have probabilities"
                self.chance[n] = {a: sympy.Rational(to_fraction(q).numerator,
                                                    to_fraction(q).denominator)
                                  for a, q in probabilities.items()}
            elif n.is_terminal:
                payoffs = n.payoffs
                assert payoffs is not None, "the tree is validated: terminals have payoffs"
                vals = []
                for p in self.players:
                    f = to_fraction(payoffs[p])
                    vals.append(sympy.Rational(f.numerator, f.denominator))
                self.pay[n] = tuple(vals)
        # chance weight (structural) and the information sets below each infoset
        self.cw: dict[Any, sympy.Rational] = {tree.root: sympy.Integer(1)}
        for n in self.nodes:
            for a, c in n.children.items():
                self.cw[c] = self.cw[n] * (self.chance[n][a] if n.is_chance else 1)
        below: dict[Any, set[int]] = {}
        for n in reversed(self.nodes):
            s: set[int] = set()
            for c in n.children.values():
                s |= below[c]
                if c.infoset is not None:
                    s.add(self.iidx[id(c.infoset)])
            below[n] = s
        self.below = [set().union(*(below[n] for n in inf.nodes)) for inf in self.infosets]
        self.criteria: tuple[str, ...] = ()

    def pure_values(self, cand: Sequence[Sequence[str]]) -> dict[Any, tuple[Any, ...]]:
        vals: dict[Any, tuple[Any, ...]] = {}
        for n in reversed(self.nodes):
            if n.is_terminal:
                vals[n] = self.pay[n]
            elif n.is_chance:
                if any(vals[c][0] is None for c in n.children.values()):
                    vals[n] = (None,) * len(self.players)
                    continue
                acc = [sympy.Integer(0)] * len(self.players)
                for a, c in n.children.items():
                    q = self.chance[n][a]
                    acc = [x + q * y for x, y in zip(acc, vals[c], strict=True)]
                vals[n] = tuple(acc)
            else:
                k = self.iidx[id(n.infoset)]
                if len(cand[k]) == 1:
                    vals[n] = vals[n.children[cand[k][0]]]
                else:
                    vals[n] = (None,) * len(self.players)
        return vals

    def prune(self) -> list[list[str]]:
        cand = [list(inf.actions) for inf in self.infosets]
        for k, inf in enumerate(self.infosets):
            if all(self.cw[n] == 0 for n in inf.nodes):
                cand[k] = [inf.actions[0]]
        changed = True
        while changed:
            changed = False
            vals = self.pure_values(cand)
            for k, inf in enumerate(self.infosets):
                if len(cand[k]) == 1 or any(len(cand[j]) > 1 for j in self.below[k]):
                    continue
                i = self.pidx[inf.player]
                table = {a: [vals[n.children[a]][i] for n in inf.nodes] for a in cand[k]}
                keep = [a for a in cand[k] if not any(
                    b != a and all(x > y for x, y in zip(table[b], table[a], strict=True))
                    for b in cand[k])]
                if len(keep) < len(cand[k]):
                    cand[k] = keep
                    changed = True
                    vals = self.pure_values(cand)
        return cand


@functools.lru_cache(maxsize=1024)
def _positive_faces(vectors: tuple[tuple[int, ...], ...]) -> list[tuple[int, ...]]:
    """Subsets of exponent vectors minimised together by some strictly positive weight."""
    dim = len(vectors[0])
    if dim == 0:
        return [tuple(range(len(vectors)))]
    big = Fraction(10) ** 6
    faces = []
    for k in range(1, len(vectors) + 1):
        for F in itertools.combinations(range(len(vectors)), k):
            eq: list[Row] = []
            ge: list[Row] = []
            f0 = vectors[F[0]]
            for g in F[1:]:
                eq.append(([Fraction(vectors[g][j] - f0[j]) for j in range(dim)], Fraction(0)))
            for h in range(len(vectors)):
                if h not in F:
                    ge.append(([Fraction(vectors[h][j] - f0[j]) for j in range(dim)],
                               Fraction(1)))
            for j in range(dim):
                ge.append(([Fraction(int(i == j)) for i in range(dim)], Fraction(1)))
                ge.append(([Fraction(-int(i == j)) for i in range(dim)], -big))
            if _polytope(dim, eq, ge).vertices:
                faces.append(F)
    return faces


def _affinely_independent(vectors: Sequence[tuple[int, ...]]) -> bool:
    if len(vectors) <= 1:
        return True
    rows = [[Fraction(v[j] - vectors[0][j]) for j in range(len(v))] for v in vectors[1:]]
    return len(_rref(rows)[1]) == len(rows)


def _solve_system(eqs: list[sympy.Expr], unknowns: list[sympy.Symbol]
                  ) -> list[dict[sympy.Symbol, Any]]:
    """Exact solutions of polynomial equations with every unknown in (0, 1).

    Returns assignments; unknowns missing from an assignment are free
    (a continuum).
    """
    results: list[dict[sympy.Symbol, Any]] = []
    stack: list[tuple[list[sympy.Expr], dict[sympy.Symbol, Any]]] = [(eqs, {})]
    while stack:
        pending, sub = stack.pop()
        rest: list[sympy.Expr] = []
        ok = True
        single = None
        for e in pending:
            e = sympy.expand(e.xreplace(sub)) if sub else e
            if e == 0:
                continue
            fs = e.free_symbols
            if not fs:
                ok = False
                break
            rest.append(e)
            if len(fs) == 1 and single is None:
                single = e
        if not ok:
            continue
        if not rest:
            results.append(sub)
            continue
        if single is not None:
            (x,) = single.free_symbols
            poly = sympy.Poly(single, x)
            roots = sympy.roots(poly)
            if sum(roots.values()) < poly.degree():
                roots = {r: 1 for r in sympy.solve(single, x)}
            for r in roots:
                if not r.is_real:
                    continue
                if _sign(r) > 0 and _sign(1 - r) > 0:
                    nsub = {k: sympy.nsimplify(v.xreplace({x: r})) for k, v in sub.items()}
                    nsub[x] = r
                    stack.append((rest, nsub))
            continue
        syms = sorted(set().union(*(e.free_symbols for e in rest)), key=lambda s: s.name)
        try:
            sols = sympy.solve(rest, syms, dict=True)
        except NotImplementedError as exc:  # pragma: no cover - exotic systems
            raise MethodNotApplicableError(f"pbe: sympy cannot solve {rest}: {exc}") from None
        for s in sols:
            if any(not v.is_real for v in s.values() if v.is_number):
                continue
            merged = {k: v.xreplace(s) for k, v in sub.items()}
            merged.update(s)
            bad = any(v.is_number and not (_sign(v) > 0 and _sign(1 - v) > 0)
                      for v in s.values())
            if not bad:
                results.append(merged)
    return results


def _to_exact_tree(tree: ExtensiveFormGame) -> tuple[ExtensiveFormGame, bool]:
    if tree.is_exact:
        return tree, False

    def fix(v: Any) -> Any:
        return Fraction(v) if isinstance(v, float) else v

    return tree._clone(tree.root, fix), True


def _solve_tree(game: Any, tree: ExtensiveFormGame, max_profiles: int,
                refinements: Sequence[str] = ()) -> PBESolution:
    tree.validate()
    tree.numeric_check("solve_pbe")
    tree.check_perfect_recall("solve_pbe")
    notes: list[str] = []
    tree, was_float = _to_exact_tree(tree)
    if was_float:
        notes.append("float payoffs were read as their exact binary values")
    T = _Tree(tree)
    T.criteria = tuple(refinements)
    cand = T.prune()
    removed = sum(len(inf.actions) - len(c) for inf, c in zip(T.infosets, cand, strict=True))
    if removed:
        notes.append(f"{removed} action(s) removed as conditionally strictly dominated at "
                     "information sets with pure continuation")
    count = 1
    for c in cand:
        count *= 2 ** len(c) - 1
    if count > max_profiles:
        raise MethodNotApplicableError(
            f"pbe: {count} support profiles to enumerate (limit max_profiles={max_profiles}); "
            "the game is too large for exact support enumeration"
        )
    found: list[PerfectBayesianEquilibrium] = []
    keys: set[Any] = set()
    complete = "all"
    relaxed = False
    for supports in itertools.product(*(_subsets(c) for c in cand)):
        results, flags = _tree_support(T, list(supports))
        relaxed = relaxed or flags.get("relaxed", False)
        if flags.get("unresolved"):
            complete = "some"
            notes.append(flags["unresolved"])
        for eq in results:
            key = _behavior_key(eq.representative)
            if key in keys:
                continue
            keys.add(key)
            found.append(eq)
    if relaxed:
        notes.append("some unreached information sets have affinely dependent tremble "
                     "exponents; their beliefs satisfy the face conditions of consistency "
                     "but the multiplicative conditions were not imposed")
    found = [PerfectBayesianEquilibrium(game=game, tree=tree, kind=e.kind, label=e.label,
                                        pieces=e.pieces, exact=not was_float,
                                        refinements=e.refinements)
             for e in found]
    found.sort(key=lambda e: _behavior_key(e.representative))
    return PBESolution(game=game, method="pbe", equilibria=tuple(found), exact=not was_float,
                       complete=complete, notes=tuple(notes))


def _behavior_key(a: Assessment) -> Any:
    return tuple(sorted((p, lab, tuple(sorted(d.items())))
                        for p, dd in a.behavior.as_dict().items() for lab, d in dd.items()))


def _tree_support(T: _Tree, supports: list[tuple[str, ...]]
                  ) -> tuple[list[PerfectBayesianEquilibrium], dict[str, Any]]:
    flags: dict[str, Any] = {}
    zero, one = sympy.Integer(0), sympy.Integer(1)
    probs: list[dict[str, Any]] = []
    unknowns: list[sympy.Symbol] = []
    strict: list[Any] = []
    for inf, S in zip(T.infosets, supports, strict=True):
        d = {a: zero for a in inf.actions}
        if len(S) == 1:
            d[S[0]] = one
        else:
            syms = [sympy.Symbol(f"P[{a} at {inf.player}:{inf.label}]") for a in S[1:]]
            unknowns.extend(syms)
            for a, s in zip(S[1:], syms, strict=True):
                d[a] = s
                strict.append(s)
            d[S[0]] = 1 - sum(syms)
            strict.append(d[S[0]])
        probs.append(d)
    # weights, zero exponents, values
    w: dict[Any, Any] = {T.tree.root: one}
    Z: dict[Any, tuple[tuple[int, str], ...]] = {T.tree.root: ()}
    for n in T.nodes:
        for a, c in n.children.items():
            if n.is_chance:
                w[c] = w[n] * T.chance[n][a]
                Z[c] = Z[n]
            else:
                k = T.iidx[id(n.infoset)]
                q = probs[k][a]
                if q == 0:
                    w[c] = w[n]
                    Z[c] = tuple(sorted((*Z[n], (k, a))))
                else:
                    w[c] = w[n] * q
                    Z[c] = Z[n]
    vals: dict[Any, tuple[Any, ...]] = {}
    for n in reversed(T.nodes):
        if n.is_terminal:
            vals[n] = T.pay[n]
            continue
        acc = [zero] * len(T.players)
        for a, c in n.children.items():
            q = T.chance[n][a] if n.is_chance else probs[T.iidx[id(n.infoset)]][a]
            if q == 0:
                continue
            acc = [x + q * y for x, y in zip(acc, vals[c], strict=True)]
        vals[n] = tuple(acc)
    eqs: list[Any] = []
    weak: list[Any] = []
    post: list[tuple[int, list[list[Any]], list[tuple[int, ...]], list[tuple[int, ...]]]] = []
    fixed_beliefs: dict[int, dict[Any, Any]] = {}
    face_choices: list[tuple[int, list[list[Any]], list[tuple[int, ...]]]] = []
    for k, (inf, S) in enumerate(zip(T.infosets, supports, strict=True)):
        i = T.pidx[inf.player]
        nodes = [n for n in inf.nodes if T.cw[n] != 0]
        if not nodes:
            continue
        groups: dict[tuple[tuple[int, str], ...], list[Any]] = {}
        for n in nodes:
            groups.setdefault(Z[n], []).append(n)
        if () in groups or len(groups) == 1:
            g = groups[()] if () in groups else next(iter(groups.values()))
            if () not in groups and len(inf.nodes) > 1:
                tot = sum((w[n] for n in g), zero)
                fixed_beliefs[k] = {n: w[n] / tot for n in g}
            Q = {a: sum((w[n] * vals[n.children[a]][i] for n in g), zero) for a in inf.actions}
            for a in S[1:]:
                eqs.append(Q[a] - Q[S[0]])
            for b in inf.actions:
                if b not in S:
                    weak.append(Q[S[0]] - Q[b])
            continue
        keys = list(groups)
        support_actions = sorted({x for key in keys for x in key})
        vecs = [tuple(Counter(key)[x] for x in support_actions) for key in keys]
        faces = _positive_faces(tuple(vecs))
        for F in faces:
            if not _affinely_independent([vecs[j] for j in F]):
                flags["relaxed"] = True
        glists = [groups[key] for key in keys]
        if len(S) == 1:
            post.append((k, glists, faces, vecs))  # beliefs characterised after solving
        else:
            face_choices.append((k, glists, faces))
    if not face_choices:
        combos: list[tuple[tuple[int, ...], ...]] = [()]
    else:
        combos = list(itertools.product(*(faces for _, _, faces in face_choices)))
    out: list[PerfectBayesianEquilibrium] = []
    for combo in combos:
        ceqs = list(eqs)
        cweak = list(weak)
        cstrict = list(strict)
        cunk = list(unknowns)
        lam_beliefs: dict[int, dict[Any, Any]] = {}
        for (k, glists, _), F in zip(face_choices, combo, strict=True):
            inf, S = T.infosets[k], supports[k]
            i = T.pidx[inf.player]
            chosen = [glists[j] for j in F]
            lams = [sympy.Symbol(f"mu[{grp[0].id} at {inf.player}:{inf.label}]")
                    for grp in chosen[:-1]]
            cunk.extend(lams)
            lam_all = [*lams, 1 - sum(lams)] if lams else [one]
            if lams:
                cstrict.extend(lam_all)
            Ws = [sum((w[n] for n in grp), zero) for grp in chosen]
            prodW = sympy.Mul(*Ws)

            def Qf(a: str, chosen: list[list[Any]] = chosen, lam_all: list[Any] = lam_all,
                   Ws: list[Any] = Ws, prodW: Any = prodW, i: int = i) -> Any:
                tot = zero
                for lam, grp, W in zip(lam_all, chosen, Ws, strict=True):
                    tot += lam * sum((w[n] * vals[n.children[a]][i] for n in grp), zero) * (
                        sympy.cancel(prodW / W))
                return tot

            for a in S[1:]:
                ceqs.append(Qf(a) - Qf(S[0]))
            for b in inf.actions:
                if b not in S:
                    cweak.append(Qf(S[0]) - Qf(b))
            lam_beliefs[k] = {n: lam * w[n] / W for lam, grp, W in zip(lam_all, chosen, Ws,
                                                                       strict=True)
                              for n in grp}
        sols = _solve_system([sympy.expand(e) for e in ceqs], cunk)
        for sol in sols:
            free = [s for s in cunk if s not in sol]
            if len(free) > 1:
                flags["unresolved"] = (
                    f"a {len(free)}-dimensional continuum of solutions for supports "
                    f"{_support_text(T, supports)} was not characterised")
                continue
            if free:
                out.extend(_tree_family(T, supports, probs, sol, free[0], cstrict, cweak,
                                        fixed_beliefs, lam_beliefs, post, w, vals))
                continue
            eq = _tree_point(T, supports, probs, sol, cstrict, cweak, fixed_beliefs,
                             lam_beliefs, post, w, vals)
            if eq is not None:
                out.append(eq)
    return out, flags


def _support_text(T: _Tree, supports: Sequence[tuple[str, ...]]) -> str:
    return "; ".join(f"{inf.player}@{inf.label}: {'/'.join(S)}"
                     for inf, S in zip(T.infosets, supports, strict=True))


def _value_at(expr: Any, sol: Mapping[sympy.Symbol, Any]) -> Any:
    v = expr.xreplace(sol) if isinstance(expr, sympy.Basic) else expr
    return sympy.nsimplify(v) if isinstance(v, sympy.Basic) and not v.is_Rational else v


def _tree_point(T: _Tree, supports: Sequence[tuple[str, ...]], probs: list[dict[str, Any]],
                sol: Mapping[sympy.Symbol, Any], cstrict: list[Any], cweak: list[Any],
                fixed_beliefs: Mapping[int, Mapping[Any, Any]],
                lam_beliefs: Mapping[int, Mapping[Any, Any]], post: list[Any],
                w: Mapping[Any, Any], vals: Mapping[Any, Any]) -> PerfectBayesianEquilibrium | None:
    for e in cstrict:
        if _sign(_value_at(e, sol)) <= 0:
            return None
    for e in cweak:
        if _sign(_value_at(e, sol)) < 0:
            return None
    return _tree_equilibrium(T, supports, probs, [sol], fixed_beliefs, lam_beliefs, post, w,
                             vals, continuum="")


def _tree_family(T: _Tree, supports: Sequence[tuple[str, ...]], probs: list[dict[str, Any]],
                 sol: Mapping[sympy.Symbol, Any], t: sympy.Symbol, cstrict: list[Any],
                 cweak: list[Any], fixed_beliefs: Mapping[int, Mapping[Any, Any]],
                 lam_beliefs: Mapping[int, Mapping[Any, Any]], post: list[Any],
                 w: Mapping[Any, Any], vals: Mapping[Any, Any]
                 ) -> list[PerfectBayesianEquilibrium]:
    domain: sympy.Set = sympy.Interval.open(0, 1)
    for group, strict in ((cstrict, True), (cweak, False)):
        for e in group:
            expr = e.xreplace(sol) if isinstance(e, sympy.Basic) else to_sympy(e)
            domain = domain.intersect(_solve_inequality(expr, t, strict))
            if domain is sympy.S.EmptySet:
                return []
    if domain is sympy.S.EmptySet:
        return []
    pieces = domain.args if isinstance(domain, sympy.Union) else (domain,)
    out = []
    for piece in pieces:
        if isinstance(piece, sympy.FiniteSet):
            for v in piece:
                s2 = {k: sympy.nsimplify(x.xreplace({t: v})) for k, x in sol.items()}
                s2[t] = v
                eq = _tree_equilibrium(T, supports, probs, [s2], fixed_beliefs, lam_beliefs,
                                       post, w, vals, continuum="")
                if eq is not None:
                    out.append(eq)
            continue
        if not isinstance(piece, sympy.Interval) or piece.measure == 0:
            continue
        lo, hi = piece.start, piece.end
        points = []
        for end in (lo, hi):
            points.append(end)
        mid = (lo + hi) / 2
        sols = []
        for v in (mid, lo, hi):
            s2 = {k: sympy.nsimplify(x.xreplace({t: v})) for k, x in sol.items()}
            s2[t] = v
            sols.append(s2)
        param = ", ".join(f"{k} = {x}" for k, x in sol.items())
        span = (("(" if piece.left_open else "[") + f"{piece.start}, {piece.end}"
                + (")" if piece.right_open else "]"))
        text = f"one-parameter family: {t} in {span}" + (f" with {param}" if param else "")
        eq = _tree_equilibrium(T, supports, probs, sols, fixed_beliefs, lam_beliefs, post, w,
                               vals, continuum=text)
        if eq is not None:
            out.append(eq)
    return out


def _solve_inequality(expr: Any, t: sympy.Symbol, strict: bool) -> sympy.Set:
    """The real ``t`` with ``expr > 0`` (strict) or ``expr >= 0``; linear cases directly."""
    e = sympy.cancel(to_sympy(expr))
    num, den = sympy.fraction(e)
    if not den.has(t) and den.is_number and not num.has(t):
        v = e
        ok = v > 0 if strict else v >= 0
        return sympy.S.Reals if ok else sympy.S.EmptySet
    if not den.has(t) and den.is_number:
        poly = sympy.Poly(num, t)
        if poly.degree() == 1 and all(c.is_number for c in poly.all_coeffs()):
            a, b = poly.all_coeffs()
            if den < 0:
                a, b = -a, -b
            root = -b / a
            if a > 0:
                return sympy.Interval(root, sympy.oo, left_open=strict)
            return sympy.Interval(-sympy.oo, root, right_open=strict)
    rel = e > 0 if strict else e >= 0
    return sympy.solveset(rel, t, sympy.S.Reals)


def _tree_equilibrium(T: _Tree, supports: Sequence[tuple[str, ...]], probs: list[dict[str, Any]],
                      sols: Sequence[Mapping[sympy.Symbol, Any]],
                      fixed_beliefs: Mapping[int, Mapping[Any, Any]],
                      lam_beliefs: Mapping[int, Mapping[Any, Any]], post: list[Any],
                      w: Mapping[Any, Any], vals: Mapping[Any, Any], continuum: str
                      ) -> PerfectBayesianEquilibrium | None:
    """Verified assessments at ``sols`` (the first is the representative; the others are
    the ends of a family, kept when they verify)."""
    assessments: list[Assessment] = []
    off_path: dict[str, BeliefSet] = {}
    for pos, sol in enumerate(sols):
        data: dict[str, dict[str, dict[str, Any]]] = {p: {} for p in T.players}
        exact = True
        for inf, d in zip(T.infosets, probs, strict=True):
            row = {}
            for a, v in d.items():
                x = _value_at(v, sol)
                if isinstance(x, sympy.Rational):
                    x = Fraction(int(x.p), int(x.q))
                else:
                    exact = False
                    x = float(x)
                row[a] = x
            data[inf.player][inf.label] = row
        if not exact:
            for p in data:
                for lab in data[p]:
                    data[p][lab] = {a: float(x) for a, x in data[p][lab].items()}
        profile = BehaviorProfile(T.tree, data)
        beliefs: dict[str, dict[str, dict[str, Any]]] = {p: {} for p in T.players}
        for k, bel in [*fixed_beliefs.items(), *lam_beliefs.items()]:
            inf = T.infosets[k]
            if profile.infoset_probability(inf) != 0:
                continue
            conv = {}
            for n, v in bel.items():
                x = _value_at(v, sol)
                conv[n.id] = Fraction(int(x.p), int(x.q)) if (
                    exact and isinstance(x, sympy.Rational)) else float(x)
            for n in inf.nodes:
                conv.setdefault(n.id, Fraction(0) if exact else 0.0)
            beliefs[inf.player][inf.label] = conv
        ok = True
        for k, glists, faces, _ in post:
            inf = T.infosets[k]
            if profile.infoset_probability(inf) != 0:
                continue
            bs = _post_beliefs(T, k, supports[k], glists, faces, sol, w, vals)
            if bs is None:
                ok = False
                break
            if pos == 0:
                off_path[inf.label] = bs
            centre = bs.components[0]
            first = {lab: sum((Fraction(v[lab]) for v in centre), Fraction(0)) / len(centre)
                     for lab in bs.labels}
            beliefs[inf.player][inf.label] = first
        if not ok:
            if pos == 0:
                return None
            continue
        try:
            assessment = certify_assessment(profile, beliefs, "pbe")
        except (VerificationError, InvalidProfileError):
            if pos == 0:
                raise
            continue  # an end of a family that is not itself an equilibrium: open end
        assessments.append(assessment)
        if pos == 0:
            for k, *_ in post:
                inf = T.infosets[k]
                if inf.label not in off_path:
                    continue
                for v in off_path[inf.label].vertices:
                    certify_assessment(profile, {**beliefs, inf.player: {
                        **beliefs[inf.player], inf.label: dict(v)}}, "pbe")
    rep = assessments[0]
    refs = _tree_refinements(T, rep, off_path, T.criteria)
    piece = PBEPiece(
        supports={p: {inf.label: S for inf, S in zip(T.infosets, supports, strict=True)
                      if inf.player == p} for p in T.players},
        assessments=tuple(assessments[1:]) if len(assessments) > 1 else (rep,),
        representative=rep, off_path=off_path, refinements=refs, continuum=continuum)
    label = "sequential equilibrium" + (" (one-parameter family)" if continuum else "")
    return PerfectBayesianEquilibrium(
        game=T.tree, tree=T.tree, kind="sequential", label=label, pieces=(piece,),
        exact=rep.exact, refinements={c: "survives" if v else "fails" for c, v in refs.items()})


def _tree_refinements(T: _Tree, a: Assessment, off_path: Mapping[str, BeliefSet],
                      criteria: Sequence[str]) -> dict[str, bool | None]:
    """Intuitive Criterion and D1 at unreached information sets entered by a revealing deviation.

    An unreached information set of player j qualifies when each of its nodes
    is entered through a last zero-probability action taken by one player i
    at a *different* information set of i (i's type-specific choice): the
    nodes are then i's types, j's actions the responses, continuation values
    the payoffs, and i's equilibrium value at the deviation node the
    equilibrium payoff of the type. Other unreached sets are not tested.
    """
    result: dict[str, bool | None] = dict.fromkeys(criteria, True)
    if not criteria:
        return result
    profile = a.behavior

    def value(node: Any, player: str) -> Fraction:
        return to_fraction(profile.node_value(node)[player])

    for inf in T.infosets:
        if a.reached[inf.player][inf.label]:
            continue
        nodes = [n for n in inf.nodes if T.cw[n] != 0]
        if len(nodes) < 2:
            continue
        dev: dict[Any, Any] = {}
        for h in nodes:
            for anc, act in reversed(h.path):
                if anc.infoset is not None and profile.probability(anc.infoset, act) == 0:
                    dev[h] = anc
                    break
        if len(dev) != len(nodes):
            continue
        movers = {d.player for d in dev.values()}
        dev_sets = {id(d.infoset) for d in dev.values()}
        if len(movers) != 1 or len(dev_sets) != len(nodes):
            continue
        i = movers.pop()
        j = inf.player
        types = [h.id for h in nodes]
        local = _Local(
            types, {"I": inf.actions},
            {(h.id, "I", b): value(h.children[b], i) for h in nodes for b in inf.actions},
            {(h.id, "I", b): value(h.children[b], j) for h in nodes for b in inf.actions})
        ustar = {h.id: value(dev[h], i) for h in nodes}
        if inf.label in off_path:
            admissible = list(off_path[inf.label].vertices)
        else:
            admissible = [a.beliefs[j][inf.label]]
        for c in criteria:
            if c == "intuitive" and local.intuitive_fails("I", ustar):
                result[c] = False
            if c == "D1":
                deleted = local.d1_deleted("I", ustar)
                if deleted and not any(all(v.get(t, 0) == 0 for t in deleted)
                                       for v in admissible):
                    result[c] = False
    return result


def _post_beliefs(T: _Tree, k: int, S: tuple[str, ...], glists: list[list[Any]],
                  faces: list[tuple[int, ...]], sol: Mapping[sympy.Symbol, Any],
                  w: Mapping[Any, Any], vals: Mapping[Any, Any]) -> BeliefSet | None:
    """Admissible consistent beliefs at an unreached information set with a pure choice."""
    inf = T.infosets[k]
    i = T.pidx[inf.player]
    a0 = S[0]
    comps = []
    cons_all = []
    labels = tuple(n.id for n in inf.nodes)
    for F in faces:
        chosen = [glists[j] for j in F]
        ws = []
        for grp in chosen:
            wv = [_frac(_value_at(w[n], sol)) for n in grp]
            ws.append(wv)
        q: dict[str, list[Any]] = {}
        for a in inf.actions:
            q[a] = []
            for grp, wv in zip(chosen, ws, strict=True):
                W = sum(wv, Fraction(0))
                q[a].append(sum((x * _frac(_value_at(vals[n.children[a]][i], sol))
                                 for x, n in zip(wv, grp, strict=True)), Fraction(0)) / W)
        r = len(chosen)
        eq: list[Row] = [([Fraction(1)] * r, Fraction(1))]
        ge: list[Row] = [([Fraction(int(j == m)) for j in range(r)], Fraction(0))
                         for m in range(r)]
        for b in inf.actions:
            if b != a0:
                ge.append(([x - y for x, y in zip(q[a0], q[b], strict=True)], Fraction(0)))
        poly = _polytope(r, eq, ge)
        if not poly.vertices:
            continue
        verts = []
        for lam in poly.vertices:
            mu = {lab: Fraction(0) for lab in labels}
            for lv, grp, wv in zip(lam, chosen, ws, strict=True):
                W = sum(wv, Fraction(0))
                for x, n in zip(wv, grp, strict=True):
                    mu[n.id] += lv * x / W
            verts.append(mu)
        comps.append(tuple(verts))
        cons_all.append(())
    if not comps:
        return None
    return BeliefSet(infoset=inf.label, player=inf.player, labels=labels,
                     components=tuple(comps), constraints=())


def _frac(x: Any) -> Fraction:
    if isinstance(x, sympy.Rational):
        return Fraction(int(x.p), int(x.q))
    if isinstance(x, Fraction | int):
        return Fraction(x)
    raise MethodNotApplicableError(f"pbe: an irrational value {x} where beliefs are computed")


# ============================================================================ entry points


def solve_pbe(
    game: SignalingGame | ExtensiveFormGame | BayesianGame,
    *,
    refinements: Sequence[str] = ("intuitive", "D1"),
    max_profiles: int = 20_000,
) -> PBESolution:
    """All perfect Bayesian equilibria of a signaling game; sequential equilibria of a tree.

    Parameters
    ----------
    game : SignalingGame, ExtensiveFormGame or BayesianGame
        Numeric (substitute parameters with ``game.at(...)`` first). Trees
        need perfect recall; a Bayesian game is solved on its Harsanyi tree.
    refinements : sequence of str, default ``("intuitive", "D1")``
        Refinements evaluated for signaling games (keys of :data:`REFINEMENTS`).
    max_profiles : int, default 20000
        Largest number of support profiles enumerated for trees.

    Returns
    -------
    PBESolution
        For signaling games, one :class:`PerfectBayesianEquilibrium` per
        pattern of play, with the receiver's behaviour and the off-path
        beliefs that sustain it as sets, and the refinements' verdicts;
        ``complete == "all"``. For trees, one class per solution (a point or
        a one-parameter family); ``complete == "all"`` unless a larger
        continuum was met (then ``"some"``, with a note).

    Raises
    ------
    SymbolicGameError
        The game has free parameters (see
        :func:`gametheory.analysis.pbe_regions.pbe_regions`).
    MethodNotApplicableError
        A tree without perfect recall, too many support profiles, or an
        unknown refinement.

    References
    ----------
    .. [1] D. M. Kreps and R. Wilson, "Sequential equilibria", *Econometrica*
       50 (1982) 863-894.
    .. [2] D. Fudenberg and J. Tirole, *Game Theory*, MIT Press (1991), ch. 8.
    .. [3] I.-K. Cho and D. M. Kreps, "Signaling games and stable equilibria",
       *Quarterly Journal of Economics* 102 (1987) 179-221.
    .. [4] J. S. Banks and J. Sobel, "Equilibrium selection in signaling
       games", *Econometrica* 55 (1987) 647-661.

    Examples
    --------
    The TRIPP model M4 at its defaults (``scenario_spec.md``): a hybrid
    equilibrium (O mixes, Russia preempts w.p. ``r_O``) and pooling on
    Restrain, which fails D1.

    >>> from fractions import Fraction as F
    >>> from gametheory.games.bayesian import SignalingGame
    >>> m4 = SignalingGame(["O", "D"], [F(3, 5), F(2, 5)], ["Open", "Restrain"],
    ...     {"Open": ["Accept", "Preempt"], "Restrain": []},
    ...     {"O": {"Open": {"Accept": (F(2, 5), -1), "Preempt": (F(-2, 5), F(-3, 5))},
    ...            "Restrain": (0, 0)},
    ...      "D": {"Open": {"Accept": (F(3, 5), F(-1, 5)), "Preempt": (F(-1, 5), F(-3, 5))},
    ...            "Restrain": (0, 0)}}, players=("T", "Russia"))
    >>> sol = solve_pbe(m4)
    >>> for e in sol:
    ...     print(e.label, e.probability("Open", "Preempt"), e.refinements["D1"])
    pooling on Restrain (Fraction(3, 4), Fraction(1, 1)) fails
    hybrid (O: Open/Restrain; D: Open) (Fraction(1, 2), Fraction(1, 2)) survives
    >>> sol[1].probability("O", "Open"), sol[1].outcome_probability("Open", "Preempt")
    ((Fraction(2, 3), Fraction(2, 3)), (Fraction(2, 5), Fraction(2, 5)))
    """
    unknown = [r for r in refinements if r not in REFINEMENTS]
    if unknown:
        raise MethodNotApplicableError(
            f"unknown refinements {unknown}; available: {sorted(REFINEMENTS)}")
    if isinstance(game, SignalingGame):
        game.numeric_check("solve_pbe")
        return _solve_signaling(game, tuple(refinements))
    if isinstance(game, BayesianGame):
        game.numeric_check("solve_pbe")
        return _solve_tree(game, game.to_extensive_form(), max_profiles, tuple(refinements))
    if isinstance(game, ExtensiveFormGame):
        return _solve_tree(game, game, max_profiles, tuple(refinements))
    raise MethodNotApplicableError(
        "pbe handles SignalingGame, ExtensiveFormGame and BayesianGame; got "
        f"{type(game).__name__}"
    )


# ============================================================================ Bayesian Nash


@dataclass(frozen=True, eq=False)
class BayesianNashEquilibrium:
    """A verified Bayesian Nash equilibrium in type-contingent strategies.

    Attributes
    ----------
    strategies : dict
        ``strategies[player][type][action]`` = probability.
    payoffs : dict
        Ex-ante expected payoff of each player.
    interim_payoffs : dict
        ``{player: {type: expected payoff given the type}}`` (None for types
        of prior probability 0).
    exact : bool
    regret : Fraction or float
        Largest interim gain of any type (0 when exact).
    equilibrium : Equilibrium
        The same equilibrium as a certified mixed profile of the reduced
        normal form of the Harsanyi tree.
    """

    strategies: dict[str, dict[str, dict[str, Any]]]
    payoffs: dict[str, Any]
    interim_payoffs: dict[str, dict[str, Any]]
    exact: bool
    regret: Any
    equilibrium: Equilibrium

    @property
    def is_pure(self) -> bool:
        """True when every type plays one action."""
        return all(sum(1 for v in d.values() if v > 0) == 1
                   for dd in self.strategies.values() for d in dd.values())

    def __str__(self) -> str:
        parts = []
        for p, dd in self.strategies.items():
            sub = []
            for t, d in dd.items():
                used = [a for a, v in d.items() if v > 0]
                sub.append(f"{t} {used[0]}" if len(used) == 1 else
                           f"{t} (" + ", ".join(f"{a} {_fmt(d[a])}" for a in used) + ")")
            parts.append(f"{p}: " + ", ".join(sub))
        pay = ", ".join(_fmt(v) for v in self.payoffs.values())
        return "; ".join(parts) + f" -> payoffs ({pay})"


@dataclass(frozen=True, eq=False)
class BayesianNashSolution(EquilibriumSequence[BayesianNashEquilibrium]):
    """The result of :func:`solve_bayesian_nash`.

    Attributes
    ----------
    game : BayesianGame
    method : str
        The normal-form method run on the Harsanyi tree.
    equilibria : tuple of BayesianNashEquilibrium
    exact : bool
    complete : str
        As reported by the normal-form method.
    notes : tuple of str
    """

    game: BayesianGame
    method: str
    equilibria: tuple[BayesianNashEquilibrium, ...]
    exact: bool
    complete: str
    notes: tuple[str, ...] = ()

    def __str__(self) -> str:
        title = self.game.title or "Bayesian game"
        lines = [f"{title}: {len(self)} Bayesian Nash equilibri"
                 f"{'um' if len(self) == 1 else 'a'} by {self.method} ({self.complete})"]
        lines += [f"  {k + 1}. {e}" for k, e in enumerate(self.equilibria)]
        lines += [f"  note: {n}" for n in self.notes]
        return "\n".join(lines)


def _interim(game: BayesianGame, strategies: Mapping[str, Mapping[str, Mapping[str, Any]]],
             exact: bool) -> tuple[dict[str, dict[str, Any]], Any]:
    """Interim payoffs and the largest interim regret (types of positive probability)."""
    zero = Fraction(0) if exact else 0.0
    conv = (lambda v: to_fraction(v)) if exact else float  # noqa: E731
    players = game.players
    interim: dict[str, dict[str, Any]] = {p: {} for p in players}
    worst = zero
    for i, p in enumerate(players):
        marg = game.marginal(p)
        for t in game.types[p]:
            mt = conv(marg[t])
            if mt == 0:
                interim[p][t] = None
                continue
            per_action = {a: zero for a in game.actions(p)}
            for prof, q in game.prior.items():
                if prof[i] != t or conv(q) == 0:
                    continue
                # expected payoff of each own action against the others' strategies
                # None holds the player's own place (filled with each own action below)
                others: list[Sequence[Any]] = [game.actions(players[j]) if j != i else (None,)
                                               for j in range(len(players))]
                for combo in itertools.product(*others):
                    pr = conv(q)
                    for j, a in enumerate(combo):
                        if j != i:
                            pr = pr * strategies[players[j]][prof[j]][a]
                    if pr == 0:
                        continue
                    for a in game.actions(p):
                        full = tuple(a if j == i else combo[j] for j in range(len(players)))
                        per_action[a] = per_action[a] + pr * conv(game.payoff(prof, full)[i])
            current = sum((strategies[p][t][a] * per_action[a] for a in per_action), zero)
            interim[p][t] = current / mt
            worst = max(worst, (max(per_action.values()) - current) / mt)
    return interim, worst


def solve_bayesian_nash(game: BayesianGame, *, method: str = "auto",
                        **options: Any) -> BayesianNashSolution:
    """Bayesian Nash equilibria through the Harsanyi tree and a normal-form solver.

    The Harsanyi tree (:meth:`BayesianGame.to_extensive_form`) is reduced to
    its normal form (strategies are plans: one action per own type), solved
    with ``method``, and each equilibrium is mapped back to type-contingent
    behaviour (Kuhn's theorem) and verified: every type of positive
    probability must have zero interim regret (exactly, for exact games).

    Parameters
    ----------
    game : BayesianGame
        Numeric.
    method : str, default ``"auto"``
        ``"enummixed"`` (all extreme equilibria, 2 players; the default for 2
        players), ``"pure"`` (all pure equilibria, N players; the default
        otherwise), or any method of :func:`gametheory.solve`.
    **options
        Passed to the normal-form method.

    Returns
    -------
    BayesianNashSolution
        Distinct type-contingent profiles (mixed strategies of the normal form
        that are realization-equivalent are merged).

    Raises
    ------
    SymbolicGameError
        Free parameters.
    VerificationError
        A solver bug (an equilibrium that fails the interim check).

    References
    ----------
    .. [1] J. C. Harsanyi, "Games with incomplete information played by
       'Bayesian' players, I-III", *Management Science* 14 (1967-68).

    Examples
    --------
    Osborne (2004), section 9.2: player 2 wishes to meet player 1 or to
    avoid her, each with probability 1/2.

    >>> from fractions import Fraction as F
    >>> g = BayesianGame(
    ...     ["1", "2"], {"1": ["only"], "2": ["meet", "avoid"]},
    ...     {("only", "meet"): F(1, 2), ("only", "avoid"): F(1, 2)},
    ...     {"1": ["B", "S"], "2": ["B", "S"]},
    ...     {("only", "meet"): [[[2, 0], [0, 1]], [[1, 0], [0, 2]]],
    ...      ("only", "avoid"): [[[2, 0], [0, 1]], [[0, 2], [1, 0]]]})
    >>> for e in solve_bayesian_nash(g, method="pure"):
    ...     print(e)
    1: only B; 2: meet B, avoid S -> payoffs (1, 3/2)
    """
    if not isinstance(game, BayesianGame):
        raise MethodNotApplicableError(
            f"solve_bayesian_nash needs a BayesianGame, got {type(game).__name__}")
    game.numeric_check("solve_bayesian_nash")
    from . import solve  # lazy: the registry imports this module

    tree = game.to_extensive_form()
    nf = tree.to_normal_form()
    notes: list[str] = []
    if method == "auto":
        method = "enummixed" if game.n_players == 2 else "pure"
        notes.append(f"auto: {method} on the reduced normal form of the Harsanyi tree")
    sol = solve(nf, method, **options)
    notes.extend(sol.notes)
    out: list[BayesianNashEquilibrium] = []
    seen: set[Any] = set()
    for eq in sol.equilibria:
        profile = BehaviorProfile.from_mixed(tree, eq)
        exact = eq.exact and game.is_exact
        strategies = {
            p: {t: {a: (v if exact else float(v)) for a, v in
                    profile.as_dict()[p][BayesianGame.infoset_label(p, t)].items()}
                for t in game.types[p]}
            for p in game.players
        }
        key = tuple((p, t, tuple(d.items())) for p, dd in strategies.items()
                    for t, d in dd.items())
        if key in seen:
            continue
        seen.add(key)
        interim, regret = _interim(game, strategies, exact)
        if (exact and regret != 0) or (not exact and regret > 1e-7):
            raise VerificationError(
                f"solve_bayesian_nash: a type gains {regret} by deviating from {strategies}")
        payoffs = {p: _clean(v) for p, v in profile.payoffs.items()}
        out.append(BayesianNashEquilibrium(strategies=strategies, payoffs=payoffs,
                                           interim_payoffs=interim, exact=exact,
                                           regret=regret, equilibrium=eq))
    return BayesianNashSolution(game=game, method=sol.method, equilibria=tuple(out),
                                exact=sol.exact, complete=sol.complete, notes=tuple(notes))
