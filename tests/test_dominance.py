"""Dominance: dominated_by, find_dominated, iterated_elimination, solve_dominance.

Known games come from the literature (cited per fixture) or are constructed
with a hand derivation in the comment. Random games are checked against
independent oracles: direct comparisons and an LP written here (scipy) for
the dominance verdicts, exact re-checks of every certificate, and pygambit
(``enummixed_solve``, ``enumpure_solve``) for the equilibrium sets.
"""

from __future__ import annotations

import itertools
from fractions import Fraction as F

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st
from scipy.optimize import linprog

from gametheory import NormalFormGame, solve
from gametheory.errors import (
    MethodNotApplicableError,
    SymbolicGameError,
    UnknownLabelError,
)
from gametheory.solvers import _exact_lp
from gametheory.solvers.dominance import (
    Dominance,
    Elimination,
    dominated_by,
    find_dominated,
    iterated_elimination,
    solve_dominance,
)

from ._hypothesis import scaled
from .games import BOS, PD, THREE_PLAYER_COORDINATION, VON_STENGEL_3X2

gbt = pytest.importorskip("pygambit")

ZEROS3 = [[0, 0], [0, 0], [0, 0]]

# ---------------------------------------------------------------------- fixtures
# Gibbons (1992), Game Theory for Applied Economists, §1.1.A: the prisoners'
# dilemma with jail terms; Fink strictly dominates Mum for both prisoners.
GIBBONS_PD = NormalFormGame.from_arrays(
    [[-1, -9], [0, -6]], [[-1, 0], [-9, -6]],
    players=["Prisoner 1", "Prisoner 2"], strategies=[["Mum", "Fink"], ["Mum", "Fink"]],
)

# Gibbons (1992), §1.1.B: Right is dominated by Middle; then Down by Up; then
# Left by Middle, leaving (Up, Middle).
GIBBONS_IESDS = NormalFormGame.from_arrays(
    [[1, 1, 0], [0, 0, 2]], [[0, 2, 1], [3, 1, 0]],
    strategies=[["Up", "Down"], ["Left", "Middle", "Right"]],
)

# The standard example of a strategy dominated by a mixture but by no pure
# strategy (cf. Fudenberg & Tirole 1991, §2.1; Myerson 1991, §3.1). By hand:
# q U + (1-q) M pays (3q, 3-3q); it beats D = (1, 1) iff 1/3 < q < 2/3, and
# min(3q - 1, 2 - 3q) is largest, 1/2, at q = 1/2. Neither U nor M alone beats D.
MIXED_ONLY = NormalFormGame.from_arrays(
    [[3, 0], [0, 3], [1, 1]], ZEROS3, strategies=[["U", "M", "D"], ["L", "R"]],
)


def mixed_boundary(d_row, extra=None) -> NormalFormGame:
    """U = (3, 0), M = (0, 3) (plus an optional third column) against a row D."""
    if extra is None:
        rows = [[3, 0], [0, 3], list(d_row)]
        strategies = [["U", "M", "D"], ["L", "R"]]
    else:
        rows = [[3, 0, extra[0]], [0, 3, extra[1]], list(d_row)]
        strategies = [["U", "M", "D"], ["L", "C", "R"]]
    zeros = [[0] * len(rows[0]) for _ in rows]
    return NormalFormGame.from_arrays(rows, zeros, strategies=strategies)


DELTA = F(1, 10**12)

# Weak dominance, order dependence (constructed; the phenomenon is the one of
# Gilboa, Kalai & Zemel 1993 and Osborne & Rubinstein 1994, §4.5). By hand:
# row T = (0, 0) is weakly dominated by B = (1, 0); column L = (0, 1) (its
# payoffs at rows T, B) is weakly dominated by R = (1, 1), strictly only at T.
# Removing both at once leaves (B, R). Removing T first makes L and R equal
# against B, so nothing else goes: {B} x {L, R}. Equilibria of the full game:
# (B, L) with payoffs (1, 1), (B, R) and (T, R); "all" loses (B, L).
WEAK_ORDER = NormalFormGame.from_arrays(
    [[0, 0], [1, 0]], [[0, 1], [1, 1]], strategies=[["T", "B"], ["L", "R"]],
)


