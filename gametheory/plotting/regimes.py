"""Regime maps, threshold curves, equilibrium paths and best-response plots.

Every function draws with matplotlib and returns what it drew on (an
:class:`~matplotlib.axes.Axes`, or a :class:`~matplotlib.figure.Figure` for
the two-panel :func:`equilibrium_path`), so figures can be adjusted and saved
by the caller. Figures are meant to be read in print: axis labels carry the
parameters' units from the :class:`~gametheory.parameters.ParameterSpace`,
legends name every regime and curve, titles name the model.

* :func:`regime_map` -- the plane of two parameters filled by regime
  (:func:`~gametheory.analysis.conditions.regions`), with the *exact*
  boundaries drawn as curves solved from the symbolic conditions (not traced
  from the pixel grid), the scenario's default point, optionally a colour
  scale for a quantity such as P[war] and a hatched region such as "Preempt
  dominant" (``scenario_spec.md`` section 4);
* :func:`threshold_curve` -- a :class:`~gametheory.analysis.conditions.Threshold`
  as a function of one parameter, the sides where the condition holds and
  fails shaded and labelled;
* :func:`equilibrium_path` -- equilibrium probabilities and payoffs along one
  parameter, from the closed forms of each support pair, with the
  bifurcation points (where equilibria appear or vanish) marked exactly;
* :func:`best_response_plot` -- the best-response correspondences of a 2x2
  game in the unit square, equilibria (and continua) marked from the exact
  solver.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from gametheory.scenarios import tripp
>>> from gametheory.plotting.regimes import regime_map
>>> ax = regime_map(tripp.m1(), "p", "c_R", resolution=50)
>>> ax.get_xlabel(), ax.get_ylabel()
('p [probability]', 'c_R [militarized-corridor losses]')
>>> sorted(t.get_text() for t in ax.get_legend().get_texts())[:2]
['1: (Accept, Militarize)', '2: (Preempt, Commercial)']
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any, cast

import numpy as np
import sympy
from sympy.logic.boolalg import Boolean, BooleanFalse, BooleanTrue

from .._numbers import to_sympy
from ..analysis.conditions import (
    Condition,
    PureEquilibriumCondition,
    Regions,
    Threshold,
    _Compiled,
    regions,
)
from ..analysis.sweep import _Plan
from ..errors import InvalidGameError, MethodNotApplicableError, SymbolicGameError
from ..parameters import to_rational

__all__ = [
    "bifurcations",
    "best_response_plot",
    "boundary_curves",
    "equilibrium_path",
    "regime_map",
    "threshold_curve",
]

_CURVE_COLOURS = ("#1b1b1b", "#b2182b", "#2166ac", "#1a9850", "#762a83", "#e08214", "#35978f")
_CURVE_STYLES = ("-", "--", "-.", ":")
_REGION_COLOURS = (
    "#fbb4ae",
    "#b3cde3",
    "#ccebc5",
    "#decbe4",
    "#fed9a6",
    "#ffffcc",
    "#e5d8bd",
    "#fddaec",
    "#f2f2f2",
)


# ---------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------


def _pyplot() -> Any:
    import matplotlib.pyplot as plt

    return plt


def _new_axes(ax: Any) -> Any:
    if ax is not None:
        return ax
    plt = _pyplot()
    fig = plt.figure(figsize=(7.0, 5.6), layout="constrained")
    return fig.add_subplot()


def _game_of(target: Any) -> tuple[Any, str]:
    """The game and a title naming the model, for games and scenario models."""
    game = getattr(target, "game", target)
    title = getattr(game, "title", "") or ""
    model_id = getattr(target, "id", None)
    if model_id and not title.startswith(str(model_id)):
        title = f"{model_id}: {title}" if title else str(model_id)
    return game, title


def _axis_label(space: Any, name: str) -> str:
    if space is None or name not in space:
        return name
    unit = space[name].unit
    return f"{name} [{unit}]" if unit else name


def _limits(space: Any, name: str, given: Any) -> tuple[float, float]:
    if given is not None:
        low, high = (float(v) for v in given)
    else:
        if space is None or name not in space:
            raise InvalidGameError(f"no bounds known for {name!r}: pass its limits")
        param = space[name]
        if param.lower is None or param.upper is None:
            raise InvalidGameError(
                f"parameter {name!r} is unbounded ({param._interval_text()}): pass its limits"
            )
        low, high = float(param.lower), float(param.upper)
    if not low < high:
        raise InvalidGameError(f"empty range for {name!r}: ({low}, {high})")
    return low, high


def _fixed_text(fixed: Mapping[str, Any], space: Any) -> str:
    changed = [
        f"{k} = {v}"
        for k, v in fixed.items()
        if space is None or k not in space or space[k].default != v
    ]
    if not changed:
        return "other parameters at their defaults" if fixed else ""
    rest = "; others at their defaults" if len(changed) < len(fixed) else ""
    return ", ".join(changed) + rest


def _intervals(cond: Boolean, var: sympy.Symbol, low: float, high: float) -> list[tuple]:
    """Intervals of ``[low, high]`` where a univariate condition holds (exact ends)."""
    window = sympy.Interval(to_rational(low), to_rational(high))
    if isinstance(cond, BooleanTrue):
        found: sympy.Set = window
    elif isinstance(cond, BooleanFalse):
        return []
    else:
        real = sympy.Dummy(var.name, real=True)
        found = cond.xreplace({var: real}).as_set().intersect(window)
    pieces = found.args if isinstance(found, sympy.Union) else (found,)
    out = []
    for piece in pieces:
        if isinstance(piece, sympy.Interval) and piece.measure > 0:
            out.append((piece.start, piece.end))
    return out


def _sample(intervals: Sequence[tuple], count: int) -> list[np.ndarray]:
    return [np.linspace(float(a), float(b), count) for a, b in intervals]


def _relation_text(lhs: Any, rhs: Any) -> str:
    return f"{sympy.sstr(lhs)} = {sympy.sstr(rhs)}"


def _region_point(mask: np.ndarray, xs: np.ndarray, ys: np.ndarray) -> tuple[float, float]:
    """A pixel inside the region, near the centre of its pixels (for a text label)."""
    rows, cols = np.nonzero(mask)
    cy, cx = rows.mean(), cols.mean()
    k = int(np.argmin((rows - cy) ** 2 + (cols - cx) ** 2))
    return float(xs[cols[k]]), float(ys[rows[k]])


# ---------------------------------------------------------------------------
# Exact boundary curves
# ---------------------------------------------------------------------------


def boundary_curves(
    target: Regions,
    x: str,
    y: str,
    *,
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    points: int = 400,
) -> list[dict[str, Any]]:
    """The exact boundaries of a 2-parameter regime partition, as plottable curves.

    Each equality ``f(x, y) = 0`` in a boundary condition is solved for
    ``y`` (or, if ``y`` does not occur, for ``x``: a vertical line) with
    sympy; the part of the curve where the rest of the boundary condition
    holds is found exactly (:meth:`sympy.logic.boolalg.Boolean.as_set` on
    the curve's parameter), as is the part inside the plotting window.

    Parameters
    ----------
    target : Regions
        Regions in exactly the two parameters ``x`` and ``y``.
    x, y : str
    xlim, ylim : (float, float), keyword-only
    points : int, keyword-only
        Samples per curve piece (pieces of straight lines need only their
        ends, but curves do not).

    Returns
    -------
    list of dict
        One per curve: ``label`` (``"c_R = p/5"``), ``relation`` (the sympy
        equation), ``boundary`` (list of ``(xs, ys)`` arrays where it
        separates regimes) and ``extension`` (the rest of the curve in the
        window).

    Examples
    --------
    >>> from gametheory.scenarios import tripp
    >>> R = regions(tripp.m1().game, ["p", "c_R"])
    >>> [c["label"] for c in boundary_curves(R, "p", "c_R", xlim=(0, 1), ylim=(0, 1))]
    ['c_R = p', 'p = 1/4', 'c_R = p/5']
    """
    symbols = {s.name: s for s in target.parameters}
    X, Y = symbols[x], symbols[y]
    curves: dict[Any, dict[str, Any]] = {}
    for b in target.boundaries:
        expr = b.condition.expr
        for eq in sorted(expr.atoms(sympy.Equality), key=sympy.default_sort_key):
            rest = expr.xreplace({eq: sympy.true})
            poly = sympy.expand(eq.lhs - eq.rhs)
            if Y in poly.free_symbols:
                roots = [r for r in sympy.solve(poly, Y) if r.is_real is not False]
                for root in roots:
                    key = ("y", root)
                    on = rest.xreplace({Y: root})
                    window = sympy.And(root >= ylim[0], root <= ylim[1])
                    curve = curves.setdefault(
                        key,
                        {
                            "label": _relation_text(Y, root),
                            "relation": sympy.Eq(Y, root),
                            "param": X,
                            "root": root,
                            "vertical": False,
                            "pieces": [],
                            "window": _intervals(window, X, *xlim),
                        },
                    )
                    curve["pieces"] += _intervals(sympy.And(on, window), X, *xlim)
            elif X in poly.free_symbols:
                for root in sympy.solve(poly, X):
                    if not root.is_real or not xlim[0] <= float(root) <= xlim[1]:
                        continue
                    key = ("x", root)
                    on = rest.xreplace({X: root})
                    curve = curves.setdefault(
                        key,
                        {
                            "label": _relation_text(X, root),
                            "relation": sympy.Eq(X, root),
                            "param": Y,
                            "root": root,
                            "vertical": True,
                            "pieces": [],
                            "window": [(to_rational(ylim[0]), to_rational(ylim[1]))],
                        },
                    )
                    curve["pieces"] += _intervals(on, Y, *ylim)
    out = []
    for curve in curves.values():
        pieces = _merge(curve["pieces"])
        rest = _subtract(curve["window"], pieces)
        if not pieces:
            continue
        root = curve["root"]
        func = sympy.lambdify(curve["param"], root, "numpy")

        def trace(ts: np.ndarray, func: Any = func, vertical: bool = curve["vertical"]) -> tuple:
            values = np.broadcast_to(np.asarray(func(ts), dtype=float), ts.shape)
            return (values, ts) if vertical else (ts, values)

        out.append(
            {
                "label": curve["label"],
                "relation": curve["relation"],
                "boundary": [trace(t) for t in _sample(pieces, points)],
                "extension": [trace(t) for t in _sample(rest, points)],
            }
        )
    return out


def _merge(intervals: Sequence[tuple]) -> list[tuple]:
    merged: list[list] = []
    for a, b in sorted(set(intervals), key=lambda p: (float(p[0]), float(p[1]))):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def _subtract(window: Sequence[tuple], pieces: Sequence[tuple]) -> list[tuple]:
    out = []
    for a, b in window:
        start = a
        for c, d in pieces:
            if d <= start or c >= b:
                continue
            if c > start:
                out.append((start, c))
            start = max(start, d)
        if start < b:
            out.append((start, b))
    return out


# ---------------------------------------------------------------------------
# regime_map
# ---------------------------------------------------------------------------


def _as_2d_regions(
    target: Any,
    x: str | None,
    y: str | None,
    fixed: Mapping[str, Any] | None,
    labels: Any,
    assumptions: Any,
) -> tuple[Regions, str, str, str]:
    if isinstance(target, Regions):
        if fixed or labels or assumptions:
            raise InvalidGameError(
                "fixed=, labels= and assumptions= build new regions; the given Regions already "
                "have theirs"
            )
        names = [s.name for s in target.parameters]
        if len(names) != 2:
            raise InvalidGameError(f"a regime map needs regions in 2 parameters; got {names}")
        x = x or names[0]
        y = y or names[1]
        if {x, y} != set(names):
            raise InvalidGameError(f"the regions vary {names}; got x={x!r}, y={y!r}")
        return target, x, y, getattr(target.game, "title", "") or ""
    if x is None or y is None:
        raise InvalidGameError("give the parameters of the axes: x=..., y=...")
    game, title = _game_of(target)
    return regions(game, [x, y], fixed=fixed, labels=labels, assumptions=assumptions), x, y, title


def _values_for(
    names: Sequence[str], given: Mapping[str, np.ndarray], fixed: Mapping[str, Any], space: Any
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in names:
        if name in given:
            values[name] = given[name]
        elif name in fixed:
            values[name] = float(fixed[name])
        elif space is not None and name in space and space[name].default is not None:
            values[name] = float(space[name].default)
        else:
            raise SymbolicGameError(f"no value for parameter {name!r}: pass fixed={{...}}")
    return values


def regime_map(
    target: Any,
    x: str | None = None,
    y: str | None = None,
    *,
    fixed: Mapping[str, Any] | None = None,
    xlim: tuple[float, float] | None = None,
    ylim: tuple[float, float] | None = None,
    resolution: int = 400,
    color_by: Any = None,
    color_label: str | None = None,
    cmap: str = "viridis",
    hatch: Condition | None = None,
    hatch_label: str | None = None,
    labels: Mapping[str, str] | None = None,
    assumptions: Any = None,
    show_default: bool = True,
    extend_curves: bool = True,
    title: str | None = None,
    ax: Any = None,
) -> Any:
    """Map the regimes of a game in the plane of two parameters.

    Parameters
    ----------
    target : Regions, NormalFormGame or scenario model
        Regions in two parameters, or a symbolic game (or an object with a
        ``.game`` such as a TRIPP model) whose regions in ``x``, ``y`` are
        derived with the other parameters fixed.
    x, y : str
        The parameters on the axes (default for Regions: its parameters).
    fixed : mapping, keyword-only, optional
        Values of the other parameters (default: their defaults).
    xlim, ylim : (float, float), keyword-only, optional
        Default: the parameters' bounds.
    resolution : int, keyword-only
        Pixels per axis of the filled image (the curves are exact
        whatever the resolution).
    color_by : Probability, Payoff, Condition, sympy expression or callable, keyword-only
        Colour the map by this quantity (as a :func:`~gametheory.analysis.sweep.sweep`
        output) with a colour bar, instead of by regime. The regimes stay
        numbered on the map and named in the legend.
    color_label : str, keyword-only, optional
        The colour bar's label (default: from the quantity).
    cmap : str, keyword-only
    hatch : Condition, keyword-only, optional
        Hatch where this condition holds (for M1: Preempt dominant,
        ``c_R < p*l_R``), with ``hatch_label`` in the legend.
    labels, assumptions : keyword-only
        Passed to :func:`~gametheory.analysis.conditions.regions`.
    show_default : bool, keyword-only
        Mark the default point of the parameter space.
    extend_curves : bool, keyword-only
        Continue each boundary curve (thin, dashed) where it does not
        separate regimes, such as the ray ``c_R = p*l_R`` below ``p_T``.
    title : str, keyword-only, optional
        Default: the model's title, with a line on the fixed parameters.
    ax : matplotlib Axes, keyword-only, optional

    Returns
    -------
    matplotlib.axes.Axes
        Regions are numbered on the map (text artists ``"1"``, ``"2"``,
        ...) and named in the legend (``"1: (Accept, Militarize)"``); each
        boundary curve is a line whose label is its equation; the default
        point is a line labelled ``"default (...)"``.

    Raises
    ------
    InvalidGameError
        Not two parameters, unbounded parameters without limits.

    Examples
    --------
    M1 as ``scenario_spec.md`` section 4 asks: coloured by P[war] with the
    Preempt-dominant wedge hatched.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from gametheory.scenarios import tripp
    >>> from gametheory.analysis import dominance_condition
    >>> from gametheory.analysis.sweep import Probability
    >>> M1 = tripp.m1()
    >>> wedge = dominance_condition(M1.game, "Russia", "Preempt", assumptions="e_R > l_R")
    >>> ax = regime_map(M1, "p", "c_R", color_by=Probability("Russia", "Preempt"),
    ...                 hatch=wedge, hatch_label="Preempt dominant", resolution=60)
    >>> [line.get_label() for line in ax.get_lines() if not line.get_label().startswith("_")]
    ['c_R = p', 'p = 1/4', 'c_R = p/5', 'default (p = 1/2, c_R = 3/10)']
    """
    import matplotlib.colors as mcolors
    from matplotlib.patches import Patch

    R, x, y, model_title = _as_2d_regions(target, x, y, fixed, labels, assumptions)
    if resolution < 2:
        raise ValueError(f"resolution must be at least 2; got {resolution}")
    space = getattr(R.game, "space", None)
    x0, x1 = _limits(space, x, xlim)
    y0, y1 = _limits(space, y, ylim)
    xs = x0 + (np.arange(resolution) + 0.5) * (x1 - x0) / resolution
    ys = y0 + (np.arange(resolution) + 0.5) * (y1 - y0) / resolution
    X, Y = np.meshgrid(xs, ys)
    grid_values: dict[str, Any] = {x: X.ravel(), y: Y.ravel()}
    regime = R.classify(**grid_values)
    index = regime.reshape(X.shape)
    ax = _new_axes(ax)
    extent = (x0, x1, y0, y1)
    present = [r for r in R.regions if np.any(index == r.index)]
    colours = {r.index: _REGION_COLOURS[r.index % len(_REGION_COLOURS)] for r in R.regions}
    handles: list[Any] = []
    if color_by is None:
        cmap_regions = mcolors.ListedColormap([colours[r.index] for r in R.regions])
        ax.imshow(
            np.ma.masked_less(index, 0),
            origin="lower",
            extent=extent,
            aspect="auto",
            interpolation="nearest",
            cmap=cmap_regions,
            norm=mcolors.BoundaryNorm(np.arange(len(R.regions) + 1) - 0.5, len(R.regions)),
        )
        for r in present:
            handles.append(
                Patch(
                    facecolor=colours[r.index], edgecolor="0.4", label=f"{r.index + 1}: {r.label}"
                )
            )
    else:
        fixed_all = dict(R.fixed)
        available = {x, y, *fixed_all}
        if space is not None:
            available |= {k for k, p in space.items() if p.default is not None}
        plan = _Plan("color", color_by, R, available)
        names = set(_plan_names(plan, R)) | {x, y}
        values = _values_for(sorted(names), grid_values, fixed_all, space)
        quantity = np.asarray(plan.evaluate(values, regime, regime.size), dtype=float)
        image = ax.imshow(
            np.ma.masked_invalid(quantity.reshape(X.shape)),
            origin="lower",
            extent=extent,
            aspect="auto",
            interpolation="nearest",
            cmap=cmap,
        )
        label = color_label or getattr(color_by, "describe", lambda: str(color_by))()
        ax.figure.colorbar(image, ax=ax, label=label)
        for r in present:
            handles.append(
                Patch(facecolor="none", edgecolor="none", label=f"{r.index + 1}: {r.label}")
            )
    for r in present:
        px, py = _region_point(index == r.index, xs, ys)
        ax.text(
            px,
            py,
            str(r.index + 1),
            ha="center",
            va="center",
            fontsize=11,
            fontweight="bold",
            bbox={"boxstyle": "circle,pad=0.25", "facecolor": "white", "edgecolor": "0.3"},
            zorder=5,
        )
    if hatch is not None:
        if not isinstance(hatch, Condition):
            raise TypeError(f"hatch must be a Condition; got {type(hatch).__name__}")
        func = cast(_Compiled, hatch.compile())  # Condition.compile builds a _Compiled
        hatch_names = [s.name for s in hatch.parameters if s.name in func.needed]
        values = _values_for(hatch_names, grid_values, R.fixed, space)
        mask = np.asarray(func(**values), dtype=float).reshape(X.shape)
        filled = ax.contourf(X, Y, mask, levels=[0.5, 1.5], colors="none", hatches=["///"])
        for artist in [filled, *getattr(filled, "collections", [])]:
            if hasattr(artist, "set_edgecolor"):
                artist.set_edgecolor("0.15")
                artist.set_linewidth(0)
        text = hatch_label or hatch.description or "hatched"
        handles.append(
            Patch(facecolor="none", edgecolor="0.15", hatch="///", label=f"{text}: {hatch}")
        )
    curves = boundary_curves(R, x, y, xlim=(x0, x1), ylim=(y0, y1))
    for k, curve in enumerate(curves):
        colour = _CURVE_COLOURS[k % len(_CURVE_COLOURS)]
        style = _CURVE_STYLES[k % len(_CURVE_STYLES)]
        for j, (cx, cy) in enumerate(curve["boundary"]):
            ax.plot(
                cx,
                cy,
                color=colour,
                linestyle=style,
                linewidth=2.2,
                label=curve["label"] if j == 0 else "_" + curve["label"],
                zorder=4,
            )
        if extend_curves:
            for cx, cy in curve["extension"]:
                ax.plot(
                    cx,
                    cy,
                    color=colour,
                    linestyle=(0, (2, 3)),
                    linewidth=0.9,
                    label="_extension: " + curve["label"],
                    zorder=3,
                )
    if show_default and space is not None and x in space and y in space:
        dx, dy = space[x].default, space[y].default
        if dx is not None and dy is not None:
            ax.plot(
                [float(dx)],
                [float(dy)],
                marker="*",
                markersize=15,
                markerfacecolor="white",
                markeredgecolor="black",
                linestyle="none",
                label=f"default ({x} = {dx}, {y} = {dy})",
                zorder=6,
            )
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_xlabel(_axis_label(space, x))
    ax.set_ylabel(_axis_label(space, y))
    heading = title if title is not None else (model_title or "Regime map")
    note = _fixed_text(R.fixed, space)
    ax.set_title(f"{heading}\n{note}" if note and title is None else heading, fontsize=11)
    line_handles = [h for h in ax.get_lines() if not h.get_label().startswith("_")]
    ax.legend(
        handles=handles + line_handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
        ncol=2,
        fontsize=9,
        frameon=False,
    )
    return ax


def _plan_names(plan: _Plan, R: Regions) -> list[str]:
    if plan.kind == "condition":
        return [s.name for s in plan.spec.parameters if s.name in plan.spec.compile().needed]
    if plan.kind == "threshold":
        return list(plan.spec.compile().needed)
    if plan.kind == "expr":
        return [s.name for s in plan.spec.symbols]
    if plan.kind == "equilibrium":
        return [s.name for s in R.parameters]
    return [s.name for s in R.parameters]


# ---------------------------------------------------------------------------
# threshold_curve
# ---------------------------------------------------------------------------

_LOWER = (">", ">=")
_UPPER = ("<", "<=")


def _piece_arrays(
    t: Threshold | Condition | None,
    x: sympy.Symbol,
    xs: np.ndarray,
    values: Mapping[sympy.Symbol, Any],
    ylim: tuple[float, float],
) -> tuple[np.ndarray, np.ndarray, list[tuple[str, np.ndarray]]]:
    """Lower and upper ends of where the condition holds, per x (NaN: nowhere)."""
    n = len(xs)
    low = np.full(n, np.nan)
    high = np.full(n, np.nan)
    curves: list[tuple[str, np.ndarray]] = []

    def evaluate(expr: Any) -> np.ndarray:
        expr = to_sympy(expr).xreplace(dict(values))
        free = expr.free_symbols - {x}
        if free:
            raise SymbolicGameError(
                f"no value for {sorted(s.name for s in free)}: pass fixed={{...}} or a space "
                "with defaults"
            )
        out = sympy.lambdify(x, expr, "numpy")(xs)
        return np.broadcast_to(np.asarray(out, dtype=float), xs.shape).copy()

    if t is None:
        return low, high, curves
    if isinstance(t, Condition):
        holds = evaluate(sympy.Piecewise((1, t.expr), (0, True))) > 0.5
        low[holds], high[holds] = ylim
        return low, high, curves
    valid = (
        np.ones(n, dtype=bool)
        if t.validity.is_true
        else evaluate(sympy.Piecewise((1, t.validity.expr), (0, True))) > 0.5
    )
    lo = np.full(n, ylim[0])
    hi = np.full(n, ylim[1])
    for rel, bound in ((t.relation, t.bound), *t.also):
        values_b = np.where(valid, evaluate(bound) if valid.any() else np.nan, np.nan)
        curves.append((f"{t.parameter} {rel} {sympy.sstr(bound)}", values_b))
        if rel in _LOWER:
            lo = np.maximum(lo, values_b)
        elif rel in _UPPER:
            hi = np.minimum(hi, values_b)
        else:
            lo = np.maximum(lo, values_b)
            hi = np.minimum(hi, values_b)
    if t.rest is not None:
        ok = evaluate(sympy.Piecewise((1, t.rest.expr), (0, True))) > 0.5
        lo = np.where(ok, lo, np.nan)
        hi = np.where(ok, hi, np.nan)
    low[valid], high[valid] = lo[valid], hi[valid]
    if t.otherwise is not None and not valid.all():
        o_low, o_high, o_curves = _piece_arrays(t.otherwise, x, xs, values, ylim)
        low[~valid], high[~valid] = o_low[~valid], o_high[~valid]
        curves += o_curves
    return low, high, curves


def threshold_curve(
    threshold: Threshold,
    x: str,
    *,
    space: Any = None,
    fixed: Mapping[str, Any] | None = None,
    xlim: tuple[float, float] | None = None,
    ylim: tuple[float, float] | None = None,
    labels: tuple[str, str] | None = None,
    resolution: int = 400,
    title: str | None = None,
    ax: Any = None,
) -> Any:
    """Plot a threshold as a function of another parameter, both sides shaded.

    The threshold's parameter is on the vertical axis, ``x`` on the
    horizontal one; the bound is drawn as a curve, the side where the
    condition holds and the side where it fails are shaded and named in
    the legend.

    Parameters
    ----------
    threshold : Threshold
        From :func:`~gametheory.analysis.conditions.threshold`.
    x : str
        A parameter of the bound.
    space : ParameterSpace, keyword-only, optional
        For units, limits and the defaults of the other parameters.
    fixed : mapping, keyword-only, optional
        Values of the other parameters of the bound.
    xlim, ylim : (float, float), keyword-only, optional
    labels : (str, str), keyword-only, optional
        Legend text of the two sides (default: the condition's description
        and its negation).
    resolution : int, keyword-only
    title : str, keyword-only, optional
    ax : matplotlib Axes, keyword-only, optional

    Returns
    -------
    matplotlib.axes.Axes
        The bound's line is labelled with the symbolic relation
        (``"c_R < l_R*p"``; the values of the other parameters are in the
        title); the shaded sides are ``PolyCollection`` artists labelled
        ``labels``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from gametheory.scenarios import tripp
    >>> from gametheory.analysis import dominance_condition, threshold
    >>> M1 = tripp.m1()
    >>> t = threshold(dominance_condition(M1.game, "Russia", "Preempt",
    ...                                   assumptions="e_R > l_R"), "c_R")
    >>> ax = threshold_curve(t, "p", space=M1.space)
    >>> ax.get_lines()[0].get_label()
    'c_R < l_R*p'
    """
    if not isinstance(threshold, Threshold):
        raise TypeError(f"expected a Threshold; got {type(threshold).__name__}")
    params = {s.name: s for s in threshold.condition.parameters}
    if x not in params:
        raise InvalidGameError(f"{x!r} is not a parameter of the threshold: {sorted(params)}")
    X = params[x]
    if threshold.parameter == X:
        raise InvalidGameError(f"{x!r} is the threshold's own parameter; pick another one")
    given = dict(fixed or {})
    values: dict[sympy.Symbol, Any] = {}
    for name, sym in params.items():
        if sym in (X, threshold.parameter):
            continue
        if name in given:
            values[sym] = to_rational(given[name])
        elif space is not None and name in space and space[name].default is not None:
            values[sym] = space[name].default
    x0, x1 = _limits(space, x, xlim)
    yname = threshold.parameter.name
    xs = np.linspace(x0, x1, resolution)
    ax = _new_axes(ax)
    guess = ylim
    if guess is None:
        try:
            guess = _limits(space, yname, None)
        except InvalidGameError:
            guess = None
    y_span = guess or (0.0, 1.0)
    low, high, curves = _piece_arrays(threshold, X, xs, values, y_span)
    if guess is None:
        finite = np.concatenate([c[np.isfinite(c)] for _, c in curves] or [np.zeros(1)])
        pad = 0.1 * (float(finite.max() - finite.min()) or 1.0)
        y_span = (float(finite.min()) - pad, float(finite.max()) + pad)
        low, high, curves = _piece_arrays(threshold, X, xs, values, y_span)
    y0, y1 = y_span
    desc = threshold.condition.description
    holds_label, fails_label = labels or (
        f"holds: {desc}" if desc else f"holds: {threshold}",
        f"fails: not ({desc})" if desc else "fails",
    )
    ok = np.isfinite(low) & np.isfinite(high) & (low < high)
    lo = np.clip(np.where(ok, low, y0), y0, y1)
    hi = np.clip(np.where(ok, high, y0), y0, y1)
    ax.fill_between(xs, lo, hi, where=ok, color="#9ecae1", alpha=0.8, label=holds_label, lw=0)
    ax.fill_between(xs, y0, lo, color="#fdd0a2", alpha=0.8, label=fails_label, lw=0)
    ax.fill_between(xs, hi, y1, where=ok, color="#fdd0a2", alpha=0.8, lw=0)
    ax.fill_between(xs, y0, y1, where=~ok, color="#fdd0a2", alpha=0.8, lw=0)
    for k, (text, ys) in enumerate(curves):
        ax.plot(
            xs,
            ys,
            color=_CURVE_COLOURS[k % len(_CURVE_COLOURS)],
            linewidth=2,
            label=text.replace(str(threshold.parameter), yname, 1),
        )
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_xlabel(_axis_label(space, x))
    ax.set_ylabel(_axis_label(space, yname))
    fixed_names = {s.name: v for s, v in values.items()}
    note = _fixed_text(fixed_names, space) if fixed_names else ""
    heading = title if title is not None else f"Threshold: {threshold}"
    ax.set_title(f"{heading}\n{note}" if note and title is None else heading, fontsize=11)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=9, frameon=False)
    return ax


# ---------------------------------------------------------------------------
# equilibrium_path
# ---------------------------------------------------------------------------


def bifurcations(target: Regions) -> list[tuple[sympy.Expr, str]]:
    """Exact parameter values where the equilibrium set changes, for regions in one parameter.

    Returns
    -------
    list of (sympy number, str)
        Each value with the boundary's label, sorted.

    Examples
    --------
    >>> from gametheory.scenarios import tripp
    >>> R = regions(tripp.m1().game, ["c_R"])
    >>> bifurcations(R)
    [(1/10, 'boundary: c_R = 1/10'), (1/2, 'boundary: c_R = 1/2')]
    """
    if len(target.parameters) != 1:
        raise InvalidGameError("bifurcations need regions in one parameter")
    (X,) = target.parameters
    found: dict[Any, str] = {}
    for b in target.boundaries:
        for eq in b.condition.expr.atoms(sympy.Equality):
            for root in sympy.solve(sympy.expand(eq.lhs - eq.rhs), X):
                if root.is_real and root not in found and b.contains(**{X.name: root}):
                    found[root] = b.label
    return sorted(found.items(), key=lambda item: float(item[0]))


def equilibrium_path(
    target: Any,
    parameter: str,
    *,
    fixed: Mapping[str, Any] | None = None,
    xlim: tuple[float, float] | None = None,
    resolution: int = 400,
    payoffs: bool = True,
    assumptions: Any = None,
    title: str | None = None,
    axes: Sequence[Any] | None = None,
) -> Any:
    """Equilibrium probabilities (and payoffs) against one parameter, bifurcations marked.

    Every candidate equilibrium of :func:`~gametheory.analysis.conditions.equilibrium_conditions`
    (pure profiles, and the mixed equilibrium of each support pair from
    its closed form) is drawn where its validity condition holds; for each
    player the probability of each strategy but the first (for two
    strategies: the second, as ``scenario_spec.md`` reports them). The
    points where equilibria appear or vanish (the region boundaries) are
    computed exactly and drawn as vertical lines.

    Parameters
    ----------
    target : NormalFormGame or scenario model
        A symbolic 2-player game (or an object with a ``.game``).
    parameter : str
        The parameter on the horizontal axis.
    fixed : mapping, keyword-only, optional
        Values of the other parameters (default: their defaults).
    xlim : (float, float), keyword-only, optional
    resolution : int, keyword-only
    payoffs : bool, keyword-only
        Add a second panel with the equilibrium payoffs.
    assumptions : keyword-only
        Passed to :func:`~gametheory.analysis.conditions.regions`.
    title : str, keyword-only, optional
    axes : sequence of Axes, keyword-only, optional
        One (or two, with ``payoffs``) Axes to draw on.

    Returns
    -------
    matplotlib.figure.Figure
        Its first Axes has the probabilities, the second (if ``payoffs``)
        the payoffs. Bifurcations are vertical lines labelled
        ``"bifurcation: c_R = 1/10"``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from gametheory.scenarios import tripp
    >>> fig = equilibrium_path(tripp.m1(), "c_R", resolution=50)
    >>> [l.get_label() for l in fig.axes[0].get_lines() if l.get_label().startswith("bif")]
    ['bifurcation: c_R = 1/10', 'bifurcation: c_R = 1/2']
    """
    game, model_title = _game_of(target)
    if game.n_players != 2:
        raise MethodNotApplicableError("equilibrium_path draws 2-player games")
    R = regions(game, [parameter], fixed=fixed, assumptions=assumptions)
    space = getattr(R.game, "space", None)
    x0, x1 = _limits(space, parameter, xlim)
    xs = np.linspace(x0, x1, resolution)
    (X,) = R.parameters
    sub = R.game
    plt = _pyplot()
    n_panels = 2 if payoffs else 1
    if axes is None:
        fig, made = plt.subplots(
            n_panels, 1, figsize=(7.5, 3.6 * n_panels + 2.5), sharex=True, layout="constrained"
        )
        axs = list(np.atleast_1d(made))
    else:
        axs = list(axes)
        if len(axs) != n_panels:
            raise InvalidGameError(f"expected {n_panels} Axes; got {len(axs)}")
        fig = axs[0].figure
    # .equilibria is (*pure, *mixed) without the pure ones that are never equilibria
    candidates = [e for e in R.conditions.equilibria if not e.condition.is_false]
    styles = itertools.cycle(_CURVE_STYLES)
    for k, eq in enumerate(candidates):
        colour = _CURVE_COLOURS[k % len(_CURVE_COLOURS)]
        holds = eq.condition.compile()
        names = [s.name for s in eq.condition.parameters]
        mask = np.asarray(holds(**{n: xs for n in names if n == X.name}), dtype=bool)
        mask = np.broadcast_to(mask, xs.shape)
        if not mask.any():
            continue
        for i, player in enumerate(sub.players):
            strategies = sub.strategies[i]
            for j in range(1, len(strategies)):
                if isinstance(eq, PureEquilibriumCondition):  # i.e. eq.is_pure
                    expr = sympy.Integer(int(eq.profile[i] == strategies[j]))
                else:
                    expr = to_sympy(eq.probabilities[i][j])
                values = _evaluate_path(expr, X, xs)
                axs[0].plot(
                    xs,
                    np.where(mask, values, np.nan),
                    color=colour,
                    linestyle=next(styles),
                    linewidth=2,
                    label=f"{eq.label}: P[{player} plays {strategies[j]}]",
                )
        if payoffs:
            for i, player in enumerate(sub.players):
                values = _evaluate_path(to_sympy(eq.payoffs[i]), X, xs)
                axs[1].plot(
                    xs,
                    np.where(mask, values, np.nan),
                    color=colour,
                    linestyle=_CURVE_STYLES[i % len(_CURVE_STYLES)],
                    linewidth=2,
                    label=f"{eq.label}: {player}'s payoff",
                )
    for value, _ in bifurcations(R):
        if not x0 <= float(value) <= x1:
            continue
        for j, a in enumerate(axs):
            a.axvline(
                float(value),
                color="0.35",
                linestyle=":",
                linewidth=1.2,
                label=f"bifurcation: {parameter} = {value}" if j == 0 else "_bifurcation",
            )
        axs[0].annotate(
            f"{parameter} = {value}",
            xy=(float(value), 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(2, -2),
            textcoords="offset points",
            ha="left",
            va="top",
            fontsize=8,
            rotation=90,
        )
    axs[0].set_ylim(-0.05, 1.05)
    axs[0].set_ylabel("equilibrium probability")
    axs[-1].set_xlabel(_axis_label(space, parameter))
    axs[-1].set_xlim(x0, x1)
    if payoffs:
        axs[1].set_ylabel("equilibrium payoff")
    heading = title if title is not None else (model_title or "Equilibrium path")
    note = _fixed_text(R.fixed, space)
    axs[0].set_title(f"{heading}\n{note}" if note and title is None else heading, fontsize=11)
    handles = [h for a in axs for h in a.get_lines() if not h.get_label().startswith("_")]
    fig.legend(handles=handles, loc="outside lower center", ncol=1, fontsize=8, frameon=False)
    return fig


def _evaluate_path(expr: sympy.Expr, X: sympy.Symbol, xs: np.ndarray) -> np.ndarray:
    free = expr.free_symbols - {X}
    if free:
        raise SymbolicGameError(f"no value for {sorted(s.name for s in free)}")
    with np.errstate(all="ignore"):
        out = sympy.lambdify(X, expr, "numpy")(xs)
    return np.broadcast_to(np.asarray(out, dtype=float), xs.shape)


# ---------------------------------------------------------------------------
# best_response_plot
# ---------------------------------------------------------------------------


def _correspondence(d0: Any, d1: Any) -> list[tuple[Any, Any]]:
    """The best-response graph of a player whose gain from its 2nd strategy is linear in t.

    ``d0``, ``d1``: the gain at ``t = 0`` and ``t = 1`` (exact for exact
    games). Returns the polyline ``(t, s)``, ``s`` the best probability of
    the 2nd strategy: 1 where the gain is positive, 0 where negative, all of
    [0, 1] (a vertical segment) where it is zero; the whole square's outline
    if the gain is identically zero.
    """
    if d0 == 0 and d1 == 0:
        return [(0, 0), (0, 1), (1, 1), (1, 0), (0, 0)]

    def best(t: Any) -> int:
        return 1 if d0 + (d1 - d0) * t > 0 else 0

    root = d0 / (d0 - d1) if d0 != d1 else None
    if root is None or not 0 <= root <= 1:
        a = best(Fraction(1, 2))
        return [(0, a), (1, a)]
    if root == 0:
        b = best(1)
        return [(0, 1 - b), (0, b), (1, b)]
    if root == 1:
        a = best(0)
        return [(0, a), (1, a), (1, 1 - a)]
    a, b = best(0), best(1)
    return [(0, a), (root, a), (root, b), (1, b)]


def best_response_plot(game: Any, *, title: str | None = None, ax: Any = None) -> Any:
    """The best-response correspondences of a 2x2 game, equilibria marked.

    The horizontal axis is the probability that the row player plays its
    second strategy, the vertical axis that the column player plays its
    second strategy. Each player's best response to the other's mixture is
    drawn as a polyline (vertical or horizontal segments where the player
    is indifferent); the Nash equilibria are where they cross. Equilibria
    come from the exact solver (``enummixed``, verified); a continuum of
    equilibria (a component) is drawn as the segment or rectangle it
    spans.

    Parameters
    ----------
    game : NormalFormGame
        A numeric 2x2 game (substitute the parameters of a symbolic game
        with ``game.at(...)`` first).
    title : str, keyword-only, optional
    ax : matplotlib Axes, keyword-only, optional

    Returns
    -------
    matplotlib.axes.Axes
        Lines labelled ``"best response of <player>"`` and ``"Nash
        equilibria"`` (markers at the extreme equilibria).

    Raises
    ------
    SymbolicGameError
        A symbolic game.
    MethodNotApplicableError
        Not a 2x2 game.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from gametheory.scenarios import tripp
    >>> ax = best_response_plot(tripp.m1().at())
    >>> eq = [l for l in ax.get_lines() if l.get_label() == "Nash equilibria"][0]
    >>> eq.get_xdata().tolist(), eq.get_ydata().tolist()  # (sigma_star, tau_star)
    ([0.8], [0.5])
    """
    from ..games.normal import NormalFormGame
    from ..solvers import solve

    if not isinstance(game, NormalFormGame):
        game, _ = _game_of(game)
    if game.is_symbolic:
        raise SymbolicGameError(
            "best_response_plot needs numbers: substitute the parameters with game.at(...)"
        )
    if game.shape != (2, 2):
        raise MethodNotApplicableError(f"best_response_plot draws 2x2 games; got {game.shape}")
    A, B = game.payoff_array(0), game.payoff_array(1)
    exact = game.is_exact

    def num(v: Any) -> Any:
        return Fraction(v) if exact else float(v)

    # row's gain from its 2nd strategy as a function of y = P[col plays 2nd]
    row = _correspondence(num(A[1, 0] - A[0, 0]), num(A[1, 1] - A[0, 1]))  # (y, x)
    col = _correspondence(num(B[0, 1] - B[0, 0]), num(B[1, 1] - B[1, 0]))  # (x, y)
    ax = _new_axes(ax)
    p_row, p_col = game.players
    s_row, s_col = game.strategies[0][1], game.strategies[1][1]
    ax.plot(
        [float(x) for _, x in row],
        [float(y) for y, _ in row],
        color=_CURVE_COLOURS[1],
        linewidth=2.5,
        label=f"best response of {p_row}",
    )
    ax.plot(
        [float(x) for x, _ in col],
        [float(y) for _, y in col],
        color=_CURVE_COLOURS[2],
        linewidth=2.5,
        linestyle="--",
        label=f"best response of {p_col}",
    )
    solution = solve(game, "enummixed")
    points = [
        (float(eq.profile[p_row][s_row]), float(eq.profile[p_col][s_col]))
        for eq in solution.equilibria
    ]
    for comp in solution.components:
        hull = _hull([points[i] for i in comp])
        ax.fill(
            [p[0] for p in hull],
            [p[1] for p in hull],
            facecolor="none",
            edgecolor="black",
            linewidth=4,
            alpha=0.5,
            label="continuum of equilibria",
        )
    ax.plot(
        [p[0] for p in points],
        [p[1] for p in points],
        marker="o",
        markersize=10,
        markerfacecolor="white",
        markeredgecolor="black",
        markeredgewidth=2,
        linestyle="none",
        label="Nash equilibria",
        zorder=5,
    )
    ax.set_xlim(-0.03, 1.03)
    ax.set_ylim(-0.03, 1.03)
    ax.set_aspect("equal")
    ax.set_xlabel(f"P[{p_row} plays {s_row}]")
    ax.set_ylabel(f"P[{p_col} plays {s_col}]")
    ax.set_title(title if title is not None else (game.title or "Best responses"), fontsize=11)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=9, frameon=False)
    return ax


def _hull(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """Convex hull (monotone chain), closed; a segment for collinear points."""
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts

    def cross(o: tuple, a: tuple, b: tuple) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[tuple[float, float]] = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1] + [lower[0]]
