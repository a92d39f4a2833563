"""Gambit's strategic-game file format (``.nfg``), version 1.

A ``.nfg`` file holds an N-player game in normal form [1]_. It starts with a
prologue::

    NFG 1 R "title" { "Player 1" "Player 2" }
    { { "Top" "Bottom" } { "Left" "Right" } }     strategy labels, or counts: { 2 2 }
    "an optional comment"

followed by one of two bodies:

*payoff version*
    a flat list of numbers, all players' payoffs for one pure profile after
    another, with the *first* player's strategy varying fastest;
*outcome version*
    a list of outcomes ``{ "label" u1, u2, ... }`` (commas optional), then one
    outcome index per profile in the same order; index ``0`` is the null
    outcome, with payoff 0 to everyone.

Conventions (Gambit's ``doc/formats.rst``): whitespace is not significant
except inside double quotes; a ``"`` inside a label is written ``\\"`` (and a
backslash ``\\\\``); labels are UTF-8; numbers are integers, decimals (``0.1``,
``1.5e-3``) or fractions ``p/q``, and all of them are *exact*: ``0.1`` and
``1/10`` are the same number. The letter after the version, ``R`` or ``D``,
is obsolete and both are read the same way. The format has no comment syntax
besides the optional comment string, which this reader skips.

Empty or repeated labels are renamed as Gambit does (``"a"``, ``"a"`` become
``"a_1"``, ``"a_2"``; an empty label becomes ``"_1"``), so a file reads to
the same labels here and in pygambit.

References
----------
.. [1] The Gambit Project, "Game representation formats", Gambit documentation,
   https://gambitproject.readthedocs.io/en/latest/formats.html
"""

from __future__ import annotations

import io
import math
import os
import re
from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import IO, Any, NamedTuple

import numpy as np

from ..errors import GameFormatError
from ..games._labels import dedupe_labels
from ..games.normal import NormalFormGame
from ._text import read_stream, read_text

__all__ = ["dump_nfg", "nfg_text", "parse_nfg", "read_nfg"]

#: Largest decimal exponent accepted (``1e4300``): bigger ones would take
#: unbounded time and memory to expand exactly.
MAX_EXPONENT = 4300

