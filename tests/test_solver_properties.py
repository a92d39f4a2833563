"""Properties every solver must have, on games drawn by :mod:`gametheory.testing`.

* every equilibrium returned by every method passes :func:`gametheory.verify`
  (and an independent regret computation written here), on general,
  degenerate, non-degenerate and zero-sum games;
* extreme-equilibrium sets (``enummixed``, ``support``) are invariant under
  relabelling strategies, permuting players and positive affine transforms
  of each player's payoffs -- Nash equilibria depend only on each player's
  preferences over lotteries (von Neumann and Morgenstern 1944; Nash 1951);
* non-degenerate two-player games have an odd number of equilibria (Shapley
  1974; von Stengel 2007, ch. 3 of *Algorithmic Game Theory*);
* zero-sum games have a unique value (von Neumann 1928): the ``lp`` value is
  every extreme equilibrium's payoff;
* ``.nfg`` and ``.efg`` round trips preserve games (the trees drawn by
  :func:`~gametheory.testing.extensive_form_games`, and Gambit reads them);
* pygambit (exact ``enummixed_solve``, ``lp_solve``) and nashpy (vertex
  enumeration on payoffs shifted to a minimum of 1, see the project notes on
  nashpy's unbounded polytopes) agree with ``enummixed`` where they apply.

Example counts are inherited from the Hypothesis profile (``tests/conftest.py``);
``make test-thorough`` scales them up.
"""

from __future__ import annotations

import io
from fractions import Fraction
from typing import Any

import numpy as np
import pygambit as gbt
import pytest
from hypothesis import HealthCheck, given
from hypothesis import strategies as st

from gametheory import NormalFormGame, solve, verify
from gametheory.games.extensive import ExtensiveFormGame
from gametheory.io.efg import efg_text, parse_efg
from gametheory.io.nfg import nfg_text, parse_nfg
from gametheory.testing import (
    degenerate_games,
    extensive_form_games,
    non_degenerate_games,
    normal_form_games,
    signaling_games,
)

from ._hypothesis import scaled

SMALL = st.integers(-5, 5)

#: Two-player games of every kind the strategies draw.
TWO_PLAYER = st.one_of(
    normal_form_games(max_strategies=4, payoffs=SMALL),
    normal_form_games(max_strategies=3, payoffs=st.fractions(-2, 2, max_denominator=4)),
    degenerate_games(max_strategies=4, payoffs=SMALL),
    non_degenerate_games(max_strategies=4),
)


@st.composite
def zero_sum_games(draw: Any, max_strategies: int = 4) -> NormalFormGame:
    """Zero-sum games: the row player's payoffs of a drawn game, negated for the column."""
    base = draw(st.one_of(normal_form_games(max_strategies=max_strategies, payoffs=SMALL),
                          degenerate_games(max_strategies=max_strategies, payoffs=SMALL)))
    return NormalFormGame.zero_sum(base.payoff_array(0).tolist())


def vectors(game: NormalFormGame, eq: Any) -> tuple[tuple[Any, ...], ...]:
    return tuple(tuple(eq.profile[p][s] for s in game.strategies[i])
                 for i, p in enumerate(game.players))


def by_label(sol: Any) -> frozenset:
    """Equilibria as ``{(player, ((strategy, probability), ...)), ...}``: independent of
    the order of players and strategies."""
    return frozenset(
        frozenset((p, tuple(sorted(eq.profile[p].items()))) for p in eq.profile) for eq in sol
    )


def independent_regret(game: NormalFormGame, profile: tuple[tuple[Any, ...], ...]) -> Any:
    """Largest gain from a pure deviation, by plain sums over the payoff arrays."""
    A, B = (np.array(a.tolist(), dtype=object) for a in game.payoffs)
    x, y = (np.array(v, dtype=object) for v in profile)
    row = A.dot(y)
    col = x.dot(B)
    return max(max(row) - x.dot(row), max(col) - col.dot(y))


