"""plotting.qre_path: the lines follow the traced branch (Artists, not pixels)."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

from gametheory import NormalFormGame
from gametheory.errors import UnknownLabelError
from gametheory.plotting.qre import qre_path
from gametheory.scenarios import tripp
from gametheory.solvers.logit import logit_branch

matplotlib.use("Agg")


def test_lines_are_the_branch_and_labelled() -> None:
    m7 = tripp.m7().at()
    branch = logit_branch(m7, max_lambda=30)
    ax = qre_path(branch, title="M7")
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["Russia: Wait", "Russia: Strike", "T: Wait", "T: Strike"]
    strike = next(line for line in ax.get_lines() if line.get_label() == "Russia: Strike")
    np.testing.assert_array_equal(strike.get_xdata(), branch.lam)
    np.testing.assert_array_equal(strike.get_ydata(), branch.probability("Russia", "Strike"))
    # the branch starts at uniform play and heads to the risk-dominant (Wait, Wait)
    assert strike.get_ydata()[0] == pytest.approx(0.5)
    assert strike.get_ydata()[-1] < 0.05
    assert "lambda" in ax.get_xlabel()
    assert ax.get_ylabel() == "choice probability"
    assert "M7" in ax.get_title()


def test_players_subset_and_unknown_player() -> None:
    g = NormalFormGame.from_arrays([[3, 0], [2, 2]], [[3, 2], [0, 2]], players=["A", "B"])
    ax = qre_path(g, players=["B"], max_lambda=5)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["B: 1", "B: 2"]
    with pytest.raises(UnknownLabelError, match="unknown players"):
        qre_path(g, players=["C"], max_lambda=5)
