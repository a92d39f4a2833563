"""Equilibria as verified result objects.

Every solver in :mod:`gametheory` returns :class:`Equilibrium` objects inside a
:class:`Solution`. An equilibrium is only ever built by :func:`certify`, which
calls :func:`verify`: for exact games (integer or rational payoffs) with
rational probabilities each player's *regret* (the gain from the best pure
deviation) must be exactly zero; for float games it must be at most a stated
tolerance.

The regret of player :math:`i` at a mixed profile :math:`\\sigma` is

.. math:: r_i(\\sigma) = \\max_{s_i \\in S_i} u_i(s_i, \\sigma_{-i}) - u_i(\\sigma),

and :math:`\\sigma` is a Nash equilibrium iff :math:`\\max_i r_i(\\sigma) = 0`
(Nash 1951). This is the same check as Gambit's ``max_regret``.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Generic, TypeVar

import numpy as np
import sympy

from ._exact import exact_regrets_and_payoffs, float_regrets_and_payoffs, float_scale
from ._numbers import format_number, to_fraction
from .errors import InvalidProfileError, VerificationError
from .games.normal import NormalFormGame

__all__ = [
    "COMPLETENESS",
    "DEFAULT_RTOL",
    "Equilibrium",
    "EquilibriumSequence",
    "Solution",
    "SolutionList",
    "Verification",
    "certify",
    "expected_payoffs",
    "profile_vectors",
    "verify",
]

#: The kind of equilibrium a :class:`SolutionList` holds.
E = TypeVar("E")

#: Default tolerance for float games, relative to ``max(1, max |payoff|)``.
DEFAULT_RTOL = 1e-9

#: What a :class:`Solution` claims about its list of equilibria.
COMPLETENESS = {
    "all": "every equilibrium of the game is listed (the set is finite)",
    "all-extreme": "every extreme equilibrium is listed; all equilibria are in the convex "
    "components (maximal Nash subsets) built from them",
    "all-pure": "every pure-strategy equilibrium is listed (mixed ones are not searched)",
    "one": "one equilibrium (the method finds one)",
    "some": "some equilibria (the method finds several, not provably all)",
}


def _is_exact_number(v: Any) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, numbers.Integral | Fraction):
        return True
    return isinstance(v, sympy.Rational)


def _coerce_vector(values: Sequence[Any], exact: bool, where: str) -> np.ndarray:
    if exact:
        out = np.empty(len(values), dtype=object)
        out[:] = [to_fraction(v) for v in values]
        return out
    try:
        arr = np.array([float(v) for v in values], dtype=np.float64)
    except (TypeError, ValueError):
        raise InvalidProfileError(
            f"{where}: probabilities must be numbers, got {list(values)}"
        ) from None
    return arr


def _exact_vectors(game: NormalFormGame, profile: Any) -> tuple[np.ndarray, ...] | None:
    """The common case of :func:`profile_vectors`, fast: one list of ``Fraction``/``int``
    probabilities per player, valid. ``None`` for anything else (the general path then
    parses it, or reports what is wrong)."""
    if not isinstance(profile, list | tuple) or len(profile) != game.n_players:
        return None
    out = []
    for vec, k in zip(profile, game.shape, strict=True):
        if not isinstance(vec, list | tuple) or len(vec) != k:
            return None
        total = Fraction(0)
        for v in vec:
            t = type(v)
            if (t is not Fraction and t is not int) or v < 0:
                return None
            total += v
        if total != 1:
            return None
        arr = np.empty(k, dtype=object)
        arr[:] = [v if type(v) is Fraction else Fraction(v) for v in vec]
        out.append(arr)
    return tuple(out)


def profile_vectors(game: NormalFormGame, profile: Any) -> tuple[tuple[np.ndarray, ...], bool]:
    """Normalise a mixed profile into one probability vector per player.

    Parameters
    ----------
    game : NormalFormGame
    profile : Equilibrium, mapping or sequence
        An :class:`Equilibrium`; a mapping ``player -> {strategy: prob}`` (missing
        strategies have probability 0), ``player -> "strategy"`` (pure), or
        ``player -> [probs]``; or a sequence with one such entry per player.

    Returns
    -------
    vectors : tuple of numpy.ndarray
        Object arrays of :class:`~fractions.Fraction` when ``exact``, else float arrays.
    exact : bool
        True when every probability is an int, Fraction or sympy Rational.

    Raises
    ------
    InvalidProfileError
        Wrong number of players or strategies, negative, NaN or non-normalised
        probabilities.
    UnknownLabelError
        A player or strategy label the game does not have.

    Examples
    --------
    >>> from gametheory import NormalFormGame
    >>> g = NormalFormGame.from_arrays([[1, 0], [0, 1]], [[1, 0], [0, 1]])
    >>> vecs, exact = profile_vectors(g, {"1": {"1": "1/2", "2": "1/2"}, "2": "1"})
    Traceback (most recent call last):
    ...
    gametheory.errors.InvalidProfileError: player '1': probability '1/2' is a string; use Fraction('1/2')
    >>> vecs, exact = profile_vectors(g, [[1, 0], "2"])
    >>> [v.tolist() for v in vecs], exact
    ([[Fraction(1, 1), Fraction(0, 1)], [Fraction(0, 1), Fraction(1, 1)]], True)
    """
    if isinstance(profile, Equilibrium):
        vecs = profile.vectors
        return vecs, profile.exact
    fast = _exact_vectors(game, profile)
    if fast is not None:
        return fast, True
    n = game.n_players
    if isinstance(profile, Mapping):
        entries: list[Any] = [None] * n
        for player, value in profile.items():
            entries[game.player_index(player)] = value
        missing = [game.players[i] for i, e in enumerate(entries) if e is None]
        if missing:
            raise InvalidProfileError(f"profile has no strategy for players {missing}")
    else:
        entries = list(profile)
        if len(entries) != n:
            raise InvalidProfileError(
                f"profile has {len(entries)} entries; the game has {n} players"
            )
    raw: list[list[Any]] = []
    for i, entry in enumerate(entries):
        k = game.shape[i]
        who = f"player {game.players[i]!r}"
        if isinstance(entry, str):
            vec: list[Any] = [0] * k
            vec[game.strategy_index(i, entry)] = 1
        elif isinstance(entry, Mapping):
            vec = [0] * k
            for strat, prob in entry.items():
                vec[game.strategy_index(i, strat)] = prob
        else:
            if isinstance(entry, list | tuple) and not any(
                isinstance(v, list | tuple | np.ndarray) for v in entry
            ):
                vec = list(entry)
            else:
                vec = list(np.asarray(entry, dtype=object).ravel())
            if len(vec) != k:
                raise InvalidProfileError(f"{who}: {len(vec)} probabilities for {k} strategies")
        for v in vec:
            if isinstance(v, str):
                raise InvalidProfileError(
                    f"{who}: probability {v!r} is a string; use Fraction({v!r})"
                )
        raw.append(vec)
    exact = all(_is_exact_number(v) for vec in raw for v in vec)
    vectors = tuple(
        _coerce_vector(vec, exact, f"player {game.players[i]!r}") for i, vec in enumerate(raw)
    )
    for i, arr in enumerate(vectors):
        who = f"player {game.players[i]!r}"
        if exact:
            if any(v < 0 for v in arr):
                raise InvalidProfileError(f"{who}: negative probability in {[str(v) for v in arr]}")
            if sum(arr) != 1:
                raise InvalidProfileError(f"{who}: probabilities sum to {sum(arr)}, not 1")
        else:
            if not np.all(np.isfinite(arr)):
                raise InvalidProfileError(
                    f"{who}: probabilities must be finite, got {arr.tolist()}"
                )
            if np.any(arr < -1e-12):
                raise InvalidProfileError(f"{who}: negative probability in {arr.tolist()}")
            if abs(arr.sum() - 1) > 1e-9:
                raise InvalidProfileError(f"{who}: probabilities sum to {arr.sum()!r}, not 1")
    return vectors, exact


def _regrets_and_payoffs(
    game: NormalFormGame, vectors: Sequence[np.ndarray], exact: bool
) -> tuple[list[Any], list[Any]]:
    """Regret and expected payoff of every player: exact rationals, or floats."""
    if exact:
        return exact_regrets_and_payoffs(game, vectors)
    return float_regrets_and_payoffs(game, vectors)


def expected_payoffs(game: NormalFormGame, profile: Any) -> dict[str, Any]:
    """Expected payoff of each player at a mixed profile (exact for exact input).

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> from gametheory import NormalFormGame
    >>> g = NormalFormGame.from_arrays([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    >>> expected_payoffs(g, [[F(1, 2), F(1, 2)], [1, 0]])
    {'1': Fraction(0, 1), '2': Fraction(0, 1)}
    """
    game.numeric_check("expected_payoffs")
    vectors, exact = profile_vectors(game, profile)
    _, payoffs = _regrets_and_payoffs(game, vectors, exact and game.is_exact)
    return dict(zip(game.players, payoffs, strict=True))


def _clean(v: Any) -> Any:
    if isinstance(v, np.ndarray) and v.shape == ():
        v = v.item()
    if isinstance(v, np.floating):
        return float(v)
    if isinstance(v, numbers.Integral) and not isinstance(v, bool):
        return Fraction(int(v))
    return v


def _check_tol(tol: Any) -> None:
    # typeshed's numbers.Real declares no __ge__ (real numbers compare fine)
    if not (isinstance(tol, numbers.Real) and math.isfinite(tol) and tol >= 0):  # type: ignore[operator]
        raise InvalidProfileError(f"tol must be a finite non-negative number, got {tol!r}")


@dataclass(frozen=True)
class Verification:
    """Outcome of :func:`verify`.

    Attributes
    ----------
    ok : bool
        True when no player gains by deviating (exactly, or within ``tol``).
    regrets : dict
        Regret of each player (best pure deviation payoff minus current payoff).
    max_regret : Fraction or float
        The largest regret.
    exact : bool
        True when the check was done in exact rational arithmetic.
    tol : float or None
        Absolute tolerance used for float checks (``None`` when exact).
    """

    ok: bool
    regrets: dict[str, Any]
    max_regret: Any
    exact: bool
    tol: float | None

    def __bool__(self) -> bool:
        return self.ok


def verify(game: NormalFormGame, profile: Any, tol: float | None = None) -> Verification:
    """Check that a mixed profile is a Nash equilibrium.

    Parameters
    ----------
    game : NormalFormGame
        A numeric game (substitute parameters with :meth:`NormalFormGame.at` first).
    profile : Equilibrium, mapping or sequence
        See :func:`profile_vectors`.
    tol : float, optional
        Absolute tolerance on the regret for inexact checks. The default is
        ``DEFAULT_RTOL * max(1, max |payoff|)``. Exact games with rational
        probabilities are checked exactly (regret must be 0) and ``tol`` is ignored.

    Returns
    -------
    Verification
        Truthy when the profile is an equilibrium; carries every player's regret.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> from gametheory import NormalFormGame, verify
    >>> mp = NormalFormGame.zero_sum([[1, -1], [-1, 1]])
    >>> bool(verify(mp, [[F(1, 2), F(1, 2)], [F(1, 2), F(1, 2)]]))
    True
    >>> verify(mp, [[1, 0], [1, 0]]).regrets
    {'1': Fraction(0, 1), '2': Fraction(2, 1)}
    """
    game.numeric_check("verify")
    vectors, exact_profile = profile_vectors(game, profile)
    exact = exact_profile and game.is_exact
    regret_list, _ = _regrets_and_payoffs(game, vectors, exact)
    regrets = dict(zip(game.players, regret_list, strict=True))
    max_regret = max(regret_list)
    if exact:
        return Verification(max_regret == 0, regrets, max_regret, True, None)
    if tol is None:
        tol = DEFAULT_RTOL * float_scale(game)
    _check_tol(tol)
    return Verification(bool(max_regret <= tol), regrets, float(max_regret), False, float(tol))


@dataclass(frozen=True, eq=False)
class Equilibrium:
    """A verified Nash equilibrium.

    Attributes
    ----------
    profile : dict
        ``profile[player][strategy]`` is the probability of ``strategy``
        (a :class:`~fractions.Fraction` when ``exact``), for every strategy.
    payoffs : dict
        Expected payoff of each player.
    support : dict
        Strategies played with positive probability, per player.
    exact : bool
        True when probabilities and payoffs are exact rationals and the
        regret is exactly zero.
    method : str
        The method that found it.
    regret : Fraction or float
        Largest gain any player could get by a pure deviation (0 when exact).
    component : int or None
        For degenerate games: the 0-based id of the connected set of
        equilibria this extreme equilibrium belongs to (``None`` when it is
        isolated). Text output numbers components from 1.

    Examples
    --------
    >>> from gametheory import NormalFormGame, solve
    >>> eq = solve(NormalFormGame.zero_sum([[1, -1], [-1, 1]]), method="enummixed")[0]
    >>> eq.profile["1"]
    {'1': Fraction(1, 2), '2': Fraction(1, 2)}
    >>> eq.is_pure, eq.regret
    (False, Fraction(0, 1))
    """

    profile: dict[str, dict[str, Any]]
    payoffs: dict[str, Any]
    support: dict[str, tuple[str, ...]]
    exact: bool
    method: str
    regret: Any
    component: int | None = None
    vectors: tuple[np.ndarray, ...] = field(default=(), repr=False)

    @property
    def is_pure(self) -> bool:
        """True when every player plays one strategy with probability 1."""
        return all(len(s) == 1 for s in self.support.values())

    @property
    def key(self) -> tuple[tuple[Any, ...], ...]:
        """Hashable probabilities, for comparing sets of equilibria."""
        return tuple(tuple(v.tolist()) for v in self.vectors)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Equilibrium):
            return NotImplemented
        return self.key == other.key and self.exact == other.exact

    def __hash__(self) -> int:
        return hash(self.key)

    def pure_profile(self) -> tuple[str, ...]:
        """Strategy labels of a pure equilibrium (raises for mixed ones)."""
        if not self.is_pure:
            raise ValueError("this equilibrium is mixed")
        return tuple(s[0] for s in self.support.values())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with numbers as strings (``"p/q"`` or decimals)."""
        return {
            "strategies": {
                p: {s: format_number(v) for s, v in d.items()} for p, d in self.profile.items()
            },
            "payoffs": {p: format_number(v) for p, v in self.payoffs.items()},
        }

    def __str__(self) -> str:
        parts = []
        for p, d in self.profile.items():
            if len(self.support[p]) == 1:
                parts.append(f"{p}: {self.support[p][0]}")
            else:
                mix = ", ".join(f"{s} {format_number(d[s])}" for s in self.support[p])
                parts.append(f"{p}: ({mix})")
        pay = ", ".join(format_number(v) for v in self.payoffs.values())
        comp = f" [component {self.component + 1}]" if self.component is not None else ""
        return "; ".join(parts) + f" -> payoffs ({pay}){comp}"


def certify(
    game: NormalFormGame,
    profile: Any,
    method: str,
    *,
    component: int | None = None,
    tol: float | None = None,
) -> Equilibrium:
    """Verify a candidate profile and wrap it as an :class:`Equilibrium`.

    Solvers call this for every profile they return.

    Raises
    ------
    VerificationError
        The candidate is not an equilibrium (a solver bug, reported loudly
        rather than returned).

    Examples
    --------
    >>> from gametheory import NormalFormGame
    >>> g = NormalFormGame.from_arrays([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    >>> str(certify(g, ["1", "1"], "manual"))
    '1: 1; 2: 1 -> payoffs (2, 1)'
    """
    game.numeric_check("verify")
    vectors, exact_profile = profile_vectors(game, profile)
    exact = exact_profile and game.is_exact
    if not exact:
        vectors = tuple(np.asarray(v, dtype=float) for v in vectors)
    # one pass gives the regrets and the payoffs
    regret_list, payoff_list = _regrets_and_payoffs(game, vectors, exact)
    max_regret = max(regret_list)
    if exact:
        ok = max_regret == 0
    else:
        if tol is None:
            tol = DEFAULT_RTOL * float_scale(game)
        _check_tol(tol)
        ok = max_regret <= tol
    if not ok:
        raise VerificationError(
            f"{method}: candidate {[v.tolist() for v in vectors]} is not an equilibrium "
            f"(regrets {dict(zip(game.players, regret_list, strict=True))})"
        )
    payoffs = dict(zip(game.players, payoff_list, strict=True))
    profile_d = {
        p: {s: _clean(vectors[i][k]) for k, s in enumerate(game.strategies[i])}
        for i, p in enumerate(game.players)
    }
    support = {
        p: tuple(s for k, s in enumerate(game.strategies[i]) if vectors[i][k] > 0)
        for i, p in enumerate(game.players)
    }
    return Equilibrium(
        profile=profile_d,
        payoffs=payoffs,
        support=support,
        exact=exact,
        method=method,
        regret=max_regret,
        component=component,
        vectors=tuple(vectors),
    )


class EquilibriumSequence(Generic[E]):
    """A checked ``complete`` claim and sequence access to ``equilibria``: the part every
    result class shares (:class:`Solution`, tree, PBE and Bayesian Nash results).
    Subclasses are frozen dataclasses with these attributes."""

    equilibria: tuple[E, ...]
    complete: str

    def __post_init__(self) -> None:
        if self.complete not in COMPLETENESS:
            raise ValueError(
                f"complete must be one of {sorted(COMPLETENESS)}, got {self.complete!r}"
            )

    def __len__(self) -> int:
        return len(self.equilibria)

    def __iter__(self) -> Iterator[E]:
        return iter(self.equilibria)

    def __getitem__(self, i: int) -> E:
        return self.equilibria[i]


class SolutionList(EquilibriumSequence[E]):
    """What :class:`Solution` and :class:`~gametheory.solvers.trees.TreeSolution` share
    beyond :class:`EquilibriumSequence`: the pure equilibria, the CLI's JSON contract and
    the text form."""

    game: Any
    method: str
    exact: bool
    components: tuple[tuple[int, ...], ...]
    notes: tuple[str, ...]

    @property
    def pure(self) -> tuple[E, ...]:
        """The pure equilibria in the list (pure in behaviour strategies, for trees)."""
        return tuple(e for e in self.equilibria if e.is_pure)  # type: ignore[attr-defined]

    def to_dict(self) -> dict[str, Any]:
        """The JSON result contract of the CLI."""
        return {
            "title": getattr(self.game, "title", ""),
            "players": list(self.game.players),
            "method": self.method,
            "exact": self.exact,
            "equilibria": [e.to_dict() for e in self.equilibria],  # type: ignore[attr-defined]
        }

    def _head_extra(self) -> str:
        """Appended to the first line of the text form (e.g. a total count)."""
        return ""

    def __str__(self) -> str:
        title = getattr(self.game, "title", "") or "game"
        head = (
            f"{title}: {len(self)} equilibri{'um' if len(self) == 1 else 'a'} "
            f"by {self.method} ({'exact' if self.exact else 'float'}; {self.complete})"
        ) + self._head_extra()
        lines = [head] + [f"  {k + 1}. {e}" for k, e in enumerate(self.equilibria)]
        for c, members in enumerate(self.components):
            lines.append(
                f"  convex set {c + 1}: every mixture of equilibria {[m + 1 for m in members]}"
            )
        lines += [f"  note: {n}" for n in self.notes]
        return "\n".join(lines)


@dataclass(frozen=True, eq=False)
class Solution(SolutionList[Equilibrium]):
    """The verified result of :func:`gametheory.solve`.

    Attributes
    ----------
    game : NormalFormGame
        The game solved.
    method : str
        The method actually run (``"auto"`` is resolved to a concrete method).
    equilibria : tuple of Equilibrium
        Verified equilibria, in a deterministic order.
    exact : bool
        True when every equilibrium is exact.
    complete : str
        What the list claims; a key of :data:`COMPLETENESS`.
    components : tuple of tuple of int
        For degenerate games: the maximal convex sets of equilibria (maximal
        Nash subsets) with more than one extreme point, as indices into
        ``equilibria``. For two players each set is a product
        :math:`\\mathrm{conv}(X) \\times \\mathrm{conv}(Y)`, and every point of
        it is an equilibrium.
    degenerate : bool or None
        True if the method detected degeneracy (more best responses than the
        support size somewhere); ``None`` when the method does not check.
    notes : tuple of str
        Plain-language remarks (why ``auto`` picked a method, degeneracy, ...).

    Examples
    --------
    >>> from gametheory import NormalFormGame, solve
    >>> sol = solve(NormalFormGame.from_arrays([[1, 0], [0, 1]], [[1, 0], [0, 1]]))
    >>> len(sol), sol.method, sol.complete
    (3, 'enummixed', 'all')
    """

    game: Any
    method: str
    equilibria: tuple[Equilibrium, ...]
    exact: bool
    complete: str
    components: tuple[tuple[int, ...], ...] = ()
    degenerate: bool | None = None
    notes: tuple[str, ...] = ()

