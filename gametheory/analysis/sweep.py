"""Grids and samples over a parameter space, evaluated fast and in chunks.

A *design* is a set of parameter points: a uniform grid (:func:`grid`) or a
sample (:func:`sample`: independent uniform draws, a Latin hypercube or a
scrambled Sobol' sequence, on a box or through the parameters' priors).
Parameters that are not swept are *fixed*, to given values or to their
defaults. :func:`sweep` evaluates a design with expressions compiled once
(the regime of :func:`~gametheory.analysis.conditions.regions`, conditions,
thresholds, equilibrium probabilities and payoffs): a million points cost a
handful of numpy operations per chunk. :func:`sweep_solve` is the path for
games without closed forms: it solves the numeric game at every point with
an exact or numeric solver. Both split the points into chunks that run
serially or on any :class:`concurrent.futures.Executor` (threads, processes)
or a Dask distributed ``Client``, and both return a :class:`SweepResult`: a
tidy table (numpy structured array, or pandas with :meth:`~SweepResult.to_pandas`)
with one row per point.

Definitions
-----------
Grid
    The Cartesian product of one axis per swept parameter, in ``"ij"``
    order (the first parameter varies slowest). An axis is explicit values
    or a number ``n`` of evenly spaced points over the parameter's range
    (its bounds, or ``ranges``): ``n`` points from the lower to the upper
    end, where an *open* end is left out and the spacing is kept even
    (``(lower, upper]`` gives ``lower + k*(upper - lower)/n``,
    ``k = 1..n``). Grid values are exact rationals; the table holds them as
    floats.
Sample
    ``n`` points of the unit cube ``[0, 1)^d`` mapped to the parameters,
    each coordinate by its own increasing map: ``lower + u*(upper - lower)``
    (``distribution="uniform"``, on the bounds or ``ranges``) or the
    quantile function of the parameter's prior (``distribution="prior"``;
    the coordinates are independent). The unit-cube points are independent
    uniform draws (``method="random"``), a Latin hypercube
    (``"lhs"``: each coordinate hits each of ``n`` equal strata once [1]_)
    or a scrambled Sobol' sequence (``"sobol"``, ``n`` a power of 2 [2]_).
Determinism
    Everything random comes from one ``rng`` argument (an int seed, a
    :class:`numpy.random.SeedSequence` or a :class:`numpy.random.Generator`;
    never the global numpy state). Independent draws are made in blocks of
    ``2**14`` points, block ``b`` from child ``b`` of the seed sequence
    (:meth:`numpy.random.SeedSequence.spawn`), so a chunk of points is the
    same whichever worker computes it and in whatever order. Evaluation
    chunks are numbered too; a solver that takes an ``rng`` gets one
    seeded by its chunk's number. Results are identical serially, with
    threads, processes or Dask.

References
----------
.. [1] M. D. McKay, R. J. Beckman and W. J. Conover, "A comparison of three
   methods for selecting values of input variables in the analysis of
   output from a computer code", Technometrics 21(2) (1979) 239-245.
.. [2] I. M. Sobol', "On the distribution of points in a cube and the
   approximate evaluation of integrals", USSR Computational Mathematics and
   Mathematical Physics 7(4) (1967) 86-112; A. B. Owen, "Scrambling Sobol'
   and Niederreiter-Xing points", Journal of Complexity 14 (1998) 466-489.

Examples
--------
The corridor game M1 of the TRIPP scenario (``scenario_spec.md`` section 4):
the regime at every point of a grid in the plane (``p``, ``c_R``).

>>> from gametheory.scenarios import tripp
>>> from gametheory.analysis import regions
>>> from gametheory.analysis.sweep import Probability, grid, sweep
>>> M1 = tripp.m1()
>>> R = regions(M1.game, ["p", "c_R"])
>>> design = grid(M1.space, {"p": 5, "c_R": 5})
>>> result = sweep(R, design, outputs={"P_war": Probability("Russia", "Preempt")})
>>> result.table.dtype.names
('p', 'c_R', 'regime', 'P_war')
>>> result.label_at(p=0.5, c_R=0.25)
'unique mixed'
>>> float(result.value("P_war", p=0.5, c_R=0.25))  # sigma_star = m_T/(p*m_T + h_T)
0.8
"""

from __future__ import annotations

import concurrent.futures
import inspect
import math
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, TypeAlias

import numpy as np
import sympy
from sympy.logic.boolalg import Boolean

from .._numbers import to_sympy
from ..errors import (
    InvalidGameError,
    MethodNotApplicableError,
    SymbolicGameError,
    UnknownLabelError,
    UnknownParameterError,
)
from ..parameters import Parameter, ParameterSpace, _check_support, to_rational
from .conditions import Condition, Regions, Threshold, _Compiled

__all__ = [
    "BLOCK_SIZE",
    "Design",
    "Payoff",
    "Probability",
    "RngLike",
    "SweepResult",
    "grid",
    "sample",
    "seed_sequence",
    "solution_label",
    "sweep",
    "sweep_solve",
]

RngLike: TypeAlias = int | np.random.SeedSequence | np.random.Generator | None
"""What an ``rng`` argument accepts (see :func:`seed_sequence`)."""

BLOCK_SIZE = 2**14
"""Independent draws are made in blocks of this many points, one seed per block."""

_DEFAULT_CHUNK = 2**17
_DEFAULT_SOLVE_CHUNK = 64
_METHODS = ("random", "lhs", "sobol")
_DISTRIBUTIONS = ("uniform", "prior")
_REDUCTIONS = ("unique", "min", "max", "mean")


# ---------------------------------------------------------------------------
# Seeds
# ---------------------------------------------------------------------------


def seed_sequence(rng: RngLike) -> np.random.SeedSequence:
    """The :class:`numpy.random.SeedSequence` behind an ``rng`` argument.

    Parameters
    ----------
    rng : int, SeedSequence, Generator or None
        An int seeds a new sequence; a Generator gives a sequence seeded by
        128 bits drawn from it (so the same Generator state gives the same
        sequence); None takes fresh entropy from the operating system.

    Returns
    -------
    numpy.random.SeedSequence

    Raises
    ------
    TypeError
        For anything else (the legacy ``RandomState`` included).

    Examples
    --------
    >>> seed_sequence(7).entropy
    7
    >>> import numpy as np
    >>> a = seed_sequence(np.random.default_rng(1)).generate_state(1)
    >>> b = seed_sequence(np.random.default_rng(1)).generate_state(1)
    >>> bool(a[0] == b[0])
    True
    """
    if isinstance(rng, np.random.SeedSequence):
        return rng
    if isinstance(rng, np.random.Generator):
        return np.random.SeedSequence([int(x) for x in rng.integers(0, 2**32, size=4)])
    if rng is None:
        return np.random.SeedSequence()
    if isinstance(rng, int | np.integer) and not isinstance(rng, bool):
        if rng < 0:
            raise ValueError(f"rng: a seed must be nonnegative; got {rng}")
        return np.random.SeedSequence(int(rng))
    raise TypeError(
        f"rng must be an int, a numpy SeedSequence or Generator, or None; got {type(rng).__name__}"
    )


def _child(seq: np.random.SeedSequence, index: int) -> np.random.SeedSequence:
    """Child ``index`` of ``seq``, as ``seq.spawn`` numbers them, without mutating ``seq``."""
    return np.random.SeedSequence(
        entropy=seq.entropy, spawn_key=(*seq.spawn_key, index), pool_size=seq.pool_size
    )


