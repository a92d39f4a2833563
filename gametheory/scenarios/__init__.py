"""Scenario families: games built from scenario files, with derived closed forms.

* :mod:`gametheory.scenarios.tripp` -- the TRIPP corridor dilemma
  (``scenario_spec.md``): models M1, M2, M3, M5 and M7, built symbolically
  from ``seeds/tripp.toml``;
* :mod:`gametheory.scenarios.tripp_bayesian` -- its signaling model M4 and
  the two-front reputation model M6.

Scenario files themselves are read by :func:`gametheory.io.scenario.read_scenario`.

Examples
--------
>>> from gametheory.scenarios import tripp
>>> tripp.m1().parameters
('p', 'c_R', 'l_R', 'e_R', 'b_T', 'm_T', 'c_T', 'h_T')
"""

from __future__ import annotations

from . import tripp, tripp_bayesian

__all__ = ["tripp", "tripp_bayesian"]
