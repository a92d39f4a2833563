"""Exception types of :mod:`gametheory`.

Every error a user can provoke with bad input is a subclass of
:class:`GameTheoryError`; domain errors also subclass :class:`ValueError` so
that generic ``except ValueError`` handlers keep working.
"""

from __future__ import annotations

__all__ = [
    "GameTheoryError",
    "InvalidGameError",
    "InvalidProfileError",
    "UnknownLabelError",
    "UnknownParameterError",
    "SymbolicGameError",
    "MethodNotApplicableError",
    "VerificationError",
    "ParseError",
    "GameFormatError",
]


class GameTheoryError(Exception):
    """Base class of every exception raised on purpose by gametheory."""


class InvalidGameError(GameTheoryError, ValueError):
    """A game cannot be built from the given data (shape, NaN/inf, labels)."""


class InvalidProfileError(GameTheoryError, ValueError):
    """A strategy profile is malformed (shape, negative or non-normalised)."""


class UnknownLabelError(GameTheoryError, KeyError):
    """A player or strategy label that the game does not have."""

    def __str__(self) -> str:  # KeyError quotes its argument; keep it readable
        return str(self.args[0]) if self.args else ""


class UnknownParameterError(GameTheoryError, ValueError):
    """A name that is not a declared parameter."""


class SymbolicGameError(GameTheoryError, TypeError):
    """A symbolic game was given to a method that needs numbers."""


class MethodNotApplicableError(GameTheoryError, ValueError):
    """A solution method does not apply to this game (players, zero-sum, ...)."""


class VerificationError(GameTheoryError, ArithmeticError):
    """A solver produced a candidate that is not an equilibrium.

    This signals a bug, never bad input: solvers verify before returning.
    """


class ParseError(GameTheoryError, ValueError):
    """An expression from a file or a user is outside the safe whitelist.

    Attributes
    ----------
    token : str or None
        The offending token (name, operator or literal), when known.
    column : int or None
        1-based column of the offending token in the expression text.
    """

    def __init__(self, message: str, *, token: str | None = None, column: int | None = None):
        self.token = token
        self.column = column
        where = f" (column {column})" if column is not None else ""
        super().__init__(f"{message}{where}")


class GameFormatError(GameTheoryError, ValueError):
    """A game or scenario file is malformed.

    The message names the file, the line and the column.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ):
        self.path = path
        self.line = line
        self.column = column
        loc = ":".join(str(v) for v in (path, line, column) if v is not None)
        super().__init__(f"{loc}: {message}" if loc else message)
