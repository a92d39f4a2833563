"""Parameters of a game and the safe expression parser.

A scenario declares its parameters once: a name, bounds, a default, a unit, a
description and optionally a prior.  :class:`Parameter` holds one declaration,
:class:`ParameterSpace` an ordered, immutable collection of them, and
:func:`parse_expression` turns payoff and condition text (from TOML files,
Gambit files or users) into sympy objects over the declared symbols.

Definitions
-----------
Bounds
    A parameter lies in an interval with ends ``lower`` and ``upper``
    (``None`` means unbounded).  Each finite end is closed unless
    ``lower_open``/``upper_open`` is set, so ``delta`` in (0, 1) is
    ``Parameter("delta", 0, 1, lower_open=True, upper_open=True)``.
Symbol
    Each parameter has one sympy symbol, ``real=True`` plus ``nonnegative``,
    ``positive``, ``nonpositive`` or ``negative`` when the bounds imply them,
    so that sympy can simplify conditions such as ``Abs(c_R) = c_R``.
Exact numbers
    Every number is a :class:`sympy.Rational`.  Text such as ``"0.1"`` is read
    exactly (1/10) from its digits; a float is read through its shortest
    ``repr``, so ``0.1`` is also 1/10 (see :func:`to_rational`).

The expression language
-----------------------
:func:`parse_expression` never calls ``eval``, ``exec``, ``compile`` or
``sympify``.  It parses the text with :func:`ast.parse` and builds sympy objects
from a strict whitelist of node types:

=========================  ===================================================
Construct                  Rule
=========================  ===================================================
numbers                    decimal integers and decimals (``0.25``, ``1e-3``),
                           read exactly from their digits; at most 1000 digits
names                      declared parameters only
``+ - * /``, unary ``+ -``  arithmetic; division by zero is an error
``x ** n``                 ``n`` an integer literal (optionally signed),
                           ``|n| <= 64``; use ``sqrt`` for square roots
``Min``, ``Max``           two or more arguments
``Abs``, ``sqrt``          one argument (``sqrt`` of a negative is an error)
``< <= > >=``              comparisons, chains such as ``0 < p < 1`` (``And``)
``And``, ``Or``            two or more conditions
``Piecewise``              pairs ``(value, condition)``; the last condition may
                           be ``True`` (otherwise)
=========================  ===================================================

Anything else (attributes, subscripts, strings, other calls, keyword
arguments, ``and``/``or``/``not``, ``==``, ``//``, ``%``, names starting with
``_``, undeclared names, text longer than ``max_length``) raises
:class:`~gametheory.errors.ParseError`, whose message names the offending token
and its 1-based column (counted from the start of the text).  Limits keep
hostile input from exhausting memory, recursion or time: nesting deeper than
100 levels, numbers above 2**16384, combined powers above 16384 (such as
``((p**64)**64)**64``) and ``Min``/``Max`` of more than 16 arguments (after
sympy merges nested calls; sympy compares them pairwise) are refused.

Examples
--------
>>> from gametheory.parameters import Parameter, ParameterSpace
>>> space = ParameterSpace([Parameter("p", 0, 1, default="1/2"),
...                         Parameter("c_R", 0, default="0.3")])
>>> space.parse("-(1 - p)*c_R + 0.25")
c_R*(p - 1) + 1/4
>>> space.defaults()
{'p': 1/2, 'c_R': 3/10}
"""

from __future__ import annotations

import ast
import keyword
import math
import numbers
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import KW_ONLY, dataclass, field
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise
from typing import Any, NoReturn, TypeAlias

import sympy
from sympy.logic.boolalg import Boolean

from gametheory.errors import InvalidGameError, ParseError, UnknownParameterError

__all__ = [
    "MAX_EXPRESSION_LENGTH",
    "PRIOR_DISTRIBUTIONS",
    "Parameter",
    "ParameterSpace",
    "RationalLike",
    "make_prior",
    "parse_condition",
    "parse_expression",
    "parse_number",
    "to_rational",
]

RationalLike: TypeAlias = int | str | Fraction | float | Decimal | sympy.Rational
"""Anything :func:`to_rational` converts exactly."""

MAX_EXPRESSION_LENGTH = 2000
"""Default limit on the length of an expression, in characters."""

PRIOR_DISTRIBUTIONS = (
    "uniform",
    "beta",
    "triangular",
    "truncnorm",
    "norm",
    "lognorm",
    "gamma",
    "expon",
)
"""Names accepted as ``dist`` by :func:`make_prior` (scipy.stats names,
except ``triangular`` for ``scipy.stats.triang``)."""

_MAX_DIGITS = 1000  # digits in one numeric literal
_MAX_EXPONENT = 1000  # |e| in a literal such as 1e-3
_MAX_BITS = 16384  # size of a number built with **
_MAX_POWER = 64  # |n| in x ** n
_MAX_DEPTH = 100  # nesting of the syntax tree
_MAX_EXTREMA = 16  # arguments of one Min or Max, after sympy flattens nested calls


# ---------------------------------------------------------------------------
# Exact numbers
# ---------------------------------------------------------------------------

_NUMBER = re.compile(
    r"""
    (?P<sign>[+-]?)
    (?:
        (?P<num>\d+)\s*/\s*(?P<den>\d+)                           # p/q
      | (?P<int>\d*)(?:\.(?P<frac>\d*))?(?:[eE](?P<exp>[+-]?\d+))?  # decimal
    )
    """,
    re.VERBOSE,
)


def _exact(text: str) -> sympy.Rational:
    """Read an exact rational from ``text``; raise ValueError saying why not."""
    match = _NUMBER.fullmatch(text)
    if match is None or not (match["num"] or match["int"] or match["frac"]):
        raise ValueError(
            f"{_shorten(text)!r} is not an exact number; write an integer, a fraction "
            "such as '1/2' or a decimal such as '0.25'"
        )
    sign = -1 if match["sign"] == "-" else 1
    if match["num"] is not None:
        _check_digits(text, match["num"] + match["den"])
        if int(match["den"]) == 0:
            raise ValueError(f"{text!r} divides by zero")
        return sympy.Rational(sign * int(match["num"]), int(match["den"]))
    whole, frac, exponent = match["int"] or "", match["frac"] or "", match["exp"] or "0"
    _check_digits(text, whole + frac)
    if len(exponent.lstrip("+-")) > 4 or abs(int(exponent)) > _MAX_EXPONENT:
        raise ValueError(f"the exponent of {_shorten(text)!r} exceeds {_MAX_EXPONENT}")
    value = Fraction(int(whole + frac or "0"), 10 ** len(frac)) * Fraction(10) ** int(exponent)
    return sympy.Rational(sign * value.numerator, value.denominator)


