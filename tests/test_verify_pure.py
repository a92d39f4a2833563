"""verify/certify and the pure solver, against known games and pygambit."""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gametheory as gt
from gametheory import NormalFormGame, certify, verify
from gametheory.errors import InvalidProfileError, VerificationError
from gametheory.solvers.pure import solve_pure

from .games import ALL, BOS, MATCHING_PENNIES, PD

gbt = pytest.importorskip("pygambit")


@pytest.mark.parametrize("known", [pytest.param(k, id=k.id) for k in ALL])
def test_pure_equilibria_of_known_games(known) -> None:
    sol = solve_pure(known.game)
    assert sol.complete == "all-pure"
    assert len(sol) == len(known.pure)
    assert {e.pure_profile() for e in sol} == known.pure
    for eq in sol:
        assert eq.exact and eq.regret == 0 and eq.method == "pure"


@pytest.mark.parametrize("known", [pytest.param(k, id=k.id) for k in ALL if k.extreme])
def test_known_extreme_equilibria_verify_exactly(known) -> None:
    for x, y in known.extreme:
        check = verify(known.game, [x, y])
        assert check.ok and check.exact and check.max_regret == 0


def test_verify_reports_regrets_exactly() -> None:
    check = verify(PD.game, {"Row": "C", "Col": "C"})
    assert not check
    assert check.regrets == {"Row": F(2), "Col": F(2)}
    near = verify(BOS.game, [[F(2, 3), F(1, 3)], [F(1, 3) + F(1, 10**12), F(2, 3) - F(1, 10**12)]])
    assert not near.ok and near.max_regret > 0  # exact: a tiny regret is still a regret


def test_verify_float_tolerance_is_stated() -> None:
    g = NormalFormGame.from_arrays([[2.0, 0.0], [0.0, 1.0]], [[1.0, 0.0], [0.0, 2.0]])
    ok = verify(g, [[2 / 3, 1 / 3], [1 / 3, 2 / 3]])
    assert ok.ok and not ok.exact and ok.tol == pytest.approx(2e-9)
    assert not verify(g, [[0.6, 0.4], [1 / 3, 2 / 3]]).ok
    assert verify(g, [[0.6, 0.4], [1 / 3, 2 / 3]], tol=1.0).ok


def test_certify_refuses_non_equilibria() -> None:
    with pytest.raises(VerificationError, match="not an equilibrium"):
        certify(MATCHING_PENNIES.game, [[1, 0], [1, 0]], "test")


@pytest.mark.parametrize(
    ("profile", "message"),
    [
        pytest.param([[1, 0]], "1 entries; the game has 2 players", id="too-few-players"),
        pytest.param([[1, 0, 0], [1, 0]], "3 probabilities for 2 strategies", id="wrong-length"),
        pytest.param([[F(1, 2), F(1, 3)], [1, 0]], "sum to 5/6", id="not-normalised"),
        pytest.param([[2, -1], [1, 0]], "negative probability", id="negative"),
        pytest.param([[float("nan"), 1.0], [1, 0]], "finite", id="nan"),
        pytest.param({"Row": "C"}, "no strategy for players ['Col']", id="missing-player"),
        pytest.param([["1/2", "1/2"], [1, 0]], "is a string", id="string-probability"),
    ],
)
def test_bad_profiles(profile, message) -> None:
    with pytest.raises(InvalidProfileError) as info:
        verify(PD.game, profile)
    assert message in str(info.value)


def test_float_game_pure() -> None:
    g = NormalFormGame.from_arrays([[0.1 + 0.2, 0.0], [0.3, 1.0]], [[1.0, 0.0], [1.0, 0.0]])
    # 0.1 + 0.2 != 0.3 in binary, but within the stated tolerance both rows tie
    prof = {e.pure_profile() for e in solve_pure(g)}
    assert prof == {("1", "1"), ("2", "1")}


def _gambit_pure(game: NormalFormGame) -> set[tuple[str, ...]]:
    g = game.to_pygambit()
    out = set()
    for eq in gbt.nash.enumpure_solve(g).equilibria:
        labels = []
        for pl in g.players:
            labels.append(next(s.label for s in pl.strategies if eq[s] == 1))
        out.add(tuple(labels))
    return out


