"""Tests of the ``enumpoly`` method (gametheory.solvers.polynomial).

Expected equilibria come from the literature (Nau, Gomez Canovas and Hansen
2004; the scenario spec's model M2), from equilibria derived by hand in the
comments below, or from independent oracles: pygambit's ``enumpoly_solve``
and gametheory's ``enummixed`` (vertex enumeration, a different algorithm).
"""

from __future__ import annotations

import itertools
from fractions import Fraction as F
from pathlib import Path

import numpy as np
import pytest
import sympy

from gametheory import NormalFormGame, solve, verify
from gametheory.errors import SymbolicGameError
from gametheory.solvers import polynomial
from gametheory.solvers.polynomial import algebraic_equilibria, solve_enumpoly

from .games import ALL, THREE_PLAYER_COORDINATION, TWO_PLAYER

gbt = pytest.importorskip("pygambit")

CATALOG = Path(gbt.__file__).parent / "catalog_data" / "journals" / "ijgt" / "nau2004"


def vec(eq) -> np.ndarray:
    return np.concatenate([np.asarray(v, dtype=float) for v in eq.vectors])


def gbt_vectors(game: NormalFormGame) -> list[np.ndarray]:
    gg = game.to_pygambit()
    res = gbt.nash.enumpoly_solve(gg)
    return [
        np.concatenate([[float(e[s]) for s in p.strategies] for p in gg.players])
        for e in res.equilibria
    ]


def by_support(solution) -> dict:
    return {tuple(tuple(s) for s in e.support.values()): e for e in solution}


# ---------------------------------------------------------------------- Nau et al. (2004)
def nau(section: int) -> NormalFormGame:
    from gametheory import read_game

    return read_game(CATALOG / f"sec{section}.nfg")


def test_nau2004_sec4_unique_irrational_equilibrium():
    """Nau et al. (2004), section 4: a unique Nash equilibrium, in irrational strategies.

    The exact value is derived independently here with sympy.solve on the
    three indifference conditions (p, q, r = probabilities of Top, Left, 1).
    """
    g = nau(4)
    sol = solve_enumpoly(g)
    assert len(sol) == 1
    assert sol.complete == "all"
    assert not sol.exact  # irrational: float profile, exactly proved
    (alg,) = algebraic_equilibria(g)
    assert not alg.rational
    p, q, r = sympy.symbols("p q r")
    U = [np.array(a, dtype=object) for a in g.payoffs]

    def u(i, s, x):  # expected payoff of player i's strategy s; x = (p, q, r)
        probs = [[x[0], 1 - x[0]], [x[1], 1 - x[1]], [x[2], 1 - x[2]]]
        total = 0
        for prof in itertools.product(range(2), repeat=3):
            if prof[i] != s:
                continue
            w = 1
            for j in range(3):
                if j != i:
                    w *= probs[j][prof[j]]
            total += U[i][prof] * w
        return total

    x = (p, q, r)
    eqs = [sympy.expand(u(i, 0, x) - u(i, 1, x)) for i in range(3)]
    roots = [s for s in sympy.solve(eqs, [p, q, r], dict=True)
             if all(0 < float(s[v]) < 1 for v in (p, q, r))]
    assert len(roots) == 1
    exact = alg.profile
    for v, (player, strategy) in zip((p, q, r), [("Player 1", "Top"), ("Player 2", "Left"),
                                                 ("Player 3", "1")], strict=True):
        assert sympy.simplify(exact[player][strategy] - roots[0][v]) == 0
        assert float(sol[0].profile[player][strategy]) == pytest.approx(float(roots[0][v]),
                                                                         abs=1e-15)
    # and pygambit's enumpoly finds the same single equilibrium
    (theirs,) = gbt_vectors(g)
    assert np.max(np.abs(vec(sol[0]) - theirs)) < 1e-9


