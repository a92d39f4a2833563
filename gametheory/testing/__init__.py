"""Hypothesis strategies for games, parameter points and payoff assumptions.

Property-based tests state what must hold for *every* game of a class, or for
every parameter point satisfying some assumptions, and let Hypothesis search
for a counterexample and shrink it to a simple one.  These strategies
generate the games and points; they need only ``hypothesis`` (not pytest).

Games
-----
:func:`normal_form_games`
    Any number of players and strategies, integer, rational or float payoffs.
:func:`degenerate_games`, :func:`non_degenerate_games`
    Two-player games built to be degenerate (ties, duplicated strategies, a
    player indifferent among more strategies than the opponent's support),
    or in general position.
:func:`prisoners_dilemmas`, :func:`chickens`, :func:`stag_hunts`, :func:`deadlocks`, :func:`deterrence_games`
    Ordinal classes of 2x2 games, defined by their payoff inequalities.
:func:`ordinal_games`
    Any ordinal class: a ranking of the outcomes for each player.
:func:`extensive_form_games`, :func:`perfect_information_trees`
    Game trees with chance moves and information sets, with perfect recall
    by construction; or of perfect information.
:func:`bayesian_games`, :func:`signaling_games`
    Games of incomplete information: types with a common prior; a sender
    with private types and a receiver who sees only the message.

Parameters and assumptions
--------------------------
:func:`parameter_points`
    Exact (or float) points of a :class:`~gametheory.parameters.ParameterSpace`,
    inside the declared bounds, optionally satisfying a condition; generation
    is targeted so that most draws satisfy it.
:func:`assumptions`
    The points satisfying stated payoff assumptions (sympy conditions or
    strings, parsed safely).
:func:`games_satisfying`
    Numeric instances ``game.at(**point)`` of a symbolic game, as
    :class:`GameInstance` pairs.

Conventions
-----------
As in Hypothesis itself: options are keyword-only, bounds are ``min_*`` /
``max_*``, an option that takes a strategy (``payoffs=st.fractions(...)``)
takes only a strategy, and invalid arguments raise
:class:`hypothesis.errors.InvalidArgument` when the strategy is first drawn
from.  Every docstring says what examples shrink towards.  Games are built by
:meth:`~gametheory.NormalFormGame.from_arrays`, and failing examples print as
that call, so they can be pasted into a regression test; trees print as
``ExtensiveFormGame.from_dict({...})``, games of incomplete information as
``BayesianGame(...)`` and ``SignalingGame(...)``.

Examples
--------
A property of every prisoner's dilemma (here: Defect is a strict best
response to both strategies of the opponent):

>>> from hypothesis import given
>>> from gametheory.testing import prisoners_dilemmas
>>> @given(prisoners_dilemmas(symmetric=False))
... def test_defect_dominates(game):
...     for col in ("Cooperate", "Defect"):
...         assert game["Defect", col][0] > game["Cooperate", col][0]
>>> test_defect_dominates()

A claim tested on every parameter point satisfying an assumption; the false
claim "p < 1/2 whenever c_R < p*l_R" is refuted by the simplest counterexample:

>>> from hypothesis import find
>>> from gametheory.parameters import Parameter, ParameterSpace
>>> from gametheory.testing import assumptions
>>> space = ParameterSpace([Parameter("p", 0, 1, default="1/2"),
...                         Parameter("c_R", 0, default="3/10"),
...                         Parameter("l_R", 0, default="1/5")])
>>> find(assumptions(space, "c_R < p*l_R"), lambda pt: pt["p"] >= 1/2)
{'p': Fraction(1, 2), 'c_R': Fraction(0, 1), 'l_R': Fraction(1, 5)}
"""

from __future__ import annotations

from ._games import (
    DETERRENCE_ORDER,
    chickens,
    deadlocks,
    degenerate_games,
    deterrence_games,
    non_degenerate_games,
    normal_form_games,
    ordinal_games,
    prisoners_dilemmas,
    stag_hunts,
)
from ._parameters import GameInstance, assumptions, games_satisfying, parameter_points
from ._trees import (
    bayesian_games,
    extensive_form_games,
    perfect_information_trees,
    signaling_games,
)

__all__ = [
    "DETERRENCE_ORDER",
    "GameInstance",
    "assumptions",
    "bayesian_games",
    "chickens",
    "deadlocks",
    "degenerate_games",
    "deterrence_games",
    "extensive_form_games",
    "games_satisfying",
    "non_degenerate_games",
    "normal_form_games",
    "ordinal_games",
    "parameter_points",
    "perfect_information_trees",
    "prisoners_dilemmas",
    "signaling_games",
    "stag_hunts",
]
