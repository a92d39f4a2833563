"""Logit quantal response equilibrium (QRE) and its principal branch (method ``logit``).

In a logit QRE with precision :math:`\\lambda \\ge 0` every player chooses
each pure strategy with probability proportional to the exponential of its
expected payoff (McKelvey and Palfrey 1995):

.. math:: \\sigma_{ij} = \\frac{\\exp(\\lambda\\, v_{ij}(\\sigma))}
          {\\sum_k \\exp(\\lambda\\, v_{ik}(\\sigma))},

where :math:`v_{ij}(\\sigma)` is player :math:`i`'s expected payoff from
pure strategy :math:`j` against :math:`\\sigma_{-i}`. At :math:`\\lambda = 0`
the unique QRE is uniform play; as :math:`\\lambda \\to \\infty` QRE
approach Nash equilibria. For generic games the QRE containing
:math:`(\\lambda, \\sigma) = (0, \\text{uniform})` form a smooth curve, the
*principal branch*, which converges to one Nash equilibrium (the logit
solution, McKelvey and Palfrey 1995, Theorem 3). It may fold back in
:math:`\\lambda` (turning points), so it is traced by arclength.

Formulation and algorithm
-------------------------
The unknowns are the log-probabilities :math:`y_{ij} = \\log \\sigma_{ij}` and
:math:`\\lambda` (Turocy 2005): for every player :math:`i`,

.. math:: \\sum_j e^{y_{ij}} - 1 = 0, \\qquad
          y_{ij} - y_{i0} - \\lambda\\,(v_{ij} - v_{i0}) = 0 \\quad (j \\ge 1),

:math:`n` equations in :math:`n + 1` unknowns. The branch is followed from
:math:`(\\log \\text{uniform}, 0)` by a predictor-corrector method
(Allgower and Georg 1990): an Euler predictor along the unit tangent (the
kernel of the Jacobian, oriented continuously), Newton's method in the
hyperplane orthogonal to the tangent as corrector, and an adaptive
arclength step (halved when Newton contracts poorly, the first correction
is large or the tangent turns sharply; lengthened by ``max_accel`` after
easy steps). Working in log-probabilities keeps probabilities that vanish
like :math:`e^{-\\lambda\\, \\text{gap}}` accurate.

Games
-----
The functions work on a :class:`~gametheory.NormalFormGame` with numeric
payoffs, any number of players; expected payoffs and their derivatives are
tensor contractions. On an :class:`~gametheory.games.extensive.ExtensiveFormGame`
they trace the *agent* QRE (McKelvey and Palfrey 1998): one "player" (agent)
per information set, labelled ``"<player>:<information set>"``, whose
"strategies" are its actions and whose values are conditional action values
(:class:`~gametheory.solvers.agent_logit.AgentFormModel`); results then also
carry the QRE as a behaviour profile (:attr:`QREPoint.behavior`) and the owner
of each agent (:attr:`QREBranch.owners`), and :func:`solve_logit` returns the
verified limit as a :class:`~gametheory.solvers.trees.TreeSolution`
(:func:`~gametheory.solvers.agent_logit.solve_logit_tree`). For the QRE of a
tree's reduced normal form, pass ``tree.to_normal_form()``.

:func:`logit_qre` and :func:`logit_branch` also accept any object with a
``qre_model()`` method returning an object with the attributes and methods of
:class:`NormalFormModel` (``players``, ``strategies``, ``shape``, ``spread``,
``values(probs)``, ``derivatives(probs)``). A model may also provide
``log_values(logp)`` and ``log_value_jacobian(logp)`` (values and the whole
matrix :math:`\\partial v / \\partial \\log \\sigma` from the flat
log-probabilities); the tracer then uses them, which avoids underflow of tiny
probabilities, and optionally ``payoffs(probs)`` and ``behavior(probs)``.

References
----------
.. [1] R. D. McKelvey and T. R. Palfrey, "Quantal response equilibria for
   normal form games", Games and Economic Behavior 10 (1995) 6-38.
.. [2] R. D. McKelvey and T. R. Palfrey, "Quantal response equilibria for
   extensive form games", Experimental Economics 1 (1998) 9-41.
.. [3] T. L. Turocy, "A dynamic homotopy interpretation of the logistic
   quantal response equilibrium correspondence", Games and Economic Behavior
   51 (2005) 243-263.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from ..equilibrium import Solution, certify, verify
from ..errors import InvalidProfileError, VerificationError

__all__ = [
    "NormalFormModel",
    "QREBranch",
    "QREPoint",
    "logit_branch",
    "logit_qre",
    "solve_logit",
]


# ---------------------------------------------------------------------- payoff model
class NormalFormModel:
    """Expected payoffs of a normal-form game and their derivatives (float).

    Parameters
    ----------
    arrays : sequence of numpy.ndarray
        One payoff array per player, each of shape ``shape``.
    players, strategies : sequences of labels

    Notes
    -----
    ``values(probs)[i][j]`` is :math:`v_{ij}`, the expected payoff of player
    ``i``'s pure strategy ``j`` against the others' mixed strategies;
    ``derivatives(probs)[i][k]`` is the matrix :math:`\\partial v_{i\\cdot} /
    \\partial \\sigma_{k\\cdot}` (``None`` for ``k == i``, on which
    :math:`v_i` does not depend).

    Examples
    --------
    >>> import numpy as np
    >>> m = NormalFormModel([np.eye(2), np.eye(2)], ["1", "2"], [["a", "b"], ["a", "b"]])
    >>> [v.tolist() for v in m.values([np.array([0.25, 0.75]), np.array([1.0, 0.0])])]
    [[1.0, 0.0], [0.25, 0.75]]
    """

    def __init__(
        self,
        arrays: Sequence[np.ndarray],
        players: Sequence[str],
        strategies: Sequence[Sequence[str]],
    ) -> None:
        self.arrays = tuple(np.asarray(a, dtype=np.float64) for a in arrays)
        self.players = tuple(players)
        self.strategies = tuple(tuple(s) for s in strategies)
        self.shape = self.arrays[0].shape
        self.n = len(self.shape)
        if self.n == 2:  # constant derivative matrices
            A, B = self.arrays
            self._two = (A, np.ascontiguousarray(B.T))

    def _pair(self, i: int, k: int, probs: Sequence[np.ndarray]) -> np.ndarray:
        """Matrix d v_i / d sigma_k: contract U_i with every player but i and k."""
        out = self.arrays[i]
        for j in reversed(range(self.n)):
            if j not in (i, k):
                out = np.tensordot(out, probs[j], axes=([j], [0]))
        return out if i < k else out.T

    def derivatives(self, probs: Sequence[np.ndarray]) -> list[list[np.ndarray | None]]:
        """Blocks ``d v_i / d sigma_k`` (``K_i x K_k``)."""
        if self.n == 2:
            A, Bt = self._two
            return [[None, A], [Bt, None]]
        return [
            [None if k == i else self._pair(i, k, probs) for k in range(self.n)]
            for i in range(self.n)
        ]

    def values(self, probs: Sequence[np.ndarray]) -> list[np.ndarray]:
        """Expected payoff of every pure strategy of every player."""
        if self.n == 1:
            return [self.arrays[0].copy()]
        if self.n == 2:
            A, Bt = self._two
            return [A @ probs[1], Bt @ probs[0]]
        out = []
        for i in range(self.n):
            v = self.arrays[i]
            for j in reversed(range(self.n)):
                if j != i:
                    v = np.tensordot(v, probs[j], axes=([j], [0]))
            out.append(v)
        return out

    @property
    def scale(self) -> float:
        """``max(1, max |payoff|)``, the scale of regret tolerances."""
        return max(1.0, max(float(np.max(np.abs(a))) for a in self.arrays))

    @property
    def spread(self) -> float:
        """Largest difference between two payoffs of one player (1 if all are equal)."""
        return max(float(np.ptp(a)) for a in self.arrays) or 1.0


def _model(game: Any) -> Any:
    if hasattr(game, "qre_model"):
        return game.qre_model()
    from ..games.extensive import ExtensiveFormGame

    if isinstance(game, ExtensiveFormGame):
        from .agent_logit import AgentFormModel

        return AgentFormModel(game)
    game.numeric_check("the logit QRE")
    return NormalFormModel(game.as_float_arrays(), game.players, game.strategies)


# ---------------------------------------------------------------------- results
@dataclass(frozen=True, eq=False)
class QREPoint:
    """A logit quantal response equilibrium.

    Attributes
    ----------
    lam : float
        The precision :math:`\\lambda`.
    vectors : tuple of numpy.ndarray
        Choice probabilities per player (float, each summing to 1).
    profile : dict
        ``profile[player][strategy]`` -> probability, as in
        :attr:`Equilibrium.profile <gametheory.Equilibrium.profile>`.
    payoffs : dict
        Expected payoff of each player (for a tree: of each player of the
        tree, not of each agent).
    behavior : BehaviorProfile or None
        For an extensive-form game (agent form): the QRE as a float
        :class:`~gametheory.games.behavior.BehaviorProfile`; ``None`` for
        normal-form games.
    """

    lam: float
    vectors: tuple[np.ndarray, ...] = field(repr=False)
    profile: dict[str, dict[str, float]]
    payoffs: dict[str, float]
    behavior: Any = field(default=None, repr=False)


@dataclass(frozen=True, eq=False)
class QREBranch:
    """Points of the principal branch of the logit QRE correspondence, for plotting.

    Attributes
    ----------
    players : tuple of str
    strategies : tuple of tuple of str
    lam : numpy.ndarray
        :math:`\\lambda` at each point (not necessarily increasing: the
        branch may turn back).
    probabilities : tuple of numpy.ndarray
        One array per player, shape ``(len(lam), n_strategies)``.
    arclength : numpy.ndarray
        Arclength along the branch at each point, in the tracer's coordinates
        (log-probabilities and :math:`\\lambda` times the payoff spread).
    max_regret : numpy.ndarray
        Largest regret at each point, relative to the payoff spread (for a
        tree: the largest agent regret, conditional on reaching the
        information set).
    owners : tuple of str or None
        For an extensive-form game: the player owning each agent
        (``players`` are then the agents, one per information set, and
        ``strategies`` their actions); ``None`` for normal-form games.
    """

    players: tuple[str, ...]
    strategies: tuple[tuple[str, ...], ...]
    lam: np.ndarray
    probabilities: tuple[np.ndarray, ...]
    arclength: np.ndarray
    max_regret: np.ndarray
    owners: tuple[str, ...] | None = None

    def __len__(self) -> int:
        return len(self.lam)

    def probability(self, player: str, strategy: str) -> np.ndarray:
        """Probability of one strategy along the branch.

        Examples
        --------
        >>> from gametheory import NormalFormGame
        >>> g = NormalFormGame.from_arrays([[3, 0], [2, 2]], [[3, 2], [0, 2]])
        >>> br = logit_branch(g, max_lambda=5)
        >>> float(br.probability("1", "1")[0])
        0.5
        """
        i = self.players.index(player)
        return self.probabilities[i][:, self.strategies[i].index(strategy)]


# ---------------------------------------------------------------------- validation
def _check_real(name: str, value: Any, *, low: float, strict: bool = False,
                allow_inf: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidProfileError(f"{name} must be a real number, got {value!r}")
    v = float(value)
    if math.isnan(v):
        raise InvalidProfileError(f"{name} must be a number, got NaN")
    if math.isinf(v) and not allow_inf:
        raise InvalidProfileError(f"{name} must be finite, got {value!r}")
    if v < low or (strict and v == low):
        rel = ">" if strict else ">="
        raise InvalidProfileError(f"{name} must be {rel} {low:g}, got {value!r}")
    return v


# ---------------------------------------------------------------------- the homotopy
class _Homotopy:
    """H(y, lam) = 0 of the log-probability formulation and its Jacobian.

    Payoffs are divided by their spread ``unit``, so the homotopy's lambda is
    ``unit`` times the user's lambda and the path's geometry (hence step
    sizes and tolerances) does not depend on the payoff scale.
    """

    def __init__(self, model: Any) -> None:
        self.model = model
        self.unit = float(model.spread)
        self.sizes = [int(k) for k in model.shape]
        self.offsets = np.concatenate([[0], np.cumsum(self.sizes)])[:-1].astype(int)
        self.n = int(sum(self.sizes))
        n = self.n
        # fixed part of the Jacobian: rows o_i + j get +1 at o_i + j and -1 at o_i
        self._base = np.zeros((n, n + 1))
        for o, k in zip(self.offsets, self.sizes, strict=True):
            for j in range(1, k):
                self._base[o + j, o + j] = 1.0
                self._base[o + j, o] = -1.0
        # index arrays for models giving the whole matrix d v / d log sigma
        self._log = hasattr(model, "log_value_jacobian")
        self._ratio = np.array([o + j for o, k in zip(self.offsets, self.sizes, strict=True)
                                for j in range(1, k)], dtype=np.int64)
        self._ref = np.array([o for o, k in zip(self.offsets, self.sizes, strict=True)
                              for _ in range(1, k)], dtype=np.int64)
        self._sumrow = np.repeat(self.offsets, self.sizes).astype(np.int64)

    def split(self, y: np.ndarray) -> list[np.ndarray]:
        return [y[o:o + k] for o, k in zip(self.offsets, self.sizes, strict=True)]

    def start(self) -> np.ndarray:
        z = np.zeros(self.n + 1)
        for o, k in zip(self.offsets, self.sizes, strict=True):
            z[o:o + k] = -math.log(k)
        return z

    def residual(self, z: np.ndarray) -> tuple[np.ndarray, list[np.ndarray], list[np.ndarray]]:
        y, lam = z[:-1], z[-1]
        probs = [np.exp(b) for b in self.split(y)]
        if self._log:  # models that work from log-probabilities (no underflow)
            try:
                raw = self.model.log_values(y)
            except FloatingPointError:
                return np.full(self.n, np.nan), probs, [np.full(k, np.nan) for k in self.sizes]
        else:
            raw = self.model.values(probs)
        vals = [v / self.unit for v in raw]
        H = np.empty(self.n)
        for i, (o, k) in enumerate(zip(self.offsets, self.sizes, strict=True)):
            H[o] = probs[i].sum() - 1.0
            yi, vi = y[o:o + k], vals[i]
            H[o + 1:o + k] = yi[1:] - yi[0] - lam * (vi[1:] - vi[0])
        return H, probs, vals

    def jacobian(self, z: np.ndarray, probs: list[np.ndarray], vals: list[np.ndarray]) -> np.ndarray:
        lam = z[-1]
        J = self._base.copy()
        if self._log:  # the whole matrix d v / d log sigma at once
            p = np.concatenate(probs)
            v = np.concatenate(vals)
            J[self._sumrow, np.arange(self.n)] = p
            R, O = self._ratio, self._ref
            if len(R):
                G = self.model.log_value_jacobian(z[:-1])
                J[R, -1] = -(v[R] - v[O])
                J[R, :-1] -= (lam / self.unit) * (G[R] - G[O])
            return J
        derivs = self.model.derivatives(probs)
        for i, (o, k) in enumerate(zip(self.offsets, self.sizes, strict=True)):
            J[o, o:o + k] = probs[i]
            if k == 1:
                continue
            J[o + 1:o + k, -1] = -(vals[i][1:] - vals[i][0])
            for m, (om, km) in enumerate(zip(self.offsets, self.sizes, strict=True)):
                D = derivs[i][m]
                if D is None:
                    continue
                # d/dy_m = d/dsigma_m * sigma_m
                J[o + 1:o + k, om:om + km] = -(lam / self.unit) * (D[1:] - D[0]) * probs[m]
        return J


def _tangent(J: np.ndarray, previous: np.ndarray) -> np.ndarray:
    """Unit kernel vector of J, oriented to agree with ``previous``."""
    A = np.vstack([J, previous])
    rhs = np.zeros(len(previous))
    rhs[-1] = 1.0
    t = np.linalg.solve(A, rhs)
    return t / np.linalg.norm(t)


def _regret(probs: Sequence[np.ndarray], vals: Sequence[np.ndarray]) -> float:
    return max(float(np.max(v) - np.dot(p, v)) for p, v in zip(probs, vals, strict=True))


@dataclass
class _Trace:
    lam: list[float] = field(default_factory=list)
    probs: list[list[np.ndarray]] = field(default_factory=list)
    arclength: list[float] = field(default_factory=list)
    regret: list[float] = field(default_factory=list)


def _trace(
    hom: _Homotopy,
    *,
    stop: Callable[[np.ndarray, list[np.ndarray], list[np.ndarray], np.ndarray], bool],
    max_lambda: float,
    tol: float,
    first_step: float,
    max_accel: float,
    max_steps: int,
    record: _Trace | None,
    target: float | None = None,
) -> tuple[np.ndarray, list[np.ndarray], list[np.ndarray], np.ndarray | None]:
    """Follow the principal branch until ``stop`` says so or ``lam`` passes ``max_lambda``.

    Returns the last point ``z``, its probabilities and values, and (when
    ``target`` is given) the previous point on the other side of the target
    lambda, for the final Newton solve at fixed lambda.
    """
    unit = hom.unit
    z = hom.start()
    H, probs, vals = hom.residual(z)
    J = hom.jacobian(z, probs, vals)
    t = _tangent(J, np.r_[np.zeros(hom.n), 1.0])
    h = first_step
    arc = 0.0
    if record is not None:
        record.lam.append(0.0)
        record.probs.append(probs)
        record.arclength.append(0.0)
        record.regret.append(_regret(probs, vals))
    for _ in range(max_steps):
        if stop(z, probs, vals, t):
            return z, probs, vals, None
        accepted = False
        while not accepted:
            if h < 1e-14:
                raise VerificationError(
                    f"logit: path tracing stalled at lambda={z[-1] / unit:.6g} (step size "
                    "underflow)"
                )
            w = z + h * t
            ok = True
            prev_norm = math.inf
            # relative tolerance: the log-probabilities of unused strategies grow like lambda
            ztol = tol * max(1.0, float(np.max(np.abs(w))))
            for it in range(12):
                Hw, pw, vw = hom.residual(w)
                if not np.all(np.isfinite(Hw)):
                    ok = False
                    break
                Jw = hom.jacobian(w, pw, vw)
                try:
                    dz = np.linalg.solve(np.vstack([Jw, t]), np.r_[-Hw, 0.0])
                except np.linalg.LinAlgError:
                    ok = False
                    break
                norm = float(np.linalg.norm(dz))
                if (it == 0 and norm > 0.5 * h + 10 * ztol) or norm > 0.5 * prev_norm + ztol:
                    ok = False
                    break
                w = w + dz
                prev_norm = norm
                if norm <= ztol:
                    break
            else:
                ok = False
            if ok:
                Hw, pw, vw = hom.residual(w)
                # lambda < 0 means the corrector jumped: the branch never returns to 0
                ok = bool(np.max(np.abs(Hw)) <= 100 * ztol) and w[-1] > 0
            if ok:
                Jw = hom.jacobian(w, pw, vw)
                t_new = _tangent(Jw, t)
                ok = float(np.dot(t_new, t)) >= 0.95
            if not ok:
                h *= 0.5
                continue
            accepted = True
            if target is not None and (z[-1] - target) * (w[-1] - target) <= 0 and w[-1] != z[-1]:
                # the branch crosses lambda = target between z and w
                return w, pw, vw, z
            arc += float(np.linalg.norm(w - z))
            z, probs, vals, t = w, pw, vw, t_new
            h = min(h * (max_accel if it <= 3 else 1.0), 1e6)
            if record is not None:
                record.lam.append(float(z[-1]) / unit)
                record.probs.append(probs)
                record.arclength.append(arc)
                record.regret.append(_regret(probs, vals))
        if z[-1] >= max_lambda:
            return z, probs, vals, None
    raise VerificationError(
        f"logit: no convergence after {max_steps} steps (lambda={z[-1] / unit:.6g})"
    )


def _fixed_lambda(hom: _Homotopy, y: np.ndarray, lam: float, tol: float) -> np.ndarray:
    """Newton's method for H(y, lam) = 0 at fixed lam, from a nearby branch point."""
    z = np.r_[y, lam]

    def tolerances(z: np.ndarray) -> np.ndarray:
        # the residuals y_j - y_0 - lam (v_j - v_0) are only as accurate as the size of
        # their terms allows: relative to max(1, lam, |y|) (lam in units of the spread);
        # the rows sum(p) - 1 keep the absolute tolerance
        out = np.full(hom.n, tol * max(1.0, float(np.max(np.abs(z)))))
        out[hom.offsets] = tol
        return out

    for _ in range(50):
        H, probs, vals = hom.residual(z)
        J = hom.jacobian(z, probs, vals)[:, :-1]
        dy = np.linalg.solve(J, -H)
        z[:-1] += dy
        bounds = tolerances(z)
        if np.max(np.abs(dy)) <= 1e-2 * float(np.max(bounds)) and np.all(np.abs(H) <= bounds):
            break
    H, _, _ = hom.residual(z)
    if not np.all(np.abs(H) <= tolerances(z)):
        raise VerificationError(f"logit: Newton's method failed at lambda={lam} (|H|={H})")
    return z


