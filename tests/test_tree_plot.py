"""Game-tree plots: the artists drawn (markers, edges, dashed information-set links, texts,
highlighted equilibrium edges), inspected through their ``gid`` tags, never pixels.

Fixtures: matching pennies as a tree (von Neumann and Morgenstern 1944), the TRIPP
scenario's M3 (``shared/scenario_spec.md``; chance, an information set over three nodes,
symbolic payoffs), Selten's chain store (Selten 1978) and random trees from
``tests/test_extensive.py``. Expected counts are derived from the tree structure here.
"""

from __future__ import annotations

from fractions import Fraction as F

import matplotlib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gametheory.errors import InvalidGameError, InvalidProfileError
from gametheory.games.behavior import BehaviorProfile
from gametheory.games.extensive import ExtensiveFormGame
from gametheory.plotting import game_tree
from gametheory.solvers.trees import solve_tree

from ._hypothesis import scaled
from .test_extensive import M3_DEFAULTS, build_m3, build_tree, tree_specs
from .test_spe import chain_store, entry_game

matplotlib.use("Agg")
plt = pytest.importorskip("matplotlib.pyplot")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def collection(ax, gid):
    found = [c for c in ax.collections if c.get_gid() == gid]
    assert len(found) <= 1
    return found[0] if found else None


def segments(ax, gid) -> int:
    c = collection(ax, gid)
    return 0 if c is None else len(c.get_segments())


def markers(ax, gid) -> int:
    c = collection(ax, gid)
    return 0 if c is None else len(c.get_offsets())


def texts(ax, gid) -> list[str]:
    return [t.get_text() for t in ax.texts if t.get_gid() == gid]


def matching_pennies() -> ExtensiveFormGame:
    g = ExtensiveFormGame(["1", "2"], title="matching pennies")
    h, t = g.move(g.root, "1", ["H", "T"])
    for node, s in ((h, 1), (t, -1)):
        a, b = g.move(node, "2", ["h", "t"], infoset="guess")
        g.outcome(a, [s, -s])
        g.outcome(b, [-s, s])
    return g


def expected_counts(g: ExtensiveFormGame) -> dict:
    nodes = g.nodes()
    return {
        "decision": sum(1 for n in nodes if n.is_decision),
        "chance": sum(1 for n in nodes if n.is_chance),
        "terminal": sum(1 for n in nodes if n.is_terminal),
        "edges": len(nodes) - 1,
        "links": sum(len(inf.nodes) - 1 for inf in g.infosets()),
    }


def test_matching_pennies_artists() -> None:
    g = matching_pennies()
    ax = game_tree(g)
    assert markers(ax, "nodes:1") == 1 and markers(ax, "nodes:2") == 2
    assert markers(ax, "nodes:terminal") == 4 and markers(ax, "nodes:chance") == 0
    assert segments(ax, "edges") == 6
    links = collection(ax, "infosets")
    assert len(links.get_segments()) == 1
    assert all(ls[1] is not None for ls in links.get_linestyles())  # dashed
    assert sorted(texts(ax, "action")) == ["H", "T", "h", "h", "t", "t"]
    assert texts(ax, "payoff") == ["1\n-1", "-1\n1", "-1\n1", "1\n-1"]
    assert texts(ax, "infoset") == ["guess"]
    assert texts(ax, "player") == ["1", "2", "2"]
    assert ax.get_title() == "matching pennies"
    assert [t.get_text() for t in ax.get_legend().get_texts()][:3] == ["1", "2", "information set"]


def test_mixed_equilibrium_is_highlighted_with_probabilities() -> None:
    g = matching_pennies()
    (eq,) = solve_tree(g, "lcp")
    ax = game_tree(g, eq)
    assert segments(ax, "edges:equilibrium") == 6  # every action has probability 1/2
    assert segments(ax, "edges") == 0 and segments(ax, "edges:off-path") == 0
    assert texts(ax, "probability") == ["p=1/2"] * 6


def test_entry_game_spe_path_and_off_path_choice() -> None:
    """(In, Acquiesce) is played on the path; in (Out, Fight) Fight is off the path."""
    g = entry_game()
    spe = solve_tree(g, "spe")[0]
    ax = game_tree(g, spe)
    assert segments(ax, "edges:equilibrium") == 2 and segments(ax, "edges:off-path") == 0
    assert segments(ax, "edges") == 2
    threat = next(e for e in solve_tree(g, "pure") if not e.subgame_perfect)
    ax = game_tree(g, threat)
    assert segments(ax, "edges:equilibrium") == 1 and segments(ax, "edges:off-path") == 1
    assert texts(ax, "probability") == []


def test_m3_with_chance_infoset_and_symbolic_payoffs() -> None:
    g = build_m3()
    counts = expected_counts(g)
    ax = game_tree(g, latex=True)
    players = sum(markers(ax, f"nodes:{p}") for p in g.players)
    assert players == counts["decision"] and markers(ax, "nodes:chance") == counts["chance"]
    assert markers(ax, "nodes:terminal") == counts["terminal"]
    assert segments(ax, "edges") == counts["edges"] == len(texts(ax, "action"))
    assert segments(ax, "infosets") == counts["links"] == 2  # R: three nodes, two links
    assert len(texts(ax, "payoff")) == counts["terminal"]
    assert all(t.startswith("$") for p in texts(ax, "payoff") for t in p.split("\n"))
    chance_labels = [t for t in texts(ax, "action") if "p" in t or "k_K" in t]
    assert chance_labels  # probabilities written on chance edges
    ax.figure.canvas.draw()  # mathtext must render


