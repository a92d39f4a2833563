"""Benchmark: the logit agent QRE of game trees, side by side with pygambit.

Times, in one process on the same trees,

* the principal branch of the agent QRE from lambda = 0 to the lambda where
  pygambit ``qre.logit_solve_branch(game)`` (``use_strategic=False``) stops
  (its Nash regret at most 1e-8 of the payoff range): gametheory
  ``logit_branch(tree, max_lambda=that lambda)``. (Our own stopping rule is
  the *conditional* agent regret, which at information sets reached with tiny
  probability can need a much larger lambda, and on branches to mixed
  equilibria falls only like 1/lambda.)
* the limit: gametheory ``solve_tree(tree, "logit")`` (trace, purify, verify
  exactly) against pygambit ``nash.logit_solve(game)``;

and reports the largest difference between the two libraries' QRE at lambda
in ``LAMBDAS`` (``logit_qre`` against ``qre.logit_solve_lambda``) and between
the two limits, at all information sets and at those pygambit's limit reaches
with probability at least 1e-3 (elsewhere pygambit, which stops on the
unconditional Nash regret, has not converged).

Trees: the TRIPP model M3 (``gametheory.scenarios.tripp.m3()`` at its
defaults) and seeded random trees with about ``--nodes`` nodes (2 players,
chance moves, information sets joined only between nodes with the same own
history, so every tree has perfect recall), integer payoffs 0..99.

Usage::

    python bench/agent_qre.py [--trees N] [--nodes 200] [--seed S] [--json PATH]

Every input object is built before the timer starts; the libraries take turns
tree by tree, so load from other processes affects both alike. BLAS runs on one
thread (``OPENBLAS_NUM_THREADS=1`` unless set): pygambit is single-threaded, and
threaded solves of these small systems are slower on a loaded machine.
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import datetime  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from typing import Any  # noqa: E402

import numpy as np  # noqa: E402

LAMBDAS = [0.05, 0.2, 1.0]


def random_tree(nodes: int, rng: np.random.Generator, players: int = 2) -> Any:
    """A random tree with about ``nodes`` nodes and perfect recall (see the module docstring)."""
    from gametheory.games.extensive import ExtensiveFormGame

    names = [str(i + 1) for i in range(players)]
    g = ExtensiveFormGame(names, title=f"random tree ({nodes} nodes)")
    frontier = [(g.root, tuple(() for _ in names))]  # node, own history per player
    open_sets: dict[tuple[Any, ...], list[Any]] = {}
    count = 1
    while frontier and count < nodes:
        k = int(rng.integers(len(frontier)))
        node, hist = frontier.pop(k)
        n_act = int(rng.integers(2, 4))
        if rng.random() < 0.15:
            w = rng.integers(1, 5, n_act)
            probs = [int(x) for x in w]
            total = sum(probs)
            from fractions import Fraction

            kids = g.chance(node, {f"c{j + 1}": Fraction(x, total) for j, x in enumerate(probs)})
            frontier += [(c, hist) for c in kids]
        else:
            p = int(rng.integers(players))
            key = (p, hist[p], n_act)
            joinable = open_sets.get(key, [])
            if joinable and rng.random() < 0.5:
                inf = joinable[int(rng.integers(len(joinable)))]
                kids = g.move(node, infoset=inf)
            else:
                kids = g.move(node, names[p], [chr(97 + j) for j in range(n_act)])
                inf = node.infoset
                open_sets.setdefault(key, []).append(inf)
            for act, c in kids.items():
                h = list(hist)
                h[p] = hist[p] + ((inf.label, act),)
                frontier.append((c, tuple(h)))
        count += n_act
    for node, _ in frontier:
        g.outcome(node, [int(x) for x in rng.integers(0, 100, players)])
    return g


def _gbt_path(node: Any) -> tuple[str, ...]:
    out = []
    while node.parent is not None:
        out.append(node.prior_action.label)
        node = node.parent
    return tuple(reversed(out))


def gambit_order(game: Any, gg: Any) -> np.ndarray:
    """For each of pygambit's actions (its flat order), our flat agent-form index."""
    from gametheory.solvers.agent_logit import AgentFormModel

    m = AgentFormModel(game)
    ours = {}
    for a, (p, lab) in enumerate(m.infosets):
        inf = game.get_infoset(lab, p)
        ours[frozenset(tuple(x for _, x in n.path) for n in inf.nodes)] = a
    idx = []
    for pl in gg.players:
        for inf in pl.infosets:
            a = ours[frozenset(_gbt_path(n) for n in inf.members)]
            idx += [int(m.offsets[a]) + m.strategies[a].index(act.label) for act in inf.actions]
    return np.array(idx, dtype=np.int64)


def _timed(fn: Any, *args: Any, **kw: Any) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn(*args, **kw)
    return time.perf_counter() - t0, out


