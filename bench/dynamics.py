"""Benchmark: fictitious play and replicator dynamics, gametheory vs nashpy and QuantEcon.

Times, in one process on the same seeded games,

* fictitious play for ``T`` rounds: gametheory ``fictitious_play`` (exact:
  integer counts, Fraction final beliefs, exact regret; and ``exact=False``),
  nashpy ``Game.fictitious_play`` (generator consumed to the end), QuantEcon
  ``FictitiousPlay.time_series`` (full belief path) and ``.play`` (final
  beliefs only);
* replicator dynamics on ``numpy.linspace(0, 10, 1000)``: gametheory
  ``replicator`` (two populations; single population for the symmetric game
  ``(A, A.T)``) vs nashpy ``asymmetric_replicator_dynamics`` /
  ``replicator_dynamics``.

Usage::

    python bench/dynamics.py [--sizes 3 10] [--games 5] [--rounds 10000]
                             [--repeats 3] [--seed S] [--json PATH]

Games are n x n with integer payoffs 0..99 drawn by
``numpy.random.default_rng(seed)`` (floats of the same values for the float
runs and for the ODEs). Inputs of every library are built before the timer;
each call is timed ``--repeats`` times and the minimum kept; the table shows
the median over games and the ratio (their time / ours; > 1 means we are
faster). QuantEcon's numba code is compiled on a warm-up game first.

Agreement is checked as it runs: our belief path equals QuantEcon's
(same prior, lowest-index tie-breaking) to 1e-12; our replicator
trajectories equal nashpy's to 1e-6. nashpy's fictitious play breaks ties at
random, so its counts are not compared here (tests/test_dynamics.py does,
with the tie-break made deterministic).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np


def best_time(fn: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    best, out = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def consume(gen: Any) -> Any:
    last = None
    for last in gen:  # noqa: B007 - keep the last item
        pass
    return last


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[3, 10])
    parser.add_argument("--games", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", type=str, default=None)
    args = parser.parse_args(argv)

    import nashpy
    import quantecon.game_theory as qe

    from gametheory import NormalFormGame
    from gametheory.dynamics import fictitious_play, replicator

    rng = np.random.default_rng(args.seed)
    T = args.rounds
    ts = np.linspace(0, 10, 1000)
    # warm-up (numba compilation, imports)
    warm = rng.integers(0, 100, size=(2, 2, 2))
    qe.FictitiousPlay(qe.NormalFormGame(np.stack(warm, axis=-1))).time_series(10, (0, 0))
    qe.FictitiousPlay(qe.NormalFormGame(np.stack(warm, axis=-1))).play((0, 0), num_reps=10)

    rows: list[dict[str, Any]] = []
    for n in args.sizes:
        times: dict[str, list[float]] = {}

        def add(name: str, t: float, times: dict[str, list[float]] = times) -> None:
            times.setdefault(name, []).append(t)

        for _ in range(args.games):
            A = rng.integers(0, 100, size=(n, n))
            B = rng.integers(0, 100, size=(n, n))
            exact_game = NormalFormGame.from_arrays(A, B)
            float_game = NormalFormGame.from_arrays(A.astype(float), B.astype(float))
            prior = [np.eye(n, dtype=int)[0], np.eye(n, dtype=int)[0]]
            nash_game = nashpy.Game(A.astype(float), B.astype(float))
            qe_game = qe.NormalFormGame((qe.Player(A.astype(float)), qe.Player(B.T.astype(float))))
            qe_fp = qe.FictitiousPlay(qe_game)

            t, ours = best_time(lambda g=exact_game, p=prior: fictitious_play(g, T, x0=p), args.repeats)
            add("FP gametheory exact", t)
            t, _ = best_time(
                lambda g=float_game, p=prior: fictitious_play(g, T, x0=p, exact=False), args.repeats
            )
            add("FP gametheory float", t)
            t, _ = best_time(lambda g=nash_game: consume(g.fictitious_play(iterations=T)), args.repeats)
            add("FP nashpy", t)
            t, series = best_time(lambda f=qe_fp: f.time_series(T + 1, init_actions=(0, 0)), args.repeats)
            add("FP QuantEcon time_series", t)
            t, _ = best_time(lambda f=qe_fp: f.play((0, 0), num_reps=T), args.repeats)
            add("FP QuantEcon play (final only)", t)
            for i in range(2):
                if not np.allclose(ours.beliefs[i], series[i][1:], rtol=0, atol=1e-12):
                    print(f"WARNING: n={n}: belief paths differ from QuantEcon", file=sys.stderr)

            Af, Bf = A / 100.0, B / 100.0  # payoffs in [0, 1): same dynamics, rescaled time
            g2 = NormalFormGame.from_arrays(Af, Bf)
            gs = NormalFormGame.from_arrays(Af, Af.T)
            ng2 = nashpy.Game(Af, Bf)
            ngs = nashpy.Game(Af, Af.T)
            t, r = best_time(lambda g=g2: replicator(g, t=ts), args.repeats)
            add("replicator gametheory (2 populations)", t)
            t, (xs, ys) = best_time(
                lambda g=ng2: g.asymmetric_replicator_dynamics(timepoints=ts), args.repeats
            )
            add("replicator nashpy asymmetric", t)
            if max(np.abs(r.trajectories[0] - xs).max(), np.abs(r.trajectories[1] - ys).max()) > 1e-6:
                print(f"WARNING: n={n}: replicator differs from nashpy", file=sys.stderr)
            t, rs = best_time(lambda g=gs: replicator(g, t=ts, symmetric=True), args.repeats)
            add("replicator gametheory (symmetric)", t)
            t, x = best_time(lambda g=ngs: g.replicator_dynamics(timepoints=ts), args.repeats)
            add("replicator nashpy symmetric", t)
            if np.abs(rs.trajectories[0] - x).max() > 1e-6:
                print(f"WARNING: n={n}: symmetric replicator differs from nashpy", file=sys.stderr)

        med = {k: statistics.median(v) for k, v in times.items()}
        pairs = {
            "FP nashpy": "FP gametheory exact",
            "FP QuantEcon time_series": "FP gametheory exact",
            "FP QuantEcon play (final only)": "FP gametheory exact",
            "FP gametheory float": "FP gametheory exact",
            "replicator nashpy asymmetric": "replicator gametheory (2 populations)",
            "replicator nashpy symmetric": "replicator gametheory (symmetric)",
        }
        print(f"\n{n} x {n} games, {args.games} games, FP {T} rounds, best of {args.repeats}")
        print(f"{'':42s} {'median s':>10s} {'ratio vs ours':>14s}")
        for name, value in med.items():
            ref = pairs.get(name)
            ratio = f"{value / med[ref]:14.2f}" if ref else f"{'(ours)':>14s}"
            print(f"{name:42s} {value:10.5f} {ratio}")
            rows.append({"n": n, "what": name, "median_seconds": value,
                         "ratio_vs_ours": value / med[ref] if ref else None})
    result = {
        "rounds": T, "games": args.games, "repeats": args.repeats, "seed": args.seed,
        "python": platform.python_version(), "numpy": np.__version__,
        "nashpy": nashpy.__version__, "rows": rows,
    }
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(result, fh, indent=2)
    return result


if __name__ == "__main__":
    main()
