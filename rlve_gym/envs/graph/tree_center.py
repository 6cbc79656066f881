"""Weighted tree median: the vertex minimising the cost-weighted sum of distances to all vertices."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import random_tree_edges
from rlve_gym.envs.common.ladders import stepped

_BETA = 8.0


class TreeCenter(Task):
    """Choose a vertex r of an edge-weighted tree with vertex costs C minimising ∑_i C[i]·dist(i, r).

    Difficulty: N = 4 + d vertices; a random tree with shuffled labels; costs and edge weights uniform in [1, N].
    The optimum comes from rerooting: moving the root across an edge of weight w into a subtree of cost S
    changes the sum by w·(total cost - 2·S).
    Reward: -1 unparsable or a vertex out of range; otherwise (minimum sum / sum at the chosen vertex)^8.
    Answer: the chosen vertex, a single integer.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        costs = [rng.randint(1, n) for _ in range(n)]
        edges = [[min(u, v), max(u, v), rng.randint(1, n)] for u, v in random_tree_edges(rng, n)]
        parameters: dict[str, Any] = {"N": n, "C": costs, "edges": edges}
        sums = self.solve(parameters)
        parameters["best"] = min(sums)
        return Instance(parameters, str(sums.index(parameters["best"])))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, costs, edges = parameters["N"], parameters["C"], parameters["edges"]
        cost_lines = " ".join(f"C[{i}]={c}" for i, c in enumerate(costs))
        lines = "\n".join(f"({u}, {v}, {w})" for u, v, w in edges)
        return (
            f"A tree has {n} vertices, numbered 0 to {n - 1}. Each vertex i has a cost C[i]:\n{cost_lines}\n"
            f"Its {n - 1} edges are written (u, v, w) for an edge between u and v of length w:\n{lines}\n"
            "The distance dist(i, r) between two vertices is the total length of the tree path between them.\n"
            f"Choose a vertex r making C[0]*dist(0, r) + C[1]*dist(1, r) + ... + C[{n - 1}]*dist({n - 1}, r) as "
            "small as possible.\n"
            "Write the chosen vertex r as a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """The cost-weighted distance sum at every vertex, by one pass down from vertex 0 and rerooting."""
        n, costs = parameters["N"], parameters["C"]
        neighbours: list[list[tuple[int, int]]] = [[] for _ in range(n)]
        for u, v, w in parameters["edges"]:
            neighbours[u].append((v, w))
            neighbours[v].append((u, w))
        parent, depth, order = [-1] * n, [0] * n, [0]
        up_weight = [0] * n
        for u in order:
            for v, w in neighbours[u]:
                if v != parent[u] and v != 0:
                    parent[v], depth[v], up_weight[v] = u, depth[u] + w, w
                    order.append(v)
        subtree = list(costs)
        for v in reversed(order[1:]):
            subtree[parent[v]] += subtree[v]
        sums = [0] * n
        sums[0] = sum(c * d for c, d in zip(costs, depth, strict=True))
        for v in order[1:]:
            sums[v] = sums[parent[v]] + up_weight[v] * (subtree[0] - 2 * subtree[v])
        return sums

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        vertex = parse_int(answer)
        if not 0 <= vertex < parameters["N"]:
            raise AnswerFormatError(f"expected a vertex in [0, {parameters['N']})")
        achieved = self.solve(parameters)[vertex]
        return rewards.optimality(achieved, parameters["best"], _BETA, minimize=True)
