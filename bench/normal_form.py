"""Benchmark: all extreme equilibria of random bimatrix games, side by side.

Times, in one run on the same seeded games, gametheory's exact ``enummixed``
against pygambit (``enummixed_solve`` rational and float), QuantEcon
(``vertex_enumeration``, ``support_enumeration``) and nashpy
(``vertex_enumeration``, ``support_enumeration``), and counts each library's
misses against our exact set of extreme equilibria (and ours against pygambit
rational, the exact oracle).

Usage::

    python bench/normal_form.py [--sizes 4 6 8 10 12] [--games N] [--seed S]
                                [--timeout 60] [--budget 30] [--json PATH]

Games are n x n with integer payoffs 0..99 drawn by ``numpy.random.default_rng(seed)``.
All inputs (game objects of every library) are built before the timer starts;
the timer covers the solver call only. nashpy receives each player's payoffs
shifted to a minimum of 1 (nashpy only shifts negative payoffs, so a strategy
paying 0 everywhere would make its polytope unbounded); equilibria are
unchanged by the shift.

Libraries take turns game by game, so background load on the machine
affects them alike. A library is skipped at a size when its first game there
takes longer than ``--timeout`` seconds (that game runs in a forked child
process that is killed at the limit) or when the growth of its medians at the
smaller sizes predicts more than ``--timeout`` seconds per game; once skipped
it stays skipped at larger sizes. At each size a library stops after the game
that brings its total time there above ``--budget`` seconds, so slow
libraries may run fewer games than ours (the table says how many).
"""

from __future__ import annotations

import argparse
import datetime
import json
import multiprocessing
import os
import platform
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

Profile = tuple[tuple[Any, ...], tuple[Any, ...]]

#: Default number of games per size when --games is not given.
DEFAULT_GAMES = {4: 20, 6: 20, 8: 10, 10: 5, 12: 3}
MATCH_TOL = 1e-6


@dataclass
class Library:
    """One solver: build its input (untimed), run it (timed), read its equilibria."""

    name: str
    prepare: Callable[[np.ndarray, np.ndarray], Any]
    run: Callable[[Any], Any]
    read: Callable[[Any], list[Profile]]
    exact: bool = False


@dataclass
class Row:
    size: int
    library: str
    times: list[float] = field(default_factory=list)
    missed: int = 0
    extra: int = 0
    expected: int = 0
    status: str = ""


# ---------------------------------------------------------------- libraries
def _ours() -> Library:
    from gametheory import NormalFormGame
    from gametheory.solvers.vertex_enumeration import solve_enummixed

    return Library(
        "gametheory enummixed (exact)",
        lambda A, B: NormalFormGame.from_arrays(A, B),
        solve_enummixed,
        lambda sol: [tuple(tuple(v.tolist()) for v in e.vectors) for e in sol],
        exact=True,
    )


def _pygambit(rational: bool) -> Library:
    import pygambit as gbt

    def prepare(A: np.ndarray, B: np.ndarray) -> Any:
        return gbt.Game.from_arrays(A.astype(object), B.astype(object))

    def read(result: Any) -> list[Profile]:
        game = result.game
        out = []
        for eq in result.equilibria:
            vecs = []
            for player in game.players:
                vals = [eq[s] for s in player.strategies]
                vecs.append(tuple(Fraction(str(v)) if rational else float(v) for v in vals))
            out.append((vecs[0], vecs[1]))
        return out

    return Library(
        f"pygambit enummixed (rational={rational})",
        prepare,
        lambda g: gbt.nash.enummixed_solve(g, rational=rational),
        read,
        exact=rational,
    )


