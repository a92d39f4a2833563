"""The analysis of a scenario file: every model solved, every claim checked.

:func:`analyze` reads a scenario file (``seeds/*.toml``, see
:mod:`gametheory.io.scenario`), builds its models, solves each at the
default parameters and tests each claim of the source text against the
models. :meth:`ScenarioAnalysis.report` returns a :class:`Report`: for
every claim the exact condition (a sympy Boolean, printed as text and LaTeX)
under which the models support it, whether it holds at the defaults, and how
likely it is under the priors declared in the file, with a Wilson interval
("Preempt strictly dominates Accept in M1 iff ``c_R < l_R*p``; under the
priors this holds with probability 0.126 ± 0.005").

For the TRIPP corridor dilemma (``scenario_spec.md``, scenario ids starting
with ``tripp``) :class:`TrippScenario` derives a test for each claim from the
models M1-M7; any other scenario gets the generic tests of
:class:`ScenarioAnalysis` (each claim's stated assumptions, each model's
regime and equilibria at the defaults), which shows that nothing here is
specific to TRIPP.

Definitions
-----------
Condition
    An exact :class:`~gametheory.analysis.conditions.Condition` derived from
    the models' payoffs (dominance, equilibrium and regime conditions, closed
    forms), simplified on the parameters' bounds and the models' domain
    assumptions. A condition that is proved to hold everywhere on the domain
    prints as ``True``.
Probability under the priors
    The parameters of a condition that have a prior in the scenario file are
    drawn independently from their priors; the others are fixed at their
    defaults (and the report lists them). The probability is estimated by
    Monte Carlo (:func:`~gametheory.analysis.uncertainty.probability`, ``n``
    independent draws) with a 95% Wilson score interval; it is also computed
    exactly with :func:`~gametheory.analysis.uncertainty.exact_probability`
    when that applies (independent uniform priors, linear relations). Each
    condition draws from its own seed, derived from the report's ``rng`` and
    the finding's key, so a report is identical for a given seed.
Verdict
    From the claim's primary finding: **supported** when its condition holds
    with probability 1 under the priors (exactly, proved on the domain, or in
    every one of the ``n`` draws), **not supported** when it holds with
    probability 0 (likewise), and **conditional** otherwise: then the
    condition, its value at the defaults and its probability are the answer.
    The "zero-sum" claim of TRIPP (C5) has its own verdict
    (:class:`ZeroSumVerdict`).

References
----------
.. [1] A. Korybko, opinion article on the TRIPP corridor, 8 March 2026
   (``seeds/korybko-2026-03-08-tripp.txt`` beside the project).
.. [2] J. D. Fearon, "Rationalist explanations for war", International
   Organization 49(3) (1995) 379-414 (the bargaining range; commitment,
   first-strike and information problems).
.. [3] R. Powell, "War as a commitment problem", International Organization
   60(1) (2006) 169-203.
.. [4] T. C. Schelling, *The Strategy of Conflict*, Harvard University Press
   (1960), ch. 9.
.. [5] E. B. Wilson, "Probable inference, the law of succession, and
   statistical inference", JASA 22 (1927) 209-212.

Examples
--------
>>> from gametheory.scenarios.report import analyze
>>> analysis = analyze()
>>> type(analysis).__name__, sorted(analysis.models)[:3]
('TrippScenario', ['M1', 'M2', 'M3'])
>>> report = analysis.report(samples=2000, rng=1, claims=["C5"], models=["M1"])
>>> report.claim("C5").verdict
'not supported'
>>> print(report.claim("C5").finding("preempt-dominant").condition)
c_R < l_R*p
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import sympy
from sympy.logic.boolalg import BooleanFalse, BooleanTrue

from .._numbers import format_number, to_sympy
from ..analysis.conditions import Condition, Regions, dominance_condition, regions
from ..analysis.sweep import RngLike, seed_sequence
from ..analysis.uncertainty import exact_probability, probability
from ..errors import (
    GameTheoryError,
    InvalidGameError,
    MethodNotApplicableError,
    SymbolicGameError,
)
from ..io.scenario import Claim, Scenario
from ..parameters import ParameterSpace

__all__ = [
    "DEFAULT_SAMPLES",
    "M7_REGIME_NAMES",
    "VERDICTS",
    "ClaimVerdict",
    "Finding",
    "ModelResult",
    "PriorProbability",
    "Report",
    "ScenarioAnalysis",
    "TrippScenario",
    "ZeroSumVerdict",
    "analyze",
    "preventive_war_condition",
]

DEFAULT_SAMPLES = 20_000
"""Monte Carlo draws per condition in :meth:`ScenarioAnalysis.report`."""

VERDICTS = ("supported", "not supported", "conditional")
"""The verdicts a claim can get."""

M7_REGIME_NAMES = {
    "(Wait, Wait)": "Wait dominant",
    "(Wait, Wait), (Strike, Strike) + mixed": "stag hunt",
    "(Wait, Strike), (Strike, Wait) + mixed": "chicken",
    "(Strike, Strike)": "Strike dominant",
}
"""Names of the regimes of M7 (``scenario_spec.md`` §3), by automatic region label."""

_CONFIDENCE = 0.95
_PROGRESS_BAR_SAMPLES = 500_000  # tqdm bars only for sweeps that take a noticeable time


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------


def _num(value: Any) -> str:
    """A number as the JSON contract wants it: ``"p/q"``, an integer or a decimal string."""
    if isinstance(value, float | np.floating):
        return repr(round(float(value), 6))
    return format_number(value)


@dataclass(frozen=True)
class PriorProbability:
    """The probability of a condition under the scenario's priors.

    Attributes
    ----------
    estimate : float
        Monte Carlo estimate (``successes / n``); the exact value when the
        condition does not depend on any parameter with a prior.
    low, high : float
        The Wilson score interval at level ``confidence`` (both equal to the
        exact value when no draw was needed).
    n, successes : int
        Draws and draws where the condition held (``n = 0``: no draw needed).
    confidence : float
    exact : sympy.Rational or None
        The exact probability, when it could be computed.
    uncertain : tuple of str
        The parameters drawn from their priors.
    fixed : tuple of (str, str)
        The parameters of the condition without a prior, fixed at their
        defaults (name, value).
    """

    estimate: float
    low: float
    high: float
    n: int
    successes: int
    confidence: float
    exact: sympy.Rational | None = None
    uncertain: tuple[str, ...] = ()
    fixed: tuple[tuple[str, str], ...] = ()

    @property
    def half_width(self) -> float:
        """The larger distance from the estimate to an end of the interval."""
        return max(self.estimate - self.low, self.high - self.estimate)

    @property
    def certainty(self) -> str:
        """``"always"`` (probability 1), ``"never"`` (0) or ``"sometimes"``.

        Exact when the exact probability is known; otherwise ``"always"``
        (``"never"``) means the condition held in every (no) draw.
        """
        if self.exact is not None:
            return "always" if self.exact == 1 else "never" if self.exact == 0 else "sometimes"
        if self.n and self.successes == self.n:
            return "always"
        if self.n and self.successes == 0:
            return "never"
        return "sometimes"

    def __str__(self) -> str:
        if self.n == 0:
            return f"{format_number(self.exact)} (exact)"
        text = (
            f"{self.estimate:.3f} ± {self.half_width:.3f} ({100 * self.confidence:g}% Wilson "
            f"interval {self.low:.3f} to {self.high:.3f}; {self.successes}/{self.n} draws)"
        )
        if self.exact is not None:
            text += f"; exactly {format_number(self.exact)}"
        return text

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (numbers as strings)."""
        return {
            "estimate": _num(self.estimate),
            "low": _num(self.low),
            "high": _num(self.high),
            "half_width": _num(self.half_width),
            "n": str(self.n),
            "successes": str(self.successes),
            "confidence": _num(self.confidence),
            "exact": None if self.exact is None else format_number(self.exact),
            "uncertain": list(self.uncertain),
            "fixed": {name: value for name, value in self.fixed},
        }


