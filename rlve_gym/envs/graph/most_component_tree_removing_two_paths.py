"""Delete two edge-disjoint paths from a tree, leaving as many components as possible."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import random_tree_edges
from rlve_gym.envs.common.ladders import grown

_NONE = float("-inf")


def most_components(n: int, edges: list[list[int]]) -> int:
    """The most components left after deleting the vertices of two edge-disjoint paths of a tree on 1..n.

    Deleting a vertex set S leaves 1 + c(S) + Σ_{v∈S} (deg v - 2) components, c(S) being the number of components
    of S itself. Two edge-disjoint paths either share exactly one vertex c (S is c plus up to four legs going into
    distinct branches: c(S) = 1), or are vertex-disjoint and separated by some edge (u, v), one path on each side
    (c(S) = 1 if they contain u and v, else 2). With f(v) = deg v - 2, both cases reduce to best path sums of f,
    found for every rooting by an O(n) tree DP: O(n²) in all.
    """
    neighbours: list[list[int]] = [[] for _ in range(n + 1)]
    for u, v in edges:
        neighbours[u].append(v)
        neighbours[v].append(u)
    f = [len(neighbours[v]) - 2 for v in range(n + 1)]
    best = _NONE
    # side[(r, v)] = (best path in v's side of edge (r, v), best such path avoiding v)
    side: dict[tuple[int, int], tuple[float, float]] = {}
    for root in range(1, n + 1):
        parent = [0] * (n + 1)
        parent[root] = -1
        order = [root]
        for vertex in order:
            for other in neighbours[vertex]:
                if other != parent[vertex]:
                    parent[other] = vertex
                    order.append(other)
        down = [0] * (n + 1)  # best path starting at v going down
        inside = [_NONE] * (n + 1)  # best path inside v's subtree
        below = [_NONE] * (n + 1)  # best path inside v's subtree avoiding v
        for vertex in reversed(order):
            children = [child for child in neighbours[vertex] if child != parent[vertex]]
            legs = sorted((down[child] for child in children), reverse=True)
            down[vertex] = f[vertex] + max(0, legs[0] if legs else 0)
            below[vertex] = max((inside[child] for child in children), default=_NONE)
            inside[vertex] = max(below[vertex], f[vertex] + sum(leg for leg in legs[:2] if leg > 0))
        for child in neighbours[root]:
            side[root, child] = (inside[child], below[child])
        legs = sorted((down[child] for child in neighbours[root]), reverse=True)
        best = max(best, 2 + f[root] + sum(leg for leg in legs[:4] if leg > 0))
    for u, v in edges:
        (u_any, u_avoiding), (v_any, v_avoiding) = side[v, u], side[u, v]
        best = max(best, 3 + u_avoiding + v_any, 3 + u_any + v_avoiding, 2 + u_any + v_any)
    return int(best)


class MostComponentTreeRemovingTwoPaths(Task):
    """The most connected components a tree can be split into by deleting the vertices of two edge-disjoint paths.

    Difficulty: N vertices (labelled 1..N), N growing as N ← int(1.1·N + 1) from 4; a random tree (each vertex,
    in a random order, attaches to a uniform earlier one) (TJOI 2017 / Luogu P3748).
    Reward: -1 unparsable; 1 for the exact maximum, else 0.
    Answer: one integer.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        edges = [sorted([u + 1, v + 1]) for u, v in random_tree_edges(rng, n)]
        parameters = {"N": n, "edges": edges}
        return Instance(parameters, str(most_components(n, edges)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        edges = "\n".join(f"({u}, {v})" for u, v in parameters["edges"])
        return (
            f"A tree has {n} vertices, numbered 1 to {n}, and these {n - 1} edges:\n{edges}\n"
            "Choose two paths in the tree (each between any two vertices; a single vertex also counts as a path) "
            "that share no edge, although they may share vertices. Delete every vertex on either path together "
            "with all edges touching those vertices. What is the largest number of connected components that can "
            "remain?\n"
            "Write one integer: that largest number."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        expected = most_components(parameters["N"], parameters["edges"])
        return rewards.correct() if value == expected else rewards.wrong()
