"""Normal-form (strategic-form) games with exact, float or symbolic payoffs.

A normal-form game with players :math:`1, \\dots, N` has finite strategy sets
:math:`S_1, \\dots, S_N` and payoff functions :math:`u_i : S_1 \\times \\dots
\\times S_N \\to \\mathbb{R}`. Here :math:`u_i` is stored as an
:math:`N`-dimensional array indexed by strategy profiles, one array per player.
Payoffs are integers, :class:`~fractions.Fraction` (exact), floats, or sympy
expressions in declared parameters; :meth:`NormalFormGame.at` substitutes
parameter values and returns a numeric game, exact when the values are
rational.

Games are immutable: every operation returns a new game.
"""

from __future__ import annotations

import html
import itertools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from .._numbers import EXACT_KINDS, classify, convert_array, format_number, to_fraction, to_sympy
from ..errors import (
    InvalidGameError,
    MethodNotApplicableError,
    SymbolicGameError,
    UnknownLabelError,
    UnknownParameterError,
)
from ._labels import check_labels

__all__ = ["NormalFormGame"]

Labels = Sequence[str]


def _as_object_array(data: Any, where: str) -> np.ndarray:
    """Object array from nested sequences, with a clear error for ragged input."""
    if isinstance(data, np.ndarray):
        return data
    try:
        arr = np.array(data, dtype=object)
    except ValueError as exc:  # inhomogeneous nesting
        raise InvalidGameError(f"{where} is ragged (rows of unequal length): {exc}") from None
    # np.array(dtype=object) silently builds arrays of lists for ragged input
    if arr.size and any(isinstance(v, list | tuple | np.ndarray) for v in arr.flat):
        raise InvalidGameError(f"{where} is ragged (rows of unequal length)")
    return arr


def _check_labels(labels: Iterable[Any] | None, count: int, what: str, default: Labels) -> tuple:
    if labels is None:
        return tuple(default)
    if isinstance(labels, str):
        raise InvalidGameError(f"{what} must be a sequence of labels, not the string {labels!r}")
    out = tuple(labels)
    if len(out) != count:
        raise InvalidGameError(f"{what}: expected {count} labels, got {len(out)}: {list(out)}")
    check_labels(out, where=what)
    return out


