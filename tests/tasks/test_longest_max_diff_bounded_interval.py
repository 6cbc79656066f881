"""LongestMaxDiffBoundedInterval: the sliding window against checking every subarray."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.optimization.longest_max_diff_bounded_interval import (
    LongestMaxDiffBoundedInterval,
    longest_window,
)

TASK = LongestMaxDiffBoundedInterval()


def longest_by_enumeration(values: list[int], spread: int) -> int:
    n = len(values)
    return max(r - l for l in range(n) for r in range(l + 1, n + 1) if max(values[l:r]) - min(values[l:r]) <= spread)


def test_reference_matches_enumeration() -> None:
    for difficulty in (0, 1, 2, 5, 10):
        for seed in range(6):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert p["best"] == longest_by_enumeration(p["A"], p["K"])
            assert TASK.score(p, problem.reference_answer).reward == 1.0


def test_window_on_random_arrays() -> None:
    rng = random.Random(6)
    for _ in range(300):
        values = [rng.randint(0, 6) for _ in range(rng.randint(1, 10))]
        spread = rng.randint(0, 6)
        left, right = longest_window(values, spread)
        assert max(values[left:right]) - min(values[left:right]) <= spread
        assert right - left == longest_by_enumeration(values, spread)


def test_hand_example_and_invalid_answers() -> None:
    parameters = {"N": 6, "A": [5, 1, 2, 3, 9, 3], "K": 2, "best": 3}
    assert TASK.score(parameters, "1 4").reward == 1.0
    assert TASK.score(parameters, "2 4").reward == pytest.approx((2 / 3) ** 5)
    assert TASK.score(parameters, "0 3").reward == -0.2
    assert TASK.score(parameters, "3 3").reward == -0.5
    assert TASK.score(parameters, "4 7").reward == -0.5
    with pytest.raises(AnswerFormatError):
        TASK.score(parameters, "1 2 3")
