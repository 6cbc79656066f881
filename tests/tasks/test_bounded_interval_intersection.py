"""BoundedIntervalIntersection: the charging formula against checking every subset."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.bounded_interval_intersection import (
    BoundedIntervalIntersection,
    long_intersection_subsets,
)

TASK = BoundedIntervalIntersection()


def brute_force(intervals: list[list[int]], k: int) -> int:
    n = len(intervals)
    count = 0
    for mask in range(1, 1 << n):
        chosen = [intervals[i] for i in range(n) if mask >> i & 1]
        count += min(r for _, r in chosen) - max(l for l, _ in chosen) >= k
    return count


def test_formula_matches_enumeration_with_ties() -> None:
    rng = random.Random(3)
    for _ in range(300):
        n = rng.randint(1, 8)
        intervals = []
        for _ in range(n):
            left = rng.randint(0, 4)
            intervals.append([left, rng.randint(left, 5)])
        k = rng.randint(1, 4)
        assert long_intersection_subsets(intervals, k) == brute_force(intervals, k)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_reference_answer_matches_enumeration(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert int(problem.reference_answer) == brute_force(p["intervals"], p["K"])


def test_hand_example_and_scoring() -> None:
    p = {"intervals": [[0, 4], [1, 5], [3, 3]], "K": 2}  # {0}, {1}, {0, 1} (common part [1, 4])
    assert TASK.solve(p) == 3
    assert TASK.score(p, "3").reward == 1.0
    assert TASK.score(p, "6").reward == pytest.approx(0.5**10)
    assert TASK.score({"intervals": [[2, 2]], "K": 1}, "0").reward == 1.0
    assert TASK.score(p, "-3").reward == rewards.WRONG_FORMAT
