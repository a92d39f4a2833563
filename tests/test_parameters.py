"""Tests for :mod:`gametheory.parameters`: declarations, priors and the safe parser.

Parameter names, bounds and defaults follow ``scenario_spec.md`` section 2 (the
TRIPP corridor models M1 and M5); the whitelist follows section 5.
"""

from __future__ import annotations

import ast
import inspect
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import scipy.stats
import sympy
from hypothesis import assume, given
from hypothesis import strategies as st

import gametheory.parameters as parameters_module
from gametheory.errors import InvalidGameError, ParseError, UnknownParameterError
from gametheory.parameters import (
    Parameter,
    ParameterSpace,
    make_prior,
    parse_condition,
    parse_expression,
    parse_number,
    to_rational,
)

R = sympy.Rational

# M1 and M5 of scenario_spec.md section 2; defaults are the illustrative ones.
SPEC_TABLES: dict[str, dict[str, Any]] = {
    "p": {"bounds": ["0", "1"], "default": "1/2", "unit": "probability"},
    "c_R": {"bounds": ["0", "inf"], "default": "3/10", "description": "Russia's war cost"},
    "l_R": {"bounds": ["0", "inf"], "default": "1/5"},
    "e_R": {"bounds": ["0", "inf"], "default": "1"},
    "b_T": {"bounds": ["0", "inf"], "default": "1/2"},
    "m_T": {"bounds": ["0", "inf"], "lower_open": True, "default": "2/5"},
    "c_T": {"bounds": ["0", "inf"], "default": "1/5"},
    "h_T": {"bounds": ["0", "inf"], "default": "3/10"},
    "delta": {"bounds": ["0", "1"], "lower_open": True, "upper_open": True, "default": "9/10"},
    "p0": {"bounds": ["0", "1"], "default": "3/5"},
    "p1": {"bounds": ["0", "1"], "default": "2/5"},
    "C_R": {"bounds": ["0", "inf"], "default": "2"},
    "q": {"default": "0"},  # unbounded, for sign-free arithmetic
}
SPACE = ParameterSpace.from_dict(SPEC_TABLES)
p, c_R, l_R, e_R, b_T, m_T, c_T, h_T, delta, p0, p1, C_R, q = SPACE.symbols.values()


# ---------------------------------------------------------------------------
# The whitelist: each construct gives the sympy object built directly
# ---------------------------------------------------------------------------