def _rng_keyword(func: Callable[..., Any], seed: Any) -> dict[str, Any]:
    """``{"rng": seed}`` for scipy >= 1.15, else the older keyword ``seed``/``random_state``."""
    params = inspect.signature(func).parameters
    for name in ("rng", "seed", "random_state"):
        if name in params:
            return {name: seed}
    return {}  # pragma: no cover


# ---------------------------------------------------------------------------
# Designs
# ---------------------------------------------------------------------------


def _rational(value: Any, what: str) -> sympy.Rational:
    try:
        return to_rational(value)
    except (TypeError, ValueError) as exc:
        raise InvalidGameError(f"{what}: {exc}") from None


def _check_in_bounds(parameter: Parameter, value: sympy.Rational, what: str) -> None:
    reason = parameter._violation(value)
    if reason is not None:
        raise InvalidGameError(
            f"{what}: parameter {parameter.name!r} = {value} is outside its declared bounds "
            f"{parameter._interval_text()} ({reason})"
        )


def _range_of(
    space: ParameterSpace, name: str, ranges: Mapping[str, Any] | None
) -> tuple[sympy.Rational, sympy.Rational, bool, bool]:
    """``(low, high, low_open, high_open)``: the bounds, or ``ranges[name]`` within them."""
    parameter = space[name]
    if ranges is not None and name in ranges:
        pair = ranges[name]
        if not isinstance(pair, Sequence) or isinstance(pair, str) or len(pair) != 2:
            raise InvalidGameError(f"ranges[{name!r}] must be a pair (low, high); got {pair!r}")
        low = _rational(pair[0], f"ranges[{name!r}]")
        high = _rational(pair[1], f"ranges[{name!r}]")
        if not low < high:
            raise InvalidGameError(f"ranges[{name!r}] = ({low}, {high}) is empty")
        low_open = parameter.lower_open and parameter.lower == low
        high_open = parameter.upper_open and parameter.upper == high
        for value, is_open in ((low, low_open), (high, high_open)):
            if not is_open:
                _check_in_bounds(parameter, value, f"ranges[{name!r}]")
        if parameter.lower is not None and low < parameter.lower:
            _check_in_bounds(parameter, low, f"ranges[{name!r}]")
        if parameter.upper is not None and high > parameter.upper:
            _check_in_bounds(parameter, high, f"ranges[{name!r}]")
        return low, high, low_open, high_open
    if parameter.lower is None or parameter.upper is None:
        raise InvalidGameError(
            f"parameter {name!r} is unbounded ({parameter._interval_text()}); give its range "
            f"with ranges={{{name!r}: (low, high)}}"
        )
    if parameter.lower == parameter.upper:
        raise InvalidGameError(f"parameter {name!r} has a single value; fix it instead")
    return parameter.lower, parameter.upper, parameter.lower_open, parameter.upper_open


def _fixed_values(
    space: ParameterSpace, swept: Sequence[str], fixed: Mapping[str, Any] | None
) -> dict[str, sympy.Rational]:
    given = dict(fixed or {})
    for name in given:
        space[name]  # UnknownParameterError for undeclared names
        if name in swept:
            raise InvalidGameError(f"parameter {name!r} is both swept and fixed")
    checked = space.validate_values(given)
    out: dict[str, sympy.Rational] = {}
    for name, parameter in space.items():
        if name in swept:
            continue
        if name in checked:
            out[name] = checked[name]
        elif parameter.default is not None:
            out[name] = parameter.default
    return out


def _check_names(space: ParameterSpace, names: Sequence[str], what: str) -> tuple[str, ...]:
    if isinstance(names, str):
        names = [names]
    out: list[str] = []
    for name in names:
        if not isinstance(name, str):
            raise TypeError(f"{what}: parameter names must be strings; got {name!r}")
        space[name]  # UnknownParameterError
        if name in out:
            raise InvalidGameError(f"{what}: parameter {name!r} is given twice")
        out.append(name)
    if not out:
        raise InvalidGameError(f"{what}: no parameter to sweep")
    return tuple(out)


def _axis(space: ParameterSpace, name: str, spec: Any, ranges: Mapping[str, Any] | None) -> tuple:
    parameter = space[name]
    if isinstance(spec, int | np.integer) and not isinstance(spec, bool):
        n = int(spec)
        if n < 2:
            raise InvalidGameError(
                f"grid axis {name!r}: needs at least 2 points; got {n} (give explicit values "
                "for a single one)"
            )
        ends = _range_of(space, name, ranges)
        low, high = (Fraction(int(v.p), int(v.q)) for v in ends[:2])
        step = (high - low) / (n - 1 + int(ends[2]) + int(ends[3]))
        first = low + step if ends[2] else low
        return tuple(first + k * step for k in range(n))
    if ranges is not None and name in ranges:
        raise InvalidGameError(f"grid axis {name!r}: give either explicit values or a range")
    raw = np.asarray(spec, dtype=object).ravel() if not isinstance(spec, str) else None
    if raw is None or raw.size == 0:
        raise InvalidGameError(
            f"grid axis {name!r}: expected a number of points or a sequence of values; got {spec!r}"
        )
    values = tuple(_rational(v, f"grid axis {name!r}") for v in raw)
    for v in values:
        _check_in_bounds(parameter, v, "grid")
    return tuple(Fraction(int(v.p), int(v.q)) for v in values)


