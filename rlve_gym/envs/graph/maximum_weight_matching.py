"""Maximum-weight matching in a general undirected graph."""

from __future__ import annotations

import random
from typing import Any

import networkx

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import vertex_pairs
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0
_DENSITIES = (0.1, 0.3, 0.4)


class MaximumWeightMatching(Task):
    """Choose edges of a weighted undirected graph, no two sharing a vertex, with the largest total weight.

    Difficulty: N vertices, N ← int(1.1·N + 1) from 5; the graph has int(density·N(N-1)/2) distinct random
    edges with density drawn from {0.1, 0.3, 0.4} (densities giving no edge are skipped) and weights uniform in
    [1, N]. The optimum comes from Edmonds' blossom algorithm (networkx, integer weights, so exact).
    Reward: -1 unparsable or an odd number of vertices; -0.5 if a pair is not an edge or a vertex is used
    twice; otherwise (chosen weight / maximum weight)^5.
    Answer: the endpoints of the chosen edges on one line, u1 v1 u2 v2 …, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(5, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        pairs = n * (n - 1) // 2
        density = rng.choice([d for d in _DENSITIES if int(d * pairs) > 0])
        chosen = rng.sample([(u, v) for u in range(n) for v in range(u + 1, n)], int(density * pairs))
        edges = [[u, v, rng.randint(1, n)] for u, v in chosen]
        parameters: dict[str, Any] = {"N": n, "edges": edges}
        matching = self.solve(parameters)
        parameters["best"] = self.weight(parameters, matching)
        return Instance(parameters, " ".join(f"{u} {v}" for u, v in matching))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges = parameters["N"], parameters["edges"]
        lines = "\n".join(f"({u}, {v}, {w})" for u, v, w in edges)
        return (
            f"An undirected graph has {n} vertices, numbered 0 to {n - 1}, and these edges ({len(edges)} in all), each "
            f"written (u, v, w) for an edge between u and v of weight w:\n{lines}\n"
            "Choose a set of these edges in which no two edges share a vertex, making the total weight of the "
            "chosen edges as large as possible.\n"
            "Write the endpoints of the chosen edges on one line as u1 v1 u2 v2 ..., separated by spaces (for "
            "example, 0 1 3 4 chooses the edges (0, 1) and (3, 4))."
        )

    def solve(self, parameters: dict[str, Any]) -> list[tuple[int, int]]:
        """A maximum-weight matching as sorted (u, v) pairs with u < v."""
        graph = networkx.Graph()
        graph.add_weighted_edges_from(parameters["edges"])
        matching = networkx.max_weight_matching(graph, maxcardinality=False)
        return sorted((min(u, v), max(u, v)) for u, v in matching)

    def weight(self, parameters: dict[str, Any], pairs: list[tuple[int, int]]) -> int:
        """Total weight of `pairs`, which must all be edges."""
        weights = {(u, v): w for u, v, w in parameters["edges"]}
        return sum(weights[(min(u, v), max(u, v))] for u, v in pairs)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        pairs = vertex_pairs(parse_int_list(answer, allow_empty=True))
        weights = {(u, v): w for u, v, w in parameters["edges"]}
        if any((min(u, v), max(u, v)) not in weights for u, v in pairs):
            return rewards.invalid("every pair must be an edge of the graph")
        endpoints = [x for pair in pairs for x in pair]
        if len(set(endpoints)) != len(endpoints):
            return rewards.invalid("a vertex is used by two chosen edges")
        return rewards.optimality(self.weight(parameters, pairs), parameters["best"], _BETA, minimize=False)
