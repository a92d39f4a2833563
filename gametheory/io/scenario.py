"""Scenario files: the parameters, claims and models of a dilemma, in TOML.

A scenario file is data, never code: it declares the parameters of a
dilemma (bounds, illustrative defaults, units, optional priors), the claims
of the text it formalises (paraphrased, each mapped to conditions on the
parameters) and the finite games to build. :func:`read_scenario` reads and
validates a file completely *before* anything is computed; every problem is a
:class:`~gametheory.errors.GameFormatError` naming the file, the key (as a
dotted TOML path such as ``models.M1.payoffs.Russia[1][0]``), the reason and,
where it can be found, the line and column.

Layout
------
Top-level tables (no others are allowed):

``[scenario]``
    ``id`` (required), ``title``, ``description``, ``units`` and ``source``
    (an inline table with any of ``author``, ``title``, ``date``, ``year``,
    ``publisher``, ``chapter``, ``pages``, ``url``, ``doi``, ``file``,
    ``kind``, ``note``).
``[parameters.NAME]``
    ``bounds = [lower, upper]`` (required; ``"inf"``/``"-inf"`` for an
    unbounded end), ``lower_open``, ``upper_open``, ``default``, ``unit``,
    ``description`` and ``prior`` (see
    :meth:`gametheory.parameters.ParameterSpace.from_dict`). Numbers may be
    written as strings such as ``"3/10"`` and are read exactly.
``[[claims]]``
    ``tag`` (unique), ``text`` (a paraphrase), ``assumptions`` (conditions
    on the parameters such as ``"e_R > l_R"``; the defaults must satisfy
    them), ``models`` (model ids) and ``note``.
``[run]``
    ``models``: the ids of the models to build and solve. Ids that are not
    tables under ``[models]`` are models built in code by a scenario module
    (such as the analytic M5 of :mod:`gametheory.scenarios.tripp`).
``[models.ID]``
    ``kind = "normal"``: ``players``, ``actions = {player = [labels]}`` and
    ``payoffs = {player = nested arrays}`` indexed by the players' actions in
    order (``payoffs.Russia[i][j]`` is Russia's payoff when Russia plays its
    ``i``-th and the second player its ``j``-th action).

    ``kind = "extensive"``: ``players``, ``nodes`` (decision nodes ``{id,
    player, infoset, moves = {action = child}}`` and chance nodes ``{id,
    chance = {action = probability}, next = {action = child}}``),
    ``terminals = {id = {player = payoff}}`` and optionally ``root``; see
    :meth:`gametheory.games.extensive.ExtensiveFormGame.from_dict`.

    Both kinds accept ``title`` and ``description``.

Every payoff, probability and assumption goes through the whitelist parser
(:func:`gametheory.parameters.parse_expression`), never ``eval`` or
``sympify``: only declared parameter names, exact numbers, ``+ - * / **``,
``Min``, ``Max``, ``Abs``, ``sqrt`` and ``Piecewise`` are accepted.

Checks
------
Unknown keys (with a suggestion), missing required keys and wrong types;
parameters without bounds, defaults outside the bounds, priors whose support
leaves the bounds or that scipy cannot build; expressions outside the
whitelist or naming undeclared parameters; claim assumptions that the
defaults violate; payoff arrays whose shape does not match the action lists,
unknown or missing players; model kinds other than ``normal`` and
``extensive``; chance probabilities that do not sum to 1 (symbolically) or
that lie outside [0, 1] at the defaults; and, for extensive games, everything
:meth:`ExtensiveFormGame.from_dict` checks (unknown children, cycles,
information sets).

Examples
--------
>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "pd.toml"
>>> _ = path.write_text('''
... [scenario]
... id = "pd"
... [parameters.t]
... bounds = ["1", "inf"]
... default = "5"
... [models.PD]
... kind = "normal"
... players = ["Row", "Col"]
... actions = { Row = ["C", "D"], Col = ["C", "D"] }
... payoffs.Row = [["3", "0"], ["t", "1"]]
... payoffs.Col = [["3", "t"], ["0", "1"]]
... ''')
>>> scenario = read_scenario(path)
>>> scenario.id, list(scenario.space), scenario.model_ids
('pd', ['t'], ('PD',))
>>> scenario.build("PD").at(t=5)["D", "C"]
(5, 0)
>>> _ = path.write_text(path.read_text().replace('"t", "1"]]', '"t", "s"]]', 1))
>>> read_scenario(path)
Traceback (most recent call last):
...
gametheory.errors.GameFormatError: ...pd.toml:11:35: models.PD.payoffs.Row[1][1]: unknown parameter 's'; declared: t (column 1 of the expression 's')
"""  # noqa: E501

from __future__ import annotations

import difflib
import math
import os
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, NoReturn

import numpy as np
import sympy
from sympy.logic.boolalg import Boolean, BooleanFalse, BooleanTrue

from ..errors import GameFormatError, InvalidGameError, ParseError, UnknownParameterError
from ..parameters import ParameterSpace, parse_condition, parse_expression, to_rational
from ._text import read_text

