"""Uncertainty about parameters: probabilities of regimes and global sensitivity.

Parameters carry priors (frozen :mod:`scipy.stats` distributions declared in
the :class:`~gametheory.parameters.ParameterSpace` or the scenario file, or
given here). Taking the uncertain parameters as independent draws from their
priors, this module answers "how likely is it that Preempt is dominant?" and
"which assumption drives the verdict?":

* :func:`probability` -- Monte Carlo estimate of the probability of a
  condition, with a Wilson score confidence interval;
* :func:`regime_probabilities` -- the same for every regime of
  :func:`~gametheory.analysis.conditions.regions`;
* :func:`exact_probability` -- the exact probability (a rational number)
  under independent uniform priors, when the condition is made of linear
  relations that each involve one parameter (a box) or two parameters that
  share no relation with a third (half-planes and polygons in a plane),
  and unions of such sets (inclusion-exclusion);
* :func:`sobol_indices` -- first-order and total Sobol' indices of a regime
  indicator, a condition or an equilibrium quantity
  (:func:`scipy.stats.sobol_indices`, Saltelli's 2010 estimators) with
  bootstrap confidence intervals.

Definitions
-----------
Wilson score interval
    For ``k`` successes in ``n`` independent draws and
    :math:`z = \\Phi^{-1}(1 - \\alpha/2)`, the interval of the proportions
    :math:`\\pi` with :math:`|\\hat p - \\pi| \\le z \\sqrt{\\pi(1 - \\pi)/n}`:

    .. math:: \\frac{\\hat p + z^2/(2n) \\pm z \\sqrt{\\hat p (1 - \\hat p)/n
       + z^2/(4n^2)}}{1 + z^2/n}.

    Unlike the normal (Wald) interval it stays inside [0, 1] and does not
    collapse to a point when ``k = 0`` or ``k = n`` [1]_. With
    ``method="lhs"`` the draws are not independent; the variance of a
    Latin-hypercube mean is at most ``n/(n-1)`` times that of independent
    draws [2]_, so the interval is (nearly) conservative.
Sobol' indices
    For an output :math:`Y = f(X_1, \\ldots, X_d)` of independent inputs,
    the first-order index :math:`S_i = \\mathrm{Var}(E[Y | X_i]) /
    \\mathrm{Var}(Y)` is the share of the variance explained by
    :math:`X_i` alone; the total index :math:`S_{T_i} = E[\\mathrm{Var}(Y |
    X_{\\sim i})] / \\mathrm{Var}(Y)` adds all its interactions [3]_. They are
    estimated from a scrambled Sobol' design of two matrices ``A``, ``B``
    and the ``d`` matrices ``AB_i`` (``A`` with column ``i`` from ``B``),
    ``n (d + 2)`` evaluations in all [4]_. For an indicator of a regime,
    ``S_T`` close to 0 means the assumption does not matter for the verdict.

References
----------
.. [1] E. B. Wilson, "Probable inference, the law of succession, and
   statistical inference", Journal of the American Statistical Association
   22 (1927) 209-212.
.. [2] A. B. Owen, "Monte Carlo variance of scrambled net quadrature", SIAM
   Journal on Numerical Analysis 34(5) (1997) 1884-1910; M. Stein, "Large
   sample properties of simulations using Latin hypercube sampling",
   Technometrics 29(2) (1987) 143-151.
.. [3] I. M. Sobol', "Sensitivity estimates for nonlinear mathematical
   models", Mathematical Modeling and Computational Experiment 1 (1993)
   407-414.
.. [4] A. Saltelli, "Making best use of model evaluations to compute
   sensitivity indices", Computer Physics Communications 145 (2002)
   280-297; A. Saltelli, P. Annoni, I. Azzini, F. Campolongo, M. Ratto and
   S. Tarantola, "Variance based sensitivity analysis of model output.
   Design and estimator for the total sensitivity index", Computer Physics
   Communications 181 (2010) 259-270.

Examples
--------
How likely is Preempt to be dominant in M1 (``c_R < p*l_R``) when ``p`` and
``c_R`` are uniform on [0, 1] and ``l_R = 1/5``?

>>> from scipy import stats
>>> from gametheory.scenarios import tripp
>>> from gametheory.analysis import dominance_condition
>>> M1 = tripp.m1()
>>> preempt = dominance_condition(M1.game, "Russia", "Preempt", assumptions="e_R > l_R")
>>> exact_probability(preempt, M1.space, box={"p": (0, 1), "c_R": (0, 1)}, fixed={"l_R": "1/5"})
1/10
>>> est = probability(preempt, M1.space, 20000, priors={"p": stats.uniform(0, 1)},
...                   fixed={"l_R": "1/5"}, rng=1)
>>> bool(est.low < 0.1 < est.high)
True
"""

from __future__ import annotations

import itertools
import math
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy
from sympy.logic.boolalg import BooleanFalse, BooleanTrue

from ..errors import (
    InvalidGameError,
    MethodNotApplicableError,
    SymbolicGameError,
    UnknownLabelError,
    UnknownParameterError,
)
from ..parameters import ParameterSpace, to_rational
from .conditions import Condition, Region, Regions, Threshold
from .sweep import (
    Payoff,
    Probability,
    RngLike,
    _Plan,
    _prior_of,
    _rng_keyword,
    sample,
    seed_sequence,
    sweep,
)

