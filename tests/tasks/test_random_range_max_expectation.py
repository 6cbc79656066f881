"""RandomRangeMaxExpectation: the segment recurrence against evolving the exact distribution of arrays."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.math.random_range_max_expectation import RandomRangeMaxExpectation

TASK = RandomRangeMaxExpectation()


def scaled_sums_by_distribution(values: list[int], operations: int) -> list[int]:
    """Sum of each final entry over all sequences of subarrays, tracking how many sequences reach each array."""
    n = len(values)
    subarrays = [(left, right) for left in range(n) for right in range(left, n)]
    arrays = Counter({tuple(values): 1})
    for _ in range(operations):
        following: Counter = Counter()
        for array, ways in arrays.items():
            for left, right in subarrays:
                peak = max(array[left : right + 1])
                following[array[:left] + (peak,) * (right - left + 1) + array[right + 1 :]] += ways
        arrays = following
    return [sum(array[i] * ways for array, ways in arrays.items()) for i in range(n)]


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_distribution(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        exact = scaled_sums_by_distribution(p["array"], p["Q"])
        assert problem.reference_answer == " ".join(str(v % 10_000) for v in exact)


def test_random_arrays() -> None:
    rng = random.Random(14)
    for _ in range(60):
        n = rng.randint(1, 5)
        p = {"array": [rng.randint(0, 6) for _ in range(n)], "Q": rng.randint(1, 3)}
        assert TASK.solve(p) == [v % 10_000 for v in scaled_sums_by_distribution(p["array"], p["Q"])]


def test_hand_example_and_rewards() -> None:
    # [1, 0], one operation: subarrays [0], [1] keep it, [0..1] gives [1, 1]; sums 3 and 1
    p = {"array": [1, 0], "Q": 1}
    assert TASK.solve(p) == [3, 1]
    assert TASK.score(p, "3 1").reward == 1.0
    assert TASK.score(p, "3 2").reward == pytest.approx(0.5**3)
    assert TASK.score(p, "3").reward == rewards.INVALID_SOLUTION
