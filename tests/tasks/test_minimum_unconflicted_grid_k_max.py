"""MinimumUnconflictedGridKMax: binary search with matching against every injective choice of columns."""

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.minimum_unconflicted_grid_k_max import (
    MinimumUnconflictedGridKMax,
    best_columns,
    kth_largest,
)

TASK = MinimumUnconflictedGridKMax()


def brute_force_optimum(grid: list[list[int]], k: int) -> int:
    return min(kth_largest(grid, list(c), k) for c in itertools.permutations(range(len(grid[0])), len(grid)))


def test_generated_instances_match_brute_force() -> None:
    for difficulty in (0, 1, 2, 3):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert p["optimum"] == brute_force_optimum(p["A"], p["K"])
            assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_grids() -> None:
    rng = random.Random(12)
    for _ in range(100):
        n = rng.randint(1, 5)
        m = rng.randint(n, 6)
        grid = [[rng.randint(1, 9) for _ in range(m)] for _ in range(n)]
        k = rng.randint(1, n)
        columns = best_columns(grid, k)
        assert len(set(columns)) == n and all(0 <= c < m for c in columns)
        assert kth_largest(grid, columns, k) == brute_force_optimum(grid, k)


def test_hand_example_and_rewards() -> None:
    grid = [[1, 5, 9], [1, 6, 8]]  # K = 1 minimises the largest: columns (2, 1) give max(5, 1) = 5
    p = {"A": grid, "K": 1, "optimum": brute_force_optimum(grid, 1)}
    assert p["optimum"] == 5
    assert TASK.score(p, "2 1").reward == 1.0
    assert TASK.score(p, "3 1").reward == pytest.approx((5 / 9) ** 5)
    for bad in ("1 1", "1", "0 2", "1 4", "1 2 3"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
