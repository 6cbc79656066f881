"""MaxNoConflictingBombs: the run-matching optimum against every subset of '*' cells."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.optimization.max_no_conflicting_bombs import MaxNoConflictingBombs, best_bombs

TASK = MaxNoConflictingBombs()


def sees(grid: list[str], a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True iff bombs at a and b share a row or column with no '#' between them."""
    if a[0] == b[0]:
        low, high = sorted((a[1], b[1]))
        return all(grid[a[0]][j] != "#" for j in range(low, high + 1))
    if a[1] == b[1]:
        low, high = sorted((a[0], b[0]))
        return all(grid[i][a[1]] != "#" for i in range(low, high + 1))
    return False


def brute_force(grid: list[str]) -> int:
    stars = [(i, j) for i, row in enumerate(grid) for j, cell in enumerate(row) if cell == "*"]
    for size in range(len(stars), -1, -1):
        for subset in itertools.combinations(stars, size):
            if not any(sees(grid, a, b) for a, b in itertools.combinations(subset, 2)):
                return size
    return 0


def random_grid(rng: random.Random, rows: int, columns: int) -> list[str]:
    return ["".join(rng.choice("#x**") for _ in range(columns)) for _ in range(rows)]


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_against_every_subset(difficulty: int) -> None:
    checked = 0
    for seed in range(30):
        problem = TASK.generate(seed, difficulty)
        grid = problem.parameters["grid"]
        if sum(row.count("*") for row in grid) > 12:
            continue
        checked += 1
        reference = problem.reference_answer.split("\n")
        assert sum(row.count("B") for row in reference) == brute_force(grid)
        assert TASK.score(problem.parameters, problem.reference_answer).accuracy == 1
    assert checked >= 5


def test_random_small_grids() -> None:
    rng = random.Random(2)
    for _ in range(120):
        grid = random_grid(rng, rng.randint(1, 4), rng.randint(1, 4))
        bombs = best_bombs(grid)
        assert not any(sees(grid, a, b) for a, b in itertools.combinations(bombs, 2))
        assert len(bombs) == brute_force(grid)


def test_hand_example_and_invalid_answers() -> None:
    p = {"grid": ["*x*", "#*#", "*x*"]}
    # 'x' does not separate, so each outer row takes one bomb; '#' does, so columns 0 and 2 can take two
    assert TASK.score(p, "Bx*\n#B#\n*xB").reward == 1.0
    assert TASK.score(p, "Bx*\n#*#\n*x*").reward == pytest.approx((1 / 3) ** 3)
    assert TASK.score(p, "BxB\n#B#\n*x*").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "Bx*\n#B#\nBx*").reward == 1.0
    assert TASK.score({"grid": ["*", "x", "*"]}, "B\nx\nB").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "BB*\n#B#\n*xB").reward == rewards.INVALID_SOLUTION  # an 'x' changed
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "Bx*\n#B#")
    assert TASK.score({"grid": ["#x", "x#"]}, "#x\nx#").reward == 1.0
