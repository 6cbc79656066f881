"""Maximum-weight independent set in a tree."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import random_tree_edges
from rlve_gym.envs.common.ladders import grown


def max_weight_independent_set(n: int, edges: list[list[int]], weights: list[int]) -> tuple[int, list[int]]:
    """(largest total weight of pairwise non-adjacent vertices, one such set) by the usual take/skip tree DP."""
    neighbours: list[list[int]] = [[] for _ in range(n)]
    for u, v in edges:
        neighbours[u].append(v)
        neighbours[v].append(u)
    parent = [-1] * n
    order = [0]
    for vertex in order:  # breadth-first; `order` grows while it is walked
        for other in neighbours[vertex]:
            if other != parent[vertex]:
                parent[other] = vertex
                order.append(other)
    take, skip = list(weights), [0] * n
    for vertex in reversed(order[1:]):
        take[parent[vertex]] += skip[vertex]
        skip[parent[vertex]] += max(take[vertex], skip[vertex])
    chosen = [False] * n
    for vertex in order:
        parent_chosen = parent[vertex] >= 0 and chosen[parent[vertex]]
        chosen[vertex] = not parent_chosen and take[vertex] > skip[vertex]
    return max(take[0], skip[0]), [vertex for vertex in range(n) if chosen[vertex]]


class Maximum_IndependentSet_Tree(Task):
    """Choose pairwise non-adjacent vertices of a vertex-weighted tree with the largest total weight.

    Difficulty: N vertices, N growing as N ← int(1.1·N + 1) from 4; a random tree (each vertex, in a random order,
    attaches to a uniform earlier one); weights uniform in [1, N] (Luogu P1352).
    Reward: -1 unparsable; -0.5 for out-of-range or repeated vertices or two adjacent chosen vertices; else
    (chosen weight / best weight)^3.
    Answer: the chosen vertices on one line, in any order, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        edges = [sorted(edge) for edge in random_tree_edges(rng, n)]
        weights = [rng.randint(1, n) for _ in range(n)]
        _, chosen = max_weight_independent_set(n, edges, weights)
        return Instance({"N": n, "edges": edges, "R": weights}, " ".join(map(str, chosen)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        edges = "\n".join(f"({u}, {v})" for u, v in parameters["edges"])
        weights = "\n".join(f"R[{i}] = {weight}" for i, weight in enumerate(parameters["R"]))
        return (
            f"A tree has {n} vertices, numbered 0 to {n - 1}, and these {n - 1} undirected edges:\n{edges}\n"
            f"Vertex i has weight R[i]:\n{weights}\n"
            "Choose a set of distinct vertices, no two of them joined by an edge, whose total weight is as large as "
            "possible.\n"
            "Write the chosen vertices on one line, in any order, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        chosen = parse_int_list(answer, allow_empty=True)
        n, edges, weights = parameters["N"], parameters["edges"], parameters["R"]
        if len(set(chosen)) != len(chosen) or any(not 0 <= vertex < n for vertex in chosen):
            return rewards.invalid(f"vertices must be distinct and between 0 and {n - 1}")
        members = set(chosen)
        if any(u in members and v in members for u, v in edges):
            return rewards.invalid("two chosen vertices are adjacent")
        best, _ = max_weight_independent_set(n, edges, weights)
        return rewards.optimality(sum(weights[vertex] for vertex in chosen), best, 3.0, minimize=False)
