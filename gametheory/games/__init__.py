"""Game representations: normal form, extensive form (trees) and behaviour profiles."""

from .behavior import BehaviorProfile
from .extensive import CHANCE, ExtensiveFormGame, Infoset, Node, SequenceForm
from .normal import NormalFormGame

__all__ = [
    "CHANCE",
    "BehaviorProfile",
    "ExtensiveFormGame",
    "Infoset",
    "Node",
    "NormalFormGame",
    "SequenceForm",
]
