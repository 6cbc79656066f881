"""CirculatingGrid: the matching solver against an assignment DP over subsets of cells."""

from __future__ import annotations

import random
from functools import cache

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.optimization.circulating_grid import (
    MOVES,
    CirculatingGrid,
    all_on_cycles,
    changes,
    fewest_changes_grid,
)

TASK = CirculatingGrid()


def brute_force(grid: list[str]) -> int:
    """Cells in order pick an arrow; the DP state is the set of cells already pointed at."""
    rows, columns = len(grid), len(grid[0])
    n = rows * columns

    @cache
    def best(cell: int, used: int) -> int:
        if cell == n:
            return 0
        r, c = divmod(cell, columns)
        result = n + 1
        for arrow, (dr, dc) in MOVES.items():
            target = ((r + dr) % rows) * columns + (c + dc) % columns
            if not used >> target & 1:
                result = min(result, (arrow != grid[r][c]) + best(cell + 1, used | 1 << target))
        return result

    return best(0, 0)


def test_solver_matches_subset_dp_on_random_small_grids() -> None:
    rng = random.Random(9)
    for _ in range(60):
        rows, columns = rng.randint(2, 3), rng.randint(2, 4)
        grid = ["".join(rng.choice("LRUD") for _ in range(columns)) for _ in range(rows)]
        solution = fewest_changes_grid(grid)
        assert all_on_cycles(solution)
        assert changes(solution, grid) == brute_force(grid)


@pytest.mark.parametrize("difficulty", [0, 1])
def test_reference_answer_is_optimal(difficulty: int) -> None:
    checked = 0
    for seed in range(12):
        problem = TASK.generate(seed, difficulty)
        grid = problem.parameters["grid"]
        if len(grid) * len(grid[0]) <= 12:
            assert problem.parameters["fewest_changes"] == brute_force(grid)
            assert changes(problem.reference_answer.split("\n"), grid) == brute_force(grid)
            checked += 1
    assert checked >= 3


def test_hand_example_and_scoring() -> None:
    p = {"grid": ["RR", "RL"], "fewest_changes": 0}  # on a 2-wide torus, L and R reach the same cell
    assert TASK.score(p, "RR\nRL").reward == 1.0
    q = {"grid": ["RR", "UR"], "fewest_changes": 0}  # the bottom-left U points to the top-left, not the bottom-right
    q["fewest_changes"] = changes(fewest_changes_grid(q["grid"]), q["grid"])
    assert q["fewest_changes"] == 1
    assert TASK.score(q, "RR\nRR").reward == 1.0
    assert TASK.score(q, "LL\nRR").reward == pytest.approx((1 / 3) ** 5)
    assert TASK.score(q, "RR\nUR").reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(q, "RR\nRX")
