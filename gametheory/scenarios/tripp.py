"""The TRIPP corridor dilemma as a family of games (``scenario_spec.md``).

A. Korybko's opinion article of 8 March 2026 argues that the "Trump Route
for International Peace and Prosperity" (TRIPP) across the South Caucasus
may turn into a military-logistics corridor and leave Russia a "zero-sum"
choice between accepting encirclement and preempting it by force. The
scenario spec turns the article's claims into seven models; this module
builds them *symbolically* from the scenario file (by default
``seeds/tripp.toml``) and derives their closed forms with sympy, so that
tests and reports compare what the library computes with the spec.

=====  ============================================  =========================
model  what                                          built by
=====  ============================================  =========================
M1     Russia vs the coalition T, 2x2                :func:`m1` (file)
M2     Russia, Azerbaijan, US, simultaneous 2x2x2    :func:`m2` (file)
M3     US, Azerbaijan, Russia; chance, one infoset   :func:`m3` (file, extensive)
M4     corridor type signaling game (PBE)            :func:`~gametheory.scenarios.tripp_bayesian.m4`
M5     preventive war as a commitment problem        :func:`m5` (analytic)
M6     two-front reputation (Kreps-Wilson)           :func:`~gametheory.scenarios.tripp_bayesian.m6`
M7     reciprocal fear of surprise attack, 2x2       :func:`m7` (file)
=====  ============================================  =========================

Default parameter values are **illustrative**, taken from the spec's table,
not estimates. Every model object carries the game (symbolic), the names of
the parameters it uses, the spec section, and the closed forms derived from
its payoffs (``derived``); :meth:`TrippModel.at` substitutes values (exactly)
with the defaults for those not given.

References
----------
.. [1] A. Korybko, opinion article on the TRIPP corridor, 8 March 2026
   (``seeds/korybko-2026-03-08-tripp.txt`` beside the project).
.. [2] J. D. Fearon, "Rationalist explanations for war", International
   Organization 49(3) (1995) 379-414.
.. [3] R. Powell, "War as a commitment problem", International Organization
   60(1) (2006) 169-203.
.. [4] T. C. Schelling, *The Strategy of Conflict*, Harvard University Press
   (1960), ch. 9, "The reciprocal fear of surprise attack".
.. [5] R. Jervis, "Cooperation under the security dilemma", World Politics
   30(2) (1978) 167-214.
.. [6] J. C. Harsanyi and R. Selten, *A General Theory of Equilibrium
   Selection in Games*, MIT Press (1988) (risk dominance).

Examples
--------
>>> from gametheory.scenarios import tripp
>>> from gametheory import solve
>>> M1 = tripp.m1()
>>> M1.derived["sigma_star"]
m_T/(h_T + m_T*p)
>>> [str(eq) for eq in solve(M1.at(c_R="1/20"))]
['Russia: Preempt; T: Commercial -> payoffs (-3/20, 1/20)']
>>> tripp.m5().decide().war
True
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import sympy

from ..errors import InvalidGameError, UnknownParameterError
from ..io.scenario import Scenario, read_scenario
from ..parameters import ParameterSpace

__all__ = [
    "PACKAGED_PATH",
    "PreventiveWarModel",
    "PreventiveWarOutcome",
    "TrippModel",
    "default_path",
    "load",
    "m1",
    "m2",
    "m3",
    "m5",
    "m7",
    "models",
]

_SPEC = "scenario_spec.md §3"

PACKAGED_PATH = Path(str(resources.files("gametheory").joinpath("data", "tripp.toml")))
"""The copy of ``seeds/tripp.toml`` shipped inside the package."""

_REPO_SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "tripp.toml"


def default_path() -> Path:
    """The TRIPP scenario file used when none is given.

    ``seeds/tripp.toml`` of the source tree when it exists (the user-facing
    input, for editable installs and checkouts), else the copy shipped in
    the package (:data:`PACKAGED_PATH`, kept identical by a test).

    Examples
    --------
    >>> default_path().name
    'tripp.toml'
    """
    return _REPO_SEEDS if _REPO_SEEDS.is_file() else PACKAGED_PATH


_CACHE: dict[tuple[str, int, int], Scenario] = {}


def load(path: str | os.PathLike[str] | None = None) -> Scenario:
    """Read (and cache) the TRIPP scenario file.

    Parameters
    ----------
    path : str or os.PathLike, optional
        A scenario file; default :func:`default_path`. The cache is keyed by
        the resolved path, size and modification time, so edits are seen.

    Returns
    -------
    Scenario

    Raises
    ------
    GameFormatError
        The file is malformed.

    Examples
    --------
    >>> load().id
    'tripp-2026-03'
    """
    file = Path(default_path() if path is None else path).resolve()
    stat = file.stat()
    key = (str(file), stat.st_mtime_ns, stat.st_size)
    if key not in _CACHE:
        _CACHE[key] = read_scenario(file)
    return _CACHE[key]


def _source(source: Any) -> tuple[Scenario, ParameterSpace]:
    if source is None or isinstance(source, str | os.PathLike):
        scenario = load(source)
        return scenario, scenario.space
    if isinstance(source, Scenario):
        return source, source.space
    if isinstance(source, ParameterSpace):
        return load(), source
    raise TypeError(
        "expected a Scenario, a path to a scenario file, a ParameterSpace or None; "
        f"got {type(source).__name__}"
    )


# ---------------------------------------------------------------------------
# Model objects
# ---------------------------------------------------------------------------


def _values(
    model_id: str,
    parameters: Sequence[str],
    space: ParameterSpace,
    overrides: Mapping[str, Any],
) -> dict[str, sympy.Rational]:
    for name in overrides:
        if name not in parameters:
            raise UnknownParameterError(
                f"{model_id} does not use the parameter {name!r}; it uses {', '.join(parameters)}"
            )
    checked = space.validate_values(overrides)
    values = {}
    for name in parameters:
        if name in checked:
            values[name] = checked[name]
        elif space[name].default is not None:
            values[name] = space[name].default
        else:
            raise InvalidGameError(f"{model_id}: parameter {name!r} has no default; give a value")
    return values


@dataclass(frozen=True)
class TrippModel:
    """One finite model of the family: the game and what is derived from it.

    Attributes
    ----------
    id : str
        ``"M1"``, ``"M2"``, ...
    title : str
    section : str
        Where the spec describes the model.
    parameters : tuple of str
        The parameters the payoffs use, in declaration order.
    space : ParameterSpace
        The declarations (bounds, defaults, priors).
    game : NormalFormGame or ExtensiveFormGame
        Symbolic.
    derived : mapping of str to sympy expression
        Closed forms derived from the payoffs (indifference points,
        thresholds, gains); each model's builder documents its keys.
    assumptions : tuple of sympy Boolean
        Domain conditions of the spec that link several parameters (e.g.
        ``e_R > l_R`` in M1), beyond each parameter's own bounds; pass them
        to :mod:`gametheory.analysis` as ``assumptions=model.assumptions``.

    Examples
    --------
    >>> M7 = m7()
    >>> M7.id, M7.parameters, M7.section
    ('M7', ('p_f', 'c_W', 'v_sq'), 'scenario_spec.md §3 M7')
    >>> M7.defaults()
    {'p_f': 3/5, 'c_W': 1/4, 'v_sq': 1/2}
    >>> M7.at(p_f="4/5")["Strike", "Wait"]
    (Fraction(11, 20), Fraction(-1, 20))
    """

    id: str
    title: str
    section: str
    parameters: tuple[str, ...]
    space: ParameterSpace
    game: Any
    derived: Mapping[str, sympy.Expr] = field(default_factory=lambda: MappingProxyType({}))
    assumptions: tuple[Any, ...] = ()

    def symbol(self, name: str) -> sympy.Symbol:
        """The sympy symbol of a parameter."""
        return self.space.symbol(name)

    def defaults(self) -> dict[str, sympy.Rational]:
        """The default values of the parameters the model uses."""
        return _values(self.id, self.parameters, self.space, {})

    def values(self, **overrides: Any) -> dict[str, sympy.Rational]:
        """The defaults with ``overrides``, checked against the bounds, as exact numbers.

        Raises
        ------
        UnknownParameterError
            A name the model does not use.
        InvalidGameError
            A value outside the bounds.
        """
        return _values(self.id, self.parameters, self.space, overrides)

    def at(self, **overrides: Any) -> Any:
        """The numeric game at the defaults, with ``overrides`` (read exactly).

        Values may be ints, Fractions, strings such as ``"1/20"`` or floats
        (read through their shortest repr, so ``0.05`` is 1/20).

        Examples
        --------
        >>> m1().at(p="1/5", c_R="1/10")["Preempt", "Militarize"]
        (Fraction(-9, 10), Fraction(11, 50))
        """
        return self.game.at(**self.values(**overrides))

    def evaluate(self, name: str, **overrides: Any) -> sympy.Expr:
        """A derived closed form at the defaults with ``overrides``.

        Examples
        --------
        >>> m7().evaluate("q_star")
        3/5
        """
        expr = self.derived[name]
        values = self.values(**overrides)
        return sympy.simplify(expr.subs({self.symbol(k): v for k, v in values.items()}))


def _used(space: ParameterSpace, game: Any) -> tuple[str, ...]:
    free = {s.name for s in game.parameters}
    return tuple(name for name in space if name in free)


#: Cross-parameter domain conditions of the spec (§2), per model.
_DOMAIN = {
    "M1": ("e_R > l_R",),
    "M3": ("e_R > l_R", "k_U < g_U"),
}


def _finite(model_id: str, source: Any, derive: Any) -> TrippModel:
    from ..parameters import parse_condition

    scenario, space = _source(source)
    game = scenario.build(model_id, space=space)
    return TrippModel(
        assumptions=tuple(parse_condition(text, space) for text in _DOMAIN.get(model_id, ())),
        id=model_id,
        title=game.title or model_id,
        section=f"{_SPEC} {model_id}",
        parameters=_used(space, game),
        space=space,
        game=game,
        derived=MappingProxyType(derive(game, space) if derive else {}),
    )


def _solve1(equation: sympy.Expr, unknown: sympy.Symbol) -> sympy.Expr:
    """The unique root of an equation linear in ``unknown``."""
    roots = sympy.solve(equation, unknown, dict=False)
    if len(roots) != 1:
        raise InvalidGameError(f"expected one root for {unknown} in {equation} = 0; got {roots}")
    return sympy.factor(roots[0])


def _mixed_2x2(game: Any) -> dict[str, sympy.Expr]:
    """Indifference mixes and payoffs of a 2x2 game.

    ``x_star`` = P[row 2] that makes the column player indifferent,
    ``y_star`` = P[column 2] that makes the row player indifferent, and the
    payoffs ``U_row``, ``U_col`` at the mixed profile.
    """
    A, B = game.payoff_array(0), game.payoff_array(1)
    x, y = sympy.Dummy("x"), sympy.Dummy("y")
    row_gain = (1 - y) * (A[1, 0] - A[0, 0]) + y * (A[1, 1] - A[0, 1])
    col_gain = (1 - x) * (B[0, 1] - B[0, 0]) + x * (B[1, 1] - B[1, 0])
    y_star = _solve1(row_gain, y)
    x_star = _solve1(col_gain, x)
    return {
        "x_star": x_star,
        "y_star": y_star,
        "U_row": sympy.factor(((1 - y) * A[0, 0] + y * A[0, 1]).subs(y, y_star)),
        "U_col": sympy.factor(((1 - x) * B[0, 0] + x * B[1, 0]).subs(x, x_star)),
    }


# ---------------------------------------------------------------------------
# M1
# ---------------------------------------------------------------------------


def _derive_m1(game: Any, space: ParameterSpace) -> dict[str, sympy.Expr]:
    A, B = game.payoff_array("Russia"), game.payoff_array("T")
    mixed = _mixed_2x2(game)
    p = space.symbol("p")
    militarize_vs_preempt = sympy.expand(B[1, 1] - B[1, 0])
    return {
        "preempt_gain_commercial": sympy.expand(A[1, 0] - A[0, 0]),
        "preempt_gain_militarize": sympy.expand(A[1, 1] - A[0, 1]),
        "militarize_gain_accept": sympy.expand(B[0, 1] - B[0, 0]),
        "militarize_gain_preempt": militarize_vs_preempt,
        "p_T": sympy.expand(_solve1(militarize_vs_preempt, p)),
        "sigma_star": mixed["x_star"],
        "tau_star": mixed["y_star"],
        "U_R": mixed["U_row"],
        "U_T": mixed["U_col"],
    }


def m1(source: Any = None) -> TrippModel:
    """M1: the corridor game, Russia (Accept/Preempt) vs the coalition T.

    Parameters
    ----------
    source : Scenario, path, ParameterSpace or None
        The scenario file (or its parsed :class:`Scenario`) to build from;
        a :class:`ParameterSpace` re-declares the parameters (other bounds,
        defaults, priors) for the payoffs of the default file. Default: the
        file of :func:`default_path`.

    Returns
    -------
    TrippModel
        ``derived`` holds Russia's gains from preempting
        (``preempt_gain_commercial`` = ``p*l_R - c_R``,
        ``preempt_gain_militarize``), T's gains from militarizing
        (``militarize_gain_accept``, ``militarize_gain_preempt``), the
        threshold ``p_T`` below which Militarize is dominant, and the mixed
        equilibrium: ``sigma_star`` = P[Preempt], ``tau_star`` =
        P[Militarize], payoffs ``U_R``, ``U_T``, all solved from the payoffs.

    Examples
    --------
    >>> M1 = m1()
    >>> M1.derived["preempt_gain_commercial"], M1.evaluate("p_T")
    (-c_R + l_R*p, 1/4)
    >>> M1.evaluate("sigma_star"), M1.evaluate("tau_star")
    (4/5, 1/2)
    """
    return _finite("M1", source, _derive_m1)


# ---------------------------------------------------------------------------
# M2
# ---------------------------------------------------------------------------


def _expected(game: Any, player: int, mix: Sequence[sympy.Expr]) -> sympy.Expr:
    """Player's payoff when each player plays its second action with prob. mix[i]."""
    payoffs = game.payoff_array(player)
    total = sympy.Integer(0)
    for index in sympy.utilities.iterables.cartes(*[range(2)] * game.n_players):
        weight = sympy.Integer(1)
        for i, k in enumerate(index):
            weight *= mix[i] if k else 1 - mix[i]
        total += weight * payoffs[tuple(index)]
    return sympy.expand(total)


