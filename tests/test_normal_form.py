"""NormalFormGame: constructors, labels, kinds, substitution, conversions, bad input."""

from __future__ import annotations

import itertools
from fractions import Fraction as F

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

import gametheory as gt
from gametheory import NormalFormGame
from gametheory.errors import (
    InvalidGameError,
    MethodNotApplicableError,
    SymbolicGameError,
    UnknownLabelError,
    UnknownParameterError,
)

from .games import BOS, THREE_PLAYER_COORDINATION

p, c = sympy.symbols("p c_R", nonnegative=True)
l, e = sympy.symbols("l_R e_R", positive=True)


def m1_like() -> NormalFormGame:
    """The scenario spec's M1 Russia payoffs with a simple T."""
    return NormalFormGame.from_arrays(
        [[-l, -e], [-(1 - p) * l - c, -(1 - p) * e - c]],
        [[1, 2], [0, 1]],
        players=["Russia", "T"],
        strategies=[["Accept", "Preempt"], ["Commercial", "Militarize"]],
        title="M1-like",
    )


def test_constructors_agree() -> None:
    A = [[2, 0], [0, 1]]
    B = [[1, 0], [0, 2]]
    by_arrays = NormalFormGame.from_arrays(A, B)
    by_profiles = NormalFormGame.from_profiles(np.stack([A, B], axis=-1))
    by_bimatrix = NormalFormGame.from_bimatrix(A, B)
    assert by_arrays == by_profiles == by_bimatrix
    assert NormalFormGame.zero_sum(A) == NormalFormGame.from_bimatrix(A, -np.array(A))


def test_labels_and_indexing() -> None:
    g = BOS.game
    assert g.players == ("Pat", "Chris")
    assert g.strategies == (("Opera", "Fight"), ("Opera", "Fight"))
    assert g["Opera", "Opera"] == (2, 1)
    assert g[1, 1] == (1, 2)
    assert g.payoff_array("Chris").tolist() == [[1, 0], [0, 2]]
    assert g.strategy_index("Chris", "Fight") == 1
    assert list(g.profiles())[1] == ("Opera", "Fight")


@pytest.mark.parametrize(
    ("values", "kind", "exact"),
    [
        pytest.param([[1, 2], [3, 4]], "integer", True, id="ints"),
        pytest.param([[F(1, 2), 2], [3, 4]], "rational", True, id="fractions"),
        pytest.param([[sympy.Rational(1, 3), 2], [3, 4]], "rational", True, id="sympy-rational"),
        pytest.param([[0.5, 2], [3, 4]], "float", False, id="floats"),
        pytest.param([[p, 2], [3, 4]], "symbolic", False, id="symbolic"),
        pytest.param([[F(4, 2), 2], [3, 4]], "integer", True, id="integral-fraction"),
    ],
)
def test_kinds(values, kind, exact) -> None:
    g = NormalFormGame.from_arrays(values, [[0, 0], [0, 0]])
    assert g.kind == kind
    assert g.is_exact is exact
    assert g.is_symbolic is (kind == "symbolic")


def test_rational_payoffs_stay_exact() -> None:
    g = NormalFormGame.from_arrays([[F(1, 3), 0]], [[0, F(2, 7)]])
    assert g.payoff_array(0)[0, 0] == F(1, 3)
    assert isinstance(g.payoff_array(1)[0, 1], F)


def test_symbolic_parameters_and_at() -> None:
    g = m1_like()
    assert g.is_symbolic
    assert [s.name for s in g.parameters] == ["c_R", "e_R", "l_R", "p"]
    num = g.at(p="1/2", c_R=F(3, 10), l_R="0.2", e_R=1)
    assert num.kind == "rational"
    # scenario spec M1: Preempt vs Militarize pays -(1-p)*e_R - c_R = -1/2 - 3/10
    assert num["Preempt", "Militarize"][0] == F(-4, 5)
    assert num["Preempt", "Commercial"][0] == F(-2, 5)
    partial = g.at(p=F(1, 2))
    assert partial.is_symbolic
    assert [s.name for s in partial.parameters] == ["c_R", "e_R", "l_R"]
    assert g.at(p=0.5, c_R=0.3, l_R=0.2, e_R=1.0).kind == "float"


def test_zero_sum_detection() -> None:
    assert NormalFormGame.zero_sum([[1, -1], [-1, 1]]).is_zero_sum
    assert not BOS.game.is_zero_sum
    const = NormalFormGame.from_arrays([[1, 2]], [[2, 1]])
    assert const.is_constant_sum and not const.is_zero_sum
    sym = NormalFormGame.zero_sum([[p, -p], [c, 1]])
    assert sym.is_zero_sum


def test_permute_and_restrict() -> None:
    g = THREE_PLAYER_COORDINATION.game
    h = g.permute_players(["C", "A", "B"])
    assert h.players == ("C", "A", "B")
    for prof in g.profiles():
        a, b, cc = prof
        assert h[cc, a, b] == tuple(g[prof][i] for i in (2, 0, 1))
    r = BOS.game.restrict({"Pat": ["Fight"]})
    assert r.shape == (1, 2)
    assert r["Fight", "Fight"] == (1, 2)