@dataclass(frozen=True, eq=False)
class Design:
    """A set of parameter points: a grid or a sample (see the module docstring).

    Build designs with :func:`grid` and :func:`sample`. A design computes the
    points of any range of indices on demand (:meth:`values`), so a chunk
    of a large design can be produced by the worker that evaluates it.

    Attributes
    ----------
    space : ParameterSpace
    parameters : tuple of str
        The swept parameters (the columns), in order.
    fixed : dict
        Exact values of the other parameters: those given, else the
        defaults (parameters with neither are absent).
    shape : tuple of int
        The grid's shape (one axis per swept parameter), or ``(n,)`` for a
        sample.
    kind : str
        ``"grid"``, ``"random"``, ``"lhs"`` or ``"sobol"``.
    distribution : str
        ``"grid"``, ``"uniform"`` or ``"prior"``.
    ranges : dict
        For grids and uniform samples, each swept parameter's range
        ``(low, high)`` as exact rationals.
    """

    space: ParameterSpace
    parameters: tuple[str, ...]
    fixed: dict[str, sympy.Rational]
    shape: tuple[int, ...]
    kind: str
    distribution: str
    ranges: dict[str, tuple[sympy.Rational, sympy.Rational]] = field(default_factory=dict)
    _axes: tuple[tuple[Fraction, ...], ...] = field(default=(), repr=False)
    _points: np.ndarray | None = field(default=None, repr=False)
    _seed: np.random.SeedSequence | None = field(default=None, repr=False)
    _maps: tuple[Any, ...] = field(default=(), repr=False)
    _cache: dict = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return math.prod(self.shape)

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_cache"] = {}
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    def __repr__(self) -> str:
        what = "x".join(str(s) for s in self.shape)
        return (
            f"<Design {self.kind} ({self.distribution}) {what} over {list(self.parameters)}, "
            f"{len(self.fixed)} fixed>"
        )

    @property
    def axes(self) -> dict[str, np.ndarray]:
        """For a grid, each parameter's axis values (float); raises for samples."""
        if self.kind != "grid":
            raise InvalidGameError(f"a {self.kind} sample has no axes; use .values()")
        return {
            name: np.array([float(v) for v in axis])
            for name, axis in zip(self.parameters, self._axes, strict=True)
        }

    @property
    def exact_axes(self) -> dict[str, tuple[Fraction, ...]]:
        """For a grid, each parameter's axis values as exact Fractions."""
        if self.kind != "grid":
            raise InvalidGameError(f"a {self.kind} sample has no axes; use .values()")
        return dict(zip(self.parameters, self._axes, strict=True))

    def _float_axes(self) -> tuple[np.ndarray, ...]:
        cached = self._cache.get("float_axes")
        if cached is None:
            cached = tuple(np.array([float(v) for v in axis]) for axis in self._axes)
            self._cache["float_axes"] = cached
        return cached

    def _block(self, b: int) -> np.ndarray:
        """Unit-cube points of block ``b`` of an independent sample (cached: last block)."""
        cached = self._cache.get("block")
        if cached is not None and cached[0] == b:
            return cached[1]
        assert self._seed is not None
        size = min(BLOCK_SIZE, len(self) - b * BLOCK_SIZE)
        gen = np.random.default_rng(_child(self._seed, b))
        u = gen.random((size, len(self.parameters)))
        self._cache["block"] = (b, u)
        return u

    def _unit(self, start: int, stop: int) -> np.ndarray:
        if self._points is not None:
            return self._points[start:stop]
        rows = []
        for b in range(start // BLOCK_SIZE, (stop - 1) // BLOCK_SIZE + 1):
            u = self._block(b)
            lo = max(start - b * BLOCK_SIZE, 0)
            hi = min(stop - b * BLOCK_SIZE, len(u))
            rows.append(u[lo:hi])
        return np.concatenate(rows) if rows else np.empty((0, len(self.parameters)))

    def _span(self, start: int | None, stop: int | None) -> tuple[int, int]:
        n = len(self)
        start = 0 if start is None else int(start)
        stop = n if stop is None else int(stop)
        if not 0 <= start <= stop <= n:
            raise IndexError(f"range [{start}, {stop}) is outside the design of {n} points")
        return start, stop

    def values(self, start: int | None = None, stop: int | None = None) -> dict[str, np.ndarray]:
        """Float columns of the points with indices ``start <= i < stop``.

        Parameters
        ----------
        start, stop : int, optional
            Default: all points. Grid points are numbered in row-major
            (``"ij"``) order.

        Returns
        -------
        dict of str to numpy.ndarray
            One float64 array per swept parameter.

        Examples
        --------
        >>> from gametheory.parameters import Parameter, ParameterSpace
        >>> space = ParameterSpace([Parameter("x", 0, 1), Parameter("y", 0, 2)])
        >>> {k: v.tolist() for k, v in grid(space, {"x": 2, "y": 3}).values().items()}
        {'x': [0.0, 0.0, 0.0, 1.0, 1.0, 1.0], 'y': [0.0, 1.0, 2.0, 0.0, 1.0, 2.0]}
        """
        start, stop = self._span(start, stop)
        if self.kind == "grid":
            index = np.unravel_index(np.arange(start, stop), self.shape)
            return {
                name: axis[i]
                for name, axis, i in zip(self.parameters, self._float_axes(), index, strict=True)
            }
        u = self._unit(start, stop)
        out = {}
        for k, (name, transform) in enumerate(zip(self.parameters, self._maps, strict=True)):
            if transform[0] == "uniform":
                low, width = transform[1], transform[2]
                out[name] = low + u[:, k] * width
            else:
                out[name] = np.asarray(transform[1].ppf(u[:, k]), dtype=float)
        return out

    def exact_values(
        self, start: int | None = None, stop: int | None = None
    ) -> dict[str, np.ndarray]:
        """Like :meth:`values`, as object arrays of exact :class:`~fractions.Fraction` values.

        Examples
        --------
        >>> from gametheory.parameters import Parameter, ParameterSpace
        >>> space = ParameterSpace([Parameter("x", 0, 1)])
        >>> grid(space, {"x": 4}).exact_values(1, 3)["x"].tolist()
        [Fraction(1, 3), Fraction(2, 3)]
        """
        start, stop = self._span(start, stop)
        if self.kind == "grid":
            index = np.unravel_index(np.arange(start, stop), self.shape)
            out = {}
            for name, axis, i in zip(self.parameters, self._axes, index, strict=True):
                exact_axis = np.empty(len(axis), dtype=object)
                exact_axis[:] = axis
                out[name] = exact_axis[i]
            return out
        columns = self.values(start, stop)
        out = {}
        for name, col in columns.items():
            exact = np.empty(len(col), dtype=object)
            exact[:] = [Fraction(float(v)) for v in col]
            out[name] = exact
        return out

    def exact_points(self, start: int | None = None, stop: int | None = None) -> list[dict]:
        """The points ``start <= i < stop`` as dicts of exact Fractions (with the fixed values).

        Grid points are exact by construction; sample points are the floats
        read exactly (every float is a dyadic rational).

        Examples
        --------
        >>> from gametheory.parameters import Parameter, ParameterSpace
        >>> space = ParameterSpace([Parameter("x", 0, 1), Parameter("y", 0, 1, default="1/3")])
        >>> grid(space, {"x": 3}).exact_points(1, 2)
        [{'x': Fraction(1, 2), 'y': Fraction(1, 3)}]
        """
        start, stop = self._span(start, stop)
        fixed = {k: Fraction(int(v.p), int(v.q)) for k, v in self.fixed.items()}
        points = []
        if self.kind == "grid":
            index = np.unravel_index(np.arange(start, stop), self.shape)
            for row in zip(*index, strict=True):
                point = {
                    name: axis[int(i)]
                    for name, axis, i in zip(self.parameters, self._axes, row, strict=True)
                }
                points.append({**point, **fixed})
            return points
        columns = self.values(start, stop)
        for i in range(stop - start):
            point = {name: Fraction(float(col[i])) for name, col in columns.items()}
            points.append({**point, **fixed})
        return points

    def chunks(self, size: int) -> Iterator[tuple[int, int]]:
        """``(start, stop)`` of consecutive chunks of at most ``size`` points."""
        if size < 1:
            raise ValueError(f"chunk size must be positive; got {size}")
        n = len(self)
        for start in range(0, n, size):
            yield start, min(start + size, n)


def grid(
    space: ParameterSpace,
    axes: Mapping[str, int | Sequence[Any] | np.ndarray],
    *,
    ranges: Mapping[str, tuple[Any, Any]] | None = None,
    fixed: Mapping[str, Any] | None = None,
) -> Design:
    """A uniform grid over some parameters; the others fixed.

    Parameters
    ----------
    space : ParameterSpace
        The declared parameters (bounds, defaults).
    axes : mapping of str to int or sequence
        For each swept parameter, in order: a number of evenly spaced
        points over its range, or explicit values (read exactly: floats
        through their shortest repr, strings such as ``"1/3"``).
    ranges : mapping of str to (low, high), keyword-only, optional
        A sub-range of a parameter's bounds for a number of points (needed
        for an unbounded parameter).
    fixed : mapping, keyword-only, optional
        Values of parameters that are not swept; the others take their
        defaults.

    Returns
    -------
    Design

    Raises
    ------
    UnknownParameterError
        A name that is not declared in ``space``.
    InvalidGameError
        A value or range outside a parameter's declared bounds, an
        unbounded parameter without a range, a parameter both swept and
        fixed, an axis with fewer than 2 points.

    Examples
    --------
    >>> from gametheory.parameters import Parameter, ParameterSpace
    >>> space = ParameterSpace([Parameter("p", 0, 1, default="1/2"),
    ...     Parameter("delta", 0, 1, lower_open=True, upper_open=True, default="9/10")])
    >>> d = grid(space, {"p": 3, "delta": 4})
    >>> d.shape, [str(v) for v in d.exact_axes["delta"]]
    ((3, 4), ['1/5', '2/5', '3/5', '4/5'])
    >>> grid(space, {"p": [0, 0.5, 1.5]})
    Traceback (most recent call last):
    ...
    gametheory.errors.InvalidGameError: grid: parameter 'p' = 3/2 is outside its declared ...
    """
    if not isinstance(space, ParameterSpace):
        raise TypeError(f"space must be a ParameterSpace; got {type(space).__name__}")
    if not isinstance(axes, Mapping):
        raise TypeError(f"axes must be a mapping from names to points; got {axes!r}")
    names = _check_names(space, list(axes), "grid")
    for name in ranges or {}:
        space[name]
        if name not in names:
            raise InvalidGameError(f"ranges[{name!r}]: the parameter is not swept")
    exact_axes = tuple(_axis(space, name, axes[name], ranges) for name in names)
    fixed_values = _fixed_values(space, names, fixed)
    rng_ranges = {
        name: (
            sympy.Rational(min(a).numerator, min(a).denominator),
            sympy.Rational(max(a).numerator, max(a).denominator),
        )
        for name, a in zip(names, exact_axes, strict=True)
    }
    return Design(
        space=space,
        parameters=names,
        fixed=fixed_values,
        shape=tuple(len(a) for a in exact_axes),
        kind="grid",
        distribution="grid",
        ranges=rng_ranges,
        _axes=exact_axes,
    )


def _prior_of(space: ParameterSpace, name: str, priors: Mapping[str, Any] | None) -> Any:
    parameter = space[name]
    if priors is not None and name in priors:
        prior = priors[name]
        if isinstance(prior, Mapping):
            from ..parameters import make_prior

            try:
                return make_prior(prior, (parameter.lower, parameter.upper))
            except InvalidGameError as exc:
                raise InvalidGameError(f"priors[{name!r}]: {exc}") from None
        _check_support(f"priors[{name!r}]", prior, parameter.lower, parameter.upper)
        return prior
    if parameter.prior is None:
        raise InvalidGameError(
            f"parameter {name!r} has no prior: declare one in the parameter space or pass "
            f"priors={{{name!r}: scipy.stats distribution}}"
        )
    return parameter.prior


def sample(
    space: ParameterSpace,
    n: int,
    parameters: Sequence[str],
    *,
    method: str = "random",
    distribution: str = "uniform",
    ranges: Mapping[str, tuple[Any, Any]] | None = None,
    priors: Mapping[str, Any] | None = None,
    fixed: Mapping[str, Any] | None = None,
    rng: RngLike = None,
) -> Design:
    """A random or quasi-random sample of parameter points; the others fixed.

    Parameters
    ----------
    space : ParameterSpace
    n : int
        Number of points (a power of 2 for ``method="sobol"``).
    parameters : sequence of str
        The parameters that vary.
    method : {"random", "lhs", "sobol"}, keyword-only
        Independent uniform draws, a Latin hypercube [1]_ or a scrambled
        Sobol' sequence [2]_ (:mod:`scipy.stats.qmc`) in the unit cube.
    distribution : {"uniform", "prior"}, keyword-only
        Map the unit cube uniformly onto each parameter's range (its
        bounds, or ``ranges``), or through each parameter's prior quantile
        function (independent priors; from ``priors`` or the space).
    ranges : mapping of str to (low, high), keyword-only, optional
        Sub-ranges for ``distribution="uniform"`` (needed for unbounded
        parameters); they must lie within the bounds.
    priors : mapping, keyword-only, optional
        Priors overriding the space's: frozen scipy.stats distributions or
        :func:`~gametheory.parameters.make_prior` specifications. Their
        support must lie within the parameter's bounds.
    fixed : mapping, keyword-only, optional
        Values of the parameters that do not vary (others: defaults).
    rng : int, SeedSequence, Generator or None, keyword-only
        The only source of randomness (see :func:`seed_sequence`).

    Returns
    -------
    Design
        Independent draws are generated on demand, block by block.

    Raises
    ------
    UnknownParameterError
        An undeclared name.
    InvalidGameError
        A range outside the bounds, a prior whose support leaves the
        bounds, a parameter without a prior (``distribution="prior"``).
    ValueError
        An unknown ``method`` or ``distribution``, ``n < 1``, or ``n`` not
        a power of 2 for Sobol'.

    References
    ----------
    .. [1] M. D. McKay, R. J. Beckman and W. J. Conover, Technometrics 21(2)
       (1979) 239-245.
    .. [2] A. B. Owen, "Scrambling Sobol' and Niederreiter-Xing points",
       Journal of Complexity 14 (1998) 466-489.

    Examples
    --------
    >>> from gametheory.scenarios import tripp
    >>> space = tripp.m1().space
    >>> d = sample(space, 1000, ["p", "c_R"], method="lhs", rng=1)
    >>> x = d.values()["p"]
    >>> len(d), bool(0 <= x.min() and x.max() <= 1)
    (1000, True)
    >>> # a Latin hypercube puts exactly one point in each of the 1000 strata
    >>> len(set((x * 1000).astype(int).tolist()))
    1000
    >>> d2 = sample(space, 8, ["p"], distribution="prior", rng=1)  # p ~ Beta(2, 2)
    >>> bool(np.all(d2.values()["p"] > 0))
    True
    """
    if not isinstance(space, ParameterSpace):
        raise TypeError(f"space must be a ParameterSpace; got {type(space).__name__}")
    if method not in _METHODS:
        raise ValueError(f"method must be one of {_METHODS}; got {method!r}")
    if distribution not in _DISTRIBUTIONS:
        raise ValueError(f"distribution must be one of {_DISTRIBUTIONS}; got {distribution!r}")
    if not isinstance(n, int | np.integer) or isinstance(n, bool) or n < 1:
        raise ValueError(f"n must be a positive integer; got {n!r}")
    n = int(n)
    if method == "sobol" and n & (n - 1):
        raise ValueError(f"a Sobol' sample needs n a power of 2 (its balance); got {n}")
    names = _check_names(space, parameters, "sample")
    for name in ranges or {}:
        space[name]
        if name not in names:
            raise InvalidGameError(f"ranges[{name!r}]: the parameter is not sampled")
    for name in priors or {}:
        space[name]
        if name not in names:
            raise InvalidGameError(f"priors[{name!r}]: the parameter is not sampled")
    if distribution == "prior" and ranges:
        raise InvalidGameError("ranges apply to distribution='uniform'; priors set their own")
    if distribution == "uniform" and priors:
        raise InvalidGameError("priors apply to distribution='prior'")
    maps: list[tuple[Any, ...]] = []
    box: dict[str, tuple[sympy.Rational, sympy.Rational]] = {}
    for name in names:
        if distribution == "uniform":
            low, high, _, _ = _range_of(space, name, ranges)
            box[name] = (low, high)
            maps.append(("uniform", float(low), float(high - low)))
        else:
            maps.append(("prior", _prior_of(space, name, priors)))
    fixed_values = _fixed_values(space, names, fixed)
    seq = seed_sequence(rng)
    points = None
    if method != "random":
        from scipy.stats import qmc

        engine_cls = qmc.LatinHypercube if method == "lhs" else qmc.Sobol
        gen = np.random.default_rng(seq)
        engine = engine_cls(len(names), **_rng_keyword(engine_cls, gen))
        points = engine.random(n)
        points.setflags(write=False)
    return Design(
        space=space,
        parameters=names,
        fixed=fixed_values,
        shape=(n,),
        kind=method,
        distribution=distribution,
        ranges=box,
        _points=points,
        _seed=seq if method == "random" else None,
        _maps=tuple(maps),
    )


# ---------------------------------------------------------------------------
# Outputs
# ---------------------------------------------------------------------------


def _check_reduce(reduce: str) -> None:
    if reduce not in _REDUCTIONS:
        raise ValueError(f"reduce must be one of {_REDUCTIONS}; got {reduce!r}")


def _with_reduce(text: str, reduce: str) -> str:
    """An output's label with its reduction (``"max ..."``; none for ``"unique"``)."""
    return text if reduce == "unique" else f"{reduce} {text}"


@dataclass(frozen=True)
class Probability:
    """Output: the equilibrium probability that ``player`` plays ``strategy``.

    Parameters
    ----------
    player, strategy : str
        Labels of the game.
    reduce : {"unique", "min", "max", "mean"}
        How to combine several equilibria at a point: ``"unique"`` gives
        NaN unless the point has exactly one equilibrium; the others take
        the minimum, maximum or mean over the (extreme) equilibria. Points
        on boundaries (regime ``-1``) or with a continuum of equilibria
        give NaN.

    Examples
    --------
    >>> Probability("Russia", "Preempt").describe()
    'P[Russia plays Preempt]'
    """

    player: str
    strategy: str
    reduce: str = "unique"

    def __post_init__(self) -> None:
        _check_reduce(self.reduce)

    def describe(self) -> str:
        """A label for axes and colour bars."""
        return _with_reduce(f"P[{self.player} plays {self.strategy}]", self.reduce)


@dataclass(frozen=True)
class Payoff:
    """Output: ``player``'s equilibrium payoff (``reduce`` as for :class:`Probability`).

    Examples
    --------
    >>> Payoff("T", reduce="max").describe()
    "max T's equilibrium payoff"
    """

    player: str
    reduce: str = "unique"

    def __post_init__(self) -> None:
        _check_reduce(self.reduce)

    def describe(self) -> str:
        """A label for axes and colour bars."""
        return _with_reduce(f"{self.player}'s equilibrium payoff", self.reduce)


OutputSpec: TypeAlias = Condition | Threshold | sympy.Expr | Probability | Payoff | Callable


def _reduce(stack: list[np.ndarray], how: str, size: int) -> np.ndarray:
    if not stack:
        return np.full(size, np.nan)
    if how == "unique":
        return stack[0] if len(stack) == 1 else np.full(size, np.nan)
    arr = np.vstack(stack)
    reducers: dict[str, Callable[..., np.ndarray]] = {"min": np.min, "max": np.max, "mean": np.mean}
    return reducers[how](arr, axis=0)


@dataclass
class _Lazy:
    """A sympy expression lambdified on first use (and again after unpickling)."""

    expr: Any
    symbols: tuple[sympy.Symbol, ...]
    _func: _Compiled | None = None

    def __getstate__(self) -> dict:
        return {"expr": self.expr, "symbols": self.symbols, "_func": None}

    def __call__(self, values: Mapping[str, Any]) -> np.ndarray:
        if self._func is None:
            self._func = _Compiled(self.expr, self.symbols, kind="value")
        names = self._func.names
        return self._func(**{k: values[k] for k in names if k in values})


def _names_of(obj: Any) -> tuple[str, ...]:
    if isinstance(obj, Condition):
        return tuple(s.name for s in obj.free_parameters)
    if isinstance(obj, Threshold):
        free = obj.bound.free_symbols | obj.validity.expr.free_symbols
        return tuple(sorted(s.name for s in free))
    return tuple(sorted(s.name for s in obj.free_symbols))


class _Plan:
    """How to compute one output column in the compiled path (picklable)."""

    def __init__(self, name: str, spec: Any, regions: Regions | None, available: set[str]):
        self.name = name
        self.kind = "value"
        self.dtype: Any = np.float64
        if isinstance(spec, Boolean) and not isinstance(spec, bool):
            spec = Condition(spec)
        if isinstance(spec, Threshold | Condition) or (
            isinstance(spec, sympy.Basic) and not isinstance(spec, Boolean)
        ):
            if isinstance(spec, Condition):
                if not spec.decidable:
                    raise InvalidGameError(
                        f"output {name!r}: the condition has no closed form ({spec.reason}); use "
                        "sweep_solve"
                    )
                self.kind, self.dtype = "condition", np.bool_
            elif isinstance(spec, Threshold):
                self.kind = "threshold"
            else:
                spec = _Lazy(spec, tuple(sorted(spec.free_symbols, key=lambda s: s.name)))
                self.kind = "expr"
            needed = _names_of(spec.expr if isinstance(spec, _Lazy) else spec)
            missing = sorted(set(needed) - available)
            if missing:
                raise SymbolicGameError(
                    f"output {name!r} depends on {missing}, which are neither swept nor fixed "
                    "(and have no default): pass fixed={...}"
                )
            self.spec = spec
        elif isinstance(spec, Probability | Payoff):
            if regions is None:
                raise InvalidGameError(
                    f"output {name!r}: equilibrium probabilities and payoffs need a Regions target"
                )
            self.kind = "equilibrium"
            self.spec = spec
            self.per_region = _equilibrium_expressions(regions, spec, name)
        elif callable(spec):
            self.kind = "callable"
            self.spec = spec
        else:
            raise TypeError(
                f"output {name!r}: expected a Condition, Threshold, sympy expression, "
                f"Probability, Payoff or callable; got {type(spec).__name__}"
            )

    def evaluate(
        self, values: Mapping[str, Any], regime: np.ndarray | None, size: int
    ) -> np.ndarray:
        if self.kind == "condition":
            func = self.spec.compile()
            names = [s.name for s in self.spec.parameters]
            out = func(**{k: values[k] for k in names if k in values})
        elif self.kind == "threshold":
            func = self.spec.compile()
            out = func(**{k: values[k] for k in func.names if k in values})
        elif self.kind == "expr":
            out = self.spec(values)
        elif self.kind == "callable":
            out = self.spec(**values)
        else:
            assert regime is not None
            out = np.full(size, np.nan)
            region_names = {s.name for exprs in self.per_region for e in exprs for s in e.symbols}
            for r, exprs in enumerate(self.per_region):
                mask = regime == r
                count = int(np.count_nonzero(mask))
                if not count:
                    continue
                if all(e.expr.is_number for e in exprs):  # pure equilibria: no subsetting
                    stack = [np.full(count, float(e.expr)) for e in exprs]
                else:
                    sub = {
                        k: (v[mask] if np.ndim(v) else v)
                        for k, v in values.items()
                        if k in region_names
                    }
                    stack = [
                        np.broadcast_to(np.asarray(e(sub), dtype=float), (count,)) for e in exprs
                    ]
                out[mask] = _reduce(stack, self.spec.reduce, count)
        out = np.asarray(out)
        return np.broadcast_to(out.astype(self.dtype, copy=False), (size,))


def _equilibrium_expressions(
    regions: Regions, spec: Probability | Payoff, name: str
) -> tuple[tuple[_Lazy, ...], ...]:
    game = regions.game
    if spec.player not in game.players:
        raise UnknownLabelError(
            f"output {name!r}: unknown player {spec.player!r}; players are {list(game.players)}"
        )
    i = game.players.index(spec.player)
    if isinstance(spec, Probability) and spec.strategy not in game.strategies[i]:
        raise UnknownLabelError(
            f"output {name!r}: unknown strategy {spec.strategy!r} of {spec.player!r}; "
            f"strategies are {list(game.strategies[i])}"
        )
    symbols = regions.parameters
    cache = regions._cache.setdefault("sweep_expressions", {})
    if spec in cache:
        return cache[spec]
    per_region = []
    for region in regions.regions:
        exprs = []
        for eq in region.equilibria:
            if isinstance(spec, Payoff):
                expr = eq.payoffs[i]
            elif eq.is_pure:
                expr = sympy.Integer(int(eq.profile[i] == spec.strategy))
            else:
                expr = eq.probabilities[i][eq.strategies[i].index(spec.strategy)]
            exprs.append(_Lazy(to_sympy(expr), symbols))
        per_region.append(tuple(exprs))
    cache[spec] = tuple(per_region)
    return cache[spec]


# ---------------------------------------------------------------------------
# Running chunks
# ---------------------------------------------------------------------------


def _want_progress(progress: bool | None) -> bool:
    if progress is None:
        if "PYTEST_CURRENT_TEST" in os.environ:
            return False
        try:
            import tqdm  # noqa: F401
        except ImportError:
            return False
        return bool(getattr(sys.stderr, "isatty", lambda: False)())
    if progress:
        try:
            import tqdm  # noqa: F401
        except ImportError:
            raise ModuleNotFoundError("progress=True needs tqdm: pip install tqdm") from None
    return bool(progress)


def _is_dask_client(executor: Any) -> bool:
    return type(executor).__module__.split(".")[0] == "distributed" and hasattr(executor, "scatter")


def _run(
    func: Callable[[Any, int, int, int], dict[str, np.ndarray]],
    task: Any,
    spans: list[tuple[int, int]],
    executor: Any,
    progress: bool | None,
    desc: str,
) -> list[dict[str, np.ndarray]]:
    """Run ``func(task, k, start, stop)`` for every chunk; results in chunk order."""
    show = _want_progress(progress)
    bar = None
    if show:
        from tqdm.auto import tqdm

        bar = tqdm(total=spans[-1][1] if spans else 0, desc=desc, unit="pt")
    try:
        if executor is None:
            results = []
            for k, (start, stop) in enumerate(spans):
                results.append(func(task, k, start, stop))
                if bar is not None:
                    bar.update(stop - start)
            return results
        if not hasattr(executor, "submit"):
            raise TypeError(
                "executor must have a submit() method (a concurrent.futures.Executor or a "
                f"dask.distributed Client); got {type(executor).__name__}"
            )
        if _is_dask_client(executor):
            shared = executor.scatter(task, broadcast=True)
            futures = [
                executor.submit(func, shared, k, start, stop, pure=False)
                for k, (start, stop) in enumerate(spans)
            ]
        else:
            futures = [
                executor.submit(func, task, k, start, stop) for k, (start, stop) in enumerate(spans)
            ]
        index = {id(f): k for k, f in enumerate(futures)}
        results_by_k: dict[int, dict[str, np.ndarray]] = {}
        if bar is not None and not _is_dask_client(executor):
            for f in concurrent.futures.as_completed(futures):
                k = index[id(f)]
                results_by_k[k] = f.result()
                bar.update(spans[k][1] - spans[k][0])
        for k, f in enumerate(futures):
            if k not in results_by_k:
                results_by_k[k] = f.result()
                if bar is not None:
                    bar.update(spans[k][1] - spans[k][0])
        return [results_by_k[k] for k in range(len(futures))]
    finally:
        if bar is not None:
            bar.close()


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class SweepResult:
    """The outcome of a sweep: one row per design point.

    Attributes
    ----------
    design : Design
    table : numpy structured array
        Fields: the swept parameters (float64), ``regime`` (int32: an index
        into :attr:`labels`; ``-1`` on boundaries and knife-edges) when the
        sweep has regimes, ``n_equilibria`` for :func:`sweep_solve`, then
        the requested outputs (float64, or bool for conditions).
    labels : tuple of str
        Regime labels by index (empty without regimes).
    outputs : tuple of str
        Names of the output columns.
    fixed : dict
        Values of the parameters that were not swept (exact).
    notes : tuple of str
    """

    design: Design
    table: np.ndarray
    labels: tuple[str, ...]
    outputs: tuple[str, ...]
    fixed: dict[str, sympy.Rational]
    notes: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.table)

    @property
    def _columns(self) -> tuple[str, ...]:
        names = self.table.dtype.names
        assert names is not None, "the table is a structured array"
        return names

    @property
    def shape(self) -> tuple[int, ...]:
        """The design's shape (a grid's axes, or ``(n,)``)."""
        return self.design.shape

    def column(self, name: str) -> np.ndarray:
        """A column reshaped to :attr:`shape` (for a grid: one axis per swept parameter).

        Raises
        ------
        KeyError
            No such column.
        """
        if name not in self._columns:
            raise KeyError(f"no column {name!r}; columns are {list(self._columns)}")
        return self.table[name].reshape(self.shape)

    def regime_labels(self) -> np.ndarray:
        """The regime label of every row (``"boundary"`` for ``-1``), as an object array."""
        if "regime" not in self._columns:
            raise KeyError("this sweep has no regimes")
        names = np.array([*self.labels, "boundary"], dtype=object)
        return names[self.table["regime"]]

    def _row(self, values: Mapping[str, Any]) -> int:
        if set(values) != set(self.design.parameters):
            raise UnknownParameterError(
                f"give a value for each swept parameter {list(self.design.parameters)}; "
                f"got {sorted(values)}"
            )
        mask = np.ones(len(self.table), dtype=bool)
        for name, v in values.items():
            mask &= np.isclose(self.table[name], float(to_rational(v)), rtol=0, atol=1e-12)
        rows = np.flatnonzero(mask)
        if len(rows) == 0:
            raise KeyError(f"no design point at {dict(values)}")
        return int(rows[0])

    def label_at(self, **values: Any) -> str:
        """The regime label at a design point (``"boundary"`` on a boundary)."""
        r = int(self.table["regime"][self._row(values)])
        return "boundary" if r < 0 else self.labels[r]

    def value(self, column: str, **values: Any) -> Any:
        """The value of ``column`` at a design point."""
        return self.table[column][self._row(values)]

    def to_pandas(self) -> Any:
        """A :class:`pandas.DataFrame` with a categorical ``label`` column (needs pandas).

        Raises
        ------
        ModuleNotFoundError
            pandas is not installed.
        """
        try:
            import pandas as pd
        except ImportError:
            raise ModuleNotFoundError("to_pandas needs pandas: pip install pandas") from None
        frame = pd.DataFrame({name: self.table[name] for name in self._columns})
        if "regime" in frame:
            categories = [*self.labels, "boundary"]
            codes = np.where(self.table["regime"] < 0, len(self.labels), self.table["regime"])
            frame.insert(
                frame.columns.get_loc("regime") + 1,
                "label",
                pd.Categorical.from_codes(codes, categories=categories),
            )
        return frame