WHITELIST_CASES = [
    ("-l_R", -l_R, "unary-minus"),
    ("+p", p, "unary-plus"),
    ("-(1-p)*l_R - c_R", -(1 - p) * l_R - c_R, "M1-preempt-vs-commercial"),
    ("(1-p)*(b_T+m_T) - c_T - h_T", (1 - p) * (b_T + m_T) - c_T - h_T, "M1-T-payoff"),
    ("m_T/(p*m_T+h_T)", m_T / (p * m_T + h_T), "M1-sigma-star"),
    ("(c_R-p*l_R)/(p*(e_R-l_R))", (c_R - p * l_R) / (p * (e_R - l_R)), "M1-tau-star"),
    ("b_T - m_T*(p*b_T+c_T)/(p*m_T+h_T)", b_T - m_T * (p * b_T + c_T) / (p * m_T + h_T), "U_T"),
    ("1 - h_T/m_T", 1 - h_T / m_T, "p_T"),
    ("p - q - 1 + l_R", p - q - 1 + l_R, "flat-sum"),
    ("p - (q - 1)", p - (q - 1), "nested-difference"),
    ("2*(p+q)*(p+q)", 2 * (p + q) * (p + q), "product-left-fold"),
    ("p/q/2", p / q / 2, "division-left-assoc"),
    ("p**2", p**2, "square"),
    ("p ** -1", 1 / p, "negative-exponent"),
    ("q ** +3", q**3, "plus-exponent"),
    ("p**0", sympy.Integer(1), "zero-exponent"),
    ("(1 - delta)**2 * C_R", (1 - delta) ** 2 * C_R, "M5-phi-term"),
    ("10 ** 64", sympy.Integer(10**64), "largest-exponent"),
    ("2 ** -64", R(1, 2**64), "smallest-exponent"),
    (
        "(-(1-p1) + sqrt((1-p1)**2 + 4*C_R*(p0-p1)))/(2*C_R)",
        (-(1 - p1) + sympy.sqrt((1 - p1) ** 2 + 4 * C_R * (p0 - p1))) / (2 * C_R),
        "M5-u-star",
    ),
    ("sqrt(4)", sympy.Integer(2), "sqrt-number"),
    ("Min(p, 1/2)", sympy.Min(p, R(1, 2)), "min"),
    ("Max(p, q, 0)", sympy.Max(p, q, 0), "max-three"),
    ("Abs(q - 1/2)", sympy.Abs(q - R(1, 2)), "abs"),
    ("Abs(c_R)", c_R, "abs-uses-assumptions"),
    (
        "Piecewise((p, p < 1/2), (1 - p, True))",
        sympy.Piecewise((p, p < R(1, 2)), (1 - p, True)),
        "piecewise-otherwise",
    ),
    (
        "Piecewise((0, c_R > p*e_R), (1, And(c_R <= p*e_R, c_R >= p*l_R)), (2, Or(p < q, q > 1)))",
        sympy.Piecewise(
            (0, c_R > p * e_R),
            (1, sympy.And(c_R <= p * e_R, c_R >= p * l_R)),
            (2, sympy.Or(p < q, q > 1)),
        ),
        "piecewise-and-or",
    ),
    ("c_R < p*l_R", sympy.Lt(c_R, p * l_R), "less"),
    ("c_R <= p*l_R", sympy.Le(c_R, p * l_R), "less-equal"),
    ("c_R > p*e_R", sympy.Gt(c_R, p * e_R), "greater"),
    ("c_R >= 0", sympy.true, "greater-equal-decided-by-assumptions"),
    ("e_R > l_R", sympy.Gt(e_R, l_R), "spec-assumption"),
    ("0 < q < 1", sympy.And(sympy.Lt(0, q), sympy.Lt(q, 1)), "chained-comparison"),
    ("And(p < 1, q > 0)", sympy.And(p < 1, q > 0), "and"),
    ("Or(p < 1/4, p >= 3/4)", sympy.Or(p < R(1, 4), p >= R(3, 4)), "or"),
    ("1 < 2", sympy.true, "numeric-comparison"),
    ("  p + 1  ", p + 1, "surrounding-whitespace"),
    ("(p +\n 1)", p + 1, "multiline-in-parentheses"),
    ("((((p))))", p, "redundant-parentheses"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [case[:2] for case in WHITELIST_CASES],
    ids=[case[2] for case in WHITELIST_CASES],
)
def test_whitelisted_construct_builds_expected_sympy_object(text, expected):
    result = parse_expression(text, SPACE)
    assert result == expected  # structural equality, not just equal values
    assert type(result) is type(expected)


DECIMAL_CASES = [
    ("0.1", R(1, 10)),
    ("0.25", R(1, 4)),
    ("1e-3", R(1, 1000)),
    ("2.5E2", R(250)),
    (".5", R(1, 2)),
    ("1.", R(1)),
    ("0.1 + 0.2", R(3, 10)),  # 0.30000000000000004 in floats
    ("0.3 - 0.1", R(1, 5)),
    ("1/3", R(1, 3)),
    ("0.1 * 3", R(3, 10)),
    ("1" + "0" * 999, sympy.Integer(10**999)),  # 1000 digits is the limit
]


@pytest.mark.parametrize(
    ("text", "expected"), DECIMAL_CASES, ids=[c[0][:12] for c in DECIMAL_CASES]
)
def test_decimals_are_exact(text, expected):
    assert parse_expression(text, SPACE) == expected


def test_long_flat_sum_is_not_nested_too_deeply():
    text = " + ".join(["p"] * 600)  # 2397 characters, an ast chain 600 deep
    assert parse_expression(text, SPACE, max_length=3000) == 600 * p


def test_mapping_space_substitutes_expressions():
    e_A, e_U = sympy.symbols("e_A e_U", positive=True)
    space = {"l_R": l_R, "e_R": l_R + e_A + e_U}  # M2: e_R := l_R + e_A + e_U
    assert parse_expression("e_R - l_R", space) == e_A + e_U


def test_names_space_gives_real_symbols():
    result = parse_expression("a*b", ["a", "b"])
    a, b = sympy.symbols("a b", real=True)
    assert result == a * b
    assert all(symbol.is_real for symbol in result.free_symbols)


def test_sqrt_of_provably_negative_parameter_expression_is_rejected():
    with pytest.raises(ParseError, match="negative"):
        parse_expression("sqrt(-1 - c_R)", SPACE)


# ---------------------------------------------------------------------------
# Bad input: exception type, token and column
# ---------------------------------------------------------------------------

# (text, exception type, offending token, 1-based column)
BAD_CASES = [
    ("p.__class__", ParseError, ".__class__", 2, "attribute"),
    ("p.__class__.__mro__", ParseError, ".__mro__", 12, "attribute-chain"),
    ("__import__('os')", ParseError, "__import__", 1, "dunder-import"),
    ("__import__('os').system('ls')", ParseError, ".system", 17, "dunder-import-call"),
    ("_p + 1", ParseError, "_p", 1, "underscore-name"),
    ("p[0]", ParseError, "[", 2, "subscript"),
    ("lambda: 1", ParseError, "lambda", 1, "lambda"),
    ("exp(p)", ParseError, "exp", 1, "other-function"),
    ("eval('1')", ParseError, "eval", 1, "eval"),
    ("sympify('p')", ParseError, "sympify", 1, "sympify"),
    ("p(1)", ParseError, "p", 1, "call-parameter"),
    ("(1)(2)", ParseError, "1", 2, "call-number"),
    ("Min", ParseError, "Min", 1, "uncalled-function"),
    ("p ** q", ParseError, "q", 6, "symbolic-exponent"),
    ("p ** 65", ParseError, "65", 6, "exponent-too-large"),
    ("p ** -65", ParseError, "-65", 6, "exponent-too-negative"),
    ("p ** 0.5", ParseError, "0.5", 6, "fractional-exponent"),
    ("p ** (1/2)", ParseError, "1/2", 7, "ratio-exponent"),
    ("x + 1", ParseError, "x", 1, "undeclared-name"),
    ("p + 'abc'", ParseError, "'abc'", 5, "string"),
    ("b'abc'", ParseError, "b'abc'", 1, "bytes"),
    ("f'{p}'", ParseError, "f'{p}'", 1, "f-string"),
    ("p if q else 1", ParseError, "if", 3, "ternary"),
    ("p and q", ParseError, "and", 3, "and-keyword"),
    ("p < 1 or q < 1", ParseError, "or", 7, "or-keyword"),
    ("not p < 1", ParseError, "not", 1, "not-keyword"),
    ("(x := 1)", ParseError, ":=", 4, "walrus"),
    ("1/0", ParseError, "/", 2, "division-by-literal-zero"),
    ("p/(q - q)", ParseError, "/", 2, "division-by-symbolic-zero"),
    ("0 ** -1", ParseError, "**", 3, "zero-to-negative-power"),
    ("p // 2", ParseError, "//", 3, "floor-division"),
    ("p % 2", ParseError, "%", 3, "modulo"),
    ("p @ q", ParseError, "@", 3, "matmul"),
    ("p ^ 2", ParseError, "^", 3, "xor"),
    ("p | q", ParseError, "|", 3, "bitwise-or"),
    ("p << 1", ParseError, "<<", 3, "shift"),
    ("~p", ParseError, "~", 1, "invert"),
    ("p == q", ParseError, "==", 3, "equality"),
    ("p != q", ParseError, "!=", 3, "inequality"),
    ("p in q", ParseError, "in", 3, "membership"),
    ("0 < p == 1", ParseError, "==", 7, "equality-in-chain"),
    ("(", ParseError, "(", 1, "unclosed-parenthesis"),
    ("p )", ParseError, ")", 3, "unmatched-parenthesis"),
    ("1 +* 2", ParseError, "*", 4, "syntax-error"),
    ("Min(p)", ParseError, "Min", 1, "min-arity"),
    ("Max()", ParseError, "Max", 1, "max-arity"),
    ("Abs(p, q)", ParseError, "Abs", 1, "abs-arity"),
    ("sqrt()", ParseError, "sqrt", 1, "sqrt-arity"),
    ("sqrt(-1)", ParseError, "sqrt", 1, "sqrt-negative"),
    ("Min(p, q, evaluate=False)", ParseError, "evaluate", 11, "keyword-argument"),
    ("Min(p, **q)", ParseError, "**", 8, "double-star-argument"),
    ("Min(*p)", ParseError, "*", 5, "starred-argument"),
    ("Piecewise((p, p))", ParseError, "p", 15, "piecewise-condition-not-comparison"),
    ("Piecewise((p, p == 1))", ParseError, "==", 17, "piecewise-equality"),
    ("Piecewise(p, p < 1)", ParseError, "p", 11, "piecewise-not-pair"),
    ("Piecewise((p, p < 1, q))", ParseError, "(p, p < 1, q)", 11, "piecewise-triple"),
    ("Piecewise((p, True), (q, p < 1))", ParseError, "True", 15, "true-not-last"),
    ("Piecewise((p, 1 > 2))", ParseError, "Piecewise", 1, "piecewise-never-defined"),
    ("And(p, q)", ParseError, "p", 5, "and-of-numbers"),
    ("And(p < 1)", ParseError, "And", 1, "and-arity"),
    ("(p < 1) + 1", ParseError, "p < 1", 2, "condition-as-number"),
    ("Max(p < 1, q)", ParseError, "p < 1", 5, "condition-as-argument"),
    ("True", ParseError, "True", 1, "bare-true"),
    ("None", ParseError, "None", 1, "none"),
    ("1j", ParseError, "1j", 1, "complex"),
    ("0x1F", ParseError, "0x1F", 1, "hex-literal"),
    ("1_000", ParseError, "1_000", 1, "digit-separator"),
    ("1e1001", ParseError, "1e1001", 1, "huge-decimal-exponent"),
    ("[p, q]", ParseError, "[p, q]", 1, "list"),
    ("(p, q)", ParseError, "(p, q)", 1, "tuple"),
    ("{p: q}", ParseError, "{p: q}", 1, "dict"),
    ("[x for x in p]", ParseError, "[x for x in p]", 1, "comprehension"),
    ("p × q", ParseError, "×", 3, "non-ascii"),
    ("p # comment", ParseError, "#", 3, "comment"),
    ("  x", ParseError, "x", 3, "column-counts-leading-space"),
]


@pytest.mark.parametrize(
    ("text", "error", "token", "column"),
    [case[:4] for case in BAD_CASES],
    ids=[case[4] for case in BAD_CASES],
)
def test_bad_input_names_token_and_column(text, error, token, column):
    with pytest.raises(error) as info:
        parse_expression(text, SPACE)
    message = str(info.value)
    assert token in message
    assert f"column {column}" in message
    assert (info.value.token, info.value.column) == (token, column)


@pytest.mark.parametrize(
    ("text", "token", "column"),
    [("p\x00", "\x00", 2), ("p\x07", "\x07", 2), ("p +\n x", "\n", 4)],
    ids=["null-byte", "bell", "newline-outside-parentheses"],
)
def test_invisible_tokens_are_shown_escaped(text, token, column):
    with pytest.raises(ParseError) as info:
        parse_expression(text, SPACE)
    assert repr(token) in str(info.value)
    assert (info.value.token, info.value.column) == (token, column)


def test_undeclared_name_lists_declared_names():
    with pytest.raises(ParseError, match=r"unknown parameter 'x'; declared: a, b \(column 5\)"):
        parse_expression("a + x", ["a", "b"])


def test_other_function_lists_allowed_functions():
    with pytest.raises(ParseError, match="allowed functions: Abs, And, Max, Min, Or, Piecewise"):
        parse_expression("exp(1)", SPACE)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("p" * 2001, "2001 characters (limit 2000)"),
        ("-" * 150 + "p", "nested more than 100 levels"),
        ("1" * 1001, "1001 digits"),
        ("((((2*p)**64)**64)**64)**64", "too large"),
        ("(((q+1)**64)**64)**64", "a power above 16384"),
        ("Max(" + ", ".join(f"q - {i}" for i in range(17)) + ")", "more than 16 arguments"),
        (
            "Min(Min(" + ", ".join(f"{i}*q" for i in range(1, 9)) + "), "
            "Min(" + ", ".join(f"{i}*q" for i in range(9, 18)) + "))",
            "more than 16 arguments",
        ),
        ("p +", "at the end of the expression"),
    ],
    ids=[
        "empty",
        "blank",
        "too-long",
        "too-deep",
        "huge-literal",
        "huge-power",
        "huge-combined-power",
        "max-arguments",
        "nested-min-arguments",
        "truncated",
    ],
)
def test_resource_and_empty_errors(text, fragment):
    with pytest.raises(ParseError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        parse_expression(text, SPACE)


def test_max_length_is_configurable():
    with pytest.raises(ParseError, match="9 characters"):
        parse_expression("p + p + p", SPACE, max_length=5)


def test_hostile_text_has_no_side_effects(tmp_path: Path):
    marker = tmp_path / "pwned"
    attacks = [
        f"__import__('os').system('touch {marker}')",
        f"(lambda: __import__('os').system('touch {marker}'))()",
        "p.__class__.__base__.__subclasses__()",
        f"[c for c in ().__class__.__base__.__subclasses__()] and open('{marker}', 'w')",
    ]
    for text in attacks:
        with pytest.raises(ParseError):
            parse_expression(text, SPACE)
    assert not marker.exists()


def test_module_never_evaluates_text():
    """The parser module calls none of the functions that run or sympify text."""
    tree = ast.parse(inspect.getsource(parameters_module))
    calls = [node.func for node in ast.walk(tree) if isinstance(node, ast.Call)]
    names = {func.id for func in calls if isinstance(func, ast.Name)}
    attributes = {func.attr for func in calls if isinstance(func, ast.Attribute)}
    assert not names & {"eval", "exec", "compile", "__import__", "sympify", "parse_expr", "S"}
    assert not attributes & {"eval", "exec", "sympify", "parse_expr", "S", "literal_eval"}


@pytest.mark.parametrize(
    "space",
    ["p", 42, {"p": 1}, {"_p": p}, ["1p"]],
    ids=["string", "int", "number", "dunder", "bad"],
)
def test_invalid_space_is_rejected(space):
    with pytest.raises((TypeError, InvalidGameError)):
        parse_expression("p", space)


# ---------------------------------------------------------------------------
# parse_condition, parse_number, to_rational
# ---------------------------------------------------------------------------


def test_parse_condition_returns_boolean():
    condition = parse_condition("e_R > l_R", SPACE)
    assert condition == sympy.Gt(e_R, l_R)
    assert isinstance(condition, sympy.logic.boolalg.Boolean)


@pytest.mark.parametrize("text", ["p + 1", "p", "True", "Min(p, q)"])
def test_parse_condition_rejects_numbers(text):
    with pytest.raises(ParseError, match="expected a condition") as info:
        parse_condition(text, SPACE)
    assert info.value.column == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", R(3)),
        ("-2/5", R(-2, 5)),
        ("+1/2", R(1, 2)),
        ("0.1", R(1, 10)),
        (" 1e-3 ", R(1, 1000)),
        ("-0.75", R(-3, 4)),
        ("10/4", R(5, 2)),
    ],
)
def test_parse_number_is_exact(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text", ["", "p", "1/0", "nan", "inf", "1/2/3", "0.5/2", "1 + 2", "0x10", "1_0", "--1", "2/-5"]
)
def test_parse_number_rejects_anything_else(text):
    with pytest.raises(ParseError):
        parse_number(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (3, R(3)),
        (np.int64(-4), R(-4)),
        (Fraction(2, 3), R(2, 3)),
        ("3/4", R(3, 4)),
        (0.1, R(1, 10)),
        (1e-20, R(1, 10**20)),
        (np.float64(0.1), R(1, 10)),
        (Decimal("0.125"), R(1, 8)),
        (R(5, 7), R(5, 7)),
    ],
    ids=[
        "int",
        "numpy-int",
        "fraction",
        "string",
        "float",
        "tiny-float",
        "numpy-float",
        "decimal",
        "sympy",
    ],
)
def test_to_rational_is_exact(value, expected):
    result = to_rational(value)
    assert result == expected
    assert isinstance(result, sympy.Rational)


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (float("nan"), InvalidGameError),
        (float("inf"), InvalidGameError),
        (-np.inf, InvalidGameError),
        (Decimal("NaN"), InvalidGameError),
        (sympy.Float(0.5), InvalidGameError),
        (sympy.sqrt(2), InvalidGameError),
        ("nan", ParseError),
        (True, TypeError),
        (None, TypeError),
        ([1], TypeError),
    ],
    ids=[
        "nan",
        "inf",
        "numpy-inf",
        "decimal-nan",
        "sympy-float",
        "irrational",
        "nan-text",
        "bool",
        "none",
        "list",
    ],
)
def test_to_rational_rejects(value, error):
    with pytest.raises(error):
        to_rational(value)


