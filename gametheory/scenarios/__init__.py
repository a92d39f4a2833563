"""Scenario families: games built from scenario files, with derived closed forms.

* :mod:`gametheory.scenarios.tripp` -- the TRIPP corridor dilemma
  (``scenario_spec.md``): models M1, M2, M3, M5 and M7, built symbolically
  from ``seeds/tripp.toml``.

Scenario files themselves are read by :func:`gametheory.io.scenario.read_scenario`.

Examples
--------
>>> from gametheory.scenarios import tripp
>>> tripp.m1().parameters
('p', 'c_R', 'l_R', 'e_R', 'b_T', 'm_T', 'c_T', 'h_T')
"""

from __future__ import annotations

from . import tripp

__all__ = ["tripp"]
