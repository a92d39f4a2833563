"""Learning and evolutionary dynamics: a second view of equilibria.

Equilibria are rest points of natural adjustment processes. This module
integrates or iterates three of them on a numeric
:class:`~gametheory.NormalFormGame` (any number of players unless stated):

Replicator dynamics (:func:`replicator`)
    One population per player (the *multi-population* or *asymmetric*
    replicator dynamics; Taylor and Jonker 1978; Hofbauer and Sigmund
    1998). With :math:`x_i` player :math:`i`'s mixed strategy and
    :math:`v_{ij}(x)` the expected payoff of pure strategy :math:`j` against
    :math:`x_{-i}`,

    .. math:: \\dot x_{ij} = x_{ij}\\,\\bigl(v_{ij}(x) - x_i \\cdot v_i(x)\\bigr).

    For a symmetric two-player game with row payoff matrix :math:`A`
    (:math:`B = A^T`) the single-population version (``symmetric=True``) is
    :math:`\\dot x_j = x_j\\,((Ax)_j - x \\cdot Ax)`. Every Nash equilibrium is
    a rest point; the converse fails (every pure profile is a rest point), so
    the result reports the regret of the end point separately.

Logit dynamics (:func:`logit_dynamics`)
    :math:`\\dot x_i = \\mathrm{softmax}(\\lambda\\, v_i(x)) - x_i`
    (Fudenberg and Levine 1998, ch. 4; Hofbauer and Sandholm 2002); its rest
    points are exactly the logit quantal response equilibria at precision
    :math:`\\lambda` (McKelvey and Palfrey 1995), which
    :func:`gametheory.solvers.logit.logit_qre` computes directly.

Fictitious play (:func:`fictitious_play`, :func:`stochastic_fictitious_play`)
    Discrete time (Brown 1951; Robinson 1951; Fudenberg and Levine 1998,
    ch. 2). Each round every player simultaneously plays a best response to
    her *belief*: the empirical frequency of the opponents' past play,
    optionally seeded with one prior observation ``x0``. Beliefs converge to
    Nash equilibria in zero-sum games (Robinson 1951) and in
    non-degenerate 2x2 games (Miyasawa 1961), but cycle in Shapley's 3x3 game (Shapley 1964). In the
    stochastic version each player samples from the logit choice
    probabilities instead of best responding.

Conventions
-----------
Profiles (``x0``) are accepted in every form
:func:`gametheory.equilibrium.profile_vectors` accepts: one probability
vector per player, a mapping ``player -> {strategy: probability}``, or
``player -> "strategy"`` for pure strategies. ODEs are integrated with
:func:`scipy.integrate.solve_ivp` in floating point; fictitious play on
integer or rational games is exact (integer play counts, Fraction beliefs).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from ._numbers import integer_scaled
from .equilibrium import Verification, profile_vectors, verify
from .errors import InvalidProfileError, MethodNotApplicableError, UnknownLabelError
from .games.normal import NormalFormGame

__all__ = [
    "DEFAULT_ATOL",
    "DEFAULT_RTOL",
    "DEFAULT_TOL",
    "DynamicsResult",
    "FictitiousPlayResult",
    "fictitious_play",
    "logit_dynamics",
    "replicator",
    "stochastic_fictitious_play",
]

#: Relative tolerance passed to :func:`scipy.integrate.solve_ivp` by default.
DEFAULT_RTOL = 1e-8
#: Absolute tolerance passed to :func:`scipy.integrate.solve_ivp` by default.
DEFAULT_ATOL = 1e-10
#: Default tolerance of the rest-point and Nash checks of an ODE end point,
#: relative to ``max(1, max |payoff|)`` (see :class:`DynamicsResult`).
DEFAULT_TOL = 1e-6

_METHODS = ("LSODA", "Radau", "BDF", "RK45", "RK23", "DOP853")
_INT64_SAFE = 2**62


# ---------------------------------------------------------------------- results
@dataclass(frozen=True, eq=False)
class DynamicsResult:
    """A trajectory of a continuous-time dynamic and a check of its end point.

    Attributes
    ----------
    dynamics : str
        ``"replicator"``, ``"symmetric replicator"`` or ``"logit"``.
    players : tuple of str
        One entry per population: the game's players, or ``("population",)``
        for the single-population (symmetric) replicator dynamics.
    strategies : tuple of tuple of str
        Strategy labels of each population.
    times : numpy.ndarray
        Times at which the state is reported, shape ``(n,)``.
    trajectories : tuple of numpy.ndarray
        One array per population, shape ``(n, k_i)``: row ``t`` is the mixed
        strategy at ``times[t]``, as returned by the integrator (not projected).
    final : tuple of numpy.ndarray
        The end point, projected onto the simplex (negative entries clipped to
        0, then renormalised), so that it is a valid profile; the projection
        moves it by about ``simplex_error`` at most.
    profile : dict
        ``profile[player][strategy]`` of ``final`` (keys of the game's players;
        for the symmetric dynamics both players get the population's mix).
    rest_residual : float
        :math:`\\max |\\dot x|` at ``final``.
    is_rest_point : bool
        ``rest_residual <= tol`` (the scaled tolerance below).
    verification : Verification
        :func:`gametheory.verify` of the end point (as a profile of the game)
        with tolerance ``tol``: the players' regrets.
    is_nash : bool
        ``verification.ok``: the end point is an approximate Nash equilibrium
        (regret at most ``tol``). Nothing is claimed when this is False.
    tol : float
        The absolute tolerance used for both checks:
        ``DEFAULT_TOL * max(1, max |payoff|)`` unless given.
    simplex_error : float
        Largest violation of the simplex constraints along the trajectory
        (``|sum - 1|`` or a negative entry), a measure of integration error.
    lam : float or None
        The precision of the logit dynamics.
    method, rtol, atol : str, float, float
        The :func:`~scipy.integrate.solve_ivp` method and tolerances.
    nfev : int
        Number of right-hand-side evaluations.

    Examples
    --------
    Player 1 starts on the face "H only", which the replicator dynamics
    never leaves; player 2 learns to play T. The end point is a rest point
    but not a Nash equilibrium: player 1 would gain 2 by switching to T.

    >>> from gametheory import NormalFormGame
    >>> mp = NormalFormGame.zero_sum([[1, -1], [-1, 1]], strategies=[["H", "T"]] * 2)
    >>> r = replicator(mp, {"1": "H", "2": {"H": 0.5, "T": 0.5}}, t=20, n_points=11)
    >>> r.times.shape, r.trajectories[1].shape
    ((11,), (11, 2))
    >>> float(r.trajectory("1", "H")[-1]), r.is_rest_point, r.is_nash
    (1.0, True, False)
    >>> round(r.verification.regrets["1"], 6), round(r.verification.regrets["2"], 6)
    (2.0, 0.0)
    """

    dynamics: str
    players: tuple[str, ...]
    strategies: tuple[tuple[str, ...], ...]
    times: np.ndarray = field(repr=False)
    trajectories: tuple[np.ndarray, ...] = field(repr=False)
    final: tuple[np.ndarray, ...] = field(repr=False)
    profile: dict[str, dict[str, float]]
    rest_residual: float
    is_rest_point: bool
    verification: Verification = field(repr=False)
    is_nash: bool
    tol: float
    simplex_error: float
    lam: float | None
    method: str
    rtol: float
    atol: float
    nfev: int

    def trajectory(self, player: str, strategy: str) -> np.ndarray:
        """Probability of ``strategy`` of population ``player`` at each of :attr:`times`."""
        if player not in self.players:
            raise UnknownLabelError(f"unknown population {player!r}; have {list(self.players)}")
        i = self.players.index(player)
        if strategy not in self.strategies[i]:
            raise UnknownLabelError(
                f"unknown strategy {strategy!r} of {player!r}; have {list(self.strategies[i])}"
            )
        return self.trajectories[i][:, self.strategies[i].index(strategy)]


@dataclass(frozen=True, eq=False)
class FictitiousPlayResult:
    """The path of (stochastic) fictitious play.

    Attributes
    ----------
    method : str
        ``"fictitious play"`` or ``"stochastic fictitious play"``.
    players, strategies : tuple
        As in the game.
    iterations : int
        Number of rounds played, :math:`T`.
    plays : numpy.ndarray
        Shape ``(T, N)``: the pure strategy (index) each player chose in each round.
    initial : tuple of numpy.ndarray or None
        The prior observation ``x0`` (counted once), or None.
    counts : tuple of numpy.ndarray
        Number of times each player chose each strategy in the ``T`` rounds
        (integers; the prior is not included).
    beliefs : tuple of numpy.ndarray
        Shape ``(T, k_i)`` per player, float: row ``t - 1`` is the empirical
        distribution of the player's play after round ``t`` (prior included),
        i.e. the belief the others hold about her in round ``t + 1``.
    final : tuple of numpy.ndarray
        The empirical distribution after round ``T``; Fractions when ``exact``.
    profile : dict
        ``profile[player][strategy]`` of ``final``.
    verification : Verification
        :func:`gametheory.verify` of ``final`` (exact when ``exact``).
    regret : Fraction or float
        ``verification.max_regret``: how far the final beliefs are from a Nash
        equilibrium (0 exactly at one).
    exact : bool
        True when counts and beliefs are exact (integer or rational game).
    tie_break : str
        ``"lowest"`` or ``"random"`` (``"logit"`` for stochastic play).
    lam : float or None
        Precision of the logit choice (stochastic fictitious play).

    Examples
    --------
    >>> from gametheory import NormalFormGame
    >>> rps = NormalFormGame.zero_sum([[0, -1, 1], [1, 0, -1], [-1, 1, 0]])
    >>> fp = fictitious_play(rps, 6, x0=[[1, 0, 0], [0, 1, 0]])
    >>> fp.plays.tolist()  # round 3: P and S tie for the row player; lowest index wins
    [[2, 1], [2, 0], [1, 0], [1, 0], [1, 2], [1, 2]]
    >>> fp.belief(2)[0].tolist()
    [Fraction(1, 3), Fraction(0, 1), Fraction(2, 3)]
    >>> fp.beliefs[0][1]
    array([0.33333333, 0.        , 0.66666667])
    """

    method: str
    players: tuple[str, ...]
    strategies: tuple[tuple[str, ...], ...]
    iterations: int
    plays: np.ndarray = field(repr=False)
    initial: tuple[np.ndarray, ...] | None = field(repr=False)
    counts: tuple[np.ndarray, ...] = field(repr=False)
    beliefs: tuple[np.ndarray, ...] = field(repr=False)
    final: tuple[np.ndarray, ...] = field(repr=False)
    profile: dict[str, dict[str, Any]]
    verification: Verification = field(repr=False)
    regret: Any
    exact: bool
    tie_break: str
    lam: float | None = None

    @property
    def rounds(self) -> np.ndarray:
        """Round numbers ``1..T`` of the rows of :attr:`beliefs`."""
        return np.arange(1, self.iterations + 1)

    def belief(self, t: int) -> tuple[np.ndarray, ...]:
        """The empirical distributions after round ``t`` (exact Fractions when :attr:`exact`).

        ``t = 0`` gives the prior (an error when there is none).
        """
        if isinstance(t, bool) or not isinstance(t, numbers.Integral) or not 0 <= t <= self.iterations:
            raise InvalidProfileError(f"t must be an integer in [0, {self.iterations}], got {t!r}")
        t = int(t)
        if t == 0 and self.initial is None:
            raise InvalidProfileError("there is no belief before round 1 without a prior x0")
        out = []
        for i, k in enumerate(len(s) for s in self.strategies):
            counts = np.bincount(self.plays[:t, i], minlength=k)
            if self.exact:
                c = np.empty(k, dtype=object)
                c[:] = [Fraction(int(n)) for n in counts]
                total = Fraction(t)
            else:
                c = counts.astype(float)
                total = float(t)
            if self.initial is not None:
                c = c + self.initial[i]
                total += 1
            out.append(c / total)
        return tuple(out)


# ---------------------------------------------------------------------- validation
def _check_real(name: str, value: Any, *, low: float, strict: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidProfileError(f"{name} must be a real number, got {value!r}")
    v = float(value)
    if not math.isfinite(v):
        raise InvalidProfileError(f"{name} must be finite, got {value!r}")
    if v < low or (strict and v == low):
        raise InvalidProfileError(f"{name} must be {'>' if strict else '>='} {low:g}, got {value!r}")
    return v


def _check_int(name: str, value: Any, *, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InvalidProfileError(f"{name} must be an integer, got {value!r}")
    if value < low:
        raise InvalidProfileError(f"{name} must be >= {low}, got {value!r}")
    return int(value)


def _check_game(game: Any, what: str) -> None:
    if not isinstance(game, NormalFormGame):
        raise MethodNotApplicableError(
            f"{what} needs a NormalFormGame, got {type(game).__name__}"
        )
    game.numeric_check(what)


def _times(t: Any, n_points: int) -> np.ndarray:
    n_points = _check_int("n_points", n_points, low=2)
    if isinstance(t, numbers.Real) and not isinstance(t, bool):
        end = _check_real("t", t, low=0.0, strict=True)
        return np.linspace(0.0, end, n_points)
    try:
        times = np.asarray(t, dtype=float)
    except (TypeError, ValueError):
        raise InvalidProfileError(f"t must be an end time or an array of times, got {t!r}") from None
    if times.ndim != 1 or times.size < 2:
        raise InvalidProfileError(f"t must be a number or a 1-d array of >= 2 times, got shape {times.shape}")
    if not np.all(np.isfinite(times)):
        raise InvalidProfileError("t must contain finite times only")
    if not np.all(np.diff(times) > 0):
        raise InvalidProfileError("times in t must be strictly increasing")
    return times


def _scale(arrays: Sequence[np.ndarray]) -> float:
    return max(1.0, max(float(np.max(np.abs(a))) for a in arrays))


def _uniform(shape: Sequence[int]) -> tuple[np.ndarray, ...]:
    return tuple(np.full(k, 1.0 / k) for k in shape)


def _start(game: NormalFormGame, x0: Any) -> tuple[np.ndarray, ...]:
    if x0 is None:
        return _uniform(game.shape)
    vectors, _ = profile_vectors(game, x0)
    return tuple(np.asarray(v, dtype=float) for v in vectors)


def _symmetric_start(game: NormalFormGame, x0: Any) -> np.ndarray:
    k = game.shape[0]
    if x0 is None:
        return np.full(k, 1.0 / k)
    # reuse the profile checks: the population's mix as both players' strategy
    entry: Any
    if isinstance(x0, str | Mapping):
        entry = x0
    else:
        entry = list(np.asarray(x0, dtype=object).ravel()) if np.ndim(x0) <= 1 else None
        if entry is None:
            raise InvalidProfileError(
                f"x0 of the symmetric dynamics is one probability vector of length {k}, "
                f"got an array of shape {np.shape(x0)}"
            )
    vectors, _ = profile_vectors(game, [entry, entry])
    return np.asarray(vectors[0], dtype=float)


def _project(x: np.ndarray) -> np.ndarray:
    y = np.clip(x, 0.0, None)
    s = y.sum()
    return y / s if s > 0 else np.full(x.size, 1.0 / x.size)


# ---------------------------------------------------------------------- payoffs
def _payoff_vectors(arrays: Sequence[np.ndarray], xs: Sequence[np.ndarray]) -> list[np.ndarray]:
    """v_i = expected payoff of each pure strategy of player i against x_{-i}."""
    n = len(arrays)
    if n == 2:
        return [arrays[0] @ xs[1], xs[0] @ arrays[1]]
    out = []
    for i, U in enumerate(arrays):
        v = U
        for j in reversed(range(n)):
            if j != i:
                v = np.tensordot(v, xs[j], axes=([j], [0]))
        out.append(v)
    return out


def _replicator_rhs(arrays: Sequence[np.ndarray], sizes: Sequence[int]) -> Any:
    """Flat right-hand side z -> dz/dt of the replicator dynamics.

    Computes :math:`x_{ij}(v_{ij} - x_i \\cdot v_i / |x_i|)`. On the simplex
    this is the replicator field; off it, each sum :math:`|x_i|` is a linear
    invariant (its derivative is exactly 0), which Runge-Kutta and linear
    multistep integrators preserve, so trajectories do not drift off the
    simplex. (With the textbook form, :math:`d|x_i|/dt = (x_i \\cdot
    v_i)(1 - |x_i|)`, which repels :math:`|x_i| = 1` whenever the mean payoff
    is negative.)
    """
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    owner = np.repeat(np.arange(len(sizes)), sizes)
    if len(arrays) == 2:
        A, B = arrays
        k0, k1 = sizes
        M = np.zeros((k0 + k1, k0 + k1))
        M[:k0, k0:] = A
        M[k0:, :k0] = B.T

        def rhs2(_t: float, z: np.ndarray) -> np.ndarray:
            v = M @ z  # both players' payoff vectors in one product
            mean = np.add.reduceat(z * v, starts) / np.add.reduceat(z, starts)
            return z * (v - mean[owner])

        return rhs2
    cuts = starts[1:]

    def rhs(_t: float, z: np.ndarray) -> np.ndarray:
        xs = np.split(z, cuts)
        vs = _payoff_vectors(arrays, xs)
        return np.concatenate(
            [x * (v - x @ v / x.sum()) for x, v in zip(xs, vs, strict=True)]
        )

    return rhs


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max())
    return e / e.sum()


# ---------------------------------------------------------------------- ODE driver
def _integrate(
    game: NormalFormGame,
    rhs: Any,
    starts: tuple[np.ndarray, ...],
    times: np.ndarray,
    *,
    dynamics: str,
    populations: tuple[str, ...],
    strategies: tuple[tuple[str, ...], ...],
    profile_of: Any,
    residual_scale: float,
    tol: float | None,
    method: str,
    rtol: float,
    atol: float,
    lam: float | None,
) -> DynamicsResult:
    from scipy.integrate import solve_ivp

    if method not in _METHODS:
        raise InvalidProfileError(f"method must be one of {list(_METHODS)}, got {method!r}")
    rtol = _check_real("rtol", rtol, low=0.0, strict=True)
    atol = _check_real("atol", atol, low=0.0, strict=True)
    scale = _scale(game.as_float_arrays())
    tol = DEFAULT_TOL * scale if tol is None else _check_real("tol", tol, low=0.0)
    sizes = [x.size for x in starts]
    cuts = np.cumsum(sizes)[:-1]

    if method == "LSODA":
        # the same LSODA integrator through odeint, whose step loop runs in Fortran
        from scipy.integrate import odeint

        y, info = odeint(rhs, np.concatenate(starts), times, rtol=rtol, atol=atol,
                         tfirst=True, full_output=True)
        if info["message"] != "Integration successful.":
            raise ArithmeticError(f"{dynamics} dynamics: LSODA failed: {info['message']}")
        t_out, y_out, nfev = times, y.T, int(info["nfe"][-1])
    else:
        sol = solve_ivp(
            rhs, (float(times[0]), float(times[-1])), np.concatenate(starts), method=method,
            t_eval=times, rtol=rtol, atol=atol,
        )
        if not sol.success:
            raise ArithmeticError(
                f"{dynamics} dynamics: solve_ivp ({method}) failed: {sol.message}")
        t_out, y_out, nfev = sol.t, sol.y, int(sol.nfev)
    trajectories = tuple(np.ascontiguousarray(p.T) for p in np.split(y_out, cuts, axis=0))
    simplex_error = max(
        max(float(np.max(np.abs(X.sum(axis=1) - 1.0))), float(max(0.0, -X.min())))
        for X in trajectories
    )
    final = tuple(_project(X[-1]) for X in trajectories)
    residual = float(np.max(np.abs(rhs(0.0, np.concatenate(final)))))
    game_profile = profile_of(final)
    check = verify(game, game_profile, tol=tol)
    profile = {
        p: dict(zip(game.strategies[i], map(float, game_profile[i]), strict=True))
        for i, p in enumerate(game.players)
    }
    return DynamicsResult(
        dynamics=dynamics,
        players=populations,
        strategies=strategies,
        times=np.asarray(t_out),
        trajectories=trajectories,
        final=final,
        profile=profile,
        rest_residual=residual,
        is_rest_point=residual <= tol * residual_scale / scale,
        verification=check,
        is_nash=check.ok,
        tol=tol,
        simplex_error=simplex_error,
        lam=lam,
        method=method,
        rtol=rtol,
        atol=atol,
        nfev=nfev,
    )


# ---------------------------------------------------------------------- replicator
def replicator(
    game: NormalFormGame,
    x0: Any = None,
    t: Any = 100.0,
    *,
    symmetric: bool = False,
    n_points: int = 1001,
    method: str = "LSODA",
    rtol: float = DEFAULT_RTOL,
    atol: float = DEFAULT_ATOL,
    tol: float | None = None,
) -> DynamicsResult:
    """Integrate the replicator dynamics from ``x0``.

    Parameters
    ----------
    game : NormalFormGame
        Numeric payoffs, any number of players (two, symmetric, for
        ``symmetric=True``).
    x0 : profile, optional
        Initial state: one mixed strategy per player, in any form
        :func:`~gametheory.equilibrium.profile_vectors` accepts (vectors,
        ``{player: {strategy: p}}``, labels of pure strategies). With
        ``symmetric=True``: one probability vector, ``{strategy: p}`` or a
        strategy label. Default: uniform (the centroid of the simplex).
    t : float or array_like, default 100
        End time (the state is reported at ``n_points`` equally spaced times
        from 0), or an increasing array of report times (integration starts
        at ``t[0]``, as in nashpy's ``timepoints``).
    symmetric : bool, default False
        Single-population dynamics :math:`\\dot x_j = x_j((Ax)_j - x\\cdot Ax)`
        of a symmetric two-player game (:math:`B = A^T` exactly).
    n_points : int, default 1001
        Number of report times when ``t`` is a number.
    method : {"LSODA", "Radau", "BDF", "RK45", "RK23", "DOP853"}, default "LSODA"
        :func:`scipy.integrate.solve_ivp` method. LSODA switches automatically
        between non-stiff (Adams) and stiff (BDF) formulas, so it is safe when
        some shares decay fast (stiff); Radau and BDF are implicit.
    rtol, atol : float, default 1e-8, 1e-10
        Integrator tolerances.
    tol : float, optional
        Absolute tolerance of the end-point checks (rest point: :math:`\\max
        |\\dot x| \\le` tol; Nash: every regret :math:`\\le` tol). Default
        ``DEFAULT_TOL * max(1, max |payoff|)`` = ``1e-6 * max(1, max |payoff|)``.

    Returns
    -------
    DynamicsResult

    Raises
    ------
    SymbolicGameError
        The game has free parameters.
    MethodNotApplicableError
        ``symmetric=True`` and the game is not a symmetric two-player game.
    InvalidProfileError
        ``x0`` malformed (wrong number of players or strategies, negative,
        NaN/inf, not summing to 1); bad ``t``, ``n_points``, tolerances or method.
    UnknownLabelError
        ``x0`` names a player or strategy the game does not have.

    Notes
    -----
    Every Nash equilibrium is a rest point, interior rest points are Nash
    equilibria, and a Lyapunov-stable rest point, or the limit of an interior
    trajectory, is a Nash equilibrium; strict Nash equilibria are
    asymptotically stable (the "folk theorem of evolutionary game theory",
    Hofbauer and Sigmund 1998). The faces of the simplex are invariant, so strategies absent
    from ``x0`` never appear: start in the interior to look for equilibria.

    The same equations as ``nashpy.Game.replicator_dynamics`` (symmetric,
    without mutation) and ``asymmetric_replicator_dynamics`` (two players);
    nashpy integrates with ``scipy.integrate.odeint`` (LSODA, default
    tolerances about 1.5e-8) on ``numpy.linspace(0, 10, 1000)``.

    References
    ----------
    .. [1] P. D. Taylor and L. B. Jonker, "Evolutionarily stable strategies and
       game dynamics", Mathematical Biosciences 40 (1978) 145-156.
    .. [2] J. Hofbauer and K. Sigmund, *Evolutionary Games and Population
       Dynamics*, Cambridge University Press, 1998.

    Examples
    --------
    Hawk-Dove with value V = 2 and cost C = 6: the population converges to
    the mixed ESS with Hawk share V/C = 1/3 (Maynard Smith 1982).

    >>> from gametheory import NormalFormGame
    >>> A = [[-2, 2], [0, 1]]
    >>> hd = NormalFormGame.from_arrays(A, [list(r) for r in zip(*A)],
    ...     strategies=[["Hawk", "Dove"]] * 2)
    >>> r = replicator(hd, [0.9, 0.1], t=60, symmetric=True)
    >>> round(float(r.final[0][0]), 6), r.is_rest_point, r.is_nash
    (0.333333, True, True)

    Two populations in a coordination game, started in the basin of (1, 1):

    >>> co = NormalFormGame.from_arrays([[2, 0], [0, 1]], [[2, 0], [0, 1]])
    >>> r = replicator(co, [[0.6, 0.4], [0.5, 0.5]], t=50)
    >>> [round(float(x[0]), 6) for x in r.final], r.is_nash
    ([1.0, 1.0], True)
    """
    what = "the replicator dynamics"
    _check_game(game, what)
    if not isinstance(symmetric, bool):
        raise InvalidProfileError(f"symmetric must be True or False, got {symmetric!r}")
    times = _times(t, n_points)
    if symmetric:
        if game.n_players != 2 or game.shape[0] != game.shape[1]:
            raise MethodNotApplicableError(
                f"symmetric replicator dynamics need a symmetric 2-player game; this game has "
                f"{game.n_players} players and shape {game.shape}"
            )
        P, Q = game.payoffs
        if not np.array_equal(np.asarray(Q).T, np.asarray(P)):
            raise MethodNotApplicableError(
                "symmetric replicator dynamics need a symmetric game (player 2's payoffs equal "
                "player 1's transposed, B = A^T); this game is not symmetric: use "
                "symmetric=False for the two-population dynamics"
            )
        A = game.as_float_arrays()[0]
        start = _symmetric_start(game, x0)

        def rhs_sym(_t: float, x: np.ndarray) -> np.ndarray:
            f = A @ x
            return x * (f - x @ f / x.sum())  # sum(x) is a linear invariant, as above

        return _integrate(
            game, rhs_sym, (start,), times, dynamics="symmetric replicator",
            populations=("population",), strategies=(game.strategies[0],),
            profile_of=lambda fin: [fin[0], fin[0]], residual_scale=_scale([A]),
            tol=tol, method=method, rtol=rtol, atol=atol, lam=None,
        )
    arrays = game.as_float_arrays()
    starts = _start(game, x0)

    rhs = _replicator_rhs(arrays, game.shape)

    return _integrate(
        game, rhs, starts, times, dynamics="replicator", populations=game.players,
        strategies=game.strategies, profile_of=list, residual_scale=_scale(arrays),
        tol=tol, method=method, rtol=rtol, atol=atol, lam=None,
    )


# ---------------------------------------------------------------------- logit dynamics
def logit_dynamics(
    game: NormalFormGame,
    lam: float,
    x0: Any = None,
    t: Any = 100.0,
    *,
    n_points: int = 1001,
    method: str = "LSODA",
    rtol: float = DEFAULT_RTOL,
    atol: float = DEFAULT_ATOL,
    tol: float | None = None,
) -> DynamicsResult:
    """Integrate the logit (smoothed best-response) dynamics from ``x0``.

    .. math:: \\dot x_i = \\mathrm{softmax}\\bigl(\\lambda\\, v_i(x)\\bigr) - x_i,
              \\qquad \\mathrm{softmax}(z)_j = e^{z_j} / \\textstyle\\sum_k e^{z_k}.

    Parameters
    ----------
    game : NormalFormGame
        Numeric payoffs, any number of players.
    lam : float
        Precision :math:`\\lambda \\ge 0` (inverse payoff units); 0 gives
        uniform choice, large values approach best-response dynamics.
    x0, t, n_points, method, rtol, atol
        As in :func:`replicator`.
    tol : float, optional
        Regret tolerance of the Nash check, default ``1e-6 * max(1, max
        |payoff|)``; the rest-point check uses ``tol / max(1, max |payoff|)``
        on :math:`\\max|\\dot x|` (a rate of probability), i.e. 1e-6 by default.

    Returns
    -------
    DynamicsResult
        ``is_rest_point`` means the end point is (within ``tol``) a logit QRE
        at ``lam``; ``is_nash`` is usually False for finite ``lam``.

    Raises
    ------
    InvalidProfileError
        ``lam`` negative, NaN or infinite; bad ``x0`` (see :func:`replicator`).
    SymbolicGameError
        The game has free parameters.

    Notes
    -----
    Rest points are the logit QRE (McKelvey and Palfrey 1995). For small
    ``lam`` the QRE is unique and globally attracting (the right-hand side
    is a contraction), so the end point agrees with
    :func:`gametheory.solvers.logit.logit_qre`; for large ``lam`` the
    dynamics may settle on another QRE than the principal branch's, or cycle.

    References
    ----------
    .. [1] D. Fudenberg and D. K. Levine, *The Theory of Learning in Games*,
       MIT Press, 1998, ch. 4.
    .. [2] J. Hofbauer and W. H. Sandholm, "On the global convergence of
       stochastic fictitious play", Econometrica 70 (2002) 2265-2294.
    .. [3] R. D. McKelvey and T. R. Palfrey, "Quantal response equilibria
       for normal form games", Games and Economic Behavior 10 (1995) 6-38.

    Examples
    --------
    >>> from gametheory import NormalFormGame
    >>> from gametheory.solvers.logit import logit_qre
    >>> g = NormalFormGame.from_arrays([[3, 0], [2, 2]], [[3, 2], [0, 2]])
    >>> r = logit_dynamics(g, 1.0, t=40)
    >>> q = logit_qre(g, 1.0)
    >>> r.is_rest_point, bool(abs(r.final[0][0] - q.vectors[0][0]) < 1e-6)
    (True, True)
    """
    what = "the logit dynamics"
    _check_game(game, what)
    lam = _check_real("lam", lam, low=0.0)
    times = _times(t, n_points)
    arrays = game.as_float_arrays()
    starts = _start(game, x0)

    cuts = np.cumsum(game.shape)[:-1]

    def rhs(_t: float, z: np.ndarray) -> np.ndarray:
        xs = np.split(z, cuts)
        vs = _payoff_vectors(arrays, xs)
        return np.concatenate([_softmax(lam * v) - x for x, v in zip(xs, vs, strict=True)])

    return _integrate(
        game, rhs, starts, times, dynamics="logit", populations=game.players,
        strategies=game.strategies, profile_of=list, residual_scale=1.0, tol=tol,
        method=method, rtol=rtol, atol=atol, lam=lam,
    )


# ---------------------------------------------------------------------- fictitious play
def _rng(seed: Any) -> np.random.Generator:
    if isinstance(seed, np.random.Generator):
        return seed
    if seed is None or (isinstance(seed, numbers.Integral) and not isinstance(seed, bool)):
        return np.random.default_rng(None if seed is None else int(seed))
    raise InvalidProfileError(f"seed must be None, an int or a numpy Generator, got {seed!r}")


def _fp_setup(
    game: NormalFormGame, iterations: Any, x0: Any, exact: Any, what: str
) -> tuple[int, bool, tuple[np.ndarray, ...] | None]:
    _check_game(game, what)
    iterations = _check_int("iterations", iterations, low=1)
    if exact is not None and not isinstance(exact, bool):
        raise InvalidProfileError(f"exact must be None, True or False, got {exact!r}")
    initial = None
    exact_x0 = True
    if x0 is not None:
        initial, exact_x0 = profile_vectors(game, x0)
    if exact is None:
        exact = game.is_exact and exact_x0
    elif exact:
        if not game.is_exact:
            raise MethodNotApplicableError(
                f"exact {what} needs integer or rational payoffs; this game's are {game.kind}"
            )
        if not exact_x0:
            raise InvalidProfileError(
                f"exact {what} needs a rational x0 (ints or Fractions), got floats"
            )
    if initial is not None and not exact:
        initial = tuple(np.asarray(v, dtype=float) for v in initial)
    return iterations, exact, initial


def _prior_counts(
    initial: tuple[np.ndarray, ...] | None, shape: tuple[int, ...], exact: bool
) -> tuple[list[np.ndarray], list[Any]]:
    """Scaled prior counts c_j and per-round increments d_j (beliefs = c_j / total_j).

    Exact: c_j = D_j * x0_j with D_j the lcm of the denominators (integers).
    """
    if initial is None:
        if exact:
            return [np.zeros(k, dtype=np.int64) for k in shape], [1] * len(shape)
        return [np.zeros(k) for k in shape], [1.0] * len(shape)
    if not exact:
        return [np.array(v, dtype=float) for v in initial], [1.0] * len(shape)
    counts: list[np.ndarray] = []
    steps: list[Any] = []
    for v in initial:
        fr = [Fraction(x) for x in v]
        d = math.lcm(*(f.denominator for f in fr))
        counts.append(np.array([int(f * d) for f in fr], dtype=object))
        steps.append(d)
    return counts, steps


def _best(v: np.ndarray, random: bool, rng: np.random.Generator) -> int:
    if not random:
        return int(np.argmax(v))
    ties = np.flatnonzero(v == v.max())
    return int(ties[0]) if ties.size == 1 else int(ties[rng.integers(ties.size)])


def _exact_arrays(
    game: NormalFormGame, iterations: int, counts: list[np.ndarray], steps: list[Any]
) -> tuple[list[np.ndarray], list[np.ndarray], list[Any]]:
    """Integer payoffs and counts; int64 when every payoff sum provably fits, else Python ints."""
    ints = [integer_scaled(a) for a in game.payoffs]
    totals = [int(sum(c)) + s * iterations for c, s in zip(counts, steps, strict=True)]
    fits = all(a.dtype != object for a in ints)
    for i, a in enumerate(ints):
        bound = int(np.max(np.abs(a.astype(object)))) if a.size else 0
        for j, tot in enumerate(totals):
            if j != i:
                bound *= max(tot, 1)
        fits = fits and bound < _INT64_SAFE
    dtype: Any = np.int64 if fits else object
    return (
        [a.astype(dtype) for a in ints],
        [np.asarray(c).astype(dtype) for c in counts],
        [dtype(s) if fits else int(s) for s in steps],
    )


def _run_fp(
    arrays: list[np.ndarray],
    counts: list[np.ndarray],
    steps: list[Any],
    iterations: int,
    choose: Any,
) -> np.ndarray:
    """The play sequence; ``choose(i, v, total)`` picks player i's strategy from payoffs v."""
    n = len(arrays)
    plays = np.empty((iterations, n), dtype=np.intp)
    totals = [c.sum() for c in counts]
    if n == 2:
        A, B = arrays
        colsA = np.ascontiguousarray(A.T) * steps[1]  # added to v0 when player 2 plays s1
        rowsB = np.ascontiguousarray(B) * steps[0]  # added to v1 when player 1 plays s0
        v0 = A @ counts[1]
        v1 = counts[0] @ B
        t0, t1 = totals
        s0_list, s1_list = [], []
        for _ in range(iterations):
            s0 = choose(0, v0, t1)
            s1 = choose(1, v1, t0)
            s0_list.append(s0)
            s1_list.append(s1)
            v0 = v0 + colsA[s1]
            v1 = v1 + rowsB[s0]
            t0 = t0 + steps[0]
            t1 = t1 + steps[1]
        plays[:, 0] = s0_list
        plays[:, 1] = s1_list
        return plays
    counts = [c.copy() for c in counts]
    for r in range(iterations):
        vs = _payoff_vectors(arrays, counts)
        norm = [
            math.prod(totals[j] for j in range(n) if j != i) for i in range(n)
        ]
        chosen = [choose(i, vs[i], norm[i]) for i in range(n)]
        for i, s in enumerate(chosen):
            counts[i][s] += steps[i]
            totals[i] += steps[i]
        plays[r] = chosen
    return plays


def _fp_result(
    game: NormalFormGame,
    method: str,
    plays: np.ndarray,
    initial: tuple[np.ndarray, ...] | None,
    exact: bool,
    tie_break: str,
    lam: float | None,
) -> FictitiousPlayResult:
    T = plays.shape[0]
    counts = tuple(np.bincount(plays[:, i], minlength=k) for i, k in enumerate(game.shape))
    beliefs = []
    denom = np.arange(1, T + 1, dtype=float) + (0.0 if initial is None else 1.0)
    for i, k in enumerate(game.shape):
        path = np.zeros((T, k))
        path[np.arange(T), plays[:, i]] = 1.0
        np.cumsum(path, axis=0, out=path)
        if initial is not None:
            path += np.asarray(initial[i], dtype=float)
        beliefs.append(path / denom[:, None])
    final: list[np.ndarray] = []
    total: Any
    for i, c in enumerate(counts):
        if exact:
            num = np.empty(c.size, dtype=object)
            num[:] = [Fraction(int(n)) for n in c]
            total = Fraction(T)
        else:
            num = c.astype(float)
            total = float(T)
        if initial is not None:
            num = num + initial[i]
            total += 1
        final.append(num / total)
    check = verify(game, final)
    profile = {
        p: dict(zip(game.strategies[i], final[i].tolist(), strict=True))
        for i, p in enumerate(game.players)
    }
    return FictitiousPlayResult(
        method=method,
        players=game.players,
        strategies=game.strategies,
        iterations=T,
        plays=plays,
        initial=initial,
        counts=counts,
        beliefs=tuple(beliefs),
        final=tuple(final),
        profile=profile,
        verification=check,
        regret=check.max_regret,
        exact=exact,
        tie_break=tie_break,
        lam=lam,
    )


def fictitious_play(
    game: NormalFormGame,
    iterations: int,
    *,
    x0: Any = None,
    tie_break: str = "lowest",
    seed: Any = None,
    exact: bool | None = None,
) -> FictitiousPlayResult:
    """Discrete-time fictitious play with simultaneous updating.

    In round :math:`t = 1, 2, \\dots, T` every player :math:`i` plays a pure best
    response to the belief that each opponent :math:`j` mixes according to

    .. math:: \\gamma_j^{t-1} = \\frac{\\kappa_j + \\sum_{s < t} e_{a_j^s}}
                                     {|\\kappa_j| + t - 1},

    the empirical frequency of :math:`j`'s past play :math:`a_j^s`, with
    :math:`\\kappa_j` the prior observation ``x0`` (weight 1) or nothing.

    Parameters
    ----------
    game : NormalFormGame
        Numeric payoffs, any number of players.
    iterations : int
        Number of rounds :math:`T \\ge 1`.
    x0 : profile, optional
        A prior observation counted once (any form
        :func:`~gametheory.equilibrium.profile_vectors` accepts). Without it
        (the default, as nashpy's zero ``play_counts``) every strategy ties in
        round 1 and ``tie_break`` picks the first move.
    tie_break : {"lowest", "random"}, default "lowest"
        Among tied best responses pick the lowest index (as QuantEcon's
        ``tie_breaking="smallest"``), or one uniformly at random (as nashpy).
    seed : int or numpy.random.Generator, optional
        Randomness for ``tie_break="random"``.
    exact : bool, optional
        Exact arithmetic (integer play counts, :class:`~fractions.Fraction`
        beliefs, ties decided exactly). Default: when the game is exact and
        ``x0`` (if any) rational. ``exact=False`` uses floats (ties are
        then decided by float equality of the accumulated payoffs).

    Returns
    -------
    FictitiousPlayResult
        Play sequence, belief path (floats), final beliefs (Fractions when
        exact) and their regret.

    Raises
    ------
    InvalidProfileError
        ``iterations`` not a positive integer; bad ``x0``, ``tie_break``, ``seed``.
    MethodNotApplicableError
        ``exact=True`` for a float game.
    SymbolicGameError
        The game has free parameters.

    Notes
    -----
    Exact games are scaled to integer payoffs per player and the
    (unnormalised) expected payoffs are kept as integers, updated by one
    payoff column per round for two players; int64 is used when a bound
    proves no overflow can occur, Python integers otherwise.

    Relation to other libraries (checked in the tests): with
    ``tie_break="lowest"`` and the same prior, the play counts equal
    ``nashpy.Game(A, B).fictitious_play(T, play_counts=...)`` whenever
    nashpy's random tie-break faces no tie (nashpy starts from zero counts
    and calls ``numpy.random.choice`` among the maxima); and the belief path
    equals QuantEcon's ``FictitiousPlay(g).time_series(T + 1,
    init_actions=x0)`` (decreasing gain :math:`1/(t+1)`, ``"smallest"``
    tie-breaking with tolerance 1e-8), whose row 0 is ``x0``. QuantEcon
    draws a random mixed ``x0`` when none is given; nashpy has no prior.

    References
    ----------
    .. [1] G. W. Brown, "Iterative solution of games by fictitious play", in
       *Activity Analysis of Production and Allocation*, Wiley, 1951, 374-376.
    .. [2] J. Robinson, "An iterative method of solving a game", Annals of
       Mathematics 54 (1951) 296-301.
    .. [3] K. Miyasawa, "On the convergence of the learning process in a 2x2
       non-zero-sum two-person game", Princeton University Econometric
       Research Program, Research Memorandum 33, 1961.
    .. [4] L. S. Shapley, "Some topics in two-person games", in *Advances in
       Game Theory*, Annals of Mathematics Studies 52, 1964, 1-28.
    .. [5] D. Fudenberg and D. K. Levine, *The Theory of Learning in Games*,
       MIT Press, 1998, ch. 2.

    Examples
    --------
    Matching Pennies: the beliefs approach the equilibrium (1/2, 1/2)
    (Robinson 1951) and are exact fractions.

    >>> from gametheory import NormalFormGame
    >>> mp = NormalFormGame.zero_sum([[1, -1], [-1, 1]])
    >>> fp = fictitious_play(mp, 1000)
    >>> fp.final[0].tolist()
    [Fraction(483, 1000), Fraction(517, 1000)]
    >>> fp.regret
    Fraction(1683, 50000)
    """
    iterations, exact, initial = _fp_setup(game, iterations, x0, exact, "fictitious play")
    if tie_break not in ("lowest", "random"):
        raise InvalidProfileError(f"tie_break must be 'lowest' or 'random', got {tie_break!r}")
    rng = _rng(seed)
    random = tie_break == "random"
    counts, steps = _prior_counts(initial, game.shape, exact)
    if exact:
        arrays, counts, steps = _exact_arrays(game, iterations, counts, steps)
    else:
        arrays = list(game.as_float_arrays())

    def choose(_i: int, v: np.ndarray, _total: Any) -> int:
        return _best(v, random, rng)

    plays = _run_fp(arrays, counts, steps, iterations, choose)
    return _fp_result(game, "fictitious play", plays, initial, exact, tie_break, None)


def stochastic_fictitious_play(
    game: NormalFormGame,
    iterations: int,
    lam: float,
    *,
    x0: Any = None,
    seed: Any = None,
) -> FictitiousPlayResult:
    """Stochastic fictitious play with logit choice.

    As :func:`fictitious_play`, but in each round every player draws her
    strategy from the logit choice probabilities
    :math:`\\mathrm{softmax}(\\lambda\\, v_i(\\gamma^{t-1}))` given her belief
    :math:`\\gamma^{t-1}` about the others. The beliefs converge almost surely
    to the logit QRE in zero-sum and potential games (Fudenberg and Kreps 1993;
    Hofbauer and Sandholm 2002), following the logit dynamics of
    :func:`logit_dynamics` in the long run.

    Parameters
    ----------
    game : NormalFormGame
        Numeric payoffs, any number of players.
    iterations : int
        Number of rounds :math:`T \\ge 1`.
    lam : float
        Precision :math:`\\lambda \\ge 0` of the logit choice.
    x0 : profile, optional
        Prior observation, as in :func:`fictitious_play`; without it, round 1
        play is uniform.
    seed : int or numpy.random.Generator, optional
        Randomness of the choices (results are reproducible for a fixed seed).

    Returns
    -------
    FictitiousPlayResult
        ``tie_break="logit"``, ``lam`` set. Counts are integers, so the final
        beliefs are exact Fractions for exact games (choice probabilities
        themselves are floats).

    Raises
    ------
    InvalidProfileError
        ``iterations`` not a positive integer, ``lam`` negative or not
        finite, bad ``x0`` or ``seed``.
    SymbolicGameError
        The game has free parameters.

    References
    ----------
    .. [1] D. Fudenberg and D. K. Levine, *The Theory of Learning in Games*,
       MIT Press, 1998, ch. 4.
    .. [2] J. Hofbauer and W. H. Sandholm, "On the global convergence of
       stochastic fictitious play", Econometrica 70 (2002) 2265-2294.
    .. [3] D. Fudenberg and D. M. Kreps, "Learning mixed equilibria", Games
       and Economic Behavior 5 (1993) 320-367.

    Examples
    --------
    >>> from gametheory import NormalFormGame
    >>> mp = NormalFormGame.zero_sum([[1, -1], [-1, 1]])
    >>> sfp = stochastic_fictitious_play(mp, 4000, lam=2.0, seed=1)
    >>> bool(abs(sfp.beliefs[0][-1, 0] - 0.5) < 0.05), sfp.exact
    (True, True)
    """
    iterations, exact, initial = _fp_setup(
        game, iterations, x0, None, "stochastic fictitious play"
    )
    lam = _check_real("lam", lam, low=0.0)
    rng = _rng(seed)
    counts, steps = _prior_counts(initial, game.shape, False)
    arrays = list(game.as_float_arrays())
    if initial is not None:
        counts = [np.asarray(c, dtype=float) for c in counts]
    sizes = game.shape
    uniforms = rng.random((iterations, game.n_players))  # drawn up front: one per choice
    rounds = [0] * game.n_players

    def choose(i: int, v: np.ndarray, total: Any) -> int:
        u = uniforms[rounds[i], i]
        rounds[i] += 1
        if total == 0:
            return min(int(u * sizes[i]), sizes[i] - 1)
        cdf = np.cumsum(_softmax(lam * np.asarray(v, dtype=float) / float(total)))
        return min(int(np.searchsorted(cdf, u * cdf[-1], side="right")), sizes[i] - 1)

    plays = _run_fp(arrays, counts, steps, iterations, choose)
    return _fp_result(
        game, "stochastic fictitious play", plays, initial, exact, "logit", lam
    )