__all__ = [
    "CLAIM_KEYS",
    "MODEL_KINDS",
    "PARAMETER_KEYS",
    "RUN_KEYS",
    "SCENARIO_KEYS",
    "SOURCE_KEYS",
    "TOP_LEVEL_KEYS",
    "Claim",
    "Scenario",
    "format_key",
    "parse_scenario",
    "parse_scenario_game",
    "read_scenario",
]

TOP_LEVEL_KEYS = ("scenario", "parameters", "claims", "run", "models")
"""The tables a scenario file may have."""

SCENARIO_KEYS = ("id", "title", "description", "units", "source")
"""Keys of ``[scenario]``."""

SOURCE_KEYS = (
    "author",
    "title",
    "date",
    "year",
    "publisher",
    "chapter",
    "pages",
    "url",
    "doi",
    "file",
    "kind",
    "note",
)
"""Keys of ``[scenario] source``."""

PARAMETER_KEYS = ("bounds", "lower_open", "upper_open", "default", "unit", "description", "prior")
"""Keys of ``[parameters.NAME]``."""

CLAIM_KEYS = ("tag", "text", "assumptions", "models", "note")
"""Keys of ``[[claims]]``."""

RUN_KEYS = ("models",)
"""Keys of ``[run]``."""
MODEL_KINDS = ("normal", "extensive")
"""Values of ``kind`` in ``[models.ID]``."""

_NORMAL_KEYS = ("kind", "title", "description", "players", "actions", "payoffs")
_EXTENSIVE_KEYS = ("kind", "title", "description", "players", "root", "nodes", "terminals")
_NODE_KEYS = ("id", "player", "infoset", "moves", "chance", "next", "label")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")

Key = tuple[str | int, ...]


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """One claim of the source text, paraphrased, with the conditions it maps to.

    Attributes
    ----------
    tag : str
        Short unique label (``"C5"``).
    text : str
        The paraphrase.
    assumptions : tuple of sympy Boolean
        Conditions on the parameters under which the models represent the
        claim (parsed by :func:`~gametheory.parameters.parse_condition`).
    assumption_text : tuple of str
        The same conditions as written in the file.
    models : tuple of str
        Ids of the models that test the claim.
    note : str
    """

    tag: str
    text: str
    assumptions: tuple[Boolean, ...] = ()
    assumption_text: tuple[str, ...] = ()
    models: tuple[str, ...] = ()
    note: str = ""

    def holds(self, values: Mapping[str, Any]) -> bool:
        """Whether every assumption holds at a parameter point, exactly.

        Parameters
        ----------
        values : mapping
            Values (numbers or exact strings) for at least the parameters
            the assumptions use.

        Raises
        ------
        UnknownParameterError
            A parameter of an assumption has no value.

        Examples
        --------
        >>> import sympy
        >>> x = sympy.Symbol("x", real=True)
        >>> Claim("A", "x is small", (x < 1,)).holds({"x": "1/2"})
        True
        """
        exact = {name: to_rational(value) for name, value in values.items()}
        for condition in self.assumptions:
            subs = {s: exact[s.name] for s in condition.free_symbols if s.name in exact}
            result = condition.subs(subs)
            if result.free_symbols:
                missing = sorted(s.name for s in result.free_symbols)
                raise UnknownParameterError(f"claim {self.tag}: no value for {missing}")
            if result is not sympy.true:
                return False
        return True


@dataclass(frozen=True)
class Scenario:
    """A validated scenario file.

    Built by :func:`read_scenario` or :func:`parse_scenario`, never by hand.

    Attributes
    ----------
    id, title, description, units : str
    source : mapping
        The ``[scenario] source`` table (author, title, date, ...).
    space : ParameterSpace
        The declared parameters.
    claims : tuple of Claim
    run : tuple of str
        The ids in ``[run] models``.
    models : mapping
        The validated ``[models.ID]`` tables, as read (read-only).
    path : str or None
        The file, when read from one.
    """

    id: str
    title: str
    space: ParameterSpace
    source: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    claims: tuple[Claim, ...] = ()
    run: tuple[str, ...] = ()
    models: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))
    description: str = ""
    units: str = ""
    path: str | None = None

    @property
    def model_ids(self) -> tuple[str, ...]:
        """Ids of the models defined in the file, in file order."""
        return tuple(self.models)

    def claim(self, tag: str) -> Claim:
        """The claim with this tag.

        Raises
        ------
        KeyError
            No claim has this tag (the message lists the tags).
        """
        for claim in self.claims:
            if claim.tag == tag:
                return claim
        raise KeyError(f"no claim {tag!r}; claims: {[c.tag for c in self.claims]}")

    def defaults(self) -> dict[str, sympy.Rational]:
        """The parameters' default values (see :meth:`ParameterSpace.defaults`)."""
        return self.space.defaults()

    def build(self, model_id: str, *, space: ParameterSpace | None = None) -> Any:
        """Build a model of the file as a symbolic game.

        Parameters
        ----------
        model_id : str
            A key of :attr:`models`.
        space : ParameterSpace, optional
            Another declaration of the parameters (other bounds, defaults or
            priors) to build the payoffs over; by default :attr:`space`. It
            must declare every name the model uses.

        Returns
        -------
        NormalFormGame or ExtensiveFormGame
            For ``kind = "normal"`` and ``kind = "extensive"``; symbolic when
            the payoffs use parameters (substitute values with ``.at(...)``).

        Raises
        ------
        KeyError
            Unknown model id.
        GameFormatError
            The model does not fit ``space`` (an undeclared name).

        Examples
        --------
        >>> from gametheory.scenarios import tripp
        >>> tripp.load().build("M1")
        <NormalFormGame 'M1: ...': 2 players, 2x2, symbolic, parameters [...]>
        """
        if model_id not in self.models:
            raise KeyError(f"no model {model_id!r} in the scenario; models: {list(self.models)}")
        ctx = _Context(None, self.path)
        spec = self.models[model_id]
        space = self.space if space is None else space
        if spec["kind"] == "normal":
            return _build_normal(ctx, ("models", model_id), spec, space)
        return _build_extensive(ctx, ("models", model_id), spec, space)


