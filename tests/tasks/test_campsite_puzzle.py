"""CampsitePuzzle: the verifier accepts exactly the grids an exhaustive search finds, and rejects broken ones."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.campsite_puzzle import CampsitePuzzle

TASK = CampsitePuzzle()


def is_rule_solution(grid: list[str], p: dict) -> bool:
    rows, columns = len(grid), len(grid[0])
    for r, c in itertools.product(range(rows), range(columns)):
        if p["grid"][r][c] != "*" and p["grid"][r][c] != grid[r][c]:
            return False
        if grid[r][c] == "1" and (
            (r + 1 < rows and grid[r + 1][c] == "1") or (c + 1 < columns and grid[r][c + 1] == "1")
        ):
            return False
    column_counts = [sum(grid[r][c] == "1" for r in range(rows)) for c in range(columns)]
    return [row.count("1") for row in grid] == p["row_counts"] and column_counts == p["column_counts"]


@pytest.mark.parametrize("difficulty", [0, 1])
def test_verifier_accepts_exactly_the_rule_solutions(difficulty: int) -> None:
    checked = 0
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        rows, columns = len(p["grid"]), len(p["grid"][0])
        assert is_rule_solution(problem.reference_answer.split("\n"), p)
        if rows * columns > 12:
            continue
        checked += 1
        for bits in itertools.product("01", repeat=rows * columns):
            grid = ["".join(bits[r * columns : (r + 1) * columns]) for r in range(rows)]
            assert (TASK.score(p, "\n".join(grid)).accuracy == 1) == is_rule_solution(grid, p)
    assert checked >= 2


def test_hand_example_and_invalid_answers() -> None:
    p = {"grid": ["1**", "***"], "row_counts": [2, 1], "column_counts": [1, 1, 1]}
    assert TASK.score(p, "101\n010").reward == 1.0
    assert TASK.score(p, "100\n010").reward == pytest.approx((3 / 5) ** 10)
    assert TASK.score(p, "011\n000").reward == rewards.INVALID_SOLUTION  # changed the given 1
    assert TASK.score(p, "110\n000").reward == rewards.INVALID_SOLUTION  # adjacent 1s
    assert TASK.score(p, "100\n100").reward == rewards.INVALID_SOLUTION  # adjacent vertically
    for bad in ("101", "101\n0101", "1 0 1\n0 2 0"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)