def test_nau2004_sec5_continuum_is_reported():
    """Nau et al. (2004), section 5: 3 pure equilibria and a continuum of totally mixed ones."""
    g = nau(5)
    sol = solve_enumpoly(g)
    assert sol.complete == "some"
    assert sol.degenerate is True
    pure = {e.pure_profile() for e in sol.pure}
    # the three pure equilibria of the paper (checked by hand from the table)
    assert pure == {("Top", "Right", "1"), ("Bottom", "Left", "1"), ("Bottom", "Right", "2")}
    mixed = [e for e in sol if all(len(s) == 2 for s in e.support.values())]
    assert mixed, "a point of the totally mixed continuum must be listed"
    assert all(verify(g, e) for e in mixed)
    assert any("1-dimensional" in n and "Top, Bottom" in n and "nonlinear" in n
               for n in sol.notes)


def test_nau2004_sec6_segment_of_equilibria():
    """Nau et al. (2004), section 6: the Nash equilibria of this 2x2x4 game form a segment."""
    g = nau(6)
    sol = solve_enumpoly(g)
    assert sol.complete == "some"
    assert len(sol.components) == 1
    a, b = (sol[k] for k in sol.components[0])
    assert a.component == b.component is not None
    for t in (F(1, 3), F(1, 2), F(9, 10)):
        mix = [[t * x + (1 - t) * y for x, y in zip(va, vb, strict=True)]
               for va, vb in zip(a.vectors, b.vectors, strict=True)]
        assert verify(g, mix).ok  # exact: every mixture is an equilibrium
    assert len(sol) == 2  # the segment's end points are all the extreme equilibria


# ---------------------------------------------------------------------- constructed games
def two_mixed(K: int, c: int) -> NormalFormGame:
    """A 2x2x2 game with two totally mixed equilibria (McKelvey and McLennan 1997 bound: 2).

    With p, q, r the probabilities of each player's first strategy and payoff
    0 for every second strategy, the payoff differences are
    4q - 2r - 1 (player 1), 4p + 2r - 3 (player 2), K pq - c (player 3).
    Indifference gives q = (2r + 1)/4, p = (3 - 2r)/4 and
    16 K pq = K (3 + 4r - 4r^2) = 16 c: for K = 64, c = 15, r = 1/4 or 3/4;
    for K = 32, c = 7, r = 1/2 -+ sqrt(2)/4 (derived by hand).
    """
    u = [np.zeros((2, 2, 2), dtype=int) for _ in range(3)]
    for a, b, d in itertools.product(range(2), repeat=3):
        p, q, r = 1 - a, 1 - b, 1 - d
        if a == 0:
            u[0][a, b, d] = 4 * q - 2 * r - 1
        if b == 0:
            u[1][a, b, d] = 4 * p + 2 * r - 3
        if d == 0:
            u[2][a, b, d] = K * p * q - c
    return NormalFormGame.from_arrays(*u, title=f"two totally mixed (K={K}, c={c})")


def totally_mixed(solution):
    return [e for e in solution if all(len(s) == 2 for s in e.support.values())]


def test_two_rational_totally_mixed_equilibria():
    sol = solve_enumpoly(two_mixed(64, 15))
    assert sol.complete == "all" and sol.exact
    got = sorted(tuple(e.vectors[i][0] for i in range(3)) for e in totally_mixed(sol))
    assert got == [(F(3, 8), F(5, 8), F(3, 4)), (F(5, 8), F(3, 8), F(1, 4))]


def test_two_irrational_totally_mixed_equilibria_exact_values():
    g = two_mixed(32, 7)
    sol = solve_enumpoly(g)
    assert sol.complete == "all"
    algs = [a for a, e in zip(algebraic_equilibria(g), sol, strict=True)
            if all(len(s) == 2 for s in e.support.values())]
    assert len(algs) == 2
    s2 = sympy.sqrt(2)
    expected = {
        (sympy.Rational(1, 2) - sign * s2 / 8, sympy.Rational(1, 2) + sign * s2 / 8,
         sympy.Rational(1, 2) + sign * s2 / 4)
        for sign in (1, -1)
    }
    got = {tuple(sympy.nsimplify(sympy.radsimp(a.profile[p]["1"])) for p in ("1", "2", "3"))
           for a in algs}
    assert {tuple(sympy.expand(v) for v in t) for t in got} == {
        tuple(sympy.expand(v) for v in t) for t in expected}
    assert all(not a.rational and a.polynomial is not None for a in algs)
    assert any("sqrt(2)" in n for n in sol.notes)


