"""Shared pytest configuration: Hypothesis profiles.

``ci`` (default) keeps the whole suite under a few minutes on 2 cores;
``thorough`` (``make test-thorough`` or ``HYPOTHESIS_PROFILE=thorough``) runs
many more examples; ``dev`` is quick for local iteration. Property tests that need a
budget other than the profile's use ``@scaled(n, ...)`` from ``tests/_hypothesis.py``
rather than a fixed ``max_examples``: ``n`` examples under ``ci``, scaled by the loaded
profile's ``max_examples`` (``thorough`` 25n, ``dev`` n/4).
"""

from __future__ import annotations

import os

import matplotlib
from hypothesis import HealthCheck, Verbosity, settings

matplotlib.use("Agg")

settings.register_profile(
    "ci",
    max_examples=40,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    max_examples=1000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=10, deadline=None, verbosity=Verbosity.normal)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