# ---------------------------------------------------------------------------
# Parameter
# ---------------------------------------------------------------------------


def test_parameter_converts_numbers_exactly():
    param = Parameter("p", "0", 1.0, default="0.5", unit="probability")
    assert (param.lower, param.upper, param.default) == (0, 1, R(1, 2))
    assert all(isinstance(x, sympy.Rational) for x in (param.lower, param.upper, param.default))


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"name": "p", "lower": 0, "upper": 1, "default": 2}, "default 2 is outside [0, 1]"),
        ({"name": "p", "lower": 0, "upper": 1, "default": -1}, "below the lower bound 0"),
        (
            {"name": "d", "lower": 0, "upper": 1, "upper_open": True, "default": 1},
            "equal to the open upper bound 1",
        ),
        ({"name": "p", "lower": 1, "upper": 0}, "lower bound 1 exceeds upper bound 0"),
        ({"name": "p", "lower": 1, "upper": 1, "lower_open": True}, "is empty"),
        ({"name": "p", "lower_open": True}, "needs a finite lower bound"),
        ({"name": "p", "lower": float("nan")}, "lower: nan is not a finite number"),
        ({"name": "p", "upper": "1/0"}, "upper:"),
        ({"name": "p", "lower": 0, "lower_open": 1}, "lower_open must be True or False"),
        ({"name": "p", "unit": 3}, "unit must be a string"),
        ({"name": "1p"}, "invalid parameter name '1p'"),
        ({"name": "_p"}, "invalid parameter name '_p'"),
        ({"name": "__class__"}, "invalid parameter name '__class__'"),
        ({"name": "c-R"}, "invalid parameter name 'c-R'"),
        ({"name": "δ"}, "invalid parameter name 'δ'"),
        ({"name": "lambda"}, "reserved word"),
        ({"name": "Min"}, "reserved word"),
        ({"name": 3}, "must be a string"),
    ],
    ids=[
        "default-above",
        "default-below",
        "default-on-open-bound",
        "lower-above-upper",
        "empty-open-interval",
        "open-without-bound",
        "nan-bound",
        "bad-bound-text",
        "non-bool-flag",
        "non-string-unit",
        "leading-digit",
        "leading-underscore",
        "dunder",
        "hyphen",
        "non-ascii",
        "keyword",
        "function-name",
        "non-string-name",
    ],
)
def test_parameter_validation(kwargs, fragment):
    with pytest.raises(InvalidGameError) as info:
        Parameter(**kwargs)
    assert fragment in str(info.value)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, {"real": True, "nonnegative": None, "positive": None}),
        ({"lower": 0}, {"real": True, "nonnegative": True, "positive": None}),
        ({"lower": 0, "lower_open": True}, {"nonnegative": True, "positive": True}),
        ({"lower": "1/2"}, {"nonnegative": True, "positive": True}),
        ({"lower": -1, "upper": 1}, {"real": True, "nonnegative": None, "negative": None}),
        ({"upper": 0}, {"nonpositive": True, "negative": None}),
        ({"upper": 0, "upper_open": True}, {"nonpositive": True, "negative": True}),
    ],
    ids=[
        "unbounded",
        "nonnegative",
        "open-zero",
        "positive",
        "both-signs",
        "nonpositive",
        "negative",
    ],
)
def test_symbol_assumptions_follow_bounds(kwargs, expected):
    symbol = Parameter("x", **kwargs).symbol
    for assumption, value in expected.items():
        assert getattr(symbol, f"is_{assumption}") is value, assumption


