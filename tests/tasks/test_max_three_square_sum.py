"""MaxThreeSquareSum: the guillotine patterns against every triple of disjoint squares."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.algorithmic.max_three_square_sum import MaxThreeSquareSum, best_three_squares

TASK = MaxThreeSquareSum()


def brute_force(grid: list[list[int]], k: int) -> int | None:
    n, m = len(grid), len(grid[0])
    corners = [(i, j) for i in range(n - k + 1) for j in range(m - k + 1)]

    total = {(i, j): sum(grid[a][b] for a in range(i, i + k) for b in range(j, j + k)) for i, j in corners}

    best = None
    for trio in itertools.combinations(corners, 3):
        if all(abs(a[0] - b[0]) >= k or abs(a[1] - b[1]) >= k for a, b in itertools.combinations(trio, 2)):
            value = sum(total[corner] for corner in trio)
            best = value if best is None else max(best, value)
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_against_every_triple(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert int(problem.reference_answer) == brute_force(p["grid"], p["K"])


def test_random_grids_and_sizes() -> None:
    rng = random.Random(9)
    for _ in range(80):
        k = rng.randint(1, 3)
        n, m = rng.randint(k, 3 * k + 1), rng.randint(k, 3 * k + 1)
        grid = [[rng.choice([0, 1, 5, 20]) for _ in range(m)] for _ in range(n)]
        expected = brute_force(grid, k)
        if expected is not None:  # three squares fit
            assert best_three_squares(grid, k) == expected


def test_hand_example() -> None:
    # 4×4 with K = 2: the four quadrant squares sum 4, 8, 12, 16; the best three avoid the 4-block
    grid = [[1, 1, 2, 2], [1, 1, 2, 2], [3, 3, 4, 4], [3, 3, 4, 4]]
    p = {"grid": grid, "K": 2}
    assert TASK.solve(p) == 8 + 12 + 16
    assert TASK.score(p, "36").reward == 1.0
    assert TASK.score(p, "40").reward == 0.0
