"""Benchmark: a 1000 x 1000 regime map of M1, compiled conditions vs solving every point.

Times, side by side in one process,

* **compiled**: :func:`gametheory.analysis.regions` derives M1's regimes in
  the plane (``p``, ``c_R``) once, exactly (sympy); :func:`gametheory.analysis.sweep.sweep`
  then evaluates the compiled sign conditions and the closed-form P[war]
  (``sigma_star``) on a 1000 x 1000 grid in chunks of whole numpy arrays
  (serially, and on a thread pool of ``--workers`` threads);
* **nashpy loop**: ``nashpy.Game(A, B).support_enumeration()`` at every point
  of a 100 x 100 sub-grid (every 10th value of each axis), the per-point time
  extrapolated to the 10**6 points of the map.

What is timed and how:

* The scenario file is read and the numeric payoff matrices of the sub-grid
  are built before any timer starts; the nashpy timer covers
  ``nashpy.Game(...)`` and the exhaustion of the support-enumeration
  generator only. nashpy gets each player's payoffs shifted to a minimum of
  1 (nashpy only shifts negative payoffs, so a strategy paying 0 everywhere
  would leave its polytope unbounded); equilibria are unchanged.
* The compiled map is timed cold (deriving the regions, compiling, building
  the grid and evaluating: what a user waits for the first time) and warm
  (the grid and evaluation only, best of ``--repeat``).
* The per-point ratio is nashpy's time per point over the compiled map's
  (cold and warm). Targets (issue 5): ratio >= 10,000 and a 1000 x 1000 map
  in under 2 s on a 2-core machine.
* As a check the nashpy equilibria on the sub-grid are turned into regime
  labels and compared with the compiled classification (points on the exact
  boundaries, where the game is degenerate, are skipped).

Usage::

    python bench/sensitivity.py [--size 1000] [--sub 100] [--repeat 3] [--workers 2]
                                [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import sympy


def _nashpy_label(equilibria: list[tuple[np.ndarray, np.ndarray]], strategies: Any) -> str:
    """The regime label of a nashpy result, in the style of gametheory's regions."""
    pure = []
    mixed = 0
    for x, y in equilibria:
        if np.isclose(x.max(), 1) and np.isclose(y.max(), 1):
            pure.append((int(x.argmax()), int(y.argmax())))
        else:
            mixed += 1
    pure.sort()
    if not pure:
        return "unique mixed" if mixed == 1 else f"{mixed} mixed"
    text = ", ".join(f"({strategies[0][i]}, {strategies[1][j]})" for i, j in pure)
    if mixed:
        text += " + mixed" if mixed == 1 else f" + {mixed} mixed"
    return text


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000, help="grid points per axis")
    parser.add_argument("--sub", type=int, default=100, help="sub-grid points per axis (nashpy)")
    parser.add_argument("--repeat", type=int, default=3, help="repeats of the warm timing")
    parser.add_argument("--workers", type=int, default=2, help="threads for the pooled run")
    parser.add_argument("--json", help="write the measurements to this file")
    args = parser.parse_args(argv)

    import nashpy

    from gametheory.analysis import regions
    from gametheory.analysis.sweep import Probability, grid, sweep
    from gametheory.scenarios import tripp

    # ------------------------------------------------------------- inputs (untimed)
    M1 = tripp.m1()
    space = M1.space
    step = max(1, args.size // args.sub)
    full = grid(space, {"p": args.size, "c_R": args.size})
    axes = full.axes
    sub_p, sub_c = axes["p"][::step][: args.sub], axes["c_R"][::step][: args.sub]
    P, C = np.meshgrid(sub_p, sub_c, indexing="ij")
    fixed = {M1.symbol(k): v for k, v in M1.defaults().items() if k not in ("p", "c_R")}
    p_sym, c_sym = M1.symbol("p"), M1.symbol("c_R")
    matrices = []
    for player in range(2):
        arr = M1.game.payoff_array(player)
        cells = [[sympy.sympify(arr[i, j]).xreplace(fixed) for j in range(2)] for i in range(2)]
        func = sympy.lambdify((p_sym, c_sym), cells, "numpy")
        values = np.array(
            [[np.broadcast_to(v, P.shape) for v in row] for row in func(P, C)], dtype=float
        )  # (2, 2, sub, sub)
        matrices.append(values)
    games = []
    for a in range(P.shape[0]):
        for b in range(P.shape[1]):
            A = matrices[0][:, :, a, b]
            B = matrices[1][:, :, a, b]
            games.append((A - A.min() + 1, B - B.min() + 1))
    output = {"P_war": Probability("Russia", "Preempt")}

    # ------------------------------------------------------------- compiled, cold
    t0 = time.perf_counter()
    R = regions(M1.game, ["p", "c_R"])
    t_derive = time.perf_counter() - t0
    design = grid(space, {"p": args.size, "c_R": args.size})
    result = sweep(R, design, outputs=output)
    t_cold = time.perf_counter() - t0

    # ------------------------------------------------------------- compiled, warm
    warm = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        design = grid(space, {"p": args.size, "c_R": args.size})
        sweep(R, design, outputs=output)
        warm.append(time.perf_counter() - t0)
    pooled = []
    with ThreadPoolExecutor(args.workers) as pool:
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            design = grid(space, {"p": args.size, "c_R": args.size})
            pooled_result = sweep(R, design, outputs=output, executor=pool, chunk_size=2**16)
            pooled.append(time.perf_counter() - t0)
    identical = pooled_result.table.tobytes() == result.table.tobytes()
    t_warm, t_pool = min(warm), min(pooled)
    n_points = len(design)

    # ------------------------------------------------------------- nashpy loop
    found = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nashpy warns on degenerate (boundary) games
        t0 = time.perf_counter()
        for A, B in games:
            found.append(list(nashpy.Game(A, B).support_enumeration()))
        t_nashpy = time.perf_counter() - t0
    per_nashpy = t_nashpy / len(games)

    # ------------------------------------------------------------- agreement check
    regime = result.column("regime")[::step, ::step][: args.sub, : args.sub].ravel()
    labels = np.array([*R.labels, "boundary"], dtype=object)[regime]
    strategies = M1.game.strategies
    checked = agree = 0
    for lab, eqs in zip(labels, found, strict=True):
        if lab == "boundary":
            continue
        checked += 1
        agree += _nashpy_label(eqs, strategies) == lab

    best = min(t_warm, t_pool)
    report = {
        "machine": {
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "numpy": np.__version__,
            "sympy": sympy.__version__,
            "nashpy": nashpy.__version__,
        },
        "grid": f"{args.size} x {args.size}",
        "points": n_points,
        "derive_regions_s": t_derive,
        "compiled_cold_s": t_cold,
        "compiled_warm_s": t_warm,
        "compiled_threads_s": t_pool,
        "threads": args.workers,
        "threads_identical": identical,
        "nashpy_points": len(games),
        "nashpy_loop_s": t_nashpy,
        "nashpy_per_point_s": per_nashpy,
        "nashpy_extrapolated_s": per_nashpy * n_points,
        "ratio_cold": per_nashpy / (t_cold / n_points),
        "ratio_warm": per_nashpy / (best / n_points),
        "agreement": f"{agree}/{checked}",
    }
    print(f"M1 regime map, {report['grid']} = {n_points:,} points ({os.cpu_count()} CPUs)")
    print(f"  derive regions (sympy, once)     {t_derive:9.3f} s")
    print(
        f"  compiled map, cold (incl. above) {t_cold:9.3f} s   {t_cold / n_points * 1e9:8.1f} ns/pt"
    )
    print(
        f"  compiled map, warm, serial       {t_warm:9.3f} s   {t_warm / n_points * 1e9:8.1f} ns/pt"
    )
    print(
        f"  compiled map, warm, {args.workers} threads    {t_pool:9.3f} s   "
        f"{t_pool / n_points * 1e9:8.1f} ns/pt   (identical table: {identical})"
    )
    print(
        f"  nashpy support_enumeration loop  {t_nashpy:9.3f} s on {len(games):,} points = "
        f"{per_nashpy * 1e6:8.1f} us/pt -> {per_nashpy * n_points:,.0f} s for the full map"
    )
    print(f"  per-point ratio (cold)  {report['ratio_cold']:12,.0f}x   (target >= 10,000x)")
    print(f"  per-point ratio (warm)  {report['ratio_warm']:12,.0f}x")
    verdict = "met" if t_cold < 2 else "NOT met"
    print(f"  total time of the 1000 x 1000 map (cold) {t_cold:.3f} s (target < 2 s: {verdict})")
    print(f"  nashpy labels agree with the compiled regimes on {report['agreement']} points")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(report, fh, indent=2)
    return report


if __name__ == "__main__":
    main()
