"""Catalog of known games with equilibria taken from the literature.

Each entry cites its source. ``extreme`` lists every extreme Nash equilibrium
as ``(x, y)`` probability tuples (exact); ``pure`` lists the pure equilibria by
strategy labels. Degenerate games also list their maximal convex sets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction as F

from gametheory import NormalFormGame


@dataclass(frozen=True)
class KnownGame:
    id: str
    game: NormalFormGame
    source: str
    pure: frozenset[tuple[str, ...]]
    extreme: frozenset[tuple[tuple[F, ...], ...]] | None = None  # 2-player only
    degenerate: bool = False
    components: tuple[frozenset[int], ...] = field(default=())


def _x(*v) -> tuple[F, ...]:
    return tuple(F(t) for t in v)


PD = KnownGame(
    "prisoners-dilemma",
    NormalFormGame.from_arrays(
        [[3, 0], [5, 1]],
        [[3, 5], [0, 1]],
        players=["Row", "Col"],
        strategies=[["C", "D"], ["C", "D"]],
        title="Prisoner's dilemma",
    ),
    "Gibbons (1992), Game Theory for Applied Economists, §1.1.A",
    frozenset({("D", "D")}),
    frozenset({(_x(0, 1), _x(0, 1))}),
)

BOS = KnownGame(
    "battle-of-the-sexes",
    NormalFormGame.from_arrays(
        [[2, 0], [0, 1]],
        [[1, 0], [0, 2]],
        players=["Pat", "Chris"],
        strategies=[["Opera", "Fight"], ["Opera", "Fight"]],
        title="Battle of the sexes",
    ),
    "Gibbons (1992), §1.3.B (mixed equilibrium (2/3, 1/3), (1/3, 2/3))",
    frozenset({("Opera", "Opera"), ("Fight", "Fight")}),
    frozenset(
        {
            (_x(1, 0), _x(1, 0)),
            (_x(0, 1), _x(0, 1)),
            (_x(F(2, 3), F(1, 3)), _x(F(1, 3), F(2, 3))),
        }
    ),
)

MATCHING_PENNIES = KnownGame(
    "matching-pennies",
    NormalFormGame.zero_sum([[1, -1], [-1, 1]], strategies=[["H", "T"], ["H", "T"]]),
    "Osborne & Rubinstein (1994), A Course in Game Theory, Example 15.1 (value 0)",
    frozenset(),
    frozenset({(_x(F(1, 2), F(1, 2)), _x(F(1, 2), F(1, 2)))}),
)

RPS = KnownGame(
    "rock-paper-scissors",
    NormalFormGame.zero_sum(
        [[0, -1, 1], [1, 0, -1], [-1, 1, 0]],
        strategies=[["R", "P", "S"], ["R", "P", "S"]],
    ),
    "von Neumann & Morgenstern (1944); unique equilibrium uniform",
    frozenset(),
    frozenset({(_x(F(1, 3), F(1, 3), F(1, 3)), _x(F(1, 3), F(1, 3), F(1, 3)))}),
)

SHAPLEY_1964 = KnownGame(
    "shapley-1964",
    NormalFormGame.from_arrays(
        [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
        [[0, 1, 0], [0, 0, 1], [1, 0, 0]],
        title="Shapley's game",
    ),
    "Shapley (1964), Some topics in two-person games, Annals of Math. Studies 52: "
    "unique equilibrium, uniform",
    frozenset(),
    frozenset({(_x(F(1, 3), F(1, 3), F(1, 3)), _x(F(1, 3), F(1, 3), F(1, 3)))}),
)

VON_STENGEL_3X2 = KnownGame(
    "von-stengel-2007-3x2",
    NormalFormGame.from_arrays([[3, 3], [2, 5], [0, 6]], [[3, 2], [2, 6], [3, 1]]),
    "von Stengel (2007), Equilibrium computation for two-player games, "
    "in Algorithmic Game Theory, ch. 3, eq. (3.3)",
    frozenset({("1", "1")}),
    frozenset(
        {
            (_x(1, 0, 0), _x(1, 0)),
            (_x(F(4, 5), F(1, 5), 0), _x(F(2, 3), F(1, 3))),
            (_x(0, F(1, 3), F(2, 3)), _x(F(1, 3), F(2, 3))),
        }
    ),
)

# Entry deterrence in normal form: the entrant's Out makes the incumbent
# indifferent, so (Out, Fight w.p. >= 1/2) is a segment of equilibria.
ENTRY = KnownGame(
    "entry-deterrence-degenerate",
    NormalFormGame.from_arrays(
        [[0, 0], [-1, 1]],
        [[2, 2], [-1, 1]],
        players=["Entrant", "Incumbent"],
        strategies=[["Out", "In"], ["Fight", "Accommodate"]],
        title="Entry deterrence (strategic form)",
    ),
    "Selten (1975); Fudenberg & Tirole (1991), Game Theory, §3.2 (entry deterrence)",
    frozenset({("Out", "Fight"), ("In", "Accommodate")}),
    frozenset(
        {
            (_x(1, 0), _x(1, 0)),
            (_x(1, 0), _x(F(1, 2), F(1, 2))),
            (_x(0, 1), _x(0, 1)),
        }
    ),
    degenerate=True,
)

# Every profile is an equilibrium: one convex set with four extreme points.
ALL_TIES = KnownGame(
    "all-ties-2x2",
    NormalFormGame.from_arrays([[1, 1], [1, 1]], [[0, 0], [0, 0]]),
    "trivial degenerate game (every profile is an equilibrium)",
    frozenset({("1", "1"), ("1", "2"), ("2", "1"), ("2", "2")}),
    frozenset(
        {
            (_x(1, 0), _x(1, 0)),
            (_x(1, 0), _x(0, 1)),
            (_x(0, 1), _x(1, 0)),
            (_x(0, 1), _x(0, 1)),
        }
    ),
    degenerate=True,
)

# A strategy paying 0 against everything: nashpy's polytope for it is
# unbounded (it shifts only negative payoffs), the trap noted in the issue.
ZERO_ROW = KnownGame(
    "zero-row-trap",
    NormalFormGame.from_arrays([[0, 0], [2, -1]], [[1, 0], [0, 1]]),
    "constructed: row 1 pays 0 everywhere; by hand no pure equilibrium and the unique "
    "mixed one has x = (1/2, 1/2) (column indifferent), y = (1/3, 2/3) (row indifferent)",
    frozenset(),
    frozenset({(_x(F(1, 2), F(1, 2)), _x(F(1, 3), F(2, 3)))}),
)

THREE_PLAYER_COORDINATION = KnownGame(
    "three-player-coordination",
    NormalFormGame.from_profiles(
        [
            [[[1, 1, 1], [0, 0, 0]], [[0, 0, 0], [0, 0, 0]]],
            [[[0, 0, 0], [0, 0, 0]], [[0, 0, 0], [2, 2, 2]]],
        ],
        players=["A", "B", "C"],
        strategies=[["x", "y"]] * 3,
    ),
    "pure coordination: the odd player out of any 2-1 split gains by matching",
    frozenset({("x", "x", "x"), ("y", "y", "y")}),
)

TWO_PLAYER = [
    PD,
    BOS,
    MATCHING_PENNIES,
    RPS,
    SHAPLEY_1964,
    VON_STENGEL_3X2,
    ENTRY,
    ALL_TIES,
    ZERO_ROW,
]
ALL = [*TWO_PLAYER, THREE_PLAYER_COORDINATION]
