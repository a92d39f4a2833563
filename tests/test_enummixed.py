"""Tests of ``enummixed``: all extreme equilibria by exact vertex enumeration.

Expected equilibria come from the literature (fixtures below and in
``tests/games.py``, each with its source) or from independent oracles:
pygambit's ``enummixed_solve(rational=True)`` (exact) and nashpy's
``vertex_enumeration`` (float, non-degenerate games only, payoffs shifted to a
minimum of 1 because nashpy leaves a strategy paying 0 everywhere with an
unbounded polytope).
"""

from __future__ import annotations

import itertools
import random
from fractions import Fraction as F

import numpy as np
import pygambit as gbt
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from gametheory import (
    MethodNotApplicableError,
    NormalFormGame,
    SymbolicGameError,
    solve,
    verify,
)
from gametheory.solvers.vertex_enumeration import solve_enummixed
from gametheory.testing import degenerate_games, non_degenerate_games, normal_form_games
from tests._hypothesis import scaled
from tests.games import ALL_TIES, ENTRY, TWO_PLAYER, KnownGame

Profile = tuple[tuple[F, ...], tuple[F, ...]]


def _x(*v: object) -> tuple[F, ...]:
    return tuple(F(t) for t in v)  # type: ignore[arg-type]


# ---------------------------------------------------------------- extra fixtures
# A degenerate variant of the game (3.3) of von Stengel (2007), in the spirit of his
# Section 3.6 on degenerate games: the first row of B changed to (3, 3). The top row then has both columns as best
# responses, and it is an equilibrium with every y = (a, 1 - a), a >= 2/3 (row 1
# earns 3 >= 2a + 5(1 - a) iff a >= 2/3); the mixed equilibrium on rows 2, 3 of
# (3.3) survives. Extreme equilibria checked by hand.
VON_STENGEL_DEGENERATE = KnownGame(
    "von-stengel-2007-degenerate-3x2",
    NormalFormGame.from_arrays([[3, 3], [2, 5], [0, 6]], [[3, 3], [2, 6], [3, 1]]),
    "von Stengel (2007), Algorithmic Game Theory ch. 3, game (3.3) made degenerate "
    "(row 1 of B = (3, 3)); equilibria by hand",
    frozenset({("1", "1")}),
    frozenset({
        (_x(1, 0, 0), _x(1, 0)),
        (_x(1, 0, 0), _x(F(2, 3), F(1, 3))),
        (_x(0, F(1, 3), F(2, 3)), _x(F(1, 3), F(2, 3))),
    }),
    degenerate=True,
    components=(frozenset({0, 1}),),  # indices in descending lexicographic order of (x, y)
)

# Matching pennies (Osborne & Rubinstein 1994, Example 15.1) with player 1's
# Heads duplicated: player 2 still mixes (1/2, 1/2) and player 1 puts total
# weight 1/2 on the two copies of Heads in any proportion, a segment with two
# extreme points (a duplicated strategy makes a game degenerate).
MP_DUPLICATE = KnownGame(
    "matching-pennies-duplicated-heads",
    NormalFormGame.from_arrays(
        [[1, -1], [1, -1], [-1, 1]],
        [[-1, 1], [-1, 1], [1, -1]],
        strategies=[["H", "H'", "T"], ["H", "T"]],
    ),
    "Osborne & Rubinstein (1994), Example 15.1, with a duplicated strategy",
    frozenset(),
    frozenset({
        (_x(0, F(1, 2), F(1, 2)), _x(F(1, 2), F(1, 2))),
        (_x(F(1, 2), 0, F(1, 2)), _x(F(1, 2), F(1, 2))),
    }),
    degenerate=True,
    components=(frozenset({0, 1}),),
)

# The zero-row trap of tests/games.py with the players swapped: now the column
# player's first strategy pays 0 everywhere. Unique equilibrium, by hand: the
# roles of x and y swap, x = (1/3, 2/3), y = (1/2, 1/2).
ZERO_COLUMN = KnownGame(
    "zero-column-trap",
    NormalFormGame.from_arrays([[1, 0], [0, 1]], [[0, 2], [0, -1]]),
    "constructed (transpose of the zero-row trap): column 1 pays 0 everywhere",
    frozenset(),
    frozenset({(_x(F(1, 3), F(2, 3)), _x(F(1, 2), F(1, 2)))}),
)