def test_three_player_coordination_mixed_equilibrium():
    """Pure coordination (tests/games.py): (x,x,x), (y,y,y) and, by hand, the symmetric
    totally mixed equilibrium with P[x] = t where t^2 = 2 (1 - t)^2, t = 2 - sqrt(2)."""
    g = THREE_PLAYER_COORDINATION.game
    sol = solve_enumpoly(g)
    assert {e.pure_profile() for e in sol.pure} == set(THREE_PLAYER_COORDINATION.pure)
    (mixed,) = [e for e in sol if not e.is_pure]
    for player in g.players:
        assert mixed.profile[player]["x"] == pytest.approx(2 - 2**0.5, abs=1e-14)
    assert sol.complete == "all"


# ---------------------------------------------------------------------- scenario model M2
M2_NAMES = "p c_R l_R e_A e_U b_A g_A c_A h_A b_U g_U c_U h_U"
M2_DEFAULTS = dict(p="1/2", c_R="3/10", l_R="1/5", e_A="1/2", e_U="3/10", b_A="1/2",
                   g_A="1/5", c_A="3/10", h_A="3/10", b_U="1/4", g_U="2/5", c_U="1/10",
                   h_U="1/4")


def m2_game() -> NormalFormGame:
    """Model M2 of shared/scenario_spec.md, from its payoff formulas at the pure profiles."""
    sym = dict(zip(M2_NAMES.split(), sympy.symbols(M2_NAMES, nonnegative=True), strict=True))
    p, c_R, l_R, e_A, e_U = (sym[k] for k in ("p", "c_R", "l_R", "e_A", "e_U"))
    b_A, g_A, c_A, h_A = (sym[k] for k in ("b_A", "g_A", "c_A", "h_A"))
    b_U, g_U, c_U, h_U = (sym[k] for k in ("b_U", "g_U", "c_U", "h_U"))
    uR, uA, uU = (np.empty((2, 2, 2), dtype=object) for _ in range(3))
    for y, x_A, x_U in itertools.product((0, 1), repeat=3):
        uR[y, x_A, x_U] = -(1 - p * y) * (l_R + e_A * x_A + e_U * x_U) - c_R * y
        uA[y, x_A, x_U] = (1 - p * y) * (b_A + g_A * x_A) - y * (c_A + h_A * x_A)
        uU[y, x_A, x_U] = (1 - p * y) * (b_U + g_U * x_U) - y * (c_U + h_U * x_U)
    return NormalFormGame.from_arrays(
        uR, uA, uU, players=["Russia", "Azerbaijan", "US"],
        strategies=[["Accept", "Preempt"], ["Hedge", "Align"], ["Commercial", "Militarize"]],
        title="M2",
    )


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        pytest.param({}, (F(1, 2), F(1, 5), F(1)), id="M2-defaults"),
        pytest.param({"c_R": "1/5"}, (F(8, 9), F(0), F(2, 3)), id="M2-cR-1/5"),
        pytest.param({"c_R": "1/5", "h_A": "1/20"}, (F(1), F(1), F(0)),
                     id="M2-committed-Azerbaijan"),
    ],
)
def test_m2_worked_examples(overrides, expected):
    """Spec M2 examples: (P[Preempt], P[Align], P[Militarize]), unique generic NE."""
    g = m2_game().at(**{**M2_DEFAULTS, **overrides})
    sol = solve_enumpoly(g)
    assert sol.complete == "all" and sol.exact
    assert len(sol) == 1
    eq = sol[0]
    got = (eq.profile["Russia"]["Preempt"], eq.profile["Azerbaijan"]["Align"],
           eq.profile["US"]["Militarize"])
    assert got == expected


