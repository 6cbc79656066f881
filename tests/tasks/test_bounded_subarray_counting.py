"""BoundedSubarrayCounting: two pointers on the repeated array against checking every subarray."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.bounded_subarray_counting import BoundedSubarrayCounting, small_sum_count

TASK = BoundedSubarrayCounting()


def brute_force(values: list[int], copies: int, k: int) -> int:
    array = values * copies
    return sum(sum(array[i:j]) <= k for i in range(len(array)) for j in range(i + 1, len(array) + 1))


def test_matches_enumeration_on_random_arrays() -> None:
    rng = random.Random(4)
    for _ in range(200):
        values = [rng.randint(1, 6) for _ in range(rng.randint(1, 6))]
        copies = rng.randint(1, 4)
        k = rng.randint(max(values), sum(values) * copies)
        assert small_sum_count(values, copies, k) == brute_force(values, copies, k)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_reference_answer_matches_enumeration(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert int(problem.reference_answer) == brute_force(p["A"], p["M"], p["K"])


def test_hand_example_and_scoring() -> None:
    p = {"A": [2, 1], "M": 2, "K": 3}  # B = 2 1 2 1: singles 4, pairs 3, no triples
    assert TASK.solve(p) == 7
    assert TASK.score(p, "7").reward == 1.0
    assert TASK.score(p, "14").reward == pytest.approx(0.5**10)
    assert TASK.score(p, "-7").reward == rewards.WRONG_FORMAT
