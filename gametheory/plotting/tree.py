"""Drawing extensive-form game trees with matplotlib.

Layout: the root at the top, one row per depth; the leaves are spaced evenly
from left to right in pre-order and every inner node is centred over the span
of its children, so edges never cross. Decision nodes are circles coloured by
player (the player's name above), chance nodes grey squares, terminal nodes
small dots with the payoffs below them (one line per player, in player
order). Every edge carries its action label, with the probability at chance
nodes. Information sets with several nodes are dashed links between their
members, in the player's colour, labelled with the set's name.

An equilibrium (a :class:`~gametheory.solvers.trees.TreeEquilibrium`, a
:class:`~gametheory.games.behavior.BehaviorProfile`, or a mapping
``{player: {infoset: action or {action: probability}}}``) is highlighted:
every action played with positive probability is drawn thick in the
highlight colour -- solid on the equilibrium path (reached with positive
probability), dashed off it -- and probabilities other than 1 are written
next to the action.

The artists carry ``gid`` tags so that figures can be inspected without
looking at pixels: ``"nodes:<player>"``, ``"nodes:chance"``,
``"nodes:terminal"`` (scatter collections), ``"edges"``,
``"edges:equilibrium"``, ``"edges:off-path"`` and ``"infosets"`` (line
collections), and texts ``"action"``, ``"player"``, ``"payoff"``,
``"probability"``, ``"infoset"``.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from gametheory.games.extensive import ExtensiveFormGame
>>> from gametheory.solvers.trees import solve_tree
>>> g = ExtensiveFormGame(["Entrant", "Incumbent"], title="Entry deterrence")
>>> out, enter = g.move(g.root, "Entrant", ["Out", "In"])
>>> _ = g.outcome(out, [0, 2])
>>> fight, share = g.move(enter, "Incumbent", ["Fight", "Share"])
>>> _ = g.outcome(fight, [-1, -1]); _ = g.outcome(share, [1, 1])
>>> ax = game_tree(g, solve_tree(g, "spe")[0])
>>> [t.get_text() for t in ax.texts if t.get_gid() == "action"]
['Out', 'In', 'Fight', 'Share']
>>> len(next(c for c in ax.collections if c.get_gid() == "edges:equilibrium").get_segments())
2
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from numbers import Number
from typing import Any

import sympy

from ..errors import InvalidProfileError
from ..games.extensive import CHANCE, ExtensiveFormGame

__all__ = ["game_tree"]

_PLAYER_COLORS = ("#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
                  "#bcbd22")
_CHANCE_COLOR = "#7f7f7f"
_HIGHLIGHT = "#d62728"


def _fmt(value: Any, latex: bool) -> str:
    """Short text for a payoff or probability."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, sympy.Basic):
        if value.is_Rational:
            value = Fraction(int(value.p), int(value.q))
        elif value.is_Float:
            value = float(value)
        elif latex:
            return f"${sympy.latex(value)}$"
        else:
            return sympy.sstr(value)
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, Number):
        return str(value)
    return str(value)


def _plain(text: str) -> str:
    """Text without LaTeX markup, to estimate its printed width."""
    if "$" not in text:
        return text
    out = text.replace("$", "").replace("\\left", "").replace("\\right", "")
    for cmd in ("\\frac", "\\cdot", "\\mathrm", "\\operatorname"):
        out = out.replace(cmd, "")
    return "".join(ch for ch in out if ch not in "{}\\^_")


def _probabilities(game: ExtensiveFormGame, equilibrium: Any) -> dict[tuple[str, str], dict[str, Any]]:
    """``{(player, infoset): {action: probability}}`` from the accepted equilibrium forms."""
    from ..games.behavior import BehaviorProfile

    behavior = equilibrium
    if hasattr(equilibrium, "behavior") and not isinstance(equilibrium, BehaviorProfile):
        behavior = equilibrium.behavior
        if behavior is None:
            raise InvalidProfileError(
                "this equilibrium has no behaviour profile (a mixed equilibrium of a game "
                "without perfect recall); nothing to highlight"
            )
    if isinstance(behavior, BehaviorProfile):
        if behavior.game is not game:
            raise InvalidProfileError("the behaviour profile belongs to another game")
        return {(p, lab): dict(d) for p in game.players for lab, d in behavior[p].items()}
    if not isinstance(behavior, Mapping):
        raise InvalidProfileError(
            "equilibrium must be a TreeEquilibrium, a BehaviorProfile or a mapping "
            f"{{player: {{infoset: action or {{action: probability}}}}}}; got {type(equilibrium).__name__}"
        )
    b = BehaviorProfile(game, behavior)
    return {(p, lab): dict(d) for p in game.players for lab, d in b[p].items()}


