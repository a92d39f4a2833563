"""Plots of learning and evolutionary dynamics (:mod:`gametheory.dynamics`).

* :func:`trajectory` -- each population's (or player's) mixed strategy against
  time for a :class:`~gametheory.dynamics.DynamicsResult`, or the beliefs
  against the round for a :class:`~gametheory.dynamics.FictitiousPlayResult`;
* :func:`simplex_portrait` -- the phase portrait of the single-population
  replicator dynamics of a symmetric game with three strategies on the
  2-simplex: the vector field and a few trajectories (Hofbauer and Sigmund
  1998; e.g. the closed orbits of Rock-Paper-Scissors).

Both return matplotlib Axes (``ax.figure`` is the Figure) and accept an
``ax`` to draw on. Lines differ by colour (population) and line style
(strategy), so the plots stay readable in black-and-white print.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..errors import InvalidProfileError, MethodNotApplicableError, UnknownLabelError

__all__ = ["simplex_portrait", "trajectory"]

_STYLES = ["-", "--", ":", "-."]
_SQRT3_2 = float(np.sqrt(3.0) / 2.0)


def trajectory(
    result: Any,
    *,
    players: Sequence[str] | None = None,
    ax: Any = None,
    title: str | None = None,
    log_x: bool | None = None,
) -> Any:
    """Plot strategy probabilities (or fictitious-play beliefs) against time.

    Parameters
    ----------
    result : DynamicsResult or FictitiousPlayResult
        From :func:`~gametheory.dynamics.replicator`,
        :func:`~gametheory.dynamics.logit_dynamics`,
        :func:`~gametheory.dynamics.fictitious_play` or
        :func:`~gametheory.dynamics.stochastic_fictitious_play`.
    players : sequence of str, optional
        Populations (players) to draw; default all. One line per strategy of
        each, labelled ``"player: strategy"`` in the legend.
    ax : matplotlib Axes, optional
        Axes to draw on (a new figure otherwise).
    title : str, optional
        Default: the kind of dynamics.
    log_x : bool, optional
        Logarithmic x axis; default True for fictitious play (rounds), False
        for continuous time.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    UnknownLabelError
        A name in ``players`` that the result does not have.
    InvalidProfileError
        ``result`` is not a dynamics result.

    References
    ----------
    .. [1] J. Hofbauer and K. Sigmund, *Evolutionary Games and Population
       Dynamics*, Cambridge University Press, 1998.
    .. [2] D. Fudenberg and D. K. Levine, *The Theory of Learning in Games*,
       MIT Press, 1998.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from gametheory import NormalFormGame
    >>> from gametheory.dynamics import replicator
    >>> A = [[-2, 2], [0, 1]]
    >>> hd = NormalFormGame.from_arrays(A, [list(r) for r in zip(*A)],
    ...     strategies=[["Hawk", "Dove"]] * 2)
    >>> ax = trajectory(replicator(hd, [0.9, 0.1], t=20, symmetric=True))
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['population: Hawk', 'population: Dove']
    >>> ax.get_xlabel()
    'time t (in units of 1/payoff)'
    """
    import matplotlib.pyplot as plt

    from ..dynamics import DynamicsResult, FictitiousPlayResult

    if isinstance(result, DynamicsResult):
        x = result.times
        paths = result.trajectories
        xlabel = "time t (in units of 1/payoff)"
        ylabel = "probability (population share)"
        name = f"{result.dynamics} dynamics" + (
            f", $\\lambda$ = {result.lam:g}" if result.lam is not None else ""
        )
        log_default = False
    elif isinstance(result, FictitiousPlayResult):
        x = result.rounds
        paths = result.beliefs
        xlabel = "round t"
        ylabel = "empirical frequency (belief)"
        name = result.method + (f", $\\lambda$ = {result.lam:g}" if result.lam is not None else "")
        log_default = True
    else:
        raise InvalidProfileError(
            f"trajectory needs a DynamicsResult or FictitiousPlayResult, got {type(result).__name__}"
        )
    chosen = list(result.players) if players is None else list(players)
    unknown = [p for p in chosen if p not in result.players]
    if unknown:
        raise UnknownLabelError(f"unknown players {unknown}; players are {list(result.players)}")
    if ax is None:
        _, ax = plt.subplots(figsize=(6.4, 4.2))
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for k, player in enumerate(chosen):
        i = result.players.index(player)
        for j, strategy in enumerate(result.strategies[i]):
            ax.plot(
                x,
                paths[i][:, j],
                linestyle=_STYLES[j % len(_STYLES)],
                color=colours[k % len(colours)],
                linewidth=max(2.6 - 0.8 * k, 1.2),
                label=f"{player}: {strategy}",
            )
    if log_x if log_x is not None else log_default:
        ax.set_xscale("log")
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title if title is not None else name, fontsize=10)
    ax.legend(fontsize=8, loc="best", frameon=False)
    ax.grid(alpha=0.3)
    return ax


def _to_xy(p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Barycentric (..., 3) -> Cartesian on the triangle (0,0), (1,0), (1/2, sqrt(3)/2)."""
    p = np.asarray(p, dtype=float)
    return p[..., 1] + 0.5 * p[..., 2], _SQRT3_2 * p[..., 2]


