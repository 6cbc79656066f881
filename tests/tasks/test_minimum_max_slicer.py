"""Minimum_MaxSlicer: binary search with greedy packing against every cutting."""

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.minimum_max_slicer import Minimum_MaxSlicer, best_ends, largest_batch

TASK = Minimum_MaxSlicer()


def brute_force_optimum(values: list[int], batches: int) -> int:
    n = len(values)
    return min(largest_batch(values, [*cuts, n - 1]) for cuts in itertools.combinations(range(n - 1), batches - 1))


def test_generated_instances_match_brute_force() -> None:
    for difficulty in (0, 1, 2, 3, 4, 5):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert p["optimum"] == brute_force_optimum(p["A"], p["M"])
            assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_arrays() -> None:
    rng = random.Random(13)
    for _ in range(200):
        n = rng.randint(1, 9)
        values = [rng.randint(1, 9) for _ in range(n)]
        batches = rng.randint(1, n)
        ends = best_ends(values, batches)
        assert len(ends) == batches and ends[-1] == n - 1 and ends == sorted(set(ends))
        assert largest_batch(values, ends) == brute_force_optimum(values, batches)


def test_hand_example_and_rewards() -> None:
    p = {"A": [7, 2, 5, 10, 8], "M": 2, "optimum": 18}  # [7 2 5] [10 8]: 14 and 18
    assert largest_batch(p["A"], best_ends(p["A"], 2)) == 18
    assert TASK.score(p, "2 4").reward == 1.0
    assert TASK.score(p, "3 4").reward == pytest.approx((18 / 24) ** 3)
    for bad in ("2", "2 3", "3 2 4", "-1 4", "4 4"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