def _derive_m2(game: Any, space: ParameterSpace) -> dict[str, sympy.Expr]:
    y, a, u = sympy.Dummy("y"), sympy.Dummy("a"), sympy.Dummy("u")
    gains = []
    for player in range(3):
        up = [y, a, u]
        down = [y, a, u]
        up[player], down[player] = sympy.Integer(1), sympy.Integer(0)
        gains.append(sympy.expand(_expected(game, player, up) - _expected(game, player, down)))
    sigma_A, sigma_U = _solve1(gains[1], y), _solve1(gains[2], y)
    if sigma_A.has(u) or sigma_U.has(a):
        raise InvalidGameError("M2: a member's indifference depends on the other member")
    loss = sympy.Dummy("L")
    l_R = space.symbol("l_R")
    # Russia's gain in terms of its expected loss L = l_R + e_A*a + e_U*u
    russia = sympy.expand(
        gains[0].subs(l_R, loss - space.symbol("e_A") * a - space.symbol("e_U") * u)
    )
    payoffs = game.payoff_array("Russia")
    return {
        "sigma_A": sigma_A,
        "sigma_U": sigma_U,
        "r": _solve1(russia, loss),
        "e_R": sympy.expand(-payoffs[0, 1, 1]),
        "preempt_gain": gains[0].subs({a: sympy.Symbol("a"), u: sympy.Symbol("u")}),
    }