@given(
    shape=st.lists(st.integers(1, 3), min_size=2, max_size=4),
    data=st.data(),
)
def test_pure_matches_pygambit_on_random_games(shape, data) -> None:
    n = len(shape)
    size = int(np.prod(shape))
    arrays = [
        np.array(data.draw(st.lists(st.integers(0, 3), min_size=size, max_size=size))).reshape(
            shape
        )
        for _ in range(n)
    ]
    game = NormalFormGame.from_arrays(*arrays)
    ours = {e.pure_profile() for e in solve_pure(game)}
    assert ours == _gambit_pure(game)


@given(data=st.data())
def test_pure_invariant_under_affine_transforms_and_relabelling(data) -> None:
    shape = (3, 2, 2)
    arrays = [
        np.array(data.draw(st.lists(st.integers(-3, 3), min_size=12, max_size=12))).reshape(shape)
        for _ in range(3)
    ]
    game = NormalFormGame.from_arrays(*arrays)
    a = [data.draw(st.fractions(min_value=F(1, 10), max_value=10)) for _ in range(3)]
    b = [data.draw(st.fractions(min_value=-10, max_value=10)) for _ in range(3)]
    moved = game.map_payoffs(lambda i, arr: arr * a[i] + b[i])
    assert {e.pure_profile() for e in solve_pure(moved)} == {
        e.pure_profile() for e in solve_pure(game)
    }
    perm = game.permute_players([2, 0, 1])
    assert {e.pure_profile() for e in solve_pure(perm)} == {
        (pp[2], pp[0], pp[1]) for pp in (e.pure_profile() for e in solve_pure(game))
    }


def test_auto_on_three_players_says_what_it_did() -> None:
    small = gt.solve(ALL[-1].game)  # 2x2x2: every equilibrium by enumpoly
    assert small.method == "enumpoly"
    assert any("enumpoly" in n for n in small.notes)
    assert {e.pure_profile() for e in small.pure} == ALL[-1].pure
    big = NormalFormGame.from_arrays(*(np.zeros((3, 3, 4), dtype=int) for _ in range(3)))
    sol = gt.solve(big)
    assert sol.method == "pure"
    assert sol.complete == "all-pure"
    assert len(sol) == 36  # all ties: every pure profile is an equilibrium


def brute_force_payoffs(game: NormalFormGame, vectors) -> list[F]:
    """Expected payoffs by summing over every pure profile in Fractions (the definition)."""
    import itertools

    out = []
    for U in game.payoffs:
        total = F(0)
        for idx in itertools.product(*(range(k) for k in game.shape)):
            weight = F(1)
            for v, k in zip(vectors, idx, strict=True):
                weight *= F(v[k])
            total += weight * F(int(U[idx])) if not isinstance(U[idx], F) else weight * U[idx]
        out.append(total)
    return out


@pytest.mark.parametrize("extreme", [
    pytest.param(-2**63, id="int64-min"),  # np.abs(-2**63) overflows in int64
    pytest.param(2**63 - 1, id="int64-max"),
    pytest.param(2**62, id="2**62"),
    pytest.param(10**30, id="python-int"),
])
def test_exact_payoffs_and_regrets_at_integer_extremes(extreme) -> None:
    """Expected payoffs and regrets are exact whatever the size of the integers (the
    integer fast path must not overflow int64)."""
    g = NormalFormGame.from_arrays([[extreme, 0], [0, 0]], [[0, 0], [0, 1]])
    profile = [[F(2, 3), F(1, 3)], [F(1, 1), F(0)]]
    expected = brute_force_payoffs(g, profile)
    assert list(gt.expected_payoffs(g, profile).values()) == expected
    check = verify(g, profile)
    # player 1's best pure deviation against column 1 pays max(extreme, 0)
    assert check.regrets["1"] == max(F(extreme), F(0)) - expected[0]
    assert check.ok is (check.regrets["1"] == 0 and check.regrets["2"] == 0)