# ---------------------------------------------------------------------------
# Every returned equilibrium is an equilibrium
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["enummixed", "support", "lcp", "dominance", "pure"])
def test_every_equilibrium_returned_passes_verify(method: str) -> None:
    @given(game=TWO_PLAYER)
    def check(game: NormalFormGame) -> None:
        sol = solve(game, method)
        assert sol.method == method
        for eq in sol:
            ok = verify(game, eq.profile)
            assert ok, (method, str(eq), ok.regrets)
            profile = vectors(game, eq)
            assert all(q >= 0 for v in profile for q in v)
            assert all(sum(v) == 1 for v in profile)
            if game.is_exact:
                assert eq.exact and ok.max_regret == 0
                assert independent_regret(game, profile) == 0
        if method in ("enummixed", "support", "lcp"):
            assert len(sol) >= 1  # Nash (1951): every finite game has an equilibrium

    check()


@scaled(30, suppress_health_check=[HealthCheck.too_slow])
@given(game=normal_form_games(max_strategies=4,
                              payoffs=st.floats(-100, 100, allow_nan=False, allow_infinity=False)))
def test_float_games_give_verified_float_equilibria(game: NormalFormGame) -> None:
    for method in ("enummixed", "support", "lcp"):
        for eq in solve(game, method):
            assert not eq.exact
            assert verify(game, eq.profile)
            assert float(independent_regret(game, vectors(game, eq))) <= 1e-6 * max(
                1.0, max(float(np.max(np.abs(a))) for a in game.as_float_arrays()))


@scaled(20, suppress_health_check=[HealthCheck.too_slow])
@given(game=normal_form_games(min_players=3, max_players=3, max_strategies=3, payoffs=SMALL))
def test_three_player_pure_and_dominance_equilibria_pass_verify(game: NormalFormGame) -> None:
    for method in ("pure", "dominance"):
        for eq in solve(game, method):
            assert verify(game, eq.profile)
            assert eq.regret == 0


@given(game=zero_sum_games())
def test_lp_equilibria_pass_verify_and_the_value_is_unique(game: NormalFormGame) -> None:
    """von Neumann (1928): all equilibria of a zero-sum game give the same value."""
    (opt,) = solve(game, "lp")
    assert verify(game, opt.profile)
    value = opt.payoffs[game.players[0]]
    for method in ("enummixed", "support"):
        for eq in solve(game, method):
            assert eq.payoffs[game.players[0]] == value
            assert eq.payoffs[game.players[1]] == -value


@scaled(20, suppress_health_check=[HealthCheck.too_slow])
@given(game=zero_sum_games())
def test_lp_value_agrees_with_pygambit(game: NormalFormGame) -> None:
    g = game.to_pygambit()
    (eq,) = gbt.nash.lp_solve(g, rational=True).equilibria
    (opt,) = solve(game, "lp")
    assert Fraction(str(eq.payoff(list(g.players)[0]))) == opt.payoffs[game.players[0]]


# ---------------------------------------------------------------------------
# Invariance of the extreme-equilibrium sets
# ---------------------------------------------------------------------------

EXACT_TWO_PLAYER = st.one_of(
    normal_form_games(max_strategies=4, payoffs=SMALL),
    degenerate_games(max_strategies=4, payoffs=SMALL),
    non_degenerate_games(max_strategies=4),
)