def m2(source: Any = None) -> TrippModel:
    """M2: Russia, Azerbaijan and the US choose simultaneously (2x2x2).

    Russia Accepts or Preempts, Azerbaijan Hedges or Aligns, the US keeps the
    corridor Commercial or Militarizes it; Russia's loss at (Align,
    Militarize) is ``e_R := l_R + e_A + e_U``.

    Parameters
    ----------
    source : Scenario, path, ParameterSpace or None
        As for :func:`m1`.

    Returns
    -------
    TrippModel
        ``derived``: ``sigma_A``, ``sigma_U`` (the P[Preempt] at which
        Azerbaijan / the US is indifferent), ``r`` (the expected loss
        ``l_R + e_A*a + e_U*u`` at which Russia is indifferent), ``e_R``
        and ``preempt_gain`` (Russia's gain from preempting in terms of the
        free symbols ``a`` = P[Align], ``u`` = P[Militarize]).

    Examples
    --------
    >>> M2 = m2()
    >>> M2.derived["sigma_A"], M2.derived["r"]
    (g_A/(g_A*p + h_A), c_R/p)
    >>> M2.evaluate("sigma_U")
    8/9
    """
    return _finite("M2", source, _derive_m2)


# ---------------------------------------------------------------------------
# M3
# ---------------------------------------------------------------------------