def public_goods(n: int = 3, r: F = F(2)) -> NormalFormGame:
    """Linear public-goods game (Ledyard 1995, "Public goods: a survey of
    experimental research", Handbook of Experimental Economics): each player
    contributes 1 (C) or 0 (D) and gets ``r/n`` times the total; with
    ``r < n`` defection strictly dominates, by ``1 - r/n`` whatever the others do.
    """
    shape = (2,) * n
    arrays = []
    for i in range(n):
        U = np.empty(shape, dtype=object)
        for prof in itertools.product(range(2), repeat=n):
            total = sum(1 - k for k in prof)  # strategy 0 = C contributes
            U[prof] = r * total / n - (1 - prof[i])
        arrays.append(U)
    return NormalFormGame.from_arrays(
        *arrays, players=[f"P{i + 1}" for i in range(n)], strategies=[["C", "D"]] * n
    )


# 3 players: player 1's MIXED_ONLY rows (U pays 3 against a, M against b)
# repeated over player 3's two strategies, so D = 1 is dominated by
# 1/2 U + 1/2 M against all 4 opponent profiles; players 2 and 3 get 0.
def three_player_mixed() -> NormalFormGame:
    U1 = np.zeros((3, 2, 2), dtype=int)
    U1[0] = [[3, 3], [0, 0]]  # axes: player 2's strategy, player 3's strategy
    U1[1] = [[0, 0], [3, 3]]
    U1[2] = [[1, 1], [1, 1]]
    zero = np.zeros((3, 2, 2), dtype=int)
    return NormalFormGame.from_arrays(
        U1, zero, zero, strategies=[["U", "M", "D"], ["a", "b"], ["c", "d"]]
    )


# ---------------------------------------------------------------------- known games
KNOWN_STRICT = [
    pytest.param(
        GIBBONS_PD, "Prisoner 1", "Mum", {"Fink": F(1)}, F(1), id="gibbons-pd-prisoner1"
    ),
    pytest.param(
        GIBBONS_PD, "Prisoner 2", "Mum", {"Fink": F(1)}, F(1), id="gibbons-pd-prisoner2"
    ),
    pytest.param(PD.game, "Row", "C", {"D": F(1)}, F(1), id="catalog-pd"),
    pytest.param(
        GIBBONS_IESDS, "2", "Right", {"Middle": F(1)}, F(1), id="gibbons-1.1.B-right"
    ),
    pytest.param(
        MIXED_ONLY, "1", "D", {"U": F(1, 2), "M": F(1, 2)}, F(1, 2), id="mixed-only-dominator"
    ),
    pytest.param(
        mixed_boundary([F(3, 2) - DELTA] * 2), "1", "D", {"U": F(1, 2), "M": F(1, 2)}, DELTA,
        id="mixed-gap-1e-12",
    ),
    pytest.param(
        public_goods(), "P2", "C", {"D": F(1)}, F(1, 3), id="public-goods-3-players"
    ),
    pytest.param(
        three_player_mixed(), "1", "D", {"U": F(1, 2), "M": F(1, 2)}, F(1, 2),
        id="3-player-mixed-dominator",
    ),
]


@pytest.mark.parametrize(("game", "player", "strategy", "dominator", "gap"), KNOWN_STRICT)
def test_strict_dominance_of_known_games(game, player, strategy, dominator, gap) -> None:
    d = dominated_by(game, player, strategy)
    assert isinstance(d, Dominance)
    assert (d.player, d.strategy, d.strict, d.exact) == (player, strategy, True, True)
    assert d.dominator == dominator
    assert d.gap == gap
    assert min(d.gaps) == gap
    assert all(isinstance(p, F) for p in d.dominator.values())
    # weak queries report the strict dominance too
    weak = dominated_by(game, player, strategy, strict=False)
    assert weak is not None
    assert weak.strict