@pytest.mark.parametrize("method", ["enummixed", "support"])
def test_equilibria_are_invariant_under_relabelling_strategies(method: str) -> None:
    @given(game=EXACT_TWO_PLAYER, data=st.data())
    def check(game: NormalFormGame, data: Any) -> None:
        m, n = game.shape
        rows = data.draw(st.permutations(range(m)), label="rows")
        cols = data.draw(st.permutations(range(n)), label="cols")
        A, B = (np.array(a.tolist(), dtype=object)[np.ix_(rows, cols)] for a in game.payoffs)
        labels = [[f"r{k}" for k in rows], [f"c{k}" for k in cols]]
        original = NormalFormGame.from_arrays(
            *(a.tolist() for a in game.payoffs),
            strategies=[[f"r{k}" for k in range(m)], [f"c{k}" for k in range(n)]])
        moved = NormalFormGame.from_arrays(A.tolist(), B.tolist(), strategies=labels)
        a, b = solve(original, method), solve(moved, method)
        assert by_label(a) == by_label(b)
        assert a.degenerate == b.degenerate

    check()


@pytest.mark.parametrize("method", ["enummixed", "support"])
def test_equilibria_are_invariant_under_permuting_players(method: str) -> None:
    @given(game=EXACT_TWO_PLAYER)
    def check(game: NormalFormGame) -> None:
        a, b = solve(game, method), solve(game.permute_players([1, 0]), method)
        assert by_label(a) == by_label(b)
        assert len(a.components) == len(b.components)

    check()


POSITIVE = st.fractions(min_value=Fraction(1, 10), max_value=10, max_denominator=10)


@pytest.mark.parametrize("method", ["enummixed", "support"])
def test_equilibria_are_invariant_under_positive_affine_transforms(method: str) -> None:
    @given(game=EXACT_TWO_PLAYER, scale=st.tuples(POSITIVE, POSITIVE),
           shift=st.tuples(st.fractions(-5, 5), st.fractions(-5, 5)))
    def check(game: NormalFormGame, scale: Any, shift: Any) -> None:
        moved = game.map_payoffs(lambda i, a: a * scale[i] + shift[i])
        a, b = solve(game, method), solve(moved, method)
        assert by_label(a) == by_label(b)
        for x, y in zip(a, b, strict=True):
            for i, p in enumerate(game.players):
                assert y.payoffs[p] == x.payoffs[p] * scale[i] + shift[i]

    check()


# ---------------------------------------------------------------------------
# Counting and completeness
# ---------------------------------------------------------------------------


@given(game=non_degenerate_games(max_strategies=4))
def test_non_degenerate_games_have_an_odd_number_of_equilibria(game: NormalFormGame) -> None:
    """Shapley (1974), "A note on the Lemke-Howson algorithm"."""
    for method in ("enummixed", "support"):
        sol = solve(game, method)
        assert len(sol) % 2 == 1
        assert sol.degenerate is False and sol.components == ()
    # finitely many equilibria, all extreme: both methods say the list is complete
    assert solve(game, "support").complete == solve(game, "enummixed").complete == "all"


@given(game=non_degenerate_games(max_strategies=4))
def test_lcp_finds_only_equilibria_enummixed_knows(game: NormalFormGame) -> None:
    """Lemke-Howson ends at equilibria; in a non-degenerate game they are isolated,
    so each is one of the finitely many found by vertex enumeration."""
    every = {vectors(game, eq) for eq in solve(game, "enummixed")}
    assert {vectors(game, eq) for eq in solve(game, "lcp")} <= every


# ---------------------------------------------------------------------------
# Independent oracles: pygambit and nashpy
# ---------------------------------------------------------------------------


def gambit_extreme(game: NormalFormGame) -> set[tuple[tuple[Fraction, ...], ...]]:
    g = game.to_pygambit()
    return {
        tuple(tuple(Fraction(str(eq[s])) for s in pl.strategies) for pl in g.players)
        for eq in gbt.nash.enummixed_solve(g, rational=True).equilibria
    }


@given(game=st.one_of(non_degenerate_games(max_strategies=4),
                      degenerate_games(max_strategies=4, payoffs=SMALL)))
def test_pygambit_enummixed_agrees_with_enummixed(game: NormalFormGame) -> None:
    """Gambit's enummixed returns all extreme equilibria, degenerate games included."""
    ours = {vectors(game, eq) for eq in solve(game, "enummixed")}
    assert ours == gambit_extreme(game)