def m3(source: Any = None) -> TrippModel:
    """M3: the extensive form with chance and Russia's information set.

    The US Militarizes or keeps the corridor Commercial; after Militarize
    Azerbaijan Hosts or Limits; Russia, not seeing which of the three
    histories occurred, Accepts or Preempts; chance decides whether
    preemption succeeds and whether Kazakhstan follows.

    Parameters
    ----------
    source : Scenario, path, ParameterSpace or None
        As for :func:`m1`.

    Returns
    -------
    TrippModel
        ``game`` is an :class:`~gametheory.games.extensive.ExtensiveFormGame`;
        ``derived`` is empty until the sequential-equilibrium solver lands.

    Examples
    --------
    >>> M3 = m3()
    >>> M3.game.players, len(M3.game.infosets("Russia"))
    (('US', 'Azerbaijan', 'Russia'), 1)
    """
    return _finite("M3", source, None)


# ---------------------------------------------------------------------------
# M7
# ---------------------------------------------------------------------------


def _derive_m7(game: Any, space: ParameterSpace) -> dict[str, sympy.Expr]:
    A, B = game.payoff_array(0), game.payoff_array(1)
    mixed = _mixed_2x2(game)
    # Harsanyi-Selten: (Wait, Wait) risk-dominates (Strike, Strike) iff the
    # product of the deviation losses is larger at (Wait, Wait).
    nash_product = (A[0, 0] - A[1, 0]) * (B[0, 0] - B[0, 1]) - (A[1, 1] - A[0, 1]) * (
        B[1, 1] - B[1, 0]
    )
    return {
        "strike_gain_wait": sympy.expand(A[1, 0] - A[0, 0]),
        "strike_gain_strike": sympy.expand(A[1, 1] - A[0, 1]),
        "q_star": mixed["y_star"],
        "risk_dominance_product": sympy.factor(nash_product),
        "risk_dominance_boundary": sympy.expand(_solve1(nash_product, space.symbol("p_f"))),
    }