def test_symbol_is_shared():
    assert Parameter("c_R", 0).symbol is Parameter("c_R", 0, default=1).symbol
    assert SPACE.symbol("c_R") is Parameter("c_R", 0).symbol
    assert SPACE.symbol("c_R").is_nonnegative is True
    assert SPACE.symbol("m_T").is_positive is True
    assert SPACE.symbol("q").is_nonnegative is None


@pytest.mark.parametrize(
    ("value", "inside"),
    [(0, False), ("1/1000", True), (0.5, True), (R(999, 1000), True), (1, False), (2, False)],
)
def test_contains_respects_open_bounds(value, inside):
    delta_param = Parameter("delta", 0, 1, lower_open=True, upper_open=True)
    assert delta_param.contains(value) is inside


def test_parameter_str_and_interval():
    param = Parameter("delta", 0, 1, lower_open=True)
    assert str(param) == "delta in (0, 1]"
    assert param.interval == sympy.Interval.Lopen(0, 1)
    assert str(Parameter("c", 0)) == "c in [0, oo)"


# ---------------------------------------------------------------------------
# Priors
# ---------------------------------------------------------------------------


def test_uniform_prior_defaults_to_bounds():
    prior = Parameter("x", "1/4", "3/4", prior={"dist": "uniform"}).prior
    assert prior.support() == (0.25, 0.75)
    assert prior.mean() == pytest.approx(0.5)


