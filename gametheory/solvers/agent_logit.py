"""Logit agent quantal response equilibrium (AQRE) of extensive-form games.

The *agent form* of a tree has one agent per information set of a personal
player; the agent at information set :math:`I` of player :math:`i` chooses
among the actions at :math:`I`. In a logit AQRE with precision
:math:`\\lambda` (McKelvey and Palfrey 1998 [1]_) every agent chooses each
action :math:`a` with probability proportional to
:math:`\\exp(\\lambda\\, v_{I}(a; \\sigma))`, where the *action value*

.. math:: v_I(a; \\sigma) = \\sum_{h \\in I} \\mu_\\sigma(h)\\, V_i(h a; \\sigma),
          \\qquad \\mu_\\sigma(h) = \\frac{P_\\sigma(h)}{\\sum_{h' \\in I} P_\\sigma(h')},

is player :math:`i`'s expected payoff from taking :math:`a` at :math:`I`,
conditional on reaching :math:`I`, with beliefs :math:`\\mu` by Bayes' rule
and everybody (including :math:`i` at later information sets) playing
:math:`\\sigma` afterwards. Under perfect recall the owner's own moves on the
way to :math:`I` are the same at every node of :math:`I` and cancel from the
beliefs, so :math:`\\mu` depends on the other players and chance only. This is
the system Gambit solves in ``logit_solve`` / ``qre.logit_solve_lambda`` on
trees (``use_strategic=False``; its ``MixedBehaviorProfile.action_value``),
and the test suite checks the numbers against pygambit.

Every profile on the branch is interior, so every information set is reached
with positive probability, except behind chance moves of probability 0.
There the action values are defined as the limit when those chance
probabilities are replaced by :math:`\\varepsilon \\to 0`: the beliefs put
all weight on the nodes behind the fewest zero-probability chance moves,
in proportion to their probabilities with the zero factors left out (the
conditional values stay continuous in :math:`\\sigma`).

Computation
-----------
Each terminal node :math:`z` contributes a monomial to each action value on
its path: :math:`v_I(a) = N_I(a) / D_I` with
:math:`N_I(a) = \\sum_z u_i(z)\\, c(z) \\prod \\sigma` over the edges of the
path to :math:`z` that are not the owner's at or before :math:`I`, and
:math:`D_I = \\sum_{h \\in I} c(h) \\prod \\sigma` over the other players'
edges to :math:`h` (:math:`c` is the product of chance probabilities). The
path structure is computed once; each evaluation is one gather and a row
product over a padded array, and the exact derivatives
:math:`\\partial v / \\partial \\sigma` come from prefix and suffix products
(no division by probabilities, no finite differences), so trees with
hundreds of nodes are traced in well under a second per hundred steps.

Limits
------
As :math:`\\lambda \\to \\infty`, limit points of logit AQRE, with the limits
of their (Bayes) beliefs, are sequential equilibria (McKelvey and Palfrey 1998
[1]_; Turocy 2010 [2]_): in particular Nash equilibria and subgame perfect,
which :func:`solve_logit_tree` verifies exactly, and sequentially rational,
which it checks with the QRE's beliefs (rounded) at unreached information
sets. For generic trees the branch from :math:`\\lambda = 0` converges to a
unique limit, which selects one sequential equilibrium (McKelvey and Palfrey
1998).

The stopping rule is the largest *conditional* agent regret (relative to the
payoff spread), which makes the limit converge at information sets reached
with tiny probability too; Gambit stops on the (unconditional) Nash regret,
so its end point can differ from ours off the equilibrium path. At a limit
with mixing the regret falls only like :math:`1/\\lambda`, so
:func:`~gametheory.solvers.logit.logit_branch` may need very large
:math:`\\lambda` to reach ``max_regret``; :func:`solve_logit_tree` usually
stops much earlier, as soon as its purified profile is verified.

References
----------
.. [1] R. D. McKelvey and T. R. Palfrey, "Quantal response equilibria for
   extensive form games", Experimental Economics 1 (1998) 9-41.
.. [2] T. L. Turocy, "Computing sequential equilibria using agent quantal
   response equilibria", Economic Theory 42 (2010) 255-269.
.. [3] T. L. Turocy, "A dynamic homotopy interpretation of the logistic
   quantal response equilibrium correspondence", Games and Economic Behavior
   51 (2005) 243-263.

Examples
--------
Selten's entry game: at lambda = 0 every agent plays uniformly; the branch
ends at the subgame-perfect equilibrium (In, Share).

>>> from gametheory.games.extensive import ExtensiveFormGame
>>> from gametheory.solvers.logit import logit_qre
>>> g = ExtensiveFormGame(["E", "I"], title="entry")
>>> out, enter = g.move(g.root, "E", ["Out", "In"])
>>> _ = g.outcome(out, [0, 2])
>>> fight, share = g.move(enter, "I", ["Fight", "Share"])
>>> _ = g.outcome(fight, [-1, -1]); _ = g.outcome(share, [1, 1])
>>> logit_qre(g, 0).profile
{'E:1': {'Out': 0.5, 'In': 0.5}, 'I:1': {'Fight': 0.5, 'Share': 0.5}}
>>> q = logit_qre(g, 2.0)
>>> round(q.profile["I:1"]["Share"], 6)    # 1 / (1 + exp(-2 * 2))
0.982014
>>> print(solve_logit_tree(g)[0])
E: In; I: Share -> payoffs (1, 1)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from ..errors import InvalidGameError, MethodNotApplicableError, VerificationError
from ..games.behavior import BehaviorProfile
from ..games.extensive import ExtensiveFormGame

__all__ = ["AgentFormModel", "agent_labels", "solve_logit_tree"]


def agent_labels(game: ExtensiveFormGame) -> list[tuple[str, str, str]]:
    """``(agent label, player, infoset label)`` for every information set, player by player.

    The agent label is the information set's label when it already starts
    with ``"<player>:"`` (as the default labels ``"<player>:<k>"`` do), else
    ``"<player>:<label>"``; if that makes two labels equal, every label is
    prefixed.

    Examples
    --------
    >>> from gametheory.games.extensive import ExtensiveFormGame
    >>> g = ExtensiveFormGame(["A", "B"])
    >>> x, y = g.move(g.root, "A", ["x", "y"])
    >>> _ = g.move(x, "B", ["l", "r"], infoset="after x")
    >>> [a for a, _, _ in agent_labels(g)]
    ['A:1', 'B:after x']
    """
    rows = [(p, inf.label) for p in game.players for inf in game.infosets(p)]
    short = [lab if lab.startswith(f"{p}:") else f"{p}:{lab}" for p, lab in rows]
    if len(set(short)) != len(short):
        short = [f"{p}:{lab}" for p, lab in rows]
    return [(s, p, lab) for s, (p, lab) in zip(short, rows, strict=True)]


class AgentFormModel:
    """Conditional action values of the agent form of a tree and their derivatives (float).

    The model :func:`~gametheory.solvers.logit.logit_qre` and
    :func:`~gametheory.solvers.logit.logit_branch` trace for an
    :class:`~gametheory.games.extensive.ExtensiveFormGame` (see the module
    docstring for the definitions).

    Parameters
    ----------
    game : ExtensiveFormGame
        A finished tree with numeric payoffs and perfect recall.

    Attributes
    ----------
    players : tuple of str
        Agent labels (:func:`agent_labels`), player by player.
    strategies : tuple of tuple of str
        The actions of each agent.
    infosets : tuple of (str, str)
        ``(player, infoset label)`` of each agent.
    owners : tuple of str
        The player of each agent.
    shape : tuple of int
        Number of actions of each agent.

    Raises
    ------
    InvalidGameError
        The tree is not finished, or has no information sets.
    SymbolicGameError
        The tree has free parameters.
    MethodNotApplicableError
        The tree lacks perfect recall: an agent's conditional action values
        then depend on its own behaviour at other nodes of the same
        information set (absent-mindedness) or on forgotten own moves, and
        the AQRE of McKelvey and Palfrey is not defined.

    Notes
    -----
    ``values(probs)[a][j]`` is the conditional value of action ``j`` of agent
    ``a``; ``derivatives(probs)[a][b]`` is the matrix
    :math:`\\partial v_{a\\cdot} / \\partial \\sigma_{b\\cdot}` (``None`` where it
    vanishes identically, e.g. ``a == b``); ``value_jacobian(probs)`` is the
    whole matrix at once (the tracer uses it).

    Examples
    --------
    >>> import numpy as np
    >>> from gametheory.games.extensive import ExtensiveFormGame
    >>> g = ExtensiveFormGame(["E", "I"])
    >>> out, enter = g.move(g.root, "E", ["Out", "In"])
    >>> _ = g.outcome(out, [0, 2])
    >>> fight, share = g.move(enter, "I", ["Fight", "Share"])
    >>> _ = g.outcome(fight, [-1, -1]); _ = g.outcome(share, [1, 1])
    >>> m = AgentFormModel(g)
    >>> m.players, m.strategies
    (('E:1', 'I:1'), (('Out', 'In'), ('Fight', 'Share')))
    >>> [v.tolist() for v in m.values([np.array([0.5, 0.5]), np.array([0.25, 0.75])])]
    [[0.0, 0.5], [-1.0, 1.0]]
    """

    def __init__(self, game: ExtensiveFormGame) -> None:
        if not isinstance(game, ExtensiveFormGame):
            raise MethodNotApplicableError(
                f"AgentFormModel needs an ExtensiveFormGame, got {type(game).__name__}"
            )
        game.validate()
        game.numeric_check("the agent logit QRE")
        game.check_perfect_recall("the agent logit QRE")
        labels = agent_labels(game)
        if not labels:
            raise InvalidGameError(
                "the agent logit QRE needs at least one information set of a player "
                "(this tree has only chance moves)"
            )
        self.game = game
        self.players = tuple(a for a, _, _ in labels)
        self.infosets = tuple((p, lab) for _, p, lab in labels)
        self.owners = tuple(p for _, p, _ in labels)
        infs = [game.get_infoset(lab, p) for _, p, lab in labels]
        self.strategies = tuple(tuple(inf.actions) for inf in infs)
        self.shape = tuple(len(s) for s in self.strategies)
        sizes = np.array(self.shape, dtype=np.int64)
        self.offsets = np.concatenate([[0], np.cumsum(sizes)])[:-1].astype(np.int64)
        n = int(sizes.sum())
        self.n = n
        self.m = len(infs)
        agent_of = {(inf.player, inf.label): k for k, inf in enumerate(infs)}
        pidx = {p: i for i, p in enumerate(game.players)}
        self._agent_of_col = np.repeat(np.arange(self.m), sizes)
        self._owner_of_agent = np.array([pidx[p] for p in self.owners], dtype=np.int64)

        # one pass over the tree: decision edges (flat column, owner) and chance data
        # per node; zero chance probabilities are counted, not multiplied
        path: dict[Any, tuple[tuple[tuple[int, int], ...], float, int]] = {}
        path[game.root] = ((), 1.0, 0)
        terminals = []
        members: list[list[Any]] = [[] for _ in range(self.m)]
        for node in game._preorder():
            edges, c, k = path[node]
            if not node.children:
                terminals.append(node)
                continue
            inf = node.infoset
            if inf is not None:
                a = agent_of[(inf.player, inf.label)]
                members[a].append(node)
                owner = pidx[inf.player]
                for j, child in enumerate(node.children.values()):
                    path[child] = (edges + ((int(self.offsets[a]) + j, owner),), c, k)
            else:
                probs = node.probabilities
                for act, child in node.children.items():
                    q = float(probs[act])  # type: ignore[index]
                    path[child] = (edges, c, k + 1) if q == 0 else (edges, c * q, k)
        self._pad = n  # index of the constant 1 appended to the probabilities
        players = game.players
        U = np.array([[float(z.payoffs[p]) for p in players] for z in terminals])  # type: ignore[index]
        self._U = U
        # expected payoffs of the players: every edge of every terminal
        Lz = max((len(path[z][0]) for z in terminals), default=0)
        cols_z = np.full((len(terminals), Lz), self._pad, dtype=np.int64)
        cz = np.zeros(len(terminals))
        for r, z in enumerate(terminals):
            edges, c, k = path[z]
            cols_z[r, :len(edges)] = [e for e, _ in edges]
            cz[r] = c if k == 0 else 0.0
        self._cols_z, self._c_z = cols_z, cz

        # D pairs: (agent, member node) with the other players' edges to the node
        zero_min = [min(path[h][2] for h in members[a]) for a in range(self.m)]
        d_rows: list[int] = []
        d_cols: list[list[int]] = []
        d_w: list[float] = []
        self._d_nodes: list[str] = []
        for a in range(self.m):
            i = int(self._owner_of_agent[a])
            for h in members[a]:
                edges, c, k = path[h]
                if k != zero_min[a]:
                    continue
                d_rows.append(a)
                d_cols.append([e for e, o in edges if o != i])
                d_w.append(c)
                self._d_nodes.append(h.id)
        # N pairs: (flat action row, terminal) with the edges not the owner's up to I
        n_rows: list[int] = []
        n_cols: list[list[int]] = []
        n_w: list[float] = []
        for r, z in enumerate(terminals):
            edges, c, k = path[z]
            for t, (e, owner) in enumerate(edges):
                a = int(self._agent_of_col[e])
                if k != zero_min[a]:
                    continue
                u = U[r, owner]
                if u == 0:
                    continue
                n_rows.append(e)
                n_cols.append([f for s, (f, o) in enumerate(edges) if o != owner or s > t])
                n_w.append(c * u)
        self._d = self._pack(d_rows, d_cols, d_w)
        self._N = self._pack(n_rows, n_cols, n_w)
        # structural non-zero blocks of d v / d sigma
        nz = np.zeros((self.m, self.m), dtype=bool)
        for rows, cols, _ in (self._N,):
            mask = cols != self._pad
            ra = np.repeat(self._agent_of_col[rows], cols.shape[1]).reshape(cols.shape)
            nz[ra[mask], self._agent_of_col[cols[mask]]] = True
        rows, cols, _ = self._d
        mask = cols != self._pad
        ra = np.repeat(rows, cols.shape[1]).reshape(cols.shape)
        dz = np.zeros((self.m, self.m), dtype=bool)
        dz[ra[mask], self._agent_of_col[cols[mask]]] = True
        self._nonzero = nz | dz
        np.fill_diagonal(self._nonzero, False)
        vals = U.ravel()
        self.spread = max(float(np.ptp(U[:, i])) for i in range(U.shape[1])) or 1.0
        self.scale = max(1.0, float(np.max(np.abs(vals)))) if vals.size else 1.0

    def _pack(self, rows: list[int], cols: list[list[int]], w: list[float]
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        L = max((len(c) for c in cols), default=0)
        C = np.full((len(cols), L), self._pad, dtype=np.int64)
        for r, c in enumerate(cols):
            C[r, :len(c)] = c
        return np.array(rows, dtype=np.int64), C, np.array(w, dtype=np.float64)

    # ------------------------------------------------------------------ evaluation
    def _logs(self, probs: Sequence[np.ndarray]) -> np.ndarray:
        s = np.concatenate([np.asarray(p, dtype=np.float64) for p in probs])
        with np.errstate(divide="ignore"):
            return np.log(s)

    def _eval(self, logp: np.ndarray, jac: bool
              ) -> tuple[np.ndarray, np.ndarray | None]:
        """Values and (if ``jac``) d v / d log sigma, from flat log-probabilities.

        Every monomial is scaled by the largest belief weight of its agent, so
        probabilities far below the float range do not make the values 0/0.
        """
        L = np.append(logp, 0.0)  # the padding column is log 1
        rows, cols, w = self._N
        drows, dcols, dw = self._d
        tD = L[dcols].sum(axis=1)
        top = np.full(self.m, -np.inf)
        np.maximum.at(top, drows, tD)
        if not np.all(np.isfinite(top)):
            # only at trial points of the tracer far off the branch (it then shortens the step)
            bad = [self.players[a] for a in np.flatnonzero(~np.isfinite(top))]
            raise FloatingPointError(
                f"agent logit: the beliefs at {bad} are undefined (every node has a "
                "probability that underflowed to 0)"
            )
        eD = dw * np.exp(tD - top[drows])
        den = np.bincount(drows, weights=eD, minlength=self.m)
        a_of_row = self._agent_of_col[rows]
        eN = w * np.exp(L[cols].sum(axis=1) - top[a_of_row])
        v = np.bincount(rows, weights=eN, minlength=self.n) / den[self._agent_of_col]
        if not jac:
            return v, None
        n1 = self.n + 1
        # d monomial / d log sigma_e = monomial, for every edge e of the monomial
        dN = np.bincount((rows[:, None] * n1 + cols).ravel(),
                         weights=np.repeat(eN, cols.shape[1]),
                         minlength=self.n * n1).reshape(self.n, n1)
        dD = np.bincount((drows[:, None] * n1 + dcols).ravel(),
                         weights=np.repeat(eD, dcols.shape[1]),
                         minlength=self.m * n1).reshape(self.m, n1)
        a = self._agent_of_col
        G = (dN[:, :-1] - v[:, None] * dD[a, :-1]) / den[a][:, None]
        return v, G

    def beliefs(self, probs: Sequence[np.ndarray]) -> list[dict[str, float]]:
        """Beliefs ``{node id: probability}`` at every agent (Bayes' rule; see the module
        docstring for probability-0 chance moves). Computed in logarithms, so beliefs
        at information sets reached with probability below the float range are kept."""
        return self._beliefs(self._logs(probs))

    def _beliefs(self, logp: np.ndarray) -> list[dict[str, float]]:
        L = np.append(logp, 0.0)
        drows, dcols, dw = self._d
        tD = L[dcols].sum(axis=1)
        top = np.full(self.m, -np.inf)
        np.maximum.at(top, drows, tD)
        with np.errstate(invalid="ignore"):
            e = dw * np.exp(tD - top[drows])
        den = np.bincount(drows, weights=e, minlength=self.m)
        out: list[dict[str, float]] = [{} for _ in range(self.m)]
        for k, (a, node) in enumerate(zip(drows, self._d_nodes, strict=True)):
            if np.isfinite(top[a]):  # else every node's probability is 0: no belief
                out[a][node] = float(e[k] / den[a])
        return out

    def values(self, probs: Sequence[np.ndarray]) -> list[np.ndarray]:
        """Conditional value of every action of every agent."""
        return self.log_values(self._logs(probs))

    def log_values(self, logp: np.ndarray | Sequence[np.ndarray]) -> list[np.ndarray]:
        """:meth:`values` from log-probabilities (flat, or one array per agent)."""
        v, _ = self._eval(np.concatenate([np.atleast_1d(x) for x in logp])
                          if not isinstance(logp, np.ndarray) else logp, False)
        return [v[o:o + k] for o, k in zip(self.offsets, self.shape, strict=True)]

    def log_value_jacobian(self, logp: np.ndarray | Sequence[np.ndarray]) -> np.ndarray:
        """The matrix :math:`\\partial v / \\partial \\log \\sigma` (``n x n``, flat order)."""
        flat = (np.concatenate([np.atleast_1d(x) for x in logp])
                if not isinstance(logp, np.ndarray) else logp)
        _, G = self._eval(flat, True)
        return G  # type: ignore[return-value]

    def value_jacobian(self, probs: Sequence[np.ndarray]) -> np.ndarray:
        """The matrix :math:`\\partial v / \\partial \\sigma` (``n x n``, flat action order)."""
        logp = self._logs(probs)
        return self.log_value_jacobian(logp) / np.exp(logp)

    def derivatives(self, probs: Sequence[np.ndarray]) -> list[list[np.ndarray | None]]:
        """Blocks ``d v_a / d sigma_b`` (``K_a x K_b``; ``None`` where identically zero)."""
        J = self.value_jacobian(probs)
        out: list[list[np.ndarray | None]] = []
        for a, (oa, ka) in enumerate(zip(self.offsets, self.shape, strict=True)):
            row: list[np.ndarray | None] = []
            for b, (ob, kb) in enumerate(zip(self.offsets, self.shape, strict=True)):
                row.append(J[oa:oa + ka, ob:ob + kb] if self._nonzero[a, b] else None)
            out.append(row)
        return out

    def payoffs(self, probs: Sequence[np.ndarray]) -> dict[str, float]:
        """Expected payoff of each player of the tree."""
        s = np.append(np.concatenate([np.asarray(p, dtype=np.float64) for p in probs]), 1.0)
        reach = self._c_z * np.prod(s[self._cols_z], axis=1)
        return {p: float(reach @ self._U[:, i]) for i, p in enumerate(self.game.players)}

    def behavior(self, probs: Sequence[np.ndarray]) -> BehaviorProfile:
        """The behaviour profile (float) playing ``probs[a]`` at agent ``a``."""
        data: dict[str, dict[str, list[float]]] = {p: {} for p in self.game.players}
        for (p, lab), v in zip(self.infosets, probs, strict=True):
            v = np.asarray(v, dtype=np.float64)
            data[p][lab] = [float(x) for x in v / v.sum()]
        return BehaviorProfile(self.game, data)


# ---------------------------------------------------------------------------- the limit
def solve_logit_tree(
    game: ExtensiveFormGame,
    *,
    max_lambda: float = math.inf,
    max_regret: float = 1e-8,
    tol: float = 1e-10,
    first_step: float = 0.03,
    max_accel: float = 1.1,
    max_steps: int = 20000,
    certify_limit: int | None = None,
) -> Any:
    """The equilibrium at the end of the principal branch of the logit agent QRE.

    The branch is traced from :math:`\\lambda = 0` in the agent form (one
    agent per information set, conditional action values; see the module
    docstring). Each time the largest agent regret (conditional on reaching
    the information set, relative to the payoff spread) falls below
    ``1e-4``, ``1e-5``, ..., the QRE is *purified*: every behaviour
    probability is rounded to the nearest fraction with denominator at most
    10, 100, ..., :math:`10^6` (within ``1e-3``) and the rounded profile is
    tested exactly. A candidate is accepted when the same profile passes at
    two successive attempts (on a continuum of equilibria the QRE keeps
    drifting until close to its limit), or at the last attempt within
    ``1e-6`` of the QRE. It is then verified as a Nash equilibrium (exactly
    for exact trees) and checked for subgame perfection. If no rounding
    passes by the time the regret reaches ``max_regret``, the float QRE is
    returned, verified with tolerance ``max_regret`` times the payoff
    spread (which the notes state). Exact limits with irrational
    probabilities are therefore returned as floats.

    Parameters
    ----------
    game : ExtensiveFormGame
        A finished numeric tree with perfect recall.
    max_lambda : float, default inf
        Largest lambda traced.
    max_regret : float, default 1e-8
        Relative agent regret at which the branch is deemed converged.
    tol, first_step, max_accel, max_steps
        Tracer options, as for :func:`~gametheory.solvers.logit.logit_branch`.
    certify_limit : int, optional
        Largest reduced normal form (pure profiles) on which the result is
        also certified (default :data:`~gametheory.solvers.trees.CERTIFY_LIMIT`).

    Returns
    -------
    TreeSolution
        ``complete == "one"``: one equilibrium, the limit of the branch.

    Raises
    ------
    InvalidProfileError
        A bad option value.
    MethodNotApplicableError
        The tree lacks perfect recall.
    SymbolicGameError
        The tree has free parameters.
    VerificationError
        The branch did not converge by ``max_lambda`` (or the tracer failed).

    References
    ----------
    .. [1] R. D. McKelvey and T. R. Palfrey, Experimental Economics 1 (1998) 9-41.
    .. [2] T. L. Turocy, Economic Theory 42 (2010) 255-269.

    Examples
    --------
    Centipede (Rosenthal 1981) with McKelvey-Palfrey (1992) stakes: the
    limit is the subgame-perfect equilibrium, take everywhere.

    >>> from gametheory.games.extensive import ExtensiveFormGame
    >>> g = ExtensiveFormGame(["1", "2"], title="centipede")
    >>> node = g.root
    >>> stakes = [(40, 10), (20, 80), (160, 40), (80, 320), (640, 160)]
    >>> for k in range(4):
    ...     take, push = g.move(node, "1" if k % 2 == 0 else "2", ["take", "push"])
    ...     _ = g.outcome(take, stakes[k])
    ...     node = push
    >>> _ = g.outcome(node, stakes[4])
    >>> sol = solve_logit_tree(g)
    >>> print(sol[0])
    1: take/take; 2: take/take -> payoffs (40, 10)
    >>> sol[0].exact, sol[0].subgame_perfect
    (True, True)
    """
    from . import logit as lg
    from .trees import (
        CERTIFY_LIMIT,
        TreeSolution,
        _float_tol,
        _subgame_perfect,
        _wrap,
        reduced_normal_form_size,
    )

    max_lambda = lg._check_real("max_lambda", max_lambda, low=0.0, strict=True, allow_inf=True)
    max_regret = lg._check_real("max_regret", max_regret, low=0.0, strict=True)
    tol = lg._check_real("tol", tol, low=0.0, strict=True)
    first_step = lg._check_real("first_step", first_step, low=0.0, strict=True)
    max_accel = lg._check_real("max_accel", max_accel, low=1.0)
    limit = CERTIFY_LIMIT if certify_limit is None else int(certify_limit)
    method = "logit"
    model = AgentFormModel(game)
    hom = lg._Homotopy(model)
    spread = model.spread
    exact_game = game.is_exact
    small = reduced_normal_form_size(game, cap=limit) <= limit
    state: dict[str, Any] = {"next": 1e-4, "found": None, "last": None}

    def distance(vectors: Sequence[Sequence[Fraction]], probs: Sequence[np.ndarray]) -> float:
        return max(float(np.max(np.abs(np.array([float(x) for x in v]) - p)))
                   for v, p in zip(vectors, probs, strict=True))

    def candidate(probs: list[np.ndarray]) -> tuple[list[list[Fraction]], float] | None:
        for den in (10, 100, 1000, 10**4, 10**5, 10**6):
            snapped = lg._snap(probs, den)
            if any(x < 0 for v in snapped for x in v):
                continue
            dist = distance(snapped, probs)
            if dist > 1e-3:
                continue
            b = _behavior(snapped)
            # a limit of agent QRE is sequential, hence subgame perfect: a rounding that
            # is not is the wrong one
            if exact_game:
                if b.max_regret() == 0 and _subgame_perfect(b, None):
                    return snapped, dist
            elif float(b.max_regret()) <= (ftol := _float_tol(game, None)) and (
                    _subgame_perfect(b, ftol)):
                return snapped, dist
        return None

    def _behavior(vectors: Sequence[Sequence[Any]]) -> BehaviorProfile:
        data: dict[str, dict[str, list[Any]]] = {p: {} for p in game.players}
        for (p, lab), v in zip(model.infosets, vectors, strict=True):
            data[p][lab] = list(v)
        return BehaviorProfile(game, data)

    def stop(z: np.ndarray, probs: list[np.ndarray], vals: Any, t: np.ndarray) -> bool:
        r = lg._regret(probs, vals)  # values are in units of the spread
        final = r <= max_regret
        if r <= state["next"] or final:
            state["next"] = r / 10
            hit = candidate(probs)
            lam = float(z[-1]) / hom.unit
            if hit is not None:
                key = tuple(tuple(v) for v in hit[0])
                if state["last"] == key or (final and hit[1] <= 1e-6):
                    state["found"] = (hit, lam, r)
                    return True
                state["last"] = key
            else:
                state["last"] = None
            if final:
                state["found"] = (None, lam, r)
                return True
        return False

    z, probs, _, _ = lg._trace(
        hom, stop=stop, max_lambda=max_lambda * hom.unit, tol=tol, first_step=first_step,
        max_accel=max_accel, max_steps=max_steps, record=None,
    )
    if state["found"] is None:
        raise VerificationError(
            f"logit: the agent QRE branch did not reach an approximate equilibrium by "
            f"lambda={z[-1] / hom.unit:.6g} (relative agent regret still above {max_regret})"
        )
    hit, lam, r = state["found"]
    if hit is not None:
        vectors, dist = hit
        behavior = _behavior(vectors)
        ftol = None if exact_game else _float_tol(game, None)
        eq = _wrap(game, behavior, method, tol=ftol, certify_rnf=small, check_subgames=True)
        notes = [
            f"agent QRE principal branch traced to lambda={lam:.6g} (relative agent regret "
            f"{r:.1e}); the behaviour profile within {dist:.1e} of it with rational "
            "probabilities was verified " + ("exactly" if eq.exact else "in floats")
        ]
    else:
        probs = [p / p.sum() for p in probs]
        behavior = model.behavior(probs)
        # a player's regret is at most the sum of the agent regrets along a path
        depth = max(len(game.infosets(p)) for p in game.players)
        abs_tol = max(max_regret * spread * depth, _float_tol(game, None))
        eq = _wrap(game, behavior, method, tol=abs_tol, certify_rnf=small, check_subgames=True)
        notes = [
            f"agent QRE principal branch traced to lambda={lam:.6g}; no rational behaviour "
            f"profile near it passed, so the float QRE is returned, verified with regret <= "
            f"{abs_tol:.3g} (max_regret={max_regret:g} times the payoff spread {spread:g} "
            f"times {depth}, the most information sets of one player)"
        ]
    if not small:
        notes.append(f"the reduced normal form has more than {limit} profiles: verified in the "
                     "tree only")
    notes.append("limits of logit agent QRE are sequential equilibria (McKelvey and Palfrey "
                 "1998; Turocy 2010); " + (
                     "Nash equilibrium and subgame perfection were verified"
                     if eq.subgame_perfect else
                     "Nash equilibrium was verified, but the returned profile is not subgame "
                     "perfect within the tolerance (the branch has not converged off the path)"))
    if small:
        notes.append(_sequential_note(game, model, eq, z[:-1]))
    return TreeSolution(game, method, (eq,), eq.exact, "one", None, (), None, tuple(notes),
                        game.to_normal_form() if small and eq.equilibrium is not None else None)


def _sequential_note(game: ExtensiveFormGame, model: AgentFormModel, eq: Any,
                     logp: np.ndarray) -> str:
    """Check sequential rationality of the limit with the QRE's beliefs (rounded) where
    Bayes' rule does not apply, and say what was found."""
    from .pbe import certify_assessment

    behavior = eq.behavior
    exact = bool(eq.exact)
    given: dict[str, dict[str, dict[str, Any]]] = {}
    for (p, lab), bel in zip(model.infosets, model._beliefs(logp), strict=True):
        inf = game.get_infoset(lab, p)
        if len(inf.nodes) < 2 or not bel or behavior.infoset_probability(inf) != 0:
            continue
        ids = [n.id for n in inf.nodes]
        if exact:
            fr = {k: Fraction(bel.get(k, 0.0)).limit_denominator(10**6) for k in ids}
            top = max(ids, key=lambda k: bel.get(k, 0.0))
            fr[top] = 1 - (sum(fr.values()) - fr[top])
            given.setdefault(p, {})[lab] = fr
        else:
            given.setdefault(p, {})[lab] = {k: bel.get(k, 0.0) for k in ids}
    tol = None if exact else max(1e-9, float(eq.regret) * 10)
    where = ("Bayes' rule where reached and the QRE's beliefs (rounded to fractions) "
             "elsewhere" if given else "Bayes' rule (every information set with several "
             "nodes is reached)")
    try:
        certify_assessment(behavior, given, "logit", tol=tol)
    except VerificationError as err:
        return (f"sequential rationality with beliefs by {where} could not be confirmed "
                f"({err})")
    return f"sequentially rational at every information set, with beliefs by {where}"