def m7(source: Any = None) -> TrippModel:
    """M7: the reciprocal fear of surprise attack (Schelling 1960, ch. 9).

    Both sides Wait or Strike; the first striker wins with probability
    ``p_f``, war costs each ``c_W``, the status quo gives each ``v_sq``.

    Parameters
    ----------
    source : Scenario, path, ParameterSpace or None
        As for :func:`m1`.

    Returns
    -------
    TrippModel
        ``derived``: ``strike_gain_wait`` and ``strike_gain_strike`` (the gain
        from striking against Wait / Strike), ``q_star`` (the P[Strike] of
        the other side that makes a side indifferent: the fear threshold),
        ``risk_dominance_product`` (positive iff (Wait, Wait) risk-dominates)
        and ``risk_dominance_boundary`` (the ``p_f`` where it changes sign).

    Examples
    --------
    >>> M7 = m7()
    >>> M7.derived["risk_dominance_boundary"]
    c_W/2 + v_sq/2 + 1/4
    >>> M7.evaluate("q_star", p_f="7/10")
    1/5
    """
    return _finite("M7", source, _derive_m7)


# ---------------------------------------------------------------------------
# M5: preventive war as a commitment problem
# ---------------------------------------------------------------------------

_M5_PARAMETERS = ("delta", "p0", "p1", "C_R", "C_T")


