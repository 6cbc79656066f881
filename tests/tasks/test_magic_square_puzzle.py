"""MagicSquarePuzzle: generated squares are magic, and the verifier checks the rules."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.magic_square_puzzle import MagicSquarePuzzle, shuffled_magic_square

TASK = MagicSquarePuzzle()


def is_magic(square: list[list[int]]) -> bool:
    n = len(square)
    target = n * (n * n + 1) // 2
    numbers = sorted(x for row in square for x in row)
    sums = [sum(row) for row in square] + [sum(col) for col in zip(*square)]
    sums += [sum(square[i][i] for i in range(n)), sum(square[i][n - 1 - i] for i in range(n))]
    return numbers == list(range(1, n * n + 1)) and all(s == target for s in sums)


@pytest.mark.parametrize("n", [3, 4, 5, 7, 8, 9, 12, 13])
def test_shuffled_squares_are_magic_and_varied(n: int) -> None:
    rng = random.Random(n)
    squares = [shuffled_magic_square(rng, n) for _ in range(12)]
    assert all(is_magic(square) for square in squares)
    assert len({str(square) for square in squares}) > (4 if n == 3 else 8)  # n = 3 has only 8 magic squares


def test_ladder_skips_singly_even_sides() -> None:
    assert [TASK.ladder(d)["side"] for d in range(8)] == [3, 4, 5, 7, 8, 9, 11, 12]


def test_order_three_acceptance_matches_the_eight_lo_shu_squares() -> None:
    lo_shu = [[2, 7, 6], [9, 5, 1], [4, 3, 8]]
    all_squares = []
    square = lo_shu
    for _ in range(4):
        square = [list(row) for row in zip(*square[::-1])]
        all_squares += [square, [row[::-1] for row in square]]
    for seed in range(5):
        p = TASK.generate(seed, 0).parameters
        for candidate in all_squares:
            fits = all(clue in (0, x) for row, clue_row in zip(candidate, p["grid"]) for x, clue in zip(row, clue_row))
            text = "\n".join(" ".join(map(str, row)) for row in candidate)
            assert TASK.score(p, text).reward == (1.0 if fits else rewards.INVALID_SOLUTION)


def test_hand_example_and_invalid_answers() -> None:
    p = {"grid": [[2, 0, 6], [9, 5, 1], [4, 3, 0]]}
    assert TASK.score(p, "2 7 6\n9 5 1\n4 3 8").reward == 1.0
    # swapping 7 and 8 breaks row 0, row 2, column 1, column 2 and the main diagonal: 3 of 8 lines stay right
    assert TASK.score(p, "2 8 6\n9 5 1\n4 3 7").reward == pytest.approx((3 / 8) ** 10)
    assert TASK.score(p, "2 7 6\n9 5 1\n4 3 7").reward == rewards.INVALID_SOLUTION  # 7 twice
    assert TASK.score(p, "6 7 2\n1 5 9\n8 3 4").reward == rewards.INVALID_SOLUTION  # magic, but clues changed
    for bad in ("2 7 6\n9 5 1", "2 7 6 1\n9 5 1\n4 3 8", "2 7 x\n9 5 1\n4 3 8"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)
