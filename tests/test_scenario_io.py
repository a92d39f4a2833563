"""Scenario files: the shipped seeds read, and malformed files fail clearly.

Expected values come from ``../shared/scenario_spec.md`` (the parameter table
of section 2, the claims of section 1) and from the files' own text; error
cases are small TOML files written to ``tmp_path``.
"""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import pytest
import sympy

from gametheory import GameFormatError, solve
from gametheory.io.scenario import (
    Claim,
    Scenario,
    format_key,
    parse_scenario,
    parse_scenario_game,
    read_scenario,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = ROOT / "gametheory" / "data"

# Scenario spec, section 2: every parameter and its illustrative default.
SPEC_DEFAULTS = {
    "p": "1/2", "c_R": "3/10", "l_R": "1/5", "e_R": "1", "b_T": "1/2", "m_T": "2/5",
    "c_T": "1/5", "h_T": "3/10", "e_A": "1/2", "e_U": "3/10", "b_A": "1/2", "g_A": "1/5",
    "c_A": "3/10", "h_A": "3/10", "b_U": "1/4", "g_U": "2/5", "c_U": "1/10", "h_U": "1/4",
    "f_A": "1/10", "k_U": "1/20", "k_K": "1/4", "e_K": "2/5", "pi_O": "3/5", "a_D": "1/5",
    "w_D": "3/5", "a_O": "1", "w_O": "3/5", "g_D": "3/5", "k_D": "1/5", "g_O": "2/5",
    "k_O": "2/5", "delta": "9/10", "p0": "3/5", "p1": "2/5", "C_R": "2", "C_T": "2",
    "rho": "1/4", "b_K": "3/5", "a_R": "3/2", "p_f": "3/5", "c_W": "1/4", "v_sq": "1/2",
}  # fmt: skip
# Scenario spec, section 1: claim tags and the models that test each claim.
SPEC_CLAIM_MODELS = {
    "C1": {"M1", "M2", "M3", "M4"},
    "C2": {"M1", "M2", "M3", "M4"},
    "C3": {"M2", "M3"},
    "C4": {"M2", "M3"},
    "C5": {"M1", "M4", "M5", "M7"},
    "C6": {"M5", "M7"},
    "C7": {"M3", "M6"},
    "C8": {"M7", "M4", "M6"},
    "C9": {"M4"},
}


# ----------------------------------------------------------------------------- shipped files


def test_tripp_seeds_read_with_the_spec_parameters_and_claims():
    scenario = read_scenario(SEEDS / "tripp.toml")
    assert scenario.id == "tripp-2026-03"
    assert scenario.source["author"] == "Korybko" and scenario.source["date"] == "2026-03-08"
    assert {name: str(value) for name, value in scenario.defaults().items()} == SPEC_DEFAULTS
    assert {c.tag: set(c.models) for c in scenario.claims} == SPEC_CLAIM_MODELS
    assert scenario.model_ids == ("M1", "M2", "M3", "M7")
    assert set(scenario.run) == {"M1", "M2", "M3", "M5", "M7"}
    # defaults satisfy every claim's assumptions (the reader checks it; so does Claim.holds)
    assert all(c.holds(scenario.defaults()) for c in scenario.claims)
    # bounds from the spec's domains
    space = scenario.space
    assert space["delta"].interval == sympy.Interval.open(0, 1)
    assert space["m_T"].interval.left_open and space["m_T"].lower == 0
    assert space["C_R"].upper is None and space["a_R"].lower_open


def test_every_parameter_is_documented_in_the_seeds_readme():
    readme = (SEEDS / "README.md").read_text(encoding="utf-8")
    scenario = read_scenario(SEEDS / "tripp.toml")
    missing = [name for name in scenario.space if f"`{name}`" not in readme]
    assert missing == []
    assert all(f"| {tag} |" in readme for tag in SPEC_CLAIM_MODELS)


def test_claims_are_paraphrased_not_quoted():
    """No claim text shares a run of eight words with the article."""
    article = ROOT.parent / "shared" / "seeds" / "korybko-2026-03-08-tripp.txt"
    if not article.is_file():
        pytest.skip("the article is not beside the project")
    words = re.findall(r"[a-z']+", article.read_text(encoding="utf-8").lower())
    shingles = {tuple(words[i : i + 8]) for i in range(len(words) - 7)}
    for claim in read_scenario(SEEDS / "tripp.toml").claims:
        claim_words = re.findall(r"[a-z']+", claim.text.lower())
        runs = {tuple(claim_words[i : i + 8]) for i in range(len(claim_words) - 7)}
        assert not runs & shingles, claim.tag


def test_surprise_attack_classic_reads_and_solves():
    """Schelling (1960) ch. 9 as a stag hunt: both pure equilibria and the mixed one."""
    scenario = read_scenario(SEEDS / "surprise_attack.toml")
    assert scenario.source["year"] == 1960 and "Schelling" in scenario.source["author"]
    game = scenario.build("Fear")
    assert {s.name for s in game.parameters} == {"p_f", "c_W", "v_sq"}
    equilibria = solve(game.at(**scenario.defaults()))
    strike = {eq.profile["Side A"]["Strike"] for eq in equilibria}
    # stag hunt at p_f = 3/5, c_W = 1/4, v_sq = 1/2: q* = (v_sq + c_W - p_f)/(v_sq + c_W - 1/2)
    assert strike == {Fraction(0), Fraction(3, 5), Fraction(1)}


@pytest.mark.parametrize("name", ["tripp.toml", "surprise_attack.toml"])
def test_packaged_copy_equals_the_seeds_file(name):
    assert (DATA / name).read_bytes() == (SEEDS / name).read_bytes(), (
        f"gametheory/data/{name} differs from seeds/{name}: cp seeds/{name} gametheory/data/"
    )


def test_readme_worked_example_reads_solves_and_its_error_message_is_accurate(tmp_path):
    readme = (SEEDS / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(.*?)```", readme, re.S)
    assert block is not None
    path = tmp_path / "hawk_dove.toml"
    path.write_text(block.group(1), encoding="utf-8")
    scenario = read_scenario(path)
    equilibria = solve(scenario.build("HD").at(V=2, C=4))
    # Maynard Smith & Price (1973): with C > V, P[Hawk] = V/C in the mixed ESS/NE
    hawk = sorted(eq.profile["East"]["Hawk"] for eq in equilibria)
    assert hawk == [Fraction(0), Fraction(1, 2), Fraction(1)]
    # the README's sample error message is what the reader says
    path.write_text(
        block.group(1).replace('"(V - C)/2"]]\npayoffs.West', '"(V - K)/2"]]\npayoffs.West')
    )
    with pytest.raises(GameFormatError) as info:
        read_scenario(path)
    shown = str(info.value).replace(str(path), "hawk_dove.toml")
    sample = re.search(r"```text\n(.*?)\n```", readme, re.S)
    assert sample is not None and shown == sample.group(1)


# ----------------------------------------------------------------------------- malformed files

BASE = """\
[scenario]
id = "base"
title = "a small valid scenario"
source = { author = "Test", year = 2024 }

[parameters.p]
description = "a probability"
bounds = ["0", "1"]
default = "1/2"
unit = "probability"
prior = { dist = "beta", a = 2, b = 2 }

[parameters.c]
bounds = ["0", "inf"]
default = "1/4"

[[claims]]
tag = "A1"
text = "a paraphrase"
assumptions = ["c < p"]
models = ["G"]

[run]
models = ["G", "T"]

[models.G]
kind = "normal"
players = ["Row", "Col"]
actions = { Row = ["U", "D"], Col = ["L", "R"] }
payoffs.Row = [["p", "0"], ["1 - c", "c"]]
payoffs.Col = [["1", "p"], ["0", "1 - p"]]

[models.T]
kind = "extensive"
players = ["Row"]
nodes = [
  { id = "root", player = "Row", moves = { Go = "luck", Stop = "t0" } },
  { id = "luck", chance = { win = "p", lose = "1 - p" }, next = { win = "t1", lose = "t2" } },
]
terminals = { t0 = { Row = "0" }, t1 = { Row = "1 - c" }, t2 = { Row = "-c" } }
"""


def test_base_scenario_is_valid():
    scenario = parse_scenario(BASE, path="base.toml")
    assert isinstance(scenario, Scenario)
    assert scenario.claims == (
        Claim("A1", "a paraphrase", (scenario.space.parse("c < p"),), ("c < p",), ("G",)),
    )
    assert scenario.build("G").at(p="1/2", c="1/4")["D", "R"] == (Fraction(1, 4), Fraction(1, 2))
    tree = scenario.build("T")
    assert tree.players == ("Row",)


CASES = [
    # id, (old, new) replacement in BASE, key, reason fragment, text on the reported line
    ("unknown-top-level-key", ("[run]", "[extras]\nx = 1\n\n[run]"), "extras",
     "unknown key 'extras'", "[extras]"),
    ("unknown-parameter-key-with-suggestion", ('bounds = ["0", "1"]', 'bound = ["0", "1"]'),
     "parameters.p.bound", "did you mean 'bounds'", "bound = "),
    ("unknown-scenario-key", ('title = "a small', 'titel = "a small'), "scenario.titel",
     "unknown key 'titel'", "titel"),
    ("missing-scenario-id", ('id = "base"\n', ""), "scenario.id", "missing", "[scenario]"),
    ("missing-bounds", ('bounds = ["0", "inf"]\n', ""), "parameters.c.bounds", "missing",
     "[parameters.c]"),
    ("bounds-not-a-pair", ('bounds = ["0", "inf"]', 'bounds = ["0"]'), "parameters.c.bounds",
     "expected a pair", 'bounds = ["0"]'),
    ("lower-bound-above-upper", ('bounds = ["0", "1"]', 'bounds = ["1", "0"]'),
     "parameters.p.bounds", "exceeds upper bound", 'bounds = ["1", "0"]'),
    ("default-outside-bounds", ('default = "1/2"', 'default = "3/2"'), "parameters.p.default",
     "outside [0, 1]", 'default = "3/2"'),
    ("default-not-a-number", ('default = "1/4"', 'default = "a quarter"'),
     "parameters.c.default", "not an exact number", "a quarter"),
    ("prior-outside-bounds", ("{ dist = \"beta\", a = 2, b = 2 }",
     "{ dist = \"uniform\", loc = 0, scale = 2 }"), "parameters.p.prior",
     "reaches above the bound 1", "prior = "),
    ("prior-that-cannot-normalise", ("a = 2, b = 2", "a = -1, b = 2"), "parameters.p.prior",
     "invalid parameters", "prior = "),
    ("prior-unknown-distribution", ('dist = "beta", a = 2, b = 2', 'dist = "cauchy"'),
     "parameters.p.prior", "unknown distribution 'cauchy'", "prior = "),
    ("undeclared-parameter-in-payoff", ('["1 - c", "c"]', '["1 - q", "c"]'),
     "models.G.payoffs.Row[1][0]", "unknown parameter 'q'", '"1 - q"'),
    ("undeclared-parameter-in-assumption", ('["c < p"]', '["c < k"]'), "claims[0].assumptions[0]",
     "unknown parameter 'k'", '["c < k"]'),
    ("undeclared-parameter-in-terminal", ('t2 = { Row = "-c" }', 't2 = { Row = "-cost" }'),
     "models.T.terminals.t2.Row", "unknown parameter 'cost'", "cost"),
    ("defaults-violate-an-assumption", ('["c < p"]', '["c > p"]'), "claims[0].assumptions[0]",
     "the defaults violate this assumption: c > p is false at c = 1/4, p = 1/2", '["c > p"]'),
    ("condition-as-payoff", ('["p", "0"]', '["p < 1", "0"]'), "models.G.payoffs.Row[0][0]",
     "expected a number, got the condition", '"p < 1"'),
    ("payoff-rows-do-not-match-actions", ('payoffs.Row = [["p", "0"], ["1 - c", "c"]]',
     'payoffs.Row = [["p", "0"], ["1 - c", "c"], ["0", "0"]]'), "models.G.payoffs.Row",
     "expected 2 entries, one per action of Row (U, D); got 3", "payoffs.Row"),
    ("payoff-columns-do-not-match-actions", ('["1 - c", "c"]', '["1 - c"]'),
     "models.G.payoffs.Row[1]", "expected 2 entries, one per action of Col (L, R); got 1",
     '["1 - c"]'),
    ("payoff-not-an-array", ('payoffs.Col = [["1", "p"], ["0", "1 - p"]]', 'payoffs.Col = "p"'),
     "models.G.payoffs.Col", "expected an array", 'payoffs.Col = "p"'),
    ("unknown-player-in-actions", ('Col = ["L", "R"] }', 'Col = ["L", "R"], Bob = ["x"] }'),
     "models.G.actions.Bob", "unknown player 'Bob'", "Bob = "),
    ("missing-player-in-payoffs", ('payoffs.Col = [["1", "p"], ["0", "1 - p"]]\n', ""),
     "models.G.payoffs", "no entry for player 'Col'", "payoffs.Row"),
    ("duplicate-action", ('Row = ["U", "D"]', 'Row = ["U", "U"]'), "models.G.actions.Row[1]",
     "'U' appears twice", 'Row = ["U", "U"]'),
    ("model-kind-not-allowed", ('kind = "normal"', 'kind = "bayesian"'), "models.G.kind",
     "'bayesian' is not a model kind", 'kind = "bayesian"'),
    ("model-kind-missing", ('kind = "normal"\n', ""), "models.G.kind", "missing", "[models.G]"),
    ("unknown-model-key", ('kind = "normal"', 'kind = "normal"\nstrategies = []'),
     "models.G.strategies", "unknown key 'strategies'", "strategies = "),
    ("chance-does-not-sum-to-one", ('lose = "1 - p"', 'lose = "1/2"'), "models.T.nodes[1].chance",
     "the probabilities sum to p + 1/2, not 1", "id = \"luck\""),
    ("chance-outside-unit-interval", ('win = "p", lose = "1 - p"', 'win = "p + 1", lose = "-p"'),
     "models.T.nodes[1].chance.win", "outside [0, 1]", "id = \"luck\""),
    ("unknown-player-in-node", ('player = "Row", moves', 'player = "Eve", moves'),
     "models.T.nodes[0].player", "unknown player 'Eve'", 'player = "Eve"'),
    ("terminal-missing-player", ('t0 = { Row = "0" }', "t0 = {}"), "models.T.terminals.t0",
     "no payoff for player 'Row'", "t0 = {}"),
    ("unknown-child-in-tree", ('Stop = "t0"', 'Stop = "t9"'), "models.T",
     "unknown child 't9'", "[models.T]"),
    ("duplicate-claim-tag", ("[run]", '[[claims]]\ntag = "A1"\ntext = "again"\n\n[run]'),
     "claims[1].tag", "used by an earlier claim", 'tag = "A1"'),
    ("run-models-not-ids", ('models = ["G", "T"]', 'models = "G"'), "run.models",
     "expected an array of model ids", 'models = "G"'),
    ("source-not-a-string", ('author = "Test"', "author = 3"), "scenario.source.author",
     "expected a string", "author = 3"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("replace", "key", "reason", "line_text"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_malformed_scenario_fails_with_file_key_reason_and_line(
    tmp_path, replace, key, reason, line_text
):
    old, new = replace
    assert BASE.count(old) == 1, "the test's replacement must be unambiguous"
    text = BASE.replace(old, new)
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GameFormatError) as info:
        read_scenario(path)
    error = info.value
    message = str(error)
    assert str(path) in message and error.path == str(path)
    assert f": {key}: " in message
    assert reason in message
    assert error.line is not None, message
    assert line_text in text.splitlines()[error.line - 1], message


ATTACKS = [
    "__import__('os').system('touch PWNED')",
    "__import__('pathlib').Path('PWNED').touch()",
    "p.__class__.__bases__",
    "().__class__",
    "exec('1')",
    "eval('p')",
    "open('PWNED', 'w')",
    "lambda: p",
    "[x for x in (1, 2)]",
    "p if p else c",
    "p[0]",
    "f'{p}'",
    "9**9**9",
    "p ** 0.5",
    "p // c",
    "_p",
    "'a' * 10",
    "p; c",
    "p\nimport os",
    "Piecewise((p, True), (c, p < 1))",
    "x" * 2001,
]


@pytest.mark.parametrize("attack", [pytest.param(a, id=a[:30]) for a in ATTACKS])
def test_attack_strings_in_expressions_are_refused_not_run(tmp_path, monkeypatch, attack):
    monkeypatch.chdir(tmp_path)
    escaped = attack.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    text = BASE.replace('["1 - c", "c"]', f'["1 - c", "{escaped}"]')
    path = tmp_path / "attack.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GameFormatError) as info:
        read_scenario(path)
    assert "models.G.payoffs.Row[1][1]" in str(info.value)
    assert str(path) in str(info.value)
    assert not (tmp_path / "PWNED").exists()


def test_toml_syntax_error_reports_line_and_column(tmp_path):
    path = tmp_path / "syntax.toml"
    path.write_text(BASE.replace('default = "1/4"', 'default = "1/4'), encoding="utf-8")
    with pytest.raises(GameFormatError) as info:
        read_scenario(path)
    expected_line = BASE.splitlines().index('default = "1/4"') + 1
    assert info.value.line == expected_line and info.value.column is not None
    assert "invalid TOML" in str(info.value)


def test_non_utf8_file_reports_the_byte(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes(BASE.replace("a paraphrase", "caf\xe9").encode("latin-1"))
    with pytest.raises(GameFormatError, match="not UTF-8") as info:
        read_scenario(path)
    assert info.value.line == BASE.splitlines().index('text = "a paraphrase"') + 1


def test_missing_scenario_table():
    with pytest.raises(GameFormatError, match=r"missing the \[scenario\] table"):
        parse_scenario("[parameters.p]\nbounds = [0, 1]\n")


def test_error_column_points_at_the_token_inside_a_multiline_array(tmp_path):
    """Positions are found in multi-line arrays too (M2 of the shipped seeds)."""
    text = (SEEDS / "tripp.toml").read_text(encoding="utf-8")
    old = '"-(1-p)*(l_R + e_A) - c_R"'
    assert text.count(old) == 1
    path = tmp_path / "tripp.toml"
    path.write_text(text.replace(old, '"-(1-p)*(l_R + zeta) - c_R"'), encoding="utf-8")
    with pytest.raises(GameFormatError) as info:
        read_scenario(path)
    error = info.value
    assert "models.M2.payoffs.Russia[1][1][0]: unknown parameter 'zeta'" in str(error)
    line = path.read_text().splitlines()[error.line - 1]
    assert line[error.column - 1 :].startswith("zeta")


def test_build_with_another_space_and_missing_declarations():
    scenario = parse_scenario(BASE)
    narrower = scenario.space.__class__.from_dict(
        {"p": {"bounds": ["0", "1/2"], "default": "1/4"}, "c": {"bounds": ["0", "1"]}}
    )
    game = scenario.build("G", space=narrower)
    assert game.space is narrower
    only_p = scenario.space.__class__.from_dict({"p": {"bounds": ["0", "1"]}})
    with pytest.raises(
        GameFormatError, match=r"models.G.payoffs.Row\[1\]\[0\]: unknown parameter 'c'"
    ):
        scenario.build("G", space=only_p)
    with pytest.raises(KeyError, match="no model 'M9'"):
        scenario.build("M9")


def test_reader_for_read_game_needs_a_model_when_there_are_several():
    with pytest.raises(GameFormatError, match=r"pass model=\.\.\."):
        parse_scenario_game(BASE, path="base.toml")
    assert parse_scenario_game(BASE, model="G").shape == (2, 2)
    with pytest.raises(GameFormatError, match="no model 'X'"):
        parse_scenario_game(BASE, model="X")


def test_read_game_dispatches_toml_once_registered(tmp_path):
    from gametheory.io import FORMATS, read_game

    if not any(".toml" in f.suffixes for f in FORMATS.values()):
        pytest.skip("the scenario format is not registered in gametheory.io yet")
    game = read_game(SEEDS / "surprise_attack.toml")
    assert game.players == ("Side A", "Side B")


@pytest.mark.parametrize(
    ("key", "text"),
    [
        pytest.param(("models", "M1", "payoffs", "Russia", 1, 0), "models.M1.payoffs.Russia[1][0]",
                     id="dotted-with-indices"),
        pytest.param(("claims", 2, "assumptions", 0), "claims[2].assumptions[0]", id="array-of-tables"),
        pytest.param(("models", "Fear", "payoffs", "Side A"), 'models.Fear.payoffs."Side A"',
                     id="quoted-key"),
    ],
)  # fmt: skip
def test_format_key(key, text):
    assert format_key(key) == text


def test_claim_holds_is_exact_at_the_boundary():
    scenario = parse_scenario(BASE)
    claim = scenario.claim("A1")
    assert claim.holds({"c": "1/4", "p": "0.26"})
    assert not claim.holds({"c": "1/4", "p": "0.25"})  # c < p fails at equality
    with pytest.raises(KeyError, match="no claim 'Z'"):
        scenario.claim("Z")