@dataclass(frozen=True)
class PreventiveWarOutcome:
    """M5 at one parameter point, in exact arithmetic.

    Attributes
    ----------
    war : bool
        True iff Russia fights in period 1 (it accepts when indifferent).
    values : mapping
        The parameter values used.
    W_R1, W_R2 : sympy.Rational
        Russia's value of war in period 1 and from period 2 on.
    best_peace : sympy.Rational
        The most a peaceful path can give Russia from period 1:
        ``1 + delta*Max(W_R2, 0)``.
    margin : sympy.Rational
        ``W_R1 - best_peace`` (war iff positive).
    Phi : sympy.Rational
        The spec's criterion (``(1-delta)*margin`` when ``W_R2 >= 0``).
    x1, x2 : sympy.Rational or None
        The peaceful offers to Russia in period 1 and from period 2 on;
        None when there is war.
    """

    war: bool
    values: Mapping[str, sympy.Rational]
    W_R1: sympy.Rational
    W_R2: sympy.Rational
    best_peace: sympy.Rational
    margin: sympy.Rational
    Phi: sympy.Rational
    x1: sympy.Rational | None
    x2: sympy.Rational | None


@dataclass(frozen=True)
class PreventiveWarModel:
    """M5: a rising coalition, a declining Russia and a one-time power shift.

    In each period t = 1, 2, ... the coalition offers Russia a share
    ``x_t`` of a flow worth 1; Russia accepts or fights. War is absorbing and
    worth ``W_R(t) = p_t/(1-delta) - C_R`` to Russia and ``(1-p_t)/(1-delta)
    - C_T`` to the coalition, with ``p_1 = p0`` and ``p_t = p1`` later
    (Fearon 1995; Powell 2006). Not a finite game: the subgame-perfect
    outcome is derived in closed form (see :func:`m5`).

    Attributes
    ----------
    id, title, section : str
    parameters : tuple of str
        ``("delta", "p0", "p1", "C_R", "C_T")``.
    space : ParameterSpace
    x2 : sympy expression
        The stationary offer from period 2 on that leaves Russia indifferent
        between peace and war, floored at 0.
    best_peace : sympy expression
        ``1 + delta*Max(W_R(2), 0)``: Russia's best peaceful value at t = 1.
    Phi : sympy expression
        ``(1-delta)*(W_R(1) - 1 - delta*W_R(2))``: war iff ``Phi > 0`` when
        ``W_R(2) >= 0``.
    x1 : sympy expression
        The period-1 offer that keeps the peace, floored at 0:
        ``Max(0, W_R(1) - delta*Max(W_R(2), 0))``, which is
        ``(p0 - delta*p1)/(1-delta) - (1-delta)*C_R`` when ``W_R(2) >= 0``.
    p1_star, Delta_star, C_R_star, delta_star : sympy expression
        ``Phi = 0`` solved for ``p1``, for the shift ``p0 - p1``, for ``C_R``
        and (the root in (0, 1)) for ``delta``. War iff ``p1 < p1_star``,
        iff the shift exceeds ``Delta_star``, iff ``C_R < C_R_star``, iff
        ``delta > delta_star``.

    Examples
    --------
    >>> M5 = m5()
    >>> M5.p1_star
    (-C_R*delta**2 + 2*C_R*delta - C_R + delta + p0 - 1)/delta
    >>> M5.decide(delta="3/4", C_R=1).x1
    19/20
    """

    id: str
    title: str
    section: str
    parameters: tuple[str, ...]
    space: ParameterSpace
    x2: sympy.Expr
    best_peace: sympy.Expr
    Phi: sympy.Expr
    x1: sympy.Expr
    p1_star: sympy.Expr
    Delta_star: sympy.Expr
    C_R_star: sympy.Expr
    delta_star: sympy.Expr

    def symbol(self, name: str) -> sympy.Symbol:
        """The sympy symbol of a parameter."""
        return self.space.symbol(name)

    def W_R(self, t: int) -> sympy.Expr:
        """Russia's value of war started in period ``t`` (t >= 1).

        Examples
        --------
        >>> m5().W_R(1)
        -C_R + p0/(1 - delta)
        """
        return _war_value(self.space, t, "R")

    def W_T(self, t: int) -> sympy.Expr:
        """The coalition's value of war started in period ``t`` (t >= 1)."""
        return _war_value(self.space, t, "T")

    @property
    def thresholds(self) -> dict[str, sympy.Expr]:
        """``p1_star``, ``Delta_star``, ``C_R_star`` and ``delta_star``."""
        return {
            "p1_star": self.p1_star,
            "Delta_star": self.Delta_star,
            "C_R_star": self.C_R_star,
            "delta_star": self.delta_star,
        }

    def values(self, **overrides: Any) -> dict[str, sympy.Rational]:
        """The defaults with ``overrides``, checked against the bounds, exactly."""
        return _values(self.id, self.parameters, self.space, overrides)

    def evaluate(self, expr: sympy.Expr | str, **overrides: Any) -> sympy.Expr:
        """An expression (or the name of an attribute) at the defaults with ``overrides``.

        Examples
        --------
        >>> m5().evaluate("delta_star", p1="11/20")
        89/80 - sqrt(241)/80
        """
        if isinstance(expr, str):
            expr = getattr(self, expr)
        values = self.values(**overrides)
        return sympy.simplify(expr.subs({self.symbol(k): v for k, v in values.items()}))

    def decide(self, **overrides: Any) -> PreventiveWarOutcome:
        """War or peace at a point, decided in exact arithmetic.

        Russia fights in period 1 iff ``W_R(1) > 1 + delta*Max(W_R(2), 0)``
        (it accepts when indifferent). Otherwise the coalition keeps the
        peace with the offers ``x1`` and ``x2``.

        Parameters
        ----------
        **overrides
            Parameter values (default: the scenario's defaults), read exactly.

        Returns
        -------
        PreventiveWarOutcome

        Examples
        --------
        >>> out = m5().decide(p1="11/20")
        >>> out.war, out.Phi, out.x1, out.x2
        (False, -3/200, 17/20, 7/20)
        """
        values = self.values(**overrides)
        subs = {self.symbol(k): v for k, v in values.items()}

        def at(expr: sympy.Expr) -> sympy.Rational:
            value = expr.subs(subs)
            if not value.is_Rational:
                raise InvalidGameError(f"M5: {expr} is not a rational number at {values}")
            return value

        W_R1, W_R2 = at(self.W_R(1)), at(self.W_R(2))
        best_peace = at(self.best_peace)
        margin = W_R1 - best_peace
        war = bool(margin > 0)
        return PreventiveWarOutcome(
            war=war,
            values=MappingProxyType(values),
            W_R1=W_R1,
            W_R2=W_R2,
            best_peace=best_peace,
            margin=margin,
            Phi=at(self.Phi),
            x1=None if war else at(self.x1),
            x2=None if war else at(self.x2),
        )