@dataclass(frozen=True)
class Finding:
    """One test of a claim in one model: an exact condition and how likely it is.

    Attributes
    ----------
    key : str
        Short identifier, unique within the claim (``"preempt-dominant"``).
    model : str
        The model that gives the condition (``"M1"``; several joined by
        ``"+"`` for a union across models).
    statement : str
        What the condition says (``"Preempt strictly dominates Accept"``).
    condition : Condition
        Exact, simplified on the domain.
    text, latex : str
        The condition printed as plain text and as LaTeX.
    holds_at_defaults : bool or None
        Whether the condition holds at the scenario's defaults (exact).
    probability : PriorProbability
    role : str
        ``"primary"`` (decides the verdict), ``"context"`` (supporting
        evidence), ``"mechanism"`` (closes the bargaining range, for the
        zero-sum verdict) or ``"assumption"`` (a stated assumption, generic
        scenarios).
    note : str
    """

    key: str
    model: str
    statement: str
    condition: Condition = field(repr=False, compare=False)
    text: str
    latex: str
    holds_at_defaults: bool | None
    probability: PriorProbability
    role: str = "primary"
    note: str = ""

    def sentence(self) -> str:
        """``"Preempt strictly dominates Accept in M1 iff c_R < l_R*p; ..."``."""
        where = f" in {self.model}" if self.model else ""
        if self.text == "True":
            head = f"{self.statement}{where} everywhere on the domain"
        elif self.text == "False":
            head = f"{self.statement}{where} nowhere on the domain"
        else:
            head = f"{self.statement}{where} iff {self.text}"
        at = {True: "yes", False: "no", None: "undecided"}[self.holds_at_defaults]
        text = f"{head}; at the defaults: {at}; under the priors this holds with probability "
        text += str(self.probability)
        return text + (f". {self.note}" if self.note else "")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (numbers as strings)."""
        return {
            "key": self.key,
            "model": self.model,
            "statement": self.statement,
            "role": self.role,
            "condition": self.text,
            "latex": self.latex,
            "holds_at_defaults": self.holds_at_defaults,
            "probability": self.probability.to_dict(),
            "note": self.note,
        }


@dataclass(frozen=True)
class ZeroSumVerdict:
    """TRIPP claim C5 tested: is the choice between accepting and preempting zero-sum?

    Attributes
    ----------
    verdict : str
        ``"not supported"`` when the corridor game is constant-sum with
        probability 0 under the priors (war destroys ``c_R + c_T``).
    constant_sum : Finding
        Where M1 is constant-sum.
    bargaining_range : Finding
        Where peace (Accept, Commercial) Pareto-dominates war (Preempt,
        Commercial): both sides would rather settle.
    mechanisms : tuple of Finding
        The mechanisms that close the bargaining range (commitment problem
        M5, first-strike advantage M7, private information M4 once built).
    any_mechanism : Finding or None
        The union of the mechanisms (their parameters are disjoint, so the
        priors make them independent).
    summary : str
    """

    verdict: str
    constant_sum: Finding
    bargaining_range: Finding
    mechanisms: tuple[Finding, ...]
    any_mechanism: Finding | None
    summary: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (numbers as strings)."""
        return {
            "verdict": self.verdict,
            "summary": self.summary,
            "constant_sum": self.constant_sum.to_dict(),
            "bargaining_range": self.bargaining_range.to_dict(),
            "mechanisms": [m.to_dict() for m in self.mechanisms],
            "any_mechanism": None if self.any_mechanism is None else self.any_mechanism.to_dict(),
        }


