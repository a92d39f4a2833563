"""Hypothesis strategies for parameter points and payoff assumptions (private).

See :mod:`gametheory.testing` for the public names.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, NamedTuple

import sympy
from hypothesis import reject
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from sympy.logic.boolalg import Boolean, BooleanAtom

from ..errors import GameTheoryError

__all__ = ["GameInstance", "assumptions", "games_satisfying", "parameter_points"]

Point = dict[str, Any]

#: Attempts per example before it is rejected (failed attempts are deleted by the shrinker).
ATTEMPTS = 3
#: Random tries used to look for a satisfying point when sympy cannot decide.
SEARCH_TRIES = 1000
#: Largest extra denominator drawn on top of the simplest one in an interval.
MAX_EXTRA_DENOMINATOR = 1000
#: Float points replace an unbounded end by this magnitude, so payoffs stay finite.
FLOAT_LIMIT = 1e12

_RELATIONS = {
    sympy.StrictLessThan: "<",
    sympy.LessThan: "<=",
    sympy.StrictGreaterThan: ">",
    sympy.GreaterThan: ">=",
    sympy.Equality: "==",
}


# ---------------------------------------------------------------------------
# Intervals of exact rationals
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Interval:
    lo: Fraction | None
    hi: Fraction | None
    lo_open: bool = False
    hi_open: bool = False

    def is_empty(self) -> bool:
        if self.lo is None or self.hi is None:
            return False
        return self.lo > self.hi or (self.lo == self.hi and (self.lo_open or self.hi_open))

    def __contains__(self, x: Fraction) -> bool:
        if self.lo is not None and (x < self.lo or (self.lo_open and x == self.lo)):
            return False
        return not (self.hi is not None and (x > self.hi or (self.hi_open and x == self.hi)))

    def with_lower(self, value: Fraction, strict: bool) -> _Interval:
        if self.lo is None or value > self.lo:
            return _Interval(value, self.hi, strict, self.hi_open)
        if value == self.lo:
            return _Interval(self.lo, self.hi, self.lo_open or strict, self.hi_open)
        return self

    def with_upper(self, value: Fraction, strict: bool) -> _Interval:
        if self.hi is None or value < self.hi:
            return _Interval(self.lo, value, self.lo_open, strict)
        if value == self.hi:
            return _Interval(self.lo, self.hi, self.lo_open, self.hi_open or strict)
        return self

    def mirror(self) -> _Interval:
        return _Interval(
            None if self.hi is None else -self.hi,
            None if self.lo is None else -self.lo,
            self.hi_open,
            self.lo_open,
        )


def _simplest_open(a: Fraction, b: Fraction | None) -> Fraction:
    """The simplest rational strictly between ``0 <= a`` and ``b`` (``None``: infinity)."""
    whole = math.floor(a)
    if b is None or whole + 1 < b:
        return Fraction(whole + 1)
    inner_hi = None if a == whole else 1 / (a - whole)
    return whole + 1 / _simplest_open(1 / (b - whole), inner_hi)


def _simplest(interval: _Interval) -> Fraction:
    """The rational with the smallest denominator, then numerator, in a non-empty interval.

    This is the Stern-Brocot (continued fraction) simplest element.
    """
    if Fraction(0) in interval:
        return Fraction(0)
    if interval.hi is not None and interval.hi <= 0:
        return -_simplest(interval.mirror())
    lo, hi = interval.lo, interval.hi
    assert lo is not None and lo >= 0
    if hi is not None and lo == hi:
        return lo
    candidates = [_simplest_open(lo, hi)]
    if not interval.lo_open:
        candidates.append(lo)
    if hi is not None and not interval.hi_open:
        candidates.append(hi)
    return min(candidates, key=lambda f: (f.denominator, abs(f.numerator)))


def _numerators(interval: _Interval, q: int) -> tuple[int | None, int | None]:
    """Bounds on the numerator ``n`` such that ``n/q`` lies in the interval."""
    low = high = None
    if interval.lo is not None:
        c = interval.lo * q
        low = math.ceil(c)
        if interval.lo_open and low == c:
            low += 1
    if interval.hi is not None:
        c = interval.hi * q
        high = math.floor(c)
        if interval.hi_open and high == c:
            high -= 1
    return low, high


def _float_bounds(interval: _Interval) -> tuple[float, float, bool, bool] | None:
    """Float bounds inside the exact interval (an unbounded end at about +-FLOAT_LIMIT)."""
    if interval.lo is None:
        lo = -max(FLOAT_LIMIT, 2 * abs(float(interval.hi or 0)))
        lo_open = False
    else:
        lo = float(interval.lo)
        if Fraction(lo) < interval.lo:
            lo = math.nextafter(lo, math.inf)
        lo_open = interval.lo_open and Fraction(lo) == interval.lo
    if interval.hi is None:
        hi = max(FLOAT_LIMIT, 2 * abs(float(interval.lo or 0)))
        hi_open = False
    else:
        hi = float(interval.hi)
        if Fraction(hi) > interval.hi:
            hi = math.nextafter(hi, -math.inf)
        hi_open = interval.hi_open and Fraction(hi) == interval.hi
    if lo > hi or (lo == hi and (lo_open or hi_open)):
        return None
    if lo_open and hi_open and math.nextafter(lo, math.inf) >= hi:
        return None
    return lo, hi, lo_open, hi_open


def _fraction(value: Any) -> Fraction:
    if isinstance(value, sympy.Rational):
        return Fraction(int(value.p), int(value.q))
    return Fraction(value)


def _rational(value: Fraction | float) -> sympy.Rational:
    f = Fraction(value)
    return sympy.Rational(f.numerator, f.denominator)


# ---------------------------------------------------------------------------
# The plan: parameter order, targeted bounds, and the contradiction check
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Linear:
    """A clause ``a*x + b OP 0`` that becomes univariate in ``x`` once earlier names are set."""

    a: sympy.Expr
    b: sympy.Expr
    op: str


@dataclass
class _Branch:
    """One way to satisfy the condition: bounds, a drawing order and linear clauses."""

    bounds: dict[str, _Interval]
    order: list[str]
    linear: dict[str, list[_Linear]]


_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "=="}
_MAKE = {
    "<": sympy.StrictLessThan,
    "<=": sympy.LessThan,
    ">": sympy.StrictGreaterThan,
    ">=": sympy.GreaterThan,
}
_MAX_BRANCHES = 8
_MAX_DERIVED_DEPTH = 3


def _conjuncts(condition: Boolean) -> list[Boolean]:
    if isinstance(condition, sympy.And):
        return [c for arg in condition.args for c in _conjuncts(arg)]
    return [condition]


def _linear_in(expr: sympy.Expr, x: sympy.Symbol) -> tuple[sympy.Expr, sympy.Expr] | None:
    """``(a, b)`` with ``expr == a*x + b`` and ``a``, ``b`` free of ``x``, or None."""
    try:
        a = sympy.diff(expr, x)
    except Exception:  # pragma: no cover - sympy cannot differentiate (Piecewise edge cases)
        return None
    if a == 0 or x in a.free_symbols:
        return None
    b = sympy.expand(expr - a * x)
    if x in b.free_symbols:
        return None
    return a, b


def _relation(clause: Any) -> tuple[sympy.Expr, str] | None:
    op = _RELATIONS.get(type(clause))
    if op is None:
        return None
    return clause.lhs - clause.rhs, op


def _feasibility(expr: sympy.Expr, op: str, x: sympy.Symbol, iv: _Interval) -> Any:
    """A necessary condition on the other symbols for some ``x`` in ``iv`` to satisfy
    ``expr OP 0`` (exact when ``expr`` is linear in ``x`` with a numeric coefficient).

    Returns a sympy Boolean, or None when nothing useful can be said.
    """
    lin = _linear_in(expr, x)
    if lin is None or op not in _MAKE and op != "==":
        return None
    a, b = lin
    lo = None if iv.lo is None else _rational(iv.lo)
    hi = None if iv.hi is None else _rational(iv.hi)
    if not a.free_symbols:  # x OP root
        root = -b / a
        op = op if a > 0 else _FLIP[op]
        parts = []
        if op in ("<", "<=", "==") and lo is not None:
            strict = op == "<" or iv.lo_open
            parts.append(root > lo if strict else root >= lo)
        if op in (">", ">=", "==") and hi is not None:
            strict = op == ">" or iv.hi_open
            parts.append(root < hi if strict else root <= hi)
        return sympy.And(*parts) if parts else None
    if op == "==":
        return None
    rel = _MAKE[op]
    parts = [rel(a * end + b, 0) for end in (lo, hi) if end is not None]
    increasing = sympy.StrictGreaterThan(a, 0)
    decreasing = sympy.StrictLessThan(a, 0)
    if hi is None:  # a*x + b is unbounded above when a > 0, below when a < 0
        parts.append(increasing if op in (">", ">=") else decreasing)
    if lo is None:
        parts.append(decreasing if op in (">", ">=") else increasing)
    return sympy.Or(*parts)


def _outer_interval(solution: sympy.Set) -> _Interval | None:
    """A rational interval containing ``solution`` (an Interval), or None."""
    if not isinstance(solution, sympy.Interval):
        return None

    def end(value: sympy.Expr, upward: bool) -> Fraction | None:
        if value.is_infinite:
            return None
        if value.is_Rational:
            return _fraction(value)
        scaled = value * 10**9
        rounded = sympy.ceiling(scaled) if upward else sympy.floor(scaled)
        return Fraction(int(rounded), 10**9)

    lo = end(solution.start, upward=False)
    hi = end(solution.end, upward=True)
    lo_open = bool(solution.left_open) and lo is not None and solution.start.is_Rational
    hi_open = bool(solution.right_open) and hi is not None and solution.end.is_Rational
    return _Interval(lo, hi, lo_open, hi_open)


def _intersect(a: _Interval, b: _Interval) -> _Interval:
    out = a
    if b.lo is not None:
        out = out.with_lower(b.lo, b.lo_open)
    if b.hi is not None:
        out = out.with_upper(b.hi, b.hi_open)
    return out


class _PointPlan:
    """Everything :func:`parameter_points` needs, prepared once, lazily (at draw time)."""

    def __init__(self, space: Any, conditions: tuple[Any, ...], exact: bool, what: str) -> None:
        self.space = space
        self.raw_conditions = conditions
        self.exact = exact
        self.what = what
        self.successes = 0
        self.failures = 0
        self._error: str | None = None
        self._ready = False

    # -- preparation ----------------------------------------------------------

    def prepare(self) -> None:
        if self._error is not None:
            raise InvalidArgument(self._error)
        if self._ready:
            return
        try:
            self._prepare()
        except InvalidArgument as exc:
            self._error = str(exc)
            raise
        self._ready = True

    def _prepare(self) -> None:
        from ..parameters import ParameterSpace

        space = self.space
        if not isinstance(space, ParameterSpace):
            raise InvalidArgument(
                f"space must be a gametheory.parameters.ParameterSpace; got {space!r}"
            )
        if not isinstance(self.exact, bool):
            raise InvalidArgument(f"exact must be True or False; got exact={self.exact!r}")
        self.names: tuple[str, ...] = tuple(space.names)
        self.bounds: dict[str, _Interval] = {}
        self.defaults: dict[str, Fraction | None] = {}
        for name in self.names:
            par = space[name]
            self.bounds[name] = _Interval(
                None if par.lower is None else _fraction(par.lower),
                None if par.upper is None else _fraction(par.upper),
                bool(par.lower_open),
                bool(par.upper_open),
            )
            self.defaults[name] = None if par.default is None else _fraction(par.default)
        self.condition = sympy.And(*(self._parse(c) for c in self.raw_conditions))
        self.symbols: dict[str, list[sympy.Symbol]] = {n: [] for n in self.names}
        for sym in self.condition.free_symbols:
            self.symbols[sym.name].append(sym)
        self.by_name = {s.name: s for s in self.condition.free_symbols}
        branches = [self._plan_branch(terms) for terms in self._disjuncts()]
        self.branches = [b for b in branches if b is not None]
        if not self.branches:  # every way to satisfy the condition is provably empty
            raise InvalidArgument(
                f"{self.what}: no parameter point satisfies {self.condition} within the "
                f"declared bounds ({self._bounds_text()}); the assumptions are contradictory"
            )
        self._check_satisfiable()

    def _parse(self, condition: Any) -> Boolean:
        from ..parameters import parse_condition

        if isinstance(condition, str):
            try:
                parsed = parse_condition(condition, self.space)
            except GameTheoryError as exc:
                raise InvalidArgument(f"cannot parse the condition {condition!r}: {exc}") from exc
        elif isinstance(condition, bool):
            parsed = sympy.true if condition else sympy.false
        elif isinstance(condition, Boolean):
            parsed = condition
        else:
            raise InvalidArgument(
                f"{self.what}: a condition must be a sympy Boolean (such as c_R < p*l_R) or "
                f"a string for gametheory.parameters.parse_condition; got {condition!r}"
            )
        unknown = sorted(
            {s.name for s in parsed.free_symbols if s.name not in self.space.names}
            | {str(s) for s in parsed.free_symbols if not isinstance(s, sympy.Symbol)}
        )
        if unknown:
            raise InvalidArgument(
                f"the condition {parsed} uses undeclared names {unknown}; the space "
                f"declares {list(self.space.names)}"
            )
        return parsed

    def _disjuncts(self) -> list[list[Boolean]]:
        """Conjunctions whose union is the condition (its DNF, if small enough)."""
        conjuncts = _conjuncts(self.condition)
        if any(isinstance(c, sympy.Or) for c in conjuncts):
            try:
                dnf = sympy.to_dnf(self.condition)
            except Exception:  # pragma: no cover - sympy cannot normalise it
                dnf = None
            if isinstance(dnf, sympy.Or) and len(dnf.args) <= _MAX_BRANCHES:
                return [_conjuncts(term) for term in dnf.args]
        return [conjuncts]

    def _plan_branch(self, clauses: list[Boolean]) -> _Branch | None:
        """Bounds, drawing order and linear clauses for one conjunction (None if empty)."""
        bounds = dict(self.bounds)
        relations = []
        for clause in clauses:
            if clause == sympy.false:
                return None
            rel = _relation(clause)
            if rel is None:
                continue  # Not, Piecewise conditions, ...: checked at the end only
            expr, op = rel
            syms = expr.free_symbols
            if len(syms) == 1:
                (x,) = syms
                if _linear_in(expr, x) is None:  # univariate, nonlinear: solve it once
                    iv = self._solve_univariate(clause, x)
                    if iv is not None:
                        bounds[x.name] = _intersect(bounds[x.name], iv)
                        if bounds[x.name].is_empty():
                            return None
                    continue
            relations.append((expr, op))
        order = self._order(relations)
        position = {name: i for i, name in enumerate(order)}
        linear: dict[str, list[_Linear]] = {name: [] for name in order}
        pending = [(expr, op, 0) for expr, op in relations]
        seen: set[tuple[sympy.Expr, str]] = set()
        while pending:
            expr, op, depth = pending.pop()
            if (expr, op) in seen or not expr.free_symbols:
                continue
            seen.add((expr, op))
            last = max((s.name for s in expr.free_symbols), key=position.__getitem__)
            x = self.by_name.get(last) or next(s for s in expr.free_symbols if s.name == last)
            lin = _linear_in(expr, x)
            if lin is None:
                continue
            linear[last].append(_Linear(lin[0], lin[1], op))
            if depth >= _MAX_DERIVED_DEPTH:
                continue
            # what the earlier names must satisfy for some x to exist: target that too
            needed = _feasibility(expr, op, x, bounds[last])
            if needed is None or needed == sympy.true:
                continue
            if needed == sympy.false:
                return None
            for part in _conjuncts(needed):
                rel = _relation(part)
                if rel is not None:
                    pending.append((*rel, depth + 1))
        return _Branch(bounds, order, linear)

    def _solve_univariate(self, clause: Boolean, x: sympy.Symbol) -> _Interval | None:
        try:
            solution = sympy.solveset(clause, x, domain=sympy.S.Reals)
        except Exception:  # pragma: no cover - sympy gives up
            return None
        if solution is sympy.S.EmptySet:
            return _Interval(Fraction(1), Fraction(0))
        return _outer_interval(solution)

    def _order(self, relations: list[tuple[sympy.Expr, str]]) -> list[str]:
        """Draw names that clauses bound (targets) after the names the bounds depend on."""
        index = {name: i for i, name in enumerate(self.names)}
        targets: dict[str, set[str]] = {}  # target -> names its bounds depend on
        for expr, _op in relations:
            names = {s.name for s in expr.free_symbols}
            choices = []
            for sym in expr.free_symbols:
                lin = _linear_in(expr, sym)
                if lin is not None:
                    numeric = not lin[0].free_symbols
                    choices.append((not numeric, -index[sym.name], sym.name))
            if choices:
                target = min(choices)[2]
                targets.setdefault(target, set()).update(names - {target})
        order = [n for n in self.names if n not in targets]
        pending = sorted(targets, key=index.__getitem__)
        while pending:
            ready = [t for t in pending if targets[t] <= set(order)]
            nxt = ready[0] if ready else pending[0]  # break cycles in declaration order
            order.append(nxt)
            pending.remove(nxt)
        return order

    def _check_satisfiable(self) -> None:
        if self.condition == sympy.false:
            raise InvalidArgument(
                f"{self.what}: the condition is False (sympy simplified it using the bounds' "
                "sign assumptions); no point satisfies it: the assumptions are contradictory"
            )
        verdict = self._lra_verdict()
        if verdict is False:
            raise InvalidArgument(
                f"{self.what}: no parameter point satisfies {self.condition} within the "
                f"declared bounds ({self._bounds_text()}); the assumptions are contradictory"
            )
        if verdict is True:
            return
        defaults = {n: v for n, v in self.defaults.items() if v is not None}
        if len(defaults) == len(self.names) and self.satisfied(defaults):
            return
        chooser = _RandomChooser(random.Random(0), self.exact)
        for _ in range(SEARCH_TRIES):
            if self.attempt(chooser, count=False) is not None:
                return
        raise InvalidArgument(
            f"{self.what}: no parameter point satisfying {self.condition} within the declared "
            f"bounds ({self._bounds_text()}) was found in {SEARCH_TRIES} random tries; the "
            "assumptions look contradictory (or hold only on a set too thin to sample, such "
            "as a curve)"
        )

    def _lra_verdict(self) -> bool | None:
        """Linear real arithmetic decides linear conditions (sympy >= 1.13); None if unsure."""
        if self.condition == sympy.true:
            return True
        try:
            from sympy.logic.inference import satisfiable

            reals = {n: sympy.Dummy(n, real=True) for n in self.names}
            subs = {s: reals[n] for n, syms in self.symbols.items() for s in syms}
            parts = [self.condition.xreplace(subs)]
            for name, iv in self.bounds.items():
                x = reals[name]
                if iv.lo is not None:
                    parts.append((x > _rational(iv.lo)) if iv.lo_open else (x >= _rational(iv.lo)))
                if iv.hi is not None:
                    parts.append((x < _rational(iv.hi)) if iv.hi_open else (x <= _rational(iv.hi)))
            model = satisfiable(sympy.And(*parts), use_lra_theory=True)
        except Exception:  # nonlinear, Piecewise, Min/Max, old sympy: undecided
            return None
        return model is not False

    def _bounds_text(self) -> str:
        return ", ".join(str(self.space[n]) for n in self.names) or "no parameters"

    # -- drawing --------------------------------------------------------------

    def satisfied(self, values: Mapping[str, Fraction | float]) -> bool:
        if self.condition == sympy.true:
            return True
        subs = {s: _rational(values[n]) for n, syms in self.symbols.items() for s in syms}
        result = self.condition.xreplace(subs)
        if isinstance(result, BooleanAtom):
            return bool(result)
        try:  # an unevaluated relation between numbers (rare)
            return bool(result.simplify())
        except TypeError:
            return False

    def attempt(self, chooser: _Chooser, *, count: bool = True) -> Point | None:
        """One try at a point, or None; ``count`` records the outcome in
        ``successes``/``failures`` (tries cut short by Hypothesis are not counted)."""
        point = self._attempt(chooser)
        if count:
            if point is None:
                self.failures += 1
            else:
                self.successes += 1
        return point

    def _attempt(self, chooser: _Chooser) -> Point | None:
        # pick a branch, draw names in its order, each inside its targeted
        # interval, then check the whole condition exactly
        branch = self.branches[chooser.branch(len(self.branches))]
        values: dict[str, Fraction | float] = {}
        subs: dict[sympy.Symbol, sympy.Rational] = {}
        for name in branch.order:
            interval = branch.bounds[name]
            for clause in branch.linear[name]:
                narrowed = _restrict(interval, clause, subs)
                if narrowed is None or narrowed.is_empty():
                    return None
                interval = narrowed
            value = chooser.value(interval, self.defaults[name])
            if value is None:
                return None
            values[name] = value
            exact_value = _rational(value)
            subs[self.by_name.get(name, sympy.Symbol(name))] = exact_value
            for sym in self.symbols[name]:
                subs[sym] = exact_value
        if not self.satisfied(values):
            return None
        return {name: values[name] for name in self.names}


def _restrict(
    interval: _Interval, clause: _Linear, subs: Mapping[sympy.Symbol, sympy.Rational]
) -> _Interval | None:
    """Intersect ``interval`` with ``{x : a*x + b OP 0}``; None if no ``x`` qualifies."""
    a = clause.a.xreplace(subs)
    b = clause.b.xreplace(subs)
    if not (a.is_Rational and b.is_Rational):
        return interval  # nonlinear or irrational here: leave it to the final check
    a, b = _fraction(a), _fraction(b)
    op = clause.op
    if a == 0:
        holds = {"<": b < 0, "<=": b <= 0, ">": b > 0, ">=": b >= 0, "==": b == 0}[op]
        return interval if holds else None
    root = -b / a
    if op == "==":
        return interval.with_lower(root, False).with_upper(root, False)
    if a < 0:
        op = _FLIP[op]
    if op in ("<", "<="):
        return interval.with_upper(root, op == "<")
    return interval.with_lower(root, op == ">")


# -- choosers: Hypothesis draws, or a seeded random source for the precheck ----


class _Chooser:
    def branch(self, k: int) -> int:  # pragma: no cover - interface
        raise NotImplementedError

    def value(self, interval: _Interval, default: Fraction | None) -> Fraction | float | None:
        raise NotImplementedError  # pragma: no cover - interface


class _HypothesisChooser(_Chooser):
    def __init__(self, draw: Callable[[st.SearchStrategy[Any]], Any], exact: bool) -> None:
        self.draw = draw
        self.exact = exact

    def branch(self, k: int) -> int:
        return self.draw(st.integers(0, k - 1)) if k > 1 else 0

    def value(self, interval: _Interval, default: Fraction | None) -> Fraction | float | None:
        draw = self.draw
        # a first choice that shrinks to "take the default" (when it is admissible)
        take_default = default is not None and draw(st.integers(0, 3)) == 0
        if self.exact:
            if take_default and default is not None and default in interval:
                return default
            simplest = _simplest(interval)
            q = simplest.denominator + draw(st.integers(0, MAX_EXTRA_DENOMINATOR))
            low, high = _numerators(interval, q)
            if low is not None and high is not None and low > high:
                q = simplest.denominator
                low, high = _numerators(interval, q)
            return Fraction(draw(st.integers(low, high)), q)
        bounds = _float_bounds(interval)
        if bounds is None:
            return None
        if take_default and default is not None and Fraction(float(default)) in interval:
            return float(default)
        lo, hi, lo_open, hi_open = bounds
        return draw(
            st.floats(lo, hi, exclude_min=lo_open, exclude_max=hi_open, allow_nan=False,
                      allow_infinity=False)
        )


class _RandomChooser(_Chooser):
    def __init__(self, rng: random.Random, exact: bool) -> None:
        self.rng = rng
        self.exact = exact

    def branch(self, k: int) -> int:
        return self.rng.randrange(k)

    def value(self, interval: _Interval, default: Fraction | None) -> Fraction | float | None:
        rng = self.rng
        if default is not None and default in interval and rng.random() < 0.25:
            return default if self.exact else float(default)
        simplest = _simplest(interval)
        q = simplest.denominator + rng.choice((0, 0, 1, 2, 3, 6, 11, 99, 999))
        low, high = _numerators(interval, q)
        if low is not None and high is not None and low > high:
            q = simplest.denominator
            low, high = _numerators(interval, q)
        centre = simplest.numerator * q // simplest.denominator
        spread = q * rng.choice((1, 10, 1000))
        low = centre - spread if low is None else low
        high = max(low, centre + spread) if high is None else high
        value = Fraction(rng.randint(low, high), q)
        if self.exact:
            return value
        x = float(value)
        return x if Fraction(x) in interval else None


@st.composite
def _points(draw: Callable[[st.SearchStrategy[Any]], Any], plan: _PointPlan) -> Point:
    plan.prepare()
    chooser = _HypothesisChooser(draw, plan.exact)
    for _ in range(ATTEMPTS):
        point = plan.attempt(chooser)
        if point is not None:
            return point
    reject()
    raise AssertionError("unreachable")  # pragma: no cover - reject() raises


# ---------------------------------------------------------------------------
# Public strategies
# ---------------------------------------------------------------------------


def parameter_points(
    space: Any, *, where: Boolean | str | None = None, exact: bool = True
) -> st.SearchStrategy[dict[str, Fraction | float]]:
    """Points of a parameter space: one value per declared parameter, inside its bounds.

    Parameters
    ----------
    space : gametheory.parameters.ParameterSpace
        The declared parameters; every point respects each parameter's bounds,
        open ends included.
    where : sympy Boolean or str, keyword-only
        Only points satisfying this condition over the space's symbols (a
        string is read by :func:`gametheory.parameters.parse_condition`, never
        evaluated as Python).  Generation is *targeted*: each comparison
        that is linear in one of its parameters (``c_R < p*l_R/10`` in
        ``c_R``) bounds that parameter once the others are drawn, so most
        attempts satisfy the condition; anything else (``Or``, nonlinear
        parts) is checked afterwards.  Each example makes up to 3 attempts
        before it is rejected.
    exact : bool, keyword-only
        ``True`` (default): values are :class:`~fractions.Fraction`.
        ``False``: floats (an unbounded end is capped at ``1e12`` so that
        payoffs stay finite); the condition is still checked exactly on the
        float values.

    Returns
    -------
    SearchStrategy of dict
        ``{name: value}`` in declaration order.  Each value shrinks towards the
        parameter's default when that satisfies the bounds and the condition,
        else towards the simplest fraction allowed (smallest denominator,
        then closest to 0).

    Raises
    ------
    hypothesis.errors.InvalidArgument
        At draw time: ``space`` is not a ``ParameterSpace``; ``where`` is not a
        condition, cannot be parsed, or names undeclared parameters; or no
        point satisfies it.  Linear conditions are decided exactly by sympy's
        linear real arithmetic solver; otherwise the defaults and then 1000
        random points are tried before the condition is declared
        contradictory.

    See Also
    --------
    assumptions : the same from several stated assumptions.
    games_satisfying : numeric games at such points.

    Examples
    --------
    >>> from hypothesis import find
    >>> from gametheory.parameters import Parameter, ParameterSpace
    >>> space = ParameterSpace([Parameter("p", 0, 1, default="1/2"),
    ...                         Parameter("c_R", 0, default="3/10"),
    ...                         Parameter("l_R", 0, default="1/5")])
    >>> find(parameter_points(space), lambda pt: True)
    {'p': Fraction(1, 2), 'c_R': Fraction(3, 10), 'l_R': Fraction(1, 5)}
    >>> find(parameter_points(space, where="c_R < p*l_R"), lambda pt: True)
    {'p': Fraction(1, 2), 'c_R': Fraction(0, 1), 'l_R': Fraction(1, 5)}
    """
    return _points(_PointPlan(space, () if where is None else (where,), exact, "where"))


def assumptions(
    space: Any, *conditions: Boolean | str, exact: bool = True
) -> st.SearchStrategy[dict[str, Fraction | float]]:
    """Parameter points satisfying every stated assumption.

    ``assumptions(space, "c_R >= 0", "e_R > l_R")`` is
    ``parameter_points(space, where=And(c_R >= 0, e_R > l_R))``: write the
    assumptions an argument relies on, then test a claim on every point.

    Parameters
    ----------
    space : gametheory.parameters.ParameterSpace
        The declared parameters.
    *conditions : sympy Boolean or str
        Assumptions; strings are read by
        :func:`gametheory.parameters.parse_condition` (a whitelist parser,
        never ``eval`` or ``sympify``).
    exact : bool, keyword-only
        Fractions (default) or floats, as in :func:`parameter_points`.

    Returns
    -------
    SearchStrategy of dict
        As :func:`parameter_points`; shrinks towards the defaults, then simple
        fractions.

    Raises
    ------
    hypothesis.errors.InvalidArgument
        At draw time, as in :func:`parameter_points`, in particular when the
        assumptions contradict each other or the bounds.

    Examples
    --------
    >>> from hypothesis import find
    >>> from gametheory.parameters import Parameter, ParameterSpace
    >>> space = ParameterSpace([Parameter("l_R", 0, default="1/5"),
    ...                         Parameter("e_R", 0, default=1)])
    >>> find(assumptions(space, "e_R > l_R", "l_R > 1"), lambda pt: True)
    {'l_R': Fraction(2, 1), 'e_R': Fraction(3, 1)}
    """
    return _points(_PointPlan(space, conditions, exact, "assumptions"))


class GameInstance(NamedTuple):
    """A numeric game and the parameter point it was made at.

    ``game`` is ``symbolic_game.at(**point)``; the repr shows that call, so a
    failing example reads as the point to substitute.
    """

    point: dict[str, Fraction | float]
    game: Any

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.point.items())
        return f"GameInstance(point={self.point!r}, game=game.at({args}))"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))


def games_satisfying(
    game: Any,
    *conditions: Boolean | str,
    space: Any = None,
    exact: bool = True,
) -> st.SearchStrategy[GameInstance]:
    """Numeric instances of a symbolic game at points satisfying the assumptions.

    Parameters
    ----------
    game : NormalFormGame
        A game with free parameters (anything with ``.at(**values)``,
        ``.parameters`` and ``.space`` works, so later game types fit too).
    *conditions : sympy Boolean or str
        Assumptions, as in :func:`assumptions`.
    space : ParameterSpace, keyword-only
        The parameters to draw; default ``game.space``, or, if the game has
        none, each free parameter unbounded and without default.
    exact : bool, keyword-only
        Exact (default) or float payoffs, as in :func:`parameter_points`.

    Returns
    -------
    SearchStrategy of GameInstance
        ``GameInstance(point, game.at(**point))``.  Shrinks as the points do:
        towards the defaults, then simple fractions.  Failing examples print as
        ``GameInstance(point={...}, game=game.at(...))``.

    Raises
    ------
    hypothesis.errors.InvalidArgument
        At draw time, if ``game`` has no ``at`` method, some free parameter is
        not in ``space``, or as in :func:`assumptions`.

    Examples
    --------
    >>> import sympy
    >>> from hypothesis import find
    >>> from gametheory import NormalFormGame
    >>> from gametheory.parameters import Parameter, ParameterSpace
    >>> space = ParameterSpace([Parameter("c", 0, 1, default="1/2")])
    >>> c = space.symbol("c")
    >>> g = NormalFormGame.from_arrays([[1 - c, -c]], [[0, 1]], space=space)
    >>> find(games_satisfying(g, "c > 3/4"), lambda inst: True)
    GameInstance(point={'c': Fraction(1, 1)}, game=game.at(c=Fraction(1, 1)))
    """
    return _instances(_InstancePlan(game, conditions, space, exact))


class _InstancePlan:
    """Validation and the point plan of :func:`games_satisfying`, prepared at draw time."""

    def __init__(self, game: Any, conditions: tuple[Any, ...], space: Any, exact: bool) -> None:
        self.game = game
        self.conditions = conditions
        self.space = space
        self.exact = exact
        self.points: _PointPlan | None = None
        self.names: list[str] = []
        self._error: str | None = None

    def prepare(self) -> _PointPlan:
        if self._error is not None:
            raise InvalidArgument(self._error)
        if self.points is None:
            try:
                self.points = self._prepare()
            except InvalidArgument as exc:
                self._error = str(exc)
                raise
        self.points.prepare()
        return self.points

    def _prepare(self) -> _PointPlan:
        from ..parameters import Parameter, ParameterSpace

        game = self.game
        if not callable(getattr(game, "at", None)):
            raise InvalidArgument(
                f"game must be a symbolic game with an .at() method; got {game!r}"
            )
        self.names = [s.name for s in getattr(game, "parameters", ())]
        space = self.space if self.space is not None else getattr(game, "space", None)
        if space is None:
            space = ParameterSpace(Parameter(n) for n in self.names)
        declared = getattr(space, "names", ())
        missing = [n for n in self.names if n not in declared]
        if missing:
            raise InvalidArgument(
                f"the game's parameters {missing} are not declared in the space {space!r}"
            )
        return _PointPlan(space, self.conditions, self.exact, "games_satisfying")


@st.composite
def _instances(draw: Callable[[st.SearchStrategy[Any]], Any], plan: _InstancePlan) -> GameInstance:
    points = plan.prepare()
    point = draw(_points(points))
    numeric = plan.game.at(**{n: point[n] for n in plan.names})
    return GameInstance(point, numeric)