def _war_value(space: ParameterSpace, t: int, side: str) -> sympy.Expr:
    if not isinstance(t, int) or isinstance(t, bool) or t < 1:
        raise ValueError(f"t must be a period 1, 2, ...; got {t!r}")
    delta = space.symbol("delta")
    p_t = space.symbol("p0") if t == 1 else space.symbol("p1")
    if side == "R":
        return p_t / (1 - delta) - space.symbol("C_R")
    return (1 - p_t) / (1 - delta) - space.symbol("C_T")


def m5(source: Any = None) -> PreventiveWarModel:
    """M5: preventive war as a commitment problem, derived in closed form.

    The derivation (all by sympy from the war values):

    1. From period 2 on the balance no longer moves, so the coalition offers
       the stationary share ``x2`` solving ``x2/(1-delta) = W_R(2)``,
       floored at 0 (Russia accepts nothing rather than fight a war worth
       less than nothing); Russia's value from period 2 is ``Max(W_R(2), 0)``.
    2. In period 1 the coalition can give at most the whole flow, so peace is
       worth at most ``1 + delta*Max(W_R(2), 0)`` to Russia; war iff
       ``W_R(1)`` exceeds it. With ``W_R(2) >= 0`` this is ``Phi > 0``,
       ``Phi = (1-delta)*(W_R(1) - 1 - delta*W_R(2))``.
    3. Otherwise the coalition offers ``x1`` solving ``x1 + delta*Max(W_R(2),
       0) = W_R(1)`` (floored at 0) and peace holds; ``C_T`` does not enter.
    4. The thresholds solve ``Phi = 0`` for ``p1``, the shift, ``C_R`` and
       ``delta``; ``Phi`` is quadratic in ``delta`` and the threshold is
       the smaller root (``1 - u_star`` with ``u_star >= 0``), the one in
       (0, 1) when ``p1 < p0``.

    Parameters
    ----------
    source : Scenario, path, ParameterSpace or None
        Where the declarations of ``delta``, ``p0``, ``p1``, ``C_R`` and
        ``C_T`` come from (default: the TRIPP scenario file).

    Returns
    -------
    PreventiveWarModel

    References
    ----------
    .. [1] J. D. Fearon, "Rationalist explanations for war", International
       Organization 49(3) (1995) 379-414.
    .. [2] R. Powell, "War as a commitment problem", International
       Organization 60(1) (2006) 169-203.

    Examples
    --------
    >>> M5 = m5()
    >>> M5.Phi
    -C_R*delta**2 + 2*C_R*delta - C_R - delta*p1 + delta + p0 - 1
    >>> M5.evaluate("p1_star"), M5.evaluate("C_R_star"), M5.evaluate("delta_star")
    (8/15, 14, 4/5)
    """
    _, space = _source(source)
    for name in _M5_PARAMETERS:
        space[name]  # raises UnknownParameterError naming the missing declaration
    delta, p0, p1, C_R = (space.symbol(n) for n in _M5_PARAMETERS[:4])
    W_R1, W_R2 = _war_value(space, 1, "R"), _war_value(space, 2, "R")
    x = sympy.Dummy("x")
    x2 = sympy.Max(0, _solve1(x / (1 - delta) - W_R2, x))
    best_peace = 1 + delta * sympy.Max(W_R2, 0)
    Phi = sympy.expand(sympy.cancel((1 - delta) * (W_R1 - (1 + delta * W_R2))))
    x1 = sympy.Max(0, sympy.expand(_solve1(x + delta * sympy.Max(W_R2, 0) - W_R1, x)))
    shift = sympy.Dummy("Delta")
    delta_star = _delta_root(Phi, delta, space)
    return PreventiveWarModel(
        id="M5",
        title="M5: preventive war as a commitment problem",
        section=f"{_SPEC} M5",
        parameters=_M5_PARAMETERS,
        space=space,
        x2=x2,
        best_peace=best_peace,
        Phi=Phi,
        x1=x1,
        p1_star=_solve1(Phi, p1),
        Delta_star=_solve1(Phi.subs(p1, p0 - shift), shift),
        C_R_star=_solve1(Phi, C_R),
        delta_star=delta_star,
    )


