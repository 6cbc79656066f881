"""FactorialTrailingZeroCount: Legendre's formula against dividing the factorial itself."""

from __future__ import annotations

import math

import pytest

from rlve_gym.envs.math.factorial_trailing_zero_count import FactorialTrailingZeroCount

TASK = FactorialTrailingZeroCount()


def brute_force(n: int, base: int) -> int:
    value, zeros = math.factorial(n), 0
    while value % base == 0:
        value //= base
        zeros += 1
    return zeros


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5, 8])
def test_generated_instances_match_division(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(brute_force(p["N"], p["K"]))


def test_all_small_pairs() -> None:
    for n in range(1, 40):
        for base in range(2, 60):
            assert TASK.solve({"N": n, "K": base}) == brute_force(n, base), (n, base)


def test_hand_examples() -> None:
    assert TASK.solve({"N": 10, "K": 10}) == 2  # 3628800
    assert TASK.solve({"N": 5, "K": 2}) == 3  # 120 = 0b1111000
    assert TASK.solve({"N": 6, "K": 12}) == 2  # 720 = 5·12², and 5 is not divisible by 12
    assert TASK.score({"N": 10, "K": 10}, "3").reward == 0.0
