"""The ``gametheory`` command.

::

    gametheory solve PATH [--method NAME] [--format text|json]
    gametheory methods
    gametheory demo [--method NAME]
    gametheory convert IN OUT
    gametheory analyze SCENARIO.toml [--format text|json] [--figures DIR]
                                     [--samples N] [--seed S]

``solve`` reads a game file (format from the suffix, see
:func:`gametheory.io.read_game`), computes its equilibria and prints them as
text (``str(solution)``) or as JSON::

    {"title": str, "players": [str, ...], "method": str, "exact": bool,
     "equilibria": [{"strategies": {player: {strategy: number}},
                     "payoffs": {player: number}}]}

where every number is a string: ``"p/q"`` or an integer for exact games, a
decimal for float games (:meth:`gametheory.Solution.to_dict`). For game trees
(``.efg``; methods ``spe``, ``lcp``, ``lp``, ``enummixed``, ``pure``) the
strategies are the reduced-normal-form strategies (labels such as
``Militarize/Preempt``) and each equilibrium also has
``"behavior": {player: {infoset: {action: number}}}``
(:meth:`gametheory.solvers.trees.TreeSolution.to_dict`); ``strategies`` is
``null`` for mixed equilibria of trees whose reduced normal form is too large
to build, and lists only the played strategy for pure ones.

``analyze`` reads a scenario file, solves every model at the default
parameters, tests every claim (:func:`gametheory.scenarios.report.analyze`)
and prints the report as Markdown-like text or as JSON
(:meth:`~gametheory.scenarios.report.Report.to_dict`; numbers as strings);
progress goes to standard error. With ``--figures DIR`` it also writes the
scenario's figures (:func:`gametheory.figures.build_figures`, TRIPP files
only). Exit status 1 if a figure builder failed.

Exit status: 0 on success; 2 on bad input (missing or malformed file, unknown
method, a method that does not apply to the game, a symbolic game), reported
as one line ``gametheory: error: ...`` on standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from . import __version__
from .errors import GameTheoryError, VerificationError

__all__ = ["main"]

PROG = "gametheory"


class _UsageError(Exception):
    """Bad command-line syntax (reported in one line, exit status 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse prints usage and exits; we don't
        raise _UsageError(f"{message} (see '{PROG} --help')")


def _build_parser() -> argparse.ArgumentParser:
    from .solvers import available_methods

    methods = ", ".join(available_methods())
    parser = _Parser(
        prog=PROG,
        description="Exact, verified Nash equilibria of games in files.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("solve", help="compute the equilibria of a game file",
                       description="Compute the Nash equilibria of a game file (.nfg, .efg).")
    p.add_argument("path", metavar="PATH", help="game file (.nfg or .efg)")
    p.add_argument("--method", "-m", default="auto", metavar="NAME",
                   help=f"solution method: {methods} (default: auto)")
    p.add_argument("--format", "-f", default="text", choices=("text", "json"),
                   help="output format (default: text)")

    sub.add_parser("methods", help="list the solution methods",
                   description="List the solution methods.")

    p = sub.add_parser("demo", help="solve every bundled example game",
                       description="Print and solve every game bundled in gametheory/data.")
    p.add_argument("--method", "-m", default="auto", metavar="NAME",
                   help=f"solution method: {methods} (default: auto)")

    p = sub.add_parser("convert", help="read a game file and write it in another file",
                       description="Read a game file and write it (atomically) to OUT; "
                                   "formats come from the suffixes.")
    p.add_argument("source", metavar="IN")
    p.add_argument("target", metavar="OUT")

    p = sub.add_parser("analyze", help="solve a scenario's models and test its claims",
                       description="Solve every model of a scenario file at the default "
                                   "parameters and test each claim: exact conditions, and their "
                                   "probabilities under the file's priors.")
    p.add_argument("scenario", metavar="SCENARIO.toml", help="scenario file (e.g. seeds/tripp.toml)")
    p.add_argument("--format", "-f", default="text", choices=("text", "json"),
                   help="output format (default: text)")
    p.add_argument("--figures", metavar="DIR", default=None,
                   help="also write the scenario's figures to DIR (TRIPP scenarios)")
    p.add_argument("--samples", "-n", type=int, default=None, metavar="N",
                   help="Monte Carlo draws per condition (default: 20000)")
    p.add_argument("--seed", type=int, default=0, metavar="S",
                   help="seed of the Monte Carlo draws (default: 0)")
    return parser


def _check_method(name: str) -> str:
    from .solvers import available_methods

    methods = available_methods()
    if name.lower() not in methods:
        raise _UsageError(f"unknown method {name!r}; choose from {', '.join(methods)}")
    return name.lower()


def _cmd_solve(args: argparse.Namespace) -> int:
    from .io import read_game
    from .solvers import solve

    method = _check_method(args.method)
    game = read_game(args.path)
    solution = solve(game, method)
    if args.format == "json":
        print(json.dumps(solution.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(solution)
    return 0


def _cmd_methods(args: argparse.Namespace) -> int:
    from .solvers import available_methods

    methods = available_methods()
    width = max(map(len, methods))
    for name, description in methods.items():
        print(f"{name.ljust(width)}  {description}")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from .errors import MethodNotApplicableError
    from .io import list_examples, read_example
    from .solvers import solve

    method = _check_method(args.method)
    names = list_examples()
    if not names:
        raise _UsageError("no bundled example games found (is the package installed?)")
    games = [(name, read_example(name)) for name in names if not name.endswith(".toml")]
    for name in names:
        if name.endswith(".toml"):
            games.extend(_scenario_games(name))
    for k, (name, game) in enumerate(games):
        if k:
            print()
        print(f"== {name} ==")
        print(game)
        try:
            print(solve(game, method))
        except MethodNotApplicableError as exc:
            print(f"(skipped: {exc})")
    return 0


def _scenario_games(name: str) -> list[tuple[str, Any]]:
    """The finite models of a bundled scenario file, at the scenario's default values."""
    from importlib import resources

    from .games import NormalFormGame
    from .io.scenario import parse_scenario

    text = (resources.files("gametheory") / "data" / name).read_text(encoding="utf-8")
    scenario = parse_scenario(text, path=f"gametheory/data/{name}")
    defaults = scenario.space.defaults()
    out = []
    for model_id in scenario.models:
        game = scenario.build(model_id)
        if not isinstance(game, NormalFormGame):
            continue  # trees are solved by the tree methods (spe, lcp)
        values = {s.name: defaults[s.name] for s in game.parameters}
        out.append((f"{name} {model_id} at the default parameters", game.at(**values)))
    return out


def _cmd_convert(args: argparse.Namespace) -> int:
    from .io import read_game, write_game

    game = read_game(args.source)
    written = write_game(game, args.target)
    print(f"wrote {written}")
    return 0


def _cmd_analyze(args: argparse.Namespace) -> int:
    from .scenarios.report import DEFAULT_SAMPLES, TrippScenario, analyze

    samples = DEFAULT_SAMPLES if args.samples is None else args.samples
    if samples < 1:
        raise _UsageError(f"--samples must be a positive integer; got {samples}")
    progress = sys.stderr.isatty()
    analysis = analyze(args.scenario)
    report = analysis.report(samples=samples, rng=args.seed, progress=progress)
    if args.format == "json":
        print(report.to_json())
    else:
        print(report.to_text(), end="")
    sys.stdout.flush()
    if args.figures is None:
        return 0
    if not isinstance(analysis, TrippScenario):
        print(f"{PROG}: no figures are registered for scenario {report.scenario_id!r}",
              file=sys.stderr)
        return 0
    from .figures import build_figures

    run = build_figures(args.figures, source=args.scenario,
                        log=lambda line: print(line, file=sys.stderr, flush=True))
    return 0 if run.ok else 1


_COMMANDS = {"solve": _cmd_solve, "methods": _cmd_methods, "demo": _cmd_demo,
             "convert": _cmd_convert, "analyze": _cmd_analyze}


def _one_line(message: Any) -> str:
    return " ".join(str(message).split())


def _os_error_text(exc: OSError) -> str:
    if exc.filename is not None and exc.strerror:
        return f"{os.fsdecode(exc.filename)}: {exc.strerror}"
    return str(exc)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``gametheory`` command; returns the exit status.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name (default ``sys.argv[1:]``).

    Returns
    -------
    int
        0 on success, 2 on bad input (one-line message on standard error).

    Examples
    --------
    >>> main(["methods"])  # doctest: +ELLIPSIS
    pure ...
    0
    """
    try:
        parser = _build_parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help, --version
            return exc.code if isinstance(exc.code, int) else 0
        if args.command is None:
            raise _UsageError(
                f"missing command: choose from {', '.join(_COMMANDS)} (see '{PROG} --help')"
            )
        return _COMMANDS[args.command](args)
    except VerificationError:
        raise  # a solver bug, not bad input: keep the traceback
    except (_UsageError, GameTheoryError) as exc:
        print(f"{PROG}: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `gametheory demo | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as exc:
        print(f"{PROG}: error: {_one_line(_os_error_text(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
