"""A rooted spanning tree minimising Σ (weight of the edge into t) × (depth of t)."""

from __future__ import annotations

import random
from collections import deque
from typing import Any

import numpy as np

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import DisjointSets, vertex_pairs
from rlve_gym.envs.common.ladders import stepped
from rlve_gym.envs.common.subsets import (
    MAX_ITEMS,
    S_SIDE,
    check_items,
    drop_item,
    expand_to_pairs,
    members,
    reduce_pairs,
    submasks,
    subset_minimum,
)

_DENSITIES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def tree_cost(n: int, weights: dict[tuple[int, int], int], root: int, tree: list[tuple[int, int]]) -> int:
    """Σ over non-root t of (weight of t's edge to its parent) × (number of edges from the root to t)."""
    neighbours: list[list[int]] = [[] for _ in range(n)]
    for u, v in tree:
        neighbours[u].append(v)
        neighbours[v].append(u)
    depth = {root: 0}
    queue, total = deque([root]), 0
    while queue:
        u = queue.popleft()
        for v in neighbours[u]:
            if v not in depth:
                depth[v] = depth[u] + 1
                total += weights[min(u, v), max(u, v)] * depth[v]
                queue.append(v)
    return total


def cheapest_rooted_tree(n: int, edges: list[list[int]]) -> tuple[int, list[tuple[int, int]]]:
    """An optimal root and spanning tree (the graph must be connected).

    Layer DP over vertex sets: best_l[U] is the least cost of growing a tree on U in l layers, where every vertex
    of layer l is charged l × (its cheapest edge to an earlier layer). That may charge a vertex for a depth larger
    than its true one, never smaller, and the optimal tree itself is one such layering, so min_l best_l[all] is
    the optimum; empty layers are allowed, so best_l never increases with l. Each layer is one pass over the 3^n
    pairs (earlier layers S, new layer T) in numpy; the tree is read back by finding, layer by layer, the split
    that attains the stored value."""
    check_items(n, "MinimumWeightedSpanningTree")
    largest = max([w for _, _, w in edges] + [1]) * n * n  # above any finite layered cost
    infinity = 1 << largest.bit_length()
    dtype = np.int16 if 2 * infinity < 2**15 else np.int64
    weight = [[infinity] * n for _ in range(n)]
    for u, v, w in edges:
        weight[u][v] = weight[v][u] = w
    # nearest[t][S] = the cheapest edge from t into S
    nearest = [subset_minimum([min(weight[a][t], infinity) for a in range(n)], infinity, dtype) for t in range(n)]
    # attach[(S, T)] = Σ over t in T of nearest[t][S], built item by item: when item v becomes a digit, its
    # "in T" digit adds nearest[v] at S (S read off the digits of items below v and the bits of items above)
    attach = np.zeros(2**n, dtype=dtype)
    for v in range(n):
        near = expand_to_pairs(drop_item(nearest[v], n, v), n - 1, S_SIDE, items=v)
        current = attach.reshape(2 ** (n - 1 - v), 2, 3**v)
        grown = np.empty((2 ** (n - 1 - v), 3, 3**v), dtype=dtype)
        grown[:, :2, :] = current
        np.add(current[:, 0, :], near.reshape(2 ** (n - 1 - v), 3**v), out=grown[:, 2, :])
        np.minimum(grown[:, 2, :], infinity, out=grown[:, 2, :])
        attach = grown.reshape(-1)
    best = np.full(2**n, infinity, dtype=dtype)
    for v in range(n):
        best[1 << v] = 0
    history = [best]
    layer_cost = np.zeros_like(attach)  # min(l × attach, infinity)
    for _ in range(1, n):
        layer_cost += attach
        np.minimum(layer_cost, infinity, out=layer_cost)
        cells = expand_to_pairs(best, n, S_SIDE)
        cells += layer_cost
        best = reduce_pairs(cells, n, np.minimum)
        np.minimum(best, infinity, out=best)
        history.append(best)
    everything = (1 << n) - 1
    layers = min(range(n), key=lambda layer: (int(history[layer][everything]), layer))
    tree: list[tuple[int, int]] = []
    union = everything
    for layer in range(layers, 0, -1):
        earlier = submasks(union, n)
        earlier = earlier[earlier != 0]
        later = union ^ earlier
        cost = history[layer - 1][earlier].astype(np.int64)
        for t in members(union):
            charged = (later >> t) & 1 == 1
            cost[charged] += layer * nearest[t][earlier[charged]].astype(np.int64)
        split = int(earlier[np.flatnonzero(cost == int(history[layer][union]))[0]])
        for t in members(union ^ split):
            parent = min(members(split), key=lambda a: (weight[a][t], a))
            tree.append((parent, t))
        union = split
    return members(union)[0], tree