# Entry deterrence: (Out, Fight) and (Out, (1/2, 1/2)) span the segment of
# equilibria described in tests/games.py (Fudenberg & Tirole 1991, §3.2).
ENTRY_COMPONENTS = (frozenset({0, 1}),)

KNOWN = [*TWO_PLAYER, VON_STENGEL_DEGENERATE, MP_DUPLICATE, ZERO_COLUMN]


# ---------------------------------------------------------------- helpers
def gambit_set(game: NormalFormGame) -> set[Profile]:
    """Extreme equilibria by pygambit (exact); it may list a degenerate vertex twice."""
    g = game.to_pygambit()
    result = gbt.nash.enummixed_solve(g, rational=True)
    return {
        tuple(tuple(F(str(eq[s])) for s in p.strategies) for p in g.players)  # type: ignore[misc]
        for eq in result.equilibria
    }


def keys(sol: object) -> set[Profile]:
    return {e.key for e in sol}  # type: ignore[attr-defined]


def mixture(profiles: list[Profile], weights: list[F]) -> list[list[F]]:
    x = [sum(w * p[0][i] for p, w in zip(profiles, weights, strict=True)) for i in
         range(len(profiles[0][0]))]
    y = [sum(w * p[1][j] for p, w in zip(profiles, weights, strict=True)) for j in
         range(len(profiles[0][1]))]
    return [x, y]


def integer_games(max_strategies: int, high: int) -> st.SearchStrategy[NormalFormGame]:
    return normal_form_games(max_strategies=max_strategies, payoffs=st.integers(0, high))


# ---------------------------------------------------------------- known games
@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in KNOWN])
def test_known_games(case: KnownGame) -> None:
    sol = solve_enummixed(case.game)
    assert case.extreme is not None
    assert len(sol) == len(case.extreme)
    assert keys(sol) == set(case.extreme)
    assert sol.complete == ("all-extreme" if sol.components else "all")
    assert sol.exact
    assert all(e.exact and e.regret == 0 for e in sol)
    assert sol.degenerate == case.degenerate
    if case.components:
        assert {frozenset(c) for c in sol.components} == set(case.components)
    elif not case.degenerate:
        assert sol.components == ()


def test_entry_deterrence_segment() -> None:
    sol = solve_enummixed(ENTRY.game)
    assert {frozenset(c) for c in sol.components} == set(ENTRY_COMPONENTS)
    assert [e.component for e in sol] == [0, 0, None]


def test_all_ties_is_one_square() -> None:
    # every profile is an equilibrium: one maximal Nash subset with 4 extreme points
    sol = solve_enummixed(ALL_TIES.game)
    assert sol.components == ((0, 1, 2, 3),)
    assert {e.component for e in sol} == {0}


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in KNOWN])
def test_known_games_agree_with_pygambit(case: KnownGame) -> None:
    assert keys(solve_enummixed(case.game)) == gambit_set(case.game)


def test_registry_and_order() -> None:
    game = VON_STENGEL_DEGENERATE.game
    via_solve = solve(game, method="enummixed")
    direct = solve_enummixed(game)
    assert [e.key for e in via_solve] == [e.key for e in direct]
    assert [e.key for e in direct] == sorted((e.key for e in direct), reverse=True)
    assert via_solve.method == "enummixed"