NOT_STRICT = [
    pytest.param(MIXED_ONLY, "1", "U", True, None, id="mixed-only-U-undominated"),
    pytest.param(MIXED_ONLY, "1", "D", False, None, id="mixed-only-D-needs-a-mixture"),
    # D equals 1/2 U + 1/2 M: the strict LP value is exactly 0, and D is not
    # even weakly dominated (no mixture beats it anywhere).
    pytest.param(
        mixed_boundary([F(3, 2), F(3, 2)]), "1", "D", True, None, id="boundary-equal-mixture"
    ),
    # q is forced to 1/2 + delta/3, which only ties D: neither strict nor weak.
    pytest.param(
        mixed_boundary([F(3, 2) + DELTA, F(3, 2) - DELTA]), "1", "D", True, None,
        id="boundary-tie-at-1e-12",
    ),
    # With a third column where the mixture is better, D = (3/2, 3/2, 0) is
    # weakly (not strictly) dominated by 1/2 U + 1/2 M, the only mixture >= D.
    pytest.param(
        mixed_boundary([F(3, 2), F(3, 2), 0], extra=(1, 1)), "1", "D", True,
        ({"U": F(1, 2), "M": F(1, 2)}, (0, 0, 1)), id="weak-by-mixture-only",
    ),
    pytest.param(
        mixed_boundary([F(3, 2) + DELTA, F(3, 2) - DELTA, 1 - DELTA], extra=(1, 1)), "1", "D",
        True, ({"U": F(1, 2) + DELTA / 3, "M": F(1, 2) - DELTA / 3}, (0, 0, DELTA)),
        id="weak-by-mixture-at-1e-12",
    ),
    pytest.param(WEAK_ORDER, "1", "T", True, ({"B": F(1)}, (1, 0)), id="weak-pure"),
    pytest.param(BOS.game, "Pat", "Opera", True, None, id="bos-nothing-dominated"),
]


@pytest.mark.parametrize(("game", "player", "strategy", "mixed", "weak"), NOT_STRICT)
def test_not_strictly_dominated(game, player, strategy, mixed, weak) -> None:
    assert dominated_by(game, player, strategy, mixed=mixed) is None
    d = dominated_by(game, player, strategy, strict=False, mixed=mixed)
    if weak is None:
        assert d is None
    else:
        dominator, gaps = weak
        assert d is not None
        assert not d.strict
        assert d.dominator == dominator
        assert d.gaps == gaps
        assert d.gap == 0


def test_pure_only_misses_the_mixed_dominator() -> None:
    assert find_dominated(MIXED_ONLY, mixed=False) == ()
    (d,) = find_dominated(MIXED_ONLY)
    assert (d.strategy, d.is_pure, d.dominator_text()) == ("D", False, "1/2 U + 1/2 M")
    assert str(d) == "D of '1' is strictly dominated by 1/2 U + 1/2 M (gap 1/2)"


def test_float_game_uses_a_tolerance() -> None:
    g = NormalFormGame.from_arrays(
        [[3.0, 0.0], [0.0, 3.0], [1.0, 1.0]], ZEROS3, strategies=[["U", "M", "D"], ["L", "R"]]
    )
    d = dominated_by(g, "1", "D")
    assert d is not None
    assert d.strict
    assert not d.exact
    assert d.gap == pytest.approx(0.5, abs=1e-9)
    assert d.dominator["U"] == pytest.approx(0.5, abs=1e-9)
    # a gap of 1e-6 is below an explicit tolerance of 1e-3, so not strict
    near = NormalFormGame.from_arrays(
        [[3.0, 0.0], [0.0, 3.0], [1.5 - 1e-6, 1.5 - 1e-6]], ZEROS3,
        strategies=[["U", "M", "D"], ["L", "R"]],
    )
    assert dominated_by(near, "1", "D", tol=1e-3) is None
    assert dominated_by(near, "1", "D").gap == pytest.approx(1e-6, rel=1e-3)