def test_beta_prior_is_scaled_to_bounds():
    param = Parameter("x", 2, 6, prior={"dist": "beta", "a": 2, "b": "2"})
    assert param.prior.support() == (float(param.lower), float(param.upper))
    assert param.prior.mean() == pytest.approx(4)


def test_beta_prior_on_unit_interval_matches_scipy():
    prior = make_prior({"dist": "beta", "a": 2, "b": 5}, (0, 1))
    reference = scipy.stats.beta(2, 5)
    assert prior.support() == (0, 1)
    assert prior.cdf(0.3) == pytest.approx(reference.cdf(0.3), rel=1e-12)


def test_truncnorm_prior_is_truncated_to_bounds():
    prior = make_prior({"dist": "truncnorm", "loc": "0.5", "scale": "0.2"}, (0, 1))
    assert prior.support() == pytest.approx((0, 1))
    assert prior.mean() == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("spec", "bounds"),
    [
        ({"dist": "triangular", "c": 0.5}, (0, 1)),
        ({"dist": "norm", "loc": 0, "scale": 1}, (None, None)),
        ({"dist": "lognorm", "s": 1}, (0, None)),
        ({"dist": "gamma", "a": 2}, (0, None)),
        ({"dist": "expon"}, (0, None)),
    ],
    ids=["triangular", "norm", "lognorm", "gamma", "expon"],
)
def test_whitelisted_priors_fit_their_bounds(spec, bounds):
    low, high = make_prior(spec, bounds).support()
    assert bounds[0] is None or low >= bounds[0]
    assert bounds[1] is None or high <= bounds[1]


