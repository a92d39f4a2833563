"""Analysis of symbolic games: exact conditions in the parameters.

* :mod:`gametheory.analysis.conditions` -- exact conditions for dominance,
  equilibria, thresholds and regime partitions (sympy, simplified, compiled
  to numpy for fast evaluation).

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

__all__ = [
    "Condition",
    "EquilibriumConditions",
    "KnifeEdge",
    "MixedEquilibriumCondition",
    "PureEquilibriumCondition",
    "Region",
    "Regions",
    "Threshold",
    "dominance_condition",
    "equilibrium_conditions",
    "regions",
    "threshold",
]
