"""SubarrayXorSum: per-bit prefix counting against XOR-ing every subarray."""

from __future__ import annotations

import random
from functools import reduce
from operator import xor

import pytest

from rlve_gym.envs.algorithmic.subarray_xor_sum import SubarrayXorSum, subarray_xor_total

TASK = SubarrayXorSum()


def brute_force(values: list[int]) -> int:
    return sum(reduce(xor, values[l:r]) for l in range(len(values)) for r in range(l + 1, len(values) + 1))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 7])
def test_reference_matches_every_subarray(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(brute_force(problem.parameters["A"]))


def test_random_arrays() -> None:
    rng = random.Random(10)
    for _ in range(200):
        values = [rng.randint(0, 300) for _ in range(rng.randint(0, 12))]
        assert subarray_xor_total(values) == brute_force(values)


def test_hand_example_and_scoring() -> None:
    # 1, 2, 3: singles 1+2+3, pairs 3+1, whole 0 → 10
    assert TASK.solve({"A": [1, 2, 3]}) == 10
    assert TASK.score({"A": [1, 2, 3]}, "10").reward == 1.0
    assert TASK.score({"A": [1, 2, 3]}, "11").reward == 0.0
    assert TASK.solve({"A": [0, 0, 0]}) == 0
