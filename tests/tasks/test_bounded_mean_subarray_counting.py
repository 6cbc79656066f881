"""BoundedMeanSubarrayCounting: the prefix-sum count against checking every subarray exactly."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.bounded_mean_subarray_counting import BoundedMeanSubarrayCounting, mean_at_least_count

TASK = BoundedMeanSubarrayCounting()


def brute_force(values: list[int], k: int) -> int:
    n = len(values)
    return sum(Fraction(sum(values[i:j]), j - i) >= k for i in range(n) for j in range(i + 1, n + 1))


def test_matches_enumeration_on_random_arrays() -> None:
    rng = random.Random(2)
    for _ in range(300):
        values = [rng.randint(0, 6) for _ in range(rng.randint(1, 9))]
        k = rng.randint(min(values), max(values))
        assert mean_at_least_count(values, k) == brute_force(values, k)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 6])
def test_reference_answer_matches_enumeration(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert int(problem.reference_answer) == brute_force(p["A"], p["K"]) > 0


def test_hand_example_and_scoring() -> None:
    p = {"A": [1, 3, 2], "K": 2}  # [3], [2], [1 3], [3 2], [1 3 2]
    assert TASK.solve(p) == 5
    assert TASK.score(p, "5").reward == 1.0
    assert TASK.score(p, "10").reward == pytest.approx(0.5**10)
    assert TASK.score(p, "-5").reward == rewards.WRONG_FORMAT
