"""Minesweeping: rewards against an independent count over every mine layout of small grids."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.minesweeping import Minesweeping

TASK = Minesweeping()


def expected_reward(layout: list[str], numbers: list[list[int]]) -> float:
    rows, columns = len(numbers), len(numbers[0])
    revealed = [(r, c) for r in range(rows) for c in range(columns) if numbers[r][c] >= 0]
    if any(layout[r][c] == "*" for r, c in revealed):
        return rewards.INVALID_SOLUTION
    right = 0
    for r, c in revealed:
        mines = sum(
            layout[r + dr][c + dc] == "*"
            for dr in (-1, 0, 1)
            for dc in (-1, 0, 1)
            if (dr or dc) and 0 <= r + dr < rows and 0 <= c + dc < columns
        )
        right += mines == numbers[r][c]
    return (right / len(revealed)) ** 10


@pytest.mark.parametrize("difficulty", [0, 1])
def test_rewards_match_independent_counts(difficulty: int) -> None:
    checked = 0
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        numbers = problem.parameters["grid"]
        rows, columns = len(numbers), len(numbers[0])
        assert expected_reward(problem.reference_answer.split("\n"), numbers) == 1.0
        if rows * columns > 12:
            continue
        checked += 1
        for bits in itertools.product(".*", repeat=rows * columns):
            layout = ["".join(bits[r * columns : (r + 1) * columns]) for r in range(rows)]
            verdict = TASK.score(problem.parameters, "\n".join(layout))
            assert verdict.reward == pytest.approx(expected_reward(layout, numbers))
            assert verdict.accuracy == (verdict.reward == 1.0)
    assert checked >= 2


def test_hand_example() -> None:
    p = {"grid": [[1, -1], [-1, -1]]}
    assert TASK.score(p, ".*\n..").reward == 1.0
    assert TASK.score(p, ".*\n**").reward == 0.0
    assert TASK.score(p, "**\n..").reward == rewards.INVALID_SOLUTION
    for bad in (".*", ".*\n.", ".*\n.x"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)