# ---------------------------------------------------------------------------
# Keys and positions
# ---------------------------------------------------------------------------

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def format_key(key: Sequence[str | int]) -> str:
    """A TOML key path as text: ``models.M1.payoffs.Russia[1][0]``.

    Examples
    --------
    >>> format_key(("claims", 2, "assumptions", 0))
    'claims[2].assumptions[0]'
    >>> format_key(("parameters", "two words"))
    'parameters."two words"'
    """
    out = ""
    for part in key:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            text = part if _BARE_KEY.fullmatch(part) else '"' + part.replace('"', '\\"') + '"'
            out += ("." if out else "") + text
    return out


class _Locator:
    """Find where a key path is written in TOML text (best effort).

    ``tomllib`` does not report positions, so this walks the (already valid)
    text: table headers, dotted keys, arrays and inline tables, skipping
    strings and comments.
    """

    def __init__(self, text: str) -> None:
        self.t = text
        self.n = len(text)

    def ws(self, i: int, newlines: bool = True) -> int:
        t = self.t
        while i < self.n:
            c = t[i]
            if c in " \t\r" or (newlines and c == "\n"):
                i += 1
            elif c == "#":
                j = t.find("\n", i)
                i = self.n if j < 0 else j
            else:
                break
        return i

    def string(self, i: int) -> tuple[str, int]:
        """Raw content of the string starting at ``i`` and the index after it."""
        t = self.t
        quote = t[i]
        if t.startswith(quote * 3, i):
            j = i + 3
            while True:
                j = t.index(quote * 3, j)
                if quote == "'" or not _escaped(t, j):
                    break
                j += 1
            while t.startswith(quote, j + 3):  # up to two quotes may end the content
                j += 1
            return t[i + 3 : j], j + 3
        j = i + 1
        while t[j] != quote or (quote == '"' and _escaped(t, j)):
            j += 1
        return t[i + 1 : j], j + 1

    def key(self, i: int) -> tuple[list[str], int]:
        parts = []
        while True:
            i = self.ws(i, newlines=False)
            if self.t[i] in "\"'":
                raw, i = self.string(i)
                parts.append(raw.replace('\\"', '"').replace("\\\\", "\\"))
            else:
                match = _BARE_KEY.match(self.t, i)
                if match is None:
                    raise ValueError("not a key")
                parts.append(match.group())
                i = match.end()
            i = self.ws(i, newlines=False)
            if i < self.n and self.t[i] == ".":
                i += 1
                continue
            return parts, i

    def skip_value(self, i: int) -> int:
        t = self.t
        c = t[i]
        if c in "\"'":
            return self.string(i)[1]
        if c == "[":
            i += 1
            while True:
                i = self.ws(i)
                if t[i] == "]":
                    return i + 1
                i = self.ws(self.skip_value(i))
                if t[i] == ",":
                    i += 1
        if c == "{":
            i += 1
            while True:
                i = self.ws(i)
                if t[i] == "}":
                    return i + 1
                _, i = self.key(i)
                i = self.ws(self.ws(i) + 1)  # past '='
                i = self.ws(self.skip_value(i))
                if t[i] == ",":
                    i += 1
        while i < self.n and t[i] not in ",]}\n#":
            i += 1
        return i

    def descend(self, i: int, rest: Key) -> tuple[int, int]:
        """(anchor, value start) of ``rest`` inside the value starting at ``i``."""
        if not rest:
            return i, i
        head, t = rest[0], self.t
        if t[i] == "[" and isinstance(head, int):
            j, index = i + 1, 0
            while True:
                j = self.ws(j)
                if t[j] == "]":
                    return i, i
                if index == head:
                    return self.descend(j, rest[1:])
                j = self.ws(self.skip_value(j))
                if t[j] == ",":
                    j += 1
                index += 1
        if t[i] == "{" and isinstance(head, str):
            j = i + 1
            while True:
                j = self.ws(j)
                if t[j] == "}":
                    return i, i
                start = j
                parts, j = self.key(j)
                j = self.ws(self.ws(j) + 1)
                count = len(parts)
                if tuple(parts) == tuple(rest[:count]):
                    if count == len(rest):
                        return start, j
                    return self.descend(j, rest[count:])
                j = self.ws(self.skip_value(j))
                if t[j] == ",":
                    j += 1
        return i, i

    def locate(self, target: Key) -> tuple[int, int | None] | None:
        """(anchor offset, value offset or None) of ``target``, or None."""
        t, i = self.t, 0
        header: Key = ()
        arrays: dict[Key, int] = {}
        fallback: tuple[int, int | None] | None = None
        fallback_length = 0
        while True:
            i = self.ws(i)
            if i >= self.n:
                return fallback
            start = i
            if t[i] == "[":
                double = t.startswith("[[", i)
                parts, i = self.key(i + (2 if double else 1))
                i = t.index("]]" if double else "]", i) + (2 if double else 1)
                if double:
                    header = (*self._resolve(tuple(parts[:-1]), arrays), parts[-1])
                    arrays[header] = arrays.get(header, -1) + 1
                    header = (*header, arrays[header])
                else:
                    header = self._resolve(tuple(parts), arrays)
                if header == target:
                    return start, None
                length = len(header)
                if length > fallback_length and header == target[:length]:
                    fallback, fallback_length = (start, None), length
                continue
            parts, i = self.key(i)
            i = self.ws(self.ws(i, newlines=False) + 1, newlines=False)
            full = (*header, *parts)
            length = len(full)
            if full == target[:length]:
                return self.descend(i, target[length:]) if length < len(target) else (start, i)
            if target == full[: len(target)] and len(target) >= fallback_length:
                fallback, fallback_length = (start, None), len(target) + 1
            i = self.skip_value(i)

    @staticmethod
    def _resolve(parts: Key, arrays: Mapping[Key, int]) -> Key:
        """Insert the current index after each array-of-tables prefix."""
        out: list[str | int] = []
        for part in parts:
            out.append(part)
            if tuple(out) in arrays:
                out.append(arrays[tuple(out)])
        return tuple(out)

    def line_column(self, offset: int) -> tuple[int, int]:
        line = self.t.count("\n", 0, offset) + 1
        column = offset - (self.t.rfind("\n", 0, offset) + 1) + 1
        return line, column


