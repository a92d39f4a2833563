"""Benchmark: logit QRE tracing and N-player enumpoly, side by side with pygambit.

Times, in one process on the same seeded games,

* the principal logit QRE branch of n x n games: gametheory ``logit_branch``
  (trace until relative regret 1e-8 or lambda 1e6) against pygambit
  ``qre.logit_solve_branch``, and ``solve_logit`` (trace, then solve the
  limit exactly) against ``nash.logit_solve``; the largest difference
  between the two libraries' QRE at lambda in ``LAMBDAS`` is reported too;
* all equilibria of 2x2x2, 3x3x2 (``--games``) and 3x3x3, 4x4x2, 2x2x2x2
  (``--big-games``) games, best of ``--repeat`` runs each: gametheory ``enumpoly`` (exact;
  irrational equilibria as algebraic numbers, every one certified) against
  pygambit ``nash.enumpoly_solve``, with the number of equilibria each finds
  that the other does not (matched within 1e-6).

Usage::

    python bench/qre_enumpoly.py [--games N] [--big-games M] [--repeat R] [--qre-size 10]
                                 [--seed S] [--json PATH]

Games have integer payoffs 0..99 from ``numpy.random.default_rng(seed)``.
Every input object is built before the timer starts; the libraries take turns
game by game, so load from other processes affects both alike.
"""

from __future__ import annotations

import argparse
import datetime
import json
import platform
import statistics
import sys
import time
from typing import Any

import numpy as np

MATCH_TOL = 1e-6
LAMBDAS = [0.05, 0.2, 1.0]


def _gbt_vector(profile: Any, game: Any) -> np.ndarray:
    return np.concatenate([[float(profile[s]) for s in p.strategies] for p in game.players])


