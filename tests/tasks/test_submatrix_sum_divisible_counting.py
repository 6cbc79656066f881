"""SubmatrixSumDivisibleCounting: the prefix-residue count against summing every submatrix."""

from __future__ import annotations

import random

import pytest

from rlve_gym.envs.counting.submatrix_sum_divisible_counting import SubmatrixSumDivisibleCounting

TASK = SubmatrixSumDivisibleCounting()


def brute_force(matrix: list[list[int]], divisor: int) -> int:
    rows, columns = len(matrix), len(matrix[0])
    return sum(
        sum(matrix[r][c] for r in range(top, bottom + 1) for c in range(left, right + 1)) % divisor == 0
        for top in range(rows)
        for bottom in range(top, rows)
        for left in range(columns)
        for right in range(left, columns)
    )


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_generated_instances_match_direct_sums(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(brute_force(p["matrix"], p["K"]))


def test_random_matrices() -> None:
    rng = random.Random(12)
    for _ in range(40):
        rows, columns, divisor = rng.randint(1, 5), rng.randint(1, 5), rng.randint(1, 7)
        matrix = [[rng.randint(0, 9) for _ in range(columns)] for _ in range(rows)]
        assert TASK.solve({"matrix": matrix, "K": divisor}) == brute_force(matrix, divisor)


def test_hand_examples() -> None:
    # [[1, 1], [1, 1]] with K = 2: the four 1×2 / 2×1 strips only (sums 2) plus the whole matrix (4) → 5
    assert TASK.solve({"matrix": [[1, 1], [1, 1]], "K": 2}) == 5
    assert TASK.solve({"matrix": [[1, 1]], "K": 5}) == 0
    assert TASK.score({"matrix": [[1, 1]], "K": 5}, "0").reward == 1.0
    assert TASK.score({"matrix": [[1, 1]], "K": 5}, "2").reward == 0.0
    assert TASK.score({"matrix": [[1, 1], [1, 1]], "K": 2}, "-5").reward == -1.0