@pytest.mark.parametrize(
    ("spec", "bounds", "fragment"),
    [
        ({"dist": "cauchy"}, (0, 1), "unknown distribution 'cauchy'"),
        ({"a": 2}, (0, 1), "unknown distribution None"),
        ({"dist": "beta", "a": 2, "alpha": 2}, (0, 1), "unknown parameter 'alpha'"),
        ({"dist": "beta", "a": 2}, (0, 1), "missing parameter 'b'"),
        ({"dist": "beta", "a": -1, "b": 2}, (0, 1), "invalid parameters"),
        ({"dist": "beta", "a": float("nan"), "b": 2}, (0, 1), "not a finite number"),
        ({"dist": "uniform"}, (0, None), "needs finite bounds"),
        ({"dist": "norm", "loc": 0.5, "scale": 1}, (0, 1), "reaches below the bound 0"),
        ({"dist": "expon", "loc": 0}, (1, None), "reaches below the bound 1"),
        ({"dist": "uniform", "loc": 0, "scale": 2}, (0, 1), "reaches above the bound 1"),
        ({"dist": "uniform", "loc": 0, "scale": -1}, (None, None), "scale must be positive"),
        ({"dist": "truncnorm"}, (0, 1), "needs 'loc' and 'scale'"),
        ("beta", (0, 1), "expected a table"),
    ],
    ids=[
        "unknown-dist",
        "no-dist",
        "unknown-key",
        "missing-shape",
        "invalid-shape",
        "nan-shape",
        "uniform-unbounded",
        "norm-on-bounded",
        "expon-below",
        "too-wide",
        "negative-scale",
        "truncnorm-without-loc",
        "not-a-table",
    ],
)
def test_bad_prior_is_rejected(spec, bounds, fragment):
    with pytest.raises(InvalidGameError) as info:
        make_prior(spec, bounds)
    assert fragment in str(info.value)


def test_frozen_prior_is_checked_against_bounds():
    assert Parameter("p", 0, 1, prior=scipy.stats.beta(2, 2)).prior.mean() == pytest.approx(0.5)
    with pytest.raises(InvalidGameError, match="parameter 'p': prior: support"):
        Parameter("p", 0, 1, prior=scipy.stats.norm())
    with pytest.raises(InvalidGameError, match="not a scipy.stats frozen distribution"):
        Parameter("p", 0, 1, prior="beta")


def test_prior_errors_name_the_parameter():
    with pytest.raises(InvalidGameError, match="parameter 'p': prior 'beta': missing"):
        Parameter("p", 0, 1, prior={"dist": "beta", "a": 1})


def test_priors_do_not_affect_equality():
    plain = Parameter("p", 0, 1)
    assert plain == Parameter("p", 0, 1, prior={"dist": "uniform"})
    assert hash(plain) == hash(Parameter("p", 0, 1, prior={"dist": "uniform"}))


# ---------------------------------------------------------------------------
# ParameterSpace
# ---------------------------------------------------------------------------


def test_from_dict_reads_the_spec_tables():
    assert SPACE.names == tuple(SPEC_TABLES)
    assert SPACE["p"] == Parameter("p", 0, 1, default=R(1, 2), unit="probability")
    assert SPACE["c_R"].upper is None
    assert SPACE["c_R"].description == "Russia's war cost"
    assert SPACE["delta"].lower_open
    assert SPACE["delta"].upper_open
    assert SPACE["q"].lower is None
    assert SPACE["q"].upper is None


