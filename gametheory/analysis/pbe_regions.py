"""Symbolic classification of the perfect Bayesian equilibria of a signaling game.

For a :class:`~gametheory.games.bayesian.SignalingGame` whose prior and
payoffs are sympy expressions in declared parameters, :func:`pbe_regions`
derives, once and exactly, the region of the parameter space in which each
class of perfect Bayesian equilibria exists, with the class's strategies and
beliefs in closed form.

Method
------
The numeric solver (:func:`gametheory.solvers.pbe.solve_pbe`) splits the
equilibrium conditions of each *pattern of play* (the messages each type
sends) and each set of receiver responses into three independent linear
systems: receiver optimality on the path (linear in the weights
:math:`\\pi(t)\\sigma(m \\mid t)`), sender optimality (linear in the
receiver's mixing) and receiver optimality after unsent messages (linear in
the belief). Here the same systems have symbolic coefficients. Each is
solved by Gaussian elimination (a pivot whose sign is not decided by the
assumptions is assumed non-zero and its zero set reported as a knife-edge),
and the inequalities are projected by Fourier-Motzkin elimination (exact for
mixed strict and weak inequalities). Signs of coefficients are decided on the
domain -- the parameters' bounds and the assumptions -- by
:class:`~gametheory.analysis.conditions.Condition` (exact certificates); an
undecided sign splits the analysis into cases. One-dimensional solution sets
(a receiver mixing over an interval, an interval of off-path beliefs) are
reported as intervals with ``Max``/``Min`` end points; redundant bounds are
dropped when that is proved.

A *piece* whose existence needs an equation between parameters (for example
:math:`\\pi_O = \\mu^*`) is a *knife-edge* piece; the regions report them
separately, so that :meth:`PBEClassification.classes_at` gives the generic
classes and :meth:`PBEClassification.is_knife_edge` flags the points where
continua appear.

References
----------
.. [1] D. Fudenberg and J. Tirole, *Game Theory*, MIT Press (1991), ch. 8.
.. [2] I.-K. Cho and D. M. Kreps, "Signaling games and stable equilibria",
   *Quarterly Journal of Economics* 102 (1987) 179-221.
.. [3] J. B. J. Fourier (1826) and T. S. Motzkin (1936): elimination of
   variables from systems of linear inequalities.

Examples
--------
The TRIPP model M4 (``scenario_spec.md``):

>>> from gametheory.scenarios.tripp_bayesian import m4
>>> from gametheory.analysis.pbe_regions import pbe_regions
>>> M4 = m4()
>>> regions = pbe_regions(M4.game, assumptions=M4.assumptions)
>>> [c.label for c in regions]
['pooling on Open', 'pooling on Restrain', 'hybrid (O: Open/Restrain; D: Open)', 'hybrid (O: Open; D: Open/Restrain)', 'hybrid (O: Open/Restrain; D: Open/Restrain)']
>>> regions.classes_at(**M4.values())
('pooling on Restrain', 'hybrid (O: Open/Restrain; D: Open)')
>>> regions["hybrid (O: Open/Restrain; D: Open)"].evaluate("P[Open|O]", **M4.values())
2/3
>>> regions.is_knife_edge(**M4.values(pi_O="1/2"))
True
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sympy
from sympy.logic.boolalg import Boolean

from .._numbers import to_sympy
from ..errors import InvalidGameError, MethodNotApplicableError, UnknownLabelError
from ..games.bayesian import SignalingGame
from .conditions import Condition, _game_relations, equilibrium_conditions

__all__ = ["PBEClassification", "PBERegion", "PBERegionPiece", "SymbolicInterval", "pbe_regions"]

_MAX_BRANCHES = 64


@dataclass(frozen=True)
class SymbolicInterval:
    """An interval with symbolic end points (``Max``/``Min`` of several bounds).

    Examples
    --------
    >>> import sympy
    >>> r = sympy.Symbol("r", positive=True)
    >>> iv = SymbolicInterval(r, sympy.Integer(1), False, True)
    >>> str(iv), iv.at({r: sympy.Rational(1, 2)})
    ('[r, 1)', (1/2, 1))
    """

    lower: sympy.Expr
    upper: sympy.Expr
    lower_open: bool
    upper_open: bool

    def at(self, subs: Mapping[sympy.Symbol, Any]) -> tuple[sympy.Expr, sympy.Expr]:
        """The end points at a parameter point."""
        return (sympy.simplify(self.lower.xreplace(subs)),
                sympy.simplify(self.upper.xreplace(subs)))

    def __str__(self) -> str:
        return (("(" if self.lower_open else "[") + f"{self.lower}, {self.upper}"
                + (")" if self.upper_open else "]"))


@dataclass(frozen=True, eq=False)
class PBERegionPiece:
    """One set of receiver responses within a class: its region and closed forms.

    Attributes
    ----------
    receiver_support : dict
        ``{message: responses used with positive probability}``.
    condition : Condition
        Exact existence condition.
    knife_edge : bool
        True when the piece exists only where an equation between parameters
        holds (a continuum at a knife-edge).
    closed_forms : dict
        ``{name: expression or SymbolicInterval}``: sender strategies
        ``"P[m|t]"``, receiver strategies ``"P[a|m]"``, on-path beliefs
        ``"mu[t|m]"``, off-path belief intervals ``"mu[t|m]"`` (two types),
        outcome probabilities ``"P[m, a]"`` (probability that ``m`` is sent
        and answered by ``a``). Empty when the analysis split into cases.
    """

    receiver_support: dict[str, tuple[str, ...]]
    condition: Condition
    knife_edge: bool
    closed_forms: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class PBERegion:
    """The region where one class (pattern of play) of PBE exists.

    Attributes
    ----------
    label : str
        As in :func:`gametheory.solvers.pbe.solve_pbe` (``"pooling on Restrain"``).
    kind : str
        ``"pooling"``, ``"separating"``, ``"partial pooling"`` or ``"hybrid"``.
    supports : dict
        ``{type: messages sent with positive probability}``.
    condition : Condition
        Where the class exists (knife-edge pieces included).
    generic : Condition
        Where a piece that is not a knife-edge exists.
    pieces : tuple of PBERegionPiece
    """

    label: str
    kind: str
    supports: dict[str, tuple[str, ...]]
    condition: Condition
    generic: Condition
    pieces: tuple[PBERegionPiece, ...]

    def holds(self, **values: Any) -> bool | None:
        """Whether the class exists at a point (exact)."""
        return self.condition.holds(**values)

    def evaluate(self, name: str, **values: Any) -> Any:
        """A closed form at a point, over the pieces of the class that exist there.

        Returns the value when every such piece gives the same number, else
        ``(lower, upper)``: the smallest interval containing the values and
        intervals of the pieces (e.g. the receiver's mixing over all pieces).

        Raises
        ------
        UnknownLabelError
            No piece existing at the point has this closed form.
        """
        subs = _point(self.condition, values)
        spans = []
        for piece in self.pieces:
            if name in piece.closed_forms and piece.condition.holds(**values):
                v = piece.closed_forms[name]
                if isinstance(v, SymbolicInterval):
                    spans.append(v.at(subs))
                else:
                    x = sympy.simplify(v.xreplace(subs))
                    spans.append((x, x))
        if not spans:
            raise UnknownLabelError(
                f"no piece of {self.label!r} existing at this point has a closed form {name!r}; "
                f"names: {sorted({k for p in self.pieces for k in p.closed_forms})}"
            )
        lo = min(x for x, _ in spans)
        hi = max(y for _, y in spans)
        return lo if lo == hi else (lo, hi)

    def __str__(self) -> str:
        lines = [f"{self.label}: {self.condition}"]
        for p in self.pieces:
            tag = " (knife-edge)" if p.knife_edge else ""
            sup = ", ".join(f"{m}: {'/'.join(a)}" for m, a in p.receiver_support.items())
            lines.append(f"  responses {sup}{tag}: {p.condition}")
            for k, v in p.closed_forms.items():
                lines.append(f"    {k} = {v}")
        return "\n".join(lines)


def _point(condition: Condition, values: Mapping[str, Any]) -> dict[sympy.Symbol, Any]:
    return condition._values(values)


@dataclass(frozen=True, eq=False)
class PBEClassification:
    """The PBE classes of a symbolic signaling game and their regions.

    Attributes
    ----------
    game : SignalingGame
    parameters : tuple of sympy.Symbol
    assumptions : tuple of sympy relations
        The domain (bounds and extra assumptions).
    classes : tuple of PBERegion
        Every class that exists somewhere (possibly only at knife-edges).
    degeneracies : tuple of sympy.Expr
        Expressions assumed non-zero (pivots, undecided coefficients); their
        zero sets are knife-edges too.
    notes : tuple of str
    """

    game: SignalingGame
    parameters: tuple[sympy.Symbol, ...]
    assumptions: tuple[Boolean, ...]
    classes: tuple[PBERegion, ...]
    degeneracies: tuple[sympy.Expr, ...] = ()
    notes: tuple[str, ...] = ()

    def __iter__(self) -> Iterator[PBERegion]:
        return iter(self.classes)

    def __len__(self) -> int:
        return len(self.classes)

    def __getitem__(self, key: int | str) -> PBERegion:
        if isinstance(key, int):
            return self.classes[key]
        for c in self.classes:
            if c.label == key:
                return c
        raise UnknownLabelError(f"no class {key!r}; classes: {[c.label for c in self.classes]}")

    def classes_at(self, **values: Any) -> tuple[str, ...]:
        """Labels of the classes with a generic (non-knife-edge) piece at the point."""
        return tuple(c.label for c in self.classes if c.generic.holds(**values))

    def all_classes_at(self, **values: Any) -> tuple[str, ...]:
        """Labels of every class existing at the point, knife-edge pieces included."""
        return tuple(c.label for c in self.classes if c.condition.holds(**values))

    def is_knife_edge(self, **values: Any) -> bool:
        """True where a knife-edge piece exists or an assumed-non-zero expression vanishes."""
        for c in self.classes:
            for p in c.pieces:
                if p.knife_edge and p.condition.holds(**values):
                    return True
        if self.degeneracies:
            subs = _point(self.classes[0].condition, values) if self.classes else {}
            for e in self.degeneracies:
                if sympy.simplify(e.xreplace(subs)) == 0:
                    return True
        return False

    def solve_at(self, **values: Any) -> Any:
        """The numeric PBE (with refinements) at a point: ``solve_pbe(game.at(**values))``.

        Examples
        --------
        >>> from gametheory.scenarios.tripp_bayesian import m4
        >>> M4 = m4()
        >>> R = pbe_regions(M4.game, assumptions=M4.assumptions)
        >>> [e.label for e in R.solve_at(**M4.values()).surviving("D1")]
        ['hybrid (O: Open/Restrain; D: Open)']
        """
        from ..solvers.pbe import solve_pbe  # lazy: solvers are heavier than conditions

        return solve_pbe(self.game.at(**{k: v for k, v in values.items()}))

    def __str__(self) -> str:
        return "\n".join(str(c) for c in self.classes)


# ============================================================================ machinery


class _Ctx:
    def __init__(self, params: tuple[sympy.Symbol, ...], relations: tuple[Boolean, ...]):
        self.params = params
        self.relations = relations
        self._signs: dict[sympy.Expr, int | None] = {}
        self.degeneracies: list[sympy.Expr] = []

    def condition(self, expr: Any) -> Condition:
        return Condition(expr, parameters=self.params, assumptions=self.relations)

    def sign(self, e: Any) -> int | None:
        e = sympy.cancel(to_sympy(e))
        if e == 0:
            return 0
        if e.is_number:
            return 1 if e > 0 else -1
        if e not in self._signs:
            out: int | None = None
            if self.condition(e > 0).simplify().is_true:
                out = 1
            elif self.condition(e < 0).simplify().is_true:
                out = -1
            self._signs[e] = out
        return self._signs[e]

    def leq(self, a: Any, b: Any) -> bool:
        """Proved a <= b on the domain."""
        d = sympy.cancel(b - a)
        if d.is_number:
            return bool(d >= 0)
        return self.condition(d >= 0).simplify().is_true


@dataclass
class _Branch:
    conds: list[Boolean]
    knife: bool
    point: dict[int, sympy.Expr] | None = None
    interval: tuple[int, SymbolicInterval] | None = None


SymRow = tuple[list[sympy.Expr], sympy.Expr]


def _block(n: int, eq: list[SymRow], ge: list[SymRow], gt: list[SymRow], ctx: _Ctx
           ) -> list[_Branch]:
    """Branches of the solution set of a symbolic linear system (see the module docstring)."""
    zero = sympy.Integer(0)
    # ---- equalities: x = x0 + N t
    M = [[sympy.cancel(to_sympy(v)) for v in a] + [sympy.cancel(to_sympy(b))]
         for a, b in eq]
    pivots: list[int] = []
    knife_eqs: list[Boolean] = []
    knife = False
    r = 0
    for c in range(n):
        best = None
        for k in range(r, len(M)):
            if M[k][c] == 0:
                continue
            s = ctx.sign(M[k][c])
            if s in (1, -1):
                best = k
                break
            if best is None:
                best = k
        if best is None:
            continue
        if ctx.sign(M[best][c]) not in (1, -1):
            ctx.degeneracies.append(M[best][c])
        M[r], M[best] = M[best], M[r]
        piv = M[r][c]
        M[r] = [sympy.cancel(v / piv) for v in M[r]]
        for k in range(len(M)):
            if k != r and M[k][c] != 0:
                f = M[k][c]
                M[k] = [sympy.cancel(x - f * y) for x, y in zip(M[k], M[r], strict=True)]
        pivots.append(c)
        r += 1
    for k in range(r, len(M)):
        const = M[k][n]
        if const == 0:
            continue
        if const.is_number:
            return []
        knife_eqs.append(sympy.Eq(sympy.numer(sympy.together(const)), 0))
        knife = True
    free = [j for j in range(n) if j not in pivots]
    x0 = [zero] * n
    for row, c in zip(M[:r], pivots, strict=True):
        x0[c] = row[n]
    basis = []
    for f in free:
        v = [zero] * n
        v[f] = sympy.Integer(1)
        for row, c in zip(M[:r], pivots, strict=True):
            v[c] = -row[f]
        basis.append(v)
    d = len(basis)
    rows: list[tuple[list[sympy.Expr], sympy.Expr, bool]] = []
    for (a, b), strict in [*((r_, False) for r_ in ge), *((r_, True) for r_ in gt)]:
        a = [to_sympy(v) for v in a]
        alpha = [sympy.cancel(sum((a[j] * v[j] for j in range(n)), zero)) for v in basis]
        beta = sympy.cancel(sum((a[j] * x0[j] for j in range(n)), zero) - to_sympy(b))
        rows.append((alpha, beta, strict))
    branches = _project(rows, d, ctx)
    out = []
    for conds, const_rows, bounds in branches:
        cc = list(knife_eqs) + conds
        for beta, strict in const_rows:
            if beta.is_number:
                if (strict and not beta > 0) or (not strict and not beta >= 0):
                    cc.append(sympy.false)
                continue
            cc.append(beta > 0 if strict else beta >= 0)
        br = _Branch(cc, knife)
        if d == 0:
            br.point = {j: x0[j] for j in range(n)}
        elif d == 1 and bounds is not None:
            lows, ups = bounds
            lows = _prune(lows, ctx, lower=True)
            ups = _prune(ups, ctx, lower=False)
            for (lo, ls), (up, us) in itertools.product(lows, ups):
                rel = (lo < up) if (ls or us) else (lo <= up)
                if rel is sympy.false or rel is False:
                    cc.append(sympy.false)
                elif rel is not sympy.true and rel is not True:
                    cc.append(rel)
            lo_e = sympy.Max(*[x for x, _ in lows]) if lows else -sympy.oo
            up_e = sympy.Min(*[x for x, _ in ups]) if ups else sympy.oo
            # with several bounds, the end is open only if every candidate is strict
            lo_open = all(st for _, st in lows) if lows else True
            up_open = all(st for _, st in ups) if ups else True
            lo_e = lo_e.func(*[sympy.factor(a) for a in lo_e.args]) if lo_e.args else lo_e
            up_e = up_e.func(*[sympy.factor(a) for a in up_e.args]) if up_e.args else up_e
            br.interval = (free[0], SymbolicInterval(sympy.factor(lo_e) if not lo_e.args else
                                                     lo_e, up_e, lo_open, up_open))
            br.point = {j: x0[j] + basis[0][j] * sympy.Symbol("t") for j in range(n)}
        out.append(br)
    return out


def _prune(bounds: list[tuple[sympy.Expr, bool]], ctx: _Ctx, lower: bool
           ) -> list[tuple[sympy.Expr, bool]]:
    """Drop bounds proved implied by another one; merge duplicates keeping strictness."""
    merged: dict[sympy.Expr, bool] = {}
    for e, st in bounds:
        e = sympy.factor(sympy.cancel(e))
        merged[e] = merged.get(e, False) or st
    items = list(merged.items())
    keep = []
    for k, (e, st) in enumerate(items):
        redundant = False
        for j, (f, ft) in enumerate(items):
            if j == k or (st and not ft):
                continue
            if ctx.leq(e, f) if lower else ctx.leq(f, e):
                redundant = True
                break
        if not redundant:
            keep.append((e, st))
    return keep


def _project(rows: list[tuple[list[sympy.Expr], sympy.Expr, bool]], d: int, ctx: _Ctx
             ) -> list[tuple[list[Boolean], list[tuple[sympy.Expr, bool]], Any]]:
    """Fourier-Motzkin elimination with sign case splits.

    Returns branches ``(case conditions, constant rows (beta, strict), bounds)``;
    ``bounds`` = (lower, upper) lists for d == 1, else None.
    """
    branches: list[tuple[list[Boolean], list[tuple[list[sympy.Expr], sympy.Expr, bool]]]] = [
        ([], rows)]
    bounds_out: dict[int, Any] = {}
    for var in reversed(range(d)):
        new: list[tuple[list[Boolean], list[Any]]] = []
        for conds, rs in branches:
            # split on undecided signs of this variable's coefficients
            cases: list[tuple[list[Boolean], list[int]]] = [(list(conds), [])]
            for alpha, _, _ in rs:
                s = ctx.sign(alpha[var])
                if s is None:
                    ctx.degeneracies.append(alpha[var])
                    nxt = []
                    for cc, signs in cases:
                        nxt.append(([*cc, alpha[var] > 0], [*signs, 1]))
                        nxt.append(([*cc, alpha[var] < 0], [*signs, -1]))
                    cases = nxt
                    if len(cases) > _MAX_BRANCHES:
                        raise MethodNotApplicableError(
                            "pbe_regions: too many sign cases; add assumptions that decide the "
                            f"sign of {alpha[var]}")
                else:
                    cases = [(cc, [*signs, s]) for cc, signs in cases]
            for cc, signs in cases:
                pos = [r for r, s in zip(rs, signs, strict=True) if s > 0]
                neg = [r for r, s in zip(rs, signs, strict=True) if s < 0]
                zer = [r for r, s in zip(rs, signs, strict=True) if s == 0]
                nrows = [(a[:var], b, st) for a, b, st in zer]
                for ap, bp, sp in pos:
                    for an, bn, sn in neg:
                        cp, cn = ap[var], -an[var]  # both positive
                        a_new = [sympy.cancel(cn * x + cp * y) for x, y in
                                 zip(ap[:var], an[:var], strict=True)]
                        b_new = sympy.cancel(cn * bp + cp * bn)
                        nrows.append((a_new, b_new, sp or sn))
                if d == 1:
                    lows = [(sympy.cancel(-b / a[0]), st) for a, b, st in pos]
                    ups = [(sympy.cancel(-b / a[0]), st) for a, b, st in neg]
                    bounds_out[len(new)] = (lows, ups)
                new.append((cc, nrows))
        branches = new
    out = []
    for k, (conds, rs) in enumerate(branches):
        consts = [(b, st) for a, b, st in rs]
        out.append((conds, consts, bounds_out.get(k) if d == 1 else None))
    return out


# ============================================================================ signaling


def _subsets(seq: Sequence[str]) -> list[tuple[str, ...]]:
    return [c for k in range(1, len(seq) + 1) for c in itertools.combinations(seq, k)]


def _label(types: Sequence[str], S: Mapping[str, tuple[str, ...]]) -> tuple[str, str]:
    if all(len(S[t]) == 1 for t in types):
        sent = [S[t][0] for t in types]
        if len(set(sent)) == 1:
            return "pooling", f"pooling on {sent[0]}"
        desc = ", ".join(f"{t}: {S[t][0]}" for t in types)
        if len(set(sent)) == len(sent):
            return "separating", f"separating ({desc})"
        return "partial pooling", f"partial pooling ({desc})"
    return "hybrid", "hybrid (" + "; ".join(f"{t}: {'/'.join(S[t])}" for t in types) + ")"


def pbe_regions(game: SignalingGame, *, assumptions: Any = None) -> PBEClassification:
    """Regions of the parameter space where each class of PBE exists, with closed forms.

    Parameters
    ----------
    game : SignalingGame
        Prior and payoffs may be sympy expressions in the parameters of
        ``game.space``. Every type is assumed to have positive prior
        probability (add assumptions such as ``pi_O > 0`` so that signs can be
        decided).
    assumptions : sequence of sympy relations or str, optional
        Extra domain conditions (e.g. ``model.assumptions`` of a TRIPP model);
        the parameters' bounds are always included.

    Returns
    -------
    PBEClassification
        One :class:`PBERegion` per pattern of play that exists somewhere.

    Raises
    ------
    MethodNotApplicableError
        Too many undecided signs (add assumptions).

    References
    ----------
    .. [1] D. Fudenberg and J. Tirole, *Game Theory*, MIT Press (1991), ch. 8.

    Examples
    --------
    >>> from gametheory.scenarios.tripp_bayesian import m4
    >>> M4 = m4()
    >>> R = pbe_regions(M4.game, assumptions=M4.assumptions)
    >>> R["pooling on Open"].generic
    Condition(a_D*pi_O + pi_O*w_O + w_D >= a_D + a_O*pi_O + pi_O*w_D)
    >>> R["pooling on Restrain"].evaluate("P[Preempt|Open]", **M4.values())
    (3/4, 1)
    """
    if not isinstance(game, SignalingGame):
        raise MethodNotApplicableError(
            f"pbe_regions handles SignalingGame, got {type(game).__name__}")
    parsed = []
    if assumptions is not None:
        items = [assumptions] if isinstance(assumptions, str | Boolean) else list(assumptions)
        for a in items:
            if isinstance(a, str):
                if game.space is None:
                    raise InvalidGameError("text assumptions need a game with a parameter space")
                from ..parameters import parse_condition

                a = parse_condition(a, game.space)
            parsed.append(a)
    relations = _game_relations(game, parsed)
    params = tuple(game.parameters)
    ctx = _Ctx(params, relations)
    types = game.types
    msgs = game.messages
    acts = {m: game.actions(m) for m in msgs}
    act_msgs = [m for m in msgs if acts[m]]
    prior = {t: to_sympy(game.prior[t]) for t in types}
    uS: dict[tuple[str, str, Any], sympy.Expr] = {}
    uR: dict[tuple[str, str, Any], sympy.Expr] = {}
    for t in types:
        for m in msgs:
            for a in (acts[m] or (None,)):
                s, r = game.payoff(t, m, a)
                uS[(t, m, a)] = to_sympy(s)
                uR[(t, m, a)] = to_sympy(r)
    from ..solvers.pbe import simplex_rows  # lazy, as solve_pbe above

    cache: dict[Any, list[_Branch]] = {}
    unit = (sympy.Integer(1), sympy.Integer(0))

    def sigma(S: Mapping[str, tuple[str, ...]], R: Mapping[str, tuple[str, ...]],
              on: list[str]) -> tuple[list[tuple[str, str]], list[_Branch]]:
        var = [(t, m) for t in types for m in S[t]]
        key = ("s", tuple(S[t] for t in types), tuple(R[m] for m in on))
        if key not in cache:
            n = len(var)
            idx = {v: k for k, v in enumerate(var)}
            zero = sympy.Integer(0)
            eq, gt = simplex_rows([[idx[(t, m)] for m in S[t]] for t in types], n, *unit)
            ge: list[SymRow] = []
            for m in on:
                a0 = R[m][0]
                for b in acts[m]:
                    if b == a0:
                        continue
                    row = [zero] * n
                    for t in types:
                        if m in S[t]:
                            row[idx[(t, m)]] = prior[t] * (uR[(t, m, a0)] - uR[(t, m, b)])
                    (eq if b in R[m] else ge).append((row, zero))
            cache[key] = _block(n, eq, ge, gt, ctx)
        return var, cache[key]

    def rho(S: Mapping[str, tuple[str, ...]], R: Mapping[str, tuple[str, ...]]
            ) -> tuple[list[tuple[str, str]], list[_Branch]]:
        var = [(m, a) for m in act_msgs for a in R[m]]
        n = len(var)
        idx = {v: k for k, v in enumerate(var)}
        zero = sympy.Integer(0)
        eq, gt = simplex_rows([[idx[(m, a)] for a in R[m]] for m in act_msgs], n, *unit)
        ge: list[SymRow] = []

        def value(t: str, m: str) -> tuple[list[sympy.Expr], sympy.Expr]:
            row = [zero] * n
            if not acts[m]:
                return row, uS[(t, m, None)]
            for a in R[m]:
                row[idx[(m, a)]] = uS[(t, m, a)]
            return row, zero

        for t in types:
            m0 = S[t][0]
            r0, c0 = value(t, m0)
            for m in msgs:
                if m == m0:
                    continue
                r1, c1 = value(t, m)
                diff = [x - y for x, y in zip(r0, r1, strict=True)]
                (eq if m in S[t] else ge).append((diff, c1 - c0))
        return var, _block(n, eq, ge, gt, ctx)

    def mu(m: str, Rm: tuple[str, ...]) -> list[_Branch]:
        key = ("m", m, Rm)
        if key not in cache:
            n = len(types)
            one, zero = sympy.Integer(1), sympy.Integer(0)
            eq = [([one] * n, one)]
            ge = [([one if j == k else zero for j in range(n)], zero) for k in range(n)]
            a0 = Rm[0]
            for b in acts[m]:
                if b != a0:
                    (eq if b in Rm else ge).append(
                        ([uR[(t, m, a0)] - uR[(t, m, b)] for t in types], zero))
            cache[key] = _block(n, eq, ge, [], ctx)
        return cache[key]

    classes = []
    for choice in itertools.product(*(_subsets(msgs) for _ in types)):
        S = dict(zip(types, choice, strict=True))
        on = [m for m in act_msgs if any(m in S[t] for t in types)]
        off = [m for m in act_msgs if m not in on]
        pieces = []
        for rchoice in itertools.product(*(_subsets(acts[m]) for m in act_msgs)):
            R = dict(zip(act_msgs, rchoice, strict=True))
            svar, sb = sigma(S, R, on)
            if not sb:
                continue
            rvar, rb = rho(S, R)
            if not rb:
                continue
            mbs = {m: mu(m, R[m]) for m in off}
            if any(not b for b in mbs.values()):
                continue
            piece = _piece(ctx, types, act_msgs, prior, S, R, svar, sb, rvar, rb, mbs)
            if piece is not None:
                pieces.append(piece)
        if not pieces:
            continue
        kind, label = _label(types, S)
        cond = ctx.condition(sympy.Or(*[p.condition.expr for p in pieces])).simplify()
        generic_exprs = [p.condition.expr for p in pieces if not p.knife_edge]
        generic = ctx.condition(sympy.Or(*generic_exprs) if generic_exprs else sympy.false)
        generic = generic.simplify()
        classes.append(PBERegion(label=label, kind=kind, supports=dict(S), condition=cond,
                                 generic=generic, pieces=tuple(pieces)))
    order = {"pooling": 0, "separating": 1, "partial pooling": 2, "hybrid": 3}
    classes.sort(key=lambda c: (order[c.kind], c.generic.is_false, c.label))
    degeneracies = tuple(dict.fromkeys(sympy.factor(e) for e in ctx.degeneracies))
    notes = ("every type is taken to have positive prior probability",)
    return PBEClassification(game=game, parameters=params, assumptions=relations,
                             classes=tuple(classes), degeneracies=degeneracies, notes=notes)


def _complement(iv: SymbolicInterval) -> SymbolicInterval:
    def flip(e: sympy.Expr) -> sympy.Expr:
        if isinstance(e, sympy.Max):
            return sympy.Min(*[sympy.factor(1 - a) for a in e.args])
        if isinstance(e, sympy.Min):
            return sympy.Max(*[sympy.factor(1 - a) for a in e.args])
        return sympy.factor(1 - e)

    return SymbolicInterval(flip(iv.upper), flip(iv.lower), iv.upper_open, iv.lower_open)


def _piece(ctx: _Ctx, types: Sequence[str], act_msgs: Sequence[str],
           prior: Mapping[str, sympy.Expr], S: Mapping[str, tuple[str, ...]],
           R: Mapping[str, tuple[str, ...]], svar: list[tuple[str, str]], sb: list[_Branch],
           rvar: list[tuple[str, str]], rb: list[_Branch],
           mbs: Mapping[str, list[_Branch]]) -> PBERegionPiece | None:
    off = list(mbs)
    combos = list(itertools.product(sb, rb, *(mbs[m] for m in off)))
    exprs = []
    knife = False
    for combo in combos:
        conds = [c for br in combo for c in br.conds]
        exprs.append(sympy.And(*conds) if conds else sympy.true)
        knife = knife or any(br.knife for br in combo)
    cond = ctx.condition(sympy.Or(*exprs)).simplify()
    if cond.is_false:
        return None
    forms: dict[str, Any] = {}
    if len(combos) == 1:
        s_br, r_br, *m_brs = combos[0]
        sig: dict[tuple[str, str], Any] = {}
        if s_br.point is not None and s_br.interval is None:
            for k, (t, m) in enumerate(svar):
                sig[(t, m)] = sympy.factor(s_br.point[k])
                forms[f"P[{m}|{t}]"] = sig[(t, m)]
        elif s_br.interval is not None:
            k, iv = s_br.interval
            t, m = svar[k]
            forms[f"P[{m}|{t}]"] = iv
        rh: dict[tuple[str, str], Any] = {}
        if r_br.point is not None and r_br.interval is None:
            for k, (m, a) in enumerate(rvar):
                rh[(m, a)] = sympy.factor(r_br.point[k])
                forms[f"P[{a}|{m}]"] = rh[(m, a)]
        elif r_br.interval is not None:
            k, iv = r_br.interval
            m, a = rvar[k]
            forms[f"P[{a}|{m}]"] = iv
            others = [v for v in rvar if v[0] == m and v != (m, a)]
            if len(others) == 1:
                m2, a2 = others[0]
                forms[f"P[{a2}|{m2}]"] = _complement(iv)
        for m in act_msgs:
            if m in off or not sig:
                continue
            w = {t: prior[t] * sig.get((t, m), 0) for t in types}
            tot = sympy.Add(*w.values())
            for t in types:
                forms[f"mu[{t}|{m}]"] = sympy.factor(sympy.cancel(w[t] / tot))
            for a in R[m]:
                if (m, a) in rh:
                    forms[f"P[{m}, {a}]"] = sympy.factor(tot * rh[(m, a)])
        for m, br in zip(off, m_brs, strict=True):
            if len(types) == 2:
                if br.interval is not None:
                    k, iv = br.interval
                    forms[f"mu[{types[k]}|{m}]"] = iv
                    other = types[1 - k]
                    forms[f"mu[{other}|{m}]"] = _complement(iv)
                elif br.point is not None:
                    for k, t in enumerate(types):
                        forms[f"mu[{t}|{m}]"] = sympy.factor(br.point[k])
    return PBERegionPiece(receiver_support=dict(R), condition=cond, knife_edge=knife,
                          closed_forms=forms)


# singledispatch types every implementation by the base's return type (EquilibriumConditions);
# this implementation returns its documented own result type.
@equilibrium_conditions.register  # type: ignore[arg-type]
def _signaling_equilibrium_conditions(
    game: SignalingGame, *, assumptions: Any = None
) -> PBEClassification:
    """``equilibrium_conditions`` for signaling games: the PBE classes and their regions."""
    return pbe_regions(game, assumptions=assumptions)