def _point(model: Any, lam: float, probs: Sequence[np.ndarray]) -> QREPoint:
    probs = [p / p.sum() for p in probs]
    if hasattr(model, "payoffs"):
        payoffs = model.payoffs(probs)
    else:
        vals = model.values(probs)
        payoffs = {pl: float(np.dot(probs[i], vals[i])) for i, pl in enumerate(model.players)}
    return QREPoint(
        lam=float(lam),
        vectors=tuple(np.array(p) for p in probs),
        profile={
            pl: dict(zip(model.strategies[i], map(float, probs[i]), strict=True))
            for i, pl in enumerate(model.players)
        },
        payoffs=payoffs,
        behavior=model.behavior(probs) if hasattr(model, "behavior") else None,
    )


# ---------------------------------------------------------------------- public functions
def logit_qre(
    game: Any,
    lam: float,
    *,
    tol: float = 1e-10,
    first_step: float = 0.03,
    max_accel: float = 1.1,
) -> QREPoint:
    """The logit QRE at precision ``lam`` on the principal branch.

    The branch is traced from :math:`\\lambda = 0` (uniform play) to the
    first point where it reaches ``lam``; that point is then refined by
    Newton's method at fixed :math:`\\lambda`. (A fixed-point iteration at
    ``lam`` alone could land on another branch.)

    Parameters
    ----------
    game : NormalFormGame or ExtensiveFormGame
        Numeric payoffs, any number of players; a tree (perfect recall) gives
        its agent QRE, labelled by agent (or an object with ``qre_model()``,
        see the module docstring).
    lam : float
        Precision :math:`\\lambda \\ge 0`, in inverse payoff units.
    tol : float, default 1e-10
        Bound on every residual of the log-probability equations at the
        returned point, relative to ``max(1, lam * spread, max |log p|)``
        (the size of their terms; ``spread`` is the largest payoff range of a
        player).
    first_step, max_accel : float
        Initial arclength step and largest step growth factor of the tracer.

    Returns
    -------
    QREPoint

    Raises
    ------
    InvalidProfileError
        ``lam`` negative, NaN, infinite or not a number; ``tol`` not
        positive. (:class:`~gametheory.errors.InvalidProfileError` is the
        library's error for bad numeric inputs that define a profile, as for
        ``verify(tol=...)``; it subclasses :class:`ValueError`.)
    SymbolicGameError
        The game has free parameters.
    InvalidGameError, MethodNotApplicableError
        A tree that is not finished, has no information sets, or lacks
        perfect recall.

    References
    ----------
    .. [1] R. D. McKelvey and T. R. Palfrey, "Quantal response equilibria
       for normal form games", Games and Economic Behavior 10 (1995) 6-38.
    .. [2] T. L. Turocy, "A dynamic homotopy interpretation of the logistic
       quantal response equilibrium correspondence", Games and Economic
       Behavior 51 (2005) 243-263.
    .. [3] R. D. McKelvey and T. R. Palfrey, "Quantal response equilibria for
       extensive form games", Experimental Economics 1 (1998) 9-41.

    Examples
    --------
    The symmetric stag hunt of model M7 (first-strike edge 3/5, war cost 1/4,
    status quo 1/2); probability of Strike at lambda = 5:

    >>> from fractions import Fraction as F
    >>> from gametheory import NormalFormGame
    >>> u = [[F(1, 2), F(3, 20)], [F(7, 20), F(1, 4)]]
    >>> g = NormalFormGame.from_arrays(u, [list(r) for r in zip(*u)],
    ...     strategies=[["Wait", "Strike"]] * 2)
    >>> round(logit_qre(g, 5).profile["1"]["Strike"], 9)
    0.454726317
    >>> logit_qre(g, 0).profile["2"]
    {'Wait': 0.5, 'Strike': 0.5}
    """
    lam = _check_real("lam", lam, low=0.0)
    tol = _check_real("tol", tol, low=0.0, strict=True)
    first_step = _check_real("first_step", first_step, low=0.0, strict=True)
    max_accel = _check_real("max_accel", max_accel, low=1.0)
    model = _model(game)
    hom = _Homotopy(model)
    if lam == 0:
        return _point(model, 0.0, [np.full(k, 1.0 / k) for k in hom.sizes])

    def stop(z: np.ndarray, probs: Any, vals: Any, t: np.ndarray) -> bool:
        return False

    target = lam * hom.unit
    w, _, _, before = _trace(
        hom, stop=stop, max_lambda=math.inf, tol=min(tol, 1e-8), first_step=first_step,
        max_accel=max_accel, max_steps=100000, record=None, target=target,
    )
    assert before is not None
    # linear interpolation between the two branch points, then Newton at fixed lambda
    s = (target - before[-1]) / (w[-1] - before[-1])
    guess = before[:-1] + s * (w[:-1] - before[:-1])
    z = _fixed_lambda(hom, guess, target, tol)
    return _point(model, lam, [np.exp(b) for b in hom.split(z[:-1])])