@dataclass(frozen=True)
class ClaimVerdict:
    """One claim of the source text and what the models say about it.

    Attributes
    ----------
    tag : str
    paraphrase : str
        The claim as paraphrased in the scenario file.
    models : tuple of str
        The models the file says test the claim.
    verdict : str
        One of :data:`VERDICTS`.
    summary : str
        One or two sentences.
    findings : tuple of Finding
        The primary finding first.
    zero_sum : ZeroSumVerdict or None
        For TRIPP's claim C5.
    note : str
        The file's note on the claim.
    """

    tag: str
    paraphrase: str
    models: tuple[str, ...]
    verdict: str
    summary: str
    findings: tuple[Finding, ...]
    zero_sum: ZeroSumVerdict | None = None
    note: str = ""

    def finding(self, key: str) -> Finding:
        """The finding with this key (``KeyError`` listing the keys otherwise)."""
        every = list(self.findings)
        if self.zero_sum is not None:
            z = self.zero_sum
            every += [z.constant_sum, z.bargaining_range, *z.mechanisms]
            if z.any_mechanism is not None:
                every.append(z.any_mechanism)
        for f in every:
            if f.key == key:
                return f
        raise KeyError(f"no finding {key!r} for {self.tag}; findings: {[f.key for f in every]}")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (numbers as strings)."""
        return {
            "tag": self.tag,
            "paraphrase": self.paraphrase,
            "models": list(self.models),
            "verdict": self.verdict,
            "summary": self.summary,
            "findings": [f.to_dict() for f in self.findings],
            "zero_sum": None if self.zero_sum is None else self.zero_sum.to_dict(),
            "note": self.note,
        }


@dataclass(frozen=True)
class ModelResult:
    """One model solved at the scenario's default parameters.

    Attributes
    ----------
    id, title : str
    kind : str
        ``"normal form"``, ``"extensive form"``, ``"signaling game"`` or
        ``"analytic"``.
    method : str
        How it was solved (``"enummixed"``, ``"pbe"``, ``"closed form"``).
    exact : bool
    complete : str
        As :attr:`gametheory.Solution.complete` (``"all"``, ``"all-extreme"``,
        ...); ``"-"`` for analytic models.
    equilibria : tuple of str
        One line per equilibrium (or equilibrium class).
    regime : str or None
        The regime at the defaults (``"unique mixed"``, ``"stag hunt"``,
        ``"war"``); None when the model has no regime partition.
    regime_condition : str or None
        The exact condition of that regime.
    values : tuple of (str, str)
        Closed forms at the defaults (``("sigma_star", "4/5")``).
    notes : tuple of str
    seconds : float
        Time spent (not part of :meth:`to_dict`, which stays deterministic).
    """

    id: str
    title: str
    kind: str
    method: str
    exact: bool
    complete: str
    equilibria: tuple[str, ...]
    regime: str | None = None
    regime_condition: str | None = None
    values: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()
    seconds: float = field(default=0.0, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (numbers as strings)."""
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "method": self.method,
            "exact": self.exact,
            "complete": self.complete,
            "equilibria": list(self.equilibria),
            "regime": self.regime,
            "regime_condition": self.regime_condition,
            "values": {k: v for k, v in self.values},
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class Report:
    """The structured result of :meth:`ScenarioAnalysis.report`.

    Attributes
    ----------
    scenario_id, title : str
    source : tuple of (str, str)
        The ``[scenario] source`` table (author, date, ...).
    path : str or None
        The scenario file.
    samples : int
        Monte Carlo draws per condition.
    seed : str
        The entropy of the seed sequence (reproduces the report).
    confidence : float
    models : tuple of ModelResult
    claims : tuple of ClaimVerdict
    gaps : tuple of str
        What could not be computed (a missing solver module, a model built
        in code that this scenario lacks), so the reader sees every hole.
    """

    scenario_id: str
    title: str
    source: tuple[tuple[str, str], ...]
    path: str | None
    samples: int
    seed: str
    confidence: float
    models: tuple[ModelResult, ...]
    claims: tuple[ClaimVerdict, ...]
    gaps: tuple[str, ...] = ()

    def claim(self, tag: str) -> ClaimVerdict:
        """The verdict on one claim (``KeyError`` listing the tags otherwise)."""
        for c in self.claims:
            if c.tag == tag:
                return c
        raise KeyError(f"no claim {tag!r}; claims: {[c.tag for c in self.claims]}")

    def model(self, model_id: str) -> ModelResult:
        """The result of one model (``KeyError`` listing the ids otherwise)."""
        for m in self.models:
            if m.id == model_id:
                return m
        raise KeyError(f"no model {model_id!r}; models: {[m.id for m in self.models]}")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, deterministic for a given seed; every number is a string.

        Examples
        --------
        >>> import json
        >>> report = analyze().report(samples=500, rng=0, claims=["C1"], models=["M7"])
        >>> data = json.loads(json.dumps(report.to_dict()))
        >>> data["claims"][0]["verdict"], data["models"][0]["regime"]
        ('supported', 'stag hunt')
        """
        return {
            "scenario": {
                "id": self.scenario_id,
                "title": self.title,
                "source": {k: v for k, v in self.source},
                "path": self.path,
            },
            "settings": {
                "samples": str(self.samples),
                "seed": self.seed,
                "confidence": _num(self.confidence),
                "interval": "Wilson score",
            },
            "models": [m.to_dict() for m in self.models],
            "claims": [c.to_dict() for c in self.claims],
            "gaps": list(self.gaps),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """:meth:`to_dict` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def to_text(self) -> str:
        """A readable Markdown summary: models at the defaults, then each claim."""
        lines = [f"# {self.title} ({self.scenario_id})", ""]
        source = dict(self.source)
        if source:
            parts = [source.get(k) for k in ("author", "title", "date", "year", "kind")]
            lines.append("Source: " + ", ".join(p for p in parts if p) + ".")
        lines += [
            "Parameter defaults are illustrative, not estimates. Probabilities: Monte Carlo under",
            f"the file's priors, {self.samples} draws per condition (seed {self.seed}),",
            f"{100 * self.confidence:g}% Wilson intervals, exact values where computable;",
            "parameters without a prior are fixed at their defaults.",
            "",
            "## Models at the default parameters",
        ]
        for m in self.models:
            lines += ["", f"### {m.title}" if m.title.startswith(m.id) else f"### {m.id}: {m.title}"]
            lines.append(f"- {m.kind}; solved by {m.method} ({'exact' if m.exact else 'float'}"
                         + (f", {m.complete}" if m.complete != "-" else "") + ")")
            if m.regime is not None:
                cond = f" [{m.regime_condition}]" if m.regime_condition else ""
                lines.append(f"- regime: {m.regime}{cond}")
            if m.equilibria:
                lines.append("- equilibria:")
                lines += [f"  {k}. {e}" for k, e in enumerate(m.equilibria, 1)]
            if m.values:
                lines.append("- " + ", ".join(f"{k} = {v}" for k, v in m.values))
            lines += [f"- note: {n}" for n in m.notes]
        lines += ["", "## Claims"]
        for c in self.claims:
            lines += ["", f"### {c.tag}: {c.verdict.upper()}", f"> {c.paraphrase}", ""]
            lines.append(f"Tested in {', '.join(c.models)}. {c.summary}")
            for f in c.findings:
                lines.append(f"- [{f.role}] {f.sentence()}")
            if c.zero_sum is not None:
                z = c.zero_sum
                lines += ["", f"Zero-sum verdict: {z.verdict.upper()}."
                          + ("" if z.summary == c.summary else f" {z.summary}")]
                lines.append(f"- {z.constant_sum.sentence()}")
                lines.append(f"- {z.bargaining_range.sentence()}")
                lines.append("- Mechanisms that close the bargaining range:")
                lines += [f"  - {m.sentence()}" for m in z.mechanisms]
                if z.any_mechanism is not None:
                    lines.append(f"  - {z.any_mechanism.sentence()}")
        if self.gaps:
            lines += ["", "## Gaps", ""]
            lines += [f"- {g}" for g in self.gaps]
        return "\n".join(lines) + "\n"

    def __str__(self) -> str:
        return self.to_text()


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _optional(module: str) -> tuple[Any, str | None]:
    """Import a module that may not exist yet; (module, None) or (None, reason)."""
    try:
        return importlib.import_module(module), None
    except Exception as exc:  # missing, or mid-edit by its authors: a marked gap either way
        return None, f"{module} is not available ({type(exc).__name__}: {exc})"


def _domain(space: ParameterSpace, symbols: Iterable[sympy.Symbol], extra: Iterable[Any] = ()):
    names = {s.name for s in symbols}
    relations = []
    for rel in [*space.assumptions(), *extra]:
        if {s.name for s in rel.free_symbols} <= names and rel not in relations:
            relations.append(rel)
    return tuple(relations)


def _condition(
    expr: Any, space: ParameterSpace, *, assumptions: Iterable[Any] = (), description: str = ""
) -> Condition:
    """A simplified Condition on the bounds (and assumptions) of the parameters it uses."""
    expr = to_sympy(expr)
    if isinstance(expr, bool):
        expr = sympy.true if expr else sympy.false
    relations = _domain(space, expr.free_symbols, assumptions)
    return Condition(expr, assumptions=relations, description=description).simplify()


def _union(conditions: Sequence[Condition], description: str = "") -> Condition:
    out = conditions[0]
    for c in conditions[1:]:
        out = out | c
    out = out.simplify()
    return out._replace(out.expr, description=description)


def _key_seed(base: np.random.SeedSequence, key: str) -> np.random.SeedSequence:
    return np.random.SeedSequence(
        entropy=base.entropy, spawn_key=(*base.spawn_key, zlib.crc32(key.encode())),
        pool_size=base.pool_size,
    )


def _holds_at(condition: Condition, values: Mapping[str, Any]) -> bool | None:
    own = {s.name: values[s.name] for s in condition.parameters if s.name in values}
    try:
        return condition.holds(**own)
    except GameTheoryError:
        return None


def _measure_zero(condition: Condition, fixed: Mapping[str, Any], priors: Sequence[Any]) -> bool:
    """True when every part of the condition needs an equation between uncertain parameters.

    A nonzero polynomial vanishes on a set of Lebesgue measure zero, so such a
    condition has probability 0 under independent continuous priors.
    """
    from scipy import stats

    if not priors or not all(isinstance(getattr(p, "dist", None), stats.rv_continuous)
                             for p in priors):
        return False
    subs = {s: fixed[s.name] for s in condition.expr.free_symbols if s.name in fixed}
    expr = condition.expr.xreplace(subs)
    if isinstance(expr, BooleanTrue | BooleanFalse):
        return isinstance(expr, BooleanFalse)
    dnf = sympy.to_dnf(expr, simplify=False)
    terms = dnf.args if isinstance(dnf, sympy.Or) else (dnf,)
    for term in terms:
        parts = term.args if isinstance(term, sympy.And) else (term,)
        if not any(isinstance(r, sympy.Equality) and sympy.expand(r.lhs - r.rhs).free_symbols
                   for r in parts):
            return False
    return True


def _rational_text(value: Any) -> str:
    value = value if isinstance(value, sympy.Basic) else to_sympy(value)
    if value.is_Rational:
        return format_number(value)
    if value.is_number:
        return f"{sympy.sstr(value)} ≈ {float(value):.6g}"
    return sympy.sstr(value)


@dataclass
class _Spec:
    """A finding before its probability is computed."""

    key: str
    model: str
    statement: str
    condition: Condition
    role: str = "primary"
    note: str = ""


# ---------------------------------------------------------------------------
# The generic analysis
# ---------------------------------------------------------------------------