def _assemble(
    design: Design,
    parts: list[dict[str, np.ndarray]],
    fields: list[tuple[str, Any]],
) -> np.ndarray:
    table = np.empty(len(design), dtype=fields)
    start = 0
    for part in parts:
        size = len(next(iter(part.values()))) if part else 0
        for name, _ in fields:
            table[name][start : start + size] = part[name]
        start += size
    return table


# ---------------------------------------------------------------------------
# The compiled path
# ---------------------------------------------------------------------------


def _as_regions(target: Any, design: Design) -> Regions | None:
    if target is None or isinstance(target, Regions):
        return target
    from ..games.normal import NormalFormGame
    from .conditions import regions as build_regions

    game = getattr(target, "game", target)
    if not isinstance(game, NormalFormGame):
        raise TypeError(
            "target must be a Regions, a symbolic NormalFormGame (or a scenario model with "
            f".game) or None; got {type(target).__name__}"
        )
    names = {s.name for s in game.parameters}
    missing = sorted(names - set(design.parameters) - set(design.fixed))
    if missing:
        raise SymbolicGameError(
            f"the game's parameters {missing} are neither swept nor fixed (and have no "
            "default): pass fixed={...} to the design"
        )
    varied = [p for p in design.parameters if p in names]
    fixed = {k: v for k, v in design.fixed.items() if k in names and k not in varied}
    return build_regions(game, varied, fixed=fixed)