# ---------------------------------------------------------------------- iterated elimination
def test_gibbons_iesds_three_rounds() -> None:
    elim = iterated_elimination(GIBBONS_IESDS)
    assert isinstance(elim, Elimination)
    assert [[(d.player, d.strategy) for d in r] for r in elim.rounds] == [
        [("2", "Right")], [("1", "Down")], [("2", "Left")]
    ]
    assert elim.remaining == {"1": ("Up",), "2": ("Middle",)}
    assert elim.solvable
    assert elim.strict
    assert elim.trace()[1] == "round 2: 1 eliminates Down (strictly dominated by Up)"


def test_trace_reads_like_the_scenario() -> None:
    g = NormalFormGame.from_arrays(
        [[1, 0], [2, 1]], [[0, 0], [0, 0]], players=["Russia", "NATO"],
        strategies=[["Accept", "Preempt"], ["Hold", "Push"]],
    )
    elim = iterated_elimination(g)
    assert elim.trace() == ("round 1: Russia eliminates Accept (strictly dominated by Preempt)",)
    assert "NATO: Hold, Push" in str(elim)


@pytest.mark.parametrize("game", [pytest.param(GIBBONS_IESDS, id="gibbons-1.1.B"),
                                  pytest.param(public_goods(), id="public-goods")])
def test_strict_elimination_does_not_depend_on_order(game) -> None:
    together = iterated_elimination(game, order="all")
    one_by_one = iterated_elimination(game, order="sequential")
    assert together.remaining == one_by_one.remaining
    assert all(len(r) == 1 for r in one_by_one.rounds)
    assert len(one_by_one.eliminated) == len(together.eliminated)
    assert "does not depend on the order" in together.notes[0]


def test_weak_elimination_depends_on_order() -> None:
    all_at_once = iterated_elimination(WEAK_ORDER, strict=False, order="all")
    one_by_one = iterated_elimination(WEAK_ORDER, strict=False, order="sequential")
    assert all_at_once.remaining == {"1": ("B",), "2": ("R",)}
    assert one_by_one.remaining == {"1": ("B",), "2": ("L", "R")}
    assert "can eliminate Nash equilibria" in all_at_once.notes[0]
    # strict elimination removes nothing here
    assert iterated_elimination(WEAK_ORDER).rounds == ()


def test_weak_solution_can_lose_equilibria() -> None:
    full = {e.pure_profile() for e in solve(WEAK_ORDER, "pure")}
    assert full == {("B", "L"), ("B", "R"), ("T", "R")}  # by hand, see WEAK_ORDER
    sol = solve_dominance(WEAK_ORDER, strict=False)
    assert sol.complete == "some"
    assert [e.pure_profile() for e in sol] == [("B", "R")]
    seq = solve_dominance(WEAK_ORDER, strict=False, order="sequential", then="pure")
    assert {e.pure_profile() for e in seq} == {("B", "L"), ("B", "R")}


def test_three_player_public_goods_is_dominance_solvable() -> None:
    g = public_goods()
    elim = iterated_elimination(g)
    assert len(elim.rounds) == 1
    assert len(elim.rounds[0]) == 3
    sol = solve_dominance(g)
    assert sol.complete == "all"
    assert len(sol) == 1
    assert sol[0].pure_profile() == ("D", "D", "D")
    assert sol[0].exact
    assert sol[0].regret == 0


def test_three_player_mixed_elimination_then_pure() -> None:
    sol = solve_dominance(three_player_mixed(), then="pure")
    assert sol.complete == "all-pure"
    assert all(e.profile["1"]["D"] == 0 for e in sol)
    assert sol.notes[0] == "round 1: 1 eliminates D (strictly dominated by 1/2 U + 1/2 M)"
    # by hand: players 2 and 3 are indifferent; player 1's best reply is U to a, M to b
    expected = {("U", "a", "c"), ("U", "a", "d"), ("M", "b", "c"), ("M", "b", "d")}
    assert {e.pure_profile() for e in sol} == expected == gambit_pure(three_player_mixed())


def test_solve_dominance_through_the_registry() -> None:
    sol = solve(GIBBONS_PD, "dominance")
    assert sol.method == "dominance"
    assert sol.complete == "all"
    assert sol[0].pure_profile() == ("Fink", "Fink")
    assert sol[0].payoffs == {"Prisoner 1": -6, "Prisoner 2": -6}


