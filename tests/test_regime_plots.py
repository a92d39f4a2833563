"""Tests of gametheory.plotting.regimes, by inspecting the matplotlib Artists (not pixels).

Expected curves and values come from ``scenario_spec.md`` §3-4: for M1 (defaults
``l_R = 1/5``, ``e_R = 1``, ``m_T = 2/5``, ``h_T = 3/10``) the boundaries are the
rays ``c_R = p*l_R``, ``c_R = p*e_R`` and the line ``p = p_T = 1 - h_T/m_T = 1/4``;
``sigma_star = m_T/(p*m_T + h_T)`` = P[war], ``tau_star = (c_R - p*l_R)/(p*(e_R -
l_R))``; at the defaults the mixed equilibrium is (4/5, 1/2); at ``c_R = p*l_R``
the equilibria form the segment x in [sigma_star, 1], y = 0. For M7 (``v_sq = 1/2``)
Strike is dominant iff ``p_f > 1/2 + c_W``. Battle of the sexes: M. J. Osborne and
A. Rubinstein, *A Course in Game Theory* (1994), Example 15.3: equilibria (Opera,
Opera), (Football, Football) and the mixed one (2/3, 1/3), (1/3, 2/3).
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from gametheory import NormalFormGame  # noqa: E402
from gametheory.analysis import dominance_condition, regions, threshold  # noqa: E402
from gametheory.analysis.sweep import Probability  # noqa: E402
from gametheory.errors import (  # noqa: E402
    InvalidGameError,
    MethodNotApplicableError,
    SymbolicGameError,
    UnknownParameterError,
)
from gametheory.plotting.regimes import (  # noqa: E402
    best_response_plot,
    bifurcations,
    boundary_curves,
    equilibrium_path,
    regime_map,
    threshold_curve,
)
from gametheory.scenarios import tripp  # noqa: E402

M1 = tripp.m1()
M7 = tripp.m7()
L_R, E_R, M_T, H_T = 0.2, 1.0, 0.4, 0.3
P_T = 1 - H_T / M_T
WEDGE = dominance_condition(M1.game, "Russia", "Preempt", assumptions="e_R > l_R")
REGIMES = {"(Accept, Militarize)", "(Preempt, Commercial)", "(Preempt, Militarize)", "unique mixed"}


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _lines(ax, label):
    return [line for line in ax.get_lines() if line.get_label() == label]


def _legend_texts(ax):
    return [t.get_text() for t in ax.get_legend().get_texts()]


@pytest.fixture(scope="module")
def m1_map():
    ax = regime_map(M1, "p", "c_R", resolution=80, hatch=WEDGE, hatch_label="Preempt dominant")
    return ax


def test_legend_names_every_regime(m1_map):
    texts = _legend_texts(m1_map)
    named = {t.split(": ", 1)[1] for t in texts if t[:1].isdigit()}
    assert named == REGIMES
    numbers = sorted(t.get_text() for t in m1_map.texts)
    assert numbers == ["1", "2", "3", "4"]  # each region numbered on the map


def test_threshold_lines_are_the_exact_rays(m1_map):
    (wedge,) = _lines(m1_map, "c_R = p/5")
    x, y = wedge.get_xdata(), wedge.get_ydata()
    np.testing.assert_allclose(y, L_R * x, rtol=0, atol=1e-12)  # c_R = p*l_R
    # it separates regimes only for p >= p_T; it ends exactly at the window's edge
    assert x.min() == pytest.approx(P_T, abs=1e-12) and x.max() == pytest.approx(1.0)
    (accept,) = _lines(m1_map, "c_R = p")
    np.testing.assert_allclose(accept.get_ydata(), E_R * accept.get_xdata(), atol=1e-12)
    assert accept.get_xdata().min() == 0 and accept.get_xdata().max() == pytest.approx(1.0)
    (p_t,) = _lines(m1_map, "p = 1/4")
    np.testing.assert_allclose(p_t.get_xdata(), P_T)
    # the vertical boundary runs from c_R = 0 up to the ray c_R = p*e_R
    assert p_t.get_ydata().min() == 0 and p_t.get_ydata().max() == pytest.approx(P_T * E_R)
    # the rest of the ray c_R = p*l_R (below p_T) is drawn thin and dashed, unlabelled
    (rest,) = _lines(m1_map, "_extension: c_R = p/5")
    np.testing.assert_allclose(rest.get_ydata(), L_R * rest.get_xdata(), atol=1e-12)
    assert rest.get_xdata().max() == pytest.approx(P_T)


def test_default_point_and_axis_labels(m1_map):
    (default,) = _lines(m1_map, "default (p = 1/2, c_R = 3/10)")
    assert default.get_xdata().tolist() == [0.5] and default.get_ydata().tolist() == [0.3]
    assert "probability" in m1_map.get_xlabel() and m1_map.get_xlabel().startswith("p ")
    assert "militarized-corridor losses" in m1_map.get_ylabel()
    assert m1_map.get_title().startswith("M1")
    assert m1_map.get_xlim() == (0.0, 1.0) and m1_map.get_ylim() == (0.0, 1.0)


def test_filled_regions_match_the_spec(m1_map):
    (image,) = m1_map.get_images()
    data = image.get_array()
    x0, x1, y0, y1 = image.get_extent()
    ny, nx = data.shape
    xs = x0 + (np.arange(nx) + 0.5) * (x1 - x0) / nx
    ys = y0 + (np.arange(ny) + 0.5) * (y1 - y0) / ny
    labels = {r.index: r.label for r in regions(M1.game, ["p", "c_R"]).regions}
    for i in range(0, ny, 7):
        for j in range(0, nx, 7):
            p, c = xs[j], ys[i]
            if np.ma.is_masked(data[i, j]):  # a pixel centre exactly on a boundary
                assert c == pytest.approx(p * E_R) or c == pytest.approx(p * L_R), (p, c)
                continue
            if c > p * E_R:
                expected = "(Accept, Militarize)"
            elif p < P_T:
                expected = "(Preempt, Militarize)"
            elif c < p * L_R:
                expected = "(Preempt, Commercial)"
            else:
                expected = "unique mixed"
            assert labels[int(data[i, j])] == expected, (p, c)


def test_hatched_preempt_wedge(m1_map):
    hatched = [
        c
        for c in m1_map.collections
        if "///" in str(getattr(c, "hatches", None)) or c.get_hatch() == "///"
    ]
    assert hatched, "no hatched artist"
    assert any(t.startswith("Preempt dominant: c_R < l_R*p") for t in _legend_texts(m1_map))


def test_colour_by_p_war():
    ax = regime_map(
        M1, "p", "c_R", resolution=60, color_by=Probability("Russia", "Preempt"), hatch=WEDGE
    )
    (image,) = ax.get_images()
    data = np.ma.filled(image.get_array().astype(float), np.nan)
    x0, x1, y0, y1 = image.get_extent()
    ny, nx = data.shape
    P, C = np.meshgrid(
        x0 + (np.arange(nx) + 0.5) * (x1 - x0) / nx, y0 + (np.arange(ny) + 0.5) * (y1 - y0) / ny
    )
    mixed = (C > P * L_R) & (C < P * E_R) & (P > P_T)
    np.testing.assert_allclose(data[mixed], M_T / (P[mixed] * M_T + H_T))  # sigma_star
    # P[war] does not depend on c_R in the mixed region: vertical contours
    assert np.all(data[C > P * E_R] == 0) and np.all(data[(C < P * E_R) & (P < P_T)] == 1)
    colourbars = [a for a in ax.figure.axes if a is not ax]
    assert colourbars and colourbars[0].get_ylabel() == "P[Russia plays Preempt]"
    assert {t.split(": ", 1)[1] for t in _legend_texts(ax) if t[:1].isdigit()} == REGIMES


def test_fixed_values_move_the_curves_and_are_named():
    ax = regime_map(M1, "p", "c_R", fixed={"l_R": "1/4"}, resolution=30)
    (wedge,) = _lines(ax, "c_R = p/4")
    np.testing.assert_allclose(wedge.get_ydata(), wedge.get_xdata() / 4, atol=1e-12)
    assert "l_R = 1/4" in ax.get_title()


def test_m7_map_from_regions():
    R = regions(M7.game, ["p_f", "c_W"])
    ax = regime_map(R, ylim=(0, 1), resolution=40)
    (strike,) = _lines(ax, "c_W = p_f - 1/2")
    np.testing.assert_allclose(strike.get_ydata(), strike.get_xdata() - 0.5, atol=1e-12)
    assert "shares of the pie" in ax.get_ylabel()
    texts = _legend_texts(ax)
    assert any(t.split(": ", 1)[1] == "(Strike, Strike)" for t in texts if t[:1].isdigit())


def test_boundary_curves_are_exact():
    R = regions(M1.game, ["p", "c_R"])
    curves = {c["label"]: c for c in boundary_curves(R, "p", "c_R", xlim=(0, 1), ylim=(0, 1))}
    assert set(curves) == {"c_R = p", "c_R = p/5", "p = 1/4"}
    assert str(curves["c_R = p/5"]["relation"]) == "Eq(c_R, p/5)"


def test_threshold_curve_shades_both_sides():
    t = threshold(WEDGE, "c_R")
    ax = threshold_curve(t, "p", space=M1.space, labels=("Preempt dominant", "Accept possible"))
    (line,) = _lines(ax, "c_R < l_R*p")
    np.testing.assert_allclose(line.get_ydata(), L_R * line.get_xdata(), atol=1e-12)
    fills = {c.get_label(): c for c in ax.collections}
    assert {"Preempt dominant", "Accept possible"} <= set(fills)
    below = np.vstack([p.vertices for p in fills["Preempt dominant"].get_paths()])
    assert np.all(below[:, 1] <= L_R * below[:, 0] + 1e-9)
    assert "probability" in ax.get_xlabel() and ax.get_ylabel().startswith("c_R")


def test_equilibrium_path_and_bifurcations():
    fig = equilibrium_path(M1, "c_R", resolution=201)
    top, bottom = fig.axes
    bif = [line for line in top.get_lines() if line.get_label().startswith("bifurcation")]
    # spec: the regime changes at c_R = p*l_R = 1/10 and c_R = p*e_R = 1/2 (p = 1/2)
    assert [line.get_label() for line in bif] == [
        "bifurcation: c_R = 1/10",
        "bifurcation: c_R = 1/2",
    ]
    assert [line.get_xdata()[0] for line in bif] == [0.1, 0.5]
    mixed = "mixed {Accept, Preempt} x {Commercial, Militarize}"
    (sigma,) = _lines(top, f"{mixed}: P[Russia plays Preempt]")
    x, y = sigma.get_xdata(), sigma.get_ydata()
    ok = ~np.isnan(y)
    assert x[ok].min() > 0.1 and x[ok].max() < 0.5
    np.testing.assert_allclose(y[ok], M_T / (0.5 * M_T + H_T))  # 4/5 whatever c_R
    (tau,) = _lines(top, f"{mixed}: P[T plays Militarize]")
    ok = ~np.isnan(tau.get_ydata())
    c = tau.get_xdata()[ok]
    np.testing.assert_allclose(tau.get_ydata()[ok], (c - 0.5 * L_R) / (0.5 * (E_R - L_R)))
    (u_r,) = _lines(bottom, f"{mixed}: Russia's payoff")
    ok = ~np.isnan(u_r.get_ydata())
    np.testing.assert_allclose(u_r.get_ydata()[ok], -u_r.get_xdata()[ok] / 0.5)  # U_R = -c_R/p
    assert "militarized-corridor losses" in bottom.get_xlabel()


def test_bifurcations_exact():
    R = regions(M1.game, ["p"], fixed={"c_R": "1/10"})
    values = [v for v, _ in bifurcations(R)]
    # c_R = p*e_R at p = 1/10; p = p_T = 1/4 (there c_R <= p*e_R); c_R = p*l_R at p = 1/2
    assert [str(v) for v in values] == ["1/10", "1/4", "1/2"]
    R = regions(M1.game, ["p"], fixed={"c_R": "3/10"})
    # now p_T = 1/4 lies in (Accept, Militarize) (c_R > p*e_R): no change of regime there
    assert [str(v) for v, _ in bifurcations(R)] == ["3/10"]


def test_best_response_plot_m1_defaults():
    ax = best_response_plot(M1.at())
    (eq,) = _lines(ax, "Nash equilibria")
    assert eq.get_xdata().tolist() == [0.8] and eq.get_ydata().tolist() == [0.5]
    (russia,) = _lines(ax, "best response of Russia")
    (coalition,) = _lines(ax, "best response of T")
    # Russia is indifferent at P[Militarize] = tau_star = 1/2: a horizontal segment there
    assert list(zip(russia.get_xdata(), russia.get_ydata(), strict=True)) == [
        (0.0, 0.0),
        (0.0, 0.5),
        (1.0, 0.5),
        (1.0, 1.0),
    ]
    assert list(zip(coalition.get_xdata(), coalition.get_ydata(), strict=True)) == [
        (0.0, 1.0),
        (0.8, 1.0),
        (0.8, 0.0),
        (1.0, 0.0),
    ]
    assert ax.get_xlabel() == "P[Russia plays Preempt]"
    assert ax.get_ylabel() == "P[T plays Militarize]"


def test_best_response_plot_battle_of_the_sexes():
    bos = NormalFormGame.from_arrays(
        [[2, 0], [0, 1]], [[1, 0], [0, 2]], strategies=[["Opera", "Football"]] * 2
    )
    ax = best_response_plot(bos)
    (eq,) = _lines(ax, "Nash equilibria")
    points = sorted(zip(eq.get_xdata(), eq.get_ydata(), strict=True))
    np.testing.assert_allclose(points, [(0.0, 0.0), (1 / 3, 2 / 3), (1.0, 1.0)])


def test_best_response_plot_marks_a_continuum():
    ax = best_response_plot(M1.at(c_R="1/10"))  # c_R = p*l_R: a knife-edge
    patches = [p for p in ax.patches if p.get_label() == "continuum of equilibria"]
    assert len(patches) == 1
    vertices = {tuple(np.round(v, 12)) for v in patches[0].get_xy()}
    assert vertices == {(0.8, 0.0), (1.0, 0.0)}  # x in [sigma_star, 1], y = 0


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        pytest.param(
            lambda: regime_map(regions(M1.game, ["p"])),
            InvalidGameError,
            "2 parameters",
            id="map-needs-two-parameters",
        ),
        pytest.param(
            lambda: regime_map(M1, "p"),
            InvalidGameError,
            "x=..., y=...",
            id="map-needs-axes",
        ),
        pytest.param(
            lambda: regime_map(M1, "p", "zz"),
            UnknownParameterError,
            "zz",
            id="map-unknown-parameter",
        ),
        pytest.param(
            lambda: regime_map(M1, "p", "c_R", fixed={"l_R": 5}),
            InvalidGameError,
            "outside",
            id="map-fixed-out-of-bounds",
        ),
        pytest.param(
            lambda: best_response_plot(M1.game),
            SymbolicGameError,
            "game.at",
            id="br-symbolic",
        ),
        pytest.param(
            lambda: best_response_plot(NormalFormGame.from_arrays([[1, 2, 3]], [[0, 0, 0]])),
            MethodNotApplicableError,
            "2x2",
            id="br-not-2x2",
        ),
        pytest.param(
            lambda: threshold_curve(threshold(WEDGE, "c_R"), "c_R", space=M1.space),
            InvalidGameError,
            "own parameter",
            id="threshold-own-parameter",
        ),
        pytest.param(
            lambda: threshold_curve(threshold(WEDGE, "c_R"), "p"),
            InvalidGameError,
            "no bounds",
            id="threshold-without-limits",
        ),
        pytest.param(
            lambda: regime_map(regions(M1.game, ["p", "c_R"]), labels={"unique mixed": "war"}),
            InvalidGameError,
            "build new regions",
            id="map-regions-with-labels",
        ),
    ],
)
def test_bad_input(call, error, match):
    with pytest.raises(error, match=match):
        call()
