"""The TRIPP models with private information: M4 (signaling) and M6 (reputation).

Both are built in code from the parameters declared in the TRIPP scenario
file (``seeds/tripp.toml``), as the spec (``scenario_spec.md`` section 3)
describes them, and carry closed forms *derived* from their payoffs with
sympy (indifference conditions and Bayes' rule), so that tests compare the
library's equilibria with the spec's formulas.

=====  ==============================================  ============================
model  what                                            game
=====  ==============================================  ============================
M4     offensive or defensive corridor; Open/Restrain  :class:`SignalingGame`
M6     two-front reputation (Azerbaijan, Kazakhstan)   :class:`ExtensiveFormGame`
=====  ==============================================  ============================

References
----------
.. [1] I.-K. Cho and D. M. Kreps, "Signaling games and stable equilibria",
   *Quarterly Journal of Economics* 102 (1987) 179-221.
.. [2] R. Selten, "The chain store paradox", *Theory and Decision* 9 (1978)
   127-159.
.. [3] D. M. Kreps and R. Wilson, "Reputation and imperfect information",
   *Journal of Economic Theory* 27 (1982) 253-279.

Examples
--------
>>> from gametheory.scenarios import tripp_bayesian
>>> M4 = tripp_bayesian.m4()
>>> M4.evaluate("mu_star"), M4.evaluate("r_D"), M4.evaluate("beta_O")
(1/2, 3/4, 2/3)
>>> M6 = tripp_bayesian.m6()
>>> M6.evaluate("gamma_star"), M6.evaluate("P_fight")
(2/9, 5/12)
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

import sympy

from .._numbers import to_sympy
from ..games.bayesian import SignalingGame
from ..games.extensive import ExtensiveFormGame
from ..parameters import ParameterSpace, parse_condition
from .tripp import _SPEC, TrippModel, _source, _used

__all__ = ["m4", "m6"]


def _solve1(equation: sympy.Expr, unknown: sympy.Symbol) -> sympy.Expr:
    roots = sympy.solve(equation, unknown)
    if len(roots) != 1:  # pragma: no cover - the models are linear in the unknowns
        raise ValueError(f"expected one root for {unknown} in {equation} = 0, got {roots}")
    return sympy.factor(roots[0])


# ---------------------------------------------------------------------------
# M4
# ---------------------------------------------------------------------------


def _m4_game(space: ParameterSpace) -> SignalingGame:
    s = space.symbol
    pi_O = s("pi_O")
    pay: dict[str, dict[str, Any]] = {}
    for t in ("O", "D"):
        pay[t] = {
            "Open": {"Accept": (s(f"g_{t}"), -s(f"a_{t}")),
                     "Preempt": (-s(f"k_{t}"), -s(f"w_{t}"))},
            "Restrain": (0, 0),
        }
    return SignalingGame(
        ["O", "D"], {"O": pi_O, "D": 1 - pi_O}, ["Open", "Restrain"],
        {"Open": ["Accept", "Preempt"], "Restrain": []}, pay, players=("T", "Russia"),
        title="M4: offensive or defensive corridor (signaling)", space=space,
    )


def _derive_m4(game: SignalingGame, space: ParameterSpace) -> dict[str, sympy.Expr]:
    mu, r = sympy.Dummy("mu"), sympy.Dummy("r")
    pi_O = space.symbol("pi_O")

    def u(t: str, a: str, who: int) -> sympy.Expr:
        return to_sympy(game.payoff(t, "Open", a)[who])

    # Russia indifferent after Open at belief mu on O
    accept = mu * u("O", "Accept", 1) + (1 - mu) * u("D", "Accept", 1)
    preempt = mu * u("O", "Preempt", 1) + (1 - mu) * u("D", "Preempt", 1)
    mu_star = _solve1(accept - preempt, mu)
    # type t indifferent between Open (preempted w.p. r) and Restrain
    r_t = {t: _solve1((1 - r) * u(t, "Accept", 0) + r * u(t, "Preempt", 0)
                      - to_sympy(game.payoff(t, "Restrain")[0]), r) for t in ("O", "D")}
    b = sympy.Dummy("b")
    # (iii): D opens, O opens w.p. beta_O; (iv): O opens, D opens w.p. beta_D (Bayes = mu_star)
    beta_O = _solve1(pi_O * b - mu_star * (pi_O * b + (1 - pi_O)), b)
    beta_D = _solve1(pi_O - mu_star * (pi_O + (1 - pi_O) * b), b)
    return {
        "mu_star": mu_star,
        "r_O": r_t["O"],
        "r_D": r_t["D"],
        "beta_O": beta_O,
        "beta_D": beta_D,
        "P_war_iii": sympy.factor((pi_O * beta_O + 1 - pi_O) * r_t["O"]),
        "P_war_iv": sympy.factor((pi_O + (1 - pi_O) * beta_D) * r_t["D"]),
    }


#: M4's domain (spec sections 1 and 2: claims C8, C9 and the payoff table)
_M4_DOMAIN = ("pi_O > 0", "pi_O < 1", "a_D < w_D", "a_O > w_O")


def m4(source: Any = None) -> TrippModel:
    """M4: the corridor's type is private; T opens or restrains, Russia accepts or preempts.

    Chance makes the corridor offensive (O) with probability ``pi_O``, else
    defensive (D); T, knowing the type, Opens or Restrains (the game ends at
    (0, 0)); after Open, Russia, not seeing the type, Accepts or Preempts: T
    gets ``g_t`` or ``-k_t``, Russia ``-a_t`` or ``-w_t``.

    Parameters
    ----------
    source : Scenario, path, ParameterSpace or None
        As for :func:`gametheory.scenarios.tripp.m1` (the parameters'
        declarations; M4's payoffs are built here).

    Returns
    -------
    TrippModel
        ``game`` is a symbolic :class:`~gametheory.games.bayesian.SignalingGame`
        (players ``("T", "Russia")``); ``assumptions`` are ``0 < pi_O < 1``,
        ``a_D < w_D`` and ``a_O > w_O``; ``derived`` holds ``mu_star`` (Russia's
        indifference belief), ``r_O``, ``r_D`` (the preemption probability
        leaving each type indifferent), ``beta_O``, ``beta_D`` (the mixing of
        the hybrid equilibria, from Bayes' rule) and ``P_war_iii``,
        ``P_war_iv``, all solved from the payoffs.

    Examples
    --------
    >>> M4 = m4()
    >>> M4.derived["mu_star"]
    (a_D - w_D)/(a_D - a_O - w_D + w_O)
    >>> M4.evaluate("P_war_iii")
    2/5
    >>> M4.at(pi_O="1/4").prior
    {'O': Fraction(1, 4), 'D': Fraction(3, 4)}
    """
    scenario, space = _source(source)
    del scenario
    game = _m4_game(space)
    return TrippModel(
        id="M4",
        title=game.title,
        section=f"{_SPEC} M4",
        parameters=_used(space, game),
        space=space,
        game=game,
        derived=MappingProxyType(_derive_m4(game, space)),
        assumptions=tuple(parse_condition(text, space) for text in _M4_DOMAIN),
    )


# ---------------------------------------------------------------------------
# M6
# ---------------------------------------------------------------------------


def _m6_game(space: ParameterSpace) -> ExtensiveFormGame:
    rho, b_K, a_R = (space.symbol(n) for n in ("rho", "b_K", "a_R"))
    challenger = {"out": sympy.Integer(0), "accommodated": b_K, "fought": b_K - 1}
    russia = {
        "normal": {"out": a_R, "accommodated": sympy.Integer(0), "fought": sympy.Integer(-1)},
        "resolute": {"out": a_R, "accommodated": sympy.Integer(-1), "fought": sympy.Integer(0)},
    }
    g = ExtensiveFormGame(["Azerbaijan", "Kazakhstan", "Russia"],
                          title="M6: two-front reputation (Kreps-Wilson, two markets)",
                          space=space)
    types = g.chance(g.root, {"resolute": rho, "normal": 1 - rho},
                     ids=["resolute", "normal"])
    for t, node in zip(("resolute", "normal"), types, strict=True):
        first = g.move(node, "Azerbaijan", ["Challenge", "Stay out"], infoset="A",
                       ids=[f"{t}.A.C", f"{t}.A.out"])
        stage: list[tuple[Any, str]] = [(first["Stay out"], "out")]
        reply = g.move(first["Challenge"], "Russia", ["Fight", "Accommodate"],
                       infoset=f"R:{t}:A", ids=[f"{t}.A.F", f"{t}.A.A"])
        stage += [(reply["Fight"], "fought"), (reply["Accommodate"], "accommodated")]
        for node2, m1 in stage:
            k = g.move(node2, "Kazakhstan", ["Challenge", "Stay out"], infoset=f"K:{m1}",
                       ids=[f"{node2.id}.K.C", f"{node2.id}.K.out"])
            g.outcome(k["Stay out"], {"Azerbaijan": challenger[m1], "Kazakhstan": 0,
                                      "Russia": russia[t][m1] + russia[t]["out"]})
            r2 = g.move(k["Challenge"], "Russia", ["Fight", "Accommodate"],
                        infoset=f"R:{t}:K:{m1}",
                        ids=[f"{node2.id}.K.F", f"{node2.id}.K.A"])
            for a, m2 in (("Fight", "fought"), ("Accommodate", "accommodated")):
                g.outcome(r2[a], {"Azerbaijan": challenger[m1], "Kazakhstan": challenger[m2],
                                  "Russia": russia[t][m1] + russia[t][m2]})
    return g


def _derive_m6(space: ParameterSpace) -> dict[str, sympy.Expr]:
    rho, b_K, a_R = (space.symbol(n) for n in ("rho", "b_K", "a_R"))
    post, gamma, q = sympy.Dummy("post"), sympy.Dummy("gamma"), sympy.Dummy("q")
    # Kazakhstan indifferent: post*(b_K - 1) + (1 - post)*b_K = 0
    post_star = _solve1(post * (b_K - 1) + (1 - post) * b_K, post)
    # Bayes after a fight: rho / (rho + (1 - rho)*gamma) = post_star
    gamma_star = _solve1(rho - post_star * (rho + (1 - rho) * gamma), gamma)
    P_fight = sympy.factor(rho + (1 - rho) * gamma_star)
    # normal Russia indifferent at Azerbaijan's challenge: fight -1 + (1-q)*a_R; accommodate 0
    # (after accommodation the belief is 0 < b_K, Kazakhstan challenges and is accommodated)
    q_star = _solve1(-1 + (1 - q) * a_R, q)
    return {
        "posterior_star": post_star,
        "gamma_star": gamma_star,
        "P_fight": P_fight,
        "q_star": q_star,
        "P_K_challenges": sympy.factor(P_fight * q_star + (1 - P_fight)),
        "azerbaijan_gain": sympy.factor(P_fight * (b_K - 1) + (1 - P_fight) * b_K),
        "rho_low": b_K**2,
        "rho_high": b_K,
    }


def m6(source: Any = None) -> TrippModel:
    """M6: two-front reputation (Selten 1978; Kreps and Wilson 1982, two markets).

    Chance makes Russia resolute (probability ``rho``) or normal; Azerbaijan,
    then Kazakhstan (seeing what happened to Azerbaijan, not Russia's type),
    Challenge or Stay out; Russia Fights or Accommodates each challenge. Per
    market: the challenger gets 0 (out), ``b_K`` (accommodated), ``b_K - 1``
    (fought); a normal Russia ``a_R`` / 0 / -1, a resolute one ``a_R`` / -1 /
    0; Russia sums over the two markets.

    Information sets: Azerbaijan ``"A"`` (two nodes, by type), Kazakhstan
    ``"K:out"``, ``"K:fought"``, ``"K:accommodated"`` (two nodes each), Russia
    ``"R:<type>:A"`` and ``"R:<type>:K:<history>"`` (singletons).

    Parameters
    ----------
    source : Scenario, path, ParameterSpace or None
        As for :func:`gametheory.scenarios.tripp.m1`.

    Returns
    -------
    TrippModel
        ``game`` is a symbolic :class:`ExtensiveFormGame`; ``derived`` holds
        ``posterior_star`` (the belief leaving Kazakhstan indifferent),
        ``gamma_star`` (normal Russia's fighting probability against
        Azerbaijan), ``P_fight``, ``q_star`` (Kazakhstan's challenge
        probability after a fight), ``P_K_challenges``, ``azerbaijan_gain``
        and the regime thresholds ``rho_low`` = ``b_K**2``, ``rho_high`` =
        ``b_K`` -- solved from the payoffs and Bayes' rule.

    Examples
    --------
    >>> M6 = m6()
    >>> M6.derived["gamma_star"]
    rho*(b_K - 1)/(b_K*(rho - 1))
    >>> M6.evaluate("P_K_challenges")
    13/18
    >>> [inf.label for inf in M6.game.infosets("Kazakhstan")]
    ['K:fought', 'K:accommodated', 'K:out']
    """
    scenario, space = _source(source)
    del scenario
    game = _m6_game(space)
    return TrippModel(
        id="M6",
        title=game.title,
        section=f"{_SPEC} M6",
        parameters=_used(space, game),
        space=space,
        game=game,
        derived=MappingProxyType(_derive_m6(space)),
        assumptions=(),
    )