def test_m3_equilibrium_counts() -> None:
    g = build_m3().at(**M3_DEFAULTS)
    sol = solve_tree(g, "spe")
    eq = next(e for e in sol if not e.is_pure)
    b = eq.behavior
    positive = sum(1 for n in g.nodes() if n.is_decision
                   for a in n.actions if b[n.player][n.infoset.label][a] > 0)
    ax = game_tree(g, eq)
    assert segments(ax, "edges:equilibrium") + segments(ax, "edges:off-path") == positive
    mixed = sum(1 for n in g.nodes() if n.is_decision
                for a in n.actions if 0 < b[n.player][n.infoset.label][a] < 1)
    assert len(texts(ax, "probability")) == mixed


@scaled(20, deadline=None)
@given(st.data())
def test_random_trees_every_part_is_drawn(data) -> None:
    n = data.draw(st.integers(1, 3))
    g = build_tree(data.draw(tree_specs(n_players=n, max_depth=3)), n, infosets=True)
    counts = expected_counts(g)
    sol = solve_tree(g, "pure")
    eq = sol[0] if len(sol) else None
    ax = game_tree(g, eq)
    drawn = segments(ax, "edges") + segments(ax, "edges:equilibrium") + segments(
        ax, "edges:off-path")
    assert drawn == counts["edges"] == len(texts(ax, "action"))
    assert segments(ax, "infosets") == counts["links"]
    assert sum(markers(ax, f"nodes:{p}") for p in g.players) == counts["decision"]
    assert markers(ax, "nodes:chance") == counts["chance"]
    assert len(texts(ax, "payoff")) == counts["terminal"]
    if eq is not None:
        chosen = sum(1 for node in g.nodes() if node.is_decision
                     for a in node.actions
                     if eq.behavior[node.player][node.infoset.label][a] > 0)
        assert segments(ax, "edges:equilibrium") + segments(ax, "edges:off-path") == chosen
    plt.close("all")


def test_sixty_node_tree_is_laid_out_for_print() -> None:
    """Chain store with 2 markets has 19 nodes; with a third market 53. Readability rules:
    leaves evenly spaced, parents centred over their children, fonts at least 6 pt."""
    g = chain_store(2)
    ax = game_tree(g, solve_tree(g, "spe")[0])
    fig = ax.figure
    assert 4 <= fig.get_figwidth() <= 27 and fig.get_figheight() <= 12
    assert min(t.get_fontsize() for t in ax.texts) >= 5
    leaves = collection(ax, "nodes:terminal").get_offsets()
    xs = sorted(float(x) for x, _ in leaves)
    assert all(abs((b - a) - 1) < 1e-9 for a, b in zip(xs, xs[1:], strict=False))
    big = chain_store(3)
    assert len(big.nodes()) == 53
    ax = game_tree(big)
    assert ax.figure.get_figwidth() <= 27
    assert min(t.get_fontsize() for t in ax.texts) >= 5
    ax.figure.canvas.draw()


def test_parents_are_centred_over_their_children() -> None:
    g = chain_store(2)
    ax = game_tree(g)
    kids: dict = {}
    for (x0, y0), (x1, _) in collection(ax, "edges").get_segments():
        kids.setdefault((float(x0), float(y0)), []).append(float(x1))
    assert len(kids) == expected_counts(g)["decision"]
    for (x, _), xs in kids.items():
        assert x == pytest.approx((min(xs) + max(xs)) / 2)


def test_into_given_axes_without_legend() -> None:
    fig, ax = plt.subplots()
    out = game_tree(entry_game(), ax=ax, legend=False, show_node_ids=True, title="")
    assert out is ax and ax.get_legend() is None and ax.get_title() == ""
    assert sorted(texts(ax, "node-id")) == sorted(n.id for n in entry_game().nodes())


def test_mapping_profiles_are_accepted() -> None:
    g = matching_pennies()
    ax = game_tree(g, {"1": {"1:1": "H"}, "2": {"guess": {"h": F(1, 3), "t": F(2, 3)}}})
    assert segments(ax, "edges:equilibrium") == 3  # H, and both of 2's actions after H
    assert segments(ax, "edges:off-path") == 2  # 2's actions after T
    assert sorted(texts(ax, "probability")) == ["p=1/3", "p=1/3", "p=2/3", "p=2/3"]
    b = BehaviorProfile(g, {"1": {"1:1": "T"}, "2": {"guess": "t"}})
    ax = game_tree(g, b)
    assert segments(ax, "edges:equilibrium") == 2 and segments(ax, "edges:off-path") == 1


BAD = [
    pytest.param(lambda: game_tree(matching_pennies(), {"1": {"1:1": "X"}, "2": {"guess": "h"}}),
                 Exception, "unknown action", id="unknown-action"),
    pytest.param(lambda: game_tree(matching_pennies(), 3), InvalidProfileError,
                 "TreeEquilibrium", id="not-a-profile"),
    pytest.param(lambda: game_tree(matching_pennies(),
                                   BehaviorProfile(entry_game(), {"Challenger": {"Challenger:1": "In"},
                                                                  "Incumbent": {"Incumbent:1": "Fight"}})),
                 InvalidProfileError, "another game", id="profile-of-another-game"),
]


@pytest.mark.parametrize(("call", "error", "match"), BAD)
def test_bad_input(call, error, match) -> None:
    with pytest.raises(error, match=match):
        call()


def test_unfinished_tree() -> None:
    g = ExtensiveFormGame(["A"])
    g.move(g.root, "A", ["x", "y"])
    with pytest.raises(InvalidGameError, match="not finished"):
        game_tree(g)
