"""The most tree vertices that K paths can cover together."""

from __future__ import annotations

import random
from collections import Counter, deque
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.graphs import random_tree_edges
from rlve_gym.envs.common.ladders import grown


def most_covered(n: int, edges: list[list[int]], paths: int) -> int:
    """The largest number of vertices covered by `paths` paths of a tree.

    Peel the tree leaf layer by leaf layer (layer 1 = the leaves, layer t = vertices that become leaves once
    layers < t are gone). A path meets each layer in at most two vertices, so K paths cover at most
    min(layer size, 2K) vertices of a layer, and together these bounds are reached."""
    neighbours: list[list[int]] = [[] for _ in range(n)]
    for u, v in edges:
        neighbours[u].append(v)
        neighbours[v].append(u)
    remaining = [len(adjacent) - 1 for adjacent in neighbours]
    layer = [0] * n
    queue = deque(v for v in range(n) if remaining[v] <= 0)
    for v in queue:
        layer[v] = 1
    while queue:
        u = queue.popleft()
        for v in neighbours[u]:
            remaining[v] -= 1
            if remaining[v] == 0:
                layer[v] = layer[u] + 1
                queue.append(v)
    return sum(min(size, 2 * paths) for size in Counter(layer).values())


class MaxTree_KPathCoverage(Task):
    """Choose K unordered pairs of distinct vertices of a tree with N vertices; each pair covers the vertices of
    the path between them. How many vertices can be covered in total, at most?

    The answer is the sum over the leaf-peeling layers of min(layer size, 2K); the tests check it against every
    choice of K paths on small trees.
    Difficulty: N ← int(1.1·N + 1) from 4; a random tree (each vertex, in random order, attached to an earlier
    one); K uniform in [1, max(1, leaves // 2 - 1)].
    Reward: -1 unparsable; else 1 if right, 0 if not.
    Answer: one integer, the largest number of covered vertices.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        edges = [sorted(edge) for edge in random_tree_edges(rng, n)]
        degree = Counter(v for edge in edges for v in edge)
        leaves = sum(degree[v] == 1 for v in range(n))
        parameters = {"N": n, "edges": edges, "K": rng.randint(1, max(1, leaves // 2 - 1))}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges, paths = parameters["N"], parameters["edges"], parameters["K"]
        lines = "\n".join(f"({u}, {v})" for u, v in edges)
        return (
            f"Here is a tree (a connected undirected graph without cycles) with {n} vertices labelled 0 to {n - 1} "
            f"and these {n - 1} edges:\n{lines}\n"
            f"Choose exactly {paths} different unordered pairs of distinct vertices (u, v). Each pair covers every "
            "vertex on the path between u and v, both ends included. What is the largest possible number of "
            "vertices covered by at least one of the chosen pairs?\n"
            "Write that number as a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The largest coverage (leaf-layer formula, see `most_covered`)."""
        return most_covered(parameters["N"], parameters["edges"], parameters["K"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))
