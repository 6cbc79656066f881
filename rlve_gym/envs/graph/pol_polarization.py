"""Polarization (POI 2013): orient a tree's edges to maximise the number of reachable ordered pairs."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.graphs import random_tree_edges
from rlve_gym.envs.common.ladders import stepped


class POLPolarization(Task):
    """Direct every edge of a tree with N vertices so that the number of ordered pairs (X, Y), X ≠ Y, with Y
    reachable from X is as large as possible; give that maximum.

    An optimal orientation makes a centroid c the middle of every path: the branches of c are split into two
    groups, one directed towards c and one away from it. Every vertex v ≠ c then reaches or is reached by all of
    its subtree below c, and a·(N-1-a) pairs cross c when the inward group holds a vertices; a is chosen by a
    subset sum over the branch sizes.
    Difficulty: N = 4 + d.
    Reward: -1 unparsable; 1 for the maximum, else 0.
    Answer: one integer.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"N": n, "edges": [sorted(edge) for edge in random_tree_edges(rng, n)]}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges = parameters["N"], parameters["edges"]
        lines = "\n".join(f"{u} {v}" for u, v in edges)
        return (
            f"A tree has {n} vertices, numbered 0 to {n - 1}, and these {n - 1} undirected edges (one per line, "
            f"as two endpoints):\n{lines}\n"
            "Give every edge a direction. Over all ways of doing so, what is the largest possible number of "
            "ordered pairs (X, Y) of distinct vertices such that Y can be reached from X by following directed "
            "edges?\n"
            "Answer with a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Centroid rooting plus a bitset subset sum over the centroid's branch sizes."""
        n = parameters["N"]
        neighbours: list[list[int]] = [[] for _ in range(n)]
        for u, v in parameters["edges"]:
            neighbours[u].append(v)
            neighbours[v].append(u)
        centroid = min(range(n), key=lambda v: max(_branch_sizes(neighbours, v)))
        sizes = _subtree_sizes(neighbours, centroid)
        within = sum(sizes[v] for v in range(n) if v != centroid)
        reachable_sums = 1
        for branch in _branch_sizes(neighbours, centroid):
            reachable_sums |= reachable_sums << branch
        best_cross = max(a * (n - 1 - a) for a in range(n) if reachable_sums >> a & 1)
        return within + best_cross

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))


def _subtree_sizes(neighbours: list[list[int]], root: int) -> list[int]:
    """Subtree sizes of every vertex when the tree is rooted at `root` (iterative DFS)."""
    n = len(neighbours)
    parent, order, stack = [-1] * n, [], [root]
    parent[root] = root
    while stack:
        vertex = stack.pop()
        order.append(vertex)
        for child in neighbours[vertex]:
            if parent[child] < 0:
                parent[child] = vertex
                stack.append(child)
    sizes = [1] * n
    for vertex in reversed(order[1:]):
        sizes[parent[vertex]] += sizes[vertex]
    return sizes


def _branch_sizes(neighbours: list[list[int]], vertex: int) -> list[int]:
    """Sizes of the components left when `vertex` is removed."""
    sizes = _subtree_sizes(neighbours, vertex)
    return [sizes[child] for child in neighbours[vertex]]
