"""Partition a graph's vertices into exactly K non-empty sets with as few crossing edges as possible."""

from __future__ import annotations

import random
from typing import Any

import numpy as np

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import random_simple_graph_edges
from rlve_gym.envs.common.ladders import stepped
from rlve_gym.envs.common.subsets import (
    MAX_ITEMS,
    S_SIDE,
    T_SIDE,
    check_items,
    expand_to_pairs,
    members,
    reduce_pairs,
    submasks,
)

_DENSITIES = (0.02, 0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95)
_NONE = -(1 << 14)  # "no partition": far below any edge count, and two of them still fit in int16


def crossing_edges(edges: list[list[int]], labels: list[int]) -> int:
    """Edges whose ends carry different labels."""
    return sum(labels[u] != labels[v] for u, v in edges)


def best_partition(n: int, edges: list[list[int]], parts: int) -> list[int]:
    """Labels 0..parts-1, each used, with the fewest crossing edges (the most edges inside parts).

    inside_k[U] = the most inside edges over partitions of U into k non-empty parts = max over non-empty T ⊂ U of
    inside_{k-1}[U \\ T] + inside[T]: one pass over the 3^n (S, T) pairs per k in numpy, the last k only at the
    full set; the parts are read back from the stored tables."""
    check_items(n, "Minimum_CrossingEdges_GraphPartition")
    masks = np.arange(2**n, dtype=np.int64)
    inside = np.zeros(2**n, dtype=np.int16)
    for u, v in edges:
        inside += ((masks >> u) & (masks >> v) & 1).astype(np.int16)
    inside_new = inside.copy()
    inside_new[0] = _NONE  # a part is never empty
    new_part = expand_to_pairs(inside_new, n, T_SIDE)
    tables = [inside_new]  # tables[k - 1] = inside_k
    for _ in range(2, parts):
        cells = expand_to_pairs(tables[-1], n, S_SIDE)
        cells += new_part
        table = reduce_pairs(cells, n, np.maximum)
        np.maximum(table, _NONE, out=table)
        tables.append(table)
    labels = [0] * n
    union = (1 << n) - 1
    for part in range(parts - 1, 0, -1):
        candidates = submasks(union, n)
        candidates = candidates[candidates != 0]
        value = tables[part - 1][union ^ candidates].astype(np.int64) + inside[candidates]
        chosen = int(candidates[int(np.argmax(value))])
        for v in members(chosen):
            labels[v] = part
        union ^= chosen
    return labels


def _planted_clusters(rng: random.Random, n: int, parts: int, density: float) -> tuple[list[list[int]], list[int]]:
    """A connected graph whose best split into `parts` sets is a planted clustering (K - 1 crossing edges)."""
    order = rng.sample(range(n), n)
    cuts = sorted(rng.sample(range(1, n), parts - 1))
    clusters = [order[a:b] for a, b in zip([0, *cuts], [*cuts, n], strict=True)]
    labels = [0] * n
    edges: set[tuple[int, int]] = set()
    for label, cluster in enumerate(clusters):
        for v in cluster:
            labels[v] = label
        for i in range(1, len(cluster)):  # a random spanning tree keeps each cluster connected
            edges.add(tuple(sorted((cluster[i], cluster[rng.randrange(i)]))))
        inside = [(u, v) for i, u in enumerate(cluster) for v in cluster[i + 1 :]]
        wanted = int(density * len(inside))
        spare = [tuple(sorted(pair)) for pair in inside if tuple(sorted(pair)) not in edges]
        edges.update(rng.sample(spare, max(0, min(len(spare), wanted - (len(cluster) - 1)))))
    for i in range(1, parts):  # a random tree over the clusters, one edge per tree link
        j = rng.randrange(i)
        edges.add(tuple(sorted((rng.choice(clusters[i]), rng.choice(clusters[j])))))
    edge_list = [list(edge) for edge in sorted(edges)]
    rng.shuffle(edge_list)
    return edge_list, labels


class Minimum_CrossingEdges_GraphPartition(Task):
    """Split the vertices of an undirected graph into exactly K non-empty sets so that as few edges as possible join
    two different sets.

    The graph is random with int(density·N(N-1)/2) edges and K is uniform in [2, N-1]; the optimum is exact (a DP
    over vertex sets, one numpy pass over the 3^N pairs of disjoint sets per part) for N ≤ 15. Beyond (d ≥ 13, where
    the DP and RLVE's own generator are out of reach) the optimum is planted instead: K random clusters, each a
    random connected graph of that density, joined by K - 1 edges along a random tree of clusters; the graph is
    connected, so every split into K non-empty sets cuts at least K - 1 edges, and the clusters cut exactly K - 1.
    Difficulty: N = d + 3; the density is drawn from {0.02, 0.05, 0.15, 0.25, ..., 0.95}, keeping those giving at
    least one edge.
    Reward: -1 unparsable; -0.5 for the wrong number of labels, a label outside 0..K-1 or an empty set; otherwise
    (fewest crossing edges / crossing edges)^5 (1 when both are 0).
    Answer: the set index (0..K-1) of vertices 0..N-1 on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"vertices": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["vertices"]
        parts = rng.randint(2, n - 1)
        pairs = n * (n - 1) // 2
        density = rng.choice([d for d in _DENSITIES if int(d * pairs) > 0])
        if n > MAX_ITEMS:
            edges, labels = _planted_clusters(rng, n, parts, density)
        else:
            edges = random_simple_graph_edges(rng, n, int(density * pairs))
            labels = best_partition(n, edges, parts)
        parameters = {"N": n, "K": parts, "edges": edges, "optimum": crossing_edges(edges, labels)}
        return Instance(parameters, " ".join(map(str, labels)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, parts, edges = parameters["N"], parameters["K"], parameters["edges"]
        lines = "\n".join(f"{u} - {v}" for u, v in edges)
        return (
            f"An undirected graph has {n} vertices, labelled 0 to {n - 1}, and these edges ({len(edges)} in all):\n"
            f"{lines}\n"
            f"Split the vertices into exactly {parts} non-empty sets, numbered 0 to {parts - 1}, every vertex in "
            "exactly one set, so that as few edges as possible join vertices of different sets.\n"
            f"Write the set number of vertex 0, vertex 1, ..., vertex {n - 1} on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Labels of an optimal partition."""
        return best_partition(parameters["N"], parameters["edges"], parameters["K"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        labels = parse_int_list(answer)
        n, parts = parameters["N"], parameters["K"]
        if len(labels) != n or any(not 0 <= label < parts for label in labels):
            return rewards.invalid(f"expected {n} set numbers from 0 to {parts - 1}")
        if len(set(labels)) != parts:
            return rewards.invalid("every set must be non-empty")
        crossing = crossing_edges(parameters["edges"], labels)
        return rewards.optimality(crossing, parameters["optimum"], 5.0, minimize=True)
