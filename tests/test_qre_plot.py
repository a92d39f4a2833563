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


def test_agent_form_branch_of_a_tree() -> None:
    """TRIPP M3 (scenario spec): one line per action of each information set, labelled
    "<player>:<infoset>: <action>", following the agent QRE branch."""
    g = tripp.m3().at()
    branch = logit_branch(g, max_lambda=20)
    ax = qre_path(branch, title="M3")
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["US:1: Militarize", "US:1: Commercial", "Azerbaijan:1: Host",
                      "Azerbaijan:1: Limit", "Russia:R: Accept", "Russia:R: Preempt"]
    accept = next(line for line in ax.get_lines() if line.get_label() == "Russia:R: Accept")
    np.testing.assert_array_equal(accept.get_xdata(), branch.lam)
    np.testing.assert_array_equal(accept.get_ydata(), branch.probability("Russia:R", "Accept"))
    assert accept.get_ydata()[0] == pytest.approx(0.5)
    assert "agent QRE" in ax.get_title()
    # a tree's player selects all of its information sets; unknown names are refused
    ax = qre_path(branch, players=["Russia"])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Russia:R: Accept",
                                                                  "Russia:R: Preempt"]
    with pytest.raises(UnknownLabelError, match="unknown players"):
        qre_path(branch, players=["Turkey"])
