"""``python -m gametheory.figures``: every registered figure written, atomically.

Figures are checked through their matplotlib Artists (titles, labels, legend
entries, line data), never pixels. Expected values come from
``../shared/scenario_spec.md``: M1 rays ``c_R = p*l_R`` (``l_R = 1/5``) and
``c_R = p*e_R`` (``e_R = 1``), ``p_T = 1/4``, ``tau_star = 1/2`` at the defaults;
Russia preempts against the mix ``y`` iff ``c_R < p*(l_R + y*(e_R - l_R))``;
M5 ``Delta_star = 1/15`` at ``delta = 9/10`` and ``delta_star = 4/5`` at the
default shift 1/5 (so the curve ``Phi = 0`` passes through both points), war
at the defaults with ``Phi = 3/25``; M7 regimes separated by ``p_f = 1/2`` and
``p_f = v_sq + c_W``; M7 QRE P[Strike] at lambda = 1, 5, 20: 0.493333754698,
0.454726316509, 0.064234238873; M4 ``mu_star = 1/2`` at ``a_O = 1``.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from gametheory import figures  # noqa: E402
from gametheory.errors import MethodNotApplicableError  # noqa: E402
from gametheory.figures import FIGURES, build_figures, main, make_figure, missing  # noqa: E402

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("figures")
    lines = []
    result = build_figures(out, log=lines.append)
    return out, result, lines


def _legend(ax):
    return [t.get_text() for t in ax.get_legend().get_texts()]


def _line(ax, startswith):
    found = [ln for ln in ax.get_lines() if ln.get_label().startswith(startswith)]
    assert found, [ln.get_label() for ln in ax.get_lines()]
    return found[0]


# ---------------------------------------------------------------------------
# The command writes every figure
# ---------------------------------------------------------------------------


def test_every_registered_figure_is_written_or_skipped_with_a_reason(run):
    out, result, lines = run
    assert result.ok, result.failed
    skipped = dict(result.skipped)
    for name in FIGURES:
        if name in skipped:
            assert "needs gametheory." in skipped[name]
            assert any(line.startswith(f"skipped {name}: needs") for line in lines)
            continue
        png, svg = out / f"{name}.png", out / f"{name}.svg"
        assert png.read_bytes().startswith(PNG_MAGIC), name
        root = ET.fromstring(svg.read_bytes())
        assert root.tag.endswith("svg"), name
        assert png.stat().st_size > 10_000 and svg.stat().st_size > 10_000
    assert set(skipped) == {n for n in FIGURES if missing(n)}


def test_the_core_figures_never_need_optional_modules():
    core = ["m1_regime_map", "m1_preemption_threshold", "m1_regime_probabilities",
            "m5_preventive_war", "m7_regime_map"]
    assert all(FIGURES[n].requires == () for n in core)
    assert all(missing(n) == [] for n in core)


def test_readme_lists_every_figure_and_the_command(run):
    out, _, _ = run
    text = (out / "README.md").read_text()
    assert "python -m gametheory.figures" in text and "make figures" in text
    for name in FIGURES:
        assert f"`{name}.png`" in text and f"`{name}.svg`" in text


def test_no_temporary_files_left(run):
    out, _, _ = run
    assert not [p for p in os.listdir(out) if p.endswith(".tmp")]


def test_output_is_reproducible(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for d in (a, b):
        build_figures(d, only=["m1_preemption_threshold"], readme=False, log=None)
    for ext in ("png", "svg"):
        name = f"m1_preemption_threshold.{ext}"
        assert (a / name).read_bytes() == (b / name).read_bytes(), ext


def test_missing_module_skips_with_the_reason(tmp_path, monkeypatch, capsys):
    spec = figures.FigureSpec("needs_nothing_real", "t", "d",
                              ("gametheory._no_such_module",), lambda ctx: Figure())
    monkeypatch.setitem(FIGURES, spec.name, spec)
    result = build_figures(tmp_path, only=[spec.name], readme=False)
    assert result.skipped[0][0] == spec.name
    assert "gametheory._no_such_module" in result.skipped[0][1]
    assert "skipped needs_nothing_real: needs gametheory._no_such_module" in capsys.readouterr().out
    assert not list(tmp_path.iterdir())
    with pytest.raises(MethodNotApplicableError, match="_no_such_module"):
        make_figure(spec.name)


def test_a_failing_builder_does_not_stop_the_others(tmp_path, monkeypatch):
    def broken(ctx):
        raise RuntimeError("boom")

    monkeypatch.setitem(FIGURES, "broken", figures.FigureSpec("broken", "t", "d", (), broken))
    result = build_figures(tmp_path, only=["broken", "m1_preemption_threshold"], readme=False,
                           log=None)
    assert result.failed == (("broken", "RuntimeError: boom"),)
    assert (tmp_path / "m1_preemption_threshold.png").exists()
    assert not result.ok


# ---------------------------------------------------------------------------
# Interrupted runs leave no half-written or temporary file
# ---------------------------------------------------------------------------


def test_interrupted_run_leaves_no_partial_file(tmp_path, monkeypatch):
    first, second = "m1_preemption_threshold", "m7_regime_map"
    old = b"old version\n"
    (tmp_path / f"{second}.png").write_bytes(old)
    calls = {"n": 0}
    real = Figure.savefig

    def flaky(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:  # the second figure's first format
            raise KeyboardInterrupt
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Figure, "savefig", flaky)
    with pytest.raises(KeyboardInterrupt):
        build_figures(tmp_path, only=[first, second], log=None)
    assert (tmp_path / f"{first}.png").read_bytes().startswith(PNG_MAGIC)
    assert (tmp_path / f"{first}.svg").read_bytes().rstrip().endswith(b"</svg>")
    assert (tmp_path / f"{second}.png").read_bytes() == old  # untouched
    assert not (tmp_path / f"{second}.svg").exists()
    assert not (tmp_path / "README.md").exists()
    assert sorted(os.listdir(tmp_path)) == sorted([f"{first}.png", f"{first}.svg",
                                                  f"{second}.png"])


def test_interrupted_write_removes_the_temporary_file(tmp_path, monkeypatch):
    name = "m1_preemption_threshold"
    (tmp_path / f"{name}.svg").write_bytes(b"old")
    calls = {"n": 0}
    real = os.replace

    def flaky(src, dst):
        calls["n"] += 1
        if calls["n"] == 2:  # the SVG, after the PNG was moved into place
            raise OSError("disk full")
        return real(src, dst)

    monkeypatch.setattr(figures.os, "replace", flaky)
    with pytest.raises(OSError, match="disk full"):
        build_figures(tmp_path, only=[name], log=None)
    assert (tmp_path / f"{name}.svg").read_bytes() == b"old"
    assert (tmp_path / f"{name}.png").read_bytes().startswith(PNG_MAGIC)
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


# ---------------------------------------------------------------------------
# Artists of each figure
# ---------------------------------------------------------------------------


def test_m1_regime_map_artists():
    fig = make_figure("m1_regime_map")
    ax = fig.axes[0]
    assert ax.get_title().startswith("M1: corridor game")
    assert ax.get_xlabel() == "p [probability]"
    assert ax.get_ylabel() == "c_R [militarized-corridor losses]"
    assert ax.get_ylim() == (0.0, 1.0)  # c_R in [0, e_R]
    texts = _legend(ax)
    regimes = {t.split(": ", 1)[1] for t in texts if t[:1].isdigit()}
    assert regimes == {"(Accept, Militarize)", "(Preempt, Commercial)", "(Preempt, Militarize)",
                       "unique mixed"}
    assert "Preempt dominant: c_R < l_R*p" in texts
    assert "default (p = 1/2, c_R = 3/10)" in texts
    wedge = _line(ax, "c_R = p/5")  # c_R = p*l_R
    x, y = wedge.get_data()
    assert np.allclose(y, np.asarray(x) / 5)
    ray = _line(ax, "c_R = p")
    assert np.allclose(*ray.get_data())  # c_R = p*e_R
    vertical = _line(ax, "p = 1/4")  # p_T
    assert np.allclose(vertical.get_xdata(), 0.25)
    assert fig.axes[1].get_ylabel().startswith("P[war]")  # the colour bar


def test_m1_threshold_artists():
    fig = make_figure("m1_preemption_threshold")
    ax = fig.axes[0]
    assert ax.get_title().startswith("M1: Russia's preemption threshold")
    assert ax.get_xlabel() == "y = P[coalition militarizes] [probability]"
    curve = next(ln for ln in ax.get_lines() if ln.get_label().startswith("c_R <"))
    x, y = (np.asarray(v, dtype=float) for v in curve.get_data())
    # c_R < p*(l_R + y*(e_R - l_R)) with p = 1/2, l_R = 1/5, e_R = 1
    assert np.allclose(y, 0.5 * (0.2 + x * 0.8))
    star = _line(ax, "mixed equilibrium")
    assert star.get_xdata()[0] == 0.5 and star.get_ydata()[0] == pytest.approx(0.3)
    texts = _legend(ax)
    assert "Russia preempts (Preempt is its best response)" in texts


def test_m1_regime_probabilities_artists():
    fig = make_figure("m1_regime_probabilities")
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["(Accept, Militarize)", "(Preempt, Commercial)", "(Preempt, Militarize)",
                      "unique mixed"]
    heights = [p.get_height() for p in ax.patches]
    assert sum(heights) == pytest.approx(1.0, abs=1e-9)  # boundaries have probability 0
    # P(c_R > p*e_R) = E[1 - p] = 1/2 for p ~ Beta(2, 2), c_R ~ U(0, 1), e_R = 1
    assert heights[0] == pytest.approx(0.5, abs=4 * np.sqrt(0.25 / 20_000))
    assert ax.get_ylabel() == "probability under the priors"
    assert "95% Wilson interval" in _legend(ax)


def test_m5_artists():
    fig = make_figure("m5_preventive_war")
    ax = fig.axes[0]
    assert ax.get_title().startswith("M5: preventive war as a commitment problem")
    assert ax.get_xlabel() == "power shift Delta = p0 - p1 [probability]"
    assert ax.get_ylabel() == "discount factor delta [per period]"
    phi = _line(ax, "Phi = 0")
    x, y = (np.asarray(v, dtype=float) for v in phi.get_data())
    ok = np.isfinite(x)
    order = np.argsort(y[ok])
    at = np.interp([0.9, 0.8], y[ok][order], x[ok][order])
    assert at[0] == pytest.approx(1 / 15, abs=1e-3)  # Delta_star(9/10) = 1/15
    assert at[1] == pytest.approx(1 / 5, abs=1e-3)  # delta_star = 4/5 at Delta = 1/5
    default = _line(ax, "default")
    assert default.get_label().endswith("war, Phi = 3/25")
    texts = _legend(ax)
    assert "war: Russia fights before the shift" in texts


def test_m7_artists():
    fig = make_figure("m7_regime_map")
    left, right = fig.axes[0], fig.axes[1]
    assert left.get_title().startswith("M7: reciprocal fear of surprise attack")
    named_left = {t.split(": ", 1)[1] for t in _legend(left) if t[:1].isdigit()}
    named_right = {t.split(": ", 1)[1] for t in _legend(right) if t[:1].isdigit()}
    assert named_left == {"Wait dominant", "stag hunt", "Strike dominant"}
    assert named_right == {"Wait dominant", "stag hunt", "chicken", "Strike dominant"}
    assert np.allclose(_line(left, "p_f = 1/2").get_xdata(), 0.5)
    x, y = _line(left, "c_W = p_f - 1/2").get_data()
    assert np.allclose(y, np.asarray(x) - 0.5)
    assert "v_sq = 1/5" in right.get_title()


@pytest.mark.skipif(bool(missing("qre_paths")), reason="the logit solver has not landed")
def test_qre_artists():
    fig = make_figure("qre_paths")
    m7, m1 = fig.axes[0], fig.axes[1]
    assert m7.get_title().startswith("M7") and m1.get_title().startswith("M1")
    lam, q = (np.asarray(v, dtype=float) for v in _line(m7, "QRE: P[Russia plays Strike]")
              .get_data())
    for value, expected in ((1, 0.493333754698), (5, 0.454726316509), (20, 0.064234238873)):
        assert np.interp(value, lam, q) == pytest.approx(expected, abs=2e-3)
    _, preempt = _line(m1, "QRE: P[Russia plays Preempt]").get_data()
    assert preempt[-1] == pytest.approx(0.8, abs=1e-3)  # the mixed equilibrium sigma_star
    assert any(t.startswith("Nash equilibria: P[Russia plays Strike] = 0, 3/5, 1")
               for t in _legend(m7))


@pytest.mark.skipif(bool(missing("m4_pbe_regime_map")), reason="M4 has not landed")
def test_m4_artists():
    fig = make_figure("m4_pbe_regime_map")
    left = fig.axes[0]
    curve = _line(left, "pi_O = mu_star(a_O)")
    x, y = (np.asarray(v, dtype=float) for v in curve.get_data())
    assert np.interp(1.0, y, x) == pytest.approx(0.5, abs=1e-4)  # mu_star = 1/2 at a_O = 1
    labels = {t.get_text() for t in left.texts}
    assert "(i) + (iii)" in labels and "(i) + (ii)" in labels
    right = fig.axes[1]
    assert "r_O > r_D" in right.get_title()
    assert {t.get_text() for t in right.texts} >= {"(i)", "(i) + (ii) + (iv)"}


def test_learning_dynamics_artists():
    """M1: fictitious play ends near the spec's mixed equilibrium (Preempt 4/5, Militarize
    1/2); M7: replicator paths starting above the spec's mixed share 3/5 go to Strike, the
    others to Wait."""
    fig = make_figure("learning_dynamics")
    m1, m7 = fig.axes[0], fig.axes[1]
    _, preempt = _line(m1, "fictitious play: share of rounds Russia plays Preempt").get_data()
    _, militarize = _line(m1, "fictitious play: share of rounds T plays Militarize").get_data()
    assert preempt[-1] == pytest.approx(0.8, abs=5e-3)
    assert militarize[-1] == pytest.approx(0.5, abs=5e-3)
    assert "mixed equilibrium (basin boundary): share of Strike = 3/5" in _legend(m7)
    for start in (0.1, 0.3, 0.5, 0.55, 0.65, 0.7, 0.9):
        _, share = _line(m7, f"start: share of Strike {start:g}").get_data()
        assert share[0] == pytest.approx(start)
        assert share[-1] == pytest.approx(1.0 if start > 0.6 else 0.0, abs=0.05)


@pytest.mark.skipif(bool(missing("m3_game_tree")), reason="the tree plot has not landed")
def test_m3_tree_artists():
    fig = make_figure("m3_game_tree")
    ax = fig.axes[0]
    assert ax.get_title().startswith("M3:")
    on_path = [c for c in ax.collections if c.get_gid() == "edges:equilibrium"]
    assert on_path and len(on_path[0].get_segments()) > 0


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------


def test_cli_list(capsys):
    assert main(["--list"]) == 0
    out = capsys.readouterr().out
    for name in FIGURES:
        assert out.count(f"{name}:") == 1


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["--only", "no_such_figure"], id="unknown-figure"),
        pytest.param(["--format", "gif"], id="unknown-format"),
    ],
)
def test_cli_bad_arguments(argv, capsys):
    assert main(argv) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_cli_writes_the_requested_formats(tmp_path, capsys):
    assert main(["--out", str(tmp_path), "--only", "m1_preemption_threshold",
                 "--format", "svg"]) == 0
    assert sorted(os.listdir(tmp_path)) == ["README.md", "m1_preemption_threshold.svg"]
    assert "1 figures written" in capsys.readouterr().out
