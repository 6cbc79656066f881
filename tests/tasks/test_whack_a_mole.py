"""WhackAMole: the forced sweep against solving each hammer size's covering equations by exact elimination."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from rlve_gym.envs.algorithmic.whack_a_mole import WhackAMole

TASK = WhackAMole()


def swings_by_elimination(grid: list[list[int]], rows: int, columns: int) -> int | None:
    """Solve Σ_p t_p·[cell in rectangle p] = grid (unique when solvable: distinct top-left corners) and return
    Σ t_p when every t_p is a non-negative integer, else None."""
    n, m = len(grid), len(grid[0])
    placements = [(i, j) for i in range(n - rows + 1) for j in range(m - columns + 1)]
    matrix = [
        [Fraction(int(i <= x < i + rows and j <= y < j + columns)) for i, j in placements] + [Fraction(grid[x][y])]
        for x in range(n)
        for y in range(m)
    ]
    pivot_row, pivots = 0, []
    for column in range(len(placements)):
        found = next((r for r in range(pivot_row, len(matrix)) if matrix[r][column]), None)
        if found is None:
            continue
        matrix[pivot_row], matrix[found] = matrix[found], matrix[pivot_row]
        head = matrix[pivot_row][column]
        matrix[pivot_row] = [v / head for v in matrix[pivot_row]]
        for r in range(len(matrix)):
            if r != pivot_row and matrix[r][column]:
                factor = matrix[r][column]
                matrix[r] = [a - factor * b for a, b in zip(matrix[r], matrix[pivot_row])]
        pivots.append(column)
        pivot_row += 1
    if any(row[-1] for row in matrix[pivot_row:]):
        return None  # inconsistent
    counts = [matrix[r][-1] for r in range(len(pivots))]
    if any(c < 0 or c.denominator != 1 for c in counts):
        return None
    return int(sum(counts))


def fewest_by_elimination(grid: list[list[int]]) -> int:
    n, m = len(grid), len(grid[0])
    options = [swings_by_elimination(grid, r, c) for r in range(1, n + 1) for c in range(1, m + 1)]
    return min(option for option in options if option is not None)


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_elimination(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(fewest_by_elimination(problem.parameters["grid"]))


def test_random_grids_not_built_from_one_hammer() -> None:
    rng = random.Random(73)
    for _ in range(25):
        n, m = rng.randint(1, 3), rng.randint(1, 3)
        grid = [[rng.randint(0, 3) for _ in range(m)] for _ in range(n)]
        assert TASK.solve({"grid": grid}) == fewest_by_elimination(grid)


def test_hand_examples_and_rewards() -> None:
    p = {"grid": [[1, 1, 0], [1, 1, 0]]}  # one 2 × 2 swing
    assert TASK.solve(p) == 1
    assert TASK.solve({"grid": [[1, 2], [2, 1]]}) == 6  # nothing but 1 × 1 clears it
    assert TASK.solve({"grid": [[0, 0], [0, 0]]}) == 0
    assert TASK.score(p, "1").reward == 1.0
    assert TASK.score(p, "4").reward == 0.0
