"""TreeDynamic_XORZeroPath: root-XOR grouping against walking every surviving path."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.graph.tree_dynamic_xor_zero_path import TreeDynamic_XORZeroPath

TASK = TreeDynamic_XORZeroPath()


def path_xor(n: int, edges: list[list[int]], source: int, target: int) -> int | None:
    """XOR along the path source → target in a forest, found by depth-first search; None if not connected."""
    stack = [(source, -1, 0)]
    while stack:
        u, came_from, value = stack.pop()
        if u == target:
            return value
        for a, b, w in edges:
            for x, y in ((a, b), (b, a)):
                if x == u and y != came_from:
                    stack.append((y, u, value ^ w))
    return None


def brute_counts(n: int, edges: list[list[int]], removes: list[int]) -> list[int]:
    counts = []
    for k in range(n):
        alive = [edges[i] for i in removes[k:]]
        counts.append(sum(path_xor(n, alive, u, v) == 0 for u in range(n) for v in range(u + 1, n)))
    return counts


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_generated_instances_match_path_walks(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == " ".join(map(str, brute_counts(p["N"], p["edges"], p["removes"])))


def test_random_trees_with_many_zero_paths() -> None:
    rng = random.Random(12)
    for _ in range(30):
        n = rng.randint(2, 7)
        edges = [[rng.randint(0, v - 1), v, rng.randint(0, 2)] for v in range(1, n)]
        removes = rng.sample(range(n - 1), n - 1)
        assert TASK.solve({"N": n, "edges": edges, "removes": removes}) == brute_counts(n, edges, removes)


def test_hand_example_and_rewards() -> None:
    # path 0 -1- 1 -1- 2: only the pair (0, 2) has XOR 0; removing edge 0 (0–1) breaks it
    p = {"N": 3, "edges": [[0, 1, 1], [1, 2, 1]], "removes": [0, 1]}
    assert TASK.solve(p) == [1, 0, 0]
    assert TASK.score(p, "1 0 0").reward == 1.0
    assert TASK.score(p, "1 1 0").reward == pytest.approx((2 / 3) ** 5)
    assert TASK.score(p, "1 0").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "").reward == rewards.INVALID_SOLUTION