def test_m2_knife_edge_segment():
    """Spec M2: at r = c_R/p = l_R + e_k the equilibria are the segment
    P[war] in [sigma_j, min(sigma_k, 1)], j out, k in. Defaults: sigma_A = 1/2 < sigma_U =
    8/9, so j = Azerbaijan, k = US, and c_R = p (l_R + e_U) = 1/4."""
    g = m2_game().at(**{**M2_DEFAULTS, "c_R": "1/4"})
    sol = solve_enumpoly(g)
    assert sol.complete == "some" and sol.degenerate
    assert len(sol.components) == 1
    ends = sorted(sol[k].profile["Russia"]["Preempt"] for k in sol.components[0])
    assert ends == [F(1, 2), F(8, 9)]
    for k in sol.components[0]:
        assert sol[k].profile["Azerbaijan"]["Align"] == 0
        assert sol[k].profile["US"]["Militarize"] == 1
    assert len(sol) == 2


# ---------------------------------------------------------------------- oracles
def test_two_player_catalog_matches_enummixed():
    """For two players the per-support polytopes' vertices are the extreme equilibria:
    the set must equal enummixed's exactly, degenerate games included."""
    enummixed = pytest.importorskip("gametheory.solvers.vertex_enumeration").solve_enummixed
    for known in TWO_PLAYER:
        ours = solve_enumpoly(known.game)
        ref = enummixed(known.game)
        assert {e.key for e in ours} == {e.key for e in ref}, known.id
        assert (ours.complete == "all") == (not ref.components), known.id
        assert all(e.exact for e in ours)


@pytest.mark.parametrize("known", [k for k in ALL if k.game.n_players == 2],
                         ids=lambda k: k.id)
def test_two_player_catalog_extreme_equilibria(known):
    if known.extreme is None:
        pytest.skip("no extreme equilibria listed")
    ours = {tuple(tuple(v) for v in e.vectors) for e in solve_enumpoly(known.game)}
    assert ours == set(known.extreme)


SHAPES = [pytest.param((2, 2, 2), seed, id=f"2x2x2-seed{seed}") for seed in range(6)] + [
    pytest.param((3, 3, 2), seed, id=f"3x3x2-seed{seed}") for seed in range(6)
]


@pytest.mark.parametrize(("shape", "seed"), SHAPES)
def test_against_pygambit_enumpoly(shape, seed):
    """Every equilibrium pygambit's enumpoly finds is found here (within 1e-6); any extra
    one is printed with the game and checked by pygambit's own regret computation."""
    rng = np.random.default_rng(1000 + seed)
    g = NormalFormGame.from_arrays(*rng.integers(0, 1000, (len(shape), *shape)))
    sol = solve_enumpoly(g)
    assert sol.complete == "all", "generic game expected; pick another seed"
    ours = [vec(e) for e in sol]
    theirs = gbt_vectors(g)
    missing = [t for t in theirs if not any(np.max(np.abs(t - o)) <= 1e-6 for o in ours)]
    assert not missing, f"missed pygambit equilibria {missing} in\n{g}"
    extra = [o for o in ours if not any(np.max(np.abs(t - o)) <= 1e-6 for t in theirs)]
    if extra:
        print(f"pygambit enumpoly missed {len(extra)} equilibria of\n{g}\n{extra}")
        gg = g.to_pygambit()
        for o in extra:
            prof = gg.mixed_strategy_profile(rational=False)
            for k, s in enumerate(s for p in gg.players for s in p.strategies):
                prof[s] = float(o[k])
            assert prof.max_regret() <= 1e-9
    assert all(verify(g, e) for e in sol)


def test_float_game_gives_certified_floats():
    rng = np.random.default_rng(7)
    g = NormalFormGame.from_arrays(*rng.standard_normal((3, 2, 2, 2)))
    sol = solve_enumpoly(g)
    assert not sol.exact and sol.complete == "all"
    assert all(isinstance(v, float) for e in sol for d in e.profile.values() for v in d.values())
    theirs = gbt_vectors(g)
    for t in theirs:
        assert any(np.max(np.abs(t - vec(e))) <= 1e-6 for e in sol)


