"""Minimum spanning tree of a weighted undirected graph."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import DisjointSets, random_tree_edges
from rlve_gym.envs.common.ladders import grown

_DENSITIES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 0.9)


def minimum_spanning_tree(n: int, edges: list[list[int]]) -> tuple[int, list[list[int]]]:
    """(total weight, edges [u, v]) of a minimum spanning tree (Kruskal; the graph must be connected)."""
    components = DisjointSets(n)
    chosen = [[u, v] for u, v, _ in sorted(edges, key=lambda edge: edge[2]) if components.union(u, v)]
    weight_of = {(u, v): w for u, v, w in edges}
    return sum(weight_of[u, v] for u, v in chosen), chosen


class MinimumSpanningTree(Task):
    """Pick N-1 edges of a connected weighted graph forming a spanning tree of least total weight.

    A random spanning tree is planted and random extra edges are added up to int(density·N·(N-1)/2) edges, the
    density drawn among {0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 0.9} for which that exceeds N - 1; weights are uniform in
    [1, edge count].
    Difficulty: N vertices, N growing as N ← int(1.1·N + 1) from 4.
    Reward: -1 unparsable or an odd number of endpoints; -0.5 unless the pairs are N - 1 edges of the graph that
    form a spanning tree; else (least weight / weight)^5.
    Answer: the tree's edges as endpoint pairs on one line: u1 v1 u2 v2 ... (separated by spaces).
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        pairs = n * (n - 1) // 2
        density = rng.choice([d for d in _DENSITIES if int(d * pairs) > n - 1])
        count = int(density * pairs)
        tree = {tuple(sorted(edge)) for edge in random_tree_edges(rng, n)}
        others = [(u, v) for u in range(n) for v in range(u + 1, n) if (u, v) not in tree]
        chosen = sorted(tree) + rng.sample(others, count - len(tree))
        edges = [[u, v, rng.randint(1, count)] for u, v in chosen]
        rng.shuffle(edges)
        _, best = minimum_spanning_tree(n, edges)
        return Instance({"N": n, "edges": edges}, " ".join(f"{u} {v}" for u, v in best))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        edges = "\n".join(f"({u}, {v}, {w})" for u, v, w in parameters["edges"])
        return (
            f"An undirected graph has {n} vertices, numbered 0 to {n - 1}, and these edges, written (u, v, w) for "
            f"an edge between u and v of weight w:\n{edges}\n"
            f"Choose exactly {n - 1} of these edges that connect all {n} vertices (a spanning tree), with the "
            "smallest possible total weight.\n"
            "Write the chosen edges on one line as their endpoints, u1 v1 u2 v2 ..., separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        endpoints = parse_int_list(answer)
        if len(endpoints) % 2:
            raise AnswerFormatError("expected pairs of endpoints (an even count of numbers)")
        n, edges = parameters["N"], parameters["edges"]
        pairs = [(min(u, v), max(u, v)) for u, v in zip(endpoints[::2], endpoints[1::2])]
        if len(pairs) != n - 1:
            return rewards.invalid(f"a spanning tree has {n - 1} edges, got {len(pairs)}")
        weight_of = {(u, v): w for u, v, w in edges}
        if any(pair not in weight_of for pair in pairs):
            return rewards.invalid("a pair is not an edge of the graph")
        components = DisjointSets(n)
        if not all(components.union(u, v) for u, v in pairs):
            return rewards.invalid("the chosen edges contain a cycle, so they do not span the graph")
        best, _ = minimum_spanning_tree(n, edges)
        return rewards.optimality(sum(weight_of[pair] for pair in pairs), best, 5.0, minimize=True)