def _quantecon(which: str) -> Library:
    import quantecon.game_theory as qe

    solver = getattr(qe, which)

    def prepare(A: np.ndarray, B: np.ndarray) -> Any:
        return qe.NormalFormGame([qe.Player(A), qe.Player(B.T)])

    warm = prepare(np.array([[1, 0], [0, 1]]), np.array([[1, 0], [0, 1]]))
    solver(warm)  # numba compilation outside the timer
    return Library(
        f"quantecon {which}",
        prepare,
        solver,
        lambda res: [(tuple(map(float, x)), tuple(map(float, y))) for x, y in res],
    )


def _nashpy(which: str) -> Library:
    import nashpy

    def prepare(A: np.ndarray, B: np.ndarray) -> Any:
        return nashpy.Game(A - A.min() + 1, B - B.min() + 1)

    return Library(
        f"nashpy {which}",
        prepare,
        lambda g: list(getattr(g, which)()),
        lambda res: [(tuple(map(float, x)), tuple(map(float, y))) for x, y in res],
    )


def libraries() -> list[Library]:
    """Ours first, then every competitor that is installed."""
    libs = [_ours()]
    makers: list[Callable[[], Library]] = [
        lambda: _pygambit(True),
        lambda: _pygambit(False),
        lambda: _quantecon("vertex_enumeration"),
        lambda: _quantecon("support_enumeration"),
        lambda: _nashpy("vertex_enumeration"),
        lambda: _nashpy("support_enumeration"),
    ]
    for make in makers:
        try:
            libs.append(make())
        except ImportError as exc:
            print(f"skipping a library: {exc}", file=sys.stderr)
    return libs


# ---------------------------------------------------------------- matching
def _close(p: Profile, q: Profile, exact: bool) -> bool:
    if exact:
        return p == q
    return all(
        abs(float(a) - float(b)) <= MATCH_TOL
        for u, v in zip(p, q, strict=True)
        for a, b in zip(u, v, strict=True)
    )


def compare(ours: list[Profile], theirs: list[Profile], exact: bool) -> tuple[int, int]:
    """(ours not found in theirs, distinct ones of theirs not in ours)."""
    missed = sum(not any(_close(p, q, exact) for q in theirs) for p in ours)
    distinct: list[Profile] = []
    for q in theirs:
        if not any(_close(q, r, exact) for r in distinct):
            distinct.append(q)
    extra = sum(not any(_close(q, p, exact) for p in ours) for q in distinct)
    return missed, extra


# ---------------------------------------------------------------- timing
def _timed(lib: Library, data: Any) -> tuple[float, list[Profile]]:
    start = time.perf_counter()
    result = lib.run(data)
    elapsed = time.perf_counter() - start
    return elapsed, lib.read(result)


def _child(lib: Library, data: Any, conn: Any) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        conn.send(_timed(lib, data))
    conn.close()