def _check_digits(text: str, digits: str) -> None:
    if len(digits) > _MAX_DIGITS:
        raise ValueError(
            f"number {_shorten(text)!r} has {len(digits)} digits (limit {_MAX_DIGITS})"
        )


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def parse_number(text: str) -> sympy.Rational:
    """Read an exact rational number from text.

    Parameters
    ----------
    text : str
        An optionally signed integer (``"3"``), fraction (``"-2/5"``) or decimal
        (``"0.1"``, ``"1e-3"``); surrounding whitespace is ignored.

    Returns
    -------
    sympy.Rational
        The exact value; decimals are read from their digits, never through a
        float.

    Raises
    ------
    ParseError
        If ``text`` is anything else (including ``"nan"``, ``"inf"``, hex
        literals and digit separators), has more than 1000 digits or divides
        by zero.

    See Also
    --------
    to_rational : converts numbers of any supported type.

    Examples
    --------
    >>> parse_number("0.1")
    1/10
    >>> parse_number("-2/5")
    -2/5
    >>> parse_number("1e-3")
    1/1000
    >>> parse_number("pi")
    Traceback (most recent call last):
    ...
    gametheory.errors.ParseError: 'pi' is not an exact number; ... (column 1)
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_number expects a string; got {type(text).__name__}")
    stripped = text.strip()
    column = len(text) - len(text.lstrip()) + 1
    try:
        return _exact(stripped)
    except ValueError as exc:
        raise ParseError(str(exc), token=stripped, column=column) from None


def to_rational(value: RationalLike) -> sympy.Rational:
    """Convert a number to an exact :class:`sympy.Rational`.

    Parameters
    ----------
    value : int, str, fractions.Fraction, float, decimal.Decimal or sympy.Rational
        Strings go through :func:`parse_number`.  Floats are read through
        their shortest ``repr``, so ``0.1`` becomes 1/10, not the binary
        value 3602879701896397/36028797018963968.

    Returns
    -------
    sympy.Rational

    Raises
    ------
    InvalidGameError
        If ``value`` is NaN, infinite or a sympy number that is not rational.
    ParseError
        If ``value`` is a string that :func:`parse_number` rejects.
    TypeError
        If ``value`` is of another type (``bool`` included).

    Examples
    --------
    >>> to_rational(0.1)
    1/10
    >>> from fractions import Fraction
    >>> to_rational(Fraction(3, 4)), to_rational("2/3"), to_rational(5)
    (3/4, 2/3, 5)
    >>> to_rational(float("nan"))
    Traceback (most recent call last):
    ...
    gametheory.errors.InvalidGameError: nan is not a finite number
    """
    if isinstance(value, bool):
        raise TypeError(f"expected a number; got the bool {value}")
    if isinstance(value, sympy.Rational):
        return value
    if isinstance(value, sympy.Basic):
        raise InvalidGameError(f"{value} is not an exact rational number")
    if isinstance(value, str):
        return parse_number(value)
    if isinstance(value, numbers.Rational):  # int, Fraction, numpy integers
        return sympy.Rational(int(value.numerator), int(value.denominator))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidGameError(f"{value} is not a finite number")
        exact = Fraction(value)
    elif isinstance(value, numbers.Real):  # float, numpy floats
        number = float(value)
        if not math.isfinite(number):
            raise InvalidGameError(f"{value} is not a finite number")
        exact = Fraction(repr(number))  # the shortest decimal that round-trips
    else:
        raise TypeError(f"expected a number; got {value!r} of type {type(value).__name__}")
    return sympy.Rational(exact.numerator, exact.denominator)


# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def _check_name(name: object) -> str:
    """Return ``name`` if it can be a parameter; raise InvalidGameError if not."""
    if not isinstance(name, str):
        raise InvalidGameError(f"a parameter name must be a string; got {name!r}")
    if not _NAME.fullmatch(name):
        raise InvalidGameError(
            f"invalid parameter name {name!r}: use ASCII letters, digits and '_', "
            "starting with a letter"
        )
    if keyword.iskeyword(name) or name in _FUNCTIONS:
        raise InvalidGameError(f"invalid parameter name {name!r}: it is a reserved word")
    return name


def _assumptions(
    lower: sympy.Rational | None,
    upper: sympy.Rational | None,
    *,
    lower_open: bool,
    upper_open: bool,
) -> dict[str, bool]:
    """Sympy assumptions implied by the bounds, in a fixed order."""
    assumptions = {"real": True}
    if lower is not None and lower >= 0:
        assumptions["nonnegative"] = True
        if lower > 0 or lower_open:
            assumptions["positive"] = True
    if upper is not None and upper <= 0:
        assumptions["nonpositive"] = True
        if upper < 0 or upper_open:
            assumptions["negative"] = True
    return assumptions


# ---------------------------------------------------------------------------
# Priors
# ---------------------------------------------------------------------------

_SHAPES: dict[str, tuple[str, ...]] = {
    "uniform": (),
    "beta": ("a", "b"),
    "triangular": ("c",),
    "truncnorm": ("a", "b"),
    "norm": (),
    "lognorm": ("s",),
    "gamma": ("a",),
    "expon": (),
}
_SCIPY_NAMES = {"triangular": "triang"}
_ON_BOUNDS = frozenset({"uniform", "beta", "triangular"})  # loc, scale from the bounds
_FROM_LOWER = frozenset({"lognorm", "gamma", "expon"})  # loc from the lower bound


def make_prior(
    spec: Mapping[str, Any],
    bounds: tuple[RationalLike | None, RationalLike | None] = (None, None),
) -> Any:
    """Build a frozen scipy.stats distribution from a whitelisted specification.

    Parameters
    ----------
    spec : mapping
        ``{"dist": NAME, ...}`` where NAME is one of :data:`PRIOR_DISTRIBUTIONS`
        and the other keys are that distribution's scipy.stats parameters
        (shapes, ``loc``, ``scale``), given as numbers or number strings.
    bounds : pair of numbers or None
        The parameter's bounds (``None`` for unbounded).  They fill in missing
        parameters: ``uniform``, ``beta`` and ``triangular`` default to
        ``loc=lower, scale=upper-lower`` (so ``beta`` is scaled to the
        bounds); ``truncnorm`` needs ``loc`` and ``scale`` (of the underlying
        normal) and is truncated to the bounds unless ``a``/``b`` are given;
        ``lognorm``, ``gamma`` and ``expon`` default to ``loc=lower``.

    Returns
    -------
    scipy.stats frozen distribution
        Its support lies within the bounds.

    Raises
    ------
    InvalidGameError
        For an unknown distribution or key, a missing shape parameter,
        invalid parameter values, or a support reaching outside the bounds
        (such as ``norm`` for a bounded parameter: use ``truncnorm``).

    Examples
    --------
    >>> prior = make_prior({"dist": "beta", "a": 2, "b": 2}, bounds=(0, "1/2"))
    >>> [float(x) for x in prior.support()]
    [0.0, 0.5]
    >>> float(make_prior({"dist": "uniform"}, bounds=(1, 3)).mean())
    2.0
    >>> make_prior({"dist": "cauchy"})
    Traceback (most recent call last):
    ...
    gametheory.errors.InvalidGameError: prior: unknown distribution 'cauchy'; allowed: ...
    """
    from scipy import stats  # imported here: scipy.stats is slow to import

    if not isinstance(spec, Mapping):
        raise InvalidGameError(f"prior: expected a table such as {{dist = 'beta'}}; got {spec!r}")
    params = dict(spec)
    name = params.pop("dist", None)
    if name not in _SHAPES:
        raise InvalidGameError(
            f"prior: unknown distribution {name!r}; allowed: {', '.join(PRIOR_DISTRIBUTIONS)}"
        )
    allowed = (*_SHAPES[name], "loc", "scale")
    for key in params:
        if key not in allowed:
            raise InvalidGameError(
                f"prior {name!r}: unknown parameter {key!r}; allowed: {', '.join(allowed)}"
            )
    lower, upper = (None if b is None else to_rational(b) for b in bounds)
    values = {key: _prior_number(name, key, value) for key, value in params.items()}
    values.update(_prior_defaults(name, values, lower, upper))
    missing = [shape for shape in _SHAPES[name] if shape not in values]
    if missing:
        raise InvalidGameError(f"prior {name!r}: missing parameter {missing[0]!r}")
    if values.get("scale", 1.0) <= 0:
        raise InvalidGameError(f"prior {name!r}: scale must be positive; got {values['scale']}")
    frozen = getattr(stats, _SCIPY_NAMES.get(name, name))(**values)
    _check_support(f"prior {name!r}", frozen, lower, upper)
    return frozen


def _prior_number(name: str, key: str, value: Any) -> float:
    try:
        return float(to_rational(value))
    except (TypeError, ValueError) as exc:
        raise InvalidGameError(f"prior {name!r}: parameter {key!r}: {exc}") from None


def _prior_defaults(
    name: str,
    values: Mapping[str, float],
    lower: sympy.Rational | None,
    upper: sympy.Rational | None,
) -> dict[str, float]:
    """The loc/scale (and truncnorm a/b) that ``name`` takes from the bounds."""
    if name in _ON_BOUNDS and not {"loc", "scale"} <= values.keys():
        if lower is None or upper is None:
            raise InvalidGameError(
                f"prior {name!r}: needs finite bounds or explicit 'loc' and 'scale'"
            )
        loc = values.get("loc", float(lower))
        scale = float(upper - lower) if "loc" not in values else float(upper) - loc
        return {"loc": loc, "scale": values.get("scale", scale)}
    if name == "truncnorm":
        if not {"loc", "scale"} <= values.keys():
            raise InvalidGameError("prior 'truncnorm': needs 'loc' and 'scale'")
        loc, scale = values["loc"], values["scale"]
        return {
            "a": values.get("a", -math.inf if lower is None else (float(lower) - loc) / scale),
            "b": values.get("b", math.inf if upper is None else (float(upper) - loc) / scale),
        }
    if name in _FROM_LOWER and "loc" not in values and lower is not None:
        return {"loc": float(lower)}
    return {}


def _check_support(
    what: str, prior: Any, lower: sympy.Rational | None, upper: sympy.Rational | None
) -> None:
    try:
        low, high = (float(x) for x in prior.support())
    except (AttributeError, TypeError, ValueError):
        raise InvalidGameError(f"{what}: not a scipy.stats frozen distribution") from None
    if math.isnan(low) or math.isnan(high):
        raise InvalidGameError(f"{what}: invalid parameters {prior.kwds or prior.args}")
    if lower is not None and _exceeds(float(lower), low):
        raise InvalidGameError(f"{what}: support ({low}, {high}) reaches below the bound {lower}")
    if upper is not None and _exceeds(high, float(upper)):
        raise InvalidGameError(f"{what}: support ({low}, {high}) reaches above the bound {upper}")


def _exceeds(a: float, b: float) -> bool:
    """``b < a`` beyond rounding: loc + scale carries float rounding error."""
    return b < a and not math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)


# ---------------------------------------------------------------------------
# Parameter
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Parameter:
    """A declared parameter: name, bounds, default, unit, description and prior.

    Parameters
    ----------
    name : str
        ASCII letters, digits and ``_``, starting with a letter; not a Python
        keyword nor a function of the expression language (``Min``, ...).
    lower, upper : number or None
        Bounds, converted by :func:`to_rational`; ``None`` is unbounded.
    lower_open, upper_open : bool, keyword-only
        Whether a finite bound is strict (``delta`` in (0, 1)).
    default : number or None, keyword-only
        An illustrative value within the bounds.
    unit, description : str, keyword-only
    prior : scipy.stats frozen distribution, mapping or None, keyword-only
        A mapping is passed to :func:`make_prior` with the bounds.  Priors are
        not compared by ``==``.

    Attributes
    ----------
    symbol : sympy.Symbol
        The parameter's symbol, with assumptions from the bounds.
    interval : sympy.Interval
        The bounds as a sympy set.

    Raises
    ------
    InvalidGameError
        For an invalid name, a number that is not finite and exact, an empty
        interval, a default outside the bounds or an invalid prior.

    Examples
    --------
    >>> p = Parameter("p", 0, 1, default="1/2", unit="probability")
    >>> p.default, p.symbol.is_nonnegative, p.contains(0.25)
    (1/2, True, True)
    >>> str(Parameter("delta", 0, 1, lower_open=True, upper_open=True))
    'delta in (0, 1)'
    >>> Parameter("p", 0, 1, default=2)
    Traceback (most recent call last):
    ...
    gametheory.errors.InvalidGameError: parameter 'p': default 2 is outside [0, 1]: ...
    """

    name: str
    lower: sympy.Rational | None = None
    upper: sympy.Rational | None = None
    _: KW_ONLY
    lower_open: bool = False
    upper_open: bool = False
    default: sympy.Rational | None = None
    unit: str = ""
    description: str = ""
    prior: Any = field(default=None, compare=False)

    def __post_init__(self) -> None:
        _check_name(self.name)
        for attribute in ("lower", "upper", "default"):
            value = getattr(self, attribute)
            if value is not None:
                object.__setattr__(self, attribute, self._number(attribute, value))
        self._check_flags()
        self._check_interval()
        if self.default is not None and (reason := self._violation(self.default)):
            self._fail(f"default {self.default} is outside {self._interval_text()}: {reason}")
        if self.prior is not None:
            object.__setattr__(self, "prior", self._make_prior(self.prior))

    def _fail(self, message: str) -> NoReturn:
        raise InvalidGameError(f"parameter {self.name!r}: {message}")

    def _number(self, attribute: str, value: Any) -> sympy.Rational:
        try:
            return to_rational(value)
        except (TypeError, ValueError) as exc:
            raise InvalidGameError(f"parameter {self.name!r}: {attribute}: {exc}") from None

    def _check_flags(self) -> None:
        for attribute in ("lower_open", "upper_open"):
            if not isinstance(getattr(self, attribute), bool):
                self._fail(f"{attribute} must be True or False")
        for attribute in ("unit", "description"):
            if not isinstance(getattr(self, attribute), str):
                self._fail(f"{attribute} must be a string")
        if self.lower_open and self.lower is None:
            self._fail("lower_open=True needs a finite lower bound")
        if self.upper_open and self.upper is None:
            self._fail("upper_open=True needs a finite upper bound")

    def _check_interval(self) -> None:
        if self.lower is None or self.upper is None:
            return
        if self.lower > self.upper:
            self._fail(f"lower bound {self.lower} exceeds upper bound {self.upper}")
        if self.lower == self.upper and (self.lower_open or self.upper_open):
            self._fail(f"the interval {self._interval_text()} is empty")

    def _make_prior(self, prior: Any) -> Any:
        if isinstance(prior, Mapping):
            try:
                return make_prior(prior, (self.lower, self.upper))
            except InvalidGameError as exc:
                raise InvalidGameError(f"parameter {self.name!r}: {exc}") from None
        _check_support(f"parameter {self.name!r}: prior", prior, self.lower, self.upper)
        return prior

    def _violation(self, value: sympy.Rational) -> str | None:
        """Why ``value`` is outside the bounds, or None if it is inside."""
        if self.lower is not None:
            if value < self.lower:
                return f"below the lower bound {self.lower}"
            if self.lower_open and value == self.lower:
                return f"equal to the open lower bound {self.lower}"
        if self.upper is not None:
            if value > self.upper:
                return f"above the upper bound {self.upper}"
            if self.upper_open and value == self.upper:
                return f"equal to the open upper bound {self.upper}"
        return None

    def _interval_text(self) -> str:
        left = "(" if self.lower is None or self.lower_open else "["
        right = ")" if self.upper is None or self.upper_open else "]"
        low = "-oo" if self.lower is None else str(self.lower)
        high = "oo" if self.upper is None else str(self.upper)
        return f"{left}{low}, {high}{right}"

    def __str__(self) -> str:
        return f"{self.name} in {self._interval_text()}"

    @property
    def symbol(self) -> sympy.Symbol:
        """The sympy symbol: ``real``, plus sign assumptions implied by the bounds.

        Equal names and bounds give the same (cached) symbol object.

        Examples
        --------
        >>> Parameter("c", 0, lower_open=True).symbol.is_positive
        True
        >>> Parameter("c", 0).symbol is Parameter("c", 0, 5).symbol
        True
        """
        return sympy.Symbol(
            self.name,
            **_assumptions(
                self.lower, self.upper, lower_open=self.lower_open, upper_open=self.upper_open
            ),
        )

    @property
    def interval(self) -> sympy.Set:
        """The bounds as a :class:`sympy.Interval` (a point if lower == upper).

        Examples
        --------
        >>> Parameter("c", 0).interval
        Interval(0, oo)
        """
        return sympy.Interval(
            sympy.S.NegativeInfinity if self.lower is None else self.lower,
            sympy.S.Infinity if self.upper is None else self.upper,
            left_open=self.lower_open,
            right_open=self.upper_open,
        )

    def contains(self, value: RationalLike) -> bool:
        """Whether ``value`` lies within the bounds (respecting open ends).

        Raises
        ------
        InvalidGameError, ParseError, TypeError
            If ``value`` is not a finite number (see :func:`to_rational`).

        Examples
        --------
        >>> delta = Parameter("delta", 0, 1, lower_open=True, upper_open=True)
        >>> delta.contains("9/10"), delta.contains(1)
        (True, False)
        """
        return self._violation(to_rational(value)) is None


# ---------------------------------------------------------------------------
# ParameterSpace
# ---------------------------------------------------------------------------

_TABLE_KEYS = ("bounds", "lower_open", "upper_open", "default", "unit", "description", "prior")
_INFINITE_BOUNDS = ({None, "-inf", "-oo"}, {None, "inf", "+inf", "oo", "+oo"})


class ParameterSpace(Mapping[str, Parameter]):
    """An immutable, ordered collection of parameters with distinct names.

    A read-only mapping from names to :class:`Parameter` objects; iteration
    yields names in declaration order.

    Parameters
    ----------
    parameters : iterable of Parameter

    Raises
    ------
    InvalidGameError
        If two parameters share a name.
    TypeError
        If an item is not a :class:`Parameter`.

    See Also
    --------
    ParameterSpace.from_dict : build from ``[parameters.NAME]`` TOML tables.

    Examples
    --------
    >>> space = ParameterSpace([Parameter("p", 0, 1, default="1/2"),
    ...                         Parameter("e_R", 0, default=1)])
    >>> list(space), len(space), "p" in space
    (['p', 'e_R'], 2, True)
    >>> space["q"]
    Traceback (most recent call last):
    ...
    gametheory.errors.UnknownParameterError: unknown parameter 'q'; declared: p, e_R
    """

    __slots__ = ("_parameters",)

    def __init__(self, parameters: Iterable[Parameter] = ()) -> None:
        table: dict[str, Parameter] = {}
        for parameter in parameters:
            if not isinstance(parameter, Parameter):
                raise TypeError(f"expected Parameter objects; got {parameter!r}")
            if parameter.name in table:
                raise InvalidGameError(f"duplicate parameter name {parameter.name!r}")
            table[parameter.name] = parameter
        self._parameters = table

    @classmethod
    def from_dict(cls, data: Mapping[str, Mapping[str, Any]]) -> ParameterSpace:
        """Build a space from ``{name: table}``, the ``[parameters.NAME]`` TOML tables.

        Parameters
        ----------
        data : mapping
            Each table may have the keys ``bounds`` (a pair; ``"-inf"``,
            ``"inf"`` or ``None`` for an unbounded end), ``lower_open``,
            ``upper_open``, ``default``, ``unit``, ``description`` and
            ``prior`` (a :func:`make_prior` specification).  Numbers may be
            strings such as ``"1/2"``.

        Raises
        ------
        InvalidGameError
            For an unknown key (the message names it and the parameter) or
            any invalid value.

        Examples
        --------
        >>> space = ParameterSpace.from_dict({
        ...     "p": {"bounds": ["0", "1"], "default": "1/2", "unit": "probability",
        ...           "prior": {"dist": "beta", "a": 2, "b": 2}},
        ...     "c_R": {"bounds": ["0", "inf"], "default": "3/10"},
        ... })
        >>> space["c_R"]
        Parameter(name='c_R', lower=0, upper=None, ...)
        >>> ParameterSpace.from_dict({"p": {"bound": [0, 1]}})
        Traceback (most recent call last):
        ...
        gametheory.errors.InvalidGameError: parameter 'p': unknown key 'bound'; ...
        """
        if not isinstance(data, Mapping):
            raise InvalidGameError(f"parameters: expected a table of tables; got {data!r}")
        return cls(_parameter_from_table(name, table) for name, table in data.items())

    # -- mapping protocol ---------------------------------------------------

    def __getitem__(self, name: str) -> Parameter:
        try:
            return self._parameters[name]
        except (KeyError, TypeError):
            raise UnknownParameterError(self._unknown(name)) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._parameters)

    def __len__(self) -> int:
        return len(self._parameters)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self._parameters

    def get(self, name: str, default: Any = None) -> Any:
        """The parameter called ``name``, or ``default`` if there is none."""
        return self._parameters.get(name, default)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ParameterSpace):
            return NotImplemented
        return tuple(self.values()) == tuple(other.values())

    def __hash__(self) -> int:
        return hash(tuple(self.values()))

    def __repr__(self) -> str:
        inner = ", ".join(str(p) for p in self.values())
        return f"<ParameterSpace: {inner}>" if inner else "<ParameterSpace: empty>"

    def _unknown(self, name: object) -> str:
        declared = ", ".join(self._parameters) or "(none)"
        return f"unknown parameter {name!r}; declared: {declared}"

    # -- views --------------------------------------------------------------

    @property
    def names(self) -> tuple[str, ...]:
        """Parameter names in declaration order."""
        return tuple(self._parameters)

    @property
    def symbols(self) -> dict[str, sympy.Symbol]:
        """A new dict from names to symbols, in declaration order."""
        return {name: parameter.symbol for name, parameter in self._parameters.items()}

    def symbol(self, name: str) -> sympy.Symbol:
        """The symbol of parameter ``name``.

        Examples
        --------
        >>> ParameterSpace([Parameter("c_R", 0)]).symbol("c_R").is_nonnegative
        True
        """
        return self[name].symbol

    def defaults(self) -> dict[str, sympy.Rational]:
        """Default values by name.

        Raises
        ------
        InvalidGameError
            If some parameter has no default (all such names are listed).
        """
        missing = [name for name, p in self._parameters.items() if p.default is None]
        if missing:
            raise InvalidGameError(f"parameters without a default: {', '.join(missing)}")
        return {name: p.default for name, p in self._parameters.items()}

    def assumptions(self) -> list[sympy.core.relational.Relational]:
        """The bounds as unevaluated sympy relationals, lower before upper.

        Examples
        --------
        >>> ParameterSpace([Parameter("p", 0, 1), Parameter("d", 0, lower_open=True)]).assumptions()
        [p >= 0, p <= 1, d > 0]
        """
        relations = []
        for parameter in self._parameters.values():
            symbol = parameter.symbol
            if parameter.lower is not None:
                relation = sympy.Gt if parameter.lower_open else sympy.Ge
                relations.append(relation(symbol, parameter.lower, evaluate=False))
            if parameter.upper is not None:
                relation = sympy.Lt if parameter.upper_open else sympy.Le
                relations.append(relation(symbol, parameter.upper, evaluate=False))
        return relations

    def validate_values(self, values: Mapping[str, RationalLike]) -> dict[str, sympy.Rational]:
        """Check that names are declared and values lie within the bounds.

        Parameters
        ----------
        values : mapping
            Values for some or all parameters.

        Returns
        -------
        dict
            The values as exact rationals, in the order given.

        Raises
        ------
        UnknownParameterError
            For an undeclared name.
        InvalidGameError
            For a value that is not a finite number or lies outside the bounds
            (the message names the parameter and the bound).

        Examples
        --------
        >>> space = ParameterSpace([Parameter("p", 0, 1)])
        >>> space.validate_values({"p": 0.5})
        {'p': 1/2}
        >>> space.validate_values({"p": "3/2"})
        Traceback (most recent call last):
        ...
        gametheory.errors.InvalidGameError: parameter 'p' = 3/2 is outside [0, 1]: above ...
        """
        checked = {}
        for name, value in values.items():
            parameter = self[name]
            exact = parameter._number("value", value)
            reason = parameter._violation(exact)
            if reason is not None:
                raise InvalidGameError(
                    f"parameter {name!r} = {exact} is outside {parameter._interval_text()}: "
                    f"{reason}"
                )
            checked[name] = exact
        return checked

    def parse(self, text: str) -> sympy.Expr | Boolean:
        """``parse_expression(text, self)``; see :func:`parse_expression`.

        Examples
        --------
        >>> ParameterSpace([Parameter("p", 0, 1)]).parse("Min(p, 1/2)")
        Min(1/2, p)
        """
        return parse_expression(text, self)


def _parameter_from_table(name: str, table: Any) -> Parameter:
    if not isinstance(table, Mapping):
        raise InvalidGameError(f"parameter {name!r}: expected a table; got {table!r}")
    for key in table:
        if key not in _TABLE_KEYS:
            raise InvalidGameError(
                f"parameter {name!r}: unknown key {key!r}; allowed keys: {', '.join(_TABLE_KEYS)}"
            )
    options = {key: value for key, value in table.items() if key != "bounds"}
    lower, upper = _bounds(name, table.get("bounds", (None, None)))
    return Parameter(name, lower, upper, **options)


def _bounds(name: str, bounds: Any) -> tuple[Any, Any]:
    if isinstance(bounds, str | bytes) or not isinstance(bounds, Iterable):
        raise InvalidGameError(f"parameter {name!r}: bounds must be a pair; got {bounds!r}")
    pair = tuple(bounds)
    if len(pair) != 2:
        raise InvalidGameError(f"parameter {name!r}: bounds must be a pair; got {bounds!r}")
    lower, upper = (
        None if _is_infinite(bound, infinite) else bound
        for bound, infinite in zip(pair, _INFINITE_BOUNDS, strict=True)
    )
    return lower, upper


def _is_infinite(bound: Any, spellings: set[Any]) -> bool:
    return bound is None or (isinstance(bound, str) and bound.strip().lower() in spellings)


# ---------------------------------------------------------------------------
# The safe parser
# ---------------------------------------------------------------------------

_SymbolTable: TypeAlias = ParameterSpace | Mapping[str, sympy.Expr] | Iterable[str]

_RELATIONS: dict[type[ast.cmpop], Callable[[Any, Any], Boolean]] = {
    ast.Lt: sympy.Lt,
    ast.LtE: sympy.Le,
    ast.Gt: sympy.Gt,
    ast.GtE: sympy.Ge,
}
_COMPARISON_TOKENS = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.In: "in",
    ast.NotIn: "not in",
}
_OPERATOR_TOKENS = {
    ast.FloorDiv: ("//", "; use / (division is exact)"),
    ast.Mod: ("%", ""),
    ast.MatMult: ("@", ""),
    ast.LShift: ("<<", ""),
    ast.RShift: (">>", ""),
    ast.BitOr: ("|", "; use Or(...) in conditions"),
    ast.BitAnd: ("&", "; use And(...) in conditions"),
    ast.BitXor: ("^", "; use ** for powers"),
}
_ADDITIVE = (ast.Add, ast.Sub)
_MULTIPLICATIVE = (ast.Mult, ast.Div)
# Node types outside the whitelist: what they are, and a hint.
_FORBIDDEN: dict[type[ast.AST], tuple[str, str]] = {
    ast.Attribute: ("attribute access", ""),
    ast.Subscript: ("subscript", ""),
    ast.Lambda: ("lambda expression", ""),
    ast.IfExp: ("conditional expression", "; use Piecewise((a, condition), (b, True))"),
    ast.NamedExpr: ("assignment expression", ""),
    ast.BoolOp: ("boolean keyword", "; use And(...) or Or(...)"),
    ast.JoinedStr: ("f-string", ""),
    ast.Tuple: ("tuple", "; tuples are only allowed as Piecewise branches"),
    ast.Starred: ("starred expression", ""),
}


_Located: TypeAlias = ast.expr | ast.keyword  # nodes with source positions


@dataclass(frozen=True)
class _Function:
    """A callable of the expression language: arity, argument kind, builder."""

    min_args: int
    max_args: int | None
    kind: str  # "value", "condition" or "branch"
    build: Callable[..., Any]


def _extremum(function: type[sympy.Min] | type[sympy.Max]) -> Callable[..., sympy.Expr]:
    """``function`` (Min or Max), refusing calls that sympy would make slow."""

    def build(*arguments: sympy.Expr) -> sympy.Expr:
        count = sum(len(a.args) if isinstance(a, function) else 1 for a in arguments)
        if count > _MAX_EXTREMA:
            raise ValueError(f"more than {_MAX_EXTREMA} arguments (nested calls included)")
        return function(*arguments)

    return build


def _sqrt(argument: sympy.Expr) -> sympy.Expr:
    if argument.is_negative:
        raise ValueError("the square root of a negative number is not real")
    return sympy.sqrt(argument)


def _piecewise(*branches: tuple[sympy.Expr, Boolean]) -> sympy.Expr:
    result = sympy.Piecewise(*branches)
    if result is sympy.S.NaN:
        raise ValueError("no condition can hold")
    return result


_FUNCTIONS: dict[str, _Function] = {
    "Min": _Function(2, None, "value", _extremum(sympy.Min)),
    "Max": _Function(2, None, "value", _extremum(sympy.Max)),
    "Abs": _Function(1, 1, "value", sympy.Abs),
    "sqrt": _Function(1, 1, "value", _sqrt),
    "And": _Function(2, None, "condition", sympy.And),
    "Or": _Function(2, None, "condition", sympy.Or),
    "Piecewise": _Function(1, None, "branch", _piecewise),
}


def _is_condition(node: ast.expr) -> bool:
    """Whether ``node`` is syntactically a condition rather than a number."""
    if isinstance(node, ast.Compare):
        return True
    if isinstance(node, ast.Constant):
        return isinstance(node.value, bool)
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("And", "Or")
    )


def _spine(node: ast.expr, ops: tuple[type[ast.operator], ...]) -> tuple[ast.expr, list[ast.BinOp]]:
    """Split a left-nested chain ``a op b op c`` into ``a`` and its links, in order.

    Walking the chain in a loop keeps long sums from counting as deep nesting.
    """
    links = []
    while isinstance(node, ast.BinOp) and isinstance(node.op, ops):
        links.append(node)
        node = node.left
    links.reverse()
    return node, links


class _Parser:
    """Build sympy objects from the whitelisted syntax tree of one expression."""

    def __init__(self, text: str, symbols: Mapping[str, sympy.Expr], max_length: int) -> None:
        self.text = text
        self.symbols = symbols
        self.max_length = max_length
        self.depth = 0
        body = text.lstrip()
        self.shift = len(text) - len(body)  # ast positions are relative to ``body``
        self.body = body
        self.line_starts = [0]
        for line in body.splitlines(keepends=True):
            self.line_starts.append(self.line_starts[-1] + len(line))

    # -- positions and errors ----------------------------------------------

    def offset(self, lineno: int, col: int) -> int:
        return self.shift + self.line_starts[lineno - 1] + col

    def start(self, node: _Located) -> int:
        return self.offset(node.lineno, node.col_offset)

    def end(self, node: _Located) -> int:
        if node.end_lineno is None or node.end_col_offset is None:  # not from ast.parse
            return self.start(node)
        return self.offset(node.end_lineno, node.end_col_offset)

    def segment(self, node: _Located) -> str:
        return self.text[self.start(node) : self.end(node)]

    def find(self, pattern: str, start: int, stop: int) -> int:
        """Offset of ``pattern`` in ``text[start:stop]`` (``start`` if absent)."""
        match = re.compile(pattern).search(self.text, start, stop)
        return match.start() if match else start

    def between(self, left: _Located, right: _Located, pattern: str) -> int:
        return self.find(pattern, self.end(left), self.start(right))

    def error(self, message: str, token: str | None, offset: int | None) -> ParseError:
        column = None if offset is None else offset + 1
        return ParseError(message, token=token, column=column)

    def node_error(self, message: str, node: _Located) -> ParseError:
        token = _shorten(self.segment(node))
        return self.error(message.format(token=token), token, self.start(node))

    # -- entry points ---------------------------------------------------------

    def parse(self, kind: str) -> Any:
        self.check_text()
        tree = self.syntax_tree()
        result = self.condition(tree.body) if kind == "condition" else self.visit(tree.body)
        if isinstance(result, sympy.Basic) and result.has(
            sympy.S.NaN, sympy.S.ComplexInfinity, sympy.S.ImaginaryUnit
        ):
            raise self.error(f"expression {_shorten(self.text)!r} is undefined", None, None)
        return result

    def check_text(self) -> None:
        if len(self.text) > self.max_length:
            raise self.error(
                f"expression is too long: {len(self.text)} characters (limit {self.max_length})",
                None,
                self.max_length,
            )
        if not self.body.strip():
            raise self.error("expression is empty", None, None)
        for offset, char in enumerate(self.text):
            if char == "#" or not (char.isascii() and (char.isprintable() or char in "\t\n\r")):
                raise self.error(f"character {char!r} is not allowed", char, offset)

    def syntax_tree(self) -> ast.Expression:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return ast.parse(self.body, mode="eval")
        except SyntaxError as exc:
            if exc.lineno is None or exc.offset is None:
                raise self.error(f"invalid syntax: {exc.msg}", None, None) from None
            offset = len(self.text)  # Python reports offset 0 at the end of the input
            if exc.offset > 0 and exc.lineno <= len(self.line_starts):
                offset = min(self.offset(exc.lineno, exc.offset - 1), offset)
            token = self.text[offset] if offset < len(self.text) else None
            where = f"near {token!r}" if token else "at the end of the expression"
            raise self.error(f"invalid syntax {where}: {exc.msg}", token, offset) from None
        except (RecursionError, MemoryError, ValueError):
            raise self.error("expression is too complex to parse", None, None) from None

    # -- the walk ---------------------------------------------------------

    def visit(self, node: ast.expr) -> Any:
        self.depth += 1
        try:
            if self.depth > _MAX_DEPTH:
                raise self.node_error(
                    f"expression is nested more than {_MAX_DEPTH} levels deep at '{{token}}'",
                    node,
                )
            return _HANDLERS.get(type(node), _Parser.forbidden)(self, node)
        finally:
            self.depth -= 1

    def value(self, node: ast.expr) -> sympy.Expr:
        """Visit ``node``, which must be a number, not a condition."""
        if _is_condition(node) and not isinstance(node, ast.Constant):
            raise self.node_error("expected a number, got the condition '{token}'", node)
        return self.visit(node)

    def condition(self, node: ast.expr) -> Boolean:
        """Visit ``node``, which must be a comparison, And(...) or Or(...)."""
        if not _is_condition(node) or isinstance(node, ast.Constant):
            raise self.node_error(
                "expected a condition (<, <=, >, >=, And, Or), got '{token}'", node
            )
        return self.visit(node)

    # -- handlers (one per node type, see _HANDLERS) ------------------------

    def constant(self, node: ast.Constant) -> sympy.Rational:
        value = node.value
        if value is True:
            raise self.node_error("'True' is only allowed as the last Piecewise condition", node)
        if type(value) not in (int, float):
            kind = {str: "string", bytes: "bytes", complex: "complex number"}.get(
                type(value), "constant"
            )
            raise self.node_error(f"{kind} {{token}} is not allowed", node)
        text = self.segment(node)
        try:
            return _exact(text)
        except ValueError as exc:
            raise self.error(str(exc), text, self.start(node)) from None

    def name(self, node: ast.Name) -> sympy.Expr:
        if node.id in self.symbols:
            return self.symbols[node.id]
        raise self.error(self.unknown_name(node.id), node.id, self.start(node))

    def unknown_name(self, name: str) -> str:
        if name.startswith("_"):
            return f"names starting with '_' are not allowed: '{name}'"
        if name in _FUNCTIONS:
            return f"'{name}' is a function; call it, as in {name}(...)"
        declared = ", ".join(self.symbols) or "(none)"
        return f"unknown parameter '{name}'; declared: {declared}"

    def unary(self, node: ast.UnaryOp) -> sympy.Expr:
        if isinstance(node.op, ast.USub):
            return -self.value(node.operand)
        if isinstance(node.op, ast.UAdd):
            return self.value(node.operand)
        token, hint = (
            ("not", "; negate the comparison instead")
            if isinstance(node.op, ast.Not)
            else ("~", "")
        )
        raise self.error(f"operator '{token}' is not allowed{hint}", token, self.start(node))

    def binary(self, node: ast.BinOp) -> sympy.Expr:
        if isinstance(node.op, _ADDITIVE):
            return self.sum(node)
        if isinstance(node.op, _MULTIPLICATIVE):
            return self.product(node)
        if isinstance(node.op, ast.Pow):
            return self.power(node)
        token, hint = _OPERATOR_TOKENS[type(node.op)]
        offset = self.between(node.left, node.right, re.escape(token))
        raise self.error(f"operator '{token}' is not allowed{hint}", token, offset)

    def sum(self, node: ast.BinOp) -> sympy.Expr:
        first, links = _spine(node, _ADDITIVE)
        terms = [self.value(first)]
        for link in links:
            term = self.value(link.right)
            terms.append(-term if isinstance(link.op, ast.Sub) else term)
        return sympy.Add(*terms)

    def product(self, node: ast.BinOp) -> sympy.Expr:
        first, links = _spine(node, _MULTIPLICATIVE)
        result = self.value(first)
        for link in links:
            factor = self.value(link.right)
            if isinstance(link.op, ast.Mult):
                result = result * factor
            elif factor == 0:
                divisor = _shorten(self.segment(link.right))
                detail = "" if divisor == "0" else f" ('{divisor}' is 0)"
                offset = self.between(link.left, link.right, "/")
                raise self.error(f"'/' divides by zero{detail}", "/", offset)
            else:
                result = result / factor
        return result

    def power(self, node: ast.BinOp) -> sympy.Expr:
        base = self.value(node.left)
        exponent = self.exponent(node.right)
        if base == 0 and exponent < 0:
            offset = self.between(node.left, node.right, r"\*\*")
            raise self.error("'**' divides by zero: 0 to a negative power", "**", offset)
        if _bits(base) * abs(exponent) > _MAX_BITS:
            raise self.node_error(f"'{{token}}' is too large (more than {_MAX_BITS} bits)", node)
        result = base**exponent
        if _largest_exponent(result) > _MAX_BITS:
            raise self.node_error(f"'{{token}}' is too large (a power above {_MAX_BITS})", node)
        return result

    def exponent(self, node: ast.expr) -> int:
        """The value of an integer-literal exponent such as ``2`` or ``-1``."""
        sign, literal = 1, node
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
            sign, literal = (-1 if isinstance(node.op, ast.USub) else 1), node.operand
        if not (isinstance(literal, ast.Constant) and type(literal.value) is int):
            raise self.node_error(
                "exponent '{token}' is not an integer literal; '**' needs an integer "
                f"between -{_MAX_POWER} and {_MAX_POWER} (use sqrt(...) for square roots)",
                node,
            )
        value = sign * int(self.constant(literal))
        if abs(value) > _MAX_POWER:
            raise self.node_error(
                f"exponent '{{token}}' is out of range: |n| must be at most {_MAX_POWER}", node
            )
        return value

    def compare(self, node: ast.Compare) -> Boolean:
        operands = [node.left, *node.comparators]
        for op, (left, right) in zip(node.ops, pairwise(operands), strict=True):
            if type(op) not in _RELATIONS:
                token = _COMPARISON_TOKENS[type(op)]
                offset = self.between(left, right, re.escape(token.split()[0]))
                raise self.error(
                    f"comparison '{token}' is not allowed; use <, <=, > or >=", token, offset
                )
        values = [self.value(operand) for operand in operands]
        relations = [
            _RELATIONS[type(op)](a, b)
            for op, (a, b) in zip(node.ops, pairwise(values), strict=True)
        ]
        return relations[0] if len(relations) == 1 else sympy.And(*relations)

    def call(self, node: ast.Call) -> Any:
        name, function = self.function(node.func)
        if node.keywords:
            keyword_node = node.keywords[0]
            token = keyword_node.arg or "**"
            raise self.error(
                f"keyword argument '{token}' is not allowed in {name}(...)",
                token,
                self.start(keyword_node),
            )
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                raise self.error("starred argument '*' is not allowed", "*", self.start(arg))
        count = len(node.args)
        if count < function.min_args or (
            function.max_args is not None and count > function.max_args
        ):
            raise self.error(
                f"{name} takes {_arity(function)}; got {count}", name, self.start(node.func)
            )
        arguments = [self.argument(function.kind, arg, arg is node.args[-1]) for arg in node.args]
        try:
            return function.build(*arguments)
        except (TypeError, ValueError) as exc:
            raise self.error(f"{name}: {exc}", name, self.start(node.func)) from None

    def function(self, func: ast.expr) -> tuple[str, _Function]:
        if isinstance(func, ast.Name) and func.id in _FUNCTIONS:
            return func.id, _FUNCTIONS[func.id]
        if not isinstance(func, ast.Name):
            self.visit(func)  # raises for attributes and other forbidden nodes
            raise self.node_error("'{token}' cannot be called", func)
        if func.id in self.symbols:
            message = f"'{func.id}' is a parameter, not a function"
        elif func.id.startswith("_"):
            message = f"names starting with '_' are not allowed: '{func.id}'"
        else:
            message = (
                f"function '{func.id}' is not allowed; allowed functions: "
                f"{', '.join(sorted(_FUNCTIONS))}"
            )
        raise self.error(message, func.id, self.start(func))

    def argument(self, kind: str, node: ast.expr, last: bool) -> Any:
        if kind == "value":
            return self.value(node)
        if kind == "condition":
            return self.condition(node)
        return self.branch(node, last)

    def branch(self, node: ast.expr, last: bool) -> tuple[sympy.Expr, Boolean]:
        """One Piecewise argument ``(value, condition)``."""
        if not (isinstance(node, ast.Tuple) and len(node.elts) == 2):
            raise self.node_error(
                "Piecewise arguments must be pairs (value, condition); got '{token}'", node
            )
        value_node, condition_node = node.elts
        self.depth += 1  # the tuple is a level of nesting too
        try:
            value = self.value(value_node)
            if isinstance(condition_node, ast.Constant) and condition_node.value is True:
                if not last:
                    raise self.node_error(
                        "'True' is only allowed as the last Piecewise condition", condition_node
                    )
                return value, sympy.true
            return value, self.condition(condition_node)
        finally:
            self.depth -= 1

    def forbidden(self, node: ast.expr) -> Any:
        what, hint = _FORBIDDEN.get(type(node), (f"{type(node).__name__} expression", ""))
        token, offset = self.locate(node)
        raise self.error(f"{what} '{token}' is not allowed{hint}", token, offset)

    def locate(self, node: ast.expr) -> tuple[str, int]:
        """The token to blame for a forbidden node, and its offset."""
        match node:
            case ast.Attribute(attr=attr):
                offset = self.end(node) - len(attr)
                if self.text[offset - 1] == ".":
                    return f".{attr}", offset - 1
                return attr, offset
            case ast.Subscript(value=value):
                return "[", self.find(r"\[", self.end(value), self.end(node))
            case ast.IfExp(body=body, test=test):
                return "if", self.between(body, test, r"\bif\b")
            case ast.NamedExpr(target=target, value=value):
                return ":=", self.between(target, value, ":=")
            case ast.BoolOp(op=op, values=[first, second, *_]):
                word = "and" if isinstance(op, ast.And) else "or"
                return word, self.between(first, second, rf"\b{word}\b")
            case ast.Lambda():
                return "lambda", self.start(node)
        return _shorten(self.segment(node)), self.start(node)


_HANDLERS: dict[type[ast.AST], Callable[[_Parser, Any], Any]] = {
    ast.Constant: _Parser.constant,
    ast.Name: _Parser.name,
    ast.UnaryOp: _Parser.unary,
    ast.BinOp: _Parser.binary,
    ast.Compare: _Parser.compare,
    ast.Call: _Parser.call,
}


def _arity(function: _Function) -> str:
    if function.max_args is None:
        return f"at least {function.min_args} arguments"
    plural = "s" if function.max_args != 1 else ""
    return f"exactly {function.max_args} argument{plural}"


def _bits(expression: sympy.Expr) -> int:
    """Bit length of the largest numerator or denominator in ``expression``."""
    return max(
        (max(r.p.bit_length(), r.q.bit_length()) for r in expression.atoms(sympy.Rational)),
        default=1,
    )


def _largest_exponent(expression: sympy.Expr) -> int:
    """The largest ``|n|`` of an integer power ``x**n`` in ``expression``."""
    return max(
        (abs(int(power.exp)) for power in expression.atoms(sympy.Pow) if power.exp.is_Integer),
        default=0,
    )


def _symbol_table(space: _SymbolTable) -> Mapping[str, sympy.Expr]:
    if isinstance(space, ParameterSpace):
        return space.symbols
    if isinstance(space, str | bytes):
        raise TypeError("space must be a ParameterSpace, a mapping or names; got a string")
    if isinstance(space, Mapping):
        for name, value in space.items():
            _check_name(name)
            if not isinstance(value, sympy.Expr):
                raise TypeError(f"space[{name!r}] must be a sympy expression; got {value!r}")
        return space
    return {_check_name(name): sympy.Symbol(name, real=True) for name in space}


def parse_expression(
    text: str, space: _SymbolTable, *, max_length: int = MAX_EXPRESSION_LENGTH
) -> sympy.Expr | Boolean:
    """Parse a payoff or condition safely into a sympy object.

    The text is parsed by :func:`ast.parse` and only the whitelisted
    constructs in the module documentation become sympy objects; nothing is
    evaluated as Python.

    Parameters
    ----------
    text : str
        The expression, such as ``"-(1-p)*l_R - c_R"`` or ``"c_R < p*l_R"``.
    space : ParameterSpace, mapping or iterable of str
        The declared names.  A :class:`ParameterSpace` supplies its symbols
        (with assumptions); a mapping sends names to sympy symbols (or any
        sympy expressions, which are substituted); plain names become
        ``Symbol(name, real=True)``.
    max_length : int, keyword-only
        Longer text is refused before parsing.

    Returns
    -------
    sympy.Expr or sympy.logic.boolalg.Boolean
        An expression, or a Boolean if the text is a comparison, chained
        comparison, ``And(...)`` or ``Or(...)``.

    Raises
    ------
    ParseError
        For anything outside the whitelist.  The message names the offending
        token and its 1-based column; ``token`` and ``column`` are set too.

    See Also
    --------
    parse_condition : requires a condition.
    parse_number : parses a single number.

    Examples
    --------
    >>> parse_expression("-(1-p)*l_R - c_R", ["p", "l_R", "c_R"])
    -c_R + l_R*(p - 1)
    >>> parse_expression("0.1 * p**2", ["p"])
    p**2/10
    >>> parse_expression("Piecewise((p, p < 1/2), (1 - p, True))", ["p"])
    Piecewise((p, p < 1/2), (1 - p, True))
    >>> parse_expression("0 < p < 1", ["p"])
    (0 < p) & (p < 1)
    >>> parse_expression("p.__class__", ["p"])
    Traceback (most recent call last):
    ...
    gametheory.errors.ParseError: attribute access '.__class__' is not allowed (column 2)
    >>> parse_expression("exp(p)", ["p"])
    Traceback (most recent call last):
    ...
    gametheory.errors.ParseError: function 'exp' is not allowed; ... (column 1)
    """
    if not isinstance(text, str):
        raise TypeError(f"expected the expression as a string; got {type(text).__name__}")
    if not isinstance(max_length, int) or isinstance(max_length, bool) or max_length < 1:
        raise ValueError(f"max_length must be a positive integer; got {max_length!r}")
    return _Parser(text, _symbol_table(space), max_length).parse("any")


def parse_condition(
    text: str, space: _SymbolTable, *, max_length: int = MAX_EXPRESSION_LENGTH
) -> Boolean:
    """Parse a condition: a comparison, a chain of comparisons, ``And`` or ``Or``.

    Parameters and errors are those of :func:`parse_expression`; text that is
    a number rather than a condition is also a :class:`ParseError`.

    Examples
    --------
    >>> parse_condition("e_R > l_R", ["e_R", "l_R"])
    e_R > l_R
    >>> parse_condition("Or(p < 1/4, p >= 3/4)", ["p"])
    (p >= 3/4) | (p < 1/4)
    >>> parse_condition("p + 1", ["p"])
    Traceback (most recent call last):
    ...
    gametheory.errors.ParseError: expected a condition (...), got 'p + 1' (column 1)
    """
    if not isinstance(text, str):
        raise TypeError(f"expected the condition as a string; got {type(text).__name__}")
    if not isinstance(max_length, int) or isinstance(max_length, bool) or max_length < 1:
        raise ValueError(f"max_length must be a positive integer; got {max_length!r}")
    return _Parser(text, _symbol_table(space), max_length).parse("condition")
