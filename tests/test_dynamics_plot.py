"""Tests of gametheory.plotting.dynamics (trajectory, simplex_portrait).

Games: Hawk-Dove (Maynard Smith 1982), Matching Pennies and Rock-Paper-Scissors
(zero-sum classics), Shapley's 3x3 game (Shapley 1964).
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from gametheory import NormalFormGame  # noqa: E402
from gametheory.dynamics import (  # noqa: E402
    fictitious_play,
    logit_dynamics,
    replicator,
    stochastic_fictitious_play,
)
from gametheory.errors import (  # noqa: E402
    InvalidProfileError,
    MethodNotApplicableError,
    UnknownLabelError,
)
from gametheory.plotting.dynamics import simplex_portrait, trajectory  # noqa: E402

HAWK_DOVE = NormalFormGame.from_arrays(
    [[-2, 2], [0, 1]], [[-2, 0], [2, 1]], strategies=[["Hawk", "Dove"]] * 2, title="Hawk-Dove"
)
MATCHING_PENNIES = NormalFormGame.zero_sum(
    [[1, -1], [-1, 1]], players=["Row", "Col"], strategies=[["H", "T"], ["H", "T"]]
)
RPS = NormalFormGame.zero_sum(
    [[0, -1, 1], [1, 0, -1], [-1, 1, 0]], strategies=[["Rock", "Paper", "Scissors"]] * 2,
    title="Rock-Paper-Scissors",
)
SHAPLEY = NormalFormGame.from_arrays(
    [[0, 1, 0], [0, 0, 1], [1, 0, 0]], [[0, 0, 1], [1, 0, 0], [0, 1, 0]], title="Shapley"
)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def legend_texts(ax) -> list[str]:
    return [t.get_text() for t in ax.get_legend().get_texts()]


def test_trajectory_replicator_two_populations(tmp_path):
    r = replicator(MATCHING_PENNIES, [[0.7, 0.3], [0.4, 0.6]], t=10)
    ax = trajectory(r)
    assert len(ax.lines) == 4
    assert legend_texts(ax) == ["Row: H", "Row: T", "Col: H", "Col: T"]
    assert ax.get_xlabel() == "time t (in units of 1/payoff)"
    assert ax.get_ylabel() == "probability (population share)"
    assert ax.get_xscale() == "linear"
    np.testing.assert_allclose(ax.lines[0].get_xdata(), r.times)
    np.testing.assert_allclose(ax.lines[3].get_ydata(), r.trajectory("Col", "T"))
    # colours distinguish populations, line styles strategies (readable in grey print)
    assert ax.lines[0].get_color() == ax.lines[1].get_color() != ax.lines[2].get_color()
    assert ax.lines[0].get_linestyle() != ax.lines[1].get_linestyle()
    path = tmp_path / "replicator.png"
    ax.figure.savefig(path)
    assert path.stat().st_size > 1000


def test_trajectory_symmetric_and_player_subset(tmp_path):
    r = replicator(HAWK_DOVE, [0.9, 0.1], t=20, symmetric=True)
    ax = trajectory(r, title="Hawk-Dove ESS")
    assert legend_texts(ax) == ["population: Hawk", "population: Dove"]
    assert ax.get_title() == "Hawk-Dove ESS"
    sub = trajectory(replicator(MATCHING_PENNIES, t=5), players=["Col"])
    assert legend_texts(sub) == ["Col: H", "Col: T"]
    with pytest.raises(UnknownLabelError, match="Nobody"):
        trajectory(r, players=["Nobody"])
    path = tmp_path / "hd.pdf"
    ax.figure.savefig(path)
    assert path.read_bytes()[:4] == b"%PDF"


def test_trajectory_fictitious_play_uses_rounds_on_log_axis(tmp_path):
    fp = fictitious_play(SHAPLEY, 2000, x0=[[1, 0, 0], [0, 1, 0]])
    ax = trajectory(fp)
    assert len(ax.lines) == 6 and len(legend_texts(ax)) == 6
    assert ax.get_xlabel() == "round t"
    assert ax.get_ylabel() == "empirical frequency (belief)"
    assert ax.get_xscale() == "log"
    assert ax.get_title() == "fictitious play"
    np.testing.assert_array_equal(ax.lines[0].get_xdata(), np.arange(1, 2001))
    ax.figure.savefig(tmp_path / "fp.svg")
    assert (tmp_path / "fp.svg").exists()


def test_trajectory_titles_name_lambda():
    ax = trajectory(logit_dynamics(MATCHING_PENNIES, 2.0, t=5))
    assert "logit" in ax.get_title() and "2" in ax.get_title()
    ax2 = trajectory(stochastic_fictitious_play(MATCHING_PENNIES, 100, 1.5, seed=0), log_x=False)
    assert ax2.get_xscale() == "linear" and "1.5" in ax2.get_title()


def test_trajectory_draws_on_given_axes():
    fig, (a, b) = plt.subplots(1, 2)
    out = trajectory(replicator(MATCHING_PENNIES, t=3), ax=b)
    assert out is b and len(a.lines) == 0 and len(b.lines) == 4


def test_trajectory_rejects_other_objects():
    with pytest.raises(InvalidProfileError, match="DynamicsResult"):
        trajectory([1, 2, 3])


def test_simplex_portrait_rps(tmp_path):
    starts = [[0.5, 0.3, 0.2], [0.7, 0.2, 0.1]]
    ax = simplex_portrait(RPS, starts, t=20)
    # triangle outline + one line per trajectory
    assert len(ax.lines) == 3
    assert sorted(t.get_text() for t in ax.texts) == ["Paper", "Rock", "Scissors"]
    assert len(legend_texts(ax)) == 2
    assert len(ax.collections) >= 1  # the quiver field
    # the trajectory lies inside the triangle
    x, y = ax.lines[1].get_xdata(), ax.lines[1].get_ydata()
    assert np.all(y >= -1e-9) and np.all(y <= np.sqrt(3) / 2 + 1e-9)
    assert np.all(y <= np.sqrt(3) * x + 1e-9) and np.all(y <= np.sqrt(3) * (1 - x) + 1e-9)
    assert "Rock-Paper-Scissors" in ax.get_title()
    path = tmp_path / "rps.png"
    ax.figure.savefig(path)
    assert path.stat().st_size > 1000


def test_simplex_portrait_default_starts_and_errors():
    ax = simplex_portrait(RPS, t=5, grid=6)
    assert len(ax.lines) == 4
    with pytest.raises(MethodNotApplicableError, match="3 strategies"):
        simplex_portrait(HAWK_DOVE)
    with pytest.raises(MethodNotApplicableError, match="symmetric"):
        simplex_portrait(NormalFormGame.from_arrays(np.eye(3, dtype=int), 2 * np.eye(3, dtype=int)), [])
    with pytest.raises(InvalidProfileError, match="grid"):
        simplex_portrait(RPS, grid=1)
    with pytest.raises(InvalidProfileError, match="sum"):
        simplex_portrait(RPS, [[0.5, 0.5, 0.5]])