# ----------------------------------------------------------------------------- tokens

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
    | (?P<lbrace>\{)
    | (?P<rbrace>\})
    | (?P<comma>,)
    | (?P<string>"(?:[^"\\]|\\.)*")
    | (?P<badstring>")
    | (?P<word>[^\s{},"]+)
    """,
    re.VERBOSE | re.DOTALL,
)
_ESCAPE_RE = re.compile(r'\\(["\\])')
_INT_RE = re.compile(r"[+-]?[0-9]+\Z")
_FRACTION_RE = re.compile(r"([+-]?[0-9]+)/([0-9]+)\Z")
_DECIMAL_RE = re.compile(r"([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?\Z")
_NON_FINITE = {"nan", "inf", "infinity", "+nan", "-nan", "+inf", "-inf", "+infinity", "-infinity"}


class _Token(NamedTuple):
    kind: str  # "{", "}", ",", "string", "word", "eof"
    text: str  # decoded label for strings, raw text otherwise
    offset: int  # 0-based character offset of the token's first character


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _describe(tok: _Token) -> str:
    if tok.kind == "eof":
        return "end of file"
    if tok.kind == "string":
        shown = tok.text if len(tok.text) <= 40 else tok.text[:37] + "..."
        return f"string {_quote(shown)}"
    if tok.kind == "word":
        shown = tok.text if len(tok.text) <= 40 else tok.text[:37] + "..."
        return repr(shown)
    return repr(tok.kind)


# ----------------------------------------------------------------------------- parser


class _TokenCursor:
    """Reading position in the token list of a text (shared by the .nfg and .efg parsers).

    Subclasses provide ``_tokenize()``, which splits ``self.text`` into tokens.
    """

    def __init__(self, text: str, path: str | None, exact: bool) -> None:
        self.text = text
        self.path = path if path is not None else "<string>"
        self.exact = exact
        self.tokens = self._tokenize()
        self.i = 0

    def _tokenize(self) -> list[_Token]:  # pragma: no cover
        raise NotImplementedError

    def error(self, message: str, offset: int) -> GameFormatError:
        line, column = _position(self.text, offset)
        return GameFormatError(message, path=self.path, line=line, column=column)

    def peek(self) -> _Token:
        return self.tokens[self.i]

    def next(self) -> _Token:
        tok = self.tokens[self.i]
        if tok.kind != "eof":
            self.i += 1
        return tok

    def expect(self, kind: str, what: str) -> _Token:
        tok = self.next()
        if tok.kind != kind:
            raise self.error(f"expected {what}, got {_describe(tok)}", tok.offset)
        return tok


class _Parser(_TokenCursor):
    # -- low level
    def _tokenize(self) -> list[_Token]:
        text = self.text
        tokens: list[_Token] = []
        append = tokens.append
        for m in _TOKEN_RE.finditer(text):
            kind = m.lastgroup
            if kind == "ws":
                continue
            start = m.start()
            if kind == "word":
                append(_Token("word", m.group(), start))
            elif kind == "string":
                label = _ESCAPE_RE.sub(r"\1", m.group()[1:-1])
                append(_Token("string", label, start))
            elif kind == "badstring":
                raise self.error(
                    "unterminated string: no closing '\"' before the end of file", start)
            else:
                append(_Token(m.group(), m.group(), start))
        append(_Token("eof", "", len(text)))
        return tokens

    def missing_close(self, tok: _Token, what: str, opened: _Token) -> GameFormatError:
        line, column = _position(self.text, opened.offset)
        return self.error(
            f"missing '}}' closing {what} opened at line {line}, column {column}; "
            f"got {_describe(tok)}",
            tok.offset,
        )

    def labels(self, opened: _Token, what: str, item: str) -> tuple[list[str], _Token]:
        """Quoted labels up to the ``'}'`` closing ``opened``: ``(labels, closing token)``.

        ``what`` names the list in the error for a missing ``'}'`` ("the list of
        players"), ``item`` its entries ("player label").
        """
        labels: list[str] = []
        while True:
            tok = self.next()
            if tok.kind == "string":
                labels.append(tok.text)
            elif tok.kind == "}":
                return labels, tok
            elif tok.kind == "eof":
                raise self.missing_close(tok, what, opened)
            else:
                raise self.error(f"expected a quoted {item} or '}}', got {_describe(tok)}",
                                 tok.offset)

    def words_ahead(self) -> int:
        """How many word tokens follow in a row from the current position."""
        count = 0
        for t in self.tokens[self.i:]:
            if t.kind != "word":
                break
            count += 1
        return count

    def number(self, tok: _Token, where: str = "") -> int | Fraction | float:
        """Value of a numeric token; ``where`` ("in outcome 2") extends error messages."""
        if tok.kind != "word":
            raise self.error(f"expected a number{where}, got {_describe(tok)}", tok.offset)
        try:
            return _parse_number(tok.text, exact=self.exact)
        except ValueError as exc:
            raise self.error(f"{exc}{where}", tok.offset) from None

    # -- grammar
    def parse(self) -> NormalFormGame:
        title, players, strategies = self.prologue()
        shape = tuple(len(s) for s in strategies)
        n = len(players)
        tok = self.peek()
        if tok.kind == "{":
            flat = self.outcome_body(n, shape)
        elif tok.kind == "word":
            flat = self.payoff_body(n, shape)
        else:
            raise self.error(
                f"expected {_count_text(n, shape)} or an outcome list "
                f"starting with '{{', got {_describe(tok)}",
                tok.offset,
            )
        tok = self.peek()
        if tok.kind != "eof":
            raise self.error(
                f"unexpected {_describe(tok)} after the last payoff (expected end of file)",
                tok.offset,
            )
        arrays = []
        for i in range(n):
            arr = np.empty(len(flat) // n, dtype=object)
            arr[:] = flat[i::n]
            arrays.append(arr.reshape(shape, order="F"))
        return NormalFormGame(arrays, players=players, strategies=strategies, title=title)

    def prologue(self) -> tuple[str, list[str], list[list[str]]]:
        tok = self.next()
        if tok.kind == "eof":
            raise self.error("empty file: expected the header 'NFG 1 R'", tok.offset)
        if tok.kind != "word" or tok.text != "NFG":
            hint = (
                " (an EFG header: this is an extensive-form game, use an .efg file)"
                if tok.text == "EFG"
                else ""
            )
            raise self.error(f"expected the header 'NFG 1 R', got {_describe(tok)}{hint}",
                             tok.offset)
        tok = self.next()
        if tok.kind != "word" or tok.text != "1":
            raise self.error(
                f"unsupported NFG version {_describe(tok)}: only version 1 exists ('NFG 1 R')",
                tok.offset,
            )
        tok = self.next()
        if tok.kind != "word" or tok.text not in ("R", "D"):
            raise self.error(f"expected 'R' or 'D' after 'NFG 1', got {_describe(tok)}",
                             tok.offset)
        title = self.expect("string", "the game's title (a quoted string)").text

        opened = self.expect("{", "'{' opening the list of player labels")
        players, tok = self.labels(opened, "the list of players", "player label")
        if not players:
            raise self.error("the list of players is empty; a game needs a player", tok.offset)
        players = dedupe_labels(players)

        strategies = self.strategy_block(players)
        if self.peek().kind == "string":  # optional comment
            self.next()
        return title, players, strategies

    def strategy_block(self, players: Sequence[str]) -> list[list[str]]:
        n = len(players)
        opened = self.expect("{", "'{' opening the strategy labels or counts")
        strategies: list[list[str]] = []
        if self.peek().kind == "{":
            for i, player in enumerate(players):
                tok = self.next()
                if tok.kind != "{":
                    if tok.kind == "}":
                        raise self.error(
                            f"expected {n} lists of strategy labels (one per player), "
                            f"got {i}", tok.offset)
                    raise self.error(
                        f"expected '{{' opening the strategies of player {player!r}, "
                        f"got {_describe(tok)}", tok.offset)
                labels, tok = self.labels(tok, f"the strategies of player {player!r}",
                                          "strategy label")
                if not labels:
                    raise self.error(f"player {player!r} has no strategies", tok.offset)
                strategies.append(dedupe_labels(labels))
            tok = self.next()
            if tok.kind == "{":
                raise self.error(
                    f"more lists of strategy labels than players ({n})", tok.offset)
            if tok.kind != "}":
                raise self.missing_close(tok, "the strategy lists", opened)
        else:
            counts: list[tuple[int, _Token]] = []
            for i, player in enumerate(players):
                tok = self.next()
                if tok.kind == "}":
                    raise self.error(
                        f"expected {n} strategy counts (one per player), got {i}", tok.offset)
                if tok.kind == "eof":
                    raise self.missing_close(tok, "the strategy counts", opened)
                if tok.kind != "word" or not re.fullmatch(r"\+?[0-9]{1,9}", tok.text) \
                        or int(tok.text) < 1:
                    raise self.error(
                        f"expected the number of strategies of player {player!r} "
                        f"(a positive integer) or a list of labels, got {_describe(tok)}",
                        tok.offset,
                    )
                count = int(tok.text)
                # each strategy needs at least one body token: refuse absurd counts
                # before building their labels
                if count > 10_000 and count > len(self.tokens) - self.i:
                    raise self.error(
                        f"player {player!r} has {count} strategies, more than the rest of the "
                        f"file can hold (every profile needs its payoffs)", tok.offset)
                counts.append((count, tok))
            tok = self.next()
            if tok.kind == "word":
                raise self.error(
                    f"more strategy counts than players ({n}): unexpected {_describe(tok)}",
                    tok.offset)
            if tok.kind != "}":
                raise self.missing_close(tok, "the strategy counts", opened)
            strategies = [[str(k + 1) for k in range(c)] for c, _ in counts]
        return strategies

    def payoff_body(self, n: int, shape: tuple[int, ...]) -> list[Any]:
        need = math.prod(shape) * n
        values: list[Any] = []
        tokens = self.tokens
        while len(values) < need:
            tok = tokens[self.i]
            if tok.kind != "word":
                if tok.kind in ("eof", "{", "}"):
                    raise self.error(
                        f"wrong number of payoffs: expected {_count_text(n, shape)}, "
                        f"got {len(values)}", tok.offset)
                raise self.error(f"expected a number, got {_describe(tok)}", tok.offset)
            values.append(self.number(tok))
            self.i += 1
        tok = self.peek()
        if tok.kind == "word":
            raise self.error(
                f"wrong number of payoffs: expected {_count_text(n, shape)}, "
                f"got {need + self.words_ahead()}", tok.offset)
        return values

    def outcome_body(self, n: int, shape: tuple[int, ...]) -> list[Any]:
        opened = self.next()  # '{'
        outcomes: list[list[Any]] = []
        while True:
            tok = self.next()
            if tok.kind == "}":
                break
            if tok.kind == "eof":
                raise self.missing_close(tok, "the outcome list", opened)
            if tok.kind != "{":
                raise self.error(
                    f"expected '{{' opening outcome {len(outcomes) + 1} or '}}' closing the "
                    f"outcome list, got {_describe(tok)}", tok.offset)
            number = len(outcomes) + 1
            self.expect("string", f"the quoted label of outcome {number}")
            payoffs: list[Any] = []
            for _ in range(n):
                tok = self.peek()
                if tok.kind == "}":
                    raise self.error(
                        f"outcome {number} has {len(payoffs)} payoff"
                        f"{'' if len(payoffs) == 1 else 's'}, expected {n} (one per player)",
                        tok.offset)
                payoffs.append(self.number(self.next(), f" in outcome {number}"))
                if self.peek().kind == ",":
                    self.next()
            tok = self.next()
            if tok.kind == "word":
                raise self.error(
                    f"outcome {number} has more than {n} payoff{'' if n == 1 else 's'} "
                    "(one per player)", tok.offset)
            if tok.kind == "eof":
                raise self.missing_close(tok, f"outcome {number}", opened)
            if tok.kind != "}":
                raise self.error(
                    f"expected '}}' closing outcome {number}, got {_describe(tok)}", tok.offset)
            outcomes.append(payoffs)

        need = math.prod(shape)
        null = [0] * n
        flat: list[Any] = []
        count = 0
        while count < need:
            tok = self.peek()
            if tok.kind != "word":
                raise self.error(
                    f"wrong number of outcome indices: expected {need} (one per profile), "
                    f"got {count}", tok.offset)
            if not _INT_RE.match(tok.text) or tok.text.startswith(("-", "+")):
                raise self.error(
                    f"expected an outcome index (a whole number 0..{len(outcomes)}), "
                    f"got {_describe(tok)}", tok.offset)
            k = int(tok.text) if len(tok.text) < 20 else len(outcomes) + 1
            if k > len(outcomes):
                raise self.error(
                    f"outcome index {tok.text} out of range: the file defines "
                    f"{len(outcomes)} outcome{'' if len(outcomes) == 1 else 's'} "
                    f"(valid indices 0..{len(outcomes)}; 0 is the null outcome)", tok.offset)
            flat.extend(outcomes[k - 1] if k else null)
            count += 1
            self.i += 1
        tok = self.peek()
        if tok.kind == "word":
            raise self.error(
                f"wrong number of outcome indices: expected {need} (one per profile), "
                f"got {need + self.words_ahead()}", tok.offset)
        return flat


def _count_text(n: int, shape: tuple[int, ...]) -> str:
    profiles = math.prod(shape)
    return (f"{profiles * n} payoffs ({profiles} profile{'' if profiles == 1 else 's'} x "
            f"{n} player{'' if n == 1 else 's'})")


def _parse_number(text: str, *, exact: bool = True) -> int | Fraction | float:
    """One numeric token: integer, ``p/q`` or decimal (with exponent); finite only."""
    if text.lower() in _NON_FINITE:
        raise ValueError(f"payoffs must be finite numbers, got {text!r}")
    try:
        if _INT_RE.match(text):
            return int(text)
        m = _FRACTION_RE.match(text)
        if m:
            if int(m.group(2)) == 0:
                raise ValueError(f"zero denominator in {text!r}")
            return Fraction(int(m.group(1)), int(m.group(2)))
        m = _DECIMAL_RE.match(text)
        if m and (m.group(2) or m.group(3)):
            sign, whole, frac, exp = m.groups()
            frac = frac or ""
            e = int(exp or 0) - len(frac)
            if abs(e) > MAX_EXPONENT:
                raise ValueError(f"exponent of {text!r} is too large (limit 1e{MAX_EXPONENT})")
            if not exact:
                value = float(text)
                if not math.isfinite(value):
                    raise ValueError(f"{text!r} overflows a binary float")
                return value
            mantissa = int((whole or "0") + frac) * (-1 if sign == "-" else 1)
            return Fraction(mantissa * 10**e) if e >= 0 else Fraction(mantissa, 10**-e)
    except ValueError as exc:
        if "digits" in str(exc):  # int() refuses more than sys.get_int_max_str_digits()
            raise ValueError(f"number {text[:20]}... has too many digits") from None
        raise
    raise ValueError(f"expected a number, got {text!r}")


# ----------------------------------------------------------------------------- reading


def parse_nfg(text: str, *, path: str | None = None, exact: bool = True) -> NormalFormGame:
    """Parse the text of a ``.nfg`` file (payoff or outcome version).

    Parameters
    ----------
    text : str
        The file's content.
    path : str, optional
        File name used in error messages (default ``"<string>"``).
    exact : bool, default True
        Read decimals exactly (``0.1`` is ``Fraction(1, 10)``), as Gambit does.
        With ``False`` decimals become binary floats and the game is a float
        game; this reads back exactly what :func:`nfg_text` wrote for a float
        game.

    Returns
    -------
    NormalFormGame
        Integer, rational or float payoffs; the title is kept, the optional
        comment and outcome labels are dropped.

    Raises
    ------
    GameFormatError
        Malformed text; the message starts with ``path:line:column`` (1-based)
        of the offending token.

    See Also
    --------
    read_nfg : read a file or stream.
    nfg_text : the inverse.

    Examples
    --------
    >>> g = parse_nfg('NFG 1 R "Matching pennies" { "A" "B" } { 2 2 }\\n'
    ...               '1 -1  -1 1  -1 1  1 -1')
    >>> g.payoff_array("A").tolist()
    [[1, -1], [-1, 1]]
    >>> parse_nfg('NFG 1 R "" { "1" } { 2 } 0.1 1/3').payoff_array(0).tolist()
    [Fraction(1, 10), Fraction(1, 3)]
    >>> parse_nfg('NFG 1 R "" { "1" } { 2 } 1 oops', path="g.nfg")
    Traceback (most recent call last):
    ...
    gametheory.errors.GameFormatError: g.nfg:1:28: expected a number, got 'oops'
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_nfg needs the file's text as a str, got {type(text).__name__}")
    return _Parser(text, path, exact).parse()


def read_nfg(
    source: str | os.PathLike[str] | IO[str] | IO[bytes],
    *,
    path: str | None = None,
    exact: bool = True,
) -> NormalFormGame:
    """Read a ``.nfg`` game from text, a file path or an open stream.

    Parameters
    ----------
    source : str, os.PathLike or file object
        A ``str`` is the *content* of a file (use :func:`gametheory.io.read_game`
        or a :class:`pathlib.Path` for a file name); a path-like object is
        read as UTF-8; a text or binary stream is read to the end.
    path : str, optional
        File name for error messages (default: the path, or the stream's ``name``).
    exact : bool, default True
        See :func:`parse_nfg`.

    Returns
    -------
    NormalFormGame

    Raises
    ------
    GameFormatError
        Malformed content or invalid UTF-8, with line and column.
    OSError
        The file cannot be read.

    Examples
    --------
    >>> import io
    >>> g = read_nfg(io.StringIO('NFG 1 R "PD" { "1" "2" } { 2 2 } 3 3 5 0 0 5 1 1'))
    >>> g["2", "2"]
    (1, 1)
    """
    if isinstance(source, os.PathLike):
        if path is None:
            path = os.fspath(source)
        return parse_nfg(read_text(source, path), path=path, exact=exact)
    if isinstance(source, str):
        try:
            return parse_nfg(source, path=path, exact=exact)
        except GameFormatError as exc:
            if (exc.line, exc.column) == (1, 1) and source.strip().lower().endswith(".nfg") \
                    and "\n" not in source.strip():
                raise GameFormatError(
                    f"{exc.args[0].split(': ', 1)[-1]}; read_nfg reads text: to read the file "
                    f"{source!r} call gametheory.read_game({source!r})",
                    path=exc.path, line=exc.line, column=exc.column,
                ) from None
            raise
    if hasattr(source, "read"):
        text, path = read_stream(source, path)
        return parse_nfg(text, path=path, exact=exact)
    raise TypeError(
        f"read_nfg needs text, a path or a file object, got {type(source).__name__}"
    )


# ----------------------------------------------------------------------------- writing


def _quote(label: str) -> str:
    """Label in double quotes with ``\\`` and ``"`` escaped (C++ ``std::quoted``)."""
    return '"' + label.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _number_text(value: Any) -> str:
    """Exact numbers as integers or ``p/q``; floats as their shortest repr."""
    if isinstance(value, np.integer | int):
        return str(int(value))
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else str(value)
    if isinstance(value, float | np.floating):
        # Gambit's number parser rejects an explicit '+' in the exponent: 1e+16 -> 1e16
        return repr(float(value)).replace("e+", "e")
    raise TypeError(f"cannot write payoff {value!r} of type {type(value).__name__}")


def _check_writable(game: Any) -> None:
    if not isinstance(game, NormalFormGame):
        raise TypeError(f"a .nfg file holds a NormalFormGame, got {type(game).__name__}")
    game.numeric_check("writing a .nfg file")


def _nfg_lines(game: NormalFormGame, comment: str) -> Iterator[str]:
    yield f"NFG 1 R {_quote(game.title)} {{ {' '.join(map(_quote, game.players))} }}\n"
    yield "\n"
    for i, labels in enumerate(game.strategies):
        yield ("{ " if i == 0 else "") + f"{{ {' '.join(map(_quote, labels))} }}\n"
    yield "}\n"
    yield f"{_quote(comment)}\n"
    yield "\n"
    columns = [[_number_text(v) for v in a.ravel(order="F")] for a in game.payoffs]
    for row in zip(*columns, strict=True):
        yield " ".join(row) + "\n"


def dump_nfg(game: NormalFormGame, stream: IO[str], *, comment: str = "") -> None:
    """Write a game to an open text stream in the ``.nfg`` payoff version.

    Parameters
    ----------
    game : NormalFormGame
        A numeric game.
    stream : text file object
    comment : str, optional
        The optional comment field of the format.

    Raises
    ------
    SymbolicGameError
        The game has free parameters; substitute values with ``game.at(...)``.
    TypeError
        Not a :class:`NormalFormGame`.

    See Also
    --------
    nfg_text, gametheory.io.write_game
    """
    _check_writable(game)
    if not isinstance(comment, str):
        raise TypeError(f"comment must be a str, got {type(comment).__name__}")
    stream.writelines(_nfg_lines(game, comment))


def nfg_text(game: NormalFormGame, *, comment: str = "") -> str:
    """The ``.nfg`` text of a game (payoff version, ``NFG 1 R``).

    Labels are quoted with ``"`` and ``\\`` escaped; exact payoffs are written
    as integers or ``p/q``, float payoffs as their shortest ``repr`` (which
    reads back to the same float with ``parse_nfg(text, exact=False)``, and to
    that decimal number exactly by default). One line per pure profile, the
    first player's strategy varying fastest.

    Parameters
    ----------
    game : NormalFormGame
        A numeric game.
    comment : str, optional
        The optional comment field.

    Returns
    -------
    str

    Raises
    ------
    SymbolicGameError
        The game has free parameters.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from gametheory import NormalFormGame
    >>> g = NormalFormGame.from_arrays([[1, Fraction(1, 2)]], [[0, -1]],
    ...     players=['Ann "A"', "Bob"], strategies=[["x"], ["l", "r"]], title="demo")
    >>> print(nfg_text(g), end="")
    NFG 1 R "demo" { "Ann \\"A\\"" "Bob" }
    <BLANKLINE>
    { { "x" }
    { "l" "r" }
    }
    ""
    <BLANKLINE>
    1 0
    1/2 -1
    >>> parse_nfg(nfg_text(g)) == g
    True
    """
    buffer = io.StringIO()
    dump_nfg(game, buffer, comment=comment)
    return buffer.getvalue()
