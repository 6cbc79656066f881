"""Split a graph's vertices in two so that every vertex has an even number of neighbours in its own part."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_DRAWS = 64


def _even_group_edges(rng: random.Random, group: list[int], degrees: list[int]) -> list[list[int]]:
    """Random edges inside `group` giving each of its vertices an even degree: all but the last vertex link to a
    random subset of earlier ones, then the last vertex links to every vertex of odd degree (an even number)."""
    edges: list[list[int]] = []
    if len(group) <= 2:
        return edges

    def link(u: int, v: int) -> None:
        edges.append([min(u, v), max(u, v)])
        degrees[u] += 1
        degrees[v] += 1

    for i in range(1, len(group) - 1):
        for neighbour in rng.sample(group[:i], rng.randint(0, i)):
            link(group[i], neighbour)
    for vertex in group[:-1]:
        if degrees[vertex] % 2:
            link(group[-1], vertex)
    return edges


class EvenDegreeGraphPartitioning(Task):
    """Label each vertex 1 or 2 so that every vertex has an even number of neighbours with its own label.

    Such a split always exists (Gallai's theorem); one is planted: two random groups each get an even-degree graph
    inside, plus a random subset of the edges between the groups (POI 2007/Luogu P3429 style).
    Difficulty: N = d + 3 vertices.
    Reward: -1 unparsable; -0.5 for a wrong number of labels or a label other than 1 or 2; else
    (vertices whose same-group degree is even / N)^10.
    Answer: N labels (1 or 2) on one line, the i-th for vertex i, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        for _ in range(_DRAWS):
            vertices = list(range(n))
            rng.shuffle(vertices)
            split = rng.randint(0, n)
            first, second = vertices[:split], vertices[split:]
            degrees = [0] * n
            edges = _even_group_edges(rng, first, degrees) + _even_group_edges(rng, second, degrees)
            across = [[min(u, v), max(u, v)] for u in first for v in second]
            edges += rng.sample(across, rng.randint(0, len(across)))
            if edges:
                break
        else:  # practically unreachable: a triangle inside one group
            first, edges = list(range(n)), [[0, 1], [0, 2], [1, 2]]
        rng.shuffle(edges)
        labels = [2] * n
        for vertex in first:
            labels[vertex] = 1
        return Instance({"N": n, "edges": edges}, " ".join(map(str, labels)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        edges = "\n".join(f"({u}, {v})" for u, v in parameters["edges"])
        return (
            f"An undirected graph has {n} vertices, numbered 0 to {n - 1}, and these edges:\n{edges}\n"
            "Put every vertex into group 1 or group 2 so that each vertex has an even number (possibly zero) of "
            "neighbours in its own group.\n"
            f"Write {n} numbers on one line, separated by spaces: the group (1 or 2) of vertex 0, vertex 1, ..., "
            f"vertex {n - 1}."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        labels = parse_int_list(answer)
        n = parameters["N"]
        if len(labels) != n:
            return rewards.invalid(f"expected {n} labels, got {len(labels)}")
        if any(label not in (1, 2) for label in labels):
            return rewards.invalid("every label must be 1 or 2")
        same_group = [0] * n
        for u, v in parameters["edges"]:
            if labels[u] == labels[v]:
                same_group[u] += 1
                same_group[v] += 1
        even = sum(count % 2 == 0 for count in same_group)
        return rewards.partial(even / n, 10.0, f"{even}/{n} vertices have an even same-group degree")