def test_from_dict_with_prior_from_the_spec_example():
    table = {
        "description": "P(preemption closes the corridor)",
        "default": "1/2",
        "bounds": ["0", "1"],
        "unit": "probability",
        "prior": {"dist": "beta", "a": 2, "b": 2},
    }
    space = ParameterSpace.from_dict({"p": table})
    assert space["p"].prior.support() == (0, 1)
    assert space["p"].prior.mean() == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"p": {"bound": [0, 1]}}, "parameter 'p': unknown key 'bound'; allowed keys: bounds"),
        ({"p": {"bounds": [0, 1], "typo": 1}}, "parameter 'p': unknown key 'typo'"),
        ({"p": {"bounds": [0]}}, "parameter 'p': bounds must be a pair"),
        ({"p": {"bounds": "0, 1"}}, "parameter 'p': bounds must be a pair"),
        ({"p": [0, 1]}, "parameter 'p': expected a table"),
        ({"p": {"bounds": ["inf", 1]}}, "parameter 'p': lower:"),
        ({"p": {"default": True}}, "parameter 'p': default: expected a number"),
        ({"p": {"bounds": [0, 1], "prior": {"dist": "weibull"}}}, "unknown distribution"),
        ([("p", {})], "expected a table of tables"),
    ],
    ids=[
        "misspelt-bounds",
        "unknown-key",
        "short-bounds",
        "string-bounds",
        "not-a-table",
        "inf-lower-bound",
        "bool-default",
        "unknown-prior",
        "not-a-mapping",
    ],
)
def test_from_dict_errors_name_parameter_and_key(data, fragment):
    with pytest.raises(InvalidGameError) as info:
        ParameterSpace.from_dict(data)
    assert fragment in str(info.value)


def test_duplicate_names_are_rejected():
    with pytest.raises(InvalidGameError, match="duplicate parameter name 'p'"):
        ParameterSpace([Parameter("p", 0, 1), Parameter("q"), Parameter("p")])


def test_non_parameters_are_rejected():
    with pytest.raises(TypeError):
        ParameterSpace(["p"])


def test_unknown_name_lists_declared_names():
    space = ParameterSpace([Parameter("p", 0, 1), Parameter("c_R", 0)])
    with pytest.raises(UnknownParameterError, match=r"unknown parameter 'x'; declared: p, c_R"):
        space["x"]
    with pytest.raises(UnknownParameterError, match="declared: p, c_R"):
        space.symbol("x")


def test_mapping_protocol():
    space = ParameterSpace([Parameter("p", 0, 1), Parameter("c_R", 0)])
    assert list(space) == ["p", "c_R"]
    assert len(space) == 2
    assert "p" in space
    assert "x" not in space
    assert 3 not in space
    assert space.get("x") is None
    assert space.get("p") is space["p"]
    assert dict(space.items())["c_R"] == Parameter("c_R", 0)
    assert space == ParameterSpace([Parameter("p", 0, 1), Parameter("c_R", 0)])
    assert space != ParameterSpace([Parameter("c_R", 0), Parameter("p", 0, 1)])  # order
    assert hash(space) == hash(ParameterSpace([Parameter("p", 0, 1), Parameter("c_R", 0)]))
    assert space.symbols == {"p": space.symbol("p"), "c_R": space.symbol("c_R")}
    assert len(ParameterSpace()) == 0
    assert repr(space).startswith("<ParameterSpace: p in [0, 1]")


def test_space_is_immutable():
    space = ParameterSpace([Parameter("p", 0, 1)])
    with pytest.raises(TypeError):
        space["q"] = Parameter("q")  # type: ignore[index]
    with pytest.raises(AttributeError):
        space.extra = 1  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        space["p"].lower = 5  # frozen dataclass


def test_defaults():
    assert SPACE.defaults()["p"] == R(1, 2)
    assert SPACE.defaults()["C_R"] == 2
    assert all(isinstance(v, sympy.Rational) for v in SPACE.defaults().values())
    space = ParameterSpace([Parameter("a", default=1), Parameter("b"), Parameter("c")])
    with pytest.raises(InvalidGameError, match="parameters without a default: b, c"):
        space.defaults()


def test_defaults_satisfy_assumptions():
    values = {SPACE.symbol(name): value for name, value in SPACE.defaults().items()}
    assert all(relation.subs(values) is sympy.true for relation in SPACE.assumptions())


def test_assumptions_are_unevaluated_relationals():
    space = ParameterSpace(
        [
            Parameter("p", 0, 1),
            Parameter("delta", 0, 1, lower_open=True, upper_open=True),
            Parameter("q"),
        ]
    )
    p_, delta_ = space.symbol("p"), space.symbol("delta")
    assert space.assumptions() == [
        sympy.Ge(p_, 0, evaluate=False),
        sympy.Le(p_, 1, evaluate=False),
        sympy.Gt(delta_, 0, evaluate=False),
        sympy.Lt(delta_, 1, evaluate=False),
    ]
    assert [str(a) for a in space.assumptions()[:2]] == ["p >= 0", "p <= 1"]


def test_validate_values_returns_exact_values():
    checked = SPACE.validate_values({"p": 0.25, "c_R": "3/10", "delta": Fraction(1, 2)})
    assert checked == {"p": R(1, 4), "c_R": R(3, 10), "delta": R(1, 2)}