def test_sympy_fallback_agrees(monkeypatch):
    """The fallback for bases with a multiple solution gives the same equilibria."""
    g = nau(4)
    expected = [vec(e) for e in solve_enumpoly(g)]

    def refuse(gb, nvars):
        raise polynomial._Fallback("forced by the test")

    monkeypatch.setattr(polynomial, "_solve_zero_dim", refuse)
    monkeypatch.setattr(polynomial, "_solve_parametric", lambda system: None)
    sol = solve_enumpoly(g)
    assert len(sol) == len(expected) == 1
    assert np.max(np.abs(vec(sol[0]) - expected[0])) < 1e-12
    assert any("sympy.solve_poly_system" in n for n in sol.notes)


# ---------------------------------------------------------------------- fast paths
def exact_summary(solution) -> tuple:
    """Everything a fast path must reproduce: equilibria (exact values or floats),
    completeness, degeneracy and the convex components."""
    eqs = sorted(
        tuple(tuple(x if e.exact else round(float(x), 10) for x in v) for v in e.vectors)
        for e in solution
    )
    return eqs, solution.complete, bool(solution.degenerate), len(solution.components)


def general_route(monkeypatch) -> None:
    """Disable the fast paths: every support goes through Groebner bases."""
    monkeypatch.setattr(polynomial, "_solve_parametric", lambda system: None)
    monkeypatch.setattr(polynomial, "_solve_two_mixing", lambda system, a, b: None)
    monkeypatch.setattr(polynomial, "_excluded", lambda problem, system: False)


FAST_PATH_GAMES = [
    pytest.param(shape, high, seed, id=f"{'x'.join(map(str, shape))}-payoffs<{high}-seed{seed}")
    for shape, high, seeds in [
        ((2, 2, 2), 100, range(4)),
        ((2, 2, 2), 3, range(6)),  # small payoff ranges: degenerate games, continua
        ((3, 3, 2), 100, range(3)),
        ((3, 3, 2), 3, range(4)),
        ((2, 3, 3), 4, range(3)),
        ((3, 3, 3), 100, range(2)),  # the box exclusion runs on the 5- and 6-unknown systems
        ((2, 2, 2, 2), 3, range(2)),
        ((3, 3, 1, 2), 4, range(3)),  # a player with one strategy: excluded boxes of width 0
        ((3, 3), 3, range(3)),
    ]
    for seed in seeds
]


@pytest.mark.parametrize(("shape", "high", "seed"), FAST_PATH_GAMES)
def test_fast_paths_agree_with_groebner_route(monkeypatch, shape, high, seed):
    """Cramer's rule for two mixing players, the (k, k, 2) parametric elimination and the
    box exclusion give exactly what Groebner bases give on every support."""
    rng = np.random.default_rng(5000 + seed)
    g = NormalFormGame.from_arrays(*rng.integers(0, high, (len(shape), *shape)))
    fast = exact_summary(solve_enumpoly(g))
    with monkeypatch.context() as m:
        general_route(m)
        slow = exact_summary(solve_enumpoly(g))
    assert fast == slow, f"fast paths disagree on\n{g}"


def test_box_exclusion_with_a_single_strategy_player(monkeypatch):
    """A 3x3x1x2 game whose (3, 3, 1, 2) support reaches the box search (found by review:
    a player with one support strategy has a box of dimension 0)."""
    A = [[[[[1, 3]], [[3, 1]], [[1, 0]]], [[[2, 2]], [[1, 3]], [[1, 0]]],
          [[[0, 1]], [[3, 0]], [[2, 3]]]],
         [[[[1, 3]], [[2, 2]], [[0, 1]]], [[[2, 0]], [[0, 0]], [[1, 1]]],
          [[[0, 1]], [[3, 1]], [[3, 1]]]],
         [[[[2, 3]], [[2, 2]], [[2, 3]]], [[[1, 1]], [[3, 1]], [[3, 0]]],
          [[[0, 2]], [[2, 3]], [[0, 0]]]],
         [[[[3, 1]], [[0, 3]], [[0, 0]]], [[[2, 0]], [[0, 3]], [[3, 0]]],
          [[[3, 1]], [[3, 3]], [[1, 2]]]]]
    g = NormalFormGame.from_arrays(*(np.array(a) for a in A))
    fast = exact_summary(solve_enumpoly(g))
    with monkeypatch.context() as m:
        general_route(m)
        assert exact_summary(solve_enumpoly(g)) == fast