def _check_regions(regions: Regions, design: Design) -> None:
    for s in regions.parameters:
        if s.name not in design.parameters and s.name not in design.fixed:
            raise SymbolicGameError(
                f"the regions vary {s.name!r}, which the design neither sweeps nor fixes: "
                "pass fixed={...} to the design"
            )
    for name, value in regions.fixed.items():
        if name in design.parameters:
            raise InvalidGameError(
                f"the design sweeps {name!r}, which the regions fix at {value}: build the "
                f"regions with {name!r} among their parameters"
            )
        if name in design.fixed and design.fixed[name] != value:
            raise InvalidGameError(
                f"parameter {name!r} is fixed at {design.fixed[name]} in the design but at "
                f"{value} in the regions"
            )


@dataclass
class _CompiledTask:
    design: Design
    regions: Regions | None
    plans: tuple[_Plan, ...]
    fixed: dict[str, Any]
    exact: bool = False


def _compiled_chunk(task: _CompiledTask, k: int, start: int, stop: int) -> dict[str, np.ndarray]:
    values: dict[str, Any] = dict(task.fixed)
    floats = task.design.values(start, stop)
    values.update(task.design.exact_values(start, stop) if task.exact else floats)
    size = stop - start
    out: dict[str, np.ndarray] = dict(floats)
    regime = None
    if task.regions is not None:
        names = [s.name for s in task.regions.parameters]
        regime = task.regions.classify(**{n: values[n] for n in names})
        regime = np.broadcast_to(regime, (size,))
        out["regime"] = regime
    for plan in task.plans:
        out[plan.name] = plan.evaluate(values, regime, size)
    return out