@pytest.mark.parametrize(
    ("values", "error", "fragment"),
    [
        ({"x": 1}, UnknownParameterError, "unknown parameter 'x'; declared: p, c_R"),
        ({"p": 1.5}, InvalidGameError, "parameter 'p' = 3/2 is outside [0, 1]: above the upper"),
        ({"c_R": -1}, InvalidGameError, "parameter 'c_R' = -1 is outside [0, oo): below the lower"),
        ({"delta": 1}, InvalidGameError, "parameter 'delta' = 1 is outside (0, 1): equal to"),
        ({"p": float("nan")}, InvalidGameError, "parameter 'p': value: nan is not a finite"),
        ({"p": "half"}, InvalidGameError, "parameter 'p': value:"),
    ],
    ids=["unknown", "above", "below", "open-bound", "nan", "text"],
)
def test_validate_values_errors(values, error, fragment):
    with pytest.raises(error) as info:
        SPACE.validate_values(values)
    assert fragment in str(info.value)


def test_space_parse_uses_its_symbols():
    result = SPACE.parse("Abs(c_R) - Max(p, 0)")
    assert result == c_R - p  # both simplified by the bounds' assumptions


# ---------------------------------------------------------------------------
# Property: parsed text evaluates like Fraction arithmetic on the same tree
# ---------------------------------------------------------------------------

NAMES = ("p", "c_R", "q")
POINTS = st.fixed_dictionaries(
    {
        "p": st.fractions(0, 1, max_denominator=12),
        "c_R": st.fractions(0, 5, max_denominator=12),
        "q": st.fractions(-5, 5, max_denominator=12),
    }
)
LEAVES = st.one_of(
    st.tuples(st.just("name"), st.sampled_from(NAMES)),
    st.tuples(st.just("number"), st.integers(0, 12).map(str)),
    st.tuples(
        st.just("number"),
        st.decimals(0, 10, places=2, allow_nan=False, allow_infinity=False).map(str),
    ),
)


def _extend(children):
    return st.one_of(
        st.tuples(st.sampled_from(["+", "-", "*", "/"]), children, children),
        st.tuples(st.just("neg"), children),
        st.tuples(st.just("**"), children, st.integers(-3, 3)),
        st.tuples(st.sampled_from(["Min", "Max"]), children, children),
        st.tuples(st.just("Abs"), children),
    )


TREES = st.recursive(LEAVES, _extend, max_leaves=10)


def _render(tree) -> str:
    kind = tree[0]
    if kind in ("name", "number"):
        return tree[1]
    if kind == "neg":
        return f"-({_render(tree[1])})"
    if kind == "**":
        return f"({_render(tree[1])})**{tree[2]}"
    if kind in ("Min", "Max"):
        return f"{kind}({_render(tree[1])}, {_render(tree[2])})"
    if kind == "Abs":
        return f"Abs({_render(tree[1])})"
    return f"({_render(tree[1])}) {kind} ({_render(tree[2])})"


def _evaluate(tree, point) -> Fraction:
    """Exact value by Fraction arithmetic, independent of sympy."""
    kind = tree[0]
    if kind == "name":
        return point[tree[1]]
    if kind == "number":
        return Fraction(Decimal(tree[1]))
    if kind == "neg":
        return -_evaluate(tree[1], point)
    if kind == "**":
        return _evaluate(tree[1], point) ** tree[2]
    if kind == "Abs":
        return abs(_evaluate(tree[1], point))
    a, b = _evaluate(tree[1], point), _evaluate(tree[2], point)
    operations = {
        "+": lambda: a + b,
        "-": lambda: a - b,
        "*": lambda: a * b,
        "/": lambda: a / b,
        "Min": lambda: min(a, b),
        "Max": lambda: max(a, b),
    }
    return operations[kind]()


def _build(tree, symbols):
    """The same tree built with sympy's own operators."""
    kind = tree[0]
    if kind == "name":
        return symbols[tree[1]]
    if kind == "number":
        value = Fraction(Decimal(tree[1]))
        return R(value.numerator, value.denominator)
    parts = [_build(child, symbols) for child in tree[1:] if isinstance(child, tuple)]
    if kind == "neg":
        return -parts[0]
    if kind == "**":
        return parts[0] ** tree[2]
    functions = {"Min": sympy.Min, "Max": sympy.Max, "Abs": sympy.Abs}
    if kind in functions:
        return functions[kind](*parts)
    a, b = parts
    operations = {"+": a.__add__, "-": a.__sub__, "*": a.__mul__, "/": a.__truediv__}
    return operations[kind](b)


@given(tree=TREES, point=POINTS)
def test_parsed_value_matches_fraction_arithmetic(tree, point):
    try:
        expected = _evaluate(tree, point)
    except ZeroDivisionError:
        assume(False)
    expression = parse_expression(_render(tree), SPACE)
    values = {SPACE.symbol(name): R(v.numerator, v.denominator) for name, v in point.items()}
    assert expression.xreplace(values) == R(expected.numerator, expected.denominator)


@given(tree=TREES, point=POINTS)
def test_parsed_structure_matches_sympy_operators(tree, point):
    try:
        _evaluate(tree, point)  # skips trees that divide by zero
    except ZeroDivisionError:
        assume(False)
    assert parse_expression(_render(tree), SPACE) == _build(tree, SPACE.symbols)