# von Stengel (2007) eq. (3.3) 3x2 game (tests/games.py) with a fourth row
# (2, 3): no single row beats it in both columns, but q row 1 + (1-q) row 2
# beats it by (q, 2 - 2q); the largest smallest gap, 2/3, is at q = 2/3 (row 3
# only lowers the first column). Removing row 4 leaves von Stengel's game.
VON_STENGEL_WITH_DOMINATED = NormalFormGame.from_arrays(
    [[3, 3], [2, 5], [0, 6], [2, 3]], [[3, 2], [2, 6], [3, 1], [9, 9]],
)


def test_solve_dominance_auto_uses_enummixed() -> None:
    pytest.importorskip(
        "gametheory.solvers.vertex_enumeration", reason="enummixed is not written yet"
    )
    sol = solve_dominance(VON_STENGEL_WITH_DOMINATED)
    assert sol.complete == "all"  # non-degenerate once the dominated row is gone
    assert sol.notes[0] == "round 1: 1 eliminates 4 (strictly dominated by 2/3 1 + 1/3 2)"
    expected = {(x + (F(0),), y) for x, y in VON_STENGEL_3X2.extreme}
    assert {e.key for e in sol} == expected
    assert expected == gambit_enummixed(VON_STENGEL_WITH_DOMINATED)


# ---------------------------------------------------------------------- bad input
x = sympy.Symbol("x", positive=True)
SYMBOLIC = NormalFormGame.from_arrays([[x, 0], [1, 1]], [[0, 1], [1, 0]])

BAD_INPUT = [
    pytest.param(lambda: dominated_by(SYMBOLIC, 0, 0), SymbolicGameError, "free parameters",
                 id="symbolic-dominated_by"),
    pytest.param(lambda: find_dominated(SYMBOLIC), SymbolicGameError, "free parameters",
                 id="symbolic-find_dominated"),
    pytest.param(lambda: iterated_elimination(SYMBOLIC), SymbolicGameError, "free parameters",
                 id="symbolic-iterated_elimination"),
    pytest.param(lambda: solve_dominance(SYMBOLIC), SymbolicGameError, "free parameters",
                 id="symbolic-solve_dominance"),
    pytest.param(lambda: solve(SYMBOLIC, "dominance"), SymbolicGameError, "free parameters",
                 id="symbolic-solve"),
    pytest.param(lambda: iterated_elimination(PD.game, order="random"), ValueError,
                 "order must be one of", id="unknown-order"),
    pytest.param(lambda: find_dominated(PD.game, strict="yes"), ValueError,
                 "strict must be True or False", id="strict-not-bool"),
    pytest.param(lambda: dominated_by(PD.game, "Nobody", "C"), UnknownLabelError,
                 "unknown player", id="unknown-player"),
    pytest.param(lambda: dominated_by(PD.game, "Row", "Z"), UnknownLabelError,
                 "unknown strategy", id="unknown-strategy"),
    pytest.param(lambda: solve_dominance(PD.game, then="dominance"), MethodNotApplicableError,
                 "repeat the elimination", id="then-dominance"),
    pytest.param(lambda: solve_dominance(BOS.game, then="nonsense"), MethodNotApplicableError,
                 "unknown method", id="then-unknown"),
    pytest.param(lambda: solve_dominance(THREE_PLAYER_COORDINATION.game, then="lp"),
                 MethodNotApplicableError, "2-player", id="then-lp-on-3-players"),
    pytest.param(
        lambda: find_dominated(NormalFormGame.from_arrays([[1.0, 0.0]], [[0.0, 1.0]]), tol=-1.0),
        ValueError, "tol must be", id="negative-tol",
    ),
]


@pytest.mark.parametrize(("call", "error", "match"), BAD_INPUT)
def test_bad_input(call, error, match) -> None:
    with pytest.raises(error, match=match):
        call()


