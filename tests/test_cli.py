"""The ``gametheory`` command (gametheory.cli).

Expected equilibria come from the literature (``tests/games.py``): the
battle of the sexes has pure equilibria (Opera, Opera), (Fight, Fight) and the
mixed one ((2/3, 1/3), (1/3, 2/3)) with payoffs (2/3, 2/3) (Gibbons 1992,
section 1.3.B).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from fractions import Fraction
from importlib import resources
from pathlib import Path

import pytest

from gametheory.cli import main
from gametheory.io import list_examples, read_game
from gametheory.solvers import METHODS, available_methods

from .games import BOS, PD

DATA = Path(str(resources.files("gametheory") / "data"))
BOS_FILE = DATA / "battle_of_sexes.nfg"
PD_FILE = DATA / "prisoners_dilemma.nfg"
THREE_PLAYER_FILE = DATA / "three_player_nau2004.nfg"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _profile_key(eq: dict, game) -> tuple:
    return tuple(
        tuple(Fraction(eq["strategies"][p][s]) for s in strategies)
        for p, strategies in zip(game.players, game.strategies, strict=True)
    )


# ----------------------------------------------------------------------------- solve


def test_solve_json_contract(capsys):
    code, out, err = run(capsys, "solve", str(BOS_FILE), "--method", "pure", "--format", "json")
    assert code == 0
    assert err == ""
    data = json.loads(out)
    assert list(data) == ["title", "players", "method", "exact", "equilibria"]
    assert data["title"] == "Battle of the sexes"
    assert data["players"] == ["Pat", "Chris"]
    assert data["method"] == "pure"
    assert data["exact"] is True
    assert isinstance(data["equilibria"], list)
    for eq in data["equilibria"]:
        assert list(eq) == ["strategies", "payoffs"]
        assert list(eq["strategies"]) == ["Pat", "Chris"]
        for player, probs in eq["strategies"].items():
            assert list(probs) == ["Opera", "Fight"], player
            assert all(isinstance(v, str) for v in probs.values())
        assert all(isinstance(v, str) for v in eq["payoffs"].values())
    pure = {
        tuple(next(s for s, v in eq["strategies"][p].items() if v == "1") for p in data["players"])
        for eq in data["equilibria"]
    }
    assert pure == BOS.pure
    payoffs = {tuple(eq["payoffs"].values()) for eq in data["equilibria"]}
    assert payoffs == {("2", "1"), ("1", "2")}


def test_solve_json_exact_mixed_numbers_are_fractions(capsys):
    pytest.importorskip("gametheory.solvers.vertex_enumeration")
    code, out, _ = run(capsys, "solve", str(BOS_FILE), "-m", "enummixed", "-f", "json")
    assert code == 0
    data = json.loads(out)
    game = read_game(BOS_FILE)
    found = {_profile_key(eq, game) for eq in data["equilibria"]}
    assert found == set(BOS.extreme)
    mixed = [eq for eq in data["equilibria"] if "2/3" in eq["strategies"]["Pat"].values()]
    assert len(mixed) == 1
    assert mixed[0]["strategies"] == {
        "Pat": {"Opera": "2/3", "Fight": "1/3"},
        "Chris": {"Opera": "1/3", "Fight": "2/3"},
    }
    assert mixed[0]["payoffs"] == {"Pat": "2/3", "Chris": "2/3"}


def test_solve_text_output(capsys):
    code, out, err = run(capsys, "solve", str(PD_FILE), "--method", "pure")
    assert code == 0
    assert err == ""
    from gametheory import solve

    assert out == str(solve(read_game(PD_FILE), "pure")) + "\n"
    # Axelrod (1984): (D, D) with payoffs (1, 1) is the only equilibrium
    assert "1 equilibrium" in out
    assert "Row: D; Col: D -> payoffs (1, 1)" in out


def test_solve_default_method_is_auto(capsys):
    pytest.importorskip("gametheory.solvers.vertex_enumeration")
    code, out, _ = run(capsys, "solve", str(BOS_FILE), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert {_profile_key(eq, read_game(BOS_FILE)) for eq in data["equilibria"]} == set(
        BOS.extreme)


def test_solve_three_player_file_with_pure(capsys):
    code, out, _ = run(capsys, "solve", str(THREE_PLAYER_FILE), "-m", "pure", "-f", "json")
    assert code == 0
    data = json.loads(out)
    assert data["players"] == ["Player 1", "Player 2", "Player 3"]
    assert len(data["equilibria"]) == 3  # Nau et al. (2004), section 5: three pure equilibria


@pytest.mark.parametrize(
    "method", ["pure", "dominance", "enummixed", "support", "lcp", "lp", "auto"]
)
def test_normal_form_methods_solve_a_zero_sum_file(capsys, method):
    name = "enummixed" if method == "auto" else method
    pytest.importorskip(f"gametheory.solvers.{METHODS[name][0]}")
    # matching pennies is a 2-player zero-sum game, so every method applies
    code, out, err = run(capsys, "solve", str(DATA / "matching_pennies.nfg"), "-m", method,
                         "-f", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["players"] == ["Matcher", "Mismatcher"]
    if method != "pure":
        # Osborne & Rubinstein (1994), Example 15.1: both mix 1/2, 1/2
        assert [eq["strategies"]["Matcher"] for eq in data["equilibria"]] == [
            {"Heads": "1/2", "Tails": "1/2"}]
    else:
        assert data["equilibria"] == []


@pytest.mark.parametrize("method", list(available_methods()))
def test_every_listed_method_name_is_accepted(capsys, method):
    """No listed name is refused as unknown (it may still not apply, or not be built yet)."""
    module = METHODS.get(method, ("vertex_enumeration",))[0]
    pytest.importorskip(f"gametheory.solvers.{module}")
    code, _, err = run(capsys, "solve", str(PD_FILE), "-m", method)
    assert "unknown method" not in err
    assert code in (0, 2)
    assert "Traceback" not in err


# ----------------------------------------------------------------------------- errors


def _malformed(tmp_path: Path) -> Path:
    p = tmp_path / "bad.nfg"
    p.write_text('NFG 1 R "t" { "1" "2" }\n{ 2 2 }\n3 3 5 0 0 5 abc 1\n')
    return p


ERRORS = [
    # (id, argv builder, fragment of the message, module the case needs)
    ("missing-file", lambda t: ["solve", str(t / "missing.nfg")], "No such file", None),
    ("directory", lambda t: ["solve", str(t)], "", None),
    ("malformed-file", lambda t: ["solve", str(_malformed(t))], "bad.nfg:3:13: expected a number",
     None),
    ("unsupported-suffix", lambda t: ["solve", str(t / "game.txt")], ".nfg (Gambit strategic game)", None),
    ("unknown-method", lambda t: ["solve", str(BOS_FILE), "--method", "magic"],
     "unknown method 'magic'", None),
    ("unknown-method-before-reading", lambda t: ["solve", str(t / "missing.nfg"), "-m", "magic"],
     "unknown method 'magic'", None),
    ("lp-on-non-zero-sum", lambda t: ["solve", str(BOS_FILE), "--method", "lp"], "zero-sum",
     "zerosum"),
    ("enummixed-on-three-players", lambda t: ["solve", str(THREE_PLAYER_FILE), "-m", "enummixed"],
     "2-player", "vertex_enumeration"),
    ("bad-format", lambda t: ["solve", str(BOS_FILE), "--format", "xml"], "invalid choice", None),
    ("missing-path", lambda t: ["solve"], "required: PATH", None),
    ("no-command", lambda t: [], "missing command", None),
    ("unknown-command", lambda t: ["frobnicate"], "invalid choice", None),
    ("convert-to-unknown-suffix", lambda t: ["convert", str(BOS_FILE), str(t / "x.xyz")],
     ".nfg (Gambit strategic game)", None),
    ("demo-unknown-method", lambda t: ["demo", "--method", "magic"], "unknown method", None),
]


@pytest.mark.parametrize(
    ("argv", "fragment", "module"),
    [pytest.param(a, f, m, id=i) for i, a, f, m in ERRORS],
)
def test_bad_input_exits_2_with_one_line(capsys, tmp_path, argv, fragment, module):
    if module:
        pytest.importorskip(f"gametheory.solvers.{module}")
    code, out, err = run(capsys, *argv(tmp_path))
    assert code == 2
    assert out == ""
    assert err.startswith("gametheory: error: ")
    assert err.endswith("\n")
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    assert fragment in err


def test_subprocess_solve_json():
    proc = subprocess.run(
        [sys.executable, "-m", "gametheory", "solve", str(PD_FILE), "--method", "pure",
         "--format", "json"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["title"] == PD.game.title
    assert [eq["payoffs"] for eq in data["equilibria"]] == [{"Row": "1", "Col": "1"}]


def test_subprocess_error_has_no_traceback(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "gametheory", "solve", str(_malformed(tmp_path))],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1
    assert proc.stderr.startswith("gametheory: error: ")
    assert "Traceback" not in proc.stderr


# ----------------------------------------------------------------------------- other commands


def test_methods_lists_every_method(capsys):
    code, out, _ = run(capsys, "methods")
    assert code == 0
    names = [line.split()[0] for line in out.splitlines()]
    assert names == list(available_methods())


def test_demo_solves_every_bundled_game(capsys):
    code, out, err = run(capsys, "demo", "--method", "pure")
    assert code == 0, err
    for name in list_examples():
        if name.endswith(".toml"):  # scenarios: each finite model at the default parameters
            assert f"== {name} " in out
        else:
            assert f"== {name} ==" in out
    assert "== tripp.toml M1 at the default parameters ==" in out
    assert "Row: D; Col: D -> payoffs (1, 1)" in out  # prisoner's dilemma
    assert "0 equilibria by pure" in out  # matching pennies has no pure equilibrium


def test_demo_default_method(capsys):
    pytest.importorskip("gametheory.solvers.vertex_enumeration")
    code, out, err = run(capsys, "demo")
    assert code == 0, err
    # the battle of the sexes' mixed equilibrium (Gibbons 1992)
    assert "Pat: (Opera 2/3, Fight 1/3); Chris: (Opera 1/3, Fight 2/3)" in out


def test_demo_skips_games_the_method_does_not_fit(capsys):
    pytest.importorskip("gametheory.solvers.zerosum")
    code, out, _ = run(capsys, "demo", "--method", "lp")
    assert code == 0
    assert "(skipped: " in out  # e.g. the prisoner's dilemma is not zero-sum
    assert "Matching pennies: 1 equilibrium by lp" in out


def test_convert_round_trip(capsys, tmp_path):
    target = tmp_path / "copy.nfg"
    code, out, err = run(capsys, "convert", str(BOS_FILE), str(target))
    assert code == 0, err
    assert str(target) in out
    assert read_game(target) == read_game(BOS_FILE)
    assert os.listdir(tmp_path) == ["copy.nfg"]


def test_help_and_version(capsys):
    assert main(["--help"]) == 0
    assert "solve" in capsys.readouterr().out
    assert main(["solve", "--help"]) == 0
    assert "--method" in capsys.readouterr().out
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("gametheory ")
