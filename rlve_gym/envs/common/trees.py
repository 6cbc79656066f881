"""Tree helpers shared by tasks: random labelled trees, rooting, subtree sizes, distances and diameters.

Vertices are ``0..n-1`` here; tasks that show 1-based labels shift edges on the way in and out. Edges are
``[u, v]`` or ``[u, v, w]`` lists (weight 1 when absent). Every walk is iterative, so deep paths cannot hit
Python's recursion limit.
"""

from __future__ import annotations

import random
from collections import deque

from rlve_gym.envs.common.graphs import adjacency, random_tree_edges


def random_tree(rng: random.Random, n: int, *, first_label: int = 0) -> list[list[int]]:
    """A random tree (random attachment in a shuffled order, as RLVE builds its trees) as ``[u, v]`` edges with
    u < v, labelled from `first_label`, in random order."""
    return [[min(u, v) + first_label, max(u, v) + first_label] for u, v in random_tree_edges(rng, n)]


def rooted(n: int, edges: list[list[int]], root: int = 0) -> tuple[list[int], list[int]]:
    """(parent, order): parent[root] = -1 and `order` lists the vertices breadth-first from `root`, so every
    vertex comes after its parent (iterate it reversed for bottom-up passes)."""
    neighbours = adjacency(n, edges, directed=False)
    parent = [-1] * n
    seen = [False] * n
    seen[root] = True
    order = [root]
    for u in order:
        for v, _ in neighbours[u]:
            if not seen[v]:
                seen[v] = True
                parent[v] = u
                order.append(v)
    return parent, order


def subtree_sizes(parent: list[int], order: list[int]) -> list[int]:
    """Number of vertices in each vertex's subtree, for a rooting given by `rooted`."""
    size = [1] * len(parent)
    for v in reversed(order):
        if parent[v] >= 0:
            size[parent[v]] += size[v]
    return size


def tree_distances(n: int, edges: list[list[int]], source: int) -> list[int]:
    """Weighted distances from `source` in a tree or forest (-1 for vertices in other components)."""
    neighbours = adjacency(n, edges, directed=False)
    distance = [-1] * n
    distance[source] = 0
    queue = deque([source])
    while queue:
        u = queue.popleft()
        for v, weight in neighbours[u]:
            if distance[v] < 0:
                distance[v] = distance[u] + weight
                queue.append(v)
    return distance


def all_pairs_tree_distances(n: int, edges: list[list[int]]) -> list[list[int]]:
    """distance[u][v] for every pair of vertices of a tree (weighted; one traversal per source)."""
    return [tree_distances(n, edges, source) for source in range(n)]


def diameter_path(n: int, edges: list[list[int]], start: int = 0) -> list[int]:
    """The vertices of a longest (weighted, non-negative weights) path in the tree component holding `start`, end
    to end: the farthest vertex from `start` is one end, the farthest from that end the other."""
    first = tree_distances(n, edges, start)
    end = max(range(n), key=lambda v: first[v])
    parent, _ = rooted(n, edges, end)
    from_end = tree_distances(n, edges, end)
    other = max(range(n), key=lambda v: from_end[v])
    path = [other]
    while path[-1] != end:
        path.append(parent[path[-1]])
    return path