def test_parametric_elimination_is_used_and_exact(monkeypatch):
    """Nau et al. (2004), section 4: the (2, 2, 2) support system is solved by the
    parametric path, and its irrational equilibrium is exactly the general route's."""
    g = nau(4)
    problem = polynomial._Problem(g)
    system = polynomial._build_system(problem, ((0, 1), (0, 1), (0, 1)))
    assert polynomial._solve_parametric(system)  # the fast path applies and finds points
    (fast,) = algebraic_equilibria(g)
    with monkeypatch.context() as m:
        general_route(m)
        (slow,) = algebraic_equilibria(g)
    assert all(
        sympy.simplify(fast.profile[p][s] - slow.profile[p][s]) == 0
        for p in g.players for s in g.strategies[g.players.index(p)]
    )


def test_box_exclusion_never_discards_an_equilibrium_of_pygambit():
    """4x4x2 games: every support of an equilibrium found by pygambit's (independent,
    numerical) enumpoly survives the box exclusion, and the equilibrium is listed."""
    rng = np.random.default_rng(77)
    for _ in range(3):
        g = NormalFormGame.from_arrays(*rng.integers(0, 100, (3, 4, 4, 2)))
        problem = polynomial._Problem(g)
        ours = [vec(e) for e in solve_enumpoly(g)]
        sizes = np.cumsum([0, *g.shape])
        for t in gbt_vectors(g):
            assert any(np.max(np.abs(t - o)) <= 1e-6 for o in ours), f"missed {t} in\n{g}"
            support = tuple(
                tuple(int(k) for k in np.flatnonzero(t[sizes[i]:sizes[i + 1]] > 1e-9))
                for i in range(3)
            )
            if sum(len(S) - 1 for S in support) >= polynomial._EXCLUDE_MIN_VARS:
                system = polynomial._build_system(problem, support)
                assert not polynomial._excluded(problem, system)


def test_box_exclusion_keeps_a_support_with_a_continuum_of_equilibria():
    """Players 1 and 2 play Rock-Paper-Scissors, player 3 (three actions) is paid 0:
    uniform play by 1 and 2 with any mixture of 3 is an equilibrium, so the full
    support (6 unknowns) must not be excluded, and enumpoly reports the continuum."""
    rps = np.array([[0, -1, 1], [1, 0, -1], [-1, 1, 0]])
    u1 = np.repeat(rps[:, :, None], 3, axis=2)
    g = NormalFormGame.from_arrays(u1, -u1, np.zeros((3, 3, 3), dtype=int))
    problem = polynomial._Problem(g)
    full = ((0, 1, 2),) * 3
    assert not polynomial._excluded(problem, polynomial._build_system(problem, full))
    sol = solve_enumpoly(g)
    assert sol.complete == "some" and sol.degenerate
    third = F(1, 3)
    assert any(
        list(e.vectors[0]) == [third] * 3 and list(e.vectors[1]) == [third] * 3 for e in sol
    )


# ---------------------------------------------------------------------- interface
def test_registry_and_symbolic_error():
    g = m2_game()
    with pytest.raises(SymbolicGameError):
        solve_enumpoly(g)
    with pytest.raises(SymbolicGameError):
        solve(g, method="enumpoly")
    sol = solve(g.at(**M2_DEFAULTS), method="enumpoly")
    assert sol.method == "enumpoly" and len(sol) == 1


def test_one_player_game():
    g = NormalFormGame.from_arrays([3, 1, 3])
    sol = solve_enumpoly(g)
    assert {e.pure_profile() for e in sol.pure} == {("1",), ("3",)}
    assert sol.components == ((0, 1),)  # every mixture of the two optimal strategies