def test_rational_and_float_payoffs() -> None:
    # Battle of the sexes (Gibbons 1992, §1.3.B) scaled by 1/3 and shifted:
    # same equilibria, (2/3, 1/3), (1/3, 2/3) mixed.
    bos = [[2, 0], [0, 1]], [[1, 0], [0, 2]]
    rational = NormalFormGame.from_arrays(
        [[F(v, 3) - 7 for v in row] for row in bos[0]],
        [[F(v, 5) + F(1, 2) for v in row] for row in bos[1]],
    )
    expected = {
        (_x(1, 0), _x(1, 0)), (_x(0, 1), _x(0, 1)),
        (_x(F(2, 3), F(1, 3)), _x(F(1, 3), F(2, 3))),
    }
    assert keys(solve_enummixed(rational)) == expected
    floats = NormalFormGame.from_arrays(
        [[v / 10 for v in row] for row in bos[0]], [[v + 0.5 for v in row] for row in bos[1]]
    )
    sol = solve_enummixed(floats)
    assert not sol.exact and sol.game.kind == "float"
    got = sorted(tuple(tuple(v.tolist()) for v in e.vectors) for e in sol)
    want = sorted(tuple(tuple(float(v) for v in vec) for vec in p) for p in expected)
    assert len(got) == 3
    for g, w in zip(got, want, strict=True):
        assert np.allclose(np.concatenate(g), np.concatenate(w), atol=1e-12)
    assert all(isinstance(v, float) for e in sol for v in e.profile["1"].values())


def test_float_degenerate_game_has_component() -> None:
    # A = [[1, 1], [0, 1]]: against column 2 both rows are best responses; with
    # B = [[1, 0.5], [0, 1]] column 2 is a best response iff x1 <= 2/3, so
    # (x, column 2) is an equilibrium for x from (0, 1) to (2/3, 1/3) (by hand).
    game = NormalFormGame.from_arrays([[1.0, 1.0], [0.0, 1.0]], [[1.0, 0.5], [0.0, 1.0]])
    sol = solve_enummixed(game)
    assert sol.degenerate and len(sol.components) == 1
    xs = sorted(tuple(sol[i].vectors[0].tolist()) for i in sol.components[0])
    assert np.allclose(xs, [[0, 1], [2 / 3, 1 / 3]])


