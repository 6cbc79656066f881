"""Patrol: the diameter formulas against trying every choice of added edges and doubled tree edges."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.common.graphs import random_tree_edges
from rlve_gym.envs.graph.patrol import Patrol

TASK = Patrol()


def shortest_patrol(n: int, k: int, edges: list[list[int]]) -> int:
    """A closed walk exists iff every degree is even (the multigraph is connected); a tree edge is walked once or
    twice (three times never helps), each added edge exactly once."""
    candidates = [(u, v) for u in range(1, n + 1) for v in range(u, n + 1)]
    best = None
    for added in itertools.combinations_with_replacement(candidates, k):
        parity = [0] * (n + 1)
        for u, v in added:
            parity[u] ^= 1
            parity[v] ^= 1
        for doubled in range(1 << len(edges)):
            degree = parity[:]
            for index, (u, v) in enumerate(edges):
                if not doubled >> index & 1:
                    degree[u] ^= 1
                    degree[v] ^= 1
            if not any(degree):
                cost = len(edges) + bin(doubled).count("1") + k
                best = cost if best is None else min(best, cost)
    assert best is not None
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_search(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(shortest_patrol(p["N"], p["K"], p["edges"]))


def test_random_trees() -> None:
    rng = random.Random(8)
    for _ in range(30):
        n = rng.randint(2, 7)
        edges = [[u + 1, v + 1] for u, v in random_tree_edges(rng, n)]
        for k in (1, 2):
            assert TASK.solve({"N": n, "K": k, "edges": edges}) == shortest_patrol(n, k, edges), (n, k, edges)


def test_hand_example() -> None:
    path = {"N": 5, "K": 1, "edges": [[1, 2], [2, 3], [3, 4], [4, 5]]}
    assert TASK.solve(path) == 5  # a cycle through the new edge (5, 1)
    star = {"N": 5, "K": 2, "edges": [[1, 2], [1, 3], [1, 4], [1, 5]]}
    assert TASK.solve(star) == 6  # two leaf-to-leaf edges: each saves one traversal
    assert TASK.score(star, "6").reward == 1.0
    assert TASK.score(star, "8").reward == 0.0