def game_tree(
    game: ExtensiveFormGame,
    equilibrium: Any = None,
    *,
    ax: Any = None,
    fontsize: float | None = None,
    latex: bool = False,
    show_infoset_labels: bool = True,
    show_node_ids: bool = False,
    legend: bool = True,
    colors: Sequence[str] | None = None,
    highlight: str = _HIGHLIGHT,
    title: str | None = None,
) -> Any:
    """Draw a game tree, optionally with an equilibrium highlighted.

    Parameters
    ----------
    game : ExtensiveFormGame
        A finished tree (symbolic payoffs are shown as text or LaTeX).
    equilibrium : TreeEquilibrium, BehaviorProfile or mapping, optional
        The profile to highlight (see the module docstring).
    ax : matplotlib Axes, optional
        Draw here (default: a new figure sized for the tree).
    fontsize : float, optional
        Base font size (default: from 10 down to 6 as the tree widens).
    latex : bool, default False
        Render symbolic payoffs and probabilities as LaTeX (mathtext).
    show_infoset_labels : bool, default True
        Label information sets with several nodes.
    show_node_ids : bool, default False
        Write node ids next to the nodes.
    legend : bool, default True
    colors : sequence of str, optional
        One colour per player.
    highlight : str
        Colour of the equilibrium's actions.
    title : str, optional
        Default: the game's title.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    InvalidGameError
        The tree is not finished.
    InvalidProfileError
        An equilibrium that does not fit the game.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from fractions import Fraction as F
    >>> from gametheory.games.extensive import ExtensiveFormGame
    >>> g = ExtensiveFormGame(["1", "2"], title="matching pennies")
    >>> h, t = g.move(g.root, "1", ["H", "T"])
    >>> for node, s in ((h, 1), (t, -1)):
    ...     a, b = g.move(node, "2", ["h", "t"], infoset="guess")
    ...     _ = g.outcome(a, [s, -s]); _ = g.outcome(b, [-s, s])
    >>> half = {"1": {"1:1": [F(1, 2), F(1, 2)]}, "2": {"guess": [F(1, 2), F(1, 2)]}}
    >>> ax = game_tree(g, half)
    >>> len(next(c for c in ax.collections if c.get_gid() == "infosets").get_segments())
    1
    >>> sorted({t.get_text() for t in ax.texts if t.get_gid() == "probability"})
    ['p=1/2']
    """
    import matplotlib.pyplot as plt
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D

    game.validate()
    order = game.nodes()
    index = {n: k for k, n in enumerate(order)}
    n_leaves = sum(1 for n in order if n.is_terminal)
    depth = max(n.depth for n in order)
    # ---------------------------------------------------------------- layout
    xs = [0.0] * len(order)
    leaf = 0
    for k, n in enumerate(order):
        if n.is_terminal:
            xs[k] = float(leaf)
            leaf += 1
    for k in range(len(order) - 1, -1, -1):
        n = order[k]
        if not n.is_terminal:
            kids = [index[c] for c in n.children.values()]
            xs[k] = (xs[kids[0]] + xs[kids[-1]]) / 2
    ys = [-float(n.depth) for n in order]
    # labels first: their widths decide the spacing of the leaves
    edge_labels: dict[tuple[int, str], str] = {}
    for k, n in enumerate(order):
        for a in n.children:
            if n.is_chance:
                q = _fmt(n.probabilities[a], latex)  # type: ignore[index]
                text = f"{a} ({q})"
                edge_labels[(k, a)] = text if len(text) <= 12 else f"{a}\n({q})"
            else:
                edge_labels[(k, a)] = a
    payoff_lines = {k: [_fmt(n.payoffs[p], latex) for p in game.players]  # type: ignore[index]
                    for k, n in enumerate(order) if n.is_terminal}
    if fontsize is None:
        fontsize = max(6.0, min(10.0, 11.0 - n_leaves / 8))

    def width_in(text: str, size: float) -> float:
        visible = max((len(_plain(line)) for line in text.split("\n")), default=0)
        return visible * size * 0.56 / 72

    label_w = max((width_in(t, fontsize) for t in edge_labels.values()), default=0.0)
    pay_w = max((width_in(t, fontsize * 0.85) for lines in payoff_lines.values() for t in lines),
                default=0.0)
    unit = max(0.45, label_w / 0.62, pay_w / 0.92)
    if ax is None and unit * n_leaves > 24:  # keep the figure printable: shrink the fonts
        shrink = max(0.6, 24 / (unit * n_leaves))
        fontsize *= shrink
        unit *= shrink
    small = fontsize * 0.85
    if ax is None:
        width = max(3.5, unit * max(n_leaves, 2) + 1.0)
        height = max(2.5, 1.15 * (depth + 1) + 0.22 * game.n_players * small / 8)
        _, ax = plt.subplots(figsize=(width, height))
    palette = list(colors) if colors is not None else list(_PLAYER_COLORS)
    color = {p: palette[i % len(palette)] for i, p in enumerate(game.players)}
    # ---------------------------------------------------------------- equilibrium
    probs = None if equilibrium is None else _probabilities(game, equilibrium)
    reach: dict[int, bool] = {}
    if probs is not None:
        reach[0] = True
        for k, n in enumerate(order):
            for a, c in n.children.items():
                if n.is_chance:
                    q = n.probabilities[a]  # type: ignore[index]
                    pos = not (isinstance(q, Number | sympy.Basic) and q == 0)
                else:
                    pos = probs[(n.player, n.infoset.label)][a] > 0  # type: ignore[union-attr, index]
                reach[index[c]] = reach[k] and pos
    # ---------------------------------------------------------------- edges
    plain: list[list[tuple[float, float]]] = []
    on_path: list[list[tuple[float, float]]] = []
    off_path: list[list[tuple[float, float]]] = []
    for k, n in enumerate(order):
        for a, c in n.children.items():
            kc = index[c]
            seg = [(xs[k], ys[k]), (xs[kc], ys[kc])]
            mx, my = (xs[k] + xs[kc]) / 2, (ys[k] + ys[kc]) / 2
            label = edge_labels[(k, a)]
            played = None
            if probs is not None and n.is_decision:
                played = probs[(n.player, n.infoset.label)][a]  # type: ignore[union-attr, index]
            if played is not None and played > 0:
                (on_path if reach.get(k) else off_path).append(seg)
                if played != 1:
                    ax.text(mx, my - 0.18, f"p={_fmt(played, latex)}", fontsize=small,
                            color=highlight, ha="center", va="top", gid="probability",
                            weight="bold")
            else:
                plain.append(seg)
            # edges to the left are labelled higher up than edges to the right, so that the
            # labels of neighbouring subtrees sit at different heights
            ha = "right" if xs[kc] < xs[k] else ("left" if xs[kc] > xs[k] else "center")
            t = 0.38 if ha == "right" else (0.62 if ha == "left" else 0.5)
            lx = xs[k] + t * (xs[kc] - xs[k]) + (-0.05 if ha == "right" else 0.05 if ha == "left"
                                                  else 0.04)
            ly = ys[k] + t * (ys[kc] - ys[k])
            ax.text(lx, ly, label, fontsize=fontsize, ha=ha if ha != "center" else "left",
                    va="center", gid="action", color="black", linespacing=1.0,
                    bbox={"boxstyle": "square,pad=0.05", "facecolor": "white",
                          "edgecolor": "none", "alpha": 0.85})
    ax.add_collection(LineCollection(plain, colors="black", linewidths=1.0, zorder=1, gid="edges"))
    if probs is not None:
        ax.add_collection(LineCollection(on_path, colors=highlight, linewidths=3.2, zorder=2,
                                         gid="edges:equilibrium"))
        ax.add_collection(LineCollection(off_path, colors=highlight, linewidths=2.0, zorder=2,
                                         linestyles="dashed", alpha=0.7, gid="edges:off-path"))
    # ---------------------------------------------------------------- information sets
    links: list[list[tuple[float, float]]] = []
    link_colors: list[str] = []
    for inf in game.infosets():
        members = sorted(inf.nodes, key=lambda m: xs[index[m]])
        if len(members) < 2:
            continue
        pts = [(xs[index[m]], ys[index[m]]) for m in members]
        for p0, p1 in zip(pts, pts[1:], strict=False):
            links.append([p0, p1])
            link_colors.append(color[inf.player])
        if show_infoset_labels:
            x0 = (pts[0][0] + pts[1][0]) / 2
            y0 = (pts[0][1] + pts[1][1]) / 2
            ax.text(x0, y0 + 0.05, inf.label, fontsize=small, ha="center", va="bottom",
                    color=color[inf.player], style="italic", gid="infoset")
    ax.add_collection(LineCollection(links, colors=link_colors or "black", linewidths=1.4,
                                     linestyles=(0, (4, 3)), zorder=1, gid="infosets"))
    # ---------------------------------------------------------------- nodes
    for p in game.players:
        ks = [k for k, n in enumerate(order) if n.is_decision and n.player == p]
        ax.scatter([xs[k] for k in ks], [ys[k] for k in ks], s=90, c=color[p], zorder=3,
                   edgecolors="black", linewidths=0.6, gid=f"nodes:{p}")
        for k in ks:
            ax.text(xs[k], ys[k] + 0.13, p, fontsize=fontsize, ha="center", va="bottom",
                    color=color[p], weight="bold", gid="player")
    ks = [k for k, n in enumerate(order) if n.player == CHANCE]
    ax.scatter([xs[k] for k in ks], [ys[k] for k in ks], s=80, c=_CHANCE_COLOR, marker="s",
               zorder=3, edgecolors="black", linewidths=0.6, gid="nodes:chance")
    ks = [k for k, n in enumerate(order) if n.is_terminal]
    ax.scatter([xs[k] for k in ks], [ys[k] for k in ks], s=14, c="black", zorder=3,
               gid="nodes:terminal")
    for k in ks:
        text = "\n".join(payoff_lines[k])
        ax.text(xs[k], ys[k] - 0.1, text, fontsize=small, ha="center", va="top", gid="payoff",
                linespacing=1.1)
    if show_node_ids:
        for k, n in enumerate(order):
            ax.text(xs[k] + 0.08, ys[k], n.id, fontsize=small * 0.85, color="#555555",
                    ha="left", va="center", gid="node-id")
    # ---------------------------------------------------------------- frame
    ax.set_xlim(-0.8, max(n_leaves - 1, 0) + 0.8)
    ax.set_ylim(-depth - 0.45 - 0.2 * game.n_players, 0.55)
    ax.set_axis_off()
    heading = game.title if title is None else title
    if heading:
        ax.set_title(heading, fontsize=fontsize + 1)
    if legend:
        handles = [Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor=color[p],
                          markeredgecolor="black", label=p) for p in game.players
                   if any(n.is_decision and n.player == p for n in order)]
        if any(n.player == CHANCE for n in order):
            handles.append(Line2D([], [], marker="s", linestyle="", markersize=7,
                                  markerfacecolor=_CHANCE_COLOR, markeredgecolor="black",
                                  label="chance"))
        if links:
            handles.append(Line2D([], [], color="black", linestyle=(0, (4, 3)),
                                  label="information set"))
        if probs is not None:
            handles.append(Line2D([], [], color=highlight, linewidth=3, label="equilibrium path"))
            if off_path:
                handles.append(Line2D([], [], color=highlight, linewidth=2, linestyle="dashed",
                                      label="equilibrium, off path"))
        if game.n_players > 1:
            handles.append(Line2D([], [], linestyle="", label="payoffs: " + ", ".join(game.players)))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=small,
                  frameon=False, borderaxespad=0.2)
    return ax