def _delta_root(Phi: sympy.Expr, delta: sympy.Symbol, space: ParameterSpace) -> sympy.Expr:
    """The smaller root of ``Phi`` (quadratic in ``delta``), as ``1 - u_star``."""
    u = sympy.Symbol("u", real=True)
    quadratic = sympy.Poly(sympy.expand(Phi.subs(delta, 1 - u)), u)
    c2, c1, c0 = quadratic.all_coeffs()
    # Phi = c2*u**2 + c1*u + c0 with c2 = -C_R <= 0, c1 = -(1 - p1) <= 0 and
    # c0 = p0 - p1: the root u_star = (sqrt(c1**2 - 4*c2*c0) + c1)/(-2*c2) is
    # the nonnegative one when p1 <= p0 (the smaller root in delta).
    discriminant = sympy.expand(c1**2 - 4 * c2 * c0)
    u_star = (-c1 - sympy.sqrt(discriminant)) / (2 * c2)
    check = sympy.expand(quadratic.as_expr().subs(u, u_star))
    if sympy.simplify(check) != 0:  # pragma: no cover - algebra guard
        raise InvalidGameError("M5: the root of Phi in delta does not check")
    return 1 - sympy.simplify(u_star)


# ---------------------------------------------------------------------------
# The family
# ---------------------------------------------------------------------------


def models(source: Any = None) -> dict[str, TrippModel | PreventiveWarModel]:
    """Every model of the family (M1-M7), by id.

    Examples
    --------
    >>> sorted(models())
    ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7']
    """
    from .tripp_bayesian import m4, m6  # lazy: tripp_bayesian imports this module

    builders: dict[str, Callable[[Any], TrippModel | PreventiveWarModel]] = {
        "M1": m1, "M2": m2, "M3": m3, "M4": m4, "M5": m5, "M6": m6, "M7": m7
    }
    return {model_id: build(source) for model_id, build in builders.items()}