# ---------------------------------------------------------------- errors
@pytest.mark.parametrize(
    ("game", "error", "match"),
    [
        pytest.param(
            NormalFormGame.from_profiles(np.zeros((2, 2, 2, 3), dtype=int)),
            MethodNotApplicableError,
            r"3 players.*'pure'",
            id="three-players",
        ),
        pytest.param(
            NormalFormGame.from_arrays([1, 2]),
            MethodNotApplicableError,
            r"1 players",
            id="one-player",
        ),
        pytest.param(
            NormalFormGame.from_arrays(
                [[sympy.Symbol("c"), 0], [0, 1]], [[1, 0], [0, 1]]
            ),
            SymbolicGameError,
            r"free parameters: c",
            id="symbolic",
        ),
    ],
)
def test_errors(game: NormalFormGame, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        solve_enummixed(game)


# ---------------------------------------------------------------- oracle cross-checks
@scaled(100, deadline=None)
@given(st.one_of(integer_games(5, 2), integer_games(4, 9), degenerate_games(max_strategies=5)))
def test_matches_pygambit_on_small_games(game: NormalFormGame) -> None:
    sol = solve_enummixed(game)
    oracle = gambit_set(game)
    assert keys(sol) == oracle
    assert len(sol) == len(oracle)


@scaled(15, deadline=None)
@given(normal_form_games(max_strategies=4, payoffs=st.fractions(-2, 2, max_denominator=3)))
def test_matches_pygambit_on_rational_games(game: NormalFormGame) -> None:
    assert keys(solve_enummixed(game)) == gambit_set(game)


SEEDED = [(5, 5, 100)] * 12 + [(6, 4, 100)] * 12 + [(5, 5, 3)] * 3 + [(6, 4, 2)] * 3


@pytest.mark.parametrize(
    ("m", "n", "high", "seed"),
    [pytest.param(m, n, h, s, id=f"{m}x{n}-0..{h - 1}-seed{s}")
     for s, (m, n, h) in enumerate(SEEDED)],
)
def test_matches_pygambit_seeded(m: int, n: int, high: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    game = NormalFormGame.from_arrays(rng.integers(0, high, (m, n)), rng.integers(0, high, (m, n)))
    assert keys(solve_enummixed(game)) == gambit_set(game)


@pytest.mark.parametrize("big", [pytest.param(10**13, id="1e13"), pytest.param(10**17, id="1e17")])
def test_near_ties_are_decided_exactly(big: int) -> None:
    # Both players get big + (1 if they coordinate) on columns 1-2 and 0 on column 3,
    # which is strictly dominated for the column player (0 < big). Removing it leaves
    # a pure coordination game shifted by big, with equilibria (1, 1), (2, 2) and
    # both mixing 1/2 (Gibbons 1992, §1.3.B, with equal stakes). The ratio tests
    # compare 1/(big + 1) with 1/big, a near-tie inside the float filter's margin.
    pay = [[big + 1, big, 0], [big, big + 1, 0]]
    game = NormalFormGame.from_arrays(pay, pay)
    half = F(1, 2)
    assert keys(solve_enummixed(game)) == {
        (_x(1, 0), _x(1, 0, 0)),
        (_x(0, 1), _x(0, 1, 0)),
        (_x(half, half), _x(half, half, 0)),
    }


@pytest.mark.parametrize(
    "case", [pytest.param(c, id=c.id) for c in (VON_STENGEL_DEGENERATE, MP_DUPLICATE)]
)
def test_huge_payoffs_use_exact_ratio_tests(case: KnownGame) -> None:
    # payoffs of 10**200: beyond float range, so every ratio test is exact; a positive
    # affine map leaves the literature's equilibria unchanged
    big = case.game.map_payoffs(lambda i, a: a * 10**200 + 10**199)
    sol = solve_enummixed(big)
    assert case.extreme is not None
    assert keys(sol) == set(case.extreme)
    assert {frozenset(c) for c in sol.components} == set(case.components)


def test_matches_pygambit_8x8() -> None:
    rng = np.random.default_rng(8)
    game = NormalFormGame.from_arrays(rng.integers(0, 100, (8, 8)), rng.integers(0, 100, (8, 8)))
    assert keys(solve_enummixed(game)) == gambit_set(game)


def _nashpy_set(game: NormalFormGame) -> list[tuple[np.ndarray, np.ndarray]]:
    import nashpy

    A, B = game.as_float_arrays()
    return list(nashpy.Game(A - A.min() + 1, B - B.min() + 1).vertex_enumeration())


@scaled(25, deadline=None)
@given(non_degenerate_games(min_strategies=2, max_strategies=4))
def test_non_degenerate_games(game: NormalFormGame) -> None:
    sol = solve_enummixed(game)
    assert sol.degenerate is False
    assert sol.components == ()
    assert all(e.component is None for e in sol)
    # Shapley (1974): a non-degenerate game has an odd number of equilibria
    assert len(sol) % 2 == 1
    theirs = _nashpy_set(game)
    assert len(theirs) == len(sol)
    other = [np.concatenate([x, y]) for x, y in theirs]
    for e in sol:
        ours = np.concatenate([v.astype(float) for v in e.vectors])
        assert sum(np.allclose(ours, v, atol=1e-9) for v in other) == 1


def test_nashpy_zero_strategy_trap() -> None:
    # nashpy needs the shift to min 1 on the zero-row trap; with it, it agrees
    from tests.games import ZERO_ROW

    sol = solve_enummixed(ZERO_ROW.game)
    (x, y), = _nashpy_set(ZERO_ROW.game)
    assert np.allclose(np.concatenate([x, y]), [float(v) for v in itertools.chain(*sol[0].key)])


@scaled(40, deadline=None)
@given(degenerate_games(max_strategies=4))
def test_degenerate_games_are_flagged(game: NormalFormGame) -> None:
    assert solve_enummixed(game).degenerate is True


# ---------------------------------------------------------------- components
def _check_components(game: NormalFormGame) -> None:
    sol = solve_enummixed(game)
    eqs = [e.key for e in sol]
    for subset in sol.components:
        members = [eqs[i] for i in subset]
        xs = sorted({p[0] for p in members})
        ys = sorted({p[1] for p in members})
        # a maximal Nash subset is a product X x Y of extreme strategies
        assert len(members) == len(xs) * len(ys)
        assert {(x, y) for x in xs for y in ys} == set(members)
        # every mixture is an equilibrium (exactly): the barycentre, and uneven weights
        k = len(members)
        for weights in ([F(1, k)] * k, [F(2 * i + 1, k * k) for i in range(k)]):
            assert bool(verify(game, mixture(members, weights)))
        # maximal: no other extreme x (or y) is an equilibrium with all of Y (X)
        all_x = {p[0] for p in eqs}
        all_y = {p[1] for p in eqs}
        for x in all_x - set(xs):
            assert not all(verify(game, [list(x), list(y)]) for y in ys)
        for y in all_y - set(ys):
            assert not all(verify(game, [list(x), list(y)]) for x in xs)
    # the component id is shared exactly by extreme equilibria linked through subsets
    ids = [e.component for e in sol]
    in_subset = {i for subset in sol.components for i in subset}
    assert {i for i, c in enumerate(ids) if c is not None} == in_subset
    for subset in sol.components:
        assert len({ids[i] for i in subset}) == 1
    # different connected components: some pair's segment leaves the equilibrium set
    groups: dict[object, list[Profile]] = {}
    for i, c in enumerate(ids):
        groups.setdefault(("c", c) if c is not None else ("i", i), []).append(eqs[i])
    ts = [F(1, 2), F(1, 3), F(2, 3), F(1, 10), F(9, 10)]
    for g1, g2 in itertools.combinations(groups.values(), 2):
        assert any(
            not verify(game, mixture([p, q], [1 - t, t]))
            for p in g1 for q in g2 for t in ts
        )


@pytest.mark.parametrize(
    "case", [pytest.param(c, id=c.id) for c in KNOWN if c.degenerate]
)
def test_components_of_known_games(case: KnownGame) -> None:
    _check_components(case.game)


@scaled(60, deadline=None)
@given(st.one_of(integer_games(4, 1), integer_games(5, 2), degenerate_games(max_strategies=4)))
def test_components_are_convex_and_maximal(game: NormalFormGame) -> None:
    _check_components(game)


# ---------------------------------------------------------------- invariance
@scaled(50, deadline=None)
@given(
    st.one_of(integer_games(4, 3), degenerate_games(max_strategies=4)),
    st.randoms(use_true_random=False),
    st.fractions(min_value=F(1, 5), max_value=5),
    st.fractions(-3, 3),
    st.fractions(min_value=F(1, 5), max_value=5),
    st.fractions(-3, 3),
)
def test_invariance(
    game: NormalFormGame, rnd: random.Random, a1: F, b1: F, a2: F, b2: F
) -> None:
    sol = solve_enummixed(game)
    base = keys(sol)
    base_subsets = {frozenset(sol[i].key for i in c) for c in sol.components}
    m, n = game.shape
    rows = list(range(m))
    cols = list(range(n))
    rnd.shuffle(rows)
    rnd.shuffle(cols)
    A, B = (np.array(p, dtype=object) for p in game.payoffs)
    # permute strategies and apply positive affine maps per player
    permuted = NormalFormGame.from_arrays(
        (A[np.ix_(rows, cols)] * a1 + b1), (B[np.ix_(rows, cols)] * a2 + b2)
    )

    def back(p: Profile) -> Profile:
        x = [F(0)] * m
        y = [F(0)] * n
        for new, old in enumerate(rows):
            x[old] = p[0][new]
        for new, old in enumerate(cols):
            y[old] = p[1][new]
        return tuple(x), tuple(y)

    sol2 = solve_enummixed(permuted)
    assert {back(p) for p in keys(sol2)} == base
    assert {frozenset(back(sol2[i].key) for i in c) for c in sol2.components} == base_subsets
    assert sol2.degenerate == sol.degenerate
    # swap the players
    swapped = solve_enummixed(game.permute_players([1, 0]))
    assert {(p[1], p[0]) for p in keys(swapped)} == base
    assert {frozenset((swapped[i].key[1], swapped[i].key[0]) for i in c)
            for c in swapped.components} == base_subsets