class NormalFormGame:
    """An N-player game in normal form.

    Parameters
    ----------
    payoffs : sequence of array_like
        One array per player, each of shape ``(n_1, ..., n_N)``: entry
        ``payoffs[i][s_1, ..., s_N]`` is player ``i``'s payoff at the profile.
    players : sequence of str, optional
        Player labels (default ``"1"``, ``"2"``, ...).
    strategies : sequence of sequence of str, optional
        Strategy labels per player (default ``"1"``, ``"2"``, ... for each).
    title : str, optional
        A title used in reports and files.
    space : gametheory.parameters.ParameterSpace, optional
        The declared parameters (bounds, defaults) of a symbolic game.

    Raises
    ------
    InvalidGameError
        Ragged or mismatched shapes, NaN or infinite payoffs, strings,
        duplicate or missing labels.

    See Also
    --------
    NormalFormGame.from_arrays, NormalFormGame.from_profiles,
    NormalFormGame.from_bimatrix, NormalFormGame.zero_sum

    Examples
    --------
    >>> from gametheory import NormalFormGame
    >>> g = NormalFormGame.from_arrays([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...     players=["Row", "Col"], strategies=[["C", "D"], ["C", "D"]],
    ...     title="Prisoner's dilemma")
    >>> g["D", "D"]
    (1, 1)
    >>> g.kind, g.shape
    ('integer', (2, 2))
    """

    __slots__ = ("_payoffs", "_players", "_strategies", "_title", "_kind", "_space", "__weakref__")

    def __init__(
        self,
        payoffs: Sequence[Any],
        players: Labels | None = None,
        strategies: Sequence[Labels] | None = None,
        title: str = "",
        space: Any = None,
    ) -> None:
        arrays = [
            _as_object_array(p, f"payoff array of player {i + 1}") for i, p in enumerate(payoffs)
        ]
        n = len(arrays)
        if n < 1:
            raise InvalidGameError("a game needs at least one player's payoff array")
        shape = arrays[0].shape
        for i, arr in enumerate(arrays):
            if arr.ndim != n:
                raise InvalidGameError(
                    f"payoff array of player {i + 1} has {arr.ndim} dimensions, "
                    f"expected {n} (one axis per player); shape {arr.shape}"
                )
            if arr.shape != shape:
                raise InvalidGameError(
                    f"payoff array of player {i + 1} has shape {arr.shape}, expected {shape} "
                    "(the shape of player 1's array)"
                )
        if any(k < 1 for k in shape):
            raise InvalidGameError(f"every player needs at least one strategy; shape {shape}")
        self._players = _check_labels(players, n, "players", [str(i + 1) for i in range(n)])
        if strategies is not None and (isinstance(strategies, str) or len(strategies) != n):
            raise InvalidGameError(f"strategies: expected one label list per player ({n})")
        self._strategies = tuple(
            _check_labels(
                None if strategies is None else strategies[i],
                shape[i],
                f"strategies of {self._players[i]!r}",
                [str(k + 1) for k in range(shape[i])],
            )
            for i in range(n)
        )
        kinds = [classify(arr, f"payoff of {self._players[i]!r}") for i, arr in enumerate(arrays)]
        kind = max(kinds, key=("integer", "rational", "float", "symbolic").index)
        self._kind = kind
        self._payoffs = tuple(convert_array(arr, kind) for arr in arrays)
        self._title = str(title)
        self._space = space
        if space is not None and kind == "symbolic":
            declared = set(space.symbols.values()) if hasattr(space, "symbols") else set()
            unknown = sorted(str(s) for s in self.parameters if s not in declared)
            if unknown:
                raise UnknownParameterError(
                    f"payoffs use undeclared parameters {unknown}; declared: "
                    f"{sorted(str(s) for s in declared)}"
                )

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_arrays(
        cls,
        *arrays: Any,
        players: Labels | None = None,
        strategies: Sequence[Labels] | None = None,
        title: str = "",
        space: Any = None,
    ) -> NormalFormGame:
        """Build a game from one payoff array per player.

        Examples
        --------
        >>> g = NormalFormGame.from_arrays([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
        >>> g.n_players, g.is_zero_sum
        (2, True)
        """
        return cls(list(arrays), players=players, strategies=strategies, title=title, space=space)

    @classmethod
    def from_profiles(
        cls,
        profiles: Any,
        *,
        players: Labels | None = None,
        strategies: Sequence[Labels] | None = None,
        title: str = "",
        space: Any = None,
    ) -> NormalFormGame:
        """Build a game from a payoff-profile array of shape ``(n_1, ..., n_N, N)``.

        This is QuantEcon's layout: the last axis holds the payoff of each player.

        Examples
        --------
        >>> g = NormalFormGame.from_profiles([[[2, 1], [0, 0]], [[0, 0], [1, 2]]])
        >>> g.payoff_array(1).tolist()
        [[1, 0], [0, 2]]
        """
        arr = _as_object_array(profiles, "payoff-profile array")
        n = arr.ndim - 1
        if n < 1 or arr.shape[-1] != n:
            raise InvalidGameError(
                f"payoff-profile array of shape {arr.shape}: the last axis must have one "
                f"entry per player, i.e. length {max(n, 1)} for {max(n, 1)} players"
            )
        return cls(
            [arr[..., i] for i in range(n)],
            players=players,
            strategies=strategies,
            title=title,
            space=space,
        )

    @classmethod
    def from_bimatrix(
        cls,
        A: Any,
        B: Any = None,
        *,
        players: Labels | None = None,
        strategies: Sequence[Labels] | None = None,
        title: str = "",
        space: Any = None,
    ) -> NormalFormGame:
        """Build a 2-player game nashpy-style: ``A`` for the row player, ``B`` for the column player.

        If ``B`` is omitted the game is zero-sum (``B = -A``), as in ``nashpy.Game(A)``.

        Examples
        --------
        >>> NormalFormGame.from_bimatrix([[0, -1, 1], [1, 0, -1], [-1, 1, 0]]).is_zero_sum
        True
        """
        a = _as_object_array(A, "matrix A")
        if a.ndim != 2:
            raise InvalidGameError(f"matrix A must be 2-dimensional, got shape {a.shape}")
        b = -a if B is None else _as_object_array(B, "matrix B")
        return cls([a, b], players=players, strategies=strategies, title=title, space=space)

    @classmethod
    def zero_sum(
        cls,
        A: Any,
        *,
        players: Labels | None = None,
        strategies: Sequence[Labels] | None = None,
        title: str = "",
        space: Any = None,
    ) -> NormalFormGame:
        """Two-player zero-sum game with row payoffs ``A`` (column payoffs ``-A``).

        Examples
        --------
        >>> g = NormalFormGame.zero_sum([[1, -1], [-1, 1]], strategies=[["H", "T"], ["H", "T"]])
        >>> g["H", "T"]
        (-1, 1)
        """
        return cls.from_bimatrix(
            A, None, players=players, strategies=strategies, title=title, space=space
        )

    @classmethod
    def from_nashpy(cls, game: Any, **labels: Any) -> NormalFormGame:
        """Convert a ``nashpy.Game``."""
        A, B = game.payoff_matrices
        return cls.from_bimatrix(np.asarray(A), np.asarray(B), **labels)

    # ------------------------------------------------------------------ basic data
    @property
    def players(self) -> tuple[str, ...]:
        """Player labels."""
        return self._players

    @property
    def strategies(self) -> tuple[tuple[str, ...], ...]:
        """Strategy labels, one tuple per player."""
        return self._strategies

    @property
    def title(self) -> str:
        """The game's title."""
        return self._title

    @property
    def space(self) -> Any:
        """The declared :class:`~gametheory.parameters.ParameterSpace`, or ``None``."""
        return self._space

    @property
    def n_players(self) -> int:
        """Number of players."""
        return len(self._players)

    @property
    def shape(self) -> tuple[int, ...]:
        """Number of strategies of each player."""
        return self._payoffs[0].shape

    @property
    def kind(self) -> str:
        """``"integer"``, ``"rational"``, ``"float"`` or ``"symbolic"``."""
        return self._kind

    @property
    def is_exact(self) -> bool:
        """True when every payoff is an integer or a rational number."""
        return self._kind in EXACT_KINDS

    @property
    def is_symbolic(self) -> bool:
        """True when some payoff is a sympy expression with free parameters."""
        return self._kind == "symbolic"

    @property
    def parameters(self) -> tuple[sympy.Symbol, ...]:
        """Free parameters of the payoffs, sorted by name (empty for numeric games)."""
        if self._kind != "symbolic":
            return ()
        syms: set[sympy.Symbol] = set()
        for arr in self._payoffs:
            for v in arr.flat:
                syms |= v.free_symbols
        return tuple(sorted(syms, key=lambda s: s.name))

    def payoff_array(self, player: int | str) -> np.ndarray:
        """Payoff array of one player (read-only), indexed by strategy profiles.

        Examples
        --------
        >>> g = NormalFormGame.from_arrays([[1, 2]], [[3, 4]])
        >>> g.payoff_array("2").tolist()
        [[3, 4]]
        """
        return self._payoffs[self.player_index(player)]

    @property
    def payoffs(self) -> tuple[np.ndarray, ...]:
        """Payoff arrays of all players (read-only)."""
        return self._payoffs

    def player_index(self, player: int | str) -> int:
        """Index of a player given by label or index."""
        if isinstance(player, int | np.integer) and not isinstance(player, bool):
            if 0 <= player < self.n_players:
                return int(player)
            raise UnknownLabelError(f"player index {player} out of range 0..{self.n_players - 1}")
        try:
            return self._players.index(player)
        except ValueError:
            raise UnknownLabelError(
                f"unknown player {player!r}; players are {list(self._players)}"
            ) from None

    def strategy_index(self, player: int | str, strategy: int | str) -> int:
        """Index of a strategy of ``player`` given by label or index."""
        i = self.player_index(player)
        labels = self._strategies[i]
        if isinstance(strategy, int | np.integer) and not isinstance(strategy, bool):
            if 0 <= strategy < len(labels):
                return int(strategy)
            raise UnknownLabelError(
                f"strategy index {strategy} out of range for {self._players[i]!r} "
                f"(0..{len(labels) - 1})"
            )
        try:
            return labels.index(strategy)
        except ValueError:
            raise UnknownLabelError(
                f"unknown strategy {strategy!r} of {self._players[i]!r}; "
                f"strategies are {list(labels)}"
            ) from None

    def __getitem__(self, profile: Any) -> tuple:
        """Payoffs (one per player) at a pure profile given by labels or indices."""
        if not isinstance(profile, tuple):
            profile = (profile,)
        if len(profile) != self.n_players:
            raise UnknownLabelError(
                f"a profile names one strategy per player ({self.n_players}), got {len(profile)}"
            )
        idx = tuple(self.strategy_index(i, s) for i, s in enumerate(profile))
        return tuple(_scalar(arr[idx]) for arr in self._payoffs)

    def profiles(self) -> Iterable[tuple[str, ...]]:
        """All pure strategy profiles, as label tuples, in row-major order."""
        return itertools.product(*self._strategies)

    # ------------------------------------------------------------------ properties of the game
    @property
    def is_constant_sum(self) -> bool:
        """True when the payoffs sum to the same constant at every profile (exactly)."""
        total = sum(self._payoffs[1:], self._payoffs[0])
        flat = list(total.flat)
        if self._kind == "symbolic":
            return all(sympy.simplify(v - flat[0]) == 0 for v in flat)
        if self._kind == "float":
            return bool(np.allclose(total, total.flat[0], rtol=0, atol=1e-12 * _scale(total)))
        return all(v == flat[0] for v in flat)

    @property
    def is_zero_sum(self) -> bool:
        """True when the payoffs sum to zero at every profile (exactly)."""
        total = sum(self._payoffs[1:], self._payoffs[0])
        if self._kind == "symbolic":
            return all(sympy.simplify(v) == 0 for v in total.flat)
        if self._kind == "float":
            return bool(np.allclose(total, 0, rtol=0, atol=1e-12 * _scale(total)))
        return all(v == 0 for v in total.flat)

    # ------------------------------------------------------------------ transformations
    def _replace(self, payoffs: Sequence[Any], **changes: Any) -> NormalFormGame:
        kw = {
            "players": self._players,
            "strategies": self._strategies,
            "title": self._title,
            "space": self._space,
        }
        kw.update(changes)
        return type(self)(list(payoffs), **kw)

    def at(self, **values: Any) -> NormalFormGame:
        """Substitute parameter values; exact when the values are rational.

        Parameters
        ----------
        **values
            ``name=value`` for free parameters. Values may be ``int``,
            :class:`~fractions.Fraction`, strings such as ``"1/2"`` or
            ``"0.3"`` (read exactly), sympy numbers, or floats (which give a
            float game). Parameters left out stay symbolic.

        Raises
        ------
        UnknownParameterError
            A name that is neither a free parameter nor a declared one.

        Examples
        --------
        >>> import sympy
        >>> c, p = sympy.symbols("c p", nonnegative=True)
        >>> g = NormalFormGame.from_arrays([[0, -1], [-c, p - c]], [[0, 1], [1, 0]])
        >>> g.at(c="3/10", p=1)["2", "2"]
        (Fraction(7, 10), Fraction(0, 1))
        """
        if self._kind != "symbolic":
            if values:
                raise UnknownParameterError(
                    f"the game has no free parameters; got {sorted(values)}"
                )
            return self
        declared = self._space.names if self._space is not None else ()
        subs = _substitutions(self.parameters, declared, values)
        new = [_subs_array(arr, subs) for arr in self._payoffs]
        return self._replace(new)

    def map_payoffs(self, func: Any) -> NormalFormGame:
        """Apply ``func(player_index, array) -> array`` to each payoff array."""
        return self._replace(
            [func(i, np.array(a, dtype=object)) for i, a in enumerate(self._payoffs)]
        )

    def permute_players(self, order: Sequence[int | str]) -> NormalFormGame:
        """The same game with players listed in a new order."""
        idx = [self.player_index(p) for p in order]
        if sorted(idx) != list(range(self.n_players)):
            raise InvalidGameError(f"order {list(order)} is not a permutation of the players")
        return self._replace(
            [np.transpose(self._payoffs[i], idx) for i in idx],
            players=[self._players[i] for i in idx],
            strategies=[self._strategies[i] for i in idx],
        )

    def restrict(self, strategies: Mapping[str, Sequence[str]]) -> NormalFormGame:
        """Sub-game keeping only the given strategies of some players (labels kept)."""
        keep = [list(range(k)) for k in self.shape]
        for player, labs in strategies.items():
            i = self.player_index(player)
            keep[i] = sorted(self.strategy_index(i, s) for s in labs)
            if not keep[i]:
                raise InvalidGameError(f"player {self._players[i]!r} must keep a strategy")
        grid = np.ix_(*keep)
        return self._replace(
            [a[grid] for a in self._payoffs],
            strategies=[[self._strategies[i][k] for k in keep[i]] for i in range(self.n_players)],
        )

    # ------------------------------------------------------------------ conversions
    def numeric_check(self, method: str = "this method") -> None:
        """Raise :class:`SymbolicGameError` if the game has free parameters."""
        if self._kind == "symbolic":
            names = ", ".join(s.name for s in self.parameters)
            raise SymbolicGameError(
                f"{method} needs numeric payoffs but the game has free parameters: {names}; "
                f"substitute values first, e.g. game.at({', '.join(f'{s}=...' for s in self.parameters[:3])})"
            )

    def as_float_arrays(self) -> tuple[np.ndarray, ...]:
        """Payoff arrays as ``float64`` (numeric games only)."""
        self.numeric_check("as_float_arrays")
        return tuple(np.asarray(a, dtype=np.float64) for a in self._payoffs)

    def to_nashpy(self) -> Any:
        """Convert to ``nashpy.Game`` (2 players, numeric payoffs, as floats)."""
        if self.n_players != 2:
            raise MethodNotApplicableError(
                f"nashpy handles 2-player games; this has {self.n_players}"
            )
        import nashpy

        A, B = self.as_float_arrays()
        return nashpy.Game(A, B)

    def to_pygambit(self) -> Any:
        """Convert to a ``pygambit.Game`` (optional dependency), labels and exact payoffs kept."""
        self.numeric_check("to_pygambit")
        try:
            import pygambit as gbt
        except ImportError as exc:  # pragma: no cover - depends on environment
            raise ImportError(
                "to_pygambit needs pygambit: pip install 'pygambit>=16.7,<17'"
            ) from exc
        if self.is_exact:
            arrays = [
                np.vectorize(lambda v: gbt.Rational(str(to_fraction(v))), otypes=[object])(a)
                for a in self._payoffs
            ]
        else:
            arrays = [np.asarray(a, dtype=float) for a in self._payoffs]
        g = gbt.Game.from_arrays(*arrays, title=self._title or "Untitled strategic game")
        players = list(g.players)
        # two passes: temporary labels first, so new labels never clash with Gambit's defaults
        for final in (False, True):
            for i, player in enumerate(players):
                player.label = self._players[i] if final else f"__gt_tmp_{i}"
                for k, strat in enumerate(player.strategies):
                    strat.label = self._strategies[i][k] if final else f"__gt_tmp_{k}"
        return g

    # ------------------------------------------------------------------ equality and display
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NormalFormGame):
            return NotImplemented
        return (
            self._players == other._players
            and self._strategies == other._strategies
            and all(
                a.shape == b.shape
                and all(_equal(x, y) for x, y in zip(a.flat, b.flat, strict=True))
                for a, b in zip(self._payoffs, other._payoffs, strict=True)
            )
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shape = "x".join(map(str, self.shape))
        title = f" {self._title!r}" if self._title else ""
        params = f", parameters {[s.name for s in self.parameters]}" if self.is_symbolic else ""
        return f"<NormalFormGame{title}: {self.n_players} players, {shape}, {self._kind}{params}>"

    def _cells(self) -> list[tuple[tuple[int, ...], str]]:
        out = []
        for idx in itertools.product(*(range(k) for k in self.shape)):
            out.append((idx, ", ".join(format_number(_scalar(a[idx])) for a in self._payoffs)))
        return out

    def __str__(self) -> str:
        lines = [repr(self)]
        if self.n_players == 2:
            rows, cols = self._strategies
            cells = [
                [
                    ", ".join(format_number(_scalar(a[r, c])) for a in self._payoffs)
                    for c in range(len(cols))
                ]
                for r in range(len(rows))
            ]
            w0 = max(len(s) for s in rows + (f"{self._players[0]} \\ {self._players[1]}",))
            widths = [
                max(len(cols[c]), *(len(cells[r][c]) for r in range(len(rows))))
                for c in range(len(cols))
            ]
            head = f"{self._players[0]} \\ {self._players[1]}".ljust(w0)
            lines.append(
                " | ".join([head] + [c.ljust(w) for c, w in zip(cols, widths, strict=True)])
            )
            for r, lab in enumerate(rows):
                lines.append(
                    " | ".join(
                        [lab.ljust(w0)] + [cells[r][c].ljust(widths[c]) for c in range(len(cols))]
                    )
                )
        else:
            for idx, text in self._cells():
                labels = ", ".join(self._strategies[i][k] for i, k in enumerate(idx))
                lines.append(f"({labels}): {text}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        esc = html.escape
        cap = f"<caption>{esc(self._title)}</caption>" if self._title else ""
        if self.n_players != 2:
            rows = "".join(
                "<tr><td>"
                + esc(", ".join(self._strategies[i][k] for i, k in enumerate(idx)))
                + "</td><td>"
                + esc(text)
                + "</td></tr>"
                for idx, text in self._cells()
            )
            head = f"<tr><th>profile ({esc(', '.join(self._players))})</th><th>payoffs</th></tr>"
            return f"<table>{cap}{head}{rows}</table>"
        rows_l, cols_l = self._strategies
        head = (
            f"<tr><th>{esc(self._players[0])} \\ {esc(self._players[1])}</th>"
            + "".join(f"<th>{esc(c)}</th>" for c in cols_l)
            + "</tr>"
        )
        body = ""
        for r, lab in enumerate(rows_l):
            body += (
                f"<tr><th>{esc(lab)}</th>"
                + "".join(
                    "<td>"
                    + esc(", ".join(format_number(_scalar(a[r, c])) for a in self._payoffs))
                    + "</td>"
                    for c in range(len(cols_l))
                )
                + "</tr>"
            )
        return f"<table>{cap}{head}{body}</table>"

    def _repr_latex_(self) -> str:
        def tex(v: Any) -> str:
            if isinstance(v, Fraction):
                v = sympy.Rational(v.numerator, v.denominator)
            return sympy.latex(v)

        if self.n_players != 2:
            items = [
                _tex_text(", ".join(self._strategies[i][k] for i, k in enumerate(idx)))
                + ": "
                + ",\\ ".join(tex(_scalar(a[idx])) for a in self._payoffs)
                for idx, _ in self._cells()
            ]
            return "$\\begin{array}{l}" + r"\\ ".join(items) + r"\end{array}$"
        rows_l, cols_l = self._strategies
        cols = "c" * len(cols_l)
        head = " & ".join([""] + [_tex_text(c) for c in cols_l])
        body = r" \\ ".join(
            " & ".join(
                [_tex_text(lab)]
                + [
                    ",\\ ".join(tex(_scalar(a[r, c])) for a in self._payoffs)
                    for c in range(len(cols_l))
                ]
            )
            for r, lab in enumerate(rows_l)
        )
        return f"$\\begin{{array}}{{r|{cols}}} {head} \\\\ \\hline {body} \\end{{array}}$"


def _tex_text(label: str) -> str:
    """A label as LaTeX text, with the special characters escaped."""
    for ch in "&%$#_{}":
        label = label.replace(ch, "\\" + ch)
    return "\\text{" + label + "}"


def _scalar(v: Any) -> Any:
    """Python scalar from a numpy element (int64 -> int, float64 -> float)."""
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, np.floating):
        return float(v)
    return v


def _equal(x: Any, y: Any) -> bool:
    if isinstance(x, sympy.Basic) or isinstance(y, sympy.Basic):
        return sympy.simplify(to_sympy(x) - to_sympy(y)) == 0
    return bool(x == y)


def _scale(arr: np.ndarray) -> float:
    return max(1.0, float(np.max(np.abs(np.asarray(arr, dtype=float)))))


def _to_sympy_value(value: Any, name: str) -> sympy.Expr:
    if isinstance(value, str):
        from ..parameters import parse_number

        return parse_number(value)
    if isinstance(value, float | np.floating):
        if not math.isfinite(value):
            raise UnknownParameterError(f"value of {name!r} is not finite: {value}")
        return sympy.Float(float(value))
    if isinstance(value, sympy.Basic):
        return value
    try:
        f = to_fraction(value)
    except TypeError:
        raise UnknownParameterError(f"value of {name!r} is not a number: {value!r}") from None
    return sympy.Rational(f.numerator, f.denominator)


def _substitutions(
    parameters: Iterable[sympy.Symbol],
    declared: Iterable[str],
    values: Mapping[str, Any],
    convert: Callable[[Any, str], sympy.Expr] = _to_sympy_value,
) -> dict[sympy.Symbol, sympy.Expr]:
    """``{symbol: convert(value, name)}`` for ``at(**values)``.

    Names of ``declared`` parameters the game does not use are skipped; other
    names that are not in ``parameters`` raise :class:`UnknownParameterError`.
    """
    free = {s.name: s for s in parameters}
    declared = set(declared)
    subs: dict[sympy.Symbol, sympy.Expr] = {}
    for name, value in values.items():
        if name not in free:
            if name in declared:
                continue
            raise UnknownParameterError(
                f"unknown parameter {name!r}; the game's parameters are {sorted(free)}"
            )
        subs[free[name]] = convert(value, name)
    return subs


def _subs_array(arr: np.ndarray, subs: Mapping[sympy.Symbol, sympy.Expr]) -> np.ndarray:
    out = np.empty(arr.shape, dtype=object)
    out.flat[:] = [v.xreplace(subs) for v in arr.flat]
    return out
