"""Game representations: normal form, extensive form (trees), Bayesian and signaling games."""

from .bayesian import BayesianGame, SignalingGame
from .behavior import BehaviorProfile
from .extensive import CHANCE, ExtensiveFormGame, Infoset, Node, SequenceForm
from .normal import NormalFormGame

__all__ = [
    "CHANCE",
    "BayesianGame",
    "BehaviorProfile",
    "ExtensiveFormGame",
    "Infoset",
    "Node",
    "NormalFormGame",
    "SequenceForm",
    "SignalingGame",
]
