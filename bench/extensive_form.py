"""Benchmark: extensive-form trees -- backward induction and sequence-form Lemke.

Part 1, backward induction. Random perfect-information trees (two players, branching 2
or 3, 10% chance nodes) of ``--sizes`` nodes, float payoffs in [0, 1) and integer payoffs
in -50..50 (many ties: every pure SPE is counted). Times, on the same trees:

* ``bi``      -- :func:`gametheory.solvers.backward_induction.backward_induction`
  (flat arrays, one SPE listed, the exact count);
* ``spe``     -- ``solve_tree(game, "spe", max_equilibria=1)``: the same plus the exact
  one-shot-deviation verification at every node (and the reduced-normal-form
  certificate when that is small);
* pygambit    -- ``lcp_solve`` on the same tree, float and (integer payoffs) rational:
  pygambit has no backward induction; its tree solvers work on the sequence form,
  whose dense tableau grows with the square of the tree. Run in a child process
  killed after ``--timeout`` seconds; once it times out (or dies) it is skipped at the
  larger sizes.

Part 2, sequence-form Lemke on pygambit's catalog. For every two-player ``.efg`` game
with perfect recall that pygambit ships: the median time of our exact Lemke path
(``sequence_form_lemke``) on a fresh copy of the game ("cold": building the sequence
form included) and on a game whose sequence form is cached ("warm", as pygambit's game
object is reused between its runs), of ``solve_tree(g, "lcp")`` (cold Lemke plus the
exact verification: behaviour regrets, subgame and information-set regrets, certificate
on the reduced normal form), and of pygambit's ``lcp_solve(g, rational=True)``, with the
ratios pygambit/ours (above 1: ours is faster).
Note that pygambit's tree ``lcp_solve`` follows further Lemke paths from each equilibrium
found ("all accessible equilibria"; ``stop_after`` is refused for trees), so it does more
work than one path; both are exact.

Inputs (our games and pygambit's) are built before the timers start.

Usage::

    python bench/extensive_form.py [--sizes 100 300 1000 10000 100000] [--repeat 5]
                                   [--timeout 60] [--json PATH]
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import multiprocessing
import platform
import random
import statistics
import sys
import time
from fractions import Fraction
from pathlib import Path
from typing import Any

from gametheory.games.extensive import ExtensiveFormGame
from gametheory.io.efg import efg_text, read_efg
from gametheory.solvers.backward_induction import backward_induction
from gametheory.solvers.sequence_form import sequence_form_lemke
from gametheory.solvers.trees import solve_tree


def random_tree(size: int, *, seed: int, exact: bool) -> ExtensiveFormGame:
    """A random perfect-information tree with about ``size`` nodes."""
    rng = random.Random(seed)
    g = ExtensiveFormGame(["A", "B"], title=f"random tree {size}")
    frontier, count, leaves = [g.root], 1, []
    while frontier:
        node = frontier.pop(rng.randrange(len(frontier)))
        if count >= size:
            leaves.append(node)
            continue
        k = rng.choice((2, 3))
        if rng.random() < 0.1:
            kids = g.chance(node, {f"c{j}": Fraction(1, k) for j in range(k)})
        else:
            kids = g.move(node, rng.choice("AB"), [f"a{j}" for j in range(k)])
        count += k
        frontier.extend(kids)
    for leaf in leaves:
        if exact:
            g.outcome(leaf, [rng.randint(-50, 50), rng.randint(-50, 50)])
        else:
            g.outcome(leaf, [rng.random(), rng.random()])
    return g


def _gbt_lcp(text: str, rational: bool, conn: Any) -> None:
    import pygambit as gbt

    gg = gbt.read_efg(io.StringIO(text))
    start = time.perf_counter()
    gbt.nash.lcp_solve(gg, rational=rational)
    conn.send(time.perf_counter() - start)
    conn.close()


def guarded_gbt(text: str, rational: bool, timeout: float) -> float | str:
    """pygambit's lcp_solve timed in a child process: seconds, or why there is no time."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_gbt_lcp, args=(text, rational, child))
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return f">{timeout:g}s"
    if parent.poll():
        return parent.recv()
    return f"died ({proc.exitcode})"