def _check_outputs(outputs: Mapping[str, Any] | None, reserved: Sequence[str]) -> dict:
    if outputs is None:
        return {}
    if not isinstance(outputs, Mapping):
        raise TypeError(f"outputs must be a mapping from column names to outputs; got {outputs!r}")
    for name in outputs:
        if not isinstance(name, str) or not name.isidentifier():
            raise ValueError(f"output names must be identifiers; got {name!r}")
        if name in reserved:
            raise ValueError(f"output name {name!r} clashes with a column of the table")
    return dict(outputs)


def sweep(
    target: Any,
    design: Design,
    *,
    outputs: Mapping[str, OutputSpec] | None = None,
    exact: bool = False,
    chunk_size: int = _DEFAULT_CHUNK,
    executor: Any = None,
    progress: bool | None = None,
) -> SweepResult:
    """Evaluate regimes and closed-form outputs at every point of a design.

    Everything is compiled once to numpy (sympy ``lambdify``) and evaluated
    chunk by chunk on whole arrays; chunks run serially or on ``executor``.

    Parameters
    ----------
    target : Regions, NormalFormGame, model or None
        A :class:`~gametheory.analysis.conditions.Regions` (its
        :meth:`~Regions.classify` gives the ``regime`` column); a symbolic
        game (or an object with a ``.game``, such as a TRIPP model), whose
        regions in the design's swept parameters are derived first; or
        None for outputs only.
    design : Design
        From :func:`grid` or :func:`sample`.
    outputs : mapping of str to output, keyword-only, optional
        Columns to compute: a :class:`Condition` (bool column), a
        :class:`Threshold` (its bound), a sympy expression in the
        parameters, a :class:`Probability` or :class:`Payoff` of the
        equilibrium in each regime (needs regions), or a callable
        ``f(**columns) -> array`` (called with the swept columns and the
        fixed values as floats; it must pickle for process pools).
    exact : bool, keyword-only
        Evaluate in exact rational arithmetic (object arrays of
        :class:`~fractions.Fraction`: grid points are exact, sample points
        are their floats read exactly), so points exactly on a boundary get
        regime ``-1`` however the boundary falls between floats. About 100
        times slower than the default floating point, in which a point
        within rounding of a boundary may land on either side.
    chunk_size : int, keyword-only
        Points per chunk (default ``2**17``).
    executor : concurrent.futures.Executor or dask.distributed.Client, keyword-only
        Runs the chunks (default: serially in this process). Results do
        not depend on it.
    progress : bool or None, keyword-only
        A tqdm progress bar; None (default) shows one only when tqdm is
        installed, stderr is a terminal and pytest is not running.

    Returns
    -------
    SweepResult

    Raises
    ------
    SymbolicGameError
        A parameter the regions or an output depend on is neither swept
        nor fixed (and has no default).
    InvalidGameError
        Inconsistent fixed values between the design and the regions, or
        an output condition without a closed form.
    UnknownLabelError
        An unknown player or strategy in a Probability or Payoff.

    See Also
    --------
    sweep_solve : the numeric path, solving every point.

    Examples
    --------
    >>> from gametheory.scenarios import tripp
    >>> from gametheory.analysis import dominance_condition
    >>> M1 = tripp.m1()
    >>> preempt = dominance_condition(M1.game, "Russia", "Preempt", assumptions="e_R > l_R")
    >>> result = sweep(None, grid(M1.space, {"p": 3, "c_R": 3}),
    ...                outputs={"preempt_dominant": preempt})
    >>> result.column("preempt_dominant").astype(int).tolist()  # c_R < p*l_R, l_R = 1/5
    [[0, 0, 0], [1, 0, 0], [1, 0, 0]]
    """
    if not isinstance(design, Design):
        raise TypeError(f"design must be a Design (from grid or sample); got {design!r}")
    regions_ = _as_regions(target, design)
    if regions_ is not None:
        _check_regions(regions_, design)
    reserved = [*design.parameters, "regime", "label"]
    specs = _check_outputs(outputs, reserved)
    available = set(design.parameters) | set(design.fixed)
    plans = tuple(_Plan(name, spec, regions_, available) for name, spec in specs.items())
    if exact:
        fixed_values: dict[str, Any] = {
            k: Fraction(int(v.p), int(v.q)) for k, v in design.fixed.items()
        }
    else:
        fixed_values = {k: float(v) for k, v in design.fixed.items()}
    task = _CompiledTask(design, regions_, plans, fixed_values, bool(exact))
    spans = list(design.chunks(chunk_size))
    parts = _run(_compiled_chunk, task, spans, executor, progress, "sweep")
    fields: list[tuple[str, Any]] = [(name, np.float64) for name in design.parameters]
    if regions_ is not None:
        fields.append(("regime", np.int32))
    fields += [(plan.name, plan.dtype) for plan in plans]
    table = _assemble(design, parts, fields)
    labels = regions_.labels if regions_ is not None else ()
    notes = tuple(regions_.notes) if regions_ is not None else ()
    return SweepResult(design, table, labels, tuple(specs), dict(design.fixed), notes)