def shifted_to_one(game: NormalFormGame) -> NormalFormGame:
    """Each player's payoffs shifted to a minimum of 1 (nashpy's polytopes stay bounded)."""
    return game.map_payoffs(lambda i, a: a - min(a.flat) + 1)


@scaled(30, suppress_health_check=[HealthCheck.too_slow])
@given(game=non_degenerate_games(min_strategies=2, max_strategies=4))
def test_nashpy_vertex_enumeration_agrees_with_enummixed(game: NormalFormGame) -> None:
    """nashpy applies with at least 2 strategies each (qhull needs dimension > 1)."""
    shifted = shifted_to_one(game)
    theirs = sorted(
        tuple(np.round(np.concatenate([x, y]), 9))
        for x, y in shifted.to_nashpy().vertex_enumeration()
    )
    ours = sorted(
        tuple(np.round(np.array([float(q) for v in vectors(game, eq) for q in v]), 9))
        for eq in solve(game, "enummixed")
    )
    assert len(theirs) == len(ours)
    assert np.allclose(np.array(theirs), np.array(ours), atol=1e-8)


# ---------------------------------------------------------------------------
# File round trips
# ---------------------------------------------------------------------------

LABELS = st.text(alphabet='ab "\\{},é', min_size=1, max_size=3)


@given(game=st.one_of(
    normal_form_games(max_players=3, max_strategies=3, labels=LABELS),
    normal_form_games(max_strategies=3, payoffs=st.fractions(-3, 3, max_denominator=7)),
))
def test_nfg_round_trips_preserve_games(game: NormalFormGame) -> None:
    text = nfg_text(game)
    again = parse_nfg(text)
    assert again == game
    assert again.players == game.players and again.strategies == game.strategies


@scaled(20, suppress_health_check=[HealthCheck.too_slow])
@given(game=normal_form_games(max_strategies=3,
                              payoffs=st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)))
def test_nfg_round_trips_preserve_float_games(game: NormalFormGame) -> None:
    again = parse_nfg(nfg_text(game), exact=False)
    assert again.kind == "float"
    assert all(np.array_equal(a, b) for a, b in zip(again.as_float_arrays(),
                                                     game.as_float_arrays(), strict=True))


@given(game=extensive_form_games(max_players=3, max_depth=4,
                                 payoffs=st.fractions(-3, 3, max_denominator=5)))
def test_efg_round_trips_preserve_random_trees(game: ExtensiveFormGame) -> None:
    text = efg_text(game)
    again = parse_efg(text)
    assert again == game
    assert efg_text(again) == text


@scaled(20, suppress_health_check=[HealthCheck.too_slow])
@given(game=extensive_form_games(payoffs=st.floats(-1e3, 1e3, allow_nan=False,
                                                   allow_infinity=False)))
def test_efg_round_trips_preserve_float_trees(game: ExtensiveFormGame) -> None:
    again = parse_efg(efg_text(game), exact=False)
    assert [t.payoffs for t in again.terminals()] == [t.payoffs for t in game.terminals()]


@scaled(20, suppress_health_check=[HealthCheck.too_slow])
@given(game=st.one_of(extensive_form_games(max_depth=4),
                      signaling_games().map(lambda g: g.to_extensive_form())))
def test_gambit_reads_the_efg_of_random_trees(game: ExtensiveFormGame) -> None:
    """Interoperability: pygambit parses what efg_text writes, with the same tree."""
    g = gbt.read_efg(io.StringIO(efg_text(game)))
    assert [p.label for p in g.players] == list(game.players)
    assert len(g.nodes) == len(game.nodes())
    assert sorted(len(s.members) for s in g.infosets if not s.is_chance) == sorted(
        len(s.nodes) for s in game.infosets())
    assert g.is_perfect_recall == game.has_perfect_recall()
