"""Patrol (APIO 2010): add K ≤ 2 edges to a tree to shorten a closed patrol over every road."""

from __future__ import annotations

import random
from collections import deque
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.graphs import random_tree_edges
from rlve_gym.envs.common.ladders import grown


class Patrol(Task):
    """A tree has N vertices 1..N. Add K edges (any endpoints, loops and parallel edges allowed), then walk from
    vertex 1 back to vertex 1 using every tree edge at least once and every added edge exactly once; give the
    fewest edge traversals possible.

    Without added edges every tree edge is walked twice. An added edge between u and v saves the tree path
    between them once, so with K = 1 the answer is 2(N-1) - L1 + 1 for the diameter length L1. With K = 2 the
    second path may reuse edges of the first, which then are walked twice again: weighting the diameter's edges
    -1 and the others +1, the best second path has weight L2 ≥ 0 and the answer is 2N - L1 - L2.
    Difficulty: N ← int(1.1·N + 1) from 4; K uniform in {1, 2}.
    Reward: -1 unparsable; 1 for the minimum, else 0.
    Answer: one integer.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        edges = [sorted([u + 1, v + 1]) for u, v in random_tree_edges(rng, n)]
        parameters = {"N": n, "K": rng.randint(1, 2), "edges": edges}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, k, edges = parameters["N"], parameters["K"], parameters["edges"]
        lines = "\n".join(f"{u} {v}" for u, v in edges)
        added = "one new edge" if k == 1 else f"{k} new edges"
        return (
            f"A tree has {n} vertices, numbered 1 to {n}, and these {n - 1} undirected edges (one per line, as "
            f"two endpoints):\n{lines}\n"
            f"You add {added} to it; a new edge may join any two vertices, may join a vertex to itself, and may "
            "duplicate an existing edge. Then you walk from vertex 1 and return to vertex 1, traversing every "
            "original edge at least once and every new edge exactly once.\n"
            "Choosing the new edges as well as possible, what is the smallest possible number of edge traversals "
            "in the walk (an edge traversed several times counts each time)? Answer with a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Diameter by two BFS passes, then (K = 2) the heaviest path with diameter edges weighted -1."""
        n = parameters["N"]
        neighbours: list[list[int]] = [[] for _ in range(n + 1)]
        for u, v in parameters["edges"]:
            neighbours[u].append(v)
            neighbours[v].append(u)
        end, _, _ = _farthest(neighbours, 1)
        other, parent, order = _farthest(neighbours, end)
        on_diameter = {other}
        vertex = other
        while vertex != end:
            vertex = parent[vertex]
            on_diameter.add(vertex)
        diameter = len(on_diameter) - 1
        if parameters["K"] == 1:
            return 2 * (n - 1) - diameter + 1
        # `order` is BFS order from `end` and `parent` its tree: children come after their parents
        down, second = [0] * (n + 1), 0
        for vertex in reversed(order):
            if vertex == end:
                continue
            up = parent[vertex]
            weight = -1 if vertex in on_diameter and up in on_diameter else 1
            candidate = down[vertex] + weight
            second = max(second, down[up] + candidate)
            down[up] = max(down[up], candidate)
        return 2 * n - diameter - second

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))


def _farthest(neighbours: list[list[int]], source: int) -> tuple[int, list[int], list[int]]:
    """(a vertex farthest from `source`, BFS parents, BFS order)."""
    parent = [0] * len(neighbours)
    parent[source] = source
    order, queue = [source], deque([source])
    seen = {source}
    while queue:
        vertex = queue.popleft()
        for other in neighbours[vertex]:
            if other not in seen:
                seen.add(other)
                parent[other] = vertex
                order.append(other)
                queue.append(other)
    return order[-1], parent, order
