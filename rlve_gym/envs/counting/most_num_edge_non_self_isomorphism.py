"""The largest number of edges of an asymmetric graph (no non-trivial automorphism) on N vertices."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.ladders import grown

_SMALLEST_ASYMMETRIC = 6
"""Asymmetric graphs with more than one vertex need at least 6 vertices; on 6 they need 6 edges (not a forest)."""


def identity_tree_counts(limit: int) -> list[int]:
    """counts[k] = the number of unlabelled trees on k vertices with no non-trivial automorphism (k ≤ limit).

    Rooted identity trees: a root with a set of pairwise different rooted identity subtrees, counted by choosing,
    for every size, how many of the distinct types of that size to use. Unrooted ones are rooted at their
    centroid: either every branch has fewer than k/2 vertices, or (k even) two different rooted identity trees
    of k/2 vertices are joined at the centroid edge."""
    rooted = [0] * (limit + 1)
    # forests[i][j]: sets of distinct rooted identity trees, all of size ≤ i, with j vertices in total
    forests = [[1] + [0] * limit]
    for size in range(1, limit + 1):
        rooted[size] = forests[size - 1][size - 1]
        previous, current = forests[-1], [0] * (limit + 1)
        for total in range(limit + 1):
            for used in range(total // size + 1):
                current[total] += math.comb(rooted[size], used) * previous[total - size * used]
        forests.append(current)
    counts = [0] * (limit + 1)
    for size in range(1, limit + 1):
        counts[size] = forests[(size - 1) // 2][size - 1]
        if size % 2 == 0:
            counts[size] += math.comb(rooted[size // 2], 2)
    return counts


def most_edges_asymmetric(n: int) -> int:
    """C(n, 2) minus the fewest edges of an asymmetric graph on n vertices (its complement is asymmetric too).

    For n ≥ 7 the fewest edges come from a forest of pairwise different identity trees with as many trees as
    possible (a graph with c components has at least n - c edges): take the smallest trees first, and put any
    leftover vertices into the largest tree (it stays different from the others, and identity trees exist for
    every size ≥ 7). For n = 6 no such forest exists and the minimum is a 6-edge graph."""
    if n < _SMALLEST_ASYMMETRIC:
        raise ValueError("asymmetric graphs on 2..5 vertices do not exist")
    if n == _SMALLEST_ASYMMETRIC:
        return math.comb(n, 2) - 6
    # the counts explode (15 trees on 11 vertices, 6 × 10^7 on 30): the trees of sizes up to 40 hold over 2 × 10^13
    # vertices, so for any n asked here the greedy runs out of vertices before size 40
    counts = identity_tree_counts(min(n, 40))
    remaining, trees = n, 0
    for size in range(1, len(counts)):
        taken = min(remaining // size, counts[size])
        trees += taken
        remaining -= taken * size
    return math.comb(n, 2) - (n - trees)


class MostNumEdge_NonSelfIsomorphism(Task):
    """Find the largest number of edges of a simple undirected graph on N labelled vertices whose only
    automorphism is the identity (an asymmetric graph).

    Difficulty: N is uniform in [6, MAX], MAX growing as MAX ← int(1.1·MAX + 1) from 10.
    Reward: -1 unparsable; 1 for the exact number, else 0.
    Answer: one integer, the largest number of edges.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_vertices": grown(10, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {"N": rng.randint(_SMALLEST_ASYMMETRIC, self.ladder(difficulty)["max_vertices"])}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        return (
            f"Consider simple undirected graphs on the {n} labelled vertices 1, 2, ..., {n}. Such a graph is "
            "asymmetric if the only permutation p of the vertices that maps edges to edges (u-v is an edge exactly "
            "when p(u)-p(v) is an edge) is the identity. What is the largest number of edges an asymmetric graph "
            f"on {n} vertices can have?\n"
            "Your answer should be a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The largest number of edges."""
        return most_edges_asymmetric(parameters["N"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))