def guarded(lib: Library, data: Any, timeout: float) -> tuple[float, list[Profile]] | None:
    """Run one game in a forked child; ``None`` if it does not finish within ``timeout``."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(lib, data, child), daemon=True)
    proc.start()
    child.close()
    try:
        if parent.poll(timeout):
            return parent.recv()
        return None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        parent.close()


def random_games(n: int, count: int, rng: np.random.Generator) -> list[tuple[np.ndarray, ...]]:
    return [(rng.integers(0, 100, (n, n)), rng.integers(0, 100, (n, n))) for _ in range(count)]


def _estimate(history: list[float]) -> float:
    """Predicted seconds per game at the next size, from the medians so far."""
    if len(history) >= 2 and history[-2] > 0:
        return history[-1] * max(2.0, history[-1] / history[-2])
    if history:
        return history[-1] * 20
    return 0.0


def run(args: argparse.Namespace) -> list[Row]:
    """Time every library on the same games; libraries take turns game by game.

    Interleaving spreads any background load on the machine evenly over the
    libraries, so the ratios stay fair even when absolute times are noisy.
    """
    rng = np.random.default_rng(args.seed)
    libs = libraries()
    ours = libs[0]
    stopped: dict[str, str] = {}
    medians: dict[str, list[float]] = {lib.name: [] for lib in libs}
    rows: list[Row] = []
    for n in args.sizes:
        count = args.games if args.games else DEFAULT_GAMES.get(n, 3)
        games = random_games(n, count, rng)
        inputs = {lib.name: [lib.prepare(A, B) for A, B in games] for lib in libs}
        row = {lib.name: Row(n, lib.name) for lib in libs}
        rows.extend(row.values())
        active = []
        for lib in libs:
            estimate = _estimate(medians[lib.name])
            if lib.name not in stopped and lib is not ours and estimate > args.timeout:
                stopped[lib.name] = f"skipped (extrapolated {estimate:.0f} s/game)"
            if lib.name in stopped:
                row[lib.name].status = stopped[lib.name]
            else:
                active.append((lib, estimate))
        total = dict.fromkeys(row, 0.0)
        for k in range(count):
            reference: list[Profile] = []
            for lib, estimate in active:
                r = row[lib.name]
                if lib.name in stopped or (lib is not ours and total[lib.name] > args.budget):
                    continue
                if k == 0 and lib is not ours and estimate > 0.5:
                    outcome = guarded(lib, inputs[lib.name][k], args.timeout)
                    if outcome is None:
                        stopped[lib.name] = r.status = f"skipped (> {args.timeout:g} s/game)"
                        continue
                    elapsed, found = outcome
                else:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        elapsed, found = _timed(lib, inputs[lib.name][k])
                r.times.append(elapsed)
                total[lib.name] += elapsed
                if lib is ours:
                    reference = found
                    r.expected += len(found)
                    continue
                missed, extra = compare(reference, found, lib.exact)
                r.missed += missed
                r.extra += extra
                r.expected += len(reference)
                if lib.exact and lib.name.startswith("pygambit"):
                    # the exact oracle: what it finds and we do not is a miss of ours
                    row[ours.name].missed += extra
                    row[ours.name].extra += missed
        for lib in libs:
            if row[lib.name].times:
                medians[lib.name].append(statistics.median(row[lib.name].times))
        print(f"n = {n}: done", file=sys.stderr, flush=True)
    return rows


def table(rows: list[Row]) -> str:
    ours_median = {
        r.size: statistics.median(r.times) for r in rows if r.library.startswith("gametheory")
    }
    lines = [
        "| n | library | games | median s/game | x ours | missed / expected | extra |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        if not r.times:
            lines.append(f"| {r.size} | {r.library} | 0 | {r.status} | | | |")
            continue
        med = statistics.median(r.times)
        ratio = med / ours_median[r.size] if ours_median[r.size] else float("nan")
        lines.append(
            f"| {r.size} | {r.library} | {len(r.times)} | {med:.4f} | {ratio:.2f} | "
            f"{r.missed} / {r.expected} | {r.extra} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[4, 6, 8, 10, 12])
    parser.add_argument("--games", type=int, default=0, help="games per size (default: by size)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per game")
    parser.add_argument("--budget", type=float, default=30.0, help="seconds per library and size")
    parser.add_argument("--json", help="also write the raw timings here")
    args = parser.parse_args(argv)
    started = time.time()
    rows = run(args)
    print(
        f"# {datetime.date.today()} | {platform.python_implementation()} "
        f"{platform.python_version()} | {os.cpu_count()} cores | seed {args.seed} | "
        f"{time.time() - started:.0f} s total"
    )
    print(
        "# missed: our exact extreme equilibria that the library did not report (tolerance "
        f"{MATCH_TOL:g} for float libraries); extra: distinct reported equilibria not in our "
        "set. Row 'gametheory': counted against pygambit rational."
    )
    print(table(rows))
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(
                {
                    "date": str(datetime.date.today()),
                    "cores": os.cpu_count(),
                    "args": vars(args),
                    "rows": [r.__dict__ for r in rows],
                },
                fh,
                indent=1,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
