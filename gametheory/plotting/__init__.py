"""Plots of games and results (matplotlib, imported only when a plot is made).

* :func:`game_tree` -- an extensive-form game tree, optionally with an
  equilibrium highlighted (:mod:`gametheory.plotting.tree`);
* :func:`regime_map`, :func:`threshold_curve`, :func:`equilibrium_path`,
  :func:`best_response_plot`, :func:`boundary_curves`, :func:`bifurcations`
  -- regimes of symbolic games over their parameters
  (:mod:`gametheory.plotting.regimes`);
* :func:`qre_path` -- choice probabilities along the logit QRE branch
  (:mod:`gametheory.plotting.qre`);
* :func:`trajectory`, :func:`simplex_portrait` -- replicator, logit and
  fictitious-play dynamics (:mod:`gametheory.plotting.dynamics`).

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from gametheory.plotting import game_tree
>>> from gametheory.games.extensive import ExtensiveFormGame
>>> g = ExtensiveFormGame(["A"])
>>> x, y = g.move(g.root, "A", ["x", "y"])
>>> _ = g.outcome(x, [1]); _ = g.outcome(y, [0])
>>> ax = game_tree(g)
"""

from __future__ import annotations

import importlib
from typing import Any

#: public name -> submodule that defines it (imported on first use)
_LAZY = {
    "game_tree": "tree",
    "regime_map": "regimes",
    "threshold_curve": "regimes",
    "equilibrium_path": "regimes",
    "best_response_plot": "regimes",
    "boundary_curves": "regimes",
    "bifurcations": "regimes",
    "qre_path": "qre",
    "trajectory": "dynamics",
    "simplex_portrait": "dynamics",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
