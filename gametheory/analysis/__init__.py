"""Analysis of symbolic games: exact conditions in the parameters.

* :mod:`gametheory.analysis.conditions` -- exact conditions for dominance,
  equilibria, thresholds and regime partitions (sympy, simplified, compiled
  to numpy for fast evaluation).
* :mod:`gametheory.analysis.sweep` -- grids and samples of the parameter
  space, evaluated by compiled conditions in vectorised chunks, or solved
  point by point on any ``concurrent.futures`` executor or a Dask client.
* :mod:`gametheory.analysis.uncertainty` -- priors, Monte Carlo region
  probabilities with Wilson intervals, exact probabilities of polygonal
  regions, Sobol sensitivity indices.

Examples
--------
>>> from gametheory.analysis import dominance_condition
>>> from gametheory import NormalFormGame
>>> import sympy
>>> c = sympy.Symbol("c", nonnegative=True)
>>> g = NormalFormGame.from_arrays([[1, 0], [2 - c, 1 - c]], [[0, 0], [0, 0]],
...     strategies=[["Up", "Down"], ["L", "R"]])
>>> dominance_condition(g, "1", "Down")
Condition(c < 1)
"""

from __future__ import annotations

from .conditions import (
    Condition,
    EquilibriumConditions,
    KnifeEdge,
    MixedEquilibriumCondition,
    PureEquilibriumCondition,
    Region,
    Regions,
    Threshold,
    dominance_condition,
    equilibrium_conditions,
    regions,
    threshold,
)
from .pbe_regions import PBEClassification, PBERegion, PBERegionPiece, SymbolicInterval, pbe_regions
from .spe import SPEBranch, SPEOutcome, spe_outcome
from .sweep import Design, Payoff, Probability, SweepResult, grid, sample, sweep, sweep_solve
from .uncertainty import (
    ProbabilityEstimate,
    SobolIndices,
    exact_probability,
    probability,
    regime_probabilities,
    sobol_indices,
    wilson_interval,
)

__all__ = [
    "SPEBranch",
    "SPEOutcome",
    "spe_outcome",
    "PBEClassification",
    "PBERegion",
    "PBERegionPiece",
    "SymbolicInterval",
    "pbe_regions",
    "Condition",
    "Design",
    "Payoff",
    "Probability",
    "ProbabilityEstimate",
    "SobolIndices",
    "SweepResult",
    "EquilibriumConditions",
    "KnifeEdge",
    "MixedEquilibriumCondition",
    "PureEquilibriumCondition",
    "Region",
    "Regions",
    "Threshold",
    "dominance_condition",
    "equilibrium_conditions",
    "exact_probability",
    "grid",
    "probability",
    "regime_probabilities",
    "regions",
    "sample",
    "sobol_indices",
    "sweep",
    "sweep_solve",
    "threshold",
    "wilson_interval",
]
