"""A spanning tree of a graph with every vertex's degree prescribed."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import DisjointSets, random_tree_edges, vertex_pairs
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0
_DENSITIES = (0.1, 0.3, 0.5, 0.7, 0.9)


class DegreeFixed_SpanningTree(Task):
    """Pick N − 1 edges of an undirected graph that form a spanning tree in which vertex i has degree d_i.

    A random tree is planted (its degrees are the d_i) and random extra edges are added up to
    ⌊q·N(N−1)/2⌋ edges, q drawn among {0.1, 0.3, 0.5, 0.7, 0.9} for which that exceeds N − 1.
    Difficulty: N = d + 4 vertices.
    Reward: -1 unparsable or an odd number of endpoints; -0.5 unless the pairs are N − 1 edges of the graph forming
    a spanning tree; otherwise (vertices with the prescribed degree / N)^5.
    Answer: the tree's edges as endpoint pairs on one line: u1 v1 u2 v2 … (separated by spaces).
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        pairs = n * (n - 1) // 2
        density = rng.choice([q for q in _DENSITIES if int(q * pairs) > n - 1])
        tree = random_tree_edges(rng, n)
        degrees = [0] * n
        for u, v in tree:
            degrees[u] += 1
            degrees[v] += 1
        planted = {(min(u, v), max(u, v)) for u, v in tree}
        others = [[u, v] for u in range(n) for v in range(u + 1, n) if (u, v) not in planted]
        edges = [[u, v] for u, v in sorted(planted)] + rng.sample(others, int(density * pairs) - len(planted))
        rng.shuffle(edges)
        parameters = {"N": n, "edges": edges, "degrees": degrees}
        return Instance(parameters, " ".join(f"{u} {v}" for u, v in tree))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        edges = "\n".join(f"({u}, {v})" for u, v in parameters["edges"])
        degrees = ", ".join(f"d_{i}={d}" for i, d in enumerate(parameters["degrees"]))
        return (
            f"An undirected graph has {n} vertices, numbered 0 to {n - 1}, and these edges:\n{edges}\n"
            f"Choose {n - 1} of these edges that form a spanning tree (they connect all {n} vertices without a "
            f"cycle) in which every vertex i has exactly the degree d_i given here: {degrees}\n"
            "Write the chosen edges on one line as their endpoints, u1 v1 u2 v2 …, separated by spaces "
            "(for example 0 1 1 2 means the edges (0, 1) and (1, 2))."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        pairs = vertex_pairs(parse_int_list(answer))
        n = parameters["N"]
        if len(pairs) != n - 1:
            return rewards.invalid(f"a spanning tree has {n - 1} edges")
        graph_edges = {(min(u, v), max(u, v)) for u, v in parameters["edges"]}
        components = DisjointSets(n)
        degrees = [0] * n
        for u, v in pairs:
            if (min(u, v), max(u, v)) not in graph_edges:
                return rewards.invalid(f"({u}, {v}) is not an edge of the graph")
            if not components.union(u, v):
                return rewards.invalid("the chosen edges contain a cycle or a repeated edge")
            degrees[u] += 1
            degrees[v] += 1
        satisfied = sum(a == b for a, b in zip(degrees, parameters["degrees"]))
        return rewards.partial(satisfied / n, _BETA, f"{satisfied}/{n} degrees as prescribed")
