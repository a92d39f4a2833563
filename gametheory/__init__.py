"""gametheory: exact, verified solvers for symbolic game-theoretic dilemmas.

The public API, re-exported here:

* games: :class:`NormalFormGame`
* solving: :func:`solve`, :func:`verify`, :class:`Equilibrium`, :class:`Solution`
* files: :func:`read_game`, :func:`write_game` (Gambit ``.nfg``)
* parameters: :class:`Parameter`, :class:`ParameterSpace`, :func:`parse_expression`
* dynamics: :func:`replicator`, :func:`logit_dynamics`, :func:`fictitious_play`,
  :func:`stochastic_fictitious_play`

Examples
--------
>>> import gametheory as gt
>>> pd = gt.NormalFormGame.from_arrays([[3, 0], [5, 1]], [[3, 5], [0, 1]],
...     strategies=[["C", "D"], ["C", "D"]])
>>> print(gt.solve(pd)[0])
1: D; 2: D -> payoffs (1, 1)
"""

from __future__ import annotations

from .dynamics import fictitious_play, logit_dynamics, replicator, stochastic_fictitious_play
from .equilibrium import Equilibrium, Solution, Verification, certify, expected_payoffs, verify
from .errors import (
    GameFormatError,
    GameTheoryError,
    InvalidGameError,
    InvalidProfileError,
    MethodNotApplicableError,
    ParseError,
    SymbolicGameError,
    UnknownLabelError,
    UnknownParameterError,
    VerificationError,
)
from .games import BayesianGame, BehaviorProfile, ExtensiveFormGame, NormalFormGame, SignalingGame
from .io import read_game, write_game
from .io.scenario import read_scenario
from .parameters import Parameter, ParameterSpace, parse_expression
from .solvers import available_methods, solve

__version__ = "0.1.0"

__all__ = [
    "BayesianGame",
    "SignalingGame",
    "BehaviorProfile",
    "ExtensiveFormGame",
    "Equilibrium",
    "GameFormatError",
    "GameTheoryError",
    "InvalidGameError",
    "InvalidProfileError",
    "MethodNotApplicableError",
    "NormalFormGame",
    "Parameter",
    "ParameterSpace",
    "ParseError",
    "Solution",
    "SymbolicGameError",
    "UnknownLabelError",
    "UnknownParameterError",
    "Verification",
    "VerificationError",
    "available_methods",
    "certify",
    "expected_payoffs",
    "fictitious_play",
    "logit_dynamics",
    "parse_expression",
    "read_game",
    "read_scenario",
    "replicator",
    "solve",
    "stochastic_fictitious_play",
    "verify",
    "write_game",
]