def logit_branch(
    game: Any,
    *,
    max_lambda: float = math.inf,
    max_regret: float = 1e-8,
    tol: float = 1e-10,
    first_step: float = 0.03,
    max_accel: float = 1.1,
    max_steps: int = 10000,
) -> QREBranch:
    """Trace the principal branch of the logit QRE correspondence from lambda = 0.

    Tracing stops when the largest regret, relative to the payoff spread
    (largest minus smallest payoff of any player), is at most
    ``max_regret``, or when lambda reaches ``max_lambda``.

    Parameters
    ----------
    game : NormalFormGame or ExtensiveFormGame
        Numeric payoffs, any number of players; for a tree, the branch of its
        agent QRE (see the module docstring).
    max_lambda : float, default inf
        Largest lambda traced (the number of steps is bounded by ``max_steps``).
    max_regret : float, default 1e-8
        Relative regret at which the branch is deemed to have reached a Nash
        equilibrium (as ``maxregret`` in Gambit's ``logit_solve``; for a tree,
        the largest regret of an agent conditional on reaching its
        information set).
    tol : float, default 1e-10
        Newton tolerance of the corrector.
    first_step, max_accel : float
        Initial arclength step and largest step growth factor.
    max_steps : int, default 10000
        Largest number of accepted steps.

    Returns
    -------
    QREBranch
        The points computed, in order along the branch.

    Raises
    ------
    InvalidProfileError
        A bad option value (negative, NaN, ...).
    VerificationError
        The tracer failed (step size underflow or too many steps).

    References
    ----------
    .. [1] R. D. McKelvey and T. R. Palfrey, Games and Economic Behavior 10 (1995) 6-38.
    .. [2] T. L. Turocy, Games and Economic Behavior 51 (2005) 243-263.
    .. [3] E. L. Allgower and K. Georg, Numerical Continuation Methods
       (Springer, 1990), ch. 6.

    Examples
    --------
    >>> from gametheory import NormalFormGame
    >>> g = NormalFormGame.from_arrays([[3, 0], [2, 2]], [[3, 2], [0, 2]])
    >>> br = logit_branch(g)
    >>> float(br.lam[0]), bool(br.max_regret[-1] <= 1e-8)
    (0.0, True)
    >>> round(float(br.probability("1", "2")[-1]), 6)
    1.0
    """
    max_lambda = _check_real("max_lambda", max_lambda, low=0.0, strict=True, allow_inf=True)
    max_regret = _check_real("max_regret", max_regret, low=0.0, strict=True)
    tol = _check_real("tol", tol, low=0.0, strict=True)
    first_step = _check_real("first_step", first_step, low=0.0, strict=True)
    max_accel = _check_real("max_accel", max_accel, low=1.0)
    model = _model(game)
    hom = _Homotopy(model)
    record = _Trace()

    def stop(z: np.ndarray, probs: Any, vals: Any, t: np.ndarray) -> bool:
        return _regret(probs, vals) <= max_regret  # values are in units of the spread

    _trace(hom, stop=stop, max_lambda=max_lambda * hom.unit, tol=tol, first_step=first_step,
           max_accel=max_accel, max_steps=max_steps, record=record)
    return QREBranch(
        players=tuple(model.players),
        strategies=tuple(model.strategies),
        lam=np.array(record.lam),
        probabilities=tuple(
            np.array([p[i] for p in record.probs]) for i in range(len(hom.sizes))
        ),
        arclength=np.array(record.arclength),
        max_regret=np.array(record.regret),
        owners=getattr(model, "owners", None),
    )


