"""Maximal Nash subsets and connected components of a bimatrix game (private).

The extreme equilibria of a two-player game are the edges of a bipartite
graph whose nodes are extreme strategies: an x-vertex of the best-response
polytope :math:`P` and a y-vertex of :math:`Q` are linked when the pair is
completely labelled. Any set of x-vertices :math:`X'` and y-vertices
:math:`Y'` with every pair linked (a *biclique*) spans a convex set
:math:`\\mathrm{conv}(X') \\times \\mathrm{conv}(Y')` of equilibria, because
the best-response condition is linear in each player's strategy separately.
The maximal bicliques are the *maximal Nash subsets*, and the connected
components of the graph (unions of overlapping maximal Nash subsets) are the
connected components of the set of Nash equilibria (Avis, Rosenberg, Savani
and von Stengel 2010, Theorem 2 and Section 4 there).

Maximal bicliques are the closed pairs of the graph: a set :math:`Y'` of
right nodes is closed when it is the intersection of the neighbourhoods of
some left nodes, and then :math:`X'` is every left node adjacent to all of
:math:`Y'`. They are enumerated by closing the neighbourhoods under
intersection, one connected component at a time.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["connected_components", "maximal_bicliques", "nash_components"]


def connected_components(edges: Sequence[tuple[int, int]]) -> list[int]:
    """Component number of each edge of a bipartite graph (left, right node pairs).

    Components are numbered 0, 1, ... in order of their first edge.

    Examples
    --------
    >>> connected_components([(0, 0), (1, 1), (0, 1), (2, 2)])
    [0, 0, 0, 1]
    """
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(a: tuple[int, int]) -> tuple[int, int]:
        root = a
        while parent[root] != root:
            root = parent[root]
        while parent[a] != root:
            parent[a], a = root, parent[a]
        return root

    for u, v in edges:
        a, b = (0, u), (1, v)
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
    numbers: dict[tuple[int, int], int] = {}
    out = []
    for u, _ in edges:
        out.append(numbers.setdefault(find((0, u)), len(numbers)))
    return out


def maximal_bicliques(
    edges: Sequence[tuple[int, int]],
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """All maximal bicliques ``(left nodes, right nodes)`` of a bipartite graph.

    Each is returned with sorted node tuples; the list is sorted. Isolated
    edges are maximal bicliques with one node on each side.

    Examples
    --------
    >>> maximal_bicliques([(0, 0), (0, 1), (1, 1), (2, 5)])
    [((0,), (0, 1)), ((0, 1), (1,)), ((2,), (5,))]
    """
    comp = connected_components(edges)
    groups: dict[int, list[tuple[int, int]]] = {}
    for e, c in zip(edges, comp, strict=True):
        groups.setdefault(c, []).append(e)
    result = []
    for group in groups.values():
        rights = sorted({v for _, v in group})
        bit = {v: k for k, v in enumerate(rights)}
        neighbours: dict[int, int] = {}
        for u, v in group:
            neighbours[u] = neighbours.get(u, 0) | (1 << bit[v])
        lefts = sorted(neighbours)
        closed: set[int] = set()
        frontier = [neighbours[u] for u in lefts]
        while frontier:
            s = frontier.pop()
            if s in closed:
                continue
            closed.add(s)
            for u in lefts:
                t = s & neighbours[u]
                if t and t not in closed:
                    frontier.append(t)
        for s in closed:
            xs = tuple(u for u in lefts if neighbours[u] & s == s)
            ys = tuple(rights[k] for k in range(len(rights)) if (s >> k) & 1)
            result.append((xs, ys))
    return sorted(result)


def nash_components(
    edges: Sequence[tuple[int, int]],
) -> tuple[tuple[tuple[int, ...], ...], list[int | None]]:
    """Maximal Nash subsets and component ids of extreme equilibria.

    Parameters
    ----------
    edges : sequence of (int, int)
        The extreme equilibria, as (x-vertex id, y-vertex id) pairs.

    Returns
    -------
    subsets : tuple of tuple of int
        Maximal Nash subsets with more than one extreme equilibrium, each as a
        sorted tuple of indices into ``edges``; sorted.
    component : list of int or None
        For each edge, the id (0, 1, ... in order of first edge) of its
        connected component when that component has more than one extreme
        equilibrium, else ``None``.

    References
    ----------
    .. [1] D. Avis, G. D. Rosenberg, R. Savani and B. von Stengel, "Enumeration of
       Nash equilibria for two-player games", Economic Theory 42 (2010) 9-37.

    Examples
    --------
    >>> nash_components([(0, 0), (0, 1), (1, 2)])
    (((0, 1),), [0, 0, None])
    """
    index = {e: k for k, e in enumerate(edges)}
    subsets = []
    for xs, ys in maximal_bicliques(edges):
        if len(xs) * len(ys) > 1:
            subsets.append(tuple(sorted(index[(u, v)] for u in xs for v in ys)))
    comp = connected_components(edges)
    sizes: dict[int, int] = {}
    for c in comp:
        sizes[c] = sizes.get(c, 0) + 1
    ids: dict[int, int] = {}
    component: list[int | None] = []
    for c in comp:
        component.append(ids.setdefault(c, len(ids)) if sizes[c] > 1 else None)
    return tuple(sorted(subsets)), component