# ---------------------------------------------------------------------- float LP is never trusted
def test_float_lp_claiming_dominance_is_not_believed(monkeypatch) -> None:
    """HiGHS is made to claim a large positive value with a useless mixture."""

    def liar(A):
        m, n = A.shape
        return 5.0, np.eye(m)[0], np.ones(n) / n

    monkeypatch.setattr(_exact_lp, "_highs_matrix_game", liar)
    assert dominated_by(mixed_boundary([F(3, 2), F(3, 2)]), "1", "D") is None
    d = dominated_by(MIXED_ONLY, "1", "D")
    assert d.dominator == {"U": F(1, 2), "M": F(1, 2)}
    assert d.gap == F(1, 2)


def test_float_lp_failure_falls_back_to_exact(monkeypatch) -> None:
    monkeypatch.setattr(_exact_lp, "_highs_matrix_game", lambda A: None)
    d = dominated_by(mixed_boundary([F(3, 2) - DELTA] * 2), "1", "D")
    assert d is not None
    assert d.gap == DELTA


# ---------------------------------------------------------------------- oracles
def _profiles(result, gg) -> set:
    return {
        tuple(tuple(F(str(eq[s])) for s in p.strategies) for p in gg.players)
        for eq in result.equilibria
    }


def _positional(game: NormalFormGame) -> NormalFormGame:
    """The same payoffs with default labels (pygambit rejects some relabelings)."""
    return NormalFormGame.from_arrays(*game.payoffs)


def gambit_enummixed(game: NormalFormGame) -> set:
    gg = _positional(game).to_pygambit()
    return _profiles(gbt.nash.enummixed_solve(gg, rational=True), gg)


def gambit_pure(game: NormalFormGame) -> set:
    gg = game.to_pygambit()
    out = set()
    for eq in gbt.nash.enumpure_solve(gg).equilibria:
        out.add(tuple(next(s.label for s in p.strategies if eq[s] == 1) for p in gg.players))
    return out


def embed(reduced_key, game: NormalFormGame, reduced: NormalFormGame) -> tuple:
    """Map a profile of the reduced game into the full game (0 on removed strategies)."""
    out = []
    for i, vec in enumerate(reduced_key):
        full = dict.fromkeys(game.strategies[i], F(0))
        full.update(zip(reduced.strategies[i], vec, strict=True))
        out.append(tuple(full[s] for s in game.strategies[i]))
    return tuple(out)


def player_rows(game: NormalFormGame, i: int) -> list[list[F]]:
    """Player i's payoffs, one row per own strategy, one column per opponent profile."""
    rows = []
    for s in range(game.shape[i]):
        row = []
        for opp in itertools.product(*(range(k) for j, k in enumerate(game.shape) if j != i)):
            prof = list(opp)
            prof.insert(i, s)
            row.append(F(game.payoff_array(i)[tuple(prof)]))
        rows.append(row)
    return rows


def lp_oracle(rows: list[list[F]], s: int, strict: bool) -> bool | None:
    """Independent scipy LP: True/False verdict, None if too close to call.

    strict: is ``{q >= 0 : sum_k q_k (row_k - row_s) >= 1 everywhere}`` feasible?
    (scale-free form of strict dominance). weak: max of the total slack
    over mixtures that are >= row_s everywhere.
    """
    others = [k for k in range(len(rows)) if k != s]
    D = np.array([[float(rows[k][j] - rows[s][j]) for j in range(len(rows[s]))]
                  for k in others])
    K, M = D.shape
    if strict:
        res = linprog(np.zeros(K), A_ub=-D.T, b_ub=-np.ones(M), bounds=[(0, None)] * K,
                      method="highs")
        return {0: True, 2: False}.get(res.status)
    res = linprog(-D.sum(axis=1), A_ub=-D.T, b_ub=np.zeros(M), A_eq=np.ones((1, K)),
                  b_eq=[1.0], bounds=[(0, None)] * K, method="highs")
    if res.status == 2:
        return False
    if res.status != 0:
        return None
    if abs(res.fun) < 1e-7:
        return False if abs(res.fun) < 1e-12 else None
    return True