def _snap(probs: Sequence[np.ndarray], den: int) -> list[list[Fraction]]:
    """Probability vectors rounded to denominators at most ``den``, each summing to 1.

    The largest entry absorbs the rounding error (so the vectors stay
    normalised); callers check the result (signs, regret) exactly.
    """
    out = []
    for p in probs:
        fr = [Fraction(float(x)).limit_denominator(den) for x in p]
        top = int(np.argmax(p))
        fr[top] = 1 - (sum(fr) - fr[top])
        out.append(fr)
    return out


def _support_guesses(probs: Sequence[np.ndarray]) -> list[tuple[tuple[int, ...], ...]]:
    out = []
    for cut in (1e-2, 1e-4, 1e-6):
        sup = tuple(tuple(int(j) for j in np.flatnonzero(p >= cut * p.max())) for p in probs)
        if sup not in out:
            out.append(sup)
    return out


def solve_logit(
    game: Any,
    *,
    max_lambda: float = math.inf,
    max_regret: float = 1e-8,
    tol: float = 1e-10,
    first_step: float = 0.03,
    max_accel: float = 1.1,
    max_steps: int = 20000,
) -> Solution:
    """The Nash equilibrium at the end of the principal logit QRE branch.

    The branch is traced from lambda = 0. Once the QRE is an approximate
    equilibrium (regret at most ``1e-4`` of the payoff spread), the limit is
    "purified": the support is read off (strategies with probability above
    ``1e-2``, ``1e-4`` or ``1e-6`` of the player's largest) and the
    equilibria with exactly that support are solved in exact arithmetic
    (the ``enumpoly`` support system, any number of players); an isolated
    one within ``1e-3`` of the QRE is certified and returned (for exact
    games, exactly, with :class:`~fractions.Fraction` probabilities). In
    degenerate games the branch may end inside a continuum of equilibria;
    then points of the continuum (exact vertices of the support's polytope,
    or the QRE rounded to small denominators and verified exactly) are
    accepted only when the same point is nearest at two successive attempts.
    Attempts are repeated each time the regret falls tenfold; if none
    succeeds before the regret reaches ``max_regret``, the float QRE itself
    is returned, certified with tolerance ``max_regret`` times the payoff
    spread. The notes say which case occurred.

    Parameters
    ----------
    game : NormalFormGame
        Numeric payoffs, any number of players. A tree is passed on to
        :func:`~gametheory.solvers.agent_logit.solve_logit_tree` (the limit
        of its agent QRE, a :class:`~gametheory.solvers.trees.TreeSolution`).
    max_lambda : float, default inf
        Largest lambda traced (the number of steps is bounded by ``max_steps``).
    max_regret : float, default 1e-8
        Relative regret accepted for the float fallback.
    tol, first_step, max_accel, max_steps
        Tracer options, as for :func:`logit_branch`.

    Returns
    -------
    Solution
        ``complete == "one"``: one equilibrium, the limit of the branch.

    Raises
    ------
    InvalidProfileError
        A bad option value.
    VerificationError
        The branch did not reach an approximate equilibrium by
        ``max_lambda`` (or the tracer failed).

    References
    ----------
    .. [1] R. D. McKelvey and T. R. Palfrey, Games and Economic Behavior 10 (1995) 6-38.
    .. [2] T. L. Turocy, Games and Economic Behavior 51 (2005) 243-263.

    Examples
    --------
    In the M7 stag hunt the branch selects the risk-dominant equilibrium
    (Wait, Wait):

    >>> from fractions import Fraction as F
    >>> from gametheory import NormalFormGame
    >>> u = [[F(1, 2), F(3, 20)], [F(7, 20), F(1, 4)]]
    >>> g = NormalFormGame.from_arrays(u, [list(r) for r in zip(*u)],
    ...     strategies=[["Wait", "Strike"]] * 2)
    >>> print(solve_logit(g)[0])
    1: Wait; 2: Wait -> payoffs (1/2, 1/2)
    """
    max_lambda = _check_real("max_lambda", max_lambda, low=0.0, strict=True, allow_inf=True)
    max_regret = _check_real("max_regret", max_regret, low=0.0, strict=True)
    tol = _check_real("tol", tol, low=0.0, strict=True)
    first_step = _check_real("first_step", first_step, low=0.0, strict=True)
    max_accel = _check_real("max_accel", max_accel, low=1.0)
    from ..games.extensive import ExtensiveFormGame

    if isinstance(game, ExtensiveFormGame):
        from .agent_logit import solve_logit_tree

        return solve_logit_tree(game, max_lambda=max_lambda, max_regret=max_regret, tol=tol,
                                first_step=first_step, max_accel=max_accel, max_steps=max_steps)
    model = _model(game)
    hom = _Homotopy(model)
    spread = model.spread
    state: dict[str, Any] = {"next": 1e-4, "found": None, "snap": None}
    method = "logit"

    def distance(vectors: Sequence[Sequence[Any]], probs: list[np.ndarray]) -> float:
        return max(
            float(np.max(np.abs(np.array([float(x) for x in v]) - p)))
            for v, p in zip(vectors, probs, strict=True)
        )

    def purify(probs: list[np.ndarray], final: bool) -> Any:
        """An exact equilibrium near the QRE ``probs``, or None (see the docstring).

        ``final``: the QRE has converged (regret <= max_regret); a point of a
        continuum is then accepted at once if it is within 1e-7 of the QRE.
        """
        from .polynomial import _support_equilibria

        isolated: list[Any] = []
        drifting: list[Any] = []  # points of continua: the QRE may still move along them
        for support in _support_guesses(probs):
            points, continuum = _support_equilibria(game, support)
            isolated += points
            drifting += continuum
        for den in (10, 100, 1000, 10**4, 10**5, 10**6):
            snapped = _snap(probs, den)
            if (all(x >= 0 for v in snapped for x in v) and distance(snapped, probs) <= 1e-3
                    and verify(game, snapped).ok):
                drifting.append(snapped)
                break
        near = [(distance(v, probs), v) for v in isolated]
        near = [(d, v) for d, v in near if d <= 1e-3]
        if near:
            dist, best = min(near, key=lambda dv: dv[0])
            return best, dist, False
        near = [(distance(v, probs), v) for v in drifting]
        near = [(d, v) for d, v in near if d <= 1e-3]
        if not near:
            state["snap"] = None
            return None
        dist, best = min(near, key=lambda dv: dv[0])
        # accept a point of a continuum only when seen at two successive attempts (regret
        # 10x smaller): along a continuum the QRE keeps drifting until close to its limit
        key = tuple(tuple(v) for v in best)
        if state.get("snap") == key or (final and dist <= 1e-7):
            return best, dist, True
        state["snap"] = key
        return None

    def stop(z: np.ndarray, probs: list[np.ndarray], vals: Any, t: np.ndarray) -> bool:
        r = _regret(probs, vals)  # values are in units of the spread
        if r <= state["next"] or r <= max_regret:
            state["next"] = r / 10
            hit = purify(probs, final=r <= max_regret)
            if hit is not None:
                state["found"] = (hit, float(z[-1]) / hom.unit, r)
                return True
        if r <= max_regret:
            state["found"] = (None, float(z[-1]) / hom.unit, r)
            return True
        return False

    z, probs, _, _ = _trace(
        hom, stop=stop, max_lambda=max_lambda * hom.unit, tol=tol, first_step=first_step,
        max_accel=max_accel, max_steps=max_steps, record=None,
    )
    if state["found"] is None:
        raise VerificationError(
            f"logit: the branch did not reach an approximate equilibrium by lambda="
            f"{z[-1] / hom.unit:.6g} "
            f"(relative regret still above {max_regret})"
        )
    hit, lam, r = state["found"]
    if hit is not None:
        vectors, dist, on_continuum = hit
        support = tuple(tuple(j for j, x in enumerate(v) if x != 0) for v in vectors)
        rational = all(isinstance(x, Fraction) for v in vectors for x in v)
        eq = certify(game, [list(v) for v in vectors], method)
        labels = {
            model.players[i]: [model.strategies[i][j] for j in s] for i, s in enumerate(support)
        }
        notes = (
            f"principal branch traced to lambda={lam:.6g} (relative regret {r:.1e}); the "
            f"equilibrium with support {labels} within {dist:.1e} of it was solved "
            + ("exactly" if eq.exact else
               "in exact arithmetic and certified in floats" if rational else
               "in exact arithmetic (irrational: algebraic numbers, proved an equilibrium "
               "exactly by enumpoly) and certified in floats rounded from the exact value")
            + (
                "; it lies on a continuum of equilibria (degenerate game) and was accepted "
                "because the QRE stayed that close to it while the regret fell tenfold (or "
                "converged onto it); it may differ from the exact limit by about that distance"
                if on_continuum else ""
            ),
        )
    else:
        probs = [p / p.sum() for p in probs]
        abs_tol = max_regret * spread
        eq = certify(game, [list(map(float, p)) for p in probs], method, tol=abs_tol)
        notes = (
            f"principal branch traced to lambda={lam:.6g}; no exact equilibrium found near it, "
            f"so the float QRE is returned, certified with regret <= {abs_tol:.3g} "
            f"(max_regret={max_regret:g} times the payoff spread {spread:g})",
        )
    return Solution(
        game=game,
        method=method,
        equilibria=(eq,),
        exact=eq.exact,
        complete="one",
        notes=notes,
    )