class ScenarioAnalysis:
    """Any scenario file: its models solved at the defaults and its claims' assumptions weighed.

    Parameters
    ----------
    path : str or os.PathLike, optional
        A scenario file (default: the TRIPP file of
        :func:`gametheory.scenarios.tripp.default_path`).

    Attributes
    ----------
    scenario : Scenario
        The validated file.
    space : ParameterSpace
        Its parameters (bounds, defaults, priors).
    models : dict
        The models to solve, by id: the ``[run] models`` of the file (symbolic
        games built from it).
    gaps : list of str
        Models the file lists but that cannot be built here.

    Examples
    --------
    >>> from gametheory.scenarios.tripp import default_path
    >>> schelling = analyze(default_path().with_name("surprise_attack.toml"))
    >>> type(schelling).__name__, list(schelling.models)
    ('ScenarioAnalysis', ['Fear'])
    >>> report = schelling.report(samples=1000, rng=0)
    >>> report.model("Fear").regime
    '(Wait, Wait), (Strike, Strike) + mixed'
    >>> report.claim("S1").verdict
    'conditional'
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        from . import tripp

        self.path = Path(tripp.default_path() if path is None else path)
        self.scenario: Scenario = self._read(self.path)
        self.space: ParameterSpace = self.scenario.space
        self.gaps: list[str] = []
        self.models: dict[str, Any] = self._build_models()
        self._cache: dict[str, Any] = {}

    # -- construction ----------------------------------------------------------
    @staticmethod
    def _read(path: Path) -> Scenario:
        from . import tripp

        return tripp.load(path)  # a cached read_scenario (any scenario file)

    def _build_models(self) -> dict[str, Any]:
        out = {}
        for model_id in self.scenario.run or self.scenario.model_ids:
            if model_id in self.scenario.models:
                out[model_id] = self.scenario.build(model_id)
            else:
                self.gaps.append(
                    f"model {model_id} is listed in [run] but not defined in the file, and no "
                    "scenario module builds it for this scenario"
                )
        return out

    def _cached(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    @property
    def defaults(self) -> dict[str, sympy.Rational]:
        """The default value of every parameter that has one."""
        return {k: p.default for k, p in self.space.items() if p.default is not None}

    # -- probabilities -----------------------------------------------------------
    def _probability(
        self,
        condition: Condition,
        n: int,
        seed: np.random.SeedSequence,
        progress: bool | None,
    ) -> PriorProbability:
        defaults = self.defaults
        depends = [s.name for s in condition.free_parameters]
        uncertain = tuple(k for k in self.space if k in depends and self.space[k].prior is not None)
        fixed = {k: defaults[k] for k in depends if k not in uncertain and k in defaults}
        fixed_text = tuple((k, format_number(v)) for k, v in fixed.items())
        exact = None
        if condition.is_true or condition.is_false:
            exact = sympy.Integer(int(condition.is_true))
        elif not uncertain:
            verdict = _holds_at(condition, defaults)
            exact = None if verdict is None else sympy.Integer(int(verdict))
        elif _measure_zero(condition, fixed, [self.space[k].prior for k in uncertain]):
            exact = sympy.Integer(0)
        else:
            with contextlib.suppress(
                MethodNotApplicableError, InvalidGameError, SymbolicGameError, NotImplementedError,
                ValueError, TypeError,
            ):
                exact = exact_probability(condition, self.space, fixed=fixed)
        if not uncertain or condition.is_true or condition.is_false:
            value = float(exact) if exact is not None else float("nan")
            return PriorProbability(value, value, value, 0, 0, _CONFIDENCE, exact, uncertain,
                                    fixed_text)
        est = probability(condition, self.space, n, fixed=fixed, rng=seed,
                          confidence=_CONFIDENCE,
                          progress=bool(progress) and n >= _PROGRESS_BAR_SAMPLES)
        return PriorProbability(est.estimate, est.low, est.high, est.n, est.successes,
                                est.confidence, exact, uncertain, fixed_text)

    def _finding(
        self, spec: _Spec, n: int, base: np.random.SeedSequence, tag: str, progress: bool | None
    ) -> Finding:
        cond = spec.condition
        return Finding(
            key=spec.key,
            model=spec.model,
            statement=spec.statement,
            condition=cond,
            text=str(cond),
            latex=cond.latex(),
            holds_at_defaults=_holds_at(cond, self.defaults),
            probability=self._probability(cond, n, _key_seed(base, f"{tag}/{spec.key}"), progress),
            role=spec.role,
            note=spec.note,
        )

    # -- hooks for scenario families ---------------------------------------------
    def claim_findings(self, claim: Claim) -> list[_Spec]:
        """The tests of one claim (generic: its stated assumptions)."""
        if not claim.assumptions:
            return []
        cond = _condition(sympy.And(*claim.assumptions), self.space,
                          description=f"the assumptions of {claim.tag}")
        return [_Spec("assumptions", "", "the claim's stated assumptions hold", cond,
                      role="assumption",
                      note="An input of the models (the file's `assumptions`), not a result.")]

    def solve_model(self, model_id: str) -> ModelResult:
        """Solve one model at the defaults (generic: finite games from the file)."""
        from ..games import NormalFormGame

        game = self.models[model_id]
        title = getattr(game, "title", "") or model_id
        values = {s.name: self.defaults[s.name] for s in game.parameters}
        numeric = game.at(**values) if values else game
        if isinstance(numeric, NormalFormGame):
            result = self._solve_normal(model_id, title, numeric)
            if game.n_players == 2 and game.parameters:
                R = regions(game)
                region = R.locate(**values)
                result = _replace(result, regime=region.label,
                                  regime_condition=str(region.condition))
            return result
        trees, reason = _optional("gametheory.solvers.trees")
        if trees is None:
            return ModelResult(model_id, title, "extensive form", "-", True, "-", (),
                               notes=(f"not solved: {reason}",))
        sol = trees.solve_tree(numeric, "auto")
        return ModelResult(model_id, title, "extensive form", sol.method, sol.exact, sol.complete,
                           tuple(str(e) for e in sol), notes=tuple(sol.notes))

    @staticmethod
    def _solve_normal(model_id: str, title: str, game: Any, method: str = "auto") -> ModelResult:
        from ..solvers import solve

        sol = solve(game, method)
        return ModelResult(
            model_id, title, f"normal form, {game.n_players} players", sol.method, sol.exact,
            sol.complete, tuple(str(e) for e in sol), notes=tuple(sol.notes),
        )

    def claim_summary(self, claim: Claim, verdict: str, findings: Sequence[Finding]) -> str:
        """One sentence on the verdict."""
        if not findings:
            return "The file states no assumption for this claim; nothing to test."
        f = findings[0]
        if verdict == "supported":
            return f"The models support it wherever their assumptions hold: {f.text}."
        if verdict == "not supported":
            return f"The models contradict it: {f.statement} never holds."
        return (f"The models support it only where {f.text} (probability "
                f"{f.probability.estimate:.2f} under the priors).")

    def extra_claim(self, claim: Claim, findings: list[Finding], n: int,
                    base: np.random.SeedSequence, progress: bool | None) -> Any:
        """Hook: extra verdict parts (the zero-sum verdict of TRIPP)."""
        return None

    # -- the report ----------------------------------------------------------------
    def report(
        self,
        *,
        samples: int = DEFAULT_SAMPLES,
        rng: RngLike = 0,
        claims: Sequence[str] | None = None,
        models: Sequence[str] | None = None,
        progress: bool | None = None,
    ) -> Report:
        """Solve every model at the defaults and check every claim.

        Parameters
        ----------
        samples : int, keyword-only
            Monte Carlo draws per condition (default :data:`DEFAULT_SAMPLES`).
        rng : int, SeedSequence or Generator, keyword-only
            The seed (default 0, so that the report is reproducible); each
            condition draws from a child seed keyed by its name.
        claims, models : sequence of str, keyword-only, optional
            Restrict the report to these claim tags and model ids (default:
            all).
        progress : bool or None, keyword-only
            Print what is being computed to standard error and show tqdm
            progress bars for the sweeps; None: only when standard error is
            a terminal (and never under pytest).

        Returns
        -------
        Report

        Raises
        ------
        KeyError
            An unknown claim tag or model id.
        ValueError
            ``samples < 1``.
        """
        if not isinstance(samples, int | np.integer) or samples < 1:
            raise ValueError(f"samples must be a positive integer; got {samples!r}")
        if progress is None:
            progress = sys.stderr.isatty() and "pytest" not in sys.modules
        base = seed_sequence(rng)
        say = _Say(progress)
        model_ids = list(self.models) if models is None else list(models)
        for m in model_ids:
            if m not in self.models:
                raise KeyError(f"no model {m!r}; models: {list(self.models)}")
        results = []
        for model_id in model_ids:
            with say(f"{model_id}: solving at the default parameters"):
                start = time.perf_counter()
                result = self.solve_model(model_id)
                results.append(_replace(result, seconds=time.perf_counter() - start))
        tags = [c.tag for c in self.scenario.claims] if claims is None else list(claims)
        verdicts = []
        for tag in tags:
            claim = self.scenario.claim(tag)
            with say(f"{tag}: deriving conditions; Monte Carlo, {samples} draws per condition"):
                specs = self.claim_findings(claim)
                findings = [self._finding(s, samples, base, tag, progress) for s in specs]
                zero_sum = self.extra_claim(claim, findings, samples, base, progress)
            verdict = _verdict(findings)
            summary = self.claim_summary(claim, verdict, findings)
            if zero_sum is not None:
                verdict, summary = zero_sum.verdict, zero_sum.summary
            verdicts.append(ClaimVerdict(
                tag=claim.tag, paraphrase=claim.text, models=claim.models, verdict=verdict,
                summary=summary, findings=tuple(findings), zero_sum=zero_sum, note=claim.note,
            ))
        source = tuple((str(k), str(v)) for k, v in self.scenario.source.items())
        return Report(
            scenario_id=self.scenario.id,
            title=self.scenario.title or self.scenario.id,
            source=source,
            path=str(self.path),
            samples=int(samples),
            seed=str(base.entropy),
            confidence=_CONFIDENCE,
            models=tuple(results),
            claims=tuple(verdicts),
            gaps=tuple(self.gaps),
        )


def _replace(result: ModelResult, **changes: Any) -> ModelResult:
    from dataclasses import replace

    return replace(result, **changes)


def _verdict(findings: Sequence[Finding]) -> str:
    primary = [f for f in findings if f.role in ("primary", "assumption")]
    if not primary:
        return "conditional"
    certainty = primary[0].probability.certainty
    return {"always": "supported", "never": "not supported"}.get(certainty, "conditional")


class _Say:
    """Progress messages on standard error (a context manager per step)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    @contextlib.contextmanager
    def __call__(self, message: str) -> Any:
        start = time.perf_counter()
        if self.enabled:
            print(f"[analyze] {message} ...", file=sys.stderr, flush=True)
        yield
        if self.enabled:
            print(f"[analyze]   done in {time.perf_counter() - start:.1f} s", file=sys.stderr,
                  flush=True)