def certificate_holds(rows: list[list[F]], d: Dominance, labels: tuple[str, ...]) -> bool:
    """Exact re-check of a dominance certificate, independent of the solver."""
    s = labels.index(d.strategy)
    q = {labels.index(k): p for k, p in d.dominator.items()}
    if sum(q.values()) != 1 or any(p <= 0 for p in q.values()) or s in q:
        return False
    gaps = [sum(p * rows[k][j] for k, p in q.items()) - rows[s][j] for j in range(len(rows[s]))]
    if d.strict:
        return min(gaps) > 0 and min(gaps) == d.gap
    return min(gaps) == 0 and max(gaps) > 0


@st.composite
def small_games(draw, *, min_players: int = 2, max_players: int = 2, max_strategies: int = 4):
    n = draw(st.integers(min_players, max_players))
    shape = tuple(draw(st.integers(1, max_strategies)) for _ in range(n))
    size = int(np.prod(shape))
    arrays = [
        np.array(draw(st.lists(st.integers(-3, 3), min_size=size, max_size=size)),
                 dtype=int).reshape(shape)
        for _ in range(n)
    ]
    return NormalFormGame.from_arrays(*arrays)


@scaled(40, deadline=None)
@given(small_games(max_players=3, max_strategies=4))
def test_verdicts_agree_with_independent_checks(game) -> None:
    for i in range(game.n_players):
        rows = player_rows(game, i)
        labels = game.strategies[i]
        for s in range(game.shape[i]):
            others = [k for k in range(len(rows)) if k != s]
            pure_strict = any(all(a > b for a, b in zip(rows[k], rows[s], strict=True))
                              for k in others)
            pure_weak = any(
                all(a >= b for a, b in zip(rows[k], rows[s], strict=True)) and rows[k] != rows[s]
                for k in others
            )
            d_pure = dominated_by(game, i, s, mixed=False)
            assert (d_pure is not None) == pure_strict
            d_pure_w = dominated_by(game, i, s, strict=False, mixed=False)
            assert (d_pure_w is not None) == (pure_strict or pure_weak)
            for strict in (True, False):
                d = dominated_by(game, i, s, strict=strict)
                if d is not None:
                    assert certificate_holds(rows, d, labels)
                    if pure_strict:
                        assert d.is_pure
                        assert d.strict
                if others:
                    verdict = lp_oracle(rows, s, strict)
                    if verdict is not None:
                        assert (d is not None) == verdict


@scaled(40, deadline=None)
@given(small_games(max_strategies=4))
def test_strict_elimination_keeps_the_equilibria_gambit(game) -> None:
    """Gambit's extreme equilibria of the reduced game, mapped back, are those of the game."""
    elim = iterated_elimination(game)
    reduced = elim.reduced
    mapped = {embed(k, game, reduced) for k in gambit_enummixed(reduced)}
    assert mapped == gambit_enummixed(game)


@scaled(30, deadline=None)
@given(small_games(max_players=3, max_strategies=3))
def test_dominance_solution_pure_equilibria_match_gambit(game) -> None:
    sol = solve_dominance(game, then="pure")
    full = gambit_pure(game)
    got = {e.pure_profile() for e in sol if e.is_pure}
    if sol.complete == "all":
        assert len(sol) == 1
        assert full == got
    else:
        assert sol.complete == "all-pure"
        assert got == full


@scaled(30, deadline=None)
@given(small_games(max_strategies=4))
def test_dominance_solution_matches_enummixed(game) -> None:
    pytest.importorskip(
        "gametheory.solvers.vertex_enumeration", reason="enummixed is not written yet"
    )
    sol = solve_dominance(game)
    assert sol.complete in ("all", "all-extreme")
    assert {e.key for e in sol} == gambit_enummixed(game)
    for e in sol:
        assert e.exact
        assert e.regret == 0


@scaled(30, deadline=None)
@given(small_games(max_strategies=3))
def test_weak_elimination_keeps_only_equilibria(game) -> None:
    """Weak elimination may lose equilibria but never invents one (pygambit pure check)."""
    for order in ("all", "sequential"):
        sol = solve_dominance(game, strict=False, order=order, then="pure")
        assert sol.complete == "some"
        assert {e.pure_profile() for e in sol if e.is_pure} <= gambit_pure(game)
