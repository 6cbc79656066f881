"""Single-pair shortest path in a weighted directed graph."""

from __future__ import annotations

import heapq
import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import adjacency
from rlve_gym.envs.common.ladders import grown

_DENSITIES = (0.01, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3)


class ShortestPath(Task):
    """Find a minimum-weight path from vertex 0 to vertex N-1 in a weighted directed graph.

    A Hamiltonian path 0 → … → N-1 with light weights (1..max(1, N/3)) is planted, then heavier random edges
    (N/2..N) are added up to a density drawn from {0.01, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3}; there is no edge
    0 → N-1 and no two-edge path 0 → t → N-1, so shortcuts must be searched for.
    Difficulty: N grows as N ← int(1.1·N + 1) from 4.
    Reward: -1 unparsable; -0.5 if a vertex is out of range, the path does not go from 0 to N-1, or uses a
    missing edge; otherwise (shortest weight / path weight)^5.
    Answer: the vertices of the path on one line, starting with 0 and ending with N-1, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"vertices": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["vertices"]
        density = rng.choice(_DENSITIES)
        middle = list(range(1, n - 1))
        rng.shuffle(middle)
        planted = [0, *middle, n - 1]
        weights: dict[tuple[int, int], int] = {
            (u, v): rng.randint(1, max(1, n // 3)) for u, v in itertools.pairwise(planted)
        }
        wanted = int(density * n * (n - 1))
        if len(weights) < wanted:
            spare = [(u, v) for u in range(n) for v in range(n) if u != v and (u, v) not in weights]
            spare.remove((0, n - 1))
            for pair in rng.sample(spare, min(len(spare), wanted - len(weights))):
                weights[pair] = rng.randint(max(1, n // 2), n)
        # break every two-edge path 0 → t → n-1 by removing one of its (non-planted if possible) edges
        for t in range(1, n - 1):
            if (0, t) in weights and (t, n - 1) in weights:
                if t == planted[-2]:
                    del weights[(0, t)]
                else:
                    del weights[(t, n - 1)]
        edges = [[u, v, w] for (u, v), w in weights.items()]
        rng.shuffle(edges)
        parameters = {"N": n, "edges": edges}
        return Instance(parameters, " ".join(map(str, self.solve(parameters)[1])))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges = parameters["N"], parameters["edges"]
        lines = "\n".join(f"{u} -> {v} (weight {w})" for u, v, w in edges)
        return (
            f"A directed graph has {n} vertices, numbered 0 to {n - 1}, and these {len(edges)} weighted edges:\n"
            f"{lines}\n"
            f"Find a path from vertex 0 to vertex {n - 1} whose total weight is as small as possible.\n"
            f"Write the vertices of the path on one line, starting with 0 and ending with {n - 1}, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> tuple[int, list[int]]:
        """(shortest weight, one shortest path) by Dijkstra with predecessors."""
        n = parameters["N"]
        neighbours = adjacency(n, parameters["edges"], directed=True)
        distance = [float("inf")] * n
        previous = [-1] * n
        distance[0] = 0
        heap = [(0, 0)]
        while heap:
            dist_u, u = heapq.heappop(heap)
            if dist_u > distance[u]:
                continue
            for v, weight in neighbours[u]:
                if dist_u + weight < distance[v]:
                    distance[v], previous[v] = dist_u + weight, u
                    heapq.heappush(heap, (distance[v], v))
        path = [n - 1]
        while path[-1] != 0:
            path.append(previous[path[-1]])
        return int(distance[n - 1]), path[::-1]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        path = parse_int_list(answer)
        n = parameters["N"]
        if any(not 0 <= v < n for v in path):
            return rewards.invalid("vertex out of range")
        if path[0] != 0 or path[-1] != n - 1:
            return rewards.invalid(f"the path must start at 0 and end at {n - 1}")
        weight = {(u, v): w for u, v, w in parameters["edges"]}
        total = 0
        for u, v in itertools.pairwise(path):
            if (u, v) not in weight:
                return rewards.invalid(f"there is no edge {u} -> {v}")
            total += weight[(u, v)]
        best, _ = self.solve(parameters)
        return rewards.optimality(total, best, 5.0, minimize=True)