def _escaped(text: str, j: int) -> bool:
    """Whether the character at ``j`` is escaped by an odd run of backslashes."""
    count = 0
    while j - 1 - count >= 0 and text[j - 1 - count] == "\\":
        count += 1
    return count % 2 == 1


class _Context:
    """Raises GameFormatError with the file, key, line and column."""

    def __init__(self, text: str | None, path: str | None) -> None:
        self.text = text
        self.path = path
        self._locator = _Locator(text) if text is not None else None

    def position(self, key: Key, expression_column: int | None = None) -> tuple[int | None, ...]:
        if self._locator is None:
            return None, None
        try:
            found = self._locator.locate(key)
        except (IndexError, ValueError):
            found = None
        if found is None:
            return None, None
        anchor, value = found
        offset = anchor
        if expression_column is not None and value is not None:
            inner = self._string_offset(value, expression_column)
            if inner is not None:
                offset = inner
        return self._locator.line_column(offset)

    def _string_offset(self, value: int, column: int) -> int | None:
        """File offset of 1-based ``column`` of a one-line string literal at ``value``."""
        t = self.text
        assert t is not None
        if value >= len(t) or t[value] not in "\"'" or t.startswith(t[value] * 3, value):
            return None
        end = t.find(t[value], value + 1)
        literal = t[value + 1 : end]
        if end < 0 or "\\" in literal or "\n" in literal:
            return None
        return value + column

    def fail(self, key: Key, reason: str, *, expression_column: int | None = None) -> NoReturn:
        line, column = self.position(key, expression_column)
        where = format_key(key)
        raise GameFormatError(
            f"{where}: {reason}" if where else reason, path=self.path, line=line, column=column
        ) from None


# ---------------------------------------------------------------------------
# Small validators
# ---------------------------------------------------------------------------


def _type_name(value: Any) -> str:
    return {
        dict: "a table",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        int: "an integer",
        float: "a float",
    }.get(type(value), type(value).__name__)


