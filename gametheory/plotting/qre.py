"""Choice probabilities along the logit QRE branch (McKelvey and Palfrey 1995).

:func:`qre_path` draws, for each player, the probability of each strategy
against the precision :math:`\\lambda` of the principal branch traced by
:func:`gametheory.solvers.logit.logit_branch`, from uniform play at
:math:`\\lambda = 0` to the Nash equilibrium the branch selects.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

__all__ = ["qre_path"]


def qre_path(
    game_or_branch: Any,
    *,
    players: Sequence[str] | None = None,
    max_lambda: float = 100.0,
    log_lambda: bool = True,
    ax: Any = None,
    title: str | None = None,
) -> Any:
    """Plot choice probabilities against lambda along the principal logit QRE branch.

    Parameters
    ----------
    game_or_branch : NormalFormGame, ExtensiveFormGame or QREBranch
        A numeric game (the branch is traced up to ``max_lambda``) or a branch
        already traced with :func:`~gametheory.solvers.logit.logit_branch`.
        For a tree the branch is that of the agent QRE (McKelvey and Palfrey
        1998): one line per action of every information set, labelled
        ``"<agent>: <action>"`` where the agent label is
        ``"<player>:<information set>"`` (for instance ``"Russia:R: Accept"``).
    players : sequence of str, optional
        Players to draw (default: all); for a tree, players of the tree (all
        their information sets) or agent labels. Each player's (agent's)
        strategies get one line style; colours distinguish players (agents).
    max_lambda : float, default 100
        Largest lambda traced when a game is given.
    log_lambda : bool, default True
        Use a symmetric-log x axis, so the start (lambda near 0) and the
        approach to the equilibrium are both visible.
    ax : matplotlib Axes, optional
        Axes to draw on (a new figure otherwise).
    title : str, optional
        Defaults to the game's title.

    Returns
    -------
    matplotlib.axes.Axes

    References
    ----------
    .. [1] R. McKelvey and T. Palfrey, "Quantal response equilibria for normal
       form games", Games and Economic Behavior 10 (1995) 6-38.
    .. [2] T. Turocy, "A dynamic homotopy interpretation of the logistic quantal
       response equilibrium correspondence", Games and Economic Behavior 51
       (2005) 243-263.
    .. [3] R. McKelvey and T. Palfrey, "Quantal response equilibria for extensive
       form games", Experimental Economics 1 (1998) 9-41.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from gametheory import NormalFormGame
    >>> g = NormalFormGame.from_arrays([[3, 0], [2, 2]], [[3, 2], [0, 2]],
    ...     strategies=[["Stag", "Hare"], ["Stag", "Hare"]], title="Stag hunt")
    >>> ax = qre_path(g, max_lambda=20)
    >>> sorted(t.get_text() for t in ax.get_legend().get_texts())[:2]
    ['1: Hare', '1: Stag']

    A tree (Selten's entry game), agent by agent:

    >>> from gametheory.games.extensive import ExtensiveFormGame
    >>> t = ExtensiveFormGame(["E", "I"], title="Entry")
    >>> out, enter = t.move(t.root, "E", ["Out", "In"])
    >>> _ = t.outcome(out, [0, 2])
    >>> fight, share = t.move(enter, "I", ["Fight", "Share"])
    >>> _ = t.outcome(fight, [-1, -1]); _ = t.outcome(share, [1, 1])
    >>> ax = qre_path(t, players=["I"], max_lambda=20)
    >>> [x.get_text() for x in ax.get_legend().get_texts()]
    ['I:1: Fight', 'I:1: Share']
    """
    import matplotlib.pyplot as plt

    from ..solvers.logit import QREBranch, logit_branch

    if isinstance(game_or_branch, QREBranch):
        branch = game_or_branch
        name = title or "Logit QRE"
    else:
        branch = logit_branch(game_or_branch, max_lambda=max_lambda)
        name = title or (getattr(game_or_branch, "title", "") or "Logit QRE")
    owners = getattr(branch, "owners", None)
    if players is None:
        chosen = list(branch.players)
    else:
        chosen = []
        unknown = []
        for p in players:
            if p in branch.players:
                chosen.append(p)
            elif owners is not None and p in owners:  # every agent of a tree's player
                chosen += [a for a, o in zip(branch.players, owners, strict=True) if o == p]
            else:
                unknown.append(p)
        if unknown:
            from ..errors import UnknownLabelError

            known = list(branch.players) if owners is None else sorted(set(owners))
            raise UnknownLabelError(f"unknown players {unknown}; players are {known}")
        chosen = list(dict.fromkeys(chosen))
    if ax is None:
        _, ax = plt.subplots(figsize=(6.4, 4.2))
    styles = ["-", "--", ":", "-."]
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for k, player in enumerate(chosen):
        i = branch.players.index(player)
        for j, strategy in enumerate(branch.strategies[i]):
            ax.plot(
                branch.lam,
                branch.probabilities[i][:, j],
                linestyle=styles[j % len(styles)],
                color=colours[k % len(colours)],
                linewidth=max(3.2 - 1.2 * k, 1.2),  # later players thinner: overlaps stay visible
                label=f"{player}: {strategy}",
            )
    end = float(np.asarray(branch.lam)[-1])
    ax.axvline(end, color="0.5", linewidth=0.8, linestyle="--")
    ax.annotate(
        "end of traced branch", xy=(end, 0.98), ha="right", va="top", fontsize=8, color="0.3"
    )
    if log_lambda:
        ax.set_xscale("symlog", linthresh=1.0)
    ax.set_xlim(0, max(end, 1.0))
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel(r"precision $\lambda$ (per payoff unit)")
    ax.set_ylabel("choice probability")
    kind = "logit agent QRE" if owners is not None else "logit QRE"
    ax.set_title(f"{name}\n{kind}, principal branch", fontsize=10)
    lines = sum(len(branch.strategies[branch.players.index(p)]) for p in chosen)
    if lines > 10:  # many agents: the legend goes outside, beside the axes
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
                  ncol=1 + lines // 30)
    else:
        ax.legend(fontsize=8, loc="center right", frameon=False)
    ax.grid(alpha=0.3)
    return ax
