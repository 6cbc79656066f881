"""Kakurasu: the verifier accepts exactly the grids an exhaustive search finds."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.kakurasu import Kakurasu

TASK = Kakurasu()


def sums_match(grid: list[str], p: dict) -> int:
    rows, columns = len(grid), len(grid[0])
    right = 0
    for r in range(rows):
        right += sum(c + 1 for c in range(columns) if grid[r][c] == "1") == p["A"][r]
    for c in range(columns):
        right += sum(r + 1 for r in range(rows) if grid[r][c] == "1") == p["B"][c]
    return right


@pytest.mark.parametrize("difficulty", [0, 1])
def test_rewards_match_an_independent_count(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        rows, columns = len(p["A"]), len(p["B"])
        assert sums_match(problem.reference_answer.split("\n"), p) == rows + columns
        for bits in itertools.product("01", repeat=rows * columns):
            grid = ["".join(bits[r * columns : (r + 1) * columns]) for r in range(rows)]
            right = sums_match(grid, p)
            verdict = TASK.score(p, "\n".join(grid))
            assert verdict.reward == pytest.approx((right / (rows + columns)) ** 10)
            assert verdict.accuracy == (right == rows + columns)


def test_hand_example() -> None:
    p = {"A": [3, 2], "B": [1, 3]}  # 1 1 / 0 1
    assert TASK.score(p, "11\n01").reward == 1.0
    assert TASK.score(p, "11\n10").reward == pytest.approx((1 / 4) ** 10)
    for bad in ("11", "11\n011", "11\n0a"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)
