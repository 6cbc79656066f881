"""MinimumSumDifferenceSubmatrix: the vectorised enumeration + DP against every choice of rows and columns."""

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.minimum_sum_difference_submatrix import (
    MinimumSumDifferenceSubmatrix,
    best_submatrix,
    submatrix_cost,
)

TASK = MinimumSumDifferenceSubmatrix()


def brute_force_optimum(matrix: list[list[int]], row_count: int, column_count: int) -> int:
    return min(
        submatrix_cost(matrix, list(rows), list(columns))
        for rows in itertools.combinations(range(len(matrix)), row_count)
        for columns in itertools.combinations(range(len(matrix[0])), column_count)
    )


def test_generated_instances_match_brute_force() -> None:
    for difficulty in (0, 1, 2):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert p["optimum"] == brute_force_optimum(p["matrix"], p["R"], p["C"])
            assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_matrices_both_orientations() -> None:
    rng = random.Random(9)
    for _ in range(40):
        n, m = rng.randint(2, 6), rng.randint(2, 6)
        matrix = [[rng.randint(1, 12) for _ in range(m)] for _ in range(n)]
        row_count, column_count = rng.randint(1, n), rng.randint(1, m)
        rows, columns = best_submatrix(matrix, row_count, column_count)
        assert len(rows) == row_count and len(columns) == column_count
        assert submatrix_cost(matrix, rows, columns) == brute_force_optimum(matrix, row_count, column_count)


def test_hand_example_and_rewards() -> None:
    matrix = [[1, 9, 2], [8, 1, 7], [2, 9, 3]]
    p = {"matrix": matrix, "R": 2, "C": 2, "optimum": brute_force_optimum(matrix, 2, 2)}
    # rows 0, 2 and columns 0, 2 give [[1, 2], [2, 3]]: |1-2| + |2-3| across, |1-2| + |2-3| down
    assert submatrix_cost(matrix, [0, 2], [0, 2]) == p["optimum"] == 4
    assert best_submatrix(matrix, 2, 2) == ([0, 2], [0, 2])
    assert TASK.score(p, "0 2\n0 2").reward == 1.0
    assert TASK.score(p, "0 1\n0 1").reward == pytest.approx((4 / submatrix_cost(matrix, [0, 1], [0, 1])) ** 5)
    assert TASK.score(p, "1 0\n0 1").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "0 3\n0 1").reward == rewards.INVALID_SOLUTION
    assert TASK.verify(TASK.generate(0, 0), "<answer>0 1</answer>").reward == -1.0