def _check_keys(ctx: _Context, key: Key, table: Mapping[str, Any], allowed: Sequence[str]) -> None:
    for name in table:
        if name not in allowed:
            close = difflib.get_close_matches(name, allowed, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            ctx.fail((*key, name), f"unknown key {name!r}{hint} (allowed: {', '.join(allowed)})")


def _table(ctx: _Context, key: Key, value: Any) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        ctx.fail(key, f"expected a table; got {_type_name(value)}")
    return value


def _string(ctx: _Context, key: Key, value: Any, *, empty: bool = False) -> str:
    if not isinstance(value, str):
        ctx.fail(key, f"expected a string; got {_type_name(value)}")
    if not empty and not value.strip():
        ctx.fail(key, "must not be empty")
    return value


def _labels(ctx: _Context, key: Key, value: Any, what: str) -> tuple[str, ...]:
    """A non-empty array of distinct non-empty strings."""
    if not isinstance(value, list):
        ctx.fail(key, f"expected an array of {what}; got {_type_name(value)}")
    if not value:
        ctx.fail(key, f"expected at least one of the {what}; got an empty array")
    seen: set[str] = set()
    for index, item in enumerate(value):
        label = _string(ctx, (*key, index), item)
        if label in seen:
            ctx.fail((*key, index), f"{label!r} appears twice")
        seen.add(label)
    return tuple(value)


def _ids(ctx: _Context, key: Key, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        ctx.fail(key, f"expected an array of model ids; got {_type_name(value)}")
    out = []
    for index, item in enumerate(value):
        text = _string(ctx, (*key, index), item)
        if not _ID.fullmatch(text):
            ctx.fail((*key, index), f"{text!r} is not a valid model id")
        if text in out:
            ctx.fail((*key, index), f"{text!r} appears twice")
        out.append(text)
    return tuple(out)


def _parse_error(ctx: _Context, key: Key, exc: ParseError, text: str) -> NoReturn:
    message = str(exc)
    suffix = f" (column {exc.column})"
    if exc.column is not None and message.endswith(suffix):
        message = message[: -len(suffix)]
    shown = text if len(text) <= 60 else text[:57] + "..."
    if exc.column is not None:
        message += f" (column {exc.column} of the expression {shown!r})"
    else:
        message += f" (in the expression {shown!r})"
    ctx.fail(key, message, expression_column=exc.column)


def _expression(ctx: _Context, key: Key, value: Any, space: ParameterSpace) -> sympy.Expr:
    """A payoff or probability: a number or a whitelisted expression."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        ctx.fail(key, f"expected a number or an expression string; got {_type_name(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        ctx.fail(key, f"{value} is not a finite number")
    if not isinstance(value, str):
        return to_rational(value)
    try:
        result = parse_expression(value, space)
    except ParseError as exc:
        _parse_error(ctx, key, exc, value)
    if not isinstance(result, sympy.Expr):  # a Symbol is also a sympy Boolean
        ctx.fail(key, f"expected a number, got the condition {value!r}")
    return result


def _defaults(space: ParameterSpace) -> dict[sympy.Symbol, sympy.Rational]:
    return {p.symbol: p.default for p in space.values() if p.default is not None}


def _at_defaults(expr: Any, space: ParameterSpace) -> Any:
    """``expr`` at the defaults, or None if some parameter has no default."""
    value = expr.subs(_defaults(space)) if isinstance(expr, sympy.Basic) else expr
    if isinstance(value, sympy.Basic) and value.free_symbols:
        return None
    return value


# ---------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------


def _scenario_table(ctx: _Context, data: Mapping[str, Any]) -> dict[str, Any]:
    if "scenario" not in data:
        ctx.fail((), 'missing the [scenario] table (with at least id = "...")')
    table = _table(ctx, ("scenario",), data["scenario"])
    _check_keys(ctx, ("scenario",), table, SCENARIO_KEYS)
    if "id" not in table:
        ctx.fail(("scenario", "id"), 'missing; give the scenario an id such as "tripp-2026-03"')
    out: dict[str, Any] = {"id": _string(ctx, ("scenario", "id"), table["id"])}
    if not _ID.fullmatch(out["id"]):
        ctx.fail(("scenario", "id"), f"{out['id']!r} is not a valid id (letters, digits, _ . -)")
    for name in ("title", "description", "units"):
        out[name] = _string(ctx, ("scenario", name), table.get(name, ""), empty=True)
    source = _table(ctx, ("scenario", "source"), table.get("source", {}))
    _check_keys(ctx, ("scenario", "source"), source, SOURCE_KEYS)
    for name, value in source.items():
        if name == "year" and isinstance(value, int) and not isinstance(value, bool):
            continue
        _string(ctx, ("scenario", "source", name), value)
    out["source"] = MappingProxyType(dict(source))
    return out


def _parameters(ctx: _Context, data: Mapping[str, Any]) -> ParameterSpace:
    tables = _table(ctx, ("parameters",), data.get("parameters", {}))
    parameters = []
    for name, table in tables.items():
        key: Key = ("parameters", name)
        table = _table(ctx, key, table)
        _check_keys(ctx, key, table, PARAMETER_KEYS)
        if "bounds" not in table:
            ctx.fail(
                (*key, "bounds"),
                'missing; every parameter needs bounds = [lower, upper] ("inf" or "-inf" for '
                "an unbounded end)",
            )
        bounds = table["bounds"]
        if not isinstance(bounds, list) or len(bounds) != 2:
            ctx.fail((*key, "bounds"), f"expected a pair [lower, upper]; got {bounds!r}")
        for index, bound in enumerate(bounds):
            if isinstance(bound, bool) or not isinstance(bound, int | float | str):
                ctx.fail((*key, "bounds", index), f"expected a number; got {_type_name(bound)}")
        for flag in ("lower_open", "upper_open"):
            if flag in table and not isinstance(table[flag], bool):
                ctx.fail((*key, flag), f"expected true or false; got {_type_name(table[flag])}")
        for text in ("unit", "description"):
            if text in table:
                _string(ctx, (*key, text), table[text], empty=True)
        if "default" in table and (
            isinstance(table["default"], bool)
            or not isinstance(table["default"], int | float | str)
        ):
            ctx.fail((*key, "default"), f"expected a number; got {_type_name(table['default'])}")
        if "prior" in table:
            _table(ctx, (*key, "prior"), table["prior"])
        # Build in steps, so that each error is blamed on the right key.
        steps = [
            ("bounds", ("bounds", "lower_open", "upper_open", "unit", "description")),
            ("default", ("default",)),
            ("prior", ("prior",)),
        ]
        partial: dict[str, Any] = {}
        parameter = None
        for blamed, names in steps:
            partial.update({k: table[k] for k in names if k in table})
            if blamed != "bounds" and blamed not in table:
                continue
            try:
                parameter = ParameterSpace.from_dict({name: partial})[name]
            except InvalidGameError as exc:
                message = str(exc)
                prefix = f"parameter {name!r}: "
                ctx.fail((*key, blamed), message.removeprefix(prefix))
        assert parameter is not None, "the 'bounds' step always builds the parameter or fails"
        parameters.append(parameter)
    try:
        return ParameterSpace(parameters)
    except InvalidGameError as exc:  # pragma: no cover - TOML keys are unique
        ctx.fail(("parameters",), str(exc))


def _claims(ctx: _Context, data: Mapping[str, Any], space: ParameterSpace) -> tuple[Claim, ...]:
    items = data.get("claims", [])
    if not isinstance(items, list):
        ctx.fail(("claims",), f"expected [[claims]] tables; got {_type_name(items)}")
    claims: list[Claim] = []
    for index, table in enumerate(items):
        key: Key = ("claims", index)
        table = _table(ctx, key, table)
        _check_keys(ctx, key, table, CLAIM_KEYS)
        for required in ("tag", "text"):
            if required not in table:
                ctx.fail((*key, required), "missing")
        tag = _string(ctx, (*key, "tag"), table["tag"])
        if any(c.tag == tag for c in claims):
            ctx.fail((*key, "tag"), f"the tag {tag!r} is used by an earlier claim")
        text = _string(ctx, (*key, "text"), table["text"])
        raw = table.get("assumptions", [])
        if not isinstance(raw, list):
            ctx.fail(
                (*key, "assumptions"), f"expected an array of conditions; got {_type_name(raw)}"
            )
        conditions = []
        for k, condition in enumerate(raw):
            ckey = (*key, "assumptions", k)
            source = _string(ctx, ckey, condition)
            try:
                parsed = parse_condition(source, space)
            except ParseError as exc:
                _parse_error(ctx, ckey, exc, source)
            value = _at_defaults(parsed, space)
            if value is not None and not isinstance(value, BooleanTrue):
                shown = ", ".join(
                    f"{s.name} = {space[s.name].default}"
                    for s in sorted(parsed.free_symbols, key=lambda s: s.name)
                )
                verdict = "false" if isinstance(value, BooleanFalse) else "not provably true"
                ctx.fail(
                    ckey, f"the defaults violate this assumption: {source} is {verdict} at {shown}"
                )
            conditions.append(parsed)
        models = _ids(ctx, (*key, "models"), table.get("models", []))
        note = _string(ctx, (*key, "note"), table.get("note", ""), empty=True)
        claims.append(Claim(tag, text, tuple(conditions), tuple(raw), models, note))
    return tuple(claims)


def _run(ctx: _Context, data: Mapping[str, Any]) -> tuple[str, ...]:
    table = _table(ctx, ("run",), data.get("run", {}))
    _check_keys(ctx, ("run",), table, RUN_KEYS)
    return _ids(ctx, ("run", "models"), table.get("models", []))


def _models(ctx: _Context, data: Mapping[str, Any], space: ParameterSpace) -> dict[str, Any]:
    tables = _table(ctx, ("models",), data.get("models", {}))
    out = {}
    for model_id, spec in tables.items():
        key: Key = ("models", model_id)
        if not _ID.fullmatch(model_id):
            ctx.fail(key, f"{model_id!r} is not a valid model id")
        spec = _table(ctx, key, spec)
        if "kind" not in spec:
            ctx.fail((*key, "kind"), f"missing; one of {', '.join(map(repr, MODEL_KINDS))}")
        kind = spec["kind"]
        if kind not in MODEL_KINDS:
            ctx.fail(
                (*key, "kind"),
                f"{kind!r} is not a model kind; use one of {', '.join(map(repr, MODEL_KINDS))}",
            )
        for text in ("title", "description"):
            if text in spec:
                _string(ctx, (*key, text), spec[text], empty=True)
        if kind == "normal":
            _check_keys(ctx, key, spec, _NORMAL_KEYS)
            _build_normal(ctx, key, spec, space)
        else:
            _check_keys(ctx, key, spec, _EXTENSIVE_KEYS)
            _check_extensive(ctx, key, spec, space)
            _build_extensive(ctx, key, spec, space)
        out[model_id] = MappingProxyType(spec)
    return out


def _players(ctx: _Context, key: Key, spec: Mapping[str, Any]) -> tuple[str, ...]:
    if "players" not in spec:
        ctx.fail((*key, "players"), 'missing; list the players, e.g. players = ["Row", "Col"]')
    return _labels(ctx, (*key, "players"), spec["players"], "players")


def _per_player(
    ctx: _Context, key: Key, spec: Mapping[str, Any], name: str, players: Sequence[str]
) -> Mapping[str, Any]:
    """``spec[name]``: a table with exactly one entry per player."""
    if name not in spec:
        ctx.fail((*key, name), f"missing; give one entry per player ({', '.join(players)})")
    table = _table(ctx, (*key, name), spec[name])
    for player in table:
        if player not in players:
            ctx.fail(
                (*key, name, player), f"unknown player {player!r}; players: {', '.join(players)}"
            )
    for player in players:
        if player not in table:
            ctx.fail((*key, name), f"no entry for player {player!r}")
    return table


def _build_normal(ctx: _Context, key: Key, spec: Mapping[str, Any], space: ParameterSpace) -> Any:
    from ..games.normal import NormalFormGame

    players = _players(ctx, key, spec)
    actions_table = _per_player(ctx, key, spec, "actions", players)
    actions = [
        _labels(ctx, (*key, "actions", player), actions_table[player], f"actions of {player}")
        for player in players
    ]
    payoff_table = _per_player(ctx, key, spec, "payoffs", players)
    shape = tuple(len(a) for a in actions)
    arrays = []
    for player in players:
        base: Key = (*key, "payoffs", player)
        array = np.empty(shape, dtype=object)
        _fill(ctx, base, payoff_table[player], array, (), players, actions, space)
        arrays.append(array)
    try:
        return NormalFormGame(
            arrays, players=players, strategies=actions, title=spec.get("title", ""), space=space
        )
    except (InvalidGameError, UnknownParameterError) as exc:
        ctx.fail(key, str(exc))


def _fill(
    ctx: _Context,
    key: Key,
    value: Any,
    array: np.ndarray,
    index: tuple[int, ...],
    players: Sequence[str],
    actions: Sequence[Sequence[str]],
    space: ParameterSpace,
) -> None:
    depth = len(index)
    if depth == len(players):
        array[index] = _expression(ctx, key, value, space)
        return
    labels = actions[depth]
    what = f"{len(labels)} entries, one per action of {players[depth]} ({', '.join(labels)})"
    if not isinstance(value, list):
        ctx.fail(key, f"expected an array of {what}; got {_type_name(value)}")
    if len(value) != len(labels):
        ctx.fail(key, f"expected {what}; got {len(value)}")
    for k, item in enumerate(value):
        _fill(ctx, (*key, k), item, array, (*index, k), players, actions, space)


def _check_extensive(
    ctx: _Context, key: Key, spec: Mapping[str, Any], space: ParameterSpace
) -> None:
    """Key-level checks of an extensive form, before from_dict sees it."""
    players = _players(ctx, key, spec)
    nodes = spec.get("nodes", [])
    if not isinstance(nodes, list):
        ctx.fail((*key, "nodes"), f"expected an array of node tables; got {_type_name(nodes)}")
    for index, node in enumerate(nodes):
        nkey: Key = (*key, "nodes", index)
        node = _table(ctx, nkey, node)
        _check_keys(ctx, nkey, node, _NODE_KEYS)
        if "id" not in node:
            ctx.fail((*nkey, "id"), "missing")
        _string(ctx, (*nkey, "id"), node["id"])
        if "player" in node:
            player = _string(ctx, (*nkey, "player"), node["player"])
            if player not in players:
                ctx.fail(
                    (*nkey, "player"), f"unknown player {player!r}; players: {', '.join(players)}"
                )
        for name in ("moves", "next"):
            if name in node:
                for action, child in _table(ctx, (*nkey, name), node[name]).items():
                    _string(ctx, (*nkey, name, action), child)
        if "chance" in node:
            probabilities = _table(ctx, (*nkey, "chance"), node["chance"])
            if not probabilities:
                ctx.fail((*nkey, "chance"), "a chance node needs at least one action")
            total = sympy.Integer(0)
            for action, text in probabilities.items():
                pkey = (*nkey, "chance", action)
                value = _expression(ctx, pkey, text, space)
                at = _at_defaults(value, space)
                if at is not None and not (at >= 0 and at <= 1):
                    ctx.fail(pkey, f"the probability is {at} at the defaults, outside [0, 1]")
                total += value
            if sympy.simplify(total - 1) != 0:
                ctx.fail(
                    (*nkey, "chance"), f"the probabilities sum to {sympy.simplify(total)}, not 1"
                )
    terminals = _table(ctx, (*key, "terminals"), spec.get("terminals", {}))
    for terminal, payoffs in terminals.items():
        tkey: Key = (*key, "terminals", terminal)
        payoffs = _table(ctx, tkey, payoffs)
        for player, value in payoffs.items():
            if player not in players:
                ctx.fail(
                    (*tkey, player), f"unknown player {player!r}; players: {', '.join(players)}"
                )
            _expression(ctx, (*tkey, player), value, space)
        for player in players:
            if player not in payoffs:
                ctx.fail(tkey, f"no payoff for player {player!r}")
    if "root" in spec:
        _string(ctx, (*key, "root"), spec["root"])


def _build_extensive(
    ctx: _Context, key: Key, spec: Mapping[str, Any], space: ParameterSpace
) -> Any:
    try:
        from ..games.extensive import ExtensiveFormGame
    except ImportError:  # pragma: no cover - the extensive form is part of the package
        ctx.fail((*key, "kind"), "extensive-form games are not available in this installation")
    try:
        return ExtensiveFormGame.from_dict(dict(spec), space=space)
    except ParseError as exc:
        ctx.fail(key, str(exc))
    except (InvalidGameError, UnknownParameterError) as exc:
        ctx.fail(key, str(exc))


# ---------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


def parse_scenario(text: str, *, path: str | os.PathLike[str] | None = None) -> Scenario:
    """Validate scenario text and return the :class:`Scenario`.

    Parameters
    ----------
    text : str
        TOML text in the layout of the module documentation.
    path : str or os.PathLike, optional
        The file name to show in error messages.

    Returns
    -------
    Scenario

    Raises
    ------
    GameFormatError
        For invalid TOML or any failed check; the message starts with
        ``path:line:column:`` (where known) and names the key.

    Examples
    --------
    >>> parse_scenario('[scenario]\\nid = "x"\\n[parameters.p]\\ndefault = "1/2"\\n',
    ...                path="x.toml")
    Traceback (most recent call last):
    ...
    gametheory.errors.GameFormatError: x.toml:3:1: parameters.p.bounds: missing; ...
    """
    shown = None if path is None else os.fspath(path)
    if not isinstance(text, str):
        raise TypeError(f"expected the scenario as text; got {type(text).__name__}")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.search(message)
        line = column = None
        if match:
            line, column = int(match[1]), int(match[2])
            message = message[: match.start()]
        raise GameFormatError(
            f"invalid TOML: {message}", path=shown, line=line, column=column
        ) from None
    ctx = _Context(text, shown)
    _check_keys(ctx, (), data, TOP_LEVEL_KEYS)
    head = _scenario_table(ctx, data)
    space = _parameters(ctx, data)
    claims = _claims(ctx, data, space)
    run = _run(ctx, data)
    models = _models(ctx, data, space)
    return Scenario(
        id=head["id"],
        title=head["title"] or head["id"],
        space=space,
        source=head["source"],
        claims=claims,
        run=run,
        models=MappingProxyType(models),
        description=head["description"],
        units=head["units"],
        path=shown,
    )


def read_scenario(path: str | os.PathLike[str]) -> Scenario:
    """Read and validate a scenario file.

    Parameters
    ----------
    path : str or os.PathLike
        A UTF-8 TOML file in the layout of the module documentation.

    Returns
    -------
    Scenario

    Raises
    ------
    GameFormatError
        Invalid TOML or a failed check (file, line, column, key and reason).
    OSError
        The file cannot be read.

    See Also
    --------
    gametheory.scenarios.tripp.load : the TRIPP scenario shipped in ``seeds/``.

    Examples
    --------
    >>> from gametheory.scenarios.tripp import default_path
    >>> scenario = read_scenario(default_path())
    >>> scenario.id, scenario.claim("C5").models
    ('tripp-2026-03', ('M1', 'M4', 'M5', 'M7'))
    """
    shown = os.fspath(path)
    return parse_scenario(read_text(path, shown), path=shown)


def parse_scenario_game(
    text: str, *, path: str | os.PathLike[str] | None = None, model: str | None = None
) -> Any:
    """Read one model of a scenario as a game (the reader behind ``read_game``).

    Parameters
    ----------
    text : str
        Scenario TOML.
    path : str or os.PathLike, optional
        For error messages.
    model : str, optional
        The model id; may be left out when the file defines exactly one model.

    Returns
    -------
    NormalFormGame or ExtensiveFormGame
        Symbolic when the payoffs use parameters.

    Raises
    ------
    GameFormatError
        Invalid file, unknown model, or several models and no ``model``.

    Examples
    --------
    >>> text = '''[scenario]
    ... id = "coordination"
    ... [models.G]
    ... kind = "normal"
    ... players = ["A", "B"]
    ... actions = { A = ["x", "y"], B = ["x", "y"] }
    ... payoffs = { A = [[1, 0], [0, 1]], B = [[1, 0], [0, 1]] }
    ... '''
    >>> parse_scenario_game(text)["x", "x"]
    (1, 1)
    """
    scenario = parse_scenario(text, path=path)
    shown = None if path is None else os.fspath(path)
    if model is None:
        if len(scenario.models) != 1:
            raise GameFormatError(
                f"the scenario defines the models {list(scenario.models)}; pass model=... "
                "to choose one",
                path=shown,
            )
        model = next(iter(scenario.models))
    if model not in scenario.models:
        raise GameFormatError(
            f"no model {model!r} in the scenario; models: {list(scenario.models)}", path=shown
        )
    return scenario.build(model)