# ---------------------------------------------------------------------------
# TRIPP
# ---------------------------------------------------------------------------


class TrippScenario(ScenarioAnalysis):
    """The TRIPP corridor dilemma (``scenario_spec.md``): models M1-M7 and claims C1-C9.

    The models are built by :mod:`gametheory.scenarios.tripp` (M1, M2, M3,
    M5, M7) and, when its module is present,
    :mod:`gametheory.scenarios.tripp_bayesian` (M4, M6). Each claim is
    tested by a condition derived from the models (the primary finding)
    plus context findings:

    ====  ==================================================================
    C1    M1: Russia is worse off accepting even a commercial corridor
          (``u_R(Accept, Commercial) < 0``, the status quo being 0)
    C2    M1: the coalition militarizes with positive probability in
          equilibrium (the union of M1's regimes where it does)
    C3    M2: Azerbaijan aligns when Russia accepts; aligning even under
          certain attack (Align strictly dominant)
    C4    M2: the US militarizes when Russia accepts; M2 dominance
    C5    zero-sum verdict (:class:`ZeroSumVerdict`); Preempt / Accept
          dominant in M1
    C6    M5: preventive war (``Phi > 0`` where ``W_R(2) >= 0``); no war
          without a power shift; M7 first-strike advantage
    C7    M3: the chance that Kazakhstan follows enlarges Russia's
          preemption region (reduced normal form); M6 second front
    C8    M7: (Strike, Strike) is an equilibrium (fear of surprise attack);
          stag hunt; Strike dominant
    C9    M4: an open corridor is accepted in a PBE (pooling on Open) iff
          the prior of an offensive corridor is low enough
    ====  ==================================================================

    Parameters
    ----------
    path : str or os.PathLike, optional
        A TRIPP scenario file (default ``seeds/tripp.toml``).

    Examples
    --------
    >>> analysis = TrippScenario()
    >>> report = analysis.report(samples=1000, rng=0, claims=["C6"], models=["M5"])
    >>> report.model("M5").regime, dict(report.model("M5").values)["Phi"]
    ('war', '3/25')
    >>> report.claim("C6").verdict
    'conditional'
    """

    #: Models built in code by the Bayesian module, when it is present.
    BAYESIAN = ("M4", "M6")

    def _build_models(self) -> dict[str, Any]:
        from . import tripp

        builders: dict[str, Callable[..., Any]] = {
            "M1": tripp.m1, "M2": tripp.m2, "M3": tripp.m3, "M5": tripp.m5, "M7": tripp.m7,
        }
        bayes, reason = _optional("gametheory.scenarios.tripp_bayesian")
        if bayes is not None:
            builders.update({"M4": bayes.m4, "M6": bayes.m6})
        wanted = list(self.scenario.run) + [m for m in self.BAYESIAN if m not in self.scenario.run]
        out = {}
        for model_id in sorted(dict.fromkeys(wanted), key=lambda m: (len(m), m)):
            if model_id in builders:
                out[model_id] = builders[model_id](self.scenario)
            elif model_id in self.BAYESIAN:
                self.gaps.append(f"{model_id} is not built: {reason}")
            else:
                self.gaps.append(f"model {model_id} is listed in [run] but no builder knows it")
        return out

    def _model(self, model_id: str) -> Any:
        return self.models.get(model_id)

    # -- derived objects, computed once ------------------------------------------------
    def m1_regions(self) -> Regions:
        """M1's regimes in all its parameters."""
        M1 = self.models["M1"]
        return self._cached("m1_regions", lambda: regions(M1.game, assumptions=M1.assumptions))

    def m7_regions(self) -> Regions:
        """M7's regimes in all its parameters, named as in the spec."""
        M7 = self.models["M7"]
        return self._cached("m7_regions", lambda: regions(
            M7.game, assumptions=M7.assumptions, labels=M7_REGIME_NAMES))

    def m3_dominance(self) -> tuple[Condition, Condition]:
        """Russia's Preempt- and Accept-dominance in M3 (its reduced normal form)."""
        def make() -> tuple[Condition, Condition]:
            M3 = self.models["M3"]
            rnf = M3.game.to_normal_form()
            return (dominance_condition(rnf, "Russia", "Preempt", assumptions=M3.assumptions),
                    dominance_condition(rnf, "Russia", "Accept", assumptions=M3.assumptions))

        return self._cached("m3_dominance", make)

    def m5_war(self) -> Condition:
        """Where M5 ends in war (see :func:`preventive_war_condition`)."""
        return self._cached("m5_war", lambda: preventive_war_condition(self.models["M5"]))

    def m4_regions(self) -> Any:
        """M4's PBE classes and their regions (None without the PBE module)."""
        module, _ = _optional("gametheory.analysis.pbe_regions")
        M4 = self.models.get("M4")
        if module is None or M4 is None:
            return None
        return self._cached("m4_regions",
                            lambda: module.pbe_regions(M4.game, assumptions=M4.assumptions))

    def m4_war(self) -> Condition | None:
        """Where some PBE of M4 has war on its path (a corridor opened, then preempted)."""
        R = self.m4_regions()
        if R is None:
            return None

        def make() -> Condition:
            parts = []
            for cls in R.classes:
                for piece in cls.pieces:
                    sent = any("Open" in msgs for msgs in cls.supports.values())
                    if (sent and not piece.knife_edge
                            and "Preempt" in piece.receiver_support.get("Open", ())):
                        parts.append(piece.condition)
            return _union(parts, "some PBE has war on its path")

        return self._cached("m4_war", make)

    # -- models at the defaults -----------------------------------------------------------
    def solve_model(self, model_id: str) -> ModelResult:
        """Solve one TRIPP model at the defaults, with its regime and closed forms."""
        model = self.models[model_id]
        method = getattr(self, f"_solve_{model_id.lower()}", None)
        if method is None:  # pragma: no cover - every TRIPP model has one
            return super().solve_model(model_id)
        return method(model)

    def _values(self, model: Any, names: Sequence[str]) -> tuple[tuple[str, str], ...]:
        return tuple((n, _rational_text(model.evaluate(n))) for n in names)

    def _solve_m1(self, M1: Any) -> ModelResult:
        result = self._solve_normal("M1", M1.title, M1.at())
        region = self.m1_regions().locate(**M1.defaults())
        return _replace(result, regime=region.label, regime_condition=str(region.condition),
                        values=self._values(M1, ("p_T", "sigma_star", "tau_star", "U_R", "U_T")))

    def _solve_m2(self, M2: Any) -> ModelResult:
        from ..solvers import available_methods

        notes = []
        method = "enumpoly" if "enumpoly" in available_methods() else "pure"
        if method == "pure":
            notes.append("mixed equilibria of 3-player games need the enumpoly method (missing)")
        result = self._solve_normal("M2", M2.title, M2.at(), method)
        R = self._cached("m2_regions", lambda: regions(M2.game, ["p", "c_R"]))
        region = R.locate(**{k: v for k, v in M2.defaults().items() if k in ("p", "c_R")})
        notes.append("regime in the (p, c_R) plane with the other parameters at their defaults; "
                     "regimes of 3-player games list pure equilibria only")
        return _replace(result, regime=region.label, regime_condition=str(region.condition),
                        values=self._values(M2, ("sigma_A", "sigma_U", "r")),
                        notes=result.notes + tuple(notes))

    def _solve_m3(self, M3: Any) -> ModelResult:
        game = M3.at()
        pbe, reason = _optional("gametheory.solvers.pbe")
        preempt, accept = self.m3_dominance()
        defaults = M3.defaults()
        if _holds_at(preempt, defaults):
            regime, cond = "Preempt dominant for Russia", preempt
        elif _holds_at(accept, defaults):
            regime, cond = "Accept dominant for Russia", accept
        else:
            regime = "no dominant action for Russia (its choice depends on its belief)"
            cond = (~preempt & ~accept).simplify()
        if pbe is not None:
            sol = pbe.solve_pbe(game)
            lines = tuple(str(e) for e in sol)
            method, exact, complete, notes = "pbe (sequential equilibria)", sol.exact, \
                sol.complete, tuple(sol.notes)
        else:
            trees, reason2 = _optional("gametheory.solvers.trees")
            if trees is None:
                self.gaps.append(f"M3 not solved: {reason}; {reason2}")
                return ModelResult("M3", M3.title, "extensive form", "-", True, "-", (),
                                   regime=regime, regime_condition=str(cond),
                                   notes=(f"not solved: {reason}",))
            sol = trees.solve_tree(game, "spe")
            lines = tuple(str(e) for e in sol)
            method, exact, complete = "spe", sol.exact, sol.complete
            notes = (*sol.notes, f"sequential equilibria need {reason}")
        return ModelResult("M3", M3.title, "extensive form", method, exact, complete, lines,
                           regime=regime, regime_condition=str(cond), notes=notes)

    def _solve_m4(self, M4: Any) -> ModelResult:
        pbe, reason = _optional("gametheory.solvers.pbe")
        values = self._values(M4, ("mu_star", "r_D", "r_O"))
        if pbe is None:
            self.gaps.append(f"M4 not solved: {reason}")
            return ModelResult("M4", M4.title, "signaling game", "-", True, "-", (),
                               values=values, notes=(f"not solved: {reason}",))
        sol = pbe.solve_pbe(M4.at())
        R = self.m4_regions()
        regime = cond = None
        if R is not None:
            present = R.classes_at(**M4.defaults())
            regime = " + ".join(present)
            cond = " & ".join(f"({c.generic})" for c in R.classes
                              if c.label in present and not c.generic.is_true) or "True"
        return ModelResult("M4", M4.title, "signaling game", "pbe", sol.exact, sol.complete,
                           tuple(str(e) for e in sol), regime=regime, regime_condition=cond,
                           values=values, notes=tuple(sol.notes))

    def _solve_m5(self, M5: Any) -> ModelResult:
        out = M5.decide()
        war = self.m5_war()
        values = [("Phi", format_number(out.Phi)), ("W_R(1)", format_number(out.W_R1)),
                  ("best peace", format_number(out.best_peace))]
        values += [(k, _rational_text(M5.evaluate(k))) for k in M5.thresholds]
        if out.war:
            line = "war in period 1 (Russia fights before the shift)"
        else:
            line = (f"peace: offers x1 = {format_number(out.x1)}, "
                    f"x2 = {format_number(out.x2)} per period")
        return ModelResult(
            "M5", M5.title, "analytic", "closed form (subgame-perfect)", True, "-", (line,),
            regime="war" if out.war else "peace",
            regime_condition=str(war if out.war else (~war).simplify()),
            values=tuple(values),
        )

    def _solve_m6(self, M6: Any) -> ModelResult:
        pbe, reason = _optional("gametheory.solvers.pbe")
        values = self._values(M6, ("gamma_star", "P_fight", "P_K_challenges"))
        d = M6.defaults()
        rho, low, high = (to_sympy(x) for x in
                          (d["rho"], M6.evaluate("rho_low"), M6.evaluate("rho_high")))
        if rho < low:
            regime = "Azerbaijan challenges (rho < b_K**2)"
        elif rho < high:
            regime = "Azerbaijan deterred, Kazakhstan challenges (b_K**2 < rho < b_K)"
        elif rho > high:
            regime = "no challenge (rho > b_K)"
        else:
            regime = "knife-edge (continuum of equilibria)"
        if pbe is None:
            self.gaps.append(f"M6 not solved: {reason}")
            return ModelResult("M6", M6.title, "extensive form", "-", True, "-", (),
                               regime=regime, values=values, notes=(f"not solved: {reason}",))
        sol = pbe.solve_pbe(M6.at())
        return ModelResult("M6", M6.title, "extensive form", "pbe (sequential equilibria)",
                           sol.exact, sol.complete, tuple(str(e) for e in sol), regime=regime,
                           values=values, notes=tuple(sol.notes))

    def _solve_m7(self, M7: Any) -> ModelResult:
        result = self._solve_normal("M7", M7.title, M7.at())
        region = self.m7_regions().locate(**M7.defaults())
        return _replace(result, regime=region.label, regime_condition=str(region.condition),
                        values=self._values(M7, ("q_star", "risk_dominance_boundary")))

    # -- claims -------------------------------------------------------------------------
    def claim_findings(self, claim: Claim) -> list[_Spec]:
        """The derived tests of a TRIPP claim (see the class docstring)."""
        method = getattr(self, f"_claim_{claim.tag.lower()}", None)
        specs = method() if method is not None else []
        return specs if specs else super().claim_findings(claim)

    def _need(self, *model_ids: str) -> bool:
        missing = [m for m in model_ids if m not in self.models]
        for m in missing:
            gap = f"{m} is not available; the findings that need it are left out"
            if gap not in self.gaps:
                self.gaps.append(gap)
        return not missing

    def _claim_c1(self) -> list[_Spec]:
        if not self._need("M1"):
            return []
        M1 = self.models["M1"]
        A = M1.game.payoff_array("Russia")
        specs = [_Spec("commercial-loss", "M1",
                       "Russia is worse off accepting a commercial corridor than under the "
                       "status quo (u_R(Accept, Commercial) < 0)",
                       _condition(A[0, 0] < 0, self.space))]
        M4 = self.models.get("M4")
        if M4 is not None:
            cond = _condition(M4.symbol("a_D") > 0, self.space)
            specs.append(_Spec("defensive-loss", "M4",
                               "accepting even a defensive open corridor costs Russia (a_D > 0)",
                               cond, role="context"))
        return specs

    def _claim_c2(self) -> list[_Spec]:
        if not self._need("M1"):
            return []
        R = self.m1_regions()
        militarize = []
        for r in R.regions:
            if r.equilibria and all(
                (e.profile[1] == "Militarize") if e.is_pure else ("Militarize" in e.supports[1])
                for e in r.equilibria
            ):
                militarize.append(r.condition)
        specs = [_Spec("militarized", "M1",
                       "the coalition militarizes the corridor with positive probability in "
                       "equilibrium", _union(militarize))]
        sure = [r.condition for r in R.regions if r.equilibria and all(
            e.is_pure and e.profile[1] == "Militarize" for e in r.equilibria)]
        if sure:
            specs.append(_Spec("militarized-surely", "M1",
                               "the coalition militarizes for sure (a pure equilibrium with "
                               "Militarize)", _union(sure), role="context"))
        return specs

    def _member_specs(self, member: str, action: str, gain: str) -> list[_Spec]:
        M2 = self.models["M2"]
        game = M2.game
        i = game.players.index(member)
        U = game.payoff_array(member)
        k = game.strategies[i].index(action)
        others = [j for j in range(game.n_players) if j not in (0, i)]
        diffs = []
        for o in range(game.shape[others[0]]):
            hi = [0] * 3
            lo = [0] * 3
            hi[i], lo[i] = k, 1 - k
            hi[others[0]] = lo[others[0]] = o
            diffs.append(U[tuple(hi)] - U[tuple(lo)] > 0)
        peaceful = _condition(sympy.And(*diffs), self.space)
        dominant = dominance_condition(game, member, action)
        return [
            _Spec(f"{action.lower()}-if-accepted", "M2",
                  f"{member} prefers {action} when Russia accepts", peaceful,
                  note=f"This rests on the gain {gain} > 0, which the model assumes (its lower "
                       "bound is open)."),
            _Spec(f"{action.lower()}-dominant", "M2",
                  f"{action} strictly dominates for {member} ({member} goes ahead even under "
                  "certain attack)", dominant, role="context"),
        ]

    def _claim_c3(self) -> list[_Spec]:
        return self._member_specs("Azerbaijan", "Align", "g_A") if self._need("M2") else []

    def _claim_c4(self) -> list[_Spec]:
        return self._member_specs("US", "Militarize", "g_U") if self._need("M2") else []

    def _claim_c5(self) -> list[_Spec]:
        if not self._need("M1"):
            return []
        M1 = self.models["M1"]
        return [
            _Spec("preempt-dominant", "M1", "Preempt strictly dominates Accept",
                  dominance_condition(M1.game, "Russia", "Preempt", assumptions=M1.assumptions),
                  role="context"),
            _Spec("accept-dominant", "M1", "Accept strictly dominates Preempt",
                  dominance_condition(M1.game, "Russia", "Accept", assumptions=M1.assumptions),
                  role="context"),
        ]

    def _claim_c6(self) -> list[_Spec]:
        specs = []
        if self._need("M5"):
            war = self.m5_war()
            M5 = self.models["M5"]
            p0, p1 = M5.symbol("p0"), M5.symbol("p1")
            no_shift = _condition(war.expr.xreplace({p1: p0}), self.space)
            specs += [
                _Spec("preventive-war", "M5",
                      "Russia fights before the power shift (W_R(1) > 1 + delta*Max(W_R(2), 0); "
                      "Phi > 0 where W_R(2) >= 0)", war),
                _Spec("no-shift-no-war", "M5",
                      "without a power shift (p1 = p0) Russia fights", no_shift, role="context",
                      note="Preventive war needs the shift: the claim's timing logic."),
            ]
        if self._need("M7"):
            specs.append(_Spec("first-strike-advantage", "M7",
                               "striking first pays against a striking rival ((Strike, Strike) is "
                               "an equilibrium)", self._strike_equilibrium(), role="context"))
        return specs

    def _strike_equilibrium(self) -> Condition:
        R = self.m7_regions()
        eq = R.conditions[("Strike", "Strike")]
        return eq.condition.simplify()

    def _claim_c7(self) -> list[_Spec]:
        specs = []
        if self._need("M1", "M3"):
            M1 = self.models["M1"]
            d1 = dominance_condition(M1.game, "Russia", "Preempt", assumptions=M1.assumptions)
            d3, _ = self.m3_dominance()
            enlarge = _condition(sympy.And(d3.expr, sympy.Not(d1.expr)), self.space,
                                 assumptions=self.models["M3"].assumptions)
            bound1 = _threshold_bound(d1, "c_R")
            bound3 = _threshold_bound(d3, "c_R")
            grows = _condition(sympy.expand(bound3 - bound1) > 0, self.space)
            specs += [
                _Spec("kazakhstan-enlarges-preemption", "M3",
                      f"the chance that Kazakhstan follows enlarges Russia's Preempt-dominance "
                      f"region from c_R < {sympy.sstr(bound1)} (M1) to c_R < {sympy.sstr(bound3)}",
                      grows),
                _Spec("kazakhstan-tips-preemption", "M1+M3",
                      "Preempt is dominant in M3 but not in M1 (the second front alone tips "
                      "Russia into preempting)", enlarge, role="context"),
            ]
        M6 = self.models.get("M6")
        if M6 is not None:
            cond = _condition(M6.symbol("rho") < M6.derived["rho_high"], self.space)
            specs.append(_Spec("kazakhstan-challenges", "M6",
                               "Kazakhstan challenges with positive probability after "
                               "Azerbaijan's round", cond, role="context"))
        return specs

    def _claim_c8(self) -> list[_Spec]:
        if not self._need("M7"):
            return []
        R = self.m7_regions()
        specs = [
            _Spec("fear-equilibrium", "M7",
                  "mutual fear can end in war ((Strike, Strike) is an equilibrium)",
                  self._strike_equilibrium()),
            _Spec("stag-hunt", "M7", "the game is a stag hunt (peace and war are both "
                  "equilibria)", R["stag hunt"].condition, role="context"),
            _Spec("strike-dominant", "M7", "Strike is dominant (war is certain)",
                  R["Strike dominant"].condition, role="context"),
        ]
        war4 = self.m4_war()
        if war4 is not None:
            specs.append(_Spec("indistinguishable-types", "M4",
                               "indistinguishable corridor types lead to war in some PBE", war4,
                               role="context"))
        return specs

    def _claim_c9(self) -> list[_Spec]:
        R = self.m4_regions()
        if R is None:
            self._need("M4")
            if "M4" in self.models:
                self.gaps.append("C9: the PBE regions of M4 need gametheory.analysis.pbe_regions")
            return []
        pooling = next(c for c in R.classes if c.label == "pooling on Open")
        return [_Spec("open-corridor-accepted", "M4",
                      "an open corridor is accepted in equilibrium (pooling on Open: balancing "
                      "is compatible with peace)", pooling.generic)]

    # -- the zero-sum verdict -----------------------------------------------------------------
    def extra_claim(self, claim: Claim, findings: list[Finding], n: int,
                    base: np.random.SeedSequence, progress: bool | None) -> ZeroSumVerdict | None:
        """The zero-sum verdict for C5 (None for the other claims)."""
        if claim.tag != "C5" or "M1" not in self.models:
            return None
        M1 = self.models["M1"]
        A, B = M1.game.payoff_array("Russia"), M1.game.payoff_array("T")
        sums = [sympy.expand(A[idx] + B[idx]) for idx in np.ndindex(A.shape)]
        constant = _condition(sympy.And(*[sympy.Eq(s - sums[0], 0) for s in sums[1:]]),
                              self.space)
        # (Accept, Commercial) against (Preempt, Commercial): both strictly better off
        pareto = _condition(sympy.And(A[0, 0] > A[1, 0], B[0, 0] > B[1, 0]), self.space,
                            assumptions=M1.assumptions)

        def make(spec: _Spec) -> Finding:
            return self._finding(spec, n, base, "C5", progress)

        constant_f = make(_Spec("constant-sum", "M1", "the corridor game is constant-sum",
                                constant, role="context",
                                note="War destroys c_R + c_T, so cell sums differ."))
        range_f = make(_Spec(
            "bargaining-range", "M1",
            "a bargaining range exists: peace (Accept, Commercial) Pareto-dominates war "
            "(Preempt, Commercial)", pareto, role="context"))
        mechanisms: list[_Spec] = []
        if "M5" in self.models:
            mechanisms.append(_Spec("commitment-problem", "M5",
                                    "commitment problem: Russia fights before the shift",
                                    self.m5_war(), role="mechanism"))
        if "M7" in self.models:
            R7 = self.m7_regions()
            mechanisms += [
                _Spec("first-strike-advantage", "M7",
                      "first-strike advantage: (Strike, Strike) is an equilibrium (stag hunt or "
                      "Strike dominant)", self._strike_equilibrium(), role="mechanism"),
                _Spec("first-strike-dominant", "M7",
                      "first-strike advantage: Strike is dominant", R7["Strike dominant"].condition,
                      role="mechanism"),
                _Spec("first-strike-stag-hunt", "M7",
                      "first-strike advantage: stag hunt (war by fear)", R7["stag hunt"].condition,
                      role="mechanism"),
            ]
        war4 = self.m4_war()
        if war4 is not None:
            mechanisms.append(_Spec("private-information", "M4",
                                    "private information: some PBE has war on its path "
                                    "(an open corridor preempted)", war4, role="mechanism"))
        else:
            gap = ("C5: the private-information mechanism (M4) is left out: its PBE regions "
                   "are not available")
            if gap not in self.gaps:
                self.gaps.append(gap)
        mech = [make(s) for s in mechanisms]
        primary = [s for s in mechanisms if s.key in (
            "commitment-problem", "first-strike-advantage", "private-information")]
        any_f = None
        if primary:
            union = _union([s.condition for s in primary], "some mechanism closes the range")
            any_f = make(_Spec("any-mechanism", "+".join(s.model for s in primary),
                               "some mechanism closes the bargaining range", union,
                               role="mechanism"))
        verdict = "not supported" if constant_f.probability.certainty == "never" else "conditional"
        names = ", ".join(f"{m.statement.split(':')[0]} ({m.model}, probability "
                          f"{m.probability.estimate:.2f})" for m in mech
                          if m.key in ("commitment-problem", "first-strike-advantage",
                                       "private-information"))
        never = constant_f.probability.certainty == "never"
        summary = (
            ("The dilemma is not zero-sum: M1 is constant-sum only on a set of probability 0 "
             "under the priors, because war destroys c_R + c_T. " if never else
             f"M1 is constant-sum where {constant_f.text}. ")
            + f"Where {range_f.text} (probability {range_f.probability.estimate:.2f} under the "
            "priors; at the defaults: "
            + ("yes" if range_f.holds_at_defaults else "no")
            + ") peace (Accept, Commercial) Pareto-dominates war, so a bargain exists; the "
            "choice becomes all-or-nothing only through a mechanism that closes the range: "
            f"{names}."
        )
        if any_f is not None:
            summary += (" At least one mechanism operates with probability "
                        f"{any_f.probability.estimate:.2f}.")
        return ZeroSumVerdict(verdict, constant_f, range_f, tuple(mech), any_f, summary)

    def claim_summary(self, claim: Claim, verdict: str, findings: Sequence[Finding]) -> str:
        """One sentence built from the primary finding."""
        primary = [f for f in findings if f.role == "primary"]
        if not primary:
            return super().claim_summary(claim, verdict, findings)
        f = primary[0]
        at = "holds" if f.holds_at_defaults else "does not hold"
        if verdict == "supported" and f.text == "True":
            return f"Supported: {f.statement} ({f.model}) everywhere on the models' domain."
        if verdict == "supported":
            return (f"Supported: {f.statement} ({f.model}) wherever {f.text}, which holds with "
                    f"probability 1 under the priors; it {at} at the defaults.")
        if verdict == "not supported":
            return f"Not supported: {f.statement} ({f.model}) never holds."
        return (f"Conditional: {f.statement} ({f.model}) iff {f.text}; it {at} at the defaults "
                f"and holds with probability {f.probability.estimate:.2f} under the priors.")