# ---------------------------------------------------------------------------
# The numeric path
# ---------------------------------------------------------------------------


def _pure_label(eq: Any, game: Any) -> str:
    return "(" + ", ".join(eq.support[pl][0] for pl in game.players) + ")"


def solution_label(solution: Any) -> str | None:
    """The regime label of a solved game, in the style of :func:`regions`; None for continua.

    Pure equilibria are listed as ``"(Preempt, Militarize)"`` in row-major
    order of the profiles, then ``" + mixed"``; ``"unique mixed"`` when the
    only equilibrium is mixed. A solution with a continuum of equilibria
    (components) has no generic regime: None.
    """
    game = solution.game
    if solution.components:
        return None
    pure = [eq for eq in solution.equilibria if eq.is_pure]
    index = {prof: k for k, prof in enumerate(np.ndindex(*game.shape))}
    pure.sort(
        key=lambda eq: index[
            tuple(game.strategies[i].index(eq.support[pl][0]) for i, pl in enumerate(game.players))
        ]
    )
    n_mixed = len(solution.equilibria) - len(pure)
    if not solution.equilibria:
        return "no equilibrium listed"
    if not pure:
        return "unique mixed" if n_mixed == 1 else f"{n_mixed} mixed"
    text = ", ".join(_pure_label(eq, game) for eq in pure)
    if n_mixed:
        text += " + mixed" if n_mixed == 1 else f" + {n_mixed} mixed"
    return text


