"""Minimum-cost vertex cover of an undirected graph with vertex costs."""

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


def minimum_vertex_cover(n: int, edges: list[list[int]], costs: list[int]) -> list[int]:
    """A cheapest vertex cover: the complement of a heaviest independent set, found by branch and bound
    (isolated vertices are always taken; otherwise branch on a vertex of largest remaining degree, in or out)."""
    neighbours = adjacency_bitsets(n, edges)
    best_weight, best_set = -1, 0

    def weight(mask: int) -> int:
        return sum(costs[v] for v in range(n) if mask >> v & 1)

    def search(remaining: int, chosen: int, chosen_weight: int) -> None:
        nonlocal best_weight, best_set
        if chosen_weight + weight(remaining) <= best_weight:
            return
        isolated = 0
        pivot, pivot_degree = -1, 0
        mask = remaining
        while mask:
            v = (mask & -mask).bit_length() - 1
            mask &= mask - 1
            degree = (neighbours[v] & remaining).bit_count()
            if degree == 0:
                isolated |= 1 << v
            elif degree > pivot_degree:
                pivot, pivot_degree = v, degree
        if isolated:
            search(remaining & ~isolated, chosen | isolated, chosen_weight + weight(isolated))
            return
        if pivot < 0:
            best_weight, best_set = chosen_weight, chosen
            return
        search(remaining & ~neighbours[pivot] & ~(1 << pivot), chosen | 1 << pivot, chosen_weight + costs[pivot])
        search(remaining & ~(1 << pivot), chosen, chosen_weight)

    search((1 << n) - 1, 0, 0)
    return [v for v in range(n) if not best_set >> v & 1]


class Minimum_VertexCover(Task):
    """Choose vertices of an undirected graph, each with a cost, so that every edge has a chosen endpoint, at the
    least total cost.

    The graph is random with int(density·N(N-1)/2) edges and costs uniform in [1, 10]; the optimum is found exactly
    (a heaviest independent set by branch and bound; the cover is its complement).
    Difficulty: N = d + 4; the density is drawn from {0.02, 0.05, 0.1, ..., 0.5, 0.6, ..., 0.9}, keeping those giving
    at least one edge.
    Reward: -1 unparsable; -0.5 for repeated or out-of-range vertices or an uncovered edge; else
    (optimal cost / cost)^5.
    Answer: the chosen vertices on one line, in any order, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"vertices": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["vertices"]
        graph = costed_graph(rng, n, _DENSITIES, _MAX_COST)
        cover = minimum_vertex_cover(n, graph["edges"], graph["C"])
        parameters = {"N": n, **graph, "optimum": sum(graph["C"][v] for v in cover)}
        return Instance(parameters, " ".join(map(str, cover)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            costed_graph_text(parameters["N"], parameters["edges"], parameters["C"])
            + "Choose a set of distinct vertices such that every edge has at least one endpoint in the set, with the "
            "smallest possible total cost.\n"
            "Write the chosen vertices on one line, in any order, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A cheapest vertex cover (branch and bound)."""
        return minimum_vertex_cover(parameters["N"], parameters["edges"], parameters["C"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        chosen = parse_int_list(answer, allow_empty=True)
        n = parameters["N"]
        if len(set(chosen)) != len(chosen) or any(not 0 <= v < n for v in chosen):
            return rewards.invalid("vertices must be distinct and in range")
        members = set(chosen)
        if any(u not in members and v not in members for u, v in parameters["edges"]):
            return rewards.invalid("an edge has no chosen endpoint")
        cost = sum(parameters["C"][v] for v in chosen)
        return rewards.optimality(cost, parameters["optimum"], 5.0, minimize=True)