def preventive_war_condition(model: Any) -> Condition:
    """Where M5 ends in war, as an exact condition without ``Max``.

    Russia fights in period 1 iff ``W_R(1) > 1 + delta*Max(W_R(2), 0)``
    (:meth:`~gametheory.scenarios.tripp.PreventiveWarModel.decide`), that is
    ``(W_R(2) >= 0 & Phi > 0) | (W_R(2) < 0 & W_R(1) > 1)``; each relation is
    multiplied by ``1 - delta > 0`` so that all are polynomial.

    Parameters
    ----------
    model : PreventiveWarModel
        From :func:`gametheory.scenarios.tripp.m5`.

    Returns
    -------
    Condition
        On the bounds of ``delta``, ``p0``, ``p1`` and ``C_R``.

    Examples
    --------
    >>> from gametheory.scenarios import tripp
    >>> M5 = tripp.m5()
    >>> war = preventive_war_condition(M5)
    >>> point = {k: v for k, v in M5.values().items() if k != "C_T"}  # C_T does not enter
    >>> war.holds(**point), war.holds(**{**point, "p1": "11/20"})
    (True, False)
    """
    delta = model.symbol("delta")
    w1 = sympy.expand(sympy.cancel((1 - delta) * model.W_R(1)))
    w2 = sympy.expand(sympy.cancel((1 - delta) * model.W_R(2)))
    expr = sympy.Or(sympy.And(w2 >= 0, model.Phi > 0), sympy.And(w2 < 0, w1 - (1 - delta) > 0))
    return _condition(expr, model.space, description="preventive war")


def _threshold_bound(condition: Condition, parameter: str) -> sympy.Expr:
    from ..analysis.conditions import threshold

    return threshold(condition, parameter).bound


def analyze(path: str | os.PathLike[str] | None = None) -> ScenarioAnalysis:
    """The analysis of a scenario file: :class:`TrippScenario` for TRIPP files, else generic.

    Parameters
    ----------
    path : str or os.PathLike, optional
        Default: ``seeds/tripp.toml`` (:func:`gametheory.scenarios.tripp.default_path`).

    Returns
    -------
    ScenarioAnalysis
        A :class:`TrippScenario` when the file's scenario id starts with
        ``"tripp"``.

    Raises
    ------
    GameFormatError
        The file is malformed (file, key and reason in the message).
    OSError
        The file cannot be read.

    Examples
    --------
    >>> type(analyze()).__name__
    'TrippScenario'
    """
    from . import tripp

    file = Path(tripp.default_path() if path is None else path)
    scenario = tripp.load(file)
    if scenario.id.startswith("tripp"):
        return TrippScenario(file)
    return ScenarioAnalysis(file)