def simplex_portrait(
    game: Any,
    x0s: Sequence[Sequence[float]] | None = None,
    *,
    t: float = 30.0,
    grid: int = 14,
    ax: Any = None,
    title: str | None = None,
) -> Any:
    """Phase portrait of the replicator dynamics of a symmetric 3-strategy game.

    Draws the 2-simplex with corners labelled by the strategies, the
    direction of :math:`\\dot x_j = x_j((Ax)_j - x\\cdot Ax)` at grid points
    (grey arrows of equal length; the shading gives the speed), and the
    trajectories from ``x0s`` (start: open circle; end: filled circle).

    Parameters
    ----------
    game : NormalFormGame
        Symmetric two-player game (:math:`B = A^T`) with three strategies,
        numeric payoffs.
    x0s : sequence of probability vectors, optional
        Starting points of trajectories (default three interior points).
    t : float, default 30
        Integration time of each trajectory.
    grid : int, default 14
        Grid points per edge for the vector field.
    ax : matplotlib Axes, optional
        Axes to draw on (a new figure otherwise).
    title : str, optional
        Default: the game's title, or "replicator dynamics".

    Returns
    -------
    matplotlib.axes.Axes
        One line per trajectory after the triangle outline (``ax.lines[0]``).

    Raises
    ------
    MethodNotApplicableError
        The game is not symmetric with three strategies.
    SymbolicGameError
        The game has free parameters.
    InvalidProfileError
        A bad starting point or ``grid``.

    References
    ----------
    .. [1] P. D. Taylor and L. B. Jonker, "Evolutionarily stable strategies and
       game dynamics", Mathematical Biosciences 40 (1978) 145-156.
    .. [2] J. Hofbauer and K. Sigmund, *Evolutionary Games and Population
       Dynamics*, Cambridge University Press, 1998.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from gametheory import NormalFormGame
    >>> rps = NormalFormGame.zero_sum([[0, -1, 1], [1, 0, -1], [-1, 1, 0]],
    ...     strategies=[["Rock", "Paper", "Scissors"]] * 2, title="Rock-Paper-Scissors")
    >>> ax = simplex_portrait(rps, [[0.5, 0.3, 0.2]])
    >>> len(ax.lines), sorted(t.get_text() for t in ax.texts)
    (2, ['Paper', 'Rock', 'Scissors'])
    """
    import matplotlib.pyplot as plt

    from ..dynamics import replicator

    if getattr(game, "n_players", None) != 2 or tuple(game.shape) != (3, 3):
        raise MethodNotApplicableError(
            "simplex_portrait needs a symmetric 2-player game with 3 strategies; got shape "
            f"{getattr(game, 'shape', None)}"
        )
    game.numeric_check("simplex_portrait")
    P, Q = game.payoffs
    if not np.array_equal(np.asarray(Q).T, np.asarray(P)):
        raise MethodNotApplicableError(
            "simplex_portrait needs a symmetric game (player 2's payoffs are player 1's "
            "transposed, B = A^T)"
        )
    if isinstance(grid, bool) or not isinstance(grid, int) or grid < 2:
        raise InvalidProfileError(f"grid must be an integer >= 2, got {grid!r}")
    if x0s is None:
        x0s = [[0.7, 0.2, 0.1], [0.1, 0.45, 0.45], [0.4, 0.35, 0.25]]
    runs = [replicator(game, x0, t=t, symmetric=True, n_points=600) for x0 in x0s]
    A = game.as_float_arrays()[0]
    if ax is None:
        _, ax = plt.subplots(figsize=(5.2, 4.8))
    corners = np.eye(3)
    cx, cy = _to_xy(np.vstack([corners, corners[:1]]))
    ax.plot(cx, cy, color="black", linewidth=1.0)
    # vector field on a barycentric grid strictly inside the simplex
    pts = np.array(
        [(i, j, grid - i - j) for i in range(1, grid) for j in range(1, grid - i)], dtype=float
    ) / grid
    if pts.size:
        f = pts @ A.T
        vel = pts * (f - np.sum(pts * f, axis=1, keepdims=True))
        px, py = _to_xy(pts)
        vx, vy = _to_xy(vel)
        speed = np.hypot(vx, vy)
        with np.errstate(invalid="ignore", divide="ignore"):
            ux = np.where(speed > 0, vx / speed, 0.0)
            uy = np.where(speed > 0, vy / speed, 0.0)
        ax.quiver(
            px, py, ux, uy, speed, cmap="Greys", clim=(-0.3 * speed.max(), speed.max() or 1.0),
            angles="xy", scale_units="xy", scale=1.6 * grid, width=0.004, pivot="mid",
        )
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for k, run in enumerate(runs):
        xs, ys = _to_xy(run.trajectories[0])
        c = colours[k % len(colours)]
        ax.plot(xs, ys, color=c, linewidth=1.8, linestyle=_STYLES[k % len(_STYLES)],
                label=f"from ({', '.join(f'{v:.2g}' for v in run.trajectories[0][0])})")
        ax.scatter(xs[:1], ys[:1], s=30, facecolors="white", edgecolors=c, zorder=3)
        ax.scatter(xs[-1:], ys[-1:], s=30, color=c, zorder=3)
    labels = game.strategies[0]
    offsets = [(-0.04, -0.05, "right"), (0.04, -0.05, "left"), (0.0, 0.04, "center")]
    for (x, y), name, (dx, dy, ha) in zip(
        zip(*_to_xy(corners), strict=True), labels, offsets, strict=True
    ):
        ax.text(x + dx, y + dy, name, ha=ha, va="center", fontsize=10)
    ax.set_aspect("equal")
    ax.set_xlim(-0.15, 1.15)
    ax.set_ylim(-0.12, _SQRT3_2 + 0.1)
    ax.set_axis_off()
    default = getattr(game, "title", "") or "Replicator dynamics"
    ax.set_title(
        title if title is not None else f"{default}\nreplicator dynamics, t = 0..{t:g}",
        fontsize=10,
    )
    if runs:
        ax.legend(fontsize=8, loc="upper right", frameon=False)
    return ax
