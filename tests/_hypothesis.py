"""Hypothesis settings whose example count follows the active profile.

``@scaled(n, ...)`` replaces ``@settings(max_examples=n, ...)`` in the property tests:
it runs ``n`` examples under the default ``ci`` profile and proportionally more (or
fewer) under the others registered in ``tests/conftest.py`` -- ``thorough`` has 25
times as many examples as ``ci``, ``dev`` a quarter -- so ``make test-thorough`` runs
every property test harder, while CI time stays the same.
"""

from __future__ import annotations

from typing import Any

from hypothesis import settings

__all__ = ["BASE_PROFILE", "scaled"]

#: The profile under which ``scaled(n)`` runs exactly ``n`` examples.
BASE_PROFILE = "ci"


def scaled(n: int, /, **kwargs: Any) -> settings:
    """Settings with ``n`` examples under ``ci``, scaled with the loaded profile.

    Parameters
    ----------
    n : int
        Number of examples under the ``ci`` profile (at least 1).
    **kwargs
        Any other :class:`hypothesis.settings` option (``deadline``,
        ``suppress_health_check``, ``derandomize``, ...), passed through unchanged;
        options not given come from the loaded profile.

    Returns
    -------
    hypothesis.settings
        ``max_examples = max(1, n * loaded // base)``, where ``loaded`` and ``base``
        are the ``max_examples`` of the loaded profile and of ``ci``.

    Raises
    ------
    ValueError
        If ``n`` is not a positive integer.
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be a positive integer; got {n!r}")
    base = settings.get_profile(BASE_PROFILE).max_examples
    return settings(max_examples=max(1, n * settings.default.max_examples // base), **kwargs)
