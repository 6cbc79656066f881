"""NextPalindromic: the mirroring rule against counting upwards."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.algorithmic.next_palindromic import NextPalindromic

TASK = NextPalindromic()


def count_up(n: int) -> int:
    value = n + 1
    while str(value) != str(value)[::-1]:
        value += 1
    return value


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_counting_up(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(count_up(problem.parameters["N"]))


def test_every_n_below_3000_and_random_large() -> None:
    for n in range(1, 3000):
        assert TASK.solve({"N": n}) == count_up(n), n
    rng = random.Random(15)
    for _ in range(200):
        n = rng.randint(1, 10**7)
        assert TASK.solve({"N": n}) == count_up(n), n


def test_hand_examples_and_scoring() -> None:
    assert TASK.solve({"N": 99}) == 101
    assert TASK.solve({"N": 1234}) == 1331
    assert TASK.solve({"N": 1991}) == 2002
    assert TASK.score({"N": 99}, "101").reward == 1.0
    assert TASK.score({"N": 99}, "111").reward == pytest.approx((101 / 111) ** 5)
    for bad in ("99", "88", "102", "-101"):
        assert TASK.score({"N": 99}, bad).reward == rewards.INVALID_SOLUTION