class MinimumWeightedSpanningTree(Task):
    """Choose a root and a spanning tree of an undirected weighted graph minimising Σ w(t) × depth(t) over the
    non-root vertices t, where w(t) is the weight of the tree edge from t to its parent and depth(t) counts the
    edges from the root to t.

    The graph is a random spanning tree plus random extra edges up to int(density·N(N-1)/2) edges, with weights
    uniform in [0, N]. The optimum is exact (a layer-by-layer DP over vertex sets, O(N·3^N) cells in numpy) for
    N ≤ 15. Beyond (d ≥ 13, out of reach of the DP and of RLVE's own generator) the optimum is planted: weights are
    drawn from [1, N] and one hidden vertex is joined to every other by a weight-1 edge; every non-root vertex then
    costs at least 1 × 1, so the star around that vertex, costing N - 1, is optimal.
    Difficulty: N = d + 3; the density is drawn from {0.1, ..., 1.0}, keeping those giving more than N - 1 edges.
    Reward: -1 unparsable (or an odd count of edge endpoints); -0.5 for a root or endpoint out of range, a wrong
    number of edges, a non-edge, or edges that do not connect every vertex; otherwise (optimal cost / cost)^5
    (1 when both are 0).
    Answer: one line: the root, then the two endpoints of each of the N - 1 tree edges, all separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"vertices": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["vertices"]
        pairs = n * (n - 1) // 2
        density = rng.choice([d for d in _DENSITIES if int(d * pairs) > n - 1])
        order = rng.sample(range(n), n)
        chosen = {tuple(sorted((order[i], order[rng.randrange(i)]))) for i in range(1, n)}
        others = [(u, v) for u in range(n) for v in range(u + 1, n) if (u, v) not in chosen]
        extra = rng.sample(others, min(len(others), int(density * pairs) - len(chosen)))
        if n > MAX_ITEMS:
            hub = rng.randrange(n)
            weights = {(u, v): rng.randint(1, n) for u, v in sorted(chosen) + extra}
            weights.update({(min(hub, t), max(hub, t)): 1 for t in range(n) if t != hub})
            edges = [[u, v, w] for (u, v), w in sorted(weights.items())]
            root, tree = hub, [(hub, t) for t in range(n) if t != hub]
        else:
            edges = [[u, v, rng.randint(0, n)] for u, v in sorted(chosen) + extra]
            root, tree = cheapest_rooted_tree(n, edges)
        rng.shuffle(edges)
        weights = {(u, v): w for u, v, w in edges}
        parameters = {"N": n, "edges": edges, "optimum": tree_cost(n, weights, root, tree)}
        return Instance(parameters, " ".join(map(str, [root, *(x for edge in tree for x in edge)])))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges = parameters["N"], parameters["edges"]
        lines = "\n".join(f"({u}, {v}, {w})" for u, v, w in edges)
        return (
            f"An undirected graph has {n} vertices, labelled 0 to {n - 1}. Each edge (u, v, w) joins u and v and has "
            f"weight w:\n{lines}\n"
            f"Choose a root vertex and {n - 1} of the edges forming a spanning tree (connecting all vertices without "
            "a cycle). For every vertex t other than the root, let w(t) be the weight of the tree edge joining t to "
            "its parent (the next vertex on the tree path to the root) and depth(t) the number of edges on the "
            "tree path from the root to t. Minimise the total of w(t) × depth(t) over all vertices t other than the "
            "root.\n"
            "Write one line: the root, then the two endpoints of each chosen edge (u1 v1 u2 v2 and so on), all "
            "separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> tuple[int, list[tuple[int, int]]]:
        """An optimal root and tree edges."""
        return cheapest_rooted_tree(parameters["N"], parameters["edges"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_list(answer)
        n = parameters["N"]
        root, tree = values[0], vertex_pairs(values[1:])
        if not 0 <= root < n:
            return rewards.invalid("the root is out of range")
        if len(tree) != n - 1:
            return rewards.invalid(f"expected {n - 1} edges")
        weights = {(u, v): w for u, v, w in parameters["edges"]}
        if any((min(u, v), max(u, v)) not in weights for u, v in tree):
            return rewards.invalid("a chosen pair is not an edge of the graph")
        components = DisjointSets(n)
        if not all(components.union(u, v) for u, v in tree):
            return rewards.invalid("the chosen edges contain a cycle, so they do not connect every vertex")
        cost = tree_cost(n, weights, root, tree)
        return rewards.optimality(cost, parameters["optimum"], 5.0, minimize=True)
