"""Triangles of an undirected graph."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0
_EDGE_RATIOS = tuple(tenths / 10 for tenths in range(10, 31))  # 1.0, 1.1, …, 3.0 edges per vertex


class ThreeVertexCycleCounting(Task):
    """Count the triangles (sets of three pairwise adjacent vertices) of an undirected graph.

    Difficulty: N grows as N ← int(1.1·N + 1) from 5; an edge ratio q is drawn from {1.0, 1.1, …, 3.0} (values
    with ⌊q·N⌋ ≤ N(N−1)/2) and max(1, ⌊q·N⌋) distinct edges are chosen uniformly.
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count (1 for 0 when
    there is no triangle).
    Answer: one non-negative integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(5, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        pairs = n * (n - 1) // 2
        ratio = rng.choice([q for q in _EDGE_RATIOS if int(q * n) <= pairs])
        all_edges = [[u, v] for u in range(n) for v in range(u + 1, n)]
        parameters = {"N": n, "edges": rng.sample(all_edges, max(1, min(pairs, int(ratio * n))))}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        edges = "\n".join(f"({u}, {v})" for u, v in parameters["edges"])
        return (
            f"An undirected graph has {n} vertices, numbered 0 to {n - 1}, and these edges:\n{edges}\n"
            "How many triangles does it contain? A triangle is a set of three vertices that are pairwise joined by "
            "edges; the order of the three vertices does not matter.\n"
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """For each edge u < v, the common neighbours w > v (each triangle is found once, at its two smallest
        vertices)."""
        neighbours: list[set[int]] = [set() for _ in range(parameters["N"])]
        for u, v in parameters["edges"]:
            neighbours[u].add(v)
            neighbours[v].add(u)
        return sum(sum(w > max(u, v) for w in neighbours[u] & neighbours[v]) for u, v in parameters["edges"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count cannot be negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)
