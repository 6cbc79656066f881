"""SkyscraperSumPuzzle: rewards over every Latin square of small orders against an independent clue count."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.skyscraper_sum_puzzle import SkyscraperSumPuzzle

TASK = SkyscraperSumPuzzle()


def latin_squares(n: int) -> list[list[tuple[int, ...]]]:
    rows = list(itertools.permutations(range(n)))
    squares: list[list[tuple[int, ...]]] = [[]]
    for _ in range(n):
        squares = [[*s, row] for s in squares for row in rows if all(row[j] != r[j] for r in s for j in range(n))]
    return squares


def seen_sum(line) -> int:
    return sum(h for i, h in enumerate(line) if all(h > other for other in line[:i]))


@pytest.mark.parametrize("difficulty", [0, 1])
def test_rewards_over_all_latin_squares(difficulty: int) -> None:
    for seed in range(3):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        n = p["N"]
        for square in latin_squares(n):
            columns = list(zip(*square))
            right = sum(seen_sum(row) == p["left"][i] for i, row in enumerate(square))
            right += sum(seen_sum(row[::-1]) == p["right"][i] for i, row in enumerate(square))
            right += sum(seen_sum(col) == p["top"][j] for j, col in enumerate(columns))
            right += sum(seen_sum(col[::-1]) == p["bottom"][j] for j, col in enumerate(columns))
            verdict = TASK.score(p, "\n".join(" ".join(map(str, row)) for row in square))
            assert verdict.reward == pytest.approx((right / (4 * n)) ** 10)
            assert verdict.accuracy == (right == 4 * n)


def test_hand_example_and_invalid_answers() -> None:
    # 0 1 2 / 1 2 0 / 2 0 1: from the left 0+1+2=3, 1+2=3, 2; from the right 2, 0+2=2, 1+2=3
    p = {"N": 3, "left": [3, 3, 2], "right": [2, 2, 3], "top": [3, 3, 2], "bottom": [2, 2, 3]}
    assert TASK.score(p, "0 1 2\n1 2 0\n2 0 1").reward == 1.0
    assert TASK.score(p, "0 1 2\n1 2 0\n2 1 0").reward == rewards.INVALID_SOLUTION
    for bad in ("0 1 2\n1 2 0", "0 1 2 3\n1 2 0\n2 0 1", "0 1 x\n1 2 0\n2 0 1"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)
