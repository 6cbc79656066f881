"""SubarraySumXor: the bitwise Fenwick count against summing every subarray."""

from __future__ import annotations

import random

import pytest

from rlve_gym.envs.algorithmic.subarray_sum_xor import SubarraySumXor

TASK = SubarraySumXor()


def brute(values: list[int]) -> int:
    result = 0
    for i in range(len(values)):
        total = 0
        for j in range(i, len(values)):
            total += values[j]
            result ^= total
    return result


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5, 10])
def test_generated_instances_match_brute_force(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        assert int(problem.reference_answer) == brute(problem.parameters["A"])


def test_random_arrays() -> None:
    rng = random.Random(2)
    for _ in range(200):
        values = [rng.randint(0, rng.choice([1, 5, 40, 1000])) for _ in range(rng.randint(1, 25))]
        assert TASK.solve({"A": values}) == brute(values)


def test_hand_example() -> None:
    # sums 1, 2, 3 (singles), 3, 5 (pairs), 6 (all): 1 ^ 2 ^ 3 ^ 3 ^ 5 ^ 6 = 0
    assert TASK.solve({"A": [1, 2, 3]}) == 0
    # sums 3, 1, 4: 3 ^ 1 ^ 4 = 6
    assert TASK.solve({"A": [3, 1]}) == 6
    assert TASK.score({"A": [3, 1]}, "6").reward == 1.0
    assert TASK.score({"A": [3, 1]}, "7").reward == 0.0
    assert TASK.score({"A": [0, 0]}, "0").reward == 1.0
