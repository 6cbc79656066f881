"""Maximum clique of an undirected graph."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import adjacency_bitsets, maximum_clique, random_simple_graph_edges
from rlve_gym.envs.common.ladders import stepped

_DENSITIES = (0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95)


class MaximumClique(Task):
    """Find a largest set of vertices of an undirected graph that are pairwise adjacent.

    The graph is random with int(density·N(N-1)/2) edges; the optimum is found exactly by branch and bound.
    Difficulty: N = 4 + 2d; the density is drawn from {0.05, 0.15, ..., 0.95}, keeping those giving at least one
    edge.
    Reward: -1 unparsable; -0.5 for repeated or out-of-range vertices or a non-adjacent pair; else
    (clique size / maximum clique size)^5.
    Answer: the vertices of the clique on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"vertices": stepped(4, difficulty, step=2)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["vertices"]
        pairs = n * (n - 1) // 2
        density = rng.choice([d for d in _DENSITIES if int(d * pairs) > 0])
        edges = random_simple_graph_edges(rng, n, int(density * pairs))
        clique = maximum_clique(n, edges)
        return Instance({"N": n, "edges": edges, "optimum": len(clique)}, " ".join(map(str, clique)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges = parameters["N"], parameters["edges"]
        lines = "\n".join(f"{u} - {v}" for u, v in edges)
        return (
            f"An undirected graph has {n} vertices, labelled 0 to {n - 1}, and these {len(edges)} edges:\n{lines}\n"
            "Find a clique that is as large as possible: a set of distinct vertices in which every two vertices are "
            "joined by an edge.\n"
            "Write the vertices of the clique on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A maximum clique (branch and bound)."""
        return maximum_clique(parameters["N"], parameters["edges"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        clique = parse_int_list(answer, allow_empty=True)
        n = parameters["N"]
        if len(set(clique)) != len(clique) or any(not 0 <= v < n for v in clique):
            return rewards.invalid("vertices must be distinct and in range")
        neighbours = adjacency_bitsets(n, parameters["edges"])
        members = sum(1 << v for v in clique)
        if any(members & ~neighbours[v] & ~(1 << v) for v in clique):
            return rewards.invalid("two chosen vertices are not adjacent")
        return rewards.optimality(len(clique), parameters["optimum"], 5.0, minimize=False)