def bench_tree(name: str, game: Any, repeat: int = 1) -> dict[str, Any]:
    import pygambit as gbt

    from gametheory.io.efg import efg_text
    from gametheory.solvers.logit import logit_branch, logit_qre
    from gametheory.solvers.trees import solve_tree

    gg = gbt.read_efg(io.StringIO(efg_text(game)))
    idx = gambit_order(game, gg)
    times: dict[str, list[float]] = {k: [] for k in ("ours_branch", "gbt_branch",
                                                     "ours_solve", "gbt_solve")}
    for _ in range(repeat):
        t, gbr = _timed(gbt.qre.logit_solve_branch, gg)
        times["gbt_branch"].append(t)
        t, br = _timed(logit_branch, game, max_lambda=gbr[-1].lam)
        times["ours_branch"].append(t)
        t, sol = _timed(solve_tree, game, "logit")
        times["ours_solve"].append(t)
        t, gsol = _timed(gbt.nash.logit_solve, gg)
        times["gbt_solve"].append(t)
    qre_diff = 0.0
    for lam, ref in zip(LAMBDAS, gbt.qre.logit_solve_lambda(gg, lam=LAMBDAS), strict=True):
        ours = np.concatenate(logit_qre(game, lam).vectors)[idx]
        theirs = np.array([ref[i] for i in range(len(ref))])
        qre_diff = max(qre_diff, float(np.max(np.abs(ours - theirs))))
    b = sol[0].behavior
    flat = np.concatenate([[float(v) for v in b[p][lab].values()]
                           for p in game.players for lab in b[p]])
    # b is ordered player by player, infoset by infoset, as the agent form
    gref = gsol.equilibria[0]
    gap = np.abs(flat[idx] - np.array([float(gref[a]) for a in gg.actions]))
    limit_diff = float(np.max(gap))
    # pygambit stops on the unconditional regret: off-path behaviour may not have converged
    reached = np.array([float(gref.infoset_prob(a.infoset)) >= 1e-3 for a in gg.actions])
    limit_diff_reached = float(np.max(gap[reached]))
    med = {k: statistics.median(v) for k, v in times.items()}
    return {
        "tree": name,
        "nodes": len(game.nodes()),
        "agents": len(game.infosets()),
        "actions": int(len(idx)),
        "branch_end_lambda": float(gbr[-1].lam),
        "ours_branch_points": len(br),
        "gbt_branch_points": len(gbr),
        **{f"{k}_s": v for k, v in med.items()},
        "branch_ratio": med["ours_branch"] / med["gbt_branch"],
        "solve_ratio": med["ours_solve"] / med["gbt_solve"],
        "max_qre_diff": qre_diff,
        "limit_diff": limit_diff,
        "limit_diff_reached": limit_diff_reached,
        "limit_exact": bool(sol.exact),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--trees", type=int, default=3, help="random trees")
    ap.add_argument("--nodes", type=int, default=200, help="nodes per random tree")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", default=None, help="write the rows to this file")
    args = ap.parse_args(argv)
    from gametheory.scenarios import tripp

    rng = np.random.default_rng(args.seed)
    inputs = [("TRIPP M3", tripp.m3().at(), 5)]
    inputs += [(f"random {args.nodes} #{k + 1}", random_tree(args.nodes, rng), 1)
               for k in range(args.trees)]
    rows = [bench_tree(name, g, repeat) for name, g, repeat in inputs]
    head = (f"{'tree':<16}{'nodes':>6}{'agents':>7}{'lam end':>9}{'ours br':>9}{'gbt br':>9}"
            f"{'ratio':>7}"
            f"{'ours lim':>10}{'gbt lim':>9}{'ratio':>7}{'QRE diff':>10}{'lim diff':>10}"
            f"{'reached':>10} exact")
    print(head)
    for r in rows:
        print(f"{r['tree']:<16}{r['nodes']:>6}{r['agents']:>7}{r['branch_end_lambda']:>9.3g}"
              f"{r['ours_branch_s']:>9.3f}"
              f"{r['gbt_branch_s']:>9.3f}{r['branch_ratio']:>7.2f}{r['ours_solve_s']:>10.3f}"
              f"{r['gbt_solve_s']:>9.3f}{r['solve_ratio']:>7.2f}{r['max_qre_diff']:>10.1e}"
              f"{r['limit_diff']:>10.1e}{r['limit_diff_reached']:>10.1e} {r['limit_exact']}")
    if args.json:
        meta = {"date": datetime.datetime.now(datetime.UTC).isoformat(),
                "python": sys.version.split()[0], "platform": platform.platform(),
                "seed": args.seed}
        with open(args.json, "w") as fh:
            json.dump({"meta": meta, "rows": rows}, fh, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