def _timed(fn: Any, *args: Any, repeat: int = 1, **kw: Any) -> tuple[float, Any]:
    """Best of ``repeat`` wall-clock times (the machine may be shared) and the result."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn(*args, **kw)
        best = min(best, time.perf_counter() - t0)
    return best, out


def bench_qre(n: int, games: int, rng: np.random.Generator) -> list[dict[str, Any]]:
    import pygambit as gbt

    from gametheory import NormalFormGame
    from gametheory.solvers.logit import logit_branch, logit_qre, solve_logit

    rows: dict[str, list[float]] = {k: [] for k in ("ours_branch", "gbt_branch",
                                                    "ours_solve", "gbt_solve")}
    max_diff = 0.0
    limit_diff = 0.0
    points = {"ours": [], "gbt": []}
    for _ in range(games):
        A, B = rng.integers(0, 100, (2, n, n))
        g = NormalFormGame.from_arrays(A, B)
        gg = g.to_pygambit()
        t, br = _timed(logit_branch, g)
        rows["ours_branch"].append(t)
        points["ours"].append(len(br))
        t, gb = _timed(gbt.qre.logit_solve_branch, gg)
        rows["gbt_branch"].append(t)
        points["gbt"].append(len(gb))
        t, sol = _timed(solve_logit, g)
        rows["ours_solve"].append(t)
        t, gsol = _timed(gbt.nash.logit_solve, gg)
        rows["gbt_solve"].append(t)
        ours = np.concatenate([np.asarray(v, dtype=float) for v in sol[0].vectors])
        limit_diff = max(limit_diff, float(np.max(np.abs(ours - _gbt_vector(gsol.equilibria[0],
                                                                             gg)))))
        for lam, q in zip(LAMBDAS, gbt.qre.logit_solve_lambda(gg, lam=LAMBDAS), strict=True):
            mine = np.concatenate(logit_qre(g, lam).vectors)
            max_diff = max(max_diff, float(np.max(np.abs(mine - _gbt_vector(q.profile, gg)))))
    med = {k: statistics.median(v) for k, v in rows.items()}
    return [
        {"task": f"QRE branch {n}x{n}", "ours": med["ours_branch"], "pygambit": med["gbt_branch"],
         "ratio": med["ours_branch"] / med["gbt_branch"], "games": games,
         "detail": f"points: ours median {statistics.median(points['ours'])}, pygambit "
                   f"{statistics.median(points['gbt'])}; max |QRE difference| at lambda "
                   f"{LAMBDAS}: {max_diff:.1e}"},
        {"task": f"logit solve {n}x{n}", "ours": med["ours_solve"], "pygambit": med["gbt_solve"],
         "ratio": med["ours_solve"] / med["gbt_solve"], "games": games,
         "detail": f"ours exact limit vs pygambit float limit: max difference {limit_diff:.1e}"},
    ]


def bench_enumpoly(shape: tuple[int, ...], games: int,
                   rng: np.random.Generator, repeat: int = 3) -> dict[str, Any]:
    import pygambit as gbt

    from gametheory import NormalFormGame
    from gametheory.solvers.polynomial import solve_enumpoly

    ours_t, gbt_t = [], []
    ours_only = gbt_only = total = incomplete = 0
    for _ in range(games):
        arrays = rng.integers(0, 100, (len(shape), *shape))
        g = NormalFormGame.from_arrays(*arrays)
        gg = g.to_pygambit()
        t, sol = _timed(solve_enumpoly, g, repeat=repeat)
        ours_t.append(t)
        t, res = _timed(gbt.nash.enumpoly_solve, gg, repeat=repeat)
        gbt_t.append(t)
        mine = [np.concatenate([np.asarray(v, dtype=float) for v in e.vectors]) for e in sol]
        theirs = [_gbt_vector(e, gg) for e in res.equilibria]
        total += len(mine)
        incomplete += sol.complete != "all"
        ours_only += sum(not any(np.max(np.abs(a - b)) <= MATCH_TOL for b in theirs)
                         for a in mine)
        gbt_only += sum(not any(np.max(np.abs(a - b)) <= MATCH_TOL for b in mine)
                        for a in theirs)
    o, p = statistics.median(ours_t), statistics.median(gbt_t)
    return {
        "task": "enumpoly " + "x".join(map(str, shape)), "ours": o, "pygambit": p,
        "ratio": o / p, "games": games,
        "detail": f"total time ratio {sum(ours_t) / sum(gbt_t):.2f}; {total} equilibria "
                  f"(ours); found only by ours {ours_only}, only by pygambit {gbt_only}; "
                  f"games with continua (complete='some'): {incomplete}",
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--games", type=int, default=20, help="games per task (default 20)")
    ap.add_argument("--qre-size", type=int, default=10, help="n of the n x n QRE games")
    ap.add_argument("--big-games", type=int, default=5,
                    help="games per enumpoly task for 3x3x3, 4x4x2 and 2x2x2x2 (default 5)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="enumpoly: best of this many runs per game and library (default 3)")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--json", help="also write the results to this file")
    args = ap.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    # warm-up (imports, caches) outside the timings
    bench_enumpoly((2, 2, 2), 1, np.random.default_rng(0))
    bench_qre(3, 1, np.random.default_rng(0))
    rows = bench_qre(args.qre_size, args.games, rng)
    for shape in ((2, 2, 2), (3, 3, 2)):
        rows.append(bench_enumpoly(shape, args.games, rng, args.repeat))
    for shape in ((3, 3, 3), (4, 4, 2), (2, 2, 2, 2)):
        rows.append(bench_enumpoly(shape, args.big_games, rng, args.repeat))
    import pygambit

    print(f"# qre_enumpoly, seed {args.seed}, {datetime.date.today()}, Python "
          f"{platform.python_version()}, pygambit {pygambit.__version__}")
    print("| task | games | gametheory median s | pygambit median s | ours / pygambit | notes |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['task']} | {r['games']} | {r['ours']:.4f} | {r['pygambit']:.4f} | "
              f"{r['ratio']:.2f} | {r['detail']} |")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"seed": args.seed, "rows": rows}, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
