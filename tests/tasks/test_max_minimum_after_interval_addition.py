"""MaxMinimum_AfterIntervalAddition: binary search with the greedy check against every choice of K intervals."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.max_minimum_after_interval_addition import (
    MaxMinimum_AfterIntervalAddition,
    minimum_after,
)

TASK = MaxMinimum_AfterIntervalAddition()


def brute_force(p: dict) -> int:
    values, intervals, k, step = p["array"], p["intervals"], p["K"], p["A"]
    best = None
    for chosen in itertools.combinations(range(len(intervals)), k):
        lifted = list(values)
        for index in chosen:
            left, right = intervals[index]
            for position in range(left - 1, right):
                lifted[position] += step
        best = min(lifted) if best is None else max(best, min(lifted))
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_generated_instances_against_every_choice(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        chosen = list(map(int, problem.reference_answer.split()))
        assert len(chosen) == len(set(chosen)) == p["K"]
        assert minimum_after(p["array"], p["intervals"], chosen, p["A"]) == brute_force(p)


def test_random_instances() -> None:
    rng = random.Random(11)
    for _ in range(150):
        n, m = rng.randint(1, 6), rng.randint(2, 7)
        intervals = []
        for _ in range(m):
            left = rng.randint(1, n)
            intervals.append([left, rng.randint(left, n)])
        p = {
            "array": [rng.randint(1, 9) for _ in range(n)],
            "intervals": intervals,
            "K": rng.randint(1, m),
            "A": rng.randint(1, 4),
        }
        assert minimum_after(p["array"], p["intervals"], TASK.solve(p), p["A"]) == brute_force(p)


def test_hand_example_and_invalid_answers() -> None:
    p = {"array": [1, 5, 2], "intervals": [[1, 1], [3, 3], [1, 3]], "K": 2, "A": 3}
    # {1, 3} gives 7 8 5; {1, 2} gives 4 5 5; {2, 3} gives 4 8 8
    assert TASK.solve(p) == [1, 3]
    assert TASK.score(p, "3 1").reward == 1.0
    assert TASK.score(p, "2 1").reward == pytest.approx((4 / 5) ** 5)
    for bad in ("1", "1 1", "0 1", "1 4", "1 2 3"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
