"""MinCubeAssignment: the minimum cut against a row-by-row DP over all level rows and every assignment."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.min_cube_assignment import MinCubeAssignment, assignment_cost, cheapest_levels

TASK = MinCubeAssignment()


def row_dp(costs: list[list[list[int]]], slack: int) -> int:
    """Best total over rows of levels, each row internally within slack and within slack of the row above."""
    columns, levels = len(costs[0]), len(costs[0][0])
    rows = [
        r
        for r in itertools.product(range(levels), repeat=columns)
        if all(abs(a - b) <= slack for a, b in itertools.pairwise(r))
    ]
    best = {r: sum(costs[0][j][r[j]] for j in range(columns)) for r in rows}
    for i in range(1, len(costs)):
        best = {
            r: sum(costs[i][j][r[j]] for j in range(columns))
            + min(v for above, v in best.items() if all(abs(a - b) <= slack for a, b in zip(r, above)))
            for r in rows
        }
    return min(best.values())


def every_assignment(costs: list[list[list[int]]], slack: int) -> int:
    rows, columns, levels = len(costs), len(costs[0]), len(costs[0][0])
    best = None
    for flat in itertools.product(range(levels), repeat=rows * columns):
        grid = [list(flat[i * columns : (i + 1) * columns]) for i in range(rows)]
        if all(abs(grid[i][j] - grid[i][j + 1]) <= slack for i in range(rows) for j in range(columns - 1)) and all(
            abs(grid[i][j] - grid[i + 1][j]) <= slack for i in range(rows - 1) for j in range(columns)
        ):
            cost = assignment_cost(costs, grid)
            best = cost if best is None else min(best, cost)
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_against_row_dp(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        levels = list(map(int, line.split()) for line in problem.reference_answer.split("\n"))
        assert TASK.score(p, problem.reference_answer).accuracy == 1
        assert assignment_cost(p["costs"], [list(row) for row in levels]) == p["optimum"] == row_dp(p["costs"], p["D"])


def test_random_small_grids_against_every_assignment() -> None:
    rng = random.Random(31)
    for _ in range(40):
        rows, columns, levels = rng.randint(1, 2), rng.randint(1, 3), rng.randint(1, 4)
        costs = [[[rng.randint(1, 9) for _ in range(levels)] for _ in range(columns)] for _ in range(rows)]
        slack = rng.randint(0, levels - 1)
        best = every_assignment(costs, slack)
        assert assignment_cost(costs, cheapest_levels(costs, slack)) == best


def test_hand_example_and_invalid_answers() -> None:
    # two cells side by side, levels 0..2, slack 1: cell 0 wants 0, cell 1 wants 2
    costs = [[[1, 5, 9], [9, 5, 1]]]
    p = {"costs": costs, "D": 1, "optimum": 6}
    assert assignment_cost(costs, cheapest_levels(costs, 1)) == 6
    assert TASK.score(p, "0 1").reward == 1.0
    assert TASK.score(p, "1 1").reward == pytest.approx((6 / 10) ** 5)
    for bad in ("0 2", "0 3", "0", "0 1\n0 1", "-1 0"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