@dataclass
class _SolveTask:
    game: Any
    design: Design
    method: str
    options: dict[str, Any]
    outputs: tuple[tuple[str, Any], ...]
    seed: np.random.SeedSequence
    takes_rng: bool


def _solve_output(spec: Any, solution: Any) -> float:
    if isinstance(spec, Probability | Payoff):
        if spec.reduce == "unique" and (len(solution) != 1 or solution.components):
            return math.nan
        if solution.components or not len(solution):
            return math.nan
        if isinstance(spec, Probability):
            vals = [float(eq.profile[spec.player][spec.strategy]) for eq in solution]
        else:
            vals = [float(eq.payoffs[spec.player]) for eq in solution]
        return float(_reduce([np.array([v]) for v in vals], spec.reduce, 1)[0])
    return float(spec(solution))


def _solve_chunk(task: _SolveTask, k: int, start: int, stop: int) -> dict[str, Any]:
    from ..solvers import solve

    options = dict(task.options)
    if task.takes_rng:
        options["rng"] = np.random.default_rng(_child(task.seed, k))
    names = {s.name for s in task.game.parameters}
    columns = task.design.values(start, stop)
    labels: list[str | None] = []
    counts = np.zeros(stop - start, dtype=np.int32)
    outs = {name: np.full(stop - start, np.nan) for name, _ in task.outputs}
    for i, point in enumerate(task.design.exact_points(start, stop)):
        numeric = task.game.at(**{n: v for n, v in point.items() if n in names})
        solution = solve(numeric, task.method, **options)
        labels.append(solution_label(solution))
        counts[i] = len(solution)
        for name, spec in task.outputs:
            outs[name][i] = _solve_output(spec, solution)
    return {**columns, "n_equilibria": counts, "_labels": labels, **outs}


def sweep_solve(
    game: Any,
    design: Design,
    *,
    method: str = "enummixed",
    outputs: Mapping[str, Probability | Payoff | Callable[[Any], float]] | None = None,
    chunk_size: int = _DEFAULT_SOLVE_CHUNK,
    executor: Any = None,
    progress: bool | None = None,
    rng: RngLike = 0,
    **options: Any,
) -> SweepResult:
    """Solve the game at every point of a design (for games without closed forms).

    Each point's values are substituted exactly (grid values are exact
    rationals; sample values are the floats read exactly), the numeric game
    is solved with :func:`gametheory.solve` and every equilibrium is
    verified by the solver. Points are processed in chunks, serially or on
    ``executor``.

    Parameters
    ----------
    game : NormalFormGame or model
        A symbolic game (or an object with a ``.game``).
    design : Design
    method : str, keyword-only
        A method of :func:`gametheory.solve` (default ``"enummixed"``:
        every extreme equilibrium, exact, with components).
    outputs : mapping, keyword-only, optional
        Columns: :class:`Probability`, :class:`Payoff`, or a callable
        ``f(solution) -> float`` (must pickle for process pools).
    chunk_size : int, keyword-only
        Points per chunk (default 64).
    executor, progress
        As for :func:`sweep`.
    rng : int, SeedSequence, Generator or None, keyword-only
        Seeds the chunks (chunk ``k`` gets child ``k``) for methods that
        take an ``rng`` option; default 0, so sweeps repeat exactly.
    **options
        Passed to the method.

    Returns
    -------
    SweepResult
        With ``regime`` (an index into :attr:`SweepResult.labels`, the
        labels found, sorted; ``-1`` where the game has a continuum of
        equilibria: a knife-edge) and ``n_equilibria`` columns.

    Raises
    ------
    SymbolicGameError
        A parameter of the game is neither swept nor fixed.

    Examples
    --------
    >>> from gametheory.scenarios import tripp
    >>> M1 = tripp.m1()
    >>> result = sweep_solve(M1, grid(M1.space, {"p": [0.1, 0.5], "c_R": [0.05, 0.3]}))
    >>> result.regime_labels().tolist()
    ['(Preempt, Militarize)', '(Accept, Militarize)', '(Preempt, Commercial)', 'unique mixed']
    """
    if not isinstance(design, Design):
        raise TypeError(f"design must be a Design (from grid or sample); got {design!r}")
    game_ = getattr(game, "game", game)
    from ..games.normal import NormalFormGame
    from ..solvers import METHODS

    if not isinstance(game_, NormalFormGame):
        raise TypeError(f"game must be a NormalFormGame; got {type(game_).__name__}")
    missing = sorted(
        s.name
        for s in game_.parameters
        if s.name not in design.parameters and s.name not in design.fixed
    )
    if missing:
        raise SymbolicGameError(
            f"the game's parameters {missing} are neither swept nor fixed (and have no "
            "default): pass fixed={...} to the design"
        )
    specs = _check_outputs(outputs, [*design.parameters, "regime", "label", "n_equilibria"])
    for name, spec in specs.items():
        if isinstance(spec, Probability | Payoff):
            if spec.player not in game_.players:
                raise UnknownLabelError(
                    f"output {name!r}: unknown player {spec.player!r}; players are "
                    f"{list(game_.players)}"
                )
            i = game_.players.index(spec.player)
            if isinstance(spec, Probability) and spec.strategy not in game_.strategies[i]:
                raise UnknownLabelError(
                    f"output {name!r}: unknown strategy {spec.strategy!r} of {spec.player!r}"
                )
        elif not callable(spec):
            raise TypeError(
                f"output {name!r}: expected a Probability, Payoff or callable(solution); got "
                f"{type(spec).__name__}"
            )
    takes_rng = False
    key = method.lower() if isinstance(method, str) else method
    if key != "auto" and key not in METHODS:
        raise MethodNotApplicableError(
            f"unknown method {method!r}; methods: {', '.join(['auto', *METHODS])}"
        )
    if key in METHODS:
        from ..solvers import _resolve

        func = _resolve(key)
        takes_rng = "rng" in inspect.signature(func).parameters and "rng" not in options
    task = _SolveTask(
        game_, design, method, dict(options), tuple(specs.items()), seed_sequence(rng), takes_rng
    )
    spans = list(design.chunks(chunk_size))
    parts = _run(_solve_chunk, task, spans, executor, progress, "solve")
    found = sorted({lab for part in parts for lab in part["_labels"] if lab is not None})
    index = {lab: i for i, lab in enumerate(found)}
    for part in parts:
        part["regime"] = np.array(
            [-1 if lab is None else index[lab] for lab in part.pop("_labels")], dtype=np.int32
        )
    fields: list[tuple[str, Any]] = [(name, np.float64) for name in design.parameters]
    fields += [("regime", np.int32), ("n_equilibria", np.int32)]
    fields += [(name, np.float64) for name in specs]
    table = _assemble(design, parts, fields)
    return SweepResult(design, table, tuple(found), tuple(specs), dict(design.fixed))