def test_to_nashpy_and_pygambit() -> None:
    g = BOS.game
    ng = g.to_nashpy()
    A, B = ng.payoff_matrices
    assert A.tolist() == [[2, 0], [0, 1]]
    assert B.tolist() == [[1, 0], [0, 2]]
    gbt = pytest.importorskip("pygambit")
    pg = NormalFormGame.from_arrays(
        [[F(1, 3), 0], [0, 1]],
        [[1, 0], [0, F(2, 5)]],
        players=["R", "C"],
        strategies=[["a", "b"], ["x", "y"]],
    ).to_pygambit()
    assert isinstance(pg, gbt.Game)
    assert [pl.label for pl in pg.players] == ["R", "C"]
    assert [s.label for s in list(pg.players)[1].strategies] == ["x", "y"]
    assert F(str(pg["a", "x"]["R"])) == F(1, 3)
    assert F(str(pg["b", "y"]["C"])) == F(2, 5)


def test_display() -> None:
    g = BOS.game
    assert "Pat \\ Chris" in str(g)
    html = g._repr_html_()
    assert "<table>" in html and "Opera" in html and "2, 1" in html
    tex = m1_like()._repr_latex_()
    assert tex.startswith("$") and r"\text{Preempt}" in tex and "c_{R}" in tex


BAD_INPUT = [
    pytest.param(
        lambda: NormalFormGame.from_arrays([[1, 2], [3]], [[1, 2], [3, 4]]),
        InvalidGameError,
        "ragged",
        id="ragged-rows",
    ),
    pytest.param(
        lambda: NormalFormGame.from_arrays([[1, 2], [3, 4]], [[1, 2, 3], [3, 4, 5]]),
        InvalidGameError,
        "shape (2, 3), expected (2, 2)",
        id="mismatched-shapes",
    ),
    pytest.param(
        lambda: NormalFormGame.from_arrays([1, 2], [3, 4]),
        InvalidGameError,
        "1 dimensions, expected 2",
        id="wrong-ndim",
    ),
    pytest.param(
        lambda: NormalFormGame.from_arrays([[1, float("nan")]], [[1, 2]]),
        InvalidGameError,
        "not finite",
        id="nan",
    ),
    pytest.param(
        lambda: NormalFormGame.from_arrays([[1, np.inf]], [[1, 2]]),
        InvalidGameError,
        "not finite",
        id="inf",
    ),
    pytest.param(
        lambda: NormalFormGame.from_arrays([["1", 2]], [[1, 2]]),
        InvalidGameError,
        "parse_expression",
        id="string-payoff",
    ),
    pytest.param(
        lambda: NormalFormGame.from_arrays([[True, 2]], [[1, 2]]),
        InvalidGameError,
        "booleans",
        id="bool-payoff",
    ),
    pytest.param(
        lambda: NormalFormGame.from_arrays([[1, 2]], [[1, 2]], players=["A", "A"]),
        InvalidGameError,
        "duplicate labels ['A']",
        id="duplicate-players",
    ),
    pytest.param(
        lambda: NormalFormGame.from_arrays([[1, 2]], [[1, 2]], strategies=[["a"], ["x"]]),
        InvalidGameError,
        "expected 2 labels, got 1",
        id="too-few-strategy-labels",
    ),
    pytest.param(
        lambda: NormalFormGame.from_profiles([[1, 2, 3]]),
        InvalidGameError,
        "one entry per player",
        id="bad-profile-array",
    ),
    pytest.param(
        lambda: NormalFormGame.from_arrays(np.zeros((0, 2)), np.zeros((0, 2))),
        InvalidGameError,
        "at least one strategy",
        id="empty-strategy-set",
    ),
    pytest.param(
        lambda: BOS.game["Ballet", "Opera"],
        UnknownLabelError,
        "unknown strategy 'Ballet' of 'Pat'",
        id="unknown-strategy",
    ),
    pytest.param(
        lambda: BOS.game.payoff_array("Kim"),
        UnknownLabelError,
        "unknown player 'Kim'",
        id="unknown-player",
    ),
    pytest.param(
        lambda: m1_like().at(q=1),
        UnknownParameterError,
        "unknown parameter 'q'",
        id="unknown-parameter",
    ),
    pytest.param(
        lambda: gt.solve(m1_like()),
        SymbolicGameError,
        "free parameters: c_R, e_R, l_R, p",
        id="symbolic-to-solver",
    ),
    pytest.param(
        lambda: gt.solve(BOS.game, method="magic"),
        MethodNotApplicableError,
        "unknown method 'magic'",
        id="unknown-method",
    ),
    pytest.param(
        lambda: THREE_PLAYER_COORDINATION.game.to_nashpy(),
        MethodNotApplicableError,
        "2-player",
        id="nashpy-three-players",
    ),
]


@pytest.mark.parametrize(("call", "exc", "message"), BAD_INPUT)
def test_bad_input(call, exc, message) -> None:
    with pytest.raises(exc) as info:
        call()
    assert message in str(info.value)


def test_symbolic_error_suggests_at() -> None:
    with pytest.raises(SymbolicGameError, match=r"game\.at\("):
        gt.solve(m1_like(), method="pure")


@given(
    shape=st.lists(st.integers(1, 3), min_size=1, max_size=3),
    data=st.data(),
)
def test_profiles_round_trip_and_indexing(shape, data) -> None:
    n = len(shape)
    size = int(np.prod(shape)) * n
    vals = data.draw(st.lists(st.integers(-5, 5), min_size=size, max_size=size))
    prof = np.array(vals).reshape(*shape, n)
    g = NormalFormGame.from_profiles(prof)
    assert g.shape == tuple(shape)
    for idx in itertools.product(*(range(k) for k in shape)):
        assert g[idx] == tuple(int(v) for v in prof[idx])