__all__ = [
    "ProbabilityEstimate",
    "SobolIndices",
    "exact_probability",
    "probability",
    "regime_probabilities",
    "sobol_indices",
    "wilson_interval",
]

_MAX_UNION_TERMS = 10


# ---------------------------------------------------------------------------
# Monte Carlo probabilities
# ---------------------------------------------------------------------------


def wilson_interval(successes: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """The Wilson score interval for a binomial proportion.

    Parameters
    ----------
    successes, n : int
        ``0 <= successes <= n``, ``n >= 1``.
    confidence : float
        In (0, 1).

    Returns
    -------
    (float, float)
        The interval's ends, within [0, 1].

    Raises
    ------
    ValueError
        For counts or a confidence level out of range.

    References
    ----------
    .. [1] E. B. Wilson, JASA 22 (1927) 209-212; A. Agresti and B. A. Coull,
       "Approximate is better than 'exact' for interval estimation of
       binomial proportions", The American Statistician 52 (1998) 119-126.

    Examples
    --------
    >>> [round(x, 4) for x in wilson_interval(0, 10)]
    [0.0, 0.2775]
    >>> [round(x, 4) for x in wilson_interval(50, 100)]
    [0.4038, 0.5962]
    """
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive integer; got {n!r}")
    if not 0 <= successes <= n:
        raise ValueError(f"successes must be in [0, n={n}]; got {successes!r}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be in (0, 1); got {confidence!r}")
    from scipy.stats import norm

    z = float(norm.ppf(1 - (1 - confidence) / 2))
    phat = successes / n
    denom = 1 + z * z / n
    centre = (phat + z * z / (2 * n)) / denom
    half = z * math.sqrt(phat * (1 - phat) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class ProbabilityEstimate:
    """A Monte Carlo probability with its confidence interval.

    Attributes
    ----------
    estimate : float
        ``successes / n``.
    low, high : float
        The Wilson score interval at level ``confidence``.
    successes, n : int
    confidence : float
    sampling : str
        ``"random"`` (independent draws) or ``"lhs"``.
    interval : str
        ``"Wilson score"``.
    """

    estimate: float
    low: float
    high: float
    successes: int
    n: int
    confidence: float
    sampling: str
    interval: str = "Wilson score"

    def __str__(self) -> str:
        level = f"{100 * self.confidence:g}%"
        return (
            f"{self.estimate:.4g} ({level} {self.interval} interval {self.low:.4g} to "
            f"{self.high:.4g}; {self.successes}/{self.n}, {self.sampling} sampling)"
        )

    def __float__(self) -> float:
        return self.estimate


def _estimate(k: int, n: int, confidence: float, sampling: str) -> ProbabilityEstimate:
    low, high = wilson_interval(k, n, confidence)
    return ProbabilityEstimate(k / n, low, high, k, n, confidence, sampling)


def _check_mc(method: str, confidence: float) -> None:
    if method not in ("random", "lhs"):
        raise ValueError(
            f"method must be 'random' or 'lhs' for a confidence interval; got {method!r}"
        )
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be in (0, 1); got {confidence!r}")


def _as_condition(target: Any) -> Condition:
    if isinstance(target, Region):
        return target.condition
    if isinstance(target, Threshold):
        return target.as_condition()
    if isinstance(target, Condition):
        return target
    raise TypeError(f"expected a Condition, Threshold or Region; got {type(target).__name__}")


def _uncertain(
    space: ParameterSpace,
    depends: Sequence[str],
    parameters: Sequence[str] | None,
    fixed: Mapping[str, Any] | None,
) -> tuple[str, ...]:
    for name in fixed or {}:
        space[name]
    if parameters is not None:
        names = [parameters] if isinstance(parameters, str) else list(parameters)
        for name in names:
            space[name]
        return tuple(names)
    for name in depends:
        if name not in space:
            raise UnknownParameterError(
                f"the target depends on {name!r}, which the parameter space does not declare"
            )
    return tuple(n for n in space if n in depends and n not in (fixed or {}))


def probability(
    condition: Condition | Threshold | Region,
    space: ParameterSpace,
    n: int,
    *,
    parameters: Sequence[str] | None = None,
    priors: Mapping[str, Any] | None = None,
    fixed: Mapping[str, Any] | None = None,
    method: str = "random",
    rng: RngLike = None,
    confidence: float = 0.95,
    chunk_size: int = 2**17,
    executor: Any = None,
    progress: bool | None = None,
) -> ProbabilityEstimate:
    """Monte Carlo estimate of the probability that a condition holds.

    Parameters
    ----------
    condition : Condition, Threshold or Region
    space : ParameterSpace
        Declares the parameters, their bounds, defaults and priors.
    n : int
        Number of draws.
    parameters : sequence of str, keyword-only, optional
        The uncertain parameters. Default: every parameter the condition
        depends on that is not in ``fixed``. The others are fixed (to
        ``fixed`` or their defaults).
    priors : mapping, keyword-only, optional
        Priors overriding the space's (frozen scipy.stats distributions or
        :func:`~gametheory.parameters.make_prior` specifications); their
        support must lie within the bounds.
    fixed : mapping, keyword-only, optional
    method : {"random", "lhs"}, keyword-only
        Independent draws, or a Latin hypercube through the priors.
    rng : int, SeedSequence, Generator or None, keyword-only
    confidence : float, keyword-only
        Level of the Wilson score interval (default 0.95).
    chunk_size, executor, progress
        As for :func:`~gametheory.analysis.sweep.sweep`.

    Returns
    -------
    ProbabilityEstimate

    Raises
    ------
    InvalidGameError
        An uncertain parameter without a prior, a prior whose support leaves
        the bounds.
    SymbolicGameError
        A parameter the condition depends on is neither uncertain nor fixed.

    Examples
    --------
    >>> from gametheory.scenarios import tripp
    >>> from gametheory.analysis import dominance_condition
    >>> M7 = tripp.m7()
    >>> strike = dominance_condition(M7.game, 0, "Strike")
    >>> est = probability(strike, M7.space, 4000, rng=0)
    >>> est.n, est.interval, bool(est.low <= est.estimate <= est.high)
    (4000, 'Wilson score', True)
    """
    _check_mc(method, confidence)
    cond = _as_condition(condition)
    depends = [s.name for s in cond.free_parameters]
    names = _uncertain(space, depends, parameters, fixed)
    if not names:
        raise InvalidGameError(f"the condition {cond} depends on no uncertain parameter")
    design = sample(
        space, n, names, method=method, distribution="prior", priors=priors, fixed=fixed, rng=rng
    )
    result = sweep(
        None,
        design,
        outputs={"holds": cond},
        chunk_size=chunk_size,
        executor=executor,
        progress=progress,
    )
    k = int(np.count_nonzero(result.table["holds"]))
    return _estimate(k, n, confidence, method)


def regime_probabilities(
    regions: Regions,
    n: int,
    *,
    priors: Mapping[str, Any] | None = None,
    method: str = "random",
    rng: RngLike = None,
    confidence: float = 0.95,
    chunk_size: int = 2**17,
    executor: Any = None,
    progress: bool | None = None,
) -> dict[str, ProbabilityEstimate]:
    """Monte Carlo probability of each regime, under the priors of the varied parameters.

    Parameters
    ----------
    regions : Regions
        Its varied parameters are drawn from their priors (in the game's
        parameter space, or ``priors``); the others stay at the regions'
        fixed values.
    n : int
    priors, method, rng, confidence, chunk_size, executor, progress
        As for :func:`probability`.

    Returns
    -------
    dict of str to ProbabilityEstimate
        By region label, in region order, then ``"boundary"`` (points on
        knife-edges; probability 0 for continuous priors).

    Raises
    ------
    InvalidGameError
        The game has no parameter space, or a varied parameter has no prior.

    Examples
    --------
    >>> from gametheory.scenarios import tripp
    >>> from gametheory.analysis import regions
    >>> M1 = tripp.m1()
    >>> probs = regime_probabilities(regions(M1.game, ["p", "c_R"]), 2000, rng=0)
    >>> for label, estimate in probs.items():
    ...     print(f"{label}: {estimate.estimate:.2f}")
    (Accept, Militarize): 0.51
    (Preempt, Commercial): 0.10
    (Preempt, Militarize): 0.02
    unique mixed: 0.36
    boundary: 0.00

    (Exactly: ``P(c_R > p) = E[1 - p] = 1/2`` and ``P(c_R < p < 1/4) = 13/512``,
    about 0.025, for ``p ~ Beta(2, 2)`` and ``c_R ~ U(0, 1)``.)
    >>> round(sum(e.estimate for e in probs.values()), 12)
    1.0
    """
    if not isinstance(regions, Regions):
        raise TypeError(f"expected Regions; got {type(regions).__name__}")
    _check_mc(method, confidence)
    space = getattr(regions.game, "space", None)
    if space is None:
        raise InvalidGameError("the game has no parameter space (bounds and priors)")
    names = tuple(s.name for s in regions.parameters)
    design = sample(
        space,
        n,
        names,
        method=method,
        distribution="prior",
        priors=priors,
        fixed=dict(regions.fixed),
        rng=rng,
    )
    result = sweep(regions, design, chunk_size=chunk_size, executor=executor, progress=progress)
    counts = np.bincount(result.table["regime"] + 1, minlength=len(regions.labels) + 1)
    out = {
        label: _estimate(int(counts[i + 1]), n, confidence, method)
        for i, label in enumerate(regions.labels)
    }
    out["boundary"] = _estimate(int(counts[0]), n, confidence, method)
    return out


# ---------------------------------------------------------------------------
# Exact probabilities under uniform priors
# ---------------------------------------------------------------------------


def _uniform_box(prior: Any, name: str) -> tuple[sympy.Rational, sympy.Rational]:
    dist = getattr(prior, "dist", None)
    if getattr(dist, "name", None) != "uniform":
        raise MethodNotApplicableError(
            f"the prior of {name!r} is not uniform ({getattr(dist, 'name', prior)}); exact "
            "probabilities need independent uniform priors (or pass box=...)"
        )
    args = list(getattr(prior, "args", ()))
    kwds = dict(getattr(prior, "kwds", {}))
    loc = kwds.get("loc", args[0] if args else 0)
    scale = kwds.get("scale", args[1] if len(args) > 1 else 1)
    low, width = to_rational(loc), to_rational(scale)
    return low, low + width


def _linear(expr: sympy.Expr, symbols: Sequence[sympy.Symbol]) -> sympy.Poly | None:
    try:
        poly = sympy.Poly(expr, *symbols, domain="QQ")
    except (sympy.PolynomialError, sympy.CoercionFailed, sympy.GeneratorsNeeded):
        return None
    return poly if poly.total_degree() <= 1 else None


def _relations(term: Any) -> list[Any]:
    if isinstance(term, sympy.And):
        return list(term.args)
    return [term]


def _conjunction_probability(
    relations: Sequence[Any], box: Mapping[sympy.Symbol, tuple[sympy.Rational, sympy.Rational]]
) -> sympy.Rational:
    symbols = list(box)
    constraints: list[tuple[sympy.Poly, str]] = []
    for rel in relations:
        if isinstance(rel, BooleanTrue):
            continue
        if isinstance(rel, BooleanFalse):
            return sympy.Integer(0)
        if not isinstance(rel, sympy.core.relational.Relational):
            raise MethodNotApplicableError(f"cannot integrate the condition part {rel}")
        diff = sympy.expand(rel.lhs - rel.rhs)
        if isinstance(rel, sympy.Unequality):
            continue  # a hyperplane has measure zero
        if diff.is_number:
            if not bool(rel.func(diff, 0)):
                return sympy.Integer(0)
            continue
        if isinstance(rel, sympy.Equality):
            return sympy.Integer(0)
        poly = _linear(diff, symbols)
        if poly is None:
            raise MethodNotApplicableError(
                f"the relation {rel} is not linear in the uncertain parameters; exact "
                "probabilities cover boxes, half-planes and polygons"
            )
        op = ">" if isinstance(rel, sympy.StrictGreaterThan | sympy.GreaterThan) else "<"
        constraints.append((poly, op))
    # group the parameters that share relations
    groups: list[set[sympy.Symbol]] = []
    for poly, _ in constraints:
        involved = {s for s in symbols if poly.degree(s) > 0}
        merged = [g for g in groups if g & involved]
        new = set(involved).union(*merged)
        groups = [g for g in groups if not g & involved] + [new]
    result = sympy.Integer(1)
    for group in groups:
        if len(group) > 2:
            raise MethodNotApplicableError(
                f"the relations link {sorted(s.name for s in group)}; exact probabilities cover "
                "boxes and polygons in two parameters"
            )
        own = [(p, op) for p, op in constraints if {s for s in symbols if p.degree(s) > 0} <= group]
        ordered = sorted(group, key=lambda s: s.name)
        if len(ordered) == 1:
            result *= _interval_share(own, ordered[0], box)
        else:
            result *= _polygon_share(own, ordered[0], ordered[1], box)
        if result == 0:
            return result
    return result


def _bounds_in(
    constraints: Sequence[tuple[sympy.Poly, str]], x: sympy.Symbol, y: sympy.Symbol | None
) -> tuple[list[sympy.Expr], list[sympy.Expr], list[sympy.Rational], list[sympy.Rational]]:
    """Lower and upper bounds on y (functions of x), and on x alone."""
    lower_y: list[sympy.Expr] = []
    upper_y: list[sympy.Expr] = []
    lower_x: list[sympy.Rational] = []
    upper_x: list[sympy.Rational] = []
    for poly, op in constraints:
        expr = poly.as_expr()
        b = expr.coeff(y) if y is not None else sympy.Integer(0)
        if b != 0:
            bound = sympy.expand(-(expr - b * y) / b)
            above = (op == ">") == (b > 0)
            (lower_y if above else upper_y).append(bound)
            continue
        a = expr.coeff(x)
        bound = -(expr - a * x) / a
        above = (op == ">") == (a > 0)
        (lower_x if above else upper_x).append(bound)
    return lower_y, upper_y, lower_x, upper_x


def _interval_share(
    constraints: Sequence[tuple[sympy.Poly, str]],
    x: sympy.Symbol,
    box: Mapping[sympy.Symbol, tuple[sympy.Rational, sympy.Rational]],
) -> sympy.Rational:
    a, b = box[x]
    _, _, lower, upper = _bounds_in(constraints, x, None)
    low = max([a, *lower])
    high = min([b, *upper])
    return max(sympy.Integer(0), high - low) / (b - a)


def _polygon_share(
    constraints: Sequence[tuple[sympy.Poly, str]],
    x: sympy.Symbol,
    y: sympy.Symbol,
    box: Mapping[sympy.Symbol, tuple[sympy.Rational, sympy.Rational]],
) -> sympy.Rational:
    """Area of {box: linear constraints} / area of the box, by exact integration in x."""
    (a, b), (c, d) = box[x], box[y]
    lower_y, upper_y, lower_x, upper_x = _bounds_in(constraints, x, y)
    lows = [sympy.Rational(c), *lower_y]
    highs = [sympy.Rational(d), *upper_y]
    x0 = max([a, *lower_x])
    x1 = min([b, *upper_x])
    if x0 >= x1:
        return sympy.Integer(0)
    cuts = {x0, x1}
    lines = lows + highs
    for f, g in itertools.combinations(lines, 2):
        diff = sympy.expand(f - g)
        slope = diff.coeff(x)
        if slope != 0:
            root = -(diff - slope * x) / slope
            if x0 < root < x1:
                cuts.add(root)
    points = sorted(cuts)
    area = sympy.Integer(0)
    for u, v in itertools.pairwise(points):
        mid = (u + v) / 2
        low = max(lows, key=lambda f: f.xreplace({x: mid}))
        high = min(highs, key=lambda f: f.xreplace({x: mid}))
        if high.xreplace({x: mid}) > low.xreplace({x: mid}):
            area += sympy.integrate(high - low, (x, u, v))
    return area / ((b - a) * (d - c))


def exact_probability(
    condition: Condition | Threshold | Region,
    space: ParameterSpace | None = None,
    *,
    box: Mapping[str, tuple[Any, Any]] | None = None,
    priors: Mapping[str, Any] | None = None,
    fixed: Mapping[str, Any] | None = None,
) -> sympy.Rational:
    """The exact probability of a condition under independent uniform priors.

    The uncertain parameters are uniform on a box; the others are fixed.
    After substituting the fixed values, the condition is put in
    disjunctive normal form; each conjunction must consist of relations
    linear in the uncertain parameters, each linking at most two of them
    (and no parameter linked to two others). Its probability is then a
    product of interval lengths (a box) and polygon areas in a plane
    (half-planes, wedges, bands), each area integrated exactly with sympy
    between the active lower and upper lines; a union of conjunctions is
    handled by inclusion-exclusion (at most 10 terms). Strict and weak
    inequalities give the same value; equalities have probability 0.

    Parameters
    ----------
    condition : Condition, Threshold or Region
    space : ParameterSpace, optional
        Needed unless ``box`` and ``fixed`` cover every parameter: gives the
        uniform priors and the defaults.
    box : mapping of str to (low, high), keyword-only, optional
        The uncertain parameters and their uniform ranges (exact numbers).
        Default: every parameter of the condition not in ``fixed``, with
        its (uniform) prior from ``priors`` or the space.
    priors : mapping, keyword-only, optional
        Uniform priors (frozen ``scipy.stats.uniform``); their ``loc`` and
        ``scale`` are read exactly through their shortest repr.
    fixed : mapping, keyword-only, optional
        Values of the other parameters (default: the space's defaults).

    Returns
    -------
    sympy.Rational

    Raises
    ------
    MethodNotApplicableError
        A prior that is not uniform, a nonlinear relation, relations linking
        three parameters, or too many terms in a union.
    SymbolicGameError
        A parameter of the condition is neither uncertain nor fixed.
    InvalidGameError
        A box outside the parameter's bounds, or an empty box.

    Examples
    --------
    M7 (``scenario_spec.md``): Strike is dominant iff ``p_f > max(1/2,
    v_sq + c_W)``. With ``p_f`` and ``c_W`` uniform on [0, 1] and
    ``v_sq = 1/2``, that is the triangle ``c_W < p_f - 1/2``:

    >>> from gametheory.scenarios import tripp
    >>> from gametheory.analysis import dominance_condition
    >>> M7 = tripp.m7()
    >>> strike = dominance_condition(M7.game, 0, "Strike")
    >>> exact_probability(strike, M7.space, box={"p_f": (0, 1), "c_W": (0, 1)},
    ...                   fixed={"v_sq": "1/2"})
    1/8
    """
    cond = _as_condition(condition)
    if not cond.decidable:
        raise MethodNotApplicableError(f"the condition has no closed form ({cond.reason})")
    by_name = {s.name: s for s in cond.parameters}
    depends = {s.name for s in cond.free_parameters}
    given_fixed = dict(fixed or {})
    ranges: dict[str, tuple[sympy.Rational, sympy.Rational]] = {}
    if box is not None:
        for name, pair in box.items():
            if space is not None:
                space[name]
            elif name not in by_name:
                raise UnknownParameterError(f"unknown parameter {name!r} in box")
            if name in given_fixed:
                raise InvalidGameError(f"parameter {name!r} is both uncertain (box) and fixed")
            low, high = to_rational(pair[0]), to_rational(pair[1])
            if not low < high:
                raise InvalidGameError(f"box[{name!r}] = ({low}, {high}) is empty")
            ranges[name] = (low, high)
    else:
        if space is None:
            raise InvalidGameError("give a parameter space (priors) or a box")
        for name in given_fixed:
            space[name]
        for name in space:
            if name in depends and name not in given_fixed:
                prior = _prior_of(space, name, priors)
                ranges[name] = _uniform_box(prior, name)
    if space is not None:
        for name, (low, high) in ranges.items():
            param = space[name]
            for v in (low, high):
                if (param.lower is not None and v < param.lower) or (
                    param.upper is not None and v > param.upper
                ):
                    raise InvalidGameError(
                        f"box[{name!r}] = ({low}, {high}) leaves the bounds "
                        f"{param._interval_text()}"
                    )
    values: dict[str, sympy.Rational] = {}
    for name in depends - set(ranges):
        if name in given_fixed:
            values[name] = to_rational(given_fixed[name])
        elif space is not None and name in space and space[name].default is not None:
            values[name] = space[name].default
        else:
            raise SymbolicGameError(
                f"the condition depends on {name!r}, which is neither uncertain nor fixed"
            )
    if space is not None:
        space.validate_values({k: v for k, v in values.items() if k in space})
    expr = cond.expr.xreplace({by_name[k]: v for k, v in values.items()})
    symbols = {by_name[k]: ranges[k] for k in ranges if k in by_name}
    if isinstance(expr, BooleanTrue | BooleanFalse):
        return sympy.Integer(int(isinstance(expr, BooleanTrue)))
    dnf = sympy.to_dnf(expr, simplify=False)
    terms = list(dnf.args) if isinstance(dnf, sympy.Or) else [dnf]
    if len(terms) > _MAX_UNION_TERMS:
        raise MethodNotApplicableError(
            f"the condition is a union of {len(terms)} parts (limit {_MAX_UNION_TERMS})"
        )
    total = sympy.Integer(0)
    for size in range(1, len(terms) + 1):
        sign = 1 if size % 2 else -1
        for subset in itertools.combinations(terms, size):
            rels = [r for t in subset for r in _relations(t)]
            total += sign * _conjunction_probability(rels, symbols)
    return total


# ---------------------------------------------------------------------------
# Sobol' indices
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SobolIndices:
    """First-order and total Sobol' indices with bootstrap confidence intervals.

    Attributes
    ----------
    parameters : tuple of str
        The uncertain parameters, in the order of the arrays.
    first_order, total_order : numpy.ndarray
        One index per parameter.
    first_order_interval, total_order_interval : numpy.ndarray
        Shape ``(2, d)``: low and high ends of the bootstrap intervals at
        level ``confidence``.
    n : int
        Base sample size (``n (d + 2)`` evaluations).
    confidence : float
    variance : float
        Variance of the output over the base samples.
    """

    parameters: tuple[str, ...]
    first_order: np.ndarray
    total_order: np.ndarray
    first_order_interval: np.ndarray
    total_order_interval: np.ndarray
    n: int
    confidence: float
    variance: float

    def as_dict(self) -> dict[str, tuple[float, float]]:
        """``{parameter: (first order, total)}``."""
        return {
            p: (float(s), float(t))
            for p, s, t in zip(self.parameters, self.first_order, self.total_order, strict=True)
        }

    def __str__(self) -> str:
        level = f"{100 * self.confidence:g}%"
        lines = [f"Sobol' indices (n = {self.n}, {level} bootstrap intervals)"]
        for k, p in enumerate(self.parameters):
            lo1, hi1 = self.first_order_interval[:, k]
            lo2, hi2 = self.total_order_interval[:, k]
            lines.append(
                f"  {p}: first order {self.first_order[k]:.3f} [{lo1:.3f}, {hi1:.3f}], "
                f"total {self.total_order[k]:.3f} [{lo2:.3f}, {hi2:.3f}]"
            )
        return "\n".join(lines)


def _target_function(
    target: Any,
    names: tuple[str, ...],
    fixed: Mapping[str, sympy.Rational],
    region: Any,
    output: Any,
) -> Callable[[dict[str, np.ndarray]], np.ndarray]:
    available = set(names) | set(fixed)
    if isinstance(target, Regions):
        for s in target.parameters:
            if s.name not in available:
                raise SymbolicGameError(
                    f"the regions vary {s.name!r}, which is neither uncertain nor fixed"
                )
        for k, v in target.fixed.items():
            if k in names:
                raise InvalidGameError(
                    f"{k!r} is uncertain here but fixed at {v} in the regions: build the "
                    "regions with it among their parameters"
                )
        if (region is None) == (output is None):
            raise InvalidGameError("with Regions, give exactly one of region=... or output=...")
        regime_names = [s.name for s in target.parameters]
        if region is not None:
            index = target.labels.index(region) if region in target.labels else None
            if index is None:
                for r in target.regions:
                    if region == r.auto_label:
                        index = r.index
            if index is None:
                raise UnknownLabelError(f"no region {region!r}; regions: {list(target.labels)}")

            def indicator(values: dict[str, np.ndarray]) -> np.ndarray:
                return (target.classify(**{n: values[n] for n in regime_names}) == index).astype(
                    float
                )

            return indicator
        if not isinstance(output, Probability | Payoff):
            raise TypeError("output must be a Probability or a Payoff")
        plan = _Plan("output", output, target, available)

        def quantity(values: dict[str, np.ndarray]) -> np.ndarray:
            size = len(next(iter(values[n] for n in names)))
            regime = target.classify(**{n: values[n] for n in regime_names})
            out = plan.evaluate(values, np.broadcast_to(regime, (size,)), size)
            return np.asarray(out, dtype=float)

        return quantity
    if region is not None or output is not None:
        raise InvalidGameError("region= and output= apply to a Regions target")
    if isinstance(target, Region):
        target = target.condition
    plan = _Plan("output", target, None, available)

    def evaluate(values: dict[str, np.ndarray]) -> np.ndarray:
        size = len(next(iter(values[n] for n in names)))
        return np.asarray(plan.evaluate(values, None, size), dtype=float)

    return evaluate


def _depends(target: Any) -> list[str]:
    if isinstance(target, Regions):
        return [s.name for s in target.parameters]
    if isinstance(target, Region):
        target = target.condition
    if isinstance(target, Condition):
        return [s.name for s in target.free_parameters]
    if isinstance(target, Threshold):
        free = target.bound.free_symbols | target.validity.expr.free_symbols
        return sorted(s.name for s in free)
    if isinstance(target, sympy.Basic):
        return sorted(s.name for s in target.free_symbols)
    raise InvalidGameError(
        "for a callable target, give parameters=[...] (the names it is called with)"
    )


def _saltelli(f_a: np.ndarray, f_b: np.ndarray, f_ab: np.ndarray) -> np.ndarray:
    """Saltelli (2010) first-order and Jansen total estimators, as in scipy (mean-centred).

    ``f_a``, ``f_b`` have shape ``(..., n)``, ``f_ab`` ``(d, ..., n)``; the result
    ``(2 d, ...)`` stacks the first-order then the total indices.
    """
    mean = (f_a.mean(axis=-1) + f_b.mean(axis=-1)) / 2
    fa = f_a - mean[..., None]
    fb = f_b - mean[..., None]
    fab = f_ab - mean[..., None]
    var = np.var(np.stack([fa, fb]), axis=(0, -1))
    with np.errstate(divide="ignore", invalid="ignore"):
        first = np.mean(fb * (fab - fa), axis=-1) / var
        total = 0.5 * np.mean((fa - fab) ** 2, axis=-1) / var
    return np.concatenate([first, total])


def sobol_indices(
    target: Any,
    space: ParameterSpace,
    n: int,
    *,
    parameters: Sequence[str] | None = None,
    region: str | None = None,
    output: Probability | Payoff | None = None,
    priors: Mapping[str, Any] | None = None,
    fixed: Mapping[str, Any] | None = None,
    rng: RngLike = None,
    confidence: float = 0.95,
    n_resamples: int = 999,
    bootstrap_method: str = "percentile",
) -> SobolIndices:
    """Global sensitivity: Sobol' indices of a verdict or an equilibrium quantity.

    Parameters
    ----------
    target : Condition, Regions, Threshold, sympy expression or callable
        A condition (its indicator, 1 where it holds); :class:`Regions`
        with ``region=`` (the indicator of a regime) or ``output=`` (an
        equilibrium probability or payoff, which must be defined almost
        everywhere: use ``reduce=`` for regimes with several equilibria);
        a threshold (its bound); an expression; or a vectorised callable
        ``f(**columns) -> array`` (then ``parameters`` is required).
    space : ParameterSpace
    n : int
        Base sample size, a power of 2.
    parameters : sequence of str, keyword-only, optional
        The uncertain parameters (default: those the target depends on, not
        in ``fixed``); each needs a prior.
    region : str, keyword-only, optional
    output : Probability or Payoff, keyword-only, optional
    priors, fixed
        As for :func:`probability`.
    rng : int, SeedSequence, Generator or None, keyword-only
        Seeds both the Sobol' design and the bootstrap.
    confidence : float, keyword-only
        Level of the bootstrap intervals.
    n_resamples : int, keyword-only
        Bootstrap resamples (default 999).
    bootstrap_method : {"percentile", "basic", "BCa"}, keyword-only
        The interval of :func:`scipy.stats.bootstrap`. ``"BCa"`` (what
        scipy's ``SobolResult.bootstrap`` uses) needs a jackknife of
        ``n`` evaluations of the estimator, which costs ``O(n**2 d)``:
        about 8 s for ``n = 2**13``, against 1 s for the percentile
        interval.

    Returns
    -------
    SobolIndices

    Raises
    ------
    MethodNotApplicableError
        The output is constant over the sample (the indices are undefined)
        or undefined (NaN) at some points.
    InvalidGameError, SymbolicGameError, UnknownParameterError
        As for :func:`probability`.
    ValueError
        ``n`` not a power of 2.

    Notes
    -----
    The point estimates are those of :func:`scipy.stats.sobol_indices`
    (``method="saltelli_2010"``) on a design drawn as scipy draws it (one
    scrambled Sobol' sequence of dimension ``2 d`` split into ``A`` and
    ``B``, mapped through the priors' quantile functions). The bootstrap
    intervals are computed with :func:`scipy.stats.bootstrap` (BCa) on the
    same estimator, seeded by ``rng`` (scipy's ``SobolResult.bootstrap``
    cannot be seeded). The inputs are taken as independent.

    References
    ----------
    .. [1] I. M. Sobol', Mathematical Modeling and Computational Experiment 1
       (1993) 407-414.
    .. [2] A. Saltelli, Computer Physics Communications 145 (2002) 280-297.
    .. [3] A. Saltelli et al., Computer Physics Communications 181 (2010)
       259-270.

    Examples
    --------
    An additive model ``x + 2*y`` with ``x``, ``y`` uniform on [0, 1]: the
    variances are 1/12 and 4/12, so ``S_x = S_Tx = 1/5`` and ``S_y = S_Ty = 4/5``.

    >>> import sympy
    >>> from gametheory.parameters import Parameter, ParameterSpace
    >>> space = ParameterSpace([Parameter("x", 0, 1, prior={"dist": "uniform"}),
    ...                         Parameter("y", 0, 1, prior={"dist": "uniform"})])
    >>> x, y = space.symbols.values()
    >>> res = sobol_indices(x + 2*y, space, 2**12, rng=0)
    >>> res.first_order.round(2).tolist(), res.total_order.round(2).tolist()
    ([0.2, 0.8], [0.2, 0.8])
    """
    from scipy import stats
    from scipy.stats import qmc

    if not isinstance(space, ParameterSpace):
        raise TypeError(f"space must be a ParameterSpace; got {type(space).__name__}")
    if not isinstance(n, int | np.integer) or isinstance(n, bool) or n < 2 or n & (n - 1):
        raise ValueError(f"n must be a power of 2 (the Sobol' design's balance); got {n!r}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be in (0, 1); got {confidence!r}")
    if bootstrap_method not in ("percentile", "basic", "BCa"):
        raise ValueError(
            f"bootstrap_method must be 'percentile', 'basic' or 'BCa'; got {bootstrap_method!r}"
        )
    if isinstance(target, Regions) and fixed:
        raise InvalidGameError("the regions fix their other parameters; do not pass fixed=")
    if parameters is None:
        depends = _depends(target)
        names = _uncertain(space, depends, None, fixed)
    else:
        names = _uncertain(space, [], parameters, fixed)
    if not names:
        raise InvalidGameError("no uncertain parameter")
    fixed_given = dict(target.fixed) if isinstance(target, Regions) else dict(fixed or {})
    for name in fixed_given:
        if name in names:
            raise InvalidGameError(f"parameter {name!r} is both uncertain and fixed")
    checked = space.validate_values({k: v for k, v in fixed_given.items() if k in space})
    fixed_values = {
        k: p.default for k, p in space.items() if k not in names and p.default is not None
    }
    fixed_values.update(checked)
    dists = [_prior_of(space, name, priors) for name in names]
    func = _target_function(target, names, fixed_values, region, output)
    d = len(names)
    seq = seed_sequence(rng)
    design_rng, boot_rng = (np.random.default_rng(s) for s in seq.spawn(2))
    engine = qmc.Sobol(d=2 * d, bits=64, **_rng_keyword(qmc.Sobol, design_rng))
    a_b = engine.random(n).T.reshape(2, d, -1)
    for k, dist in enumerate(dists):
        a_b[:, k] = dist.ppf(a_b[:, k])
    a, b = a_b
    ab = np.tile(a, (d, 1, 1))
    ab[np.arange(d), np.arange(d)] = b[np.arange(d)]
    stacked = np.concatenate([a, b, np.moveaxis(ab, 0, 1).reshape(d, n * d)], axis=1)
    fixed_floats = {k: float(v) for k, v in fixed_values.items()}
    values = {**fixed_floats, **{name: stacked[k] for k, name in enumerate(names)}}
    f_all = np.asarray(func(values), dtype=float)
    if f_all.shape != (n * (d + 2),):
        raise InvalidGameError(
            f"the target returned shape {f_all.shape}; expected one value per point"
        )
    if not np.all(np.isfinite(f_all)):
        bad = int(np.count_nonzero(~np.isfinite(f_all)))
        raise MethodNotApplicableError(
            f"the output is undefined (NaN) at {bad} of {f_all.size} points (no unique "
            "equilibrium there?); use reduce='max' or 'min', or another target"
        )
    f_a, f_b = f_all[:n], f_all[n : 2 * n]
    f_ab = f_all[2 * n :].reshape(d, n)
    variance = float(np.var(np.concatenate([f_a, f_b])))
    if variance == 0:
        raise MethodNotApplicableError(
            "the output is constant over the sample; Sobol' indices are undefined"
        )
    res = stats.sobol_indices(
        func={"f_A": f_a[None, :], "f_B": f_b[None, :], "f_AB": f_ab[:, None, :]}, n=n
    )
    first = np.atleast_1d(np.asarray(res.first_order, dtype=float)).reshape(d)
    total = np.atleast_1d(np.asarray(res.total_order, dtype=float)).reshape(d)

    def statistic(idx: np.ndarray, axis: int = -1) -> np.ndarray:
        idx = np.asarray(idx, dtype=np.intp)
        return _saltelli(f_a[idx], f_b[idx], f_ab[:, idx])

    with warnings.catch_warnings():
        # a parameter the output does not depend on has indices exactly 0 in
        # every resample: scipy warns that the distribution is degenerate
        warnings.simplefilter("ignore", RuntimeWarning)
        warnings.simplefilter("ignore", getattr(stats, "DegenerateDataWarning", RuntimeWarning))
        boot = stats.bootstrap(
            (np.arange(n),),
            statistic,
            vectorized=True,
            n_resamples=n_resamples,
            confidence_level=confidence,
            method=bootstrap_method,
            batch=max(1, 2**20 // (n * (d + 2))),
            **_rng_keyword(stats.bootstrap, boot_rng),
        )
    low = np.array(boot.confidence_interval.low, dtype=float)
    high = np.array(boot.confidence_interval.high, dtype=float)
    spread = np.asarray(boot.bootstrap_distribution)
    for k in range(2 * d):
        if not (np.isfinite(low[k]) and np.isfinite(high[k])) and np.ptp(spread[k]) == 0:
            low[k] = high[k] = spread[k].flat[0]
    return SobolIndices(
        parameters=names,
        first_order=first,
        total_order=total,
        first_order_interval=np.vstack([low[:d], high[:d]]),
        total_order_interval=np.vstack([low[d:], high[d:]]),
        n=int(n),
        confidence=confidence,
        variance=variance,
    )