def timed(fn: Any, repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def part_backward_induction(args: argparse.Namespace) -> list[dict]:
    rows = []
    gbt_dead = {True: False, False: False}
    print("Backward induction on random perfect-information trees (median of "
          f"{args.repeat}; pygambit lcp_solve once, timeout {args.timeout:g} s)")
    print(f"{'nodes':>8} {'payoffs':>8} {'bi s':>8} {'spe s':>8} {'SPE count':>12} "
          f"{'gbt lcp float s':>16} {'gbt lcp rational s':>19}")
    for size in args.sizes:
        for exact in (False, True):
            g = random_tree(size, seed=size, exact=exact)
            g.kind, g.nodes()  # warm the game's own caches outside the timers
            t_bi, bi = timed(lambda g=g: backward_induction(g, max_equilibria=1), args.repeat)
            t_spe, sol = timed(lambda g=g: solve_tree(g, "spe", max_equilibria=1), args.repeat)
            assert sol.count == bi.count and sol[0].subgame_perfect
            text = efg_text(g)
            gbt_t: dict[bool, float | str | None] = {}
            for rational in (False, True):
                if gbt_dead[rational] or (rational and not exact):
                    gbt_t[rational] = None
                    continue
                gbt_t[rational] = guarded_gbt(text, rational, args.timeout)
                if isinstance(gbt_t[rational], str):
                    gbt_dead[rational] = True
            count = bi.count if bi.count < 10**9 else f"~1e{len(str(bi.count)) - 1}"

            def show(v: float | str | None) -> str:
                return "-" if v is None else (v if isinstance(v, str) else f"{v:.3f}")

            print(f"{len(g.nodes()):>8} {'integer' if exact else 'float':>8} {t_bi:>8.3f} "
                  f"{t_spe:>8.3f} {count!s:>12} {show(gbt_t[False]):>16} {show(gbt_t[True]):>19}")
            rows.append({"nodes": len(g.nodes()), "exact": exact, "bi": t_bi, "spe": t_spe,
                         "count": str(bi.count), "gbt_lcp_float": gbt_t[False],
                         "gbt_lcp_rational": gbt_t[True]})
    return rows


def part_lemke(args: argparse.Namespace) -> list[dict]:
    import pygambit as gbt

    root = Path(gbt.__file__).parent / "catalog_data"
    rows = []
    print()
    print(f"Sequence-form Lemke vs pygambit lcp_solve(rational=True) on the catalog "
          f"(median of {args.repeat})")
    print(f"{'game':44} {'seqs':>5} {'Lemke cold ms':>14} {'Lemke warm ms':>14} "
          f"{'lcp ms':>8} {'gbt ms':>8} {'gbt/cold':>9} {'gbt/warm':>9} {'gbt/lcp':>8}")
    for path in sorted(root.rglob("*.efg")):
        g = read_efg(path)
        if g.n_players != 2 or not g.has_perfect_recall():
            continue
        gg = gbt.read_efg(str(path))
        sf = g.sequence_form()
        seqs = sum(len(s) for s in sf.sequences)
        # fresh copies (built untimed): our timings include building the sequence form
        fresh = [g.copy() for _ in range(2 * args.repeat)]
        t_cold, _ = timed(lambda fresh=fresh: sequence_form_lemke(fresh.pop()), args.repeat)
        sequence_form_lemke(g)  # the sequence form is now cached on g, as on a reused game
        t_warm, _ = timed(lambda g=g: sequence_form_lemke(g), args.repeat)
        t_lcp, _ = timed(lambda fresh=fresh: solve_tree(fresh.pop(), "lcp"), args.repeat)
        gbt.nash.lcp_solve(gg, rational=True)
        t_gbt, _ = timed(lambda gg=gg: gbt.nash.lcp_solve(gg, rational=True), args.repeat)
        name = str(path.relative_to(root))
        print(f"{name:44} {seqs:>5} {1000 * t_cold:>14.2f} {1000 * t_warm:>14.2f} "
              f"{1000 * t_lcp:>8.2f} {1000 * t_gbt:>8.2f} {t_gbt / t_cold:>9.2f} "
              f"{t_gbt / t_warm:>9.2f} {t_gbt / t_lcp:>8.2f}")
        rows.append({"game": name, "sequences": seqs, "lemke_cold": t_cold,
                     "lemke_warm": t_warm, "lcp": t_lcp, "gbt": t_gbt})
    if rows:
        gm = statistics.geometric_mean
        print(f"{'geometric mean of the ratios':44} {'':>5} {'':>14} {'':>14} {'':>8} {'':>8} "
              f"{gm([r['gbt'] / r['lemke_cold'] for r in rows]):>9.2f} "
              f"{gm([r['gbt'] / r['lemke_warm'] for r in rows]):>9.2f} "
              f"{gm([r['gbt'] / r['lcp'] for r in rows]):>8.2f}")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000, 10000, 100000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--json", help="also write the raw timings here")
    args = parser.parse_args(argv)
    print(f"python {platform.python_version()} on {platform.machine()}, "
          f"{datetime.date.today().isoformat()}")
    bi_rows = part_backward_induction(args)
    lemke_rows = part_lemke(args)
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"backward_induction": bi_rows, "lemke": lemke_rows,
                       "args": vars(args)}, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
