"""Minimum-cost dominating set of an undirected graph with vertex costs."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import adjacency_bitsets, costed_graph, costed_graph_text
from rlve_gym.envs.common.ladders import stepped

_DENSITIES = (0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9)
_MAX_COST = 10


def minimum_dominating_set(n: int, edges: list[list[int]], costs: list[int]) -> list[int]:
    """A cheapest dominating set by branch and bound: take the undominated vertex with the fewest allowed
    dominators and branch on which of them is chosen (earlier options are forbidden in later branches, so no set
    is explored twice); prune when the cost so far plus the cheapest dominator of that vertex reaches the best."""
    closed = [bits | 1 << v for v, bits in enumerate(adjacency_bitsets(n, edges))]
    everything = (1 << n) - 1
    best_cost, best_set = sum(costs) + 1, everything

    def search(dominated: int, chosen: int, cost: int, forbidden: int) -> None:
        nonlocal best_cost, best_set
        if dominated == everything:
            if cost < best_cost:
                best_cost, best_set = cost, chosen
            return
        target, options = -1, 0
        mask = everything & ~dominated
        while mask:
            u = (mask & -mask).bit_length() - 1
            mask &= mask - 1
            allowed = closed[u] & ~forbidden
            if target < 0 or allowed.bit_count() < options.bit_count():
                target, options = u, allowed
        candidates = [v for v in range(n) if options >> v & 1]
        if not candidates or cost + min(costs[v] for v in candidates) >= best_cost:
            return
        candidates.sort(key=lambda v: (costs[v], -(closed[v] & ~dominated).bit_count(), v))
        for v in candidates:
            search(dominated | closed[v], chosen | 1 << v, cost + costs[v], forbidden)
            forbidden |= 1 << v

    search(0, 0, 0, 0)
    return [v for v in range(n) if best_set >> v & 1]


class Minimum_DominatingSet(Task):
    """Choose vertices of an undirected graph, each with a cost, so that every vertex is chosen or next to a chosen
    one, at the least total cost.

    The graph is random with int(density·N(N-1)/2) edges and costs uniform in [1, 10]; the optimum is found exactly
    by branch and bound.
    Difficulty: N = d + 4; the density is drawn from {0.02, 0.05, 0.1, ..., 0.5, 0.6, ..., 0.9}, keeping those giving
    at least one edge.
    Reward: -1 unparsable; -0.5 for repeated or out-of-range vertices or an undominated vertex; else
    (optimal cost / cost)^5.
    Answer: the chosen vertices on one line, in any order, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"vertices": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["vertices"]
        graph = costed_graph(rng, n, _DENSITIES, _MAX_COST)
        chosen = minimum_dominating_set(n, graph["edges"], graph["C"])
        parameters = {"N": n, **graph, "optimum": sum(graph["C"][v] for v in chosen)}
        return Instance(parameters, " ".join(map(str, chosen)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            costed_graph_text(parameters["N"], parameters["edges"], parameters["C"])
            + "Choose a set of distinct vertices such that every vertex is in the set or joined by an edge to a vertex "
            "in the set, with the smallest possible total cost.\n"
            "Write the chosen vertices on one line, in any order, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A cheapest dominating set (branch and bound)."""
        return minimum_dominating_set(parameters["N"], parameters["edges"], parameters["C"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        chosen = parse_int_list(answer, allow_empty=True)
        n = parameters["N"]
        if len(set(chosen)) != len(chosen) or any(not 0 <= v < n for v in chosen):
            return rewards.invalid("vertices must be distinct and in range")
        neighbours = adjacency_bitsets(n, parameters["edges"])
        dominated = 0
        for v in chosen:
            dominated |= neighbours[v] | 1 << v
        if dominated != (1 << n) - 1:
            return rewards.invalid("some vertex is neither chosen nor next to a chosen vertex")
        cost = sum(parameters["C"][v] for v in chosen)
        return rewards.optimality(cost, parameters["optimum"], 5.0, minimize=True)
