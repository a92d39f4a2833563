"""Game representations: normal form (and, as they land, extensive and Bayesian)."""

from .normal import NormalFormGame

__all__ = ["NormalFormGame"]
